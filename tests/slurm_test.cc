// `qingxi batch` on a real Slurm cluster: a single-machine cluster with two slurmd nodes on
// loopback (scripts/slurm-test-cluster.sh) cleans 8 shards through one job array, and the result
// equals the local pool's byte for byte after sorting; then one node dies mid-run (its slurmd
// and the shard running on it are SIGKILLed) and the array still completes with every document
// exactly once; and a shard that exits 75 is requeued by the batch script. Skips, saying why,
// without the Slurm packages or without root.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <thread>

#include "qingxi/record.h"
#include "dedup_corpus.h"
#include "test_util.h"

namespace qingxi {
namespace {

using testing::BinaryPath;
using testing::ReadFile;
using testing::ReadLines;
using testing::RunCommand;
using testing::SharedDir;
using testing::SourceDir;
using testing::TempDir;
using testing::WriteFile;

constexpr int kShards = 8;

std::string MissingSlurm() {
  if (geteuid() != 0) return "the test cluster's daemons must be started as root";
  for (const char* b : {"sbatch", "squeue", "sinfo", "scontrol", "slurmctld", "slurmd", "munged", "munge"}) {
    if (RunCommand(std::string("command -v ") + b + " >/dev/null 2>&1 || test -x /usr/sbin/" + b) != 0)
      return std::string(b) + " not found (apt-get install slurmctld slurmd slurm-client munge)";
  }
  return "";
}

// The 201 real pages of the evaluation set when ../shared is present, else generated pages.
std::string MakeManifest(const std::string& dir) {
  std::string manifest;
  std::string shared = SharedDir();
  if (!shared.empty() && std::filesystem::is_directory(shared + "/eval/daniel-zh/html")) {
    std::vector<std::string> pages;
    for (const auto& e : std::filesystem::directory_iterator(shared + "/eval/daniel-zh/html"))
      pages.push_back(e.path().string());
    std::sort(pages.begin(), pages.end());
    for (const auto& p : pages) manifest += p + "\n";
  } else {
    std::filesystem::create_directories(dir + "/in");
    for (int i = 0; i < 120; ++i) {
      std::string path = dir + "/in/p" + std::to_string(i) + ".html";
      WriteFile(path, "<html><head><title>第" + std::to_string(i) + "篇</title></head><body><article><p>第" +
                          std::to_string(i) + "篇文章的正文，講述城市發展與公共服務的變化。</p><p>"
                          "更多內容請見下文，本站保留所有權利。</p></article></body></html>");
      manifest += path + "\n";
    }
  }
  WriteFile(dir + "/manifest.txt", manifest);
  return dir + "/manifest.txt";
}

std::vector<std::string> SortedParts(const std::string& out) {
  std::vector<std::string> all;
  for (int i = 0; i < kShards; ++i) {
    auto lines = ReadLines(out + "/part-" + std::to_string(i) + ".jsonl");
    all.insert(all.end(), lines.begin(), lines.end());
  }
  std::sort(all.begin(), all.end());
  return all;
}

class SlurmBatch : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why = MissingSlurm();
    if (!why.empty()) GTEST_SKIP() << "Slurm test skipped: " << why;
    dir_ = TempDir();
    cluster_ = dir_ + "/cluster";
    script_ = SourceDir() + "/scripts/slurm-test-cluster.sh";
    std::string log;
    int rc = RunCommand("bash " + script_ + " start " + cluster_ + " 2>&1", &log);
    started_ = true;
    ASSERT_EQ(rc, 0) << "the test cluster did not start:\n" << log;
    setenv("SLURM_CONF", (cluster_ + "/slurm.conf").c_str(), 1);
    manifest_ = MakeManifest(dir_);
  }

  void TearDown() override {
    if (started_) RunCommand("bash " + script_ + " stop " + cluster_ + " >/dev/null 2>&1");
    unsetenv("SLURM_CONF");
  }

  // A batch command bounded in time, so that a scheduler that never runs the array fails the
  // test instead of hanging it.
  std::string Batch(const std::string& engine, const std::string& out, const std::string& more = "") {
    return "timeout 240 " + BinaryPath() + " batch clean --engine " + engine + " --manifest " + manifest_ +
           " --shards " + std::to_string(kShards) + " --out " + out + " " + more + " 2>&1";
  }

