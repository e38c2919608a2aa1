#include "crawl_sitemap.h"

#include <zlib.h>

#include <cstring>
#include <ctime>
#include <set>

#include "qingxi/fetch/robots.h"

namespace qingxi::cli {
namespace {

constexpr size_t kMaxSitemapBytes = 64u << 20;

// Inflates a gzip body (bounded); returns false when `in` is not gzip.
bool Gunzip(std::string_view in, std::string* out) {
  if (in.size() < 2 || static_cast<unsigned char>(in[0]) != 0x1f ||
      static_cast<unsigned char>(in[1]) != 0x8b)
    return false;
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return false;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  char buf[1 << 15];
  int rc = Z_OK;
  while (rc == Z_OK && out->size() < kMaxSitemapBytes) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    out->append(buf, sizeof buf - zs.avail_out);
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;
  }
  inflateEnd(&zs);
  return true;
}

// The five predefined XML entities and numeric references, enough for URLs.
std::string XmlUnescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back('&');
      continue;
    }
    std::string_view ent = s.substr(i + 1, semi - i - 1);
    if (ent == "amp") out.push_back('&');
    else if (ent == "lt") out.push_back('<');
    else if (ent == "gt") out.push_back('>');
    else if (ent == "quot") out.push_back('"');
    else if (ent == "apos") out.push_back('\'');
    else if (!ent.empty() && ent[0] == '#') {
      unsigned long cp = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X')
                             ? std::strtoul(std::string(ent.substr(2)).c_str(), nullptr, 16)
                             : std::strtoul(std::string(ent.substr(1)).c_str(), nullptr, 10);
      if (cp > 0 && cp < 0x80) out.push_back(static_cast<char>(cp));
      else out.append(s.substr(i, semi - i + 1));  // left for NormalizeUrl to percent-encode
    } else {
      out.append(s.substr(i, semi - i + 1));
    }
    i = semi;
  }
  return out;
}

