"""Questions about the paper itself: title, authors, affiliations, journal and issue, DOI, keywords,
JEL codes, funding, editor, contact, however they are worded ("这篇文章发表在哪个期刊？").

The answer quotes the front-matter passage that gives each field (for an English question, the
paper's own English front matter where it has one), and names the journal and issue recorded in the
corpus manifest next to the DOI they belong to. For an added document, its title line, author line
and keywords are its front matter.
"""

from __future__ import annotations

import re

from assistant.answer.base import AnswerContext
from assistant.answer.overview import Lines
from assistant.answer.sentences import sentence_of
from assistant.corpus.chunking import Chunk
from assistant.retrieval.results import Retrieval
from assistant.text import cedict

# a front-matter line that names its own field: "关键词：…", "Keywords: …", "[课题信息] …"
RE_OWN_LABEL = re.compile(r"^\s*(?:\[[^\]]{1,12}\]|【[^】]{1,12}】|[^\s：:，,。]{1,16}[：:])")
RE_ORIGINAL = re.compile(r"\b(?:chinese|original|both)\b", re.I)  # the title as printed in Chinese too
LABELS = {
    "title": ("题目", "Title"),
    "authors": ("作者", "Authors"),
    "affiliation": ("作者单位", "Affiliation"),
    "positions": ("作者简介", "About the authors"),
    "journal": ("期刊", "Journal"),
    "issue": ("期次", "Issue"),
    "doi": ("DOI", "DOI"),
    "keywords": ("关键词", "Keywords"),
    "jel": ("JEL分类号", "JEL codes"),
    "funding": ("资助", "Funding"),
    "editor": ("责任编辑", "Editors"),
    "contact": ("通讯作者", "Corresponding author"),
}


def _paper(context: AnswerContext):
    if "paper" not in context.cache:
        from assistant.corpus.loader import read_manifest
        from assistant.corpus.parser import parse_paper

        c = context.settings.corpus
        context.cache["paper"] = (parse_paper(c.paper.read_text(encoding="utf-8")), read_manifest(c.manifest))
    return context.cache["paper"]


def _chunk_with(text: str, context: AnswerContext, document: str, prefer: str | None = None) -> Chunk | None:
    if not text:
        return None
    found = [
        c
        for c in context.index.chunks.values()
        if c.doc_id == document and text in c.text and c.kind in ("metadata", "abstract", "body")
    ]
    found.sort(key=lambda c: (c.section_id != prefer, c.start))
    return found[0] if found else None


def paper_fields(lang: str, context: AnswerContext) -> dict[str, Chunk | None]:
    """Each field's passage in the paper, the English front matter first for an English question."""
    paper, _ = _paper(context)
    en = lang == "en"

    def pick(zh: str, english: str = "") -> Chunk | None:
        return (en and _chunk_with(english, context, "paper", "abstract.en")) or _chunk_with(
            zh, context, "paper"
        )

    return {
        "title": pick(paper.title, paper.title_en),
        "authors": pick(" ".join(paper.authors), " ".join(paper.authors_en)),
        "affiliation": pick(paper.author_note[:20], paper.affiliation_en),
        "positions": _chunk_with(paper.author_note[:20], context, "paper"),  # only the author note says
        "doi": pick(paper.doi),
        "journal": pick(paper.doi),
        "issue": pick(paper.doi),
        "keywords": pick("关键词", "Keywords"),
        "jel": pick("JEL", "JEL"),
        "funding": pick(paper.funding_note[:20]),
        "editor": pick("责任编辑"),
        "contact": pick(paper.author_note[:20]),
    }


def document_fields(document: str, context: AnswerContext) -> dict[str, Chunk | None]:
    meta = [
        c
        for c in context.index.chunks.values()
        if c.section_id == f"{document}.meta" and c.kind == "metadata"
    ]
    keywords = [
        c
        for c in context.index.chunks.values()
        if c.doc_id == document and c.kind == "abstract" and c.text.lower().startswith(("关键词", "keywords"))
    ]
    first = meta[0] if meta else None
    return {"authors": first, "affiliation": first, "keywords": keywords[0] if keywords else None}


def _journal(lang: str, context: AnswerContext) -> str:
    _, manifest = _paper(context)
    if manifest is None or not manifest.journal:
        return ""
    if lang == "zh":
        return f"《{manifest.journal}》{manifest.issue}"
    gloss = (cedict().get_definitions(manifest.journal) or [""])[0].title()
    return f"{gloss} (《{manifest.journal}》), {manifest.issue}".replace("年第", ", no. ").replace("期", "")


def compose_metadata(fields: list[str], retrieval: Retrieval, context: AnswerContext, document: str):
    lang = retrieval.lang
    front = "en" if retrieval.question.english_front else lang  # "英文标题": the English front matter
    found = paper_fields(front, context) if document == "paper" else document_fields(document, context)
    out = Lines(retrieval, context)
    sep = "：" if lang == "zh" else ": "
    for field in fields:
        chunk = found.get(field)
        if chunk is None:
            continue
        label = LABELS[field][0 if lang == "zh" else 1]
        extra = _journal(lang, context) if field in ("journal", "issue") and document == "paper" else ""
        s = sentence_of(context.view(chunk, retrieval), 0)
        # "Keywords: …", "[课题信息] …" label themselves; a title may hold a colon
        if RE_OWN_LABEL.match(s.shown) and not extra and field != "title":
            label = ""
        out.quote(
            s, f"{label}{sep if label else ''}{extra + ('，' if lang == 'zh' else '; ') if extra else ''}"
        )
        if field == "title" and lang == "en" and RE_ORIGINAL.search(retrieval.question.text):
            original = _chunk_with(_paper(context)[0].title, context, "paper")  # "both the Chinese and …"
            if original is not None:
                out.text(f"In Chinese: {original.text.strip()}")
    return out.answer("metadata")
