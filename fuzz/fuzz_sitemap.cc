// fuzz_sitemap: sitemap documents (sitemaps.org 0.9) as `qingxi crawl` reads them: XML
// <urlset> / <sitemapindex>, plain or gzip-compressed (.xml.gz), and their <lastmod> dates.
// Input: the document bytes.
// Invariants: every URL returned is in normal form (NormalizeUrl of it is itself) and
// http(s); a <lastmod> is never before 1970 nor after year 10000; the same document gives
// the same entries when parsed again.
#include <cstdint>
#include <string>
#include <vector>

#include "crawl_sitemap.h"
#include "fuzz_util.h"
#include "qingxi/fetch/url.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace qingxi;
  const std::string_view xml = fuzz::AsView(data, size);
  const std::string base = "https://www.example.com.cn/sitemap.xml";
  std::vector<cli::SitemapEntry> pages;
  std::vector<std::string> sitemaps;
  cli::ParseSitemap(xml, base, &pages, &sitemaps);
  for (const cli::SitemapEntry& e : pages) {
    auto again = fetch::NormalizeUrl(e.url);
    QX_FUZZ_CHECK(again.ok() && again.value() == e.url, "page URL not normal: " + e.url);
    QX_FUZZ_CHECK(e.url.compare(0, 4, "http") == 0, "not http(s): " + e.url);
    QX_FUZZ_CHECK(e.lastmod >= 0 && e.lastmod < 253402300800LL, "lastmod out of range");
  }
  for (const std::string& s : sitemaps) {
    auto again = fetch::NormalizeUrl(s);
    QX_FUZZ_CHECK(again.ok() && again.value() == s, "sitemap URL not normal: " + s);
  }
  std::vector<cli::SitemapEntry> pages2;
  std::vector<std::string> sitemaps2;
  cli::ParseSitemap(xml, base, &pages2, &sitemaps2);
  QX_FUZZ_CHECK(pages2.size() == pages.size() && sitemaps2 == sitemaps, "not deterministic");
  // The date parser on its own, on the raw input.
  const int64_t t = cli::ParseW3cDatetime(xml.substr(0, 64));
  QX_FUZZ_CHECK(t >= 0 || t < 0, "");  // any value; must not crash or overflow (UBSan)
  return 0;
}
