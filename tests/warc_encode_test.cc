// WarcWriter::EncodeExchange / AppendEncoded: exchanges encoded on several threads at once and
// appended in batches make the same valid file as WriteExchange — one gzip member per record,
// unique record IDs, correct digests — readable by the WARC reader and by gzip.
#include <gtest/gtest.h>
#include <zlib.h>

#include <set>
#include <string>
#include <thread>
#include <vector>

#include "qingxi/fetch/warc.h"
#include "test_util.h"

namespace qingxi::fetch {
namespace {

using ::qingxi::testing::ReadFile;
using ::qingxi::testing::TempDir;

WarcExchange Exchange(int i) {
  WarcExchange ex;
  ex.target_uri = "http://site" + std::to_string(i % 7) + ".example.cn/a/" + std::to_string(i) +
                  ".html";
  ex.ip_address = "203.0.113.9";
  ex.fetch_time = 1700000000 + i;
  ex.request = "GET /a/" + std::to_string(i) + ".html HTTP/1.1\r\nHost: site" +
               std::to_string(i % 7) + ".example.cn\r\n\r\n";
  ex.response_head =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n"
      "Content-Length: 99\r\n\r\n";
  ex.body = "<html><body><h1>第" + std::to_string(i) + "篇</h1>";
  for (int k = 0; k < i % 40; ++k)
    ex.body += "<p>城市居民今年的生活质量持续提升。" + std::to_string(k * i) + "</p>";
  ex.body += "</body></html>";
  return ex;
}

// Counts the gzip members of a file; false when it is not a clean series of members.
bool CountMembers(const std::string& data, int* members) {
  *members = 0;
  z_stream zs{};
  inflateInit2(&zs, 31);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  char buf[65536];
  bool ok = true;
  while (zs.avail_in > 0) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof(buf);
    int rc = inflate(&zs, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) {
      ++*members;
      inflateReset(&zs);
    } else if (rc != Z_OK) {
      ok = false;
      break;
    }
  }
  inflateEnd(&zs);
  return ok;
}

std::string Field(const WarcRecord& r, const char* name) {
  for (const auto& [k, v] : r.warc_headers)
    if (k == name) return v;
  return std::string();
}

void EncodeOnThreadsAndCheck(const std::string& path, WarcWriterOptions options) {
  constexpr int kThreads = 4, kPerThread = 60, kBatch = 16;
  {
    auto w = WarcWriter::Open(path, options);
    ASSERT_TRUE(w.ok()) << w.status().message();
    WarcWriter* writer = w.value().get();
    std::vector<std::vector<std::string>> batches(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        std::string bytes;
        for (int i = 0; i < kPerThread; ++i) {
          std::string id;
          Status s = writer->EncodeExchange(Exchange(t * kPerThread + i), &bytes, &id);
          EXPECT_TRUE(s.ok()) << s.message();
          EXPECT_EQ(id.compare(0, 10, "<urn:uuid:"), 0);
          if ((i + 1) % kBatch == 0 || i + 1 == kPerThread) {
            batches[t].push_back(std::move(bytes));
            bytes.clear();
          }
        }
      });
    }
    for (auto& th : threads) th.join();
    for (const auto& per_thread : batches)
      for (const std::string& b : per_thread) ASSERT_TRUE(writer->AppendEncoded(b).ok());
    ASSERT_TRUE(writer->AppendEncoded("").ok());
    EXPECT_EQ(writer->bytes_written(), ReadFile(path).size());
  }
  WarcReaderOptions all;
  all.all_records = true;
  auto r = WarcReader::Open(path, all);
  ASSERT_TRUE(r.ok());
  std::set<std::string> ids, targets;
  std::string warcinfo_id;
  int responses = 0, requests = 0;
  WarcRecord rec;
  while (true) {
    auto got = r.value()->Next(&rec);
    ASSERT_TRUE(got.ok());
    if (!*got) break;
    EXPECT_TRUE(ids.insert(rec.record_id).second) << "duplicate record id " << rec.record_id;
    if (rec.warc_type == "warcinfo") warcinfo_id = rec.record_id;
    if (rec.warc_type == "request") ++requests;
    if (rec.warc_type != "response") continue;
    ++responses;
    targets.insert(rec.target_uri);
    const int i = std::stoi(rec.target_uri.substr(rec.target_uri.rfind('/') + 1));
    const WarcExchange ex = Exchange(i);
    EXPECT_EQ(rec.target_uri, ex.target_uri);
    EXPECT_EQ(rec.body, ex.body);
    EXPECT_EQ(rec.date, WarcDate(ex.fetch_time));
    EXPECT_EQ(Field(rec, "WARC-Payload-Digest"), WarcSha1Digest(ex.body));
    EXPECT_EQ(Field(rec, "WARC-Warcinfo-ID"), warcinfo_id);
    EXPECT_EQ(rec.HttpHeader("X-Crawler-Content-Encoding"), "gzip");
    EXPECT_EQ(rec.HttpHeader("Content-Length"), std::to_string(ex.body.size()));
  }
  EXPECT_FALSE(r.value()->truncated());
  EXPECT_EQ(responses, kThreads * kPerThread);
  EXPECT_EQ(requests, kThreads * kPerThread);
  EXPECT_EQ(targets.size(), static_cast<size_t>(kThreads * kPerThread));
}

