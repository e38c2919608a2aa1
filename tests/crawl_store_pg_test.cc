// Tests for the PostgreSQL CrawlStore (fetch/crawl_store_pg.h) against a real PostgreSQL 15
// on loopback: the behaviour every back-end shares (the suite of crawl_store_suite.h: schema
// versioning, URL adding, due claims with leases, the adaptive re-crawl interval, full fetches
// every Nth re-crawl, error backoff, exactly-once marks and corpus reconciliation, resume,
// concurrent claims from threads and processes, large batches), and what is PostgreSQL's own:
// the bucket and host tables, crawlers creating the schema at once, an unreachable server,
// repeats in one batch of results, and what only a shared frontier has: a crashed crawler's
// leases are not released early, one site is served by one crawler at a time, buckets are
// shared fairly and handed over after a rest. Skipped, saying why, when the PostgreSQL server
// binaries are not installed.
#include "crawl_store_pg.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "crawl_store_suite.h"
#include "pg_test_server.h"
#include "qingxi/fetch/crawl_store.h"
#include "test_util.h"

namespace qingxi::fetch {
namespace {

using ::qingxi::testing::PgTestServer;

// A fresh database per test on the server shared by this binary, opened through
// OpenPostgresCrawlStore. As QINGXI_PG_DATABASE: skipped, saying why, when the server binaries
// are not installed; failed when the server does not start.
CrawlStoreBackend Postgres() {
  return {
      "postgresql",
      [](std::string* skip, std::string* error) -> std::string {
        *skip = PgTestServer::Unavailable();
        if (!skip->empty()) return "";
        PgTestServer* server = PgTestServer::Shared(error);
        if (server == nullptr) return "";
        std::string uri = server->NewDatabase();
        if (uri.empty()) *error = "CREATE DATABASE failed";
        return uri;
      },
      OpenPostgresCrawlStore,
      [](const std::string& uri, const std::string& sql) { return PgTestServer::Query(uri, sql); }};
}

INSTANTIATE_TEST_SUITE_P(Postgres, CrawlStoreSuite, ::testing::Values(Postgres()), BackendName);

std::unique_ptr<CrawlStore> OpenOrDie(const std::string& uri, const CrawlPolicy& p = {}) {
  return ::qingxi::fetch::OpenOrDie(Postgres(), uri, p);
}

TEST(PgCrawlStore, BucketsAndHostsBesideTheSchemaVersion) {
  QINGXI_PG_DATABASE(uri);
  ASSERT_NE(OpenOrDie(uri), nullptr);
  EXPECT_EQ(PgTestServer::Query(uri, "SELECT value FROM meta WHERE key='buckets'"), "4096");
  {
    auto store = OpenOrDie(uri);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->AddUrls(Urls(3), 100).ok());
  }
  EXPECT_EQ(PgTestServer::Query(uri, "SELECT count(*) FROM hosts WHERE site_key='example.cn'"),
            "1");
}

TEST(PgCrawlStore, ManyCrawlersCreateTheSchemaAtOnce) {
  QINGXI_PG_DATABASE(uri);
  std::vector<std::thread> threads;
  std::vector<std::string> errors(4);
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      Result<std::unique_ptr<CrawlStore>> s = OpenPostgresCrawlStore(uri, {});
      if (!s.ok()) errors[i] = s.status().message();
    });
  }
  for (auto& t : threads) t.join();
  for (const std::string& e : errors) EXPECT_EQ(e, "");
  EXPECT_EQ(PgTestServer::Query(uri, "SELECT count(*) FROM meta"), "2");
}

TEST(PgCrawlStore, UnreachableServerAndBadPolicy) {
  // A port nobody listens on: Unavailable (a crawler may retry), and no password in messages.
  Result<std::unique_ptr<CrawlStore>> s = OpenPostgresCrawlStore(
      "postgresql://crawler:s3cret@127.0.0.1:1/qingxi?connect_timeout=2", {});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kUnavailable);
  EXPECT_EQ(s.status().message().find("s3cret"), std::string::npos) << s.status().message();
  CrawlPolicy bad;
  bad.min_interval = 1000;
  bad.max_interval = 10;
  EXPECT_EQ(OpenPostgresCrawlStore("postgresql://127.0.0.1:1/x", bad).status().code(),
            Status::Code::kInvalidArgument);
}

TEST(PgCrawlStore, RecordResultsAppliesRepeatsInOrder) {
  QINGXI_PG_DATABASE(uri);
  CrawlPolicy p;
  p.initial_interval = 1000;
  p.min_interval = 100;
  auto store = OpenOrDie(uri, p);
  ASSERT_NE(store, nullptr);
  const std::string a = "http://www.example.cn/a", b = "http://www.example.cn/b";
  ASSERT_TRUE(store->AddUrls({{a, 0, ""}, {b, 0, ""}}, 0).ok());
  Result<std::vector<RecordDecision>> r =
      store->RecordResults({Fetched(a, "h1"), Fetched(b, "x"), Fetched(a, "h2")}, 50);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].interval, 1000);
  EXPECT_EQ((*r)[2].interval, 500);  // the second report of `a` saw the first
  EXPECT_EQ(store->Get(a)->content_hash, "h2");
  EXPECT_EQ(store->Get(a)->fetch_count, 2);
  EXPECT_EQ(store->Get(b)->fetch_count, 1);
}

