// cli/record_counts.h — what one run of `clean` or `crawl` wrote and what it did not: records
// by flag and by error kind, inputs that were not documents (by reason, page_filter.h) and
// documents dropped by filters (by reason, qingxi/record_filter.h). Shown in the summary on
// standard error and written by --stats, so that nothing disappears silently.
// Not thread-safe: the caller serialises (the runs count under their writer's lock).
#ifndef QINGXI_CLI_RECORD_COUNTS_H_
#define QINGXI_CLI_RECORD_COUNTS_H_

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "qingxi/record.h"

namespace qingxi::cli {

struct RecordCounts {
  uint64_t records = 0;  // written, error records included
  uint64_t error_records = 0;
  std::map<std::string, uint64_t> by_flag;   // "paywall" -> records carrying it
  std::map<std::string, uint64_t> by_error;  // "decode", "extract", "read", "empty input"
  std::map<std::string, uint64_t> skipped;   // not documents: "robots_txt", "stylesheet", ...
  std::map<std::string, uint64_t> dropped;   // filtered out: "min_han_chars", "flag:listing"

  // A record that was written.
  void CountWritten(const Record& r);
  // A written document's flags (when only they are at hand: `crawl`).
  void CountFlags(const std::vector<std::string>& flags);
  void AddSkipped(const std::map<std::string, uint64_t>& counts);
  uint64_t total_skipped() const;
  uint64_t total_dropped() const;

  // Adds "by_flag", "by_error", "skipped" and "dropped" (objects, possibly empty) to *j.
  void AddTo(nlohmann::json* j) const;
  // Lines for the summary, each "qingxi COMMAND: LABEL: k=v k=v\n"; nothing for empty maps.
  std::string ToText(const std::string& command) const;
};

// The kind of an error record's error: the text before the first ':' ("decode: bad bytes" ->
// "decode"), or the whole error when it has none.
std::string ErrorKind(const std::string& error);

}  // namespace qingxi::cli

#endif  // QINGXI_CLI_RECORD_COUNTS_H_
