#include "doc_source.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "qingxi/ascii.h"
#include "qingxi/hash.h"

namespace qingxi::cli {
namespace {


// A single plain file: the worker reads it.
class FileSource : public DocSource {
 public:
  FileSource(std::string path, std::string root, InputKind kind)
      : path_(std::move(path)), root_(std::move(root)), kind_(kind) {}
  bool Next(DocTask* t) override {
    if (done_) return false;
    done_ = true;
    *t = DocTask{};
    t->path = path_;
    t->id = IdForPath(path_, root_);
    t->source = path_;
    t->kind = kind_;
    return true;
  }

 private:
  std::string path_, root_;
  InputKind kind_;
  bool done_ = false;
};

// Standard input as one document: read here, since it can be read only once.
class BufferSource : public DocSource {
 public:
  BufferSource(std::string bytes, InputKind kind) : bytes_(std::move(bytes)), kind_(kind) {}
  bool Next(DocTask* t) override {
    if (done_) return false;
    done_ = true;
    *t = DocTask{};
    t->loaded = true;
    t->bytes = std::move(bytes_);
    t->id = "stdin";
    t->source = "-";
    t->kind = kind_;
    return true;
  }

 private:
  std::string bytes_;
  InputKind kind_;
  bool done_ = false;
};

// JSONL: one document an object. `prefix` holds bytes already consumed by sniffing.
class JsonlSource : public DocSource {
 public:
  JsonlSource(FILE* f, std::string path, std::string prefix, size_t max_bytes)
      : f_(f), path_(std::move(path)), pending_(std::move(prefix)), max_bytes_(max_bytes) {}
  ~JsonlSource() override {
    if (f_ && f_ != stdin) std::fclose(f_);
    free(buf_);
  }
  bool Next(DocTask* t) override {
    std::string line;
    while (ReadLine(&line)) {
      ++line_no_;
      size_t b = line.find_first_not_of(" \t\r");
      if (b == std::string::npos) continue;
      *t = DocTask{};
      t->loaded = true;
      t->source = path_ + ":" + std::to_string(line_no_);
      t->id = IdForPath(path_, "") + "-" + std::to_string(line_no_);
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object()) {
        t->content_type = "error: line " + std::to_string(line_no_) + " is not a JSON object";
        return true;
      }
      auto str = [&](const char* k) -> std::string {
        auto it = j.find(k);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
      };
      if (auto v = str("id"); !v.empty()) t->id = v;
      t->url = str("url");
      if (auto v = str("source"); !v.empty()) t->source = v;
      else if (!t->url.empty()) t->source = t->url;
      t->content_type = str("content_type");
      if (j.contains("html")) {
        t->bytes = str("html");
        t->kind = InputKind::kHtml;
      } else if (j.contains("text")) {
        t->bytes = str("text");
        t->kind = InputKind::kText;
      } else if (j.contains("content")) {
        t->bytes = str("content");
      } else {
        t->content_type = "error: line " + std::to_string(line_no_) + " has no html, text or content";
      }
      return true;
    }
    return false;
  }
  Status status() const override { return status_; }

 private:
  bool ReadLine(std::string* line) {
    line->clear();
    if (!pending_.empty()) {
      size_t nl = pending_.find('\n');
      if (nl != std::string::npos) {
        *line = pending_.substr(0, nl);
        pending_.erase(0, nl + 1);
        return true;
      }
      *line = std::move(pending_);
      pending_.clear();
    }
    // getline reads a whole line per call (one fgetc per byte would lock the stream per byte);
    // a line longer than the limit is kept up to the limit.
    bool any = !line->empty();
    ssize_t n = getline(&buf_, &cap_, f_);
    if (n > 0) {
      any = true;
      size_t len = static_cast<size_t>(n);
      if (buf_[len - 1] == '\n') --len;
      const size_t limit = max_bytes_ * 2;
      const size_t room = limit > line->size() ? limit - line->size() : 0;
      line->append(buf_, std::min(len, room));
    } else if (std::ferror(f_)) {
      status_ = Status::IoError(path_ + ": " + std::strerror(errno));
    }
    return any;
  }

