// The PostgreSQL implementation of CrawlStore: one crawl frontier shared by crawlers on many
// machines (private to the fetch module; callers use CrawlStore::Open with a
// "postgresql://..." or "postgres://..." URI, which is handed to libpq unchanged).
//
// Same tables and columns as the SQLite store (urls, outputs, corpora, meta; schema version
// kCrawlSchemaVersion), plus the lease bookkeeping that many crawlers need:
//   hosts(site_key -> bucket)   every site key belongs to one of `buckets` hash buckets;
//   buckets(bucket, owner, lease_until, claimed)
//                               a bucket is leased by one crawler at a time, so all requests
//                               to one site come from one crawler and its per-host delay holds
//                               across all of them; a bucket its holder fetched from rests two
//                               seconds after it is given back, before another may take it;
//   crawlers(owner, alive_until) the crawlers seen recently, to share buckets fairly.
// ClaimDue takes buckets with SELECT ... FOR UPDATE SKIP LOCKED and hands out due URLs only
// from buckets the caller holds; a crawler that dies keeps its buckets until their lease
// expires, then any other crawler takes them (and the URLs it had in flight come due again).
// ReleaseLeases frees only expired leases, never the live ones of another crawler. Closing
// the store (its destructor) hands the caller's buckets back at once. An empty ClaimDue means
// "nothing for this crawler now", not "the crawl is over": other crawlers may hold the work.
//
// Thread-safety: as CrawlStore, one thread per object; each object has its own connection and
// its own lease owner name (host name, process id and a per-process counter).
#ifndef QINGXI_FETCH_CRAWL_STORE_PG_H_
#define QINGXI_FETCH_CRAWL_STORE_PG_H_

#include <memory>
#include <string>

#include "qingxi/fetch/crawl_store.h"

namespace qingxi::fetch {

// Opens (and on first use creates) the crawl schema in the database named by a libpq
// connection URI, e.g. "postgresql://crawler@db.example.org:5432/qingxi". Creating the schema
// is serialised with an advisory lock, so crawlers may start at the same time on a fresh
// database. A database written by a newer schema version is refused (InvalidArgument); an
// unreachable server is Unavailable.
Result<std::unique_ptr<CrawlStore>> OpenPostgresCrawlStore(const std::string& uri,
                                                           const CrawlPolicy& policy);

}  // namespace qingxi::fetch

#endif  // QINGXI_FETCH_CRAWL_STORE_PG_H_
