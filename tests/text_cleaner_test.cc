// Tests of the text cleaners: each cleaner on real-looking lines (with false-positive guards),
// rule-file errors reported as file:line, and the acceptance floors over the five seed pages.
#include "qingxi/text_cleaner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "line_rules.h"
#include "mojibake.h"
#include "pinyin.h"
#include "qingxi/convert.h"
#include "qingxi/pipeline.h"
#include "qingxi/utf8.h"
#include "test_util.h"
#include "watermark.h"

namespace qingxi {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

std::shared_ptr<const Converter> Conv() {
  static std::shared_ptr<const Converter> c = [] {
    auto r = Converter::Create(testing::RulesDir());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r.value() : nullptr;
  }();
  return c;
}

std::shared_ptr<const TextCleaner> Cleaner() {
  static std::shared_ptr<const TextCleaner> c = [] {
    auto r = TextCleaner::Create(testing::RulesDir(), Conv());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r.value() : nullptr;
  }();
  return c;
}

CleanOutput CleanText(std::vector<std::string> lines, bool from_html = false) {
  CleanInput in;
  in.lines = std::move(lines);
  in.from_html = from_html;
  return Cleaner()->Clean(in);
}

std::string Joined(const CleanOutput& o) {
  std::string s;
  for (const auto& p : o.paragraphs) s += p + "\n";
  return s;
}

const char* kBody1 =
    "今年是“十一五”规划的开局之年,也是服务业集聚区建设的全面启动之年,"
    "全区上下要认真贯彻落实区委、区政府的决策部署。";
const char* kBody2 =
    "当前和今后一个时期,加快服务业集聚区建设要以科学发展观为指导,"
    "紧紧围绕培育和增强城市综合服务功能,强化区位优势。";
const char* kBody3 =
    "同志们,加快服务业集聚区建设既是市委、市政府对我区经济社会实现跨越发展的客观要求,"
    "也是我区的主要抓手和重要载体。";

// ---------------------------------------------------------------- mojibake
class MojibakeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto r = MojibakeRepairer::Create(MojibakeRepairer::Options{});
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    m_ = std::move(r.value());
  }
  std::unique_ptr<MojibakeRepairer> m_;
};

TEST_F(MojibakeTest, CommonTablesCoverBothScripts) {
  EXPECT_TRUE(m_->IsCommonHan(U'的'));
  EXPECT_TRUE(m_->IsCommonHan(U'們'));   // Big5 frequent
  EXPECT_TRUE(m_->IsCommonHan(U'们'));   // GB 2312 level 1
  EXPECT_FALSE(m_->IsCommonHan(U'鍦'));  // typical UTF-8-as-GBK debris
  EXPECT_FALSE(m_->IsCommonHan(U'a'));
}

TEST_F(MojibakeTest, RepairsUtf8ReadAsGbk) {
  // "在今后工作中" encoded as UTF-8 and decoded as GBK.
  std::string line = "都需要我们鍦ㄤ粖鍚庡伐浣滀腑时刻警觉。";
  auto st = m_->Repair(&line);
  EXPECT_EQ(st.repaired, 1);
  EXPECT_EQ(line, "都需要我们在今后工作中时刻警觉。");
}

TEST_F(MojibakeTest, RepairsAroundLostBytes) {
  // A UTF-8 paragraph with one broken byte, sniffed as GBK as a whole: the round trip recovers
  // everything but the characters whose bytes were lost.
  const std::string fffd = "\xEF\xBF\xBD";
  std::string line = "绗" + fffd + "0娈靛墠鍗婂彞姝ｅ父锛尷" + fffd + "鍚庡崐鍙ヤ篃姝ｅ父銆" + fffd;
  auto st = m_->Repair(&line);
  EXPECT_EQ(st.repaired, 1);
  EXPECT_THAT(line, HasSubstr("段前半句正常，后半句也正常"));
}

TEST_F(MojibakeTest, RemovesSpansThatCannotBeRepaired) {
  // Seed 001: GBK bytes shifted by a lost byte, with private-use code points and '?'.
  std::string line = "这些困难和压力,都需要我們?cè)诮窈蠊ぷ髦袝r刻警覺,絲毫不能懈怠。";
  auto st = m_->Repair(&line);
  EXPECT_EQ(st.removed, 1);
  EXPECT_EQ(line, "这些困难和压力,都需要我們刻警覺,絲毫不能懈怠。");
  std::string stray = "项目入?yún)^(qū)和产业集聚";
  EXPECT_EQ(m_->Repair(&stray).removed, 1);
  EXPECT_EQ(stray, "项目入和产业集聚");
  std::string fffd = "文字\xEF\xBF\xBD\xEF\xBF\xBD内容";
  m_->Repair(&fffd);
  EXPECT_EQ(fffd, "文字内容");
}

TEST_F(MojibakeTest, LeavesRealTextAlone) {
  for (std::string line : {
           std::string("一是燕郊的经济领先地位能否保持?在宏观经济不确定因素较多的形势下。"),
           std::string("记者王骅、李禀报道:锲而不舍的精神。"),      // rare characters, alone
           std::string("吉野家のカレーライスが好きです。東京。"),   // Japanese
           std::string("公司推出ドラえもん主题展,吸引大批游客。"),  // a katakana run
           std::string("開發區年終工作會議領導講話(精選3篇)"),
       }) {
    std::string copy = line;
    auto st = m_->Repair(&copy);
    EXPECT_EQ(copy, line);
    EXPECT_EQ(st.removed + st.repaired, 0) << line;
  }
}

// ---------------------------------------------------------------- pinyin
class PinyinTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto r = PinyinStripper::Create(testing::RulesDir() + "/pinyin.rules");
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    p_ = std::move(r.value());
  }
  std::string Strip(std::string s) {
    p_->Strip(&s);
    return s;
  }
  std::unique_ptr<PinyinStripper> p_;
};

