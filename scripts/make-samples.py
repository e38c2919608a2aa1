#!/usr/bin/env python3
"""Generates samples/: the golden pages, in their original bytes, and their expectations.

Every sample page is written here as readable UTF-8 source and encoded to the bytes a real site
would serve (UTF-8 with or without a byte-order mark, GBK, GB18030, Big5), with or without a
charset declaration, so that the pages can be reviewed and regenerated. The pages are original
text made for this repository; the noise around them (navigation, breadcrumbs, ads, paywalls,
share bars, related lists, comments, footers with ICP numbers, watermarks, pinyin) follows what
thousands of Chinese sites carry.

Outputs:
  samples/pages/<name>.html|.txt  the page bytes
  samples/expected/<name>.json  what the record must hold (see docs/samples.md); a "text" key
                                already present (written by scripts/update-golden.sh after
                                review) is kept
  samples/README.md             one line per sample: what it tests

Usage: scripts/make-samples.py [--check]   (--check: fail if a file would change)
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "samples")

# --------------------------------------------------------------------------------------------
# Shared page chrome. Real CMS templates repeat these blocks on every page of a site.

NAV_NEWS = """<div class="top-nav"><ul>
<li><a href="/">首页</a></li><li><a href="/news/">新闻</a></li><li><a href="/finance/">财经</a></li>
<li><a href="/sports/">体育</a></li><li><a href="/ent/">娱乐</a></li><li><a href="/tech/">科技</a></li>
<li><a href="/house/">房产</a></li><li><a href="/auto/">汽车</a></li><li><a href="/video/">视频</a></li>
</ul></div>"""

SAMPLES_LIST = []


def sample(name, ext, codec, about, content, expect, bom=False):
    SAMPLES_LIST.append(dict(name=name, ext=ext, codec=codec, about=about, content=content,
                             expect=expect, bom=bom))


# --------------------------------------------------------------------------------------------
# 01: a city news report, UTF-8 with <meta charset>, date in a meta tag.
sample(
    "01-news-utf8-meta", "html", "utf-8",
    "simplified news report, UTF-8 with <meta charset>; nav menu, breadcrumb, share bar, ad "
    "banner, 相关阅读 list, ICP footer; date from article:published_time",
    """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>城东新区地铁6号线一期工程开通试运营_本地新闻_江城新闻网</title>
<meta name="keywords" content="地铁,6号线,城东新区,试运营">
<meta name="description" content="3月18日上午，城东新区地铁6号线一期工程正式开通试运营。">
<meta property="article:published_time" content="2024-03-18T09:30:00+08:00">
<link rel="stylesheet" href="/static/css/article.css">
<script>var _hmt = _hmt || []; (function(){ var hm = document.createElement("script"); })();</script>
</head>
<body>
<div class="header"><a class="logo" href="/">江城新闻网</a>
<div class="login"><a href="/login">登录</a> | <a href="/reg">注册</a></div></div>
""" + NAV_NEWS + """
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/news/">新闻中心</a> &gt; <a href="/news/local/">本地新闻</a> &gt; 正文</div>
<div class="main">
<div class="article">
<h1>城东新区地铁6号线一期工程开通试运营</h1>
<div class="info"><span>2024-03-18 09:30</span> <span>来源：江城日报</span> <span>记者 周晓岚</span></div>
<div class="share-bar">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
<div class="article-content">
<p>3月18日上午，城东新区地铁6号线一期工程正式开通试运营。首班列车于早上6时整从科技城站发出，沿线市民纷纷赶来体验，不少人特意带着孩子乘坐“首发车”留作纪念。</p>
<p>据了解，6号线一期工程全长23.6公里，共设车站17座，其中换乘站4座，全程运行时间约40分钟。线路串联起城东新区的科技城、会展中心和高铁东站等重要片区，将有效缓解东西向主干道的交通压力。</p>
<div class="ad-banner"><a href="https://ad.example.com/click?id=8812">【广告】新人注册立领888元红包，点击进入</a></div>
<p>市轨道交通集团有关负责人介绍，试运营初期，工作日高峰时段行车间隔为4分30秒，平峰时段为7分钟，运营时间为每日6时至23时。全线车站均配备了无障碍电梯、母婴室和自助客服中心，乘客可使用交通卡、银行卡和手机扫码等多种方式进站。</p>
<p>家住会展中心附近的市民陈女士告诉记者，以前到市中心上班要换乘两趟公交车，路上将近一个小时，现在坐地铁半个小时就能到，“通勤时间省了一半，心里踏实多了”。</p>
<p>按照规划，6号线二期工程将继续向东延伸至临港片区，目前已完成前期勘察设计，预计明年上半年开工建设。</p>
<p class="qrcode"><img src="/static/img/qr.png" alt="">扫描二维码，关注江城新闻网官方微信，获取更多本地资讯</p>
</div>
<div class="editor">（责任编辑：林涛）</div>
<div class="share-bar">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a> <a href="#">复制链接</a></div>
</div>
<div class="related"><h3>相关阅读</h3><ul>
<li><a href="/news/local/20240311/8821.html">地铁5号线南延段完成全线“洞通”</a></li>
<li><a href="/news/local/20240302/8710.html">我市新增三条微循环公交线路</a></li>
<li><a href="/news/local/20240226/8655.html">城东新区今年将新建停车泊位一万个</a></li>
<li><a href="/news/local/20240220/8601.html">高铁东站综合枢纽配套工程加快推进</a></li>
</ul></div>
<div class="sidebar"><h3>热门排行</h3><ol>
<li><a href="/news/1.html">春季招聘会本周六举行 提供岗位三千余个</a></li>
<li><a href="/news/2.html">市区部分路段今晚起临时交通管制</a></li>
</ol></div>
</div>
<div class="footer">
<p><a href="/about">关于我们</a> | <a href="/contact">联系我们</a> | <a href="/ads">广告服务</a> | <a href="/jobs">招聘信息</a> | <a href="/map">网站地图</a></p>
<p>Copyright © 2008-2024 江城新闻网 版权所有 未经授权禁止转载</p>
<p><a href="https://beian.miit.gov.cn/">浙ICP备10012345号-1</a> 互联网新闻信息服务许可证：33120190001</p>
</div>
</body>
</html>
""",
    dict(
        title="城东新区地铁6号线一期工程开通试运营",
        date="2024-03-18",
        flags=[],
        script="hans",
        encoding="utf-8",
        must_contain=[
            "3月18日上午，城东新区地铁6号线一期工程正式开通试运营。",
            "据了解，6号线一期工程全长23.6公里，共设车站17座，其中换乘站4座，全程运行时间约40分钟。",
            "乘客可使用交通卡、银行卡和手机扫码等多种方式进站。",
            "“通勤时间省了一半，心里踏实多了”。",
            "预计明年上半年开工建设。",
        ],
        must_not_contain=[
            "当前位置", "新闻中心", "分享到", "QQ空间", "新人注册立领", "相关阅读",
            "地铁5号线南延段", "热门排行", "关于我们", "版权所有", "ICP备", "许可证",
            "登录", "_hmt", "扫描二维码", "官方微信",
        ],
    ))

# --------------------------------------------------------------------------------------------
# 02: a government notice, GBK with <meta http-equiv>, visible 发布日期 line.
sample(
    "02-notice-gbk-httpequiv", "html", "gbk",
    "government notice in GBK declared by <meta http-equiv> (gbk label decodes as GB18030); "
    "breadcrumb 当前位置, visible 发布日期 line with 浏览次数 / 字体 / 打印本页, 主办单位 and "
    "ICP / 公网安备 footer",
    """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk" />
<title>关于开展2024年度城乡居民医疗保险集中参保缴费工作的通知-通知公告-临川市医疗保障局</title>
<meta name="ArticleTitle" content="关于开展2024年度城乡居民医疗保险集中参保缴费工作的通知">
</head>
<body>
<div id="top"><div class="gov-banner">临川市医疗保障局</div>
<div class="topbar"><a href="/">设为首页</a> <a href="#">加入收藏</a> <a href="#">无障碍浏览</a> <a href="#">长者模式</a></div></div>
<div id="menu"><ul>
<li><a href="/">首页</a></li><li><a href="/jggk/">机构概况</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/zcwj/">政策文件</a></li><li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li>
</ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt;&gt; <a href="/zwgk/">政务公开</a> &gt;&gt; <a href="/zwgk/tzgg/">通知公告</a></div>
<table width="100%" class="content-table"><tr><td>
<div class="title">关于开展2024年度城乡居民医疗保险集中参保缴费工作的通知</div>
<div class="property">发布日期：2023-09-12　　来源：市医疗保障局　　浏览次数：1352　　【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>
<div id="zoom">
<p>各县（区）医疗保障局，市直有关单位：</p>
<p>为做好2024年度城乡居民基本医疗保险参保缴费工作，进一步巩固全民参保成果，现将有关事项通知如下。</p>
<p>一、参保范围</p>
<p>除职工基本医疗保险应参保人员以外的其他所有城乡居民，包括在校大中专学生、中小学生、学龄前儿童以及持有本市居住证的非本市户籍人员，均可在本市参加城乡居民基本医疗保险。</p>
<p>二、缴费时间和标准</p>
<p>2024年度集中缴费期为2023年9月15日至2023年12月31日。个人缴费标准为每人每年380元，享受资助参保政策的特困人员、低保对象等由财政按规定给予全额或定额资助。</p>
<p>三、缴费方式</p>
<p>参保人员可通过税务部门的手机缴费程序、各合作银行网点及自助终端办理缴费，也可由所在村（社区）统一代收代缴。集中缴费期内缴费的，待遇享受期为2024年1月1日至12月31日。</p>
<p>四、工作要求</p>
<p>各地要高度重视，落实属地责任，加强部门协同，通过多种渠道广泛宣传参保政策，切实做到应保尽保，不得以任何形式强制或变相强制参保。</p>
<p>临川市医疗保障局</p>
<p>2023年9月12日</p>
</div>
<div class="tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</td></tr></table>
<div id="footer">
<p>主办单位：临川市医疗保障局　　地址：临川市人民路118号　　邮编：344000　　联系电话：0794-8221234</p>
<p>网站标识码：3610000012　　<a href="https://beian.miit.gov.cn/">赣ICP备12003456号</a>　　赣公网安备 36100202000123号</p>
</div>
</body>
</html>
""",
    dict(
        title="关于开展2024年度城乡居民医疗保险集中参保缴费工作的通知",
        date="2023-09-12",
        flags=[],
        script="hans",
        encoding="gb18030",
        must_contain=[
            "为做好2024年度城乡居民基本医疗保险参保缴费工作，进一步巩固全民参保成果，现将有关事项通知如下。",
            "个人缴费标准为每人每年380元，",
            "集中缴费期内缴费的，待遇享受期为2024年1月1日至12月31日。",
            "不得以任何形式强制或变相强制参保。",
        ],
        must_not_contain=[
            "当前位置", "设为首页", "加入收藏", "无障碍浏览", "浏览次数", "字体", "打印本页",
            "关闭窗口", "主办单位", "联系电话", "网站标识码", "ICP备", "公网安备",
        ],
    ))

# --------------------------------------------------------------------------------------------
# 03: a Taiwanese news report in Big5 with <meta charset=big5>.
sample(
    "03-report-big5-meta", "html", "big5",
    "traditional-character news report in Big5 declared by <meta charset=big5> (decodes as "
    "Big5-HKSCS, converted to simplified); 分享 bar, 相關新聞, 留言區 login prompt, copyright "
    "footer; visible date 2023/07/28",
    """<!DOCTYPE html>
