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

// A `site` value: a host name in lower case ("example.com"), or "*" for every site. Returns ""
// when `v` is not one.
std::string SiteHost(std::string_view v) {
  if (v == "*") return "*";
  if (v.empty() || v.front() == '.' || v.back() == '.' || v.find("..") != std::string_view::npos)
    return "";
  std::string host;
  for (char c : v) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) return "";
    host.push_back(c);
  }
  return host;
}

std::string List(const std::vector<std::string>& words) {
  std::string list;
  for (const auto& a : words) list += (list.empty() ? "" : ", ") + a;
  return list;
}

}  // namespace

Result<RuleFile> RuleFile::Load(const std::string& path, const std::vector<std::string>& allowed,
                                const ParseOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open rule file");
  std::stringstream ss;
  ss << in.rdbuf();
  return Parse(ss.str(), path, allowed, options);
}

Result<RuleFile> RuleFile::Parse(std::string_view text, const std::string& path,
                                 const std::vector<std::string>& allowed,
                                 const ParseOptions& options) {
  RuleFile file;
  file.path_ = path;
  file.sources_.push_back(path);
  std::string site;  // the current `site` section, "" outside any
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
    while (sp < line.size() && IsSpace(line[sp])) ++sp;
    std::string_view rest = line.substr(sp);
    const auto known = [&](const std::string& d) {
      return allowed.empty() || std::find(allowed.begin(), allowed.end(), d) != allowed.end();
    };
    if (directive == "site" && !known("site")) {
      if (!options.sites)
        return fail("'site' sections are not supported in this file (see docs/rules.md for the "
                    "files that take them)");
      std::string host = SiteHost(rest);
      if (host.empty())
        return fail("expected 'site HOST' (a host name such as example.com) or 'site *'");
      site = host == "*" ? "" : host;
      if (end == text.size()) break;
      continue;
    }
    bool remove = false;
    if (directive == "unset" && !known("unset")) {
      if (!options.unset)
        return fail("'unset' removes an entry of the built-in rules and belongs in an "
                    "--extra-rules layer; in this directory delete the line instead");
      size_t w = 0;
      while (w < rest.size() && !IsSpace(rest[w])) ++w;
      directive = std::string(rest.substr(0, w));
      while (w < rest.size() && IsSpace(rest[w])) ++w;
      rest.remove_prefix(w);
      if (directive.empty() || rest.empty()) return fail("expected 'unset DIRECTIVE VALUE'");
      if (directive == "set")
        return fail("a threshold is changed with 'set NAME NUMBER', not removed");
      remove = true;
    }
    if (!known(directive)) {
      return fail("unknown directive '" + directive + "' (expected one of: " + List(allowed) +
                  ")");
    }
    std::string value;
    if (!Unescape(rest, &value)) return fail("bad escape (use \\s \\t \\\\ \\#)");
    if (value.empty()) return fail("directive '" + directive + "' needs a value");
    file.entries_.push_back(RuleEntry{std::move(directive), std::move(value), line_no, 0, site,
                                      remove});
    if (end == text.size()) break;
  }
  return file;
}

Status RuleFile::Merge(const RuleFile& layer) {
  const int base = static_cast<int>(sources_.size());
  sources_.insert(sources_.end(), layer.sources_.begin(), layer.sources_.end());
  for (const RuleEntry& e : layer.entries_) {
    if (!e.remove) {
      entries_.push_back(e);
      entries_.back().source += base;
      continue;
    }
    const size_t before = entries_.size();
    entries_.erase(std::remove_if(entries_.begin(), entries_.end(),
                                  [&](const RuleEntry& x) {
                                    return x.directive == e.directive && x.value == e.value &&
                                           x.site == e.site;
                                  }),
                   entries_.end());
    if (entries_.size() == before)
      return layer.Error(e, "unset: no earlier '" + e.directive + " " + e.value + "' entry" +
                                (e.site.empty() ? "" : " in 'site " + e.site + "'") +
                                " to remove");
  }
  return Status::Ok();
}

std::vector<std::string> RuleFile::Values(std::string_view directive) const {
  std::vector<std::string> out;
  for (const auto& e : entries_)
    if (e.directive == directive) out.push_back(e.value);
  return out;
}

Status RuleFile::Error(const RuleEntry& e, std::string_view reason) const {
  const std::string& path =
      e.source >= 0 && e.source < static_cast<int>(sources_.size()) ? sources_[e.source] : path_;
  return Status::InvalidArgument(path + ":" + std::to_string(e.line) + ": " + std::string(reason));
}

Result<Settings> Settings::FromRuleFile(
    const RuleFile& file, const std::vector<std::pair<std::string, double>>& defaults) {
  Settings s;
  s.values_ = defaults;
  std::map<std::pair<std::string, int>, int> seen;  // (setting, file) -> the line that set it
  for (const auto& e : file.entries()) {
    if (e.directive != "set") continue;
    if (!e.site.empty()) return file.Error(e, "a 'set' line cannot be scoped to a site");
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
    // (A later layer's line overrides: that is what layers are for.)
    if (auto first = seen.find({name, e.source}); first != seen.end())
      return file.Error(e, "setting '" + name + "' is already set on line " +
                               std::to_string(first->second) + " (keep one 'set " + name + "' line)");
    seen.emplace(std::make_pair(name, e.source), e.line);
    it->second = v;
  }
  return s;
}

double Settings::Get(std::string_view name) const {
  for (const auto& kv : values_)
    if (kv.first == name) return kv.second;
  std::abort();  // a name not declared in the defaults: a programming error
}

std::string RuleFile::Origin(const RuleEntry& e) const {
  const std::string& p = source_path(e.source);
  const std::string where = e.source == 0 ? p.substr(p.find_last_of('/') + 1) : p;
  return where + ":" + std::to_string(e.line) + " " + e.directive + " " + e.value;
}

Status CheckRulesDirectory(const std::string& dir) {
  std::error_code ec;
  if (std::filesystem::is_directory(dir, ec)) return Status::Ok();
  return Status::NotFound("rules directory " + dir +
                          " does not exist (--rules DIR or $QINGXI_RULES must name the directory of "
                          "qingxi's .rules files, such as the source tree's rules/)");
}

}  // namespace qingxi
