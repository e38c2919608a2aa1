// The link extractor the crawler follows links with (qingxi/links.h): <a>/<area> hrefs in
// document order, <base href>, <link rel=canonical>, rel=nofollow and the robots meta tag,
// entities decoded, unfollowable schemes dropped, the limit honoured, hostile nesting survived.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "qingxi/links.h"

namespace qingxi {
namespace {

using ::testing::ElementsAre;

TEST(Links, HrefsBaseAndCanonical) {
  const std::string html =
      "<html><head><base href=\"https://news.example.cn/2024/\">"
      "<link rel=\"Canonical\" href=\" https://news.example.cn/2024/a.html \">"
      "<link rel=\"stylesheet\" href=\"/s.css\"></head><body>"
      "<a href=\"b.html?x=1&amp;y=2\">下一篇</a>"
      "<a href=\" /c.html\n\">栏目</a>"
      "<a href=\"#top\">顶部</a><a href=\"javascript:void(0)\">脚本</a>"
      "<a href=\"MAILTO:x@y.cn\">邮件</a><a>无链接</a>"
      "<a rel=\"external nofollow\" href=\"/ad.html\">广告</a>"
      "<map><area href=\"/map.html\"></map>"
      "<a href=\"b.html?x=1&amp;y=2\">重复</a></body></html>";
  PageLinks pl = ExtractPageLinks(html, 100);
  EXPECT_THAT(pl.links, ElementsAre("b.html?x=1&y=2", "/c.html", "/map.html"));
  EXPECT_EQ(pl.base, "https://news.example.cn/2024/");
  EXPECT_EQ(pl.canonical, "https://news.example.cn/2024/a.html");
  EXPECT_FALSE(pl.nofollow_all);
  EXPECT_EQ(ExtractLinks(html, 2).size(), 2u);
}

TEST(Links, RobotsMetaNofollow) {
  PageLinks pl = ExtractPageLinks(
      "<html><head><meta name=\"ROBOTS\" content=\"noindex, nofollow\"></head><body><a href=\"/x\">x</a>", 10);
  EXPECT_TRUE(pl.nofollow_all);
  EXPECT_FALSE(ExtractPageLinks("<meta name=robots content=noindex><a href=/x>x</a>", 10).nofollow_all);
}

TEST(Links, DeepNestingAndGarbage) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "<a href=\"/deep.html\">深</a>";
  EXPECT_LE(ExtractLinks(deep, 10).size(), 1u);  // no crash, no stack overflow
  EXPECT_TRUE(ExtractLinks(std::string("\xff\xfe<a href", 8), 10).empty());
  EXPECT_TRUE(ExtractLinks("", 10).empty());
}

}  // namespace
}  // namespace qingxi
