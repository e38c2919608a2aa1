// cli/crawl_sitemap.h — reading sitemaps (sitemaps.org protocol 0.9) for `qingxi crawl`.
//
// A sitemap is an XML <urlset> of <url><loc>…</loc><lastmod>…</lastmod></url> entries, or a
// <sitemapindex> of <sitemap><loc> entries naming more sitemaps; either may be gzip-compressed
// (.xml.gz). Sitemaps are found on the command line or in robots.txt "Sitemap:" lines. The
// reader fetches them politely with the same fetcher options as the crawl (robots.txt obeyed,
// per-host delay) but accepting XML and gzip content types, follows an index one level deep
// per level up to a bound, and keeps only the URLs the caller allows.
//
// Thread-safety: ReadSitemaps runs on the calling thread; ParseSitemap is thread-safe.
#ifndef QINGXI_CLI_CRAWL_SITEMAP_H_
#define QINGXI_CLI_CRAWL_SITEMAP_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "qingxi/fetch/fetcher.h"
#include "qingxi/fetch/url.h"

namespace qingxi::cli {

struct SitemapEntry {
  std::string url;      // normalised
  int64_t lastmod = 0;  // Unix seconds of <lastmod> (W3C datetime), 0 when absent or invalid
  std::string sitemap;  // the sitemap it came from
};

struct SitemapResult {
  std::vector<SitemapEntry> entries;
  std::vector<std::string> warnings;
  int sitemaps_read = 0;
};

// What one sitemap document holds: page entries (<urlset>) and sitemap URLs (<sitemapindex>).
// `xml` may be gzip-compressed (it is inflated, to at most 64 MiB: the protocol's limit is
// 50 MB uncompressed). URLs are resolved against `base` and normalised; invalid ones skipped.
void ParseSitemap(std::string_view xml, const std::string& base, std::vector<SitemapEntry>* pages,
                  std::vector<std::string>* sitemaps);

// W3C datetime ("2024-05-01", "2024-05-01T08:00:00+08:00", "...Z") to Unix seconds; 0 if invalid.
int64_t ParseW3cDatetime(std::string_view s);

// Fetches the sitemaps `urls` plus those listed in the robots.txt of `origins`, following
// sitemap indexes (at most `max_sitemaps` documents), and returns the entries `allowed` keeps.
SitemapResult ReadSitemaps(const fetch::FetchOptions& options, const std::vector<std::string>& urls,
                           const std::vector<std::string>& origins,
                           const std::function<bool(const fetch::Url&)>& allowed,
                           int max_sitemaps = 1000);

}  // namespace qingxi::cli

#endif  // QINGXI_CLI_CRAWL_SITEMAP_H_
