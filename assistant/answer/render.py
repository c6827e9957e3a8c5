"""How quoted sentences read in the asker's language: each sentence in its translated edition where
the text is in the other language, labelled as a machine translation, its original in the citation."""

from __future__ import annotations

import re

from assistant.answer.citer import MARK_FLAGGED, Citer
from assistant.answer.sentences import Sentence
from assistant.text import RE_CJK

LABEL = {
    ("en", True): "From the paper, machine-translated from its Chinese (each source gives the original):",
    ("en", False): "From the paper (quoted in the original Chinese):",
    ("zh", True): "以下内容由英文原文机器翻译（原文见各出处）：",
    ("zh", False): "以下为英文原文摘录：",
}
FLAG_NOTE = {
    "en": f"{MARK_FLAGGED} The machine translation of this sentence failed an automatic check; read the "
    "original.",
    "zh": f"{MARK_FLAGGED} 此句的机器翻译未通过自动检查，请以原文为准。",
}


CHINESE_SHARE = 0.3  # of a text's characters, for it to be counted as Chinese
# letters an English translation takes per character of its Chinese source (the paper's edition: median
# 3.9, nine units in ten 3.2 to 4.6)
LATIN_PER_CJK = 4.0


def clip(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, counted as Chinese ones: a sentence mostly without Chinese may
    be `LATIN_PER_CJK` times as long (a translation needs about that many letters to say as much; a
    Chinese word a translation left in it does not make it Chinese)."""
    chinese = len(RE_CJK.findall(text)) >= CHINESE_SHARE * len("".join(text.split()))
    limit = limit if chinese else int(limit * LATIN_PER_CJK)
    return text if len(text) <= limit else text[:limit] + "…"


def line(s: Sentence, citer: Citer, limit: int, extra_marks: list[int] | None = None) -> str:
    """One quoted sentence in the asker's language with its markers."""
    n = citer.cite(s.hit.chunk, s.text, s.hit.dense, s.hit, s.shown, s.flagged)
    marks = "".join(f"[{m}]" for m in [n, *(extra_marks or [])])
    return clip(s.shown, limit) + marks + (MARK_FLAGGED if s.flagged else "")


RE_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def foreign(text: str, lang: str) -> bool:
    """`text` is written in the other language (a DOI or a figure is in neither)."""
    if lang == "en":
        return RE_CJK.search(text) is not None
    return RE_CJK.search(text) is None and len(RE_LATIN_WORD.findall(text)) >= 4


def label(lang: str, sentences: list[Sentence]) -> str | None:
    """The label an answer needs when its sentences are not all in the asker's language as written."""
    foreign_ = [s for s in sentences if foreign(s.text, lang)]
    if not foreign_:
        return None
    return LABEL[(lang, all(s.translated for s in foreign_))]


def join(lang: str, lines: list[str], sentences: list[Sentence]) -> str:
    """The answer's body: a Chinese answer's sentences run on, others one per line; with its label
    and the note on flagged translations."""
    body = "".join(lines) if lang == "zh" and all(RE_CJK.search(ln) for ln in lines) else "\n".join(lines)
    return _framed(lang, body, sentences)


def block(lang: str, lines: list[str], sentences: list[Sentence]) -> str:
    """Lines that stay lines (an outline, a list), with the label and the note on flagged translations."""
    return _framed(lang, "\n".join(lines), sentences)


def _framed(lang: str, body: str, sentences: list[Sentence]) -> str:
    head = label(lang, sentences)
    out = f"{head}\n{body}" if head else body
    if any(s.flagged for s in sentences):
        out += "\n" + FLAG_NOTE[lang]
    return out
