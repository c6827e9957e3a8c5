"""Checks on one translated unit: what a small model gets wrong, found by code.

Each check returns the problems it found, worded as an instruction the model can act on in its
retry ("keep the figure 7.508 million (the source's 750.8万)"). Chinese → English:

- ``script``: no Chinese characters left (a name may keep its original in parentheses);
- ``figures``: every figure of the source at its scale (万 = 10⁴, 亿 = 10⁸; see `assistant.figures`),
  a percentage kept a percentage and percentage points kept points;
- ``years``: every year, and no year the source does not give;
- ``citations``: every (Author, Year) citation's authors, a Chinese name in pinyin;
- ``titles``: a 《title》 rendered as an English title (quoted, italic or in title case);
- ``terms``: every checked termbase entry the source holds, in one of its renderings;
- ``added``: no figure the source lacks, and not far longer than the source (something added);
- ``shape``: a translation at all (not empty, not the source, not a note about it).

English → Chinese keeps the figure, year and citation checks and asks for Chinese text instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.corpus.citations import RE_PAREN, parse_citation_group
from assistant.figures import figures, spoken, years_of, zh_number
from assistant.text import RE_CJK, cedict, cjk_share, pinyin_name
from assistant.translation.termbase import Term

RE_TITLE = re.compile(r"《[^》]+》")
RE_EN_TITLE = re.compile(
    r"“[^”]+”|\"[^\"]+\"|‘[^’]+’|\*[^*]+\*|_[^_]+_|«[^»]+»|《[^》\u4e00-\u9fff]+》|"
    r"\b[A-Z][\w'-]*(?:\s+(?:(?:of|and|the|for|on|in|to)\s+)?[A-Z][\w'-]*){2,}"
)
RE_ORIGINAL_IN_PARENS = re.compile(r"[(（][^()（）]*[\u4e00-\u9fff][^()（）]*[)）]")
RE_LATIN_NAME = re.compile(r"[A-Z][A-Za-z'’-]+")
RE_NOTE = re.compile(r"^(?:translation|english|note|here is|the translation)\b", re.I)
RE_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
RE_ZH_NUMERAL = re.compile(r"[〇一二两三四五六七八九十百千]+")
MAX_GROWTH, MIN_GROWTH = (
    6.5,
    0.9,
)  # target characters per source character outside which a translation adds or drops


def check_figures(source: str, target: str) -> list[str]:
    have = figures(target, years=True)
    problems = []
    for f in figures(source, words=False):
        if not any(f.same(g) for g in have):
            what = {"pp": " percentage points", "%": "%", "x": " times"}.get(f.kind, "")
            problems.append(
                f"keep the figure {spoken(f.value)}{what} (the source's {f.text}); write it exactly"
            )
    return problems


RE_DIGITS = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


def repair_figures(source: str, target: str) -> str:
    """`target` with each figure the model wrote at the wrong scale ("750.8 million" for 750.8万) written
    at the source's ("7.508 million"): the same digits, another value, and the source's value nowhere.
    A model's slip of scale, mended by code rather than by another request."""
    have = figures(target, years=True)
    for f in figures(source, words=False):
        if any(f.same(g) for g in have):
            continue
        digits = RE_DIGITS.search(f.text)
        wrong = next(
            (
                g
                for g in have
                if digits
                and (d := RE_DIGITS.search(g.text))
                and d.group() == digits.group()
                and g.kind == f.kind
                and not f.same(g)
            ),
            None,
        )
        if wrong is not None:  # its digits and the scale word after them; the unit (%, times) stays
            scale = r"(?:\s*(?:trillion|billion|million|thousand)\b)?"
            written = re.compile(re.escape(digits.group()) + scale, re.I)
            target = written.sub(spoken(f.value), target, count=1)
    return target


def check_years(source: str, target: str) -> list[str]:
    missing = [f"keep the year {y}" for y in years_of(source) if y not in target]
    return missing + [
        f"do not add the year {y}, which the source does not give"
        for y in years_of(target)
        if y not in source
    ]


