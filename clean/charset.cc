// PLACEHOLDER until the charset stage lands: accepts UTF-8 only.
#include "qingxi/charset.h"
#include "qingxi/utf8.h"
namespace qingxi {
Result<DecodedText> DecodeToUtf8(std::string_view bytes, const DecodeOptions&) {
  DecodedText d;
  d.replacements = utf8::Sanitize(bytes, &d.utf8);
  d.encoding = "utf-8";
  return d;
}
std::string CanonicalEncoding(std::string_view) { return ""; }
}  // namespace qingxi
