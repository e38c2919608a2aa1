// The text cleaner: mojibake -> pinyin -> line classifiers -> title/date -> watermarks.
//
// The order follows include/qingxi/text_cleaner.h. Mojibake goes first because garbled spans
// carry broken pinyin and punctuation that would confuse every later step; pinyin goes before the
// line classifiers so that "首頁(yè) > 范文大全" is seen as the breadcrumb it is. Classification
// works on the simplified view of each line (rules are written in simplified characters); output
// keeps the input's script, conversion is a later stage.
#include "qingxi/text_cleaner.h"

#include <algorithm>

#include "cleaner_text.h"
#include "explain_diff.h"
#include "line_rules.h"
#include "mojibake.h"
#include "pinyin.h"
#include "qingxi/rule_file.h"
#include "qingxi/utf8.h"
#include "watermark.h"

namespace qingxi {
namespace {

// Every setting of rules/thresholds.rules with its default (documented in that file).
const std::vector<std::pair<std::string, double>>& Defaults() {
  static const std::vector<std::pair<std::string, double>> d = {
      {"spam_min_hits", 3},           {"spam_min_coverage", 0.25},
      {"nav_min_separators", 2},      {"nav_max_crumb_chars", 16},
      {"nav_menu_min_items", 4},      {"nav_menu_max_item_chars", 6},
      {"meta_max_chars", 80},         {"share_max_name_chars", 6},
      {"meta_sentence_min_chars", 8},
      {"boilerplate_max_chars", 260}, {"boilerplate_min_score", 3},
      {"boilerplate_edge_lines", 4},  {"boilerplate_edge_min_score", 2},
      {"boilerplate_edge_max_chars", 40},
      {"related_heading_max_chars", 80}, {"related_item_max_chars", 40},
      {"paywall_tail_max_chars", 30},
      {"related_teaser_max_chars", 400}, {"paywall_max_chars", 60},
      {"counter_min_digits", 5},      {"watermark_min_chars", 8},
      {"watermark_min_repeats", 2},
      {"watermark_site_clause_max_chars", 12},   {"mojibake_min_odd", 3},
      {"watermark_address_clause_max_chars", 40},
      {"mojibake_max_gap", 3},        {"title_max_chars", 60},
      {"title_max_commas", 2},
  };
  return d;
}

bool EndsWithEllipsis(std::string_view s) {
  return (s.size() >= 3 && s.substr(s.size() - 3) == "...") ||
         (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\xA6");  // …
}

// "• 标题", "1.标题", "2、标题", "(3)标题": an item of a list of links.
bool IsListItem(std::string_view s) {
  size_t pos = 0;
  if (s.empty()) return false;
  char32_t c = cleaner::NextCp(s, &pos);
  if (cleaner::IsBullet(c)) return true;
  if (c >= '0' && c <= '9') {
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    if (pos >= s.size()) return false;
    size_t p = pos;
    char32_t d = cleaner::NextCp(s, &p);
    return d == '.' || d == U'、' || d == ')' || d == U'）' || d == U'．';
  }
  return false;
}

// A line of running text: it holds a full stop, a comma or a semicolon. (A headline may end in
// "？" or "！" and is not yet the text.)
bool IsProse(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = cleaner::NextCp(s, &pos);
    if (c == U'。' || c == U'，' || c == U'；' || c == ',' || c == ';') return true;
  }
  return false;
}

// Removes white space so that repeated titles compare equal across spacing differences.
std::string Squeeze(std::string_view s) { return utf8::RemoveSpace(s); }

class RuleBasedCleaner : public TextCleaner {
 public:
  CleanOutput Clean(const CleanInput& in, Explanation* ex) const override;
  std::vector<std::string> MatchingRules(std::string_view line) const override {
    std::string simp = converter_ ? converter_->ToSimplified(line) : std::string(line);
    return rules_->AllMatches(simp);
  }

  std::shared_ptr<const Converter> converter_;
  std::unique_ptr<MojibakeRepairer> mojibake_;
  std::unique_ptr<PinyinStripper> pinyin_;
  std::unique_ptr<LineRules> rules_;
  std::unique_ptr<WatermarkCutter> watermark_;
  SiteTable sites_;  // the `site` sections named by the line rules and watermark patterns
  LineThresholds t_;
  int boilerplate_min_score_ = 3;
  int boilerplate_edge_lines_ = 4;
  int boilerplate_edge_min_score_ = 2;
  int boilerplate_edge_max_chars_ = 40;
  int related_item_max_chars_ = 40;
  int paywall_tail_max_chars_ = 30;
  int related_teaser_max_chars_ = 400;
  int title_max_chars_ = 60;
  int title_max_commas_ = 2;

