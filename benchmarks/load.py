"""Load test of `assistant serve` over loopback: N concurrent clients for a bounded time.

    .venv/bin/python benchmarks/load.py                 # start a server, measure, stop it
    .venv/bin/python benchmarks/load.py --chroma        # the same with the index on a `chroma run` server
    .venv/bin/python benchmarks/load.py --chroma --workers 2   # two API processes sharing that server
    .venv/bin/python benchmarks/load.py --url http://127.0.0.1:7860 --clients 32 --seconds 30

Prints time from `serve` to ready (when it starts the server), sequential p50/p95
through the API, then requests/s, p50/p95/p99 and errors under load. With several
workers the clients take turns over them, as a round-robin balancer would. Only
loopback addresses are accepted as targets.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def questions() -> list[str]:
    rows = [
        json.loads(line) for line in (ROOT / "evals" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    return [r["question"] for r in rows]


def loopback_only(url: str) -> None:
    host = urllib.parse.urlparse(url).hostname or ""
    addr = socket.gethostbyname(host)
    if not ipaddress.ip_address(addr).is_loopback:
        sys.exit(f"refusing to load-test {host} ({addr}): loopback addresses only")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(proc: subprocess.Popen, url: str, t0: float) -> float:
    while time.perf_counter() - t0 < 180:
        try:
            if urllib.request.urlopen(url, timeout=2).status == 200:
                return time.perf_counter() - t0
        except OSError:
            if proc.poll() is not None:
                sys.exit(f"{proc.args[0]} exited during start-up")
            time.sleep(0.2)
    proc.kill()
    sys.exit(f"{url} did not answer within 180 s")


def start_server(port: int, extra_env: dict[str, str]) -> tuple[subprocess.Popen, float]:
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "serve", "--port", str(port)],
        env={**os.environ, **extra_env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return proc, wait_up(proc, f"http://127.0.0.1:{port}/healthz", t0)


def start_chroma(folder: str) -> tuple[subprocess.Popen, str]:
    """`chroma run` on a free loopback port, with the index ingested into it."""
    port = free_port()
    chroma = Path(sys.executable).parent / "chroma"
    proc = subprocess.Popen(
        [str(chroma), "run", "--path", folder, "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    wait_up(proc, url + "/api/v2/heartbeat", time.perf_counter())
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "assistant", "ingest"],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "ASSISTANT_CHROMA_URL": url, "ASSISTANT_DATA_DIR": f"{folder}/ingest"},
    )
    print(f"chroma run on {url}; ingest into it: {time.perf_counter() - t0:.1f} s")
    return proc, url


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))]


async def run_load(urls: list[str], clients: int, seconds: float, qs: list[str]) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    deadline = time.perf_counter() + seconds

    async def client(k: int, http: httpx.AsyncClient) -> None:
        i = k
        while time.perf_counter() < deadline:
            q = qs[i % len(qs)]
            i += clients
            t = time.perf_counter()
            try:
                r = await http.post(f"{urls[i % len(urls)]}/v1/ask", json={"question": q})
                if r.status_code != 200:
                    errors.append(f"{r.status_code}: {r.text[:100]}")
                    continue
            except httpx.HTTPError as exc:
                errors.append(repr(exc))
                continue
            latencies.append(time.perf_counter() - t)

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    t0 = time.perf_counter()
    async with httpx.AsyncClient(timeout=30, limits=limits) as http:
        await asyncio.gather(*(client(k, http) for k in range(clients)))
    wall = time.perf_counter() - t0
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "first_errors": errors[:3],
        "rps": len(latencies) / wall,
        "p50": pct(latencies, 0.5),
        "p95": pct(latencies, 0.95),
        "p99": pct(latencies, 0.99),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", help="a running server (default: start one on a free loopback port)")
    ap.add_argument("--chroma", action="store_true", help="start `chroma run`, ingest into it, serve from it")
    ap.add_argument("--workers", type=int, default=1, help="API processes to start (sharing one index)")
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--sequential", type=int, default=100, help="requests for the sequential p50/p95")
    args = ap.parse_args()
    qs = questions()
    procs: list[subprocess.Popen] = []
    scratch = tempfile.TemporaryDirectory(prefix="load-")
    env = {"GRADIO_ANALYTICS_ENABLED": "False"}
    urls = [args.url] if args.url else []
    try:
        if args.chroma and not args.url:
            proc, env["ASSISTANT_CHROMA_URL"] = start_chroma(scratch.name)
            procs.append(proc)
        for w in range(0 if args.url else args.workers):
            port = free_port()
            worker_env = {**env, "ASSISTANT_DATA_DIR": f"{scratch.name}/worker-{w}"} if args.chroma else env
            proc, ready = start_server(port, worker_env)
            procs.append(proc)
            urls.append(f"http://127.0.0.1:{port}")
            print(
                f"serve → ready: {ready:.1f} s"
                + (" (empty data folder, index from the Chroma server)" if args.chroma else "")
            )
        for url in urls:
            loopback_only(url)
        with httpx.Client(timeout=30) as http:
            times = []
            for i in range(args.sequential):
                t = time.perf_counter()
                http.post(
                    f"{urls[i % len(urls)]}/v1/ask", json={"question": qs[i % len(qs)]}
                ).raise_for_status()
                times.append(time.perf_counter() - t)
        print(
            f"sequential /v1/ask: n={len(times)} p50 {statistics.median(times) * 1000:.1f} ms, "
            f"p95 {pct(times, 0.95) * 1000:.1f} ms"
        )
        res = asyncio.run(run_load(urls, args.clients, args.seconds, qs))
        print(
            f"{args.clients} clients × {args.seconds:.0f} s over {len(urls)} worker(s): {res['requests']} "
            "requests, "
            f"{res['rps']:.1f} req/s, p50 {res['p50'] * 1000:.0f} ms, p95 {res['p95'] * 1000:.0f} ms, "
            f"p99 {res['p99'] * 1000:.0f} ms, errors {res['errors']}"
        )
        for e in res["first_errors"]:
            print("  error:", e)
    finally:
        for proc in reversed(procs):
            proc.terminate()
            proc.wait(timeout=20)
        scratch.cleanup()


if __name__ == "__main__":
    main()
