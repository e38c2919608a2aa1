// Main-content detection for flattened text: line scores -> the best run of lines -> title.
//
// The scoring follows the body-text-extraction idea (Finn et al., BTE; and the line-block
// distribution of Chen et al.): content lines earn their text, furniture lines cost, and the
// contiguous run of lines with the largest sum (Kadane's maximum subarray) is the main block.
// A line earns when it reads like prose — enough text with sentence punctuation at a prose rate;
// it costs a fixed amount plus a share of its text, more for each item of a link list and each
// w3m [token]. Lines that recur within the page (teasers shown twice, repeated headings) never
// earn. A gap of a few short lines between long paragraphs (a subheading, a caption, a forum
// reply's header) is kept because the text on both sides outweighs it; a sidebar or a comment
// box after a long stretch of menus and lists is not.
#include "qingxi/text_extract.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

#include "qingxi/rule_file.h"
#include "qingxi/utf8.h"
#include "text_lines.h"

namespace qingxi {
namespace {

// Every setting of rules/text_extract.rules with its default (documented in that file).
const std::vector<std::pair<std::string, double>>& Defaults() {
  static const std::vector<std::pair<std::string, double>> d = {
      {"wrap_min_columns", 60},
      {"wrap_slack", 2},
      {"wrap_min_lines", 3},
      {"max_lines", 50000},
      {"prose_min_value", 8},
      {"prose_max_value_per_punct", 25},
      {"prose_weight", 1},
      {"bullet_prose_weight", 0.3},
      {"headline_max_value", 40},
      {"headline_weight", 0.3},
      {"dateline_max_value", 40},
      {"dateline_lines", 3},
      {"dateline_bonus", 20},
      {"line_penalty", 4},
      {"char_penalty", 0.5},
      {"item_penalty", 1},
      {"bracket_penalty", 3},
      {"repeat_max_value", 60},
      {"list_min_items", 3},
      {"list_max_item_value", 8},
      {"short_run_max_value", 10},
      {"short_run_min_lines", 4},
      {"clean_min_share", 0.9},
      {"clean_max_noise_lines", 2},
      {"thread_min_posts", 2},
      {"post_max_lines", 6},
      {"signature_max_lines", 3},
      {"signature_date_max_value", 6},
      {"title_window", 10},
      {"title_min_value", 4},
      {"title_max_value", 60},
      {"title_echo_bonus", 3},
      {"title_headline_min_value", 8},
      {"title_headline_bonus", 2},
      {"title_date_lines", 3},
      {"title_date_bonus", 3},
      {"title_distance_penalty", 0.5},
      {"title_min_score", 1},
      {"title_echo_max_bytes", 262144},
  };
  return d;
}

struct Params {
  textmode::WrapOptions wrap;
  size_t max_lines;
  double prose_min_value, prose_max_value_per_punct, prose_weight, bullet_prose_weight;
  double headline_max_value, headline_weight, dateline_max_value;
  size_t dateline_lines;
  double dateline_bonus;
  double line_penalty, char_penalty, item_penalty, bracket_penalty;
  double repeat_max_value, list_min_items, list_max_item_value;
  double short_run_max_value;
  size_t short_run_min_lines;
  double clean_min_share;
  int clean_max_noise_lines;
  size_t thread_min_posts, post_max_lines, signature_max_lines;
  double signature_date_max_value;
  size_t title_window;
  double title_min_value, title_max_value, title_echo_bonus, title_headline_min_value,
      title_headline_bonus;
  size_t title_date_lines;
  double title_date_bonus, title_distance_penalty, title_min_score;
  size_t title_echo_max_bytes;
};

// One non-blank line of the page with its shape and score.
struct Scored {
  std::string_view text;
  textmode::LineShape shape;
  bool prose = false;
  bool list = false;      // a separated list of short items
  bool repeated = false;  // a short line without a full stop that occurs again on the page
  bool noise = false;     // shaped like navigation: counts against the page being clean text
  double score = 0;
};

class TextExtractorImpl : public TextExtractor {
 public:
  explicit TextExtractorImpl(Params p) : p_(p) {}
  Result<ExtractedPage> Extract(std::string_view utf8_text, const ExtractLimits& limits,
                                Explanation* ex) const override;

