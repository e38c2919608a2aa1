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
# 27-38: HTML pages in the markup of widespread Chinese templates (WeChat, Discuz!, Baijiahao,
# Toutiao, Zhihu, Sina blog, government table layouts, HTML5 CMS, multi-part articles, long
# comment threads, Baidu Zhidao, shop/knowledge pages), each with text written for this file.

sample(
    "27-wechat-article-utf8", "html", "utf-8",
    "WeChat public-account article: div#js_content.rich_media_content hidden by an inline "
    "visibility:hidden until a script shows it, text in <section>/<span>, 点击上方蓝字关注, "
    "profile card, 微信扫一扫 QR block, 阅读原文 / 阅读 / 在看 bar, 喜欢此内容的人还喜欢 list; "
    "the publish time is filled in by script (no date)",
    """<!DOCTYPE html>
<html class="">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1.0,maximum-scale=1.0,user-scalable=0,viewport-fit=cover">
<meta property="og:title" content="老旧小区加装电梯，我们是怎么谈成的">
<meta property="og:type" content="article">
<meta property="og:description" content="从第一次楼道会议到电梯试运行，整整用了十四个月。">
<meta property="twitter:card" content="summary">
<title></title>
<script nonce="8812">var msg_title = '老旧小区加装电梯，我们是怎么谈成的'.html(false); var ct = "1683367320"; var nickname = "城南邻里";</script>
<style>.rich_media_content{overflow:hidden;color:#333;font-size:17px}</style>
</head>
<body id="activity-detail" class="zh_CN wx_wap_page mm_appmsg comment_feature discuss_tab appmsg_skin_default appmsg_style_default">
<div id="js_article" class="rich_media">
<div id="js_top_ad_area" class="top_banner"></div>
<div class="rich_media_inner">
<div id="page-content" class="rich_media_area_primary">
<div class="rich_media_area_primary_inner">
<div id="img-content" class="rich_media_wrp">
<h1 class="rich_media_title " id="activity-name">
            老旧小区加装电梯，我们是怎么谈成的
          </h1>
<div id="meta_content" class="rich_media_meta_list">
<span class="rich_media_meta rich_media_meta_text">原创</span>
<span class="rich_media_meta rich_media_meta_text">周楠</span>
<span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a href="javascript:void(0);" class="wx_tap_link js_wx_tap_highlight weui-wa-hotarea" id="js_name">城南邻里</a></span>
<span class="rich_media_meta rich_media_meta_text"><em id="publish_time" class="rich_media_meta rich_media_meta_text"></em></span>
</div>
<div class="rich_media_content js_underline_content autoTypeSetting24psection" id="js_content" style="visibility: hidden;">
<section style="text-align: center;"><span style="color: rgb(0, 122, 170);font-size: 14px;">点击上方蓝字关注我们</span></section>
<section style="margin-top: 10px;"><img class="rich_pages wxw-img" data-ratio="0.5625" data-src="https://mmbiz.qpic.cn/mmbiz_jpg/abc/640?wx_fmt=jpeg" data-type="jpeg" data-w="1080" style=""></section>
<section style="line-height: 1.75em;"><span style="font-size: 15px;letter-spacing: 1px;">桂花巷3号楼建成于1996年，六层，没有电梯。住在五楼的刘阿姨今年七十八岁，膝盖做过手术，过去两年里她下楼的次数两只手就数得过来。</span></section>
<section style="line-height: 1.75em;"><br></section>
<section style="line-height: 1.75em;"><span style="font-size: 15px;letter-spacing: 1px;">加装电梯的想法，楼里早就有人提过，可每次一说到费用分摊就不了了之。一楼和二楼的住户用不上电梯，还担心采光和噪音；六楼的住户愿意多出钱，却不知道该出多少才算公道。</span></section>
<section style="line-height: 1.75em;"><span style="font-size: 15px;letter-spacing: 1px;"><strong>第一步：把账算清楚</strong></span></section>
<section style="line-height: 1.75em;"><span style="font-size: 15px;letter-spacing: 1px;">去年三月，社区请来设计单位做了方案，总造价约六十二万元，政府补贴二十万元，剩下的四十二万元由二到六楼的住户按楼层系数分摊，楼层越高，系数越大。一楼住户不出钱，另由受益住户每户补偿采光损失。</span></section>
<p style="line-height: 1.75em;"><span style="font-size: 15px;">第二步：把顾虑说出来</span></p>
<p style="line-height: 1.75em;"><span style="font-size: 15px;letter-spacing: 1px;">楼道会议开了九次。有人担心施工影响出行，施工方就把工期排在暑假之前；有人担心以后的维保费用没人管，大家就约定由物业代收，每半年公布一次账目。意见不一致的时候，社区工作人员一户一户上门听，再把听到的问题写在楼道的小黑板上。</span></p>
<p style="line-height: 1.75em;"><img class="rich_pages wxw-img" data-src="https://mmbiz.qpic.cn/mmbiz_jpg/def/640?wx_fmt=jpeg" data-w="1080"></p>
<p style="text-align: center;"><span style="font-size: 12px;color: rgb(136, 136, 136);">楼道里的小黑板</span></p>
<p style="line-height: 1.75em;"><span style="font-size: 15px;letter-spacing: 1px;">今年五月，电梯终于试运行。刘阿姨坐着电梯下楼，在楼下的桂花树旁站了很久。她说，能自己下楼买菜，比什么都强。</span></p>
<p style="line-height: 1.75em;"><span style="font-size: 15px;letter-spacing: 1px;">目前，街道还有十一栋楼在走加装电梯的流程。桂花巷的经验被整理成一份“议事清单”，发到了每个小区的业主群里。</span></p>
<section style="text-align: center;"><span style="font-size: 14px;">- END -</span></section>
<section><span style="font-size: 13px;color: #888;">文字 | 周楠　图片 | 社区工作站　编辑 | 小林</span></section>
<section style="text-align: center;"><img class="rich_pages wxw-img" data-src="https://mmbiz.qpic.cn/mmbiz_png/qr/640?wx_fmt=png"></section>
<section style="text-align: center;"><span style="font-size: 13px;">长按识别二维码关注我们</span></section>
</div>
<div class="ct_mpda_wrp" id="js_sponsor_ad_area" style="display:none;"></div>
<div id="js_tags" class="article-tag__list"><span class="article-tag__item-wrp"><span class="article-tag__item">#社区治理</span></span><span class="article-tag__item-wrp"><span class="article-tag__item">#加装电梯</span></span></div>
<div class="rich_media_tool" id="js_toobar3">
<div id="js_read_area3" class="media_tool_meta tips_global_primary meta_primary"><a id="js_view_source" href="##">阅读原文</a></div>
<div class="media_tool_meta meta_extra">阅读 <span id="readNum3">3562</span></div>
<div class="media_tool_meta meta_extra"><span class="praise_num">在看 86</span></div>
</div>
</div>
<div class="rich_media_area_extra">
<div class="rich_media_extra" id="js_related_area">
<div class="mod_title_context"><strong class="mod_title">喜欢此内容的人还喜欢</strong></div>
<ul class="related_list">
<li class="related_item"><a href="/s?__biz=a1"><strong class="related_title">社区食堂开张一周，老人们怎么说</strong><span class="related_nickname">城南邻里</span></a></li>
<li class="related_item"><a href="/s?__biz=a2"><strong class="related_title">垃圾分类三年后，这个小区变了样</strong><span class="related_nickname">城南邻里</span></a></li>
<li class="related_item"><a href="/s?__biz=a3"><strong class="related_title">电动车进楼充电有多危险？一段实验告诉你</strong><span class="related_nickname">平安城南</span></a></li>
</ul>
</div>
</div>
</div>
</div>
<div class="qr_code_pc_outer" id="js_pc_qr_code"><div class="qr_code_pc_inner"><div class="qr_code_pc"><img id="js_pc_qr_code_img" class="qr_code_pc_img" src="/mp/qrcode?scene=10000004&size=102&__biz=MzA5"><p>微信扫一扫<br>关注该公众号</p></div></div></div>
</div>
<div id="js_profile_qrcode" class="profile_container" style="display:none;"><div class="profile_inner"><strong class="profile_nickname">城南邻里</strong><img class="profile_avatar" src="/mmhead/abc/0"><p class="profile_meta"><label class="profile_meta_label">微信号</label><span class="profile_meta_value">chengnan_linli</span></p><p class="profile_meta"><label class="profile_meta_label">功能介绍</label><span class="profile_meta_value">发布社区通知、便民服务信息和发生在街坊邻里之间的故事，欢迎关注。</span></p></div></div>
</div>
<script nonce="8812">document.getElementById('js_content').style.visibility = 'visible';</script>
</body>
</html>
""",
    {'title': '老旧小区加装电梯，我们是怎么谈成的', 'date': '', 'flags': [], 'script': 'hans',
     'encoding': 'utf-8',
     'must_contain': ['桂花巷3号楼建成于1996年，六层，没有电梯。',
                      '一楼和二楼的住户用不上电梯，还担心采光和噪音；',
                      '第一步：把账算清楚',
                      '剩下的四十二万元由二到六楼的住户按楼层系数分摊，楼层越高，系数越大。',
                      '第二步：把顾虑说出来',
                      '再把听到的问题写在楼道的小黑板上。',
                      '她说，能自己下楼买菜，比什么都强。',
                      '发到了每个小区的业主群里。'],
     'must_not_contain': ['点击上方蓝字', '原创', '周楠', '城南邻里', 'END', '文字 |', '长按识别', '社区治理',
                          '阅读原文', '阅读 3562', '在看', '喜欢此内容', '社区食堂开张', '微信扫一扫',
                          '关注该公众号', '功能介绍', 'chengnan', 'msg_title', '楼道里的小黑板']},
)

