// clean/html_extract.cc — the HTML main-content extractor behind qingxi/extract.h.
//
// The method is the density-and-hint family of Readability and trafilatura, tuned for CJK:
//   1. Parse into the flat DOM (dom.h), which bounds depth and never recurses.
//   2. Remove what is never content: tags named in rules/html.rules (script, style, nav, ...),
//      hidden elements (the `hidden` attribute, WHATWG HTML §6.1; aria-hidden="true";
//      inline display:none / visibility:hidden), and class/id-hinted chrome (comments, share
//      bars, related lists, breadcrumbs, ads, footers) unless that element holds most of the
//      page's text, so that one badly named wrapper cannot erase an article.
//   3. Measure every element bottom-up: characters, link characters, CJK punctuation.
//      Every block with enough text of its own is a paragraph; its score (1 + punctuation +
//      length bonus, scaled down by its link share) goes to the enclosing blocks, fully to the
//      nearest and less to those above, so the best-scoring element is the tightest container
//      of many punctuated, unlinked paragraphs. CJK text has no spaces and few commas per
//      byte compared with English, which is why punctuation counts rather than commas and
//      lengths are in characters, not bytes.
//   4. Take the best element (moving up when several near-best candidates share an ancestor),
//      add its siblings that score comparably, and emit their paragraphs in reading order:
//      block elements and <br> end a paragraph, inline elements join, whitespace collapses,
//      link lists and link-only lines inside the article are dropped.
//   5. Choose the title (a heading that agrees with <title>/og:title, else <title> without the
//      site suffix) and the date (meta, <time>, else a visible date near the headline).
// Every word list, weight and threshold is in rules/html.rules.
#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cleaner_text.h"
#include "dom.h"
#include "extract_rules.h"
#include "extract_work.h"
#include "page_family.h"
#include "qingxi/ascii.h"
#include "qingxi/extract.h"
#include "qingxi/utf8.h"

namespace qingxi {
namespace html {
namespace {

using dom::NodeType;
using dom::Tag;

// The last character of `t` that is not a space or a closing quote ("…出发。”" ends in 。).
char32_t LastVisible(std::string_view t) {
  size_t i = 0;
  char32_t last = 0;
  while (i < t.size()) {
    char32_t c = utf8::Next(t, &i);
    if (c == U'”' || c == U'’' || c == U'"' || c == U'」' || c == U'』' || c == ' ') continue;
    last = c;
  }
  return last;
}

// Punctuation that ends a Chinese sentence.
bool IsFullStop(char32_t c) { return c == U'。' || c == U'！' || c == U'？'; }

// A picture's caption: at most max_chars characters and not ending like a sentence (a caption
// is a label or ends in a credit, "…新华社发（王申 摄）").
bool IsCaption(std::string_view t, double max_chars, double phrase_max_chars) {
  const size_t chars = utf8::CountCodePoints(t);
  if (chars > max_chars) return false;
  char32_t last = LastVisible(t);
  if (last == U'。' && chars <= phrase_max_chars) {
    // A short phrase with a full stop and no other punctuation labels the picture too
    // ("小花家。", "搜救现场。", "小温在景区内的身影。").
    int marks = 0;
    for (size_t pos = 0; pos < t.size();) {
      const char32_t c = utf8::Next(t, &pos);
      marks += cleaner::IsSentenceEnd(c) || c == U'，' || c == U',' || c == U'；' || c == U'：' ||
               c == U'、' || c == U'“' || c == U'"';
    }
    return marks == 1;
  }
  return !(cleaner::IsSentenceEnd(last) || last == U'；' || last == U'.' || last == U'：' ||
           last == U':');
}

// An <img> whose width or height attribute is below 50 pixels: an icon, a bullet or an
// emoticon, not a picture that gets a caption.
bool IsIcon(const dom::Document& doc, uint32_t i) {
  for (std::string_view a : {"width", "height"}) {
    std::string_view v = doc.Attr(i, a);
    if (v.empty() || v[0] < '0' || v[0] > '9') continue;
    if (std::atoi(std::string(v.substr(0, 8)).c_str()) < 50) return true;
  }
  return false;
}

// Why a subtree left the page (explanations only; see ReportUnemitted).
enum Why : uint8_t {
  kWhyNone,
  kWhyTag,          // drop_tag in html.rules
  kWhyHidden,       // hidden attribute, aria-hidden="true"
  kWhyStyleHidden,  // inline display:none / visibility:hidden, a small share of the page
  kWhySoftTag,      // soft_drop_tag in html.rules, a small share of the page
  kWhyHint,         // class/id remove hint (chrome), not the article
  kWhyPaywall,      // class/id paywall hint
  kWhyLinkList,     // a link list inside the article area
  kWhyChromeBox,    // a negatively hinted box inside the article area
};

// What ReportUnemitted reads of one extraction.
struct UnemittedView {
  const Work& w;
  const std::vector<uint8_t>& why;
  const std::vector<uint8_t>& emitted;
  const std::vector<uint32_t>& article_roots;  // the selection before the page families
  const std::vector<uint32_t>& roots;          // the final selection
  const std::string& families;                 // the families that changed it
  uint32_t top;
  const std::string& title;
  std::function<double(uint32_t)> score;  // a block's final score, -1 when unscored
};

// `<div class="x" id="y">`, attributes cut short.
std::string DescribeElement(const dom::Document& doc, uint32_t i) {
  std::string s = "<" + std::string(doc.node(i).name);
  for (std::string_view a : {"class", "id"}) {
    std::string_view v = doc.Attr(i, a);
    if (!v.empty()) s += " " + std::string(a) + "=\"" + std::string(CutUtf8(v, 60)) + "\"";
  }
  return s + ">";
}

// The class/id hint entries of html.rules that match element i (as pass B matches them).
std::string HintRules(const dom::Document& doc, const ExtractRules& rules, uint32_t i) {
  std::string hint(CutUtf8(doc.Attr(i, "class"), 500));
  hint.push_back(' ');
  hint.append(CutUtf8(doc.Attr(i, "id"), 500));
  for (char& c : hint) {
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c + 32);
    else if (c == '_')
      c = '-';
  }
  std::string d = rules.DescribeHint(hint);
  return d.empty() ? "html.rules hints" : d;
}

// Text whose element is never shown as text: no reader misses it, so it is not reported.
bool Invisible(const dom::Node& nd) {
  return nd.type == NodeType::kElement &&
         (nd.tag == Tag::kScript || nd.tag == Tag::kStyle || nd.tag == Tag::kTemplate ||
          nd.tag == Tag::kNoscript || nd.tag == Tag::kHead || nd.tag == Tag::kTitle);
}

// Reports every visible text node that was not emitted, grouped by block and reason: the
// dropped subtree's own reason when one of its ancestors was dropped, the page family that left
// it out, or its place outside the main block.
void ReportUnemitted(const UnemittedView& v, const ExtractRules& rules, Explanation* ex) {
  const dom::Document& doc = *v.w.doc;
  const auto& nodes = doc.nodes();
  auto inside = [&](const std::vector<uint32_t>& rs, uint32_t i) {
    for (uint32_t r : rs)
      if (i >= r && i < nodes[r].end) return true;
    return false;
  };
  std::string text, reason, rule, title_norm = StripSpaces(v.title);
  bool pending = false;
  uint64_t group = ~0ull;
  auto flush = [&]() {
    std::string_view t = utf8::Trim(text);
    if (!t.empty()) {
      if (reason == "outside_main_block" && StripSpaces(t) == title_norm)
        ex->Add(Stage::kExtract, t, "title", "the page's headline: moved to the record's title");
      else
        ex->Add(Stage::kExtract, t, reason, rule);
    }
    text.clear();
    pending = false;
  };
  char buf[300];
  uint32_t source_block = ~0u;
  bool source_pending = false;
  for (uint32_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].type != NodeType::kText || utf8::Trim(nodes[i].text).empty()) continue;
    uint32_t rnode = 0, block = 0;
    uint8_t code = kWhyNone;
    bool invisible = false;
    for (uint32_t a = nodes[i].parent;; a = nodes[a].parent) {
      if (Invisible(nodes[a])) {
        invisible = true;
        break;
      }
      if (block == 0 && IsBlockTag(nodes[a].tag)) block = a;
      if (code == kWhyNone && v.why[a] != kWhyNone) {
        code = v.why[a];
        rnode = a;
      }
      if (a == 0 || nodes[a].parent == a) break;
    }
    if (invisible) continue;
    if (block != source_block || ex->source.empty()) {
      ex->source.emplace_back();
      source_block = block;
      source_pending = false;
    }
    AppendCollapsed(nodes[i].text, &ex->source.back(), &source_pending);
    if (v.emitted[i]) {
      // Kept text ends a group: a removal is one contiguous run of its block (a sub-reply's
      // name and time around its kept text are two removals, not one).
      flush();
      group = ~0ull;
      continue;
    }
    const bool family = code == kWhyNone && inside(v.article_roots, i) && !inside(v.roots, i);
    const uint64_t key = (static_cast<uint64_t>(code) << 56) ^
                         (static_cast<uint64_t>(rnode) << 28) ^ block ^ (family ? 1ull << 60 : 0);
    if (key != group) {
      flush();
      group = key;
      const std::string el = DescribeElement(doc, rnode);
      switch (code) {
        case kWhyTag:
          reason = "dropped_tag";
          rule = rules.TagOrigin(nodes[rnode].tag);
          break;
        case kWhySoftTag:
          reason = "dropped_tag";
          snprintf(buf, sizeof buf, "%s (under soft_drop_share %.2f of the page's text)",
                   rules.TagOrigin(nodes[rnode].tag).c_str(), rules.soft_drop_share);
          rule = buf;
          break;
        case kWhyHidden:
          reason = "hidden";
          rule = el + ": hidden attribute or aria-hidden=\"true\"";
          break;
        case kWhyStyleHidden:
          reason = "hidden";
          rule = el + ": inline display:none or visibility:hidden";
          break;
        case kWhyHint:
          reason = "class_hint";
          rule = el + ": " + HintRules(doc, rules, rnode);
          break;
        case kWhyPaywall:
          reason = "paywall_element";
          rule = el + ": " + HintRules(doc, rules, rnode);
          break;
        case kWhyLinkList:
          reason = "link_list";
          snprintf(buf, sizeof buf, "%s: link text %.0f%% > html.rules link_list_density %.2f",
                   el.c_str(), 100 * LinkDensity(v.w, rnode), rules.link_list_density);
          rule = buf;
          break;
        case kWhyChromeBox:
          reason = "chrome_box";
          snprintf(buf, sizeof buf, "%s: class/id weight %d in the article area: ", el.c_str(),
                   v.w.weight[rnode]);
          rule = buf + HintRules(doc, rules, rnode);
          break;
        default:
          if (family) {
            reason = "page_family";
            rule = "left out by the " + v.families + " page family's selection";
          } else {
            reason = "outside_main_block";
            double own = -1;
            for (uint32_t a = nodes[i].parent; own < 0; a = nodes[a].parent) {
              own = v.score(a);
              if (a == 0 || nodes[a].parent == a) break;
            }
            snprintf(buf, sizeof buf,
                     "not in the main block %s (score %.1f); its block scores %.1f",
                     DescribeElement(doc, v.top).c_str(), v.score(v.top), std::max(0.0, own));
            rule = buf;
          }
      }
    }
    AppendCollapsed(nodes[i].text, &text, &pending);
  }
  flush();
  for (std::string& s : ex->source) s = std::string(utf8::Trim(s));
}

