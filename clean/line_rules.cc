// Line classifiers: one Aho-Corasick pass for every lexicon, RE2 sets for whole-line patterns.
#include "line_rules.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <tuple>

#include "cleaner_text.h"
#include "quiet_regex.h"
#include "qingxi/rule_file.h"
#include "qingxi/utf8.h"

namespace qingxi {

// Phrase categories; a phrase's matcher id is (category << 16) | index into phrases_.
enum Category : int {
  kSpam = 1,
  kNavSeparator,
  kNavHome,
  kNavPosition,
  kNavMenu,
  kMetaDateLabel,
  kMetaLabel,
  kShare,
  kShareSuffix,
  kBoilerPhrase,
  kBoilerStrong,
  kBoilerPrefix,
  kRelatedHeading,
  kRelatedSingle,
  kPaywall,
  kMetaByline,
  kMetaSpeaker,
  kDropPhrase,
  kDropLine,
};

struct LineRules::Regexes {
  Regexes()
      : line(cleaner::QuietRegexOptions(), RE2::ANCHOR_BOTH),
        heading(cleaner::QuietRegexOptions(), RE2::UNANCHORED),
        boiler(cleaner::QuietRegexOptions(), RE2::UNANCHORED),
        drop(cleaner::QuietRegexOptions(), RE2::ANCHOR_BOTH),
        date(kDate),
        date_only(std::string("\\s*[\\[【(（]?\\s*") + kDate +
                  "\\s*(?:(?:星期|周)[一二三四五六日天])?\\s*[\\]】)）]?\\s*") {}
  // A date with an optional time: "2022-11-09 12:08:00", "2023年4月18日", "2022/3/4".
  static constexpr const char* kDate =
      "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?"
      "(?:\\s*(\\d{1,2})[:：](\\d{2})(?:[:：](\\d{2}))?)?";
  RE2::Set line;
  RE2::Set heading;
  RE2::Set boiler;                // boilerplate.rules regex / strong_regex
  std::vector<int> boiler_score;  // by index in `boiler`
  RE2::Set drop;                  // drop.rules line_regex
  // SiteTable number of each pattern, by index in its set (0: every site).
  std::vector<int> line_site, heading_site, boiler_site, drop_site;
  // "file:line directive value" by index in each set, for Describe.
  std::vector<std::string> line_origin, heading_origin, boiler_origin, drop_origin;
  RE2 date;
  RE2 date_only;  // a line that is nothing but a date (and a weekday), perhaps in brackets
  bool has_line = false, has_heading = false, has_boiler = false, has_drop = false;
};

LineRules::LineRules() = default;
LineRules::~LineRules() = default;

namespace {

struct FileSpec {
  const char* name;
  std::vector<std::pair<std::string, int>> directives;  // directive -> category (0: regex)
};

int CodePointCount(std::string_view s) { return static_cast<int>(utf8::CountCodePoints(s)); }

// Skips white space and opening brackets that often wrap labels ("【来源】", "[作者]",
// "（本文来源：新华网）").
size_t SkipOpeners(std::string_view s, size_t pos) {
  while (pos < s.size()) {
    size_t p = pos;
    char32_t c = cleaner::NextCp(s, &p);
    if (!(utf8::IsSpace(c) || c == U'【' || c == '[' || c == U'［' || c == U'〔' || c == '(' ||
          c == U'（'))
      break;
    pos = p;
  }
  return pos;
}

// After a label: optional spaces / closing bracket, then ':' or '：', or the bar that WeChat and
// portal credits use instead ("编辑 | 小王", "来源丨人民日报"). Returns where the label's value
// starts (after the colon), or npos when no colon follows; with allow_digit a digit right after
// the label ("时间2022-11-09") also counts, and the value starts at it.
size_t ValueStart(std::string_view s, size_t pos, bool allow_digit) {
  while (pos < s.size()) {
    size_t p = pos;
    char32_t c = cleaner::NextCp(s, &p);
    if (c == ':' || c == U'：' || c == '|' || c == U'｜' || c == U'丨') return p;
    if (allow_digit && c >= '0' && c <= '9') return pos;
    if (!(utf8::IsSpace(c) || c == U'】' || c == ']' || c == U'］' || c == U'〕'))
      return std::string_view::npos;
    pos = p;
  }
  return std::string_view::npos;
}

bool FollowedByColon(std::string_view s, size_t pos, bool allow_digit) {
  return ValueStart(s, pos, allow_digit) != std::string_view::npos;
}

// Skips a web address that opens a dateline ("http://www.sina.com.cn 2012年01月12日09:30 中国网",
// "www.yn.xinhuanet.com 2012年01月11日 来源：…") and the white space after it.
size_t SkipAddress(std::string_view s, size_t pos) {
  std::string_view rest = s.substr(pos);
  if (rest.rfind("http://", 0) != 0 && rest.rfind("https://", 0) != 0 && rest.rfind("www.", 0) != 0)
    return pos;
  size_t end = pos;
  while (end < s.size() && static_cast<unsigned char>(s[end]) > ' ' &&
         static_cast<unsigned char>(s[end]) < 0x80)
    ++end;
  while (end < s.size() && s[end] == ' ') ++end;
  return end;
}

// Whether a pattern set's hits include one that applies to the document.
bool AnyApplies(const std::vector<int>& hits, const std::vector<int>& site,
                const std::vector<char>& active) {
  for (int h : hits)
    if (SiteTable::Applies(active, site[h])) return true;
  return false;
}

bool HasSentencePunct(std::string_view s) {
  // Byte searches: these are the UTF-8 forms of 。，！？；
  for (std::string_view p : {"\xE3\x80\x82", "\xEF\xBC\x8C", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xEF\xBC\x9B", ","})
    if (s.find(p) != std::string_view::npos) return true;
  return false;
}

}  // namespace

Result<std::unique_ptr<LineRules>> LineRules::Create(const RuleSources& rules_dir,
                                                     const LineThresholds& thresholds,
                                                     SiteTable* sites) {
  std::unique_ptr<LineRules> r(new LineRules());
  r->t_ = thresholds;
  r->rx_ = std::make_unique<Regexes>();
  if (!r->rx_->date.ok()) return Status::Internal("date pattern: " + r->rx_->date.error());
  if (!r->rx_->date_only.ok())
    return Status::Internal("date pattern: " + r->rx_->date_only.error());
  const std::vector<FileSpec> files = {
      {"spam.rules", {{"phrase", kSpam}}},
      {"nav.rules",
       {{"separator", kNavSeparator}, {"home", kNavHome}, {"position", kNavPosition},
        {"menu", kNavMenu}}},
      {"meta.rules",
       {{"date_label", kMetaDateLabel}, {"label", kMetaLabel}, {"share", kShare},
        {"share_suffix", kShareSuffix}, {"byline", kMetaByline}, {"speaker", kMetaSpeaker},
        {"line_regex", 0}}},
      {"boilerplate.rules",
       {{"phrase", kBoilerPhrase}, {"strong", kBoilerStrong}, {"prefix", kBoilerPrefix},
        {"regex", 0}, {"strong_regex", 0}}},
      {"related.rules",
       {{"heading", kRelatedHeading}, {"heading_regex", 0}, {"single", kRelatedSingle}}},
      {"paywall.rules", {{"phrase", kPaywall}}},
      {"drop.rules", {{"phrase", kDropPhrase}, {"line", kDropLine}, {"line_regex", 0}}},
  };
  for (const auto& spec : files) {
    const bool drop_file = std::string_view(spec.name) == "drop.rules";
    auto file = rules_dir.Load(spec.name);
    if (!file.ok()) return file.status();
    for (const auto& e : file->entries()) {
      int category = -1;
      for (const auto& d : spec.directives)
        if (d.first == e.directive) category = d.second;
      if (category < 0) return file->Error(e, "directive not handled by the line rules");
      const int site = sites ? sites->Add(e.site) : 0;
      if (site != 0) r->has_sites_ = true;
      if (category == 0) {  // a regex
        Regexes& rx = *r->rx_;
        const bool boiler = e.directive == "regex" || e.directive == "strong_regex";
        RE2::Set& set = boiler     ? rx.boiler
                        : drop_file ? rx.drop
                        : e.directive == "line_regex" ? rx.line
                                                      : rx.heading;
        std::string error;
        if (set.Add(e.value, &error) < 0) return file->Error(e, "bad regex: " + error);
        if (boiler) rx.boiler_score.push_back(e.directive == "regex" ? 1 : 2);
        (boiler      ? rx.boiler_site
         : drop_file ? rx.drop_site
         : e.directive == "line_regex" ? rx.line_site
                                       : rx.heading_site).push_back(site);
        (boiler      ? rx.has_boiler
         : drop_file ? rx.has_drop
         : e.directive == "line_regex" ? rx.has_line
                                       : rx.has_heading) = true;
        (boiler      ? rx.boiler_origin
         : drop_file ? rx.drop_origin
         : e.directive == "line_regex" ? rx.line_origin
                                       : rx.heading_origin)
            .push_back(file->Origin(e));
        continue;
      }
      if (r->phrases_.size() >= 0xFFFF) return file->Error(e, "too many phrases");
      r->matcher_.Add(e.value, (category << 16) | static_cast<int>(r->phrases_.size()));
      r->phrases_.push_back(e.value);
      r->phrase_site_.push_back(site);
      // "spam.rules:12 phrase" (the phrase itself is printed beside it from phrases_).
      std::string origin = file->Origin(e);
      origin.resize(origin.size() - e.value.size() - 1);
      r->origins_.push_back(std::move(origin));
    }
  }
  if (r->rx_->has_line && !r->rx_->line.Compile())
    return Status::InvalidArgument(rules_dir.base() + "/meta.rules: line_regex set does not compile");
  if (r->rx_->has_heading && !r->rx_->heading.Compile())
    return Status::InvalidArgument(rules_dir.base() +
                                   "/related.rules: heading_regex set does not compile");
  if (r->rx_->has_boiler && !r->rx_->boiler.Compile())
    return Status::InvalidArgument(rules_dir.base() + "/boilerplate.rules: regex set does not compile");
  if (r->rx_->has_drop && !r->rx_->drop.Compile())
    return Status::InvalidArgument(rules_dir.base() + "/drop.rules: line_regex set does not compile");
  r->matcher_.Build();
  return r;
}

std::string LineRules::Describe(std::string_view line, std::string_view kind) const {
  const std::string_view trimmed = utf8::Trim(line);
  std::vector<int> cats;
  const std::vector<std::string>* set_origin = nullptr;
  const RE2::Set* set = nullptr;
  std::string out;
  if (kind == "spam") {
    cats = {kSpam};
    const LineFacts f = Analyze(line);
    char buf[160];
    snprintf(buf, sizeof buf,
             "%d hits covering %.0f%% of the line (thresholds.rules spam_min_hits %d, "
             "spam_min_coverage %.2f): ",
             f.spam_hits, 100 * f.spam_coverage, t_.spam_min_hits, t_.spam_min_coverage);
    out = buf;
  } else if (kind == "breadcrumb") {
    cats = {kNavPosition, kNavHome, kNavSeparator};
  } else if (kind == "menu") {
    cats = {kNavMenu, kNavHome};
  } else if (kind == "metadata") {
    cats = {kMetaDateLabel, kMetaLabel, kMetaSpeaker, kMetaByline};
  } else if (kind == "share") {
    cats = {kShare};
  } else if (kind == "share_suffix") {
    cats = {kShareSuffix};
  } else if (kind == "boilerplate") {
    cats = {kBoilerPhrase, kBoilerStrong, kBoilerPrefix};
    set = &rx_->boiler;
    set_origin = &rx_->boiler_origin;
    out = "score " + std::to_string(Analyze(line).boilerplate_score) + ": ";
  } else if (kind == "related_heading") {
    cats = {kRelatedHeading};
    set = &rx_->heading;
    set_origin = &rx_->heading_origin;
  } else if (kind == "related_single") {
    cats = {kRelatedSingle};
  } else if (kind == "paywall") {
    cats = {kPaywall};
  } else if (kind == "counter") {
    set = &rx_->line;
    set_origin = &rx_->line_origin;
  } else if (kind == "drop") {
    cats = {kDropPhrase, kDropLine};
    set = &rx_->drop;
    set_origin = &rx_->drop_origin;
  }
  std::vector<std::string> parts;
  matcher_.ForEach(trimmed, [&](const PhraseMatcher::Match& m) {
    const int cat = m.id >> 16;
    if (std::find(cats.begin(), cats.end(), cat) == cats.end()) return true;
    const size_t k = m.id & 0xFFFF;
    std::string p = origins_[k] + " " + phrases_[k];
    if (std::find(parts.begin(), parts.end(), p) == parts.end()) parts.push_back(std::move(p));
    return parts.size() < 6;
  });
  if (set && set_origin && !set_origin->empty()) {
    std::vector<int> hits;
    if (set->Match(re2::StringPiece(trimmed.data(), trimmed.size()), &hits))
      for (int h : hits)
        if (static_cast<size_t>(h) < set_origin->size()) parts.push_back((*set_origin)[h]);
  }
  if (kind == "counter" && parts.empty())
    parts.push_back("thresholds.rules counter_min_digits " + std::to_string(t_.counter_min_digits));
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : "") + parts[i];
  return out;
}

std::vector<std::string> LineRules::AllMatches(std::string_view line) const {
  const std::string_view trimmed = utf8::Trim(line);
  std::vector<std::string> out;
  matcher_.ForEach(trimmed, [&](const PhraseMatcher::Match& m) {
    const size_t k = m.id & 0xFFFF;
    std::string p = origins_[k] + " " + phrases_[k];
    if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(std::move(p));
    return true;
  });
  const re2::StringPiece in(trimmed.data(), trimmed.size());
  for (auto [set, origin, has] :
       {std::make_tuple(&rx_->line, &rx_->line_origin, rx_->has_line),
        std::make_tuple(&rx_->heading, &rx_->heading_origin, rx_->has_heading),
        std::make_tuple(&rx_->boiler, &rx_->boiler_origin, rx_->has_boiler),
        std::make_tuple(&rx_->drop, &rx_->drop_origin, rx_->has_drop)}) {
    std::vector<int> hits;
    if (has && set->Match(in, &hits))
      for (int h : hits) out.push_back((*origin)[h]);
  }
  const LineFacts f = Analyze(line);
  if (f.spam_hits > 0 && !f.spam) {
    char buf[200];
    snprintf(buf, sizeof buf,
             "spam: %d hit(s) covering %.0f%% of the line; a spam line needs spam_min_hits %d "
             "covering spam_min_coverage %.2f (thresholds.rules)",
             f.spam_hits, 100 * f.spam_coverage, t_.spam_min_hits, t_.spam_min_coverage);
    out.insert(out.begin(), buf);
  }
  return out;
}

std::string LineRules::FindDate(std::string_view text) const {
  re2::StringPiece in(text.data(), text.size());
  std::string y, mo, d, h, mi, s;
  if (!RE2::PartialMatch(in, rx_->date, &y, &mo, &d, &h, &mi, &s)) return "";
  int month = std::stoi(mo), day = std::stoi(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return "";
  char buf[32];
  snprintf(buf, sizeof buf, "%s-%02d-%02d", y.c_str(), month, day);
  std::string out = buf;
  if (!h.empty()) {
    int hour = std::stoi(h), minute = std::stoi(mi), second = s.empty() ? 0 : std::stoi(s);
    if (hour < 24 && minute < 60 && second < 60) {
      snprintf(buf, sizeof buf, "T%02d:%02d:%02d", hour, minute, second);
      out += buf;
    }
  }
  return out;
}

LineFacts LineRules::Analyze(std::string_view line, const std::vector<char>& active) const {
  LineFacts f;
  const std::string_view trimmed = utf8::Trim(line);
  if (trimmed.empty()) return f;
  const size_t head = SkipOpeners(trimmed, 0);
  const int chars = CodePointCount(trimmed);

  // One pass over the line for every lexicon.
  size_t spam_cover = 0, spam_last_end = 0, spam_last_begin = 0;
  std::vector<std::pair<size_t, size_t>> separators;
  int boiler = 0, menu_words = 0;
  bool date_label = false, label = false, home_first = false, position = false;
  size_t label_end = 0;  // where the label that opens the line ends
  bool speaker = false;   // ... and it may also name who speaks ("记者：")
  bool share = false, share_suffix = false, heading = false, single = false, paywall = false;
  bool byline = false, byline_head = false, date_label_inline = false;
  int labels_with_colon = 0;
  size_t menu_cover = 0;
  matcher_.ForEach(trimmed, [&](const PhraseMatcher::Match& m) {
    const int cat = m.id >> 16;
    if (has_sites_ && !SiteTable::Applies(active, phrase_site_[m.id & 0xFFFF])) return true;
    switch (cat) {
      case kDropPhrase:
        f.drop = true;
        break;
      case kDropLine:
        if (m.begin == 0 && m.end == trimmed.size()) f.drop = true;
        break;
      case kSpam:
        // Count non-nested hits; coverage is the union of the matched bytes.
        if (m.begin >= spam_last_end) {
          ++f.spam_hits;
          spam_cover += m.end - m.begin;
          spam_last_begin = m.begin;
          spam_last_end = m.end;
        } else if (m.begin < spam_last_begin || m.end > spam_last_end) {
          if (m.begin <= spam_last_begin) {  // a longer phrase that contains the last hit
            spam_cover += (spam_last_begin - m.begin) + (m.end - spam_last_end);
            spam_last_begin = m.begin;
          } else {
            spam_cover += m.end - spam_last_end;
          }
          spam_last_end = m.end;
        }
        break;
      case kNavSeparator:
        if (!separators.empty() && m.begin < separators.back().second) {
          if (m.begin <= separators.back().first) separators.back() = {m.begin, m.end};
        } else {
          separators.push_back({m.begin, m.end});
        }
        break;
      case kNavHome:
        if (m.begin == head) home_first = true;
        break;
      case kNavPosition:
        if (m.begin == head) position = true;
        break;
      case kNavMenu:
        ++menu_words;
        menu_cover += m.end - m.begin;
        break;
      case kMetaDateLabel:
        if (m.begin == head && FollowedByColon(trimmed, m.end, /*allow_digit=*/true)) date_label = true;
        // Inside the line only a label of three or more characters counts ("楼主 发表于
        // 2022-3-4 12:05"): 时间 and 日期 are words of ordinary sentences.
        if (m.begin != head && CodePointCount(phrases_[m.id & 0xFFFF]) >= 3 &&
            FollowedByColon(trimmed, m.end, /*allow_digit=*/true))
          date_label_inline = true;
        if (FollowedByColon(trimmed, m.end, false)) ++labels_with_colon;
        break;
      case kMetaLabel:
      case kMetaSpeaker:
        if (m.begin == head && FollowedByColon(trimmed, m.end, false)) {
          label = true;
          label_end = m.end;
          speaker = cat == kMetaSpeaker;
        }
        if (FollowedByColon(trimmed, m.end, false)) ++labels_with_colon;
        break;
      case kShare:
        share = true;
        break;
      case kMetaByline:
        byline = true;
        if (m.begin == head) byline_head = true;
        break;
      case kShareSuffix:
        if (m.end == trimmed.size()) share_suffix = true;
        break;
      case kBoilerPhrase:
        boiler += 1;
        break;
      case kBoilerStrong:
        boiler += 2;
        break;
      case kBoilerPrefix:
        if (m.begin == head && FollowedByColon(trimmed, m.end, false)) boiler += 2;
        break;
      case kRelatedHeading: {
        // The heading phrase opens the line or closes it (only a colon or punctuation after it).
        bool at_end = cleaner::IsOnlyPunct(trimmed.substr(m.end));
        if (m.begin == head || at_end) heading = true;
        break;
      }
      case kRelatedSingle:
        if (m.begin == head) single = true;
        break;
      case kPaywall:
        paywall = true;
        break;
      default:
        break;
    }
    return true;
  });

  // Spam: density, not single hits.
  f.spam_coverage = static_cast<double>(spam_cover) / trimmed.size();
  f.spam = f.spam_hits >= t_.spam_min_hits && f.spam_coverage >= t_.spam_min_coverage;

  // Breadcrumbs: "首页 > 范文大全 > 演讲稿 > …", "当前位置:首页>新闻".
  if (position && chars <= 2 * t_.meta_max_chars) f.breadcrumb = true;
  const int seps = static_cast<int>(separators.size());
  // After a home word the last crumb is the page's title and may be a question or hold a
  // comma ("首页 › 论坛 › 孩子上小学前需要提前学拼音吗？"); elsewhere no crumb is a sentence.
  if (!f.breadcrumb && seps >= 1 && (seps >= t_.nav_min_separators || home_first) &&
      !HasSentencePunct(home_first ? trimmed.substr(0, separators.back().first) : trimmed) &&
      (!home_first || (chars <= 2 * t_.meta_max_chars &&
                       trimmed.find("\xE3\x80\x82") == std::string_view::npos))) {  // 。
    bool short_crumbs = true;
    size_t prev = 0;
    for (size_t k = 0; k < separators.size(); ++k) {
      // Every crumb before the last separator must be short; the last may be the page title.
      std::string_view crumb = utf8::Trim(trimmed.substr(prev, separators[k].first - prev));
      if (CodePointCount(crumb) > t_.nav_max_crumb_chars) short_crumbs = false;
      prev = separators[k].second;
    }
    f.breadcrumb = short_crumbs;
  }

  // Menus: a short line made of short items, several of them navigation words.
  if ((menu_words > 0 || home_first) && chars <= 2 * t_.meta_max_chars && !HasSentencePunct(trimmed)) {
    int items = 0, long_items = 0;
    size_t pos = 0;
    bool in_item = false;
    int item_chars = 0;
    while (pos <= trimmed.size()) {
      size_t p = pos;
      char32_t c = pos < trimmed.size() ? cleaner::NextCp(trimmed, &p) : ' ';
      bool sep = utf8::IsSpace(c) || c == '|' || c == U'｜' || c == U'·' || c == '/' ||
                 c == U'丨' || c == U'│' || c == U'、';
      if (sep) {
        if (in_item) {
          ++items;
          if (item_chars > t_.nav_menu_max_item_chars) ++long_items;
        }
        in_item = false;
        item_chars = 0;
      } else {
        in_item = true;
        ++item_chars;
      }
      if (pos >= trimmed.size()) break;
      pos = p;
    }
    if (items >= t_.nav_menu_min_items && long_items == 0 && (menu_words >= 2 || home_first))
      f.menu = true;
  }
  // A line that is nothing but navigation words ("返回顶部", "设为首页 | 加入收藏", "返回搜狐，
  // 查看更多"): the words cover every letter of the line, whatever punctuation joins them.
  if (!f.menu && menu_words >= 1 && chars <= 2 * t_.meta_max_chars) {
    size_t letters = 0, q = 0;
    while (q < trimmed.size()) {
      size_t before = q;
      char32_t c = cleaner::NextCp(trimmed, &q);
      if (utf8::IsHan(c) || cleaner::IsAsciiAlnum(c)) letters += q - before;
    }
    if (menu_cover >= letters) f.menu = true;
  }

  // A speaker's turn in an interview or a transcript ("记者：您是怎么走上科研道路的？") is
  // content: after its label comes a sentence, where metadata has a name, a date or a source.
  if (label && speaker && !date_label && labels_with_colon == 1) {
    cleaner::CodePoints v(utf8::Trim(trimmed.substr(ValueStart(trimmed, label_end, false))));
    if (v.size() >= static_cast<size_t>(t_.meta_sentence_min_chars) &&
        cleaner::IsSentenceEnd(v.cp.back()))
      label = false;
  }

  // Metadata.
  if (chars <= t_.meta_max_chars) {
    if (date_label || label || labels_with_colon >= 2) f.meta = true;
    // A line that starts with a date (perhaps after the site's address) and carries a label
    // ("2022-11-09 12:08 来源:新华网", "www.yn.xinhuanet.com 2012年01月11日 来源：粧点网").
    const size_t start = SkipAddress(trimmed, head);
    re2::StringPiece from_start(trimmed.data() + start, trimmed.size() - start);
    const bool starts_with_date = RE2::Consume(&from_start, rx_->date);
    if (!f.meta && labels_with_colon >= 1 && starts_with_date) f.meta = true;
    // A dateline: a short line with no sentence that starts with a date and goes on with a
    // byline ("2019-08-21 14:35 联合报 记者王小明／台中报导"), or starts with a byline word or
    // holds a publication label before its date ("原创 城南社区 2023-05-06 18:02 发表于浙江",
    // "楼主 发表于 2022-3-4 12:05 | 只看该作者"). A line that is only a date is left alone here:
    // at the end of a notice it is the date of signature (落款), which is part of the text.
    bool dateline = false;
    if (!f.meta && (byline || date_label_inline) && !HasSentencePunct(trimmed)) {
      if ((byline && starts_with_date) ||
          ((byline_head || date_label_inline) && RE2::PartialMatch(trimmed, rx_->date)))
        f.meta = dateline = true;
    }
    if (f.meta && (date_label || labels_with_colon >= 1 || dateline)) f.date = FindDate(trimmed);
    if (!f.meta && RE2::FullMatch(trimmed, rx_->date_only)) {
      f.date_only = true;
      f.date = FindDate(trimmed);
    }
    if (share) f.share = true;
  }
  if (share_suffix) {
    // "<name>分享": a short name, no punctuation.
    size_t name_chars = chars - 2;
    if (name_chars >= 1 && static_cast<int>(name_chars) <= t_.share_max_name_chars &&
        !HasSentencePunct(trimmed))
      f.share_suffix = true;
  }

  if (chars <= t_.boilerplate_max_chars) {
    // Patterns score like phrases, each once per line (a call to follow the site's page:
    // "快点到Facebook Like我们的专页").
    if (rx_->has_boiler) {
      std::vector<int> hits;
      if (rx_->boiler.Match(re2::StringPiece(trimmed.data(), trimmed.size()), &hits))
        for (int h : hits)
          if (SiteTable::Applies(active, rx_->boiler_site[h])) boiler += rx_->boiler_score[h];
    }
    f.boilerplate_score = boiler;
  }
  // A heading is a label, not a sentence: "相关新闻发布会将于明天举行。" is content.
  const bool sentence = trimmed.find("\xE3\x80\x82") != std::string_view::npos ||  // 。
                        trimmed.find("\xEF\xBC\x81") != std::string_view::npos ||  // ！
                        trimmed.find("\xEF\xBC\x9F") != std::string_view::npos;    // ？
  if (chars <= t_.related_heading_max_chars && !sentence) {
    f.related_heading = heading;
    if (!heading && rx_->has_heading) {
      std::vector<int> hits;
      if (rx_->heading.Match(re2::StringPiece(trimmed.data(), trimmed.size()), &hits) &&
          AnyApplies(hits, rx_->heading_site, active))
        f.related_heading = true;
    }
    f.related_single = single;
  }
  if (paywall && chars <= t_.paywall_max_chars) f.paywall = true;

  // Counters and other metadata-only lines.
  {
    int digits = 0;
    bool only_digits = true;
    for (char ch : trimmed) {
      if (ch >= '0' && ch <= '9') ++digits;
      else only_digits = false;
    }
    if (only_digits && digits >= t_.counter_min_digits) f.counter = true;
    if (!f.counter && rx_->has_line && chars <= t_.meta_max_chars) {
      std::vector<int> hits;
      if (rx_->line.Match(re2::StringPiece(trimmed.data(), trimmed.size()), &hits) &&
          AnyApplies(hits, rx_->line_site, active))
        f.counter = true;
    }
  }
  if (!f.drop && rx_->has_drop) {
    std::vector<int> hits;
    if (rx_->drop.Match(re2::StringPiece(trimmed.data(), trimmed.size()), &hits) &&
        AnyApplies(hits, rx_->drop_site, active))
      f.drop = true;
  }
  return f;
}

}  // namespace qingxi