sample(
    "28-discuz-thread-gbk", "html", "gbk",
    "Discuz! X3 forum thread in GBK (http-equiv): posts in table.plhin / td.t_f, author column "
    "td.pls with 积分 / 帖子 counts, 楼主 / 沙发 / 板凳 floors with 发表于 (the first gives the date), "
    "只看该作者, 本帖最后由…编辑, a reply quoting the first post (div.quote: the quoted words are "
    "the first post again and go), signatures, 回复 / 支持 / 反对 / 使用道具 / 举报, 返回列表, fast "
    "reply box; every reply, however short, stays: a thread's replies are its content",
    """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk" />
<title>阳台种番茄，坐果少是什么原因？ - 种植交流 -  绿手指园艺论坛 -  Powered by Discuz!</title>
<meta name="keywords" content="阳台种番茄，坐果少是什么原因？" />
<meta name="description" content=" 阳台种番茄，坐果少是什么原因？ ,绿手指园艺论坛" />
<meta name="generator" content="Discuz! X3.4" />
<script type="text/javascript">var STYLEID = '1', STATICURL = 'static/', IMGDIR = 'static/image/common', discuz_uid = '0';</script>
</head>
<body id="nv_forum" class="pg_viewthread" onkeydown="if(event.keyCode==27) return false;">
<div id="toptb" class="cl"><div class="wp"><div class="z"><a href="javascript:;" onclick="setHomepage('https://bbs.example.cn/');">设为首页</a><a href="https://bbs.example.cn/" onclick="addFavorite(this.href, '绿手指园艺论坛');return false;">收藏本站</a></div>
<div class="y"><a id="switchblind" href="javascript:;">开启辅助访问</a></div></div></div>
<div id="hd"><div class="wp"><div class="hdc cl"><h2><a href="./" title="绿手指园艺论坛"><img src="static/image/common/logo.png" alt="绿手指园艺论坛" border="0" /></a></h2>
<form method="post" autocomplete="off" id="lsform" action="member.php?mod=logging&amp;action=login"><div class="fastlg cl"><table cellspacing="0" cellpadding="0"><tr><td><label for="ls_username">帐号</label></td><td><input type="text" name="username" id="ls_username" /></td><td><a href="member.php?mod=logging&amp;action=login">找回密码</a></td></tr>
<tr><td><label for="ls_password">密码</label></td><td><input type="password" name="password" /></td><td><button type="submit">登录</button></td><td><a href="member.php?mod=register">立即注册</a></td></tr></table></div></form></div>
<div id="nv"><ul><li id="mn_portal"><a href="portal.php">门户</a></li><li class="a" id="mn_forum"><a href="forum.php">论坛</a></li><li id="mn_group"><a href="group.php">群组</a></li><li id="mn_home"><a href="home.php">家园</a></li></ul></div>
<div id="scbar" class="cl"><form id="scbar_form" method="post" action="search.php?searchsubmit=yes"><input type="text" name="srchtxt" id="scbar_txt" value="请输入搜索内容" /><button type="submit" id="scbar_btn">搜索</button></form></div></div></div>
<div id="wp" class="wp">
<div id="pt" class="bm cl"><div class="z"><a href="./" class="nvhm" title="首页">绿手指园艺论坛</a> <em>&rsaquo;</em> <a href="forum.php">论坛</a> <em>&rsaquo;</em> <a href="forum-12-1.html">种植交流</a> <em>&rsaquo;</em> <a href="thread-48213-1-1.html">阳台种番茄，坐果少是什么原因？</a></div></div>
<div id="ct" class="wp cl">
<div id="pgt" class="pgs mbm cl "><div class="pgt"></div><span class="y pgb"><a href="forum-12-1.html">返回列表</a></span><a id="newspecial" href="forum.php?mod=post&amp;action=newthread&amp;fid=12" title="发新帖">发新帖</a></div>
<div id="postlist" class="pl bm">
<table cellspacing="0" cellpadding="0"><tr><td class="pls ptn pbn"><div class="hm ptn"><span class="xg1">查看:</span> <span class="xi1">2861</span><span class="pipe">|</span><span class="xg1">回复:</span> <span class="xi1">4</span></div></td>
<td class="plc ptm pbn vwthd"><h1 class="ts"><a href="forum.php?mod=forumdisplay&amp;fid=12&amp;filter=typeid&amp;typeid=3">[求助]</a> <span id="thread_subject">阳台种番茄，坐果少是什么原因？</span></h1>
<span class="xg1"><a href="thread-48213-1-1.html" onclick="return copyThreadUrl(this, '绿手指园艺论坛')">[复制链接]</a></span></td></tr></table>
<table cellspacing="0" cellpadding="0" class="ad"><tr><td class="pls"></td><td class="plc"></td></tr></table>
<div id="post_501772" >
<table id="pid501772" class="plhin" summary="pid501772" cellspacing="0" cellpadding="0">
<tr>
<td class="pls" rowspan="2">
<div id="favatar501772" class="pls favatar"><div class="pi"><div class="authi"><a href="space-uid-3301.html" target="_blank" class="xw1">南窗小院</a></div></div>
<div><div class="avatar"><a href="space-uid-3301.html" class="avtm" target="_blank"><img src="uc_server/avatar.php?uid=3301&size=middle" /></a></div></div>
<div class="tns xg2"><table cellspacing="0" cellpadding="0"><th><p><a href="home.php?mod=space&uid=3301&do=thread&type=thread&view=me&from=space" class="xi2">12</a></p>主题</th><th><p><a href="home.php?mod=space&uid=3301&do=thread&type=reply&view=me&from=space" class="xi2">87</a></p>帖子</th><td><p><a href="home.php?mod=space&uid=3301" class="xi2">356</a></p>积分</td></table></div>
<p><em><a href="home.php?mod=spacecp&ac=usergroup&gid=12" target="_blank">中级会员</a></em></p>
<dl class="pil cl"><dt>积分</dt><dd><a href="home.php?mod=space&uid=3301&do=profile" target="_blank" class="xi2">356</a></dd></dl>
</div>
</td>
<td class="plc">
<div class="pi">
<strong><a href="forum.php?mod=redirect&goto=findpost&ptid=48213&pid=501772" id="postnum501772" onclick="setCopy(this.href, '帖子地址复制成功');return false;">楼主</a></strong>
<div class="pti"><div class="pdbt"></div>
<div class="authi"><img class="authicn vm" id="authicon501772" src="static/image/common/online_member.gif" />
<em id="authorposton501772">发表于 2023-4-18 21:07</em>
<span class="pipe">|</span><a href="forum.php?mod=viewthread&amp;tid=48213&amp;page=1&amp;authorid=3301" rel="nofollow">只看该作者</a>
<span class="pipe">|</span><a href="forum.php?mod=viewthread&amp;tid=48213&amp;extra=page%3D1&amp;ordertype=1" class="show">倒序浏览</a>
<span class="pipe show">|</span><a href="javascript:;" onclick="readmode($('thread_subject').innerHTML, 501772);" class="show">阅读模式</a>
</div></div></div>
<div class="pct"><style type="text/css">.pcb{margin-right:0}</style><div class="pcb">
<div class="t_fsz">
<table cellspacing="0" cellpadding="0"><tr><td class="t_f" id="postmessage_501772">
<i class="pstatus"> 本帖最后由 南窗小院 于 2023-4-18 21:15 编辑 </i><br />
<br />
今年第一次在阳台种番茄，品种是樱桃番茄，三月初播的种，现在植株有一米多高，叶子也很绿，花开了不少，可就是不怎么坐果，一串花最后只留下一两个小果子。<br />
<br />
阳台朝南，封闭式的，白天温度能到三十度左右。每周浇两次水，上个月追过一次复合肥。请问各位是什么原因？需要人工授粉吗？<br />
<br />
<ignore_js_op><img id="aimg_90211" aid="90211" src="static/image/common/none.gif" zoomfile="data/attachment/forum/202304/18/210530abc.jpg" file="data/attachment/forum/202304/18/210530abc.jpg" class="zoom" width="600" alt="tomato.jpg" title="tomato.jpg" /></ignore_js_op><br />
</td></tr></table>
</div>
</div></div>
</td></tr>
<tr><td class="plc plm"><div class="sign" style="max-height:100px;maxHeightIE:100px;">种花种菜，种一份好心情。</div></td></tr>
<tr id="_postposition501772"></tr>
<tr><td class="pls"></td>
<td class="plc" style="overflow:visible;"><div class="po hin"><div class="pob cl">
<em><a class="fastre" href="forum.php?mod=post&amp;action=reply&amp;fid=12&amp;tid=48213&amp;reppost=501772&amp;page=1" onclick="showWindow('reply', this.href)">回复</a>
<a id="recommend_add" href="forum.php?mod=misc&amp;action=recommend&amp;do=add&amp;tid=48213" title="支持">支持</a>
<a id="recommend_subtract" href="forum.php?mod=misc&amp;action=recommend&amp;do=subtract&amp;tid=48213" title="反对">反对</a></em>
<p><a href="javascript:;" id="mgc_post_501772" onmouseover="showMenu(this.id)" class="showmenu">使用道具</a>
<a href="javascript:;" onclick="showWindow('miscreport501772', 'misc.php?mod=report&rtype=post&rid=501772&tid=48213&fid=12', 'get', -1);return false;">举报</a></p>
</div></div></td></tr>
<tr class="ad"><td class="pls"></td><td class="plc"></td></tr>
</table>
</div>
<div id="post_501790" >
<table id="pid501790" class="plhin" summary="pid501790" cellspacing="0" cellpadding="0">
<tr><td class="pls" rowspan="2"><div id="favatar501790" class="pls favatar"><div class="pi"><div class="authi"><a href="space-uid-1208.html" target="_blank" class="xw1">老园丁阿福</a></div></div>
<div class="tns xg2"><table cellspacing="0" cellpadding="0"><th><p><a href="#" class="xi2">45</a></p>主题</th><th><p><a href="#" class="xi2">1032</a></p>帖子</th><td><p><a href="#" class="xi2">4120</a></p>积分</td></table></div>
<p><em><a href="#">版主</a></em></p></div></td>
<td class="plc"><div class="pi"><strong><a href="#" id="postnum501790">沙发</a></strong>
<div class="pti"><div class="authi"><em id="authorposton501790">发表于 2023-4-18 21:32</em><span class="pipe">|</span><a href="#" rel="nofollow">只看该作者</a></div></div></div>
<div class="pct"><div class="pcb"><div class="t_fsz"><table cellspacing="0" cellpadding="0"><tr><td class="t_f" id="postmessage_501790">
封闭阳台最大的问题是没有风也没有虫子，番茄虽然是自花授粉，但花粉要靠震动才能落下来。每天中午用手轻轻弹一弹花穗，或者用电动牙刷碰一下花柄，坐果会好很多。<br />
<br />
另外白天超过三十二度花粉容易失去活力，中午最热的时候记得开窗通风。</td></tr></table></div></div></div>
</td></tr>
<tr><td class="plc plm"><div class="sign">十年阳台种植经验，欢迎交流。微信同号。</div></td></tr>
<tr><td class="pls"></td><td class="plc"><div class="po hin"><div class="pob cl"><em><a class="fastre" href="#">回复</a><a href="#">支持</a><a href="#">反对</a></em><p><a href="javascript:;" class="showmenu">使用道具</a><a href="javascript:;">举报</a></p></div></div></td></tr>
</table>
</div>
<div id="post_501803" >
<table id="pid501803" class="plhin" summary="pid501803" cellspacing="0" cellpadding="0">
<tr><td class="pls" rowspan="2"><div class="pls favatar"><div class="pi"><div class="authi"><a href="space-uid-5567.html" class="xw1">小番茄不番</a></div></div>
<div class="tns xg2"><table cellspacing="0" cellpadding="0"><th><p><a href="#" class="xi2">0</a></p>主题</th><th><p><a href="#" class="xi2">9</a></p>帖子</th><td><p><a href="#" class="xi2">27</a></p>积分</td></table></div>
<p><em><a href="#">新手上路</a></em></p></div></td>
<td class="plc"><div class="pi"><strong><a href="#" id="postnum501803">板凳</a></strong>
<div class="pti"><div class="authi"><em id="authorposton501803">发表于 2023-4-19 07:45</em><span class="pipe">|</span><a href="#" rel="nofollow">只看该作者</a></div></div></div>
<div class="pct"><div class="pcb"><div class="t_fsz"><table cellspacing="0" cellpadding="0"><tr><td class="t_f" id="postmessage_501803">
<div class="quote"><blockquote><font size="2"><a href="forum.php?mod=redirect&amp;goto=findpost&amp;pid=501790&amp;ptid=48213" target="_blank"><font color="#999999">老园丁阿福 发表于 2023-4-18 21:32</font></a></font><br />
封闭阳台最大的问题是没有风也没有虫子，番茄虽然是自花授粉，但花粉要靠震动才能落下来。每天中午用手轻轻弹一弹花穗 ...</blockquote></div><br />
学到了，原来是要震一震。我家的也是只开花不结果，今天就去试试。</td></tr></table></div></div></div>
</td></tr>
<tr><td class="plc plm"></td></tr>
<tr><td class="pls"></td><td class="plc"><div class="po hin"><div class="pob cl"><em><a class="fastre" href="#">回复</a><a href="#">支持</a><a href="#">反对</a></em><p><a href="javascript:;" class="showmenu">使用道具</a><a href="javascript:;">举报</a></p></div></div></td></tr>
</table>
</div>
<div id="post_501822" >
<table id="pid501822" class="plhin" summary="pid501822" cellspacing="0" cellpadding="0">
<tr><td class="pls" rowspan="2"><div class="pls favatar"><div class="pi"><div class="authi"><a href="space-uid-3301.html" class="xw1">南窗小院</a></div></div>
<div class="tns xg2"><table cellspacing="0" cellpadding="0"><th><p><a href="#" class="xi2">12</a></p>主题</th><th><p><a href="#" class="xi2">87</a></p>帖子</th><td><p><a href="#" class="xi2">356</a></p>积分</td></table></div></div></td>
<td class="plc"><div class="pi"><strong><a href="#" id="postnum501822">地板</a></strong>
<div class="pti"><div class="authi"><em id="authorposton501822">发表于 2023-4-26 19:20</em><span class="pipe">|</span><a href="#" rel="nofollow">只看该作者</a></div></div></div>
<div class="pct"><div class="pcb"><div class="t_fsz"><table cellspacing="0" cellpadding="0"><tr><td class="t_f" id="postmessage_501822">
回来反馈一下：按版主说的每天中午弹花，一周后新开的花基本都坐住了，谢谢大家！</td></tr></table></div></div></div>
</td></tr>
<tr><td class="plc plm"><div class="sign">种花种菜，种一份好心情。</div></td></tr>
<tr><td class="pls"></td><td class="plc"><div class="po hin"><div class="pob cl"><em><a class="fastre" href="#">回复</a><a href="#">支持</a><a href="#">反对</a></em><p><a href="javascript:;" class="showmenu">使用道具</a><a href="javascript:;">举报</a></p></div></div></td></tr>
</table>
</div>
<div id="post_501830" >
<table id="pid501830" class="plhin" summary="pid501830" cellspacing="0" cellpadding="0">
<tr><td class="pls" rowspan="2"><div class="pls favatar"><div class="pi"><div class="authi"><a href="space-uid-7781.html" class="xw1">青菜豆腐</a></div></div></div></td>
<td class="plc"><div class="pi"><strong><a href="#" id="postnum501830"><em>5</em><sup>#</sup></a></strong>
<div class="pti"><div class="authi"><em id="authorposton501830">发表于 2023-4-27 08:03</em><span class="pipe">|</span><a href="#" rel="nofollow">只看该作者</a></div></div></div>
<div class="pct"><div class="pcb"><div class="t_fsz"><table cellspacing="0" cellpadding="0"><tr><td class="t_f" id="postmessage_501830">
收藏了，谢谢分享</td></tr></table></div></div></div>
</td></tr>
<tr><td class="plc plm"></td></tr>
<tr><td class="pls"></td><td class="plc"><div class="po hin"><div class="pob cl"><em><a class="fastre" href="#">回复</a><a href="#">支持</a><a href="#">反对</a></em><p><a href="javascript:;" class="showmenu">使用道具</a><a href="javascript:;">举报</a></p></div></div></td></tr>
</table>
</div>
<div id="postlistreply" class="pl"><div id="post_new" class="viewthread_table" style="display: none"></div></div>
</div>
<div class="pgs mtm mbm cl"><span class="pgb y"><a href="forum-12-1.html">返回列表</a></span><a id="newspecialtmp" href="forum.php?mod=post&amp;action=newthread&amp;fid=12" title="发新帖">发新帖</a></div>
<div id="f_pst" class="pl bm bmw"><form method="post" autocomplete="off" id="fastpostform" action="forum.php?mod=post&amp;action=reply&amp;fid=12&amp;tid=48213"><table cellspacing="0" cellpadding="0"><tr><td class="pls"></td><td class="plc"><div class="cl"><div id="fastposteditor"><div class="tedt mtn"><div class="area"><div class="pt hm">您需要登录后才可以回帖 <a href="member.php?mod=logging&amp;action=login" class="xi2">登录</a> | <a href="member.php?mod=register" class="xi2">立即注册</a></div></div></div></div></div>
<p class="ptm pnpost"><button type="submit" id="fastpostsubmit" class="pn pnc vm"><strong>发表回复</strong></button></p></td></tr></table></form></div>
</div></div>
<div id="ft" class="wp cl"><div id="flk" class="y"><p><a href="forum.php?mod=misc&action=showdarkroom">小黑屋</a><span class="pipe">|</span><a href="forum.php?mobile=yes">手机版</a><span class="pipe">|</span><a href="archiver/">Archiver</a><span class="pipe">|</span><strong><a href="https://bbs.example.cn/">绿手指园艺论坛</a></strong> ( <a href="https://beian.miit.gov.cn/" target="_blank">苏ICP备19001234号-2</a> )</p></div>
<div id="frt"><p>Powered by <strong><a href="https://www.discuz.vip" target="_blank">Discuz!</a></strong> <em>X3.4</em></p><p class="xs0">&copy; 2001-2023 <a href="https://code.dismall.com" target="_blank">Discuz! Team</a>.</p><p class="xs0">GMT+8, 2023-5-2 10:11 , Processed in 0.041355 second(s), 22 queries .</p></div></div>
</body>
</html>
""",
    {'title': '阳台种番茄，坐果少是什么原因？', 'date': '2023-04-18', 'flags': ['thread'], 'script': 'hans',
     'encoding': 'gb18030',
     'must_contain': ['今年第一次在阳台种番茄，品种是樱桃番茄，三月初播的种，',
                      '一串花最后只留下一两个小果子。',
                      '请问各位是什么原因？需要人工授粉吗？',
                      '封闭阳台最大的问题是没有风也没有虫子，番茄虽然是自花授粉，但花粉要靠震动才能落下来。',
                      '中午最热的时候记得开窗通风。',
                      '学到了，原来是要震一震。我家的也是只开花不结果，今天就去试试。',
                      '回来反馈一下：按版主说的每天中午弹花，一周后新开的花基本都坐住了，谢谢大家！',
                      '收藏了，谢谢分享'],
     'must_not_contain': ['设为首页', '找回密码', '立即注册', '门户', '请输入搜索内容', '返回列表', '发新帖',
                          '查看:', '2861', '复制链接', '主题', '积分', '中级会员', '楼主', '沙发',
                          '板凳', '地板', '发表于', '只看该作者', '倒序浏览', '阅读模式', '本帖最后由',
                          '老园丁阿福', '每天中午用手轻轻弹一弹花穗 ...', '种一份好心情', '微信同号',
                          '支持', '反对', '使用道具', '举报', '您需要登录', '发表回复', '小黑屋', '手机版',
                          'ICP备', 'Powered by', 'Processed in']},
)

sample(
    "29-baijiahao-utf8", "html", "utf-8",
    "Baidu Baijiahao-style self-media article: machine-generated class names with no hint "
    "(div._18p7x), text in <p><span class=\"bjh-p\">, author card with 关注, 举报/反馈, 作者最新文章 "
    "and 相关推荐 columns, 百度首页 / 登录 top bar; date from the visible 发布时间 line",
    """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="referrer" content="always">
<title>县城里的“共享菜园”：退休老人种菜，外卖骑手来买</title>
<meta name="description" content="在县城东关街道，一块闲置了五年的空地被改成了共享菜园。">
<script>window.jsonData = {"bsData":{"superlanding":[{"itemData":{"title":"县城里的“共享菜园”"}}]}};</script>
</head>
<body>
<div id="app">
<div class="_2rNSb"><div class="_3tlK7"><a href="https://www.baidu.com/">百度首页</a></div><div class="_1yTrI"><a href="https://passport.baidu.com/">登录</a></div></div>
<div class="_1LFku">
<div class="_3iIXx">
<div class="_3tNyU">
<div class="sKHSJ">县城里的“共享菜园”：退休老人种菜，外卖骑手来买</div>
<div class="_2gGWi"><div class="_7y5nA"><a href="https://author.baidu.com/home?app_id=1650001"><img class="_2qeF-" src="https://gips0.baidu.com/it/u=1.jpg" width="36" height="36"></a></div>
<div class="_3-rO6"><p class="_7y5nA"><a href="https://author.baidu.com/home?app_id=1650001" class="_2gGWi">东关日记</a></p>
<div class="_2sjh9"><span class="_2sjh9">发布时间: 2023-08-21 16:05</span><span class="_2Wctx">河南</span></div></div>
<div class="_1iElW">关注</div></div>
</div>
<div data-testid="article" class="_18p7x">
<div class="_3ygOc"><p><span class="bjh-p">在县城东关街道，一块闲置了五年的空地被改成了共享菜园。菜园被划成六十块小地，每块十五平方米，附近居民每年交两百元就能认领一块。</span></p>
<div class="_1NCGf"><img class="_1g4Ex" src="https://pics1.baidu.com/feed/a1.jpeg" width="640"></div>
<p><span class="bjh-p">认领的人里，退休老人占了一大半。六十七岁的孙大爷每天早上六点就到菜园，种了茄子、豆角和小葱。他说，在老家种了一辈子地，进城以后总觉得手里空落落的，现在每天有事做，觉也睡得踏实了。</span></p>
<p><span class="bjh-p">菜吃不完怎么办？菜园门口立了一块小牌子，写着当天能卖的菜和价格。让人没想到的是，常来买菜的是附近的外卖骑手。骑手小王说，这里的菜新鲜，价格比超市便宜，下午收工顺路带一把回家，正好做晚饭。</span></p>
<p><span class="bjh-bold">菜园也有自己的规矩</span></p>
<p><span class="bjh-p">菜园不许用化肥和农药，浇水用的是收集起来的雨水。每个月最后一个周末，大家会一起清理杂草、修补篱笆，谁家的菜长得好，就给其他人传授经验。</span></p>
<p><span class="bjh-p">街道负责人表示，下一步打算在另外两块闲置地上复制这种做法，并请农技站的技术员每月来上一次课。</span></p>
</div>
</div>
<div class="_2wH4l"><span class="_1SbD8">举报/反馈</span></div>
</div>
<div class="_1xeOa">
<div class="_2O7IA"><div class="_3TzAy">作者最新文章</div>
<div class="_3J6R5"><a href="https://baijiahao.baidu.com/s?id=1774">县城夜市回来了，最火的摊位卖的是什么</a><span class="_2zAtG">08-19</span></div>
<div class="_3J6R5"><a href="https://baijiahao.baidu.com/s?id=1775">一条老街的三代理发师</a><span class="_2zAtG">08-15</span></div>
<div class="_3J6R5"><a href="https://baijiahao.baidu.com/s?id=1776">暑假托管班开进了社区图书馆</a><span class="_2zAtG">08-10</span></div></div>
<div class="_2O7IA"><div class="_3TzAy">相关推荐</div>
<div class="_3J6R5"><a href="https://baijiahao.baidu.com/s?id=1777"><img src="https://pics1.baidu.com/feed/r1.jpeg" width="120"><span>城市农场兴起：楼顶也能种出好收成</span></a></div>
<div class="_3J6R5"><a href="https://baijiahao.baidu.com/s?id=1778"><img src="https://pics1.baidu.com/feed/r2.jpeg" width="120"><span>退休后去哪儿？越来越多老人选择“返乡”</span></a></div></div>
</div>
</div>
<div class="_2bEgF"><p>©2023 Baidu <a href="https://www.baidu.com/duty/">使用百度前必读</a> <a href="https://baijiahao.baidu.com/docs/">百家号协议</a> 京ICP证030173号</p></div>
</div>
</div>
</body>
</html>
""",
    {'title': '县城里的“共享菜园”：退休老人种菜，外卖骑手来买', 'date': '2023-08-21', 'flags': [],
     'script': 'hans', 'encoding': 'utf-8',
     'must_contain': ['在县城东关街道，一块闲置了五年的空地被改成了共享菜园。',
                      '现在每天有事做，觉也睡得踏实了。',
                      '让人没想到的是，常来买菜的是附近的外卖骑手。',
                      '菜园也有自己的规矩',
                      '浇水用的是收集起来的雨水。',
                      '并请农技站的技术员每月来上一次课。'],
     'must_not_contain': ['百度首页', '登录', '东关日记', '发布时间', '河南', '关注', '举报', '作者最新文章',
                          '县城夜市回来了', '相关推荐', '城市农场兴起', '08-19', 'Baidu', '百家号协议', 'ICP',
                          'jsonData']},
)

