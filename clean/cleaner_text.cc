// Shared character helpers of the line cleaners.
#include "cleaner_text.h"

namespace qingxi::cleaner {

size_t VisibleLength(std::string_view s) {
  size_t n = 0, pos = 0;
  while (pos < s.size()) {
    if (!utf8::IsSpace(NextCp(s, &pos))) ++n;
  }
  return n;
}

bool IsOnlyPunct(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = NextCp(s, &pos);
    if (IsAsciiAlnum(c) || utf8::IsHan(c)) return false;
    // Letters of other scripts (kana, Latin with accents, Hangul) are text too.
    if (c >= 0xC0 && !utf8::IsSpace(c) && !utf8::IsCjkPunct(c) && !(c >= 0x2000 && c <= 0x2BFF) &&
        !(c >= 0x3000 && c <= 0x303F) && !(c >= 0xFF00 && c <= 0xFF0F) &&
        !(c >= 0xFF1A && c <= 0xFF20) && !(c >= 0xFF3B && c <= 0xFF40) &&
        !(c >= 0xFF5B && c <= 0xFF65) && c != utf8::kReplacement)
      return false;
  }
  return true;
}

}  // namespace qingxi::cleaner
