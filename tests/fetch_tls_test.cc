// HTTPS against a real server: Debian's nginx on loopback with a certificate signed by a CA the
// test makes (tests/servers/make_test_ca.sh), HTTP/2 and HTTP/1.1 offered by ALPN. Checks that
// pages come over both protocols when the CA is trusted (FetchOptions::ca_file, `--cacert`), and
// that an untrusted certificate is reported as a TLS failure naming the host and --cacert — for
// the pages and in place of "robots.txt unavailable" — by the fetcher, `qingxi fetch` (summary
// and --stats) and `qingxi crawl`, whose database keeps the cause (`--status`) and whose next
// run with --cacert fetches the page at once. Skipped, saying so, without nginx or openssl.
#include <gtest/gtest.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "fetch_test_servers.h"
#include "qingxi/fetch/fetcher.h"
#include "test_util.h"

namespace qingxi::fetch {
namespace {

using ::qingxi::testing::BinaryPath;
using ::qingxi::testing::NginxSite;
using ::qingxi::testing::ReadFile;
using ::qingxi::testing::RunCommand;
using ::qingxi::testing::TempDir;

const char kPage[] =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>加密传输的通知</title></head><body>"
    "<div class=\"content\"><p>这是一份通过加密连接传送的通知正文，内容涉及城市建设和公共服务。</p>"
    "<p>各单位要认真贯彻落实，确保各项工作按时完成，并及时报告进展情况。</p></div></body></html>\n";

class FetchTlsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    site_ = new NginxSite();
    site_->WriteSiteFile("a.html", kPage);
    site_->WriteSiteFile("b.html", kPage);
    site_->WriteSiteFile("robots.txt", "User-agent: *\nDisallow: /private/\n");
    start_rc_ = site_->UseTls(&start_error_);
    if (start_rc_ == 0) start_rc_ = site_->Start(300, &start_error_);
  }
  static void TearDownTestSuite() {
    delete site_;
    site_ = nullptr;
  }
  void SetUp() override {
    if (start_rc_ == 77)
      GTEST_SKIP() << "nginx or openssl is not installed (apt-get install nginx-light openssl); skipping";
    ASSERT_EQ(start_rc_, 0) << "HTTPS nginx did not start: " << start_error_;
  }
  static FetchOptions Options() {
    FetchOptions o;
    o.allow_private_addresses = true;  // the site is on loopback
    o.per_host_delay_ms = 0;
    o.max_retries = 0;
    return o;
  }
  // The request lines nginx logged for `path` ("GET /a.html HTTP/2.0"), waiting briefly since
  // nginx logs after the response has gone out.
  static std::vector<std::string> Requests(const std::string& path) {
    std::vector<std::string> out;
    for (int i = 0; i < 100 && out.empty(); ++i) {
      for (const std::string& l : site_->AccessLog())
        if (l.find("\"GET " + path + " ") != std::string::npos) out.push_back(l);
      if (out.empty()) usleep(20000);
    }
    return out;
  }

  static NginxSite* site_;
  static int start_rc_;
  static std::string start_error_;
};

NginxSite* FetchTlsTest::site_ = nullptr;
int FetchTlsTest::start_rc_ = -1;
std::string FetchTlsTest::start_error_;

TEST_F(FetchTlsTest, TrustedCaGivesThePageOverHttp2) {
  FetchOptions o = Options();
  o.ca_file = site_->CaFile();
  o.http2 = true;
  auto res = Fetcher(o).FetchAll({FetchRequest{site_->Url("/a.html"), "", "", 1}});
  ASSERT_TRUE(res.ok());
  const auto& r = *res;
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].error, FetchError::kNone) << r[0].error_message;
  EXPECT_EQ(r[0].status, 200);
  EXPECT_EQ(r[0].http_version, "2");
  EXPECT_NE(r[0].body.find("加密连接"), std::string::npos);
  auto lines = Requests("/a.html");
  ASSERT_FALSE(lines.empty());
  EXPECT_NE(lines.back().find("HTTP/2.0\""), std::string::npos) << lines.back();
}

TEST_F(FetchTlsTest, TrustedCaGivesThePageOverHttp11) {
  FetchOptions o = Options();
  o.ca_file = site_->CaFile();
  o.http2 = false;
  auto res = Fetcher(o).FetchAll({FetchRequest{site_->Url("/b.html"), "", "", 1}});
  ASSERT_TRUE(res.ok());
  const auto& r = *res;
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].error, FetchError::kNone) << r[0].error_message;
  EXPECT_EQ(r[0].status, 200);
  EXPECT_EQ(r[0].http_version, "1.1");
  auto lines = Requests("/b.html");
  ASSERT_FALSE(lines.empty());
  EXPECT_NE(lines.back().find("HTTP/1.1\""), std::string::npos) << lines.back();
}

TEST_F(FetchTlsTest, UntrustedCertificateIsATlsErrorNotRobotsUnavailable) {
  // The robots.txt request fails verification first; the page must say why.
  auto res = Fetcher(Options()).FetchAll({FetchRequest{site_->Url("/a.html"), "", "", 1}});
  ASSERT_TRUE(res.ok());
  const auto& r = *res;
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].error, FetchError::kTls) << FetchErrorName(r[0].error) << ": " << r[0].error_message;
  EXPECT_EQ(r[0].error_message.rfind("tls: certificate verify failed for 127.0.0.1", 0), 0u)
      << r[0].error_message;
  // Without robots.txt the page request itself fails the same way.
  FetchOptions o = Options();
  o.obey_robots = false;
  auto direct_res = Fetcher(o).FetchAll({FetchRequest{site_->Url("/a.html"), "", "", 2}});
  ASSERT_TRUE(direct_res.ok());
  const auto& direct = *direct_res;
  ASSERT_EQ(direct.size(), 1u);
  EXPECT_EQ(direct[0].error, FetchError::kTls);
  EXPECT_EQ(direct[0].error_message.rfind("tls: certificate verify failed for 127.0.0.1", 0), 0u)
      << direct[0].error_message;
}

