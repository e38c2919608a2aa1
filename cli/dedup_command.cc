// `qingxi dedup` — removes exact and near-duplicate records from JSONL corpora.
//
//   qingxi dedup [options] INPUT... -o OUTPUT.jsonl [--report FILE] [--lines]
//
// Two passes over the inputs: the first computes one fixed-size sketch per record
// (qingxi/minhash.h) and, with --lines, per-site line counts; the clusters are built
// (qingxi/dedup.h); the second pass copies the kept records byte for byte, in input order, and
// writes one report line per removed record. `qingxi batch dedup` runs the same three steps as
// stages over a manifest of part files (--stage sign|cluster|filter, see dedup_stages.cc).
#include "dedup_command.h"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <thread>
#include <unordered_map>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "jsonl_reader.h"
#include "jsonl_sink.h"
#include "qingxi/hash.h"
#include "qingxi/signals.h"
#include "qingxi/utf8.h"

namespace qingxi::cli {

namespace {

// A JSON string at s[*pos] == '"', decoded into *out (when non-null); false when malformed.
bool ScanString(std::string_view s, size_t* pos, std::string* out) {
  size_t i = *pos + 1;
  if (out) out->clear();
  for (;;) {
    size_t q = i;
    while (q < s.size() && s[q] != '"' && s[q] != '\\') ++q;
    if (q >= s.size()) return false;
    if (out) out->append(s.data() + i, q - i);
    if (s[q] == '"') {
      *pos = q + 1;
      return true;
    }
    if (q + 1 >= s.size()) return false;
    char e = s[q + 1];
    i = q + 2;
    if (!out) {
      if (e == 'u') i += 4;
      continue;
    }
    switch (e) {
      case '"': case '\\': case '/': out->push_back(e); break;
      case 'b': out->push_back('\b'); break;
      case 'f': out->push_back('\f'); break;
      case 'n': out->push_back('\n'); break;
      case 'r': out->push_back('\r'); break;
      case 't': out->push_back('\t'); break;
      case 'u': {
        auto hex4 = [&](size_t at, uint32_t* v) {
          if (at + 4 > s.size()) return false;
          *v = 0;
          for (size_t k = at; k < at + 4; ++k) {
            char c = s[k];
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) return false;
            *v = *v * 16 + static_cast<uint32_t>(d);
          }
          return true;
        };
        uint32_t cp;
        if (!hex4(i, &cp)) return false;
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= s.size() && s[i] == '\\' && s[i + 1] == 'u') {
          uint32_t lo;
          if (hex4(i + 2, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            i += 6;
          }
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
        utf8::Append(static_cast<char32_t>(cp), out);
        break;
      }
      default: return false;
    }
  }
}

// Skips any JSON value at s[*pos]; false when malformed.
bool SkipValue(std::string_view s, size_t* pos) {
  int depth = 0;
  size_t i = *pos;
  do {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) ++i;
    if (i >= s.size()) return false;
    char c = s[i];
    if (c == '"') {
      if (!ScanString(s, &i, nullptr)) return false;
    } else if (c == '{' || c == '[') {
      ++depth;
      ++i;
    } else if (c == '}' || c == ']') {
      if (--depth < 0) return false;
      ++i;
    } else if (c == ',' || c == ':') {
      if (depth == 0) return false;
      ++i;
    } else {
      while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' && s[i] != '\n') ++i;
    }
  } while (depth > 0);
  *pos = i;
  return true;
}

// The fast path: the top-level object's "id", "text" and "url" strings, other values skipped.
bool ScanFields(std::string_view s, DedupFields* out) {
  size_t i = s.find_first_not_of(" \t\r");
  if (i == std::string_view::npos || s[i] != '{') return false;
  ++i;
  std::string key;
  for (;;) {
    i = s.find_first_not_of(" \t\r\n", i);
    if (i == std::string_view::npos) return false;
    if (s[i] == '}') return s.find_first_not_of(" \t\r\n", i + 1) == std::string_view::npos;
    if (s[i] != '"' || !ScanString(s, &i, &key)) return false;
    i = s.find_first_not_of(" \t\r\n", i);
    if (i == std::string_view::npos || s[i] != ':') return false;
    i = s.find_first_not_of(" \t\r\n", i + 1);
    if (i == std::string_view::npos) return false;
    std::string* target = key == "id" ? &out->id : key == "text" ? &out->text : key == "url" ? &out->url : nullptr;
    if (target && s[i] == '"') {
      if (!ScanString(s, &i, target)) return false;
    } else if (!SkipValue(s, &i)) {
      return false;
    }
    i = s.find_first_not_of(" \t\r\n", i);
    if (i == std::string_view::npos) return false;
    if (s[i] == ',') ++i;
    else if (s[i] != '}') return false;
  }
}

}  // namespace