 private:
  void ScoreLines(std::vector<Scored>* lines) const;
  int FindTitle(const std::vector<Scored>& lines, size_t block_begin) const;
  size_t ExtendBlock(const std::vector<Scored>& lines, size_t begin, size_t end) const;
  // Detection over one window of the text; appends to *out (the title only when `first`).
  void ExtractWindow(std::string_view utf8_text, bool first, ExtractedPage* out,
                     Explanation* ex) const;
  Params p_;
};

void TextExtractorImpl::ScoreLines(std::vector<Scored>* lines) const {
  // Repeats: short lines that occur more than once on the page.
  std::unordered_map<std::string_view, int> seen;
  seen.reserve(lines->size());
  for (const Scored& l : *lines)
    if (l.shape.value > 0 && l.shape.value <= p_.repeat_max_value) ++seen[l.text];

  for (Scored& l : *lines) {
    const textmode::LineShape& s = l.shape;
    const double punct = s.stops + s.commas;
    const bool repeated =
        s.value > 0 && s.value <= p_.repeat_max_value && s.stops == 0 && seen[l.text] > 1;
    const bool list =
        s.items >= p_.list_min_items && s.value <= p_.list_max_item_value * s.items && s.stops == 0;
    // Each punctuation mark vouches for up to prose_max_value_per_punct characters of prose;
    // text beyond that (a run-on line of headlines with a comma somewhere) costs like furniture.
    const double earned = std::min<double>(s.value, punct * p_.prose_max_value_per_punct);
    l.prose = earned >= p_.prose_min_value && !list && !repeated;
    l.list = list;
    l.repeated = repeated;
    if (l.prose) {
      // A short line with a comma but no full stop is a headline in a list, not a paragraph.
      const double weight = s.bullet || s.numbered ? p_.bullet_prose_weight
                            : s.stops == 0 && s.value <= p_.headline_max_value ? p_.headline_weight
                                                                               : p_.prose_weight;
      l.score = earned * weight - p_.char_penalty * (s.value - earned) -
                p_.bracket_penalty * s.brackets;  // "…… [详情]": a teaser with its button
    } else {
      l.score =
          -(p_.line_penalty + p_.char_penalty * s.value +
            p_.item_penalty * (s.items > 1 ? s.items - 1 : 0) + p_.bracket_penalty * s.brackets);
    }
    l.noise = !l.prose && (list || repeated || s.bullet || s.brackets > 0);
  }
  // The text of a news page starts right under its dateline ("2011-12-15 20:06 来源：新华社"):
  // prose there earns a bonus, so that a short story beats the teasers of a sidebar.
  for (size_t i = 0; i < lines->size(); ++i) {
    const Scored& d = (*lines)[i];
    if (!d.shape.date || d.prose || d.shape.value > p_.dateline_max_value) continue;
    for (size_t k = i + 1; k < lines->size() && k <= i + p_.dateline_lines; ++k) {
      if ((*lines)[k].prose) {
        (*lines)[k].score += p_.dateline_bonus;
        break;
      }
    }
  }
  // Runs of short lines without punctuation (a menu one link a line, as WET records hold them;
  // a numbered list is the text's own).
  for (size_t i = 0; i < lines->size();) {
    size_t j = i;
    while (j < lines->size() && !(*lines)[j].prose && !(*lines)[j].shape.numbered &&
           (*lines)[j].shape.value <= p_.short_run_max_value &&
           (*lines)[j].shape.stops + (*lines)[j].shape.commas == 0)
      ++j;
    if (j - i >= p_.short_run_min_lines)
      for (size_t k = i; k < j; ++k) (*lines)[k].noise = true;
    i = j > i ? j : i + 1;
  }
}

bool IsPostHeader(const Scored& l, double max_value) {
  return l.shape.date && !l.prose && l.shape.value <= max_value;
}

// What the scores cannot see past the block's end:
//  - a thread (a block holding two or more post headers: short lines with a date, "沙发 发表于
//    2022-3-4 12:31") goes on over the posts that follow, however short ("顶一下，同问。"), while
//    each has a line with punctuation within post_max_lines of its header;
//  - a notice ends with its attachments, the issuing body and the date of signature: up to
//    signature_max_lines lines ending in a line that is only a date are the notice's.
// The line rules remove the furniture these carry along (回复 引用 举报, 签名：…).
size_t TextExtractorImpl::ExtendBlock(const std::vector<Scored>& lines, size_t begin,
                                      size_t end) const {
  const size_t n = lines.size();
  size_t headers = 0;
  for (size_t i = begin; i < end; ++i) headers += IsPostHeader(lines[i], p_.dateline_max_value);
  if (headers >= p_.thread_min_posts) {
    for (bool more = true; more;) {
      more = false;
      for (size_t h = end; h < n && h < end + p_.post_max_lines; ++h) {
        if (!IsPostHeader(lines[h], p_.dateline_max_value)) continue;
        size_t last = 0;
        for (size_t k = h + 1; k < n && k <= h + p_.post_max_lines; ++k) {
          if (IsPostHeader(lines[k], p_.dateline_max_value) || lines[k].list ||
              lines[k].shape.brackets > 0)
            break;
          if (lines[k].shape.stops + lines[k].shape.commas > 0) last = k;
        }
        if (last > 0) {
          end = last + 1;
          more = true;
        }
        break;
      }
    }
  }
  for (size_t k = end; k < n && k < end + p_.signature_max_lines; ++k) {
    const textmode::LineShape& s = lines[k].shape;
    if (lines[k].list || s.brackets > 0 || s.bullet) break;
    if (s.date && s.value <= p_.signature_date_max_value) {
      end = k + 1;
      break;
    }
  }
  return end;
}

// The title: among the lines just above the block, a heading-shaped line, preferably one the
// page shows again elsewhere (the top bar, a breadcrumb, the window title's echo) or one with the
// date line right under it, and the nearer the better. Returns its index or -1.
int TextExtractorImpl::FindTitle(const std::vector<Scored>& lines, size_t block_begin) const {
  int best = -1;
  double best_score = p_.title_min_score;
  const size_t first = block_begin > p_.title_window ? block_begin - p_.title_window : 0;
  // The block's own first line is a candidate too when a date follows it: a headline that ends
  // in "！" or "？" reads like prose but sits over its dateline.
  for (size_t j = first; j <= block_begin && j < lines.size(); ++j) {
    const Scored& l = lines[j];
    const textmode::LineShape& s = l.shape;
    if (s.value < p_.title_min_value || s.value > p_.title_max_value || s.inner_stop ||
        s.brackets > 0 || s.bullet || s.numbered || s.date || s.label || s.items > 2 || l.list)
      continue;
    size_t pos = l.text.size();
    while (pos > 0 && (static_cast<unsigned char>(l.text[pos - 1]) & 0xC0) == 0x80) --pos;
    if (pos > 0) --pos;
    size_t p = pos;
    const char32_t last = utf8::Next(l.text, &p);
    if (last == U'。' || last == U'，' || last == U'：' || last == ':' || last == ',' ||
        last == U'、')
      continue;
    double score =
        -p_.title_distance_penalty * static_cast<double>(j < block_begin ? block_begin - 1 - j : 0);
    // A headline's length; a short line ("百度首页", "手机客户端") is a link or a box heading.
    const bool headline = s.value >= p_.title_headline_min_value;
    if (headline) score += p_.title_headline_bonus;
    // Echo: the same text inside another line of the page.
    size_t scanned = 0;
    for (size_t k = 0; headline && k < lines.size() && scanned < p_.title_echo_max_bytes; ++k) {
      if (k == j) continue;
      scanned += lines[k].text.size();
      if (lines[k].text.size() >= l.text.size() &&
          lines[k].text.find(l.text) != std::string::npos) {
        score += p_.title_echo_bonus;
        break;
      }
    }
    bool dated = false;
    for (size_t k = j + 1; k < lines.size() && k <= j + p_.title_date_lines; ++k) {
      if (lines[k].shape.date) {
        score += p_.title_date_bonus;
        dated = true;
        break;
      }
    }
    if (j == block_begin && !dated) continue;
    if (score > best_score || best < 0) {
      if (score < p_.title_min_score) continue;
      best = static_cast<int>(j);
      best_score = score;
    }
  }
  return best;
}

Result<ExtractedPage> TextExtractorImpl::Extract(std::string_view utf8_text, const ExtractLimits&,
                                                 Explanation* ex) const {
  ExtractedPage page;
  // A text of more lines than a page has (a dump of one character a line, a whole book) is
  // examined a window of max_lines lines at a time, so that memory stays bounded; each window
  // is a page of its own, and the title can only come from the first.
  size_t pos = 0;
  for (bool first = true; first || pos < utf8_text.size(); first = false) {
    size_t end = pos;
    for (size_t lines = 0; end < utf8_text.size() && lines < p_.max_lines; ++lines) {
      end = utf8_text.find('\n', end);
      end = end == std::string_view::npos ? utf8_text.size() : end + 1;
    }
    ExtractWindow(utf8_text.substr(pos, end - pos), first, &page, ex);
    pos = end;
  }
  return page;
}

void TextExtractorImpl::ExtractWindow(std::string_view utf8_text, bool first, ExtractedPage* out,
                                      Explanation* ex) const {
  ExtractedPage& page = *out;
  std::vector<textmode::PageLine> raw = textmode::SplitPageLines(utf8_text, p_.wrap);
  std::vector<Scored> lines;
  lines.reserve(raw.size());
  for (const auto& r : raw) {
    if (r.text.empty()) continue;
    Scored s;
    s.text = r.text;
    s.shape = textmode::MeasureLine(r.text);
    lines.push_back(s);
  }
  ScoreLines(&lines);
  if (ex)  // the page's lines, hard wraps joined
    for (const auto& r : raw)
      if (!r.text.empty()) ex->source.emplace_back(r.text);

  // The main block: the run of lines with the largest total score.
  double best = 0, run = 0;
  size_t begin = 0, end = 0, run_begin = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (run <= 0) {
      run = 0;
      run_begin = i;
    }
    run += lines[i].score;
    if (run > best) {
      best = run;
      begin = run_begin;
      end = i + 1;
    }
  }

