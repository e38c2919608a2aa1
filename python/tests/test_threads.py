"""clean_many on threads: order, bounded input window, the GIL released, a 50 MB document."""
import sys
import threading
import time

import qingxi
from conftest import cli_records, sample_pages


def paragraphs(n, seed=0):
    """n distinct paragraphs of news-like Chinese prose."""
    subjects = ["市政府", "农业农村局", "教育部门", "科技企业", "街道社区", "医疗机构", "交通部门"]
    actions = ["召开专题会议", "部署重点工作", "推进项目建设", "开展走访调研", "完善服务机制"]
    return [f"<p>第{i + seed}段：{subjects[i % 7]}{actions[i % 5]}，围绕年度目标逐项落实，"
            f"编号{i * 7919 % 100003}的事项已于本月完成，相关负责人表示将继续跟进。</p>"
            for i in range(n)]


def big_page(target_bytes):
    head = "<html><head><title>大型文档测试</title></head><body><article>"
    body, size, i = [], len(head.encode()), 0
    while size < target_bytes:
        chunk = paragraphs(500, seed=i)
        i += 500
        body.extend(chunk)
        size += sum(len(p.encode()) for p in chunk)
    return (head + "".join(body) + "</article></body></html>").encode("utf-8")


def test_threads_give_the_same_records_in_input_order(cleaner):
    pages = sample_pages() * 4
    docs = [(f"{i}-{p.stem}", p.read_bytes()) for i, p in enumerate(pages)]
    one = list(cleaner.clean_many(docs, threads=1))
    assert [r["id"] for r in one] == [d[0] for d in docs]
    for threads in (2, 3, 0):
        assert list(cleaner.clean_many(docs, threads=threads)) == one
    assert one[:3] == [cleaner.clean(d, id=i) for i, d in docs[:3]]


def test_input_is_read_a_window_at_a_time(cleaner):
    pulled = 0

    def docs():
        nonlocal pulled
        for i in range(10_000):
            pulled += 1
            yield b"<p>" + f"第{i}条".encode() + b"</p>"

    stream = cleaner.clean_many(docs(), threads=2)
    first = next(stream)
    assert first["text"] == "第0条"
    assert pulled <= 2 * 4 + 1  # the window, not the input
    for _ in range(100):
        next(stream)
    assert pulled <= 101 + 2 * 4 + 1


class Ticker:
    """A Python thread that counts while it gets the GIL."""

    def __init__(self):
        self.count = 0
        self.stop = False
        self.thread = threading.Thread(target=self.run)

    def run(self):
        while not self.stop:
            self.count += 1

    def __enter__(self):
        self.thread.start()
        time.sleep(0.05)
        return self

    def __exit__(self, *exc):
        self.stop = True
        self.thread.join()


def test_gil_is_released_while_cleaning(cleaner):
    page = big_page(12 << 20)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(0.001)  # a thread holding the GIL yields it to others every 1 ms
    try:
        with Ticker() as ticker:
            start, before = time.perf_counter(), ticker.count
            time.sleep(0.2)
            rate = (ticker.count - before) / (time.perf_counter() - start)  # ticks/s, GIL free

            def ticks_during(call):
                start, before = time.perf_counter(), ticker.count
                result = call()
                return ticker.count - before, time.perf_counter() - start, result

            during_clean, secs_clean, record = ticks_during(lambda: cleaner.clean(page))
            during_many, secs_many, records = ticks_during(
                lambda: list(cleaner.clean_many([page], threads=1)))
    finally:
        sys.setswitchinterval(interval)
    assert record["text"] and records[0]["text"] == record["text"]
    assert secs_clean > 0.1 and secs_many > 0.1  # one long call into C++ each
    # Holding the GIL, the call would leave the ticker at most a switch interval (1 ms) of
    # ticks; released, the ticker runs for much of the call.
    assert during_clean > rate * 0.05, (during_clean, rate, secs_clean)
    assert during_many > rate * 0.05, (during_many, rate, secs_many)


def test_fifty_megabyte_documents_equal_the_command(cleaner, tmp_path):
    page = big_page(50 << 20)
    assert len(page) >= 50 << 20
    text = "\n".join(p[3:-4] for p in paragraphs(100_000) * 4).encode("utf-8")
    assert len(text) >= 50 << 20
    html_path, text_path = tmp_path / "big.html", tmp_path / "big.txt"
    html_path.write_bytes(page)
    text_path.write_bytes(text)
    want_html, want_text = cli_records([html_path, text_path])
    got_html = cleaner.clean(page, id=want_html["id"], source=str(html_path))
    assert got_html == want_html  # the HTML size limit of the extractor applies to both
    assert len(got_html["text"]) > 1 << 20
    got_text = cleaner.clean(text, id=want_text["id"], source=str(text_path))
    assert got_text == want_text
    assert "truncated" not in got_text["flags"]
    # a smaller limit cuts and flags, as --max-bytes does
    want_small = cli_records([text_path], "--max-bytes", 1 << 20)[0]
    small = qingxi.Cleaner(max_bytes=1 << 20).clean(text, id=want_small["id"], source=str(text_path))
    assert small == want_small
    assert "truncated" in small["flags"]
