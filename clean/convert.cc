// PLACEHOLDER until the conversion stage lands: identity.
#include "qingxi/convert.h"
namespace qingxi {
namespace {
class Identity : public Converter {
 public:
  Script Detect(std::string_view) const override { return Script::kHans; }
  std::string ToSimplified(std::string_view s) const override { return std::string(s); }
};
}  // namespace
Result<std::shared_ptr<const Converter>> Converter::Create(const std::string&) {
  return std::shared_ptr<const Converter>(std::make_shared<Identity>());
}
}  // namespace qingxi
