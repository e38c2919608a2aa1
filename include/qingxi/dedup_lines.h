// qingxi/dedup_lines.h — site boilerplate lines: lines that recur in many documents of one site.
//
// CCNet removes the lines of a shard that occur more than once; qingxi counts, for every site
// (the host of a record's URL), in how many of that site's documents each line occurs (a line
// counted once per document, compared after NormalizeForDedup), and removes from a site's
// documents the lines found in at least `min_docs` of them: navigation, "关注我们" footers,
// copyright and share lines a WET extraction keeps. Documents without a URL are left alone.
// Memory: one 12-byte counter per distinct (site, line) pair, plus hash-table overhead.
// Keys() is thread-safe (static); Add() and the queries are not thread-safe against Add().
#ifndef QINGXI_DEDUP_LINES_H_
#define QINGXI_DEDUP_LINES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace qingxi {

// The site of a URL: its host, lower-cased ("" when url has no host).
std::string SiteOf(std::string_view url);

class BoilerplateLines {
 public:
  explicit BoilerplateLines(int min_docs) : min_docs_(min_docs) {}

  // The distinct (site, line) keys of one document, sorted; empty when site is empty.
  static void Keys(std::string_view site, std::string_view text, std::vector<uint64_t>* keys);
  // Counts one document's keys (from Keys()).
  void Add(const std::vector<uint64_t>& keys);

  // `text` without the lines that are boilerplate for `site`; *removed counts them.
  std::string Strip(std::string_view site, std::string_view text, int* removed) const;
  size_t distinct_lines() const { return counts_.size(); }

 private:
  int min_docs_;
  std::unordered_map<uint64_t, uint32_t> counts_;
};

}  // namespace qingxi

#endif  // QINGXI_DEDUP_LINES_H_
