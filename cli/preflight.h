// cli/preflight.h — checks a command makes before it reads or writes anything, so that a
// missing directory is reported as itself ("directory X does not exist") with the fix, instead
// of as the error of the first file operation that trips over it.
// Stateless; thread-safe.
#ifndef QINGXI_CLI_PREFLIGHT_H_
#define QINGXI_CLI_PREFLIGHT_H_

#include <string>

#include "qingxi/status.h"

namespace qingxi::cli {

// The directory `path` will be created in must exist. `option` names the option that gave
// the path ("-o", "--db", "--stats") for the message.
Status CheckParentDirectory(const std::string& path, const std::string& option);

// The file path of an SQLite crawl database URI ("crawl.sqlite", "sqlite://PATH"); "" for
// PostgreSQL and ":memory:".
std::string SqliteDbPath(const std::string& db_uri);

}  // namespace qingxi::cli

#endif  // QINGXI_CLI_PREFLIGHT_H_
