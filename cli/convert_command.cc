// `qingxi convert`: UTF-8 text on standard input to simplified Chinese on standard output.
//
// Line for line: each input line gives one output line, so the command can sit in a shell
// pipeline next to paste/diff. The whole input is converted in one call, so that the
// document-level script decision (see qingxi/convert.h) sees all of it; a line that is already
// simplified comes out byte for byte.
#include <cstdio>
#include <iostream>
#include <iterator>
#include <string>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "rule_options.h"
#include "preflight.h"
#include "qingxi/convert.h"
#include "qingxi/rule_file.h"
#include "qingxi/rule_sources.h"
#include "qingxi/utf8.h"

namespace qingxi::cli {

int RunConvert(int argc, char** argv) {
  CLI::App app{
      "Convert UTF-8 text on standard input to simplified Chinese on standard output, line for\n"
      "line. Traditional characters are converted phrase by phrase wherever they stand (OpenCC's\n"
      "dictionaries in RULES/opencc/ plus qingxi's corrections in RULES/t2s_corrections.rules);\n"
      "text without traditional characters is left byte for byte as it is.",
      "qingxi convert"};
  std::string rules_dir = DefaultRulesDir();
  app.add_option("--rules", rules_dir, "directory holding t2s_corrections.rules, script_chars.rules "
                 "and opencc/")
      ->default_str(rules_dir);
  std::vector<std::string> extra_rules;
  AddExtraRulesOption(&app, &extra_rules);
  std::string vocab = "none";
  app.add_option("--vocab", vocab, "also map regional words to mainland ones: tw (軟體 -> 软件, "
                 "計程車 -> 出租车) or hk (伺服器 -> 服务器); none converts characters only")
      ->check(CLI::IsMember({"none", "tw", "hk"}))
      ->default_str("none");
  app.footer(
      "Exit status: 0 ok; 1 input or output error; 2 bad usage or rule file.\n"
      "\n"
      "Examples:\n"
      "  echo '開發區著力推進' | qingxi convert    # 开发区着力推进\n"
      "  echo '軟體' | qingxi convert --vocab tw  # 软件\n"
      "  qingxi convert < traditional.txt > simplified.txt");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }

  const RuleSources rules(rules_dir, extra_rules);
  if (Status s = rules.Check(); !s.ok()) {
    std::fprintf(stderr, "qingxi convert: %s\n", s.message().c_str());
    return kExitUsage;
  }
  ConvertOptions options;
  ParseVocab(vocab, &options.vocab);  // checked by CLI11 above
  Result<std::shared_ptr<const Converter>> converter = Converter::Create(rules, options);
  if (!converter.ok()) {
    std::fprintf(stderr, "qingxi convert: %s\n", converter.status().message().c_str());
    return kExitUsage;
  }

  std::ios::sync_with_stdio(false);
  std::string input((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  if (std::cin.bad()) {
    std::fputs("qingxi convert: cannot read standard input\n", stderr);
    return kExitFatal;
  }
  // The converter requires valid UTF-8; repair rather than refuse (U+FFFD marks the damage).
  std::string text;
  if (utf8::IsValid(input)) {
    text = std::move(input);
  } else {
    size_t bad = utf8::Sanitize(input, &text);
    std::fprintf(stderr, "qingxi convert: %zu invalid UTF-8 sequences replaced by U+FFFD\n", bad);
  }
  std::string out = converter.value()->ToSimplified(text);
  if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0) {
    std::fputs("qingxi convert: cannot write standard output\n", stderr);
    return kExitFatal;
  }
  return kExitOk;
}

}  // namespace qingxi::cli
