// CrawlStore on PostgreSQL (libpq), for a crawl frontier shared by crawlers on many machines.
//
// Why the design is what it is:
// * Politeness across machines. Every site key hashes to one of a fixed number of buckets
//   (FNV-1a, stored in meta so every crawler agrees), and a crawler claims URLs only from
//   buckets it holds a lease on. A bucket is taken with SELECT ... FOR UPDATE SKIP LOCKED
//   (PostgreSQL docs, "The Locking Clause"): concurrent crawlers skip each other's candidates
//   instead of queueing behind them, and the re-check of the WHERE clause on the locked row
//   version (READ COMMITTED, docs section 13.2.1) makes sure a bucket just taken by another
//   crawler is not taken twice. So all requests to one site come from one crawler at a time,
//   and its per-host delay holds across the whole fleet.
// * Hand-over. A crawler gives a bucket back only when none of its URLs are in flight, and the
//   bucket then rests kHandoverGap seconds before anyone else may take it, so the last request
//   of the old owner and the first of the new one are at least a second apart (times are whole
//   seconds). A crawler that dies simply stops renewing: its buckets are free when the lease
//   runs out, and the URLs it had in flight come due again (their own lease ran out too).
// * Fair share. Crawlers register in `crawlers` on every claim; each holds at most
//   ceil(active buckets / live crawlers) buckets, and one holding more drains the excess (no
//   new claims there, released once idle), so a crawler that joins late gets work.
// * Round trips. Every batch (AddUrls, RecordResults, MarkWritten) is one transaction of a few
//   statements over arrays (unnest), whatever its size; statements are prepared once per
//   connection. Lock order is made deterministic (rows sorted by key) and a transaction that
//   still loses a deadlock or serialisation check (SQLSTATE 40P01, 40001) is retried.
#include "crawl_store_pg.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "crawl_schedule.h"
#include "crawl_schema.h"  // both stores write the same versions
#include "qingxi/fetch/url.h"
#include "qingxi/hash.h"

