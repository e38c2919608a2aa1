// cli/doc_source.h — one input file (or standard input) as a stream of documents to clean.
//
// A plain page or text file is one document, read later by a worker thread. A container holds
// many documents and is expanded here, one document at a time, so memory stays bounded:
//   - JSONL (.jsonl, or --in jsonl): one object a line with "html" or "text" (or "content",
//     sniffed), and optional "id", "url", "source", "content_type" — the filter form that lets
//     `qingxi clean` sit in another engine's pipe;
//   - WARC (.warc, .warc.gz, .wet, .wet.gz, or --in warc): every 2xx response and resource
//     record that holds a page (NotAPageReason; its HTTP Content-Type charset is used) and every
//     WET conversion record; the others are counted in skipped().
// Standard input ("-") with --in auto is sniffed from its first bytes. Not thread-safe.
#ifndef QINGXI_CLI_DOC_SOURCE_H_
#define QINGXI_CLI_DOC_SOURCE_H_

#include <cstdio>
#include <memory>
#include <string>

#include "page_filter.h"
#include "qingxi/pipeline.h"
#include "qingxi/status.h"

namespace qingxi::cli {

struct DocTask {
  uint64_t seq = 0;
  std::string path;          // a file for the worker to read, when !loaded
  bool loaded = false;       // bytes below hold the document already
  std::string bytes;
  std::string id, source, url, content_type;
  InputKind kind = InputKind::kAuto;
};

enum class InputFormat { kAuto, kHtml, kText, kJsonl, kWarc };
InputFormat ParseInputFormat(const std::string& s);  // "auto" "html" "text" "jsonl" "warc"

class DocSource {
 public:
  virtual ~DocSource() = default;
  // Next document; false at the end or on a fatal read error (see status()). A document that
  // is broken inside a container (bad JSON line) is returned as a task whose bytes are empty
  // and whose content_type holds "error: <reason>", so it becomes an error record.
  virtual bool Next(DocTask* task) = 0;
  virtual Status status() const { return Status::Ok(); }
  // Records of a container that are not documents, by reason (page_filter.h), so far.
  const SkipCounts& skipped() const { return skipped_; }

  // Opens `path` as the right kind of source for `format` (kAuto: by extension or sniffing).
  static std::unique_ptr<DocSource> Open(const std::string& path, InputFormat format,
                                         size_t max_bytes);

 protected:
  SkipCounts skipped_;
};

// A source that yields nothing and reports `status` (a container that could not be opened).
std::unique_ptr<DocSource> MakeFailedSource(Status status);

// The id of a document named by a URL: 16 hex digits of a 64-bit FNV-1a hash of the URL.
std::string IdForUrl(const std::string& url);

}  // namespace qingxi::cli

#endif  // QINGXI_CLI_DOC_SOURCE_H_
