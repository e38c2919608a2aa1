// clean/dom.cc — Gumbo behind qingxi::dom: depth pre-scan, arena allocation, flat tree copy.
//
// Why an arena: gumbo_destroy_output (gumbo 0.10.1, parser.c destroy_node) recurses once per
// nesting level, and freeing tens of thousands of small blocks one by one also costs time.
// Gumbo takes the allocator from GumboOptions; with an arena every block is released at once
// when the Document dies, and the recursive destroy is never called.
//
// Why the pre-scan: the tree builder itself is iterative, but each open element costs memory
// and every later consumer (ours included) would have to cope with absurd depth. The HTML
// tokenizer rules (WHATWG HTML §13.2.5) are approximated just enough to count open elements:
// comments and raw-text elements (script, style, textarea, title, ...) are skipped whole,
// void elements (§13.1.2) and elements whose end tag may be omitted (§13.1.2.4) do not count.
#include "dom.h"

#include <gumbo.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <unordered_map>
#include <utility>

#include "qingxi/ascii.h"

namespace qingxi::dom {

struct Document::Arena {
  static constexpr size_t kChunk = 64 * 1024;  // below glibc's mmap threshold
  std::vector<char*> blocks;
  char* cur = nullptr;
  size_t left = 0;

  ~Arena() {
    for (char* b : blocks) std::free(b);
  }
  void* Allocate(size_t n) {
    n = (n + 15) & ~size_t{15};
    if (n > kChunk / 4) {  // big buffers (long text runs) get a block of their own
      char* b = static_cast<char*>(std::malloc(n));
      if (b == nullptr) return nullptr;
      blocks.push_back(b);
      return b;
    }
    if (n > left) {
      char* b = static_cast<char*>(std::malloc(kChunk));
      if (b == nullptr) return nullptr;
      blocks.push_back(b);
      cur = b;
      left = kChunk;
    }
    void* p = cur;
    cur += n;
    left -= n;
    return p;
  }
};

namespace {

void* ArenaAlloc(void* userdata, size_t size) {
  void* p = static_cast<Document::Arena*>(userdata)->Allocate(size == 0 ? 1 : size);
  // Gumbo does not check for NULL; failing loudly is better than writing through it.
  if (p == nullptr) std::abort();
  return p;
}
void ArenaFree(void*, void*) {}

using ascii::Lower;
inline bool IsAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Elements that never hold children (WHATWG HTML §13.1.2 "void elements") or whose end tag is
// usually omitted and implied by the next sibling (§13.1.2.4). Neither adds nesting.
bool NoDepth(std::string_view n) {
  static const char* const kNames[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr", "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr",
      "td", "th", "tbody", "thead", "tfoot", "rt", "rp", "colgroup", "caption", "html",
      "head", "body", "image", "basefont", "bgsound", "frame", "command"};
  for (const char* k : kNames)
    if (n == k) return true;
  return false;
}
bool RawText(std::string_view n) {
  return n == "script" || n == "style" || n == "textarea" || n == "title" || n == "xmp" ||
         n == "noembed" || n == "noframes" || n == "iframe" || n == "plaintext";
}

// Position of "</name" (case-insensitive) at or after `from`, or npos.
size_t FindEndTag(std::string_view s, size_t from, std::string_view name) {
  while (from < s.size()) {
    const void* p = std::memchr(s.data() + from, '<', s.size() - from);
    if (p == nullptr) return std::string_view::npos;
    size_t i = static_cast<const char*>(p) - s.data();
    if (i + 1 + name.size() < s.size() && s[i + 1] == '/') {
      bool eq = true;
      for (size_t k = 0; k < name.size() && eq; ++k) eq = Lower(s[i + 2 + k]) == name[k];
      if (eq) return i;
    }
    from = i + 1;
  }
  return std::string_view::npos;
}

const std::unordered_map<std::string_view, Tag>& NameToTag() {
  static const auto* m = new std::unordered_map<std::string_view, Tag>{
      {"html", Tag::kHtml}, {"head", Tag::kHead}, {"title", Tag::kTitle},
      {"meta", Tag::kMeta}, {"link", Tag::kLink}, {"base", Tag::kBase},
      {"body", Tag::kBody}, {"script", Tag::kScript}, {"style", Tag::kStyle},
      {"noscript", Tag::kNoscript}, {"template", Tag::kTemplate}, {"iframe", Tag::kIframe},
      {"frame", Tag::kFrame}, {"frameset", Tag::kFrameset}, {"svg", Tag::kSvg},
      {"math", Tag::kMath}, {"form", Tag::kForm}, {"button", Tag::kButton},
      {"select", Tag::kSelect}, {"option", Tag::kOption}, {"textarea", Tag::kTextarea},
      {"input", Tag::kInput}, {"object", Tag::kObject}, {"embed", Tag::kEmbed},
      {"canvas", Tag::kCanvas}, {"video", Tag::kVideo}, {"audio", Tag::kAudio},
      {"map", Tag::kMap}, {"area", Tag::kArea}, {"nav", Tag::kNav}, {"aside", Tag::kAside},
      {"footer", Tag::kFooter}, {"header", Tag::kHeader}, {"article", Tag::kArticle},
      {"main", Tag::kMain}, {"section", Tag::kSection}, {"div", Tag::kDiv}, {"p", Tag::kP},
      {"br", Tag::kBr}, {"hr", Tag::kHr}, {"h1", Tag::kH1}, {"h2", Tag::kH2},
      {"h3", Tag::kH3}, {"h4", Tag::kH4}, {"h5", Tag::kH5}, {"h6", Tag::kH6},
      {"ul", Tag::kUl}, {"ol", Tag::kOl}, {"li", Tag::kLi}, {"dl", Tag::kDl},
      {"dt", Tag::kDt}, {"dd", Tag::kDd}, {"table", Tag::kTable}, {"tbody", Tag::kTbody},
      {"thead", Tag::kThead}, {"tfoot", Tag::kTfoot}, {"tr", Tag::kTr}, {"td", Tag::kTd},
      {"th", Tag::kTh}, {"caption", Tag::kCaption}, {"a", Tag::kA}, {"span", Tag::kSpan},
      {"font", Tag::kFont}, {"b", Tag::kB}, {"strong", Tag::kStrong}, {"em", Tag::kEm},
      {"i", Tag::kI}, {"u", Tag::kU}, {"img", Tag::kImg}, {"figure", Tag::kFigure},
      {"figcaption", Tag::kFigcaption}, {"blockquote", Tag::kBlockquote},
      {"pre", Tag::kPre}, {"center", Tag::kCenter}, {"ruby", Tag::kRuby},
      {"rt", Tag::kRt}, {"rp", Tag::kRp}, {"time", Tag::kTime}, {"label", Tag::kLabel},
      {"address", Tag::kAddress}, {"marquee", Tag::kMarquee}, {"dialog", Tag::kDialog},
      {"menu", Tag::kMenu}, {"fieldset", Tag::kFieldset}, {"legend", Tag::kLegend},
      {"small", Tag::kSmall}, {"sup", Tag::kSup}, {"sub", Tag::kSub}, {"code", Tag::kCode},
      {"kbd", Tag::kKbd}, {"samp", Tag::kSamp}, {"tt", Tag::kTt}};
  return *m;
}

}  // namespace

Tag TagFromName(std::string_view name) {
  const auto& m = NameToTag();
  auto it = m.find(name);
  return it == m.end() ? Tag::kOther : it->second;
}

namespace {

// GumboTag -> Tag, built once (thread-safe static initialisation).
Tag MapTag(GumboTag t) {
  static const std::vector<Tag>* table = [] {
    auto* v = new std::vector<Tag>(GUMBO_TAG_LAST + 1, Tag::kOther);
    const auto& m = NameToTag();
    for (int i = 0; i < GUMBO_TAG_LAST; ++i) {
      auto it = m.find(gumbo_normalized_tagname(static_cast<GumboTag>(i)));
      if (it != m.end()) (*v)[i] = it->second;
    }
    return v;
  }();
  return (t >= 0 && t <= GUMBO_TAG_LAST) ? (*table)[t] : Tag::kOther;
}

}  // namespace

bool CutDeepNesting(std::string_view s, size_t max_depth, std::string* out) {
  size_t depth = 0;
  size_t copied = 0;  // bytes of s already handled (copied or dropped) when cutting
  bool cut = false;
  std::string result;
  auto drop = [&](size_t b, size_t e) {
    if (!cut) {
      result.reserve(s.size());
      cut = true;
    }
    result.append(s.data() + copied, b - copied);
    copied = e;
  };
  size_t i = 0;
  char name_buf[16];
  while (i < s.size()) {
    const void* p = std::memchr(s.data() + i, '<', s.size() - i);
    if (p == nullptr) break;
    size_t lt = static_cast<const char*>(p) - s.data();
    i = lt + 1;
    if (i >= s.size()) break;
    if (s[i] == '!') {
      if (s.compare(i, 3, "!--") == 0) {
        size_t e = s.find("-->", i + 3);
        i = e == std::string_view::npos ? s.size() : e + 3;
      } else {
        const void* g = std::memchr(s.data() + i, '>', s.size() - i);
        i = g == nullptr ? s.size() : static_cast<const char*>(g) - s.data() + 1;
      }
      continue;
    }
    bool end_tag = s[i] == '/';
    size_t n0 = end_tag ? i + 1 : i;
    if (n0 >= s.size() || !IsAlpha(s[n0])) continue;
    size_t n = 0, k = n0;
    while (k < s.size() && s[k] != '>' && s[k] != '/' && s[k] != ' ' && s[k] != '\t' &&
           s[k] != '\n' && s[k] != '\r' && s[k] != '\f') {
      if (n < sizeof(name_buf)) name_buf[n] = Lower(s[k]);
      ++n;
      ++k;
    }
    std::string_view name(name_buf, std::min(n, sizeof(name_buf)));
    const void* g = std::memchr(s.data() + k, '>', s.size() - k);
    size_t gt = g == nullptr ? s.size() : static_cast<const char*>(g) - s.data() + 1;
    i = gt;
    if (NoDepth(name)) continue;
    if (end_tag) {
      if (depth > max_depth) drop(lt, gt);
      if (depth > 0) --depth;
      continue;
    }
    if (RawText(name)) {
      size_t e = FindEndTag(s, gt, name);
      // Resume after "</" so that the raw-text end tag is not counted as closing anything.
      i = e == std::string_view::npos ? s.size() : e + 2;
      continue;
    }
    if (gt >= 2 && s[gt - 2] == '/') continue;  // <x/> on a foreign element opens nothing
    ++depth;
    if (depth > max_depth) drop(lt, gt);
  }
  if (!cut) return false;
  result.append(s.data() + copied, s.size() - copied);
  *out = std::move(result);
  return true;
}

Document::~Document() = default;

std::string_view Document::Attr(uint32_t i, std::string_view name) const {
  const Node& n = nodes_[i];
  for (uint32_t k = n.attr_begin; k < n.attr_begin + n.attr_count; ++k)
    if (attrs_[k].name == name) return attrs_[k].value;
  return {};
}

bool Document::HasAttr(uint32_t i, std::string_view name) const {
  const Node& n = nodes_[i];
  for (uint32_t k = n.attr_begin; k < n.attr_begin + n.attr_count; ++k)
    if (attrs_[k].name == name) return true;
  return false;
}

Result<std::unique_ptr<Document>> Document::Parse(std::string_view html,
                                                  const ParseLimits& limits) {
  std::unique_ptr<Document> doc(new Document());
  doc->arena_ = std::make_unique<Arena>();
  if (CutDeepNesting(html, limits.max_depth, &doc->prescanned_)) {
    html = doc->prescanned_;
    doc->truncated_ = true;
  }

  GumboOptions opts = kGumboDefaultOptions;
  opts.allocator = &ArenaAlloc;
  opts.deallocator = &ArenaFree;
  opts.userdata = doc->arena_.get();
  opts.max_errors = 0;  // parse errors are of no use here; recording them costs time
  GumboOutput* out = gumbo_parse_with_options(&opts, html.data(), html.size());
  if (out == nullptr || out->root == nullptr) return Status::Internal("gumbo: parse failed");
  // Deliberately no gumbo_destroy_output: the arena owns every block (see the file comment).

  // Pre-order copy with an explicit stack. Elements deeper than the limit (possible only if
  // the pre-scan's approximation missed something) are flattened into their ancestor.
  struct Item {
    const GumboNode* g;
    uint32_t parent;
    uint16_t depth;
  };
  const size_t hard_depth = std::min<size_t>(limits.max_depth + 64, 60000);
  std::vector<Item> stack;
  stack.push_back({out->root, 0, 0});
  auto& nodes = doc->nodes_;
  nodes.reserve(4096);
  while (!stack.empty()) {
    Item it = stack.back();
    stack.pop_back();
    const GumboNode* g = it.g;
    if (nodes.size() >= limits.max_nodes) {
      doc->truncated_ = true;
      break;
    }
    if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE ||
        g->type == GUMBO_NODE_CDATA) {
      Node n;
      n.type = NodeType::kText;
      n.parent = it.parent;
      n.depth = it.depth;
      n.text = g->v.text.text ? std::string_view(g->v.text.text) : std::string_view();
      nodes.push_back(n);
      continue;
    }
    if (g->type != GUMBO_NODE_ELEMENT && g->type != GUMBO_NODE_TEMPLATE) continue;
    const GumboElement& e = g->v.element;
    uint32_t self = it.parent;
    uint16_t child_depth = it.depth;
    if (it.depth <= hard_depth || nodes.empty()) {
      Node n;
      n.type = NodeType::kElement;
      n.tag = MapTag(e.tag);
      n.name = e.tag == GUMBO_TAG_UNKNOWN ? std::string_view()
                                          : std::string_view(gumbo_normalized_tagname(e.tag));
      n.parent = nodes.empty() ? 0 : it.parent;
      n.depth = it.depth;
      n.attr_begin = static_cast<uint32_t>(doc->attrs_.size());
      for (unsigned k = 0; k < e.attributes.length; ++k) {
        const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[k]);
        doc->attrs_.push_back({a->name ? a->name : "", a->value ? a->value : ""});
      }
      n.attr_count = e.attributes.length;
      self = static_cast<uint32_t>(nodes.size());
      nodes.push_back(n);
      child_depth = static_cast<uint16_t>(it.depth + 1);
    } else {
      doc->truncated_ = true;
    }
    for (unsigned k = e.children.length; k-- > 0;)
      stack.push_back({static_cast<const GumboNode*>(e.children.data[k]), self, child_depth});
  }
  // Subtree ends: children follow their parent in pre-order, so one backward pass suffices.
  for (size_t i = 0; i < nodes.size(); ++i) nodes[i].end = static_cast<uint32_t>(i + 1);
  for (size_t i = nodes.size(); i-- > 1;) {
    Node& p = nodes[nodes[i].parent];
    p.end = std::max(p.end, nodes[i].end);
  }
  return doc;
}

}  // namespace qingxi::dom
