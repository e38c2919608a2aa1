// fetch/crawl_schema.h — the versions of the crawl database and the steps between them, shared
// by every CrawlStore back-end (SQLite, PostgreSQL) so that they stay one schema.
//
// Owns: kCrawlSchemaVersion and the migrations. A back-end creates a new database with its
// version-1 tables and then applies every migration in order, and upgrades an existing one by
// applying the migrations after its stored version — in the transaction that read the version,
// so a database is never left half-upgraded and a new database is exactly a migrated old one.
// The statements are plain SQL that SQLite and PostgreSQL both accept. Constant data only.
#ifndef QINGXI_FETCH_CRAWL_SCHEMA_H_
#define QINGXI_FETCH_CRAWL_SCHEMA_H_

#include <initializer_list>

namespace qingxi::fetch {

// The schema version this build writes; databases with a higher version are refused.
//   1  urls, outputs, corpora (and on PostgreSQL hosts, buckets, crawlers)
//   2  per URL: why the last fetch failed (error_kind, last_error, fix_option, fix_value) and
//      the scope its links were followed under (links_scope)
inline constexpr int kCrawlSchemaVersion = 2;

struct CrawlMigration {
  int to_version;
  std::initializer_list<const char*> statements;
};

inline constexpr CrawlMigration kCrawlMigrations[] = {
    {2,
     {
         "ALTER TABLE urls ADD COLUMN error_kind TEXT NOT NULL DEFAULT ''",
         "ALTER TABLE urls ADD COLUMN last_error TEXT NOT NULL DEFAULT ''",
         "ALTER TABLE urls ADD COLUMN fix_option TEXT NOT NULL DEFAULT ''",
         "ALTER TABLE urls ADD COLUMN fix_value TEXT NOT NULL DEFAULT ''",
         "ALTER TABLE urls ADD COLUMN links_scope TEXT NOT NULL DEFAULT ''",
         "CREATE INDEX urls_fix ON urls(fix_option) WHERE fix_option <> ''",
         // What version 1 knew of its failures, from the status alone.
         "UPDATE urls SET error_kind = 'address_refused', fix_option = 'allow-private', "
         "fix_value = 'no', last_error = 'a loopback, private or link-local address, refused "
         "by default — add --allow-private to fetch from it' WHERE status = 'refused'",
         "UPDATE urls SET error_kind = 'robots_disallowed', fix_option = 'robots', "
         "fix_value = 'on', last_error = 'robots.txt disallows it' WHERE status = 'disallowed'",
         "UPDATE urls SET error_kind = 'unrecorded', last_error = 'failed before the database "
         "recorded causes (schema 1)' WHERE status IN ('error', 'gone')",
         // A page other URLs were found on had its links followed, under a scope not recorded
         // ("*": a later --follow does not fetch it again for its links).
         "UPDATE urls SET links_scope = '*' WHERE status IN ('fetched', 'not_modified') AND "
         "url IN (SELECT discovered_from FROM urls WHERE discovered_from <> '')",
     }},
};

}  // namespace qingxi::fetch

#endif  // QINGXI_FETCH_CRAWL_SCHEMA_H_
