// Renders an explanation as one HTML page (cli/explain_page.h).
#include "explain_page.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <string_view>
#include <vector>

#include "qingxi/html_escape.h"
#include "qingxi/utf8.h"

namespace qingxi::cli {
namespace {

std::string Squeeze(std::string_view s) { return utf8::RemoveSpace(s); }

// Removals that may sit inside a line of the source: the line cleaners' cuts, and whatever the
// extractor dropped (an element inside a sentence: ruby annotations, hidden spans). The line
// cleaners' other removals are whole lines.
bool CutsInsideLines(const Removal& x) {
  return x.stage != Stage::kClean || x.reason == "watermark" || x.reason == "pinyin" ||
         x.reason.rfind("mojibake", 0) == 0;
}

// Whether s[at, at+len) stands as a line of its own: at the block's edges or between spaces
// or punctuation, not inside a word or a sentence.
bool StandsAlone(std::string_view s, size_t at, size_t len) {
  auto boundary = [](char32_t c) {
    return utf8::IsSpace(c) || utf8::IsCjkPunct(c) ||
           (c < 0x80 && !std::isalnum(static_cast<int>(c)));
  };
  if (at > 0) {
    size_t p = at - 1;
    while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
    size_t q = p;
    if (!boundary(utf8::Next(s, &q))) return false;
  }
  if (at + len < s.size()) {
    size_t q = at + len;
    if (!boundary(utf8::Next(s, &q))) return false;
  }
  return true;
}

struct Mark {
  size_t begin, end;
  int removal;  // index into e.removed, -2 for text found in neither kept nor removed
};

// The part s[begin, end) that no removal was placed on, split into runs: kept runs (the longest
// prefix found in the kept text, at least kMinKeptRun code points or up to the gap's end) are
// left unmarked; each other run is given to the removal that holds it, else marked as
// unexplained (-2). Short runs are not trusted as kept: two characters of a removed line are
// found in almost any kept text.
constexpr size_t kMinKeptRun = 6;

std::vector<Mark> SplitGap(std::string_view s, size_t begin, size_t end, const std::string& kept,
                           const std::vector<std::string>& squeezed) {
  std::vector<Mark> out;
  std::vector<size_t> cps;  // code point boundaries of the gap
  for (size_t p = begin; p < end;) {
    cps.push_back(p);
    utf8::Next(s, &p);
  }
  cps.push_back(end);
  auto in_kept = [&](size_t i, size_t j) {
    const std::string piece = Squeeze(s.substr(cps[i], cps[j] - cps[i]));
    return piece.empty() || kept.find(piece) != std::string::npos;
  };
  size_t i = 0;
  const size_t n = cps.size() - 1;
  while (i < n) {
    // The longest kept run from i (a prefix of a kept run is kept too: binary search).
    size_t lo = i, hi = n;
    while (lo < hi) {
      const size_t mid = (lo + hi + 1) / 2;
      if (in_kept(i, mid))
        lo = mid;
      else
        hi = mid - 1;
    }
    if (lo > i && (lo - i >= kMinKeptRun || lo == n)) {
      i = lo;
      continue;
    }
    // Not kept from here: extend up to the next kept run.
    size_t j = i + 1;
    while (j < n && !in_kept(j, std::min(n, j + kMinKeptRun))) ++j;
    // Cover the run with removals: from each point, the longest stretch one removal holds
    // (lines dropped one by one that the page printed without a space between them).
    auto owner_of = [&](size_t x, size_t y) {
      const std::string piece = Squeeze(s.substr(cps[x], cps[y] - cps[x]));
      if (piece.empty()) return -1;
      for (size_t k = 0; k < squeezed.size(); ++k)
        if (squeezed[k].find(piece) != std::string::npos) return static_cast<int>(k);
      return -2;
    };
    for (size_t x = i; x < j;) {
      size_t a = x, z = j;  // the longest y in (x, j] with an owner for [x, y)
      while (a < z) {
        const size_t mid = (a + z + 1) / 2;
        if (owner_of(x, mid) != -2)
          a = mid;
        else
          z = mid - 1;
      }
      const size_t y = a > x ? a : x + 1;
      const int owner = a > x ? owner_of(x, y) : -2;
      if (owner != -1) {
        if (!out.empty() && out.back().end == cps[x] && out.back().removal == owner)
          out.back().end = cps[y];
        else
          out.push_back({cps[x], cps[y], owner});
      }
      x = y;
    }
    i = j;
  }
  return out;
}

// One colour per stage family, lighter and darker shades per reason within it.
const char* const kPalette[] = {
    "#f4c7c3", "#fce8b2", "#b7e1cd", "#c9daf8", "#d9d2e9", "#f9cb9c", "#ead1dc", "#d0e0e3",
    "#e6b8af", "#ffe599", "#b6d7a8", "#a4c2f4", "#b4a7d6", "#f6b26b", "#d5a6bd", "#a2c4c9",
};
constexpr int kPaletteSize = sizeof kPalette / sizeof kPalette[0];

constexpr const char* kStyle =
    "body{font:16px/1.7 -apple-system,'Noto Sans CJK SC','Source Han Sans SC','PingFang SC',"
    "'Microsoft YaHei',sans-serif;max-width:60em;margin:1.5em auto;padding:0 1em;color:#222}"
    "header p{color:#555;margin:.2em 0}"
    ".legend{display:flex;flex-wrap:wrap;gap:.4em .8em;margin:1em 0;padding:.6em;"
    "border:1px solid #ddd;border-radius:4px;font-size:14px}"
    ".legend span{padding:0 .4em;border-radius:3px}"
    ".doc p{margin:.35em 0;padding-left:.6em;border-left:3px solid #eee}"
    ".doc p.kept{border-left-color:#6aa84f}"
    "del{text-decoration:line-through;text-decoration-color:#900;color:#555;border-radius:2px}"
    ".unexplained{background:#ff0;outline:1px dashed #c00}"
    "pre{white-space:pre-wrap;background:#f7f7f7;padding:.8em}"
    "table{border-collapse:collapse;font-size:14px}td,th{border:1px solid #ddd;padding:.2em .5em;"
    "text-align:left;vertical-align:top}";

}  // namespace

std::string RenderExplainPage(const Record& r, const Explanation& e, const Record& written) {
  const std::string kept = Squeeze(r.title + r.text);
  const size_t nr = e.removed.size();
  std::vector<std::string> squeezed(nr);
  for (size_t k = 0; k < nr; ++k) squeezed[k] = Squeeze(e.removed[k].text);
  std::vector<uint8_t> placed(nr, 0);

  // Reasons in order of first appearance: the colour classes and the legend.
  std::vector<std::pair<std::string, Stage>> reasons;
  std::map<std::string, int> reason_class, reason_count;
  for (const Removal& x : e.removed) {
    const std::string key = std::string(StageName(x.stage)) + " · " + x.reason;
    if (!reason_class.count(key)) {
      reason_class[key] = static_cast<int>(reasons.size());
      reasons.push_back({x.reason, x.stage});
    }
    ++reason_count[key];
  }
  auto class_of = [&](const Removal& x) {
    return reason_class[std::string(StageName(x.stage)) + " · " + x.reason];
  };

  // Place the removals in the source blocks.
  const size_t nb = e.source.size();
  std::vector<std::vector<Mark>> marks(nb);
  std::vector<std::string> block_squeezed(nb);
  for (size_t b = 0; b < nb; ++b) block_squeezed[b] = Squeeze(e.source[b]);
  auto free_range = [&](size_t b, size_t begin, size_t end) {
    for (const Mark& m : marks[b])
      if (begin < m.end && m.begin < end) return false;
    return true;
  };
  // 1. Whole blocks, in reading order.
  for (size_t b = 0; b < nb; ++b) {
    if (block_squeezed[b].empty()) continue;
    for (size_t k = 0; k < nr; ++k) {
      if (placed[k] || squeezed[k] != block_squeezed[b]) continue;
      marks[b].push_back({0, e.source[b].size(), static_cast<int>(k)});
      placed[k] = 1;
      break;
    }
  }
  // 2. Spans, longest first, in blocks that are not wholly kept.
  std::vector<size_t> by_length;
  for (size_t k = 0; k < nr; ++k)
    if (!placed[k] && !squeezed[k].empty()) by_length.push_back(k);
  std::stable_sort(by_length.begin(), by_length.end(), [&](size_t a, size_t b) {
    return e.removed[a].text.size() > e.removed[b].text.size();
  });
  for (size_t k : by_length) {
    const std::string& t = e.removed[k].text;
    for (size_t b = 0; b < nb && !placed[k]; ++b) {
      if (!marks[b].empty() && marks[b][0].begin == 0 && marks[b][0].end == e.source[b].size())
        continue;
      if (kept.find(block_squeezed[b]) != std::string::npos) continue;
      for (size_t at = e.source[b].find(t); at != std::string::npos;
           at = e.source[b].find(t, at + 1)) {
        if (free_range(b, at, at + t.size()) &&
            (CutsInsideLines(e.removed[k]) || StandsAlone(e.source[b], at, t.size()))) {
          marks[b].push_back({at, at + t.size(), static_cast<int>(k)});
          placed[k] = 1;
          break;
        }
      }
    }
  }
  // 3. A line edited before it was dropped (pinyin stripped from a metadata line): what is left
  // of the block after the cuts placed in it is the removal's text.
  for (size_t b = 0; b < nb; ++b) {
    if (marks[b].empty()) continue;
    std::sort(marks[b].begin(), marks[b].end(),
              [](const Mark& x, const Mark& y) { return x.begin < y.begin; });
    const std::string& s = e.source[b];
    std::vector<std::pair<size_t, size_t>> gaps;
    std::string rest;
    size_t pos = 0;
    for (size_t m = 0; m <= marks[b].size(); ++m) {
      const size_t end = m < marks[b].size() ? marks[b][m].begin : s.size();
      if (end > pos) {
        gaps.push_back({pos, end});
        rest += s.substr(pos, end - pos);
      }
      if (m < marks[b].size()) pos = std::max(pos, marks[b][m].end);
    }
    rest = Squeeze(rest);
    if (rest.empty()) continue;
    for (size_t k = 0; k < nr; ++k) {
      if (placed[k] || squeezed[k] != rest) continue;
      for (const auto& [gb, ge] : gaps) marks[b].push_back({gb, ge, static_cast<int>(k)});
      placed[k] = 1;
      break;
    }
  }
  // 4. What is left of each block and is not kept text: the removal that holds it without
  // spaces (a line edited before it was dropped), else flagged as unexplained.
  for (size_t b = 0; b < nb; ++b) {
    std::sort(marks[b].begin(), marks[b].end(),
              [](const Mark& x, const Mark& y) { return x.begin < y.begin; });
    std::vector<Mark> gaps;
    size_t pos = 0;
    const std::string& s = e.source[b];
    for (size_t m = 0; m <= marks[b].size(); ++m) {
      const size_t end = m < marks[b].size() ? marks[b][m].begin : s.size();
      if (end > pos) {
        for (const Mark& g : SplitGap(s, pos, end, kept, squeezed)) {
          if (g.removal >= 0) placed[g.removal] = 1;
          gaps.push_back(g);
        }
      }
      if (m < marks[b].size()) pos = std::max(pos, marks[b][m].end);
    }
    marks[b].insert(marks[b].end(), gaps.begin(), gaps.end());
    std::sort(marks[b].begin(), marks[b].end(),
              [](const Mark& x, const Mark& y) { return x.begin < y.begin; });
  }

  // --- the page ---
  size_t removed_chars = 0;
  for (const Removal& x : e.removed) removed_chars += utf8::CountCodePoints(x.text);
  std::string h;
  h.reserve(4096 + 2 * (r.text.size() + removed_chars * 3));
  h += "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">"
       "<meta name=\"viewport\" content=\"width=device-width\">"
       "<title>qingxi explain: " +
       HtmlEscape(r.source) + "</title><style>";
  h += kStyle;
  for (size_t c = 0; c < reasons.size(); ++c) {
    char rule[80];
    snprintf(rule, sizeof rule, ".c%zu{background:%s}", c, kPalette[c % kPaletteSize]);
    h += rule;
  }
  h += "</style></head><body>\n<header><h1>" + HtmlEscape(r.title.empty() ? r.source : r.title) +
       "</h1>\n";
  h += "<p>source: " + HtmlEscape(r.source) +
       (r.url.empty() ? "" : " · url: " + HtmlEscape(r.url)) + "</p>\n";
  std::string flags;
  for (const std::string& f : r.flags) flags += (flags.empty() ? "" : ", ") + f;
  h += "<p>encoding: " + HtmlEscape(r.encoding.empty() ? "-" : r.encoding) +
       " · date: " + HtmlEscape(r.date.empty() ? "-" : r.date) +
       " · flags: " + HtmlEscape(flags.empty() ? "-" : flags) + "</p>\n";
  h += "<p>kept " + std::to_string(utf8::CountCodePoints(r.title) + utf8::CountCodePoints(r.text)) +
       " characters · removed " + std::to_string(removed_chars) + " characters in " +
       std::to_string(nr) + " parts · converted " + std::to_string(e.converted_chars) +
       " characters · invalid bytes replaced " + std::to_string(e.decode_replacements) + "</p>\n";
  if (r.is_error()) h += "<p><strong>error record: " + HtmlEscape(r.error) + "</strong></p>\n";
  h += "</header>\n<section class=\"legend\" aria-label=\"legend\"><span>kept text: plain</span>";
  for (size_t c = 0; c < reasons.size(); ++c) {
    const std::string key = std::string(StageName(reasons[c].second)) + " · " + reasons[c].first;
    h += "<span class=\"c" + std::to_string(c) + "\"><del>" + HtmlEscape(key) + "</del> " +
         std::to_string(reason_count[key]) + "</span>";
  }
  size_t unexplained = 0;
  for (const auto& ms : marks)
    for (const Mark& m : ms) unexplained += m.removal == -2;
  if (unexplained)
    h += "<span class=\"unexplained\">unexplained " + std::to_string(unexplained) + "</span>";
  h += "</section>\n<main class=\"doc\">\n";
  auto removal_html = [&](int k, std::string_view text) {
    if (k < 0)
      return "<span class=\"unexplained\" title=\"neither kept nor explained\">" +
             HtmlEscape(text) + "</span>";
    const Removal& x = e.removed[k];
    const std::string tip =
        std::string(StageName(x.stage)) + " · " + x.reason + (x.rule.empty() ? "" : " — " + x.rule);
    return "<del class=\"c" + std::to_string(class_of(x)) + "\" title=\"" + HtmlEscape(tip) +
           "\">" + HtmlEscape(text) + "</del>";
  };
  for (size_t b = 0; b < nb; ++b) {
    const std::string& s = e.source[b];
    if (s.empty()) continue;
    h += marks[b].empty() ? "<p class=\"kept\">" : "<p>";
    size_t pos = 0;
    for (const Mark& m : marks[b]) {
      if (m.begin < pos) continue;
      h += HtmlEscape(std::string_view(s).substr(pos, m.begin - pos));
      h += removal_html(m.removal, std::string_view(s).substr(m.begin, m.end - m.begin));
      pos = m.end;
    }
    h += HtmlEscape(std::string_view(s).substr(pos));
    h += "</p>\n";
  }
  h += "</main>\n";
  bool others = false;
  for (size_t k = 0; k < nr; ++k) {
    if (placed[k]) continue;
    if (!others) {
      h += "<section><h2>Other removals</h2><table><tr><th>stage</th><th>reason</th><th>text</th>"
           "<th>rule</th></tr>\n";
      others = true;
    }
    const Removal& x = e.removed[k];
    h += "<tr><td>" + std::string(StageName(x.stage)) + "</td><td>" + HtmlEscape(x.reason) +
         "</td><td>" + removal_html(static_cast<int>(k), x.text) + "</td><td>" +
         HtmlEscape(x.rule) + "</td></tr>\n";
  }
  if (others) h += "</table></section>\n";
  h += "<section><h2>The record</h2><details open><summary>" + HtmlEscape(written.title) +
       "</summary><pre>" + HtmlEscape(written.text) +
       "</pre></details></section>\n</body></html>\n";
  return h;
}

}  // namespace qingxi::cli
