// Tests for qingxi/fetch/warc.h: digests, write -> read round trips (gzip per record and plain),
// torn tails from an interrupted write and their repair, chunked and compressed HTTP bodies,
// brotli/zstd-coded bodies stored as sent, size bounds, and hand-written Common Crawl WARC and WET
// records.
#include "qingxi/fetch/warc.h"

#include <brotli/encode.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <random>
#include <string>
#include <vector>

#include "test_util.h"

namespace qingxi::fetch {
namespace {

using ::qingxi::testing::ReadFile;
using ::qingxi::testing::TempDir;
using ::qingxi::testing::WriteFile;

std::string Gzip(const std::string& in) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, in.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// Decompresses a multi-member gzip file; *members counts the members.
std::string Gunzip(const std::string& in, int* members) {
  std::string out;
  *members = 0;
  z_stream zs{};
  inflateInit2(&zs, 31);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  char buf[65536];
  while (zs.avail_in > 0) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof(buf);
    int rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof(buf) - zs.avail_out);
    if (rc == Z_STREAM_END) {
      ++*members;
      inflateReset(&zs);
    } else if (rc != Z_OK) {
      break;
    }
  }
  inflateEnd(&zs);
  return out;
}

std::vector<WarcRecord> ReadAll(const std::string& path, WarcReaderOptions o = {},
                                bool* truncated = nullptr,
                                std::vector<std::string>* notes = nullptr) {
  std::vector<WarcRecord> out;
  Result<std::unique_ptr<WarcReader>> r = WarcReader::Open(path, o);
  EXPECT_TRUE(r.ok()) << r.status().message();
  if (!r.ok()) return out;
  WarcRecord rec;
  while (true) {
    Result<bool> more = r.value()->Next(&rec);
    EXPECT_TRUE(more.ok()) << more.status().message();
    if (!more.ok() || !more.value()) break;
    out.push_back(rec);
  }
  if (truncated != nullptr) *truncated = r.value()->truncated();
  if (notes != nullptr) *notes = r.value()->notes();
  return out;
}

WarcExchange Exchange(int i) {
  WarcExchange ex;
  ex.target_uri = "http://news.example.cn/2023/04/18/" + std::to_string(i) + ".html";
  ex.ip_address = "203.0.113." + std::to_string(i + 1);
  ex.fetch_time = 1681790400 + i;  // 2023-04-18T04:00:00Z + i
  ex.request = "GET /2023/04/18/" + std::to_string(i) +
               ".html HTTP/1.1\r\nHost: news.example.cn\r\nUser-Agent: qingxi-test\r\n"
               "Accept-Encoding: gzip\r\n\r\n";
  // As received: compressed and chunked on the wire; the body handed over is decoded.
  ex.response_head =
      "HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Type: text/html; charset=gbk\r\n"
      "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\nETag: \"abc" +
      std::to_string(i) + "\"\r\n\r\n";
  ex.body = "<html><head><title>\xD0\xC2\xCE\xC5 " + std::to_string(i) +
            "</title></head><body><p>" + std::string(200 + i * 50, 'x') + "</p></body></html>";
  return ex;
}

