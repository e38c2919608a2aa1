// qingxi/fetch/warc.h — writing and reading WARC files (ISO 28500, WARC/1.1).
//
// Owns: the on-disk archive of raw HTTP exchanges. WarcWriter appends request/response record
// pairs (after one warcinfo record) to a .warc.gz file in which every record is its own gzip
// member, the layout standard tools (warcio, warctools, pywb, Common Crawl's) read and index.
// WarcReader iterates the content records of .warc.gz (multi-member gzip) and plain .warc
// files, ours and Common Crawl's WARC and WET files, and decodes the HTTP response inside.
//
// Crash safety: a writer opens its file with O_APPEND and writes each exchange (request and
// response records, each a complete gzip member) with one write(), so a kill leaves at most one
// torn member at the end. A reader stops at a torn member (truncated() says so); a writer that
// opens an existing file cuts a torn tail off before appending, so a resumed run continues a
// valid file. Sync() makes what was written durable (fsync) when the caller needs that.
//
// Bodies: the writer is told how the body it is given relates to the response head
// (WarcWriterOptions::body_coding). `qingxi fetch` stores the entity body as the server sent it,
// content coding (gzip/br/zstd) and all, which is what WARC's payload is (section 5.9) and the
// cheapest to archive; libcurl has removed only the chunked framing, so the head's
// Transfer-Encoding and Content-Length are kept under "X-Crawler-" names and a correct
// Content-Length is added. A body that was decoded as well also has Content-Encoding renamed,
// as Common Crawl does. Either way the record is a consistent HTTP message. The reader handles
// all of these and raw records (chunked and/or gzip/deflate/br/zstd bodies).
//
// Thread-safety: a WarcWriter or WarcReader is used by one thread at a time, except that
// WarcWriter::EncodeExchange may run on any number of threads alongside it. Use one writer per
// file: two writers appending to one file could interleave their torn-tail repair.
#ifndef QINGXI_FETCH_WARC_H_
#define QINGXI_FETCH_WARC_H_

#include <atomic>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "qingxi/status.h"

namespace qingxi::fetch {

// "sha1:" + RFC 4648 base32 of the SHA-1 of `data`: the WARC digest form
// ("" -> "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ").
std::string WarcSha1Digest(std::string_view data);

// A WARC-Date value for a Unix time in seconds: "2026-11-22T03:26:07Z" (ISO 8601, UTC).
std::string WarcDate(int64_t unix_seconds);

struct WarcWriterOptions {
  // gzip each record as its own member. Default: decided by the file name (".gz" suffix).
  enum class Compression { kByName, kGzip, kNone };
  Compression compression = Compression::kByName;
  // Deflate level 1..12 (libdeflate's scale; 1..9 mean what they mean to zlib/gzip). 1 by
  // default: archiving is on the crawl's critical path, and a finished file can be
  // recompressed at leisure. Members are written with libdeflate, 2-3x faster than zlib at
  // the same level; they are standard gzip members (RFC 1952), read back with zlib. A response
  // whose body is still gzip/br/zstd-coded is written with stored blocks (level 0): deflate
  // gains next to nothing on it.
  int gzip_level = 1;
  // Records shorter than this are written as stored gzip members (still one member each):
  // deflate's set-up per member (match-finder tables, Huffman codes) costs more CPU than
  // compressing a few hundred bytes of record headers by a quarter saves. Request records are
  // about 600 bytes; response records of pages are larger. 0 deflates every record.
  size_t store_below_bytes = 1024;
  // Fields of the warcinfo record written when a file is started.
  std::string software = "qingxi";
  std::string operator_contact;  // "operator" field (who ran the crawl), optional
  std::string description;       // free text, optional
  std::string user_agent;        // "http-header-user-agent" field, optional
  bool robots_obeyed = true;     // "robots: obey" / "robots: ignore"
  // What the body given to EncodeExchange is, and so which fields of the response head no
  // longer describe it and are renamed to X-Crawler-* (a correct Content-Length is added):
  //   kDecoded         transfer and content coding removed: Transfer-Encoding,
  //                    Content-Encoding and Content-Length renamed;
  //   kContentCoded    only the transfer coding removed (the entity body as sent, still
  //                    gzip/br/zstd): Transfer-Encoding and Content-Length renamed;
  //   kRaw             the bytes off the wire, chunks and all: the head is kept as it is.
  enum class BodyCoding { kDecoded, kContentCoded, kRaw };
  BodyCoding body_coding = BodyCoding::kDecoded;
};

// One fetched HTTP exchange, as the fetcher saw it.
struct WarcExchange {
  std::string target_uri;     // the URL requested (after redirects: the final one)
  std::string ip_address;     // the server's address, "" when unknown
  int64_t fetch_time = 0;     // Unix seconds; 0 means now
  std::string request;        // the HTTP request as sent: request line, headers, CRLFCRLF (+ body)
  std::string response_head;  // status line and headers as received, ending with CRLFCRLF
  std::string body;           // the payload (see body_coding)
};

// The HTTP messages a WARC stores, rebuilt from a fetch's parts when the raw bytes are not at
// hand: "HTTP/<version> <status> <reason>" plus the headers in order, ending with CRLFCRLF
// (version "1.1", "2"; the reason phrase is the RFC 9110 one, omitted for HTTP/2 and unknown
// codes), and "<method> <path?query> HTTP/1.1" with a Host header first, then `headers`.
// InvalidArgument when `url` does not parse (HttpRequestHead) or a header has a line break.
Result<std::string> HttpResponseHead(
    std::string_view http_version, int status,
    const std::vector<std::pair<std::string, std::string>>& headers);
Result<std::string> HttpRequestHead(
    std::string_view method, std::string_view url,
    const std::vector<std::pair<std::string, std::string>>& headers);

class WarcWriter {
 public:
  // Opens (creating if needed) `path` for appending. An existing file is checked first: a
  // torn last record or gzip member is cut off. A warcinfo record is written to a new or empty
  // file. IoError when the file cannot be opened, read or repaired.
  static Result<std::unique_ptr<WarcWriter>> Open(const std::string& path,
                                                  const WarcWriterOptions& options = {});
  ~WarcWriter();
  WarcWriter(const WarcWriter&) = delete;
  WarcWriter& operator=(const WarcWriter&) = delete;

