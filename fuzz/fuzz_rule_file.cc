// fuzz_rule_file: the rule-file format every file in rules/ is written in (qingxi/rule_file.h)
// and the numeric settings read from it.
// Input: the file's text.
// Invariants: Parse succeeds or fails with InvalidArgument naming "path:line: "; entries have
// a lower-case ASCII directive and strictly increasing line numbers within the file's line
// count; a value has no line break and no surrounding white space left unescaped
// in a way the format forbids (no leading space or tab); with a directive list, only those
// directives come back.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "qingxi/rule_file.h"
#include "qingxi/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace qingxi;
  const std::string_view text = fuzz::AsView(data, size);
  const int lines = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  auto any = RuleFile::Parse(text, "fuzz.rules", {});
  if (!any.ok()) {
    QX_FUZZ_CHECK(any.status().code() == Status::Code::kInvalidArgument, any.status().message());
    QX_FUZZ_CHECK(any.status().message().compare(0, 11, "fuzz.rules:") == 0,
                  "error without path:line: " + any.status().message());
  } else {
    int last = 0;
    for (const RuleEntry& e : any.value().entries()) {
      QX_FUZZ_CHECK(e.line > last && e.line <= lines, "bad line number");
      last = e.line;
      QX_FUZZ_CHECK(!e.directive.empty(), "empty directive");
      for (char c : e.directive)
        QX_FUZZ_CHECK((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-',
                      "directive not a lower-case word: " + e.directive);
      QX_FUZZ_CHECK(e.value.find('\n') == std::string::npos, "line break in value");
      QX_FUZZ_CHECK(utf8::IsValid(e.value), "value not UTF-8");
    }
  }
  const std::vector<std::string> allowed = {"set", "phrase", "regex"};
  auto some = RuleFile::Parse(text, "fuzz.rules", allowed);
  if (some.ok()) {
    for (const RuleEntry& e : some.value().entries())
      QX_FUZZ_CHECK(e.directive == "set" || e.directive == "phrase" || e.directive == "regex",
                    "directive outside the allowed list: " + e.directive);
    auto settings = Settings::FromRuleFile(some.value(), {{"min_chars", 10}, {"ratio", 0.5}});
    if (settings.ok()) {
      (void)settings.value().Get("min_chars");
      (void)settings.value().Get("ratio");
    }
  }
  // A layer: `site` sections and `unset` lines, merged over the same text as a base file.
  auto layer = RuleFile::Parse(text, "layer.rules", allowed, ParseOptions{true, true});
  if (layer.ok()) {
    for (const RuleEntry& e : layer.value().entries())
      for (char c : e.site)
        QX_FUZZ_CHECK((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.',
                      "site not a lower-case host: " + e.site);
    auto base = RuleFile::Parse(text, "fuzz.rules", allowed, ParseOptions{true, false});
    if (base.ok()) {
      Status merged = base.value().Merge(layer.value());
      QX_FUZZ_CHECK(merged.ok() || merged.message().compare(0, 12, "layer.rules:") == 0,
                    "merge error without the layer's path:line: " + merged.message());
    }
  }
  return 0;
}
