// Lines of a flattened page: splitting, undoing hard wraps, and per-line shape.
#include "text_lines.h"

#include <algorithm>

#include "cleaner_text.h"
#include "qingxi/utf8.h"

namespace qingxi::textmode {
namespace {

// East Asian Wide and Fullwidth ranges (UAX #11) that occur in Chinese pages: what a terminal
// dump gives two columns.
bool IsWide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
         (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool IsAsciiAlnum(char32_t c) { return cleaner::IsAsciiAlnum(c); }

// Separators between the items of a link list or menu.
bool IsSeparator(char32_t c) {
  return c == '|' || c == U'｜' || c == U'·' || c == U'•' || c == U'¦' || c == U'›' || c == U'»' ||
         c == '>' || c == U'＞' || c == U'∣' || c == U'︱' || c == U'┊' || c == U'丨';
}

// Bullets that open an item line. The dashes (—, -) are left out: "——面对……" opens prose.
bool IsItemBullet(char32_t c) {
  return c == U'•' || c == U'·' || c == U'●' || c == U'◆' || c == U'◇' || c == U'▪' || c == U'■' ||
         c == U'□' || c == U'○' || c == U'►' || c == U'▶' || c == U'▸' || c == U'*' || c == U'»' ||
         c == U'◎' || c == U'・' || c == U'★' || c == U'☆' || c == U'√';
}

// Full stops. The ellipsis is left out: "……" ends the cut-off teasers of link lists.
bool IsStop(char32_t c) { return c == U'。' || c == U'！' || c == U'？'; }
// Clause marks of running text. The colon is left out: headlines use it ("华生：用集体……").
bool IsComma(char32_t c) { return c == U'，' || c == U'、' || c == U'；' || c == ',' || c == ';'; }

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

// "2011-12-09", "2011年12月9日", "2011/12/9", "2011.12.09" anywhere in the code points.
bool HasDate(const std::vector<char32_t>& cp) {
  const size_t n = cp.size();
  for (size_t i = 0; i + 5 < n; ++i) {
    if (!(IsDigit(cp[i]) && IsDigit(cp[i + 1]) && IsDigit(cp[i + 2]) && IsDigit(cp[i + 3])))
      continue;
    if (i > 0 && IsDigit(cp[i - 1])) continue;
    const bool year = (cp[i] == '1' && cp[i + 1] == '9') || (cp[i] == '2' && cp[i + 1] == '0');
    if (!year) continue;
    const char32_t s1 = cp[i + 4];
    if (s1 != '-' && s1 != '/' && s1 != '.' && s1 != U'年') continue;
    size_t j = i + 5, d = 0;
    while (j < n && IsDigit(cp[j]) && d < 3) ++j, ++d;
    if (d == 0 || d > 2 || j >= n) continue;
    const char32_t s2 = cp[j];
    if (s2 != '-' && s2 != '/' && s2 != '.' && s2 != U'月') continue;
    if (j + 1 < n && IsDigit(cp[j + 1])) return true;
  }
  return false;
}

}  // namespace

int DisplayWidth(std::string_view s) {
  int w = 0;
  size_t pos = 0;
  while (pos < s.size()) w += IsWide(cleaner::NextCp(s, &pos)) ? 2 : 1;
  return w;
}

std::vector<PageLine> SplitPageLines(std::string_view text, const WrapOptions& wrap) {
  std::vector<std::string_view> raw;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    raw.push_back(line);
    pos = end + 1;
  }

  // The wrap width: the display width (within `slack` columns) at which most lines that go on
  // in the next line stop, provided few lines are wider. Lines shorter in bytes than the smallest
  // width looked for cannot reach it and are not measured.
  constexpr int kMaxColumns = 4096;
  std::vector<int> width(raw.size(), 0);
  std::vector<int> hist(kMaxColumns + 1, 0);
  int wider_than_max = 0;
  for (size_t i = 0; i + 1 < raw.size(); ++i) {
    if (raw[i].size() < static_cast<size_t>(wrap.min_columns - wrap.slack) ||
        utf8::Trim(raw[i + 1]).empty())
      continue;
    width[i] = DisplayWidth(raw[i]);
    if (width[i] > kMaxColumns) {
      ++wider_than_max;
      continue;
    }
    ++hist[width[i]];
  }
  int best_w = 0, best_c = 0;
  for (int w = std::max(wrap.min_columns, 1); w <= kMaxColumns; ++w) {
    int c = 0;
    for (int k = std::max(0, w - wrap.slack); k <= w; ++k) c += hist[k];
    if (c > 0 && c >= best_c) best_w = w, best_c = c;
  }
  if (best_c >= wrap.min_lines) {
    int wider = wider_than_max;
    for (int w = best_w + 1; w <= kMaxColumns; ++w) wider += hist[w];
    if (wider * 2 > best_c) best_c = 0;  // many lines go past it: not a wrap width
  } else {
    best_c = 0;
  }

