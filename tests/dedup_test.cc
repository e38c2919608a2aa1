// Duplicate removal: MinHash sketches and LSH parameters (qingxi/minhash.h), clusters
// (qingxi/dedup.h), site boilerplate lines (qingxi/dedup_lines.h), and `qingxi dedup` on a
// corpus with known duplicates (tests/dedup_corpus.h).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dedup_corpus.h"
#include "qingxi/dedup.h"
#include "qingxi/dedup_lines.h"
#include "qingxi/hash.h"
#include "qingxi/signals.h"
#include "qingxi/minhash.h"
#include "test_util.h"

namespace qingxi {
namespace {

using testing::BinaryPath;
using testing::CorpusDoc;
using testing::ReadFile;
using testing::ReadLines;
using testing::RunCommand;
using testing::TempDir;
using testing::WriteFile;

TEST(LshParams, SplitForTheThresholdSeparatesAboveFromBelow) {
  // Equal weights: datasketch's (and data-juicer's) 9 x 13 for 0.8.
  LshParams even = OptimalLshParams(0.8, 128, 0.5);
  EXPECT_EQ(even.bands, 9);
  EXPECT_EQ(even.rows, 13);
  // The split MinHasher uses: verified candidates, so false negatives weigh more.
  LshParams p = MinHasher(0.8).lsh();
  EXPECT_LE(p.bands * p.rows, 128);
  EXPECT_GT(CandidateProbability(0.85, p), 0.95);
  EXPECT_GT(CandidateProbability(0.85, p), CandidateProbability(0.85, even));
  EXPECT_LT(CandidateProbability(0.5, p), 0.05);
  // A lower threshold gets more, shorter bands.
  LshParams low = MinHasher(0.5).lsh();
  EXPECT_GT(low.bands, p.bands);
  EXPECT_GT(CandidateProbability(0.6, low), 0.9);
}

// Texts of n distinct 5-grams: "words" of five distinct Han characters.
std::string Words(int from, int to) {
  std::string s;
  for (int w = from; w < to; ++w) {
    for (int k = 0; k < 5; ++k) utf8::Append(static_cast<char32_t>(0x4E00 + (w * 7 + k * 3001) % 20000), &s);
    s += "。";
  }
  return s;
}

TEST(MinHash, SignatureEstimatesJaccardSimilarity) {
  MinHasher hasher(0.8);
  MinHasher::Scratch scratch;
  std::vector<uint8_t> a(hasher.sketch_bytes()), b(hasher.sketch_bytes());
  const size_t sig = 8 + 4 * hasher.lsh().bands;
  double worst = 0;
  for (int shared : {100, 300, 500, 800, 950}) {
    // Two texts sharing `shared` of their 1000 words.
    hasher.Sketch(Words(0, 1000), &scratch, a.data());
    hasher.Sketch(Words(1000 - shared, 2000 - shared), &scratch, b.data());
    std::vector<char32_t> cps;
    // True Jaccard of the 5-gram sets, counted directly.
    auto grams = [&](const std::string& t) {
      NormalizeForDedup(t, &cps);
      std::set<std::u32string> g;
      for (size_t i = 0; i + 5 <= cps.size(); ++i) g.insert(std::u32string(cps.begin() + i, cps.begin() + i + 5));
      return g;
    };
    auto ga = grams(Words(0, 1000)), gb = grams(Words(1000 - shared, 2000 - shared));
    size_t inter = 0;
    for (const auto& g : ga) inter += gb.count(g);
    double truth = static_cast<double>(inter) / static_cast<double>(ga.size() + gb.size() - inter);
    double est = EstimateSimilarity(a.data() + sig, b.data() + sig, hasher.num_perm());
    worst = std::max(worst, std::abs(est - truth));
    EXPECT_NEAR(est, truth, 0.12) << shared << " shared words";
  }
  EXPECT_LT(worst, 0.12);
}

TEST(MinHash, ExactHashFoldsWhitespacePunctuationWidthAndCase) {
  MinHasher hasher(0.8);
  MinHasher::Scratch scratch;
  auto exact = [&](const std::string& t) {
    std::vector<uint8_t> s(hasher.sketch_bytes());
    hasher.Sketch(t, &scratch, s.data());
    uint64_t h;
    std::memcpy(&h, s.data(), 8);
    return h;
  };
  EXPECT_EQ(exact("５Ｇ网络，ＡＢＣ。\n第二段"), exact("5g 网络, abc.  第二段"));
  EXPECT_NE(exact("5G网络，ABC。"), exact("5G网络，ABD。"));
  EXPECT_EQ(exact(" \n\t"), 0u);  // no text: never matched
}

TEST(DedupIndex, ClustersAreTransitiveAndKeepTheFirst) {
  MinHasher hasher(0.8);
  DedupIndex index(&hasher, 0.8);
  MinHasher::Scratch scratch;
  std::vector<uint8_t> s(hasher.sketch_bytes());
  // 0: A; 1: unrelated; 2: A with 6% changed; 3: 2 with another 6% changed (far from 0 than 2);
  // 4: exact copy of 1; 5 and 6: empty texts (never matched, both kept).
  std::string a = Words(0, 400), c = Words(5000, 5400);
  std::string a2 = Words(0, 376) + Words(9000, 9024), a3 = Words(24, 376) + Words(9000, 9048);
  for (const std::string& t : {a, c, a2, a3, c, std::string(), std::string()}) {
    hasher.Sketch(t, &scratch, s.data());
    index.Append(s.data());
  }
  index.Cluster();
  EXPECT_TRUE(index.Kept(0));
  EXPECT_TRUE(index.Kept(1));
  EXPECT_EQ(index.Root(2), 0u);
  EXPECT_EQ(index.Root(3), 0u);
  EXPECT_EQ(index.Root(4), 1u);
  EXPECT_TRUE(index.Kept(5));
  EXPECT_TRUE(index.Kept(6));
  EXPECT_EQ(index.removed_exact(), 1u);
  EXPECT_EQ(index.removed_near(), 2u);
  EXPECT_DOUBLE_EQ(index.Similarity(4), 1.0);
  EXPECT_GT(index.Similarity(2), 0.8);
  EXPECT_LT(index.bytes_per_document(), 400u);
}

TEST(BoilerplateLines, RemovesLinesRecurringInManyDocumentsOfOneSite) {
  BoilerplateLines lines(3);
  std::vector<uint64_t> keys;
  for (int i = 0; i < 4; ++i) {
    BoilerplateLines::Keys(SiteOf("https://News.Example.cn/a/" + std::to_string(i)),
                           "第" + std::to_string(i) + "篇正文。\n关注我们：官方微信\n版权所有 © 示例新闻网", &keys);
    lines.Add(keys);
  }
  // The same footer twice on another site: below the threshold there.
  for (int i = 0; i < 2; ++i) {
    BoilerplateLines::Keys("other.cn", "另一个网站的第" + std::to_string(i) + "篇。\n关注我们：官方微信", &keys);
    lines.Add(keys);
  }
  int removed = 0;
  EXPECT_EQ(lines.Strip("news.example.cn", "第9篇正文。\n关注我们：官方微信\n版权所有 ©  示例新闻网", &removed),
            "第9篇正文。");
  EXPECT_EQ(removed, 2);
  EXPECT_EQ(lines.Strip("other.cn", "正文。\n关注我们：官方微信", &removed), "正文。\n关注我们：官方微信");
  EXPECT_EQ(removed, 0);
  EXPECT_EQ(SiteOf("http://user@Host.CN:8080/x?y"), "host.cn");
  EXPECT_EQ(SiteOf("not a url"), "");
}

// --- `qingxi dedup` on the corpus with known duplicates -------------------------------------

struct Outcome {
  size_t should_go = 0, removed_should_go = 0, distinct_removed = 0, clusters_removed_whole = 0,
         first_not_kept = 0;
  std::string detail;
};

Outcome Judge(const std::vector<CorpusDoc>& docs, const std::vector<std::string>& kept_lines) {
  std::set<std::string> kept;
  for (const auto& l : kept_lines) kept.insert(nlohmann::json::parse(l)["id"].get<std::string>());
  Outcome o;
  std::map<int, int> kept_per_cluster;
  std::set<int> seen;
  for (const auto& d : docs) {
    const bool k = kept.count(d.id) > 0;
    if (d.cluster < 0) {
      if (!k) ++o.distinct_removed, o.detail += "distinct removed: " + d.id + "\n";
      continue;
    }
    kept_per_cluster[d.cluster] += k;
    if (seen.insert(d.cluster).second) {
      if (!k) ++o.first_not_kept, o.detail += "first of cluster removed: " + d.id + "\n";
      continue;
    }
    ++o.should_go;
    if (!k) ++o.removed_should_go;
    else o.detail += "duplicate kept: " + d.id + "\n";
  }
  for (const auto& [c, n] : kept_per_cluster) o.clusters_removed_whole += n == 0;
  return o;
}

class DedupCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = TempDir();
    docs_ = testing::MakeDedupCorpus(testing::SampleTexts());
    ASSERT_GE(docs_.size(), 100u);
    WriteFile(dir_ + "/corpus.jsonl", testing::CorpusJsonl(docs_));
  }
  std::string dir_;
  std::vector<CorpusDoc> docs_;
};

