// `qingxi batch` — runs every shard of a manifest on a batch engine and tells the user where the
// corpus is.
//
//   qingxi batch clean --manifest M --shards N --out DIR [--engine auto|slurm|local] [--jobs J]
//                      [--compress zstd] [--wait] [-- extra clean options]
//   qingxi batch status --out DIR --shards N [--compress zstd]
//
// A shard is one run of a per-shard command template, by default
//   qingxi clean --manifest M --shard {i}/{n} --out DIR [--compress zstd] --threads {cpus} EXTRA...
// ({i}, {n} and {cpus} are filled in per shard; `batch fetch` builds the same template around
// `qingxi fetch`). The shard's done marker DIR/part-I.done is the only record of completion, so
// every engine is idempotent: a shard with a marker is never started again, and re-running the
// same batch command after any failure runs exactly the shards that are missing.
//
// Engines:
//  * slurm — ONE job array of slurm/qingxi-array.sbatch per round (sbatch --array=... --parsable
//    --requeue); the script maps the retryable exit 75 to `scontrol requeue`. With --wait, the
//    array is polled with squeue until it leaves the queue; shards still without a marker are
//    resubmitted, for a bounded number of rounds. Submitted job ids are kept in DIR/_batch/
//    slurm-jobs so that a re-run does not submit shards an earlier array is still running.
//  * local — a pool of J child processes on this machine; a shard that exits 75 (or is killed
//    by a signal) is retried a bounded number of times.
// Both engines hold the per-shard lock DIR/_batch/part-I.lock (flock) while a shard runs, so two
// runs of one shard (a requeue racing with a node thought dead, two batch commands) never write
// the same part file at once. Logs: DIR/_batch/part-I.log (local), DIR/_batch/slurm-A_I.log.
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "shard.h"

namespace qingxi::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kStateDir = "_batch";

std::string SelfPath() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("qingxi") : exe.string();
}

std::string Absolute(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::absolute(path, ec);
  return ec ? path : p.lexically_normal().string();
}

std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
    s.replace(pos, from.size(), to);
  return s;
}

