// The behaviour every CrawlStore back-end (qingxi/fetch/crawl_store.h) must show, as one
// value-parameterised suite: schema versioning, URL adding, due claims with leases, the
// adaptive re-crawl interval, full fetches every Nth re-crawl, error backoff, exactly-once
// marks and corpus reconciliation, failure causes and the re-queues by option, by link scope
// and by URL pattern, the --status report, resume after a close with URLs in flight, concurrent claims
// from threads and from processes, large batches. Each back-end's test file includes this
// header and instantiates the suite with a CrawlStoreBackend saying how to make a fresh
// database and open it:
//   INSTANTIATE_TEST_SUITE_P(Sqlite, CrawlStoreSuite, ::testing::Values(...), BackendName);
// The header defines tests, so it is included by one source file per test binary. The helpers
// (Urls, Fetched, NotModified, OpenOrDie, ClaimAll...) serve the back-ends' own tests as well.
#ifndef QINGXI_TESTS_CRAWL_STORE_SUITE_H_
#define QINGXI_TESTS_CRAWL_STORE_SUITE_H_

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "qingxi/fetch/crawl_store.h"
#include "qingxi/fetch/url.h"
#include "test_util.h"

namespace qingxi::fetch {

// How the suite reaches one back-end.
struct CrawlStoreBackend {
  std::string name;  // the test name suffix (letters, digits, '_')
  // Makes a fresh, empty database and returns its URI. Sets *skip, saying why, when the
  // back-end cannot be tested here (the test is skipped); returns "" and sets *error when the
  // database could not be made (the test fails).
  std::function<std::string(std::string* skip, std::string* error)> fresh;
  std::function<Result<std::unique_ptr<CrawlStore>>(const std::string& uri, const CrawlPolicy&)>
      open;
  // Runs one SQL statement on the database behind the store; the first column of the first
  // row ("" when none).
  std::function<std::string(const std::string& uri, const std::string& sql)> query;
};

inline void PrintTo(const CrawlStoreBackend& b, std::ostream* os) { *os << b.name; }
inline std::string BackendName(const ::testing::TestParamInfo<CrawlStoreBackend>& info) {
  return info.param.name;
}

inline std::unique_ptr<CrawlStore> OpenOrDie(const CrawlStoreBackend& b, const std::string& uri,
                                             const CrawlPolicy& p = {}) {
  Result<std::unique_ptr<CrawlStore>> s = b.open(uri, p);
  EXPECT_TRUE(s.ok()) << s.status().message();
  return s.ok() ? std::move(s.value()) : nullptr;
}

inline std::vector<NewUrl> Urls(int n, const std::string& prefix = "http://news.example.cn/a/") {
  std::vector<NewUrl> v;
  for (int i = 0; i < n; ++i) v.push_back({prefix + std::to_string(i) + ".html", 0, ""});
  return v;
}

// `n` URLs spread over 20 sites, so that a store serving one site to one crawler at a time
// still has work for several crawlers at once.
inline std::vector<NewUrl> ManySites(int n) {
  std::vector<NewUrl> v;
  for (int i = 0; i < n; ++i)
    v.push_back({"http://www.site" + std::to_string(i % 20) + ".cn/p/" + std::to_string(i), 0, ""});
  return v;
}

inline FetchReport Fetched(const std::string& url, const std::string& hash,
                           bool conditional = false, const std::string& etag = "") {
  FetchReport r;
  r.url = url;
  r.outcome = FetchOutcome::kFetched;
  r.http_status = 200;
  r.content_hash = hash;
  r.body_hash = "b" + hash;
  r.conditional = conditional;
  r.etag = etag;
  return r;
}

inline FetchReport NotModified(const std::string& url) {
  FetchReport r;
  r.url = url;
  r.outcome = FetchOutcome::kNotModified;
  r.http_status = 304;
  r.conditional = true;
  return r;
}

// Corpus lines for the reconcile test: "url<TAB>hash".
inline bool ParseLine(std::string_view line, OutputMark* m) {
  size_t tab = line.find('\t');
  if (tab == std::string_view::npos) return false;
  m->url = std::string(line.substr(0, tab));
  m->content_hash = std::string(line.substr(tab + 1));
  m->doc_id = m->url + "#" + m->content_hash;
  return true;
}

// Claims until every URL has been fetched; returns the URLs claimed. An empty claim does not
// mean the crawl is over: the URLs left may be in flight with the other crawlers, or (on a
// shared frontier) their sites held by another crawler or resting after a hand-over. So the
// crawler's clock moves on a second per empty claim, as it would in a real crawl.
inline std::vector<std::string> ClaimAll(const CrawlStoreBackend& b, const std::string& uri,
                                         int64_t now) {
  std::vector<std::string> got;
  Result<std::unique_ptr<CrawlStore>> s = b.open(uri, {});
  if (!s.ok()) return {"ERROR " + s.status().message()};
  for (int idle = 0; idle < 1000;) {
    Result<std::vector<DueUrl>> c = s.value()->ClaimDue(now, 7);
    if (!c.ok()) return {"ERROR " + c.status().message()};
    if (c->empty()) {
      Result<CrawlStats> st = s.value()->Stats(now);
      if (!st.ok()) return {"ERROR " + st.status().message()};
      if (st->by_status.at("new") == 0 && st->by_status.at("queued") == 0) break;
      ++idle;
      ++now;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      continue;
    }
    std::vector<FetchReport> reports;
    for (const DueUrl& d : *c) {
      got.push_back(d.url);
      reports.push_back(Fetched(d.url, "h"));
    }
    if (!s.value()->RecordResults(reports, now).ok()) return {"ERROR record"};
  }
  return got;
}

// Every test gets a fresh database (uri_) of the back-end under test.
class CrawlStoreSuite : public ::testing::TestWithParam<CrawlStoreBackend> {
 protected:
  void SetUp() override {
    std::string skip, error;
    uri_ = GetParam().fresh(&skip, &error);
    if (!skip.empty()) GTEST_SKIP() << skip << "; skipping";
    ASSERT_FALSE(uri_.empty()) << error;
  }
  std::unique_ptr<CrawlStore> Open(const CrawlPolicy& p = {}) {
    return OpenOrDie(GetParam(), uri_, p);
  }
  std::string Query(const std::string& sql) { return GetParam().query(uri_, sql); }