TEST(WarcDigest, KnownSha1Base32Values) {
  // SHA-1 test vectors (FIPS 180) in RFC 4648 base32.
  EXPECT_EQ(WarcSha1Digest(""), "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
  EXPECT_EQ(WarcSha1Digest("abc"), "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5");
  EXPECT_EQ(WarcSha1Digest("The quick brown fox jumps over the lazy dog"),
            "sha1:F7KODRT2FUUPZ3MET3Q3W5XHHENZH2YS");
  EXPECT_EQ(WarcDate(1681790400), "2023-04-18T04:00:00Z");
}

TEST(WarcWriter, RoundTripGzipPerRecord) {
  const std::string path = TempDir() + "/pages.warc.gz";
  {
    WarcWriterOptions o;
    o.software = "qingxi/0.1";
    o.user_agent = "qingxi-test (+mailto:crawl@example.cn)";
    Result<std::unique_ptr<WarcWriter>> w = WarcWriter::Open(path, o);
    ASSERT_TRUE(w.ok()) << w.status().message();
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(w.value()->WriteExchange(Exchange(i)).ok());
    ASSERT_TRUE(w.value()->Sync().ok());
  }
  // One gzip member per record: warcinfo + 3 x (response, request).
  int members = 0;
  const std::string raw = Gunzip(ReadFile(path), &members);
  EXPECT_EQ(members, 7);
  EXPECT_EQ(raw.compare(0, 10, "WARC/1.1\r\n"), 0);
  EXPECT_NE(raw.find("WARC-Type: warcinfo"), std::string::npos);
  EXPECT_NE(raw.find("http-header-user-agent: qingxi-test"), std::string::npos);
  EXPECT_NE(raw.find("Content-Type: application/http;msgtype=response"), std::string::npos);
  // The stale wire headers are kept under X-Crawler- names; Content-Length fits the body.
  EXPECT_NE(raw.find("X-Crawler-Content-Encoding: gzip"), std::string::npos);
  EXPECT_NE(raw.find("X-Crawler-Transfer-Encoding: chunked"), std::string::npos);
  EXPECT_EQ(raw.find("\r\nContent-Encoding: gzip"), std::string::npos);

  WarcReaderOptions all;
  all.all_records = true;
  std::vector<WarcRecord> recs = ReadAll(path, all);
  ASSERT_EQ(recs.size(), 7u);
  EXPECT_EQ(recs[0].warc_type, "warcinfo");
  for (int i = 0; i < 3; ++i) {
    const WarcRecord& resp = recs[1 + 2 * i];
    const WarcRecord& req = recs[2 + 2 * i];
    const WarcExchange ex = Exchange(i);
    ASSERT_EQ(resp.warc_type, "response");
    ASSERT_EQ(req.warc_type, "request");
    EXPECT_EQ(resp.target_uri, ex.target_uri);
    EXPECT_EQ(req.target_uri, ex.target_uri);
    EXPECT_EQ(resp.ip_address, ex.ip_address);
    EXPECT_EQ(resp.date, WarcDate(ex.fetch_time));
    EXPECT_EQ(resp.http_status, 200);
    EXPECT_EQ(resp.content_type, "text/html; charset=gbk");
    EXPECT_EQ(resp.HttpHeader("etag"), "\"abc" + std::to_string(i) + "\"");
    EXPECT_EQ(resp.body, ex.body);
    EXPECT_TRUE(resp.notes.empty());
    // Record ids are <urn:uuid:...> v4 and the pair names each other.
    EXPECT_EQ(resp.record_id.compare(0, 10, "<urn:uuid:"), 0);
    EXPECT_EQ(resp.record_id.size(), 47u);
    EXPECT_EQ(resp.record_id[24], '4');
    EXPECT_NE(resp.record_id, req.record_id);
    auto field = [](const WarcRecord& r, const char* name) {
      for (const auto& [k, v] : r.warc_headers)
        if (k == name) return v;
      return std::string();
    };
    EXPECT_EQ(field(resp, "WARC-Concurrent-To"), req.record_id);
    EXPECT_EQ(field(req, "WARC-Concurrent-To"), resp.record_id);
    EXPECT_EQ(field(resp, "WARC-Warcinfo-ID"), recs[0].record_id);
    EXPECT_EQ(field(resp, "WARC-Payload-Digest"), WarcSha1Digest(ex.body));
    EXPECT_EQ(field(req, "WARC-Block-Digest"), WarcSha1Digest(ex.request));
    // The block digest covers the stored HTTP head plus body: recompute from the raw file.
    const std::string marker = "WARC-Record-ID: " + resp.record_id;
    size_t at = raw.find(marker);
    ASSERT_NE(at, std::string::npos);
    size_t block_start = raw.find("\r\n\r\n", at) + 4;
    size_t len_at = raw.rfind("Content-Length: ", block_start);
    size_t len = std::stoul(raw.substr(len_at + 16));
    EXPECT_EQ(field(resp, "WARC-Block-Digest"), WarcSha1Digest(raw.substr(block_start, len)));
  }
  // By default only document records come back.
  EXPECT_EQ(ReadAll(path).size(), 3u);
}

TEST(WarcWriter, FileIsReadableByGzipTools) {
  if (::qingxi::testing::Run("command -v gzip >/dev/null") != 0) GTEST_SKIP() << "no gzip";
  const std::string path = TempDir() + "/tools.warc.gz";
  {
    auto w = WarcWriter::Open(path);
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE(w.value()->WriteExchange(Exchange(1)).ok());
    ASSERT_TRUE(w.value()->WriteExchange(Exchange(2)).ok());
  }
  EXPECT_EQ(::qingxi::testing::Run("gzip -t '" + path + "'"), 0);
  std::string out;
  EXPECT_EQ(::qingxi::testing::Run("gzip -dc '" + path + "' | grep -c '^WARC/1.1'", &out), 0);
  EXPECT_EQ(out, "5\n");
}

TEST(WarcWriter, PlainWarcRoundTrip) {
  const std::string path = TempDir() + "/pages.warc";
  {
    auto w = WarcWriter::Open(path);
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE(w.value()->WriteExchange(Exchange(0)).ok());
    ASSERT_TRUE(w.value()
                    ->WriteRecord("metadata", Exchange(0).target_uri, "application/warc-fields",
                                  "via: http://example.cn/\r\n", 1681790400)
                    .ok());
  }
  EXPECT_EQ(ReadFile(path).compare(0, 8, "WARC/1.1"), 0);  // not compressed
  std::vector<WarcRecord> recs = ReadAll(path);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].body, Exchange(0).body);
  Result<uint64_t> valid = WarcValidLength(path);
  ASSERT_TRUE(valid.ok());
  EXPECT_EQ(valid.value(), ReadFile(path).size());
}

