// qingxi/explain.h — why text left a document: the removals the cleaning engine records when
// asked to explain itself.
//
// Every stage that drops or cuts text (the decoder, the HTML and text extractors, the line
// cleaners, the converter) takes an optional `Explanation*`. When it is null (the normal run)
// nothing is recorded and nothing is allocated; when it is set, each stage appends one Removal per
// dropped block, line or cut span, saying which stage removed it, why (a short stable reason
// code, docs/explain.md) and by which rule (`spam.rules:12 phrase 澳门`, `html.rules drop_tag nav`,
// a threshold and the measured value). The `qingxi clean --explain FILE` output and the
// `qingxi explain` page are written from it.
//
// An Explanation is a plain value owned by the caller of Pipeline::Process; it belongs to one
// document and one thread at a time.
#ifndef QINGXI_EXPLAIN_H_
#define QINGXI_EXPLAIN_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qingxi {

struct Record;

// The stage of the engine that removed the text, in pipeline order.
enum class Stage : uint8_t { kDecode, kExtract, kClean, kConvert };
const char* StageName(Stage s);  // "decode", "extract", "clean", "convert"

struct Removal {
  std::string text;  // what was removed, as the stage saw it (input script, collapsed spaces)
  Stage stage = Stage::kClean;
  std::string reason;  // short stable code: "boilerplate_tag", "spam", "watermark", ...
  std::string rule;    // the rule or decision: "spam.rules:12 phrase 澳门", may be empty
};

struct Explanation {
  std::vector<Removal> removed;  // in the order the stages removed them
  // The document's visible text in reading order, as the extractor saw it: one entry per block
  // of HTML text (the text nodes under one block element, spaces collapsed) or per non-blank
  // line of text input. Every removal's text is cut from it (qingxi explain aligns the two).
  std::vector<std::string> source;
  size_t decode_replacements = 0;  // invalid input bytes replaced by U+FFFD
  size_t converted_chars = 0;      // characters changed by traditional -> simplified

  void Add(Stage stage, std::string_view text, std::string_view reason, std::string rule = {}) {
    removed.push_back(Removal{std::string(text), stage, std::string(reason), std::move(rule)});
  }
};

// One line of JSON (no newline) for the record `r` and its explanation:
// {"id","source","url"?,"error"?,"removed":[{"text","stage","reason","rule"}],
//  "decode_replacements","converted_chars","kept_chars","removed_chars"}.
std::string ExplanationToJsonLine(const Record& r, const Explanation& e);

}  // namespace qingxi

#endif  // QINGXI_EXPLAIN_H_