  std::vector<PageLine> out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    PageLine pl;
    pl.text = utf8::Trim(raw[i]);
    const auto wrapped = [&](size_t k) {
      return best_c > 0 && k + 1 < raw.size() && width[k] >= best_w - wrap.slack &&
             width[k] <= best_w;
    };
    if (wrapped(i)) {
      pl.joined = std::string(pl.text);
      while (wrapped(i)) {
        std::string_view next = utf8::Trim(raw[i + 1]);
        if (!pl.joined.empty() && !next.empty() &&
            std::isalnum(static_cast<unsigned char>(pl.joined.back())) &&
            std::isalnum(static_cast<unsigned char>(next.front())))
          pl.joined.push_back(' ');  // a wrap between two Latin words ate their space
        pl.joined += next;
        ++i;
      }
    }
    out.push_back(std::move(pl));
  }
  // Views into `joined` are taken once the vector no longer moves its elements.
  for (auto& pl : out)
    if (!pl.joined.empty()) pl.text = pl.joined;
  return out;
}

LineShape MeasureLine(std::string_view line) {
  LineShape s;
  // One decoding buffer per thread: this runs for every line of every page.
  thread_local std::vector<char32_t> cp;
  cp.clear();
  for (size_t pos = 0; pos < line.size();) cp.push_back(cleaner::NextCp(line, &pos));
  const size_t n = cp.size();
  // An item number ("1.", "2、", "(3)" is text) opens the line: its mark is not punctuation.
  size_t number_end = 0;
  if (n > 0 && cp[0] == '[' && n > 2 && IsDigit(cp[1])) {
    size_t i = 1;
    while (i < n && IsDigit(cp[i]) && i < 4) ++i;  // "[12]"; "[2011121520]" is an image token
    if (i < n && cp[i] == ']') s.numbered = true, number_end = i + 1;
  } else if (n > 0 && IsDigit(cp[0])) {
    size_t i = 0;
    while (i < n && IsDigit(cp[i]) && i < 3) ++i;
    if (i < n &&
        (cp[i] == '.' || cp[i] == U'、' || cp[i] == U'．' || cp[i] == ')' || cp[i] == U'）') &&
        !(i + 1 < n && IsDigit(cp[i + 1])))
      s.numbered = true, number_end = i + 1;
  }
  bool in_word = false, in_item = false;
  size_t bracket_end = 0;  // cp index past the closing ] of the token being skipped
  int spaces = 0;
  for (size_t i = 0; i < n; ++i) {
    const char32_t c = cp[i];
    const bool space = utf8::IsSpace(c);
    if (!space) ++s.chars;
    if (i < bracket_end) continue;
    if (i < number_end) {
      if (IsDigit(c) && i == 0) ++s.items, ++s.value, in_item = true;
      continue;
    }
    if (c == '[') {
      // A w3m token: "[W020111209]", "[搜索]", "[      ]" — at most 40 characters, one line.
      size_t j = i + 1;
      while (j < n && j - i <= 41 && cp[j] != ']' && cp[j] != '[') ++j;
      if (j < n && cp[j] == ']') {
        ++s.brackets;
        bracket_end = j + 1;
        in_word = false;
        continue;
      }
    }
    if (c == '(' && i + 2 < n && (cp[i + 1] == ' ' || cp[i + 1] == '*') && cp[i + 2] == ')') {
      ++s.brackets;  // a radio button
      bracket_end = i + 3;
      continue;
    }
    if (space) {
      ++spaces;
      in_word = false;
      // One space between two wide characters, or two spaces anywhere, part items.
      if (in_item && (spaces >= 2 || (i > 0 && i + 1 < n && !IsAsciiAlnum(cp[i - 1]) &&
                                      !IsAsciiAlnum(cp[i + 1]) && !utf8::IsSpace(cp[i + 1]))))
        in_item = false;
      continue;
    }
    spaces = 0;
    // "-" and "/" part items between words ("国际-国内", "新闻/体育"), not inside "2011-12-09",
    // "cfu/g" or "1500/2000".
    const bool ascii_sep = (c == '-' || c == '/') && (i == 0 || !IsAsciiAlnum(cp[i - 1]) ||
                                                      i + 1 >= n || !IsAsciiAlnum(cp[i + 1]));
    if (IsSeparator(c) || ascii_sep) {
      in_item = false;
      in_word = false;
      continue;
    }
    if (!in_item) {
      ++s.items;
      in_item = true;
    }
    if (IsAsciiAlnum(c)) {
      if (!in_word) ++s.value;
      in_word = true;
      continue;
    }
    in_word = false;
    if (utf8::IsHan(c)) {
      ++s.value;
    } else if (IsStop(c) ||
               ((c == '.' || c == '!' || c == '?') && (i + 1 == n || utf8::IsSpace(cp[i + 1])))) {
      ++s.stops;
      if (i + 1 < n && !(i + 2 == n && (cp[i + 1] == U'”' || cp[i + 1] == U'」')))
        s.inner_stop = true;
    } else if (IsComma(c)) {
      ++s.commas;
    } else if (c >= 0x3040 && !utf8::IsCjkPunct(c) && !(c >= 0x2000 && c <= 0x2BFF)) {
      ++s.value;  // kana, Hangul and other letters
    }
  }
  if (n > 0) {
    size_t i = 0;
    s.bullet = IsItemBullet(cp[0]);
    for (i = 0; i < n && i <= 6; ++i) {
      if (cp[i] == U'：' || cp[i] == ':') {
        s.label = i > 0;
        break;
      }
    }
  }
  s.date = HasDate(cp);
  return s;
}

std::string Squeezed(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (size_t pos = 0; pos < line.size();) {
    const size_t start = pos;
    if (!utf8::IsSpace(cleaner::NextCp(line, &pos))) out.append(line.substr(start, pos - start));
  }
  return out;
}

}  // namespace qingxi::textmode
