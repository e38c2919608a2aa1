// Site boilerplate lines: per-site document counts of normalised lines.
#include "qingxi/dedup_lines.h"

#include <algorithm>

#include "qingxi/hash.h"
#include "qingxi/minhash.h"

namespace qingxi {
namespace {

uint64_t LineKey(uint64_t site_hash, std::string_view line, std::vector<char32_t>* scratch) {
  NormalizeForDedup(line, scratch);
  if (scratch->empty()) return 0;
  uint64_t h = site_hash;
  for (char32_t c : *scratch) h = (h ^ c) * 0x100000001b3ull;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h == 0 ? 1 : h;
}

template <typename F>
void ForEachLine(std::string_view text, F f) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    f(text.substr(start, nl - start), nl);
    start = nl + 1;
  }
}

}  // namespace

std::string SiteOf(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  size_t end = rest.find_first_of("/?#");
  std::string_view auth = rest.substr(0, end);
  if (size_t at = auth.rfind('@'); at != std::string_view::npos) auth.remove_prefix(at + 1);
  if (size_t colon = auth.rfind(':'); colon != std::string_view::npos && auth.find(']') == std::string_view::npos)
    auth = auth.substr(0, colon);
  std::string host(auth);
  std::transform(host.begin(), host.end(), host.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  return host;
}

void BoilerplateLines::Keys(std::string_view site, std::string_view text, std::vector<uint64_t>* keys) {
  keys->clear();
  if (site.empty()) return;
  const uint64_t site_hash = Fnv1a64(site);
  std::vector<char32_t> scratch;
  ForEachLine(text, [&](std::string_view line, size_t) {
    if (uint64_t k = LineKey(site_hash, line, &scratch)) keys->push_back(k);
  });
  std::sort(keys->begin(), keys->end());
  keys->erase(std::unique(keys->begin(), keys->end()), keys->end());
}

void BoilerplateLines::Add(const std::vector<uint64_t>& keys) {
  for (uint64_t k : keys) ++counts_[k];
}

std::string BoilerplateLines::Strip(std::string_view site, std::string_view text, int* removed) const {
  *removed = 0;
  if (site.empty()) return std::string(text);
  const uint64_t site_hash = Fnv1a64(site);
  std::vector<char32_t> scratch;
  std::string out;
  out.reserve(text.size());
  ForEachLine(text, [&](std::string_view line, size_t) {
    uint64_t k = LineKey(site_hash, line, &scratch);
    if (k != 0) {
      auto it = counts_.find(k);
      if (it != counts_.end() && it->second >= static_cast<uint32_t>(min_docs_)) {
        ++*removed;
        return;
      }
    }
    if (!out.empty()) out += '\n';
    out.append(line);
  });
  return out;
}

}  // namespace qingxi