std::vector<std::string> SplitWords(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

// Runs argv (searched on PATH) with standard output captured; standard error passes through
// unless quiet. Returns the exit status, 128+signal when killed, 127 when it could not start.
int RunCapture(const std::vector<std::string>& argv, std::string* out, bool quiet_stderr = false) {
  int pipefd[2];
  if (pipe2(pipefd, O_CLOEXEC) != 0) return 127;
  pid_t pid = fork();
  if (pid < 0) {
    close(pipefd[0]);
    close(pipefd[1]);
    return 127;
  }
  if (pid == 0) {
    dup2(pipefd[1], STDOUT_FILENO);
    if (quiet_stderr) {
      int devnull = open("/dev/null", O_WRONLY);
      if (devnull >= 0) dup2(devnull, STDERR_FILENO);
    }
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  close(pipefd[1]);
  if (out) out->clear();
  char buf[4096];
  ssize_t n;
  while ((n = read(pipefd[0], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0 && out) out->append(buf, static_cast<size_t>(n));
  close(pipefd[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return 127;
}

bool OnPath(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (!path) return false;
  std::istringstream in(path);
  for (std::string dir; std::getline(in, dir, ':');)
    if (!dir.empty() && access((dir + "/" + name).c_str(), X_OK) == 0) return true;
  return false;
}

// --- shard state, read from the done markers --------------------------------------------------

struct ShardState {
  bool done = false;
  long long records = 0;
  long long error_records = 0;
};

long long JsonNumber(const std::string& json, const std::string& key) {
  size_t pos = json.find("\"" + key + "\":");
  if (pos == std::string::npos) return 0;
  return std::atoll(json.c_str() + pos + key.size() + 3);
}

std::vector<ShardState> ReadStates(const std::string& dir, int shards) {
  std::vector<ShardState> states(static_cast<size_t>(shards));
  for (int i = 0; i < shards; ++i) {
    std::ifstream in(PathsFor(dir, ShardSpec{i, shards}, false).done);
    if (!in) continue;
    std::stringstream ss;
    ss << in.rdbuf();
    states[i].done = true;
    states[i].records = JsonNumber(ss.str(), "records");
    states[i].error_records = JsonNumber(ss.str(), "error_records");
  }
  return states;
}

std::vector<int> Missing(const std::vector<ShardState>& states) {
  std::vector<int> missing;
  for (size_t i = 0; i < states.size(); ++i)
    if (!states[i].done) missing.push_back(static_cast<int>(i));
  return missing;
}

// "0-3,5,7-9": Slurm's array index syntax for a sorted list of indices.
std::string RangeList(const std::vector<int>& indices, int offset = 0) {
  std::string out;
  for (size_t i = 0; i < indices.size();) {
    size_t j = i;
    while (j + 1 < indices.size() && indices[j + 1] == indices[j] + 1) ++j;
    if (!out.empty()) out += ",";
    out += std::to_string(indices[i] - offset);
    if (j > i) out += "-" + std::to_string(indices[j] - offset);
    i = j + 1;
  }
  return out;
}

// Prints where the corpus is and what is missing; returns the batch's exit status.
int Report(const std::string& dir, int shards, const std::string& suffix, bool quiet) {
  auto states = ReadStates(dir, shards);
  auto missing = Missing(states);
  long long records = 0, errors = 0;
  for (const auto& s : states) {
    records += s.records;
    errors += s.error_records;
  }
  if (!quiet) {
    std::fprintf(stderr, "qingxi batch: %d/%d shards done, %lld records (%lld error records)\n",
                 shards - static_cast<int>(missing.size()), shards, records, errors);
    if (missing.empty()) {
      std::fprintf(stderr, "qingxi batch: %s: %s/part-{0..%d}%s\n",
                   suffix.rfind(".jsonl", 0) == 0 ? "corpus" : "output", dir.c_str(), shards - 1, suffix.c_str());
    } else {
      std::fprintf(stderr,
                   "qingxi batch: missing shards: %s (logs in %s/%s/; run the same command again to "
                   "run only these)\n",
                   RangeList(missing).c_str(), dir.c_str(), kStateDir);
    }
  }
  return missing.empty() ? kExitOk : kExitRetryable;
}

// --- the per-shard command --------------------------------------------------------------------

struct BatchConfig {
  std::string action;  // clean | fetch
  std::string manifest, out_dir, compress = "none", engine = "auto", script, wrapper;
  std::vector<std::string> extra, sbatch_options;
  int shards = 0, jobs = 0, retries = 3, rounds = 3, array_limit = 0;
  double poll_seconds = 5;
  bool wait = false, quiet = false;
  bool intermediate = false;  // a `batch dedup` stage whose parts are files for the next stage
};

// The template every engine runs: [wrapper...] qingxi ACTION --manifest M --shard {i}/{n}
// --out DIR [...]. Placeholders are filled in per shard (FillTemplate, or the sbatch script).
std::vector<std::string> CommandTemplate(const BatchConfig& c) {
  std::vector<std::string> argv = SplitWords(c.wrapper);
  // `qingxi fetch` reads its URL list with -i and writes WARC parts (gzip per record).
  const bool fetch = c.action == "fetch";
  argv.insert(argv.end(), {SelfPath(), c.action, fetch ? "-i" : "--manifest", c.manifest, "--shard", "{i}/{n}",
                           "--out", c.out_dir});
  if (c.compress != "none" && !fetch) argv.insert(argv.end(), {"--compress", c.compress});
  bool has_threads = std::any_of(c.extra.begin(), c.extra.end(),
                                 [](const std::string& a) { return a.rfind("--threads", 0) == 0; });
  if ((c.action == "clean" || c.action == "dedup") && !has_threads)
    argv.insert(argv.end(), {"--threads", "{cpus}"});
  argv.insert(argv.end(), c.extra.begin(), c.extra.end());
  return argv;
}

std::vector<std::string> FillTemplate(std::vector<std::string> argv, int i, int n, int cpus) {
  for (auto& a : argv) {
    a = ReplaceAll(a, "{i}", std::to_string(i));
    a = ReplaceAll(a, "{n}", std::to_string(n));
    a = ReplaceAll(a, "{cpus}", std::to_string(cpus));
  }
  return argv;
}

// How part files end: DIR/part-I.jsonl[.zst] for clean, DIR/part-I.warc.gz for fetch.
std::string PartSuffix(const BatchConfig& c) {
  if (c.action == "fetch") return ".warc.gz";
  if (c.intermediate) return ".done";
  return c.compress == "zstd" ? ".jsonl.zst" : ".jsonl";
}

std::string StatePath(const BatchConfig& c, const std::string& name) {
  return c.out_dir + "/" + kStateDir + "/" + name;
}

// --- local engine -----------------------------------------------------------------------------

int RunLocal(const BatchConfig& c) {
  const int jobs = c.jobs > 0 ? c.jobs : DefaultThreads();
  const int cpus = std::max(1, DefaultThreads() / jobs);
  const auto tmpl = CommandTemplate(c);
  auto states = ReadStates(c.out_dir, c.shards);
  std::deque<int> queue;
  for (int i : Missing(states)) queue.push_back(i);
  if (!c.quiet)
    std::fprintf(stderr, "qingxi batch: local pool of %d processes: %zu of %d shards to run\n", jobs,
                 queue.size(), c.shards);

  std::map<pid_t, int> running;  // pid -> shard
  std::map<int, int> attempts;
  std::set<int> failed_permanently;
  bool usage_error = false;
  while (!queue.empty() || !running.empty()) {
    while (!usage_error && !queue.empty() && static_cast<int>(running.size()) < jobs) {
      int shard = queue.front();
      queue.pop_front();
      // The lock is taken here and inherited by the child: it is released when the shard's
      // process ends, however it ends.
      int lock = open(StatePath(c, "part-" + std::to_string(shard) + ".lock").c_str(),
                      O_WRONLY | O_CREAT, 0644);
      if (lock < 0 || flock(lock, LOCK_EX | LOCK_NB) != 0) {
        if (!c.quiet)
          std::fprintf(stderr, "qingxi batch: shard %d is being run by another process; skipped\n", shard);
        if (lock >= 0) close(lock);
        continue;
      }
      auto argv = FillTemplate(tmpl, shard, c.shards, cpus);
      std::string log = StatePath(c, "part-" + std::to_string(shard) + ".log");
      ++attempts[shard];
      pid_t pid = fork();
      if (pid == 0) {
        int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        int devnull = open("/dev/null", O_RDWR);
        if (devnull >= 0) {
          dup2(devnull, STDIN_FILENO);
          dup2(devnull, STDOUT_FILENO);
        }
        if (fd >= 0) dup2(fd, STDERR_FILENO);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        std::fprintf(stderr, "qingxi batch: cannot run %s: %s\n", args[0], std::strerror(errno));
        _exit(127);
      }
      close(lock);
      if (pid < 0) {
        std::fprintf(stderr, "qingxi batch: fork: %s\n", std::strerror(errno));
        queue.push_front(shard);
        break;
      }
      running[pid] = shard;
    }
    if (running.empty()) break;
    int status = 0;
    pid_t pid = waitpid(-1, &status, 0);
    if (pid < 0) {
      if (errno == EINTR) continue;
      break;
    }
    auto it = running.find(pid);
    if (it == running.end()) continue;
    int shard = it->second;
    running.erase(it);
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    bool marker = access(PathsFor(c.out_dir, ShardSpec{shard, c.shards}, false).done.c_str(), F_OK) == 0;
    if (code == kExitOk && marker) continue;
    // 75 is retryable by contract; a signal (OOM killer, an operator) usually is too. Anything
    // else is a property of the inputs or options and would fail the same way again.
    bool retryable = code == kExitRetryable || WIFSIGNALED(status) || (code == kExitOk && !marker);
    if (code == kExitUsage) usage_error = true;
    if (!c.quiet)
      std::fprintf(stderr, "qingxi batch: shard %d (attempt %d) %s %d%s; log: %s\n", shard, attempts[shard],
                   WIFSIGNALED(status) ? "killed by signal" : "exited with status",
                   WIFSIGNALED(status) ? WTERMSIG(status) : code,
                   retryable && attempts[shard] <= c.retries ? ", retrying" : "",
                   StatePath(c, "part-" + std::to_string(shard) + ".log").c_str());
    if (retryable && attempts[shard] <= c.retries && !usage_error) {
      queue.push_back(shard);
    } else if (!retryable) {
      failed_permanently.insert(shard);
    }
  }
  int rc = Report(c.out_dir, c.shards, PartSuffix(c), c.quiet);
  if (usage_error) return kExitUsage;
  if (rc != kExitOk && !failed_permanently.empty()) return kExitFatal;
  return rc;
}

// --- Slurm engine -----------------------------------------------------------------------------

bool SlurmReachable(std::string* why) {
  if (!OnPath("sbatch") || !OnPath("squeue")) {
    *why = "sbatch/squeue not on PATH";
    return false;
  }
  std::string out;
  if (RunCapture({"sinfo", "-h", "-o", "%P"}, &out, /*quiet_stderr=*/true) != 0) {
    *why = "no Slurm controller answers (sinfo failed)";
    return false;
  }
  return true;
}

// The batch script: --script, $QINGXI_SLURM_SCRIPT, the installed copy beside the binary, or the
// source tree's slurm/ (a build tree).
std::string FindScript(const std::string& given) {
  if (!given.empty()) return given;
  if (const char* env = std::getenv("QINGXI_SLURM_SCRIPT"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / "share" / "qingxi" / "slurm" / "qingxi-array.sbatch";
    if (fs::exists(installed, ec)) return installed.string();
  }
  return (fs::path(QINGXI_RULES_SOURCE_DIR).parent_path() / "slurm" / "qingxi-array.sbatch").string();
}

int MaxArraySize() {
  std::string out;
  if (RunCapture({"scontrol", "show", "config"}, &out, true) != 0) return 1001;
  size_t pos = out.find("MaxArraySize");
  if (pos == std::string::npos) return 1001;
  pos = out.find('=', pos);
  int v = pos == std::string::npos ? 0 : std::atoi(out.c_str() + pos + 1);
  return v > 0 ? v : 1001;
}

std::vector<std::string> ReadJobIds(const BatchConfig& c) {
  std::vector<std::string> ids;
  std::ifstream in(StatePath(c, "slurm-jobs"));
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) ids.push_back(line);
  return ids;
}

// Jobs of ours still in the queue (pending, running, completing, requeued). Returns false when
// squeue itself failed (controller unreachable for a moment).
bool ActiveJobs(const std::vector<std::string>& ids, std::vector<std::string>* active) {
  active->clear();
  if (ids.empty()) return true;
  std::string joined;
  for (const auto& id : ids) joined += (joined.empty() ? "" : ",") + id;
  std::string out;
  // -r lists array tasks one per line; %F is the array's job id, which is what we keep.
  if (RunCapture({"squeue", "-h", "-r", "-j", joined, "-o", "%F"}, &out, true) != 0) {
    // squeue fails for ids the controller has already forgotten (MinJobAge): ask one at a time.
    for (const auto& id : ids) {
      std::string one;
      int rc = RunCapture({"squeue", "-h", "-r", "-j", id, "-o", "%F"}, &one, true);
      if (rc == 0 && !one.empty()) active->push_back(id);
      if (rc != 0 && RunCapture({"sinfo", "-h", "-o", "%P"}, nullptr, true) != 0) return false;
    }
    return true;
  }
  std::set<std::string> words;
  for (const auto& w : SplitWords(out)) words.insert(w);
  for (const auto& id : ids)
    if (words.count(id)) active->push_back(id);
  return true;
}

// Submits the missing shards as one array (several when N exceeds MaxArraySize: each array then
// carries its index offset). Returns the new job ids, or an empty list after printing why.
std::vector<std::string> Submit(const BatchConfig& c, const std::vector<int>& missing, const std::string& script) {
  const int max_array = MaxArraySize();
  std::vector<std::string> ids;
  const auto tmpl = CommandTemplate(c);
  for (size_t start = 0; start < missing.size();) {
    const int offset = missing[start] / max_array * max_array;
    size_t end = start;
    while (end < missing.size() && missing[end] < offset + max_array) ++end;
    std::vector<int> chunk(missing.begin() + static_cast<long>(start), missing.begin() + static_cast<long>(end));
    start = end;
    std::string spec = RangeList(chunk, offset);
    if (c.array_limit > 0) spec += "%" + std::to_string(c.array_limit);
    std::vector<std::string> argv = {
        "sbatch", "--parsable", "--requeue", "--array=" + spec, "--job-name=qingxi-" + c.action,
        "--output=" + StatePath(c, "slurm-%A_%a.log"), "--open-mode=append", "--export=ALL"};
    // The batch is described to the script through the environment sbatch exports (values in
    // --export=NAME=VALUE could not hold a comma). Tasks start in the submission directory, like
    // local shards, so relative manifest entries mean the same on both engines.
    setenv("QINGXI_OUT", c.out_dir.c_str(), 1);
    setenv("QINGXI_SHARDS", std::to_string(c.shards).c_str(), 1);
    setenv("QINGXI_SHARD_OFFSET", std::to_string(offset).c_str(), 1);
    setenv("QINGXI_MAX_REQUEUE", std::to_string(c.retries).c_str(), 1);
    argv.insert(argv.end(), c.sbatch_options.begin(), c.sbatch_options.end());
    argv.push_back(script);
    argv.insert(argv.end(), tmpl.begin(), tmpl.end());
    std::string out;
    int rc = RunCapture(argv, &out);
    std::string id = out.substr(0, out.find_first_of(";\n"));
    if (rc != 0 || id.empty()) {
      std::fprintf(stderr, "qingxi batch: sbatch failed (status %d) for array %s\n", rc, spec.c_str());
      return {};
    }
    std::ofstream(StatePath(c, "slurm-jobs"), std::ios::app) << id << "\n";
    if (!c.quiet)
      std::fprintf(stderr, "qingxi batch: submitted job array %s (shards %s of %d)\n", id.c_str(),
                   RangeList(chunk).c_str(), c.shards);
    ids.push_back(id);
  }
  return ids;
}

// Polls squeue until none of ids is queued. False when the controller stayed unreachable.
bool WaitForJobs(const BatchConfig& c, const std::vector<std::string>& ids) {
  int failures = 0;
  const auto poll = std::chrono::milliseconds(static_cast<long>(c.poll_seconds * 1000));
  for (;;) {
    std::vector<std::string> active;
    if (!ActiveJobs(ids, &active)) {
      // A controller restart or fail-over takes a while; give up only after a long silence.
      if (++failures > 60) return false;
    } else {
      failures = 0;
      if (active.empty()) return true;
    }
    std::this_thread::sleep_for(poll);
  }
}

int RunSlurm(const BatchConfig& c) {
  const std::string script = Absolute(FindScript(c.script));
  if (access(script.c_str(), R_OK) != 0) {
    std::fprintf(stderr, "qingxi batch: batch script %s not found (give --script)\n", script.c_str());
    return kExitUsage;
  }
  // Arrays an earlier run submitted may still be running its shards: never submit them twice.
  std::vector<std::string> earlier;
  if (!ActiveJobs(ReadJobIds(c), &earlier)) {
    std::fprintf(stderr, "qingxi batch: squeue failed: is the Slurm controller reachable?\n");
    return kExitRetryable;
  }
  if (!earlier.empty()) {
    std::string list;
    for (const auto& id : earlier) list += (list.empty() ? "" : ",") + id;
    if (!c.wait) {
      std::fprintf(stderr,
                   "qingxi batch: job array %s submitted earlier is still queued; not submitting again.\n"
                   "  Follow it with: squeue -j %s; then run the same command again.\n",
                   list.c_str(), list.c_str());
      Report(c.out_dir, c.shards, PartSuffix(c), c.quiet);
      return kExitRetryable;
    }
    if (!c.quiet) std::fprintf(stderr, "qingxi batch: waiting for job array %s submitted earlier\n", list.c_str());
    if (!WaitForJobs(c, earlier)) return kExitRetryable;
  }
  for (int round = 0; round <= c.rounds; ++round) {
    auto missing = Missing(ReadStates(c.out_dir, c.shards));
    if (missing.empty()) break;
    if (round == c.rounds) break;  // out of rounds: the report lists what is missing
    if (round > 0 && !c.quiet)
      std::fprintf(stderr, "qingxi batch: round %d: resubmitting %zu shards without a done marker\n",
                   round + 1, missing.size());
    auto ids = Submit(c, missing, script);
    if (ids.empty()) return kExitRetryable;
    if (!c.wait) {
      std::string list;
      for (const auto& id : ids) list += (list.empty() ? "" : ",") + id;
      std::fprintf(stderr,
                   "qingxi batch: not waiting (--wait to wait). Follow the array with: squeue -j %s\n"
                   "  Then: qingxi batch status --out %s --shards %d; re-run this command to resubmit\n"
                   "  any shard without a done marker.\n",
                   list.c_str(), c.out_dir.c_str(), c.shards);
      return kExitOk;
    }
    if (!WaitForJobs(c, ids)) {
      std::fprintf(stderr, "qingxi batch: lost contact with the Slurm controller while waiting\n");
      return kExitRetryable;
    }
  }
  return Report(c.out_dir, c.shards, PartSuffix(c), c.quiet);
}

// --- entry points -----------------------------------------------------------------------------

int RunStatus(int argc, char** argv) {
  CLI::App app{"List the done and missing shards of a batch.", "qingxi batch status"};
  std::string out_dir, compress = "none";
  int shards = 0;
  app.add_option("--out", out_dir, "the batch's output directory")->required();
  app.add_option("--shards", shards, "number of shards")->required()->check(CLI::Range(1, 10000000));
  app.add_option("--compress", compress, "none or zstd (names the part files in the report)")
      ->capture_default_str()
      ->check(CLI::IsMember({"none", "zstd"}));
  app.footer(
      "Exit status: 0 every shard is done; 75 some shards are missing.\n"
      "\n"
      "Examples:\n"
      "  qingxi batch status --out corpus/ --shards 64\n"
      "  qingxi batch status --out corpus/ --shards 64 --compress zstd");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  auto states = ReadStates(out_dir, shards);
  for (int i = 0; i < shards; ++i) {
    if (states[i].done)
      std::printf("%d\tdone\t%lld records\t%lld error records\n", i, states[i].records, states[i].error_records);
    else
      std::printf("%d\tmissing\n", i);
  }
  return Report(out_dir, shards, compress == "zstd" ? ".jsonl.zst" : ".jsonl", false);
}

// `batch dedup`: three rounds of shards, each waiting for the one before (see dedup_stages.cc):
// sign (N shards) -> cluster (one task) -> filter (N shards, the kept records in DIR/part-I).
int RunDedupStages(BatchConfig c, const std::string& engine) {
  const std::string work = c.out_dir + "/_dedup";
  const std::string final_dir = c.out_dir;
  const int shards = c.shards;
  const std::vector<std::string> user_extra = c.extra;
  c.wait = true;  // a stage needs the whole previous one
  if (std::find(user_extra.begin(), user_extra.end(), "--lines") != user_extra.end()) {
    std::fprintf(stderr, "qingxi batch: dedup --lines works in one process only; run `qingxi dedup --lines` "
                 "on the batch's output\n");
    return kExitUsage;
  }
  for (const char* stage : {"sign", "cluster", "filter"}) {
    BatchConfig s = c;
    s.out_dir = std::string(stage) == "filter" ? final_dir : work + "/" + stage;
    s.shards = std::string(stage) == "cluster" ? 1 : shards;
    s.extra = {"--stage", stage, "--work", work};
    s.extra.insert(s.extra.end(), user_extra.begin(), user_extra.end());
    if (std::string(stage) != "filter") {
      s.compress = "none";
      s.intermediate = true;
    }
    std::error_code ec;
    fs::create_directories(s.out_dir + "/" + kStateDir, ec);
    if (ec) {
      std::fprintf(stderr, "qingxi batch: %s: %s\n", s.out_dir.c_str(), ec.message().c_str());
      return kExitFatal;
    }
    if (!c.quiet) std::fprintf(stderr, "qingxi batch: dedup stage %s (%d shards)\n", stage, s.shards);
    int rc = engine == "slurm" ? RunSlurm(s) : RunLocal(s);
    if (rc != kExitOk) return rc;
  }
  return kExitOk;
}

int RunShards(const std::string& action, int argc, char** argv) {
  BatchConfig c;
  c.action = action;
  CLI::App app{"Run every shard of a manifest on Slurm (one job array) or in a local process pool.",
               "qingxi batch " + action};
  app.add_option("--manifest", c.manifest, "inputs, one per line (on a filesystem every node sees)")
      ->required();
  app.add_option("--shards", c.shards, "number of shards N (part files DIR/part-0 .. part-N-1)")
      ->required()
      ->check(CLI::Range(1, 10000000));
  app.add_option("--out", c.out_dir, "output directory (shared by all nodes for Slurm)")->required();
  app.add_option("--engine", c.engine, "auto (Slurm when sbatch is on PATH and a controller answers, "
                 "else local), slurm or local")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "slurm", "local"}));
  app.add_option("--jobs", c.jobs, "local engine: concurrent shard processes (default: all cores)")
      ->check(CLI::Range(1, 4096));
  app.add_option("--compress", c.compress, "part file compression: none or zstd")
      ->capture_default_str()
      ->check(CLI::IsMember({"none", "zstd"}));
  app.add_flag("--wait", c.wait, "Slurm: wait for the array, resubmit shards without a done marker");
  app.add_option("--rounds", c.rounds, "Slurm: submission rounds at most (default 3)")->check(CLI::Range(1, 100));
  app.add_option("--retries", c.retries, "retries of a shard that exits 75 (local: in the pool; Slurm: "
                 "requeues of the array task) (default 3)")
      ->check(CLI::Range(0, 100));
  app.add_option("--array-limit", c.array_limit, "Slurm: array tasks running at once (--array=...%LIMIT)")
      ->check(CLI::Range(1, 1000000));
  app.add_option("--sbatch-option", c.sbatch_options, "Slurm: an extra sbatch option, e.g. "
                 "--sbatch-option=--partition=cpu (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--script", c.script, "Slurm: the batch script (default: slurm/qingxi-array.sbatch)");
  app.add_option("--poll", c.poll_seconds, "Slurm: seconds between squeue polls (default 5)")
      ->check(CLI::Range(0.1, 3600.0));
  app.add_option("--wrapper", c.wrapper, "a command prefix for every shard (e.g. 'apptainer exec img.sif')");
  app.add_flag("-q,--quiet", c.quiet, "only errors on standard error");
  app.add_option("EXTRA", c.extra, "after --: options passed to every `qingxi " + action + "`");
  app.footer(
      "Each shard runs: qingxi " + action + " --manifest M --shard I/N --out DIR [EXTRA]; a shard is\n"
      "complete when DIR/part-I.done exists, so re-running this command runs only missing shards.\n"
      "Exit status: 0 every shard done (or, for Slurm without --wait, submitted); 75 some shards\n"
      "still missing (run again); 2 bad usage; 1 a shard failed permanently.\n"
      "\n"
      "Examples:\n"
      "  qingxi batch " + action + " --manifest " + (action == "fetch" ? "urls" : "files") +
      ".txt --shards 64 --out " + (action == "fetch" ? "warc" : "corpus") + "/\n"
      "  qingxi batch " + action + " --manifest " + (action == "fetch" ? "urls" : "files") +
      ".txt --shards 16 --out " + (action == "fetch" ? "warc" : "corpus") +
      "/ --engine local --jobs 4\n"
      "  qingxi batch " + action + " --manifest " + (action == "fetch" ? "urls" : "files") +
      ".txt --shards 64 --out " + (action == "fetch" ? "warc/ -- --contact mailto:corpus@example.org"
                                                     : "corpus/ --compress zstd -- --no-convert"));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  c.manifest = Absolute(c.manifest);
  c.out_dir = Absolute(c.out_dir);
  if (access(c.manifest.c_str(), R_OK) != 0) {
    std::fprintf(stderr, "qingxi batch: %s: %s\n", c.manifest.c_str(), std::strerror(errno));
    return kExitUsage;
  }
  std::error_code ec;
  fs::create_directories(c.out_dir + "/" + kStateDir, ec);
  if (ec) {
    std::fprintf(stderr, "qingxi batch: %s: %s\n", c.out_dir.c_str(), ec.message().c_str());
    return kExitFatal;
  }
  std::string engine = c.engine;
  if (engine != "local") {
    std::string why;
    bool slurm = SlurmReachable(&why);
    if (!slurm && engine == "slurm") {
      std::fprintf(stderr, "qingxi batch: --engine slurm: %s\n", why.c_str());
      return kExitRetryable;
    }
    if (!slurm && !c.quiet && OnPath("sbatch"))
      std::fprintf(stderr, "qingxi batch: %s; running locally\n", why.c_str());
    engine = slurm ? "slurm" : "local";
  }
  if (action == "dedup") return RunDedupStages(c, engine);
  return engine == "slurm" ? RunSlurm(c) : RunLocal(c);
}

constexpr const char* kBatchUsage =
    "usage: qingxi batch clean --manifest FILE --shards N --out DIR [--engine auto|slurm|local]\n"
    "                          [--jobs J] [--compress zstd] [--wait] [-- clean options]\n"
    "       qingxi batch fetch ... (the same, each shard running `qingxi fetch`)\n"
    "       qingxi batch dedup --manifest PARTS --shards N --out DIR [-- dedup options]\n"
    "                          (stages sign, cluster, filter; kept records in DIR/part-I.jsonl)\n"
    "       qingxi batch status --out DIR --shards N\n"
    "Run 'qingxi batch clean --help' for every option.\n"
    "\n"
    "Examples:\n"
    "  qingxi batch clean --manifest files.txt --shards 64 --out corpus/ --compress zstd\n"
    "  qingxi batch fetch --manifest urls.txt --shards 16 --out warc/ --engine local --jobs 4\n"
    "  qingxi batch status --out corpus/ --shards 64\n";

}  // namespace

int RunBatch(int argc, char** argv) {
  if (argc < 2) {
    std::fputs(kBatchUsage, stderr);
    return kExitUsage;
  }
  std::string action = argv[1];
  if (action == "-h" || action == "--help") {
    std::fputs(kBatchUsage, stdout);
    return kExitOk;
  }
  if (action == "status") return RunStatus(argc - 1, argv + 1);
  if (action == "clean" || action == "fetch" || action == "dedup") return RunShards(action, argc - 1, argv + 1);
  std::fprintf(stderr, "qingxi batch: unknown action '%s'\n%s", action.c_str(), kBatchUsage);
  return kExitUsage;
}

}  // namespace qingxi::cli
