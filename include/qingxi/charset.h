// qingxi/charset.h — bytes of unknown charset to UTF-8, the first stage of every page.
//
// Gumbo and every later stage accept only UTF-8, so every document passes through here first.
// The order follows the WHATWG Encoding and HTML standards: a byte-order mark wins; then the
// charset of the HTTP Content-Type header; then a <meta charset> / <meta http-equiv> in the first
// 1024 bytes (HTML only); then statistical detection (uchardet) when nothing is declared.
// Labels are mapped as browsers do: gb2312/gbk/x-gbk/gb18030 decode as GB18030, big5 decodes
// as Big5-HKSCS. A declared charset that does not fit the bytes (e.g. "gb2312" on a page that
// is valid UTF-8) is detected and corrected. Undecodable sequences become U+FFFD and are
// counted; decoding never fails on bad bytes, only on absurd input (see limits).
//
// Thread-safety: DecodeToUtf8 is reentrant; converters are per call or per thread.
#ifndef QINGXI_CHARSET_H_
#define QINGXI_CHARSET_H_

#include <string>
#include <string_view>

#include "qingxi/status.h"

namespace qingxi {

struct DecodeOptions {
  bool is_html = true;                 // look for <meta charset> (false for plain text)
  std::string_view content_type;       // HTTP Content-Type header value, may be empty
};

struct DecodedText {
  std::string utf8;           // the text, always valid UTF-8, BOM removed
  std::string encoding;       // canonical name of what was used: "utf-8", "gb18030", "big5-hkscs", ...
  std::string declared;       // what the page or header declared, lower-cased ("" if nothing)
  enum class Source { kBom, kHeader, kMeta, kDetected, kDefault } source = Source::kDefault;
  size_t replacements = 0;    // how many U+FFFD the decoder had to insert
  // True when the bytes were valid UTF-8 of Latin mojibake (Chinese bytes once read as
  // ISO-8859-15/windows-1252, e.g. "ÒâŽóÀû" for 意大利) and were decoded back; `encoding`
  // then names the original charset.
  bool mojibake_repaired = false;
};

// Decodes `bytes` to UTF-8. Fails only with InvalidArgument for input that is not text at all
// (e.g. mostly NUL or control bytes), so that binary files become error records.
Result<DecodedText> DecodeToUtf8(std::string_view bytes, const DecodeOptions& options);

// Canonical encoding name for a WHATWG label ("GB2312" -> "gb18030", "big5" -> "big5-hkscs");
// empty for a label that is not known.
std::string CanonicalEncoding(std::string_view label);

}  // namespace qingxi

#endif  // QINGXI_CHARSET_H_
