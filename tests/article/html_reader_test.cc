#include "article/html_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "article/html_dom.h"

namespace svodka {
namespace {

const char kPage[] = R"(<!DOCTYPE html>
<html lang="ru"><head>
<title>Лавров прибыл в Токио - РИА Новости, 20.03.2017</title>
<meta property="og:title" content="Лавров прибыл в Токио">
<meta property="og:description" content="Министр обсудит &laquo;два плюс два&raquo;.">
<meta property="og:site_name" content="РИА Новости">
<meta property="article:published_time" content="2017-03-20T10:15:00+03:00">
<link rel="canonical" href="https://ria.ru/1.html">
<script>var x = "<p>не текст</p>";</script>
<style>p { color: red }</style>
</head><body>
<nav><ul><li>Главная</li><li>Политика</li></ul></nav>
<header class="site-header"><p>Шапка сайта</p></header>
<div class="layout">
 <article>
  <h1>Лавров прибыл в Токио</h1>
  <div itemprop="articleBody">
   <p><strong>МОСКВА, 20 мар — РИА Новости.</strong> Первый   абзац
      текста.</p>
   <div class="banner-ad"><p>Купите слона!</p></div>
   <p>Второй абзац с <a href="/x">ссылкой</a>.</p>
   <div class="share-buttons">Поделиться</div>
   <!-- комментарий -->
   <noscript><p>Включите JS</p></noscript>
   <div id="comments"><p>Комментарий читателя</p></div>
   <p>Третий абзац.</p>
  </div>
  <aside><p>Читайте также что-то</p></aside>
 </article>
</div>
<footer><p>© 2017</p></footer>
</body></html>)";

TEST(HtmlReader, MetaAndMainTextWithoutBoilerplate) {
  Result<Document> r = ReadHtmlDocument(kPage, "pages/ria-1.html");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Document& d = *r;
  EXPECT_EQ(d.id, "ria-1");
  EXPECT_EQ(d.url, "https://ria.ru/1.html");
  EXPECT_EQ(d.published, "2017-03-20T10:15:00+03:00");
  EXPECT_EQ(d.text,
            "Лавров прибыл в Токио\n\nМинистр обсудит «два плюс два».\n\n"
            "МОСКВА, 20 мар — РИА Новости. Первый абзац текста.\n"
            "Второй абзац с ссылкой.\nТретий абзац.");
  EXPECT_EQ(d.Slice(*d.title), "Лавров прибыл в Токио");
  EXPECT_EQ(d.Slice(*d.lead), "Министр обсудит «два плюс два».");
  ASSERT_EQ(d.paragraphs.size(), 3u);
  EXPECT_EQ(d.Slice(d.paragraphs[2]), "Третий абзац.");
  ASSERT_TRUE(d.dateline);
  EXPECT_EQ(d.dateline->place, "Москва");
  EXPECT_EQ(d.dateline->date, "2017-03-20");
  EXPECT_EQ(d.dateline->agency, "РИА Новости");
  ASSERT_EQ(d.metadata.size(), 2u);
  EXPECT_EQ(d.metadata[0], (std::pair<std::string, std::string>("site_name", "\"РИА Новости\"")));
  EXPECT_EQ(d.metadata[1].second, "\"ru\"");
}

TEST(HtmlReader, TitleSuffixAndDensestBlock) {
  const char page[] = R"(<html><head><title>Курс рубля вырос | Reuters</title>
<meta name="description" content="Коротко о главном"></head><body>
<div class="menu"><p>Раздел один</p><p>Раздел два</p></div>
<div class="content"><p>Длинный первый абзац статьи о курсе.</p><p>Второй длинный абзац.</p></div>
<div><p>Мало</p></div>
<time datetime="2020-05-06">6 мая</time></body></html>)";
  Result<Document> r = ReadHtmlDocument(page, "x.html");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->Slice(*r->title), "Курс рубля вырос");
  EXPECT_EQ(r->Slice(*r->lead), "Коротко о главном");
  EXPECT_EQ(r->published, "2020-05-06");
  ASSERT_EQ(r->paragraphs.size(), 2u);
  EXPECT_EQ(r->Slice(r->paragraphs[0]), "Длинный первый абзац статьи о курсе.");
}