namespace qingxi::fetch {
namespace {

// Buckets of a new database. Enough that a fleet of crawlers always finds free buckets, few
// enough that scanning them per claim is cheap (an index probe each).
constexpr int kDefaultBuckets = 4096;
// Seconds a released bucket rests before another crawler may take it (see above).
constexpr int64_t kHandoverGap = 2;
// Attempts of one transaction that lost a deadlock or a serialisation check.
constexpr int kTxnAttempts = 5;
// Any fixed number: the advisory lock that serialises schema creation.
constexpr int64_t kSchemaLockKey = 0x71696e67786931;  // "qingxi1"

// Version 1, as the SQLite store (crawl_store_sqlite.cc), with BIGINT times and the lease
// tables; a new database starts from it before the migrations of crawl_schema.h. `bucket` is denormalised into urls so that claims need no join.
constexpr const char* kSchema = R"sql(
CREATE TABLE urls(
  id BIGSERIAL PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  site_key TEXT NOT NULL,
  bucket INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'new',
  http_status INTEGER NOT NULL DEFAULT 0,
  etag TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL DEFAULT '',
  content_hash TEXT NOT NULL DEFAULT '',
  body_hash TEXT NOT NULL DEFAULT '',
  first_fetch BIGINT NOT NULL DEFAULT 0,
  last_fetch BIGINT NOT NULL DEFAULT 0,
  last_change BIGINT NOT NULL DEFAULT 0,
  next_due BIGINT NOT NULL,
  change_interval BIGINT NOT NULL,
  failures INTEGER NOT NULL DEFAULT 0,
  fetch_count BIGINT NOT NULL DEFAULT 0,
  since_full INTEGER NOT NULL DEFAULT 0,
  depth INTEGER NOT NULL DEFAULT 0,
  discovered_from TEXT NOT NULL DEFAULT '',
  added_at BIGINT NOT NULL
);
CREATE INDEX urls_due ON urls(next_due, id);
CREATE INDEX urls_site ON urls(site_key);
CREATE INDEX urls_bucket_due ON urls(bucket, next_due, id);
CREATE INDEX urls_queued ON urls(bucket) WHERE status = 'queued';
CREATE TABLE outputs(
  doc_id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  written_at BIGINT NOT NULL,
  corpus TEXT NOT NULL DEFAULT '',
  corpus_offset BIGINT NOT NULL DEFAULT -1
);
CREATE UNIQUE INDEX outputs_url_hash ON outputs(url, content_hash);
CREATE TABLE corpora(
  corpus TEXT PRIMARY KEY,
  end_offset BIGINT NOT NULL
);
CREATE TABLE hosts(
  site_key TEXT PRIMARY KEY,
  bucket INTEGER NOT NULL
);
CREATE TABLE buckets(
  bucket INTEGER PRIMARY KEY,
  owner TEXT NOT NULL DEFAULT '',
  lease_until BIGINT NOT NULL DEFAULT 0,
  claimed BOOLEAN NOT NULL DEFAULT false  -- the owner has claimed URLs from it
);
CREATE TABLE crawlers(
  owner TEXT PRIMARY KEY,
  alive_until BIGINT NOT NULL
);
)sql";

// Prepared statements: name, SQL. Parameters are sent as text; arrays as array literals.
struct StatementDef {
  const char* name;
  const char* sql;
};
constexpr StatementDef kStatements[] = {
    {"add_hosts",
     "INSERT INTO hosts(site_key, bucket) SELECT * FROM unnest($1::text[], $2::int[]) "
     "ON CONFLICT DO NOTHING"},
    {"add_buckets",
     "INSERT INTO buckets(bucket) SELECT * FROM unnest($1::int[]) ON CONFLICT DO NOTHING"},
    {"add_urls",
     "INSERT INTO urls(url, site_key, bucket, status, next_due, change_interval, depth, "
     "discovered_from, added_at) "
     "SELECT v.u, v.s, v.b, 'new', $6, $7, v.d, v.f, $6 "
     "FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::text[]) AS v(u, s, b, d, f) "
     "ON CONFLICT (url) DO UPDATE SET depth = EXCLUDED.depth WHERE urls.depth > EXCLUDED.depth "
     "RETURNING (xmax = 0)"},
    {"register",
     "INSERT INTO crawlers(owner, alive_until) VALUES($1, $2) "
     "ON CONFLICT (owner) DO UPDATE SET alive_until = EXCLUDED.alive_until"},
    // Renews every bucket this crawler holds (even one whose lease ran out: if it still names
    // us, nobody took it) and says which have due URLs and which have URLs in flight.
    {"renew",
     "UPDATE buckets b SET lease_until = $2 WHERE b.owner = $1 RETURNING b.bucket, "
     "EXISTS (SELECT 1 FROM urls u WHERE u.bucket = b.bucket AND u.next_due <= $3), "
     "EXISTS (SELECT 1 FROM urls u WHERE u.bucket = b.bucket AND u.status = 'queued' "
     "AND u.next_due > $3)"},
    {"share",
     "SELECT (SELECT count(*) FROM crawlers WHERE alive_until > $1), "
     "(SELECT count(*) FROM buckets b WHERE "
     "EXISTS (SELECT 1 FROM urls u WHERE u.bucket = b.bucket AND u.next_due <= $1) OR "
     "EXISTS (SELECT 1 FROM urls u WHERE u.bucket = b.bucket AND u.status = 'queued'))"},
    // A bucket its owner never claimed from is free at once; otherwise it rests.
    {"release",
     "UPDATE buckets b SET owner = '', lease_until = CASE WHEN b.claimed THEN $3::bigint ELSE "
     "$4::bigint END "
     "WHERE b.owner = $1 AND b.bucket = ANY($2::int[]) AND NOT EXISTS (SELECT 1 FROM urls u "
     "WHERE u.bucket = b.bucket AND u.status = 'queued' AND u.next_due > $4) "
     "RETURNING b.bucket"},
    {"acquire",
     "WITH c AS (SELECT b.bucket FROM buckets b WHERE b.lease_until <= $1 "
     "AND EXISTS (SELECT 1 FROM urls u WHERE u.bucket = b.bucket AND u.next_due <= $1) "
     "ORDER BY (SELECT min(u.next_due) FROM urls u WHERE u.bucket = b.bucket), b.bucket "
     "LIMIT $3 FOR UPDATE OF b SKIP LOCKED) "
     "UPDATE buckets SET owner = $2, lease_until = $4, claimed = false FROM c "
     "WHERE buckets.bucket = c.bucket "
     "RETURNING buckets.bucket"},
    {"claim",
     "WITH c AS (SELECT id, url, site_key, depth, status, etag, last_modified, content_hash, "
     "fetch_count, since_full, next_due, bucket, links_scope FROM urls WHERE bucket = ANY($1::int[]) "
     "AND next_due <= $2 ORDER BY next_due, id LIMIT $3 FOR UPDATE SKIP LOCKED), "
     "upd AS (UPDATE urls SET status = 'queued', next_due = $4 FROM c WHERE urls.id = c.id), "
     "used AS (UPDATE buckets SET claimed = true WHERE bucket IN (SELECT bucket FROM c) "
     "AND NOT claimed) "
     "SELECT id, url, site_key, depth, status, etag, last_modified, content_hash, fetch_count, "
     "since_full, links_scope FROM c ORDER BY next_due, id"},
    // In-flight URLs whose bucket has no live lease of another crawler come due at once.
    {"release_urls",
     "UPDATE urls u SET next_due = $1 FROM buckets b WHERE u.status = 'queued' "
     "AND u.next_due > $1 AND b.bucket = u.bucket "
     "AND (b.owner = '' OR b.owner = $2 OR b.lease_until <= $1)"},
    {"clear_expired", "UPDATE buckets SET owner = '' WHERE owner <> '' AND lease_until <= $1"},
    {"forget_crawlers", "DELETE FROM crawlers WHERE alive_until <= $1"},
    {"load",
     "SELECT id, url, content_hash, etag, last_modified, change_interval, failures, "
     "fetch_count, since_full, first_fetch, last_change, body_hash, last_fetch, links_scope "
     "FROM urls WHERE url = ANY($1::text[]) ORDER BY id FOR UPDATE"},
    {"update",
     "UPDATE urls SET status = v.st, http_status = v.hs, etag = v.et, last_modified = v.lm, "
     "content_hash = v.ch, body_hash = v.bh, first_fetch = v.ff, last_fetch = v.lf, "
     "last_change = v.lc, next_due = v.nd, change_interval = v.iv, failures = v.fa, "
     "fetch_count = v.fc, since_full = v.sf, error_kind = v.ek, last_error = v.le, "
     "fix_option = v.fo, fix_value = v.fv, links_scope = v.ls "
     "FROM unnest($1::bigint[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], "
     "$7::text[], $8::bigint[], $9::bigint[], $10::bigint[], $11::bigint[], $12::bigint[], "
     "$13::int[], $14::bigint[], $15::int[], $16::text[], $17::text[], $18::text[], "
     "$19::text[], $20::text[]) "
     "AS v(id, st, hs, et, lm, ch, bh, ff, lf, lc, nd, iv, fa, fc, sf, ek, le, fo, fv, ls) "
     "WHERE urls.id = v.id"},
    {"mark",
     "INSERT INTO outputs(doc_id, url, content_hash, written_at, corpus, corpus_offset) "
     "SELECT v.d, v.u, v.h, $4, v.c, v.o FROM unnest($1::text[], $2::text[], $3::text[], "
     "$5::text[], $6::bigint[]) AS v(d, u, h, c, o) ON CONFLICT DO NOTHING"},
    {"corpus_end",
     "INSERT INTO corpora(corpus, end_offset) SELECT * FROM unnest($1::text[], $2::bigint[]) "
     "ON CONFLICT (corpus) DO UPDATE SET end_offset = EXCLUDED.end_offset"},
    {"is_written", "SELECT 1 FROM outputs WHERE url = $1 AND content_hash = $2"},
    {"written_end", "SELECT end_offset FROM corpora WHERE corpus = $1"},
    {"stats_status", "SELECT status, count(*) FROM urls GROUP BY status"},
    {"frontier",
     "SELECT (SELECT count(*) FROM (SELECT 1 FROM urls WHERE status = 'queued' LIMIT $2) q), "
     "(SELECT count(*) FROM (SELECT 1 FROM urls WHERE next_due <= $1 LIMIT $2) d), "
     "(SELECT coalesce(sum(end_offset), 0) FROM corpora)"},
    {"stats_due",
     "SELECT (SELECT count(*) FROM urls WHERE next_due <= $1), (SELECT count(*) FROM outputs), "
     "(SELECT COALESCE(min(next_due), 0) FROM urls WHERE next_due > $1)"},
    {"requeue_changed",
     "UPDATE urls SET next_due = $1 WHERE fix_option = $2 AND fix_value <> $3 "
     "AND status <> 'queued' AND next_due > $1"},
    {"requeue_links",
     "UPDATE urls SET next_due = $1 WHERE status IN ('fetched', 'not_modified') "
     "AND depth < $2 AND links_scope <> $3 AND links_scope <> '*' AND next_due > $1"},
    {"make_due_all", "UPDATE urls SET next_due = $1 WHERE status <> 'queued' AND next_due > $1"},
    {"make_due_substring",
     "UPDATE urls SET next_due = $1 WHERE status <> 'queued' AND next_due > $1 "
     "AND strpos(url, $2) > 0"},
    {"make_due_regex",
     "UPDATE urls SET next_due = $1 WHERE status <> 'queued' AND next_due > $1 AND url ~ $2"},
    {"report_next",
     "SELECT url, next_due FROM urls WHERE next_due > $1 ORDER BY next_due, id LIMIT $2"},
    {"report_hours",
     "SELECT (next_due - $1::bigint) / 3600, count(*) FROM urls WHERE next_due > $1 "
     "GROUP BY 1 ORDER BY 1"},
    {"report_sites",
     "SELECT site_key, count(*), count(*) FILTER (WHERE error_kind <> '') FROM urls "
     "GROUP BY site_key ORDER BY 2 DESC, site_key COLLATE \"C\" LIMIT $1"},
    {"report_failing",
     "SELECT site_key, count(*), count(*) FILTER (WHERE error_kind <> '') FROM urls "
     "GROUP BY site_key HAVING count(*) FILTER (WHERE error_kind <> '') > 0 "
     "ORDER BY 3 DESC, site_key COLLATE \"C\" LIMIT $1"},
    {"report_kinds",
     "SELECT k.error_kind, k.n, k.example, u.last_error FROM (SELECT error_kind, count(*) AS n, "
     "min(url COLLATE \"C\") AS example FROM urls WHERE error_kind <> '' GROUP BY error_kind) k "
     "JOIN urls u ON u.url = k.example ORDER BY k.n DESC, k.error_kind COLLATE \"C\""},
    {"get",
     "SELECT url, site_key, status, http_status, etag, last_modified, content_hash, "
     "body_hash, first_fetch, last_fetch, last_change, next_due, change_interval, failures, "
     "since_full, fetch_count, depth, discovered_from, error_kind, last_error, fix_option, "
     "fix_value, links_scope FROM urls WHERE url = $1"},
    {"close",
     "UPDATE buckets SET owner = '', "
     "lease_until = LEAST(lease_until, CASE WHEN claimed THEN $2::bigint ELSE $3::bigint END) "
     "WHERE owner = $1"},
    {"unregister", "DELETE FROM crawlers WHERE owner = $1"},
};

// FNV-1a, 64 bits: the bucket of a site key. Fixed here (not PostgreSQL's hashtext, whose
// values are not promised across versions) so that the mapping never changes.
int BucketOf(std::string_view site_key, int buckets) {
  return static_cast<int>(Fnv1a64(site_key) % static_cast<uint64_t>(buckets));
}

// Array literals (PostgreSQL docs 8.15.6): every element double-quoted, with " and \ escaped.
void AppendElement(std::string* out, std::string_view s) {
  out->push_back('"');
  for (char c : s) {
    if (c == '"' || c == '\\') out->push_back('\\');
    out->push_back(c);
  }
  out->push_back('"');
}
template <typename Container>
std::string TextArray(const Container& v) {
  std::string out = "{";
  bool first = true;
  for (const auto& s : v) {
    if (!first) out.push_back(',');
    first = false;
    AppendElement(&out, s);
  }
  out.push_back('}');
  return out;
}
template <typename Container>
std::string IntArray(const Container& v) {
  std::string out = "{";
  bool first = true;
  for (const auto& i : v) {
    if (!first) out.push_back(',');
    first = false;
    out += std::to_string(i);
  }
  out.push_back('}');
  return out;
}

// Owns a PGresult.
class PgResult {
 public:
  PgResult() = default;
  explicit PgResult(PGresult* r) : r_(r) {}
  ~PgResult() { PQclear(r_); }
  PgResult(PgResult&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
  PgResult& operator=(PgResult&& o) noexcept {
    std::swap(r_, o.r_);
    return *this;
  }
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;
  PGresult* get() const { return r_; }
  int rows() const { return PQntuples(r_); }
  std::string Text(int row, int col) const {
    return std::string(PQgetvalue(r_, row, col), static_cast<size_t>(PQgetlength(r_, row, col)));
  }
  int64_t Int(int row, int col) const {
    return std::strtoll(PQgetvalue(r_, row, col), nullptr, 10);
  }
  bool Bool(int row, int col) const { return PQgetvalue(r_, row, col)[0] == 't'; }
  int64_t Affected() const { return std::strtoll(PQcmdTuples(r_), nullptr, 10); }

 private:
  PGresult* r_ = nullptr;
};

UrlStatus StatusOf(const std::string& name) {
  UrlStatus s = UrlStatus::kNew;
  ParseUrlStatus(name, &s);
  return s;
}

std::string MakeOwnerName() {
  static std::atomic<int> counter{0};
  char host[256] = {0};
  if (gethostname(host, sizeof(host) - 1) != 0) std::strcpy(host, "unknown");
  return std::string(host) + ":" + std::to_string(getpid()) + ":" +
         std::to_string(counter.fetch_add(1));
}

void IgnoreNotice(void*, const char*) {}

// The URI without its password (user:secret@host -> user:***@host), for messages.
std::string Redacted(const std::string& uri) {
  const size_t scheme = uri.find("://");
  if (scheme == std::string::npos) return uri;
  const size_t at = uri.find('@', scheme + 3);
  if (at == std::string::npos) return uri;
  const size_t colon = uri.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return uri;
  return uri.substr(0, colon + 1) + "***" + uri.substr(at);
}

class PgCrawlStore : public CrawlStore {
 public:
  explicit PgCrawlStore(const CrawlPolicy& p) : policy_(p), owner_(MakeOwnerName()) {}
  ~PgCrawlStore() override {
    if (conn_ == nullptr) return;
    // A clean close hands the buckets back (after the hand-over gap, on the caller's clock)
    // so that other crawlers need not wait for the leases to run out.
    if (last_now_ > 0 && PQstatus(conn_) == CONNECTION_OK) {
      PgResult r1 = Run(
          "close", {owner_, std::to_string(last_now_ + kHandoverGap), std::to_string(last_now_)});
      PgResult r2 = Run("unregister", {owner_});
    }
    PQfinish(conn_);
  }

