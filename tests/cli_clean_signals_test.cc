// `qingxi clean --signals`, `--min-han-chars`, `--drop-flags` and the per-flag counts of the
// summary and --stats, end to end.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "qingxi/signals.h"
#include "test_util.h"

namespace qingxi {
namespace {

using testing::BinaryPath;
using testing::ReadFile;
using testing::RunCommand;
using testing::TempDir;
using testing::WriteFile;

std::vector<nlohmann::ordered_json> ParseLines(const std::string& jsonl) {
  std::vector<nlohmann::ordered_json> out;
  size_t pos = 0;
  while (pos < jsonl.size()) {
    size_t nl = jsonl.find('\n', pos);
    out.push_back(nlohmann::ordered_json::parse(jsonl.substr(pos, nl - pos)));
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return out;
}

// a.html: a long article; b.html: a two-sentence notice (short); c.html: no text at all.
std::string MakeInputs() {
  std::string dir = TempDir() + "/in";
  std::filesystem::create_directories(dir);
  std::string body;
  for (int i = 0; i < 8; ++i)
    body += "<p>第" + std::to_string(i) +
            "段：今年以来，本市持续推进老旧小区改造，累计完成改造项目" + std::to_string(10 + i) +
            "个，惠及居民数万户。</p>";
  WriteFile(dir + "/a.html",
            "<html><head><title>老旧小区改造进展</title></head><body><div class=\"content\">" +
                body + "</div></body></html>");
  WriteFile(dir + "/b.html",
            "<html><head><title>停水通知</title></head><body><div class=\"content\">"
            "<p>明日上午停水，请提前储水。</p></div></body></html>");
  WriteFile(dir + "/c.html", "<html><head><title></title></head><body></body></html>");
  return dir;
}

TEST(CliCleanSignals, WithoutTheFlagTheRecordSchemaIsUnchanged) {
  std::string in = MakeInputs(), out;
  ASSERT_EQ(RunCommand(BinaryPath() + " clean -q --threads 1 " + in, &out), 0);
  for (const auto& j : ParseLines(out)) EXPECT_FALSE(j.contains("signals")) << j.dump();
}

TEST(CliCleanSignals, SignalsDescribeTheCleanText) {
  std::string in = MakeInputs(), out;
  ASSERT_EQ(RunCommand(BinaryPath() + " clean -q --signals --threads 2 " + in, &out), 0);
  auto recs = ParseLines(out);
  ASSERT_EQ(recs.size(), 3u);
  for (const auto& j : recs) {
    ASSERT_TRUE(j.contains("signals")) << j.dump();
    // The key comes last, after "text", so the rest of the line is as without --signals.
    EXPECT_EQ(std::prev(j.end()).key(), "signals");
    const std::string text = j["text"];
    const auto& s = j["signals"];
    EXPECT_EQ(
        s.dump(),
        nlohmann::ordered_json::parse(corpus::SignalsToJson(corpus::ComputeSignals(text))).dump());
  }
  EXPECT_GT(recs[0]["signals"]["han_chars"].get<int>(), 200);
  EXPECT_GT(recs[0]["signals"]["han_ratio"].get<double>(), 0.8);
  EXPECT_EQ(recs[0]["signals"]["lines"], 8);
  EXPECT_EQ(recs[2]["signals"]["chars"], 0);
}

TEST(CliCleanSignals, FiltersDropDocumentsAndCountThemByReason) {
  std::string in = MakeInputs(), out;
  std::string dir = std::filesystem::path(in).parent_path().string();
  ASSERT_EQ(
      RunCommand(BinaryPath() +
                     " clean --threads 2 --min-han-chars 30 --drop-flags empty,paywal --stats " +
                     dir + "/stats.json " + in + " 2>" + dir + "/err.txt",
                 &out),
      0);
  auto recs = ParseLines(out);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0]["title"], "老旧小区改造进展");
  auto stats = nlohmann::json::parse(ReadFile(dir + "/stats.json"));
  EXPECT_EQ(stats["documents"], 3);
  EXPECT_EQ(stats["records"], 1);
  EXPECT_EQ(stats["dropped"], nlohmann::json({{"flag:empty", 1}, {"min_han_chars", 1}}));
  std::string err = ReadFile(dir + "/err.txt");
  EXPECT_NE(err.find("'paywal' is not a flag"), std::string::npos) << err;
  EXPECT_NE(err.find("2 dropped"), std::string::npos) << err;
  EXPECT_NE(err.find("dropped by filters: flag:empty=1 min_han_chars=1"), std::string::npos) << err;
}

TEST(CliCleanSignals, SummaryCountsRecordsByFlag) {
  std::string in = MakeInputs(), out;
  std::string dir = std::filesystem::path(in).parent_path().string();
  ASSERT_EQ(RunCommand(
                BinaryPath() + " clean --stats " + dir + "/s.json " + in + " 2>" + dir + "/err.txt",
                &out),
            0);
  EXPECT_NE(ReadFile(dir + "/err.txt").find("records by flag: empty=1"), std::string::npos)
      << ReadFile(dir + "/err.txt");
  auto stats = nlohmann::json::parse(ReadFile(dir + "/s.json"));
  EXPECT_EQ(stats["by_flag"]["empty"], 1);
  EXPECT_EQ(stats["records"], 3);
}

}  // namespace
}  // namespace qingxi
