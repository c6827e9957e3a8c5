"""Questions about a whole document or a whole section, answered from the document's own structure.

- The whole document: its abstract (the thesis, in the authors' words; in the asker's language, the
  paper's own English abstract for an English question), then its top-level parts, each with its
  opening sentence. "In three sentences" takes that many sentences of the abstract.
- Its conclusion: the abstract's closing sentences and the parts of the last section.
- A section: its subsections in order, each with its opening sentence (and their own subsections,
  one level down); a section without subsections, its opening sentences, its items when it
  enumerates them, and its closing sentence when that states its conclusion.
Every line is cited to the passage it quotes.
"""

from __future__ import annotations

import re

from assistant.answer import render
from assistant.answer.base import AnswerContext, empty
from assistant.answer.citer import Citer
from assistant.answer.contract import Answer
from assistant.answer.enumeration import RE_ITEM, is_head, items_of, paragraph_chunk, semicolon_items
from assistant.answer.outline import label_of
from assistant.answer.sentences import Sentence, sentence_of
from assistant.corpus.chunking import Chunk
from assistant.figures import EN_WORDS, zh_number
from assistant.index.sections import ancestors, bare_label
from assistant.question import intents
from assistant.retrieval.results import Retrieval

RE_CONCLUDING = re.compile(
    r"^(?:综上|总之|总的来看|总体而言|由此可见|可见|因此|In sum|Overall|In "
    r"short|Taken together|Thus|"
    r"Therefore|In conclusion|To sum up)",
    re.I,
)
# where authors state their own view: "本文认为…", "This paper argues …", "We find …"
# a sentence that gives the section's example or its figures: what a summary should not leave out
RE_EXAMPLE = re.compile(
    r"^(?:以|例如|比如|譬如)|为例|\b(?:for example|for instance|e\.g\.)|\d+(?:\.\d+)?\s*(?:%|GWh|亿|万|倍)",
    re.I,
)
# a sentence that turns the argument ("但是，…", "However, …"): where a paragraph makes its point
RE_TURN = re.compile(
    r"^(?:但是|但|然而|不过|可是|一方面|另一方面|However|But|Yet|Nevertheless|Nonetheless|On the one hand|"
    r"On the other hand)[，,\s]",
    re.I,
)  # a turn, or one side of two
MAX_INTRO = 3  # a section with parts: at most this many sentences of its own introduction
MAX_OPENING = 8  # … and when the question asks how the section opens
LEAF_LINES = 9  # a section without parts: its sentences up to this many, its key ones first
MAX_EXAMPLES = 3  # a section without parts: at most this many of its examples and figures
RE_THESIS = re.compile(
    r"^(?:本文|笔者|我们|作者)(?:认为|指出|发现|主张|强调|得出)|^(?:this|the) (?:paper|article|report|study) "
    r"(?:argues|finds|shows|concludes|contends|holds)|^(?:we|the authors) (?:argue|find|conclude|contend)",
    re.I,
)
MAX_THESIS = 2
MAX_ABSTRACT = 5
MAX_LINES = 14
HEAD = {
    "missing": (
        "问题的前提有误：文中没有第{n}部分，它的各部分是：",
        "The question's premise is wrong: the text has no part {n}; its parts are:",
    ),
    "thesis": ("论文的核心观点（摘要）：", "The thesis (the abstract):"),
    "parts": ("全文结构：", "How the text is organised:"),
    "conclusion": ("结论（摘要）：", "Its conclusion (the abstract):"),
    "verdict": ("结论：", "Its conclusion:"),
    "last": ("最后一部分：", "Its last part:"),
}


def _head(key: str, lang: str) -> str:
    zh, en = HEAD[key]
    return zh if lang == "zh" else en


def abstract_chunks(document: str, lang: str, context: AnswerContext) -> list[Chunk]:
    """The abstract's passages, in order: for the paper and an English question, its English abstract."""
    chunks = context.index.chunks.values()
    if document == "paper":
        wanted = (
            "abstract.en"
            if lang == "en" and any(c.section_id == "abstract.en" for c in chunks)
            else "abstract"
        )
        found = [c for c in chunks if c.section_id == wanted and c.kind == "abstract"]
    else:
        found = [c for c in chunks if c.section_id == f"{document}.abstract"]
    keywords = re.compile(r"^(?:关键词|关键字|keywords?|JEL)\s*(?:classification)?\s*[:：]", re.I)
    # sentences, not the title or author lines above them (those end without a full stop)
    found = [
        c
        for c in found
        if not keywords.match(c.text) and len(c.text) > 60 and c.text.rstrip()[-1:] in ".。!?！？"
    ]
    return sorted(found, key=lambda c: c.start)


