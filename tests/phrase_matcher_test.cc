// PhraseMatcher against a naive find-every-phrase implementation, plus edge cases.
#include "phrase_matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace qingxi {
namespace {

std::vector<PhraseMatcher::Match> Naive(const std::vector<std::string>& phrases, std::string_view text) {
  std::vector<PhraseMatcher::Match> out;
  for (size_t id = 0; id < phrases.size(); ++id)
    for (size_t p = text.find(phrases[id]); p != std::string_view::npos; p = text.find(phrases[id], p + 1))
      out.push_back({static_cast<int>(id), p, p + phrases[id].size()});
  auto key = [](const PhraseMatcher::Match& m) { return std::make_tuple(m.end, m.begin, m.id); };
  std::sort(out.begin(), out.end(), [&](auto& a, auto& b) { return key(a) < key(b); });
  return out;
}

TEST(PhraseMatcher, FindsOverlappingChinesePhrases) {
  PhraseMatcher m;
  std::vector<std::string> phrases = {"版权所有", "公务员之家", "之家版权", "天地"};
  for (size_t i = 0; i < phrases.size(); ++i) m.Add(phrases[i], static_cast<int>(i));
  m.Build();
  std::string text = "区委、公务员之家版权所有,全国公务员共同的天地!区政府";
  auto got = m.FindAll(text);
  EXPECT_EQ(got.size(), 4u);
  EXPECT_TRUE(m.Contains(text));
  EXPECT_FALSE(m.Contains("区政府召开的一次重要会议"));
  auto cut = m.FindLeftmostLongest(text);
  ASSERT_EQ(cut.size(), 3u);  // 公务员之家 wins over the overlapping 之家版权
  EXPECT_EQ(text.substr(cut[0].begin, cut[0].end - cut[0].begin), "公务员之家");
  EXPECT_EQ(text.substr(cut[1].begin, cut[1].end - cut[1].begin), "版权所有");
}

TEST(PhraseMatcher, AgreesWithNaiveSearchOnRandomInput) {
  std::mt19937 rng(7);
  const std::string alphabet[] = {"a", "b", "中", "文", "字"};
  auto rand_str = [&](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += alphabet[rng() % 5];
    return s;
  };
  for (int round = 0; round < 50; ++round) {
    std::vector<std::string> phrases;
    PhraseMatcher m;
    for (int i = 0; i < 12; ++i) {
      phrases.push_back(rand_str(1 + rng() % 4));
      m.Add(phrases.back(), i);
    }
    m.Build();
    std::string text = rand_str(200);
    auto got = m.FindAll(text);
    auto key = [](const PhraseMatcher::Match& x) { return std::make_tuple(x.end, x.begin, x.id); };
    std::sort(got.begin(), got.end(), [&](auto& a, auto& b) { return key(a) < key(b); });
    auto want = Naive(phrases, text);
    ASSERT_EQ(got.size(), want.size()) << "round " << round;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(key(got[i]), key(want[i]));
    }
    EXPECT_EQ(m.Count(text), want.size());
  }
}

TEST(PhraseMatcher, EmptyMatcherMatchesNothing) {
  PhraseMatcher m;
  m.Build();
  EXPECT_TRUE(m.empty());
  EXPECT_FALSE(m.Contains("anything"));
  EXPECT_TRUE(m.FindAll("").empty());
}

}  // namespace
}  // namespace qingxi
