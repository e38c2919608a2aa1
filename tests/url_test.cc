// Tests for qingxi/fetch/url.h: RFC 3986 normalisation and resolution on real-looking URLs of
// Chinese sites, public-suffix site keys, and the address safety checks.
#include "qingxi/fetch/url.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

namespace qingxi::fetch {
namespace {

std::string Norm(std::string_view url, std::string_view base = {}) {
  Result<std::string> r = NormalizeUrl(url, base);
  return r.ok() ? r.value() : "ERROR " + r.status().message();
}

TEST(NormalizeUrl, CaseSchemeHostDefaultPortAndEmptyPath) {
  EXPECT_EQ(Norm("HTTP://News.Sina.COM.cn"), "http://news.sina.com.cn/");
  EXPECT_EQ(Norm("https://www.163.com:443/"), "https://www.163.com/");
  EXPECT_EQ(Norm("http://www.163.com:80/news/"), "http://www.163.com/news/");
  EXPECT_EQ(Norm("http://www.163.com:8080/news/"), "http://www.163.com:8080/news/");
  EXPECT_EQ(Norm("https://www.163.com:80/"), "https://www.163.com:80/");
  EXPECT_EQ(Norm("http://example.com:/a"), "http://example.com/a");
  EXPECT_EQ(Norm("http://example.com:0080/a"), "http://example.com/a");
  EXPECT_EQ(Norm("http://www.gov.cn."), "http://www.gov.cn/");
  // Path case is significant and kept.
  EXPECT_EQ(Norm("http://bbs.tianya.cn/Post-Free-1.SHTML"),
            "http://bbs.tianya.cn/Post-Free-1.SHTML");
}

TEST(NormalizeUrl, FragmentAndEmptyQuery) {
  EXPECT_EQ(Norm("https://zhuanlan.zhihu.com/p/123456#comments"),
            "https://zhuanlan.zhihu.com/p/123456");
  EXPECT_EQ(Norm("http://example.com/a?"), "http://example.com/a");
  EXPECT_EQ(Norm("http://example.com/a?#top"), "http://example.com/a");
  EXPECT_EQ(Norm("http://example.com/list.php?page=2&sort=new#x"),
            "http://example.com/list.php?page=2&sort=new");
}

TEST(NormalizeUrl, DotSegments) {
  EXPECT_EQ(Norm("http://example.com/a/b/../c/./d.html"), "http://example.com/a/c/d.html");
  EXPECT_EQ(Norm("http://example.com/../../a"), "http://example.com/a");
  EXPECT_EQ(Norm("http://example.com/a/.."), "http://example.com/");
  EXPECT_EQ(Norm("http://example.com/a/%2E%2E/b"), "http://example.com/b");
  EXPECT_EQ(Norm("http://example.com/a//b"), "http://example.com/a//b");  // kept: not equivalent
}

TEST(NormalizeUrl, PercentEncoding) {
  // Hex upper-cased; unreserved characters decoded; reserved ones kept encoded.
  EXPECT_EQ(Norm("http://example.com/%7euser/%e4%b8%ad"), "http://example.com/~user/%E4%B8%AD");
  EXPECT_EQ(Norm("http://example.com/%41%2f%3F"), "http://example.com/A%2F%3F");
  // Raw UTF-8 in a path or query (common in hrefs of Chinese sites) becomes percent-encoded.
  EXPECT_EQ(Norm("http://baike.baidu.com/item/清洗"),
            "http://baike.baidu.com/item/%E6%B8%85%E6%B4%97");
  EXPECT_EQ(Norm("https://s.weibo.com/weibo?q=新闻 联播"),
            "https://s.weibo.com/weibo?q=%E6%96%B0%E9%97%BB%20%E8%81%94%E6%92%AD");
  // Already-encoded and raw spellings are one URL.
  EXPECT_EQ(Norm("http://baike.baidu.com/item/%e6%b8%85%e6%b4%97"),
            Norm("http://baike.baidu.com/item/清洗"));
  // A stray percent sign, braces, pipes and brackets in a query.
  EXPECT_EQ(Norm("http://example.com/a?x=100%&y={1}|[2]"),
            "http://example.com/a?x=100%25&y=%7B1%7D%7C%5B2%5D");
  // "+" stays "+": it only means space in form-encoded queries, which we cannot know.
  EXPECT_EQ(Norm("http://example.com/s?q=a+b"), "http://example.com/s?q=a+b");
}

TEST(NormalizeUrl, WhitespaceAndBackslashesAsBrowsersDo) {
  EXPECT_EQ(Norm("  http://example.com/a\n/b\t.html  "), "http://example.com/a/b.html");
  EXPECT_EQ(Norm("http://example.com\\news\\2023\\1.html"), "http://example.com/news/2023/1.html");
}

TEST(NormalizeUrl, InternationalisedHostsBecomePunycode) {
  EXPECT_EQ(Norm("http://例子.中国/"), "http://xn--fsqu00a.xn--fiqs8s/");
  EXPECT_EQ(Norm("http://例子。中国/"), "http://xn--fsqu00a.xn--fiqs8s/");  // U+3002 full stop
  EXPECT_EQ(Norm("http://%E4%BE%8B%E5%AD%90.%E4%B8%AD%E5%9B%BD/"),
            "http://xn--fsqu00a.xn--fiqs8s/");
  EXPECT_EQ(Norm("http://XN--FSQU00A.XN--FIQS8S/"), "http://xn--fsqu00a.xn--fiqs8s/");
  EXPECT_EQ(Norm("http://ＷＷＷ.Example.com/"), "http://www.example.com/");  // full-width
}

TEST(NormalizeUrl, IpHosts) {
  EXPECT_EQ(Norm("http://2130706433/"), "http://127.0.0.1/");
  EXPECT_EQ(Norm("http://0x7f.1/"), "http://127.0.0.1/");
  EXPECT_EQ(Norm("http://192.168.001.1/"), "http://192.168.1.1/");  // inet_aton: 001 is octal 1
  EXPECT_EQ(Norm("http://[2001:DB8:0:0:0:0:0:1]:8080/x"), "http://[2001:db8::1]:8080/x");
  EXPECT_EQ(Norm("http://[::FFFF:10.0.0.1]/"), "http://[::ffff:10.0.0.1]/");
  EXPECT_EQ(Norm("http://1.2.3.4.5/").substr(0, 5), "ERROR");
  EXPECT_EQ(Norm("http://[fe80::1%25eth0]/").substr(0, 5), "ERROR");
}

TEST(NormalizeUrl, ResolvesRelativeReferences) {
  const char* base = "http://news.sina.com.cn/c/2023-04-18/doc-abc.shtml?from=index";
  EXPECT_EQ(Norm("doc-def.shtml", base), "http://news.sina.com.cn/c/2023-04-18/doc-def.shtml");
  EXPECT_EQ(Norm("../2023-04-19/x.shtml", base), "http://news.sina.com.cn/c/2023-04-19/x.shtml");
  EXPECT_EQ(Norm("/roll/", base), "http://news.sina.com.cn/roll/");
  EXPECT_EQ(Norm("//k.sina.com.cn/article_1.html", base), "http://k.sina.com.cn/article_1.html");
  EXPECT_EQ(Norm("?page=2", base), "http://news.sina.com.cn/c/2023-04-18/doc-abc.shtml?page=2");
  EXPECT_EQ(Norm("#comments", base),
            "http://news.sina.com.cn/c/2023-04-18/doc-abc.shtml?from=index");
  EXPECT_EQ(Norm("", base), "http://news.sina.com.cn/c/2023-04-18/doc-abc.shtml?from=index");
  EXPECT_EQ(Norm("https://www.qq.com/", base), "https://www.qq.com/");
  EXPECT_EQ(Norm("图片/1.jpg", "http://example.com/新闻/index.html"),
            "http://example.com/%E6%96%B0%E9%97%BB/%E5%9B%BE%E7%89%87/1.jpg");
  // A base that itself needs normalising.
  EXPECT_EQ(Norm("b", "HTTP://Example.COM:80/x/./a"), "http://example.com/x/b");
}

TEST(NormalizeUrl, RefusesWhatIsNotAWebUrl) {
  for (const char* bad :
       {"javascript:void(0)", "mailto:editor@example.com", "data:text/html,hi",
        "ftp://ftp.example.com/pub/", "file:///etc/passwd", "tel:+8610123456", "relative/only",
        "http://", "http:///path", "http://exa mple.com/", "http://example.com:99999/",
        "http://example.com:12a/", "http://exa<mple.com/", "weixin://dl/business",
        "http://a..b.cn/", "http://./", "http://.example.cn/"}) {
    Result<std::string> r = NormalizeUrl(bad);
    EXPECT_FALSE(r.ok()) << bad << " -> " << (r.ok() ? r.value() : "");
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
    }
  }
  EXPECT_FALSE(NormalizeUrl("a.html", "mailto:x@example.com").ok());
  EXPECT_FALSE(NormalizeUrl("http://example.com/" + std::string(kMaxUrlBytes, 'a')).ok());
}

TEST(NormalizeUrl, OtherSchemesWhenAllowed) {
  UrlOptions o;
  o.allow_other_schemes = true;
  Result<std::string> r = NormalizeUrl("FTP://Ftp.Example.com:21/pub/./a", {}, o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r.value(), "ftp://ftp.example.com/pub/a");
}

TEST(NormalizeUrl, IsIdempotent) {
  for (const char* u :
       {"HTTP://例子.中国/新闻/../a b?q=清洗#x", "http://example.com/%7e/%e4%b8%ad?a=%zz",
        "https://[::1]:443/", "http://www.qq.com:8080//x/./y/../z?"}) {
    const std::string once = Norm(u);
    ASSERT_NE(once.substr(0, 5), "ERROR") << u;
    EXPECT_EQ(Norm(once), once) << u;
  }
}

// Hostile input: random mixtures of URL syntax, UTF-8 and bytes either fail cleanly or give a
// URL that normalises to itself.
TEST(NormalizeUrl, RandomInputFailsCleanlyOrIsStable) {
  static const char* const kPieces[] = {
      "http://", "https://", "//", "/", "./",  "../",    "?",    "#",        "%",    "%2",
      "%2E",     "%zz",      "@",  ":", ":80", ":65536", "[",    "]",        "::1",  "127.0.0.1",
      "xn--",    "例子",     "。", ".", "..",  " ",      "\t",   "\\",       "a",    "B",
      "-",       "_",        "~",  "=", "&",   "+",      "\xff", "\xe4\xb8", "\x00", "cn"};
  std::mt19937 rng(20231118);
  int ok = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string in;
    const int n = 1 + static_cast<int>(rng() % 12);
    for (int j = 0; j < n; ++j) in += kPieces[rng() % (sizeof(kPieces) / sizeof(kPieces[0]))];
    Result<std::string> r = NormalizeUrl(in, i % 2 == 0 ? "http://base.example.cn/a/b" : "");
    if (!r.ok()) continue;
    ++ok;
    Result<std::string> again = NormalizeUrl(r.value());
    ASSERT_TRUE(again.ok()) << in << " -> " << r.value();
    EXPECT_EQ(again.value(), r.value()) << in;
    EXPECT_EQ(r.value().find_first_of(" \t\r\n#"), std::string::npos) << r.value();
  }
  EXPECT_GT(ok, 1000);  // the generator does produce valid URLs
}

