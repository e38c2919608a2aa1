// fuzz_robots: robots.txt parsing and matching (qingxi/fetch/robots.h, RFC 9309).
// Input: robots.txt body [NUL request paths, one a line].
// Invariants: "/robots.txt" is always allowed; the decision for a path does not depend on
// its percent-encoding spelling (a path and its NormalizeRobotsPath form are decided alike);
// NormalizeRobotsPath is idempotent and yields printable ASCII; parsing the same body for a
// token twice gives the same rules.
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "qingxi/fetch/robots.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace qingxi::fetch;
  std::string_view in = qingxi::fuzz::AsView(data, size);
  std::string_view body = in, paths_part;
  if (size_t nul = in.find('\0'); nul != std::string_view::npos) {
    body = in.substr(0, nul);
    paths_part = in.substr(nul + 1);
  }
  RobotsTxt robots = RobotsTxt::Parse(body, "qingxibot");
  QX_FUZZ_CHECK(robots.IsAllowed("/robots.txt"), "/robots.txt disallowed");
  RobotsTxt again = RobotsTxt::Parse(body, "QingxiBot");
  QX_FUZZ_CHECK(again.rule_count() == robots.rule_count(), "token matching not case-insensitive");
  std::vector<std::string> paths = {"/", "/index.html", "/a/b?c=d", "/%E4%B8%AD"};
  size_t start = 0;
  while (start < paths_part.size() && paths.size() < 64) {
    size_t nl = paths_part.find('\n', start);
    if (nl == std::string_view::npos) nl = paths_part.size();
    paths.emplace_back(paths_part.substr(start, nl - start));
    start = nl + 1;
  }
  for (const std::string& p : paths) {
    const std::string n = NormalizeRobotsPath(p);
    QX_FUZZ_CHECK(NormalizeRobotsPath(n) == n, "NormalizeRobotsPath not idempotent: " + p);
    for (unsigned char c : n) QX_FUZZ_CHECK(c > 0x20 && c < 0x7f, "non-printable byte in " + n);
    const bool allowed = robots.IsAllowed(p);
    if (!p.empty() && p[0] == '/')
      QX_FUZZ_CHECK(robots.IsAllowed(n) == allowed, "decision depends on spelling: " + p);
    QX_FUZZ_CHECK(again.IsAllowed(p) == allowed, "token case changes the decision");
  }
  return 0;
}
