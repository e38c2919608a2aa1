// Watermarks: rule patterns plus phrases that recur mid-sentence within a document.
#include "watermark.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <unordered_map>

#include "cleaner_text.h"
#include "quiet_regex.h"
#include "qingxi/rule_file.h"
#include "qingxi/utf8.h"

namespace qingxi {

struct WatermarkCutter::Patterns {
  Patterns() : set(cleaner::QuietRegexOptions(), RE2::UNANCHORED) {}
  RE2::Set set;
  std::vector<std::unique_ptr<RE2>> each;
  std::vector<int> site;  // by pattern: SiteTable number, 0 for every site
  std::vector<std::string> origin;  // by index: "watermark.rules:12 regex VALUE"
};

WatermarkCutter::WatermarkCutter() = default;
WatermarkCutter::~WatermarkCutter() = default;

Result<std::unique_ptr<WatermarkCutter>> WatermarkCutter::Create(const RuleFile& rules,
                                                                 const Options& options,
                                                                 SiteTable* sites) {
  const RuleFile* file = &rules;
  if (options.min_chars < 4 || options.min_repeats < 2)
    return Status::InvalidArgument("watermark: min_chars must be >= 4 and min_repeats >= 2");
  std::unique_ptr<WatermarkCutter> w(new WatermarkCutter());
  w->options_ = options;
  w->patterns_ = std::make_unique<Patterns>();
  for (const auto& e : file->entries()) {
    if (e.directive == "site_suffix") {
      cleaner::CodePoints cps(e.value);
      if (!e.site.empty()) return file->Error(e, "a 'site_suffix' line cannot be scoped to a site");
      w->site_suffixes_.emplace_back(cps.cp.begin(), cps.cp.end());
      continue;
    }
    // `phrase TEXT` is a literal: the same as a regex that quotes every character.
    const std::string pattern = e.directive == "phrase" ? RE2::QuoteMeta(e.value) : e.value;
    std::string error;
    if (w->patterns_->set.Add(pattern, &error) < 0) return file->Error(e, "bad regex: " + error);
    // Wrapped in a group so that FindAndConsume reports the whole match.
    auto re = std::make_unique<RE2>("(" + pattern + ")", cleaner::QuietRegexOptions());
    if (!re->ok()) return file->Error(e, "bad regex: " + re->error());
    w->patterns_->each.push_back(std::move(re));
    w->patterns_->site.push_back(sites ? sites->Add(e.site) : 0);
    w->patterns_->origin.push_back(file->Origin(e));
  }
  if (!w->patterns_->each.empty() && !w->patterns_->set.Compile())
    return Status::InvalidArgument(file->path() + ": the regex set does not compile");
  return w;
}

namespace {

using Span = std::pair<size_t, size_t>;  // code point indices [begin, end)

// Removes the code point spans (sorted or not, possibly overlapping) from `line`.
void CutSpans(std::string* line, const cleaner::CodePoints& cps, std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end());
  std::string out;
  size_t copied = 0;  // code point index
  for (const auto& s : spans) {
    if (s.second <= copied) continue;
    size_t b = std::max(s.first, copied);
    out.append(*line, cps.off[copied], cps.off[b] - cps.off[copied]);
    copied = s.second;
  }
  out.append(*line, cps.off[copied], std::string::npos);
  *line = std::move(out);
}

// Byte range -> code point range of a CodePoints view.
Span ToCp(const cleaner::CodePoints& cps, size_t b0, size_t b1) {
  size_t i0 = std::lower_bound(cps.off.begin(), cps.off.end(), b0) - cps.off.begin();
  size_t i1 = std::lower_bound(cps.off.begin(), cps.off.end(), b1) - cps.off.begin();
  return {i0, i1};
}

bool IsTextChar(char32_t c) { return utf8::IsHan(c) || cleaner::IsAsciiAlnum(c); }

// What a web address adds to text characters: "www.example.com/a-b_c".
bool IsAddressChar(char32_t c) { return c == ' ' || c == '.' || c == '/' || c == '-' || c == '_'; }

// "www.example.com", "example.com.cn", "example.net": a host name the way pages print it.
bool HasWebAddress(const std::u32string& s) {
  for (const char32_t* tld : {U".com", U".cn", U".net", U".org"}) {
    size_t at = s.find(tld);
    const size_t tld_len = std::char_traits<char32_t>::length(tld);
    if (at != std::u32string::npos && at > 0 && cleaner::IsAsciiAlnum(s[at - 1]) &&
        (at + tld_len == s.size() || !cleaner::IsAsciiAlnum(s[at + tld_len])))
      return true;
  }
  return false;
}

}  // namespace

