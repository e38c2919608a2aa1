// Rule layers (--extra-rules) over the rules directory, the check of their file names, and the
// host matching of `site` sections.
#include "qingxi/rule_sources.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace qingxi {
namespace fs = std::filesystem;

// What each stage reads (docs/rules.md describes every directive). Line rules and watermark
// patterns are matched per document and honour `site` sections; the others shape the engine
// for every document (extraction weights, thresholds, conversion tables) and do not.
const std::vector<RuleFileSpec>& RuleFileSpecs() {
  static const auto* specs = new std::vector<RuleFileSpec>{
      {"boilerplate.rules", {"phrase", "strong", "prefix", "regex", "strong_regex"}, true},
      // Empty in the built-in rules; optional so that a rules directory copied from an older
      // release still loads.
      {"drop.rules", {"phrase", "line", "line_regex"}, true, true},
      {"html.rules",
       {"drop_tag", "soft_drop_tag", "positive", "negative", "remove", "paywall", "caption",
        "comments", "code", "paywall_text", "title_separator", "reply_title_prefix", "date_meta",
        "next_label", "end_prefix", "end_suffix", "subreply", "answer", "set"},
       false},
      {"meta.rules",
       {"date_label", "label", "share", "share_suffix", "byline", "speaker", "line_regex"},
       true},
      {"nav.rules", {"separator", "home", "position", "menu"}, true},
      {"paywall.rules", {"phrase"}, true},
      {"pinyin.rules", {"syllable"}, false},
      {"related.rules", {"heading", "heading_regex", "single"}, true},
      {"script_chars.rules", {"trad", "variant", "keep", "simp"}, false},
      {"spam.rules", {"phrase"}, true},
      {"t2s_corrections.rules", {"phrase", "keep"}, false},
      {"text_extract.rules", {"set"}, false},
      {"thresholds.rules", {"set"}, false},
      {"watermark.rules", {"regex", "phrase", "site_suffix"}, true},
  };
  return *specs;
}

const RuleFileSpec* FindRuleFileSpec(std::string_view name) {
  for (const auto& spec : RuleFileSpecs())
    if (spec.name == name) return &spec;
  return nullptr;
}

std::string RuleFileNames() {
  std::string names;
  for (const auto& spec : RuleFileSpecs()) names += (names.empty() ? "" : " ") + spec.name;
  return names;
}

Result<RuleFile> RuleSources::Load(std::string_view name) const {
  const RuleFileSpec* spec = FindRuleFileSpec(name);
  if (spec == nullptr) return Status::Internal(std::string(name) + ": not a registered rule file");
  const std::vector<std::string>& allowed = spec->directives;
  ParseOptions options;
  options.sites = spec->sites;
  auto file = RuleFile::Load(base_ + "/" + std::string(name), allowed, options);
  if (!file.ok() && file.status().code() == Status::Code::kNotFound && spec->optional)
    file = RuleFile::Parse("", base_ + "/" + std::string(name), allowed, options);
  if (!file.ok()) return file.status();
  ParseOptions layer_options = options;
  layer_options.unset = true;
  for (const std::string& dir : layers_) {
    const std::string path = dir + "/" + std::string(name);
    std::error_code ec;
    if (!fs::exists(path, ec)) continue;  // a layer holds only the files it changes
    auto layer = RuleFile::Load(path, allowed, layer_options);
    if (!layer.ok()) return layer.status();
    if (Status s = file->Merge(layer.value()); !s.ok()) return s;
  }
  return file;
}

bool IsRuleFileName(std::string_view name) {
  return name.size() > 6 && name.substr(name.size() - 6) == ".rules";
}

std::string UnknownRuleFileMessage(const std::string& path) {
  return path + ": unknown rule file name (qingxi reads only: " + RuleFileNames() +
         "; put a rule in the file of its kind, see docs/rules.md)";
}

namespace {

Status CheckDirectory(const std::string& dir, bool base) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    if (base) return CheckRulesDirectory(dir);
    return Status::NotFound("--extra-rules " + dir + ": no such directory");
  }
  std::vector<std::string> unknown;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (!IsRuleFileName(name)) continue;
    if (FindRuleFileSpec(name) == nullptr) unknown.push_back(name);
  }
  if (ec) return Status::IoError(dir + ": " + ec.message());
  if (unknown.empty()) return Status::Ok();
  std::sort(unknown.begin(), unknown.end());
  return Status::InvalidArgument(UnknownRuleFileMessage(dir + "/" + unknown.front()));
}

}  // namespace

Status RuleSources::Check() const {
  if (Status s = CheckDirectory(base_, /*base=*/true); !s.ok()) return s;
  for (const auto& dir : layers_)
    if (Status s = CheckDirectory(dir, /*base=*/false); !s.ok()) return s;
  return Status::Ok();
}

std::string UrlHost(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (size_t at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
  if (!rest.empty() && rest.front() == '[') return "";  // an IPv6 literal names no site
  rest = rest.substr(0, rest.find(':'));
  while (!rest.empty() && rest.back() == '.') rest.remove_suffix(1);  // "example.com."
  std::string host;
  host.reserve(rest.size());
  for (char c : rest) host.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  return host;
}

bool HostInSite(std::string_view host, std::string_view site) {
  if (site.empty() || host.size() < site.size()) return false;
  if (host.compare(host.size() - site.size(), site.size(), site) != 0) return false;
  return host.size() == site.size() || host[host.size() - site.size() - 1] == '.';
}

int SiteTable::Add(const std::string& site) {
  if (site.empty()) return 0;
  auto it = std::find(sites_.begin(), sites_.end(), site);
  if (it != sites_.end()) return static_cast<int>(it - sites_.begin()) + 1;
  sites_.push_back(site);
  return static_cast<int>(sites_.size());
}

std::vector<char> SiteTable::Active(std::string_view host) const {
  std::vector<char> active;
  if (sites_.empty() || host.empty()) return active;
  active.assign(sites_.size() + 1, 0);
  for (size_t i = 0; i < sites_.size(); ++i) active[i + 1] = HostInSite(host, sites_[i]);
  return active;
}

}  // namespace qingxi
