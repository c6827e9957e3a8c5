import json

from .conftest import run_cli

CONTRACT = {"question", "answer", "abstained", "mode", "citations", "retrieved", "timings_ms"}


def run(args, data_dir, stdin=None):
    return run_cli(args, data_dir, stdin, timeout=120)


def test_ask_json_contract(data_dir):
    p = run(["ask", "--json", "2021年中国在全球制造业增加值中的占比是多少？"], data_dir)
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert set(out) >= CONTRACT
    assert out["mode"] == "grounded" and out["abstained"] is False
    cit = out["citations"][0]
    assert {"n", "chunk_id", "section_id", "section", "text", "score"} <= set(cit)
    assert {"chunk_id", "section_id", "section", "text", "score"} <= set(out["retrieved"][0])
    assert {"retrieve", "answer", "total"} <= set(out["timings_ms"])
    assert "30.5%" in out["answer"]


def test_ask_readable(data_dir):
    p = run(["ask", "Which four trends does the paper foresee?"], data_dir)
    assert p.returncode == 0, p.stderr
    assert "Sources:" in p.stdout and "[1]" in p.stdout


def test_jsonl_mixed_languages_and_bad_lines(data_dir):
    lines = "\n".join([
        "2021年中国在全球制造业增加值中的占比是多少？",
        json.dumps({"id": "q2", "question": "What is weaponization of barriers?", "section": "s2"}),
        "{broken json",
        json.dumps({"question": "   "}),
    ])
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
    p = run_cli(["ask", "--json", "--translate", "local", q], data_dir, timeout=120,
                ASSISTANT_LLM__MODEL_PATH=str(tmp_path / "none.gguf"))
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert out["translation"] is None and "not translated" in out["notice"] and "no GGUF file" in out["notice"]
    assert "30.5%" in out["answer"]  # the lexicon still finds it
    bad = run(["ask", "--translate", "always", q], data_dir)
    assert bad.returncode == 2 and "--translate" in bad.stderr
