"""Thumbs up/down from the web chat, appended to a JSONL file.

Each record is written with one `write` on a file opened for appending, under an
exclusive lock, so concurrent writers (threads or processes) never interleave or
lose lines.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from pathlib import Path


def record_feedback(path: Path, record: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    line = (json.dumps({"ts": time.time(), **record}, ensure_ascii=False) + "\n").encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.write(fd, line)
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