TEST(HtmlReader, OneParagraphWrappersAreFoundTogether) {
  std::string page = "<title>T</title><body><div class='menu'><p>Меню и ещё меню</p></div><main>";
  for (int i = 0; i < 5; ++i)
    page += "<div class='x'><p>Абзац номер " + std::to_string(i) + ".</p></div>";
  page += "</main></body>";
  Result<Document> r = ReadHtmlDocument(page, "w.html");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->paragraphs.size(), 5u);
  EXPECT_EQ(r->Slice(r->paragraphs[4]), "Абзац номер 4.");
}

TEST(HtmlReader, UnknownSuffixIsKept) {
  Result<Document> r =
      ReadHtmlDocument("<title>Россия - Япония: итоги</title><p>Текст.</p>", "x.html");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->Slice(*r->title), "Россия - Япония: итоги");
}

TEST(HtmlReader, EmptyPageIsAnError) {
  Result<Document> r = ReadHtmlDocument("<html><body><script>x()</script></body></html>", "e.html");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "e.html: no title or text found in the HTML page");
}

// Elements nested deeper than 256 end the parse: what came before is kept, and a warning names
// the byte where reading stopped.
TEST(HtmlReader, DeepNestingStopsTheParseWithAWarning) {
  std::string page = "<html><body><p>Первый абзац.</p>";
  for (int i = 0; i < 6000; ++i) page += "<div>";
  page += "<p>Не прочитано.</p>";
  Result<Document> r = ReadHtmlDocument(page, "deep.html");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->text, "Первый абзац.");
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_NE(r->warnings[0].find("deep.html: byte "), std::string::npos) << r->warnings[0];
  EXPECT_NE(r->warnings[0].find("nested deeper than 256 elements"), std::string::npos);
}

// libxml2 is quadratic in the attributes of one tag: a tag with thousands is refused, fast;
// ordinary tags with a handful of attributes (quoted values may hold '<' and '=') pass.
TEST(HtmlReader, TagWithThousandsOfAttributesIsRefused) {
  std::string page = "<html><body><p";
  for (int i = 0; i < 40000; ++i) page += " a" + std::to_string(i) + "=x";
  page += ">Текст</p></body></html>";
  Result<Document> r = ReadHtmlDocument(page, "attrs.html");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("attrs.html: an HTML tag with 40000 attributes"),
            std::string::npos)
      << r.status().message();
  std::string ok =
      "<html><body><article><p class=\"a<b\" id=x data-v='1=2'>Первый абзац статьи.</p>"
      "</article></body></html>";
  EXPECT_TRUE(ReadHtmlDocument(ok, "ok.html").ok());
}

// Hostile shapes that broke the HTML5 parser svodka used before (issue 12): each gives a
// result or a clear message, with the DOM bounded in depth and memory. Run at a size where a
// quadratic parser would take minutes (CTest's timeout catches a regression).
TEST(HtmlReader, HostileShapesAreBounded) {
  struct Shape {
    const char* head;
    const char* unit;
    int repeat;
  };
  const Shape shapes[] = {
      {"<svg>", "<td>", 280000},  // nests inside foreign content
      {"<math>", "<mi>", 200000},
      {"<p>", "<b id=1>", 4000},  // formatting-element storm ...
      {"", "<p>x</p>", 100000},   // ... then many paragraphs
      {"<p>Начало.", "<table><tr><td><p>Слово Слово Слово ", 20000},  // nested paragraphs
      {"<div>x</span>", "<div>x</span>", 100000},                     // stray end tags
      {"<b>x</i>", "<b>x</i>", 100000},
      {"<div/>", "<div/>", 100000},
      {"", "<svg><g a=\"/>\">", 100000},
      {"", "<a>", 200000},
      {"<div>", "</li>", 200000},
      {"<select>", "<option>x", 100000},
      {"<dl>", "<dt>x<dd>y", 100000},
      {"<ul>", "<li><ul>", 100000},
      {"", "<!--", 100000},
      {"", "<table>", 200000},
  };
  for (const Shape& shape : shapes) {
    std::string page = std::string("<html><body><p>Текст.</p>") + shape.head;
    for (int i = 0; i < shape.repeat; ++i) page += shape.unit;
    Result<HtmlDom> dom = ParseHtml(page, "soup.html");
    ASSERT_TRUE(dom.ok()) << shape.unit << ": " << dom.status().ToString();
    EXPECT_LE(dom->MemoryBytes(), (size_t{16} << 20) + 16 * page.size()) << shape.unit;
    size_t depth = 0;
    for (uint32_t i = 0; i < dom->size(); ++i) {
      size_t d = 0;
      for (uint32_t p = dom->node(i).parent; p != HtmlNode::kNone; p = dom->node(p).parent) ++d;
      depth = std::max(depth, d);
      if (i > 100000) break;  // enough to see the depth; the walk itself is quadratic
    }
    EXPECT_LE(depth, 257u) << shape.unit;
    Result<Document> doc = ReadHtmlDocument(page, "soup.html");
    ASSERT_TRUE(doc.ok()) << shape.unit << ": " << doc.status().ToString();
    EXPECT_FALSE(doc->text.empty()) << shape.unit;
  }
}