<html lang="zh-Hant-TW">
<head>
<meta charset="big5">
<title>颱風過境 中南部農損逾三億元 農業部門啟動現金救助 - 南方日報</title>
</head>
<body>
<header><nav class="menu"><a href="/">首頁</a> <a href="/politics">政治</a> <a href="/society">社會</a> <a href="/life">生活</a> <a href="/world">國際</a> <a href="/money">財經</a> <a href="/sport">體育</a> <a href="/opinion">評論</a></nav></header>
<div class="crumbs"><a href="/">首頁</a> &gt; <a href="/life">生活</a> &gt; 農業</div>
<article>
<h1>颱風過境 中南部農損逾三億元 農業部門啟動現金救助</h1>
<div class="meta">2023/07/28 18:42　記者王文彬／綜合報導</div>
<div class="share">分享到：<a href="#">Facebook</a> <a href="#">LINE</a> <a href="#">微博</a></div>
<div class="story">
<p>颱風挾帶強風豪雨掃過中南部，農業部門截至今天下午統計，各地農業損失已超過三億元，受損面積約四千五百公頃，以香蕉、文旦和蔬菜類災情最為嚴重。</p>
<p>雲林縣一位種植香蕉三十多年的農民說，颱風來襲前一晚，他和家人連夜替蕉株綁上支架，沒想到強風還是吹倒了大半片蕉園，「再過兩個禮拜就可以採收，現在全部泡在水裡」。</p>
<div class="ad"><span>廣告</span><a href="https://ad.example.tw/c?x=1">暑假出國旅遊特惠方案，機票加酒店立即訂購</a></div>
<p>農業部門表示，已公告雲林、嘉義、臺南等縣市為農業天然災害救助地區，受災農民可在公告之日起十五天內，向所在鄉鎮公所提出現金救助申請。</p>
<p>氣象單位提醒，颱風雖已遠離，但西南氣流持續影響，未來兩天中南部山區仍有局部大雨，民眾應注意落石及坍方。</p>
</div>
</article>
<section class="related"><h2>相關新聞</h2><ul>
<li><a href="/life/1001">颱風警報解除 全臺停班停課一覽</a></li>
<li><a href="/life/1002">果菜批發市場休市一天 菜價恐上漲</a></li>
<li><a href="/life/1003">豪雨特報持續 山區民眾預防性撤離</a></li>
</ul></section>
<section class="comments"><h2>留言區</h2><p>請先登入會員才能留言，發言請遵守相關規範。</p></section>
<footer><p>Copyright &copy; 2023 南方日報社 版權所有，轉載請註明出處</p><p>客服信箱：service@south-daily.example</p></footer>
</body>
</html>
""",
    dict(
        title="颱風過境 中南部農損逾三億元 農業部門啟動現金救助",
        title_simplified="台风过境 中南部农损逾三亿元 农业部门启动现金救助",
        date="2023-07-28",
        flags=[],
        script="hant",
        encoding="big5-hkscs",
        must_contain=[
            "各地农业损失已超过三亿元，受损面积约四千五百公顷，以香蕉、文旦和蔬菜类灾情最为严重。",
            "他和家人连夜替蕉株绑上支架，没想到强风还是吹倒了大半片蕉园，",
            "受灾农民可在公告之日起十五天内，向所在乡镇公所提出现金救助申请。",
            "未来两天中南部山区仍有局部大雨，民众应注意落石及坍方。",
        ],
        must_not_contain=[
            "分享到", "Facebook", "LINE", "暑假出国旅游特惠方案", "相关新闻", "停班停课一览",
            "留言区", "登入会员", "版权所有", "客服信箱",
        ],
    ))

# --------------------------------------------------------------------------------------------
# 04: a content-farm article, UTF-8 with a byte-order mark and no declaration, with a site
# watermark injected mid-sentence (twice, as such sites do).
WATERMARK_04 = "好范文网版权所有，未经授权禁止转载！"
sample(
    "04-farm-utf8-bom", "html", "utf-8",
    "content-farm 工作总结 page, UTF-8 with a BOM and no charset declaration; ad blocks, "
    "site watermark injected mid-sentence twice, 相关推荐 list, visible 时间 line",
    """<html>
<head>
<title>2024年社区志愿服务工作总结_工作总结_好范文网</title>
</head>
<body>
<div class="nav"><a href="/">首页</a> | <a href="/gzzj/">工作总结</a> | <a href="/gzjh/">工作计划</a> | <a href="/xdth/">心得体会</a> | <a href="/jgbg/">述职报告</a> | <a href="/fyg/">发言稿</a></div>
<div class="place">您现在的位置：<a href="/">好范文网</a> &gt; <a href="/gzzj/">工作总结</a> &gt; <a href="/gzzj/sqgz/">社区工作总结</a> &gt; 正文</div>
<div class="ad_top"><a href="/vip/">【推荐】全站范文模板免费下载，立即开通</a></div>
<div class="article">
<h1>2024年社区志愿服务工作总结</h1>
<div class="info">时间：2024-01-06　作者：佚名　阅读：3187次</div>
<div class="content">
<p>2024年，我社区坚持以居民需求为导向，围绕敬老助残、环境整治、文明创建等重点工作，广泛动员辖区党员、居民和共建单位参与志愿服务，全年共开展各类志愿服务活动86场，参与志愿者2100余人次。现将一年来的工作总结如下。</p>
<p>一、健全队伍，夯实志愿服务基础</p>
<p>社区按照“就近就便、自愿参与”的原则，组建了助老服务、环境保护、文化宣传和平安巡逻四支志愿服务队，实行队长负责制，并建立志愿者服务时长登记制度，做到每次活动有记录、有反馈。</p>
<p>二、聚焦需求，办好群众身边实事</p>
<p>针对辖区老年人较多的实际，助老服务队每周上门看望独居老人，帮助购买生活用品、代办各类事项，全年累计""" + WATERMARK_04 + """上门服务四百余次。环境保护志愿者定期清理楼道堆放物，配合物业开展垃圾分类宣传，小区环境明显改善。</p>
<div class="ad_mid"><a href="https://ad.example.com/z?k=3">公文写作培训班火热报名中，名师一对一辅导</a></div>
<p>三、存在的不足</p>
<p>一年来，我社区志愿服务工作虽然取得了一定成效，但也存在年轻志愿者参与较少、""" + WATERMARK_04 + """服务项目不够丰富等问题，需要在今后的工作中认真加以解决。</p>
<p>四、下一步打算</p>
<p>2025年，社区将进一步完善志愿者激励机制，探索开展“时间银行”互助服务，积极引导辖区青年和在校学生加入志愿服务队伍，推动社区志愿服务常态化、规范化。</p>
</div>
</div>
<div class="xgtj"><h3>相关推荐</h3><ul>
<li><a href="/gzzj/sqgz/2201.html">社区党建工作总结（精选5篇）</a></li>
<li><a href="/gzzj/sqgz/2202.html">2024年社区网格员个人工作总结</a></li>
<li><a href="/gzzj/sqgz/2203.html">社区老年协会年度工作总结范文</a></li>
</ul></div>
<div class="foot">本站部分内容来源于网络，如有侵权请联系删除。Copyright © 好范文网 All Rights Reserved　<a href="https://beian.miit.gov.cn/">京ICP备18001234号</a></div>
</body>
</html>
""",
    dict(
        title="2024年社区志愿服务工作总结",
        date="2024-01-06",
        flags=[],
        script="hans",
        encoding="utf-8",
        must_contain=[
            "全年共开展各类志愿服务活动86场，参与志愿者2100余人次。",
            "组建了助老服务、环境保护、文化宣传和平安巡逻四支志愿服务队，实行队长负责制，",
            # The watermark cut out, the sentence around it joined again.
            "帮助购买生活用品、代办各类事项，全年累计上门服务四百余次。",
            "但也存在年轻志愿者参与较少、服务项目不够丰富等问题，",
            "推动社区志愿服务常态化、规范化。",
        ],
        must_not_contain=[
            "好范文网", "版权所有", "未经授权禁止转载", "您现在的位置", "免费下载", "公文写作培训班",
            "相关推荐", "社区党建工作总结", "阅读：", "如有侵权", "ICP备", "心得体会",
        ],
    ),
    bom=True)

# --------------------------------------------------------------------------------------------
# 05: a forum thread, GB18030 bytes and no declaration at all (statistical detection).
sample(
    "05-forum-gb18030-nodecl", "html", "gb18030",
    "forum thread in GB18030 with no charset declaration (detected), with emoji (four-byte "
    "GB18030 sequences); forum chrome 只看该作者 / 回复 / 举报, login prompt, signature line; "
    "date from 发表于",
    """<html>
