"""The model judge: a language model reads the closest passages and says whether they answer.

The rules of the other guards catch what code can see; a question that is on topic but asks for
something the text does not give still finds close passages. With `judge.mode` 'local' or 'openai',
the best sentences retrieval found are shown to a model with the question (prompts/judge.txt). Its
probability of answering YES (from the token log-probabilities; from the word itself when the
endpoint gives none) below `judge.min_yes` is an abstention. A question that states what the text
says (see `assistant.guards.reading.premise`) is judged on that instead: the model sees the
statement and the sentences closest to it (prompts/premise.txt), against `judge.min_premise_yes`.
Off by default: it costs about two seconds a question on two cores.
"""

from __future__ import annotations

import math
import re
import threading

from assistant.guards.base import Guard, Verdict, hit_units, passed
from assistant.guards.reading.premise import premise_of
from assistant.question.analysis import Question
from assistant.retrieval.results import Retrieval
from assistant.settings import Settings

RE_VERDICT = re.compile(r"\b(YES|NO)\b|(是|否|能|不能)", re.IGNORECASE)
TOP_LOGPROBS = 10


class JudgeUnavailable(RuntimeError):
    """The judge's model could not be loaded, failed, or did not answer in time."""


def parse_verdict(text: str) -> bool | None:
    """True for YES, False for NO, None when the reply is neither."""
    m = RE_VERDICT.search(text.strip()[:40])
    if not m:
        return None
    word = (m.group(1) or m.group(2)).upper()
    return word in ("YES", "是", "能")


def yes_probability(metadata: dict, text: str) -> float | None:
    """P(YES) / (P(YES) + P(NO)) from the first token's top log-probabilities in a chat model's
    response metadata (llama.cpp and OpenAI give the same shape); else 1 or 0 from the reply's
    word; None when the reply is neither."""
    content = ((metadata or {}).get("logprobs") or {}).get("content") or []
    if content:
        seen: dict[str, float] = {}
        for alt in content[0].get("top_logprobs") or []:
            word = alt["token"].strip().upper()
            seen[word] = max(seen.get(word, 0.0), math.exp(alt["logprob"]))
        yes, no = seen.get("YES", 0.0), seen.get("NO", 0.0)
        if yes + no > 0:
            return yes / (yes + no)
    verdict = parse_verdict(text)
    return None if verdict is None else float(verdict)


class AnswerabilityJudge:
    """Asks a chat model whether quoted passages answer a question, and whether they say what a
    question takes the paper to say."""

    def __init__(
        self, model, timeout_s: float, name: str, min_yes: float = 0.5, min_premise_yes: float = 0.5
    ):
        from langchain_core.prompts import ChatPromptTemplate

        from assistant.llm.models import PROMPTS

        def chain(file: str):
            return (
                ChatPromptTemplate.from_messages([("human", (PROMPTS / file).read_text(encoding="utf-8"))])
                | model
            )

        self.chain = chain("judge.txt")
        self.premise_chain = chain("premise.txt")
        self.timeout_s = timeout_s
        self.name = name
        self.min_yes = min_yes
        self.min_premise_yes = min_premise_yes
        self._lock = threading.Lock()  # one call at a time: a llama.cpp model is not thread-safe

    @classmethod
    def from_settings(cls, settings: Settings) -> AnswerabilityJudge:
        from assistant.llm.models import GenerationError, helper_model

        cfg = settings.judge
        try:
            model, name = helper_model(
                settings,
                cfg.mode,
                cfg.model_size,
                logprobs=TOP_LOGPROBS,
                max_tokens=1,
                timeout_s=cfg.timeout_s,
            )
        except GenerationError as exc:
            raise JudgeUnavailable(str(exc)) from exc
        return cls(model, cfg.timeout_s, name, cfg.min_yes, cfg.min_premise_yes)

    def _p_yes(self, chain, inputs: dict) -> float | None:
        """How likely the model replies YES (None: it said neither YES nor NO); raises
        JudgeUnavailable when the model fails or runs out of time."""
        from langchain_core.runnables import RunnableLambda

        from assistant.llm.models import GenerationError, stream_with_deadline

        try:  # the whole reply in one piece, with the generator's deadline and turn-taking
            message = next(
                stream_with_deadline(RunnableLambda(chain.invoke), inputs, self.timeout_s, self._lock)
            )
        except GenerationError as exc:
            raise JudgeUnavailable(str(exc)) from exc
        return yes_probability(message.response_metadata, str(message.content))

    def p_yes(self, question: str, quotes: list[str]) -> float | None:
        """How likely the model says the quotes answer the question."""
        return self._p_yes(self.chain, {"question": question, "passages": _bullets(quotes)})

    def answers(self, question: str, quotes: list[str]) -> tuple[bool | None, float | None]:
        """(verdict, P(YES)): the verdict is P(YES) >= min_yes, or None when there was none."""
        p = self.p_yes(question, quotes)
        return (None if p is None else p >= self.min_yes), p

    def holds(self, statement: str, quotes: list[str]) -> tuple[bool | None, float | None]:
        """(verdict, P(YES)) on whether the quotes say `statement` (a question's premise, see
        assistant.guards.reading.premise): the verdict is P(YES) >= min_premise_yes, or None when there
        was none."""
        p = self._p_yes(self.premise_chain, {"statement": statement, "passages": _bullets(quotes)})
        return (None if p is None else p >= self.min_premise_yes), p


