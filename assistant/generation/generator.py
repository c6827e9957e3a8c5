"""Generated answers: a chat model writes the answer, the code keeps it honest.

The LCEL chain is ``prompt | chat model | StrOutputParser``; around it:

1. retrieval, and abstention before generation (weak retrieval → no model call);
2. evidence: the best passages, numbered and trimmed, shown to the model with the
   prompt for the question's language (``prompts/answer_zh.txt`` / ``answer_en.txt``);
3. streaming: the evidence is available at once, then the tokens as they come;
4. verification: every claim (text before a group of markers) must have its
   numbers, years and names in the passages it cites; a claim without a valid
   marker gets one when a passage clearly holds it; the rest are flagged ⚠ and
   listed in ``verification``. Citations are built from chunk metadata, never
   from what the model typed;
5. abstention after generation (the model says the paper does not cover it);
6. fallback to the grounded answer, with a notice, when the model is missing,
   fails, times out or writes nothing usable.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from assistant.answer.base import AnswerContext, retrieved_out
from assistant.answer.claims import claims, missing_specifics, specifics
from assistant.answer.compose import compose
from assistant.answer.contract import ABSTAIN, Answer, CitationOut
from assistant.answer.outline import find_outline, outline_of
from assistant.answer.sentences import without_instructions
from assistant.corpus.chunking import split_sentences
from assistant.generation.fallback import grounded_fallback
from assistant.guards.stage import GuardReport
from assistant.index.lexicon import translate
from assistant.index.sections import RE_NUMBERING
from assistant.llm.models import PROMPTS, GenerationError, stream_with_deadline
from assistant.retrieval.results import Hit, Retrieval
from assistant.text import RE_CJK, tokenize

RE_NOT_COVERED = re.compile(
    r"NOT COVERED|论文(中|里)?(没有|并未|未)(提及|涉及|讨论|说明|给出)|does not "
    r"(say|mention|cover|discuss|provide)",
    re.I,
)
RE_STRAY_MARKER = re.compile(r"\s*\[\d{1,2}\]")
UNSUPPORTED_MARK = " ⚠"
MIN_SUPPORT = 0.4  # share of a claim's key terms its cited passages must hold


@dataclass
class Evidence:
    n: int
    hit: Hit
    text: str  # the passage as shown to the model (trimmed)


def pick_evidence(retrieval: Retrieval, k: int, chars: int, parts: list[Hit] | None = None) -> list[Evidence]:
    if parts:  # a list question: one passage per subsection
        hits = parts
    else:
        hits = [h for h in retrieval.hits if h.chunk.kind != "bibliography" or retrieval.question.references][
            :k
        ]
    shown = [without_instructions(h.chunk.text) for h in hits]  # corpus text cannot instruct the model
    return [
        Evidence(i + 1, h, text if len(text) <= chars else text[:chars] + "…")
        for i, (h, text) in enumerate(zip(hits, shown, strict=True))
    ]


def prompt_for(lang: str):
    from langchain_core.prompts import ChatPromptTemplate

    system = (PROMPTS / f"answer_{lang}.txt").read_text(encoding="utf-8")
    human = (PROMPTS / "question.txt").read_text(encoding="utf-8")
    return ChatPromptTemplate.from_messages([("system", system), ("human", human)])


def passages_block(evidence: list[Evidence], lang: str = "zh") -> str:
    """The numbered passages a model is shown: for a question in the other language, each passage's
    translated edition beside its original."""
    out = []
    for e in evidence:
        out.append(f"[{e.n}] ({e.hit.chunk.section}) {e.text}")
        if e.hit.edition is not None and e.hit.edition.lang == lang:
            out.append(
                f"    ({e.hit.edition.lang} translation) {clip_text(e.hit.edition.text, len(e.text) * 3)}"
            )
    return "\n".join(out)


def clip_text(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _support(claim: str, passage: str, lexicon: dict) -> float:
    """How much of a claim's wording a (Chinese) passage holds: its Chinese words, or the
    Chinese terms its English words translate to, whichever is more."""
    words = {w for w in tokenize(claim) if RE_CJK.search(w)}
    own = len(words & set(tokenize(passage))) / len(words) if words else 0.0
    terms = translate(claim, lexicon)
    translated = sum(w for t, w in terms.items() if t in passage) / sum(terms.values()) if terms else 0.0
    return max(own, translated)


def _holds(claim: str, passage: str, lexicon: dict) -> bool:
    """The passage holds the claim's figures and names, and (without figures) its key terms."""
    figures = any(ch.isdigit() for ch in "".join(specifics(claim)))
    return not missing_specifics(claim, passage, lexicon) and (
        figures or _support(claim, passage, lexicon) >= MIN_SUPPORT
    )


