// URL normalisation (RFC 3986), public-suffix site keys and address safety checks.
//
// uriparser does the RFC 3986 parsing and reference resolution (section 5.2); the
// normalisation steps of section 6.2 are done here on the parsed components, so that every
// step is explicit and the output is built from parts we have checked.
#include "qingxi/fetch/url.h"

#include <arpa/inet.h>
#include <idn2.h>
#include <libpsl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <uriparser/Uri.h>

#include <cctype>
#include <cstring>

#include "qingxi/ascii.h"

namespace qingxi::fetch {
namespace {

bool IsHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}
constexpr char kHexUpper[] = "0123456789ABCDEF";

void AppendPct(std::string* out, unsigned char c) {
  out->push_back('%');
  out->push_back(kHexUpper[c >> 4]);
  out->push_back(kHexUpper[c & 15]);
}

// RFC 3986 section 2.3: unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~".
bool IsUnreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

// What a browser does with an href before parsing (WHATWG URL, "basic URL parser"): strip
// leading/trailing C0 controls and spaces, drop tabs and newlines anywhere, treat "\" as "/"
// before the query (http/https are "special" schemes). Then percent-encode what RFC 3986 does
// not allow, so that uriparser accepts real-world hrefs with raw UTF-8 ("/新闻/2023.html"),
// spaces, "|" or "[]" in queries. The fragment is cut here: it never reaches the server.
std::string Prepare(std::string_view in) {
  size_t b = 0, e = in.size();
  while (b < e && static_cast<unsigned char>(in[b]) <= 0x20) ++b;
  while (e > b && static_cast<unsigned char>(in[e - 1]) <= 0x20) --e;
  in = in.substr(b, e - b);
  if (size_t hash = in.find('#'); hash != std::string_view::npos) in = in.substr(0, hash);

  // Locate the authority so that "[" "]" of an IPv6 literal survive.
  size_t auth_begin = std::string_view::npos, auth_end = std::string_view::npos;
  {
    size_t i = 0;
    // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
    if (!in.empty() && ((in[0] | 0x20) >= 'a' && (in[0] | 0x20) <= 'z')) {
      size_t j = 1;
      while (j < in.size() && (isalnum(static_cast<unsigned char>(in[j])) || in[j] == '+' ||
                               in[j] == '-' || in[j] == '.'))
        ++j;
      if (j < in.size() && in[j] == ':') i = j + 1;
    }
    if (in.size() >= i + 2 && (in[i] == '/' || in[i] == '\\') &&
        (in[i + 1] == '/' || in[i + 1] == '\\')) {
      auth_begin = i + 2;
      auth_end = auth_begin;
      while (auth_end < in.size() && in[auth_end] != '/' && in[auth_end] != '\\' &&
             in[auth_end] != '?')
        ++auth_end;
    }
  }

  std::string out;
  out.reserve(in.size() + 16);
  bool in_query = false;
  for (size_t i = 0; i < in.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(in[i]);
    const bool in_auth = i >= auth_begin && i < auth_end;
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (c == '?') in_query = true;
    if (c == '\\' && !in_query) {
      out.push_back('/');
      continue;
    }
    if (c == '%') {
      if (i + 2 < in.size() && IsHex(in[i + 1]) && IsHex(in[i + 2])) {
        out.push_back('%');
      } else {
        out += "%25";  // a stray "%" is a literal percent sign
      }
      continue;
    }
    const bool bad = c >= 0x7F || c <= 0x20 || c == '"' || c == '<' || c == '>' || c == '^' ||
                     c == '`' || c == '{' || c == '|' || c == '}' || c == '\\' ||
                     ((c == '[' || c == ']') && !in_auth);
    if (bad) {
      AppendPct(&out, c);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

std::string RangeText(const UriTextRangeA& r) {
  if (r.first == nullptr || r.afterLast == nullptr) return std::string();
  return std::string(r.first, r.afterLast);
}

// RFC 3986 section 6.2.2.2: upper-case the hex digits of percent-encodings and decode the
// ones that stand for unreserved characters ("%7e" -> "~", "%41" -> "A").
std::string NormalizePercent(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && IsHex(s[i + 1]) && IsHex(s[i + 2])) {
      const unsigned char v =
          static_cast<unsigned char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      if (IsUnreserved(v)) {
        out.push_back(static_cast<char>(v));
      } else {
        AppendPct(&out, v);
      }
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// RFC 3986 section 5.2.4 remove_dot_segments, on a path that starts with "/".
std::string RemoveDotSegments(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  while (!in.empty()) {
    if (in.substr(0, 3) == "../") {
      in.remove_prefix(3);
    } else if (in.substr(0, 2) == "./") {
      in.remove_prefix(2);
    } else if (in.substr(0, 3) == "/./") {
      in.remove_prefix(2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.substr(0, 4) == "/../" || in == "/..") {
      if (in == "/..") {
        in = "/";
      } else {
        in.remove_prefix(3);
      }
      size_t slash = out.rfind('/');
      out.resize(slash == std::string::npos ? 0 : slash);
    } else if (in == "." || in == "..") {
      in = {};
    } else {
      size_t next = in.find('/', in[0] == '/' ? 1 : 0);
      if (next == std::string_view::npos) next = in.size();
      out.append(in.substr(0, next));
      in.remove_prefix(next);
    }
  }
  return out;
}

bool PercentDecode(const std::string& s, std::string* out) {
  out->clear();
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      if (i + 2 >= s.size() || !IsHex(s[i + 1]) || !IsHex(s[i + 2])) return false;
      out->push_back(static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2])));
      i += 2;
    } else {
      out->push_back(s[i]);
    }
  }
  return true;
}

// WHATWG URL "ends in a number": a host whose last label is numeric is an IPv4 address in
// one of the forms inet_aton() accepts (decimal, octal, hex, fewer than four parts).
bool LastLabelIsNumeric(const std::string& host) {
  std::string_view h = host;
  if (!h.empty() && h.back() == '.') h.remove_suffix(1);
  size_t dot = h.rfind('.');
  std::string_view last = dot == std::string_view::npos ? h : h.substr(dot + 1);
  if (last.empty()) return false;
  if (last.size() >= 2 && last[0] == '0' && (last[1] == 'x' || last[1] == 'X')) {
    for (size_t i = 2; i < last.size(); ++i)
      if (!IsHex(last[i])) return false;
    return true;
  }
  for (char c : last)
    if (c < '0' || c > '9') return false;
  return true;
}

Status Invalid(std::string_view url, const char* why) {
  std::string shown(url.substr(0, 200));
  return Status::InvalidArgument(std::string("url: ") + why + ": " + shown);
}

// Host normalisation: percent-decoding, IDNA to punycode, lower case, canonical IP text.
Result<std::string> NormalizeHost(const std::string& raw, bool ipv6_literal, std::string_view url) {
  if (ipv6_literal) {
    in6_addr a6;
    if (raw.find('%') != std::string::npos || inet_pton(AF_INET6, raw.c_str(), &a6) != 1)
      return Invalid(url, "bad IPv6 address");
    char buf[INET6_ADDRSTRLEN];
    inet_ntop(AF_INET6, &a6, buf, sizeof(buf));  // RFC 5952 canonical text
    return std::string(buf);
  }
  std::string host;
  if (!PercentDecode(raw, &host)) return Invalid(url, "bad percent-encoding in host");
  bool ascii = true;
  for (unsigned char c : host)
    if (c >= 0x80) ascii = false;
  if (!ascii) {
    // IDNA2008 with UTS #46 mapping (libidn2): maps full-width letters and the ideographic
    // full stop U+3002 to ASCII, lower-cases, and punycodes each label. Non-transitional
    // first (what current browsers do), transitional as the fallback for old names.
    char* out = nullptr;
    int rc = idn2_to_ascii_8z(host.c_str(), &out, IDN2_NONTRANSITIONAL | IDN2_NFC_INPUT);
    if (rc != IDN2_OK) {
      rc = idn2_to_ascii_8z(host.c_str(), &out, IDN2_TRANSITIONAL | IDN2_NFC_INPUT);
    }
    if (rc != IDN2_OK || out == nullptr) return Invalid(url, "host is not a valid IDN");
    host = out;
    idn2_free(out);
  }
  host = ascii::Lower(host);
  if (!host.empty() && host.back() == '.') host.pop_back();  // "example.com." is example.com
  if (host.empty() || host[0] == '.' || host.back() == '.' || host.find("..") != std::string::npos)
    return Invalid(url, "empty label in host");
  for (unsigned char c : host) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
    if (!ok) return Invalid(url, "forbidden character in host");
  }
  if (LastLabelIsNumeric(host)) {
    in_addr a4;
    if (inet_aton(host.c_str(), &a4) == 0) return Invalid(url, "bad IPv4 address");
    char buf[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &a4, buf, sizeof(buf));
    return std::string(buf);
  }
  if (host.size() > 253) return Invalid(url, "host too long");
  return host;
}