// A crash mid-write leaves a torn last member; the reader stops before it, and a writer that
// reopens the file cuts it off and appends cleanly.
void CheckTornTailAndResume(const std::string& path) {
  size_t two_exchanges = 0;
  {
    auto w = WarcWriter::Open(path);
    ASSERT_TRUE(w.ok());
    for (int i = 0; i < 2; ++i) ASSERT_TRUE(w.value()->WriteExchange(Exchange(i)).ok());
    two_exchanges = ReadFile(path).size();
    ASSERT_TRUE(w.value()->WriteExchange(Exchange(2)).ok());
  }
  const std::string whole = ReadFile(path);
  // Cut inside the last record (the request of exchange 2).
  WriteFile(path, whole.substr(0, whole.size() - 25));
  bool truncated = false;
  std::vector<std::string> notes;
  std::vector<WarcRecord> recs = ReadAll(path, {}, &truncated, &notes);
  EXPECT_EQ(recs.size(), 3u);  // all three responses are whole
  EXPECT_TRUE(truncated);
  EXPECT_FALSE(notes.empty());

  // Cut inside the response of exchange 2 as well.
  const size_t cut = two_exchanges + (whole.size() - two_exchanges) / 4;
  WriteFile(path, whole.substr(0, cut));
  recs = ReadAll(path, {}, &truncated);
  EXPECT_EQ(recs.size(), 2u);
  EXPECT_TRUE(truncated);
  Result<uint64_t> valid = WarcValidLength(path);
  ASSERT_TRUE(valid.ok());
  EXPECT_EQ(valid.value(), two_exchanges);

  {
    auto w = WarcWriter::Open(path);
    ASSERT_TRUE(w.ok()) << w.status().message();
    EXPECT_EQ(w.value()->repaired_bytes(), cut - valid.value());
    ASSERT_TRUE(w.value()->WriteExchange(Exchange(7)).ok());
  }
  WarcReaderOptions all;
  all.all_records = true;
  recs = ReadAll(path, all, &truncated);
  EXPECT_FALSE(truncated);
  ASSERT_EQ(recs.size(), 7u);  // warcinfo, 2 pairs, the new pair; no second warcinfo
  EXPECT_EQ(recs[0].warc_type, "warcinfo");
  EXPECT_EQ(recs[5].target_uri, Exchange(7).target_uri);
  EXPECT_EQ(recs[5].body, Exchange(7).body);
  for (const auto& [k, v] : recs[5].warc_headers) {
    if (k == "WARC-Warcinfo-ID") {
      EXPECT_EQ(v, recs[0].record_id);
    }
  }
}

TEST(WarcWriter, TornGzipTailIsSkippedAndRepaired) {
  CheckTornTailAndResume(TempDir() + "/torn.warc.gz");
}

TEST(WarcWriter, TornPlainTailIsSkippedAndRepaired) {
  CheckTornTailAndResume(TempDir() + "/torn.warc");
}

