// What is a page (cli/page_filter.h): the decision by record type, content type, name and bytes,
// on the resources a crawl really meets.
#include "page_filter.h"

#include <gtest/gtest.h>

namespace qingxi::cli {
namespace {

const char kHtml[] =
    "<!DOCTYPE html><html><head><title>新闻</title></head><body><p>正文。</p></body></html>";

TEST(PageFilter, HtmlAndProseArePages) {
  EXPECT_EQ(NotAPageReason("http://a.test/news/1.html", "text/html; charset=gbk", kHtml), "");
  EXPECT_EQ(NotAPageReason("http://a.test/news/", "application/xhtml+xml", kHtml), "");
  EXPECT_EQ(NotAPageReason("http://a.test/a.txt", "text/plain", "今天天气很好。\n明天有雨。\n"),
            "");
  EXPECT_EQ(NotAPageReason("/saved/page", "", kHtml), "");
  // A server that labels everything application/octet-stream: the bytes decide.
  EXPECT_EQ(NotAPageReason("http://a.test/show.php?id=3", "application/octet-stream", kHtml), "");
  // A page whose URL looks like a script, but served as HTML, is a page (a dynamic handler).
  EXPECT_EQ(NotAPageReason("http://a.test/view.js", "text/html", kHtml), "");
  // UTF-16 text has NUL bytes but a byte order mark.
  EXPECT_EQ(NotAPageReason("/saved/u16.txt", "", std::string("\xFF\xFE<\0h\0t\0m\0l\0>\0", 14)),
            "");
}

TEST(PageFilter, CrawlerFilesAreNotPages) {
  EXPECT_EQ(NotAPageReason("http://a.test/robots.txt", "text/plain", "User-agent: *\nDisallow:\n"),
            "robots_txt");
  EXPECT_EQ(NotAPageReason("/mirror/a.test/ROBOTS.TXT", "", "User-agent: *\n"), "robots_txt");
  EXPECT_EQ(
      NotAPageReason("metadata://gnu.org/software/wget/warc/wget.log", "text/plain", "--2024--"),
      "warc_metadata");
  EXPECT_EQ(NotAPageReason("dns:a.test", "text/dns", "20240101 a.test. 60 IN A 1.2.3.4"),
            "warc_metadata");
  EXPECT_EQ(
      NotAPageReason("/in/urls.txt", "", "# seeds\nhttp://a.test/1.html\n\nhttps://a.test/2\n"),
      "url_list");
  EXPECT_EQ(NotAPageReason("/in/wget.log", "", "Connecting to a.test... connected.\n"), "log");
}

TEST(PageFilter, AssetsAreNotPagesWhateverTheServerSays) {
  EXPECT_EQ(NotAPageReason("http://a.test/s.css", "text/css", "body{}"), "stylesheet");
  EXPECT_EQ(NotAPageReason("http://a.test/s.css?v=3", "application/octet-stream", "body{}"),
            "stylesheet");
  EXPECT_EQ(NotAPageReason("http://a.test/app", "application/javascript", "var a=1;"), "script");
  EXPECT_EQ(NotAPageReason("http://a.test/x.js", "", "var a=1;"), "script");
  EXPECT_EQ(NotAPageReason("http://a.test/api", "application/json; charset=utf-8", "{\"a\":1}"),
            "json");
  EXPECT_EQ(NotAPageReason("http://a.test/feed", "application/rss+xml", "<rss>"), "xml");
  EXPECT_EQ(NotAPageReason("http://a.test/logo", "image/png", "\x89PNG"), "binary");
  EXPECT_EQ(NotAPageReason("/in/blob", "", std::string("ab\0cd", 5)), "binary");
}

TEST(PageFilter, ProseThatMentionsAUrlIsStillAPage) {
  EXPECT_EQ(
      NotAPageReason("/in/notes.txt", "", "参考资料：\nhttp://a.test/1.html\n以上为本周摘要。\n"),
      "");
  // A URL list cut at the sniff limit is judged on its complete lines.
  std::string many;
  while (many.size() < kPageSniffBytes + 100)
    many += "http://a.test/page/" + std::to_string(many.size()) + ".html\n";
  EXPECT_EQ(NotAPageReason("/in/list", "", many), "url_list");
}

}  // namespace
}  // namespace qingxi::cli
