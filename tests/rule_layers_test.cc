// Rule layers (--extra-rules), `unset`, `site` sections, drop.rules and the check of rule file
// names: the loader in common/ and what the cleaners do with the merged rules.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "qingxi/convert.h"
#include "qingxi/pipeline.h"
#include "qingxi/rule_file.h"
#include "qingxi/rule_sources.h"
#include "qingxi/text_cleaner.h"
#include "test_util.h"

namespace qingxi {
namespace {

namespace fs = std::filesystem;

// A layer directory holding `files` (name -> text).
std::string Layer(const std::vector<std::pair<std::string, std::string>>& files) {
  std::string dir = testing::TempDir();
  for (const auto& [name, text] : files) testing::WriteFile(dir + "/" + name, text);
  return dir;
}

// Ordinary prose around the line under test, so that only rules decide its fate.
const char* kBefore = "今天天气很好，我们一早就去公园散步，看到很多老人在锻炼身体，孩子们在草地上玩耍。";
const char* kAfter = "公园里的花开得正好，红的、黄的、紫的，引得游客纷纷驻足拍照，大家都很开心。";

class LayeredCleaner : public ::testing::Test {
 protected:
  static std::shared_ptr<const Converter> Conv() {
    static auto c = Converter::Create(testing::RulesDir()).value();
    return c;
  }
  // The paragraphs kept from [kBefore, line, kAfter] with `layers` over the built-in rules.
  static std::vector<std::string> Clean(const std::vector<std::string>& layers,
                                        const std::string& line, const std::string& url = "") {
    auto cleaner = TextCleaner::Create(RuleSources(testing::RulesDir(), layers), Conv());
    EXPECT_TRUE(cleaner.ok()) << cleaner.status().message();
    if (!cleaner.ok()) return {};
    CleanInput in;
    in.lines = {kBefore, line, kAfter};
    in.from_html = true;
    in.url = url;
    return cleaner.value()->Clean(in).paragraphs;
  }
  static bool Kept(const std::vector<std::string>& paragraphs, const std::string& line) {
    return std::find(paragraphs.begin(), paragraphs.end(), line) != paragraphs.end();
  }
};

TEST(RuleLayers, LayerAddsEntriesAndUnsetRemovesOne) {
  auto base = RuleFile::Parse("phrase 甲\nphrase 乙\n", "base/spam.rules", {"phrase"});
  auto layer = RuleFile::Parse("phrase 丙\nunset phrase 甲\n", "mine/spam.rules", {"phrase"},
                               ParseOptions{false, true});
  ASSERT_TRUE(base.ok() && layer.ok()) << layer.status().message();
  ASSERT_TRUE(base->Merge(*layer).ok());
  EXPECT_EQ(base->Values("phrase"), (std::vector<std::string>{"乙", "丙"}));
  // Errors in merged entries name the file they came from.
  EXPECT_EQ(base->Error(base->entries()[1], "x").message(), "mine/spam.rules:1: x");
}

TEST(RuleLayers, UnsetOfAnAbsentEntryAndUnsetOutsideALayerAreErrors) {
  auto base = RuleFile::Parse("phrase 甲\n", "base/spam.rules", {"phrase"});
  auto layer = RuleFile::Parse("\nunset phrase 丁\n", "mine/spam.rules", {"phrase"},
                               ParseOptions{false, true});
  ASSERT_TRUE(base.ok() && layer.ok());
  Status s = base->Merge(*layer);
  EXPECT_EQ(s.message(), "mine/spam.rules:2: unset: no earlier 'phrase 丁' entry to remove");
  auto in_base = RuleFile::Parse("unset phrase 甲\n", "rules/spam.rules", {"phrase"});
  ASSERT_FALSE(in_base.ok());
  EXPECT_EQ(in_base.status().message().rfind("rules/spam.rules:1: 'unset' removes an entry", 0), 0u)
      << in_base.status().message();
  auto unknown = RuleFile::Parse("unset phrsae 甲\n", "mine/spam.rules", {"phrase"},
                                 ParseOptions{false, true});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().message().rfind("mine/spam.rules:1: unknown directive 'phrsae'", 0), 0u);
}

TEST(RuleLayers, LaterLayerOverridesASettingButOneFileMaySetItOnce) {
  auto base = RuleFile::Parse("set spam_min_hits 3\n", "rules/thresholds.rules", {"set"});
  auto layer = RuleFile::Parse("set spam_min_hits 1\n", "mine/thresholds.rules", {"set"});
  ASSERT_TRUE(base->Merge(*layer).ok());
  auto s = Settings::FromRuleFile(*base, {{"spam_min_hits", 3}});
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->Get("spam_min_hits"), 1);
  auto twice = RuleFile::Parse("set spam_min_hits 1\nset spam_min_hits 2\n", "mine/thresholds.rules",
                               {"set"});
  auto bad = Settings::FromRuleFile(*twice, {{"spam_min_hits", 3}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message().rfind("mine/thresholds.rules:2: setting 'spam_min_hits' is already set on line 1", 0), 0u);
}

TEST(RuleLayers, SiteSectionsScopeTheEntriesThatFollow) {
  auto f = RuleFile::Parse("phrase 甲\nsite Example.COM\nphrase 乙\nsite *\nphrase 丙\n",
                           "drop.rules", {"phrase"}, ParseOptions{true});
  ASSERT_TRUE(f.ok()) << f.status().message();
  ASSERT_EQ(f->entries().size(), 3u);
  EXPECT_EQ(f->entries()[0].site, "");
  EXPECT_EQ(f->entries()[1].site, "example.com");
  EXPECT_EQ(f->entries()[2].site, "");
  auto bad_host = RuleFile::Parse("site example..com\n", "drop.rules", {"phrase"}, ParseOptions{true});
  ASSERT_FALSE(bad_host.ok());
  EXPECT_EQ(bad_host.status().message().rfind("drop.rules:1: expected 'site HOST'", 0), 0u);
  auto not_here = RuleFile::Parse("site example.com\n", "thresholds.rules", {"set"});
  ASSERT_FALSE(not_here.ok());
  EXPECT_EQ(not_here.status().message().rfind("thresholds.rules:1: 'site' sections are not supported", 0), 0u);
}

TEST(RuleLayers, HostsMatchOnLabelBoundaries) {
  EXPECT_EQ(UrlHost("https://News.Example.com:8443/a?b#c"), "news.example.com");
  EXPECT_EQ(UrlHost("http://user@example.com/"), "example.com");
  EXPECT_EQ(UrlHost("pages/a.html"), "");
  EXPECT_TRUE(HostInSite("example.com", "example.com"));
  EXPECT_TRUE(HostInSite("news.example.com", "example.com"));
  EXPECT_FALSE(HostInSite("example.com.cn", "example.com"));
  EXPECT_FALSE(HostInSite("badexample.com", "example.com"));
  EXPECT_FALSE(HostInSite("", "example.com"));
}

TEST(RuleLayers, UnknownRuleFileNamesAreErrorsInTheBaseAndInLayers) {
  std::string layer = Layer({{"mysite.rules", "phrase 甲\n"}, {"README.md", "notes\n"}});
  Status s = RuleSources(testing::RulesDir(), {layer}).Check();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message().rfind(layer + "/mysite.rules: unknown rule file name (qingxi reads only: ", 0), 0u)
      << s.message();
  EXPECT_NE(s.message().find("spam.rules"), std::string::npos);
  // The same in a copy of the built-in directory, through the pipeline (the clean command's path).
  std::string base = testing::TempDir() + "/rules";
  fs::copy(testing::RulesDir(), base, fs::copy_options::recursive);
  testing::WriteFile(base + "/mysite.rules", "phrase 甲\n");
  PipelineOptions options;
  options.rules_dir = base;
  auto p = Pipeline::Create(options);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().message().rfind(base + "/mysite.rules: unknown rule file name", 0), 0u);
  fs::remove(base + "/mysite.rules");
  EXPECT_TRUE(Pipeline::Create(options).ok());  // README.md-like names are not rule files
  // A rules directory from before drop.rules existed still loads; a layer may add the file.
  fs::remove(base + "/drop.rules");
  EXPECT_TRUE(Pipeline::Create(options).ok());
  options.extra_rules = {Layer({{"drop.rules", "phrase 甲\n"}})};
  EXPECT_TRUE(Pipeline::Create(options).ok());
  options.extra_rules.clear();
  EXPECT_TRUE(RuleSources(base, {Layer({{"notes.txt", "x"}})}).Check().ok());
  EXPECT_FALSE(RuleSources(base, {base + "/absent"}).Check().ok());
}

