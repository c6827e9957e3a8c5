"""Whether a sentence gives the figure an amount question asks for.

A sentence answers "how many manufacturing jobs …" only if one of its clauses names the jobs (the
head of the asked phrase and most of its words) and gives an amount there or in the clause that
follows ("…数量增长了3倍，达到225万台"): not a year, a percentage when a share or rate is asked, a level
when a level is asked ("减少1.7万家" is a change), in the measure word asked (多少家: 家), and in a
sentence that names the years asked about. Sentences are read in the asker's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from assistant.figures import figures
from assistant.guards.reading.amount_question import asked_quantity, asked_units
from assistant.guards.reading.frames import RE_CLAUSE_END, RE_SENTENCE
from assistant.guards.reading.wording import content_words
from assistant.question.synonyms import written_alike

RE_QUESTION_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# a year the figure is compared with ("比2022年增长", "up on 2014"): a growth rate need not name it
RE_BASE_YEAR = re.compile(
    r"(?:比|较|相比|相较于?|同|than|compared (?:with|to)|relative to|versus|vs\.?|(?:up|down) "
    r"(?:on|from)|since)\s*"
    r"(?:in\s+|the end of\s+)?((?:19|20)\d\d)(?!\d)|(?:跟|和|与|同)\s*((?:19|20)\d\d)\s*年?(?:底|"
    r"末)?\s*(?:相)?比",
    re.I,
)
# the year a source appeared ("工信部2025年发布的数据", "the 2023 report", "(IMF, 2023)")
RE_SOURCE_YEAR = re.compile(
    r"((?:19|20)\d\d)\s*年?\s*(?:发布|公布|出版|的?(?:报告|公报|年报)|(?:report|bulletin|edition)\b)|"
    r"[（(](?:[^（）()]{1,40}[,，]\s*)?((?:19|20)\d\d)[)）]",
    re.I,
)
RE_COUNT_QUESTION = re.compile(
    r"\bhow many\b|多少[个家项台辆件座条种所款位名人户亩]|"
    r"几[个家项台辆件座条种所款位名]",
    re.I,
)
RE_RATE_QUESTION = re.compile(
    r"\b(?:share|percentage|proportion|fraction|rate)\b|比重|比例|占比|百分|率", re.I
)
RE_CHANGE_QUESTION = re.compile(
    r"\b(?:grow|grew|grown|growth|rise|rose|risen|fall|fell|fallen|drop|dropped|decline|declined|increase|"
    r"increased|decrease|decreased|change|changed|gain|gained|lose|lost|up|down|more|fewer|less|cut|shrink|"
    r"shrank|expand|expanded|add|added|jump|jumped)\b|增|减|涨|跌|降|升|提高|提升|回落|变化|多了|少了|翻",
    re.I,
)
# a figure that is a change: after a verb of change ("减少1.7万家", "fell by 17,000")
RE_CHANGE_BEFORE = re.compile(
    r"(?:(?:减少|增加|增长|下降|上升|提升|提高|降低|回落|扩大|缩小|下滑|萎缩|增|减)了?\s*(?:近|约|超过)?|"
    r"\b(?:by|an? (?:increase|decrease|rise|fall|drop|gain|loss) of)\s+(?:about |nearly |almost |over |some "
    r")?)\s*$",
    re.I,
)
# a clause that gives the level the clause before it names ("…，达到225万台", "…, reaching 2.25 million")
RE_LEVEL_AFTER = re.compile(
    r"^\s*(?:达到|达|为|增至|降至|升至|至|超过|突破|占|reach\w*|to\b|totall?ing|at\b)", re.I
)
MEASURE_WORDS = frozenset("家项台辆件座条种所款")
# a clause that goes on about the subject of the one before, naming none of its own
RE_MOVES = re.compile(
    r"增长|下降|提高|提升|减少|增加|回落|\b(?:gr[eo]w|rose|rise|fell|fall|increas|decreas|up|down)", re.I
)
RE_GOES_ON = re.compile(r"^\s*(?:在|占|其中|约占|比|较|同比|环比|分别|并|且|, accounting for|accounting for)")
RE_AMOUNT_OF = re.compile(r"总?(?:额|量|规模|数量?)")  # what turns a noun into its amount (贸易 → 贸易额)
# an amount of money, in any currency: asked for in one ("how many dollars", 多少美元), it is given in one
RE_MONEY_QUESTION = re.compile(
    r"\bhow (?:many|much)\b.{0,30}\b(?:dollars?|yuan|rmb|euros?|pounds?|yen|money)\b|"
    r"多少(?:美元|欧元|亿?元|万元|钱)",
    re.I,
)
RE_MONEY = re.compile(r"\b(?:dollars?|yuan|rmb|euros?|pounds?|yen|usd)\b|[$¥€£]|美元|欧元|元", re.I)


@dataclass
class Quantity:
    phrase: str
    lang: str
    words: list[str]  # content words of the asked phrase, its head last
    rate: bool = False
    years: frozenset[str] = frozenset()
    change: bool = True  # a change may answer it; else only a level does
    measures: frozenset[str] = frozenset()
    count: bool = False  # a number of things is asked ("how many", 多少个)
    money: bool = False  # an amount of money is asked ("how many dollars", 多少美元)

    def _gives(self, part: str) -> bool:
        found = [
            f
            for f in figures(part, words=True)
            if not (f.value.is_integer() and 1900 <= f.value <= 2100 and not f.kind)
        ]
        if not found or not all(m in part for m in self.measures):
            return False
        if self.money and not RE_MONEY.search(part):
            return False
        if self.rate and not any(f.kind in ("%", "pp") for f in found):
            return False
        if self.count:  # a count is not answered by a share
            found = [f for f in found if f.kind not in ("%", "pp")]
            if not found:
                return False
        if self.change:
            return True
        return any(not RE_CHANGE_BEFORE.search(part[: part.find(f.text)]) for f in found if f.text in part)

    def _named(self, clause: str) -> list[bool]:
        """For each of the quantity's words, whether the clause names it (or a word for the same thing)."""
        have, low = set(content_words(clause, self.lang)), clause.lower()
        return [any(a in have or a in low for a in written_alike(w)) for w in self.words]

    def given_in(self, sentence: str, share: float) -> bool:
        if not all(y in sentence for y in self.years):
            return False
        clauses = [c for c in RE_CLAUSE_END.split(sentence) if c.strip()]
        before = ""
        for clause, after in pairwise([*clauses, ""]):
            found = self._named(clause)
            # "…机电产品出口13.92万亿元，在出口总值中的占比提升至58.6%": a clause going on about the subject
            # of the one before names it too, when the two name all of it (and a change asked is one)
            if RE_GOES_ON.match(clause) and (not self.change or RE_MOVES.search(clause)):
                joined = [a or b for a, b in zip(found, self._named(before), strict=True)]
                found = joined if all(joined) else found
            before = clause
            if not (found[-1] and sum(found) >= share * len(found)):
                continue
            parts = (clause, after) if RE_LEVEL_AFTER.match(after) else (clause,)
            if any(self._gives(p) for p in parts):
                return True
        return False