class GumboExtractor : public HtmlExtractor {
 public:
  explicit GumboExtractor(ExtractRules rules)
      : rules_(std::move(rules)),
        date_re_(R"(((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\s*日)?)"
                 R"((?:[\sT]*(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?)?)"),
        roc_date_re_(R"((?:民國|民国)?\s*(1\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)") {}

  bool ok() const { return date_re_.ok() && roc_date_re_.ok(); }

  Result<ExtractedPage> Extract(std::string_view html, const ExtractLimits& limits,
                                Explanation* ex) const override;

 private:
  std::string FindDate(std::string_view text) const;

  ExtractRules rules_;
  RE2 date_re_;
  RE2 roc_date_re_;
};

std::string GumboExtractor::FindDate(std::string_view text) const {
  if (text.empty()) return {};
  re2::StringPiece in(text.data(), text.size());
  std::string y, mo, d, h, mi, s;
  int year = 0, month = 0, day = 0;
  bool have_time = false;
  if (RE2::PartialMatch(in, date_re_, &y, &mo, &d, &h, &mi, &s)) {
    year = std::atoi(y.c_str());
    month = std::atoi(mo.c_str());
    day = std::atoi(d.c_str());
    have_time = !h.empty() && std::atoi(h.c_str()) < 24 && std::atoi(mi.c_str()) < 60;
  } else if (RE2::PartialMatch(in, roc_date_re_, &y, &mo, &d)) {
    // Taiwan's Minguo calendar: year 1 is 1912 (民國100年 = 2011).
    year = std::atoi(y.c_str()) + 1911;
    month = std::atoi(mo.c_str());
    day = std::atoi(d.c_str());
  } else {
    return {};
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1990 || year > 2100) return {};
  char buf[40];
  if (have_time) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", year, month, day,
                  std::atoi(h.c_str()), std::atoi(mi.c_str()));
    if (!s.empty() && std::atoi(s.c_str()) < 60)
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day,
                    std::atoi(h.c_str()), std::atoi(mi.c_str()), std::atoi(s.c_str()));
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  }
  return buf;
}