  Status Init(const std::string& uri);

  const CrawlPolicy& policy() const override { return policy_; }
  int schema_version() const override { return schema_version_; }
  Result<AddUrlsResult> AddUrls(const std::vector<NewUrl>& urls, int64_t now) override;
  Result<std::vector<DueUrl>> ClaimDue(int64_t now, int limit) override;
  Result<int64_t> ReleaseLeases(int64_t now) override;
  Result<int64_t> RequeueChanged(std::string_view fix_option, std::string_view value,
                                 int64_t now) override;
  Result<int64_t> RequeueForLinks(std::string_view scope, int max_depth, int64_t now) override;
  Result<int64_t> MakeDue(const UrlPattern& pattern, int64_t now) override;
  Result<CrawlReport> Report(int64_t now, int top) override;
  Result<RecordDecision> RecordResult(const FetchReport& report, int64_t now,
                                      const OutputMark* written) override;
  Result<std::vector<RecordDecision>> RecordResults(const std::vector<FetchReport>& reports,
                                                    int64_t now) override;
  Status MarkWritten(const std::vector<OutputMark>& marks, int64_t now) override;
  Result<bool> IsWritten(std::string_view url, std::string_view content_hash) override;
  Result<int64_t> WrittenEnd(std::string_view corpus) override;
  Result<CrawlStats> Stats(int64_t now) override;
  Result<FrontierState> Frontier(int64_t now) override;
  Result<UrlState> Get(std::string_view url) override;

