"""Turn the paper's raw extracted text into a `Paper`.

The raw text is a PDF extraction: one block per line, blank lines between blocks,
sentences split where pages broke, and the author/funding notes dropped into the
middle of section 一. The parser walks the blocks once, tracks the current section,
rejoins split paragraphs, and lifts notes, the table, the bibliography and the
English back matter out of the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.corpus.citations import resolve_citations
from assistant.corpus.document import (
    BibEntry,
    Paper,
    Paragraph,
    Section,
    Segment,
    Table,
    TableRow,
)
from assistant.text import language_of

CN_NUM = "一二三四五六七八九十"
RE_H1 = re.compile(rf"^([{CN_NUM}]+)、\s*(\S.*)$")
RE_H2 = re.compile(rf"^[(（]([{CN_NUM}]+)[)）]\s*(\S.*)$")
RE_H3 = re.compile(r"^(\d{1,2})\.\s*(\S.*)$")
RE_TABLE = re.compile(r"^表(\d+)\s*(\S.*)$")
RE_BIB = re.compile(r"^-?\s*\[(\d+)\]\s*(.+)$")
SENTENCE_END = tuple("。！？；!?”」）)")
HEADING_MAX = 45


@dataclass
class Block:
    text: str  # the line, stripped
    start: int  # offsets of `text` in the raw paper text
    end: int
    line: str = ""  # the line as it was (table rows keep their leading tabs here)


class ParseError(ValueError):
    """The text does not look like the paper this parser was written for."""


def blocks_of(text: str) -> list[Block]:
    out: list[Block] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            out.append(Block(stripped, pos + lead, pos + lead + len(stripped), body))
        pos += len(line)
    return out


def _heading(text: str) -> tuple[int, str, str] | None:
    """(level, number, title) when a block is a section heading."""
    if len(text) > HEADING_MAX or text.endswith("。"):
        return None
    for level, rx in ((1, RE_H1), (2, RE_H2), (3, RE_H3)):
        m = rx.match(text)
        if m:
            return level, m.group(1), m.group(2).strip()
    return None


def _split_list(value: str) -> list[str]:
    return [p.strip() for p in re.split(r"[;；,，]\s*|\s{1,}", value) if p.strip()]


class _Builder:
    def __init__(self) -> None:
        self.sections: list[Section] = []
        self.paragraphs: list[Paragraph] = []
        self.tables: list[Table] = []
        self.bib: list[BibEntry] = []
        self.stack: list[Section] = []  # current heading path
        self.counters: dict[str | None, int] = {}
        self.open_para: Paragraph | None = None

    # sections -------------------------------------------------------------
    def add_section(self, sid: str, label: str, level: int, parent: str | None) -> Section:
        path = [s.label for s in self.stack] + [label] if level else [label]
        sec = Section(id=sid, label=label, level=level, parent=parent, path=path)
        self.sections.append(sec)
        return sec

    def heading(self, level: int, label: str) -> None:
        self.close_para()
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        parent = self.stack[-1].id if self.stack else None
        n = self.counters.get(parent, 0) + 1
        self.counters[parent] = n
        sid = f"{parent}.{n}" if parent else f"s{n}"
        sec = self.add_section(sid, label, level, parent)
        self.stack.append(sec)

    def current(self) -> str:
        return self.stack[-1].id if self.stack else "intro"

    # paragraphs -----------------------------------------------------------
    def close_para(self) -> None:
        para = self.open_para
        if para and para.kind == "body" and not para.text.endswith(SENTENCE_END):
            self.open_para.truncated = True
        self.open_para = None

    def body(self, block: Block, section_id: str | None = None, kind: str = "body") -> None:
        sid = section_id or self.current()
        para = self.open_para
        joins = kind == "body" and para is not None and para.section_id == sid
        if joins and not para.text.endswith(SENTENCE_END):
            para.text += block.text
            para.segments.append(Segment(start=block.start, end=block.end))
        else:
            self.close_para()
            index = sum(1 for p in self.paragraphs if p.section_id == sid)
            para = Paragraph(
                section_id=sid,
                index=index,
                text=block.text,
                kind=kind,
                lang=language_of(block.text),
                segments=[Segment(start=block.start, end=block.end)],
            )
            self.paragraphs.append(para)
        self.open_para = para if kind == "body" and not para.text.endswith(SENTENCE_END) else None


def _parse_table(blocks: list[Block], i: int, section_id: str) -> tuple[Table, int]:
    cap = blocks[i]
    m = RE_TABLE.match(cap.text)
    assert m
    number = m.group(1)
    i += 1
    columns = [c.strip() for c in blocks[i].text.split("\t")]
    i += 1
    rows: list[TableRow] = []
    category = ""
    while i < len(blocks) and "\t" in blocks[i].line:
        b = blocks[i]
        cells = [c.strip() for c in b.line.split("\t")]
        cells += [""] * (4 - len(cells))
        category = cells[0] or category
        rows.append(
            TableRow(
                category=category,
                factor=cells[1],
                stage1=cells[2],
                stage2=cells[3],
                start=b.start,
                end=b.end,
            )
        )
        i += 1
    source = ""
    if i < len(blocks) and blocks[i].text.startswith("资料来源"):
        source = blocks[i].text
        i += 1
    table = Table(
        id=f"{section_id}.t{number}",
        section_id=section_id,
        caption=cap.text,
        columns=columns,
        rows=rows,
        source=source,
        start=cap.start,
        end=blocks[i - 1].end,
    )
    return table, i


RE_BIB_BODY = re.compile(
    r"^(?P<authors>.+?)\.\s*(?P<title>.+?)\s*\[(?P<type>[A-Z]+(?:/[A-Z]+)?)\]\.?\s*(?P<"
    r"rest>.*)$"
)
RE_YEAR = re.compile(r"(?<!\d)(19\d{2}|20\d{2})(?!\d)")
RE_URL = re.compile(r"<?(https?://[^\s>]+)>?")


def parse_bib_entry(n: int, body: str, start: int, end: int) -> BibEntry:
    body = re.sub(r"\s+", " ", body).strip()
    m = RE_BIB_BODY.match(body)
    if not m:
        return BibEntry(n=n, raw=body, authors=[], title=body, start=start, end=end)
    authors = [a.strip() for a in re.split(r"[,，]\s*", m.group("authors")) if a.strip()]
    authors = [a for a in authors if a not in ("等", "et al")]
    rest = m.group("rest")
    url_m = RE_URL.search(rest)
    url = url_m.group(1).rstrip(".") if url_m else ""
    no_url = RE_URL.sub("", rest)
    outside = re.sub(r"\[[^\]]*\]", "", no_url)  # drop [access dates]
    year_m = RE_YEAR.search(outside)
    access = False
    if year_m:
        year = int(year_m.group(1))
        venue = outside[: year_m.start()]
    else:
        any_m = RE_YEAR.search(no_url)
        year = int(any_m.group(1)) if any_m else None
        access = year is not None
        venue = ""
    venue = re.sub(r"\([^)]*\)?", "", venue).strip(" ,.:;")
    return BibEntry(
        n=n,
        raw=body,
        authors=authors,
        year=year,
        year_is_access_date=access,
        title=m.group("title").strip(),
        type=m.group("type"),
        venue=venue,
        url=url,
        start=start,
        end=end,
    )


FIELDS = (  # front-matter lines: (how the line starts, field, section, kind)
    ("内容摘要", "abstract", "abstract", "abstract"),
    ("关键词", "keywords", "abstract", "abstract"),
)


def _field(b: _Builder, blk: Block, fields: dict[str, str]) -> bool:
    """Read a front-matter line (abstract, keywords, DOI, the notes) into `fields`; False when it is none."""
    t = blk.text
    for start, name, section, kind in FIELDS:
        if t.startswith(start):
            fields[name] = t.split("：", 1)[-1].split(":", 1)[-1].strip()
            b.body(blk, section, kind)
            return True
    if t.upper().startswith("DOI"):
        fields["doi"] = t.split(":", 1)[-1].split("：", 1)[-1].strip()
        b.body(blk, "meta", "metadata")
        return True
    for tag, name in (("[课题信息]", "funding"), ("[作者信息]", "author_note")):
        if t.startswith(tag):
            fields[name] = t.split("]", 1)[1].strip()
            _note(b, blk)
            return True
    return False


def _bibliography(b: _Builder, blocks: list[Block], i: int) -> int:
    """Read the entries from `i` on; the index of the first block after them (the English back matter)."""
    while i < len(blocks):
        blk, t = blocks[i], blocks[i].text
        if m := RE_BIB.match(t):
            b.bib.append(parse_bib_entry(int(m.group(1)), m.group(2), blk.start, blk.end))
        elif t.startswith("-") and b.bib:  # an entry split by a page break
            last = b.bib[-1]
            b.bib[-1] = parse_bib_entry(last.n, last.raw + " " + t.lstrip("- ").strip(), last.start, blk.end)
        else:
            return i
        i += 1
    return i


def _body(b: _Builder, blocks: list[Block], fields: dict[str, str]) -> int:
    """Walk the body from the third block: sections, paragraphs, notes, the table; the index where
    the bibliography starts (or the end)."""
    i = 2
    while i < len(blocks):
        blk, t = blocks[i], blocks[i].text
        if _field(b, blk, fields):
            pass
        elif t == "参考文献":
            b.close_para()
            b.stack = []
            b.add_section("refs", "参考文献", 0, None)
            return i + 1
        elif RE_TABLE.match(t) and i + 1 < len(blocks) and "\t" in blocks[i + 1].line:
            sid = b.current()
            table, i = _parse_table(blocks, i, sid)
            b.add_section(table.id, table.caption, len(b.stack) + 1, sid)
            b.tables.append(table)
            continue
        elif (h := _heading(t)) is not None:
            b.heading(h[0], t if h[0] == 1 else _tidy_label(t))
        else:
            b.body(blk)
        i += 1
    return i


def parse_paper(text: str) -> Paper:
    """Parse the paper's raw text. Raises `ParseError` when the layout is not recognised."""
    blocks = blocks_of(text)
    if len(blocks) < 5:
        raise ParseError("the paper text is empty or too short to parse")
    b = _Builder()
    b.add_section("meta", "题目与作者信息", 0, None)
    b.add_section("abstract", "内容摘要", 0, None)
    b.add_section("intro", "引言", 0, None)
    b.body(blocks[0], "meta", "metadata")
    b.body(blocks[1], "meta", "metadata")
    fields: dict[str, str] = {}
    refs = _body(b, blocks, fields)
    english_from = _bibliography(b, blocks, refs)
    b.close_para()
    if not b.bib:
        raise ParseError("no bibliography (参考文献) found")
    if not any(s.level == 1 for s in b.sections):
        raise ParseError("no numbered sections (一、…) found")
    english = _english_back_matter(b, blocks[english_from:]) if english_from < len(blocks) else {}
    paper = Paper(
        title=blocks[0].text,
        authors=blocks[1].text.split(),
        doi=fields.get("doi", ""),
        abstract=fields.get("abstract", ""),
        keywords=_split_list(fields.get("keywords", "")),
        funding_note=fields.get("funding", ""),
        author_note=fields.get("author_note", ""),
        **english,
        sections=b.sections,
        paragraphs=b.paragraphs,
        tables=b.tables,
        bibliography=b.bib,
        citations=[],
        text=text,
    )
    paper.citations = resolve_citations(paper)
    return paper