sample(
    "30-zhihu-answer-utf8", "html", "utf-8",
    "Zhihu-style question page: QuestionHeader with the question and its description "
    "(RichText), AnswerItem blocks with AuthorInfo, 赞同 / 评论 / 分享 / 收藏 action bars, 发布于 / "
    "编辑于 times, 关注问题 / 写回答 buttons, 登录后你可以 modal, 相关问题 sidebar; the question's "
    "description and both answers stay (a Q&A page's answers are its content)",
    """<!doctype html>
<html lang="zh" data-hairline="true" class="itcauecng" data-theme="light">
<head>
<meta charset="utf-8"/>
<title data-rh="true">租房时，哪些细节最容易被忽略？ - 知乎</title>
<meta name="description" content="租房时，哪些细节最容易被忽略？">
<meta itemProp="dateCreated" content="2022-03-02T09:12:40.000Z"/>
<meta itemProp="dateModified" content="2022-03-05T11:02:11.000Z"/>
<link rel="canonical" href="https://www.zhihu.com/question/512345678"/>
</head>
<body>
<div id="root"><div><div class="LoadingBar"></div><div>
<header role="banner" class="Sticky AppHeader"><div class="AppHeader-inner css-11p8nt5"><a href="//www.zhihu.com" aria-label="知乎"><svg viewBox="0 0 64 30" fill="#1772F6" width="64" height="30"></svg></a>
<nav role="navigation" class="AppHeader-Tabs css-1hdpt5z"><a class="Tabs-link AppHeader-TabsLink" href="//www.zhihu.com/">首页</a><a class="Tabs-link AppHeader-TabsLink" href="//www.zhihu.com/explore">发现</a><a class="Tabs-link AppHeader-TabsLink" href="//www.zhihu.com/question/waiting">等你来答</a></nav>
<div class="SearchBar"><form class="SearchBar-tool"><input type="text" placeholder="搜索"/></form></div>
<div class="AppHeader-userInfo"><button type="button" class="Button AppHeader-login Button--blue">登录/注册</button></div></div></header>
<main role="main" class="App-main">
<div class="QuestionPage" itemscope itemType="http://schema.org/Question">
<div data-zop-question="{&quot;title&quot;:&quot;租房时，哪些细节最容易被忽略？&quot;}">
<div class="QuestionHeader"><div class="QuestionHeader-content"><div class="QuestionHeader-main">
<div class="QuestionHeader-tags"><div class="Tag QuestionTopic"><span class="Tag-content"><a class="TopicLink" href="//www.zhihu.com/topic/19551">租房</a></span></div><div class="Tag QuestionTopic"><span class="Tag-content"><a class="TopicLink" href="//www.zhihu.com/topic/19552">生活</a></span></div></div>
<h1 class="QuestionHeader-title">租房时，哪些细节最容易被忽略？</h1>
<div><div class="css-eew49z"><div class="QuestionRichText QuestionRichText--expandable QuestionRichText--collapsed"><div><span class="RichText ztext css-1g0fqss" itemprop="text">第一次自己租房，看了五六套，每次看房都只顾着看装修和采光，签完合同住进去才发现各种问题。想问问有经验的朋友，看房和签约时还有哪些地方要留心？</span><button type="button" class="Button QuestionRichText-more Button--plain">显示全部</button></div></div></div></div>
</div>
<div class="QuestionHeader-side"><div class="QuestionFollowStatus"><div class="NumberBoard QuestionFollowStatus-counts"><div class="NumberBoard-item"><div class="NumberBoard-itemInner"><div class="NumberBoard-itemName">关注者</div><strong class="NumberBoard-itemValue" title="3021">3,021</strong></div></div><div class="NumberBoard-item"><div class="NumberBoard-itemName">被浏览</div><strong class="NumberBoard-itemValue" title="1894302">1,894,302</strong></div></div></div></div>
</div>
<div class="QuestionHeader-footer"><div class="QuestionHeader-footer-inner"><div class="QuestionHeader-main QuestionHeader-footer-main"><div class="QuestionButtonGroup"><button type="button" class="Button FollowButton Button--primary Button--blue">关注问题</button><button type="button" class="Button Button--blue">写回答</button></div><div class="QuestionHeaderActions"><button type="button" class="Button Button--plain Button--withIcon">邀请回答</button><button type="button" class="Button Button--plain">好问题 12</button><button type="button" class="Button Button--plain">添加评论</button><div class="Popover ShareMenu"><button type="button" class="Button Button--plain">分享</button></div></div></div></div></div>
</div></div>
<div class="Question-main">
<div class="ListShortcut"><div class="Question-mainColumn">
<div class="Card ViewAll"><a class="QuestionMainAction ViewAll-QuestionMainAction" href="/question/512345678">查看全部 186 个回答</a></div>
<div class="Card AnswerCard css-0"><div class="QuestionAnswer-content" tabindex="0">
<div class="ContentItem AnswerItem" name="2345678901" itemprop="acceptedAnswer" itemType="http://schema.org/Answer" itemscope>
<div class="ContentItem-meta"><div class="AuthorInfo AnswerItem-authorInfo AnswerItem-authorInfo--related" itemprop="author" itemscope itemType="http://schema.org/Person"><meta itemProp="name" content="阿卡"/><span class="UserLink AuthorInfo-avatarWrapper"><img class="Avatar AuthorInfo-avatar" width="38" height="38" src="https://pic1.zhimg.com/v2-a_l.jpg" alt="阿卡"/></span><div class="AuthorInfo-content"><div class="AuthorInfo-head"><span class="UserLink AuthorInfo-name"><a class="UserLink-link" href="//www.zhihu.com/people/aka">阿卡</a></span></div><div class="AuthorInfo-detail"><div class="AuthorInfo-badge"><div class="ztext AuthorInfo-badgeText">搬过九次家的普通上班族</div></div></div></div></div>
<div class="css-h5al4j"><span class="Voters"><button type="button" class="Button Button--plain">1,204 人赞同了该回答</button></span></div></div>
<meta itemProp="dateCreated" content="2022-03-03T14:20:00.000Z"/>
<div class="RichContent RichContent--unescapable"><div class="RichContent-inner"><span class="RichText ztext CopyrightRichText-richText css-1g0fqss" itemprop="text">
<p data-first-child="" data-pid="aB1c">说几个我吃过亏的地方。</p>
<p data-pid="aB2c"><b>一是水表电表。</b>看房时一定要当着房东的面拍下读数，最好连同日期一起拍。我第二次租房时没拍，退租时房东说我用了两百多度电，最后只能认了。</p>
<p data-pid="aB3c"><b>二是下水。</b>打开每个水龙头放两分钟水，看看洗手池和地漏下水快不快，再闻一闻有没有返味。老小区的下水问题，住进去以后几乎没法解决。</p>
<p data-pid="aB4c"><b>三是合同里的维修条款。</b>热水器、空调坏了谁来修，费用谁出，要写清楚。口头答应的事情，到时候很可能就不算数了。</p>
<figure data-size="normal"><img src="https://pic2.zhimg.com/v2-b_720w.jpg" data-rawwidth="1080" data-rawheight="720" class="origin_image zh-lightbox-thumb" width="1080"/><figcaption>退租时的交接清单，建议照着做一份</figcaption></figure>
<p data-pid="aB5c">最后，押金条和转账记录都要留好，退租那天拿着它们去办交接，心里有底。</p>
</span></div>
<div><div class="ContentItem-time"><a target="_blank" href="/question/512345678/answer/2345678901"><span data-tooltip="发布于 2022-03-03 22:20">编辑于 2022-03-05 19:02</span></a>・IP 属地上海</div></div>
<div class="ContentItem-actions Sticky RichContent-actions is-bottom"><span><button aria-label="赞同 1204 " type="button" class="Button VoteButton VoteButton--up">​赞同 1204</button><button aria-label="反对" type="button" class="Button VoteButton VoteButton--down"></button></span><button type="button" class="Button ContentItem-action Button--plain Button--withIcon Button--withLabel">​86 条评论</button><div class="Popover ShareMenu ContentItem-action"><button type="button" class="Button Button--plain Button--withIcon Button--withLabel">​分享</button></div><button type="button" class="Button ContentItem-action Button--plain">​收藏</button><button type="button" class="Button ContentItem-action Button--plain">​喜欢</button></div>
</div></div></div></div></div>
<div class="Card MoreAnswers"><div class="List"><div class="List-header"><h4 class="List-headerText"><span>更多回答</span></h4></div>
<div class="List-item" tabindex="0"><div class="ContentItem AnswerItem" name="2345679999" itemprop="suggestedAnswer" itemType="http://schema.org/Answer" itemscope>
<div class="ContentItem-meta"><div class="AuthorInfo AnswerItem-authorInfo"><meta itemProp="name" content="匿名用户"/><div class="AuthorInfo-content"><div class="AuthorInfo-head"><span class="UserLink AuthorInfo-name">匿名用户</span></div></div></div><div class="css-h5al4j"><span class="Voters"><button type="button" class="Button Button--plain">356 人赞同了该回答</button></span></div></div>
<div class="RichContent RichContent--unescapable"><div class="RichContent-inner"><span class="RichText ztext CopyrightRichText-richText css-1g0fqss" itemprop="text"><p data-first-child="" data-pid="cD1e">补充一个：一定要在晚上去看一次房。白天安静的小区，到了晚上可能楼下就是烧烤摊，隔音差的房子连邻居说话都听得清清楚楚。</p><p data-pid="cD2e">还有，问清楚物业费、取暖费和网费包不包含在房租里，这几项一年加起来也不是小数目。</p></span></div>
<div><div class="ContentItem-time"><a target="_blank" href="/question/512345678/answer/2345679999"><span data-tooltip="发布于 2022-03-04 08:41">发布于 2022-03-04 08:41</span></a></div></div>
<div class="ContentItem-actions RichContent-actions"><span><button type="button" class="Button VoteButton VoteButton--up">​赞同 356</button></span><button type="button" class="Button ContentItem-action Button--plain">​21 条评论</button><button type="button" class="Button ContentItem-action Button--plain">​分享</button></div>
</div></div></div>
</div></div>
</div>
<div class="Question-sideColumn Question-sideColumn--sticky"><div class="Card"><div class="Card-header SimilarQuestions-title"><div class="Card-headerText">相关问题</div></div>
<div class="Card-section SimilarQuestions-list"><div class="SimilarQuestions-item"><a class="Button Button--plain" href="/question/1">第一次租房需要准备什么？</a><span>32 个回答</span></div><div class="SimilarQuestions-item"><a class="Button Button--plain" href="/question/2">退租时房东不退押金怎么办？</a><span>108 个回答</span></div></div></div>
<footer role="contentinfo" class="Footer"><a class="Footer-item" href="https://liukanshan.zhihu.com/">刘看山</a><span class="Footer-dot"></span><a class="Footer-item" href="/question/19581624">知乎指南</a><span class="Footer-dot"></span><a class="Footer-item" href="https://www.zhihu.com/term/zhihu-terms">知乎协议</a><br/><a class="Footer-item" href="https://beian.miit.gov.cn">京 ICP 证 110745 号</a><span class="Footer-item">违法和不良信息举报：010-82716601</span></footer></div>
</div></div></div>
</main>
<div class="Modal-wrapper"><div class="Modal Modal--default signFlowModal"><div class="Modal-inner"><div class="Modal-content"><div class="signFlowModal-container"><div class="SignContainer-content"><div class="Login-content"><div class="css-1y2oid">登录知乎，您可以享受以下权益：</div><div class="css-1xqwfyv">更懂你的优质内容</div><div class="css-1xqwfyv">更专业的大咖答主</div><div class="css-1xqwfyv">更深度的互动交流</div></div></div></div></div></div></div></div>
</div></div></div>
</body>
</html>
""",
    {'title': '租房时，哪些细节最容易被忽略？', 'date': '2022-03-0', 'flags': ['thread'], 'script': 'hans',
     'encoding': 'utf-8',
     'must_contain': ['第一次自己租房，看了五六套，每次看房都只顾着看装修和采光，签完合同住进去才发现各种问题。',
                      '说几个我吃过亏的地方。',
                      '一是水表电表。看房时一定要当着房东的面拍下读数，最好连同日期一起拍。',
                      '老小区的下水问题，住进去以后几乎没法解决。',
                      '口头答应的事情，到时候很可能就不算数了。',
                      '押金条和转账记录都要留好，退租那天拿着它们去办交接，心里有底。',
                      '补充一个：一定要在晚上去看一次房。',
                      '这几项一年加起来也不是小数目。'],
     'must_not_contain': ['等你来答', '登录/注册', '显示全部', '关注者', '被浏览', '1,894,302', '关注问题', '写回答',
                          '邀请回答', '好问题', '添加评论', '查看全部', '阿卡', '搬过九次家', '人赞同了该回答',
                          '编辑于', '发布于', 'IP 属地', '赞同', '条评论', '收藏', '喜欢', '更多回答', '匿名用户',
                          '相关问题', '第一次租房需要准备什么', '刘看山', '知乎协议', 'ICP', '享受以下权益',
                          '大咖答主', '退租时的交接清单']},
)

