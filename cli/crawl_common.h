// cli/crawl_common.h — what `qingxi fetch` and `qingxi crawl` share: the network and
// politeness options, URL list reading, the progress line, the end-of-run summary, the
// bounded queue that joins their threads, and how a crawl on a shared frontier decides that
// the crawl is over.
//
// Thread-safety: BoundedQueue is safe from any number of threads. Progress, RunSummary and
// FrontierWait belong to one thread at a time (the crawl guards its summary with a mutex);
// the free functions are thread-safe.
#ifndef QINGXI_CLI_CRAWL_COMMON_H_
#define QINGXI_CLI_CRAWL_COMMON_H_

#include <pthread.h>
#include <signal.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "record_counts.h"
#include "qingxi/fetch/crawl_store.h"
#include "qingxi/fetch/fetcher.h"
#include "qingxi/status.h"

namespace qingxi::cli {

// A bounded multi-producer multi-consumer queue; Close() wakes every waiter.
template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(capacity) {}
  void Push(T item) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_ || closed_; });
    items_.push_back(std::move(item));
    not_empty_.notify_one();
  }
  // Waits for at least one item; takes up to `max`. False when closed and empty.
  bool PopSome(std::vector<T>* out, size_t max) {
    std::unique_lock<std::mutex> lock(mu_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return false;
    while (!items_.empty() && out->size() < max) {
      out->push_back(std::move(items_.front()));
      items_.pop_front();
    }
    not_full_.notify_all();
    return true;
  }
  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<T> items_;
  size_t capacity_;
  bool closed_ = false;
};

// SIGINT and SIGTERM (Ctrl-C, `systemctl stop`, a cron timeout) ask a run to stop instead of
// killing it: the constructor blocks both signals in this and every thread created afterwards
// and starts a thread that waits for them with sigwait and then calls `on_stop` once (from
// that ordinary thread, so `on_stop` may take locks: Fetcher::RequestStop). A second signal
// ends the process at once — still safe, since fetch and crawl survive kill -9 anyway. The
// destructor stops the thread and restores the signal mask. Create it before other threads.
class StopOnSignal {
 public:
  explicit StopOnSignal(std::function<void()> on_stop);
  ~StopOnSignal();
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;
  bool stopped() const { return stopped_.load(); }

 private:
  std::function<void()> on_stop_;
  std::atomic<bool> stopped_{false};
  std::atomic<bool> done_{false};
  std::thread thread_;
  sigset_t old_mask_;
};

// Command-line options that map onto fetch::FetchOptions.
struct NetOptions {
  std::string user_agent = "qingxi/0.1";
  std::string contact;
  int delay_ms = 1000;
  int per_host = 2;
  int max_transfers = 100;
  double timeout_s = 60;
  double connect_timeout_s = 10;
  size_t max_bytes = 8u << 20;
  int retries = 3;
  bool no_robots = false;
  bool allow_private = false;
  bool all_types = false;
  bool quiet = false;
  std::string stats_file;
  std::vector<std::string> resolve;  // HOST:PORT:ADDRESS, as curl --resolve
  std::string ca_file;               // --cacert: CA certificates (PEM) to trust
};

// Registers --user-agent, --contact, --delay-ms, --per-host, --max-transfers, --timeout,
// --connect-timeout, --max-bytes, --retries, --no-robots, --allow-private, --all-types,
// --resolve, --quiet and --stats on `app`.
void AddNetOptions(CLI::App* app, NetOptions* o);

// The fetcher options for `o`. Prints the loud --no-robots / --allow-private warnings.
fetch::FetchOptions MakeFetchOptions(const NetOptions& o, const char* command);

// Reads URLs from `path` ("-" for standard input): one per line, blank lines and '#' comments
// skipped, surrounding white space trimmed.
Status ReadUrlList(const std::string& path, std::vector<std::string>* urls);

