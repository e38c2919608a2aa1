"""extra_rules: rule layers over the built-in rules, as `qingxi clean --extra-rules DIR`."""
import pytest

import qingxi
from conftest import cli_records

BEFORE = "今天天气很好，我们一早就去公园散步，看到很多老人在锻炼身体，孩子们在草地上玩耍。"
AFTER = "公园里的花开得正好，红的、黄的、紫的，引得游客纷纷驻足拍照，大家都很开心。"
FOOTER = "以上内容由星河晚报读者服务部提供"
PAGE = f"<html><body><article><p>{BEFORE}</p><p>{FOOTER}</p><p>{AFTER}</p></article></body></html>"


@pytest.fixture()
def layer(tmp_path):
    d = tmp_path / "my-rules"
    d.mkdir()
    (d / "drop.rules").write_text("site example.com\nphrase 星河晚报读者服务部\n", encoding="utf-8")
    return d


def test_extra_rules_layer_removes_a_site_line_only_on_that_site(layer):
    plain = qingxi.Cleaner()
    layered = qingxi.Cleaner(extra_rules=[layer])
    assert layered.extra_rules == [str(layer)]
    url = "https://news.example.com/2024/1.html"
    assert FOOTER in plain.clean(PAGE, url=url)["text"]
    assert FOOTER not in layered.clean(PAGE, url=url)["text"]
    assert BEFORE in layered.clean(PAGE, url=url)["text"]
    assert FOOTER in layered.clean(PAGE, url="https://example.com.cn/1.html")["text"]


def test_extra_rules_gives_the_records_the_command_writes(layer, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    jsonl = tmp_path / "in.jsonl"
    import json
    jsonl.write_text(json.dumps({"id": "a", "url": "https://example.com/a", "html": PAGE},
                                ensure_ascii=False) + "\n", encoding="utf-8")
    [cli] = cli_records([jsonl], "--in", "jsonl", "--extra-rules", layer)
    py = qingxi.Cleaner(extra_rules=[layer]).clean(PAGE, id="a", url="https://example.com/a",
                                                    source=str(jsonl))
    assert FOOTER not in cli["text"]
    assert py["text"] == cli["text"]


def test_unknown_rule_file_in_a_layer_raises(tmp_path):
    d = tmp_path / "layer"
    d.mkdir()
    (d / "mysite.rules").write_text("phrase 甲\n", encoding="utf-8")
    with pytest.raises(ValueError) as err:
        qingxi.Cleaner(extra_rules=[d])
    assert "mysite.rules: unknown rule file name" in str(err.value)


def test_extra_rules_must_be_a_list(layer):
    with pytest.raises(TypeError):
        qingxi.Cleaner(extra_rules=str(layer))