  std::string dir_, cluster_, script_, manifest_;
  bool started_ = false;
};

TEST_F(SlurmBatch, JobArrayOutputEqualsTheLocalPoolRun) {
  std::string log;
  ASSERT_EQ(RunCommand(Batch("local", dir_ + "/local", "--jobs 2"), &log), 0) << log;
  ASSERT_EQ(RunCommand(Batch("slurm", dir_ + "/slurm", "--wait --poll 0.5"), &log), 0) << log;
  EXPECT_NE(log.find("submitted job array"), std::string::npos) << log;
  EXPECT_NE(log.find("8/8 shards done"), std::string::npos) << log;
  auto local = SortedParts(dir_ + "/local");
  auto slurm = SortedParts(dir_ + "/slurm");
  EXPECT_GT(local.size(), 100u);
  EXPECT_TRUE(local == slurm) << local.size() << " local records, " << slurm.size() << " from the array";
  // Every array task ran on the cluster, and on both nodes.
  std::set<std::string> nodes;
  for (const auto& e : std::filesystem::directory_iterator(dir_ + "/slurm/_batch")) {
    if (e.path().filename().string().rfind("slurm-", 0) != 0) continue;
    std::string text = ReadFile(e.path().string());
    for (const char* n : {"node1", "node2"})
      if (text.find(std::string(" on ") + n) != std::string::npos) nodes.insert(n);
  }
  EXPECT_EQ(nodes.size(), 2u);
  // Idempotent: a second run finds every marker and submits nothing.
  ASSERT_EQ(RunCommand(Batch("slurm", dir_ + "/slurm", "--wait --poll 0.5"), &log), 0) << log;
  EXPECT_EQ(log.find("submitted job array"), std::string::npos) << log;
}

// `batch dedup` through job arrays (sign, cluster, filter) keeps what one process keeps.
TEST_F(SlurmBatch, DedupStagesOnTheClusterEqualTheOneProcessRun) {
  auto docs = testing::MakeDedupCorpus(testing::SampleTexts());
  std::string corpus = testing::CorpusJsonl(docs), manifest;
  std::vector<std::string> parts(3);
  size_t pos = 0, n = 0;
  while (pos < corpus.size()) {
    size_t nl = corpus.find('\n', pos);
    parts[n++ % 3] += corpus.substr(pos, nl + 1 - pos);
    pos = nl + 1;
  }
  for (size_t i = 0; i < parts.size(); ++i) {
    WriteFile(dir_ + "/dd" + std::to_string(i) + ".jsonl", parts[i]);
    manifest += dir_ + "/dd" + std::to_string(i) + ".jsonl\n";
  }
  WriteFile(dir_ + "/dd.txt", manifest);
  std::string log;
  ASSERT_EQ(RunCommand("timeout 120 " + BinaryPath() + " dedup -q --manifest " + dir_ + "/dd.txt -o " + dir_ +
                           "/one.jsonl 2>&1", &log), 0) << log;
  ASSERT_EQ(RunCommand("timeout 400 " + BinaryPath() + " batch dedup --engine slurm --wait --poll 0.5 --manifest " +
                           dir_ + "/dd.txt --shards 2 --out " + dir_ + "/dd 2>&1", &log), 0) << log;
  EXPECT_NE(log.find("submitted job array"), std::string::npos) << log;
  std::vector<std::string> kept;
  for (int i = 0; i < 2; ++i) {
    auto k = ReadLines(dir_ + "/dd/part-" + std::to_string(i) + ".jsonl");
    kept.insert(kept.end(), k.begin(), k.end());
  }
  auto one = ReadLines(dir_ + "/one.jsonl");
  ASSERT_LT(one.size(), docs.size());
  std::sort(kept.begin(), kept.end());
  std::sort(one.begin(), one.end());
  EXPECT_TRUE(kept == one) << kept.size() << " kept by the arrays, " << one.size() << " by one process";
}