TEST_F(FetchTlsTest, FetchCommandNamesTheCertificateProblemAndCacertFixesIt) {
  std::string dir = TempDir();
  std::string out;
  std::string base = BinaryPath() + " fetch --allow-private --delay-ms 0 --retries 0 " + site_->Url("/a.html");
  EXPECT_EQ(RunCommand("timeout 60 " + base + " -o " + dir + "/bad.warc.gz --stats " + dir + "/bad.json 2>&1", &out),
            3) << out;
  EXPECT_NE(out.find("tls: certificate verify failed for 127.0.0.1"), std::string::npos) << out;
  EXPECT_NE(out.find("see --cacert"), std::string::npos) << out;
  EXPECT_EQ(out.find("robots_unavailable"), std::string::npos) << out;
  std::string stats = ReadFile(dir + "/bad.json");
  EXPECT_NE(stats.find("\"error:tls\":1"), std::string::npos) << stats;
  EXPECT_NE(stats.find("certificate verify failed for 127.0.0.1"), std::string::npos) << stats;

  EXPECT_EQ(RunCommand("timeout 60 " + base + " --cacert " + site_->CaFile() + " -o " + dir +
                           "/good.warc.gz 2>&1", &out), 0) << out;
  std::string warc;
  ASSERT_EQ(RunCommand("zcat " + dir + "/good.warc.gz", &warc), 0);
  EXPECT_NE(warc.find("WARC-Target-URI: " + site_->Url("/a.html")), std::string::npos);

  // A --cacert file that does not exist is bad usage.
  EXPECT_EQ(RunCommand("timeout 60 " + base + " --cacert " + dir + "/none.pem -o " + dir + "/x.warc.gz 2>&1", &out),
            2) << out;
}

TEST_F(FetchTlsTest, CrawlCommandNamesTheCertificateProblemAndCacertFixesIt) {
  std::string dir = TempDir();
  std::string out;
  std::string base = BinaryPath() + " crawl --allow-private --delay-ms 0 --retries 0 --db " + dir +
                     "/crawl.sqlite -o " + dir + "/corpus.jsonl " + site_->Url("/b.html");
  EXPECT_EQ(RunCommand("timeout 60 " + base + " --stats " + dir + "/bad.json 2>&1", &out), 3) << out;
  EXPECT_NE(out.find("tls: certificate verify failed for 127.0.0.1"), std::string::npos) << out;
  EXPECT_NE(out.find("see --cacert"), std::string::npos) << out;
  EXPECT_NE(ReadFile(dir + "/bad.json").find("\"error:tls\":1"), std::string::npos);
  // The failure is an error (retried with backoff), so a fresh database fetches it with the CA.
  std::string dir2 = TempDir();
  std::string good = BinaryPath() + " crawl --allow-private --delay-ms 0 --retries 0 --db " + dir2 +
                     "/crawl.sqlite -o " + dir2 + "/corpus.jsonl --cacert " + site_->CaFile() + " " +
                     site_->Url("/b.html");
  EXPECT_EQ(RunCommand("timeout 60 " + good + " 2>&1", &out), 0) << out;
  EXPECT_NE(ReadFile(dir2 + "/corpus.jsonl").find("加密连接"), std::string::npos);
}

TEST_F(FetchTlsTest, CrawlDatabaseKeepsTheCauseAndARunWithCacertRetriesAtOnce) {
  const std::string dir = TempDir();
  const std::string base = "timeout 60 " + BinaryPath() + " crawl --allow-private --delay-ms 0 --retries 0 --db " +
                           dir + "/crawl.sqlite -o " + dir + "/corpus.jsonl " + site_->Url("/a.html");
  std::string out;
  EXPECT_EQ(RunCommand(base + " 2>&1", &out), 3) << out;
  std::string status;
  ASSERT_EQ(RunCommand(BinaryPath() + " crawl --db " + dir + "/crawl.sqlite --status", &status), 0);
  EXPECT_NE(status.find("  tls  1 URLs, e.g. " + site_->Url("/a.html") +
                        ": tls: certificate verify failed for 127.0.0.1"),
            std::string::npos)
      << status;
  EXPECT_NE(status.find("see --cacert\n"), std::string::npos) << status;
  // Without --cacert again: the URL waits out its backoff.
  EXPECT_EQ(RunCommand(base + " --stats " + dir + "/again.json 2>&1", &out), 0) << out;
  EXPECT_NE(ReadFile(dir + "/again.json").find("\"pages\":0"), std::string::npos);
  // With it: due at once, fetched, and the cause is gone.
  EXPECT_EQ(RunCommand(base + " --cacert " + site_->CaFile() + " 2>&1", &out), 0) << out;
  EXPECT_NE(out.find("1 URLs that failed under another --cacert setting are due again"), std::string::npos) << out;
  EXPECT_NE(ReadFile(dir + "/corpus.jsonl").find("加密连接"), std::string::npos);
  ASSERT_EQ(RunCommand(BinaryPath() + " crawl --db " + dir + "/crawl.sqlite --status", &status), 0);
  EXPECT_NE(status.find("failures by kind: none"), std::string::npos) << status;
}

}  // namespace
}  // namespace qingxi::fetch
