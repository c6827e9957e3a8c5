"""An English verb's other forms: "drove", "driven" and "drives" are one verb, which the light stemmer
of `assistant.text` does not see (it meets "chains" with "chain", not "drove" with "driven"). Language
knowledge from lemminflect's tables, used on the question's side only: the index keeps its tokens, and
a question's terms gain the forms its text may use ("What drove the shift?" finds "is driven by")."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.text import EN_STOP, stem

RE_LATIN = re.compile(r"[A-Za-z]+")
# verbs too light to search by ("went", "made", "took"): their forms say little of a passage
LIGHT = frozenset("be have do go get make take give come put set let keep say see know think mean".split())


@lru_cache(maxsize=8192)
def verb_of(word: str) -> str | None:
    """The verb `word` is a form of ("drove" → "drive", "drive" → "drive"), or None."""
    from lemminflect import getAllLemmas

    w = word.lower()
    if len(w) < 3 or w in EN_STOP:
        return None
    verbs = getAllLemmas(w).get("VERB", ())
    base = next((v for v in verbs if v != w), verbs[0] if verbs else None)
    return base if base and base not in EN_STOP and base not in LIGHT else None


def irregular(word: str, base: str) -> bool:
    """`word` is a form of `base` the stemmer cannot reach ("drove", "fell"), not one built on it
    ("driving", "advanced", "shifted")."""
    return not word.lower().startswith(base[:-1] if base.endswith("e") else base)


@lru_cache(maxsize=4096)
def stems_of(base: str) -> frozenset[str]:
    """The stems of every form of the verb `base`."""
    from lemminflect import getAllInflections

    forms = {f for fs in getAllInflections(base, upos="VERB").values() for f in fs} | {base}
    return frozenset(stem(f) for f in forms)


def other_forms(text: str) -> list[str]:
    """The stems of the other forms of each irregular verb form in `text` ("drove" → drive, driven, driv);
    a verb written as itself or in a regular form gains nothing ("mean" is no question about "meaning")."""
    out: dict[str, None] = {}
    for word in RE_LATIN.findall(text):
        if (base := verb_of(word)) and irregular(word, base):  # not the verb itself, nor a regular form
            out.update(dict.fromkeys(s for s in stems_of(base) if s != stem(word)))
    return list(out)


def with_base_forms(text: str) -> str:
    """`text` with each irregular verb form written as the verb ("What drove it?" → "What drive it?"),
    for a dictionary that knows base forms."""

    def base(m: re.Match) -> str:
        found = verb_of(m.group())
        return found if found and irregular(m.group(), found) else m.group()

    return RE_LATIN.sub(base, text)
