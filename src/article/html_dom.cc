#include "article/html_dom.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <climits>
#include <mutex>
#include <unordered_map>

namespace svodka {
namespace {

HtmlTag TagOf(std::string_view name) {
  static const std::unordered_map<std::string_view, HtmlTag> kTags = {
      {"a", HtmlTag::kA},
      {"address", HtmlTag::kAddress},
      {"article", HtmlTag::kArticle},
      {"aside", HtmlTag::kAside},
      {"blockquote", HtmlTag::kBlockquote},
      {"body", HtmlTag::kBody},
      {"br", HtmlTag::kBr},
      {"button", HtmlTag::kButton},
      {"canvas", HtmlTag::kCanvas},
      {"center", HtmlTag::kCenter},
      {"dd", HtmlTag::kDd},
      {"div", HtmlTag::kDiv},
      {"dl", HtmlTag::kDl},
      {"dt", HtmlTag::kDt},
      {"embed", HtmlTag::kEmbed},
      {"figcaption", HtmlTag::kFigcaption},
      {"figure", HtmlTag::kFigure},
      {"footer", HtmlTag::kFooter},
      {"form", HtmlTag::kForm},
      {"h1", HtmlTag::kH1},
      {"h2", HtmlTag::kH2},
      {"h3", HtmlTag::kH3},
      {"h4", HtmlTag::kH4},
      {"h5", HtmlTag::kH5},
      {"h6", HtmlTag::kH6},
      {"head", HtmlTag::kHead},
      {"header", HtmlTag::kHeader},
      {"hr", HtmlTag::kHr},
      {"html", HtmlTag::kHtml},
      {"iframe", HtmlTag::kIframe},
      {"img", HtmlTag::kImg},
      {"li", HtmlTag::kLi},
      {"link", HtmlTag::kLink},
      {"main", HtmlTag::kMain},
      {"math", HtmlTag::kMath},
      {"meta", HtmlTag::kMeta},
      {"nav", HtmlTag::kNav},
      {"noscript", HtmlTag::kNoscript},
      {"object", HtmlTag::kObject},
      {"ol", HtmlTag::kOl},
      {"p", HtmlTag::kP},
      {"pre", HtmlTag::kPre},
      {"script", HtmlTag::kScript},
      {"section", HtmlTag::kSection},
      {"select", HtmlTag::kSelect},
      {"style", HtmlTag::kStyle},
      {"svg", HtmlTag::kSvg},
      {"table", HtmlTag::kTable},
      {"td", HtmlTag::kTd},
      {"template", HtmlTag::kTemplate},
      {"textarea", HtmlTag::kTextarea},
      {"th", HtmlTag::kTh},
      {"time", HtmlTag::kTime},
      {"title", HtmlTag::kTitle},
      {"tr", HtmlTag::kTr},
      {"ul", HtmlTag::kUl},
  };
  auto it = kTags.find(name);
  return it == kTags.end() ? HtmlTag::kOther : it->second;
}

// The most attributes written in one start tag, by a scan of the raw text that follows the
// HTML tokenizer's attribute states (a quoted value may hold '>' or '/>'). Linear.
size_t MaxAttributesPerTag(std::string_view html) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  size_t most = 0;
  for (size_t i = html.find('<'); i != html.npos; i = html.find('<', i)) {
    ++i;
    if (i >= html.size() || !((html[i] | 0x20) >= 'a' && (html[i] | 0x20) <= 'z')) continue;
    while (i < html.size() && !space(html[i]) && html[i] != '/' && html[i] != '>') ++i;
    size_t attributes = 0;
    while (i < html.size() && html[i] != '>') {
      if (space(html[i]) || html[i] == '/') {
        ++i;
        continue;
      }
      ++attributes;  // a name, then perhaps "= value"
      ++i;
      while (i < html.size() && !space(html[i]) && html[i] != '/' && html[i] != '>' &&
             html[i] != '=')
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
    most = std::max(most, attributes);
  }
  return most;
}

// Block elements whose end tag HTML5 honours whenever the element is open in scope (HTML
// Standard 13.2.6.4.7, "An end tag whose tag name is one of: address, article, aside, ...").
constexpr std::string_view kBlockEndTags[] = {
    "address", "article", "aside",   "blockquote", "center",     "details", "dialog",
    "dir",     "div",     "dl",      "fieldset",   "figcaption", "figure",  "footer",
    "header",  "hgroup",  "listing", "main",       "menu",       "nav",     "ol",
    "pre",     "section", "summary", "ul"};

// Elements that bound "in scope" (the HTML Standard's default scope).
bool IsScopeBoundary(std::string_view name) {
  for (std::string_view b :
       {"applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"})
    if (name == b) return true;
  return false;
}

// One written end tag of a block element: the byte just past its '>' and its name.
struct BlockEndTag {
  uint32_t end;
  uint8_t name;  // index into kBlockEndTags
};

// The end tags of block elements written in the page, in order, by a scan that skips
// comments, the content of script and style, and quoted attribute values. Linear.
std::vector<BlockEndTag> ScanBlockEndTags(std::string_view html) {
  std::vector<BlockEndTag> out;
  auto lower_is = [&](size_t at, std::string_view word) {
    if (at + word.size() > html.size()) return false;
    for (size_t k = 0; k < word.size(); ++k)
      if ((html[at + k] | 0x20) != word[k]) return false;
    return true;
  };
  auto name_end = [&](size_t i) {
    while (i < html.size() && (((html[i] | 0x20) >= 'a' && (html[i] | 0x20) <= 'z') ||
                               (html[i] >= '0' && html[i] <= '9')))
      ++i;
    return i;
  };
  size_t i = 0;
  while ((i = html.find('<', i)) != html.npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      const size_t e = html.find("-->", i + 4);
      i = e == html.npos ? html.size() : e + 3;
      continue;
    }
    const bool end_tag = i + 1 < html.size() && html[i + 1] == '/';
    const size_t b = i + 1 + end_tag, e = name_end(b);
    if (e == b) {
      ++i;
      continue;
    }
    // The tag's '>' (quoted values may hold one).
    size_t j = e;
    while (j < html.size() && html[j] != '>') {
      if (!end_tag && (html[j] == '"' || html[j] == '\'') && html[j - 1] == '=') {
        const size_t q = html.find(html[j], j + 1);
        j = q == html.npos ? html.size() : q + 1;
      } else {
        ++j;
      }
    }
    const size_t after = j < html.size() ? j + 1 : html.size();
    if (end_tag) {
      for (size_t k = 0; k < std::size(kBlockEndTags); ++k) {
        if (e - b == kBlockEndTags[k].size() && lower_is(b, kBlockEndTags[k])) {
          out.push_back({static_cast<uint32_t>(after), static_cast<uint8_t>(k)});
          break;
        }
      }
    } else if ((e - b == 6 && lower_is(b, "script")) || (e - b == 5 && lower_is(b, "style"))) {
      // Raw text up to the matching end tag.
      const std::string_view closing = e - b == 6 ? "</script" : "</style";
      size_t k = after;
      while ((k = html.find("</", k)) != html.npos && !lower_is(k, closing)) k += 2;
      i = k == html.npos ? html.size() : k;
      continue;
    }
    i = after;
  }
  return out;
}

}  // namespace

