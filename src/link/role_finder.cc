#include "link/role_finder.h"

#include <vector>

#include "link/link_text.h"
#include "link/mention_keys.h"
#include "link/role_phrase.h"

namespace svodka {

struct RoleFinder::Buffers {
  TokenFlagCache flags;
  std::vector<NameKey> keys;
  std::vector<RolePhrase> phrases;
  std::vector<std::vector<uint32_t>> recorded;  // per object: the phrase of each of its roles
};

RoleFinder RoleFinder::Create() { return RoleFinder(&LinkRules::Get()); }

Status RoleFinder::Annotate(Document& doc, Scratch* scratch) const {
  Buffers local;
  Buffers& b = scratch ? scratch->For<Buffers>(this) : local;
  for (EntityObject& o : doc.objects) o.roles.clear();
  doc.layers |= kLayerRoles;
  if (!(doc.layers & kLayerObjects)) return Status::Ok();
  b.flags.Compute(doc);
  ComputeNameKeys(doc, b.flags.flags(), *rules_, &b.keys);
  FindRolePhrases(doc, b.flags.flags(), *rules_, b.keys, &b.phrases);
  const uint32_t n_objects = static_cast<uint32_t>(doc.objects.size());
  b.recorded.resize(n_objects);
  for (auto& r : b.recorded) r.clear();
  auto object_of = [&](uint32_t mention) {
    if (mention >= doc.entities.size()) return kNoObject;
    const uint32_t o = doc.entities[mention].object;
    return o < n_objects ? o : kNoObject;
  };
  for (const RolePhrase& p : b.phrases) {
    if (p.kind == RoleKind::kRelation || p.position_end <= p.position_begin) continue;
    uint32_t person = object_of(p.person);
    if (person == kNoObject) {
      for (uint32_t i = 0; i < doc.entities.size(); ++i) {
        const Mention& m = doc.entities[i];
        if (m.kind == MentionKind::kDescription && m.first_token == p.begin &&
            m.end_token == p.end) {
          person = object_of(i);
          break;
        }
      }
    }
    if (person == kNoObject || doc.objects[person].type != EntityType::kPer) continue;
    Role r;
    r.span = {doc.tokens[p.begin].span.begin, doc.tokens[p.end - 1].span.end};
    r.position_span = {doc.tokens[p.position_begin].span.begin,
                       doc.tokens[p.position_end - 1].span.end};
    r.position = p.position;
    r.org = object_of(p.org);
    r.place = object_of(p.place);
    if (r.place == kNoObject && !p.place_key.empty()) {
      for (uint32_t i = 0; i < doc.entities.size() && r.place == kNoObject; ++i) {
        const Mention& m = doc.entities[i];
        if (m.kind == MentionKind::kName && m.type != EntityType::kPer &&
            b.keys[i].place == p.place_key)
          r.place = object_of(i);
      }
    }
    // Once per position: a later mention of it fills in what the first lacked.
    std::vector<Role>& roles = doc.objects[person].roles;
    Role* same = nullptr;
    for (size_t k = 0; k < roles.size(); ++k) {
      const RolePhrase& q = b.phrases[b.recorded[person][k]];
      if (roles[k].position == r.position || (q.head_lemma == p.head_lemma && RolesAgree(p, q)))
        same = &roles[k];
    }
    if (same == nullptr) {
      roles.push_back(std::move(r));
      b.recorded[person].push_back(static_cast<uint32_t>(&p - b.phrases.data()));
    } else {
      if (same->org == kNoObject) same->org = r.org;
      if (same->place == kNoObject) same->place = r.place;
    }
  }
  return Status::Ok();
}

}  // namespace svodka
