// Tests for the shared pieces: UTF-8 helpers, the rule-file format, settings and records.
#include <gtest/gtest.h>

#include "qingxi/record.h"
#include "qingxi/rule_file.h"
#include "qingxi/utf8.h"
#include "test_util.h"

namespace qingxi {
namespace {

TEST(Utf8, DecodesAndEncodesRoundTrip) {
  std::string s = "a中文\xF0\x9F\x98\x80";  // ASCII, BMP Han, astral
  size_t pos = 0;
  std::string back;
  while (pos < s.size()) utf8::Append(utf8::Next(s, &pos), &back);
  EXPECT_EQ(back, s);
  EXPECT_EQ(utf8::CountCodePoints(s), 4u);
}

TEST(Utf8, RejectsInvalidSequences) {
  EXPECT_TRUE(utf8::IsValid("显著与时俱进"));
  EXPECT_TRUE(utf8::IsValid("\xEF\xBF\xBD"));           // a real U+FFFD is valid
  EXPECT_FALSE(utf8::IsValid("\xC0\xAF"));              // overlong '/'
  EXPECT_FALSE(utf8::IsValid("\xED\xA0\x80"));          // surrogate
  EXPECT_FALSE(utf8::IsValid("\xE4\xB8"));              // truncated
  EXPECT_FALSE(utf8::IsValid("\xB9\xAB\xCE\xF1"));      // GBK bytes of 公务
}

TEST(Utf8, SanitizeReplacesBadBytesAndDropsNul) {
  std::string out;
  size_t n = utf8::Sanitize(std::string("ok\0\xFF中", 7), &out);
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(out, "ok\xEF\xBF\xBD中");
}

TEST(Utf8, ClassifiesHanPunctAndSpace) {
  EXPECT_TRUE(utf8::IsHan(U'中'));
  EXPECT_TRUE(utf8::IsHan(0x20000));
  EXPECT_FALSE(utf8::IsHan(U'。'));
  EXPECT_TRUE(utf8::IsCjkPunct(U'。'));
  EXPECT_TRUE(utf8::IsCjkPunct(U'，'));
  EXPECT_TRUE(utf8::IsCjkPunct(U'“'));
  EXPECT_FALSE(utf8::IsCjkPunct(U'a'));
  EXPECT_TRUE(utf8::IsSpace(0x3000));
  EXPECT_EQ(utf8::Trim("\xE3\x80\x80\xE3\x80\x80 同志们:\xC2\xA0 "), "同志们:");
  EXPECT_EQ(utf8::Trim("   "), "");
}

TEST(RuleFile, ParsesDirectivesCommentsAndEscapes) {
  auto f = RuleFile::Parse(
      "# spam lexicon\n\nphrase 中文字幕\nphrase   精品国产  \n  # indented comment\n"
      "phrase \\s前导空格\n",
      "spam.rules", {"phrase"});
  ASSERT_TRUE(f.ok()) << f.status().message();
  ASSERT_EQ(f->entries().size(), 3u);
  EXPECT_EQ(f->entries()[0].value, "中文字幕");
  EXPECT_EQ(f->entries()[0].line, 3);
  EXPECT_EQ(f->entries()[1].value, "精品国产");
  EXPECT_EQ(f->entries()[2].value, " 前导空格");
  EXPECT_EQ(f->Values("phrase").size(), 3u);
}

TEST(RuleFile, ReportsFileAndLineOfTheFault) {
  auto unknown = RuleFile::Parse("phrase a\nphrsae b\n", "rules/x.rules", {"phrase"});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().message().rfind("rules/x.rules:2: unknown directive 'phrsae'", 0), 0u)
      << unknown.status().message();
  auto empty = RuleFile::Parse("phrase\n", "y.rules", {});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().message().rfind("y.rules:1:", 0), 0u);
  auto bad_utf8 = RuleFile::Parse("phrase ok\nphrase \xB9\xAB\n", "z.rules", {});
  ASSERT_FALSE(bad_utf8.ok());
  EXPECT_EQ(bad_utf8.status().message(), "z.rules:2: not valid UTF-8");
  auto bad_escape = RuleFile::Parse("phrase a\\q\n", "e.rules", {});
  EXPECT_FALSE(bad_escape.ok());
  auto missing = RuleFile::Load("/nonexistent/qingxi.rules", {});
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
}

TEST(Settings, OverridesDefaultsAndRejectsTypos) {
  auto f = RuleFile::Parse("set min_chars 12\nset ratio 0.25\n", "t.rules", {"set"});
  ASSERT_TRUE(f.ok());
  auto s = Settings::FromRuleFile(*f, {{"min_chars", 5}, {"ratio", 0.5}, {"other", 7}});
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->Get("min_chars"), 12);
  EXPECT_EQ(s->Get("ratio"), 0.25);
  EXPECT_EQ(s->Get("other"), 7);
  auto typo = RuleFile::Parse("set min_char 12\n", "t.rules", {"set"});
  auto bad = Settings::FromRuleFile(*typo, {{"min_chars", 5}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "t.rules:1: unknown setting 'min_char'");
  auto nan = RuleFile::Parse("set min_chars twelve\n", "t.rules", {"set"});
  EXPECT_FALSE(Settings::FromRuleFile(*nan, {{"min_chars", 5}}).ok());
}

TEST(Record, JsonLineIsOneLineWithStableKeysAndRoundTrips) {
  Record r;
  r.id = "000";
  r.source = "seeds/000.txt";
  r.title = "标题";
  r.date = "2022-11-09";
  r.text = "第一段\n第二段";
  r.script = Script::kHant;
  r.AddFlag("paywall");
  r.AddFlag("paywall");
  std::string line = ToJsonLine(r);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_EQ(line.rfind("{\"id\":\"000\",\"source\":\"seeds/000.txt\",\"title\":\"标题\"", 0), 0u) << line;
  auto back = FromJsonLine(line);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->text, r.text);
  EXPECT_EQ(back->script, Script::kHant);
  EXPECT_EQ(back->flags, std::vector<std::string>{"paywall"});
  EXPECT_EQ(back->date, "2022-11-09");
}

TEST(Record, ErrorRecordsCarryOnlyTheReasonAndInvalidBytesAreReplaced) {
  Record r;
  r.id = "x";
  r.source = "x.bin";
  r.error = "decode: binary \xFF input";
  std::string line = ToJsonLine(r);
  EXPECT_EQ(line.find("\"text\""), std::string::npos);
  auto back = FromJsonLine(line);
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(back->is_error());
  EXPECT_NE(back->error.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_FALSE(FromJsonLine("{\"id\":").ok());
}

}  // namespace
}  // namespace qingxi
