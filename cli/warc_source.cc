// PLACEHOLDER: WARC input is wired once the WARC reader lands.
#include "doc_source.h"
namespace qingxi::cli {
namespace {
class NoWarc : public DocSource {
 public:
  bool Next(DocTask*) override { return false; }
  Status status() const override { return Status::InvalidArgument("WARC input not built yet"); }
};
}  // namespace
std::unique_ptr<DocSource> OpenWarcSource(const std::string&, FILE* f, std::string, size_t) {
  if (f && f != stdin) std::fclose(f);
  return std::make_unique<NoWarc>();
}
}  // namespace qingxi::cli
