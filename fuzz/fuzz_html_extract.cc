// fuzz_html_extract: main-content extraction (qingxi/extract.h) of any UTF-8 HTML.
// Input: HTML bytes (invalid UTF-8 is repaired first, as the pipeline's decoder guarantees).
// Invariants: extraction succeeds or fails with ResourceExhausted/InvalidArgument; title,
// date, paragraphs, lang and canonical URL are valid UTF-8; no paragraph is empty; the title
// and the date hold no line break.
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_util.h"
#include "qingxi/extract.h"
#include "qingxi/utf8.h"

namespace {
const qingxi::HtmlExtractor& Extractor() {
  static const std::shared_ptr<const qingxi::HtmlExtractor> e = [] {
    auto r = qingxi::HtmlExtractor::Create(qingxi::fuzz::RulesDir());
    QX_FUZZ_CHECK(r.ok(), r.status().message());
    return r.value();
  }();
  return *e;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace qingxi;
  std::string html;
  utf8::Sanitize(fuzz::AsView(data, size), &html);
  ExtractLimits limits;
  Result<ExtractedPage> r = Extractor().Extract(html, limits);
  if (!r.ok()) {
    QX_FUZZ_CHECK(r.status().code() == Status::Code::kResourceExhausted ||
                      r.status().code() == Status::Code::kInvalidArgument,
                  r.status().message());
    return 0;
  }
  const ExtractedPage& p = r.value();
  QX_FUZZ_CHECK(utf8::IsValid(p.title), "title not UTF-8");
  QX_FUZZ_CHECK(utf8::IsValid(p.date), "date not UTF-8");
  QX_FUZZ_CHECK(utf8::IsValid(p.lang) && utf8::IsValid(p.canonical_url), "lang/canonical");
  QX_FUZZ_CHECK(p.title.find('\n') == std::string::npos, "line break in title: " + p.title);
  QX_FUZZ_CHECK(p.date.find('\n') == std::string::npos, "line break in date: " + p.date);
  for (const std::string& para : p.paragraphs) {
    QX_FUZZ_CHECK(utf8::IsValid(para), "paragraph not UTF-8");
  }
  return 0;
}