TEST_F(LayeredCleaner, OneOffPhraseRemovesExactlyItsLine) {
  const std::string line = "星河日报热线八八六六，欢迎读者来电提供新闻线索";
  ASSERT_TRUE(Kept(Clean({}, line), line));  // the built-in rules keep it
  std::string layer = Layer({{"drop.rules", "phrase 欢迎读者来电\n"}});
  auto out = Clean({layer}, line);
  EXPECT_EQ(out, (std::vector<std::string>{kBefore, kAfter}));
  // `line` matches the whole line only.
  std::string exact = Layer({{"drop.rules", "line 欢迎读者来电\n"}});
  EXPECT_TRUE(Kept(Clean({exact}, line), line));
  EXPECT_FALSE(Kept(Clean({exact}, "欢迎读者来电"), "欢迎读者来电"));
}

TEST_F(LayeredCleaner, SiteSectionFiresOnTheSiteAndItsSubdomainsOnly) {
  const std::string footer = "星河晚报，陪伴您的每一个清晨";
  std::string layer = Layer({{"drop.rules", "site example.com\nline " + footer + "\n"}});
  EXPECT_FALSE(Kept(Clean({layer}, footer, "https://example.com/2024/a.html"), footer));
  EXPECT_FALSE(Kept(Clean({layer}, footer, "http://news.example.com/a"), footer));
  EXPECT_TRUE(Kept(Clean({layer}, footer, "https://example.com.cn/a"), footer));
  EXPECT_TRUE(Kept(Clean({layer}, footer, "https://other.org/a"), footer));
  EXPECT_TRUE(Kept(Clean({layer}, footer, ""), footer));
}

