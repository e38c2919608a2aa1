// Tests for the HTML main-content extractor (qingxi/extract.h, clean/html_extract.cc, clean/dom.h).
#include <pthread.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dom.h"
#include "extract_rules.h"
#include "qingxi/extract.h"
#include "qingxi/utf8.h"
#include "test_util.h"

namespace qingxi {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

std::shared_ptr<const HtmlExtractor> Extractor() {
  static auto* ex = [] {
    auto r = HtmlExtractor::Create(testing::RulesDir());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return new std::shared_ptr<const HtmlExtractor>(r.ok() ? r.value() : nullptr);
  }();
  return *ex;
}

ExtractedPage MustExtract(std::string_view html, const ExtractLimits& limits = ExtractLimits()) {
  auto r = Extractor()->Extract(html, limits);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? r.value() : ExtractedPage();
}

std::string Joined(const ExtractedPage& p) {
  std::string s;
  for (const auto& l : p.paragraphs) s += l + "\n";
  return s;
}

// A news page of the usual shape: header, nav, article, related list, comments, footer.
std::string NewsPage(const std::string& extra_head = "", const std::string& article_extra = "") {
  return R"(<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>市政府发布新规 公交票价下月起调整_新闻中心_某某网</title>)" +
         extra_head + R"(
<script>var x = "脚本里的文字不应出现";</script><style>.a{color:red}</style></head>
<body>
<div id="header"><a href="/">首页</a> | <a href="/news">新闻</a> | <a href="/sports">体育</a></div>
<div class="nav"><ul><li><a href="/a">国内</a></li><li><a href="/b">国际</a></li></ul></div>
<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/news">新闻中心</a> &gt; 正文</div>
<div class="main">
 <h1>市政府发布新规 公交票价下月起调整</h1>
 <div class="info">2011年12月09日 18:51　来源：某某日报</div>
 <div class="article-content">
  <p>　　本报讯 市政府昨日发布新规，公交票价将于下月起调整，普通线路票价由一元调整为两元，空调线路另行定价。</p>
  <p>市交通局负责人表示，此次调整综合考虑了运营成本、财政补贴和市民承受能力，并举行了多次听证会。</p>
  <p>据介绍，学生、老年人等群体仍可享受优惠，具体办法将由各区另行公布。<a href="/x">相关政策</a>可在官网查询。</p>
  )" + article_extra + R"(
 </div>
 <div class="related"><h3>相关新闻</h3><ul>
  <li><a href="/1">地铁票价听证会召开，市民踊跃发言</a></li>
  <li><a href="/2">出租车起步价拟上调，专家称合理</a></li>
  <li><a href="/3">公交专用道明年再增五十公里</a></li></ul></div>
 <div id="comments"><div class="comment">网友甲：涨价了，工资怎么不涨呢？真是太过分了，我们老百姓的日子不好过啊。</div>
 <div class="comment">网友乙：支持调整，服务也要跟上，车太挤了，每天上班都挤不上去，希望多开几条线路。</div></div>
</div>
<div class="sidebar"><h3>热门排行</h3><ol><li><a href="/h1">明星婚礼现场曝光</a></li><li><a href="/h2">股市今日大涨</a></li></ol></div>
<div class="footer">Copyright © 2011 某某网 版权所有 京ICP备12345678号</div>
</body></html>)";
}

TEST(ExtractRulesTest, ShippedRulesLoad) {
  auto r = ExtractRules::Load(testing::RulesDir() + "/html.rules");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
}

TEST(ExtractRulesTest, BadRuleReportsFileAndLine) {
  std::string dir = testing::TempDir();
  testing::WriteFile(dir + "/html.rules", "# ok\npositive article 25\nnegative nav lots\n");
  auto r = HtmlExtractor::Create(dir);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("html.rules:3:"));

  testing::WriteFile(dir + "/html.rules", "drop_tag blink\n");
  auto r2 = HtmlExtractor::Create(dir);
  ASSERT_FALSE(r2.ok());
  EXPECT_THAT(r2.status().message(), HasSubstr("html.rules:1:"));

  testing::WriteFile(dir + "/html.rules", "set no_such_threshold 3\n");
  EXPECT_FALSE(HtmlExtractor::Create(dir).ok());

  std::filesystem::remove(dir + "/html.rules");
  auto r3 = HtmlExtractor::Create(dir);
  ASSERT_FALSE(r3.ok());
  EXPECT_EQ(r3.status().code(), Status::Code::kNotFound);
}

TEST(ExtractRulesTest, HintPatternsMatchWholePartsUnlessStarred) {
  auto r = ExtractRules::Load(testing::RulesDir() + "/html.rules");
  ASSERT_TRUE(r.ok());
  const ExtractRules& rules = r.value();
  EXPECT_TRUE(rules.MatchHint("top-nav ").remove);       // "nav*" at a part start
  EXPECT_TRUE(rules.MatchHint("mainnav ").remove);       // "*nav"
  EXPECT_FALSE(rules.MatchHint("canvas-box ").remove);   // "nav" inside a word is no hint
  EXPECT_TRUE(rules.MatchHint(" comment-list").remove);  // "comment*"
  EXPECT_TRUE(rules.MatchHint("hide-content ").paywall);
  EXPECT_GT(rules.MatchHint("article-content ").weight, 0);
  EXPECT_LT(rules.MatchHint("sidebar ").weight, 0);
  EXPECT_FALSE(rules.MatchHint("head ").remove);         // "ad" is a whole part only
  EXPECT_EQ(rules.MatchHint("").weight, 0);
}

TEST(ExtractTest, FindsTheArticleAndDropsChrome) {
  ExtractedPage p = MustExtract(NewsPage());
  std::string text = Joined(p);
  EXPECT_THAT(text, HasSubstr("市政府昨日发布新规"));
  EXPECT_THAT(text, HasSubstr("市交通局负责人表示"));
  EXPECT_THAT(text, HasSubstr("具体办法将由各区另行公布"));
  for (const char* noise : {"脚本里的文字", "首页", "热门排行", "相关新闻", "地铁票价听证会",
                            "网友甲", "版权所有", "color:red"})
    EXPECT_THAT(text, Not(HasSubstr(noise))) << noise;
  EXPECT_EQ(p.lang, "zh-cn");
  EXPECT_TRUE(p.flags.empty());
}

TEST(ExtractTest, ParagraphsFollowBlocksAndBreaks) {
  ExtractedPage p = MustExtract(
      "<html><body><div class='content'><p>第一段，<b>加粗</b>与<a href='#'>链接</a>同在一段，"
      "内容足够长以便计分。</p><p>第二段\n   换行   折叠成一个空格，内容也足够长以便计分。</p>"
      "<div>第三行在这里，是一段带标点的文字。<br>第四行在这里，也是一段带标点的文字。</div>"
      "</div></body></html>");
  ASSERT_EQ(p.paragraphs.size(), 4u) << Joined(p);
  EXPECT_EQ(p.paragraphs[0], "第一段，加粗与链接同在一段，内容足够长以便计分。");
  EXPECT_EQ(p.paragraphs[1], "第二段 换行 折叠成一个空格，内容也足够长以便计分。");
  EXPECT_EQ(p.paragraphs[2], "第三行在这里，是一段带标点的文字。");
  EXPECT_EQ(p.paragraphs[3], "第四行在这里，也是一段带标点的文字。");
}

TEST(ExtractTest, DropsHiddenElementsAndRubyAnnotations) {
  ExtractedPage p = MustExtract(
      "<html><body><div class='article'>"
      "<p>正文开始，这是可见的一段文字，内容足够长。</p>"
      "<p style='DISPLAY: none'>隐藏甲，不应出现。</p>"
      "<p style='visibility:hidden'>隐藏乙，不应出现。</p>"
      "<p hidden>隐藏丙，不应出现。</p>"
      "<p aria-hidden='true'>隐藏丁，不应出现。</p>"
      "<p>注音示例：<ruby>漢<rp>(</rp><rt>hàn</rt><rp>)</rp>字<rt>zì</rt></ruby>保留本字，"
      "去掉注音。</p>"
      "<template><p>模板内容，不应出现。</p></template>"
      "<noscript>请启用脚本，不应出现。</noscript>"
      "</div></body></html>");
  std::string text = Joined(p);
  EXPECT_THAT(text, HasSubstr("正文开始"));
  EXPECT_THAT(text, HasSubstr("注音示例：漢字保留本字"));
  for (const char* noise : {"隐藏", "hàn", "zì", "模板内容", "请启用脚本"})
    EXPECT_THAT(text, Not(HasSubstr(noise))) << noise;
}

