"""An optional answerability check for grounded answers, by a language model.

Grounded mode abstains when retrieval is weak or the question names a figure, year or
term no passage has. A question that is on topic but asks for something the paper does
not give (a rate it never states, a premise it contradicts) still finds close passages.
With `judge.mode` 'local' or 'openai', the sentences a grounded answer quotes are shown to a
model with the question (prompts/judge.txt). Its probability of answering YES (from the
token log-probabilities; from the word itself when the endpoint gives none) below
`judge.min_yes` turns the answer into an abstention. A question that states what the paper says
(see assistant.premise) is first checked on that: the model sees the statement and the sentences
closest to it (prompts/premise.txt), and below `judge.min_premise_yes` the answer abstains. Off by
default: the README gives what it costs and what it catches.
"""

from __future__ import annotations

import math
import re
import threading

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

    def __init__(self, model, timeout_s: float, name: str, min_yes: float = 0.5, min_premise_yes: float = 0.5):
        from langchain_core.prompts import ChatPromptTemplate

        from assistant.generate import PROMPTS

        def chain(file: str):
            return ChatPromptTemplate.from_messages([("human", (PROMPTS / file).read_text(encoding="utf-8"))]) | model

        self.chain = chain("judge.txt")
        self.premise_chain = chain("premise.txt")
        self.timeout_s = timeout_s
        self.name = name
        self.min_yes = min_yes
        self.min_premise_yes = min_premise_yes
        self._lock = threading.Lock()  # one call at a time: a llama.cpp model is not thread-safe

    @classmethod
    def from_settings(cls, settings: Settings) -> AnswerabilityJudge:
        from assistant.generate import GenerationError, helper_model

        cfg = settings.judge
        try:
            model, name = helper_model(settings, cfg.mode, cfg.model_size, logprobs=TOP_LOGPROBS,
                                       max_tokens=1, timeout_s=cfg.timeout_s)
        except GenerationError as exc:
            raise JudgeUnavailable(str(exc)) from exc
        return cls(model, cfg.timeout_s, name, cfg.min_yes, cfg.min_premise_yes)

    def _p_yes(self, chain, inputs: dict) -> float | None:
        """How likely the model replies YES (None: it said neither YES nor NO); raises
        JudgeUnavailable when the model fails or runs out of time."""
        from langchain_core.runnables import RunnableLambda

        from assistant.generate import GenerationError, _stream_with_deadline

        try:  # the whole reply in one piece, with the generator's deadline and turn-taking
            message = next(_stream_with_deadline(RunnableLambda(chain.invoke), inputs, self.timeout_s, self._lock))
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
        assistant.premise): the verdict is P(YES) >= min_premise_yes, or None when there was none."""
        p = self._p_yes(self.premise_chain, {"statement": statement, "passages": _bullets(quotes)})
        return (None if p is None else p >= self.min_premise_yes), p


def _bullets(quotes: list[str]) -> str:
    return "\n".join(f"- {q}" for q in quotes)
