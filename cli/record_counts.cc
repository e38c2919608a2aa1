// Per-run record counts (see record_counts.h).
#include "record_counts.h"

namespace qingxi::cli {
namespace {

uint64_t Sum(const std::map<std::string, uint64_t>& m) {
  uint64_t n = 0;
  for (const auto& [k, v] : m) n += v;
  return n;
}

void AppendLine(const std::string& command, const char* label,
                const std::map<std::string, uint64_t>& m, std::string* out) {
  if (m.empty()) return;
  *out += "qingxi " + command + ": " + label + ":";
  for (const auto& [k, v] : m) *out += " " + k + "=" + std::to_string(v);
  *out += "\n";
}

}  // namespace

std::string ErrorKind(const std::string& error) {
  size_t colon = error.find(':');
  return colon == std::string::npos ? error : error.substr(0, colon);
}

void RecordCounts::CountWritten(const Record& r) {
  ++records;
  if (r.is_error()) {
    ++error_records;
    ++by_error[ErrorKind(r.error)];
    return;
  }
  CountFlags(r.flags);
}

void RecordCounts::CountFlags(const std::vector<std::string>& flags) {
  for (const std::string& f : flags) ++by_flag[f];
}

void RecordCounts::AddSkipped(const std::map<std::string, uint64_t>& counts) {
  for (const auto& [k, v] : counts) skipped[k] += v;
}

uint64_t RecordCounts::total_skipped() const { return Sum(skipped); }
uint64_t RecordCounts::total_dropped() const { return Sum(dropped); }

void RecordCounts::AddTo(nlohmann::json* j) const {
  (*j)["by_flag"] = nlohmann::json(by_flag);
  (*j)["by_error"] = nlohmann::json(by_error);
  (*j)["skipped"] = nlohmann::json(skipped);
  (*j)["dropped"] = nlohmann::json(dropped);
}

std::string RecordCounts::ToText(const std::string& command) const {
  std::string out;
  AppendLine(command, "records by flag", by_flag, &out);
  AppendLine(command, "error records by kind", by_error, &out);
  AppendLine(command, "not documents, skipped", skipped, &out);
  AppendLine(command, "dropped by filters", dropped, &out);
  return out;
}

}  // namespace qingxi::cli
