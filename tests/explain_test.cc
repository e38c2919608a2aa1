// Explanations (qingxi/explain.h): every line of a document's visible text is either kept or
// accounted for by a removal with a reason; the reasons name their rules; explaining changes
// nothing in the output; `qingxi clean --explain` writes one line per record, in their order.
#include "qingxi/explain.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dom.h"
#include "qingxi/charset.h"
#include "qingxi/pipeline.h"
#include "qingxi/utf8.h"
#include "test_util.h"

namespace qingxi {
namespace {

using testing::BinaryPath;
using testing::ReadFile;
using testing::RulesDir;
using testing::RunCommand;
using testing::SourceDir;
using testing::TempDir;
using testing::WriteFile;

std::shared_ptr<const Pipeline> MakePipeline(bool convert) {
  PipelineOptions opt;
  opt.rules_dir = RulesDir();
  opt.convert = convert;
  auto p = Pipeline::Create(opt);
  EXPECT_TRUE(p.ok()) << p.status().message();
  return p.value();
}

// `bytes` (named `source`) through `pipeline`, explained into *ex.
Record Process(const Pipeline& pipeline, std::string_view bytes, const std::string& source,
               InputKind kind, Explanation* ex) {
  InputDocument doc;
  doc.id = source;
  doc.source = source;
  doc.bytes = bytes;
  doc.kind = kind;
  doc.name_hint = source;
  return pipeline.Process(doc, ex);
}

// Without any white space (U+3000 and no-break spaces too): extraction collapses and trims it.
std::string Squeeze(std::string_view s) { return utf8::RemoveSpace(s); }

// The text a reader sees, block by block: for HTML the text nodes under the same nearest block
// element (outside script, style, template, noscript and <head>), for text every non-blank line.
std::vector<std::string> VisibleBlocks(const std::string& bytes, bool html) {
  DecodeOptions d;
  d.is_html = html;
  auto decoded = DecodeToUtf8(bytes, d);
  EXPECT_TRUE(decoded.ok());
  std::vector<std::string> blocks;
  if (!html) {
    std::string_view t = decoded->utf8;
    for (size_t pos = 0; pos <= t.size();) {
      size_t nl = std::min(t.find('\n', pos), t.size());
      std::string line = Squeeze(t.substr(pos, nl - pos));
      if (!line.empty()) blocks.push_back(line);
      pos = nl + 1;
    }
    return blocks;
  }
  auto doc = dom::Document::Parse(decoded->utf8, dom::ParseLimits());
  EXPECT_TRUE(doc.ok());
  const auto& nodes = (*doc)->nodes();
  uint32_t current = ~0u;
  std::string block;
  for (uint32_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].type != dom::NodeType::kText) continue;
    bool invisible = false;
    uint32_t owner = 0;
    for (uint32_t a = nodes[i].parent;; a = nodes[a].parent) {
      const std::string_view name = nodes[a].name;
      if (name == "script" || name == "style" || name == "template" || name == "noscript" ||
          name == "head" || name == "title")
        invisible = true;
      if (owner == 0 && name != "a" && name != "span" && name != "b" && name != "strong" &&
          name != "em" && name != "i" && name != "font" && name != "u" && name != "small" &&
          name != "code" && name != "sup" && name != "sub")
        owner = a;
      if (a == 0 || nodes[a].parent == a) break;
    }
    if (invisible) continue;
    if (owner != current && !block.empty()) {
      blocks.push_back(block);
      block.clear();
    }
    current = owner;
    block += Squeeze(nodes[i].text);
  }
  if (!block.empty()) blocks.push_back(block);
  return blocks;
}

