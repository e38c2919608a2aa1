// Corpus statistics: counting (see qingxi/stats.h). The HTML page is in stats_html.cc.
#include "qingxi/stats.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <nlohmann/json.hpp>

#include "qingxi/signals.h"

namespace qingxi::corpus {
namespace {

Histogram MakeHistogram(std::vector<double> edges, std::vector<std::string> labels) {
  Histogram h;
  h.edges = std::move(edges);
  h.labels = std::move(labels);
  h.counts.assign(h.edges.size(), 0);
  return h;
}

Histogram RatioHistogram() {
  std::vector<double> edges;
  std::vector<std::string> labels;
  for (int i = 0; i < 10; ++i) {
    edges.push_back(i / 10.0);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f", i / 10.0);
    labels.push_back(buf);
  }
  return MakeHistogram(edges, labels);
}

// The signals drawn as histograms (ratios in [0, 1]).
constexpr const char* kSignalHistograms[] = {
    "han_ratio",      "punct_ratio",   "end_punct_line_frac", "dup_line_frac",
    "dup_ngram_frac", "top_char_frac", "digit_ratio",         "ascii_ratio"};

// The host of a URL ("http://News.Example.cn:8080/a" -> "news.example.cn"), "" if not a URL.
std::string HostOf(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos || scheme == 0) return "";
  for (size_t i = 0; i < scheme; ++i)
    if (!std::isalpha(static_cast<unsigned char>(url[i]))) return "";
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (size_t at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
  if (!rest.empty() && rest.front() == '[') {
    rest = rest.substr(0, rest.find(']') + 1);
  } else {
    rest = rest.substr(0, rest.find(':'));
  }
  std::string host(rest);
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return host;
}

std::string Str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void AddCounts(const nlohmann::json& j, const char* key, std::map<std::string, uint64_t>* into) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_object()) return;
  for (auto e = it->begin(); e != it->end(); ++e)
    if (e->is_number_unsigned() || e->is_number_integer()) (*into)[e.key()] += e->get<uint64_t>();
}

nlohmann::json HistogramJson(const Histogram& h) {
  return nlohmann::json{{"bins", h.labels}, {"counts", h.counts}};
}

}  // namespace

void Histogram::Add(double v) {
  if (edges.empty() || std::isnan(v)) return;
  size_t i = static_cast<size_t>(std::upper_bound(edges.begin(), edges.end(), v) - edges.begin());
  counts[i == 0 ? 0 : i - 1]++;
}

CorpusStats::CorpusStats() {
  length_ = MakeHistogram({0, 1, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000},
                          {"0", "1-49", "50-99", "100-199", "200-499", "500-999", "1k-2k", "2k-5k",
                           "5k-10k", "10k-20k", "20k-50k", "50k+"});
  lines_ =
      MakeHistogram({0, 1, 2, 3, 5, 10, 20, 50, 100, 200},
                    {"0", "1", "2", "3-4", "5-9", "10-19", "20-49", "50-99", "100-199", "200+"});
  for (const char* name : kSignalHistograms) signals_[name] = RatioHistogram();
  dedup_similarity_ =
      MakeHistogram({0, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0},
                    {"<0.5", "0.5", "0.6", "0.7", "0.8", "0.85", "0.9", "0.95", "1.0"});
}

void CorpusStats::CountSite(const std::string& host) {
  auto it = by_site_.find(host);
  if (it != by_site_.end()) {
    ++it->second;
  } else if (by_site_.size() < kMaxSites) {
    by_site_.emplace(host, 1);
  } else {
    ++other_sites_;
  }
}

void CorpusStats::AddLine(std::string_view line) {
  if (line.find_first_not_of(" \t\r\n") == std::string_view::npos) return;
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    ++malformed_;
    return;
  }
  ++records_;
  std::string url = Str(j, "url");
  std::string host = HostOf(url.empty() ? Str(j, "source") : url);
  CountSite(host.empty() ? "(no URL)" : host);
  if (std::string error = Str(j, "error"); !error.empty()) {
    ++errors_;
    size_t colon = error.find(':');
    ++by_error_[colon == std::string::npos ? error : error.substr(0, colon)];
    return;
  }
  if (auto f = j.find("flags"); f != j.end() && f->is_array())
    for (const auto& x : *f)
      if (x.is_string()) ++by_flag_[x.get<std::string>()];
  std::string script = Str(j, "script");
  ++by_script_[script.empty() ? "unknown" : script];
  std::string encoding = Str(j, "encoding");
  if (!encoding.empty()) ++by_encoding_[encoding];
  std::string date = Str(j, "date");
  bool year = date.size() >= 4 && std::all_of(date.begin(), date.begin() + 4,
                                              [](char c) { return c >= '0' && c <= '9'; });
  ++by_year_[year ? date.substr(0, 4) : "unknown"];

  const std::string text = Str(j, "text");
  text_bytes_ += text.size();
  if (text.empty()) ++empty_text_;
  // The record's own signals when it has them (clean --signals), else computed here.
  const nlohmann::json* s = nullptr;
  nlohmann::json computed;
  auto sig = j.find("signals");
  if (sig != j.end() && sig->is_object() && sig->contains("chars")) {
    s = &*sig;
  } else {
    computed = nlohmann::json::parse(SignalsToJson(ComputeSignals(text)));
    s = &computed;
  }
  auto num = [&](const char* k) {
    auto it = s->find(k);
    return it != s->end() && it->is_number() ? it->get<double>() : 0.0;
  };
  text_chars_ += static_cast<uint64_t>(num("chars"));
  han_chars_ += static_cast<uint64_t>(num("han_chars"));
  length_.Add(num("chars"));
  lines_.Add(num("lines"));
  if (!text.empty())
    for (auto& [name, h] : signals_) h.Add(std::min(num(name.c_str()), 0.999999));
}

