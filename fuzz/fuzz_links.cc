// fuzz_links: the links of an HTML page (qingxi/links.h) resolved against the page URL the way
// the crawler does (fetch/url.h NormalizeUrl with <base href>).
// Input: HTML bytes (repaired to UTF-8 first).
// Invariants: at most max_links hrefs; no href is a bare fragment or a javascript:/mailto:
// URL; every href that resolves gives an http(s) URL whose normal form is stable.
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "qingxi/ascii.h"
#include "qingxi/fetch/url.h"
#include "qingxi/links.h"
#include "qingxi/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace qingxi;
  std::string html;
  utf8::Sanitize(fuzz::AsView(data, size), &html);
  constexpr size_t kMaxLinks = 200;
  PageLinks links = ExtractPageLinks(html, kMaxLinks);
  QX_FUZZ_CHECK(links.links.size() <= kMaxLinks, "more links than asked for");
  std::string base = "https://www.example.com.cn/news/2024/index.html";
  if (!links.base.empty()) {
    auto b = fetch::NormalizeUrl(links.base, base);
    if (b.ok()) base = b.value();
  }
  for (const std::string& href : links.links) {
    QX_FUZZ_CHECK(!href.empty() && href[0] != '#', "fragment-only href kept: " + href);
    QX_FUZZ_CHECK(!ascii::StartsWithIgnoreCase(href, "javascript:") &&
                      !ascii::StartsWithIgnoreCase(href, "mailto:"),
                  "script/mail href kept: " + href);
    auto u = fetch::ParseUrl(href, base);
    if (!u.ok()) continue;
    QX_FUZZ_CHECK(u.value().scheme == "http" || u.value().scheme == "https", u.value().spec);
    auto again = fetch::NormalizeUrl(u.value().spec);
    QX_FUZZ_CHECK(again.ok() && again.value() == u.value().spec, "unstable: " + u.value().spec);
  }
  return 0;
}
