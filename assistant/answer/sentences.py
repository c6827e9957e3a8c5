"""The quotable units of the retrieved passages, each scored for how well it answers the question.

A unit is a sentence (or a whole table row, note or bibliography entry). It is read in the asker's
language where the passage has a translated edition: its words and its embedding are the edition's,
so an English question is matched against English text. Its score weighs how much of the question it
covers, its cosine to the question and its passage's rank.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.corpus.chunking import split_sentences
from assistant.question.intents import RE_INJECTION
from assistant.retrieval.results import Hit
from assistant.text import content_tokens, language_of, tokenize


@dataclass
class Sentence:
    hit_rank: int
    hit: Hit
    index: int  # which quotable unit of the chunk
    start: int
    end: int
    text: str  # as the text says it
    shown: str  # in the asker's language (the edition's), or `text` when there is none
    similarity: float = 0.0  # cosine similarity to the question
    tokens: list[str] | None = None  # BM25 tokens of `shown`
    score: float = 0.0
    translated: bool = False  # `shown` is the translated edition's

    @property
    def flagged(self) -> bool:
        e = self.hit.edition
        return bool(e and self.index < len(e.flagged) and e.flagged[self.index])


def sentence_of(hit: Hit, index: int, rank: int = 0) -> Sentence:
    s, e = hit.chunk.sentence_spans()[index]
    text = hit.chunk.text[s:e]
    translated = bool(hit.edition and index < len(hit.edition.sentences))
    shown = hit.edition.sentences[index] if translated else text
    sims, toks = hit.sentence_similarity, hit.sentence_tokens
    return Sentence(
        rank,
        hit,
        index,
        s,
        e,
        text,
        shown,
        similarity=sims[index] if sims and index < len(sims) else 0.0,
        tokens=toks[index] if toks and index < len(toks) else None,
        translated=translated,
    )


def candidate_sentences(hits: list[Hit]) -> list[Sentence]:
    """Every unit of the hits, best hit first; none that gives orders (see RE_INJECTION)."""
    out = [
        sentence_of(h, k, rank) for rank, h in enumerate(hits) for k in range(len(h.chunk.sentence_spans()))
    ]
    return [s for s in out if not RE_INJECTION.search(s.text)]


def coverage(terms: dict[str, float], text: str, tokens: list[str] | None = None) -> float:
    """Weighted share of the question's terms that `text` holds (`tokens`: its BM25 tokens, if known)."""
    if not terms:
        return 0.0
    toks = set(tokenize(text) if tokens is None else tokens)
    low = text.lower()
    got = sum(w for t, w in terms.items() if t in toks or (len(t) > 1 and t in low))
    return got / sum(terms.values())


def without_instructions(text: str) -> str:
    """`text` with its instruction-like sentences cut out (corpus text cannot instruct a model)."""
    spans = split_sentences(text)
    if not any(RE_INJECTION.search(text[s:e]) for s, e in spans):
        return text
    return "".join(text[s:e] for s, e in spans if not RE_INJECTION.search(text[s:e]))


def of_term(term: str | None, s: Sentence) -> bool:
    """The sentence is about the term asked (half its words); a term in another language than the
    original's is not checked (its translation may word it otherwise)."""
    words = set(content_tokens(term or ""))
    if not words:
        return True
    if language_of(term) != language_of(s.text):  # the translation may word the term otherwise
        return True
    have = set(content_tokens(s.text))
    return len(words & have) >= 0.5 * len(words)


def share_named(words: list[str], s: Sentence) -> float:
    """The share of `words` (lower-cased) the sentence names, as shown or as the text says it."""
    text = f"{s.shown} {s.text}".lower() if words else ""
    return sum(w in text for w in words) / len(words) if words else 0.0
