// A compact, read-only DOM of one HTML page, built from libxml2's HTML parser through its SAX
// interface (no libxml2 tree is built).
//
// Why not a full HTML5 tree builder (gumbo, which svodka used first): HTML5 tree construction
// reconstructs "active formatting elements" for every new paragraph, which is quadratic in
// memory on pages that open thousands of formatting elements (83 KB took 7.6 GB), and gumbo
// frees its tree recursively, which overflows the stack on deep trees. libxml2's parser (what
// lxml and trafilatura use) has no reconstruction step, and here the whole cost is bounded:
//
//   * depth: elements nested deeper than `max_depth` (256, libxml2's own limit for trees) stop
//     the parse; what was read before is kept and a warning names the byte where it stopped.
//     Every stack scan the parser does (implied end tags) is then O(max_depth) per tag;
//   * memory: the DOM's own bytes (nodes, text, attributes) may not exceed `memory_budget`;
//     a page that needs more is refused with a message naming the byte reached;
//   * attributes: a start tag with more than `max_attributes` attributes is refused before
//     parsing (libxml2 checks each attribute against the tag's earlier ones: quadratic).
//
// Time and memory are therefore linear in the input (docs/format.md states the bound).
//
// Nodes are stored in document order (pre-order) in one vector; links are indices, kNone for
// none, so walking the tree needs no recursion. Text is whitespace-exact as the parser
// delivered it, entities decoded. Comments are dropped; script content is kept (JSON-LD).
//
// Thread-safety: ParseHtml is reentrant; an HtmlDom is immutable after parsing.
#ifndef SVODKA_ARTICLE_HTML_DOM_H_
#define SVODKA_ARTICLE_HTML_DOM_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "svodka/status.h"

namespace svodka {

// The elements the readers tell apart; everything else is kOther (its name is still kept).
enum class HtmlTag : uint8_t {
  kOther,
  kA,
  kAddress,
  kArticle,
  kAside,
  kBlockquote,
  kBody,
  kBr,
  kButton,
  kCanvas,
  kCenter,
  kDd,
  kDiv,
  kDl,
  kDt,
  kEmbed,
  kFigcaption,
  kFigure,
  kFooter,
  kForm,
  kH1,
  kH2,
  kH3,
  kH4,
  kH5,
  kH6,
  kHead,
  kHeader,
  kHr,
  kHtml,
  kIframe,
  kImg,
  kLi,
  kLink,
  kMain,
  kMath,
  kMeta,
  kNav,
  kNoscript,
  kObject,
  kOl,
  kP,
  kPre,
  kScript,
  kSection,
  kSelect,
  kStyle,
  kSvg,
  kTable,
  kTd,
  kTemplate,
  kTextarea,
  kTh,
  kTime,
  kTitle,
  kTr,
  kUl,
};

struct HtmlNode {
  static constexpr uint32_t kNone = UINT32_MAX;
  enum class Kind : uint8_t { kDocument, kElement, kText };

  Kind kind = Kind::kElement;
  HtmlTag tag = HtmlTag::kOther;
  uint32_t parent = kNone;
  uint32_t first_child = kNone;
  uint32_t last_child = kNone;
  uint32_t next_sibling = kNone;
  // kText: [begin, end) in the DOM's text; kElement: its attributes [begin, end) in the
  // attribute table; kDocument: unused.
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t name = 0;  // kElement: index of its lower-case name (HtmlDom::Name)
};

struct HtmlParseOptions {
  size_t max_depth = 256;
  size_t max_attributes = 1000;
  // The DOM may use this many bytes plus `memory_per_input_byte` per byte of input. Real
  // pages need about 2-4 bytes per input byte (measured on 949 pages, docs/format.md).
  size_t memory_base = size_t{16} << 20;
  size_t memory_per_input_byte = 16;
};

class HtmlDom {
 public:
  static constexpr uint32_t kRoot = 0;  // the document node

  size_t size() const { return nodes_.size(); }
  const HtmlNode& node(uint32_t i) const { return nodes_[i]; }
  // Text of a kText node.
  std::string_view Text(uint32_t i) const {
    return std::string_view(text_).substr(nodes_[i].begin, nodes_[i].end - nodes_[i].begin);
  }
  // Lower-case element name ("div", "my-widget").
  std::string_view Name(uint32_t i) const { return names_[nodes_[i].name]; }
  // The value of attribute `name` (lower case) of element i, or nullopt.
  std::optional<std::string_view> Attr(uint32_t i, std::string_view name) const;
  bool IsElement(uint32_t i, HtmlTag tag) const {
    return nodes_[i].kind == HtmlNode::Kind::kElement && nodes_[i].tag == tag;
  }

  // Non-fatal problems met while parsing ("page.html: byte 1234: ... nested deeper ...").
  const std::vector<std::string>& warnings() const { return warnings_; }
  // Bytes held by the DOM (what the memory budget limits).
  size_t MemoryBytes() const;

 private:
  friend class HtmlDomBuilder;
  struct Attribute {
    uint32_t name_begin, name_end, value_begin, value_end;  // in strings_
  };
  std::vector<HtmlNode> nodes_;
  std::string text_;
  std::vector<Attribute> attributes_;
  std::string strings_;
  std::vector<std::string> names_;
  std::vector<std::string> warnings_;
};

// Parses a page (valid UTF-8; any declared charset is ignored). `name` starts messages.
// Errors: kInvalidArgument for a tag over max_attributes or input over 2 GiB,
// kResourceExhausted when the DOM outgrows its memory budget.
Result<HtmlDom> ParseHtml(std::string_view html, std::string_view name,
                          const HtmlParseOptions& options = {});

}  // namespace svodka

#endif  // SVODKA_ARTICLE_HTML_DOM_H_
