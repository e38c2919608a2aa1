// Every subcommand's --help: exits 0, shows the defaults of its options, and ends with two or
// three examples under "Examples:".
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_util.h"

namespace qingxi {
namespace {

using testing::BinaryPath;
using testing::RunCommand;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    out.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  while (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

TEST(CliHelp, EverySubcommandEndsWithExamples) {
  for (const std::string cmd : {"clean", "convert", "fetch", "crawl", "batch", "batch clean", "batch fetch",
                                "batch status", "rules check", "explain", "rules test"}) {
    std::string out;
    ASSERT_EQ(RunCommand(BinaryPath() + " " + cmd + " --help", &out), 0) << cmd;
    std::vector<std::string> lines = Lines(out);
    size_t at = 0;
    for (size_t i = 0; i < lines.size(); ++i)
      if (lines[i] == "Examples:") at = i;
    ASSERT_GT(at, 0u) << cmd << " --help has no Examples section:\n" << out;
    const size_t examples = lines.size() - at - 1;
    EXPECT_GE(examples, 2u) << cmd << "\n" << out;
    EXPECT_LE(examples, 3u) << cmd << "\n" << out;
    // Each example is a command line that runs qingxi (the section is the last one).
    for (size_t i = at + 1; i < lines.size(); ++i) {
      EXPECT_EQ(lines[i].rfind("  ", 0), 0u) << cmd << ": " << lines[i];
      EXPECT_NE(lines[i].find("qingxi " + cmd.substr(0, cmd.find(' '))), std::string::npos)
          << cmd << ": " << lines[i];
    }
  }
}

TEST(CliHelp, OptionsShowTheirDefaults) {
  struct Want {
    std::string cmd, text;
  };
  for (const Want& w : std::vector<Want>{{"clean", "--in TEXT:{auto,html,text,jsonl,warc}=auto"},
                                         {"clean", "=67108864"},
                                         {"clean", "--compress TEXT:{none,zstd}=none"},
                                         {"fetch", "=1000"},   // --delay-ms
                                         {"crawl", "--max-depth INT:INT in [0 - 100]=2"},
                                         {"crawl", "--max-pages INT=0"},
                                         {"batch clean", "=auto"}}) {
    std::string out;
    ASSERT_EQ(RunCommand(BinaryPath() + " " + w.cmd + " --help", &out), 0);
    EXPECT_NE(out.find(w.text), std::string::npos) << w.cmd << " --help lacks '" << w.text << "':\n" << out;
  }
}

}  // namespace
}  // namespace qingxi
