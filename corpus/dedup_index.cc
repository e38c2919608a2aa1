// DedupIndex: sketches in fixed-stride blocks, exact and LSH candidate pairs, union-find.
#include "qingxi/dedup.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace qingxi {

DedupIndex::DedupIndex(const MinHasher* hasher, double threshold)
    : hasher_(hasher), threshold_(threshold), stride_(hasher->sketch_bytes()) {}

uint32_t DedupIndex::Append(const uint8_t* sketch) {
  const uint32_t i = static_cast<uint32_t>(size_);
  if ((i & kBlockMask) == 0)
    blocks_.emplace_back(new uint8_t[static_cast<size_t>(kBlockMask + 1) * stride_]);
  std::memcpy(blocks_.back().get() + static_cast<size_t>(i & kBlockMask) * stride_, sketch, stride_);
  ++size_;
  return i;
}

uint64_t DedupIndex::Exact(uint32_t i) const {
  uint64_t h;
  std::memcpy(&h, Row(i), 8);
  return h;
}

uint32_t DedupIndex::Find(uint32_t i) {
  while (parent_[i] != i) {
    parent_[i] = parent_[parent_[i]];  // path halving
    i = parent_[i];
  }
  return i;
}

void DedupIndex::Union(uint32_t a, uint32_t b) {
  a = Find(a);
  b = Find(b);
  if (a == b) return;
  // The earlier document is the root: the first of a cluster is the one kept.
  if (a < b) parent_[b] = a;
  else parent_[a] = b;
}

bool DedupIndex::Similar(uint32_t a, uint32_t b) const {
  const size_t sig = 8 + 4 * static_cast<size_t>(hasher_->lsh().bands);
  return EstimateSimilarity(Row(a) + sig, Row(b) + sig, hasher_->num_perm()) >= threshold_;
}

double DedupIndex::Similarity(uint32_t i) const {
  const uint32_t r = parent_[i];
  if (r == i || Exact(i) == Exact(r)) return 1.0;
  const size_t sig = 8 + 4 * static_cast<size_t>(hasher_->lsh().bands);
  return EstimateSimilarity(Row(i) + sig, Row(r) + sig, hasher_->num_perm());
}

void DedupIndex::Cluster() {
  const uint32_t n = static_cast<uint32_t>(size_);
  parent_.resize(n);
  for (uint32_t i = 0; i < n; ++i) parent_[i] = i;

  // Exact duplicates: equal normalised-text hashes, joined to the first.
  std::vector<bool> exact_dup(n, false);
  {
    std::vector<std::pair<uint64_t, uint32_t>> keys;
    keys.reserve(n);
    for (uint32_t i = 0; i < n; ++i)
      if (uint64_t h = Exact(i)) keys.emplace_back(h, i);
    std::sort(keys.begin(), keys.end());
    for (size_t k = 1; k < keys.size(); ++k)
      if (keys[k].first == keys[k - 1].first) {
        parent_[keys[k].second] = parent_[keys[k - 1].second];
        exact_dup[keys[k].second] = true;
        ++removed_exact_;
      }
  }

  // Near duplicates, band by band, among the documents left after exact removal. In a bucket
  // (documents in input order) each member is checked against the bucket's first and, failing
  // that, against its predecessor: a chain of similar documents still joins up.
  std::vector<std::pair<uint32_t, uint32_t>> bucket;  // (band hash, document)
  bucket.reserve(n);
  const int bands = hasher_->lsh().bands;
  for (int band = 0; band < bands; ++band) {
    bucket.clear();
    for (uint32_t i = 0; i < n; ++i) {
      if (exact_dup[i] || Exact(i) == 0) continue;
      uint32_t h;
      std::memcpy(&h, Row(i) + 8 + 4 * band, 4);
      bucket.emplace_back(h, i);
    }
    std::sort(bucket.begin(), bucket.end());
    for (size_t start = 0; start < bucket.size();) {
      size_t end = start + 1;
      while (end < bucket.size() && bucket[end].first == bucket[start].first) ++end;
      const uint32_t first = bucket[start].second;
      for (size_t k = start + 1; k < end; ++k) {
        const uint32_t doc = bucket[k].second;
        if (Find(doc) == Find(first)) continue;
        ++candidate_pairs_;
        if (Similar(doc, first)) {
          Union(doc, first);
          continue;
        }
        const uint32_t prev = bucket[k - 1].second;
        if (prev != first && Find(doc) != Find(prev)) {
          ++candidate_pairs_;
          if (Similar(doc, prev)) Union(doc, prev);
        }
      }
      start = end;
    }
  }
  for (uint32_t i = 0; i < n; ++i) parent_[i] = Find(i);
  size_t removed = 0;
  for (uint32_t i = 0; i < n; ++i) removed += parent_[i] != i;
  removed_near_ = removed - removed_exact_;
}

}  // namespace qingxi
