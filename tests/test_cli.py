import json

import pytest

from .conftest import run_cli

CONTRACT = {
    "question",
    "answer",
    "abstained",
    "mode",
    "lang",
    "kind",
    "translated",
    "guard",
    "premise_rejected",
    "items",
    "section_filter",
    "document_filter",
    "citations",
    "retrieved",
    "timings_ms",
    "notice",
    "judged_answerable",
    "translation",
}
CITATION = {
    "n",
    "chunk_id",
    "section_id",
    "section",
    "text",
    "quote",
    "score",
    "kind",
    "ref",
    "lang",
    "quote_en",
    "section_en",
    "quote_zh",
    "section_zh",
    "flagged",
}


def run(args, data_dir, stdin=None):
    return run_cli(args, data_dir, stdin, timeout=120)


def test_ask_json_contract(data_dir):
    p = run(["ask", "--json", "2021年中国在全球制造业增加值中的占比是多少？"], data_dir)
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert set(out) >= CONTRACT
    assert out["mode"] == "grounded" and out["abstained"] is False and out["guard"] is None
    assert out["lang"] == "zh" and out["kind"] == "passages" and out["translated"] is False
    cit = out["citations"][0]
    assert set(cit) >= CITATION
    assert cit["section_id"] == "s3" and cit["lang"] == "zh" and not cit["flagged"]
    # the sentence used, inside the cited chunk
    assert "30.5%" in cit["quote"] and cit["quote"] in cit["text"]
    assert {"chunk_id", "section_id", "section", "text", "score"} <= set(out["retrieved"][0])
    assert {"retrieve", "answer", "total"} <= set(out["timings_ms"])
    assert "30.5%" in out["answer"]


def test_ask_json_english_answer_shows_the_translated_edition(data_dir):
    p = run(["ask", "--json", "What is weaponization of barriers?"], data_dir)
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert out["lang"] == "en" and not out["abstained"] and out["translated"] is True
    cit = out["citations"][0]
    assert cit["section_id"].startswith("s2.4") and cit["lang"] == "zh"  # the original is the Chinese text
    # each sentence quoted is in the cited chunk, and its English is in the answer
    assert all(part in cit["text"] for part in cit["quote"].split(" … ")) and cit["quote_en"]
    assert all(part in out["answer"] for part in cit["quote_en"].split(" … "))
    assert cit["section_en"] and cit["section"].startswith("二、")


def test_ask_readable(data_dir):
    zh = run(["ask", "2021年中国在全球制造业增加值中的占比是多少？"], data_dir)
    assert zh.returncode == 0, zh.stderr
    assert "出处：" in zh.stdout and "(s3, score" in zh.stdout
    assert "[1] 三、全球产业链变化对我国的影响" in zh.stdout
    en = run(["ask", "What is weaponization of barriers?"], data_dir)
    assert en.returncode == 0, en.stderr
    assert "Sources:" in en.stdout and "[1]" in en.stdout
    # the answer says it is a translation, and each source gives the Chinese it was translated from
    assert "machine-translated" in en.stdout and "original: “" in en.stdout


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Which four trends does the paper foresee?", "Weaponization"),
        ("What share of global manufacturing value added did China have in 2021?", "30.5%"),
    ],
)
def test_readme_english_examples_are_answered(data_dir, question, expected):
    p = run(["ask", "--json", question], data_dir)
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert not out["abstained"], out["notice"]
    assert expected.lower() in out["answer"].lower()


def test_jsonl_mixed_languages_and_bad_lines(data_dir):
    lines = "\n".join(
        [
            "2021年中国在全球制造业增加值中的占比是多少？",
            json.dumps({"id": "q2", "question": "What is weaponization of barriers?", "section": "s2"}),
            "{broken json",
            json.dumps({"question": "   "}),
        ]
    )
    p = run(["ask", "--jsonl"], data_dir, stdin=lines)
    assert p.returncode == 0, p.stderr
    rows = [json.loads(x) for x in p.stdout.splitlines()]
    assert len(rows) == 4
    assert rows[0]["lang"] == "zh" and rows[1]["id"] == "q2" and rows[1]["section_filter"] == "s2"
    assert all(r["section_id"].startswith("s2") for r in rows[1]["retrieved"])
    assert "bad JSON" in rows[2]["error"] and "empty" in rows[3]["error"]


def test_bad_input_is_one_clear_line(data_dir):
    for args in (["ask", ""], ["ask", "--mode", "magic", "hi"], ["ask", "--section", "s9", "hi"], ["ask"]):
        p = run(args, data_dir)
        assert p.returncode == 2, (args, p.stdout, p.stderr)
        assert p.stderr.startswith("error:") and "Traceback" not in p.stderr


def test_ingest_is_a_no_op_when_current(data_dir):
    p = run(["ingest"], data_dir)
    assert p.returncode == 0 and "nothing to do" in p.stdout


def test_sections_lists_ids(data_dir):
    p = run(["sections"], data_dir)
    assert "s3.2.1" in p.stdout and "产业空心化" in p.stdout


def test_translate_flag_reaches_the_pipeline(data_dir, tmp_path):
    q = "What share of global manufacturing value added did China have in 2021?"
    p = run_cli(
        ["ask", "--json", "--translate", "local", q],
        data_dir,
        timeout=120,
        ASSISTANT_LLM__MODEL_PATH=str(tmp_path / "none.gguf"),
    )
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert out["translation"] is None
    assert "not translated" in out["notice"] and "no GGUF file" in out["notice"]
    assert "30.5%" in out["retrieved"][0]["text"]  # the lexicon still finds the passage
    bad = run(["ask", "--translate", "always", q], data_dir)
    assert bad.returncode == 2 and "--translate" in bad.stderr
