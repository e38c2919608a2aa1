// A deterministic corpus with known duplicates for the dedup tests, built from the texts of the
// golden samples (samples/expected/*.json "text"), or from any list of texts.
//
// Texts are paired into base documents (two articles of a site's page, ~1.2 KB). For every base
// the corpus holds, in a fixed shuffled order:
//   should go (duplicates): an exact repost; a repost with half-width punctuation and extra
//   spaces; a content-farm copy (an intro line on top, a watermark clause inside two sentences, a
//   footer); a copy with one paragraph dropped; a copy with 1% of its Han characters changed;
//   must stay (distinct): a copy reusing 40% of the base's paragraphs, the rest from another base.
// The first document of each cluster in corpus order is the one dedup must keep.
#ifndef QINGXI_TESTS_DEDUP_CORPUS_H_
#define QINGXI_TESTS_DEDUP_CORPUS_H_

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "qingxi/utf8.h"
#include "test_util.h"

namespace qingxi::testing {

struct CorpusDoc {
  std::string id, text;
  int cluster = -1;  // base index; -1 for a distinct document
  std::string kind;  // "base", "repost", "reformatted", "farm", "dropped", "changed", "mix"
};

inline std::vector<std::string> SplitParagraphs(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    if (nl > start) out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

inline std::string JoinParagraphs(const std::vector<std::string>& ps) {
  std::string out;
  for (const auto& p : ps) out += (out.empty() ? "" : "\n") + p;
  return out;
}

// The golden samples' recorded texts, in file-name order.
inline std::vector<std::string> SampleTexts() {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(SourceDir() + "/samples/expected"))
    if (e.path().extension() == ".json") names.push_back(e.path().string());
  std::sort(names.begin(), names.end());
  std::vector<std::string> texts;
  for (const auto& n : names) {
    auto j = nlohmann::json::parse(ReadFile(n), nullptr, false);
    if (j.is_object() && j.contains("text") && j["text"].is_string()) texts.push_back(j["text"]);
  }
  return texts;
}

// A small deterministic generator (the standard distributions differ between libraries).
struct Lcg {
  uint64_t s;
  uint32_t Next() {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(s >> 33);
  }
};

inline std::vector<CorpusDoc> MakeDedupCorpus(const std::vector<std::string>& texts) {
  static const char* kSites[] = {"范文大全网", "学习啦", "公务员之家", "第一范文网", "文库吧"};
  std::vector<std::string> bases;
  for (size_t i = 0; i + 1 < texts.size(); i += 2) bases.push_back(texts[i] + "\n" + texts[i + 1]);
  std::vector<CorpusDoc> docs;
  const int n = static_cast<int>(bases.size());
  for (int b = 0; b < n; ++b) {
    const std::string& text = bases[b];
    const auto paras = SplitParagraphs(text);
    const std::string site = kSites[b % 5];
    const std::string tag = "b" + std::to_string(b);
    docs.push_back({tag + "-base", text, b, "base"});
    docs.push_back({tag + "-repost", text, b, "repost"});
    {  // half-width punctuation, spaces around lines
      std::string t;
      size_t pos = 0;
      while (pos < text.size()) {
        char32_t c = utf8::Next(text, &pos);
        if (c == U'，') c = U',';
        else if (c == U'：') c = U':';
        utf8::Append(c, &t);
        if (c == U'\n') t += "  ";
      }
      docs.push_back({tag + "-reformatted", "  " + t + " ", b, "reformatted"});
    }
    {  // content farm: intro line, watermark clause inside two sentences, footer
      std::vector<std::string> ps = paras;
      const std::string mark = "（本文来源：" + site + "）";
      for (size_t k : {size_t{1}, ps.size() / 2}) {
        if (k >= ps.size()) continue;
        size_t comma = ps[k].find("，");
        ps[k].insert(comma == std::string::npos ? ps[k].size() : comma, mark);
      }
      ps.insert(ps.begin(), "本文由" + site + "整理发布，仅供学习参考。");
      ps.push_back("更多精彩内容请关注" + site + "，转载请注明出处。");
      docs.push_back({tag + "-farm", JoinParagraphs(ps), b, "farm"});
    }
    {  // one paragraph dropped: the one (not the first) closest to a tenth of the text
      size_t best = 1;
      long best_gap = 1L << 40;
      for (size_t k = 1; k < paras.size(); ++k) {
        long gap = std::labs(static_cast<long>(paras[k].size()) - static_cast<long>(text.size() / 10));
        if (gap < best_gap) best_gap = gap, best = k;
      }
      std::vector<std::string> ps = paras;
      if (ps.size() > 1) ps.erase(ps.begin() + static_cast<long>(best));
      docs.push_back({tag + "-dropped", JoinParagraphs(ps), b, "dropped"});
    }
    {  // every 100th Han character replaced by its neighbour in the code table
      std::string t;
      size_t pos = 0, han = 0;
      while (pos < text.size()) {
        char32_t c = utf8::Next(text, &pos);
        if (utf8::IsHan(c) && ++han % 100 == 50) c = c + 1;
        utf8::Append(c, &t);
      }
      docs.push_back({tag + "-changed", t, b, "changed"});
    }
    {  // distinct: 40% of this base's paragraphs, then 60% from another base's
      const auto other = SplitParagraphs(bases[(b + n / 2) % n]);
      std::vector<std::string> ps(paras.begin(), paras.begin() + static_cast<long>((paras.size() * 2 + 4) / 5));
      ps.insert(ps.end(), other.end() - static_cast<long>((other.size() * 3 + 4) / 5), other.end());
      docs.push_back({tag + "-mix", JoinParagraphs(ps), -1, "mix"});
    }
  }
  Lcg rng{20240518};
  for (size_t i = docs.size(); i > 1; --i) std::swap(docs[i - 1], docs[rng.Next() % i]);
  return docs;
}

inline std::string CorpusJsonl(const std::vector<CorpusDoc>& docs) {
  std::string out;
  for (const auto& d : docs) {
    nlohmann::ordered_json j;
    j["id"] = d.id;
    j["source"] = "corpus/" + d.id + ".html";
    j["text"] = d.text;
    out += j.dump() + "\n";
  }
  return out;
}

}  // namespace qingxi::testing

#endif  // QINGXI_TESTS_DEDUP_CORPUS_H_
