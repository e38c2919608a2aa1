// The crawl-state interface's shared parts: status names, the Open() factory that picks an
// implementation from the database URI, and corpus reconciliation (exactly-once output).
#include "qingxi/fetch/crawl_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "crawl_store_pg.h"
#include "crawl_store_sqlite.h"

namespace qingxi::fetch {

const char* UrlStatusName(UrlStatus s) {
  switch (s) {
    case UrlStatus::kNew:
      return "new";
    case UrlStatus::kQueued:
      return "queued";
    case UrlStatus::kFetched:
      return "fetched";
    case UrlStatus::kNotModified:
      return "not_modified";
    case UrlStatus::kError:
      return "error";
    case UrlStatus::kDisallowed:
      return "disallowed";
    case UrlStatus::kGone:
      return "gone";
    case UrlStatus::kRefused:
      return "refused";
  }
  return "new";
}

bool ParseUrlStatus(std::string_view name, UrlStatus* out) {
  for (UrlStatus s : kAllUrlStatuses) {
    if (name == UrlStatusName(s)) {
      *out = s;
      return true;
    }
  }
  return false;
}

UrlPattern UrlPattern::Parse(std::string_view pattern) {
  UrlPattern p;
  p.text = std::string(pattern);
  if (pattern.empty()) p.kind = Kind::kAll;
  else if (pattern.find_first_of("*?") != std::string_view::npos) p.kind = Kind::kGlob;
  else p.kind = Kind::kSubstring;
  return p;
}

Result<std::unique_ptr<CrawlStore>> CrawlStore::Open(const std::string& db_uri,
                                                     const CrawlPolicy& policy) {
  std::string_view uri = db_uri;
  if (uri.empty()) return Status::InvalidArgument("crawl db: empty database name");
  if (policy.min_interval <= 0 || policy.max_interval < policy.min_interval ||
      policy.unchanged_factor < 1.0 || policy.changed_divisor < 1.0 || policy.lease <= 0)
    return Status::InvalidArgument("crawl db: inconsistent scheduling policy");
  constexpr std::string_view kSqlite = "sqlite://";
  if (uri.substr(0, kSqlite.size()) == kSqlite) {
    uri.remove_prefix(kSqlite.size());  // sqlite:///abs/path or sqlite://relative/path
    if (uri.empty()) return Status::InvalidArgument("crawl db: sqlite:// without a path");
    return OpenSqliteCrawlStore(std::string(uri), policy);
  }
  // A crawl shared by many machines keeps its frontier in PostgreSQL (libpq connection URI).
  if (uri.substr(0, 13) == "postgresql://" || uri.substr(0, 11) == "postgres://")
    return OpenPostgresCrawlStore(db_uri, policy);
  const size_t scheme_end = uri.find("://");
  if (scheme_end != std::string_view::npos) {
    return Status::InvalidArgument("crawl db: unsupported database \"" +
                                   std::string(uri.substr(0, scheme_end)) +
                                   "\" (use a path, sqlite://PATH or postgresql://...)");
  }
  return OpenSqliteCrawlStore(std::string(uri), policy);
}

Result<int64_t> ReconcileCorpus(CrawlStore* store, const std::string& corpus_path,
                                const std::function<bool(std::string_view, OutputMark*)>& parse,
                                int64_t now) {
  const int fd = open(corpus_path.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return int64_t{0};
    return Status::IoError("open " + corpus_path + ": " + std::strerror(errno));
  }
  struct Closer {
    int fd;
    ~Closer() { close(fd); }
  } closer{fd};
  struct stat st;
  if (fstat(fd, &st) != 0)
    return Status::IoError("stat " + corpus_path + ": " + std::strerror(errno));
  Result<int64_t> end = store->WrittenEnd(corpus_path);
  if (!end.ok()) return end.status();
  // A corpus shorter than what was marked has been replaced by a new file: read it all (lines
  // marked before are recognised by their url and content hash and not counted twice).
  int64_t offset = end.value() <= st.st_size ? end.value() : 0;

  std::vector<OutputMark> marks;
  int64_t marked = 0;
  std::string pending;  // an incomplete line carried between reads
  int64_t line_start = offset;
  char buf[1 << 16];
  while (true) {
    ssize_t n = pread(fd, buf, sizeof(buf), offset);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::IoError("read " + corpus_path + ": " + std::strerror(errno));
    if (n == 0) break;
    offset += n;
    size_t pos = 0;
    while (pos < static_cast<size_t>(n)) {
      const char* nl = static_cast<const char*>(std::memchr(buf + pos, '\n', n - pos));
      if (nl == nullptr) {
        pending.append(buf + pos, n - pos);
        break;
      }
      const size_t len = static_cast<size_t>(nl - (buf + pos));
      pending.append(buf + pos, len);
      const int64_t line_end = line_start + static_cast<int64_t>(pending.size()) + 1;
      OutputMark m;
      if (parse(pending, &m)) {
        m.corpus = corpus_path;
        m.corpus_offset = line_end;
        Result<bool> known = store->IsWritten(m.url, m.content_hash);
        if (!known.ok()) return known.status();
        if (!known.value()) ++marked;
        marks.push_back(std::move(m));
        if (marks.size() >= 1000) {
          Status s = store->MarkWritten(marks, now);
          if (!s.ok()) return s;
          marks.clear();
        }
      }
      pending.clear();
      line_start = line_end;
      pos += len + 1;
    }
  }
  if (!marks.empty()) {
    Status s = store->MarkWritten(marks, now);
    if (!s.ok()) return s;
  }
  if (!pending.empty()) {
    // A line without its newline: the append was cut by a crash before its fsync completed,
    // so it was never marked; remove it (its URL is still in flight and will be fetched again).
    if (ftruncate(fd, line_start) != 0)
      return Status::IoError("truncate " + corpus_path + ": " + std::strerror(errno));
  }
  return marked;
}

}  // namespace qingxi::fetch