def asked_sentences(question: str) -> int | None:
    m = intents.RE_COUNTED.search(question)
    n = (m.group(1) or m.group(2)).lower() if m else None
    if n is None or n in ("几", "a few"):  # so many sentences, not how many
        return None
    return int(n) if n.isdigit() else EN_WORDS.get(n) or zh_number(n)


def opening(section_id: str, retrieval: Retrieval, context: AnswerContext) -> Sentence | None:
    chunk = context.index.tree.first.get(section_id)
    return sentence_of(context.view(chunk, retrieval), 0) if chunk else None


def thesis_sentences(
    document: str, retrieval: Retrieval, context: AnswerContext, within: str | None = None
) -> list[Sentence]:
    """The body's sentences in which the authors state their own view (see RE_THESIS), in reading order."""
    out = [
        sentence_of(context.view(c, retrieval), k)
        for c, k, text in body_units(document, context, ("intro",), within)
        if RE_THESIS.match(text)
    ]
    return sorted(out, key=lambda s: s.hit.chunk.start)[:MAX_THESIS]


def body_units(document: str, context: AnswerContext, skip: tuple[str, ...] = (), within: str | None = None):
    """(chunk, unit index, unit text) of every unit of the document's body (its abstracts left out, and
    the sections in `skip`), or of one section of it."""
    tree = context.index.tree
    for sid, chunks in tree.chunks.items():
        if (
            tree.document_of(sid) != document
            or within
            and within not in ancestors(sid)
            or sid in ("abstract", "abstract.en", *skip)
            or sid.endswith(".abstract")
        ):
            continue
        for c in chunks:
            for k, (a, b) in enumerate(c.sentence_spans()):
                yield c, k, c.text[a:b]


# a sentence stating what the text sets out to do, and a question asking for that
RE_AIM = re.compile(
    r"^(?:本文|本研究|笔者|我们)(?:旨在|试图|拟|尝试|希望|力图)|"
    r"^(?:this|the|our) (?:paper|article|study|report) (?:aims|seeks|sets out|attempts|tries|intends)|"
    r"^we (?:aim|seek|set out|attempt)",
    re.I,
)
RE_ASKS_AIM = re.compile(
    r"目的|旨在|解决什么|什么问题|研究空白|填补|贡献|试图|想做什么|(?:研究|文献)[^，。？?]{0,6}(?:不足|局限|缺陷)|"
    r"研究方法|方法|计量|实证|"
    r"\b(?:method\w*|approach|econometric\w*|empiric\w*|kind of (?:analysis|study|paper|research)|models?)\b|"
    r"\b(?:aims?|goal|purpose|gap|contribut\w*|sets? out|seeks?|tries|trying|miss(?:ed)?|overlook(?:ed)?)\b|"
    r"\bwhat (?:problem|question)\b",
    re.I,
)
RE_POINTS_BACK = re.compile(r"这一|这些|上述|该|此|\b(?:this|these|such|that)\b", re.I)
# why the text was written: the situation it opens with ("研究背景", "What prompted this paper?")
RE_ASKS_BACKGROUND = re.compile(
    r"背景|动因|动机|缘起|初衷|为什么要?写|为何要?写|"
    r"\bbackground\b|\bmotivat\w*|\bwhat prompted\b|\bwhy (?:did|do|does|would) (?:the )?authors? write\b|"
    r"\bwhy (?:was|is) (?:this|the) (?:paper|article|study) written\b",
    re.I,
)
MAX_BACKGROUND = 6  # sentences of the text's opening paragraph


def background_sentences(document: str, retrieval: Retrieval, context: AnswerContext) -> list[Sentence]:
    """The sentences of the body's first passage: the situation the text opens with, which is why it was
    written."""
    first = next(iter(body_units(document, context)), None)
    if first is None:
        return []
    hit = context.view(first[0], retrieval)
    return [sentence_of(hit, k) for k in range(min(MAX_BACKGROUND, len(first[0].sentence_spans())))]


