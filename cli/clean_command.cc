// `qingxi clean` — saved pages or text files in, one JSONL record per document out.
//
// The main thread walks the inputs and hands numbered tasks to worker threads; each worker reads
// its file and runs the one cleaning Pipeline; records are written in input order through a
// small reorder window. Memory is bounded by the window (a few documents per thread), not by the
// number of inputs.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "rule_options.h"
#include "doc_source.h"
#include "input_walker.h"
#include "jsonl_sink.h"
#include "preflight.h"
#include "progress.h"
#include "run_identity.h"
#include "record_counts.h"
#include "shard.h"
#include "qingxi/explain.h"
#include "qingxi/pipeline.h"
#include "qingxi/record_filter.h"
#include "qingxi/rule_file.h"
#include "qingxi/rule_sources.h"
#include "qingxi/signals.h"

namespace qingxi::cli {
namespace {

// Reads at most `limit` bytes (one more than the pipeline keeps, so it can tell truncation).
Status ReadInput(const std::string& path, size_t limit, std::string* out) {
  out->clear();
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) return Status::IoError(std::strerror(errno));
  char buf[1 << 16];
  size_t n;
  while (out->size() < limit && (n = std::fread(buf, 1, std::min(sizeof buf, limit - out->size()), f)) > 0)
    out->append(buf, n);
  bool err = std::ferror(f);
  if (f != stdin) std::fclose(f);
  if (err) return Status::IoError(std::strerror(errno));
  return Status::Ok();
}

}  // namespace

