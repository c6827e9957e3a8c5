"""Token, rate limit, body size and CORS on a real `assistant serve` configured for them."""

import os
import subprocess
import sys

import httpx
import pytest

from ..conftest import free_port, start_serve

TOKEN = "test-token-123"


@pytest.fixture(scope="module")
def guarded(data_dir):
    proc, url = start_serve(
        data_dir,
        ASSISTANT_SERVE__API_TOKEN=TOKEN,
        ASSISTANT_SERVE__RATE_LIMIT_PER_MINUTE="30",
        ASSISTANT_SERVE__MAX_BODY_BYTES="2048",
        ASSISTANT_SERVE__CORS_ORIGINS='["http://app.example"]',
    )
    with httpx.Client(base_url=url, timeout=60) as client:
        yield client
    proc.terminate()
    proc.wait(timeout=20)


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_token_is_required_on_the_api(guarded):
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        r = guarded.post("/v1/ask", json={"question": "占比"}, headers=headers)
        assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_api_key"
    assert guarded.post("/v1/ask", json={"question": "占比是多少"}, headers=AUTH).status_code == 200
    assert guarded.get("/healthz").status_code == 200  # health stays open for load balancers


def test_body_size_limit(guarded):
    r = guarded.post("/v1/ask", json={"question": "占比" * 400}, headers=AUTH)
    assert r.status_code == 413 and "limit is 2048" in r.json()["error"]["message"]


def test_cors_only_for_the_configured_origin(guarded):
    pre = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type",
    }
    ok = guarded.options("/v1/ask", headers={"Origin": "http://app.example", **pre})
    assert ok.status_code == 200 and ok.headers["access-control-allow-origin"] == "http://app.example"
    other = guarded.options("/v1/ask", headers={"Origin": "http://evil.example", **pre})
    assert "access-control-allow-origin" not in other.headers


def test_rate_limit_answers_429_and_the_server_stays_up(guarded):
    codes = []
    for _ in range(40):
        r = guarded.get("/v1/models", headers=AUTH)
        codes.append(r.status_code)
        if r.status_code == 429:
            assert r.json()["error"]["type"] == "rate_limit_error" and int(r.headers["retry-after"]) >= 1
            break
    assert codes[-1] == 429 and set(codes[:-1]) == {200}
    assert guarded.get("/healthz").status_code == 200


def test_public_address_needs_a_token(data_dir):
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir)}
    env.pop("ASSISTANT_SERVE__API_TOKEN", None)
    args = ["serve", "--host", "0.0.0.0", "--port", str(free_port())]
    p = subprocess.run(
        [sys.executable, "-m", "assistant", *args], env=env, capture_output=True, text=True, timeout=60
    )
    assert p.returncode == 2 and "ASSISTANT_SERVE__API_TOKEN" in p.stderr and "Traceback" not in p.stderr
