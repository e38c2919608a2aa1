// WARC and WET input for `qingxi clean`: every page-carrying record of a .warc, .warc.gz,
// .wet or .wet.gz file (ours, Common Crawl's, wget's) becomes one task (the others are counted
// by reason: page_filter.h), read lazily one record at a
// time so memory is bounded by the largest record, not by the file.
//
// Response records keep their HTTP Content-Type so the charset the server declared is the
// first one the decoder considers (WHATWG "encoding sniffing": the transport layer's label
// comes before <meta>); WET conversion records are UTF-8 text by definition.
//
// Standard input may be a pipe, which cannot be re-read or probed with pread(): a feeder
// thread copies it (with the bytes already consumed by sniffing) into a pipe, inflating a
// gzip stream member by member on the way, and the reader reads the plain WARC from that pipe.
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <thread>

#include "doc_source.h"
#include "qingxi/fetch/warc.h"

namespace qingxi::cli {
namespace {

// Writes all of `n` bytes to `fd`; false when the reader went away (EPIPE) or on error.
bool WriteAll(int fd, const char* p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    p += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

// Copies prefix + the rest of `in` to `out_fd`, inflating when the stream is gzip (any number
// of members, as ISO 28500 annex D writes them). A torn or corrupt gzip tail ends the copy:
// the reader then sees a WARC that stops early and reports the last record as truncated.
void FeedPipe(FILE* in, std::string prefix, int out_fd) {
  const bool gzip = prefix.size() >= 2 && static_cast<unsigned char>(prefix[0]) == 0x1f &&
                    static_cast<unsigned char>(prefix[1]) == 0x8b;
  std::string chunk = std::move(prefix);
  std::vector<char> buf(1 << 16);
  z_stream zs{};
  if (gzip && inflateInit2(&zs, 15 + 16) != Z_OK) {
    close(out_fd);
    return;
  }
  std::vector<char> out(1 << 16);
  bool ok = true;
  while (ok) {
    if (chunk.empty()) {
      size_t n = std::fread(buf.data(), 1, buf.size(), in);
      if (n == 0) break;
      chunk.assign(buf.data(), n);
    }
    if (!gzip) {
      ok = WriteAll(out_fd, chunk.data(), chunk.size());
      chunk.clear();
      continue;
    }
    zs.next_in = reinterpret_cast<Bytef*>(chunk.data());
    zs.avail_in = static_cast<uInt>(chunk.size());
    while (ok && zs.avail_in > 0) {
      zs.next_out = reinterpret_cast<Bytef*>(out.data());
      zs.avail_out = static_cast<uInt>(out.size());
      int rc = inflate(&zs, Z_NO_FLUSH);
      size_t got = out.size() - zs.avail_out;
      if (got > 0) ok = WriteAll(out_fd, out.data(), got);
      if (rc == Z_STREAM_END) {
        inflateReset(&zs);  // the next gzip member follows
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        ok = false;  // not gzip data: stop here
      } else if (rc == Z_BUF_ERROR && got == 0) {
        break;
      }
    }
    chunk.clear();
  }
  if (gzip) inflateEnd(&zs);
  close(out_fd);
}

class WarcSource : public DocSource {
 public:
  WarcSource(std::string path, std::unique_ptr<fetch::WarcReader> reader, size_t max_bytes)
      : path_(std::move(path)), reader_(std::move(reader)), max_bytes_(max_bytes) {}
  ~WarcSource() override {
    reader_.reset();  // closes the pipe's read end, so a blocked feeder gets EPIPE
    if (feeder_.joinable()) feeder_.join();
    if (feed_file_ && feed_file_ != stdin) std::fclose(feed_file_);
  }
  void AdoptFeeder(std::thread feeder, FILE* f) {
    feeder_ = std::move(feeder);
    feed_file_ = f;
  }

  bool Next(DocTask* t) override {
    if (!reader_) return false;
    fetch::WarcRecord rec;
    std::string url;
    for (;;) {
      Result<bool> got = reader_->Next(&rec);
      if (!got.ok()) {
        status_ = Status::IoError(path_ + ": " + got.status().message());
        return false;
      }
      if (!*got) {
        if (reader_->truncated())
          status_ = Status::IoError(path_ + ": truncated WARC (the last record is incomplete)");
        return false;
      }
      url = rec.target_uri;
      if (url.size() >= 2 && url.front() == '<' && url.back() == '>') url = url.substr(1, url.size() - 2);
      // A non-2xx response is not a document (redirects, 404 pages).
      if (rec.warc_type == "response" && (rec.http_status < 200 || rec.http_status > 299)) {
        ++skipped_["http_status"];
        continue;
      }
      // Neither are robots.txt, stylesheets, scripts, a crawler's own log (page_filter.h). WET
      // conversion records are extracted text by definition.
      if (rec.warc_type != "conversion") {
        if (std::string reason = NotAPageReason(url, rec.content_type, rec.body); !reason.empty()) {
          ++skipped_[reason];
          continue;
        }
      }
      break;
    }
    ++index_;
    *t = DocTask{};
    t->loaded = true;
    t->url = url;
    t->source = url.empty() ? path_ + "#" + std::to_string(index_) : url;
    t->fetched_at = rec.date;
    t->id = IdForFetch(url.empty() ? t->source : url, rec.date, rec.record_id);
    if (rec.warc_type == "conversion") {
      t->kind = InputKind::kText;  // WET: extracted text, UTF-8
      t->content_type = "text/plain; charset=utf-8";
    } else {
      t->content_type = rec.content_type;
    }
    t->bytes = std::move(rec.body);
    if (t->bytes.size() > max_bytes_ + 1) t->bytes.resize(max_bytes_ + 1);
    return true;
  }
  Status status() const override { return status_; }

 private:
  std::string path_;
  std::unique_ptr<fetch::WarcReader> reader_;
  size_t max_bytes_;
  uint64_t index_ = 0;
  Status status_;
  std::thread feeder_;
  FILE* feed_file_ = nullptr;
};

}  // namespace

std::unique_ptr<DocSource> OpenWarcSource(const std::string& path, FILE* f, std::string prefix,
                                          size_t max_bytes) {
  fetch::WarcReaderOptions options;
  options.max_body_bytes = std::max<uint64_t>(max_bytes + 1, 1u << 20);
  options.max_record_bytes = std::max<uint64_t>(options.max_record_bytes, max_bytes * 2);
  if (path != "-") {
    // A named file: the reader opens it itself (it probes the gzip magic with pread).
    if (f) std::fclose(f);
    auto reader = fetch::WarcReader::Open(path, options);
    if (!reader.ok()) return MakeFailedSource(reader.status());
    return std::make_unique<WarcSource>(path, std::move(reader.value()), max_bytes);
  }
  // The feeder must see EPIPE, not die of SIGPIPE, when the reader stops early.
  signal(SIGPIPE, SIG_IGN);
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0)
    return MakeFailedSource(Status::IoError(std::string("pipe: ") + std::strerror(errno)));
  std::thread feeder(FeedPipe, f, std::move(prefix), fds[1]);
  auto reader = fetch::WarcReader::Open("/dev/fd/" + std::to_string(fds[0]), options);
  close(fds[0]);  // the reader holds its own descriptor for the pipe
  if (!reader.ok()) {
    feeder.detach();
    return MakeFailedSource(reader.status());
  }
  auto source = std::make_unique<WarcSource>("-", std::move(reader.value()), max_bytes);
  source->AdoptFeeder(std::move(feeder), f);
  return source;
}

}  // namespace qingxi::cli
