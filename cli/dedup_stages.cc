// The stages of `qingxi batch dedup`.
#include <cstdio>
#include <fstream>

#include "commands.h"
#include "dedup_command.h"

namespace qingxi::cli {

Result<std::vector<std::string>> ReadManifestEntries(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::IoError(path + ": cannot read the manifest");
  std::vector<std::string> entries;
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    size_t b = line.find_first_not_of(" \t");
    if (b == std::string::npos || line[b] == '#') continue;
    entries.push_back(line.substr(b));
  }
  return entries;
}

int RunDedupStage(const std::string& stage, const DedupConfig& config,
                  const std::vector<std::string>& entries, const std::string& shard,
                  const std::string& out_dir, const std::string& work_dir) {
  std::fprintf(stderr, "qingxi dedup: stage %s not available\n", stage.c_str());
  return kExitUsage;
}

}  // namespace qingxi::cli
