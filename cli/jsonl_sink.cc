#include "jsonl_sink.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "qingxi/record.h"

namespace qingxi::cli {

JsonlSink::~JsonlSink() {
  if (f_ && !stdout_) std::fclose(f_);
}

Status JsonlSink::Open(const std::string& path, bool resume) {
  if (path.empty() || path == "-") {
    f_ = stdout;
    stdout_ = true;
    return Status::Ok();
  }
  stdout_ = false;
  path_ = path;
  partial_ = path + ".partial";
  struct stat st;
  if (resume && stat(partial_.c_str(), &st) == 0) {
    // Keep every complete line; a line cut by a crash (no trailing newline) is dropped.
    std::ifstream in(partial_, std::ios::binary);
    std::string line;
    off_t good = 0, pos = 0;
    while (std::getline(in, line)) {
      bool complete = !in.eof();
      pos += static_cast<off_t>(line.size()) + (complete ? 1 : 0);
      if (!complete) break;
      auto rec = FromJsonLine(line);
      if (!rec.ok()) break;  // garbage: keep what precedes it only
      done_.insert(rec->source);
      good = pos;
    }
    if (truncate(partial_.c_str(), good) != 0)
      return Status::IoError(partial_ + ": " + std::strerror(errno));
  } else {
    std::remove(partial_.c_str());
  }
  int fd = open(partial_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IoError(partial_ + ": " + std::strerror(errno));
  f_ = fdopen(fd, "a");
  if (!f_) {
    close(fd);
    return Status::IoError(partial_ + ": " + std::strerror(errno));
  }
  return Status::Ok();
}

Status JsonlSink::Write(const std::string& json_line) {
  // One fwrite per record, then a flush: a crash leaves at most one torn line at the end.
  std::string buf;
  buf.reserve(json_line.size() + 1);
  buf += json_line;
  buf += '\n';
  if (std::fwrite(buf.data(), 1, buf.size(), f_) != buf.size() || std::fflush(f_) != 0)
    return Status::IoError((stdout_ ? std::string("standard output") : partial_) + ": " +
                           std::strerror(errno));
  return Status::Ok();
}

Status JsonlSink::Commit() {
  if (std::fflush(f_) != 0) return Status::IoError(std::strerror(errno));
  if (stdout_) return Status::Ok();
  if (fsync(fileno(f_)) != 0) return Status::IoError(partial_ + ": " + std::strerror(errno));
  std::fclose(f_);
  f_ = nullptr;
  if (std::rename(partial_.c_str(), path_.c_str()) != 0)
    return Status::IoError(path_ + ": " + std::strerror(errno));
  return Status::Ok();
}

}  // namespace qingxi::cli