 private:
  std::vector<std::string> Simplify(const std::vector<std::string>& lines) const;
  // Explanations: what an in-place edit of a line removed, and the rule behind a dropped line.
  void ExplainEdit(Explanation* ex, std::string_view before, std::string_view after,
                   std::string_view reason, const std::string& rule) const;
  std::string RuleFor(std::string_view reason, const std::string& simplified) const;
};

void RuleBasedCleaner::ExplainEdit(Explanation* ex, std::string_view before, std::string_view after,
                                   std::string_view reason, const std::string& rule) const {
  if (before == after) return;
  cleaner::LineEdit e = cleaner::DiffEdit(before, after);
  for (const std::string& r : e.removed) {
    if (utf8::Trim(r).empty()) continue;
    std::string why = rule;
    if (reason == "watermark")
      why = watermark_->Describe(converter_ ? converter_->ToSimplified(r) : r);
    if (e.replaced) why += (why.empty() ? "" : "; ") + std::string("repaired as ") + e.replacement;
    ex->Add(Stage::kClean, r,
            e.replaced && reason == "mojibake_removed" ? "mojibake_repaired" : reason,
            std::move(why));
  }
}

std::string RuleBasedCleaner::RuleFor(std::string_view reason, const std::string& simp) const {
  auto n = [](int v) { return std::to_string(v); };
  if (reason == "date_line") return "a date alone above the text: moved to the record's date";
  if (reason == "title")
    return "the first heading-shaped line (title_max_chars " + n(title_max_chars_) +
           ", title_max_commas " + n(title_max_commas_) + "): moved to the record's title";
  if (reason == "title_repeat") return "repeats the title";
  if (reason == "paywall_furniture")
    return "after a paywall stub: a line of at most paywall_tail_max_chars " +
           n(paywall_tail_max_chars_) + " that is not a sentence";
  if (reason == "related_item")
    return "under a related-articles heading: a list item, at most related_item_max_chars " +
           n(related_item_max_chars_) + ", or a teaser ending in an ellipsis";
  std::string r = rules_->Describe(simp, reason == "boilerplate_edge" ? "boilerplate" : reason);
  if (reason == "boilerplate_edge")
    r += " (within boilerplate_edge_lines " + n(boilerplate_edge_lines_) +
         " of the edge: boilerplate_edge_min_score " + n(boilerplate_edge_min_score_) + ")";
  else if (reason == "boilerplate")
    r += " (boilerplate_min_score " + n(boilerplate_min_score_) + ")";
  else if (reason == "share_suffix")
    r += " (near the top or bottom of the text)";
  return r;
}

std::vector<std::string> RuleBasedCleaner::Simplify(const std::vector<std::string>& lines) const {
  // One conversion call for the whole document (line breaks are preserved by the converter);
  // per-line calls only if the line count does not survive.
  std::string joined;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i) joined += '\n';
    joined += lines[i];
  }
  std::string conv = converter_ ? converter_->ToSimplified(joined) : joined;
  std::vector<std::string> out;
  out.reserve(lines.size());
  size_t pos = 0;
  while (pos <= conv.size()) {
    size_t nl = conv.find('\n', pos);
    if (nl == std::string::npos) nl = conv.size();
    out.emplace_back(conv, pos, nl - pos);
    pos = nl + 1;
  }
  if (out.size() != lines.size()) {
    out.clear();
    for (const auto& l : lines) out.push_back(converter_ ? converter_->ToSimplified(l) : l);
  }
  return out;
}

