"""The corpus: the paper, its reference manifest, and reference full texts a user owns.

``corpus/manifest.json`` lists the bibliography [1]–[24] with parsed fields and a
``file`` slot. A user who owns a reference's full text drops it into
``corpus/references/`` (txt, md, pdf or html) and either names it in that slot or
starts the file name with the number (``12-zhu2023.pdf``). Those texts are chunked
and indexed with the paper; their chunks cite "[n] author year".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from pydantic import BaseModel

from assistant.corpus.chunking import Chunk, plain_text_pieces
from assistant.corpus.document import Paper
from assistant.corpus.documents import document_chunks, document_files, document_id
from assistant.corpus.parser import parse_paper
from assistant.settings import Settings
from assistant.text import language_of

REFERENCE_SUFFIXES = {".txt", ".md", ".pdf", ".html", ".htm"}


class ManifestEntry(BaseModel):
    n: int
    key: str  # "[n] author year"
    authors: list[str]
    year: int | None
    title: str
    type: str
    venue: str
    url: str
    file: str | None = None  # a file in corpus/references/ holding this work's full text


class Manifest(BaseModel):
    paper: str
    title: str
    doi: str
    journal: str = ""  # where the paper appeared (the extracted text does not say)
    issue: str = ""
    references: list[ManifestEntry]


class CorpusError(ValueError):
    """The corpus cannot be read (missing paper, broken manifest, unreadable reference)."""


def manifest_from_paper(paper: Paper, paper_file: str, old: Manifest | None = None) -> Manifest:
    """A manifest for the parsed bibliography, keeping the `file` links of `old`."""
    files = {e.n: e.file for e in old.references} if old else {}
    return Manifest(
        paper=paper_file,
        title=paper.title,
        doi=paper.doi,
        journal=old.journal if old else "",
        issue=old.issue if old else "",
        references=[
            ManifestEntry(
                n=e.n,
                key=e.short,
                authors=e.authors,
                year=e.year,
                title=e.title,
                type=e.type,
                venue=e.venue,
                url=e.url,
                file=files.get(e.n),
            )
            for e in paper.bibliography
        ],
    )


def read_manifest(path: Path) -> Manifest | None:
    if not path.exists():
        return None
    try:
        return Manifest.model_validate_json(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise CorpusError(f"{path} is not a valid reference manifest: {exc}") from exc


class _TextOfHTML(HTMLParser):
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def read_reference_text(path: Path) -> str:
    """Plain text of a reference or document file (txt, md, pdf or html)."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".txt", ".md"):
            return path.read_text(encoding="utf-8")
        if suffix in (".html", ".htm"):
            parser = _TextOfHTML()
            parser.feed(path.read_text(encoding="utf-8"))
            return re.sub(r"[ \t]+", " ", "".join(parser.parts))
        if suffix == ".pdf":
            from pypdf import PdfReader

            return "\n\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    except Exception as exc:  # unreadable file: say which one and why
        raise CorpusError(f"cannot read {path.name}: {exc}") from exc
    raise CorpusError(f"unsupported reference file type: {path.name}")


def reference_chunks(n: int, key: str, text: str, size: int, overlap: int = 0) -> list[Chunk]:
    return [
        Chunk(
            id=f"ref{n}:p{p_index}:c{k}",
            doc_id=f"ref{n}",
            text=body,
            section_id=f"ref{n}",
            section=key,
            heading=key,
            paragraph=p_index,
            kind="reference-text",
            lang=language_of(body),
            start=start,
            end=end,
            ref=n,
        )
        for p_index, k, start, end, body in plain_text_pieces(text, size, overlap)
    ]


def linked_reference_files(manifest: Manifest | None, refs_dir: Path) -> tuple[dict[int, Path], list[str]]:
    """{n: file} from the manifest's `file` slots and from numbered file names, plus warnings."""
    links: dict[int, Path] = {}
    warnings: list[str] = []
    known = {e.n for e in manifest.references} if manifest else set()
    if manifest:
        for e in manifest.references:
            if e.file:
                path = refs_dir / e.file
                if path.is_file():
                    links[e.n] = path
                else:
                    warnings.append(f"manifest links [{e.n}] to {e.file}, which is not in {refs_dir}")
    if refs_dir.is_dir():
        linked = set(links.values())
        for path in sorted(refs_dir.iterdir()):
            if not path.is_file() or path.name.startswith(".") or path in linked:
                continue
            if path.suffix.lower() not in REFERENCE_SUFFIXES:
                if path.name.lower() not in ("readme.md", "readme.txt"):
                    warnings.append(f"skipped {path.name}: not txt, md, pdf or html")
                continue
            m = re.match(r"^\[?(\d{1,3})\]?[\s_.-]", path.name)
            if m and int(m.group(1)) in known and int(m.group(1)) not in links:
                links[int(m.group(1))] = path
            elif path.name.lower() not in ("readme.md", "readme.txt"):
                warnings.append(
                    f"skipped {path.name}: not linked to a reference (name it in the manifest's "
                    "'file' slot or start the file name with the reference number)"
                )
    return links, warnings


@dataclass
class Corpus:
    paper: Paper
    chunks: list[Chunk]
    warnings: list[str] = field(default_factory=list)
    documents: dict[str, str] = field(default_factory=dict)  # added document id → title


def load_corpus(settings: Settings) -> Corpus:
    from assistant.corpus.chunking import chunk_paper

    c = settings.corpus
    if not c.paper.is_file():
        raise CorpusError(f"the paper text is missing: {c.paper}")
    paper = parse_paper(c.paper.read_text(encoding="utf-8"))
    size, overlap = settings.chunking.size, settings.chunking.overlap_sentences
    chunks = chunk_paper(paper, size, overlap)
    manifest = read_manifest(c.manifest) or manifest_from_paper(paper, c.paper.name)
    links, warnings = linked_reference_files(manifest, c.references_dir)
    keys = {e.n: e.key for e in manifest.references}
    for n, path in sorted(links.items()):
        text = read_reference_text(path)
        if not text.strip():
            warnings.append(f"{path.name} has no extractable text")
            continue
        chunks.extend(reference_chunks(n, keys[n], text, size, overlap))
    documents: dict[str, str] = {}
    files, skipped = document_files(c.documents_dir)
    warnings += skipped
    for path in files:
        doc_id = document_id(path)
        if doc_id in documents:
            warnings.append(f"skipped document {path.name}: its id {doc_id!r} is taken by another file")
            continue
        text = read_reference_text(path)
        if not text.strip():
            warnings.append(f"document {path.name} has no extractable text")
            continue
        documents[doc_id], doc_chunks = document_chunks(doc_id, text, path.stem, size, overlap)
        chunks.extend(doc_chunks)
    return Corpus(paper=paper, chunks=chunks, warnings=warnings, documents=documents)
