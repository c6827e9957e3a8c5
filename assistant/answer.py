"""Grounded (extractive) answers: the paper's own sentences, each followed by its citation.

No language model is involved. The sentences of the retrieved chunks are scored by
how much of the question they cover (Chinese terms, or English terms translated to
Chinese) and by their chunk's rank; the best few are quoted in reading order. When
retrieval is too weak, a year or number the question names appears in none of the
retrieved passages, it asks for a quantity in a unit (辆, 美元 …) that no retrieved
figure is given in, or it states a premise no retrieved sentence holds ("since the paper shows
…", see assistant.premise), the answer is an honest abstention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import BaseModel, Field

from assistant.amount_question import RE_AMOUNT_QUESTION, asked_units
from assistant.chunking import Chunk, split_sentences
from assistant.citations import RE_PAREN, parse_citation_group
from assistant.premise import figures
from assistant.quantity import amounts, has_quantity
from assistant.retrieve import ENGLISH_FRONT, Hit, Retrieval
from assistant.settings import AnswerSettings, RetrievalSettings
from assistant.text import RE_CJK, tokenize

ABSTAIN = {
    "zh": "论文没有讨论这个问题：检索到的段落都不足以回答它。",
    "en": "The paper does not say. None of the passages retrieved for this question can answer it.",
}
EN_PREFIX = "From the paper (quoted in the original Chinese):"


class CitationOut(BaseModel):
    n: int
    chunk_id: str
    section_id: str
    section: str
    text: str  # the whole cited chunk
    quote: str  # the sentence(s) of the chunk that the answer uses
    score: float  # cosine similarity of the retrieved passage this citation comes from
    kind: str
    ref: int | None = None


class RetrievedOut(BaseModel):
    chunk_id: str
    section_id: str
    section: str
    text: str
    score: float
    kind: str


class Answer(BaseModel):
    """The public JSON contract of `assistant ask --json` (and the HTTP API)."""

    question: str
    answer: str
    abstained: bool
    mode: str
    lang: str
    section_filter: str | None = None
    document_filter: str | None = None
    condensed_question: str | None = None  # what was searched for a follow-up question
    translation: str | None = None  # the model's Chinese rendering of an English question (settings.translate)
    verification: list[dict] | None = None  # generated modes: each claim, its citations, supported or not
    raw_output: str | None = None  # generated modes: what the model said when it declined
    fallback_from: str | None = None  # the requested mode, when it failed and grounded answered instead
    judged_answerable: bool | None = None  # the answerability judge's verdict, when one ran (settings.judge)
    citations: list[CitationOut] = Field(default_factory=list)
    retrieved: list[RetrievedOut] = Field(default_factory=list)
    timings_ms: dict[str, float] = Field(default_factory=dict)
    notice: str | None = None


@dataclass
class Sentence:
    hit_rank: int
    hit: Hit
    start: int
    end: int
    text: str
    similarity: float = 0.0  # cosine similarity to the question
    tokens: list[str] | None = None  # BM25 tokens, when the index has them
    score: float = 0.0


def retrieved_out(hits: list[Hit]) -> list[RetrievedOut]:
    """The `retrieved` list of the JSON contract."""
    return [
        RetrievedOut(chunk_id=h.chunk.id, section_id=h.chunk.section_id, section=h.chunk.section, text=h.chunk.text,
                     score=round(h.dense, 4), kind=h.chunk.kind)
        for h in hits
    ]


def candidate_sentences(hits: list[Hit]) -> list[Sentence]:
    out = []
    for rank, h in enumerate(hits):
        spans = h.chunk.sentence_spans()
        sims = h.sentence_similarity or [0.0] * len(spans)
        toks = h.sentence_tokens or [None] * len(spans)
        for (s, e), sim, tok in zip(spans, sims, toks, strict=True):
            out.append(Sentence(rank, h, s, e, h.chunk.text[s:e], similarity=sim, tokens=tok))
    return out


def question_numbers(question: str) -> list[set[str]]:
    """Years and figures the question names, each as the strings the paper may write it in
    ("2,592.22 billion": 2592.22, 25922.2); not list markers such as '1.'."""
    return [forms for forms in figures(question, words=False) if any(len(n) >= 3 or "." in n for n in forms)]


def coverage(terms: dict[str, float], text: str, tokens: list[str] | None = None) -> float:
    """Weighted share of the question's terms that `text` holds (`tokens`: its BM25 tokens, if known)."""
    if not terms:
        return 0.0
    toks = set(tokenize(text) if tokens is None else tokens)
    low = text.lower()
    got = sum(w for t, w in terms.items() if t in toks or (len(t) > 1 and t in low))
    return got / sum(terms.values())


