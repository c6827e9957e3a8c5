"""One unit through the model: the prompt, the reply, the checks, and a retry that says what failed.

The prompt (``prompts/edition_<from>_<to>.txt``) is an instruction block followed by ``IN:``/``OUT:``
example pairs; the unit goes last, with the termbase entries its text holds. The instruction and
examples come first and never change, so llama.cpp reuses their evaluated prefix from unit to unit.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from dataclasses import dataclass, field

from assistant.llm.models import PROMPTS, stream_with_deadline
from assistant.translation.checks import repair_figures, run_checks
from assistant.translation.termbase import Term

RETRY_TEMPERATURE = 0.35
KIND_STEPS = {
    "heading": "number rendered by code, the model's own dropped (3)"
}  # how a kind is prepared beyond the prompt


def roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out, n = out + letters, n - value
    return out


RE_OWN_NUMBER = re.compile(
    r"^\s*(?:\(?[IVXLC]+[.)]|\(\d+\)|\d+(?:\.\d+)*\.?(?=\s)|\((?:one|two|three|four|"
    r"five|six)\))\s*",
    re.I,
)
RE_HEADING_NUMBER = re.compile(
    r"^\s*(?:(?P<zh>[一二三四五六七八九十]+)、|[（(](?P<sub>[一二三四五六七八九十]+)[)）]|"
    r"(?P<dotted>\d+(?:\.\d+)*)[.、]?(?=\s))\s*"
)


def split_number(label: str, target: str) -> tuple[str, str]:
    """A heading's number as the target language writes it, and the rest of the heading."""
    from assistant.figures import zh_number

    m = RE_HEADING_NUMBER.match(label)
    if not m or not label[m.end() :].strip():
        return "", label
    rest = label[m.end() :]
    if m.group("zh"):
        n = zh_number(m.group("zh"))
        return (f"{roman(n)}." if target == "en" else m.group(0).strip()), rest
    if m.group("sub"):
        return (f"({zh_number(m.group('sub'))})" if target == "en" else m.group(0).strip()), rest
    return m.group("dotted") + ("." if "." not in m.group("dotted") else ""), rest


RE_CLAUSE = re.compile(
    r"(?:[^，,；;：:]|(?<=\d),(?=\d))+[，,；;：:。！？!?]*"
)  # a clause with the punctuation that ends it
KIND_NAMES = {
    "clause": "clause of a sentence",
    "sentence": "sentence",
    "heading": "heading",
    "cell": "table cell",
    "note": "note",
    "reference": "reference entry",
}


# words that open an English clause in the middle of a sentence in lower case
RE_LOWER_OPENER = re.compile(
    r"^(?:The|This|That|These|Those|It|Its|In|From|To|And|But|Which|With|For|As|At|By|On|Of|A|An|"
    r"Their|There|While|Whereas|Since|Because|Compared|Including|Especially|Particularly)\b"
)


def join_clauses(parts: list[str]) -> str:
    """Clauses translated one by one, as one sentence: each but the last ends in a comma (or its own
    semicolon or colon), and a clause opened by a common word goes on in lower case."""
    out = []
    for k, part in enumerate(p.strip() for p in parts):
        if k and RE_LOWER_OPENER.match(part) and out[-1].endswith((",", ";")):
            part = part[0].lower() + part[1:]
        if k < len(parts) - 1 and not part.endswith((";", ":")):
            part = part.rstrip(".,!?") + ","
        out.append(part)
    joined = " ".join(out).rstrip(",;:")
    return joined if joined.endswith((".", "!", "?")) else joined + "."


def prompt_file(source: str, target: str) -> str:
    return f"edition_{source}_{target}.txt"


def load_examples(text: str) -> tuple[str, list[tuple[str, str]]]:
    """(instructions, [(request, reply) …]) from a prompt file: each example block holds an IN: line, an
    OUT: line and maybe a GLOSSARY: line."""
    blocks = [b.strip() for b in text.split("\n---\n")]
    pairs = []
    for block in blocks[1:]:
        lines = dict(line.split(":", 1) for line in block.splitlines() if line.split(":", 1)[0] in LABELS)
        if not {"IN", "OUT"} <= set(lines):
            raise ValueError(f"a translation example needs one IN: and one OUT: line, not {block!r}")
        glossary = [
            tuple(p.strip() for p in g.split("=", 1))
            for g in lines.get("GLOSSARY", "").split(";")
            if "=" in g
        ]
        pairs.append((request(lines["IN"].strip(), "sentence", glossary), lines["OUT"].strip()))
    return blocks[0], pairs


LABELS = ("IN", "OUT", "GLOSSARY")


def request(
    text: str,
    kind: str,
    glossary: list[tuple[str, str]],
    rejected: str = "",
    problems: list[str] | None = None,
) -> str:
    """The message that asks for one unit: its glossary, the unit, and after a failed attempt what to fix."""
    lines = []
    if glossary:
        lines.append("Glossary: " + "; ".join(f"{zh} = {en}" for zh, en in glossary))
    lines.append(f"Translate this {KIND_NAMES.get(kind, kind)}:")
    lines.append(text)
    if problems:
        lines += [
            "",
            f"An earlier translation was: {rejected}",
            "It must be corrected: " + "; ".join(problems) + ".",
            "Reply with the corrected translation only.",
        ]
    return "\n".join(lines)


