// `qingxi explain` — one document through the cleaning engine, rendered as an HTML page that
// shows what was kept and what was removed, and why (cli/explain_page.h).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "commands.h"
#include "explain_page.h"
#include "preflight.h"
#include "qingxi/explain.h"
#include "qingxi/pipeline.h"
#include "qingxi/rule_file.h"

namespace qingxi::cli {

int RunExplain(int argc, char** argv) {
  CLI::App app{
      "Render one document as an HTML page: the kept text, and every removed part struck "
      "through and coloured by its reason, with the rule on hover.",
      "qingxi explain"};
  std::string page, output = "-", in_kind = "auto", rules_dir;
  bool no_convert = false;
  size_t max_bytes = 64u << 20;
  app.add_option("PAGE", page, "the page or text file ('-': standard input)")->required();
  app.add_option("-o,--output", output, "the HTML page to write (default: standard output)");
  app.add_option("--in", in_kind, "input format: auto (by extension, then content), html or text")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "html", "text"}));
  app.add_option("--rules", rules_dir, "rules directory (default: " + DefaultRulesDir() + ")");
  app.add_flag("--no-convert", no_convert, "show the record in the input's script");
  app.footer(
      "The page has no script and loads nothing: open it in any browser, or mail it.\n"
      "Exit status: 0 written; 3 the document became an error record (the page says why);\n"
      "2 bad usage or rule file; 1 the page could not be written.\n"
      "\n"
      "Examples:\n"
      "  qingxi explain saved/article.html -o article.explain.html\n"
      "  qingxi explain --in text dump.txt > dump.explain.html\n"
      "  qingxi explain --rules my-rules/ page.html -o page.explain.html");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  std::error_code ec;
  if (page != "-" && !std::filesystem::is_regular_file(page, ec)) {
    std::fprintf(stderr, "qingxi explain: %s: no such file (check the PAGE path)\n", page.c_str());
    return kExitUsage;
  }
  if (output != "-") {
    if (Status s = CheckParentDirectory(output, "-o"); !s.ok()) {
      std::fprintf(stderr, "qingxi explain: %s\n", s.message().c_str());
      return kExitUsage;
    }
  }
  PipelineOptions popt;
  popt.rules_dir = rules_dir.empty() ? DefaultRulesDir() : rules_dir;
  popt.max_input_bytes = max_bytes;
  if (Status s = CheckRulesDirectory(popt.rules_dir); !s.ok()) {
    std::fprintf(stderr, "qingxi explain: %s\n", s.message().c_str());
    return kExitUsage;
  }
  // The explanation is taken without conversion, so that the kept text can be found in the
  // source; the record shown is the one `clean` writes.
  popt.convert = false;
  auto explaining = Pipeline::Create(popt);
  popt.convert = !no_convert;
  auto writing = explaining.ok() ? Pipeline::Create(popt) : explaining;
  if (!explaining.ok() || !writing.ok()) {
    const Status& s = explaining.ok() ? writing.status() : explaining.status();
    std::fprintf(stderr, "qingxi explain: %s\n", s.message().c_str());
    return kExitUsage;
  }

  std::string bytes;
  {
    FILE* f = page == "-" ? stdin : std::fopen(page.c_str(), "rb");
    if (!f) {
      std::fprintf(stderr, "qingxi explain: %s: %s\n", page.c_str(), std::strerror(errno));
      return kExitUsage;
    }
    char buf[1 << 16];
    size_t n;
    while (bytes.size() <= max_bytes && (n = std::fread(buf, 1, sizeof buf, f)) > 0)
      bytes.append(buf, n);
    if (f != stdin) std::fclose(f);
  }
  InputDocument doc;
  doc.id = std::filesystem::path(page).filename().string();
  doc.source = page;
  doc.bytes = bytes;
  doc.name_hint = page;
  doc.kind = in_kind == "html"   ? InputKind::kHtml
             : in_kind == "text" ? InputKind::kText
                                 : InputKind::kAuto;
  Explanation explanation;
  Record r = (*explaining)->Process(doc, &explanation);
  Explanation converting;  // for the count of converted characters
  Record written = (*writing)->Process(doc, &converting);
  explanation.converted_chars = converting.converted_chars;
  const std::string html = RenderExplainPage(r, explanation, written);

  FILE* out = output == "-" ? stdout : std::fopen((output + ".partial").c_str(), "wb");
  if (!out) {
    std::fprintf(stderr, "qingxi explain: %s.partial: %s\n", output.c_str(), std::strerror(errno));
    return kExitFatal;
  }
  bool ok = std::fwrite(html.data(), 1, html.size(), out) == html.size();
  ok = (output == "-" ? std::fflush(out) : std::fclose(out)) == 0 && ok;
  if (ok && output != "-") ok = std::rename((output + ".partial").c_str(), output.c_str()) == 0;
  if (!ok) {
    std::fprintf(stderr, "qingxi explain: cannot write %s: %s\n", output.c_str(),
                 std::strerror(errno));
    return kExitFatal;
  }
  return r.is_error() ? kExitSomeErrors : kExitOk;
}

}  // namespace qingxi::cli
