#include "article/html_reader.h"

#include <gumbo.h>

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "article/compose.h"
#include "article/rules.h"
#include "article/text_util.h"
#include "base/json_writer.h"

namespace svodka {
namespace {

constexpr int kMaxDepth = 5000;
// gumbo 0.10 checks each new attribute against the tag's earlier ones: quadratic in the
// attributes of one tag (40,000 take seconds). Real pages stay far below this.
constexpr size_t kMaxAttributes = 1000;

// Where the tag whose name ends at `e` ends (just past its '>', or html.size()), and whether it
// is written self-closing ("/>"), following the HTML tokenizer's attribute states so that a
// "/>" inside a quoted value does not count. Adds the number of attributes to *attributes.
size_t TagEnd(std::string_view html, size_t e, bool* self_closing, size_t* attributes) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  size_t i = e;
  *self_closing = false;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '>') return i + 1;
    if (c == '/') {
      if (i + 1 < html.size() && html[i + 1] == '>') {
        *self_closing = true;
        return i + 2;
      }
      ++i;
      continue;
    }
    if (space(c)) {
      ++i;
      continue;
    }
    // An attribute name, then perhaps "= value".
    ++*attributes;
    while (i < html.size() && !space(html[i]) && html[i] != '/' && html[i] != '>' &&
           (html[i] != '=' || i == e))
      ++i;
    size_t j = i;
    while (j < html.size() && space(html[j])) ++j;
    if (j >= html.size() || html[j] != '=') continue;
    ++j;
    while (j < html.size() && space(html[j])) ++j;
    if (j < html.size() && (html[j] == '"' || html[j] == '\'')) {
      const size_t q = html.find(html[j], j + 1);
      i = q == html.npos ? html.size() : q + 1;
    } else {
      while (j < html.size() && !space(html[j]) && html[j] != '>') ++j;
      i = j;
    }
  }
  return html.size();
}

// An over-estimate of the element nesting depth by a tag scan (no tree needed), so that tag
// soup which would make the parser quadratic is refused before parsing: start tags of elements
// that are not void or implicitly closed count +1; an end tag counts -1 only when an element
// of its name is counted open (the parser ignores the others, so "<div></span>" repeated
// nests); "<x/>" is self-closed only in SVG/MathML, and an HTML element that breaks out of
// those (HTML Standard 13.2.6.5) ends that. Also sets *max_attributes to the largest number
// of attributes written in one start tag.
int EstimateDepth(std::string_view html, size_t* max_attributes) {
  static const std::string_view kNoNest[] = {
      "area",   "base",  "br",  "col", "embed", "hr",     "img", "input", "link", "meta", "param",
      "source", "track", "wbr", "p",   "li",    "option", "td",  "tr",    "th",   "dt",   "dd"};
  static const std::string_view kBreakout[] = {
      "b",  "big",  "blockquote", "body", "br",   "center", "code",  "dd",     "div",  "dl",
      "dt", "em",   "embed",      "font", "h1",   "h2",     "h3",    "h4",     "h5",   "h6",
      "head", "hr", "i",          "img",  "li",   "listing", "menu", "meta",   "nobr", "ol",
      "p",  "pre",  "ruby",       "s",    "small", "span",  "strong", "strike", "sub", "sup",
      "table", "tt", "u",         "ul",   "var"};
  auto in = [](const auto& list, const std::string& tag) {
    for (std::string_view t : list)
      if (tag == t) return true;
    return false;
  };
  std::unordered_map<std::string, int> open;  // counted elements still open, by name
  int depth = 0, max_depth = 0, foreign = 0;
  for (size_t i = html.find('<'); i != html.npos; i = html.find('<', i + 1)) {
    bool end = i + 1 < html.size() && html[i + 1] == '/';
    size_t b = i + 1 + end, e = b;
    while (e < html.size() && ((html[e] | 0x20) >= 'a' && (html[e] | 0x20) <= 'z')) ++e;
    if (e == b) continue;
    std::string tag = LowerUtf8(html.substr(b, e - b));
    bool self_closing = false;
    if (!end) {
      size_t attributes = 0;
      TagEnd(html, e, &self_closing, &attributes);
      *max_attributes = std::max(*max_attributes, attributes);
    }
    if (in(kNoNest, tag)) continue;
    if (end) {
      auto it = open.find(tag);
      if (it == open.end() || it->second == 0) continue;
      --it->second;
      --depth;
      if ((tag == "svg" || tag == "math") && foreign > 0) --foreign;
      continue;
    }
    if (foreign > 0 && in(kBreakout, tag)) foreign = 0;
    if (foreign > 0 && self_closing) continue;
    if (tag == "svg" || tag == "math") ++foreign;
    ++open[tag];
    ++depth;
    if (depth > max_depth) max_depth = depth;
  }
  return max_depth;
}

