"""Bad rules and bad documents: Python exceptions with the command's messages, error records."""
import random
import shutil

import pytest

import qingxi
from conftest import PAGES, RULES, cli_records, run_cli


def cli_error_line(*args):
    """The message `qingxi clean` prints for a fatal error (after "qingxi clean: ")."""
    proc = run_cli("clean", "-q", *args, PAGES / "01-news-utf8-meta.html", check_codes=(2,))
    line = proc.stderr.decode("utf-8").strip()
    assert line.startswith("qingxi clean: ")
    return line[len("qingxi clean: "):]


def test_missing_rules_dir_raises_the_command_message(tmp_path):
    missing = tmp_path / "no-rules"
    with pytest.raises(FileNotFoundError) as err:
        qingxi.Cleaner(rules_dir=missing)
    assert str(err.value) == cli_error_line("--rules", missing)
    assert str(missing) in str(err.value)


def test_bad_rule_file_raises_the_command_message(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    with open(rules / "thresholds.rules", "a", encoding="utf-8") as f:
        f.write("set no_such_threshold 3\n")
    with pytest.raises(ValueError) as err:
        qingxi.Cleaner(rules_dir=str(rules))
    assert str(err.value) == cli_error_line("--rules", rules)
    assert "thresholds.rules:" in str(err.value)


def test_environment_rules_dir_is_used(tmp_path, monkeypatch):
    monkeypatch.setenv("QINGXI_RULES", str(tmp_path / "elsewhere"))
    with pytest.raises(FileNotFoundError):
        qingxi.Cleaner()
    with pytest.raises(FileNotFoundError):
        qingxi.convert("開發", rules_dir=tmp_path / "elsewhere")


def hostile_documents():
    rng = random.Random(11)
    return {
        "empty.html": b"",
        "noise.html": bytes(rng.randrange(256) for _ in range(300_000)),
        "nuls.html": b"<html><body><p>\x00\x00\x00" + "正文".encode() * 50 + b"\x00</p>" * 3,
        "deep.html": b"<div>" * 200_000 + "深层嵌套的正文内容".encode() + b"</div>" * 200_000,
        "bad-utf8.html": b'<meta charset="utf-8"><title>\xff\xfe\xc3</title><p>' +
                         "这是一段正文，".encode() * 40 + b"\xe4\xb8</p>",
        "tags-only.html": b"<html><head><script>" + b"var a=1;" * 10_000 + b"</script></head></html>",
    }


def test_broken_documents_give_the_command_records(cleaner, tmp_path):
    docs = hostile_documents()
    paths = []
    for name, data in docs.items():
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    want = cli_records(paths)
    assert len(want) == len(paths)
    for path, record in zip(paths, want):
        got = cleaner.clean(docs[path.name], id=record["id"], source=str(path))
        assert got == record, path.name
    empty = want[0]
    assert empty["error"] == "empty input" and "text" not in empty
    # and on threads, in order
    items = [(r["id"], docs[p.name]) for p, r in zip(paths, want)]
    got = list(cleaner.clean_many(items, threads=2))
    assert [g["id"] for g in got] == [r["id"] for r in want]
    assert all(g.get("text") == r.get("text") and g.get("error") == r.get("error")
               for g, r in zip(got, want))


def test_malformed_items_become_error_records_or_type_errors(cleaner):
    out = list(cleaner.clean_many([{"id": "a", "url": "http://x.cn/1"}, {"text": "正文内容"}]))
    assert out[0] == {"id": "a", "source": "http://x.cn/1", "url": "http://x.cn/1",
                      "error": "item 0 has no html or text"}
    assert out[1]["id"] == "1" and "error" not in out[1]

    stream = cleaner.clean_many([b"<p>first page</p>", 42, b"<p>never</p>"])
    assert next(stream)["text"] == "first page"
    with pytest.raises(TypeError, match="item 1 is int"):
        next(stream)
    with pytest.raises(StopIteration):
        next(stream)


def test_exception_in_input_is_raised_at_its_place(cleaner):
    def docs():
        yield b"<p>one</p>"
        yield b"<p>two</p>"
        raise RuntimeError("source went away")

    stream = cleaner.clean_many(docs(), threads=2)
    assert [next(stream)["text"], next(stream)["text"]] == ["one", "two"]
    with pytest.raises(RuntimeError, match="source went away"):
        next(stream)


def test_bad_arguments(cleaner):
    with pytest.raises(ValueError, match="kind must be"):
        cleaner.clean(b"x", kind="pdf")
    with pytest.raises(TypeError, match="data must be bytes or str"):
        cleaner.clean(12)
    with pytest.raises(ValueError, match="threads"):
        cleaner.clean_many([], threads=-1)
    assert list(cleaner.clean_many([])) == []
    # bytearray and memoryview are accepted (copied)
    assert cleaner.clean(bytearray(b"<p>abc</p>"))["text"] == "abc"
    assert cleaner.clean(memoryview(b"<p>abc</p>"))["text"] == "abc"
