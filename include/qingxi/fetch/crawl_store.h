// qingxi/fetch/crawl_store.h — the crawl state: every URL's status, validators, hashes and
// schedule, and the record of which documents have been written to the corpus.
//
// Owns: what a crawl knows between runs. CrawlStore is an abstract interface; Open() picks the
// implementation from the database URI (SQLite for a file path or "sqlite://PATH"; the
// interface is kept free of SQL so that a PostgreSQL store can sit behind it later).
//
// Scheduling. Each URL has a change interval. A fetch whose content hash differs from the
// stored one (a change) halves it, an unchanged fetch (304, or 200 with the same content hash)
// multiplies it by 1.5, both within [min_interval, max_interval]; the next due time is the
// fetch time plus the interval. Conditional requests use the stored ETag / Last-Modified
// (RFC 9110 section 13.1, RFC 9111 section 4.3); every Nth re-crawl is a full fetch without
// validators, in case a server answers 304 wrongly. Errors back off exponentially.
//
// Leases. ClaimDue hands out due URLs and marks them in flight ("queued") with a lease: their
// next due time becomes now + lease, so a crawler killed mid-way loses nothing — the URLs come
// due again when the lease expires (or at once after ReleaseLeases, which a single crawler
// calls when it starts). Two crawlers on one database never get the same URL while its lease
// runs (each claim is one IMMEDIATE transaction).
//
// Exactly-once output across kill -9. A document is identified by (url, content hash). The
// crawler, for each changed document:
//   1. skips it when IsWritten(url, content_hash) — it went out in an earlier run;
//   2. appends its line to the corpus file and fsyncs the file;
//   3. records the result and marks it written in one transaction
//      (RecordResult with `written` set), noting the corpus file and end offset.
// A crash before 3 leaves a line in the corpus that the database does not know. At start-up,
// before fetching, the crawler calls ReconcileCorpus(): it reads the corpus from the end offset
// of the last marked line, marks every complete line found there as written (the caller parses
// url and content hash out of each line) and cuts off a torn last line (a crash inside 2).
// The URL itself is still in flight, so it is fetched again; step 1 then skips it unless its
// content changed meanwhile, in which case the new version is a new document. So every
// document reaches the corpus exactly once.
//
// Why a fetch failed is kept per URL (FetchReport::failure): the error kind, the cause as one
// line, and — when a crawl option removes the cause — that option and its value at the time of
// the failure. A later run whose value differs makes those URLs due at once (RequeueChanged),
// so fixing the options fixes the crawl without waiting out the backoff.
//
// Links. With link following, a page's row records the scope its links were followed under
// (links_scope); a later run that follows links under another scope — or that follows deeper,
// reaching pages whose links were never followed — makes those pages due (RequeueForLinks), and
// the crawler fetches them in full (no validators: a 304 has no links) to read their links.
//
// Times are Unix seconds, passed in by the caller (tests drive the clock).
//
// Thread-safety: a CrawlStore object is used by one thread at a time. Several objects (threads
// or processes) may open the same database: SQLite runs in WAL mode with a busy timeout, and
// every operation is one transaction.
#ifndef QINGXI_FETCH_CRAWL_STORE_H_
#define QINGXI_FETCH_CRAWL_STORE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "qingxi/status.h"