<head>
<title>老房子卫生间翻新，防水到底怎么做？说说我踩过的坑 - 装修经验 - 安居家园论坛</title>
</head>
<body>
<div id="hd"><a href="/">安居家园论坛</a> <a href="/forum.php">论坛</a> <a href="/group">小组</a> <a href="/space">空间</a> <a href="/member.php?mod=logging">登录</a> <a href="/member.php?mod=register">立即注册</a></div>
<div id="pt"><a href="/">安居家园</a> &rsaquo; <a href="/forum.php">论坛</a> &rsaquo; <a href="/forum-12-1.html">装修经验</a> &rsaquo; 查看内容</div>
<div id="postlist">
<h1 id="thread_subject">老房子卫生间翻新，防水到底怎么做？说说我踩过的坑</h1>
<div class="post" id="post_1">
<div class="authi"><a href="/space-uid-1024.html">青山不老</a> 楼主 发表于 2023-11-02 21:15 | <a href="#">只看该作者</a> | <a href="#">倒序浏览</a></div>
<div class="t_f">
家里是九十年代的老房子，今年夏天楼下邻居说天花板渗水，拆开一看才发现卫生间原来的防水层早就老化开裂了。借着这次机会，我把整个卫生间重新翻新了一遍，前后折腾了一个多月，这里把经验和教训整理一下，给有同样打算的朋友参考。<br><br>
第一，旧瓷砖和找平层一定要彻底铲掉，直到露出结构楼板。师傅一开始想在旧砖上直接做防水，我坚持没同意，后来铲开果然发现下面有好几处空鼓和裂缝。<br><br>
第二，墙角、管根和地漏这些地方最容易漏水，要先用堵漏材料处理，再加一层无纺布加强。淋浴区的墙面防水至少刷到一米八高，其他墙面也要刷到三十厘米以上。<br><br>
第三，防水做完一定要做闭水试验，蓄水至少四十八小时，请楼下邻居帮忙看看天花板有没有湿印，确认没问题再铺砖。我家第一次试水就发现管根处有渗漏，返工补了一次才合格😂<br><br>
最后提醒一句，防水材料别贪便宜，选正规品牌的产品，施工时让师傅按说明书的配比和遍数来，省下的那点钱远远抵不上以后返工的麻烦。
</div>
<div class="sign">签名：生活就是不断折腾，装修也是。</div>
<div class="po"><a href="#">回复</a> <a href="#">引用</a> <a href="#">举报</a> <a href="#">支持</a> <a href="#">反对</a></div>
</div>
<div class="post" id="post_2">
<div class="authi"><a href="/space-uid-2077.html">小窝改造中</a> 发表于 2023-11-03 08:02</div>
<div class="t_f">干货满满，正准备装修，先收藏了👍</div>
<div class="po"><a href="#">回复</a> <a href="#">举报</a></div>
</div>
</div>
<div id="f_pst">您需要登录后才可以回帖 <a href="/member.php?mod=logging">登录</a> | <a href="/member.php?mod=register">立即注册</a></div>
<div id="ft">Powered by Discuz! X3.4 © 2001-2023 安居家园论坛 <a href="https://beian.miit.gov.cn/">粤ICP备15012345号</a></div>
</body>
</html>
""",
    dict(
        title="老房子卫生间翻新，防水到底怎么做？说说我踩过的坑",
        date="2023-11-02",
        flags=[],
        script="hans",
        encoding="gb18030",
        must_contain=[
            "拆开一看才发现卫生间原来的防水层早就老化开裂了。",
            "第一，旧瓷砖和找平层一定要彻底铲掉，直到露出结构楼板。",
            "淋浴区的墙面防水至少刷到一米八高，其他墙面也要刷到三十厘米以上。",
            "第三，防水做完一定要做闭水试验，蓄水至少四十八小时，",
            # An emoji: four bytes in GB18030 (no GBK byte sequence exists for it).
            "返工补了一次才合格😂",
            "省下的那点钱远远抵不上以后返工的麻烦。",
        ],
        must_not_contain=[
            "只看该作者", "倒序浏览", "立即注册", "举报", "引用", "您需要登录后才可以回帖",
            "Powered by", "Discuz", "ICP备", "查看内容", "签名：",
        ],
    ))

# --------------------------------------------------------------------------------------------
# 06: a speech behind a paywall, UTF-8 declared by http-equiv.
sample(
    "06-speech-paywall-utf8", "html", "utf-8",
    "speech page, UTF-8 declared by <meta http-equiv>; paywall stub (隐藏内容 / "
    "此处内容需要权限查看 / member privileges / 会员免费查看) must go and flag the record "
    "\"paywall\"; date in <meta name=pubdate>",
    """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="pubdate" content="2023-05-11">
<title>在全县安全生产工作会议上的讲话 - 讲话稿 - 文秘之家</title>
</head>
<body>
<div class="header"><ul class="menu"><li><a href="/">首页</a></li><li><a href="/jhg/">讲话稿</a></li><li><a href="/zj/">总结</a></li><li><a href="/bg/">报告</a></li><li><a href="/vip/">开通VIP</a></li></ul></div>
<div class="crumb">首页 &gt; 讲话稿 &gt; 领导讲话 &gt; 在全县安全生产工作会议上的讲话</div>
<div class="wrap">
<h1 class="art-title">在全县安全生产工作会议上的讲话</h1>
<div class="art-body">
<p>同志们：</p>
<p>今天召开全县安全生产工作会议，主要任务是总结上一阶段安全生产工作，分析当前面临的形势，部署下一阶段重点任务。刚才，县应急管理局通报了一季度全县安全生产情况，几个乡镇和部门作了交流发言，讲得都很实在，我都同意。</p>
<p>一季度，全县安全生产形势总体平稳，没有发生较大以上生产安全事故，但一些行业领域隐患依然不少，个别企业主体责任落实不到位，部分从业人员安全意识淡薄，我们绝不能有丝毫麻痹大意。</p>
<p>下面，我再强调三点意见。</p>
<div class="hide-content">
<div class="hide-title">隐藏内容</div>
<p>此处内容需要权限查看</p>
<ul><li>会员享有全站资源免费下载特权</li><li>海量精品范文文档任意浏览</li><li>专属客服一对一服务</li></ul>
<a class="btn" href="/vip/">会员免费查看</a> <a class="btn" href="/vip/pay">开通会员</a>
</div>
</div>
<div class="tags">标签：<a href="/tag/aqsc">安全生产</a> <a href="/tag/ldjh">领导讲话</a></div>
<div class="prenext"><p>上一篇：<a href="/jhg/1200.html">在全县防汛工作会议上的讲话</a></p><p>下一篇：<a href="/jhg/1202.html">在全县招商引资推进会上的讲话</a></p></div>
</div>
<div class="footer">© 2023 文秘之家 | <a href="/about">关于本站</a> | <a href="/help">帮助中心</a> | <a href="https://beian.miit.gov.cn/">苏ICP备19005678号</a></div>
</body>
</html>
""",
    dict(
        title="在全县安全生产工作会议上的讲话",
        date="2023-05-11",
        flags=["paywall"],
        script="hans",
        encoding="utf-8",
        must_contain=[
            "今天召开全县安全生产工作会议，主要任务是总结上一阶段安全生产工作，分析当前面临的形势，部署下一阶段重点任务。",
            "一季度，全县安全生产形势总体平稳，没有发生较大以上生产安全事故，",
            "部分从业人员安全意识淡薄，我们绝不能有丝毫麻痹大意。",
        ],
        must_not_contain=[
            "隐藏内容", "此处内容需要权限查看", "会员享有", "海量精品范文", "专属客服", "会员免费查看",
            "开通会员", "开通VIP", "标签：", "上一篇", "下一篇", "防汛工作会议", "ICP备", "帮助中心",
        ],
    ))

# --------------------------------------------------------------------------------------------
# 07: UTF-8 bytes declared as gb2312 (a template copied from an old site).
sample(
    "07-mislabelled-gb2312", "html", "utf-8",
    "simplified news whose <meta> declares gb2312 but whose bytes are UTF-8 (the declaration "
    "must be overruled); date from a visible 2023年10月15日 line; 编辑 line, 打印 / 关闭 tools",
    """<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>秋粮收获进度过半 多地抢抓晴好天气机收--农业频道--丰禾农业网</title>
</head>
<body>
<table class="topnav"><tr><td><a href="/">网站首页</a></td><td><a href="/news/">农业要闻</a></td><td><a href="/price/">市场行情</a></td><td><a href="/tech/">种植技术</a></td><td><a href="/policy/">惠农政策</a></td></tr></table>
<div class="loc">您的位置：<a href="/">首页</a> - <a href="/news/">农业要闻</a> - 正文</div>
<div class="news">
<h2>秋粮收获进度过半 多地抢抓晴好天气机收</h2>
<p class="time">2023年10月15日 08:12　来源：丰禾农业网</p>
<div class="text">
<p>眼下正值秋收关键时期，各地抢抓晴好天气组织机械收获。农业部门最新调度数据显示，全国秋粮已收获过半，其中玉米收获进度快于去年同期，中稻收获基本结束。</p>
<p>在北方一个产粮大县，大型联合收割机在田间往来穿梭，收获、脱粒、秸秆粉碎还田一次完成。合作社负责人说，今年雨水调匀，玉米亩产比去年高出一百斤左右，烘干塔也提前检修完毕，收下的粮食当天就能烘干入库。</p>
<p>农业专家提醒，收获后要及时晾晒烘干，防止粮食霉变；同时抓住墒情适宜的窗口期推进冬小麦播种，确保适期播种、播足播匀。</p>
<p>【免责声明】本网转载此文出于传递更多信息之目的，不代表本网观点，如涉及版权问题请联系我们删除。</p>
</div>
<p class="editor">编辑：赵一鸣</p>
<p class="tool">【<a href="#">打印</a>】【<a href="#">关闭</a>】【<a href="#">收藏</a>】</p>
</div>
<div class="bottom">丰禾农业网 版权所有 Copyright © 2005-2023 冀ICP备05001234号</div>
</body>
</html>
""",
    dict(
        title="秋粮收获进度过半 多地抢抓晴好天气机收",
        date="2023-10-15",
        flags=[],
        script="hans",
        encoding="utf-8",
        must_contain=[
            "眼下正值秋收关键时期，各地抢抓晴好天气组织机械收获。",
            "其中玉米收获进度快于去年同期，中稻收获基本结束。",
            "收获、脱粒、秸秆粉碎还田一次完成。",
            "同时抓住墒情适宜的窗口期推进冬小麦播种，确保适期播种、播足播匀。",
        ],
        must_not_contain=[
            "网站首页", "市场行情", "您的位置", "编辑：", "打印", "收藏", "版权所有", "ICP备",
            "免责声明", "不代表本网观点", "联系我们删除",
        ],
    ))

# --------------------------------------------------------------------------------------------
# 08: a traditional-character article with ruby (pinyin) annotations, UTF-8.
def ruby(chars_and_readings):
    return "".join("<ruby>%s<rp>(</rp><rt>%s</rt><rp>)</rp></ruby>" % cr for cr in chars_and_readings)


sample(
    "08-ruby-trad-utf8", "html", "utf-8",
    "traditional-character education article, UTF-8, with <ruby> annotations (<rt> pinyin and "
    "<rp> parentheses must vanish, the base characters stay and are converted); breadcrumb "
    "首頁 > 教育, share bar, footer",
    """<!DOCTYPE html>