  std::string uri_;
};

TEST_P(CrawlStoreSuite, SchemaVersionAndNewerSchemaRefused) {
  {
    auto store = Open();
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->schema_version(), 2);
  }
  EXPECT_EQ(Query("SELECT value FROM meta WHERE key='schema_version'"), "2");
  {
    auto store = Open();  // reopening keeps the data and the version
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->AddUrls(Urls(3), 100).ok());
  }
  EXPECT_EQ(Query("SELECT count(*) FROM urls"), "3");
  Query("UPDATE meta SET value='99' WHERE key='schema_version'");
  Result<std::unique_ptr<CrawlStore>> newer = GetParam().open(uri_, {});
  ASSERT_FALSE(newer.ok());
  EXPECT_EQ(newer.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(newer.status().message().find("99"), std::string::npos);
}

inline FetchReport Failed(const std::string& url, FetchOutcome outcome, const std::string& kind,
                          const std::string& cause, const std::string& option = "",
                          const std::string& value = "") {
  FetchReport r;
  r.url = url;
  r.outcome = outcome;
  r.failure = FetchFailure{kind, cause, option, value};
  return r;
}

// Runs a SQL script of the back-end (statements end with ";" at the end of a line; "--"
// comment lines) statement by statement through the suite's query function.
inline void RunScript(const CrawlStoreBackend& b, const std::string& uri,
                      const std::string& path) {
  const std::string script = ::qingxi::testing::ReadFile(path);
  ASSERT_FALSE(script.empty()) << path;
  std::string statement;
  size_t pos = 0;
  while (pos < script.size()) {
    size_t nl = script.find('\n', pos);
    if (nl == std::string::npos) nl = script.size();
    const std::string line = script.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.rfind("--", 0) == 0) continue;
    statement += line + "\n";
    std::string code = line.substr(0, line.find("--"));
    while (!code.empty() && code.back() == ' ') code.pop_back();
    if (!code.empty() && code.back() == ';') {
      b.query(uri, statement);
      statement.clear();
    }
  }
}

TEST_P(CrawlStoreSuite, UpgradesAVersionOneDatabaseInPlace) {
  // A database as version 1 made it, with a small crawl in it (tests/data/crawl_schema).
  const std::string fixture = ::qingxi::testing::SourceDir() + "/tests/data/crawl_schema/v1." +
                              (GetParam().name == "sqlite" ? "sqlite" : "pg") + ".sql";
  RunScript(GetParam(), uri_, fixture);
  ASSERT_EQ(Query("SELECT value FROM meta WHERE key='schema_version'"), "1");
  ASSERT_EQ(Query("SELECT count(*) FROM urls"), "5");
  {
    auto store = Open();
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->schema_version(), 2);
    // The data is kept.
    Result<CrawlStats> st = store->Stats(1000);
    ASSERT_TRUE(st.ok()) << st.status().message();
    EXPECT_EQ(st->urls, 5);
    EXPECT_EQ(st->outputs, 1);
    EXPECT_EQ(st->by_status.at("fetched"), 1);
    EXPECT_EQ(store->Get("http://news.example.cn/a.html")->content_hash, "00000000000000a2");
    Result<bool> written = store->IsWritten("http://news.example.cn/", "00000000000000a1");
    ASSERT_TRUE(written.ok());
    EXPECT_TRUE(*written);
    EXPECT_EQ(*store->WrittenEnd("corpus.jsonl"), 120);
    // What version 1 knew of its failures is carried over.
    UrlState refused = *store->Get("http://10.0.0.7/intranet.html");
    EXPECT_EQ(refused.failure.kind, "address_refused");
    EXPECT_EQ(refused.failure.fix_option, "allow-private");
    EXPECT_EQ(refused.failure.fix_value, "no");
    EXPECT_NE(refused.failure.cause.find("--allow-private"), std::string::npos);
    EXPECT_EQ(store->Get("http://news.example.cn/private/x.html")->failure.kind,
              "robots_disallowed");
    EXPECT_EQ(store->Get("http://news.example.cn/b.html")->failure.kind, "unrecorded");
    EXPECT_EQ(store->Get("http://news.example.cn/a.html")->failure.kind, "");
    // The front page had its links followed; its leaf page did not.
    EXPECT_EQ(store->Get("http://news.example.cn/")->links_scope, "*");
    EXPECT_EQ(store->Get("http://news.example.cn/a.html")->links_scope, "");
    // The new columns work on the old rows.
    Result<int64_t> n = store->RequeueChanged("allow-private", "yes", 1000);
    ASSERT_TRUE(n.ok()) << n.status().message();
    EXPECT_EQ(*n, 1);
    EXPECT_EQ(store->Get("http://10.0.0.7/intranet.html")->next_due, 1000);
    n = store->RequeueForLinks("f1:x", 3, 1000);
    ASSERT_TRUE(n.ok()) << n.status().message();
    EXPECT_EQ(*n, 1);  // a.html only: the front page's links were followed
    EXPECT_EQ(store->Get("http://news.example.cn/a.html")->next_due, 1000);
    FetchReport f = Fetched("http://news.example.cn/a.html", "00000000000000a2");
    f.links_scope = "f1:x";
    ASSERT_TRUE(store->RecordResult(f, 1100).ok());
    EXPECT_EQ(store->Get("http://news.example.cn/a.html")->links_scope, "f1:x");
    ASSERT_TRUE(store->AddUrls({{"http://news.example.cn/c.html", 2, "http://news.example.cn/a.html"}}, 1100).ok());
  }
  EXPECT_EQ(Query("SELECT value FROM meta WHERE key='schema_version'"), "2");
  // Opening again does not migrate twice.
  auto again = Open();
  ASSERT_NE(again, nullptr);
  EXPECT_EQ(again->schema_version(), 2);
  EXPECT_EQ(again->Stats(1100)->urls, 6);
}