TEST(ParseUrl, PartsOriginAndRequestTarget) {
  Result<Url> u = ParseUrl("https://User@WWW.Example.com:8443/a/b?x=1#f");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->scheme, "https");
  EXPECT_EQ(u->userinfo, "User");
  EXPECT_EQ(u->host, "www.example.com");
  EXPECT_EQ(u->port, 8443);
  EXPECT_EQ(u->path, "/a/b");
  EXPECT_EQ(u->query, "x=1");
  EXPECT_EQ(u->Origin(), "https://www.example.com:8443");
  EXPECT_EQ(u->PathAndQuery(), "/a/b?x=1");
  Result<Url> v = ParseUrl("http://[::1]/");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->host, "::1");
  EXPECT_EQ(v->port, 80);
  EXPECT_EQ(v->Origin(), "http://[::1]");
}

// ParseUrl takes a shortcut for URLs already in normal form (what the crawl store and the fetch
// command hand the fetcher). A base forces the full parse, so the two can be compared: on
// every input they must agree, part for part.
TEST(ParseUrl, NormalFormShortcutAgreesWithTheFullParse) {
  const std::string base = "http://base.example.cn/dir/";
  auto same = [&](const std::string& url) {
    Result<Url> fast = ParseUrl(url);
    Result<Url> full = ParseUrl(url, base);
    ASSERT_EQ(fast.ok(), full.ok()) << url;
    if (!fast.ok()) return;
    EXPECT_EQ(fast->spec, full->spec) << url;
    EXPECT_EQ(fast->scheme, full->scheme) << url;
    EXPECT_EQ(fast->host, full->host) << url;
    EXPECT_EQ(fast->port, full->port) << url;
    EXPECT_EQ(fast->path, full->path) << url;
    EXPECT_EQ(fast->query, full->query) << url;
    EXPECT_EQ(fast->userinfo, full->userinfo) << url;
  };
  for (const char* url :
       {"http://news.sina.com.cn/c/2012-01-12/095323789012.shtml",
        "https://www.gov.cn/zhengce/content/2024-01/05/content_6924521.htm?a=1&b=2",
        "http://h12.localhost:44009/p/12.html",
        "http://example.com:8080/a",
        "http://example.com:80/a",
        "https://example.com:443/",
        "https://example.com:80/",
        "http://example.com:0080/a",
        "http://example.com/%E6%96%B0%E9%97%BB/",
        "http://example.com/%e6%96%b0",
        "http://example.com/%41",
        "http://example.com/%7E",
        "http://example.com/a?",
        "http://example.com/a?q=%2F",
        "http://example.com",
        "http://example.com/./a",
        "http://example.com/a/../b",
        "http://example.com/a/.",
        "http://example.com/a//b",
        "http://example.com/a/..?x",
        "http://Example.com/",
        "http://example.com./",
        "http://.example.com/",
        "http://a..b/",
        "http://127.0.0.1/",
        "http://2130706433/",
        "http://0x7f.1/",
        "http://1.2.3.4.5/",
        "http://xn--fiqs8s/",
        "http://user@example.com/",
        "http://example.com/a b",
        "http://example.com/a#f",
        "http://example.com/a|b",
        "http://example.com/[x]",
        "http://example.com/?a?b/c",
        "http://example.com/a;b=c,d!$&'()*+",
        "http://_dmarc.example.com/",
        "http://-a-.com/",
        "http://example.com:65535/",
        "http://example.com:65536/",
        "http://example.com:/",
        "ftp://example.com/",
        "http://example.com/%",
        "http://example.com/%2",
        "http://example.com/%zz",
        "http://[::1]/"}) {
    same(url);
  }
  // Random URLs over an alphabet that reaches every branch of both parsers.
  std::mt19937 rnd(20261201);
  const std::vector<std::string> hosts = {"example.com", "a.b.c",    "EXAMPLE.com", "127.0.0.1",
                                          "1.2.3",       "x_y.cn",   "a",           "0x10",
                                          "b.",          "xn--p.cn", "sina.com.cn"};
  const std::string chars = "abcAZ09-._~!$&'()*+,;=:@/?%%%EF%2F%41.. #[]|\\^";
  for (int i = 0; i < 20000; ++i) {
    std::string url = rnd() % 2 ? "http://" : "https://";
    url += hosts[rnd() % hosts.size()];
    if (rnd() % 4 == 0) url += ":" + std::to_string(rnd() % 3 == 0 ? 80 : rnd() % 70000);
    if (rnd() % 8 != 0) url += "/";
    const int len = static_cast<int>(rnd() % 24);
    for (int k = 0; k < len; ++k) {
      if (rnd() % 6 == 0) {
        static const char* kPieces[] = {"%E6%96%B0", "%2F", "%3f", "%7E",   "/./",
                                        "/../",      "//",  "?",   "a.html"};
        url += kPieces[rnd() % 9];
      } else {
        url += chars[rnd() % chars.size()];
      }
    }
    same(url);
  }
}

