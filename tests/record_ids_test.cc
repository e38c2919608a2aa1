// Record ids and provenance (docs/record-schema.md): ids unique within a run and stable across
// runs for files in folders, JSONL lines and WARC records; content_hash and fetched_at.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "qingxi/hash.h"
#include "qingxi/record.h"
#include "test_util.h"

namespace qingxi {
namespace {

using testing::BinaryPath;
using testing::RunCommand;
using testing::TempDir;

// Writes a file, creating its folders.
void WriteFile(const std::string& path, const std::string& data) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  testing::WriteFile(path, data);
}

std::vector<Record> Parse(const std::string& out) { return testing::ParseRecords(out); }

std::string Page(const std::string& body) {
  return "<html><head><meta charset=\"utf-8\"></head><body><article><p>" + body + "</p></article></body></html>";
}

TEST(RecordIds, SameNamedFilesInDifferentFoldersGetDifferentStableIds) {
  const std::string dir = TempDir();
  WriteFile(dir + "/site/a/index.html", Page("第一个栏目首页的正文内容，介绍本地新闻。"));
  WriteFile(dir + "/site/b/index.html", Page("第二个栏目首页的正文内容，介绍体育赛事。"));
  WriteFile(dir + "/site/b/index.htm", Page("同名不同扩展名的页面，内容也不相同。"));
  WriteFile(dir + "/site/c.txt", "一个纯文本文件的正文内容。");
  std::string out, again, direct;
  ASSERT_EQ(RunCommand("cd " + dir + " && " + BinaryPath() + " clean -q site/", &out), 0);
  ASSERT_EQ(RunCommand("cd " + dir + " && " + BinaryPath() + " clean -q --threads 1 site", &again), 0);
  auto recs = Parse(out);
  ASSERT_EQ(recs.size(), 4u);
  std::set<std::string> ids;
  for (const auto& r : recs) {
    EXPECT_FALSE(r.id.empty());
    EXPECT_TRUE(ids.insert(r.id).second) << "shared id " << r.id;
  }
  // Paths relative to the folder named, without the extension; a repeat gets ~2.
  EXPECT_TRUE(ids.count("a/index"));
  EXPECT_TRUE(ids.count("b/index"));    // site/b/index.htm, first in byte order
  EXPECT_TRUE(ids.count("b/index~2"));  // site/b/index.html
  EXPECT_TRUE(ids.count("c"));
  EXPECT_EQ(out, again);  // stable across runs (and "site/" names the same folder as "site")
  // Folders named one by one, and files named themselves: their names, made unique in order.
  std::string folders;
  ASSERT_EQ(RunCommand("cd " + dir + " && " + BinaryPath() + " clean -q site/a site/b", &folders), 0);
  auto f = Parse(folders);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].id, "index");
  EXPECT_EQ(f[1].id, "index~2");
  EXPECT_EQ(f[2].id, "index~3");
  ASSERT_EQ(RunCommand("cd " + dir + " && " + BinaryPath() + " clean -q ./site/a/index.html site/b/../b/index.html",
                       &direct), 0);
  auto d = Parse(direct);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].id, "index");
  EXPECT_EQ(d[1].id, "index~2");
  // Sharded runs give every record the id it has in the whole run.
  std::string s0, s1;
  ASSERT_EQ(RunCommand("cd " + dir + " && " + BinaryPath() + " clean -q --shard 0/2 --out s site/a site/b && cat s/part-0.jsonl", &s0), 0);
  ASSERT_EQ(RunCommand("cd " + dir + " && " + BinaryPath() + " clean -q --shard 1/2 --out s site/a site/b && cat s/part-1.jsonl", &s1), 0);
  std::set<std::string> sharded;
  for (const auto& r : Parse(s0 + s1)) sharded.insert(r.id);
  EXPECT_EQ(sharded, (std::set<std::string>{"index", "index~2", "index~3"}));
  // content_hash: FNV-1a 64 of the clean text.
  EXPECT_NE(out.find("\"content_hash\":\"" + Fnv1a64Hex(recs[0].text) + "\""), std::string::npos);
}