 private:
  // Runs a prepared statement (text parameters); the result is checked by Check().
  PgResult Run(const char* name, const std::vector<std::string>& params) {
    std::vector<const char*> values;
    std::vector<int> lengths;
    values.reserve(params.size());
    lengths.reserve(params.size());
    for (const std::string& p : params) {
      values.push_back(p.c_str());
      lengths.push_back(static_cast<int>(p.size()));
    }
    return PgResult(PQexecPrepared(conn_, name, static_cast<int>(params.size()), values.data(),
                                   lengths.data(), nullptr, 0));
  }
  // OK when `r` is a successful command or query; otherwise the error, classified: lost
  // connections, lock timeouts, deadlocks and serialisation failures are Unavailable
  // (worth retrying), the rest IoError.
  Status Check(const PgResult& r, const char* what) {
    const ExecStatusType st = r.get() != nullptr ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return Status::Ok();
    const char* state =
        r.get() != nullptr ? PQresultErrorField(r.get(), PG_DIAG_SQLSTATE) : nullptr;
    last_sqlstate_ = state != nullptr ? state : "";
    std::string msg = r.get() != nullptr ? PQresultErrorMessage(r.get()) : PQerrorMessage(conn_);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    std::string m = std::string("crawl db: ") + what + ": " + msg;
    if (PQstatus(conn_) != CONNECTION_OK || last_sqlstate_ == "40001" ||
        last_sqlstate_ == "40P01" || last_sqlstate_ == "55P03" ||
        last_sqlstate_.rfind("08", 0) == 0 || last_sqlstate_.rfind("57P", 0) == 0)
      return Status::Unavailable(m);
    return Status::IoError(m);
  }
  Status Exec(const char* sql, const char* what) {
    return Check(PgResult(PQexec(conn_, sql)), what);
  }
  // Runs body() inside BEGIN ... COMMIT; rolls back on failure and retries a transaction
  // that lost a deadlock or serialisation check.
  template <typename Body>
  Status Transaction(Body body) {
    Status s;
    for (int attempt = 0; attempt < kTxnAttempts; ++attempt) {
      last_sqlstate_.clear();
      s = Exec("BEGIN", "begin");
      if (!s.ok()) return s;
      s = body();
      if (s.ok()) s = Exec("COMMIT", "commit");
      if (s.ok()) return s;
      PgResult rb(PQexec(conn_, "ROLLBACK"));
      if (last_sqlstate_ != "40P01" && last_sqlstate_ != "40001") return s;
      usleep(static_cast<useconds_t>(1000 * (attempt + 1) * (1 + getpid() % 7)));
    }
    return s;
  }
  Status MarkAll(const std::vector<OutputMark>& marks, int64_t now);
  Result<std::vector<RecordDecision>> RecordAll(const std::vector<FetchReport>& reports,
                                                int64_t now);

