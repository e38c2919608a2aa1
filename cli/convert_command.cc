// PLACEHOLDER until the conversion stage lands.
#include <cstdio>
#include "commands.h"
namespace qingxi::cli {
int RunConvert(int, char**) { std::fputs("qingxi convert: not built yet\n", stderr); return kExitUsage; }
}  // namespace qingxi::cli