int DefaultPort(const std::string& scheme) {
  if (scheme == "http" || scheme == "ws") return 80;
  if (scheme == "https" || scheme == "wss") return 443;
  if (scheme == "ftp") return 21;
  return 0;
}

// Frees a UriUriA on scope exit.
struct UriHolder {
  UriUriA uri;
  bool live = false;
  ~UriHolder() {
    if (live) uriFreeUriMembersA(&uri);
  }
};

bool ParseRaw(const std::string& text, UriHolder* h) {
  const char* error_pos = nullptr;
  if (uriParseSingleUriExA(&h->uri, text.data(), text.data() + text.size(), &error_pos) !=
      URI_SUCCESS)
    return false;
  h->live = true;
  return true;
}

}  // namespace

std::string Url::Origin() const {
  std::string o = scheme + "://" + (host_is_ipv6() ? "[" + host + "]" : host);
  if (port != DefaultPort(scheme)) o += ":" + std::to_string(port);
  return o;
}

std::string Url::PathAndQuery() const { return query.empty() ? path : path + "?" + query; }

namespace {

// path / query characters that normalisation leaves as they are: unreserved, sub-delims, ":",
// "@", "/" (and "?" in the query).
bool IsPlainPathChar(unsigned char c) {
  return IsUnreserved(c) || c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' || c == ')' ||
         c == '*' || c == '+' || c == ',' || c == ';' || c == '=' || c == ':' || c == '@' ||
         c == '/';
}

