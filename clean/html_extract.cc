// PLACEHOLDER until the extraction stage lands.
#include "qingxi/extract.h"
namespace qingxi {
namespace {
class Naive : public HtmlExtractor {
 public:
  Result<ExtractedPage> Extract(std::string_view, const ExtractLimits&) const override {
    return Status::Internal("html extraction not built yet");
  }
};
}  // namespace
Result<std::shared_ptr<const HtmlExtractor>> HtmlExtractor::Create(const std::string&) {
  return std::shared_ptr<const HtmlExtractor>(std::make_shared<Naive>());
}
}  // namespace qingxi
