// qingxi/rule_file.h — the one format every file in rules/ is written in, and its loader.
//
// A rule file is UTF-8 text, one entry per line:
//
//     # a comment line; blank lines are ignored too
//     DIRECTIVE VALUE
//
// DIRECTIVE is a lower-case ASCII word naming what the entry is (`phrase`, `regex`, `set`, ...);
// VALUE is the rest of the line after the first run of spaces or tabs, with trailing whitespace
// trimmed. Within VALUE, `\s` stands for a space, `\t` for a tab and `\\` for a backslash, so a
// value may start or end with a space. Which directives a file may hold, and what its values must
// look like, is decided by the stage that owns the file (see docs/rules.md); the loader checks
// the directive name against that list and reports any problem as "path:line: reason".
//
// Loading is done once at start-up; a RuleFile is immutable afterwards and may be shared by
// any number of threads.
#ifndef QINGXI_RULE_FILE_H_
#define QINGXI_RULE_FILE_H_

#include <string>
#include <string_view>
#include <vector>

#include "qingxi/status.h"

namespace qingxi {

struct RuleEntry {
  std::string directive;
  std::string value;
  int line = 0;  // 1-based line number in the file, for error messages
};

class RuleFile {
 public:
  // Reads `path`. Every directive must be one of `allowed`; an empty `allowed` accepts any word.
  // Errors: NotFound when the file is missing, InvalidArgument "path:line: reason" otherwise.
  static Result<RuleFile> Load(const std::string& path, const std::vector<std::string>& allowed);
  // Same, from text already in memory (`path` is used only in messages).
  static Result<RuleFile> Parse(std::string_view text, const std::string& path,
                                const std::vector<std::string>& allowed);

  const std::string& path() const { return path_; }
  const std::vector<RuleEntry>& entries() const { return entries_; }
  // All values of one directive, in file order.
  std::vector<std::string> Values(std::string_view directive) const;
  // "path:line: reason" for an entry, for stage-level validation errors.
  Status Error(const RuleEntry& e, std::string_view reason) const;

 private:
  std::string path_;
  std::vector<RuleEntry> entries_;
};

// Numeric settings (`set NAME NUMBER`) gathered from a rule file, e.g. rules/thresholds.rules.
// Unknown names are an error so that a typo cannot silently fall back to a default.
class Settings {
 public:
  // `defaults` names every known setting with its default value.
  static Result<Settings> FromRuleFile(const RuleFile& file,
                                       const std::vector<std::pair<std::string, double>>& defaults);
  double Get(std::string_view name) const;  // a name not in the defaults is a programming error

 private:
  std::vector<std::pair<std::string, double>> values_;
};

// Ok when `dir` is a directory; otherwise NotFound with one line naming the directory and how to
// name the right one (--rules DIR or $QINGXI_RULES). Checked before any rule file is opened, so a
// wrong directory is reported as such rather than as the first file missing from it.
Status CheckRulesDirectory(const std::string& dir);

}  // namespace qingxi

#endif  // QINGXI_RULE_FILE_H_