TEST_P(CrawlStoreSuite, FailureCauseIsStoredUntilAFetchSucceeds) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  const std::string url = "https://secure.example.cn/a.html";
  ASSERT_TRUE(store->AddUrls({{url, 0, ""}}, 0).ok());
  const std::string cause =
      "tls: certificate verify failed for secure.example.cn — see --cacert";
  ASSERT_TRUE(store->RecordResult(Failed(url, FetchOutcome::kError, "tls", cause, "cacert", ""), 100).ok());
  UrlState u = *store->Get(url);
  EXPECT_EQ(u.failure.kind, "tls");
  EXPECT_EQ(u.failure.cause, cause);
  EXPECT_EQ(u.failure.fix_option, "cacert");
  EXPECT_EQ(u.failure.fix_value, "");
  // A later failure replaces it; a success clears it.
  ASSERT_TRUE(store->RecordResults({Failed(url, FetchOutcome::kError, "timeout", "timed out",
                                           "timeout", "60/10")}, 200).ok());
  EXPECT_EQ(store->Get(url)->failure.kind, "timeout");
  EXPECT_EQ(store->Get(url)->failure.fix_value, "60/10");
  ASSERT_TRUE(store->RecordResult(Fetched(url, "h1"), 300).ok());
  u = *store->Get(url);
  EXPECT_EQ(u.failure.kind, "");
  EXPECT_EQ(u.failure.cause, "");
  EXPECT_EQ(u.failure.fix_option, "");
}

TEST_P(CrawlStoreSuite, RequeueChangedOnlyWhenTheOptionValueDiffers) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->AddUrls(Urls(5), 0).ok());
  const auto u = [](int i) { return "http://news.example.cn/a/" + std::to_string(i) + ".html"; };
  ASSERT_TRUE(store->RecordResults(
      {Failed(u(0), FetchOutcome::kError, "tls", "tls: certificate verify failed", "cacert", ""),
       Failed(u(1), FetchOutcome::kError, "tls", "tls: certificate verify failed", "cacert", "/etc/ca.pem"),
       Failed(u(2), FetchOutcome::kRefused, "address_refused", "add --allow-private", "allow-private", "no"),
       Failed(u(3), FetchOutcome::kError, "http_503", "HTTP 503"),
       Fetched(u(4), "h")}, 100).ok());
  // The same option value as at the failure: nothing to retry.
  EXPECT_EQ(*store->RequeueChanged("cacert", "", 200), 1);  // u(1) failed with another CA file
  EXPECT_EQ(store->Get(u(1))->next_due, 200);
  EXPECT_GT(store->Get(u(0))->next_due, 200);
  EXPECT_EQ(*store->RequeueChanged("cacert", "/etc/ca.pem", 200), 1);  // u(0) had none
  EXPECT_EQ(store->Get(u(0))->next_due, 200);
  EXPECT_EQ(*store->RequeueChanged("allow-private", "no", 200), 0);
  EXPECT_EQ(*store->RequeueChanged("allow-private", "yes", 200), 1);
  EXPECT_EQ(store->Get(u(2))->next_due, 200);
  // Already due: not counted again. An HTTP error and a success have no fix option.
  EXPECT_EQ(*store->RequeueChanged("allow-private", "yes", 200), 0);
  EXPECT_GT(store->Get(u(3))->next_due, 200);
  EXPECT_GT(store->Get(u(4))->next_due, 200);
}

TEST_P(CrawlStoreSuite, RequeueForLinksFindsPagesNotFollowedUnderTheScope) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->AddUrls({{"http://www.example.cn/", 0, ""},
                              {"http://www.example.cn/a.html", 1, "http://www.example.cn/"},
                              {"http://www.example.cn/b.html", 2, "http://www.example.cn/a.html"},
                              {"http://www.example.cn/c.html", 1, "http://www.example.cn/"}},
                             0).ok());
  FetchReport root = Fetched("http://www.example.cn/", "r");
  root.links_scope = "f1:A";
  FetchReport a = Fetched("http://www.example.cn/a.html", "a");  // links not followed
  FetchReport c = NotModified("http://www.example.cn/c.html");
  FetchReport b = Failed("http://www.example.cn/b.html", FetchOutcome::kError, "timeout", "t");
  ASSERT_TRUE(store->RecordResults({root, a, c, b}, 100).ok());
  EXPECT_EQ(store->Get("http://www.example.cn/")->links_scope, "f1:A");
  // A 304 or a fetch without following keeps the scope; only a followed fetch sets it.
  ASSERT_TRUE(store->RecordResult(NotModified("http://www.example.cn/"), 110).ok());
  EXPECT_EQ(store->Get("http://www.example.cn/")->links_scope, "f1:A");
  // Same scope, depth 1: nothing shallower than 1 lacks its links.
  EXPECT_EQ(*store->RequeueForLinks("f1:A", 1, 200), 0);
  // Deeper: the pages at depth 1 (fetched or not modified) were never followed; b failed.
  EXPECT_EQ(*store->RequeueForLinks("f1:A", 3, 200), 2);
  EXPECT_EQ(store->Get("http://www.example.cn/a.html")->next_due, 200);
  EXPECT_EQ(store->Get("http://www.example.cn/c.html")->next_due, 200);
  EXPECT_GT(store->Get("http://www.example.cn/")->next_due, 200);
  // Another scope (other --include / --exclude): the front page too.
  EXPECT_EQ(*store->RequeueForLinks("f1:B", 3, 200), 1);
  EXPECT_EQ(store->Get("http://www.example.cn/")->next_due, 200);
}