sample(
    "31-sina-blog-utf8", "html", "utf-8",
    "Sina-blog-style post: div.articalTitle with h2.titName and (date time) span, 标签 / 分类 "
    "line, text as <br>-separated lines and <div>s in div.articalContent, 阅读 / 评论 / 收藏 / 转载 "
    "counters, 前一篇 / 后一篇, 评论 with 发评论 box, left column with 个人资料 / 博客等级 / 博客积分 "
    "/ 访问 / 关注人气, 博文目录 and 精彩图文; date from the visible title line",
    """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>外婆的腌菜坛子_山月的博客_新浪博客</title>
<meta name="keywords" content="外婆的腌菜坛子_山月_新浪博客" />
<meta name="description" content="外婆的腌菜坛子_山月_新浪博客,山月," />
<link href="http://simg.sinajs.cn/blog7style/css/conf/blog/article.css" type="text/css" rel="stylesheet" />
</head>
<body>
<div class="sinatopbar"><div class="sinatopbar_content"><a href="http://www.sina.com.cn/">新浪首页</a> <a href="http://blog.sina.com.cn/">博客首页</a> <a href="http://login.sina.com.cn/">登录</a> <a href="http://login.sina.com.cn/signup/">注册</a></div></div>
<div class="sinabloga" id="sinabloga"><div id="sinablogb" class="sinablogb">
<div class="sinablogtitle"><h1 id="blogname" class="blogtitle"><a href="http://blog.sina.com.cn/shanyue"><span id="blognamespan">山月的博客</span></a></h1><div class="bloglink"><a href="http://blog.sina.com.cn/shanyue">http://blog.sina.com.cn/shanyue</a> <a href="#">[订阅]</a> <a href="#">[手机订阅]</a></div></div>
<div class="blognav" id="blognav"><div class="blognavInfo"><span><a href="http://blog.sina.com.cn/shanyue">首页</a></span><span><a href="http://blog.sina.com.cn/s/articlelist_1.html">博文目录</a></span><span><a href="http://photo.blog.sina.com.cn/shanyue">图片</a></span><span class="last"><a href="http://blog.sina.com.cn/s/profile_1.html">关于我</a></span></div></div>
<div class="sinablogbody" id="sinablogbody">
<div id="column_1" class="SG_colW21 SG_colFirst">
<div class="SG_conn" id="module_901"><div class="SG_connHead"><span class="title">个人资料</span></div><div class="SG_connBody"><div class="info"><div class="info_img"><img src="http://portrait5.sinaimg.cn/1/blog/180" width="180" height="180"></div><div class="info_nm"><strong id="ownernick">山月</strong></div>
<div class="info_btn1"><a class="SG_aBtn SG_aBtn_ico" href="#"><cite>加好友</cite></a><a class="SG_aBtn SG_aBtn_ico" href="#"><cite>发纸条</cite></a></div>
<div class="info_locate"><div class="SG_j_linedot"></div><ul class="info_list1"><li><span class="SG_txtc">博客等级：</span><span id="comp_901_grade"><img src="http://simg.sinajs.cn/blog7style/images/common/sg_trans.gif" class="SG_icon SG_icon12" /></span></li><li><span class="SG_txtc">博客积分：</span><span id="comp_901_score"><strong>1126</strong></span></li></ul><ul class="info_list2"><li><span class="SG_txtc">博客访问：</span><span id="comp_901_pv"><strong>287,412</strong></span></li><li><span class="SG_txtc">关注人气：</span><span id="comp_901_attention"><strong>1,035</strong></span></li></ul></div></div></div></div>
<div class="SG_conn" id="module_3"><div class="SG_connHead"><span class="title">分类</span></div><div class="SG_connBody"><ul class="classList"><li><a href="#">乡土记忆</a><em>(42)</em></li><li><a href="#">读书笔记</a><em>(17)</em></li><li><a href="#">随手拍</a><em>(65)</em></li></ul></div></div>
<div class="SG_conn" id="module_7"><div class="SG_connHead"><span class="title">精彩图文</span></div><div class="SG_connBody"><ul><li><a href="#">秋天的晒秋节，家家户户晒红辣椒</a></li><li><a href="#">老街上的最后一家铁匠铺</a></li></ul></div></div>
</div>
<div id="column_2" class="SG_colW73">
<div id="module_920" class="SG_conn"><div class="SG_connHead"><span class="title">正文</span><span class="edit"><span id="articleFontManage" class="img2"><a href="javascript:;" onclick="changeFont('16')">字体大小</a>：<a href="javascript:;" onclick="changeFont('16')">大</a> <a href="javascript:;" onclick="changeFont('14')">中</a> <a href="javascript:;" onclick="changeFont('12')">小</a></span></span></div>
<div class="SG_connBody"><div class="artical" id="articlebody">
<div class="articalTitle">
<h2 id="t_4a1b2c3d0102e5f8" class="titName SG_txta">外婆的腌菜坛子</h2>
<span class="img1"><a href="#" title="此博文包含图片"><img src="http://simg.sinajs.cn/blog7style/images/common/sg_trans.gif" class="SG_icon SG_icon18" width="15" height="15"></a></span>
<span class="time SG_txtc">(2015-11-08 20:36:17)</span><div class="turnBoxzz"><a href="javascript:;" class="SG_aBtn SG_aBtn_ico SG_turn"><cite><img class="SG_icon SG_icon111" src="http://simg.sinajs.cn/blog7style/images/common/sg_trans.gif" width="15" height="15" />转载<em class="arrow">▼</em></cite></a></div>
</div>
<div class="articalTag" id="sina_keyword_ad_area"><table><tr><td class="blog_tag"><script>var $tag='腌菜,外婆,冬天';</script><h3>标签：</h3><a href="#" target="_blank">腌菜</a> <a href="#" target="_blank">外婆</a> <a href="#" target="_blank">冬天</a></td>
<td class="blog_class"><span class="SG_txtb">分类：</span><a target="_blank" href="#">乡土记忆</a></td></tr></table></div>
<div class="articalContent   newfont_family" id="sina_keyword_ad_area2">
<div>外婆家的灶屋角落里，一直放着三个褐色的腌菜坛子。坛子口有一圈水槽，盖子扣上去，槽里加满水，外面的空气就进不去了。</div>
<div><br></div>
<div>每年立冬以后，外婆就开始腌菜。芥菜要先在太阳底下晒两天，晒到叶子发软，再切碎了拌上盐，一把一把地往坛子里压。外婆说，压得越紧，腌出来的菜越香。</div>
<div><br></div>
<img src="http://s4.sinaimg.cn/mw690/4a1b2c3dgdb0a&amp;690" real_src="http://s4.sinaimg.cn/mw690/4a1b2c3dgdb0a&amp;690" width="690" title="外婆的腌菜坛子" alt="外婆的腌菜坛子" /><br>
外婆的坛子<br><br>
小时候我最喜欢的，是开坛那一天。外婆揭开盖子，一股酸香味一下子就冒出来，她用长筷子夹出一撮，放在热粥上，我能一口气吃两碗。<br><br>
后来外婆老了，腌不动菜了，坛子就一直空着。去年搬家的时候，舅舅问我要不要留一个，我挑了最小的那个，现在放在我家阳台上。今年冬天，我想照着外婆的法子，自己腌一坛试试。<br>
</div>
<div class="articalInfo"><div class="IL"><span id="r_4a1b2c3d0102e5f8" class="SG_txtb">阅读<em>(1527)</em></span><em class="SG_txtb">┊</em><a href="#commonComment">评论</a> <span id="c_4a1b2c3d0102e5f8" class="SG_txtb">(18)</span><em class="SG_txtb">┊</em><a href="javascript:;" id="f_4a1b2c3d0102e5f8">收藏</a><span class="SG_txtb">(2)</span><em class="SG_txtb">┊</em><a href="#" id="z_4a1b2c3d0102e5f8">转载</a><span class="SG_txtb">(5)</span><em class="SG_txtb">┊</em><a href="javascript:;">喜欢</a><em class="SG_txtb">▼</em><em class="SG_txtb">┊</em><a href="javascript:window.print();">打印</a><em class="SG_txtb">┊</em><a href="#">举报</a></div></div>
<div class="articalfrontback SG_j_linedot1 clearfix" id="new_nextprev_4a1b2c3d0102e5f8"><div><span class="SG_txtb">前一篇：</span><a href="http://blog.sina.com.cn/s/blog_4a1b2c3d0102e5f7.html">镇上的老邮局</a></div><div><span class="SG_txtb">后一篇：</span><a href="http://blog.sina.com.cn/s/blog_4a1b2c3d0102e5f9.html">腊月里的磨豆腐</a></div></div>
<div class="allComm"><div class="allCommTit"><div class="SG_floatL"><strong>评论</strong><span id="commAd_1" style="display: none;"></span></div><div class="SG_floatR"><a class="CP_a_fuc" href="#post">[<cite>发评论</cite>]</a></div></div>
<ul class="SG_cmp_revert" id="article_comment_list"><li><div class="SG_revert_Cont"><p><span class="SG_revert_Tit"><a href="#">云水间</a></span><span class="SG_revert_Time"><em class="SG_txtc">2015-11-08 21:12</em></span></p><div class="SG_revert_Inner SG_txtb">读得眼眶都湿了，我外婆也有这样的坛子，可惜早就不在了。</div></div></li>
<li><div class="SG_revert_Cont"><p><span class="SG_revert_Tit"><a href="#">老K</a></span><span class="SG_revert_Time"><em class="SG_txtc">2015-11-09 08:30</em></span></p><div class="SG_revert_Inner SG_txtb">芥菜要晒到什么程度才算好？求详细做法。</div></div></li></ul>
<div class="writeComm" id="post"><div class="allCommTit"><strong>发评论</strong></div><div class="wrCommTit"><input type="checkbox" id="anonymity"/><label for="anonymity">匿名评论</label></div><div class="formTextarea"><textarea id="commentArea"></textarea></div><p class="loginTip">登录后才能评论，<a href="#">登录</a> <a href="#">注册</a></p></div>
</div>
</div></div></div>
</div>
</div>
<div id="diggerFloat" style="display:none;"></div>
<div class="footer"><div class="footerBox"><div class="footerTxt">新浪BLOG意见反馈留言板　电话：4000520066 提示音后按1键（按当地市话标准计费）　欢迎批评指正</div><div class="copyright"><a href="http://corp.sina.com.cn/chn/">新浪简介</a> | <a href="#">About Sina</a> | <a href="#">广告服务</a> | <a href="#">联系我们</a><br>Copyright &copy; 1996 - 2015 SINA Corporation, All Rights Reserved</div></div></div>
</div></div>
</body>
</html>
""",
    {'title': '外婆的腌菜坛子', 'date': '2015-11-08', 'flags': [], 'script': 'hans', 'encoding': 'utf-8',
     'must_contain': ['外婆家的灶屋角落里，一直放着三个褐色的腌菜坛子。',
                      '槽里加满水，外面的空气就进不去了。',
                      '外婆说，压得越紧，腌出来的菜越香。',
                      '小时候我最喜欢的，是开坛那一天。',
                      '今年冬天，我想照着外婆的法子，自己腌一坛试试。'],
     'must_not_contain': ['新浪首页', '博客首页', '订阅', '博文目录', '个人资料', '加好友', '博客等级', '博客积分',
                          '287,412', '关注人气', '乡土记忆', '精彩图文', '晒秋节', '字体大小', '转载', '标签',
                          '分类', '阅读(1527)', '评论', '收藏', '打印', '举报', '前一篇', '镇上的老邮局', '后一篇',
                          '云水间', '读得眼眶都湿了', '芥菜要晒到什么程度', '发评论', '匿名评论', '意见反馈',
                          'SINA Corporation', '外婆的坛子']},
)

sample(
    "32-gov-tables-gbk", "html", "gbk",
    "county-government article in GBK (http-equiv gb2312) laid out in nested tables: top banner "
    "and menu tables, 您现在的位置 row, headline td, 信息来源 / 发布时间 / 点击数 row, 字号：[大 中 小] "
    "and 【打印本页】【关闭窗口】 bars, the text in td#zoom with &nbsp; indents, 附件 line kept as "
    "text, 相关链接 table, 主办 / 承办 / 网站标识码 / ICP footer table",
    """<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>青石县开展秋冬季森林防火隐患排查整治</title>
<link href="/images/style.css" rel="stylesheet" type="text/css">
<script language="javascript">function doZoom(size){document.getElementById('zoom').style.fontSize=size+'px'}</script>
</head>
<body leftmargin="0" topmargin="0">
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td height="150" background="/images/top_bg.jpg">&nbsp;</td></tr></table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="daohang"><tr>
<td align="center"><a href="/">网站首页</a></td><td align="center"><a href="/zwgk/">政务公开</a></td><td align="center"><a href="/zwdt/">政务动态</a></td><td align="center"><a href="/bmdt/">部门动态</a></td><td align="center"><a href="/xzdt/">乡镇动态</a></td><td align="center"><a href="/hdjl/">互动交流</a></td><td align="center"><a href="/bsfw/">办事服务</a></td>
</tr></table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" bgcolor="#FFFFFF">
<tr><td height="30" style="padding-left:20px" class="black12">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/zwdt/">政务动态</a> &gt;&gt; <a href="/bmdt/">部门动态</a></td></tr>
<tr><td valign="top">
<table width="96%" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td height="60" align="center" class="black20"><strong>青石县开展秋冬季森林防火隐患排查整治</strong></td></tr>
<tr><td height="30" align="center" bgcolor="#F2F2F2" class="gray12">信息来源：县林业局&nbsp;&nbsp;&nbsp;发布时间：2022-10-26&nbsp;&nbsp;&nbsp;点击数：<script>document.write(386)</script>386&nbsp;&nbsp;&nbsp;字号：[<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>]</td></tr>
<tr><td height="10"></td></tr>
<tr><td class="black14" id="zoom" style="line-height:28px">
<p>&nbsp;&nbsp;&nbsp;&nbsp;进入秋冬季以来，我县气温回升快、降水偏少，林区可燃物载量大，森林火险等级持续偏高。为切实做好防火工作，县林业局从10月中旬起在全县范围内开展为期一个月的森林防火隐患排查整治。</p>
<p>&nbsp;&nbsp;&nbsp;&nbsp;此次排查重点针对林区内的坟头祭祀点、农事用火区域、林区施工现场和景区景点，同时对各乡镇扑火物资储备和护林员在岗情况进行检查。截至目前，共出动检查人员三百二十余人次，排查发现隐患四十七处，已当场整改三十九处，其余八处限期整改。</p>
<p>&nbsp;&nbsp;&nbsp;&nbsp;县林业局有关负责人表示，下一步将加强野外用火管控，严禁在林区吸烟、烧荒和燃放烟花爆竹，对违规用火行为发现一起、查处一起。同时提醒广大群众，发现山火请立即拨打12119森林火警电话。</p>
<p>&nbsp;&nbsp;&nbsp;&nbsp;附件：青石县秋冬季森林防火隐患排查整治工作方案</p>
</td></tr>
<tr><td height="40" align="right">【<a href="javascript:window.print()">打印本页</a>】&nbsp;【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
</table>
<table width="96%" border="0" align="center" cellpadding="0" cellspacing="0" class="xglj">
<tr><td height="28" class="black14b">相关链接</td></tr>
<tr><td><a href="/bmdt/2022/1019/2841.html">县应急管理局召开森林防灭火工作调度会</a></td></tr>
<tr><td><a href="/bmdt/2022/1012/2799.html">我县组织开展森林火灾扑救应急演练</a></td></tr>
</table>
</td></tr></table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="bottom"><tr><td align="center" class="white12" height="80">主办：青石县人民政府办公室&nbsp;&nbsp;承办：青石县大数据中心<br>网站标识码：5224010001&nbsp;&nbsp;<a href="https://beian.miit.gov.cn/">黔ICP备13002211号</a>&nbsp;&nbsp;建议使用1024*768分辨率浏览</td></tr></table>
</body>
</html>
""",
    {'title': '青石县开展秋冬季森林防火隐患排查整治', 'date': '2022-10-26', 'flags': [], 'script': 'hans',
     'encoding': 'gb18030',
     'must_contain': ['进入秋冬季以来，我县气温回升快、降水偏少，林区可燃物载量大，森林火险等级持续偏高。',
                      '共出动检查人员三百二十余人次，排查发现隐患四十七处，已当场整改三十九处，其余八处限期整改。',
                      '发现山火请立即拨打12119森林火警电话。',
                      '附件：青石县秋冬季森林防火隐患排查整治工作方案'],
     'must_not_contain': ['网站首页', '政务公开', '乡镇动态', '您现在的位置', '信息来源', '发布时间', '点击数', '386',
                          '字号', '打印本页', '关闭窗口', '相关链接', '森林防灭火工作调度会', '主办', '承办',
                          '网站标识码', 'ICP备', '分辨率', 'doZoom']},
)

