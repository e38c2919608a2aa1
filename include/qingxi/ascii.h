// qingxi/ascii.h — ASCII-only case helpers for protocol text: header names, charset labels,
// tag and attribute names, URL schemes and hosts, file extensions.
//
// These never touch bytes >= 0x80, so they are safe on UTF-8 and locale-independent (unlike
// std::tolower). Stateless and thread-safe.
#ifndef QINGXI_ASCII_H_
#define QINGXI_ASCII_H_

#include <string>
#include <string_view>

namespace qingxi::ascii {

inline char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

inline std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (Lower(a[i]) != Lower(b[i])) return false;
  return true;
}

inline bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

inline bool EndsWithIgnoreCase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && EqualsIgnoreCase(s.substr(s.size() - suffix.size()), suffix);
}

inline bool ContainsIgnoreCase(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return true;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i)
    if (EqualsIgnoreCase(hay.substr(i, needle.size()), needle)) return true;
  return false;
}

}  // namespace qingxi::ascii

#endif  // QINGXI_ASCII_H_
