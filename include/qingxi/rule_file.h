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
// Two lines are not entries but shape the ones that follow, where the owning stage allows them
// (ParseOptions; docs/rules.md):
//
//     site example.com      the entries below apply to example.com and its subdomains only,
//     site *                ... up to the next `site` line; `site *` returns to every site
//     unset phrase 登录     (in an --extra-rules layer) removes the earlier `phrase 登录` entry
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
  int line = 0;        // 1-based line number in the file, for error messages
  int source = 0;      // which file the entry came from (RuleFile::source_path), for messages
  std::string site;    // host the entry is scoped to (`site` section), "" for every site
  bool remove = false; // an `unset DIRECTIVE VALUE` line: removes earlier entries (layers only)
};

// What a file may hold besides the stage's own directives.
struct ParseOptions {
  bool sites = false;  // `site HOST` / `site *` sections (the stage honours them per document)
  bool unset = false;  // `unset DIRECTIVE VALUE` lines (files of an --extra-rules layer)
};

class RuleFile {
 public:
  // Reads `path`. Every directive must be one of `allowed`; an empty `allowed` accepts any word.
  // Errors: NotFound when the file is missing, InvalidArgument "path:line: reason" otherwise.
  static Result<RuleFile> Load(const std::string& path, const std::vector<std::string>& allowed,
                               const ParseOptions& options = {});
  // Same, from text already in memory (`path` is used only in messages).
  static Result<RuleFile> Parse(std::string_view text, const std::string& path,
                                const std::vector<std::string>& allowed,
                                const ParseOptions& options = {});
  // Appends `layer`'s entries to this file's: an entry with `remove` set drops every earlier
  // entry with the same directive, value and site, and is an error ("layer:line: ...") when
  // there is none. The result keeps each entry's own file for messages.
  Status Merge(const RuleFile& layer);

  const std::string& path() const { return path_; }  // the first (base) file
  const std::string& source_path(int source) const { return sources_[source]; }
  // Where an entry is, for explanations: "spam.rules:12 phrase VALUE" for an entry of the base
  // file, the layer file's whole path for one of an --extra-rules layer.
  std::string Origin(const RuleEntry& e) const;
  const std::vector<RuleEntry>& entries() const { return entries_; }
  // All values of one directive, in file order.
  std::vector<std::string> Values(std::string_view directive) const;
  // "path:line: reason" for an entry, for stage-level validation errors.
  Status Error(const RuleEntry& e, std::string_view reason) const;

 private:
  std::string path_;
  std::vector<std::string> sources_;  // path_ first, then each merged layer's file
  std::vector<RuleEntry> entries_;
};

// Numeric settings (`set NAME NUMBER`) gathered from a rule file, e.g. rules/thresholds.rules.
// Unknown names are an error so that a typo cannot silently fall back to a default, and so is a
// second `set` of one name in one file; a later layer's `set` overrides an earlier file's.
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
