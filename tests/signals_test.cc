// Quality signals (qingxi/signals.h) on hand-counted texts: each signal against its formula in
// docs/signals.md, and the texts the Gopher-style signals exist to catch (repeated lines,
// repeated phrases, digit tables, Latin boilerplate).
#include "qingxi/signals.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace qingxi::corpus {
namespace {

TEST(Signals, CountsCodePointsNotBytes) {
  // 8 Han + "。" on line 1; "ABC 12" on line 2 (6 chars, 5 non-space).
  Signals s = ComputeSignals("今天天气很好我们出去。\nABC 12");
  EXPECT_EQ(s.lines, 2u);
  EXPECT_EQ(s.han_chars, 10u);
  EXPECT_EQ(s.chars, 17u);  // 11 + 6
  EXPECT_EQ(s.non_space, 16u);
  EXPECT_DOUBLE_EQ(s.han_ratio, 10.0 / 16);
  EXPECT_DOUBLE_EQ(s.mean_line_chars, 17.0 / 2);
  EXPECT_DOUBLE_EQ(s.punct_ratio, 1.0 / 16);
  EXPECT_DOUBLE_EQ(s.digit_ratio, 2.0 / 16);
  EXPECT_DOUBLE_EQ(s.ascii_ratio, 5.0 / 16);
  EXPECT_DOUBLE_EQ(s.end_punct_line_frac, 0.5);  // only the first line ends a sentence
}

TEST(Signals, EmptyTextHasZeroRatiosNotNaN) {
  Signals s = ComputeSignals("");
  EXPECT_EQ(s.chars, 0u);
  EXPECT_EQ(s.lines, 0u);
  EXPECT_EQ(s.han_ratio, 0.0);
  EXPECT_EQ(s.mean_line_chars, 0.0);
  EXPECT_EQ(SignalsToJson(s).find("nan"), std::string::npos);
}

TEST(Signals, DuplicateLinesCountCharactersOfTheRepeatsOnly) {
  // "点击查看更多" (6) three times among lines of 11 and 10 chars: 12 of 39 chars repeat.
  Signals s = ComputeSignals(
      "点击查看更多\n今年粮食产量再创新高。\n点击查看更多\n专家认为原因有三点。\n点击查看更多");
  EXPECT_EQ(s.chars, 39u);
  EXPECT_DOUBLE_EQ(s.dup_line_frac, 12.0 / 39);
  Signals distinct = ComputeSignals("今年粮食产量再创新高。\n专家认为原因有三点。");
  EXPECT_EQ(distinct.dup_line_frac, 0.0);
}

TEST(Signals, DuplicateNgramsFindRepeatedPhrasesInsideLines) {
  // A 12-char phrase said twice in one line: the second copy (12 chars) is covered.
  const std::string phrase = "欢迎访问本站获取更多资讯";
  Signals s = ComputeSignals(phrase + "，今天的新闻如下：" + phrase);
  EXPECT_EQ(s.non_space, 33u);
  EXPECT_DOUBLE_EQ(s.dup_ngram_frac, 12.0 / 33);
  // A phrase shorter than the n-gram length is not a repeat.
  Signals short_rep = ComputeSignals("我们认为，今天的天气不错，我们认为");
  EXPECT_EQ(short_rep.dup_ngram_frac, 0.0);
  // Ordinary prose has none.
  Signals prose = ComputeSignals(
      "国务院常务会议今天召开，会议研究部署了进一步稳定就业的措施，要求各地抓好落实。");
  EXPECT_EQ(prose.dup_ngram_frac, 0.0);
}

TEST(Signals, TopCharacterCatchesRunsOfOneSymbol) {
  Signals s = ComputeSignals("哈哈哈哈哈哈哈哈哈哈好");
  EXPECT_DOUBLE_EQ(s.top_char_frac, 10.0 / 11);
}

TEST(Signals, SentenceEndBehindAClosingQuoteCounts) {
  Signals s = ComputeSignals("他说：“明天见。”\n更多精彩内容");
  EXPECT_DOUBLE_EQ(s.end_punct_line_frac, 0.5);
}

TEST(Signals, InvalidUtf8CountsAsReplacementCharacters) {
  Signals s = ComputeSignals(std::string("中文\xff\xfe", 6 + 2));
  EXPECT_EQ(s.chars, 4u);
  EXPECT_EQ(s.han_chars, 2u);
}

TEST(Signals, JsonHasEveryKeyInFixedOrder) {
  std::string j = SignalsToJson(ComputeSignals("中文，测试。\n第二行"));
  auto parsed = nlohmann::ordered_json::parse(j);
  std::vector<std::string> keys;
  for (auto it = parsed.begin(); it != parsed.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"chars", "non_space", "han_chars", "lines", "han_ratio",
                                            "mean_line_chars", "punct_ratio", "end_punct_line_frac",
                                            "dup_line_frac", "dup_ngram_frac", "top_char_frac",
                                            "digit_ratio", "ascii_ratio"}));
  EXPECT_EQ(parsed["han_chars"], 7);
  EXPECT_EQ(j, SignalsToJson(ComputeSignals("中文，测试。\n第二行")));
}

}  // namespace
}  // namespace qingxi::corpus
