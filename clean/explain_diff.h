// clean/explain_diff.h — what an in-place edit of a line removed, for explanations.
//
// The cleaners that edit a line in place (watermark cuts, pinyin strips, mojibake repair) are
// not told to report their spans; when explaining, the text cleaner keeps the line as it was and
// compares. An edit that only deletes leaves a subsequence of the old line: the deleted runs are
// found code point by code point. Any other edit (a repair) is reported as the changed middle.
//
// Thread-safety: pure functions.
#ifndef QINGXI_CLEAN_EXPLAIN_DIFF_H_
#define QINGXI_CLEAN_EXPLAIN_DIFF_H_

#include <string>
#include <string_view>
#include <vector>

namespace qingxi::cleaner {

struct LineEdit {
  std::vector<std::string> removed;  // deleted runs of `before`, in order
  bool replaced = false;             // not a pure deletion: removed[0] became `replacement`
  std::string replacement;
};

LineEdit DiffEdit(std::string_view before, std::string_view after);

}  // namespace qingxi::cleaner

#endif  // QINGXI_CLEAN_EXPLAIN_DIFF_H_
