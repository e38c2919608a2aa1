"""read_warc: records of .warc, .warc.gz and WET files; cleaned like `qingxi clean` cleans them."""
import gzip
import io
import uuid

import pytest

import qingxi
from conftest import cli_records, run_cli

GBK_PAGE = ("<html><head><title>县人民政府关于春耕生产的通知</title></head><body>"
            "<p>各乡镇人民政府：当前正值春耕备耕关键时期，请各地抓紧做好农资储备、农机检修和技术指导工作。</p>"
            "<p>要加强田间管理，及时开展病虫害监测，确保粮食生产稳定。</p></body></html>").encode("gbk")
UTF8_PAGE = ("<html><head><meta charset=utf-8><title>社區圖書館延長開放時間</title></head><body>"
             "<p>為方便居民閱讀，社區圖書館自下月起延長開放時間，週末也照常開放。</p>"
             "<p>館方表示，將同步增加兒童閱讀區的座位。</p></body></html>").encode("utf-8")
WET_TEXT = "市气象台发布寒潮蓝色预警，预计未来三天气温将下降八到十度。\n请市民注意防寒保暖。".encode()


def record(warc_type, uri, block, content_type, date="2024-03-01T08:00:00Z"):
    head = (f"WARC/1.1\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
            f"WARC-Date: {date}\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def response(uri, status, headers, body):
    reason = {200: "OK", 404: "Not Found"}[status]
    head = f"HTTP/1.1 {status} {reason}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return record("response", uri, head.encode() + body, "application/http; msgtype=response")


def warc_records():
    return [
        record("warcinfo", "", b"software: test\r\n", "application/warc-fields"),
        response("http://gov.example.cn/notice.html", 200,
                 [("Content-Type", "text/html; charset=GBK"), ("Content-Length", len(GBK_PAGE))],
                 GBK_PAGE),
        response("http://example.cn/missing", 404, [("Content-Type", "text/html")], b"<p>gone</p>"),
        response("http://lib.example.hk/news.html", 200,
                 [("Content-Type", "text/html"), ("Content-Length", len(UTF8_PAGE))], UTF8_PAGE),
    ]


@pytest.fixture
def warc_gz(tmp_path):
    path = tmp_path / "pages.warc.gz"
    path.write_bytes(b"".join(gzip.compress(r) for r in warc_records()))
    return path


def test_records_and_fields(warc_gz, tmp_path):
    recs = list(qingxi.read_warc(warc_gz))
    assert [(r["type"], r["url"], r["status"]) for r in recs] == [
        ("response", "http://gov.example.cn/notice.html", 200),
        ("response", "http://example.cn/missing", 404),
        ("response", "http://lib.example.hk/news.html", 200)]
    first = recs[0]
    assert first["body"] == GBK_PAGE
    assert first["content_type"] == "text/html; charset=GBK"
    assert ("Content-Type", "text/html; charset=GBK") in first["headers"]
    assert first["date"] == "2024-03-01T08:00:00Z"
    assert first["record_id"].startswith("<urn:uuid:")
    # plain .warc and a file object read the same
    plain = tmp_path / "pages.warc"
    plain.write_bytes(b"".join(warc_records()))
    strip = lambda rs: [{k: v for k, v in r.items() if k != "record_id"} for r in rs]  # noqa: E731
    assert strip(qingxi.read_warc(str(plain))) == strip(recs)
    with open(warc_gz, "rb") as f:
        assert strip(qingxi.read_warc(f)) == strip(recs)
    assert strip(qingxi.read_warc(io.BytesIO(warc_gz.read_bytes()))) == strip(recs)


def test_cleaned_records_equal_the_command(warc_gz, cleaner):
    want = cli_records([warc_gz])
    docs = [r for r in qingxi.read_warc(warc_gz) if 200 <= r["status"] <= 299]
    assert len(want) == len(docs) == 2
    for rec, w in zip(docs, want):
        got = cleaner.clean(rec["body"], id=w["id"], url=rec["url"], content_type=rec["content_type"],
                            fetched_at=rec["date"])
        assert got == w
    # The same through clean_many, with the documents as dicts (the JSONL input's keys).
    items = [{"id": w["id"], "url": r["url"], "html": r["body"], "content_type": r["content_type"],
              "fetched_at": r["date"]} for r, w in zip(docs, want)]
    assert list(cleaner.clean_many(items, threads=2)) == want
    assert want[0]["encoding"] == "gb18030" and "春耕" in want[0]["text"]
    assert want[1]["title"] == "社区图书馆延长开放时间"


def test_wet_conversion_records(tmp_path, cleaner):
    path = tmp_path / "crawl.warc.wet.gz"
    path.write_bytes(gzip.compress(record("conversion", "http://weather.example.cn/a", WET_TEXT,
                                          "text/plain")))
    recs = list(qingxi.read_warc(path))
    assert len(recs) == 1 and recs[0]["type"] == "conversion" and recs[0]["status"] is None
    assert recs[0]["body"] == WET_TEXT
    want = cli_records([path])
    got = cleaner.clean(recs[0]["body"], id=want[0]["id"], url=recs[0]["url"], kind="text",
                        fetched_at=recs[0]["date"],
                        content_type="text/plain; charset=utf-8")
    assert got == want[0]


def test_truncated_and_missing_files(tmp_path, warc_gz):
    torn = tmp_path / "torn.warc"
    data = b"".join(warc_records())
    torn.write_bytes(data[:-200])
    it = qingxi.read_warc(torn)
    assert next(it)["url"] == "http://gov.example.cn/notice.html"
    assert next(it)["status"] == 404
    with pytest.raises(OSError) as err:
        next(it)
    cli = run_cli("clean", "-q", torn, check_codes=(3,)).stderr.decode().strip()
    assert cli == "qingxi clean: " + str(err.value)
    with pytest.raises(StopIteration):
        next(it)
    with pytest.raises(OSError):
        qingxi.read_warc(tmp_path / "absent.warc.gz")
    with pytest.raises(TypeError):
        qingxi.read_warc(42)
