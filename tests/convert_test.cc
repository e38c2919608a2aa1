// Traditional to simplified conversion: OpenCC's current dictionaries plus
// rules/t2s_corrections.rules, traditional characters converted wherever they stand,
// byte-identical simplified text, script detection, regional vocabulary, the sentence pairs of
// tests/data/t2s_sentences.tsv, a cross-check against OpenCC's own converter, and the
// `qingxi convert` command.
//
// Every conversion made through T2S() is also checked for traditional-only characters (Unihan,
// rules/script_chars.rules `trad` lines) left in its output.
#include "qingxi/convert.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <opencc/SimpleConverter.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "qingxi/rule_file.h"
#include "qingxi/utf8.h"
#include "test_util.h"

namespace qingxi {
namespace {

const Converter& Conv() {
  static std::shared_ptr<const Converter> conv = [] {
    Result<std::shared_ptr<const Converter>> c = Converter::Create(testing::RulesDir());
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? c.value() : nullptr;
  }();
  return *conv;
}

// The characters of the lines of `file` (in rules/) that start with `directive`.
std::set<char32_t> CharsOf(const std::string& file, const std::string& directive) {
  std::set<char32_t> out;
  for (const std::string& l : testing::ReadLines(testing::RulesDir() + "/" + file)) {
    if (l.rfind(directive + " ", 0) != 0) continue;
    size_t p = directive.size() + 1;
    out.insert(utf8::Next(l, &p));
  }
  return out;
}

// Unihan's traditional-only characters (the `trad` lines of rules/script_chars.rules).
const std::set<char32_t>& UnihanTraditionalOnly() {
  static const std::set<char32_t> set = CharsOf("script_chars.rules", "trad");
  return set;
}

// Those a simplified sentence keeps as written (`keep` lines: 後, and names whose simplified
// form is outside GB 2312, such as 鶄).
const std::set<char32_t>& KeptInSimplified() {
  static const std::set<char32_t> set = [] {
    std::set<char32_t> a = CharsOf("script_chars.rules", "keep");
    for (char32_t c : CharsOf("t2s_corrections.rules", "keep")) a.insert(c);
    return a;
  }();
  return set;
}

// The traditional-only characters left in `s`, as UTF-8 ("" when none).
std::string TraditionalLeft(std::string_view s) {
  std::string left;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = utf8::Next(s, &i);
    if (UnihanTraditionalOnly().count(cp) && !KeptInSimplified().count(cp)) utf8::Append(cp, &left);
  }
  return left;
}

std::string T2S(std::string_view s) {
  std::string out = Conv().ToSimplified(s);
  EXPECT_EQ(TraditionalLeft(out), "") << "traditional-only characters left in: " << out;
  return out;
}

struct Pair {
  std::string kind, in, want;
};

std::vector<Pair> SentencePairs() {
  std::vector<Pair> pairs;
  for (const std::string& l :
       testing::ReadLines(testing::SourceDir() + "/tests/data/t2s_sentences.tsv")) {
    if (l.empty() || l[0] == '#') continue;
    size_t a = l.find('\t'), b = l.find('\t', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    pairs.push_back({l.substr(0, a), l.substr(a + 1, b - a - 1), l.substr(b + 1)});
  }
  return pairs;
}

TEST(Convert, ZhuoAndZheBecomeZheButZhuWordsKeepZhu) {
  // OpenCC 1.1 leaves every 著 alone; the corrections decide by the word.
  EXPECT_EQ(T2S("著力打造經濟升級版"), "着力打造经济升级版");
  EXPECT_EQ(T2S("他看著我，接著說這意味著什麼。"), "他看着我，接着说这意味着什么。");
  EXPECT_EQ(T2S("效果顯著，他是著名作家，著作等身。"), "效果显著，他是著名作家，著作等身。");
  EXPECT_EQ(T2S("穿著整齊，執著於理想，沉著應對。"), "穿着整齐，执着于理想，沉着应对。");
  EXPECT_EQ(T2S("這部名著的原著者。"), "这部名著的原著者。");
  EXPECT_EQ(T2S("他所著的書"), "他所著的书");
}

TEST(Convert, QianKeepsItsNamesAndOtherwiseBecomesGan) {
  EXPECT_EQ(T2S("乾隆年間，扭轉乾坤。"), "乾隆年间，扭转乾坤。");
  EXPECT_EQ(T2S("衣服曬乾了，房間很乾淨。"), "衣服晒干了，房间很干净。");
}

TEST(Convert, LiaoBecomesLeExceptWhenLooking) {
  EXPECT_EQ(T2S("我們瞭解情況，一目瞭然。"), "我们了解情况，一目了然。");
  EXPECT_EQ(T2S("士兵在瞭望臺上瞭望。"), "士兵在瞭望台上瞭望。");
  EXPECT_EQ(T2S("這件事很明瞭。"), "这件事很明了。");
}

TEST(Convert, CommonMergedCharacters) {
  EXPECT_EQ(T2S("於是，後來他們在這裡買了一隻雞。"), "于是，后来他们在这里买了一只鸡。");
  EXPECT_EQ(T2S("什麼？其餘的人在鐘樓下。"), "什么？其余的人在钟楼下。");
  EXPECT_EQ(T2S("鍾先生說，餘年無多。"), "钟先生说，馀年无多。");
  EXPECT_EQ(T2S("皇后與國王"), "皇后与国王");
  EXPECT_EQ(T2S("你甚麼時候來？"), "你什么时候来？");
  // t2s, not tw2s: 抬 stays 抬 (tw2s writes 擡), 與時俱進 gives 与时俱进 (not 与时具进).
  EXPECT_EQ(T2S("他抬起頭來，與時俱進。"), "他抬起头来，与时俱进。");
}

TEST(Convert, SimplifiedTextIsByteIdentical) {
  const std::string s =
      "效果显著，与时俱进。干部们在里面开会，皇后著名的画像挂在墙上。"
      "乾隆年间的瞭望台，于是他着力打造经济升级版。\n第二行：后来、只有、余下。";
  EXPECT_EQ(T2S(s), s);
  for (const char* w : {"显著", "与时俱进", "干部", "著名", "皇后", "里面", "著作", "乾坤", "瞭望"})
    EXPECT_EQ(T2S(w), w) << w;
}

TEST(Convert, NonHanTextAndLineBreaksAreKept) {
  const std::string s = "Hello, world!\n\n  123 — ok\r\n";
  EXPECT_EQ(T2S(s), s);
  EXPECT_EQ(T2S("第一行\n後來\n\n第三行"), "第一行\n后来\n\n第三行");
  EXPECT_EQ(T2S(""), "");
}

TEST(Convert, MixedDocumentIsConvertedSpanBySpan) {
  // A simplified report quoting a traditional sentence: only the quote is converted, and the
  // simplified sentences keep 著 and 干 as written.
  const std::string doc =
      "他是著名的干部，效果显著。\n"
      "臺灣媒體報導：經濟發展著力於創新。\n"
      "这是一个简体句子，里面有皇后。";
  const std::string want =
      "他是著名的干部，效果显著。\n"
      "台湾媒体报导：经济发展着力于创新。\n"
      "这是一个简体句子，里面有皇后。";
  EXPECT_EQ(T2S(doc), want);
  EXPECT_EQ(Conv().Detect(doc), Script::kMixed);
}

TEST(Convert, TraditionalCharactersInsideSimplifiedSentencesAreConverted) {
  EXPECT_EQ(T2S("我们今天讨论的这个問題很重要，大家都要認真对待。"),
            "我们今天讨论的这个问题很重要，大家都要认真对待。");
  EXPECT_EQ(T2S("这次活动的參加人数超过了预期"), "这次活动的参加人数超过了预期");
  // A name character whose simplified form (䴖) is outside GB 2312 stays as the author wrote
  // it in a simplified sentence, and is converted in a traditional one.
  EXPECT_EQ(T2S("首席分析师罗鶄任职独立董事。"), "首席分析师罗鶄任职独立董事。");
  EXPECT_EQ(T2S("首席分析師羅鶄任職獨立董事。"), "首席分析师罗䴖任职独立董事。");
  // Non-standard forms a simplified page picks up (裏, 説) go too.
  EXPECT_EQ(T2S("这裏的东西都很贵，説实话不值得。"), "这里的东西都很贵，说实话不值得。");
}

TEST(Convert, CharactersBothScriptsWriteStayInSimplifiedSentences) {
  // 著, 乾, 干, 于, 后, 面, 里, 沈, 昇 are simplified characters too: only the traditional-only
  // ones around them change, and the phrase a traditional character stands in.
  EXPECT_EQ(T2S("这篇文章的作者是著名的历史學家，他在乾隆年间的干部档案里找到了資料。"),
            "这篇文章的作者是著名的历史学家，他在乾隆年间的干部档案里找到了资料。");
  EXPECT_EQ(T2S("沈先生于是来到后面，畢昇的塑像前，說了这番话。"),
            "沈先生于是来到后面，毕昇的塑像前，说了这番话。");
  // 後 is still written in simplified essays (rules/t2s_corrections.rules `keep`).
  EXPECT_EQ(T2S("他在显著位置贴了通知，之後又撤了。"), "他在显著位置贴了通知，之後又撤了。");
  EXPECT_EQ(T2S("他在显著位置贴了通知，之後又撤了，問題解决。"),
            "他在显著位置贴了通知，之後又撤了，问题解决。");
  // The same characters in a traditional sentence follow the traditional reading.
  EXPECT_EQ(T2S("他在乾燥的房間裡看著窗外，之後說了話。"),
            "他在干燥的房间里看着窗外，之后说了话。");
}

TEST(Convert, SentencePairsConvertExactly) {
  std::vector<Pair> pairs = SentencePairs();
  ASSERT_GT(pairs.size(), 80u);
  std::map<std::string, std::pair<int, int>> by_kind;  // kind -> (exact, total)
  for (const Pair& p : pairs) {
    std::string got = T2S(p.in);
    EXPECT_EQ(got, p.want) << p.kind << ": " << p.in;
    auto& [exact, total] = by_kind[p.kind];
    exact += got == p.want;
    ++total;
    if (p.kind == "simp") {
      EXPECT_EQ(p.in, p.want) << "a simp pair must be an identity";
    }
  }
  for (const auto& [kind, n] : by_kind)
    std::printf("[          ] %-6s %d/%d exact\n", kind.c_str(), n.first, n.second);
  for (const char* kind : {"tw", "hk", "mixed", "simp", "name"})
    EXPECT_GT(by_kind[kind].second, 5) << kind;
}

TEST(Detect, JudgesFromScriptSpecificCharacters) {
  EXPECT_EQ(Conv().Detect("我们在今后工作中要继续加强学习。"), Script::kHans);
  EXPECT_EQ(Conv().Detect("我們在今後工作中要繼續加強學習。"), Script::kHant);
  EXPECT_EQ(Conv().Detect("中文 abc"), Script::kUnknown);  // nothing script-specific
  EXPECT_EQ(Conv().Detect(""), Script::kUnknown);
  EXPECT_EQ(Conv().Detect("我们在今后工作中要继续加强学习。我們在今後工作中要繼續加強學習。"),
            Script::kMixed);
  // One traditional character in a simplified text does not make it mixed.
  EXPECT_EQ(Conv().Detect("首席分析师罗鶄任职独立董事，国泰君安证券研究所。"), Script::kHans);
}

// A rules directory with the shipped conversion data and the given corrections.
std::string RulesWithCorrections(const std::string& corrections) {
  namespace fs = std::filesystem;
  std::string dir = testing::TempDir();
  fs::copy(testing::RulesDir() + "/opencc", dir + "/opencc", fs::copy_options::recursive);
  fs::copy(testing::RulesDir() + "/script_chars.rules", dir + "/script_chars.rules");
  testing::WriteFile(dir + "/t2s_corrections.rules", corrections);
  return dir;
}

TEST(Converter, CorrectionsTakePriorityOverOpenCC) {
  std::string dir = RulesWithCorrections("");
  testing::WriteFile(dir + "/t2s_corrections.rules",
                     "# keep 後 (a test of priority)\nphrase 後 後\nphrase 頭髮 頭发\n");
  Result<std::shared_ptr<const Converter>> c = Converter::Create(dir);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c.value()->ToSimplified("後來他剪了頭髮"), "後来他剪了頭发");
}

TEST(Converter, BadRuleFilesAreReportedWithFileAndLine) {
  Result<std::shared_ptr<const Converter>> missing = Converter::Create("/nonexistent-rules");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);

