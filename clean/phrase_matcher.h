// clean/phrase_matcher.h — many fixed phrases found in one pass (Aho-Corasick over UTF-8 bytes).
//
// Lexicons in rules/ (spam words, paywall markers, navigation words, ...) are compiled once into a
// PhraseMatcher; a line is then scanned once, whatever the number of phrases, instead of one
// search per phrase. Matching is byte-wise on UTF-8, which is safe: a valid UTF-8 phrase can only
// match at code-point boundaries of valid UTF-8 text.
//
// Thread-safety: Add/Build are not thread-safe; after Build the matcher is immutable and
// FindAll/Contains/Count may run on many threads.
#ifndef QINGXI_CLEAN_PHRASE_MATCHER_H_
#define QINGXI_CLEAN_PHRASE_MATCHER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qingxi {

class PhraseMatcher {
 public:
  struct Match {
    int id;        // the id given to Add
    size_t begin;  // byte offsets into the scanned text
    size_t end;
  };

  // Adds a phrase (non-empty) with a caller-chosen id. Duplicate phrases keep every id.
  void Add(std::string_view phrase, int id);
  // Compiles the automaton. Must be called once, after the last Add.
  void Build();

  bool empty() const { return phrases_ == 0; }
  size_t size() const { return phrases_; }

  // Every occurrence, overlapping ones included, in order of end position.
  std::vector<Match> FindAll(std::string_view text) const;
  // Calls fn(const Match&) for every occurrence; fn returns false to stop early.
  template <typename Fn>
  void ForEach(std::string_view text, Fn&& fn) const;
  bool Contains(std::string_view text) const;
  // Number of occurrences (overlapping counted).
  size_t Count(std::string_view text) const;
  // Occurrences left after resolving overlaps leftmost-longest (what a "cut these phrases" pass wants).
  std::vector<Match> FindLeftmostLongest(std::string_view text) const;

 private:
  struct Node {
    int32_t next[256];  // goto/delta function after Build (dense: fast, phrase sets are small)
    int32_t fail = 0;
    int32_t out = -1;   // head of the output list in outputs_
  };
  struct Output {
    int id;
    uint32_t length;
    int32_t next;  // next output of the same node (via fail links), -1 ends
  };
  std::vector<Node> nodes_;
  std::vector<Output> outputs_;
  size_t phrases_ = 0;
  bool built_ = false;
  int32_t NewNode();
};

template <typename Fn>
void PhraseMatcher::ForEach(std::string_view text, Fn&& fn) const {
  if (!built_ || phrases_ == 0) return;
  int32_t state = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    state = nodes_[state].next[static_cast<unsigned char>(text[i])];
    for (int32_t o = nodes_[state].out; o >= 0; o = outputs_[o].next) {
      Match m{outputs_[o].id, i + 1 - outputs_[o].length, i + 1};
      if (!fn(m)) return;
    }
  }
}

}  // namespace qingxi

#endif  // QINGXI_CLEAN_PHRASE_MATCHER_H_