TEST_F(DedupCommand, RemovesKnownDuplicatesAndKeepsDistinctDocuments) {
  std::string log;
  ASSERT_EQ(RunCommand("timeout 120 " + BinaryPath() + " dedup --threads 2 " + dir_ + "/corpus.jsonl -o " + dir_ +
                           "/kept.jsonl --report " + dir_ + "/report.jsonl 2>&1",
                       &log),
            0)
      << log;
  auto kept = ReadLines(dir_ + "/kept.jsonl");
  Outcome o = Judge(docs_, kept);
  std::printf("dedup corpus: %zu documents, %zu should go, %zu removed; %zu distinct removed\n%s%s",
              docs_.size(), o.should_go, o.removed_should_go, o.distinct_removed, o.detail.c_str(), log.c_str());
  EXPECT_GE(o.removed_should_go * 100, o.should_go * 95) << o.detail;
  EXPECT_EQ(o.distinct_removed, 0u) << o.detail;
  EXPECT_EQ(o.clusters_removed_whole, 0u) << o.detail;
  EXPECT_EQ(o.first_not_kept, 0u) << o.detail;

  // Kept records are the input lines byte for byte, in input order.
  auto input = ReadLines(dir_ + "/corpus.jsonl");
  size_t at = 0;
  for (const auto& k : kept) {
    while (at < input.size() && input[at] != k) ++at;
    ASSERT_LT(at, input.size()) << "not an input line, or out of order: " << k.substr(0, 80);
  }
  // One report line per removed record, pointing at the kept record of its own cluster.
  std::map<std::string, int> cluster_of;
  for (const auto& d : docs_) cluster_of[d.id] = d.cluster;
  std::set<std::string> kept_ids;
  for (const auto& k : kept) kept_ids.insert(nlohmann::json::parse(k)["id"].get<std::string>());
  auto report = ReadLines(dir_ + "/report.jsonl");
  EXPECT_EQ(report.size() + kept.size(), docs_.size());
  for (const auto& line : report) {
    auto j = nlohmann::json::parse(line);
    const std::string id = j["id"], of = j["duplicate_of"];
    EXPECT_EQ(cluster_of[id], cluster_of[of]) << line;
    EXPECT_TRUE(kept_ids.count(of)) << line;
    EXPECT_GE(j["similarity"].get<double>(), 0.0);
    EXPECT_LE(j["similarity"].get<double>(), 1.0);
  }
}

