// `qingxi explain PAGE` (one page as self-contained HTML, checked in headless Chromium where it
// is installed) and `qingxi rules test 'a line'`.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "test_util.h"

namespace qingxi {
namespace {

using testing::BinaryPath;
using testing::ReadFile;
using testing::RunCommand;
using testing::SourceDir;
using testing::TempDir;
using testing::WriteFile;

size_t Count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

// An article about web security, whose own text shows "<script>" and "</style>", inside the
// chrome of a portal: a nav bar, a breadcrumb, a share line, a footer.
constexpr const char* kPage =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>网页安全入门：为什么要转义 - "
    "某某科技网</title>"
    "<style>body{color:#333}</style></head><body>"
    "<nav><a href=\"/\">首页</a> <a href=\"/news\">资讯</a> <a href=\"/dev\">开发</a></nav>"
    "<div class=\"breadcrumb\"><a href=\"/\">首页</a> &gt; <a href=\"/dev\">开发</a> &gt; "
    "正文</div>"
    "<div class=\"article\"><h1>网页安全入门：为什么要转义</h1>"
    "<p>很多网站把用户的留言原样输出到页面里，攻击者只要写下 &lt;script&gt;alert(1)&lt;/script&gt; "
    "这样的内容，就能让别人的浏览器执行代码。</p>"
    "<p>同样，如果把文字放进样式表里，一段 &lt;/style&gt; "
    "就会提前结束样式，后面的内容都会乱掉。</p>"
    "<p>正确的做法是在输出时转义尖括号、引号和和号，让浏览器把它们当作文字显示，而不是标记。</p>"
    "<p>分享到：微信 微博 QQ空间</p>"
    "</div>"
    "<footer>版权所有 © 2023 某某科技网 京ICP备12345678号</footer>"
    "<script>document.write('<p>不是正文</p>')</script>"
    "</body></html>";

TEST(CliExplainTest, PageStrikesRemovalsWithTheirRulesAndEscapesText) {
  const std::string dir = TempDir();
  WriteFile(dir + "/page.html", kPage);
  ASSERT_EQ(
      RunCommand(BinaryPath() + " explain " + dir + "/page.html -o " + dir + "/page.explain.html"),
      0);
  EXPECT_FALSE(std::filesystem::exists(dir + "/page.explain.html.partial"));
  const std::string html = ReadFile(dir + "/page.explain.html");
  // Self-contained: no script, nothing loaded.
  for (const char* bad :
       {"<script", "<link", "<img", "<iframe", "url(", "@import", "src=", "href="})
    EXPECT_EQ(html.find(bad), std::string::npos) << bad;
  // The page's own "<script>" and "</style>" are text; the only </style> closes our styles.
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;/style&gt;"), std::string::npos);
  EXPECT_EQ(Count(html, "</style>"), 1u);
  // Kept sentences are plain; removed parts are struck through with stage, reason and rule.
  EXPECT_NE(html.find("正确的做法是在输出时转义尖括号"), std::string::npos);
  EXPECT_NE(html.find("title=\"extract · dropped_tag — html.rules:"), std::string::npos);
  EXPECT_NE(html.find("title=\"extract · class_hint — &lt;div class=&quot;breadcrumb&quot;&gt;"),
            std::string::npos);
  EXPECT_NE(html.find("title=\"clean · share — meta.rules:"), std::string::npos);
  EXPECT_NE(html.find(" soft_drop_tag footer (under soft_drop_share"), std::string::npos);
  EXPECT_GE(Count(html, "<del class=\"c"), 5u);
  // Every visible text is kept or explained.
  EXPECT_EQ(html.find("title=\"neither kept nor explained\""), std::string::npos);
  // Script text is no visible text: not shown at all.
  EXPECT_EQ(html.find("不是正文"), std::string::npos);
}

TEST(CliExplainTest, EverySampleRendersWithEveryPartExplained) {
  const std::string dir = TempDir();
  int pages = 0;
  for (const auto& e : std::filesystem::directory_iterator(SourceDir() + "/samples/pages")) {
    const std::string out = dir + "/" + e.path().filename().string() + ".html";
    ASSERT_EQ(RunCommand(BinaryPath() + " explain " + e.path().string() + " -o " + out), 0)
        << e.path();
    const std::string html = ReadFile(out);
    EXPECT_EQ(html.find("title=\"neither kept nor explained\""), std::string::npos) << e.path();
    EXPECT_NE(html.find("<del class=\"c"), std::string::npos) << e.path();
    ++pages;
  }
  EXPECT_GE(pages, 40);
}

TEST(CliExplainTest, TextInputAndStandardOutput) {
  std::string out;
  ASSERT_EQ(RunCommand(BinaryPath() + " explain --in text " + SourceDir() +
                           "/samples/pages/22-wet-foreign-watermark-gbk.txt",
                       &out),
            0);
  EXPECT_EQ(out.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_GE(Count(out, "clean · watermark"), 3u);
  EXPECT_EQ(RunCommand(BinaryPath() + " explain /no/such/page.html 2>/dev/null"), 2);
  EXPECT_EQ(RunCommand(BinaryPath() + " explain 2>/dev/null"), 2);
}

TEST(CliExplainTest, RendersInHeadlessChromium) {
  const std::string dir = TempDir();
  WriteFile(dir + "/page.html", kPage);
  const std::string html = dir + "/page.explain.html";
  ASSERT_EQ(RunCommand(BinaryPath() + " explain " + dir + "/page.html -o " + html), 0);
  if (access("/usr/bin/chromium", X_OK) != 0)
    GTEST_SKIP() << "/usr/bin/chromium is not installed (apt-get install chromium); the browser "
                    "check is skipped";
  const std::string flags =
      " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
      "--disable-background-networking --disable-component-update --disable-sync "
      "--user-data-dir=" +
      TempDir() + " ";
  std::string dom;
  ASSERT_EQ(RunCommand("timeout 120 /usr/bin/chromium" + flags + "--dump-dom file://" + html +
                           " 2>/dev/null",
                       &dom),
            0);
  // The browser built the page: struck-through parts, the kept text, and the page's "<script>"
  // as text (serialised escaped), never as an element.
  EXPECT_GE(Count(dom, "<del class=\"c"), 5u);
  EXPECT_NE(dom.find("正确的做法是在输出时转义尖括号"), std::string::npos);
  EXPECT_NE(dom.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(dom.find("<script"), std::string::npos);
  EXPECT_NE(dom.find("The record"), std::string::npos);  // after the text: nothing cut it short
  const std::string png = dir + "/page.png";
  ASSERT_EQ(RunCommand("timeout 120 /usr/bin/chromium" + flags + "--screenshot=" + png +
                       " --window-size=1000,1200 file://" + html + " >/dev/null 2>&1"),
            0);
  const std::string shot = ReadFile(png);
  ASSERT_GT(shot.size(), 24u);
  EXPECT_EQ(shot.substr(1, 3), "PNG");
  EXPECT_GT(shot.size(), 20000u) << "the screenshot looks blank: " << png;
}

struct RuleCase {
  const char* line;
  const char* verdict;  // "removed: REASON" or "cut: REASON"
  const char* rule;     // part of the rule line
};

TEST(CliRulesTest, NamesTheRuleThatRemovesALine) {
  for (const RuleCase& c :
       {RuleCase{"澳门赌场 网上赌场 百家乐 真人娱乐 在线投注", "removed: spam", "spam.rules:"},
        RuleCase{"分享到：微信 微博 QQ空间", "removed: share", "meta.rules:"},
        RuleCase{"开通VIP会员，阅读全文", "removed: paywall", "paywall.rules:"},
        RuleCase{"来源：新华网 作者：张三 2023-04-18 10:02", "removed: metadata", "meta.rules:"},
        RuleCase{"首页 > 新闻中心 > 地方新闻", "removed: breadcrumb", "nav.rules:"}}) {
    std::string out;
    EXPECT_EQ(RunCommand(BinaryPath() + " rules test '" + c.line + "'", &out), 0) << c.line << "\n"
                                                                                  << out;
    EXPECT_NE(out.find(c.verdict), std::string::npos) << c.line << "\n" << out;
    EXPECT_NE(out.find(std::string("  rule: ")), std::string::npos) << out;
    EXPECT_NE(out.find(c.rule), std::string::npos) << c.line << "\n" << out;
    EXPECT_NE(out.find(std::string("  span: ") + c.line), std::string::npos) << out;
  }
}

TEST(CliRulesTest, NamesTheSpanOfACut) {
  std::string out;
  EXPECT_EQ(
      RunCommand(BinaryPath() + " rules test '这学期我们开(kāi)展(zhǎn)读书活动，请家长配合。'",
                 &out),
      0)
      << out;
  EXPECT_NE(out.find("cut: pinyin"), std::string::npos) << out;
  EXPECT_NE(out.find("  span: (kāi)"), std::string::npos) << out;
  EXPECT_NE(out.find("kept: 这学期我们开展读书活动，请家长配合。"), std::string::npos) << out;
}

// A layer's site-scoped entry decides for a line of its site only: --url names the page.
TEST(CliRulesTest, SiteScopedLayerEntryAppliesToItsSiteOnly) {
  const std::string dir = testing::TempDir();
  testing::WriteFile(dir + "/drop.rules", "site example.com\nphrase 春耕比往年\n");
  const std::string line = "'今年的春耕比往年提前了一周，农户们早早备好了种子和化肥。'";
  std::string out;
  EXPECT_EQ(RunCommand(BinaryPath() + " rules test --extra-rules " + dir +
                           " --url https://news.example.com/a.html " + line, &out), 0) << out;
  EXPECT_NE(out.find("removed: drop"), std::string::npos) << out;
  EXPECT_NE(out.find(dir + "/drop.rules:2 phrase 春耕比往年"), std::string::npos) << out;
  EXPECT_EQ(RunCommand(BinaryPath() + " rules test --extra-rules " + dir +
                           " --url https://example.com.cn/a.html " + line, &out), 1) << out;
  EXPECT_NE(out.find("kept: no rule"), std::string::npos) << out;
}

TEST(CliRulesTest, SaysWhenALineIsKept) {
  std::string out;
  EXPECT_EQ(
      RunCommand(BinaryPath() + " rules test '今年全市粮食播种面积稳中有增，单产水平明显提高。'",
                 &out),
      1);
  EXPECT_NE(out.find("kept: no rule removes or cuts this line"), std::string::npos) << out;
  // One spam phrase matches but decides nothing alone: the threshold is named.
  EXPECT_EQ(RunCommand(BinaryPath() + " rules test '澳门赌场欢迎你'", &out), 1);
  EXPECT_NE(out.find("spam: 1 hit(s)"), std::string::npos) << out;
  EXPECT_NE(out.find("spam_min_hits"), std::string::npos) << out;
  EXPECT_NE(out.find("spam.rules:"), std::string::npos) << out;
}

TEST(CliRulesTest, UsageErrors) {
  EXPECT_EQ(RunCommand(BinaryPath() + " rules test 2>/dev/null"), 2);
  EXPECT_EQ(RunCommand(BinaryPath() + " rules 2>/dev/null"), 2);
  EXPECT_EQ(RunCommand(BinaryPath() + " rules test '  ' 2>/dev/null"), 2);
  EXPECT_EQ(RunCommand(BinaryPath() + " rules test --rules /no/such/dir 'x' 2>/dev/null"), 2);
  EXPECT_EQ(RunCommand(BinaryPath() + " rules test --url ftp://x 'x' 2>/dev/null"), 2);
  std::string help;
  EXPECT_EQ(RunCommand(BinaryPath() + " rules test --help", &help), 0);
  EXPECT_NE(help.find("Examples:"), std::string::npos);
}

}  // namespace
}  // namespace qingxi
