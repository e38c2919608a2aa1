// clean/mojibake.h — finds mojibake spans in a line and repairs or removes them.
//
// Mojibake is text whose bytes were decoded with the wrong charset: UTF-8 read as GBK gives runs
// of rare characters (鍦ㄤ粖), a broken GBK stream gives rare characters mixed with private-use
// code points, stray kana/Cyrillic, '?' where bytes were lost and U+FFFD. A span is suspicious when
// it holds several "odd" code points close together; odd means private-use, U+FFFD, an isolated
// kana or Cyrillic/Greek letter next to Han, or a Han character outside the common-character
// tables (GB 2312 level 1 — the 3,755 most frequent simplified characters — and Big5's 5,401
// frequent characters, so both scripts are covered). Real text has such characters only singly
// (names: 骅, 禀), mojibake has them in runs.
// A suspicious span is repaired when encoding it back to GB18030 yields valid UTF-8 made of common
// characters (the UTF-8-read-as-GBK case); otherwise it is removed.
//
// Thread-safety: immutable after Create; Repair may run on many threads.
#ifndef QINGXI_CLEAN_MOJIBAKE_H_
#define QINGXI_CLEAN_MOJIBAKE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "qingxi/status.h"

namespace qingxi {

class MojibakeRepairer {
 public:
  struct Options {
    int min_odd = 3;  // odd code points (strong markers count 2) that make a span suspicious
    int max_gap = 3;  // ordinary characters allowed between two odd ones within a span
  };
  struct Stats {
    int repaired = 0;
    int removed = 0;
  };

  static Result<std::unique_ptr<MojibakeRepairer>> Create(const Options& options);

  // Repairs or removes the suspicious spans of `line` in place; returns what was done.
  Stats Repair(std::string* line) const;
  // Han character in GB 2312 level 1 or Big5's frequent set.
  bool IsCommonHan(char32_t c) const;

 private:
  MojibakeRepairer() = default;
  // Re-encodes `span` to GB18030 and decodes the bytes as UTF-8. Strict: every code point must
  // come out clean; lenient: up to one damaged character in four, dropped.
  bool TryRecode(const std::string& span, bool lenient, std::string* out) const;

  Options options_;
  std::vector<uint64_t> common_;  // bit set over U+4E00..U+9FFF
};

}  // namespace qingxi

#endif  // QINGXI_CLEAN_MOJIBAKE_H_
