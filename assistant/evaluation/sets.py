"""Question sets: reading them, and the manifest that says what each one is.

A row asks one question (or, with ``turns``, a conversation) and says what a good answer does:
``expect`` "answer" (every ``facts`` group found, ``evidence`` retrieved), "abstain" (the text does not
say), or "correct" (a false premise: the answer says it is wrong and gives the fact). Older rows say
``answerable`` instead of ``expect``. ``evals/sets.json`` names each set's author, date, whether any
change was tuned on it, the documents it needs indexed, and the gate CI holds it to.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, Field

from assistant.settings import REPO_ROOT

MANIFEST = REPO_ROOT / "evals" / "sets.json"


class SetInfo(BaseModel):
    name: str
    file: str
    about: str  # what it measures
    written_by: str
    written_on: str
    tuned_on: bool  # some change was made after reading its failures: a dev set, whatever its name
    documents: str | None = None  # a folder of documents to index beside the paper (relative to the repo)
    document: str | None = None  # the document its questions are about (they are scoped to it)
    gate: dict[str, float] = Field(default_factory=dict)  # metric → threshold ("max_" for an upper bound)
    ci: bool = False  # CI runs it and holds it to `gate`


def manifest() -> dict[str, SetInfo]:
    rows = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return {r["name"]: SetInfo(**r) for r in rows}


def info_for(path: Path) -> SetInfo | None:
    try:
        rel = str(path.resolve().relative_to(REPO_ROOT))
    except ValueError:
        return None
    return next((s for s in manifest().values() if s.file == rel), None)


def normalise(row: dict) -> dict:
    """A row in today's form: `expect`, `answerable`, `turns` (one turn for a single question)."""
    row = dict(row)
    if "expect" not in row:
        row["expect"] = "answer" if row.get("answerable") else "abstain"
    row["answerable"] = row["expect"] == "answer"
    if not row.get("turns"):
        row["turns"] = [{k: row.get(k) for k in ("question", "expect", "evidence", "facts")}]
    for t in row["turns"]:
        t.setdefault("expect", "answer")
        t.setdefault("evidence", [])
        t.setdefault("facts", [])
        t["answerable"] = t["expect"] == "answer"
    row["question"] = row.get("question") or row["turns"][-1]["question"]
    return row


def load_set(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(normalise(json.loads(line)))
            except ValueError as exc:
                raise ValueError(f"{path}:{n}: not JSON ({exc})") from exc
    return rows
