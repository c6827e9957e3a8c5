"""A question whose words the passages do not use: the best passage, read in the asker's language,
must hold `guards.min_coverage` of the question's words, each weighted by how rare it is in the
corpus (a word the corpus never uses weighs most). "Who won the 2022 World Cup?" shares "world" with
a paper on trade, not "won" or "cup"."""

from __future__ import annotations

import math

from assistant.guards.base import Guard, Verdict, passed, structural
from assistant.question import asked, intents
from assistant.question.analysis import Question
from assistant.question.synonyms import alike, named_in
from assistant.retrieval.results import Hit, Retrieval
from assistant.text import tokenize


def weighted_share(
    words: list[str], have: set[str], text: str, idf: dict[str, float], unknown: float
) -> float:
    if not words:
        return 1.0
    weights = {w: idf.get(w, unknown) for w in words}

    def used(word: str) -> bool:  # the word, or one readers use for the same thing ("upsides": positive)
        return any(w in have or (len(w) > 2 or not w.isascii()) and w in text for w in alike(word))

    got = sum(wt for w, wt in weights.items() if used(w))
    return got / sum(weights.values())


def question_words(text: str) -> list[str]:
    """The question's words; one the tokenizer splits because the corpus never uses it (好处 → 好, 处)
    stays whole when readers use it for something the text names (see assistant.question.synonyms)."""
    words = list(dict.fromkeys(tokenize(text)))
    whole = [w for w in named_in(text) if not w.isascii()]
    pieces = {ch for w in whole for ch in w}
    return [w for w in words if not (len(w) == 1 and w in pieces)] + [w for w in whole if w not in words]


class CoverageGuard(Guard):
    name = "coverage"

    def _idf(self, lang: str) -> tuple[dict[str, float], float]:
        key = f"idf-{lang}"
        if key not in self.context.extra:  # once per index and language
            ids = [cid for cid, c in self.context.index.chunks.items() if c.kind != "bibliography"]
            df: dict[str, int] = {}
            for cid in ids:
                for w in set(self.context.search.text_tokens(cid, lang) or []):
                    df[w] = df.get(w, 0) + 1
            n = max(len(ids), 1)
            self.context.extra[key] = ({w: math.log(1 + n / d) for w, d in df.items()}, math.log(1 + n))
        return self.context.extra[key]

    def share(self, question: Question, hit: Hit, words: list[str] | None = None) -> float:
        idf, unknown = self._idf(question.lang)
        words = words if words is not None else question_words(question.searched)
        text = (hit.edition.text if hit.edition else hit.chunk.context_text).lower()
        return weighted_share(words, set(hit.tokens or []), text, idf, unknown)

    def check(self, question: Question, retrieval: Retrieval) -> Verdict:
        if retrieval.named or retrieval.tables or structural(question, retrieval):  # asked for by number
            return passed(self.name)
        # the words naming the text itself ("这篇文章", "this paper") name nothing in it
        asked_of = intents.RE_WHOLE.sub(" ", question.searched)
        if intents.RE_WEIGHING.search(asked_of):  # the sides weighed ("利大还是弊大") name no topic
            asked_of = intents.RE_SIDES.sub(" ", intents.RE_WEIGHING.sub(" ", asked_of))
        words = question_words(asked_of) or question_words(question.searched)
        if question.intent == "summary":  # "summarise the part on X": X's words, not those asking for it
            topic = intents.topic_words(question.searched)
            words = [w for w in words if w in topic] or words
        elif topic := asked.topic_asked(question.searched):  # "文章里是怎么讲RCEP的": RCEP
            words = question_words(topic) or words
        best = max((self.share(question, h, words) for h in retrieval.hits), default=0.0)
        if best >= self.context.settings.guards.min_coverage:
            return passed(self.name)
        return self.abstain(
            "words-unused",
            "检索到的段落都不包含问题的关键词。",
            "None of the passages uses the question's key words.",
            question,
        )
