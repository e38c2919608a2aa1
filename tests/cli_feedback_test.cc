// What the commands tell their user while and after they run: the progress line on a terminal
// (`clean`; `crawl`, whose total is not known in advance), a re-crawl with nothing due, and a
// seed refused for its address that a run with --allow-private then fetches. The terminal is a
// pseudo-terminal from script(1); crawl tests run nginx on loopback and skip without it.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <string>

#include "fetch_test_servers.h"
#include "test_util.h"

namespace qingxi {
namespace {

using ::qingxi::testing::BinaryPath;
using ::qingxi::testing::NginxSite;
using ::qingxi::testing::ReadFile;
using ::qingxi::testing::RunCommand;
using ::qingxi::testing::TempDir;
using ::qingxi::testing::WriteFile;

std::string Page(int i, const std::string& links = "") {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>第" + std::to_string(i) +
         "号通知</title></head><body><article><h1>第" + std::to_string(i) + "号通知</h1><p>这是第" +
         std::to_string(i) + "号通知的正文，内容涉及城市建设和公共服务，各单位要认真贯彻落实。</p>"
         "<p>确保各项工作按时完成，并及时报告进展情况。</p></article>" + links + "</body></html>\n";
}

// Runs `cmd` with standard error (and output) on a pseudo-terminal; returns what it printed.
std::string OnTerminal(const std::string& cmd) {
  std::string out;
  RunCommand("timeout 120 script -qec '" + cmd + "' /dev/null", &out);
  return out;
}

bool HaveScript() { return RunCommand("command -v script >/dev/null") == 0; }

TEST(CliFeedback, CleanShowsAProgressLineOnATerminal) {
  if (!HaveScript()) GTEST_SKIP() << "script(1) is not installed (bsdutils); skipping";
  std::string dir = TempDir();
  for (int i = 0; i < 3; ++i) WriteFile(dir + "/p" + std::to_string(i) + ".html", Page(i));
  // The last input is a FIFO filled after 1.5 s, so the run outlasts the line's 0.5 s throttle.
  ASSERT_EQ(RunCommand("mkfifo " + dir + "/z.html"), 0);
  std::string out = OnTerminal("(sleep 1.5; cat " + dir + "/p0.html > " + dir + "/z.html) & " + BinaryPath() +
                               " clean " + dir + "/p1.html " + dir + "/p2.html " + dir + "/z.html -o " + dir + "/out.jsonl");
  EXPECT_NE(out.find("\r\033[Kqingxi clean: "), std::string::npos) << out;
  EXPECT_NE(out.find(" documents  "), std::string::npos) << out;
  EXPECT_NE(out.find("/s  0 errors"), std::string::npos) << out;
  // Off a terminal there is only the summary.
  std::string plain;
  ASSERT_EQ(RunCommand(BinaryPath() + " clean " + dir + "/p1.html -o " + dir + "/b.jsonl 2>&1", &plain), 0);
  EXPECT_EQ(plain.find('\r'), std::string::npos) << plain;
}

class CliCrawlFeedback : public ::testing::Test {
 protected:
  void SetUp() override {
    // A chain of pages, each linking to the next: a crawl from page 0 finds them one by one.
    for (int i = 0; i < 6; ++i)
      site_.WriteSiteFile("p" + std::to_string(i) + ".html",
                          Page(i, "<a href=\"/p" + std::to_string(i + 1) + ".html\">下一页</a>"));
    std::string err;
    int rc = site_.Start(180, &err);
    if (rc == 77) GTEST_SKIP() << "nginx is not installed (apt-get install nginx-light); skipping";
    ASSERT_EQ(rc, 0) << err;
    dir_ = TempDir();
  }
  std::string Crawl(const std::string& args) const {
    return BinaryPath() + " crawl --db " + dir_ + "/crawl.sqlite -o " + dir_ + "/corpus.jsonl " + args;
  }
  NginxSite site_;
  std::string dir_;
};

TEST_F(CliCrawlFeedback, ProgressCountsPagesAndTheFrontierNotTheSeeds) {
  if (!HaveScript()) GTEST_SKIP() << "script(1) is not installed (bsdutils); skipping";
  std::string out = OnTerminal(Crawl("--allow-private --follow --max-depth 10 --delay-ms 300 " +
                                     site_.Url("/p0.html")));
  EXPECT_NE(out.find("\r\033[Kqingxi crawl: "), std::string::npos) << out;
  EXPECT_NE(out.find(" pages  "), std::string::npos) << out;
  EXPECT_NE(out.find("frontier "), std::string::npos) << out;
  // One seed: a "done/1" total and an ETA of 0:00:00 were what the line used to show.
  EXPECT_EQ(out.find("/1 pages"), std::string::npos) << out;
  EXPECT_EQ(out.find("ETA"), std::string::npos) << out;
  EXPECT_NE(ReadFile(dir_ + "/corpus.jsonl").find("第5号通知"), std::string::npos);
}

TEST_F(CliCrawlFeedback, DueWithNothingDueSaysWhenTheNextUrlIsDue) {
  std::string out;
  ASSERT_EQ(RunCommand(Crawl("-q --allow-private --delay-ms 0 " + site_.Url("/p0.html")), &out), 0);
  ASSERT_EQ(RunCommand("mv " + dir_ + "/corpus.jsonl " + dir_ + "/first.jsonl"), 0);
  EXPECT_EQ(RunCommand(Crawl("--due --allow-private --stats " + dir_ + "/stats.json 2>&1"), &out), 0) << out;
  EXPECT_NE(ReadFile(dir_ + "/stats.json").find("\"next_due\":"), std::string::npos);
  EXPECT_NE(out.find("nothing is due"), std::string::npos) << out;
  EXPECT_NE(out.find("the next URL is due at "), std::string::npos) << out;
  // A new page is due again a day after its fetch.
  EXPECT_TRUE(out.find(" UTC (in 1 d 0 h)") != std::string::npos ||
              out.find(" UTC (in 23 h 59 min)") != std::string::npos) << out;
  struct stat st;
  EXPECT_NE(stat((dir_ + "/corpus.jsonl").c_str(), &st), 0) << "no empty corpus is left behind";
  // A database without URLs (a mistyped --db) is bad usage.
  EXPECT_EQ(RunCommand(BinaryPath() + " crawl --due --db " + dir_ + "/typo.sqlite -o " + dir_ + "/x.jsonl 2>&1",
                       &out), 2) << out;
  EXPECT_NE(out.find("holds no URL"), std::string::npos) << out;
}

TEST_F(CliCrawlFeedback, SeedRefusedForItsAddressIsFetchedByARunWithAllowPrivate) {
  std::string out;
  EXPECT_EQ(RunCommand(Crawl("--delay-ms 0 " + site_.Url("/p0.html") + " 2>&1"), &out), 3) << out;
  EXPECT_NE(out.find("--allow-private"), std::string::npos) << out;
  std::string db;
  ASSERT_EQ(RunCommand("sqlite3 " + dir_ + "/crawl.sqlite \"SELECT status FROM urls\" 2>/dev/null || "
                       "/usr/bin/python3 -c \"import sqlite3; print(sqlite3.connect('" + dir_ +
                       "/crawl.sqlite').execute('SELECT status FROM urls').fetchone()[0])\"", &db), 0);
  EXPECT_EQ(db, "refused\n") << "not 'gone' for a month";
  // The same seed with the flag, at once: it is fetched.
  EXPECT_EQ(RunCommand(Crawl("--allow-private --delay-ms 0 " + site_.Url("/p0.html") + " 2>&1"), &out), 0) << out;
  EXPECT_NE(ReadFile(dir_ + "/corpus.jsonl").find("第0号通知"), std::string::npos) << out;
}

}  // namespace
}  // namespace qingxi
