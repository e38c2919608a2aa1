// Golden tests: the built `qingxi clean` on the pages of samples/, in their original bytes,
// against samples/expected/<name>.json (format in docs/samples.md).
//
// Each sample is its own test case, so a failure names the page. Every expectation field is
// checked: title, date, flags, script, encoding, the sentences that must survive, the noise that
// must not, and the full text when a reviewed one is recorded. The run also has to be
// reproducible: one thread or two give the same bytes, in input order.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "qingxi/record.h"
#include "test_util.h"

namespace qingxi {
namespace {

using testing::BinaryPath;
using testing::ReadFile;
using testing::RulesDir;
using testing::RunCommand;
using testing::SourceDir;

std::string SamplesDir() { return SourceDir() + "/samples"; }

// Sample names (expected/<name>.json without the extension), sorted.
std::vector<std::string> SampleNames() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(SamplesDir() + "/expected", ec))
    if (e.path().extension() == ".json") names.push_back(e.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

// The sample page files, sorted by name.
std::vector<std::string> SampleFiles() {
  std::vector<std::string> files;
  for (const auto& n : SampleNames())
    for (const char* ext : {".html", ".txt"})
      if (std::filesystem::exists(SamplesDir() + "/pages/" + n + ext)) files.push_back(n + ext);
  return files;
}

// A finished run: every input a record (0) or some of them error records (3).
bool Finished(int status) { return status == 0 || status == 3; }

std::string CleanCommand(const std::string& args) {
  return "timeout 120 " + BinaryPath() + " clean -q --rules " + RulesDir() + " " + args;
}

// The sample pages as arguments, named one by one so that their order is the given one.
std::string SampleArgs(const std::vector<std::string>& files) {
  std::string args;
  for (const auto& f : files) args += " " + SamplesDir() + "/pages/" + f;
  return args;
}

// One run over all the samples, shared by every case: records keyed by file name.
struct GoldenRun {
  int status = -1;
  std::string output;
  std::map<std::string, Record> by_file;
  std::vector<std::string> bad_lines;
};

const GoldenRun& SamplesRun() {
  static const GoldenRun* run = [] {
    auto* r = new GoldenRun;
    r->status = RunCommand(CleanCommand("--threads 2" + SampleArgs(SampleFiles())), &r->output);
    size_t pos = 0;
    while (pos < r->output.size()) {
      size_t nl = r->output.find('\n', pos);
      if (nl == std::string::npos) nl = r->output.size();
      std::string line = r->output.substr(pos, nl - pos);
      pos = nl + 1;
      auto rec = FromJsonLine(line);
      if (!rec.ok() || !nlohmann::json::accept(line)) {
        r->bad_lines.push_back(line);
        continue;
      }
      r->by_file[std::filesystem::path(rec->source).filename().string()] = *rec;
    }
    return r;
  }();
  return *run;
}

class GoldenSample : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenSample, RecordMeetsItsExpectation) {
  const std::string name = GetParam();
  const std::string exp_path = SamplesDir() + "/expected/" + name + ".json";
  nlohmann::json exp = nlohmann::json::parse(ReadFile(exp_path), nullptr, false);
  ASSERT_FALSE(exp.is_discarded()) << exp_path << " is not valid JSON";
  ASSERT_TRUE(exp.contains("sample")) << exp_path << " names no sample file";
  const std::string file = exp["sample"].get<std::string>();
  ASSERT_TRUE(std::filesystem::exists(SamplesDir() + "/pages/" + file)) << file;

  const GoldenRun& run = SamplesRun();
  ASSERT_TRUE(Finished(run.status)) << "qingxi clean exited with " << run.status;
  EXPECT_TRUE(run.bad_lines.empty()) << "not a record: " << run.bad_lines.front();
  auto it = run.by_file.find(file);
  ASSERT_NE(it, run.by_file.end()) << "no record for " << file;
  const Record& rec = it->second;
  ASSERT_FALSE(rec.is_error()) << file << ": error record: " << rec.error;
  const std::string shown = "\n--- text of " + file + " ---\n" + rec.text + "\n---";

