#include "pipeline/brat_writer.h"

#include "base/file.h"
#include "base/offsets.h"

namespace svodka {

std::string BratAnnotations(const Document& doc) {
  const CodePointIndex cp(doc.text);
  std::string out;
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Mention& m = doc.entities[i];
    std::string text(doc.Slice(m.span));
    for (char& c : text)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';  // one line per annotation
    out += "T" + std::to_string(i + 1) + "\t" + std::string(EntityTypeName(m.type)) + " " +
           std::to_string(cp(m.span.begin)) + " " + std::to_string(cp(m.span.end)) + "\t" + text +
           "\n";
    if ((doc.layers & kLayerNormal) && !m.normal.empty()) {
      out += "#" + std::to_string(i + 1) + "\tAnnotatorNotes T" + std::to_string(i + 1) + "\t" +
             m.normal + "\n";
    }
  }
  if (doc.layers & kLayerObjects) {
    for (const EntityObject& o : doc.objects) {
      if (o.mentions.size() < 2) continue;
      out += "*\tCoreference";
      for (uint32_t m : o.mentions) out += " T" + std::to_string(m + 1);
      out += "\n";
    }
  }
  return out;
}

Status WriteBrat(const Document& doc, const std::string& dir) {
  std::string stem = doc.id;
  for (char& c : stem)
    if (c == '/' || c == '\\' || c == ':' || c == '\0') c = '_';
  if (stem.empty() || stem == "." || stem == "..") stem = "_" + stem;
  const std::string base = dir + "/" + stem;
  if (Status s = WriteFile(base + ".txt", doc.text); !s.ok()) return s;
  return WriteFile(base + ".ann", BratAnnotations(doc));
}

}  // namespace svodka
