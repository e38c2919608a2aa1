// The fetch engine against the scriptable fault server on loopback: politeness (robots.txt,
// per-host delay, Crawl-delay, Retry-After, concurrency) asserted from the server's own request
// log, and retries, redirects, timeouts, size and type limits, conditional GET, gzip, charsets
// and the address safety check. Every test bounds its request count and its timeouts.
#include "qingxi/fetch/fetcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "fetch_test_servers.h"
#include "test_util.h"

namespace qingxi::fetch {
namespace {

using ::qingxi::testing::FaultServer;

// Options for loopback tests: private addresses allowed (explicitly), short limits, no delay
// unless a test sets one.
FetchOptions TestOptions() {
  FetchOptions o;
  o.allow_private_addresses = true;
  o.per_host_delay_ms = 0;
  o.max_retries = 0;
  o.backoff_base_ms = 100;
  o.connect_timeout_ms = 3000;
  o.timeout_ms = 10000;
  o.jitter_seed = 42;
  return o;
}

std::vector<FetchResponse> FetchUrls(const FetchOptions& options,
                                     const std::vector<std::string>& urls,
                                     FetchStats* stats = nullptr) {
  std::vector<FetchRequest> requests;
  for (size_t i = 0; i < urls.size(); ++i) requests.push_back(FetchRequest{urls[i], "", "", i});
  Fetcher fetcher(options);
  auto result = fetcher.FetchAll(requests);
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  if (stats) *stats = fetcher.stats();
  std::vector<FetchResponse> out =
      result.ok() ? std::move(result).value() : std::vector<FetchResponse>{};
  std::sort(out.begin(), out.end(),
            [](const FetchResponse& a, const FetchResponse& b) { return a.id < b.id; });
  EXPECT_EQ(out.size(), urls.size());
  return out;
}

FetchResponse FetchOne(const FetchOptions& options, const std::string& url) {
  auto all = FetchUrls(options, {url});
  return all.empty() ? FetchResponse{} : all[0];
}

class FetcherTest : public ::testing::Test {
 protected:
  // Starts the fault server with an optional robots.txt body.
  void StartServer(const std::string& robots = "", std::vector<std::string> args = {}) {
    if (!robots.empty()) {
      std::string path = ::qingxi::testing::TempDir() + "/robots.txt";
      ::qingxi::testing::WriteFile(path, robots);
      args.push_back("--robots");
      args.push_back(path);
    }
    std::string error;
    ASSERT_TRUE(server_.Start(args, 120, &error)) << error;
  }
  FaultServer server_;
};

// --- politeness ---

TEST_F(FetcherTest, RobotsDisallowIsNeverRequestedAndCrawlDelayIsKept) {
  StartServer("User-agent: *\nDisallow: /private/\nCrawl-delay: 0.3\n");
  FetchOptions o = TestOptions();
  std::vector<std::string> urls = {server_.Url("/page/1"), server_.Url("/private/a"),
                                   server_.Url("/page/2"), server_.Url("/private/b?x=1"),
                                   server_.Url("/page/3")};
  FetchStats stats;
  auto r = FetchUrls(o, urls, &stats);
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ(r[0].status, 200);
  EXPECT_TRUE(r[1].from_robots_disallow);
  EXPECT_EQ(r[1].error, FetchError::kRobotsDisallowed);
  EXPECT_EQ(r[1].attempts, 0);
  EXPECT_TRUE(r[3].from_robots_disallow);
  EXPECT_EQ(r[4].status, 200);
  EXPECT_EQ(stats.robots_fetches, 1u);
  EXPECT_EQ(stats.robots_disallowed, 2u);

  auto log = server_.Log();
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log[0].path, "/robots.txt");  // robots.txt comes first
  EXPECT_EQ(server_.Count("/private/"), 0);
  EXPECT_EQ(server_.Count("/robots.txt"), 1);
  std::vector<double> t = server_.Times("/page/");
  ASSERT_EQ(t.size(), 3u);
  for (size_t i = 1; i < t.size(); ++i) EXPECT_GE(t[i] - t[i - 1], 0.28) << "gap " << i;
}

TEST_F(FetcherTest, CrawlDelayIsCapped) {
  StartServer("User-agent: *\nCrawl-delay: 3600\n");
  FetchOptions o = TestOptions();
  o.max_crawl_delay_s = 0.25;
  auto r = FetchUrls(o, {server_.Url("/page/1"), server_.Url("/page/2"), server_.Url("/page/3")});
  for (const auto& x : r) EXPECT_EQ(x.status, 200);
  std::vector<double> t = server_.Times("/page/");
  ASSERT_EQ(t.size(), 3u);
  for (size_t i = 1; i < t.size(); ++i) {
    EXPECT_GE(t[i] - t[i - 1], 0.23);
    EXPECT_LT(t[i] - t[i - 1], 5.0);
  }
}

TEST_F(FetcherTest, PerHostDelayBetweenRequestStarts) {
  StartServer();
  FetchOptions o = TestOptions();
  o.per_host_delay_ms = 250;
  o.max_per_host = 4;
  auto r = FetchUrls(o, {server_.Url("/page/1"), server_.Url("/page/2"), server_.Url("/page/3"),
                         server_.Url("/page/4")});
  for (const auto& x : r) EXPECT_EQ(x.status, 200);
  std::vector<double> t = server_.Times("/page/");
  ASSERT_EQ(t.size(), 4u);
  for (size_t i = 1; i < t.size(); ++i) EXPECT_GE(t[i] - t[i - 1], 0.23) << "gap " << i;
  // robots.txt (404 here: allow all) was asked for before the first page.
  EXPECT_LT(server_.Times("/robots.txt").at(0), t[0]);
}

TEST_F(FetcherTest, PerHostConcurrencyLimit) {
  StartServer();
  FetchOptions o = TestOptions();
  o.max_per_host = 2;
  std::vector<std::string> urls;
  for (int i = 0; i < 6; ++i) urls.push_back(server_.Url("/slow?delay=0.3&n=" + std::to_string(i)));
  auto r = FetchUrls(o, urls);
  for (const auto& x : r) EXPECT_EQ(x.status, 200);
  std::vector<double> t = server_.Times("/slow");
  ASSERT_EQ(t.size(), 6u);
  // With two in flight, the third request can only arrive once the first has been answered.
  for (size_t i = 2; i < t.size(); ++i) EXPECT_GE(t[i] - t[i - 2], 0.28) << "request " << i;
}

TEST_F(FetcherTest, RetryAfterSecondsIsObeyed) {
  StartServer();
  FetchOptions o = TestOptions();
  o.max_retries = 2;
  FetchResponse r = FetchOne(o, server_.Url("/flaky/ra?fail=1&code=429&retry_after=1"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.attempts, 2);
  std::vector<double> t = server_.Times("/flaky/ra");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_GE(t[1] - t[0], 0.98);
}

TEST_F(FetcherTest, RetryAfterHttpDateOn503IsObeyedThenGivesUp) {
  StartServer();
  FetchOptions o = TestOptions();
  o.max_retries = 1;
  // An HTTP-date three seconds ahead (second resolution: the wait is at least two seconds).
  char date[64];
  time_t when = time(nullptr) + 3;
  struct tm tm;
  gmtime_r(&when, &tm);
  strftime(date, sizeof date, "%a,%%20%d%%20%b%%20%Y%%20%H:%M:%S%%20GMT", &tm);
  FetchResponse r = FetchOne(o, server_.Url(std::string("/status/503?retry_after=") + date));
  EXPECT_EQ(r.status, 503);  // the final answer is delivered after the bounded retries
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.attempts, 2);
  std::vector<double> t = server_.Times("/status/503");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_GE(t[1] - t[0], 0.98);
}

TEST_F(FetcherTest, RetryAfterBeyondTheCapIsNotWaitedFor) {
  StartServer();
  FetchOptions o = TestOptions();
  o.max_retries = 3;
  o.max_retry_after_s = 60;
  FetchResponse r = FetchOne(o, server_.Url("/status/429?retry_after=86400"));
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(r.attempts, 1);
  EXPECT_EQ(r.Header("retry-after"), "86400");
}

TEST_F(FetcherTest, RetryAfterHoldsBackTheWholeHost) {
  StartServer();
  FetchOptions o = TestOptions();
  o.max_per_host = 1;
  auto r = FetchUrls(o, {server_.Url("/status/429?retry_after=1"), server_.Url("/page/after")});
  EXPECT_EQ(r[0].status, 429);  // no retries allowed: the answer stands ...
  EXPECT_EQ(r[1].status, 200);
  std::vector<double> limited = server_.Times("/status/429"), after = server_.Times("/page/after");
  ASSERT_EQ(limited.size(), 1u);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_GE(after[0] - limited[0], 0.98);  // ... but the next request to the host still waits
}

TEST_F(FetcherTest, PolitenessKeyGroupsHosts) {
  StartServer();
  FetchOptions o = TestOptions();
  o.per_host_delay_ms = 300;
  o.obey_robots = false;
  // "localhost" and "127.0.0.1" are two hosts; grouped under one key they share the delay.
  o.politeness_key = [](std::string_view) { return std::string("one-site"); };
  auto r = FetchUrls(
      o, {server_.Url("/page/a"), server_.Url("/page/b", "localhost"), server_.Url("/page/c")});
  for (const auto& x : r) EXPECT_EQ(x.status, 200) << x.url << " " << x.error_message;
  std::vector<double> t = server_.Times("/page/");
  ASSERT_EQ(t.size(), 3u);
  for (size_t i = 1; i < t.size(); ++i) EXPECT_GE(t[i] - t[i - 1], 0.28);
}

TEST_F(FetcherTest, ServerErrorsAreRetriedWithBackoff) {
  StartServer();
  FetchOptions o = TestOptions();
  o.max_retries = 3;
  o.backoff_base_ms = 200;
  FetchStats stats;
  auto r = FetchUrls(o, {server_.Url("/flaky/b?fail=2&code=500")}, &stats);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].status, 200);
  EXPECT_EQ(r[0].attempts, 3);
  EXPECT_EQ(stats.retries, 2u);
  std::vector<double> t = server_.Times("/flaky/b");
  ASSERT_EQ(t.size(), 3u);
  // Equal jitter: the n-th wait lies in [base*2^(n-1)/2, base*2^(n-1)].
  EXPECT_GE(t[1] - t[0], 0.09);
  EXPECT_GE(t[2] - t[1], 0.19);
  EXPECT_LT(t[2] - t[1], 2.0);
}