def pieces(segment: str) -> list[str]:
    """The sentences and list lines of one claim segment."""
    out = []
    for line in segment.split("\n"):
        line = line.strip()
        out += [line[s:e] for s, e in split_sentences(line) if any(ch.isalnum() for ch in line[s:e])]
    return out


def repeats(claim: str, instructions: str) -> bool:
    """The claim copies a stretch of the model's instructions (a prompt leak)."""
    if not instructions:
        return False
    m = SequenceMatcher(None, claim, instructions, autojunk=False).find_longest_match()
    return m.size >= max(12, len(claim) // 2)


def _withheld() -> dict:
    """The report entry for a claim withheld because it repeated the model's instructions."""
    return {
        "claim": "(withheld: it repeated the model's instructions)",
        "citations": [],
        "supported": False,
        "assigned": False,
        "missing": [],
        "withheld": True,
    }


def _citation(n: int, e: Evidence) -> CitationOut:
    """The citation numbered `n` for a piece of evidence, built from its chunk's metadata."""
    c = e.hit.chunk
    return CitationOut(
        n=n,
        chunk_id=c.id,
        section_id=c.section_id,
        section=c.section,
        text=c.text,
        quote=e.text,
        score=round(e.hit.dense, 4),
        kind=c.kind,
        ref=c.ref,
    )


def verify(
    text: str, evidence: list[Evidence], lang: str, lexicon: dict, instructions: str = ""
) -> tuple[str, list[CitationOut], list[dict]]:
    """Check each claim against the passages it cites; renumber citations by first use. Claims
    that repeat `instructions` (the system prompt) are withheld: left out of the answer and
    of the report's text."""
    valid = {e.n for e in evidence}
    by_n = {e.n: e for e in evidence}
    renumber: dict[int, int] = {}
    citations: list[CitationOut] = []
    parts, report = [], []
    found = []
    for segment, marks in claims(text, valid):  # markers belong to the sentence they follow
        ps = pieces(RE_STRAY_MARKER.sub("", segment))
        found += [(p, marks if i == len(ps) - 1 else []) for i, p in enumerate(ps)]
    multiline = "\n" in text.strip()
    for claim, marks in found:
        if repeats(claim, instructions):
            report.append(_withheld())
            continue
        marks = [m for m in dict.fromkeys(marks) if m in valid]
        cited = " ".join(by_n[m].hit.chunk.text for m in marks)
        supported = bool(marks) and _holds(claim, cited, lexicon)
        assigned = False
        if not supported:  # give the claim to the passage that clearly holds it, if one does
            holders = [e for e in evidence if _holds(claim, e.hit.chunk.text, lexicon)]
            if holders:
                best = max(holders, key=lambda e: _support(claim, e.hit.chunk.text, lexicon))
                marks, cited, assigned, supported = [best.n], best.hit.chunk.text, True, True
        missing = missing_specifics(claim, cited, lexicon)
        for m in marks:
            if m not in renumber:
                renumber[m] = len(renumber) + 1
                citations.append(_citation(renumber[m], by_n[m]))
        mark_text = "".join(f"[{renumber[m]}]" for m in marks)
        parts.append(claim + mark_text + ("" if supported else UNSUPPORTED_MARK))
        report.append(
            {
                "claim": claim,
                "citations": [renumber[m] for m in marks],
                "supported": supported,
                "assigned": assigned,
                "missing": missing,
            }
        )
    sep = "\n" if multiline else ("" if lang == "zh" else " ")
    return sep.join(parts).strip(), citations, report


class Generator:
    """Answers in one generated mode ('local' or 'openai') with a given chat model."""

    def __init__(self, assistant, mode: str, model: Any):
        self.assistant = assistant
        self.mode = mode
        self.model = model
        # a llama.cpp model is not thread-safe: the API's worker threads take turns with it
        self._lock = threading.Lock() if mode == "local" else None

    def chain(self, lang: str):
        from langchain_core.output_parsers import StrOutputParser

        return prompt_for(lang) | self.model | StrOutputParser()

    def stream(self, retrieval: Retrieval, report: GuardReport, context: AnswerContext) -> Iterator[dict]:
        """Events: {"type": "evidence", "citations": …} first, then {"type": "token", "text": …}
        as the model writes, then {"type": "answer", "answer": Answer}. What the guards stop gets no
        model call: the grounded abstention (or correction) stands."""
        if report.abstain:
            answer = compose(retrieval, report, context)
            answer.mode = self.mode
            yield {"type": "answer", "answer": answer}
            return
        try:
            yield from self._stream(retrieval, context)
        except GenerationError as exc:
            yield {
                "type": "answer",
                "answer": grounded_fallback(retrieval, report, context, self.mode, str(exc)),
            }

    def _stream(self, retrieval: Retrieval, context: AnswerContext) -> Iterator[dict]:
        s = self.assistant.settings
        parent = None if retrieval.named else find_outline(retrieval, context)
        parts = [p.hit for p in outline_of(parent, retrieval, context).parts] if parent else None
        evidence = pick_evidence(retrieval, s.llm.evidence_chunks, s.llm.evidence_chars, parts)
        yield {
            "type": "evidence",
            "citations": [
                {
                    "n": e.n,
                    "chunk_id": e.hit.chunk.id,
                    "section_id": e.hit.chunk.section_id,
                    "section": e.hit.chunk.section,
                    "text": e.text,
                    "score": round(e.hit.dense, 4),
                }
                for e in evidence
            ],
        }
        if parent is not None:
            labels = outline_of(parent, retrieval, context).labels
            tree = context.index.tree
            originals = [
                tree.labels.get(k, label) for k, label in zip(tree.children[parent], labels, strict=True)
            ]
            yield from self._outline(retrieval, evidence, list(zip(labels, originals, strict=True)))
            return
        inputs = {"passages": passages_block(evidence, retrieval.lang), "question": retrieval.question.text}
        pieces = []
        for token in stream_with_deadline(self.chain(retrieval.lang), inputs, s.llm.timeout_s, self._lock):
            pieces.append(token)
            yield {"type": "token", "text": token}
        raw = "".join(pieces).strip()
        instructions = (PROMPTS / f"answer_{retrieval.lang}.txt").read_text(encoding="utf-8")
        if RE_NOT_COVERED.search(raw):
            kept = "" if repeats(raw, instructions) else raw
            yield {"type": "answer", "answer": self.finish(retrieval, kept, [], [], abstained=True)}
            return
        text, citations, report = verify(
            raw, evidence, retrieval.lang, self.assistant.index.lexicon, instructions
        )
        if not text or not any(r["supported"] for r in report):
            raise GenerationError("the model's answer had no claim the passages support")
        yield {"type": "answer", "answer": self.finish(retrieval, text, citations, report)}

    def _outline(
        self, retrieval: Retrieval, evidence: list[Evidence], labels: list[tuple[str, str]]
    ) -> Iterator[dict]:
        """A list question about a section's parts (see `assistant.answer.outline`): the code keeps the
        structure, one line per part with its marker; the model writes each line's words: the
        heading in English (for English questions) and a one-sentence summary of the passage."""
        from langchain_core.output_parsers import StrOutputParser
        from langchain_core.prompts import ChatPromptTemplate

        lang, timeout = retrieval.lang, self.assistant.settings.llm.timeout_s
        deadline = time.perf_counter() + timeout
        templates = {"term": "outline_term.txt", "part": f"outline_part_{lang}.txt"}
        texts = {k: (PROMPTS / f).read_text(encoding="utf-8") for k, f in templates.items()}
        chains = {
            k: ChatPromptTemplate.from_messages([("human", t)]) | self.model | StrOutputParser()
            for k, t in texts.items()
        }

        def run(kind: str, inputs: dict) -> Iterator[str]:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise GenerationError(f"the model took longer than {timeout:g} s")
            yield from stream_with_deadline(chains[kind], inputs, left, self._lock)

        heads, lines = [], []
        for (label, original), e in zip(labels, evidence, strict=True):
            heading = RE_NUMBERING.sub("", original).strip() or original
            shown = RE_NUMBERING.sub("", label).strip() or label  # the edition's heading, if translated
            head = f"{heading}："  # no "1." before it: verification reads "1. X" as a sentence of its own
            if lang == "en" and shown != heading:
                head = f"{shown} ({heading}): "
            elif lang == "en":
                term = _first_line("".join(run("term", {"heading": heading}))).strip(" .\"'*")
                head = (
                    f"{term} ({heading}): "
                    if re.search(r"[A-Za-z]", term) and len(term) <= 80
                    else f"{heading}: "
                )
            yield {"type": "token", "text": head}
            said = []
            for token in run("part", {"passage": e.text}):
                said.append(token)
                yield {"type": "token", "text": token}
            yield {"type": "token", "text": f"[{e.n}]\n"}
            heads.append(head)
            lines.append(_tidy(_first_sentence("".join(said)), lang) + f"[{e.n}]")
        # the summaries are verified on their own (the heading would vouch for any of them)
        text, citations, report = verify(
            "\n".join(lines), evidence, lang, self.assistant.index.lexicon, "\n".join(texts.values())
        )
        verified = text.split("\n")
        if len(verified) != len(heads) or not any(r["supported"] for r in report):
            raise GenerationError("the model's answer had no claim the passages support")
        for head, r in zip(heads, report, strict=True):
            r["heading"] = head.rstrip(" :：")
        text = "\n".join(h + v for h, v in zip(heads, verified, strict=True))
        yield {"type": "answer", "answer": self.finish(retrieval, text, citations, report)}

    def finish(
        self, retrieval: Retrieval, text: str, citations: list, report: list, abstained=False
    ) -> Answer:
        retrieved = retrieved_out(retrieval.hits)
        return Answer(
            question=retrieval.question.text,
            answer=ABSTAIN[retrieval.lang] if abstained else text,
            kind="abstention" if abstained else "generated",
            abstained=abstained,
            mode=self.mode,
            lang=retrieval.lang,
            citations=[] if abstained else citations,
            retrieved=retrieved,
            verification=report or None,
            raw_output=text if abstained and text else None,
        )


RE_PREAMBLE = re.compile(
    r"^(?:(?:this|the) passage (?:says|states|suggests|indicates|explains|describes|discusses|highlights|"
    r"notes|"
    r"argues|is about|talks about)(?: that)?[:,]?\s*|"
    r"(?:这段话|该段落|这段|本段)(?:的要点)?(?:主要)?(?:是|讲|说|指出|表明|介绍了?)?[:：，,]?\s*)",
    re.I,
)


def _first_line(text: str) -> str:
    return next((ln.strip() for ln in text.strip().splitlines() if ln.strip()), "")


def _first_sentence(text: str) -> str:
    line = RE_PREAMBLE.sub("", _first_line(text))
    spans = split_sentences(line)
    return line[spans[0][0] : spans[0][1]] if spans else line


def _tidy(sentence: str, lang: str) -> str:
    """One generated sentence without a preamble ("This passage says that …"), properly ended."""
    s = RE_PREAMBLE.sub("", sentence.strip()).strip()
    if lang == "en":
        s = s[:1].upper() + s[1:]
        return s if s.endswith((".", "!", "?", "。")) else s + "."
    return s if s.endswith(("。", "！", "？")) else s + "。"
