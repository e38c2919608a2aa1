// fuzz_warc: the WARC/WET reader (qingxi/fetch/warc.h) on any file — plain or multi-member
// gzip, records whose HTTP bodies are chunked and/or gzip, deflate, br or zstd coded — and
// ParseHttpResponse on the same bytes as one HTTP message.
// Invariants: reading ends (no record is yielded twice, at most one per 16 input bytes plus
// a few); no body exceeds max_body_bytes and no record block max_record_bytes; the reader
// never reads past a member: the records read from the file cut at WarcValidLength (the end of
// its last complete gzip member or record) are the first records read from the whole file, so
// bytes after a member never change what the members before it yield.
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "qingxi/fetch/warc.h"

namespace {
constexpr uint64_t kMaxBody = 1u << 20;

struct Seen {
  std::string type, id, uri, body;
  int status;
  bool operator==(const Seen& o) const {
    return type == o.type && id == o.id && uri == o.uri && body == o.body && status == o.status;
  }
};

std::vector<Seen> ReadAll(const std::string& path, size_t input_size) {
  using namespace qingxi::fetch;
  WarcReaderOptions o;
  o.max_record_bytes = 4u << 20;
  o.max_body_bytes = kMaxBody;
  o.all_records = true;
  std::vector<Seen> out;
  auto r = WarcReader::Open(path, o);
  QX_FUZZ_CHECK(r.ok(), r.status().message());
  WarcReader& reader = *r.value();
  WarcRecord rec;
  while (true) {
    auto got = reader.Next(&rec);
    if (!got.ok() || !got.value()) break;
    QX_FUZZ_CHECK(rec.body.size() <= kMaxBody, "body beyond max_body_bytes");
    out.push_back(Seen{rec.warc_type, rec.record_id, rec.target_uri, rec.body, rec.http_status});
    // Each record needs at least "WARC/1.0\r\n\r\n" of decoded input; gzip can expand, so this
    // bounds only runaway loops, not real files.
    QX_FUZZ_CHECK(out.size() <= 1000 + input_size * 1024, "reader does not end");
  }
  return out;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace qingxi;
  std::string_view in = fuzz::AsView(data, size);
  {
    fetch::WarcRecord rec;
    if (fetch::ParseHttpResponse(in, kMaxBody, &rec).ok())
      QX_FUZZ_CHECK(rec.body.size() <= kMaxBody, "HTTP body beyond the limit");
  }
  fuzz::MemFile file(in);
  const std::vector<Seen> all = ReadAll(file.path(), size);
  auto valid = fetch::WarcValidLength(file.path());
  QX_FUZZ_CHECK(valid.ok(), valid.status().message());
  QX_FUZZ_CHECK(valid.value() <= size, "valid length beyond the file");
  if (valid.value() < size) {
    fuzz::MemFile prefix(in.substr(0, valid.value()));
    const std::vector<Seen> head = ReadAll(prefix.path(), valid.value());
    QX_FUZZ_CHECK(head.size() <= all.size(), "the valid prefix yields more records than the file");
    for (size_t i = 0; i < head.size(); ++i)
      QX_FUZZ_CHECK(head[i] == all[i], "record " + std::to_string(i) + " depends on later bytes");
  }
  return 0;
}
