// `qingxi stats` — what a JSONL corpus holds, for machines (--json) and people (--html).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "commands.h"
#include "line_reader.h"
#include "qingxi/stats.h"
#include "shard.h"

namespace qingxi::cli {
namespace {

Status ReadAll(const std::string& path, std::string* out) {
  LineReader r;
  if (Status s = r.Open(path); !s.ok()) return s;
  std::string line;
  while (r.Next(&line)) *out += line + "\n";
  return r.status();
}

}  // namespace

int RunStats(int argc, char** argv) {
  CLI::App app{
      "Count what a JSONL corpus holds: flags, scripts, years, sites, lengths, quality "
      "signals, filter and duplicate outcomes.",
      "qingxi stats"};
  std::vector<std::string> inputs, runs, dedup_reports;
  std::string json_out, html_out;
  bool quiet = false;
  app.add_option("CORPUS", inputs, "JSONL files (.jsonl, .jsonl.zst) or - for standard input")
      ->required();
  app.add_option("--json", json_out, "write the counts as JSON to FILE ('-': standard output)");
  app.add_option("--html", html_out,
                 "write a self-contained HTML report (inline SVG charts, no "
                 "network) to FILE");
  app.add_option("--run", runs,
                 "add the skipped and dropped counts of a run summary written by "
                 "clean --stats or crawl --stats (repeatable)");
  app.add_option("--dedup-report", dedup_reports,
                 "add the removed records of a dedup --report "
                 "file (repeatable)");
  app.add_flag("-q,--quiet", quiet, "no summary on standard error");
  app.footer(
      "Exit status: 0 ok; 1 an input could not be read or an output written; 2 bad usage;\n"
      "3 finished, but some lines were not JSON objects (counted as malformed_lines).");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }

  corpus::CorpusStats stats;
  std::string title;
  for (const std::string& path : inputs) {
    LineReader reader;
    if (Status s = reader.Open(path); !s.ok()) {
      std::fprintf(stderr, "qingxi stats: %s\n", s.message().c_str());
      return kExitFatal;
    }
    std::string line;
    while (reader.Next(&line)) stats.AddLine(line);
    if (!reader.status().ok()) {
      std::fprintf(stderr, "qingxi stats: %s\n", reader.status().message().c_str());
      return kExitFatal;
    }
    title += (title.empty() ? "" : " ") + path;
  }
  for (const std::string& path : runs) {
    std::string text;
    Status s = ReadAll(path, &text);
    if (s.ok()) s = stats.AddRunStats(text);
    if (!s.ok()) {
      std::fprintf(stderr, "qingxi stats: --run %s: %s\n", path.c_str(), s.message().c_str());
      return kExitFatal;
    }
  }
  for (const std::string& path : dedup_reports) {
    LineReader reader;
    Status s = reader.Open(path);
    std::string line;
    uint64_t n = 0;
    while (s.ok() && reader.Next(&line)) {
      ++n;
      s = stats.AddDedupReportLine(line);
      if (!s.ok()) s = Status::InvalidArgument("line " + std::to_string(n) + ": " + s.message());
    }
    if (s.ok()) s = reader.status();
    if (!s.ok()) {
      std::fprintf(stderr, "qingxi stats: --dedup-report %s: %s\n", path.c_str(),
                   s.message().c_str());
      return kExitFatal;
    }
  }

  const std::string json = stats.ToJson();
  if (json_out == "-") {
    std::fputs(json.c_str(), stdout);
    std::fputc('\n', stdout);
  } else if (!json_out.empty()) {
    if (Status s = WriteDoneMarker(json_out, json); !s.ok()) {
      std::fprintf(stderr, "qingxi stats: --json: %s\n", s.message().c_str());
      return kExitFatal;
    }
  }
  if (!html_out.empty()) {
    if (Status s = WriteDoneMarker(html_out, stats.ToHtml(title)); !s.ok()) {
      std::fprintf(stderr, "qingxi stats: --html: %s\n", s.message().c_str());
      return kExitFatal;
    }
  }
  const uint64_t malformed = stats.malformed_lines();
  if (!quiet) {
    std::fprintf(stderr,
                 "qingxi stats: %llu records (%llu documents, %llu error records), %zu sites, "
                 "%.1f M characters%s\n",
                 static_cast<unsigned long long>(stats.records()),
                 static_cast<unsigned long long>(stats.records() - stats.error_records()),
                 static_cast<unsigned long long>(stats.error_records()), stats.sites(),
                 stats.text_chars() / 1e6,
                 malformed ? (", " + std::to_string(malformed) + " malformed lines").c_str() : "");
    if (json_out.empty() && html_out.empty())
      std::fputs("qingxi stats: give --json FILE and/or --html FILE for the full report\n", stderr);
  }
  return malformed > 0 ? kExitSomeErrors : kExitOk;
}

}  // namespace qingxi::cli
