// Cost of archiving one fetched page: what `qingxi fetch` does per response on its archiving
// threads (rebuild the request and response heads, two records with three SHA-1 digests, a
// gzip member each), on one thread, for the shapes a crawl meets: a small page still gzip-coded
// as the server sent it (the common case), the same page decoded, and a 60 KB news page coded.
// Counters: exchanges/s and input MB/s.
#include <benchmark/benchmark.h>
#include <unistd.h>
#include <libdeflate.h>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "qingxi/fetch/warc.h"

namespace {

using qingxi::fetch::WarcExchange;
using qingxi::fetch::WarcWriter;
using qingxi::fetch::WarcWriterOptions;

// Chinese-looking HTML of about `bytes` bytes (varied words, so that it deflates like a page).
std::string Html(size_t bytes, uint32_t seed) {
  static const char* kWords[] = {"经济", "发展", "城市", "居民", "政府", "今年", "记者", "了解",
                                 "项目", "建设", "文化", "教育", "医疗", "交通", "环境", "科技"};
  std::mt19937 rnd(seed);
  std::string out =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>新闻</title></head><body>";
  while (out.size() < bytes) {
    out += "<p>";
    for (int i = 0; i < 30; ++i) out += kWords[rnd() % 16];
    out += "。</p>\n";
  }
  return out + "</body></html>\n";
}

// A body as a server sends it with Content-Encoding: gzip.
std::string Gzip(const std::string& in) {
  libdeflate_compressor* c = libdeflate_alloc_compressor(6);
  std::string out(libdeflate_gzip_compress_bound(c, in.size()), '\0');
  out.resize(libdeflate_gzip_compress(c, in.data(), in.size(), out.data(), out.size()));
  libdeflate_free_compressor(c);
  return out;
}

void EncodePages(benchmark::State& state, size_t page_bytes, bool coded) {
  WarcWriterOptions options;
  options.body_coding = coded ? WarcWriterOptions::BodyCoding::kContentCoded
                              : WarcWriterOptions::BodyCoding::kDecoded;
  const std::string path = "/tmp/qingxi-warc-bench-" + std::to_string(getpid()) + ".warc.gz";
  auto writer = WarcWriter::Open(path, options);
  if (!writer.ok()) {
    state.SkipWithError(writer.status().message().c_str());
    return;
  }
  constexpr int kPages = 64;
  std::vector<std::string> bodies;
  for (int i = 0; i < kPages; ++i) {
    std::string html = Html(page_bytes, static_cast<uint32_t>(i));
    bodies.push_back(coded ? Gzip(html) : html);
  }
  const std::vector<std::pair<std::string, std::string>> request_headers = {
      {"User-Agent", "qingxi/0.1 (+mailto:corpus@example.org)"},
      {"Accept-Encoding", "gzip, deflate, br, zstd"}};
  std::vector<std::pair<std::string, std::string>> response_headers = {
      {"Server", "nginx/1.22.1"},
      {"Date", "Tue, 01 Dec 2026 21:33:59 GMT"},
      {"Content-Type", "text/html; charset=utf-8"},
      {"Last-Modified", "Tue, 01 Dec 2026 21:29:45 GMT"},
      {"Transfer-Encoding", "chunked"},
      {"Connection", "keep-alive"},
      {"ETag", "W/\"6b0f3c49-42d\""}};
  if (coded) response_headers.emplace_back("Content-Encoding", "gzip");
  std::string out;
  WarcExchange ex;
  uint64_t n = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& body = bodies[n % kPages];
    ex.target_uri =
        "http://news" + std::to_string(n % 200) + ".example.cn/a/" + std::to_string(n) + ".html";
    ex.ip_address = "203.0.113.7";
    ex.request = *qingxi::fetch::HttpRequestHead("GET", ex.target_uri, request_headers);
    ex.response_head = *qingxi::fetch::HttpResponseHead("1.1", 200, response_headers);
    ex.body = body;
    out.clear();
    benchmark::DoNotOptimize(writer.value()->EncodeExchange(ex, &out));
    benchmark::DoNotOptimize(out.data());
    bytes += body.size() + ex.response_head.size() + ex.request.size();
    ++n;
  }
  state.counters["exchanges/s"] =
      benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsRate);
  state.counters["MB/s"] =
      benchmark::Counter(static_cast<double>(bytes) / 1e6, benchmark::Counter::kIsRate);
  writer.value().reset();
  std::remove(path.c_str());
}

void BM_EncodeSmallCoded(benchmark::State& state) { EncodePages(state, 2500, true); }
void BM_EncodeSmallDecoded(benchmark::State& state) { EncodePages(state, 2500, false); }
void BM_EncodeNewsPageCoded(benchmark::State& state) { EncodePages(state, 60000, true); }
BENCHMARK(BM_EncodeSmallCoded);
BENCHMARK(BM_EncodeSmallDecoded);
BENCHMARK(BM_EncodeNewsPageCoded);

}  // namespace

BENCHMARK_MAIN();
