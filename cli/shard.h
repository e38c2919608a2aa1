// cli/shard.h — splitting a manifest into shards for batch engines (Slurm job arrays, local pools).
//
// A manifest is a text file with one input per line (blank lines and '#' comments ignored). Shard
// I of N takes the entries whose position p (0-based, counting entries only) has p % N == I, which
// balances shards whatever the order of the manifest. Fetch manifests are sharded by site instead
// (all URLs of one host in one shard, for politeness): ShardOfKey gives that assignment.
// A shard writes DIR/part-I.jsonl (or .jsonl.zst) through a temporary file and rename, then the
// done marker DIR/part-I.done; a shard whose marker exists is complete and is not run again.
#ifndef QINGXI_CLI_SHARD_H_
#define QINGXI_CLI_SHARD_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "qingxi/status.h"

namespace qingxi::cli {

struct ShardSpec {
  int index = 0;
  int count = 1;
};

// Parses "I/N" with 0 <= I < N.
Result<ShardSpec> ParseShard(std::string_view text);

// Stable shard of a key (e.g. a site key): FNV-1a 64 of the key, modulo count.
int ShardOfKey(std::string_view key, int count);

// Streams the entries of one shard of a manifest. Not thread-safe.
class ManifestReader {
 public:
  ~ManifestReader();
  Status Open(const std::string& path, ShardSpec shard);
  // Next entry of this shard; false at the end (check status() for a read error).
  bool Next(std::string* entry);
  const Status& status() const { return status_; }

 private:
  FILE* f_ = nullptr;
  ShardSpec shard_;
  uint64_t position_ = 0;
  Status status_;
};

struct ShardPaths {
  std::string output;  // DIR/part-I.jsonl or DIR/part-I.jsonl.zst
  std::string done;    // DIR/part-I.done
};
ShardPaths PathsFor(const std::string& dir, ShardSpec shard, bool zstd);

// Writes the done marker atomically (temporary file, fsync, rename) with a JSON summary.
Status WriteDoneMarker(const std::string& path, const std::string& json_summary);
// Writes `data` to `path` the same way: readers see the old file or the whole new one.
Status WriteFileAtomically(const std::string& path, const std::string& data);

}  // namespace qingxi::cli

#endif  // QINGXI_CLI_SHARD_H_