TEST_F(LayeredCleaner, SiteScopedWatermarkPhraseIsCutInsideTheSentence) {
  const std::string line = "公园今年新种了三千株月季【星河网独家】，预计五月进入盛花期。";
  std::string layer = Layer({{"watermark.rules", "site example.com\nphrase 【星河网独家】\n"}});
  auto on_site = Clean({layer}, line, "https://www.example.com/x");
  EXPECT_TRUE(Kept(on_site, "公园今年新种了三千株月季，预计五月进入盛花期。"));
  EXPECT_TRUE(Kept(Clean({layer}, line, "https://example.org/x"), line));
}

TEST_F(LayeredCleaner, LayerOverridesAThreshold) {
  // One spam phrase is not spam with the built-in spam_min_hits 3.
  const std::string line = "国产精品推荐";
  ASSERT_TRUE(Kept(Clean({}, line), line));
  std::string layer = Layer({{"thresholds.rules", "set spam_min_hits 1\n"}});
  EXPECT_FALSE(Kept(Clean({layer}, line), line));
}

TEST_F(LayeredCleaner, LayerRemovesABuiltInEntry) {
  const std::string line = "隐藏内容";  // a paywall stub (paywall.rules)
  ASSERT_FALSE(Kept(Clean({}, line), line));
  std::string layer = Layer({{"paywall.rules", "unset phrase 隐藏内容\n"}});
  EXPECT_TRUE(Kept(Clean({layer}, line), line));
  std::string later = Layer({{"paywall.rules", "phrase 隐藏内容\n"}});
  EXPECT_FALSE(Kept(Clean({layer, later}, line), line));  // a later layer adds it back
}

