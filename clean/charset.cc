// Charset sniffing and decoding to UTF-8; see qingxi/charset.h.
//
// Order of evidence (WHATWG Encoding §4.2 "decode", HTML §13.2.3.2 "determining the character
// encoding"): byte-order mark, then the transport layer (HTTP Content-Type charset), then the
// <meta> prescan of the first 1024 bytes (HTML §13.2.3.2, "prescan a byte stream"), then
// statistical detection. Browsers stop at the first declaration; a corpus cleaner cannot,
// because Chinese sites very often declare a charset their bytes do not use (a CMS template
// says gb2312 while the page was re-saved as UTF-8; a page says utf-8 but was written in
// GBK; a big5 header sits on GBK bytes). So every declaration is checked against the bytes:
//
//   * valid UTF-8 with non-ASCII content is UTF-8, whatever is declared (a legacy CJK byte
//     stream is practically never valid UTF-8 by accident: GBK/Big5 trail bytes 0x40-0x7E and
//     double lead bytes break the UTF-8 pattern within a few characters);
//   * a declared legacy CJK charset is compared with the other one (GB18030 vs Big5) by how
//     many of the decoded Han characters are common ones; the declared one keeps the benefit
//     of the doubt unless the other is clearly better;
//   * a declared single-byte Western charset on bytes that decode as good Chinese is replaced;
//   * valid UTF-8 that is Latin mojibake of Chinese (GBK read as ISO-8859-15 and saved as
//     UTF-8, "ÒâŽóÀû" for 意大利) is decoded back (see RepairLatinMojibake).
//
// Decoding uses ICU converters with a callback that writes U+FFFD and counts replacements.
// NUL bytes are dropped (later stages and JSON consumers treat NUL as end of text).
#include "qingxi/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>
#include <uchardet.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "qingxi/ascii.h"
#include "qingxi/utf8.h"

