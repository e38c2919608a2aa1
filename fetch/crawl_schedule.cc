// The scheduling rules of crawl_store.h applied to one URL's state; see crawl_schedule.h.
#include "crawl_schedule.h"

#include <algorithm>
#include <cmath>

namespace qingxi::fetch {

RecordDecision ApplyFetchReport(const CrawlPolicy& p, const FetchReport& r, int64_t now,
                                RowState* row) {
  RecordDecision d;
  int64_t& interval = row->interval;
  auto grow = [&] {
    interval = std::min<int64_t>(p.max_interval,
                                 static_cast<int64_t>(std::llround(interval * p.unchanged_factor)));
  };
  auto shrink = [&] {
    interval = std::max<int64_t>(p.min_interval,
                                 static_cast<int64_t>(std::llround(interval / p.changed_divisor)));
  };
  int64_t next_due = now;
  // The server answered (200 or 304): the bookkeeping both share; the next visit is one
  // interval away.
  auto answered = [&] {
    row->failures = 0;
    ++row->fetch_count;
    row->since_full = r.conditional ? row->since_full + 1 : 0;
    if (row->first_fetch == 0) row->first_fetch = now;
    row->last_fetch = now;
    next_due = now + interval;
  };
  switch (r.outcome) {
    case FetchOutcome::kFetched: {
      const bool first = row->content_hash.empty();
      d.changed = first || r.content_hash != row->content_hash;
      if (first) {
        interval = std::clamp(p.initial_interval, p.min_interval, p.max_interval);
      } else if (d.changed) {
        shrink();
      } else {
        grow();
      }
      row->status = UrlStatus::kFetched;
      row->content_hash = r.content_hash;
      row->body_hash = r.body_hash;
      // A 200 replaces the stored response: its validators (possibly none) are the current ones.
      row->etag = r.etag;
      row->last_modified = r.last_modified;
      if (d.changed) row->last_change = now;
      answered();
      break;
    }
    case FetchOutcome::kNotModified:
      grow();
      row->status = UrlStatus::kNotModified;
      // RFC 9111 section 4.3.4: a 304 updates the stored validators it carries.
      if (!r.etag.empty()) row->etag = r.etag;
      if (!r.last_modified.empty()) row->last_modified = r.last_modified;
      answered();
      break;
    case FetchOutcome::kError: {
      row->status = UrlStatus::kError;
      ++row->failures;
      if (row->failures >= p.max_failures) {
        next_due = now + p.max_interval;
      } else {
        // Exponential backoff: error_backoff * 2^(failures-1), at most max_interval.
        const int shift = static_cast<int>(std::min<int64_t>(row->failures - 1, 40));
        const double wait = static_cast<double>(p.error_backoff) * std::ldexp(1.0, shift);
        next_due = now + static_cast<int64_t>(std::min<double>(wait, p.max_interval));
      }
      break;
    }
    case FetchOutcome::kGone:
      row->status = UrlStatus::kGone;
      row->failures = 0;
      next_due = now + p.max_interval;
      break;
    case FetchOutcome::kRefused:
      // Left alone until the options change (RequeueChanged, by the failure's fix option).
      row->status = UrlStatus::kRefused;
      row->failures = 0;
      next_due = now + p.max_interval;
      break;
    case FetchOutcome::kDisallowed:
      row->status = UrlStatus::kDisallowed;
      row->failures = 0;
      next_due = now + std::clamp(p.initial_interval, p.min_interval, p.max_interval);
      break;
  }
  // A fetch that reached the page clears the failure; any other outcome says why.
  const bool reached =
      r.outcome == FetchOutcome::kFetched || r.outcome == FetchOutcome::kNotModified;
  row->failure = reached ? FetchFailure{} : r.failure;
  if (r.outcome == FetchOutcome::kFetched && !r.links_scope.empty())
    row->links_scope = r.links_scope;
  row->http_status = r.http_status;
  row->next_due = next_due;
  d.interval = interval;
  d.next_due = next_due;
  return d;
}

}  // namespace qingxi::fetch
