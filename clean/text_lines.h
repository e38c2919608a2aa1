// clean/text_lines.h — the lines of a flattened page and what each looks like (internal to clean/).
//
// SplitPageLines cuts UTF-8 text into lines and undoes the hard wrapping of dumps made at a fixed
// width (w3m -cols N, lynx, html2text): when many lines stop at the same display width and go on
// in the next line, that width is the wrap and those line breaks are not the page's. MeasureLine
// gives a line's features for the main-content detector (clean/text_extract.cc): its text value
// (Han characters and ASCII words outside w3m's [image]/[form] tokens), sentence punctuation,
// the items it splits into at separators, bullet and date shape.
//
// Plain functions over string_views into the caller's text; thread-safe.
#ifndef QINGXI_CLEAN_TEXT_LINES_H_
#define QINGXI_CLEAN_TEXT_LINES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qingxi::textmode {

struct WrapOptions {
  int min_columns = 60;  // a wrap width below this is not looked for
  int slack = 2;         // a wrapped line ends within this many columns of the wrap width
  int min_lines = 3;     // lines ending at the wrap width and going on, at least
};

// One line of the page: the text with the indentation and trailing blanks trimmed. Lines that the
// wrap undoing joined are held in `joined` (and `text` points into it).
struct PageLine {
  std::string_view text;
  std::string joined;
};

// Splits at \n (and \r\n), trims each line, joins hard-wrapped continuations. Blank lines are
// kept (as empty text) because they separate blocks in a dump.
std::vector<PageLine> SplitPageLines(std::string_view text, const WrapOptions& wrap);

// Display columns of a line as a terminal dump counts them: East Asian wide characters take 2.
int DisplayWidth(std::string_view s);

struct LineShape {
  uint32_t value = 0;   // Han characters + ASCII words, outside [bracket] tokens
  uint32_t chars = 0;   // visible characters
  uint16_t stops = 0;   // 。！？ and ASCII . ! ? before a space or the end
  uint16_t commas = 0;  // ，、；and ASCII , ; (not the colon: headlines have it)
  uint16_t items = 0;   // pieces between separators (| ｜ · • / > » › ¦ and runs of spaces)
  uint16_t brackets = 0;    // w3m tokens: [image], [button], [      ] (form fields), ( ) (*)
  bool bullet = false;      // opens with a bullet glyph (• · ● ■ ...)
  bool numbered = false;    // opens with "1." "2、" "3)" or "[4]"
  bool date = false;        // holds a date: 2011-12-09, 2011年12月9日, 2011/12/9, 2011.12.09
  bool label = false;       // opens with a short label and a colon ("来源：", "作者:")
  bool inner_stop = false;  // a sentence end before the last character
};

LineShape MeasureLine(std::string_view line);

// The line with white space removed, for comparing repeats.
std::string Squeezed(std::string_view line);

}  // namespace qingxi::textmode

#endif  // QINGXI_CLEAN_TEXT_LINES_H_
