// qingxi/utf8.h — small UTF-8 and Han-character helpers shared by every stage.
//
// All qingxi text is UTF-8 in std::string. These functions decode and encode code points,
// validate and repair byte strings, and classify characters (Han, CJK punctuation, full-width
// forms). They allocate only where they return a new string. Stateless and thread-safe.
#ifndef QINGXI_UTF8_H_
#define QINGXI_UTF8_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace qingxi::utf8 {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at s[*pos] and advances *pos past it. An invalid or truncated
// sequence yields kReplacement and advances by one byte.
char32_t Next(std::string_view s, size_t* pos);
// Appends the UTF-8 encoding of cp.
void Append(char32_t cp, std::string* out);
// Length in bytes of the sequence starting with lead byte c (1 for invalid leads).
inline size_t SeqLen(unsigned char c) {
  return c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
}
bool IsValid(std::string_view s);
// Replaces every invalid sequence with U+FFFD and drops NUL bytes; returns the count replaced.
size_t Sanitize(std::string_view in, std::string* out);
size_t CountCodePoints(std::string_view s);

// Han ideographs (CJK Unified Ideographs, extensions A-G, compatibility ideographs).
bool IsHan(char32_t cp);
// CJK and full-width punctuation: 。，、；：？！“”‘’（）《》【】… and their kin.
bool IsCjkPunct(char32_t cp);
// Unicode white space, including U+3000 IDEOGRAPHIC SPACE and U+00A0.
bool IsSpace(char32_t cp);
// Trims Unicode white space (as IsSpace) at both ends.
std::string_view Trim(std::string_view s);
// `s` without any white space (as IsSpace): how texts are compared when spacing may differ.
std::string RemoveSpace(std::string_view s);

}  // namespace qingxi::utf8

#endif  // QINGXI_UTF8_H_
