// clean/family_thread.cc — the thread family (page_family.h): forum threads, answers to one
// question, short reviews, microblog posts.
//
// Posts of one thread, answers to one question: the page repeats one template per post
// (Discuz! <td class="t_f"> in every <div id="post_…">), and the best post alone scores far
// above short replies. Elements built like the selection (same tag and class on it and on
// its two nearest ancestors) are further posts and join it in reading order when they
// hold unlinked prose. Readers' comments under an article are not caught here: their
// class/id hints removed them.
// A selection without a class (a bare <table> around <td class="t_f">) is identified by the
// classed element that holds all its text.
//
// Answers on a Q&A page (`answer` classes: the best answer and the others come in different
// templates) join the selected one, and replies nested under a post (楼中楼, `subreply`
// classes) follow their post, each without its replier's name and time.
//
// A comment section kept as the content (a page of short reviews, see `comments` in
// rules/html.rules) is a thread too. The record is flagged "thread" when its text is a
// sequence of posts.
#include <algorithm>
#include <string>

#include "page_family.h"
#include "qingxi/ascii.h"

namespace qingxi {
namespace html {
namespace {

using dom::NodeType;

// Sorts the roots and drops those nested in an earlier one: the emission reads disjoint
// subtrees in document order.
void Normalize(const std::vector<dom::Node>& nodes, std::vector<uint32_t>* roots) {
  std::sort(roots->begin(), roots->end());
  size_t kept = 0;
  for (uint32_t r : *roots)
    if (kept == 0 || r >= nodes[(*roots)[kept - 1]].end) (*roots)[kept++] = r;
  roots->resize(kept);
}

// Node i lies inside one of the sorted, disjoint subtrees [first, last).
template <typename It>
bool Covered(const std::vector<dom::Node>& nodes, It first, It last, uint32_t i) {
  auto r = std::upper_bound(first, last, i);
  return r != first && i < nodes[*(r - 1)].end;
}

class ThreadFamily : public PageFamily {
 public:
  std::string_view name() const override { return "thread"; }

