#include "run_identity.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "qingxi/hash.h"

namespace qingxi::cli {

std::string RulesFingerprint(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->is_regular_file(ec)) files.push_back(it->path());
  std::sort(files.begin(), files.end());
  std::string all;
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream data;
    data << in.rdbuf();
    all += fs::relative(f, dir, ec).string();
    all.push_back('\0');
    all += Fnv1a64Hex(data.str());
    all.push_back('\n');
  }
  return Fnv1a64Hex(all);
}

}  // namespace qingxi::cli
