// qingxi/convert.h — traditional to simplified Chinese, phrase-aware, and script detection.
//
// The Converter wraps OpenCC's phrase dictionaries (Debian's opencc data, t2s) and applies
// qingxi's own corrections from rules/t2s_corrections.rules on top (cases where OpenCC's
// data is wrong or context decides: 著/着, 乾/干, 瞭/了, ...). Text that is already simplified
// is never altered: ToSimplified on simplified input returns it byte for byte. Mixed text is
// converted span by span so that simplified spans stay as they are.
//
// Thread-safety: a Converter is immutable after Create and may be shared by all threads.
#ifndef QINGXI_CONVERT_H_
#define QINGXI_CONVERT_H_

#include <memory>
#include <string>
#include <string_view>

#include "qingxi/record.h"
#include "qingxi/status.h"

namespace qingxi {

class Converter {
 public:
  // `rules_dir` holds t2s_corrections.rules (and any other conversion data qingxi ships).
  static Result<std::shared_ptr<const Converter>> Create(const std::string& rules_dir);
  virtual ~Converter() = default;

  // Script of a text, judged from characters that exist only in one script.
  virtual Script Detect(std::string_view utf8) const = 0;
  // Converts to simplified. Input must be valid UTF-8; line breaks are preserved.
  virtual std::string ToSimplified(std::string_view utf8) const = 0;
};

}  // namespace qingxi

#endif  // QINGXI_CONVERT_H_
