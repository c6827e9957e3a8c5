"""Figures in Chinese and English text, as values: language-level knowledge of how numbers are written.

"1.7万家" and "17,000 firms" are the same figure, so are "13.16万亿元" and "13.16 trillion yuan";
"7.4个百分点" is a change in percentage points, "30.5%" a percentage. Both the translation checks and
the guards compare figures this way, whatever language each side is in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ZH_SCALE = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}
EN_SCALE = {"trillion": 1e12, "billion": 1e9, "million": 1e6, "thousand": 1e3}
EN_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
ZH_DIGITS = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"两": 2}
ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
FRACTIONS = {
    "half": 0.5,
    "一半": 0.5,
    "半数": 0.5,
    "二分之一": 0.5,
    "a third": 1 / 3,
    "三分之一": 1 / 3,
    "a quarter": 0.25,
    "四分之一": 0.25,
}

# a figure, not part of a name ("COVID-19", "G7") or a date ("2月4日")
RE_ZH = re.compile(
    r"(?<![\d.A-Za-z])(?<![A-Za-z]-)(\d+(?:,\d{3})*(?:\.\d+)?)(?![月日号\d])\s*(万亿|亿|万|"
    r"千)?\s*(%|％|个百分点|倍)?"
)
RE_EN = re.compile(
    r"(?<![\d.])(\d+(?:,\d{3})*(?:\.\d+)?)\s*(trillion|billion|million|thousand)?\s*(%|percent\b|per cent\b|"
    r"percentage points?\b|times\b)?",
    re.I,
)
RE_EN_WORD = re.compile(rf"\b({'|'.join(EN_WORDS)})(?:\b(\s+times\b)?|(fold)\b)", re.I)
RE_ZH_NUMERAL = re.compile(r"[〇一二两三四五六七八九十百千]+(?=[倍个家项台辆件人元吨次座条种所款位名大年%])")
RE_MONTH_BEFORE = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s*$"
)
RE_YEAR = re.compile(r"(?<![\d.])(?:19|20)\d\d(?!\d|\.\d|\s*[万亿千百多余%％件项台家辆元吨倍个])")
# tenths, as Chinese writes a share: "五成" is 50%, "两成" 20% (not 成为, 形成, 一成不变)
RE_ZH_TENTHS = re.compile(r"(?<![十百千万亿第])([一二两三四五六七八九])成(?![为立本员功长熟果就绩交不])")
RE_FRACTION = re.compile(
    r"(?<!first )(?<!second )\bhalf\b|\ba third\b|\ba "
    r"quarter\b|一半|半数|二分之一|三分之一|四分之一",
    re.I,
)


@dataclass(frozen=True)
class Figure:
    value: float
    kind: str = ""  # "" a count or amount, "%" a percentage, "pp" percentage points, "x" a multiple
    text: str = ""  # as written

    def same(self, other: Figure) -> bool:
        """The same value (to a millionth), of a compatible kind (a share may be written as a plain
        number)."""
        close = abs(self.value - other.value) <= 1e-6 * max(abs(self.value), abs(other.value), 1.0)
        return close and (
            self.kind == other.kind or "" in (self.kind, other.kind) and "pp" not in (self.kind, other.kind)
        )


def zh_number(text: str) -> int:
    """A number written in Chinese characters: 二十 → 20, 十一 → 11, 三 → 3."""
    total, digit = 0, None
    for ch in text:
        if ch in ZH_DIGITS:
            digit = ZH_DIGITS[ch]
        else:
            total += (digit if digit is not None else 1) * ZH_UNITS[ch]
            digit = None
    return total + (digit or 0)


def _kind(unit: str | None) -> str:
    unit = (unit or "").lower()
    if unit in ("个百分点",) or unit.startswith("percentage point"):
        return "pp"
    if unit in ("%", "％", "percent", "per cent"):
        return "%"
    return "x" if unit in ("倍", "times") else ""


def figures(text: str, years: bool = False, words: bool = True) -> list[Figure]:
    """The figures of `text`, in either language (years only if `years`; numbers in words if `words`)."""
    out = []
    for m in RE_ZH.finditer(text):
        number, scale, unit = m.groups()
        if RE_MONTH_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            continue  # a day of a month ("February 4")
        rest = text[m.end(2) if scale else m.end(1) :][:32].lstrip()
        en_scale = re.match(r"(trillion|billion|million|thousand)\b", rest, re.I)
        en_unit = re.match(
            r"(?:trillion|billion|million|thousand)?\s*(percentage points?|percent|per "
            r"cent|times)\b",
            rest,
            re.I,
        )
        value = float(number.replace(",", "")) * ZH_SCALE.get(scale or "", 1.0)
        if en_scale and not scale:
            value *= EN_SCALE[en_scale.group(1).lower()]
        kind = _kind(unit or (en_unit.group(1) if en_unit else None))
        if not years and not scale and not kind and RE_YEAR.fullmatch(number) and not en_scale:
            continue
        out.append(Figure(value, kind, m.group().strip()))
    if words:
        for m in RE_EN_WORD.finditer(text):
            out.append(
                Figure(
                    float(EN_WORDS[m.group(1).lower()]), "x" if m.group(2) or m.group(3) else "", m.group()
                )
            )
        for m in RE_ZH_NUMERAL.finditer(text):
            nxt = text[m.end() : m.end() + 1]
            out.append(Figure(float(zh_number(m.group())), "x" if nxt == "倍" else "", m.group()))
        for m in RE_ZH_TENTHS.finditer(text):
            out.append(Figure(ZH_DIGITS[m.group(1)] * 10.0, "%", m.group()))
        for m in RE_FRACTION.finditer(text):
            value = FRACTIONS[m.group().lower()]
            out.append(Figure(value, "", m.group()))
            out.append(Figure(value * 100, "%", m.group()))
    return out


def years_of(text: str) -> list[str]:
    return list(dict.fromkeys(RE_YEAR.findall(text)))


def holds_figure(figure: Figure, text: str) -> bool:
    """`text` gives `figure` (in either language, at any scale)."""
    return any(figure.same(f) for f in figures(text, years=True))


def spoken(value: float) -> str:
    """A value as English writes it: 7508000 → "7.508 million", 17000 → "17,000"."""
    for word, scale in EN_SCALE.items():
        if value >= scale and word != "thousand":
            return f"{value / scale:g} {word}"
    return f"{value:,.10g}"
