// qingxi/pipeline.h — one document from bytes to Record: the whole cleaning engine in one call.
//
// bytes -> UTF-8 (charset.h) -> [HTML: DOM -> main content (extract.h)] -> line cleaners
// (text_cleaner.h) -> traditional to simplified (convert.h) -> Record (record.h).
// Every consumer (the `clean` command, WARC input, the crawler) goes through Pipeline::Process,
// so there is exactly one cleaning engine. A failure of any stage yields an error record.
//
// Thread-safety: a Pipeline is immutable after Create; Process may run on many threads.
#ifndef QINGXI_PIPELINE_H_
#define QINGXI_PIPELINE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "qingxi/convert.h"
#include "qingxi/explain.h"
#include "qingxi/extract.h"
#include "qingxi/record.h"
#include "qingxi/status.h"

namespace qingxi {

enum class InputKind { kAuto, kHtml, kText };

struct PipelineOptions {
  std::string rules_dir;       // where the rule files live
  std::vector<std::string> extra_rules;  // --extra-rules layers over rules_dir, in order
                                         // (qingxi/rule_sources.h)
  bool convert = true;         // traditional -> simplified (false: keep the input's script)
  Vocab vocab = Vocab::kNone;  // also map Taiwan / Hong Kong words to mainland ones (convert.h)
  ExtractLimits limits;
  size_t max_input_bytes = 64u << 20;  // larger inputs are cut and flagged "truncated"
};

struct InputDocument {
  std::string id;
  std::string source;          // path or URL, as the user gave it
  std::string url;             // final URL (WARC / crawl), may be empty; `site` rules match
                               // its host (or the source's, when the source is a URL)
  std::string fetched_at;      // fetch time (WARC-Date, crawl), ISO 8601 UTC, may be empty
  std::string_view bytes;      // raw bytes, any charset
  InputKind kind = InputKind::kAuto;
  std::string_view content_type;  // HTTP Content-Type when known
  std::string_view name_hint;     // file name or URL path, for --in auto
};

class Pipeline {
 public:
  static Result<std::shared_ptr<const Pipeline>> Create(const PipelineOptions& options);
  // Never fails: problems become an error record. With `explain` set, every stage adds what it
  // removed and why (qingxi/explain.h); null, the normal run, records nothing and costs nothing.
  Record Process(const InputDocument& doc, Explanation* explain = nullptr) const;

  // Decides html or text for kAuto: by extension, then by content sniffing.
  static InputKind Sniff(std::string_view bytes, std::string_view name_hint);

 private:
  Pipeline() = default;
  PipelineOptions options_;
  std::shared_ptr<const class Converter> converter_;
  std::shared_ptr<const class HtmlExtractor> extractor_;
  std::shared_ptr<const class TextExtractor> text_extractor_;
  std::shared_ptr<const class TextCleaner> cleaner_;
};

}  // namespace qingxi

#endif  // QINGXI_PIPELINE_H_
