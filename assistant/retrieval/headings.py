"""Which section a question is about, read from the headings.

A section a question names by number ("Section 2", 第三部分, "part II") is that section, in the way
the document numbers its headings. Otherwise the question is matched against every heading of the
document, in the asker's language (its own, or its translated edition's): by the share of the
heading's words the question uses, each weighed by how rare it is among the headings (in English, a
word of the same family: "technologically" names "technology", "shrinking" "shrinkage"; or words
readers use for the same thing, see `assistant.question.synonyms`), and by the cosine between the
question and the heading. No word list about any document is involved.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

import numpy as np

from assistant.index.open import OpenIndex
from assistant.index.sections import bare_label, heading_words
from assistant.question import asked, intents
from assistant.question.analysis import Question
from assistant.question.intents import RE_COMPARISON
from assistant.question.numbering import ORDINALS, RE_NTH
from assistant.question.synonyms import widened
from assistant.text import EN_STOP, kin

MIN_NAMED = 0.5  # share of a heading's own words the question uses
MIN_COSINE = 0.55  # cosine between question and heading, when the words alone do not decide
# a part named by a paraphrase of its heading ("the section on China losing competitiveness"): the heading
# nearest to the words naming it, by their mean cosine to the heading in each edition, when no heading off
# its path comes close
NEAR_COSINE, NEAR_MARGIN = 0.45, 0.12
# letters a question's word shares with a heading's to name it: "technologically" names "technology",
# "regions" does not name "regional alliances"
FAMILY = 7
FRONT = ("abstract", "abstract.en", "meta", "refs")
# a noun made of a verb the question uses ("shrinking" names a heading's "shrinkage")
RE_NOUN_SUFFIX = re.compile(r"(?:age|ment|ness|ion|ation)$")
MIN_STEM = 5  # letters of a verb a noun is made of


def made_of(word: str, stem: str) -> bool:
    """`word` is a noun made of `stem` by a suffix ("shrinkage" of "shrink")."""
    return (
        len(stem) >= MIN_STEM
        and word.startswith(stem)
        and RE_NOUN_SUFFIX.fullmatch(word[len(stem) :]) is not None
    )


RE_LATIN = re.compile(r"[A-Za-z]+")
# a name the reader puts in quotes ("the 'technology falling further behind' part", 「技术差距」那部分):
# matched to the headings on its own too, since the rest of the question dilutes its embedding
RE_QUOTED = re.compile(r"(?<![A-Za-z])['‘\"“「『]([^'’\"”」』]{2,80})['’\"”」』](?![A-Za-z])")
MIN_QUOTED_WORDS, MIN_QUOTED_HAN = 2, 4  # a quoted name's English words or Chinese characters
RE_HAN = re.compile(r"[\u4e00-\u9fff]")
ACRONYM = (2, 4)  # words an acronym may stand for


@lru_cache(maxsize=4096)
def acronyms(label: str) -> dict[str, frozenset[str]]:
    """The acronyms runs of an English heading's words make, each with its words ("ai": artificial,
    intelligence)."""
    raw = [w for w in RE_LATIN.findall(bare_label(label)) if w.lower() not in EN_STOP]
    out: dict[str, frozenset[str]] = {}
    for i in range(len(raw)):
        for n in range(ACRONYM[0], min(ACRONYM[1], len(raw) - i) + 1):
            key = "".join(w[0] for w in raw[i : i + n]).lower()
            out[key] = out.get(key, frozenset()) | heading_words(" ".join(raw[i : i + n]))
    return out


def spelt(label: str, terms: set[str]) -> set[str]:
    """The words of an English heading that a question's acronym stands for ("AI" names "Artificial
    Intelligence Closure"'s first two words)."""
    made = acronyms(label)
    return set().union(*(made[t] for t in terms if t in made))


def quoted_names(text: str) -> tuple[str, ...]:
    """The names a question puts in quotes: two English words or more, or a Chinese phrase of four
    characters or more (a shorter one is a term)."""
    found = [m.group(1).strip() for m in RE_QUOTED.finditer(text)]
    english = [n for n in found if RE_LATIN.search(n) and len(n.split()) >= MIN_QUOTED_WORDS]
    return tuple(english + [n for n in found if len(RE_HAN.findall(n)) >= MIN_QUOTED_HAN])


def singular(word: str) -> str:
    """A short plural the light stemmer leaves alone ("gaps", "ties") as its singular."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def rarity(heads: list[set[str]] | list[frozenset[str]]) -> dict[str, float]:
    """How much each word of a document's headings tells one heading from another: log(1 + n/df), so that
    the document's subject, named in most of them, weighs little."""
    df = Counter(w for h in heads for w in h)
    return {w: math.log(1 + len(heads) / n) for w, n in df.items()}