// What of `block` is neither in the kept text nor in a removal ("" when all is accounted for).
// The block is split at every removal found inside it; every piece left must then lie inside
// the kept text or inside a removal (a removal may span several blocks).
std::string Unaccounted(const std::string& block, const std::string& kept,
                        const std::vector<std::string>& removed) {
  std::vector<std::string> pieces = {block};
  // Longest first, so that a short removal ("陈某") does not split a longer one that holds it.
  std::vector<std::string> by_length = removed;
  std::sort(by_length.begin(), by_length.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  for (const std::string& r : by_length) {
    if (r.empty()) continue;
    std::vector<std::string> next;
    for (const std::string& p : pieces) {
      size_t from = 0;
      for (size_t at; (at = p.find(r, from)) != std::string::npos; from = at + r.size())
        if (at > from) next.push_back(p.substr(from, at - from));
      if (from < p.size()) next.push_back(p.substr(from));
    }
    pieces.swap(next);
  }
  std::string missing;
  for (const std::string& p : pieces) {
    bool found = kept.find(p) != std::string::npos;
    for (size_t k = 0; !found && k < removed.size(); ++k)
      found = removed[k].find(p) != std::string::npos;
    if (!found) missing += "[" + p + "]";
  }
  return missing;
}

// Checks every visible block of every page in `dir`; returns the number of pages checked.
int CheckAccounting(const std::string& dir, int max_pages) {
  auto pipeline = MakePipeline(/*convert=*/false);
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  int pages = 0;
  for (const auto& path : files) {
    if (pages >= max_pages) break;
    const std::string ext = path.extension().string();
    if (ext != ".html" && ext != ".htm" && ext != ".txt") continue;
    const bool html = ext != ".txt";
    const std::string bytes = ReadFile(path.string());
    Explanation ex;
    Record r =
        Process(*pipeline, bytes, path.string(), html ? InputKind::kHtml : InputKind::kText, &ex);
    EXPECT_FALSE(r.is_error()) << path << ": " << r.error;
    const std::string kept = Squeeze(r.title + r.text);
    std::vector<std::string> removed;
    for (const Removal& x : ex.removed) {
      EXPECT_FALSE(x.reason.empty()) << path << ": a removal without a reason: " << x.text;
      removed.push_back(Squeeze(x.text));
    }
    for (const std::string& block : VisibleBlocks(bytes, html)) {
      std::string missing = Unaccounted(block, kept, removed);
      EXPECT_EQ(missing, "") << path << ": text neither kept nor explained, in block: "
                             << block.substr(0, 300);
    }
    ++pages;
  }
  return pages;
}

TEST(ExplainTest, EveryVisibleLineOfEverySampleIsKeptOrExplained) {
  EXPECT_GE(CheckAccounting(SourceDir() + "/samples/pages", 1000), 40);
}

TEST(ExplainTest, EveryVisibleLineOfTheDevPagesIsKeptOrExplained) {
  QINGXI_REQUIRE_SHARED();
  EXPECT_GE(CheckAccounting(testing::SharedDir() + "/eval/daniel-zh/html", 1000), 200);
  EXPECT_GE(CheckAccounting(testing::SharedDir() + "/eval/daniel-zh-text/txt", 1000), 200);
}

// A text page with one line of each kind a line rule removes, and a body that stays.
constexpr const char* kNoisyText =
    "首页 > 新闻中心 > 地方新闻\n"
    "县农业农村局召开春耕生产推进会\n"
    "来源：县农业农村局  发布时间：2023-03-02 09:30\n"
    "3月1日，县农业农村局召开春耕生产推进会，部署全县春耕备耕工作。\n"
    "会议要求，各乡镇要抓好种子、化肥、农药等农资储备，确保春耕生产顺利进行。\n"
    "会议强调，要加强农业技术指导，组织农技人员深入田间地头开展服务。\n"
    "分享到：微信 微博 QQ空间\n"
    "澳门赌场 网上赌场 百家乐 真人娱乐 在线投注\n"
    "相关新闻\n"
    "县里召开防汛会议\n"
    "乡镇开展植树活动\n";

std::vector<Removal> Explain(const std::string& text, Record* out = nullptr) {
  auto pipeline = MakePipeline(/*convert=*/true);
  Explanation ex;
  Record r = Process(*pipeline, text, "t.txt", InputKind::kText, &ex);
  if (out) *out = r;
  return ex.removed;
}

const Removal* Find(const std::vector<Removal>& removed, std::string_view text) {
  for (const Removal& r : removed)
    if (r.text.find(text) != std::string::npos) return &r;
  return nullptr;
}

TEST(ExplainTest, LineRulesNameTheirFileLineAndDirective) {
  Record rec;
  auto removed = Explain(kNoisyText, &rec);
  ASSERT_NE(rec.text.find("春耕备耕工作"), std::string::npos);
  struct Want {
    const char* text;
    const char* reason;
    const char* rule;
  };
  for (const Want& w :
       {Want{"首页 > 新闻中心", "breadcrumb", "nav.rules:"},
        Want{"来源：县农业农村局", "metadata", "meta.rules:"},
        Want{"分享到", "share", "meta.rules:"}, Want{"澳门赌场", "spam", "spam.rules:"},
        Want{"相关新闻", "related_heading", "related.rules:"},
        Want{"县里召开防汛会议", "related_item", "related_item_max_chars"},
        Want{"县农业农村局召开春耕生产推进会", "title", "title"}}) {
    const Removal* r = Find(removed, w.text);
    ASSERT_NE(r, nullptr) << "no removal for " << w.text;
    EXPECT_EQ(r->reason, w.reason) << w.text;
    EXPECT_EQ(r->stage, Stage::kClean) << w.text;
    EXPECT_NE(r->rule.find(w.rule), std::string::npos) << w.text << ": " << r->rule;
  }
  // The spam rule lists the phrases that hit, each with its line in spam.rules.
  const Removal* spam = Find(removed, "澳门赌场");
  EXPECT_NE(spam->rule.find("phrase "), std::string::npos) << spam->rule;
  EXPECT_NE(spam->rule.find("spam_min_hits"), std::string::npos) << spam->rule;
  // Kept sentences are never reported.
  EXPECT_EQ(Find(removed, "农资储备"), nullptr);
}

TEST(ExplainTest, RuleLineNumbersPointAtTheRule) {
  // The rule named for the share line is the entry of meta.rules at that line.
  auto removed = Explain(kNoisyText);
  const Removal* r = Find(removed, "分享到");
  ASSERT_NE(r, nullptr);
  const size_t colon = r->rule.find("meta.rules:");
  ASSERT_NE(colon, std::string::npos);
  const int line = std::stoi(r->rule.substr(colon + 11));
  std::vector<std::string> lines = testing::ReadLines(RulesDir() + "/meta.rules");
  ASSERT_GE(static_cast<int>(lines.size()), line);
  EXPECT_EQ(lines[line - 1].rfind("share", 0), 0u) << lines[line - 1];
}

TEST(ExplainTest, InLineCutsReportTheSpan) {
  // A watermark pasted into three sentences, and pinyin flattened after characters.
  const std::string text =
      "各位家长好。\n"
      "开学前要检查孩子的作业，第一范文网 www.diyifanwen.com 整理，并签字确认。\n"
      "每天按时到校，第一范文网 www.diyifanwen.com 整理，不得迟到早退。\n"
      "放学后注意交通安全，第一范文网 www.diyifanwen.com 整理，按时回家。\n"
      "这学期我们开(kāi)展(zhǎn)读书活动，请家长配合。\n";
  Record rec;
  auto removed = Explain(text, &rec);
  int watermarks = 0;
  for (const Removal& r : removed)
    if (r.reason == "watermark") {
      ++watermarks;
      EXPECT_NE(r.text.find("diyifanwen"), std::string::npos) << r.text;
    }
  EXPECT_EQ(watermarks, 3);
  EXPECT_EQ(rec.text.find("diyifanwen"), std::string::npos);
  const Removal* pinyin = Find(removed, "(kāi)");
  ASSERT_NE(pinyin, nullptr);
  EXPECT_EQ(pinyin->reason, "pinyin");
  EXPECT_NE(rec.text.find("开展读书活动"), std::string::npos) << rec.text;
}

TEST(ExplainTest, HtmlDecisionsAreNamed) {
  const std::string html =
      "<html><head><title>秋收工作会议召开</title></head><body>"
      "<nav><a href=/>首页</a> <a href=/n>新闻</a></nav>"
      "<div class=\"breadcrumb\">首页 &gt; 新闻 &gt; 正文</div>"
      "<div class=\"article\"><h1>秋收工作会议召开</h1>"
      "<p>10月8日，市里召开秋收工作会议，总结今年粮食生产情况，部署下一阶段工作。</p>"
      "<p>会议指出，今年全市粮食播种面积稳中有增，单产水平明显提高，秋粮丰收已成定局。</p>"
      "<p>会议要求，各地要抓住晴好天气，组织农机抢收抢晒，确保颗粒归仓，减少损失。</p>"
      "<p hidden>这段文字不应出现。</p>"
      "</div>"
      "<div class=\"comment-list\"><p>网友甲：写得好，支持一下，希望多报道。</p></div>"
      "<footer>版权所有 某某网</footer>"
      "<script>var x = '<p>不是正文</p>';</script>"
      "</body></html>";
  auto pipeline = MakePipeline(/*convert=*/true);
  Explanation ex;
  Record r = Process(*pipeline, html, "h.html", InputKind::kHtml, &ex);
  ASSERT_FALSE(r.is_error());
  auto reason_of = [&](std::string_view text) -> std::string {
    const Removal* x = Find(ex.removed, text);
    return x ? x->reason + " | " + x->rule : "(none)";
  };
  // Rules are named by file, line, directive and value.
  EXPECT_NE(reason_of("新闻").find("dropped_tag | html.rules:"), std::string::npos)
      << reason_of("新闻");
  EXPECT_NE(reason_of("新闻").find(" drop_tag nav"), std::string::npos) << reason_of("新闻");
  EXPECT_NE(reason_of("正文").find("class_hint | <div class=\"breadcrumb\">: html.rules:"),
            std::string::npos)
      << reason_of("正文");
  EXPECT_NE(reason_of("正文").find(" remove "), std::string::npos) << reason_of("正文");
  EXPECT_NE(reason_of("这段文字").find("hidden"), std::string::npos) << reason_of("这段文字");
  EXPECT_NE(reason_of("网友甲").find("comment"), std::string::npos) << reason_of("网友甲");
  EXPECT_NE(reason_of("版权所有").find("footer"), std::string::npos) << reason_of("版权所有");
  // Script text is not visible text: not reported.
  EXPECT_EQ(Find(ex.removed, "不是正文"), nullptr);
  for (const Removal& x : ex.removed) EXPECT_NE(x.stage, Stage::kConvert);
}

TEST(ExplainTest, ExplainingChangesNoRecord) {
  auto pipeline = MakePipeline(/*convert=*/true);
  for (const auto& e : std::filesystem::directory_iterator(SourceDir() + "/samples/pages")) {
    const std::string bytes = ReadFile(e.path().string());
    InputDocument doc;
    doc.id = e.path().filename().string();
    doc.source = e.path().string();
    doc.bytes = bytes;
    doc.name_hint = doc.source;
    Explanation ex;
    EXPECT_EQ(ToJsonLine(pipeline->Process(doc)), ToJsonLine(pipeline->Process(doc, &ex)))
        << doc.source;
  }
}

TEST(ExplainTest, ConversionAndDecodingAreCounted) {
  auto pipeline = MakePipeline(/*convert=*/true);
  const std::string text =
      "這是一個關於農業發展的報告，內容豐富。\n今年糧食產量創新高，農民收入持續增長。\n";
  Explanation ex;
  Record r = Process(*pipeline, text, "c.txt", InputKind::kText, &ex);
  EXPECT_NE(r.text.find("农业发展"), std::string::npos);
  EXPECT_GE(ex.converted_chars, 10u);
  // Invalid UTF-8 bytes in a page declared UTF-8 are counted by the decoder.
  const std::string broken =
      "<html><head><meta charset=utf-8></head><body><p>今年粮食产量\xff\xfe"
      "创新高，农民收入持续增长，农村面貌焕然一新。</p></body></html>";
  Explanation hex;
  Process(*pipeline, broken, "broken.html", InputKind::kHtml, &hex);
  EXPECT_GE(hex.decode_replacements, 1u);
  ASSERT_FALSE(hex.removed.empty());
  EXPECT_EQ(hex.removed.front().stage, Stage::kDecode);
  EXPECT_EQ(hex.removed.front().reason, "invalid_bytes");
}

TEST(ExplainTest, LimitsAreExplained) {
  std::string html = "<html><body><div class=article>";
  for (int i = 0; i < 400; ++i)
    html +=
        "<p>第" + std::to_string(i) + "段：今年全市粮食播种面积稳中有增，单产水平明显提高。</p>";
  html += "</div></body></html>";
  PipelineOptions opt;
  opt.rules_dir = RulesDir();
  opt.max_input_bytes = html.size() / 2;
  opt.limits.max_nodes = 200;
  auto p = Pipeline::Create(opt);
  ASSERT_TRUE(p.ok());
  Explanation ex;
  Record r = Process(**p, html, "long.html", InputKind::kHtml, &ex);
  bool input_cut = false, nodes_cut = false;
  for (const Removal& x : ex.removed) {
    if (x.reason != "truncated") continue;
    input_cut |= x.stage == Stage::kDecode && x.rule.find("--max-bytes") != std::string::npos;
    nodes_cut |= x.stage == Stage::kExtract && x.rule.find("node limit 200") != std::string::npos;
  }
  EXPECT_TRUE(input_cut);
  EXPECT_TRUE(nodes_cut);
  EXPECT_NE(std::find(r.flags.begin(), r.flags.end(), "truncated"), r.flags.end());
}

TEST(ExplainTest, CleanExplainWritesOneLinePerRecordInOrder) {
  const std::string dir = TempDir();
  const std::string cmd = BinaryPath() + " clean -q --threads 3 " + SourceDir() +
                          "/samples/pages -o " + dir + "/out.jsonl --explain " + dir +
                          "/explain.jsonl";
  ASSERT_EQ(RunCommand(cmd), 0) << cmd;
  EXPECT_FALSE(std::filesystem::exists(dir + "/explain.jsonl.partial"));
  auto records = testing::ReadLines(dir + "/out.jsonl");
  auto explained = testing::ReadLines(dir + "/explain.jsonl");
  ASSERT_EQ(records.size(), explained.size());
  ASSERT_GE(records.size(), 40u);
  size_t with_removals = 0;
  for (size_t i = 0; i < records.size(); ++i) {
    auto rec = nlohmann::json::parse(records[i]);
    auto exp = nlohmann::json::parse(explained[i]);
    EXPECT_EQ(rec["id"], exp["id"]);
    EXPECT_EQ(rec["source"], exp["source"]);
    ASSERT_TRUE(exp["removed"].is_array());
    for (const auto& x : exp["removed"]) {
      EXPECT_TRUE(x.contains("text") && x.contains("stage") && x.contains("reason") &&
                  x.contains("rule"));
      EXPECT_FALSE(x["reason"].get<std::string>().empty());
    }
    with_removals += !exp["removed"].empty();
  }
  EXPECT_GE(with_removals, records.size() - 2);
  // Without --explain the records are byte for byte the same.
  ASSERT_EQ(RunCommand(BinaryPath() + " clean -q --threads 1 " + SourceDir() +
                       "/samples/pages -o " + dir + "/plain.jsonl"),
            0);
  EXPECT_EQ(ReadFile(dir + "/plain.jsonl"), ReadFile(dir + "/out.jsonl"));
}

// A run killed half-way: the explanations resume with the records, or are refused.
TEST(ExplainTest, CleanExplainResumesWithTheRecords) {
  const std::string dir = TempDir();
  const std::string page = SourceDir() + "/samples/pages/01-news-utf8-meta.html";
  const std::string late = SourceDir() + "/samples/pages/06-speech-paywall-utf8.html";
  // The second input is a FIFO nobody writes yet: the run writes the first record, then blocks
  // until `timeout` kills it.
  const std::string fifo = dir + "/z-late.html";
  ASSERT_EQ(RunCommand("mkfifo " + fifo), 0);
  const std::string out = dir + "/out.jsonl", exp = dir + "/explain.jsonl";
  const std::string args = page + " " + fifo + " -o " + out + " --explain " + exp;
  EXPECT_EQ(RunCommand("timeout -s KILL 3 " + BinaryPath() + " clean -q " + args), 128 + 9);
  ASSERT_EQ(testing::ReadLines(out + ".partial").size(), 1u);
  ASSERT_EQ(testing::ReadLines(exp + ".partial").size(), 1u);
  // Without the explanations of the first run, resuming would leave a record unexplained.
  std::filesystem::rename(exp + ".partial", dir + "/saved");
  std::string msg;
  EXPECT_EQ(RunCommand("timeout 20 " + BinaryPath() + " clean " + args + " 2>&1", &msg), 2);
  EXPECT_NE(msg.find("--restart"), std::string::npos) << msg;
  std::filesystem::rename(dir + "/saved", exp + ".partial");
  // The same command finishes both.
  EXPECT_EQ(RunCommand("(sleep 1; cat " + late + " > " + fifo + ") & timeout 20 " + BinaryPath() +
                       " clean -q " + args + "; rc=$?; wait; exit $rc"),
            0);
  auto records = testing::ReadLines(out);
  auto explained = testing::ReadLines(exp);
  ASSERT_EQ(records.size(), 2u);
  ASSERT_EQ(explained.size(), 2u);
  for (size_t i = 0; i < 2; ++i)
    EXPECT_EQ(nlohmann::json::parse(records[i])["source"],
              nlohmann::json::parse(explained[i])["source"]);
  EXPECT_FALSE(std::filesystem::exists(exp + ".partial"));
}

TEST(ExplainTest, CleanExplainRefusesTheOutputFile) {
  const std::string dir = TempDir();
  EXPECT_EQ(RunCommand(BinaryPath() + " clean -q " + SourceDir() +
                       "/samples/pages/01-news-utf8-meta.html -o " + dir + "/a.jsonl --explain " +
                       dir + "/a.jsonl 2>/dev/null"),
            2);
  EXPECT_EQ(RunCommand(BinaryPath() + " clean -q " + SourceDir() +
                       "/samples/pages/01-news-utf8-meta.html --explain " + dir +
                       "/no/such/dir/e.jsonl 2>/dev/null"),
            2);
}

}  // namespace
}  // namespace qingxi
