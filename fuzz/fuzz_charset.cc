// fuzz_charset: charset sniffing and decoding (qingxi/charset.h) of any bytes.
// Input: [Content-Type NUL] page bytes; the first byte's low bit chooses HTML or plain text.
// Invariants: decoding succeeds or fails with InvalidArgument; the text is valid UTF-8 and
// does not start with the page's byte-order mark; an encoding is named.
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "qingxi/charset.h"
#include "qingxi/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace qingxi;
  auto [header, page] = fuzz::SplitAtNul(fuzz::AsView(data, size));
  DecodeOptions options;
  options.is_html = size == 0 || (data[0] & 1) == 0;
  options.content_type = header;
  Result<DecodedText> r = DecodeToUtf8(page, options);
  if (!r.ok()) {
    QX_FUZZ_CHECK(r.status().code() == Status::Code::kInvalidArgument, r.status().message());
    return 0;
  }
  const DecodedText& d = r.value();
  QX_FUZZ_CHECK(utf8::IsValid(d.utf8), "decoded text is not valid UTF-8");
  // The page's own byte-order mark is removed. (A U+FEFF later in the page is text, even
  // when what came before it, e.g. a NUL byte, was dropped.)
  const std::string_view kBom = "\xEF\xBB\xBF";
  if (page.substr(0, 3) == kBom && page.substr(3, 3) != kBom)
    QX_FUZZ_CHECK(d.utf8.compare(0, 3, kBom) != 0, "byte-order mark kept");
  QX_FUZZ_CHECK(!d.encoding.empty(), "no encoding named");
  return 0;
}