sample(
    "33-cms-article-jsonld-utf8", "html", "utf-8",
    "HTML5 CMS article: <article> with its own <header> (h1, author, <time>) and <footer> (tags, "
    "share), <figure>/<figcaption>, an <aside> 延伸阅读 box inside the article, JSON-LD "
    "NewsArticle with datePublished (no date meta), cookie banner, newsletter box, <footer> site "
    "footer; the figcaption goes, the subheadings stay",
    """<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>城市夜间经济调查：晚上十点以后，谁还在消费？ | 晨报观察</title>
<meta property="og:type" content="article">
<meta property="og:title" content="城市夜间经济调查：晚上十点以后，谁还在消费？">
<meta property="og:site_name" content="晨报观察">
<link rel="canonical" href="https://www.example.com/2023/06/night-economy/">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"城市夜间经济调查：晚上十点以后，谁还在消费？","datePublished":"2023-06-14T07:30:00+08:00","dateModified":"2023-06-14T09:02:00+08:00","author":[{"@type":"Person","name":"何晴"}],"publisher":{"@type":"Organization","name":"晨报观察"}}</script>
<link rel="stylesheet" id="theme-css" href="/wp-content/themes/news/style.css" media="all">
</head>
<body class="post-template-default single single-post postid-20391 single-format-standard">
<div id="cookie-notice" class="cn-notice">本网站使用Cookie来改善您的浏览体验。继续浏览即表示您同意我们的<a href="/privacy/">隐私政策</a>。<a class="cn-accept" href="#">我知道了</a></div>
<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/" rel="home">晨报观察</a></p><p class="site-description">看见城市的每一天</p></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu"><li><a href="/city/">城市</a></li><li><a href="/economy/">经济</a></li><li><a href="/culture/">文化</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-20391" class="post-20391 post type-post status-publish format-standard has-post-thumbnail category-economy">
<header class="entry-header">
<div class="cat-links"><a href="/economy/" rel="category tag">经济</a></div>
<h1 class="entry-title">城市夜间经济调查：晚上十点以后，谁还在消费？</h1>
<div class="entry-meta"><span class="byline">文／<a class="url fn n" href="/author/heqing/">何晴</a></span><span class="posted-on"><time class="entry-date published" datetime="">2023年6月14日</time></span><span class="reading-time">阅读约需 4 分钟</span></div>
</header>
<figure class="post-thumbnail"><img width="1200" height="675" src="/wp-content/uploads/2023/06/night.jpg" alt=""><figcaption class="wp-caption-text">晚上十点，步行街上的夜市摊位。摄影：林远</figcaption></figure>
<div class="entry-content">
<p>晚上十点以后，城市并没有睡去。记者连续两周在市区三个商圈蹲点，记录下夜间消费的真实图景：餐饮仍是主角，但书店、健身房和自习室正在成为新的夜间目的地。</p>
<h2 class="wp-block-heading">餐饮之外的新去处</h2>
<p>在东湖商圈，一家二十四小时书店的店长告诉记者，每天晚上九点到十二点是客流高峰，顾客以二三十岁的年轻人为主，很多人下班后来这里看书、办公，一坐就是两三个小时。</p>
<aside class="related-posts"><h3>延伸阅读</h3><ul><li><a href="/2023/05/bookstore/">深夜书店能活下去吗</a></li><li><a href="/2023/04/gym/">健身房的“夜猫子”会员</a></li></ul></aside>
<p>同一条街上的健身房也延长了营业时间。负责人说，晚上十点以后的会员签到量占全天的三成，“很多人白天没时间，只能晚上来”。</p>
<h2 class="wp-block-heading">配套仍是短板</h2>
<p>不过，夜间经济也面临不少难题。受访商户普遍反映，深夜公共交通班次少，顾客回家不方便；部分街区夜间照明不足，停车位紧张，也影响了消费体验。</p>
<blockquote class="wp-block-quote"><p>“夜间经济不只是把营业时间拉长，交通、治安、环卫都要跟上。”一位城市规划研究者说。</p></blockquote>
<p>据了解，市商务部门正在研究出台支持夜间经济发展的措施，计划在年内增开三条夜间公交线路，并在重点商圈增设临时停车泊位。</p>
</div>
<footer class="entry-footer"><span class="tags-links">标签：<a href="/tag/night/" rel="tag">夜间经济</a>、<a href="/tag/consume/" rel="tag">消费</a></span>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">分享此文：</h3><ul><li><a href="#">微信</a></li><li><a href="#">微博</a></li></ul></div></footer>
</article>
<nav class="navigation post-navigation" aria-label="文章"><div class="nav-links"><div class="nav-previous"><a href="/2023/06/market/" rel="prev"><span class="meta-nav">上一篇</span>菜市场里的“早八人”</a></div><div class="nav-next"><a href="/2023/06/river/" rel="next"><span class="meta-nav">下一篇</span>滨江步道的周末</a></div></div></nav>
<div class="newsletter-box"><h3>订阅晨报观察</h3><p>每天早上七点，把城市新闻送到您的邮箱。</p><form><input type="email" placeholder="您的邮箱"><button>订阅</button></form></div>
</main></div>
<aside id="secondary" class="widget-area"><section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">近期文章</h2><ul><li><a href="/2023/06/market/">菜市场里的“早八人”</a></li><li><a href="/2023/06/river/">滨江步道的周末</a></li></ul></section></aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">© 2023 晨报观察 · <a href="/about/">关于我们</a> · <a href="/privacy/">隐私政策</a> · 沪ICP备18001234号</div></footer>
</body>
</html>
""",
    {'title': '城市夜间经济调查：晚上十点以后，谁还在消费？', 'date': '2023-06-14', 'flags': [],
     'script': 'hans', 'encoding': 'utf-8',
     'must_contain': ['晚上十点以后，城市并没有睡去。',
                      '但书店、健身房和自习室正在成为新的夜间目的地。',
                      '餐饮之外的新去处',
                      '很多人下班后来这里看书、办公，一坐就是两三个小时。',
                      '“很多人白天没时间，只能晚上来”。',
                      '配套仍是短板',
                      '“夜间经济不只是把营业时间拉长，交通、治安、环卫都要跟上。”一位城市规划研究者说。',
                      '并在重点商圈增设临时停车泊位。'],
     'must_not_contain': ['Cookie', '隐私政策', '看见城市的每一天', '何晴', '阅读约需', '摄影：', '步行街上的夜市摊位',
                          '延伸阅读', '深夜书店能活下去吗', '标签', '分享此文', '上一篇', '菜市场里的', '订阅',
                          '近期文章', '关于我们', 'ICP', 'schema.org']},
)

sample(
    "34-multipage-pager-utf8", "html", "utf-8",
    "a story served whole but split into <div class=\"page\"> parts that a script "
    "shows one at a time, with a 上一页 1 2 3 下一页 / 全文阅读 pager, 责任编辑 "
    "line; every part stays, the pager goes",
    """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>一座水库的六十年 - 地方志 - 山川网</title>
<meta name="publishdate" content="2021-09-30">
</head>
<body>
<div class="header"><div class="logo"><a href="/">山川网</a></div><ul class="menu"><li><a href="/">首页</a></li><li><a href="/dfz/">地方志</a></li><li><a href="/rw/">人物</a></li><li><a href="/ms/">民俗</a></li></ul></div>
<div class="wrap">
<div class="main-left">
<div class="art-title"><h1>一座水库的六十年</h1><div class="art-info">2021-09-30 来源：山川网 作者：郑河</div></div>
<div class="art-body" id="artbody">
<div class="page" id="page_1">
<p>红旗水库坐落在两座山之间，坝高四十二米，是县里最大的水库。它建成于1961年，那一年，附近七个村子的两千多名青壮年挑着扁担上了工地。</p>
<p>八十三岁的许大爷是当年的修坝人之一。他记得，工地上没有机器，全靠人挑肩扛，一担土一百多斤，从山脚挑到坝顶要走二十分钟。晚上就睡在工棚里，冬天冷得睡不着，大家就挤在一起唱歌。</p>
</div>
<div class="page" id="page_2">
<p>水库建成以后，下游两万多亩旱地变成了水田。许大爷说，以前村里一年只种一季麦子，有了水以后能种两季稻子，家家户户第一次吃上了白米饭。</p>
<p>上世纪九十年代，水库的坝体出现了渗漏。县里筹钱做了两次加固，又在坝下修了一座小水电站，发的电够附近三个村子用。</p>
</div>
<div class="page" id="page_3">
<p>如今，红旗水库已经不再承担主要的灌溉任务，成了县城的备用水源地。库区周边退耕还林，水质常年保持在二类以上。</p>
<p>每年九月，当年的修坝人会回到坝上聚一聚。人越来越少了，今年只来了九个。许大爷站在坝顶，指着远处的稻田说，那些田是我们一担一担挑出来的。</p>
</div>
</div>
<div class="pages" id="pager"><a href="javascript:;" class="prev">上一页</a><a href="javascript:showPage(1)" class="cur">1</a><a href="javascript:showPage(2)">2</a><a href="javascript:showPage(3)">3</a><a href="javascript:;" class="next">下一页</a><a href="javascript:showAll()">全文阅读</a></div>
<div class="editor">责任编辑：周岚</div>
<div class="share"><span>分享到：</span><a href="#">微信</a><a href="#">微博</a></div>
<div class="prevnext"><p>上一篇：<a href="/dfz/2021/0922/771.html">老粮站的新用途</a></p><p>下一篇：<a href="/dfz/2021/1008/802.html">古道上的驿站遗址</a></p></div>
</div>
<div class="main-right"><div class="hot"><h3>热门文章</h3><ul><li><a href="#">县志里记载的那场大雪</a></li><li><a href="#">三代人守护的一片古树林</a></li></ul></div></div>
</div>
<div class="footer">山川网 版权所有 © 2021 备案号：滇ICP备15004321号</div>
<script>function showPage(n){var p=document.querySelectorAll('.page');for(var i=0;i<p.length;i++)p[i].style.display=(i==n-1)?'block':'none';}</script>
</body>
</html>
""",
    {'title': '一座水库的六十年', 'date': '2021-09-30', 'flags': [], 'script': 'hans', 'encoding': 'utf-8',
     'must_contain': ['红旗水库坐落在两座山之间，坝高四十二米，是县里最大的水库。',
                      '晚上就睡在工棚里，冬天冷得睡不着，大家就挤在一起唱歌。',
                      '下游两万多亩旱地变成了水田。',
                      '发的电够附近三个村子用。',
                      '成了县城的备用水源地。',
                      '那些田是我们一担一担挑出来的。'],
     'must_not_contain': ['山川网', '民俗', '来源', '郑河', '上一页', '下一页', '全文阅读', '责任编辑', '分享到',
                          '上一篇', '老粮站的新用途', '热门文章', '县志里记载', '版权所有', 'ICP', 'showPage']},
)

sample(
    "35-news-comments-big5", "html", "big5",
    "Taiwanese local news in Big5 (meta charset=big5) whose reader comments (div.comment-area, "
    "with 回覆 / 檢舉 / 讚 buttons) hold more text than the story itself; 記者…／報導 dateline, "
    "延伸閱讀, 熱門新聞, 訂閱電子報, © footer: the comments go even though they outweigh the article",
    """<!DOCTYPE html>
<html lang="zh-Hant-TW">
<head>
<meta charset="big5">
<title>老街騎樓整修完成 店家盼人潮回流 - 地方 - 北港時報</title>
<meta property="og:title" content="老街騎樓整修完成 店家盼人潮回流">
<meta property="article:published_time" content="2022-05-17T14:20:00+08:00">
</head>
<body>
<div id="header"><a class="logo" href="/">北港時報</a><ul class="nav-menu"><li><a href="/">首頁</a></li><li><a href="/politics">政治</a></li><li><a href="/local">地方</a></li><li><a href="/life">生活</a></li></ul></div>
<div class="container">
<div class="story-main">
<h1 class="story-title">老街騎樓整修完成 店家盼人潮回流</h1>
<div class="story-meta"><span class="time">2022/05/17 14:20</span> <span class="reporter">記者林志宏／雲林報導</span></div>
<div class="story-body">
<p>雲林縣北港老街騎樓整修工程近日完工，兩側共四十二間店面的騎樓地面重新鋪設防滑磁磚，並拆除了違規招牌與雜亂的管線，讓行人通行更加順暢。</p>
<p>縣府建設處表示，工程總經費約一千八百萬元，由中央補助七成，施工期間採分段施工，盡量減少對商家營業的影響。整修後的騎樓高低差已全部消除，推嬰兒車或坐輪椅的民眾也能順利通行。</p>
<p>在老街經營糕餅店三十年的陳老闆說，疫情這兩年生意掉了一半，希望騎樓變得好走以後，遊客願意多停留一會兒。</p>
</div>
<div class="extend-read"><h3>延伸閱讀</h3><ul><li><a href="/local/1">北港朝天宮周邊停車場啟用</a></li><li><a href="/local/2">雲林縣推老屋活化補助</a></li></ul></div>
<div class="comment-area" id="comment-area">
<h3 class="comment-title">網友留言（12）</h3>
<div class="comment-item"><div class="comment-user">阿德</div><div class="comment-text">終於修好了！以前下雨天走騎樓一直怕滑倒，帶著小孩更是提心吊膽，現在平平整整的，走起來舒服多了。希望其他鄉鎮的老街也能比照辦理。</div><div class="comment-tools"><a href="#">回覆</a> <a href="#">讚(32)</a> <a href="#">檢舉</a></div></div>
<div class="comment-item"><div class="comment-user">小雲</div><div class="comment-text">騎樓好走是好事，可是停車位還是太少，假日開車過去繞了三圈都找不到位子，最後只好放棄。停車問題不解決，人潮很難回來。</div><div class="comment-tools"><a href="#">回覆</a> <a href="#">讚(27)</a> <a href="#">檢舉</a></div></div>
<div class="comment-item"><div class="comment-user">老北港人</div><div class="comment-text">我從小在老街長大，記得以前每間店的騎樓高度都不一樣，走一趟要上上下下好幾次。這次整修真的有感，不過招牌拆掉以後，有些店家反而不好找了，建議設置統一的指示牌。</div><div class="comment-tools"><a href="#">回覆</a> <a href="#">讚(19)</a> <a href="#">檢舉</a></div></div>
<div class="comment-item"><div class="comment-user">路人甲</div><div class="comment-text">一千八百萬只修騎樓地板？感覺有點貴，希望縣府公布詳細的預算明細，讓大家看看錢花在哪裡。</div><div class="comment-tools"><a href="#">回覆</a> <a href="#">讚(15)</a> <a href="#">檢舉</a></div></div>
<div class="comment-item"><div class="comment-user">糕餅控</div><div class="comment-text">陳老闆家的花生糕超好吃，每次回雲林一定去買，祝生意越來越好！騎樓變漂亮了，下次帶朋友一起去逛逛。</div><div class="comment-tools"><a href="#">回覆</a> <a href="#">讚(11)</a> <a href="#">檢舉</a></div></div>
<div class="comment-item"><div class="comment-user">旅人</div><div class="comment-text">上週剛去過，騎樓確實好走很多，但是中午時段太陽很大，整條街幾乎沒有遮蔭的地方，建議可以多種一些行道樹，或是設置幾個休息座椅，讓遊客可以坐下來歇歇腳。</div><div class="comment-tools"><a href="#">回覆</a> <a href="#">讚(9)</a> <a href="#">檢舉</a></div></div>
<div class="comment-item"><div class="comment-user">在地青年</div><div class="comment-text">老街要活起來，光靠硬體不夠，還要有吸引年輕人的店。現在很多店面晚上六點就關門了，整條街黑漆漆的，希望縣府也能輔導店家延長營業時間，辦一些夜間活動。</div><div class="comment-tools"><a href="#">回覆</a> <a href="#">讚(8)</a> <a href="#">檢舉</a></div></div>
<div class="comment-item"><div class="comment-user">阿嬤的孫</div><div class="comment-text">阿嬤坐輪椅，以前根本沒辦法陪她逛老街，這個週末終於可以推她去走走了，謝謝所有施工的工人。</div><div class="comment-tools"><a href="#">回覆</a> <a href="#">讚(7)</a> <a href="#">檢舉</a></div></div>
<div class="comment-more"><a href="#">看更多留言</a></div>
<div class="comment-form"><textarea placeholder="請先登入再留言"></textarea><a href="/login">登入</a> 發表留言即代表您同意本站留言規範</div>
</div>
</div>
<div class="sidebar"><h3>熱門新聞</h3><ol><li><a href="#">颱風外圍環流影響 中南部防豪雨</a></li><li><a href="#">國道客運票價下月起調整</a></li></ol>
<div class="epaper">訂閱電子報：<input type="text" placeholder="請輸入電子郵件"><button>訂閱</button></div></div>
</div>
<div id="footer">&copy; 2022 北港時報 版權所有，未經授權不得轉載</div>
</body>
</html>
""",
    {'title': '老街骑楼整修完成 店家盼人潮回流', 'title_simplified': '老街骑楼整修完成 店家盼人潮回流',
     'date': '2022-05-17', 'flags': [], 'script': 'hant', 'encoding': 'big5-hkscs',
     'must_contain': ['云林县北港老街骑楼整修工程近日完工，',
                      '并拆除了违规招牌与杂乱的管线，让行人通行更加顺畅。',
                      '推婴儿车或坐轮椅的民众也能顺利通行。',
                      '希望骑楼变得好走以后，游客愿意多停留一会儿。'],
     'must_not_contain': ['首页', '记者林志宏', '延伸阅读', '朝天宫周边停车场', '网友留言', '阿德', '终于修好了',
                          '停车位还是太少', '我从小在老街长大', '预算明细', '花生糕', '行道树', '吸引年轻人的店',
                          '推她去走走', '回复', '检举', '看更多留言', '请先登入', '热门新闻', '颱风外围环流',
                          '订阅电子报', '版权所有']},
)

