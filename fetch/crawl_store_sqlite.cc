// CrawlStore on SQLite: WAL journal (readers never block the writer, and a kill -9 loses no
// committed transaction), prepared statements compiled once per connection, and one
// IMMEDIATE transaction per operation or batch so that concurrent crawlers queue on the write
// lock (busy_timeout) instead of failing on a read-to-write upgrade.
#include "crawl_store_sqlite.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <utility>

#include "crawl_schedule.h"
#include "qingxi/fetch/url.h"

namespace qingxi::fetch {
namespace {

// Version 1, which a new database starts from before the migrations of crawl_schema.h. Times
// are Unix seconds; hashes are lower-case hex text.
constexpr const char* kSchema = R"sql(
CREATE TABLE urls(
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,            -- normalised (qingxi::fetch::NormalizeUrl)
  site_key TEXT NOT NULL,              -- registrable domain (public suffix list)
  status TEXT NOT NULL DEFAULT 'new',  -- new/queued/fetched/not_modified/error/disallowed/gone
  http_status INTEGER NOT NULL DEFAULT 0,
  etag TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL DEFAULT '',
  content_hash TEXT NOT NULL DEFAULT '',  -- of the cleaned text
  body_hash TEXT NOT NULL DEFAULT '',     -- of the raw body
  first_fetch INTEGER NOT NULL DEFAULT 0,
  last_fetch INTEGER NOT NULL DEFAULT 0,
  last_change INTEGER NOT NULL DEFAULT 0,
  next_due INTEGER NOT NULL,           -- while queued: when the lease expires
  change_interval INTEGER NOT NULL,    -- seconds, adapted to how often the page changes
  failures INTEGER NOT NULL DEFAULT 0, -- consecutive
  fetch_count INTEGER NOT NULL DEFAULT 0,
  since_full INTEGER NOT NULL DEFAULT 0,  -- conditional fetches since the last full one
  depth INTEGER NOT NULL DEFAULT 0,
  discovered_from TEXT NOT NULL DEFAULT '',
  added_at INTEGER NOT NULL
);
CREATE INDEX urls_due ON urls(next_due, id);
CREATE INDEX urls_site ON urls(site_key);
CREATE INDEX urls_queued ON urls(status) WHERE status = 'queued';  -- ReleaseLeases
CREATE TABLE outputs(
  doc_id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  written_at INTEGER NOT NULL,
  corpus TEXT NOT NULL DEFAULT '',
  corpus_offset INTEGER NOT NULL DEFAULT -1
);
CREATE UNIQUE INDEX outputs_url_hash ON outputs(url, content_hash);
CREATE TABLE corpora(
  corpus TEXT PRIMARY KEY,             -- a corpus file path
  end_offset INTEGER NOT NULL          -- just past the last line marked written
);
)sql";

class Stmt {
 public:
  Stmt() = default;
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  bool Prepare(sqlite3* db, const char* sql) {
    return sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s_, nullptr) == SQLITE_OK;
  }
  sqlite3_stmt* get() { return s_; }
  // Resets for reuse, binding nothing.
  Stmt& Reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
    return *this;
  }
  Stmt& Bind(int i, int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  Stmt& Bind(int i, std::string_view v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  int Step() { return sqlite3_step(s_); }
  int64_t Int(int col) { return sqlite3_column_int64(s_, col); }
  std::string Text(int col) {
    const unsigned char* t = sqlite3_column_text(s_, col);
    return t == nullptr ? std::string()
                        : std::string(reinterpret_cast<const char*>(t),
                                      static_cast<size_t>(sqlite3_column_bytes(s_, col)));
  }

 private:
  sqlite3_stmt* s_ = nullptr;
};

UrlStatus StatusOf(const std::string& name) {
  UrlStatus s = UrlStatus::kNew;
  ParseUrlStatus(name, &s);
  return s;
}

class SqliteCrawlStore : public CrawlStore {
 public:
  explicit SqliteCrawlStore(const CrawlPolicy& p) : policy_(p) {}
  ~SqliteCrawlStore() override {
    // sqlite3_close_v2 defers the close until the statements (members, finalized after this
    // body runs) are gone.
    if (db_ != nullptr) sqlite3_close_v2(db_);
  }

  Status Init(const std::string& path);

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
  Status Exec(const char* sql);
  Status Error(const char* what) {
    const int code = sqlite3_errcode(db_);
    std::string m = std::string("crawl db: ") + what + ": " + sqlite3_errmsg(db_);
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED) return Status::Unavailable(m);
    return Status::IoError(m);
  }
  Status Begin() { return Exec("BEGIN IMMEDIATE"); }
  Status Commit() { return Exec("COMMIT"); }
  void Rollback() { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }
  Result<RecordDecision> RecordOne(const FetchReport& r, int64_t now);
  Status MarkOne(const OutputMark& m, int64_t now);
  Status Prepare(Stmt* s, const char* sql) {
    return s->Prepare(db_, sql) ? Status::Ok() : Error(sql);
  }

  CrawlPolicy policy_;
  sqlite3* db_ = nullptr;
  int schema_version_ = 0;
  Stmt add_, lower_depth_, select_due_, claim_, release_, load_, update_, mark_, corpus_end_,
      is_written_, written_end_, get_;
};

