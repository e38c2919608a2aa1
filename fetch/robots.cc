// robots.txt parsing and matching, RFC 9309 ("Robots Exclusion Protocol", September 2022).
//
// The grammar is line based (section 2.2): "key: value", '#' starts a comment, a group is one
// or more user-agent lines followed by rules. Real files are sloppy, so the parser follows what
// the large crawlers accept (Google's open-source robots.txt parser is the reference for the
// forgiving parts): keys are case-insensitive, a few common misspellings of the keys are taken,
// lines may end in CR, LF or CRLF, a UTF-8 BOM is skipped, rules before the first user-agent
// line belong to no group and are ignored.
#include "qingxi/fetch/robots.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "qingxi/ascii.h"

namespace qingxi::fetch {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (IsSpace(s.front()) || s.front() == '\v' || s.front() == '\f'))
    s.remove_prefix(1);
  while (!s.empty() && (IsSpace(s.back()) || s.back() == '\v' || s.back() == '\f'))
    s.remove_suffix(1);
  return s;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsUnreserved(unsigned char c) {
  // RFC 3986 section 2.3.
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

enum class Key { kUnknown, kUserAgent, kAllow, kDisallow, kSitemap, kCrawlDelay };

// Key names, with the misspellings seen often enough in the wild that Google's parser accepts
// them (e.g. "Dissallow: /cgi-bin/" on old hand-written files).
Key ClassifyKey(std::string_view key) {
  static const struct {
    const char* name;
    Key key;
  } kKeys[] = {
      {"user-agent", Key::kUserAgent},   {"useragent", Key::kUserAgent},
      {"user agent", Key::kUserAgent},   {"allow", Key::kAllow},
      {"disallow", Key::kDisallow},      {"dissallow", Key::kDisallow},
      {"dissalow", Key::kDisallow},      {"disalow", Key::kDisallow},
      {"diasllow", Key::kDisallow},      {"disallaw", Key::kDisallow},
      {"sitemap", Key::kSitemap},        {"site-map", Key::kSitemap},
      {"crawl-delay", Key::kCrawlDelay}, {"crawldelay", Key::kCrawlDelay},
      {"crawl delay", Key::kCrawlDelay},
  };
  for (const auto& k : kKeys)
    if (ascii::EqualsIgnoreCase(key, k.name)) return k.key;
  return Key::kUnknown;
}

// The product token at the start of a user-agent value: "Googlebot/2.1 (+http://...)" ->
// "Googlebot" (section 2.2.1: "MUST contain only uppercase and lowercase letters, underscores
// and hyphens"; anything after is ignored, as crawlers do).
std::string_view ProductToken(std::string_view value) {
  size_t n = 0;
  while (n < value.size() &&
         ((value[n] >= 'a' && value[n] <= 'z') || (value[n] >= 'A' && value[n] <= 'Z') ||
          value[n] == '_' || value[n] == '-'))
    ++n;
  return value.substr(0, n);
}

bool IsStarAgent(std::string_view value) {
  return !value.empty() && value[0] == '*' &&
         (value.size() == 1 || IsSpace(value[1]) || value[1] == '/');
}

// Reduces a full URL to its request target; a path is returned unchanged. Fragments never
// reach a server, so they never take part in matching.
std::string_view RequestTarget(std::string_view url) {
  size_t hash = url.find('#');
  if (hash != std::string_view::npos) url = url.substr(0, hash);
  size_t scheme_end = url.find("://");
  if (scheme_end != std::string_view::npos && url.find('/') > scheme_end) {
    size_t path = url.find_first_of("/?", scheme_end + 3);
    if (path == std::string_view::npos) return "/";
    url = url.substr(path);
  }
  return url;
}

}  // namespace