sample(
    "36-zhidao-qa-utf8", "html", "utf-8",
    "Baidu-Zhidao-style Q&A page: question title with ask-title span and 提问者 / 浏览 line "
    "(date), wgt-best 最佳答案 box with 本回答被提问者采纳, 已赞过 / 已踩过 / 你对这个回答的评价是？ "
    "evaluation bar, 展开全部, wgt-answers 其他回答 with 采纳率 lines, 其他类似问题 list, 为你推荐 "
    "grid, 百度知道 footer; the question and both answers stay in page order (the 其他回答 answer "
    "comes in another template than the best answer's) without their chrome, flag thread",
    """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>新买的铸铁锅第一次怎么开锅？_百度知道</title>
<meta name="description" content="新买的铸铁锅第一次怎么开锅？">
</head>
<body class="layout-center">
<div id="userbar"><ul class="userbar-list"><li><a href="https://www.baidu.com/">百度首页</a></li><li><a href="https://passport.baidu.com/">登录</a></li><li><a href="#">注册</a></li></ul></div>
<header id="header"><div class="search-block"><a href="/" class="logo">百度知道</a><form class="search-form"><input class="hdi" type="text"><button>搜索答案</button><button>我要提问</button></form></div></header>
<nav class="menu-wrap"><ul class="channel-list"><li><a href="/">首页</a></li><li><a href="/list">问题</a></li><li><a href="/special">专题</a></li><li><a href="/shop">商城</a></li></ul></nav>
<div id="body" class="container">
<div class="layout-wrap">
<div id="wgt-ask" class="wgt-ask">
<div class="question-title"><h1 accuse="qTitle"><span class="ask-title">新买的铸铁锅第一次怎么开锅？</span></h1></div>
<div class="line mt-5 q-content" accuse="qContent"><span class="con-all">网上买了一口铸铁锅，说明书上说要先开锅再用，具体应该怎么做？用猪油还是植物油？</span></div>
<div class="line f-aid ask-info ff-arial"><span class="f-pipe">|</span><span class="grid-r ask-time">提问者：厨房新手小白 2019-11-03</span><span class="f-pipe">|</span>浏览 <span class="browse-times">8291</span> 次</div>
</div>
<div class="wgt-best mod-shadow" id="wgt-best">
<div class="best-title"><h2 class="answer-title">最佳答案</h2></div>
<div class="line content"><div class="best-text mb-10" id="best-content-312">
<p>开锅主要是在锅的表面形成一层油膜，防锈又防粘。步骤如下：</p>
<p>1. 用热水和软刷把锅里外刷一遍，洗掉出厂时的防锈油，然后擦干，放在火上把水分烤干。</p>
<p>2. 用一块肥猪肉或者一小块猪皮，夹着在锅里反复擦，小火慢慢加热，让油脂渗进锅的表面。没有猪肉的话，用亚麻籽油或者花生油薄薄地抹一层也可以。</p>
<p>3. 擦到锅面发黑发亮以后关火，把锅里的油渣倒掉，等锅凉了再用热水冲一下，擦干后抹一层薄油保存。</p>
<p>以后每次用完都要趁热洗干净、烤干，千万不要泡在水里过夜，否则很容易生锈。</p>
<div class="wgt-best-mask"><div class="wgt-best-showbtn">展开全部<span class="wgt-best-arrowdown"></span></div></div>
</div></div>
<div class="wgt-replyer-best"><a class="user-name" href="#">灶台边的老周</a><span class="f-aid">采纳率：62%</span><span class="f-aid">来自团队：家常菜研究所</span><span class="f-aid">擅长：烹饪/美食</span></div>
<div class="line info f-aid"><span class="grid-r f-aid pos-time answer-time">2019-11-03 19:40</span>本回答被提问者采纳</div>
<div class="bd-wrap"><div class="evaluate-bar"><span class="evaluate evaluate-32" data-evaluate="1">已赞过</span><span class="evaluate evaluate-bad">已踩过</span><span class="evaluate-tip">你对这个回答的评价是？</span><span class="evaluate-add">评论</span><span class="evaluate-share">分享</span><span class="evaluate-collect">收藏</span></div></div>
</div>
<div class="wgt-answers" id="wgt-answers">
<div class="answers-hd"><h2 class="answer-title">其他回答</h2><span class="answers-num">共2条回答</span></div>
<div class="answer"><div class="line"><div class="answer-text mb-10 line"><span class="con">我用的是最简单的办法：锅烧热以后倒一点植物油，用厨房纸把油抹匀整个锅面，小火烧到冒烟，关火晾凉，重复三遍就行。用几次以后锅会越来越不粘。</span></div></div>
<div class="line f-aid"><a class="user-name" href="#">平底锅</a> <span class="f-aid">采纳率：41%</span> <span class="answer-time">2019-11-04 08:12</span></div>
<div class="evaluate-bar"><span class="evaluate">已赞过</span><span class="evaluate-bad">已踩过</span><span class="evaluate-tip">你对这个回答的评价是？</span></div></div>
</div>
<div class="wgt-related" id="wgt-related"><div class="related-title">其他类似问题</div><ul class="related-list">
<li><a href="/question/1.html">铸铁锅生锈了怎么处理？</a><span class="related-time">2020-03-02</span></li>
<li><a href="/question/2.html">铸铁锅和不粘锅哪个好？</a><span class="related-time">2018-07-19</span></li>
<li><a href="/question/3.html">铁锅开锅用猪皮还是猪油？</a><span class="related-time">2021-01-10</span></li></ul></div>
<div class="wgt-recommend"><div class="recommend-title">为你推荐：</div><div class="recommend-grid">
<div class="rec-item"><a href="#"><img src="/r1.jpg" width="160"><p class="rec-name">家用铸铁锅选购指南</p></a></div>
<div class="rec-item"><a href="#"><img src="/r2.jpg" width="160"><p class="rec-name">不粘锅涂层掉了还能用吗</p></a></div></div></div>
</div>
</div>
<div id="footer" class="footer"><a href="#">帮助</a> | <a href="#">意见反馈</a> | <a href="#">投诉举报</a><br>京ICP证030173号-1　　©2023Baidu　使用百度前必读 | 知道协议 | 百度知道品牌合作</div>
</body>
</html>
""",
    {'title': '新买的铸铁锅第一次怎么开锅？', 'date': '2019-11-03', 'flags': ['thread'], 'script': 'hans',
     'encoding': 'utf-8',
     'must_contain': ['网上买了一口铸铁锅，说明书上说要先开锅再用，具体应该怎么做？用猪油还是植物油？',
                      '开锅主要是在锅的表面形成一层油膜，防锈又防粘。',
                      '1. 用热水和软刷把锅里外刷一遍，洗掉出厂时的防锈油，',
                      '没有猪肉的话，用亚麻籽油或者花生油薄薄地抹一层也可以。',
                      '千万不要泡在水里过夜，否则很容易生锈。',
                      '我用的是最简单的办法：锅烧热以后倒一点植物油，用厨房纸把油抹匀整个锅面，'],
     'must_not_contain': ['百度首页', '登录', '搜索答案', '我要提问', '商城', '提问者', '浏览', '8291', '最佳答案',
                          '展开全部', '灶台边的老周', '采纳率', '家常菜研究所', '擅长', '本回答被提问者采纳',
                          '已赞过', '已踩过', '你对这个回答的评价是', '其他回答', '共2条回答', '平底锅',
                          '其他类似问题', '铸铁锅生锈了怎么处理', '为你推荐', '选购指南', '意见反馈', 'ICP',
                          '知道协议']},
)

sample(
    "37-product-knowledge-utf8", "html", "utf-8",
    "shop knowledge page: a short 选购知识 text (three paragraphs) above huge 猜你喜欢 / 热销榜 "
    "grids of product cards whose names, selling points and prices are unlinked text, 加入购物车 "
    "buttons, 已售 counts, 客服 / 购物车 bars, service-promise footer; the grids hold far more text "
    "than the article and must all go",
    """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>电热水壶怎么除水垢？三种家常方法对比-家电知识-优选家居商城</title>
<meta name="keywords" content="电热水壶,除水垢,柠檬酸">
</head>
<body>
<div class="site-topbar"><div class="w"><a href="/">优选家居商城首页</a><a href="/login">请登录</a><a href="/reg">免费注册</a><a href="/order">我的订单</a><a href="/cart">购物车(0)</a><a href="/app">手机APP</a></div></div>
<div class="header w"><a class="logo" href="/">优选家居</a><div class="search"><input type="text" value="电热水壶"><button>搜索</button></div><div class="hotwords"><a href="#">空气炸锅</a><a href="#">电饭煲</a><a href="#">破壁机</a></div></div>
<div class="crumb w"><a href="/">首页</a> &gt; <a href="/zhishi/">家电知识</a> &gt; <span>电热水壶怎么除水垢？三种家常方法对比</span></div>
<div class="w clearfix">
<div class="zs-main">
<h1 class="zs-title">电热水壶怎么除水垢？三种家常方法对比</h1>
<div class="zs-meta">更新时间：2023-02-11　浏览：12986</div>
<div class="zs-content">
<p>水垢的主要成分是碳酸钙和氢氧化镁，在水质偏硬的地区，电热水壶用上一两个月内壁就会结出一层白色硬壳。水垢会降低加热效率，附着在温控器上还可能导致跳闸失灵。</p>
<p>最常用的是柠檬酸：按一升水放十克柠檬酸的比例烧开，静置半小时后倒掉，再用清水烧两遍即可。白醋的效果也不错，但气味较重，需要多冲洗几次。小苏打适合清理轻微的水垢，对厚垢作用有限。</p>
<p>建议每月除垢一次，平时每次用完把壶里的剩水倒掉，可以明显减缓水垢的生成。</p>
</div>
</div>
<div class="guess-like"><div class="mod-hd"><h3>猜你喜欢</h3><a class="change" href="javascript:;">换一批</a></div>
<ul class="goods-grid">
<li class="goods-item"><a class="pic" href="/item/1001.html"><img src="/img/1001.jpg" width="200" height="200"></a><p class="name">家用1.7L大容量电热水壶 304不锈钢内胆 自动断电</p><p class="desc">一体无缝内胆，烧水更快，防干烧三重保护，适合三到五口之家日常使用。</p><p class="price">￥89.00</p><p class="sold">已售2.3万件</p><span class="btn-cart">加入购物车</span></li>
<li class="goods-item"><a class="pic" href="/item/1002.html"><img src="/img/1002.jpg" width="200" height="200"></a><p class="name">恒温调奶电水壶 智能保温 冲奶粉专用</p><p class="desc">四十五度恒温保温，夜里冲奶不用等，玻璃壶身看得见水质，清洗方便。</p><p class="price">￥129.00</p><p class="sold">已售8650件</p><span class="btn-cart">加入购物车</span></li>
<li class="goods-item"><a class="pic" href="/item/1003.html"><img src="/img/1003.jpg" width="200" height="200"></a><p class="name">食品级柠檬酸除垢剂 500g 家用清洁</p><p class="desc">电水壶、饮水机、咖啡机通用，去除水垢不伤内胆，无刺激气味，一袋可用半年。</p><p class="price">￥19.90</p><p class="sold">已售5.1万件</p><span class="btn-cart">加入购物车</span></li>
<li class="goods-item"><a class="pic" href="/item/1004.html"><img src="/img/1004.jpg" width="200" height="200"></a><p class="name">便携式折叠电热水壶 旅行出差 硅胶壶身</p><p class="desc">折叠后只有巴掌大，放进行李箱不占地方，双电压设计，出国旅行也能用。</p><p class="price">￥69.00</p><p class="sold">已售3120件</p><span class="btn-cart">加入购物车</span></li>
<li class="goods-item"><a class="pic" href="/item/1005.html"><img src="/img/1005.jpg" width="200" height="200"></a><p class="name">养生壶多功能 全自动加厚玻璃 煮茶器</p><p class="desc">十八种功能菜单，花茶、银耳羹、燕窝一键完成，预约定时，下班回家就能喝。</p><p class="price">￥159.00</p><p class="sold">已售1.2万件</p><span class="btn-cart">加入购物车</span></li>
<li class="goods-item"><a class="pic" href="/item/1006.html"><img src="/img/1006.jpg" width="200" height="200"></a><p class="name">净水器家用厨房 直饮过滤 反渗透</p><p class="desc">五级过滤有效减少水垢和异味，装在水槽下面不占空间，滤芯更换提醒。</p><p class="price">￥899.00</p><p class="sold">已售4260件</p><span class="btn-cart">加入购物车</span></li>
</ul></div>
<div class="hot-rank"><div class="mod-hd"><h3>小家电热销榜</h3></div>
<ol class="rank-list">
<li><span class="num">1</span><span class="rank-name">多功能空气炸锅 大容量 无油低脂</span><span class="rank-desc">不用一滴油也能炸出金黄酥脆，家里老人孩子都爱吃。</span><span class="price">￥259.00</span></li>
<li><span class="num">2</span><span class="rank-name">智能电饭煲 家用四升 预约煮饭</span><span class="rank-desc">柴火饭口感，米饭粒粒分明，二十四小时预约，早上起来就有粥喝。</span><span class="price">￥299.00</span></li>
<li><span class="num">3</span><span class="rank-name">静音破壁机 加热豆浆 免滤</span><span class="rank-desc">降噪设计，早晨打豆浆不吵醒家人，一键自清洁，省去洗杯子的麻烦。</span><span class="price">￥459.00</span></li>
</ol></div>
</div>
<div class="service-promise w"><ul><li>正品保障：官方授权，假一赔十</li><li>七天无理由退货：收货后七天内可退</li><li>极速发货：下单后二十四小时内发出</li><li>全国联保：凭发票享受厂家保修</li></ul></div>
<div class="footer w"><p><a href="/about">关于我们</a> | <a href="/help">帮助中心</a> | <a href="/contact">联系客服</a></p><p>Copyright © 2016-2023 优选家居商城 版权所有 粤ICP备16012345号</p></div>
<div class="right-bar"><a href="/cart">购物车</a><a href="/kefu">在线客服</a><a href="#top">返回顶部</a></div>
</body>
</html>
""",
    {'title': '电热水壶怎么除水垢？三种家常方法对比', 'date': '2023-02-11', 'flags': [], 'script': 'hans',
     'encoding': 'utf-8',
     'must_contain': ['水垢的主要成分是碳酸钙和氢氧化镁，',
                      '附着在温控器上还可能导致跳闸失灵。',
                      '最常用的是柠檬酸：按一升水放十克柠檬酸的比例烧开，静置半小时后倒掉，再用清水烧两遍即可。',
                      '小苏打适合清理轻微的水垢，对厚垢作用有限。',
                      '可以明显减缓水垢的生成。'],
     'must_not_contain': ['请登录', '免费注册', '购物车', '空气炸锅', '家电知识', '更新时间', '浏览', '猜你喜欢',
                          '换一批', '304不锈钢', '防干烧三重保护', '￥', '已售', '加入购物车', '恒温调奶',
                          '一袋可用半年', '双电压设计', '十八种功能菜单', '五级过滤', '热销榜', '柴火饭口感',
                          '降噪设计', '正品保障', '七天无理由', '全国联保', '关于我们', 'ICP', '返回顶部']},
)