  // Appends a request record and a response record linked by WARC-Concurrent-To, in one
  // write. The response's WARC-Record-ID is returned in *response_id when non-null.
  Status WriteExchange(const WarcExchange& exchange, std::string* response_id = nullptr);
  // Appends one record of any type with the given block (e.g. "metadata", "resource").
  // `extra_headers` are added as they are ("WARC-Refers-To", ...).
  Status WriteRecord(std::string_view type, std::string_view target_uri,
                     std::string_view content_type, std::string_view block, int64_t time,
                     const std::vector<std::pair<std::string, std::string>>& extra_headers = {},
                     std::string* record_id = nullptr);
  // fsync: what was written so far survives a power loss.
  Status Sync();

  // The two halves of WriteExchange, for callers that archive at a high rate. EncodeExchange
  // appends to *out the bytes WriteExchange would write for `exchange` (its request and
  // response records, each a gzip member when the file is compressed) without writing them.
  // It is const and thread-safe: any number of threads may encode for one writer at once
  // (record IDs come from an atomic counter), so digests and deflate, the costly part, run in
  // parallel. AppendEncoded then writes what one or more EncodeExchange calls produced with
  // one write() (one thread at a time, like every other writing method); on failure it cuts
  // the file back to where the call started, so exchanges are all written or none is.
  Status EncodeExchange(const WarcExchange& exchange, std::string* out,
                        std::string* response_id = nullptr) const;
  Status AppendEncoded(std::string_view encoded);

  const std::string& path() const { return path_; }
  uint64_t bytes_written() const { return bytes_written_; }    // by this writer
  uint64_t repaired_bytes() const { return repaired_bytes_; }  // torn tail cut off at Open

 private:
  WarcWriter() = default;
  std::string NewRecordId() const;
  // A record whose block is the concatenation of `block`.
  static std::string Record(std::string_view type, std::string_view id,
                            const std::vector<std::pair<std::string, std::string>>& fields,
                            std::string_view content_type,
                            std::initializer_list<std::string_view> block);
  // Appends `record` to *out: as one gzip member (deflate `level`, 0: stored blocks) when the
  // file is compressed, else as it is.
  void EncodeRecord(std::string_view record, std::string* out, int level) const;
  Status AppendMembers(const std::vector<std::string>& records);

