// WARC files written by `qingxi fetch` read back by an independent reader: Webrecorder's
// warcio.js (npm package "warcio"), with every record's block digest and every response's
// payload digest recomputed and compared (tests/warcio_check.mjs). The pages come from the
// loopback nginx, gzip-coded as servers send them and stored that way. warcio is installed with
// npm into the build directory on first use; the test is skipped, saying so, when node or npm
// is missing or the npm registry cannot be reached, and when nginx is not installed.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "fetch_test_servers.h"
#include "test_util.h"

namespace qingxi {
namespace {

using ::qingxi::testing::BinaryPath;
using ::qingxi::testing::NginxSite;
using ::qingxi::testing::RunCommand;
using ::qingxi::testing::TempDir;
using ::qingxi::testing::WriteFile;

// The node_modules directory holding warcio, installing it when needed; "" with *why set
// when that is not possible here.
std::string WarcioModules(std::string* why) {
  if (RunCommand("command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1") != 0) {
    *why = "node or npm is not installed";
    return "";
  }
  const std::string prefix =
      std::filesystem::path(BinaryPath()).parent_path().string() + "/npm-warcio";
  const std::string modules = prefix + "/node_modules";
  if (!std::filesystem::exists(modules + "/warcio/dist/index.js")) {
    std::string out;
    // A fixed major version: the reader's API (WARCParser, readFully) is that of warcio 2.
    if (RunCommand("timeout 300 npm install --prefix " + prefix +
                       " --no-audit --no-fund --loglevel=error warcio@2 2>&1",
                   &out) != 0) {
      *why = "npm could not install warcio: " + out.substr(0, 200);
      return "";
    }
  }
  return modules;
}

TEST(WarcInterop, WarcioReadsFetchArchivesWithEveryDigestCorrect) {
  NginxSite site;
  constexpr int kPages = 12;
  for (int i = 0; i < kPages; ++i) {
    // Large enough for nginx to gzip (gzip_min_length 256) except every fourth page.
    const std::string body = i % 4 == 3
                                 ? "<p>短页" + std::to_string(i) + "</p>\n"
                                 : "<html><body><h1>第" + std::to_string(i) + "页</h1><p>" +
                                       std::string(300 + 97 * i, 'x') + "</p></body></html>\n";
    site.WriteSiteFile("w/" + std::to_string(i) + ".html", body);
  }
  site.WriteSiteFile("w/notes.txt", std::string(2000, 'n') + "\n");
  std::string err;
  int rc = site.Start(120, &err);
  if (rc == 77) GTEST_SKIP() << "nginx is not installed";
  ASSERT_EQ(rc, 0) << err;
  std::string why;
  const std::string modules = WarcioModules(&why);
  if (modules.empty()) GTEST_SKIP() << "warcio.js not available: " << why;

  const std::string dir = TempDir();
  const std::string base = "http://127.0.0.1:" + std::to_string(site.port()) + "/w/";
  std::string urls;
  for (int i = 0; i < kPages; ++i) urls += base + std::to_string(i) + ".html\n";
  urls += base + "notes.txt\n" + base + "missing.html\n";
  WriteFile(dir + "/urls.txt", urls);
  const std::string warc = dir + "/out.warc.gz";
  std::string out;
  rc = RunCommand(BinaryPath() + " fetch -q --allow-private --delay-ms 0 -i " + dir +
                      "/urls.txt -o " + warc + " 2>&1",
                  &out);
  ASSERT_TRUE(rc == 0 || rc == 3) << "qingxi fetch failed (" << rc << "): " << out;

  rc = RunCommand("timeout 120 node " + std::string(QINGXI_SOURCE_DIR) +
                      "/tests/warcio_check.mjs " + modules + " " + warc + " 2>&1",
                  &out);
  ASSERT_EQ(rc, 0) << out;
  nlohmann::json r = nlohmann::json::parse(out, nullptr, false);
  ASSERT_FALSE(r.is_discarded()) << out;
  EXPECT_TRUE(r["mismatches"].empty()) << r["mismatches"].dump();
  // warcinfo + a request and a response per URL (the 404 is archived too).
  EXPECT_EQ(r["records"].get<int>(), 1 + 2 * (kPages + 2));
  // Every record but the warcinfo one carries a block digest (optional in WARC 1.1 5.8).
  EXPECT_EQ(r["blocks_checked"].get<int>(), r["records"].get<int>() - 1);
  EXPECT_EQ(r["responses"].get<int>(), kPages + 2);
  EXPECT_EQ(r["payloads_checked"], r["responses"]);
  std::set<std::string> targets(r["targets"].begin(), r["targets"].end());
  EXPECT_EQ(targets.count(base + "0.html"), 1u);
  EXPECT_EQ(targets.count(base + "notes.txt"), 1u);
}

}  // namespace
}  // namespace qingxi
