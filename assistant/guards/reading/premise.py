"""Whether a sentence says what a question takes the text to say, says otherwise, or says neither.

A premise P (see `assistant.guards.reading.frames`) is compared with sentences in the asker's
language (the original, or its translated edition). A sentence holds P when it names most of P's
words and gives every figure of P, names every name P names (places, bodies, people; the corpus's
home name, such as China for a paper about China, may go unsaid), cites every work P cites, and
goes the same way: the same direction (rose, fell), not negated where P is not, the same side of a
contrast ("A rather than B"), as absolute as P. A sentence that names most of P's words but differs
in one of those ways *contradicts* P: its sentence is the correction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from assistant.corpus.entities import named_in, names
from assistant.figures import Figure, figures, holds_figure, years_of
from assistant.guards.reading import polarity
from assistant.guards.reading.frames import (
    RE_CITED,
    asks_yes_no,
    confirmed,
    presupposed,
    stated_premise,
    without_asides,
)
from assistant.guards.reading.roles import other_actor, other_owner, place, titled
from assistant.guards.reading.wording import (
    RE_ACRONYM,
    RE_YEARISH,
    clauses_of,
    content_words,
    contrast_items,
    moved_words,
    named_of,
    spelt_out,
    verb_words,
)
from assistant.text import kin

RE_TITLE = re.compile(r"《[^》]*》")
RE_QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|(?<!\w)'[^']*'(?!\w)|\"[^\"]*\"")  # not a possessive's "s' … X's"
RE_PARENS = re.compile(r"[(（][^()（）]*[)）]")  # a citation or an aside in brackets
# words saying when or how long something happens, not what ("started slapping tariffs back in 2018",
# "kept climbing"): a sentence saying the same thing need not use them
RE_ASPECT = re.compile(r"start\w*|begin\w*|began|begun|keep\w*|kept|continu\w*|back|still|again|ever|already")
# a premise about what happened after a year ("kept climbing after 2021", "2021年以后继续上升")
RE_AFTER_YEAR = re.compile(
    r"\b(?:after|since|beyond)\s+((?:19|20)\d\d)\b|((?:19|20)\d\d)\s*年?(?:以后|之后|以来|后)"
)
RE_YEAR_FIRST = re.compile(r"\s*(?:19|20)\d\d\b")  # a clause opening with a year
RE_FROM = re.compile(r"(?:\bfrom (?:the )?|从)")  # before the figure a change starts from
RE_ANAPHOR = re.compile(  # a clause whose subject points back to what the clause before names
    r"^\s*(?:and |but |yet )?(?:this|that|these|those|it|they)\b|^\s*(?:而|但|但是)?(?:这一?|该|其|此|它)",
    re.I,
)
MAX_NEXT_WORDS = 3  # a clause saying which way with this few other words is about what precedes it


@dataclass
class Holding:
    held: bool
    related: bool  # names enough of the premise's words to be about the same thing
    why: str = ""  # how a related sentence differs: "figures", "direction", "negation", "contrast", …

    @property
    def contradicts(self) -> bool:
        return self.related and not self.held and self.why in CONTRADICTIONS


PARAPHRASE = (
    0.4  # cosine at which a sentence says the same thing in other words (USE; checked on paper-reading-dev)
)
NEAR = 0.7  # a sentence giving the premise's other figures needs only this part of the share to be about it
CONTRADICTIONS = {"figures", "direction", "negation", "contrast", "absolute", "verdict", "names"}


@dataclass
class Premise:
    text: str
    lang: str
    said: str  # the words that state it, with who says it
    words: list[str]
    figures: list[Figure]
    years: list[str]
    names: frozenset[str]
    cited: list[tuple[str, str]] = field(default_factory=list)  # (author, year)
    moves: str | None = None
    negated: bool = False
    absolute: bool = False
    verdict: str | None = None  # "good" or "bad": which side it says outweighs the other
    moved: list[str] = field(
        default_factory=list
    )  # the words after its verb of direction (or before it, if none follow): what it says moves
    presupposed: bool = False  # taken as given by a why-question, not said to be the text's

    def share(self, sentence: str, words: list[str] | None = None) -> float:
        """The part of the premise's `words` (by default all) that `sentence` names."""
        words = self.words if words is None else words
        if not words:
            return 1.0
        have = set(content_words(sentence, self.lang))
        low = sentence.lower()
        if self.lang == "en":  # "employment" meets "employees", "industry" "industrial"
            return sum(w in low or any(kin(w, h) for h in have) for w in words) / len(words)
        return sum(w in have or (len(w) > 2 and w in low) for w in words) / len(words)

    def test(
        self, sentence: str, min_share: float, home: frozenset[str] = frozenset(), cosine: float = 0.0
    ) -> Holding:
        """Whether `sentence` (in the premise's language) holds the premise (see the module doc);
        `cosine`, the two's embedding similarity, makes a paraphrase count as about the same thing."""
        if self.verdict and (said := polarity.verdict(sentence)):  # which side outweighs: said outright
            return Holding(said == self.verdict, True, "" if said == self.verdict else "verdict")
        share = max(self.share(sentence), min_share if cosine >= PARAPHRASE else 0.0)
        missing = [f for f in self.figures if not holds_figure(f, sentence)]
        if (
            missing and share >= NEAR * min_share
        ):  # about the same thing, with another figure of the same kind
            given = figures(sentence)
            differs = share >= min_share or bool(self.figures) and len(missing) < len(self.figures)
            differs = differs and any(f.kind == g.kind for f in missing for g in given)
            return Holding(False, differs, "figures" if differs else "unsaid-figures")
        if share < min_share and self._titled_other(sentence, home):
            return Holding(False, True, "names")  # "the EU's Chips and Science Act": the US's, the text says
        if share < min_share:
            return Holding(False, False, "words")
        if any(y not in sentence for y in self.years):  # another year, where the text says when it was
            closest = self._closest_clause(sentence)
            clauses = self._clauses(sentence)
            after = clauses[clauses.index(closest) + 1 :] if closest in clauses else []
            if after and RE_YEAR_FIRST.match(after[0]):  # "in February 4, 2025": the date's own comma
                closest += after[0]
            other = years_of(closest)
            held = all(holds_figure(f, sentence) for f in self.figures if f.text not in self.years)
            return (
                Holding(False, True, "figures")
                if other and held and share >= min_share
                else Holding(False, False, "years")
            )
        if any(not (named_in(n, sentence, self.lang) or spelt_out(n, sentence)) for n in self.names - home):
            # about the same thing, but of another place, body or person ("moved to India" where the text
            # says Southeast Asia): the text names someone else in the premise's place
            return Holding(False, share >= min_share and self._names_another(sentence, home), "names")
        if any(not re.search(re.escape(a), sentence, re.I) or y not in sentence for a, y in self.cited):
            return Holding(False, False, "cited")
        if other_actor(self.text, sentence, self.lang, home) or other_owner(self.text, sentence, self.lang):
            return Holding(False, True, "names")  # another does (or owns) what the premise says
        return self._same_way(sentence)

    def _same_way(self, sentence: str) -> Holding:
        if self.moves and self._after_year(sentence) not in (None, self.moves):
            return Holding(False, True, "direction")  # "kept climbing after 2021": it fell after 2021
        if self.moves and self._object_against(sentence):
            return Holding(False, True, "direction")  # "encourages chip investment in China": restricts it
        clause = self._closest_clause(sentence)
        if self._fewer_or_more(clause):
            return Holding(False, True, "contrast")  # "across many suppliers": "a few key suppliers"
        # where the sentence says which way what the premise moves goes: the closest clause, the one
        # naming what moves, and the one giving the premise's own figure ("相比2014年增长了99.1%")
        named = [clause, *self._object_clauses(sentence)]
        moved = [*named, self._figure_clause(sentence)]
        for c in named:
            if polarity.direction(c) is None:  # "X reached 4334 in 2024, an increase of 99.1% on 2014"
                moved.append(self._next_clause(sentence, c))
        if (
            self.moves
            and any(polarity.direction(c) not in (None, self.moves) for c in moved if c)
            and not self._goes_its_way(sentence, clause)
        ):
            return Holding(False, True, "direction")
        if self.absolute and not polarity.absolute(sentence):
            return Holding(False, True, "absolute")
        if self.verdict and (said := polarity.verdict(sentence)) != self.verdict:
            # the other verdict contradicts; a sentence weighing nothing does not say it
            return Holding(False, said is not None, "verdict")
        sides = contrast_items(sentence, self.lang)
        if sides and self._flips(sides):
            return Holding(False, True, "contrast")
        if not sides and polarity.negated(clause) != self.negated:
            return Holding(False, True, "negation")
        return Holding(True, True)

    def _after_year(self, sentence: str) -> str | None:
        """Which way the sentence says things went after the year a premise about the time after it
        names: the first clause after the one giving that year that goes one way."""
        m = RE_AFTER_YEAR.search(self.text)
        if m is None:
            return None
        clauses = self._clauses(sentence)
        at = next((i for i, c in enumerate(clauses) if (m.group(1) or m.group(2)) in c), None)
        later = [polarity.direction(c) for c in clauses[at + 1 :]] if at is not None else []
        return next((d for d in later if d), None)

    def _object_against(self, sentence: str) -> bool:
        """The clauses naming what the premise says moves go the other way only, and no clause after them
        takes it up by a pronoun going the premise's way ("…rose to 6.5%, but this ratio has fallen")."""
        objects, clauses = self._object_clauses(sentence), self._clauses(sentence)
        ways = {polarity.direction(c) for c in objects} - {None}
        if not ways or self.moves in ways:
            return False
        last = max((clauses.index(c) for c in objects if c in clauses), default=len(clauses))
        later = clauses[last + 1 :]
        return not any(RE_ANAPHOR.match(c) and polarity.direction(c) == self.moves for c in later)

    def _fewer_or_more(self, clause: str) -> bool:
        """The clause says few of what the premise says many of (or the other way round): a word of
        the three after the premise's quantity is among the three after the clause's other one."""
        lang, n = self.lang, 3 if self.lang == "en" else 2
        after = lambda t: set(content_words(t, lang)[:n])  # noqa: E731
        mine, theirs = polarity.quantified(self.text), polarity.quantified(clause)
        if any(sense == other for sense, _ in mine for other, _ in theirs):
            return False  # the clause says as much as the premise somewhere
        return any(after(a) & after(b) for _, a in mine for _, b in theirs)

    def _titled_other(self, sentence: str, home: frozenset[str]) -> bool:
        """The sentence gives a title or a name of two words or more that the premise names (a law, a
        programme) another actor or owner than the premise does: it is about that thing, however little
        else of the premise it says."""
        return (
            any(place(t, sentence) >= 0 for t in titled(self.text, self.lang, home))
            and other_actor(self.text, sentence, self.lang, home) is not None
        )

    def _names_another(self, sentence: str, home: frozenset[str]) -> bool:
        """The clause closest to the premise names none of the premise's missing names but another name
        the premise does not use."""
        clause = self._closest_clause(sentence)
        clauses = self._clauses(sentence)
        after = clauses[clauses.index(clause) + 1 :] if clause in clauses else []
        if after and RE_ANAPHOR.match(after[0]):  # "以三星和苹果为例，它们将手机业务转移到东南亚后"
            clause += after[0]
        # an acronym ("R&D") may be spelt out where the text names it: not counted as missing
        missing = [
            n for n in self.names - home if not named_in(n, clause, self.lang) and not RE_ACRONYM.match(n)
        ]
        others = [n for n in names(clause, self.lang) - home if not named_in(n, self.text, self.lang)]
        return bool(missing) and bool(others)

    def _goes_its_way(self, sentence: str, closest: str) -> bool:
        """Another clause, naming as much of the premise as the `closest` one and its years, goes the
        premise's way ("rose to 30.5% in 2021, but fell to 28.8% in 2023" does not contradict "fell in
        2023")."""
        clauses, share = self._clauses(sentence), self.share(closest)
        if any(
            polarity.direction(c) == self.moves and all(y in c for y in self.years) and self.share(c) >= share
            for c in clauses
        ):
            return True
        # a later clause about the same thing by a pronoun ("…rose to 30.5%, but this ratio has declined")
        later = clauses[clauses.index(closest) + 1 :] if closest in clauses else []
        if any(RE_ANAPHOR.match(c) and polarity.direction(c) == self.moves for c in later):
            return True
        # a premise going from a point ("slipped from the 30.5% it reached in 2021") goes its way when a
        # clause after the one reaching that point does ("rose to 30.5% in 2021, but … has declined")
        starts = [f for f in self.figures if f not in self.ends]
        at = next((i for i, c in enumerate(clauses) if any(holds_figure(f, c) for f in starts)), None)
        return at is not None and any(polarity.direction(c) == self.moves for c in clauses[at + 1 :])

    @cached_property
    def ends(self) -> list[Figure]:
        """The premise's figures but those it starts from ("slipped from 30.5%", "从30.5%降至…")."""
        return [f for f in self.figures if not re.search(rf"{RE_FROM.pattern}{re.escape(f.text)}", self.text)]

    def _flips(self, sides: list[tuple[set[str], set[str]]]) -> bool:
        """The premise prefers what a contrast of the sentence rejects: it names the rejected item more
        than the preferred one (or, stating a contrast itself, prefers the other side)."""
        mine = contrast_items(self.text, self.lang)
        wanted = [a for a, _ in mine] or [set(self.words)]
        return any(len(w & rejected) > len(w & preferred) for w in wanted for preferred, rejected in sides)

    def _figure_clause(self, sentence: str) -> str | None:
        """The clause giving one of the premise's figures, not one it starts from."""
        return next((c for c in self._clauses(sentence) if any(holds_figure(f, c) for f in self.ends)), None)

    def _clauses(self, sentence: str) -> list[str]:
        return list(clauses_of(sentence, self.lang))

    def _next_clause(self, sentence: str, clause: str) -> str | None:
        """The clause right after `clause` when it only says how much and which way that went: besides
        its figures, years and any citation, few words the premise does not use."""
        clauses = self._clauses(sentence)
        at = clauses.index(clause) if clause in clauses else -1
        if at < 0 or at + 1 >= len(clauses):
            return None
        after = re.split(r"(?<=[.。!?！？])\s", RE_PARENS.sub(" ", clauses[at + 1]).strip())[0]
        words = content_words(after, self.lang)
        other = [w for w in words if w not in self.words and not RE_YEARISH.match(w)]
        return after if len(other) <= MAX_NEXT_WORDS else None

    def _object_clauses(self, sentence: str) -> list[str]:
        """The clauses naming most of what the premise says moves (the words after its verb of direction,
        or before it), all of them where several name as much of it and of the whole premise."""
        if not self.moved:
            return []
        scored = [((self.share(c, self.moved), self.share(c)), c) for c in self._clauses(sentence)]
        best = max((x for x, _ in scored), default=(0.0, 0.0))
        return [c for x, c in scored if best[0] and x == best]

    def _closest_clause(self, sentence: str) -> str:
        """The clause naming the premise's years (if it names any) and most of its words."""
        clauses = self._clauses(sentence) or [sentence]
        return max(clauses, key=lambda c: (all(y in c for y in self.years), self.share(c), -len(c)))