TEST_P(CrawlStoreSuite, MakeDueBySubstringGlobOrAll) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  const std::vector<std::string> urls = {
      "http://news.example.cn/2024/01/a.html", "http://news.example.cn/2024/02/b.html",
      "http://news.example.cn/2025/01/c.html", "http://www.example.cn/about.html",
      "http://news.example.cn/list_1.html", "http://NEWS.example.org/2024/x.html"};
  std::vector<NewUrl> add;
  for (const auto& u : urls) add.push_back({u, 0, ""});
  ASSERT_TRUE(store->AddUrls(add, 0).ok());
  std::vector<FetchReport> done;
  for (const auto& u : urls) done.push_back(Fetched(NormalizeUrl(u).value(), "h" + u));
  ASSERT_TRUE(store->RecordResults(done, 100).ok());
  // The URLs as normalised (the host in lower case).
  EXPECT_EQ(*store->MakeDue(UrlPattern::Parse("/2024/"), 200), 3);
  EXPECT_EQ(store->Get(urls[5])->next_due, 200);
  EXPECT_EQ(*store->MakeDue(UrlPattern::Parse("/2024/"), 200), 0);  // already due
  EXPECT_EQ(*store->MakeDue(UrlPattern::Parse("http://news.example.cn/2025/*"), 300), 1);
  EXPECT_EQ(store->Get(urls[2])->next_due, 300);
  // A glob matches the whole URL; '%' and '_' are ordinary characters; case counts.
  EXPECT_EQ(*store->MakeDue(UrlPattern::Parse("news.example.cn/*"), 300), 0);
  EXPECT_EQ(*store->MakeDue(UrlPattern::Parse("*list%1.html"), 300), 0);
  EXPECT_EQ(*store->MakeDue(UrlPattern::Parse("li_t"), 300), 0);
  EXPECT_EQ(*store->MakeDue(UrlPattern::Parse("*list_1.html"), 300), 1);
  EXPECT_EQ(*store->MakeDue(UrlPattern::Parse("*ABOUT*"), 300), 0);
  EXPECT_EQ(*store->MakeDue(UrlPattern::Parse("*/about.htm?"), 300), 1);
  EXPECT_EQ(store->Get(urls[3])->next_due, 300);
  // URLs in flight keep their lease.
  ASSERT_TRUE(store->AddUrls({{"http://news.example.cn/new.html", 0, ""}}, 300).ok());
  Result<std::vector<DueUrl>> claimed = store->ClaimDue(300, 100);
  ASSERT_TRUE(claimed.ok());
  ASSERT_EQ(claimed->size(), 7u);
  EXPECT_EQ(*store->MakeDue(UrlPattern::Parse(""), 310), 0);
  ASSERT_TRUE(store->RecordResults({Fetched(NormalizeUrl(urls[0]).value(), "h")}, 320).ok());
  EXPECT_EQ(*store->MakeDue(UrlPattern::Parse(""), 330), 1);
}

TEST_P(CrawlStoreSuite, ReportCountsStatesDueTimesSitesAndFailures) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  std::vector<NewUrl> add;
  for (int i = 0; i < 4; ++i) add.push_back({"http://a.example.cn/" + std::to_string(i), 0, ""});
  for (int i = 0; i < 2; ++i) add.push_back({"http://b.example.org/" + std::to_string(i), 0, ""});
  add.push_back({"http://c.example.net/", 0, ""});
  ASSERT_TRUE(store->AddUrls(add, 0).ok());
  const int64_t now = 1000000;
  ASSERT_TRUE(store->RecordResults(
      {Fetched("http://a.example.cn/0", "0"), Fetched("http://a.example.cn/1", "1"),
       Failed("http://a.example.cn/2", FetchOutcome::kError, "timeout", "timed out — raise --timeout", "timeout", "60/10"),
       Failed("http://b.example.org/0", FetchOutcome::kError, "tls", "tls: certificate verify failed for b.example.org — see --cacert", "cacert", ""),
       Failed("http://b.example.org/1", FetchOutcome::kError, "tls", "tls: certificate verify failed for b.example.org — see --cacert", "cacert", ""),
       Failed("http://c.example.net/", FetchOutcome::kGone, "http_404", "HTTP 404")},
      now).ok());
  ASSERT_TRUE(store->MarkWritten({{"d0", "http://a.example.cn/0", "0", "", -1}}, now).ok());
  Result<CrawlReport> r = store->Report(now, 2);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->stats.urls, 7);
  EXPECT_EQ(r->stats.due, 1);  // a.example.cn/3, never fetched
  EXPECT_EQ(r->stats.outputs, 1);
  EXPECT_EQ(r->stats.by_status.at("fetched"), 2);
  EXPECT_EQ(r->stats.by_status.at("error"), 3);
  EXPECT_EQ(r->stats.by_status.at("gone"), 1);
  EXPECT_EQ(r->stats.by_status.at("new"), 1);
  // The first error retries after 5 minutes; the next 2 of those due later, earliest first.
  ASSERT_EQ(r->next.size(), 2u);
  EXPECT_EQ(r->next[0].next_due, now + 300);
  EXPECT_EQ(r->next[1].next_due, now + 300);
  EXPECT_EQ(r->stats.next_due, now + 300);
  // By hour: the three errors in hour 0; the fetched pages a day on (hour 24); gone: 30 days.
  const std::vector<std::pair<int64_t, int64_t>> hours = {{0, 3}, {24, 2}, {720, 1}};
  EXPECT_EQ(r->due_by_hour, hours);
  ASSERT_EQ(r->top_sites.size(), 2u);
  EXPECT_EQ(r->top_sites[0].site_key, "example.cn");
  EXPECT_EQ(r->top_sites[0].urls, 4);
  EXPECT_EQ(r->top_sites[0].failing, 1);
  EXPECT_EQ(r->top_sites[1].site_key, "example.org");
  ASSERT_EQ(r->top_failing.size(), 2u);
  EXPECT_EQ(r->top_failing[0].site_key, "example.org");
  EXPECT_EQ(r->top_failing[0].failing, 2);
  EXPECT_EQ(r->top_failing[1].site_key, "example.cn");  // ties: by name
  ASSERT_EQ(r->errors.size(), 3u);
  EXPECT_EQ(r->errors[0].kind, "tls");
  EXPECT_EQ(r->errors[0].urls, 2);
  EXPECT_EQ(r->errors[0].example_url, "http://b.example.org/0");
  EXPECT_EQ(r->errors[0].cause, "tls: certificate verify failed for b.example.org — see --cacert");
  EXPECT_EQ(r->errors[1].kind, "http_404");
  EXPECT_EQ(r->errors[1].cause, "HTTP 404");
  EXPECT_EQ(r->errors[2].kind, "timeout");
  EXPECT_EQ(r->errors[2].example_url, "http://a.example.cn/2");
}

