#include "jsonl_reader.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <zstd.h>

#include "qingxi/ascii.h"

namespace qingxi::cli {

JsonlReader::~JsonlReader() {
  if (f_ && f_ != stdin) std::fclose(f_);
  if (zstd_) ZSTD_freeDCtx(zstd_);
}

Status JsonlReader::Open(const std::string& path) {
  path_ = path;
  f_ = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f_) return status_ = Status::IoError(path + ": " + std::strerror(errno));
  in_.resize(1 << 17);
  in_len_ = std::fread(in_.data(), 1, in_.size(), f_);
  const unsigned char* m = reinterpret_cast<const unsigned char*>(in_.data());
  bool magic = in_len_ >= 4 && m[0] == 0x28 && m[1] == 0xB5 && m[2] == 0x2F && m[3] == 0xFD;
  if (magic || ascii::EndsWithIgnoreCase(path, ".zst")) {
    if (!magic && in_len_ > 0)
      return status_ = Status::InvalidArgument(path + ": not zstd data (rename it without .zst)");
    zstd_ = ZSTD_createDCtx();
  }
  return Status::Ok();
}

bool JsonlReader::Fill() {
  if (eof_) return false;
  if (in_pos_ == in_len_ && !zstd_pending_) {
    in_len_ = std::fread(in_.data(), 1, in_.size(), f_);
    in_pos_ = 0;
    if (in_len_ == 0) {
      if (std::ferror(f_)) status_ = Status::IoError(path_ + ": " + std::strerror(errno));
      eof_ = true;
      return false;
    }
  }
  if (!zstd_) {
    buf_.append(in_.data() + in_pos_, in_len_ - in_pos_);
    in_pos_ = in_len_;
    return true;
  }
  ZSTD_inBuffer in{in_.data(), in_len_, in_pos_};
  char out[1 << 17];
  ZSTD_outBuffer ob{out, sizeof out, 0};
  size_t rc = ZSTD_decompressStream(zstd_, &ob, &in);
  if (ZSTD_isError(rc)) {
    status_ = Status::IoError(path_ + ": corrupt zstd data (" + ZSTD_getErrorName(rc) + ")");
    eof_ = true;
    return false;
  }
  in_pos_ = in.pos;
  zstd_pending_ = ob.pos == ob.size;  // the decoder may hold more output
  buf_.append(out, ob.pos);
  return true;
}

bool JsonlReader::Next(std::string* line) {
  if (!status_.ok() || !f_) return false;
  for (;;) {
    size_t nl = buf_.find('\n', pos_);
    if (nl != std::string::npos) {
      line->assign(buf_, pos_, nl - pos_);
      pos_ = nl + 1;
      return true;
    }
    if (pos_ > 0) {
      buf_.erase(0, pos_);
      pos_ = 0;
    }
    if (!Fill()) {
      if (!status_.ok() || buf_.empty()) return false;
      line->swap(buf_);  // a last line without '\n'
      buf_.clear();
      return true;
    }
  }
}

Result<std::string> SpoolStdin() {
  const char* tmp = std::getenv("TMPDIR");
  std::string path = std::string(tmp && *tmp ? tmp : "/tmp") + "/qingxi-stdin-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd < 0) return Status::IoError(path + ": " + std::strerror(errno));
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) {
    if (write(fd, buf, n) != static_cast<ssize_t>(n)) {
      int e = errno;
      close(fd);
      unlink(path.c_str());
      return Status::IoError(path + ": " + std::strerror(e) + " (set TMPDIR to a larger disk)");
    }
  }
  close(fd);
  return path;
}

}  // namespace qingxi::cli