TEST(WarcWriter, NeverTruncatesAFileThatIsNotWarc) {
  const std::string dir = TempDir();
  for (const char* name : {"/notes.warc", "/notes.warc.gz"}) {
    const std::string path = dir + name;
    WriteFile(path, "some important text that is not a WARC file\n");
    Result<std::unique_ptr<WarcWriter>> w = WarcWriter::Open(path);
    EXPECT_FALSE(w.ok()) << name;
    EXPECT_EQ(ReadFile(path), "some important text that is not a WARC file\n");
  }
}

TEST(WarcWriter, RepairsAFileWhoseFirstRecordIsTorn) {
  const std::string dir = TempDir();
  for (const char* name : {"/first.warc", "/first.warc.gz"}) {
    const std::string path = dir + name;
    {
      auto w = WarcWriter::Open(path);
      ASSERT_TRUE(w.ok());
    }
    const std::string info = ReadFile(path);  // the warcinfo record alone
    WriteFile(path, info.substr(0, info.size() / 2));
    {
      auto w = WarcWriter::Open(path);
      ASSERT_TRUE(w.ok()) << name << ": " << w.status().message();
      ASSERT_TRUE(w.value()->WriteExchange(Exchange(3)).ok());
    }
    WarcReaderOptions all;
    all.all_records = true;
    bool truncated = true;
    std::vector<WarcRecord> recs = ReadAll(path, all, &truncated);
    ASSERT_EQ(recs.size(), 3u) << name;
    EXPECT_EQ(recs[0].warc_type, "warcinfo");
    EXPECT_EQ(recs[1].body, Exchange(3).body);
    EXPECT_FALSE(truncated);
  }
}

TEST(WarcWriter, RefusesHeaderInjection) {
  auto w = WarcWriter::Open(TempDir() + "/inj.warc.gz");
  ASSERT_TRUE(w.ok());
  WarcExchange ex = Exchange(0);
  ex.target_uri = "http://example.cn/\r\nWARC-Type: resource";
  EXPECT_FALSE(w.value()->WriteExchange(ex).ok());
  ex = Exchange(0);
  ex.response_head = "garbage";
  EXPECT_FALSE(w.value()->WriteExchange(ex).ok());
}

TEST(WarcReader, RawChunkedAndGzipBodiesAreDecoded) {
  const std::string path = TempDir() + "/raw.warc.gz";
  const std::string text = "<html><body>" + std::string(5000, 'z') + "</body></html>";
  const std::string gz = Gzip(text);
  // The compressed body sent in three chunks, with a chunk extension and a trailer.
  std::string chunked;
  size_t a = gz.size() / 3, b = 2 * gz.size() / 3;
  auto hex = [](size_t n) {
    char buf[32];
    snprintf(buf, sizeof(buf), "%zx", n);
    return std::string(buf);
  };
  chunked += hex(a) + ";ext=1\r\n" + gz.substr(0, a) + "\r\n";
  chunked += hex(b - a) + "\r\n" + gz.substr(a, b - a) + "\r\n";
  chunked += hex(gz.size() - b) + "\r\n" + gz.substr(b) + "\r\n0\r\nX-Trailer: 1\r\n\r\n";
  {
    WarcWriterOptions o;
    o.body_coding =
        WarcWriterOptions::BodyCoding::kRaw;  // record the bytes as they came off the wire
    auto w = WarcWriter::Open(path, o);
    ASSERT_TRUE(w.ok());
    WarcExchange ex = Exchange(0);
    ex.body = chunked;
    ASSERT_TRUE(w.value()->WriteExchange(ex).ok());
    ex = Exchange(1);
    ex.response_head =
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n";
    ex.body = gz;
    ASSERT_TRUE(w.value()->WriteExchange(ex).ok());
  }
  std::vector<WarcRecord> recs = ReadAll(path);
  ASSERT_EQ(recs.size(), 2u);
  // The payload digest is of the de-chunked (still gzip-compressed) entity.
  for (const auto& [k, v] : recs[0].warc_headers) {
    if (k == "WARC-Payload-Digest") {
      EXPECT_EQ(v, WarcSha1Digest(gz));
    }
  }
  EXPECT_EQ(recs[0].body, text);
  EXPECT_TRUE(recs[0].notes.empty()) << recs[0].notes[0];
  EXPECT_EQ(recs[1].body, text);
}

