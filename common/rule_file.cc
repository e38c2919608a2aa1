// The rule-file reader: one "DIRECTIVE VALUE" entry a line, errors as "path:line: reason".
#include "qingxi/rule_file.h"

#include "qingxi/utf8.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace qingxi {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Undoes the \s \t \\ escapes; returns false on an unknown escape.
bool Unescape(std::string_view in, std::string* out) {
  out->clear();
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '\\') {
      out->push_back(in[i]);
      continue;
    }
    if (i + 1 >= in.size()) return false;
    char e = in[++i];
    if (e == 's') out->push_back(' ');
    else if (e == 't') out->push_back('\t');
    else if (e == '\\') out->push_back('\\');
    else if (e == '#') out->push_back('#');
    else return false;
  }
  return true;
}

}  // namespace

Result<RuleFile> RuleFile::Load(const std::string& path, const std::vector<std::string>& allowed) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open rule file");
  std::stringstream ss;
  ss << in.rdbuf();
  return Parse(ss.str(), path, allowed);
}

Result<RuleFile> RuleFile::Parse(std::string_view text, const std::string& path,
                                 const std::vector<std::string>& allowed) {
  RuleFile file;
  file.path_ = path;
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  int line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    while (!line.empty() && IsSpace(line.back())) line.remove_suffix(1);
    size_t start = 0;
    while (start < line.size() && IsSpace(line[start])) ++start;
    line.remove_prefix(start);
    if (line.empty() || line[0] == '#') {
      if (end == text.size()) break;
      continue;
    }
    auto fail = [&](const std::string& why) {
      return Status::InvalidArgument(path + ":" + std::to_string(line_no) + ": " + why);
    };
    if (!utf8::IsValid(line)) return fail("not valid UTF-8");
    size_t sp = 0;
    while (sp < line.size() && !IsSpace(line[sp])) ++sp;
    std::string directive(line.substr(0, sp));
    for (char c : directive) {
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
        return fail("directive '" + directive + "' must be a lower-case ASCII word");
    }
    if (!allowed.empty() &&
        std::find(allowed.begin(), allowed.end(), directive) == allowed.end()) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      return fail("unknown directive '" + directive + "' (expected one of: " + list + ")");
    }
    while (sp < line.size() && IsSpace(line[sp])) ++sp;
    std::string value;
    if (!Unescape(line.substr(sp), &value)) return fail("bad escape (use \\s \\t \\\\ \\#)");
    if (value.empty()) return fail("directive '" + directive + "' needs a value");
    file.entries_.push_back(RuleEntry{std::move(directive), std::move(value), line_no});
    if (end == text.size()) break;
  }
  return file;
}

std::vector<std::string> RuleFile::Values(std::string_view directive) const {
  std::vector<std::string> out;
  for (const auto& e : entries_)
    if (e.directive == directive) out.push_back(e.value);
  return out;
}

Status RuleFile::Error(const RuleEntry& e, std::string_view reason) const {
  return Status::InvalidArgument(path_ + ":" + std::to_string(e.line) + ": " + std::string(reason));
}

Result<Settings> Settings::FromRuleFile(
    const RuleFile& file, const std::vector<std::pair<std::string, double>>& defaults) {
  Settings s;
  s.values_ = defaults;
  std::map<std::string, int> seen;  // setting -> the line that set it
  for (const auto& e : file.entries()) {
    if (e.directive != "set") continue;
    std::istringstream in(e.value);
    std::string name, number, extra;
    in >> name >> number;
    if (name.empty() || number.empty()) return file.Error(e, "expected 'set NAME NUMBER'");
    if (in >> extra) return file.Error(e, "trailing text after the number");
    char* endp = nullptr;
    double v = std::strtod(number.c_str(), &endp);
    if (endp == number.c_str() || *endp != '\0') return file.Error(e, "'" + number + "' is not a number");
    auto it = std::find_if(s.values_.begin(), s.values_.end(),
                           [&](const auto& kv) { return kv.first == name; });
    if (it == s.values_.end()) return file.Error(e, "unknown setting '" + name + "'");
    // A second line for one setting would silently override the first: say which line to keep.
    if (auto first = seen.find(name); first != seen.end())
      return file.Error(e, "setting '" + name + "' is already set on line " +
                               std::to_string(first->second) + " (keep one 'set " + name + "' line)");
    seen.emplace(name, e.line);
    it->second = v;
  }
  return s;
}

double Settings::Get(std::string_view name) const {
  for (const auto& kv : values_)
    if (kv.first == name) return kv.second;
  std::abort();  // a name not declared in the defaults: a programming error
}

Status CheckRulesDirectory(const std::string& dir) {
  std::error_code ec;
  if (std::filesystem::is_directory(dir, ec)) return Status::Ok();
  return Status::NotFound("rules directory " + dir +
                          " does not exist (--rules DIR or $QINGXI_RULES must name the directory of "
                          "qingxi's .rules files, such as the source tree's rules/)");
}

}  // namespace qingxi