CleanOutput RuleBasedCleaner::Clean(const CleanInput& in, Explanation* ex) const {
  CleanOutput out;
  out.title = in.title;
  out.date = in.date;

  // 0. Trim indentation (U+3000, nbsp, spaces) and drop empty lines. Preformatted blocks
  // (code) are kept whole, indentation and all; `pre` follows `lines` through every step.
  std::vector<std::string> lines;
  std::vector<uint8_t> pre;
  lines.reserve(in.lines.size());
  pre.reserve(in.lines.size());
  for (size_t i = 0; i < in.lines.size(); ++i) {
    const std::string& l = in.lines[i];
    std::string_view t = utf8::Trim(l);
    if (t.empty()) continue;
    const bool p = i < in.kinds.size() && in.kinds[i] == BlockKind::kPreformatted;
    lines.emplace_back(p ? std::string_view(l) : t);
    pre.push_back(p);
  }

  // 1. Mojibake, 2. pinyin.
  bool mojibake = false;
  std::string before;  // explaining only: the line before an in-place edit
  for (size_t i = 0; i < lines.size(); ++i) {
    if (pre[i]) continue;
    if (ex) before = lines[i];
    auto st = mojibake_->Repair(&lines[i]);
    if (st.removed || st.repaired) mojibake = true;
    if (ex && (st.removed || st.repaired)) {
      ExplainEdit(ex, before, lines[i], "mojibake_removed",
                  "mojibake span (thresholds.rules mojibake_min_odd, mojibake_max_gap)");
      before = lines[i];
    }
    if (pinyin_->Strip(&lines[i]) > 0 && ex)
      ExplainEdit(ex, before, lines[i], "pinyin", "pinyin.rules: every syllable is valid pinyin");
  }
  {
    std::vector<std::string> kept;
    std::vector<uint8_t> kept_pre;
    kept.reserve(lines.size());
    for (size_t i = 0; i < lines.size(); ++i) {
      std::string_view t = utf8::Trim(lines[i]);
      if (t.empty() || (!pre[i] && cleaner::IsOnlyPunct(t))) {
        if (ex && !t.empty())
          ex->Add(Stage::kClean, t, "punctuation_only", "a line of punctuation only");
        continue;
      }
      kept.emplace_back(pre[i] ? std::string_view(lines[i]) : t);
      kept_pre.push_back(pre[i]);
    }
    lines.swap(kept);
    pre.swap(kept_pre);
  }
  if (!out.title.empty()) {
    if (ex) before = out.title;
    auto st = mojibake_->Repair(&out.title);
    if (st.removed || st.repaired) mojibake = true;
    if (ex && (st.removed || st.repaired)) {
      ExplainEdit(ex, before, out.title, "mojibake_removed", "mojibake span in the title");
      before = out.title;
    }
    // A title found in flattened text carries the page's flattened pinyin like its lines do.
    if (!in.from_html && pinyin_->Strip(&out.title) > 0 && ex)
      ExplainEdit(ex, before, out.title, "pinyin", "pinyin.rules: every syllable is valid pinyin");
  }
  if (mojibake) out.flags.push_back("mojibake");

  // 3. Line classifiers on the simplified view.
  std::vector<std::string> simp = Simplify(lines);
  const size_t n = lines.size();
  // Which `site` sections apply to this document (none allocated when no rule names a site).
  const std::vector<char> active = sites_.empty() ? std::vector<char>() : sites_.Active(UrlHost(in.url));
  std::vector<LineFacts> facts(n);
  for (size_t i = 0; i < n; ++i) facts[i] = rules_->Analyze(simp[i], active);

  std::vector<bool> drop(n, false);
  // Explaining only: why each dropped line went (a reason code of docs/explain.md).
  std::vector<const char*> why(ex ? n : 0, nullptr);
  auto mark = [&](size_t i, const char* reason) {
    drop[i] = true;
    if (ex) why[i] = reason;
  };
  bool paywall = false;
  bool prose_seen = false;  // a kept line with sentence punctuation came before this one
  const size_t edge = static_cast<size_t>(boilerplate_edge_lines_);
  for (size_t i = 0; i < n; ++i) {
    const LineFacts& f = facts[i];
    const bool at_edge = i < edge || i + edge >= n;
    if (i > 0 && !drop[i - 1] && !prose_seen) prose_seen = IsProse(lines[i - 1]);
    if (pre[i]) continue;
    if (f.drop || f.spam || f.breadcrumb || f.menu || f.counter || f.share || f.related_single) {
      mark(i, f.drop         ? "drop"
              : f.spam       ? "spam"
              : f.breadcrumb ? "breadcrumb"
              : f.menu       ? "menu"
              : f.counter    ? "counter"
              : f.share      ? "share"
                             : "related_single");
    } else if (f.date_only && !prose_seen) {
      // A date alone above the text is the page's date ("2012年01月12日 15:52" under the
      // headline); below the text it is a notice's date of signature and stays.
      mark(i, "date_line");
      if (out.date.empty()) out.date = f.date;
    } else if (f.meta) {
      mark(i, "metadata");
      if (out.date.empty() && !f.date.empty()) out.date = f.date;
    } else if (f.share_suffix && at_edge) {
      mark(i, "share_suffix");
    } else if (f.paywall) {
      mark(i, "paywall");
      paywall = true;
      // What follows a stub is its furniture: privilege lists, prices, buttons ("会员权益：",
      // "1、免费下载全站文档", "￥9.9元/月 立即购买") — short lines that are not sentences.
      size_t j = i + 1;
      for (; j < n; ++j) {
        const std::string_view s = lines[j];
        if (facts[j].related_heading || pre[j]) break;
        cleaner::CodePoints cps(s);
        if (cps.size() > static_cast<size_t>(paywall_tail_max_chars_) ||
            (cps.size() && cleaner::IsSentenceEnd(cps.cp.back())))
          break;
        mark(j, "paywall_furniture");
      }
      i = j - 1;
    } else if ((f.boilerplate_score >= boilerplate_min_score_ ||
                (at_edge && f.boilerplate_score >= boilerplate_edge_min_score_ &&
                 cleaner::CodePoints(lines[i]).size() <=
                     static_cast<size_t>(boilerplate_edge_max_chars_))) &&
               !watermark_->MatchesRule(simp[i], active)) {
      // (A line whose disclaimer words sit inside a watermark pattern is a sentence with a
      // watermark injected; step 5 cuts the watermark and keeps the sentence.)
      mark(i, f.boilerplate_score >= boilerplate_min_score_ ? "boilerplate" : "boilerplate_edge");
    } else if (f.related_heading) {
      // The heading and its items: titles, bullets, numbered links, teasers ending in "...".
      mark(i, "related_heading");
      size_t j = i + 1;
      for (; j < n; ++j) {
        const std::string_view s = lines[j];
        if (pre[j]) break;
        const size_t chars = utf8::CountCodePoints(s);
        const bool item = IsListItem(s) || chars <= static_cast<size_t>(related_item_max_chars_);
        const bool teaser = EndsWithEllipsis(s) && chars <= static_cast<size_t>(related_teaser_max_chars_);
        if (item || teaser || facts[j].related_heading || facts[j].counter) {
          mark(j, "related_item");
          continue;
        }
        break;
      }
      i = j - 1;
    }
  }
  if (paywall) out.flags.push_back("paywall");

  // 4. Title: for text input, the first remaining heading-like line; repeats of the title go.
  std::string title_simp;
  if (!out.title.empty()) {
    title_simp = Squeeze(converter_ ? converter_->ToSimplified(out.title) : out.title);
  } else if (!in.from_html) {
    for (size_t i = 0; i < n; ++i) {
      if (drop[i]) continue;
      if (pre[i]) break;  // code before any heading: no title line
      const std::string_view s = lines[i];
      cleaner::CodePoints cps(s);
      char32_t last = cps.size() ? cps.cp.back() : 0;
      // A headline may be a question ("新买的铁锅第一次使用前要怎么处理？"), not a statement,
      // and it is one sentence: a line with a full stop inside, or with more commas than a
      // headline has, is the first paragraph of a text that has no title line.
      const bool question = last == U'？' || last == '?';
      int commas = 0;
      bool inner_stop = false;
      for (size_t k = 0; k + 1 < cps.size(); ++k) {
        const char32_t c = cps.cp[k];
        if (c == U'，' || c == ',') ++commas;
        if (c == U'。' || c == U'！' || c == U'；' || c == U'？') inner_stop = true;
      }
      if (cps.size() <= static_cast<size_t>(title_max_chars_) && !inner_stop &&
          commas <= title_max_commas_ && (question || !cleaner::IsSentenceEnd(last)) &&
          !cleaner::IsClausePunct(last) && last != U'，' && !IsListItem(s)) {
        out.title = std::string(s);
        title_simp = Squeeze(simp[i]);
        mark(i, "title");
      }
      break;  // only the first remaining line can be the title
    }
  }
  if (!title_simp.empty()) {
    for (size_t i = 0; i < n; ++i) {
      // Cheap length check first: a repeat differs from the title in white space at most.
      if (drop[i] || pre[i] || simp[i].size() < title_simp.size() ||
          simp[i].size() > 2 * title_simp.size() + 16)
        continue;
      if (Squeeze(simp[i]) == title_simp) mark(i, "title_repeat");
    }
  }
  if (ex)
    for (size_t i = 0; i < n; ++i)
      if (drop[i] && why[i]) ex->Add(Stage::kClean, lines[i], why[i], RuleFor(why[i], simp[i]));

  // 5. Watermarks inside the remaining prose lines; preformatted blocks go back in place.
  std::vector<std::string> body, body_simp;
  body.reserve(n);
  body_simp.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (drop[i] || pre[i]) continue;
    body.push_back(std::move(lines[i]));
    body_simp.push_back(std::move(simp[i]));
  }
  std::vector<std::string> uncut;
  if (ex) uncut = body;
  watermark_->Cut(&body, body_simp, active);
  if (ex)
    for (size_t k = 0; k < body.size(); ++k) ExplainEdit(ex, uncut[k], body[k], "watermark", "");
  size_t next = 0;
  for (size_t i = 0; i < n; ++i) {
    if (drop[i]) continue;
    if (pre[i]) {
      out.paragraphs.push_back(std::move(lines[i]));
      out.kinds.push_back(BlockKind::kPreformatted);
      continue;
    }
    std::string_view t = utf8::Trim(body[next++]);
    if (!t.empty() && !cleaner::IsOnlyPunct(t)) {
      out.paragraphs.emplace_back(t);
      out.kinds.push_back(BlockKind::kProse);
    } else if (ex && !t.empty()) {
      ex->Add(Stage::kClean, t, "punctuation_only", "what a watermark cut left of the line");
    }
  }
  return out;
}

}  // namespace

