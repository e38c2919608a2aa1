// qingxi/record_filter.h — simple one-pass filters over finished records: drop documents with
// too few Han characters or carrying given flags. The caller counts what is dropped, by the
// reason returned, so that nothing is dropped silently. Plain values; thread-safe.
#ifndef QINGXI_RECORD_FILTER_H_
#define QINGXI_RECORD_FILTER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "qingxi/record.h"
#include "qingxi/signals.h"

namespace qingxi::corpus {

struct FilterOptions {
  uint64_t min_han_chars = 0;           // 0: no minimum
  std::vector<std::string> drop_flags;  // e.g. {"paywall", "listing", "empty"}

  bool active() const { return min_han_chars > 0 || !drop_flags.empty(); }
};

// The flags qingxi's cleaning engine sets (README, record schema).
const std::vector<std::string>& KnownFlags();

// Splits "a,b,c" into flag names (blank entries dropped). Names that qingxi never sets are
// returned in *unknown so that the caller can warn about a typo.
std::vector<std::string> ParseFlagList(std::string_view csv, std::vector<std::string>* unknown);

// "" to keep `r`; otherwise why it is dropped: "flag:NAME" (the first of r.flags listed in
// drop_flags) or "min_han_chars". Error records are never dropped (they are counted as errors).
// `signals` are those of r.text (ComputeSignals).
std::string DropReason(const Record& r, const Signals& signals, const FilterOptions& options);

}  // namespace qingxi::corpus

#endif  // QINGXI_RECORD_FILTER_H_