// Gumbo records every parse error with a copy of the stack of open elements, which is
// quadratic memory on tag soup; we never read the errors, so none are recorded.
GumboOptions ParserOptions() {
  GumboOptions o = kGumboDefaultOptions;
  o.max_errors = 0;
  return o;
}

const char* Attr(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

bool HasNoiseWord(const char* value) {
  if (!value) return false;
  const ArticleRules& rules = ArticleRules::Get();
  std::string v = LowerUtf8(value);
  size_t i = 0;
  while (i < v.size()) {
    size_t j = i;
    while (j < v.size() && ((v[j] >= 'a' && v[j] <= 'z') || (v[j] >= '0' && v[j] <= '9'))) ++j;
    if (j > i) {
      std::string w = v.substr(i, j - i);
      if (rules.html_noise_words.count(w)) return true;
      for (const std::string& p : rules.html_noise_prefixes)
        if (w.compare(0, p.size(), p) == 0) return true;
    }
    i = j + 1;
  }
  return false;
}

bool IsNoise(const GumboNode* n) {
  if (n->type != GUMBO_NODE_ELEMENT) return n->type == GUMBO_NODE_COMMENT;
  switch (n->v.element.tag) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_MATH:
      return true;
    default:
      break;
  }
  if (Attr(n, "hidden")) return true;
  if (const char* h = Attr(n, "aria-hidden"); h && std::string_view(h) == "true") return true;
  if (const char* r = Attr(n, "role")) {
    std::string_view role(r);
    if (role == "navigation" || role == "banner" || role == "complementary") return true;
  }
  return HasNoiseWord(Attr(n, "class")) || HasNoiseWord(Attr(n, "id"));
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

// Appends text with whitespace runs collapsed to one space.
void AppendCollapsed(std::string_view s, std::string* out) {
  for (char c : s) {
    bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (ws) {
      if (!out->empty() && out->back() != ' ') out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
}

std::string Trimmed(const std::string& s) {
  Span t = TrimSpan(s, {0, static_cast<uint32_t>(s.size())});
  return s.substr(t.begin, t.size());
}

// Visible text of a subtree (noise skipped unless keep_noise), collapsed. Iterative.
std::string TextOf(const GumboNode* root, bool keep_noise) {
  std::string out;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
        n->type == GUMBO_NODE_WHITESPACE) {
      AppendCollapsed(n->v.text.text, &out);
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    if (n != root && !keep_noise && IsNoise(n)) continue;
    const GumboVector& ch = n->v.element.children;
    for (unsigned i = ch.length; i-- > 0;)
      stack.push_back(static_cast<const GumboNode*>(ch.data[i]));
  }
  return Trimmed(out);
}

struct PageInfo {
  std::unordered_map<std::string, std::string> meta;  // property/name/itemprop -> content
  std::string title_tag, first_h1, canonical, lang, time_datetime, itemprop_published;
  const GumboNode* article_body = nullptr;
  const GumboNode* body = nullptr;
  std::vector<const GumboNode*> articles;
  std::unordered_map<const GumboNode*, size_t> p_text;  // element -> text in its <p> children
  // Container score: text of <p> children plus half the text of <p> grandchildren.
  std::unordered_map<const GumboNode*, size_t> block_score;
  std::vector<const GumboNode*> candidates;  // keys of block_score in document order
  std::vector<const GumboNode*> elements;    // all elements outside boilerplate, pre-order
};

void Survey(const GumboNode* root, PageInfo* info) {
  struct Item {
    const GumboNode* node;
    bool noise;
  };
  std::vector<Item> stack{{root, false}};
  while (!stack.empty()) {
    auto [n, noise] = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) continue;
    const GumboVector* children;
    if (n->type == GUMBO_NODE_DOCUMENT) {
      children = &n->v.document.children;
    } else {
      children = &n->v.element.children;
      GumboTag tag = n->v.element.tag;
      if (tag == GUMBO_TAG_META) {
        const char* key = Attr(n, "property");
        if (!key) key = Attr(n, "name");
        if (!key) key = Attr(n, "itemprop");
        const char* content = Attr(n, "content");
        if (key && content) info->meta.emplace(LowerUtf8(key), content);
      } else if (tag == GUMBO_TAG_TITLE && info->title_tag.empty()) {
        info->title_tag = TextOf(n, true);
      } else if (tag == GUMBO_TAG_LINK) {
        const char* rel = Attr(n, "rel");
        const char* href = Attr(n, "href");
        if (rel && href && std::string_view(rel) == "canonical" && info->canonical.empty())
          info->canonical = href;
      } else if (tag == GUMBO_TAG_HTML) {
        if (const char* l = Attr(n, "lang")) info->lang = l;
      } else if (tag == GUMBO_TAG_BODY) {
        info->body = n;
      } else if (tag == GUMBO_TAG_TIME) {
        const char* dt = Attr(n, "datetime");
        const char* ip = Attr(n, "itemprop");
        if (dt && ip && std::string_view(ip) == "datePublished" && info->itemprop_published.empty())
          info->itemprop_published = dt;
        if (dt && info->time_datetime.empty()) info->time_datetime = dt;
      }
      if (!noise && IsNoise(n)) noise = true;
      if (!noise) {
        info->elements.push_back(n);
        if (tag == GUMBO_TAG_H1 && info->first_h1.empty()) info->first_h1 = TextOf(n, false);
        if (tag == GUMBO_TAG_ARTICLE) info->articles.push_back(n);
        const char* ip = Attr(n, "itemprop");
        if (ip && std::string_view(ip) == "articleBody" && !info->article_body)
          info->article_body = n;
        if (tag == GUMBO_TAG_P && n->parent) {
          size_t size = TextOf(n, false).size();
          info->p_text[n->parent] += size;
          if (info->block_score.emplace(n->parent, 0).second) info->candidates.push_back(n->parent);
          // Half for the grandparent, so that an article split into one-<p> wrappers
          // (<div><p>..</p></div><div><p>..</p></div>) is found as a whole.
          if (const GumboNode* g = n->parent->parent; g && g->type == GUMBO_NODE_ELEMENT) {
            auto [git, gadded] = info->block_score.emplace(g, 0);
            if (gadded) info->candidates.push_back(g);
            git->second += size / 2;
          }
        }
      }
    }
    for (unsigned i = children->length; i-- > 0;)
      stack.push_back({static_cast<const GumboNode*>(children->data[i]), noise});
  }
}

// Text in <p> elements under each element (boilerplate excluded), summed bottom-up in one
// pass over the pre-order list: O(elements), however deeply <article>s nest.
std::unordered_map<const GumboNode*, size_t> ParagraphTextBySubtree(const PageInfo& info) {
  std::unordered_map<const GumboNode*, size_t> total;
  for (const GumboNode* n : info.elements) {
    auto it = info.p_text.find(n);
    total[n] = it == info.p_text.end() ? 0 : it->second;
  }
  for (size_t i = info.elements.size(); i-- > 0;) {
    const GumboNode* n = info.elements[i];
    if (auto parent = total.find(n->parent); parent != total.end()) parent->second += total[n];
  }
  return total;
}

// Paragraph texts of the container, in order.
std::vector<std::string> Paragraphs(const GumboNode* root) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    std::string t = Trimmed(cur);
    if (!t.empty()) out.push_back(std::move(t));
    cur.clear();
  };
  // A null entry marks the end of a block element.
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (!n) {
      flush();
      continue;
    }
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
        n->type == GUMBO_NODE_WHITESPACE) {
      AppendCollapsed(n->v.text.text, &cur);
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    if (n != root && (IsNoise(n) || n->v.element.tag == GUMBO_TAG_H1)) {
      if (IsBlock(n->v.element.tag)) flush();
      continue;
    }
    bool block = IsBlock(n->v.element.tag);
    if (block) {
      flush();
      stack.push_back(nullptr);
    } else if (!cur.empty() && cur.back() != ' ' && n->v.element.tag == GUMBO_TAG_IMG) {
      cur.push_back(' ');
    }
    const GumboVector& ch = n->v.element.children;
    for (unsigned i = ch.length; i-- > 0;)
      stack.push_back(static_cast<const GumboNode*>(ch.data[i]));
  }
  flush();
  return out;
}