def _tidy_label(text: str) -> str:
    """'(一)效率优先…' and '(一) 区域联盟化' print alike: '(一) 效率优先…'."""
    m = RE_H2.match(text)
    if m:
        return f"({m.group(1)}) {m.group(2).strip()}"
    m = RE_H3.match(text)
    if m:
        return f"{m.group(1)}. {m.group(2).strip()}"
    return text


def _note(b: _Builder, blk: Block) -> None:
    """Author/funding notes go to the front matter; the paragraph they interrupted stays open."""
    keep = b.open_para
    b.open_para = None
    b.body(blk, "meta", "metadata")
    b.open_para = keep


def _english_back_matter(b: _Builder, blocks: list[Block]) -> dict:
    """Paper fields of the English title block, abstract, keywords and JEL codes."""
    b.add_section("abstract.en", "English title, abstract and keywords", 0, None)
    out: dict = {}
    for k, blk in enumerate(blocks):
        t = blk.text
        low = t.lower()
        if t.startswith("(责任编辑") or t.startswith("（责任编辑"):
            out["editors"] = re.sub(r"^[(（]责任编辑[:：]|[)）]$", "", t).split()
            b.body(blk, "meta", "metadata")
            continue
        if k == 0:
            out["title_en"] = t
        elif low.startswith("abstract"):
            out["abstract_en"] = t.split(":", 1)[1].strip()
        elif low.startswith("keywords"):
            out["keywords_en"] = [x.strip() for x in t.split(":", 1)[1].split(";") if x.strip()]
        elif low.startswith("jel"):
            out["jel"] = [x.strip() for x in re.split(r"[,，]", t.split(":", 1)[1]) if x.strip()]
        elif t.startswith("(") or t.startswith("（"):
            out["affiliation_en"] = t.strip("()（）")
        elif "authors_en" not in out:
            out["authors_en"] = _english_names(t)
        b.body(blk, "abstract.en", "abstract")
    return out


def _english_names(line: str) -> list[str]:
    """'GUO Ruonan CHEN Yihao' -> ['GUO Ruonan', 'CHEN Yihao'] (surname in capitals)."""
    names: list[str] = []
    for tok in line.split():
        if tok.isupper() or not names:
            names.append(tok)
        else:
            names[-1] += " " + tok
    return names