  std::string path_;
  WarcWriterOptions options_;
  int fd_ = -1;
  bool gzip_ = true;
  std::string warcinfo_id_;
  uint64_t bytes_written_ = 0;
  uint64_t repaired_bytes_ = 0;
  uint64_t file_size_ = 0;  // where the next write lands (O_APPEND, one writer per file)
  // Record IDs: UUIDs from a bijective mix of a random key and a counter, so every ID of one
  // writer differs and any thread can draw one.
  uint64_t id_key_[2] = {0, 0};
  mutable std::atomic<uint64_t> id_counter_{0};
  std::string buffer_;
};

// The length of the valid prefix of a WARC file: the end of its last complete gzip member
// (gzip) or record (plain). Equal to the file size when nothing is torn.
Result<uint64_t> WarcValidLength(const std::string& path);

struct WarcReaderOptions {
  // Records whose block is longer than this are skipped (with a note), not loaded.
  uint64_t max_record_bytes = 64ull << 20;
  // Decoded (Content-Encoding) bodies are cut off at this size (with a note): a decompression
  // bomb cannot exhaust memory.
  uint64_t max_body_bytes = 64ull << 20;
  // Yield every record (warcinfo, request, metadata, revisit...) and not only the ones that
  // carry a document (response, resource, conversion).
  bool all_records = false;
};

// One record as the reader yields it.
struct WarcRecord {
  std::string warc_type;          // "response", "resource", "conversion" (WET), ...
  std::string record_id;          // "<urn:uuid:...>"
  std::string target_uri;         // WARC-Target-URI
  std::string date;               // WARC-Date as written
  std::string ip_address;         // WARC-IP-Address, "" when absent
  std::string warc_content_type;  // the record's own Content-Type
  std::vector<std::pair<std::string, std::string>> warc_headers;  // all WARC header fields
  // For HTTP responses: status (200, 404...), the headers, and the Content-Type header.
  // For resource/conversion records: 0, no headers, and content_type = warc_content_type.
  int http_status = 0;
  std::vector<std::pair<std::string, std::string>> http_headers;
  std::string content_type;
  std::string body;                // the payload, de-chunked and content-decoded
  std::vector<std::string> notes;  // what was odd about this record ("bad chunked encoding")

  // The value of the first HTTP header called `name` (case-insensitive), "" when absent.
  std::string HttpHeader(std::string_view name) const;
};

class WarcReader {
 public:
  // Opens a .warc.gz or .warc file (gzip is recognised by its magic bytes, not the name).
  static Result<std::unique_ptr<WarcReader>> Open(const std::string& path,
                                                  const WarcReaderOptions& options = {});
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // Fills *record with the next record and returns true; false at the end of the file (or at
  // a torn or corrupt tail: see truncated() and notes()). IoError when reading fails.
  Result<bool> Next(WarcRecord* record);

  bool truncated() const { return truncated_; }
  // File-level notes: skipped oversized records, a torn tail, corrupt data.
  const std::vector<std::string>& notes() const { return notes_; }
  uint64_t records_skipped() const { return skipped_; }

 private:
  friend Result<uint64_t> WarcValidLength(const std::string& path);
  class Stream;
  WarcReader() = default;
  bool ReadHeaderBlock(std::string* head);
  bool ReadExact(uint64_t n, std::string* out);
  bool Skip(uint64_t n);

  WarcReaderOptions options_;
  std::unique_ptr<Stream> stream_;
  bool truncated_ = false;
  bool done_ = false;
  uint64_t skipped_ = 0;
  std::vector<std::string> notes_;
};

// Parses an HTTP/1.x (or "HTTP/2") response message as stored in a WARC response record:
// status line, headers, body; removes chunked transfer coding and gzip/deflate/br/zstd content
// coding (bounded by max_body_bytes). Fills the http_* fields, content_type and body of *out.
// Exposed for tests and for callers that hold a raw HTTP response.
Status ParseHttpResponse(std::string_view message, uint64_t max_body_bytes, WarcRecord* out);

}  // namespace qingxi::fetch

#endif  // QINGXI_FETCH_WARC_H_
