// cli/explain_page.h — one document's explanation as a self-contained HTML page.
//
// The page shows the document's visible text in reading order (Explanation::source) with every
// removed part struck through and coloured by its reason, the stage, reason and rule in each
// part's title attribute (shown on hover), a legend with counts, and the record as written.
// No script, no external resource, all CSS inline in one <style>; every text of the page is
// HTML-escaped, so a page about "<script>" or "</style>" renders as text.
//
// Placing removals: a removal is located in the source blocks by its text (whole blocks first,
// then spans in blocks that are not wholly kept); what a line cleaner edited before dropping it
// (a metadata line whose pinyin was stripped first) is matched without spaces as a fallback.
// Removals that have no place in the text (decoder notes) are listed below it.
//
// Thread-safety: pure function.
#ifndef QINGXI_CLI_EXPLAIN_PAGE_H_
#define QINGXI_CLI_EXPLAIN_PAGE_H_

#include <string>

#include "qingxi/explain.h"
#include "qingxi/record.h"

namespace qingxi::cli {

// `r` is the record the explanation `e` belongs to, processed without conversion (its text is
// compared with the source); `written` is the record as `clean` writes it (shown at the end).
std::string RenderExplainPage(const Record& r, const Explanation& e, const Record& written);

}  // namespace qingxi::cli

#endif  // QINGXI_CLI_EXPLAIN_PAGE_H_
