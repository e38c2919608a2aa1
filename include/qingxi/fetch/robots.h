// qingxi/fetch/robots.h — robots.txt (RFC 9309): parsing, matching, and a per-origin cache.
//
// Owns: the reading of one robots.txt body into the rules that apply to one crawler (its
// product token), the Allow/Disallow decision for a request target, the non-standard but widely
// used Crawl-delay and the Sitemap lines; the mapping of a robots.txt fetch outcome to rules
// (2xx parse, 4xx allow all, 5xx/unreachable disallow all — RFC 9309 section 2.3.1); and
// RobotsCache, which keeps parsed files per origin ("scheme://host[:port]") with an expiry.
//
// Thread-safety: a RobotsTxt is immutable after construction and may be shared read-only across
// threads. RobotsCache is not thread-safe: it belongs to the one thread that runs the fetcher.
#ifndef QINGXI_FETCH_ROBOTS_H_
#define QINGXI_FETCH_ROBOTS_H_

#include <chrono>
#include <cstddef>
#include <list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace qingxi::fetch {

// RFC 9309 section 2.5: crawlers MUST parse at least 500 KiB; we parse exactly that much and
// ignore the rest (a rule cut in half at the limit is dropped).
inline constexpr size_t kRobotsMaxParseBytes = 500 * 1024;

// The rules of one robots.txt that apply to one product token.
class RobotsTxt {
 public:
  // How the rules came to be, for statistics and for the crawl state.
  enum class Source {
    kParsed,       // a 2xx body was parsed
    kAllowAll,     // 4xx (no robots.txt) or an explicit allow-all
    kUnreachable,  // 5xx, network error, too many redirects: everything disallowed
  };

  // Allows everything (an empty robots.txt).
  RobotsTxt() = default;

  // Parses `body` and keeps the group(s) for `product_token` ("qingxibot"; case-insensitive),
  // falling back to the "*" group(s) when no group names the token (RFC 9309 section 2.2.1).
  // Groups that name the same agent are merged, as are the rules of all matching groups.
  static RobotsTxt Parse(std::string_view body, std::string_view product_token);
  static RobotsTxt AllowAll();
  static RobotsTxt DisallowAll();
  // Rules from a robots.txt fetch: http_status 0 means no HTTP response (DNS, connect, timeout).
  // 2xx: parse `body`; 400-499 except 429: allow all (section 2.3.1.3); 429, 5xx and 0:
  // disallow all (section 2.3.1.4; Google's crawler treats 429 like 5xx, and so do we).
  static RobotsTxt FromFetch(int http_status, std::string_view body,
                             std::string_view product_token);

  // Whether the request target `path` (path plus "?query", as sent on the request line; the
  // whole URL is accepted too and reduced to its path) may be fetched. "/robots.txt" is always
  // allowed (section 2.2.2). Longest match wins; on a tie Allow wins (section 2.2.2).
  bool IsAllowed(std::string_view path) const;

  // Crawl-delay of the chosen group in seconds, when one was given (the value of the first
  // valid line; not in RFC 9309, interpreted as the minimum gap between request starts).
  std::optional<double> crawl_delay() const { return crawl_delay_; }
  // Every Sitemap line in the file, whatever group it sits in (they are not group members).
  const std::vector<std::string>& sitemaps() const { return sitemaps_; }
  Source source() const { return source_; }
  // Number of Allow/Disallow rules that apply to this product token.
  size_t rule_count() const { return rules_.size(); }

 private:
  struct Rule {
    std::string pattern;  // normalised percent-encoding; may contain '*' and a final '$'
    bool allow = false;
  };
  static bool Matches(std::string_view pattern, std::string_view path);

  std::vector<Rule> rules_;
  std::optional<double> crawl_delay_;
  std::vector<std::string> sitemaps_;
  Source source_ = Source::kAllowAll;
  bool disallow_all_ = false;
};

// Normalises percent-encoding for robots matching (RFC 9309 section 2.2.2): octets outside
// printable ASCII are percent-encoded, "%xx" of an unreserved character is decoded, other
// escapes are upper-cased, a '%' that starts no escape becomes "%25" (so the function is
// idempotent). Exposed for tests.
std::string NormalizeRobotsPath(std::string_view path);

// Parsed robots.txt per origin with an expiry; least recently inserted entries are dropped
// beyond `capacity`.
class RobotsCache {
 public:
  using Clock = std::chrono::steady_clock;

  explicit RobotsCache(size_t capacity = 100000) : capacity_(capacity) {}

  // The rules for `origin` ("https://example.com" or "http://example.com:8080") when cached
  // and not expired at `now`; nullptr otherwise. The pointer is valid until the next Put.
  const RobotsTxt* Get(const std::string& origin, Clock::time_point now) const;
  void Put(const std::string& origin, RobotsTxt rules, Clock::time_point expires);
  size_t size() const { return map_.size(); }

 private:
  struct Entry {
    RobotsTxt rules;
    Clock::time_point expires;
    std::list<std::string>::iterator order;
  };
  size_t capacity_;
  std::unordered_map<std::string, Entry> map_;
  std::list<std::string> order_;  // insertion order, oldest first
};

}  // namespace qingxi::fetch

#endif  // QINGXI_FETCH_ROBOTS_H_
