// Mojibake spans: detection by runs of odd code points, repair by re-encoding, else removal.
//
// Why GB18030 re-encoding: the commonest Chinese mojibake on the web is UTF-8 bytes decoded as GBK
// (a page that declares gb2312 but is UTF-8, see WHATWG Encoding §5 on legacy labels). Encoding
// the garbled span with GB18030 (a superset of GBK that round-trips every code point) restores the
// original bytes, and decoding them as UTF-8 restores the text. When bytes were lost ('?' and
// private-use characters are the traces) the round trip does not give clean text and the span is
// dropped: a missing clause costs less than a run of garbage characters in a corpus.
#include "mojibake.h"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include "cleaner_text.h"
#include "qingxi/utf8.h"

namespace qingxi {
namespace {

constexpr char32_t kHanFirst = 0x4E00;
constexpr char32_t kHanLast = 0x9FFF;

bool IsPrivateUse(char32_t c) { return c >= 0xE000 && c <= 0xF8FF; }
// Kana and bopomofo: in a Chinese line, single ones are traces of split byte pairs ("ぷ", "ㄤ").
bool IsKana(char32_t c) { return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3100 && c <= 0x312F); }
bool IsCyrillicOrGreek(char32_t c) { return (c >= 0x0370 && c <= 0x03FF) || (c >= 0x0400 && c <= 0x04FF); }
bool IsLatinLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}
// Characters that ride along inside a mojibake span without making it suspicious: the ASCII
// leftovers of split byte pairs ("?cè)", "貐^", "规;\uE1D6@区").
bool IsNeutral(char32_t c) {
  return IsLatinLetter(c) || (c >= '0' && c <= '9') || c == '?' || c == '(' || c == ')' ||
         c == '^' || c == '_' || c == '@' || c == '*' || c == '$' || c == '`' || c == '~';
}

// Decodes every two-byte sequence lead x trail of `charset` and sets the bits of the Han results.
void AddTable(const char* charset, int lead_lo, int lead_hi, int trail_lo, int trail_hi,
              int last_lead_trail_hi, std::vector<uint64_t>* bits) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset, &err);
  if (U_FAILURE(err)) return;
  for (int lead = lead_lo; lead <= lead_hi; ++lead) {
    int hi = lead == lead_hi ? last_lead_trail_hi : trail_hi;
    for (int trail = trail_lo; trail <= hi; ++trail) {
      char src[2] = {static_cast<char>(lead), static_cast<char>(trail)};
      UChar dst[4];
      err = U_ZERO_ERROR;
      int32_t n = ucnv_toUChars(conv, dst, 4, src, 2, &err);
      if (U_FAILURE(err) || n != 1) continue;
      char32_t c = dst[0];
      if (c >= kHanFirst && c <= kHanLast) {
        size_t i = c - kHanFirst;
        (*bits)[i / 64] |= uint64_t{1} << (i % 64);
      }
    }
  }
  ucnv_close(conv);
}

}  // namespace

Result<std::unique_ptr<MojibakeRepairer>> MojibakeRepairer::Create(const Options& options) {
  if (options.min_odd < 1 || options.max_gap < 0)
    return Status::InvalidArgument("mojibake: min_odd must be >= 1 and max_gap >= 0");
  std::unique_ptr<MojibakeRepairer> r(new MojibakeRepairer());
  r->options_ = options;
  r->common_.assign((kHanLast - kHanFirst + 1 + 63) / 64, 0);
  // GB 2312 level 1: rows 16-55 (lead bytes 0xB0-0xD7), the 3,755 most frequent characters.
  AddTable("gb18030", 0xB0, 0xD7, 0xA1, 0xFE, 0xF9, &r->common_);
  // Big5 frequent characters (常用字): 0xA440-0xC67E.
  AddTable("big5", 0xA4, 0xC6, 0x40, 0xFE, 0x7E, &r->common_);
  size_t count = 0;
  for (uint64_t w : r->common_) count += __builtin_popcountll(w);
  if (count < 3000) return Status::Internal("mojibake: ICU gb18030/big5 tables are not available");
  return r;
}

