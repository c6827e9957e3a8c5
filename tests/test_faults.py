"""Faults: an ingest killed midway, index files corrupted, an LLM endpoint that hangs, errs,
talks junk or is down. Nothing is lost, nothing half-built is served, no request hangs."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from assistant.index.fingerprint import read_info
from assistant.pipeline import Assistant
from assistant.settings import LLMSettings, Settings

from .conftest import free_port, run_cli, start_serve

QUESTION = "2021年中国在全球制造业增加值中的占比是多少？"


@pytest.fixture
def own_index(data_dir, tmp_path):
    """A copy of the session's index that a test may break."""
    shutil.copytree(data_dir / "index", tmp_path / "index")
    return tmp_path


# --- ingest killed midway --------------------------------------------------------------
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_killed_ingest_leaves_the_old_index_serving(own_index, sig):
    before = read_info(Settings(data_dir=own_index))
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "ingest", "--force"],
        env={**os.environ, "ASSISTANT_DATA_DIR": str(own_index)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.time() + 120
    while not list((own_index / "index").glob(".tmp-build-*/chroma/*")):  # embedding has begun
        assert proc.poll() is None and time.time() < deadline, "ingest ended before it could be interrupted"
        time.sleep(0.05)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode != 0
    if sig == signal.SIGINT:  # Ctrl-C: one line, and the half-built folder is cleaned up at once
        assert "interrupted" in err and "Traceback" not in err
        assert not list((own_index / "index").glob(".tmp-*"))
    assert (own_index / "index" / "CURRENT").read_text() == before.build
    answer = json.loads(run_cli(["ask", "--json", QUESTION], own_index).stdout)
    assert "30.5%" in answer["answer"]
    assert read_info(Settings(data_dir=own_index)).build == before.build  # served without a rebuild
    again = run_cli(["ingest", "--force"], own_index)
    assert again.returncode == 0, again.stderr
    assert not list((own_index / "index").glob(".tmp-*"))  # a killed build's leftovers are swept


# --- corrupted index files --------------------------------------------------------------
def _garble(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for i in range(0, len(data), 4096):
        data[i + 100 : i + 200] = os.urandom(min(100, max(0, len(data) - i - 100)))
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "damage", ["chroma database", "chunks cut short", "sentence vectors gone", "pointer garbage"]
)
def test_corrupt_index_is_detected_and_rebuilt(own_index, damage):
    before = read_info(Settings(data_dir=own_index))
    folder = own_index / "index" / before.build
    if damage == "chroma database":
        _garble(folder / "chroma" / "chroma.sqlite3")
    elif damage == "chunks cut short":
        text = (folder / "chunks.jsonl").read_text(encoding="utf-8")
        (folder / "chunks.jsonl").write_text(text[: len(text) // 2], encoding="utf-8")
    elif damage == "sentence vectors gone":
        (folder / "sentences.npy").unlink()
    else:
        (own_index / "index" / "CURRENT").write_text("no-such-build")
    done = run_cli(["ask", "--json", QUESTION], own_index)
    assert done.returncode == 0, done.stderr
    said = "no index found; building one" if damage == "pointer garbage" else f"{before.build} is damaged"
    assert said in done.stderr
    assert "30.5%" in json.loads(done.stdout)["answer"]
    assert read_info(Settings(data_dir=own_index)).build != before.build


# --- LLM endpoint faults ----------------------------------------------------------------
class _BadLLM(BaseHTTPRequestHandler):
    """An 'OpenAI-compatible' endpoint that misbehaves as its URL path says: /hang, /error, /junk, /liar."""

    def log_message(self, *_):
        pass

    def do_POST(self):  # noqa: N802 (http.server's naming)
        self.rfile.read(int(self.headers.get("content-length", 0)))
        how = self.path.split("/")[1]
        if how == "hang":
            time.sleep(30)
            return
        if how == "error":
            body = json.dumps({"error": {"message": "overloaded", "type": "server_error"}}).encode()
            self.send_response(500)
        elif how == "junk":
            body = b"\x00<html>proxy error</html>\xff"
            self.send_response(200)
        else:  # a well-formed reply whose content is invented
            lie = "The paper says 97.3% of factories moved to the Moon in 2019 [1]."
            choice = {"index": 0, "message": {"role": "assistant", "content": lie}, "finish_reason": "stop"}
            body = json.dumps(
                {"id": "x", "object": "chat.completion", "created": 0, "model": "m", "choices": [choice]}
            ).encode()
            self.send_response(200)
            self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def bad_llm():
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), _BadLLM)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def _openai_settings(settings: Settings, base_url: str, timeout_s: float = 3) -> Settings:
    llm = LLMSettings(openai_base_url=base_url, openai_model="m", timeout_s=timeout_s)
    return settings.model_copy(update={"llm": llm})


@pytest.mark.parametrize("how", ["hang", "error", "junk", "liar", "down"])
def test_llm_faults_fall_back_to_grounded_in_time(settings, bad_llm, how):
    base = f"http://127.0.0.1:{free_port()}/v1" if how == "down" else f"{bad_llm}/{how}/v1"
    a = Assistant(_openai_settings(settings, base))
    t0 = time.perf_counter()
    answer = a.ask(QUESTION, mode="openai")
    took = time.perf_counter() - t0
    assert took < 3 + 5, f"took {took:.1f}s with a 3 s timeout"
    assert answer.fallback_from == "openai" and answer.notice
    assert "30.5%" in answer.answer and answer.citations[0].section_id == "s3"
    assert "Moon" not in answer.answer


def test_a_hanging_llm_does_not_hang_the_api(data_dir, bad_llm):
    proc, base = start_serve(
        data_dir,
        ASSISTANT_LLM__OPENAI_BASE_URL=f"{bad_llm}/hang/v1",
        ASSISTANT_LLM__OPENAI_MODEL="m",
        ASSISTANT_LLM__TIMEOUT_S="2",
    )
    try:
        with httpx.Client(base_url=base, timeout=30) as http:
            # warm up first, so that only the LLM path is timed
            assert http.post("/v1/ask", json={"question": QUESTION}).status_code == 200
            t0 = time.perf_counter()
            reply = http.post("/v1/ask", json={"question": QUESTION, "mode": "openai"}).json()
            # the 2 s timeout, plus loading the client on a busy machine
            assert time.perf_counter() - t0 < 2 + 8
            assert reply["fallback_from"] == "openai" and "30.5%" in reply["answer"]
            with http.stream(
                "POST",
                "/v1/chat/completions",
                json={"model": "openai", "stream": True, "messages": [{"role": "user", "content": QUESTION}]},
            ) as r:
                lines = [ln for ln in r.iter_lines() if ln.startswith("data: ")]
            assert lines[-1] == "data: [DONE]"
            final = json.loads(lines[-2][6:])
            assert final["answer"]["fallback_from"] == "openai"
            assert http.post("/v1/ask", json={"question": QUESTION}).status_code == 200  # still serving
    finally:
        proc.terminate()
        proc.wait(timeout=20)
