import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(data_dir):
    port = _free_port()
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir), "GRADIO_ANALYTICS_ENABLED": "False"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "serve", "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(url, timeout=2).status == 200:
                break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("serve did not come up: " + (proc.stdout.read() if proc.stdout else ""))
    yield url
    proc.terminate()
    proc.wait(timeout=20)


def _text(message) -> str:
    content = message["content"]
    return content if isinstance(content, str) else " ".join(part.get("text", "") for part in content)


def test_web_chat_answers_with_sources(server):
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from gradio_client import Client

    client = Client(server, verbose=False)
    history, sources, box = client.predict(
        "2021年中国在全球制造业增加值中的占比是多少？", [], "", api_name="/respond"
    )
    assert "30.5%" in _text(history[-1]) and box == ""
    assert "三、全球产业链变化对我国的影响" in sources and "<mark>" in sources
    history, sources, _ = client.predict("今天北京天气怎么样？", [], "", api_name="/respond")
    assert "论文没有讨论" in _text(history[-1]) and "Closest sections" in sources
