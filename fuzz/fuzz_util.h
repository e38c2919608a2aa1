// fuzz/fuzz_util.h — what the fuzz targets share: the invariant check, the rules directory,
// and an in-memory file for readers that take a path.
//
// Every fuzz_*.cc defines LLVMFuzzerTestOneInput. It is linked either with libFuzzer (clang,
// -DQINGXI_FUZZ=ON: the fuzz_<what> executables) or with replay_main.cc (any compiler: the
// fuzz_<what>_replay executables that ctest runs over the seed corpus and the regression
// inputs). A broken invariant prints what broke and aborts, which both drivers report.
#ifndef QINGXI_FUZZ_FUZZ_UTIL_H_
#define QINGXI_FUZZ_FUZZ_UTIL_H_

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#define QX_FUZZ_CHECK(cond, what)                                                                  \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      std::fprintf(stderr, "fuzz invariant broken at %s:%d: %s (%s)\n", __FILE__, __LINE__, #cond, \
                   std::string(what).c_str());                                                     \
      std::abort();                                                                                \
    }                                                                                              \
  } while (0)

namespace qingxi::fuzz {

// The rules/ directory of the source tree (set by fuzz/CMakeLists.txt); QINGXI_RULES_DIR in
// the environment overrides it, for a target copied elsewhere.
inline std::string RulesDir() {
  if (const char* env = std::getenv("QINGXI_RULES_DIR"); env != nullptr && *env != '\0') return env;
  return QINGXI_FUZZ_RULES_DIR;
}

inline std::string_view AsView(const uint8_t* data, size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

// Bytes as a file that path-based readers can open ("/proc/self/fd/N"), kept in memory
// (memfd), so a fuzz run writes nothing to disk. Closed when the object goes.
class MemFile {
 public:
  explicit MemFile(std::string_view bytes) {
    fd_ = memfd_create("qingxi-fuzz", MFD_CLOEXEC);
    if (fd_ < 0) {
      std::perror("memfd_create");
      std::abort();
    }
    size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = write(fd_, bytes.data() + done, bytes.size() - done);
      if (n <= 0) {
        std::perror("write");
        std::abort();
      }
      done += static_cast<size_t>(n);
    }
    path_ = "/proc/self/fd/" + std::to_string(fd_);
  }
  ~MemFile() { close(fd_); }
  MemFile(const MemFile&) = delete;
  MemFile& operator=(const MemFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  int fd_ = -1;
  std::string path_;
};

// Splits the input at its first NUL byte: the part before configures the call (a base URL,
// a Content-Type...), the rest is the document. No NUL: everything is the document.
inline std::pair<std::string_view, std::string_view> SplitAtNul(std::string_view in) {
  size_t nul = in.find('\0');
  if (nul == std::string_view::npos) return {std::string_view(), in};
  return {in.substr(0, nul), in.substr(nul + 1)};
}

}  // namespace qingxi::fuzz

#endif  // QINGXI_FUZZ_FUZZ_UTIL_H_
