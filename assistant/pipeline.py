"""The assistant: settings → index → retriever → answer, behind one `ask` call.

CLI, API, UI and the eval runner all go through `Assistant.ask`, so they give the
same answer to the same question.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from functools import cached_property
from typing import get_args

import numpy as np

from assistant.answer import ABSTAIN, Answer, compose, should_abstain
from assistant.index import IndexError_, OpenIndex, Progress, build, open_index, status
from assistant.memory import Turn, condense
from assistant.outline import SectionTree, find_outline
from assistant.retrieve import HybridSearch, Retrieval
from assistant.settings import AnswerSettings, Settings
from assistant.store import StoreError, store_for

MODES = get_args(AnswerSettings.model_fields["mode"].annotation)


def _abstain(answer: Answer, notice: str) -> None:
    """Turn `answer` into an abstention that says why."""
    answer.judged_answerable = False
    answer.abstained = True
    answer.answer = ABSTAIN[answer.lang]
    answer.citations = []
    answer.notice = notice


class QuestionError(ValueError):
    """The question cannot be asked as given (empty, too long, unknown mode or section)."""


class Assistant:
    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self._generators: dict = {}
        self._opened: tuple[OpenIndex, HybridSearch] | None = None
        self._checked = 0.0
        self._tree: tuple[str, SectionTree] | None = None
        self._lock = threading.Lock()

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
            say("the index is stale; rebuilding it" if state == "stale" else "no index found; building one", 0, 0)
        build(a.settings, progress=progress, force=True)
        return a

    def _serving(self) -> tuple[OpenIndex, HybridSearch]:
        """The open index and its retriever. Every `serve.reload_check_s` seconds, look whether
        another build is now served (an ingest ran meanwhile) and move to it once it opens whole;
        until then, and if it does not, keep answering from the one already open."""
        opened = self._opened
        every = self.settings.serve.reload_check_s
        if opened is not None and (not every or time.monotonic() - self._checked < every):
            return opened
        with self._lock:
            if self._opened is None:
                index = open_index(self.settings)
                self._opened = (index, HybridSearch(index, self.embedder, self.settings.retrieval))
                self._checked = time.monotonic()
            elif every and time.monotonic() - self._checked >= every:
                self._checked = time.monotonic()
                try:
                    if store_for(self.settings).current() != self._opened[0].info.build:
                        index = open_index(self.settings)
                        self._opened = (index, HybridSearch(index, self.embedder, self.settings.retrieval))
                except (IndexError_, StoreError):
                    pass  # the new build is not usable (yet): stay on the open one
            return self._opened

    def _section_tree(self, index: OpenIndex) -> SectionTree:
        """The section tree of `index` (built on first use, once per build)."""
        cached = self._tree
        if cached is None or cached[0] != index.info.build:
            cached = self._tree = (index.info.build, SectionTree.of(index.chunks, " ".join(self.documents.values())))
        return cached[1]

    @property
    def index(self) -> OpenIndex:
        return self._serving()[0]

    @cached_property
    def embedder(self):
        from assistant.embeddings import make_embedder

        return make_embedder(self.settings.embedder)

    @property
    def retriever(self) -> HybridSearch:
        return self._serving()[1]

    @cached_property
    def paper(self):
        from assistant.parser import parse_paper

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
        if section and document and not any(
            c.doc_id == document and (c.section_id == section or c.section_id.startswith(section + "."))
            for c in self.index.chunks.values()
        ):
            raise QuestionError(f"section {section!r} is not in document {document!r}")
        return q

    def generator(self, mode: str):
        """The `Generator` for a generated mode, its chat model loaded once per process."""
        from assistant.generate import Generator, make_chat_model

        if mode not in self._generators:
            self._generators[mode] = Generator(self, mode, make_chat_model(self.settings, mode))
        return self._generators[mode]

    @cached_property
    def judge(self):
        """The answerability judge of `settings.judge` (loaded on first use)."""
        from assistant.judge import AnswerabilityJudge

        return AnswerabilityJudge.from_settings(self.settings)

    @cached_property
    def translator(self):
        """The query translator of `settings.translate` (loaded on first use)."""
        from assistant.translate import QueryTranslator

        return QueryTranslator.from_settings(self.settings)

    def _translate(self, question: str) -> tuple[str | None, str | None]:
        """(Chinese rendering, notice) for an English question when translation is on; (None, None)
        otherwise. A translator that fails leaves the lexicon to do the work, and says so."""
        from assistant.text import language_of

        if self.settings.translate.mode == "off" or language_of(question) != "en":
            return None, None
        from assistant.translate import TranslatorUnavailable

        try:
            return self.translator.translate(question), None
        except TranslatorUnavailable as exc:
            return None, f"The question was not translated ({exc}); its English words were looked up in the dictionary."

    def _premise_unsaid(self, retrieval: Retrieval) -> str | None:
        """Why the question's premise is not the paper's, when the judge finds the sentences closest
        to it do not say it; None when there is no premise or the judge finds it said. Raises
        JudgeUnavailable."""
        premise = retrieval.premise
        if premise is None:
            return None
        holds, p_yes = self.judge.holds(premise.text, premise.closest(retrieval.sentences()))
        if holds is not False:
            return None
        return (f"{self.judge.name} judged that the closest passages do not say “{premise.text}” "
                f"(P(yes) {p_yes:.2f} < {self.judge.min_premise_yes:g}).")

    def _generate(self, mode: str, retrieval: Retrieval, chunks) -> Iterator[dict]:
        """A generated answer's events; with a judge, a premise it finds unsaid is an abstention
        before the model writes."""
        from assistant.generate import GenerationError, grounded_fallback
        from assistant.judge import JudgeUnavailable

        notice = None
        answer = None
        try:
            generator = self.generator(mode)
            judged = self.settings.judge.mode != "off" and retrieval.premise is not None
            if judged and not should_abstain(retrieval, self.settings.retrieval):
                try:
                    if unsaid := self._premise_unsaid(retrieval):
                        answer = generator.finish(retrieval, "", [], [], abstained=True)
                        answer.judged_answerable, answer.notice = False, unsaid
                except JudgeUnavailable as exc:
                    notice = f"The premise check did not run ({exc}); this answer was not checked."
            if answer is None:
                for event in generator.stream(retrieval):
                    if event["type"] == "answer":
                        answer = event["answer"]
                    else:
                        yield event
        except GenerationError as exc:
            answer = grounded_fallback(retrieval, self.settings, chunks, mode, str(exc))
        assert answer is not None
        if notice:
            answer.notice = f"{notice} {answer.notice}" if answer.notice else notice
        yield {"type": "answer", "answer": answer}

    def _judge(self, answer: Answer, retrieval: Retrieval) -> None:
        """Let the judge see the passages `answer` quotes; a NO turns it into an abstention. A premise
        the question states (see assistant.premise) is first checked against the sentences closest to it."""
        from assistant.judge import JudgeUnavailable

        try:
            judge = self.judge
            if unsaid := self._premise_unsaid(retrieval):
                _abstain(answer, unsaid)
                return
            verdict, p_yes = judge.answers(answer.question, [c.quote for c in answer.citations])
        except JudgeUnavailable as exc:
            answer.notice = f"The answerability check did not run ({exc}); this answer was not checked."
            return
        answer.judged_answerable = verdict
        if verdict is None:
            answer.notice = f"{judge.name} replied neither YES nor NO; this answer was not checked."
        elif verdict is False:
            _abstain(answer, f"{judge.name} judged that the closest passages do not answer this question "
                             f"(P(yes) {p_yes:.2f} < {judge.min_yes:g}).")

    def stream(
        self,
        question: str,
        mode: str | None = None,
        section: str | None = None,
        history: list[Turn] | None = None,
        document: str | None = None,
    ) -> Iterator[dict]:
        """Answer events: {"type": "evidence", "citations"} first, then {"type": "token", "text"} …,
        then {"type": "answer", "answer": Answer}. `history` (earlier turns) lets a follow-up lean
        on the turn before; `document` scopes the search to one document (see `documents`)."""
        mode = mode or self.settings.answer.mode
        q = self.check(question, mode, section, document)
        condensed = condense(q, history)
        t0 = time.perf_counter()
        index, retriever = self._serving()  # one build for the whole answer
        translation, translate_notice = self._translate(condensed or q)
        tt = time.perf_counter()
        retrieval = retriever.search(condensed or q, section=section, document=document, translation=translation)
        retrieval.outline = find_outline(retrieval, self._section_tree(index))
        if retrieval.outline and retrieval.vector is not None:  # cosine of each part's opening sentence
            qv = np.asarray(retrieval.vector, dtype=np.float32)
            for part in retrieval.outline.parts:
                vecs = index.sentence_vectors(part.chunk.id)
                part.dense = float(vecs[0] @ qv) if vecs is not None and len(vecs) else 0.0
        retrieval.question = q
        t1 = time.perf_counter()
        first_token = None
        judge_ms = None
        if mode == "grounded":
            answer = compose(retrieval, self.settings.answer, self.settings.retrieval, index.chunks)
            if self.settings.judge.mode != "off" and not answer.abstained:
                tj = time.perf_counter()
                self._judge(answer, retrieval)
                judge_ms = round((time.perf_counter() - tj) * 1000, 2)
            yield {"type": "evidence", "citations": [c.model_dump() for c in answer.citations]}
        else:
            answer = None
            for event in self._generate(mode, retrieval, index.chunks):
                if event["type"] == "answer":
                    answer = event["answer"]
                else:
                    if event["type"] == "token" and first_token is None:
                        first_token = time.perf_counter()
                    yield event
            assert answer is not None
        t2 = time.perf_counter()
        answer.section_filter = section
        answer.document_filter = document
        answer.condensed_question = condensed
        answer.translation = retrieval.translation
        if translate_notice:
            answer.notice = f"{translate_notice} {answer.notice}" if answer.notice else translate_notice
        answer.timings_ms = {
            "retrieve": round((t1 - t0) * 1000, 2),
            "answer": round((t2 - t1) * 1000, 2),
            "total": round((t2 - t0) * 1000, 2),
        }
        if first_token is not None:
            answer.timings_ms["first_token"] = round((first_token - t0) * 1000, 2)
        if judge_ms is not None:
            answer.timings_ms["judge"] = judge_ms
        if self.settings.translate.mode != "off" and retrieval.lang == "en":
            answer.timings_ms["translate"] = round((tt - t0) * 1000, 2)
        yield {"type": "answer", "answer": answer}

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