TEST(RuleLayersCli, CleanTakesExtraRulesAndScopesBySiteOfEachRecord) {
  std::string dir = testing::TempDir();
  std::string layer = Layer({{"drop.rules", "site example.com\nphrase 星河晚报读者服务部\n"}});
  std::string page = std::string("<html><body><article><p>") + kBefore +
                     "</p><p>以上内容由星河晚报读者服务部提供</p><p>" + kAfter +
                     "</p></article></body></html>";
  testing::WriteFile(dir + "/in.jsonl",
                     "{\"id\":\"a\",\"url\":\"https://news.example.com/1\",\"html\":\"" + page + "\"}\n"
                     "{\"id\":\"b\",\"url\":\"https://example.com.cn/1\",\"html\":\"" + page + "\"}\n");
  std::string out;
  int rc = testing::Run(testing::BinaryPath() + " clean -q --in jsonl --extra-rules " + layer +
                            " " + dir + "/in.jsonl",
                        &out);
  ASSERT_EQ(rc, 0) << out;
  auto records = testing::ParseRecords(out);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].text.find("星河晚报"), std::string::npos) << records[0].text;
  EXPECT_NE(records[1].text.find("星河晚报"), std::string::npos) << records[1].text;
  std::string err;
  rc = testing::Run(testing::BinaryPath() + " clean -q --extra-rules " + dir + " " + dir +
                        "/in.jsonl 2>&1 >/dev/null",
                    &err);
  EXPECT_EQ(rc, 0) << err;  // a directory without rule files is an empty layer
  testing::WriteFile(dir + "/mysite.rules", "phrase 甲\n");
  rc = testing::Run(testing::BinaryPath() + " clean -q --extra-rules " + dir + " " + dir +
                        "/in.jsonl 2>&1 >/dev/null",
                    &err);
  EXPECT_EQ(rc, 2);
  EXPECT_NE(err.find("mysite.rules: unknown rule file name"), std::string::npos) << err;
}

TEST(RuleLayersCli, ConvertAndCrawlTakeExtraRulesToo) {
  std::string layer = Layer({{"t2s_corrections.rules", "phrase 開發區 开发园区\n"}});
  std::string out;
  ASSERT_EQ(testing::Run("echo 開發區著力推進 | " + testing::BinaryPath() + " convert", &out), 0);
  EXPECT_EQ(out, "开发区着力推进\n");
  ASSERT_EQ(testing::Run("echo 開發區著力推進 | " + testing::BinaryPath() +
                             " convert --extra-rules " + layer, &out), 0);
  EXPECT_EQ(out, "开发园区着力推进\n");
  // A bad layer stops a crawl before anything is opened or fetched.
  std::string dir = testing::TempDir();
  std::string bad = Layer({{"mysite.rules", "phrase 甲\n"}});
  testing::WriteFile(dir + "/seeds.txt", "http://127.0.0.1:9/\n");
  std::string err;
  int rc = testing::Run("cd " + dir + " && " + testing::BinaryPath() +
                            " crawl -q -i seeds.txt --db crawl.sqlite -o out.jsonl --extra-rules " +
                            bad + " 2>&1",
                        &err);
  EXPECT_EQ(rc, 2) << err;
  EXPECT_NE(err.find(bad + "/mysite.rules: unknown rule file name"), std::string::npos) << err;
  EXPECT_FALSE(fs::exists(dir + "/crawl.sqlite"));
}

}  // namespace
}  // namespace qingxi