TEST_F(PinyinTest, Syllables) {
  bool toned = false;
  EXPECT_TRUE(p_->IsSyllable("kāi", &toned));
  EXPECT_TRUE(toned);
  EXPECT_TRUE(p_->IsSyllable("lǜ", &toned));
  EXPECT_TRUE(p_->IsSyllable("zhuàng", &toned));
  EXPECT_TRUE(p_->IsSyllable("ma", &toned));
  EXPECT_FALSE(toned);
  EXPECT_FALSE(p_->IsSyllable("kāī", &toned));  // two tone marks
  EXPECT_FALSE(p_->IsSyllable("DYK", &toned));
  EXPECT_FALSE(p_->IsSyllable("xyz", &toned));
  EXPECT_FALSE(p_->IsSyllable("2023", &toned));
}

TEST_F(PinyinTest, StripsPinyinAfterCharacters) {
  EXPECT_EQ(Strip("開(kāi)發(fā)區(qū)年終工作會(huì)議"), "開發區年終工作會議");
  EXPECT_EQ(Strip("首頁(yè) > 范文大全"), "首頁 > 范文大全");
  EXPECT_EQ(Strip("中（zhōng）国（guó）"), "中国");
  EXPECT_EQ(Strip("妈(ma)妈(ma)来了"), "妈妈来了");  // toneless, in a run
}

TEST_F(PinyinTest, KeepsRealParentheticals) {
  for (const char* s :
       {"关于加快产业集聚区科学发展若干政策(试行)的通知", "DYK及部分汽车零部件(DYK)企业",
        "预算(2023)年", "(一)建设服务业集聚区", "选项(a)正确", "这个字读(ma)",
        "開發區年終工作會議領導講話(精選3篇)", "国民生产总值(GDP)增长"}) {
    EXPECT_EQ(Strip(s), s);
  }
}

// ---------------------------------------------------------------- line rules via the cleaner
TEST(TextCleanerTest, SpamByDensityNotSingleHits) {
  auto o = CleanText(
      {"最近中文字幕完整版高清,宅男宅女精品国产av天堂,亚洲欧美日韩综合一区二区,"
       "最新色国产精品精品视频",
       kBody1, "警方近日破获一起利用网络平台组织赌博的案件,涉案金额巨大,多名嫌疑人已被刑事拘留。",
       kBody2});
  EXPECT_THAT(Joined(o), Not(HasSubstr("中文字幕")));
  EXPECT_THAT(Joined(o), HasSubstr("组织赌博的案件"));
}

TEST(TextCleanerTest, SpamWordsInNewsAreContent) {
  // Three lexicon hits, but a small share of a long sentence: a news report, not spam.
  const char* news =
      "警方通报,该团伙以代开发票为名实施诈骗,涉案发票金额逾千万元,"
      "并以高额贷款为诱饵骗取受害人手续费,目前已有十二名嫌疑人落网。";
  auto o = CleanText({"标题", kBody1, news, kBody2});
  EXPECT_THAT(o.paragraphs, ElementsAre(kBody1, news, kBody2));
}

TEST(TextCleanerTest, BreadcrumbsAndMenus) {
  auto o =
      CleanText({"学习啦>实用范文>致辞讲话>会议发言稿>", "区长领导干部大会表态讲话", kBody1,
                 "当前位置:首页 > 新闻中心 > 正文", "网站首页 | 新闻中心 | 关于我们 | 联系我们",
                 "当气温>35度、湿度>80%时,户外作业应当停止,用人单位要为劳动者提供防暑降温措施。",
                 "返回顶部", kBody2});
  EXPECT_EQ(o.title, "区长领导干部大会表态讲话");
  EXPECT_THAT(o.paragraphs, ElementsAre(kBody1, ::testing::StartsWith("当气温>35度"), kBody2));
}

TEST(TextCleanerTest, TraditionalBreadcrumbWithPinyinAndDate) {
  auto o = CleanText({"首頁(yè) > 范文大全 > 演講稿 > 發(fā)言稿 > 開(kāi)發(fā)區(qū)講話",
                      "開(kāi)發(fā)區(qū)年終工作會(huì)議領(lǐng)導(dǎo)講話",
                      "發(fā)布時(shí)間:2023-04-18",
                      "同志們:今天,我們召開(kāi)總結(jié)表彰大會(huì),隆重表彰一年來(lái)作出優("
                      "yōu)異成績(jī)的先進(jìn)集體。"});
  EXPECT_EQ(o.title, "開發區年終工作會議領導講話");
  EXPECT_EQ(o.date, "2023-04-18");
  ASSERT_EQ(o.paragraphs.size(), 1u);
  EXPECT_EQ(o.paragraphs[0],
            "同志們:今天,我們召開總結表彰大會,隆重表彰一年來作出優異成績的先進集體。");
}

TEST(TextCleanerTest, MetadataMovesToFields) {
  auto o = CleanText(
      {"全区服务业集聚区建设动员大会讲话", "时间:2022-11-09 12:08:00", "来源:新华网  作者:张三",
       "佩珊分享", kBody1, "浏览次数:1024", kBody2,
       "作者在文中指出,城市发展必须坚持以人民为中心,这一观点得到了与会专家的广泛认同和深入讨论。"});
  EXPECT_EQ(o.date, "2022-11-09T12:08:00");
  EXPECT_EQ(Joined(o), std::string(kBody1) + "\n" + kBody2 + "\n" +
                           "作者在文中指出,城市发展必须坚持以人民为中心,"
                           "这一观点得到了与会专家的广泛认同和深入讨论。\n");
}

TEST(TextCleanerTest, ShareSuffixOnlyAtTheEdges) {
  auto o = CleanText({"标题", kBody1, kBody2, kBody3, "经验分享", kBody1, kBody2, kBody3, kBody1});
  EXPECT_THAT(o.paragraphs, Contains("经验分享"));
  auto o2 = CleanText({"标题", "王芳分享", kBody1, kBody2, kBody3, kBody1, kBody2});
  EXPECT_THAT(o2.paragraphs, Not(Contains("王芳分享")));
}

