"""Two answers read as one: the second follows the first under a short head, without what the first
already quotes, its citations numbered on from the first's (a passage both cite keeps the first's
number), its label left out when the first already gives it."""

from __future__ import annotations

import re

from assistant.answer.contract import Answer
from assistant.answer.render import FLAG_NOTE, LABEL

RE_MARK = re.compile(r"\[(\d+)\]")
RE_PIECE = re.compile(r".+?(?:\[\d+\])+†?|.+$")  # a quoted sentence with its markers (or a bare line)


def unsaid(line: str, said: str) -> str:
    """`line` without the quoted sentences `said` (marker-less) already holds."""
    return "".join(p for p in RE_PIECE.findall(line) if RE_MARK.sub("", p).strip(" -†") not in said)


def joined(first: Answer, second: Answer, head: str | None = None) -> Answer:
    """`first` followed by what `second` adds (text, citations, items); `first` is changed and returned."""
    note = FLAG_NOTE[first.lang]
    body = first.answer.replace("\n" + note, "")
    said = RE_MARK.sub("", body)
    lines = [ln for ln in second.answer.split("\n") if ln != note and ln not in LABEL.values()]
    lines = [kept for ln in lines if (kept := unsaid(ln, said)).strip(" -")]
    if not any(RE_MARK.search(ln) for ln in lines):
        return first  # the second quotes nothing the first does not
    label = second.answer.split("\n")[0]
    if label in LABEL.values() and label not in body:
        lines.insert(0, label)
    used = {int(n) for ln in lines for n in RE_MARK.findall(ln)}
    numbers: dict[int, int] = {}
    for c in second.citations:
        same = next((o for o in first.citations if o.chunk_id == c.chunk_id), None)
        if c.n not in used:
            continue
        if same is not None:
            same.quote += "" if c.quote in same.quote else " … " + c.quote
            numbers[c.n] = same.n
        else:
            numbers[c.n] = len(first.citations) + 1
            first.citations.append(c.model_copy(update={"n": numbers[c.n]}))
    lines = [RE_MARK.sub(lambda m: f"[{numbers.get(int(m.group(1)), m.group(1))}]", ln) for ln in lines]
    flagged = note in first.answer or any("†" in ln for ln in lines)
    first.answer = "\n".join([body, *([head] if head else []), *lines, *([note] if flagged else [])])
    first.items = first.items + [i for i in second.items if i not in first.items]
    first.translated = first.translated or second.translated
    return first