TEST_F(DedupCommand, SameResultWithOneThreadFromZstdAndFromStandardInput) {
  std::string log;
  ASSERT_EQ(RunCommand("timeout 120 " + BinaryPath() + " dedup -q --threads 3 " + dir_ + "/corpus.jsonl -o " +
                           dir_ + "/a.jsonl 2>&1", &log), 0) << log;
  ASSERT_EQ(RunCommand("zstd -q " + dir_ + "/corpus.jsonl -o " + dir_ + "/corpus.jsonl.zst"), 0);
  ASSERT_EQ(RunCommand("timeout 120 " + BinaryPath() + " dedup -q --threads 1 " + dir_ + "/corpus.jsonl.zst -o " +
                           dir_ + "/b.jsonl 2>&1", &log), 0) << log;
  ASSERT_EQ(RunCommand("timeout 120 " + BinaryPath() + " dedup -q --threads 1 - -o " + dir_ + "/c.jsonl.zst < " +
                           dir_ + "/corpus.jsonl 2>&1", &log), 0) << log;
  ASSERT_EQ(RunCommand("zstd -q -d " + dir_ + "/c.jsonl.zst -o " + dir_ + "/c.jsonl"), 0);
  const std::string a = ReadFile(dir_ + "/a.jsonl");
  EXPECT_LT(a.size(), ReadFile(dir_ + "/corpus.jsonl").size());
  EXPECT_EQ(a, ReadFile(dir_ + "/b.jsonl"));
  EXPECT_EQ(a, ReadFile(dir_ + "/c.jsonl"));
}