  double total_value = 0, block_value = 0;
  int noise_outside = 0, noise_all = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    total_value += lines[i].shape.value;
    const bool inside = i >= begin && i < end;
    if (inside) block_value += lines[i].shape.value;
    noise_all += lines[i].noise;
    if (!inside) noise_outside += lines[i].noise;
  }
  // Clean text: hardly any navigation-shaped line at all, or nearly all of the text in the block
  // with hardly any such line outside it.
  const bool clean = noise_all <= p_.clean_max_noise_lines ||
                     (best > 0 && block_value >= p_.clean_min_share * total_value &&
                      noise_outside <= p_.clean_max_noise_lines);
  if (clean) {
    for (const Scored& l : lines) page.paragraphs.emplace_back(l.text);
    return;
  }
  if (best <= 0) {  // navigation only: no main text
    if (ex)
      for (const Scored& l : lines)
        ex->Add(Stage::kExtract, l.text, "no_main_text",
                "no run of lines scores above 0 (rules/text_extract.rules): navigation only");
    return;
  }

  end = ExtendBlock(lines, begin, end);
  const int title = first ? FindTitle(lines, begin) : -1;
  std::vector<uint8_t> kept_dateline(ex ? lines.size() : 0, 0);
  if (title >= 0) page.title = std::string(lines[title].text);
  // The dateline between the title and the text gives the record its date.
  const size_t from = title >= 0 ? static_cast<size_t>(title) + 1
                                 : (begin > p_.title_window ? begin - p_.title_window : 0);
  for (size_t i = from; i < begin; ++i) {
    if (!lines[i].shape.date || lines[i].shape.value > p_.dateline_max_value) continue;
    std::string_view t = lines[i].text;
    if (lines[i].shape.bullet) {  // "• 2023-05-18 09:12": a dump's list item of the info bar
      size_t pos = 0;
      utf8::Next(t, &pos);
      if (ex) ex->Add(Stage::kExtract, t.substr(0, pos), "bullet", "the bullet of a dateline");
      t = utf8::Trim(t.substr(pos));
    }
    page.paragraphs.emplace_back(t);
    if (ex) kept_dateline[i] = 1;
  }
  for (size_t i = begin; i < end; ++i) page.paragraphs.emplace_back(lines[i].text);
  if (ex) {
    for (size_t i = 0; i < lines.size(); ++i) {
      if ((i >= begin && i < end) || static_cast<int>(i) == title || kept_dateline[i]) continue;
      char rule[200];
      snprintf(
          rule, sizeof rule,
          "outside the main block, non-blank lines %zu-%zu (block score %.1f; this line %.1f%s)",
          begin + 1, end, best, lines[i].score, lines[i].noise ? ", shaped like navigation" : "");
      ex->Add(Stage::kExtract, lines[i].text, "outside_main_block", rule);
    }
  }
}

}  // namespace

