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
      if (!S_ISREG(st.st_mode)) continue;
      if (std::string reason = NotADocumentReason(path); !reason.empty()) {
        ++skipped_[reason];
        continue;
      }
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

std::string NotADocumentReason(const std::string& path) {
  for (const char* ext : {".warc", ".warc.gz", ".wet", ".wet.gz", ".jsonl", ".html", ".htm",
                          ".xhtml", ".shtml"})
    if (ascii::EndsWithIgnoreCase(path, ext)) return "";
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return "";  // unreadable: the worker reports it as an error record
  char buf[kPageSniffBytes + 1];
  size_t n = std::fread(buf, 1, sizeof buf, f);
  std::fclose(f);
  if (n == 0) return "empty_file";
  return NotAPageReason(path, "", std::string_view(buf, n));
}

}  // namespace qingxi::cli
