// cli/dedup_command.h — the pieces of `qingxi dedup` shared by the one-process run and the
// stages of `qingxi batch dedup` (dedup_stages.cc).
#ifndef QINGXI_CLI_DEDUP_COMMAND_H_
#define QINGXI_CLI_DEDUP_COMMAND_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "qingxi/dedup.h"
#include "qingxi/dedup_lines.h"
#include "qingxi/minhash.h"
#include "qingxi/status.h"

namespace qingxi::cli {

struct DedupConfig {
  double threshold = 0.8;
  int num_perm = 128;
  int threads = 1;
  bool lines = false;
  bool signals = false;  // add quality signals to kept records that lack them
  int line_min_docs = 5;
};

struct DedupCounts {
  uint64_t records = 0, kept = 0, unparsed = 0, lines_removed = 0;
  std::atomic<uint64_t> text_bytes_atomic{0};
};

// The fields dedup reads from a record line; false when the line is not a JSON object.
struct DedupFields {
  std::string id, text, url;
};
bool ParseDedupFields(const std::string& line, DedupFields* out);

// The id reported for a record without one: "FILE:LINE".
std::string FallbackId(const std::string& path, uint64_t line_no);

// Calls f(line, line_no) for every non-blank line of a JSONL file (.jsonl, .jsonl.zst).
Status ForEachRecordLine(const std::string& path,
                         const std::function<Status(const std::string&, uint64_t)>& f);

// First pass: one sketch per record into *index (and line keys into *lines when non-null), in
// input order; on_id, when set, receives every record's id in that order.
Status SketchInputs(const std::vector<std::string>& inputs, const DedupConfig& config,
                    const MinHasher& hasher, DedupIndex* index, BoilerplateLines* lines,
                    DedupCounts* counts, const std::function<void(const std::string&)>& on_id);

// {"id","duplicate_of","similarity"} (similarity rounded to 3 decimals).
std::string ReportLine(const std::string& id, const std::string& duplicate_of, double similarity);

// A kept record line as it is written: with `lines`, its "text" stripped of the site's
// boilerplate lines (content_hash, and signals where present, recomputed); with `add_signals`,
// "signals" of its text added when it has none. The line itself, byte for byte, when neither
// changes anything.
std::string RewriteKeptRecord(const std::string& line, const BoilerplateLines* lines, bool add_signals,
                              int* removed);

// The entries of a manifest file (blank lines and '#' comments skipped).
Result<std::vector<std::string>> ReadManifestEntries(const std::string& path);

// One stage of `qingxi batch dedup` (dedup_stages.cc).
int RunDedupStage(const std::string& stage, const DedupConfig& config,
                  const std::vector<std::string>& entries, const std::string& shard,
                  const std::string& out_dir, const std::string& work_dir, bool zstd);

}  // namespace qingxi::cli

#endif  // QINGXI_CLI_DEDUP_COMMAND_H_