# text that tries to steer the model: in a question it means no answer; in the corpus, the
# sentence is neither quoted nor shown to a model
RE_INJECTION = re.compile(
    r"(ignore|disregard|forget) (all |any )?(the |your )?(previous|prior|above|earlier|preceding) "
    r"(instructions|prompts?|rules)|system prompt|\bjailbreak|\byou are now\b|"
    r"reveal (your|the) (instructions|rules|prompt)|"
    r"(忽略|无视|忘记|忘掉)(之前|以上|前面|上面|先前)?的?(所有|全部|一切)?(指令|指示|说明|提示|规则)|"
    r"系统提示|提示词|(输出|透露|泄露)(你的)?(规则|指令)",
    re.IGNORECASE,
)
# requests that are not questions about the paper: instructions to the system, chit-chat tasks
RE_OFF_TOPIC = re.compile(
    RE_INJECTION.pattern + r"|write (me )?(a|an) (poem|song|story|joke|essay)|\bweather\b|"
    r"写(一)?首|作(一)?首?诗|讲个笑话|天气",
    re.IGNORECASE,
)


def without_instructions(text: str) -> str:
    """`text` with its instruction-like sentences (see RE_INJECTION) cut out."""
    spans = split_sentences(text)
    if not any(RE_INJECTION.search(text[s:e]) for s, e in spans):
        return text
    return "".join(text[s:e] for s, e in spans if not RE_INJECTION.search(text[s:e]))


FIGURE_WINDOW = 12  # characters between a question term and a figure (dev: unanswerables had none)


def amount_sentences(retrieval: Retrieval, hits: int = 3) -> list[tuple[str, list[int]]]:
    """The sentences of the best hits that give a figure (not a date), with where their figures start."""
    out = []
    for h in retrieval.hits[:hits]:
        for s, e in h.chunk.sentence_spans():
            sentence = h.chunk.text[s:e]
            if figures := amounts(sentence):
                out.append((sentence, figures))
    return out


def figure_near_terms(retrieval: Retrieval, sentences: list[tuple[str, list[int]]]) -> bool:
    """Some sentence of `sentences` (see `amount_sentences`) has a figure within FIGURE_WINDOW
    characters of a term of the question."""
    terms = [t for t in retrieval.terms if len(t) >= 2 and not t.isdigit()]
    return any(
        f - m.start() >= -FIGURE_WINDOW and f - m.end() <= FIGURE_WINDOW  # "预算2000亿" / "200多家配套企业"
        for sentence, figures in sentences
        for t in terms for m in re.finditer(re.escape(t), sentence, re.I) for f in figures
    )


RE_QUOTED_TERM = re.compile(r"[“「\"]([\u4e00-\u9fff]{2,8})[”」\"]")  # a short Chinese term in quotes
RE_TITLE = re.compile(r"《([^》]{2,40})》")  # a work the question names by its title
RE_TITLE_FILLER = re.compile(r"[和与及、·—\-\s]|的")  # what two writings of one title may differ in


