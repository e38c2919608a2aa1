// Pinyin groups after Han characters: validated against the syllable inventory, then cut.
#include "pinyin.h"

#include <vector>

#include "cleaner_text.h"
#include "qingxi/rule_file.h"
#include "qingxi/utf8.h"

namespace qingxi {
namespace {

// Maps a tone-marked vowel to its base letter; returns 0 for anything else.
char32_t ToneBase(char32_t c, bool* toned) {
  switch (c) {
    case U'ā': case U'á': case U'ǎ': case U'à': *toned = true; return 'a';
    case U'ē': case U'é': case U'ě': case U'è': *toned = true; return 'e';
    case U'ī': case U'í': case U'ǐ': case U'ì': *toned = true; return 'i';
    case U'ō': case U'ó': case U'ǒ': case U'ò': *toned = true; return 'o';
    case U'ū': case U'ú': case U'ǔ': case U'ù': *toned = true; return 'u';
    case U'ǖ': case U'ǘ': case U'ǚ': case U'ǜ': *toned = true; return U'ü';
    case U'ü': case 'v': return U'ü';
    case U'ɡ': return 'g';  // the single-storey g some pinyin fonts use
    default: break;
  }
  if (c >= 'a' && c <= 'z') return c;
  return 0;
}

bool IsOpen(char32_t c) { return c == '(' || c == U'（'; }
bool IsClose(char32_t c) { return c == ')' || c == U'）'; }

}  // namespace

Result<std::unique_ptr<PinyinStripper>> PinyinStripper::Create(const std::string& path) {
  auto file = RuleFile::Load(path, {"syllable"});
  if (!file.ok()) return file.status();
  return Create(file.value());
}

Result<std::unique_ptr<PinyinStripper>> PinyinStripper::Create(const RuleFile& rules) {
  const RuleFile* file = &rules;
  std::unique_ptr<PinyinStripper> p(new PinyinStripper());
  for (const auto& e : file->entries()) {
    size_t pos = 0;
    const std::string& v = e.value;
    while (pos < v.size()) {
      size_t end = v.find(' ', pos);
      if (end == std::string::npos) end = v.size();
      std::string syl = v.substr(pos, end - pos);
      pos = end + 1;
      if (syl.empty()) continue;
      std::string base;
      size_t q = 0;
      bool toned = false;
      while (q < syl.size()) {
        char32_t c = ToneBase(cleaner::NextCp(syl, &q), &toned);
        if (c == 0 || toned)
          return file->Error(e, "'" + syl + "' is not a toneless pinyin syllable (a-z and ü only)");
        utf8::Append(c, &base);
      }
      if (!p->syllables_.insert(base).second)
        return file->Error(e, "syllable '" + syl + "' is listed twice");
    }
  }
  if (p->syllables_.size() < 300)
    return Status::InvalidArgument(file->path() + ": the syllable inventory looks incomplete (" +
                                   std::to_string(p->syllables_.size()) + " syllables)");
  return p;
}

bool PinyinStripper::IsSyllable(std::string_view s, bool* toned) const {
  std::string base;
  size_t pos = 0;
  int tones = 0;
  while (pos < s.size()) {
    bool t = false;
    char32_t c = ToneBase(cleaner::NextCp(s, &pos), &t);
    if (c == 0) return false;
    tones += t;
    utf8::Append(c, &base);
  }
  if (tones > 1 || base.empty()) return false;
  *toned = tones == 1;
  return syllables_.count(base) > 0;
}

int PinyinStripper::Strip(std::string* line) const {
  // Fast path: a pinyin group needs an ASCII or full-width opening parenthesis.
  if (line->find('(') == std::string::npos && line->find("\xEF\xBC\x88") == std::string::npos)
    return 0;
  cleaner::CodePoints cps(*line);
  struct Group {
    size_t begin, end;  // code point indices, end past the closing parenthesis
    bool toned;
  };
  std::vector<Group> groups;
  const size_t n = cps.size();
  std::vector<bool> after_han;
  for (size_t i = 1; i < n; ++i) {
    if (!IsOpen(cps.cp[i])) continue;
    const bool han = utf8::IsHan(cps.cp[i - 1]);
    // Not after a Han character: a candidate only as part of a run (checked below), and only
    // after a symbol left over by a damaged span ("拈_(kāi)發(fā)"), never after letters or digits.
    if (!han && (utf8::IsSpace(cps.cp[i - 1]) || cleaner::IsAsciiAlnum(cps.cp[i - 1]) ||
                 IsOpen(cps.cp[i - 1]) || IsClose(cps.cp[i - 1])))
      continue;
    size_t j = i + 1;
    while (j < n && j < i + 32 && !IsClose(cps.cp[j]) && !IsOpen(cps.cp[j])) ++j;
    if (j >= n || !IsClose(cps.cp[j]) || j == i + 1) continue;
    // The group's syllables, separated by spaces.
    std::string_view inner(line->data() + cps.off[i + 1], cps.off[j] - cps.off[i + 1]);
    bool ok = true, toned = false;
    size_t p = 0;
    int syllables = 0;
    while (p <= inner.size() && ok) {
      size_t e = inner.find(' ', p);
      if (e == std::string_view::npos) e = inner.size();
      if (e > p) {
        bool t = false;
        ok = IsSyllable(inner.substr(p, e - p), &t);
        toned |= t;
        ++syllables;
      }
      p = e + 1;
    }
    if (ok && syllables > 0) {
      groups.push_back({i, j + 1, toned});
      after_han.push_back(han);
    }
    i = j;
  }
  if (groups.empty()) return 0;
  // A toneless group counts only next to another group (a run): at most 3 characters apart.
  constexpr size_t kRunGap = 3;
  std::vector<bool> cut(groups.size());
  for (size_t g = 0; g < groups.size(); ++g) {
    bool near_prev = g > 0 && after_han[g - 1] && groups[g].begin - groups[g - 1].end <= kRunGap;
    bool near_next = g + 1 < groups.size() && after_han[g + 1] &&
                     groups[g + 1].begin - groups[g].end <= kRunGap;
    bool run = near_prev || near_next;
    // After a Han character a toned group is pinyin; a toneless one needs the run. Elsewhere
    // both need the run and a tone mark.
    cut[g] = after_han[g] ? (groups[g].toned || run) : (groups[g].toned && run);
  }
  std::string out;
  out.reserve(line->size());
  size_t copied = 0;
  int removed = 0;
  for (size_t g = 0; g < groups.size(); ++g) {
    if (!cut[g]) continue;
    size_t b0 = cps.off[groups[g].begin], b1 = cps.off[groups[g].end];
    out.append(*line, copied, b0 - copied);
    copied = b1;
    ++removed;
  }
  if (removed == 0) return 0;
  out.append(*line, copied, std::string::npos);
  *line = std::move(out);
  return removed;
}

}  // namespace qingxi
