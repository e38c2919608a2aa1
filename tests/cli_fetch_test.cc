// `qingxi fetch` end to end on loopback: nginx (tests/servers/nginx.conf.in) and the fault
// server (tests/servers/fault_server.py) answer real HTTP; the WARC written is read back with
// the WARC reader and cleaned with `qingxi clean pages.warc.gz` (and from standard input),
// using each response's HTTP charset. Skipped, saying so, when nginx is not installed.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fetch_test_servers.h"
#include "qingxi/fetch/warc.h"
#include "qingxi/record.h"
#include "test_util.h"

namespace qingxi {
namespace {

using ::qingxi::testing::BinaryPath;
using ::qingxi::testing::FaultServer;
using ::qingxi::testing::NginxSite;
using ::qingxi::testing::ReadFile;
using ::qingxi::testing::ReadLines;
using ::qingxi::testing::RunCommand;
using ::qingxi::testing::TempDir;
using ::qingxi::testing::WriteFile;

std::string ArticleHtml(int i) {
  std::string p = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>新闻第" +
                  std::to_string(i) + "篇</title></head><body><nav><a href=\"/\">首页</a></nav><article>"
                  "<h1>新闻第" + std::to_string(i) + "篇</h1>";
  for (int k = 0; k < 6; ++k)
    p += "<p>这是第" + std::to_string(i) + "篇新闻的第" + std::to_string(k) +
         "段，记者从有关部门了解到，本市今年的各项工作进展顺利，群众满意度持续提升。</p>";
  return p + "</article></body></html>\n";
}

#define START_NGINX(site)                                                  \
  do {                                                                     \
    std::string err;                                                       \
    int rc = (site).Start(120, &err);                                      \
    if (rc == 77) GTEST_SKIP() << "nginx is not installed";                \
    ASSERT_EQ(rc, 0) << err;                                               \
  } while (0)

std::map<std::string, Record> Records(const std::string& jsonl) {
  std::map<std::string, Record> out;
  size_t pos = 0;
  while (pos < jsonl.size()) {
    size_t nl = jsonl.find('\n', pos);
    if (nl == std::string::npos) nl = jsonl.size();
    auto r = FromJsonLine(jsonl.substr(pos, nl - pos));
    if (r.ok()) out[r->url] = *r;
    pos = nl + 1;
  }
  return out;
}

TEST(CliFetch, WarcRoundTripThroughClean) {
  NginxSite site;
  for (int i = 0; i < 5; ++i) site.WriteSiteFile("n/" + std::to_string(i) + ".html", ArticleHtml(i));
  START_NGINX(site);
  FaultServer faults;
  std::string err;
  ASSERT_TRUE(faults.Start({}, 60, &err)) << err;

  const std::string dir = TempDir();
  std::string urls;
  for (int i = 0; i < 5; ++i) urls += site.Url("/n/" + std::to_string(i) + ".html") + "\n";
  urls += "# a comment line\n\n" + site.Url("/n/0.html") + "\n";  // a duplicate: fetched once
  urls += faults.Url("/gbk") + "\n" + faults.Url("/big5") + "\n" + site.Url("/missing.html") + "\n";
  WriteFile(dir + "/urls.txt", urls);
  std::string out;
  int rc = RunCommand(BinaryPath() + " fetch -q --allow-private --delay-ms 0 -i " + dir +
                      "/urls.txt -o " + dir + "/pages.warc.gz --stats " + dir + "/stats.json");
  EXPECT_EQ(rc, 3) << "a 404 makes the exit status 3";
  auto stats = nlohmann::json::parse(ReadFile(dir + "/stats.json"));
  EXPECT_EQ(stats["pages"], 8);
  EXPECT_EQ(stats["ok"], 7);
  EXPECT_EQ(stats["by_status"]["404"], 1);
  EXPECT_EQ(site.AccessLog().size(), 7u) << "robots.txt + 5 pages + the 404, duplicate fetched once";

  // The WARC: request and response records for every answer, digests and target URIs.
  fetch::WarcReaderOptions ro;
  ro.all_records = true;
  auto reader = fetch::WarcReader::Open(dir + "/pages.warc.gz", ro);
  ASSERT_TRUE(reader.ok());
  std::map<std::string, int> types;
  std::set<std::string> targets;
  int stored_coded = 0;
  fetch::WarcRecord rec;
  while (true) {
    auto got = (*reader)->Next(&rec);
    ASSERT_TRUE(got.ok());
    if (!*got) break;
    ++types[rec.warc_type];
    if (rec.warc_type == "response") {
      targets.insert(rec.target_uri);
      bool has_digest = false;
      for (const auto& [k, v] : rec.warc_headers) has_digest |= k == "WARC-Payload-Digest";
      EXPECT_TRUE(has_digest) << rec.target_uri;
      EXPECT_EQ(rec.ip_address, "127.0.0.1");
      // nginx gzips the pages: the archive keeps them as sent, the reader decodes them.
      if (rec.HttpHeader("Content-Encoding") == "gzip") {
        ++stored_coded;
        EXPECT_NE(rec.body.find("</html>"), std::string::npos) << rec.target_uri;
        EXPECT_TRUE(rec.notes.empty()) << rec.target_uri;
      }
    }
  }
  EXPECT_FALSE((*reader)->truncated());
  EXPECT_EQ(types["warcinfo"], 1);
  EXPECT_EQ(types["response"], 8);
  EXPECT_EQ(types["request"], 8);
  EXPECT_TRUE(targets.count(faults.Url("/gbk")));
  EXPECT_GE(stored_coded, 5) << "the five nginx pages are stored gzip-coded";

  // Cleaning the WARC: one record per 2xx response, the HTTP charset honoured.
  ASSERT_EQ(RunCommand(BinaryPath() + " clean -q " + dir + "/pages.warc.gz", &out), 0);
  auto recs = Records(out);
  EXPECT_EQ(recs.size(), 7u) << out;
  const std::string u0 = site.Url("/n/0.html");
  ASSERT_TRUE(recs.count(u0));
  EXPECT_EQ(recs[u0].title, "新闻第0篇");
  EXPECT_NE(recs[u0].text.find("群众满意度持续提升"), std::string::npos);
  EXPECT_EQ(recs[u0].source, u0);
  EXPECT_EQ(recs[u0].id.size(), 16u);
  ASSERT_TRUE(recs.count(faults.Url("/gbk")));
  EXPECT_EQ(recs[faults.Url("/gbk")].encoding.substr(0, 2), "gb");
  EXPECT_NE(recs[faults.Url("/gbk")].text.find("清洗"), std::string::npos);
  ASSERT_TRUE(recs.count(faults.Url("/big5")));
  EXPECT_NE(recs[faults.Url("/big5")].text.find("清洗"), std::string::npos) << "Big5 decoded and simplified";

  // The same WARC on standard input (a pipe: gzip members inflated on the fly).
  std::string piped;
  ASSERT_EQ(RunCommand("cat " + dir + "/pages.warc.gz | " + BinaryPath() + " clean -q -", &piped), 0);
  EXPECT_EQ(piped, out);
  std::string plain;
  ASSERT_EQ(RunCommand("zcat " + dir + "/pages.warc.gz | " + BinaryPath() + " clean -q -", &plain), 0);
  EXPECT_EQ(plain, out);

  // A second run continues the file: nothing is fetched again.
  const size_t before = site.AccessLog().size();
  RunCommand(BinaryPath() + " fetch -q --allow-private --delay-ms 0 -i " + dir + "/urls.txt -o " + dir +
             "/pages.warc.gz");
  EXPECT_EQ(site.AccessLog().size(), before) << "every URL is archived already";
}

TEST(CliFetch, ShardsBySiteIntoOutDir) {
  FaultServer a;
  std::string err;
  ASSERT_TRUE(a.Start({}, 60, &err)) << err;
  const std::string dir = TempDir();
  // Two sites on one server: 127.0.0.1 and localhost are different site keys.
  std::string urls;
  for (const char* host : {"127.0.0.1", "localhost"})
    for (int i = 0; i < 4; ++i) urls += a.Url("/page/" + std::to_string(i), host) + "\n";
  WriteFile(dir + "/urls.txt", urls);
  std::map<std::string, int> shard_of_host;
  int total = 0;
  for (int s = 0; s < 2; ++s) {
    const std::string cmd = BinaryPath() + " fetch -q --allow-private --delay-ms 0 -i " + dir +
                            "/urls.txt --shard " + std::to_string(s) + "/2 --out " + dir + "/out";
    ASSERT_EQ(RunCommand(cmd), 0);
    const std::string part = dir + "/out/part-" + std::to_string(s) + ".warc.gz";
    EXPECT_FALSE(ReadFile(dir + "/out/part-" + std::to_string(s) + ".done").empty());
    auto reader = fetch::WarcReader::Open(part);
    ASSERT_TRUE(reader.ok()) << part;
    fetch::WarcRecord rec;
    while (*(*reader)->Next(&rec)) {
      ++total;
      std::string host = rec.target_uri.substr(7, rec.target_uri.find(':', 7) - 7);
      auto [it, fresh] = shard_of_host.emplace(host, s);
      EXPECT_EQ(it->second, s) << host << " appears in two shards";
    }
    // A finished shard is not run again.
    const int requests = a.Count("/page/");
    ASSERT_EQ(RunCommand(cmd), 0);
    EXPECT_EQ(a.Count("/page/"), requests);
  }
  EXPECT_EQ(total, 8);
  EXPECT_EQ(shard_of_host.size(), 2u);
}

TEST(CliFetch, RobotsDisallowIsNeverFetched) {
  const std::string dir = TempDir();
  WriteFile(dir + "/robots.txt", "User-agent: *\nDisallow: /private/\n");
  FaultServer s;
  std::string err;
  ASSERT_TRUE(s.Start({"--robots", dir + "/robots.txt"}, 60, &err)) << err;
  std::string out;
  int rc = RunCommand(BinaryPath() + " fetch -q --allow-private --delay-ms 0 -o " + dir + "/p.warc.gz " +
                      s.Url("/page/a") + " " + s.Url("/private/b") + " --stats " + dir + "/st.json");
  EXPECT_EQ(rc, 3);
  EXPECT_EQ(s.Count("/private/"), 0);
  EXPECT_EQ(s.Count("/page/a"), 1);
  auto stats = nlohmann::json::parse(ReadFile(dir + "/st.json"));
  EXPECT_EQ(stats["disallowed"], 1);
}

// Common Crawl's WET files: "conversion" records of extracted UTF-8 text, no HTTP layer.
TEST(CliFetch, CleanReadsWetConversionRecords) {
  const std::string dir = TempDir();
  {
    auto w = fetch::WarcWriter::Open(dir + "/x.warc.wet.gz");
    ASSERT_TRUE(w.ok());
    const std::string text = "繁體中文的網頁內容經過轉換。\n第二段內容，說明這是一份測試文件。";
    ASSERT_TRUE((*w)->WriteRecord("conversion", "https://zh.example.org/a", "text/plain", text, 1700000000).ok());
  }
  std::string out;
  ASSERT_EQ(RunCommand(BinaryPath() + " clean -q " + dir + "/x.warc.wet.gz", &out), 0);
  auto recs = Records(out);
  ASSERT_EQ(recs.size(), 1u) << out;
  const Record& r = recs.begin()->second;
  EXPECT_EQ(r.url, "https://zh.example.org/a");
  EXPECT_NE(r.text.find("繁体中文的网页内容经过转换"), std::string::npos) << r.text;
}

TEST(CliFetch, UsageErrors) {
  EXPECT_EQ(RunCommand(BinaryPath() + " fetch -q http://a.example/ 2>/dev/null"), 2) << "no output";
  EXPECT_EQ(RunCommand(BinaryPath() + " fetch -q -o /dev/null 2>/dev/null"), 2) << "no URLs";
  EXPECT_EQ(RunCommand(BinaryPath() + " fetch -q --shard 1/2 -o x.warc.gz http://a.example/ 2>/dev/null"), 2);
}

}  // namespace
}  // namespace qingxi