TEST_F(DedupCommand, DuplicatesAcrossInputFilesKeepTheEarlierFile) {
  // The corpus split in two files: same kept set as one file.
  auto lines = ReadLines(dir_ + "/corpus.jsonl");
  std::string first, second;
  for (size_t i = 0; i < lines.size(); ++i) (i < lines.size() / 2 ? first : second) += lines[i] + "\n";
  WriteFile(dir_ + "/one.jsonl", first);
  WriteFile(dir_ + "/two.jsonl", second);
  std::string log;
  ASSERT_EQ(RunCommand("timeout 120 " + BinaryPath() + " dedup -q " + dir_ + "/corpus.jsonl -o " + dir_ +
                           "/all.jsonl 2>&1", &log), 0) << log;
  ASSERT_EQ(RunCommand("timeout 120 " + BinaryPath() + " dedup -q " + dir_ + "/one.jsonl " + dir_ +
                           "/two.jsonl -o " + dir_ + "/split.jsonl 2>&1", &log), 0) << log;
  EXPECT_EQ(ReadFile(dir_ + "/all.jsonl"), ReadFile(dir_ + "/split.jsonl"));
}

TEST_F(DedupCommand, LinesRemovesSiteBoilerplateAndBadInputIsReported) {
  std::vector<std::string> bases;  // six distinct texts
  for (const auto& d : docs_)
    if (d.kind == "base" && bases.size() < 6) bases.push_back(d.text);
  std::string in;
  for (int i = 0; i < 6; ++i) {
    nlohmann::ordered_json j;
    j["id"] = "p" + std::to_string(i);
    j["url"] = "https://www.farm.cn/a/" + std::to_string(i) + ".html";
    j["text"] = bases[static_cast<size_t>(i)] + "\n扫一扫关注本站公众号\n本站部分内容来自网络，如有侵权请联系删除。";
    // The fields derived from the text, as `clean --signals` writes them (of the text before).
    j["content_hash"] = Fnv1a64Hex(j["text"].get<std::string>());
    j["signals"] = nlohmann::json::parse(corpus::SignalsToJson(corpus::ComputeSignals(j["text"].get<std::string>())));
    in += j.dump() + "\n";
  }
  in += "{\"id\": \"broken\", \"text\": \"unterminated\n";  // not JSON: kept, counted
  WriteFile(dir_ + "/site.jsonl", in);
  std::string log;
  ASSERT_EQ(RunCommand("timeout 120 " + BinaryPath() + " dedup --lines " + dir_ + "/site.jsonl -o " + dir_ +
                           "/out.jsonl 2>&1", &log), 0) << log;
  EXPECT_NE(log.find("12 site boilerplate lines removed"), std::string::npos) << log;
  EXPECT_NE(log.find("1 lines were not JSON objects"), std::string::npos) << log;
  auto out = ReadLines(dir_ + "/out.jsonl");
  ASSERT_EQ(out.size(), 7u);
  for (size_t i = 0; i < 6; ++i) {
    auto j = nlohmann::json::parse(out[i]);
    EXPECT_EQ(j["text"], bases[i]) << out[i];
    // The hash and the signals follow the stripped text.
    EXPECT_EQ(j["content_hash"], Fnv1a64Hex(bases[i])) << out[i];
    EXPECT_EQ(j["signals"], nlohmann::json::parse(corpus::SignalsToJson(corpus::ComputeSignals(bases[i]))))
        << out[i];
    EXPECT_EQ(j["url"], "https://www.farm.cn/a/" + std::to_string(i) + ".html");
  }
  // --signals adds the signals to the kept records that lack them; a record with them keeps its own.
  nlohmann::ordered_json plain;
  plain["id"] = "a";
  plain["text"] = bases[0];
  std::string mixed = plain.dump() + "\n" + ReadLines(dir_ + "/site.jsonl")[1] + "\n";
  WriteFile(dir_ + "/mixed.jsonl", mixed);
  ASSERT_EQ(RunCommand("timeout 120 " + BinaryPath() + " dedup -q --signals " + dir_ + "/mixed.jsonl -o " +
                           dir_ + "/sig.jsonl 2>&1", &log), 0) << log;
  auto sig = ReadLines(dir_ + "/sig.jsonl");
  ASSERT_EQ(sig.size(), 2u);
  EXPECT_EQ(nlohmann::json::parse(sig[0])["signals"],
            nlohmann::json::parse(corpus::SignalsToJson(corpus::ComputeSignals(bases[0]))));
  EXPECT_EQ(sig[1], ReadLines(dir_ + "/site.jsonl")[1]);  // had signals: byte for byte
  // Without --lines the records pass unchanged.
  ASSERT_EQ(RunCommand("timeout 120 " + BinaryPath() + " dedup -q " + dir_ + "/site.jsonl -o " + dir_ +
                           "/plain.jsonl 2>&1", &log), 0) << log;
  EXPECT_EQ(ReadFile(dir_ + "/plain.jsonl"), in);
  // A missing input: one line naming it, exit 1, no output file.
  EXPECT_EQ(RunCommand("timeout 60 " + BinaryPath() + " dedup " + dir_ + "/nope.jsonl -o " + dir_ +
                           "/x.jsonl 2>&1", &log), 1) << log;
  EXPECT_NE(log.find("nope.jsonl"), std::string::npos) << log;
}