std::string StripSiteSuffix(const std::string& title, const std::string& site_name) {
  static const std::string_view kSeparators[] = {" - ", " | ", " \xE2\x80\x94 ", " \xE2\x80\x93 ",
                                                 " :: "};
  size_t best = std::string::npos, sep_len = 0;
  for (std::string_view s : kSeparators) {
    size_t p = title.rfind(s);
    if (p != std::string::npos && p > 0 && (best == std::string::npos || p > best)) {
      best = p;
      sep_len = s.size();
    }
  }
  if (best == std::string::npos) return title;
  std::string suffix = Trimmed(title.substr(best + sep_len));
  bool known = !site_name.empty() && LowerUtf8(suffix) == LowerUtf8(Trimmed(site_name));
  for (const auto& [form, canonical] : ArticleRules::Get().agencies)
    known = known || suffix == form;
  return known ? Trimmed(title.substr(0, best)) : title;
}

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  JsonWriter::Escape(s, &out);
  out += '"';
  return out;
}

}  // namespace

Result<Document> ReadHtmlDocument(std::string_view html, std::string_view name) {
  size_t max_attributes = 0;
  if (EstimateDepth(html, &max_attributes) > kMaxDepth)
    return InvalidArgument(std::string(name) + ": HTML nested deeper than " +
                           std::to_string(kMaxDepth) + " elements, refused");
  if (max_attributes > kMaxAttributes)
    return InvalidArgument(std::string(name) + ": an HTML tag with " +
                           std::to_string(max_attributes) + " attributes (over " +
                           std::to_string(kMaxAttributes) + "), refused");
  static const GumboOptions kOptions = ParserOptions();
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> out(
      gumbo_parse_with_options(&kOptions, html.data(), html.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kOptions, o); });
  if (!out) return Internal(std::string(name) + ": the HTML parser failed");
  PageInfo info;
  Survey(out->document, &info);
  auto meta = [&](const char* key) -> std::string {
    auto it = info.meta.find(key);
    return it == info.meta.end() ? std::string() : Trimmed(it->second);
  };
  Document doc;
  doc.id = FileStem(name);
  std::string site = meta("og:site_name");
  std::string title = meta("og:title");
  if (title.empty()) title = StripSiteSuffix(info.title_tag, site);
  if (title.empty()) title = info.first_h1;
  std::string lead = meta("og:description");
  if (lead.empty()) lead = meta("description");
  std::string published = meta("article:published_time");
  if (published.empty()) published = meta("datepublished");
  if (published.empty()) published = info.itemprop_published;
  if (published.empty()) published = meta("pubdate");
  if (published.empty()) published = info.time_datetime;
  if (!published.empty()) doc.published = published;
  doc.url = meta("og:url");
  if (doc.url.empty()) doc.url = info.canonical;
  if (!site.empty()) doc.metadata.emplace_back("site_name", JsonString(site));
  if (!info.lang.empty()) doc.metadata.emplace_back("lang", JsonString(info.lang));

  const GumboNode* container = info.article_body;
  if (!container && !info.articles.empty()) {
    size_t best = 0;
    auto subtree = ParagraphTextBySubtree(info);
    for (const GumboNode* a : info.articles) {
      size_t t = subtree[a];
      if (!container || t > best) {
        container = a;
        best = t;
      }
    }
  }
  if (!container) {
    size_t best = 0;
    for (const auto& [node, size] : info.p_text) info.block_score[node] += size;
    for (const GumboNode* node : info.candidates) {
      size_t size = info.block_score.at(node);
      if (size > best) {
        best = size;
        container = node;
      }
    }
  }
  if (!container) container = info.body ? info.body : out->root;
  std::vector<std::string> paragraphs = Paragraphs(container);
  std::string body;
  for (const std::string& p : paragraphs) {
    if (p == title || p == lead) continue;
    if (!body.empty()) body += '\n';
    body += p;
  }
  if (title.empty() && lead.empty() && body.empty())
    return InvalidArgument(std::string(name) + ": no title or text found in the HTML page");
  ComposeDocument(name, title, lead, body, &doc);
  return doc;
}

}  // namespace svodka