  std::string dir = RulesWithCorrections("# ok\nphrase 著 着\nphrase 著名\n");
  Result<std::shared_ptr<const Converter>> bad = Converter::Create(dir);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("t2s_corrections.rules:3:"), std::string::npos)
      << bad.status().message();

  testing::WriteFile(dir + "/t2s_corrections.rules", "phrase 著 着\nphrase 著 著\n");
  Result<std::shared_ptr<const Converter>> dup = Converter::Create(dir);
  ASSERT_FALSE(dup.ok());
  EXPECT_NE(dup.status().message().find(":2:"), std::string::npos) << dup.status().message();

  testing::WriteFile(dir + "/t2s_corrections.rules", "word 著 着\n");
  EXPECT_FALSE(Converter::Create(dir).ok());
}

// Like OpenCC's dictionary CI: within each block (a run of entries between comments or blank
// lines) keys are sorted by code point; no key appears twice in the file; every entry maps a
// phrase to one of the same length, with Han characters on both sides.
TEST(CorrectionsFile, SortedUniqueAndWellFormed) {
  const std::string path = testing::RulesDir() + "/t2s_corrections.rules";
  std::vector<std::string> lines = testing::ReadLines(path);
  ASSERT_FALSE(lines.empty());
  std::set<std::u32string> keys;
  std::u32string prev;
  bool in_block = false;
  int n = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    if (l.rfind("phrase ", 0) != 0) {
      in_block = false;
      continue;
    }
    std::istringstream in(l.substr(7));
    std::string k, v, extra;
    in >> k >> v;
    ASSERT_FALSE(k.empty() || v.empty()) << path << ":" << i + 1;
    ASSERT_FALSE(in >> extra) << path << ":" << i + 1;
    std::u32string key, val;
    for (size_t p = 0; p < k.size();) key.push_back(utf8::Next(k, &p));
    for (size_t p = 0; p < v.size();) val.push_back(utf8::Next(v, &p));
    EXPECT_EQ(key.size(), val.size()) << path << ":" << i + 1;
    EXPECT_TRUE(std::all_of(key.begin(), key.end(), utf8::IsHan)) << path << ":" << i + 1;
    EXPECT_TRUE(keys.insert(key).second) << path << ":" << i + 1 << ": duplicate key " << k;
    if (in_block) {
      EXPECT_LT(prev, key) << path << ":" << i + 1 << ": not sorted: " << k;
    }
    prev = key;
    in_block = true;
    ++n;
  }
  EXPECT_GT(n, 10);
}