TEST(TextCleanerTest, IntrosAndDisclaimers) {
  auto o = CleanText(
      {"全区服务业集聚区建设动员大会讲话",
       "导语:全区服务业集聚区建设动员大会讲话一文来源于网友上传,不代表本站观点,"
       "若需要原创文章可咨询客服老师,欢迎参考。",
       "所谓会议,"
       "是指人们围绕一个共同的主题进行信息交流的活动。下面就是学习啦小编给大家整理的区长讲话,"
       "仅供参考。",
       kBody1, kBody2,
       "以上统计数据仅供参考,最终结果以国家统计局正式公布的数据为准,各地区的详细数据将在下月公布。",
       kBody3, kBody1});
  EXPECT_THAT(Joined(o), Not(HasSubstr("网友上传")));
  EXPECT_THAT(Joined(o), Not(HasSubstr("小编")));
  EXPECT_THAT(Joined(o), HasSubstr("以上统计数据仅供参考"));
}

TEST(TextCleanerTest, RelatedBlockWithTeasers) {
  auto o = CleanText(
      {"开发区年终工作会议领导讲话", kBody1, kBody2,
       "开发区年终工作会议领导讲话(精选3篇) 相关内容:", "• 开发区工作会议讲话(通用9篇)",
       "同志们:"
       "这次全省开发区工作会议是在我省积极应对国际金融危机影响、经济企稳回升的关键时期召开的...",
       "• 发言稿"});
  EXPECT_EQ(Joined(o), std::string(kBody1) + "\n" + kBody2 + "\n");
  auto o2 = CleanText({"区长领导干部大会表态讲话", kBody1,
                       "看过区长领导干部大会表态讲话的人还看了:", "1.区长就职大会讲话",
                       "2.党委书记任职表态发言稿", "1116650"});
  EXPECT_EQ(Joined(o2), std::string(kBody1) + "\n");
}

TEST(TextCleanerTest, RelatedBlockEndsAtRealContent) {
  auto o = CleanText({"标题", kBody1, "相关阅读:", "区长就职大会讲话", kBody2, kBody3});
  EXPECT_EQ(Joined(o), std::string(kBody1) + "\n" + kBody2 + "\n" + kBody3 + "\n");
}

TEST(TextCleanerTest, PaywallIsRemovedAndFlagged) {
  auto o =
      CleanText({"市长在全市产业集聚区工作会议上的讲话", kBody1, "隐藏内容", "此处内容需要权限查看",
                 "• 普通用户特权:8.8积分", "• 会员用户特权:免费", "会员免费查看", kBody2});
  EXPECT_EQ(Joined(o), std::string(kBody1) + "\n" + kBody2 + "\n");
  EXPECT_THAT(o.flags, Contains("paywall"));
  auto plain = CleanText({"标题", kBody1, kBody2});
  EXPECT_THAT(plain.flags, Not(Contains("paywall")));
}

TEST(TextCleanerTest, WatermarksAreCutSentencesKept) {
  auto o = CleanText(
      {"标题",
       "这次全区服务业集聚建设动员大会是今年区委、公务员之家版权所有,全国公务员共同的天地!"
       "区政府召开的一次重要会议。",
       "遵循城市经济发展规律,公务员之家版权所有,全国公务员共同的天地!自觉推动产业能级提升。"});
  EXPECT_THAT(o.paragraphs,
              ElementsAre("这次全区服务业集聚建设动员大会是今年区委、区政府召开的一次重要会议。",
                          "遵循城市经济发展规律,自觉推动产业能级提升。"));
}

TEST(TextCleanerTest, SingleWatermarkFromRule) {
  auto o = CleanText(
      {"标题", kBody1,
       "遵循城市经济发展规律,好范文网版权所有,未经授权禁止转载!自觉推动产业能级提升。", kBody2});
  EXPECT_THAT(o.paragraphs,
              ElementsAre(kBody1, "遵循城市经济发展规律,自觉推动产业能级提升。", kBody2));
  // Mid-clause and only once: the name's start is unknown, so the words before it are not cut.
  auto o2 = CleanText({"标题", "这次大会是今年区委公务员之家版权所有召开的一次重要会议。"});
  EXPECT_THAT(o2.paragraphs[0], HasSubstr("这次大会是今年区委"));
}

TEST(TextCleanerTest, RecurringPhraseWithoutRule) {
  // No rule names this site: the phrase is found because it recurs, breaking sentences.
  auto o =
      CleanText({"标题", "我们要坚持以人民为中心,范文网专业写作平台欢迎您!不断提高群众满意度。",
                 "各级部门要团结协作、范文网专业写作平台欢迎您!确保各项工作落到实处。"});
  EXPECT_THAT(o.paragraphs, ElementsAre("我们要坚持以人民为中心,不断提高群众满意度。",
                                        "各级部门要团结协作、确保各项工作落到实处。"));
  // A slogan repeated as its own sentence is not a watermark.
  auto o2 = CleanText({"标题", "同志们,让我们携起手来,共创美好未来!谢谢大家。",
                       "我再说一遍。让我们携起手来,共创美好未来!谢谢大家。"});
  EXPECT_EQ(o2.paragraphs.size(), 2u);
  EXPECT_THAT(o2.paragraphs[1], HasSubstr("共创美好未来!谢谢大家"));
}

TEST(TextCleanerTest, IndentationCountersAndRepeatedTitle) {
  auto o = CleanText({"全区服务业集聚区建设动员大会讲话", "",
                      "\xE3\x80\x80\xE3\x80\x80全区服务业集聚区建设动员大会讲话",
                      "\xE3\x80\x80\xE3\x80\x80" + std::string(kBody1), "\xC2\xA0 ", "阅读(123)",
                      "    1116650"});
  EXPECT_EQ(o.title, "全区服务业集聚区建设动员大会讲话");
  EXPECT_THAT(o.paragraphs, ElementsAre(kBody1));
}

TEST(TextCleanerTest, ReaderCountersAndDownloadCallsToAction) {
  auto o = CleanText({"2021年社区工作总结", kBody1, kBody2,
                      "以上内容仅供参考，如需下载完整版请点击下方按钮。", "本文已影响3825人",
                      "3825人看过"});
  EXPECT_THAT(o.paragraphs, ElementsAre(kBody1, kBody2));
  // A sentence that merely mentions a count of people is content.
  auto keep =
      CleanText({"2021年社区工作总结", kBody1, "截至目前，全区已有3825人报名参加志愿服务活动。"});
  EXPECT_THAT(keep.paragraphs, Contains("截至目前，全区已有3825人报名参加志愿服务活动。"));
}