TEST(ExtractTest, TitleIsTheHeadlineThatAgreesWithTitleTag) {
  EXPECT_EQ(MustExtract(NewsPage()).title, "市政府发布新规 公交票价下月起调整");
  // No matching heading: <title> without the site suffix.
  ExtractedPage p = MustExtract(
      "<html><head><title>台北跨年晚會 百萬人潮湧入信義區 - 中央社即時新聞</title></head>"
      "<body><h1>中央社</h1><div class='content'><p>台北跨年晚會昨晚舉行，百萬人潮湧入信義區，"
      "交通一度癱瘓。</p></div></body></html>");
  EXPECT_EQ(p.title, "台北跨年晚會 百萬人潮湧入信義區");
  // og:title when there is no <title>.
  ExtractedPage q = MustExtract(
      "<html><head><meta property='og:title' content='央行宣布降准 释放流动性'></head>"
      "<body><div class='content'><p>央行今日宣布下调存款准备金率，释放流动性约四千亿元。</p>"
      "</div></body></html>");
  EXPECT_EQ(q.title, "央行宣布降准 释放流动性");
}

TEST(ExtractTest, DateFromMetaTimeOrVisibleText) {
  EXPECT_EQ(MustExtract(NewsPage()).date, "2011-12-09T18:51");
  ExtractedPage m = MustExtract(NewsPage(
      "<meta property=\"article:published_time\" content=\"2012-01-17T08:30:00+08:00\">"));
  EXPECT_EQ(m.date, "2012-01-17T08:30:00");
  ExtractedPage t = MustExtract(
      "<html><body><h1>标题在此处出现</h1><time datetime='2011-05-03'>五月三日</time>"
      "<div class='content'><p>正文内容，足够长的一段文字，带有标点符号。</p></div></body></html>");
  EXPECT_EQ(t.date, "2011-05-03");
  // Taiwan's Minguo years: 民國100年 is 2011.
  ExtractedPage roc = MustExtract(
      "<html><body><div class='content'><p>民國100年12月9日　記者報導，今日天氣晴朗，"
      "氣溫回升。</p></div></body></html>");
  EXPECT_EQ(roc.date, "2011-12-09");
  ExtractedPage none = MustExtract(
      "<html><body><div class='content'><p>没有日期的一段文字，内容足够长，带有标点。</p>"
      "</div></body></html>");
  EXPECT_EQ(none.date, "");
}

TEST(ExtractTest, PaywallStubIsDroppedAndFlagged) {
  ExtractedPage p = MustExtract(NewsPage(
      "", "<div class='hide-content'><p>隐藏内容</p><p>此处内容需要权限查看</p>"
          "<ul><li>会员免费查看</li></ul></div>"));
  EXPECT_THAT(p.flags, Contains("paywall"));
  EXPECT_THAT(Joined(p), Not(HasSubstr("隐藏内容")));
  EXPECT_THAT(Joined(p), HasSubstr("市政府昨日发布新规"));

  ExtractedPage q = MustExtract(NewsPage("", "<p>登入會員即可閱讀全文</p>"));
  EXPECT_THAT(q.flags, Contains("paywall"));
  EXPECT_THAT(Joined(q), Not(HasSubstr("閱讀全文")));

  EXPECT_THAT(MustExtract(NewsPage()).flags, Not(Contains("paywall")));
}

TEST(ExtractTest, ArticleWrappedInChromeNamedLayoutIsStillFound) {
  // Some layouts call their main column "nav" or wrap the article in an <a>; the text wins.
  std::string body;
  for (int i = 0; i < 6; ++i)
    body += "<p>这是文章的第" + std::to_string(i) + "段，记者在现场看到，工作人员正在忙碌，"
            "市民纷纷表示欢迎，相关部门表示将继续推进。</p>";
  ExtractedPage p = MustExtract("<html><body><div class='nav'><a href='/'>首页</a></div>"
                                "<div class='nav'><div class='wrap'>" + body +
                                "</div></div></body></html>");
  EXPECT_THAT(Joined(p), HasSubstr("这是文章的第5段"));
  ExtractedPage q = MustExtract(
      "<html><body><ul><li><a href='/1'>首页</a></li></ul><div class='intro'><a href='/full'>"
      "【本台讯】寒冷的天气里相对湿度降低，空气比较干燥。皮肤可能会变干、脱皮、失去光泽，"
      "严重的还会发红发痒。如何在寒冬里也能拥有水嫩肌肤，我们一起来听听专科医师怎么说。<br>"
      "寒流一波接着一波，口罩围巾都出笼了。</a></div></body></html>");
  EXPECT_THAT(Joined(q), HasSubstr("寒流一波接着一波"));
}

TEST(ExtractTest, TablesGiveOneLinePerCell) {
  ExtractedPage p = MustExtract(
      "<html><body><table><tr><td class='text'><p>表格布局的正文，第一段文字，内容很长，"
      "带有标点符号。</p><p>第二段文字，同样带有标点符号，内容足够长。</p></td>"
      "<td><a href='/1'>侧栏链接一</a><br><a href='/2'>侧栏链接二</a></td></tr></table>"
      "</body></html>");
  EXPECT_THAT(p.paragraphs, Contains("第二段文字，同样带有标点符号，内容足够长。"));
  EXPECT_THAT(Joined(p), Not(HasSubstr("侧栏链接")));
}

// `article` with every "PIC" replaced by a picture large enough to get a caption.
std::string WithPictures(std::string article) {
  for (size_t at; (at = article.find("PIC")) != std::string::npos;)
    article.replace(at, 3, "<img src='/p.jpg' width='500' height='334'>");
  return article;
}

TEST(ExtractTest, PictureCaptionsGoSubheadingsAndProseAfterPicturesStay) {
  std::string article =
      "<p align='center'>PIC</p><p class='pictext'>大会现场</p>"
      "<p>PIC<br>1月16日，获奖者集体合影。新华社发（王申 摄）</p>"
      "<div class='img_wrapper'>PIC<span>湘江水位降至历史最低值。本报记者 郭立亮 摄</span></div>"
      "<p>PIC</p><p><strong>一、票价调整的三个原因</strong></p>"
      "<p>PIC</p><p>调整后，月票价格保持不变。</p>"
      "<p>市民可以拨打热线咨询<img src='/icon.gif' width='16' height='16'>详情见通知</p>";
  ExtractedPage p = MustExtract(NewsPage("", WithPictures(article)));
  std::string text = Joined(p);
  EXPECT_THAT(text, Not(HasSubstr("大会现场")));
  EXPECT_THAT(text, Not(HasSubstr("获奖者集体合影")));
  EXPECT_THAT(text, Not(HasSubstr("郭立亮 摄")));
  // A bold subheading after a picture, a sentence after a picture, text around an icon: content.
  EXPECT_THAT(p.paragraphs, Contains("一、票价调整的三个原因"));
  EXPECT_THAT(p.paragraphs, Contains("调整后，月票价格保持不变。"));
  EXPECT_THAT(p.paragraphs, Contains("市民可以拨打热线咨询详情见通知"));
  EXPECT_THAT(p.paragraphs, Contains(HasSubstr("本报讯 市政府昨日发布新规")));
}

