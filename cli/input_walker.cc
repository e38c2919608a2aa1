#include "input_walker.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

#include "qingxi/ascii.h"

namespace qingxi::cli {
InputWalker::InputWalker(std::vector<std::string> args) {
  auto shared = std::make_shared<std::vector<std::string>>(std::move(args));
  auto index = std::make_shared<size_t>(0);
  next_arg_ = [shared, index](std::string* out) {
    if (*index >= shared->size()) return false;
    *out = (*shared)[(*index)++];
    return true;
  };
}

InputWalker::InputWalker(std::function<bool(std::string*)> next_arg)
    : next_arg_(std::move(next_arg)) {}

bool InputWalker::Next(InputFile* out, std::string* warning) {
  warning->clear();
  for (;;) {
    while (!stack_.empty()) {
      Level& top = stack_.back();
      if (top.next >= top.entries.size()) {
        stack_.pop_back();
        continue;
      }
      std::string path = top.entries[top.next++];
      struct stat st;
      if (stat(path.c_str(), &st) != 0) continue;  // vanished or dangling link
      if (S_ISDIR(st.st_mode)) {
        if (!seen_dirs_.emplace(st.st_dev, st.st_ino).second) continue;
        DIR* d = opendir(path.c_str());
        if (!d) {
          *warning = path + ": cannot read directory";
          return Next(out, warning);
        }
        Level level;
        while (dirent* e = readdir(d)) {
          if (e->d_name[0] == '.') continue;  // ., .. and hidden files
          level.entries.push_back(path + "/" + e->d_name);
        }
        closedir(d);
        std::sort(level.entries.begin(), level.entries.end());
        stack_.push_back(std::move(level));
        continue;
      }
      if (!S_ISREG(st.st_mode) || !LooksLikeDocument(path)) continue;
      *out = InputFile{path, false, root_};
      return true;
    }
    std::string arg;
    if (!next_arg_(&arg)) return false;
    struct stat st;
    if (arg != "-" && stat(arg.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      while (arg.size() > 1 && arg.back() == '/') arg.pop_back();
      root_ = arg;
      Level level;
      level.entries.push_back(arg);
      // Re-enter through the stack so the directory is listed like any other.
      stack_.push_back(std::move(level));
      continue;
    }
    *out = InputFile{arg, true, ""};
    return true;
  }
}

bool LooksLikeDocument(const std::string& path) {
  for (const char* ext : {".html", ".htm", ".xhtml", ".shtml", ".txt", ".text", ".warc", ".warc.gz",
                          ".wet", ".wet.gz", ".jsonl"})
    if (ascii::EndsWithIgnoreCase(path, ext)) return true;
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  unsigned char buf[4096];
  size_t n = std::fread(buf, 1, sizeof buf, f);
  std::fclose(f);
  if (n == 0) return false;
  size_t control = 0;
  for (size_t i = 0; i < n; ++i) {
    if (buf[i] == 0) return false;
    if (buf[i] < 0x20 && buf[i] != '\n' && buf[i] != '\r' && buf[i] != '\t' && buf[i] != 0x1B) ++control;
  }
  return control * 100 < n;  // under 1% control bytes: text
}

}  // namespace qingxi::cli
