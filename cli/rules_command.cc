// `qingxi rules check`: validates a rules directory and its --extra-rules layers before a run.
//
// Every problem is one line on standard output, "FILE:LINE: reason" (or "FILE: reason" for a
// whole file), so that editors and CI logs link to it; warnings read "FILE:LINE: warning: ...".
// The checks: directories exist; every *.rules name is one qingxi reads; a rules directory holds
// every file; each file parses (directives, escapes, `site` sections, `unset` in layers only);
// regexes compile; one `set` per name per file; an `unset` finds its entry. Warnings: an entry
// that repeats one in the same file or, in a layer, one already in the rules below it; a
// drop.rules phrase so short that it would take ordinary sentences with it. Last, the
// whole engine is built from the merged rules, which reports what only a stage can judge
// (unknown settings, weights, table conflicts).
#include <re2/re2.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <filesystem>
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "rule_options.h"
#include "qingxi/pipeline.h"
#include "qingxi/rule_file.h"
#include "qingxi/rule_sources.h"
#include "qingxi/utf8.h"

namespace qingxi::cli {
namespace {

namespace fs = std::filesystem;

struct Report {
  int errors = 0, warnings = 0;
  void Error(const std::string& line) {
    std::printf("%s\n", line.c_str());
    ++errors;
  }
  void Warning(const std::string& where, const std::string& what) {
    std::printf("%s: warning: %s\n", where.c_str(), what.c_str());
    ++warnings;
  }
};

// drop.rules phrases shorter than this (in characters) are warned about.
constexpr size_t kDropPhraseMinChars = 4;

bool IsRegexDirective(const std::string& d) {
  return d == "regex" || (d.size() > 6 && d.compare(d.size() - 6, 6, "_regex") == 0);
}

using EntryKey = std::tuple<std::string, std::string, std::string>;  // directive, value, site
EntryKey KeyOf(const RuleEntry& e) { return {e.directive, e.value, e.site}; }

std::string Where(const RuleFile& f, const RuleEntry& e) {
  return f.source_path(e.source) + ":" + std::to_string(e.line);
}

// Checks one file on its own (parse, regexes, settings, repeats); returns it when it parses.
std::optional<RuleFile> CheckFile(const std::string& path, const RuleFileSpec& spec, bool layer,
                                  Report* report) {
  ParseOptions options;
  options.sites = spec.sites;
  options.unset = layer;
  auto loaded = RuleFile::Load(path, spec.directives, options);
  if (!loaded.ok() && loaded.status().code() == Status::Code::kNotFound) {
    report->Error(loaded.status().message());
    return std::nullopt;
  }
  // The parser stops at the first bad line; blank it and parse again to find the next one,
  // so that every bad line is reported in one run.
  std::string text;
  if (!loaded.ok()) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    text = ss.str();
  }
  bool parsed = loaded.ok();
  for (int round = 0; !loaded.ok() && round < 1000; ++round) {
    const std::string& m = loaded.status().message();
    report->Error(m);
    const size_t colon = m.find(':', path.size() + 1);
    if (m.compare(0, path.size() + 1, path + ":") != 0 || colon == std::string::npos) break;
    const int bad = std::atoi(m.substr(path.size() + 1, colon - path.size() - 1).c_str());
    size_t begin = 0;
    for (int line = 1; line < bad && begin != std::string::npos; ++line) {
      begin = text.find('\n', begin);
      if (begin != std::string::npos) ++begin;
    }
    if (bad < 1 || begin == std::string::npos) break;
    const size_t end = std::min(text.find('\n', begin), text.size());
    text.replace(begin, end - begin, "");
    loaded = RuleFile::Parse(text, path, spec.directives, options);
  }
  if (!loaded.ok()) return std::nullopt;
  auto file = std::move(loaded);
  RE2::Options quiet;
  quiet.set_log_errors(false);
  std::map<EntryKey, int> seen;
  std::map<std::string, int> settings;
  for (const RuleEntry& e : file->entries()) {
    if (IsRegexDirective(e.directive) && !e.remove) {
      RE2 re(e.value, quiet);
      if (!re.ok()) report->Error(file->Error(e, "bad regex: " + re.error()).message());
    }
    if (e.directive == "set" && !e.remove) {
      const std::string name = e.value.substr(0, e.value.find_first_of(" \t"));
      auto [it, fresh] = settings.emplace(name, e.line);
      if (!fresh)
        report->Error(file->Error(e, "setting '" + name + "' is already set on line " +
                                         std::to_string(it->second) + " (keep one 'set " + name +
                                         "' line)")
                          .message());
    }
    // One match removes the whole line: a phrase this short takes ordinary sentences with it.
    if (spec.name == "drop.rules" && e.directive == "phrase" && !e.remove &&
        utf8::CountCodePoints(e.value) < kDropPhraseMinChars)
      report->Warning(Where(*file, e),
                      "'phrase " + e.value + "' removes every line that contains it; use a "
                      "longer phrase, or 'line' for the whole line");
    auto [it, fresh] = seen.emplace(KeyOf(e), e.line);
    if (!fresh && !e.remove)
      report->Warning(Where(*file, e), "'" + e.directive + " " + e.value + "' repeats line " +
                                           std::to_string(it->second));
  }
  if (!parsed) return std::nullopt;  // reported; not merged into the layers above it
  return std::move(file).value();
}

// The directory's rule files: unknown names are reported; known ones returned by name.
std::vector<std::string> ListRuleFiles(const std::string& dir, Report* report) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (IsRuleFileName(name)) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  std::vector<std::string> known;
  for (const auto& name : names) {
    if (FindRuleFileSpec(name) == nullptr) report->Error(UnknownRuleFileMessage(dir + "/" + name));
    else known.push_back(name);
  }
  return known;
}