TEST(Converter, MissingConversionDataIsNamed) {
  std::string dir = RulesWithCorrections("phrase 著 着\n");
  std::filesystem::remove(dir + "/opencc/TSPhrases.txt");
  Result<std::shared_ptr<const Converter>> c = Converter::Create(dir);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("opencc/TSPhrases.txt"), std::string::npos)
      << c.status().message();
  dir = RulesWithCorrections("phrase 著 着\n");
  testing::WriteFile(dir + "/script_chars.rules", "trad 問 问\ntrad ab\n");
  c = Converter::Create(dir);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("script_chars.rules:2:"), std::string::npos)
      << c.status().message();
}

TEST(Vocab, TaiwanWordsBecomeMainlandWordsOnlyWhenAskedFor) {
  Result<std::shared_ptr<const Converter>> tw =
      Converter::Create(testing::RulesDir(), ConvertOptions{Vocab::kTaiwan});
  ASSERT_TRUE(tw.ok()) << tw.status().ToString();
  const std::string s = "這個軟體需要網路連線，我搭計程車去公司。";
  EXPECT_EQ(tw.value()->ToSimplified(s), "这个软件需要网络连接，我搭出租车去公司。");
  // The default is a character conversion: the words stay Taiwan's.
  EXPECT_EQ(T2S(s), "这个软体需要网路连线，我搭计程车去公司。");
  // Simplified text is still left alone.
  EXPECT_EQ(tw.value()->ToSimplified("这个软体很好用。"), "这个软体很好用。");
}