// A crawler process dies (no clean close): a crawler starting next to it must not release its
// live leases, and takes its URLs once the lease has run out.
TEST(PgCrawlStore, ACrashedCrawlersLeasesAreReleasedOnlyWhenExpired) {
  QINGXI_PG_DATABASE(uri);
  CrawlPolicy p;
  p.lease = 600;
  ASSERT_TRUE(OpenOrDie(uri, p)->AddUrls(Urls(30), 0).ok());
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    Result<std::unique_ptr<CrawlStore>> s = OpenPostgresCrawlStore(uri, p);
    bool ok = s.ok() && s.value()->ClaimDue(100, 10).ok() && s.value()->ClaimDue(100, 0).ok();
    _exit(ok ? 0 : 1);  // no destructor: as a kill -9
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  auto store = OpenOrDie(uri, p);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->ReleaseLeases(200).value(), 0);   // the dead crawler's lease runs to 700
  EXPECT_EQ(store->ClaimDue(200, 100)->size(), 0u);  // its bucket is not ours to take yet
  EXPECT_EQ(store->Stats(200)->by_status.at("queued"), 10);
  // At 700 both its bucket lease and its URL leases have run out: the URLs are due again
  // (nothing left to release) and the bucket is free.
  EXPECT_EQ(store->ReleaseLeases(700).value(), 0);
  Result<std::vector<DueUrl>> c = store->ClaimDue(700, 100);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->size(), 30u);
  EXPECT_EQ(std::count_if(c->begin(), c->end(),
                          [](const DueUrl& d) { return d.previous == UrlStatus::kQueued; }),
            10);
}

// Sites spread over buckets; three crawlers claiming side by side never hold one site at the
// same time, each gets a fair part, and a site released by one rests before another takes it.
TEST(PgCrawlStore, OneSiteOneCrawlerFairShareAndHandOver) {
  QINGXI_PG_DATABASE(uri);
  CrawlPolicy p;
  p.lease = 60;
  std::vector<NewUrl> urls;
  for (int s = 0; s < 12; ++s)
    for (int i = 0; i < 5; ++i)
      urls.push_back({"http://site" + std::to_string(s) + ".example" + std::to_string(s) + ".cn/" +
                          std::to_string(i),
                      0, ""});
  ASSERT_TRUE(OpenOrDie(uri, p)->AddUrls(urls, 0).ok());
  std::vector<std::unique_ptr<CrawlStore>> crawlers;
  for (int i = 0; i < 3; ++i) crawlers.push_back(OpenOrDie(uri, p));
  std::map<std::string, std::set<int>> holders;  // site -> crawlers that got its URLs
  std::vector<int> got(3, 0);
  // The first to start takes every site (it sees no other crawler), then gives back what is
  // beyond its share once the others have shown up.
  for (int round = 0, claimed = 1; round < 30 && claimed > 0; ++round) {
    claimed = 0;
    for (int i = 0; i < 3; ++i) {
      Result<std::vector<DueUrl>> c = crawlers[i]->ClaimDue(100, 4);
      ASSERT_TRUE(c.ok()) << c.status().message();
      for (const DueUrl& d : *c) {
        holders[d.site_key].insert(i);
        ++got[i];
        ++claimed;
      }
    }
  }
  int total = 0;
  for (int i = 0; i < 3; ++i) {
    EXPECT_GT(got[i], 0) << "crawler " << i << " got no work";
    total += got[i];
  }
  EXPECT_EQ(total, 60);
  for (const auto& [site, who] : holders) EXPECT_EQ(who.size(), 1u) << site;
  // Crawler 0 records its URLs: its buckets fall idle and are handed back at its next claim,
  // but rest two seconds before another crawler may take them.
  std::vector<std::string> zero_sites;
  for (const auto& [site, who] : holders)
    if (who.count(0)) zero_sites.push_back(site);
  ASSERT_FALSE(zero_sites.empty());
  std::vector<FetchReport> reports;
  for (const NewUrl& u : urls) {
    Result<UrlState> st = crawlers[0]->Get(u.url);
    ASSERT_TRUE(st.ok());
    if (std::find(zero_sites.begin(), zero_sites.end(), st->site_key) != zero_sites.end())
      reports.push_back(Fetched(st->url, "h"));
  }
  ASSERT_TRUE(crawlers[0]->RecordResults(reports, 100).ok());
  // New work on one of crawler 0's sites, due at once.
  const std::string again = "http://new." + zero_sites[0] + "/page";
  ASSERT_TRUE(crawlers[1]->AddUrls({{again, 0, ""}}, 100).ok());
  ASSERT_EQ(crawlers[1]->Get(again)->site_key, zero_sites[0]);
  // Crawler 0 is over its share of active buckets once its others idle... it still holds the
  // bucket with new work, so nobody else gets it.
  EXPECT_EQ(crawlers[1]->ClaimDue(100, 10)->size(), 0u);
  EXPECT_EQ(crawlers[2]->ClaimDue(100, 10)->size(), 0u);
  // Crawler 0 closes: the bucket rests until 100 + 2.
  crawlers[0].reset();
  EXPECT_EQ(crawlers[1]->ClaimDue(101, 10)->size(), 0u);
  Result<std::vector<DueUrl>> later = crawlers[1]->ClaimDue(102, 10);
  ASSERT_TRUE(later.ok());
  ASSERT_EQ(later->size(), 1u);
  EXPECT_EQ((*later)[0].url, again);
}

}  // namespace
}  // namespace qingxi::fetch
