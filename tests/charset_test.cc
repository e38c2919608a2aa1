// Charset stage: BOM, header, <meta> prescan, detection, mislabeled pages, bad and binary input.
// The byte strings are real encodings of real sentences (GBK, GB18030 four-byte, Big5,
// Big5-HKSCS, UTF-16), not synthetic patterns.
#include "qingxi/charset.h"

#include <filesystem>
#include <fstream>
#include <random>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "qingxi/utf8.h"
#include "test_util.h"

namespace qingxi {
namespace {

using Source = DecodedText::Source;

// 我们在今后工作中要继续加强学习，提高认识，进一步做好经济发展和社会管理工作。
const char kSentenceUtf8[] =
    "我们在今后工作中要继续加强学习，提高认识，进一步做好经济发展和社会管理工作。";
const std::string kSentenceGbk =
    "\xCE\xD2\xC3\xC7\xD4\xDA\xBD\xF1\xBA\xF3\xB9\xA4\xD7\xF7\xD6\xD0\xD2\xAA\xBC\xCC\xD0\xF8"
    "\xBC\xD3\xC7\xBF\xD1\xA7\xCF\xB0\xA3\xAC\xCC\xE1\xB8\xDF\xC8\xCF\xCA\xB6\xA3\xAC\xBD\xF8"
    "\xD2\xBB\xB2\xBD\xD7\xF6\xBA\xC3\xBE\xAD\xBC\xC3\xB7\xA2\xD5\xB9\xBA\xCD\xC9\xE7\xBB\xE1"
    "\xB9\xDC\xC0\xED\xB9\xA4\xD7\xF7\xA1\xA3";
// The same sentence in traditional characters, Big5.
const char kSentenceTradUtf8[] =
    "我們在今後工作中要繼續加強學習，提高認識，進一步做好經濟發展和社會管理工作。";
const std::string kSentenceBig5 =
    "\xA7\xDA\xAD\xCC\xA6\x62\xA4\xB5\xAB\xE1\xA4\x75\xA7\x40\xA4\xA4\xAD\x6E\xC4\x7E\xC4\xF2"
    "\xA5\x5B\xB1\x6A\xBE\xC7\xB2\xDF\xA1\x41\xB4\xA3\xB0\xAA\xBB\x7B\xC3\xD1\xA1\x41\xB6\x69"
    "\xA4\x40\xA8\x42\xB0\xB5\xA6\x6E\xB8\x67\xC0\xD9\xB5\x6F\xAE\x69\xA9\x4D\xAA\xC0\xB7\x7C"
    "\xBA\xDE\xB2\x7A\xA4\x75\xA7\x40\xA1\x43";

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

std::string Page(const std::string& head, const std::string& body) {
  return "<!DOCTYPE html><html><head>" + head + "<title>t</title></head><body><p>" + body +
         "</p></body></html>";
}

DecodedText MustDecode(std::string_view bytes, DecodeOptions opt = {}) {
  Result<DecodedText> r = DecodeToUtf8(bytes, opt);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (!r.ok()) return {};
  EXPECT_TRUE(utf8::IsValid(r->utf8));
  return r.value();
}

TEST(CanonicalEncoding, MapsLabelsAsWhatwgDoes) {
  for (const char* l : {"gb2312", "GBK", "x-gbk", "gb18030", "chinese", "csgb2312", "iso-ir-58",
                        " GB2312 "})
    EXPECT_EQ(CanonicalEncoding(l), "gb18030") << l;
  for (const char* l : {"big5", "Big5-HKSCS", "cn-big5", "x-x-big5", "csbig5"})
    EXPECT_EQ(CanonicalEncoding(l), "big5-hkscs") << l;
  for (const char* l : {"utf-8", "UTF8", "unicode-1-1-utf-8"}) EXPECT_EQ(CanonicalEncoding(l), "utf-8");
  for (const char* l : {"latin1", "ISO-8859-1", "us-ascii", "windows-1252"})
    EXPECT_EQ(CanonicalEncoding(l), "windows-1252") << l;
  EXPECT_EQ(CanonicalEncoding("windows-1251"), "windows-1251");
  EXPECT_EQ(CanonicalEncoding("iso-8859-2"), "iso-8859-2");
  EXPECT_EQ(CanonicalEncoding("shift_jis"), "shift_jis");
  EXPECT_EQ(CanonicalEncoding("no-such-charset"), "");
  EXPECT_EQ(CanonicalEncoding(""), "");
}

TEST(DecodeToUtf8, EmptyInputIsEmptyUtf8) {
  DecodedText d = MustDecode("");
  EXPECT_EQ(d.utf8, "");
  EXPECT_EQ(d.encoding, "utf-8");
}

TEST(DecodeToUtf8, Utf8DeclaredIsCopiedUnchanged) {
  std::string page = Page("<meta charset=\"utf-8\">", kSentenceUtf8);
  DecodedText d = MustDecode(page);
  EXPECT_EQ(d.utf8, page);
  EXPECT_EQ(d.encoding, "utf-8");
  EXPECT_EQ(d.declared, "utf-8");
  EXPECT_EQ(d.source, Source::kMeta);
  EXPECT_EQ(d.replacements, 0u);
}

TEST(DecodeToUtf8, Utf8BomIsStrippedAndWins) {
  // The BOM outranks a contradicting meta (WHATWG: BOM sniffing comes first).
  std::string page = "\xEF\xBB\xBF" + Page("<meta charset=gbk>", kSentenceUtf8);
  DecodedText d = MustDecode(page);
  EXPECT_EQ(d.utf8, page.substr(3));
  EXPECT_EQ(d.source, Source::kBom);
  EXPECT_EQ(d.encoding, "utf-8");
}

TEST(DecodeToUtf8, Utf16BomLittleAndBigEndian) {
  // "中文 ok" in UTF-16LE and UTF-16BE.
  std::string le("\xFF\xFE\x2D\x4E\x87\x65\x20\x00\x6F\x00\x6B\x00", 12);
  std::string be("\xFE\xFF\x4E\x2D\x65\x87\x00\x20\x00\x6F\x00\x6B", 12);
  DecodedText a = MustDecode(le, {false, ""});
  EXPECT_EQ(a.utf8, "中文 ok");
  EXPECT_EQ(a.encoding, "utf-16le");
  EXPECT_EQ(a.source, Source::kBom);
  DecodedText b = MustDecode(be, {false, ""});
  EXPECT_EQ(b.utf8, "中文 ok");
  EXPECT_EQ(b.encoding, "utf-16be");
}

TEST(DecodeToUtf8, GbkFromHttpHeader) {
  DecodedText d = MustDecode(Page("", kSentenceGbk), {true, "text/html; charset=GBK"});
  EXPECT_EQ(d.utf8, Page("", kSentenceUtf8));
  EXPECT_EQ(d.encoding, "gb18030");
  EXPECT_EQ(d.declared, "gbk");
  EXPECT_EQ(d.source, Source::kHeader);
}

TEST(DecodeToUtf8, GbkFromMetaHttpEquiv) {
  std::string head = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\" />";
  DecodedText d = MustDecode(Page(head, kSentenceGbk));
  EXPECT_EQ(d.utf8, Page(head, kSentenceUtf8));
  EXPECT_EQ(d.encoding, "gb18030");
  EXPECT_EQ(d.declared, "gb2312");
  EXPECT_EQ(d.source, Source::kMeta);
}

TEST(DecodeToUtf8, MetaInsideCommentIsIgnored) {
  std::string head = "<!-- <meta charset=big5> --><meta charset=gbk>";
  DecodedText d = MustDecode(Page(head, kSentenceGbk));
  EXPECT_EQ(d.declared, "gbk");
  EXPECT_EQ(d.encoding, "gb18030");
}

TEST(DecodeToUtf8, MetaAfterFirst1024BytesIsNotADeclaration) {
  std::string head = "<script>" + std::string(1100, ' ') + "</script><meta charset=big5>";
  DecodedText d = MustDecode(Page(head, kSentenceGbk));
  EXPECT_EQ(d.declared, "");
  EXPECT_EQ(d.encoding, "gb18030");  // detected from the bytes
  EXPECT_EQ(d.source, Source::kDetected);
}

TEST(DecodeToUtf8, UndeclaredGbkIsDetected) {
  DecodedText d = MustDecode(Page("", Repeat(kSentenceGbk, 2)));
  EXPECT_EQ(d.encoding, "gb18030");
  EXPECT_EQ(d.source, Source::kDetected);
  EXPECT_NE(d.utf8.find(kSentenceUtf8), std::string::npos);
}

TEST(DecodeToUtf8, UndeclaredBig5IsDetected) {
  DecodedText d = MustDecode(Page("", Repeat(kSentenceBig5, 2)));
  EXPECT_EQ(d.encoding, "big5-hkscs");
  EXPECT_NE(d.utf8.find(kSentenceTradUtf8), std::string::npos);
}

TEST(DecodeToUtf8, Big5DeclaredDecodesAsBig5Hkscs) {
  // 香港㗎: 㗎 (U+35CE) exists only in the HKSCS extension (0x9DEE).
  std::string bytes = kSentenceBig5 + "\xAD\xBB\xB4\xE4\x9D\xEE";
  DecodedText d = MustDecode(Page("<meta charset=big5>", bytes));
  EXPECT_EQ(d.encoding, "big5-hkscs");
  EXPECT_EQ(d.source, Source::kMeta);
  EXPECT_NE(d.utf8.find(std::string(kSentenceTradUtf8) + "香港㗎"), std::string::npos);
  EXPECT_EQ(d.replacements, 0u);
}

TEST(DecodeToUtf8, Gb18030FourByteSequences) {
  // 中文 é € 𠀀: é is a four-byte code (0x8130 8A30 region), 𠀀 (U+20000) too.
  std::string bytes = kSentenceGbk + "\xD6\xD0\xCE\xC4\xA8\xA6\xA2\xE3\x95\x32\x82\x36";
  DecodedText d = MustDecode(Page("<meta charset=gb18030>", bytes));
  EXPECT_EQ(d.encoding, "gb18030");
  EXPECT_NE(d.utf8.find(std::string(kSentenceUtf8) + "中文é€𠀀"), std::string::npos);
}

TEST(DecodeToUtf8, Gb2312DeclaredButUtf8IsCorrected) {
  // The commonest mislabel: a gb2312 template re-saved as UTF-8.
  std::string page = Page("<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">",
                          kSentenceUtf8);
  DecodedText d = MustDecode(page);
  EXPECT_EQ(d.utf8, page);
  EXPECT_EQ(d.encoding, "utf-8");
  EXPECT_EQ(d.declared, "gb2312");
  EXPECT_EQ(d.source, Source::kDetected);
}

TEST(DecodeToUtf8, Utf8DeclaredButGbkIsCorrected) {
  DecodedText d = MustDecode(Page("<meta charset=utf-8>", Repeat(kSentenceGbk, 2)));
  EXPECT_EQ(d.encoding, "gb18030");
  EXPECT_EQ(d.declared, "utf-8");
  EXPECT_EQ(d.source, Source::kDetected);
  EXPECT_NE(d.utf8.find(kSentenceUtf8), std::string::npos);
}

TEST(DecodeToUtf8, Big5DeclaredButGbkIsCorrected) {
  DecodedText d = MustDecode(Page("<meta charset=big5>", Repeat(kSentenceGbk, 2)));
  EXPECT_EQ(d.encoding, "gb18030");
  EXPECT_NE(d.utf8.find(kSentenceUtf8), std::string::npos);
}

TEST(DecodeToUtf8, GbkDeclaredButBig5IsCorrected) {
  DecodedText d = MustDecode(Page("<meta charset=gbk>", Repeat(kSentenceBig5, 2)));
  EXPECT_EQ(d.encoding, "big5-hkscs");
  EXPECT_NE(d.utf8.find(kSentenceTradUtf8), std::string::npos);
}

TEST(DecodeToUtf8, Latin1LabelOnChineseBytesIsCorrected) {
  DecodedText d = MustDecode(Page("<meta charset=iso-8859-1>", Repeat(kSentenceGbk, 2)));
  EXPECT_EQ(d.encoding, "gb18030");
}

TEST(DecodeToUtf8, Latin1TextStaysLatin1) {
  DecodedText d = MustDecode(Page("<meta charset=iso-8859-1>", "Caf\xE9 cr\xE8me br\xFBl\xE9"));
  EXPECT_EQ(d.encoding, "windows-1252");
  EXPECT_NE(d.utf8.find("Café crème brûlé"), std::string::npos);
}

TEST(DecodeToUtf8, StrayInvalidBytesInUtf8AreReplacedAndCounted) {
  std::string body = Repeat(kSentenceUtf8, 3);
  body.insert(9, "\xFF");            // a stray byte
  body += "\xE4\xB8";                // a truncated final character
  DecodedText d = MustDecode(Page("<meta charset=utf-8>", body));
  EXPECT_EQ(d.encoding, "utf-8");
  EXPECT_EQ(d.replacements, 3u);     // one for 0xFF, one per byte of the truncated sequence
  EXPECT_NE(d.utf8.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(DecodeToUtf8, ShortDamagedUtf8StaysUtf8) {
  // Many kinds of bad bytes in a short page: still far more plausible as UTF-8 than as GBK.
  const std::string bad[] = {"\xC0\x80", "\xED\xA0\x80", "\xF8\x88\x80\x80", "\xE4\xB8",
                             "\x80\x81\xBF", "\xF4\x90\x80\x80", "\xFF\xFE"};
  std::string body;
  for (const std::string& b : bad) body += "前半句正常，" + b + "后半句也正常。";
  for (bool html : {true, false}) {
    DecodedText d = MustDecode(html ? Page("<meta charset=utf-8>", body) : body, {html, ""});
    EXPECT_EQ(d.encoding, "utf-8");
    EXPECT_NE(d.utf8.find("后半句也正常"), std::string::npos);
    EXPECT_GE(d.replacements, 7u);
  }
}

// UTF-8 that lost bytes on the way (a truncating proxy, a broken re-encoder): a third of all
// bytes dropped leaves few whole characters, but the valid sequences that remain say UTF-8.
// The page must come out as UTF-8 with U+FFFD where characters broke, never read as
// windows-1252 ("ä¸­å›½…", which earlier won on uchardet's guess).
TEST(DecodeToUtf8, HeavilyDamagedUtf8IsNeverReadAsLatin) {
  const std::string text = Repeat(kSentenceUtf8, 12);
  std::string damaged;
  for (size_t i = 0; i < text.size(); ++i)
    if (i % 3 != 1 || i % 7 == 0) damaged.push_back(text[i]);  // drops ~29% of the bytes
  for (bool declared : {true, false}) {
    DecodedText d = MustDecode(Page(declared ? "<meta charset=utf-8>" : "", damaged));
    EXPECT_EQ(d.encoding, "utf-8") << declared;
    EXPECT_GT(d.replacements, 100u);
    size_t latin = 0;
    for (size_t i = 0; i < d.utf8.size();) {
      char32_t cp = utf8::Next(d.utf8, &i);
      latin += cp >= 0x80 && cp < 0x250;
    }
    EXPECT_EQ(latin, 0u) << d.utf8.substr(0, 120);
    // What survived intact is there.
    EXPECT_NE(d.utf8.find("工"), std::string::npos);
  }
  // GBK bytes under a utf-8 label are still recognised as GBK.
  DecodedText g = MustDecode(Page("<meta charset=utf-8>", Repeat(kSentenceGbk, 3)));
  EXPECT_EQ(g.encoding, "gb18030");
  EXPECT_NE(g.utf8.find(kSentenceUtf8), std::string::npos);
}

// UTF-8 read as windows-1252 and saved as UTF-8 again ("æˆ‘ä»¬" for 我们): valid UTF-8 of
// Latin soup, decoded back to the Chinese; also when the bytes windows-1252 leaves undefined
// were lost on the way (they become U+FFFD).
TEST(DecodeToUtf8, DoubleEncodedUtf8IsRepaired) {
  auto cp1252_to_utf8 = [](const std::string& bytes, bool lossy) {
    static const std::map<unsigned char, char32_t> k1252 = {
        {0x80, 0x20AC}, {0x82, 0x201A}, {0x83, 0x0192}, {0x84, 0x201E}, {0x85, 0x2026},
        {0x86, 0x2020}, {0x87, 0x2021}, {0x88, 0x02C6}, {0x89, 0x2030}, {0x8A, 0x0160},
        {0x8B, 0x2039}, {0x8C, 0x0152}, {0x8E, 0x017D}, {0x91, 0x2018}, {0x92, 0x2019},
        {0x93, 0x201C}, {0x94, 0x201D}, {0x95, 0x2022}, {0x96, 0x2013}, {0x97, 0x2014},
        {0x98, 0x02DC}, {0x99, 0x2122}, {0x9A, 0x0161}, {0x9B, 0x203A}, {0x9C, 0x0153},
        {0x9E, 0x017E}, {0x9F, 0x0178}};
    std::string out;
    for (unsigned char b : bytes) {
      auto it = k1252.find(b);
      bool undefined = b >= 0x80 && b <= 0x9F && it == k1252.end();
      if (undefined && lossy) continue;  // 81 8D 8F 90 9D have no windows-1252 character
      utf8::Append(it != k1252.end() ? it->second : static_cast<char32_t>(b), &out);
    }
    return out;
  };
  const std::string text = Repeat(kSentenceUtf8, 4);
  for (bool lossy : {false, true}) {
    DecodedText d = MustDecode(cp1252_to_utf8(Page("<meta charset=utf-8>", text), lossy));
    EXPECT_TRUE(d.mojibake_repaired) << lossy;
    EXPECT_EQ(d.encoding, "utf-8");
    EXPECT_NE(d.utf8.find("工作中"), std::string::npos) << d.utf8.substr(0, 300);
    if (!lossy) {
      EXPECT_NE(d.utf8.find(text), std::string::npos);
    }
  }
}

TEST(DecodeToUtf8, InvalidSequencesInGbkAreReplacedAndCounted) {
  // 0x80 0x20 and a lone lead byte at the end are not GBK.
  std::string bytes = Repeat(kSentenceGbk, 2) + "\xFF\x20" + "\xD6";
  DecodedText d = MustDecode(Page("<meta charset=gbk>", bytes));
  EXPECT_EQ(d.encoding, "gb18030");
  EXPECT_GE(d.replacements, 1u);
}

TEST(DecodeToUtf8, NulBytesAreDropped) {
  std::string text = std::string(kSentenceUtf8) + std::string("\0", 1) + "abc";
  DecodedText d = MustDecode(text, {false, ""});
  EXPECT_EQ(d.utf8, std::string(kSentenceUtf8) + "abc");
}

TEST(DecodeToUtf8, BinaryInputIsRejected) {
  std::mt19937 rng(42);
  std::string random;
  for (int i = 0; i < 4096; ++i) random.push_back(static_cast<char>(rng() & 0xFF));
  std::string png = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + random;
  Result<DecodedText> a = DecodeToUtf8(png, {});
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), Status::Code::kInvalidArgument);
  Result<DecodedText> b = DecodeToUtf8(random, {false, ""});
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().code(), Status::Code::kInvalidArgument);
  Result<DecodedText> c = DecodeToUtf8(std::string(1000, '\0'), {false, ""});
  EXPECT_FALSE(c.ok());
}

TEST(DecodeToUtf8, PlainTextIgnoresMetaAndDetects) {
  // Outside HTML a <meta> is just text.
  std::string text = "<meta charset=big5>\n" + Repeat(kSentenceGbk, 2);
  DecodedText d = MustDecode(text, {false, ""});
  EXPECT_EQ(d.declared, "");
  EXPECT_EQ(d.encoding, "gb18030");
  DecodedText u = MustDecode(kSentenceUtf8, {false, ""});
  EXPECT_EQ(u.encoding, "utf-8");
  EXPECT_EQ(u.utf8, kSentenceUtf8);
}

// The real pages: all saved as UTF-8. Two carry Latin mojibake of GBK text under their old
// gb2312/gbk label (a mirror once read the GBK bytes as ISO-8859-15, once or twice); those are
// decoded back to Chinese, every other page is UTF-8 untouched.
TEST(DecodeToUtf8, EvalPagesDecodeAsUtf8OrAreRepaired) {
  QINGXI_REQUIRE_SHARED();
  namespace fs = std::filesystem;
  fs::path dir = fs::path(testing::SharedDir()) / "eval" / "daniel-zh" / "html";
  int pages = 0, repaired = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string bytes = testing::ReadFile(e.path().string());
    Result<DecodedText> d = DecodeToUtf8(bytes, {});
    ASSERT_TRUE(d.ok()) << e.path();
    EXPECT_EQ(d->replacements, 0u) << e.path();
    ++pages;
    if (d->mojibake_repaired) {
      ++repaired;
      EXPECT_EQ(d->encoding, "gb18030") << e.path();
      EXPECT_EQ(d->source, Source::kDetected) << e.path();
      continue;
    }
    EXPECT_EQ(d->encoding, "utf-8") << e.path();
    EXPECT_EQ(d->utf8, bytes) << e.path();
  }
  EXPECT_GT(pages, 100);
  EXPECT_EQ(repaired, 2);
}