Status SqliteCrawlStore::Exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string m = err != nullptr ? err : "unknown error";
    sqlite3_free(err);
    const int code = sqlite3_errcode(db_);
    std::string msg =
        std::string("crawl db: ") + m + " (in: " + std::string(sql).substr(0, 60) + ")";
    return code == SQLITE_BUSY || code == SQLITE_LOCKED ? Status::Unavailable(msg)
                                                        : Status::IoError(msg);
  }
  return Status::Ok();
}

Status SqliteCrawlStore::Init(const std::string& path) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string m = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
    return Status::IoError("crawl db: cannot open " + path + ": " + m);
  }
  sqlite3_busy_timeout(db_, policy_.busy_timeout_ms);
  // WAL: one writer and many readers at once; synchronous=NORMAL keeps every committed
  // transaction across a process kill (only a power loss may drop the last ones).
  Status s = Exec("PRAGMA journal_mode=WAL");
  if (s.ok()) s = Exec("PRAGMA synchronous=NORMAL");
  if (s.ok()) s = Exec("PRAGMA foreign_keys=OFF");
  if (!s.ok()) return s;

  s = Begin();
  if (!s.ok()) return s;
  s = Exec("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
  if (!s.ok()) {
    Rollback();
    return s;
  }
  {
    Stmt v;
    if (!v.Prepare(db_, "SELECT value FROM meta WHERE key='schema_version'")) {
      Rollback();
      return Error("read schema version");
    }
    if (v.Step() == SQLITE_ROW) schema_version_ = std::atoi(v.Text(0).c_str());
  }
  if (schema_version_ == 0) {
    s = Exec(kSchema);
    if (s.ok()) s = Exec("INSERT INTO meta(key, value) VALUES('schema_version', '1')");
    if (!s.ok()) {
      Rollback();
      return s;
    }
    schema_version_ = 1;
  } else if (schema_version_ > kCrawlSchemaVersion) {
    Rollback();
    return Status::InvalidArgument("crawl db: " + path + " has schema version " +
                                   std::to_string(schema_version_) + "; this build knows up to " +
                                   std::to_string(kCrawlSchemaVersion));
  }
  // Upgrades in place, in this transaction (crawl_schema.h).
  for (const CrawlMigration& m : kCrawlMigrations) {
    if (m.to_version <= schema_version_) continue;
    for (const char* sql : m.statements) {
      if (s = Exec(sql); !s.ok()) break;
    }
    if (s.ok()) {
      s = Exec(("UPDATE meta SET value = '" + std::to_string(m.to_version) +
                "' WHERE key = 'schema_version'")
                   .c_str());
    }
    if (!s.ok()) {
      Rollback();
      const std::string msg = s.message() + " (upgrading " + path + " to schema version " +
                              std::to_string(m.to_version) + ")";
      return s.code() == Status::Code::kUnavailable ? Status::Unavailable(msg)
                                                    : Status::IoError(msg);
    }
    schema_version_ = m.to_version;
  }
  s = Commit();
  if (!s.ok()) return s;

  const std::pair<Stmt*, const char*> statements[] = {
      {&add_,
       "INSERT INTO urls(url, site_key, status, next_due, change_interval, depth, "
       "discovered_from, added_at) VALUES(?1, ?2, 'new', ?3, ?4, ?5, ?6, ?3) "
       "ON CONFLICT(url) DO NOTHING"},
      {&lower_depth_, "UPDATE urls SET depth = ?2 WHERE url = ?1 AND depth > ?2"},
      {&select_due_,
       "SELECT id, url, site_key, depth, status, etag, last_modified, content_hash, "
       "fetch_count, since_full, links_scope FROM urls WHERE next_due <= ?1 "
       "ORDER BY next_due, id LIMIT ?2"},
      {&claim_, "UPDATE urls SET status = 'queued', next_due = ?2 WHERE id = ?1"},
      {&release_, "UPDATE urls SET next_due = ?1 WHERE status = 'queued' AND next_due > ?1"},
      {&load_,
       "SELECT id, content_hash, etag, last_modified, change_interval, failures, fetch_count, "
       "since_full, first_fetch, last_change, body_hash, last_fetch, links_scope FROM urls "
       "WHERE url = ?1"},
      {&update_,
       "UPDATE urls SET status = ?2, http_status = ?3, etag = ?4, last_modified = ?5, "
       "content_hash = ?6, body_hash = ?7, first_fetch = ?8, last_fetch = ?9, "
       "last_change = ?10, next_due = ?11, change_interval = ?12, failures = ?13, "
       "fetch_count = ?14, since_full = ?15, error_kind = ?16, last_error = ?17, "
       "fix_option = ?18, fix_value = ?19, links_scope = ?20 WHERE id = ?1"},
      {&mark_,
       "INSERT INTO outputs(doc_id, url, content_hash, written_at, corpus, corpus_offset) "
       "VALUES(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING"},
      {&corpus_end_,
       "INSERT INTO corpora(corpus, end_offset) VALUES(?1, ?2) "
       "ON CONFLICT(corpus) DO UPDATE SET end_offset = excluded.end_offset"},
      {&is_written_, "SELECT 1 FROM outputs WHERE url = ?1 AND content_hash = ?2"},
      {&written_end_, "SELECT end_offset FROM corpora WHERE corpus = ?1"},
      {&get_,
       "SELECT url, site_key, status, http_status, etag, last_modified, content_hash, "
       "body_hash, first_fetch, last_fetch, last_change, next_due, change_interval, failures, "
       "since_full, fetch_count, depth, discovered_from, error_kind, last_error, fix_option, "
       "fix_value, links_scope FROM urls WHERE url = ?1"},
  };
  for (const auto& [stmt, sql] : statements) {
    s = Prepare(stmt, sql);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Result<AddUrlsResult> SqliteCrawlStore::AddUrls(const std::vector<NewUrl>& urls, int64_t now) {
  AddUrlsResult out;
  const int64_t interval =
      std::clamp(policy_.initial_interval, policy_.min_interval, policy_.max_interval);
  Status s = Begin();
  if (!s.ok()) return s;
  for (const NewUrl& u : urls) {
    Result<Url> parsed = ParseUrl(u.url);
    if (!parsed.ok()) {
      ++out.invalid;
      continue;
    }
    const std::string& spec = parsed->spec;
    add_.Reset()
        .Bind(1, spec)
        .Bind(2, SiteKeyOfHost(parsed->host))
        .Bind(3, now)
        .Bind(4, interval)
        .Bind(5, int64_t{u.depth})
        .Bind(6, u.discovered_from);
    if (add_.Step() != SQLITE_DONE) {
      Status e = Error("add url");
      Rollback();
      return e;
    }
    if (sqlite3_changes(db_) > 0) {
      ++out.added;
    } else {
      ++out.existing;
      lower_depth_.Reset().Bind(1, spec).Bind(2, int64_t{u.depth});
      if (lower_depth_.Step() != SQLITE_DONE) {
        Status e = Error("update depth");
        Rollback();
        return e;
      }
    }
  }
  s = Commit();
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<DueUrl>> SqliteCrawlStore::ClaimDue(int64_t now, int limit) {
  std::vector<DueUrl> out;
  if (limit <= 0) return out;
  Status s = Begin();
  if (!s.ok()) return s;
  std::vector<int64_t> ids;
  select_due_.Reset().Bind(1, now).Bind(2, int64_t{limit});
  int rc;
  while ((rc = select_due_.Step()) == SQLITE_ROW) {
    ids.push_back(select_due_.Int(0));
    DueUrl d;
    d.url = select_due_.Text(1);
    d.site_key = select_due_.Text(2);
    d.depth = static_cast<int>(select_due_.Int(3));
    d.previous = StatusOf(select_due_.Text(4));
    const std::string etag = select_due_.Text(5);
    const std::string lm = select_due_.Text(6);
    d.content_hash = select_due_.Text(7);
    d.fetch_count = select_due_.Int(8);
    const int64_t since_full = select_due_.Int(9);
    d.links_scope = select_due_.Text(10);
    // Every Nth re-crawl goes without validators: a server that wrongly answers 304 cannot
    // hide a change forever.
    const bool full = policy_.full_fetch_every > 0 && since_full >= policy_.full_fetch_every - 1;
    if (!full && !d.content_hash.empty()) {
      d.if_none_match = etag;
      d.if_modified_since = lm;
    }
    out.push_back(std::move(d));
  }
  if (rc != SQLITE_DONE) {
    Status e = Error("select due urls");
    Rollback();
    return e;
  }
  select_due_.Reset();
  for (int64_t id : ids) {
    claim_.Reset().Bind(1, id).Bind(2, now + policy_.lease);
    if (claim_.Step() != SQLITE_DONE) {
      Status e = Error("claim url");
      Rollback();
      return e;
    }
  }
  s = Commit();
  if (!s.ok()) return s;
  return out;
}

Result<int64_t> SqliteCrawlStore::ReleaseLeases(int64_t now) {
  release_.Reset().Bind(1, now);
  if (release_.Step() != SQLITE_DONE) return Error("release leases");
  return static_cast<int64_t>(sqlite3_changes(db_));
}

Result<int64_t> SqliteCrawlStore::RequeueChanged(std::string_view fix_option,
                                                 std::string_view value, int64_t now) {
  Stmt q;
  if (!q.Prepare(db_,
                 "UPDATE urls SET next_due = ?1 WHERE fix_option = ?2 AND fix_value <> ?3 "
                 "AND status <> 'queued' AND next_due > ?1"))
    return Error("requeue");
  q.Bind(1, now).Bind(2, fix_option).Bind(3, value);
  if (q.Step() != SQLITE_DONE) return Error("requeue");
  return static_cast<int64_t>(sqlite3_changes(db_));
}

Result<int64_t> SqliteCrawlStore::RequeueForLinks(std::string_view scope, int max_depth,
                                                  int64_t now) {
  Stmt q;
  if (!q.Prepare(db_,
                 "UPDATE urls SET next_due = ?1 WHERE status IN ('fetched', 'not_modified') "
                 "AND depth < ?2 AND links_scope <> ?3 AND links_scope <> '*' AND next_due > ?1"))
    return Error("requeue for links");
  q.Bind(1, now).Bind(2, int64_t{max_depth}).Bind(3, scope);
  if (q.Step() != SQLITE_DONE) return Error("requeue for links");
  return static_cast<int64_t>(sqlite3_changes(db_));
}

// A UrlPattern glob as a SQLite GLOB pattern: '[' is GLOB's character class, so it is made a
// class of itself; '*' and '?' mean the same in both.
std::string SqliteGlob(std::string_view glob) {
  std::string out;
  for (char c : glob) {
    if (c == '[') out += "[[]";
    else out.push_back(c);
  }
  return out;
}

Result<int64_t> SqliteCrawlStore::MakeDue(const UrlPattern& pattern, int64_t now) {
  std::string sql = "UPDATE urls SET next_due = ?1 WHERE status <> 'queued' AND next_due > ?1";
  if (pattern.kind == UrlPattern::Kind::kSubstring) sql += " AND instr(url, ?2) > 0";
  if (pattern.kind == UrlPattern::Kind::kGlob) sql += " AND url GLOB ?2";
  Stmt q;
  if (!q.Prepare(db_, sql.c_str())) return Error("make due");
  q.Bind(1, now);
  if (pattern.kind == UrlPattern::Kind::kSubstring) q.Bind(2, pattern.text);
  if (pattern.kind == UrlPattern::Kind::kGlob) q.Bind(2, SqliteGlob(pattern.text));
  if (q.Step() != SQLITE_DONE) return Error("make due");
  return static_cast<int64_t>(sqlite3_changes(db_));
}

Result<CrawlReport> SqliteCrawlStore::Report(int64_t now, int top) {
  CrawlReport r;
  // One read transaction: every figure comes from the same state.
  if (Status s = Exec("BEGIN"); !s.ok()) return s;
  struct Ender {
    SqliteCrawlStore* self;
    ~Ender() { self->Rollback(); }  // read only: nothing to commit
  } ender{this};
  Result<CrawlStats> st = Stats(now);
  if (!st.ok()) return st.status();
  r.stats = *st;
  Stmt next, hours, sites, failing, kinds, cause;
  if (!next.Prepare(db_,
                    "SELECT url, next_due FROM urls WHERE next_due > ?1 ORDER BY next_due, id "
                    "LIMIT ?2") ||
      !hours.Prepare(db_,
                     "SELECT (next_due - ?1) / 3600, COUNT(*) FROM urls WHERE next_due > ?1 "
                     "GROUP BY 1 ORDER BY 1") ||
      !sites.Prepare(db_,
                     "SELECT site_key, COUNT(*), SUM(error_kind <> '') FROM urls GROUP BY "
                     "site_key ORDER BY 2 DESC, 1 LIMIT ?1") ||
      !failing.Prepare(db_,
                       "SELECT site_key, COUNT(*), SUM(error_kind <> '') FROM urls GROUP BY "
                       "site_key HAVING SUM(error_kind <> '') > 0 ORDER BY 3 DESC, 1 LIMIT ?1") ||
      !kinds.Prepare(db_,
                     "SELECT error_kind, COUNT(*), MIN(url) FROM urls WHERE error_kind <> '' "
                     "GROUP BY error_kind ORDER BY 2 DESC, 1") ||
      !cause.Prepare(db_, "SELECT last_error FROM urls WHERE url = ?1"))
    return Error("report");
  next.Bind(1, now).Bind(2, int64_t{top});
  while (next.Step() == SQLITE_ROW) r.next.push_back({next.Text(0), next.Int(1)});
  hours.Bind(1, now);
  while (hours.Step() == SQLITE_ROW) r.due_by_hour.emplace_back(hours.Int(0), hours.Int(1));
  sites.Bind(1, int64_t{top});
  while (sites.Step() == SQLITE_ROW)
    r.top_sites.push_back({sites.Text(0), sites.Int(1), sites.Int(2)});
  failing.Bind(1, int64_t{top});
  while (failing.Step() == SQLITE_ROW)
    r.top_failing.push_back({failing.Text(0), failing.Int(1), failing.Int(2)});
  while (kinds.Step() == SQLITE_ROW) {
    CrawlReport::ErrorKind k{kinds.Text(0), kinds.Int(1), kinds.Text(2), ""};
    cause.Reset().Bind(1, k.example_url);
    if (cause.Step() == SQLITE_ROW) k.cause = cause.Text(0);
    r.errors.push_back(std::move(k));
  }
  return r;
}

Result<RecordDecision> SqliteCrawlStore::RecordOne(const FetchReport& r, int64_t now) {
  load_.Reset().Bind(1, r.url);
  int rc = load_.Step();
  if (rc == SQLITE_DONE) return Status::NotFound("crawl db: unknown url " + r.url);
  if (rc != SQLITE_ROW) return Error("load url");
  RowState row;
  row.id = load_.Int(0);
  row.content_hash = load_.Text(1);
  row.etag = load_.Text(2);
  row.last_modified = load_.Text(3);
  row.interval = load_.Int(4);
  row.failures = load_.Int(5);
  row.fetch_count = load_.Int(6);
  row.since_full = load_.Int(7);
  row.first_fetch = load_.Int(8);
  row.last_change = load_.Int(9);
  row.body_hash = load_.Text(10);
  row.last_fetch = load_.Int(11);
  row.links_scope = load_.Text(12);
  load_.Reset();

  const RecordDecision d = ApplyFetchReport(policy_, r, now, &row);

  update_.Reset()
      .Bind(1, row.id)
      .Bind(2, UrlStatusName(row.status))
      .Bind(3, int64_t{row.http_status})
      .Bind(4, row.etag)
      .Bind(5, row.last_modified)
      .Bind(6, row.content_hash);
  update_.Bind(7, row.body_hash)
      .Bind(8, row.first_fetch)
      .Bind(9, row.last_fetch)
      .Bind(10, row.last_change)
      .Bind(11, row.next_due)
      .Bind(12, row.interval)
      .Bind(13, row.failures)
      .Bind(14, row.fetch_count)
      .Bind(15, row.since_full)
      .Bind(16, row.failure.kind)
      .Bind(17, row.failure.cause)
      .Bind(18, row.failure.fix_option)
      .Bind(19, row.failure.fix_value)
      .Bind(20, row.links_scope);
  if (update_.Step() != SQLITE_DONE) return Error("update url");
  return d;
}

Status SqliteCrawlStore::MarkOne(const OutputMark& m, int64_t now) {
  mark_.Reset()
      .Bind(1, m.doc_id)
      .Bind(2, m.url)
      .Bind(3, m.content_hash)
      .Bind(4, now)
      .Bind(5, m.corpus)
      .Bind(6, m.corpus_offset);
  if (mark_.Step() != SQLITE_DONE) return Error("mark written");
  if (!m.corpus.empty() && m.corpus_offset >= 0) {
    corpus_end_.Reset().Bind(1, m.corpus).Bind(2, m.corpus_offset);
    if (corpus_end_.Step() != SQLITE_DONE) return Error("record corpus end");
  }
  return Status::Ok();
}

Result<RecordDecision> SqliteCrawlStore::RecordResult(const FetchReport& report, int64_t now,
                                                      const OutputMark* written) {
  Status s = Begin();
  if (!s.ok()) return s;
  Result<RecordDecision> d = RecordOne(report, now);
  if (d.ok() && written != nullptr) s = MarkOne(*written, now);
  if (!d.ok() || !s.ok()) {
    Rollback();
    return d.ok() ? s : d.status();
  }
  s = Commit();
  if (!s.ok()) return s;
  return d;
}

Result<std::vector<RecordDecision>> SqliteCrawlStore::RecordResults(
    const std::vector<FetchReport>& reports, int64_t now) {
  std::vector<RecordDecision> out;
  out.reserve(reports.size());
  Status s = Begin();
  if (!s.ok()) return s;
  for (const FetchReport& r : reports) {
    Result<RecordDecision> d = RecordOne(r, now);
    if (!d.ok()) {
      Rollback();
      return d.status();
    }
    out.push_back(d.value());
  }
  s = Commit();
  if (!s.ok()) return s;
  return out;
}

Status SqliteCrawlStore::MarkWritten(const std::vector<OutputMark>& marks, int64_t now) {
  Status s = Begin();
  if (!s.ok()) return s;
  for (const OutputMark& m : marks) {
    s = MarkOne(m, now);
    if (!s.ok()) {
      Rollback();
      return s;
    }
  }
  return Commit();
}

Result<bool> SqliteCrawlStore::IsWritten(std::string_view url, std::string_view content_hash) {
  is_written_.Reset().Bind(1, url).Bind(2, content_hash);
  const int rc = is_written_.Step();
  is_written_.Reset();
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return Error("is written");
}

Result<int64_t> SqliteCrawlStore::WrittenEnd(std::string_view corpus) {
  written_end_.Reset().Bind(1, corpus);
  const int rc = written_end_.Step();
  int64_t end = 0;
  if (rc == SQLITE_ROW) end = written_end_.Int(0);
  written_end_.Reset();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Error("written end");
  return end;
}

Result<FrontierState> SqliteCrawlStore::Frontier(int64_t now) {
  // Bounded counts: the partial index on queued rows and the due index, LIMITed.
  Stmt q;
  if (!q.Prepare(db_,
                 "SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM urls WHERE status = 'queued' "
                 "LIMIT ?2)), (SELECT COUNT(*) FROM (SELECT 1 FROM urls WHERE next_due <= ?1 "
                 "LIMIT ?2)), (SELECT COALESCE(SUM(end_offset), 0) FROM corpora)"))
    return Error("frontier");
  q.Bind(1, now).Bind(2, kFrontierCountCap);
  if (q.Step() != SQLITE_ROW) return Error("frontier");
  FrontierState f;
  f.in_flight = q.Int(0);
  f.due = q.Int(1);
  f.written = q.Int(2);
  return f;
}

Result<CrawlStats> SqliteCrawlStore::Stats(int64_t now) {
  CrawlStats st;
  for (UrlStatus s : kAllUrlStatuses) st.by_status[UrlStatusName(s)] = 0;
  Stmt q;
  if (!q.Prepare(db_, "SELECT status, COUNT(*) FROM urls GROUP BY status")) return Error("stats");
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    st.by_status[q.Text(0)] = q.Int(1);
    st.urls += q.Int(1);
  }
  if (rc != SQLITE_DONE) return Error("stats");
  Stmt due;
  if (!due.Prepare(db_, "SELECT COUNT(*) FROM urls WHERE next_due <= ?1")) return Error("stats");
  due.Bind(1, now);
  if (due.Step() == SQLITE_ROW) st.due = due.Int(0);
  Stmt next;
  if (!next.Prepare(db_, "SELECT COALESCE(MIN(next_due), 0) FROM urls WHERE next_due > ?1"))
    return Error("stats");
  next.Bind(1, now);
  if (next.Step() == SQLITE_ROW) st.next_due = next.Int(0);
  Stmt outs;
  if (!outs.Prepare(db_, "SELECT COUNT(*) FROM outputs")) return Error("stats");
  if (outs.Step() == SQLITE_ROW) st.outputs = outs.Int(0);
  return st;
}

Result<UrlState> SqliteCrawlStore::Get(std::string_view url) {
  Result<std::string> n = NormalizeUrl(url);
  get_.Reset().Bind(1, n.ok() ? std::string_view(n.value()) : url);
  const int rc = get_.Step();
  if (rc == SQLITE_DONE) {
    get_.Reset();
    return Status::NotFound("crawl db: unknown url " + std::string(url));
  }
  if (rc != SQLITE_ROW) return Error("get url");
  UrlState u;
  u.url = get_.Text(0);
  u.site_key = get_.Text(1);
  u.status = StatusOf(get_.Text(2));
  u.http_status = static_cast<int>(get_.Int(3));
  u.etag = get_.Text(4);
  u.last_modified = get_.Text(5);
  u.content_hash = get_.Text(6);
  u.body_hash = get_.Text(7);
  u.first_fetch = get_.Int(8);
  u.last_fetch = get_.Int(9);
  u.last_change = get_.Int(10);
  u.next_due = get_.Int(11);
  u.interval = get_.Int(12);
  u.failures = static_cast<int>(get_.Int(13));
  u.since_full = static_cast<int>(get_.Int(14));
  u.fetch_count = get_.Int(15);
  u.depth = static_cast<int>(get_.Int(16));
  u.discovered_from = get_.Text(17);
  u.failure.kind = get_.Text(18);
  u.failure.cause = get_.Text(19);
  u.failure.fix_option = get_.Text(20);
  u.failure.fix_value = get_.Text(21);
  u.links_scope = get_.Text(22);
  get_.Reset();
  return u;
}

}  // namespace

Result<std::unique_ptr<CrawlStore>> OpenSqliteCrawlStore(const std::string& path,
                                                         const CrawlPolicy& policy) {
  auto store = std::make_unique<SqliteCrawlStore>(policy);
  Status s = store->Init(path);
  if (!s.ok()) return s;
  return std::unique_ptr<CrawlStore>(std::move(store));
}

}  // namespace qingxi::fetch