Status CorpusStats::AddRunStats(std::string_view json) {
  nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("command"))
    return Status::InvalidArgument("not a run summary written by --stats (no \"command\" key)");
  ++run_files_;
  AddCounts(j, "skipped", &skipped_);
  AddCounts(j, "dropped", &dropped_);
  AddCounts(j, "by_status", &by_status_);
  return Status::Ok();
}

Status CorpusStats::AddDedupReportLine(std::string_view line) {
  if (line.find_first_not_of(" \t\r\n") == std::string_view::npos) return Status::Ok();
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("duplicate_of"))
    return Status::InvalidArgument("not a dedup report line (no \"duplicate_of\" key)");
  ++dedup_removed_;
  auto s = j.find("similarity");
  if (s != j.end() && s->is_number()) dedup_similarity_.Add(s->get<double>());
  return Status::Ok();
}

void CorpusStats::Merge(const CorpusStats& o) {
  auto add = [](const Counts& from, Counts* to) {
    for (const auto& [k, v] : from) (*to)[k] += v;
  };
  auto add_h = [](const Histogram& from, Histogram* to) {
    for (size_t i = 0; i < from.counts.size(); ++i) to->counts[i] += from.counts[i];
  };
  records_ += o.records_;
  errors_ += o.errors_;
  malformed_ += o.malformed_;
  text_chars_ += o.text_chars_;
  han_chars_ += o.han_chars_;
  text_bytes_ += o.text_bytes_;
  empty_text_ += o.empty_text_;
  add(o.by_flag_, &by_flag_);
  add(o.by_script_, &by_script_);
  add(o.by_year_, &by_year_);
  add(o.by_error_, &by_error_);
  add(o.by_encoding_, &by_encoding_);
  for (const auto& [host, n] : o.by_site_) {
    auto it = by_site_.find(host);
    if (it != by_site_.end())
      it->second += n;
    else if (by_site_.size() < kMaxSites)
      by_site_.emplace(host, n);
    else
      other_sites_ += n;
  }
  other_sites_ += o.other_sites_;
  add_h(o.length_, &length_);
  add_h(o.lines_, &lines_);
  for (const auto& [k, h] : o.signals_) add_h(h, &signals_[k]);
  run_files_ += o.run_files_;
  add(o.skipped_, &skipped_);
  add(o.dropped_, &dropped_);
  add(o.by_status_, &by_status_);
  dedup_removed_ += o.dedup_removed_;
  add_h(o.dedup_similarity_, &dedup_similarity_);
}

std::string CorpusStats::ToJson() const {
  nlohmann::ordered_json j;
  j["records"] = records_;
  j["documents"] = records_ - errors_;
  j["error_records"] = errors_;
  j["malformed_lines"] = malformed_;
  j["empty_text"] = empty_text_;
  j["text_bytes"] = text_bytes_;
  j["text_chars"] = text_chars_;
  j["han_chars"] = han_chars_;
  j["by_flag"] = by_flag_;
  j["by_script"] = by_script_;
  j["by_year"] = by_year_;
  j["by_error"] = by_error_;
  j["by_encoding"] = by_encoding_;
  j["sites"] = by_site_.size();
  // Sites by document count, most first (ties by name), so the head of the list is the top.
  std::vector<std::pair<std::string, uint64_t>> sites(by_site_.begin(), by_site_.end());
  std::stable_sort(sites.begin(), sites.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  nlohmann::ordered_json site_list = nlohmann::ordered_json::array();
  for (const auto& [host, n] : sites) site_list.push_back({{"site", host}, {"documents", n}});
  j["by_site"] = site_list;
  j["other_sites_documents"] = other_sites_;
  j["length_chars"] = HistogramJson(length_);
  j["lines"] = HistogramJson(lines_);
  nlohmann::ordered_json sig;
  for (const char* name : kSignalHistograms) sig[name] = HistogramJson(signals_.at(name));
  j["signals"] = sig;
  nlohmann::ordered_json runs;
  runs["stats_files"] = run_files_;
  runs["skipped"] = skipped_;
  runs["dropped"] = dropped_;
  runs["by_status"] = by_status_;
  j["runs"] = runs;
  j["dedup"] = {{"removed", dedup_removed_}, {"similarity", HistogramJson(dedup_similarity_)}};
  return j.dump(2);
}

}  // namespace qingxi::corpus