def aim_sentences(document: str, retrieval: Retrieval, context: AnswerContext) -> list[Sentence]:
    """The body's sentences stating what the text sets out to do (see RE_AIM), each after the sentence it
    points back to ("本文旨在填补这一研究空白" after the one saying what is missing)."""
    out: list[Sentence] = []
    for c, k, text in body_units(document, context):
        if RE_AIM.match(text):
            hit = context.view(c, retrieval)
            if RE_POINTS_BACK.search(text):
                out += _before(hit, k, retrieval, context)
            out.append(sentence_of(hit, k))
    return out[: MAX_THESIS * 2]


def _before(hit, k: int, retrieval: Retrieval, context: AnswerContext) -> list[Sentence]:
    """The sentence before the `k`-th of a hit in its paragraph (in the chunk before, for its first)."""
    if k:
        return [sentence_of(hit, k - 1)]
    prev = paragraph_chunk(hit.chunk.id, -1, context)
    return [sentence_of(context.view(prev, retrieval), len(prev.sentence_spans()) - 1)] if prev else []


def _abstract_sentences(document: str, retrieval: Retrieval, context: AnswerContext) -> list[Sentence]:
    out = []
    for c in abstract_chunks(document, retrieval.lang, context):
        hit = context.view(c, retrieval)
        out += [sentence_of(hit, k) for k in range(len(c.sentence_spans()))]
    return out


class Lines:
    """An answer built line by line, each line citing what it quotes."""

    def __init__(self, retrieval: Retrieval, context: AnswerContext):
        self.retrieval, self.context = retrieval, context
        self.citer, self.lines, self.quoted, self.items = Citer(), [], [], []
        self.limit = context.settings.answer.max_sentence_chars

    def text(self, line: str) -> None:
        self.lines.append(line)

    def quote(self, s: Sentence, prefix: str = "") -> None:
        if any(q.text == s.text and q.hit.chunk.id == s.hit.chunk.id for q in self.quoted):
            return  # said already (the verdict, put first for a question weighing the two sides)
        self.lines.append(prefix + render.line(s, self.citer, self.limit))
        self.quoted.append(s)

    def heading(self, section_id: str, prefix: str = "", with_opening: bool = True) -> None:
        sep = "：" if self.retrieval.lang == "zh" else ": "
        label = label_of(section_id, self.retrieval.lang, self.context)
        if prefix.strip():  # a listed part, which a follow-up may point at ("the second one", "那X呢")
            self.items.append({"label": bare_label(label), "section_id": section_id, "depth": len(prefix)})
        s = opening(section_id, self.retrieval, self.context) if with_opening else None
        if s is None:
            self.text(f"{prefix}{label}")
        else:
            self.quote(s, f"{prefix}{label}{sep}")

    def answer(self, kind: str) -> Answer:
        answer = empty(self.retrieval.question, self.retrieval)
        if not self.quoted:
            return answer
        answer.answer = render.block(self.retrieval.lang, self.lines[: MAX_LINES * 2], self.quoted)
        answer.abstained, answer.kind, answer.citations = False, kind, self.citer.citations
        # the parts first, then theirs: "第二块" after two parts with three and five subsections each is the
        # second part, not the first part's first subsection
        items = sorted(self.items, key=lambda i: i.pop("depth"))
        answer.items = items or items_of(self.quoted)
        answer.translated = any(s.translated for s in self.quoted)
        return answer


def compose_document(
    document: str, retrieval: Retrieval, context: AnswerContext, conclusion: bool = False
) -> Answer:
    """The whole document: its thesis (abstract) and its parts (see the module doc)."""
    lang, tree = retrieval.lang, context.index.tree
    out = Lines(retrieval, context)
    thesis = _abstract_sentences(document, retrieval, context)
    n = asked_sentences(retrieval.question.text) or MAX_ABSTRACT
    if conclusion:
        thesis = thesis[-max(2, min(n, 3)) :]
    if intents.RE_WEIGHING.search(retrieval.question.text):  # "good or bad overall?": the verdict first
        for s in thesis_sentences(document, retrieval, context):
            out.quote(s)
    elif RE_ASKS_AIM.search(retrieval.question.text) or RE_ASKS_BACKGROUND.search(retrieval.question.text):
        if RE_ASKS_BACKGROUND.search(retrieval.question.text):  # "Why was it written?": where it starts
            for s in background_sentences(document, retrieval, context):
                out.quote(s)
        for s in aim_sentences(document, retrieval, context):  # "What gap does it fill?": its aim
            out.quote(s)
    counted = asked_sentences(retrieval.question.text)
    verdict = thesis_sentences(document, retrieval, context)  # the authors' own verdict, stated in the body
    if intents.asks_its_parts(retrieval.question.searched):  # "How many parts is it divided into?"
        thesis, verdict = [], []
    head = "conclusion" if conclusion else "thesis"
    if conclusion and counted and verdict:  # "the conclusion in one sentence": the verdict first
        verdict, thesis, head = [], (verdict + thesis)[:n], "verdict"
    if thesis:
        out.text(_head(head, lang))
        for s in thesis[:n]:
            out.quote(s)
    for s in [] if counted else verdict:
        out.quote(s)
    parts = tree.top(document)
    if conclusion and parts:
        out.text(_head("last", lang))
        last = parts[-1]
        out.heading(last)
        for kid in tree.children.get(last, []):
            out.heading(kid, "- ")
    elif parts and not asked_sentences(retrieval.question.text):
        out.text(_head("parts", lang))
        for sid in parts:
            out.heading(sid, "- ")
    return out.answer("overview")


