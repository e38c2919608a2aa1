// fuzz_pipeline: one document through the whole engine (Pipeline::Process): charset, HTML or
// text, cleaners, conversion, record.
// Input: [Content-Type NUL] document bytes; the first byte picks the input kind (auto, html,
// text) and whether to convert.
// Invariants: Process returns (a broken input is an error record, never a crash); the record
// is either an error (no text) or carries text; its JSON form is exactly one line of valid
// UTF-8 that reads back (FromJsonLine) to the same text, title and error.
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_util.h"
#include "qingxi/pipeline.h"
#include "qingxi/record.h"
#include "qingxi/utf8.h"

namespace {
const qingxi::Pipeline& GetPipeline(bool convert) {
  auto make = [](bool conv) {
    qingxi::PipelineOptions o;
    o.rules_dir = qingxi::fuzz::RulesDir();
    o.convert = conv;
    auto r = qingxi::Pipeline::Create(o);
    QX_FUZZ_CHECK(r.ok(), r.status().message());
    return r.value();
  };
  static const std::shared_ptr<const qingxi::Pipeline> with = make(true);
  static const std::shared_ptr<const qingxi::Pipeline> without = make(false);
  return convert ? *with : *without;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace qingxi;
  auto [header, bytes] = fuzz::SplitAtNul(fuzz::AsView(data, size));
  const uint8_t mode = size > 0 ? data[0] : 0;
  InputDocument doc;
  doc.id = "fuzz";
  doc.source = "fuzz-input";
  doc.bytes = bytes;
  doc.content_type = header;
  doc.kind = (mode % 3) == 0   ? InputKind::kAuto
             : (mode % 3) == 1 ? InputKind::kHtml
                               : InputKind::kText;
  Record rec = GetPipeline((mode & 4) == 0).Process(doc);
  if (rec.is_error()) QX_FUZZ_CHECK(rec.text.empty(), "error record with text");
  std::string line = ToJsonLine(rec);
  QX_FUZZ_CHECK(line.find('\n') == std::string::npos, "record is more than one line");
  QX_FUZZ_CHECK(utf8::IsValid(line), "record is not valid UTF-8");
  Result<Record> back = FromJsonLine(line);
  QX_FUZZ_CHECK(back.ok(), "record does not read back: " + back.status().message());
  QX_FUZZ_CHECK(back.value().text == rec.text || !utf8::IsValid(rec.text), "text changed");
  QX_FUZZ_CHECK(back.value().title == rec.title || !utf8::IsValid(rec.title), "title changed");
  QX_FUZZ_CHECK(back.value().error == rec.error || !utf8::IsValid(rec.error), "error changed");
  QX_FUZZ_CHECK(utf8::IsValid(rec.text) && utf8::IsValid(rec.title), "record fields not UTF-8");
  return 0;
}