<html lang="zh-Hant">
<head>
<meta charset="UTF-8">
<title>識字從字理開始：小學語文課堂上的漢字故事｜教育｜晨光新聞網</title>
<meta property="og:title" content="識字從字理開始：小學語文課堂上的漢字故事">
<meta name="date" content="2023-03-09">
</head>
<body>
<div class="nav"><a href="/">首頁</a> <a href="/edu">教育</a> <a href="/culture">文化</a> <a href="/health">健康</a> <a href="/travel">旅遊</a></div>
<div class="breadcrumb">首頁 &gt; 教育 &gt; 校園</div>
<div class="article">
<h1>識字從字理開始：小學語文課堂上的漢字故事</h1>
<div class="byline">2023-03-09　文／李靜宜</div>
<div class="article-body">
<p>在一所小學的二年級語文課上，老師在黑板上寫下一個大大的「""" + ruby([("休", "xiū")]) + """」字，請學生猜一猜：一個人靠在樹旁邊，是在做什麼？孩子們紛紛舉手，說這個人累了，正在休息。</p>
<p>老師說，""" + ruby([("漢", "hàn"), ("字", "zì")]) + """不只是筆畫的組合，很多字本身就藏著故事。從字形和字義之間的關係講起，學生更容易記住字的寫法，也更願意主動查字典、讀課外書。</p>
<p>課堂上，老師還把「""" + ruby([("森", "sēn"), ("林", "lín")]) + """」「""" + ruby([("明", "míng")]) + """」「""" + ruby([("休", "xiū")]) + """」等字做成卡片，讓學生分組拼一拼、說一說，比一比哪一組找到的規律最多。</p>
<p>教育研究者指出，低年級識字教學應當重視字理，但也要避免把字源解釋講得過深過難，應以學生能理解、能運用為目標，循序漸進地培養閱讀興趣。</p>
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">Facebook</a></div>
</div>
<div class="more"><h3>延伸閱讀</h3><ul><li><a href="/edu/88">寒假親子共讀書單推薦</a></li><li><a href="/edu/89">寫好硬筆字的五個小訣竅</a></li></ul></div>
<div class="footer">晨光新聞網 © 2023 版權所有 | 隱私權政策 | 聯絡我們</div>
</body>
</html>
""",
    dict(
        title="識字從字理開始：小學語文課堂上的漢字故事",
        title_simplified="识字从字理开始：小学语文课堂上的汉字故事",
        date="2023-03-09",
        flags=[],
        script="hant",
        encoding="utf-8",
        must_contain=[
            "老师在黑板上写下一个大大的「休」字，请学生猜一猜：一个人靠在树旁边，是在做什么？",
            "老师说，汉字不只是笔画的组合，很多字本身就藏着故事。",
            "课堂上，老师还把「森林」「明」「休」等字做成卡片，",
            "应以学生能理解、能运用为目标，循序渐进地培养阅读兴趣。",
        ],
        must_not_contain=[
            "hàn", "zì", "xiū", "sēn", "míng", "(hàn)", "分享到", "微博", "延伸阅读",
            "寒假亲子共读书单", "版权所有", "隐私权政策",
        ],
    ))

# --------------------------------------------------------------------------------------------
# 09: a Hong Kong opinion column in Big5, no declaration at all.
sample(
    "09-column-big5-nodecl", "html", "big5",
    "Hong Kong opinion column in Big5 with no charset declaration (detected, converted to "
    "simplified); 熱門文章 sidebar, ad, 相關文章, copyright footer; date from "
    "article:published_time with a time",
    """<html>
<head>
<title>茶餐廳的早晨 | 城市筆記 | 港聞時評</title>
<meta property="article:published_time" content="2022-12-03T07:00:00+08:00">
</head>
<body>
<div class="menu"><a href="/">主頁</a> <a href="/news">港聞</a> <a href="/intl">國際</a> <a href="/biz">經濟</a> <a href="/column">專欄</a> <a href="/life">生活</a></div>
<div class="path"><a href="/">主頁</a> &gt; <a href="/column">專欄</a> &gt; 城市筆記</div>
<div class="column">
<h1>茶餐廳的早晨</h1>
<div class="author">作者：陳樹基</div>
<div class="column-text">
<p>每天早上七點，街角那家茶餐廳已經坐滿了人。穿著制服的學生、趕著上班的文員、剛下夜班的保安員，擠在小小的卡位裡，一份火腿通粉、一杯奶茶，十五分鐘就解決一頓早餐。</p>
<p>老闆在這條街做了快三十年，從當年的學徒做到今天的店主。他說租金年年上漲，人手也越來越難請，好幾次想過收檔，但看到那些一坐下就不用點餐的老街坊，又捨不得。</p>
<div class="ad-box">廣告　全新屋苑現正接受登記，首期低至一成</div>
<p>延伸閱讀：<a href="/column/488">老店結業潮背後的租金壓力</a></p>
<p>城市不斷變化，舊樓拆了又建，熟悉的小店一間間消失。茶餐廳未必是甚麼高雅的地方，卻承載了許多普通人的日常。保留這些小店，其實也是保留一座城市的記憶。</p>
</div>
</div>
<div class="hot"><h3>熱門文章</h3><ul><li><a href="/a/1">樓市回暖？業界：言之尚早</a></li><li><a href="/a/2">天文台：下周轉涼 最低氣溫十四度</a></li></ul></div>
<div class="related"><h3>相關文章</h3><ul><li><a href="/column/501">舊區重建與社區網絡</a></li><li><a href="/column/502">街市裡的人情味</a></li></ul></div>
<div class="copyright">&copy; 2022 港聞時評 版權所有 不得轉載</div>
</body>
</html>
""",
    dict(
        title="茶餐廳的早晨",
        title_simplified="茶餐厅的早晨",
        date="2022-12-03",
        flags=[],
        script="hant",
        encoding="big5-hkscs",
        must_contain=[
            "每天早上七点，街角那家茶餐厅已经坐满了人。",
            "一份火腿通粉、一杯奶茶，十五分钟就解决一顿早餐。",
            "老板在这条街做了快三十年，从当年的学徒做到今天的店主。",
            "保留这些小店，其实也是保留一座城市的记忆。",
        ],
        must_not_contain=[
            "主页", "全新屋苑", "首期低至", "延伸阅读", "老店结业潮", "热门文章", "楼市回暖", "相关文章", "旧区重建与社区网络",
            "版权所有", "不得转载",
        ],
    ))

# --------------------------------------------------------------------------------------------
# 10: a travel blog post, UTF-8 with no BOM and no declaration, with a comment section.
sample(
    "10-blog-comments-utf8-nodecl", "html", "utf-8",
    "travel blog post, UTF-8 with neither BOM nor declaration; 标签 line, share bar, "
    "上一篇/下一篇, 网友评论 section with comments and 发表评论 form; date from <time>",
    """<!doctype html>
