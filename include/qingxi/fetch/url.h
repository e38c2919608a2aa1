// qingxi/fetch/url.h — URL normalisation, host grouping and address safety for fetching.
//
// Owns: the one canonical spelling of a URL that the crawl state, the de-duplication of
// fetches and the WARC/corpus records use (NormalizeUrl / ParseUrl), the grouping of hosts
// into sites by the public suffix list (SiteKey), and the checks that keep a crawl away from
// loopback, private and link-local addresses (IsPublicAddress, IsLoopbackOrPrivateHost).
//
// Normalisation follows RFC 3986 section 6.2.2 (syntax-based) plus the scheme-based rules of
// 6.2.3 for http/https, and what browsers do with real-world hrefs (WHATWG URL): surrounding
// spaces and embedded tabs/newlines are dropped, raw UTF-8 and other characters that RFC 3986
// does not allow are percent-encoded, internationalised host names become punycode (IDNA2008
// with UTS #46 mapping, so "例子。中国" and "例子.中国" are one host), numeric IPv4 forms
// ("2130706433", "0x7f.1") become dotted quads, IPv6 literals their RFC 5952 text.
//
// Thread-safety: every function here is thread-safe (the public suffix list is loaded once,
// on first use, and only read afterwards).
#ifndef QINGXI_FETCH_URL_H_
#define QINGXI_FETCH_URL_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "qingxi/status.h"

struct sockaddr;

namespace qingxi::fetch {

// URLs longer than this (after resolution) are refused: no real page needs more, and it bounds
// the work and the size of the crawl database.
inline constexpr size_t kMaxUrlBytes = 8192;

struct UrlOptions {
  // Accept schemes other than http and https (e.g. ftp). Such URLs are normalised
  // syntactically only (no default-port removal beyond http/https/ftp/ws/wss).
  bool allow_other_schemes = false;
};

// A normalised absolute URL split into its parts. `spec` is the whole normalised URL.
struct Url {
  std::string spec;      // "https://例子.中国/a?b" -> "https://xn--fsqu00a.xn--fiqs8s/a?b"
  std::string scheme;    // lower case: "http", "https"
  std::string userinfo;  // usually empty
  std::string host;      // lower case; punycode; IPv6 without brackets ("::1")
  int port = 0;          // the effective port (80 / 443 when none was given)
  std::string path;      // never empty: at least "/"
  std::string query;     // without the "?"; empty when there is none

  bool host_is_ipv6() const { return host.find(':') != std::string::npos; }
  // "scheme://host[:port]" — the unit robots.txt and per-host politeness apply to.
  std::string Origin() const;
  // path + ("?" + query when non-empty) — the request target of an HTTP request.
  std::string PathAndQuery() const;
};

// Resolves `url` against `base` (when `url` is relative and base is given) and normalises it:
// scheme and host lower-cased, IDN host to punycode, default port removed, dot-segments
// removed, fragment dropped, percent-encoding upper-cased and unreserved characters decoded,
// an empty path becomes "/", an empty query ("?" alone) is dropped.
// InvalidArgument for an unparsable URL, a relative URL without a usable base, a scheme other
// than http/https (unless options allow it: "mailto:", "javascript:", "data:" are refused), a
// missing or invalid host, a bad port, or a URL longer than kMaxUrlBytes.
Result<std::string> NormalizeUrl(std::string_view url, std::string_view base = {});
Result<std::string> NormalizeUrl(std::string_view url, std::string_view base,
                                 const UrlOptions& options);
// The same, returning the parts.
Result<Url> ParseUrl(std::string_view url, std::string_view base = {},
                     const UrlOptions& options = {});

// The normalised host of `url` ("" when url does not parse).
std::string HostOf(std::string_view url);

// The registrable domain of url's host by the public suffix list ("news.sina.com.cn" ->
// "sina.com.cn", "a.b.github.io" -> "b.github.io"); for an IP address, a single-label host, or a
// host that is itself a public suffix, the host. "" when url does not parse. Sites group hosts
// for link-following limits and statistics; politeness stays per host.
std::string SiteKey(std::string_view url);
// The same for a host name that is already normalised (lower case, punycode).
std::string SiteKeyOfHost(std::string_view host);

// True when the socket address is one a public crawl may connect to: false for unspecified,
// loopback, private (RFC 1918, RFC 4193 unique-local), shared (100.64/10), link-local,
// multicast, broadcast, documentation/benchmark and reserved ranges, for IPv4 and IPv6,
// including IPv4 addresses embedded in IPv6 (v4-mapped ::ffff:a.b.c.d, v4-compatible,
// NAT64 64:ff9b::/96 and 6to4 2002::/16). Meant for the fetcher's connect-time check, after DNS.
bool IsPublicAddress(const sockaddr* addr);

// True when `host` (as in a URL; IPv6 with or without brackets) is certainly not public:
// an IP literal in any form getaddrinfo accepts ("127.1", "0x7f000001", "[::ffff:10.0.0.1]")
// that IsPublicAddress refuses, or a name that only resolves locally ("localhost",
// "*.localhost", "*.local", "*.internal", "*.home.arpa", "*.lan"). Other names can still resolve
// to private addresses: check the address at connect time with IsPublicAddress too.
bool IsLoopbackOrPrivateHost(std::string_view host);

}  // namespace qingxi::fetch

#endif  // QINGXI_FETCH_URL_H_