// The gzip members of a file: the BTYPE of each member's first deflate block (0: stored).
std::vector<int> MemberBlockTypes(const std::string& data) {
  std::vector<int> types;
  size_t pos = 0;
  while (pos + 18 <= data.size()) {
    // The writer's members have the 10-byte header without optional fields (FLG = 0).
    EXPECT_EQ(static_cast<unsigned char>(data[pos]), 0x1f);
    EXPECT_EQ(static_cast<unsigned char>(data[pos + 3]), 0);
    types.push_back((static_cast<unsigned char>(data[pos + 10]) >> 1) & 3);
    z_stream zs{};
    inflateInit2(&zs, 31);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + pos));
    zs.avail_in = static_cast<uInt>(data.size() - pos);
    char buf[65536];
    int rc = Z_OK;
    while (rc == Z_OK) {
      zs.next_out = reinterpret_cast<Bytef*>(buf);
      zs.avail_out = sizeof(buf);
      rc = inflate(&zs, Z_NO_FLUSH);
    }
    EXPECT_EQ(rc, Z_STREAM_END);
    pos += zs.total_in;
    inflateEnd(&zs);
    if (rc != Z_STREAM_END) break;
  }
  return types;
}

TEST(WarcWriter, ContentCodedBodiesAreStoredAsSent) {
  const std::string path = TempDir() + "/coded.warc.gz";
  std::string text = "<html><body>";
  for (int i = 0; i < 300; ++i)
    text += "<p>城市居民今年的生活质量持续提升，第" + std::to_string(i) + "段。</p>";
  text += "</body></html>";
  const std::string gz = Gzip(text);
  {
    WarcWriterOptions o;
    o.body_coding = WarcWriterOptions::BodyCoding::kContentCoded;
    auto w = WarcWriter::Open(path, o);
    ASSERT_TRUE(w.ok());
    WarcExchange ex = Exchange(0);  // chunked and gzip on the wire
    ex.body = gz;                   // de-chunked, still gzip
    ASSERT_TRUE(w.value()->WriteExchange(ex).ok());
    ex = Exchange(1);
    ex.response_head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n";
    ex.body = text;  // sent as it is: deflated in the archive
    ASSERT_TRUE(w.value()->WriteExchange(ex).ok());
  }
  std::vector<WarcRecord> recs = ReadAll(path);
  ASSERT_EQ(recs.size(), 2u);
  // The head still says gzip, the framing headers are renamed, the length is the coded one.
  EXPECT_EQ(recs[0].HttpHeader("Content-Encoding"), "gzip");
  EXPECT_EQ(recs[0].HttpHeader("Transfer-Encoding"), "");
  EXPECT_EQ(recs[0].HttpHeader("X-Crawler-Transfer-Encoding"), "chunked");
  EXPECT_EQ(recs[0].HttpHeader("Content-Length"), std::to_string(gz.size()));
  EXPECT_EQ(recs[0].body, text) << "the reader undoes the coding";
  EXPECT_TRUE(recs[0].notes.empty());
  std::string payload_digest;
  for (const auto& [k, v] : recs[0].warc_headers)
    if (k == "WARC-Payload-Digest") payload_digest = v;
  EXPECT_EQ(payload_digest, WarcSha1Digest(gz)) << "WARC's payload is the entity body as sent";
  EXPECT_EQ(recs[1].body, text);

  // Members: warcinfo (small: stored), the coded response (stored: deflate gains nothing on
  // gzip data), its request (small: stored), the plain response (deflated), its request.
  const std::vector<int> types = MemberBlockTypes(ReadFile(path));
  ASSERT_EQ(types.size(), 5u);
  EXPECT_EQ(types[0], 0);
  EXPECT_EQ(types[1], 0);
  EXPECT_EQ(types[2], 0);
  EXPECT_NE(types[3], 0);
  EXPECT_EQ(types[4], 0);
  EXPECT_LT(ReadFile(path).size(), gz.size() + text.size() / 2);
}

TEST(WarcWriter, SmallRecordsAreDeflatedWhenAsked) {
  const std::string path = TempDir() + "/small.warc.gz";
  WarcWriterOptions o;
  o.store_below_bytes = 0;
  {
    auto w = WarcWriter::Open(path, o);
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE(w.value()->WriteExchange(Exchange(0)).ok());
  }
  for (int t : MemberBlockTypes(ReadFile(path))) EXPECT_NE(t, 0);
  EXPECT_EQ(ReadAll(path).size(), 1u);
}

