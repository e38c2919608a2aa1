// qingxi/minhash.h — the per-document sketch that near-duplicate detection works on.
//
// A document's text is normalised (NormalizeForDedup: whitespace dropped, full-width ASCII and
// CJK punctuation folded to their ASCII forms, ASCII case folded) and cut into the set of its
// character n-grams (5-grams by default, as data-juicer does for Chinese). From that set a
// MinHasher computes, once per document:
//   - exact: a 64-bit hash of the whole normalised text (exact duplicates; 0 means "no text");
//   - bands: one 32-bit hash per LSH band of `rows` consecutive MinHash values (candidates);
//   - sig:   one byte per MinHash value (b-bit minwise hashing, b = 8), enough to estimate the
//            Jaccard similarity of two documents to about +-0.04 without keeping 32-bit values.
// That is 8 + 4*bands + num_perm bytes per document (192 bytes for the default 128 hashes at
// threshold 0.8): the only per-document state dedup keeps. MinHasher is immutable after
// construction and thread-safe; Sketch() allocates only in the caller's scratch.
#ifndef QINGXI_MINHASH_H_
#define QINGXI_MINHASH_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qingxi {

// The normalised code points the exact hash and the n-grams are computed on.
void NormalizeForDedup(std::string_view text, std::vector<char32_t>* out);

// An LSH split of num_perm = bands * rows MinHash values (rows <= num_perm / bands).
struct LshParams {
  int bands = 0;
  int rows = 0;
};

// The split minimising the weighted areas of false positives (similarity below the threshold,
// probability of sharing a band) and false negatives (above it, probability of not sharing one):
// datasketch's optimal_param, which data-juicer uses with weights 0.5/0.5. qingxi verifies every
// candidate pair on its signature, so a false positive costs one 128-byte comparison while a
// false negative is a duplicate left in the corpus: MinHasher weighs them kFalsePositiveWeight
// and 1 - kFalsePositiveWeight (14 bands x 9 rows at 0.8 instead of 9 x 13: a pair at
// similarity 0.85 becomes a candidate with probability 0.975 instead of 0.69).
constexpr double kFalsePositiveWeight = 0.1;
LshParams OptimalLshParams(double threshold, int num_perm, double false_positive_weight = 0.5);

// Probability that two documents of Jaccard similarity s share at least one band.
double CandidateProbability(double s, LshParams p);

// Sketch-based similarity estimate of two 8-bit signatures of n bytes each.
double EstimateSimilarity(const uint8_t* a, const uint8_t* b, int n);

class MinHasher {
 public:
  // num_perm in [16, 1024], a multiple of 8; ngram >= 1; threshold in (0, 1].
  MinHasher(double threshold, int num_perm = 128, int ngram = 5);

  int num_perm() const { return num_perm_; }
  const LshParams& lsh() const { return lsh_; }
  // Bytes of one sketch in the fixed-stride layout below.
  size_t sketch_bytes() const { return 8 + 4 * static_cast<size_t>(lsh_.bands) + num_perm_; }

  struct Scratch {
    std::vector<char32_t> cps;
    std::vector<uint32_t> mins;
  };
  // Writes the sketch of `text` to `out` (sketch_bytes() bytes: exact hash, then the band
  // hashes, then the signature bytes). A text that normalises to nothing gets exact = 0 and is
  // never matched to anything.
  void Sketch(std::string_view text, Scratch* scratch, uint8_t* out) const;

 private:
  int num_perm_, ngram_;
  LshParams lsh_;
  std::vector<uint32_t> a_, b_;  // the permutations x -> a*x + b (mod 2^32), a odd
};

}  // namespace qingxi

#endif  // QINGXI_MINHASH_H_
