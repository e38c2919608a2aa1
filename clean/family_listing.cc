// clean/family_listing.cc — the listing family (page_family.h): index, channel and search pages.
//
// A page whose selected content is mostly link text, with hardly a punctuated phrase outside
// its links, is an index, a channel or a search page: headlines that lead elsewhere (and their
// dates), not a text of its own. It has no main text rather than a list of headlines in the
// corpus, and is flagged "listing". (A short article above a long related-links box has its
// sentences outside links.)
#include <algorithm>

#include "page_family.h"

namespace qingxi {
namespace html {
namespace {

using dom::NodeType;

class ListingFamily : public PageFamily {
 public:
  std::string_view name() const override { return "listing"; }

  void Refine(const PageView& page, Selection* sel) const override {
    const Work& w = page.w;
    const auto& nodes = w.doc->nodes();
    const ExtractRules& rules = page.rules;
    // Words, not characters: the dates and counters beside each headline are no text. When
    // the headline rows are all there is, nothing scores but the pager or a label, so a
    // selection that is no more than a label is judged by the whole page's words.
    uint64_t words = 0;
    auto linked_share = [&](const std::vector<uint32_t>& from, uint64_t* prose_punct) {
      uint64_t links = 0;
      words = 0;
      for (uint32_t r : from) {
        for (uint32_t k = r; k < nodes[r].end; ++k) {
          if (nodes[k].type != NodeType::kText || !w.alive[k]) continue;
          words += w.tstats[k].words;
          if (w.in_link[k])
            links += w.tstats[k].words;
          else
            *prose_punct += w.tstats[k].punct;
        }
      }
      return words == 0 ? 0.0 : static_cast<double>(links) / words;
    };
    uint64_t prose_punct = 0, page_punct = 0;
    double share = linked_share(sel->roots, &prose_punct);
    const bool no_prose = prose_punct < static_cast<uint64_t>(rules.listing_max_prose_punct);
    if (no_prose && share <= rules.listing_link_density && page.body != 0 && !sel->roots.empty() &&
        sel->roots.front() != page.body && words < rules.listing_label_words)
      share = linked_share({page.body}, &page_punct);
    if (no_prose && share > rules.listing_link_density) {
      sel->roots.clear();
      sel->flags.erase(std::remove(sel->flags.begin(), sel->flags.end(), "thread"),
                       sel->flags.end());
      sel->flags.push_back("listing");
    }
  }
};

}  // namespace

std::unique_ptr<const PageFamily> MakeListingFamily() { return std::make_unique<ListingFamily>(); }

}  // namespace html
}  // namespace qingxi