TEST(TextCleanerTest, DatelineGivesTheDateAndLeavesTheText) {
  auto o =
      CleanText({"臺中市推動綠色交通", "2019-08-21 14:35 聯合報 記者王小明／台中報導", kBody1});
  EXPECT_EQ(o.date.rfind("2019-08-21", 0), 0u) << o.date;
  EXPECT_THAT(o.paragraphs, ElementsAre(kBody1));
  // A notice's date of signature, alone on its line, is content.
  auto signed_notice =
      CleanText({"关于做好参保工作的通知", kBody1, "临川市医疗保障局", "2023年8月25日"});
  EXPECT_THAT(signed_notice.paragraphs, Contains("2023年8月25日"));
  // A sentence that starts with a date is content.
  auto keep = CleanText(
      {"标题", "2019年8月21日，台中市政府宣布新增六条公车路线，记者从交通局获悉。", kBody1});
  EXPECT_THAT(keep.paragraphs,
              Contains("2019年8月21日，台中市政府宣布新增六条公车路线，记者从交通局获悉。"));
}

TEST(TextCleanerTest, RecurringSiteNameClauseIsCut) {
  auto o = CleanText({"调研报告", "先后深入12个乡镇进行调研，范文先生网，召开座谈会15场。",
                      "近年来，范文先生网，各级党组织认真落实党建工作责任制。"});
  EXPECT_THAT(o.paragraphs, ElementsAre("先后深入12个乡镇进行调研，召开座谈会15场。",
                                        "近年来，各级党组织认真落实党建工作责任制。"));
  // Named once, a site is content.
  auto once = CleanText({"报道", "据悉，人民网，新华网等媒体对此进行了报道。", kBody1});
  EXPECT_THAT(once.paragraphs, Contains("据悉，人民网，新华网等媒体对此进行了报道。"));
}

TEST(TextCleanerTest, PaywallStubTakesItsPrivilegeListAndPriceWithIt) {
  auto o = CleanText({"教师暑期培训心得体会", kBody1, kBody2, "以下为付费内容，请开通会员后阅读",
                      "会员权益：", "1、免费下载全站文档", "2、专属客服一对一服务",
                      "￥9.9元/月 立即购买"});
  EXPECT_THAT(o.paragraphs, ElementsAre(kBody1, kBody2));
  EXPECT_THAT(o.flags, Contains("paywall"));
}

TEST(TextCleanerTest, TailFurnitureOfNewsPages) {
  auto o = CleanText({"我市启动秋季农产品展销会", kBody1, kBody2, kBody3, "（责任编辑：李华）",
                      "本文链接：http://www.example.gov.cn/news/2022/1015/123.html",
                      "转载请注明出处，未经授权禁止转载。", "扫一扫，关注微信公众号",
                      "长按识别二维码", "返回搜狐，查看更多", "展开全文"});
  EXPECT_THAT(o.paragraphs, ElementsAre(kBody1, kBody2, kBody3));
  // Navigation words inside a sentence do not make it navigation.
  auto keep =
      CleanText({"标题", kBody1, "点击返回首页可以查看更多的服务事项，市民也可以拨打热线咨询。"});
  EXPECT_THAT(keep.paragraphs,
              Contains("点击返回首页可以查看更多的服务事项，市民也可以拨打热线咨询。"));
}

TEST(TextCleanerTest, HtmlInputKeepsKnownTitleAndDate) {
  CleanInput in;
  in.from_html = true;
  in.title = "北京力促改善空气质量";
  in.date = "2012-01-20";
  in.lines = {"北京力促改善空气质量", kBody1, "分享到:微信 微博 QQ空间", kBody2};
  auto o = Cleaner()->Clean(in);
  EXPECT_EQ(o.title, "北京力促改善空气质量");
  EXPECT_EQ(o.date, "2012-01-20");
  EXPECT_THAT(o.paragraphs, ElementsAre(kBody1, kBody2));
}

TEST(TextCleanerTest, BracketedSourcesEditorsAndBylinesWithoutDate) {
  auto o = CleanText({"江滨大桥主体结构完工", "记者陈钧凯／台北报导",
                      "【台湾新生报／记者苏湘云／台北报导】", "文/图记者黄国金、华莹实习生杨金运",
                      kBody1, kBody2, "(本文来源：江城晚报)", "（责编：山水）", "(陈巍 编辑)",
                      "据《中国青年报》", "制图/帅灵茜", "编辑 | 小王",
                      "文字 | 李晓 图片 | 社区供图", "记者陈立凯／摄影"});
  EXPECT_THAT(o.paragraphs, ElementsAre(kBody1, kBody2));
  // The same words inside sentences are content.
  const char* reporter = "记者从市教育局获悉，今年全市新增中小学学位两万个，缓解了入学压力。";
  const char* source = "据《中国青年报》报道，全国已有超过两千所高校开设了相关课程。";
  const char* numbered = "（一）加强组织领导，明确工作责任。";
  auto keep = CleanText({"标题", kBody1, reporter, source, numbered, kBody2});
  EXPECT_THAT(keep.paragraphs, ElementsAre(kBody1, reporter, source, numbered, kBody2));
}

TEST(TextCleanerTest, DatelinesWithABylineWordOrAPublicationLabel) {
  auto wechat = CleanText(
      {"社区食堂开到家门口", "原创 城南社区 城南社区服务 2023-05-06 18:02 发表于浙江", kBody1});
  EXPECT_EQ(wechat.date.rfind("2023-05-06", 0), 0u) << wechat.date;
  EXPECT_THAT(wechat.paragraphs, ElementsAre(kBody1));
  auto forum =
      CleanText({"孩子上小学前需要提前学拼音吗？", "楼主 发表于 2022-3-4 12:05 | 只看该作者",
                 kBody1, "沙发 发表于 2022-3-4 12:31", kBody2});
  EXPECT_EQ(forum.date.rfind("2022-03-04T12:05", 0), 0u) << forum.date;
  EXPECT_THAT(forum.paragraphs, ElementsAre(kBody1, kBody2));
  // A two-character label inside a line is an ordinary word: an event's dates are content.
  const char* event = "本次活动时间 2023-05-06 至 2023-05-08";
  auto keep = CleanText({"标题", kBody1, event, kBody2});
  EXPECT_THAT(keep.paragraphs, Contains(event));
}