TEST_F(SlurmBatch, ArrayCompletesExactlyOnceWhenANodeDiesMidRun) {
  std::string expected_out;
  ASSERT_EQ(RunCommand(BinaryPath() + " clean -q --manifest " + manifest_, &expected_out), 0);
  size_t expected_records = std::count(expected_out.begin(), expected_out.end(), '\n');
  // Each shard waits two seconds before it starts, so that one is certainly running on node1
  // when the node dies.
  std::string slow = dir_ + "/slow.sh";
  WriteFile(slow, "#!/bin/sh\nsleep 2\nexec \"$@\"\n");
  chmod(slow.c_str(), 0755);
  std::string out = dir_ + "/slurm";
  std::string log;
  int rc = -1;
  std::thread batch([&] { rc = RunCommand(Batch("slurm", out, "--wait --poll 0.5 --wrapper " + slow), &log); });
  bool running_on_node1 = false;
  for (int i = 0; i < 600 && !running_on_node1; ++i) {
    std::string q;
    RunCommand("squeue -h -t R -o %N 2>/dev/null", &q);
    running_on_node1 = q.find("node1") != std::string::npos;
    if (!running_on_node1) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  std::string kill_log;
  int kill_rc = -1;
  if (running_on_node1) {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    kill_rc = RunCommand("bash " + script_ + " kill-node " + cluster_ + " node1 --with-jobs 2>&1", &kill_log);
  }
  batch.join();
  ASSERT_TRUE(running_on_node1) << "no array task ever ran on node1\n" << log;
  ASSERT_EQ(kill_rc, 0) << kill_log;
  ASSERT_EQ(rc, 0) << log;
  EXPECT_NE(log.find("8/8 shards done"), std::string::npos) << log;
  // Every document exactly once, with the same records as a plain run.
  auto all = SortedParts(out);
  ASSERT_EQ(all.size(), expected_records);
  std::set<std::string> sources;
  for (const auto& l : all) {
    auto r = FromJsonLine(l);
    ASSERT_TRUE(r.ok()) << l;
    sources.insert(r->source);
  }
  EXPECT_EQ(sources.size(), expected_records);
  std::vector<std::string> expected;
  for (size_t pos = 0, nl; (nl = expected_out.find('\n', pos)) != std::string::npos; pos = nl + 1)
    expected.push_back(expected_out.substr(pos, nl - pos));
  std::sort(expected.begin(), expected.end());
  EXPECT_TRUE(all == expected);
  // The shard that died with node1 ran again: requeued by Slurm (restart 1 in its log) or
  // resubmitted by the batch command in a later round.
  bool rerun = log.find("resubmitting") != std::string::npos;
  for (const auto& e : std::filesystem::directory_iterator(out + "/_batch"))
    if (ReadFile(e.path().string()).find("restart 1") != std::string::npos) rerun = true;
  EXPECT_TRUE(rerun) << log;
}

TEST_F(SlurmBatch, AShardThatExits75IsRequeuedByTheBatchScript) {
  // The first run of shard 1 fails with the retryable status; the batch script requeues its
  // task, and the second run completes it within the same array.
  std::string wrapper = dir_ + "/fail-once.sh";
  WriteFile(wrapper, "#!/bin/sh\ncase \"$*\" in *'--shard 1/" + std::to_string(kShards) + " '*) if [ ! -e " + dir_ +
                         "/failed ]; then touch " + dir_ + "/failed; exit 75; fi;; esac\nexec \"$@\"\n");
  chmod(wrapper.c_str(), 0755);
  std::string out = dir_ + "/slurm", log;
  ASSERT_EQ(RunCommand(Batch("slurm", out, "--wait --poll 0.5 --wrapper " + wrapper), &log), 0) << log;
  EXPECT_TRUE(std::filesystem::exists(dir_ + "/failed"));
  EXPECT_EQ(log.find("resubmitting"), std::string::npos) << log;  // Slurm's requeue sufficed
  std::string task_log;
  for (const auto& e : std::filesystem::directory_iterator(out + "/_batch"))
    if (e.path().filename().string().find("_1.log") != std::string::npos) task_log += ReadFile(e.path().string());
  EXPECT_NE(task_log.find("retryable failure, requeueing"), std::string::npos) << task_log;
  EXPECT_NE(task_log.find("restart 1)"), std::string::npos) << task_log;
  EXPECT_NE(task_log.find("shard 1 exit status 0"), std::string::npos) << task_log;
  std::string local_log;
  ASSERT_EQ(RunCommand(Batch("local", dir_ + "/local", "--jobs 2"), &local_log), 0) << local_log;
  EXPECT_TRUE(SortedParts(out) == SortedParts(dir_ + "/local"));
}

}  // namespace
}  // namespace qingxi
