// cli/jsonl_reader.h — reads a JSONL file (.jsonl, .jsonl.zst or "-") one line at a time.
//
// zstd input is decompressed in a streaming way (memory is one buffer, not the file). Standard
// input can be read once only; SpoolStdin() copies it to a temporary file for the commands that
// read their input twice (dedup). Not thread-safe.
#ifndef QINGXI_CLI_JSONL_READER_H_
#define QINGXI_CLI_JSONL_READER_H_

#include <cstdio>
#include <string>
#include <vector>

#include "qingxi/status.h"

typedef struct ZSTD_DCtx_s ZSTD_DCtx;

namespace qingxi::cli {

class JsonlReader {
 public:
  JsonlReader() = default;
  JsonlReader(const JsonlReader&) = delete;
  JsonlReader& operator=(const JsonlReader&) = delete;
  ~JsonlReader();
  // zstd is chosen by the .zst extension or by the zstd magic number at the start of the file.
  Status Open(const std::string& path);
  // Next line without its '\n' (blank lines included); false at the end or on an error.
  bool Next(std::string* line);
  const Status& status() const { return status_; }

 private:
  bool Fill();  // appends decoded bytes to buf_; false at the end of input

  std::string path_;
  FILE* f_ = nullptr;
  ZSTD_DCtx* zstd_ = nullptr;
  std::vector<char> in_;
  size_t in_pos_ = 0, in_len_ = 0;
  std::string buf_;
  size_t pos_ = 0;
  bool eof_ = false;
  bool zstd_pending_ = false;
  Status status_;
};

// Copies standard input to a new file in $TMPDIR (removed by the caller); returns its path.
Result<std::string> SpoolStdin();

}  // namespace qingxi::cli

#endif  // QINGXI_CLI_JSONL_READER_H_
