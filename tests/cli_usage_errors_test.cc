// Bad command lines and bad inputs: every one ends at once with one line naming the cause and
// the fix, and a non-zero status; none hangs, none ends with status 0 and an empty corpus.
// Every run goes through `timeout`, so a hang fails the test instead of stalling the suite.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "test_util.h"

namespace qingxi {
namespace {

using testing::BinaryPath;
using testing::RunCommand;
using testing::TempDir;
using testing::WriteFile;

// Runs qingxi with ARGS under a 20 s timeout; returns the status (124 on a hang) and fills
// *out with standard output and standard error together.
int Qingxi(const std::string& args, std::string* out) {
  return RunCommand("timeout 20 " + BinaryPath() + " " + args + " 2>&1 </dev/null", out);
}

const char kPage[] =
    "<html><head><title>通知</title></head><body><div class=\"content\"><p>这是一份关于城市建设和"
    "公共服务的通知正文，各单位要认真贯彻落实。</p></div></body></html>";

TEST(CliUsageErrors, MissingManifestExitsAtOnceWhateverTheOutputForm) {
  std::string dir = TempDir();
  for (const std::string& extra :
       {std::string(), " -o " + dir + "/o.jsonl", std::string(" --threads 1"),
        " --shard 0/2 --out " + dir + "/shards"}) {
    std::string out;
    EXPECT_EQ(Qingxi("clean --manifest /nonexistent/manifest.txt" + extra, &out), 2) << extra << "\n" << out;
    EXPECT_NE(out.find("/nonexistent/manifest.txt"), std::string::npos) << out;
    EXPECT_NE(out.find("--manifest"), std::string::npos) << out;
  }
  EXPECT_FALSE(std::filesystem::exists(dir + "/o.jsonl.partial"));
}

TEST(CliUsageErrors, EmptyDirectoryIsAUsageErrorNamingIt) {
  std::string dir = TempDir();
  std::filesystem::create_directories(dir + "/empty");
  std::string out;
  EXPECT_EQ(Qingxi("clean " + dir + "/empty -o " + dir + "/out.jsonl", &out), 2) << out;
  EXPECT_NE(out.find(dir + "/empty"), std::string::npos) << out;
  EXPECT_NE(out.find("no document"), std::string::npos) << out;
  EXPECT_FALSE(std::filesystem::exists(dir + "/out.jsonl"));
  EXPECT_FALSE(std::filesystem::exists(dir + "/out.jsonl.partial"));
}

TEST(CliUsageErrors, EmptyManifestIsAUsageErrorNamingIt) {
  std::string dir = TempDir();
  WriteFile(dir + "/manifest.txt", "# nothing here yet\n\n");
  std::string out;
  EXPECT_EQ(Qingxi("clean --manifest " + dir + "/manifest.txt", &out), 2) << out;
  EXPECT_NE(out.find(dir + "/manifest.txt"), std::string::npos) << out;
  EXPECT_NE(out.find("no document"), std::string::npos) << out;
}

TEST(CliUsageErrors, MistypedInputPathIsAUsageErrorNotAnErrorRecord) {
  std::string dir = TempDir();
  WriteFile(dir + "/page.html", kPage);
  std::string out;
  EXPECT_EQ(Qingxi("clean " + dir + "/page.html " + dir + "/pgae.html", &out), 2) << out;
  EXPECT_NE(out.find(dir + "/pgae.html: no such file"), std::string::npos) << out;
  EXPECT_EQ(out.find("\"error\""), std::string::npos) << "no record may be written: " << out;
}


// Each of these names its cause and its fix in one line, and exits 2 before writing anything.
TEST(CliUsageErrors, MissingOutputDirectoryIsNamed) {
  std::string dir = TempDir();
  WriteFile(dir + "/page.html", kPage);
  std::string out;
  EXPECT_EQ(Qingxi("clean " + dir + "/page.html -o " + dir + "/nodir/out.jsonl", &out), 2) << out;
  EXPECT_NE(out.find("directory " + dir + "/nodir does not exist"), std::string::npos) << out;
  EXPECT_NE(out.find("mkdir -p"), std::string::npos) << out;
  EXPECT_EQ(out.find("No such file"), std::string::npos) << out;
  EXPECT_EQ(Qingxi("fetch https://example.org/ -o " + dir + "/nodir/a.warc.gz", &out), 2) << out;
  EXPECT_NE(out.find("cannot write -o " + dir + "/nodir/a.warc.gz: directory " + dir + "/nodir does not exist"),
            std::string::npos) << out;
}

TEST(CliUsageErrors, MissingDatabaseDirectoryIsNamed) {
  std::string dir = TempDir();
  std::string out;
  EXPECT_EQ(Qingxi("crawl --db " + dir + "/nodir/crawl.sqlite -o " + dir + "/c.jsonl https://example.org/", &out),
            2) << out;
  EXPECT_NE(out.find("--db " + dir + "/nodir/crawl.sqlite"), std::string::npos) << out;
  EXPECT_NE(out.find("directory " + dir + "/nodir does not exist"), std::string::npos) << out;
  EXPECT_EQ(out.find("unable to open database file"), std::string::npos) << out;
}

TEST(CliUsageErrors, MissingRulesDirectoryIsNamed) {
  std::string dir = TempDir();
  WriteFile(dir + "/page.html", kPage);
  for (const std::string& cmd : {"clean " + dir + "/page.html --rules " + dir + "/norules",
                                 "convert --rules " + dir + "/norules",
                                 "crawl --db " + dir + "/c.sqlite -o " + dir + "/c.jsonl --rules " + dir +
                                     "/norules https://example.org/"}) {
    std::string out;
    EXPECT_EQ(Qingxi(cmd, &out), 2) << cmd << "\n" << out;
    EXPECT_NE(out.find("rules directory " + dir + "/norules does not exist"), std::string::npos) << out;
    EXPECT_EQ(out.find("cannot open rule file"), std::string::npos) << out;
  }
}

TEST(CliUsageErrors, RefusedLoopbackUrlNamesAllowPrivate) {
  std::string dir = TempDir();
  std::string out;
  // Port 9 (discard) is never connected to: the address is refused before any connection.
  EXPECT_EQ(Qingxi("fetch http://127.0.0.1:9/page.html -o " + dir + "/a.warc.gz --stats " + dir + "/stats.json",
                   &out), 3) << out;
  EXPECT_NE(out.find("127.0.0.1 is a loopback, private or link-local address"), std::string::npos) << out;
  EXPECT_NE(out.find("--allow-private"), std::string::npos) << out;
  EXPECT_NE(testing::ReadFile(dir + "/stats.json").find("--allow-private"), std::string::npos);
}

// Copies rules/ into dir/rules and appends `line` to `file` in the copy.
std::string RulesWith(const std::string& dir, const std::string& file, const std::string& line) {
  std::filesystem::copy(testing::RulesDir(), dir + "/rules", std::filesystem::copy_options::recursive);
  WriteFile(dir + "/rules/" + file, testing::ReadFile(dir + "/rules/" + file) + "\n" + line + "\n");
  return dir + "/rules";
}

TEST(CliUsageErrors, BadRegexIsReportedOnceByQingxiNotByRe2) {
  std::string dir = TempDir();
  WriteFile(dir + "/page.html", kPage);
  std::string rules = RulesWith(dir, "watermark.rules", "regex (unclosed");
  std::string out;
  EXPECT_EQ(Qingxi("clean -q " + dir + "/page.html --rules " + rules, &out), 2) << out;
  EXPECT_NE(out.find("watermark.rules:"), std::string::npos) << out;
  EXPECT_NE(out.find("bad regex"), std::string::npos) << out;
  // RE2's own log line ("re2/re2.cc:...: Error parsing ...") would come first.
  EXPECT_EQ(out.rfind("qingxi clean: ", 0), 0u) << out;
  EXPECT_EQ(out.find("Error parsing"), std::string::npos) << out;
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1) << out;
}

TEST(CliUsageErrors, RepeatedSettingIsRejectedWithFileAndLine) {
  std::string dir = TempDir();
  WriteFile(dir + "/page.html", kPage);
  // The first `set` line of thresholds.rules, once more at the end with another value.
  std::string first;
  for (const std::string& l : testing::ReadLines(testing::RulesDir() + "/thresholds.rules"))
    if (l.rfind("set ", 0) == 0) {
      first = l;
      break;
    }
  ASSERT_FALSE(first.empty());
  std::string name = first.substr(4, first.find(' ', 4) - 4);
  std::string rules = RulesWith(dir, "thresholds.rules", "set " + name + " 7");
  std::string out;
  EXPECT_EQ(Qingxi("clean -q " + dir + "/page.html --rules " + rules, &out), 2) << out;
  EXPECT_NE(out.find("thresholds.rules:"), std::string::npos) << out;
  EXPECT_NE(out.find("setting '" + name + "' is already set on line"), std::string::npos) << out;
}

TEST(CliUsageErrors, CompressWithoutOutAndOutputWithOutAreRejected) {
  std::string dir = TempDir();
  WriteFile(dir + "/page.html", kPage);
  std::string out;
  EXPECT_EQ(Qingxi("clean " + dir + "/page.html --compress zstd", &out), 2) << out;
  EXPECT_NE(out.find("--compress zstd applies to --out DIR only"), std::string::npos) << out;
  EXPECT_EQ(Qingxi("clean " + dir + "/page.html -o " + dir + "/a.jsonl --out " + dir + "/parts", &out), 2) << out;
  EXPECT_NE(out.find("-o and --out exclude each other"), std::string::npos) << out;
  EXPECT_FALSE(std::filesystem::exists(dir + "/a.jsonl"));
}

TEST(CliUsageErrors, OutputNamedZstIsZstd) {
  std::string dir = TempDir();
  WriteFile(dir + "/page.html", kPage);
  std::string out;
  ASSERT_EQ(Qingxi("clean -q " + dir + "/page.html -o " + dir + "/a.jsonl.zst", &out), 0) << out;
  std::string bytes = testing::ReadFile(dir + "/a.jsonl.zst");
  ASSERT_GE(bytes.size(), 4u);
  EXPECT_EQ(bytes.substr(0, 4), std::string("\x28\xB5\x2F\xFD", 4)) << "not a zstd frame";
  std::string plain;
  ASSERT_EQ(RunCommand("zstd -dc " + dir + "/a.jsonl.zst", &plain), 0);
  EXPECT_NE(plain.find("城市建设"), std::string::npos) << plain;
  EXPECT_FALSE(std::filesystem::exists(dir + "/a.jsonl.zst.partial"));
}

}  // namespace
}  // namespace qingxi
