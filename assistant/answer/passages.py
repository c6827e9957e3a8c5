"""The pinpoint answer: the few sentences of the retrieved passages that best answer the question.

Sentences are scored by how much of the question they cover, their cosine to it and their
passage's rank, with a bonus for a sentence that announces as many items as the question asks
("哪三个方面" / "体现在三个方面"), for an item of an enumeration when several things are asked, for a
definition, a reason, an example, figures or a date when the question asks for one; a follow-up asking
for something new ("有例子吗？", "Any numbers?") does not get again what the previous answer said.
Only sentences within `answer.min_relative_score` of the best are quoted, at most
`answer.max_sentences`, in reading order; a sentence that announces a list brings its items, one that
opens by pointing back ("These regions …") the sentence before it, and when several things are asked
and the best sentence is one item of an enumeration, the answer is the whole enumeration (see
`assistant.answer.enumeration`). A question about sources also cites the bibliography entries of the
in-text citations it quotes.
"""

from __future__ import annotations

import re

from assistant.answer import render
from assistant.answer.base import AnswerContext, empty
from assistant.answer.citer import Citer
from assistant.answer.contract import Answer
from assistant.answer.enumeration import (
    RE_COUNT_QUESTION,
    RE_ITEM,
    announces_count,
    asks_many,
    item_body,
    items_of,
    list_items,
    paragraph_chunk_id,
    sibling_items,
)
from assistant.answer.following import (
    RE_DEFINES,
    RE_DEFINITION_QUESTION,
    RE_FIGURE,
    either,
    evidence_after,
    example_after,
    is_example,
)
from assistant.answer.sentences import Sentence, candidate_sentences, coverage, of_term, share_named
from assistant.answer.years import by_year
from assistant.corpus.chunking import Chunk
from assistant.corpus.citations import RE_PAREN, parse_citation_group
from assistant.corpus.entities import named_in
from assistant.figures import years_of
from assistant.question import asked as asking
from assistant.question import numbering
from assistant.question.asked import FIGURE_WORDS, RE_ASKS_DATE, RE_ASKS_EXAMPLE, RE_ASKS_FIGURES, term_asked
from assistant.question.followup import new_focus
from assistant.retrieval.hybrid import ENGLISH_FRONT
from assistant.retrieval.results import Retrieval
from assistant.text import content_tokens