// A short phrase with only a full stop under a picture labels it ("搜救现场。"); a sentence
// under a picture, even a short one, and a phrase with a comma are text.
TEST(ExtractTest, ShortPhraseWithAFullStopUnderAPictureIsACaption) {
  std::string article =
      "<p>PIC</p><p>搜救现场。</p>"
      "<p>PIC</p><p>小温在景区内的身影。</p>"
      "<p>PIC</p><p>这也能看出当前英国的底色。</p>"
      "<p>PIC</p><p>他笑了，点点头。</p>";
  ExtractedPage p = MustExtract(NewsPage("", WithPictures(article)));
  std::string text = Joined(p);
  EXPECT_THAT(text, Not(HasSubstr("搜救现场")));
  EXPECT_THAT(text, Not(HasSubstr("景区内的身影")));
  EXPECT_THAT(p.paragraphs, Contains("这也能看出当前英国的底色。"));
  EXPECT_THAT(p.paragraphs, Contains("他笑了，点点头。"));
}

TEST(ExtractTest, CaptionBoxAfterPictureGoesEvenAsASentence) {
  std::string article =
      "<div class='pgc-img'><img src='/p.jpg' width='600'>"
      "<p class='pgc-img-caption'>菜市场二楼的社区图书馆。</p></div>"
      "<p><img src='/q.jpg' width='600'></p><p>馆里还设了二十个座位，周末常常坐满了人。</p>"
      "<p class='pic-caption'>图说：这一段不在图片后面，所以它不是图片说明，而是正文的一部分。</p>";
  ExtractedPage p = MustExtract(NewsPage("", article));
  std::string text = Joined(p);
  EXPECT_THAT(text, Not(HasSubstr("菜市场二楼的社区图书馆")));
  // A sentence after a picture outside a caption box, and a caption box after no picture, stay.
  EXPECT_THAT(p.paragraphs, Contains("馆里还设了二十个座位，周末常常坐满了人。"));
  EXPECT_THAT(text, HasSubstr("而是正文的一部分"));
}

TEST(ExtractTest, StyleHiddenArticleIsKeptSmallHiddenBoxesGo) {
  // WeChat hides the article until its script runs; a hidden popup stays hidden.
  std::string html =
      "<html><head><title>老旧小区加装电梯</title></head><body>"
      "<h1 class='rich_media_title'>老旧小区加装电梯</h1>"
      "<div id='js_content' style='visibility: hidden;'>"
      "<section><span>桂花巷3号楼建成于1996年，六层，没有电梯，住在五楼的老人很少下楼。</span></section>"
      "<section><span>加装电梯的想法早就有人提过，可每次一说到费用分摊就不了了之。</span></section>"
      "<section><span>去年三月，社区请来设计单位做了方案，费用按楼层系数分摊。</span></section>"
      "</div><div class='pop' style='display:none'>微信扫一扫，关注该公众号，获取更多内容。</div>"
      "</body></html>";
  ExtractedPage p = MustExtract(html);
  std::string text = Joined(p);
  EXPECT_THAT(text, HasSubstr("桂花巷3号楼建成于1996年"));
  EXPECT_THAT(text, HasSubstr("费用按楼层系数分摊"));
  EXPECT_THAT(text, Not(HasSubstr("微信扫一扫")));
}

TEST(ExtractTest, TitlePartThatAHeadingHoldsBeatsALongerSiteName) {
  std::string html =
      "<html><head><title>阳台种番茄，坐果少是什么原因？ - 种植交流 - 园艺论坛 - Powered by "
      "Discuz!</title></head><body><h1>[求助] <span>阳台种番茄，坐果少是什么原因？</span></h1>"
      "<div class='t_f'>今年第一次在阳台种番茄，花开了不少，可就是不怎么坐果，一串花只留下一两个"
      "小果子。阳台朝南，封闭式的，白天温度能到三十度左右。请问各位是什么原因？</div></body></html>";
  EXPECT_EQ(MustExtract(html).title, "阳台种番茄，坐果少是什么原因？");
  // No heading agrees with a part: the longest part is still taken.
  std::string other =
      "<html><head><title>途牛发布春节出游调查报告 六成选择自助游 消费_新闻中心_某某网</title>"
      "</head><body><h2>新闻中心</h2><div class='content'><p>途牛发布的调查报告显示，六成受访者"
      "选择自助游，三成选择跟团游，其余选择半自助游。</p></div></body></html>";
  EXPECT_EQ(MustExtract(other).title, "途牛发布春节出游调查报告 六成选择自助游 消费");
}

TEST(ExtractTest, PostsBuiltLikeTheSelectionJoinIt) {
  auto post = [](const std::string& floor, const std::string& text) {
    return "<div id='post_" + floor + "'><table class='plhin'><tr><td class='pls'>" + floor +
           "楼 积分 356</td><td class='plc'><div class='authi'>发表于 2023-4-18 21:07</div>"
           "<table><tr><td class='t_f'>" + text + "</td></tr></table>"
           "<div class='po'><a href='#'>回复</a> <a href='#'>举报</a></div></td></tr></table></div>";
  };
  std::string html =
      "<html><head><title>阳台种番茄，坐果少是什么原因？</title></head><body><div id='postlist'>" +
      post("1",
           "今年第一次在阳台种番茄，品种是樱桃番茄，三月初播的种，现在植株有一米多高，叶子也"
           "很绿，花开了不少，可就是不怎么坐果。<br>阳台朝南，封闭式的，白天温度能到三十度左右"
           "，每周浇两次水，上个月追过一次复合肥。请问各位是什么原因？需要人工授粉吗？") +
      post("2", "收藏了，谢谢分享") +
      "</div><div class='side'><div class='t_f'>本站简介：种花种菜的交流社区。</div></div></body></html>";
  ExtractedPage p = MustExtract(html);
  std::string text = Joined(p);
  EXPECT_THAT(text, HasSubstr("请问各位是什么原因？需要人工授粉吗？"));
  EXPECT_THAT(p.paragraphs, Contains("收藏了，谢谢分享"));
  // The same class in another frame is not a post of the thread; nor is the floor chrome.
  EXPECT_THAT(text, Not(HasSubstr("本站简介")));
  EXPECT_THAT(text, Not(HasSubstr("积分")));
}

// 楼中楼: replies nested under a floor (Tieba's lzl list) follow their floor, in page order,
// without the replier's name and time; a nested reply box outside the thread is not taken.
TEST(ExtractTest, NestedRepliesFollowTheirFloor) {
  auto floor = [](const std::string& n, const std::string& text, const std::string& lzl) {
    return "<div class='l_post j_l_post'><div class='d_author'><a class='p_author_name'>用户" + n +
           "</a><div class='d_badge_lv'>7</div></div><div class='d_post_content_main'>"
           "<div class='p_content'><cc><div class='d_post_content j_d_post_content'>" + text +
           "</div></cc></div><div class='core_reply'><ul class='p_tail'><li>" + n +
           "楼</li><li>2023-05-02 10:1" + n + "</li></ul>" + lzl + "</div></div></div>";
  };
  auto lzl = [](const std::string& who, const std::string& text, const std::string& time) {
    return "<div class='j_lzl_container core_reply_wrapper'><ul><li class='lzl_single_post'>"
           "<a class='lzl_p_p'>" + who + "</a>: <span class='lzl_content_main'>" + text +
           "</span><span class='lzl_time'>" + time + "</span></li></ul></div>";
  };
  std::string html =
      "<html><head><title>家里的绿萝叶子发黄怎么办？_绿萝吧</title></head><body>"
      "<h3 class='core_title_txt'>家里的绿萝叶子发黄怎么办？</h3><div id='j_p_postlist'>" +
      floor("1",
            "养了一年的绿萝，最近下面的叶子一片接一片地发黄，浇水是一周一次，放在客厅靠窗的位置。"
            "请问是水浇多了还是缺肥了？",
            "") +
      floor("2", "下面的老叶子发黄是正常代谢，剪掉就行。如果新叶也黄，多半是浇水太勤了。",
            lzl("阳台小花园", "谢谢，我去摸摸土", "2023-5-2 10:40")) +
      floor("3", "还有一种可能是光照太强，挪到散射光的地方试试。", "") +
      "</div><div class='aside'>" + lzl("路人甲", "这是侧栏里的一条回复", "2023-5-3 09:00") +
      "</div></body></html>";
  ExtractedPage p = MustExtract(html);
  ASSERT_GE(p.paragraphs.size(), 4u) << Joined(p);
  EXPECT_THAT(p.flags, Contains("thread"));
  std::string text = Joined(p);
  size_t second = text.find("下面的老叶子发黄是正常代谢");
  size_t nested = text.find("谢谢，我去摸摸土");
  size_t third = text.find("还有一种可能是光照太强");
  ASSERT_NE(nested, std::string::npos) << text;
  EXPECT_LT(second, nested);
  EXPECT_LT(nested, third);
  EXPECT_THAT(text, Not(HasSubstr("阳台小花园")));
  EXPECT_THAT(text, Not(HasSubstr("10:40")));
  EXPECT_THAT(text, Not(HasSubstr("侧栏里的一条回复")));
}