namespace qingxi {
namespace {

// ---------------------------------------------------------------------------------------
// Labels (WHATWG Encoding §4.2, "encodings" table), restricted to what a Chinese corpus meets,
// plus the non-WHATWG aliases Chinese servers send (cp936, euc-cn, big5hkscs).
struct LabelMap {
  const char* label;
  const char* canonical;
};
constexpr LabelMap kLabels[] = {
    // UTF-8
    {"unicode-1-1-utf-8", "utf-8"}, {"unicode11utf8", "utf-8"}, {"unicode20utf8", "utf-8"},
    {"utf-8", "utf-8"}, {"utf8", "utf-8"}, {"x-unicode20utf8", "utf-8"},
    // GBK family: WHATWG decodes gbk and gb18030 with the same decoder; GB18030 is a superset
    // of GB2312 and GBK, so one decoder serves every label.
    {"chinese", "gb18030"}, {"csgb2312", "gb18030"}, {"csiso58gb231280", "gb18030"},
    {"gb2312", "gb18030"}, {"gb_2312", "gb18030"}, {"gb_2312-80", "gb18030"},
    {"gbk", "gb18030"}, {"iso-ir-58", "gb18030"}, {"x-gbk", "gb18030"},
    {"gb18030", "gb18030"}, {"cp936", "gb18030"}, {"ms936", "gb18030"},
    {"windows-936", "gb18030"}, {"euc-cn", "gb18030"}, {"x-euc-cn", "gb18030"},
    // Big5: WHATWG's big5 decoder is Big5-HKSCS (HKSCS-2008 on top of Big5-ETEN).
    {"big5", "big5-hkscs"}, {"big5-hkscs", "big5-hkscs"}, {"cn-big5", "big5-hkscs"},
    {"csbig5", "big5-hkscs"}, {"x-x-big5", "big5-hkscs"}, {"big5hkscs", "big5-hkscs"},
    {"cp950", "big5-hkscs"},
    // UTF-16 (only reachable through a BOM or a header; a <meta> saying utf-16 means utf-8).
    {"csunicode", "utf-16le"}, {"iso-10646-ucs-2", "utf-16le"}, {"ucs-2", "utf-16le"},
    {"unicode", "utf-16le"}, {"unicodefeff", "utf-16le"}, {"utf-16", "utf-16le"},
    {"utf-16le", "utf-16le"}, {"unicodefffe", "utf-16be"}, {"utf-16be", "utf-16be"},
    // windows-1252: WHATWG maps ASCII and Latin-1 labels to it.
    {"ansi_x3.4-1968", "windows-1252"}, {"ascii", "windows-1252"}, {"cp1252", "windows-1252"},
    {"cp819", "windows-1252"}, {"csisolatin1", "windows-1252"}, {"ibm819", "windows-1252"},
    {"iso-8859-1", "windows-1252"}, {"iso-ir-100", "windows-1252"},
    {"iso8859-1", "windows-1252"}, {"iso88591", "windows-1252"}, {"iso_8859-1", "windows-1252"},
    {"iso_8859-1:1987", "windows-1252"}, {"l1", "windows-1252"}, {"latin1", "windows-1252"},
    {"us-ascii", "windows-1252"}, {"windows-1252", "windows-1252"}, {"x-cp1252", "windows-1252"},
    // Other CJK legacy encodings.
    {"csshiftjis", "shift_jis"}, {"ms932", "shift_jis"}, {"ms_kanji", "shift_jis"},
    {"shift-jis", "shift_jis"}, {"shift_jis", "shift_jis"}, {"sjis", "shift_jis"},
    {"windows-31j", "shift_jis"}, {"x-sjis", "shift_jis"},
    {"cseucpkdfmtjapanese", "euc-jp"}, {"euc-jp", "euc-jp"}, {"x-euc-jp", "euc-jp"},
    {"csiso2022jp", "iso-2022-jp"}, {"iso-2022-jp", "iso-2022-jp"},
    {"cseuckr", "euc-kr"}, {"csksc56011987", "euc-kr"}, {"euc-kr", "euc-kr"},
    {"iso-ir-149", "euc-kr"}, {"korean", "euc-kr"}, {"ks_c_5601-1987", "euc-kr"},
    {"ks_c_5601-1989", "euc-kr"}, {"ksc5601", "euc-kr"}, {"ksc_5601", "euc-kr"},
    {"windows-949", "euc-kr"},
    // Cyrillic and others that appear on mirrored pages.
    {"koi8-r", "koi8-r"}, {"koi8_r", "koi8-r"}, {"koi8-u", "koi8-u"}, {"ibm866", "ibm866"},
    {"cp866", "ibm866"}, {"windows-874", "windows-874"}, {"tis-620", "windows-874"},
};

// ICU converter name for a canonical name.
const char* IcuName(const std::string& canonical) {
  if (canonical == "gb18030") return "gb18030";
  if (canonical == "big5-hkscs") return "Big5-HKSCS";
  if (canonical == "utf-16le") return "UTF-16LE";
  if (canonical == "utf-16be") return "UTF-16BE";
  if (canonical == "utf-8") return "UTF-8";
  return canonical.c_str();  // windows-125x, iso-8859-N, shift_jis, euc-kr ... are ICU aliases
}

bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
using ascii::Lower;

bool StartsWithNoCase(std::string_view s, size_t pos, std::string_view prefix) {
  if (pos + prefix.size() > s.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (Lower(s[pos + i]) != prefix[i]) return false;
  return true;
}

// ---------------------------------------------------------------------------------------
// Declarations.

// WHATWG "extracting a character encoding from a meta element" (HTML §2.5.5); also used for
// the HTTP header, whose charset parameter has the same shape.
std::string CharsetFromContent(std::string_view s) {
  size_t pos = 0;
  while (true) {
    size_t found = std::string_view::npos;
    for (size_t i = pos; i + 7 <= s.size(); ++i) {
      if (StartsWithNoCase(s, i, "charset")) { found = i; break; }
    }
    if (found == std::string_view::npos) return "";
    size_t i = found + 7;
    while (i < s.size() && IsAsciiSpace(s[i])) ++i;
    if (i >= s.size() || s[i] != '=') { pos = found + 7; continue; }
    ++i;
    while (i < s.size() && IsAsciiSpace(s[i])) ++i;
    if (i >= s.size()) return "";
    if (s[i] == '"' || s[i] == '\'') {
      char q = s[i];
      size_t end = s.find(q, i + 1);
      if (end == std::string_view::npos) return "";
      return std::string(s.substr(i + 1, end - i - 1));
    }
    size_t end = i;
    while (end < s.size() && !IsAsciiSpace(s[end]) && s[end] != ';') ++end;
    return std::string(s.substr(i, end - i));
  }
}

// WHATWG "get an attribute" (HTML §13.2.3.2). Returns false when there is none.
bool GetAttribute(std::string_view s, size_t* pos, std::string* name, std::string* value) {
  size_t i = *pos;
  while (i < s.size() && (IsAsciiSpace(s[i]) || s[i] == '/')) ++i;
  if (i >= s.size() || s[i] == '>') { *pos = i; return false; }
  name->clear();
  value->clear();
  // Attribute name.
  while (i < s.size()) {
    char c = s[i];
    if (c == '=' && !name->empty()) break;
    if (IsAsciiSpace(c)) break;
    if (c == '/' || c == '>') { *pos = i; return true; }
    name->push_back(Lower(c));
    ++i;
  }
  while (i < s.size() && IsAsciiSpace(s[i])) ++i;
  if (i >= s.size() || s[i] != '=') { *pos = i; return true; }
  ++i;
  while (i < s.size() && IsAsciiSpace(s[i])) ++i;
  if (i >= s.size()) { *pos = i; return true; }
  if (s[i] == '"' || s[i] == '\'') {
    char q = s[i++];
    while (i < s.size() && s[i] != q) value->push_back(Lower(s[i++]));
    *pos = i < s.size() ? i + 1 : i;
    return true;
  }
  while (i < s.size() && !IsAsciiSpace(s[i]) && s[i] != '>') value->push_back(Lower(s[i++]));
  *pos = i;
  return true;
}

// WHATWG "prescan a byte stream to determine its encoding" over the first 1024 bytes.
// Returns the raw label ("" if none).
std::string PrescanMeta(std::string_view bytes) {
  std::string_view s = bytes.substr(0, 1024);
  size_t i = 0;
  std::string name, value;
  while (i < s.size()) {
    if (s[i] != '<') { ++i; continue; }
    if (s.compare(i, 4, "<!--") == 0) {
      size_t end = s.find("-->", i + 2);  // "<!-->" closes at once, as the spec says
      if (end == std::string_view::npos) return "";
      i = end + 3;
      continue;
    }
    if (StartsWithNoCase(s, i, "<meta") && i + 5 < s.size() &&
        (IsAsciiSpace(s[i + 5]) || s[i + 5] == '/')) {
      size_t p = i + 5;
      bool got_pragma = false, need_pragma_set = false, need_pragma = false;
      std::string charset;
      std::vector<std::string> seen;
      while (GetAttribute(s, &p, &name, &value)) {
        if (std::find(seen.begin(), seen.end(), name) != seen.end()) continue;
        seen.push_back(name);
        if (name == "http-equiv") {
          if (value == "content-type") got_pragma = true;
        } else if (name == "content") {
          std::string c = CharsetFromContent(value);
          if (!c.empty() && charset.empty()) {
            charset = c;
            need_pragma_set = true;
            need_pragma = true;
          }
        } else if (name == "charset") {
          charset = value;
          need_pragma_set = true;
          need_pragma = false;
        }
      }
      i = p + 1;
      if (!need_pragma_set || charset.empty()) continue;
      if (need_pragma && !got_pragma) continue;
      return charset;
    }
    if (i + 1 < s.size() &&
        (std::isalpha(static_cast<unsigned char>(s[i + 1])) ||
         (s[i + 1] == '/' && i + 2 < s.size() &&
          std::isalpha(static_cast<unsigned char>(s[i + 2]))))) {
      // Any other tag: skip its name and attributes, so that a quoted '>' does not end it.
      size_t p = i + 1;
      while (p < s.size() && !IsAsciiSpace(s[p]) && s[p] != '>') ++p;
      while (GetAttribute(s, &p, &name, &value)) {
      }
      i = p + 1;
      continue;
    }
    if (i + 1 < s.size() && (s[i + 1] == '!' || s[i + 1] == '/' || s[i + 1] == '?')) {
      size_t end = s.find('>', i + 1);
      if (end == std::string_view::npos) return "";
      i = end + 1;
      continue;
    }
    ++i;
  }
  return "";
}

// ---------------------------------------------------------------------------------------
// Byte statistics.

struct Utf8Scan {
  bool valid = true;
  size_t non_ascii = 0;   // valid multi-byte sequences
  size_t invalid = 0;     // bytes that start no valid sequence
  size_t latin = 0;       // U+0080..U+00FF (lead byte C2 or C3)
  size_t cjk = 0;         // U+4000..U+9FFF (lead byte E4..E9)
};

// A tight RFC 3629 validator: eight ASCII bytes at a time, then sequences checked with the
// well-formed byte table of Unicode §3.9 (Table 3-7), so that overlongs and surrogates fail.
Utf8Scan ScanUtf8(std::string_view s) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0, non_ascii = 0, invalid = 0, latin = 0, cjk = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if ((w & 0x8080808080808080ULL) == 0) { i += 8; continue; }
    }
    const unsigned char c = p[i];
    if (c < 0x80) { ++i; continue; }
    // The common case in Chinese text: a three-byte sequence outside the E0/ED special rows.
    if (c >= 0xE1 && c <= 0xEC && i + 3 <= n && (p[i + 1] & 0xC0) == 0x80 &&
        (p[i + 2] & 0xC0) == 0x80) {
      ++non_ascii;
      cjk += (c >= 0xE4 && c <= 0xE9);
      i += 3;
      continue;
    }
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; if (c == 0xE0) lo = 0xA0; if (c == 0xED) hi = 0x9F; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; if (c == 0xF0) lo = 0x90; if (c == 0xF4) hi = 0x8F; }
    bool ok = len != 0 && i + len <= n && p[i + 1] >= lo && p[i + 1] <= hi;
    for (size_t k = 2; ok && k < len; ++k) ok = (p[i + k] & 0xC0) == 0x80;
    if (ok) {
      ++non_ascii;
      latin += (c == 0xC2 || c == 0xC3);
      i += len;
    } else {
      ++invalid;
      ++i;
    }
  }
  Utf8Scan r;
  r.valid = invalid == 0;
  r.non_ascii = non_ascii;
  r.invalid = invalid;
  r.latin = latin;
  r.cjk = cjk;
  return r;
}

