// clean/dom.h — qingxi's thin, read-only DOM over Gumbo: parse once, walk a flat array.
//
// Gumbo builds a pointer tree whose destruction recurses once per nesting level; a hostile page
// (100,000 nested <div>) overflows the stack there. This wrapper therefore
//   1. cuts nesting before parsing (a cheap byte pre-scan drops start/end tags beyond max_depth),
//   2. gives Gumbo an arena allocator and never calls gumbo_destroy_output (the arena is freed in
//      one go, no recursion),
//   3. copies the tree, iteratively, into a flat pre-order array: node i's subtree is the index
//      range [i, end). Every walk over the document is then a plain loop, never recursion.
// Text and attribute values are string_views into the arena and live as long as the Document.
// No Gumbo type appears in this header.
//
// Thread-safety: Parse may run on many threads at once (no shared state); a Document is
// immutable after Parse and may be read from many threads.
#ifndef QINGXI_CLEAN_DOM_H_
#define QINGXI_CLEAN_DOM_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "qingxi/status.h"

namespace qingxi::dom {

// The elements the extractor treats specially; everything else is kOther.
enum class Tag : uint8_t {
  kOther, kHtml, kHead, kTitle, kMeta, kLink, kBase, kBody,
  kScript, kStyle, kNoscript, kTemplate, kIframe, kFrame, kFrameset, kSvg, kMath,
  kForm, kButton, kSelect, kOption, kTextarea, kInput, kObject, kEmbed, kCanvas, kVideo,
  kAudio, kMap, kArea, kNav, kAside, kFooter, kHeader, kArticle, kMain, kSection, kDiv, kP,
  kBr, kHr, kH1, kH2, kH3, kH4, kH5, kH6, kUl, kOl, kLi, kDl, kDt, kDd, kTable, kTbody,
  kThead, kTfoot, kTr, kTd, kTh, kCaption, kA, kSpan, kFont, kB, kStrong, kEm, kI, kU, kImg,
  kFigure, kFigcaption, kBlockquote, kPre, kCenter, kRuby, kRt, kRp, kTime, kLabel,
  kAddress, kMarquee, kDialog, kMenu, kFieldset, kLegend, kSmall, kSup, kSub, kCode,
  kKbd, kSamp, kTt, kCount
};

// The Tag of a lower-case element name; Tag::kOther for names qingxi does not single out.
Tag TagFromName(std::string_view name);


enum class NodeType : uint8_t { kElement, kText };

struct Attribute {
  std::string_view name;   // lower-case (Gumbo normalises names)
  std::string_view value;
};

struct Node {
  NodeType type = NodeType::kElement;
  Tag tag = Tag::kOther;
  uint16_t depth = 0;
  uint32_t parent = 0;      // index of the parent element (the root is its own parent)
  uint32_t end = 0;         // one past the last node of this subtree
  uint32_t attr_begin = 0;  // attributes are attrs()[attr_begin, attr_begin + attr_count)
  uint32_t attr_count = 0;
  std::string_view text;    // text nodes only (text, CDATA and whitespace)
  std::string_view name;    // element tag name, lower-case
};

struct ParseLimits {
  size_t max_depth = 400;
  size_t max_nodes = 2000000;
};

class Document {
 public:
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  // Parses UTF-8 HTML. Never fails on content (HTML parsing has no errors); fails only when
  // the parser itself cannot run (out of memory).
  static Result<std::unique_ptr<Document>> Parse(std::string_view utf8_html,
                                                 const ParseLimits& limits);

  // Node 0 is the <html> element.
  const std::vector<Node>& nodes() const { return nodes_; }
  const Node& node(uint32_t i) const { return nodes_[i]; }
  size_t size() const { return nodes_.size(); }
  // The value of attribute `name` (lower-case) on element i, or an empty view.
  std::string_view Attr(uint32_t i, std::string_view name) const;
  bool HasAttr(uint32_t i, std::string_view name) const;
  // True when nesting was cut by the pre-scan or the node limit was reached.
  bool truncated() const { return truncated_; }

  struct Arena;  // bump allocator handed to Gumbo; defined in dom.cc

 private:
  Document() = default;
  std::unique_ptr<Arena> arena_;
  std::string prescanned_;  // the input with over-deep tags removed, when any were
  std::vector<Node> nodes_;
  std::vector<Attribute> attrs_;
  bool truncated_ = false;
};

// Removes start and end tags nested deeper than max_depth (counting only elements whose end
// tag is required, so implied-end <p>/<li>/<td> do not inflate the count). Returns false and
// leaves *out untouched when nothing had to be cut. Exposed for tests.
bool CutDeepNesting(std::string_view html, size_t max_depth, std::string* out);

}  // namespace qingxi::dom

#endif  // QINGXI_CLEAN_DOM_H_