def compose_section(section_id: str, retrieval: Retrieval, context: AnswerContext) -> Answer:
    """One section: its parts (two levels down), or, without parts, its opening, items and conclusion."""
    tree = context.index.tree
    out = Lines(retrieval, context)
    kids = tree.children.get(section_id, [])
    if kids:
        own = tree.chunks.get(section_id) or []
        out.heading(section_id, with_opening=bool(own))
        # the section's own introduction states what it is about: up to its first few sentences, more of
        # them when the question asks how the section opens ("第二部分一开头怎么铺垫的？")
        opens = retrieval.question.opening
        intro = [(c, k) for c in own for k in range(len(c.sentence_spans()))][
            1 : MAX_OPENING if opens else MAX_INTRO
        ]
        for c, k in intro:
            out.quote(sentence_of(context.view(c, retrieval), k), "  ")
        for s in thesis_sentences(tree.document_of(section_id), retrieval, context, within=section_id):
            out.quote(s)
        for kid in kids:
            grand = tree.children.get(kid, [])
            out.heading(kid, "- ", with_opening=not grand and not opens)
            for g in grand:
                out.heading(g, "  - ")
        return out.answer("overview")
    out.text(label_of(section_id, retrieval.lang, context))
    for k, s in enumerate(leaf_sentences(section_id, retrieval, context, fill=LEAF_LINES)):
        out.quote(s, "- " if k else "")
    return out.answer("overview")


def leaf_sentences(
    section_id: str, retrieval: Retrieval, context: AnswerContext, fill: int = 0
) -> list[Sentence]:
    """What a section without parts says, in reading order: its opening sentences, each paragraph's
    first two (its topic and what it says of it), its items, its concluding sentences and turns, and a
    few of its examples and figures; with `fill`, its other sentences in reading order too, until there
    are that many (a short section summarised says most of what it says)."""
    out: list[tuple[int, Sentence]] = []
    rest: list[tuple[int, Sentence]] = []
    examples = 0
    for c in context.index.tree.chunks.get(section_id, []):
        hit = context.view(c, retrieval)
        listed = semicolon_items(c)
        head = False  # the sentence before is an item that only names itself: this one says what it is
        for k in range(len(c.sentence_spans())):
            s = sentence_of(hit, k)
            example = RE_EXAMPLE.search(s.text) is not None and examples < MAX_EXAMPLES
            kept = (
                k < 2
                and c.id.endswith(":c0")
                or k in listed
                or head
                or RE_ITEM.match(s.text)
                or RE_CONCLUDING.match(s.text)
                or RE_THESIS.match(s.text)
                or RE_TURN.match(s.text)
            )
            place = len(out) + len(rest)
            if not out or kept or example:
                examples += bool(example and not kept and out)
                out.append((place, s))
            else:
                rest.append((place, s))
            head = RE_ITEM.match(s.text) is not None and is_head(s)
    out += rest[: max(0, fill - len(out))]
    return [s for _, s in sorted(out, key=lambda p: p[0])]


def compose_missing_section(
    number: str, document: str, retrieval: Retrieval, context: AnswerContext
) -> Answer:
    """A part named by a number the document does not have ("第五部分" of four): say so, list its parts."""
    out = Lines(retrieval, context)
    out.text(_head("missing", retrieval.lang).format(n=number))
    for sid in context.index.tree.top(document):
        out.heading(sid, "- ")
    answer = out.answer("overview")
    answer.premise_rejected = number if not answer.abstained else None
    return answer