Result<std::shared_ptr<const TextCleaner>> TextCleaner::Create(
    const RuleSources& rules_dir, std::shared_ptr<const Converter> converter) {
  auto file = rules_dir.Load("thresholds.rules");
  if (!file.ok()) return file.status();
  auto settings = Settings::FromRuleFile(file.value(), Defaults());
  if (!settings.ok()) return settings.status();
  const Settings& s = settings.value();
  auto c = std::make_shared<RuleBasedCleaner>();
  c->converter_ = std::move(converter);
  auto get_int = [&](const char* name) { return static_cast<int>(s.Get(name)); };
  LineThresholds& t = c->t_;
  t.spam_min_hits = get_int("spam_min_hits");
  t.spam_min_coverage = s.Get("spam_min_coverage");
  t.nav_min_separators = get_int("nav_min_separators");
  t.nav_max_crumb_chars = get_int("nav_max_crumb_chars");
  t.nav_menu_min_items = get_int("nav_menu_min_items");
  t.nav_menu_max_item_chars = get_int("nav_menu_max_item_chars");
  t.meta_max_chars = get_int("meta_max_chars");
  t.meta_sentence_min_chars = get_int("meta_sentence_min_chars");
  t.share_max_name_chars = get_int("share_max_name_chars");
  t.boilerplate_max_chars = get_int("boilerplate_max_chars");
  t.related_heading_max_chars = get_int("related_heading_max_chars");
  t.paywall_max_chars = get_int("paywall_max_chars");
  t.counter_min_digits = get_int("counter_min_digits");
  c->boilerplate_min_score_ = get_int("boilerplate_min_score");
  c->boilerplate_edge_lines_ = get_int("boilerplate_edge_lines");
  c->boilerplate_edge_min_score_ = get_int("boilerplate_edge_min_score");
  c->boilerplate_edge_max_chars_ = get_int("boilerplate_edge_max_chars");
  c->related_item_max_chars_ = get_int("related_item_max_chars");
  c->paywall_tail_max_chars_ = get_int("paywall_tail_max_chars");
  c->related_teaser_max_chars_ = get_int("related_teaser_max_chars");
  c->title_max_chars_ = get_int("title_max_chars");
  c->title_max_commas_ = get_int("title_max_commas");

  MojibakeRepairer::Options mo;
  mo.min_odd = get_int("mojibake_min_odd");
  mo.max_gap = get_int("mojibake_max_gap");
  auto moj = MojibakeRepairer::Create(mo);
  if (!moj.ok()) return moj.status();
  c->mojibake_ = std::move(moj.value());

  auto pinyin_file = rules_dir.Load("pinyin.rules");
  if (!pinyin_file.ok()) return pinyin_file.status();
  auto pin = PinyinStripper::Create(pinyin_file.value());
  if (!pin.ok()) return pin.status();
  c->pinyin_ = std::move(pin.value());

  auto rules = LineRules::Create(rules_dir, t, &c->sites_);
  if (!rules.ok()) return rules.status();
  c->rules_ = std::move(rules.value());

  WatermarkCutter::Options wo;
  wo.min_chars = get_int("watermark_min_chars");
  wo.min_repeats = get_int("watermark_min_repeats");
  wo.site_clause_max_chars = get_int("watermark_site_clause_max_chars");
  wo.address_clause_max_chars = get_int("watermark_address_clause_max_chars");
  auto watermark_file = rules_dir.Load("watermark.rules");
  if (!watermark_file.ok()) return watermark_file.status();
  auto wm = WatermarkCutter::Create(watermark_file.value(), wo, &c->sites_);
  if (!wm.ok()) return wm.status();
  c->watermark_ = std::move(wm.value());
  return std::shared_ptr<const TextCleaner>(std::move(c));
}

}  // namespace qingxi
