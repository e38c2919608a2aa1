// qingxi/hash.h — the one stable 64-bit hash qingxi uses for ids, shards and content hashes.
//
// FNV-1a, 64 bits (Fowler/Noll/Vo): tiny, fast enough for the short strings it is used on, and
// its values are fixed forever, which is what ids in a corpus, shard assignments in a manifest
// and host buckets in a shared crawl database need (a library's hash may change between
// versions). Not for security. Stateless and thread-safe.
#ifndef QINGXI_HASH_H_
#define QINGXI_HASH_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace qingxi {

inline uint64_t Fnv1a64(std::string_view data) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// The hash as 16 lower-case hex digits.
inline std::string Fnv1a64Hex(std::string_view data) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(Fnv1a64(data)));
  return buf;
}

}  // namespace qingxi

#endif  // QINGXI_HASH_H_
