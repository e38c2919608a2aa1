// `qingxi crawl` end to end against nginx on loopback (tests/servers/nginx.conf.in: ETag,
// Last-Modified, gzip): the scheduled re-crawl (conditional GETs, only changed documents
// written), link following that stays within the seed sites and honours --include/--exclude,
// and sitemaps (index, urlset, robots.txt Sitemap lines). Skipped when nginx is not installed.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "fetch_test_servers.h"
#include "qingxi/record.h"
#include "test_util.h"

namespace qingxi {
namespace {

using ::qingxi::testing::BinaryPath;
using ::qingxi::testing::FaultServer;
using ::qingxi::testing::NginxSite;
using ::qingxi::testing::ReadFile;
using ::qingxi::testing::ReadLines;
using ::qingxi::testing::RunCommand;
using ::qingxi::testing::TempDir;
using ::qingxi::testing::WriteFile;

// Chinese prose that differs from page to page (so gzip cannot shrink a page to nothing and
// every page's cleaned text, hence its content hash, is its own).
std::string Prose(int seed, int paragraphs) {
  static const char* kWords[] = {"经济", "发展", "城市", "居民", "政府", "今年", "记者", "了解",
                                 "项目", "建设", "文化", "教育", "医疗", "交通", "环境", "科技",
                                 "企业", "市场", "服务", "社区", "农村", "工作", "推进", "提升",
                                 "改革", "创新", "安全", "质量", "活动", "群众", "数据", "增长"};
  uint64_t x = 0x9E3779B97F4A7C15ull * static_cast<uint64_t>(seed + 1);
  std::string out;
  for (int p = 0; p < paragraphs; ++p) {
    out += "<p>";
    for (int w = 0; w < 40; ++w) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      out += kWords[x % 32];
      if (w % 8 == 7) out += "，";
    }
    out += "。</p>\n";
  }
  return out;
}

std::string Page(int i, const std::string& extra = "", const std::string& links = "") {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>第" + std::to_string(i) +
         "号文章</title></head><body><article><h1>第" + std::to_string(i) + "号文章</h1>" +
         Prose(i, 6) + extra + "</article>" + links + "</body></html>\n";
}

#define START_NGINX(site)                                   \
  do {                                                      \
    std::string err;                                        \
    int rc = (site).Start(180, &err);                       \
    if (rc == 77) GTEST_SKIP() << "nginx is not installed"; \
    ASSERT_EQ(rc, 0) << err;                                \
  } while (0)

std::vector<Record> ReadCorpus(const std::string& path) {
  std::vector<Record> out;
  for (const std::string& line : ReadLines(path)) {
    if (line.empty()) continue;
    auto r = FromJsonLine(line);
    EXPECT_TRUE(r.ok()) << line;
    if (r.ok()) out.push_back(*r);
  }
  return out;
}

nlohmann::json Stats(const std::string& path) { return nlohmann::json::parse(ReadFile(path)); }

// Sets a file's modification time (nginx derives ETag and Last-Modified from it).
void Touch(const std::string& path, time_t when) {
  struct utimbuf t{when, when};
  ASSERT_EQ(utime(path.c_str(), &t), 0) << path;
}

TEST(CliCrawl, RecrawlBringsOnlyWhatChanged) {
  NginxSite site;
  constexpr int kPages = 60;
  const time_t old = time(nullptr) - 86400;
  for (int i = 0; i < kPages; ++i) {
    site.WriteSiteFile("a/" + std::to_string(i) + ".html", Page(i));
    Touch(site.SitePath("a/" + std::to_string(i) + ".html"), old);
  }
  START_NGINX(site);
  const std::string dir = TempDir();
  std::string urls;
  for (int i = 0; i < kPages; ++i) urls += site.Url("/a/" + std::to_string(i) + ".html") + "\n";
  WriteFile(dir + "/urls.txt", urls);
  // Re-crawl intervals of one second, so that the next run finds every URL due.
  const std::string common = BinaryPath() + " crawl -q --allow-private --delay-ms 0 --per-host 4 "
                             "--min-interval 1 --max-interval 1 --full-every 0 --db " + dir + "/crawl.sqlite";

  ASSERT_EQ(RunCommand(common + " -i " + dir + "/urls.txt -o " + dir + "/corpus.jsonl --stats " + dir + "/s1.json"), 0);
  auto s1 = Stats(dir + "/s1.json");
  EXPECT_EQ(s1["documents"], kPages);
  auto corpus = ReadCorpus(dir + "/corpus.jsonl");
  ASSERT_EQ(corpus.size(), static_cast<size_t>(kPages));
  EXPECT_NE(corpus[0].text.find("。"), std::string::npos);
  const uint64_t first_bytes = s1["wire_bytes"];
  ASSERT_GT(first_bytes, 30000u);

  // Unchanged site: conditional GETs, all 304, nothing written.
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  ASSERT_EQ(RunCommand(common + " --due -o " + dir + "/changes1.jsonl --stats " + dir + "/s2.json"), 0);
  auto s2 = Stats(dir + "/s2.json");
  EXPECT_EQ(s2["pages"], kPages);
  EXPECT_EQ(s2["not_modified"], kPages);
  EXPECT_EQ(s2["documents"], 0);
  const uint64_t second_bytes = s2["wire_bytes"];
  EXPECT_LE(second_bytes * 50, first_bytes) << "second run transferred " << second_bytes << " of " << first_bytes;
  EXPECT_TRUE(ReadLines(dir + "/changes1.jsonl").empty());
  int conditional = 0;
  for (const std::string& line : site.AccessLog())
    if (line.find("\" 304 ") != std::string::npos && line.find("W/") != std::string::npos) ++conditional;
  EXPECT_EQ(conditional, kPages) << "every page revalidated with its ETag";

  // Three pages change: exactly those three come out.
  const std::set<int> changed = {3, 17, 42};
  for (int i : changed) {
    const std::string p = site.SitePath("a/" + std::to_string(i) + ".html");
    WriteFile(p, Page(i, "<p>更新：本文于今日补充了新的内容，请读者留意最新进展。</p>"));
    Touch(p, old + 3600);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  ASSERT_EQ(RunCommand(common + " --due -o " + dir + "/changes2.jsonl --stats " + dir + "/s3.json"), 0);
  auto s3 = Stats(dir + "/s3.json");
  EXPECT_EQ(s3["documents"], 3);
  EXPECT_EQ(s3["not_modified"], kPages - 3);
  std::set<std::string> out_urls;
  // A changed page gets a new record id: never the id of its earlier version.
  std::map<std::string, Record> first_by_url;
  for (const Record& r : corpus) first_by_url[r.url] = r;
  for (const Record& r : ReadCorpus(dir + "/changes2.jsonl")) {
    out_urls.insert(r.url);
    EXPECT_NE(r.text.find("补充了新的内容"), std::string::npos);
    ASSERT_TRUE(first_by_url.count(r.url)) << r.url;
    const Record& before = first_by_url[r.url];
    EXPECT_NE(r.id, before.id) << r.url;
    EXPECT_EQ(r.fetched_at.size(), 20u) << r.fetched_at;  // 2026-01-02T03:04:05Z
    EXPECT_GT(r.fetched_at, before.fetched_at);
    EXPECT_NE(ToJsonLine(r).find("\"content_hash\":\""), std::string::npos);
  }
  std::set<std::string> want;
  for (int i : changed) want.insert(site.Url("/a/" + std::to_string(i) + ".html"));
  EXPECT_EQ(out_urls, want);

  // A file touched but not changed: 200 with the same cleaned text is "unchanged".
  Touch(site.SitePath("a/5.html"), old + 7200);
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  ASSERT_EQ(RunCommand(common + " --due -o " + dir + "/changes3.jsonl --stats " + dir + "/s4.json"), 0);
  auto s4 = Stats(dir + "/s4.json");
  EXPECT_EQ(s4["documents"], 0);
  EXPECT_EQ(s4["by_status"]["200"], 1);
  EXPECT_EQ(s4["unchanged"], kPages);
}

TEST(CliCrawl, FollowStaysWithinTheSeedSite) {
  NginxSite site;
  FaultServer other;  // another site (localhost is not 127.0.0.1's site): must never be asked
  std::string err;
  ASSERT_TRUE(other.Start({}, 60, &err)) << err;
  // index -> 1..5 (depth 1) -> deep/N (depth 2) -> deeper/N (depth 3, beyond --max-depth 2)
  std::string index_links = "<ul>";
  for (int i = 1; i <= 5; ++i) index_links += "<li><a href=\"/s/" + std::to_string(i) + ".html\">文章" + std::to_string(i) + "</a></li>";
  index_links += "<li><a href=\"" + other.Url("/page/elsewhere", "localhost") + "\">外站</a></li>";
  index_links += "<li><a href=\"http://example.invalid/x\">外站</a></li>";
  index_links += "<li><a href=\"/skip/1.html\">跳过</a></li>";
  index_links += "<li><a href=\"mailto:a@b.cn\">邮件</a></li><li><a href=\"#top\">顶部</a></li>";
  index_links += "<li><a rel=\"nofollow\" href=\"/s/nofollow.html\">不跟随</a></li></ul>";
  site.WriteSiteFile("s/index.html", Page(0, "", index_links));
  for (int i = 1; i <= 5; ++i)
    site.WriteSiteFile("s/" + std::to_string(i) + ".html",
                       Page(i, "", "<a href=\"deep/" + std::to_string(i) + ".html\">更多</a>"));
  for (int i = 1; i <= 5; ++i)
    site.WriteSiteFile("s/deep/" + std::to_string(i) + ".html",
                       Page(100 + i, "", "<a href=\"/s/deeper/" + std::to_string(i) + ".html\">更多</a>"));
  for (int i = 1; i <= 5; ++i) site.WriteSiteFile("s/deeper/" + std::to_string(i) + ".html", Page(200 + i));
  site.WriteSiteFile("skip/1.html", Page(300));
  site.WriteSiteFile("s/nofollow.html", Page(301));
  START_NGINX(site);
  const std::string dir = TempDir();
  int rc = RunCommand(BinaryPath() + " crawl -q --allow-private --delay-ms 0 --follow --max-depth 2 "
                      "--exclude '/skip/' --db " + dir + "/c.sqlite -o " + dir + "/corpus.jsonl " +
                      site.Url("/s/index.html") + " --stats " + dir + "/s.json");
  EXPECT_EQ(rc, 0);
  std::set<std::string> urls;
  for (const Record& r : ReadCorpus(dir + "/corpus.jsonl")) urls.insert(r.url);
  EXPECT_EQ(urls.size(), 11u) << "index + 5 + 5 deep";
  EXPECT_TRUE(urls.count(site.Url("/s/deep/3.html")));
  EXPECT_FALSE(urls.count(site.Url("/s/deeper/3.html"))) << "beyond --max-depth";
  EXPECT_FALSE(urls.count(site.Url("/skip/1.html"))) << "--exclude";
  EXPECT_FALSE(urls.count(site.Url("/s/nofollow.html"))) << "rel=nofollow";
  EXPECT_EQ(other.Count("/"), 0) << "another site was contacted";
  for (const std::string& line : site.AccessLog()) {
    EXPECT_EQ(line.find("/skip/"), std::string::npos);
    EXPECT_EQ(line.find("/deeper/"), std::string::npos);
  }
  // Running again with the same options fetches nothing (nothing is due, every page's links
  // were followed under them) and writes nothing.
  const size_t requests = site.AccessLog().size();
  EXPECT_EQ(RunCommand(BinaryPath() + " crawl -q --allow-private --delay-ms 0 --follow --max-depth 2 "
                       "--exclude '/skip/' --db " + dir + "/c.sqlite -o " + dir + "/corpus.jsonl " +
                       site.Url("/s/index.html")), 0);
  EXPECT_EQ(site.AccessLog().size(), requests);
  EXPECT_EQ(ReadCorpus(dir + "/corpus.jsonl").size(), 11u);
}

TEST(CliCrawl, ListingPagesAreFollowedButWriteNoDocument) {
  // A channel page: headlines and dates, no text of its own. Its links are crawled, the
  // articles come out, and the channel page itself is not a document of the corpus.
  NginxSite site;
  std::string items;
  for (int i = 1; i <= 6; ++i)
    items += "<li><a href=\"/c/" + std::to_string(i) + ".html\">某市召开第" + std::to_string(i) +
             "次常务会议 研究部署重点工作</a><span>2024-01-0" + std::to_string(i) + "</span></li>";
  site.WriteSiteFile("c/index.html",
                     "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>政务要闻</title></head>"
                     "<body><div class=\"list\"><h2>政务要闻</h2><ul>" + items + "</ul></div></body></html>\n");
  for (int i = 1; i <= 6; ++i) site.WriteSiteFile("c/" + std::to_string(i) + ".html", Page(400 + i));
  START_NGINX(site);
  const std::string dir = TempDir();
  ASSERT_EQ(RunCommand(BinaryPath() + " crawl -q --allow-private --delay-ms 0 --follow --max-depth 1 "
                       "--db " + dir + "/c.sqlite -o " + dir + "/corpus.jsonl " +
                       site.Url("/c/index.html") + " --stats " + dir + "/s.json"), 0);
  std::set<std::string> urls;
  for (const Record& r : ReadCorpus(dir + "/corpus.jsonl")) {
    urls.insert(r.url);
    EXPECT_FALSE(r.text.empty()) << r.url;
  }
  EXPECT_EQ(urls.size(), 6u);
  EXPECT_FALSE(urls.count(site.Url("/c/index.html")));
  auto stats = Stats(dir + "/s.json");
  EXPECT_EQ(stats["no_text"], 1);
  EXPECT_EQ(stats["documents"], 6);
}

TEST(CliCrawl, SitemapsFromRobotsAndIndex) {
  NginxSite site;
  site.WriteSiteFile("m/home.html", Page(0));
  for (int i = 1; i <= 4; ++i) site.WriteSiteFile("m/" + std::to_string(i) + ".html", Page(i));
  START_NGINX(site);
  // robots.txt -> sitemap index -> two urlsets (one gzip-compressed).
  site.WriteSiteFile("robots.txt", "User-agent: *\nAllow: /\nSitemap: " + site.Url("/sitemap-index.xml") + "\n");
  site.WriteSiteFile("sitemap-index.xml",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                     "<sitemap><loc>" + site.Url("/sm1.xml") + "</loc></sitemap>"
                     "<sitemap><loc>" + site.Url("/sm2.xml.gz") + "</loc><lastmod>2024-01-01</lastmod></sitemap></sitemapindex>\n");
  site.WriteSiteFile("sm1.xml",
                     "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                     "<url><loc>" + site.Url("/m/1.html") + "</loc><lastmod>2024-05-01T08:00:00+08:00</lastmod></url>"
                     "<url><loc>" + site.Url("/m/2.html?a=1&amp;b=2") + "</loc></url>"
                     "<url><loc>http://elsewhere.invalid/x.html</loc></url></urlset>");
  const std::string dir = TempDir();
  WriteFile(dir + "/sm2.xml",
            "<urlset><url><loc>" + site.Url("/m/3.html") + "</loc></url><url><loc>" + site.Url("/m/4.html") +
                "</loc></url></urlset>");
  ASSERT_EQ(RunCommand("gzip -c " + dir + "/sm2.xml > " + site.SitePath("sm2.xml.gz")), 0);
  RunCommand("chmod a+r " + site.SitePath("*"));
  int rc = RunCommand(BinaryPath() + " crawl -q --allow-private --delay-ms 0 --sitemaps --db " + dir +
                      "/c.sqlite -o " + dir + "/corpus.jsonl " + site.Url("/m/home.html") + " --stats " +
                      dir + "/s.json");
  EXPECT_EQ(rc, 0);
  std::set<std::string> urls;
  for (const Record& r : ReadCorpus(dir + "/corpus.jsonl")) urls.insert(r.url);
  EXPECT_TRUE(urls.count(site.Url("/m/home.html")));
  EXPECT_TRUE(urls.count(site.Url("/m/1.html")));
  EXPECT_TRUE(urls.count(site.Url("/m/2.html?a=1&b=2")));
  EXPECT_TRUE(urls.count(site.Url("/m/3.html"))) << "from the gzip sitemap";
  EXPECT_TRUE(urls.count(site.Url("/m/4.html")));
  EXPECT_EQ(urls.size(), 5u);
  EXPECT_EQ(Stats(dir + "/s.json")["discovered"], 4);
}

// Without --allow-private nothing on loopback is contacted, seeds included (the fetcher checks
// the address it connects to), and the failure is reported with exit status 3.
TEST(CliCrawl, PrivateAddressesRefusedByDefault) {
  FaultServer s;
  std::string err;
  ASSERT_TRUE(s.Start({}, 60, &err)) << err;
  const std::string dir = TempDir();
  int rc = RunCommand(BinaryPath() + " crawl -q --delay-ms 0 --follow --db " + dir + "/c.sqlite -o " + dir +
                      "/corpus.jsonl " + s.Url("/page/a") + " --stats " + dir + "/s.json");
  EXPECT_EQ(rc, 3);
  EXPECT_EQ(s.Count("/"), 0);
  EXPECT_TRUE(ReadLines(dir + "/corpus.jsonl").empty());
  auto stats = Stats(dir + "/s.json");
  EXPECT_EQ(stats["errors"], 1);
}

TEST(CliCrawl, UsageErrors) {
  const std::string dir = TempDir();
  EXPECT_EQ(RunCommand(BinaryPath() + " crawl -q -o x.jsonl http://a.example/ 2>/dev/null"), 2) << "no --db";
  EXPECT_EQ(RunCommand(BinaryPath() + " crawl -q --db " + dir + "/c.sqlite -o " + dir + "/x.jsonl 2>/dev/null"), 2)
      << "no seeds";
  EXPECT_EQ(RunCommand(BinaryPath() + " crawl -q --db " + dir + "/c.sqlite -o " + dir +
                       "/x.jsonl --include '(' http://a.example/ 2>/dev/null"), 2) << "bad regex";
}

}  // namespace
}  // namespace qingxi