TEST(TextCleanerTest, DateAloneAboveTheTextIsThePageDate) {
  auto o = CleanText({"国务院部署春运工作", "2012年01月12日 15:52", kBody1, kBody2});
  EXPECT_EQ(o.date, "2012-01-12T15:52:00");
  EXPECT_THAT(o.paragraphs, ElementsAre(kBody1, kBody2));
  // A headline that asks a question is not yet the text.
  auto asked = CleanText({"孩子需要提前学拼音吗？", "2022-03-04", kBody1});
  EXPECT_EQ(asked.date, "2022-03-04");
  EXPECT_THAT(asked.paragraphs, ElementsAre(kBody1));
  // Under the text it is the date of signature and stays.
  auto notice = CleanText({"关于做好参保工作的通知", kBody1, "临川市医疗保障局", "2023年8月25日"});
  EXPECT_THAT(notice.paragraphs, Contains("2023年8月25日"));
}

TEST(TextCleanerTest, ForumQaAndWeChatFurniture) {
  auto o = CleanText(
      {"新买的铁锅第一次使用前要怎么处理？", "提问者：匿名用户 2021-08-01 09:15 浏览 3280次",
       "最佳答案", kBody1, "回答者：厨房达人 | 采纳率：86% | 2021-08-01 10:02",
       "赞同 128 | 评论 (6)", "其他回答(3)", kBody2, "回复 引用 举报",
       "本帖最后由 小雨妈妈 于 2022-3-4 13:10 编辑", kBody3, "使用道具 举报", "- END -", "阅读原文",
       "阅读 10万+", "在看 56", "点赞 分享 在看", "这篇新闻让您觉得？"});
  EXPECT_EQ(o.title, "新买的铁锅第一次使用前要怎么处理？");
  EXPECT_EQ(o.date.rfind("2021-08-01", 0), 0u) << o.date;
  EXPECT_THAT(o.paragraphs, ElementsAre(kBody1, kBody2, kBody3));
  const char* reply = "他回复说，会尽快处理群众举报的问题，并在一周内公布结果。";
  auto keep = CleanText({"标题", kBody1, reply, "顶一下，同问。", kBody2});
  EXPECT_THAT(keep.paragraphs, ElementsAre(kBody1, reply, "顶一下，同问。", kBody2));
}

TEST(TextCleanerTest, CallsToFollowTheSiteElsewhere) {
  auto o = CleanText({"点击上方蓝字关注我们", "红磡单位遭爆窃", kBody1, kBody2,
                      "香港新浪新闻现已开设Facebook专页，让你即时掌握本地、中国、国际新闻，与朋友分"
                      "享！快点到Facebook "
                      "Like我们的专页！[按此 Like]",
                      kBody3,
                      "我们也开了Google plus page,如有Google plus account的你,也可follow 我们吧!",
                      "3g.ifeng.com 用手机随时随地看新闻"});
  EXPECT_EQ(o.title, "红磡单位遭爆窃");
  EXPECT_THAT(o.paragraphs, ElementsAre(kBody1, kBody2, kBody3));
  // A story that mentions a Facebook page or an app, at the edge of the text or inside it.
  const char* fb = "该歌手昨日在Facebook专页上宣布婚讯，粉丝纷纷留言祝福。";
  const char* app = "市民可下载“粤省事”App办理相关业务，无需再到窗口排队。";
  auto keep = CleanText({"标题", fb, kBody1, app, kBody2, kBody3, kBody1, fb});
  EXPECT_THAT(keep.paragraphs, ElementsAre(fb, kBody1, app, kBody2, kBody3, kBody1, fb));
}

TEST(TextCleanerTest, RankingsRecommendationsAndSiteFooters) {
  auto o = CleanText({"江滨大桥主体结构完工", kBody1, kBody2, "点击排行", "1 市区新增三条公交线路",
                      "2 国庆假期天气预报出炉", "往期推荐", "社区开展垃圾分类宣传活动",
                      "喜欢此内容的人还喜欢", "相关问题", "铁锅生锈了还能用吗",
                      "主办单位：某某市人民政府办公室  承办单位：某某市大数据中心",
                      "网站标识码：3301000001  浙ICP备05012345号  浙公网安备 33010202000123号"});
  EXPECT_THAT(o.paragraphs, ElementsAre(kBody1, kBody2));
  const char* ranking = "在全省县域经济排行榜中，我县位列第十二名，比上年前进三位。";
  auto keep = CleanText({"标题", kBody1, ranking, kBody2});
  EXPECT_THAT(keep.paragraphs, Contains(ranking));
}

TEST(TextCleanerTest, BreadcrumbEndingInAQuestionTitle) {
  auto o = CleanText({"首页 › 论坛 › 亲子教育 › 孩子上小学前需要提前学拼音吗？",
                      "孩子上小学前需要提前学拼音吗？", kBody1});
  EXPECT_EQ(o.title, "孩子上小学前需要提前学拼音吗？");
  EXPECT_THAT(o.paragraphs, ElementsAre(kBody1));
}

TEST(TextCleanerTest, RecurringClauseWithAWebAddressIsCut) {
  auto o = CleanText(
      {"卫生院上半年工作总结",
       "上半年共接诊门诊患者18652人次，第一范文网 www.diyifanwen.com 整理，住院患者612人次。",
       "完成老年人健康体检2130人。第一范文网 www.diyifanwen.com "
       "整理，慢性病规范管理率进一步提高。"});
  EXPECT_THAT(o.paragraphs, ElementsAre("上半年共接诊门诊患者18652人次，住院患者612人次。",
                                        "完成老年人健康体检2130人。慢性病规范管理率进一步提高。"));
  // An address given once is content.
  const char* once = "申请人可登录 www.example.gov.cn 查询，也可拨打热线咨询。";
  auto keep = CleanText({"标题", once, kBody1});
  EXPECT_THAT(keep.paragraphs, Contains(once));
}