<html>
<head>
<title>秋天的皖南：在宏村住了三晚 - 慢行者的博客</title>
</head>
<body>
<header class="site-header"><a href="/">慢行者的博客</a><nav><a href="/">首页</a> <a href="/category/travel">旅行</a> <a href="/category/food">美食</a> <a href="/category/photo">摄影</a> <a href="/about">关于我</a></nav></header>
<main>
<article class="post">
<h1 class="entry-title">秋天的皖南：在宏村住了三晚</h1>
<div class="entry-meta">发布于 <time datetime="2023-10-28">2023年10月28日</time> · 分类：<a href="/category/travel">旅行</a> · 阅读 1024</div>
<div class="entry-content">
<p>十月底到皖南，正赶上山里的枫叶开始变红。我们从黄山北站坐大巴到宏村，一路上稻田已经收割完，田埂边晒着一排排金黄的玉米和辣椒。</p>
<p>住的民宿在月沼旁边，是一栋两层的老宅子，木楼梯踩上去会吱吱作响。老板娘每天早上煮一锅笋干粥，配上自家腌的咸菜，简单却很合胃口。</p>
<p>宏村最好看的时候是清晨。天刚亮，月沼的水面像一面镜子，把白墙黑瓦和马头墙都倒映得清清楚楚，写生的学生早早就支起了画架。到了九点以后，旅行团一批批涌进来，村子就热闹起来了。</p>
<p>如果时间充裕，建议在附近多住一两天，去卢村看木雕，去塔川看秋色，比只在主村里走马观花要有意思得多。</p>
</div>
<div class="post-tags">标签：<a href="/tag/huangshan">黄山</a> <a href="/tag/hongcun">宏村</a> <a href="/tag/autumn">秋天</a></div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">豆瓣</a></div>
<nav class="post-nav"><a href="/2023/10/huangshan">上一篇：黄山两日游攻略</a> <a href="/2023/11/xidi">下一篇：西递古村半日游</a></nav>
</article>
<section id="comments" class="comments-area">
<h3 class="comments-title">网友评论（3）</h3>
<ol class="comment-list">
<li class="comment"><div class="comment-author">山风</div><div class="comment-body">照片拍得真好，月沼倒影太美了！</div><div class="reply"><a href="#">回复</a></div></li>
<li class="comment"><div class="comment-author">阿橙</div><div class="comment-body">请问民宿叫什么名字？想去住。</div><div class="reply"><a href="#">回复</a></div></li>
<li class="comment"><div class="comment-author">慢行者</div><div class="comment-body">私信发你啦～</div><div class="reply"><a href="#">回复</a></div></li>
</ol>
<div id="respond"><h3>发表评论</h3><form action="/wp-comments-post.php" method="post"><p>您的电子邮箱地址不会被公开。</p><textarea name="comment"></textarea><input type="submit" value="提交评论"></form></div>
</section>
</main>
<footer>© 2023 慢行者的博客 · 由 WordPress 强力驱动 · <a href="https://beian.miit.gov.cn/">皖ICP备20001234号-2</a></footer>
</body>
</html>
""",
    dict(
        title="秋天的皖南：在宏村住了三晚",
        date="2023-10-28",
        flags=[],
        script="hans",
        encoding="utf-8",
        must_contain=[
            "十月底到皖南，正赶上山里的枫叶开始变红。",
            "老板娘每天早上煮一锅笋干粥，配上自家腌的咸菜，简单却很合胃口。",
            "宏村最好看的时候是清晨。",
            "比只在主村里走马观花要有意思得多。",
        ],
        must_not_contain=[
            "标签：", "分享到", "豆瓣", "上一篇", "下一篇", "网友评论", "月沼倒影太美了",
            "请问民宿叫什么名字", "私信发你啦", "发表评论", "电子邮箱", "提交评论", "WordPress",
            "ICP备", "关于我", "阅读 1024",
        ],
    ))

# --------------------------------------------------------------------------------------------
# 14: a school news page labelled gb2312 whose bytes use GBK characters beyond GB2312 (names such
# as 堃 and 喆 are common in them), as most "gb2312" pages do: the label must decode as GB18030.
BEYOND_GB2312 = "堃喆"
sample(
    "14-school-gbk-labelled-gb2312", "html", "gbk",
    "school news labelled <meta charset=gb2312> with GBK-only characters in names (堃, 喆): "
    "the label decodes as GB18030; 点击数 line, 上一条/下一条, 版权所有 footer; date from a "
    "visible 2022年08月05日 line",
    """<html>
<head>
<meta charset="gb2312">
<title>我校学生王堃在全国青少年科技创新大赛中获一等奖 - 校园新闻 - 明德中学</title>
</head>
<body>
<div class="head"><img src="/images/logo.gif" alt="明德中学"></div>
<div class="menu"><a href="/">学校首页</a> <a href="/xxgk/">学校概况</a> <a href="/xyxw/">校园新闻</a> <a href="/jxky/">教学科研</a> <a href="/dyhd/">德育活动</a> <a href="/zsxx/">招生信息</a></div>
<div class="weizhi">您当前所在位置：<a href="/">首页</a> &gt; <a href="/xyxw/">校园新闻</a></div>
<div class="newsbox">
<div class="newstitle">我校学生王堃在全国青少年科技创新大赛中获一等奖</div>
<div class="newsinfo">作者：校团委　　发布时间：2022年08月05日　　点击数：876</div>
<div class="newscontent">
<p>近日，第三十六届全国青少年科技创新大赛落下帷幕，我校高二（3）班王堃同学的作品《基于图像识别的校园垃圾分类装置》获得工程学类一等奖，指导教师李喆老师获优秀科技教师称号。</p>
<p>据介绍，这件作品利用摄像头和图像识别算法自动判断垃圾种类，并控制对应的投放口开启，识别准确率在测试中达到百分之九十以上。王堃说，作品的想法来自学校食堂门口排队分类投放垃圾的场景，从画草图、编程序到反复调试，前后用了将近一年时间。</p>
<p>近年来，学校坚持开设科技创新选修课，组建机器人、无人机和编程等学生社团，鼓励学生从身边的问题出发开展研究，已有多项学生作品在省级以上比赛中获奖。</p>
</div>
<div class="fanye"><p>上一条：<a href="/xyxw/2022/0801.html">我校举行2022届高三毕业典礼</a></p><p>下一条：<a href="/xyxw/2022/0810.html">暑期教师培训工作圆满结束</a></p></div>
</div>
<div class="foot">版权所有：明德中学　地址：明德路1号　电话：0731-5551234　<a href="https://beian.miit.gov.cn/">湘ICP备09001234号</a></div>
</body>
</html>
""",
    dict(
        title="我校学生王堃在全国青少年科技创新大赛中获一等奖",
        date="2022-08-05",
        flags=[],
        script="hans",
        encoding="gb18030",
        must_contain=[
            "我校高二（3）班王堃同学的作品《基于图像识别的校园垃圾分类装置》获得工程学类一等奖，指导教师李喆老师获优秀科技教师称号。",
            "识别准确率在测试中达到百分之九十以上。",
            "从画草图、编程序到反复调试，前后用了将近一年时间。",
            "鼓励学生从身边的问题出发开展研究，",
        ],
        must_not_contain=[
            "学校首页", "您当前所在位置", "发布时间", "点击数", "上一条", "下一条", "毕业典礼",
            "版权所有", "ICP备", "\ufffd",
        ],
    ))

# --------------------------------------------------------------------------------------------
# Already-flattened pages, as Common Crawl WET records carry them: the markup is gone, the
# chrome is not.

# 11: a flattened content-farm page in UTF-8.
sample(
    "11-wet-breadcrumb-utf8", "txt", "utf-8",
    "flattened page (WET-like text), UTF-8: breadcrumb with >, 时间 line (goes to date), "
    "导语 site disclaimer, repeated title, 相关阅读 links, 上一篇/下一篇, view counter",
    """家长如何陪伴孩子度过青春期

首页 > 教育资讯 > 家庭教育 > 正文

时间:2024-02-20 10:31:05

导语:家长如何陪伴孩子度过青春期一文由网友投稿整理,仅供参考,不代表本站观点,如需转载请联系本站。

家长如何陪伴孩子度过青春期

  青春期是孩子从儿童走向成人的过渡阶段,身体和心理都在发生明显变化。不少家长发现,原本听话的孩子突然变得不爱说话,动不动就关上房门,一说就顶嘴。其实,这些表现大多是孩子寻求独立的正常信号。

  首先,家长要学会倾听。孩子愿意开口的时候,不急着评判和说教,先把话听完,让孩子感到被理解、被尊重。

  其次,要给孩子适当的空间。在保证安全的前提下,让孩子自己安排部分课余时间,自己处理同学之间的小矛盾,在一次次尝试中积累经验。

  最后,家长也要管理好自己的情绪。遇到冲突时先冷静下来,等双方情绪平复后再沟通,往往比当场争吵效果好得多。

相关阅读:

孩子沉迷手机怎么办?家长可以试试这五招

初二是分水岭吗?过来人的几点建议

如何培养孩子的时间管理能力

上一篇:幼小衔接需要提前学拼音吗

下一篇:青春期孩子叛逆的三个原因

阅读次数:2308
""",
    dict(
        title="家长如何陪伴孩子度过青春期",
        date="2024-02-20",
        flags=[],
        script="hans",
        encoding="utf-8",
        must_contain=[
            "青春期是孩子从儿童走向成人的过渡阶段,身体和心理都在发生明显变化。",
            "其实,这些表现大多是孩子寻求独立的正常信号。",
            "首先,家长要学会倾听。",
            "在保证安全的前提下,让孩子自己安排部分课余时间,",
            "往往比当场争吵效果好得多。",
        ],
        must_not_contain=[
            "首页 >", "教育资讯", "时间:2024", "导语", "网友投稿", "仅供参考", "不代表本站观点",
            "相关阅读", "孩子沉迷手机怎么办", "上一篇", "下一篇", "阅读次数", "2308",
        ],
    ))

# 12: a flattened traditional-character mirror with pinyin after the converted characters.
sample(
    "12-wet-pinyin-trad", "txt", "utf-8",
    "flattened traditional-character mirror of a simplified page with pinyin after many "
    "characters (環(huán)境); breadcrumb, 發(fā)布時(shí)間 line; output simplified without pinyin",
    """社區(qū)環(huán)境整治工作總結(jié)

首頁(yè) > 工作總結(jié) > 社區(qū)工作總結(jié) > 社區(qū)環(huán)境整治工作總結(jié)

發(fā)布時(shí)間:2023-12-05

社區(qū)環(huán)境整治工作總結(jié)

  今年以來(lái),我社區(qū)以創(chuàng)建文明城市為契機(jī),集中開(kāi)展環(huán)境衛(wèi)生整治行動(dòng),共清理衛(wèi)生死角一百二十余處,拆除違章搭建十八處,居民生活環(huán)境得到明顯改善。

  一是加強(qiáng)組織領(lǐng)導(dǎo)。社區(qū)成立了環(huán)境整治工作小組,由書(shū)記任組長(zhǎng),分片包干、責(zé)任到人,每周召開(kāi)一次推進(jìn)會(huì)。

  二是發(fā)動(dòng)群眾參與。通過(guò)入戶走訪、張貼倡議書(shū)等方式,引導(dǎo)居民主動(dòng)清理房前屋后,形成了人人參與、共建共享的良好氛圍。

  三是建立長(zhǎng)效機(jī)制。將環(huán)境衛(wèi)生納入網(wǎng)格化管理,實(shí)行日常巡查和定期通報(bào)制度,防止問(wèn)題反彈。

相關(guān)內(nèi)容:

社區(qū)垃圾分類工作總結(jié)

