"""Chroma as a server: a real `chroma run` on loopback holds the index; API processes with
empty data folders open it, restart without re-ingesting, and notice when it is gone or damaged."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from assistant.index.build import build
from assistant.index.fingerprint import read_info, status
from assistant.index.open import open_index
from assistant.index.store import http_client
from assistant.pipeline import Assistant
from assistant.settings import Settings

from ..conftest import free_port, run_cli, start_serve, wait_until_up

QUESTION = "2021年中国在全球制造业增加值中的占比是多少？"


def start_chroma(folder: Path, port: int) -> subprocess.Popen:
    """`chroma run` on loopback, persisting to `folder`."""
    chroma = Path(sys.executable).parent / "chroma"
    with (folder / "chroma.log").open("a") as log:  # it logs every request: a pipe nobody reads would fill up
        proc = subprocess.Popen(
            [str(chroma), "run", "--path", str(folder / "db"), "--host", "127.0.0.1", "--port", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    wait_until_up(f"http://127.0.0.1:{port}/api/v2/heartbeat", proc, "chroma run", seconds=60)
    return proc


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=20)


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    port = free_port()
    proc = start_chroma(tmp_path_factory.mktemp("chroma-server"), port)
    yield f"http://127.0.0.1:{port}"
    stop(proc)


def _run(args: list[str], url: str, data_dir: Path) -> subprocess.CompletedProcess:
    return run_cli(args, data_dir, ASSISTANT_CHROMA_URL=url)


@pytest.fixture(scope="module")
def ingested(chroma_url, tmp_path_factory):
    done = _run(["ingest"], chroma_url, tmp_path_factory.mktemp("ingest-host"))
    assert done.returncode == 0, done.stderr
    return chroma_url


def _serve(url: str, data_dir: Path):
    return start_serve(data_dir, ASSISTANT_CHROMA_URL=url)


def test_api_processes_share_the_server_and_restart_without_reingesting(ingested, tmp_path):
    client = http_client(ingested)
    names = {c.name for c in client.list_collections()}
    pointer = client.get_collection("assistant-builds").get(ids=["CURRENT"])["metadatas"][0]["serving"]
    assert {f"{pointer}.paper", f"{pointer}.bibliography"} <= names
    builds = []
    for _restart in range(2):
        data_dir = tmp_path / f"worker-{_restart}"  # an empty folder: nothing local to start from
        proc, base = _serve(ingested, data_dir)
        try:
            health = httpx.get(base + "/healthz").json()["index"]
            assert health["store"] == ingested and health["state"] == "ready"
            builds.append((health["build"], health["built_at"]))
            answer = httpx.post(base + "/v1/ask", json={"question": QUESTION}, timeout=60).json()
            assert "30.5%" in answer["answer"] and answer["citations"][0]["section_id"] == "s3"
        finally:
            proc.terminate()
            proc.wait(timeout=20)
        assert (data_dir / "index" / pointer / "index.json").is_file()  # the cache it filled from the server
    assert builds[0] == builds[1] and builds[0][0] == pointer  # the second start built nothing
    again = _run(["ingest"], ingested, tmp_path / "worker-2")
    assert again.returncode == 0 and "nothing to do" in again.stdout


def test_rebuild_swaps_the_pointer_and_keeps_one_previous_build(ingested, tmp_path):
    s = Settings(data_dir=tmp_path, chroma_url=ingested)
    first = read_info(s)
    second = build(s, force=True)
    third = build(s, force=True)
    assert len({first.build, second.build, third.build}) == 3
    names = [c.name for c in http_client(ingested).list_collections()]
    owners = {name.split(".")[0] for name in names if name.startswith("build-")}
    assert owners == {second.build, third.build}
    assert open_index(s).info.build == third.build


def test_a_collection_lost_on_the_server_is_detected_and_rebuilt(ingested, tmp_path):
    s = Settings(data_dir=tmp_path, chroma_url=ingested)
    before = read_info(s)
    http_client(ingested).delete_collection(f"{before.build}.bibliography")
    with pytest.raises(Exception, match="damaged"):
        open_index(s)
    said = []
    a = Assistant.ready(s, progress=lambda stage, *_: said.append(stage))
    assert any("damaged" in line and "rebuilding" in line for line in said)
    assert a.index.info.build != before.build
    assert "30.5%" in a.ask(QUESTION).answer


def test_server_down_is_one_clear_line(tmp_path):
    s = Settings(data_dir=tmp_path, chroma_url=f"http://127.0.0.1:{free_port()}")
    assert status(s) == "unreachable"
    done = _run(["ask", "--json", QUESTION], s.chroma_url, tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith("error:") and "Chroma server" in done.stderr
    assert "Traceback" not in done.stderr
    assert not done.stdout.strip() or json.loads(done.stdout)  # nothing half-written


def test_the_api_says_503_while_the_chroma_server_is_down_and_recovers(tmp_path):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    chroma = start_chroma(tmp_path, port)
    proc = None
    try:
        assert _run(["ingest"], url, tmp_path / "ingest").returncode == 0
        proc, base = _serve(url, tmp_path / "worker")
        up = httpx.post(base + "/v1/ask", json={"question": QUESTION}, timeout=60)
        assert "30.5%" in up.json()["answer"]
        stop(chroma)
        down = httpx.post(base + "/v1/ask", json={"question": QUESTION}, timeout=60)
        assert down.status_code == 503 and down.json()["error"]["code"] == "index_unavailable"
        assert int(down.headers["retry-after"]) > 0
        assert httpx.get(base + "/healthz").json()["index"]["state"] == "unreachable"
        chroma = start_chroma(tmp_path, port)  # the same server back on the same data
        back = httpx.post(base + "/v1/ask", json={"question": QUESTION}, timeout=60)
        assert back.status_code == 200 and "30.5%" in back.json()["answer"]
    finally:
        if proc:
            stop(proc)
        stop(chroma)