TEST_F(FetcherTest, RetriesAreBounded) {
  StartServer();
  FetchOptions o = TestOptions();
  o.max_retries = 2;
  o.backoff_base_ms = 20;
  FetchResponse r = FetchOne(o, server_.Url("/status/500"));
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.attempts, 3);
  EXPECT_EQ(server_.Count("/status/500"), 3);
  // 404 is an answer, not a failure: never retried.
  FetchResponse nf = FetchOne(o, server_.Url("/status/404"));
  EXPECT_EQ(nf.status, 404);
  EXPECT_EQ(server_.Count("/status/404"), 1);
}

TEST_F(FetcherTest, ConnectionResetIsANetworkErrorAndRetried) {
  StartServer();
  FetchOptions o = TestOptions();
  o.max_retries = 1;
  o.backoff_base_ms = 20;
  FetchResponse r = FetchOne(o, server_.Url("/reset"));
  EXPECT_EQ(r.error, FetchError::kNetwork) << r.error_message;
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.attempts, 2);
  // libcurl itself retries once, silently, when a reused keep-alive connection dies before
  // any answer; so each attempt of ours is one or two requests at the server.
  EXPECT_GE(server_.Count("/reset"), 2);
  EXPECT_LE(server_.Count("/reset"), 4);
}

TEST_F(FetcherTest, RobotsServerErrorDisallowsEverything) {
  StartServer("", {"--robots-status", "503"});
  FetchResponse r = FetchOne(TestOptions(), server_.Url("/page/1"));
  EXPECT_EQ(r.error, FetchError::kRobotsUnavailable);
  EXPECT_EQ(server_.Count("/page/"), 0);
}

