"""Hybrid retrieval: dense (Chroma) and BM25 rankings, fused by reciprocal rank.

Every chunk can be searched in both languages: in its own, and in its translated edition (see
`assistant.corpus.edition`). A question is matched in its own language: BM25 over each chunk's text in
that language (its original, or its edition), and the embedding over the originals and the editions in
that language. An English question also reaches Chinese text without an edition through the corpus
lexicon (CC-CEDICT terms, `bridge`). Bibliography entries join the pool only when a question asks about
sources; the English front matter only when it asks for it.
"""

from __future__ import annotations

import numpy as np
from langchain_core.embeddings import Embeddings
from rank_bm25 import BM25Okapi

from assistant.index.build import BIBLIOGRAPHY, EDITION, collection_of
from assistant.index.open import OpenIndex
from assistant.index.sections import ancestors
from assistant.index.store import StoreError
from assistant.question.analysis import Question
from assistant.question.inflections import other_forms, with_base_forms
from assistant.question.intents import names_part
from assistant.question.numbering import RE_NAMED_SECTION
from assistant.question.synonyms import named_in, widened, with_threats
from assistant.retrieval.focus import narrowed, summary_focus
from assistant.retrieval.headings import Headings, quoted_names
from assistant.retrieval.named import by_score, named_chunks, pinned_first
from assistant.retrieval.outline import outline_parent
from assistant.retrieval.responses import proposals_asked, response_sections, topic_named
from assistant.retrieval.results import Hit, Retrieval
from assistant.settings import RetrievalSettings
from assistant.text import LEFTOVERS, content_tokens, english_words, tokenize

ENGLISH_FRONT = "abstract.en"  # the parser's section for the English title, abstract, keywords and JEL codes
FRONT_PINNED = 3  # English front-matter chunks put first when a question asks for them


def _store_call(fn, **kwargs):
    """A Chroma call; a store that fails (a server gone away) raises `StoreError`."""
    try:
        return fn(**kwargs)
    except Exception as exc:
        raise StoreError(f"the index store did not answer ({type(exc).__name__}: {exc})") from exc


