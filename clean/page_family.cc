// clean/page_family.cc — the list of page families, in the order they run (page_family.h).
#include "page_family.h"

namespace qingxi {
namespace html {

const std::vector<std::unique_ptr<const PageFamily>>& PageFamilies() {
  static const auto* families = [] {
    auto* v = new std::vector<std::unique_ptr<const PageFamily>>();
    v->push_back(MakeThreadFamily());   // joins posts: runs before the listing check
    v->push_back(MakeArticleEndFamily());  // an article's end: not on a thread
    v->push_back(MakeListingFamily());  // judges what is finally selected
    return v;
  }();
  return *families;
}

}  // namespace html
}  // namespace qingxi
