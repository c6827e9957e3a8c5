"""The paper as structured data: the model that the parser fills and the chunker reads."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Section(BaseModel):
    """A node of the section tree (一、… / (一)… / 1. …) or a front/back-matter part."""

    id: str  # stable id: "intro", "s2", "s2.1", "s3.2.4", "refs", "abstract.en", …
    label: str  # as printed: "二、全球产业链未来变动趋势", "(一) 区域联盟化", "1. 产业空心化"
    level: int  # 0 = front/back matter, 1 = 一、, 2 = (一), 3 = 1.
    parent: str | None = None
    path: list[str] = Field(default_factory=list)  # labels from the top level down to this one

    @property
    def label_path(self) -> str:
        return " › ".join(self.path)


class Segment(BaseModel):
    """A piece of a paragraph as it lies in the raw text (page breaks split paragraphs)."""

    start: int
    end: int


class Paragraph(BaseModel):
    section_id: str
    index: int  # position inside its section, from 0
    text: str
    kind: str = "body"  # body | abstract | metadata
    lang: str = "zh"
    segments: list[Segment]  # raw-text spans whose concatenation is `text`
    truncated: bool = False  # the extraction cut the paragraph short

    @property
    def start(self) -> int:
        return self.segments[0].start

    @property
    def end(self) -> int:
        return self.segments[-1].end

    def raw_offset(self, pos: int) -> int:
        """Map an offset inside `text` to an offset in the raw paper text."""
        for seg in self.segments:
            length = seg.end - seg.start
            if pos <= length:
                return seg.start + pos
            pos -= length
        return self.segments[-1].end


class TableRow(BaseModel):
    category: str
    factor: str
    stage1: str  # 初期：效率优先
    stage2: str  # 当前：兼顾效率与安全
    start: int
    end: int


class Table(BaseModel):
    id: str  # e.g. "s2.t1"
    section_id: str  # section the table sits in
    caption: str
    columns: list[str]
    rows: list[TableRow]
    source: str = ""  # 资料来源 line
    start: int
    end: int


class BibEntry(BaseModel):
    n: int
    raw: str
    authors: list[str]
    year: int | None = None
    year_is_access_date: bool = False  # no publication year; the year comes from the access date
    title: str
    type: str = ""  # GB/T 7714 type code: J, M, R, EB/OL, …
    venue: str = ""
    url: str = ""
    start: int
    end: int

    @property
    def short(self) -> str:
        """ "[n] first-author year", the form reference-text citations point at."""
        who = self.authors[0] if self.authors else "?"
        if who.isupper() and " " in who:  # "BALDWIN R" -> "Baldwin"
            who = who.split()[0].capitalize()
        return f"[{self.n}] {who} {self.year or 'n.d.'}"


class Citation(BaseModel):
    """An in-text citation such as （朱锋，2023） or (Eaton et al., 2002)."""

    text: str  # one cited work as written: "Eaton et al., 2002"
    author: str
    year: int | None
    et_al: bool
    start: int  # offsets of the whole parenthesis in the raw text
    end: int
    section_id: str
    ref: int | None = None  # bibliography number, None when unresolved


class Paper(BaseModel):
    title: str
    authors: list[str]
    doi: str = ""
    abstract: str = ""
    keywords: list[str] = Field(default_factory=list)
    funding_note: str = ""
    author_note: str = ""
    title_en: str = ""
    authors_en: list[str] = Field(default_factory=list)
    affiliation_en: str = ""
    abstract_en: str = ""
    keywords_en: list[str] = Field(default_factory=list)
    jel: list[str] = Field(default_factory=list)
    editors: list[str] = Field(default_factory=list)
    sections: list[Section]
    paragraphs: list[Paragraph]
    tables: list[Table]
    bibliography: list[BibEntry]
    citations: list[Citation]
    text: str  # the raw text everything points into

    def section(self, section_id: str) -> Section:
        for s in self.sections:
            if s.id == section_id:
                return s
        raise KeyError(section_id)

    def entry(self, n: int) -> BibEntry:
        for e in self.bibliography:
            if e.n == n:
                return e
        raise KeyError(n)

    @property
    def unresolved_citations(self) -> list[Citation]:
        return [c for c in self.citations if c.ref is None]