RE_SEVERAL = re.compile(r"[和及与、]|\band\b")  # a phrase naming several things


def quantity_of(question: str, lang: str, home: frozenset[str] = frozenset()) -> Quantity | None:
    """The Quantity an amount question asks for (its words without the corpus's home names)."""
    asked = asked_quantity(question, lang)
    if asked is None:
        return None
    phrase, asking = asked
    words = [w for w in content_words(phrase, lang) if not any(w.lower() in h.lower() for h in home)]
    # "贸易额" read as 贸易 and 贸易额 (as the tokenizer may or may not split it): the amount of 贸易, which
    # a text gives as 进出口总额 too
    words = [
        w for w in words if not any(o != w and RE_AMOUNT_OF.fullmatch(w.replace(o, "", 1)) for o in words)
    ]
    if not words:
        return None
    sentences = RE_SENTENCE[lang].split(question.strip())
    said = next((s for s in reversed(sentences) if asked_quantity(s, lang)), question)
    sources = {y for pair in RE_SOURCE_YEAR.findall(question) for y in pair if y}
    compared = {y for pair in RE_BASE_YEAR.findall(question) for y in pair if y}
    years = (
        frozenset(RE_QUESTION_YEAR.findall(said) or RE_QUESTION_YEAR.findall(question)) - sources - compared
    )
    if len(years) > 1 and RE_SEVERAL.search(phrase):  # "2023年A和2024年B各是多少": each its own year
        years = frozenset()
    return Quantity(
        phrase,
        lang,
        words,
        rate=RE_RATE_QUESTION.search(asking) is not None,
        years=years,
        change=RE_CHANGE_QUESTION.search(question) is not None,
        measures=MEASURE_WORDS & asked_units(question),
        count=RE_COUNT_QUESTION.search(question) is not None and not RE_RATE_QUESTION.search(asking),
        money=RE_MONEY_QUESTION.search(question) is not None,
    )