sample(
    "38-toutiao-article-utf8", "html", "utf-8",
    "Toutiao-style article: div.article-content with h1, article-meta (原创 / author / time / "
    "location), the text in <article class=\"syl-article-base tt-article-content\"> with "
    "pgc-img figures and <p> captions, 举报 / 收藏 / 评论 side bar, 作者 card with 关注 and 粉丝 "
    "counts, 相关推荐 feed of headlines with 评论 counts, ttp-comment section",
    """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>社区图书馆开到菜市场二楼，一个月借出三千本书 - 今日头条</title>
<meta name="description" content="菜市场二楼的社区图书馆，开放一个月就借出了三千多本书。">
<meta property="og:title" content="社区图书馆开到菜市场二楼，一个月借出三千本书">
</head>
<body>
<div id="root"><div class="toutiao-header"><div class="header-left"><a href="/">首页</a><a href="https://www.toutiao.com/download/">下载头条</a><a href="#">发布作品</a></div><div class="header-right"><a class="login-button" href="#">登录</a></div></div>
<div class="main-content">
<div class="left-sidebar"><div class="detail-interaction"><div class="detail-like">赞 215</div><div class="detail-interaction-comment">评论 48</div><div class="detail-interaction-collect">收藏</div><div class="detail-interaction-share">分享</div></div></div>
<div class="article-content">
<h1>社区图书馆开到菜市场二楼，一个月借出三千本书</h1>
<div class="article-meta mt-4"><span class="original-tag">原创</span><span class="dot">·</span><span class="name"><a href="/c/user/token/MS4w/" target="_blank">南城晚报</a></span><span class="dot">·</span><span>2024-04-02 18:46</span><span class="dot">·</span><span>四川</span></div>
<article class="syl-article-base tt-article-content syl-page-article syl-device-pc">
<p data-track="1">每天早上七点，南城菜市场一楼已经热闹起来，二楼的社区图书馆也同时开了门。买完菜的老人提着菜篮子上楼，挑一本书坐下来，一看就是一上午。</p>
<div class="pgc-img"><img src="https://p3-sign.toutiaoimg.com/tos-cn-i-1.jpg" img_width="1080" img_height="720" alt="" inline="0"><p class="pgc-img-caption">菜市场二楼的社区图书馆。</p></div>
<p data-track="2">这间图书馆由菜市场闲置的仓库改造而成，面积约两百平方米，藏书一万两千册，其中三分之一是儿童读物。馆里还设了二十个座位和一个小小的绘本角，周末常常坐满了带孩子来的家长。</p>
<p data-track="3">图书馆负责人说，把图书馆开在菜市场，是看中了这里的人流。开放第一个月，就办出借书证九百多张，借出图书三千多本，比预想的多了一倍。</p>
<p data-track="4">不少摊主也成了常客。卖豆腐的刘大姐每天收摊后都会上楼借一本菜谱或者小说，她说，以前收摊以后就是刷手机，现在能安安静静看会儿书，感觉不一样。</p>
<p data-track="5">街道计划年内再选两个菜市场，复制这种“买菜加看书”的模式。</p>
</article>
</div>
<div class="right-sidebar"><div class="author-info"><a class="author-avatar" href="#"><img src="/avatar.jpg" width="48" height="48"></a><div class="author-name">南城晚报</div><div class="author-desc">南城晚报官方账号</div><div class="author-stat"><span>1.2万粉丝</span><span>3286获赞</span></div><button class="subscribe-btn">关注</button></div>
<div class="related-feed"><div class="title">相关推荐</div>
<div class="feed-card"><a href="/article/1">老城区的最后一家书店，靠什么活了二十年</a><span class="feed-comment">126评论</span></div>
<div class="feed-card"><a href="/article/2">菜市场变身网红打卡地，年轻人爱上逛早市</a><span class="feed-comment">89评论</span></div>
<div class="feed-card"><a href="/article/3">退休教师在小区开免费图书角</a><span class="feed-comment">37评论</span></div></div></div>
</div>
<div class="ttp-comment-wrapper"><div class="ttp-comment-block"><h2 class="comment-title">评论 48</h2><div class="ttp-comment-input"><textarea placeholder="写下你的评论..."></textarea><button>发布</button></div>
<ul class="comment-list"><li class="comment-item"><span class="user-name">书虫一号</span><p class="comment-text">这个想法太好了，买菜顺便借本书，一举两得，希望我们小区旁边的菜市场也能开一个。</p><span class="comment-time">1天前</span><span class="comment-reply">回复</span></li>
<li class="comment-item"><span class="user-name">老街坊</span><p class="comment-text">去过，环境很好，就是周末人太多，座位不够用。</p><span class="comment-time">2天前</span><span class="comment-reply">回复</span></li></ul></div></div>
</div>
</body>
</html>
""",
    {'title': '社区图书馆开到菜市场二楼，一个月借出三千本书', 'date': '2024-04-02', 'flags': [],
     'script': 'hans', 'encoding': 'utf-8',
     'must_contain': ['每天早上七点，南城菜市场一楼已经热闹起来，二楼的社区图书馆也同时开了门。',
                      '馆里还设了二十个座位和一个小小的绘本角，周末常常坐满了带孩子来的家长。',
                      '开放第一个月，就办出借书证九百多张，借出图书三千多本，比预想的多了一倍。',
                      '现在能安安静静看会儿书，感觉不一样。',
                      '复制这种“买菜加看书”的模式。'],
     'must_not_contain': ['下载头条', '发布作品', '登录', '赞 215', '评论', '收藏', '分享', '原创', '南城晚报',
                          '四川', '菜市场二楼的社区图书馆。', '粉丝', '获赞', '关注', '相关推荐',
                          '老城区的最后一家书店', '写下你的评论', '书虫一号', '一举两得', '座位不够用', '1天前',
                          '回复']},
)

# --------------------------------------------------------------------------------------------

def encode(s):
    data = s["content"].encode(s["codec"])  # strict: a character the charset lacks is a bug here
    if s["bom"]:
        data = b"\xef\xbb\xbf" + data
    return data


sample(
    "39-csdn-code-post-utf8", "html", "utf-8",
    "CSDN-style technical post: toolbar, author aside (码龄 / 原创 / 粉丝), title box with 阅读量 / "
    "收藏 / 点赞, 版权声明, the text in div#content_views with <pre><code> blocks (indentation, "
    "URLs, a shell and a Python block), the pre-numbering gutter and 登录后复制 button inside each "
    "<pre>, an inline <code> command, a toolbox, a comment box and 相关推荐: code stays verbatim",
    """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>Windows 命令行下设置代理的方法_山间小路的博客-CSDN博客</title>
<meta name="description" content="在公司网络里用命令行访问外网时，需要先为当前窗口设置代理。">
<script>window.csdn = window.csdn || {}; var username = "shanjian";</script>
</head>
<body class="nodata">
<div id="csdn-toolbar"><div class="toolbar-inside"><div class="toolbar-container-left"><a href="https://www.csdn.net/">首页</a> <a href="https://blog.csdn.net/">博客</a> <a href="https://download.csdn.net/">下载</a> <a href="https://edu.csdn.net/">学习</a> <a href="https://bbs.csdn.net/">社区</a></div><div class="toolbar-container-right"><a href="https://passport.csdn.net/login">登录</a> <a href="https://mp.csdn.net/">发布</a></div></div></div>
<div class="main_father clearfix d-flex justify-content-center">
<div class="container clearfix" id="mainBox">
<aside class="blog_container_aside"><div id="asideProfile" class="aside-box"><div class="profile-intro"><a class="profile-name" href="https://blog.csdn.net/shanjian">山间小路</a><span>码龄5年</span></div><dl class="text-center"><dt>原创</dt><dd>42</dd></dl><dl><dt>粉丝</dt><dd>120</dd></dl><dl><dt>获赞</dt><dd>356</dd></dl><a class="btn-guanzhu">关注</a> <a class="btn-sixin">私信</a></div>
<div id="asideHotArticle" class="aside-box"><h3 class="aside-title">热门文章</h3><ul><li><a href="/a/1">Git 常用命令速查 <span class="read">阅读量 5.3w</span></a></li><li><a href="/a/2">Nginx 反向代理配置 <span class="read">阅读量 2.1w</span></a></li></ul></div></aside>
<main>
<div class="blog-content-box">
<div class="article-header-box"><div class="article-header"><div class="article-title-box"><h1 class="title-article" id="articleContentId">Windows 命令行下设置代理的方法</h1></div>
<div class="article-info-box"><div class="article-bar-top"><a class="follow-nickName" href="https://blog.csdn.net/shanjian">山间小路</a> <span class="time">已于 2023-06-12 10:21:33 修改</span> <span class="read-count">阅读量1.2w</span> <a class="href-article-edit">收藏</a> <span class="get-collection">35</span> <span class="article-read-img">点赞数 8</span></div>
<div class="blog-tags-box"><div class="tags-box artic-tag-box"><span class="label">分类专栏：</span><a class="tag-link" href="/c/1">工具</a> <span class="label">文章标签：</span><a class="tag-link" href="/t/windows">windows</a> <a class="tag-link" href="/t/proxy">代理</a></div></div>
<div class="slide-content-box"><div class="article-copyright"><div class="creativecommons">版权声明：本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议，转载请附上原文出处链接和本声明。</div><div class="article-source-link">本文链接：<a href="https://blog.csdn.net/shanjian/article/details/131234567">https://blog.csdn.net/shanjian/article/details/131234567</a></div></div></div>
</div></div></div>
<article class="baidu_pl"><div id="article_content" class="article_content clearfix">
<div id="content_views" class="markdown_views prism-atom-one-light">
<h2><a id="_1"></a>问题</h2>
<p>在公司网络里用命令行访问外网时，浏览器能上网，命令行里的下载却一直超时。原因是命令行不会读取系统的代理设置，需要为当前窗口单独设置。</p>
<h2><a id="_2"></a>设置方法</h2>
<p>在 cmd 窗口里执行下面两行，端口换成自己代理软件的端口：</p>
<pre data-index="0" class="set-code-show prettyprint"><code class="prism language-bash has-numbering">set http_proxy=http://127.0.0.1:59727
set https_proxy=http://127.0.0.1:59727
</code><div class="hljs-button signin active" data-title="登录后复制"></div><ul class="pre-numbering" style=""><li style="color: rgb(153, 153, 153);">1</li><li style="color: rgb(153, 153, 153);">2</li></ul></pre>
<p>这两个变量只对当前窗口有效，关掉窗口就失效了。想检查是否生效，可以用 Python 打印一下环境变量：</p>
<pre data-index="1" class="set-code-show prettyprint"><code class="prism language-python has-numbering">import os

def show_proxy():
    for key in ("http_proxy", "https_proxy"):
        print(key, "=", os.environ.get(key))
</code><div class="hljs-button signin active" data-title="登录后复制"></div><ul class="pre-numbering" style=""><li>1</li><li>2</li><li>3</li><li>4</li><li>5</li></ul></pre>
<p>最后用 <code>curl -I https://www.example.com</code> 测试一下，能返回响应头就说明代理已经生效了。</p>
</div></div></article>
<div class="more-toolbox-new" id="toolBarBox"><div class="left-toolbox"><ul class="toolbox-list"><li class="tool-item-follow"><a class="tool-item-href">关注</a></li><li class="tool-item is-like"><a><span class="count">8</span> 点赞</a></li><li class="tool-item"><a>踩</a></li><li class="tool-item is-collection"><a><span class="count">35</span> 收藏</a></li><li class="tool-item"><a>觉得还不错? 一键收藏</a></li><li class="tool-item"><a><span class="count">3</span> 评论</a></li><li class="tool-item"><a>打赏</a></li></ul></div></div>
<div id="pcCommentBox" class="comment-box"><div class="comment-list-container"><ul class="comment-list"><li class="comment-line-box"><a class="name">路过的风</a><span class="date">2023.07.01</span><span class="new-comment">感谢分享，解决了我的问题</span></li><li class="comment-line-box"><a class="name">小明同学</a><span class="date">2023.08.11</span><span class="new-comment">PowerShell 里要用 $env:http_proxy 吗？</span></li></ul></div></div>
<div class="recommend-box insert-baidu-box recommend-box-style"><div class="recommend-item-box"><a href="/r/1">Linux 终端设置代理的几种方式</a><p class="desc">介绍 export 设置环境变量的方法……</p></div><div class="recommend-item-box"><a href="/r/2">Git 设置和取消代理</a><p class="desc">git config --global 设置代理……</p></div></div>
</div>
</main>
</div></div>
<div id="footer" class="footer"><p>关于我们 招贤纳士 商务合作 寻求报道 客服</p><p>京ICP备19004658号 京公网安备11010502030143 ©1999-2023北京创新乐知网络技术有限公司</p></div>
</body>
</html>
""",
    {'title': 'Windows 命令行下设置代理的方法', 'date': '2023-06-12', 'flags': [], 'script': 'hans',
     'encoding': 'utf-8',
     'must_contain': ['原因是命令行不会读取系统的代理设置，需要为当前窗口单独设置。',
                      'set http_proxy=http://127.0.0.1:59727\nset https_proxy=http://127.0.0.1:59727',
                      'import os\n\ndef show_proxy():\n    for key in ("http_proxy", "https_proxy"):\n'
                      '        print(key, "=", os.environ.get(key))',
                      'curl -I https://www.example.com',
                      '能返回响应头就说明代理已经生效了。'],
     'must_not_contain': ['码龄', '热门文章', '阅读量', '版权声明', '本文链接', '分类专栏', '登录后复制',
                          '点赞', '打赏', '感谢分享', '路过的风', 'Linux 终端设置代理', 'ICP', '\n1\n2\n']},
)

sample(
    "40-douban-short-reviews-utf8", "html", "utf-8",
    "Douban-style short-review page: the reviews are the content (div#comments of "
    "div.comment-item, each with avatar, 有用 votes, user name, 看过, star rating, time and "
    "place, the review in span.short), tabs 看过 / 想看, a paginator, the film's cast and facts "
    "in the aside: the reviews stay in order, the cast list goes, flag thread",
    """<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>山海之间 短评</title></head>
<body>
<div id="db-global-nav" class="global-nav"><div class="bd"><div class="top-nav-info"><a href="/login" class="nav-login">登录/注册</a></div><div class="global-nav-items"><ul><li><a href="/">豆瓣</a></li><li><a href="/book">读书</a></li><li class="on"><a href="/movie">电影</a></li><li><a href="/music">音乐</a></li></ul></div></div></div>
<div id="wrapper">
<div id="content">
<h1>山海之间 短评</h1>
<div class="grid-16-8 clearfix">
<div class="article">
<div class="clearfix Comments-hd"><ul class="fleft CommentTabs"><li class="is-active"><span>看过(12345)</span></li><li><a href="?status=F">想看(6789)</a></li></ul></div>
<div class="comment-filter"><label><input type="radio" checked>热门</label> <label><input type="radio">最新</label> <label><input type="radio">好友</label></div>
<div class="mod-bd" id="comments">
<div class="comment-item" data-cid="3501"><div class="avatar"><a title="晚风" href="/people/a1/"><img src="/u1.jpg" width="48" height="48"></a></div>
<div class="comment"><h3><span class="comment-vote"><span class="votes vote-count">1203</span> <a class="j a_show_login" href="#">有用</a></span><span class="comment-info"><a href="/people/a1/">晚风</a> <span>看过</span> <span class="allstar50 rating" title="力荐"></span> <span class="comment-time" title="2023-07-15 21:03:11">2023-07-15 21:03:11</span> <span class="comment-location">北京</span></span></h3>
<p class="comment-content"><span class="short">山和海都拍得很克制，真正动人的是父女俩在渡口那场不说话的戏，两个人各自看着海面，比任何台词都有力量。</span></p></div></div>
<div class="comment-item" data-cid="3502"><div class="avatar"><a title="青柠不加冰" href="/people/a2/"><img src="/u2.jpg" width="48" height="48"></a></div>
<div class="comment"><h3><span class="comment-vote"><span class="votes vote-count">856</span> <a class="j a_show_login" href="#">有用</a></span><span class="comment-info"><a href="/people/a2/">青柠不加冰</a> <span>看过</span> <span class="allstar40 rating" title="推荐"></span> <span class="comment-time" title="2023-07-16 09:45:02">2023-07-16 09:45:02</span> <span class="comment-location">上海</span></span></h3>
<p class="comment-content"><span class="short">前半段节奏有点慢，后半段渐入佳境，配乐加分，结尾那首民谣听完久久不能平静。</span></p></div></div>
<div class="comment-item" data-cid="3503"><div class="avatar"><a title="小岛" href="/people/a3/"><img src="/u3.jpg" width="48" height="48"></a></div>
<div class="comment"><h3><span class="comment-vote"><span class="votes vote-count">402</span> <a class="j a_show_login" href="#">有用</a></span><span class="comment-info"><a href="/people/a3/">小岛</a> <span>看过</span> <span class="allstar30 rating" title="还行"></span> <span class="comment-time" title="2023-07-18 22:10:40">2023-07-18 22:10:40</span> <span class="comment-location">广东</span></span></h3>
<p class="comment-content"><span class="short">演员都在线，可惜剧本太想面面俱到，支线太多，反而冲淡了主线的感情。</span></p></div></div>
<div class="comment-item" data-cid="3504"><div class="avatar"><a title="阿远" href="/people/a4/"><img src="/u4.jpg" width="48" height="48"></a></div>
<div class="comment"><h3><span class="comment-vote"><span class="votes vote-count">317</span> <a class="j a_show_login" href="#">有用</a></span><span class="comment-info"><a href="/people/a4/">阿远</a> <span>看过</span> <span class="allstar50 rating" title="力荐"></span> <span class="comment-time" title="2023-07-20 12:31:09">2023-07-20 12:31:09</span> <span class="comment-location">四川</span></span></h3>
<p class="comment-content"><span class="short">带爸妈一起去看的，散场的时候我爸说了一句“拍得跟咱老家一样”，就冲这句话也值了。</span></p></div></div>
</div>
<div id="paginator" class="center"><span class="prev">&lt; 前页</span> <a href="?start=20" class="next">后页 &gt;</a></div>
</div>
<div class="aside"><div class="movie-summary"><h2>山海之间</h2><span class="attrs">导演: 林一舟 / 编剧: 林一舟 / 周禾 / 主演: 陈默 / 许晴川 / 王小满 / 类型: 剧情 / 家庭 / 制片国家/地区: 中国大陆 / 语言: 汉语普通话 / 上映: 2023-07-14 / 片长: 118分钟</span></div><div class="rating_wrap"><strong class="rating_num">7.6</strong><span>12345人评价</span></div></div>
</div>
</div>
</div>
<div id="footer"><span class="fleft gray-link">© 2005－2023 douban.com, all rights reserved</span> <span class="fright"><a href="/about">关于豆瓣</a> · <a href="/jobs">在豆瓣工作</a> · <a href="/contact">联系我们</a></span></div>
</body>
</html>
""",
    {'title': '山海之间 短评', 'date': '', 'flags': ['thread'], 'script': 'hans', 'encoding': 'utf-8',
     'must_contain': ['真正动人的是父女俩在渡口那场不说话的戏，两个人各自看着海面，比任何台词都有力量。',
                      '结尾那首民谣听完久久不能平静。',
                      '支线太多，反而冲淡了主线的感情。',
                      '就冲这句话也值了。'],
     'must_not_contain': ['导演', '主演', '片长', '12345人评价', '前页', '后页', '想看', '热门', '登录',
                          '关于豆瓣', 'all rights reserved', '有用', '晚风', '青柠不加冰', '看过', '力荐',
                          '2023-07-15 21:03:11', '北京', '1203']},
)