  EXPECT_EQ(rec.title, exp.value("title", "")) << "title of " << file;
  // The date must start with the expected day: a page that also states the time may add it.
  const std::string date = exp.value("date", "");
  if (date.empty()) {
    EXPECT_EQ(rec.date, "") << "date of " << file;
  } else {
    EXPECT_EQ(rec.date.substr(0, date.size()), date) << "date of " << file << ": " << rec.date;
  }
  std::set<std::string> want_flags, got_flags(rec.flags.begin(), rec.flags.end());
  for (const auto& f : exp.value("flags", nlohmann::json::array()))
    want_flags.insert(f.get<std::string>());
  EXPECT_EQ(got_flags, want_flags) << "flags of " << file;
  EXPECT_EQ(ScriptName(rec.script), exp.value("script", "")) << "script of " << file;
  EXPECT_EQ(rec.encoding, exp.value("encoding", "")) << "encoding of " << file;

  for (const auto& s : exp.value("must_contain", nlohmann::json::array())) {
    const std::string want = s.get<std::string>();
    EXPECT_NE(rec.text.find(want), std::string::npos)
        << file << ": body sentence lost: " << want << shown;
  }
  for (const auto& s : exp.value("must_not_contain", nlohmann::json::array())) {
    const std::string noise = s.get<std::string>();
    EXPECT_EQ(rec.text.find(noise), std::string::npos)
        << file << ": noise kept: " << noise << shown;
  }
  if (exp.contains("text")) {
    EXPECT_EQ(rec.text, exp["text"].get<std::string>()) << file;
  }
}

std::string CaseName(const ::testing::TestParamInfo<std::string>& info) {
  std::string s = info.param;
  for (char& c : s)
    if (!isalnum(static_cast<unsigned char>(c))) c = '_';
  return "s" + s;  // test names may not start with a digit
}

INSTANTIATE_TEST_SUITE_P(Samples, GoldenSample, ::testing::ValuesIn(SampleNames()), CaseName);

// The file names of the records' sources, in output order ("?" for a line that is no record).
std::vector<std::string> FileNamesOf(const std::string& jsonl) {
  std::vector<std::string> names;
  size_t pos = 0;
  while (pos < jsonl.size()) {
    size_t nl = jsonl.find('\n', pos);
    if (nl == std::string::npos) nl = jsonl.size();
    auto rec = FromJsonLine(jsonl.substr(pos, nl - pos));
    names.push_back(rec.ok() ? std::filesystem::path(rec->source).filename().string() : "?");
    pos = nl + 1;
  }
  return names;
}

TEST(Golden, EverySampleHasAnExpectationAndTheyAreEnough) {
  std::set<std::string> pages, expected;
  for (const auto& e : std::filesystem::directory_iterator(SamplesDir() + "/pages")) {
    const std::string ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".html" || ext == ".txt"))
      pages.insert(e.path().stem().string());
  }
  for (const auto& n : SampleNames()) expected.insert(n);
  EXPECT_EQ(pages, expected);
  EXPECT_GE(pages.size(), 10u);
}

TEST(Golden, OneOrTwoThreadsGiveTheSameBytesInInputOrder) {
  const std::vector<std::string> files = SampleFiles();
  std::string one, two;
  ASSERT_TRUE(Finished(RunCommand(CleanCommand("--threads 1" + SampleArgs(files)), &one)));
  ASSERT_TRUE(Finished(RunCommand(CleanCommand("--threads 2" + SampleArgs(files)), &two)));
  EXPECT_EQ(one, two);
  EXPECT_EQ(FileNamesOf(one), files);
}

TEST(Golden, RecordsFollowTheOrderOfExplicitInputs) {
  // Inputs named in an order that is not sorted: the output keeps the order given.
  std::vector<std::string> files = SampleFiles();
  std::reverse(files.begin(), files.end());
  std::rotate(files.begin(), files.begin() + files.size() / 3, files.end());
  std::string out;
  ASSERT_TRUE(Finished(RunCommand(CleanCommand("--threads 2" + SampleArgs(files)), &out)));
  EXPECT_EQ(FileNamesOf(out), files);
}

}  // namespace
}  // namespace qingxi
