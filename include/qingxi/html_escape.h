// qingxi/html_escape.h — text into HTML: the one escaping function of the HTML reports qingxi
// writes (`qingxi stats --html`, `qingxi explain`). Stateless; thread-safe.
#ifndef QINGXI_HTML_ESCAPE_H_
#define QINGXI_HTML_ESCAPE_H_

#include <string>
#include <string_view>

namespace qingxi {

// `s` with & < > " ' replaced by entities: safe as element content and as a quoted attribute
// value (a page's own "<script>" or "</style>" text stays text).
inline std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

}  // namespace qingxi

#endif  // QINGXI_HTML_ESCAPE_H_