// A Q&A page: the best answer and the other answers come in different templates; all of them
// follow the question, without the answerers' chrome, and the page is a thread.
TEST(ExtractTest, QuestionWithBestAndOtherAnswersIsAThread) {
  const std::string html = R"(<html><head><title>新买的铸铁锅第一次怎么开锅？_某某知道</title></head><body>
<div class="layout"><div class="wgt-ask"><h1><span class="ask-title">新买的铸铁锅第一次怎么开锅？</span></h1>
<div class="q-content"><span class="con-all">网上买了一口铸铁锅，说明书上说要先开锅再用，具体应该怎么做？</span></div>
<div class="ask-info">提问者：厨房新手 2019-11-03 | 浏览 8291 次</div></div>
<div class="wgt-best"><h2>最佳答案</h2><div class="best-text">
<p>开锅主要是在锅的表面形成一层油膜，防锈又防粘。先用热水把锅刷干净，放在火上烤干水分。</p>
<p>再用一块肥猪肉在锅里反复擦，小火慢慢加热，让油脂渗进锅的表面，擦到发黑发亮为止。</p>
<p>以后每次用完都要趁热洗干净、烤干，千万不要泡在水里过夜，否则很容易生锈。</p></div>
<div class="wgt-replyer-best"><a class="user-name">灶台边的老周</a> 采纳率：62%</div></div>
<div class="wgt-answers"><h2>其他回答</h2>
<div class="answer"><div class="answer-text"><span class="con">锅烧热以后倒一点植物油，用厨房纸抹匀，小火烧到冒烟，重复三遍就行。</span></div>
<div class="f-aid"><a class="user-name">平底锅</a> 采纳率：41% 2019-11-04 08:12</div></div>
<div class="answer"><div class="answer-text"><span class="con">用猪皮最好，植物油也可以，关键是要多擦几遍。</span></div>
<div class="f-aid"><a class="user-name">老厨师</a> 2019-11-05 10:30</div></div></div>
</div></body></html>)";
  ExtractedPage p = MustExtract(html);
  std::string text = Joined(p);
  EXPECT_THAT(p.flags, Contains("thread"));
  size_t best = text.find("开锅主要是在锅的表面形成一层油膜");
  size_t other = text.find("锅烧热以后倒一点植物油");
  size_t third = text.find("用猪皮最好");
  ASSERT_NE(best, std::string::npos) << text;
  ASSERT_NE(other, std::string::npos) << text;
  ASSERT_NE(third, std::string::npos) << text;
  EXPECT_LT(best, other);
  EXPECT_LT(other, third);
  EXPECT_THAT(text, Not(HasSubstr("平底锅")));
  EXPECT_THAT(text, Not(HasSubstr("采纳率")));
}

TEST(ExtractTest, QuotationRepeatingEarlierTextGoesNewQuotationStays) {
  std::string article =
      "<p>一位城市规划研究者说，夜间经济不只是把营业时间拉长，交通、治安、环卫都要跟上。</p>"
      "<blockquote>市交通局负责人表示，此次调整综合考虑了运营成本 ...</blockquote>"
      "<blockquote><p>“公交是城市的血脉，票价要让大多数人坐得起。”一位市民这样说。</p></blockquote>";
  ExtractedPage p = MustExtract(NewsPage("", article));
  std::string text = Joined(p);
  EXPECT_THAT(text, Not(HasSubstr("运营成本 ...")));
  EXPECT_THAT(text, HasSubstr("此次调整综合考虑了运营成本、财政补贴和市民承受能力"));
  EXPECT_THAT(text, HasSubstr("票价要让大多数人坐得起"));
}

TEST(ExtractTest, CopyrightHintsDoNotCatchCopyrightRichText) {
  std::string html =
      "<html><head><title>租房时，哪些细节最容易被忽略？</title></head><body>"
      "<h1>租房时，哪些细节最容易被忽略？</h1><div class='RichContent-inner'>"
      "<span class='RichText ztext CopyrightRichText-richText'><p>说几个我吃过亏的地方。</p>"
      "<p>看房时一定要当着房东的面拍下水表电表的读数，最好连同日期一起拍。</p>"
      "<p>打开每个水龙头放两分钟水，看看下水快不快，再闻一闻有没有返味。</p></span></div>"
      "<div class='tcopyright'>版权所有，未经许可不得转载。违法和不良信息举报。</div></body></html>";
  std::string text = Joined(MustExtract(html));
  EXPECT_THAT(text, HasSubstr("看房时一定要当着房东的面拍下水表电表的读数"));
  EXPECT_THAT(text, Not(HasSubstr("版权所有")));
}

TEST(ExtractTest, DateCreatedIsTheLastDateMeta) {
  std::string created = "<meta itemprop='dateCreated' content='2022-03-02T09:12:40.000Z'>";
  EXPECT_EQ(MustExtract(NewsPage(created)).date.substr(0, 10), "2022-03-02");
  std::string both = created + "<meta name='pubdate' content='2022-03-05'>";
  EXPECT_EQ(MustExtract(NewsPage(both)).date.substr(0, 10), "2022-03-05");
}

TEST(ExtractTest, ListingPagesHaveNoMainText) {
  // A channel page: forty headlines with their dates, a pager. No text of its own.
  std::string items;
  for (int i = 1; i <= 40; ++i)
    items += "<li><a href='/news/" + std::to_string(i) + ".html'>某市召开第" + std::to_string(i) +
             "次常务会议 研究部署重点工作</a><span>2024-01-" + std::to_string(10 + i % 18) +
             "</span></li>";
  ExtractedPage p = MustExtract(
      "<html><head><title>新闻中心_某市人民政府</title></head><body><div class='nav'><a href='/'>"
      "首页</a> <a href='/news'>新闻中心</a></div><div class='main'><h2>政务要闻</h2><ul>" +
      items + "</ul><div class='page'>首页 上一页 1 2 3 下一页 尾页</div></div></body></html>");
  EXPECT_TRUE(p.paragraphs.empty()) << Joined(p);
  EXPECT_THAT(p.flags, Contains("listing"));

  // A short article in the same container as a long box of related headlines is an article.
  std::string related;
  for (int i = 1; i <= 30; ++i)
    related += "<li><a href='/r/" + std::to_string(i) + ".html'>相关新闻标题第" +
               std::to_string(i) + "条 内容摘要</a></li>";
  p = MustExtract(
      "<html><head><title>短讯</title></head><body><div class='main'><h1>短讯</h1>"
      "<p>市政府昨日召开常务会议，研究部署春运安全工作。会议要求各部门加强值守，确保平安。</p>"
      "<ul>" + related + "</ul></div></body></html>");
  EXPECT_THAT(p.paragraphs, Contains(HasSubstr("研究部署春运安全工作")));
  EXPECT_THAT(p.flags, Not(Contains("listing")));
}

TEST(ExtractTest, NegativelyHintedLinksInsideASentenceKeepTheirWords) {
  // In-text keyword links (<a class="keyword_link">) are words of the sentence, whatever their
  // class says; a hinted box of chrome inside the article still goes.
  ExtractedPage p = MustExtract(
      NewsPage("",
               "<p>柯达已多次提出转型并抛出解决<a class='keyword_link' href='/k'>方案</a>，"
               "又与<a class='hot_link' href='/n'>尼康</a>合作推出相机。</p>"
               "<div class='print-tools'>打印 收藏 关闭</div>"));
  EXPECT_THAT(p.paragraphs, Contains("柯达已多次提出转型并抛出解决方案，又与尼康合作推出相机。"));
  EXPECT_THAT(Joined(p), Not(HasSubstr("打印 收藏")));
}