TEST(Vocab, HongKongWordsBecomeMainlandWords) {
  Result<std::shared_ptr<const Converter>> hk =
      Converter::Create(testing::RulesDir(), ConvertOptions{Vocab::kHongKong});
  ASSERT_TRUE(hk.ok()) << hk.status().ToString();
  EXPECT_EQ(hk.value()->ToSimplified("公司的伺服器壞了，作業系統要重裝，寬頻也很慢。"),
            "公司的服务器坏了，操作系统要重装，宽带也很慢。");
  // Taiwan's table is not Hong Kong's.
  EXPECT_EQ(hk.value()->ToSimplified("這個軟體很好用。"), "这个软体很好用。");
  Vocab v;
  EXPECT_TRUE(ParseVocab("tw", &v));
  EXPECT_EQ(v, Vocab::kTaiwan);
  EXPECT_TRUE(ParseVocab("hk", &v));
  EXPECT_EQ(v, Vocab::kHongKong);
  EXPECT_FALSE(ParseVocab("cn", &v));
}

// Independent implementations against each other: OpenCC's own converter, configured as its
// tw2s chain over the same text dictionaries, on the traditional sentence pairs. qingxi must
// get every sentence right that OpenCC gets right (it adds corrections and Hong Kong forms).
TEST(Converter, AgreesWithOpenCCsOwnChainOnTheSameDictionaries) {
  namespace fs = std::filesystem;
  const std::string dir = testing::TempDir();
  const std::string src = testing::RulesDir() + "/opencc";
  for (const char* f : {"TSPhrases.txt", "TSCharacters.txt", "TWVariantsRevPhrases.txt"})
    fs::copy(src + "/" + f, dir + "/" + f);
  // OpenCC reads TWVariants value -> key for tw2s; its 1.1.6 loader wants one entry per key.
  std::string rev;
  std::set<std::string> seen;
  for (const std::string& l : testing::ReadLines(src + "/TWVariants.txt")) {
    size_t tab = l.find('\t');
    std::istringstream values(l.substr(tab + 1));
    for (std::string v; values >> v;)
      if (seen.insert(v).second) rev += v + "\t" + l.substr(0, tab) + "\n";
  }
  testing::WriteFile(dir + "/TWVariantsRev.txt", rev);
  testing::WriteFile(dir + "/tw2s.json", R"({"name": "tw2s", "segmentation": {"type": "mmseg",
    "dict": {"type": "text", "file": "TSPhrases.txt"}}, "conversion_chain": [
    {"dict": {"type": "group", "dicts": [{"type": "text", "file": "TWVariantsRevPhrases.txt"},
                                         {"type": "text", "file": "TWVariantsRev.txt"}]}},
    {"dict": {"type": "group", "dicts": [{"type": "text", "file": "TSPhrases.txt"},
                                         {"type": "text", "file": "TSCharacters.txt"}]}}]})");
  opencc::SimpleConverter opencc(dir + "/tw2s.json");
  int ours = 0, theirs = 0, n = 0;
  for (const Pair& p : SentencePairs()) {
    if (p.kind != "tw" && p.kind != "name") continue;
    std::string a = T2S(p.in), b = opencc.Convert(p.in);
    ++n;
    ours += a == p.want;
    theirs += b == p.want;
    if (b == p.want) {
      EXPECT_EQ(a, b) << p.in;
    }
  }
  std::printf("[          ] exact: qingxi %d/%d, OpenCC tw2s %d/%d\n", ours, n, theirs, n);
  EXPECT_GE(ours, theirs);
  EXPECT_GT(n, 40);
}