TEST_P(CrawlStoreSuite, AddUrlsNormalisesDeduplicatesAndLowersDepth) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  Result<AddUrlsResult> r =
      store->AddUrls({{"http://News.Sina.com.cn/c/1.shtml#top", 2, "http://news.sina.com.cn/"},
                      {"http://news.sina.com.cn:80/c/1.shtml", 1, ""},
                      {"mailto:editor@example.cn", 0, ""},
                      {"https://www.bbc.co.uk/zhongwen/simp", 0, ""},
                      {"javascript:void(0)", 0, ""}},
                     1000);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->added, 2);
  EXPECT_EQ(r->existing, 1);
  EXPECT_EQ(r->invalid, 2);
  Result<UrlState> u = store->Get("http://news.sina.com.cn/c/1.shtml");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->site_key, "sina.com.cn");
  EXPECT_EQ(u->depth, 1);  // lowered by the second sighting
  EXPECT_EQ(u->discovered_from, "http://news.sina.com.cn/");
  EXPECT_EQ(u->status, UrlStatus::kNew);
  EXPECT_EQ(u->next_due, 1000);
  EXPECT_EQ(store->Get("https://www.bbc.co.uk/zhongwen/simp")->site_key, "bbc.co.uk");
  EXPECT_EQ(store->Get("http://absent.example.cn/").status().code(), Status::Code::kNotFound);
  // Known URLs in a later batch: counted as existing, depth only ever lowered, quotes and
  // backslashes stored as given (PostgreSQL: they survive the array encoding).
  r = store->AddUrls({{"http://news.sina.com.cn/c/1.shtml", 0, "x"},
                      {"https://www.bbc.co.uk/zhongwen/simp", 5, ""},
                      {"http://www.example.cn/q?a=\"b\"&c=\\d", 3, "say \"hi\" \\"}},
                     2000);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->added, 1);
  EXPECT_EQ(r->existing, 2);
  EXPECT_EQ(store->Get("http://news.sina.com.cn/c/1.shtml")->depth, 0);
  EXPECT_EQ(store->Get("http://news.sina.com.cn/c/1.shtml")->discovered_from,
            "http://news.sina.com.cn/");
  EXPECT_EQ(store->Get("https://www.bbc.co.uk/zhongwen/simp")->depth, 0);
  Result<CrawlStats> st = store->Stats(5000);
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->urls, 3);
  EXPECT_EQ(Query("SELECT discovered_from FROM urls WHERE url LIKE 'http://www.example.cn/q%'"),
            "say \"hi\" \\");
}

TEST_P(CrawlStoreSuite, ClaimDueOldestFirstWithLeases) {
  CrawlPolicy p;
  p.lease = 600;
  auto store = Open(p);
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->AddUrls(Urls(3, "http://b.example.cn/"), 200).ok());
  ASSERT_TRUE(store->AddUrls(Urls(2, "http://a.example.cn/"), 100).ok());
  ASSERT_TRUE(store->AddUrls(Urls(2, "http://later.example.cn/"), 5000).ok());

  Result<std::vector<DueUrl>> c1 = store->ClaimDue(1000, 3);
  ASSERT_TRUE(c1.ok()) << c1.status().message();
  ASSERT_EQ(c1->size(), 3u);
  EXPECT_EQ((*c1)[0].url, "http://a.example.cn/0.html");  // due at 100
  EXPECT_EQ((*c1)[1].url, "http://a.example.cn/1.html");
  EXPECT_EQ((*c1)[2].url, "http://b.example.cn/0.html");  // due at 200
  EXPECT_EQ((*c1)[0].site_key, "example.cn");
  EXPECT_EQ((*c1)[0].previous, UrlStatus::kNew);
  EXPECT_TRUE((*c1)[0].if_none_match.empty());

  Result<std::vector<DueUrl>> c2 = store->ClaimDue(1000, 10);
  ASSERT_TRUE(c2.ok());
  EXPECT_EQ(c2->size(), 2u);  // the rest of the due ones; leased and later ones are not
  EXPECT_EQ(store->ClaimDue(1000, 10)->size(), 0u);
  EXPECT_EQ(store->Get("http://a.example.cn/0.html")->status, UrlStatus::kQueued);
  EXPECT_EQ(store->Stats(1000)->by_status.at("queued"), 5);

  // A crawler that dies never reports; its URLs come back when the lease expires.
  Result<std::vector<DueUrl>> c3 = store->ClaimDue(1000 + 600, 10);
  ASSERT_TRUE(c3.ok());
  EXPECT_EQ(c3->size(), 5u);
  EXPECT_EQ((*c3)[0].previous, UrlStatus::kQueued);
  EXPECT_EQ(store->ClaimDue(2199, 10)->size(), 0u);  // c3's leases run until 2200
  EXPECT_EQ(store->ClaimDue(5000, 10)->size(), 7u);  // those five again, and later.example.cn
}

