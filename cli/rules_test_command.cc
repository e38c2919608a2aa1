// `qingxi rules test 'a line'` — which rule removes or cuts a line, and why.
//
// The line goes through the same TextCleaner as every document (as a one-line document, so it is
// at the top and the bottom of the text at once: rules that apply only near the edges apply),
// with an Explanation; each removal is printed with its reason, its rule (file:line directive
// value) and the span it matched. A kept line is said to be kept, with the entries that matched
// it without deciding (one spam phrase is below spam_min_hits).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "commands.h"
#include "qingxi/convert.h"
#include "qingxi/explain.h"
#include "qingxi/rule_file.h"
#include "qingxi/rule_sources.h"
#include "qingxi/text_cleaner.h"
#include "qingxi/utf8.h"
#include "rule_options.h"

namespace qingxi::cli {

int RunRulesTest(int argc, char** argv) {
  CLI::App app{
      "Say which rule (if any) removes or cuts a line, and why: the rule file and line, "
      "the directive and the span it matched.",
      "qingxi rules test"};
  std::vector<std::string> lines;
  std::string rules_dir, url;
  app.add_option("LINE", lines, "the line(s) to test, each one argument (quote it)")->required();
  app.add_option("--rules", rules_dir, "rules directory (default: " + DefaultRulesDir() + ")");
  app.add_option("--url", url,
                 "the page the line comes from (printed with the verdict; rules "
                 "scoped to a site apply to its host)");
  std::vector<std::string> extra_rules;
  AddExtraRulesOption(&app, &extra_rules);
  app.footer(
      "Exit status: 0 a rule removes or cuts every line given; 1 some line is kept (it says so,\n"
      "with the rules that matched it without deciding); 2 bad usage or rule file.\n"
      "See docs/explain.md for the reasons and docs/rules.md for the rule files.\n"
      "\n"
      "Examples:\n"
      "  qingxi rules test '分享到：微信 微博 QQ空间'\n"
      "  qingxi rules test '本文来源：新华网 作者：张三 2023-04-18 10:02'\n"
      "  qingxi rules test --extra-rules my-rules/ --url https://news.example.com/a.html '本站独家'");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  if (!url.empty() && url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
    std::fprintf(stderr, "qingxi rules test: --url %s: not an http:// or https:// URL\n",
                 url.c_str());
    return kExitUsage;
  }
  const std::string dir = rules_dir.empty() ? DefaultRulesDir() : rules_dir;
  const RuleSources rules(dir, extra_rules);
  if (Status s = rules.Check(); !s.ok()) {
    std::fprintf(stderr, "qingxi rules test: %s\n", s.message().c_str());
    return kExitUsage;
  }
  auto converter = Converter::Create(rules);
  if (!converter.ok()) {
    std::fprintf(stderr, "qingxi rules test: %s\n", converter.status().message().c_str());
    return kExitUsage;
  }
  auto cleaner = TextCleaner::Create(rules, converter.value());
  if (!cleaner.ok()) {
    std::fprintf(stderr, "qingxi rules test: %s\n", cleaner.status().message().c_str());
    return kExitUsage;
  }

  bool all_fired = true;
  for (const std::string& line : lines) {
    if (!utf8::IsValid(line)) {
      std::fprintf(stderr, "qingxi rules test: the line is not valid UTF-8 (give it in UTF-8)\n");
      return kExitUsage;
    }
    if (utf8::Trim(line).empty()) {
      std::fprintf(stderr, "qingxi rules test: the line is empty (give the text to test)\n");
      return kExitUsage;
    }
    CleanInput in;
    in.lines = {line};
    in.from_html = true;  // a line, not a page: no title is looked for in it
    in.url = url;         // site-scoped rules apply to its host
    Explanation ex;
    CleanOutput out = (*cleaner)->Clean(in, &ex);
    std::printf("line: %s\n", line.c_str());
    if (!url.empty()) std::printf("url: %s\n", url.c_str());
    if (ex.removed.empty()) {
      all_fired = false;
      std::printf("kept: no rule removes or cuts this line\n");
      std::vector<std::string> near = (*cleaner)->MatchingRules(line);
      if (!near.empty()) {
        std::printf(
            "matched without deciding (a class needs more than one entry or a threshold; "
            "see docs/rules.md):\n");
        for (const std::string& m : near) std::printf("  %s\n", m.c_str());
      }
    } else {
      const bool whole = out.paragraphs.empty();
      for (const Removal& r : ex.removed) {
        std::printf("%s: %s (%s)\n",
                    whole && utf8::Trim(r.text) == utf8::Trim(line) ? "removed" : "cut",
                    r.reason.c_str(), StageName(r.stage));
        if (!r.rule.empty()) std::printf("  rule: %s\n", r.rule.c_str());
        std::printf("  span: %s\n", r.text.c_str());
      }
      if (!whole)
        for (const std::string& p : out.paragraphs) std::printf("kept: %s\n", p.c_str());
    }
    if (lines.size() > 1) std::printf("\n");
  }
  return all_fired ? kExitOk : 1;
}

}  // namespace qingxi::cli
