// The SQLite implementation of CrawlStore (private to the fetch module; callers use
// CrawlStore::Open). Thread-safety as CrawlStore: one thread per object.
#ifndef QINGXI_FETCH_CRAWL_STORE_SQLITE_H_
#define QINGXI_FETCH_CRAWL_STORE_SQLITE_H_

#include <memory>
#include <string>

#include "crawl_schema.h"
#include "qingxi/fetch/crawl_store.h"

namespace qingxi::fetch {

Result<std::unique_ptr<CrawlStore>> OpenSqliteCrawlStore(const std::string& path,
                                                         const CrawlPolicy& policy);

}  // namespace qingxi::fetch

#endif  // QINGXI_FETCH_CRAWL_STORE_SQLITE_H_
