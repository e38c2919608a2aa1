#include "progress.h"

#include <unistd.h>

#include <cstdio>

namespace qingxi::cli {

Progress::Progress(const char* command, const char* unit, bool quiet)
    : command_(command),
      unit_(unit),
      enabled_(!quiet && isatty(STDERR_FILENO)),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

void Progress::Update(const Counts& c) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(500)) return;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  double rate = secs > 0 ? c.done / secs : 0;
  std::fprintf(stderr, "\r\033[Kqingxi %s: %llu", command_, static_cast<unsigned long long>(c.done));
  if (c.total > 0) std::fprintf(stderr, "/%llu", static_cast<unsigned long long>(c.total));
  std::fprintf(stderr, " %s  %.0f/s  %llu errors  %.1f MB", unit_, rate,
               static_cast<unsigned long long>(c.errors), c.bytes / 1e6);
  if (!c.extra.empty()) std::fprintf(stderr, "  %s", c.extra.c_str());
  if (c.total > 0) {
    if (c.total > c.done && rate > 0) {
      long left = static_cast<long>((c.total - c.done) / rate);
      std::fprintf(stderr, "  ETA %ld:%02ld:%02ld", left / 3600, left / 60 % 60, left % 60);
    } else {
      std::fputs("  ETA ?", stderr);
    }
  }
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::Finish() {
  if (drawn_) std::fputs("\r\033[K", stderr);
  drawn_ = false;
}

}  // namespace qingxi::cli