  CrawlPolicy policy_;
  std::string owner_;
  PGconn* conn_ = nullptr;
  int schema_version_ = 0;
  int buckets_ = kDefaultBuckets;
  int64_t last_now_ = 0;
  std::string last_sqlstate_;
  std::unordered_set<std::string> known_sites_;  // site keys already in hosts/buckets
};

Status PgCrawlStore::Init(const std::string& uri) {
  conn_ = PQconnectdb(uri.c_str());
  if (conn_ == nullptr) return Status::Unavailable("crawl db: out of memory connecting");
  if (PQstatus(conn_) != CONNECTION_OK) {
    std::string m = PQerrorMessage(conn_);
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
    return Status::Unavailable("crawl db: cannot connect to " + Redacted(uri) + ": " + m);
  }
  PQsetNoticeProcessor(conn_, IgnoreNotice, nullptr);
  // busy_timeout_ms is "how long to wait for another writer's lock": PostgreSQL's lock_timeout.
  const std::string settings = "SET lock_timeout = " + std::to_string(policy_.busy_timeout_ms) +
                               "; SET client_min_messages = warning";
  Status s = Exec(settings.c_str(), "session settings");
  if (!s.ok()) return s;

  std::string meta_buckets;
  s = Transaction([&]() -> Status {
    // Crawlers starting together on a fresh database would race to create the tables.
    Status t =
        Exec(("SELECT pg_advisory_xact_lock(" + std::to_string(kSchemaLockKey) + ")").c_str(),
             "schema lock");
    if (!t.ok()) return t;
    t = Exec("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
             "create meta");
    if (!t.ok()) return t;
    PgResult v(PQexec(conn_, "SELECT key, value FROM meta"));
    t = Check(v, "read meta");
    if (!t.ok()) return t;
    schema_version_ = 0;
    for (int i = 0; i < v.rows(); ++i) {
      if (v.Text(i, 0) == "schema_version") schema_version_ = std::atoi(v.Text(i, 1).c_str());
      if (v.Text(i, 0) == "buckets") meta_buckets = v.Text(i, 1);
    }
    if (schema_version_ == 0) {
      t = Exec(kSchema, "create schema");
      if (!t.ok()) return t;
      const std::string insert = "INSERT INTO meta(key, value) VALUES('schema_version', '1'), "
                                 "('buckets', '" + std::to_string(kDefaultBuckets) + "')";
      t = Exec(insert.c_str(), "write meta");
      if (!t.ok()) return t;
      schema_version_ = 1;
      meta_buckets = std::to_string(kDefaultBuckets);
    } else if (schema_version_ > kCrawlSchemaVersion) {
      return Status::InvalidArgument("crawl db: " + Redacted(uri) + " has schema version " +
                                     std::to_string(schema_version_) + "; this build knows up to " +
                                     std::to_string(kCrawlSchemaVersion));
    }
    // Upgrades in place, in this transaction (crawl_schema.h), under the schema lock.
    for (const CrawlMigration& m : kCrawlMigrations) {
      if (m.to_version <= schema_version_) continue;
      const std::string what = "upgrade to schema version " + std::to_string(m.to_version);
      for (const char* sql : m.statements) {
        t = Exec(sql, what.c_str());
        if (!t.ok()) return t;
      }
      const std::string version = "UPDATE meta SET value = '" + std::to_string(m.to_version) +
                                  "' WHERE key = 'schema_version'";
      t = Exec(version.c_str(), what.c_str());
      if (!t.ok()) return t;
      schema_version_ = m.to_version;
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  buckets_ = std::atoi(meta_buckets.c_str());
  if (buckets_ <= 0)
    return Status::IoError("crawl db: " + Redacted(uri) + ": bad bucket count in meta");

  for (const StatementDef& def : kStatements) {
    PgResult r(PQprepare(conn_, def.name, def.sql, 0, nullptr));
    s = Check(r, def.name);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Result<AddUrlsResult> PgCrawlStore::AddUrls(const std::vector<NewUrl>& urls, int64_t now) {
  AddUrlsResult out;
  const int64_t interval =
      std::clamp(policy_.initial_interval, policy_.min_interval, policy_.max_interval);
  // Normalise and fold duplicates within the batch here: one INSERT ... ON CONFLICT DO UPDATE
  // may not touch a row twice. The first sighting keeps its referrer, the shallowest depth wins
  // (as a sequence of single adds would do).
  struct Entry {
    std::string site_key;
    int bucket;
    int depth;
    std::string from;
  };
  std::map<std::string, Entry> batch;  // sorted by URL: a fixed lock order across crawlers
  for (const NewUrl& u : urls) {
    Result<Url> parsed = ParseUrl(u.url);
    if (!parsed.ok()) {
      ++out.invalid;
      continue;
    }
    auto it = batch.find(parsed->spec);
    if (it != batch.end()) {
      ++out.existing;
      it->second.depth = std::min(it->second.depth, u.depth);
      continue;
    }
    std::string site = SiteKeyOfHost(parsed->host);
    const int bucket = BucketOf(site, buckets_);
    batch.emplace(parsed->spec, Entry{std::move(site), bucket, u.depth, u.discovered_from});
  }
  if (batch.empty()) return out;
  std::map<std::string, int> new_sites;
  std::set<int> new_buckets;
  std::vector<std::string> spec, site, from;
  std::vector<int> bucket, depth;
  for (const auto& [url, e] : batch) {
    spec.push_back(url);
    site.push_back(e.site_key);
    bucket.push_back(e.bucket);
    depth.push_back(e.depth);
    from.push_back(e.from);
    if (known_sites_.count(e.site_key) == 0) {
      new_sites.emplace(e.site_key, e.bucket);
      new_buckets.insert(e.bucket);
    }
  }
  int64_t added = 0;
  Status s = Transaction([&]() -> Status {
    if (!new_sites.empty()) {
      std::vector<std::string> keys;
      std::vector<int> buckets;
      for (const auto& [k, b] : new_sites) {
        keys.push_back(k);
        buckets.push_back(b);
      }
      Status t = Check(Run("add_hosts", {TextArray(keys), IntArray(buckets)}), "add hosts");
      if (!t.ok()) return t;
      t = Check(Run("add_buckets", {IntArray(new_buckets)}), "add buckets");
      if (!t.ok()) return t;
    }
    PgResult r =
        Run("add_urls", {TextArray(spec), TextArray(site), IntArray(bucket), IntArray(depth),
                         TextArray(from), std::to_string(now), std::to_string(interval)});
    Status t = Check(r, "add urls");
    if (!t.ok()) return t;
    added = 0;
    for (int i = 0; i < r.rows(); ++i)
      if (r.Bool(i, 0)) ++added;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  for (const auto& [k, b] : new_sites) known_sites_.insert(k);
  out.added = added;
  out.existing += static_cast<int64_t>(batch.size()) - added;
  return out;
}

Result<std::vector<DueUrl>> PgCrawlStore::ClaimDue(int64_t now, int limit) {
  std::vector<DueUrl> out;
  if (limit <= 0) return out;
  last_now_ = std::max(last_now_, now);
  const std::string now_s = std::to_string(now);
  const std::string lease_end = std::to_string(now + policy_.lease);
  Status s = Transaction([&]() -> Status {
    out.clear();
    Status t = Check(Run("register", {owner_, lease_end}), "register crawler");
    if (!t.ok()) return t;
    PgResult mine = Run("renew", {owner_, lease_end, now_s});
    t = Check(mine, "renew leases");
    if (!t.ok()) return t;
    PgResult share_r = Run("share", {now_s});
    t = Check(share_r, "fair share");
    if (!t.ok()) return t;
    const int64_t live = std::max<int64_t>(1, share_r.Int(0, 0));
    const int64_t active = share_r.Int(0, 1);
    const int64_t share = std::max<int64_t>(1, (active + live - 1) / live);

    // Buckets held: keep the busy ones first, then those with due URLs; what goes beyond the
    // fair share drains (no new claims), and idle or drained buckets go back to the pool.
    struct Held {
      int bucket;
      bool due, busy;
    };
    std::vector<Held> held;
    for (int i = 0; i < mine.rows(); ++i)
      held.push_back({static_cast<int>(mine.Int(i, 0)), mine.Bool(i, 1), mine.Bool(i, 2)});
    std::sort(held.begin(), held.end(), [](const Held& a, const Held& b) {
      if (a.busy != b.busy) return a.busy;
      if (a.due != b.due) return a.due;
      return a.bucket < b.bucket;
    });
    std::vector<int> claimable, give_back;
    int64_t kept = 0;  // buckets held on, busy ones included (nothing to claim there)
    for (const Held& h : held) {
      if ((h.due || h.busy) && kept < share) {
        ++kept;
        if (h.due) claimable.push_back(h.bucket);
      } else {
        give_back.push_back(h.bucket);
      }
    }
    if (!give_back.empty()) {
      t = Check(
          Run("release", {owner_, IntArray(give_back), std::to_string(now + kHandoverGap), now_s}),
          "release buckets");
      if (!t.ok()) return t;
    }
    if (kept < share) {
      PgResult got = Run("acquire", {now_s, owner_, std::to_string(share - kept), lease_end});
      t = Check(got, "acquire buckets");
      if (!t.ok()) return t;
      for (int i = 0; i < got.rows(); ++i) claimable.push_back(static_cast<int>(got.Int(i, 0)));
    }
    if (claimable.empty()) return Status::Ok();
    PgResult c = Run("claim", {IntArray(claimable), now_s, std::to_string(limit), lease_end});
    t = Check(c, "claim urls");
    if (!t.ok()) return t;
    for (int i = 0; i < c.rows(); ++i) {
      DueUrl d;
      d.url = c.Text(i, 1);
      d.site_key = c.Text(i, 2);
      d.depth = static_cast<int>(c.Int(i, 3));
      d.previous = StatusOf(c.Text(i, 4));
      const std::string etag = c.Text(i, 5);
      const std::string lm = c.Text(i, 6);
      d.content_hash = c.Text(i, 7);
      d.fetch_count = c.Int(i, 8);
      const int64_t since_full = c.Int(i, 9);
      d.links_scope = c.Text(i, 10);
      // Every Nth re-crawl goes without validators: a server that wrongly answers 304 cannot
      // hide a change forever.
      const bool full = policy_.full_fetch_every > 0 && since_full >= policy_.full_fetch_every - 1;
      if (!full && !d.content_hash.empty()) {
        d.if_none_match = etag;
        d.if_modified_since = lm;
      }
      out.push_back(std::move(d));
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<int64_t> PgCrawlStore::ReleaseLeases(int64_t now) {
  int64_t released = 0;
  const std::string now_s = std::to_string(now);
  Status s = Transaction([&]() -> Status {
    Status t = Check(Run("clear_expired", {now_s}), "clear expired leases");
    if (!t.ok()) return t;
    t = Check(Run("forget_crawlers", {now_s}), "forget crawlers");
    if (!t.ok()) return t;
    PgResult r = Run("release_urls", {now_s, owner_});
    t = Check(r, "release leases");
    if (!t.ok()) return t;
    released = r.Affected();
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return released;
}

Result<int64_t> PgCrawlStore::RequeueChanged(std::string_view fix_option, std::string_view value,
                                             int64_t now) {
  PgResult r =
      Run("requeue_changed", {std::to_string(now), std::string(fix_option), std::string(value)});
  if (Status s = Check(r, "requeue"); !s.ok()) return s;
  return r.Affected();
}

Result<int64_t> PgCrawlStore::RequeueForLinks(std::string_view scope, int max_depth,
                                              int64_t now) {
  PgResult r = Run("requeue_links",
                   {std::to_string(now), std::to_string(max_depth), std::string(scope)});
  if (Status s = Check(r, "requeue for links"); !s.ok()) return s;
  return r.Affected();
}

// A UrlPattern glob as an anchored POSIX regular expression (PostgreSQL's `~`).
std::string GlobRegex(std::string_view glob) {
  std::string out = "^";
  for (char c : glob) {
    if (c == '*') out += ".*";
    else if (c == '?') out += ".";
    else if (std::strchr(".^$+()[]{}|\\", c) != nullptr) (out += '\\') += c;
    else out.push_back(c);
  }
  return out + "$";
}

Result<int64_t> PgCrawlStore::MakeDue(const UrlPattern& pattern, int64_t now) {
  const std::string now_s = std::to_string(now);
  PgResult r = pattern.kind == UrlPattern::Kind::kAll
                   ? Run("make_due_all", {now_s})
               : pattern.kind == UrlPattern::Kind::kSubstring
                   ? Run("make_due_substring", {now_s, pattern.text})
                   : Run("make_due_regex", {now_s, GlobRegex(pattern.text)});
  if (Status s = Check(r, "make due"); !s.ok()) return s;
  return r.Affected();
}

Result<CrawlReport> PgCrawlStore::Report(int64_t now, int top) {
  CrawlReport out;
  const std::string now_s = std::to_string(now), top_s = std::to_string(top);
  // One snapshot for every figure.
  Status s = Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "report");
  if (!s.ok()) return s;
  s = [&]() -> Status {
    Result<CrawlStats> st = Stats(now);
    if (!st.ok()) return st.status();
    out.stats = *st;
    PgResult next = Run("report_next", {now_s, top_s});
    if (Status t = Check(next, "report"); !t.ok()) return t;
    for (int i = 0; i < next.rows(); ++i) out.next.push_back({next.Text(i, 0), next.Int(i, 1)});
    PgResult hours = Run("report_hours", {now_s});
    if (Status t = Check(hours, "report"); !t.ok()) return t;
    for (int i = 0; i < hours.rows(); ++i) out.due_by_hour.emplace_back(hours.Int(i, 0), hours.Int(i, 1));
    PgResult sites = Run("report_sites", {top_s});
    if (Status t = Check(sites, "report"); !t.ok()) return t;
    for (int i = 0; i < sites.rows(); ++i)
      out.top_sites.push_back({sites.Text(i, 0), sites.Int(i, 1), sites.Int(i, 2)});
    PgResult failing = Run("report_failing", {top_s});
    if (Status t = Check(failing, "report"); !t.ok()) return t;
    for (int i = 0; i < failing.rows(); ++i)
      out.top_failing.push_back({failing.Text(i, 0), failing.Int(i, 1), failing.Int(i, 2)});
    PgResult kinds = Run("report_kinds", {});
    if (Status t = Check(kinds, "report"); !t.ok()) return t;
    for (int i = 0; i < kinds.rows(); ++i)
      out.errors.push_back({kinds.Text(i, 0), kinds.Int(i, 1), kinds.Text(i, 2), kinds.Text(i, 3)});
    return Status::Ok();
  }();
  PgResult end(PQexec(conn_, s.ok() ? "COMMIT" : "ROLLBACK"));
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<RecordDecision>> PgCrawlStore::RecordAll(const std::vector<FetchReport>& reports,
                                                            int64_t now) {
  std::vector<RecordDecision> out;
  if (reports.empty()) return out;
  std::vector<std::string> wanted;
  wanted.reserve(reports.size());
  for (const FetchReport& r : reports) wanted.push_back(r.url);
  // Locks the rows (in id order, the same for every crawler) before reading them.
  PgResult rows = Run("load", {TextArray(wanted)});
  Status t = Check(rows, "load urls");
  if (!t.ok()) return t;
  std::unordered_map<std::string, RowState> state;
  std::vector<int64_t> order;  // ids in lock order, for the update
  for (int i = 0; i < rows.rows(); ++i) {
    RowState st;
    st.id = rows.Int(i, 0);
    st.content_hash = rows.Text(i, 2);
    st.etag = rows.Text(i, 3);
    st.last_modified = rows.Text(i, 4);
    st.interval = rows.Int(i, 5);
    st.failures = rows.Int(i, 6);
    st.fetch_count = rows.Int(i, 7);
    st.since_full = rows.Int(i, 8);
    st.first_fetch = rows.Int(i, 9);
    st.last_change = rows.Int(i, 10);
    st.body_hash = rows.Text(i, 11);
    st.last_fetch = rows.Int(i, 12);
    st.links_scope = rows.Text(i, 13);
    state.emplace(rows.Text(i, 1), std::move(st));
  }
  std::vector<const RowState*> touched;
  std::unordered_set<int64_t> seen;
  out.reserve(reports.size());
  for (const FetchReport& r : reports) {
    auto it = state.find(r.url);
    if (it == state.end()) return Status::NotFound("crawl db: unknown url " + r.url);
    out.push_back(ApplyFetchReport(policy_, r, now, &it->second));
    if (seen.insert(it->second.id).second) touched.push_back(&it->second);
  }
  std::sort(touched.begin(), touched.end(),
            [](const RowState* a, const RowState* b) { return a->id < b->id; });
  std::vector<int64_t> id, ff, lf, lc, nd, iv, fc;
  std::vector<int> hs, fa, sf;
  std::vector<std::string> st, et, lm, ch, bh, ek, le, fo, fv, ls;
  for (const RowState* r : touched) {
    ek.push_back(r->failure.kind);
    le.push_back(r->failure.cause);
    fo.push_back(r->failure.fix_option);
    fv.push_back(r->failure.fix_value);
    ls.push_back(r->links_scope);
    id.push_back(r->id);
    st.push_back(UrlStatusName(r->status));
    hs.push_back(r->http_status);
    et.push_back(r->etag);
    lm.push_back(r->last_modified);
    ch.push_back(r->content_hash);
    bh.push_back(r->body_hash);
    ff.push_back(r->first_fetch);
    lf.push_back(r->last_fetch);
    lc.push_back(r->last_change);
    nd.push_back(r->next_due);
    iv.push_back(r->interval);
    fa.push_back(static_cast<int>(r->failures));
    fc.push_back(r->fetch_count);
    sf.push_back(static_cast<int>(r->since_full));
  }
  t = Check(Run("update", {IntArray(id), TextArray(st), IntArray(hs), TextArray(et), TextArray(lm),
                           TextArray(ch), TextArray(bh), IntArray(ff), IntArray(lf), IntArray(lc),
                           IntArray(nd), IntArray(iv), IntArray(fa), IntArray(fc), IntArray(sf),
                           TextArray(ek), TextArray(le), TextArray(fo), TextArray(fv),
                           TextArray(ls)}),
            "update urls");
  if (!t.ok()) return t;
  return out;
}

Status PgCrawlStore::MarkAll(const std::vector<OutputMark>& marks, int64_t now) {
  if (marks.empty()) return Status::Ok();
  // Sorted by (url, hash) so that two crawlers inserting the same keys lock them in one order.
  std::vector<const OutputMark*> sorted;
  for (const OutputMark& m : marks) sorted.push_back(&m);
  std::stable_sort(sorted.begin(), sorted.end(), [](const OutputMark* a, const OutputMark* b) {
    return std::tie(a->url, a->content_hash) < std::tie(b->url, b->content_hash);
  });
  std::vector<std::string> doc, url, hash, corpus;
  std::vector<int64_t> offset;
  for (const OutputMark* m : sorted) {
    doc.push_back(m->doc_id);
    url.push_back(m->url);
    hash.push_back(m->content_hash);
    corpus.push_back(m->corpus);
    offset.push_back(m->corpus_offset);
  }
  Status t = Check(Run("mark", {TextArray(doc), TextArray(url), TextArray(hash),
                                std::to_string(now), TextArray(corpus), IntArray(offset)}),
                   "mark written");
  if (!t.ok()) return t;
  // Each corpus ends where the last of its marks (in the caller's order) ends.
  std::map<std::string, int64_t> ends;
  for (const OutputMark& m : marks)
    if (!m.corpus.empty() && m.corpus_offset >= 0) ends[m.corpus] = m.corpus_offset;
  if (ends.empty()) return Status::Ok();
  std::vector<std::string> names;
  std::vector<int64_t> offsets;
  for (const auto& [n, o] : ends) {
    names.push_back(n);
    offsets.push_back(o);
  }
  return Check(Run("corpus_end", {TextArray(names), IntArray(offsets)}), "record corpus end");
}

Result<RecordDecision> PgCrawlStore::RecordResult(const FetchReport& report, int64_t now,
                                                  const OutputMark* written) {
  RecordDecision d;
  Status s = Transaction([&]() -> Status {
    Result<std::vector<RecordDecision>> r = RecordAll({report}, now);
    if (!r.ok()) return r.status();
    d = r.value()[0];
    if (written != nullptr) return MarkAll({*written}, now);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return d;
}

Result<std::vector<RecordDecision>> PgCrawlStore::RecordResults(
    const std::vector<FetchReport>& reports, int64_t now) {
  std::vector<RecordDecision> out;
  Status s = Transaction([&]() -> Status {
    Result<std::vector<RecordDecision>> r = RecordAll(reports, now);
    if (!r.ok()) return r.status();
    out = std::move(r.value());
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Status PgCrawlStore::MarkWritten(const std::vector<OutputMark>& marks, int64_t now) {
  return Transaction([&]() { return MarkAll(marks, now); });
}

Result<bool> PgCrawlStore::IsWritten(std::string_view url, std::string_view content_hash) {
  PgResult r = Run("is_written", {std::string(url), std::string(content_hash)});
  Status s = Check(r, "is written");
  if (!s.ok()) return s;
  return r.rows() > 0;
}

Result<int64_t> PgCrawlStore::WrittenEnd(std::string_view corpus) {
  PgResult r = Run("written_end", {std::string(corpus)});
  Status s = Check(r, "written end");
  if (!s.ok()) return s;
  return r.rows() > 0 ? r.Int(0, 0) : int64_t{0};
}

Result<CrawlStats> PgCrawlStore::Stats(int64_t now) {
  CrawlStats st;
  for (UrlStatus s : kAllUrlStatuses) st.by_status[UrlStatusName(s)] = 0;
  PgResult q = Run("stats_status", {});
  Status s = Check(q, "stats");
  if (!s.ok()) return s;
  for (int i = 0; i < q.rows(); ++i) {
    st.by_status[q.Text(i, 0)] = q.Int(i, 1);
    st.urls += q.Int(i, 1);
  }
  PgResult d = Run("stats_due", {std::to_string(now)});
  s = Check(d, "stats");
  if (!s.ok()) return s;
  st.due = d.Int(0, 0);
  st.outputs = d.Int(0, 1);
  st.next_due = d.Int(0, 2);
  return st;
}

Result<FrontierState> PgCrawlStore::Frontier(int64_t now) {
  PgResult r = Run("frontier", {std::to_string(now), std::to_string(kFrontierCountCap)});
  Status s = Check(r, "frontier");
  if (!s.ok()) return s;
  FrontierState f;
  f.in_flight = r.Int(0, 0);
  f.due = r.Int(0, 1);
  f.written = r.Int(0, 2);
  return f;
}

Result<UrlState> PgCrawlStore::Get(std::string_view url) {
  Result<std::string> n = NormalizeUrl(url);
  PgResult r = Run("get", {n.ok() ? n.value() : std::string(url)});
  Status s = Check(r, "get url");
  if (!s.ok()) return s;
  if (r.rows() == 0) return Status::NotFound("crawl db: unknown url " + std::string(url));
  UrlState u;
  u.url = r.Text(0, 0);
  u.site_key = r.Text(0, 1);
  u.status = StatusOf(r.Text(0, 2));
  u.http_status = static_cast<int>(r.Int(0, 3));
  u.etag = r.Text(0, 4);
  u.last_modified = r.Text(0, 5);
  u.content_hash = r.Text(0, 6);
  u.body_hash = r.Text(0, 7);
  u.first_fetch = r.Int(0, 8);
  u.last_fetch = r.Int(0, 9);
  u.last_change = r.Int(0, 10);
  u.next_due = r.Int(0, 11);
  u.interval = r.Int(0, 12);
  u.failures = static_cast<int>(r.Int(0, 13));
  u.since_full = static_cast<int>(r.Int(0, 14));
  u.fetch_count = r.Int(0, 15);
  u.depth = static_cast<int>(r.Int(0, 16));
  u.discovered_from = r.Text(0, 17);
  u.failure.kind = r.Text(0, 18);
  u.failure.cause = r.Text(0, 19);
  u.failure.fix_option = r.Text(0, 20);
  u.failure.fix_value = r.Text(0, 21);
  u.links_scope = r.Text(0, 22);
  return u;
}

}  // namespace

Result<std::unique_ptr<CrawlStore>> OpenPostgresCrawlStore(const std::string& uri,
                                                           const CrawlPolicy& policy) {
  if (policy.min_interval <= 0 || policy.max_interval < policy.min_interval ||
      policy.unchanged_factor < 1.0 || policy.changed_divisor < 1.0 || policy.lease <= 0)
    return Status::InvalidArgument("crawl db: inconsistent scheduling policy");
  auto store = std::make_unique<PgCrawlStore>(policy);
  Status s = store->Init(uri);
  if (!s.ok()) return s;
  return std::unique_ptr<CrawlStore>(std::move(store));
}

}  // namespace qingxi::fetch
