// fuzz_text_cleaner: the line and paragraph cleaners (qingxi/text_cleaner.h).
// Input: text split into lines (invalid UTF-8 repaired, as the cleaner's contract requires);
// the first byte's low bit says whether the lines come from HTML, and a first line starting
// with "T:" is the known title.
// Invariants: every output field is valid UTF-8; no output paragraph is empty; the title and
// date hold no line break; a date, when set, starts with four digits (ISO 8601); the output has
// no more paragraphs than the input had lines (a cleaner removes, cuts and joins, never invents).
#include <cctype>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_util.h"
#include "qingxi/convert.h"
#include "qingxi/text_cleaner.h"
#include "qingxi/utf8.h"

namespace {
const qingxi::TextCleaner& Cleaner() {
  static const std::shared_ptr<const qingxi::TextCleaner> c = [] {
    auto conv = qingxi::Converter::Create(qingxi::fuzz::RulesDir());
    QX_FUZZ_CHECK(conv.ok(), conv.status().message());
    auto r = qingxi::TextCleaner::Create(qingxi::fuzz::RulesDir(), conv.value());
    QX_FUZZ_CHECK(r.ok(), r.status().message());
    // The converter must outlive the cleaner: keep it for the life of the process.
    static std::shared_ptr<const qingxi::Converter> keep = conv.value();
    return r.value();
  }();
  return *c;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace qingxi;
  std::string text;
  utf8::Sanitize(fuzz::AsView(data, size), &text);
  CleanInput in;
  in.from_html = size > 0 && (data[0] & 1) != 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(start, nl - start);
    if (in.lines.empty() && in.title.empty() && line.compare(0, 2, "T:") == 0) {
      in.title = line.substr(2);
    } else {
      in.lines.push_back(std::move(line));
    }
    start = nl + 1;
  }
  CleanOutput out = Cleaner().Clean(in);
  QX_FUZZ_CHECK(utf8::IsValid(out.title) && utf8::IsValid(out.date), "title/date not UTF-8");
  QX_FUZZ_CHECK(out.title.find('\n') == std::string::npos, "line break in title");
  QX_FUZZ_CHECK(out.date.find('\n') == std::string::npos, "line break in date");
  if (!out.date.empty()) {
    QX_FUZZ_CHECK(out.date.size() >= 4 && std::isdigit(static_cast<unsigned char>(out.date[0])) &&
                      std::isdigit(static_cast<unsigned char>(out.date[3])),
                  "date not ISO 8601: " + out.date);
  }
  QX_FUZZ_CHECK(out.paragraphs.size() <= in.lines.size(), "more paragraphs than lines");
  for (const std::string& p : out.paragraphs) {
    QX_FUZZ_CHECK(!p.empty(), "empty paragraph");
    QX_FUZZ_CHECK(utf8::IsValid(p), "paragraph not UTF-8");
  }
  return 0;
}
