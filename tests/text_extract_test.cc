// Tests for main-content detection in flattened text (qingxi/text_extract.h, clean/text_extract.cc,
// clean/text_lines.h): each decision on small pages, the dumps in tests/data/text through the whole
// pipeline, hostile inputs, rule-file errors, and the quality floor on ../shared's text dumps.
#include "qingxi/text_extract.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "qingxi/pipeline.h"
#include "test_util.h"
#include "text_lines.h"

namespace qingxi {
namespace {

using ::testing::Contains;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

std::shared_ptr<const TextExtractor> Extractor() {
  static auto* ex = [] {
    auto r = TextExtractor::Create(testing::RulesDir());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return new std::shared_ptr<const TextExtractor>(r.ok() ? r.value() : nullptr);
  }();
  return *ex;
}

ExtractedPage MustExtract(std::string_view text) {
  auto r = Extractor()->Extract(text, ExtractLimits());
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? r.value() : ExtractedPage();
}

std::string Joined(const ExtractedPage& p) {
  std::string out;
  for (const auto& s : p.paragraphs) out += s + "\n";
  return out;
}

std::shared_ptr<const Pipeline> Pipe() {
  static auto* p = [] {
    PipelineOptions opt;
    opt.rules_dir = testing::RulesDir();
    auto r = Pipeline::Create(opt);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return new std::shared_ptr<const Pipeline>(r.ok() ? r.value() : nullptr);
  }();
  return *p;
}

Record CleanText(const std::string& text, const std::string& id = "t") {
  InputDocument doc;
  doc.id = id;
  doc.source = id;
  doc.bytes = text;
  doc.kind = InputKind::kText;
  return Pipe()->Process(doc);
}

// The story every page below carries.
const char kStory[] =
    "　　本报讯 市园林局昨日宣布，经过半年改造的滨河公园和东湖公园今起重新开放，新增步道三公里、"
    "座椅两百余个，并增设了儿童游乐区和无障碍通道。\n"
    "　　据介绍，改造工程保留了园内原有的古树和湖面，重点更新了照明和排水设施。市民可在每日六时至"
    "二十二时入园，节假日延长一小时。\n"
    "　　园林局相关负责人表示，下一步还将对城西三座社区公园进行提升，预计明年上半年完工。\n";

// --- line shapes -------------------------------------------------------------------------------

TEST(TextLinesTest, LineShapes) {
  auto menu = textmode::MeasureLine("国内 | 国际 | 社会 | 军事 | 财经");
  EXPECT_EQ(menu.items, 5);
  EXPECT_EQ(menu.stops + menu.commas, 0);
  auto dots = textmode::MeasureLine("· 财经 · 科技 · 汽车 · 房产");
  EXPECT_EQ(dots.items, 4);
  auto tokens = textmode::MeasureLine("[W020111209] [搜索] [                    ]");
  EXPECT_EQ(tokens.brackets, 3);
  EXPECT_EQ(tokens.value, 0u);
  auto numbered = textmode::MeasureLine("1. 城西新建三所小学今秋招生");
  EXPECT_TRUE(numbered.numbered);
  EXPECT_EQ(numbered.stops, 0) << "an item number's dot is not a full stop";
  auto prose = textmode::MeasureLine("市园林局昨日宣布，滨河公园今起重新开放。");
  EXPECT_EQ(prose.stops, 1);
  EXPECT_EQ(prose.commas, 1);
  EXPECT_FALSE(prose.inner_stop);
  EXPECT_TRUE(textmode::MeasureLine("• 2023-05-18 09:12").bullet);
  EXPECT_TRUE(textmode::MeasureLine("• 2023-05-18 09:12").date);
  EXPECT_TRUE(textmode::MeasureLine("2011年12月9日").date);
  EXPECT_FALSE(textmode::MeasureLine("评论18564条").date);
  // Dashes and slashes part items between words, not inside dates, units or fractions.
  EXPECT_EQ(textmode::MeasureLine("国际-国内-社会").items, 3);
  EXPECT_EQ(textmode::MeasureLine("菌落总数cfu/g(≤1500/2000)  2011-12-09").items, 2);
}

TEST(TextLinesTest, HardWrapsOfAFixedWidthDumpAreUndone) {
  // Three paragraphs wrapped at 40 columns (20 wide characters), as `w3m -cols 40` writes them.
  const std::string text =
      "第一段的文字写得很长很长，一直写到行尾才\n被终端在这里折断了。\n\n"
      "第二段同样写得很长很长，也是写到行尾时才\n被折断，后半句在下一行。\n\n"
      "第三段也写得非常非常长，直到四十列的地方\n才断开，剩下的另起一行。\n\n短行不受影响。\n";
  auto lines = textmode::SplitPageLines(text, textmode::WrapOptions{20, 2, 3});
  std::vector<std::string> got;
  for (const auto& l : lines)
    if (!l.text.empty()) got.emplace_back(l.text);
  EXPECT_THAT(got,
              ElementsAreArray({"第一段的文字写得很长很长，一直写到行尾才被终端在这里折断了。",
                                "第二段同样写得很长很长，也是写到行尾时才被折断，后半句在下一行。",
                                "第三段也写得非常非常长，直到四十列的地方才断开，剩下的另起一行。",
                                "短行不受影响。"}));
}

TEST(TextLinesTest, LinesOfUnequalLengthAreNotAWrap) {
  // Plain text whose long lines end at different widths (a WET record) stays line for line.
  const std::string text =
      "第一段写完了，后面还有第二段。\n第二段比第一段长一些，它也写完了。\n"
      "第三段最长，写了好几个分句，然后结束。\n第四段。\n";
  auto lines = textmode::SplitPageLines(text, textmode::WrapOptions{10, 2, 3});
  EXPECT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].text, "第一段写完了，后面还有第二段。");
}

