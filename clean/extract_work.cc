// clean/extract_work.cc — text helpers shared by the HTML extractor's stages (extract_work.h).
#include "extract_work.h"

#include <algorithm>

#include "qingxi/utf8.h"

namespace qingxi {
namespace html {

using dom::NodeType;
using dom::Tag;

bool IsBlockTag(Tag t) {
  switch (t) {
    case Tag::kHtml:
    case Tag::kBody:
    case Tag::kDiv:
    case Tag::kP:
    case Tag::kBr:
    case Tag::kHr:
    case Tag::kH1:
    case Tag::kH2:
    case Tag::kH3:
    case Tag::kH4:
    case Tag::kH5:
    case Tag::kH6:
    case Tag::kUl:
    case Tag::kOl:
    case Tag::kLi:
    case Tag::kDl:
    case Tag::kDt:
    case Tag::kDd:
    case Tag::kTable:
    case Tag::kTbody:
    case Tag::kThead:
    case Tag::kTfoot:
    case Tag::kTr:
    case Tag::kTd:
    case Tag::kTh:
    case Tag::kCaption:
    case Tag::kArticle:
    case Tag::kMain:
    case Tag::kSection:
    case Tag::kHeader:
    case Tag::kFooter:
    case Tag::kNav:
    case Tag::kAside:
    case Tag::kBlockquote:
    case Tag::kPre:
    case Tag::kCenter:
    case Tag::kFigure:
    case Tag::kFigcaption:
    case Tag::kAddress:
    case Tag::kForm:
    case Tag::kFieldset:
    case Tag::kLegend:
    case Tag::kMenu:
    case Tag::kDialog:
    case Tag::kFrameset:
      return true;
    default:
      return false;
  }
}

// Blocks that are one paragraph by nature; their score goes to their container.
bool IsParagraphTag(Tag t) {
  switch (t) {
    case Tag::kP:
    case Tag::kLi:
    case Tag::kDt:
    case Tag::kDd:
    case Tag::kH1:
    case Tag::kH2:
    case Tag::kH3:
    case Tag::kH4:
    case Tag::kH5:
    case Tag::kH6:
    case Tag::kBlockquote:
    case Tag::kFigcaption:
    case Tag::kCaption:
    case Tag::kTh:
    case Tag::kAddress:
    case Tag::kLegend:
      return true;
    default:
      return false;
  }
}

bool IsHeading(Tag t) { return t == Tag::kH1 || t == Tag::kH2 || t == Tag::kH3 || t == Tag::kH4; }

// Sentence punctuation that marks running prose (full-width and ASCII).
bool IsProsePunct(char32_t c) {
  return c == 0xFF0C || c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == 0xFF1A ||
         c == 0x3001 || c == ',' || c == ';';
}

// A letter or an ideograph: what words are written in, as opposed to the digits, dates and
// brackets of a list row ("【作者】08-11 17:03 298字 [140/0]").
bool IsWordChar(char32_t c) {
  return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || c >= 0x20000 ||
         (c >= 0x3040 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF) ||
         (c >= 0x80 && c < 0x2000) ||  // Latin, Greek, Cyrillic, ... and mojibake of CJK
         c == 0xFFFD;  // a byte the decoder could not read stands for an unknown letter
}

TextStats MeasureText(std::string_view s) {
  TextStats st;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      if (c > ' ') {
        ++st.chars;
        if (c == ',' || c == ';') ++st.punct;
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ++st.words;
      }
      continue;
    }
    char32_t cp = utf8::Next(s, &i);
    if (cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0xFEFF) continue;
    ++st.chars;
    if (IsProsePunct(cp))
      ++st.punct;
    else if (IsWordChar(cp))
      ++st.words;
  }
  return st;
}

// Appends `s` to *out with every run of white space (ASCII, NBSP, ideographic space, zero
// width) turned into one space; *pending_space carries a run across text nodes.
void AppendCollapsed(std::string_view s, std::string* out, bool* pending_space) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = 1;
    bool space = false;
    if (c <= ' ') {
      space = true;
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      space = true, len = 2;
    } else if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               static_cast<unsigned char>(s[i + 2]) == 0x80) {
      space = true, len = 3;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               static_cast<unsigned char>(s[i + 2]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 2]) <= 0x8B) {
      space = true, len = 3;  // U+2000..U+200B
    } else if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
               static_cast<unsigned char>(s[i + 2]) == 0xBF) {
      space = true, len = 3;  // U+FEFF
    }
    if (space) {
      *pending_space = true;
      i += len;
      continue;
    }
    if (*pending_space && !out->empty()) out->push_back(' ');
    *pending_space = false;
    size_t j = i + 1;
    while (j < s.size() && static_cast<unsigned char>(s[j]) > ' ' &&
           static_cast<unsigned char>(s[j]) < 0x80)
      ++j;
    if (j == i + 1) j = i + utf8::SeqLen(c);
    if (j > s.size()) j = s.size();
    out->append(s.data() + i, j - i);
    i = j;
  }
}

