// Quality signals of clean text (see qingxi/signals.h and docs/signals.md). One pass over the
// code points gathers the counts, the per-line state and the rolling n-gram hashes; a second
// walk over the distinct lines is not needed because repeated lines are found with a hash set
// as each line ends.
#include "qingxi/signals.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "qingxi/hash.h"
#include "qingxi/utf8.h"

namespace qingxi::corpus {
namespace {

bool IsAsciiSentencePunct(char32_t c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?';
}

// Sentence-final punctuation, optionally followed by a closing quote or bracket.
bool IsSentenceFinal(char32_t c) {
  return c == 0x3002 /*。*/ || c == 0xFF01 /*！*/ || c == 0xFF1F /*？*/ || c == 0x2026 /*…*/ ||
         c == 0xFF0E /*．*/ || c == '.' || c == '!' || c == '?' || c == 0xFF1B /*；*/ || c == ';';
}
bool IsClosingMark(char32_t c) {
  return c == 0x201D /*”*/ || c == 0x2019 /*’*/ || c == 0x300D /*」*/ || c == 0x300F /*』*/ ||
         c == 0xFF09 /*）*/ || c == ')' || c == '"' || c == '\'' || c == 0x300B /*》*/;
}

double Ratio(uint64_t a, uint64_t b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; }

// A counter per 64-bit key with open addressing (linear probing, at most half full): several
// times faster than std::unordered_map for the one insert per code point that the n-gram and
// character counts make. Key 0 marks an empty slot, so key 0 is stored as 1 (a hash collision
// of probability 2^-64).
class FlatCounter {
 public:
  explicit FlatCounter(size_t expected) {
    size_t cap = 16;
    while (cap < expected * 2) cap <<= 1;
    keys_.assign(cap, 0);
    counts_.assign(cap, 0);
  }
  // Adds one to `key`'s count and returns the new count.
  uint32_t Add(uint64_t key) {
    if (key == 0) key = 1;
    if ((size_ + 1) * 2 > keys_.size()) Grow();
    size_t i = Slot(key);
    if (keys_[i] == 0) {
      keys_[i] = key;
      ++size_;
    }
    return ++counts_[i];
  }
  uint32_t Max() const {
    return counts_.empty() ? 0 : *std::max_element(counts_.begin(), counts_.end());
  }

 private:
  size_t Slot(uint64_t key) const {
    const size_t mask = keys_.size() - 1;
    size_t i = static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 20) & mask;
    while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask;
    return i;
  }
  void Grow() {
    std::vector<uint64_t> keys(keys_.size() * 2, 0);
    std::vector<uint32_t> counts(keys.size(), 0);
    keys.swap(keys_);
    counts.swap(counts_);
    for (size_t j = 0; j < keys.size(); ++j) {
      if (keys[j] == 0) continue;
      size_t i = Slot(keys[j]);
      keys_[i] = keys[j];
      counts_[i] = counts[j];
    }
  }

  std::vector<uint64_t> keys_;
  std::vector<uint32_t> counts_;
  size_t size_ = 0;
};

}  // namespace

Signals ComputeSignals(std::string_view text) {
  Signals s;
  uint64_t punct = 0, digits = 0, ascii = 0, end_punct_lines = 0, dup_line_chars = 0;
  FlatCounter freq(256), seen_lines(64);

  // Rolling hash of the last kDupNgramChars non-space code points (polynomial, mod 2^64).
  constexpr uint64_t kBase = 1000003ull;
  uint64_t base_pow = 1;  // kBase^(n-1)
  for (int i = 1; i < kDupNgramChars; ++i) base_pow *= kBase;
  std::vector<char32_t> window(kDupNgramChars);
  uint64_t rolling = 0, position = 0, covered_end = 0, dup_ngram_chars = 0;
  FlatCounter seen_ngrams(text.size() / 3 + 16);

  size_t pos = 0, line_start = 0;
  uint64_t line_chars = 0;
  char32_t last_visible = 0, before_last = 0;
  auto end_line = [&](size_t end) {
    if (line_chars > 0) {
      ++s.lines;
      std::string_view line = utf8::Trim(text.substr(line_start, end - line_start));
      if (!line.empty() && seen_lines.Add(Fnv1a64(line)) > 1) dup_line_chars += line_chars;
      char32_t last = last_visible;
      if (IsClosingMark(last) && before_last != 0) last = before_last;
      if (IsSentenceFinal(last)) ++end_punct_lines;
    }
    line_chars = 0;
    last_visible = before_last = 0;
  };
  while (pos < text.size()) {
    char32_t c = utf8::Next(text, &pos);
    if (c == '\n') {
      end_line(pos - 1);
      line_start = pos;
      continue;
    }
    if (c == '\r') continue;
    ++s.chars;
    ++line_chars;
    if (utf8::IsSpace(c)) continue;
    ++s.non_space;
    before_last = last_visible;
    last_visible = c;
    if (utf8::IsHan(c)) ++s.han_chars;
    if (utf8::IsCjkPunct(c) || IsAsciiSentencePunct(c)) ++punct;
    if ((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19)) ++digits;
    if (c < 0x80) ++ascii;
    freq.Add(c);
    // The n-gram ending here: if an earlier one had the same hash, its code points (those not
    // already counted) are duplicated text.
    const int slot = static_cast<int>(position % kDupNgramChars);
    if (position >= static_cast<uint64_t>(kDupNgramChars)) rolling -= window[slot] * base_pow;
    rolling = rolling * kBase + c;
    window[slot] = c;
    ++position;
    if (position >= static_cast<uint64_t>(kDupNgramChars) && seen_ngrams.Add(rolling) > 1) {
      const uint64_t start = position - kDupNgramChars;
      dup_ngram_chars += position - std::max(start, covered_end);
      covered_end = position;
    }
  }
  end_line(text.size());

  const uint32_t top = freq.Max();
  s.han_ratio = Ratio(s.han_chars, s.non_space);
  s.mean_line_chars = Ratio(s.chars, s.lines);
  s.punct_ratio = Ratio(punct, s.non_space);
  s.end_punct_line_frac = Ratio(end_punct_lines, s.lines);
  s.dup_line_frac = Ratio(dup_line_chars, s.chars);
  s.dup_ngram_frac = Ratio(dup_ngram_chars, s.non_space);
  s.top_char_frac = Ratio(top, s.non_space);
  s.digit_ratio = Ratio(digits, s.non_space);
  s.ascii_ratio = Ratio(ascii, s.non_space);
  return s;
}

std::string SignalsToJson(const Signals& s) {
  char buf[640];
  std::snprintf(
      buf, sizeof buf,
      "{\"chars\":%llu,\"non_space\":%llu,\"han_chars\":%llu,\"lines\":%llu,"
      "\"han_ratio\":%.4f,\"mean_line_chars\":%.1f,\"punct_ratio\":%.4f,"
      "\"end_punct_line_frac\":%.4f,\"dup_line_frac\":%.4f,\"dup_ngram_frac\":%.4f,"
      "\"top_char_frac\":%.4f,\"digit_ratio\":%.4f,\"ascii_ratio\":%.4f}",
      static_cast<unsigned long long>(s.chars), static_cast<unsigned long long>(s.non_space),
      static_cast<unsigned long long>(s.han_chars), static_cast<unsigned long long>(s.lines),
      s.han_ratio, s.mean_line_chars, s.punct_ratio, s.end_punct_line_frac, s.dup_line_frac,
      s.dup_ngram_frac, s.top_char_frac, s.digit_ratio, s.ascii_ratio);
  return buf;
}

}  // namespace qingxi::corpus
