// MinHash sketches: normalisation, character n-grams, permutations, LSH bands, 8-bit signatures.
#include "qingxi/minhash.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "qingxi/utf8.h"

namespace qingxi {
namespace {

uint64_t Mix64(uint64_t x) {  // splitmix64's finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

char32_t FoldCodePoint(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFF01 - 0x21;  // full-width ASCII
  switch (c) {
    case 0x3002: case 0xFF61: return U'.';             // 。｡
    case 0x3001: case 0xFF64: return U',';             // 、､
    case 0x201C: case 0x201D: case 0x300C: case 0x300D: case 0x300E: case 0x300F:
      return U'"';                                     // “”「」『』
    case 0x2018: case 0x2019: return U'\'';
    case 0x2014: case 0x2015: case 0x2500: return U'-';  // —― ─
    case 0x2026: return U'.';                            // …
    default: break;
  }
  if (c >= U'A' && c <= U'Z') c += 0x20;
  return c;
}

// One MinHash round: mins[i] = min(mins[i], a[i]*x + b[i]) for every permutation. Compiled for
// AVX2 as well as the baseline; the loader picks the best the CPU has.
__attribute__((target_clones("avx2", "default")))
void UpdateMins(const uint32_t* a, const uint32_t* b, uint32_t* mins, int n, const uint32_t* xs,
                size_t count) {
  for (size_t k = 0; k < count; ++k) {
    const uint32_t x = xs[k];
    for (int i = 0; i < n; ++i) {
      uint32_t v = a[i] * x + b[i];
      mins[i] = v < mins[i] ? v : mins[i];
    }
  }
}

}  // namespace

void NormalizeForDedup(std::string_view text, std::vector<char32_t>* out) {
  out->resize(text.size());  // never more code points than bytes
  char32_t* o = out->data();
  const unsigned char* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t pos = 0;
  while (pos < n) {
    const unsigned char b = s[pos];
    char32_t c;
    // Inline paths for ASCII and well-formed 3-byte sequences (all of CJK); the rest, and
    // every malformed byte, through utf8::Next.
    if (b < 0x80) {
      ++pos;
      if (b == ' ' || (b >= '\t' && b <= '\r')) continue;
      *o++ = b >= 'A' && b <= 'Z' ? b + 0x20 : b;
      continue;
    }
    if ((b & 0xF0) == 0xE0 && pos + 2 < n && (s[pos + 1] & 0xC0) == 0x80 && (s[pos + 2] & 0xC0) == 0x80) {
      c = (static_cast<char32_t>(b & 0x0F) << 12) | (static_cast<char32_t>(s[pos + 1] & 0x3F) << 6) |
          (s[pos + 2] & 0x3F);
      if (c >= 0x3001 && c < 0xD800) {  // CJK: no space, no overlong form, no surrogate
        pos += 3;
        *o++ = FoldCodePoint(c);
        continue;
      }
    }
    c = utf8::Next(text, &pos);
    if (utf8::IsSpace(c)) continue;
    *o++ = FoldCodePoint(c);
  }
  out->resize(static_cast<size_t>(o - out->data()));
}

double CandidateProbability(double s, LshParams p) {
  return 1.0 - std::pow(1.0 - std::pow(s, p.rows), p.bands);
}

LshParams OptimalLshParams(double threshold, int num_perm, double false_positive_weight) {
  // Areas by the midpoint rule on 200 steps: exact enough to rank the splits.
  auto area = [](double lo, double hi, auto f) {
    const int steps = 200;
    double h = (hi - lo) / steps, sum = 0;
    for (int i = 0; i < steps; ++i) sum += f(lo + (i + 0.5) * h);
    return sum * h;
  };
  LshParams best{1, num_perm};
  double best_error = std::numeric_limits<double>::infinity();
  for (int b = 1; b <= num_perm; ++b) {
    for (int r = 1; r <= num_perm / b; ++r) {
      LshParams p{b, r};
      double fp = area(0.0, threshold, [&](double s) { return CandidateProbability(s, p); });
      double fn = area(threshold, 1.0, [&](double s) { return 1.0 - CandidateProbability(s, p); });
      double error = false_positive_weight * fp + (1 - false_positive_weight) * fn;
      if (error < best_error) {
        best_error = error;
        best = p;
      }
    }
  }
  return best;
}

double EstimateSimilarity(const uint8_t* a, const uint8_t* b, int n) {
  int same = 0;
  for (int i = 0; i < n; ++i) same += a[i] == b[i];
  // Two different values agree on 8 bits by chance 1/256 of the time (Li and König).
  const double chance = 1.0 / 256;
  double est = (static_cast<double>(same) / n - chance) / (1.0 - chance);
  return std::clamp(est, 0.0, 1.0);
}

MinHasher::MinHasher(double threshold, int num_perm, int ngram)
    : num_perm_(num_perm), ngram_(std::max(1, ngram)), lsh_(OptimalLshParams(threshold, num_perm, kFalsePositiveWeight)) {
  a_.resize(num_perm_);
  b_.resize(num_perm_);
  // Fixed seeds: sketches of one document are the same in every run and on every node.
  uint64_t state = 0x51a9c0ffee5eedull;
  for (int i = 0; i < num_perm_; ++i) {
    state = Mix64(state + 0x9e3779b97f4a7c15ull);
    a_[i] = static_cast<uint32_t>(state) | 1u;
    b_[i] = static_cast<uint32_t>(state >> 32);
  }
}

void MinHasher::Sketch(std::string_view text, Scratch* scratch, uint8_t* out) const {
  auto& cps = scratch->cps;
  NormalizeForDedup(text, &cps);
  uint8_t* band_out = out + 8;
  uint8_t* sig_out = band_out + 4 * static_cast<size_t>(lsh_.bands);
  if (cps.empty()) {
    std::memset(out, 0, sketch_bytes());
    return;
  }
  // Two interleaved multiply chains (half the latency of one), mixed at the end.
  uint64_t h0 = 0xcbf29ce484222325ull, h1 = 0x84222325cbf29ce4ull;
  size_t k = 0;
  for (; k + 1 < cps.size(); k += 2) {
    h0 = (h0 ^ cps[k]) * 0x100000001b3ull;
    h1 = (h1 ^ cps[k + 1]) * 0x9e3779b97f4a7c15ull;
  }
  if (k < cps.size()) h0 = (h0 ^ cps[k]) * 0x100000001b3ull;
  uint64_t exact = Mix64(h0 ^ Mix64(h1 + cps.size()));
  exact = exact == 0 ? 1 : exact;
  std::memcpy(out, &exact, 8);

  // The n-gram hashes, then the MinHash rounds over them in blocks (one pass of the
  // permutation arrays per block keeps them in registers/L1).
  auto& mins = scratch->mins;
  mins.assign(num_perm_, std::numeric_limits<uint32_t>::max());
  const size_t n = cps.size();
  const size_t grams = n >= static_cast<size_t>(ngram_) ? n - ngram_ + 1 : 1;
  const size_t len = std::min(n, static_cast<size_t>(ngram_));
  // A polynomial rolling hash of each n-gram's code points (one multiply per step), mixed.
  constexpr uint64_t kBase = 0x100000001b3ull;
  uint64_t top = 1;  // kBase^(len-1)
  for (size_t k = 1; k < len; ++k) top *= kBase;
  uint64_t h = 0;
  for (size_t k = 0; k < len; ++k) h = h * kBase + cps[k];
  uint32_t block[256];
  size_t filled = 0;
  for (size_t g = 0; g < grams; ++g) {
    if (g > 0) h = (h - cps[g - 1] * top) * kBase + cps[g + len - 1];
    block[filled++] = static_cast<uint32_t>(Mix64(h) >> 32);
    if (filled == 256) {
      UpdateMins(a_.data(), b_.data(), mins.data(), num_perm_, block, filled);
      filled = 0;
    }
  }
  if (filled) UpdateMins(a_.data(), b_.data(), mins.data(), num_perm_, block, filled);

  for (int band = 0; band < lsh_.bands; ++band) {
    uint64_t h = 0x9ae16a3b2f90404full + static_cast<uint64_t>(band);
    for (int r = 0; r < lsh_.rows; ++r) h = Mix64(h ^ mins[band * lsh_.rows + r]);
    uint32_t v = static_cast<uint32_t>(h >> 32);
    std::memcpy(band_out + 4 * band, &v, 4);
  }
  // The low bits of a*x+b are weak, and a minimum's high bits are mostly 0: a byte of a mix of
  // the whole value instead.
  for (int i = 0; i < num_perm_; ++i) sig_out[i] = static_cast<uint8_t>(Mix64(mins[i] + i));
}

}  // namespace qingxi