std::string StripSpaces(std::string_view s) {
  std::string r;
  bool pending = false;
  AppendCollapsed(s, &r, &pending);
  r.erase(std::remove(r.begin(), r.end(), ' '), r.end());
  return r;
}

// Cuts `s` to at most `max` bytes without splitting a UTF-8 sequence.
std::string_view CutUtf8(std::string_view s, size_t max) {
  if (s.size() <= max) return s;
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

// The text of subtree i (alive nodes only), collapsed, at most `max` bytes.
std::string SubtreeText(const Work& w, uint32_t i, size_t max) {
  const auto& nodes = w.doc->nodes();
  std::string out;
  bool pending = false;
  for (uint32_t k = i; k < nodes[i].end && out.size() < max;) {
    if (!w.alive[k]) {
      k = nodes[k].end;
      continue;
    }
    if (nodes[k].type == NodeType::kText)
      AppendCollapsed(nodes[k].text, &out, &pending);
    else if (k != i && IsBlockTag(nodes[k].tag))
      pending = true;
    ++k;
  }
  return std::string(CutUtf8(out, max));
}

bool IsCodeTag(Tag t) {
  return t == Tag::kCode || t == Tag::kKbd || t == Tag::kSamp || t == Tag::kTt;
}

// The text of a <pre> or a code block, verbatim: every character, tab and indentation kept;
// "\r\n" and a no-break space (SyntaxHighlighter indents with &nbsp;) are read as "\n" and a
// space; a <br> or a block element inside (one <li> or <div> per line) starts a line. Blank
// lines at either end go, trailing spaces of each line too. Linear in the subtree's size.
std::string PreformattedText(const Work& w, uint32_t i) {
  const auto& nodes = w.doc->nodes();
  std::string out;
  auto new_line = [&]() {
    while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
    if (!out.empty() && out.back() != '\n') out.push_back('\n');
  };
  for (uint32_t k = i + 1; k < nodes[i].end;) {
    const dom::Node& nd = nodes[k];
    if (!w.alive[k]) {
      k = nd.end;
      continue;
    }
    if (nd.type == NodeType::kText) {
      std::string_view s = nd.text;
      for (size_t p = 0; p < s.size(); ++p) {
        char c = s[p];
        if (c == '\r') {
          if (p + 1 < s.size() && s[p + 1] == '\n') continue;
          c = '\n';
        }
        if (c == '\n') {
          while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
          out.push_back('\n');
        } else if (c == '\xC2' && p + 1 < s.size() && s[p + 1] == '\xA0') {
          out.push_back(' ');
          ++p;
        } else {
          out.push_back(c);
        }
      }
    } else if (nd.tag == Tag::kBr) {
      while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
      out.push_back('\n');
    } else if (IsBlockTag(nd.tag)) {
      new_line();
    }
    ++k;
  }
  size_t b = 0;  // blank lines at the start, up to the line that holds text
  for (size_t p = 0; p < out.size() && (out[p] == ' ' || out[p] == '\t' || out[p] == '\n'); ++p)
    if (out[p] == '\n') b = p + 1;
  out.erase(0, b);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ' || out.back() == '\t'))
    out.pop_back();
  return out;
}

double LinkDensity(const Work& w, uint32_t i) {
  return w.chars[i] == 0 ? 0.0 : static_cast<double>(w.link_chars[i]) / w.chars[i];
}

bool IsLinkListItem(const dom::Document& doc, uint32_t a) {
  const auto& nodes = doc.nodes();
  uint32_t li = nodes[a].parent;
  for (int up = 0; up < 2 && li != 0 && nodes[li].tag != dom::Tag::kLi; ++up) li = nodes[li].parent;
  if (li == 0 || nodes[li].tag != dom::Tag::kLi) return false;
  const uint32_t list = nodes[li].parent;
  int linked = 0, children = 0;
  for (uint32_t c = list + 1; c < nodes[list].end && linked < 3 && children < 128;
       c = nodes[c].end, ++children) {
    if (nodes[c].tag != dom::Tag::kLi) continue;
    for (uint32_t k = c + 1; k < nodes[c].end && k < c + 64; ++k)
      if (nodes[k].tag == dom::Tag::kA) {
        ++linked;
        break;
      }
  }
  return linked >= 3;
}

}  // namespace html
}  // namespace qingxi