// Receives libxml2's SAX events and appends nodes. Stops the parser (xmlStopParser) when the
// depth or the memory budget is exceeded.
class HtmlDomBuilder {
 public:
  HtmlDomBuilder(HtmlDom* dom, std::string_view name, const HtmlParseOptions& options,
                 size_t input_size)
      : dom_(dom), name_(name), options_(options) {
    budget_ = options.memory_base + options.memory_per_input_byte * input_size;
    HtmlNode document;
    document.kind = HtmlNode::Kind::kDocument;
    dom_->nodes_.push_back(document);
    dom_->names_.emplace_back();
    open_.push_back({HtmlDom::kRoot, false});
  }

  // The block end tags written in the page (ScanBlockEndTags), to correct libxml2's tree.
  void set_block_end_tags(std::vector<BlockEndTag> tags) { block_end_tags_ = std::move(tags); }

  void set_context(htmlParserCtxtPtr ctxt) { ctxt_ = ctxt; }
  const Status& status() const { return status_; }

  static void OnStart(void* self, const xmlChar* name, const xmlChar** attrs) {
    static_cast<HtmlDomBuilder*>(self)->Start(reinterpret_cast<const char*>(name), attrs);
  }
  static void OnEnd(void* self, const xmlChar*) {
    auto* b = static_cast<HtmlDomBuilder*>(self);
    b->CatchUp();
    if (b->open_.size() > 1) b->open_.pop_back();
  }
  static void OnText(void* self, const xmlChar* text, int len) {
    static_cast<HtmlDomBuilder*>(self)->Text(reinterpret_cast<const char*>(text), len);
  }

 private:
  size_t Position() const {
    if (!ctxt_ || !ctxt_->input) return 0;
    return static_cast<size_t>(ctxt_->input->consumed) +
           static_cast<size_t>(ctxt_->input->cur - ctxt_->input->base);
  }

