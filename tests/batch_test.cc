// `qingxi batch` with the local process pool: shards together equal one plain run, a shard
// killed mid-write is redone by the next run, done shards are never started again, a shard that
// exits 75 is retried and one that fails permanently is not.
//
// Failures are injected with --wrapper, the per-shard command prefix: a small shell script that
// logs every shard it is asked to run and misbehaves once for one chosen shard.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "qingxi/record.h"
#include "test_util.h"

namespace qingxi {
namespace {

using testing::BinaryPath;
using testing::ReadFile;
using testing::ReadLines;
using testing::RunCommand;
using testing::TempDir;
using testing::WriteFile;

std::string Page(int i) {
  return "<html><head><title>第" + std::to_string(i) + "号公告</title></head><body><div class=\"nav\">首页 | "
         "新闻 | 联系我们</div><div class=\"content\"><p>第" + std::to_string(i) +
         "号公告：本市将于下月起调整公共交通线路，市民出行请提前规划。</p><p>相关部门表示，调整后的線路將"
         "覆蓋更多社區，方便居民出行。</p></div></body></html>";
}

// A manifest of n generated pages under dir/in.
std::string MakeManifest(const std::string& dir, int n) {
  std::filesystem::create_directories(dir + "/in");
  std::string manifest = "# generated pages\n";
  for (int i = 0; i < n; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "/in/p%04d.html", i);
    WriteFile(dir + name, Page(i));
    manifest += dir + name + "\n";
  }
  WriteFile(dir + "/manifest.txt", manifest);
  return dir + "/manifest.txt";
}

std::vector<std::string> Sorted(std::vector<std::string> lines) {
  std::sort(lines.begin(), lines.end());
  return lines;
}

// Every line of every part file, sorted.
std::vector<std::string> UnionOfParts(const std::string& out, int shards) {
  std::vector<std::string> all;
  for (int i = 0; i < shards; ++i) {
    auto lines = ReadLines(out + "/part-" + std::to_string(i) + ".jsonl");
    all.insert(all.end(), lines.begin(), lines.end());
  }
  return Sorted(all);
}

std::vector<std::string> PlainRun(const std::string& manifest) {
  std::string out;
  EXPECT_EQ(RunCommand(BinaryPath() + " clean -q --manifest " + manifest, &out), 0);
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos < out.size()) {
    size_t nl = out.find('\n', pos);
    lines.push_back(out.substr(pos, nl - pos));
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return Sorted(lines);
}

std::string Batch(const std::string& manifest, const std::string& out, int shards, const std::string& more = "") {
  return BinaryPath() + " batch clean --engine local --manifest " + manifest + " --shards " +
         std::to_string(shards) + " --out " + out + " " + more + " 2>&1";
}

// Writes an executable wrapper script: it appends its arguments to dir/calls.log, runs `body`
// (shell code that may inspect "$*"), then runs the shard command.
std::string Wrapper(const std::string& dir, const std::string& body) {
  std::string path = dir + "/wrapper.sh";
  WriteFile(path, "#!/bin/sh\necho \"$*\" >> " + dir + "/calls.log\n" + body + "\nexec \"$@\"\n");
  chmod(path.c_str(), 0755);
  return path;
}

int Calls(const std::string& dir, const std::string& shard) {
  int n = 0;
  for (const auto& l : ReadLines(dir + "/calls.log"))
    if (l.find("--shard " + shard + " ") != std::string::npos) ++n;
  return n;
}

TEST(BatchLocal, ShardsTogetherEqualOnePlainRunAndStatusSaysDone) {
  std::string dir = TempDir();
  std::string manifest = MakeManifest(dir, 57);
  std::string log;
  EXPECT_EQ(RunCommand(BinaryPath() + " batch status --out " + dir + "/out --shards 5 2>&1", &log), 75);
  EXPECT_NE(log.find("0\tmissing"), std::string::npos) << log;
  ASSERT_EQ(RunCommand(Batch(manifest, dir + "/out", 5, "--jobs 2"), &log), 0) << log;
  EXPECT_NE(log.find("5/5 shards done, 57 records"), std::string::npos) << log;
  EXPECT_NE(log.find(dir + "/out/part-{0..4}.jsonl"), std::string::npos) << log;
  auto expected = PlainRun(manifest);
  ASSERT_EQ(expected.size(), 57u);
  EXPECT_EQ(UnionOfParts(dir + "/out", 5), expected);
  ASSERT_EQ(RunCommand(BinaryPath() + " batch status --out " + dir + "/out --shards 5 2>&1", &log), 0);
  EXPECT_NE(log.find("4\tdone\t11 records"), std::string::npos) << log;
}

TEST(BatchLocal, DoneShardsAreNotStartedAgain) {
  std::string dir = TempDir();
  std::string manifest = MakeManifest(dir, 20);
  ASSERT_EQ(RunCommand(Batch(manifest, dir + "/out", 4, "--jobs 2")), 0);
  WriteFile(dir + "/out/part-1.jsonl", "sentinel\n");
  std::string wrapper = Wrapper(dir, "");
  std::string log;
  ASSERT_EQ(RunCommand(Batch(manifest, dir + "/out", 4, "--wrapper " + wrapper), &log), 0) << log;
  EXPECT_NE(log.find("0 of 4 shards to run"), std::string::npos) << log;
  EXPECT_TRUE(ReadLines(dir + "/calls.log").empty());
  EXPECT_EQ(ReadFile(dir + "/out/part-1.jsonl"), "sentinel\n");
}

TEST(BatchLocal, AShardKilledMidWriteIsRedoneOnTheNextRun) {
  std::string dir = TempDir();
  std::string manifest = MakeManifest(dir, 40);
  // What shard 2 of 4 writes, cut after three records and half of the fourth: the state a
  // SIGKILL leaves behind.
  ASSERT_EQ(RunCommand(BinaryPath() + " clean -q --manifest " + manifest + " --shard 2/4 --out " + dir + "/scratch"), 0);
  auto lines = ReadLines(dir + "/scratch/part-2.jsonl");
  ASSERT_EQ(lines.size(), 10u);
  WriteFile(dir + "/torn", lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n" + lines[3].substr(0, lines[3].size() / 2));
  std::string wrapper = Wrapper(dir,
      "case \"$*\" in *'--shard 2/4 '*) if [ ! -e " + dir + "/killed ]; then touch " + dir + "/killed; "
      "cp " + dir + "/torn " + dir + "/out/part-2.jsonl.partial; kill -9 $$; fi;; esac");
  std::string log;
  EXPECT_EQ(RunCommand(Batch(manifest, dir + "/out", 4, "--retries 0 --wrapper " + wrapper), &log), 75) << log;
  EXPECT_NE(log.find("shard 2 (attempt 1) killed by signal 9"), std::string::npos) << log;
  EXPECT_NE(log.find("missing shards: 2"), std::string::npos) << log;
  EXPECT_FALSE(std::filesystem::exists(dir + "/out/part-2.done"));
  EXPECT_TRUE(std::filesystem::exists(dir + "/out/part-3.done"));

  ASSERT_EQ(RunCommand(Batch(manifest, dir + "/out", 4, "--wrapper " + wrapper), &log), 0) << log;
  EXPECT_NE(log.find("1 of 4 shards to run"), std::string::npos) << log;
  EXPECT_EQ(Calls(dir, "2/4"), 2);
  EXPECT_EQ(Calls(dir, "0/4"), 1);
  // The rerun continued the killed run's part file (its torn last line dropped).
  EXPECT_NE(ReadFile(dir + "/out/_batch/part-2.log").find("resuming"), std::string::npos);
  auto all = UnionOfParts(dir + "/out", 4);
  EXPECT_EQ(all, PlainRun(manifest));
  std::set<std::string> sources;
  for (const auto& l : all) {
    auto r = FromJsonLine(l);
    ASSERT_TRUE(r.ok()) << l;
    sources.insert(r->source);
  }
  EXPECT_EQ(sources.size(), 40u);  // every page exactly once
}

TEST(BatchLocal, AShardThatExits75IsRetried) {
  std::string dir = TempDir();
  std::string manifest = MakeManifest(dir, 16);
  std::string wrapper = Wrapper(dir,
      "case \"$*\" in *'--shard 1/3 '*) if [ ! -e " + dir + "/failed ]; then touch " + dir + "/failed; "
      "exit 75; fi;; esac");
  std::string log;
  ASSERT_EQ(RunCommand(Batch(manifest, dir + "/out", 3, "--jobs 1 --wrapper " + wrapper), &log), 0) << log;
  EXPECT_NE(log.find("shard 1 (attempt 1) exited with status 75, retrying"), std::string::npos) << log;
  EXPECT_EQ(Calls(dir, "1/3"), 2);
  EXPECT_EQ(Calls(dir, "2/3"), 1);
  EXPECT_EQ(UnionOfParts(dir + "/out", 3), PlainRun(manifest));
}

TEST(BatchLocal, APermanentFailureIsNotRetried) {
  std::string dir = TempDir();
  std::string manifest = MakeManifest(dir, 6);
  std::string wrapper = Wrapper(dir, "case \"$*\" in *'--shard 0/2 '*) exit 1;; esac");
  std::string log;
  EXPECT_EQ(RunCommand(Batch(manifest, dir + "/out", 2, "--jobs 1 --wrapper " + wrapper), &log), 1) << log;
  EXPECT_EQ(Calls(dir, "0/2"), 1);
  EXPECT_TRUE(std::filesystem::exists(dir + "/out/part-1.done"));
  // Bad options for the shard command are a usage error of the whole batch.
  EXPECT_EQ(RunCommand(Batch(manifest, dir + "/bad", 2, "-- --no-such-option")), 2);
  EXPECT_EQ(RunCommand(BinaryPath() + " batch clean --shards 2 --out " + dir + "/x 2>/dev/null"), 2);
}

}  // namespace
}  // namespace qingxi
