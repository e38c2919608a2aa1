// cli/page_filter.h — what is a page: which files of a walked folder and which WARC records
// become documents, and why the others do not.
//
// A document is an HTML page or prose: WARC response, resource and conversion records whose
// content type is HTML or text, and files that sniff as HTML or text. Not documents: robots.txt,
// stylesheets, scripts, JSON, XML feeds, binary files, lists of URLs (a crawl's seed file beside
// the pages), logs, the metadata:// records a crawler writes about itself (wget's
// wget_arguments.txt and wget.log) and non-2xx responses. Every skip has a reason, which
// callers count (the summary and --stats of `clean`). The rules are in docs/documents.md.
// Stateless and thread-safe.
#ifndef QINGXI_CLI_PAGE_FILTER_H_
#define QINGXI_CLI_PAGE_FILTER_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace qingxi::cli {

// Bytes of a file's head that NotAPageReason looks at.
constexpr size_t kPageSniffBytes = 4096;

// "" when the resource is a document; otherwise the reason it is not: "robots_txt",
// "stylesheet", "script", "json", "xml", "binary", "url_list", "log", "warc_metadata".
// (Callers add "empty_file" for empty files in a walked folder and "http_status" for non-2xx
// WARC responses.)
//   name: a file path or a URL (its path decides the extension; its scheme "metadata:" or "dns:"
//         marks a crawler's own record);
//   content_type: the HTTP or WARC Content-Type, "" for a file;
//   head: the first bytes of the body (up to kPageSniffBytes are used).
std::string NotAPageReason(std::string_view name, std::string_view content_type,
                           std::string_view head);

// Skips counted by reason, in a fixed (sorted) order for reproducible summaries.
using SkipCounts = std::map<std::string, uint64_t>;

}  // namespace qingxi::cli

#endif  // QINGXI_CLI_PAGE_FILTER_H_