void CheckAll(const std::string& base, const std::vector<std::string>& layers, Report* report) {
  std::error_code ec;
  if (Status s = RuleSources(base).Check(); !s.ok() && !fs::is_directory(base, ec)) {
    report->Error(s.message());
    return;
  }
  std::map<std::string, RuleFile> merged;  // by file name: the rules below the next layer
  std::vector<std::string> present = ListRuleFiles(base, report);
  for (const RuleFileSpec& spec : RuleFileSpecs()) {
    if (std::find(present.begin(), present.end(), spec.name) == present.end()) {
      if (spec.optional) continue;
      report->Error(base + "/" + spec.name + ": missing (a rules directory holds every file "
                    "qingxi reads; to check a layer, use --extra-rules DIR)");
      continue;
    }
    auto file = CheckFile(base + "/" + spec.name, spec, /*layer=*/false, report);
    if (file) merged.emplace(spec.name, std::move(*file));
  }
  for (const std::string& dir : layers) {
    if (!fs::is_directory(dir, ec)) {
      report->Error("--extra-rules " + dir + ": no such directory");
      continue;
    }
    for (const std::string& name : ListRuleFiles(dir, report)) {
      const RuleFileSpec& spec = *FindRuleFileSpec(name);
      auto file = CheckFile(dir + "/" + name, spec, /*layer=*/true, report);
      if (!file) continue;
      auto below = merged.find(name);
      if (below == merged.end()) continue;  // the base file did not parse: reported above
      std::map<EntryKey, const RuleEntry*> lower;
      for (const RuleEntry& e : below->second.entries()) lower.emplace(KeyOf(e), &e);
      for (const RuleEntry& e : file->entries()) {
        if (e.remove || e.directive == "set") continue;
        auto hit = lower.find(KeyOf(e));
        if (hit != lower.end())
          report->Warning(Where(*file, e), "'" + e.directive + " " + e.value +
                                               "' is already in " +
                                               Where(below->second, *hit->second));
      }
      if (Status s = below->second.Merge(*file); !s.ok()) report->Error(s.message());
    }
  }
}

}  // namespace

int RunRulesCheck(int argc, char** argv) {
  CLI::App app{
      "Check rule files before a run: a rules directory (one with an opencc/ folder, as --rules\n"
      "takes) or a layer (any other directory, as --extra-rules takes, checked over --rules).\n"
      "Prints one line per problem, FILE:LINE: reason; warnings say 'warning:'.",
      "qingxi rules check"};
  std::string dir, rules_dir;
  std::vector<std::string> extra_rules;
  app.add_option("DIR", dir, "the directory to check (default: the rules directory)");
  app.add_option("--rules", rules_dir, "the rules directory the layers go over (default: " +
                                           DefaultRulesDir() + ")");
  AddExtraRulesOption(&app, &extra_rules);
  app.footer(
      "Exit status: 0 no error (warnings allowed); 1 errors found; 2 bad usage.\n"
      "\n"
      "Examples:\n"
      "  qingxi rules check my-rules/                 # a layer over the built-in rules\n"
      "  qingxi rules check --extra-rules common/ --extra-rules site-a/\n"
      "  qingxi rules check ./rules                   # a whole rules directory");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  std::string base = rules_dir.empty() ? DefaultRulesDir() : rules_dir;
  std::vector<std::string> layers;
  std::error_code ec;
  if (!dir.empty()) {
    if (!fs::is_directory(dir, ec)) {
      std::fprintf(stderr, "qingxi rules check: %s: no such directory\n", dir.c_str());
      return kExitUsage;
    }
    if (fs::is_directory(fs::path(dir) / "opencc", ec)) base = dir;  // a whole rules directory
    else layers.push_back(dir);
  }
  layers.insert(layers.end(), extra_rules.begin(), extra_rules.end());

  Report report;
  CheckAll(base, layers, &report);
  if (report.errors == 0) {
    // What only the stages can judge, on the merged rules.
    PipelineOptions options;
    options.rules_dir = base;
    options.extra_rules = layers;
    if (auto p = Pipeline::Create(options); !p.ok()) report.Error(p.status().message());
  }
  std::string checked = base;
  for (const auto& l : layers) checked += " + " + l;
  std::fprintf(stderr, "qingxi rules check: %s: %d error%s, %d warning%s\n", checked.c_str(),
               report.errors, report.errors == 1 ? "" : "s", report.warnings,
               report.warnings == 1 ? "" : "s");
  return report.errors ? 1 : kExitOk;
}

}  // namespace qingxi::cli
