"""British spellings as American ones: the English edition (a model's translation) and the bilingual
dictionary write "regionalization", "labor" and "center", so a reader writing "regionalisation",
"labour" or "centre" should find the same passages, headings and dictionary words.

Only the question is respelt (what is searched, not what is shown). The rules are suffix classes
with their exceptions: -isation/-ise after the stems that take -ize ("globalise", "organise",
"prioritise", but not "promise", "enterprise" or "treatise"), -yse, and a short word list for
-our, -re and -ence, where no rule separates the words that change from those that do not.
"""

from __future__ import annotations

import re

# "-ise" after the endings that take "-ize" in American spelling (globalise, organise, prioritise,
# criticise, optimise, mobilise, subsidise, modernise, recognise, emphasise, synthesise, weaponise);
# "promise", "premise", "enterprise", "exercise", "advertise", "treatise" end otherwise
RE_ISE = re.compile(
    r"\b([a-z]{2,}(?:al|ar|it|ic|im|il|id|rn|gn|an|as|es|ys|en|er|og|ol|ul|ag|or|on))"
    r"is(ation|ations|e|es|ed|ing|er|ers)\b",
    re.I,
)
RE_YSE = re.compile(r"\b([a-z]{3,}l)ys(e|ed|ing|er|ers)\b", re.I)  # analyse, paralyse, catalyse
WORDS = {  # stem → American stem, for the -our, -re, -ence and other words no suffix rule covers
    "labour": "labor",
    "behaviour": "behavior",
    "favour": "favor",
    "colour": "color",
    "neighbour": "neighbor",
    "harbour": "harbor",
    "honour": "honor",
    "endeavour": "endeavor",
    "centre": "center",
    "metre": "meter",
    "litre": "liter",
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "programme": "program",
    "catalogue": "catalog",
    "dialogue": "dialog",
    "ageing": "aging",
    "modelling": "modeling",
    "modelled": "modeled",
    "fuelled": "fueled",
    "labelled": "labeled",
    "travelled": "traveled",
    "cancelled": "canceled",
    "signalled": "signaled",
    "channelled": "channeled",
    "tonnes": "tons",
}
RE_WORDS = re.compile(
    r"\b(" + "|".join(sorted(WORDS, key=len, reverse=True)) + r")(s|ed|ing|ers?|able|ably|ite|ites)?\b", re.I
)


def _case(old: str, new: str) -> str:
    return new.capitalize() if old[:1].isupper() else new


def american(text: str) -> str:
    """`text` with its British spellings in American spelling; other words as they are."""
    text = RE_ISE.sub(lambda m: f"{m.group(1)}iz{m.group(2)}", text)
    text = RE_YSE.sub(lambda m: f"{m.group(1)}yz{m.group(2)}", text)
    return RE_WORDS.sub(lambda m: _case(m.group(1), WORDS[m.group(1).lower()]) + (m.group(2) or ""), text)
