// fuzz_convert: `qingxi convert` — traditional to simplified (qingxi/convert.h) on any input,
// repaired to UTF-8 first as the command does.
// Invariants: the output is valid UTF-8 with exactly the input's line breaks (the command is
// line for line); text without any script-specific character (Detect: unknown) — ASCII,
// Latin, Han characters common to both scripts, punctuation — comes out byte for byte.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_util.h"
#include "qingxi/convert.h"
#include "qingxi/utf8.h"

namespace {
const qingxi::Converter& Conv() {
  static const std::shared_ptr<const qingxi::Converter> c = [] {
    auto r = qingxi::Converter::Create(qingxi::fuzz::RulesDir());
    QX_FUZZ_CHECK(r.ok(), r.status().message());
    return r.value();
  }();
  return *c;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace qingxi;
  std::string text;
  utf8::Sanitize(fuzz::AsView(data, size), &text);
  const std::string out = Conv().ToSimplified(text);
  QX_FUZZ_CHECK(utf8::IsValid(out), "output not UTF-8");
  QX_FUZZ_CHECK(
      std::count(out.begin(), out.end(), '\n') == std::count(text.begin(), text.end(), '\n'),
      "line count changed");
  const Script script = Conv().Detect(text);
  if (script == Script::kUnknown) QX_FUZZ_CHECK(out == text, "text without Han script changed");
  return 0;
}