TEST(FetcherRobots, UnresolvedNameAndRefusedConnectionAreReportedAsWhatTheyAre) {
  // robots.txt cannot be asked for, so nothing is sent — and the pages say why, not merely
  // "robots.txt unavailable": the fix (--resolve, a running server) depends on it.
  FetchResponse dns = FetchOne(TestOptions(), "http://no-such-host.invalid/page/1");
  EXPECT_EQ(dns.error, FetchError::kDns) << dns.error_message;
  EXPECT_NE(dns.error_message.find("robots.txt of http://no-such-host.invalid: "), std::string::npos)
      << dns.error_message;
  // Port 9 (discard) on loopback: nothing listens there.
  FetchResponse refused = FetchOne(TestOptions(), "http://127.0.0.1:9/page/1");
  EXPECT_EQ(refused.error, FetchError::kConnect) << refused.error_message;
  EXPECT_NE(refused.error_message.find("robots.txt of http://127.0.0.1:9: "), std::string::npos)
      << refused.error_message;
}

TEST_F(FetcherTest, RobotsGroupForOurProductTokenAndUserAgentWithContact) {
  StartServer("User-agent: qingxi\nDisallow: /page/secret\n\nUser-agent: *\nDisallow: /\n");
  FetchOptions o = TestOptions();
  o.user_agent = "qingxi/0.1";
  o.contact = "mailto:crawl@example.org";
  auto r = FetchUrls(o, {server_.Url("/echo-headers"), server_.Url("/page/secret")});
  EXPECT_EQ(r[0].status, 200);
  EXPECT_NE(r[0].body.find("User-Agent: qingxi/0.1 (+mailto:crawl@example.org)"), std::string::npos)
      << r[0].body;
  EXPECT_TRUE(r[1].from_robots_disallow);
  for (const auto& e : server_.Log())
    EXPECT_EQ(e.user_agent, "qingxi/0.1 (+mailto:crawl@example.org)");
}

