#include "test_util.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace qingxi::testing {

std::string SourceDir() { return QINGXI_SOURCE_DIR; }
std::string RulesDir() { return QINGXI_RULES_DIR; }
std::string BinaryPath() { return QINGXI_BINARY; }

std::string SharedDir() {
  const char* env = std::getenv("QINGXI_SHARED_DIR");
  std::string dir = env && *env ? env : QINGXI_SHARED_DIR;
  struct stat st;
  if (stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return "";
  return std::filesystem::canonical(dir).string();
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary);
  out << data;
}

std::vector<std::string> ReadLines(const std::string& path) {
  std::vector<std::string> lines;
  std::ifstream in(path, std::ios::binary);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  return lines;
}

std::string TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string tmpl = std::string(base && *base ? base : "/tmp") + "/qingxi-test-XXXXXX";
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  char* dir = mkdtemp(buf.data());
  if (!dir) return "/tmp";
  static std::vector<std::string> to_remove;
  static bool registered = [] {
    std::atexit([] {
      std::error_code ec;
      for (const auto& d : to_remove) std::filesystem::remove_all(d, ec);
    });
    return true;
  }();
  (void)registered;
  to_remove.push_back(dir);
  return dir;
}

int Run(const std::string& cmd, std::string* out) {
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return -1;
  std::string buf;
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, p)) > 0) buf.append(chunk, n);
  int status = pclose(p);
  if (out) *out = std::move(buf);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::vector<Record> ParseRecords(const std::string& jsonl) {
  std::vector<Record> out;
  size_t pos = 0;
  while (pos < jsonl.size()) {
    size_t nl = jsonl.find('\n', pos);
    auto r = FromJsonLine(jsonl.substr(pos, nl - pos));
    EXPECT_TRUE(r.ok()) << jsonl.substr(pos, nl - pos);
    if (r.ok()) out.push_back(*r);
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return out;
}

}  // namespace qingxi::testing