TEST(ExtractTest, LeadBetweenHeadlineAndArticleIsKept) {
  // A summary between the headline and the body is the story's first paragraph; a byline or a
  // date there is not a sentence, and a summary the body repeats is not taken twice.
  std::string page =
      "<html><head><title>春节假期各大医院门诊时间出炉_新闻网</title></head><body>"
      "<h1>春节假期各大医院门诊时间出炉</h1><div class='author'>记者 王明 2012年1月17日</div>"
      "<div class='photo'><img src='/a.jpg' width='320' height='240'><h3 class='img_desc'>"
      "春节假期各大医院门诊时间不一，民众出门看病前，最好先上网查询。</h3></div>"
      "<div class='story_content'><p>今年春节长达9天，期间难免伤风感冒，民众若有就医需求，"
      "可先上网查询各大医院的开诊时间。</p><p>目前全市已有超过400家医院完成上传，诊所则只有三成，"
      "民众可以拨打专线电话咨询。</p><p>急诊均照常开放，民众如有紧急情况可以直接前往，"
      "医院也会安排人员轮值。</p></div></body></html>";
  ExtractedPage p = MustExtract(page);
  ASSERT_FALSE(p.paragraphs.empty());
  EXPECT_EQ(p.paragraphs[0], "春节假期各大医院门诊时间不一，民众出门看病前，最好先上网查询。");
  EXPECT_THAT(Joined(p), Not(HasSubstr("记者 王明")));
  std::string repeated = page;
  repeated.replace(repeated.find("今年春节长达9天"), 0,
                   "春节假期各大医院门诊时间不一，民众出门看病前，最好先上网查询。");
  ExtractedPage q = MustExtract(repeated);
  int times = 0;
  for (const auto& l : q.paragraphs) times += l.find("最好先上网查询") != std::string::npos;
  EXPECT_EQ(times, 1) << Joined(q);
}

// --- robustness ------------------------------------------------------------------------------

// Runs fn on a thread with a small stack: any recursion proportional to nesting would crash.
template <typename Fn>
void OnSmallStack(Fn fn) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 256 * 1024);
  pthread_t th;
  auto* heap_fn = new Fn(std::move(fn));
  ASSERT_EQ(0, pthread_create(
                   &th, &attr,
                   [](void* arg) -> void* {
                     std::unique_ptr<Fn> f(static_cast<Fn*>(arg));
                     (*f)();
                     return nullptr;
                   },
                   heap_fn));
  pthread_join(th, nullptr);
  pthread_attr_destroy(&attr);
}

TEST(ExtractRobustnessTest, HundredThousandNestedDivsOnASmallStack) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "深层文字内容，仍然可以取出。";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  html += "</body></html>";
  OnSmallStack([&] {
    auto r = Extractor()->Extract(html, ExtractLimits());
    ASSERT_TRUE(r.ok());
    EXPECT_THAT(Joined(r.value()), HasSubstr("深层文字内容"));
    EXPECT_THAT(r->flags, Contains("truncated"));
  });
}

TEST(ExtractRobustnessTest, DeepUnclosedInlineAndTableNesting) {
  for (std::string unit : {"<b><i><u>", "<p><font>", "<table><tr><td>", "<ul><li>", "<a href=x>",
                           "<svg><g>", "<select><option>"}) {
    std::string html;
    for (int i = 0; i < 40000; ++i) html += unit;
    html += "末尾文字，一句话。";
    OnSmallStack([&] {
      auto r = Extractor()->Extract(html, ExtractLimits());
      ASSERT_TRUE(r.ok()) << unit;
      // Text inside links, svg or select is not content; elsewhere it must survive the cut.
      if (unit[1] != 'a' && unit[1] != 's') {
        EXPECT_THAT(Joined(r.value()), HasSubstr("末尾文字")) << unit;
      }
    });
  }
}

TEST(ExtractRobustnessTest, DomFlatteningKeepsDepthBounded) {
  std::string html;
  for (int i = 0; i < 5000; ++i) html += "<section>";
  dom::ParseLimits limits;
  limits.max_depth = 50;
  auto doc = dom::Document::Parse(html, limits);
  ASSERT_TRUE(doc.ok());
  size_t max_depth = 0;
  for (const auto& n : doc.value()->nodes()) max_depth = std::max<size_t>(max_depth, n.depth);
  EXPECT_LE(max_depth, 50u + 64u + 4u);
  EXPECT_TRUE(doc.value()->truncated());
}

TEST(ExtractRobustnessTest, CutDeepNestingLeavesShallowPagesAlone) {
  std::string out;
  EXPECT_FALSE(dom::CutDeepNesting(NewsPage(), 400, &out));
  // <p> and <li> have implied end tags and do not add depth.
  std::string ps;
  for (int i = 0; i < 3000; ++i) ps += "<p>段落<li>项目";
  EXPECT_FALSE(dom::CutDeepNesting(ps, 400, &out));
  // Raw text is skipped: "<div>" inside a script is not a tag.
  std::string script = "<script>";
  for (int i = 0; i < 3000; ++i) script += "'<div>'+";
  script += "1</script><div>x</div>";
  EXPECT_FALSE(dom::CutDeepNesting(script, 400, &out));
  std::string deep;
  for (int i = 0; i < 500; ++i) deep += "<div>";
  ASSERT_TRUE(dom::CutDeepNesting(deep, 400, &out));
  EXPECT_EQ(out.size(), 400u * 5u);
}

TEST(ExtractRobustnessTest, FiftyMegabytePageIsCutToTheByteLimit) {
  std::string html = "<html><body>";
  const std::string para = "<p>这是一个很长的段落，用来测试大页面的处理，内容重复。</p>\n";
  while (html.size() < (50u << 20)) html += para;
  ExtractLimits limits;  // 16 MB by default
  auto r = Extractor()->Extract(html, limits);
  ASSERT_TRUE(r.ok());
  EXPECT_THAT(r->flags, Contains("truncated"));
  EXPECT_FALSE(r->paragraphs.empty());
  size_t bytes = 0;
  for (const auto& p : r->paragraphs) bytes += p.size();
  EXPECT_LE(bytes, limits.max_bytes);
}

TEST(ExtractRobustnessTest, OneGiantLineNulBytesEmptyAndPlainText) {
  std::string line = "<html><body><div>";
  for (int i = 0; i < 400000; ++i) line += "中文句子，";
  line += "</div></body></html>";
  auto big = Extractor()->Extract(line, ExtractLimits());
  ASSERT_TRUE(big.ok());
  ASSERT_EQ(big->paragraphs.size(), 1u);
  EXPECT_EQ(utf8::CountCodePoints(big->paragraphs[0]), 2000000u);

  std::string nul("<html><body><p>\0\0正文\0内容，带有标点。\0</p></body></html>", 60);
  auto r = Extractor()->Extract(nul, ExtractLimits());
  ASSERT_TRUE(r.ok());
  std::string text = Joined(r.value());
  EXPECT_EQ(text.find('\0'), std::string::npos);
  EXPECT_THAT(text, HasSubstr("正文"));
  EXPECT_TRUE(utf8::IsValid(text));

  for (std::string_view empty : {std::string_view(""), std::string_view(" \n\t "),
                                 std::string_view("\xEF\xBB\xBF")}) {
    auto e = Extractor()->Extract(empty, ExtractLimits());
    ASSERT_TRUE(e.ok());
    EXPECT_TRUE(e->paragraphs.empty());
    EXPECT_EQ(e->title, "");
  }

  auto t = Extractor()->Extract("这只是一段纯文本，没有任何标签。\n第二行文字。\n", ExtractLimits());
  ASSERT_TRUE(t.ok());
  EXPECT_THAT(Joined(t.value()), HasSubstr("没有任何标签"));

  auto junk = Extractor()->Extract(std::string(100000, '<'), ExtractLimits());
  EXPECT_TRUE(junk.ok());
  auto attrs = Extractor()->Extract("<div " + std::string(200000, 'a') + "=\"", ExtractLimits());
  EXPECT_TRUE(attrs.ok());
}

