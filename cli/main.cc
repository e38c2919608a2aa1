// qingxi — command-line entry point: dispatches to the subcommands in cli/commands.h.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>

#include "commands.h"

namespace qingxi::cli {

std::string DefaultRulesDir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("QINGXI_RULES"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / "share" / "qingxi" / "rules";
    if (fs::is_directory(installed, ec)) return installed.string();
  }
  if (fs::is_directory(QINGXI_RULES_SOURCE_DIR, ec)) return QINGXI_RULES_SOURCE_DIR;
  return QINGXI_RULES_INSTALL_DIR;
}

int DefaultThreads() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

}  // namespace qingxi::cli

namespace {

constexpr const char* kUsage =
    "qingxi " QINGXI_VERSION " — clean Chinese web pages into a simplified-Chinese text corpus\n"
    "\n"
    "usage: qingxi <command> [options]\n"
    "\n"
    "commands:\n"
    "  clean     clean saved pages, text files or WARC files into JSONL records\n"
    "  convert   convert UTF-8 text on standard input to simplified Chinese\n"
    "  fetch     fetch URLs politely into a WARC file\n"
    "  crawl     fetch and clean in one run, with crawl state for re-crawls\n"
    "  dedup     remove exact and near-duplicate records from JSONL corpora\n"
    "  stats     count what a JSONL corpus holds; --json and --html (charts) reports\n"
    "  explain   render one page as HTML: kept text, and each removed part with its reason\n"
    "  rules     rules check [DIR]: validate a rules directory or an --extra-rules layer;\n"
    "            rules test 'a line': which rule removes a line, and why\n"
    "  batch     run every shard of a manifest on Slurm (a job array) or a local process pool\n"
    "  version   print the version\n"
    "\n"
    "Run 'qingxi <command> --help' for the options of a command.\n"
    "Exit status: 0 ok; 1 fatal error; 2 bad usage or rule file; 3 finished with error records;\n"
    "75 temporary failure (retry).\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace qingxi::cli;
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return kExitUsage;
  }
  std::string cmd = argv[1];
  if (cmd == "-h" || cmd == "--help" || cmd == "help") {
    std::fputs(kUsage, stdout);
    return kExitOk;
  }
  if (cmd == "version" || cmd == "--version") {
    std::puts("qingxi " QINGXI_VERSION);
    return kExitOk;
  }
  if (cmd == "clean") return RunClean(argc - 1, argv + 1);
  if (cmd == "convert") return RunConvert(argc - 1, argv + 1);
  if (cmd == "fetch") return RunFetch(argc - 1, argv + 1);
  if (cmd == "crawl") return RunCrawl(argc - 1, argv + 1);
  if (cmd == "batch") return RunBatch(argc - 1, argv + 1);
  if (cmd == "dedup") return RunDedup(argc - 1, argv + 1);
  if (cmd == "stats") return RunStats(argc - 1, argv + 1);
  if (cmd == "explain") return RunExplain(argc - 1, argv + 1);
  if (cmd == "rules" && argc > 2 && std::strcmp(argv[2], "check") == 0)
    return RunRulesCheck(argc - 2, argv + 2);
  if (cmd == "rules" && argc > 2 && std::strcmp(argv[2], "test") == 0)
    return RunRulesTest(argc - 2, argv + 2);
  if (cmd == "rules") {
    std::fprintf(stderr,
                 "usage: qingxi rules check [DIR] [--extra-rules DIR]...  |  qingxi rules test 'a line' "
                 "[--rules DIR] [--url URL]  (see --help of each)\n");
    return kExitUsage;
  }
  std::fprintf(stderr, "qingxi: unknown command '%s'\n\n%s", cmd.c_str(), kUsage);
  return kExitUsage;
}
