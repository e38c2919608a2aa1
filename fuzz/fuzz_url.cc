// fuzz_url: URL normalisation and resolution against a base (qingxi/fetch/url.h).
// Input: URL [NUL base URL].
// Invariants: a normalised URL is at most kMaxUrlBytes of printable ASCII without a fragment;
// normalisation is idempotent (NormalizeUrl of the result is the result) and agrees with
// ParseUrl's spec; the origin starts the URL (no userinfo) and the request target ends it; SiteKey
// and HostOf accept anything.
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "qingxi/fetch/url.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace qingxi::fetch;
  auto [first, rest] = qingxi::fuzz::SplitAtNul(qingxi::fuzz::AsView(data, size));
  // With a NUL: "url NUL base"; without: the whole input is the URL.
  std::string_view url = first.data() ? first : rest;
  std::string_view base = first.data() ? rest : std::string_view();
  (void)HostOf(url);
  (void)SiteKey(url);
  qingxi::Result<std::string> n = NormalizeUrl(url, base);
  if (!n.ok()) return 0;
  const std::string& s = n.value();
  QX_FUZZ_CHECK(s.size() <= kMaxUrlBytes, "longer than kMaxUrlBytes");
  for (unsigned char c : s) QX_FUZZ_CHECK(c > 0x20 && c < 0x7f, "non-printable byte in " + s);
  QX_FUZZ_CHECK(s.find('#') == std::string::npos, "fragment kept: " + s);
  qingxi::Result<std::string> again = NormalizeUrl(s);
  QX_FUZZ_CHECK(again.ok(), "normal form does not parse: " + s + " (" +
                                (again.ok() ? "" : again.status().message()) + ")");
  QX_FUZZ_CHECK(again.value() == s, "not idempotent: " + s + " -> " + again.value());
  qingxi::Result<Url> parts = ParseUrl(url, base);
  QX_FUZZ_CHECK(parts.ok() && parts.value().spec == s, "ParseUrl disagrees with NormalizeUrl");
  const Url& u = parts.value();
  QX_FUZZ_CHECK(!u.path.empty() && u.path[0] == '/', "path does not start with /: " + s);
  QX_FUZZ_CHECK(u.port > 0 && u.port < 65536, "port out of range: " + s);
  if (u.userinfo.empty())
    QX_FUZZ_CHECK(s.compare(0, u.Origin().size(), u.Origin()) == 0, "origin not a prefix: " + s);
  QX_FUZZ_CHECK(
      s.size() >= u.PathAndQuery().size() &&
          s.compare(s.size() - u.PathAndQuery().size(), std::string::npos, u.PathAndQuery()) == 0,
      "request target not a suffix: " + s);
  return 0;
}