TEST(DecodeToUtf8, LatinMojibakeOfGbkIsRepaired) {
  // 意大利游轮 in GBK, read as ISO-8859-15 and written out as UTF-8: "ÒâŽóÀûÓÎÂÖ".
  std::string once, twice;
  auto latin9_to_utf8 = [](const std::string& bytes) {
    std::string out;
    for (unsigned char b : bytes) {
      char32_t cp = b;
      if (b == 0xB4) cp = 0x017D;  // Ž
      else if (b == 0xB8) cp = 0x017E;  // ž
      else if (b == 0xA4) cp = 0x20AC;  // €
      utf8::Append(cp, &out);
    }
    return out;
  };
  once = latin9_to_utf8(Page("<meta charset=gb2312>", Repeat(kSentenceGbk, 2)));
  DecodedText d = MustDecode(once);
  EXPECT_TRUE(d.mojibake_repaired);
  EXPECT_EQ(d.encoding, "gb18030");
  EXPECT_NE(d.utf8.find(kSentenceUtf8), std::string::npos);
  // Twice over: the UTF-8 of the mojibake read as Latin-9 again.
  twice = latin9_to_utf8(once);
  DecodedText d2 = MustDecode(twice);
  EXPECT_TRUE(d2.mojibake_repaired);
  EXPECT_NE(d2.utf8.find(kSentenceUtf8), std::string::npos);
  // Real Latin text is not "repaired".
  std::string french = Repeat("Les élèves étudièrent à l'école française après l'été. ", 20);
  DecodedText f = MustDecode(french, {false, ""});
  EXPECT_FALSE(f.mojibake_repaired);
  EXPECT_EQ(f.utf8, french);
}

}  // namespace
}  // namespace qingxi
