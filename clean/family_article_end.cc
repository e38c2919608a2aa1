// clean/family_article_end.cc — where an article ends (page_family.h).
//
// Portal templates put the neighbours of a story inside or right after its container: a box of
// the next or related stories ("延伸 · 推荐", "相关新闻", "下一篇" over a headline and its
// teaser), a second full story after the first one's end (an infinite-scroll neighbour, a
// "next story" block), a quoted teaser under the editor's line. Their text is punctuated prose
// and scores like the story, so the selection holds them; this family finds them by three
// signals and leaves them out of the emission:
//   1. a box headed by a label that names the story's neighbours (`next_label` in
//      rules/html.rules) is dropped; a bare label with no box of its own ends the story when
//      what follows it is the lesser part of the selection;
//   2. after the story's own end (a short line opening with an `end_prefix` such as
//      "责任编辑：", or any line ending with an `end_suffix` such as "（完）"), a headline (a
//      short line that does not end like a sentence) followed by prose starts another story:
//      the text ends before that headline;
//   3. a second headline-level heading (<h1>) past the story's start followed by its own
//      dateline (a short line with a date) starts another story too.
// Threads are left alone: their posts are a sequence on purpose.
#include <algorithm>
#include <string>

#include "page_family.h"
#include "qingxi/utf8.h"

namespace qingxi {
namespace html {
namespace {

using dom::NodeType;
using dom::Tag;

struct Line {
  uint32_t node;
  std::string text;  // a short line's text (trimmed, collapsed); empty for a long one
  std::string tail;  // the line's last text node (trimmed): how it ends
  uint32_t chars;    // the block's own characters
  uint32_t punct;
};

// The last non-empty text node of subtree i, trimmed.
std::string_view LastText(const Work& w, uint32_t i) {
  const auto& nodes = w.doc->nodes();
  for (uint32_t k = nodes[i].end; k-- > i;) {
    if (nodes[k].type != NodeType::kText || !w.alive[k]) continue;
    std::string_view t = utf8::Trim(nodes[k].text);
    if (!t.empty()) return t;
  }
  return {};
}

constexpr size_t kMaxLineBytes = 400;
constexpr uint32_t kLabelMaxChars = 12;    // a box label: "延伸 · 推荐", "相关新闻"
constexpr uint32_t kEndLineMaxChars = 40;  // an end line: "责任编辑：霍琦"
constexpr uint32_t kHeadlineMinChars = 6;  // a headline of a story
constexpr uint32_t kHeadlineMaxChars = 60;
constexpr uint32_t kProseMinChars = 20;  // a teaser or a paragraph under a headline
constexpr uint32_t kDatelineMaxChars = 60;
constexpr double kBoxMaxShare = 0.5;      // a label's box is a lesser part of the selection
constexpr double kHeadingMinShare = 0.2;  // a second heading comes after this share of text

bool EndsLikeSentence(std::string_view t) {
  for (std::string_view end : {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xEF\xBC\x9B",
                               "\xE2\x80\xA6", ".", "!", "?", ";"})
    if (t.size() >= end.size() && t.substr(t.size() - end.size()) == end) return true;
  return false;
}

// A date such as 2019-09-07, 2019/9/7, 2019.09.07 or 2019年9月7日 somewhere in the line.
bool HasDate(std::string_view t) {
  for (size_t i = 0; i + 6 <= t.size(); ++i) {
    if (!(t[i] == '1' || t[i] == '2') || (i > 0 && t[i - 1] >= '0' && t[i - 1] <= '9')) continue;
    size_t j = i;
    while (j < t.size() && j - i < 4 && t[j] >= '0' && t[j] <= '9') ++j;
    if (j - i != 4) continue;
    std::string_view rest = t.substr(j);
    size_t sep = 0;
    if (!rest.empty() && (rest[0] == '-' || rest[0] == '/' || rest[0] == '.'))
      sep = 1;
    else if (rest.rfind("\xE5\xB9\xB4", 0) == 0)
      sep = 3;  // 年
    if (sep == 0 || rest.size() <= sep) continue;
    if (rest[sep] >= '0' && rest[sep] <= '9') return true;
  }
  return false;
}

class ArticleEndFamily : public PageFamily {
 public:
  std::string_view name() const override { return "article_end"; }