// The parts of a URL that is already in normal form: "http[s]://host[:port]/path[?query]" with
// a lower-case ASCII host that is not an IP-like name, a port other than the default, no
// userinfo, fragment, dot segment, empty segment or empty query, and percent-encodings only
// upper-case ones that stand for reserved bytes. Such a URL is its own normalisation, so the
// fetcher, which is handed normalised URLs by the crawl store and the fetch command, need not
// run the full parser on every request. Returns false when any condition fails (the caller
// then does the full parse); true means *u is exactly what the full parse gives
// (url_test checks the two against each other).
bool ParseNormalForm(std::string_view in, Url* u) {
  size_t pos;
  if (in.compare(0, 7, "http://") == 0) {
    u->scheme = "http";
    pos = 7;
  } else if (in.compare(0, 8, "https://") == 0) {
    u->scheme = "https";
    pos = 8;
  } else {
    return false;
  }
  const size_t host_begin = pos;
  while (pos < in.size()) {
    const char c = in[pos];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'))
      break;
    ++pos;
  }
  const std::string_view host = in.substr(host_begin, pos - host_begin);
  if (host.empty() || host.size() > 253 || host.front() == '.' || host.back() == '.' ||
      host.find("..") != std::string_view::npos)
    return false;
  u->host.assign(host);
  if (LastLabelIsNumeric(u->host)) return false;  // IPv4 forms have their own normal form
  u->port = DefaultPort(u->scheme);
  if (pos < in.size() && in[pos] == ':') {
    ++pos;
    const size_t b = pos;
    int p = 0;
    while (pos < in.size() && in[pos] >= '0' && in[pos] <= '9' && pos - b < 5)
      p = p * 10 + (in[pos++] - '0');
    if (pos == b || in[b] == '0' || p > 65535 || p == u->port) return false;
    u->port = p;
  }
  if (pos >= in.size() || in[pos] != '/') return false;
  const size_t path_begin = pos;
  bool query = false;
  size_t segment = pos + 1;  // start of the current path segment
  for (; pos < in.size(); ++pos) {
    const unsigned char c = static_cast<unsigned char>(in[pos]);
    if (c == '%') {
      if (pos + 2 >= in.size()) return false;
      const char h = in[pos + 1], l = in[pos + 2];
      const bool upper_hex = ((h >= '0' && h <= '9') || (h >= 'A' && h <= 'F')) &&
                             ((l >= '0' && l <= '9') || (l >= 'A' && l <= 'F'));
      if (!upper_hex || IsUnreserved(static_cast<unsigned char>(HexValue(h) * 16 + HexValue(l))))
        return false;
      pos += 2;
      continue;
    }
    if (c == '?' && !query) {
      const std::string_view seg = in.substr(segment, pos - segment);
      if (seg == "." || seg == "..") return false;
      query = true;
      u->path.assign(in.substr(path_begin, pos - path_begin));
      if (pos + 1 == in.size()) return false;  // an empty query is dropped by normalisation
      continue;
    }
    if (!IsPlainPathChar(c) && !(query && c == '?')) return false;
    if (c == '/' && !query) {
      const std::string_view seg = in.substr(segment, pos - segment);
      if (pos > path_begin && (seg.empty() || seg == "." || seg == "..")) return false;
      segment = pos + 1;
    }
  }
  if (query) {
    u->query.assign(in.substr(in.find('?', path_begin) + 1));
  } else {
    const std::string_view seg = in.substr(segment);
    if (seg == "." || seg == "..") return false;
    u->path.assign(in.substr(path_begin));
  }
  u->userinfo.clear();
  u->spec.assign(in);
  return true;
}

}  // namespace