// Magic numbers of binary formats that crawls pick up by mistake.
const char* BinaryMagic(std::string_view b) {
  struct Magic { std::string_view sig; const char* what; };
  static const Magic kMagic[] = {
      {std::string_view("\x89PNG\r\n\x1a\n", 8), "PNG image"},
      {std::string_view("GIF87a", 6), "GIF image"}, {std::string_view("GIF89a", 6), "GIF image"},
      {std::string_view("\xFF\xD8\xFF", 3), "JPEG image"},
      {std::string_view("PK\x03\x04", 4), "ZIP archive"},
      {std::string_view("\x1F\x8B", 2), "gzip data"},
      {std::string_view("\x7F" "ELF", 4), "ELF executable"},
      {std::string_view("%PDF-", 5), "PDF document"},
      {std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "OLE2 document"},
      {std::string_view("BZh", 3), "bzip2 data"},
      {std::string_view("\xFD" "7zXZ\x00", 6), "xz data"},
      {std::string_view("\x28\xB5\x2F\xFD", 4), "zstd data"},
  };
  for (const auto& m : kMagic)
    if (b.substr(0, m.sig.size()) == m.sig) return m.what;
  if (b.size() >= 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP") return "WebP image";
  return nullptr;
}

// Share of C0 control bytes other than TAB, LF, FF, CR and ESC (ISO-2022 needs ESC) in the
// first 16 KiB. Text has none, or a stray few; binary data has about one byte in ten, from its
// first kilobytes on.
bool LooksBinary(std::string_view b) {
  static const auto kIsControl = [] {
    std::array<uint8_t, 256> t{};
    for (int c = 0; c < 0x20; ++c) t[c] = 1;
    for (int c : {0x09, 0x0A, 0x0C, 0x0D, 0x1B}) t[c] = 0;
    return t;
  }();
  std::string_view sample = b.substr(0, 16 * 1024);
  size_t ctrl = 0;
  for (unsigned char c : sample) ctrl += kIsControl[c];
  return ctrl >= 4 && ctrl * 20 > sample.size();
}

// UTF-16 without a BOM shows as NUL in every other byte of ASCII-range text.
std::string SniffUtf16(std::string_view b) {
  std::string_view s = b.substr(0, 4096);
  if (s.size() < 8) return "";
  size_t even_nul = 0, odd_nul = 0;
  for (size_t i = 0; i + 1 < s.size(); i += 2) {
    even_nul += s[i] == 0;
    odd_nul += s[i + 1] == 0;
  }
  size_t pairs = s.size() / 2;
  if (odd_nul * 10 > pairs * 4 && even_nul * 50 < pairs) return "utf-16le";
  if (even_nul * 10 > pairs * 4 && odd_nul * 50 < pairs) return "utf-16be";
  return "";
}

// ---------------------------------------------------------------------------------------
// ICU decoding.

// ucnv callback: substitute U+FFFD for every illegal or unmapped sequence and count it.
struct CallbackContext {
  size_t replacements = 0;
};
void CountingSubstitute(const void* context, UConverterToUnicodeArgs* args,
                        const char* /*code_units*/, int32_t /*length*/,
                        UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset/close/clone: nothing to substitute
  auto* ctx = static_cast<CallbackContext*>(const_cast<void*>(context));
  ++ctx->replacements;
  static const UChar kFffd = 0xFFFD;
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kFffd, 1, 0, err);
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// ICU converters are cheap to reset but not free to open; keep one per name and thread.
UConverter* ThreadConverter(const std::string& canonical, Status* status) {
  thread_local std::unordered_map<std::string, std::unique_ptr<UConverter, ConverterCloser>>
      cache;
  auto it = cache.find(canonical);
  if (it != cache.end()) {
    ucnv_reset(it->second.get());
    return it->second.get();
  }
  UErrorCode err = U_ZERO_ERROR;
  UConverter* c = ucnv_open(IcuName(canonical), &err);
  if (U_FAILURE(err) || c == nullptr) {
    *status = Status::InvalidArgument("no converter for " + canonical);
    return nullptr;
  }
  cache.emplace(canonical, std::unique_ptr<UConverter, ConverterCloser>(c));
  return c;
}

struct Decoded {
  std::u16string text;
  size_t replacements = 0;
};

Result<Decoded> DecodeUtf16(std::string_view bytes, const std::string& canonical) {
  Status st;
  UConverter* cnv = ThreadConverter(canonical, &st);
  if (cnv == nullptr) return st;
  CallbackContext ctx;
  UErrorCode err = U_ZERO_ERROR;
  ucnv_setToUCallBack(cnv, CountingSubstitute, &ctx, nullptr, nullptr, &err);
  Decoded d;
  // Every encoding here yields at most one UTF-16 unit per input byte (GB18030 four-byte
  // sequences give two units), plus one substitution per bad byte.
  d.text.resize(bytes.size() + 16);
  UChar* target = reinterpret_cast<UChar*>(d.text.data());
  UChar* target_limit = target + d.text.size();
  const char* source = bytes.data();
  err = U_ZERO_ERROR;
  ucnv_toUnicode(cnv, &target, target_limit, &source, bytes.data() + bytes.size(), nullptr,
                 /*flush=*/true, &err);
  if (err == U_BUFFER_OVERFLOW_ERROR || U_FAILURE(err))
    return Status::Internal(std::string("ICU ") + u_errorName(err));
  d.text.resize(target - reinterpret_cast<UChar*>(d.text.data()));
  d.replacements = ctx.replacements;
  return d;
}

// UTF-16 to UTF-8, dropping NUL and unpaired surrogates (which become U+FFFD).
size_t AppendUtf8(const std::u16string& in, std::string* out) {
  size_t bad = 0;
  out->reserve(out->size() + in.size() * 3 / 2);
  for (size_t i = 0; i < in.size(); ++i) {
    char32_t c = in[i];
    if (c == 0) continue;
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < in.size() && in[i + 1] >= 0xDC00 &&
        in[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (in[i + 1] - 0xDC00);
      ++i;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = utf8::kReplacement;
      ++bad;
    }
    utf8::Append(c, out);
  }
  return bad;
}

// ---------------------------------------------------------------------------------------
// Plausibility of decoded Chinese: the share of Han characters that are among the ~1,200
// most frequent (simplified forms and their traditional counterparts). Correctly decoded
// running text scores 0.6-0.9; GBK read as Big5 or the reverse lands on rare characters and
// scores near 0.1. The list is a frequency list of modern written Chinese, the same kind of
// model uchardet carries for its GB18030 and Big5 probers.
constexpr const char* kCommonHan =
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于"
    "着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还"
    "进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情"
    "明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或"
    "新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员"
    "解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太"
    "量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基"
    "眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交"
    "规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济"
    "车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调"
    "深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越"
    "器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历"
    "首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维"
    "革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧"
    "黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值"
    "仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印"
    "晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财"
    "环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担"
    "州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养"
    "伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央"
    "户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮"
    "露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移"
    "娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶"
    "春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣"
    "择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶"
    "玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌"
    "店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞"
    "努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱"
    "埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁"
    "伸摩盟末乃悲拍丁赵尺並乾亂亞佔來個們倫偉傑備傳傷僅價億優兒內兩別則剛創劃劇劉劍動"
    "務勝勞勢區協卻參吳員問喫單嗎嚴國圍園圓圖團執堅報場塊壓壞夠夢夥奧婦媽孫學宮實寧審"
    "寫寬寶將專尋對導層屬島師帶幫幾庫廠廣張強彈後從徵惡愛態慮應懷戰戲戶採揚換揮損搖擁"
    "擇擊擔據擴擺敗敵數斷於時書會東條棄楊業極榮構槍樂樓標樣樹機檢權歐歡歲歷歸殘殺毀氣"
    "決沒況減測準溫滅滿漢漸潛澤濟灣無煙熱燈營爭爲爺爾牀狀獨獲現環產畢畫異當療發盡監盤"
    "確礎祕禮稅種稱積穩競筆節範築簡紀約紅納純紙級細終組結絕絡給統絲經綠維網緊線編緩練"
    "縣總織繼續羅羣義習聖聞聯聲職聽脫腦腳臉臨臺與興舉舊艦莊華萬葉蓋薩藝藥蘇蘭處虛號衆"
    "術衛衝裏補裝覆見規視親覺觀計討訓託記訪設許訴評詞試詩話該認語誠誤說誰調談請論諸諾"
    "謀謂講謝證識議護讀變讓貝負財貨責貴買費貿資賣質購賽趕趙跡車軍軟較載輕輪輸轉辦農這"
    "連進運過達遠適選遺還邊鄉鄭醫釋針銀銷錄錢錯鍾鎮鐵長門閃開間關陣陰陳陸陽隊階際隨險"
    "隱雖雙雜離難雲電靈靜響頁頂項順須預頓領頭題額願類顧顯風飛飯養餘館馬驗驚體鬥魚魯鮮"
    "麗麼黃點黨齊龍";

const std::vector<bool>& CommonHanTable() {
  static const std::vector<bool>* table = [] {
    auto* t = new std::vector<bool>(0x10000, false);
    std::string_view s(kCommonHan);
    size_t i = 0;
    while (i < s.size()) {
      char32_t cp = utf8::Next(s, &i);
      if (cp < 0x10000) (*t)[cp] = true;
    }
    return t;
  }();
  return *table;
}

struct Plausibility {
  double score = 0;    // 0..1, higher is more plausible
  size_t han = 0;
};

template <typename CodePoints>
Plausibility ScoreCodePoints(const CodePoints& next_code_point, size_t replacements) {
  const std::vector<bool>& common = CommonHanTable();
  size_t han = 0, hits = 0, junk = 0;
  char32_t u;
  while (next_code_point(&u)) {
    if (u >= 0xE000 && u <= 0xF8FF) ++junk;  // private use: unmapped vendor codes
    else if ((u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF)) {
      ++han;
      hits += common[u];
    }
  }
  Plausibility p;
  p.han = han;
  double denom = static_cast<double>(han + junk + 2 * replacements);
  p.score = denom == 0 ? 0 : hits / denom;
  // No Han at all and nothing undecodable (Latin text, or only GB18030 four-byte codes): a
  // clean reading that says nothing about Chinese; rank it above readings full of U+FFFD.
  if (han == 0 && replacements == 0) p.score = 0.3;
  return p;
}

Plausibility Score(const Decoded& d) {
  size_t i = 0;
  return ScoreCodePoints(
      [&](char32_t* u) {
        if (i >= d.text.size()) return false;
        *u = d.text[i++];  // surrogates fall outside the Han ranges, as they should
        return true;
      },
      d.replacements);
}

// The same for repaired UTF-8 (Sanitize output) with its replacement count.
Plausibility ScoreUtf8(std::string_view s, size_t replacements) {
  size_t i = 0;
  return ScoreCodePoints(
      [&](char32_t* u) {
        if (i >= s.size()) return false;
        *u = utf8::Next(s, &i);
        return true;
      },
      replacements);
}

std::string FromUchardet(std::string_view bytes) {
  uchardet_t ud = uchardet_new();
  std::string name;
  if (uchardet_handle_data(ud, bytes.data(), std::min<size_t>(bytes.size(), 256 * 1024)) == 0) {
    uchardet_data_end(ud);
    name = uchardet_get_charset(ud);
  }
  uchardet_delete(ud);
  for (char& c : name) c = Lower(c);
  return name;
}

// True when most bytes >= 0x80 stand next to another such byte: the shape of a multi-byte
// encoding (UTF-8, GBK, Big5), damaged or not. Latin-1 and windows-1252 text has its accented
// letters between ASCII ones (élève, Straße).
bool HighBytesComeInRuns(std::string_view b) {
  size_t high = 0, paired = 0;
  for (size_t i = 0; i < b.size(); ++i) {
    if (static_cast<unsigned char>(b[i]) < 0x80) continue;
    ++high;
    paired += (i > 0 && static_cast<unsigned char>(b[i - 1]) >= 0x80) ||
              (i + 1 < b.size() && static_cast<unsigned char>(b[i + 1]) >= 0x80);
  }
  return high >= 16 && paired * 10 >= high * 8;
}

// ---------------------------------------------------------------------------------------
// Latin mojibake: Chinese bytes once decoded as ISO-8859-15 or windows-1252 and saved as UTF-8
// ("ÒâŽóÀûÓÎÂÖ" for 意大利游轮), sometimes twice over. The damage is reversible: map each
// character back to its single byte and decode the bytes as what they were. Latin-9 and
// windows-1252 differ only in a few characters (Ž is 0xB4 in one, 0x8E in the other), so both
// inverses are tried and the more plausible Chinese reading is kept.

struct InverseTable {
  const char* name;
  std::pair<char32_t, unsigned char> specials[27];
};
constexpr InverseTable kLatin9 = {
    "iso-8859-15",
    {{0x20AC, 0xA4}, {0x0160, 0xA6}, {0x0161, 0xA8}, {0x017D, 0xB4}, {0x017E, 0xB8},
     {0x0152, 0xBC}, {0x0153, 0xBD}, {0x0178, 0xBE}}};
constexpr InverseTable kWindows1252 = {
    "windows-1252",
    {{0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85},
     {0x2020, 0x86}, {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A},
     {0x2039, 0x8B}, {0x0152, 0x8C}, {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92},
     {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95}, {0x2013, 0x96}, {0x2014, 0x97},
     {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B}, {0x0153, 0x9C},
     {0x017E, 0x9E}, {0x0178, 0x9F}}};

// True when Latin-1-range characters dominate a text that has (almost) no Han: the shape of
// mojibake, not of a French or German page (those have far fewer accented letters than ASCII
// ones, so the absolute floor and the ratio to Han both matter).
bool LooksLikeLatinMojibake(const Utf8Scan& scan) {
  return scan.latin >= 32 && scan.latin > 4 * scan.cjk;
}

// Maps every character back to one byte; false when too many characters have no byte.
bool ToSingleBytes(std::string_view utf8_text, const InverseTable& table, std::string* out) {
  out->clear();
  out->reserve(utf8_text.size());
  size_t i = 0, unmapped = 0, high = 0;
  while (i < utf8_text.size()) {
    char32_t cp = utf8::Next(utf8_text, &i);
    if (cp < 0x100) {
      high += cp >= 0x80;
      out->push_back(static_cast<char>(cp));
      continue;
    }
    ++high;
    unsigned char b = 0;
    for (const auto& [u, byte] : table.specials)
      if (u == cp && byte != 0) { b = byte; break; }
    if (b == 0) {
      ++unmapped;
      b = '?';
    }
    out->push_back(static_cast<char>(b));
  }
  return unmapped * 100 <= high;
}

struct Repair {
  std::string encoding;
  std::string utf8;
  size_t replacements = 0;
};

// Tries to undo Latin mojibake (up to two layers). Returns false when no reading is convincing.
bool RepairLatinMojibake(std::string_view text, int depth, Repair* best) {
  double best_score = -1;
  for (const InverseTable* table : {&kLatin9, &kWindows1252}) {
    std::string bytes;
    if (!ToSingleBytes(text, *table, &bytes)) continue;
    Utf8Scan scan = ScanUtf8(bytes);
    if (scan.valid && depth < 2 && scan.non_ascii > 0 && LooksLikeLatinMojibake(scan)) {
      // Encoded twice: the bytes are UTF-8 of the same kind of mojibake once more.
      Repair inner;
      if (RepairLatinMojibake(bytes, depth + 1, &inner)) {
        *best = std::move(inner);
        return true;
      }
      continue;
    }
    if (scan.cjk >= 20 && scan.invalid <= scan.non_ascii) {
      // UTF-8 read as Latin and saved as UTF-8 again ("ä¸­å›½" for 中国). The bytes windows-1252
      // leaves undefined (81 8D 8F 90 9D) are often lost on the way, so a few bad sequences
      // are allowed and become U+FFFD. Latin text almost never maps back to UTF-8 Han, so a
      // lower plausibility than for the legacy readings suffices.
      std::string utf8_text;
      size_t repl = utf8::Sanitize(bytes, &utf8_text);
      Plausibility p = ScoreUtf8(utf8_text, repl);
      if (p.han >= 20 && p.score >= 0.4 && p.score > best_score) {
        best_score = p.score;
        best->encoding = "utf-8";
        best->utf8 = std::move(utf8_text);
        best->replacements = repl;
      }
      continue;
    }
    if (scan.valid) continue;
    for (const char* enc : {"gb18030", "big5-hkscs"}) {
      Result<Decoded> d = DecodeUtf16(bytes, enc);
      if (!d.ok()) continue;
      Plausibility p = Score(*d);
      if (p.han < 20 || p.score < 0.6 || d->replacements * 50 > p.han) continue;
      if (p.score > best_score) {
        best_score = p.score;
        best->encoding = enc;
        best->utf8.clear();
        best->replacements = d->replacements + AppendUtf8(d->text, &best->utf8);
      }
    }
  }
  return best_score >= 0;
}

bool IsCjkLegacy(const std::string& enc) { return enc == "gb18030" || enc == "big5-hkscs"; }
bool IsSingleByteWestern(const std::string& enc) {
  return enc.rfind("windows-125", 0) == 0 || enc.rfind("iso-8859-", 0) == 0;
}

struct Choice {
  std::string encoding;
  Decoded decoded;
};

// Picks the best of GB18030 and Big5-HKSCS for bytes that are not UTF-8, consulting uchardet
// for non-Chinese answers unless `cjk_only`. `prefer` (possibly empty) is a declared encoding
// that wins unless another is clearly more plausible.
Result<Choice> ChooseLegacy(std::string_view bytes, const std::string& prefer,
                            bool cjk_only = false) {
  if (IsCjkLegacy(prefer)) {
    // The usual case, a correct declaration: a clean, plausible reading ends the search.
    Result<Decoded> d = DecodeUtf16(bytes, prefer);
    if (!d.ok()) return d.status();
    Plausibility p = Score(*d);
    if (d->replacements * 100 <= p.han && p.han >= 20 && p.score >= 0.5)
      return Choice{prefer, std::move(d.value())};
  }
  std::vector<std::string> candidates = {"gb18030", "big5-hkscs"};
  std::string guess = cjk_only ? "" : CanonicalEncoding(FromUchardet(bytes));
  if (!guess.empty() && guess != "utf-8" &&
      std::find(candidates.begin(), candidates.end(), guess) == candidates.end())
    candidates.push_back(guess);
  if (!prefer.empty() &&
      std::find(candidates.begin(), candidates.end(), prefer) == candidates.end())
    candidates.insert(candidates.begin(), prefer);

  Choice best;
  double best_score = -1;
  Choice preferred;
  double preferred_score = -1;
  for (const std::string& enc : candidates) {
    Result<Decoded> d = DecodeUtf16(bytes, enc);
    if (!d.ok()) continue;
    Plausibility p = Score(*d);
    double s = p.score;
    // Non-Han text: the CJK score says nothing; fall back to fewest replacements, and let a
    // non-CJK detector answer count only when the Chinese readings are implausible.
    bool cjk = enc == "gb18030" || enc == "big5-hkscs";
    if (!cjk) s = d->replacements == 0 ? 0.3 : 0;
    if (enc == prefer) {
      preferred_score = s;
      preferred = Choice{enc, *d};
    }
    if (s > best_score) {
      best_score = s;
      best = Choice{enc, std::move(d.value())};
    }
  }
  if (best_score < 0) return Status::Internal("no converter could be opened");
  // The declaration keeps the benefit of the doubt unless the other reading is clearly better.
  if (preferred_score >= 0 && preferred_score + 0.15 >= best_score) return preferred;
  return best;
}


}  // namespace