Result<std::shared_ptr<const TextExtractor>> TextExtractor::Create(const RuleSources& rules_dir) {
  auto file = rules_dir.Load("text_extract.rules");
  if (!file.ok()) return file.status();
  auto settings = Settings::FromRuleFile(file.value(), Defaults());
  if (!settings.ok()) return settings.status();
  const Settings& s = settings.value();
  for (const auto& [name, unused] : Defaults()) {
    if (s.Get(name) < 0)
      return Status::InvalidArgument(file->path() + ": " + name + " must not be negative");
  }
  auto sz = [&](const char* name) { return static_cast<size_t>(s.Get(name)); };
  Params p;
  p.wrap.min_columns = static_cast<int>(s.Get("wrap_min_columns"));
  p.wrap.slack = static_cast<int>(s.Get("wrap_slack"));
  p.wrap.min_lines = static_cast<int>(s.Get("wrap_min_lines"));
  p.max_lines = sz("max_lines");
  p.prose_min_value = s.Get("prose_min_value");
  p.prose_max_value_per_punct = s.Get("prose_max_value_per_punct");
  p.prose_weight = s.Get("prose_weight");
  p.bullet_prose_weight = s.Get("bullet_prose_weight");
  p.headline_max_value = s.Get("headline_max_value");
  p.headline_weight = s.Get("headline_weight");
  p.dateline_max_value = s.Get("dateline_max_value");
  p.dateline_lines = sz("dateline_lines");
  p.dateline_bonus = s.Get("dateline_bonus");
  p.line_penalty = s.Get("line_penalty");
  p.char_penalty = s.Get("char_penalty");
  p.item_penalty = s.Get("item_penalty");
  p.bracket_penalty = s.Get("bracket_penalty");
  p.repeat_max_value = s.Get("repeat_max_value");
  p.list_min_items = s.Get("list_min_items");
  p.list_max_item_value = s.Get("list_max_item_value");
  p.short_run_max_value = s.Get("short_run_max_value");
  p.short_run_min_lines = sz("short_run_min_lines");
  p.clean_min_share = s.Get("clean_min_share");
  p.clean_max_noise_lines = static_cast<int>(s.Get("clean_max_noise_lines"));
  p.thread_min_posts = sz("thread_min_posts");
  p.post_max_lines = sz("post_max_lines");
  p.signature_max_lines = sz("signature_max_lines");
  p.signature_date_max_value = s.Get("signature_date_max_value");
  p.title_window = sz("title_window");
  p.title_min_value = s.Get("title_min_value");
  p.title_max_value = s.Get("title_max_value");
  p.title_echo_bonus = s.Get("title_echo_bonus");
  p.title_headline_min_value = s.Get("title_headline_min_value");
  p.title_headline_bonus = s.Get("title_headline_bonus");
  p.title_date_lines = sz("title_date_lines");
  p.title_date_bonus = s.Get("title_date_bonus");
  p.title_distance_penalty = s.Get("title_distance_penalty");
  p.title_min_score = s.Get("title_min_score");
  p.title_echo_max_bytes = sz("title_echo_max_bytes");
  if (p.clean_min_share > 1)
    return Status::InvalidArgument(file->path() + ": clean_min_share must be at most 1");
  return std::shared_ptr<const TextExtractor>(std::make_shared<TextExtractorImpl>(p));
}

}  // namespace qingxi
