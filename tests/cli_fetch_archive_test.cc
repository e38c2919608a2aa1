// `qingxi fetch --resolve` and the parallel archive: many host names mapped onto one loopback
// nginx with --resolve (FetchOptions::resolve, CURLOPT_RESOLVE), records built and compressed
// on several threads; every page is archived exactly once in a valid .warc.gz. Also the
// engine-level mapping on the fault server. Skipped, saying so, when nginx is not installed.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "fetch_test_servers.h"
#include "qingxi/fetch/fetcher.h"
#include "qingxi/fetch/warc.h"
#include "test_util.h"

namespace qingxi {
namespace {

using ::qingxi::testing::BinaryPath;
using ::qingxi::testing::FaultServer;
using ::qingxi::testing::NginxSite;
using ::qingxi::testing::RunCommand;
using ::qingxi::testing::TempDir;
using ::qingxi::testing::WriteFile;

TEST(FetchResolve, HostNamesAreMappedWithoutDns) {
  FaultServer server;
  std::string err;
  ASSERT_TRUE(server.Start({}, 60, &err)) << err;
  const std::string port = std::to_string(server.port());
  fetch::FetchOptions o;
  o.allow_private_addresses = true;
  o.per_host_delay_ms = 0;
  o.max_retries = 0;
  o.connect_timeout_ms = 3000;
  o.timeout_ms = 10000;
  // .invalid never resolves (RFC 6761 section 6.4): only the mapping can reach the server.
  o.resolve = {"alpha.invalid:" + port + ":127.0.0.1", "beta.invalid:" + port + ":127.0.0.1"};
  std::vector<fetch::FetchRequest> reqs = {
      {"http://alpha.invalid:" + port + "/page/a", "", "", 0},
      {"http://beta.invalid:" + port + "/page/b", "", "", 1},
      {"http://gamma.invalid:" + port + "/page/c", "", "", 2}};
  fetch::Fetcher fetcher(o);
  auto got = fetcher.FetchAll(reqs);
  ASSERT_TRUE(got.ok()) << got.status().message();
  std::map<uint64_t, fetch::FetchResponse> by_id;
  for (auto& r : *got) by_id[r.id] = std::move(r);
  ASSERT_EQ(by_id.size(), 3u);
  EXPECT_TRUE(by_id[0].ok()) << by_id[0].error_message;
  EXPECT_EQ(by_id[0].status, 200);
  EXPECT_EQ(by_id[0].ip, "127.0.0.1");
  EXPECT_EQ(by_id[1].status, 200);
  // Not mapped: its robots.txt cannot be fetched, so the page is not requested.
  EXPECT_FALSE(by_id[2].ok());
  EXPECT_EQ(server.Count("/page/"), 2);
  EXPECT_EQ(server.Count("/robots.txt"), 2);  // one per mapped host
  // The mapping does not switch off the address check.
  o.allow_private_addresses = false;
  fetch::Fetcher strict(o);
  auto refused = strict.FetchAll({reqs[0]});
  ASSERT_TRUE(refused.ok());
  ASSERT_EQ(refused->size(), 1u);
  EXPECT_EQ((*refused)[0].error, fetch::FetchError::kAddressRefused);
}

TEST(CliFetchArchive, ManyHostsOnSeveralArchiveThreadsAreEachArchivedOnce) {
  NginxSite site;
  constexpr int kPages = 300, kHosts = 12;
  for (int i = 0; i < kPages; ++i)
    site.WriteSiteFile("p/" + std::to_string(i) + ".html",
                       "<html><body><h1>第" + std::to_string(i) + "页</h1><p>" +
                           std::string(100 + i * 7 % 900, 'a' + i % 26) + "</p></body></html>\n");
  std::string err;
  int rc = site.Start(120, &err);
  if (rc == 77) GTEST_SKIP() << "nginx is not installed";
  ASSERT_EQ(rc, 0) << err;
  const std::string port = std::to_string(site.port());
  const std::string dir = TempDir();
  std::string urls, resolve;
  for (int i = 0; i < kPages; ++i)
    urls += "http://h" + std::to_string(i % kHosts) + ".invalid:" + port + "/p/" +
            std::to_string(i) + ".html\n";
  for (int h = 0; h < kHosts; ++h)
    resolve += " --resolve h" + std::to_string(h) + ".invalid:" + port + ":127.0.0.1";
  WriteFile(dir + "/urls.txt", urls);
  for (const char* threads : {"1", "3"}) {
    const std::string out = dir + "/pages-" + threads + ".warc.gz";
    rc = RunCommand(BinaryPath() + " fetch -q --allow-private --delay-ms 0 --per-host 4" + resolve +
                    " --archive-threads " + threads + " -i " + dir + "/urls.txt -o " + out);
    ASSERT_EQ(rc, 0) << "every page answers 200 (threads " << threads << ")";
    fetch::WarcReaderOptions all;
    all.all_records = true;
    auto reader = fetch::WarcReader::Open(out, all);
    ASSERT_TRUE(reader.ok());
    std::multiset<std::string> targets;
    std::set<std::string> ids;
    int requests = 0;
    fetch::WarcRecord rec;
    while (true) {
      auto got = (*reader)->Next(&rec);
      ASSERT_TRUE(got.ok());
      if (!*got) break;
      EXPECT_TRUE(ids.insert(rec.record_id).second);
      if (rec.warc_type == "request") ++requests;
      if (rec.warc_type != "response") continue;
      targets.insert(rec.target_uri);
      EXPECT_EQ(rec.http_status, 200);
      EXPECT_EQ(rec.ip_address, "127.0.0.1");
      const std::string n = rec.target_uri.substr(rec.target_uri.rfind('/') + 1);
      EXPECT_NE(rec.body.find("第" + n.substr(0, n.find('.')) + "页"), std::string::npos);
    }
    EXPECT_FALSE((*reader)->truncated());
    EXPECT_EQ(targets.size(), static_cast<size_t>(kPages));
    EXPECT_EQ(requests, kPages);
    for (int i = 0; i < kPages; i += 37)
      EXPECT_EQ(targets.count("http://h" + std::to_string(i % kHosts) + ".invalid:" + port +
                              "/p/" + std::to_string(i) + ".html"),
                1u);
    // A second run continues the file: everything is archived already, nothing is fetched.
    rc = RunCommand(BinaryPath() + " fetch -q --allow-private --delay-ms 0" + resolve +
                    " --archive-threads " + threads + " -i " + dir + "/urls.txt -o " + out);
    EXPECT_EQ(rc, 0);
  }
}

}  // namespace
}  // namespace qingxi