社區(qū)文明創(chuàng)建工作總結(jié)
""",
    dict(
        title="社区环境整治工作总结",
        date="2023-12-05",
        flags=[],
        script="hant",
        encoding="utf-8",
        must_contain=[
            "今年以来,我社区以创建文明城市为契机,集中开展环境卫生整治行动,",
            "居民生活环境得到明显改善。",
            "一是加强组织领导。",
            "由书记任组长,分片包干、责任到人,每周召开一次推进会。",
            "三是建立长效机制。将环境卫生纳入网格化管理,实行日常巡查和定期通报制度,防止问题反弹。",
        ],
        must_not_contain=[
            "(huán)", "(qū)", "(zǒng)", "huán", "首页", "发布时间", "相关内容",
            "社区垃圾分类工作总结",
        ],
    ))

# 13: a flattened news page in GBK, no declaration possible in plain text.
sample(
    "13-wet-news-gbk", "txt", "gbk",
    "flattened news page in GBK (plain text: detected, no declaration); 来源/作者 line with a "
    "date, 扫一扫分享 line, 责任编辑, copyright line",
    """老旧小区加装电梯提速 今年已有三百余部投入使用

来源:滨江晚报 作者:刘思远 2023-06-21 07:45

字号:大 中 小

扫一扫分享到微信

  记者昨天从市住建部门获悉,今年以来,全市老旧小区加装电梯工作明显提速,已有三百余部电梯完工并投入使用,另有两百多部正在施工。

  家住某小区六楼的张大爷今年七十八岁,腿脚不便,过去下楼买菜要歇好几次。电梯装好后,他每天都能下楼散步,“就像换了一种活法”。

  住建部门有关负责人介绍,加装电梯难在协调,低层住户担心采光和噪声。为此,各街道组织专业人员上门讲解方案,并引入第三方评估,尽量兼顾不同楼层居民的利益。

  下一步,我市将简化审批流程,推广标准化设计方案,力争全年完成加装电梯五百部。

责任编辑:何晴

版权声明:本网站所刊载信息,未经授权禁止转载。
""",
    dict(
        title="老旧小区加装电梯提速 今年已有三百余部投入使用",
        date="2023-06-21",
        flags=[],
        script="hans",
        encoding="gb18030",
        must_contain=[
            "记者昨天从市住建部门获悉,今年以来,全市老旧小区加装电梯工作明显提速,",
            "“就像换了一种活法”。",
            "加装电梯难在协调,低层住户担心采光和噪声。",
            "力争全年完成加装电梯五百部。",
        ],
        must_not_contain=[
            "来源:滨江晚报", "字号", "扫一扫", "责任编辑", "版权声明", "未经授权禁止转载",
        ],
    ))


# --------------------------------------------------------------------------------------------
# Flattened pages in styles the other samples do not cover: government notice, news portal,
# content-farm how-to, WeChat mirror, forum thread, Q&A, paywalled report, another site's
# watermark, Taiwan and Hong Kong news. Each line of chrome is one instance of a pattern that
# many sites share; the body text, and the lines that must stay, are written for these samples.

sample(
    '15-wet-gov-notice-gbk', "txt", 'gbk',
    'flattened government notice in GBK: 当前位置 breadcrumb, 发布时间/来源/浏览次数 line (date), 字号 大 中 小, 【打印本页】【关闭窗口】, numbered sections and the date of signature (content), 扫一扫 line, 上一篇/下一篇, 主办单位/承办单位 and 网站标识码/ICP/公网安备 footer',
    """当前位置：首页 > 政务公开 > 通知公告
关于做好2024年度职业技能提升补贴申领工作的通知
发布时间：2024-03-05 10:21 来源：市人力资源和社会保障局 浏览次数：2316
字号：大 中 小
【打印本页】 【关闭窗口】
各区人力资源和社会保障局，各有关单位：
为进一步鼓励劳动者提升职业技能，根据省人力资源和社会保障厅有关文件精神，现就做好2024年度职业技能提升补贴申领工作通知如下。
一、补贴对象
依法参加失业保险，累计缴纳失业保险费满12个月，并于2024年1月1日以后取得职业资格证书或职业技能等级证书的企业职工。
二、补贴标准
取得初级（五级）证书的，补贴1000元；取得中级（四级）证书的，补贴1500元；取得高级（三级）证书的，补贴2000元。
三、申领方式
申领人可通过市人社局网上办事大厅或各区政务服务中心窗口提交申请，同一职业同一等级只能申请并享受一次补贴。
四、工作要求
各区要加强政策宣传，简化办理流程，确保补贴资金及时足额发放到位。
附件：职业技能提升补贴申请表.doc
市人力资源和社会保障局
2024年3月5日
扫一扫在手机打开当前页
上一篇：关于公布2023年度人力资源服务机构名单的通知
下一篇：关于开展春风行动专项招聘活动的通知
主办单位：某某市人民政府办公室  承办单位：某某市大数据中心
网站标识码：3301000001  浙ICP备05012345号  浙公网安备 33010202000123号
""",
    {'title': '关于做好2024年度职业技能提升补贴申领工作的通知', 'date': '2024-03-05', 'flags': [], 'script': 'hans', 'encoding': 'gb18030', 'must_contain': ['各区人力资源和社会保障局，各有关单位：', '一、补贴对象', '取得高级（三级）证书的，补贴2000元。', '附件：职业技能提升补贴申请表.doc', '市人力资源和社会保障局', '2024年3月5日'], 'must_not_contain': ['当前位置', '浏览次数', '字号', '打印本页', '关闭窗口', '扫一扫', '上一篇', '下一篇', '主办单位', '承办单位', '网站标识码', 'ICP备', '公网安备']},
)

sample(
    '16-wet-portal-news-utf8', "txt", 'utf-8',
    'flattened news portal page, UTF-8: menu line, dateline with 来源/作者, (本文来源：…) in brackets, 责任编辑, 编辑/校对 line, 点击排行 and 热门推荐 lists, 24小时热文, 网友评论 counter',
    """首页 | 新闻 | 财经 | 体育 | 娱乐 | 科技 | 汽车 | 房产
江滨大桥主体结构完工 预计年底通车
2023-09-12 08:30 来源：江城日报 作者：陈晓东
本报讯 昨日上午，随着最后一段钢箱梁精准吊装到位，江滨大桥主体结构顺利完工。这座连接城南与城北的跨江通道全长3.2公里，建成后两岸通行时间将由40分钟缩短至10分钟左右。
据项目负责人介绍，大桥主桥采用双塔斜拉桥结构，主跨达580米。施工期间，建设者克服了汛期水位上涨、高空作业风大等困难，先后攻克深水基础施工等多项技术难题。
“接下来我们将进行桥面铺装、护栏安装和照明工程施工。”项目负责人表示，大桥预计年底具备通车条件。
市民王先生家住城北，每天到城南上班。他说：“以前上下班要绕行老桥，遇上堵车要一个多小时，大桥通车后就方便多了。”
(本文来源：江城晚报)
责任编辑：刘洋
编辑：王芳 校对：李明
点击排行
1 市区新增三条公交线路
2 国庆假期天气预报出炉
3 老城区改造项目公示
热门推荐
• 秋季养生注意这几点
• 江城十大美食街区榜单发布
24小时热文
网友评论
已有0人参与
""",
    {'title': '江滨大桥主体结构完工 预计年底通车', 'date': '2023-09-12', 'flags': [], 'script': 'hans', 'encoding': 'utf-8', 'must_contain': ['本报讯 昨日上午，随着最后一段钢箱梁精准吊装到位，江滨大桥主体结构顺利完工。', '“接下来我们将进行桥面铺装、护栏安装和照明工程施工。”', '大桥通车后就方便多了。”'], 'must_not_contain': ['来源：江城', '本文来源', '责任编辑', '校对', '点击排行', '市区新增三条公交线路', '热门推荐', '秋季养生', '24小时热文', '网友评论', '已有0人参与', '首页 |']},
)

sample(
    '17-wet-farm-tips-utf8-bom', "txt", 'utf-8',
    'flattened content-farm how-to page, UTF-8 with a BOM: 本文由…小编整理发布 intro, 时间/作者/阅读 line, numbered tips (content), 免责声明 and 版权声明/转载请注明出处, 本文标签, 上一篇/下一篇, 【推荐阅读】 list',
    """多肉植物怎么养才能长得好 新手必看的养护技巧
本文由花草百科网小编整理发布，希望对大家有所帮助。
时间：2022-04-18 15:20 作者：花草百科 阅读：1873
多肉植物因为外形可爱、好打理，受到很多人的喜爱。不过不少新手发现，自己养的多肉不是徒长就是烂根，其实只要掌握几个要点，多肉就能长得又肥又壮。
1、光照要充足
多肉植物大多喜欢阳光，每天最好能晒4个小时以上。光照不足时，叶片会变薄，茎干会拉长，也就是常说的徒长。
2、浇水宁干勿湿
多肉的叶片能储存水分，浇水过多容易烂根。一般等盆土完全干透后再浇，一次浇透，夏季高温时要少浇。
3、选择透气的土壤
可以用泥炭土、珍珠岩和颗粒土混合配制，颗粒比例在一半左右，这样排水透气都比较好。
4、注意通风
闷热潮湿的环境容易引发病害，放在通风的地方，可以减少黑腐病的发生。
以上就是多肉植物的养护方法，喜欢多肉的朋友可以试一试。
免责声明：本站部分内容来源于互联网，仅供学习交流，如有侵权请联系删除。
版权声明：本文为花草百科网原创文章，转载请注明出处。
本文标签：多肉植物 养护技巧 新手养花
上一篇：绿萝叶子发黄是什么原因
下一篇：月季花怎么修剪
【推荐阅读】
多肉植物冬天怎么过冬
多肉叶子发软怎么办
""",
    {'title': '多肉植物怎么养才能长得好 新手必看的养护技巧', 'date': '2022-04-18', 'flags': [], 'script': 'hans', 'encoding': 'utf-8', 'must_contain': ['1、光照要充足', '多肉的叶片能储存水分，浇水过多容易烂根。', '4、注意通风', '以上就是多肉植物的养护方法，喜欢多肉的朋友可以试一试。'], 'must_not_contain': ['本文由', '小编', '阅读：', '免责声明', '如有侵权', '版权声明', '转载请注明出处', '本文标签', '上一篇', '下一篇', '推荐阅读', '多肉植物冬天怎么过冬']},
    bom=True)

sample(
    '18-wet-wechat-mirror-utf8', "txt", 'utf-8',
    'flattened WeChat article mirror, UTF-8: 点击上方蓝字关注我们, 原创 … 发表于 header (date), - END -, 文字 | 图片 | 编辑 | credits, 长按识别二维码, 往期推荐 and 喜欢此内容的人还喜欢 lists, 阅读原文, 阅读/在看 counters, 点赞 分享 在看 buttons, 微信扫一扫关注',
    """点击上方蓝字关注我们