// --- the main block ------------------------------------------------------------------------------

TEST(TextExtractTest, NavigationOneLinkALineIsDropped) {
  // A WET record: the menu's links each on a line of their own, then the story, then the footer.
  std::string page = "首页\n新闻\n体育\n财经\n娱乐\n汽车\n房产\n科技\n";
  page += "城区两座公园完成改造今起开放\n2023-04-01 08:00 来源：晨报\n";
  page += kStory;
  page += "关于我们\n联系方式\n广告服务\n网站地图\n";
  auto p = MustExtract(page);
  const std::string text = Joined(p);
  EXPECT_THAT(text, HasSubstr("新增步道三公里"));
  EXPECT_THAT(text, HasSubstr("预计明年上半年完工。"));
  for (const char* nav : {"首页", "体育", "房产", "关于我们", "网站地图"})
    EXPECT_THAT(text, Not(HasSubstr(nav))) << nav;
  EXPECT_EQ(p.title, "城区两座公园完成改造今起开放");
}

TEST(TextExtractTest, LinkListsOfEveryShapeAreDropped) {
  std::string page =
      "| 国内 | 国际 | 社会 | 军事 | 财经 |\n"
      "· 科技 · 汽车 · 房产 · 教育 · 健康\n"
      "  • 滚动新闻\n  • 图片新闻\n  • 专题报道\n"
      "城区两座公园完成改造今起开放\n";
  page += kStory;
  page +=
      "[1] [2] [3] [4] 下一页\n"
      "相关新闻\n"
      "  • 城西社区公园提升方案公示\n  • 东湖周边道路周末临时管制\n  • 全市新增口袋公园二十处\n"
      "[W0202304010] [icon_7] [icon_4]\n";
  const std::string text = Joined(MustExtract(page));
  EXPECT_THAT(text, HasSubstr("并增设了儿童游乐区和无障碍通道。"));
  for (const char* nav : {"国际", "汽车", "滚动新闻", "下一页", "口袋公园", "icon_7"})
    EXPECT_THAT(text, Not(HasSubstr(nav))) << nav;
}

TEST(TextExtractTest, FooterAndCommentBoxAfterTheTextAreDropped) {
  std::string page = "晨报网 | 新闻 | 财经 | 体育 | 娱乐\n城区两座公园完成改造今起开放\n";
  page += kStory;
  page +=
      "网友评论\n用户名： [晨报网友  ]\n[请文明上网、理性发言]\n[发表评论]\n"
      "关于我们 | 联系方式 | 广告服务 | 网站地图 | 版权声明\n"
      "晨报网版权所有 未经授权禁止转载 ICP备12345678号\n";
  const std::string text = Joined(MustExtract(page));
  EXPECT_THAT(text, HasSubstr("市民可在每日六时至二十二时入园"));
  for (const char* noise : {"网友评论", "用户名", "文明上网", "版权声明", "ICP备"})
    EXPECT_THAT(text, Not(HasSubstr(noise))) << noise;
}

