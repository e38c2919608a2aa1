// clean/quiet_regex.h — RE2 options for patterns that come from rule files.
//
// RE2 logs a bad pattern on standard error by default; a rule file's pattern is reported by
// its loader as one "file:line: bad regex: ..." error, so RE2's own line must stay silent.
#ifndef QINGXI_CLEAN_QUIET_REGEX_H_
#define QINGXI_CLEAN_QUIET_REGEX_H_

#include <re2/re2.h>

namespace qingxi::cleaner {

inline RE2::Options QuietRegexOptions() {
  RE2::Options o;
  o.set_log_errors(false);
  return o;
}

}  // namespace qingxi::cleaner

#endif  // QINGXI_CLEAN_QUIET_REGEX_H_
