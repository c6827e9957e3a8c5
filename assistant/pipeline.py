"""The assistant: one question through the stages, behind one `ask` call.

    question  →  retrieval  →  guards  →  answer (grounded)  →  generation (local / openai)

CLI, API, web chat and the eval runner all go through `Assistant.stream`, so they give the same
answer to the same question. The index is opened once and followed when a newer build is served.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import get_args

from assistant.answer.base import AnswerContext
from assistant.answer.compose import compose
from assistant.answer.contract import Answer
from assistant.answer.recalled import recalled
from assistant.guards.base import GuardContext
from assistant.guards.stage import GuardStage
from assistant.index.build import Progress, build
from assistant.index.fingerprint import IndexError_, status
from assistant.index.open import OpenIndex, open_index
from assistant.index.store import StoreError, store_for
from assistant.question.analysis import Question, analyse
from assistant.question.followup import Recalled, Turn, follow_up, previous_turn
from assistant.retrieval.hybrid import HybridSearch
from assistant.settings import AnswerSettings, Settings

MODES = get_args(AnswerSettings.model_fields["mode"].annotation)
MAX_RECALLED = 256  # earlier answers' recalls kept (a few conversations' worth)


class QuestionError(ValueError):
    """The question cannot be asked as given (empty, too long, unknown mode or section)."""


@dataclass
class Serving:
    """Everything that answers from one build of the index."""

    index: OpenIndex
    search: HybridSearch
    guards: GuardStage
    answers: AnswerContext


class Assistant:
    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self._generators: dict = {}
        self._serving_now: Serving | None = None
        self._checked = 0.0
        self._lock = threading.Lock()
        # what earlier answers were about, by (build, question, history, scope): a client sends the whole
        # conversation each turn, and each turn's recall leans on the one before it
        self._recalled: OrderedDict[tuple, Recalled] = OrderedDict()
        self._recalled_lock = threading.Lock()

    @classmethod
    def ready(cls, settings: Settings | None = None, progress: Progress | None = None) -> Assistant:
        """An assistant whose index exists, is current and whole: built first when missing or
        stale, rebuilt when damaged (with a line through `progress` saying why)."""
        a = cls(settings)
        say = progress or (lambda *_: None)
        state = status(a.settings)
        if state == "unreachable":
            open_index(a.settings)  # raises IndexError_ naming the server
        if state == "ready":
            try:
                _ = a.index
                return a
            except IndexError_ as exc:
                say(f"{exc}; rebuilding it", 0, 0)
        else:
            say(
                "the index is stale; rebuilding it" if state == "stale" else "no index found; building one",
                0,
                0,
            )
        build(a.settings, progress=progress, force=True)
        return a

    def _open(self) -> Serving:
        index = open_index(self.settings)
        search = HybridSearch(index, self.embedder, self.settings.retrieval)
        guards = GuardStage(GuardContext(index, search, self.settings))
        return Serving(index, search, guards, AnswerContext(index, search, self.settings))

    def serving(self) -> Serving:
        """What answers now. Every `serve.reload_check_s` seconds, look whether another build is
        served (an ingest ran meanwhile) and move to it once it opens whole; until then, and if it
        does not, keep answering from the one already open."""
        now, every = self._serving_now, self.settings.serve.reload_check_s
        if now is not None and (not every or time.monotonic() - self._checked < every):
            return now
        with self._lock:
            if self._serving_now is None:
                self._serving_now = self._open()
                self._checked = time.monotonic()
            elif every and time.monotonic() - self._checked >= every:
                self._checked = time.monotonic()
                try:
                    if store_for(self.settings).current() != self._serving_now.index.info.build:
                        self._serving_now = self._open()
                except (IndexError_, StoreError):
                    pass  # the new build is not usable (yet): stay on the open one
            return self._serving_now

    @property
    def index(self) -> OpenIndex:
        return self.serving().index

    @property
    def retriever(self) -> HybridSearch:
        return self.serving().search

    @cached_property
    def embedder(self):
        from assistant.index.embeddings import make_embedder

        return make_embedder(self.settings.embedder)

    @cached_property
    def paper(self):
        from assistant.corpus.parser import parse_paper

        return parse_paper(self.settings.corpus.paper.read_text(encoding="utf-8"))

    @property
    def section_ids(self) -> list[str]:
        return sorted({c.section_id for c in self.index.chunks.values()})

    @property
    def documents(self) -> dict[str, str]:
        """Document id → title: the paper, reference texts and added documents."""
        docs = {"paper": self.paper.title}
        for c in self.index.chunks.values():
            if c.kind == "reference-text":
                docs.setdefault(c.doc_id, c.section)
        return {**docs, **self.index.info.documents}

    def check(self, question: str, mode: str, section: str | None, document: str | None = None) -> str:
        q = " ".join((question or "").split())
        if not q:
            raise QuestionError("the question is empty")
        limit = self.settings.serve.max_question_chars
        if len(q) > limit:
            raise QuestionError(f"the question is {len(q)} characters long; the limit is {limit}")
        if mode not in MODES:
            raise QuestionError(f"unknown mode {mode!r}; choose one of: {', '.join(MODES)}")
        if section and not any(s == section or s.startswith(section + ".") for s in self.section_ids):
            raise QuestionError(f"unknown section {section!r}; see 'assistant sections'")
        if document and document not in self.documents:
            raise QuestionError(f"unknown document {document!r}; choose one of: {', '.join(self.documents)}")
        if (
            section
            and document
            and not any(
                c.doc_id == document and (c.section_id == section or c.section_id.startswith(section + "."))
                for c in self.index.chunks.values()
            )
        ):
            raise QuestionError(f"section {section!r} is not in document {document!r}")
        return q

    def generator(self, mode: str):
        """The `Generator` for a generated mode, its chat model loaded once per process."""
        from assistant.generation.generator import Generator
        from assistant.llm.models import make_chat_model

        if mode not in self._generators:
            self._generators[mode] = Generator(self, mode, make_chat_model(self.settings, mode))
        return self._generators[mode]

    @cached_property
    def translator(self):
        """The query translator of `settings.translate` (loaded on first use)."""
        from assistant.question.translate import QueryTranslator

        return QueryTranslator.from_settings(self.settings)

    def recall(
        self, question: str, history: list[Turn], section: str | None = None, document: str | None = None
    ) -> Recalled:
        """What the answer to an earlier question was about: it is answered again (grounded, in
        milliseconds), so any client can send the conversation as plain text."""
        now = self.serving()
        turns = tuple((t.role, t.content) for t in history)
        key = (now.index.info.build, question, turns, section, document)
        with self._recalled_lock:
            if (known := self._recalled.get(key)) is not None:
                self._recalled.move_to_end(key)
                return known
        try:
            q, _ = self.understand(
                self.check(question, "grounded", section, document), "grounded", section, document, history
            )
        except QuestionError:
            return Recalled(question)
        retrieval = now.search.search(q)
        answer = compose(retrieval, now.guards.run(q, retrieval), now.answers)
        found = recalled(q, retrieval, answer, now.index)
        with self._recalled_lock:
            self._recalled[key] = found
            while len(self._recalled) > MAX_RECALLED:
                self._recalled.popitem(last=False)
        return found

    def understand(
        self, text: str, mode: str, section: str | None, document: str | None, history: list[Turn] | None
    ) -> tuple[Question, str | None]:
        """The question stage: the analysed question (a follow-up made whole from the conversation),
        and a notice when the optional model translation of an English question failed."""
        recall = lambda q, h: self.recall(q, h, section, document)  # noqa: E731
        resolved = follow_up(text, history, recall) if history else None
        # a question standing on its own in a conversation leans lightly on what the last answer was about
        last = None if resolved or not history else previous_turn(history)
        context = [t] if last and (t := recall(*last).target) else []
        condensed, steer = (resolved.question, resolved.sections) if resolved else (None, None)
        question = analyse(text, mode, section, document, history, condensed, steer, context)
        if self.settings.translate.mode == "off" or question.lang != "en":
            return question, None
        from assistant.question.translate import TranslatorUnavailable

        try:
            question.translation = self.translator.translate(question.searched)
            return question, None
        except TranslatorUnavailable as exc:
            return (
                question,
                f"The question was not translated ({exc}); its English words were looked up in the "
                "dictionary.",
            )

    def stream(
        self,
        question: str,
        mode: str | None = None,
        section: str | None = None,
        history: list[Turn] | None = None,
        document: str | None = None,
    ) -> Iterator[dict]:
        """Answer events: {"type": "evidence", "citations"} first, then {"type": "token", "text"} …
        (generated modes), then {"type": "answer", "answer": Answer}. `history` (earlier turns) lets a
        follow-up lean on the conversation; `document` scopes the search to one document."""
        mode = mode or self.settings.answer.mode
        text = self.check(question, mode, section, document)
        t0 = time.perf_counter()
        now = self.serving()  # one build for the whole answer
        q, notice = self.understand(text, mode, section, document, history)
        t1 = time.perf_counter()
        retrieval = now.search.search(q)
        t2 = time.perf_counter()
        report = now.guards.run(q, retrieval)
        first_token = None
        if mode == "grounded":
            answer = compose(retrieval, report, now.answers)
            yield {"type": "evidence", "citations": [c.model_dump() for c in answer.citations]}
        else:
            answer = None
            for event in self._generated(mode, retrieval, report, now.answers):
                if event["type"] == "answer":
                    answer = event["answer"]
                    continue
                if event["type"] == "token" and first_token is None:
                    first_token = time.perf_counter()
                yield event
            assert answer is not None
        t3 = time.perf_counter()
        self._finish(answer, q, report, [notice, *report.notices])
        answer.timings_ms = {
            "question": ms(t0, t1),
            "retrieve": ms(t1, t2),
            "guards": report.ms,
            "answer": ms(t2, t3),
            "total": ms(t0, t3),
        }
        if first_token is not None:
            answer.timings_ms["first_token"] = ms(t0, first_token)
        if self.settings.translate.mode != "off" and q.lang == "en":
            answer.timings_ms["translate"] = ms(t0, t1)
        yield {"type": "answer", "answer": answer}

    def _generated(self, mode: str, retrieval, report, context) -> Iterator[dict]:
        """A generated mode's events; its model missing or unconfigured, the grounded answer, said so."""
        from assistant.generation.fallback import grounded_fallback
        from assistant.llm.models import GenerationError

        try:
            generator = self.generator(mode)
        except GenerationError as exc:
            yield {"type": "answer", "answer": grounded_fallback(retrieval, report, context, mode, str(exc))}
            return
        yield from generator.stream(retrieval, report, context)

    def _finish(self, answer: Answer, q: Question, report, notices: list[str | None]) -> None:
        answer.section_filter, answer.document_filter = q.section, q.document
        answer.condensed_question = q.condensed
        answer.translation = q.translation
        judge = next((v for v in report.verdicts if v.guard == "judge"), None)  # None: it did not run
        if self.settings.judge.mode != "off" and judge is not None:
            answer.judged_answerable = (
                None
                if judge and judge.reason in ("judge-unavailable", "judge-no-verdict")
                else not (judge and judge.abstain)
            )
        extra = " ".join(n for n in notices if n)
        if extra:
            answer.notice = f"{extra} {answer.notice}" if answer.notice else extra

    def guard_verdicts(
        self,
        question: str,
        section: str | None = None,
        document: str | None = None,
        history: list[Turn] | None = None,
    ) -> list[dict]:
        """Every guard's verdict on `question`, not only the first that abstains (for measuring them)."""
        now = self.serving()
        q, _ = self.understand(
            self.check(question, "grounded", section, document), "grounded", section, document, history
        )
        retrieval = now.search.search(q)
        return [
            {"guard": v.guard, "abstain": v.abstain, "reason": v.reason}
            for v in now.guards.check_all(q, retrieval)
        ]

    def ask(
        self,
        question: str,
        mode: str | None = None,
        section: str | None = None,
        history: list[Turn] | None = None,
        document: str | None = None,
    ) -> Answer:
        """Answer `question` (see `stream` for the arguments)."""
        for event in self.stream(question, mode, section, history, document):
            if event["type"] == "answer":
                return event["answer"]
        raise RuntimeError("the answer stream ended without an answer")


def ms(a: float, b: float) -> float:
    return round((b - a) * 1000, 2)
