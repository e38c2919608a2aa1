// qingxi/signals.h — quality signals of one document's clean text, in the spirit of the Gopher
// (MassiveText) rules and RedPajama's quality signals, adapted to Chinese: counts and ratios on
// code points, not on words, since Chinese text has no spaces between words.
//
// ComputeSignals is a plain function of the text (qingxi's one-paragraph-per-line form, or any
// UTF-8 text), so that any stage (clean, dedup, stats) can call it. Every signal and its formula
// is listed in docs/signals.md. Stateless and thread-safe.
#ifndef QINGXI_SIGNALS_H_
#define QINGXI_SIGNALS_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace qingxi::corpus {

// Length of the character n-grams behind dup_ngram_frac: 8 code points, about five Chinese
// words, the middle of the 5-10 word range the Gopher rules use.
constexpr int kDupNgramChars = 8;

struct Signals {
  uint64_t chars = 0;              // code points, line breaks excluded
  uint64_t non_space = 0;          // code points that are not white space
  uint64_t han_chars = 0;          // Han ideographs
  uint64_t lines = 0;              // non-empty lines
  double han_ratio = 0;            // han_chars / non_space
  double mean_line_chars = 0;      // chars / lines
  double punct_ratio = 0;          // (CJK + ASCII sentence punctuation) / non_space
  double end_punct_line_frac = 0;  // lines ending with sentence-final punctuation / lines
  double dup_line_frac = 0;        // chars in lines repeating an earlier line / chars
  double dup_ngram_frac = 0;       // non-space chars covered by repeated 8-grams / non_space
  double top_char_frac = 0;        // count of the most frequent non-space code point / non_space
  double digit_ratio = 0;          // digits (ASCII and full-width) / non_space
  double ascii_ratio = 0;          // non-space ASCII code points / non_space
};

// The signals of `text`. Invalid UTF-8 counts as U+FFFD. Linear in the text length.
Signals ComputeSignals(std::string_view text);

// The signals as one JSON object, keys in the order of the struct, ratios with 4 decimals:
// {"chars":120,"non_space":118,...}. Stable: the same text gives the same bytes.
std::string SignalsToJson(const Signals& s);

}  // namespace qingxi::corpus

#endif  // QINGXI_SIGNALS_H_
