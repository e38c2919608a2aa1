// End-to-end tests of `qingxi clean` as a user runs it: inputs, output file safety, resume,
// shards, the JSONL filter form, exit statuses.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "qingxi/record.h"
#include "test_util.h"

namespace qingxi {
namespace {

using testing::BinaryPath;
using testing::ParseRecords;
using testing::ReadFile;
using testing::ReadLines;
using testing::RunCommand;
using testing::TempDir;
using testing::WriteFile;

std::string Page(int i) {
  return "<html><head><title>第" + std::to_string(i) + "号通知</title></head><body><div class=\"content\">"
         "<p>这是第" + std::to_string(i) + "号通知的正文，内容涉及城市建设和公共服务。</p>"
         "<p>各单位要认真贯彻落实，确保各项工作按时完成，并及时报告进展情况。</p></div></body></html>";
}

// Writes n pages into dir/p0000.html ... and returns their paths in order.
std::vector<std::string> MakePages(const std::string& dir, int n) {
  std::filesystem::create_directories(dir);
  std::vector<std::string> paths;
  for (int i = 0; i < n; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "/p%04d.html", i);
    paths.push_back(dir + name);
    WriteFile(paths.back(), Page(i));
  }
  return paths;
}


TEST(CliClean, OutputFollowsInputOrderWhateverTheThreadCount) {
  std::string dir = TempDir();
  MakePages(dir + "/in", 40);
  std::string one, two;
  ASSERT_EQ(RunCommand(BinaryPath() + " clean -q --threads 1 " + dir + "/in", &one), 0);
  ASSERT_EQ(RunCommand(BinaryPath() + " clean -q --threads 2 " + dir + "/in", &two), 0);
  EXPECT_EQ(one, two);
  auto recs = ParseRecords(one);
  ASSERT_EQ(recs.size(), 40u);
  for (size_t i = 1; i < recs.size(); ++i) EXPECT_LT(recs[i - 1].source, recs[i].source);
  EXPECT_EQ(recs[0].id, "p0000");
}

TEST(CliClean, WritesThroughPartialAndResumesAfterATornLine) {
  std::string dir = TempDir();
  auto pages = MakePages(dir + "/in", 10);
  std::string out = dir + "/out.jsonl";
  // A run that "died" after writing two records and half of a third.
  std::string full;
  ASSERT_EQ(RunCommand(BinaryPath() + " clean -q --threads 1 " + pages[0] + " " + pages[1], &full), 0);
  WriteFile(out + ".partial", full + "{\"id\":\"p0002\",\"source\":\"" + pages[2] + "\",\"ti");
  ASSERT_EQ(RunCommand(BinaryPath() + " clean -q " + dir + "/in -o " + out), 0);
  EXPECT_FALSE(std::filesystem::exists(out + ".partial"));
  auto recs = ParseRecords(ReadFile(out));
  ASSERT_EQ(recs.size(), 10u);
  std::set<std::string> sources;
  for (const auto& r : recs) sources.insert(r.source);
  EXPECT_EQ(sources.size(), 10u);  // every page exactly once
}

TEST(CliClean, ShardsPartitionTheManifestAndDoneShardsAreSkipped) {
  std::string dir = TempDir();
  auto pages = MakePages(dir + "/in", 23);
  std::string manifest;
  for (const auto& p : pages) manifest += p + "\n";
  WriteFile(dir + "/manifest.txt", "# inputs\n" + manifest);
  std::multiset<std::string> seen;
  for (int i = 0; i < 4; ++i) {
    ASSERT_EQ(RunCommand(BinaryPath() + " clean -q --manifest " + dir + "/manifest.txt --shard " +
                  std::to_string(i) + "/4 --out " + dir + "/out"),
              0);
    ASSERT_TRUE(std::filesystem::exists(dir + "/out/part-" + std::to_string(i) + ".done"));
    for (const auto& r : ParseRecords(ReadFile(dir + "/out/part-" + std::to_string(i) + ".jsonl")))
      seen.insert(r.source);
  }
  EXPECT_EQ(seen.size(), 23u);
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 23u);
  // A shard whose marker exists is not run again: its output is left untouched.
  WriteFile(dir + "/out/part-1.jsonl", "sentinel\n");
  ASSERT_EQ(RunCommand(BinaryPath() + " clean -q --manifest " + dir + "/manifest.txt --shard 1/4 --out " +
                dir + "/out"),
            0);
  EXPECT_EQ(ReadFile(dir + "/out/part-1.jsonl"), "sentinel\n");
  EXPECT_NE(RunCommand(BinaryPath() + " clean -q --manifest " + dir + "/manifest.txt --shard 4/4 --out " +
                dir + "/out 2>/dev/null"),
            0);
}

TEST(CliClean, ZstdShardOutputDecompressesToTheSameRecords) {
  std::string dir = TempDir();
  auto pages = MakePages(dir + "/in", 5);
  std::string plain, unpacked;
  ASSERT_EQ(RunCommand(BinaryPath() + " clean -q " + dir + "/in", &plain), 0);
  ASSERT_EQ(RunCommand(BinaryPath() + " clean -q --out " + dir + "/z --compress zstd " + dir + "/in"), 0);
  ASSERT_EQ(RunCommand("zstd -dc " + dir + "/z/part-0.jsonl.zst", &unpacked), 0);
  EXPECT_EQ(plain, unpacked);
}

