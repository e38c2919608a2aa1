// Bad command lines and bad inputs: every one ends at once with one line naming the cause and
// the fix, and a non-zero status; none hangs, none ends with status 0 and an empty corpus.
// Every run goes through `timeout`, so a hang fails the test instead of stalling the suite.
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

}  // namespace
}  // namespace qingxi
