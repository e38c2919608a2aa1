// bench/bench_pages.h — the real pages the benchmarks run on, read once:
// HTML pages and flattened text pages, each from an environment variable, else ../shared/eval,
// else samples/pages. Header-only; the list is built on first use (thread-safe static initialisation).
#ifndef QINGXI_BENCH_BENCH_PAGES_H_
#define QINGXI_BENCH_BENCH_PAGES_H_

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace qingxi::bench {

struct Page {
  std::string path;
  std::string bytes;
};

// The files ending in `ext` of the first of `dirs` that has any, sorted by name.
inline std::vector<Page> LoadPages(const std::vector<std::string>& dirs, const std::string& ext) {
  namespace fs = std::filesystem;
  std::vector<Page> out;
  for (const auto& d : dirs) {
    std::error_code ec;
    if (!fs::is_directory(d, ec)) continue;
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(d))
      if (e.path().extension() == ext) files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      out.push_back({f, ss.str()});
    }
    if (!out.empty()) break;
  }
  return out;
}

// HTML pages: $QINGXI_BENCH_PAGES, else ../shared/eval/daniel-zh/html, else samples/pages.
inline const std::vector<Page>& Pages() {
  static std::vector<Page> pages = [] {
    std::vector<std::string> dirs;
    if (const char* env = std::getenv("QINGXI_BENCH_PAGES")) dirs.push_back(env);
    dirs.push_back(QINGXI_SHARED_DIR "/eval/daniel-zh/html");
    dirs.push_back(QINGXI_RULES_DIR "/../samples/pages");
    return LoadPages(dirs, ".html");
  }();
  return pages;
}

// Flattened text pages: $QINGXI_BENCH_TEXT_PAGES, else ../shared/eval/daniel-zh-text/txt, else
// the .txt files of samples/pages.
inline const std::vector<Page>& TextPages() {
  static std::vector<Page> pages = [] {
    std::vector<std::string> dirs;
    if (const char* env = std::getenv("QINGXI_BENCH_TEXT_PAGES")) dirs.push_back(env);
    dirs.push_back(QINGXI_SHARED_DIR "/eval/daniel-zh-text/txt");
    dirs.push_back(QINGXI_RULES_DIR "/../samples/pages");
    return LoadPages(dirs, ".txt");
  }();
  return pages;
}

}  // namespace qingxi::bench

#endif  // QINGXI_BENCH_BENCH_PAGES_H_