TEST(ExtractRobustnessTest, NodeLimitTruncates) {
  std::string html = "<html><body><div class='content'>";
  for (int i = 0; i < 5000; ++i) html += "<p>一段文字，带有标点。</p>";
  html += "</div></body></html>";
  ExtractLimits limits;
  limits.max_nodes = 1000;
  auto r = Extractor()->Extract(html, limits);
  ASSERT_TRUE(r.ok());
  EXPECT_THAT(r->flags, Contains("truncated"));
  EXPECT_LT(r->paragraphs.size(), 1000u);
}

// --- real pages ------------------------------------------------------------------------------

// A forum post above its reply tree: each row of the tree is a linked reply title with the
// author in brackets, a time, a length and counters. Outside its links a row holds no words,
// so forty rows do not outscore one post.
TEST(ExtractTest, ReplyTreeRowsAreNoParagraphs) {
  std::string rows;
  for (int k = 0; k < 40; ++k)
    rows += "<li><a href=\"t.jsp?id=" + std::to_string(k) + "\">我也来说说这次出门的经历，真是一言难尽啊" +
            std::to_string(k) + "</a>【<a href=\"u.jsp\">网友" + std::to_string(k) +
            "</a>】<font class=posttime>08-1" + std::to_string(k % 10) + " 17:03</font> " +
            std::to_string(100 + k) + "字 [" + std::to_string(140 + k) + "/0]</li>\n";
  std::string html = R"(<html><head><title>你知道导游为什么热衷于购物吗</title></head><body>
<table><tr><td class="large"><b>主题：</b>你知道导游为什么热衷于购物吗</td></tr></table>
<table><tr><td class="line_h24"><p class="large">导游的收入很大一部分来自购物的回扣，这是业内的“行规”，境内游境外游都是这样的。以国内游为例，回扣一般在购物额的10％左右，个别的会更高。所以，一定要看清楚合同，不要听导游瞎掰。</p></td></tr></table>
<table><tr><td class="large"><b>| 回复线索：</b></td></tr></table>
<table><tr><td><ul>)" + rows + R"(</ul></td></tr></table></body></html>)";
  ExtractedPage p = MustExtract(html);
  std::string text = Joined(p);
  EXPECT_THAT(text, HasSubstr("导游的收入很大一部分来自购物的回扣"));
  EXPECT_THAT(text, Not(HasSubstr("网友1")));
  EXPECT_THAT(text, Not(HasSubstr("一言难尽")));
}

// Readers' comments under a blog post outweigh the post (sixty replies against four
// paragraphs); the post is the text. A page that is nothing but short reviews keeps them: what
// stands outside the comment list there is a cast list, not an article.
std::string CommentList(int n, const std::string& item_class) {
  std::string c;
  for (int k = 0; k < n; ++k)
    c += "<div class='" + item_class + "'><h4>re: 很高兴入住 <span>2004-12-27 12:" +
         std::to_string(10 + k % 50) + "</span> <a>网友" + std::to_string(k) +
         "</a></h4><p>拜读了你翻译的那本书，很不错，期待阅读你的大作，第" + std::to_string(k) +
         "次来看。</p></div>";
  return c;
}

TEST(ExtractTest, ReaderCommentsOutweighingThePostAreDropped) {
  std::string html =
      "<html><head><title>很高兴入住博客堂</title></head><body><div id='main'><div class='post'>"
      "<h2>很高兴入住博客堂</h2>"
      "<p>承蒙朋友的邀请，很高兴入住博客堂。作为技术社区，这里是一个写技术博客的好地方。我在这里的博客将集中在两个方面，一是语言，二是框架。</p>"
      "<p>简单介绍一下我的情况：在框架刚刚推出之时，我曾写过一个专栏。从此进入技术写译界，也和框架结下了不解之缘，前后翻译了两本书。</p>"
      "<p>目前我在上海一家公司担任软件架构师，并讲授软件开发课程。业余时间写作一本关于组件程序设计的书，明年出版。</p>"
      "<p>希望以后和各位多多交流。</p></div>"
      "<div id='comments'><h3>评论</h3>" + CommentList(60, "c") + "</div></div></body></html>";
  ExtractedPage p = MustExtract(html);
  EXPECT_THAT(p.flags, Not(Contains("thread")));
  std::string text = Joined(p);
  EXPECT_THAT(text, HasSubstr("很高兴入住博客堂。作为技术社区"));
  EXPECT_THAT(text, HasSubstr("希望以后和各位多多交流"));
  EXPECT_THAT(text, Not(HasSubstr("拜读了你翻译的那本书")));
}

TEST(ExtractTest, PageOfShortReviewsKeepsThem) {
  std::string html =
      "<html><head><title>某电影 短评</title></head><body><div id='wrapper'><div class='article'>"
      "<div id='comments'>" + CommentList(40, "comment-item") + "</div></div><div class='aside'>"
      "<div id='info'>导演: 张三 / 编剧: 李四 / 主演: 王五 / 赵六 / 孙七 / 周八 / 吴九 / 郑十 类型: 剧情 / "
      "爱情 制片国家/地区: 中国大陆 语言: 汉语普通话</div></div></div></body></html>";
  ExtractedPage p = MustExtract(html);
  EXPECT_THAT(p.flags, Contains("thread"));
  std::string text = Joined(p);
  EXPECT_THAT(text, HasSubstr("拜读了你翻译的那本书，很不错，期待阅读你的大作，第7次来看"));
  EXPECT_THAT(text, Not(HasSubstr("编剧")));
}

// Posts in one repeated frame: with a headline of their own over each they are a blog's
// archive page (separate entries: the first is the page's); with reply titles they are a thread.
std::string EntryPage(const std::vector<std::string>& titles) {
  const char* bodies[] = {
      "距墨尔本西北约110公里处，是当年发现第一块天然黄金的地方，现在是最受游客欢迎的观光城市之一。城中从建筑到人物都再现了淘金高潮期间的历史风貌。",
      "头发留的很长很长了，每天总是花很多时间去梳头，去洗头，以前总为一头美丽的长发而骄傲，但是时间久了，也觉得烦了，所以就去剪了。",
      "想想十多年前，没有中文报纸，没有网络，只能听广播，而现在呢，多幸福，美好的网络连接你我，每天都能读到家乡的消息。"};
  std::string html = "<html><head><title>海姑娘的博客</title></head><body><table>";
  for (size_t k = 0; k < titles.size(); ++k)
    html += "<tr><td><table class='table-bg'><tr><td><table><tr><td class='post-title'>" +
            titles[k] + "</td><td class='post-title'>2005-03-2" + std::to_string(k) +
            " 01:20:44</td></tr></table></td></tr><tr><td><table><tr><td class='post-body'>" +
            bodies[k] + "</td></tr></table></td></tr></table></td></tr>";
  return html + "</table></body></html>";
}

TEST(ExtractTest, TitledEntriesOfAnArchiveAreNotJoined) {
  ExtractedPage p = MustExtract(EntryPage({"昨天去金矿玩，真开心", "长发剪了，感觉很轻松", "以下是我做的节日节目"}));
  EXPECT_THAT(p.flags, Not(Contains("thread")));
  std::string text = Joined(p);
  EXPECT_THAT(text, HasSubstr("距墨尔本西北约110公里处"));
  EXPECT_THAT(text, Not(HasSubstr("头发留的很长很长了")));
  EXPECT_THAT(text, Not(HasSubstr("没有中文报纸")));
}