bool MojibakeRepairer::IsCommonHan(char32_t c) const {
  if (c < kHanFirst || c > kHanLast) return false;
  size_t i = c - kHanFirst;
  return (common_[i / 64] >> (i % 64)) & 1;
}

bool MojibakeRepairer::TryRecode(const std::string& garbled, bool lenient, std::string* out) const {
  // U+FFFD marks bytes the first decoder could not map: they are lost, re-encoding them would only
  // add noise to the recovered bytes.
  std::string span;
  span.reserve(garbled.size());
  for (size_t p = 0; p < garbled.size();) {
    size_t q = p;
    char32_t c = cleaner::NextCp(garbled, &q);
    if (c != utf8::kReplacement) span.append(garbled, p, q - p);
    p = q;
  }
  std::vector<UChar> u16(span.size() + 1);
  int32_t n16 = 0;
  UErrorCode err = U_ZERO_ERROR;
  u_strFromUTF8(u16.data(), static_cast<int32_t>(u16.size()), &n16, span.data(),
                static_cast<int32_t>(span.size()), &err);
  if (U_FAILURE(err)) return false;
  UConverter* conv = ucnv_open("gb18030", &err);
  if (U_FAILURE(err)) return false;
  std::string bytes(span.size() * 2 + 8, '\0');
  int32_t nb = ucnv_fromUChars(conv, bytes.data(), static_cast<int32_t>(bytes.size()), u16.data(),
                               n16, &err);
  ucnv_close(conv);
  if (U_FAILURE(err)) return false;
  bytes.resize(nb);
  // Pages that are mostly UTF-8 with a few broken bytes get sniffed as GBK whole; their bytes
  // come back here with the broken ones. Clean means: at most one code point in four is damaged
  // (invalid, private-use, control, rare Han), the rest is common text with some Han; the
  // damaged code points are dropped.
  std::string valid;
  utf8::Sanitize(bytes, &valid);
  std::string fixed;
  // A run of damaged code points counts once: one lost character leaves several bad bytes.
  size_t pos = 0, han = 0, bad = 0, total = 0;
  bool in_bad = false;
  while (pos < valid.size()) {
    char32_t c = cleaner::NextCp(valid, &pos);
    if (c < 0x20 || IsPrivateUse(c) || c == utf8::kReplacement || c == '?' ||
        (utf8::IsHan(c) && !IsCommonHan(c))) {
      if (!in_bad) ++bad, ++total;
      in_bad = true;
      continue;
    }
    in_bad = false;
    ++total;
    han += utf8::IsHan(c);
    utf8::Append(c, &fixed);
  }
  if (han == 0 || (lenient ? bad * 4 > total : bad > 0)) return false;
  *out = std::move(fixed);
  return true;
}