// rules/script_chars.rules is generated data: a fresh run of its script over Debian's Unihan
// must reproduce it byte for byte.
TEST(ScriptChars, CommittedFileMatchesAFreshRunOverUnihan) {
  namespace fs = std::filesystem;
  if (!fs::exists("/usr/share/unicode/Unihan_Variants.txt.bz2") &&
      !fs::exists("/usr/share/unicode/Unihan.zip"))
    GTEST_SKIP() << "Debian's unicode-data (Unihan) is not installed; skipping";
  const std::string out = testing::TempDir() + "/script_chars.rules";
  ASSERT_EQ(testing::Run("/usr/bin/python3 " + testing::SourceDir() +
                         "/scripts/gen-script-chars.py --out " + out + " >/dev/null"),
            0);
  EXPECT_TRUE(testing::ReadFile(out) ==
              testing::ReadFile(testing::RulesDir() + "/script_chars.rules"))
      << "rules/script_chars.rules is stale: rerun scripts/gen-script-chars.py";
}

TEST(ScriptChars, ClassesFollowUnihanAndTheSimplifiedStandard) {
  for (char32_t c : {U'問', U'們', U'後', U'這', U'麵', U'裏', U'擡', U'爲'})
    EXPECT_TRUE(Conv().IsTraditionalOnly(c)) << static_cast<uint32_t>(c);
  for (char32_t c : {U'著', U'乾', U'干', U'于', U'后', U'里', U'面', U'沈', U'昇', U'瞭', U'氾'})
    EXPECT_FALSE(Conv().IsTraditionalOnly(c)) << static_cast<uint32_t>(c);
  EXPECT_GT(UnihanTraditionalOnly().size(), 6000u);
}