TEST_P(CrawlStoreSuite, AdaptiveIntervalMath) {
  CrawlPolicy p;
  p.initial_interval = 1000;
  p.min_interval = 100;
  p.max_interval = 5000;
  p.unchanged_factor = 1.5;
  p.changed_divisor = 2.0;
  auto store = Open(p);
  ASSERT_NE(store, nullptr);
  const std::string url = "http://www.example.cn/index.html";
  ASSERT_TRUE(store->AddUrls({{url, 0, ""}}, 0).ok());
  int64_t now = 10;
  auto record = [&](const FetchReport& r) {
    Result<RecordDecision> d = store->RecordResult(r, now);
    EXPECT_TRUE(d.ok()) << d.status().message();
    return d.ok() ? d.value() : RecordDecision();
  };
  RecordDecision d = record(Fetched(url, "aaaa000000000001"));
  EXPECT_TRUE(d.changed);  // the first version is always new
  EXPECT_EQ(d.interval, 1000);
  EXPECT_EQ(d.next_due, now + 1000);
  // Unchanged: *1.5 each time, capped at max.
  const int64_t grow[] = {1500, 2250, 3375, 5000, 5000};
  for (int i = 0; i < 5; ++i) {
    now += 10000;
    d = i % 2 == 0 ? record(NotModified(url)) : record(Fetched(url, "aaaa000000000001", true));
    EXPECT_FALSE(d.changed) << i;
    EXPECT_EQ(d.interval, grow[i]) << i;
    EXPECT_EQ(d.next_due, now + grow[i]) << i;
  }
  // Changed: /2 each time, floored at min.
  const int64_t shrink[] = {2500, 1250, 625, 313, 157, 100, 100};
  for (int i = 0; i < 7; ++i) {
    now += 10000;
    d = record(Fetched(url, "bbbb00000000000" + std::to_string(i)));
    EXPECT_TRUE(d.changed) << i;
    EXPECT_EQ(d.interval, shrink[i]) << i;
  }
  Result<UrlState> u = store->Get(url);
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->status, UrlStatus::kFetched);
  EXPECT_EQ(u->content_hash, "bbbb000000000006");
  EXPECT_EQ(u->body_hash, "bbbbb000000000006");
  EXPECT_EQ(u->fetch_count, 13);
  EXPECT_EQ(u->first_fetch, 10);
  EXPECT_EQ(u->last_fetch, now);
  EXPECT_EQ(u->last_change, now);
}

TEST_P(CrawlStoreSuite, ValidatorsAndEveryNthRecrawlIsAFullFetch) {
  CrawlPolicy p;
  p.full_fetch_every = 3;
  p.initial_interval = p.min_interval = 3600;
  auto store = Open(p);
  ASSERT_NE(store, nullptr);
  const std::string url = "https://www.example.cn/news/1.html";
  ASSERT_TRUE(store->AddUrls({{url, 0, ""}}, 0).ok());
  int64_t now = 0;
  auto claim = [&]() {
    now += 100000;
    Result<std::vector<DueUrl>> c = store->ClaimDue(now, 1);
    EXPECT_TRUE(c.ok() && c->size() == 1u);
    return c.ok() && !c->empty() ? (*c)[0] : DueUrl();
  };
  DueUrl d = claim();
  EXPECT_TRUE(d.if_none_match.empty());  // never fetched: nothing to validate against
  FetchReport first = Fetched(url, "1111222233334444", false, "\"v1\"");
  first.last_modified = "Tue, 18 Apr 2023 04:00:00 GMT";
  ASSERT_TRUE(store->RecordResult(first, now).ok());

  std::vector<bool> conditional;
  for (int i = 0; i < 7; ++i) {
    d = claim();
    const bool cond = !d.if_none_match.empty();
    conditional.push_back(cond);
    if (cond) {
      EXPECT_EQ(d.if_none_match, "\"v1\"");
      EXPECT_EQ(d.if_modified_since, "Tue, 18 Apr 2023 04:00:00 GMT");
      ASSERT_TRUE(store->RecordResult(NotModified(url), now).ok());
    } else {
      ASSERT_TRUE(store->RecordResult(first, now).ok());
    }
  }
  // Two conditional re-crawls, then a full one, and again.
  EXPECT_EQ(conditional, (std::vector<bool>{true, true, false, true, true, false, true}));

  // A 304 without validators keeps the stored ones; one with a new ETag updates it.
  FetchReport nm = NotModified(url);
  nm.etag = "\"v2\"";
  ASSERT_TRUE(store->RecordResult(nm, now).ok());
  EXPECT_EQ(store->Get(url)->etag, "\"v2\"");
  EXPECT_EQ(store->Get(url)->last_modified, "Tue, 18 Apr 2023 04:00:00 GMT");
  EXPECT_EQ(store->Get(url)->status, UrlStatus::kNotModified);
  // A 200 without validators clears them: the next fetch cannot be conditional.
  ASSERT_TRUE(store->RecordResult(Fetched(url, "5555", false, ""), now).ok());
  EXPECT_EQ(store->Get(url)->etag, "");
  EXPECT_TRUE(claim().if_none_match.empty());
}

TEST_P(CrawlStoreSuite, ErrorsBackOffAndGoneWaitsLongest) {
  CrawlPolicy p;
  p.error_backoff = 60;
  p.max_failures = 4;
  p.max_interval = 86400;
  auto store = Open(p);
  ASSERT_NE(store, nullptr);
  const std::string url = "http://flaky.example.cn/";
  ASSERT_TRUE(store->AddUrls({{url, 0, ""}}, 0).ok());
  FetchReport err;
  err.url = url;
  err.outcome = FetchOutcome::kError;
  err.http_status = 503;
  const int64_t waits[] = {60, 120, 240, 86400, 86400};
  for (int i = 0; i < 5; ++i) {
    Result<RecordDecision> d = store->RecordResult(err, 1000);
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->next_due, 1000 + waits[i]) << i;
  }
  EXPECT_EQ(store->Get(url)->failures, 5);
  EXPECT_EQ(store->Get(url)->status, UrlStatus::kError);
  EXPECT_EQ(store->Get(url)->http_status, 503);
  EXPECT_EQ(store->Get(url)->last_fetch, 0);  // no successful fetch yet
  ASSERT_TRUE(store->RecordResult(Fetched(url, "abcd"), 2000).ok());
  EXPECT_EQ(store->Get(url)->failures, 0);

  FetchReport gone;
  gone.url = url;
  gone.outcome = FetchOutcome::kGone;
  gone.http_status = 410;
  Result<RecordDecision> d = store->RecordResult(gone, 3000);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->next_due, 3000 + 86400);
  EXPECT_EQ(store->Get(url)->status, UrlStatus::kGone);
  EXPECT_EQ(store->Get(url)->content_hash, "abcd");  // the last good version is remembered

  FetchReport unknown = Fetched("http://never-added.example.cn/", "1");
  EXPECT_EQ(store->RecordResult(unknown, 1).status().code(), Status::Code::kNotFound);
  // A batch with one unknown URL changes nothing.
  EXPECT_EQ(store->RecordResults({Fetched(url, "zzzz"), unknown}, 4000).status().code(),
            Status::Code::kNotFound);
  EXPECT_EQ(store->Get(url)->content_hash, "abcd");
}

