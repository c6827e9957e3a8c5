"""The HTTP API through real HTTP against a real `assistant serve` process."""

import json
import multiprocessing
import threading

import httpx
import pytest

from assistant.serving.feedback import record_feedback

ZH = "2021年中国在全球制造业增加值中的占比是多少？"


@pytest.fixture(scope="module")
def http(server):
    with httpx.Client(base_url=server, timeout=60) as client:
        yield client


def _error(resp, status):
    assert resp.status_code == status, resp.text
    body = resp.json()["error"]
    assert set(body) == {"message", "type", "param", "code"} and body["message"]
    return body


def test_healthz_sections_chunks_models_openapi(http):
    health = http.get("/healthz").json()
    assert health["status"] == "ok" and health["index"]["state"] == "ready"
    assert health["embedder"].startswith("use:") and "grounded" in health["generator"]["modes"]
    assert (
        health["judge"] == "off" and health["translate"] == "off" and health["index"]["editions"]["en"] > 50
    )
    sections = http.get("/v1/sections").json()["sections"]
    assert any(s["id"] == "s3.2.1" and s["label"] == "1. 产业空心化" for s in sections)
    chunk = http.get("/v1/chunks/s3:p0:c0").json()
    assert chunk["section_id"] == "s3" and "30.5%" in chunk["text"] and "30.5%" in chunk["edition"]["text"]
    assert _error(http.get("/v1/chunks/nope"), 404)["type"] == "not_found_error"
    assert [m["id"] for m in http.get("/v1/models").json()["data"]] == ["grounded", "local", "openai"]
    paths = http.get("/openapi.json").json()["paths"]
    assert {"/v1/ask", "/v1/chat/completions", "/v1/sections", "/healthz"} <= set(paths)


def test_ask_contract(http):
    out = http.post("/v1/ask", json={"question": ZH}).json()
    assert {"question", "answer", "abstained", "mode", "citations", "retrieved", "timings_ms"} <= set(out)
    assert "30.5%" in out["answer"] and out["citations"][0]["section_id"] == "s3"
    scoped = http.post("/v1/ask", json={"question": "关键矿产", "section": "s4"}).json()
    assert all(r["section_id"].startswith("s4") for r in scoped["retrieved"])


def test_follow_up_uses_the_history(http):
    out = http.post(
        "/v1/ask",
        json={
            "question": "那2023年呢？",
            "history": [{"role": "user", "content": ZH}, {"role": "assistant", "content": "30.5%"}],
        },
    ).json()
    assert not out["abstained"] and "28.8%" in out["answer"]
    assert out["condensed_question"] == "2023年中国在全球制造业增加值中的占比是多少？"


@pytest.mark.parametrize(
    "body, status, needle",
    [
        ({"question": ""}, 400, "empty"),
        ({"question": "   \n\t "}, 400, "empty"),
        ({"question": "占比" * 1500}, 400, "limit"),
        ({"question": "占比" * 51200}, 413, "limit"),
        ({"question": 123}, 400, "question"),
        ({"question": ["a"]}, 400, "question"),
        ({}, 400, "question"),
        ({"question": "hi", "mode": "magic"}, 404, "magic"),
        ({"question": "hi", "section": "s9"}, 400, "section"),
        ({"question": "hi", "history": "not a list"}, 400, "history"),
        ({"question": "hi", "unexpected": 1}, 400, "unexpected"),
    ],
)
def test_ask_errors_are_clear(http, body, status, needle):
    assert needle in _error(http.post("/v1/ask", json=body), status)["message"]


def test_chat_errors_are_clear(http):
    assert (
        "model"
        in _error(
            http.post("/v1/chat/completions", json={"messages": [{"role": "user", "content": "hi"}]}), 400
        )["message"]
    )
    assert (
        _error(
            http.post(
                "/v1/chat/completions",
                json={"model": "gpt-9", "messages": [{"role": "user", "content": "hi"}]},
            ),
            404,
        )["code"]
        == "model_not_found"
    )
    assert (
        "user"
        in _error(
            http.post(
                "/v1/chat/completions",
                json={"model": "grounded", "messages": [{"role": "assistant", "content": "hi"}]},
            ),
            400,
        )["message"]
    )
    _error(http.post("/v1/chat/completions", json={"model": "grounded", "messages": []}), 400)
    _error(
        http.post("/v1/chat/completions", content=b"{not json", headers={"content-type": "application/json"}),
        400,
    )