// --- real data ------------------------------------------------------------------------------

std::map<std::string, int> HanTokens(std::string_view s) {
  std::map<std::string, int> bag;
  for (size_t i = 0; i < s.size();) {
    size_t b = i;
    char32_t cp = utf8::Next(s, &i);
    if (utf8::IsHan(cp)) ++bag[std::string(s.substr(b, i - b))];
  }
  return bag;
}

// Share of the gold's Han tokens found in `text` (bag of characters, as the scorer counts).
double TokenRecall(std::string_view text, std::string_view gold) {
  auto got = HanTokens(text), want = HanTokens(gold);
  int hit = 0, total = 0;
  for (const auto& [tok, n] : want) {
    total += n;
    auto it = got.find(tok);
    if (it != got.end()) hit += std::min(n, it->second);
  }
  return total ? static_cast<double>(hit) / total : 0;
}

std::string FindById(const std::string& dir, const std::string& prefix, const std::string& ext) {
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) == 0 && e.path().extension() == ext) return e.path().string();
  }
  return "";
}

TEST(ConvertShared, TraditionalSeedsMatchGold) {
  QINGXI_REQUIRE_SHARED();
  const std::string shared = testing::SharedDir();
  for (const char* id : {"001", "003"}) {
    std::string seed = testing::ReadFile(FindById(shared + "/seeds", id, ".txt"));
    std::string gold = testing::ReadFile(FindById(shared + "/acceptance/gold", id, ".txt"));
    ASSERT_FALSE(seed.empty() || gold.empty()) << id;
    EXPECT_EQ(Conv().Detect(seed), Script::kHant) << id;
    std::string out = T2S(seed);
    // Every gold character is there after conversion (the seed also carries noise the cleaner
    // removes, so this is recall; before conversion it is far lower).
    EXPECT_GT(TokenRecall(out, gold), 0.97) << id;
    EXPECT_LT(TokenRecall(seed, gold), 0.8) << id;
  }
  std::string out003 = T2S(testing::ReadFile(FindById(shared + "/seeds", "003", ".txt")));
  EXPECT_NE(out003.find("着力打造经济升级版"), std::string::npos);
  EXPECT_EQ(out003.find("著力"), std::string::npos);
}