TEST(HostOf, ReturnsNormalisedHost) {
  EXPECT_EQ(HostOf("http://News.QQ.com:8080/a"), "news.qq.com");
  EXPECT_EQ(HostOf("http://例子.中国/"), "xn--fsqu00a.xn--fiqs8s");
  EXPECT_EQ(HostOf("not a url"), "");
}

TEST(SiteKey, RegistrableDomainByPublicSuffixList) {
  EXPECT_EQ(SiteKey("http://news.sina.com.cn/c/1.shtml"), "sina.com.cn");
  EXPECT_EQ(SiteKey("https://www.gov.cn/zhengce/"), "www.gov.cn");  // gov.cn is a public suffix
  EXPECT_EQ(SiteKey("https://www.bbc.co.uk/zhongwen/simp"), "bbc.co.uk");
  EXPECT_EQ(SiteKey("https://user.github.io/blog/"), "user.github.io");  // private-section suffix
  EXPECT_EQ(SiteKey("https://a.b.user.github.io/"), "user.github.io");
  EXPECT_EQ(SiteKey("https://m.thepaper.cn/newsDetail_forward_1"), "thepaper.cn");
  EXPECT_EQ(SiteKey("https://www.hkej.com.hk/"), "hkej.com.hk");
  EXPECT_EQ(SiteKey("https://news.ltn.com.tw/news/world"), "ltn.com.tw");
  EXPECT_EQ(SiteKey("http://例子.中国/"), "xn--fsqu00a.xn--fiqs8s");
  EXPECT_EQ(SiteKey("http://127.0.0.1:8080/"), "127.0.0.1");
  EXPECT_EQ(SiteKey("http://[2001:db8::1]/"), "2001:db8::1");
  EXPECT_EQ(SiteKey("http://localhost/"), "localhost");
  EXPECT_EQ(SiteKey("http://com.cn/"), "com.cn");
  EXPECT_EQ(SiteKeyOfHost("bbs.tianya.cn"), "tianya.cn");
}