// A forum's thread list: each entry a linked title over a short abstract, one title too short
// to count. It is an index of other pages (flag listing, no text), not a thread; the same list
// with full posts under the linked titles has text of its own.
TEST(ExtractTest, ThreadListWithLinkedTitlesAndAbstractsIsAListing) {
  const char* titles[] = {"失联女大学生遗骸找到了", "求助", "八一建军节致敬子弟兵们",
                          "今年七月为何没有台风", "成人高考报名开始了吗", "新买的车能不能开高速"};
  const char* abstracts[] = {
      "8月1日，青海省格尔木公安局通报称，7月30日晚在可可西里自然保护区无人区发现失联女大学生遗骸，"
      "警方已排除刑事案件，具体情况仍在进一步调查之中，家属已经赶到当地。",
      "各位大佬，本人家正门正对着厕所门，哪位能人帮忙设计个玄关？",
      "今天，中国人民解放军建军93周年，谢谢你，守护我们的人民子弟兵！",
      "今年7月西北太平洋及南海没有1个台风生成，这是有气象记录以来的第一次。",
      "高起专，高起本，专升本，不用到校学习，有意向的朋友可以咨询。",
      "新买的车，磨合期能不能上高速？跑多少公里以后才算磨合完？"};
  auto page = [&](const std::string& more) {
    std::string html = "<html><head><title>热议吧_百度贴吧</title></head><body><ul id='thread_list'>";
    for (size_t k = 0; k < 6; ++k)
      html += "<li class='j_thread_list'><div class='t_con'><div class='col2_left'>"
              "<span class='threadlist_rep_num'>" + std::to_string(k * 3) +
              "</span></div><div class='col2_right'><div class='threadlist_lz'>"
              "<div class='threadlist_title'><a href='/p/" + std::to_string(680 + k) +
              "' class='j_th_tit'>" + titles[k] + "</a></div><div class='threadlist_author'>"
              "<a href='/home/u" + std::to_string(k) + "'>用户" + std::to_string(k) +
              "</a></div></div><div class='threadlist_detail'><div class='threadlist_text'>"
              "<div class='threadlist_abs'>" + abstracts[k] + more + "</div></div>"
              "<span class='threadlist_reply_date'>16:0" + std::to_string(k) +
              "</span></div></div></div></li>";
    return html + "</ul></body></html>";
  };
  ExtractedPage list = MustExtract(page(""));
  EXPECT_THAT(list.flags, Contains("listing"));
  EXPECT_THAT(list.flags, Not(Contains("thread")));
  EXPECT_TRUE(list.paragraphs.empty()) << list.paragraphs.size() << " paragraphs";
  // Full posts under the linked titles are text of their own, not a listing.
  std::string full;
  for (int k = 0; k < 4; ++k)
    full += "这是正文的又一段话，记录了事情的经过和大家的讨论，也补充了后来的进展和结果。";
  ExtractedPage index = MustExtract(page(full));
  EXPECT_THAT(index.flags, Not(Contains("listing")));
  const std::string text = Joined(index);
  EXPECT_NE(text.find("可可西里"), std::string::npos);
}

TEST(ExtractTest, RepliesWithReplyTitlesAreJoined) {
  ExtractedPage p = MustExtract(EntryPage({"昨天去金矿玩，真开心", "回复：昨天去金矿玩，真开心", "Re: 昨天去金矿玩，真开心"}));
  EXPECT_THAT(p.flags, Contains("thread"));
  std::string text = Joined(p);
  EXPECT_THAT(text, HasSubstr("距墨尔本西北约110公里处"));
  EXPECT_THAT(text, HasSubstr("头发留的很长很长了"));
  EXPECT_THAT(text, HasSubstr("没有中文报纸"));
}

// Code keeps its characters, line breaks and indentation: a <pre><code> block is one
// preformatted paragraph with its lines; the line-number gutter beside it is no text; a
// command on a line of its own in <code> is preformatted; a code block made of <li> lines
// (class "blockcode") is one block with a line per item.
TEST(ExtractTest, CodeBlocksAreKeptVerbatim) {
  std::string html =
      "<html><head><title>Windows 命令行设置代理</title></head><body><div class='article_content'>"
      "<h1>Windows 命令行设置代理</h1>"
      "<p>在命令行里访问外网时，需要先为当前窗口设置代理，否则下载依赖会一直超时，下面是具体做法。</p>"
      "<pre class='prettyprint'><code class='language-bash'>set http_proxy=http://127.0.0.1:59727\n"
      "set https_proxy=http://127.0.0.1:59727\n\nif [ -n \"$x\" ]; then\n    echo   \"a  b\"\n"
      "fi</code><ul class='pre-numbering'><li>1</li><li>2</li><li>3</li><li>4</li></ul></pre>"
      "<p>设置完成后，可以用下面这条命令检查代理是否生效，能返回页面内容就说明已经成功。</p>"
      "<p><code>curl -I https://www.example.com/  --max-time 5</code></p>"
      "<div class='blockcode'><ol><li>int main() {</li><li>&nbsp;&nbsp;return 0;</li><li>}</li></ol>"
      "</div></div></body></html>";
  ExtractedPage p = MustExtract(html);
  ASSERT_EQ(p.paragraphs.size(), p.kinds.size());
  std::vector<std::string> pre;
  for (size_t i = 0; i < p.paragraphs.size(); ++i)
    if (p.kinds[i] == BlockKind::kPreformatted) pre.push_back(p.paragraphs[i]);
  ASSERT_EQ(pre.size(), 3u) << Joined(p);
  EXPECT_EQ(pre[0],
            "set http_proxy=http://127.0.0.1:59727\nset https_proxy=http://127.0.0.1:59727\n\n"
            "if [ -n \"$x\" ]; then\n    echo   \"a  b\"\nfi");
  EXPECT_EQ(pre[1], "curl -I https://www.example.com/ --max-time 5");
  EXPECT_EQ(pre[2], "int main() {\n  return 0;\n}");
  EXPECT_THAT(p.paragraphs, Contains(HasSubstr("下面是具体做法")));
}

// A one-paragraph story above a disclaimer box: the box is punctuated like prose and longer,
// but its class names a disclaimer, and the story is selected (without the hint the box alone
// was, and the line cleaner then left the record empty).
TEST(ExtractTest, DisclaimerBoxDoesNotOutscoreAShortStory) {
  std::string html =
      "<html><head><title>交通运输部：着力打造区域综合立体交通网络</title></head><body><div class='w600'>"
      "<div class='art_context'><p>据报道，今日从交通运输部新闻发布会获悉，区域交通一体化建设取得积极成效，"
      "下一步将着力打造综合立体交通网络。</p></div>"
      "<div class='statement'>【免责声明】本文仅代表作者本人观点，与本网无关。本网站对文中陈述、观点判断保持中立，"
      "不对所包含内容的准确性、可靠性或完整性提供任何明示或暗示的保证。请读者仅作参考，并请自行承担全部责任。</div>"
      "</div></body></html>";
  std::string text = Joined(MustExtract(html));
  EXPECT_THAT(text, HasSubstr("下一步将着力打造综合立体交通网络"));  // the line cleaner drops the box
}

// The simplified-script pages of the DAnIEL set, scored on extraction alone (no line cleaner):
// a floor that may only go up.
// A portal story with its neighbours inside the article container: a "延伸 · 推荐" box (label,
// headline link, teaser), the editor's line, then a quoted next story (headline over a teaser),
// and, on an infinite-scroll page, a second <h1> story with its own dateline. Only the story
// itself is text; without the article-end family every neighbour's teaser is kept.
std::string StoryWithNeighbours(const std::string& tail) {
  return R"(<html><head><meta charset="utf-8"><title>女警打百个电话遭停机_新闻中心</title></head><body>
<div class="post_main"><h1>女警打百个电话遭停机 运营商识别诈骗不能“不审即判”</h1>
<div class="post_info">2019-09-08 07:25:34 来源：某某日报</div>
<div class="post_body" id="endText">
<p>近日，一社区女民警在核查辖区“实有人口”时，平均每天拨出一百多个电话，被运营商以涉嫌诈骗为由停机。</p>
<p>网友们质疑，不少诈骗电话畅通无阻，民警正常工作多拨些电话就被认定为“涉嫌诈骗”，简直让人哭笑不得。</p>
<p>按理说，手机用户每天拨打多少电话，是自己的合法权利，以平均日拨电话数量作为停机的标准，显然不妥。</p>
<p>归根结底，打击拦截电信诈骗也得精准拦截，在已有技术手段下尽量避免误伤，这才是运营商应有的担当。</p>
<div class="special_tag_wrap"><div class="special_tag">
 <div class="special_tag_ttl">延伸 · 推荐</div>
 <div class="special_tag_cnt"><p><a href="/19/0907/a.html">女警一天打100电话被停机 电信:核实非诈骗后恢复</a></p>
 <p>近日，一社区女民警平均日拨100余个电话，电信技术部门以涉嫌电信网络诈骗为由将其停机，现已恢复通话。</p></div>
</div></div>
<p class="editor">责任编辑：王晓</p>)" + tail + R"(
</div></div></body></html>)";
}

