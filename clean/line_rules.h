// clean/line_rules.h — per-line noise classifiers driven by rules/ lexicons.
//
// Loads spam.rules, nav.rules, meta.rules, boilerplate.rules, related.rules, paywall.rules and
// drop.rules (the user's own lines to remove on a single match), with their --extra-rules layers,
// compiles every phrase of all of them into one Aho-Corasick automaton (clean/phrase_matcher.h)
// and every whole-line pattern into one RE2::Set, so that a line is scanned once whatever the size
// of the lexicons. Analyze() reports what a line looks like (spam density, breadcrumb, menu,
// metadata with its date, share line, intro/disclaimer score, related heading, paywall stub,
// counter); the TextCleaner decides what to drop from these facts and the line's position.
// Lines are given in their simplified view (rules are written in simplified characters).
// Entries in `site` sections count only for documents of that site: Analyze takes the document's
// SiteTable::Active, and a hit of an entry scoped to another site is ignored.
//
// Thread-safety: immutable after Create; Analyze may run on many threads.
#ifndef QINGXI_CLEAN_LINE_RULES_H_
#define QINGXI_CLEAN_LINE_RULES_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "phrase_matcher.h"
#include "qingxi/rule_sources.h"
#include "qingxi/status.h"

namespace qingxi {

struct LineThresholds {
  int spam_min_hits = 3;
  double spam_min_coverage = 0.25;
  int nav_min_separators = 2;
  int nav_max_crumb_chars = 16;
  int nav_menu_min_items = 4;
  int nav_menu_max_item_chars = 6;
  int meta_max_chars = 80;
  int meta_sentence_min_chars = 8;  // a label's value this long ending like a sentence is speech
  int share_max_name_chars = 6;
  int boilerplate_max_chars = 260;
  int related_heading_max_chars = 80;
  int paywall_max_chars = 60;
  int counter_min_digits = 5;
};

struct LineFacts {
  int spam_hits = 0;
  double spam_coverage = 0;  // share of the line's bytes covered by spam phrases
  bool spam = false;
  bool breadcrumb = false;
  bool menu = false;
  bool meta = false;          // a labelled metadata line ("来源:…", "时间:…")
  std::string date;           // ISO 8601 date found in a metadata or date-only line, or ""
  bool date_only = false;     // nothing but a date ("2012年01月12日 15:52"): the cleaner decides
  bool share = false;         // "分享到:…"
  bool share_suffix = false;  // "<name>分享" (the cleaner trusts it near the top or bottom only)
  int boilerplate_score = 0;  // 0 for paragraphs longer than boilerplate_max_chars
  bool related_heading = false;
  bool related_single = false;  // "上一篇:…"
  bool paywall = false;
  bool counter = false;       // counters, font-size bars, bare numbers
  bool drop = false;          // a drop.rules entry matches: removed whatever else it is
};

class LineRules {
 public:
  // `sites` numbers the `site` sections of the files (the caller's table, shared with the
  // other line stages); nullptr when the caller does not scope by site (entries then apply
  // to every document).
  static Result<std::unique_ptr<LineRules>> Create(const RuleSources& rules_dir,
                                                   const LineThresholds& thresholds,
                                                   SiteTable* sites = nullptr);
  ~LineRules();
  // `active`: the document's SiteTable::Active (empty: only entries for every site apply).
  LineFacts Analyze(std::string_view simplified_line, const std::vector<char>& active = {}) const;
  // The rule entries behind a classification of `simplified_line` as `kind` (a removal reason
  // of the cleaner: "spam", "breadcrumb", "menu", "metadata", "share", "share_suffix",
  // "boilerplate", "related_heading", "related_single", "paywall", "counter"), as
  // "file:line directive value" joined by "; ", with the threshold that decided when one did.
  // For explanations only: it scans the line again.
  std::string Describe(std::string_view simplified_line, std::string_view kind) const;
  // Every phrase and pattern entry that matches the line, whatever the classification, as
  // "file:line directive value" (for `qingxi rules test`: a rule that matches but does not
  // decide alone, such as one spam phrase below spam_min_hits).
  std::vector<std::string> AllMatches(std::string_view simplified_line) const;
  // The date in `text` as ISO 8601 ("2022-11-09", "2022-11-09T12:08:00"), "" if none.
  std::string FindDate(std::string_view text) const;

 private:
  LineRules();
  LineThresholds t_;
  PhraseMatcher matcher_;
  std::vector<std::string> phrases_;  // by phrase index (id & 0xFFFF -> phrase)
  std::vector<int> phrase_site_;      // by phrase index: SiteTable number, 0 for every site
  bool has_sites_ = false;            // some entry is scoped to a site
  std::vector<std::string> origins_;  // by phrase index: "spam.rules:12 phrase"
  struct Regexes;  // RE2 objects (meta line_regex set, related heading_regex set, dates)
  std::unique_ptr<Regexes> rx_;
};

}  // namespace qingxi

#endif  // QINGXI_CLEAN_LINE_RULES_H_
