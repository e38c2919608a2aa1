// clean/extract_rules.h — the compiled form of rules/html.rules for the HTML extractor.
//
// Owns: loading and validating rules/html.rules (directives listed in that file's header) and
// matching class/id "hint strings" against its patterns with one Aho-Corasick pass.
//
// Thread-safety: built once by Load; immutable and shareable across threads afterwards.
#ifndef QINGXI_CLEAN_EXTRACT_RULES_H_
#define QINGXI_CLEAN_EXTRACT_RULES_H_

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "dom.h"
#include "phrase_matcher.h"
#include "qingxi/rule_file.h"
#include "qingxi/rule_sources.h"
#include "qingxi/status.h"

namespace qingxi {

// What the class/id of one element says about it.
struct HintResult {
  int weight = 0;        // positive minus negative weights
  bool positive = false; // any positive pattern matched
  bool remove = false;   // a `remove` pattern matched
  bool paywall = false;  // a `paywall` pattern matched
  bool caption = false;  // a `caption` pattern matched (a picture's caption box)
  bool comments = false; // a `comments` pattern matched (readers' comments on the page)
  bool code = false;     // a `code` pattern matched (a code block: text kept verbatim)
  bool subreply = false; // a `subreply` pattern matched (the text of a reply nested in a post)
  bool answer = false;   // an `answer` pattern matched (the text of one answer on a Q&A page)
};

// A short label's text without white space and the punctuation that decorates labels
// ("延伸 · 推荐", "【相关新闻】", "下一篇：") — the form `next_label` rules are compared in.
std::string NormalizeLabel(std::string_view s);

struct ExtractRules {
  enum class TagAction : uint8_t { kKeep, kDrop, kSoftDrop };
  std::array<TagAction, static_cast<size_t>(dom::Tag::kCount)> tag_action{};
  std::vector<std::string> drop_tag_names;  // drop_tag names that are not in dom::Tag

  std::vector<std::string> title_separators;
  std::vector<std::string> reply_title_prefixes;  // lower-case ASCII letters
  std::vector<std::string> date_meta;  // lower-case
  // The end of a story and what follows it (family_article_end.cc): labels of the boxes of
  // neighbouring stories (normalised, NormalizeLabel), and the openings and endings of the
  // story's own last lines ("责任编辑：", "（完）").
  std::vector<std::string> next_labels;
  std::vector<std::string> end_prefixes;
  std::vector<std::string> end_suffixes;
  PhraseMatcher paywall_text;

  double min_paragraph_chars = 10;
  double min_paragraph_words = 3;
  double dominant_share = 0.6;
  double soft_drop_share = 0.3;
  double sibling_share = 0.2;
  double sibling_min_score = 10;
  double link_list_density = 0.5;
  double link_line_density = 0.7;
  double listing_link_density = 0.6;
  double listing_max_prose_punct = 3;
  double listing_label_words = 40;
  double comments_article_min_words = 150;
  double entry_title_min_words = 5;
  double index_teaser_max_chars = 200;
  double post_header_max_chars = 60;
  double grandparent_factor = 0.5;
  double hinted_override_ratio = 1.5;
  double near_best_share = 0.75;
  double link_prose_chars = 80;
  double site_title_max_chars = 12;
  double caption_max_chars = 60;
  double caption_phrase_max_chars = 12;
  double lead_min_chars = 30;

  static Result<ExtractRules> Load(const std::string& path);
  // html.rules from the rules directory and its --extra-rules layers.
  static Result<ExtractRules> LoadFrom(const RuleSources& rules);

  // `hint` is the lower-cased "class id" string with '_' turned into '-'.
  HintResult MatchHint(std::string_view hint) const;
  // The entries behind MatchHint's result, as "html.rules:12 remove crumb*" joined by "; ".
  // For explanations only.
  std::string DescribeHint(std::string_view hint) const;
  // "html.rules:36 drop_tag nav" for a tag that drop_tag or soft_drop_tag names, else "".
  const std::string& TagOrigin(dom::Tag tag) const { return tag_origin_[static_cast<size_t>(tag)]; }

 private:
  static Result<ExtractRules> FromFile(const RuleFile& file);
  enum Kind : uint8_t {
    kPositive,
    kNegative,
    kRemove,
    kPaywall,
    kCaption,
    kComments,
    kCode,
    kSubreply,
    kAnswer
  };
  struct Pattern {
    Kind kind;
    int weight;
    bool any_before;  // leading '*'
    bool any_after;   // trailing '*'
  };
  std::vector<Pattern> patterns_;
  std::vector<std::string> origins_;  // by pattern: "html.rules:12 remove crumb*"
  std::array<std::string, static_cast<size_t>(dom::Tag::kCount)> tag_origin_;
  PhraseMatcher hints_;
};

}  // namespace qingxi

#endif  // QINGXI_CLEAN_EXTRACT_RULES_H_
