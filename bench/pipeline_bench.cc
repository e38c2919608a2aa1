// Throughput of the cleaning engine on real pages, whole pipeline and stage by stage.
//
// Pages: $QINGXI_BENCH_PAGES (a directory of .html files), else ../shared/eval/daniel-zh/html,
// else samples/. Each iteration processes every page once on one thread; the counters report
// pages/s and MB/s. "Pipeline" is read + decode + parse + extract + clean + convert + JSON
// serialisation (what `qingxi clean --threads 1` does per page, minus the final write).
// Text mode: $QINGXI_BENCH_TEXT_PAGES (a directory of .txt dumps), else
// ../shared/eval/daniel-zh-text/txt, else the .txt pages of samples/; "TextPipeline" is what
// `qingxi clean --in text --threads 1` does per page, "TextExtract" the main-content detection
// alone.
#include <benchmark/benchmark.h>
#include <gumbo.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include "bench_pages.h"
#include "qingxi/charset.h"
#include "qingxi/convert.h"
#include "qingxi/explain.h"
#include "qingxi/extract.h"
#include "qingxi/pipeline.h"
#include "qingxi/record.h"
#include "qingxi/text_extract.h"

namespace {

using qingxi::bench::Page;
using qingxi::bench::Pages;
using qingxi::bench::TextPages;

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

// pages/s and bytes/s over one pass of `pages` per iteration.
void Report(benchmark::State& state, const std::vector<Page>& pages = Pages()) {
  size_t bytes = 0;
  for (const auto& p : pages) bytes += p.bytes.size();
  state.counters["pages/s"] = benchmark::Counter(static_cast<double>(pages.size()),
                                                 benchmark::Counter::kIsIterationInvariantRate);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

// Every page through Pipeline::Process and JSON serialisation; `kind` kAuto sniffs (HTML pages).
// With `layer`, the rules directory gets that --extra-rules layer and every page a URL. With
// `explain`, each page is processed with an Explanation and its JSON line is built too (what
// `qingxi clean --explain` adds per page).
void RunPipeline(benchmark::State& state, const std::vector<Page>& pages, qingxi::InputKind kind,
                 const std::string& layer = "", bool explain = false) {
  qingxi::PipelineOptions opt;
  opt.rules_dir = QINGXI_RULES_DIR;
  if (!layer.empty()) opt.extra_rules.push_back(layer);
  auto p = qingxi::Pipeline::Create(opt);
  if (!p.ok() || pages.empty()) {
    state.SkipWithError(p.ok() ? "no pages" : p.status().message().c_str());
    return;
  }
  for (auto _ : state) {
    for (const auto& page : pages) {
      qingxi::InputDocument doc;
      doc.id = page.path;
      doc.source = page.path;
      doc.bytes = page.bytes;
      doc.name_hint = page.path;
      doc.kind = kind;
      if (!layer.empty()) doc.url = "https://news.example.com/2024/01/a.html";
      if (explain) {
        qingxi::Explanation ex;
        qingxi::Record r = (*p)->Process(doc, &ex);
        std::string line = qingxi::ToJsonLine(r);
        std::string explained = qingxi::ExplanationToJsonLine(r, ex);
        benchmark::DoNotOptimize(line);
        benchmark::DoNotOptimize(explained);
        continue;
      }
      std::string line = qingxi::ToJsonLine((*p)->Process(doc));
      benchmark::DoNotOptimize(line);
    }
  }
  Report(state, pages);
}

void BM_Pipeline(benchmark::State& state) { RunPipeline(state, Pages(), qingxi::InputKind::kAuto); }
BENCHMARK(BM_Pipeline)->Unit(benchmark::kMillisecond)->MinTime(3.0);

// The same with a layer of 100 `site` sections (one of them the pages' site), each with a
// drop.rules phrase and a watermark phrase: the cost of site-scoped rules on every page.
void BM_PipelineSiteLayer(benchmark::State& state) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("qingxi-bench-layer-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::ofstream drop(dir / "drop.rules"), watermark(dir / "watermark.rules");
  for (int i = 0; i < 100; ++i) {
    const std::string site = i == 50 ? "example.com" : "site" + std::to_string(i) + ".example.org";
    drop << "site " << site << "\nphrase 本站独家整理第" << i << "号\n";
    watermark << "site " << site << "\nphrase 【来源" << i << "网】\n";
  }
  drop.close();
  watermark.close();
  RunPipeline(state, Pages(), qingxi::InputKind::kAuto, dir.string());
  fs::remove_all(dir);
}
BENCHMARK(BM_PipelineSiteLayer)->Unit(benchmark::kMillisecond)->MinTime(3.0);

// The same with every removal explained (`qingxi clean --explain`).
void BM_PipelineExplain(benchmark::State& state) {
  RunPipeline(state, Pages(), qingxi::InputKind::kAuto, "", /*explain=*/true);
}
BENCHMARK(BM_PipelineExplain)->Unit(benchmark::kMillisecond)->MinTime(3.0);

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

// Text mode end to end: decode + main-content detection + clean + convert + JSON.
void BM_TextPipeline(benchmark::State& state) {
  RunPipeline(state, TextPages(), qingxi::InputKind::kText);
}
BENCHMARK(BM_TextPipeline)->Unit(benchmark::kMillisecond)->MinTime(3.0);

// Main-content detection alone, on the dumps (already UTF-8).
void BM_TextExtract(benchmark::State& state) {
  auto ex = qingxi::TextExtractor::Create(QINGXI_RULES_DIR);
  if (!ex.ok()) {
    state.SkipWithError(ex.status().message().c_str());
    return;
  }
  for (auto _ : state) {
    for (const auto& page : TextPages()) {
      auto r = (*ex)->Extract(page.bytes, {});
      benchmark::DoNotOptimize(r);
    }
  }
  Report(state, TextPages());
}
BENCHMARK(BM_TextExtract)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
