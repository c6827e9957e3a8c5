"""A term the question quotes or a title it names that no retrieved passage uses: "what does the
paper say about the 'exit tax'" asked of passages that never say it. A title's joining words may
differ (《关键原材料法案》 and 《关键原材料和法案》), and English words are compared by their stems."""

from __future__ import annotations

import re

from assistant.guards.base import Guard, Verdict, passed
from assistant.question import intents
from assistant.question.analysis import Question
from assistant.retrieval.results import Retrieval
from assistant.text import english_words

# a term (up to 12 characters, or five English words) or a title: a longer quote is the asker's own words
RE_QUOTED = re.compile(
    r"《([^》]{2,40})》|[“「\"]([^”」\"]{2,40})[”」\"]|(?<![A-Za-z])'([^']{3,40})'(?![A-Za-z])"
)
MAX_TERM_CHARS, MAX_TERM_WORDS = 12, 5
RE_FILLER = re.compile(r"[和与及、·—\-\s]|的")


class QuotedGuard(Guard):
    name = "quoted"

    def _used(self, term: str, texts: list[str]) -> bool:
        if re.search(r"[\u4e00-\u9fff]", term):
            bare = RE_FILLER.sub("", term)
            return any(bare in RE_FILLER.sub("", t) for t in texts)
        words = english_words(term)
        return not words or any(set(words) <= set(english_words(t)) for t in texts)

    def check(self, question: Question, retrieval: Retrieval) -> Verdict:
        if retrieval.named or question.intent == "summary" and intents.names_part(question.searched):
            return passed(self.name)  # "讲“X”的那部分": X describes the part in the asker's words
        if retrieval.responses:  # the part proposing what to do about a topic its heading names
            return passed(self.name)
        # a quoted term is checked where the asker reads the text as written: in a translation, their
        # words for a term are their own ("procurement unipolarization"), not the translator's
        texts = [f"{h.chunk.section} {h.chunk.text}" for h in retrieval.hits if h.edition is None]
        if not texts:
            return passed(self.name)
        for m in RE_QUOTED.finditer(question.searched):
            term = next(g for g in m.groups() if g).strip()
            short = (
                len(term) <= MAX_TERM_CHARS
                if re.search(r"[\u4e00-\u9fff]", term)
                else len(term.split()) <= MAX_TERM_WORDS
            )
            if (m.group(1) or short) and not self._used(term, texts):
                return self.abstain(
                    "quoted-term-absent",
                    f"检索到的段落中没有“{term}”。",
                    f"No passage found uses “{term}”.",
                    question,
                )
        return passed(self.name)
