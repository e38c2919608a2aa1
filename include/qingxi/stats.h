// qingxi/stats.h — what a corpus holds: counts by flag, script, year, site, error kind and
// encoding, histograms of text length, lines and quality signals, and the outcomes of the runs
// that made it (inputs skipped as not documents, documents dropped by filters, duplicates
// removed). Fed one JSONL record at a time, so memory is bounded by the number of distinct
// sites kept (at most kMaxSites; the rest are counted as "(other sites)"), not by the corpus.
//
// ToJson() is for machines; ToHtml() is one self-contained page for people (inline CSS and SVG
// charts, no script, no network). Not thread-safe: one thread feeds an instance; Merge() joins
// instances fed by different threads.
#ifndef QINGXI_STATS_H_
#define QINGXI_STATS_H_

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "qingxi/status.h"

namespace qingxi::corpus {

// A histogram over fixed bins; bin i holds values in [edges[i], edges[i+1]) and the last bin is
// open-ended.
struct Histogram {
  std::vector<double> edges;  // lower edge of each bin
  std::vector<std::string> labels;
  std::vector<uint64_t> counts;
  void Add(double v);
};

class CorpusStats {
 public:
  static constexpr size_t kMaxSites = 100000;

  CorpusStats();
  // One line of a JSONL corpus: qingxi's records or any object with "text" (and optionally
  // "url", "source", "date", "flags", "script", "encoding", "error", "signals"). Blank lines
  // are ignored; a line that is not a JSON object is counted in malformed_lines.
  void AddLine(std::string_view line);
  // The JSON written by `clean --stats` or `crawl --stats`: its "skipped", "dropped" and
  // "by_status" counts are added to the run outcomes. InvalidArgument when it is not such JSON.
  Status AddRunStats(std::string_view json);
  // One line of a `dedup --report` file ({"id", "duplicate_of", "similarity"}).
  Status AddDedupReportLine(std::string_view line);
  void Merge(const CorpusStats& other);

  uint64_t records() const { return records_; }
  uint64_t error_records() const { return errors_; }
  uint64_t malformed_lines() const { return malformed_; }
  uint64_t text_chars() const { return text_chars_; }
  size_t sites() const { return by_site_.size(); }
  std::string ToJson() const;
  // `title` heads the page (e.g. the input file names).
  std::string ToHtml(std::string_view title) const;

 private:
  using Counts = std::map<std::string, uint64_t>;
  void CountSite(const std::string& host);

  uint64_t records_ = 0, errors_ = 0, malformed_ = 0, text_chars_ = 0, han_chars_ = 0;
  uint64_t text_bytes_ = 0, empty_text_ = 0;
  Counts by_flag_, by_script_, by_year_, by_site_, by_error_, by_encoding_;
  uint64_t other_sites_ = 0;
  Histogram length_, lines_;
  std::map<std::string, Histogram> signals_;  // han_ratio, punct_ratio, dup_line_frac, ...
  // Outcomes of the runs (from --stats files) and of dedup (from its report).
  uint64_t run_files_ = 0;
  Counts skipped_, dropped_, by_status_;
  uint64_t dedup_removed_ = 0;
  Histogram dedup_similarity_;
};

}  // namespace qingxi::corpus

#endif  // QINGXI_STATS_H_
