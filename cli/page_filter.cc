// What is a page (see page_filter.h). The order of the checks: the crawler's own records, the
// robots.txt name, the declared content type (the server's word is the best evidence), then the
// name's extension, then the bytes — so that a stylesheet served as application/octet-stream
// (a server without a MIME map) or saved without a type is still recognised.
#include "page_filter.h"

#include <algorithm>

#include "qingxi/ascii.h"

namespace qingxi::cli {
namespace {

// The path part of a URL or file name, without query or fragment.
std::string_view PathOf(std::string_view name) {
  size_t scheme = name.find("://");
  if (scheme != std::string_view::npos) {
    size_t slash = name.find('/', scheme + 3);
    name = slash == std::string_view::npos ? std::string_view() : name.substr(slash);
    size_t q = name.find_first_of("?#");
    if (q != std::string_view::npos) name = name.substr(0, q);
  }
  return name;
}

std::string_view BaseName(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// The media type in lower case, without parameters: "text/html; charset=gbk" -> "text/html".
std::string MediaType(std::string_view content_type) {
  size_t semi = content_type.find(';');
  std::string t = ascii::Lower(content_type.substr(0, semi));
  t.erase(0, t.find_first_not_of(" \t"));
  t.erase(t.find_last_not_of(" \t") + 1);
  return t;
}

bool HasExt(std::string_view base, std::initializer_list<std::string_view> exts) {
  for (std::string_view e : exts)
    if (ascii::EndsWithIgnoreCase(base, e)) return true;
  return false;
}

// "" for HTML and text types and for types that say nothing (empty, octet-stream, unknown
// application/*); otherwise the reason.
std::string ReasonForType(const std::string& t) {
  if (t.empty() || t == "application/octet-stream" || t == "binary/octet-stream") return "";
  if (t == "text/html" || t == "application/xhtml+xml" || t == "text/plain") return "";
  if (t == "text/css") return "stylesheet";
  if (t.find("javascript") != std::string::npos || t.find("ecmascript") != std::string::npos)
    return "script";
  if (t == "application/json" || ascii::EndsWithIgnoreCase(t, "+json") || t == "text/json")
    return "json";
  if (t == "application/xml" || t == "text/xml" || ascii::EndsWithIgnoreCase(t, "+xml"))
    return "xml";
  for (std::string_view prefix : {"image/", "audio/", "video/", "font/", "model/"})
    if (t.compare(0, prefix.size(), prefix) == 0) return "binary";
  for (std::string_view binary :
       {"application/pdf", "application/zip", "application/gzip", "application/x-gzip",
        "application/wasm", "application/msword", "application/x-shockwave-flash",
        "application/vnd.ms-excel", "application/x-rar-compressed", "application/x-7z-compressed"})
    if (t == binary) return "binary";
  if (t.compare(0, 5, "text/") == 0) return "";  // text/x-markdown, text/enriched: prose
  return "";                                     // an unknown type: let the bytes decide
}

std::string ReasonForExtension(std::string_view base) {
  if (HasExt(base, {".css"})) return "stylesheet";
  if (HasExt(base, {".js", ".mjs", ".cjs"})) return "script";
  if (HasExt(base, {".json", ".map", ".webmanifest"})) return "json";
  if (HasExt(base, {".xml", ".rss", ".atom", ".xsl"})) return "xml";
  if (HasExt(base, {".log"})) return "log";
  if (HasExt(base, {".png",  ".jpg",   ".jpeg", ".gif", ".webp", ".svg", ".ico", ".bmp",
                    ".woff", ".woff2", ".ttf",  ".otf", ".eot",  ".pdf", ".zip", ".gz",
                    ".mp3",  ".mp4",   ".swf",  ".exe", ".doc",  ".xls", ".ppt"}))
    return "binary";
  return "";
}

bool IsUrlLine(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
    line.remove_suffix(1);
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  if (!(ascii::StartsWithIgnoreCase(line, "http://") ||
        ascii::StartsWithIgnoreCase(line, "https://")))
    return false;
  return std::none_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t'; });
}

// Every non-blank, non-comment line of the head is one URL (the last line may be cut short
// by the head limit, so it is not judged).
bool IsUrlList(std::string_view head, bool cut) {
  size_t pos = 0, urls = 0;
  while (pos < head.size()) {
    size_t nl = head.find('\n', pos);
    if (nl == std::string_view::npos) {
      if (cut) break;
      nl = head.size();
    }
    std::string_view line = head.substr(pos, nl - pos);
    pos = nl + 1;
    size_t b = line.find_first_not_of(" \t\r");
    if (b == std::string_view::npos || line[b] == '#') continue;
    if (!IsUrlLine(line)) return false;
    ++urls;
  }
  return urls > 0;
}

bool LooksBinary(std::string_view head) {
  // A UTF-16 page is full of NUL bytes, but it is text: its byte order mark says so.
  if (head.size() >= 2 &&
      ((head[0] == '\xFF' && head[1] == '\xFE') || (head[0] == '\xFE' && head[1] == '\xFF')))
    return false;
  size_t control = 0;
  for (unsigned char c : head) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) ++control;
  }
  return control * 100 >= head.size();  // 1% or more control bytes: not text
}

}  // namespace

std::string NotAPageReason(std::string_view name, std::string_view content_type,
                           std::string_view head) {
  if (ascii::StartsWithIgnoreCase(name, "metadata:") || ascii::StartsWithIgnoreCase(name, "dns:"))
    return "warc_metadata";
  const std::string_view base = BaseName(PathOf(name));
  if (ascii::EqualsIgnoreCase(base, "robots.txt")) return "robots_txt";
  const std::string type = MediaType(content_type);
  if (std::string r = ReasonForType(type); !r.empty()) return r;
  const bool declared_page = type == "text/html" || type == "application/xhtml+xml";
  if (!declared_page) {
    if (std::string r = ReasonForExtension(base); !r.empty()) return r;
  }
  const bool cut = head.size() > kPageSniffBytes;
  head = head.substr(0, kPageSniffBytes);
  if (head.empty()) return "";  // an empty page becomes an error record, as before
  if (LooksBinary(head)) return "binary";
  if (!declared_page && IsUrlList(head, cut)) return "url_list";
  return "";
}

}  // namespace qingxi::cli
