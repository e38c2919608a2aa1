// clean/extract_rules.cc — loads rules/html.rules and matches class/id hints.
//
// Hints are matched with one Aho-Corasick pass over the element's class/id string; the "part"
// boundaries of each pattern (see rules/html.rules) are checked only on the few raw hits, so
// the cost per element does not grow with the number of patterns.
#include "extract_rules.h"

#include <cstdlib>
#include <unordered_map>

#include "qingxi/rule_file.h"

namespace qingxi {
namespace {

const std::vector<std::string>& Directives() {
  return FindRuleFileSpec("html.rules")->directives;  // the registry in qingxi/rule_sources.h
}

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

std::string NormalizeLabel(std::string_view s) {
  // White space (with U+3000 and NBSP) and the marks that decorate a label.
  static constexpr std::string_view kDrop[] = {
      " ", "\t", "\n", "\r", "\xC2\xA0", "\xE3\x80\x80", "\xC2\xB7", "\xE2\x80\xA2",
      "\xE3\x83\xBB", ":", "\xEF\xBC\x9A", "|", "\xEF\xBD\x9C", ">", "\xC2\xBB", "<",
      "\xE3\x80\x90", "\xE3\x80\x91", "[", "]", "\xE3\x80\x8A", "\xE3\x80\x8B", "-",
      "\xE2\x80\x94", "_", "\xE2\x96\xBC", "\xE2\x96\xB6"};
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    bool dropped = false;
    for (std::string_view d : kDrop)
      if (s.compare(i, d.size(), d) == 0) {
        i += d.size();
        dropped = true;
        break;
      }
    if (dropped) continue;
    char c = s[i++];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    out.push_back(c);
  }
  return out;
}

Result<ExtractRules> ExtractRules::Load(const std::string& path) {
  auto file = RuleFile::Load(path, Directives());
  if (!file.ok()) return file.status();
  return FromFile(file.value());
}

Result<ExtractRules> ExtractRules::LoadFrom(const RuleSources& rules) {
  auto file = rules.Load("html.rules");
  if (!file.ok()) return file.status();
  return FromFile(file.value());
}

Result<ExtractRules> ExtractRules::FromFile(const RuleFile& f) {
  ExtractRules r;
  for (const RuleEntry& e : f.entries()) {
    const std::string& v = e.value;
    if (e.directive == "drop_tag" || e.directive == "soft_drop_tag") {
      const dom::Tag tag = dom::TagFromName(v);
      if (tag == dom::Tag::kOther || tag == dom::Tag::kHtml || tag == dom::Tag::kBody)
        return f.Error(e, "unknown or unsupported tag name");
      r.tag_action[static_cast<size_t>(tag)] =
          e.directive == "drop_tag" ? TagAction::kDrop : TagAction::kSoftDrop;
      r.tag_origin_[static_cast<size_t>(tag)] = f.Origin(e);
    } else if (e.directive == "positive" || e.directive == "negative" ||
               e.directive == "remove" || e.directive == "paywall" ||
               e.directive == "caption" || e.directive == "comments" ||
               e.directive == "code" || e.directive == "subreply" ||
               e.directive == "answer") {
      std::string origin = f.Origin(e);
      std::string pat = v;
      int weight = 0;
      if (e.directive == "positive" || e.directive == "negative") {
        size_t sp = v.find_last_of(" \t");
        if (sp == std::string::npos) return f.Error(e, "expected PATTERN WEIGHT");
        char* endp = nullptr;
        std::string num = v.substr(sp + 1);
        long w = std::strtol(num.c_str(), &endp, 10);
        if (endp == num.c_str() || *endp != '\0' || w <= 0 || w > 1000)
          return f.Error(e, "weight must be an integer in 1..1000");
        weight = static_cast<int>(w);
        pat = v.substr(0, v.find_first_of(" \t"));
      }
      Pattern p{};
      p.kind = e.directive == "positive"   ? kPositive
               : e.directive == "negative" ? kNegative
               : e.directive == "remove"   ? kRemove
               : e.directive == "caption"  ? kCaption
               : e.directive == "comments" ? kComments
               : e.directive == "code"     ? kCode
               : e.directive == "subreply" ? kSubreply
               : e.directive == "answer"   ? kAnswer
                                           : kPaywall;
      p.weight = p.kind == kNegative ? -weight : weight;
      if (!pat.empty() && pat.front() == '*') {
        p.any_before = true;
        pat.erase(0, 1);
      }
      if (!pat.empty() && pat.back() == '*') {
        p.any_after = true;
        pat.pop_back();
      }
      if (pat.empty() || pat.find_first_of(" \t*") != std::string::npos)
        return f.Error(e, "pattern must be one word, '*' only at its ends");
      for (char& c : pat) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        if (c == '_') c = '-';
      }
      r.hints_.Add(pat, static_cast<int>(r.patterns_.size()));
      r.patterns_.push_back(p);
      r.origins_.push_back(std::move(origin));
    } else if (e.directive == "paywall_text") {
      r.paywall_text.Add(v, 0);
    } else if (e.directive == "reply_title_prefix") {
      std::string pre = v;
      for (char& c : pre)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      r.reply_title_prefixes.push_back(pre);
    } else if (e.directive == "next_label") {
      r.next_labels.push_back(NormalizeLabel(v));
    } else if (e.directive == "end_prefix") {
      r.end_prefixes.push_back(v);
    } else if (e.directive == "end_suffix") {
      r.end_suffixes.push_back(v);
    } else if (e.directive == "title_separator") {
      r.title_separators.push_back(v);
    } else if (e.directive == "date_meta") {
      std::string m = v;
      for (char& c : m)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      r.date_meta.push_back(m);
    }
  }
  auto settings = Settings::FromRuleFile(
      f, {{"min_paragraph_chars", r.min_paragraph_chars},
          {"min_paragraph_words", r.min_paragraph_words},
          {"dominant_share", r.dominant_share},
          {"soft_drop_share", r.soft_drop_share},
          {"sibling_share", r.sibling_share},
          {"sibling_min_score", r.sibling_min_score},
          {"link_list_density", r.link_list_density},
          {"link_line_density", r.link_line_density},
          {"listing_link_density", r.listing_link_density},
          {"listing_max_prose_punct", r.listing_max_prose_punct},
          {"listing_label_words", r.listing_label_words},
          {"comments_article_min_words", r.comments_article_min_words},
          {"entry_title_min_words", r.entry_title_min_words},
          {"index_teaser_max_chars", r.index_teaser_max_chars},
          {"post_header_max_chars", r.post_header_max_chars},
          {"grandparent_factor", r.grandparent_factor},
          {"hinted_override_ratio", r.hinted_override_ratio},
          {"near_best_share", r.near_best_share},
          {"link_prose_chars", r.link_prose_chars},
          {"site_title_max_chars", r.site_title_max_chars},
          {"caption_max_chars", r.caption_max_chars},
          {"caption_phrase_max_chars", r.caption_phrase_max_chars},
          {"lead_min_chars", r.lead_min_chars}});
  if (!settings.ok()) return settings.status();
  const Settings& s = settings.value();
  r.min_paragraph_chars = s.Get("min_paragraph_chars");
  r.min_paragraph_words = s.Get("min_paragraph_words");
  r.dominant_share = s.Get("dominant_share");
  r.soft_drop_share = s.Get("soft_drop_share");
  r.sibling_share = s.Get("sibling_share");
  r.sibling_min_score = s.Get("sibling_min_score");
  r.link_list_density = s.Get("link_list_density");
  r.link_line_density = s.Get("link_line_density");
  r.listing_link_density = s.Get("listing_link_density");
  r.listing_max_prose_punct = s.Get("listing_max_prose_punct");
  r.listing_label_words = s.Get("listing_label_words");
  r.comments_article_min_words = s.Get("comments_article_min_words");
  r.entry_title_min_words = s.Get("entry_title_min_words");
  r.index_teaser_max_chars = s.Get("index_teaser_max_chars");
  r.post_header_max_chars = s.Get("post_header_max_chars");
  r.grandparent_factor = s.Get("grandparent_factor");
  r.hinted_override_ratio = s.Get("hinted_override_ratio");
  r.near_best_share = s.Get("near_best_share");
  r.link_prose_chars = s.Get("link_prose_chars");
  r.site_title_max_chars = s.Get("site_title_max_chars");
  r.caption_max_chars = s.Get("caption_max_chars");
  r.caption_phrase_max_chars = s.Get("caption_phrase_max_chars");
  r.lead_min_chars = s.Get("lead_min_chars");
  r.hints_.Build();
  r.paywall_text.Build();
  return r;
}