class Headings:
    """The headings of an index, with their embeddings in each language (made on first use)."""

    def __init__(self, index: OpenIndex, embedder):
        self.index, self.embedder = index, embedder
        self._vectors: dict[str, dict[str, np.ndarray]] = {}
        self._words: dict[tuple[str, str], set[str]] = {}
        self._weights: dict[tuple[str, str], dict[str, float]] = {}
        self._shared: dict[tuple[str, str], dict[str, set[str]]] = {}

    def sections(self, document: str) -> list[str]:
        tree = self.index.tree
        return [
            s
            for s in tree.first
            if tree.document_of(s) == document
            and s not in FRONT
            and not s.endswith((".abstract", ".meta", ".refs"))
        ]

    def vectors(self, lang: str) -> dict[str, np.ndarray]:
        if lang not in self._vectors:
            ids = list(self.index.tree.first)
            labels = [bare_label(self.index.label(s, lang)) for s in ids]
            vecs = self.embedder.embed_documents(labels) if labels else []
            self._vectors[lang] = {s: np.asarray(v, dtype=np.float32) for s, v in zip(ids, vecs, strict=True)}
        return self._vectors[lang]

    def words(self, section: str, lang: str) -> set[str]:
        key = (section, lang)
        if key not in self._words:
            self._words[key] = heading_words(self.index.label(section, lang))
        return self._words[key]

    def weights(self, lang: str, document: str) -> dict[str, float]:
        """How much each heading word tells one heading from another: log(1 + n/df) over the document's
        headings (its subject, named in most of them, weighs little)."""
        key = (lang, document)
        if key not in self._weights:
            self._weights[key] = rarity([self.words(s, lang) for s in self.sections(document)])
        return self._weights[key]

    def shared(self, lang: str, document: str) -> dict[str, set[str]]:
        """For each section with parts, the words every part's heading uses and no heading outside the
        section does: what its parts have in common names it ("the theory section" is the one whose
        two parts are each a theory, 理论部分 too)."""
        key = (lang, document)
        if key not in self._shared:
            tree, sections = self.index.tree, self.sections(document)
            out = {}
            for p in sections:
                kids = [k for k in tree.children.get(p, []) if k in sections]
                if len(kids) < 2:
                    continue
                common = set.intersection(*(self.words(k, lang) for k in kids))
                outside = (self.words(s, lang) for s in sections if s != p and not s.startswith(p + "."))
                if common := common - set().union(*outside):
                    out[p] = common
            self._shared[key] = out
        return self._shared[key]

    def names_all_parts(self, section: str, terms: set[str], lang: str, document: str) -> bool:
        """The question names what every part of `section` has in common ("theoretical": theory) and
        nothing that tells one part from the others ("the efficiency-first stage" names a part)."""
        common = self.shared(lang, document).get(section)
        if not common:
            return False

        def named(words: set[str]) -> bool:
            return bool(words & terms) or lang == "en" and any(kin(w, t) for w in words for t in terms)

        kids = self.index.tree.children.get(section, [])
        return named(common) and not any(named(self.words(k, lang) - common) for k in kids)

    def matched(
        self,
        terms: set[str],
        vector: list[float] | None,
        lang: str,
        document: str,
        quoted: tuple[str, ...] = (),
    ) -> list[tuple[float, str]]:
        """(score, section) for the headings the question names, best first (broader sections first
        on a tie); a heading's cosine is the best of the question's and its quoted names'."""
        vectors = self.vectors(lang) if vector is not None else {}
        q = np.asarray(vector, dtype=np.float32) if vector is not None else None
        if q is not None and quoted:
            names = np.asarray(self.embedder.embed_documents(list(quoted)), dtype=np.float32)
            q = np.vstack([q, names])
        out = []
        terms = widened(terms)  # "downsides" names a heading's "negative", 好处 its 积极
        family: dict[str, list[str]] = {}  # a word of the same family names a heading's word (English)
        for t in terms if lang == "en" else ():
            family.setdefault(t[:FAMILY], []).append(t)
        weights = self.weights(lang, document)
        stems = [t for t in terms if len(t) >= MIN_STEM]
        singulars = {singular(t) for t in terms}
        for s in self.sections(document):
            words = self.words(s, lang)
            said = words & terms
            if family:
                said |= {w for w in words if any(kin(w, t, FAMILY) for t in family.get(w[:FAMILY], ()))}
                said |= {w for w in words if RE_NOUN_SUFFIX.search(w) and any(made_of(w, t) for t in stems)}
                said |= words & spelt(self.index.label(s, lang), terms)  # "the AI section"
                said |= {w for w in words if singular(w) in terms or w in singulars}  # "gap" / "gaps"
            total = sum(weights.get(w, 1.0) for w in words)
            named = sum(weights.get(w, 1.0) for w in said) / total if total else 0.0
            if self.names_all_parts(s, terms | singulars, lang, document):
                named = max(named, MIN_NAMED)
            cosine = (
                0.0
                if q is None or s not in vectors
                else float(np.max(q @ vectors[s]) if quoted else q @ vectors[s])
            )
            if named >= MIN_NAMED or cosine >= MIN_COSINE:
                out.append((named + cosine, s))
        return sorted(out, key=lambda x: (-x[0], x[1].count(".")))

    def paraphrased(self, question: Question, document: str) -> str | None:
        """The part a question asking what a part says names by a paraphrase of its heading (see
        `NEAR_COSINE`), when no heading's words or cosine named one."""
        text = question.searched
        says = asked.says_about(text) or asked.asks_argument(text) or intents.names_part(text)
        summary = question.intent == "summary" and not intents.bare_summary(text)
        if not (says or summary) or intents.asks_its_parts(text):
            return None
        if not (phrase := intents.topic_phrase(text)):
            return None
        return self.nearest(self.embedder.embed_query(phrase), document)

    def nearest(self, vector: list[float], document: str) -> str | None:
        """The heading nearest `vector` by its mean cosine over the editions, if at least `NEAR_COSINE`
        and `NEAR_MARGIN` above every heading off its path (neither above nor below it)."""
        q = np.asarray(vector, dtype=np.float32)
        editions = [self.vectors(lang) for lang in ("en", "zh")]
        cosines = {}
        for s in self.sections(document):
            values = [float(q @ v[s]) for v in editions if s in v]
            if values:
                cosines[s] = sum(values) / len(values)
        if not cosines:
            return None
        best = max(cosines, key=cosines.get)
        on_path = lambda s: s == best or best.startswith(s + ".") or s.startswith(best + ".")  # noqa: E731
        rival = max((c for s, c in cosines.items() if not on_path(s)), default=0.0)
        return best if cosines[best] >= NEAR_COSINE and cosines[best] - rival >= NEAR_MARGIN else None

    def by_number(self, document: str, question: Question) -> list[str]:
        """The sections a question names by number ("Section 2", 第三部分), else by its place among the
        parts of one kind ("the first trend", "the second negative impact", 第一个阶段)."""
        found = [self.index.tree.by_number(document, n) for n in question.section_numbers]
        # one part by its place, or the two a comparison names ("第一阶段和第二阶段有何不同"); a follow-up's
        # "the second" is the last answer's
        places = [m.group() for m in RE_NTH.finditer(question.searched)]
        compares = RE_COMPARISON.search(question.searched) is not None
        if not found and not question.is_follow_up and places and (len(places) > 1 or not compares):
            found = [self.nth_part(p, question.lang, document) for p in places[:2]]
        return [s for s in found if s]

    def nth_part(self, question: str, lang: str, document: str) -> str | None:
        """The part a question names by its place among the parts of one kind: the parts of a section
        whose heading names that kind ("the first trend": the first part of "Future Trends"), or of one
        whose parts each do ("the first stage": "Stage One"); None when no one section fits."""
        m = RE_NTH.search(question)
        if not m:
            return None
        k = ORDINALS.get((m.group(1) or m.group(3)).lower(), 0)
        kind = [singular(w.lower()) for w in (m.group(2) or m.group(4)).split()]
        sections = set(self.sections(document))
        names = lambda sid: all(  # noqa: E731
            w in self.index.label(sid, lang)
            if lang == "zh"
            else any(w == singular(h) or kin(w, h) or w in h for h in self.words(sid, lang))
            for w in kind
        )
        fits = []  # (words of the heading naming the kind, the part): the heading nearest to the kind wins
        for p in sections:
            kids = [c for c in self.index.tree.children.get(p, []) if c in sections]
            if len(kids) >= max(k, 2) and (names(p) or all(names(c) for c in kids)):
                extra = len(self.words(p, lang)) if names(p) else 0
                fits.append((extra, kids[k - 1] if k > 0 else kids[-1]))
        best = [part for extra, part in fits if extra == min(fits)[0]] if fits else []
        return best[0] if len(set(best)) == 1 else None
