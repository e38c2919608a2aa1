// qingxi/links.h — the links of an HTML page, for crawlers that follow them.
//
// Owns: finding the outgoing references of a page — the href of every <a> and <area>, the
// <base href> they are relative to, and <link rel=canonical> — with the same Gumbo parse (and
// the same nesting and node limits) as content extraction, so `fetch/` never has to look
// inside HTML. Values are returned as written in the page (entities decoded, surrounding
// white space trimmed); resolving them against the page URL and normalising them is the
// caller's (fetch/url.h NormalizeUrl), as is deciding which of them to follow.
//
// Thread-safety: stateless; every function may run on many threads at once.
#ifndef QINGXI_LINKS_H_
#define QINGXI_LINKS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace qingxi {

struct PageLinks {
  std::vector<std::string> links;  // hrefs of <a>/<area>, document order, first of duplicates
  std::string base;                // the first <base href>, "" when none (HTML: base URL)
  std::string canonical;           // the first <link rel=canonical href>, "" when none
  bool nofollow_all = false;       // <meta name=robots content="nofollow">: follow nothing
};

// All of the above. At most `max_links` hrefs are kept. Links with rel=nofollow are left out;
// so are hrefs that are only a fragment ("#top") or a javascript:/mailto:/tel:/data: URL.
PageLinks ExtractPageLinks(std::string_view utf8_html, size_t max_links);

// Just the hrefs of <a> and <area> (the `links` of ExtractPageLinks).
std::vector<std::string> ExtractLinks(std::string_view utf8_html, size_t max_links);

}  // namespace qingxi

#endif  // QINGXI_LINKS_H_