// --- transfers ---

TEST_F(FetcherTest, RedirectChainRecordsFinalUrl) {
  StartServer();
  FetchResponse r = FetchOne(TestOptions(), server_.Url("/redirect/3"));
  EXPECT_TRUE(r.ok()) << r.error_message;
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.redirects, 3);
  EXPECT_EQ(r.url, server_.Url("/redirect/3"));
  EXPECT_EQ(r.final_url, server_.Url("/page/final"));
}

TEST_F(FetcherTest, RedirectIntoADisallowedPathIsNotFollowed) {
  StartServer("User-agent: *\nDisallow: /private/\n");
  FetchResponse r = FetchOne(TestOptions(), server_.Url("/goto?to=/private/x"));
  EXPECT_EQ(r.error, FetchError::kRobotsDisallowed);
  EXPECT_TRUE(r.from_robots_disallow);
  EXPECT_EQ(r.final_url, server_.Url("/private/x"));
  EXPECT_EQ(r.redirects, 1);
  EXPECT_EQ(server_.Count("/goto"), 1);
  EXPECT_EQ(server_.Count("/private/"), 0);
}

TEST_F(FetcherTest, RedirectToAnotherHostUsesThatOriginsRobotsTxt) {
  StartServer("User-agent: *\nDisallow: /private/\n");
  FetchResponse r =
      FetchOne(TestOptions(), server_.Url("/goto?to=" + server_.Url("/page/x", "localhost")));
  EXPECT_EQ(r.status, 200) << r.error_message;
  EXPECT_EQ(r.final_url, server_.Url("/page/x", "localhost"));
  EXPECT_EQ(server_.Count("/robots.txt"), 2);  // one per origin
  auto log = server_.Log();
  ASSERT_EQ(log.size(), 4u);
  EXPECT_EQ(log[2].path, "/robots.txt");  // the target's robots.txt before the target
  EXPECT_EQ(log[3].path, "/page/x");
}

TEST_F(FetcherTest, RedirectLoopsAndLongChainsAreBounded) {
  StartServer();
  FetchOptions o = TestOptions();
  o.max_redirects = 2;
  auto r = FetchUrls(o, {server_.Url("/loop/a"), server_.Url("/redirect/5")});
  EXPECT_EQ(r[0].error, FetchError::kTooManyRedirects);
  EXPECT_EQ(r[1].error, FetchError::kTooManyRedirects);
  EXPECT_LE(server_.Count("/loop/"), 3);
  EXPECT_LE(server_.Count("/redirect/"), 3);
}