TEST_P(CrawlStoreSuite, MarksWrittenWithTheResultInOneTransaction) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  const std::string url = "http://www.example.cn/a.html";
  ASSERT_TRUE(store->AddUrls({{url, 0, ""}}, 0).ok());
  EXPECT_FALSE(store->IsWritten(url, "h1").value());
  OutputMark m{"doc-1", url, "h1", "/corpus.jsonl", 120};
  ASSERT_TRUE(store->RecordResult(Fetched(url, "h1"), 10, &m).ok());
  EXPECT_TRUE(store->IsWritten(url, "h1").value());
  EXPECT_FALSE(store->IsWritten(url, "h2").value());
  EXPECT_EQ(store->WrittenEnd("/corpus.jsonl").value(), 120);
  EXPECT_EQ(store->WrittenEnd("/other.jsonl").value(), 0);
  // A failed record leaves no mark behind (rolled back together).
  OutputMark orphan{"doc-2", "http://unknown.example.cn/", "h9", "/corpus.jsonl", 240};
  EXPECT_FALSE(store->RecordResult(Fetched("http://unknown.example.cn/", "h9"), 10, &orphan).ok());
  EXPECT_FALSE(store->IsWritten("http://unknown.example.cn/", "h9").value());
  EXPECT_EQ(store->WrittenEnd("/corpus.jsonl").value(), 120);
  // Marking twice is harmless.
  ASSERT_TRUE(store->MarkWritten({m, m}, 20).ok());
  EXPECT_EQ(store->Stats(0)->outputs, 1);
  // The unique (url, content_hash): the same document under another id is not a second output.
  OutputMark again{"doc-1-copy", url, "h1", "/corpus-b.jsonl", 10};
  ASSERT_TRUE(store->MarkWritten({again}, 30).ok());
  EXPECT_EQ(store->Stats(0)->outputs, 1);
}

TEST_P(CrawlStoreSuite, FrontierStateFollowsClaimsResultsAndWrites) {
  // What a lingering crawler polls: bounded counts that move with every kind of progress.
  auto store = Open();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->AddUrls(Urls(30), 100).ok());
  FrontierState f = store->Frontier(100).value();
  EXPECT_EQ(f.in_flight, 0);
  EXPECT_EQ(f.due, 30);
  EXPECT_EQ(f.written, 0);
  EXPECT_EQ(store->Frontier(99)->due, 0) << "not due before they were added";
  auto claimed = store->ClaimDue(100, 10);
  ASSERT_TRUE(claimed.ok());
  ASSERT_EQ(claimed->size(), 10u);
  f = store->Frontier(100).value();
  EXPECT_EQ(f.in_flight, 10);
  OutputMark m{"doc-0", claimed->front().url, "h0", "/corpus.jsonl", 500};
  ASSERT_TRUE(store->RecordResult(Fetched(claimed->front().url, "h0"), 101, &m).ok());
  FrontierState g = store->Frontier(101).value();
  EXPECT_EQ(g.in_flight, 9);
  EXPECT_EQ(g.written, 500);
  // The counts stop at the cap, however large the frontier.
  ASSERT_TRUE(
      store
          ->AddUrls(Urls(static_cast<int>(kFrontierCountCap) + 50, "http://big.example.cn/p/"), 100)
          .ok());
  EXPECT_EQ(store->Frontier(100)->due, kFrontierCountCap);
}

TEST_P(CrawlStoreSuite, ReconcileMarksUnmarkedTailAndCutsATornLine) {
  const std::string dir = ::qingxi::testing::TempDir();
  auto store = Open();
  ASSERT_NE(store, nullptr);
  const std::string corpus = dir + "/corpus.jsonl";
  // Two lines written and marked, as the crawler does (append + fsync, then mark).
  std::string text = "http://a.example.cn/1\th1\nhttp://a.example.cn/2\th2\n";
  ::qingxi::testing::WriteFile(corpus, text);
  ASSERT_TRUE(
      store
          ->MarkWritten({{"http://a.example.cn/1#h1", "http://a.example.cn/1", "h1", corpus, 24},
                         {"http://a.example.cn/2#h2", "http://a.example.cn/2", "h2", corpus,
                          static_cast<int64_t>(text.size())}},
                        5)
          .ok());
  // Then a crash: two more lines appended but never marked, and a torn third.
  const std::string appended = "http://a.example.cn/3\th3\nhttp://a.example.cn/4\th4\n";
  ::qingxi::testing::WriteFile(corpus, text + appended + "http://a.example.cn/5\th");
  Result<int64_t> n = ReconcileCorpus(store.get(), corpus, ParseLine, 50);
  ASSERT_TRUE(n.ok()) << n.status().message();
  EXPECT_EQ(n.value(), 2);
  EXPECT_EQ(::qingxi::testing::ReadFile(corpus), text + appended);  // the torn line is gone
  EXPECT_TRUE(store->IsWritten("http://a.example.cn/3", "h3").value());
  EXPECT_TRUE(store->IsWritten("http://a.example.cn/4", "h4").value());
  EXPECT_FALSE(store->IsWritten("http://a.example.cn/5", "h").value());
  EXPECT_EQ(store->WrittenEnd(corpus).value(), static_cast<int64_t>((text + appended).size()));
  // Nothing left to do the second time; a missing corpus is nothing to do as well.
  EXPECT_EQ(ReconcileCorpus(store.get(), corpus, ParseLine, 60).value(), 0);
  EXPECT_EQ(ReconcileCorpus(store.get(), dir + "/absent.jsonl", ParseLine, 60).value(), 0);
  // A corpus replaced by a shorter new file is read from its start.
  ::qingxi::testing::WriteFile(corpus, "http://a.example.cn/1\th1\nhttp://a.example.cn/9\th9\n");
  EXPECT_EQ(ReconcileCorpus(store.get(), corpus, ParseLine, 70).value(), 1);
  EXPECT_TRUE(store->IsWritten("http://a.example.cn/9", "h9").value());
}

