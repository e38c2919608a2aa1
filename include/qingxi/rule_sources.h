// qingxi/rule_sources.h — where the rule files come from: the rules directory and the
// --extra-rules layers on top of it, and the `site` sections that scope entries to hosts.
//
// RuleFileSpecs() is the registry of the rule files qingxi reads: each file's name, the
// directives it may hold and whether it takes `site` sections. Stages load their files by name
// through it, and `qingxi rules check` validates against it.
//
// A RuleSources is the base rules directory (--rules, $QINGXI_RULES) plus zero or more layer
// directories (--extra-rules DIR, in order). Load(name) reads the base's file and merges each
// layer's file of the same name over it (RuleFile::Merge): entries are added, `unset` lines remove
// earlier entries, and a later `set` overrides an earlier one. Every stage loads its files through
// here, so layering works the same for all of them. Check() validates the directories once at
// start-up: each exists, and every *.rules file in them is one qingxi knows (KnownRuleFiles()) —
// a mistyped or invented name is an error rather than a file silently ignored. Names that do
// not end in ".rules" (README, opencc/, editor backups) are not rule files and are skipped.
//
// Sites: an entry in a `site HOST` section applies to documents whose URL's host is HOST or one
// of its subdomains (a suffix match on label boundaries: `site example.com` covers example.com
// and news.example.com, not example.com.cn or badexample.com). A SiteTable numbers the sites a
// stage's rules name; Active(host) says once per document which of them apply.
//
// Thread-safety: RuleSources and SiteTable are plain values, immutable once built; their const
// methods may run on many threads.
#ifndef QINGXI_RULE_SOURCES_H_
#define QINGXI_RULE_SOURCES_H_

#include <string>
#include <string_view>
#include <vector>

#include "qingxi/rule_file.h"
#include "qingxi/status.h"

namespace qingxi {

class RuleSources {
 public:
  RuleSources() = default;
  // One directory without layers (implicit: a directory name is the common case).
  RuleSources(std::string base) : base_(std::move(base)) {}  // NOLINT(runtime/explicit)
  RuleSources(const char* base) : base_(base) {}             // NOLINT(runtime/explicit)
  RuleSources(std::string base, std::vector<std::string> layers)
      : base_(std::move(base)), layers_(std::move(layers)) {}

  const std::string& base() const { return base_; }
  const std::vector<std::string>& layers() const { return layers_; }

  // The base's `name` (one of RuleFileSpecs(), whose directives and sites it may hold) merged
  // with every layer's `name` that exists; layer files may hold `unset`. Errors as
  // RuleFile::Load's and RuleFile::Merge's, with the path of the file at fault.
  Result<RuleFile> Load(std::string_view name) const;

  // Ok when the base and every layer are directories holding only known *.rules names;
  // otherwise one line naming the directory or file and the fix.
  Status Check() const;

 private:
  std::string base_;
  std::vector<std::string> layers_;
};

// One rule file qingxi reads, and what it may hold.
struct RuleFileSpec {
  std::string name;                     // "spam.rules"
  std::vector<std::string> directives;  // "phrase", ...
  bool sites = false;                   // takes `site HOST` sections
  bool optional = false;                // may be absent from a rules directory (read as empty)
};

// Every rule file, sorted by name; nullptr from FindRuleFileSpec for a name not among them.
const std::vector<RuleFileSpec>& RuleFileSpecs();
const RuleFileSpec* FindRuleFileSpec(std::string_view name);
// "boilerplate.rules drop.rules ...": the names, for messages.
std::string RuleFileNames();
// Whether a directory entry is a rule file at all (its name ends in ".rules").
bool IsRuleFileName(std::string_view name);
// "PATH: unknown rule file name (qingxi reads only: ...; ...)".
std::string UnknownRuleFileMessage(const std::string& path);

// The host of `url` in lower case ("https://News.Example.com:8080/a" -> "news.example.com"),
// "" when `url` has none (a file path, an empty string).
std::string UrlHost(std::string_view url);

// True when `host` is `site` or a subdomain of it.
bool HostInSite(std::string_view host, std::string_view site);

// The distinct sites named by a stage's rules, numbered from 1 (0 means "every site").
class SiteTable {
 public:
  // The number for `site` ("" -> 0), adding it when new.
  int Add(const std::string& site);
  bool empty() const { return sites_.empty(); }
  // Which numbers apply to a document from `host`: result[id] is true for applicable ones.
  // Empty (no allocation) when the table is empty; use Applies() to read it.
  std::vector<char> Active(std::string_view host) const;
  static bool Applies(const std::vector<char>& active, int id) {
    return id == 0 || (static_cast<size_t>(id) < active.size() && active[id]);
  }

 private:
  std::vector<std::string> sites_;  // id - 1 -> host
};

}  // namespace qingxi

#endif  // QINGXI_RULE_SOURCES_H_