社区食堂开到家门口 老人吃饭不再发愁
原创 城南社区 城南社区服务 2023-05-06 18:02 发表于浙江
“一荤两素一汤，只要12块钱，味道还不错。”中午11点，家住城南社区的75岁老人周阿姨在社区食堂吃上了热乎乎的午饭。
今年3月，城南社区利用闲置的办公用房改建了社区食堂，为辖区老年人提供午餐和晚餐。80岁以上老人每餐还能享受3元补贴，行动不便的老人可以电话预约送餐上门。
社区书记告诉记者，食堂开业两个月来，每天就餐的老人有150人左右。“很多子女白天上班，老人一个人在家做饭不方便，现在有了食堂，子女也放心了。”
下一步，社区还计划在食堂旁边开设老年活动室，让老人吃完饭还能下下棋、聊聊天。
- END -
文字 | 李晓 图片 | 社区供图
编辑 | 小王
长按识别二维码关注我们
往期推荐
社区开展垃圾分类宣传活动
夏季防溺水安全提示
喜欢此内容的人还喜欢
阅读原文
阅读 1.2万
在看 56
点赞 分享 在看
微信扫一扫关注该公众号
""",
    {'title': '社区食堂开到家门口 老人吃饭不再发愁', 'date': '2023-05-06', 'flags': [], 'script': 'hans', 'encoding': 'utf-8', 'must_contain': ['“一荤两素一汤，只要12块钱，味道还不错。”', '80岁以上老人每餐还能享受3元补贴', '让老人吃完饭还能下下棋、聊聊天。'], 'must_not_contain': ['蓝字', '原创', '发表于', 'END', '文字 |', '编辑 |', '二维码', '往期推荐', '垃圾分类', '喜欢此内容', '阅读原文', '1.2万', '在看', '点赞', '公众号']},
)

sample(
    '19-wet-forum-thread-gb18030', "txt", 'gb18030',
    'flattened forum thread in GB18030: breadcrumb ending in the question title, 楼主/沙发/板凳/地板 发表于 post headers (first gives the date), 只看该作者, 回复 引用 举报, 本帖最后由…编辑, 签名, 使用道具, 返回列表 发新帖; the replies themselves, however short, stay',
    """首页 › 论坛 › 亲子教育 › 孩子上小学前需要提前学拼音吗？
孩子上小学前需要提前学拼音吗？
楼主 发表于 2022-3-4 12:05 | 只看该作者
马上要上一年级了，身边很多家长都在给孩子报拼音班，我有点犹豫。听说学校老师会从头教，提前学反而容易养成错误的发音习惯，大家怎么看？
回复 引用 举报
沙发 发表于 2022-3-4 12:31 | 只看该作者
我家孩子没提前学，刚开始确实有点吃力，跟了两个月就赶上了。我觉得关键是培养专注力和听课习惯，比提前学知识更重要。
回复 引用 举报
板凳 发表于 2022-3-4 13:02
本帖最后由 小雨妈妈 于 2022-3-4 13:10 编辑
建议简单了解一下就行，不用学太深。我们当时在家用卡片和孩子玩拼读游戏，孩子兴趣很高，上学后也没什么压力。
回复 引用 举报
签名：陪伴是最好的教育
地板 发表于 2022-3-4 14:20
顶一下，同问。
使用道具 举报
返回列表 发新帖
""",
    {'title': '孩子上小学前需要提前学拼音吗？', 'date': '2022-03-04', 'flags': [], 'script': 'hans', 'encoding': 'gb18030', 'must_contain': ['马上要上一年级了，身边很多家长都在给孩子报拼音班，我有点犹豫。', '我家孩子没提前学，刚开始确实有点吃力，跟了两个月就赶上了。', '建议简单了解一下就行，不用学太深。', '顶一下，同问。'], 'must_not_contain': ['首页 ›', '楼主', '发表于', '只看该作者', '回复 引用', '举报', '本帖最后由', '签名', '使用道具', '发新帖']},
)

sample(
    '20-wet-qa-page-utf8', "txt", 'utf-8',
    'flattened Q&A page, UTF-8: breadcrumb, question headline ending in ？ (title), 提问者/浏览 line (date), 最佳答案 and 其他回答(3) labels, 回答者/采纳率 lines, 赞同/评论/反对 counters, 相关问题 and 为您推荐 lists, 举报 | 收藏 | 分享; both answers stay',
    """首页 > 问答 > 生活 > 家居
新买的铁锅第一次使用前要怎么处理？
提问者：匿名用户 2021-08-01 09:15 浏览 3280次
最佳答案
新铁锅表面一般有防锈油，第一次用之前最好先开锅。具体做法是：先用清水加少量洗洁精把锅里外刷干净，然后上火把水分烧干。
接着转小火，用一块肥猪肉在锅内反复擦，让油脂均匀覆盖锅面，直到猪肉变黑、锅面发亮，再把锅洗净就可以正常使用了。
平时用完后要及时擦干，放在通风处，可以避免生锈。
回答者：厨房达人 | 采纳率：86% | 2021-08-01 10:02
赞同 128 | 评论 (6)
其他回答(3)
用淘米水煮一遍也可以，能去掉铁腥味。
回答者：匿名 2021-08-01 11:40
赞同 12 反对 1
相关问题
铁锅生锈了还能用吗
不粘锅和铁锅哪个好
为您推荐：
举报 | 收藏 | 分享
""",
    {'title': '新买的铁锅第一次使用前要怎么处理？', 'date': '2021-08-01', 'flags': [], 'script': 'hans', 'encoding': 'utf-8', 'must_contain': ['新铁锅表面一般有防锈油，第一次用之前最好先开锅。', '平时用完后要及时擦干，放在通风处，可以避免生锈。', '用淘米水煮一遍也可以，能去掉铁腥味。'], 'must_not_contain': ['首页 >', '提问者', '最佳答案', '回答者', '采纳率', '赞同', '其他回答', '相关问题', '铁锅生锈了还能用吗', '为您推荐', '举报']},
)

sample(
    '21-wet-paywall-report-utf8', "txt", 'utf-8',
    'flattened paid report page, UTF-8: 发布时间/来源 line (date), the free part, then a paywall stub (剩余80%内容，开通VIP即可阅读 / 付费阅读 / ￥19.9 立即解锁 / member perks / buyers counter / 开通会员 查看全文): stub removed, record flagged paywall',
    """2023年全国县域商业发展研究报告（全文）
发布时间：2023-11-20  来源：产业研究网
本报告基于对全国200个县的实地调研，分析了县域商业体系建设的现状和存在的问题。调研发现，县域商业网点布局持续优化，乡镇商贸中心覆盖率明显提高，但物流配送成本偏高、数字化水平不足等问题依然突出。
从消费结构看，县域居民在家电、汽车和文旅方面的支出增长较快，线上消费占比逐年上升。报告建议，进一步完善县乡村三级物流配送体系，支持连锁企业向乡镇下沉。
剩余80%内容，开通VIP即可阅读
付费阅读
￥19.9 立即解锁
会员享受全站报告免费下载
已有2156人购买
开通会员 查看全文
""",
    {'title': '2023年全国县域商业发展研究报告（全文）', 'date': '2023-11-20', 'flags': ['paywall'], 'script': 'hans', 'encoding': 'utf-8', 'must_contain': ['本报告基于对全国200个县的实地调研', '支持连锁企业向乡镇下沉。'], 'must_not_contain': ['剩余80%', '开通VIP', '付费阅读', '立即解锁', '会员', '已有2156人购买', '查看全文', '来源：']},
)

sample(
    '22-wet-foreign-watermark-gbk', "txt", 'gbk',
    "flattened work report in GBK with another site's credit (第一范文网 www.… 整理) injected as a clause three times mid-sentence: the clause is cut, the sentences around it kept",
    """乡镇卫生院2023年上半年工作总结
今年以来，我院在县卫健委的正确领导下，紧紧围绕年度工作目标，扎实推进基本医疗和公共卫生服务，各项工作取得了新的进展。
一是基本医疗服务能力稳步提升。上半年共接诊门诊患者18652人次，同比增长12%，第一范文网 www.diyifanwen.com 整理，住院患者612人次，与县人民医院建立了双向转诊机制。
二是公共卫生服务扎实开展。完成65岁以上老年人健康体检2130人，建立居民健康档案覆盖率达到92%，第一范文网 www.diyifanwen.com 整理，慢性病规范管理率进一步提高。
三是家庭医生签约服务持续深化。组建家庭医生团队8个，签约重点人群4260人，定期开展上门随访。
四是党风廉政建设不断加强。认真落实“一岗双责”，开展廉政警示教育两次，第一范文网 www.diyifanwen.com 整理，医德医风明显改善。
下半年，我们将继续加强人才队伍建设，改善就医环境，努力为群众提供更加优质便捷的医疗服务。
""",
    {'title': '乡镇卫生院2023年上半年工作总结', 'date': '', 'flags': [], 'script': 'hans', 'encoding': 'gb18030', 'must_contain': ['上半年共接诊门诊患者18652人次，同比增长12%，住院患者612人次，与县人民医院建立了双向转诊机制。', '建立居民健康档案覆盖率达到92%，慢性病规范管理率进一步提高。', '开展廉政警示教育两次，医德医风明显改善。'], 'must_not_contain': ['第一范文网', 'diyifanwen', '整理，']},
)

sample(
    '23-wet-tw-news-big5', "txt", 'big5',
    'flattened Taiwanese news page in Big5 (traditional, converted): breadcrumb 首頁 >, dateline 聯合報 記者…／台北報導 (date), 延伸閱讀, 更多新聞, 訂閱電子報, 分享到Facebook, 加入LINE好友, © 版權所有',
    """首頁 > 生活 > 健康
