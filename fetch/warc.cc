// WARC/1.1 writer and reader (ISO 28500:2017; the IIPC WARC 1.1 text), with per-record gzip
// members as in the specification's annex D ("each record compressed individually").
#include "qingxi/fetch/warc.h"

#include <brotli/decode.h>
#include <fcntl.h>
#include <libdeflate.h>
#include <openssl/evp.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>

#include "qingxi/ascii.h"
#include "qingxi/fetch/url.h"

namespace qingxi::fetch {
namespace {

constexpr size_t kReadChunk = 256 * 1024;
constexpr size_t kMaxHeaderBlock = 1 << 20;  // WARC header block; real ones are < 4 KiB

std::string Errno(const std::string& what, const std::string& path) {
  return what + " " + path + ": " + std::strerror(errno);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Splits "Name: value" lines (CRLF or LF ended, obs-fold continuation lines joined, RFC 9112
// section 5.2) into pairs.
std::vector<std::pair<std::string, std::string>> ParseFields(std::string_view block) {
  std::vector<std::pair<std::string, std::string>> out;
  while (!block.empty()) {
    size_t eol = block.find('\n');
    std::string_view line = block.substr(0, eol);
    block = eol == std::string_view::npos ? std::string_view() : block.substr(eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if ((line[0] == ' ' || line[0] == '\t') && !out.empty()) {
      out.back().second += " ";
      out.back().second += std::string(Trim(line));
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    out.emplace_back(std::string(Trim(line.substr(0, colon))),
                     std::string(Trim(line.substr(colon + 1))));
  }
  return out;
}

std::string FieldValue(const std::vector<std::pair<std::string, std::string>>& fields,
                       std::string_view name) {
  for (const auto& [k, v] : fields)
    if (ascii::EqualsIgnoreCase(k, name)) return v;
  return std::string();
}

bool ParseUint(std::string_view s, uint64_t* out) {
  s = Trim(s);
  if (s.empty() || s.size() > 19) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

// Appends a whole buffer as one gzip member (RFC 1952) to *out. libdeflate rather than zlib:
// it compresses a buffer held whole in memory 2-3x faster at the same level (no streaming
// state, better match finders), and archiving sits on the crawl's critical path. Its
// compressor is not thread-safe and costs a few hundred KB to allocate, so each thread keeps
// one per level.
void AppendGzipMember(std::string_view in, int level, std::string* out) {
  struct Compressors {
    libdeflate_compressor* by_level[13] = {};
    ~Compressors() {
      for (libdeflate_compressor* c : by_level)
        if (c != nullptr) libdeflate_free_compressor(c);
    }
  };
  thread_local Compressors cache;
  level = std::clamp(level, 0, 12);
  libdeflate_compressor*& c = cache.by_level[level];
  if (c == nullptr) c = libdeflate_alloc_compressor(level);
  const size_t old = out->size();
  if (c != nullptr) {
    const size_t bound = libdeflate_gzip_compress_bound(c, in.size());
    out->resize(old + bound);
    const size_t n = libdeflate_gzip_compress(c, in.data(), in.size(), out->data() + old, bound);
    if (n > 0) {
      out->resize(old + n);
      return;
    }
  }
  // Out of memory for the compressor (or a bound that did not hold): zlib, as a fallback.
  z_stream zs{};
  deflateInit2(&zs, level < 1 ? 1 : std::min(level, 9), Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  out->resize(old + deflateBound(&zs, in.size()) + 32);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out->data() + old);
  zs.avail_out = static_cast<uInt>(out->size() - old);
  deflate(&zs, Z_FINISH);
  out->resize(old + zs.total_out);
  deflateEnd(&zs);
}

// Appends `n` decoded bytes to *out up to `max_out` in all; false (and *cut) when the bound is
// reached: the decoders below stop there, so a decompression bomb cannot exhaust memory.
bool AppendBounded(const char* data, size_t n, uint64_t max_out, std::string* out, bool* cut) {
  if (out->size() + n > max_out) {
    out->append(data, max_out - out->size());
    *cut = true;
    return false;
  }
  out->append(data, n);
  return true;
}

// Inflates a whole gzip, zlib or raw-deflate body (window_bits as for inflateInit2), bounded.
bool InflateAll(std::string_view in, int window_bits, uint64_t max_out, std::string* out,
                bool* cut) {
  z_stream zs{};
  if (inflateInit2(&zs, window_bits) != Z_OK) return false;
  out->clear();
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  char buf[64 * 1024];
  int rc = Z_OK;
  while (true) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof(buf);
    rc = inflate(&zs, Z_NO_FLUSH);
    if (!AppendBounded(buf, sizeof(buf) - zs.avail_out, max_out, out, cut)) break;
    if (rc == Z_STREAM_END) {
      // Concatenated gzip members form one body too (RFC 1952 section 2.2).
      if (zs.avail_in > 0 && window_bits > 15 && inflateReset(&zs) == Z_OK) continue;
      break;
    }
    if (rc != Z_OK) break;
  }
  inflateEnd(&zs);
  // A body cut short by the server still yields what was decoded; only fail on garbage.
  return rc == Z_STREAM_END || *cut || (rc == Z_BUF_ERROR && !out->empty());
}

bool ZstdAll(std::string_view in, uint64_t max_out, std::string* out, bool* cut) {
  ZSTD_DStream* ds = ZSTD_createDStream();
  if (ds == nullptr) return false;
  out->clear();
  ZSTD_inBuffer ib{in.data(), in.size(), 0};
  char buf[64 * 1024];
  bool ok = true;
  while (ib.pos < ib.size) {
    ZSTD_outBuffer ob{buf, sizeof(buf), 0};
    size_t rc = ZSTD_decompressStream(ds, &ob, &ib);
    if (ZSTD_isError(rc)) {
      ok = false;
      break;
    }
    if (!AppendBounded(buf, ob.pos, max_out, out, cut)) break;
    if (ob.pos == 0 && rc == 0) break;
  }
  ZSTD_freeDStream(ds);
  return ok;
}

// Brotli (RFC 7932), bounded like the others: decoding stops at max_out bytes.
bool BrotliAll(std::string_view in, uint64_t max_out, std::string* out, bool* cut) {
  BrotliDecoderState* st = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
  if (st == nullptr) return false;
  out->clear();
  const uint8_t* next_in = reinterpret_cast<const uint8_t*>(in.data());
  size_t avail_in = in.size();
  char buf[64 * 1024];
  BrotliDecoderResult rc = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT;
  while (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) {
    uint8_t* next_out = reinterpret_cast<uint8_t*>(buf);
    size_t avail_out = sizeof(buf);
    rc = BrotliDecoderDecompressStream(st, &avail_in, &next_in, &avail_out, &next_out, nullptr);
    if (!AppendBounded(buf, sizeof(buf) - avail_out, max_out, out, cut)) break;
  }
  BrotliDecoderDestroyInstance(st);
  // As for gzip: a body cut short by the server still yields what was decoded.
  return rc == BROTLI_DECODER_RESULT_SUCCESS || *cut ||
         (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT && !out->empty());
}

// RFC 9112 section 7.1: chunked transfer coding. Returns false on malformed framing.
bool Dechunk(std::string_view in, uint64_t max_out, std::string* out, bool* incomplete) {
  out->clear();
  size_t pos = 0;
  while (true) {
    size_t eol = in.find('\n', pos);
    if (eol == std::string_view::npos) {
      *incomplete = true;
      return !out->empty() || pos > 0;
    }
    std::string_view line = in.substr(pos, eol - pos);
    if (size_t semi = line.find(';'); semi != std::string_view::npos) line = line.substr(0, semi);
    line = Trim(line);
    if (line.empty() || line.size() > 15) return false;
    uint64_t size = 0;
    for (char c : line) {
      int v;
      if (c >= '0' && c <= '9')
        v = c - '0';
      else if (c >= 'a' && c <= 'f')
        v = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F')
        v = c - 'A' + 10;
      else
        return false;
      size = size * 16 + static_cast<uint64_t>(v);
    }
    pos = eol + 1;
    if (size == 0) return true;  // the last chunk; trailer fields are not needed
    if (pos + size > in.size()) {
      *incomplete = true;
      out->append(in.substr(pos));
      return true;
    }
    if (out->size() + size > max_out) return true;
    out->append(in.substr(pos, size));
    pos += size;
    if (in.substr(pos, 2) == "\r\n") {
      pos += 2;
    } else if (in.substr(pos, 1) == "\n") {
      pos += 1;
    } else if (pos < in.size()) {
      return false;
    }
  }
}

uint64_t SplitMix(uint64_t* s) {
  uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

bool HasLineBreak(std::string_view s) {
  return s.find('\r') != std::string_view::npos || s.find('\n') != std::string_view::npos;
}

// Whether the file begins with "WARC/", after gzip decoding when it is compressed: a file
// whose first record was torn is ours to repair; anything else is not ours to cut.
bool StartsLikeWarc(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  unsigned char in[4096];
  const ssize_t n = pread(fd, in, sizeof(in), 0);
  close(fd);
  if (n < 2) return false;
  if (in[0] != 0x1f || in[1] != 0x8b) return n >= 5 && std::memcmp(in, "WARC/", 5) == 0;
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 16) != Z_OK) return false;
  char out[16];
  zs.next_in = in;
  zs.avail_in = static_cast<uInt>(n);
  zs.next_out = reinterpret_cast<Bytef*>(out);
  zs.avail_out = sizeof(out);
  inflate(&zs, Z_SYNC_FLUSH);
  const size_t got = sizeof(out) - zs.avail_out;
  inflateEnd(&zs);
  return got >= 5 && std::memcmp(out, "WARC/", 5) == 0;
}

}  // namespace

namespace {
// SHA-1 over the concatenation of `parts`, in WARC's "sha1:<base32>" form. OpenSSL 3 looks an
// algorithm up in its provider registry (under a lock) on every implicit use such as
// EVP_sha1(); fetching it once and reusing one context per thread keeps a digest at the cost
// of hashing (OpenSSL's "explicit fetching" advice).
std::string Sha1Digest(std::initializer_list<std::string_view> parts) {
  static EVP_MD* const kSha1 = EVP_MD_fetch(nullptr, "SHA1", nullptr);
  struct Ctx {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    ~Ctx() { EVP_MD_CTX_free(ctx); }
  };
  thread_local Ctx tl;
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  const EVP_MD* algo = kSha1 != nullptr ? kSha1 : EVP_sha1();
  if (tl.ctx == nullptr || EVP_DigestInit_ex(tl.ctx, algo, nullptr) != 1) return "sha1:";
  for (std::string_view p : parts) EVP_DigestUpdate(tl.ctx, p.data(), p.size());
  EVP_DigestFinal_ex(tl.ctx, md, &len);
  // RFC 4648 section 6 base32; 20 bytes are exactly 32 characters, no padding.
  static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out = "sha1:";
  out.reserve(5 + 32);
  uint32_t buffer = 0;
  int bits = 0;
  for (unsigned int i = 0; i < len; ++i) {
    buffer = (buffer << 8) | md[i];
    bits += 8;
    while (bits >= 5) {
      out.push_back(kAlphabet[(buffer >> (bits - 5)) & 31]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(buffer << (5 - bits)) & 31]);
  return out;
}
}  // namespace

std::string WarcSha1Digest(std::string_view data) { return Sha1Digest({data}); }

std::string WarcDate(int64_t unix_seconds) {
  // A busy archiver dates thousands of records within one second: format each second once.
  thread_local int64_t cached_second = INT64_MIN;
  thread_local std::string cached;
  if (unix_seconds != cached_second) {
    time_t t = static_cast<time_t>(unix_seconds);
    struct tm tm;
    gmtime_r(&t, &tm);
    char buf[32];
    strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
    cached = buf;
    cached_second = unix_seconds;
  }
  return cached;
}

// ---------------------------------------------------------------------------------------
// Reader

// The decoded byte stream of a file: plain, or gzip with any number of members.
class WarcReader::Stream {
 public:
  ~Stream() {
    if (gzip_) inflateEnd(&zs_);
    if (fd_ >= 0) close(fd_);
  }
  Status Open(const std::string& path) {
    fd_ = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) {
      return errno == ENOENT ? Status::NotFound(Errno("open", path))
                             : Status::IoError(Errno("open", path));
    }
    path_ = path;
    in_.resize(kReadChunk);
    unsigned char magic[2] = {0, 0};
    ssize_t n = pread(fd_, magic, 2, 0);
    gzip_ = n == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    if (gzip_ && inflateInit2(&zs_, 15 + 16) != Z_OK) return Status::Internal("inflateInit2");
    return Status::Ok();
  }

  // Appends more decoded bytes to buf_. False at the end, a torn member or corrupt data.
  bool Fill() {
    if (ended_) return false;
    if (pos_ > 0 && pos_ >= buf_.size() / 2) {
      buf_.erase(0, pos_);
      base_ += pos_;
      pos_ = 0;
    }
    if (!gzip_) {
      const size_t old = buf_.size();
      buf_.resize(old + kReadChunk);
      ssize_t n = ReadFd(&buf_[old], kReadChunk);
      buf_.resize(old + static_cast<size_t>(std::max<ssize_t>(n, 0)));
      if (n <= 0) ended_ = true;
      return n > 0;
    }
    char out[kReadChunk];
    while (true) {
      if (zs_.avail_in == 0) {
        ssize_t n = ReadFd(in_.data(), in_.size());
        if (n <= 0) {
          ended_ = true;
          if (member_open_) torn_ = true;  // the file ends inside a gzip member
          return false;
        }
        file_fed_ += static_cast<uint64_t>(n);
        zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
        zs_.avail_in = static_cast<uInt>(n);
      }
      zs_.next_out = reinterpret_cast<Bytef*>(out);
      zs_.avail_out = sizeof(out);
      const uInt before_in = zs_.avail_in;
      int rc = inflate(&zs_, Z_NO_FLUSH);
      if (zs_.avail_in != before_in) member_open_ = true;
      const size_t got = sizeof(out) - zs_.avail_out;
      buf_.append(out, got);
      if (rc == Z_STREAM_END) {
        member_open_ = false;
        valid_file_length_ = file_fed_ - zs_.avail_in;
        inflateReset(&zs_);
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        corrupt_ = true;  // not gzip data here (garbage or a damaged member)
        ended_ = true;
        return got > 0;
      }
      if (got > 0) return true;
    }
  }

  ssize_t ReadFd(char* dst, size_t n) {
    while (true) {
      ssize_t r = read(fd_, dst, n);
      if (r < 0 && errno == EINTR) continue;
      if (r < 0) io_error_ = true;
      return r;
    }
  }

  std::string buf_;
  size_t pos_ = 0;
  uint64_t base_ = 0;  // decoded offset of buf_[0]
  uint64_t decoded_offset() const { return base_ + pos_; }

  std::string path_;
  int fd_ = -1;
  bool gzip_ = false;
  z_stream zs_{};
  std::vector<char> in_;
  uint64_t file_fed_ = 0;
  uint64_t valid_file_length_ = 0;  // gzip: end of the last complete member
  bool member_open_ = false;
  bool ended_ = false;
  bool torn_ = false;
  bool corrupt_ = false;
  bool io_error_ = false;
};

WarcReader::~WarcReader() = default;

Result<std::unique_ptr<WarcReader>> WarcReader::Open(const std::string& path,
                                                     const WarcReaderOptions& options) {
  std::unique_ptr<WarcReader> r(new WarcReader());
  r->options_ = options;
  r->stream_ = std::make_unique<Stream>();
  Status s = r->stream_->Open(path);
  if (!s.ok()) return s;
  return r;
}

bool WarcReader::ReadHeaderBlock(std::string* head) {
  Stream& s = *stream_;
  // Records are separated by CRLFCRLF; tolerate any number of extra line breaks.
  while (true) {
    while (s.pos_ < s.buf_.size() && (s.buf_[s.pos_] == '\r' || s.buf_[s.pos_] == '\n')) ++s.pos_;
    if (s.pos_ < s.buf_.size()) break;
    if (!s.Fill()) return false;  // clean end (or torn/corrupt, judged by the caller)
  }
  size_t searched = s.pos_;
  while (true) {
    size_t end = s.buf_.find("\r\n\r\n", searched > s.pos_ + 3 ? searched - 3 : s.pos_);
    if (end != std::string::npos) {
      head->assign(s.buf_, s.pos_, end - s.pos_);
      s.pos_ = end + 4;
      return true;
    }
    searched = s.buf_.size();
    if (searched - s.pos_ > kMaxHeaderBlock) {
      s.corrupt_ = true;
      return false;
    }
    const size_t rel = searched - s.pos_;
    if (!s.Fill()) {
      if (!s.corrupt_) truncated_ = true;  // a record header cut off by the end of the file
      return false;
    }
    searched = s.pos_ + rel;  // Fill may have compacted the buffer
  }
}

bool WarcReader::ReadExact(uint64_t n, std::string* out) {
  Stream& s = *stream_;
  while (s.buf_.size() - s.pos_ < n) {
    if (!s.Fill()) return false;
  }
  out->assign(s.buf_, s.pos_, n);
  s.pos_ += n;
  return true;
}

bool WarcReader::Skip(uint64_t n) {
  Stream& s = *stream_;
  while (n > 0) {
    const uint64_t have = s.buf_.size() - s.pos_;
    if (have >= n) {
      s.pos_ += n;
      return true;
    }
    n -= have;
    s.pos_ = s.buf_.size();
    if (!s.Fill()) return false;
  }
  return true;
}

std::string WarcRecord::HttpHeader(std::string_view name) const {
  return FieldValue(http_headers, name);
}

Status ParseHttpResponse(std::string_view message, uint64_t max_body_bytes, WarcRecord* out) {
  size_t head_end = message.find("\r\n\r\n");
  size_t body_start = head_end == std::string_view::npos ? std::string_view::npos : head_end + 4;
  size_t lf = message.find("\n\n");
  if (lf != std::string_view::npos && (head_end == std::string_view::npos || lf < head_end)) {
    head_end = lf;
    body_start = lf + 2;
  }
  if (head_end == std::string_view::npos) {
    head_end = message.size();  // headers only, no body
    body_start = message.size();
  }
  std::string_view head = message.substr(0, head_end);
  size_t eol = head.find('\n');
  std::string_view status_line = Trim(head.substr(0, eol));
  if (status_line.substr(0, 5) != "HTTP/")
    return Status::InvalidArgument("not an HTTP response: " +
                                   std::string(status_line.substr(0, 40)));
  size_t sp = status_line.find(' ');
  uint64_t code = 0;
  if (sp == std::string_view::npos || !ParseUint(status_line.substr(sp + 1, 3), &code) ||
      code < 100 || code > 999)
    return Status::InvalidArgument("bad HTTP status line: " + std::string(status_line));
  out->http_status = static_cast<int>(code);
  out->http_headers =
      ParseFields(eol == std::string_view::npos ? std::string_view() : head.substr(eol + 1));
  out->content_type = FieldValue(out->http_headers, "Content-Type");
  std::string_view body = message.substr(std::min(body_start, message.size()));

  std::string decoded;
  std::string current(body);
  if (ascii::Lower(FieldValue(out->http_headers, "Transfer-Encoding")).find("chunked") !=
      std::string::npos) {
    bool incomplete = false;
    if (Dechunk(current, max_body_bytes, &decoded, &incomplete)) {
      current.swap(decoded);
      if (incomplete) out->notes.push_back("chunked body ends early");
    } else {
      // Recorded already de-chunked under a stale header: keep the bytes as they are.
      out->notes.push_back("body is not chunked as declared; kept as recorded");
    }
  }
  // Content codings apply in the order listed; undo them from the last (RFC 9110 8.4).
  std::string encodings = ascii::Lower(FieldValue(out->http_headers, "Content-Encoding"));
  std::vector<std::string> list;
  for (size_t p = 0; p <= encodings.size();) {
    size_t comma = encodings.find(',', p);
    if (comma == std::string::npos) comma = encodings.size();
    std::string e(Trim(std::string_view(encodings).substr(p, comma - p)));
    if (!e.empty() && e != "identity") list.push_back(e);
    p = comma + 1;
  }
  for (auto it = list.rbegin(); it != list.rend(); ++it) {
    bool cut = false, ok = false;
    if (*it == "gzip" || *it == "x-gzip") {
      ok = InflateAll(current, 15 + 16, max_body_bytes, &decoded, &cut);
    } else if (*it == "deflate") {
      // "deflate" is zlib-wrapped by the RFC, raw deflate by some servers: try both.
      ok = InflateAll(current, 15, max_body_bytes, &decoded, &cut) ||
           InflateAll(current, -15, max_body_bytes, &decoded, &cut);
    } else if (*it == "zstd") {
      ok = ZstdAll(current, max_body_bytes, &decoded, &cut);
    } else if (*it == "br") {
      ok = BrotliAll(current, max_body_bytes, &decoded, &cut);
    } else {
      out->notes.push_back("content-encoding " + *it + " not decoded");
      break;
    }
    if (!ok) {
      // Many archives store the decoded body under the original header.
      out->notes.push_back("content-encoding " + *it + " did not decode; kept as recorded");
      break;
    }
    if (cut) out->notes.push_back("decoded body cut at the size limit");
    current.swap(decoded);
  }
  if (current.size() > max_body_bytes) {
    current.resize(max_body_bytes);
    out->notes.push_back("body cut at the size limit");
  }
  out->body = std::move(current);
  return Status::Ok();
}

Result<bool> WarcReader::Next(WarcRecord* record) {
  Stream& s = *stream_;
  while (!done_) {
    std::string head;
    if (!ReadHeaderBlock(&head)) break;
    auto fields = ParseFields(head);
    if (head.compare(0, 5, "WARC/") != 0) {
      notes_.push_back("corrupt data at decoded offset " + std::to_string(s.decoded_offset()) +
                       ": no WARC record header; stopped");
      done_ = true;
      break;
    }
    uint64_t length = 0;
    if (!ParseUint(FieldValue(fields, "Content-Length"), &length)) {
      notes_.push_back("record without a valid Content-Length; stopped");
      done_ = true;
      break;
    }
    const std::string type = FieldValue(fields, "WARC-Type");
    const std::string uri = FieldValue(fields, "WARC-Target-URI");
    const bool wanted =
        options_.all_records || type == "response" || type == "resource" || type == "conversion";
    if (length > options_.max_record_bytes || !wanted) {
      if (wanted) {
        ++skipped_;
        notes_.push_back("skipped oversized record (" + std::to_string(length) + " bytes) " + uri);
      }
      if (!Skip(length)) {
        if (!s.corrupt_) truncated_ = true;
        break;
      }
      continue;
    }
    std::string block;
    if (!ReadExact(length, &block)) {
      if (!s.corrupt_) truncated_ = true;
      notes_.push_back("last record cut off: " + uri);
      break;
    }
    *record = WarcRecord();
    record->warc_type = type;
    record->record_id = FieldValue(fields, "WARC-Record-ID");
    record->target_uri = uri;
    // WARC/1.0 examples wrote the URI in angle brackets; Common Crawl files still have them.
    if (record->target_uri.size() >= 2 && record->target_uri.front() == '<' &&
        record->target_uri.back() == '>')
      record->target_uri = record->target_uri.substr(1, record->target_uri.size() - 2);
    record->date = FieldValue(fields, "WARC-Date");
    record->ip_address = FieldValue(fields, "WARC-IP-Address");
    record->warc_content_type = FieldValue(fields, "Content-Type");
    record->warc_headers = std::move(fields);
    const bool http =
        ascii::Lower(record->warc_content_type).find("application/http") != std::string::npos;
    if (http && (type == "response" || type == "revisit")) {
      Status ps = ParseHttpResponse(block, options_.max_body_bytes, record);
      if (!ps.ok()) {
        record->notes.push_back(ps.message());
        record->content_type = record->warc_content_type;
        record->body = std::move(block);
      }
    } else {
      record->content_type = record->warc_content_type;
      record->body = std::move(block);
    }
    return true;
  }
  done_ = true;
  if (s.io_error_) return Status::IoError(Errno("read", s.path_));
  if (s.torn_) truncated_ = true;
  if (truncated_)
    notes_.push_back("file ends in a torn record (an interrupted write); stopped there");
  if (s.corrupt_) notes_.push_back("corrupt gzip data; stopped");
  return false;
}

Result<uint64_t> WarcValidLength(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return Status::IoError(Errno("stat", path));
  const uint64_t size = static_cast<uint64_t>(st.st_size);
  WarcReaderOptions o;
  o.all_records = true;
  Result<std::unique_ptr<WarcReader>> r = WarcReader::Open(path, o);
  if (!r.ok()) return r.status();
  WarcReader& reader = *r.value();
  if (reader.stream_->gzip_) {
    // Our writer puts whole records in each member, so a complete member is a complete record.
    WarcReader::Stream& s = *reader.stream_;
    while (s.Fill()) s.pos_ = s.buf_.size();
    if (s.io_error_) return Status::IoError(Errno("read", path));
    if (!s.torn_ && !s.corrupt_) return size;
    return s.valid_file_length_;
  }
  // Plain WARC: the end of the last record whose block and CRLFCRLF are complete.
  uint64_t valid = 0;
  WarcReader::Stream& s = *reader.stream_;
  while (true) {
    std::string head;
    if (!reader.ReadHeaderBlock(&head)) break;
    uint64_t length = 0;
    if (head.compare(0, 5, "WARC/") != 0 ||
        !ParseUint(FieldValue(ParseFields(head), "Content-Length"), &length))
      break;
    if (!reader.Skip(length)) break;
    std::string trailer;
    if (!reader.ReadExact(4, &trailer) || trailer != "\r\n\r\n") break;
    valid = s.decoded_offset();
  }
  if (s.io_error_) return Status::IoError(Errno("read", path));
  // Trailing line breaks after the last complete record are harmless.
  if (valid < size) {
    bool only_breaks = true;
    while (s.pos_ < s.buf_.size() || s.Fill()) {
      for (; s.pos_ < s.buf_.size(); ++s.pos_)
        if (s.buf_[s.pos_] != '\r' && s.buf_[s.pos_] != '\n') only_breaks = false;
      if (!only_breaks) break;
    }
    if (only_breaks) return size;
  }
  return valid;
}

// ---------------------------------------------------------------------------------------
// HTTP messages

namespace {
const char* ReasonPhrase(int status) {
  switch (status) {  // RFC 9110 section 15
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 203:
      return "Non-Authoritative Information";
    case 204:
      return "No Content";
    case 206:
      return "Partial Content";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 307:
      return "Temporary Redirect";
    case 308:
      return "Permanent Redirect";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 410:
      return "Gone";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "";
  }
}

Status AppendHeaders(const std::vector<std::pair<std::string, std::string>>& headers,
                     std::string* out) {
  for (const auto& [k, v] : headers) {
    if (HasLineBreak(k) || HasLineBreak(v) || k.empty())
      return Status::InvalidArgument("http: bad header " + k.substr(0, 40));
    *out += k;
    *out += ": ";
    *out += v;
    *out += "\r\n";
  }
  *out += "\r\n";
  return Status::Ok();
}
}  // namespace

Result<std::string> HttpResponseHead(
    std::string_view http_version, int status,
    const std::vector<std::pair<std::string, std::string>>& headers) {
  if (status < 100 || status > 999) return Status::InvalidArgument("http: bad status");
  std::string version(http_version.empty() ? std::string_view("1.1") : http_version);
  std::string out = "HTTP/" + version + " " + std::to_string(status);
  const std::string reason = version[0] == '2' || version[0] == '3' ? "" : ReasonPhrase(status);
  if (!reason.empty()) out += " " + reason;
  out += "\r\n";
  Status s = AppendHeaders(headers, &out);
  if (!s.ok()) return s;
  return out;
}

Result<std::string> HttpRequestHead(
    std::string_view method, std::string_view url,
    const std::vector<std::pair<std::string, std::string>>& headers) {
  Result<Url> u = ParseUrl(url);
  if (!u.ok()) return u.status();
  std::string host = u->host_is_ipv6() ? "[" + u->host + "]" : u->host;
  if (u->port != (u->scheme == "https" ? 443 : 80)) host += ":" + std::to_string(u->port);
  std::string out = std::string(method.empty() ? std::string_view("GET") : method) + " " +
                    u->PathAndQuery() + " HTTP/1.1\r\nHost: " + host + "\r\n";
  std::vector<std::pair<std::string, std::string>> rest;
  for (const auto& kv : headers)
    if (!ascii::EqualsIgnoreCase(kv.first, "Host")) rest.push_back(kv);
  Status s = AppendHeaders(rest, &out);
  if (!s.ok()) return s;
  return out;
}

// ---------------------------------------------------------------------------------------
// Writer

WarcWriter::~WarcWriter() {
  if (fd_ >= 0) close(fd_);
}

std::string WarcWriter::NewRecordId() const {
  // RFC 4122 version 4 UUID. SplitMix64's output function is a bijection, so mixing the
  // writer's random key (from the kernel) plus a counter gives IDs that never repeat within a
  // writer and look random across writers, and any thread can draw one without a lock.
  const uint64_t n = id_counter_.fetch_add(1, std::memory_order_relaxed);
  uint64_t s0 = id_key_[0] + n * 0x9E3779B97F4A7C15ull;
  uint64_t s1 = id_key_[1] + n * 0x9E3779B97F4A7C15ull;
  uint64_t hi = SplitMix(&s0);
  uint64_t lo = SplitMix(&s1);
  hi = (hi & 0xFFFFFFFFFFFF0FFFull) | 0x0000000000004000ull;
  lo = (lo & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;
  // "<urn:uuid:xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx>", the 32 hex digits of hi and lo.
  static const char kHex[] = "0123456789abcdef";
  std::string id = "<urn:uuid:xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx>";
  size_t pos = 10;
  for (int i = 0; i < 32; ++i) {
    if (id[pos] == '-') ++pos;
    const uint64_t word = i < 16 ? hi : lo;
    id[pos++] = kHex[(word >> (60 - 4 * (i % 16))) & 0xF];
  }
  return id;
}

std::string WarcWriter::Record(std::string_view type, std::string_view id,
                               const std::vector<std::pair<std::string, std::string>>& fields,
                               std::string_view content_type,
                               std::initializer_list<std::string_view> block) {
  size_t block_size = 0;
  for (std::string_view part : block) block_size += part.size();
  std::string r;
  r.reserve(block_size + 512);
  r += "WARC/1.1\r\nWARC-Type: ";
  r += type;
  r += "\r\nWARC-Record-ID: ";
  r += id;
  r += "\r\n";
  for (const auto& [k, v] : fields) {
    r += k;
    r += ": ";
    r += v;
    r += "\r\n";
  }
  if (!content_type.empty()) {
    r += "Content-Type: ";
    r += content_type;
    r += "\r\n";
  }
  r += "Content-Length: ";
  r += std::to_string(block_size);
  r += "\r\n\r\n";
  for (std::string_view part : block) r += part;
  r += "\r\n\r\n";
  return r;
}

void WarcWriter::EncodeRecord(std::string_view record, std::string* out, int level) const {
  if (gzip_) {
    AppendGzipMember(record, record.size() < options_.store_below_bytes ? 0 : level, out);
  } else {
    out->append(record);
  }
}

Status WarcWriter::AppendMembers(const std::vector<std::string>& records) {
  buffer_.clear();
  for (const std::string& r : records) EncodeRecord(r, &buffer_, options_.gzip_level);
  return AppendEncoded(buffer_);
}

Status WarcWriter::AppendEncoded(std::string_view encoded) {
  // The file ends at file_size_: it was opened with O_APPEND and only this writer appends
  // (see warc.h), so no fstat is needed per write.
  const off_t start = static_cast<off_t>(file_size_);
  size_t done = 0;
  while (done < encoded.size()) {
    ssize_t n = write(fd_, encoded.data() + done, encoded.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      Status err = Status::IoError(Errno("write", path_));
      // Leave no torn member behind: cut back to where this call started.
      if (ftruncate(fd_, start) != 0) {
        return Status::IoError(Errno("write and repair", path_));
      }
      return err;
    }
    done += static_cast<size_t>(n);
  }
  file_size_ += encoded.size();
  bytes_written_ += encoded.size();
  return Status::Ok();
}

Result<std::unique_ptr<WarcWriter>> WarcWriter::Open(const std::string& path,
                                                     const WarcWriterOptions& options) {
  std::unique_ptr<WarcWriter> w(new WarcWriter());
  w->path_ = path;
  w->options_ = options;
  using C = WarcWriterOptions::Compression;
  w->gzip_ =
      options.compression == C::kGzip || (options.compression == C::kByName && path.size() >= 3 &&
                                          path.compare(path.size() - 3, 3, ".gz") == 0);
  if (getrandom(w->id_key_, sizeof(w->id_key_), 0) != sizeof(w->id_key_)) {
    w->id_key_[0] =
        static_cast<uint64_t>(time(nullptr)) ^ (uint64_t{static_cast<uint32_t>(getpid())} << 32);
    w->id_key_[1] = reinterpret_cast<uintptr_t>(w.get());
  }

  struct stat st;
  uint64_t size = 0;
  if (stat(path.c_str(), &st) == 0 && st.st_size > 0) {
    Result<uint64_t> valid = WarcValidLength(path);
    if (!valid.ok()) return valid.status();
    size = static_cast<uint64_t>(st.st_size);
    if (valid.value() == 0 && !StartsLikeWarc(path)) {
      // Not one complete record: this is not a WARC file we wrote. Never cut someone's file.
      return Status::InvalidArgument(
          "warc: " + path + " exists and does not start with a WARC record; not appending");
    }
    if (valid.value() < size) {
      // A torn record from an interrupted run: cut it so that appending keeps the file valid.
      if (truncate(path.c_str(), static_cast<off_t>(valid.value())) != 0)
        return Status::IoError(Errno("truncate", path));
      w->repaired_bytes_ = size - valid.value();
      size = valid.value();
    }
  }
  w->fd_ = open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (w->fd_ < 0) return Status::IoError(Errno("open", path));
  if (fstat(w->fd_, &st) != 0) return Status::IoError(Errno("fstat", path));
  w->file_size_ = static_cast<uint64_t>(st.st_size);

  if (size == 0) {
    std::string info = "software: " + options.software + "\r\nformat: WARC File Format 1.1\r\n" +
                       "conformsTo: http://iipc.github.io/warc-specifications/specifications/"
                       "warc-format/warc-1.1/\r\n";
    if (!options.operator_contact.empty()) info += "operator: " + options.operator_contact + "\r\n";
    if (!options.description.empty()) info += "description: " + options.description + "\r\n";
    if (!options.user_agent.empty())
      info += "http-header-user-agent: " + options.user_agent + "\r\n";
    info += std::string("robots: ") + (options.robots_obeyed ? "obey" : "ignore") + "\r\n";
    if (HasLineBreak(options.software) || HasLineBreak(options.operator_contact) ||
        HasLineBreak(options.description) || HasLineBreak(options.user_agent))
      return Status::InvalidArgument("warcinfo fields must be single lines");
    w->warcinfo_id_ = w->NewRecordId();
    const size_t slash = path.rfind('/');
    std::vector<std::pair<std::string, std::string>> fields = {
        {"WARC-Date", WarcDate(time(nullptr))},
        {"WARC-Filename", slash == std::string::npos ? path : path.substr(slash + 1)}};
    Status s = w->AppendMembers(
        {w->Record("warcinfo", w->warcinfo_id_, fields, "application/warc-fields", {info})});
    if (!s.ok()) return s;
  } else {
    // Continue an existing file: later records name its warcinfo record.
    WarcReaderOptions o;
    o.all_records = true;
    Result<std::unique_ptr<WarcReader>> r = WarcReader::Open(path, o);
    WarcRecord first;
    if (r.ok()) {
      Result<bool> got = r.value()->Next(&first);
      if (got.ok() && got.value() && first.warc_type == "warcinfo")
        w->warcinfo_id_ = first.record_id;
    }
  }
  return w;
}

namespace {
// The response head as it describes a body of `body_size` bytes with its transfer coding (and,
// when `content_decoded`, its content coding) removed (see warc.h). *content_coding gets the
// Content-Encoding value (lower case), "" when there is none.
std::string RewriteHead(std::string_view head, size_t body_size, bool content_decoded,
                        std::string* content_coding) {
  content_coding->clear();
  std::string out;
  out.reserve(head.size() + 64);
  size_t pos = 0;
  bool first = true;
  while (pos < head.size()) {
    size_t eol = head.find('\n', pos);
    std::string_view line =
        head.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
    pos = eol == std::string_view::npos ? head.size() : eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (first) continue;
      break;  // end of the head
    }
    if (!first) {
      size_t colon = line.find(':');
      std::string_view name = colon == std::string_view::npos ? line : Trim(line.substr(0, colon));
      const bool coding = ascii::EqualsIgnoreCase(name, "Content-Encoding");
      if (coding && colon != std::string_view::npos && content_coding->empty())
        *content_coding = ascii::Lower(Trim(line.substr(colon + 1)));
      if (ascii::EqualsIgnoreCase(name, "Transfer-Encoding") ||
          ascii::EqualsIgnoreCase(name, "Content-Length") || (content_decoded && coding)) {
        out += "X-Crawler-";
      }
    }
    first = false;
    out += line;
    out += "\r\n";
  }
  out += "Content-Length: " + std::to_string(body_size) + "\r\n\r\n";
  return out;
}
}  // namespace

Status WarcWriter::WriteExchange(const WarcExchange& ex, std::string* response_id) {
  buffer_.clear();
  std::string id;
  Status s = EncodeExchange(ex, &buffer_, &id);
  if (s.ok()) s = AppendEncoded(buffer_);
  if (s.ok() && response_id != nullptr) *response_id = std::move(id);
  return s;
}

Status WarcWriter::EncodeExchange(const WarcExchange& ex, std::string* out,
                                  std::string* response_id) const {
  if (ex.target_uri.empty() || HasLineBreak(ex.target_uri) || HasLineBreak(ex.ip_address))
    return Status::InvalidArgument("warc: bad target URI or IP address");
  if (ex.response_head.compare(0, 5, "HTTP/") != 0)
    return Status::InvalidArgument("warc: response head must start with an HTTP status line");
  const int64_t t = ex.fetch_time > 0 ? ex.fetch_time : static_cast<int64_t>(time(nullptr));
  const std::string date = WarcDate(t);

  using BodyCoding = WarcWriterOptions::BodyCoding;
  std::string head;
  std::string coding;  // the Content-Encoding of the head, lower case
  if (options_.body_coding != BodyCoding::kRaw) {
    head = RewriteHead(ex.response_head, ex.body.size(),
                       options_.body_coding == BodyCoding::kDecoded, &coding);
  } else {
    head = ex.response_head;
    if (head.size() < 4 || head.compare(head.size() - 4, 4, "\r\n\r\n") != 0) head += "\r\n";
  }

  std::string fallback_request;
  std::string_view request = ex.request;
  if (request.empty()) {
    fallback_request = "GET " + ex.target_uri + " HTTP/1.1\r\n\r\n";
    request = fallback_request;
  }

  const std::string resp_id = NewRecordId();
  const std::string req_id = NewRecordId();
  std::vector<std::pair<std::string, std::string>> rf;
  rf.reserve(8);
  rf.emplace_back("WARC-Date", date);
  rf.emplace_back("WARC-Target-URI", ex.target_uri);
  if (!ex.ip_address.empty()) rf.emplace_back("WARC-IP-Address", ex.ip_address);
  if (!warcinfo_id_.empty()) rf.emplace_back("WARC-Warcinfo-ID", warcinfo_id_);
  std::vector<std::pair<std::string, std::string>> qf = rf;
  rf.emplace_back("WARC-Concurrent-To", req_id);
  rf.emplace_back("WARC-Block-Digest", Sha1Digest({head, ex.body}));
  // The payload digest covers the entity after transfer decoding (WARC 1.1 section 5.9).
  std::string dechunked;
  bool incomplete = false;
  bool chunked = false;
  // A body still under its content coding (gzip, br, zstd) does not deflate any further: its
  // gzip member is written with stored blocks, which costs a copy instead of a deflate pass
  // (and a per-member set-up that dominates for small pages) for a member a few hundred bytes
  // larger, the response head's share.
  if (options_.body_coding == BodyCoding::kRaw) {
    const auto fields = ParseFields(ex.response_head);
    chunked = ascii::Lower(FieldValue(fields, "Transfer-Encoding")).find("chunked") !=
                  std::string::npos &&
              Dechunk(ex.body, ex.body.size(), &dechunked, &incomplete);
    coding = ascii::Lower(Trim(FieldValue(fields, "Content-Encoding")));
  }
  const bool coded =
      options_.body_coding != BodyCoding::kDecoded && !coding.empty() && coding != "identity";
  rf.emplace_back("WARC-Payload-Digest", WarcSha1Digest(chunked ? dechunked : ex.body));
  qf.emplace_back("WARC-Concurrent-To", resp_id);
  qf.emplace_back("WARC-Block-Digest", WarcSha1Digest(request));

  EncodeRecord(
      Record("response", resp_id, rf, "application/http;msgtype=response", {head, ex.body}), out,
      coded ? 0 : options_.gzip_level);
  EncodeRecord(Record("request", req_id, qf, "application/http;msgtype=request", {request}), out,
               options_.gzip_level);
  if (response_id != nullptr) *response_id = resp_id;
  return Status::Ok();
}

Status WarcWriter::WriteRecord(std::string_view type, std::string_view target_uri,
                               std::string_view content_type, std::string_view block,
                               int64_t time_s,
                               const std::vector<std::pair<std::string, std::string>>& extra,
                               std::string* record_id) {
  if (HasLineBreak(type) || HasLineBreak(target_uri) || HasLineBreak(content_type))
    return Status::InvalidArgument("warc: header values must be single lines");
  const std::string id = NewRecordId();
  std::vector<std::pair<std::string, std::string>> f = {
      {"WARC-Date", WarcDate(time_s > 0 ? time_s : static_cast<int64_t>(time(nullptr)))}};
  if (!target_uri.empty()) f.emplace_back("WARC-Target-URI", std::string(target_uri));
  if (!warcinfo_id_.empty()) f.emplace_back("WARC-Warcinfo-ID", warcinfo_id_);
  for (const auto& kv : extra) {
    if (HasLineBreak(kv.first) || HasLineBreak(kv.second))
      return Status::InvalidArgument("warc: header values must be single lines");
    f.push_back(kv);
  }
  f.emplace_back("WARC-Block-Digest", WarcSha1Digest(block));
  Status s = AppendMembers({Record(type, id, f, content_type, {block})});
  if (s.ok() && record_id != nullptr) *record_id = id;
  return s;
}

Status WarcWriter::Sync() {
  if (fdatasync(fd_) != 0) return Status::IoError(Errno("fdatasync", path_));
  return Status::Ok();
}

}  // namespace qingxi::fetch