TEST(TextExtractTest, TitleIsTheEchoedLineAboveTheDateNotTheFirstShortLine) {
  // The first short line is the site's name, the nearest one a box heading; the title is the
  // line the breadcrumb echoes, with the dateline under it.
  std::string page =
      "晨报网\n"
      "新闻 | 财经 | 体育 | 娱乐\n"
      "晨报网 > 新闻 > 城区两座公园完成改造今起开放\n"
      "城区两座公园完成改造今起开放\n"
      "2023-04-01 08:00 来源：晨报\n"
      "热点专题\n";
  page += kStory;
  page +=
      "  • 城西社区公园提升方案公示\n  • 东湖周边道路周末临时管制\n  • 全市新增口袋公园二十处\n";
  auto p = MustExtract(page);
  EXPECT_EQ(p.title, "城区两座公园完成改造今起开放");
  // The dateline comes along so that the cleaner can take the date from it.
  EXPECT_THAT(p.paragraphs, Contains("2023-04-01 08:00 来源：晨报"));
  Record r = CleanText(page);
  EXPECT_EQ(r.title, "城区两座公园完成改造今起开放");
  EXPECT_EQ(r.date.rfind("2023-04-01", 0), 0u) << r.date;
  EXPECT_THAT(r.text, Not(HasSubstr("热点专题")));
}

TEST(TextExtractTest, AShortLinkAboveTheBlockIsNotTheTitleAHeadlineOverItsDatelineIs) {
  // "手机客户端" is a link of the top bar; the headline ends in "！" and reads like prose, but the
  // dateline under it makes it the title.
  std::string page =
      "  • 首页\n  • 资讯\n  • 游戏\n  • 商城\n  • 攻略\n"
      "[输入搜索内容        ] [SUBMIT]\n"
      "手机客户端\n"
      "城区两座公园完成改造，今起重新开放！\n"
      "2023-04-01 08:00 晨报[整理]\n";
  page += kStory;
  auto p = MustExtract(page);
  EXPECT_EQ(p.title, "城区两座公园完成改造，今起重新开放！");
  EXPECT_THAT(Joined(p), Not(HasSubstr("手机客户端")));
  Record r = CleanText(page);
  EXPECT_EQ(r.title, "城区两座公园完成改造，今起重新开放！");
  EXPECT_THAT(r.text, Not(HasSubstr("今起重新开放！")));  // the title is not repeated in the text
}

TEST(TextExtractTest, ShortStoryUnderItsDatelineBeatsTheSidebarTeasers) {
  // A two-sentence story; the sidebar below has more prose-looking teasers than the story has.
  std::string page =
      "晨报网 | 新闻 | 财经 | 体育 | 娱乐\n"
      "西直门商场外墙起火已被扑灭\n2011-12-15 20:06   来源：新华社\n[2011121520]\n"
      "12月15日，消防车停在商场外。新华社发\n"
      "12月15日，西城区一商场施工现场发生火灾。截至记者发稿时，大火已被扑灭，无人员伤亡。\n"
      "123456 下一页\n微言博议\n更多>>\n"
      "[2011120612]\n【副总裁做客解读近期地铁故障】地铁与市民的出行，故障频发原因何在…… [详情]\n"
      "[2011111517]\n【做客谈未来布局】楼市所谓拐点是否已经到来，专家这样看…… [详情]\n"
      "[2011111410]\n【追梦人：歌手大赛背后的人生故事】第六届大赛，选手们怎么说…… [详情]\n"
      "简介：关注身边事，关注你我他\n";
  const std::string text = Joined(MustExtract(page));
  EXPECT_THAT(text, HasSubstr("截至记者发稿时，大火已被扑灭"));
  EXPECT_THAT(text, Not(HasSubstr("做客")));
  EXPECT_THAT(text, Not(HasSubstr("简介")));
}

TEST(TextExtractTest, AlreadyCleanTextIsReturnedWhole) {
  // A plain report: a title line, subheadings, a numbered list, a table's rows, a short closing
  // line. Nothing is removed and no title is chosen here (the cleaner's own rules decide).
  const std::vector<std::string> lines = {
      "全市公园改造工作总结",
      "一、基本情况",
      "今年以来，全市共完成公园改造十二处，新增绿地面积八十余公顷，群众满意度明显提升。",
      "二、主要做法",
      "1、统一规划",
      "2、分步实施",
      "3、群众参与",
      "滨河公园：新建环湖步道和夜间照明，2023年3月完工",
      "东湖公园：更新排水管网和休息座椅，2023年4月完工",
      "三、下一步打算",
      "下一步，我们将继续推进社区公园提升，力争明年上半年全部完工。",
      "特此报告。",
  };
  std::string page;
  for (const auto& l : lines) page += l + "\n";
  auto p = MustExtract(page);
  EXPECT_THAT(p.paragraphs, ElementsAreArray(lines));
  EXPECT_THAT(p.title, IsEmpty());
}

