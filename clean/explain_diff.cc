// Deleted runs between two versions of a line (clean/explain_diff.h).
#include "explain_diff.h"

#include "qingxi/utf8.h"

namespace qingxi::cleaner {

LineEdit DiffEdit(std::string_view before, std::string_view after) {
  LineEdit e;
  // Greedy alignment: a code point of `after` matches the next equal one of `before`; what is
  // skipped in `before` was deleted. Exact for the cutters, which delete whole runs.
  size_t a = 0, b = 0;
  std::string run;
  while (b < before.size()) {
    size_t bn = b, an = a;
    const char32_t cb = utf8::Next(before, &bn);
    if (a < after.size() && utf8::Next(after, &an) == cb) {
      if (!run.empty()) e.removed.push_back(std::move(run));
      run.clear();
      a = an;
    } else {
      run.append(before.substr(b, bn - b));
    }
    b = bn;
  }
  if (!run.empty()) e.removed.push_back(std::move(run));
  if (a == after.size()) return e;
  // Not a deletion: report the part between the common prefix and suffix.
  e.removed.clear();
  e.replaced = true;
  size_t p = 0;
  while (p < before.size() && p < after.size() && before[p] == after[p]) ++p;
  while (p > 0 && (static_cast<unsigned char>(before[p]) & 0xC0) == 0x80) --p;
  size_t s = 0;
  while (s < before.size() - p && s < after.size() - p &&
         before[before.size() - 1 - s] == after[after.size() - 1 - s])
    ++s;
  while (s > 0 && (static_cast<unsigned char>(before[before.size() - s]) & 0xC0) == 0x80) --s;
  e.removed.emplace_back(before.substr(p, before.size() - p - s));
  e.replacement = std::string(after.substr(p, after.size() - p - s));
  return e;
}

}  // namespace qingxi::cleaner
