// What `qingxi crawl` keeps and shows of a crawl between runs, end to end on loopback servers:
// `--status [--json]` (URLs by state, due times, sites, failures by kind with an example URL and
// the stored cause) without fetching; `--recrawl-now [PATTERN]`; URLs that failed for a cause an
// option removes (a timeout, robots.txt, an unresolved name) fetched again when a later run changes
// that option; and `--follow` added on a later run, which fetches the pages of earlier runs
// again for their links — also deeper with a larger --max-depth — and only those. nginx serves
// the pages (skipped without it); the fault server answers slowly for the timeout case. The
// same on a PostgreSQL frontier (scripts/pg-test-server.sh; skipped, saying why, without it).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fetch_test_servers.h"
#include "pg_test_server.h"
#include "test_util.h"

namespace qingxi {
namespace {

using ::qingxi::testing::BinaryPath;
using ::qingxi::testing::FaultServer;
using ::qingxi::testing::NginxSite;
using ::qingxi::testing::ReadFile;
using ::qingxi::testing::RunCommand;
using ::qingxi::testing::TempDir;
using ::qingxi::testing::WriteFile;

std::string Page(int i, const std::string& links = "") {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>第" + std::to_string(i) +
         "号公告</title></head><body><article><h1>第" + std::to_string(i) + "号公告</h1><p>这是第" +
         std::to_string(i) + "号公告的正文，内容涉及城市交通和社区服务，请各单位认真贯彻落实。</p>"
         "<p>相关部门要确保各项措施按时完成，并及时向社会公布进展情况。</p></article>" + links +
         "</body></html>\n";
}

std::string Link(int i) { return "<a href=\"/p" + std::to_string(i) + ".html\">下一篇</a>"; }

class CliCrawlState : public ::testing::Test {
 protected:
  void SetUp() override {
    // A chain: p0 -> p1 -> p2 -> p3; a robots.txt keeping crawlers out of /private/.
    for (int i = 0; i < 4; ++i)
      site_.WriteSiteFile("p" + std::to_string(i) + ".html", Page(i, i < 3 ? Link(i + 1) : ""));
    site_.WriteSiteFile("private/x.html", Page(9));
    site_.WriteSiteFile("robots.txt", "User-agent: *\nDisallow: /private/\n");
    std::string err;
    const int rc = site_.Start(240, &err);
    if (rc == 77) GTEST_SKIP() << "nginx is not installed (apt-get install nginx-light); skipping";
    ASSERT_EQ(rc, 0) << err;
    dir_ = TempDir();
  }
  std::string Db() const { return dir_ + "/crawl.sqlite"; }
  // A crawl on this test's database; `args` ends the command line (redirections included).
  int Crawl(const std::string& args, std::string* out = nullptr) const {
    std::string o;
    const int rc = RunCommand("timeout 120 " + BinaryPath() + " crawl --delay-ms 0 --retries 0 --db " +
                                  Db() + " " + args + " 2>&1",
                              &o);
    if (out != nullptr) *out = o;
    return rc;
  }
  nlohmann::json Status() const {
    std::string out;
    EXPECT_EQ(RunCommand("timeout 60 " + BinaryPath() + " crawl --db " + Db() + " --status --json", &out), 0)
        << out;
    auto j = nlohmann::json::parse(out, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << out;
    return j;
  }
  // How many times nginx was asked for `path`, and the status of the last answer.
  int Requests(const std::string& path, int* last_status = nullptr) const {
    int n = 0;
    for (const std::string& l : site_.AccessLog()) {
      const size_t at = l.find("\"GET " + path + " ");
      if (at == std::string::npos) continue;
      ++n;
      if (last_status != nullptr) *last_status = std::atoi(l.c_str() + l.find("\" ", at) + 2);
    }
    return n;
  }
  int CorpusCount(const std::string& needle) const {
    const std::string corpus = ReadFile(dir_ + "/corpus.jsonl");
    int n = 0;
    for (size_t at = corpus.find(needle); at != std::string::npos; at = corpus.find(needle, at + 1)) ++n;
    return n;
  }

  NginxSite site_;
  std::string dir_;
};

TEST_F(CliCrawlState, StatusShowsStatesDueTimesSitesAndStoredCausesWithoutFetching) {
  std::string out;
  // One seed refused for its loopback address (no --allow-private) ...
  EXPECT_EQ(Crawl("-o " + dir_ + "/corpus.jsonl " + site_.Url("/p3.html"), &out), 3) << out;
  // ... then a crawl with it: two pages, one missing, one disallowed by robots.txt.
  EXPECT_EQ(Crawl("--allow-private -o " + dir_ + "/corpus.jsonl " + site_.Url("/p0.html") + " " +
                  site_.Url("/p1.html") + " " + site_.Url("/gone.html") + " " + site_.Url("/private/x.html"),
                  &out),
            0)
      << out;
  EXPECT_NE(out.find("1 URLs that failed under another --allow-private setting are due again"),
            std::string::npos)
      << out;
  // The refused seed was fetched by the run that allowed it.
  EXPECT_EQ(Requests("/p3.html"), 1);
  const size_t requests = site_.AccessLog().size();

  // --status needs no -o and fetches nothing.
  std::string text;
  ASSERT_EQ(RunCommand("timeout 60 " + BinaryPath() + " crawl --db " + Db() + " --status", &text), 0) << text;
  EXPECT_NE(text.find("crawl database " + Db() + " (schema version 2)"), std::string::npos) << text;
  EXPECT_NE(text.find("  5 URLs, 0 due now, 3 documents written\n"), std::string::npos) << text;
  EXPECT_NE(text.find("URLs by state: new=0 queued=0 fetched=3 not_modified=0 error=0 disallowed=1 "
                      "gone=1 refused=0\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("next due: the next URL is due at "), std::string::npos) << text;
  EXPECT_NE(text.find("sites by URLs:\n  127.0.0.1  5 URLs, 2 failing\n"), std::string::npos) << text;
  EXPECT_NE(text.find("sites by failing URLs:\n  127.0.0.1  2 failing of 5 URLs\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  http_404  1 URLs, e.g. " + site_.Url("/gone.html") + ": HTTP 404\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  robots_disallowed  1 URLs, e.g. " + site_.Url("/private/x.html") +
                      ": disallowed by " + site_.Url("") + "/robots.txt\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(site_.AccessLog().size(), requests) << "--status contacted the server";

  const nlohmann::json j = Status();
  EXPECT_EQ(j["urls"], 5);
  EXPECT_EQ(j["schema_version"], 2);
  EXPECT_EQ(j["by_state"]["fetched"], 3);
  ASSERT_EQ(j["next"].size(), 5u);
  EXPECT_EQ(j["next"][0]["next_due"], j["next_due"]);
  // Fetched and disallowed pages come back in a day, the missing one in 30 days.
  int64_t day = 0, month = 0;
  for (const auto& [k, v] : j["due_by_hour"].items()) day += (k == "23" ? v.get<int64_t>() : 0);
  for (const auto& [k, v] : j["due_by_day"].items()) {
    if (k == "1") day += v.get<int64_t>();
    if (k == "29" || k == "30") month += v.get<int64_t>();
  }
  EXPECT_EQ(day, 4) << j.dump();
  EXPECT_EQ(month, 1) << j.dump();
  ASSERT_EQ(j["failures"].size(), 2u) << j.dump();
  EXPECT_EQ(j["failing_sites"][0]["failing"], 2);

  // A database that does not exist is not created by looking at it.
  EXPECT_EQ(RunCommand(BinaryPath() + " crawl --db " + dir_ + "/typo.sqlite --status 2>&1", &out), 2) << out;
  EXPECT_NE(out.find("no crawl database at " + dir_ + "/typo.sqlite"), std::string::npos) << out;
  struct stat st;
  EXPECT_NE(stat((dir_ + "/typo.sqlite").c_str(), &st), 0);
  // Seeds with --status are bad usage; so is a crawl without -o.
  EXPECT_EQ(RunCommand(BinaryPath() + " crawl --db " + Db() + " --status " + site_.Url("/p0.html") + " 2>&1", &out), 2);
  EXPECT_EQ(RunCommand(BinaryPath() + " crawl --db " + Db() + " " + site_.Url("/p0.html") + " 2>&1", &out), 2);
  EXPECT_NE(out.find("-o FILE is required"), std::string::npos) << out;
}

TEST_F(CliCrawlState, RefusedCauseIsStoredAndShownByStatus) {
  std::string out;
  EXPECT_EQ(Crawl("-o " + dir_ + "/corpus.jsonl " + site_.Url("/p0.html"), &out), 3) << out;
  const nlohmann::json j = Status();
  ASSERT_EQ(j["failures"].size(), 1u) << j.dump();
  EXPECT_EQ(j["failures"][0]["kind"], "address_refused");
  EXPECT_EQ(j["failures"][0]["example"], site_.Url("/p0.html"));
  EXPECT_EQ(j["failures"][0]["cause"],
            "127.0.0.1 is a loopback, private or link-local address, refused by default — add "
            "--allow-private to fetch from it");
  EXPECT_EQ(j["by_state"]["refused"], 1);
  // A run with the same options leaves it alone (it is not due for a month).
  EXPECT_EQ(Crawl("--due -o " + dir_ + "/corpus.jsonl", &out), 0) << out;
  EXPECT_NE(out.find("nothing is due"), std::string::npos) << out;
}

TEST_F(CliCrawlState, RecrawlNowMakesMatchingUrlsDue) {
  std::string out;
  const std::string seeds = dir_ + "/seeds.txt";
  WriteFile(seeds, site_.Url("/p0.html") + "\n" + site_.Url("/p1.html") + "\n" + site_.Url("/p2.html") + "\n");
  ASSERT_EQ(Crawl("--allow-private -i " + seeds + " -o " + dir_ + "/corpus.jsonl", &out), 0) << out;
  EXPECT_EQ(Crawl("--allow-private --due -o " + dir_ + "/corpus.jsonl", &out), 0) << out;
  EXPECT_NE(out.find("nothing is due"), std::string::npos) << out;

  // A substring: one URL; nothing is fetched without -o.
  const std::string cmd = "timeout 60 " + BinaryPath() + " crawl --db " + Db();
  ASSERT_EQ(RunCommand(cmd + " --recrawl-now /p1. 2>&1", &out), 0) << out;
  EXPECT_NE(out.find("1 URLs containing '/p1.' made due now"), std::string::npos) << out;
  EXPECT_EQ(Requests("/p1.html"), 1);
  EXPECT_EQ(Status()["due"], 1);
  ASSERT_EQ(Crawl("--allow-private --due --stats " + dir_ + "/s1.json -o " + dir_ + "/corpus.jsonl", &out), 0) << out;
  EXPECT_EQ(nlohmann::json::parse(ReadFile(dir_ + "/s1.json"))["pages"], 1);
  EXPECT_EQ(Requests("/p1.html"), 2);
  EXPECT_EQ(Requests("/p0.html"), 1);

  // A glob matches the whole URL: '*/p?.html' all three, 'p?.html' none.
  ASSERT_EQ(RunCommand(cmd + " --recrawl-now 'p?.html' 2>&1", &out), 0) << out;
  EXPECT_NE(out.find("0 URLs matching the glob 'p?.html' made due now"), std::string::npos) << out;
  ASSERT_EQ(RunCommand(cmd + " --recrawl-now '*/p[0-9].html' 2>&1", &out), 0) << out;
  EXPECT_NE(out.find("0 URLs matching the glob"), std::string::npos) << out;
  // With -o the same run fetches what it made due.
  ASSERT_EQ(Crawl("--allow-private --recrawl-now '*/p?.html' --stats " + dir_ + "/s2.json -o " + dir_ +
                  "/corpus.jsonl", &out), 0) << out;
  EXPECT_NE(out.find("3 URLs matching the glob '*/p?.html' made due now"), std::string::npos) << out;
  EXPECT_EQ(nlohmann::json::parse(ReadFile(dir_ + "/s2.json"))["pages"], 3);
  // No pattern: every URL (with --status, the report follows).
  ASSERT_EQ(RunCommand(cmd + " --recrawl-now --status 2>&1", &out), 0) << out;
  EXPECT_NE(out.find("3 URLs made due now"), std::string::npos) << out;
  EXPECT_NE(out.find("  3 URLs, 3 due now"), std::string::npos) << out;
  // Nothing written twice: the pages did not change.
  EXPECT_EQ(CorpusCount("第1号公告的正文"), 1);
}

TEST_F(CliCrawlState, RobotsRefusalIsRetriedWhenARunIgnoresRobots) {
  std::string out;
  EXPECT_EQ(Crawl("--allow-private -o " + dir_ + "/corpus.jsonl " + site_.Url("/private/x.html"), &out), 0) << out;
  EXPECT_EQ(Requests("/private/x.html"), 0);
  // Given again with the same options: robots.txt still says no, nothing is asked.
  EXPECT_EQ(Crawl("--allow-private -o " + dir_ + "/corpus.jsonl " + site_.Url("/private/x.html"), &out), 0) << out;
  EXPECT_EQ(Requests("/private/x.html"), 0);
  EXPECT_EQ(Crawl("--allow-private --no-robots -o " + dir_ + "/corpus.jsonl " + site_.Url("/private/x.html"), &out), 0)
      << out;
  EXPECT_NE(out.find("1 URLs that failed under another --no-robots setting are due again"), std::string::npos) << out;
  EXPECT_EQ(Requests("/private/x.html"), 1);
  EXPECT_EQ(CorpusCount("第9号公告的正文"), 1);
  EXPECT_EQ(Status()["failures"].size(), 0u);
}

TEST_F(CliCrawlState, UnresolvedHostIsRetriedWithResolve) {
  // A name under .invalid never resolves (RFC 6761); --resolve gives it the site's address.
  const std::string port = std::to_string(site_.port());
  const std::string url = "http://news.invalid:" + port + "/p2.html";
  std::string out;
  EXPECT_EQ(Crawl("--allow-private -o " + dir_ + "/corpus.jsonl " + url, &out), 3) << out;
  const nlohmann::json j = Status();
  ASSERT_EQ(j["failures"].size(), 1u) << j.dump();
  EXPECT_EQ(j["failures"][0]["kind"], "dns");
  EXPECT_NE(j["failures"][0]["cause"].get<std::string>().find("news.invalid"), std::string::npos) << j.dump();
  EXPECT_NE(j["failures"][0]["cause"].get<std::string>().find("--resolve"), std::string::npos) << j.dump();
  EXPECT_EQ(Crawl("--allow-private --resolve news.invalid:" + port + ":127.0.0.1 -o " + dir_ + "/corpus.jsonl " + url,
                  &out), 0)
      << out;
  EXPECT_NE(out.find("1 URLs that failed under another --resolve setting are due again"), std::string::npos) << out;
  EXPECT_EQ(Requests("/p2.html"), 1);
  EXPECT_EQ(CorpusCount("第2号公告的正文"), 1);
}

TEST(CliCrawlStateTimeout, TimedOutSeedIsRetriedWhenTheTimeoutChanges) {
  FaultServer server;
  std::string err;
  ASSERT_TRUE(server.Start({}, 120, &err)) << err;
  const std::string dir = TempDir();
  const std::string base = "timeout 60 " + BinaryPath() + " crawl --allow-private --delay-ms 0 --retries 0 "
                           "--no-robots -q --db " + dir + "/crawl.sqlite -o " + dir + "/corpus.jsonl " +
                           server.Url("/slow?delay=2");
  std::string out;
  EXPECT_EQ(RunCommand(base + " --timeout 0.5 2>&1", &out), 3) << out;
  std::string status;
  ASSERT_EQ(RunCommand(BinaryPath() + " crawl --db " + dir + "/crawl.sqlite --status", &status), 0);
  EXPECT_NE(status.find("  timeout  1 URLs, e.g. " + server.Url("/slow?delay=2") + ": "), std::string::npos)
      << status;
  EXPECT_NE(status.find("raise --timeout / --connect-timeout"), std::string::npos) << status;
  // The same timeout again: the URL waits out its backoff (nothing fetched).
  EXPECT_EQ(RunCommand(base + " --timeout 0.5 --stats " + dir + "/same.json 2>&1", &out), 0) << out;
  EXPECT_EQ(nlohmann::json::parse(ReadFile(dir + "/same.json"))["pages"], 0);
  // A longer one: fetched at once.
  EXPECT_EQ(RunCommand(base + " --timeout 10 --stats " + dir + "/longer.json 2>&1", &out), 0) << out;
  EXPECT_EQ(nlohmann::json::parse(ReadFile(dir + "/longer.json"))["ok"], 1);
  ASSERT_EQ(RunCommand(BinaryPath() + " crawl --db " + dir + "/crawl.sqlite --status", &status), 0);
  EXPECT_NE(status.find("failures by kind: none"), std::string::npos) << status;
}

TEST_F(CliCrawlState, FollowOnALaterRunFollowsTheLinksOfPagesFetchedBefore) {
  std::string out;
  const std::string corpus = " -o " + dir_ + "/corpus.jsonl ";
  ASSERT_EQ(Crawl("--allow-private" + corpus + site_.Url("/p0.html"), &out), 0) << out;
  ASSERT_EQ(Requests("/p0.html"), 1);
  // --follow added: p0 is fetched again, in full (a 304 has no links), and its link followed.
  ASSERT_EQ(Crawl("--allow-private --follow --max-depth 1" + corpus + site_.Url("/p0.html"), &out), 0) << out;
  EXPECT_NE(out.find("--follow: 1 pages fetched before without following their links"), std::string::npos) << out;
  int last = 0;
  EXPECT_EQ(Requests("/p0.html", &last), 2);
  EXPECT_EQ(last, 200);
  EXPECT_EQ(Requests("/p1.html"), 1);
  EXPECT_EQ(Requests("/p2.html"), 0);
  EXPECT_EQ(CorpusCount("第0号公告的正文"), 1) << "an unchanged page is not written twice";
  EXPECT_EQ(CorpusCount("第1号公告的正文"), 1);
  // The same again: nothing to follow, nothing fetched.
  ASSERT_EQ(Crawl("--allow-private --follow --max-depth 1" + corpus + site_.Url("/p0.html"), &out), 0) << out;
  EXPECT_EQ(Requests("/p0.html"), 2);
  EXPECT_EQ(Requests("/p1.html"), 1);
  // Deeper: p1's links were never followed; p0's were.
  ASSERT_EQ(Crawl("--allow-private --follow --max-depth 3" + corpus + site_.Url("/p0.html"), &out), 0) << out;
  EXPECT_EQ(Requests("/p0.html"), 2);
  EXPECT_EQ(Requests("/p1.html", &last), 2);
  EXPECT_EQ(last, 200);
  EXPECT_EQ(Requests("/p2.html"), 1);
  EXPECT_EQ(Requests("/p3.html"), 1);
  EXPECT_EQ(CorpusCount("第3号公告的正文"), 1);
  // Another scope (--exclude): the pages are read again for their links under it.
  ASSERT_EQ(Crawl("--allow-private --follow --max-depth 3 --exclude /p3" + corpus + site_.Url("/p0.html"), &out), 0)
      << out;
  EXPECT_NE(out.find("--follow: 3 pages fetched before"), std::string::npos) << out;
  EXPECT_EQ(Requests("/p0.html"), 3);
  EXPECT_EQ(Requests("/p3.html"), 1);
}

TEST(CliCrawlStatePostgres, StatusRecrawlNowAndFollowOnALaterRun) {
  QINGXI_PG_DATABASE(uri);
  NginxSite site;
  for (int i = 0; i < 3; ++i)
    site.WriteSiteFile("p" + std::to_string(i) + ".html", Page(i, i < 2 ? Link(i + 1) : ""));
  std::string err;
  const int started = site.Start(240, &err);
  if (started == 77) GTEST_SKIP() << "nginx is not installed (apt-get install nginx-light); skipping";
  ASSERT_EQ(started, 0) << err;
  const std::string dir = TempDir();
  const std::string crawl = "timeout 120 " + BinaryPath() + " crawl --delay-ms 0 --retries 0 --db " + uri;
  auto status = [&] {
    std::string out;
    EXPECT_EQ(RunCommand("timeout 60 " + BinaryPath() + " crawl --db " + uri + " --status --json", &out), 0) << out;
    return nlohmann::json::parse(out, nullptr, false);
  };
  std::string out;
  ASSERT_EQ(RunCommand(crawl + " --allow-private -o " + dir + "/c.jsonl " + site.Url("/p0.html") + " " +
                       site.Url("/gone.html") + " 2>&1", &out), 0) << out;
  nlohmann::json j = status();
  EXPECT_EQ(j["schema_version"], 2);
  EXPECT_EQ(j["urls"], 2);
  EXPECT_EQ(j["by_state"]["fetched"], 1);
  EXPECT_EQ(j["by_state"]["gone"], 1);
  ASSERT_EQ(j["failures"].size(), 1u) << j.dump();
  EXPECT_EQ(j["failures"][0]["kind"], "http_404");
  EXPECT_EQ(j["failures"][0]["example"], site.Url("/gone.html"));
  EXPECT_EQ(j["failures"][0]["cause"], "HTTP 404");
  EXPECT_EQ(j["sites"][0]["urls"], 2);
  // --follow on a later run reads p0 again for its links.
  ASSERT_EQ(RunCommand(crawl + " --allow-private --follow --max-depth 1 -o " + dir + "/c.jsonl " +
                       site.Url("/p0.html") + " 2>&1", &out), 0) << out;
  EXPECT_NE(out.find("--follow: 1 pages fetched before"), std::string::npos) << out;
  j = status();
  EXPECT_EQ(j["urls"], 3);
  EXPECT_EQ(j["by_state"]["fetched"], 2);
  EXPECT_NE(ReadFile(dir + "/c.jsonl").find("第1号公告的正文"), std::string::npos);
  // --recrawl-now by substring, then by glob.
  ASSERT_EQ(RunCommand("timeout 60 " + BinaryPath() + " crawl --db " + uri + " --recrawl-now /p1. 2>&1", &out), 0);
  EXPECT_NE(out.find("1 URLs containing '/p1.' made due now"), std::string::npos) << out;
  EXPECT_EQ(status()["due"], 1);
  ASSERT_EQ(RunCommand("timeout 60 " + BinaryPath() + " crawl --db " + uri + " --recrawl-now '*/p?.html' 2>&1", &out), 0);
  EXPECT_NE(out.find("1 URLs matching the glob '*/p?.html' made due now"), std::string::npos) << out;
  EXPECT_EQ(status()["due"], 2);
}

}  // namespace
}  // namespace qingxi
