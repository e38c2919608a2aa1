#include "shard.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>

#include "qingxi/hash.h"

namespace qingxi::cli {

Result<ShardSpec> ParseShard(std::string_view text) {
  size_t slash = text.find('/');
  ShardSpec s;
  auto parse = [](std::string_view t, int* v) {
    auto r = std::from_chars(t.data(), t.data() + t.size(), *v);
    return r.ec == std::errc() && r.ptr == t.data() + t.size();
  };
  if (slash == std::string_view::npos || !parse(text.substr(0, slash), &s.index) ||
      !parse(text.substr(slash + 1), &s.count) || s.count < 1 || s.index < 0 || s.index >= s.count)
    return Status::InvalidArgument("--shard wants I/N with 0 <= I < N, got '" + std::string(text) + "'");
  return s;
}

int ShardOfKey(std::string_view key, int count) {
  return static_cast<int>(Fnv1a64(key) % static_cast<uint64_t>(count));
}

ManifestReader::~ManifestReader() {
  if (f_) std::fclose(f_);
}

Status ManifestReader::Open(const std::string& path, ShardSpec shard) {
  f_ = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f_) return Status::NotFound(path + ": " + std::strerror(errno));
  shard_ = shard;
  return Status::Ok();
}

bool ManifestReader::Next(std::string* entry) {
  char* line = nullptr;
  size_t cap = 0;
  ssize_t n;
  bool found = false;
  while ((n = getline(&line, &cap, f_)) >= 0) {
    std::string_view v(line, static_cast<size_t>(n));
    while (!v.empty() && (v.back() == '\n' || v.back() == '\r' || v.back() == ' ' || v.back() == '\t'))
      v.remove_suffix(1);
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    if (v.empty() || v.front() == '#') continue;
    uint64_t pos = position_++;
    if (static_cast<int>(pos % static_cast<uint64_t>(shard_.count)) != shard_.index) continue;
    entry->assign(v);
    found = true;
    break;
  }
  if (!found && std::ferror(f_)) status_ = Status::IoError(std::string("manifest: ") + std::strerror(errno));
  free(line);
  return found;
}

ShardPaths PathsFor(const std::string& dir, ShardSpec shard, bool zstd) {
  std::string base = dir + "/part-" + std::to_string(shard.index);
  return ShardPaths{base + (zstd ? ".jsonl.zst" : ".jsonl"), base + ".done"};
}

Status WriteDoneMarker(const std::string& path, const std::string& json_summary) {
  return WriteFileAtomically(path, json_summary + "\n");
}

Status WriteFileAtomically(const std::string& path, const std::string& data) {
  std::string tmp = path + ".tmp";
  int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IoError(tmp + ": " + std::strerror(errno));
  bool ok = write(fd, data.data(), data.size()) == static_cast<ssize_t>(data.size()) && fsync(fd) == 0;
  close(fd);
  if (!ok || rename(tmp.c_str(), path.c_str()) != 0)
    return Status::IoError(path + ": " + std::strerror(errno));
  return Status::Ok();
}

}  // namespace qingxi::cli
