#include "article/html_reader.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "article/compose.h"
#include "article/html_dom.h"
#include "article/rules.h"
#include "article/text_util.h"
#include "base/json_writer.h"

namespace svodka {
namespace {

constexpr uint32_t kNone = HtmlNode::kNone;

bool HasNoiseWord(std::optional<std::string_view> value) {
  if (!value) return false;
  const ArticleRules& rules = ArticleRules::Get();
  std::string v = LowerUtf8(*value);
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

// Boilerplate elements, skipped with their subtrees (see html_reader.h).
bool IsNoise(const HtmlDom& dom, uint32_t i) {
  const HtmlNode& n = dom.node(i);
  if (n.kind != HtmlNode::Kind::kElement) return false;
  switch (n.tag) {
    case HtmlTag::kNav:
    case HtmlTag::kHeader:
    case HtmlTag::kFooter:
    case HtmlTag::kAside:
    case HtmlTag::kScript:
    case HtmlTag::kStyle:
    case HtmlTag::kNoscript:
    case HtmlTag::kTemplate:
    case HtmlTag::kForm:
    case HtmlTag::kButton:
    case HtmlTag::kIframe:
    case HtmlTag::kSvg:
    case HtmlTag::kFigure:
    case HtmlTag::kFigcaption:
    case HtmlTag::kSelect:
    case HtmlTag::kTextarea:
    case HtmlTag::kObject:
    case HtmlTag::kEmbed:
    case HtmlTag::kCanvas:
    case HtmlTag::kHead:
    case HtmlTag::kMath:
      return true;
    default:
      break;
  }
  if (dom.Attr(i, "hidden")) return true;
  if (auto h = dom.Attr(i, "aria-hidden"); h && *h == "true") return true;
  if (auto role = dom.Attr(i, "role")) {
    if (*role == "navigation" || *role == "banner" || *role == "complementary") return true;
  }
  return HasNoiseWord(dom.Attr(i, "class")) || HasNoiseWord(dom.Attr(i, "id"));
}

bool IsBlock(HtmlTag tag) {
  switch (tag) {
    case HtmlTag::kP:
    case HtmlTag::kDiv:
    case HtmlTag::kSection:
    case HtmlTag::kArticle:
    case HtmlTag::kMain:
    case HtmlTag::kH1:
    case HtmlTag::kH2:
    case HtmlTag::kH3:
    case HtmlTag::kH4:
    case HtmlTag::kH5:
    case HtmlTag::kH6:
    case HtmlTag::kLi:
    case HtmlTag::kUl:
    case HtmlTag::kOl:
    case HtmlTag::kBlockquote:
    case HtmlTag::kPre:
    case HtmlTag::kTable:
    case HtmlTag::kTr:
    case HtmlTag::kTd:
    case HtmlTag::kTh:
    case HtmlTag::kDl:
    case HtmlTag::kDt:
    case HtmlTag::kDd:
    case HtmlTag::kBr:
    case HtmlTag::kHr:
    case HtmlTag::kAddress:
    case HtmlTag::kCenter:
    case HtmlTag::kBody:
      return true;
    default:
      return false;
  }
}

// Whitespace in HTML text, as bytes at s[i]: ASCII space, tab, line feed, carriage return and
// form feed, and NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR — which the plain-text rules read
// as line ends, but which in a page only separate words (block elements make paragraphs).
// Returns the length of the whitespace character at s[i], 0 when there is none.
size_t HtmlSpaceAt(std::string_view s, size_t i) {
  const char c = s[i];
  if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') return 1;
  if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\x85') return 2;
  if (c == '\xE2' && i + 2 < s.size() && s[i + 1] == '\x80' &&
      (s[i + 2] == '\xA8' || s[i + 2] == '\xA9'))
    return 3;
  return 0;
}

// Appends text with whitespace runs collapsed to one space.
void AppendCollapsed(std::string_view s, std::string* out) {
  for (size_t i = 0; i < s.size();) {
    if (size_t n = HtmlSpaceAt(s, i)) {
      if (!out->empty() && out->back() != ' ') out->push_back(' ');
      i += n;
    } else {
      out->push_back(s[i++]);
    }
  }
}

// Bytes of s once its whitespace runs are collapsed (a run at the start counts as one space).
size_t CollapsedSize(std::string_view s) {
  size_t n = 0;
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    if (size_t w = HtmlSpaceAt(s, i)) {
      n += !space;
      space = true;
      i += w;
    } else {
      ++n;
      space = false;
      ++i;
    }
  }
  return n;
}

std::string Trimmed(const std::string& s) {
  Span t = TrimSpan(s, {0, static_cast<uint32_t>(s.size())});
  return s.substr(t.begin, t.size());
}

// Visible text of a subtree (noise skipped unless keep_noise), collapsed. Iterative.
std::string TextOf(const HtmlDom& dom, uint32_t root, bool keep_noise) {
  std::string out;
  std::vector<uint32_t> stack{root};
  while (!stack.empty()) {
    const uint32_t i = stack.back();
    stack.pop_back();
    const HtmlNode& n = dom.node(i);
    if (n.kind == HtmlNode::Kind::kText) {
      AppendCollapsed(dom.Text(i), &out);
      continue;
    }
    if (i != root && !keep_noise && IsNoise(dom, i)) continue;
    const size_t mark = stack.size();
    for (uint32_t c = n.first_child; c != kNone; c = dom.node(c).next_sibling) stack.push_back(c);
    std::reverse(stack.begin() + static_cast<std::ptrdiff_t>(mark), stack.end());
  }
  return Trimmed(out);
}

struct PageInfo {
  std::unordered_map<std::string, std::string> meta;  // property/name/itemprop -> content
  std::string title_tag, first_h1, canonical, lang, time_datetime, itemprop_published;
  uint32_t article_body = kNone;
  uint32_t body = kNone;
  std::vector<uint32_t> articles;
  // By node index: inside boilerplate; text of its <p> children; container score (text of <p>
  // children plus half the text of <p> grandchildren).
  std::vector<bool> noise;
  std::vector<size_t> p_text;
  std::vector<size_t> block_score;
  std::vector<uint32_t> candidates;  // elements with a <p> child or grandchild, in order
};

// One pass over the nodes in document order (parents before children), one bottom-up pass for
// the text sizes: linear in the page however its paragraphs nest.
void Survey(const HtmlDom& dom, PageInfo* info) {
  const size_t n = dom.size();
  info->noise.assign(n, false);
  info->p_text.assign(n, 0);
  info->block_score.assign(n, 0);
  // Collapsed visible text bytes under each node (boilerplate excluded).
  std::vector<size_t> text(n, 0);
  for (uint32_t i = 1; i < n; ++i) {
    const HtmlNode& node = dom.node(i);
    const bool noise = info->noise[node.parent] || IsNoise(dom, i);
    info->noise[i] = noise;
    if (node.kind == HtmlNode::Kind::kText) {
      if (!noise) text[i] = CollapsedSize(dom.Text(i));
      continue;
    }
    switch (node.tag) {
      case HtmlTag::kMeta: {
        auto key = dom.Attr(i, "property");
        if (!key) key = dom.Attr(i, "name");
        if (!key) key = dom.Attr(i, "itemprop");
        auto content = dom.Attr(i, "content");
        if (key && content) info->meta.emplace(LowerUtf8(*key), std::string(*content));
        break;
      }
      case HtmlTag::kTitle:
        if (info->title_tag.empty()) info->title_tag = TextOf(dom, i, true);
        break;
      case HtmlTag::kLink: {
        auto rel = dom.Attr(i, "rel");
        auto href = dom.Attr(i, "href");
        if (rel && href && *rel == "canonical" && info->canonical.empty())
          info->canonical = std::string(*href);
        break;
      }
      case HtmlTag::kHtml:
        if (auto l = dom.Attr(i, "lang")) info->lang = std::string(*l);
        break;
      case HtmlTag::kBody:
        info->body = i;
        break;
      case HtmlTag::kTime: {
        auto dt = dom.Attr(i, "datetime");
        auto ip = dom.Attr(i, "itemprop");
        if (dt && ip && *ip == "datePublished" && info->itemprop_published.empty())
          info->itemprop_published = std::string(*dt);
        if (dt && info->time_datetime.empty()) info->time_datetime = std::string(*dt);
        break;
      }
      default:
        break;
    }
    if (noise) continue;
    if (node.tag == HtmlTag::kH1 && info->first_h1.empty()) info->first_h1 = TextOf(dom, i, false);
    if (node.tag == HtmlTag::kArticle) info->articles.push_back(i);
    auto ip = dom.Attr(i, "itemprop");
    if (ip && *ip == "articleBody" && info->article_body == kNone) info->article_body = i;
  }
  for (size_t i = n; i-- > 1;) text[dom.node(static_cast<uint32_t>(i)).parent] += text[i];
  std::vector<bool> candidate(n, false);
  for (uint32_t i = 1; i < n; ++i) {
    const HtmlNode& node = dom.node(i);
    if (info->noise[i] || !dom.IsElement(i, HtmlTag::kP)) continue;
    const uint32_t parent = node.parent;
    if (dom.node(parent).kind != HtmlNode::Kind::kElement) continue;
    info->p_text[parent] += text[i];
    candidate[parent] = true;
    // Half for the grandparent, so that an article split into one-<p> wrappers
    // (<div><p>..</p></div><div><p>..</p></div>) is found as a whole.
    const uint32_t g = dom.node(parent).parent;
    if (g != kNone && dom.node(g).kind == HtmlNode::Kind::kElement) {
      info->block_score[g] += text[i] / 2;
      candidate[g] = true;
    }
  }
  for (uint32_t i = 1; i < n; ++i)
    if (candidate[i]) info->candidates.push_back(i);
}

// Text in <p> elements under each element (boilerplate excluded), summed bottom-up.
std::vector<size_t> ParagraphTextBySubtree(const HtmlDom& dom, const PageInfo& info) {
  std::vector<size_t> total(info.p_text);
  for (size_t i = dom.size(); i-- > 1;) {
    if (info.noise[i]) continue;
    total[dom.node(static_cast<uint32_t>(i)).parent] += total[i];
  }
  return total;
}

// Paragraph texts of the container, in order.
std::vector<std::string> Paragraphs(const HtmlDom& dom, uint32_t root) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    std::string t = Trimmed(cur);
    if (!t.empty()) out.push_back(std::move(t));
    cur.clear();
  };
  // kNone marks the end of a block element.
  std::vector<uint32_t> stack{root};
  while (!stack.empty()) {
    const uint32_t i = stack.back();
    stack.pop_back();
    if (i == kNone) {
      flush();
      continue;
    }
    const HtmlNode& n = dom.node(i);
    if (n.kind == HtmlNode::Kind::kText) {
      AppendCollapsed(dom.Text(i), &cur);
      continue;
    }
    if (i != root && (IsNoise(dom, i) || n.tag == HtmlTag::kH1)) {
      if (IsBlock(n.tag)) flush();
      continue;
    }
    if (IsBlock(n.tag)) {
      flush();
      stack.push_back(kNone);
    } else if (!cur.empty() && cur.back() != ' ' && n.tag == HtmlTag::kImg) {
      cur.push_back(' ');
    }
    const size_t mark = stack.size();
    for (uint32_t c = n.first_child; c != kNone; c = dom.node(c).next_sibling) stack.push_back(c);
    std::reverse(stack.begin() + static_cast<std::ptrdiff_t>(mark), stack.end());
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
  Result<HtmlDom> parsed = ParseHtml(html, name);
  if (!parsed.ok()) return parsed.status();
  const HtmlDom& dom = *parsed;
  PageInfo info;
  Survey(dom, &info);
  auto meta = [&](const char* key) -> std::string {
    auto it = info.meta.find(key);
    return it == info.meta.end() ? std::string() : Trimmed(it->second);
  };
  Document doc;
  doc.id = FileStem(name);
  doc.warnings = dom.warnings();
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

  uint32_t container = info.article_body;
  if (container == kNone && !info.articles.empty()) {
    size_t best = 0;
    const std::vector<size_t> subtree = ParagraphTextBySubtree(dom, info);
    for (uint32_t a : info.articles) {
      if (container == kNone || subtree[a] > best) {
        container = a;
        best = subtree[a];
      }
    }
  }
  if (container == kNone) {
    size_t best = 0;
    for (uint32_t node : info.candidates) {
      const size_t size = info.block_score[node] + info.p_text[node];
      if (size > best) {
        best = size;
        container = node;
      }
    }
  }
  if (container == kNone) container = info.body != kNone ? info.body : HtmlDom::kRoot;
  std::vector<std::string> paragraphs = Paragraphs(dom, container);
  std::string body;
  for (const std::string& p : paragraphs) {
    if (p == title || p == lead) continue;
    if (!body.empty()) body += '\n';
    body += p;
  }
  if (title.empty() && lead.empty() && body.empty()) {
    std::string m = std::string(name) + ": no title or text found in the HTML page";
    for (const std::string& w : dom.warnings()) m += " (" + w + ")";
    return InvalidArgument(m);
  }
  ComposeDocument(name, title, lead, body, &doc);
  return doc;
}

}  // namespace svodka