TEST(TextExtractTest, ForumThreadKeepsEveryReply) {
  const std::string page =
      "[logo] 家园论坛 › 数码讨论 › 笔记本电脑\n首页 | 论坛 | 群组 | 排行榜 | 帮助\n"
      "笔记本电池不耐用了，换电池还是换电脑？\n"
      "楼主 发表于 2023-6-2 20:15 | 只看该作者\n"
      "笔记本用了三年，现在充满电只能撑一个多小时，平时主要写文档和看视频，大家觉得哪个划算？\n"
      "回复 引用 举报\n"
      "沙发 发表于 2023-6-2 20:41 | 只看该作者\n"
      "只是电池不行就换电池，四百块再用两年很值。换之前把系统重装一下，速度也能快一些。\n"
      "回复 引用 举报\n"
      "板凳 发表于 2023-6-3 08:30 | 只看该作者\n"
      "同意，支持楼主！\n"
      "使用道具 举报\n返回列表 发新帖\n  • 热门帖子\n  • 新手入门\n  • 论坛规则\n";
  const std::string text = Joined(MustExtract(page));
  EXPECT_THAT(text, HasSubstr("大家觉得哪个划算？"));
  EXPECT_THAT(text, HasSubstr("四百块再用两年很值。"));
  EXPECT_THAT(text, HasSubstr("同意，支持楼主！"));
  EXPECT_THAT(text, Not(HasSubstr("热门帖子")));
  EXPECT_THAT(text, Not(HasSubstr("排行榜")));
}

TEST(TextExtractTest, NoticeKeepsItsSignature) {
  std::string page =
      "[gov_logo]\n首页 | 政务公开 | 办事服务 | 互动交流 | 走进本区\n"
      "当前位置：首页 > 政务公开 > 通知公告\n"
      "关于城区公园开放时间调整的通知\n发布时间：2023-04-01 来源：园林局\n"
      "【字体：大 中 小】 【打印】 【关闭】\n各有关单位：\n";
  page += kStory;
  page +=
      "附件：公园开放时间表.xls\n市园林局\n2023年4月1日\n扫一扫在手机打开当前页\n"
      "上一篇：关于公布2022年度名单的公告\n下一篇：关于开展植树活动的通知\n"
      "主办单位：某某区人民政府办公室 | 网站标识码：1234567890 | ICP备05012345号\n";
  auto p = MustExtract(page);
  const std::string text = Joined(p);
  EXPECT_THAT(text, HasSubstr("附件：公园开放时间表.xls\n市园林局\n2023年4月1日\n"));
  EXPECT_THAT(text, Not(HasSubstr("扫一扫")));
  EXPECT_THAT(text, Not(HasSubstr("上一篇")));
  EXPECT_THAT(text, Not(HasSubstr("政务公开")));
  EXPECT_EQ(p.title, "关于城区公园开放时间调整的通知");
}

TEST(TextExtractTest, NavigationOnlyGivesNoText) {
  std::string page;
  for (int i = 0; i < 10; ++i) page += "  • 栏目" + std::to_string(i) + "\n";
  page += "关于我们 | 联系方式 | 广告服务 | 网站地图 | 版权声明\n";
  EXPECT_THAT(MustExtract(page).paragraphs, IsEmpty());
}

// --- hostile inputs: bounded and whole --------------------------------------------------------

TEST(TextExtractTest, FiveMegabytesOfOneCharacterLines) {
  std::string page;
  page.reserve(5u << 20);
  const std::string chars[] = {"的", "a", "一", "。", "x"};
  for (size_t i = 0; page.size() < (5u << 20); ++i) page += chars[i % 5] + "\n";
  auto p = MustExtract(page);
  EXPECT_LT(p.paragraphs.size(), 1000u);  // no prose anywhere: nothing of it is a main text
  Record r = CleanText(page);
  EXPECT_FALSE(r.is_error()) << r.error;
}

