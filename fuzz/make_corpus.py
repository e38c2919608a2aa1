#!/usr/bin/python3
"""Writes the seed corpora of the fuzz targets (fuzz/corpus/<what>/) from samples/, rules/ and
hand-made inputs that reach every branch family of each reader (WARC layouts and body codings,
robots.txt groups, sitemap indexes...). Run from anywhere; it rewrites fuzz/corpus/ entirely.
Needs only the standard library and the `zstd` tool."""
import gzip
import hashlib
import os
import shutil
import subprocess
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fuzz", "corpus")
PAGES = os.path.join(ROOT, "samples", "pages")


def put(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def page(name):
    with open(os.path.join(PAGES, name), "rb") as f:
        return f.read()


def as_utf8(name):
    raw = page(name)
    for enc in ("utf-8-sig", "gb18030", "big5hkscs"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            pass
    return raw.decode("utf-8", "replace")


def zstd(data):
    return subprocess.run(["zstd", "-q", "-c"], input=data, stdout=subprocess.PIPE,
                          check=True).stdout


def brotli_stored(data):
    """A brotli stream (RFC 7932) of uncompressed meta-blocks: no encoder needed."""
    out = bytearray()
    first = True
    for i in range(0, len(data), 65536):
        chunk = data[i:i + 65536]
        # bits: [WBITS=0 (window 16), only in the first byte] ISLAST=0, MNIBBLES=4 (00),
        # MLEN-1 in 16 bits, ISUNCOMPRESSED=1, then padding to a byte boundary.
        bits, n = 0, 0
        if first:
            n = 1
            first = False
        bits |= 0 << n; n += 1          # ISLAST
        bits |= 0 << n; n += 2          # MNIBBLES - 4
        bits |= (len(chunk) - 1) << n; n += 16
        bits |= 1 << n; n += 1          # ISUNCOMPRESSED
        nbytes = (n + 7) // 8
        out += bits.to_bytes(nbytes, "little")
        out += chunk
    out += b"\x03"  # ISLAST=1, ISLASTEMPTY=1
    return bytes(out)


def warc_record(wtype, uri, block, ctype, extra=b""):
    digest = "sha1:" + __import__("base64").b32encode(hashlib.sha1(block).digest()).decode()
    head = ("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
            "WARC-Date: 2024-05-01T08:00:00Z\r\nWARC-Target-URI: %s\r\n"
            "WARC-Block-Digest: %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n"
            % (wtype, hashlib.md5((wtype + uri).encode() + block).hexdigest(), uri, digest,
               ctype, len(block))).encode()
    return head + extra + b"\r\n" + block + b"\r\n\r\n"


def http_response(body, ctype, headers=()):
    h = "HTTP/1.1 200 OK\r\nContent-Type: %s\r\n" % ctype
    for k, v in headers:
        h += "%s: %s\r\n" % (k, v)
    return h.encode() + b"\r\n" + body


def chunked(data, size=300):
    out = b""
    for i in range(0, len(data), size):
        c = data[i:i + size]
        out += b"%x\r\n" % len(c) + c + b"\r\n"
    return out + b"0\r\n\r\n"


def gz_member(data):
    return gzip.compress(data, mtime=0)


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    names = sorted(os.listdir(PAGES))
    htmls = [n for n in names if n.endswith(".html")]
    texts = [n for n in names if n.endswith(".txt")]

    # charset and pipeline also read samples/pages itself (see SEEDS in fuzz/CMakeLists.txt);
    # here only what those pages lack: a Content-Type first, UTF-16, a partial BOM.
    put("charset", "ct-gbk", b"text/html; charset=gbk\0" + page(htmls[1])[:2000])
    put("charset", "ct-big5", b"text/plain; charset=big5\0" + page(texts[-1]))
    put("charset", "bom-utf16le", b"\xff\xfe" + "中文网页".encode("utf-16-le"))
    put("charset", "partial-bom", b"\xef\xbb<p>\xe4\xb8\xad</p>")

    # html_extract and links: the HTML pages as UTF-8.
    for n in htmls:
        if as_utf8(n).encode() != page(n):  # UTF-8 pages are read from samples/pages itself
            put("html_extract", n, as_utf8(n))  # links reads these too
    put("links", "base-href.html", '<base href="/dir/"><a href="a.html">a</a>'
        '<a href="//cdn.example.cn/x?y#z">b</a><a href="javascript:void(0)">c</a>'
        '<link rel="canonical" href="https://例子.中国/文章?id=1">')

    # text_cleaner and convert: the text samples as UTF-8 (title line for some).
    for n in texts:
        t = as_utf8(n)
        if t.encode() != page(n):
            put("text_cleaner", n, t)  # convert reads these too
    put("text_cleaner", "title-line.txt", "T:標題\n" + as_utf8(texts[0]))
    put("convert", "mixed.txt", "这是简体。這是繁體。著名的乾隆皇后\n𠀀𡃁 ok\n")

    # pipeline: samples/pages itself, and a page behind a Content-Type.
    put("pipeline", "ct-header", b"text/html; charset=big5\0" + page(htmls[2])[:3000])

    # warc: our layout (a gzip member per record), plain WARC, WET, and every body coding.
    body = page(htmls[0])
    resp = http_response(body, "text/html; charset=utf-8")
    info = warc_record("warcinfo", "", b"software: qingxi\r\nformat: WARC File Format 1.1\r\n",
                       "application/warc-fields")
    req = warc_record("request", "https://news.example.cn/a.html",
                      b"GET /a.html HTTP/1.1\r\nHost: news.example.cn\r\n\r\n",
                      "application/http; msgtype=request")
    rec = warc_record("response", "https://news.example.cn/a.html", resp,
                      "application/http; msgtype=response")
    put("warc", "plain.warc", info + req + rec)
    put("warc", "members.warc.gz", gz_member(info) + gz_member(req) + gz_member(rec))
    put("warc", "one-member.warc.gz", gz_member(info + rec))
    put("warc", "torn.warc.gz", gz_member(info) + gz_member(rec)[:200])
    small = page(htmls[3])[:4000]
    codings = {
        "gzip": gzip.compress(small, mtime=0),
        "deflate": zlib.compress(small),
        "br": brotli_stored(small),
        "zstd": zstd(small),
    }
    for name, coded in codings.items():
        r = http_response(coded, "text/html; charset=gbk", [("Content-Encoding", name)])
        put("warc", "body-%s.warc.gz" % name,
            gz_member(warc_record("response", "http://www.example.cn/" + name, r,
                                  "application/http; msgtype=response")))
    r = http_response(chunked(codings["gzip"]), "text/html",
                      [("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")])
    put("warc", "chunked-gzip.warc",
        warc_record("response", "http://www.example.cn/c", r, "application/http; msgtype=response"))
    r = http_response(codings["br"], "text/html", [("X-Crawler-Content-Length", "9"),
                                                   ("Content-Encoding", "br")])
    put("warc", "br-member.warc.gz",
        gz_member(warc_record("response", "http://www.example.cn/b", r,
                              "application/http; msgtype=response")))
    wet = warc_record("conversion", "http://www.example.cn/t", as_utf8(texts[0]).encode(),
                      "text/plain")
    put("warc", "page.wet", wet)
    put("warc", "page.wet.gz", gz_member(wet))
    put("warc", "http-only", resp[:1500])

    # robots.txt
    robots = {
        "groups": "User-agent: *\nDisallow: /private/\nAllow: /private/ok\n\n"
                  "User-agent: qingxibot\nUser-agent: other\nDisallow: /*.php$\n"
                  "Crawl-delay: 2.5\nSitemap: https://example.cn/sitemap.xml\n",
        "bom": "\ufeffuser-agent: qingxibot\ndisallow: /x\n",
        "pct": "User-agent: *\nDisallow: /%7Efoo/%e4%b8%ad\nDisallow: /中文/\nAllow: /$\n",
        "crlf": "User-agent: *\r\nDisallow: /a # comment\r\n\r\nUser-agent: qingxibot\r\n"
                "Disallow:\r\n",
        "typos": "useragent: *\ndissallow: /a\ndisalow: /b\nuser agent: qingxibot\n"
                 "allow: /c\n",
    }
    for n, t in robots.items():
        put("robots", n, t)
    put("robots", "partial-bom", b"\xef\xbbUser-agent: *\nDisallow: /secret\n")
    put("robots", "with-paths", "User-agent: *\nDisallow: /a*b$\n\0/aXb\n/a%62\n/A\n")

    # url: "url NUL base" pairs and bare URLs.
    urls = [
        "HTTP://Example.COM:80/a/./b/../c?x=1#frag",
        "https://例子。中国/路径?查询=值",
        "http://0x7f.1/", "http://[::FFFF:10.0.0.1]:8080/", "http://2130706433/",
        "//cdn.example.cn/x.js\0https://www.example.cn/a/b.html",
        "../../img/%7e1.png?\0http://example.cn/a/b/c/d.html",
        " \thttp://exa\nmple.cn/ a b \0",
        "?page=2\0https://example.cn/list.html?page=1",
        "http://user:pass@example.cn:0/", "https://xn--fsqu00a.xn--fiqs8s/%E4%B8%AD",
    ]
    for i, u in enumerate(urls):
        put("url", "u%02d" % i, u)

    # sitemap: urlset, index, gzip, odd dates.
    urlset = ('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
              '<url><loc>https://www.example.cn/news/1.html</loc>'
              '<lastmod>2024-05-01T08:00:00+08:00</lastmod></url>\n'
              '<url><loc> /relative/2.html </loc><lastmod>2024-05-01</lastmod></url>\n'
              '<url><loc><![CDATA[https://www.example.cn/q?a=1&amp;b=2]]></loc></url>\n'
              '</urlset>\n')
    index = ('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             '<sitemap><loc>https://www.example.cn/sitemap-1.xml.gz</loc>'
             '<lastmod>2024-13-45T99:99:99Z</lastmod></sitemap></sitemapindex>')
    put("sitemap", "urlset.xml", urlset)
    put("sitemap", "index.xml", index)
    put("sitemap", "urlset.xml.gz", gzip.compress(urlset.encode(), mtime=0))

    # jsonl
    put("jsonl", "docs.jsonl",
        '{"id":"a","url":"https://example.cn/a","html":"<p>中文</p>"}\n'
        '{"text":"第一行\\n第二行","content_type":"text/plain; charset=utf-8"}\n'
        '\n   \n{"content":"<html>x</html>"}\n'
        'not json\n[1,2]\n{"other":1}\n{"html":null,"text":5}\n')
    put("jsonl", "crlf.jsonl", '{"text":"a"}\r\n{"text":"\\ud83d\\ude00"}\r\n')

    # rule_file: rules/ itself, and a broken file.
    put("rule_file", "broken.rules", "set min_chars 10\nBad directive\nphrase \\q\nset ratio\n")


if __name__ == "__main__":
    main()