寒流來襲 醫師提醒長者注意保暖防心血管疾病
2024-01-22 10:35 聯合報 記者林怡君／台北報導
強烈大陸冷氣團南下，中央氣象署預估今晚至明晨北部低溫可能降至8度。醫師提醒，氣溫驟降容易使血管收縮、血壓上升，年長者及慢性病患者應特別注意保暖。
台北市立聯合醫院心臟內科醫師表示，冬季是心肌梗塞和中風的好發季節，清晨起床時不要立即下床，可以先在床上活動手腳，再慢慢起身。
醫師也建議，外出時應戴帽子、圍巾，做好頭頸部保暖；如出現胸悶、胸痛或單側肢體無力等症狀，應立即就醫。
延伸閱讀
冬天洗澡水溫幾度最好？醫師這樣說
更多新聞
訂閱電子報
分享到Facebook
加入LINE好友
Copyright 2024 聯合新聞網 版權所有
""",
    {'title': '寒流來襲 醫師提醒長者注意保暖防心血管疾病', 'title_simplified': '寒流来袭 医师提醒长者注意保暖防心血管疾病', 'date': '2024-01-22', 'flags': [], 'script': 'hant', 'encoding': 'big5-hkscs', 'must_contain': ['强烈大陆冷气团南下，中央气象署预估今晚至明晨北部低温可能降至8度。', '清晨起床时不要立即下床，可以先在床上活动手脚，再慢慢起身。', '应立即就医。'], 'must_not_contain': ['首页', '记者林怡君', '延伸阅读', '冬天洗澡水温', '更多新闻', '订阅电子报', 'Facebook', 'LINE', '版权所有']},
)

sample(
    '24-wet-hk-news-trad-utf8', "txt", 'utf-8',
    'flattened Hong Kong news page, UTF-8 traditional (converted): （星島日報報道） lead-in (content), 下載…App，即時掌握最新資訊, 立即Like我們的Facebook專頁, 相關文章, 熱門文章, 按此睇更多',
    """港鐵東鐵綫新增班次 繁忙時間候車時間縮短
（星島日報報道）港鐵公司今日宣布，由下月起東鐵綫在早上繁忙時間將增加班次，最短班次相隔由3分鐘縮短至2.7分鐘，每小時載客量可增加約一成。
港鐵發言人表示，過去半年東鐵綫乘客量持續回升，部分車站在早上繁忙時間出現人多擠迫的情況。公司經檢視後決定調配更多列車，以紓緩車廂擁擠。
有經常乘搭東鐵綫的乘客表示，希望港鐵同時改善車站的人流管理，讓乘客上落車更順暢。
下載星島新聞App，即時掌握最新資訊
立即Like我們的Facebook專頁
相關文章
港鐵票價明年起調整
熱門文章
按此睇更多
""",
    {'title': '港鐵東鐵綫新增班次 繁忙時間候車時間縮短', 'title_simplified': '港铁东铁线新增班次 繁忙时间候车时间缩短', 'date': '', 'flags': [], 'script': 'hant', 'encoding': 'utf-8', 'must_contain': ['（星岛日报报道）港铁公司今日宣布，由下月起东铁线在早上繁忙时间将增加班次', '公司经检视后决定调配更多列车', '让乘客上落车更顺畅。'], 'must_not_contain': ['App', 'Like', 'Facebook', '相关文章', '港铁票价明年起调整', '热门文章', '按此睇更多']},
)

sample(
    "25-wet-self-media-utf8", "txt", "utf-8",
    "flattened self-media / blog platform page, UTF-8: 编辑于 and 发布于 … 著作权归作者所有 lines (date), "
    "counter row 阅读(123)┊ 评论(5)┊…┊举报, 著作权 and reprint notice, 赞同 1.2K, 添加评论, 打开APP阅读全文, "
    "展开阅读全文, 【纠错】, [责任编辑: …], 相关稿件, platform disclaimers (仅代表该作者…, 特别声明：…)",
    """新能源汽车下乡活动启动 多款车型参与
编辑于 2021-03-04 12:00
发布于 2021-03-04 12:00 · 著作权归作者所有
今年的新能源汽车下乡活动于昨日在省会启动，共有30多个品牌的80余款车型参与，活动将持续到年底。
据了解，参与活动的车型将提供购车补贴、免费充电桩安装等优惠，部分企业还推出了以旧换新服务。
业内人士表示，农村市场潜力巨大，但充电设施不足仍是制约新能源汽车下乡的主要因素。
阅读(123)┊ 评论(5)┊ 收藏(0)┊ 转载(1)┊ 喜欢▼┊打印┊举报
著作权归作者所有。商业转载请联系作者获得授权，非商业转载请注明出处。
赞同 1.2K
添加评论
打开APP阅读全文
展开阅读全文∨
【纠错】
[责任编辑: 张三]
相关稿件
本文为澎湃号作者或机构在澎湃新闻上传并发布，仅代表该作者或机构观点，不代表澎湃新闻的观点或立场，澎湃新闻仅提供信息发布平台。
特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。
""",
    {'title': '新能源汽车下乡活动启动 多款车型参与', 'date': '2021-03-04', 'flags': [], 'script': 'hans',
     'encoding': 'utf-8',
     'must_contain': ['今年的新能源汽车下乡活动于昨日在省会启动', '部分企业还推出了以旧换新服务。',
                      '但充电设施不足仍是制约新能源汽车下乡的主要因素。'],
     'must_not_contain': ['编辑于', '发布于', '著作权', '阅读(123)', '赞同', '添加评论', 'APP', '展开阅读全文',
                          '纠错', '责任编辑', '相关稿件', '澎湃', '特别声明', '信息存储']},
)

sample(
    "26-wet-tw-agency-big5", "txt", "big5",
    "flattened Taiwanese wire story in Big5: ▲ photo caption with （圖／記者…攝）, （中央社記者…電） lead-in "
    "(content), 請繼續往下閱讀..., （編輯：…） line, 看更多, LINE分享, 全文網址, reprint notice "
    "非經授權，不得轉載, 【看原文連結】",
    """台北捷運明年調漲票價 學生票維持不變
▲台北捷運。（圖／記者王小明攝）
（中央社記者陳怡君台北22日電）台北市政府今天宣布，台北捷運票價明年起每段調漲5元，學生票及敬老票則維持不變。
市府交通局表示，捷運公司近年營運成本持續上升，此次調整是十年來首次調漲，預計每年可增加營收約12億元。
請繼續往下閱讀...
交通局也表示，將同步加強轉乘優惠，讓通勤族負擔不會明顯增加。
（編輯：林克倫）1130122
看更多
LINE分享
全文網址：https://www.example.com.tw/news/123456
本網站之文字、圖片及影音，非經授權，不得轉載、公開播送或公開傳輸及利用。
【看原文連結】
""",
    {'title': '台北捷運明年調漲票價 學生票維持不變', 'title_simplified': '台北捷运明年调涨票价 学生票维持不变',
     'date': '', 'flags': [], 'script': 'hant', 'encoding': 'big5-hkscs',
     'must_contain': ['（中央社记者陈怡君台北22日电）台北市政府今天宣布', '预计每年可增加营收约12亿元。',
                      '让通勤族负担不会明显增加。'],
     'must_not_contain': ['▲', '图／', '继续往下阅读', '编辑：', '看更多', 'LINE', '全文网址', '不得转载', '原文连结']},
)

# --------------------------------------------------------------------------------------------

def encode(s):
    data = s["content"].encode(s["codec"])  # strict: a character the charset lacks is a bug here
    if s["bom"]:
        data = b"\xef\xbb\xbf" + data
    return data


def expectation(s, old):
    e = dict(s["expect"])
    # The record's title is converted to simplified like the text; keep the page's own spelling
    # for the reader of the expectation file, but compare with the simplified form.
    if "title_simplified" in e:
        e["title_original"] = e["title"]
        e["title"] = e.pop("title_simplified")
    # The title is the record's title, not a line of its text: none of these pages repeats its
    # title in the body, so a text holding it kept the headline or a repeated title line.
    if e["title"] not in e["must_not_contain"]:
        e["must_not_contain"] = e["must_not_contain"] + [e["title"]]
    out = {"sample": s["name"] + "." + s["ext"], "about": s["about"]}
    out.update(e)
    if "text" in old:
        out["text"] = old["text"]
    return json.dumps(out, ensure_ascii=False, indent=1) + "\n"


def main():
    check = "--check" in sys.argv[1:]
    for ch in BEYOND_GB2312:
        try:
            ch.encode("gb2312")
            sys.exit("make-samples: %s is in GB2312; sample 14 needs characters beyond it" % ch)
        except UnicodeEncodeError:
            pass
    os.makedirs(os.path.join(SAMPLES, "expected"), exist_ok=True)
    os.makedirs(os.path.join(SAMPLES, "pages"), exist_ok=True)
    changed = []

    def put(path, data):
        try:
            with open(path, "rb") as f:
                if f.read() == data:
                    return
        except FileNotFoundError:
            pass
        changed.append(os.path.relpath(path, ROOT))
        if not check:
            with open(path, "wb") as f:
                f.write(data)

    readme = ["# Golden samples", "",
              "Pages (in pages/) in their original bytes (see docs/samples.md; regenerate with "
              "scripts/make-samples.py, check with tests/golden_test.cc).", ""]
    for s in sorted(SAMPLES_LIST, key=lambda s: s["name"]):
        fname = s["name"] + "." + s["ext"]
        put(os.path.join(SAMPLES, "pages", fname), encode(s))
        exp_path = os.path.join(SAMPLES, "expected", s["name"] + ".json")
        old = {}
        if os.path.exists(exp_path):
            with open(exp_path, encoding="utf-8") as f:
                old = json.load(f)
        put(exp_path, expectation(s, old).encode("utf-8"))
        about = re.sub(r"(<[^>]+>)", r"`\1`", s["about"])  # tags shown, not rendered
        readme.append("- `%s` — %s" % (fname, about))
    put(os.path.join(SAMPLES, "README.md"), ("\n".join(readme) + "\n").encode("utf-8"))
    for c in changed:
        print(("would change " if check else "wrote ") + c)
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