  void Stop() {
    stopped_ = true;
    xmlStopParser(ctxt_);
  }

  bool OverBudget() {
    if (dom_->MemoryBytes() + block_end_tags_.capacity() * sizeof(BlockEndTag) <= budget_)
      return false;
    status_ = ResourceExhausted(
        name_ + ": byte " + std::to_string(Position()) + ": the page's DOM outgrew its memory " +
        "budget of " + std::to_string(budget_ >> 20) + " MB (" +
        std::to_string(options_.memory_per_input_byte) + " bytes per input byte + " +
        std::to_string(options_.memory_base >> 20) + " MB), refused");
    Stop();
    return true;
  }

  // Where new nodes go: the innermost open element that is not closed in our tree.
  uint32_t Parent() const {
    for (size_t k = open_.size(); k-- > 1;)
      if (!open_[k].closed) return open_[k].node;
    return HtmlDom::kRoot;
  }

  // libxml2 2.9 ignores an end tag when an element of higher "end priority" is open above it:
  // "<nav><div>menu</nav><article>" keeps the article inside the nav, because the div was
  // never closed. HTML5 closes the nav (and the div) there. For the end tags of block elements
  // (kBlockEndTags) that the parse has passed, do what HTML5 does in our tree: close the
  // innermost open element of that name if no scope boundary (a table cell, ...) lies above
  // it. libxml2 keeps them on its stack; they stay there, marked closed, until it pops them.
  // Runs before every event, so an end tag libxml2 honours is applied just before its own
  // pops, and one it ignores before the next node is placed.
  void CatchUp() {
    const size_t position = Position();
    while (next_end_tag_ < block_end_tags_.size() &&
           block_end_tags_[next_end_tag_].end <= position) {
      const std::string_view name = kBlockEndTags[block_end_tags_[next_end_tag_++].name];
      for (size_t k = open_.size(); k-- > 1;) {
        if (open_[k].closed) continue;
        const std::string_view open_name = dom_->Name(open_[k].node);
        if (open_name == name) {
          for (size_t m = k; m < open_.size(); ++m) open_[m].closed = true;
          break;
        }
        if (IsScopeBoundary(open_name)) break;
      }
    }
  }

  uint32_t Append(HtmlNode n) {
    const uint32_t id = static_cast<uint32_t>(dom_->nodes_.size());
    const uint32_t parent = Parent();
    n.parent = parent;
    HtmlNode& p = dom_->nodes_[parent];
    if (p.last_child == HtmlNode::kNone) {
      p.first_child = id;
    } else {
      dom_->nodes_[p.last_child].next_sibling = id;
    }
    p.last_child = id;
    dom_->nodes_.push_back(n);
    return id;
  }

  uint32_t NameId(std::string_view name) {
    auto it = name_ids_.find(std::string(name));
    if (it != name_ids_.end()) return it->second;
    const uint32_t id = static_cast<uint32_t>(dom_->names_.size());
    dom_->names_.emplace_back(name);
    name_ids_.emplace(std::string(name), id);
    return id;
  }

  uint32_t Store(const char* s) {
    const uint32_t at = static_cast<uint32_t>(dom_->strings_.size());
    if (s) dom_->strings_.append(s);
    return at;
  }

  void Start(const char* name, const xmlChar** attrs) {
    if (stopped_) return;
    CatchUp();
    if (open_.size() > options_.max_depth) {
      dom_->warnings_.push_back(name_ + ": byte " + std::to_string(Position()) +
                                ": HTML nested deeper than " + std::to_string(options_.max_depth) +
                                " elements; the rest of the page is ignored");
      Stop();
      return;
    }
    HtmlNode n;
    n.kind = HtmlNode::Kind::kElement;
    std::string_view view(name ? name : "");
    n.tag = TagOf(view);
    n.name = NameId(view);
    n.begin = n.end = static_cast<uint32_t>(dom_->attributes_.size());
    for (const xmlChar** a = attrs; a && a[0]; a += 2) {
      HtmlDom::Attribute attr;
      attr.name_begin = Store(reinterpret_cast<const char*>(a[0]));
      attr.name_end = attr.value_begin = static_cast<uint32_t>(dom_->strings_.size());
      Store(reinterpret_cast<const char*>(a[1]));
      attr.value_end = static_cast<uint32_t>(dom_->strings_.size());
      dom_->attributes_.push_back(attr);
    }
    n.end = static_cast<uint32_t>(dom_->attributes_.size());
    open_.push_back({Append(n), false});
    OverBudget();
  }

