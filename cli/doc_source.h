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
#include <unordered_map>

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
  std::string fetched_at;    // WARC-Date of a WARC record
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
  // root: the directory argument `path` was found under ("" when it was named itself).
  static std::unique_ptr<DocSource> Open(const std::string& path, InputFormat format,
                                         size_t max_bytes, const std::string& root = "");

 protected:
  SkipCounts skipped_;
};

// A source that yields nothing and reports `status` (a container that could not be opened).
std::unique_ptr<DocSource> MakeFailedSource(Status status);

// Record ids (docs/record-schema.md). A file named itself: its name without the extension
// ("zh000" for html/zh000.html, as evaluation tools match records to files); a file found under
// a named directory: its path relative to that directory, without the extension ("a/index" and
// "b/index" for site/a/index.html and site/b/index.html). The same in every run over the same
// arguments; UniqueIds makes them unique within a run.
std::string IdForPath(const std::string& path, const std::string& root);

// Makes the ids of one run unique: the second record with id X becomes "X~2", the third "X~3"
// (in input order, so the same in every run). Holds 8 bytes per distinct id, plus the table's
// overhead. Not thread-safe (the reading thread calls it).
class UniqueIds {
 public:
  void Apply(std::string* id);

 private:
  std::unordered_map<uint64_t, uint32_t> seen_;
};
// The id of a document named by a URL: 16 hex digits of a 64-bit FNV-1a hash of the URL.
std::string IdForUrl(const std::string& url);
// The id of one fetch of a URL: the hash of the URL, the fetch time and (for a WARC record) the
// WARC-Record-ID. A page fetched again gets a new id; re-reading the same archive gives the same.
std::string IdForFetch(const std::string& url, const std::string& fetched_at,
                       const std::string& record_id = "");

}  // namespace qingxi::cli

#endif  // QINGXI_CLI_DOC_SOURCE_H_