// A page whose DOM needs more memory than its budget is refused with the byte reached.
TEST(HtmlReader, MemoryBudgetIsEnforced) {
  std::string page = "<html><body>";
  for (int i = 0; i < 20000; ++i) page += "<p>x</p>";
  HtmlParseOptions tight;
  tight.memory_base = 0;
  tight.memory_per_input_byte = 4;
  Result<HtmlDom> dom = ParseHtml(page, "big.html", tight);
  ASSERT_FALSE(dom.ok());
  EXPECT_EQ(dom.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(dom.status().message().find("big.html: byte "), std::string::npos)
      << dom.status().message();
  EXPECT_TRUE(ParseHtml(page, "big.html").ok());  // the default budget takes it
}

// libxml2 2.9 ignores "</nav>" while an unclosed <div> is open inside the nav, which would put
// the rest of the page, article included, inside the navigation. The DOM closes it as HTML5
// does — but not across a table cell, where HTML5 ignores the end tag too.
TEST(HtmlReader, BlockEndTagsCloseAsInHtml5) {
  const char* page =
      "<html><body><nav><div class=x>Меню <a href=/>Главная</a></nav>"
      "<article><p>Текст статьи, первый абзац.</p><p>Второй абзац.</p></article>"
      "<footer><div>Подвал</footer></body></html>";
  Result<Document> r = ReadHtmlDocument(page, "nav.html");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->text, "Текст статьи, первый абзац.\nВторой абзац.");

  Result<HtmlDom> dom = ParseHtml(
      "<div id=outer><table><tr><td><div id=inner>a</td></tr></table></div>"
      "<div id=after>b</div><!-- </div> --><script>x='</div>'</script><p>c</p>",
      "t.html");
  ASSERT_TRUE(dom.ok());
  uint32_t outer = 0, after = 0, p = 0;
  for (uint32_t i = 0; i < dom->size(); ++i) {
    if (dom->Attr(i, "id") == "outer") outer = i;
    if (dom->Attr(i, "id") == "after") after = i;
    if (dom->IsElement(i, HtmlTag::kP)) p = i;
  }
  ASSERT_TRUE(outer && after && p);
  EXPECT_NE(dom->node(after).parent, outer);  // "</div>" closed the outer div
  EXPECT_EQ(dom->node(after).parent, dom->node(outer).parent);
  EXPECT_EQ(dom->node(p).parent, dom->node(outer).parent);  // the comment and script did not
}

// Self-closed SVG/MathML elements (an inline icon sprite) do not nest: the page is read.
TEST(HtmlReader, SelfClosedSvgElementsDoNotCountAsNesting) {
  std::string page = "<html><body><p>Текст статьи.</p><svg>";
  for (int i = 0; i < 6000; ++i) page += "<path d=\"M0 0\"/>";
  page += "</svg><p>Ещё текст.</p></body></html>";
  Result<Document> r = ReadHtmlDocument(page, "icons.html");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->text, "Текст статьи.\nЕщё текст.");
}

}  // namespace
}  // namespace svodka