std::string ExtractRules::DescribeHint(std::string_view hint) const {
  std::string out;
  hints_.ForEach(hint, [&](const PhraseMatcher::Match& m) {
    const Pattern& p = patterns_[m.id];
    bool before_ok = p.any_before || m.begin == 0 || !IsLetter(hint[m.begin - 1]);
    bool after_ok = p.any_after || m.end == hint.size() || !IsLetter(hint[m.end]);
    if (before_ok && after_ok && out.find(origins_[m.id]) == std::string::npos)
      out += (out.empty() ? "" : "; ") + origins_[m.id];
    return true;
  });
  return out;
}

HintResult ExtractRules::MatchHint(std::string_view hint) const {
  HintResult h;
  if (hint.empty()) return h;
  // One pattern may hit several times ("nav nav2"); count each pattern once.
  uint64_t seen_small = 0;
  std::vector<bool> seen_big;
  hints_.ForEach(hint, [&](const PhraseMatcher::Match& m) {
    const Pattern& p = patterns_[m.id];
    bool before_ok = p.any_before || m.begin == 0 || !IsLetter(hint[m.begin - 1]);
    bool after_ok = p.any_after || m.end == hint.size() || !IsLetter(hint[m.end]);
    if (!before_ok || !after_ok) return true;
    if (m.id < 64) {
      if (seen_small & (uint64_t{1} << m.id)) return true;
      seen_small |= uint64_t{1} << m.id;
    } else {
      if (seen_big.empty()) seen_big.resize(patterns_.size());
      if (seen_big[m.id]) return true;
      seen_big[m.id] = true;
    }
    switch (p.kind) {
      case kPositive: h.positive = true; h.weight += p.weight; break;
      case kNegative: h.weight += p.weight; break;
      case kRemove: h.remove = true; break;
      case kPaywall: h.paywall = true; break;
      case kCaption: h.caption = true; break;
      case kComments: h.remove = h.comments = true; break;
      case kCode: h.code = true; break;
      case kSubreply: h.subreply = true; break;
      case kAnswer: h.answer = true; break;
    }
    return true;
  });
  return h;
}

}  // namespace qingxi
