"""More documents beside the paper: files a user drops into ``corpus/documents/``.

Each file (txt, md, pdf or html) becomes one document with its own id (the file
name's stem, lower-cased, other characters turned into ``-``), its own Chroma
collection and its own section ids (``<id>``, ``<id>.s1``, ``<id>.s2`` …, one per
Markdown heading). Citations name the document's title, so answers drawn from two
papers never mix their sources, and a question can be scoped to one document.
"""

from __future__ import annotations

import re
from pathlib import Path

from assistant.chunking import Chunk, plain_text_pieces
from assistant.text import language_of

DOCUMENT_SUFFIXES = {".txt", ".md", ".pdf", ".html", ".htm"}
RESERVED_IDS = {"paper", "refs", "meta", "abstract", "intro"}
RE_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")


def document_id(path: Path) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    return f"doc-{slug}" if not slug or slug in RESERVED_IDS or re.match(r"^(s\d|ref\d)", slug) else slug


def document_files(folder: Path) -> tuple[list[Path], list[str]]:
    """The readable documents in `folder`, plus warnings for files skipped."""
    if not folder.is_dir():
        return [], []
    files, warnings = [], []
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.name.startswith(".") or path.name.lower() in ("readme.md", "readme.txt"):
            continue
        if path.suffix.lower() in DOCUMENT_SUFFIXES:
            files.append(path)
        else:
            warnings.append(f"skipped document {path.name}: not txt, md, pdf or html")
    return files, warnings


def _sections(text: str) -> list[tuple[int, str, int, int]]:
    """(level, heading, start, end) for each Markdown heading's body; level 0 is the text before any."""
    marks = [(0, "", 0, 0)]
    for m in re.finditer(r"^.*$", text, re.MULTILINE):
        h = RE_HEADING.match(m.group(0))
        if h:
            marks.append((len(h.group(1)), h.group(2), m.start(), m.end()))
    out = []
    for i, (level, heading, _start, body_start) in enumerate(marks):
        body_end = marks[i + 1][2] if i + 1 < len(marks) else len(text)
        out.append((level, heading, body_start, body_end))
    return out


def document_chunks(doc_id: str, text: str, fallback_title: str, size: int, overlap: int = 0) -> tuple[str, list[Chunk]]:
    """The document's title and its chunks; chunks never cross a heading or a paragraph."""
    sections = _sections(text)
    top = [s for s in sections if s[0] == 1]
    title = top[0][1] if top else next((ln.strip() for ln in text.splitlines() if ln.strip()), fallback_title)
    title = title[:120]
    chunks: list[Chunk] = []
    path: list[tuple[int, str]] = []  # the heading trail above the current section
    for k, (level, heading, start, end) in enumerate(sections):
        if level:
            path = [p for p in path if p[0] < level] + [(level, heading)]
        labels = [h for _, h in path if h != title]
        section_id = f"{doc_id}.s{k}" if k else doc_id
        label_path = " › ".join([f"《{title}》", *labels])
        chunks += [
            Chunk(id=f"{section_id}:p{p_index}:c{c}", doc_id=doc_id, text=piece, section_id=section_id,
                  section=label_path, heading=labels[-1] if labels else title, paragraph=p_index, kind="body",
                  lang=language_of(piece), start=start + s, end=start + e)
            for p_index, c, s, e, piece in plain_text_pieces(text[start:end], size, overlap)
        ]
    return title, chunks