TEST_F(FetcherTest, TotalTimeout) {
  StartServer();
  FetchOptions o = TestOptions();
  o.timeout_ms = 500;
  FetchResponse r = FetchOne(o, server_.Url("/slow?delay=5"));
  EXPECT_EQ(r.error, FetchError::kTimeout);
  EXPECT_LT(r.total_s, 3.0);
}

TEST_F(FetcherTest, LowSpeedTimeout) {
  StartServer();
  FetchOptions o = TestOptions();
  o.low_speed_bytes_per_s = 1000;
  o.low_speed_time_s = 1;
  FetchResponse r = FetchOne(o, server_.Url("/trickle?bytes=40&interval=0.2"));
  EXPECT_EQ(r.error, FetchError::kTimeout);
  EXPECT_LT(r.total_s, 5.0);
}

TEST_F(FetcherTest, MaxBodySizeFromContentLengthAndWhileStreaming) {
  StartServer();
  FetchOptions o = TestOptions();
  o.max_body_bytes = 100000;
  auto r = FetchUrls(o, {server_.Url("/big?bytes=200000"), server_.Url("/big-chunked?bytes=400000"),
                         server_.Url("/big?bytes=100000")});
  EXPECT_EQ(r[0].error, FetchError::kBodyTooLarge);
  EXPECT_TRUE(r[0].truncated);
  EXPECT_TRUE(r[0].body.empty());  // refused on Content-Length, before any body byte
  EXPECT_EQ(r[1].error, FetchError::kBodyTooLarge);
  EXPECT_TRUE(r[1].truncated);
  EXPECT_EQ(r[1].body.size(), 100000u);
  EXPECT_TRUE(r[2].ok());
  EXPECT_EQ(r[2].body.size(), 100000u);
}

TEST_F(FetcherTest, ContentTypeFilterChecksHeadersFirst) {
  StartServer();
  FetchOptions o = TestOptions();
  auto r =
      FetchUrls(o, {server_.Url("/type?ct=application/pdf"), server_.Url("/type?ct=text/plain"),
                    server_.Url("/type?ct=TEXT/HTML;%20charset=gbk")});
  EXPECT_EQ(r[0].error, FetchError::kContentTypeRejected);
  EXPECT_TRUE(r[0].body.empty());
  EXPECT_EQ(r[0].content_type, "application/pdf");
  EXPECT_TRUE(r[1].ok());
  EXPECT_TRUE(r[2].ok());
  o.accept_content_types.clear();  // accept everything
  EXPECT_TRUE(FetchOne(o, server_.Url("/type?ct=application/pdf")).ok());
}

TEST_F(FetcherTest, ConditionalGetReports304) {
  StartServer();
  FetchOptions o = TestOptions();
  Fetcher fetcher(o);
  auto first = fetcher.FetchAll({FetchRequest{server_.Url("/etag"), "", "", 1}});
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->size(), 1u);
  const FetchResponse& f = (*first)[0];
  ASSERT_EQ(f.status, 200);
  std::string etag = f.Header("ETag"), lm = f.Header("last-modified");
  ASSERT_FALSE(etag.empty());
  ASSERT_FALSE(lm.empty());
  auto second = fetcher.FetchAll({FetchRequest{server_.Url("/etag"), etag, "", 2},
                                  FetchRequest{server_.Url("/etag?lm"), "", lm, 3}});
  ASSERT_TRUE(second.ok());
  for (const auto& r : *second) {
    EXPECT_EQ(r.status, 304);
    EXPECT_TRUE(r.not_modified);
    EXPECT_TRUE(r.body.empty());
  }
  EXPECT_EQ(fetcher.stats().not_modified, 2u);
  auto log = server_.Log();
  int conditional = 0;
  for (const auto& e : log) {
    if (e.path == "/etag" && e.if_none_match == etag) ++conditional;
    if (e.path == "/etag?lm" && e.if_modified_since == lm) ++conditional;
  }
  EXPECT_EQ(conditional, 2);
}

