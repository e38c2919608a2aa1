// Corpus statistics (qingxi/stats.h): counting records of qingxi and of other tools, sites from
// URLs, histogram bins, merging, run summaries, dedup reports, and an HTML page that escapes
// what the corpus says.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "qingxi/stats.h"

namespace qingxi::corpus {
namespace {

TEST(CorpusStats, CountsSitesYearsFlagsAndErrors) {
  CorpusStats s;
  s.AddLine(
      R"({"id":"a","url":"https://News.Example.CN:8443/a?x=1","date":"2021-03-04","script":"hant","flags":["paywall"],"text":"第一段。\n第二段。"})");
  s.AddLine(
      R"({"id":"b","source":"http://user@news.example.cn/b","date":null,"flags":[],"text":"正文"})");
  s.AddLine(R"({"id":"c","source":"/data/pages/c.html","error":"decode: invalid bytes"})");
  s.AddLine(R"({"id":"d","text":"plain text from another tool"})");
  s.AddLine("");
  s.AddLine("[1,2]");
  auto j = nlohmann::json::parse(s.ToJson());
  EXPECT_EQ(j["records"], 4);
  EXPECT_EQ(j["error_records"], 1);
  EXPECT_EQ(j["malformed_lines"], 1);
  // A tie in counts is broken by name.
  EXPECT_EQ(j["by_site"][0], (nlohmann::json{{"site", "(no URL)"}, {"documents", 2}}));
  EXPECT_EQ(j["by_site"][1], (nlohmann::json{{"site", "news.example.cn"}, {"documents", 2}}));
  EXPECT_EQ(j["by_year"], (nlohmann::json{{"2021", 1}, {"unknown", 2}}));
  EXPECT_EQ(j["by_script"], (nlohmann::json{{"hant", 1}, {"unknown", 2}}));
  EXPECT_EQ(j["by_flag"], (nlohmann::json{{"paywall", 1}}));
  EXPECT_EQ(j["by_error"], (nlohmann::json{{"decode", 1}}));
  EXPECT_EQ(j["text_chars"], 8 + 2 + 28);
  EXPECT_EQ(j["han_chars"], 6 + 2);
  // Lengths 8, 2 and 28: bins "1-49" gets all three.
  EXPECT_EQ(j["length_chars"]["counts"][1], 3);
  EXPECT_EQ(j["lines"]["counts"][1], 2);  // one line: b and d
  EXPECT_EQ(j["lines"]["counts"][2], 1);  // two lines: a
}

TEST(CorpusStats, UsesTheRecordsOwnSignalsWhenPresent) {
  CorpusStats s;
  s.AddLine(
      R"({"id":"a","text":"x","signals":{"chars":5000,"han_chars":4000,"lines":30,"han_ratio":0.95}})");
  auto j = nlohmann::json::parse(s.ToJson());
  EXPECT_EQ(j["text_chars"], 5000);
  EXPECT_EQ(j["length_chars"]["counts"][8], 1);  // 5k-10k
  EXPECT_EQ(j["signals"]["han_ratio"]["counts"][9], 1);
}

TEST(CorpusStats, MergeEqualsOneInstance) {
  const char* lines[] = {R"({"url":"http://a.test/1","text":"一二三","flags":["listing"]})",
                         R"({"url":"http://b.test/1","text":"四五六七","date":"2020-01-01"})",
                         R"({"url":"http://a.test/2","error":"extract: too deep"})"};
  CorpusStats one, left, right;
  for (const char* l : lines) one.AddLine(l);
  left.AddLine(lines[0]);
  right.AddLine(lines[1]);
  right.AddLine(lines[2]);
  left.Merge(right);
  EXPECT_EQ(left.ToJson(), one.ToJson());
}

TEST(CorpusStats, RunSummariesAndDedupReportsAddOutcomes) {
  CorpusStats s;
  EXPECT_TRUE(s.AddRunStats(
                   R"({"command":"clean","skipped":{"robots_txt":2},"dropped":{"flag:listing":3}})")
                  .ok());
  EXPECT_TRUE(
      s.AddRunStats(
           R"({"command":"crawl","by_status":{"200":9,"404":1},"skipped":{"robots_txt":1}})")
          .ok());
  EXPECT_FALSE(s.AddRunStats(R"({"id":"a","text":"not a summary"})").ok());
  EXPECT_TRUE(s.AddDedupReportLine(R"({"id":"x","duplicate_of":"y","similarity":0.82})").ok());
  EXPECT_FALSE(s.AddDedupReportLine(R"({"id":"x"})").ok());
  auto j = nlohmann::json::parse(s.ToJson());
  EXPECT_EQ(j["runs"]["stats_files"], 2);
  EXPECT_EQ(j["runs"]["skipped"]["robots_txt"], 3);
  EXPECT_EQ(j["runs"]["dropped"]["flag:listing"], 3);
  EXPECT_EQ(j["runs"]["by_status"]["404"], 1);
  EXPECT_EQ(j["dedup"]["removed"], 1);
  EXPECT_EQ(j["dedup"]["similarity"]["counts"][4], 1);  // [0.8, 0.85)
}

TEST(CorpusStats, HtmlEscapesCorpusTextAndNeedsNoNetwork) {
  CorpusStats s;
  s.AddLine(R"({"url":"http://evil.test/","text":"正文","flags":["<script>alert(1)</script>"]})");
  std::string html = s.ToHtml("corpus <b>.jsonl");
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("corpus &lt;b&gt;.jsonl"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
}

}  // namespace
}  // namespace qingxi::corpus