bool WatermarkCutter::MatchesRule(const std::string& simplified,
                                  const std::vector<char>& active) const {
  if (patterns_->each.empty()) return false;
  std::vector<int> hits;
  if (!patterns_->set.Match(simplified, &hits)) return false;
  for (int h : hits)
    if (SiteTable::Applies(active, patterns_->site[h])) return true;
  return false;
}

std::string WatermarkCutter::Describe(const std::string& simplified_span) const {
  if (!patterns_->each.empty()) {
    std::vector<int> hits;
    if (patterns_->set.Match(simplified_span, &hits) && !hits.empty())
      return patterns_->origin[hits.front()];
  }
  return "a phrase or clause recurring out of place (thresholds.rules watermark_min_chars " +
         std::to_string(options_.min_chars) + ", watermark_min_repeats " +
         std::to_string(options_.min_repeats) + ")";
}

int WatermarkCutter::Cut(std::vector<std::string>* lines, const std::vector<std::string>& simplified,
                         const std::vector<char>& active) const {
  const size_t n = lines->size();
  std::vector<cleaner::CodePoints> views;
  views.reserve(n);
  for (size_t i = 0; i < n; ++i) views.emplace_back(simplified[i]);
  std::vector<std::vector<Span>> cuts(n);
  int count = 0;

  // (b) recurring out-of-place phrases. Candidates end at an exclamation or question mark — how
  // injected slogans end ("…共同的天地!") — so only a handful of windows per line are hashed, and
  // ordinary sentences ending in "。" that share a tail ("…高质量发展。") are never candidates.
  const size_t w = static_cast<size_t>(options_.min_chars);
  struct Occ {
    size_t line, end;  // code point index just past the final punctuation
  };
  std::unordered_map<std::u32string, std::vector<Occ>> windows;
  for (size_t i = 0; i < n; ++i) {
    const auto& cp = views[i].cp;
    for (size_t k = w; k + 1 < cp.size(); ++k) {
      // The phrase ends at cp[k-1] (sentence-final) and the sentence goes on at cp[k].
      char32_t last = cp[k - 1];
      if (!(last == U'！' || last == '!' || last == U'？' || last == '?') || !IsTextChar(cp[k]))
        continue;
      windows[std::u32string(cp.begin() + (k - w), cp.begin() + k)].push_back({i, k});
    }
  }
  for (auto& [key, occs] : windows) {
    if (occs.size() < static_cast<size_t>(options_.min_repeats)) continue;
    // Grow the phrase to the left while every occurrence agrees, never across a sentence end.
    size_t len = w;
    for (;;) {
      bool agree = true;
      char32_t c = 0;
      for (size_t o = 0; o < occs.size() && agree; ++o) {
        const auto& cp = views[occs[o].line].cp;
        if (occs[o].end < len + 1) { agree = false; break; }
        char32_t d = cp[occs[o].end - len - 1];
        if (o == 0) c = d;
        agree = d == c && !cleaner::IsSentenceEnd(d);
      }
      if (!agree) break;
      ++len;
    }
    // Leading clause punctuation stays with the sentence ("规律,公务员之家…" keeps the comma).
    size_t lead = 0;
    {
      const auto& cp = views[occs[0].line].cp;
      size_t start = occs[0].end - len;
      while (lead < len && (cleaner::IsClausePunct(cp[start + lead]) || utf8::IsSpace(cp[start + lead])))
        ++lead;
    }
    if (len - lead < w) continue;
    // Every occurrence must break a sentence: preceded by text or clause punctuation.
    size_t breaking = 0;
    for (const auto& o : occs) {
      const auto& cp = views[o.line].cp;
      size_t start = o.end - len + lead;
      if (start == 0) continue;
      char32_t before = cp[start - 1];
      if (IsTextChar(before) || cleaner::IsClausePunct(before)) ++breaking;
    }
    if (breaking < static_cast<size_t>(options_.min_repeats)) continue;
    for (const auto& o : occs) {
      cuts[o.line].push_back({o.end - len + lead, o.end});
      ++count;
    }
  }

  // (c) site names injected as a clause of their own, recurring in the document: "…进行调研，
  // 范文先生网，召开座谈会…", "…同比增长12%，第一范文网 www.example.com 整理，住院患者…". The
  // clause sits between two clause marks, is short, and either ends the way site names end
  // (site_suffix in watermark.rules) or holds a web address; it appears at least min_repeats
  // times and is cut with the mark after it, so the sentence reads on. A site named once is left
  // alone ("据人民网，…" has no mark before it anyway).
  {
    std::unordered_map<std::u32string, std::vector<Span>> clauses;  // clause -> (line, start)
    for (size_t i = 0; i < n; ++i) {
      const auto& cp = views[i].cp;
      size_t k = 0;
      while (k < cp.size()) {
        // A clause opens after a clause mark or after the end of the previous sentence.
        if (!cleaner::IsClausePunct(cp[k]) && !cleaner::IsSentenceEnd(cp[k])) {
          ++k;
          continue;
        }
        size_t j = k + 1;
        bool plain = true;  // only Han characters, letters and digits
        while (j < cp.size() && (IsTextChar(cp[j]) || IsAddressChar(cp[j]))) {
          if (!IsTextChar(cp[j])) plain = false;
          ++j;
        }
        const size_t len = j - k - 1;
        if (j < cp.size() && cleaner::IsClausePunct(cp[j]) && len >= 3) {
          std::u32string clause(cp.begin() + k + 1, cp.begin() + j);
          bool site = false;
          if (plain && len <= static_cast<size_t>(options_.site_clause_max_chars)) {
            for (const auto& suf : site_suffixes_)
              site |= clause.size() > suf.size() &&
                      clause.compare(clause.size() - suf.size(), suf.size(), suf) == 0;
          } else if (!plain && len <= static_cast<size_t>(options_.address_clause_max_chars)) {
            site = HasWebAddress(clause);
          }
          if (site) clauses[clause].push_back({i, k + 1});
        }
        k = j > k + 1 ? j : k + 1;
      }
    }
    for (const auto& [clause, occs] : clauses) {
      if (occs.size() < static_cast<size_t>(options_.min_repeats)) continue;
      for (const auto& [line, start] : occs) {
        cuts[line].push_back({start, start + clause.size() + 1});
        ++count;
      }
    }
  }

  // (a) rule patterns: one RE2::Set pass per line, then the matching patterns alone. Runs
  // after (b) so that a phrase found by recurrence is cut with its exact edges.
  if (!patterns_->each.empty()) {
    std::vector<int> hits;
    for (size_t i = 0; i < n; ++i) {
      const size_t recurring = cuts[i].size();
      hits.clear();
      const std::string& s = simplified[i];
      if (!patterns_->set.Match(s, &hits)) continue;
      for (int h : hits) {
        if (!SiteTable::Applies(active, patterns_->site[h])) continue;
        re2::StringPiece in(s);
        re2::StringPiece m;
        while (RE2::FindAndConsume(&in, *patterns_->each[h], &m)) {
          if (m.empty()) break;
          size_t b0 = m.data() - s.data();
          Span sp = ToCp(views[i], b0, b0 + m.size());
          // A pattern may anchor on the punctuation before the phrase; that stays in the text.
          while (sp.first < sp.second &&
                 (cleaner::IsClausePunct(views[i].cp[sp.first]) ||
                  cleaner::IsSentenceEnd(views[i].cp[sp.first]) || utf8::IsSpace(views[i].cp[sp.first])))
            ++sp.first;
          // A phrase already found by recurrence has exact edges; a pattern's edges are
          // approximate (the site name before 版权所有 may swallow the words before it).
          bool overlaps = false;
          for (size_t k = 0; k < recurring; ++k)
            overlaps |= sp.first < cuts[i][k].second && cuts[i][k].first < sp.second;
          if (overlaps) continue;
          cuts[i].push_back(sp);
          ++count;
        }
      }
    }
  }

  // Apply the cuts to the original lines.
  for (size_t i = 0; i < n; ++i) {
    if (cuts[i].empty()) continue;
    cleaner::CodePoints orig((*lines)[i]);
    if (orig.size() == views[i].size()) {
      CutSpans(&(*lines)[i], orig, cuts[i]);
    } else {
      // The views are not aligned (a conversion changed the length): cut on the original
      // with the rule patterns only.
      std::vector<Span> own;
      const std::string& s = (*lines)[i];
      for (size_t k = 0; k < patterns_->each.size(); ++k) {
        if (!SiteTable::Applies(active, patterns_->site[k])) continue;
        const auto& re = patterns_->each[k];
        re2::StringPiece in(s), m;
        while (RE2::FindAndConsume(&in, *re, &m)) {
          if (m.empty()) break;
          size_t b0 = m.data() - s.data();
          own.push_back(ToCp(orig, b0, b0 + m.size()));
        }
      }
      if (!own.empty()) CutSpans(&(*lines)[i], orig, own);
    }
  }
  return count;
}

}  // namespace qingxi
