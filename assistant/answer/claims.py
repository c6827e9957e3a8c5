"""Claims of an answer and their support: shared by answer verification and the eval.

A claim is the text before a group of citation markers ("…30.5%。[1][2]"). A
passage supports a claim when it holds the claim verbatim or most of its words;
the claim's specifics (numbers, years, percentages, Latin names and acronyms,
《titles》, “quoted terms”) must all appear in the passages it cites.
"""

from __future__ import annotations

import re

from assistant.text import EN_STOP, tokenize

RE_NUM = re.compile(r"\d+(?:\.\d+)?%?")
# Latin names and acronyms (Chinese characters count as word characters, so no \b), titles, quoted terms
RE_ENTITY = re.compile(
    r"(?<![A-Za-z])[A-Z][A-Za-z]*(?:[ &-][A-Z][A-Za-z]*)*(?![A-Za-z])|《[^》]+》|"
    r"“[^”]{2,20}”"
)
EN_PREFIX_LINE = re.compile(r"^From the paper[^\n]*\n")


def norm(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def claims(answer_text: str, valid: set[int]) -> list[tuple[str, list[int]]]:
    """(claim text, citation numbers) for each sentence of an answer; uncited text gets [].

    Only markers naming one of the answer's citations count: a quoted "[2025]" is text."""
    body = EN_PREFIX_LINE.sub("", answer_text)
    numbers = "|".join(str(n) for n in sorted(valid, reverse=True))
    markers = re.compile(r"((?:\s*\[(?:" + numbers + r")\])+)")
    parts = markers.split(body) if valid else [body]
    out = []
    for i in range(0, len(parts), 2):
        text = parts[i].strip(" \n…")
        marks = [int(n) for n in re.findall(r"\d+", parts[i + 1])] if i + 1 < len(parts) else []
        if text:
            out.append((text, marks))
    return out


def supports(passage: str, claim: str) -> bool:
    """The passage holds the claim: verbatim, or most of the claim's words."""
    if norm(claim).rstrip("…") in norm(passage):
        return True
    words = set(tokenize(claim))
    return bool(words) and len(words & set(tokenize(passage))) / len(words) >= 0.6


RE_LIST_MARK = re.compile(r"^\s*(?:\d{1,2}[.)、]|[-*•])\s+|\*\*", re.M)
# connectives that open a sentence ("Additionally, …") are capitalised but name nothing
CONNECTIVES = (
    "additionally|also|besides|consequently|conversely|finally|first|firstly|furthermore|hence|however|"
    "importantly|indeed|instead|lastly|likewise|meanwhile|moreover|nevertheless|nonetheless|notably|"
    "overall|second|secondly|similarly|specifically|still|then|therefore|third|thus|yet"
)
RE_CONNECTIVE = re.compile(
    rf"(?:^|(?<=[.!?;:⚠]\s))(?:{CONNECTIVES.title()})(?=,)"
)  # ⚠: a flagged sentence before


def specifics(text: str) -> set[str]:
    """Numbers, years, percentages and named entities a claim asserts (list numbering and
    capitalised function words such as "The" are not claims)."""
    text = RE_CONNECTIVE.sub(" ", RE_LIST_MARK.sub(" ", text))
    found = set(RE_NUM.findall(text))
    found |= {m for m in RE_ENTITY.findall(text) if len(m) > 1 and m.lower() not in EN_STOP}
    return found


def missing_specifics(claim: str, passages: str, lexicon: dict | None = None) -> list[str]:
    """The claim's specifics that the passages do not hold. With the corpus lexicon, a Latin name
    also counts as held when its Chinese rendering is there ("China" → 中国)."""
    from assistant.index.lexicon import translate

    missing = []
    for s in specifics(claim):
        if s in passages:
            continue
        if (
            lexicon
            and not any(ch.isdigit() for ch in s)
            and any(t in passages for t in translate(s, lexicon))
        ):
            continue
        missing.append(s)
    return sorted(missing)
