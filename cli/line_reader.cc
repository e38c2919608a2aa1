// Lines of a plain or zstd-compressed file (see line_reader.h). zstd frames are decoded with
// the streaming API, so a multi-gigabyte part file never sits in memory.
#include "line_reader.h"

#include <zstd.h>

#include <cerrno>
#include <cstring>

namespace qingxi::cli {

struct LineReader::Zstd {
  ZSTD_DCtx* ctx = ZSTD_createDCtx();
  std::vector<char> in = std::vector<char>(ZSTD_DStreamInSize());
  ZSTD_inBuffer input{nullptr, 0, 0};
  size_t last_ret = 0;  // 0 when the last frame ended cleanly
  ~Zstd() { ZSTD_freeDCtx(ctx); }
};

LineReader::LineReader() = default;

LineReader::~LineReader() {
  if (f_ && f_ != stdin) std::fclose(f_);
}

Status LineReader::Open(const std::string& path) {
  path_ = path;
  f_ = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f_) return status_ = Status::IoError(path + ": " + std::strerror(errno));
  // Look at the first 4 bytes for the zstd frame magic (28 B5 2F FD).
  char magic[4];
  size_t n = std::fread(magic, 1, sizeof magic, f_);
  if (n == 4 && static_cast<unsigned char>(magic[0]) == 0x28 &&
      static_cast<unsigned char>(magic[1]) == 0xB5 &&
      static_cast<unsigned char>(magic[2]) == 0x2F &&
      static_cast<unsigned char>(magic[3]) == 0xFD) {
    zstd_ = std::make_unique<Zstd>();
    std::memcpy(zstd_->in.data(), magic, 4);
    zstd_->input = ZSTD_inBuffer{zstd_->in.data(), 4, 0};
  } else {
    buf_.assign(magic, n);
  }
  return Status::Ok();
}

bool LineReader::Fill() {
  if (eof_ || !status_.ok()) return false;
  if (!zstd_) {
    char chunk[1 << 16];
    size_t n = std::fread(chunk, 1, sizeof chunk, f_);
    if (n == 0) {
      if (std::ferror(f_)) status_ = Status::IoError(path_ + ": " + std::strerror(errno));
      eof_ = true;
      return false;
    }
    buf_.append(chunk, n);
    return true;
  }
  std::vector<char> out(ZSTD_DStreamOutSize());
  for (;;) {
    if (zstd_->input.pos == zstd_->input.size) {
      size_t n = std::fread(zstd_->in.data(), 1, zstd_->in.size(), f_);
      if (n == 0) {
        eof_ = true;
        if (std::ferror(f_))
          status_ = Status::IoError(path_ + ": " + std::strerror(errno));
        else if (zstd_->last_ret != 0)
          status_ =
              Status::IoError(path_ + ": truncated zstd stream (the file ends inside a frame)");
        return false;
      }
      zstd_->input = ZSTD_inBuffer{zstd_->in.data(), n, 0};
    }
    ZSTD_outBuffer output{out.data(), out.size(), 0};
    size_t ret = ZSTD_decompressStream(zstd_->ctx, &output, &zstd_->input);
    if (ZSTD_isError(ret)) {
      status_ = Status::IoError(path_ + ": corrupt zstd data: " + ZSTD_getErrorName(ret));
      return false;
    }
    zstd_->last_ret = ret;
    if (output.pos > 0) {
      buf_.append(out.data(), output.pos);
      return true;
    }
  }
}

bool LineReader::Next(std::string* line) {
  for (;;) {
    size_t nl = buf_.find('\n', pos_);
    if (nl != std::string::npos) {
      line->assign(buf_, pos_, nl - pos_);
      pos_ = nl + 1;
      if (!line->empty() && line->back() == '\r') line->pop_back();
      return true;
    }
    buf_.erase(0, pos_);
    pos_ = 0;
    if (!Fill()) {
      if (buf_.empty() || !status_.ok()) return false;
      line->swap(buf_);  // a last line without '\n'
      buf_.clear();
      if (!line->empty() && line->back() == '\r') line->pop_back();
      return true;
    }
  }
}

}  // namespace qingxi::cli
