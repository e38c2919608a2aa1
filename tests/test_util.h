// Test helpers: locating the source tree, rules/ and the optional ../shared data, reading
// files, and running the qingxi binary. Tests that need ../shared call QINGXI_REQUIRE_SHARED()
// which skips the test, saying why, when the directory is absent (a user's clone).
#ifndef QINGXI_TESTS_TEST_UTIL_H_
#define QINGXI_TESTS_TEST_UTIL_H_

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "qingxi/record.h"

namespace qingxi::testing {

std::string SourceDir();   // the repository root
std::string RulesDir();    // <root>/rules
std::string SharedDir();   // <root>/../shared ("" when it does not exist)
std::string BinaryPath();  // the built qingxi executable
std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& data);
std::string TempDir();     // a fresh directory under $TMPDIR, removed at exit
std::vector<std::string> ReadLines(const std::string& path);
// The records of JSONL text (qingxi's output); a line that does not parse fails the test.
std::vector<Record> ParseRecords(const std::string& jsonl);

// Runs `cmd` through /bin/sh; returns its exit status and fills *out with standard output.
int Run(const std::string& cmd, std::string* out = nullptr);
// The same as Run, under a name that does not clash with ::testing::Test::Run inside TEST bodies.
inline int RunCommand(const std::string& cmd, std::string* out = nullptr) { return Run(cmd, out); }

}  // namespace qingxi::testing

#define QINGXI_REQUIRE_SHARED()                                                        \
  do {                                                                                 \
    if (::qingxi::testing::SharedDir().empty())                                        \
      GTEST_SKIP() << "../shared is not present next to this checkout; skipping";      \
  } while (0)

#endif  // QINGXI_TESTS_TEST_UTIL_H_