Result<Url> ParseUrl(std::string_view input, std::string_view base, const UrlOptions& options) {
  if (input.size() > kMaxUrlBytes) return Invalid(input, "too long");
  if (base.empty()) {
    Url u;
    if (ParseNormalForm(input, &u)) return u;
  }
  const std::string prepared = Prepare(input);

  UriHolder ref;
  if (!ParseRaw(prepared, &ref)) return Invalid(input, "does not parse");

  UriHolder resolved;
  const UriUriA* uri = &ref.uri;
  std::string base_spec;
  if (ref.uri.scheme.first == nullptr) {
    // A relative reference (RFC 3986 section 4.2) needs a base: resolve per section 5.2.
    if (base.empty()) return Invalid(input, "relative URL without a base");
    Result<Url> b = ParseUrl(base, {}, options);
    if (!b.ok()) return Invalid(input, "relative URL with an unusable base");
    base_spec = b->spec;
    UriHolder base_uri;
    if (!ParseRaw(base_spec, &base_uri)) return Invalid(input, "unusable base");
    if (uriAddBaseUriExA(&resolved.uri, &ref.uri, &base_uri.uri,
                         URI_RESOLVE_IDENTICAL_SCHEME_COMPAT) != URI_SUCCESS)
      return Invalid(input, "cannot resolve against base");
    resolved.live = true;
    uri = &resolved.uri;
  }

  Url u;
  u.scheme = ascii::Lower(RangeText(uri->scheme));
  const bool web = u.scheme == "http" || u.scheme == "https";
  if (!web && !options.allow_other_schemes) return Invalid(input, "scheme is not http or https");

  const bool ipv6 = uri->hostData.ip6 != nullptr || uri->hostData.ipFuture.first != nullptr;
  const std::string raw_host = RangeText(uri->hostText);
  if (raw_host.empty()) return Invalid(input, "no host");
  Result<std::string> host = NormalizeHost(raw_host, ipv6, input);
  if (!host.ok()) return host.status();
  u.host = std::move(host.value());
  u.userinfo = NormalizePercent(RangeText(uri->userInfo));

  const std::string port_text = RangeText(uri->portText);
  u.port = DefaultPort(u.scheme);
  if (!port_text.empty()) {
    if (port_text.size() > 5) return Invalid(input, "bad port");
    int p = 0;
    for (char c : port_text) {
      if (c < '0' || c > '9') return Invalid(input, "bad port");
      p = p * 10 + (c - '0');
    }
    if (p == 0 || p > 65535) return Invalid(input, "bad port");
    u.port = p;
  }

  std::string path;
  for (const UriPathSegmentA* s = uri->pathHead; s != nullptr; s = s->next) {
    path.push_back('/');
    path += RangeText(s->text);
  }
  // Decode unreserved percent-encodings before removing dot segments: "%2E%2E" is "..".
  path = RemoveDotSegments(NormalizePercent(path));
  if (path.empty() || path[0] != '/') path.insert(path.begin(), '/');
  u.path = std::move(path);
  if (uri->query.first != nullptr) u.query = NormalizePercent(RangeText(uri->query));

  std::string spec = u.scheme;
  spec += "://";
  if (!u.userinfo.empty()) spec += u.userinfo + "@";
  spec += ipv6 ? "[" + u.host + "]" : u.host;
  if (u.port != DefaultPort(u.scheme)) spec += ":" + std::to_string(u.port);
  spec += u.path;
  if (!u.query.empty()) spec += "?" + u.query;
  if (spec.size() > kMaxUrlBytes) return Invalid(input, "too long");
  u.spec = std::move(spec);
  return u;
}

