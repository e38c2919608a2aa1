// The cleaning engine end to end: bytes -> UTF-8 -> [DOM -> main content] -> cleaners -> T->S.
// Every consumer goes through Pipeline::Process; see qingxi/pipeline.h.
#include "qingxi/pipeline.h"

#include <algorithm>
#include <cctype>

#include "qingxi/ascii.h"
#include "qingxi/charset.h"
#include "qingxi/convert.h"
#include "qingxi/text_cleaner.h"
#include "qingxi/text_extract.h"
#include "qingxi/utf8.h"

namespace qingxi {
namespace {

std::string Join(const std::vector<std::string>& parts) {
  size_t n = 0;
  for (const auto& p : parts) n += p.size() + 1;
  std::string out;
  out.reserve(n);
  for (const auto& p : parts) {
    if (!out.empty()) out.push_back('\n');
    out += p;
  }
  return out;
}

// The prose paragraphs of `out`, one a line (preformatted blocks left out).
std::string JoinProse(const CleanOutput& out) {
  std::string s;
  for (size_t i = 0; i < out.paragraphs.size(); ++i) {
    if (i < out.kinds.size() && out.kinds[i] == BlockKind::kPreformatted) continue;
    if (!s.empty()) s.push_back('\n');
    s += out.paragraphs[i];
  }
  return s;
}

// The document again from converted prose (JoinProse's lines, converted) and the untouched
// preformatted blocks of `out`, in their order.
std::string WithPreformatted(std::string_view prose, const CleanOutput& out) {
  std::vector<std::string> parts;
  parts.reserve(out.paragraphs.size());
  size_t pos = 0;
  for (size_t i = 0; i < out.paragraphs.size(); ++i) {
    if (i < out.kinds.size() && out.kinds[i] == BlockKind::kPreformatted) {
      parts.push_back(out.paragraphs[i]);
      continue;
    }
    pos = std::min(pos, prose.size());
    size_t end = std::min(prose.find('\n', pos), prose.size());
    parts.emplace_back(prose.substr(pos, end - pos));
    pos = end + 1;
  }
  return Join(parts);
}

// Characters that differ between the text before and after conversion (explanations only):
// position by position while the two agree in length, else the change in length plus those.
size_t CountChanged(std::string_view before, std::string_view after) {
  size_t a = 0, b = 0, changed = 0;
  while (a < before.size() && b < after.size()) {
    if (utf8::Next(before, &a) != utf8::Next(after, &b)) ++changed;
  }
  const size_t rest_a = utf8::CountCodePoints(before.substr(a)),
               rest_b = utf8::CountCodePoints(after.substr(b));
  return changed + std::max(rest_a, rest_b);
}

}  // namespace

InputKind Pipeline::Sniff(std::string_view bytes, std::string_view name_hint) {
  for (std::string_view ext : {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx", ".jsp"})
    if (ascii::EndsWithIgnoreCase(name_hint, ext)) return InputKind::kHtml;
  for (std::string_view ext : {".txt", ".text"})
    if (ascii::EndsWithIgnoreCase(name_hint, ext)) return InputKind::kText;
  // WHATWG MIME sniffing looks for these tag openers at the start of the resource; real pages
  // often put junk before <html>, so the whole first 1 KiB is searched.
  std::string_view head = bytes.substr(0, 1024);
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body", "<meta", "<title",
                               "<div", "<p>", "<p ", "<script", "<br", "<table", "<!--"})
    if (ascii::ContainsIgnoreCase(head, tag)) return InputKind::kHtml;
  return InputKind::kText;
}

Result<std::shared_ptr<const Pipeline>> Pipeline::Create(const PipelineOptions& options) {
  const RuleSources rules(options.rules_dir, options.extra_rules);
  auto converter = Converter::Create(rules, ConvertOptions{options.vocab});
  if (!converter.ok()) return converter.status();
  auto extractor = HtmlExtractor::Create(rules);
  if (!extractor.ok()) return extractor.status();
  auto text_extractor = TextExtractor::Create(rules);
  if (!text_extractor.ok()) return text_extractor.status();
  auto cleaner = TextCleaner::Create(rules, converter.value());
  if (!cleaner.ok()) return cleaner.status();
  std::shared_ptr<Pipeline> p(new Pipeline());
  p->options_ = options;
  p->converter_ = converter.value();
  p->extractor_ = extractor.value();
  p->text_extractor_ = text_extractor.value();
  p->cleaner_ = cleaner.value();
  return std::shared_ptr<const Pipeline>(std::move(p));
}

Record Pipeline::Process(const InputDocument& doc, Explanation* ex) const {
  Record r;
  r.id = doc.id;
  r.source = doc.source;
  r.url = doc.url;
  r.fetched_at = doc.fetched_at;

  std::string_view bytes = doc.bytes;
  bool truncated = false;
  if (bytes.size() > options_.max_input_bytes) {
    bytes = bytes.substr(0, options_.max_input_bytes);
    truncated = true;
  }
  if (bytes.empty()) {
    r.error = "empty input";
    return r;
  }
  InputKind kind = doc.kind == InputKind::kAuto ? Sniff(bytes, doc.name_hint) : doc.kind;

  DecodeOptions dopt;
  dopt.is_html = kind == InputKind::kHtml;
  dopt.content_type = doc.content_type;
  auto decoded = DecodeToUtf8(bytes, dopt);
  if (!decoded.ok()) {
    r.error = "decode: " + decoded.status().message();
    return r;
  }
  r.encoding = decoded->encoding;
  if (ex) {
    if (truncated)
      ex->Add(Stage::kDecode, "", "truncated",
              "input cut at " + std::to_string(options_.max_input_bytes) +
                  " bytes (--max-bytes); the rest was not read");
    ex->decode_replacements = decoded->replacements;
    if (decoded->replacements > 0)
      ex->Add(Stage::kDecode, "", "invalid_bytes",
              std::to_string(decoded->replacements) + " invalid byte sequences of " +
                  decoded->encoding + " replaced by U+FFFD");
    if (decoded->mojibake_repaired)
      ex->Add(Stage::kDecode, "", "mojibake_repaired",
              "Latin mojibake (Chinese bytes once read as windows-1252) decoded back from " +
                  decoded->encoding);
  }

  CleanInput in;
  std::vector<std::string> extract_flags;
  {
    auto page = kind == InputKind::kHtml
                    ? extractor_->Extract(decoded->utf8, options_.limits, ex)
                    : text_extractor_->Extract(decoded->utf8, options_.limits, ex);
    if (!page.ok()) {
      r.error = "extract: " + page.status().message();
      return r;
    }
    in.lines = std::move(page->paragraphs);
    in.kinds = std::move(page->kinds);
    in.title = std::move(page->title);
    in.date = std::move(page->date);
    in.from_html = kind == InputKind::kHtml;
    // Site-scoped rules go by the page's URL; a source that is itself a URL serves as well.
    in.url = doc.url.empty() ? doc.source : doc.url;
    extract_flags = std::move(page->flags);
  }
  decoded->utf8.clear();
  decoded->utf8.shrink_to_fit();

  CleanOutput out = cleaner_->Clean(in, ex);
  for (const auto& f : extract_flags) r.AddFlag(f);
  for (const auto& f : out.flags) r.AddFlag(f);
  if (truncated) r.AddFlag("truncated");
  if (decoded->replacements > 0) r.AddFlag("decode_errors");
  if (decoded->mojibake_repaired) r.AddFlag("mojibake_repaired");

  std::replace(out.title.begin(), out.title.end(), '\n', ' ');
  std::string text = Join(out.paragraphs);
  if (text.empty()) r.AddFlag("empty");
  r.script = converter_->Detect(out.title + "\n" + text);
  if (options_.convert) {
    // Converted as one document so that the converter sees the whole context. Simplified
    // pages go through too: a traditional character inside a simplified sentence is converted,
    // and text without one comes back byte for byte. Preformatted blocks (code) are left out
    // of it and keep their characters.
    const bool has_pre = std::find(out.kinds.begin(), out.kinds.end(),
                                   BlockKind::kPreformatted) != out.kinds.end();
    std::string joined =
        converter_->ToSimplified(out.title + "\n" + (has_pre ? JoinProse(out) : text));
    size_t nl = joined.find('\n');
    r.title = joined.substr(0, nl);
    r.text = nl == std::string::npos ? "" : joined.substr(nl + 1);
    if (has_pre) r.text = WithPreformatted(r.text, out);
    if (ex) ex->converted_chars = CountChanged(out.title + "\n" + text, r.title + "\n" + r.text);
  } else {
    r.title = std::move(out.title);
    r.text = std::move(text);
  }
  r.date = std::move(out.date);
  return r;
}

}  // namespace qingxi