TEST(TextCleanerTest, PlatformDisclaimersAppPromptsAndCaptionLines) {
  auto o = CleanText(
      {"新能源汽车下乡活动启动", "▲活动现场。（图／记者王小明摄）", kBody1, kBody2,
       "阅读(123)┊ 评论(5)┊ 收藏(0)┊ 转载(1)┊ 喜欢▼┊打印┊举报",
       "著作权归作者所有。商业转载请联系作者获得授权，非商业转载请注明出处。", "请继续往下阅读...",
       kBody3, "打开APP阅读全文", "展开阅读全文∨", "添加评论", "【纠错】", "看更多",
       "本文为澎湃号作者或机构上传并发布，仅代表该作者或机构观点，不代表澎湃新闻的观点或立场。",
       kBody1, kBody2, "全文网址：https://www.example.com.tw/news/123456"});
  EXPECT_THAT(o.paragraphs, ElementsAre(kBody1, kBody2, kBody3, kBody1, kBody2));
  const char* reading = "他喜欢阅读和旅行，每年读书超过50本，还收藏了上百张老唱片。";
  const char* figure = "全市今年新增绿地120公顷（见图），人均公园绿地面积达到15平方米。";
  auto keep = CleanText({"标题", kBody1, reading, figure, kBody2, kBody3});
  EXPECT_THAT(keep.paragraphs, ElementsAre(kBody1, reading, figure, kBody2, kBody3));
}

TEST(TextCleanerTest, OneDisclaimerPhraseInAStorySentenceAtTheEdgeStays) {
  // Near the top or bottom one strong phrase removes a short paragraph, not a sentence of the
  // story that happens to hold it.
  const char* story =
      "福斯基16日在一场新闻发布会上说，船长未经许可，擅自使游轮偏离既定航线，导致游轮在吉利奥岛附近"
      "触礁搁浅。";
  auto o = CleanText({"游轮搁浅事故调查", story, kBody1, kBody2, "未经许可，不得转载。"});
  EXPECT_THAT(o.paragraphs, ElementsAre(story, kBody1, kBody2));
}

TEST(TextCleanerTest, AFirstLineWithSentencesInsideIsNotTheTitle) {
  // Text without a title line: the opening paragraph stays in the text.
  const char* lead =
      "据中国之声报导，昨天全国迎来中小学寒假假期。孩子放假家长很纠结：孩子在家犯了网瘾该怎么办？";
  auto o = CleanText({lead, kBody1, kBody2});
  EXPECT_EQ(o.title, "");
  EXPECT_THAT(o.paragraphs, ElementsAre(lead, kBody1, kBody2));
  const char* wrapped = "发改委公告，预计２０１２年，煤炭供需将保持基本平衡，但";
  o = CleanText({wrapped, kBody1, kBody2});
  EXPECT_EQ(o.title, "");
  EXPECT_THAT(o.paragraphs, ElementsAre(wrapped, kBody1, kBody2));
  // A headline with a comma, or a question, is still the title.
  o = CleanText({"孩子放假，家长犯了愁", kBody1, kBody2});
  EXPECT_EQ(o.title, "孩子放假，家长犯了愁");
  o = CleanText({"孩子在家犯了网瘾该怎么办？", kBody1, kBody2});
  EXPECT_EQ(o.title, "孩子在家犯了网瘾该怎么办？");
}

TEST(TextCleanerTest, InterviewTurnsAreContentBylinesAreNot) {
  const char* q1 = "记者：您是怎么走上科研道路的？";
  const char* a1 = "王教授：我从小就对数学感兴趣，大学时接触到机器学习，就一直做到现在。";
  const char* q2 = "记者：您觉得年轻人最需要什么？";
  auto o = CleanText({"专访青年科学家", "记者：张三 李四", "作者：王五", q1, a1, q2, kBody1,
                      "签名：生活就是不断折腾，装修也是。"});
  EXPECT_THAT(o.paragraphs, ElementsAre(q1, a1, q2, kBody1));
}

TEST(LineRulesTest, DateFormats) {
  auto r = LineRules::Create(testing::RulesDir(), LineThresholds{});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r.value()->FindDate("发布时间:2023-04-18"), "2023-04-18");
  EXPECT_EQ(r.value()->FindDate("2012年1月5日 08:30"), "2012-01-05T08:30:00");
  EXPECT_EQ(r.value()->FindDate("2012/01/05"), "2012-01-05");
  EXPECT_EQ(r.value()->FindDate("(二〇一〇年八月十八日)"), "");
  EXPECT_EQ(r.value()->FindDate("2012-13-05"), "");
}

// ---------------------------------------------------------------- rule-file errors
class RulesErrorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::TempDir() + "/rules";
    std::filesystem::copy(testing::RulesDir(), dir_, std::filesystem::copy_options::recursive);
  }
  void Append(const std::string& file, const std::string& text) {
    std::ofstream(dir_ + "/" + file, std::ios::app) << text;
  }
  int Lines(const std::string& file) {
    return static_cast<int>(testing::ReadLines(dir_ + "/" + file).size());
  }
  std::string dir_;
};

TEST_F(RulesErrorTest, BadDirectiveNamesFileAndLine) {
  Append("spam.rules", "\nphrase 赌场\nfrase 博彩\n");
  int line = Lines("spam.rules");
  auto r = TextCleaner::Create(dir_, Conv());
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("spam.rules:" + std::to_string(line) + ":"));
  EXPECT_THAT(r.status().message(), HasSubstr("frase"));
}

TEST_F(RulesErrorTest, BadRegexNamesFileAndLine) {
  Append("watermark.rules", "\nregex (版权所有\n");
  int line = Lines("watermark.rules");
  auto r = TextCleaner::Create(dir_, Conv());
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(),
              HasSubstr("watermark.rules:" + std::to_string(line) + ": bad regex"));
}

TEST_F(RulesErrorTest, UnknownSettingAndBadSyllable) {
  Append("thresholds.rules", "\nset spam_min_hitz 3\n");
  auto r = TextCleaner::Create(dir_, Conv());
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("thresholds.rules:"));
  EXPECT_THAT(r.status().message(), HasSubstr("spam_min_hitz"));
  auto p = PinyinStripper::Create(testing::RulesDir() + "/pinyin.rules");
  ASSERT_TRUE(p.ok());
  std::string bad = dir_ + "/pinyin_bad.rules";
  testing::WriteFile(bad, "syllable a ai\nsyllable kāi\n");
  auto q = PinyinStripper::Create(bad);
  ASSERT_FALSE(q.ok());
  EXPECT_THAT(q.status().message(), HasSubstr("pinyin_bad.rules:2:"));
}

