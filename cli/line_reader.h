// cli/line_reader.h — lines of a text file, standard input ("-") or a zstd-compressed file
// (recognised by its magic bytes, so "part-0.jsonl.zst" and a renamed file both work), read
// with bounded memory: one buffer and the current line. Not thread-safe.
#ifndef QINGXI_CLI_LINE_READER_H_
#define QINGXI_CLI_LINE_READER_H_

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "qingxi/status.h"

namespace qingxi::cli {

class LineReader {
 public:
  LineReader();
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;
  Status Open(const std::string& path);
  // The next line without its '\n' (and '\r'); false at the end or on an error (see status()).
  bool Next(std::string* line);
  Status status() const { return status_; }

 private:
  bool Fill();  // more bytes into buf_; false at the end

  std::string path_;
  FILE* f_ = nullptr;
  struct Zstd;
  std::unique_ptr<Zstd> zstd_;
  std::string buf_;
  size_t pos_ = 0;
  bool eof_ = false;
  Status status_;
};

}  // namespace qingxi::cli

#endif  // QINGXI_CLI_LINE_READER_H_