TEST(WarcReader, BrotliBodiesAreDecodedAndBounded) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "清洗语料第" + std::to_string(i) + "行。\n";
  std::string br(BrotliEncoderMaxCompressedSize(text.size()), '\0');
  size_t br_size = br.size();
  ASSERT_TRUE(BrotliEncoderCompress(5, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, text.size(),
                                    reinterpret_cast<const uint8_t*>(text.data()), &br_size,
                                    reinterpret_cast<uint8_t*>(br.data())));
  br.resize(br_size);
  const std::string message =
      "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: br\r\n"
      "Content-Length: " +
      std::to_string(br.size()) + "\r\n\r\n" + br;
  WarcRecord r;
  ASSERT_TRUE(ParseHttpResponse(message, 64 << 20, &r).ok());
  EXPECT_EQ(r.body, text);
  EXPECT_TRUE(r.notes.empty());
  // Bounded: decoding stops at the limit, with a note.
  r = WarcRecord();
  ASSERT_TRUE(ParseHttpResponse(message, 1000, &r).ok());
  EXPECT_EQ(r.body, text.substr(0, 1000));
  EXPECT_FALSE(r.notes.empty());
  // Not brotli at all: kept as recorded, with a note.
  r = WarcRecord();
  ASSERT_TRUE(
      ParseHttpResponse("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nplain text", 1000, &r)
          .ok());
  EXPECT_EQ(r.body, "plain text");
  EXPECT_FALSE(r.notes.empty());
}

TEST(ParseHttpResponse, ToleratesWhatArchivesContain) {
  WarcRecord r;
  // LF-only line ends, folded header, HTTP/2 status line.
  ASSERT_TRUE(ParseHttpResponse("HTTP/2 404\nContent-Type: text/html;\n charset=utf-8\n\nnot found",
                                1 << 20, &r)
                  .ok());
  EXPECT_EQ(r.http_status, 404);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(r.body, "not found");

  // A body stored de-chunked under a stale Transfer-Encoding header is kept as it is.
  r = WarcRecord();
  ASSERT_TRUE(
      ParseHttpResponse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n<html>plain</html>",
                        1 << 20, &r)
          .ok());
  EXPECT_EQ(r.body, "<html>plain</html>");
  EXPECT_FALSE(r.notes.empty());

  // Raw deflate (what some servers send for "deflate").
  {
    const std::string text = "deflated body 正文";
    z_stream zs{};
    deflateInit2(&zs, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
    std::string out(256, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    zs.avail_in = static_cast<uInt>(text.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    r = WarcRecord();
    ASSERT_TRUE(
        ParseHttpResponse("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n" + out, 1 << 20, &r)
            .ok());
    EXPECT_EQ(r.body, text);
  }
  // A decompression bomb is cut at the bound.
  r = WarcRecord();
  const std::string bomb = Gzip(std::string(10 << 20, '\0'));
  ASSERT_TRUE(
      ParseHttpResponse("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + bomb, 1 << 16, &r)
          .ok());
  EXPECT_EQ(r.body.size(), 1u << 16);
  EXPECT_FALSE(r.notes.empty());

  r = WarcRecord();
  EXPECT_FALSE(ParseHttpResponse("<html>no status line</html>", 1 << 20, &r).ok());
}

TEST(WarcReader, OversizedRecordsAreSkippedWithANote) {
  const std::string path = TempDir() + "/big.warc.gz";
  {
    auto w = WarcWriter::Open(path);
    ASSERT_TRUE(w.ok());
    WarcExchange big = Exchange(0);
    big.body = std::string(300000, 'b');
    ASSERT_TRUE(w.value()->WriteExchange(Exchange(1)).ok());
    ASSERT_TRUE(w.value()->WriteExchange(big).ok());
    ASSERT_TRUE(w.value()->WriteExchange(Exchange(2)).ok());
  }
  WarcReaderOptions o;
  o.max_record_bytes = 100000;
  std::vector<std::string> notes;
  bool truncated = true;
  std::vector<WarcRecord> recs = ReadAll(path, o, &truncated, &notes);
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0].target_uri, Exchange(1).target_uri);
  EXPECT_EQ(recs[1].target_uri, Exchange(2).target_uri);
  EXPECT_FALSE(truncated);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("oversized"), std::string::npos);
}