# "why …" / "为什么" asks for a reason; "because", "due to", 由于, 原因 give one
RE_WHY_QUESTION = re.compile(r"\bwhy\b|\breasons?\b|为什么|为何|原因|何以", re.I)
RE_GIVES_REASON = re.compile(
    r"\b(?:because|since|due to|owing to|as a result of|thanks to|driven by|the reasons?|reflects?|"
    r"so that|in order to|prompted by|fu?ell?ed by)\b|"
    r"因为|由于|原因|得益于|源于|在于|导致|使得|以便|为了|随着|驱动|促使|"
    # a circumstance it arises from, opening the sentence ("As the political situation evolves, …")
    r"^\W*(?:as|with) [^,]{3,80}?\b(?:evolv|develop|increas|grow|ris|chang|intensif|deepen|escalat)\w*",
    re.I,
)
# a sentence giving an example
RE_GIVES_EXAMPLE = re.compile(
    r"例如|比如|譬如|为例|诸如|(?<=[，,])如(?![果何此今同])|\bfor (?:example|instance)\b|\bsuch as\b|"
    r"\be\.g\.",
    re.I,
)
# what kind of content a question asks for, and a sentence that gives it: an example, figures, a date
ASKED_KINDS = [
    (RE_ASKS_EXAMPLE, RE_GIVES_EXAMPLE),
    (RE_ASKS_FIGURES, RE_FIGURE),
    (RE_ASKS_DATE, re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")),
]
# a follow-up that asks for more than was said: "还有别的吗？", "Anything else?"
RE_MORE = re.compile(r"还有|其他|其它|别的|另外|更多|\b(?:else|other|more|another)\b", re.I)
KIND_BONUS = 0.2
NEAR_FLOOR = 0.4  # part of the best sentence's score an example from the topic's own part needs
ITEM_BONUS = 0.1  # a list question: a sentence that is an item of an enumeration ("第三，…")
REPEAT_PENALTY = 0.3  # a follow-up asking for something new: a sentence the previous answer already gave
LIST_BONUS = 0.3
DEFINITION_BONUS = 0.3
REASON_BONUS = 0.1
REASON_NEXT = SHIFT_BONUS = 0.3  # after an answer: the next sentence (why); one naming the new thing
YEAR_PENALTY = 0.15  # a question about a year: a sentence giving only other years
# the abstract says in one sentence what the body explains: for a question about one thing (not a list,
# which the abstract may give whole, nor the abstract itself), the body's own sentence first
SUMMARY_PENALTY = 0.15
RE_ABSTRACT = re.compile(r"摘要|\babstract\b", re.I)


def score(sentences: list[Sentence], retrieval: Retrieval, settings) -> None:
    cfg = settings.answer
    top = retrieval.hits[0].score or 1.0
    sim_weight = cfg.similarity_weight_zh if retrieval.lang == "zh" else cfg.similarity_weight_en
    question = retrieval.question.searched
    asked = asked_kinds(retrieval.question.text)
    # a follow-up asking for an example of a term is not asking what it means again
    defining = RE_DEFINITION_QUESTION.search(question) is not None and not asked
    term = term_asked(question) if defining else None
    why = RE_WHY_QUESTION.search(question) is not None
    listing = asks_many(question)
    # another example, or more: not what was said; an example of what was said may be the one it gave; a
    # figure or a date may be in what was said
    # "那美国呢？": the same asked of something else, which a sentence should name, and not what was said
    shift = new_focus(retrieval.question.text) if retrieval.question.is_follow_up else []
    # "What role does RCEP play in the paper?": what the text says of a topic, in sentences naming it
    topic = [w.lower() for w in content_tokens(asking.topic_asked(question) or "")]
    more = bool(shift) or RE_MORE.search(retrieval.question.text) is not None
    # a follow-up asking why what was said holds: what follows it in the text, too
    again = retrieval.question.is_follow_up and RE_WHY_QUESTION.search(retrieval.question.text) is not None
    said = said_before(retrieval) if asks_example(retrieval.question.text) or more or again else ""
    repeat = bool(said) and not again
    given = {(s.hit.chunk.id, s.index) for s in sentences if again and said and s.shown.strip() in said}
    one_thing = not listing and not RE_ABSTRACT.search(question)  # not a list, not about the abstract
    years = set(years_of(question))  # a sentence of other years only is no answer about these
    # the words asking for figures name no topic ("any export numbers": not "the number of employees")
    terms = {t: w for t, w in retrieval.terms.items() if t not in FIGURE_WORDS} if asked else retrieval.terms
    # a follow-up asking for an example of what was said: a sentence that is one, before one naming
    # instances of a word in passing
    example = retrieval.question.is_follow_up and asks_example(retrieval.question.text)
    for s in sentences:
        own = set(years_of(s.text))
        s.score = (
            KIND_BONUS * sum(1 for gives in asked if gives.search(s.shown))
            - (REPEAT_PENALTY if repeat and s.shown.strip() in said and (more or not is_example(s)) else 0.0)
            - (SUMMARY_PENALTY if one_thing and s.hit.chunk.kind == "abstract" else 0.0)
            + cfg.coverage_weight * coverage(terms, s.shown, s.tokens)
            + sim_weight * s.similarity
            + cfg.rank_weight * (s.hit.score / top)
            + (LIST_BONUS if announces_count(question, s.text) else 0.0)
            + (ITEM_BONUS if listing and RE_ITEM.match(s.text) else 0.0)
            # a definition, as the translation or the original words it
            + (DEFINITION_BONUS if defining and either(RE_DEFINES, s) and of_term(term, s) else 0.0)
            + (REASON_BONUS if why and RE_GIVES_REASON.search(s.shown) else 0.0)
            - (YEAR_PENALTY if years and own and not own & years else 0.0)
            + (KIND_BONUS / 2 if example and is_example(s) else 0.0)
            + (SHIFT_BONUS if any(named_in(n, f"{s.shown} {s.text}", retrieval.lang) for n in shift) else 0.0)
            + SHIFT_BONUS * share_named(topic, s)
            + (REASON_NEXT if (s.hit.chunk.id, s.index - 1) in given - {(s.hit.chunk.id, s.index)} else 0.0)
        )


def asks_example(question: str) -> bool:
    return RE_ASKS_EXAMPLE.search(question) is not None


# "When Samsung moved its phone business, how many …": a clause that sets the scene, asking no date
RE_WHEN_CLAUSE = re.compile(r"^\s*when\b[^,?]*,", re.I)


def asked_kinds(question: str) -> list[re.Pattern]:
    """For each kind of content the question asks for (an example, figures, a date), what gives it."""
    question = RE_WHEN_CLAUSE.sub(" ", question)
    return [gives for asks, gives in ASKED_KINDS if asks.search(question)]


def said_before(retrieval: Retrieval) -> str:
    """The previous answer's text, when the question is a follow-up (else "")."""
    q = retrieval.question
    if not q.is_follow_up:
        return ""
    return next((t.content for t in reversed(q.history) if t.role == "assistant"), "")


# a sentence that opens by pointing back ("These regions …", "该措施…") leans on the one before it
RE_POINTS_BACK = re.compile(
    r"^(?:这些|这一|这种|这类|此类|该|上述|其中)|^(?:these|this|such|those|the above)\b", re.I
)


# … or names what it points back to in its first words ("本文旨在填补这一研究空白")
RE_NAMES_BACK = re.compile(r"^[^，,。；;]{0,8}?(?:这一|这些|上述|此类|这种)")


def context_before(s: Sentence, sentences: list[Sentence], point: bool = False) -> list[Sentence]:
    """The previous sentence of the same paragraph (of the chunk before, when `s` opens its chunk and
    that one was found too) when `s` opens by pointing back to it, or, when the question asks what an
    example is for (`point`), when `s` gives one ("例如，…")."""
    back = RE_POINTS_BACK.match(s.text) or RE_POINTS_BACK.match(s.shown) or RE_NAMES_BACK.match(s.text)
    back = back or point and is_example(s)
    if not back:
        return []
    if s.index:
        return [t for t in sentences if t.hit is s.hit and t.index == s.index - 1]
    before = paragraph_chunk_id(s.hit.chunk.id, -1)
    last = [t for t in sentences if t.hit.chunk.id == before]
    return [max(last, key=lambda t: t.index)] if last else []


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


def giving_asked(sentences: list[Sentence], retrieval: Retrieval, settings) -> list[Sentence]:
    """The sentences to choose from: when the question asks for a kind of content (an example,
    figures, a date), those that give it, if one of them comes within the relevance floor of the best
    sentence; a sentence that does not give it is no answer to "有数据吗？" (its context still comes)."""
    kinds = asked_kinds(retrieval.question.searched)  # a follow-up made whole asks it too
    giving = [s for s in sentences if any(either(g, s) for g in kinds)]
    if not giving:
        return sentences
    best = max(sentences, key=lambda s: s.score)
    floor = settings.answer.min_relative_score * best.score
    # an example of the topic, from where the text treats it (the part a follow-up is about, else the best
    # sentence's), before one from elsewhere
    where = retrieval.question.steer or [best.hit.chunk.section_id]
    near = [s for s in giving if any(related(s.hit.chunk.section_id, w) for w in where)]
    # a follow-up asking for an example of what was said: one from where the text treats it need come only
    # within `NEAR_FLOOR` of the best
    near_floor = NEAR_FLOOR * best.score if retrieval.question.is_follow_up else floor
    if retrieval.question.is_follow_up and retrieval.question.steer and not near:
        # figures of what was said, where the part that said it gives none: not another topic's
        return [s for s in sentences if any(related(s.hit.chunk.section_id, w) for w in where)] or sentences
    for pool, least in ((near, near_floor), (giving, floor)):
        if pool and max(s.score for s in pool) >= least:
            return pool
    return sentences


# items listed inside a sentence: "A、B、C", "A、B以及C" (not "A、B的标准和C": two of one kind, then a third)
RE_INLINE_LIST = re.compile(r"、[^，。；、]{1,10}(?:、|以及|及)")
LIST_FLOOR = 0.8  # part of the best sentence's score a sentence announcing a list needs, for a list question


def announced_list(
    sentences: list[Sentence], best: Sentence, picked: list[Sentence], retrieval: Retrieval, context
) -> list[Sentence]:
    """For a question asking for several things (no count) that no chosen sentence lists: the best
    sentence near the best one's section that announces a list ("表现在多个层面。"), within `LIST_FLOOR`
    of it, with its items; [] when none does."""
    question = retrieval.question.searched
    if not asks_many(question) or RE_COUNT_QUESTION.search(question):  # a count: see `announces_count`
        return []
    if any(RE_ITEM.match(s.text) or RE_INLINE_LIST.search(s.text) for s in picked):  # a list is there
        return []
    near = [
        s
        for s in sentences
        if s.score >= LIST_FLOOR * best.score and related(s.hit.chunk.section_id, best.hit.chunk.section_id)
    ]
    for s in sorted(near, key=lambda s: -s.score):
        if items := list_items(s, context, retrieval):
            return [s, *items]
    return []


def select(sentences: list[Sentence], retrieval: Retrieval, context: AnswerContext) -> list[Sentence]:
    """The sentences of the answer: the chosen ones, each with what it leans on (the sentence it points
    back to, the items it announces, the figures that bear it out). A list question whose best sentence
    is an item of an enumeration gets the whole enumeration, in its order, and nothing else."""
    picked = choose(giving_asked(sentences, retrieval, context.settings), context.settings)
    if paired := by_year(sentences, retrieval):  # "Compare the battery figures for 2023 and 2024"
        return paired
    best = max(picked, key=lambda s: s.score)
    if items := sibling_items(best, context, retrieval):
        return items
    if listed := announced_list(sentences, best, picked, retrieval, context):
        return listed
    q = retrieval.question
    points = q.is_follow_up and numbering.ordinal_reference(q.text) is not None
    if points and (body := item_body(best, context, retrieval)):
        return body  # "那第三点具体是什么？": that item, and all it says of it
    chosen: list[Sentence] = []
    for s in picked:
        if any(s.text == c.text for c in chosen):  # brought already as another's items or evidence
            continue
        point = asking.asks_point(q.text)
        before = [b for b in context_before(s, sentences, point) if all(b.text != c.text for c in chosen)]
        leans = evidence_after(s, sentences) or example_after(s, sentences, q)  # its figures, its example
        more = list_items(s, context, retrieval) or leans
        chosen += before + [s] + [i for i in more if all(i.text != c.text for c in chosen + before + [s])]
    return chosen


# what the answer says when the text gives no content of the kind asked for
NOT_GIVEN = {
    "figures": {
        "en": "The paper gives no figures on this. What it says:",
        "zh": "论文没有给出这方面的数据。论文的原话是：",
    },
    "example": {
        "en": "The paper gives no example of this. What it says:",
        "zh": "论文没有举这方面的例子。论文的原话是：",
    },
}


def not_given(question: str, chosen: list[Sentence]) -> str | None:
    """The kind of content the question asks for in its own words (figures, an example) that no sentence
    of the answer gives, or None."""
    figures, example = RE_ASKS_FIGURES.search(question), RE_ASKS_EXAMPLE.search(question)
    if figures and not example and not any(either(RE_FIGURE, s) for s in chosen):
        return "figures"
    if example and not figures and not any(either(RE_GIVES_EXAMPLE, s) for s in chosen):
        return "example"
    return None  # asked for both, or given what it asks


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
    chosen = select(sentences, retrieval, context)
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
    if missing := not_given(retrieval.question.text, chosen):  # "Any numbers for that?" where there are none
        answer.answer = f"{NOT_GIVEN[missing][retrieval.lang]}\n{answer.answer}"
    answer.items = items_of(chosen)
    answer.citations = citer.citations
    answer.translated = any(s.translated for s in chosen)
    return answer