TEST(ConvertShared, SimplifiedGoldIsByteIdentical) {
  QINGXI_REQUIRE_SHARED();
  namespace fs = std::filesystem;
  const std::string shared = testing::SharedDir();
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(shared + "/acceptance/gold"))
    if (e.path().extension() == ".txt") files.push_back(e.path().string());
  const std::string daniel = shared + "/eval/daniel-zh";
  std::vector<std::string> manifest = testing::ReadLines(daniel + "/MANIFEST.tsv");
  for (const std::string& row : manifest) {
    std::istringstream in(row);
    std::string id, name, script;
    std::getline(in, id, '\t');
    std::getline(in, name, '\t');
    std::getline(in, script, '\t');
    if (script == "Hans") files.push_back(daniel + "/gold/" + id + ".txt");
  }

  ASSERT_GT(files.size(), 100u);
  for (const std::string& f : files) {
    std::string text = testing::ReadFile(f);
    ASSERT_FALSE(text.empty()) << f;
    EXPECT_TRUE(Conv().ToSimplified(text) == text) << f << " was altered";
    EXPECT_NE(Conv().Detect(text), Script::kHant) << f;
  }
}

TEST(ConvertCommand, ConvertsStdinLineForLine) {
  std::string dir = testing::TempDir();
  testing::WriteFile(dir + "/in.txt", "著力打造\n显著\n\n後來\n");
  std::string out;
  int rc = testing::Run(
      testing::BinaryPath() + " convert --rules " + testing::RulesDir() + " < " + dir + "/in.txt",
      &out);
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(out, "着力打造\n显著\n\n后来\n");
  EXPECT_EQ(testing::Run(testing::BinaryPath() + " convert --help", &out), 0);
  EXPECT_NE(out.find("--rules"), std::string::npos);
  EXPECT_EQ(
      testing::Run(testing::BinaryPath() + " convert --rules /nonexistent < /dev/null 2>&1", &out),
      2);
  EXPECT_EQ(testing::Run(testing::BinaryPath() + " convert --bogus < /dev/null 2>&1", &out), 2);
}

TEST(ConvertCommand, VocabOptionMapsRegionalWords) {
  std::string dir = testing::TempDir();
  testing::WriteFile(dir + "/in.txt", "這個軟體需要網路。\n");
  std::string out;
  const std::string bin = testing::BinaryPath() + " convert --rules " + testing::RulesDir();
  EXPECT_EQ(testing::Run(bin + " --vocab tw < " + dir + "/in.txt", &out), 0);
  EXPECT_EQ(out, "这个软件需要网络。\n");
  EXPECT_EQ(testing::Run(bin + " < " + dir + "/in.txt", &out), 0);
  EXPECT_EQ(out, "这个软体需要网路。\n");
  EXPECT_EQ(testing::Run(bin + " --vocab cn < /dev/null 2>&1", &out), 2);
  EXPECT_NE(out.find("--vocab"), std::string::npos) << out;

  // `clean` takes the same option.
  testing::WriteFile(dir + "/page.txt",
                     "軟體與網路的發展\n\n這個軟體需要網路連線才能使用，"
                     "我們公司的工程師正在改進它的介面。\n");
  const std::string clean = testing::BinaryPath() + " clean -q --rules " + testing::RulesDir() +
                            " --in text " + dir + "/page.txt";
  EXPECT_EQ(testing::Run(clean + " --vocab tw", &out), 0);
  EXPECT_NE(out.find("软件需要网络连接"), std::string::npos) << out;
  EXPECT_EQ(testing::Run(clean, &out), 0);
  EXPECT_NE(out.find("软体需要网路连线"), std::string::npos) << out;
}

}  // namespace
}  // namespace qingxi
