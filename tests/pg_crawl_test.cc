// A shared crawl on PostgreSQL, end to end: three crawler processes share one frontier in a
// PostgreSQL 15 on loopback and crawl a loopback site of 2,000 pages on eight host names
// (nginx from tests/servers/, or tests/servers/fault_server.py when nginx is absent;
// *.localhost names reach 127.0.0.1, RFC 6761). Bounded: under three minutes.
// Halfway, one crawler is killed with SIGKILL and started again. At the end every page has
// been fetched and written exactly once over the union of the corpus files, and the server's
// own timestamps show that no host was ever asked twice within the per-host delay, across all
// crawlers together.
//
// Each crawler is a child process of this test running the crawl loop below: the Fetcher, the
// PostgreSQL store, and the exactly-once corpus protocol of crawl_store.h (IsWritten, append +
// fsync, RecordResult with the mark; ReconcileCorpus at start). Pages have no links of their
// own, so each crawler "discovers" the links of page N of a host as pages 2N+1, 2N+2 and N+1
// of that host and adds them with AddUrls: the frontier grows while the crawl runs, and
// crawlers add the same URLs concurrently (upserts).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <deque>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "crawl_store_pg.h"
#include "fetch_test_servers.h"
#include "pg_test_server.h"
#include "qingxi/fetch/crawl_store.h"
#include "qingxi/fetch/fetcher.h"
#include "qingxi/fetch/url.h"
#include "test_util.h"

namespace qingxi::fetch {
namespace {

using ::qingxi::testing::FaultServer;
using ::qingxi::testing::ReadLines;
using ::qingxi::testing::TempDir;

constexpr int kHosts = 8;
constexpr int kPagesPerHost = 250;
constexpr int kPages = kHosts * kPagesPerHost;
constexpr int kDelayMs = 50;       // per-host delay of every crawler
constexpr int64_t kLease = 5;      // seconds; a killed crawler's sites come back after this
constexpr int kClaimBatch = 8;

std::string HostName(int h) { return "h" + std::to_string(h) + ".localhost"; }
std::string PagePath(int h, int n) {
  return "/page/h" + std::to_string(h) + "/" + std::to_string(n) + ".html";
}
std::string PageUrl(int port, int h, int n) {
  return "http://" + HostName(h) + ":" + std::to_string(port) + PagePath(h, n);
}

// One request as the test site logged it.
struct Request {
  double t = 0;  // seconds (nginx: wall clock, ms resolution; fault server: monotonic)
  std::string path, user_agent;
};

// The loopback site: nginx serving one static file per page when nginx is installed (its
// event loop stamps requests within a millisecond), else the Python fault server (which
// answers any /page/ path, but whose threads may log a request late under load).
class TestSite {
 public:
  bool Start(std::string* error) {
    for (int h = 0; h < kHosts; ++h)
      for (int n = 0; n < kPagesPerHost; ++n)
        nginx_.WriteSiteFile(PagePath(h, n).substr(1),
                             "<!DOCTYPE html><html><head><meta charset=utf-8><title>" +
                                 PagePath(h, n) + "</title></head><body><p>清洗测试页面 " +
                                 PagePath(h, n) + "</p></body></html>");
    const int rc = nginx_.Start(200, error);
    if (rc == 0) {
      use_nginx_ = true;
      return true;
    }
    if (rc != 77) return false;
    return fault_.Start({}, 200, error);
  }
  bool precise() const { return use_nginx_; }
  int port() const { return use_nginx_ ? nginx_.port() : fault_.port(); }
  std::vector<Request> Log() const {
    std::vector<Request> out;
    if (!use_nginx_) {
      for (const auto& e : fault_.Log()) out.push_back({e.t, e.path, e.user_agent});
      return out;
    }
    // $msec $connection $connection_requests "$request" $status $bytes "inm" "ims" "ua"
    for (const std::string& line : nginx_.AccessLog()) {
      Request r;
      r.t = std::atof(line.c_str());
      const size_t q1 = line.find('"');
      const size_t q2 = q1 == std::string::npos ? q1 : line.find('"', q1 + 1);
      if (q2 == std::string::npos) continue;
      const std::string request = line.substr(q1 + 1, q2 - q1 - 1);  // GET /path HTTP/1.1
      const size_t sp = request.find(' ');
      r.path = request.substr(sp + 1, request.rfind(' ') - sp - 1);
      const size_t u2 = line.rfind('"');
      const size_t u1 = u2 == 0 ? std::string::npos : line.rfind('"', u2 - 1);
      if (u1 != std::string::npos) r.user_agent = line.substr(u1 + 1, u2 - u1 - 1);
      out.push_back(std::move(r));
    }
    return out;
  }
  int Count(const std::string& prefix) const {
    int n = 0;
    for (const Request& r : Log())
      if (r.path.rfind(prefix, 0) == 0) ++n;
    return n;
  }

