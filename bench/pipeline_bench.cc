// Throughput of the cleaning engine on real pages, whole pipeline and stage by stage.
//
// Pages: $QINGXI_BENCH_PAGES (a directory of .html files), else ../shared/eval/daniel-zh/html,
// else samples/. Each iteration processes every page once on one thread; the counters report
// pages/s and MB/s. "Pipeline" is read + decode + parse + extract + clean + convert + JSON
// serialisation (what `qingxi clean --threads 1` does per page, minus the final write).
#include <benchmark/benchmark.h>
#include <gumbo.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "bench_pages.h"
#include "qingxi/charset.h"
#include "qingxi/convert.h"
#include "qingxi/extract.h"
#include "qingxi/pipeline.h"
#include "qingxi/record.h"

namespace {

using qingxi::bench::Page;
using qingxi::bench::Pages;

size_t TotalBytes() {
  size_t n = 0;
  for (const auto& p : Pages()) n += p.bytes.size();
  return n;
}

// The pages decoded to UTF-8 once, for the benchmarks that start after decoding.
const std::vector<std::string>& DecodedPages() {
  static std::vector<std::string> utf8 = [] {
    std::vector<std::string> out;
    for (const auto& page : Pages()) {
      auto d = qingxi::DecodeToUtf8(page.bytes, {});
      out.push_back(d.ok() ? d->utf8 : "");
    }
    return out;
  }();
  return utf8;
}

void Report(benchmark::State& state) {
  state.counters["pages/s"] = benchmark::Counter(static_cast<double>(Pages().size()),
                                                 benchmark::Counter::kIsIterationInvariantRate);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes()));
}

void BM_Pipeline(benchmark::State& state) {
  qingxi::PipelineOptions opt;
  opt.rules_dir = QINGXI_RULES_DIR;
  auto p = qingxi::Pipeline::Create(opt);
  if (!p.ok() || Pages().empty()) {
    state.SkipWithError(p.ok() ? "no pages" : p.status().message().c_str());
    return;
  }
  for (auto _ : state) {
    for (const auto& page : Pages()) {
      qingxi::InputDocument doc;
      doc.id = page.path;
      doc.source = page.path;
      doc.bytes = page.bytes;
      doc.name_hint = page.path;
      std::string line = qingxi::ToJsonLine((*p)->Process(doc));
      benchmark::DoNotOptimize(line);
    }
  }
  Report(state);
}
BENCHMARK(BM_Pipeline)->Unit(benchmark::kMillisecond)->MinTime(3.0);

void BM_Decode(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& page : Pages()) {
      auto d = qingxi::DecodeToUtf8(page.bytes, {});
      benchmark::DoNotOptimize(d);
    }
  }
  Report(state);
}
BENCHMARK(BM_Decode)->Unit(benchmark::kMillisecond);

void BM_Extract(benchmark::State& state) {
  auto ex = qingxi::HtmlExtractor::Create(QINGXI_RULES_DIR);
  if (!ex.ok()) {
    state.SkipWithError(ex.status().message().c_str());
    return;
  }
  const std::vector<std::string>& utf8 = DecodedPages();
  for (auto _ : state) {
    for (const auto& html : utf8) {
      auto r = (*ex)->Extract(html, {});
      benchmark::DoNotOptimize(r);
    }
  }
  Report(state);
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

// The reference: Gumbo's parse alone (and its tree destruction), no qingxi work at all.
void BM_GumboParseOnly(benchmark::State& state) {
  const std::vector<std::string>& utf8 = DecodedPages();
  for (auto _ : state) {
    for (const auto& html : utf8) {
      GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
      benchmark::DoNotOptimize(out);
      gumbo_destroy_output(&kGumboDefaultOptions, out);
    }
  }
  Report(state);
}
BENCHMARK(BM_GumboParseOnly)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