def test_openai_client_plain_and_streaming(server):
    from openai import OpenAI

    client = OpenAI(base_url=server + "/v1", api_key="unused")
    resp = client.chat.completions.create(model="grounded", messages=[{"role": "user", "content": ZH}])
    assert "30.5%" in resp.choices[0].message.content
    assert resp.model_extra["citations"][0]["section_id"] == "s3"


def test_a_text_only_client_sees_the_sources(server):
    """`message.content` alone carries each marker's section and quote (the original beside a translation)."""
    from openai import OpenAI

    client = OpenAI(base_url=server + "/v1", api_key="unused")
    en = "What was China's share of global manufacturing value added in 2021?"
    content = (
        client.chat.completions.create(model="grounded", messages=[{"role": "user", "content": en}])
        .choices[0]
        .message.content
    )
    answer, _, sources = content.partition("\n\nSources:\n")
    assert (
        "[1]" in answer and sources.startswith("[1] III.") and "30.5%" in sources and "original:" in sources
    )
    bare = (
        client.chat.completions.create(
            model="grounded", messages=[{"role": "user", "content": en}], extra_body={"sources": False}
        )
        .choices[0]
        .message.content
    )
    assert "Sources:" not in bare and bare == answer
    stream = client.chat.completions.create(
        model="grounded", stream=True, messages=[{"role": "user", "content": ZH}]
    )
    text = "".join(c.choices[0].delta.content or "" for c in stream)
    assert text.split("\n\n出处：\n")[1].startswith("[1] 三、")  # the list comes at the end of the stream


def test_a_conversation_over_chat_completions(server):
    from openai import OpenAI

    client = OpenAI(base_url=server + "/v1", api_key="unused")
    first = (
        client.chat.completions.create(
            model="grounded",
            messages=[{"role": "user", "content": "Which four trends does the paper foresee?"}],
        )
        .choices[0]
        .message.content
    )
    reply = client.chat.completions.create(
        model="grounded",
        messages=[
            {"role": "user", "content": "Which four trends does the paper foresee?"},
            {"role": "assistant", "content": first},  # with its Sources list, as a client sends it back
            {"role": "user", "content": "Say more about the second one."},
        ],
    )
    answer = reply.model_extra["answer"]
    assert answer["condensed_question"] and answer["citations"][0]["section_id"] == "s2.2"

    stream = client.chat.completions.create(
        model="grounded",
        stream=True,
        messages=[
            {"role": "user", "content": "What was China's share of global manufacturing value added in 2021?"}
        ],
    )
    chunks = list(stream)
    first_text = next(i for i, c in enumerate(chunks) if c.choices[0].delta.content)
    first_citations = next(i for i, c in enumerate(chunks) if (c.model_extra or {}).get("citations"))
    assert first_citations < first_text  # the evidence comes before the words
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert "30.5%" in text and chunks[-1].choices[0].finish_reason == "stop"
    assert chunks[-1].model_extra["citations"]


def test_multi_turn_messages_are_memory(server):
    from openai import OpenAI

    client = OpenAI(base_url=server + "/v1", api_key="unused")
    resp = client.chat.completions.create(
        model="grounded",
        messages=[
            {"role": "system", "content": "You are helpful."},
            {"role": "user", "content": ZH},
            {"role": "assistant", "content": "30.5%"},
            {"role": "user", "content": "那2023年呢？"},
        ],
    )
    assert "28.8%" in resp.choices[0].message.content


def _write_many(path, tag, n):
    for i in range(n):
        record_feedback(path, {"who": tag, "i": i, "text": "点赞" * 200})


def test_feedback_appends_survive_concurrent_writers(tmp_path):
    path = tmp_path / "feedback.jsonl"
    threads = [threading.Thread(target=_write_many, args=(path, f"t{k}", 50)) for k in range(4)]
    procs = [multiprocessing.Process(target=_write_many, args=(path, f"p{k}", 50)) for k in range(3)]
    for w in threads + procs:
        w.start()
    for w in threads + procs:
        w.join()
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 350 and len({(r["who"], r["i"]) for r in rows}) == 350