TEST(CliClean, JsonlOnStandardInputIsAFilterAndBadLinesBecomeErrorRecords) {
  std::string dir = TempDir();
  WriteFile(dir + "/in.jsonl",
            "{\"id\":\"a\",\"url\":\"http://example.test/a\",\"html\":\"" + std::string("<p>正文第一段，内容完整。</p>") +
                "\"}\n{\"id\":\"b\",\"text\":\"第一行内容。\\n第二行内容。\"}\nnot json\n");
  std::string out;
  EXPECT_EQ(RunCommand("cat " + dir + "/in.jsonl | " + BinaryPath() + " clean -q -", &out), 3);
  auto recs = ParseRecords(out);
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[0].id, "a");
  EXPECT_EQ(recs[0].url, "http://example.test/a");
  EXPECT_EQ(recs[1].id, "b");
  EXPECT_FALSE(recs[1].is_error());
  EXPECT_NE(recs[1].text.find("第二行内容"), std::string::npos);
  EXPECT_TRUE(recs[2].is_error());
}

// A file named on the command line that does not exist is a usage error (cli_usage_errors_test);
// an entry of a manifest that vanished before its turn is an error record and the run goes on.
TEST(CliClean, MissingManifestEntryIsAnErrorRecordAndTheRunGoesOn) {
  std::string dir = TempDir();
  auto pages = MakePages(dir + "/in", 2);
  WriteFile(dir + "/manifest.txt", pages[0] + "\n" + dir + "/missing.html\n" + pages[1] + "\n");
  std::string out;
  EXPECT_EQ(RunCommand(BinaryPath() + " clean -q --manifest " + dir + "/manifest.txt", &out), 3);
  auto recs = ParseRecords(out);
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_FALSE(recs[0].is_error());
  EXPECT_TRUE(recs[1].is_error());
  EXPECT_EQ(recs[1].error.rfind("read: ", 0), 0u);
  EXPECT_FALSE(recs[2].is_error());
}

TEST(CliClean, ABadRuleFileStopsTheRunWithFileAndLine) {
  std::string dir = TempDir();
  std::filesystem::copy(testing::RulesDir(), dir + "/rules", std::filesystem::copy_options::recursive);
  int broken = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir + "/rules")) {
    if (e.path().extension() != ".rules") continue;
    WriteFile(e.path().string(), ReadFile(e.path().string()) + "\nNOT-A-DIRECTIVE x\n");
    ++broken;
  }
  if (broken == 0) GTEST_SKIP() << "no rule files to break";
  auto pages = MakePages(dir + "/in", 1);
  std::string err;
  EXPECT_EQ(RunCommand(BinaryPath() + " clean --rules " + dir + "/rules " + pages[0] + " 2>&1 >/dev/null", &err), 2);
  EXPECT_NE(err.find(".rules:"), std::string::npos) << err;
}

TEST(CliClean, UsageErrorsExitWithTwo) {
  EXPECT_EQ(RunCommand(BinaryPath() + " clean 2>/dev/null"), 2);
  EXPECT_EQ(RunCommand(BinaryPath() + " clean --in nonsense x 2>/dev/null"), 2);
  EXPECT_EQ(RunCommand(BinaryPath() + " frobnicate 2>/dev/null"), 2);
  std::string help;
  EXPECT_EQ(RunCommand(BinaryPath() + " clean --help", &help), 0);
  EXPECT_NE(help.find("Exit status"), std::string::npos);
}


// A run killed half-way leaves FILE.partial; only the same command continues it.
TEST(CliClean, PartialOutputIsContinuedOnlyByTheCommandThatBeganIt) {
  std::string dir = TempDir();
  auto pages = MakePages(dir + "/in", 2);
  // The second input is a FIFO nobody writes yet: the run writes the first record, then blocks
  // until `timeout` kills it.
  std::string fifo = dir + "/in/z-late.html";
  ASSERT_EQ(RunCommand("mkfifo " + fifo), 0);
  std::string out = dir + "/out.jsonl";
  std::string args = pages[0] + " " + fifo + " -o " + out;
  EXPECT_EQ(RunCommand("timeout -s KILL 3 " + BinaryPath() + " clean -q " + args), 128 + 9);
  ASSERT_TRUE(std::filesystem::exists(out + ".partial"));
  ASSERT_EQ(ReadLines(out + ".partial").size(), 1u);

  std::string msg;
  for (const std::string& other : {std::string("--no-convert"), std::string("--in text"), pages[1]}) {
    EXPECT_EQ(RunCommand("timeout 20 " + BinaryPath() + " clean " + other + " " + args + " 2>&1", &msg), 2) << other;
    EXPECT_NE(msg.find("was begun by a different command"), std::string::npos) << msg;
    EXPECT_NE(msg.find("--restart"), std::string::npos) << msg;
    EXPECT_EQ(ReadLines(out + ".partial").size(), 1u) << "the partial output must be left as it was";
  }
  // The same command finishes it: the FIFO gets its page this time.
  EXPECT_EQ(RunCommand("(sleep 1; cat " + pages[1] + " > " + fifo + ") & timeout 20 " + BinaryPath() +
                       " clean -q " + args + "; rc=$?; wait; exit $rc"), 0);
  auto recs = ParseRecords(ReadFile(out));
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0].source, pages[0]);
  EXPECT_EQ(recs[1].source, fifo);
  EXPECT_FALSE(std::filesystem::exists(out + ".partial.run"));
}

}  // namespace
}  // namespace qingxi
