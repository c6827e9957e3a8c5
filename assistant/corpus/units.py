"""The units a corpus is translated in, and the way an edition is put back together from them.

Citations quote sentences, so a translated edition is aligned sentence by sentence: every
quotable unit of a chunk (a body sentence, a note, a bibliography entry), every section heading and
every table caption, column head and cell is one unit. A unit is known by the hash of its text, so
a translation stays valid wherever the chunker puts its sentence, and a changed sentence needs only
itself translated again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.corpus.chunking import Chunk
from assistant.text import language_of

ROW_SEP, CELL_SEP = "｜", "："  # how a table row chunk joins its parts ("caption｜column：cell｜…")
LABEL_SEP = " › "


def neutral(text: str) -> bool:
    """Text in no language (a figure, a year, a symbol): the same in every edition."""
    return not any(ch.isalpha() for ch in text)


def unit_key(text: str) -> str:
    """The content address of a unit: its text with whitespace runs made one space."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True)
class Unit:
    id: str  # where it was first seen: "s3:p2:c0#1", "heading:s2.1", "cell:s2.t1:r3:2"
    kind: str  # sentence | heading | cell | note | reference
    text: str
    lang: str
    doc_id: str

    @property
    def key(self) -> str:
        return unit_key(self.text)


def table_parts(text: str) -> list[tuple[str, str]]:
    """A table row chunk's parts as (label, value): the caption has no label."""
    out = []
    for part in text.split(ROW_SEP):
        label, sep, value = part.partition(CELL_SEP)
        out.append((label, value) if sep else ("", part))
    return out


def chunk_units(chunk: Chunk) -> list[Unit]:
    """The units of one chunk: its sentences; a table row's caption, labels and cells."""
    if chunk.kind == "table":
        out = []
        for k, (label, value) in enumerate(table_parts(chunk.text)):
            for j, piece in enumerate((label, value)):
                if piece.strip():
                    out.append(
                        Unit(
                            f"cell:{chunk.id}:{k}.{j}",
                            "cell",
                            piece.strip(),
                            language_of(piece),
                            chunk.doc_id,
                        )
                    )
        return out
    kind = {"bibliography": "reference", "metadata": "note"}.get(chunk.kind, "sentence")
    return [
        Unit(f"{chunk.id}#{k}", kind, chunk.text[s:e], language_of(chunk.text[s:e]), chunk.doc_id)
        for k, (s, e) in enumerate(chunk.sentence_spans())
    ]


def heading_units(chunks: Iterable[Chunk]) -> list[Unit]:
    """One unit per section label on the chunks' label paths."""
    seen: dict[str, Unit] = {}
    for c in chunks:
        for depth, label in enumerate(c.section.split(LABEL_SEP)):
            label = label.strip()
            if label and label not in seen:
                seen[label] = Unit(
                    f"heading:{c.section_id}:{depth}", "heading", label, language_of(label), c.doc_id
                )
    return list(seen.values())


def corpus_units(chunks: Iterable[Chunk]) -> list[Unit]:
    """Every unit of the chunks, each text once (the first place it is seen keeps its id)."""
    chunks = list(chunks)
    seen: dict[str, Unit] = {}
    for c in chunks:
        for u in chunk_units(c):
            seen.setdefault(u.key, u)
    for u in heading_units(chunks):
        seen.setdefault(u.key, u)
    return list(seen.values())
