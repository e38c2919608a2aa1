// Throughput of the corpus stages on clean text: quality signals (ComputeSignals) per document,
// and `qingxi stats` counting per JSONL record (parse + signals + counts).
//
// Texts: the pages of pipeline_bench ($QINGXI_BENCH_PAGES, else ../shared/eval/daniel-zh/html,
// else samples/) cleaned once by the pipeline before timing. Counters report documents/s and MB/s
// of clean text.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "bench_pages.h"
#include "qingxi/pipeline.h"
#include "qingxi/record.h"
#include "qingxi/signals.h"
#include "qingxi/stats.h"

namespace {

struct Corpus {
  std::vector<std::string> texts, lines;
  size_t text_bytes = 0, line_bytes = 0;
};

const Corpus& Texts() {
  static Corpus corpus = [] {
    Corpus c;
    qingxi::PipelineOptions opt;
    opt.rules_dir = QINGXI_RULES_DIR;
    auto pipeline = qingxi::Pipeline::Create(opt);
    if (!pipeline.ok()) return c;
    for (const auto& page : qingxi::bench::Pages()) {
      const std::string& f = page.path;
      const std::string& bytes = page.bytes;
      qingxi::InputDocument doc;
      doc.id = f;
      doc.source = f;
      doc.bytes = bytes;
      doc.name_hint = f;
      qingxi::Record r = (*pipeline)->Process(doc);
      c.text_bytes += r.text.size();
      c.texts.push_back(r.text);
      c.lines.push_back(qingxi::ToJsonLine(r));
      c.line_bytes += c.lines.back().size();
    }
    return c;
  }();
  return corpus;
}

void BM_Signals(benchmark::State& state) {
  const Corpus& c = Texts();
  if (c.texts.empty()) {
    state.SkipWithError("no pages found");
    return;
  }
  for (auto _ : state)
    for (const auto& t : c.texts) benchmark::DoNotOptimize(qingxi::corpus::ComputeSignals(t));
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(c.texts.size()),
                                                benchmark::Counter::kIsIterationInvariantRate);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.text_bytes));
}
BENCHMARK(BM_Signals)->Unit(benchmark::kMillisecond);

void BM_StatsAddLine(benchmark::State& state) {
  const Corpus& c = Texts();
  if (c.lines.empty()) {
    state.SkipWithError("no pages found");
    return;
  }
  for (auto _ : state) {
    qingxi::corpus::CorpusStats stats;
    for (const auto& l : c.lines) stats.AddLine(l);
    benchmark::DoNotOptimize(stats.records());
  }
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(c.lines.size()),
                                                benchmark::Counter::kIsIterationInvariantRate);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.line_bytes));
}
BENCHMARK(BM_StatsAddLine)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