// Counts of one run, shown at the end and written as JSON by --stats.
struct RunSummary {
  std::string command;
  uint64_t pages = 0;            // responses delivered
  uint64_t ok = 0;               // 2xx stored / cleaned
  uint64_t errors = 0;           // failed fetches (network, 4xx/5xx, refusals)
  uint64_t not_modified = 0;     // 304
  uint64_t unchanged = 0;        // crawl: 200 with the same content hash
  uint64_t documents = 0;        // crawl: documents written
  uint64_t skipped_written = 0;  // crawl: already in the corpus from an earlier run
  uint64_t discovered = 0;       // crawl: new URLs found by --follow and sitemaps
  uint64_t no_text = 0;          // crawl: 2xx pages in which the cleaning engine found no text
  uint64_t disallowed = 0;       // robots.txt
  uint64_t body_bytes = 0;       // decoded bytes received
  uint64_t wire_bytes = 0;       // body bytes on the wire (compressed), robots.txt included
  uint64_t output_bytes = 0;     // WARC or JSONL bytes written
  std::map<std::string, uint64_t> by_status;  // "200", "404", "error:timeout", ...
  // Per error kind of by_status, the first failure seen as one line: its URL, the cause and,
  // where an option removes it, the fix ("add --allow-private", "see --cacert").
  std::map<std::string, std::string> error_causes;
  RecordCounts records;          // crawl: the documents written, by flag
  double seconds = 0;
  bool stopped = false;
  int64_t next_due = 0;  // crawl --due with nothing due: when the next URL is (Unix seconds)

  // Adds the outcome of one response to the counters (pages, by_status, bytes).
  void Count(const fetch::FetchResponse& r);
  std::string ToJson() const;
  // "qingxi fetch: 200 pages (198 ok, 2 errors) ... in 1.2 s (166 pages/s)" and by-status line.
  std::string ToText() const;
};

// One line naming why `r` failed and, where an option removes the cause, the fix.
std::string ErrorCause(const fetch::FetchResponse& r);

// Why `r` failed, as the crawl database keeps it (fetch::FetchFailure): the kind — the fetch
// error's name, or "http_NNN" for an HTTP status that is not a success — the ErrorCause line,
// and the option of `o` that removes the cause with its value in this run:
//   address_refused               allow-private  "yes" / "no"
//   tls                           cacert         the --cacert file ("" none)
//   timeout                       timeout        "--timeout/--connect-timeout" seconds
//   robots_disallowed, robots_unavailable
//                                 robots         "on" / "off" (--no-robots)
//   dns, connect                  resolve        the --resolve entries, comma-separated
//   content_type_rejected         all-types      "yes" / "no"
// A later crawl whose value differs re-queues the URL (CrawlStore::RequeueChanged). A kind no
// option removes (HTTP statuses, network errors) has no option. An empty kind for a success.
fetch::FetchFailure FailureOf(const fetch::FetchResponse& r, const NetOptions& o);

// The fix options FailureOf names, with their values in the run of `o`.
std::vector<std::pair<std::string, std::string>> FixOptionValues(const NetOptions& o);

// Writes summary JSON to `path` (through a temporary file and rename). "" does nothing.
Status WriteStatsFile(const std::string& path, const RunSummary& summary);

// True when `db_uri` names a crawl frontier that crawlers on many machines share
// ("postgresql://..." or "postgres://...", see CrawlStore::Open); false for SQLite.
bool IsSharedCrawlDb(const std::string& db_uri);

// When a crawler on a shared frontier finds nothing due for itself, the crawl is not
// necessarily over: other crawlers hold URLs in flight (whose pages may add links) or due URLs
// in the host buckets they lease, and a crawler that died leaves its URLs to come due when its
// lease runs out. FrontierWait looks at successive CrawlStore::Frontier states (bounded counts,
// cheap on millions of URLs) and says whether to poll again or stop:
//   kFinished  nothing is due and nothing is in flight anywhere: the crawl is complete;
//   kPoll      work remains elsewhere; claim again after poll_interval();
//   kGaveUp    work remains, but the frontier has not changed for `linger` seconds (the
//              others are stuck, or a dead crawler's lease is longer than the linger time):
//              stop; a later run, or the other crawlers, finish it.
// The poll interval starts at 250 ms and doubles up to 2 s while nothing changes, so that idle
// crawlers do not load the database while a long crawl ends elsewhere.
class FrontierWait {
 public:
  using Clock = std::chrono::steady_clock;
  enum class Decision { kFinished, kPoll, kGaveUp };

  explicit FrontierWait(double linger_s) : linger_s_(linger_s) {}
  // This crawler itself fetched something: progress, whatever the counts say.
  void SawProgress(Clock::time_point now);
  Decision Next(const fetch::FrontierState& state, Clock::time_point now);
  Clock::duration poll_interval() const { return interval_; }
  // URLs in flight or due anywhere at the last Next() (for messages).
  int64_t pending() const { return pending_; }

 private:
  double linger_s_;
  bool seen_ = false;
  Clock::time_point last_progress_;
  fetch::FrontierState last_;
  int64_t pending_ = 0;
  Clock::duration interval_ = std::chrono::milliseconds(250);
};

}  // namespace qingxi::cli

#endif  // QINGXI_CLI_CRAWL_COMMON_H_
