// One-pass record filters (see qingxi/record_filter.h).
#include "qingxi/record_filter.h"

#include <algorithm>

namespace qingxi::corpus {

const std::vector<std::string>& KnownFlags() {
  static const std::vector<std::string> kFlags = {
      "paywall", "listing", "empty", "truncated", "mojibake", "mojibake_repaired", "decode_errors"};
  return kFlags;
}

std::vector<std::string> ParseFlagList(std::string_view csv, std::vector<std::string>* unknown) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= csv.size()) {
    size_t comma = csv.find(',', pos);
    if (comma == std::string_view::npos) comma = csv.size();
    std::string name(csv.substr(pos, comma - pos));
    name.erase(0, name.find_first_not_of(" \t"));
    name.erase(name.find_last_not_of(" \t") + 1);
    if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end()) {
      const auto& known = KnownFlags();
      if (unknown && std::find(known.begin(), known.end(), name) == known.end())
        unknown->push_back(name);
      out.push_back(name);
    }
    pos = comma + 1;
  }
  return out;
}

std::string DropReason(const Record& r, const Signals& signals, const FilterOptions& options) {
  if (r.is_error()) return "";
  for (const std::string& f : r.flags)
    if (std::find(options.drop_flags.begin(), options.drop_flags.end(), f) !=
        options.drop_flags.end())
      return "flag:" + f;
  if (options.min_han_chars > 0 && signals.han_chars < options.min_han_chars)
    return "min_han_chars";
  return "";
}

}  // namespace qingxi::corpus
