// Record <-> one JSONL line. Keys are written in a fixed order for reproducible output.
#include "qingxi/record.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "qingxi/hash.h"

namespace qingxi {

const char* ScriptName(Script s) {
  switch (s) {
    case Script::kHans: return "hans";
    case Script::kHant: return "hant";
    case Script::kMixed: return "mixed";
    case Script::kUnknown: break;
  }
  return "unknown";
}

void Record::AddFlag(const std::string& f) {
  if (std::find(flags.begin(), flags.end(), f) == flags.end()) flags.push_back(f);
}

std::string ToJsonLine(const Record& r) {
  nlohmann::ordered_json j;
  j["id"] = r.id;
  j["source"] = r.source;
  if (!r.url.empty()) j["url"] = r.url;
  if (!r.fetched_at.empty()) j["fetched_at"] = r.fetched_at;
  if (r.is_error()) {
    j["error"] = r.error;
  } else {
    j["title"] = r.title;
    j["date"] = r.date.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.date);
    j["script"] = ScriptName(r.script);
    j["flags"] = r.flags;
    if (!r.encoding.empty()) j["encoding"] = r.encoding;
    j["content_hash"] = Fnv1a64Hex(r.text);
    j["text"] = r.text;
  }
  // replace: a stray invalid byte becomes U+FFFD instead of failing the whole record.
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Result<Record> FromJsonLine(const std::string& line) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return Status::InvalidArgument("not a JSON object");
  Record r;
  auto str = [&](const char* k, std::string* out) {
    auto it = j.find(k);
    if (it != j.end() && it->is_string()) *out = it->get<std::string>();
  };
  str("id", &r.id);
  str("source", &r.source);
  str("url", &r.url);
  str("fetched_at", &r.fetched_at);
  str("title", &r.title);
  str("date", &r.date);
  str("text", &r.text);
  str("encoding", &r.encoding);
  str("error", &r.error);
  std::string script;
  str("script", &script);
  r.script = script == "hans" ? Script::kHans : script == "hant" ? Script::kHant
           : script == "mixed" ? Script::kMixed : Script::kUnknown;
  auto f = j.find("flags");
  if (f != j.end() && f->is_array())
    for (const auto& x : *f)
      if (x.is_string()) r.flags.push_back(x.get<std::string>());
  return r;
}

}  // namespace qingxi
