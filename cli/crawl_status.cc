// The text and JSON forms of `qingxi crawl --status`; see crawl_status.h.
#include "crawl_status.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>

namespace qingxi::cli {
namespace {

// The due histogram: whole hours from now for the first day, then whole days.
struct DueBuckets {
  std::map<int64_t, int64_t> hours;  // hour 0..23 -> URLs
  std::map<int64_t, int64_t> days;   // day 1.. -> URLs
};

DueBuckets Bucket(const fetch::CrawlReport& r) {
  DueBuckets b;
  for (const auto& [hour, n] : r.due_by_hour) {
    if (hour < 24)
      b.hours[hour] += n;
    else
      b.days[hour / 24] += n;
  }
  return b;
}

std::string Fmt(const char* format, long long a, long long b = 0, long long c = 0) {
  char buf[128];
  std::snprintf(buf, sizeof buf, format, a, b, c);
  return buf;
}

}  // namespace

std::string UtcTime(int64_t unix_seconds) {
  time_t t = static_cast<time_t>(unix_seconds);
  struct tm tm;
  gmtime_r(&t, &tm);
  char when[64];
  std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", &tm);
  return when;
}

std::string TimeUntil(int64_t when, int64_t now) {
  const int64_t left = std::max<int64_t>(0, when - now);
  if (left >= 86400) return Fmt("%lld d %lld h", left / 86400, left % 86400 / 3600);
  return Fmt("%lld h %lld min", left / 3600, left % 3600 / 60);
}

std::string NextDueText(int64_t next_due, int64_t now) {
  if (next_due <= 0) return "no URL is scheduled";
  return "the next URL is due at " + UtcTime(next_due) + " (in " + TimeUntil(next_due, now) + ")";
}

std::string CrawlReportText(const fetch::CrawlReport& r, const std::string& db, int schema,
                            int64_t now) {
  const fetch::CrawlStats& st = r.stats;
  std::string out = "crawl database " + db + " (schema version " + std::to_string(schema) +
                    ") at " + UtcTime(now) + "\n";
  out += Fmt("  %lld URLs, %lld due now, %lld documents written\n", st.urls, st.due, st.outputs);
  out += "URLs by state:";
  for (fetch::UrlStatus s : fetch::kAllUrlStatuses) {
    auto it = st.by_status.find(fetch::UrlStatusName(s));
    out += std::string(" ") + fetch::UrlStatusName(s) + "=" +
           std::to_string(it == st.by_status.end() ? 0 : it->second);
  }
  out += "\n";
  out += "next due: " + NextDueText(st.next_due, now) + "\n";
  for (const auto& d : r.next)
    out +=
        "  " + UtcTime(d.next_due) + "  (in " + TimeUntil(d.next_due, now) + ")  " + d.url + "\n";
  const DueBuckets b = Bucket(r);
  if (!b.hours.empty()) {
    out += "due in the next 24 h, by hour:";
    for (const auto& [h, n] : b.hours) out += Fmt(" +%lldh=%lld", h, n);
    out += "\n";
  }
  if (!b.days.empty()) {
    out += "due later, by day:";
    for (const auto& [d, n] : b.days) out += Fmt(" +%lldd=%lld", d, n);
    out += "\n";
  }
  if (!r.top_sites.empty()) {
    out += "sites by URLs:\n";
    for (const auto& s : r.top_sites)
      out += "  " + s.site_key + Fmt("  %lld URLs, %lld failing\n", s.urls, s.failing);
  }
  if (!r.top_failing.empty()) {
    out += "sites by failing URLs:\n";
    for (const auto& s : r.top_failing)
      out += "  " + s.site_key + Fmt("  %lld failing of %lld URLs\n", s.failing, s.urls);
  }
  if (r.errors.empty()) {
    out += "failures by kind: none\n";
  } else {
    out += "failures by kind:\n";
    for (const auto& k : r.errors)
      out +=
          "  " + k.kind + Fmt("  %lld URLs, e.g. ", k.urls) + k.example_url + ": " + k.cause + "\n";
  }
  return out;
}

std::string CrawlReportJson(const fetch::CrawlReport& r, const std::string& db, int schema,
                            int64_t now) {
  nlohmann::json j;
  j["db"] = db;
  j["schema_version"] = schema;
  j["now"] = now;
  j["urls"] = r.stats.urls;
  j["due"] = r.stats.due;
  j["documents"] = r.stats.outputs;
  j["by_state"] = r.stats.by_status;
  j["next_due"] = r.stats.next_due;
  j["next"] = nlohmann::json::array();
  for (const auto& d : r.next) j["next"].push_back({{"url", d.url}, {"next_due", d.next_due}});
  const DueBuckets b = Bucket(r);
  j["due_by_hour"] = nlohmann::json::object();
  for (const auto& [h, n] : b.hours) j["due_by_hour"][std::to_string(h)] = n;
  j["due_by_day"] = nlohmann::json::object();
  for (const auto& [d, n] : b.days) j["due_by_day"][std::to_string(d)] = n;
  auto sites = [](const std::vector<fetch::CrawlReport::Site>& v) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& s : v)
      a.push_back({{"site", s.site_key}, {"urls", s.urls}, {"failing", s.failing}});
    return a;
  };
  j["sites"] = sites(r.top_sites);
  j["failing_sites"] = sites(r.top_failing);
  j["failures"] = nlohmann::json::array();
  for (const auto& k : r.errors)
    j["failures"].push_back(
        {{"kind", k.kind}, {"urls", k.urls}, {"example", k.example_url}, {"cause", k.cause}});
  return j.dump();
}

}  // namespace qingxi::cli
