"""A translated edition of the corpus, read from the files `assistant translate` writes.

``corpus/translations/<document>.<lang>.jsonl`` holds one row per unit (see `assistant.corpus.units`):
the unit's id and content key, its source text, the translation, the model and prompt that made it,
and the checks it passed. `Edition` looks a unit up by its text, so an answer can show the English
of each sentence it quotes, and the index can search the English of each chunk.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, Field

from assistant.corpus.chunking import Chunk
from assistant.corpus.units import LABEL_SEP, chunk_units, neutral, table_parts, unit_key
from assistant.text import language_of


class EditionRow(BaseModel):
    id: str
    key: str  # unit_key(source)
    kind: str
    source: str
    text: str  # the translation
    lang: str  # the language translated into
    model: str
    prompt: str  # hash of the prompt and termbase entries it was made with
    checks: dict[str, bool] = Field(default_factory=dict)  # check name → passed
    attempts: int = 1
    flagged: bool = False  # some check still failed after the retries
    problems: list[str] = Field(default_factory=list)  # what the failing checks found, when flagged


def edition_folders(settings) -> list[Path]:
    """Where editions live: the paper's (and its references') in `edition.translations_dir`, an added
    document's in a ``translations`` folder beside it."""
    return [settings.edition.translations_dir, settings.corpus.documents_dir / "translations"]


def edition_files(folder: Path, lang: str) -> list[Path]:
    return sorted(folder.glob(f"*.{lang}.jsonl")) if folder.is_dir() else []


def read_rows(path: Path) -> list[EditionRow]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    rows.append(EditionRow.model_validate_json(line))
                except ValueError as exc:
                    raise ValueError(f"{path}:{n}: not a translation row ({exc})") from exc
    return rows


def write_rows(path: Path, rows: list[EditionRow]) -> None:
    """Write rows in a stable order, atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r.model_dump(), ensure_ascii=False) + "\n")
    tmp.replace(path)


class Edition:
    """The corpus in `lang`: a unit's text in that language, when the edition has it."""

    def __init__(self, lang: str, rows: list[EditionRow] | None = None):
        self.lang = lang
        self.rows = {r.key: r for r in rows or [] if r.lang == lang}

    @classmethod
    def load(cls, folders: list[Path], lang: str) -> Edition:
        return cls(lang, [r for folder in folders for p in edition_files(folder, lang) for r in read_rows(p)])

    def __len__(self) -> int:
        return len(self.rows)

    def row(self, source: str) -> EditionRow | None:
        return self.rows.get(unit_key(source))

    def text(self, source: str) -> str | None:
        """`source` in this edition's language: itself when already in it, else its translation."""
        if not source.strip() or neutral(source) or language_of(source) == self.lang:
            return source
        row = self.rows.get(unit_key(source))
        return row.text if row else None

    def flagged(self, source: str) -> bool:
        row = self.rows.get(unit_key(source))
        return bool(row and row.flagged)

    def sentences(self, chunk: Chunk) -> list[str] | None:
        """The chunk's quotable units in this language, in order; None when one is missing."""
        if chunk.kind == "table":
            text = self.chunk_text(chunk)
            return None if text is None else [text]
        out = [self.text(u.text) for u in chunk_units(chunk)]
        return None if any(t is None for t in out) else out  # type: ignore[misc]

    def chunk_text(self, chunk: Chunk) -> str | None:
        """The whole chunk in this language (a table row rebuilt from its parts); None when a unit
        is missing."""
        if chunk.kind == "table":
            parts = []
            for label, value in table_parts(chunk.text):
                got = [self.text(p.strip()) if p.strip() else "" for p in (label, value)]
                if any(g is None for g in got):
                    return None
                parts.append(f"{got[0]}: {got[1]}" if label else got[1])
            return " | ".join(parts)
        sentences = self.sentences(chunk)
        return None if sentences is None else " ".join(sentences)

    def label(self, path: str) -> str | None:
        """A section's label path in this language; None when a heading is missing."""
        parts = [self.text(p.strip()) for p in path.split(LABEL_SEP)]
        return None if any(p is None for p in parts) else LABEL_SEP.join(parts)  # type: ignore[arg-type]
