// robots.txt parsing and matching against RFC 9309's own examples, in the style of Google's
// robots.txt test corpus (one small file, one agent, one path, one expected answer).
#include "qingxi/fetch/robots.h"

#include <gtest/gtest.h>

#include <string>

namespace qingxi::fetch {
namespace {

bool Allowed(const std::string& robots, const std::string& agent, const std::string& path) {
  return RobotsTxt::Parse(robots, agent).IsAllowed(path);
}

// RFC 9309 section 5.1, "Simple Example".
constexpr char kRfcExample[] =
    "User-Agent: *\n"
    "Disallow: *.gif$\n"
    "Disallow: /example/\n"
    "Allow: /publications/\n"
    "\n"
    "User-Agent: foobot\n"
    "Disallow:/\n"
    "Allow:/example/page.html\n"
    "Allow:/example/allowed.gif\n"
    "\n"
    "User-Agent: barbot\n"
    "User-Agent: bazbot\n"
    "Disallow: /example/page.html\n"
    "\n"
    "User-Agent: quxbot\n";

TEST(RobotsTest, RfcSimpleExampleGlobalGroup) {
  EXPECT_FALSE(Allowed(kRfcExample, "otherbot", "/picture.gif"));
  EXPECT_FALSE(Allowed(kRfcExample, "otherbot", "/example/index.html"));
  EXPECT_TRUE(Allowed(kRfcExample, "otherbot", "/publications/"));
  EXPECT_TRUE(Allowed(kRfcExample, "otherbot", "/picture.gif?size=2"));  // '$' anchors the end
}

TEST(RobotsTest, RfcSimpleExampleSpecificGroups) {
  EXPECT_TRUE(Allowed(kRfcExample, "foobot", "/example/page.html"));
  EXPECT_TRUE(Allowed(kRfcExample, "foobot", "/example/allowed.gif"));
  EXPECT_FALSE(Allowed(kRfcExample, "foobot", "/example/other.html"));
  EXPECT_FALSE(Allowed(kRfcExample, "foobot", "/"));
  // Two user-agent lines share one group.
  EXPECT_FALSE(Allowed(kRfcExample, "barbot", "/example/page.html"));
  EXPECT_FALSE(Allowed(kRfcExample, "bazbot", "/example/page.html"));
  EXPECT_TRUE(Allowed(kRfcExample, "bazbot", "/example/other.html"));  // not the '*' group
  // An empty group allows everything and replaces the '*' group.
  EXPECT_TRUE(Allowed(kRfcExample, "quxbot", "/example/page.gif"));
}

// RFC 9309 section 5.2, "Longest Match".
TEST(RobotsTest, LongestMatchWins) {
  const std::string r =
      "User-Agent: foobot\n"
      "Allow: /example/page/\n"
      "Disallow: /example/page/disallowed.gif\n";
  EXPECT_TRUE(Allowed(r, "foobot", "/example/page/"));
  EXPECT_TRUE(Allowed(r, "foobot", "/example/page/allowed.html"));
  EXPECT_FALSE(Allowed(r, "foobot", "/example/page/disallowed.gif"));
}

TEST(RobotsTest, EqualLengthAllowWins) {
  const std::string r = "user-agent: *\nallow: /folder\ndisallow: /folder\n";
  EXPECT_TRUE(Allowed(r, "qingxi", "/folder/page"));
  const std::string r2 = "user-agent: *\ndisallow: /folder\nallow: /folder\n";
  EXPECT_TRUE(Allowed(r2, "qingxi", "/folder/page"));
}

// RFC 9309 section 2.2.2, the percent-encoding table.
TEST(RobotsTest, PercentEncodingIsNormalised) {
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /foo/bar?baz=quz\n", "a", "/foo/bar?baz=quz"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /foo/bar/ツ\n", "a", "/foo/bar/%E3%83%84"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /foo/bar/%E3%83%84\n", "a", "/foo/bar/%e3%83%84"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /foo/bar/%62%61%7A\n", "a", "/foo/bar/baz"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /新闻/\n", "a", "/%E6%96%B0%E9%97%BB/2024.html"));
  EXPECT_EQ(NormalizeRobotsPath("/a%2fb%7e/ツ"), "/a%2Fb~/%E3%83%84");
}

// RFC 9309 section 2.2.3: '*' and '$', and an encoded '*' that is a literal.
TEST(RobotsTest, SpecialCharacters) {
  const std::string r =
      "User-agent: *\n"
      "Disallow: /path/file-with-a-*.html\n"
      "Disallow: /another/path/file-with-a-%2A.html\n"
      "Allow: /this/path/exactly$\n"
      "Disallow: /this/path/\n";
  EXPECT_FALSE(Allowed(r, "a", "/path/file-with-a-wildcard.html"));
  EXPECT_FALSE(Allowed(r, "a", "/path/file-with-a-.html"));
  EXPECT_FALSE(Allowed(r, "a", "/another/path/file-with-a-%2A.html"));
  EXPECT_TRUE(Allowed(r, "a", "/another/path/file-with-a-x.html"));
  EXPECT_TRUE(Allowed(r, "a", "/this/path/exactly"));
  EXPECT_FALSE(Allowed(r, "a", "/this/path/exactly/more"));
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: /\nAllow: /$\n", "a", "/"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /\nAllow: /$\n", "a", "/page"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /*?\n", "a", "/list?page=2"));
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: /*?\n", "a", "/list"));
}

TEST(RobotsTest, ManyWildcardsStayCheap) {
  std::string pattern = "/";
  for (int i = 0; i < 200; ++i) pattern += "*a";
  std::string path = "/" + std::string(5000, 'a') + "b";
  // Ends in 'b', so the anchored pattern cannot match; the open one matches.
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: " + pattern + "$\n", "a", path));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: " + pattern + "\n", "a", path));
}

TEST(RobotsTest, UserAgentMatchingIsCaseInsensitiveOnTheProductToken) {
  const std::string r =
      "User-agent: QingXi/1.0 (compatible)\nDisallow: /a\n\nUser-agent: *\nDisallow: /b\n";
  EXPECT_FALSE(Allowed(r, "qingxi", "/a"));
  EXPECT_TRUE(Allowed(r, "qingxi", "/b"));
  EXPECT_TRUE(Allowed(r, "otherbot", "/a"));
  EXPECT_FALSE(Allowed(r, "otherbot", "/b"));
  // A longer token is another agent, not a prefix match.
  EXPECT_TRUE(Allowed("User-agent: qingxibot\nDisallow: /\n", "qingxi", "/x"));
}

TEST(RobotsTest, GroupsNamingTheSameAgentAreMerged) {
  const std::string r =
      "User-agent: qingxi\nDisallow: /a\n\nUser-agent: other\nDisallow: /c\n\n"
      "User-agent: qingxi\nDisallow: /b\n";
  EXPECT_FALSE(Allowed(r, "qingxi", "/a"));
  EXPECT_FALSE(Allowed(r, "qingxi", "/b"));
  EXPECT_TRUE(Allowed(r, "qingxi", "/c"));
}

TEST(RobotsTest, ForgivingSyntaxLikeRealFiles) {
  // BOM, CR-only line ends, odd case, a misspelt key, no colon, comments, trailing spaces.
  const std::string r =
      "\xEF\xBB\xBFuser-AGENT: *\rDISSALLOW: /cgi-bin/ # old scripts\r"
      "Disallow /tmp  \r# Allow: /tmp/ok\rAllow:\r";
  EXPECT_FALSE(Allowed(r, "qingxi", "/cgi-bin/x.cgi"));
  EXPECT_FALSE(Allowed(r, "qingxi", "/tmp/a"));
  EXPECT_FALSE(Allowed(r, "qingxi", "/tmp/ok"));
  EXPECT_TRUE(Allowed(r, "qingxi", "/index.html"));
  // Rules before any user-agent line belong to no group.
  EXPECT_TRUE(Allowed("Disallow: /\nUser-agent: *\nDisallow: /x\n", "qingxi", "/y"));
  // "Disallow:" with nothing allows everything.
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow:\n", "qingxi", "/anything"));
}

TEST(RobotsTest, UnknownLinesDoNotSplitAGroup) {
  const std::string r = "User-agent: a\nHost: example.com\nUser-agent: qingxi\nDisallow: /p\n";
  EXPECT_FALSE(Allowed(r, "qingxi", "/p"));
  EXPECT_FALSE(Allowed(r, "a", "/p"));
}

TEST(RobotsTest, RobotsTxtItselfIsAlwaysAllowedAndUrlsAreReduced) {
  RobotsTxt r = RobotsTxt::Parse("User-agent: *\nDisallow: /\n", "qingxi");
  EXPECT_TRUE(r.IsAllowed("/robots.txt"));
  EXPECT_FALSE(r.IsAllowed("https://example.com/news/1.html#top"));
  EXPECT_FALSE(r.IsAllowed("https://example.com"));
  RobotsTxt p = RobotsTxt::Parse("User-agent: *\nDisallow: /news/\n", "qingxi");
  EXPECT_FALSE(p.IsAllowed("https://example.com/news/1.html"));
  EXPECT_TRUE(p.IsAllowed("https://example.com/about?x=/news/"));
}

TEST(RobotsTest, CrawlDelayAndSitemaps) {
  RobotsTxt r = RobotsTxt::Parse(
      "Sitemap: https://example.com/sitemap.xml\n"
      "User-agent: *\nCrawl-delay: 2.5\nDisallow: /x\n"
      "User-agent: qingxi\nCrawl-delay: 10\n"
      "Sitemap: https://example.com/news-sitemap.xml\n",
      "otherbot");
  ASSERT_TRUE(r.crawl_delay().has_value());
  EXPECT_DOUBLE_EQ(*r.crawl_delay(), 2.5);
  ASSERT_EQ(r.sitemaps().size(), 2u);
  EXPECT_EQ(r.sitemaps()[1], "https://example.com/news-sitemap.xml");
  RobotsTxt q = RobotsTxt::Parse(
      "User-agent: *\nCrawl-delay: 2.5\nUser-agent: qingxi\nCrawl-delay: 10\n", "qingxi");
  EXPECT_DOUBLE_EQ(q.crawl_delay().value_or(-1), 10);
  EXPECT_FALSE(RobotsTxt::Parse("User-agent: *\nCrawl-delay: soon\n", "a").crawl_delay());
}

TEST(RobotsTest, ParseLimitIs500KiB) {
  std::string body = "User-agent: *\nDisallow: /early\n";
  while (body.size() < kRobotsMaxParseBytes) body += "# filler filler filler filler filler\n";
  body += "Disallow: /late\n";
  RobotsTxt r = RobotsTxt::Parse(body, "qingxi");
  EXPECT_FALSE(r.IsAllowed("/early"));
  EXPECT_TRUE(r.IsAllowed("/late"));
}

// RFC 9309 section 2.3.1: what the fetch outcome of robots.txt means.
TEST(RobotsTest, FromFetchStatusMeaning) {
  EXPECT_FALSE(RobotsTxt::FromFetch(200, "User-agent: *\nDisallow: /\n", "q").IsAllowed("/a"));
  EXPECT_TRUE(RobotsTxt::FromFetch(404, "User-agent: *\nDisallow: /\n", "q").IsAllowed("/a"));
  EXPECT_TRUE(RobotsTxt::FromFetch(403, "", "q").IsAllowed("/a"));
  EXPECT_FALSE(RobotsTxt::FromFetch(500, "", "q").IsAllowed("/a"));
  EXPECT_FALSE(RobotsTxt::FromFetch(503, "", "q").IsAllowed("/a"));
  EXPECT_FALSE(RobotsTxt::FromFetch(429, "", "q").IsAllowed("/a"));
  EXPECT_FALSE(RobotsTxt::FromFetch(0, "", "q").IsAllowed("/a"));
  EXPECT_EQ(RobotsTxt::FromFetch(0, "", "q").source(), RobotsTxt::Source::kUnreachable);
  EXPECT_EQ(RobotsTxt::FromFetch(404, "", "q").source(), RobotsTxt::Source::kAllowAll);
  EXPECT_TRUE(RobotsTxt::FromFetch(500, "", "q").IsAllowed("/robots.txt"));
}

TEST(RobotsTest, CacheExpiresAndIsBounded) {
  using Clock = RobotsCache::Clock;
  RobotsCache cache(2);
  Clock::time_point now = Clock::now();
  cache.Put("https://a.example", RobotsTxt::DisallowAll(), now + std::chrono::seconds(10));
  ASSERT_NE(cache.Get("https://a.example", now), nullptr);
  EXPECT_FALSE(cache.Get("https://a.example", now)->IsAllowed("/x"));
  EXPECT_EQ(cache.Get("https://a.example", now + std::chrono::seconds(11)), nullptr);
  EXPECT_EQ(cache.Get("http://a.example", now), nullptr);  // another origin
  cache.Put("https://b.example", RobotsTxt::AllowAll(), now + std::chrono::seconds(10));
  cache.Put("https://c.example", RobotsTxt::AllowAll(), now + std::chrono::seconds(10));
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.Get("https://a.example", now), nullptr);  // the oldest went first
  EXPECT_NE(cache.Get("https://c.example", now), nullptr);
}

}  // namespace
}  // namespace qingxi::fetch