  void Refine(const PageView& page, Selection* sel) const override {
    for (const std::string& f : sel->flags)
      if (f == "thread" || f == "listing") return;
    const Work& w = page.w;
    const ExtractRules& rules = page.rules;
    const auto& nodes = w.doc->nodes();
    if (sel->roots.empty() || sel->top == page.body || sel->top == 0) return;
    if (rules.next_labels.empty() && rules.end_prefixes.empty() && rules.end_suffixes.empty())
      return;

    // The lines of the selection: blocks with text of their own, in reading order.
    std::vector<Line> lines;
    uint64_t total = 0;
    for (uint32_t r : sel->roots) {
      total += w.chars[r];
      for (uint32_t i = r; i < nodes[r].end; ++i) {
        const dom::Node& nd = nodes[i];
        if (!w.alive[i]) {
          i = nd.end - 1;
          continue;
        }
        if (nd.type != NodeType::kElement || !IsBlockTag(nd.tag) || w.dchars[i] == 0) continue;
        // Only short lines are read whole (labels, end lines, headlines, datelines); of a
        // long one only its ending matters.
        std::string text;
        if (w.dchars[i] <= kHeadlineMaxChars) {
          text = std::string(utf8::Trim(SubtreeText(w, i, kMaxLineBytes)));
          if (text.empty()) continue;
        }
        std::string tail(LastText(w, i));
        if (tail.empty()) continue;
        lines.push_back({i, std::move(text), std::move(tail), w.dchars[i], w.dpunct[i]});
      }
    }
    if (lines.empty() || total == 0) return;

    auto is_label = [&](const Line& l) {
      if (l.chars > kLabelMaxChars) return false;
      const std::string norm = NormalizeLabel(l.text);
      return !norm.empty() && std::find(rules.next_labels.begin(), rules.next_labels.end(), norm) !=
                                  rules.next_labels.end();
    };
    auto is_end = [&](const Line& l) {
      if (l.chars <= kEndLineMaxChars)
        for (const std::string& p : rules.end_prefixes)
          if (l.text.rfind(p, 0) == 0) return true;
      for (const std::string& s : rules.end_suffixes)
        if (l.tail.size() >= s.size() && l.tail.compare(l.tail.size() - s.size(), s.size(), s) == 0)
          return true;
      return false;
    };
    auto is_headline = [&](const Line& l) {
      return l.chars >= kHeadlineMinChars && l.chars <= kHeadlineMaxChars &&
             !EndsLikeSentence(l.tail);
    };
    // Strictly inside one of the roots (sorted, disjoint).
    auto inside_root = [&](uint32_t a) {
      auto r = std::upper_bound(sel->roots.begin(), sel->roots.end(), a);
      if (r == sel->roots.begin()) return false;
      --r;
      return a > *r && a < nodes[*r].end;
    };
    // Characters of the lines from line k on.
    std::vector<uint64_t> from(lines.size() + 1, 0);
    for (size_t k = lines.size(); k-- > 0;) from[k] = from[k + 1] + lines[k].chars;
    auto cut_at = [&](uint32_t node) { sel->cut = std::min(sel->cut, node); };

    uint64_t seen = 0;  // characters of the lines before the current one
    for (size_t k = 0; k < lines.size(); ++k) {
      const Line& l = lines[k];
      if (l.node >= sel->cut) break;
      if (!sel->drop.empty() && l.node < nodes[sel->drop.back()].end) continue;  // dropped box
      // 1. A box headed by a neighbours' label.
      if (is_label(l)) {
        uint32_t box = 0;
        for (uint32_t a = nodes[l.node].parent; a != 0 && inside_root(a); a = nodes[a].parent)
          if (w.chars[a] > w.chars[l.node]) {
            box = a;
            break;
          }
        if (box != 0 && w.chars[box] < kBoxMaxShare * total) {
          sel->drop.push_back(box);
          continue;
        }
        if (from[k] < kBoxMaxShare * total) {
          cut_at(l.node);
          break;
        }
      }
      // 2. The story's end, then a headline over prose: another story.
      if (is_end(l)) {
        size_t h = k + 1;
        while (h < lines.size() && is_end(lines[h])) ++h;
        if (h + 1 < lines.size() && is_headline(lines[h]) && lines[h + 1].chars >= kProseMinChars &&
            lines[h + 1].punct > 0 && seen + l.chars >= kHeadingMinShare * total) {
          cut_at(lines[h].node);
          break;
        }
      }
      // 3. A second headline (<h1>; an <h2> is a section of the same story, as in an
      // encyclopaedia article with dated references) with a dateline of its own.
      if (nodes[l.node].tag == Tag::kH1 && seen >= kHeadingMinShare * total && is_headline(l) &&
          k + 1 < lines.size() && lines[k + 1].chars <= kDatelineMaxChars &&
          HasDate(lines[k + 1].text)) {
        cut_at(l.node);
        break;
      }
      seen += l.chars;
    }
  }
};

}  // namespace

std::unique_ptr<const PageFamily> MakeArticleEndFamily() {
  return std::make_unique<ArticleEndFamily>();
}

}  // namespace html
}  // namespace qingxi
