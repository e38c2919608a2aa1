// `qingxi stats` end to end: a corpus made by `qingxi clean` from pages of several sites (plus
// error records, a zstd part file, a clean --stats file and a dedup report) is counted right;
// the HTML report is self-contained and renders in a real browser (headless Chromium: the DOM
// it built is checked and a screenshot is left in the test's output folder).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace qingxi {
namespace {

using testing::BinaryPath;
using testing::ReadFile;
using testing::RunCommand;
using testing::TempDir;
using testing::WriteFile;

// Four sites, two years, a listing page, pages without text, an unreadable file.
struct Corpus {
  std::string dir, jsonl, run_stats;
};

Corpus MakeCorpus() {
  Corpus c;
  c.dir = TempDir();
  std::string in;
  const char* hosts[] = {"news.example.cn", "www.gov.example.cn", "bbs.example.com.cn",
                         "blog.example.net"};
  for (int i = 0; i < 24; ++i) {
    std::string host = hosts[i % 4];
    std::string year = i % 3 == 0 ? "2019" : "2023";
    std::string body;
    for (int k = 0; k <= i % 6; ++k)
      body += "<p>第" + std::to_string(k) + "段：" + host + "报道，今年以来全市新增就业岗位" +
              std::to_string(1000 + i * 7) +
              "个，城镇调查失业率保持在合理区间，居民收入稳步增长。</p>";
    std::string html = "<html><head><title>就业形势稳中向好" + std::to_string(i) +
                       "</title><meta name=\"pubdate\" content=\"" + year + "-04-1" +
                       std::to_string(i % 10) + "\"></head><body><div class=\"article\">" + body +
                       "</div></body></html>";
    in += nlohmann::json{{"id", "p" + std::to_string(i)},
                         {"url", "http://" + host + "/a/" + std::to_string(i) + ".html"},
                         {"html", html}}
              .dump() +
          "\n";
  }
  in += nlohmann::json{{"id", "empty"},
                       {"url", "http://news.example.cn/empty.html"},
                       {"html", "<html><body></body></html>"}}
            .dump() +
        "\n";
  in += "this line is not JSON\n";  // becomes an error record
  WriteFile(c.dir + "/in.jsonl", in);
  c.jsonl = c.dir + "/corpus.jsonl";
  c.run_stats = c.dir + "/clean-stats.json";
  RunCommand(BinaryPath() + " clean -q --stats " + c.run_stats + " " + c.dir + "/in.jsonl -o " +
             c.jsonl);
  return c;
}

TEST(CliStats, CountsWhatTheCorpusHolds) {
  Corpus c = MakeCorpus();
  ASSERT_TRUE(std::filesystem::exists(c.jsonl));
  WriteFile(c.dir + "/dedup-report.jsonl",
            "{\"id\":\"x1\",\"duplicate_of\":\"p1\",\"similarity\":0.93}\n"
            "{\"id\":\"x2\",\"duplicate_of\":\"p1\",\"similarity\":1.0}\n");
  std::string out;
  ASSERT_EQ(
      RunCommand(BinaryPath() + " stats -q --json " + c.dir + "/stats.json --run " + c.run_stats +
                     " --dedup-report " + c.dir + "/dedup-report.jsonl " + c.jsonl,
                 &out),
      0);
  auto j = nlohmann::json::parse(ReadFile(c.dir + "/stats.json"));
  EXPECT_EQ(j["records"], 26);
  EXPECT_EQ(j["error_records"], 1);
  EXPECT_EQ(j["documents"], 25);
  EXPECT_EQ(j["by_error"]["line 26 is not a JSON object"], 1);
  EXPECT_EQ(j["by_flag"]["empty"], 1);
  EXPECT_EQ(j["by_year"]["2019"], 8);
  EXPECT_EQ(j["by_year"]["2023"], 16);
  EXPECT_EQ(j["by_year"]["unknown"], 1);
  EXPECT_EQ(j["sites"], 5);  // four hosts and the error record without a URL
  EXPECT_EQ(j["by_site"][0]["site"], "news.example.cn");
  EXPECT_EQ(j["by_site"][0]["documents"], 7);
  uint64_t in_bins = 0;
  for (auto n : j["length_chars"]["counts"]) in_bins += n.get<uint64_t>();
  EXPECT_EQ(in_bins, 25u);
  EXPECT_EQ(j["length_chars"]["counts"][0], 1);  // the empty page
  EXPECT_EQ(j["runs"]["stats_files"], 1);
  EXPECT_EQ(j["dedup"]["removed"], 2);
  EXPECT_GT(j["han_chars"].get<uint64_t>(), 24u * 30);

  // The same corpus zstd-compressed and split in two gives the same counts.
  ASSERT_EQ(
      RunCommand("head -n 10 " + c.jsonl + " | zstd -q -c > " + c.dir +
                 "/part-0.jsonl.zst && tail -n +11 " + c.jsonl + " > " + c.dir + "/part-1.jsonl"),
      0);
  ASSERT_EQ(RunCommand(BinaryPath() + " stats -q --json - " + c.dir + "/part-0.jsonl.zst " + c.dir +
                           "/part-1.jsonl",
                       &out),
            0);
  auto split = nlohmann::json::parse(out);
  EXPECT_EQ(split["by_site"], j["by_site"]);
  EXPECT_EQ(split["length_chars"], j["length_chars"]);
  EXPECT_EQ(split["signals"], j["signals"]);
}

TEST(CliStats, BadInputIsNamedAndMalformedLinesAreCounted) {
  std::string dir = TempDir(), out, err;
  EXPECT_EQ(RunCommand(BinaryPath() + " stats -q " + dir + "/missing.jsonl 2>" + dir + "/err"), 1);
  EXPECT_NE(ReadFile(dir + "/err").find("missing.jsonl"), std::string::npos);
  WriteFile(dir + "/c.jsonl", "{\"id\":\"a\",\"text\":\"中文内容。\"}\n{broken\n");
  EXPECT_EQ(
      RunCommand(BinaryPath() + " stats --json - " + dir + "/c.jsonl 2>" + dir + "/err", &out), 3);
  EXPECT_EQ(nlohmann::json::parse(out)["malformed_lines"], 1);
  EXPECT_NE(ReadFile(dir + "/err").find("1 malformed lines"), std::string::npos);
  EXPECT_EQ(RunCommand(BinaryPath() + " stats -q --run " + dir + "/c.jsonl " + dir + "/c.jsonl 2>" +
                       dir + "/err"),
            1);
  EXPECT_NE(ReadFile(dir + "/err").find("not a run summary"), std::string::npos);
}

std::string OutputDir() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  std::string dir = (exe.parent_path() / "output").string();
  std::filesystem::create_directories(dir, ec);
  return dir;
}

