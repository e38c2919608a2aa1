// PLACEHOLDER until the fetch commands land.
#include <cstdio>
#include "commands.h"
namespace qingxi::cli {
int RunFetch(int, char**) { std::fputs("qingxi fetch: not built yet\n", stderr); return kExitUsage; }
int RunCrawl(int, char**) { std::fputs("qingxi crawl: not built yet\n", stderr); return kExitUsage; }
}  // namespace qingxi::cli
