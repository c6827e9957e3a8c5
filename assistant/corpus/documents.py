"""More documents beside the paper: files a user drops into ``corpus/documents/``.

Each file (txt, md, pdf or html) becomes one document with its own id (the file name's stem,
lower-cased, other characters turned into ``-``), its own Chroma collection and its own section
tree read from its Markdown headings: the title (``#``) is the document, each ``##`` heading a
section ``<id>.s1``, ``<id>.s2`` …, each ``###`` under it ``<id>.s2.1`` … An "Abstract"/"摘要"
section is the document's abstract (``<id>.abstract``), a "References"/"参考文献" section its
bibliography (one entry a chunk), the lines between the title and the first heading its front matter
(``<id>.meta``). A Markdown table becomes one chunk per row (caption｜column：cell｜…), like the
paper's table. Citations name the document's title, so answers drawn from two documents never mix
their sources, and a question can be scoped to one document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from assistant.corpus.chunking import Chunk, plain_text_pieces
from assistant.text import language_of

DOCUMENT_SUFFIXES = {".txt", ".md", ".pdf", ".html", ".htm"}
RESERVED_IDS = {"paper", "refs", "meta", "abstract", "intro"}
RE_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
RE_ABSTRACT = re.compile(r"^(?:abstract|summary|摘要|内容摘要)$", re.I)
RE_REFERENCES = re.compile(r"^(?:references|bibliography|works cited|参考文献)$", re.I)
RE_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
RE_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
RE_CAPTION = re.compile(r"^(?:表\s*\d+|Table\s+\d+)[.:：\s]", re.I)
RE_SOURCE = re.compile(r"^(?:资料来源|数据来源|来源|Sources?|Note)[:：]", re.I)
RE_ENTRY = re.compile(r"^\s*\[(\d{1,3})\]\s*(.+)$")


def document_id(path: Path) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    return f"doc-{slug}" if not slug or slug in RESERVED_IDS or re.match(r"^(s\d|ref\d)", slug) else slug


def document_files(folder: Path) -> tuple[list[Path], list[str]]:
    """The readable documents in `folder`, plus warnings for files skipped."""
    if not folder.is_dir():
        return [], []
    files, warnings = [], []
    for path in sorted(folder.iterdir()):
        if (
            not path.is_file()
            or path.name.startswith(".")
            or path.name.lower() in ("readme.md", "readme.txt")
        ):
            continue
        if path.suffix.lower() in DOCUMENT_SUFFIXES:
            files.append(path)
        else:
            warnings.append(f"skipped document {path.name}: not txt, md, pdf or html")
    return files, warnings


@dataclass
class Part:
    """A stretch of the document under one heading."""

    section_id: str
    labels: list[str]  # heading path below the title
    kind: str  # body | abstract | metadata | bibliography
    start: int
    end: int
    tables: list[tuple[int, int]] = field(
        default_factory=list
    )  # spans of Markdown tables (with caption and source)


def _parts(doc_id: str, text: str) -> tuple[str, list[Part]]:
    """The title and the parts under each heading, with hierarchical section ids."""
    lines = list(re.finditer(r"^.*$", text, re.MULTILINE))
    heads = [(m, RE_HEADING.match(m.group())) for m in lines]
    heads = [(m, h) for m, h in heads if h]
    title = next((h.group(2) for _, h in heads if len(h.group(1)) == 1), None)
    title = (title or next((ln.group().strip() for ln in lines if ln.group().strip()), doc_id))[:120]
    sub = [m for m, h in heads if len(h.group(1)) > 1]
    parts = [Part(f"{doc_id}.meta", [], "metadata", 0, sub[0].start() if sub else len(text))]
    counters: list[int] = []
    trail: list[str] = []
    for i, (m, h) in enumerate(heads):
        level = len(h.group(1))
        end = heads[i + 1][0].start() if i + 1 < len(heads) else len(text)
        if level == 1:
            parts[0].start = m.end()
            continue
        depth = level - 2
        label = h.group(2).strip()
        trail = trail[:depth] + [label]
        if depth == 0 and RE_ABSTRACT.match(label):
            parts.append(Part(f"{doc_id}.abstract", [label], "abstract", m.end(), end))
        elif depth == 0 and RE_REFERENCES.match(label):
            parts.append(Part(f"{doc_id}.refs", [label], "bibliography", m.end(), end))
        else:
            counters = counters[: depth + 1] + [0] * max(0, depth + 1 - len(counters))
            counters[depth] += 1
            sid = f"{doc_id}.s" + ".".join(str(c) for c in counters[: depth + 1])
            parts.append(Part(sid, list(trail), "body", m.end(), end))
    return title, parts


def _table_spans(text: str, start: int, end: int) -> list[tuple[int, int, str, list[list[str]], str]]:
    """(start, end, caption, rows, source) of each Markdown table between start and end."""
    lines = [
        (m.start() + start, m.end() + start, m.group())
        for m in re.finditer(r"^.*$", text[start:end], re.MULTILINE)
    ]
    out, i = [], 0
    while i < len(lines):
        if RE_TABLE_ROW.match(lines[i][2]) and i + 1 < len(lines) and RE_TABLE_RULE.match(lines[i + 1][2]):
            first = i
            j = i + 2
            while j < len(lines) and RE_TABLE_ROW.match(lines[j][2]):
                j += 1
            rows = [
                [c.strip() for c in ln[2].strip().strip("|").split("|")]
                for k, ln in enumerate(lines[i:j])
                if k != 1
            ]
            before = [k for k in range(first - 1, max(first - 3, -1), -1) if lines[k][2].strip()]
            cap = before[0] if before and RE_CAPTION.match(lines[before[0]][2].strip()) else None
            after = [k for k in range(j, min(j + 3, len(lines))) if lines[k][2].strip()]
            src = after[0] if after and RE_SOURCE.match(lines[after[0]][2].strip()) else None
            s = lines[cap][0] if cap is not None else lines[first][0]
            e = lines[src][1] if src is not None else lines[j - 1][1]
            out.append(
                (
                    s,
                    e,
                    lines[cap][2].strip() if cap is not None else "",
                    rows,
                    lines[src][2].strip() if src is not None else "",
                )
            )
            i = (src if src is not None else j - 1) + 1
        else:
            i += 1
    return out


def _table_chunks(doc_id: str, part: Part, path: str, heading: str, table, k: int) -> list[Chunk]:
    start, end, caption, rows, source = table
    head, body = rows[0], rows[1:]
    caption = caption or f"Table {k + 1}"
    sid = f"{part.section_id}.t{k + 1}"
    base = {
        "doc_id": doc_id,
        "section_id": sid,
        "section": f"{path} › {caption}",
        "heading": caption,
        "kind": "table",
        "start": start,
        "end": end,
    }
    out = [
        Chunk(
            id=f"{sid}:caption",
            text="｜".join(p for p in (caption, source) if p),
            paragraph=len(body),
            lang=language_of(caption or source),
            **base,
        )
    ]
    for r, row in enumerate(body):
        cells = [f"{h}：{v}" for h, v in zip(head, row, strict=False) if v]
        out.append(
            Chunk(
                id=f"{sid}:r{r}",
                text="｜".join([caption, *cells]),
                paragraph=r,
                lang=language_of(" ".join([caption, *row])),
                **base,
            )
        )
    return out


def _entries(doc_id: str, part: Part, text: str, path: str) -> list[Chunk]:
    out = []
    for m in re.finditer(r"^.*$", text[part.start : part.end], re.MULTILINE):
        if e := RE_ENTRY.match(m.group()):
            n = int(e.group(1))
            out.append(
                Chunk(
                    id=f"{doc_id}.refs:{n}",
                    doc_id=doc_id,
                    text=m.group().strip(),
                    section_id=part.section_id,
                    section=f"{path} [{n}]",
                    heading=part.labels[-1],
                    paragraph=n,
                    kind="bibliography",
                    lang=language_of(e.group(2)),
                    start=part.start + m.start(),
                    end=part.start + m.end(),
                    ref=n,
                )
            )
    return out


def document_chunks(
    doc_id: str, text: str, fallback_title: str, size: int, overlap: int = 0
) -> tuple[str, list[Chunk]]:
    """The document's title and its chunks; chunks never cross a heading, a paragraph or a table."""
    title, parts = _parts(doc_id, text)
    chunks: list[Chunk] = []
    for part in parts:
        path = " › ".join([f"《{title}》", *part.labels])
        heading = part.labels[-1] if part.labels else title
        if part.kind == "bibliography":
            chunks += _entries(doc_id, part, text, path)
            continue
        tables = _table_spans(text, part.start, part.end)
        for k, table in enumerate(tables):
            chunks += _table_chunks(doc_id, part, path, heading, table, k)
        cursor, pieces = part.start, []
        for s, e, *_ in tables + [(part.end, part.end, "", [], "")]:
            pieces.append((cursor, s))
            cursor = e
        p_base = 0
        for a, b in pieces:
            found = list(plain_text_pieces(text[a:b], size, overlap))
            for p_index, c, s, e, piece in found:
                kind = (
                    "abstract"
                    if part.kind == "abstract" or part.kind == "metadata" and _keywords(piece)
                    else part.kind
                )
                chunks.append(
                    Chunk(
                        id=f"{part.section_id}:p{p_base + p_index}:c{c}",
                        doc_id=doc_id,
                        text=piece,
                        section_id=part.section_id,
                        section=path,
                        heading=heading,
                        paragraph=p_base + p_index,
                        kind=kind,
                        lang=language_of(piece),
                        start=a + s,
                        end=a + e,
                    )
                )
            p_base += 1 + max((f[0] for f in found), default=-1)
    return title or fallback_title, chunks


def _keywords(text: str) -> bool:
    return re.match(r"^(?:关键词|关键字|keywords?)\s*[:：]", text.strip(), re.I) is not None