  FILE* f_;
  char* buf_ = nullptr;  // getline's buffer
  size_t cap_ = 0;
  std::string path_, pending_;
  size_t max_bytes_;
  uint64_t line_no_ = 0;
  Status status_;
};

class FailedSource : public DocSource {
 public:
  explicit FailedSource(Status s) : status_(std::move(s)) {}
  bool Next(DocTask*) override { return false; }
  Status status() const override { return status_; }

 private:
  Status status_;
};

}  // namespace

std::unique_ptr<DocSource> MakeFailedSource(Status status) {
  return std::make_unique<FailedSource>(std::move(status));
}

std::unique_ptr<DocSource> OpenWarcSource(const std::string& path, FILE* f, std::string prefix,
                                          size_t max_bytes);

InputFormat ParseInputFormat(const std::string& s) {
  if (s == "html") return InputFormat::kHtml;
  if (s == "text") return InputFormat::kText;
  if (s == "jsonl") return InputFormat::kJsonl;
  if (s == "warc") return InputFormat::kWarc;
  return InputFormat::kAuto;
}

std::string IdForPath(const std::string& path, const std::string& root) {
  namespace fs = std::filesystem;
  if (path == "-") return "stdin";
  fs::path p = fs::path(path).lexically_normal();
  if (!root.empty()) {
    fs::path rel = p.lexically_relative(fs::path(root).lexically_normal());
    if (!rel.empty() && *rel.begin() != "..") p = rel;
  } else {
    p = p.filename();
  }
  std::string id = p.has_extension() ? (p.parent_path() / p.stem()).string() : p.string();
  while (id.size() > 1 && id.back() == '/') id.pop_back();
  return id;
}

void UniqueIds::Apply(std::string* id) {
  uint32_t& n = seen_[Fnv1a64(*id)];
  if (++n > 1) *id += "~" + std::to_string(n);
}

std::string IdForUrl(const std::string& url) { return Fnv1a64Hex(url); }

std::string IdForFetch(const std::string& url, const std::string& fetched_at, const std::string& record_id) {
  if (fetched_at.empty() && record_id.empty()) return IdForUrl(url);
  return Fnv1a64Hex(url + "\n" + fetched_at + (record_id.empty() ? "" : "\n" + record_id));
}

std::unique_ptr<DocSource> DocSource::Open(const std::string& path, InputFormat format,
                                           size_t max_bytes, const std::string& root) {
  InputKind kind = format == InputFormat::kHtml ? InputKind::kHtml
                 : format == InputFormat::kText ? InputKind::kText : InputKind::kAuto;
  if (format == InputFormat::kAuto && path != "-") {
    if (ascii::EndsWithIgnoreCase(path, ".jsonl")) {
      format = InputFormat::kJsonl;
    } else {
      for (std::string_view ext : {".warc", ".warc.gz", ".wet", ".wet.gz"})
        if (ascii::EndsWithIgnoreCase(path, ext)) format = InputFormat::kWarc;
    }
  }
  if (path != "-" && format != InputFormat::kJsonl && format != InputFormat::kWarc)
    return std::make_unique<FileSource>(path, root, kind);

  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) return MakeFailedSource(Status::IoError(path + ": " + std::strerror(errno)));
  std::string prefix;
  if (path == "-" && format == InputFormat::kAuto) {
    // Sniff standard input: a gzip member or "WARC/" is a WARC stream, '{' starts JSONL.
    char buf[8];
    size_t n = std::fread(buf, 1, sizeof buf, f);
    prefix.assign(buf, n);
    size_t b = prefix.find_first_not_of(" \t\r\n");
    if (n >= 2 && static_cast<unsigned char>(buf[0]) == 0x1f && static_cast<unsigned char>(buf[1]) == 0x8b)
      format = InputFormat::kWarc;
    else if (prefix.compare(0, 5, "WARC/") == 0)
      format = InputFormat::kWarc;
    else if (b != std::string::npos && prefix[b] == '{')
      format = InputFormat::kJsonl;
  }
  if (format == InputFormat::kJsonl) return std::make_unique<JsonlSource>(f, path, prefix, max_bytes);
  if (format == InputFormat::kWarc) return OpenWarcSource(path, f, prefix, max_bytes);
  // Standard input holding one page.
  std::string bytes = std::move(prefix);
  char buf[1 << 16];
  size_t n;
  while (bytes.size() <= max_bytes && (n = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, n);
  return std::make_unique<BufferSource>(std::move(bytes), kind);
}

}  // namespace qingxi::cli