TEST_F(FetcherTest, GzipIsDecodedAndWireBytesCounted) {
  StartServer();
  FetchResponse r = FetchOne(TestOptions(), server_.Url("/gzip"));
  ASSERT_TRUE(r.ok()) << r.error_message;
  EXPECT_EQ(r.Header("content-encoding"), "gzip");
  EXPECT_NE(r.body.find("清洗测试页面"), std::string::npos);
  EXPECT_GT(r.wire_bytes, 0u);
  EXPECT_LT(r.wire_bytes * 5, r.body.size());  // repetitive text compresses well
  bool asked = false;
  for (const auto& e : server_.Log())
    if (e.path == "/gzip") asked = e.accept_encoding.find("gzip") != std::string::npos;
  EXPECT_TRUE(asked);
}

TEST_F(FetcherTest, UndecodedBodiesArriveAsSentAndAreBoundedAsSent) {
  StartServer();
  FetchOptions o = TestOptions();
  o.decode_content = false;
  FetchResponse r = FetchOne(o, server_.Url("/gzip"));
  ASSERT_TRUE(r.ok()) << r.error_message;
  EXPECT_EQ(r.Header("content-encoding"), "gzip");
  ASSERT_GE(r.body.size(), 2u);
  EXPECT_EQ(r.body.substr(0, 2), "\x1f\x8b") << "the gzip stream itself";
  EXPECT_EQ(r.wire_bytes, r.body.size());
  EXPECT_EQ(r.body.find("清洗测试页面"), std::string::npos);
  bool asked = false;
  for (const auto& e : server_.Log())
    if (e.path == "/gzip") asked = e.accept_encoding.find("gzip") != std::string::npos;
  EXPECT_TRUE(asked) << "codings are still offered";

  // The limit counts the bytes as sent: a body that inflates far beyond it still passes ...
  const size_t coded = r.body.size();
  o.max_body_bytes = coded + 16;
  r = FetchOne(o, server_.Url("/gzip"));
  EXPECT_TRUE(r.ok()) << r.error_message;
  // ... and one whose coded bytes exceed it does not.
  o.max_body_bytes = coded / 2;
  r = FetchOne(o, server_.Url("/gzip"));
  EXPECT_EQ(r.error, FetchError::kBodyTooLarge);
}

TEST_F(FetcherTest, PageRequestHeadersAreWhatIsSent) {
  // What an archive records as the request must be what went out, header for header, in order.
  StartServer();
  FetchOptions o = TestOptions();
  o.user_agent = "qingxi-test/1.0";
  o.contact = "mailto:ops@example.org";
  FetchResponse r = FetchOne(o, server_.Url("/echo-headers"));
  ASSERT_TRUE(r.ok()) << r.error_message;
  std::string expected;
  for (const auto& [k, v] : PageRequestHeaders(o)) expected += k + ": " + v + "\n";
  EXPECT_NE(r.body.find(expected), std::string::npos) << r.body << "\nexpected:\n" << expected;
  EXPECT_NE(expected.find("User-Agent: qingxi-test/1.0 (+mailto:ops@example.org)"), std::string::npos);
  EXPECT_NE(expected.find("Accept-Encoding: "), std::string::npos);
}

TEST_F(FetcherTest, LegacyCharsetBytesAndHeadersArePassedThroughUntouched) {
  StartServer();
  auto r =
      FetchUrls(TestOptions(), {server_.Url("/gbk"), server_.Url("/big5"), server_.Url("/gbk-meta"),
                                server_.Url("/charset/wrong"), server_.Url("/charset/missing")});
  EXPECT_EQ(r[0].content_type, "text/html; charset=gbk");
  EXPECT_NE(r[0].body.find("\xC7\xE5\xCF\xB4"), std::string::npos);  // 清洗 in GBK
  EXPECT_EQ(r[1].content_type, "text/html; charset=big5");
  EXPECT_NE(r[1].body.find("\xB2\x4D\xAC\x7E"), std::string::npos);  // 清洗 in Big5
  EXPECT_EQ(r[2].content_type, "text/html");
  EXPECT_NE(r[2].body.find("charset=gb2312"), std::string::npos);
  EXPECT_EQ(r[3].content_type, "text/html; charset=iso-8859-1");
  EXPECT_NE(r[3].body.find("清洗"), std::string::npos);  // the bytes, whatever the label says
  EXPECT_EQ(r[4].content_type, "text/html");
}

