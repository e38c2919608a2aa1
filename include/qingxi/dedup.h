// qingxi/dedup.h — duplicate clusters over a stream of document sketches (qingxi/minhash.h).
//
// DedupIndex owns the sketches of all documents of a run, in input order (document i is the
// i-th Append), in blocks of fixed stride: MinHasher::sketch_bytes() per document, plus 4 bytes
// of cluster parent after Cluster(). Nothing proportional to the text is kept. Cluster() joins
//   - exact duplicates: documents whose normalised texts hash alike;
//   - near duplicates: documents sharing an LSH band whose 8-bit signatures estimate a Jaccard
//     similarity >= threshold (the check that keeps band collisions and borderline pairs out);
// transitively (union-find), each cluster rooted at its first document, which is the one kept.
// Documents with no text (exact hash 0, e.g. error records) are never matched.
// Not thread-safe: one thread appends; sketches are computed on any thread beforehand.
#ifndef QINGXI_DEDUP_H_
#define QINGXI_DEDUP_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "qingxi/minhash.h"

namespace qingxi {

class DedupIndex {
 public:
  explicit DedupIndex(const MinHasher* hasher, double threshold);

  // Appends one sketch of hasher->sketch_bytes() bytes; returns the document's index.
  uint32_t Append(const uint8_t* sketch);
  size_t size() const { return size_; }
  // The sketch of document i, as appended.
  const uint8_t* Sketch(uint32_t i) const { return Row(i); }

  // Builds the clusters. After it, Root() and Similarity() answer; Append() must not be called.
  void Cluster();

  // The first document of i's cluster (i itself when i is kept).
  uint32_t Root(uint32_t i) const { return parent_[i]; }
  bool Kept(uint32_t i) const { return parent_[i] == i; }
  // Estimated similarity of document i to its cluster's root (1 for an exact duplicate).
  double Similarity(uint32_t i) const;
  // Counts after Cluster().
  size_t removed_exact() const { return removed_exact_; }
  size_t removed_near() const { return removed_near_; }
  size_t candidate_pairs() const { return candidate_pairs_; }
  // Bytes held per document (sketch + parent).
  size_t bytes_per_document() const { return stride_ + sizeof(uint32_t); }

 private:
  const uint8_t* Row(uint32_t i) const {
    return blocks_[i >> kBlockShift].get() + static_cast<size_t>(i & kBlockMask) * stride_;
  }
  uint64_t Exact(uint32_t i) const;
  uint32_t Find(uint32_t i);
  void Union(uint32_t a, uint32_t b);
  bool Similar(uint32_t a, uint32_t b) const;

  static constexpr int kBlockShift = 16;
  static constexpr uint32_t kBlockMask = (1u << kBlockShift) - 1;
  const MinHasher* hasher_;
  double threshold_;
  size_t stride_;
  size_t size_ = 0;
  std::vector<std::unique_ptr<uint8_t[]>> blocks_;
  std::vector<uint32_t> parent_;
  size_t removed_exact_ = 0, removed_near_ = 0, candidate_pairs_ = 0;
};

}  // namespace qingxi

#endif  // QINGXI_DEDUP_H_