def _bullets(quotes: list[str]) -> str:
    return "\n".join(f"- {q}" for q in quotes)


SHOWN = 3  # sentences the model is shown


class JudgeGuard(Guard):
    name = "judge"

    def _judge(self) -> AnswerabilityJudge:
        if "judge" not in self.context.extra:
            self.context.extra["judge"] = AnswerabilityJudge.from_settings(self.context.settings)
        return self.context.extra["judge"]

    def best_sentences(self, retrieval: Retrieval, n: int = SHOWN) -> list[str]:
        scored = [
            (sim, s)
            for h in retrieval.hits[:3]
            for s, sim in zip(hit_units(h), h.sentence_similarity or [0.0] * len(hit_units(h)), strict=False)
        ]
        return [s for _, s in sorted(scored, key=lambda x: -x[0])[:n]]

    def check(self, question: Question, retrieval: Retrieval) -> Verdict:
        if self.context.settings.judge.mode == "off":
            return passed(self.name)
        try:
            judge = self._judge()
            premise = premise_of(question.searched, question.lang)
            if premise is not None and not premise.presupposed:
                sentences = sorted(
                    (s for h in retrieval.hits for s in hit_units(h)), key=lambda s: -premise.share(s)
                )
                holds, p = judge.holds(premise.text, sentences[:SHOWN])
                if holds is False:
                    return self.abstain(
                        "judge-premise",
                        f"{judge.name}判断最接近的段落没有说“{premise.text}”。",
                        f"{judge.name} judged that the closest passages do not say "
                        f"“{premise.text}” "
                        f"(P(yes) {p:.2f} < {judge.min_premise_yes:g}).",
                        question,
                    )
            verdict, p = judge.answers(question.searched, self.best_sentences(retrieval))
        except JudgeUnavailable as exc:
            return Verdict(
                self.name,
                False,
                "judge-unavailable",
                f"The answerability check did not run ({exc}); this answer was not checked.",
            )
        if verdict is False:
            return self.abstain(
                "judge-no",
                f"{judge.name}判断检索到的段落不能回答这个问题。",
                f"{judge.name} judged that the closest passages do not answer this question "
                f"(P(yes) {p:.2f} < {judge.min_yes:g}).",
                question,
            )
        if verdict is None:
            return Verdict(self.name, False, "judge-no-verdict", f"{judge.name} replied neither YES nor NO.")
        return passed(self.name)
