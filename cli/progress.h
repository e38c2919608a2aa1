// cli/progress.h — the progress line of the long-running commands, on standard error.
//
// Drawn only while standard error is a terminal and the command is not --quiet, redrawn at
// most twice a second, cleared by Finish() before the summary. With a known total it shows
// "done/total" and an ETA; without one (a crawl, whose frontier grows as it goes) it shows
// what is left to do as the caller knows it, and no ETA.
// Not thread-safe: one thread calls Update (the caller serialises).
#ifndef QINGXI_CLI_PROGRESS_H_
#define QINGXI_CLI_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <string>

namespace qingxi::cli {

class Progress {
 public:
  // `unit` names what is counted ("pages", "documents").
  Progress(const char* command, const char* unit, bool quiet);
  struct Counts {
    uint64_t done = 0;
    uint64_t total = 0;   // 0: unknown (no "/total", no ETA)
    uint64_t errors = 0;
    uint64_t bytes = 0;   // bytes read so far
    std::string extra;    // appended as is ("frontier 120")
  };
  void Update(const Counts& c);
  // Clears the line (before the summary is printed).
  void Finish();
  bool enabled() const { return enabled_; }

 private:
  const char* command_;
  const char* unit_;
  bool enabled_ = false;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace qingxi::cli

#endif  // QINGXI_CLI_PROGRESS_H_
