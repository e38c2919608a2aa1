// cli/crawl_status.h — what `qingxi crawl --status` prints about a crawl database: URLs by
// state, the next URLs due and a histogram of due times, the sites with the most URLs and with
// the most failures, and the failures by kind with one example URL and its stored cause; as
// text for people or as one JSON object (--json). Reads a fetch::CrawlReport, fetches nothing.
//
// Thread-safety: pure functions.
#ifndef QINGXI_CLI_CRAWL_STATUS_H_
#define QINGXI_CLI_CRAWL_STATUS_H_

#include <cstdint>
#include <string>

#include "qingxi/fetch/crawl_store.h"

namespace qingxi::cli {

// "2026-05-01 08:00:00 UTC".
std::string UtcTime(int64_t unix_seconds);
// "3 h 12 min", "2 d 4 h": how long from `now` until `when` (0 when past).
std::string TimeUntil(int64_t when, int64_t now);
// "the next URL is due at 2026-05-01 08:00:00 UTC (in 3 h 12 min)".
std::string NextDueText(int64_t next_due, int64_t now);

// The report as lines of text. `db` names the database in the heading; `schema` its version.
std::string CrawlReportText(const fetch::CrawlReport& r, const std::string& db, int schema,
                            int64_t now);
// The report as one JSON object (one line, no newline at the end).
std::string CrawlReportJson(const fetch::CrawlReport& r, const std::string& db, int schema,
                            int64_t now);

}  // namespace qingxi::cli

#endif  // QINGXI_CLI_CRAWL_STATUS_H_
