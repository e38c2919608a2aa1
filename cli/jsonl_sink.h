// cli/jsonl_sink.h — where records go: standard output, or a file written safely and resumably.
//
// File output is appended to "<FILE>.partial", one whole line per record, and renamed to FILE
// only when the run completes (rename is atomic on POSIX), so FILE is never half-written. If a
// run is interrupted, the next run with the same -o finds the .partial file, drops a torn last
// line, and reports which sources it already holds so that they are not processed twice.
//
// A .partial file is continued only by the command that began it: Open is given the run's
// identity (a JSON object: the inputs and every option that changes the output, with a
// fingerprint of the rules), which is kept in "<FILE>.partial.run" beside it. A different
// identity is refused (InvalidArgument naming what differs and --restart), so two runs are
// never mixed in one corpus.
// Not thread-safe: one writer at a time (the caller serialises).
#ifndef QINGXI_CLI_JSONL_SINK_H_
#define QINGXI_CLI_JSONL_SINK_H_

#include <cstdio>
#include <string>
#include <unordered_set>

#include "qingxi/status.h"

namespace qingxi::cli {

class JsonlSink {
 public:
  ~JsonlSink();
  // path "" or "-" means standard output. With resume, an existing .partial is continued.
  // With zstd, FILE is written zstd-compressed at Commit (the .partial stays plain JSONL so that
  // an interrupted run can still be resumed line by line).
  // `identity` (one JSON object, see above; "" records none) is checked against the one kept
  // beside a continued .partial and recorded beside a new one.
  Status Open(const std::string& path, bool resume, bool zstd = false, const std::string& identity = "");
  // Sources of records already present in a continued .partial file.
  const std::unordered_set<std::string>& done_sources() const { return done_; }
  Status Write(const std::string& json_line);
  // Flushes, fsyncs and renames .partial to the final name. Standard output is just flushed.
  Status Commit();
  const std::string& partial_path() const { return partial_; }

 private:
  FILE* f_ = nullptr;
  bool stdout_ = true;
  bool zstd_ = false;
  std::string path_, partial_, run_record_;
  std::unordered_set<std::string> done_;
};

}  // namespace qingxi::cli

#endif  // QINGXI_CLI_JSONL_SINK_H_
