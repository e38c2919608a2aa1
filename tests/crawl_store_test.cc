// Tests for qingxi/fetch/crawl_store.h on SQLite: the behaviour every back-end shares (the
// suite of crawl_store_suite.h: schema versioning, URL adding, due claims with leases, the
// adaptive re-crawl interval, full fetches every Nth re-crawl, error backoff, exactly-once
// output, resume, concurrent claims from threads and from processes, large batches), and what
// is SQLite's own: the WAL journal, and CrawlStore::Open choosing the implementation by URI
// (paths, sqlite://, :memory:, postgresql://).
#include "qingxi/fetch/crawl_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

#include "crawl_store_suite.h"
#include "test_util.h"

namespace qingxi::fetch {
namespace {

using ::qingxi::testing::TempDir;

std::string QueryOne(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  sqlite3_stmt* st = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != nullptr)
    out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

// A database file of its own per test, opened through CrawlStore::Open.
CrawlStoreBackend Sqlite() {
  return {"sqlite", [](std::string*, std::string*) { return TempDir() + "/crawl.db"; },
          [](const std::string& uri, const CrawlPolicy& p) { return CrawlStore::Open(uri, p); },
          QueryOne};
}

INSTANTIATE_TEST_SUITE_P(Sqlite, CrawlStoreSuite, ::testing::Values(Sqlite()), BackendName);

std::unique_ptr<CrawlStore> OpenOrDie(const std::string& uri, const CrawlPolicy& p = {}) {
  return ::qingxi::fetch::OpenOrDie(Sqlite(), uri, p);
}

TEST(CrawlStore, WalJournalAndTheSqliteUriOpenTheSameFile) {
  const std::string path = TempDir() + "/crawl.sqlite";
  ASSERT_NE(OpenOrDie(path), nullptr);
  EXPECT_EQ(QueryOne(path, "PRAGMA journal_mode"), "wal");
  {
    auto store = OpenOrDie("sqlite://" + path);  // the same file, its data and its version
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->schema_version(), 2);
    ASSERT_TRUE(store->AddUrls(Urls(3), 100).ok());
  }
  EXPECT_EQ(QueryOne(path, "SELECT COUNT(*) FROM urls"), "3");
}

TEST(CrawlStore, OpenChoosesTheImplementationByUri) {
  EXPECT_NE(OpenOrDie(":memory:"), nullptr);
  EXPECT_NE(OpenOrDie("sqlite://" + TempDir() + "/x.db"), nullptr);
  Result<std::unique_ptr<CrawlStore>> pg = CrawlStore::Open(
      "postgresql:///qingxi?host=/nonexistent-qingxi-socket-dir&connect_timeout=2");
  ASSERT_FALSE(pg.ok());
  EXPECT_NE(pg.status().message().find("postgresql"), std::string::npos);
  EXPECT_FALSE(CrawlStore::Open("").ok());
  CrawlPolicy bad;
  bad.min_interval = 1000;
  bad.max_interval = 10;
  EXPECT_FALSE(CrawlStore::Open(":memory:", bad).ok());
  EXPECT_FALSE(CrawlStore::Open(TempDir() + "/no/such/dir/crawl.db").ok());
}

}  // namespace
}  // namespace qingxi::fetch
