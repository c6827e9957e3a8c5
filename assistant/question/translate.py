"""Optional model translation of English questions into Chinese, for retrieval.

The paper is Chinese. By default an English question reaches it through the CC-CEDICT
lexicon, word by word (`assistant.index.lexicon`), which misses the paper's coinages and
phrasing. With `translate.mode` 'local' or 'openai', a chat model first renders the whole
question in Chinese (prompts/translate.txt); the retriever then adds the rendering's words
to BM25 and its embedding to the query's (`HybridSearch.search(translation=…)`). The answer
still quotes the paper, so a poor translation can cost recall but cannot put words in the
paper's mouth. Off by default: the README gives what it costs and what it gains.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from assistant.settings import Settings
from assistant.text import RE_CJK

CACHE_SIZE = 512  # questions remembered per process (the model's reply does not change: temperature 0)


class TranslatorUnavailable(RuntimeError):
    """The translation model could not be loaded, failed, or did not answer in time."""


def load_prompt(text: str) -> list[tuple[str, str]]:
    """Chat messages from prompts/translate.txt: the instructions, then each `EN:`/`ZH:` example
    pair as a user turn and its reply, then the question's slot."""
    blocks = [b.strip() for b in text.split("\n---\n")]
    messages = [("system", blocks[0])]
    for block in blocks[1:]:
        pair = dict(line.split(":", 1) for line in block.splitlines() if line[:3] in ("EN:", "ZH:"))
        if set(pair) != {"EN", "ZH"}:
            raise ValueError(f"a translation example needs one EN: and one ZH: line, not {block!r}")
        messages += [("human", pair["EN"].strip()), ("ai", pair["ZH"].strip())]
    return [*messages, ("human", "{question}")]


def clean(reply: str) -> str | None:
    """The Chinese translation in a model's reply, or None when it gave none."""
    for line in reply.strip().splitlines():
        line = line.strip()
        if line[:3].upper() == "ZH:":
            line = line[3:].strip()
        line = line.strip("\"'“”「」 ")
        if line:
            return line if RE_CJK.search(line) else None
    return None


class QueryTranslator:
    """English question → Chinese rendering, by a chat model, remembered per question."""

    def __init__(self, model, timeout_s: float, name: str):
        from langchain_core.output_parsers import StrOutputParser
        from langchain_core.prompts import ChatPromptTemplate

        from assistant.llm.models import PROMPTS

        template = ChatPromptTemplate.from_messages(
            load_prompt((PROMPTS / "translate.txt").read_text(encoding="utf-8"))
        )
        self.chain = template | model | StrOutputParser()
        self.timeout_s = timeout_s
        self.name = name
        self._lock = threading.Lock()  # one call at a time: a llama.cpp model is not thread-safe
        self.translate = lru_cache(maxsize=CACHE_SIZE)(self._translate)  # failures are not remembered

    @classmethod
    def from_settings(cls, settings: Settings) -> QueryTranslator:
        from assistant.llm.models import GenerationError, helper_model

        cfg = settings.translate
        try:
            model, name = helper_model(
                settings,
                cfg.mode,
                cfg.model_size,
                max_tokens=cfg.max_tokens,
                timeout_s=cfg.timeout_s,
                temperature=0.0,
            )
        except GenerationError as exc:
            raise TranslatorUnavailable(str(exc)) from exc
        return cls(model, cfg.timeout_s, name)

    def _translate(self, question: str) -> str | None:
        """The Chinese rendering of `question` (None when the model gave no Chinese); raises
        TranslatorUnavailable when the model fails or runs out of time. Called as `translate`."""
        from langchain_core.runnables import RunnableLambda

        from assistant.llm.models import GenerationError, stream_with_deadline

        try:  # the whole reply in one piece, with the generator's deadline and turn-taking
            reply = next(
                stream_with_deadline(
                    RunnableLambda(self.chain.invoke), {"question": question}, self.timeout_s, self._lock
                )
            )
        except GenerationError as exc:
            raise TranslatorUnavailable(str(exc)) from exc
        return clean(reply)
