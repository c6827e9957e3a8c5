"""Which way a statement goes: language-level knowledge of negation, contrast, direction and absolutes.

- direction: a figure or trend that rose (增长, "rose") or fell (下降, "fell");
- contrast: "A而非B", "是A而不是B", "不是B而是A", "A rather than B", "not B but A", "A, not B", "A instead of
  B": the statement prefers A to B;
- negation: a statement that says its claim does not hold (未, 没有, not, never);
- absolutes: "all", "fully", 所有, 完全: a claim stronger than a hedged one;
- verdicts: "on balance good", 弊大于利: which side outweighs the other.
"""

from __future__ import annotations

import re

from assistant.question.weighing import RE_SIDES, RE_WEIGHING
from assistant.text import content_tokens

RE_UP = re.compile(
    r"增|涨|升|提高|攀升|扩大|加大|加强|加快|放宽|更多|更加|更为|翻番|倍|鼓励|促进|支持|推动|"
    r"(?<![-\w])(?:step(?:s|ped)? up|ramp(?:s|ed)? up|(?:go|goes|went|gone|going) up|soar(?:s|ed|ing)?|"
    r"surg(?:e|es|ed|ing)|rise|rose|risen|rising|grow|grew|grown|growing|growth|twice|"
    r"(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)(?: times|-?fold)|"
    r"increase[sd]?|increasing|climb(?:ed|ing|s)?|gain(?:ed|s)?|jump(?:ed|s)?|expand(?:ed|s|ing)?|higher|"
    r"rais(?:e|ed|es|ing)|boost(?:ed|s|ing)?|strengthen\w*|loosen\w*|doubl(?:e|ed|es|ing)|more|encourag\w*|"
    r"promot\w*|support\w*|subsidi[sz]\w*|subsid(?:y|ies))\b",
    re.I,
)
RE_DOWN = re.compile(
    r"减|降|跌|下滑|回落|缩小|萎缩|削弱|收紧|限制(?!措施|性)|抑制|禁止(?!性)|遏制|"
    r"(?<![-\w])(?:cut(?:s|ting)?(?: back)?|(?:go|goes|went|gone|going) down|slip(?:s|ped|ping)?|"
    r"plung(?:e|es|ed|ing)|plummet(?:s|ed|ing)?|slash(?:ed|es)?|"
    r"scal(?:e|ed|es) back|pare[sd]? back|fall|fell|fallen|falling|decline[sd]?|declining|"
    r"drop(?:ped|s)?|decrease[sd]?|decreasing|shr[iau]nk|shrinking|lower|fewer|reduc\w*|tighten\w*|"
    r"weaken\w*|contract(?:ed|s|ing)?|less|restrict(?:s|ed|ing)?|limit(?:s|ed|ing)?|curb(?:s|ed|ing)?|"
    r"(?:restrictions?|limitations?|limits?) on|"  # "restrictions on investment"; not "900 restrictions"
    r"ban(?:s|ned)?|prohibit(?:s|ed|ing)?|discourag\w*)\b",
    re.I,
)
RE_ABSOLUTE = re.compile(
    r"所有|全部|一切|完全|一律|彻底|总是|从不|始终|唯一|尽可能|尽量|越多.{0,6}越好|绝对|任何|毫无|"
    r"\b(?:all|every|entirely|fully|completely|totally|always|never|solely|wholly|only)\b|\bas \w+ as "
    r"possible\b",
    re.I,
)
# a clause that says its claim does not hold (not 不断, 不仅, 不同: 不 alone says too little)
RE_NEGATION = re.compile(
    r"未|没有|没能|并非|并不|不是|不会|不能|不再|无法|不曾|从未|不得|\b(?:not|never|none|neither|nor|no "
    r"longer)\b|n't\b",
    re.I,
)
# "A而非B", "A而不是B", "A, not B", "A rather than B", "A instead of B": (preferred, rejected)
RE_CONTRAST_AFTER = re.compile(
    r"(?P<a>[^，。；,;]{2,40}?)\s*(?:而非|而不是|而并非|，?而不|, not|,? rather than|,? instead "
    r"of)\s*(?P<b>[^，。；,;.]{2,40})",
    re.I,
)
# "不是B而是A", "not B but A", "不再是B，而是A"
RE_CONTRAST_BEFORE = re.compile(
    r"(?:不是|并非|不再是|\bnot\b|\bno longer\b)\s*(?P<b>[^，。；;]{2,40}?)\s*[，,]?\s*(?:而是|\bbut\b(?: "
    r"rather)?)\s*"
    r"(?P<a>[^，。；,;.]{2,40})",
    re.I,
)


