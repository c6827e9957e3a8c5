"""Citations: numbered by first use, each with the quoted sentences in the text's own language and in
the asker's (from the translated edition), and its section path in both."""

from __future__ import annotations

from assistant.answer.contract import CitationOut
from assistant.corpus.chunking import Chunk
from assistant.retrieval.results import Hit

MARK_FLAGGED = "†"  # after a sentence whose machine translation failed an automatic check


class Citer:
    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self.citations: list[CitationOut] = []

    def cite(
        self,
        chunk: Chunk,
        quote: str,
        score: float,
        hit: Hit | None = None,
        shown: str | None = None,
        flagged: bool = False,
    ) -> int:
        """The marker number of `chunk`, its citation gaining `quote` (and its translation `shown`)."""
        if chunk.id not in self.numbers:
            self.numbers[chunk.id] = len(self.numbers) + 1
            c = CitationOut(
                n=self.numbers[chunk.id],
                chunk_id=chunk.id,
                section_id=chunk.section_id,
                section=chunk.section,
                text=chunk.text,
                quote=quote,
                score=round(score, 4),
                kind=chunk.kind,
                ref=chunk.ref,
                lang=chunk.lang,
            )
            if hit is not None and hit.edition is not None:
                setattr(c, f"section_{hit.edition.lang}", hit.edition.section)
            self.citations.append(c)
        c = self.citations[self.numbers[chunk.id] - 1]
        if quote not in c.quote:
            c.quote += " … " + quote
        if shown is not None and shown != quote and hit is not None and hit.edition is not None:
            field = f"quote_{hit.edition.lang}"
            have = getattr(c, field)
            setattr(c, field, shown if not have else have if shown in have else f"{have} … {shown}")
        c.flagged = c.flagged or flagged
        return c.n


def add_other_language(citations: list[CitationOut], index) -> None:
    """Give each citation the translated edition of what it quotes where the answer did not already
    (a Chinese answer's sources get their English, for a reader who wants both)."""
    for c in citations:
        edition = index.editions.get(c.chunk_id)
        chunk = index.chunks.get(c.chunk_id)
        if edition is None or chunk is None or getattr(c, f"quote_{edition.lang}", None):
            continue
        units = [chunk.text[s:e] for s, e in chunk.sentence_spans()]
        quoted = c.quote.split(" … ")
        shown = [
            edition.sentences[k] for k, u in enumerate(units) if u in quoted and k < len(edition.sentences)
        ]
        if shown:
            setattr(c, f"quote_{edition.lang}", " … ".join(shown))
            setattr(c, f"section_{edition.lang}", edition.section)