def clip(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, counted as Chinese ones: a sentence without Chinese may be
    2.5 times as long (an English sentence needs about that many letters to say as much)."""
    limit = limit if RE_CJK.search(text) else int(limit * 2.5)
    return text if len(text) <= limit else text[:limit] + "…"


def terms_for(retrieval: Retrieval, hit: Hit) -> dict[str, float]:
    """The question terms a hit is measured against: English text (a bibliography entry, the English
    abstract) also against the question's own words."""
    english = hit.chunk.kind == "bibliography" or hit.chunk.section_id == ENGLISH_FRONT
    if not english or not retrieval.sourced:
        return retrieval.terms
    # an English question about English text: its own words, not their many Chinese translations
    return {**{t: w for t, w in retrieval.terms.items() if t.isascii()}, **retrieval.sourced}


def premise_notice(retrieval: Retrieval, settings: RetrievalSettings) -> str | None:
    """Why the answer abstains, when the question states what the paper says and no retrieved
    sentence says it (see assistant.premise)."""
    premise, share = retrieval.premise, settings.min_premise_coverage
    if premise is None or share <= 0:
        return None
    if any(premise.held_in(sentence, share) for sentence in retrieval.sentences()):
        return None
    if retrieval.lang == "zh":
        return f"问题认为论文说了“{premise.text}”，但检索到的段落中没有一句这样说。"
    return f"The question takes the paper to say “{premise.text}”, but no retrieved passage says so."


def names_notice(retrieval: Retrieval, settings: RetrievalSettings) -> str | None:
    """Why the answer abstains, when the question names what the paper never does (see assistant.names)."""
    if not (settings.unknown_names and retrieval.unknown):
        return None
    if retrieval.lang == "zh":
        return f"论文中没有提到{'、'.join(retrieval.unknown)}。"
    return f"The paper never mentions {', '.join(retrieval.unknown)}."


def abstention_notice(retrieval: Retrieval, settings: RetrievalSettings) -> str | None:
    """What the answer says about why it abstains, when it knows: a name or premise not in the paper."""
    return names_notice(retrieval, settings) or premise_notice(retrieval, settings)


def should_abstain(retrieval: Retrieval, settings: RetrievalSettings) -> bool:
    if not retrieval.hits or RE_OFF_TOPIC.search(retrieval.question):
        return True
    if retrieval.named:  # the question names a bibliography entry, which exists
        return False
    if names_notice(retrieval, settings):
        return True
    if retrieval.best_dense < settings.min_score:
        return True
    best = max(coverage(terms_for(retrieval, h), h.chunk.context_text, h.tokens) for h in retrieval.hits)
    if best < settings.min_coverage:
        return True
    joined = " ".join(h.chunk.text for h in retrieval.hits)
    if not all(any(n in joined for n in forms) for forms in question_numbers(retrieval.question)):
        return True
    # a term the question quotes ("退出税") that no retrieved passage uses
    labelled = joined + " ".join(h.chunk.section for h in retrieval.hits)  # a quoted heading counts
    if not all(t in labelled for t in RE_QUOTED_TERM.findall(retrieval.question)):
        return True
    # a title (《关键原材料法案》) no retrieved passage names, however its joining words are written
    bare = RE_TITLE_FILLER.sub("", labelled)
    if not all(RE_TITLE_FILLER.sub("", t) in bare for t in RE_TITLE.findall(retrieval.question)):
        return True
    # it states what the paper says ("since the paper shows P, why …"), and no passage says P
    if premise_notice(retrieval, settings):
        return True
    # the question asks for a count or amount in a unit no retrieved figure is given in
    if not all(has_quantity(joined, u) for u in asked_units(retrieval.question)):
        return True
    # it asks for an amount, and no figure in the best passages sits next to anything it names, or
    # no clause of them gives a figure for the thing it counts (see assistant.quantity)
    if not RE_AMOUNT_QUESTION.search(retrieval.question) or retrieval.references:
        return False
    sentences = amount_sentences(retrieval)
    if not figure_near_terms(retrieval, sentences):
        return True
    quantity, share = retrieval.quantity, settings.min_quantity_coverage
    return quantity is not None and share > 0 and not any(quantity.given_in(s, share) for s, _ in sentences)


# a sentence that announces a list ("主要体现在三个方面。") and the items that follow it ("一是…")
RE_ANNOUNCE = re.compile(
    r"[两一二三四五六七八九十\d]+\s*[个大项点]?.{0,4}?(?:方面|因素|阶段|层面|特征|途径|类别|措施|趋势)[。：:]$|[：:]$"
)
RE_ITEM = re.compile(r"^(?:[一二三四五六七八九十]是|第[一二三四五六七八九十][，,、]|其[一二三四五][，,、]|首先|其次|再次|最后)")
MAX_ITEMS = 6
NUMERALS = {"two": "两二", "three": "三", "four": "四", "five": "五", "six": "六", "2": "两二", "3": "三",
            "4": "四", "5": "五", "6": "六", "两": "两二", "二": "两二", "三": "三", "四": "四", "五": "五", "六": "六"}
RE_COUNT_QUESTION = re.compile(r"\b(two|three|four|five|six|[2-6])\s+(?:main\s+|key\s+|major\s+)?[a-z]+|[哪这]([两二三四五六])[个大项方]", re.I)
LIST_BONUS = 0.3
# "什么是X" / "what is X" / "what does X mean" asks for a definition; "X是指…" / "所谓X" give one
RE_DEFINITION_QUESTION = re.compile(
    r"什么是|是什么意思|是指什么|指什么|何为|什么叫|含义|定义|^what (?:is|are) (?:the |an? )?[\w' -]{2,40}\?*$|"
    r"\bwhat does .{2,60} mean\b|\bdefin|\bmeaning of\b",
    re.I,
)
RE_DEFINES = re.compile(r"是指|指的是|是一种|所谓|即为|被称为|定义为")
DEFINITION_BONUS = 0.3


def announces_count(question: str, sentence: str) -> bool:
    """The question asks for N things and the sentence announces N ('哪三个方面' / '体现在三个方面')."""
    m = RE_COUNT_QUESTION.search(question)
    if not m or not RE_ANNOUNCE.search(sentence):
        return False
    key = (m.group(1) or m.group(2)).lower()
    return any(ch in sentence for ch in NUMERALS[key])


def list_items(sentence: Sentence, chunks: dict[str, Chunk]) -> list[Sentence]:
    """The enumerated items after a sentence that announces them, up to the paragraph's end."""
    if not RE_ANNOUNCE.search(sentence.text):
        return []
    items: list[Sentence] = []
    chunk, after = sentence.hit.chunk, sentence.end
    while chunk is not None and len(items) < MAX_ITEMS:
        for s, e in chunk.sentence_spans():
            if s >= after and RE_ITEM.match(chunk.text[s:e]) and len(items) < MAX_ITEMS:
                hit = sentence.hit if chunk is sentence.hit.chunk else Hit(chunk, 0.0, dense=sentence.hit.dense)
                items.append(Sentence(sentence.hit_rank, hit, s, e, chunk.text[s:e]))
        head, _, k = chunk.id.rpartition(":c")  # the next chunk of the same paragraph
        chunk, after = (chunks.get(f"{head}:c{int(k) + 1}"), 0) if k.isdigit() else (None, 0)
    return items


def _bibliography_for(sentence: Sentence, chunks: dict[str, Chunk]) -> list[Chunk]:
    """Bibliography chunks for the in-text citations inside one quoted sentence."""
    found = []
    for m in RE_PAREN.finditer(sentence.text):
        for author, _et_al, year, _text in parse_citation_group(m.group(1)):
            for n in sentence.hit.chunk.cites:
                entry = chunks.get(f"refs:{n}")
                if entry and author.casefold() in entry.text.casefold() and str(year) in entry.text:
                    found.append(entry)
    return found


def compose(
    retrieval: Retrieval,
    cfg: AnswerSettings,
    rcfg: RetrievalSettings,
    chunks: dict[str, Chunk] | None = None,
) -> Answer:
    """The grounded answer; `chunks` (all chunks by id) lets it follow a list into the next
    chunk and cite the bibliography entries of quoted in-text citations."""
    chunks = chunks or {}
    lang = retrieval.lang
    retrieved = retrieved_out(retrieval.hits)
    base = Answer(question=retrieval.question, answer="", abstained=True, mode="grounded", lang=lang, retrieved=retrieved)
    if should_abstain(retrieval, rcfg):
        base.answer = ABSTAIN[lang]
        base.notice = abstention_notice(retrieval, rcfg)
        return base

    top = retrieval.hits[0].score
    sentences = [s for s in candidate_sentences(retrieval.hits) if not RE_INJECTION.search(s.text)]
    if not sentences:
        base.answer = ABSTAIN[lang]
        return base
    if retrieval.outline is not None and not retrieval.named:  # "which four trends": one line per subsection
        return _outline_answer(base, retrieval, cfg)
    if retrieval.named:  # "[6]" asked for by number: the entry itself is the answer
        sentences = [s for s in sentences if s.hit.chunk.id in retrieval.named]
    elif retrieval.front:  # asked about the English abstract (or title, keywords): quote it
        sentences = [s for s in sentences if s.hit.chunk.section_id == ENGLISH_FRONT] or sentences
    sim_weight = cfg.similarity_weight_zh if lang == "zh" else cfg.similarity_weight_en
    defining = RE_DEFINITION_QUESTION.search(retrieval.question) is not None
    for s in sentences:
        s.score = (
            cfg.coverage_weight * coverage(terms_for(retrieval, s.hit), s.text, s.tokens)
            + sim_weight * s.similarity
            + cfg.rank_weight * (s.hit.score / top)
            + (LIST_BONUS if announces_count(retrieval.question, s.text) else 0.0)
            + (DEFINITION_BONUS if defining and RE_DEFINES.search(s.text) else 0.0)
        )
    best = max(s.score for s in sentences)
    chosen = sorted(sentences, key=lambda s: -s.score)[: cfg.max_sentences]
    chosen = [s for s in chosen if s.score >= cfg.min_relative_score * best]
    chosen.sort(key=lambda s: (s.hit_rank, s.start))
    expanded: list[Sentence] = []
    for s in chosen:
        expanded += [s] + [i for i in list_items(s, chunks) if all(i.text != c.text for c in chosen + expanded)]
    chosen = expanded

    citer = Citer()
    parts = []
    found = {h.chunk.id for h in retrieval.hits}
    for s in chosen:
        text = clip(s.text, cfg.max_sentence_chars)
        marks = [citer.cite(s.hit.chunk, s.text, s.hit.dense)]
        if retrieval.references:  # the best sentence's sources; another's only if the search found them too
            entries = [e for e in _bibliography_for(s, chunks) if s.score == best or e.id in found]
            marks += [citer.cite(e, e.text, s.hit.dense) for e in entries]
        parts.append(text + "".join(f"[{n}]" for n in marks))
    body = "".join(parts) if lang == "zh" and all(RE_CJK.search(p) for p in parts) else "\n".join(parts)
    quoting_chinese = lang == "en" and RE_CJK.search(body) is not None
    base.answer = f"{EN_PREFIX}\n{body}" if quoting_chinese else body
    base.abstained = False
    base.citations = citer.citations
    return base


class Citer:
    """Numbers cited chunks by first use and gathers each one's quoted text."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self.citations: list[CitationOut] = []

    def cite(self, chunk: Chunk, quote: str, score: float) -> int:
        if chunk.id not in self.numbers:
            self.numbers[chunk.id] = len(self.numbers) + 1
            self.citations.append(CitationOut(
                n=self.numbers[chunk.id], chunk_id=chunk.id, section_id=chunk.section_id, section=chunk.section,
                text=chunk.text, quote=quote, score=round(score, 4), kind=chunk.kind, ref=chunk.ref,
            ))
        else:
            cit = self.citations[self.numbers[chunk.id] - 1]
            if quote not in cit.quote:
                cit.quote += " … " + quote
        return self.numbers[chunk.id]


def _outline_answer(base: Answer, retrieval: Retrieval, cfg: AnswerSettings) -> Answer:
    """One line per subsection: its heading, then the first sentence of its text, cited."""
    citer, lines = Citer(), []
    for label, hit in zip(retrieval.outline.labels, retrieval.outline.parts, strict=True):
        s, e = hit.chunk.sentence_spans()[0]
        text = hit.chunk.text[s:e]
        shown = clip(text, cfg.max_sentence_chars)
        lines.append(f"{label}：{shown}[{citer.cite(hit.chunk, text, hit.dense)}]")
    body = "\n".join(lines)
    base.answer = f"{EN_PREFIX}\n{body}" if base.lang == "en" else body
    base.abstained = False
    base.citations = citer.citations
    return base