sockaddr_in V4(const char* text) {
  sockaddr_in sa{};
  sa.sin_family = AF_INET;
  EXPECT_EQ(inet_pton(AF_INET, text, &sa.sin_addr), 1) << text;
  return sa;
}
sockaddr_in6 V6(const char* text) {
  sockaddr_in6 sa{};
  sa.sin6_family = AF_INET6;
  EXPECT_EQ(inet_pton(AF_INET6, text, &sa.sin6_addr), 1) << text;
  return sa;
}

TEST(IsPublicAddress, Ipv4) {
  for (const char* bad :
       {"0.0.0.0", "10.1.2.3", "100.64.0.1", "100.127.255.254", "127.0.0.1", "127.255.0.9",
        "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.0.0.8", "192.0.2.1", "192.168.1.1",
        "198.18.0.1", "198.51.100.7", "203.0.113.9", "224.0.0.251", "239.255.255.250", "240.0.0.1",
        "255.255.255.255"}) {
    sockaddr_in sa = V4(bad);
    EXPECT_FALSE(IsPublicAddress(reinterpret_cast<sockaddr*>(&sa))) << bad;
  }
  for (const char* ok :
       {"1.1.1.1", "8.8.8.8", "101.6.6.6", "100.63.255.255", "100.128.0.1", "172.15.255.255",
        "172.32.0.1", "192.169.0.1", "223.5.5.5", "202.108.22.5", "11.0.0.1"}) {
    sockaddr_in sa = V4(ok);
    EXPECT_TRUE(IsPublicAddress(reinterpret_cast<sockaddr*>(&sa))) << ok;
  }
}