TEST(WarcEncode, ParallelEncodingMakesOneGzipMemberPerRecord) {
  const std::string path = TempDir() + "/parallel.warc.gz";
  EncodeOnThreadsAndCheck(path, {});
  int members = 0;
  EXPECT_TRUE(CountMembers(ReadFile(path), &members));
  EXPECT_EQ(members, 1 + 2 * 4 * 60);  // warcinfo + a response and a request per exchange
}

TEST(WarcEncode, EveryLevelAndPlainFilesRoundTrip) {
  for (int level : {1, 6, 9, 12}) {
    WarcWriterOptions o;
    o.gzip_level = level;
    const std::string path = TempDir() + "/level" + std::to_string(level) + ".warc.gz";
    EncodeOnThreadsAndCheck(path, o);
    int members = 0;
    EXPECT_TRUE(CountMembers(ReadFile(path), &members)) << level;
    EXPECT_EQ(members, 1 + 2 * 4 * 60) << level;
  }
  const std::string plain = TempDir() + "/plain.warc";
  EncodeOnThreadsAndCheck(plain, {});
  EXPECT_EQ(ReadFile(plain).compare(0, 9, "WARC/1.1\r"), 0);
}

TEST(WarcEncode, HigherLevelsCompressSmaller) {
  // The level reaches the compressor: level 9 must beat level 1 on repetitive text.
  uint64_t sizes[2] = {0, 0};
  int n = 0;
  for (int level : {1, 9}) {
    WarcWriterOptions o;
    o.gzip_level = level;
    const std::string path = TempDir() + "/size" + std::to_string(level) + ".warc.gz";
    auto w = WarcWriter::Open(path, o);
    ASSERT_TRUE(w.ok());
    for (int i = 0; i < 50; ++i) ASSERT_TRUE(w.value()->WriteExchange(Exchange(39 + i * 40)).ok());
    sizes[n++] = w.value()->bytes_written();
  }
  EXPECT_LT(sizes[1], sizes[0]);
}

TEST(WarcEncode, FileIsReadableByGzip) {
  if (::qingxi::testing::Run("command -v gzip >/dev/null") != 0) GTEST_SKIP() << "no gzip";
  const std::string path = TempDir() + "/gzip-tool.warc.gz";
  EncodeOnThreadsAndCheck(path, {});
  EXPECT_EQ(::qingxi::testing::Run("gzip -t '" + path + "'"), 0);
  std::string out;
  EXPECT_EQ(::qingxi::testing::Run("gzip -dc '" + path + "' | grep -c '^WARC/1.1'", &out), 0);
  EXPECT_EQ(out, std::to_string(1 + 2 * 4 * 60) + "\n");
}

}  // namespace
}  // namespace qingxi::fetch
