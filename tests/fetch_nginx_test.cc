// The fetch engine against a real web server: Debian's nginx serving a static test site on
// loopback (tests/servers/nginx.conf.in: etag on, gzip on, keep-alive). Checks conditional GET
// (304 from ETag and from Last-Modified, 200 once the file changes), gzip decoding, connection
// reuse (nginx logs the connection serial of each request) and robots.txt. Skipped, saying
// so, when nginx is not installed.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "fetch_test_servers.h"
#include "qingxi/fetch/fetcher.h"
#include "test_util.h"

namespace qingxi::fetch {
namespace {

using ::qingxi::testing::NginxSite;

std::string PageHtml(int i) {
  std::string p = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>第" +
                  std::to_string(i) + "页</title></head><body>";
  for (int k = 0; k < 30; ++k)
    p += "<p>这是测试站点的第" + std::to_string(i) + "页，第" + std::to_string(k) + "段。</p>";
  return p + "</body></html>\n";
}

struct AccessLine {
  std::string connection;
  std::string request;  // "GET /a.html HTTP/1.1"
  int status = 0;
  std::string if_none_match;
};

// Splits one line of the "qingxi" log_format into fields; quoted fields lose their quotes and
// nginx's \xHH escapes (it writes '"' as \x22) are undone.
std::vector<std::string> SplitLogFields(const std::string& line) {
  std::vector<std::string> fields;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    if (i >= line.size()) break;
    std::string f;
    if (line[i] == '"') {
      for (++i; i < line.size() && line[i] != '"'; ++i) {
        if (line[i] == '\\' && i + 3 < line.size() && line[i + 1] == 'x') {
          f.push_back(static_cast<char>(std::stoi(line.substr(i + 2, 2), nullptr, 16)));
          i += 3;
        } else {
          f.push_back(line[i]);
        }
      }
      ++i;
    } else {
      while (i < line.size() && line[i] != ' ') f.push_back(line[i++]);
    }
    fields.push_back(f);
  }
  return fields;
}

std::vector<AccessLine> ParseAccessLog(const std::vector<std::string>& lines) {
  std::vector<AccessLine> out;
  for (const std::string& l : lines) {
    // $msec $connection $connection_requests "$request" $status $bytes "$inm" "$ims" "$ua"
    std::vector<std::string> f = SplitLogFields(l);
    if (f.size() < 7) continue;
    AccessLine a;
    a.connection = f[1];
    a.request = f[3];
    a.status = std::atoi(f[4].c_str());
    a.if_none_match = f[6];
    out.push_back(a);
  }
  return out;
}

// nginx writes the access log line after the response has gone out, so a client can be
// faster than the log: wait (briefly) until at least `n` lines are there.
std::vector<std::string> AccessLogWithAtLeast(const NginxSite& site, size_t n) {
  std::vector<std::string> lines;
  for (int i = 0; i < 100; ++i) {
    lines = site.AccessLog();
    if (lines.size() >= n) break;
    usleep(20000);
  }
  return lines;
}

class FetchNginxTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    site_ = new NginxSite();
    for (int i = 0; i < 40; ++i)
      site_->WriteSiteFile("pages/" + std::to_string(i) + ".html", PageHtml(i));
    site_->WriteSiteFile("robots.txt", "User-agent: *\nDisallow: /private/\n");
    site_->WriteSiteFile("private/secret.html", PageHtml(999));
    site_->WriteSiteFile("doc.pdf", std::string(5000, 'p'));
    site_->WriteSiteFile("cond.html", PageHtml(1000));
    site_->WriteSiteFile("notes.txt", std::string(3000, 'n'));
    start_rc_ = site_->Start(300, &start_error_);
  }
  static void TearDownTestSuite() {
    delete site_;
    site_ = nullptr;
  }
  void SetUp() override {
    if (start_rc_ == 77)
      GTEST_SKIP() << "nginx is not installed (apt-get install nginx-light); skipping";
    ASSERT_EQ(start_rc_, 0) << "nginx did not start: " << start_error_;
  }

  static FetchOptions Options() {
    FetchOptions o;
    o.allow_private_addresses = true;  // the site is on loopback
    o.per_host_delay_ms = 0;
    o.max_per_host = 4;
    o.max_retries = 0;
    return o;
  }

  static NginxSite* site_;
  static int start_rc_;
  static std::string start_error_;
};

NginxSite* FetchNginxTest::site_ = nullptr;
int FetchNginxTest::start_rc_ = -1;
std::string FetchNginxTest::start_error_;