TEST(IsPublicAddress, Ipv6IncludingEmbeddedIpv4) {
  for (const char* bad :
       {"::", "::1", "fc00::1", "fd12:3456:789a::1", "fe80::1", "febf::1", "fec0::1", "ff02::1",
        "2001:db8::1", "100::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254",
        "64:ff9b::192.168.0.1", "2002:c0a8:0101::1", "::127.0.0.1"}) {
    sockaddr_in6 sa = V6(bad);
    EXPECT_FALSE(IsPublicAddress(reinterpret_cast<sockaddr*>(&sa))) << bad;
  }
  for (const char* ok : {"2400:3200::1", "2001:4860:4860::8888", "240e:83:205::1", "::ffff:8.8.8.8",
                         "64:ff9b::808:808", "2002:0808:0808::1"}) {
    sockaddr_in6 sa = V6(ok);
    EXPECT_TRUE(IsPublicAddress(reinterpret_cast<sockaddr*>(&sa))) << ok;
  }
  sockaddr other{};
  other.sa_family = AF_UNIX;
  EXPECT_FALSE(IsPublicAddress(&other));
  EXPECT_FALSE(IsPublicAddress(nullptr));
}

TEST(IsLoopbackOrPrivateHost, LiteralsInEveryFormAndLocalNames) {
  for (const char* bad : {"127.0.0.1",
                          "127.1",
                          "2130706433",
                          "0x7f000001",
                          "0177.0.0.1",
                          "0.0.0.0",
                          "10.0.0.1",
                          "192.168.0.10",
                          "169.254.169.254",
                          "[::1]",
                          "::1",
                          "[::ffff:127.0.0.1]",
                          "[fe80::1]",
                          "[fd00::2]",
                          "localhost",
                          "LOCALHOST",
                          "localhost.",
                          "app.localhost",
                          "printer.local",
                          "db.internal",
                          "nas.home.arpa",
                          "router.lan",
                          "[fe80::1%25eth0]",
                          ""}) {
    EXPECT_TRUE(IsLoopbackOrPrivateHost(bad)) << bad;
  }
  for (const char* ok : {"www.sina.com.cn", "8.8.8.8", "[2400:3200::1]", "news.qq.com",
                         "localhost.example.com", "local.163.com", "xn--fsqu00a.xn--fiqs8s"}) {
    EXPECT_FALSE(IsLoopbackOrPrivateHost(ok)) << ok;
  }
}

}  // namespace
}  // namespace qingxi::fetch