TEST(ExtractTest, NeighbouringStoriesAreNotAppended) {
  const std::string quoted =
      R"(<blockquote><p>香港警方：示威行动未发生致命事件，谴责造谣者</p>
<p>港铁公司车务营运总监表示，当晚因激进示威者的破坏行为，港铁公司于22点53分启动疏散程序，医院管理局…</p></blockquote>,某某都市报)";
  ExtractedPage p = MustExtract(StoryWithNeighbours(quoted));
  std::string text = Joined(p);
  EXPECT_THAT(text, HasSubstr("被运营商以涉嫌诈骗为由停机。"));
  EXPECT_THAT(text, HasSubstr("这才是运营商应有的担当。"));
  EXPECT_THAT(text, Not(HasSubstr("延伸")));
  EXPECT_THAT(text, Not(HasSubstr("现已恢复通话")));
  EXPECT_THAT(text, Not(HasSubstr("香港警方")));
  EXPECT_THAT(text, Not(HasSubstr("港铁公司")));
  EXPECT_THAT(text, Not(HasSubstr("都市报")));

  // An infinite-scroll neighbour: a second headline with a dateline of its own.
  const std::string second =
      R"(<h1>运营商回应：将优化停机判定规则</h1><div class="post_info">2019-09-08 12:10:02 来源：某某晚报</div>
<p>针对民警电话被停机一事，运营商相关负责人表示，将优化判定规则，避免正常用户被误停。</p>)";
  text = Joined(MustExtract(StoryWithNeighbours(second)));
  EXPECT_THAT(text, HasSubstr("这才是运营商应有的担当。"));
  EXPECT_THAT(text, Not(HasSubstr("将优化停机判定规则")));
  EXPECT_THAT(text, Not(HasSubstr("避免正常用户被误停")));

  // Words of a label inside a sentence, and an editor's line followed by more of the story's
  // own prose (no headline), do not end it.
  const std::string more =
      R"(<p>下一篇报道我们将继续关注此事，相关新闻请读者留意本报客户端的推送，我们会在第一时间更新。</p>)";
  text = Joined(MustExtract(StoryWithNeighbours(more)));
  EXPECT_THAT(text, HasSubstr("我们会在第一时间更新。"));
}

// A select-to-share plugin marks the article container itself (class BSHARE_POP): the story
// stays the content, and the long list of readers' comments under it does not replace it.
TEST(ExtractTest, ShareHighlighterClassOnTheArticleKeepsIt) {
  std::string comments;
  for (int k = 0; k < 40; ++k)
    comments += "<div class='item'><div class='cont'><span class='name'>网友" + std::to_string(k) +
                "：</span><div class='txt'>这款手机的价格还是太贵了，外观和去年几乎一样，没有什么新意，不如再等等。</div>"
                "<span class='time'>今天07:13</span></div></div>";
  const std::string html =
      "<html><head><title>苹果发布新手机 售价五千四百九十九元起</title></head><body>"
      "<h1>苹果发布新手机 售价五千四百九十九元起</h1>"
      "<div class='BSHARE_POP blkContainerSblkCon' id='artibody'>"
      "<p>北京时间9月11日凌晨消息，苹果秋季发布会开幕，新手机采用双摄像头，有六种配色，售价699美元。</p>"
      "<p>官网显示，新手机国行各容量售价分别为：64GB售5499元，128GB售5999元，256GB售6799元。</p>"
      "<p>新手机最大的变化是在设备后部的摄像头，广角和超广角镜头可在拍摄过程中自由切换。</p></div>"
      "<div class='sina-comment-wrap' id='bottom_sina_comment'><div class='list'>" + comments +
      "</div></div></body></html>";
  ExtractedPage p = MustExtract(html);
  std::string text = Joined(p);
  EXPECT_THAT(text, HasSubstr("64GB售5499元"));
  EXPECT_THAT(text, Not(HasSubstr("没有什么新意")));
  EXPECT_THAT(p.flags, Not(Contains("thread")));
}

// A sidebar of teaser cards, each a whole <li><a> with a name, a time and a long punctuated
// summary, is a list of links: it does not outscore a short story of three paragraphs.
TEST(ExtractTest, TeaserCardsInALinkListDoNotOutscoreAShortStory) {
  std::string cards;
  for (int k = 0; k < 4; ++k)
    cards += "<li><a href='/live/" + std::to_string(k) + "'><span class='avatar'><img src='/a.png'></span>"
             "<div class='tw-text'><h3>博主" + std::to_string(k) + "<span class='time'>今天 12:08</span></h3>"
             "<div class='content'>央行在周末期间宣告降准，利多带动今天两市指数跳空高开，高开未见追价买盘，反现出脱卖压，"
             "两市指数回落，大盘处于平板价以上的高档震荡。深市三指数表现稳健有力，高开回落再回升，盘中再过早盘"
             "高点，三指数皆收高1%以上。早盘两市暂时以六连涨行情作收，午后关注量能变化。</div></div></a></li>";
  const std::string html =
      "<html><head><title>网传账号外泄 铁路部门辟谣称消息不实</title></head><body>"
      "<div class='main'><h1>网传账号外泄 铁路部门辟谣称消息不实</h1><div class='article' id='artibody'>"
      "<p>今日有网友爆料，有60万个账号数据在网上出售。</p>"
      "<p>今晚，铁路部门发布辟谣消息称：网传信息不实。</p>"
      "<p>铁路部门提醒旅客通过官方网站购票，避免风险。</p>"
      "</div></div><div class='side'><div class='cj-live-list'><ul>" + cards +
      "</ul></div></div></body></html>";
  std::string text = Joined(MustExtract(html));
  EXPECT_THAT(text, HasSubstr("网传信息不实。"));
  EXPECT_THAT(text, HasSubstr("避免风险。"));
  EXPECT_THAT(text, Not(HasSubstr("央行")));
}

TEST(ExtractRealPagesTest, SimplifiedNewsPagesMeanF1) {
  QINGXI_REQUIRE_SHARED();
  const std::string dir = testing::SharedDir() + "/eval/daniel-zh";
  auto manifest = testing::ReadLines(dir + "/MANIFEST.tsv");
  double sum = 0;
  int count = 0;
  for (const std::string& row : manifest) {
    if (row.rfind("zh", 0) != 0 || row.find("\tHans") == std::string::npos) continue;
    std::string id = row.substr(0, row.find('\t'));
    std::string html = testing::ReadFile(dir + "/html/" + id + ".html");
    std::string gold = testing::ReadFile(dir + "/gold/" + id + ".txt");
    auto r = Extractor()->Extract(html, ExtractLimits());
    ASSERT_TRUE(r.ok()) << id;
    double f = testing::TokenF1(r->title + "\n" + Joined(r.value()), gold);
    sum += f;
    ++count;
  }
  ASSERT_GT(count, 100);
  EXPECT_GE(sum / count, 0.95) << "mean token F1 over " << count << " pages";
}

TEST(ExtractRealPagesTest, EveryPageGivesTitleAndText) {
  QINGXI_REQUIRE_SHARED();
  const std::string dir = testing::SharedDir() + "/eval/daniel-zh/html";
  int pages = 0, with_text = 0, with_title = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    auto r = Extractor()->Extract(testing::ReadFile(e.path().string()), ExtractLimits());
    ASSERT_TRUE(r.ok()) << e.path();
    ++pages;
    with_text += !r->paragraphs.empty();
    with_title += !r->title.empty();
  }
  EXPECT_EQ(with_text, pages);
  EXPECT_EQ(with_title, pages);
}

}  // namespace
}  // namespace qingxi