MojibakeRepairer::Stats MojibakeRepairer::Repair(std::string* line) const {
  Stats stats;
  // Fast path: most lines have no odd code point at all.
  cleaner::CodePoints cps(*line);
  const size_t n = cps.size();
  size_t kana = 0;
  for (char32_t c : cps.cp) kana += IsKana(c);
  const bool japanese = kana * 5 > n;  // a Japanese line: kana are its letters
  // weight: 0 ordinary, 1 odd, 2 strong
  std::vector<uint8_t> weight(n, 0);
  bool any = false;
  for (size_t i = 0; i < n; ++i) {
    char32_t c = cps.cp[i];
    char32_t prev = i > 0 ? cps.cp[i - 1] : 0, next = i + 1 < n ? cps.cp[i + 1] : 0;
    uint8_t w = 0;
    if (c == utf8::kReplacement || IsPrivateUse(c)) {
      w = 2;
    } else if (c >= kHanFirst && c <= kHanLast) {
      w = IsCommonHan(c) ? 0 : 1;
    } else if (utf8::IsHan(c)) {
      w = 1;  // extension blocks: rare in real text
    } else if (IsKana(c)) {
      w = (!japanese && !IsKana(prev) && !IsKana(next)) ? 1 : 0;
    } else if (IsCyrillicOrGreek(c)) {
      w = (utf8::IsHan(prev) || utf8::IsHan(next)) ? 1 : 0;
    } else if (c == '?') {
      // "?cè)" — a lost lead byte swallowed the "(" of a pinyin group: '?' letters ')'.
      size_t j = i + 1;
      while (j < n && j < i + 8 && IsLatinLetter(cps.cp[j])) ++j;
      if (j > i + 1 && j < n && cps.cp[j] == ')') w = 2;
    }
    weight[i] = w;
    any |= w != 0;
  }
  if (!any) return stats;

  std::string out;
  size_t copied = 0;  // byte offset in *line copied so far
  size_t i = 0;
  while (i < n) {
    if (weight[i] == 0) {
      ++i;
      continue;
    }
    // Grow a span from i: odd code points, neutral ones, and gaps of up to max_gap ordinary ones.
    size_t begin = i, last_odd = i;
    int score = weight[i];
    // Private-use code points, U+FFFD and the "?cè)" trace are never text: even one is enough.
    bool stray = weight[i] == 2;
    size_t j = i + 1;
    int gap = 0;
    int ordinary = 0;  // ordinary characters inside the span (the gaps)
    while (j < n) {
      char32_t c = cps.cp[j];
      if (weight[j] != 0) {
        score += weight[j];
        stray |= weight[j] == 2;
        last_odd = j;
        ordinary += gap;
        gap = 0;
      } else if (!IsNeutral(c)) {
        // Punctuation and spaces end a span: real rare characters sit in separate clauses
        // ("记者王骅、李禀报道"), garbled runs do not.
        const bool fullwidth_alnum = (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
                                     (c >= 0xFF41 && c <= 0xFF5A);  // "ｆ" in "姝ｆ枃": debris
        if (++gap > options_.max_gap || utf8::IsSpace(c) || (utf8::IsCjkPunct(c) && !fullwidth_alnum) ||
            (c < 0x80 && !cleaner::IsAsciiAlnum(c)))
          break;
      }
      ++j;
    }
    size_t end = last_odd + 1;
    // Neutral leftovers on both sides belong to the span ("我們?cè)诮…" -> from the '?').
    while (begin > 0 && IsNeutral(cps.cp[begin - 1]) && cps.cp[begin - 1] != '(') --begin;
    while (end < n && IsNeutral(cps.cp[end])) ++end;
    // Odd characters must dominate: a span with more ordinary than odd characters is text.
    if ((score < options_.min_odd || ordinary > score) && !stray) {
      i = last_odd + 1;
      continue;
    }
    size_t b0 = cps.off[begin], b1 = cps.off[end];
    if (b0 < copied) b0 = copied;
    // UTF-8 read as GBK splits characters across pairs, so the garbled run may start or end
    // with an ordinary-looking character: try widening the span by up to two Han characters.
    // Exact recoveries first (every byte accounted for), then ones with a few damaged characters.
    std::string fixed;
    bool repaired = false;
    for (int pass = 0; pass < 2 && !repaired; ++pass)
    for (size_t grow_right = 0; grow_right <= 2 && !repaired; ++grow_right) {
      if (end + grow_right > n) break;
      if (grow_right > 0 && !utf8::IsHan(cps.cp[end + grow_right - 1])) break;
      for (size_t grow_left = 0; grow_left <= 2 && !repaired; ++grow_left) {
        if (grow_left > begin) break;
        if (grow_left > 0 && !utf8::IsHan(cps.cp[begin - grow_left])) break;
        size_t c0 = cps.off[begin - grow_left], c1 = cps.off[end + grow_right];
        if (c0 < copied) break;
        if (TryRecode(line->substr(c0, c1 - c0), /*lenient=*/pass == 1, &fixed)) {
          repaired = true;
          b0 = c0;
          b1 = c1;
          end += grow_right;
        }
      }
    }
    out.append(*line, copied, b0 - copied);
    if (repaired) {
      out += fixed;
      ++stats.repaired;
    } else {
      ++stats.removed;
    }
    copied = b1;
    i = end;
  }
  if (stats.repaired == 0 && stats.removed == 0) return stats;
  out.append(*line, copied, std::string::npos);
  *line = std::move(out);
  return stats;
}

}  // namespace qingxi
