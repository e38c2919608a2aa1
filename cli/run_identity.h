// cli/run_identity.h — what makes two runs of a command produce the same output, so that an
// interrupted run is continued only by the same command (see JsonlSink).
// Stateless; thread-safe.
#ifndef QINGXI_CLI_RUN_IDENTITY_H_
#define QINGXI_CLI_RUN_IDENTITY_H_

#include <string>

namespace qingxi::cli {

// A fingerprint of every file under the rules directory `dir` (names and contents, in name
// order): 16 hex digits; changes whenever a rule, lexicon or dictionary changes.
std::string RulesFingerprint(const std::string& dir);

}  // namespace qingxi::cli

#endif  // QINGXI_CLI_RUN_IDENTITY_H_
