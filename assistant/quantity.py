"""Whether a passage gives the figure an amount question asks for.

A passage answers "how many manufacturing jobs …" only if it gives a figure for jobs; a figure for
something else the question also names (robots, 2030, 芯片) does not, nor does a figure for another
place (the world's robots for China's), a change when a level is asked, or a list's total when one
item is asked on its own. `assistant.amount_question.asked_quantity` finds the words for the thing,
`quantity_of` turns them into the Chinese words a passage would use and reads the question's years,
places and kind of figure, and `Quantity.given_in` looks for a clause that names them and gives a
figure. When no such phrase is found there is no Quantity, and nothing more is asked of the passages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from assistant.amount_question import AUX, RE_AMOUNT_QUESTION, asked_quantity, asked_units
from assistant.citations import RE_PAREN
from assistant.lexicon import Lexicon, translation_units
from assistant.places import only_other_places, places_named
from assistant.text import ZH_STOP, english_words, jieba_words

# words a passage may use for the same amount: a country's trade is its 进出口
SYNONYMS_ZH = {"贸易": ("进出口",), "进出口": ("贸易",), "供应商": ("配套企业",)}  # suppliers: 配套企业
RE_WORDLIKE = re.compile(r"\w")  # a jieba word that is not punctuation ("、")
RE_FIGURE = re.compile(r"\d+(?:\.\d+)?")
RE_YEAR = re.compile(r"(?:19|20)\d\d")
RE_QUESTION_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# a year the figure is compared with ("比2022年增长", "up on 2014"): a growth rate need not name it
RE_BASE_YEAR = re.compile(
    r"(?:比|较|相比|相较于?|同|than|compared (?:with|to)|relative to|versus|vs\.?|(?:up|down) (?:on|from))\s*(?:in\s+)?"
    r"((?:19|20)\d\d)(?!\d)|(?:跟|和|与|同)\s*((?:19|20)\d\d)\s*年?(?:底|末)?\s*(?:相)?比", re.I
)
# a year a source was published ("工信部2025年发布的数据", "the 2023 report"): its citation may name it
RE_SOURCE_YEAR = re.compile(
    r"((?:19|20)\d\d)\s*年?\s*(?:发布|公布|出版|的?(?:报告|公报|年报)|(?:report|bulletin|edition)\b)", re.I
)
# the year of a work cited by author and year ("MIIT (2025)", "卢进勇等（2024）") is a source's too
RE_CITATION_YEAR = re.compile(r"[（(](?:[^（）()]{1,40}[,，]\s*)?((?:19|20)\d\d)[)）]")
YEAR_NOT_FOLLOWED_BY = set("万亿千百多余%％件项台家辆元吨倍个")
# a clause: a stretch of a sentence between commas and semicolons (a comma between digits is a figure's)
RE_CLAUSE_END = re.compile(r"[，；;]|,(?!\d)")
# where a question's sentences end (a Chinese one needs no space after its stop)
RE_SENTENCE = {"zh": re.compile(r"(?<=[。！？?!；;])"), "en": re.compile(r"(?<=[.?!;])\s+")}
# a question about a share or a rate is answered by a percentage
RE_RATE_QUESTION = re.compile(r"\b(?:share|percentage|proportion|fraction|rate)\b|比重|比例|占比|百分|率", re.I)
# a count in Chinese numerals, but not a bare 一 ("一个重要原因" counts nothing)
ZH_COUNT = r"(?:[两三四五六七八九十][一二两三四五六七八九十百千万]*|一[十百千万][一二两三四五六七八九十百千万]*)"
# such a count with its measure word: "六席", "前十位"
RE_ZH_COUNT = re.compile(rf"{ZH_COUNT}[个家项台辆件人元吨次倍座条种席所款位名大]|半数|一半|过半|近半|大半")
# a question about a change ("how much did it grow", "增加了多少") may be answered by one; any other
# asks for a level, which a change alone ("较2018年底减少1.7万家", "增长8.6%") does not give
RE_CHANGE_QUESTION = re.compile(
    r"\b(?:grow|grew|grown|growth|rise|rose|risen|fall|fell|fallen|drop|dropped|decline|declined|increase|"
    r"increased|decrease|decreased|change|changed|gain|gained|lose|lost|up|down|more|fewer|less|cut|shrink|"
    r"shrank|expand|expanded|add|added|jump|jumped)\b|增|减|涨|跌|降|升|提高|提升|回落|变化|多了|少了|翻",
    re.I,
)
# a figure that is a change: after a verb of change ("减少1.7万家", "分别增加了1.8和0.6个百分点")
RE_CHANGE_BEFORE = re.compile(
    r"(?:减少|增加|增长|下降|上升|提升|提高|降低|回落|扩大|缩小|下滑|萎缩|增|减)了?\s*(?:近|约|超过)?\s*"
    r"(?:[\d.]+\s*[和、与及]\s*)?$"
)
# units asked for (see asked_units) that are measure words of a count: the figure must be in them
MEASURE_WORDS = frozenset("家项台辆件座条种所款")
# a question about one item on its own ("lithium batteries alone", "锂电池单项"): a figure for a list
# of items ("新能源汽车、锂电池、光伏组件等…合计") is not the item's
RE_ALONE = re.compile(
    r"(?P<en1>(?:[\w'-]+ ){0,2}[\w'-]+) (?:alone|on (?:its|their) own|by (?:itself|themselves))\b|"
    r"\b(?:looking only at|only at|just) (?P<en2>[\w'-]+(?: [\w'-]+){0,2})|"
    r"(?:单看|光是|光看|只看|单是|单单|仅仅是|仅仅|仅)(?P<zh1>[\u4e00-\u9fff]{2,10}?)(?:的|，|,|出口|进口|装|$)|"
    r"(?P<zh2>[\u4e00-\u9fff]{2,6}?)(?:这一项)?(?:单项|单独)",
    re.I,
)
RE_LIST = re.compile(r"[^，,；;、\s]+(?:、[^，,；;、\s]+)+等")
RE_LEVEL_AFTER = re.compile(r"(?:达到|达|为|增至|降至|升至|至|超过|突破|占)")  # "…，占全国的53.1%": its share
RE_PERCENT = re.compile(r"\d\s*[%％]|百分点|分之|\d\s*/\s*\d")


def amounts(sentence: str) -> list[int]:
    """Where the figures in `sentence` that are amounts start: not a bare year ("2000万台" is an
    amount, "2023年" is not), a month or a day; counts in Chinese numerals ("六席") and halves too."""
    out = [m.start() for m in RE_ZH_COUNT.finditer(sentence)]
    for m in RE_FIGURE.finditer(sentence):
        after, before = sentence[m.end() : m.end() + 1], sentence[max(0, m.start() - 1) : m.start()]
        if RE_YEAR.fullmatch(m.group()):
            if after in YEAR_NOT_FOLLOWED_BY:
                out.append(m.start())
        elif not (after in ("月", "日") or before == "年" and after in ("月", "日", "")):
            out.append(m.start())
    return sorted(out)


def has_quantity(text: str, unit: str) -> bool:
    """A figure in `unit` (with 近/约/多/余 and 万/亿 allowed in between): '200多家', '4334件', '三个'."""
    figure = rf"(?:\d[\d.,，]*\s*[多余]?\s*[万亿千百]?|{ZH_COUNT})"
    return re.search(rf"{figure}\s*{re.escape(unit)}", text) is not None


@dataclass
class Quantity:
    """What an amount question asks the amount of: `units`, the words of its name in reading order
    (the last is its head), each as the strings any of which names it in a passage."""

    phrase: str
    units: list[set[str]]
    rate: bool = False  # a share or a rate is asked: the figure must be a percentage
    years: frozenset[str] = frozenset()  # the years the question names: the figure is given with them
    places: frozenset[str] = frozenset()  # the places it names: a figure given for others only is no answer
    sources: frozenset[str] = frozenset()  # years its sources appeared: in the sentence or its citations
    change: bool = True  # a change may answer it ("how much did it grow"); else only a level does
    measures: frozenset[str] = frozenset()  # the measure words it counts in (多少家: 家)
    alone: list[set[str]] | None = None  # the one item asked about on its own ("lithium batteries alone")

    def _gives(self, part: str) -> bool:
        """`part` of a sentence gives a figure of the kind asked: in the unit asked (多少家: 家), and a
        level unless a change is asked."""
        figures = amounts(part)
        if not figures or not all(has_quantity(part, u) for u in self.measures):
            return False
        return self.change or any(not RE_CHANGE_BEFORE.search(part[:at]) for at in figures)

    def given_in(self, sentence: str, share: float) -> bool:
        """Some clause of `sentence` names the head and `share` of all the units, and it or the clause
        after it gives an amount of the kind asked (see `_gives`). The sentence names the years asked
        about (a source's year may be in its citation), gives a percentage if a rate is asked, and
        does not name only places other than those asked about (the world's robots for China's)."""
        dated = RE_PAREN.sub("", sentence)  # "(IMF, 2023)" is when a source appeared, not what it counts
        if self.rate and not RE_PERCENT.search(sentence) or not all(y in dated for y in self.years):
            return False
        if not all(y in sentence for y in self.sources):
            return False
        if only_other_places(self.places, places_named(dated)):
            return False
        for clause, after in pairwise([*RE_CLAUSE_END.split(sentence), ""]):
            low = clause.lower()
            found = [any(w in low for w in unit) for unit in self.units]
            # the item asked about on its own, named outside a list: "新能源汽车、锂电池等…合计" is no
            # figure for 锂电池
            unlisted = RE_LIST.sub("", low) if self.alone else low
            alone = not self.alone or any(w in unlisted for w in self.alone[-1])
            if not (alone and found[-1] and sum(found) >= share * len(found)):
                continue
            # the figure is in the clause, or follows it: "数量增长了3倍，达到225万台"
            after = after.strip()
            for part in (clause, after) if RE_LEVEL_AFTER.match(after) else (clause,):
                if self._gives(part):
                    return True
        return False


def units_of(phrase: str, lang: str, lexicon: Lexicon, latin: set[str]) -> list[set[str]]:
    """The words of `phrase` as a passage would write them, in reading order (see `quantity_of`)."""
    if lang == "zh":
        units = [{w.lower()} for w in jieba_words(phrase) if RE_WORDLIKE.search(w) and w not in ZH_STOP]
    else:
        words = english_words(phrase)  # one letter ("R&D": r, d) names nothing
        by_start = {i: set(terms) for i, terms in translation_units(phrase, lexicon) if len(words[i]) > 1}
        for i, w in enumerate(words):
            if w in latin and len(w) > 1:
                by_start.setdefault(i, set()).add(w)
        units = [by_start[i] for i in sorted(by_start) if by_start[i]]
    return [unit | {s for w in unit for s in SYNONYMS_ZH.get(w, ())} for unit in units]


def _alone(question: str, lang: str, lexicon: Lexicon, latin: set[str]) -> list[set[str]] | None:
    """The words of the one item a question asks about on its own, if it does."""
    m = RE_ALONE.search(question)
    item = m and next((g for g in m.groups() if g), None)
    if item:  # "did CATL alone": the words after the verb or preposition
        item = re.split(rf"\b(?:{AUX}|of|in|to|for|with|at|on|by)\b", item, flags=re.I)[-1]
    return (units_of(item, lang, lexicon, latin) or None) if item else None


def _asking_sentence(question: str, lang: str) -> str:
    """The last sentence of `question` that asks for an amount (the question itself when it is one)."""
    sentences = RE_SENTENCE[lang].split(question.strip())
    return next((s for s in reversed(sentences) if RE_AMOUNT_QUESTION.search(s)), question)


def quantity_of(question: str, lang: str, lexicon: Lexicon, latin: set[str]) -> Quantity | None:
    """The Quantity an amount question asks for; for English, its words in Chinese by `lexicon`, or
    as they are if the Chinese text uses them (`latin`, e.g. "R&D")."""
    asked = asked_quantity(question, lang)
    if asked is None:
        return None
    phrase, asking = asked
    units = units_of(phrase, lang, lexicon, latin)
    if not units:
        return None
    # the years and places of the sentence that asks, if it names any: "RCEP, which entered into
    # force in 2022, … In 2024, what share …" asks about 2024 only
    said = _asking_sentence(question, lang)
    sources = frozenset(RE_SOURCE_YEAR.findall(question) + RE_CITATION_YEAR.findall(question))
    compared = {y for pair in RE_BASE_YEAR.findall(question) for y in pair if y}
    years = frozenset(RE_QUESTION_YEAR.findall(said) or RE_QUESTION_YEAR.findall(question)) - sources - compared
    rate = RE_RATE_QUESTION.search(asking) is not None
    change = RE_CHANGE_QUESTION.search(question) is not None
    places = places_named(said) or places_named(question)
    return Quantity(phrase, units, rate=rate, years=years, places=places, sources=sources,
                    change=change, measures=MEASURE_WORDS & asked_units(question),
                    alone=_alone(question, lang, lexicon, latin))
