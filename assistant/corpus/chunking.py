"""Sentence-aware chunking that never crosses a section (or a paragraph).

Chinese sentences end in 。！？； (a closing quote or bracket stays with its sentence);
English ones in . ! ? followed by a space. Sentences are packed greedily up to the
target size; a sentence longer than the target stays whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from assistant.corpus.document import Paper, Paragraph, Table

CHUNKER_VERSION = "3"

RE_SENTENCE = re.compile(
    r"""
    .+?                                   # shortest run of text …
    (?:
        [。！？；!?]+[”’"'」』）)]*          # … up to Chinese (or !/?) end punctuation
      | \.(?=\s+[A-Z(\[“"])                 # … or an English full stop before a capital
      | $
    )
    """,
    re.VERBOSE | re.DOTALL,
)


class Chunk(BaseModel):
    id: str
    doc_id: str = "paper"
    text: str
    section_id: str
    section: str  # label path, e.g. "三、全球产业链变化对我国的影响 › (二) 消极影响 › 1. 产业空心化"
    heading: str = ""  # the leaf section's own label, used to give retrieval context
    paragraph: int
    kind: str  # body | abstract | table | bibliography | metadata | reference-text
    lang: str
    start: int  # char offsets into the source text (the paper, or the reference file)
    end: int
    ref: int | None = None  # bibliography number for bibliography / reference-text chunks
    cites: list[int] = []  # bibliography numbers cited inside this chunk

    def sentence_spans(self) -> list[tuple[int, int]]:
        """The units an answer may quote: sentences; a whole entry, table row or note."""
        if self.kind in ("bibliography", "table", "metadata"):
            return [(0, len(self.text))]
        return split_sentences(self.text)

    @property
    def context_text(self) -> str:
        """What retrieval sees (embedder and BM25): body and table chunks with their heading."""
        if self.kind in ("body", "table") and self.heading:
            return f"{self.heading}：{self.text}"
        return self.text

    def metadata(self) -> dict:
        """Flat metadata for Chroma (scalars only)."""
        data = self.model_dump(exclude={"text", "cites", "ref"})
        data["ref"] = self.ref if self.ref is not None else -1
        data["cites"] = ",".join(str(n) for n in self.cites)
        return data

    @classmethod
    def from_metadata(cls, text: str, meta: dict) -> Chunk:
        data = dict(meta)
        data["ref"] = None if data.get("ref", -1) == -1 else data["ref"]
        data["cites"] = [int(n) for n in str(data.get("cites", "")).split(",") if n]
        return cls(text=text, **data)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) covering `text`, whitespace between them left out."""
    spans = []
    for m in RE_SENTENCE.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def pack(spans: list[tuple[int, int]], size: int, overlap: int = 0) -> list[tuple[int, int]]:
    """Group sentence spans into chunk spans of about `size` characters."""
    groups: list[list[tuple[int, int]]] = []
    cur: list[tuple[int, int]] = []
    for span in spans:
        if cur and span[1] - cur[0][0] > size:
            groups.append(cur)
            cur = cur[-overlap:] if overlap else []
        cur.append(span)
    if cur and (not groups or cur[-1] != groups[-1][-1]):
        groups.append(cur)
    return [(g[0][0], g[-1][1]) for g in groups]


RE_PLAIN_PARAGRAPH = re.compile(r"\S(?:.|\n(?!\s*\n))*")  # a run of lines up to a blank line


def plain_text_pieces(text: str, size: int, overlap: int = 0) -> Iterator[tuple[int, int, int, int, str]]:
    """Chunks of plain text (paragraphs split at blank lines, sentences packed to `size`):
    (paragraph index, chunk index in it, start, end, text with its line breaks joined)."""
    for p_index, m in enumerate(RE_PLAIN_PARAGRAPH.finditer(text)):
        para = m.group(0)
        for k, (s, e) in enumerate(pack(split_sentences(para), size, overlap)):
            yield p_index, k, m.start() + s, m.start() + e, re.sub(r"\s*\n\s*", " ", para[s:e])


def _paragraph_chunks(paper: Paper, para: Paragraph, size: int, overlap: int) -> list[Chunk]:
    sec = paper.section(para.section_id)
    out = []
    spans = pack(split_sentences(para.text), size, overlap)
    for k, (s, e) in enumerate(spans):
        start, end = para.raw_offset(s), para.raw_offset(e)
        cites = sorted({c.ref for c in paper.citations if c.ref and start <= c.start < end})
        out.append(
            Chunk(
                id=f"{para.section_id}:p{para.index}:c{k}",
                text=para.text[s:e],
                section_id=para.section_id,
                section=sec.label_path,
                heading=sec.label,
                paragraph=para.index,
                kind=para.kind,
                lang=para.lang,
                start=start,
                end=end,
                cites=cites,
            )
        )
    return out


def table_row_text(table: Table, k: int) -> str:
    row = table.rows[k]
    cols = table.columns
    parts = [table.caption, f"{cols[0]}：{row.category}", f"{cols[1]}：{row.factor}"]
    if row.stage1:
        parts.append(f"{cols[2]}：{row.stage1}")
    if row.stage2:
        parts.append(f"{cols[3]}：{row.stage2}")
    return "｜".join(parts)


def _table_chunks(paper: Paper, table: Table) -> list[Chunk]:
    sec = paper.section(table.id)
    about = Chunk(  # the caption and the source note, so "where is 表1 from" has an answer
        id=f"{table.id}:caption",
        text="｜".join(p for p in (table.caption, table.source) if p),
        section_id=table.id,
        section=sec.label_path,
        heading=sec.label,
        paragraph=len(table.rows),
        kind="table",
        lang="zh",
        start=table.start,
        end=table.end,
    )
    return [about] + [
        Chunk(
            id=f"{table.id}:r{k}",
            text=table_row_text(table, k),
            section_id=table.id,
            section=sec.label_path,
            heading=sec.label,
            paragraph=k,
            kind="table",
            lang="zh",
            start=row.start,
            end=row.end,
        )
        for k, row in enumerate(table.rows)
    ]


def chunk_paper(paper: Paper, size: int = 300, overlap: int = 0) -> list[Chunk]:
    chunks: list[Chunk] = []
    for para in paper.paragraphs:
        chunks.extend(_paragraph_chunks(paper, para, size, overlap))
    for table in paper.tables:
        chunks.extend(_table_chunks(paper, table))
    refs = paper.section("refs")
    for e in paper.bibliography:
        chunks.append(
            Chunk(
                id=f"refs:{e.n}",
                text=f"[{e.n}] {e.raw}",
                section_id="refs",
                section=f"{refs.label} [{e.n}]",
                heading=refs.label,
                paragraph=e.n,
                kind="bibliography",
                lang="zh" if any("\u4e00" <= ch <= "\u9fff" for ch in e.raw) else "en",
                start=e.start,
                end=e.end,
                ref=e.n,
            )
        )
    return chunks