namespace qingxi::fetch {

enum class UrlStatus {
  kNew,          // added, never fetched
  kQueued,       // claimed by a crawler (in flight, under a lease)
  kFetched,      // last fetch brought a body (2xx)
  kNotModified,  // last fetch was a 304
  kError,        // last fetch failed (network, 5xx, 429...); retried with backoff
  kDisallowed,   // robots.txt forbids it
  kGone,         // 404 / 410; rechecked at the longest interval
  kRefused,      // not fetched because of the crawl's own options (a loopback or private
                 // address without --allow-private): due again when those options change
                 // (RequeueChanged), else rechecked at the longest interval
};
// Every status, in declaration order.
inline constexpr UrlStatus kAllUrlStatuses[] = {
    UrlStatus::kNew,   UrlStatus::kQueued,     UrlStatus::kFetched, UrlStatus::kNotModified,
    UrlStatus::kError, UrlStatus::kDisallowed, UrlStatus::kGone,    UrlStatus::kRefused};
const char* UrlStatusName(UrlStatus s);  // "new", "queued", "fetched", ...
bool ParseUrlStatus(std::string_view name, UrlStatus* out);

struct CrawlPolicy {
  int64_t initial_interval = 86400;   // a new page is re-crawled after a day...
  int64_t min_interval = 3600;        // ...never more often than hourly...
  int64_t max_interval = 30 * 86400;  // ...and at least monthly
  double unchanged_factor = 1.5;      // interval *= this when unchanged
  double changed_divisor = 2.0;       // interval /= this when changed
  int full_fetch_every = 10;          // every Nth re-crawl omits the validators (0: never)
  int64_t lease = 600;                // how long a claimed URL stays with its crawler
  int64_t error_backoff = 300;        // first retry after an error; doubles per failure
  int max_failures = 8;               // after this many in a row, retry at max_interval
  int busy_timeout_ms = 30000;        // how long to wait for another writer's lock
};

// A URL to add. `url` is normalised by AddUrls; invalid ones are counted and skipped.
struct NewUrl {
  std::string url;
  int depth = 0;
  std::string discovered_from;  // the page the link was found on; "" for seeds
};

struct AddUrlsResult {
  int64_t added = 0;     // new rows
  int64_t existing = 0;  // already known (depth lowered if the new one is shallower)
  int64_t invalid = 0;   // refused by NormalizeUrl
};

// A URL handed to a crawler by ClaimDue.
struct DueUrl {
  std::string url;
  std::string site_key;
  int depth = 0;
  UrlStatus previous = UrlStatus::kNew;  // status before the claim
  // Validators to send; both empty when this fetch must be a full one.
  std::string if_none_match;      // the stored ETag
  std::string if_modified_since;  // the stored Last-Modified
  std::string content_hash;       // of the stored version ("" if never fetched)
  int64_t fetch_count = 0;
  std::string links_scope;        // the scope its links were followed under ("" never)
};

enum class FetchOutcome {
  kFetched,      // a 2xx with a body; content_hash given
  kNotModified,  // a 304
  kError,        // transient failure: network, timeout, 5xx, 429
  kGone,         // 404, 410
  kDisallowed,   // robots.txt
  kRefused,      // the crawler's options ruled the fetch out (see UrlStatus::kRefused)
};

// Why a fetch failed (every outcome but kFetched / kNotModified), stored with the URL.
struct FetchFailure {
  std::string kind;   // "timeout", "tls", "address_refused", "http_503", ... ("" none)
  std::string cause;  // one line, naming the fix where an option removes the cause
  // The crawl option that removes the cause and its value in the failing run ("" when no
  // option helps), e.g. {"cacert", ""}: a later run with another value re-queues the URL.
  std::string fix_option, fix_value;
};

// The result of fetching one URL, as the crawler reports it.
struct FetchReport {
  std::string url;  // as claimed (normalised)
  FetchOutcome outcome = FetchOutcome::kFetched;
  int http_status = 0;
  bool conditional = false;  // validators were sent
  std::string etag;          // from the response ("" keeps the stored one on a 304)
  std::string last_modified;
  std::string content_hash;  // 64-bit hex of the cleaned text (kFetched)
  std::string body_hash;     // of the raw body (kFetched)
  FetchFailure failure;      // why, for the failing outcomes (cleared by kFetched/kNotModified)
  // Set when the crawler followed the page's links (kFetched): the scope they were followed
  // under. "" leaves the stored scope as it was.
  std::string links_scope;
};

// A document written to the corpus.
struct OutputMark {
  std::string doc_id;
  std::string url;
  std::string content_hash;
  std::string corpus;          // the corpus file it went to ("" if not tracked)
  int64_t corpus_offset = -1;  // byte offset just past its line in that file
};

// What RecordResult decided.
struct RecordDecision {
  bool changed = false;  // new content: the caller writes a document
  int64_t interval = 0;  // the change interval now
  int64_t next_due = 0;
};

// Counts of URLs by status, plus outputs.
struct CrawlStats {
  std::map<std::string, int64_t> by_status;  // every status name, 0 when none
  int64_t urls = 0;
  int64_t due = 0;  // next_due <= now (the `now` given to Stats)
  int64_t next_due = 0;  // the earliest next_due after `now` (0: no URL is due later)
  int64_t outputs = 0;
};

// What a crawler that finds nothing to claim needs to know of the whole frontier while it
// lingers (see `qingxi crawl --linger`), cheap enough to ask every second on a frontier of
// millions of URLs: each figure is an index range scan of bounded length or a scan of a small
// table, never a count over every URL.
inline constexpr int64_t kFrontierCountCap = 10000;
struct FrontierState {
  int64_t in_flight = 0;  // URLs leased to some crawler (status queued), at most the cap
  int64_t due = 0;        // URLs with next_due <= now, at most the cap
  int64_t written = 0;    // grows with every document marked written (sum of corpus ends)
};

// A URL's full row (for reports, tests and tools).
struct UrlState {
  std::string url, site_key;
  UrlStatus status = UrlStatus::kNew;
  int http_status = 0;
  std::string etag, last_modified, content_hash, body_hash;
  int64_t first_fetch = 0, last_fetch = 0, last_change = 0, next_due = 0, interval = 0;
  int failures = 0, since_full = 0;
  int64_t fetch_count = 0;
  int depth = 0;
  std::string discovered_from;
  FetchFailure failure;     // of the last fetch ("" kind when it succeeded)
  std::string links_scope;  // see DueUrl
};

// What `qingxi crawl --status` shows: a summary of the whole frontier (full scans; a report,
// not something to ask every second).
struct CrawlReport {
  CrawlStats stats;
  struct Due {
    std::string url;
    int64_t next_due = 0;
  };
  std::vector<Due> next;  // the next URLs to come due after `now`, earliest first
  // URLs coming due after `now`, by whole hours from now: {hour, count}, ascending.
  std::vector<std::pair<int64_t, int64_t>> due_by_hour;
  struct Site {
    std::string site_key;
    int64_t urls = 0;
    int64_t failing = 0;  // whose last fetch failed (an error kind is stored)
  };
  std::vector<Site> top_sites;    // by URL count, most first
  std::vector<Site> top_failing;  // by failing URLs (only sites with some), most first
  struct ErrorKind {
    std::string kind;
    int64_t urls = 0;
    std::string example_url;  // the smallest URL of that kind
    std::string cause;        // that URL's stored cause
  };
  std::vector<ErrorKind> errors;  // by count, most first
};

// Which URLs CrawlStore::MakeDue touches.
struct UrlPattern {
  enum class Kind { kAll, kSubstring, kGlob } kind = Kind::kAll;
  // kSubstring: any URL containing `text`; kGlob: the whole URL matches `text`, where '*' is
  // any run of characters and '?' one character (nothing else is special). Case-sensitive.
  std::string text;
  // "" -> all; text with '*' or '?' -> glob; else substring.
  static UrlPattern Parse(std::string_view pattern);
};

class CrawlStore {
 public:
  // "crawl.sqlite", "/var/lib/qingxi/crawl.db", "sqlite:///abs/path.db", "sqlite://rel.db",
  // ":memory:". Creates the schema when absent, upgrades an older one in place (one
  // transaction), and refuses a database written by a newer schema.
  static Result<std::unique_ptr<CrawlStore>> Open(const std::string& db_uri,
                                                  const CrawlPolicy& policy = {});
  virtual ~CrawlStore() = default;