std::string CanonicalEncoding(std::string_view label) {
  // Labels are ASCII-case-insensitive and surrounded by optional ASCII whitespace (WHATWG
  // "get an encoding").
  size_t b = 0, e = label.size();
  while (b < e && (IsAsciiSpace(label[b]) || label[b] == '"' || label[b] == '\'')) ++b;
  while (e > b && (IsAsciiSpace(label[e - 1]) || label[e - 1] == '"' || label[e - 1] == '\''))
    --e;
  std::string l;
  for (size_t i = b; i < e; ++i) l.push_back(Lower(label[i]));
  if (l.empty()) return "";
  for (const auto& m : kLabels)
    if (l == m.label) return m.canonical;
  // windows-1250..1258 and iso-8859-2..16: canonical as written.
  if (l.size() == 12 && l.rfind("windows-125", 0) == 0 && l[11] >= '0' && l[11] <= '8') return l;
  if (l.rfind("iso-8859-", 0) == 0 && l.size() <= 11) {
    int n = std::atoi(l.c_str() + 9);
    if (n >= 2 && n <= 16 && n != 12) return "iso-8859-" + std::to_string(n);
  }
  return "";
}

Result<DecodedText> DecodeToUtf8(std::string_view bytes, const DecodeOptions& options) {
  DecodedText out;
  if (bytes.empty()) {
    out.encoding = "utf-8";
    return out;
  }

  // 1. Byte-order mark (WHATWG "BOM sniff") wins over every declaration.
  std::string bom;
  size_t bom_len = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") { bom = "utf-8"; bom_len = 3; }
  else if (bytes.substr(0, 2) == "\xFF\xFE") { bom = "utf-16le"; bom_len = 2; }
  else if (bytes.substr(0, 2) == "\xFE\xFF") { bom = "utf-16be"; bom_len = 2; }

  // 2./3. Declarations, kept in `declared` even when the bytes overrule them.
  std::string declared_label = CharsetFromContent(options.content_type);
  DecodedText::Source declared_source = DecodedText::Source::kHeader;
  std::string declared = CanonicalEncoding(declared_label);
  if (declared.empty() && options.is_html) {
    declared_label = PrescanMeta(bytes.substr(bom_len));
    declared = CanonicalEncoding(declared_label);
    declared_source = DecodedText::Source::kMeta;
    // HTML §13.2.3.2: a <meta> cannot truthfully declare UTF-16 (it would not be readable
    // as ASCII), so it means UTF-8.
    if (declared == "utf-16le" || declared == "utf-16be") declared = "utf-8";
  }
  for (char& c : declared_label) c = Lower(c);
  size_t lb = declared_label.find_first_not_of(" \t\r\n\f\"'");
  size_t le = declared_label.find_last_not_of(" \t\r\n\f\"'");
  out.declared = lb == std::string::npos ? "" : declared_label.substr(lb, le - lb + 1);

  if (!bom.empty()) {
    out.source = DecodedText::Source::kBom;
    out.encoding = bom;
    std::string_view body = bytes.substr(bom_len);
    if (bom == "utf-8") {
      Utf8Scan scan = ScanUtf8(body);
      Repair fix;
      if (scan.valid && LooksLikeLatinMojibake(scan) && RepairLatinMojibake(body, 1, &fix)) {
        out.encoding = fix.encoding;
        out.mojibake_repaired = true;
        out.replacements = fix.replacements;
        out.utf8 = std::move(fix.utf8);
        return out;
      }
      out.replacements = utf8::Sanitize(body, &out.utf8);
      return out;
    }
    Result<Decoded> d = DecodeUtf16(body, bom);
    if (!d.ok()) return d.status();
    out.replacements = d->replacements + AppendUtf8(d->text, &out.utf8);
    return out;
  }

  if (const char* what = BinaryMagic(bytes))
    return Status::InvalidArgument(std::string("binary content (") + what + ")");
  if (declared != "utf-16le" && declared != "utf-16be") {
    std::string utf16 = SniffUtf16(bytes);
    if (!utf16.empty()) {
      declared = utf16;
      declared_source = DecodedText::Source::kDetected;
    }
  }
  const bool utf16_input = declared == "utf-16le" || declared == "utf-16be";
  if (!utf16_input && LooksBinary(bytes))
    return Status::InvalidArgument("binary content (control bytes)");

  if (utf16_input) {
    out.encoding = declared;
    out.source = declared_source;
    Result<Decoded> d = DecodeUtf16(bytes, declared);
    if (!d.ok()) return d.status();
    out.replacements = d->replacements + AppendUtf8(d->text, &out.utf8);
    return out;
  }

  Utf8Scan scan = ScanUtf8(bytes);
  if (scan.valid) {
    // The fast path: valid UTF-8 is copied as it is (NUL bytes aside).
    out.encoding = "utf-8";
    if (declared.empty()) {
      out.source = scan.non_ascii ? DecodedText::Source::kDetected : DecodedText::Source::kDefault;
    } else if (declared == "utf-8" || scan.non_ascii == 0) {
      // Pure ASCII reads the same in every ASCII-compatible declaration; report the declared one.
      out.encoding = declared;
      out.source = declared_source;
    } else {
      out.source = DecodedText::Source::kDetected;  // e.g. "gb2312" on a UTF-8 page
    }
    if (LooksLikeLatinMojibake(scan)) {
      Repair fix;
      if (RepairLatinMojibake(bytes, 1, &fix)) {
        out.encoding = fix.encoding;
        out.source = DecodedText::Source::kDetected;
        out.mojibake_repaired = true;
        out.replacements = fix.replacements;
        out.utf8 = std::move(fix.utf8);
        return out;
      }
    }
    if (std::memchr(bytes.data(), 0, bytes.size()) == nullptr) out.utf8.assign(bytes);
    else utf8::Sanitize(bytes, &out.utf8);
    return out;
  }

  // Not valid UTF-8.
  if (declared == "utf-8" || (declared.empty() && scan.non_ascii > 0)) {
    // Damaged UTF-8 (a truncated character, a pasted fragment, stray bytes) is repaired in
    // place. A few bad bytes among many good sequences settle it; otherwise the repaired UTF-8
    // reading competes with the legacy readings on plausibility, with a head start because
    // legacy CJK bytes almost never form valid UTF-8 sequences at all.
    //
    // Valid multi-byte sequences, or high bytes in runs, are the evidence of a multi-byte text:
    // Latin-1 or windows-1252 text forms neither, so such bytes are UTF-8 with damage, or
    // GBK/Big5 under a wrong label, and never a Western single-byte text (reading broken UTF-8
    // as windows-1252 gives "ä¸­å›½" soup).
    std::string repaired;
    size_t repl = utf8::Sanitize(bytes, &repaired);
    bool keep = scan.invalid * 10 <= scan.non_ascii;
    if (!keep) {
      Plausibility u = ScoreUtf8(repaired, repl);
      const bool multibyte = scan.non_ascii * 4 >= scan.invalid || HighBytesComeInRuns(bytes);
      Result<Choice> legacy = ChooseLegacy(bytes, "", /*cjk_only=*/multibyte);
      const double legacy_score = legacy.ok() ? Score(legacy->decoded).score : 0;
      // A GBK or Big5 reading has to read as Chinese; UTF-8 too broken for that stays UTF-8
      // with U+FFFD (flagged decode_errors; the cleaner drops the damaged spans).
      keep = !legacy.ok() || legacy_score <= u.score + 0.1 || (multibyte && legacy_score < 0.5);
      if (!keep) {
        out.encoding = legacy->encoding;
        out.source = DecodedText::Source::kDetected;
        out.replacements =
            legacy->decoded.replacements + AppendUtf8(legacy->decoded.text, &out.utf8);
        return out;
      }
    }
    out.encoding = "utf-8";
    out.source = declared.empty() ? DecodedText::Source::kDetected : declared_source;
    out.replacements = repl;
    out.utf8 = std::move(repaired);
    return out;
  }

  // Only a Chinese declaration competes with the detected readings; a Western one is checked
  // below, other legacy charsets are trusted.
  const std::string prefer = IsCjkLegacy(declared) ? declared : "";
  Result<Choice> choice = [&]() -> Result<Choice> {
    if (!declared.empty() && !IsCjkLegacy(declared) && !IsSingleByteWestern(declared)) {
      // Japanese, Korean, Cyrillic...: trust the page, there is nothing to compare it with.
      Result<Decoded> d = DecodeUtf16(bytes, declared);
      if (!d.ok()) return d.status();
      return Choice{declared, std::move(d.value())};
    }
    Result<Choice> c = ChooseLegacy(bytes, prefer);
    if (c.ok() && IsSingleByteWestern(declared)) {
      // Latin text declared as such stays; Chinese bytes behind a latin1 label are decoded as
      // Chinese when that reading is convincing.
      Plausibility p = Score(c->decoded);
      if (!IsCjkLegacy(c->encoding) || p.score < 0.5 || c->decoded.replacements * 50 > p.han) {
        Result<Decoded> d = DecodeUtf16(bytes, declared);
        if (!d.ok()) return d.status();
        return Choice{declared, std::move(d.value())};
      }
    }
    return c;
  }();
  if (!choice.ok()) return choice.status();
  out.encoding = choice->encoding;
  out.source = (!declared.empty() && choice->encoding == declared) ? declared_source
                                                                   : DecodedText::Source::kDetected;
  out.replacements = choice->decoded.replacements + AppendUtf8(choice->decoded.text, &out.utf8);
  return out;
}

}  // namespace qingxi