 private:
  ::qingxi::testing::NginxSite nginx_;
  FaultServer fault_;
  bool use_nginx_ = false;
};

CrawlPolicy TestPolicy() {
  CrawlPolicy p;
  p.lease = kLease;
  p.error_backoff = 1;  // a failed fetch is retried a second later
  return p;
}

int64_t Now() { return static_cast<int64_t>(std::time(nullptr)); }

std::string Fnv64Hex(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

bool ParseDoc(std::string_view line, OutputMark* m) {
  auto j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return false;
  m->doc_id = j.value("id", "");
  m->url = j.value("url", "");
  m->content_hash = j.value("content_hash", "");
  return !m->url.empty();
}

// The links page N of a host "has" (see the file comment).
std::vector<NewUrl> Links(const std::string& url, int depth) {
  const size_t slash = url.rfind('/');
  const int n = std::atoi(url.c_str() + slash + 1);
  std::vector<NewUrl> out;
  for (int c : {2 * n + 1, 2 * n + 2, n + 1})
    if (c < kPagesPerHost)
      out.push_back({url.substr(0, slash + 1) + std::to_string(c) + ".html", depth + 1, url});
  return out;
}

// One crawler process: returns its exit status (0 when the crawl is complete).
int RunCrawler(const std::string& uri, const std::string& dir, int slot) {
  Result<std::unique_ptr<CrawlStore>> opened = OpenPostgresCrawlStore(uri, TestPolicy());
  if (!opened.ok()) {
    std::fprintf(stderr, "crawler %d: %s\n", slot, opened.status().message().c_str());
    return 2;
  }
  CrawlStore* store = opened.value().get();
  char host[256] = {0};
  gethostname(host, sizeof host - 1);
  // One corpus file per crawler; a crawler started again in the same slot continues it and
  // reconciles it first, so a line its predecessor appended but never marked is known before
  // that URL's lease runs out and another crawler fetches it again.
  const std::string corpus = dir + "/corpus-" + host + "-" + std::to_string(slot) + ".jsonl";
  if (!store->ReleaseLeases(Now()).ok()) return 3;  // only expired leases: others are running
  Result<int64_t> reconciled = ReconcileCorpus(store, corpus, ParseDoc, Now());
  if (!reconciled.ok()) {
    std::fprintf(stderr, "crawler %d: %s\n", slot, reconciled.status().message().c_str());
    return 3;
  }
  const int fd = open(corpus.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return 4;

  FetchOptions opt;
  opt.user_agent = "qingxi-test/1 crawler-" + std::to_string(slot) + "-" + std::to_string(getpid());
  opt.allow_private_addresses = true;
  opt.per_host_delay_ms = kDelayMs;
  opt.max_per_host = 1;
  opt.max_queued = 2 * kClaimBatch;
  opt.max_retries = 0;
  opt.connect_timeout_ms = 5000;
  opt.timeout_ms = 10000;
  opt.http2 = false;
  Fetcher fetcher(opt);

  int failures = 0;
  for (int round = 0; round < 100000; ++round) {
    std::deque<DueUrl> pending;
    int claimed = 0;
    auto source = [&](FetchRequest* req) {
      if (pending.empty()) {
        Result<std::vector<DueUrl>> c = store->ClaimDue(Now(), kClaimBatch);
        if (!c.ok()) {
          ++failures;
          return false;
        }
        for (DueUrl& d : *c) pending.push_back(std::move(d));
      }
      if (pending.empty()) return false;
      req->url = pending.front().url;
      req->id = static_cast<uint64_t>(pending.front().depth);
      pending.pop_front();
      ++claimed;
      return true;
    };
    auto sink = [&](FetchResponse&& r) {
      const int64_t now = Now();
      FetchReport report;
      report.url = r.url;
      report.http_status = r.status;
      if (!r.ok() || r.status != 200) {
        report.outcome = FetchOutcome::kError;
        if (!store->RecordResult(report, now).ok()) ++failures;
        return;
      }
      // Links first, then the result: while the page is still in flight nobody can see the
      // crawl as finished before its links are in the frontier.
      if (!store->AddUrls(Links(r.url, static_cast<int>(r.id)), now).ok()) ++failures;
      report.outcome = FetchOutcome::kFetched;
      report.content_hash = Fnv64Hex(r.body);
      report.body_hash = report.content_hash;
      Result<bool> written = store->IsWritten(report.url, report.content_hash);
      if (!written.ok()) {
        ++failures;
        return;
      }
      if (written.value()) {  // an earlier fetch of this document is in some corpus already
        if (!store->RecordResult(report, now).ok()) ++failures;
        return;
      }
      OutputMark mark;
      mark.url = report.url;
      mark.content_hash = report.content_hash;
      mark.doc_id = report.url + "#" + report.content_hash;
      mark.corpus = corpus;
      const std::string line = nlohmann::json{{"id", mark.doc_id},
                                              {"url", mark.url},
                                              {"content_hash", mark.content_hash},
                                              {"crawler", slot}}
                                   .dump() +
                               "\n";
      if (write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size()) ||
          fsync(fd) != 0) {
        ++failures;
        return;
      }
      mark.corpus_offset = lseek(fd, 0, SEEK_END);
      if (!store->RecordResult(report, now, &mark).ok()) ++failures;
    };
    if (!fetcher.Run(source, sink).ok()) return 5;
    if (failures > 20) return 6;
    if (claimed > 0) {
      // The engine's per-host clocks end with Run(): wait one delay before the next round.
      std::this_thread::sleep_for(std::chrono::milliseconds(kDelayMs + 5));
      continue;
    }
    Result<CrawlStats> st = store->Stats(Now());
    if (!st.ok()) return 7;
    if (st->by_status.at("new") == 0 && st->by_status.at("queued") == 0 &&
        st->by_status.at("error") == 0)
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  close(fd);
  return 0;
}

pid_t StartCrawler(const std::string& uri, const std::string& dir, int slot) {
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid == 0) _exit(RunCrawler(uri, dir, slot));  // _exit: no test-process exit handlers
  return pid;
}

TEST(PgCrawl, ThreeCrawlersOneKilledEveryPageOnceAndPoliteAcrossAll) {
  QINGXI_PG_DATABASE(uri);
  for (int h = 0; h < kHosts; ++h)
    ASSERT_EQ(SiteKeyOfHost(HostName(h)), HostName(h)) << "each host must be a site of its own";
  TestSite server;
  std::string error;
  ASSERT_TRUE(server.Start(&error)) << error;
  const std::string dir = TempDir();
  {
    auto store = OpenPostgresCrawlStore(uri, TestPolicy());
    ASSERT_TRUE(store.ok()) << store.status().message();
    std::vector<NewUrl> seeds;
    for (int h = 0; h < kHosts; ++h) seeds.push_back({PageUrl(server.port(), h, 0), 0, ""});
    ASSERT_EQ(store.value()->AddUrls(seeds, Now())->added, kHosts);
  }

  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  std::vector<pid_t> crawlers;
  for (int slot = 0; slot < 3; ++slot) crawlers.push_back(StartCrawler(uri, dir, slot));

  // SIGKILL crawler 0 once about a third of the pages have been requested, and start it again.
  bool killed = false;
  while (elapsed() < 120 && !killed) {
    if (server.Count("/page/") >= kPages / 3) {
      ASSERT_EQ(kill(crawlers[0], SIGKILL), 0);
      int status = 0;
      ASSERT_EQ(waitpid(crawlers[0], &status, 0), crawlers[0]);
      ASSERT_TRUE(WIFSIGNALED(status)) << "crawler 0 ended before it could be killed";
      killed = true;
      crawlers[0] = StartCrawler(uri, dir, 0);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_TRUE(killed) << "the crawl did not get a third of the way in 120 s";
  const double killed_at = elapsed();

  // Bounded: every crawler must finish within 150 s of the start.
  std::vector<int> exit_codes(3, -1);
  int running = 3;
  while (running > 0 && elapsed() < 150) {
    for (int i = 0; i < 3; ++i) {
      if (exit_codes[i] != -1) continue;
      int status = 0;
      if (waitpid(crawlers[i], &status, WNOHANG) == crawlers[i]) {
        exit_codes[i] = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        --running;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  for (int i = 0; i < 3; ++i) {
    if (exit_codes[i] == -1) {
      kill(crawlers[i], SIGKILL);
      waitpid(crawlers[i], nullptr, 0);
    }
    EXPECT_EQ(exit_codes[i], 0) << "crawler " << i;
  }
  const double total_s = elapsed();

  // Every page written exactly once over the union of the corpus files.
  std::map<std::string, int> written;
  std::map<int, int> lines_by_crawler;
  int corpus_files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("corpus-", 0) != 0) continue;
    ++corpus_files;
    for (const std::string& line : ReadLines(entry.path().string())) {
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line, nullptr, false);
      ASSERT_FALSE(j.is_discarded()) << "a torn or bad line in " << name << ": " << line;
      ++written[j.value("url", "")];
      ++lines_by_crawler[j.value("crawler", -1)];
    }
  }
  EXPECT_EQ(corpus_files, 3);
  EXPECT_EQ(static_cast<int>(written.size()), kPages);
  int twice = 0;
  for (const auto& [url, n] : written)
    if (n != 1) ++twice;
  EXPECT_EQ(twice, 0) << "documents written more than once";
  for (int h = 0; h < kHosts; ++h)
    for (int n = 0; n < kPagesPerHost; ++n)
      ASSERT_EQ(written.count(PageUrl(server.port(), h, n)), 1u) << PageUrl(server.port(), h, n);

  // The frontier agrees.
  auto store = OpenPostgresCrawlStore(uri, TestPolicy());
  ASSERT_TRUE(store.ok());
  Result<CrawlStats> st = store.value()->Stats(Now());
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->urls, kPages);
  EXPECT_EQ(st->by_status.at("fetched"), kPages);
  EXPECT_EQ(st->outputs, kPages);

  // At the server: every page requested; more than once only for the few that were in flight
  // in the killed crawler; and per host, never two requests closer than the delay. Between
  // two crawlers a site changes hands only after a lease ran out or a hand-over rest, so
  // their requests are at least a second apart; within one crawler the engine spaces them by
  // the delay (a little slack for the server's clock; checked only on nginx, whose stamps
  // are precise).
  std::map<std::string, int> requests;
  int cross_checked = 0;
  std::map<int, std::vector<std::pair<double, std::string>>> times;  // host -> (time, who)
  for (const auto& e : server.Log()) {
    if (e.path.rfind("/page/h", 0) != 0) continue;
    ++requests[e.path];
    times[std::atoi(e.path.c_str() + 7)].push_back({e.t, e.user_agent});
  }
  EXPECT_EQ(static_cast<int>(requests.size()), kPages);
  int refetched = 0;
  for (const auto& [path, n] : requests) refetched += n - 1;
  EXPECT_LE(refetched, 3 * kClaimBatch) << "more re-fetches than the killed crawler had in flight";
  double min_gap = 1e9;
  int violations = 0;
  for (auto& [h, t] : times) {
    std::sort(t.begin(), t.end());
    for (size_t i = 1; i < t.size(); ++i) {
      const double gap = t[i].first - t[i - 1].first;
      min_gap = std::min(min_gap, gap);
      const bool same_crawler = t[i].second == t[i - 1].second;
      if (!same_crawler) ++cross_checked;
      if (same_crawler ? server.precise() && gap < 0.8 * kDelayMs / 1000.0
                       : gap < kDelayMs / 1000.0) {
        ++violations;
        ADD_FAILURE() << "host " << h << ": " << gap * 1000 << " ms between requests of \""
                      << t[i - 1].second << "\" and \"" << t[i].second << "\"";
      }
    }
  }
  EXPECT_EQ(violations, 0) << "per-host delay violated; smallest gap " << min_gap * 1000 << " ms";
  EXPECT_GT(cross_checked, 0) << "no site changed hands: the kill did not test a take-over";
  EXPECT_GE(lines_by_crawler.size(), 3u) << "every crawler should have written documents";
  std::printf("[ info ] %d pages on %d hosts (%s), 3 crawlers, crawler 0 killed at %.1f s; "
              "done in %.1f s; %d re-fetched after the kill; %d hand-overs; smallest per-host "
              "gap %.1f ms; lines per crawler:",
              kPages, kHosts, server.precise() ? "nginx" : "fault server", killed_at, total_s,
              refetched, cross_checked, min_gap * 1000);
  for (const auto& [c, n] : lines_by_crawler) std::printf(" %d:%d", c, n);
  std::printf("\n");
}

}  // namespace
}  // namespace qingxi::fetch