@lru_cache(maxsize=512)
def premise_of(question: str, lang: str) -> Premise | None:
    """The premise a question states, if it states one, else the one a why-question takes as given
    (see `assistant.guards.reading.frames`). Cached: the premise, judge and similarity guards all read
    it for one question; callers do not change what it returns."""
    stated = stated_premise(question, lang)
    given = (
        stated is None
        and (presupposed(question, lang) or confirmed(question, lang))
        or stated is not None
        and asks_yes_no(question)
    )
    stated = stated or given
    if not stated:
        return None
    text, said = stated
    text = without_asides(text)
    bare = RE_TITLE.sub("", RE_QUOTED.sub("", text))
    phrasal = verb_words(text, lang)
    words = [
        w
        for w in content_words(text, lang)
        if (len(w) > 1 or lang == "zh") and w not in phrasal and not RE_ASPECT.fullmatch(w)
    ]
    found = [  # not a count of one ("number one", "one of the …"): no amount claimed
        f
        for f in figures(text)
        if f.kind or f.value >= 10 or "." in f.text or not f.text[:1].isdigit() and f.value != 1
    ]
    if not words and not found:
        return None
    cited = []
    for m in RE_CITED.finditer(said):
        author, year = (m.group(1), m.group(2)) if m.group(1) else (m.group(3)[-2:], m.group(4))
        cited.append((author.split()[-1] if lang == "en" else author, year))
    cited_years = {y for _, y in cited}
    return Premise(
        text=text,
        lang=lang,
        said=said,
        words=words,
        figures=found,
        years=[y for y in years_of(text) if y not in cited_years],
        names=frozenset(n for n in named_of(text, lang) if not any(n in a or a in n for a, _ in cited)),
        cited=cited,
        moves=polarity.direction(bare),
        negated=polarity.negated(bare),
        absolute=polarity.absolute(bare),
        verdict=polarity.verdict(bare),
        moved=moved_words(bare, lang),
        presupposed=bool(given),
    )
