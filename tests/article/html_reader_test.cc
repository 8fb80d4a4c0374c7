#include "article/html_reader.h"

#include <gtest/gtest.h>

#include <string>

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

TEST(HtmlReader, DeepNestingIsRefused) {
  std::string page;
  for (int i = 0; i < 6000; ++i) page += "<div>";
  Result<Document> r = ReadHtmlDocument(page, "deep.html");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("deep.html: HTML nested deeper"), std::string::npos);
}

// gumbo is quadratic in the attributes of one tag: a tag with thousands is refused, fast;
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
  std::string ok = "<html><body><article><p class=\"a<b\" id=x data-v='1=2'>Первый абзац статьи.</p>"
                   "</article></body></html>";
  EXPECT_TRUE(ReadHtmlDocument(ok, "ok.html").ok());
}

// Tag soup whose end tags match nothing nests as deeply as plain start tags ("<div>x</span>"
// used to pass the depth check and take minutes and gigabytes in the parser), and so do
// "self-closing" HTML elements and "/>" hidden in a quoted attribute value.
TEST(HtmlReader, DeepNestingCannotHideBehindStrayEndTagsOrSlashes) {
  for (const char* unit : {"<div>x</span>", "<b>x</i>", "<div/>", "<svg><g a=\"/>\">",
                           "<svg><b><path/>"}) {
    std::string page = "<html><body>";
    for (int i = 0; i < 6000; ++i) page += unit;
    Result<Document> r = ReadHtmlDocument(page, "soup.html");
    ASSERT_FALSE(r.ok()) << unit;
    EXPECT_NE(r.status().message().find("soup.html: HTML nested deeper"), std::string::npos);
  }
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