TEST(CliStats, HtmlReportIsSelfContainedAndRendersInChromium) {
  Corpus c = MakeCorpus();
  const std::string html = OutputDir() + "/stats_report.html";
  ASSERT_EQ(RunCommand(BinaryPath() + " stats -q --html " + html + " --run " + c.run_stats + " " +
                       c.jsonl),
            0);
  std::string page = ReadFile(html);
  // Nothing that would reach the network or run code.
  for (const char* bad :
       {"<script", "<link", "<img", "<iframe", "url(", "@import", "src=", "href="})
    EXPECT_EQ(page.find(bad), std::string::npos) << bad;
  EXPECT_NE(page.find("news.example.cn"), std::string::npos);

  if (access("/usr/bin/chromium", X_OK) != 0)
    GTEST_SKIP() << "/usr/bin/chromium is not installed (apt-get install chromium); the browser "
                    "check is skipped";
  const std::string profile = TempDir();
  const std::string flags =
      " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
      "--disable-background-networking --disable-component-update --disable-sync "
      "--user-data-dir=" +
      profile + " ";
  // The DOM the browser built: every chart is there, with its bars.
  std::string dom;
  ASSERT_EQ(RunCommand("timeout 120 /usr/bin/chromium" + flags + "--dump-dom file://" + html +
                           " 2>/dev/null",
                       &dom),
            0);
  size_t svgs = 0, rects = 0;
  for (size_t p = dom.find("<svg"); p != std::string::npos; p = dom.find("<svg", p + 1)) ++svgs;
  for (size_t p = dom.find("<rect"); p != std::string::npos; p = dom.find("<rect", p + 1)) ++rects;
  EXPECT_GE(svgs, 12u);
  EXPECT_GE(rects, 40u);
  EXPECT_NE(dom.find("Top sites"), std::string::npos);
  // The screenshot, to look at; a blank 1200x2000 page compresses to a few kilobytes.
  const std::string png = OutputDir() + "/stats_report.png";
  std::filesystem::remove(png);
  ASSERT_EQ(RunCommand("timeout 120 /usr/bin/chromium" + flags + "--screenshot=" + png +
                       " --window-size=1200,2000 file://" + html + " >/dev/null 2>&1"),
            0);
  std::string shot = ReadFile(png);
  ASSERT_GT(shot.size(), 24u);
  EXPECT_EQ(shot.substr(1, 3), "PNG");
  auto be32 = [&](size_t at) {
    return (static_cast<uint32_t>(static_cast<unsigned char>(shot[at])) << 24) |
           (static_cast<uint32_t>(static_cast<unsigned char>(shot[at + 1])) << 16) |
           (static_cast<uint32_t>(static_cast<unsigned char>(shot[at + 2])) << 8) |
           static_cast<uint32_t>(static_cast<unsigned char>(shot[at + 3]));
  };
  EXPECT_EQ(be32(16), 1200u);  // IHDR width
  EXPECT_EQ(be32(20), 2000u);  // IHDR height
  EXPECT_GT(shot.size(), 40000u) << "the screenshot looks blank: " << png;
  std::printf("screenshot: %s\n", png.c_str());
}

}  // namespace
}  // namespace qingxi
