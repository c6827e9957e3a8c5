"""The shared sliding-window rate limit: counted per client, across processes, over 60 s."""

from __future__ import annotations

import multiprocessing

from assistant.serving.ratelimit import RateLimit


def test_window_slides_per_client(tmp_path):
    limit = RateLimit(tmp_path / "rl.sqlite3", per_minute=3)
    assert [limit.wait_for("a", now=t) for t in (0, 10, 20)] == [0, 0, 0]
    assert limit.wait_for("a", now=30) == 30  # the hit at t=0 leaves the window at t=60
    assert limit.wait_for("b", now=30) == 0  # another client has its own count
    assert limit.wait_for("a", now=60.5) == 0


def _spend(path, n, out):
    limit = RateLimit(path, per_minute=50)
    out.put(sum(limit.wait_for("same-client") == 0 for _ in range(n)))


def test_processes_sharing_the_file_share_the_count(tmp_path):
    path = tmp_path / "rl.sqlite3"
    spawn = multiprocessing.get_context("spawn")
    out = spawn.Queue()
    procs = [spawn.Process(target=_spend, args=(path, 40, out)) for _ in range(3)]
    for p in procs:
        p.start()
    allowed = sum(out.get(timeout=60) for _ in procs)
    for p in procs:
        p.join(timeout=60)
    assert allowed == 50  # 120 attempts by three processes, exactly the limit let through
