// Corpus statistics as one self-contained HTML page (see qingxi/stats.h): inline CSS, charts as
// inline SVG drawn here, no script, no web font, no network request — the file can be mailed,
// archived or opened offline. Labels from the corpus (site names, flags) are HTML-escaped.
#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "qingxi/html_escape.h"
#include "qingxi/stats.h"

namespace qingxi::corpus {
namespace {

using Items = std::vector<std::pair<std::string, uint64_t>>;

// 1234567 -> "1,234,567".
std::string Num(uint64_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s;
}

std::string Pct(uint64_t part, uint64_t whole) {
  if (whole == 0) return "";
  char buf[32];
  double p = 100.0 * part / whole;
  std::snprintf(buf, sizeof buf, p < 0.1 && part > 0 ? "%.2f%%" : "%.1f%%", p);
  return buf;
}

std::string Fmt(const char* f, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

// A label cut to `max` code points (with an ellipsis), so that long host names do not push
// the bars out of the chart.
std::string Cut(const std::string& s, size_t max) {
  size_t cps = 0, i = 0;
  while (i < s.size()) {
    if (cps == max) return s.substr(0, i) + "…";
    unsigned char c = static_cast<unsigned char>(s[i]);
    i += c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    ++cps;
  }
  return s;
}

// A "nice" upper bound for an axis: 1, 2 or 5 times a power of ten, at least max.
uint64_t NiceMax(uint64_t max) {
  uint64_t step = 1;
  while (true) {
    for (uint64_t m : {1, 2, 5})
      if (m * step >= max) return std::max<uint64_t>(m * step, 1);
    step *= 10;
  }
}

// Vertical columns for a histogram.
std::string Columns(const Histogram& h, const std::string& color, const std::string& x_title) {
  const int w = 520, ht = 240, left = 56, right = 10, top = 12, bottom = 62;
  const int plot_w = w - left - right, plot_h = ht - top - bottom;
  uint64_t max = 0, total = 0;
  for (uint64_t c : h.counts) {
    max = std::max(max, c);
    total += c;
  }
  const uint64_t axis = NiceMax(max);
  std::string s = "<svg class=\"chart\" viewBox=\"0 0 " + std::to_string(w) + " " +
                  std::to_string(ht) + "\" width=\"" + std::to_string(w) + "\" height=\"" +
                  std::to_string(ht) + "\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">";
  // Grid lines at whole numbers: NiceMax gives 1, 2 or 5 times a power of ten.
  const int ticks = axis % 4 == 0 && axis >= 20 ? 4
                    : axis % 5 == 0             ? 5
                                                : static_cast<int>(std::min<uint64_t>(axis, 2));
  for (int g = 0; g <= ticks; ++g) {
    double y = top + plot_h - plot_h * g / static_cast<double>(ticks);
    s += "<line x1=\"" + std::to_string(left) + "\" x2=\"" + std::to_string(w - right) +
         "\" y1=\"" + Fmt("%.1f", y) + "\" y2=\"" + Fmt("%.1f", y) + "\" class=\"grid\"/>";
    s += "<text x=\"" + std::to_string(left - 6) + "\" y=\"" + Fmt("%.1f", y + 4) +
         "\" class=\"axis\" text-anchor=\"end\">" + Num(axis * g / ticks) + "</text>";
  }
  const size_t n = h.counts.size();
  size_t longest = 0;
  for (const std::string& l : h.labels) longest = std::max(longest, l.size());
  const bool rotate = longest * 6.5 > static_cast<double>(plot_w) / std::max<size_t>(n, 1);
  const double slot = static_cast<double>(plot_w) / std::max<size_t>(n, 1);
  for (size_t i = 0; i < n; ++i) {
    double bh = axis ? plot_h * static_cast<double>(h.counts[i]) / axis : 0;
    double x = left + slot * i + slot * 0.12, bw = slot * 0.76;
    s += "<rect x=\"" + Fmt("%.1f", x) + "\" y=\"" + Fmt("%.1f", top + plot_h - bh) +
         "\" width=\"" + Fmt("%.1f", bw) + "\" height=\"" + Fmt("%.1f", bh) + "\" fill=\"" + color +
         "\"><title>" + HtmlEscape(h.labels[i]) + ": " + Num(h.counts[i]) + " (" +
         Pct(h.counts[i], total) + ")</title></rect>";
    // Long bin labels are turned 35 degrees so that neighbours do not overlap.
    const double lx = x + bw / 2, ly = top + plot_h + 14;
    s += rotate ? "<text x=\"" + Fmt("%.1f", lx) + "\" y=\"" + Fmt("%.1f", ly) +
                      "\" class=\"axis\" "
                      "text-anchor=\"end\" transform=\"rotate(-35 " +
                      Fmt("%.1f", lx) + " " + Fmt("%.1f", ly - 4) + ")\">"
                : "<text x=\"" + Fmt("%.1f", lx) + "\" y=\"" + Fmt("%.1f", ly) +
                      "\" class=\"axis\" text-anchor=\"middle\">";
    s += HtmlEscape(h.labels[i]) + "</text>";
  }
  s += "<text x=\"" + std::to_string(left + plot_w / 2) + "\" y=\"" + std::to_string(ht - 4) +
       "\" class=\"axis-title\" text-anchor=\"middle\">" + HtmlEscape(x_title) + "</text>";
  return s + "</svg>";
}

// Horizontal bars for counts by category, largest first, at most `limit` rows.
std::string Bars(Items items, const std::string& color, size_t limit, uint64_t whole) {
  if (items.empty()) return "<p class=\"none\">none</p>";
  std::stable_sort(items.begin(), items.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  const size_t shown = std::min(limit, items.size());
  const int w = 520, row = 22, label_w = 170, count_w = 120;
  const int bar_w = w - label_w - count_w;
  const int ht = static_cast<int>(shown) * row + 6;
  uint64_t max = 0;
  for (size_t i = 0; i < shown; ++i) max = std::max(max, items[i].second);
  std::string s = "<svg class=\"chart\" viewBox=\"0 0 " + std::to_string(w) + " " +
                  std::to_string(ht) + "\" width=\"" + std::to_string(w) + "\" height=\"" +
                  std::to_string(ht) + "\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">";
  for (size_t i = 0; i < shown; ++i) {
    const int y = static_cast<int>(i) * row + 3;
    double bw = max ? std::max(1.0, bar_w * static_cast<double>(items[i].second) / max) : 0;
    s += "<text x=\"" + std::to_string(label_w - 8) + "\" y=\"" + std::to_string(y + 15) +
         "\" class=\"label\" text-anchor=\"end\">" + HtmlEscape(Cut(items[i].first, 24)) + "</text>";
    s += "<rect x=\"" + std::to_string(label_w) + "\" y=\"" + std::to_string(y + 3) +
         "\" width=\"" + Fmt("%.1f", bw) + "\" height=\"" + std::to_string(row - 6) + "\" fill=\"" +
         color + "\"><title>" + HtmlEscape(items[i].first) + ": " + Num(items[i].second) +
         "</title></rect>";
    s += "<text x=\"" + Fmt("%.1f", label_w + bw + 6) + "\" y=\"" + std::to_string(y + 15) +
         "\" class=\"value\">" + Num(items[i].second) +
         (whole ? " <tspan class=\"pct\">" + Pct(items[i].second, whole) + "</tspan>" : "") +
         "</text>";
  }
  s += "</svg>";
  if (items.size() > shown)
    s += "<p class=\"note\">" + Num(shown) + " of " + Num(items.size()) + " shown.</p>";
  return s;
}

Items ToItems(const std::map<std::string, uint64_t>& m) { return Items(m.begin(), m.end()); }

std::string Card(const std::string& value, const std::string& label, const std::string& sub = "") {
  return "<div class=\"card\"><div class=\"v\">" + value + "</div><div class=\"k\">" + label +
         "</div>" + (sub.empty() ? "" : "<div class=\"s\">" + sub + "</div>") + "</div>";
}

std::string Panel(const std::string& title, const std::string& caption, const std::string& body) {
  return "<section class=\"panel\"><h3>" + title + "</h3>" +
         (caption.empty() ? "" : "<p class=\"cap\">" + caption + "</p>") + body + "</section>";
}

uint64_t Sum(const std::map<std::string, uint64_t>& m) {
  uint64_t n = 0;
  for (const auto& [k, v] : m) n += v;
  return n;
}

constexpr char kStyle[] = R"(
:root{--ink:#1f2933;--muted:#616e7c;--line:#e4e7eb;--bg:#f5f7fa}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 "Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei","DejaVu Sans",sans-serif}
header{background:#243b53;color:#fff;padding:22px 32px}
header h1{margin:0;font-size:24px;font-weight:600}
header p{margin:4px 0 0;color:#bcccdc;font-size:13px;word-break:break-all}
main{max-width:1120px;margin:0 auto;padding:20px 24px 40px}
h2{font-size:19px;margin:28px 0 10px;border-bottom:2px solid var(--line);padding-bottom:4px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:12px}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 14px}
.card .v{font-size:22px;font-weight:700}
.card .k{color:var(--muted);font-size:13px}
.card .s{color:var(--muted);font-size:12px}
.grid2{display:grid;grid-template-columns:repeat(auto-fill,minmax(480px,1fr));gap:14px}
.panel{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 14px;overflow-x:auto}
.panel h3{margin:0 0 2px;font-size:15px}
.cap{margin:0 0 8px;color:var(--muted);font-size:12.5px}
.none,.note{color:var(--muted);font-size:13px;margin:6px 0}
svg.chart{display:block;width:100%;max-width:560px;height:auto}
svg .grid{stroke:#e4e7eb;stroke-width:1}
svg .axis{font-size:10.5px;fill:#52606d}
svg .axis-title{font-size:11.5px;fill:#52606d}
svg .label{font-size:12px;fill:#1f2933}
svg .value{font-size:12px;fill:#1f2933}
svg .pct{fill:#7b8794}
footer{color:var(--muted);font-size:12px;text-align:center;margin-top:30px}
)";

struct SignalInfo {
  const char* key;
  const char* title;
  const char* caption;
};
constexpr SignalInfo kSignalInfo[] = {
    {"han_ratio", "Han ratio", "Han characters / non-space characters. Low: not Chinese prose."},
    {"punct_ratio", "Punctuation ratio",
     "CJK and ASCII sentence punctuation / non-space characters. Near 0: lists, menus."},
    {"end_punct_line_frac", "Lines ending a sentence",
     "Lines ending with 。！？… / lines. Low: headlines, link lists."},
    {"dup_line_frac", "Duplicate lines",
     "Characters in lines repeating an earlier line / characters."},
    {"dup_ngram_frac", "Duplicate 8-grams",
     "Characters inside repeated 8-character n-grams / non-space characters."},
    {"top_char_frac", "Most frequent character",
     "Count of the commonest character / non-space characters."},
    {"digit_ratio", "Digit ratio", "Digits / non-space characters. High: tables, prices, scores."},
    {"ascii_ratio", "ASCII ratio",
     "ASCII characters / non-space characters. High: code, English, URLs."},
};

}  // namespace

std::string CorpusStats::ToHtml(std::string_view title) const {
  const uint64_t documents = records_ - errors_;
  std::string h;
  h.reserve(64 << 10);
  h += "<!DOCTYPE html><html lang=\"zh-Hans\"><head><meta charset=\"utf-8\">"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
       "<title>qingxi corpus report</title><style>";
  h += kStyle;
  h +=
      "</style></head><body><header><h1>Corpus report</h1><p>" + HtmlEscape(title) + "</p></header><main>";

  // --- at a glance ---
  h += "<h2>At a glance</h2><div class=\"cards\">";
  h += Card(Num(records_), "records", malformed_ ? Num(malformed_) + " malformed lines" : "");
  h += Card(Num(documents), "documents with text", Num(empty_text_) + " with empty text");
  h += Card(Num(errors_), "error records", Pct(errors_, records_));
  h += Card(Num(text_chars_), "characters of text",
            documents ? "mean " + Num(text_chars_ / documents) + " per document" : "");
  h += Card(Num(han_chars_), "Han characters", Pct(han_chars_, text_chars_) + " of characters");
  h += Card(Num(by_site_.size() + (other_sites_ ? 1 : 0)), "sites", "hosts of the records' URLs");
  if (run_files_ > 0) {
    h += Card(Num(Sum(skipped_)), "inputs skipped", "not documents");
    h += Card(Num(Sum(dropped_)), "documents dropped", "by filters");
  }
  if (dedup_removed_ > 0)
    h += Card(Num(dedup_removed_), "duplicates removed", "from dedup reports");
  h += "</div>";

  // --- length ---
  h += "<h2>Length</h2><div class=\"grid2\">";
  h += Panel("Text length", "Characters of clean text per document (log-spaced bins).",
             Columns(length_, "#2f80ed", "characters"));
  h += Panel("Paragraphs", "Non-empty lines (paragraphs) per document.",
             Columns(lines_, "#27ae60", "lines"));
  h += "</div>";

  // --- composition ---
  h += "<h2>What the records are</h2><div class=\"grid2\">";
  h += Panel("Flags", "Records carrying each flag (a record may carry several).",
             Bars(ToItems(by_flag_), "#eb5757", 20, documents));
  h += Panel("Script of the source", "Writing system of the input, before conversion.",
             Bars(ToItems(by_script_), "#9b51e0", 10, documents));
  Items years(by_year_.rbegin(), by_year_.rend());
  h += Panel("Year", "Year of the page's date; unknown when no date was found.",
             Bars(years, "#f2994a", 25, documents));
  h += Panel("Encoding", "Charset the page was decoded from.",
             Bars(ToItems(by_encoding_), "#56ccf2", 12, documents));
  h += Panel("Error kinds", "Error records by the stage that failed.",
             Bars(ToItems(by_error_), "#828282", 12, errors_));
  Items sites(by_site_.begin(), by_site_.end());
  if (other_sites_) sites.emplace_back("(other sites)", other_sites_);
  h += Panel("Top sites", "Records per host of the URL (or of the source when it is a URL).",
             Bars(sites, "#219653", 30, records_));
  h += "</div>";

  // --- quality signals ---
  h += "<h2>Quality signals</h2><p class=\"cap\">Distribution over documents with text; each bin "
       "is 0.1 wide (formulas in docs/signals.md).</p><div class=\"grid2\">";
  for (const SignalInfo& info : kSignalInfo) {
    auto it = signals_.find(info.key);
    if (it != signals_.end())
      h += Panel(info.title, info.caption, Columns(it->second, "#5c6ac4", info.key));
  }
  h += "</div>";

  // --- runs ---
  h += "<h2>Filtering and duplicates</h2><div class=\"grid2\">";
  if (run_files_ == 0) {
    h += Panel("Runs", "",
               "<p class=\"none\">No run summaries given (qingxi stats --run FILE, "
               "FILE written by clean --stats or crawl --stats).</p>");
  } else {
    h += Panel("Not documents (skipped)", "Inputs that were not pages, by reason.",
               Bars(ToItems(skipped_), "#a0aec0", 20, 0));
    h += Panel("Dropped by filters", "Documents removed by --min-han-chars and --drop-flags.",
               Bars(ToItems(dropped_), "#eb5757", 20, 0));
    if (!by_status_.empty())
      h += Panel("HTTP status (crawl)", "Responses by status.",
                 Bars(ToItems(by_status_), "#56ccf2", 20, 0));
  }
  if (dedup_removed_ == 0) {
    h += Panel("Duplicates", "",
               "<p class=\"none\">No dedup report given (qingxi stats --dedup-report FILE).</p>");
  } else {
    h += Panel("Duplicates removed",
               Num(dedup_removed_) + " records removed, by estimated similarity to the kept one.",
               Columns(dedup_similarity_, "#f2994a", "similarity"));
  }
  h += "</div><footer>qingxi stats · a self-contained page: no script, no "
       "network</footer></main></body></html>\n";
  return h;
}

}  // namespace qingxi::corpus