bool ParseDedupFields(const std::string& line, DedupFields* out) {
  out->id.clear();
  out->text.clear();
  out->url.clear();
  if (ScanFields(line, out)) return true;
  // Anything the fast path does not accept is judged by the full parser.
  out->id.clear();
  out->text.clear();
  out->url.clear();
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return false;
  auto str = [&](const char* k, std::string* v) {
    auto it = j.find(k);
    if (it != j.end() && it->is_string()) *v = it->get<std::string>();
  };
  str("id", &out->id);
  str("text", &out->text);
  str("url", &out->url);
  return true;
}

std::string FallbackId(const std::string& path, uint64_t line_no) {
  return path + ":" + std::to_string(line_no);
}

Status ForEachRecordLine(const std::string& path,
                         const std::function<Status(const std::string&, uint64_t)>& f) {
  JsonlReader reader;
  if (Status st = reader.Open(path); !st.ok()) return st;
  std::string line;
  uint64_t line_no = 0;
  while (reader.Next(&line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (Status st = f(line, line_no); !st.ok()) return st;
  }
  return reader.status();
}

Status SketchInputs(const std::vector<std::string>& inputs, const DedupConfig& config,
                    const MinHasher& hasher, DedupIndex* index, BoilerplateLines* lines,
                    DedupCounts* counts, const std::function<void(const std::string&)>& on_id) {
  const size_t stride = hasher.sketch_bytes();
  const size_t kBatch = 1024;
  std::vector<std::string> batch;
  std::vector<uint8_t> sketches;
  std::vector<std::vector<uint64_t>> keys;
  std::vector<std::string> ids;
  std::vector<char> parsed;
  const int threads = std::max(1, config.threads);
  std::vector<MinHasher::Scratch> scratch(threads);

  auto flush = [&](const std::string& path, uint64_t first_line_no) {
    const size_t n = batch.size();
    sketches.resize(n * stride);
    keys.resize(n);
    ids.resize(n);
    parsed.assign(n, 0);
    const int workers = threads == 1 || n < 64 ? 1 : threads;
    auto work = [&](int t) {
      DedupFields fields;
      for (size_t i = t; i < n; i += workers) {
        bool ok = ParseDedupFields(batch[i], &fields);
        parsed[i] = ok;
        hasher.Sketch(ok ? std::string_view(fields.text) : std::string_view(), &scratch[t],
                      sketches.data() + i * stride);
        if (lines) BoilerplateLines::Keys(SiteOf(fields.url), fields.text, &keys[i]);
        if (on_id) ids[i] = std::move(fields.id);
        counts->text_bytes_atomic += fields.text.size();
      }
    };
    if (workers == 1) {
      work(0);
    } else {
      std::vector<std::thread> pool;
      for (int t = 1; t < workers; ++t) pool.emplace_back(work, t);
      work(0);
      for (auto& th : pool) th.join();
    }
    for (size_t i = 0; i < n; ++i) {
      index->Append(sketches.data() + i * stride);
      if (!parsed[i]) ++counts->unparsed;
      if (lines) lines->Add(keys[i]);
      if (on_id) on_id(ids[i]);
    }
    (void)path;
    (void)first_line_no;
    batch.clear();
  };

  for (const auto& path : inputs) {
    Status st = ForEachRecordLine(path, [&](const std::string& line, uint64_t line_no) {
      batch.push_back(line);
      ++counts->records;
      if (batch.size() == kBatch) flush(path, line_no);
      return Status::Ok();
    });
    if (!batch.empty()) flush(path, 0);
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

std::string ReportLine(const std::string& id, const std::string& duplicate_of, double similarity) {
  nlohmann::ordered_json j;
  j["id"] = id;
  j["duplicate_of"] = duplicate_of;
  j["similarity"] = std::round(similarity * 1000) / 1000;
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string RewriteKeptRecord(const std::string& line, const BoilerplateLines* lines, bool add_signals,
                              int* removed) {
  *removed = 0;
  if (!lines && !add_signals) return line;
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return line;
  auto t = j.find("text");
  if (t == j.end() || !t->is_string()) return line;
  bool changed = false;
  auto u = j.find("url");
  if (lines && u != j.end() && u->is_string()) {
    std::string stripped = lines->Strip(SiteOf(u->get<std::string>()), t->get<std::string>(), removed);
    if (*removed > 0) {
      // The fields derived from the text follow it: the hash always, the signals where present.
      if (auto h = j.find("content_hash"); h != j.end()) *h = Fnv1a64Hex(stripped);
      if (auto sg = j.find("signals"); sg != j.end())
        *sg = nlohmann::ordered_json::parse(corpus::SignalsToJson(corpus::ComputeSignals(stripped)));
      *t = std::move(stripped);
      changed = true;
    }
  }
  if (add_signals && !j.contains("signals")) {
    j["signals"] =
        nlohmann::ordered_json::parse(corpus::SignalsToJson(corpus::ComputeSignals(t->get<std::string>())));
    changed = true;
  }
  if (!changed) return line;
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

namespace {

using Clock = std::chrono::steady_clock;

// The second pass of a one-process run: kept records to the sink, removed ones to the report.
Status WriteKept(const std::vector<std::string>& inputs, const DedupIndex& index,
                 const BoilerplateLines* lines, bool add_signals, JsonlSink* sink, FILE* report,
                 DedupCounts* counts) {
  // Ids of roots with removed members, held from the root's record until its last member.
  std::unordered_map<uint32_t, uint32_t> members;
  for (uint32_t i = 0; i < index.size(); ++i)
    if (!index.Kept(i)) ++members[index.Root(i)];
  std::unordered_map<uint32_t, std::string> root_ids;
  uint32_t doc = 0;
  DedupFields fields;
  // Kept lines go to the sink in blocks of about 1 MB (the sink writes and flushes per call).
  std::string block;
  auto emit = [&](const std::string& line) -> Status {
    block += line;
    block += '\n';
    if (block.size() < (1 << 20)) return Status::Ok();
    block.pop_back();
    Status st = sink->Write(block);
    block.clear();
    return st;
  };
  for (const auto& path : inputs) {
    Status st = ForEachRecordLine(path, [&](const std::string& line, uint64_t line_no) -> Status {
      const uint32_t i = doc++;
      if (i >= index.size()) return Status::Internal(path + " changed between the two passes");
      if (index.Kept(i)) {
        if (report && members.count(i)) {
          ParseDedupFields(line, &fields);
          root_ids[i] = fields.id.empty() ? FallbackId(path, line_no) : fields.id;
        }
        ++counts->kept;
        if (lines || add_signals) {
          int removed = 0;
          std::string out = RewriteKeptRecord(line, lines, add_signals, &removed);
          counts->lines_removed += removed;
          return emit(out);
        }
        return emit(line);
      }
      if (report) {
        ParseDedupFields(line, &fields);
        const uint32_t root = index.Root(i);
        std::string line_out = ReportLine(fields.id.empty() ? FallbackId(path, line_no) : fields.id,
                                          root_ids[root], index.Similarity(i)) + "\n";
        if (std::fwrite(line_out.data(), 1, line_out.size(), report) != line_out.size())
          return Status::IoError(std::string("report: ") + std::strerror(errno));
        if (--members[root] == 0) {
          members.erase(root);
          root_ids.erase(root);
        }
      }
      return Status::Ok();
    });
    if (!st.ok()) return st;
  }
  if (doc != index.size()) return Status::Internal("the inputs changed between the two passes");
  if (!block.empty()) {
    block.pop_back();
    return sink->Write(block);
  }
  return Status::Ok();
}

}  // namespace

int RunDedup(int argc, char** argv) {
  CLI::App app{"Remove exact and near-duplicate records (MinHash + LSH over character 5-grams) from "
               "JSONL corpora.", "qingxi dedup"};
  DedupConfig config;
  std::vector<std::string> inputs;
  std::string output, report_path, manifest, stage, shard_text, out_dir, work_dir, compress = "none";
  bool quiet = false;
  config.threads = DefaultThreads();
  app.add_option("INPUT", inputs, "JSONL files (.jsonl, .jsonl.zst, '-' for standard input) of records "
                 "with \"id\" and \"text\"; read in this order");
  app.add_option("--manifest", manifest, "read the input file names from FILE, one per line");
  app.add_option("-o,--output", output, "the kept records, byte for byte and in input order "
                 "(.zst: zstd-compressed); '-' is standard output");
  app.add_option("--report", report_path, "one JSON line per removed record: "
                 "{\"id\",\"duplicate_of\",\"similarity\"}");
  app.add_option("--threshold", config.threshold, "estimated Jaccard similarity of character 5-gram sets "
                 "from which two records are near duplicates (default 0.8)")
      ->check(CLI::Range(0.3, 1.0));
  app.add_option("--num-perm", config.num_perm, "MinHash values per record (default 128; 16 to 1024, "
                 "a multiple of 8)")
      ->check(CLI::Range(16, 1024));
  app.add_option("--threads", config.threads, "threads computing sketches (default: all cores)")
      ->check(CLI::Range(1, 1024));
  app.add_flag("--lines", config.lines, "also remove lines that recur in --line-min-docs or more "
               "records of the same site (host of \"url\"): site boilerplate in WET text");
  app.add_flag("--signals", config.signals, "add quality signals (as `clean --signals`) to kept "
               "records that have none; records that have them keep theirs");
  app.add_option("--line-min-docs", config.line_min_docs, "records of one site a line must occur in "
                 "to be removed by --lines (default 5)")
      ->check(CLI::Range(2, 1000000000));
  app.add_flag("-q,--quiet", quiet, "no summary on standard error");
  app.add_option("--stage", stage, "batch stage: sign, cluster or filter (used by `qingxi batch dedup`)")
      ->check(CLI::IsMember({"sign", "cluster", "filter"}));
  app.add_option("--shard", shard_text, "batch stage: I/N, the manifest entries of shard I of N");
  app.add_option("--out", out_dir, "batch stage: the stage's output directory (done markers)");
  app.add_option("--work", work_dir, "batch stage: the directory holding the stages' files");
  app.add_option("--compress", compress, "batch stage filter: part file compression, none or zstd")
      ->check(CLI::IsMember({"none", "zstd"}));
  app.footer(
      "Exact duplicates: equal texts after whitespace, punctuation width and case are folded.\n"
      "Near duplicates: MinHash (128 values) with the LSH band/row split chosen for --threshold,\n"
      "candidates verified on 8-bit signatures; clusters are transitive and the first record of\n"
      "each cluster is kept. Memory: about 200 bytes per record, whatever the text size.\n"
      "Exit status: 0 done; 1 an input could not be read or the output written; 2 bad usage.");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  if (config.num_perm % 8 != 0) {
    std::fprintf(stderr, "qingxi dedup: --num-perm must be a multiple of 8\n");
    return kExitUsage;
  }
  if (!manifest.empty()) {
    auto entries = ReadManifestEntries(manifest);
    if (!entries.ok()) {
      std::fprintf(stderr, "qingxi dedup: %s\n", entries.status().message().c_str());
      return kExitUsage;
    }
    if (stage.empty()) inputs.insert(inputs.end(), entries.value().begin(), entries.value().end());
    else inputs = entries.value();
  }
  if (!stage.empty()) return RunDedupStage(stage, config, inputs, shard_text, out_dir, work_dir, compress == "zstd");
  if (inputs.empty() || output.empty()) {
    std::fprintf(stderr, "qingxi dedup: give the INPUT files and -o OUTPUT (see --help)\n");
    return kExitUsage;
  }
  std::string spooled;
  for (auto& in : inputs) {
    if (in != "-") continue;
    if (!spooled.empty()) {
      std::fprintf(stderr, "qingxi dedup: '-' given twice\n");
      return kExitUsage;
    }
    auto path = SpoolStdin();
    if (!path.ok()) {
      std::fprintf(stderr, "qingxi dedup: standard input: %s\n", path.status().message().c_str());
      return kExitFatal;
    }
    spooled = in = path.value();
  }
  struct Cleanup {
    std::string path;
    ~Cleanup() {
      if (!path.empty()) unlink(path.c_str());
    }
  } cleanup{spooled};

  const auto start = Clock::now();
  MinHasher hasher(config.threshold, config.num_perm);
  DedupIndex index(&hasher, config.threshold);
  BoilerplateLines lines(config.line_min_docs);
  DedupCounts counts;
  if (Status st = SketchInputs(inputs, config, hasher, &index, config.lines ? &lines : nullptr, &counts,
                               nullptr);
      !st.ok()) {
    std::fprintf(stderr, "qingxi dedup: %s\n", st.message().c_str());
    return kExitFatal;
  }
  const auto sketched = Clock::now();
  index.Cluster();
  const auto clustered = Clock::now();

  JsonlSink sink;
  const bool zstd = output.size() > 4 && output.compare(output.size() - 4, 4, ".zst") == 0;
  if (Status st = sink.Open(output, /*resume=*/false, zstd); !st.ok()) {
    std::fprintf(stderr, "qingxi dedup: %s\n", st.message().c_str());
    return kExitFatal;
  }
  FILE* report = nullptr;
  if (!report_path.empty()) {
    report = std::fopen(report_path.c_str(), "wb");
    if (!report) {
      std::fprintf(stderr, "qingxi dedup: %s: %s\n", report_path.c_str(), std::strerror(errno));
      return kExitFatal;
    }
  }
  Status st = WriteKept(inputs, index, config.lines ? &lines : nullptr, config.signals, &sink, report,
                        &counts);
  if (report && std::fclose(report) != 0 && st.ok())
    st = Status::IoError(report_path + ": " + std::strerror(errno));
  if (st.ok()) st = sink.Commit();
  if (!st.ok()) {
    std::fprintf(stderr, "qingxi dedup: %s\n", st.message().c_str());
    return kExitFatal;
  }
  const auto done = Clock::now();
  if (!quiet) {
    auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
    const double text_mb = static_cast<double>(counts.text_bytes_atomic.load()) / 1e6;
    std::fprintf(stderr,
                 "qingxi dedup: %llu records, %llu kept, %zu exact and %zu near duplicates removed "
                 "(LSH %d bands x %d rows, %zu candidate pairs checked)\n",
                 static_cast<unsigned long long>(counts.records),
                 static_cast<unsigned long long>(counts.kept), index.removed_exact(),
                 index.removed_near(), hasher.lsh().bands, hasher.lsh().rows, index.candidate_pairs());
    if (counts.unparsed)
      std::fprintf(stderr, "qingxi dedup: %llu lines were not JSON objects (kept, never matched)\n",
                   static_cast<unsigned long long>(counts.unparsed));
    if (config.lines)
      std::fprintf(stderr, "qingxi dedup: --lines: %llu site boilerplate lines removed (%zu distinct "
                   "site lines counted)\n",
                   static_cast<unsigned long long>(counts.lines_removed), lines.distinct_lines());
    std::fprintf(stderr,
                 "qingxi dedup: %.1f MB of text; sketches %.2f s (%.1f MB/s), clusters %.2f s, "
                 "output %.2f s; %zu bytes per record held\n",
                 text_mb, secs(start, sketched), text_mb / std::max(1e-9, secs(start, sketched)),
                 secs(sketched, clustered), secs(clustered, done), index.bytes_per_document());
  }
  return kExitOk;
}

}  // namespace qingxi::cli