// Records of other tools: keys in any order, nested values, \u escapes (with a surrogate pair),
// whitespace around tokens; the same text however it is spelled in JSON.
TEST_F(DedupCommand, TextIsReadTheSameHoweverTheJsonSpellsIt) {
  const std::string text = docs_[0].text;
  nlohmann::ordered_json plain;
  plain["id"] = "plain";
  plain["text"] = text + "😀";
  std::string escaped = nlohmann::json(text + "😀").dump(-1, ' ', /*ensure_ascii=*/true);
  const std::string in =
      plain.dump() + "\n" +
      "{ \"meta\": {\"signals\": {\"han_ratio\": 0.9, \"tags\": [\"a\", {\"b\": \"}\"}]}}, \"flags\": [],"
      " \"text\" : " + escaped + " , \"id\" : \"escaped\" }\n" +
      "{\"id\":\"other\",\"text\":\"另一篇完全不同的文章，讲述别的事情，和前面的内容没有关系。\"}\n";
  WriteFile(dir_ + "/tools.jsonl", in);
  std::string log;
  ASSERT_EQ(RunCommand("timeout 60 " + BinaryPath() + " dedup " + dir_ + "/tools.jsonl -o " + dir_ +
                           "/k.jsonl --report " + dir_ + "/r.jsonl 2>&1", &log), 0) << log;
  EXPECT_NE(log.find("1 exact and 0 near"), std::string::npos) << log;
  auto report = ReadLines(dir_ + "/r.jsonl");
  ASSERT_EQ(report.size(), 1u);
  EXPECT_EQ(report[0], "{\"id\":\"escaped\",\"duplicate_of\":\"plain\",\"similarity\":1.0}");
}