TEST_F(FetchNginxTest, ConditionalGetGives304UntilTheFileChanges) {
  const std::string url = site_->Url("/cond.html");
  const size_t log_before = site_->AccessLog().size();
  Fetcher fetcher(Options());
  auto first = fetcher.FetchAll({FetchRequest{url, "", "", 1}});
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->size(), 1u);
  FetchResponse f = (*first)[0];
  ASSERT_EQ(f.status, 200);
  const std::string etag = f.Header("etag"), lm = f.Header("last-modified");
  ASSERT_FALSE(etag.empty());
  ASSERT_FALSE(lm.empty());

  auto again =
      fetcher.FetchAll({FetchRequest{url, etag, lm, 2}, FetchRequest{url + "?v=lm", "", lm, 3}});
  ASSERT_TRUE(again.ok());
  ASSERT_EQ(again->size(), 2u);
  for (const auto& r : *again) {
    EXPECT_EQ(r.status, 304) << r.url;
    EXPECT_TRUE(r.not_modified);
    EXPECT_TRUE(r.body.empty());
    EXPECT_EQ(r.wire_bytes, 0u);
  }
  EXPECT_EQ(fetcher.stats().body_bytes, 0u);

  // Change the page (new content, a later mtime): the same validators now get a full 200.
  site_->WriteSiteFile("cond.html", PageHtml(1000) + "<!-- changed -->\n");
  struct utimbuf times {
    time(nullptr) + 5, time(nullptr) + 5
  };
  utime(site_->SitePath("cond.html").c_str(), &times);
  auto changed = fetcher.FetchAll({FetchRequest{url, etag, lm, 4}});
  ASSERT_TRUE(changed.ok());
  ASSERT_EQ(changed->size(), 1u);
  EXPECT_EQ((*changed)[0].status, 200);
  EXPECT_NE((*changed)[0].body.find("changed"), std::string::npos);
  EXPECT_NE((*changed)[0].Header("etag"), etag);

  int conditional = 0;
  for (const auto& a : ParseAccessLog(AccessLogWithAtLeast(*site_, log_before + 5)))
    if (a.request.find("/cond.html") != std::string::npos && a.if_none_match == etag) ++conditional;
  EXPECT_EQ(conditional, 2);
}

TEST_F(FetchNginxTest, GzipIsDecodedToTheExactFile) {
  auto r = Fetcher(Options()).FetchAll({FetchRequest{site_->Url("/pages/3.html"), "", "", 0},
                                        FetchRequest{site_->Url("/notes.txt"), "", "", 1}});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  for (const auto& x : *r) {
    ASSERT_TRUE(x.ok()) << x.url << ": " << x.error_message;
    EXPECT_EQ(x.Header("content-encoding"), "gzip") << x.url;
    EXPECT_LT(x.wire_bytes, x.body.size() / 2) << x.url;
    std::string rel = x.url.substr(x.url.find('/', 8) + 1);
    EXPECT_TRUE(x.body == ::qingxi::testing::ReadFile(site_->SitePath(rel))) << x.url;
  }
}

TEST_F(FetchNginxTest, ManyPagesOverFewReusedConnections) {
  FetchOptions o = Options();
  o.http2 = false;
  std::vector<FetchRequest> reqs;
  for (int i = 0; i < 40; ++i)
    reqs.push_back(FetchRequest{site_->Url("/pages/" + std::to_string(i) + ".html"), "", "",
                                static_cast<uint64_t>(i)});
  reqs.push_back(FetchRequest{site_->Url("/private/secret.html"), "", "", 100});
  reqs.push_back(FetchRequest{site_->Url("/missing.html"), "", "", 101});
  reqs.push_back(FetchRequest{site_->Url("/doc.pdf"), "", "", 102});
  size_t log_before = site_->AccessLog().size();
  Fetcher fetcher(o);
  auto r = fetcher.FetchAll(reqs);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), reqs.size());
  for (const auto& x : *r) {
    if (x.id < 40) {
      EXPECT_EQ(x.status, 200);
      EXPECT_TRUE(x.body == PageHtml(static_cast<int>(x.id))) << x.url;
      EXPECT_EQ(x.http_version, "1.1");
    } else if (x.id == 100) {
      EXPECT_TRUE(x.from_robots_disallow);
    } else if (x.id == 101) {
      EXPECT_EQ(x.status, 404);
      EXPECT_TRUE(x.ok());
    } else {
      EXPECT_EQ(x.error, FetchError::kContentTypeRejected);
    }
  }
  auto lines = AccessLogWithAtLeast(*site_, log_before + 43);
  std::vector<AccessLine> mine =
      ParseAccessLog({lines.begin() + static_cast<long>(log_before), lines.end()});
  std::set<std::string> connections;
  for (const auto& a : mine) {
    connections.insert(a.connection);
    EXPECT_EQ(a.request.find("/private/"), std::string::npos) << a.request;
  }
  EXPECT_EQ(mine.size(), 43u);  // robots.txt + 40 pages + 404 + pdf; never /private/
  EXPECT_LE(connections.size(), 5u) << "keep-alive connections were not reused";
}

}  // namespace
}  // namespace qingxi::fetch
