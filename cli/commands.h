// cli/commands.h — the `qingxi` subcommands and what they share.
//
// Each subcommand is a function taking its own argv (argv[0] is the subcommand name) and
// returning the process exit status. Exit statuses are shared by all subcommands:
#ifndef QINGXI_CLI_COMMANDS_H_
#define QINGXI_CLI_COMMANDS_H_

#include <string>

namespace qingxi::cli {

// Exit statuses (documented in README and --help).
constexpr int kExitOk = 0;            // everything processed, no error record
constexpr int kExitFatal = 1;         // the run could not complete (output not writable, I/O error)
constexpr int kExitUsage = 2;         // bad options or a bad rule file: nothing was processed
constexpr int kExitSomeErrors = 3;    // the run completed; some inputs became error records
constexpr int kExitRetryable = 75;    // EX_TEMPFAIL: a transient failure, running again may succeed

int RunClean(int argc, char** argv);
int RunConvert(int argc, char** argv);
int RunFetch(int argc, char** argv);
int RunCrawl(int argc, char** argv);
int RunBatch(int argc, char** argv);
int RunDedup(int argc, char** argv);
int RunStats(int argc, char** argv);
int RunRulesCheck(int argc, char** argv);  // `qingxi rules check` (argv[0] is "check")
int RunExplain(int argc, char** argv);
int RunRulesTest(int argc, char** argv);  // `qingxi rules test`

// The rules directory used when --rules is not given: $QINGXI_RULES, else the copy installed
// beside the binary (<prefix>/share/qingxi/rules), else the source tree's rules/ (a build tree),
// else the configured install location.
std::string DefaultRulesDir();

// The worker-thread default: all cores.
int DefaultThreads();

}  // namespace qingxi::cli

#endif  // QINGXI_CLI_COMMANDS_H_
