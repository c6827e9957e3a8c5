"""Per-client request limit, counted in a SQLite file so that every API process using the
same data folder (uvicorn workers, several `assistant serve` behind one proxy on a host)
shares one count. A sliding window: a client may make `per_minute` requests in any 60 s.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

WINDOW_S = 60.0


class RateLimit:
    def __init__(self, path: Path, per_minute: int):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.per_minute = per_minute
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS hits (client TEXT NOT NULL, ts REAL NOT NULL)")
        self._db.execute("CREATE INDEX IF NOT EXISTS hits_client_ts ON hits (client, ts)")

    def wait_for(self, client: str, now: float | None = None) -> float:
        """0 when `client` may go ahead (the request is counted), else the seconds until it may."""
        now = time.time() if now is None else now
        with self._lock:
            db = self._db
            db.execute("BEGIN IMMEDIATE")  # one process at a time between the count and the insert
            try:
                db.execute("DELETE FROM hits WHERE client = ? AND ts <= ?", (client, now - WINDOW_S))
                count, oldest = db.execute(
                    "SELECT COUNT(*), MIN(ts) FROM hits WHERE client = ?", (client,)
                ).fetchone()
                if count >= self.per_minute:
                    db.execute("COMMIT")
                    return max(0.001, oldest + WINDOW_S - now)
                db.execute("INSERT INTO hits VALUES (?, ?)", (client, now))
                db.execute("COMMIT")
                return 0.0
            except BaseException:
                db.execute("ROLLBACK")
                raise