// `batch dedup` on the local pool: stages over a manifest of part files, the same kept set as a
// one-process run, the removed records reported once, and a second run that does nothing.
TEST_F(DedupCommand, BatchDedupOnTheLocalPoolKeepsWhatOneProcessKeeps) {
  auto lines = ReadLines(dir_ + "/corpus.jsonl");
  std::string manifest;
  for (int part = 0; part < 4; ++part) {
    std::string text;
    for (size_t i = part; i < lines.size(); i += 4) text += lines[i] + "\n";
    const std::string path = dir_ + "/part" + std::to_string(part) + ".jsonl";
    WriteFile(path, text);
    manifest += path + "\n";
  }
  WriteFile(dir_ + "/parts.txt", "# part files\n" + manifest);
  std::string log;
  ASSERT_EQ(RunCommand("timeout 120 " + BinaryPath() + " dedup -q --manifest " + dir_ + "/parts.txt -o " + dir_ +
                           "/one.jsonl --report " + dir_ + "/one.report 2>&1", &log), 0) << log;
  const std::string batch = "timeout 300 " + BinaryPath() + " batch dedup --engine local --jobs 2 --manifest " +
                            dir_ + "/parts.txt --shards 3 --out " + dir_ + "/out 2>&1";
  ASSERT_EQ(RunCommand(batch, &log), 0) << log;
  EXPECT_NE(log.find("dedup stage cluster"), std::string::npos) << log;
  std::vector<std::string> kept, report;
  for (int i = 0; i < 3; ++i) {
    auto k = ReadLines(dir_ + "/out/part-" + std::to_string(i) + ".jsonl");
    kept.insert(kept.end(), k.begin(), k.end());
    auto r = ReadLines(dir_ + "/out/report-" + std::to_string(i) + ".jsonl");
    report.insert(report.end(), r.begin(), r.end());
  }
  auto one = ReadLines(dir_ + "/one.jsonl");
  auto one_report = ReadLines(dir_ + "/one.report");
  ASSERT_LT(one.size(), lines.size());
  std::sort(kept.begin(), kept.end());
  std::sort(one.begin(), one.end());
  std::sort(report.begin(), report.end());
  std::sort(one_report.begin(), one_report.end());
  EXPECT_TRUE(kept == one) << kept.size() << " kept by the batch, " << one.size() << " by one process";
  EXPECT_TRUE(report == one_report);
  ASSERT_EQ(RunCommand(batch, &log), 0) << log;
  EXPECT_NE(log.find("0 of 3 shards to run"), std::string::npos) << log;
  // --lines needs every site's documents in one process.
  EXPECT_EQ(RunCommand("timeout 60 " + BinaryPath() + " batch dedup --engine local --manifest " + dir_ +
                           "/parts.txt --shards 2 --out " + dir_ + "/lines -- --lines 2>&1", &log), 2) << log;
  EXPECT_NE(log.find("dedup --lines works in one process only"), std::string::npos) << log;
}

// The same judgement on the real evaluation texts when ../shared is present.
TEST(DedupShared, KnownDuplicatesOfTheEvaluationTexts) {
  QINGXI_REQUIRE_SHARED();
  const std::string gold = testing::SharedDir() + "/eval/daniel-zh/gold";
  if (!std::filesystem::is_directory(gold)) GTEST_SKIP() << gold << " is absent";
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(gold)) names.push_back(e.path().string());
  std::sort(names.begin(), names.end());
  std::vector<std::string> texts;
  for (const auto& n : names) {
    std::string t = ReadFile(n);
    if (t.size() >= 600) texts.push_back(t);
  }
  auto docs = testing::MakeDedupCorpus(texts);
  std::string dir = TempDir();
  WriteFile(dir + "/corpus.jsonl", testing::CorpusJsonl(docs));
  std::string log;
  ASSERT_EQ(RunCommand("timeout 300 " + BinaryPath() + " dedup " + dir + "/corpus.jsonl -o " + dir +
                           "/kept.jsonl 2>&1", &log), 0) << log;
  Outcome o = Judge(docs, ReadLines(dir + "/kept.jsonl"));
  std::printf("evaluation texts: %zu documents, %zu should go, %zu removed; %zu distinct removed\n%s",
              docs.size(), o.should_go, o.removed_should_go, o.distinct_removed, log.c_str());
  EXPECT_GE(o.removed_should_go * 100, o.should_go * 95) << o.detail;
  EXPECT_EQ(o.distinct_removed, 0u) << o.detail;
  EXPECT_EQ(o.clusters_removed_whole, 0u) << o.detail;
}

}  // namespace
}  // namespace qingxi