Result<std::string> NormalizeUrl(std::string_view url, std::string_view base,
                                 const UrlOptions& options) {
  Result<Url> u = ParseUrl(url, base, options);
  if (!u.ok()) return u.status();
  return std::move(u.value().spec);
}

Result<std::string> NormalizeUrl(std::string_view url, std::string_view base) {
  return NormalizeUrl(url, base, UrlOptions());
}

std::string HostOf(std::string_view url) {
  Result<Url> u = ParseUrl(url);
  return u.ok() ? u->host : std::string();
}

namespace {
const psl_ctx_t* PublicSuffixList() {
  // Debian's libpsl reads the distribution's list (package publicsuffix) with psl_latest();
  // the built-in copy, if any, is the fallback. Loaded once; psl_ctx_t is read-only after.
  static const psl_ctx_t* ctx = [] {
    psl_ctx_t* latest = psl_latest(nullptr);
    return latest != nullptr ? static_cast<const psl_ctx_t*>(latest) : psl_builtin();
  }();
  return ctx;
}
}  // namespace

std::string SiteKeyOfHost(std::string_view host_view) {
  std::string host(host_view);
  if (host.empty()) return host;
  in6_addr a6;
  in_addr a4;
  if (host.find(':') != std::string::npos || inet_pton(AF_INET6, host.c_str(), &a6) == 1 ||
      inet_pton(AF_INET, host.c_str(), &a4) == 1)
    return host;
  const psl_ctx_t* psl = PublicSuffixList();
  if (psl == nullptr) return host;
  const char* reg = psl_registrable_domain(psl, host.c_str());
  return reg != nullptr ? std::string(reg) : host;
}

std::string SiteKey(std::string_view url) { return SiteKeyOfHost(HostOf(url)); }