  virtual const CrawlPolicy& policy() const = 0;
  virtual int schema_version() const = 0;

  // Adds URLs (normalised, de-duplicated) due at `now`; known URLs keep their state.
  virtual Result<AddUrlsResult> AddUrls(const std::vector<NewUrl>& urls, int64_t now) = 0;
  // Up to `limit` URLs with next_due <= now, earliest first, each leased to the caller.
  virtual Result<std::vector<DueUrl>> ClaimDue(int64_t now, int limit) = 0;
  // Makes every in-flight URL due at `now` (a crawler starting after a crash; only when no
  // other crawler uses the database). Returns how many were released.
  virtual Result<int64_t> ReleaseLeases(int64_t now) = 0;
  // Makes due at `now` every URL whose last failure names `fix_option` with a value other
  // than `value` (the option changed since: it may remove the cause). Returns how many.
  virtual Result<int64_t> RequeueChanged(std::string_view fix_option, std::string_view value,
                                         int64_t now) = 0;
  // Makes due at `now` every fetched page (fetched / not_modified) shallower than `max_depth`
  // whose links were not followed under `scope` (links_scope differs; "*" counts as any
  // scope). Returns how many.
  virtual Result<int64_t> RequeueForLinks(std::string_view scope, int max_depth, int64_t now) = 0;
  // Makes every URL matching `pattern` due at `now` (those in flight keep their lease).
  // Returns how many matched and were not due yet.
  virtual Result<int64_t> MakeDue(const UrlPattern& pattern, int64_t now) = 0;
  // Records a fetch; `written`, when given, is marked in the same transaction.
  virtual Result<RecordDecision> RecordResult(const FetchReport& report, int64_t now,
                                              const OutputMark* written = nullptr) = 0;
  // Many results in one transaction (the fast path: thousands of updates per commit).
  virtual Result<std::vector<RecordDecision>> RecordResults(const std::vector<FetchReport>& reports,
                                                            int64_t now) = 0;
  virtual Status MarkWritten(const std::vector<OutputMark>& marks, int64_t now) = 0;
  virtual Result<bool> IsWritten(std::string_view url, std::string_view content_hash) = 0;
  // End offset of the last line marked for `corpus` (0 when none).
  virtual Result<int64_t> WrittenEnd(std::string_view corpus) = 0;
  // Counts over every URL (reports, tests): a full scan of the table.
  virtual Result<CrawlStats> Stats(int64_t now) = 0;
  virtual Result<FrontierState> Frontier(int64_t now) = 0;
  // The report of `qingxi crawl --status`: Stats, the next `top` URLs due, the due histogram,
  // the `top` sites by URLs and by failures, and the failures by kind.
  virtual Result<CrawlReport> Report(int64_t now, int top) = 0;
  // The row of one URL (normalised first); NotFound when unknown.
  virtual Result<UrlState> Get(std::string_view url) = 0;
};

// Step "reconcile" of the exactly-once protocol (see above). Reads `corpus_path` from
// store->WrittenEnd(corpus_path); for each complete line calls parse(line, &mark) — which fills
// doc_id, url and content_hash, or returns false for a line that is not a document — and marks
// the documents written; a last line without its newline is cut off the file. Returns the
// number of lines newly marked. A missing corpus file is not an error (0).
Result<int64_t> ReconcileCorpus(CrawlStore* store, const std::string& corpus_path,
                                const std::function<bool(std::string_view, OutputMark*)>& parse,
                                int64_t now);

}  // namespace qingxi::fetch

#endif  // QINGXI_FETCH_CRAWL_STORE_H_