int RunClean(int argc, char** argv) {
  CLI::App app{"Clean saved pages or text files into JSONL records (one per document).", "qingxi clean"};
  std::vector<std::string> inputs;
  std::string output = "-", in_kind = "auto", rules_dir;
  int threads = DefaultThreads();
  bool no_convert = false, quiet = false, restart = false, with_signals = false;
  std::string vocab = "none";
  size_t max_bytes = 64u << 20;
  std::string manifest, shard_text, out_dir, compress = "none", stats_file, drop_flags;
  std::string explain_path;
  corpus::FilterOptions filter;
  app.add_option("INPUT", inputs,
                 "files, directories (recursed: pages and text files; robots.txt, stylesheets, "
                 "scripts, JSON, URL lists, logs and binary files are skipped and counted) or - "
                 "for standard input");
  app.add_option("--manifest", manifest, "read the inputs from FILE, one per line ('-': standard input)");
  app.add_option("--shard", shard_text, "I/N: process only shard I of N of the inputs (with --out)");
  app.add_option("--out", out_dir, "write DIR/part-I.jsonl and the done marker DIR/part-I.done; a shard "
                 "whose marker exists exits at once");
  app.add_option("--compress", compress, "output compression for --out: none or zstd")
      ->capture_default_str()
      ->check(CLI::IsMember({"none", "zstd"}));
  app.add_option("-o,--output", output, "JSONL output file (default: standard output); written to "
                 "FILE.partial and renamed when complete");
  app.add_option("--in", in_kind, "input format: auto (by extension, then content), html, text, "
                 "jsonl (objects with html/text) or warc (.warc, .warc.gz, .wet)")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "html", "text", "jsonl", "warc"}));
  app.add_option("--threads", threads, "worker threads (default: all cores, here " +
                 std::to_string(DefaultThreads()) + ")")->check(CLI::Range(1, 1024));
  app.add_flag("--no-convert", no_convert, "keep the original script (no traditional -> simplified)");
  app.add_option("--vocab", vocab, "also map regional words to mainland ones: tw (軟體 -> 软件) or hk "
                 "(default none: characters only; see docs/conversion.md)")
      ->check(CLI::IsMember({"none", "tw", "hk"}));
  app.add_option("--rules", rules_dir, "rules directory (default: " + DefaultRulesDir() + ")");
  std::vector<std::string> extra_rules;
  AddExtraRulesOption(&app, &extra_rules);
  app.add_option("--max-bytes", max_bytes, "bytes read per input at most; longer inputs are cut and "
                 "flagged \"truncated\"")
      ->capture_default_str();
  app.add_flag("--signals", with_signals, "add quality signals to each record (key \"signals\": "
               "han_chars, han_ratio, punct_ratio, dup_line_frac, ...; see docs/signals.md)");
  app.add_option("--min-han-chars", filter.min_han_chars, "drop documents with fewer Han characters "
                 "than N (counted in the summary)");
  app.add_option("--drop-flags", drop_flags, "drop documents carrying any of these flags, e.g. "
                 "paywall,listing,empty (counted in the summary)");
  app.add_option("--stats", stats_file, "write the run's counts as JSON to FILE: records by flag, "
                 "error kinds, inputs skipped as not documents and documents dropped, by reason");
  app.add_option("--explain", explain_path, "also write, per document, what was removed and why "
                 "(one JSON line: removed text, stage, reason, rule; see docs/explain.md) to FILE, "
                 "in the order of the records; written to FILE.partial and renamed when complete");
  app.add_flag("--restart", restart, "ignore an interrupted run's FILE.partial and start over");
  app.add_flag("-q,--quiet", quiet, "no summary on standard error");
  app.footer(
      "Exit status: 0 every input became a record; 3 finished, but some inputs became error records;\n"
      "2 bad usage or rule file (nothing processed); 1 fatal (output could not be written).\n"
      "An interrupted run with -o resumes from FILE.partial when started again.\n"
      "\n"
      "Examples:\n"
      "  qingxi clean saved_pages/ -o corpus.jsonl\n"
      "  qingxi clean --manifest files.txt --shard 3/16 --out corpus/ --compress zstd\n"
      "  qingxi clean pages/ -o corpus.jsonl --explain removed.jsonl");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }

  if (inputs.empty() && manifest.empty()) {
    std::fprintf(stderr, "qingxi clean: no input (give INPUT... or --manifest FILE)\n%s",
                 app.help().c_str());
    return kExitUsage;
  }
  if (!out_dir.empty() && app.count("--output") > 0) {
    std::fprintf(stderr, "qingxi clean: -o and --out exclude each other (-o FILE writes one file; "
                 "--out DIR writes DIR/part-I.jsonl for a shard)\n");
    return kExitUsage;
  }
  if (compress == "zstd" && out_dir.empty()) {
    std::fprintf(stderr, "qingxi clean: --compress zstd applies to --out DIR only (for one "
                 "compressed file, name it: -o FILE.jsonl.zst)\n");
    return kExitUsage;
  }
  // -o FILE.zst writes zstd, as --compress zstd does for --out: the records go to the plain
  // FILE.partial (so an interrupted run resumes) and are compressed into FILE when complete.
  const bool zstd_output = out_dir.empty() ? output.size() > 4 && output.compare(output.size() - 4, 4, ".zst") == 0
                                           : compress == "zstd";
  if (Status s = CheckParentDirectory(output, "-o"); out_dir.empty() && !s.ok()) {
    std::fprintf(stderr, "qingxi clean: %s\n", s.message().c_str());
    return kExitUsage;
  }
  if (!explain_path.empty()) {
    if (explain_path == output && output != "-") {
      std::fprintf(stderr, "qingxi clean: --explain must name another file than -o\n");
      return kExitUsage;
    }
    if (explain_path == "-" && (output == "-" && out_dir.empty())) {
      std::fprintf(stderr, "qingxi clean: --explain - needs -o FILE or --out DIR (the records go to "
                   "standard output)\n");
      return kExitUsage;
    }
    if (Status s = CheckParentDirectory(explain_path, "--explain"); !s.ok()) {
      std::fprintf(stderr, "qingxi clean: %s\n", s.message().c_str());
      return kExitUsage;
    }
  }
  ShardSpec shard;
  if (!shard_text.empty()) {
    auto parsed = ParseShard(shard_text);
    if (!parsed.ok()) {
      std::fprintf(stderr, "qingxi clean: %s\n", parsed.status().message().c_str());
      return kExitUsage;
    }
    shard = *parsed;
  }
  ShardPaths shard_paths;
  if (!out_dir.empty()) {
    shard_paths = PathsFor(out_dir, shard, compress == "zstd");
    if (access(shard_paths.done.c_str(), F_OK) == 0) {
      if (!quiet) std::fprintf(stderr, "qingxi clean: %s exists: shard already done\n", shard_paths.done.c_str());
      return kExitOk;
    }
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    if (ec) {
      std::fprintf(stderr, "qingxi clean: %s: %s\n", out_dir.c_str(), ec.message().c_str());
      return kExitRetryable;
    }
    output = shard_paths.output;
  }

  if (!drop_flags.empty()) {
    std::vector<std::string> unknown;
    filter.drop_flags = corpus::ParseFlagList(drop_flags, &unknown);
    for (const std::string& f : unknown)
      std::fprintf(stderr, "qingxi clean: warning: --drop-flags: '%s' is not a flag qingxi sets\n", f.c_str());
  }

  PipelineOptions popt;
  popt.rules_dir = rules_dir.empty() ? DefaultRulesDir() : rules_dir;
  popt.extra_rules = extra_rules;
  popt.convert = !no_convert;
  ParseVocab(vocab, &popt.vocab);  // checked by CLI11 above
  popt.max_input_bytes = max_bytes;
  if (Status s = RuleSources(popt.rules_dir, popt.extra_rules).Check(); !s.ok()) {
    std::fprintf(stderr, "qingxi clean: %s\n", s.message().c_str());
    return kExitUsage;
  }
  auto pipeline = Pipeline::Create(popt);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "qingxi clean: %s\n", pipeline.status().message().c_str());
    return kExitUsage;
  }
  const InputFormat format = ParseInputFormat(in_kind);

  // Every input is checked before anything is written or any thread starts: a mistyped path, a
  // missing manifest or inputs that hold no document are usage errors naming the input (exit 2),
  // never an empty corpus with status 0.
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (in != "-" && !std::filesystem::exists(in, ec)) {
      std::fprintf(stderr, "qingxi clean: %s: no such file or directory (check the INPUT path)\n", in.c_str());
      return kExitUsage;
    }
  }
  ManifestReader manifest_reader;
  std::unique_ptr<InputWalker> walker_ptr;
  if (!manifest.empty()) {
    if (Status s = manifest_reader.Open(manifest, ShardSpec{}); !s.ok()) {
      std::fprintf(stderr, "qingxi clean: cannot read --manifest %s\n", s.message().c_str());
      return kExitUsage;
    }
    walker_ptr = std::make_unique<InputWalker>(
        [&](std::string* out) { return manifest_reader.Next(out); });
  } else {
    walker_ptr = std::make_unique<InputWalker>(inputs);
  }
  InputWalker& walker = *walker_ptr;
  InputFile file;
  std::string warning;
  bool have_file = walker.Next(&file, &warning);
  if (!have_file) {
    if (!warning.empty()) std::fprintf(stderr, "qingxi clean: %s\n", warning.c_str());
    std::string what = !manifest.empty() ? "--manifest " + manifest + " (no entry that names a document)" : "";
    for (const std::string& in : inputs) what += (what.empty() ? "" : " ") + in;
    std::fprintf(stderr, "qingxi clean: no document found in %s: nothing to clean\n", what.c_str());
    return kExitUsage;
  }

  // What the output depends on: a .partial begun with other inputs or options is not continued.
  nlohmann::json identity;
  identity["inputs"] = inputs;
  identity["manifest"] = manifest;
  identity["shard"] = std::to_string(shard.index) + "/" + std::to_string(shard.count);
  identity["in"] = in_kind;
  identity["convert"] = !no_convert;
  identity["max_bytes"] = max_bytes;
  identity["rules"] = RulesFingerprint(popt.rules_dir);
  for (const std::string& layer : popt.extra_rules)
    identity["extra_rules"].push_back(RulesFingerprint(layer));
  identity["zstd"] = zstd_output;
  JsonlSink sink;
  if (Status s = sink.Open(output, !restart, zstd_output, identity.dump()); !s.ok()) {
    std::fprintf(stderr, "qingxi clean: %s\n", s.message().c_str());
    if (s.code() == Status::Code::kInvalidArgument) return kExitUsage;
    return out_dir.empty() ? kExitFatal : kExitRetryable;
  }
  // The explanations follow the records line for line, written and resumed the same way.
  JsonlSink explain_sink;
  if (!explain_path.empty()) {
    if (Status s = explain_sink.Open(explain_path, !restart, false, identity.dump()); !s.ok()) {
      std::fprintf(stderr, "qingxi clean: --explain: %s\n", s.message().c_str());
      if (s.code() == Status::Code::kInvalidArgument) return kExitUsage;
      return out_dir.empty() ? kExitFatal : kExitRetryable;
    }
    // Resumed, the two must hold the same documents, or the explanations would miss some.
    bool missing = false;
    for (const std::string& src : sink.done_sources()) missing |= !explain_sink.done_sources().count(src);
    if (missing) {
      std::fprintf(stderr, "qingxi clean: --explain %s holds %zu documents of the interrupted run and "
                   "the output %zu: run again with --restart\n", explain_sink.partial_path().c_str(),
                   explain_sink.done_sources().size(), sink.done_sources().size());
      return kExitUsage;
    }
  }
  if (!quiet && !sink.done_sources().empty())
    std::fprintf(stderr, "qingxi clean: resuming %s: %zu records already written\n",
                 sink.partial_path().c_str(), sink.done_sources().size());

  // Shared state: a bounded task queue in, an ordered reorder window out.
  const size_t window = static_cast<size_t>(threads) * 4;
  std::mutex mu;
  std::condition_variable cv;
  std::deque<DocTask> queue;
  // seq -> JSON line ("" when dropped) and its explanation line, waiting for their turn
  std::map<uint64_t, std::pair<std::string, std::string>> ready;
  RecordCounts counts;                     // guarded by mu
  uint64_t next_write = 0, produced = 0;
  bool done_producing = false, fatal = false;
  std::string fatal_msg;
  std::atomic<uint64_t> n_ok{0}, n_err{0}, n_bytes{0};

  // On a terminal, a progress line (documents, rate, error records, MB read); the inputs are
  // walked lazily, so there is no total.
  Progress progress("clean", "documents", quiet);
  auto write_ready = [&]() {  // called with mu held
    progress.Update({n_ok + n_err, 0, n_err.load(), n_bytes.load(), ""});
    while (!ready.empty() && ready.begin()->first == next_write) {
      const auto& [line, explained] = ready.begin()->second;
      if (!fatal && !line.empty()) {
        Status s = sink.Write(line);
        if (!s.ok()) {
          fatal = true;
          fatal_msg = s.message();
        }
      }
      if (!fatal && !explained.empty()) {
        Status s = explain_sink.Write(explained);
        if (!s.ok()) {
          fatal = true;
          fatal_msg = "--explain: " + s.message();
        }
      }
      ready.erase(ready.begin());
      ++next_write;
    }
    cv.notify_all();
  };

  auto worker = [&]() {
    std::string bytes;
    for (;;) {
      DocTask t;
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return !queue.empty() || done_producing; });
        if (queue.empty()) return;
        t = std::move(queue.front());
        queue.pop_front();
        cv.notify_all();
      }
      Record rec;
      Explanation explanation;
      Explanation* explain = explain_path.empty() ? nullptr : &explanation;
      Status rs;
      if (t.loaded) {
        bytes = std::move(t.bytes);
      } else {
        rs = ReadInput(t.path, max_bytes + 1, &bytes);
      }
      if (!rs.ok()) {
        rec.id = t.id;
        rec.source = t.source;
        rec.error = "read: " + rs.message();
      } else if (bytes.empty() && t.content_type.rfind("error: ", 0) == 0) {
        rec.id = t.id;
        rec.source = t.source;
        rec.url = t.url;
        rec.fetched_at = t.fetched_at;
        rec.error = t.content_type.substr(7);
      } else {
        InputDocument doc;
        doc.id = t.id;
        doc.source = t.source;
        doc.url = t.url;
        doc.fetched_at = t.fetched_at;
        doc.bytes = bytes;
        doc.kind = t.kind;
        doc.content_type = t.content_type;
        doc.name_hint = t.path.empty() ? t.url : t.path;
        rec = (*pipeline)->Process(doc, explain);
      }
      n_bytes += bytes.size();
      (rec.is_error() ? n_err : n_ok)++;
      // Signals and filters look at the clean text only; error records pass through.
      std::string drop, line;
      corpus::Signals signals;
      if ((with_signals || filter.active()) && !rec.is_error()) {
        signals = corpus::ComputeSignals(rec.text);
        drop = corpus::DropReason(rec, signals, filter);
      }
      if (drop.empty()) {
        line = ToJsonLine(rec);
        if (with_signals && !rec.is_error())
          line.insert(line.size() - 1, ",\"signals\":" + corpus::SignalsToJson(signals));
      }
      std::string explained;
      if (explain) {
        explained = ExplanationToJsonLine(rec, explanation);
        if (!drop.empty())
          explained.insert(explained.size() - 1, ",\"dropped\":" + nlohmann::json(drop).dump());
      }
      std::lock_guard<std::mutex> lock(mu);
      if (drop.empty()) counts.CountWritten(rec);
      else ++counts.dropped[drop];
      ready.emplace(t.seq, std::make_pair(std::move(line), std::move(explained)));
      write_ready();
    }
  };

  auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (int i = 0; i < threads; ++i) pool.emplace_back(worker);

  // Inputs come from the arguments or, lazily, from the manifest; with --shard, every input
  // found (after directory walking) is numbered and only this shard's share is kept.
  uint64_t position = 0;
  uint64_t source_errors = 0;
  UniqueIds unique_ids;
  for (; have_file && !fatal; have_file = walker.Next(&file, &warning)) {
    if (!warning.empty() && !quiet) std::fprintf(stderr, "qingxi clean: %s\n", warning.c_str());
    auto docs = DocSource::Open(file.path, format, max_bytes, file.root);
    DocTask task;
    while (docs->Next(&task)) {
      unique_ids.Apply(&task.id);  // every shard sees every id: unique across the shards too
      if (static_cast<int>(position++ % static_cast<uint64_t>(shard.count)) != shard.index) continue;
      if (sink.done_sources().count(task.source)) continue;
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return produced < next_write + window || fatal; });
      if (fatal) break;
      task.seq = produced++;
      queue.push_back(std::move(task));
      cv.notify_all();
    }
    {
      std::lock_guard<std::mutex> lock(mu);
      counts.AddSkipped(docs->skipped());
    }
    if (Status s = docs->status(); !s.ok()) {
      // The container could not be read (to its end): say so; what was read is kept.
      ++source_errors;
      std::fprintf(stderr, "qingxi clean: %s\n", s.message().c_str());
    }
  }
  if (!warning.empty() && !quiet) std::fprintf(stderr, "qingxi clean: %s\n", warning.c_str());
  {
    std::lock_guard<std::mutex> lock(mu);
    done_producing = true;
  }
  cv.notify_all();
  for (auto& th : pool) th.join();
  counts.AddSkipped(walker.skipped());
  progress.Finish();

  const int write_failure = out_dir.empty() ? kExitFatal : kExitRetryable;
  if (fatal) {
    std::fprintf(stderr, "qingxi clean: cannot write output: %s\n", fatal_msg.c_str());
    return write_failure;
  }
  if (!manifest_reader.status().ok()) {
    std::fprintf(stderr, "qingxi clean: %s\n", manifest_reader.status().message().c_str());
    return write_failure;
  }
  if (Status s = sink.Commit(); !s.ok()) {
    std::fprintf(stderr, "qingxi clean: cannot write output: %s\n", s.message().c_str());
    return write_failure;
  }
  if (!explain_path.empty()) {
    if (Status s = explain_sink.Commit(); !s.ok()) {
      std::fprintf(stderr, "qingxi clean: cannot write --explain output: %s\n", s.message().c_str());
      return write_failure;
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!out_dir.empty()) {
    // Resumed records count too: the marker describes the whole part file.
    std::string summary = "{\"shard\":\"" + std::to_string(shard.index) + "/" + std::to_string(shard.count) +
                          "\",\"output\":\"" + shard_paths.output + "\",\"records\":" +
                          std::to_string(counts.records + sink.done_sources().size()) +
                          ",\"error_records\":" + std::to_string(n_err.load()) + ",\"seconds\":" +
                          std::to_string(secs) + "}";
    if (Status s = WriteDoneMarker(shard_paths.done, summary); !s.ok()) {
      std::fprintf(stderr, "qingxi clean: %s\n", s.message().c_str());
      return kExitRetryable;
    }
  }
  if (!stats_file.empty()) {
    nlohmann::json j;
    j["command"] = "clean";
    j["documents"] = n_ok + n_err;
    j["records"] = counts.records;
    j["error_records"] = counts.error_records;
    j["input_bytes"] = n_bytes.load();
    j["seconds"] = secs;
    counts.AddTo(&j);
    if (Status s = WriteDoneMarker(stats_file, j.dump()); !s.ok()) {
      std::fprintf(stderr, "qingxi clean: --stats: %s\n", s.message().c_str());
      return kExitFatal;
    }
  }
  if (!quiet) {
    std::fprintf(stderr,
                 "qingxi clean: %llu documents, %llu error records, %llu dropped, %llu inputs not "
                 "documents, %.1f MB in %.2f s (%.0f docs/s, %d threads)\n",
                 static_cast<unsigned long long>(n_ok + n_err), static_cast<unsigned long long>(n_err.load()),
                 static_cast<unsigned long long>(counts.total_dropped()),
                 static_cast<unsigned long long>(counts.total_skipped()),
                 n_bytes / 1e6, secs, secs > 0 ? (n_ok + n_err) / secs : 0.0, threads);
    std::fputs(counts.ToText("clean").c_str(), stderr);
  }
  // A finished shard is a success even with error records (they are in its output), so that
  // a batch engine does not retry it; a plain run reports them with status 3.
  if (!out_dir.empty()) return kExitOk;
  return n_err > 0 || source_errors > 0 ? kExitSomeErrors : kExitOk;
}

}  // namespace qingxi::cli
