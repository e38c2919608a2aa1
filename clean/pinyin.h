// clean/pinyin.h — strips pinyin flattened after characters: 開(kāi)發(fā)區(qū) -> 開發區.
//
// Content farms annotate every character with its reading; flattened to text this becomes
// "字(zì)". A parenthesised group is removed only when it directly follows a Han character and every
// syllable in it belongs to the inventory in rules/pinyin.rules with at most one tone mark. A group
// without tone marks ("(ma)") is removed only inside a run of such groups, so real parentheticals
// — (试行), (DYK), (2023), (一), (a) — stay.
//
// Thread-safety: immutable after Create; Strip may run on many threads.
#ifndef QINGXI_CLEAN_PINYIN_H_
#define QINGXI_CLEAN_PINYIN_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "qingxi/rule_file.h"
#include "qingxi/status.h"

namespace qingxi {

class PinyinStripper {
 public:
  // Reads `path` (rules/pinyin.rules).
  static Result<std::unique_ptr<PinyinStripper>> Create(const std::string& path);
  // From the file already loaded (with its layers): `syllable` entries.
  static Result<std::unique_ptr<PinyinStripper>> Create(const RuleFile& file);
  // Removes the pinyin groups of `line` in place; returns how many were removed.
  int Strip(std::string* line) const;
  // One syllable, tone marks allowed ("kāi", "lǜ", "lv", "ma"); sets *toned.
  bool IsSyllable(std::string_view s, bool* toned) const;

 private:
  PinyinStripper() = default;
  std::unordered_set<std::string> syllables_;
};

}  // namespace qingxi

#endif  // QINGXI_CLEAN_PINYIN_H_