RE_LABEL = re.compile(
    r"^(?:out|translation|english|chinese|corrected translation|the (?:corrected )?translation|english "
    r"translation|"
    r"here is the (?:corrected )?translation|translated (?:sentence|text))\s*(?:\([^)]*\))?\s*[:：]\s*",
    re.I,
)


def clean(reply: str) -> str:
    """The translation in a model's reply: its first non-empty line, without a label ("Corrected
    translation:") or the quotes around it."""
    for line in reply.strip().splitlines():
        line = RE_LABEL.sub("", line.strip()).strip()
        if len(line) > 1 and line[0] in '"“' and line[-1] in '"”' and line.count('"') <= 2:
            line = line[1:-1].strip()
        if line:
            return line
    return ""


@dataclass
class Attempted:
    text: str
    problems: dict[str, list[str]]
    attempts: int
    history: list[str] = field(default_factory=list)  # earlier replies

    @property
    def passed(self) -> bool:
        return not any(self.problems.values())


class UnitTranslator:
    """Translates units from `source` to `target` language with a LangChain chat model."""

    def __init__(
        self, model, model_name: str, source: str, target: str, retries: int = 2, timeout_s: float = 120.0
    ):
        self.model = model
        self.model_name = model_name
        self.source, self.target = source, target
        self.retries = retries
        self.timeout_s = timeout_s
        self.prompt_text = (PROMPTS / prompt_file(source, target)).read_text(encoding="utf-8")
        self.instructions, self.examples = load_examples(self.prompt_text)
        self._lock = threading.Lock()

    def prompt_hash(self, terms: list[Term], kind: str = "sentence") -> str:
        """What a translation depends on besides its text: the prompt, the terms it was given, and how
        units of its kind are prepared (a changed step re-translates only the units it touches)."""
        data = self.prompt_text + json.dumps(
            [t.model_dump() for t in terms], ensure_ascii=False, sort_keys=True
        )
        data += KIND_STEPS.get(kind, "")
        return hashlib.sha256(data.encode("utf-8")).hexdigest()[:12]

    def _reply(self, messages: list[tuple[str, str]], temperature: float = 0.0) -> str:
        from langchain_core.runnables import RunnableLambda

        extra = {"temperature": temperature} if temperature else {}
        chain = RunnableLambda(lambda msgs: self.model.invoke(msgs, **extra).content)
        return "".join(stream_with_deadline(chain, messages, self.timeout_s, self._lock))

    def translate(self, text: str, kind: str, terms: list[Term]) -> Attempted:
        """A heading's number is rendered by code (一、 → I., (一) → (1)); the rest goes to the model."""
        number, rest = split_number(text, self.target) if kind == "heading" else ("", text)
        done = self._translate(rest, kind, terms)
        if number:  # the code's number, not one the model added of its own
            done.text = f"{number} {RE_OWN_NUMBER.sub('', done.text)}"
        return done

    def _translate(self, text: str, kind: str, terms: list[Term]) -> Attempted:
        """The unit's translation after up to `retries` retries, each a fresh request that shows the
        rejected translation and what to fix; raises GenerationError when the model fails."""
        base: list[tuple[str, str]] = [("system", self.instructions)]
        for asked, wanted in self.examples:
            base += [("human", asked), ("ai", wanted)]
        glossary = [(t.zh, t.en[0]) for t in terms]
        reply, problems = "", {}
        tried: list[tuple[str, dict]] = []  # each rejected reply and what its checks found
        for attempt in range(1, self.retries + 2):
            fixes = [p for ps in problems.values() for p in ps]
            message = request(text, kind, glossary, reply, fixes)
            # the same request twice gives the same reply: later retries sample a little
            temperature = 0.0 if attempt <= 2 else RETRY_TEMPERATURE * (attempt - 2)
            said = clean(self._reply([*base, ("human", message)], temperature))
            reply, problems = self._checked(text, said, terms)
            if not any(problems.values()):
                return Attempted(reply, problems, attempt, [r for r, _ in tried])
            tried.append((reply, problems))
        history = [r for r, _ in tried]
        pieced = self.by_clauses(text, kind, terms, base)  # a small model keeps more of a short clause
        if pieced is not None:
            tried.append(self._checked(text, pieced, terms))
            if not any(tried[-1][1].values()):
                return Attempted(*tried[-1], self.retries + 2, history)
        # none passed: the one that fails fewest checks (a reply that kept the figures but missed a term
        # beats one that lost the sentence); the later one on a tie
        best, found = min(reversed(tried), key=lambda t: sum(bool(v) for v in t[1].values()))
        return Attempted(best, found, self.retries + 1 + (pieced is not None), history)

    def _checked(self, text: str, reply: str, terms: list[Term]) -> tuple[str, dict[str, list[str]]]:
        """The reply, a figure at the wrong scale mended by code rather than asked for again, and what
        the checks find in it."""
        if self.target == "en":
            reply = repair_figures(text, reply)
        return reply, run_checks(text, reply, terms, self.target)

    def by_clauses(self, text: str, kind: str, terms: list[Term], base: list) -> str | None:
        """The unit translated clause by clause and joined; None for a unit of one clause."""
        clauses = [c for c in RE_CLAUSE.findall(text) if c.strip()]
        if len(clauses) < 2:
            return None
        out = []
        for clause in clauses:
            mine = [t for t in terms if t.zh in clause]
            out.append(
                clean(
                    self._reply(
                        [*base, ("human", request(clause, "clause", [(t.zh, t.en[0]) for t in mine]))]
                    )
                )
            )
        return join_clauses(out)
