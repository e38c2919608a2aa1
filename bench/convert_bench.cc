// Throughput of traditional -> simplified conversion (Converter::ToSimplified), one thread.
//
// Texts, from ../shared when present (else tests/data/t2s_sentences.tsv repeated):
//  * Simplified: the simplified gold texts of daniel-zh (the common case of a simplified
//    corpus: nothing to convert, one table read per character).
//  * Traditional: daniel-zh-text dumps of the traditional pages (every span converted).
//  * Mixed: the two interleaved paragraph by paragraph, plus simplified paragraphs with one
//    character in twenty written in its traditional form (a simplified page with stray
//    traditional characters: forced spans only) — the realistic mixed case.
// Counters: MB/s of input (bytes_per_second). Also the start-up cost (Converter::Create).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "qingxi/convert.h"
#include "qingxi/utf8.h"

namespace {

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);)
    if (!l.empty()) out.push_back(l);
  return out;
}

const qingxi::Converter& Conv() {
  static std::shared_ptr<const qingxi::Converter> conv = [] {
    auto c = qingxi::Converter::Create(QINGXI_RULES_DIR);
    if (!c.ok()) {
      std::fprintf(stderr, "convert_bench: %s\n", c.status().ToString().c_str());
      std::exit(2);
    }
    return c.value();
  }();
  return *conv;
}

struct Corpus {
  std::string simplified, traditional, mixed;
};

const Corpus& Texts() {
  static Corpus c = [] {
    namespace fs = std::filesystem;
    Corpus out;
    const std::string shared = QINGXI_SHARED_DIR;
    std::vector<std::string> hans, hant;
    std::error_code ec;
    if (fs::is_directory(shared + "/eval/daniel-zh/gold", ec)) {
      std::ifstream manifest(shared + "/eval/daniel-zh/MANIFEST.tsv");
      for (std::string row; std::getline(manifest, row);) {
        std::istringstream in(row);
        std::string id, name, script;
        std::getline(in, id, '\t');
        std::getline(in, name, '\t');
        std::getline(in, script, '\t');
        if (script == "Hans") {
          for (auto& l : Lines(Read(shared + "/eval/daniel-zh/gold/" + id + ".txt")))
            hans.push_back(l);
        } else if (script == "Hant") {
          for (auto& l : Lines(Read(shared + "/eval/daniel-zh-text/txt/" + id + ".txt")))
            hant.push_back(l);
        }
      }
    }
    if (hans.empty() || hant.empty()) {
      std::ifstream in(std::string(QINGXI_RULES_DIR) + "/../tests/data/t2s_sentences.tsv");
      std::vector<std::string> h, t;
      for (std::string l; std::getline(in, l);) {
        if (l.empty() || l[0] == '#') continue;
        size_t a = l.find('\t'), b = l.find('\t', a + 1);
        t.push_back(l.substr(a + 1, b - a - 1));
        h.push_back(l.substr(b + 1));
      }
      for (int i = 0; i < 2000; ++i) {
        hans.insert(hans.end(), h.begin(), h.end());
        hant.insert(hant.end(), t.begin(), t.end());
      }
    }
    for (const auto& l : hans) out.simplified += l + "\n";
    for (const auto& l : hant) out.traditional += l + "\n";
    // Mixed: simplified and traditional paragraphs interleaved, and simplified paragraphs with
    // stray traditional characters (the traditional form of every 20th character that has one).
    std::string scratch;
    for (size_t i = 0; i < std::max(hans.size(), hant.size()); ++i) {
      if (i < hant.size() && i % 4 == 0) out.mixed += hant[i] + "\n";
      if (i >= hans.size()) continue;
      const std::string& l = hans[i];
      if (i % 2 == 0) {
        out.mixed += l + "\n";
        continue;
      }
      // Sprinkle: swap in traditional characters taken from the traditional dumps.
      const std::string& t = hant[i % hant.size()];
      size_t p = 0, q = 0, k = 0;
      while (p < l.size()) {
        size_t b = p;
        char32_t cp = qingxi::utf8::Next(l, &p);
        if (++k % 20 == 0 && qingxi::utf8::IsHan(cp) && q < t.size()) {
          // the next traditional-only character of the dump
          while (q < t.size()) {
            size_t tb = q;
            char32_t tc = qingxi::utf8::Next(t, &q);
            if (Conv().IsTraditionalOnly(tc)) {
              out.mixed.append(t, tb, q - tb);
              break;
            }
          }
          if (q < t.size()) continue;
        }
        out.mixed.append(l, b, p - b);
      }
      out.mixed += "\n";
    }
    return out;
  }();
  return c;
}

void Run(benchmark::State& state, const std::string& text) {
  for (auto _ : state) {
    std::string out = Conv().ToSimplified(text);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["MB"] = static_cast<double>(text.size()) / 1e6;
}

void BM_ConvertSimplified(benchmark::State& state) { Run(state, Texts().simplified); }
void BM_ConvertTraditional(benchmark::State& state) { Run(state, Texts().traditional); }
void BM_ConvertMixed(benchmark::State& state) { Run(state, Texts().mixed); }

void BM_ConverterCreate(benchmark::State& state) {
  for (auto _ : state) {
    auto c = qingxi::Converter::Create(QINGXI_RULES_DIR);
    benchmark::DoNotOptimize(c.ok());
  }
}

BENCHMARK(BM_ConvertSimplified)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ConvertTraditional)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ConvertMixed)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ConverterCreate)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
