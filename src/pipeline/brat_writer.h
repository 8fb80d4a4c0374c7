// The brat standoff view of a document's entities (`svodka analyze --brat DIR`): the text as
// DIR/<id>.txt and its annotations as DIR/<id>.ann, so that brat, or any tool reading NEREL and
// Collection5, shows what svodka found.
//
//   T1<TAB>PER 0 13<TAB>Сергей Лавров          an entity: type, code-point offsets, text
//   #1<TAB>AnnotatorNotes T1<TAB>Сергей Лавров  its base form (when computed)
//   *<TAB>Coreference T1 T5 T9                 the mentions of one object (when linked)
//
// Offsets are code points of the .txt, which is Document::text byte for byte.
#ifndef SVODKA_PIPELINE_BRAT_WRITER_H_
#define SVODKA_PIPELINE_BRAT_WRITER_H_

#include <string>

#include "svodka/document.h"
#include "svodka/status.h"

namespace svodka {

// The .ann text of doc.
std::string BratAnnotations(const Document& doc);

// Writes dir/<id>.txt and dir/<id>.ann (a document id with '/' or other characters unsafe in
// a file name has them replaced by '_'). Errors name the file.
Status WriteBrat(const Document& doc, const std::string& dir);

}  // namespace svodka

#endif  // SVODKA_PIPELINE_BRAT_WRITER_H_
