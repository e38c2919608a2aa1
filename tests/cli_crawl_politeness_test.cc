// Politeness through the `qingxi crawl` command, measured at the server: the fault server
// (tests/servers/fault_server.py) logs the CLOCK_MONOTONIC arrival time of every request.
// robots.txt Disallow is never fetched, Crawl-delay and the per-host delay are kept between
// request starts (also across the rounds of a --follow crawl), and Retry-After is obeyed.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fetch_test_servers.h"
#include "test_util.h"

namespace qingxi {
namespace {

using ::qingxi::testing::BinaryPath;
using ::qingxi::testing::FaultServer;
using ::qingxi::testing::ReadFile;
using ::qingxi::testing::RunCommand;
using ::qingxi::testing::ServerLogEntry;
using ::qingxi::testing::TempDir;
using ::qingxi::testing::WriteFile;

// Arrival times of every request but those for /robots.txt and /log.
std::vector<double> PageTimes(const FaultServer& s) {
  std::vector<double> t;
  for (const ServerLogEntry& e : s.Log())
    if (e.path != "/robots.txt" && e.path != "/log") t.push_back(e.t);
  std::sort(t.begin(), t.end());
  return t;
}

// Timer and scheduling slack: the crawler spaces request starts, the server logs arrivals, and
// a loaded machine can delay one arrival more than the next.
constexpr double kSlack = 0.05;

TEST(CliCrawlPoliteness, RobotsDisallowAndCrawlDelay) {
  const std::string dir = TempDir();
  WriteFile(dir + "/robots.txt",
            "User-agent: *\nDisallow: /private/\nCrawl-delay: 0.7\n\nUser-agent: otherbot\nDisallow: /\n");
  FaultServer s;
  std::string err;
  ASSERT_TRUE(s.Start({"--robots", dir + "/robots.txt"}, 60, &err)) << err;
  std::string seeds;
  for (const char* p : {"/page/a", "/private/secret", "/page/b", "/private/x?y=1", "/page/c", "/page/d"})
    seeds += s.Url(p) + "\n";
  WriteFile(dir + "/seeds.txt", seeds);
  int rc = RunCommand(BinaryPath() + " crawl -q --allow-private --delay-ms 0 --per-host 4 --db " + dir +
                      "/c.sqlite -o " + dir + "/corpus.jsonl -i " + dir + "/seeds.txt --stats " + dir +
                      "/s.json");
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(s.Count("/private/"), 0) << "robots.txt Disallow fetched";
  EXPECT_EQ(s.Count("/robots.txt"), 1);
  auto t = PageTimes(s);
  ASSERT_EQ(t.size(), 4u);
  for (size_t i = 1; i < t.size(); ++i) EXPECT_GE(t[i] - t[i - 1], 0.7 - kSlack) << "request " << i;
  auto stats = nlohmann::json::parse(ReadFile(dir + "/s.json"));
  EXPECT_EQ(stats["disallowed"], 2);
  for (const ServerLogEntry& e : s.Log()) EXPECT_EQ(e.user_agent.rfind("qingxi/", 0), 0u) << e.user_agent;
}

TEST(CliCrawlPoliteness, PerHostDelayAndRetryAfter) {
  const std::string dir = TempDir();
  FaultServer s;
  std::string err;
  ASSERT_TRUE(s.Start({}, 60, &err)) << err;
  std::string seeds;
  for (const char* p : {"/page/1", "/page/2", "/page/3", "/page/4"}) seeds += s.Url(p) + "\n";
  WriteFile(dir + "/seeds.txt", seeds);
  int rc = RunCommand(BinaryPath() + " crawl -q --allow-private --delay-ms 400 --per-host 4 --db " + dir +
                      "/c.sqlite -o " + dir + "/corpus.jsonl -i " + dir + "/seeds.txt");
  EXPECT_EQ(rc, 0);
  auto t = PageTimes(s);
  ASSERT_EQ(t.size(), 4u);
  for (size_t i = 1; i < t.size(); ++i) EXPECT_GE(t[i] - t[i - 1], 0.4 - kSlack) << "request " << i;

  // 429 with Retry-After: 2 — the retry comes no sooner than 2 s later.
  FaultServer r;
  ASSERT_TRUE(r.Start({}, 60, &err)) << err;
  rc = RunCommand(BinaryPath() + " crawl -q --allow-private --delay-ms 0 --db " + dir + "/r.sqlite -o " + dir +
                  "/r.jsonl '" + r.Url("/flaky/k1?fail=1&code=429&retry_after=2") + "' --stats " + dir + "/r.json");
  EXPECT_EQ(rc, 0);
  auto times = r.Times("/flaky/k1");
  ASSERT_EQ(times.size(), 2u);
  EXPECT_GE(times[1] - times[0], 2.0 - kSlack);
  auto stats = nlohmann::json::parse(ReadFile(dir + "/r.json"));
  EXPECT_EQ(stats["documents"], 1);
}

// nginx logs $msec (wall clock, millisecond resolution) per request: the per-host delay holds
// between the seed page and the links found on it, which are fetched in a later round.
TEST(CliCrawlPoliteness, PerHostDelayAcrossFollowRounds) {
  ::qingxi::testing::NginxSite site;
  std::string links;
  for (int i = 1; i <= 3; ++i)
    links += "<p><a href=\"/f/" + std::to_string(i) + ".html\">第" + std::to_string(i) + "篇</a></p>";
  auto page = [](const std::string& extra) {
    return "<html><head><meta charset=\"utf-8\"><title>测试</title></head><body><article><p>"
           "这是一个用于检验礼貌抓取的页面，两次请求之间必须留出足够的间隔时间。</p>" + extra +
           "</article></body></html>";
  };
  site.WriteSiteFile("f/index.html", page(links));
  for (int i = 1; i <= 3; ++i) site.WriteSiteFile("f/" + std::to_string(i) + ".html", page(""));
  std::string err;
  int rc = site.Start(60, &err);
  if (rc == 77) GTEST_SKIP() << "nginx is not installed";
  ASSERT_EQ(rc, 0) << err;
  const std::string dir = TempDir();
  rc = RunCommand(BinaryPath() + " crawl -q --allow-private --delay-ms 500 --per-host 4 --follow --db " + dir +
                  "/c.sqlite -o " + dir + "/corpus.jsonl " + site.Url("/f/index.html"));
  EXPECT_EQ(rc, 0);
  std::vector<double> t;
  for (const std::string& line : site.AccessLog())
    if (line.find("/robots.txt") == std::string::npos) t.push_back(std::stod(line));
  ASSERT_EQ(t.size(), 4u);
  std::sort(t.begin(), t.end());
  // nginx's $msec is the time the request was logged (after the response): a page answered in
  // well under 10 ms on loopback, so allow that much on top of the timer slack.
  for (size_t i = 1; i < t.size(); ++i) EXPECT_GE(t[i] - t[i - 1], 0.5 - kSlack - 0.01) << "request " << i;
}

}  // namespace
}  // namespace qingxi