# a verdict that one side outweighs the other ("on balance good", "弊大于利")
GOOD, BAD = r"good|positive|beneficial|favou?rable|helpful", r"bad|negative|harmful|unfavou?rable|damaging"
UPSIDES, DOWNSIDES = (
    r"benefits?|advantages?|gains?|upsides?|pros|opportunities|positives|pluses|plus side",
    r"costs?|harms?|risks?|downsides?|cons|negatives|minuses|minus side|drawbacks?|disadvantages?",
)
RE_VERDICT = {
    "good": re.compile(
        rf"利大于弊|利多于弊|好处大于坏处|on balance[^.?;]{{0,30}}\b(?:{GOOD})|"
        rf"\b(?:{UPSIDES}) (?:\w+ ){{0,5}}?outweigh|积极(?:影响|作用|效应)?(?:大于|多于|超过)消极|"
        rf"\b(?:{GOOD}) (?:impacts?|effects?|sides?|consequences?)\b[^.?;]{{0,30}}\boutweigh|"
        rf"\bmore (?:good|benefits?) than (?:harm|costs?)|\bmore (?:{GOOD}) than (?:{BAD})|"
        rf"\b(?:{UPSIDES}|positives) (?:\w+ ){{0,3}}?(?:exceed|are greater than|outnumber)|"
        rf"\bnet (?:positive|benefit|gain)|\boverall (?:{GOOD})|\b(?:{GOOD}) overall|"
        # "help … more than it hurts"
        r"\b(?:helps?|benefits?)\b[^.?;]{0,60}\bmore than (?:it )?(?:hurts?|harms?)\b",
        re.I,
    ),
    "bad": re.compile(
        rf"弊大于利|弊多于利|坏处大于好处|on balance[^.?;]{{0,30}}\b(?:{BAD})|"
        rf"\b(?:{DOWNSIDES}) (?:\w+ ){{0,5}}?outweigh|消极(?:影响|作用|效应)?(?:大于|多于|超过)积极|"
        rf"\b(?:{BAD}) (?:impacts?|effects?|sides?|consequences?)\b[^.?;]{{0,30}}\boutweigh|"
        rf"\bnet (?:negative|cost|loss)|\boverall (?:{BAD})|\b(?:{BAD}) overall|"
        rf"\bmore (?:harm|costs?) than (?:good|benefits?)|greater harm than benefit|"
        rf"\bmore (?:{BAD}) than (?:{GOOD})|"
        rf"\b(?:{DOWNSIDES}|negatives) (?:\w+ ){{0,3}}?(?:exceed|are greater than|outnumber)|"
        r"\b(?:hurts?|harms?)\b[^.?;]{0,60}\bmore than (?:it )?(?:helps?|benefits?)\b",
        re.I,
    ),
}


def verdict(text: str) -> str | None:
    """ "good" or "bad" when `text` weighs the two sides and says which outweighs the other."""
    found = [side for side, pattern in RE_VERDICT.items() if pattern.search(text)]
    return found[0] if len(found) == 1 else None


def weighed_topic(premise: str) -> set[str]:
    """The words of a premise weighing two sides besides the weighing and the sides: what it weighs them
    for ("blockchain", "farmers" of "blockchain helps farmers more than it hurts"; none of "利大于弊")."""
    for pattern in (*RE_VERDICT.values(), RE_WEIGHING, RE_SIDES):
        premise = pattern.sub(" ", premise)
    return set(content_tokens(premise))


def direction(text: str) -> str | None:
    """ "up" or "down" when `text` moves one way only."""
    up, down = RE_UP.search(text) is not None, RE_DOWN.search(text) is not None
    return "up" if up and not down else "down" if down and not up else None


# how many a statement says something spreads over: many (多元, "across many suppliers") or few (少数,
# "a few key suppliers")
RE_MANY = re.compile(
    r"\b(?:many|multiple|numerous|diverse|diversif\w*|spread(?:ing|s)?|wide range)\b|"
    r"更多|众多|多个|多家|多元|分散",
    re.I,
)
RE_FEW = re.compile(
    r"\b(?:(?:a )?few|single|sole|limited number|handful|concentrat\w*)\b|少数|单一|一两家|少量|集中", re.I
)


def quantified(text: str) -> list[tuple[str, str]]:
    """("many" or "few", the words after it) for each place `text` says how many: "across many suppliers
    to cut risk" → ("many", " suppliers to cut risk")."""
    return [
        (sense, text[m.end() : m.end() + (30 if m.group().isascii() else 8)])
        for sense, pattern in (("many", RE_MANY), ("few", RE_FEW))
        for m in pattern.finditer(text)
    ]


def absolute(text: str) -> bool:
    return RE_ABSOLUTE.search(text) is not None


def negated(text: str) -> bool:
    return RE_NEGATION.search(text) is not None


def contrasts(text: str) -> list[tuple[str, str, bool]]:
    """(preferred, rejected, preferred-first) for each contrast in `text`: "A rather than B" puts the
    preferred side first (its item is where it ends), "not B but A" last (its item is where it starts)."""
    out = [(m.group("a").strip(), m.group("b").strip(), True) for m in RE_CONTRAST_AFTER.finditer(text)]
    out += [(m.group("a").strip(), m.group("b").strip(), False) for m in RE_CONTRAST_BEFORE.finditer(text)]
    return out