TEST(RecordIds, JsonlLinesWithoutIdsAreNumberedByFileAndLine) {
  const std::string dir = TempDir();
  WriteFile(dir + "/x/in.jsonl", "{\"text\":\"第一行的正文内容。\"}\n{\"text\":\"第二行的正文内容。\"}\n");
  WriteFile(dir + "/y/in.jsonl", "{\"text\":\"另一个文件的正文内容。\"}\n");
  std::string out;
  ASSERT_EQ(RunCommand("cd " + dir + " && " + BinaryPath() + " clean -q x/in.jsonl y/in.jsonl", &out), 0);
  auto recs = Parse(out);
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[0].id, "in-1");
  EXPECT_EQ(recs[1].id, "in-2");
  EXPECT_EQ(recs[2].id, "in-1~2");
}

// A WARC response record for `url` fetched at `date`.
std::string WarcRecord(const std::string& url, const std::string& date, const std::string& uuid,
                       const std::string& html) {
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
                     std::to_string(html.size()) + "\r\n\r\n" + html;
  return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + url + "\r\nWARC-Date: " + date +
         "\r\nWARC-Record-ID: <urn:uuid:" + uuid + ">\r\nContent-Type: application/http; msgtype=response\r\n"
         "Content-Length: " + std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
}

TEST(RecordIds, OneUrlFetchedTwiceAfterAChangeGivesTwoRecordsWithTheirFetchTimes) {
  const std::string dir = TempDir();
  const std::string url = "http://news.example.test/2024/0318/a.html";
  WriteFile(dir + "/crawl.warc",
            WarcRecord(url, "2024-03-18T08:00:00Z", "6f1a3c1e-0000-4000-8000-000000000001",
                       Page("地铁6号线一期工程今日开通试运营，沿线市民纷纷体验。")) +
                WarcRecord(url, "2024-03-19T08:00:00Z", "6f1a3c1e-0000-4000-8000-000000000002",
                           Page("地铁6号线一期工程今日开通试运营，沿线市民纷纷体验。更新：首日客流超过十万人次。")) +
                WarcRecord(url, "2024-03-19T08:00:00Z", "6f1a3c1e-0000-4000-8000-000000000003",
                           Page("地铁6号线一期工程今日开通试运营，沿线市民纷纷体验。更新：首日客流超过十万人次。")));
  std::string out, again;
  ASSERT_EQ(RunCommand(BinaryPath() + " clean -q " + dir + "/crawl.warc", &out), 0);
  ASSERT_EQ(RunCommand(BinaryPath() + " clean -q --threads 1 " + dir + "/crawl.warc", &again), 0);
  EXPECT_EQ(out, again);
  auto recs = Parse(out);
  ASSERT_EQ(recs.size(), 3u);
  std::set<std::string> ids;
  for (const auto& r : recs) {
    EXPECT_EQ(r.url, url);
    EXPECT_EQ(r.id.size(), 16u);
    EXPECT_TRUE(ids.insert(r.id).second) << "shared id " << r.id;
  }
  EXPECT_EQ(recs[0].fetched_at, "2024-03-18T08:00:00Z");
  EXPECT_EQ(recs[1].fetched_at, "2024-03-19T08:00:00Z");
  // The changed page has another content hash; the repeated fetch the same one.
  EXPECT_NE(Fnv1a64Hex(recs[0].text), Fnv1a64Hex(recs[1].text));
  EXPECT_EQ(Fnv1a64Hex(recs[1].text), Fnv1a64Hex(recs[2].text));
  EXPECT_NE(out.find("\"fetched_at\":\"2024-03-19T08:00:00Z\""), std::string::npos);
}

TEST(RecordIds, JsonFormCarriesProvenanceFieldsInAFixedOrder) {
  Record r;
  r.id = "0123456789abcdef";
  r.source = "http://a.test/x";
  r.url = "http://a.test/x";
  r.fetched_at = "2024-03-18T08:00:00Z";
  r.text = "正文。";
  const std::string line = ToJsonLine(r);
  EXPECT_EQ(line.find("{\"id\":\"0123456789abcdef\",\"source\":\"http://a.test/x\",\"url\":\"http://a.test/x\","
                      "\"fetched_at\":\"2024-03-18T08:00:00Z\",\"title\""),
            0u) << line;
  EXPECT_NE(line.find("\"content_hash\":\"" + Fnv1a64Hex("正文。") + "\",\"text\":"), std::string::npos) << line;
  auto back = FromJsonLine(line);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->fetched_at, r.fetched_at);
  r.error = "decode: broken";
  EXPECT_EQ(ToJsonLine(r).find("content_hash"), std::string::npos);
}

}  // namespace
}  // namespace qingxi