class HybridSearch:
    """Dense + BM25 search over an `OpenIndex` (see module doc). LangChain code can use
    `assistant.retrieval.langchain.HybridRetriever`, the `BaseRetriever` around it."""

    def __init__(self, index: OpenIndex, embedder: Embeddings, settings: RetrievalSettings):
        self.index = index
        self.embedder = embedder
        self.settings = settings
        self._bm25: dict[tuple[str, bool], tuple[BM25Okapi, list[str]]] = {}
        self._latin: set[str] | None = None
        self.headings = Headings(index, embedder)

    # --- the chunks as text in one language -------------------------------------------------
    def text_tokens(self, cid: str, lang: str) -> list[str] | None:
        """A chunk's BM25 tokens in `lang`: its own, or its edition's; None when it has neither."""
        c = self.index.chunks[cid]
        if c.lang == lang or c.kind == "bibliography" and lang == "en" and c.lang == "en":
            return self.index.tokens[cid]
        e = self.index.editions.get(cid)
        return e.tokens if e is not None and e.lang == lang else None

    def _pool(self, references: bool, front: bool) -> list[str]:
        return [
            cid
            for cid, c in self.index.chunks.items()
            if (c.kind != "bibliography" or references) and (c.section_id != ENGLISH_FRONT or front)
        ]

    def _bm25_for(self, lang: str, references: bool, front: bool = False) -> tuple[BM25Okapi, list[str]]:
        key = (lang, references, front)
        if key not in self._bm25:
            ids = [cid for cid in self._pool(references, front) if self.text_tokens(cid, lang) is not None]
            self._bm25[key] = (BM25Okapi([self.text_tokens(i, lang) or ["∅"] for i in ids]), ids)
        return self._bm25[key]

    def latin_vocab(self) -> set[str]:
        """The Latin tokens of Chinese chunks (acronyms and names the Chinese text uses)."""
        if self._latin is None:
            self._latin = {
                t
                for cid, toks in self.index.tokens.items()
                if self.index.chunks[cid].lang == "zh"
                for t in toks
                if t.isascii()
            }
        return self._latin

    # --- rankings -------------------------------------------------------------------------
    def question_terms(self, question: Question) -> dict[str, float]:
        """BM25 terms in the question's own language (a model's Chinese rendering of an English
        question adds to the bridge, not here)."""
        text = RE_NAMED_SECTION.sub(" ", question.searched)
        words = tokenize(text) + (other_forms(text) if question.lang == "en" else [])  # drove: driven
        return dict.fromkeys((w for w in words if w not in LEFTOVERS), 1.0)

    def bridge_terms(self, question: Question) -> dict[str, float]:
        """An English question's terms in Chinese, for Chinese text: the lexicon's renderings of its
        words, its acronyms and names the Chinese text also uses, and the words of a model's
        translation (weighted `translation_weight`)."""
        from assistant.index.lexicon import translate

        if question.lang != "en" or not self.settings.translate_queries:
            return {}
        terms = translate(with_base_forms(question.searched), self.index.lexicon)
        latin = self.latin_vocab()
        for w in english_words(question.searched):
            if w in latin:
                terms.setdefault(w, 1.0)
        for tok in tokenize(question.translation or ""):
            if not tok.isascii():
                terms[tok] = max(terms.get(tok, 0.0), self.settings.translation_weight)
        return terms

    def bm25_ranking(
        self, terms: dict[str, float], lang: str, question: Question, allowed: set[str] | None
    ) -> list[tuple[str, float]]:
        if not terms:
            return []
        bm25, ids = self._bm25_for(lang, question.references, question.english_front)
        scores = np.zeros(len(ids))
        for tok, w in terms.items():
            scores += w * bm25.get_scores([tok])
        order = np.argsort(-scores, kind="stable")
        out = [(ids[i], float(scores[i])) for i in order if scores[i] > 0]
        if allowed is not None:
            out = [(i, s) for i, s in out if i in allowed]
        return out[: self.settings.candidates]

    def dense_ranking(
        self, vector: list[float], question: Question, allowed: set[str] | None
    ) -> list[tuple[str, float]]:
        """Chunks by cosine to `vector`, each by the closer of its original and its edition in the question's
        language (one ranking, so a translated chunk counts no more than one that needs no translation)."""
        pool = set(self._pool(question.references, question.english_front))
        if allowed is not None:
            pool &= allowed
        wanted = {collection_of(self.index.chunks[i]) for i in pool}
        names = [(n, None) for n in self.index.info.collections if n in wanted and n != EDITION]
        if self.index.info.editions.get(question.lang):  # text translated into the question's language
            names.append((EDITION, {"lang": question.lang}))
        best: dict[str, float] = {}
        for name, where in names:
            n = min(self.settings.candidates, self.index.count(name))
            if n == 0:
                continue
            res = _store_call(
                self.index.collection(name).query,
                query_embeddings=[vector],
                n_results=n,
                where=where,
                include=["distances"],
            )
            for cid, d in zip(res["ids"][0], res["distances"][0], strict=True):
                if cid in pool:
                    best[cid] = max(best.get(cid, -1.0), 1.0 - d)
        return sorted(best.items(), key=lambda x: -x[1])[: self.settings.candidates]

    def allowed_ids(self, section: str | None, document: str | None = None) -> set[str] | None:
        """Chunks a scoped question may use: one section (with its subsections) and/or one document."""
        if not section and not document:
            return None
        ids = {
            cid
            for cid, c in self.index.chunks.items()
            if (not section or c.section_id == section or c.section_id.startswith(section + "."))
            and (not document or c.doc_id == document)
        }
        if not ids:
            raise ValueError(f"nothing to search in section {section!r} of document {document!r}")
        return ids

    def embed(self, question: Question) -> list[float]:
        vector = self.embedder.embed_query(question.searched)
        if question.translation and question.lang == "en":
            v = np.asarray(vector) + np.asarray(self.embedder.embed_query(question.translation))
            vector = (v / (np.linalg.norm(v) or 1.0)).tolist()
        return vector

    def search(self, question: Question, k: int | None = None) -> Retrieval:
        """The top chunks for `question`, in its scope (section, document)."""
        s = self.settings
        allowed = self.allowed_ids(question.section, question.document)
        vector = self.embed(question)
        terms, bridged = self.question_terms(question), self.bridge_terms(question)
        hits = self._fuse(self._rankings(question, vector, terms, bridged, allowed))
        document = self._document(question, hits)
        sections = self.headings.by_number(document, question)
        if sections:
            self._prefer_sections(sections, question.opening, hits, allowed)
        if question.steer:
            self._prefer_sections(question.steer, False, hits, allowed, weight=s.steer_weight)
        matched, paraphrased, responses, advice, home = self._sections_asked(
            question, terms, vector, document, sections
        )
        sections = narrowed(sections, matched, widened(terms), self.headings, question)
        if question.context and not (matched or sections):  # naming no part, it leans on the last answer's
            self._prefer_sections(question.context, False, hits, allowed, weight=s.context_weight)
        # proposals about a topic the text treats: the section that responds to it; else the topic's own
        if about := responses or topic_named(question.intent, question.lang, set(terms), matched, self.index):
            self._prefer_sections(about, True, hits, allowed, weight=s.steer_weight)
        self._fill_dense(vector, [h for h in hits.values() if h.dense_rank is None])
        ranked = sorted(hits.values(), key=lambda h: -h.score)[: k or s.top_k]
        named, tables = named_chunks(self.index, question, document)
        if (named or tables) and allowed is None:  # an entry or a table asked for by number comes first
            found = (hits.get(cid) or Hit(self.index.chunks[cid], 0.0) for cid in named + tables)
            pinned = sorted(found, key=by_score)
            self._fill_dense(vector, [h for h in pinned if h.chunk.id not in hits])
            ranked = pinned_first(pinned, ranked, k or s.top_k)
        if question.english_front:  # asked about the English abstract: its best chunks first
            ranked = pinned_first(
                self.english_front(vector, terms, allowed, hits)[:FRONT_PINNED], ranked, k or s.top_k
            )
        self.describe(ranked, question, vector)
        best = max((h.dense for h in hits.values()), default=0.0)
        outline = (
            None
            if named
            else outline_parent(
                question.searched, question.lang, terms, [h.chunk.section_id for h in ranked], self.index
            )
        )
        valid, words_of = set(self.headings.sections(document)), self._path_words(question.lang)
        # a summary of the proposals on a topic: the part responding to it, before the topic's own
        asked = responses[:1] + [m for m in matched if m not in responses[:1]]
        focus = None if sections else summary_focus(question, asked, ranked, valid, words_of, home)
        return Retrieval(
            question=question, focus=focus, advice=advice, hits=ranked, best_dense=best, terms=terms,
            bridged=bridged, named=named, tables=tables, sections=sections, vector=vector, document=document,
            matched=matched, outline=outline, responses=responses, paraphrased=paraphrased,
        )

    def _sections_asked(
        self, question: Question, terms: dict, vector: list[float], document: str, sections: list[str]
    ) -> tuple[list[str], str | None, list[str], str | None, frozenset[str]]:
        """The sections whose headings the question names (best first), the one of them it names by a
        paraphrase (when no heading's words do), the one responding to a problem
        whose proposals it asks for, the part of proposals when it asks for them of no topic, and the
        text's home name (China: said or not, it tells no topic from another)."""
        # with the words the text never uses ("upsides", 好处): they may name a heading's in other words
        asked = set(terms) | (tokens := set(content_tokens(question.searched))) | named_in(question.searched)
        quoted = quoted_names(question.searched)
        asked = with_threats(asked) if names_part(question.searched) else asked  # "the part about risks"
        matched = [s for _, s in self.headings.matched(asked, vector, question.lang, document, quoted)]
        paraphrased = None if matched else self.headings.paraphrased(question, document)
        matched = [paraphrased] if paraphrased else matched  # "the part on China losing competitiveness"
        home = frozenset(w.lower() for w in self.index.home.get(question.lang, frozenset()))
        asked_of = set(terms) - home
        asks = (question.searched, question.lang, asked_of, matched, self.index)
        responses = response_sections(*asks, document)
        advice = None
        if not (sections or question.section or responses):  # "What does the paper recommend?"
            words = asked_of | tokens
            advice = proposals_asked(question.searched, question.lang, words, home, self.index, document)
            advice = advice if not matched or matched[0] == advice else None  # unless it names another
        return matched, paraphrased, responses, advice, home

    def _path_words(self, lang: str):
        """A section's heading-path words in `lang` (its own heading's and those above it)."""
        return lambda sid: set().union(*(self.headings.words(s, lang) for s in ancestors(sid)))

    def _rankings(
        self,
        question: Question,
        vector: list[float],
        terms: dict[str, float],
        bridged: dict[str, float],
        allowed: set[str] | None,
    ) -> list[tuple[float, list[tuple[str, float]], str]]:
        """The rankings to fuse, each (weight, [(chunk id, score)], kind): dense, BM25 in the question's
        language, and (English questions) BM25 over the Chinese text without an English edition."""
        s, lang = self.settings, question.lang
        untranslated = (
            None
            if lang == "zh"
            else {cid for cid in self.index.chunks if self.text_tokens(cid, "en") is None}
        )
        if untranslated is not None and allowed is not None:
            untranslated &= allowed
        return [  # (weight, [(chunk id, score)], kind)
            (
                s.dense_weight_zh if lang == "zh" else s.dense_weight_en,
                self.dense_ranking(vector, question, allowed),
                "dense",
            ),
            (
                s.bm25_weight_zh if lang == "zh" else s.bm25_weight_en,
                self.bm25_ranking(terms, lang, question, allowed),
                "bm25",
            ),
            # an English question reaches Chinese text that has no English edition through the dictionary
            (s.bridge_weight, self.bm25_ranking(bridged, "zh", question, untranslated), "bm25"),
        ]

    def _fuse(self, rankings: list[tuple[float, list[tuple[str, float]], str]]) -> dict[str, Hit]:
        hits: dict[str, Hit] = {}
        for weight, ranking, kind in rankings:
            for rank, (cid, value) in enumerate(ranking):
                h = hits.setdefault(cid, Hit(self.index.chunks[cid], 0.0))
                h.score += weight / (self.settings.rrf_k + rank + 1)
                if kind == "dense":
                    h.dense = max(h.dense, value)
                    h.dense_rank = rank if h.dense_rank is None else min(h.dense_rank, rank)
                else:
                    h.bm25 = max(h.bm25, value)
                    h.bm25_rank = rank if h.bm25_rank is None else min(h.bm25_rank, rank)
        return hits

    def describe(self, hits: list[Hit], question: Question, vector: list[float]) -> None:
        """Give each hit its view in the asker's language: the edition (when the chunk is in the
        other language and translated), its units' cosine to the question and their BM25 tokens."""
        q = np.asarray(vector, dtype=np.float32)
        for h in hits:
            e = self.index.editions.get(h.chunk.id)
            if e is not None and e.lang == question.lang and h.chunk.lang != question.lang:
                h.edition = e
                vecs = self.index.edition_sentence_vectors(h.chunk.id)
                h.sentence_tokens, h.tokens = e.sentence_tokens, e.tokens
            else:
                vecs = self.index.sentence_vectors(h.chunk.id)
                h.sentence_tokens, h.tokens = (
                    self.index.sentence_tokens.get(h.chunk.id),
                    self.index.tokens.get(h.chunk.id),
                )
            if vecs is not None and len(vecs):
                h.sentence_similarity = (vecs @ q).tolist()

    def english_front(
        self, vector: list[float], terms: dict[str, float], allowed: set[str] | None, found: dict[str, Hit]
    ) -> list[Hit]:
        """The English front matter's chunks, best first: cosine plus BM25 of the question's words
        among them."""
        ids = [
            cid
            for cid, c in self.index.chunks.items()
            if c.section_id == ENGLISH_FRONT and (allowed is None or cid in allowed)
        ]
        if not ids:
            return []
        hits = [found.get(cid) or Hit(self.index.chunks[cid], 0.0) for cid in ids]
        self._fill_dense(vector, [h for cid, h in zip(ids, hits, strict=True) if cid not in found])
        lexical = np.zeros(len(hits))
        words = [t for t in terms if t.isascii()]
        if words:
            bm25 = BM25Okapi([self.index.tokens.get(h.chunk.id) or ["∅"] for h in hits])
            lexical = bm25.get_scores(words)
            lexical = lexical / (lexical.max() or 1.0)
        order = np.argsort(-(np.array([h.dense for h in hits]) + lexical), kind="stable")
        return [hits[i] for i in order]

    def _document(self, question: Question, hits: dict[str, Hit]) -> str:
        """The document a question is about: its scope, else that of the best passage found."""
        if question.document:
            return question.document
        if question.section:
            return self.index.tree.document_of(question.section)
        best = max(hits.values(), key=lambda h: h.score, default=None)
        doc = best.chunk.doc_id if best else "paper"
        return doc if doc in self.index.tree.documents else "paper"

    def _prefer_sections(
        self,
        named: list[str],
        opening: bool,
        hits: dict[str, Hit],
        allowed: set[str] | None,
        weight: float | None = None,
    ) -> None:
        """The chunks of named sections get a ranking of their own in the fusion, by fused score; "the
        opening of Section 2" ranks the section's own text (before its first subsection) in reading
        order, and brings it into the pool if it was not."""
        w = self.settings.section_weight if weight is None else weight
        chunks = [c for c in self.index.chunks.values() if allowed is None or c.id in allowed]
        if opening:
            own = [c for c in chunks if c.section_id in named]
            own = own or [c for c in chunks if any(sid in ancestors(c.section_id) for sid in named)]
            ranked = [hits.setdefault(c.id, Hit(c, 0.0)) for c in sorted(own, key=lambda c: c.start)]
        else:
            inside = [h for h in hits.values() if any(sid in ancestors(h.chunk.section_id) for sid in named)]
            ranked = sorted(inside, key=lambda h: -h.score)
        for rank, h in enumerate(ranked):
            h.score += w / (self.settings.rrf_k + rank + 1)

    def _fill_dense(self, vector: list[float], hits: list[Hit]) -> None:
        """Cosine scores for hits BM25 alone found, so every returned hit has a comparable score."""
        q = np.asarray(vector, dtype=np.float32)
        for h in hits:
            v = self.index.chunk_vectors.get(f"{collection_of(h.chunk)}/{h.chunk.id}")
            if v is not None:
                h.dense = max(h.dense, float(v @ q))


__all__ = ["BIBLIOGRAPHY", "ENGLISH_FRONT", "HybridSearch", "Hit", "Retrieval"]
