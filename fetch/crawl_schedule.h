// fetch/crawl_schedule.h — the scheduling rules of crawl_store.h as one pure function, shared
// by every CrawlStore back-end (SQLite, PostgreSQL) so that they schedule identically.
//
// Owns: what a fetch outcome does to a URL's stored state — status, validators, hashes,
// change interval (grown when unchanged, shrunk when changed, within the policy's bounds),
// error backoff and next due time, why the last fetch failed, the scope links were followed
// under. No I/O; stateless and thread-safe.
#ifndef QINGXI_FETCH_CRAWL_SCHEDULE_H_
#define QINGXI_FETCH_CRAWL_SCHEDULE_H_

#include <cstdint>
#include <string>

#include "qingxi/fetch/crawl_store.h"

namespace qingxi::fetch {

// The stored state of one URL that RecordResult works on.
struct RowState {
  int64_t id = 0;
  UrlStatus status = UrlStatus::kNew;
  int http_status = 0;
  std::string content_hash, etag, last_modified, body_hash;
  int64_t interval = 0, failures = 0, fetch_count = 0, since_full = 0;
  int64_t first_fetch = 0, last_change = 0, last_fetch = 0, next_due = 0;
  FetchFailure failure;     // of the last fetch
  std::string links_scope;  // see DueUrl
};

// Applies one fetch report to `row` at time `now` under `policy` and says what was decided.
RecordDecision ApplyFetchReport(const CrawlPolicy& policy, const FetchReport& report, int64_t now,
                                RowState* row);

}  // namespace qingxi::fetch

#endif  // QINGXI_FETCH_CRAWL_SCHEDULE_H_
