"""A question that states what the text says ("since the paper shows P, why …") when no retrieved
sentence says P, or that asks why P when the text says otherwise ("why did exports fall?" when they
rose). When a sentence names most of P but gives another figure, goes the other way or
takes the other side of a contrast, the text contradicts P: the verdict carries that sentence, and
the answer says the premise is wrong and quotes it (see `assistant.guards.reading.premise`)."""

from __future__ import annotations

import numpy as np

from assistant.guards.base import Correction, Guard, Verdict, hit_units, passed
from assistant.guards.reading import polarity
from assistant.guards.reading.premise import premise_of
from assistant.question import intents
from assistant.question.analysis import Question, analyse
from assistant.retrieval.results import Hit, Retrieval

PREMISE_HITS = 3  # passages searched for the premise itself
CLEARLY_MORE = 0.25  # a contradicting sentence naming this much more of a premise than one holding it wins


def said_of(words: set[str], text: str) -> bool:
    """`text` has all of `words` but one in three ("总体" for its "整体")."""
    return sum(w.lower() not in text for w in words) <= len(words) // 3


MIN_OWN_CLAIM = 2  # words a follow-up's own premise names to claim something of its own


def own_claim(question: Question) -> bool:
    """A follow-up's own words state a premise of their own ("那美国的份额为什么上升了？"), not only
    pointers to the last answer ("Why does it bring that up?")."""
    own = premise_of(question.text, question.lang)
    words = [w for w in own.words if len(w) > 2 or not w.isascii()] if own else []  # not "up" of "bring up"
    return own is not None and (len(words) >= MIN_OWN_CLAIM or bool(own.figures or own.names))


class PremiseGuard(Guard):
    name = "premise"

    def vectors(self, hit):
        """The embeddings of a hit's units in the asker's language."""
        index = self.context.index
        return (
            index.edition_sentence_vectors(hit.chunk.id)
            if hit.edition
            else index.sentence_vectors(hit.chunk.id)
        )

    def text_of(self, retrieval: Retrieval) -> str:
        """The document's text in both languages, lower-cased (read once per index and document)."""
        index = self.context.index
        key = ("document-text", id(index), retrieval.document)
        if key not in self.context.extra:
            document = retrieval.document
            chunks = [c for c in index.chunks.values() if index.tree.document_of(c.section_id) == document]
            editions = [e.text for c in chunks if (e := index.editions.get(c.id))]
            self.context.extra[key] = " ".join([*(c.text for c in chunks), *editions]).lower()
        return self.context.extra[key]

    def verdict_hits(self, retrieval: Retrieval) -> list[Hit]:
        """The passages of the document that weigh the two sides ("弊大于利", "on balance good"), wherever
        they are: a premise about the text's verdict is read against its verdict, found or not."""
        index, found = self.context.index, {h.chunk.id for h in retrieval.hits}
        key = ("verdict-chunks", id(index))  # read once per index, not once per question
        if key not in self.context.extra:
            self.context.extra[key] = [c for c in index.chunks.values() if polarity.verdict(c.text)]
        out = [
            Hit(c, 0.0)
            for c in self.context.extra[key]
            if c.id not in found and index.tree.document_of(c.section_id) == retrieval.document
        ]
        self.context.search.describe(out, retrieval.question, retrieval.vector or [0.0])
        return out

    def premise_hits(self, premise: str, question: Question, retrieval: Retrieval) -> list[Hit]:
        """The passages found for the premise itself (the question's scope kept), that the question's own
        search did not find: "RCEP在2020年生效，此后贸易有何变化？" finds the trade figures, its premise the
        sentence saying when RCEP took effect."""
        found = {h.chunk.id for h in retrieval.hits}
        asked = analyse(premise, section=question.section, document=question.document)
        return [h for h in self.context.search.search(asked, k=PREMISE_HITS).hits if h.chunk.id not in found]

    def check(self, question: Question, retrieval: Retrieval) -> Verdict:
        share = self.context.settings.guards.min_premise_coverage
        premise = premise_of(question.searched, question.lang)
        if premise is None or share <= 0 or retrieval.named:
            return passed(self.name)
        if question.is_follow_up and premise.presupposed and not own_claim(question):
            return passed(self.name)  # "Why does it bring that up?": it takes the last answer as given
        if question.intent == "summary" and intents.names_part(question.searched):
            return passed(self.name)  # "文章讲X的那部分说了什么": X says which part, it claims nothing
        home = self.context.home.get(question.lang, frozenset())
        vector = np.asarray(self.context.search.embedder.embed_query(premise.text), dtype=np.float32)
        hits = retrieval.hits + self.premise_hits(premise.text, question, retrieval)
        if premise.verdict and not said_of(polarity.weighed_topic(premise.text), self.text_of(retrieval)):
            return self.unsaid(premise.text, question)  # "…对农民利大于弊": weighed of what it never treats
        hits += self.verdict_hits(retrieval) if premise.verdict else []
        best: tuple[float, Correction] | None = None
        named = 0.0  # the most of the premise's words a contradicting sentence names (0: none does)
        held = 0.0  # the most of them a sentence holding it names
        paraphrased = False  # a sentence held it by its embedding alone, naming too few of its words
        for hit in hits:
            vectors = self.vectors(hit)
            for k, sentence in enumerate(hit_units(hit)):
                cosine = float(vectors[k] @ vector) if vectors is not None and k < len(vectors) else 0.0
                holding = premise.test(sentence, share, home, cosine)
                words = premise.share(sentence)
                if holding.held and words >= share:
                    held = max(held, words)
                paraphrased = paraphrased or holding.held
                closeness = words + cosine
                if holding.contradicts and words >= share:
                    named = max(named, words)
                if holding.contradicts and (best is None or closeness > best[0]):
                    best = (closeness, Correction(premise.text, hit, k, holding.why))
        # the sentence most about the premise decides: one holding it, unless one contradicting it names
        # clearly more of it; one naming the premise's words outweighs a loose paraphrase
        if held and named < held + CLEARLY_MORE:
            return passed(self.name)
        if (paraphrased and not named) or (premise.presupposed and best is None):
            return passed(self.name)
        if best is not None:
            return self.abstain(
                "premise-contradicted",
                f"问题的前提“{premise.text}”与论文不符。",
                f"The question's premise is wrong: the text does not say “{premise.text}”.",
                question,
                best[1],
            )
        return self.unsaid(premise.text, question)

    def unsaid(self, premise: str, question: Question) -> Verdict:
        return self.abstain(
            "premise-unsaid",
            f"问题认为论文说了“{premise}”，但检索到的段落中没有一句这样说。",
            f"The question takes the text to say “{premise}”, but no passage found says so.",
            question,
        )
