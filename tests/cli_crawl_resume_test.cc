// A crawl of 2,000 pages from nginx on loopback, killed with SIGKILL part-way (twice) and
// started again: in the end every page is in the corpus exactly once (crawl_store.h,
// "Exactly-once output across kill -9"). Skipped when nginx is not installed.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "fetch_test_servers.h"
#include "qingxi/record.h"
#include "test_util.h"

namespace qingxi {
namespace {

using ::qingxi::testing::BinaryPath;
using ::qingxi::testing::NginxSite;
using ::qingxi::testing::ReadFile;
using ::qingxi::testing::RunCommand;
using ::qingxi::testing::TempDir;
using ::qingxi::testing::WriteFile;

size_t CountLines(const std::string& path) {
  std::string data = ReadFile(path);
  size_t n = 0;
  for (char c : data) n += c == '\n';
  return n;
}

// Starts `argv` with standard error to /dev/null; returns its pid.
pid_t Spawn(const std::vector<std::string>& args) {
  pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    freopen("/dev/null", "w", stderr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

TEST(CliCrawlResume, KilledTwiceEveryPageExactlyOnce) {
  NginxSite site;
  constexpr int kPages = 2000;
  std::string urls;
  for (int i = 0; i < kPages; ++i) {
    std::string body = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>页面" + std::to_string(i) +
                       "</title></head><body><article><h1>页面" + std::to_string(i) + "</h1>";
    for (int k = 0; k < 4; ++k)
      body += "<p>这是编号为" + std::to_string(i * 7 + k) + "的段落，用来检验抓取被强行终止之后能否从中断处继续，"
              "并且每一篇文档只写入语料一次。</p>";
    site.WriteSiteFile("r/" + std::to_string(i) + ".html", body + "</article></body></html>\n");
  }
  std::string err;
  int rc = site.Start(300, &err);
  if (rc == 77) GTEST_SKIP() << "nginx is not installed";
  ASSERT_EQ(rc, 0) << err;
  const std::string dir = TempDir();
  for (int i = 0; i < kPages; ++i) urls += site.Url("/r/" + std::to_string(i) + ".html") + "\n";
  WriteFile(dir + "/urls.txt", urls);
  const std::string corpus = dir + "/corpus.jsonl";
  // Per-host limits relaxed (this is one host); a small claim batch and one cleaning thread keep
  // the run long enough to be killed in the middle.
  const std::vector<std::string> args = {BinaryPath(), "crawl", "-q", "--allow-private", "--delay-ms", "0",
                                         "--per-host", "4", "--threads", "1", "--claim-batch", "50",
                                         "--db", dir + "/crawl.sqlite", "-o", corpus, "-i", dir + "/urls.txt"};

  int kills = 0;
  for (size_t kill_at : {300u, 1100u}) {
    pid_t pid = Spawn(args);
    ASSERT_GT(pid, 0);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    int status = 0;
    bool exited = false;
    while (std::chrono::steady_clock::now() < deadline) {
      if (waitpid(pid, &status, WNOHANG) == pid) {
        exited = true;
        break;
      }
      if (CountLines(corpus) >= kill_at) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (!exited) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      ++kills;
      EXPECT_TRUE(WIFSIGNALED(status));
    }
  }
  EXPECT_EQ(kills, 2) << "the crawl finished before it could be killed";
  EXPECT_LT(CountLines(corpus), static_cast<size_t>(kPages));

  // The final run completes the crawl.
  std::string cmd;
  for (const auto& a : args) cmd += "'" + a + "' ";
  ASSERT_EQ(RunCommand(cmd + "2>/dev/null"), 0);

  std::map<std::string, int> seen;
  std::string data = ReadFile(corpus);
  size_t pos = 0, lines = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    ASSERT_NE(nl, std::string::npos) << "torn last line";
    auto r = FromJsonLine(data.substr(pos, nl - pos));
    ASSERT_TRUE(r.ok()) << "line " << lines;
    ++seen[r->url];
    ++lines;
    pos = nl + 1;
  }
  EXPECT_EQ(seen.size(), static_cast<size_t>(kPages));
  EXPECT_EQ(lines, static_cast<size_t>(kPages));
  for (const auto& [url, n] : seen) EXPECT_EQ(n, 1) << url;
}

// SIGTERM (systemctl stop, a timeout) stops a crawl in an orderly way: what was fetched is
// recorded, the summary is written, the exit status is 75 (run again), and the next run
// finishes the job without writing anything twice.
TEST(CliCrawlResume, SigtermStopsCleanlyAndTheNextRunFinishes) {
  ::qingxi::testing::FaultServer s;
  std::string err;
  ASSERT_TRUE(s.Start({}, 60, &err)) << err;
  const std::string dir = TempDir();
  std::string urls;
  for (int i = 0; i < 12; ++i) urls += s.Url("/page/" + std::to_string(i)) + "\n";
  WriteFile(dir + "/urls.txt", urls);
  const std::vector<std::string> args = {BinaryPath(), "crawl", "-q", "--allow-private", "--delay-ms", "250",
                                         "--db", dir + "/c.sqlite", "-o", dir + "/corpus.jsonl",
                                         "-i", dir + "/urls.txt", "--stats", dir + "/s.json"};
  pid_t pid = Spawn(args);
  ASSERT_GT(pid, 0);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (s.Count("/page/") < 3 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status)) << "killed by the signal instead of stopping";
  EXPECT_EQ(WEXITSTATUS(status), 75);
  EXPECT_LT(s.Count("/page/"), 12);
  EXPECT_NE(ReadFile(dir + "/s.json").find("\"stopped\":true"), std::string::npos);

  std::string cmd;
  for (const auto& a : args) cmd += "'" + a + "' ";
  ASSERT_EQ(RunCommand(cmd + "2>/dev/null"), 0);
  std::map<std::string, int> seen;
  for (const std::string& line : ::qingxi::testing::ReadLines(dir + "/corpus.jsonl")) {
    auto r = FromJsonLine(line);
    ASSERT_TRUE(r.ok()) << line;
    ++seen[r->url];
  }
  EXPECT_EQ(seen.size(), 12u);
  for (const auto& [url, n] : seen) EXPECT_EQ(n, 1) << url;
  // Each page fetched once over both runs, except a transfer abandoned in flight at the stop
  // (at most --per-host 2 of them; with 250 ms between requests, almost never).
  EXPECT_GE(s.Count("/page/"), 12);
  EXPECT_LE(s.Count("/page/"), 14);
}

}  // namespace
}  // namespace qingxi