// Records written the way Common Crawl writes them: WARC/1.0, gzip per record, a request,
// a response whose decoded body sits under X-Crawler-* headers, a metadata record; and a WET
// file of conversion records.
std::string CcRecord(const std::string& type, const std::string& uri, const std::string& ctype,
                     const std::string& block, const std::string& extra = "") {
  std::string r = "WARC/1.0\r\nWARC-Type: " + type + "\r\n";
  r += "WARC-Date: 2023-03-20T09:18:43Z\r\n";
  r += "WARC-Record-ID: <urn:uuid:8f2a4c1e-1b5b-4f0e-9e8d-3c7b2a1d0e9f>\r\n";
  r += "Content-Length: " + std::to_string(block.size()) + "\r\n";
  r += "Content-Type: " + ctype + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  r += extra;
  r += "\r\n" + block + "\r\n\r\n";
  return r;
}

TEST(WarcReader, CommonCrawlWarcRecords) {
  const std::string uri = "https://www.example.com.cn/news/2023/0320/123.html";
  const std::string body = "<html><meta charset=\"gb2312\"><p>\xD6\xD0\xCE\xC4</p></html>";
  const std::string http =
      "HTTP/1.1 200 OK\r\nDate: Mon, 20 Mar 2023 09:18:43 GMT\r\nServer: Tengine\r\n"
      "Content-Type: text/html\r\nX-Crawler-Content-Encoding: gzip\r\n"
      "X-Crawler-Transfer-Encoding: chunked\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body;
  const std::string warcinfo_block =
      "isPartOf: CC-MAIN-2023-14\r\npublisher: Common Crawl\r\nformat: WARC File Format 1.0\r\n";
  std::string gz;
  gz += Gzip(CcRecord("warcinfo", "", "application/warc-fields", warcinfo_block,
                      "WARC-Filename: CC-MAIN-20230320-00000.warc.gz\r\n"));
  gz += Gzip(CcRecord("request", uri, "application/http; msgtype=request",
                      "GET /news/2023/0320/123.html HTTP/1.1\r\nHost: www.example.com.cn\r\n\r\n"));
  gz += Gzip(CcRecord("response", uri, "application/http; msgtype=response", http,
                      "WARC-IP-Address: 198.51.100.20\r\nWARC-Identified-Payload-Type: "
                      "text/html\r\nWARC-Payload-Digest: " +
                          WarcSha1Digest(body) + "\r\n"));
  gz += Gzip(CcRecord("metadata", uri, "application/warc-fields", "fetchTimeMs: 97\r\n"));
  const std::string path = TempDir() + "/CC-MAIN-sample.warc.gz";
  WriteFile(path, gz);
  std::vector<WarcRecord> recs = ReadAll(path);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].warc_type, "response");
  EXPECT_EQ(recs[0].target_uri, uri);
  EXPECT_EQ(recs[0].http_status, 200);
  EXPECT_EQ(recs[0].content_type, "text/html");
  EXPECT_EQ(recs[0].ip_address, "198.51.100.20");
  EXPECT_EQ(recs[0].body, body);
  EXPECT_EQ(recs[0].date, "2023-03-20T09:18:43Z");
}

TEST(WarcReader, CommonCrawlWetConversionRecords) {
  const std::string t1 = "新闻标题\n第一段正文。\n第二段正文。";
  const std::string t2 = "另一页的文字";
  std::string plain;
  plain += CcRecord("warcinfo", "", "application/warc-fields", "isPartOf: CC-MAIN-2023-14\r\n");
  plain += CcRecord("conversion", "http://a.example.cn/1", "text/plain", t1,
                    "WARC-Refers-To: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\n"
                    "WARC-Block-Digest: " +
                        WarcSha1Digest(t1) + "\r\n");
  plain += CcRecord("conversion", "<http://b.example.cn/2>", "text/plain", t2);
  const std::string wet = TempDir() + "/sample.warc.wet";
  WriteFile(wet, plain);
  for (const std::string& path : {wet, wet + ".gz"}) {
    if (path != wet) {
      // The gzip form: one member per record, as Common Crawl ships WET files.
      std::string gz;
      size_t pos = 0;
      while (pos < plain.size()) {
        size_t next = plain.find("WARC/1.0\r\n", pos + 1);
        if (next == std::string::npos) next = plain.size();
        gz += Gzip(plain.substr(pos, next - pos));
        pos = next;
      }
      WriteFile(path, gz);
    }
    std::vector<WarcRecord> recs = ReadAll(path);
    ASSERT_EQ(recs.size(), 2u) << path;
    EXPECT_EQ(recs[0].warc_type, "conversion");
    EXPECT_EQ(recs[0].target_uri, "http://a.example.cn/1");
    EXPECT_EQ(recs[0].http_status, 0);
    EXPECT_EQ(recs[0].content_type, "text/plain");
    EXPECT_EQ(recs[0].body, t1);
    EXPECT_EQ(recs[1].target_uri, "http://b.example.cn/2");  // angle brackets of WARC/1.0 removed
    EXPECT_EQ(recs[1].body, t2);
  }
}

