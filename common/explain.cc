// The JSONL form of an Explanation (qingxi/explain.h).
#include "qingxi/explain.h"

#include <nlohmann/json.hpp>

#include "qingxi/record.h"
#include "qingxi/utf8.h"

namespace qingxi {

const char* StageName(Stage s) {
  switch (s) {
    case Stage::kDecode:
      return "decode";
    case Stage::kExtract:
      return "extract";
    case Stage::kClean:
      return "clean";
    case Stage::kConvert:
      return "convert";
  }
  return "clean";
}

std::string ExplanationToJsonLine(const Record& r, const Explanation& e) {
  nlohmann::ordered_json j;
  j["id"] = r.id;
  j["source"] = r.source;
  if (!r.url.empty()) j["url"] = r.url;
  if (r.is_error()) j["error"] = r.error;
  nlohmann::ordered_json removed = nlohmann::ordered_json::array();
  size_t removed_chars = 0;
  for (const Removal& x : e.removed) {
    removed_chars += utf8::CountCodePoints(x.text);
    removed.push_back(
        {{"text", x.text}, {"stage", StageName(x.stage)}, {"reason", x.reason}, {"rule", x.rule}});
  }
  j["removed"] = std::move(removed);
  j["decode_replacements"] = e.decode_replacements;
  j["converted_chars"] = e.converted_chars;
  j["kept_chars"] = utf8::CountCodePoints(r.title) + utf8::CountCodePoints(r.text);
  j["removed_chars"] = removed_chars;
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace qingxi
