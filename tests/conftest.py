"""Shared fixtures: the parsed paper and one real index built once per test session."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from assistant.index import build
from assistant.parser import parse_paper
from assistant.pipeline import Assistant
from assistant.settings import REPO_ROOT, Settings

PAPER_TEXT = (REPO_ROOT / "corpus" / "paper.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def paper():
    return parse_paper(PAPER_TEXT)


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("data")
    build(Settings(data_dir=d))
    return d


@pytest.fixture(scope="session")
def settings(data_dir):
    return Settings(data_dir=data_dir)


@pytest.fixture(scope="session")
def assistant(settings):
    return Assistant(settings)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(data_dir):
    """A real `assistant serve` process on a free loopback port; yields its base URL."""
    port = free_port()
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir), "GRADIO_ANALYTICS_ENABLED": "False"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "serve", "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(url + "/healthz", timeout=2).status == 200:
                break
        except OSError:
            if proc.poll() is not None:
                pytest.fail("serve exited: " + (proc.stdout.read() if proc.stdout else ""))
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("serve did not come up within 120 s")
    yield url
    proc.terminate()
    proc.wait(timeout=20)