  void Refine(const PageView& page, Selection* sel) const override {
    const Work& w = page.w;
    const dom::Document& doc = *w.doc;
    const auto& nodes = doc.nodes();
    const uint32_t n = static_cast<uint32_t>(nodes.size());
    const ExtractRules& rules = page.rules;
    const std::vector<uint32_t>& title_like = page.title_like;
    const std::string_view title_tag = page.title_tag;
    const uint32_t body = page.body;
    uint32_t& top = sel->top;
    std::vector<uint32_t>& roots = sel->roots;
    bool thread = false;                   // the text is a sequence of posts
    for (uint32_t c : page.comment_lists)  // a comment list kept as the content
      if ((top >= c && top < nodes[c].end) || (c >= top && c < nodes[top].end)) thread = true;
    uint32_t sig = top;
    while (sig != 0 && doc.Attr(sig, "class").empty()) {
      uint32_t inner = 0;
      for (uint32_t c = sig + 1; c < nodes[sig].end; c = nodes[c].end)
        if (w.alive[c] && nodes[c].type == NodeType::kElement && w.chars[c] + 2 >= w.chars[sig])
          inner = c;
      sig = inner;
    }
    if (top != body && top != 0 && !roots.empty() && sig != 0) {
      // Built like the selection: the same tag and class on it and on its two nearest ancestors.
      auto same_frame = [&](uint32_t i) {
        for (uint32_t a = i, b = sig, up = 0; up < 3;
             a = nodes[a].parent, b = nodes[b].parent, ++up) {
          if (a == b) return false;
          if (nodes[a].tag != nodes[b].tag || doc.Attr(a, "class") != doc.Attr(b, "class"))
            return false;
          if (a == 0 || b == 0) break;
        }
        return true;
      };
      std::vector<uint32_t> more;
      for (uint32_t i = 1; i < n; ++i) {
        const dom::Node& nd = nodes[i];
        if (!w.alive[i]) {
          i = nd.end - 1;
          continue;
        }
        if (i < sig && nd.end > sig) continue;  // an ancestor of the selection: look inside
        bool in_root = false;
        for (uint32_t r : roots) in_root |= i >= r && i < nodes[r].end;
        if (in_root) {
          i = nd.end - 1;
          continue;
        }
        if (nd.type != NodeType::kElement || !same_frame(i)) continue;
        if (w.punct[i] > 0 && LinkDensity(w, i) < 0.5) more.push_back(i);
        i = nd.end - 1;
      }
      // A blog's archive page repeats the same frame per entry, but every entry has its own
      // headline: posts separated by such titles are separate articles, not replies, and are
      // not joined. Reply titles ("re: …", "回复：…") and the thread's own title are no such
      // boundary.
      if (!more.empty()) {
        const std::string page_norm = StripSpaces(title_tag);
        auto entry_title = [&](uint32_t t) {
          if (!w.alive[t] || w.chars[t] < 4 || w.chars[t] > 200) return false;
          uint32_t words = 0;
          for (uint32_t k = t; k < nodes[t].end; ++k)
            if (w.alive[k] && nodes[k].type == NodeType::kText) words += w.tstats[k].words;
          if (words < rules.entry_title_min_words) return false;  // a date, a label
          std::string norm = ascii::Lower(StripSpaces(SubtreeText(w, t, 600)));
          for (const std::string& pre : rules.reply_title_prefixes)
            if (norm.rfind(pre, 0) == 0) return false;
          return page_norm.find(StripSpaces(SubtreeText(w, t, 600))) == std::string::npos;
        };
        // Entries are separate when (nearly) every gap between two consecutive posts holds an
        // entry title: one section label ("其他回答") between the first answer and the rest is
        // none; one short title ("求助") among twenty does not make a list of entries a thread.
        std::vector<uint32_t> units(more);
        units.push_back(roots.front());
        std::sort(units.begin(), units.end());
        const size_t gaps = units.size() - 1;
        size_t titled_gaps = 0, linked_titles = 0;
        // title_like is in document order and the gaps are disjoint: each title is read once.
        for (size_t u = 1; u < units.size(); ++u) {
          uint32_t title = 0;
          auto t = std::lower_bound(title_like.begin(), title_like.end(), nodes[units[u - 1]].end);
          for (; t != title_like.end() && *t < units[u] && title == 0; ++t)
            if (entry_title(*t)) title = *t;
          if (title == 0) continue;
          ++titled_gaps;
          if (2 * w.link_chars[title] >= w.chars[title]) ++linked_titles;
        }
        const bool separate = gaps > 0 && 5 * titled_gaps >= 4 * gaps;
        // An index of entries: each title links to the entry's own page and the text under it
        // is a short teaser (a forum's thread list with abstracts, a blog index of excerpts).
        // Such a page has no main text of its own.
        if (separate && 5 * linked_titles >= 4 * gaps) {
          std::vector<uint32_t> sizes;
          for (uint32_t u : units) sizes.push_back(w.chars[u]);
          std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2, sizes.end());
          if (sizes[sizes.size() / 2] < rules.index_teaser_max_chars) {
            roots.clear();
            sel->flags.push_back("listing");
            return;
          }
        }
        // Of separate entries the first is the page's own (the newest post of an archive).
        if (separate) {
          more.clear();
          if (units.front() != roots.front()) {
            roots.assign(1, units.front());
            top = units.front();
          }
        }
      }
      if (!more.empty()) {
        thread = true;
        roots.insert(roots.end(), more.begin(), more.end());
        std::sort(roots.begin(), roots.end());
      }
    }
    // Q&A: the answers to one question are built by different templates (the best answer
    // and the others), so they are found by their class (`answer` in rules/html.rules), not
    // by the selection's frame. With one of them selected, every answer with prose joins in
    // page order; a question with its answers is a thread.
    if (!roots.empty() && top != body && top != 0) {
      std::vector<uint32_t> answers;
      uint32_t selected = 0;
      for (uint32_t i = 1; i < n; ++i) {
        if (!w.alive[i]) {
          i = nodes[i].end - 1;
          continue;
        }
        if (!w.answer[i] || nodes[i].type != NodeType::kElement) continue;
        if (w.punct[i] > 0 && LinkDensity(w, i) < 0.5) {
          answers.push_back(i);
          // Selected: inside a root, or holding one (roots are sorted and disjoint).
          auto r = std::lower_bound(roots.begin(), roots.end(), i);
          if (Covered(nodes, roots.begin(), roots.end(), i) ||
              (r != roots.end() && *r < nodes[i].end))
            ++selected;
        }
        i = nodes[i].end - 1;  // an answer's own parts are not answers
      }
      if (selected > 0 && answers.size() >= 2) {
        const size_t before = roots.size();
        for (uint32_t a : answers)
          if (!Covered(nodes, roots.begin(), roots.begin() + before, a)) roots.push_back(a);
        Normalize(nodes, &roots);
        thread = true;
      }
    }
    // Replies nested under a post (楼中楼: Tieba's lzl list, a floor's sub-replies): their
    // text (`subreply` in rules/html.rules, the content element without the replier's name and
    // time) follows its post in page order.
    if (thread && roots.size() > 1) {
      uint32_t scope = nodes[roots.front()].parent;  // the posts' common ancestor
      while (scope != 0 && nodes[scope].end < nodes[roots.back()].end) scope = nodes[scope].parent;
      const uint32_t last = scope != 0 ? nodes[scope].end : n;
      std::vector<uint32_t> subs;
      size_t next_root = 0;  // roots are sorted and disjoint: walk them alongside
      for (uint32_t i = roots.front(); i < last; ++i) {
        if (!w.alive[i]) {
          i = nodes[i].end - 1;
          continue;
        }
        while (next_root < roots.size() && nodes[roots[next_root]].end <= i) ++next_root;
        if (next_root < roots.size() && i >= roots[next_root]) {
          i = nodes[roots[next_root]].end - 1;
          continue;
        }
        if (!w.subreply[i] || nodes[i].type != NodeType::kElement) continue;
        if (w.chars[i] > 0 && LinkDensity(w, i) < 0.5) subs.push_back(i);
        i = nodes[i].end - 1;
      }
      if (!subs.empty()) {
        roots.insert(roots.end(), subs.begin(), subs.end());
        Normalize(nodes, &roots);
      }
    }
    if (thread && !roots.empty()) sel->flags.push_back("thread");
  }
};

}  // namespace

std::unique_ptr<const PageFamily> MakeThreadFamily() { return std::make_unique<ThreadFamily>(); }

}  // namespace html
}  // namespace qingxi
