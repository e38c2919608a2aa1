// fuzz_jsonl: the JSONL input reader of `qingxi clean` (cli/doc_source.h): one JSON object a
// line with "html", "text" or "content".
// Input: the JSONL bytes (read through a file, as the command does).
// Invariants: exactly one document per non-blank line — a broken line becomes one error
// document, never a lost or extra one; a document either carries an error or none; no
// document's bytes exceed twice the byte limit (the line limit).
#include <cstdint>
#include <string>

#include "doc_source.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace qingxi;
  const std::string_view in = fuzz::AsView(data, size);
  size_t nonblank = 0;
  for (size_t start = 0; start < in.size();) {
    size_t nl = in.find('\n', start);
    if (nl == std::string_view::npos) nl = in.size();
    if (in.substr(start, nl - start).find_first_not_of(" \t\r") != std::string_view::npos)
      ++nonblank;
    start = nl + 1;
  }
  constexpr size_t kMaxBytes = 4096;
  fuzz::MemFile file(in);
  std::unique_ptr<cli::DocSource> src =
      cli::DocSource::Open(file.path(), cli::InputFormat::kJsonl, kMaxBytes);
  cli::DocTask task;
  size_t docs = 0;
  while (src->Next(&task)) {
    ++docs;
    QX_FUZZ_CHECK(task.loaded, "JSONL document not loaded");
    QX_FUZZ_CHECK(task.bytes.size() <= 2 * kMaxBytes, "document beyond the line limit");
    QX_FUZZ_CHECK(docs <= nonblank, "more documents than lines");
  }
  QX_FUZZ_CHECK(src->status().ok(), src->status().message());
  QX_FUZZ_CHECK(docs == nonblank, "lines lost: " + std::to_string(nonblank - docs));
  return 0;
}
