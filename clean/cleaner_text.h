// clean/cleaner_text.h — small text helpers shared by the line cleaners (internal to clean/).
//
// A CodePoints view decodes a UTF-8 line once into code points with their byte offsets, so that
// the cleaners can reason in characters (lengths, neighbours) and cut in bytes. Also holds the
// character classes the cleaners agree on (sentence-final punctuation, bullets, separators).
// Plain functions and values; thread-safe.
#ifndef QINGXI_CLEAN_CLEANER_TEXT_H_
#define QINGXI_CLEAN_CLEANER_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "qingxi/utf8.h"

namespace qingxi::cleaner {

// utf8::Next with the common cases (ASCII, well-formed three-byte sequences — all of CJK) inlined;
// the cleaners decode every line several times, so this is their hottest function.
inline char32_t NextCp(std::string_view s, size_t* pos) {
  const size_t i = *pos;
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *pos = i + 1;
    return c;
  }
  if ((c & 0xF0) == 0xE0 && i + 2 < s.size()) {
    const unsigned char d = static_cast<unsigned char>(s[i + 1]);
    const unsigned char e = static_cast<unsigned char>(s[i + 2]);
    if ((d & 0xC0) == 0x80 && (e & 0xC0) == 0x80) {
      char32_t cp = (char32_t{c & 0x0Fu} << 12) | (char32_t{d & 0x3Fu} << 6) | (e & 0x3Fu);
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
        *pos = i + 3;
        return cp;
      }
    }
  }
  return utf8::Next(s, pos);
}

struct CodePoints {
  std::vector<char32_t> cp;
  std::vector<size_t> off;  // byte offset of cp[i]; off[cp.size()] == byte length

  explicit CodePoints(std::string_view s) {
    cp.reserve(s.size());
    off.reserve(s.size() + 1);
    size_t pos = 0;
    while (pos < s.size()) {
      off.push_back(pos);
      cp.push_back(NextCp(s, &pos));
    }
    off.push_back(s.size());
  }
  size_t size() const { return cp.size(); }
};

// 。！？!? and the ellipsis: where a sentence may end.
inline bool IsSentenceEnd(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == U'!' || c == U'?' || c == U'…';
}
// Clause punctuation inside a sentence.
inline bool IsClausePunct(char32_t c) {
  return c == U'，' || c == U',' || c == U'、' || c == U'；' || c == U';' || c == U'：' ||
         c == U':';
}
// List bullets that open an item line ("• 开发区工作会议讲话", "· 下一篇").
inline bool IsBullet(char32_t c) {
  return c == U'•' || c == U'·' || c == U'●' || c == U'◆' || c == U'◇' || c == U'▪' ||
         c == U'■' || c == U'□' || c == U'○' || c == U'►' || c == U'▶' || c == U'*' ||
         c == U'-' || c == U'—' || c == U'»' || c == U'>';
}
inline bool IsAsciiAlnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
// Characters that count towards a line's length: everything but white space.
size_t VisibleLength(std::string_view s);
// True when the line holds no letter, digit or Han character (only punctuation / symbols).
bool IsOnlyPunct(std::string_view s);

}  // namespace qingxi::cleaner

#endif  // QINGXI_CLEAN_CLEANER_TEXT_H_