// The text of the first <tag>…</tag> inside `block` (namespace prefixes tolerated), trimmed.
std::string ChildText(std::string_view block, std::string_view tag) {
  for (size_t pos = 0; (pos = block.find('<', pos)) != std::string_view::npos; ++pos) {
    size_t name_end = block.find_first_of(" >/", pos + 1);
    if (name_end == std::string_view::npos) return "";
    std::string_view name = block.substr(pos + 1, name_end - pos - 1);
    if (size_t colon = name.find(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
    if (name != tag) continue;
    size_t open_end = block.find('>', name_end);
    if (open_end == std::string_view::npos) return "";
    size_t close = block.find("</", open_end);
    if (close == std::string_view::npos) return "";
    std::string_view text = block.substr(open_end + 1, close - open_end - 1);
    if (text.rfind("<![CDATA[", 0) == 0 && text.size() >= 12) text = text.substr(9, text.size() - 12);
    while (!text.empty() && std::strchr(" \t\r\n", text.front())) text.remove_prefix(1);
    while (!text.empty() && std::strchr(" \t\r\n", text.back())) text.remove_suffix(1);
    return XmlUnescape(text);
  }
  return "";
}

// Calls f(block) for each <tag …>…</tag> element of `xml`.
template <typename F>
void ForEachElement(std::string_view xml, std::string_view tag, F f) {
  size_t pos = 0;
  while ((pos = xml.find('<', pos)) != std::string_view::npos) {
    size_t name_end = xml.find_first_of(" \t\r\n>/", pos + 1);
    if (name_end == std::string_view::npos) return;
    std::string_view name = xml.substr(pos + 1, name_end - pos - 1);
    if (size_t colon = name.find(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
    if (name != tag) {
      ++pos;
      continue;
    }
    size_t end = xml.find("</", name_end);
    while (end != std::string_view::npos) {
      size_t close_name = xml.find('>', end);
      if (close_name == std::string_view::npos) return;
      std::string_view cn = xml.substr(end + 2, close_name - end - 2);
      if (size_t colon = cn.find(':'); colon != std::string_view::npos) cn.remove_prefix(colon + 1);
      if (cn == tag) break;
      end = xml.find("</", close_name);
    }
    if (end == std::string_view::npos) return;
    f(xml.substr(pos, end - pos));
    pos = end + 2;
  }
}

}  // namespace

int64_t ParseW3cDatetime(std::string_view s) {
  int y = 0, mo = 1, d = 1, h = 0, mi = 0, sec = 0;
  if (s.size() < 4 || std::sscanf(std::string(s).c_str(), "%4d-%2d-%2d", &y, &mo, &d) < 1) return 0;
  if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31) return 0;
  int64_t offset = 0;
  size_t t = s.find('T');
  if (t != std::string_view::npos) {
    std::string rest(s.substr(t + 1));
    if (std::sscanf(rest.c_str(), "%2d:%2d:%2d", &h, &mi, &sec) < 2) return 0;
    size_t tz = rest.find_first_of("+-Z", 5);
    if (tz != std::string::npos && rest[tz] != 'Z') {
      int oh = 0, om = 0;
      std::sscanf(rest.c_str() + tz + 1, "%2d:%2d", &oh, &om);
      offset = (oh * 3600 + om * 60) * (rest[tz] == '-' ? -1 : 1);
    }
  }
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = sec;
  return static_cast<int64_t>(timegm(&tm)) - offset;
}

void ParseSitemap(std::string_view xml, const std::string& base, std::vector<SitemapEntry>* pages,
                  std::vector<std::string>* sitemaps) {
  std::string inflated;
  if (Gunzip(xml, &inflated)) xml = inflated;
  ForEachElement(xml, "url", [&](std::string_view block) {
    auto u = fetch::NormalizeUrl(ChildText(block, "loc"), base);
    if (!u.ok()) return;
    pages->push_back(SitemapEntry{*u, ParseW3cDatetime(ChildText(block, "lastmod")), base});
  });
  ForEachElement(xml, "sitemap", [&](std::string_view block) {
    auto u = fetch::NormalizeUrl(ChildText(block, "loc"), base);
    if (u.ok()) sitemaps->push_back(*u);
  });
}

SitemapResult ReadSitemaps(const fetch::FetchOptions& options, const std::vector<std::string>& urls,
                           const std::vector<std::string>& origins,
                           const std::function<bool(const fetch::Url&)>& allowed, int max_sitemaps) {
  SitemapResult result;
  fetch::FetchOptions o = options;
  o.accept_content_types.clear();  // XML is served as text/xml, application/xml, x-gzip...
  o.max_body_bytes = kMaxSitemapBytes;
  fetch::Fetcher fetcher(o);
  std::vector<fetch::FetchRequest> wave;
  for (const std::string& origin : origins) wave.push_back(fetch::FetchRequest{origin + "/robots.txt", "", "", 0});
  std::set<std::string> seen;
  auto add_sitemap = [&](const std::string& u, std::vector<fetch::FetchRequest>* next) {
    auto parsed = fetch::ParseUrl(u);
    if (!parsed.ok()) {
      result.warnings.push_back(u + ": " + parsed.status().message());
      return;
    }
    // Sitemaps outside the allowed sites are not read: their URLs could not be kept anyway
    // (sitemaps.org: a sitemap lists URLs of its own host).
    if (!allowed(*parsed)) return;
    if (static_cast<int>(seen.size()) >= max_sitemaps || !seen.insert(parsed->spec).second) return;
    next->push_back(fetch::FetchRequest{parsed->spec, "", "", 1});
  };
  std::vector<fetch::FetchRequest> first;
  for (const std::string& u : urls) add_sitemap(u, &first);
  wave.insert(wave.end(), first.begin(), first.end());
  std::string token = o.robots_token.empty() ? o.user_agent.substr(0, o.user_agent.find('/')) : o.robots_token;
  while (!wave.empty()) {
    auto responses = fetcher.FetchAll(wave);
    wave.clear();
    if (!responses.ok()) {
      result.warnings.push_back(responses.status().message());
      break;
    }
    for (const fetch::FetchResponse& r : *responses) {
      if (!r.ok() || r.status < 200 || r.status > 299) {
        result.warnings.push_back(r.url + ": " + (r.ok() ? "HTTP " + std::to_string(r.status)
                                                         : std::string(fetch::FetchErrorName(r.error))));
        continue;
      }
      if (r.id == 0) {  // a robots.txt: its Sitemap lines
        const fetch::RobotsTxt robots = fetch::RobotsTxt::Parse(r.body, token);
        for (const std::string& s : robots.sitemaps()) add_sitemap(s, &wave);
        continue;
      }
      ++result.sitemaps_read;
      std::vector<SitemapEntry> pages;
      std::vector<std::string> more;
      ParseSitemap(r.body, r.final_url.empty() ? r.url : r.final_url, &pages, &more);
      for (SitemapEntry& e : pages) {
        auto u = fetch::ParseUrl(e.url);
        if (u.ok() && allowed(*u)) result.entries.push_back(std::move(e));
      }
      for (const std::string& s : more) add_sitemap(s, &wave);
    }
  }
  return result;
}

}  // namespace qingxi::cli