TEST_F(RulesErrorTest, MissingFile) {
  std::filesystem::remove(dir_ + "/paywall.rules");
  auto r = TextCleaner::Create(dir_, Conv());
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("paywall.rules"));
}

// Page furniture that many sites print as lines of their own: comment-count calls to action
// (also with an unfilled template counter), vote buttons and tallies, a shop's contact block of
// several numbers, a syndicated story's source line with the source's address, a dated source
// credit in brackets, app and "在看" calls. One phone number under a notice stays.
TEST(TextCleanerTest, FurnitureLinesOfManySitesGo) {
  const std::vector<std::string> noise = {
      "已有 36 位网友参与评论 点击查看评论",
      "共有{count}条评论 我要评论",
      "推荐 / 不推荐 / 想买 / 观望",
      "2048票",
      "支持(12) 反对(3)",
      "【联系方式】 0571-88886666 13800001111 QQ：87654321",
      "https://news.example.com 2023年05月06日 08:15 某某日报",
      "【2023/05/06 某某晚报】@ http://www.example.com.tw/",
      "(本文来自某某新闻，更多原创资讯请下载“某某新闻”APP)",
      "看完了，点【在看】支持一下",
  };
  std::vector<std::string> lines = {kBody1};
  lines.insert(lines.end(), noise.begin(), noise.end());
  lines.push_back("联系电话：0571-88886666");
  lines.push_back(kBody2);
  std::string text = Joined(CleanText(lines, true));
  for (const auto& n : noise) EXPECT_THAT(text, Not(HasSubstr(n))) << n;
  EXPECT_THAT(text, HasSubstr("联系电话：0571-88886666"));
  EXPECT_THAT(text, HasSubstr(kBody1));
  EXPECT_THAT(text, HasSubstr(kBody2));
}

// Staff credits, reposted headlines, navigation calls, section numbers, keyword menus and
// picture credits that portals and official accounts leave around a story go; the same words
// inside sentences stay.
TEST(TextCleanerTest, StaffLinesNavigationCallsAndCountersGo) {
  const std::vector<std::string> noise = {
      "编辑 刘晓阳 校对 李铭",
      "责编 张晓 审核 王立新",
      "医技药剂党支部、药剂科供稿 摄影/张艳 编辑/苏芳",
      "本文原标题：《定了！城南地铁站即将开通！》",
      "（原题为《是“涨价”还是“回归理性”》）",
      "点击进入专题：",
      "返回某某网首页>>",
      "返回城南，查看更多",
      "3",
      "+1",
      "1/10",
      "1、回复【公租房】查看最新消息",
      "6、回复【垃圾分类】查看投放指南",
      "点击菜单栏【便民服务】解锁更多服务！",
      "扫描下方二维码解锁更多技能",
      "图片均来自网络",
      "图集",
      "【高清组图】",
      "【文/某某网专栏作者 王文】",
      "执笔/叨叨姐、胡一刀&李小飞刀",
      "原创： 路闻编译 某某交易与研究",
  };
  std::vector<std::string> lines = {"城南地铁站下月开通", kBody1};
  lines.insert(lines.end() - 1, noise.begin(), noise.begin() + 3);
  lines.insert(lines.end(), noise.begin() + 3, noise.end());
  lines.push_back(kBody2);
  std::string text = Joined(CleanText(lines, true));
  for (const auto& n : noise) EXPECT_THAT(text, Not(HasSubstr(n))) << n;
  EXPECT_THAT(text, HasSubstr(kBody1));
  EXPECT_THAT(text, HasSubstr(kBody2));
  const std::vector<std::string> content = {
      "记者从市交通局获悉，城南地铁站将于下月开通，编辑部也收到了大量读者来信。",
      "回复【公租房】即可查看最新消息，这是市住建局公众号推出的一项便民服务。",
      "图片来自网友的投稿，记录了城南地铁站施工时的场景，也记录了市民的期待。",
      "2023年共有12个项目开工。",
      "图集里收录了城南地铁站施工以来的两百多张照片。",
      "原创：这是他第一次尝试把家乡的故事写成小说，写了整整三年。",
      // A reporter's credit names the story's authors: it stays.
      "采写：南都记者 余毅菁 向雪妮",
      "新京报记者 陆一夫",
  };
  lines = {"城南地铁站下月开通", kBody1};
  lines.insert(lines.end(), content.begin(), content.end());
  text = Joined(CleanText(lines, true));
  for (const auto& c : content) EXPECT_THAT(text, HasSubstr(c)) << c;
  // A back-link the template appends to the last paragraph is cut; the sentence stays.
  const std::string last = "可以预见的是，第三方数据行业的整顿仍将持续。";
  text = Joined(CleanText({"城南地铁站下月开通", kBody1, last + "返回某某网首页>>",
                           kBody2 + std::string("返回某某，查看更多")},
                          true));
  EXPECT_THAT(text, HasSubstr(last + "\n"));
  EXPECT_THAT(text, HasSubstr(kBody2 + std::string("\n")));
  EXPECT_THAT(text, Not(HasSubstr("返回")));
  // A gallery's counter before a caption goes; a fraction in a sentence stays.
  const std::string caption = "当全世界绝大部分国家都在为吸引游客而绞尽脑汁的时候，只有这个国家一脸淡定。";
  const std::string fraction = "1/3的受访者表示，他们更愿意在周末出行，而不是在工作日请假。";
  text = Joined(CleanText({"城南地铁站下月开通", kBody1, "1/10 " + caption, fraction}, true));
  EXPECT_THAT(text, HasSubstr("\n" + caption + "\n"));
  EXPECT_THAT(text, HasSubstr(fraction));
}