TEST_F(FetcherTest, LoopbackIsRefusedUnlessAllowed) {
  StartServer();
  FetchOptions o = TestOptions();
  o.allow_private_addresses = false;
  auto r = FetchUrls(o, {server_.Url("/page/1"), server_.Url("/page/2", "localhost")});
  EXPECT_EQ(r[0].error, FetchError::kAddressRefused);
  EXPECT_EQ(r[1].error, FetchError::kAddressRefused);
  o.obey_robots = false;
  EXPECT_EQ(FetchOne(o, server_.Url("/page/3")).error, FetchError::kAddressRefused);
  EXPECT_TRUE(server_.Log().empty());  // not even robots.txt reached the server
  o.allow_private_addresses = true;
  EXPECT_EQ(FetchOne(o, server_.Url("/page/4")).status, 200);
}

TEST_F(FetcherTest, Ipv6LoopbackIsRefusedUnlessAllowed) {
  std::string error;
  if (!server_.Start({"--host", "::1"}, 60, &error))
    GTEST_SKIP() << "no IPv6 loopback here: " << error;
  FetchOptions o = TestOptions();
  o.allow_private_addresses = false;
  EXPECT_EQ(FetchOne(o, server_.Url("/page/1", "[::1]")).error, FetchError::kAddressRefused);
  EXPECT_TRUE(server_.Log().empty());
  o.allow_private_addresses = true;
  FetchResponse ok = FetchOne(o, server_.Url("/page/2", "[::1]"));
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.ip, "::1");
}

TEST_F(FetcherTest, OnlyHttpAndHttpsAndWellFormedUrls) {
  StartServer();
  auto r = FetchUrls(TestOptions(), {"ftp://127.0.0.1/file", "file:///etc/passwd", "not a url",
                                     server_.Url("/page/ok")});
  EXPECT_EQ(r[0].error, FetchError::kInvalidUrl);
  EXPECT_EQ(r[1].error, FetchError::kInvalidUrl);
  EXPECT_EQ(r[2].error, FetchError::kInvalidUrl);
  EXPECT_EQ(r[3].status, 200);
}

// --- the engine ---

TEST_F(FetcherTest, StreamsWithBoundedMemoryAndDeliversEachRequestOnce) {
  StartServer();
  FetchOptions o = TestOptions();
  o.max_per_host = 4;
  o.max_transfers = 8;
  o.max_queued = 20;
  o.max_queued_per_host = 10;
  const int kTotal = 300;
  int next = 0, delivered = 0;
  size_t max_outstanding = 0;
  std::set<uint64_t> ids;
  Fetcher fetcher(o);
  Status s = fetcher.Run(
      [&](FetchRequest* r) {
        if (next == kTotal) return false;
        r->url = server_.Url("/page/" + std::to_string(next));
        r->id = static_cast<uint64_t>(next++);
        max_outstanding = std::max(max_outstanding, static_cast<size_t>(next - delivered));
        return true;
      },
      [&](FetchResponse&& r) {
        ++delivered;
        EXPECT_EQ(r.status, 200);
        EXPECT_TRUE(ids.insert(r.id).second) << "delivered twice: " << r.id;
      });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(delivered, kTotal);
  EXPECT_EQ(ids.size(), static_cast<size_t>(kTotal));
  EXPECT_LE(max_outstanding, 21u);  // max_queued, plus the one parked request
  EXPECT_EQ(fetcher.stats().by_status.at(200), static_cast<uint64_t>(kTotal));
  EXPECT_EQ(server_.Count("/page/"), kTotal);
}

TEST_F(FetcherTest, RequestStopFromTheSinkEndsTheRun) {
  StartServer();
  FetchOptions o = TestOptions();
  o.max_per_host = 1;
  o.per_host_delay_ms = 100;
  Fetcher fetcher(o);
  int next = 0, delivered = 0;
  Status s = fetcher.Run(
      [&](FetchRequest* r) {
        if (next == 50) return false;
        r->url = server_.Url("/page/" + std::to_string(next++));
        return true;
      },
      [&](FetchResponse&&) {
        if (++delivered == 2) fetcher.RequestStop();
      });
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(fetcher.stats().stopped);
  EXPECT_LE(delivered, 3);
  EXPECT_LE(server_.Count("/page/"), 4);
}

}  // namespace
}  // namespace qingxi::fetch
