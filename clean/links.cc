// Link extraction over qingxi's flat DOM (clean/dom.h): one Gumbo parse, one loop.
//
// The HTML standard's rules that matter for a crawler: the document base URL is the first
// <base> element with an href (HTML Living Standard 2.5.1, "document base URL"); rel values are
// space-separated, case-insensitive keywords (4.6.1), of which "nofollow" asks crawlers not to
// follow the link; <meta name=robots content=nofollow> asks it for the whole page (the robots
// meta tag, as documented by the major search engines).
#include "qingxi/links.h"

#include <algorithm>
#include <unordered_set>

#include "qingxi/ascii.h"
#include "dom.h"

namespace qingxi {
namespace {

std::string_view Trim(std::string_view s) {
  // HTML "strip leading and trailing ASCII whitespace" (TAB, LF, FF, CR, SPACE).
  auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; };
  while (!s.empty() && ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && ws(s.back())) s.remove_suffix(1);
  return s;
}


// True when the space-separated token list `list` holds `token` (ASCII case-insensitive).
bool HasToken(std::string_view list, std::string_view token) {
  std::string l = ascii::Lower(list);
  size_t i = 0;
  while (i < l.size()) {
    size_t j = l.find_first_of(" \t\n\f\r,", i);
    if (j == std::string::npos) j = l.size();
    if (std::string_view(l).substr(i, j - i) == token) return true;
    i = j + 1;
  }
  return false;
}

// hrefs that name no fetchable document.
bool Unfollowable(std::string_view href) {
  if (href.empty() || href.front() == '#') return true;
  std::string head = ascii::Lower(href.substr(0, 12));
  for (const char* scheme : {"javascript:", "mailto:", "tel:", "data:", "sms:", "about:"})
    if (head.rfind(scheme, 0) == 0) return true;
  return false;
}

}  // namespace

PageLinks ExtractPageLinks(std::string_view utf8_html, size_t max_links) {
  PageLinks out;
  auto doc = dom::Document::Parse(utf8_html, dom::ParseLimits{});
  if (!doc.ok()) return out;
  const dom::Document& d = **doc;
  std::unordered_set<std::string_view> seen;
  for (uint32_t i = 0; i < d.size(); ++i) {
    const dom::Node& n = d.node(i);
    if (n.type != dom::NodeType::kElement) continue;
    switch (n.tag) {
      case dom::Tag::kA:
      case dom::Tag::kArea: {
        if (out.links.size() >= max_links) break;
        std::string_view href = Trim(d.Attr(i, "href"));
        if (Unfollowable(href) || HasToken(d.Attr(i, "rel"), "nofollow")) break;
        if (seen.insert(href).second) out.links.emplace_back(href);
        break;
      }
      case dom::Tag::kBase:
        if (out.base.empty()) out.base = std::string(Trim(d.Attr(i, "href")));
        break;
      case dom::Tag::kLink:
        if (out.canonical.empty() && HasToken(d.Attr(i, "rel"), "canonical"))
          out.canonical = std::string(Trim(d.Attr(i, "href")));
        break;
      case dom::Tag::kMeta:
        if (ascii::Lower(Trim(d.Attr(i, "name"))) == "robots" &&
            (HasToken(d.Attr(i, "content"), "nofollow") || HasToken(d.Attr(i, "content"), "none")))
          out.nofollow_all = true;
        break;
      default:
        break;
    }
  }
  return out;
}

std::vector<std::string> ExtractLinks(std::string_view utf8_html, size_t max_links) {
  return ExtractPageLinks(utf8_html, max_links).links;
}

}  // namespace qingxi