// Preformatted blocks pass every cleaner and the conversion untouched: a URL line, a line
// that looks like a watermark or spam, traditional characters and indentation in code stay,
// while the prose around them is cleaned and converted.
TEST(PipelineTest, PreformattedBlocksAreNotCleanedOrConverted) {
  PipelineOptions opt;
  opt.rules_dir = testing::RulesDir();
  auto pipeline = Pipeline::Create(opt);
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  const std::string code =
      "# 設定代理 (來源: http://www.example.com.tw/)\n"
      "set http_proxy=http://127.0.0.1:59727\n"
      "http://127.0.0.1:59727/\n"
      "    echo \"歡迎光臨 本站 ni3 hao3\"";
  std::string html =
      "<html><head><meta charset='utf-8'><title>在命令列設定代理伺服器的方法</title></head><body>"
      "<div class='article-content'><h1>在命令列設定代理伺服器的方法</h1>"
      "<p>在命令列裡存取外部網路時，需要先為目前的視窗設定代理伺服器，否則下載相依套件會一直逾時。</p>"
      "<pre><code>" + code + "</code></pre>"
      "<p>設定完成後，可以用瀏覽器開啟任意網頁來檢查代理伺服器是否已經生效，這樣就完成了。</p>"
      "</div></body></html>";
  InputDocument doc;
  doc.id = "code";
  doc.bytes = html;
  doc.kind = InputKind::kHtml;
  Record r = pipeline.value()->Process(doc);
  ASSERT_FALSE(r.is_error()) << r.error;
  EXPECT_THAT(r.text, HasSubstr("\n" + code + "\n")) << r.text;
  EXPECT_THAT(r.text, HasSubstr("需要先为目前的视窗设定代理")) << r.text;
  EXPECT_THAT(r.text, HasSubstr("这样就完成了")) << r.text;
}

// ---------------------------------------------------------------- acceptance over the seeds
TEST(AcceptanceTest, SeedPagesMeetTheFloors) {
  QINGXI_REQUIRE_SHARED();
  PipelineOptions opt;
  opt.rules_dir = testing::RulesDir();
  auto pipeline = Pipeline::Create(opt);
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  const std::string seeds = testing::SharedDir() + "/seeds",
                    gold = testing::SharedDir() + "/acceptance/gold";
  double sum = 0;
  int docs = 0;
  for (const auto& e : std::filesystem::directory_iterator(seeds)) {
    if (e.path().extension() != ".txt") continue;
    const std::string id = e.path().stem().string();
    std::string bytes = testing::ReadFile(e.path().string());
    InputDocument doc;
    doc.id = id;
    doc.source = e.path().string();
    doc.bytes = bytes;
    doc.kind = InputKind::kText;
    Record r = pipeline.value()->Process(doc);
    ASSERT_FALSE(r.is_error()) << id << ": " << r.error;
    auto meta = nlohmann::json::parse(testing::ReadFile(gold + "/" + id + ".json"));
    double f = testing::TokenF1(r.text, testing::ReadFile(gold + "/" + id + ".txt"));
    EXPECT_GE(f, 0.98) << id;
    sum += f;
    ++docs;
    for (const auto& noise : meta["noise"]) {
      EXPECT_THAT(r.text, Not(HasSubstr(noise.get<std::string>()))) << id << " leaks";
    }
    if (meta.contains("title") && meta["title"].is_string()) {
      EXPECT_EQ(r.title, meta["title"].get<std::string>()) << id;
    }
    if (meta.contains("date") && meta["date"].is_string()) {
      EXPECT_EQ(r.date.rfind(meta["date"].get<std::string>(), 0), 0u) << id << " date " << r.date;
    }
    if (meta.contains("flags")) {
      for (const auto& fl : meta["flags"]) {
        EXPECT_THAT(r.flags, Contains(fl.get<std::string>())) << id;
      }
    }
  }
  ASSERT_EQ(docs, 5);
  EXPECT_GE(sum / docs, 0.99);
}

// Precision on text that is already clean: the human gold texts of the daniel-zh pages (their
// title line left out), cleaned as text input, must come out nearly whole. What the cleaner
// removes from them is either noise the gold kept (bylines, "来源：" lines, comment prompts) or a
// loss; the floor catches rules that start eating sentences.
TEST(AcceptanceTest, CleanTextStaysNearlyWhole) {
  QINGXI_REQUIRE_SHARED();
  PipelineOptions opt;
  opt.rules_dir = testing::RulesDir();
  auto pipeline = Pipeline::Create(opt);
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  const std::string gold = testing::SharedDir() + "/eval/daniel-zh/gold";
  size_t total = 0, lost = 0;
  int docs = 0;
  for (const auto& e : std::filesystem::directory_iterator(gold)) {
    if (e.path().extension() != ".txt") continue;
    std::string bytes = testing::ReadFile(e.path().string());
    bytes = bytes.substr(std::min(bytes.size(), bytes.find('\n') + 1));  // the title line
    InputDocument doc;
    doc.id = e.path().stem().string();
    doc.source = e.path().string();
    doc.bytes = bytes;
    doc.kind = InputKind::kText;
    Record r = pipeline.value()->Process(doc);
    ASSERT_FALSE(r.is_error()) << doc.id << ": " << r.error;
    const std::string kept = r.title + "\n" + r.text;
    size_t doc_lost = 0, doc_total = 0;
    for (size_t pos = 0; pos < bytes.size();) {
      size_t eol = bytes.find('\n', pos);
      if (eol == std::string::npos) eol = bytes.size();
      std::string line = bytes.substr(pos, eol - pos);
      pos = eol + 1;
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      if (line.empty()) continue;
      // U+FFFD (a lost byte in the gold) is removed by the cleaner, as it should be.
      for (size_t k; (k = line.find("\xEF\xBF\xBD")) != std::string::npos;) line.erase(k, 3);
      doc_total += line.size();
      if (kept.find(line) == std::string::npos) doc_lost += line.size();
    }
    EXPECT_LE(doc_lost * 4, doc_total) << doc.id << " lost more than a quarter";
    total += doc_total;
    lost += doc_lost;
    ++docs;
  }
  ASSERT_GE(docs, 200);
  EXPECT_LE(static_cast<double>(lost) / total, 0.01) << lost << " of " << total << " bytes";
}

}  // namespace
}  // namespace qingxi
