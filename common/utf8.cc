// UTF-8 decoding/encoding and character classes; see qingxi/utf8.h.
#include "qingxi/utf8.h"

namespace qingxi::utf8 {

char32_t Next(std::string_view s, size_t* pos) {
  size_t i = *pos;
  unsigned char c = s[i];
  if (c < 0x80) {
    *pos = i + 1;
    return c;
  }
  size_t n;
  char32_t cp;
  char32_t min;
  if ((c >> 5) == 0x6) { n = 2; cp = c & 0x1F; min = 0x80; }
  else if ((c >> 4) == 0xE) { n = 3; cp = c & 0x0F; min = 0x800; }
  else if ((c >> 3) == 0x1E) { n = 4; cp = c & 0x07; min = 0x10000; }
  else { *pos = i + 1; return kReplacement; }
  if (i + n > s.size()) { *pos = i + 1; return kReplacement; }
  for (size_t k = 1; k < n; ++k) {
    unsigned char d = s[i + k];
    if ((d & 0xC0) != 0x80) { *pos = i + 1; return kReplacement; }
    cp = (cp << 6) | (d & 0x3F);
  }
  // Overlong forms, surrogates and out-of-range values are invalid (RFC 3629).
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    *pos = i + 1;
    return kReplacement;
  }
  *pos = i + n;
  return cp;
}

void Append(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsValid(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) { ++i; continue; }
    size_t before = i;
    char32_t cp = Next(s, &i);
    if (cp == kReplacement && !(i - before == 3 && s.substr(before, 3) == "\xEF\xBF\xBD")) return false;
  }
  return true;
}

size_t Sanitize(std::string_view in, std::string* out) {
  out->clear();
  out->reserve(in.size());
  size_t replaced = 0, i = 0;
  while (i < in.size()) {
    unsigned char c = in[i];
    if (c < 0x80) {
      if (c != 0) out->push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    size_t before = i;
    char32_t cp = Next(in, &i);
    if (cp == kReplacement && !(i - before == 3)) ++replaced;
    Append(cp, out);
  }
  return replaced;
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool IsHan(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x20000 && cp <= 0x323AF) || (cp >= 0xF900 && cp <= 0xFAFF) || cp == 0x3007;
}

bool IsCjkPunct(char32_t cp) {
  return (cp >= 0x3000 && cp <= 0x303F && cp != 0x3000 && cp != 0x3007) ||
         (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
         (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) ||
         (cp >= 0x2018 && cp <= 0x201F) || cp == 0x2026 || cp == 0x2014 || cp == 0x00B7 ||
         (cp >= 0xFE30 && cp <= 0xFE4F);
}

bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || cp == 0x3000 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0xFEFF;
}

std::string_view Trim(std::string_view s) {
  size_t b = 0;
  while (b < s.size()) {
    size_t p = b;
    if (!IsSpace(Next(s, &p))) break;
    b = p;
  }
  s.remove_prefix(b);
  // Scan backwards to the start of the last code point each time.
  while (!s.empty()) {
    size_t start = s.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    size_t p = start;
    if (!IsSpace(Next(s, &p)) || p != s.size()) break;
    s.remove_suffix(s.size() - start);
  }
  return s;
}

std::string RemoveSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) {
    const size_t start = pos;
    if (!IsSpace(Next(s, &pos))) out.append(s.substr(start, pos - start));
  }
  return out;
}

}  // namespace qingxi::utf8
