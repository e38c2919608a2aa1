// cli/input_walker.h — turns the command line's INPUT arguments into a lazy stream of files.
//
// Arguments are files, directories (walked recursively, entries of each directory in byte
// order so that runs are reproducible) or "-" for standard input. Only one directory listing
// per level of the walk is held in memory, so millions of files cost no more than the largest
// directory. Not thread-safe: one thread calls Next().
#ifndef QINGXI_CLI_INPUT_WALKER_H_
#define QINGXI_CLI_INPUT_WALKER_H_

#include <sys/types.h>

#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "page_filter.h"

namespace qingxi::cli {

struct InputFile {
  std::string path;       // "-" for standard input
  bool explicit_arg;      // named on the command line (never skipped for its type)
  std::string root;       // the directory argument it was found under ("" when named itself)
};

class InputWalker {
 public:
  explicit InputWalker(std::vector<std::string> args);
  // Arguments pulled one at a time (a manifest of millions of lines is never held in memory);
  // next_arg returns false at the end.
  explicit InputWalker(std::function<bool(std::string*)> next_arg);
  // Next file to process; false at the end. Unreadable directories are reported in *warning.
  bool Next(InputFile* out, std::string* warning);
  // Files found while walking directories that are not documents, by reason (page_filter.h).
  const SkipCounts& skipped() const { return skipped_; }

 private:
  struct Level {
    std::vector<std::string> entries;  // full paths, sorted
    size_t next = 0;
  };
  std::function<bool(std::string*)> next_arg_;
  std::vector<Level> stack_;
  std::string root_;  // the directory argument being walked
  // Directories already walked, by (device, inode): a symlink loop or a directory named twice
  // is walked once.
  std::set<std::pair<dev_t, ino_t>> seen_dirs_;
  SkipCounts skipped_;
};

// Why a file found while walking a directory is not a document ("" when it is): containers
// (.warc, .warc.gz, .wet, .jsonl) and HTML names are documents; every other file is judged by
// NotAPageReason on its name and first bytes (robots.txt, stylesheets, scripts, JSON, URL lists,
// logs, binary files are not). Files named explicitly are always read.
std::string NotADocumentReason(const std::string& path);

}  // namespace qingxi::cli

#endif  // QINGXI_CLI_INPUT_WALKER_H_
