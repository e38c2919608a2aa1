// qingxi/record.h — the corpus record: what one input document becomes, and its JSONL form.
//
// One Record per input document. A record either carries text (error empty) or is an error
// record (error non-empty, text empty) so that a broken page never stops a run and is never
// silently lost. ToJsonLine() produces exactly one line of JSON (no embedded newline), with
// keys in a fixed order so that output is reproducible byte for byte. Plain value type.
#ifndef QINGXI_RECORD_H_
#define QINGXI_RECORD_H_

#include <string>
#include <vector>

#include "qingxi/status.h"

namespace qingxi {

// Writing system of a text, judged on its Han characters.
enum class Script { kUnknown, kHans, kHant, kMixed };
const char* ScriptName(Script s);  // "unknown", "hans", "hant", "mixed"

// The JSONL form is a versioned contract: docs/record-schema.md (kRecordSchemaVersion).
constexpr int kRecordSchemaVersion = 2;

struct Record {
  std::string id;        // unique within a run, stable across runs (docs/record-schema.md)
  std::string source;    // path or URL the document came from
  std::string url;       // final URL when known (WARC, crawl); empty otherwise
  std::string fetched_at;  // when the page was fetched (WARC-Date, crawl time), ISO 8601 UTC
  std::string title;
  std::string date;      // ISO 8601 ("2023-04-18" or "2023-04-18T12:08:00"), empty if unknown
  std::string text;      // body, one paragraph per line, no trailing newline
  Script script = Script::kUnknown;        // of the input, before conversion
  std::vector<std::string> flags;          // e.g. "paywall", "mojibake", "truncated"
  std::string encoding;  // charset the input was decoded from ("utf-8", "gb18030", "big5-hkscs")
  std::string error;     // non-empty for an error record

  bool is_error() const { return !error.empty(); }
  void AddFlag(const std::string& f);  // adds once, keeps insertion order
};

// One line of JSON, without the trailing newline. Error records hold only id, source, url and
// fetched_at (if any) and error. A text record also carries content_hash, 16 hex digits of the
// 64-bit FNV-1a hash (qingxi/hash.h) of its text, derived here so it can never go stale. Invalid UTF-8 in any field is replaced by U+FFFD so the line is always valid.
std::string ToJsonLine(const Record& r);

// Parses a line produced by ToJsonLine (used by tests and by resumable runs).
Result<Record> FromJsonLine(const std::string& line);

}  // namespace qingxi

#endif  // QINGXI_RECORD_H_