TEST(WarcReader, MissingFileIsNotFound) {
  Result<std::unique_ptr<WarcReader>> r = WarcReader::Open(TempDir() + "/absent.warc.gz");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
}

TEST(WarcReader, GarbageAfterRecordsStopsWithANote) {
  const std::string path = TempDir() + "/garbage.warc.gz";
  {
    auto w = WarcWriter::Open(path);
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE(w.value()->WriteExchange(Exchange(0)).ok());
  }
  WriteFile(path, ReadFile(path) + "this is not gzip data at all");
  std::vector<std::string> notes;
  std::vector<WarcRecord> recs = ReadAll(path, {}, nullptr, &notes);
  EXPECT_EQ(recs.size(), 1u);
  EXPECT_FALSE(notes.empty());
}

// Damaged files (bytes flipped, cut anywhere) never crash the reader or make it loop; it yields
// at most the records that were there.
TEST(WarcReader, DamagedFilesAreReadSafely) {
  const std::string dir = TempDir();
  for (const char* name : {"/ok.warc.gz", "/ok.warc"}) {
    const std::string path = dir + name;
    {
      auto w = WarcWriter::Open(path);
      ASSERT_TRUE(w.ok());
      for (int i = 0; i < 4; ++i) ASSERT_TRUE(w.value()->WriteExchange(Exchange(i)).ok());
    }
    const std::string good = ReadFile(path);
    std::mt19937 rng(7);
    for (int trial = 0; trial < 200; ++trial) {
      std::string bad = good;
      if (trial % 2 == 0) {
        for (int k = 0; k < 3; ++k) bad[rng() % bad.size()] ^= static_cast<char>(1 + rng() % 255);
      } else {
        bad.resize(rng() % bad.size());
      }
      const std::string damaged = dir + "/damaged" + std::string(name).substr(3);
      WriteFile(damaged, bad);
      std::vector<WarcRecord> recs = ReadAll(damaged);
      EXPECT_LE(recs.size(), 4u);
      Result<uint64_t> valid = WarcValidLength(damaged);
      ASSERT_TRUE(valid.ok());
      EXPECT_LE(valid.value(), bad.size());
    }
  }
}

TEST(HttpMessages, RebuiltFromAFetchsParts) {
  Result<std::string> head =
      HttpResponseHead("1.1", 200, {{"Content-Type", "text/html; charset=gbk"}, {"ETag", "\"x\""}});
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head.value(),
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=gbk\r\nETag: \"x\"\r\n\r\n");
  EXPECT_EQ(HttpResponseHead("2", 404, {}).value(), "HTTP/2 404\r\n\r\n");
  EXPECT_FALSE(HttpResponseHead("1.1", 200, {{"X", "a\r\nSet-Cookie: y"}}).ok());
  Result<std::string> req = HttpRequestHead(
      "GET", "https://News.Example.cn:8443/a/b?c=1#f",
      {{"User-Agent", "qingxi/0.1"}, {"host", "ignored"}, {"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(req.ok());
  EXPECT_EQ(req.value(),
            "GET /a/b?c=1 HTTP/1.1\r\nHost: news.example.cn:8443\r\nUser-Agent: qingxi/0.1\r\n"
            "Accept-Encoding: gzip\r\n\r\n");
  EXPECT_FALSE(HttpRequestHead("GET", "mailto:x@example.cn", {}).ok());
  // What the writer stores from them reads back as the fetch.
  WarcRecord r;
  ASSERT_TRUE(ParseHttpResponse(head.value() + "<p>body</p>", 1 << 20, &r).ok());
  EXPECT_EQ(r.http_status, 200);
  EXPECT_EQ(r.HttpHeader("ETag"), "\"x\"");
  EXPECT_EQ(r.body, "<p>body</p>");
}

}  // namespace
}  // namespace qingxi::fetch