  void Text(const char* text, int len) {
    if (stopped_ || len <= 0) return;
    CatchUp();
    const HtmlNode& parent = dom_->nodes_[Parent()];
    if (parent.kind == HtmlNode::Kind::kElement && parent.tag == HtmlTag::kStyle) return;
    // Consecutive deliveries of one text run extend the last text node.
    if (parent.last_child != HtmlNode::kNone && parent.last_child + 1 == dom_->nodes_.size() &&
        dom_->nodes_[parent.last_child].kind == HtmlNode::Kind::kText) {
      dom_->text_.append(text, static_cast<size_t>(len));
      dom_->nodes_[parent.last_child].end = static_cast<uint32_t>(dom_->text_.size());
    } else {
      HtmlNode n;
      n.kind = HtmlNode::Kind::kText;
      n.begin = static_cast<uint32_t>(dom_->text_.size());
      dom_->text_.append(text, static_cast<size_t>(len));
      n.end = static_cast<uint32_t>(dom_->text_.size());
      Append(n);
    }
    OverBudget();
  }

  HtmlDom* dom_;
  std::string name_;
  const HtmlParseOptions& options_;
  size_t budget_ = 0;
  htmlParserCtxtPtr ctxt_ = nullptr;
  // libxml2's stack of open elements, the document node first; `closed` when an HTML5 end
  // tag closed the element in our tree although libxml2 keeps it open (CatchUp).
  struct Open {
    uint32_t node;
    bool closed;
  };
  std::vector<Open> open_;
  std::vector<BlockEndTag> block_end_tags_;
  size_t next_end_tag_ = 0;
  std::unordered_map<std::string, uint32_t> name_ids_;
  Status status_;
  bool stopped_ = false;
};

std::optional<std::string_view> HtmlDom::Attr(uint32_t i, std::string_view name) const {
  const HtmlNode& n = nodes_[i];
  if (n.kind != HtmlNode::Kind::kElement) return std::nullopt;
  const std::string_view s(strings_);
  for (uint32_t k = n.begin; k < n.end; ++k) {
    const Attribute& a = attributes_[k];
    if (s.substr(a.name_begin, a.name_end - a.name_begin) == name)
      return s.substr(a.value_begin, a.value_end - a.value_begin);
  }
  return std::nullopt;
}

size_t HtmlDom::MemoryBytes() const {
  return nodes_.capacity() * sizeof(HtmlNode) + text_.capacity() +
         attributes_.capacity() * sizeof(Attribute) + strings_.capacity() +
         names_.capacity() * sizeof(std::string);
}

Result<HtmlDom> ParseHtml(std::string_view html, std::string_view name,
                          const HtmlParseOptions& options) {
  const std::string who(name);
  if (html.size() > static_cast<size_t>(INT_MAX))
    return InvalidArgument(who + ": an HTML page over 2 GiB, refused");
  const size_t attributes = MaxAttributesPerTag(html);
  if (attributes > options.max_attributes)
    return InvalidArgument(who + ": an HTML tag with " + std::to_string(attributes) +
                           " attributes (over " + std::to_string(options.max_attributes) +
                           "), refused");
  // libxml2 must be initialised once, before any thread parses.
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });

  HtmlDom dom;
  HtmlDomBuilder builder(&dom, name, options, html.size());
  builder.set_block_end_tags(ScanBlockEndTags(html));
  if (html.empty()) return dom;
  htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(html.data(), static_cast<int>(html.size()));
  if (!ctxt) return Internal(who + ": the HTML parser could not start");
  // Our handler replaces libxml2's tree builder: only the events we need, no error printing
  // (a NULL error channel is silent).
  htmlSAXHandler sax{};
  sax.startElement = &HtmlDomBuilder::OnStart;
  sax.endElement = &HtmlDomBuilder::OnEnd;
  sax.characters = &HtmlDomBuilder::OnText;
  sax.ignorableWhitespace = &HtmlDomBuilder::OnText;
  sax.cdataBlock = &HtmlDomBuilder::OnText;  // script content
  sax.initialized = 1;
  htmlSAXHandlerPtr own = ctxt->sax;
  ctxt->sax = &sax;
  ctxt->userData = &builder;
  htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                               HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
  xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
  builder.set_context(ctxt);
  htmlParseDocument(ctxt);
  ctxt->sax = own;  // freed with the context
  htmlFreeParserCtxt(ctxt);
  if (!builder.status().ok()) return builder.status();
  return dom;
}

}  // namespace svodka