namespace qingxi {
namespace {

TEST(CliCrawlCounts, SummaryAndStatsCountWrittenDocumentsByFlag) {
  NginxSite site;
  // Two long pages that --max-bytes cuts (flag "truncated") and two short ones.
  for (int i = 0; i < 4; ++i)
    site.WriteSiteFile("f/" + std::to_string(i) + ".html", i < 2 ? Page(i, Prose(100 + i, 60)) : Page(i));
  START_NGINX(site);
  const std::string dir = TempDir();
  std::string urls;
  for (int i = 0; i < 4; ++i) urls += site.Url("/f/" + std::to_string(i) + ".html") + "\n";
  WriteFile(dir + "/urls.txt", urls);
  // A body over --max-bytes is a fetch error (exit status 3) whose cut text is still written.
  ASSERT_EQ(RunCommand(BinaryPath() + " crawl --allow-private --delay-ms 0 --max-bytes 12000 --db " + dir +
                       "/c.sqlite -i " + dir + "/urls.txt -o " + dir + "/corpus.jsonl --stats " + dir +
                       "/s.json 2>" + dir + "/err.txt"),
            3) << ReadFile(dir + "/err.txt");
  auto stats = Stats(dir + "/s.json");
  EXPECT_EQ(stats["documents"], 4);
  EXPECT_EQ(stats["by_flag"]["truncated"], 2);
  const std::string err = ReadFile(dir + "/err.txt");
  EXPECT_NE(err.find("qingxi crawl: records by flag: "), std::string::npos) << err;
  EXPECT_NE(err.find(" truncated=2"), std::string::npos) << err;
  int truncated = 0;
  for (const Record& r : ReadCorpus(dir + "/corpus.jsonl"))
    truncated += std::count(r.flags.begin(), r.flags.end(), "truncated");
  EXPECT_EQ(truncated, 2);
}

}  // namespace
}  // namespace qingxi