Result<ExtractedPage> GumboExtractor::Extract(std::string_view html, const ExtractLimits& limits,
                                              Explanation* ex) const {
  ExtractedPage page;
  bool truncated = false;
  if (html.size() > limits.max_bytes) {
    html = CutUtf8(html, limits.max_bytes);
    truncated = true;
  }
  if (html.size() >= 3 && std::memcmp(html.data(), "\xEF\xBB\xBF", 3) == 0) html.remove_prefix(3);
  if (utf8::Trim(html).empty()) return page;

  dom::ParseLimits pl;
  pl.max_depth = limits.max_depth;
  pl.max_nodes = limits.max_nodes;
  auto parsed = dom::Document::Parse(html, pl);
  if (!parsed.ok()) return parsed.status();
  const dom::Document& doc = *parsed.value();
  if (ex && truncated)
    ex->Add(Stage::kExtract, "", "truncated",
            "HTML cut at " + std::to_string(limits.max_bytes) + " bytes before parsing");
  if (ex && doc.truncated())
    ex->Add(Stage::kExtract, "", "truncated",
            "nesting deeper than " + std::to_string(limits.max_depth) +
                " was flattened or the node limit " + std::to_string(limits.max_nodes) +
                " was reached: text beyond it was not parsed");
  if (doc.truncated()) truncated = true;
  const auto& nodes = doc.nodes();
  const uint32_t n = static_cast<uint32_t>(nodes.size());
  if (n == 0) return page;

  Work w;
  w.doc = &doc;
  w.alive.assign(n, 0);
  w.in_link.assign(n, 0);
  w.block.assign(n, 0);
  w.weight.assign(n, 0);
  w.positive.assign(n, 0);
  w.caption.assign(n, 0);
  w.subreply.assign(n, 0);
  w.answer.assign(n, 0);
  w.code.assign(n, 0);
  // Explaining only (empty otherwise): why a subtree was dropped, and which text nodes were
  // emitted, so that every other visible text node can be reported with its reason.
  std::vector<uint8_t> why(ex ? n : 0, kWhyNone), emitted(ex ? n : 0, 0);

  // --- metadata: <title>, <meta>, <link rel=canonical>, <html lang>, <time> -----------------
  std::string title_tag, og_title, meta_date;
  size_t meta_date_rank = rules_.date_meta.size();
  std::string time_date;
  page.lang = ascii::Lower(doc.Attr(0, "lang"));
  for (uint32_t i = 0; i < n; ++i) {
    const dom::Node& nd = nodes[i];
    if (nd.type != NodeType::kElement) continue;
    switch (nd.tag) {
      case Tag::kTitle:
        if (title_tag.empty()) {
          bool pending = false;
          for (uint32_t k = i + 1; k < nd.end; ++k)
            if (nodes[k].type == NodeType::kText)
              AppendCollapsed(nodes[k].text, &title_tag, &pending);
        }
        break;
      case Tag::kMeta: {
        std::string key = ascii::Lower(doc.Attr(i, "property"));
        if (key.empty()) key = ascii::Lower(doc.Attr(i, "name"));
        if (key.empty()) key = ascii::Lower(doc.Attr(i, "itemprop"));
        if (key.empty()) break;
        std::string_view content = doc.Attr(i, "content");
        if (content.empty()) break;
        if (key == "og:title" && og_title.empty()) {
          bool pending = false;
          AppendCollapsed(CutUtf8(content, 1000), &og_title, &pending);
        }
        for (size_t r = 0; r < meta_date_rank; ++r) {
          if (rules_.date_meta[r] == key) {
            std::string d = FindDate(CutUtf8(content, 200));
            if (!d.empty()) {
              meta_date = d;
              meta_date_rank = r;
            }
            break;
          }
        }
        break;
      }
      case Tag::kLink:
        if (page.canonical_url.empty() && ascii::Lower(doc.Attr(i, "rel")) == "canonical")
          page.canonical_url = std::string(CutUtf8(doc.Attr(i, "href"), 4096));
        break;
      case Tag::kTime:
        if (time_date.empty()) {
          std::string_view dt = doc.Attr(i, "datetime");
          if (!dt.empty()) time_date = FindDate(CutUtf8(dt, 200));
        }
        break;
      default:
        break;
    }
  }

  // --- pass A: removal by tag, hidden state; link and block bookkeeping ----------------------
  // An inline display:none / visibility:hidden is often undone by the page's own script: a
  // WeChat article is <div id="js_content" style="visibility: hidden;"> until a script shows it.
  // Such an element is only noted here and removed in pass B unless it holds a large share of
  // the page's text (`soft_drop_share`, as for soft-dropped tags); the `hidden` attribute and
  // aria-hidden remove at once.
  std::vector<uint8_t> style_hidden(n, 0);
  uint32_t body = 0;
  for (uint32_t i = 0; i < n;) {
    const dom::Node& nd = nodes[i];
    if (i > 0 && !w.alive[nd.parent]) {  // only reached for the first node of a dead subtree
      i = nd.end;
      continue;
    }
    if (nd.type == NodeType::kElement) {
      auto action = rules_.tag_action[static_cast<size_t>(nd.tag)];
      bool dead = action == ExtractRules::TagAction::kDrop;
      if (!dead && nd.tag != Tag::kBody && nd.tag != Tag::kHtml) {
        if (doc.HasAttr(i, "hidden")) dead = true;
        std::string_view aria = doc.Attr(i, "aria-hidden");
        if (aria == "true") dead = true;
        std::string_view style = doc.Attr(i, "style");
        if (!dead && !style.empty()) {
          std::string st;
          for (char c : CutUtf8(style, 2000))
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
              st.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
          if (st.find("display:none") != std::string::npos ||
              st.find("visibility:hidden") != std::string::npos)
            style_hidden[i] = 1;
        }
      }
      if (dead) {
        if (ex) why[i] = action == ExtractRules::TagAction::kDrop ? kWhyTag : kWhyHidden;
        i = nd.end;
        continue;
      }
      if (nd.tag == Tag::kBody && body == 0) body = i;
    }
    w.alive[i] = 1;
    if (i > 0) {
      w.in_link[i] = w.in_link[nd.parent] | (nd.tag == Tag::kA && nd.type == NodeType::kElement);
      w.block[i] = (nd.type == NodeType::kElement && IsBlockTag(nd.tag)) ? i : w.block[nd.parent];
    }
    ++i;
  }

  // Raw text bytes per subtree for the "holds most of the page" guards.
  std::vector<uint32_t> raw(n, 0);
  for (uint32_t i = n; i-- > 0;) {
    if (!w.alive[i]) continue;
    if (nodes[i].type == NodeType::kText) {
      uint32_t c = 0;
      for (char ch : nodes[i].text) c += static_cast<unsigned char>(ch) > ' ';
      raw[i] = c;
    }
    if (i > 0) raw[nodes[i].parent] += raw[i];
  }
  const double page_raw = std::max<uint32_t>(1, raw[body]);

  // --- pass B: class/id hints, soft drops, paywall stubs --------------------------------------
  // Hinted chrome is only noted here; whether it is removed is settled after scoring (below).
  std::vector<uint32_t> paywall_nodes;
  std::vector<uint32_t> hinted;      // roots of subtrees that class/id hints would remove
  // ... of which a readers' comment section holding most of the page's text: removed only when
  // an article stands outside it
  std::vector<uint8_t> hinted_comments;
  std::vector<uint32_t> title_like;  // headings and class/id "title" elements
  std::string hint;
  uint32_t hinted_end = 0;  // end of the innermost hinted subtree being walked
  for (uint32_t i = 0; i < n;) {
    const dom::Node& nd = nodes[i];
    if (!w.alive[i]) {
      i = nd.end;
      continue;
    }
    if (nd.type != NodeType::kElement || nd.tag == Tag::kBody || nd.tag == Tag::kHtml) {
      ++i;
      continue;
    }
    bool dead = false;
    double share = raw[i] / page_raw;
    if ((style_hidden[i] ||
         rules_.tag_action[static_cast<size_t>(nd.tag)] == ExtractRules::TagAction::kSoftDrop) &&
        share < rules_.soft_drop_share) {
      dead = true;
      if (ex) why[i] = style_hidden[i] ? kWhyStyleHidden : kWhySoftTag;
    }
    std::string_view cls = doc.Attr(i, "class"), id = doc.Attr(i, "id");
    bool titleish = IsHeading(nd.tag);
    if (!dead && (!cls.empty() || !id.empty())) {
      hint.clear();
      hint.append(CutUtf8(cls, 500));
      hint.push_back(' ');
      hint.append(CutUtf8(id, 500));
      for (char& c : hint) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        else if (c == '_') c = '-';
      }
      HintResult h = rules_.MatchHint(hint);
      w.weight[i] = static_cast<int16_t>(std::clamp(h.weight, -1000, 1000));
      w.positive[i] = h.positive;
      w.caption[i] = h.caption;
      w.code[i] = h.code;
      w.subreply[i] = h.subreply;
      w.answer[i] = h.answer;
      if (h.paywall) {
        dead = true;
        paywall_nodes.push_back(i);
        if (ex) why[i] = kWhyPaywall;
      } else if (h.remove && (!h.positive || h.weight < 0) &&
                 (share < rules_.dominant_share || h.comments) && i >= hinted_end) {
        hinted.push_back(i);
        hinted_comments.push_back(h.comments);
        hinted_end = nd.end;
      }
      if (!titleish && raw[i] > 0 && raw[i] < 300 &&
          (hint.find("title") != std::string::npos || hint.find("headline") != std::string::npos ||
           hint.find("biaoti") != std::string::npos))
        titleish = true;
    }
    if (dead) {
      for (uint32_t k = i; k < nd.end; ++k) w.alive[k] = 0;
      i = nd.end;
      continue;
    }
    if (titleish) title_like.push_back(i);
    ++i;
  }

  // Text measures per text node, computed once; the passes below only add integers.
  w.tstats.assign(n, TextStats());
  std::vector<TextStats>& tstats = w.tstats;
  for (uint32_t i = 0; i < n; ++i)
    if (w.alive[i] && nodes[i].type == NodeType::kText) {
      tstats[i] = MeasureText(nodes[i].text);
    }
  // A link is a headline or a word. Long punctuated prose inside one <a> is an article that a
  // broken page wrapped in an anchor; counting it as link text would discard it. An anchor
  // that is one item of a list of links (a sidebar of teaser cards: <li><a>名字 时间 摘要…</a>)
  // stays link text, however long.
  for (uint32_t i = 0; i < n; ++i) {
    if (!w.alive[i] || nodes[i].type != NodeType::kElement || nodes[i].tag != Tag::kA) continue;
    uint32_t chars = 0, punct = 0;
    for (uint32_t k = i + 1; k < nodes[i].end; ++k) {
      chars += tstats[k].chars;
      punct += tstats[k].punct;
    }
    if (chars >= rules_.link_prose_chars && punct >= 3 && !IsLinkListItem(doc, i))
      for (uint32_t k = i; k < nodes[i].end; ++k) w.in_link[k] = 0;
    i = nodes[i].end - 1;
  }

  // --- measure bottom-up, then score (run once or more, see "hinted chrome" below) -------------
  auto measure = [&]() {
    w.chars.assign(n, 0);
    w.link_chars.assign(n, 0);
    w.punct.assign(n, 0);
    w.dchars.assign(n, 0);
    w.dlink.assign(n, 0);
    w.dpunct.assign(n, 0);
    w.dbr.assign(n, 0);
    w.dwords.assign(n, 0);
    for (uint32_t i = n; i-- > 0;) {
      if (!w.alive[i]) continue;
      const dom::Node& nd = nodes[i];
      if (nd.type == NodeType::kText) {
        const TextStats& st = tstats[i];
        w.chars[i] = st.chars;
        w.punct[i] = st.punct;
        if (w.in_link[i]) w.link_chars[i] = st.chars;
        uint32_t b = w.block[i];
        w.dchars[b] += st.chars;
        w.dpunct[b] += st.punct;
        if (w.in_link[i]) w.dlink[b] += st.chars;
        else w.dwords[b] += st.words;
      } else if (nd.tag == Tag::kBr && i > 0) {
        w.dbr[w.block[nd.parent]]++;
      }
      if (i > 0) {
        uint32_t p = nd.parent;
        w.chars[p] += w.chars[i];
        w.link_chars[p] += w.link_chars[i];
        w.punct[p] += w.punct[i];
      }
    }
  };
  auto link_density = [&](uint32_t i) { return LinkDensity(w, i); };
  // Hints scale the text evidence rather than add to it, so that on a short article a
  // well-named but nearly empty box ("dialog-body") cannot outrank the text.
  auto final_score = [&](uint32_t i) {
    return w.score[i] * std::max(0.1, 1.0 + w.weight[i] / 100.0) * (1.0 - link_density(i));
  };
  std::vector<uint8_t> scored(n, 0);
  std::vector<std::pair<double, uint32_t>> cands;
  const double gp = rules_.grandparent_factor;
  auto score_all = [&]() {
    w.score.assign(n, 0.f);
    scored.assign(n, 0);
    cands.clear();
    for (uint32_t i = 0; i < n; ++i) {
      if (!w.alive[i] || nodes[i].type != NodeType::kElement || !IsBlockTag(nodes[i].tag))
        continue;
      uint32_t own = w.dchars[i] - std::min(w.dchars[i], w.dlink[i]);
      if (own < rules_.min_paragraph_chars) continue;
      // A row of a link list keeps only dates, counts and brackets outside its links
      // ("【作者】08-11 17:03 298字 [140/0]"): that is no paragraph of its own.
      if (w.dwords[i] < rules_.min_paragraph_words) continue;
      double ps = 1.0 + w.dpunct[i] + std::min(w.dchars[i] / 100.0, 3.0);
      ps *= static_cast<double>(own) / w.dchars[i];
      uint32_t target = i;
      double factors[3] = {1.0, gp, gp / 3};
      if (IsParagraphTag(nodes[i].tag)) {
        if (i == 0) continue;
        target = nodes[i].parent;
      }
      for (int level = 0; level < 3; ++level) {
        w.score[target] += static_cast<float>(ps * factors[level]);
        scored[target] = 1;
        if (target == 0 || nodes[target].tag == Tag::kBody) break;
        target = nodes[target].parent;
      }
    }
    for (uint32_t i = 0; i < n; ++i)
      if (scored[i] && w.alive[i]) cands.push_back({final_score(i), i});
    std::sort(cands.begin(), cands.end(), [](const auto& a, const auto& b) {
      return a.first > b.first || (a.first == b.first && a.second < b.second);
    });
  };

  // Hinted chrome: removed, unless the article itself sits inside it (layouts that call their
  // main column "nav" or "left-side"). Scoring once with the hinted subtrees kept shows where
  // the best text is; if that is inside a hinted subtree and clearly beats everything outside,
  // the hints on its ancestors are wrong and are ignored.
  std::vector<uint8_t> keep_hinted(hinted.size(), 0);
  auto kill_hinted = [&]() {
    for (size_t k = 0; k < hinted.size(); ++k)
      if (!keep_hinted[k])
        for (uint32_t j = hinted[k]; j < nodes[hinted[k]].end; ++j) w.alive[j] = 0;
  };
  if (!hinted.empty()) {
    std::vector<uint8_t> alive_all = w.alive;
    measure();
    score_all();
    double best_all = cands.empty() ? 0.0 : cands[0].first;
    uint32_t top_all = cands.empty() ? 0 : cands[0].second;
    kill_hinted();
    measure();
    score_all();
    double best_out = cands.empty() ? 0.0 : cands[0].first;
    // The words of the best text outside every hinted subtree: an article, or a cast list.
    uint32_t out_words = 0;
    if (!cands.empty())
      for (uint32_t k = cands[0].second; k < nodes[cands[0].second].end; ++k)
        if (w.alive[k] && nodes[k].type == NodeType::kText && !w.in_link[k])
          out_words += tstats[k].words;
    const bool article_outside = out_words >= rules_.comments_article_min_words;
    bool inside = false;
    for (size_t k = 0; k < hinted.size(); ++k)
      if (!hinted_comments[k] && top_all >= hinted[k] && top_all < nodes[hinted[k]].end) {
        keep_hinted[k] = 1;
        inside = true;
      }
    // A comment section is the content when no article stands outside it and it holds more
    // words than the best text outside (a page of short reviews beside a cast list).
    bool comments_content = false;
    if (!article_outside)
      for (size_t k = 0; k < hinted.size(); ++k) {
        if (!hinted_comments[k]) continue;
        uint32_t words = 0;
        for (uint32_t j = hinted[k]; j < nodes[hinted[k]].end; ++j)
          if (alive_all[j] && nodes[j].type == NodeType::kText && !w.in_link[j])
            words += tstats[j].words;
        if (words > out_words) keep_hinted[k] = comments_content = true;
      }
    if (comments_content ||
        (inside && best_all > 0 && best_all > rules_.hinted_override_ratio * best_out)) {
      w.alive = std::move(alive_all);
      // A comment list that is the content: its items' "comment" names are no penalty.
      for (size_t k = 0; k < hinted.size(); ++k)
        if (keep_hinted[k] && hinted_comments[k])
          for (uint32_t j = hinted[k]; j < nodes[hinted[k]].end; ++j)
            w.weight[j] = std::max<int16_t>(w.weight[j], 0);
      kill_hinted();
      measure();
      score_all();
    }
  } else {
    measure();
    score_all();
  }

  std::vector<uint32_t> roots;
  uint32_t top = body;
  if (!cands.empty() && cands[0].first > 0) {
    top = cands[0].second;
    const double best = cands[0].first;
    // Near-best candidates that share an ancestor with the best: the article is split across
    // several containers (text, then a second page block), so take the common ancestor.
    std::vector<uint32_t> alts;
    for (size_t k = 1; k < cands.size() && k < 6; ++k)
      if (cands[k].first >= rules_.near_best_share * best) alts.push_back(cands[k].second);
    if (alts.size() >= 3) {
      uint32_t a = nodes[top].parent;
      for (int up = 0; up < 6 && a != 0; ++up) {
        int inside = 0;
        for (uint32_t c : alts) inside += (c >= a && c < nodes[a].end);
        if (inside >= 3) {
          top = a;
          break;
        }
        if (nodes[a].tag == Tag::kBody) break;
        a = nodes[a].parent;
      }
    }
    // A wrapper that holds nothing but the best element is the better unit for sibling search.
    while (top != body && top != 0) {
      uint32_t p = nodes[top].parent;
      if (p == body || p == 0) break;
      if (w.chars[p] > w.chars[top] + 2) break;
      top = p;
    }
    uint32_t parent = nodes[top].parent;
    const double top_score = final_score(top);
    const double threshold = std::max(rules_.sibling_min_score, top_score * rules_.sibling_share);
    std::string_view top_class = doc.Attr(top, "class");
    if (top == body || top == 0) {
      roots.push_back(top);
    } else {
      // Siblings that score like the best element join it wherever they are; bare paragraphs
      // (and loose text) join only while they continue the article without a gap, so that a
      // disclaimer paragraph after the pager and the editor line does not.
      struct Sib {
        uint32_t node;
        bool strong, para, text;
      };
      std::vector<Sib> sibs;
      size_t top_pos = 0;
      for (uint32_t c = parent + 1; c < nodes[parent].end; c = nodes[c].end) {
        if (c == top) {
          top_pos = sibs.size();
          sibs.push_back({c, true, false, true});
          continue;
        }
        if (!w.alive[c] || w.chars[c] == 0) continue;
        const dom::Node& cn = nodes[c];
        if (cn.type == NodeType::kText) {
          sibs.push_back({c, false, w.chars[c] >= rules_.min_paragraph_chars && w.punct[c] > 0,
                          true});
          continue;
        }
        double s = scored[c] ? final_score(c) : 0.0;
        if (!top_class.empty() && doc.Attr(c, "class") == top_class) s += top_score * 0.2;
        double ld = link_density(c);
        bool para = false;
        bool leaf_div = (cn.tag == Tag::kDiv || cn.tag == Tag::kSpan || cn.tag == Tag::kFont) &&
                        w.dchars[c] == w.chars[c] && w.weight[c] > -25;
        if (cn.tag == Tag::kP || leaf_div || (IsParagraphTag(cn.tag) && cn.tag != Tag::kLi)) {
          para = (w.chars[c] > 40 && ld < 0.25) ||
                 (ld == 0 && w.punct[c] > 0 && w.weight[c] >= 0);
        }
        sibs.push_back({c, s >= threshold, para, true});
      }
      std::vector<uint8_t> take(sibs.size(), 0);
      for (size_t k = 0; k < sibs.size(); ++k) take[k] = sibs[k].strong;
      for (size_t k = top_pos + 1; k < sibs.size() && (sibs[k].strong || sibs[k].para); ++k)
        take[k] = 1;
      for (size_t k = top_pos; k-- > 0 && (sibs[k].strong || sibs[k].para);) take[k] = 1;
      for (size_t k = 0; k < sibs.size(); ++k)
        if (take[k]) roots.push_back(sibs[k].node);
    }
  } else if (body != 0 || (n > 0 && nodes[0].tag == Tag::kHtml)) {
    roots.push_back(body);
  }
  // --- page families: threads, listings (clean/family_*.cc) ---------------------------------
  std::vector<uint32_t> article_roots;  // explaining only: the selection before the families
  std::string families;                 // ... and the families that changed it
  bool thread = false;  // the text is a sequence of posts
  uint32_t cut = UINT32_MAX;  // the text ends before this node (family_article_end.cc)
  // The selection above is the article family's; each other family refines it in turn.
  {
    std::vector<uint32_t> comment_lists;  // readers' comment sections kept as the content
    for (size_t k = 0; k < hinted.size(); ++k)
      if (keep_hinted[k] && hinted_comments[k] && w.alive[hinted[k]])
        comment_lists.push_back(hinted[k]);
    const PageView view{w, rules_, title_like, title_tag, comment_lists, body};
    Selection sel;
    sel.top = top;
    sel.roots = std::move(roots);
    if (ex) article_roots = sel.roots;
    for (const auto& family : PageFamilies()) {
      if (!ex) {
        family->Refine(view, &sel);
        continue;
      }
      std::vector<uint32_t> before = sel.roots;
      family->Refine(view, &sel);
      if (sel.roots != before) families.append(families.empty() ? "" : ", ").append(family->name());
    }
    top = sel.top;
    roots = std::move(sel.roots);
    for (uint32_t d : sel.drop) w.alive[d] = 0;
    cut = sel.cut;
    for (auto& f : sel.flags) {
      if (f == "thread") thread = true;
      page.flags.push_back(std::move(f));
    }
  }

  // --- emission -----------------------------------------------------------------------------
  const double top_chars = std::max<uint32_t>(1, w.chars[top]);
  int frame_weight = 0;  // the lowest class/id weight on the selection and its ancestors
  for (uint32_t a = top; a != 0; a = nodes[a].parent) frame_weight = std::min<int>(frame_weight, w.weight[a]);
  std::string line;
  uint32_t line_chars = 0, line_link = 0;
  bool pending = false;
  std::vector<std::string>& out = page.paragraphs;
  std::vector<BlockKind>& kinds = page.kinds;  // kept parallel to `out`
  bool paywall = false;
  // Captions: the first text after a picture, when it is short and not a sentence
  // ("大会现场", "湘江长沙段水位降至24.77米。本报记者 郭立亮 摄") describes the picture.
  // A subheading there (all of it bold or a heading: "一、辛苦保湿不见效") is not a caption.
  bool after_image = false;  // a picture was passed and no text has come since
  bool line_after_image = false;
  bool line_emphasised = true;  // every text node of the line is bold or in a heading
  // The line is in a box whose class says caption (<p class="pgc-img-caption">): after a
  // picture it is a caption even when it ends like a sentence ("菜市场二楼的社区图书馆。").
  bool line_caption_box = false;
  // A quotation that repeats text already emitted is a reply quoting an earlier post (Discuz!
  // <div class="quote"><blockquote>…花穗 ...</blockquote></div>): the copy goes, a quotation
  // of words the page does not hold stays.
  bool line_in_quote = false;
  // Every text of the line is set in <code>/<kbd>/<samp> (a command on a line of its own):
  // the line is preformatted, not prose for the cleaners.
  bool line_all_code = true;
  auto in_code = [&](uint32_t i) {
    for (uint32_t a = nodes[i].parent, up = 0; up < 6 && a != 0; a = nodes[a].parent, ++up) {
      if (IsCodeTag(nodes[a].tag)) return true;
      if (IsBlockTag(nodes[a].tag)) return false;
    }
    return false;
  };
  auto in_blockquote = [&](uint32_t i) {
    for (uint32_t a = nodes[i].parent, up = 0; up < 8 && a != 0; a = nodes[a].parent, ++up)
      if (nodes[a].tag == Tag::kBlockquote) return true;
    return false;
  };
  auto repeats_earlier = [&](std::string_view t) {
    std::string_view core = t;
    for (bool cut = true; cut;) {  // a quotation cut short ends in "..." or "…"
      cut = false;
      for (std::string_view tail : {"...", "\xE2\x80\xA6", " "})
        if (core.size() > tail.size() && core.substr(core.size() - tail.size()) == tail) {
          core.remove_suffix(tail.size());
          cut = true;
        }
    }
    if (utf8::CountCodePoints(core) < 10) return false;
    for (const std::string& o : out)
      if (o.find(core) != std::string::npos) return true;
    return false;
  };
  auto in_caption_box = [&](uint32_t i) {
    for (uint32_t a = nodes[i].parent, up = 0; up < 4 && a != 0; a = nodes[a].parent, ++up) {
      if (w.caption[a]) return true;
      if (a == top) return false;
    }
    return false;
  };
  auto emphasised = [&](uint32_t i) {
    for (uint32_t a = nodes[i].parent, up = 0; up < 6 && a != 0; a = nodes[a].parent, ++up) {
      Tag t = nodes[a].tag;
      if (t == Tag::kStrong || t == Tag::kB || (t >= Tag::kH1 && t <= Tag::kH6)) return true;
      if (IsBlockTag(t)) return false;
    }
    return false;
  };
  auto flush = [&]() {
    std::string_view t = utf8::Trim(line);
    if (!t.empty()) {
      bool link_line = line_link > 0 && line_chars > 0 &&
                       static_cast<double>(line_link) / line_chars > rules_.link_line_density;
      bool stub = t.size() < 400 && !rules_.paywall_text.empty() && rules_.paywall_text.Contains(t);
      if (stub) paywall = true;
      bool caption = line_after_image && !line_emphasised &&
                     (IsCaption(t, rules_.caption_max_chars, rules_.caption_phrase_max_chars) ||
                      (line_caption_box && line_chars <= rules_.caption_max_chars));
      bool copy = line_in_quote && repeats_earlier(t);
      // A post's header in a thread: a short line with a timestamp and no sentence in it
      // ("1203 有用 晚风 看过 2023-07-15 21:03:11 北京", "3楼 发表于 2023-5-2 10:11").
      bool post_chrome = thread && line_chars <= rules_.post_header_max_chars &&
                         MeasureText(t).punct == 0 && !FindDate(t).empty();
      if (ex && (link_line || stub || caption || copy || post_chrome)) {
        char rule[200];
        const char* reason = "link_line";
        if (link_line) {
          snprintf(rule, sizeof rule,
                   "link text %.0f%% of the line > html.rules link_line_density %.2f",
                   100.0 * line_link / line_chars, rules_.link_line_density);
        } else if (stub) {
          reason = "paywall_stub";
          snprintf(rule, sizeof rule, "html.rules paywall_text phrase in the line");
        } else if (caption) {
          reason = "caption";
          snprintf(rule, sizeof rule,
                   "the short line after a picture (html.rules caption_max_chars %.0f)",
                   rules_.caption_max_chars);
        } else if (copy) {
          reason = "quoted_copy";
          snprintf(rule, sizeof rule, "a quotation of text already kept");
        } else {
          reason = "post_header";
          snprintf(rule, sizeof rule,
                   "a post's header in a thread: a timestamp, no sentence "
                   "(html.rules post_header_max_chars %.0f)",
                   rules_.post_header_max_chars);
        }
        ex->Add(Stage::kExtract, t, reason, rule);
      }
      if (!link_line && !stub && !caption && !copy && !post_chrome) {
        out.emplace_back(t);
        kinds.push_back(line_all_code ? BlockKind::kPreformatted : BlockKind::kProse);
      }
      after_image = false;
    }
    line.clear();
    line_chars = line_link = 0;
    line_after_image = false;
    line_emphasised = true;
    line_caption_box = false;
    line_in_quote = false;
    line_all_code = true;
    pending = false;
  };
  std::vector<uint32_t> open;  // ends of the open block elements
  for (uint32_t r : roots) {
    for (uint32_t i = r; i < nodes[r].end && i < cut;) {
      while (!open.empty() && open.back() <= i) {
        open.pop_back();
        flush();
      }
      const dom::Node& nd = nodes[i];
      if (!w.alive[i]) {
        i = nd.end;
        continue;
      }
      if (nd.type == NodeType::kText) {
        if (w.chars[i] > 0) {
          if (utf8::Trim(line).empty()) line_after_image = after_image;
          if (!emphasised(i)) line_emphasised = false;
          if (in_caption_box(i)) line_caption_box = true;
          if (in_blockquote(i)) line_in_quote = true;
          if (!in_code(i)) line_all_code = false;
        }
        if (ex) emitted[i] = 1;
        if (w.chars[i] > 0 || !line.empty()) {
          AppendCollapsed(nd.text, &line, &pending);
          line_chars += w.chars[i];
          if (w.in_link[i]) line_link += w.chars[i];
        }
        ++i;
        continue;
      }
      if (nd.tag == Tag::kBr || nd.tag == Tag::kHr) {
        flush();
        i = nd.end;
        continue;
      }
      if (nd.type == NodeType::kElement && (nd.tag == Tag::kPre || w.code[i]) && w.chars[i] > 0) {
        // Preformatted text and code blocks: one block, verbatim.
        flush();
        if (ex)
          for (uint32_t k = i; k < nd.end; ++k) emitted[k] = w.alive[k];
        std::string text = PreformattedText(w, i);
        if (!text.empty()) {
          out.push_back(std::move(text));
          kinds.push_back(BlockKind::kPreformatted);
        }
        after_image = false;
        i = nd.end;
        continue;
      }
      if (nd.tag == Tag::kImg) {
        // A picture that stands on its own line, not an icon or an emoticon inside a sentence.
        if (utf8::Trim(line).empty() && !IsIcon(doc, i)) after_image = true;
        i = nd.end;
        continue;
      }
      if (i != top && i != r && w.chars[i] > 0 && !w.positive[i]) {
        // Chrome inside the article area: link lists ("相关新闻" with ten headlines) and boxes
        // whose class/id says navigation, comments, share, ... and that hold little text.
        bool list_like = nd.tag == Tag::kUl || nd.tag == Tag::kOl || nd.tag == Tag::kDl ||
                         nd.tag == Tag::kDiv || nd.tag == Tag::kTable ||
                         nd.tag == Tag::kSection || nd.tag == Tag::kTd || nd.tag == Tag::kTr ||
                         nd.tag == Tag::kTbody;
        bool skip = list_like && link_density(i) > rules_.link_list_density &&
                    w.chars[i] >= 4;
        // Only boxes: an inline element is words of a sentence, and an in-text keyword link
        // (<a class="keyword_link">方案</a>) must not cut its word out of the line.
        // A box named like the selection's own frame is not chrome of it: the items of a
        // comment list that is itself the content (a page of short reviews) are the content.
        if (!skip && w.weight[i] <= -25 && w.weight[i] < frame_weight &&
            w.chars[i] < 0.3 * top_chars && IsBlockTag(nd.tag))
          skip = true;
        if (skip) {
          if (ex)
            why[i] = list_like && link_density(i) > rules_.link_list_density ? kWhyLinkList
                                                                             : kWhyChromeBox;
          if (IsBlockTag(nd.tag)) flush();
          i = nd.end;
          continue;
        }
      }
      if (IsBlockTag(nd.tag)) {
        flush();
        open.push_back(nd.end);
      }
      ++i;
    }
    while (!open.empty()) {
      open.pop_back();
      flush();
    }
    flush();
  }

  // Paywall: a stub element removed in or next to the article area.
  if (!paywall && !paywall_nodes.empty()) {
    uint32_t area = top;
    for (int up = 0; up < 2 && area != 0 && area != body; ++up) area = nodes[area].parent;
    for (uint32_t p : paywall_nodes)
      if (p >= area && p < nodes[area].end) paywall = true;
  }
  if (paywall) page.flags.push_back("paywall");
  if (truncated) page.flags.push_back("truncated");

  // --- title --------------------------------------------------------------------------------
  std::string title_norm = StripSpaces(title_tag);
  std::string og_norm = StripSpaces(og_title);
  // <title> without its site suffix: the part between separators that a heading on the page
  // holds, else the longest ("阳台种番茄，坐果少是什么原因？ - 种植交流 - 某某论坛 - Powered by
  // Discuz!" has a longer Latin part than its Chinese headline).
  std::vector<std::string> heading_norms;
  for (uint32_t t : title_like)
    if (w.alive[t] && w.chars[t] >= 4 && w.chars[t] <= 200)
      heading_norms.push_back(StripSpaces(SubtreeText(w, t, 600)));
  auto in_heading = [&](std::string_view part) {
    std::string norm = StripSpaces(part);
    if (norm.size() < 6) return false;
    for (const std::string& h : heading_norms)
      if (h.find(norm) != std::string::npos) return true;
    return false;
  };
  std::string title_main = title_tag;
  for (const std::string& sep : rules_.title_separators) {
    if (title_main.find(sep) == std::string::npos) continue;
    // The parts between separators (views into title_main, which changes only after).
    std::vector<std::string_view> parts;
    for (size_t from = 0; from <= title_main.size();) {
      size_t at = title_main.find(sep, from);
      parts.push_back(utf8::Trim(std::string_view(title_main).substr(
          from, at == std::string::npos ? std::string::npos : at - from)));
      if (at == std::string::npos) break;
      from = at + sep.size();
    }
    size_t longest = 0;
    for (std::string_view part : parts) longest = std::max(longest, utf8::CountCodePoints(part));
    std::string best;
    size_t best_len = 0;
    bool best_in_heading = false;
    for (std::string_view part : parts) {
      size_t len = utf8::CountCodePoints(part);
      bool agreed = len >= 4 && 2 * len >= longest && in_heading(part);
      if ((agreed && !best_in_heading) || (agreed == best_in_heading && len > best_len)) {
        best_len = len;
        best = std::string(part);
        best_in_heading = agreed;
      }
    }
    if (best_len >= 4) title_main = best;
  }
  std::string main_norm = StripSpaces(title_main);
  uint32_t title_node = 0;
  std::string best_heading;
  size_t best_heading_len = 0;
  for (uint32_t t : title_like) {
    if (!w.alive[t] || w.chars[t] < 4 || w.chars[t] > 200) continue;
    if (w.link_chars[t] > 0 && nodes[t].tag != Tag::kH1 && nodes[t].tag != Tag::kH2 &&
        w.link_chars[t] < w.chars[t])
      continue;
    std::string text = SubtreeText(w, t, 600);
    std::string norm = StripSpaces(text);
    if (norm.size() < 6) continue;
    // A heading inside <title> is the headline as printed; a heading that merely contains the
    // <title> text carries extras (breadcrumb, "字号", a date), so <title>'s own words are used.
    bool inside = (!title_norm.empty() && title_norm.find(norm) != std::string::npos) ||
                  (!og_norm.empty() && og_norm.find(norm) != std::string::npos);
    bool around = !inside && main_norm.size() >= 9 && norm.find(main_norm) != std::string::npos &&
                  norm.size() <= 3 * main_norm.size();
    if (!inside && !around) continue;
    size_t len = inside ? norm.size() : main_norm.size() - 1;
    if (len > best_heading_len) {
      best_heading_len = len;
      best_heading = inside ? text : std::string(utf8::Trim(title_main));
      title_node = t;
    }
  }
  // <title> that is only a site name ("经济参考网", "公共電視台 新聞網"): the headline is then
  // the nearest short, unlinked, undated block before the article (old table layouts put it in
  // a <td class="black18">). Headings are preferred to other blocks.
  if ((best_heading.empty() || best_heading_len * 2 < main_norm.size()) && top > 0 &&
      utf8::CountCodePoints(title_main) <= rules_.site_title_max_chars && og_title.empty()) {
    uint32_t pick = 0;
    for (int pass = 0; pass < 2 && pick == 0; ++pass) {
      uint32_t lo = top > 400 ? top - 400 : 1;
      for (uint32_t i = top; i-- > lo;) {
        const dom::Node& nd = nodes[i];
        if (!w.alive[i] || nd.type != NodeType::kElement || nd.end > top) continue;
        bool heading = IsHeading(nd.tag) ||
                       std::find(title_like.begin(), title_like.end(), i) != title_like.end();
        if (pass == 0 ? !heading : !IsBlockTag(nd.tag)) continue;
        if (w.chars[i] < 6 || w.chars[i] > 100 || w.link_chars[i] > 0 ||
            w.dchars[i] != w.chars[i])
          continue;
        std::string text = SubtreeText(w, i, 400);
        if (text.find("\xE3\x80\x82") != std::string::npos || !FindDate(text).empty()) continue;
        pick = i;
        best_heading = text;
        best_heading_len = main_norm.size();
        break;
      }
    }
    if (pick != 0) title_node = pick;
  }
  if (!best_heading.empty() && best_heading_len * 2 >= main_norm.size()) {
    page.title = best_heading;
  } else if (!og_title.empty()) {
    page.title = og_title;
    for (const std::string& sep : rules_.title_separators) {
      size_t at = page.title.rfind(sep);
      if (at != std::string::npos && at > 0 &&
          utf8::CountCodePoints(std::string_view(page.title).substr(0, at)) >= 4)
        page.title = std::string(utf8::Trim(std::string_view(page.title).substr(0, at)));
    }
    title_node = 0;
  } else if (!title_main.empty()) {
    page.title = std::string(utf8::Trim(title_main));
    title_node = 0;
  } else {
    for (uint32_t t : title_like)
      if (w.alive[t] && nodes[t].tag == Tag::kH1) {
        page.title = SubtreeText(w, t, 600);
        title_node = t;
        break;
      }
  }
  page.title = std::string(CutUtf8(utf8::Trim(page.title), 600));

  // --- date ---------------------------------------------------------------------------------
  if (!meta_date.empty()) {
    page.date = meta_date;
  } else if (!time_date.empty()) {
    page.date = time_date;
  } else {
    // Visible text between the headline and the article (where bylines put the date), then
    // the first lines of the article.
    uint32_t from = title_node != 0 && title_node < top ? title_node
                                                        : (top > 300 ? top - 300 : 0);
    std::string near;
    bool pend = false;
    for (uint32_t i = from; i < top && near.size() < 4000; ++i)
      if (w.alive[i] && nodes[i].type == NodeType::kText) {
        AppendCollapsed(nodes[i].text, &near, &pend);
        pend = true;
      }
    page.date = FindDate(near);
    for (size_t k = 0; page.date.empty() && k < out.size() && k < 3; ++k)
      page.date = FindDate(CutUtf8(out[k], 400));
    if (page.date.empty() && title_node != 0 && title_node >= top) {
      std::string after = SubtreeText(w, nodes[title_node].parent, 2000);
      page.date = FindDate(after);
    }
  }
  // --- lead ---------------------------------------------------------------------------------
  // A summary set between the headline and the article ("<p class=\"lead\">", a 导语 box, a
  // photo's description that reads as the story's first sentence) is part of the story: an
  // unlinked block of prose that ends like a sentence and that the article does not repeat.
  if (title_node != 0 && !roots.empty() && nodes[title_node].end <= roots.front()) {
    std::vector<std::string> lead;
    for (uint32_t i = nodes[title_node].end; i < roots.front() && lead.size() < 2; ++i) {
      const dom::Node& nd = nodes[i];
      if (!w.alive[i]) {
        i = nd.end - 1;
        continue;
      }
      if (nd.type != NodeType::kElement || !IsBlockTag(nd.tag) || w.chars[i] != w.dchars[i] ||
          w.dchars[i] < rules_.lead_min_chars || w.link_chars[i] > 0 || w.dpunct[i] < 2)
        continue;
      std::string text(utf8::Trim(SubtreeText(w, i, 2000)));
      const uint32_t lead_node = i;
      i = nd.end - 1;
      if (!IsFullStop(LastVisible(text))) continue;
      bool repeated = false;
      for (size_t k = 0; k < out.size() && k < 3 && !repeated; ++k)
        repeated = out[k].find(text) != std::string::npos;
      if (!repeated) lead.push_back(std::move(text));
      if (ex)
        for (uint32_t k = lead_node; k < nd.end; ++k) emitted[k] = w.alive[k];
    }
    kinds.insert(kinds.begin(), lead.size(), BlockKind::kProse);
    out.insert(out.begin(), lead.begin(), lead.end());
  }
  if (ex) {
    for (size_t k = 0; k < hinted.size(); ++k)
      if (!keep_hinted[k] && why[hinted[k]] == kWhyNone) why[hinted[k]] = kWhyHint;
    const UnemittedView v{
        w, why, emitted, article_roots, roots, families, top, page.title, [&](uint32_t i) {
          return scored[i] ? final_score(i) : -1.0;
        }};
    ReportUnemitted(v, rules_, ex);
  }
  return page;
}

}  // namespace
}  // namespace html

Result<std::shared_ptr<const HtmlExtractor>> HtmlExtractor::Create(const RuleSources& rules_dir) {
  auto rules = ExtractRules::LoadFrom(rules_dir);
  if (!rules.ok()) return rules.status();
  auto ex = std::make_shared<html::GumboExtractor>(std::move(rules).value());
  if (!ex->ok()) return Status::Internal("html extractor: date pattern failed to compile");
  return std::shared_ptr<const HtmlExtractor>(std::move(ex));
}

}  // namespace qingxi
