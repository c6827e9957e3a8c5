"""The pinpoint answer: the few sentences of the retrieved passages that best answer the question.

Sentences are scored by how much of the question they cover, their cosine to it and their
passage's rank, with a bonus for a sentence that announces as many items as the question asks
("哪三个方面" / "体现在三个方面") and for a definition when one is asked. Only sentences within
`answer.min_relative_score` of the best are quoted, at most `answer.max_sentences`, in reading order;
a sentence that announces a list brings its items (see `assistant.answer.enumeration`). A question
about sources also cites the bibliography entries of the in-text citations it quotes.
"""

from __future__ import annotations

import re

from assistant.answer import render
from assistant.answer.base import AnswerContext, empty
from assistant.answer.citer import Citer
from assistant.answer.contract import Answer
from assistant.answer.enumeration import announces_count, list_items
from assistant.answer.sentences import Sentence, candidate_sentences, coverage
from assistant.corpus.chunking import Chunk
from assistant.corpus.citations import RE_PAREN, parse_citation_group
from assistant.retrieval.hybrid import ENGLISH_FRONT
from assistant.retrieval.results import Retrieval

# "什么是X" / "what is X" / "what does X mean" asks for a definition; "X是指…" / "所谓X" /
# "X refers to" give one
RE_DEFINITION_QUESTION = re.compile(
    r"什么是|是什么意思|是指什么|指什么|何为|什么叫|含义|定义|^what (?:is|are) (?:the |an? )?[\w' "
    r"-]{2,40}\?*$|"
    r"\bwhat does .{2,60} mean\b|\bdefin|\bmeaning of\b",
    re.I,
)
RE_DEFINES = re.compile(
    r"是指|指的是|是一种|所谓|即为|被称为|定义为|\brefers? to\b|\bis defined "
    r"as\b|\bmeans\b",
    re.I,
)
# "why …" / "为什么" asks for a reason; "because", "due to", 由于, 原因 give one
RE_WHY_QUESTION = re.compile(r"\bwhy\b|\breasons?\b|为什么|为何|原因|何以", re.I)
RE_GIVES_REASON = re.compile(
    r"\b(?:because|since|due to|owing to|as a result of|thanks to|driven by|the reasons?|reflects?|"
    r"so that|in order to)\b|因为|由于|原因|得益于|源于|在于|导致|使得|以便|为了",
    re.I,
)
# a figure: digits, or a Chinese numeral before a unit
RE_FIGURE = re.compile(r"\d|[一二三四五六七八九十百千万亿]+(?:%|个百分点|倍|万|亿)")
LIST_BONUS = 0.3
DEFINITION_BONUS = 0.3
REASON_BONUS = 0.1
SHORT = 60  # characters: a sentence this short that gives no figure leans on the next one for its evidence


def score(sentences: list[Sentence], retrieval: Retrieval, settings) -> None:
    cfg = settings.answer
    top = retrieval.hits[0].score or 1.0
    sim_weight = cfg.similarity_weight_zh if retrieval.lang == "zh" else cfg.similarity_weight_en
    question = retrieval.question.searched
    defining = RE_DEFINITION_QUESTION.search(question) is not None
    why = RE_WHY_QUESTION.search(question) is not None
    for s in sentences:
        s.score = (
            cfg.coverage_weight * coverage(retrieval.terms, s.shown, s.tokens)
            + sim_weight * s.similarity
            + cfg.rank_weight * (s.hit.score / top)
            + (LIST_BONUS if announces_count(question, s.text) else 0.0)
            + (DEFINITION_BONUS if defining and RE_DEFINES.search(s.shown) else 0.0)
            + (REASON_BONUS if why and RE_GIVES_REASON.search(s.shown) else 0.0)
        )


def evidence_after(s: Sentence, sentences: list[Sentence]) -> list[Sentence]:
    """The next sentence of the same passage when `s` states a finding in a few words and no figure
    ("Energy poverty fell accordingly.") and the next one gives the figures."""
    if len(s.shown) > SHORT or RE_FIGURE.search(s.shown):
        return []
    after = next((t for t in sentences if t.hit is s.hit and t.index == s.index + 1), None)
    return [after] if after is not None and RE_FIGURE.search(after.shown) else []


def related(a: str, b: str) -> bool:
    """Two sections are one, or one is the other's part (a part's part is elsewhere: a whole chapter
    is not one topic)."""
    return a == b or a.rsplit(".", 1)[0] == b or b.rsplit(".", 1)[0] == a


def choose(sentences: list[Sentence], settings) -> list[Sentence]:
    """The best sentences within the relevance floor, in reading order: a sentence from another section
    than the best one's must come closer to the best (`answer.min_relative_score_elsewhere`)."""
    cfg = settings.answer
    ranked = sorted(sentences, key=lambda s: -s.score)
    top = ranked[0]
    chosen = [
        s
        for s in ranked[: cfg.max_sentences]
        if s.score
        >= (
            cfg.min_relative_score
            if related(s.hit.chunk.section_id, top.hit.chunk.section_id)
            else cfg.min_relative_score_elsewhere
        )
        * top.score
    ]
    return sorted(chosen, key=lambda s: (s.hit_rank, s.start))


def bibliography_for(sentence: Sentence, chunks: dict[str, Chunk]) -> list[Chunk]:
    """Bibliography chunks for the in-text citations inside one quoted sentence."""
    found = []
    for m in RE_PAREN.finditer(sentence.text):
        for author, _et_al, year, _text in parse_citation_group(m.group(1)):
            for n in sentence.hit.chunk.cites:
                entry = chunks.get(f"refs:{n}")
                if entry and author.casefold() in entry.text.casefold() and str(year) in entry.text:
                    found.append(entry)
    return found


def compose_passages(retrieval: Retrieval, context: AnswerContext) -> Answer:
    answer = empty(retrieval.question, retrieval)
    sentences = candidate_sentences(retrieval.hits)
    if retrieval.named:  # "[6]" asked for by number: the entry itself is the answer
        sentences = [s for s in sentences if s.hit.chunk.id in retrieval.named]
    elif retrieval.question.english_front:  # the English abstract (or title, keywords) asked for: quote it
        sentences = [s for s in sentences if s.hit.chunk.section_id == ENGLISH_FRONT] or sentences
    if not sentences:
        return answer
    score(sentences, retrieval, context.settings)
    chosen: list[Sentence] = []
    for s in choose(sentences, context.settings):
        if any(s.text == c.text for c in chosen):  # brought already as another's items or evidence
            continue
        more = list_items(s, context, retrieval) or evidence_after(s, sentences)
        chosen += [s] + [i for i in more if all(i.text != c.text for c in chosen + [s])]
    citer, lines, best = Citer(), [], max(s.score for s in chosen)
    found = {h.chunk.id for h in retrieval.hits}
    for s in chosen:
        extra = []
        if (
            retrieval.question.references
        ):  # the best sentence's sources; another's only if the search found them
            entries = [
                e for e in bibliography_for(s, context.index.chunks) if s.score == best or e.id in found
            ]
            extra = [citer.cite(e, e.text, s.hit.dense) for e in entries]
        lines.append(render.line(s, citer, context.settings.answer.max_sentence_chars, extra))
    answer.answer = render.join(retrieval.lang, lines, chosen)
    answer.abstained, answer.kind = False, "passages"
    answer.citations = citer.citations
    answer.translated = any(s.translated for s in chosen)
    return answer
