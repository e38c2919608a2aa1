// `qingxi rules check`: one line per problem with file:line, exit 0 / 1 / 2.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "test_util.h"

namespace qingxi {
namespace {

using testing::BinaryPath;
using testing::RunCommand;
using testing::TempDir;
using testing::WriteFile;

// Runs `qingxi rules check ARGS`; returns the exit status, *out gets standard output.
int Check(const std::string& args, std::string* out, std::string* err = nullptr) {
  std::string dir = TempDir();
  int rc = RunCommand("cd " + dir + " && " + BinaryPath() + " rules check --rules " +
                          testing::RulesDir() + " " + args + " 2>" + dir + "/err",
                      out);
  if (err) *err = testing::ReadFile(dir + "/err");
  return rc;
}

TEST(CliRulesCheck, TheBuiltInRulesAreClean) {
  std::string out, err;
  EXPECT_EQ(Check(testing::RulesDir(), &out, &err), 0) << out << err;
  EXPECT_EQ(out, "");
  EXPECT_NE(err.find("0 errors, 0 warnings"), std::string::npos) << err;
}

TEST(CliRulesCheck, AGoodLayerPassesAndRepeatsOfBuiltInEntriesAreWarnings) {
  std::string layer = TempDir();
  WriteFile(layer + "/drop.rules", "site example.com\nline 本站文章未经授权不得转载\nsite *\n"
                                   "line_regex 责任编辑[:：]\\\\s*\\\\p{Han}{2,4}\n");
  WriteFile(layer + "/thresholds.rules", "set spam_min_hits 2\n");
  WriteFile(layer + "/paywall.rules", "unset phrase 隐藏内容\n");
  WriteFile(layer + "/README.md", "my site rules\n");
  std::string out;
  EXPECT_EQ(Check(layer, &out), 0) << out;
  EXPECT_EQ(out, "");
  WriteFile(layer + "/spam.rules", "phrase 国产精品\n");  // already built in
  WriteFile(layer + "/drop.rules", "phrase 本站\n");       // removes ordinary sentences too
  EXPECT_EQ(Check("--extra-rules " + layer, &out), 0) << out;
  EXPECT_NE(out.find(layer + "/spam.rules:1: warning: 'phrase 国产精品' is already in " +
                     testing::RulesDir() + "/spam.rules:"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find(layer + "/drop.rules:1: warning: 'phrase 本站' removes every line that "
                             "contains it"),
            std::string::npos)
      << out;
}

TEST(CliRulesCheck, ABrokenLayerGetsOneLinePerProblem) {
  std::string layer = TempDir();
  WriteFile(layer + "/mysite.rules", "phrase 甲\n");
  WriteFile(layer + "/drop.rules", "phrase 甲\nphrase 甲\nline_regex ([a-z\nsite exa mple\n");
  WriteFile(layer + "/thresholds.rules", "set spam_min_hits 1\nset spam_min_hits 2\n");
  WriteFile(layer + "/spam.rules", "unset phrase 不存在的词\n");
  WriteFile(layer + "/html.rules", "site example.com\n");
  std::string out;
  EXPECT_EQ(Check(layer, &out), 1);
  for (const std::string want :
       {layer + "/mysite.rules: unknown rule file name (qingxi reads only: ",
        layer + "/drop.rules:2: warning: 'phrase 甲' repeats line 1",
        layer + "/drop.rules:3: bad regex: ",
        layer + "/drop.rules:4: expected 'site HOST'",
        layer + "/html.rules:1: 'site' sections are not supported in this file",
        layer + "/thresholds.rules:2: setting 'spam_min_hits' is already set on line 1",
        layer + "/spam.rules:1: unset: no earlier 'phrase 不存在的词' entry to remove"})
    EXPECT_NE(("\n" + out).find("\n" + want), std::string::npos) << want << "\n---\n" << out;
  // Settings only the stage knows are checked on the merged rules.
  std::string typo = TempDir();
  WriteFile(typo + "/thresholds.rules", "set spam_min_hit 1\n");
  EXPECT_EQ(Check(typo, &out), 1);
  EXPECT_EQ(out, typo + "/thresholds.rules:1: unknown setting 'spam_min_hit'\n");
}

TEST(CliRulesCheck, ARulesDirectoryMustHoldEveryFileAndOnlyKnownNames) {
  std::string dir = TempDir() + "/rules";
  std::filesystem::copy(testing::RulesDir(), dir, std::filesystem::copy_options::recursive);
  WriteFile(dir + "/mysite.rules", "phrase 甲\n");
  std::filesystem::remove(dir + "/pinyin.rules");
  std::string out;
  EXPECT_EQ(Check(dir, &out), 1);
  EXPECT_NE(out.find(dir + "/mysite.rules: unknown rule file name"), std::string::npos) << out;
  EXPECT_NE(out.find(dir + "/pinyin.rules: missing"), std::string::npos) << out;
}

TEST(CliRulesCheck, UsageErrorsExitTwo) {
  std::string out, err;
  EXPECT_EQ(Check("/nonexistent/rules-dir", &out, &err), 2);
  EXPECT_NE(err.find("/nonexistent/rules-dir: no such directory"), std::string::npos) << err;
  EXPECT_EQ(Check("--no-such-option", &out), 2);
}

}  // namespace
}  // namespace qingxi