// The store object is dropped with 40 URLs in flight and the database opened again. On SQLite
// that is all a crashed process leaves behind (the file, with every committed transaction); on
// PostgreSQL it is a clean close, which hands the buckets back (a crashed crawler there keeps
// them until its lease runs out: see crawl_store_pg_test.cc).
TEST_P(CrawlStoreSuite, ResumeAfterReopenLosesNothing) {
  {
    auto store = Open();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->AddUrls(Urls(100), 0).ok());
    Result<std::vector<DueUrl>> c = store->ClaimDue(10, 60);
    ASSERT_TRUE(c.ok());
    std::vector<FetchReport> done;
    for (int i = 0; i < 20; ++i) done.push_back(Fetched((*c)[i].url, "h" + std::to_string(i)));
    ASSERT_TRUE(store->RecordResults(done, 10).ok());
  }
  auto store = Open();
  ASSERT_NE(store, nullptr);
  Result<CrawlStats> st = store->Stats(20);
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->urls, 100);
  EXPECT_EQ(st->by_status.at("fetched"), 20);
  EXPECT_EQ(st->by_status.at("queued"), 40);
  EXPECT_EQ(st->by_status.at("new"), 40);
  EXPECT_EQ(st->due, 40);  // the leased ones are not due yet
  Result<int64_t> released = store->ReleaseLeases(20);
  ASSERT_TRUE(released.ok()) << released.status().message();
  EXPECT_EQ(released.value(), 40);
  Result<std::vector<DueUrl>> rest = store->ClaimDue(20, 1000);
  ASSERT_TRUE(rest.ok());
  EXPECT_EQ(rest->size(), 80u);  // the 40 in flight first (earlier due), then the 40 new
  std::set<std::string> seen;
  for (const DueUrl& d : *rest) seen.insert(d.url);
  EXPECT_EQ(seen.size(), 80u);
}

TEST_P(CrawlStoreSuite, ConcurrentClaimsFromThreadsNeverOverlap) {
  ASSERT_TRUE(Open()->AddUrls(ManySites(600), 0).ok());
  const CrawlStoreBackend backend = GetParam();
  std::vector<std::string> a, b, c;
  std::thread ta([&] { a = ClaimAll(backend, uri_, 100); });
  std::thread tb([&] { b = ClaimAll(backend, uri_, 100); });
  c = ClaimAll(backend, uri_, 100);
  ta.join();
  tb.join();
  std::set<std::string> all;
  for (const auto* v : {&a, &b, &c}) {
    for (const std::string& u : *v) {
      ASSERT_EQ(u.substr(0, 5), "http:") << u;
      EXPECT_TRUE(all.insert(u).second) << "claimed twice: " << u;
    }
  }
  EXPECT_EQ(all.size(), 600u);
  EXPECT_EQ(Open()->Stats(100)->by_status.at("fetched"), 600);
}

TEST_P(CrawlStoreSuite, ConcurrentClaimsFromTwoProcesses) {
  const std::string dir = ::qingxi::testing::TempDir();
  ASSERT_TRUE(Open()->AddUrls(ManySites(400), 0).ok());
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    std::string out;
    for (const std::string& u : ClaimAll(GetParam(), uri_, 100)) out += u + "\n";
    ::qingxi::testing::WriteFile(dir + "/child.txt", out);
    _exit(0);
  }
  std::vector<std::string> mine = ClaimAll(GetParam(), uri_, 100);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  std::set<std::string> all(mine.begin(), mine.end());
  ASSERT_EQ(all.size(), mine.size());
  for (const std::string& u : ::qingxi::testing::ReadLines(dir + "/child.txt")) {
    if (u.empty()) continue;
    ASSERT_EQ(u.substr(0, 5), "http:") << u;
    EXPECT_TRUE(all.insert(u).second) << "claimed by both processes: " << u;
  }
  EXPECT_EQ(all.size(), 400u);
}

// Correctness at volume: 50,000 URLs added, claimed and recorded in batches. The rates are
// printed for the record; they are not a pass/fail criterion.
TEST_P(CrawlStoreSuite, LargeBatches) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  std::vector<NewUrl> urls;
  for (int i = 0; i < 50000; ++i)
    urls.push_back(
        {"http://site" + std::to_string(i % 500) + ".example.cn/p/" + std::to_string(i) + ".html",
         1, ""});
  auto start = std::chrono::steady_clock::now();
  Result<AddUrlsResult> added = store->AddUrls(urls, 0);
  ASSERT_TRUE(added.ok()) << added.status().message();
  EXPECT_EQ(added->added, 50000);
  const double add_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  int64_t total = 0;
  start = std::chrono::steady_clock::now();
  while (true) {
    Result<std::vector<DueUrl>> c = store->ClaimDue(10, 5000);
    ASSERT_TRUE(c.ok()) << c.status().message();
    if (c->empty()) break;
    std::vector<FetchReport> reports;
    for (const DueUrl& d : *c)
      reports.push_back(Fetched(d.url, "0123456789abcdef", false, "\"e\""));
    Result<std::vector<RecordDecision>> r = store->RecordResults(reports, 10);
    ASSERT_TRUE(r.ok()) << r.status().message();
    total += static_cast<int64_t>(r->size());
  }
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(total, 50000);
  EXPECT_EQ(store->Stats(10)->by_status.at("fetched"), 50000);
  std::cout << "[ info ] " << GetParam().name << ": added 50000 URLs in " << add_s
            << " s; claimed and recorded " << total << " in " << secs << " s ("
            << static_cast<int64_t>(total / std::max(secs, 1e-9)) << " URL updates/s)\n";
}

}  // namespace qingxi::fetch

#endif  // QINGXI_TESTS_CRAWL_STORE_SUITE_H_