TEST(TextExtractTest, TwentyMegabyteSingleLineIsKept) {
  const std::string sentence = "这是一句没有换行的正文，整页只有一行。";
  std::string page;
  page.reserve((20u << 20) + sentence.size());
  while (page.size() < (20u << 20)) page += sentence;
  auto p = MustExtract(page);
  ASSERT_EQ(p.paragraphs.size(), 1u);
  EXPECT_EQ(p.paragraphs[0].size(), page.size());
}

TEST(TextExtractTest, AMegabyteOfAlternatingScripts) {
  const std::string pieces[] = {"中文句子，",     "English words. ", "日本語の文。", "한국어 문장 ",
                                "русский текст ", "עברית ",          "عربي "};
  std::string page;
  for (size_t i = 0; page.size() < (1u << 20); ++i) {
    page += pieces[(i * 7 + i / 3) % 7];
    if (i % 40 == 39) page += "\n";
  }
  auto p = MustExtract(page);
  size_t kept = 0;
  for (const auto& s : p.paragraphs) kept += s.size();
  EXPECT_GT(kept, page.size() / 2);  // running text in many scripts is text
  Record r = CleanText(page);
  EXPECT_FALSE(r.is_error()) << r.error;
}

// --- rule file --------------------------------------------------------------------------------

TEST(TextExtractRulesTest, UnknownAndNegativeSettingsNameTheFile) {
  const std::string dir = testing::TempDir();
  testing::WriteFile(dir + "/text_extract.rules", "set prose_weigth 1\n");
  auto r = TextExtractor::Create(dir);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("text_extract.rules"));
  testing::WriteFile(dir + "/text_extract.rules", "set line_penalty -4\n");
  r = TextExtractor::Create(dir);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("line_penalty"));
  std::filesystem::remove(dir + "/text_extract.rules");
  r = TextExtractor::Create(dir);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("text_extract.rules"));
}

// --- dumps of whole pages through the pipeline --------------------------------------------------

// tests/data/text/NAME.txt: a page of a kind as a text dump holds it; NAME.json: its title, date,
// the sentences that must stay and the noise that must go (keys as in docs/samples.md).
TEST(TextDumpsTest, EveryDumpMeetsItsExpectation) {
  const std::string dir = testing::SourceDir() + "/tests/data/text";
  int pages = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".txt") continue;
    const std::string name = e.path().stem().string();
    auto exp = nlohmann::json::parse(testing::ReadFile(dir + "/" + name + ".json"));
    Record r = CleanText(testing::ReadFile(e.path().string()), name);
    ASSERT_FALSE(r.is_error()) << name << ": " << r.error;
    EXPECT_EQ(r.title, exp["title"].get<std::string>()) << name;
    EXPECT_EQ(r.date.rfind(exp["date"].get<std::string>(), 0), 0u) << name << " date " << r.date;
    for (const auto& s : exp["must_contain"])
      EXPECT_THAT(r.text, HasSubstr(s.get<std::string>())) << name;
    for (const auto& s : exp["must_not_contain"]) {
      EXPECT_THAT(r.text, Not(HasSubstr(s.get<std::string>()))) << name;
      EXPECT_THAT(r.title, Not(HasSubstr(s.get<std::string>()))) << name;
    }
    ++pages;
  }
  EXPECT_GE(pages, 4);
}

// The DAnIEL news pages flattened by w3m, scored as score.py --with-title scores them: a floor
// that may only go up (0.62 before main-content detection).
TEST(TextDumpsTest, DanielTextDumpsMeanF1) {
  QINGXI_REQUIRE_SHARED();
  const std::string dir = testing::SharedDir() + "/eval/daniel-zh-text/txt",
                    gold = testing::SharedDir() + "/eval/daniel-zh/gold";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << dir << " is not present; skipping";
  double sum = 0;
  int docs = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".txt") continue;
    const std::string id = e.path().stem().string();
    Record r = CleanText(testing::ReadFile(e.path().string()), id);
    ASSERT_FALSE(r.is_error()) << id << ": " << r.error;
    const std::string out = r.title.empty() ? r.text : r.title + "\n" + r.text;
    sum += testing::TokenF1(out, testing::ReadFile(gold + "/" + id + ".txt"));
    ++docs;
  }
  ASSERT_GE(docs, 200);
  EXPECT_GE(sum / docs, 0.915) << "mean token F1 over " << docs << " pages";
}

}  // namespace
}  // namespace qingxi