namespace {

// IPv4 ranges that a public crawl must not reach (IANA special-purpose registry, RFC 6890).
bool IsPublicIpv4(uint32_t a) {  // host byte order
  auto in = [a](uint32_t net, int bits) {
    const uint32_t mask = bits == 0 ? 0 : ~uint32_t{0} << (32 - bits);
    return (a & mask) == net;
  };
  if (in(0x00000000, 8)) return false;   // 0.0.0.0/8 "this network"
  if (in(0x0A000000, 8)) return false;   // 10/8 private
  if (in(0x64400000, 10)) return false;  // 100.64/10 shared address space (CGNAT)
  if (in(0x7F000000, 8)) return false;   // 127/8 loopback
  if (in(0xA9FE0000, 16)) return false;  // 169.254/16 link-local
  if (in(0xAC100000, 12)) return false;  // 172.16/12 private
  if (in(0xC0000000, 24)) return false;  // 192.0.0/24 IETF protocol assignments
  if (in(0xC0000200, 24)) return false;  // 192.0.2/24 TEST-NET-1
  if (in(0xC0586300, 24)) return false;  // 192.88.99/24 6to4 relay anycast (deprecated)
  if (in(0xC0A80000, 16)) return false;  // 192.168/16 private
  if (in(0xC6120000, 15)) return false;  // 198.18/15 benchmarking
  if (in(0xC6336400, 24)) return false;  // 198.51.100/24 TEST-NET-2
  if (in(0xCB007100, 24)) return false;  // 203.0.113/24 TEST-NET-3
  if (in(0xE0000000, 4)) return false;   // 224/4 multicast
  if (in(0xF0000000, 4)) return false;   // 240/4 reserved, and 255.255.255.255 broadcast
  return true;
}

uint32_t V4At(const uint8_t* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}

bool IsPublicIpv6(const uint8_t* b) {
  static const uint8_t kZero[16] = {};
  // ::/128 unspecified and ::1 loopback; ::a.b.c.d (v4-compatible, deprecated) judged as IPv4.
  if (std::memcmp(b, kZero, 12) == 0) {
    const uint32_t v4 = V4At(b + 12);
    if (v4 <= 1) return false;
    return IsPublicIpv4(v4);
  }
  // ::ffff:a.b.c.d (v4-mapped) and 64:ff9b::/96 (NAT64 well-known prefix) carry an IPv4.
  static const uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  static const uint8_t kNat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
  if (std::memcmp(b, kMapped, 12) == 0 || std::memcmp(b, kNat64, 12) == 0)
    return IsPublicIpv4(V4At(b + 12));
  if (b[0] == 0x20 && b[1] == 0x02) return IsPublicIpv4(V4At(b + 2));  // 2002::/16 6to4
  if ((b[0] & 0xfe) == 0xfc) return false;                             // fc00::/7 unique local
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return false;             // fe80::/10 link-local
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return false;             // fec0::/10 site-local
  if (b[0] == 0xff) return false;                                      // ff00::/8 multicast
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return false;  // 2001:db8::/32
  if (b[0] == 0x01 && b[1] == 0x00 && std::memcmp(b + 2, kZero, 6) == 0) return false;  // 100::/64
  return true;
}

}  // namespace

bool IsPublicAddress(const sockaddr* addr) {
  if (addr == nullptr) return false;
  if (addr->sa_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(addr);
    return IsPublicIpv4(ntohl(in->sin_addr.s_addr));
  }
  if (addr->sa_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(addr);
    return IsPublicIpv6(in6->sin6_addr.s6_addr);
  }
  return false;  // AF_UNIX and anything else is not a public Internet address
}

bool IsLoopbackOrPrivateHost(std::string_view host_view) {
  std::string host = ascii::Lower(host_view);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  while (!host.empty() && host.back() == '.') host.pop_back();
  if (host.empty()) return true;
  if (host.find(':') != std::string::npos) {
    sockaddr_in6 sa{};
    sa.sin6_family = AF_INET6;
    if (host.find('%') != std::string::npos) return true;  // a zone id: link-local by nature
    if (inet_pton(AF_INET6, host.c_str(), &sa.sin6_addr) != 1) return false;
    return !IsPublicAddress(reinterpret_cast<const sockaddr*>(&sa));
  }
  if (LastLabelIsNumeric(host)) {
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    // inet_aton accepts the same shorthand forms as the resolver ("127.1", "0177.0.0.1").
    if (inet_aton(host.c_str(), &sa.sin_addr) == 0) return false;
    return !IsPublicAddress(reinterpret_cast<const sockaddr*>(&sa));
  }
  // Names that only ever resolve on the local machine or network (RFC 6761 localhost,
  // RFC 6762 .local, RFC 8375 home.arpa, and the common private-use ".internal"/".lan").
  auto ends_with = [&host](std::string_view suffix) {
    return host.size() >= suffix.size() &&
           host.compare(host.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (host == "localhost" || ends_with(".localhost") || host == "localhost.localdomain" ||
      host == "ip6-localhost" || host == "ip6-loopback")
    return true;
  if (ends_with(".local") || ends_with(".internal") || ends_with(".home.arpa") ||
      ends_with(".lan") || host == "local" || host == "internal")
    return true;
  return false;
}

}  // namespace qingxi::fetch