sample(
    "41-tieba-thread-gbk", "html", "gbk",
    "Tieba-style thread in GBK: core_title h3, posts in div.l_post with the author column "
    "(p_author_name, 初级粉丝 badge, level), the text in div.d_post_content inside <cc>, the "
    "tail (N楼, time, 回复) and a 楼中楼 reply box, a 贴吧 ad post between floors, a pager and "
    "a 发表回复 box: every post in order, the 楼中楼 reply after its floor without the replier's "
    "name and time, no per-post chrome, flag thread",
    """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>家里的绿萝叶子发黄怎么办？_绿植吧_百度贴吧</title>
</head>
<body>
<div id="head" class="search_top"><a href="/">贴吧</a> <a href="/f?kw=绿植">进入绿植吧</a> <a href="/login">登录</a> <a href="/reg">注册</a></div>
<div class="content"><div class="left_section">
<div class="core_title_wrap_bright clearfix"><h3 class="core_title_txt pull-left text-overflow" title="家里的绿萝叶子发黄怎么办？">家里的绿萝叶子发黄怎么办？</h3><ul class="core_title_btns"><li><a class="j_lzl_p">只看楼主</a></li><li><a>收藏</a></li><li><a>回复</a></li></ul></div>
<div class="p_postlist" id="j_p_postlist">
<div class="l_post j_l_post l_post_bright noborder" data-field='{"author":{"user_name":"阳台小花园"}}'>
<div class="d_author"><ul class="p_author"><li class="icon"><img src="/a1.jpg" width="80" height="80"></li><li class="d_name"><a class="p_author_name j_user_card">阳台小花园</a></li><li class="l_badge"><div class="d_badge_title">初级粉丝</div><div class="d_badge_lv">3</div></li></ul></div>
<div class="d_post_content_main d_post_content_firstfloor"><div class="p_content"><cc><div id="post_content_101" class="d_post_content j_d_post_content">养了一年的绿萝，最近下面的叶子一片接一片地发黄，浇水是一周一次，放在客厅靠窗的位置。请问是水浇多了还是缺肥了？</div><br></cc></div>
<div class="core_reply j_lzl_wrapper"><div class="core_reply_tail clearfix"><ul class="p_tail"><li><span>1楼</span></li><li><span>2023-05-02 10:11</span></li></ul><div class="j_lzl_r p_reply"><a class="lzl_link_unfold">回复</a></div></div></div></div>
</div>
<div class="l_post j_l_post l_post_bright" data-field='{"author":{"user_name":"老园丁"}}'>
<div class="d_author"><ul class="p_author"><li class="icon"><img src="/a2.jpg" width="80" height="80"></li><li class="d_name"><a class="p_author_name j_user_card">老园丁</a></li><li class="l_badge"><div class="d_badge_title">吧主</div><div class="d_badge_lv">12</div></li></ul></div>
<div class="d_post_content_main"><div class="p_content"><cc><div id="post_content_102" class="d_post_content j_d_post_content">下面的老叶子发黄是正常代谢，剪掉就行。如果新叶也黄，多半是浇水太勤，盆土一直是湿的，根有点闷坏了。<br>等表面两三厘米的土干了再浇，一个月施一次稀薄的液肥就够了。</div><br></cc></div>
<div class="core_reply j_lzl_wrapper"><div class="core_reply_tail clearfix"><ul class="p_tail"><li><span>2楼</span></li><li><span>2023-05-02 10:32</span></li></ul><div class="j_lzl_r p_reply"><a class="lzl_link_unfold">回复(2)</a></div></div>
<div class="j_lzl_container core_reply_wrapper"><ul class="j_lzl_m_w"><li class="lzl_single_post"><a class="lzl_p_p">阳台小花园</a>: <span class="lzl_content_main">谢谢，我去摸摸土</span><span class="lzl_time">2023-5-2 10:40</span></li></ul></div></div></div>
</div>
<div class="l_post l_post_bright j_l_post clearfix tb_ad_post"><div class="d_post_content_main"><div class="p_content"><a href="https://ad.example.com/x">【广告】花卉营养土限时特价，点击抢购</a></div></div></div>
<div class="l_post j_l_post l_post_bright" data-field='{"author":{"user_name":"绿手指"}}'>
<div class="d_author"><ul class="p_author"><li class="icon"><img src="/a3.jpg" width="80" height="80"></li><li class="d_name"><a class="p_author_name j_user_card">绿手指</a></li><li class="l_badge"><div class="d_badge_title">活跃吧友</div><div class="d_badge_lv">7</div></li></ul></div>
<div class="d_post_content_main"><div class="p_content"><cc><div id="post_content_103" class="d_post_content j_d_post_content">还有一种可能是光照太强，靠窗的话夏天中午的直射光会把叶子晒黄，挪到散射光的地方试试。</div><br></cc></div>
<div class="core_reply j_lzl_wrapper"><div class="core_reply_tail clearfix"><ul class="p_tail"><li><span>3楼</span></li><li><span>2023-05-02 11:05</span></li></ul><div class="j_lzl_r p_reply"><a class="lzl_link_unfold">回复</a></div></div></div></div>
</div>
<div class="l_post j_l_post l_post_bright" data-field='{"author":{"user_name":"阳台小花园"}}'>
<div class="d_author"><ul class="p_author"><li class="icon"><img src="/a1.jpg" width="80" height="80"></li><li class="d_name"><a class="p_author_name j_user_card">阳台小花园</a></li><li class="l_badge"><div class="d_badge_title">初级粉丝</div><div class="d_badge_lv">3</div></li></ul></div>
<div class="d_post_content_main"><div class="p_content"><cc><div id="post_content_104" class="d_post_content j_d_post_content">好的，已经挪开了，顺便把黄叶都剪了，过两周再来汇报。</div><br></cc></div>
<div class="core_reply j_lzl_wrapper"><div class="core_reply_tail clearfix"><ul class="p_tail"><li><span>4楼</span></li><li><span>2023-05-02 12:20</span></li></ul><div class="j_lzl_r p_reply"><a class="lzl_link_unfold">回复</a></div></div></div></div>
</div>
</div>
<div class="pb_footer"><div class="l_thread_info"><ul class="l_posts_num"><li class="l_pager pager_theme_4"><span class="tP">1</span> <a href="?pn=2">2</a> <a href="?pn=2">下一页</a> <a href="?pn=5">尾页</a></li><li class="l_reply_num">4回复贴，共1页</li></ul></div></div>
<div class="edui-container"><div class="poster_head">发表回复</div><div class="poster_body"><span class="tb_poster_placeholder">发贴请遵守贴吧协议及“七条底线”</span><a class="poster_submit">发 表</a></div></div>
</div>
<div class="right_section"><div class="region_bright"><h4 class="region_title">绿植吧</h4><p>关注：125,312 贴子：2,345,678</p><a class="j_sign">签到</a></div><div class="region_bright"><h4 class="region_title">贴吧热议榜</h4><ul><li><a href="/t/1">多肉徒长了怎么办</a></li><li><a href="/t/2">龟背竹为什么不开背</a></li></ul></div></div>
</div>
<div class="footer">&copy;2023 Baidu 贴吧协议 | 隐私政策 | 吧主制度 | 意见反馈 | 网络谣言警示</div>
</body>
</html>
""",
    {'title': '家里的绿萝叶子发黄怎么办？', 'date': '2023-05-02', 'flags': ['thread'], 'script': 'hans',
     'encoding': 'gb18030',
     'must_contain': ['养了一年的绿萝，最近下面的叶子一片接一片地发黄，浇水是一周一次，放在客厅靠窗的位置。',
                      '下面的老叶子发黄是正常代谢，剪掉就行。',
                      '等表面两三厘米的土干了再浇，一个月施一次稀薄的液肥就够了。',
                      '挪到散射光的地方试试。',
                      '谢谢，我去摸摸土',
                      '好的，已经挪开了，顺便把黄叶都剪了，过两周再来汇报。'],
     'must_not_contain': ['只看楼主', '初级粉丝', '吧主', '活跃吧友', '1楼', '2023-05-02 10:11', '回复(2)',
                          '2023-5-2 10:40',
                          '花卉营养土', '广告', '下一页', '发表回复', '七条底线', '签到', '热议榜', '多肉徒长',
                          '隐私政策', '老园丁', '绿手指']},
)


# --------------------------------------------------------------------------------------------
# 42: a portal story whose container also holds its neighbours, in GBK.
sample(
    "42-portal-next-story-gbk", "html", "gbk",
    "portal news story in GBK whose article container also holds its neighbours: a 本文原标题 "
    "line, a 延伸 · 推荐 box (headline link and teaser) inside the text, the 编辑 X 校对 Y staff "
    "line, 点击进入专题 and 返回…，查看更多 calls, 责任编辑 line, then a quoted next story "
    "(headline over a teaser ending in …) and a second h1 story with its own dateline, as "
    "infinite-scroll templates append it: only the first story is text",
    """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>老旧小区加装电梯提速 今年计划开工三百台_新闻中心_某某网</title>
<meta name="keywords" content="加装电梯,老旧小区">
</head>
<body>
<div class="ne_wrap"><div class="N-nav-channel"><a href="/">首页</a><a href="/news/">新闻</a><a href="/sports/">体育</a><a href="/ent/">娱乐</a><a href="/money/">财经</a></div></div>
<div class="post_content_main" id="epContentLeft">
<h1>老旧小区加装电梯提速 今年计划开工三百台</h1>
<div class="post_time_source">2023-06-12 08:35:21　来源: <a id="ne_article_source" href="#">城南晚报</a></div>
<div class="post_body">
<div class="post_text" id="endText">
<p>本文原标题：《电梯来了！今年三百台》</p>
<p>　　记者从市住建局获悉，今年全市计划为老旧小区加装电梯三百台，比去年多出一百台，目前已有一百二十台完成审批。</p>
<p>　　“以前买一次菜要在楼梯上歇三回。”家住城南小区六楼的王阿姨说，电梯通了以后，她每天都能下楼散步。</p>
<p class="f_center"><img src="http://img.example.com/2023/0612/dianti.jpg" alt="" width="600"><br>城南小区新装的电梯</p>
<p>　　市住建局相关负责人介绍，加装电梯的费用由政府补贴一部分，其余由业主按楼层分摊，低楼层住户出资较少。</p>
<div class="special_tag_wrap"><div class="special_tag special_tag_tj">
<div class="special_tag_ttl">延伸 · 推荐</div>
<div class="special_tag_cnt"><p><a href="http://news.example.com/23/0601/a.html">加装电梯谁来出钱？多地出台分摊指导意见</a></p>
<p>近日，多个城市出台老旧小区加装电梯费用分摊指导意见，明确按楼层和面积分摊，引导业主协商。</p></div>
</div></div>
<p>　　为了减少施工对居民出行的影响，今年起审批和施工将分批进行，每栋楼的工期控制在两个月以内。</p>
<p>　　该负责人表示，下一步还将推广装配式电梯井道，进一步缩短工期、降低噪音。</p>
<p>编辑 陈晓 校对 刘芳</p>
<p>点击进入专题：</p>
<p><a href="http://www.example.com/">返回城南网，查看更多</a></p>
<p class="ep-editor">责任编辑：王立新_NN1234</p>
<blockquote><p>小区停车难有新解 错时共享车位上线</p>
<p>今年以来，城南多个小区与周边单位签订错时停车协议，夜间开放单位车位供居民停放，白天居民车辆驶离…</p></blockquote>
<h1>夏季用电高峰将至 电网迎峰度夏准备就绪</h1>
<div class="post_time_source">2023-06-12 09:10:05　来源: 城南日报</div>
<p>　　随着气温升高，全市用电负荷持续攀升，供电公司已完成变电站检修，并组建了二十支抢修队伍。</p>
<p>　　供电公司提醒市民，高温时段空调温度不宜设得过低，以免线路过载。</p>
</div>
</div>
<div class="post_btns"><a class="post_btn_share">分享到：</a><a>微信</a><a>微博</a></div>
</div>
<div class="post_comment"><div class="tie-titlebar">跟贴 <span>128</span> 条</div><div class="tie-cnt">网友评论：电梯装得好，老人们都高兴。</div></div>
<div class="ns_area list"><h2>热点新闻</h2><ul><li><a href="/1.html">暑期旅游预订升温</a></li><li><a href="/2.html">城南新开一家图书馆</a></li></ul></div>
<div class="N-nav-bottom">关于我们 | 联系我们 | 网站地图 ICP备案号：京ICP备12345678号</div>
</body>
</html>
""",
    {'title': '老旧小区加装电梯提速 今年计划开工三百台', 'date': '2023-06-12', 'flags': [],
     'script': 'hans', 'encoding': 'gb18030',
     'must_contain': ['记者从市住建局获悉，今年全市计划为老旧小区加装电梯三百台，',
                      '她每天都能下楼散步。',
                      '其余由业主按楼层分摊，低楼层住户出资较少。',
                      '每栋楼的工期控制在两个月以内。',
                      '进一步缩短工期、降低噪音。'],
     'must_not_contain': ['本文原标题', '延伸', '推荐', '谁来出钱', '多个城市出台', '编辑', '校对', '陈晓',
                          '点击进入专题', '返回城南网', '查看更多', '王立新', '停车难', '错时停车',
                          '夏季用电高峰', '用电负荷', '供电公司', '分享到', '跟贴', '网友评论', '热点新闻',
                          '暑期旅游', 'ICP', '城南小区新装的电梯']},
)

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
