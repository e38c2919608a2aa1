// PLACEHOLDER until the text cleaners land: drops empty lines only.
#include "qingxi/text_cleaner.h"
#include "qingxi/utf8.h"
namespace qingxi {
namespace {
class Pass : public TextCleaner {
 public:
  CleanOutput Clean(const CleanInput& in) const override {
    CleanOutput o;
    for (const auto& l : in.lines) {
      auto t = utf8::Trim(l);
      if (!t.empty()) o.paragraphs.emplace_back(t);
    }
    o.title = in.title;
    o.date = in.date;
    return o;
  }
};
}  // namespace
Result<std::shared_ptr<const TextCleaner>> TextCleaner::Create(const std::string&,
                                                               std::shared_ptr<const Converter>) {
  return std::shared_ptr<const TextCleaner>(std::make_shared<Pass>());
}
}  // namespace qingxi