std::string NormalizeRobotsPath(std::string_view path) {
  // Section 2.2.2: octets outside ASCII (and controls/space) are compared percent-encoded; a
  // percent-encoded unreserved character is compared decoded; other escapes stay encoded and
  // are compared case-insensitively (we upper-case the hex digits); a stray '%' is "%25".
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (size_t i = 0; i < path.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(path[i]);
    if (c == '%' && i + 2 < path.size() && HexValue(path[i + 1]) >= 0 &&
        HexValue(path[i + 2]) >= 0) {
      unsigned char v =
          static_cast<unsigned char>(HexValue(path[i + 1]) * 16 + HexValue(path[i + 2]));
      if (IsUnreserved(v)) {
        out.push_back(static_cast<char>(v));
      } else {
        out.push_back('%');
        out.push_back(kHex[v >> 4]);
        out.push_back(kHex[v & 15]);
      }
      i += 2;
    } else if (c >= 0x80 || c <= 0x20 || c == 0x7f || c == '%') {
      // A '%' that does not start an escape is itself escaped, so that normalising twice
      // changes nothing ("%a%62" -> "%25ab", not "%ab", which a second pass would read as
      // an escape).
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

RobotsTxt RobotsTxt::AllowAll() {
  RobotsTxt r;
  r.source_ = Source::kAllowAll;
  return r;
}

RobotsTxt RobotsTxt::DisallowAll() {
  RobotsTxt r;
  r.source_ = Source::kUnreachable;
  r.disallow_all_ = true;
  return r;
}

RobotsTxt RobotsTxt::FromFetch(int http_status, std::string_view body,
                               std::string_view product_token) {
  if (http_status >= 200 && http_status < 300) return Parse(body, product_token);
  // 3xx here means the redirect limit (section 2.3.1.2: follow at least five) was exceeded:
  // the RFC treats that as unavailable (allow all).
  if (http_status >= 300 && http_status < 500 && http_status != 429) return AllowAll();
  return DisallowAll();
}

RobotsTxt RobotsTxt::Parse(std::string_view body, std::string_view product_token) {
  RobotsTxt result;
  result.source_ = Source::kParsed;
  if (body.size() > kRobotsMaxParseBytes) {
    // Cut at the last line end inside the limit so a half rule is not misread.
    body = body.substr(0, kRobotsMaxParseBytes);
    size_t nl = body.find_last_of("\r\n");
    if (nl != std::string_view::npos) body = body.substr(0, nl);
  }
  // A UTF-8 byte-order mark is skipped, and so is a partial one ("\xEF\xBB" or "\xEF" alone,
  // left by a tool that cut the file): otherwise the first line, usually the first group's
  // user-agent line, would be unreadable and the group lost. Google's parser does the same.
  static constexpr unsigned char kBom[] = {0xEF, 0xBB, 0xBF};
  for (unsigned char b : kBom) {
    if (body.empty() || static_cast<unsigned char>(body[0]) != b) break;
    body.remove_prefix(1);
  }

  std::vector<Rule> specific, global;
  std::optional<double> specific_delay, global_delay;
  bool seen_specific = false;
  // The group being read: which agents it names, and whether its user-agent lines are over.
  bool group_specific = false, group_global = false, in_agent_lines = false;

  size_t pos = 0;
  while (pos < body.size()) {
    size_t end = body.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(pos, end - pos);
    pos = end + 1;
    if (end < body.size() && body[end] == '\r' && pos < body.size() && body[pos] == '\n') ++pos;

    size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    line = Trim(line);
    if (line.empty()) continue;
    size_t colon = line.find(':');
    std::string_view key_text, value;
    if (colon == std::string_view::npos) {
      // "Disallow /private" (no colon): accepted when the key and value are separated by
      // whitespace, as Google's parser does.
      size_t sp = line.find_first_of(" \t");
      if (sp == std::string_view::npos) continue;
      key_text = Trim(line.substr(0, sp));
      value = Trim(line.substr(sp + 1));
    } else {
      key_text = Trim(line.substr(0, colon));
      value = Trim(line.substr(colon + 1));
    }
    Key key = ClassifyKey(key_text);
    switch (key) {
      case Key::kUserAgent: {
        if (!in_agent_lines) {  // a user-agent line after rules starts a new group
          group_specific = group_global = false;
          in_agent_lines = true;
        }
        if (IsStarAgent(value)) {
          group_global = true;
        } else {
          std::string_view token = ProductToken(value);
          if (!token.empty() && ascii::EqualsIgnoreCase(token, product_token)) {
            group_specific = true;
            seen_specific = true;
          }
        }
        break;
      }
      case Key::kAllow:
      case Key::kDisallow: {
        in_agent_lines = false;
        if (value.empty()) break;  // "Disallow:" with no path disallows nothing
        Rule rule{NormalizeRobotsPath(value), key == Key::kAllow};
        if (group_specific) specific.push_back(rule);
        if (group_global) global.push_back(std::move(rule));
        break;
      }
      case Key::kCrawlDelay: {
        in_agent_lines = false;
        std::string v(value);
        char* endp = nullptr;
        double d = std::strtod(v.c_str(), &endp);
        if (endp == v.c_str() || !std::isfinite(d) || d < 0) break;
        if (group_specific && !specific_delay) specific_delay = d;
        if (group_global && !global_delay) global_delay = d;
        break;
      }
      case Key::kSitemap:
        // Sitemap lines are independent of groups (sitemaps.org) and do not end a group's
        // user-agent lines either.
        if (!value.empty()) result.sitemaps_.emplace_back(value);
        break;
      case Key::kUnknown:
        // Unknown keys (Host:, Clean-param:, Noindex:) neither start nor end a group.
        break;
    }
  }
  if (seen_specific) {
    result.rules_ = std::move(specific);
    result.crawl_delay_ = specific_delay;
  } else {
    result.rules_ = std::move(global);
    result.crawl_delay_ = global_delay;
  }
  return result;
}

// Pattern match with '*' (any sequence) and a final '$' (end of target), section 2.2.3.
// Tracks the set of positions in `path` reachable after each pattern character, which is
// linear in path length per character and never backtracks exponentially.
bool RobotsTxt::Matches(std::string_view pattern, std::string_view path) {
  const size_t n = path.size();
  std::vector<size_t> pos;
  pos.reserve(n + 1);
  pos.push_back(0);
  for (size_t j = 0; j < pattern.size(); ++j) {
    char c = pattern[j];
    if (c == '$' && j + 1 == pattern.size()) return pos.back() == n;
    if (c == '*') {
      size_t first = pos.front();
      pos.clear();
      for (size_t p = first; p <= n; ++p) pos.push_back(p);
      continue;
    }
    size_t k = 0;
    for (size_t p : pos)
      if (p < n && path[p] == c) pos[k++] = p + 1;
    pos.resize(k);
    if (pos.empty()) return false;
  }
  return true;
}

bool RobotsTxt::IsAllowed(std::string_view target) const {
  std::string path = NormalizeRobotsPath(RequestTarget(target));
  if (path.empty() || path[0] != '/') path.insert(path.begin(), '/');
  if (path == "/robots.txt") return true;
  if (disallow_all_) return false;
  // Longest match wins; equal lengths: Allow (section 2.2.2, "the least restrictive").
  int best_len = -1;
  bool allowed = true;
  for (const Rule& r : rules_) {
    int len = static_cast<int>(r.pattern.size());
    if (len < best_len || (len == best_len && !r.allow)) continue;
    if (!Matches(r.pattern, path)) continue;
    best_len = len;
    allowed = r.allow;
  }
  return allowed;
}

const RobotsTxt* RobotsCache::Get(const std::string& origin, Clock::time_point now) const {
  auto it = map_.find(origin);
  if (it == map_.end() || it->second.expires <= now) return nullptr;
  return &it->second.rules;
}

void RobotsCache::Put(const std::string& origin, RobotsTxt rules, Clock::time_point expires) {
  auto it = map_.find(origin);
  if (it != map_.end()) {
    order_.erase(it->second.order);
    map_.erase(it);
  }
  while (capacity_ > 0 && map_.size() >= capacity_ && !order_.empty()) {
    map_.erase(order_.front());
    order_.pop_front();
  }
  order_.push_back(origin);
  map_.emplace(origin, Entry{std::move(rules), expires, std::prev(order_.end())});
}

}  // namespace qingxi::fetch
