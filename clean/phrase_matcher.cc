// Aho-Corasick construction (Aho & Corasick 1975) with a dense delta table.
#include "phrase_matcher.h"

#include <algorithm>
#include <cstring>
#include <deque>

namespace qingxi {

int32_t PhraseMatcher::NewNode() {
  nodes_.emplace_back();
  std::memset(nodes_.back().next, -1, sizeof(nodes_.back().next));
  return static_cast<int32_t>(nodes_.size() - 1);
}

void PhraseMatcher::Add(std::string_view phrase, int id) {
  if (phrase.empty()) return;
  if (nodes_.empty()) NewNode();
  int32_t s = 0;
  for (unsigned char c : phrase) {
    if (nodes_[s].next[c] < 0) {
      int32_t n = NewNode();
      nodes_[s].next[c] = n;
    }
    s = nodes_[s].next[c];
  }
  outputs_.push_back(Output{id, static_cast<uint32_t>(phrase.size()), nodes_[s].out});
  nodes_[s].out = static_cast<int32_t>(outputs_.size() - 1);
  ++phrases_;
}

void PhraseMatcher::Build() {
  if (nodes_.empty()) NewNode();
  std::deque<int32_t> queue;
  for (int c = 0; c < 256; ++c) {
    int32_t n = nodes_[0].next[c];
    if (n < 0) {
      nodes_[0].next[c] = 0;
    } else {
      nodes_[n].fail = 0;
      queue.push_back(n);
    }
  }
  while (!queue.empty()) {
    int32_t s = queue.front();
    queue.pop_front();
    // Append the fail state's outputs to this node's list (shared tail, so no copying).
    if (nodes_[s].out < 0) {
      nodes_[s].out = nodes_[nodes_[s].fail].out;
    } else {
      int32_t o = nodes_[s].out;
      while (outputs_[o].next >= 0) o = outputs_[o].next;
      outputs_[o].next = nodes_[nodes_[s].fail].out;
    }
    for (int c = 0; c < 256; ++c) {
      int32_t n = nodes_[s].next[c];
      if (n < 0) {
        nodes_[s].next[c] = nodes_[nodes_[s].fail].next[c];
      } else {
        nodes_[n].fail = nodes_[nodes_[s].fail].next[c];
        queue.push_back(n);
      }
    }
  }
  built_ = true;
}

std::vector<PhraseMatcher::Match> PhraseMatcher::FindAll(std::string_view text) const {
  std::vector<Match> out;
  ForEach(text, [&](const Match& m) {
    out.push_back(m);
    return true;
  });
  return out;
}

bool PhraseMatcher::Contains(std::string_view text) const {
  bool found = false;
  ForEach(text, [&](const Match&) {
    found = true;
    return false;
  });
  return found;
}

size_t PhraseMatcher::Count(std::string_view text) const {
  size_t n = 0;
  ForEach(text, [&](const Match&) {
    ++n;
    return true;
  });
  return n;
}

std::vector<PhraseMatcher::Match> PhraseMatcher::FindLeftmostLongest(std::string_view text) const {
  std::vector<Match> all = FindAll(text);
  std::sort(all.begin(), all.end(), [](const Match& a, const Match& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<Match> out;
  size_t covered = 0;
  for (const Match& m : all) {
    if (m.begin < covered) continue;
    out.push_back(m);
    covered = m.end;
  }
  return out;
}

}  // namespace qingxi