def check_citations(source: str, target: str) -> list[str]:
    problems = []
    low = target.lower()
    for m in RE_PAREN.finditer(source):
        for author, _et_al, year, _text in parse_citation_group(m.group(1)):
            names = (
                RE_LATIN_NAME.findall(author)
                if not RE_CJK.search(author)
                else [n for n in [pinyin_name(author.rstrip("等"))] if n]
            )
            for name in names:
                if name.lower() not in low and name.lower().replace(" ", "") not in low.replace(" ", ""):
                    problems.append(f"keep the citation ({author}, {year}) as ({name.title()}, {year})")
    return problems


def gloss(word: str) -> str:
    """A dictionary hint for a word the model left in Chinese ("格局 (CC-CEDICT: structure; pattern)"),
    by its parts when the dictionary lacks the whole word."""
    d = cedict()

    def senses(w: str) -> list[str]:
        found = [
            re.sub(r"\s*\([^)]*\)", "", s).strip() for s in d.get_definitions(w) or [] if "variant" not in s
        ]
        return [s for s in found if s][:2]

    if whole := senses(word):
        return f" (CC-CEDICT: {'; '.join(whole)})"
    parts, i = [], 0
    while i < len(word):
        for n in range(min(4, len(word) - i), 0, -1):
            if n == 1 or senses(word[i : i + n]):
                parts.append(word[i : i + n])
                i += n
                break
    glossed = [f"{p} = {senses(p)[0]}" for p in parts if senses(p)]
    return f" (CC-CEDICT: {'; '.join(glossed)})" if glossed else ""


def check_script(source: str, target: str, into: str = "en") -> list[str]:
    if into == "zh":
        return [] if cjk_share(target) >= 0.3 else ["write the translation in Chinese"]
    left = RE_CJK_RUN.findall(RE_ORIGINAL_IN_PARENS.sub("", target))
    return [f"translate the Chinese {word} into English{gloss(word)}" for word in dict.fromkeys(left)][:3]


def check_titles(source: str, target: str) -> list[str]:
    titles = RE_TITLE.findall(source)
    if titles and not RE_EN_TITLE.search(target):
        return [f"render the title {titles[0]} in English, in double quotes"]
    return []


def check_terms(terms: list[Term], target: str) -> list[str]:
    return [f'translate {t.zh} as "{t.en[0]}"' for t in terms if t.checked and not t.found_in(target)]


def check_shape(source: str, target: str) -> list[str]:
    if not target.strip():
        return ["give the translation"]
    if target.strip() == source.strip() or RE_NOTE.match(target.strip()):
        return ["reply with the translation only"]
    return []


def check_added(source: str, target: str) -> list[str]:
    """Figures the source does not give, and a translation far longer than its unit."""
    known = figures(source, years=True)
    known_values = {f.value for f in known} | {
        float(zh_number(m.group())) for m in RE_ZH_NUMERAL.finditer(source)
    }
    problems = [
        f"do not add the figure {spoken(f.value)}, which the source does not give"
        for f in figures(target, words=False)
        if not any(f.same(k) for k in known) and f.value not in known_values
    ]
    size = len(source)
    if size >= 15 and len(target) > MAX_GROWTH * size:
        problems.append("translate only what the source says, in one passage; add nothing")
    elif size >= 15 and len(target) < MIN_GROWTH * size:
        problems.append("translate all of the source; leave nothing out")
    return problems


def check_figures_en_zh(source: str, target: str) -> list[str]:
    have = figures(target, years=True)
    return [
        f"keep the figure {spoken(f.value)}{'%' if f.kind == '%' else ''} (the source's {f.text})"
        for f in figures(source, words=False)
        if not any(f.same(g) for g in have)
    ]


CHECKS: dict[str, Callable[[str, str], list[str]]] = {
    "shape": check_shape,
    "script": check_script,
    "figures": check_figures,
    "years": check_years,
    "citations": check_citations,
    "titles": check_titles,
    "added": check_added,
}


def run_checks(source: str, target: str, terms: list[Term], into: str = "en") -> dict[str, list[str]]:
    """Every check's problems (an empty list: passed)."""
    if into == "zh":  # the English source's figures against the Chinese; no titles or terms to insist on
        return {
            "shape": check_shape(source, target),
            "script": check_script(source, target, "zh"),
            "figures": check_figures_en_zh(source, target),
            "years": check_years(source, target),
            "citations": check_citations(source, target),
        }
    out = {name: fn(source, target) for name, fn in CHECKS.items()}
    out["terms"] = check_terms(terms, target)
    return out
