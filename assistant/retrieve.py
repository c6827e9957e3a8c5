"""Hybrid retrieval: dense (Chroma) + BM25 over jieba tokens, fused by reciprocal rank.

English questions reach the Chinese text two ways: the multilingual embedder, and
BM25 over Chinese terms translated from the question with the corpus lexicon.
Bibliography entries live in their own collection and join the pool only when a
question asks about sources ("who is cited", "which journal", 参考文献 …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings
from rank_bm25 import BM25Okapi

from assistant.chunking import Chunk
from assistant.index import BIBLIOGRAPHY, OpenIndex, collection_of
from assistant.lexicon import translate
from assistant.names import known_abbreviations, unknown_names
from assistant.premise import Premise, premise_of
from assistant.quantity import Quantity, quantity_of
from assistant.settings import RetrievalSettings
from assistant.store import StoreError
from assistant.text import english_words, language_of, tokenize

RE_REFERENCE_INTENT = re.compile(
    r"参考文献|文献|引用|引述|出处|来源|期刊|杂志|出版|发表|作者是|谁的研究|哪位学者|学者|援引|"
    r"\bcit(e|es|ed|ing|ation|ations)\b|\breferences?\b|\bbibliograph|\bsources?\b|\bjournal\b|"
    r"\bpublish|\bpublisher\b|\bpress\b|\bwho (wrote|argued|found|reported|showed)\b|\bscholars?\b|"
    r"\bstud(y|ies)\b|\bliterature\b|\baccording to (which|whom)\b|\bwhich (report|organi[sz]ation)\b|"
    r"\bpages?\b|\bvolume\s*(/|and|,|&)\s*(issue|number)\b|\b(which|what) (volume|issue)\b|第几卷|哪一?卷|卷号|期号|页码|"
    r"\[\d{1,2}\]",
    re.IGNORECASE,
)


RE_ENGLISH_FRONT = re.compile(
    r"\benglish[- ](?:language )?(?:abstract|summary|title|keywords?|version)\b|\bJEL\b|"
    r"英文(?:版)?(?:摘要|标题|题目|关键词)|英文版",
    re.IGNORECASE,
)
ENGLISH_FRONT = "abstract.en"  # the parser's section for the English title, abstract, keywords and JEL codes
FRONT_PINNED = 3  # English front-matter chunks put first when a question asks for them

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
RE_NAMED_SECTION = re.compile(
    r"\b(?:section|part)\s+(\d+(?:\.\d+)*)\b|\b(first|second|third|fourth|fifth)\s+(?:section|part)\b|"
    r"第\s*([一二三四五1-5])\s*(?:部分|节|章)",
    re.IGNORECASE,
)
# "the opening of Section 2", not "opening to the outside world"
RE_OPENING = re.compile(r"\b(?:start|opening|beginning|outset)\s+of\b|\bbegins?\b|\bopens?\s+with\b|开头|开篇|开端|首段", re.I)
RE_REFERENCE_NUMBER = re.compile(r"\[(\d{1,3})\]|(?:参考文献|文献|references?|ref\.?)\s*(?:第|no\.?\s*)?(\d{1,3})", re.I)


def _store_call(fn, **kwargs):
    """A Chroma call; a store that fails (a server gone away) raises `StoreError`."""
    try:
        return fn(**kwargs)
    except Exception as exc:
        raise StoreError(f"the index store did not answer ({type(exc).__name__}: {exc})") from exc


def wants_references(question: str) -> bool:
    return bool(RE_REFERENCE_INTENT.search(question))


def wants_english_front(question: str) -> bool:
    """The question asks about the paper's English title, abstract, keywords or JEL codes."""
    return bool(RE_ENGLISH_FRONT.search(question))


def named_references(question: str) -> list[int]:
    """Bibliography numbers a question names: "[6]", "参考文献6", "reference 12"."""
    return [int(a or b) for a, b in RE_REFERENCE_NUMBER.findall(question)]


def named_sections(question: str) -> list[str]:
    """Section ids a question points at by number: "Section 2" → s2, "the fourth part" → s4,
    "第三部分" → s3, "section 3.1" → s3.1."""
    return ["s" + (number or str(ORDINALS.get((word or zh).lower(), zh)))
            for number, word, zh in RE_NAMED_SECTION.findall(question)]


def _within(section_id: str, parent: str) -> bool:
    return section_id == parent or section_id.startswith(parent + ".")


def _first(pinned: list[Hit], ranked: list[Hit], k: int) -> list[Hit]:
    """`pinned` ahead of the rest of `ranked` (scored just above its best), cut to `k`."""
    top = ranked[0].score if ranked else 1.0
    for h in pinned:
        h.score = top + 1e-6
    ids = {h.chunk.id for h in pinned}
    return (pinned + [h for h in ranked if h.chunk.id not in ids])[:k]


@dataclass
class Hit:
    chunk: Chunk
    score: float  # fused RRF score
    dense: float = 0.0  # cosine similarity to the question
    bm25: float = 0.0  # weighted BM25 score
    dense_rank: int | None = None
    bm25_rank: int | None = None
    sentence_similarity: list[float] | None = None  # cosine per `chunk.sentence_spans()`
    sentence_tokens: list[list[str]] | None = None  # BM25 tokens per `chunk.sentence_spans()`
    tokens: list[str] | None = None  # BM25 tokens of the chunk with its heading


@dataclass
class Retrieval:
    question: str
    lang: str
    hits: list[Hit]
    best_dense: float  # highest cosine similarity among all candidates
    terms: dict[str, float] = field(default_factory=dict)  # BM25 query terms with weights
    sourced: dict[str, float] = field(default_factory=dict)  # the question's own English words, for English text
    references: bool = False  # the bibliography was searched
    named: list[str] = field(default_factory=list)  # bibliography chunks the question asks for by number
    front: bool = False  # the question asks about the English title, abstract or keywords
    outline: Any = None  # an `assistant.outline.Outline` when the question asks for a section's parts
    vector: list[float] | None = None  # the question's embedding (with its translation's, when given)
    translation: str | None = None  # the Chinese rendering of an English question that was used
    quantity: Quantity | None = None  # what an amount question asks the amount of
    premise: Premise | None = None  # what the question states the paper says ("since the paper shows …")
    unknown: list[str] = field(default_factory=list)  # names it uses that the paper never does ("TSMC")

    def sentences(self) -> list[str]:
        """Every sentence of the retrieved chunks, best chunk first."""
        return [h.chunk.text[s:e] for h in self.hits for s, e in h.chunk.sentence_spans()]


class HybridSearch:
    """Dense + BM25 search over an `OpenIndex` (see module doc). LangChain code can use
    `assistant.langchain_retriever.HybridRetriever`, the `BaseRetriever` around it."""

    def __init__(
        self,
        index: OpenIndex,
        embedder: Embeddings,
        settings: RetrievalSettings,
        section: str | None = None,
    ):
        self.index = index
        self.embedder = embedder
        self.settings = settings
        self.section = section
        self._bm25: dict | None = None
        self._latin: dict[str, set[str]] | None = None
        self._said: tuple[str, set[str], frozenset[str]] | None = None  # the corpus's text, Latin words, abbreviations

    # --- building blocks -------------------------------------------------
    def _pool(self, references: bool) -> list[str]:
        return [
            cid
            for cid, c in self.index.chunks.items()
            if c.kind != "bibliography" or references
        ]

    def _bm25_for(self, references: bool) -> tuple[BM25Okapi, list[str]]:
        if self._bm25 is None:
            self._bm25 = {}
        if references not in self._bm25:
            ids = self._pool(references)
            self._bm25[references] = (BM25Okapi([self.index.tokens[i] or ["∅"] for i in ids]), ids)
        return self._bm25[references]

    def query_terms(self, question: str, lang: str, translation: str | None = None) -> dict[str, float]:
        """BM25 terms: a Chinese question's words; for an English one, the lexicon's Chinese for its
        words, its words the Chinese text also uses, and the words of `translation` (a model's Chinese
        rendering of the whole question, weighted `translation_weight`)."""
        if lang == "zh":
            terms: dict[str, float] = {}
            for tok in tokenize(question):
                terms[tok] = 1.0
            return terms
        terms = translate(question, self.index.lexicon) if self.settings.translate_queries else {}
        acronyms = {w.lower() for w in re.findall(r"\b[A-Z]{2,}\b", question)}
        latin = self._latin_vocab("body")
        for w in english_words(question):  # acronyms, names and numbers the Chinese text also has
            if w in latin or w in acronyms:
                terms.setdefault(w, 1.0)
        for tok in tokenize(translation or ""):
            if not tok.isascii():  # English the model left untranslated is covered above
                terms[tok] = max(terms.get(tok, 0.0), self.settings.translation_weight)
        return terms

    def source_terms(self, question: str, terms: dict[str, float], kind: str = "refs") -> dict[str, float]:
        """The question's words that English text has ("refs": the bibliography, for a question about
        sources; "front": the English abstract, for a question about it)."""
        vocab = self._latin_vocab(kind)
        return {w: 1.0 for w in english_words(question) if w in vocab and w not in terms}

    def unknown_names(self, question: str) -> list[str]:
        """The names in capitals `question` uses that no text of the corpus says (see assistant.names)."""
        if self._said is None:  # once per index
            text = "".join(c.text for c in self.index.chunks.values())
            latin = self._latin_vocab("body") | self._latin_vocab("refs") | self._latin_vocab("front")
            self._said = (text, latin, known_abbreviations(text))
        text, latin, abbreviations = self._said
        return unknown_names(question, latin, self.index.lexicon, abbreviations, text)

    def _latin_vocab(self, kind: str) -> set[str]:
        """Latin tokens of the body ("body": the Chinese text, and every word of added documents), of
        the bibliography ("refs") or of the English front matter ("front")."""
        if self._latin is None:
            self._latin = {"body": set(), "refs": set(), "front": set()}
            for cid, toks in self.index.tokens.items():
                c = self.index.chunks[cid]
                if c.kind == "bibliography":
                    self._latin["refs"].update(t for t in toks if t.isascii())
                elif c.section_id == ENGLISH_FRONT:
                    self._latin["front"].update(t for t in toks if t.isascii())
                elif c.lang == "zh" or c.doc_id in self.index.info.documents:
                    self._latin["body"].update(t for t in toks if t.isascii())
        return self._latin[kind]

    def english_front(self, vector: list[float], words: dict[str, float], allowed: set[str] | None,
                      found: dict[str, Hit]) -> list[Hit]:
        """The English front matter's chunks (the hits in `found` where they are ones), best first:
        cosine to the question plus BM25 among them for the question's English `words`, scaled to 0–1."""
        ids = [cid for cid, c in self.index.chunks.items()
               if c.section_id == ENGLISH_FRONT and (allowed is None or cid in allowed)]
        if not ids:
            return []
        hits = [found.get(cid) or Hit(self.index.chunks[cid], 0.0) for cid in ids]
        self._fill_dense(vector, [h for cid, h in zip(ids, hits, strict=True) if cid not in found])  # found ones have it
        lexical = np.zeros(len(hits))
        if words:
            bm25 = BM25Okapi([self.index.tokens.get(h.chunk.id) or ["∅"] for h in hits])
            lexical = bm25.get_scores(list(words))
            lexical = lexical / (lexical.max() or 1.0)
        order = np.argsort(-(np.array([h.dense for h in hits]) + lexical), kind="stable")
        return [hits[i] for i in order]

    def bm25_ranking(
        self, terms: dict[str, float], references: bool, allowed: set[str] | None, sourced: dict[str, float] | None = None
    ) -> list[tuple[str, float]]:
        """Chunks by weighted BM25 of `terms`; `sourced` (English words) counts for bibliography entries only."""
        bm25, ids = self._bm25_for(references)
        if not terms and not sourced:
            return []
        scores = np.zeros(len(ids))
        for tok, w in terms.items():
            scores += w * bm25.get_scores([tok])
        if sourced:
            entry = np.array([self.index.chunks[i].kind == "bibliography" for i in ids])
            for tok, w in sourced.items():
                scores += entry * (w * bm25.get_scores([tok]))
        order = np.argsort(-scores)
        out = [(ids[i], float(scores[i])) for i in order if scores[i] > 0]
        if allowed is not None:
            out = [(i, s) for i, s in out if i in allowed]
        return out[: self.settings.candidates]

    def dense_ranking(self, vector: list[float], references: bool, allowed: set[str] | None) -> list[tuple[str, float]]:
        names = [n for n in self.index.info.collections if references or n != BIBLIOGRAPHY]
        where = None
        if allowed is not None:
            wanted = {collection_of(self.index.chunks[i]) for i in allowed}
            names = [n for n in names if n in wanted]
            where = {"section_id": {"$in": sorted({self.index.chunks[i].section_id for i in allowed})}}
        found: list[tuple[str, float]] = []
        for name in names:
            n = min(self.settings.candidates, self.index.count(name))
            if n == 0:
                continue
            res = _store_call(self.index.collection(name).query,
                              query_embeddings=[vector], n_results=n, where=where, include=["distances"])
            found += [(cid, 1.0 - d) for cid, d in zip(res["ids"][0], res["distances"][0], strict=True)]
        found.sort(key=lambda x: -x[1])
        return found[: self.settings.candidates]

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

    # --- the retrieval ---------------------------------------------------
    def search(
        self,
        question: str,
        section: str | None = None,
        k: int | None = None,
        document: str | None = None,
        translation: str | None = None,
    ) -> Retrieval:
        """The top chunks for `question`. `translation`, a Chinese rendering of an English question
        (see `assistant.translate`), adds its words to BM25 and its direction to the query vector."""
        s = self.settings
        lang = language_of(question)
        translation = translation if lang == "en" else None
        references = wants_references(question)
        allowed = self.allowed_ids(section or self.section, document)
        vector = self.embedder.embed_query(question)
        if translation:
            v = np.asarray(vector) + np.asarray(self.embedder.embed_query(translation))
            vector = (v / (np.linalg.norm(v) or 1.0)).tolist()
        dense = self.dense_ranking(vector, references, allowed)
        terms = self.query_terms(RE_NAMED_SECTION.sub(" ", question), lang, translation)
        front = wants_english_front(question)
        sourced = self.source_terms(question, terms) if references else {}
        sparse = self.bm25_ranking(terms, references, allowed, sourced)
        if front:  # the words asking for the English text ("English abstract") are not what is sought
            front_words = self.source_terms(RE_ENGLISH_FRONT.sub(" ", question), {**terms, **sourced}, "front")
            sourced = {**sourced, **front_words}
        wd, wb = (s.dense_weight_zh, s.bm25_weight_zh) if lang == "zh" else (s.dense_weight_en, s.bm25_weight_en)
        hits: dict[str, Hit] = {}
        for rank, (cid, cos) in enumerate(dense):
            h = hits.setdefault(cid, Hit(self.index.chunks[cid], 0.0))
            h.dense, h.dense_rank = cos, rank
            h.score += wd / (s.rrf_k + rank + 1)
        for rank, (cid, val) in enumerate(sparse):
            h = hits.setdefault(cid, Hit(self.index.chunks[cid], 0.0))
            h.bm25, h.bm25_rank = val, rank
            h.score += wb / (s.rrf_k + rank + 1)
        if named_secs := named_sections(question):
            self._prefer_sections(named_secs, RE_OPENING.search(question) is not None, hits, allowed)
        if any(h.dense_rank is None for h in hits.values()):
            self._fill_dense(vector, [h for h in hits.values() if h.dense_rank is None])
        ranked = sorted(hits.values(), key=lambda h: -h.score)[: k or s.top_k]
        named = [f"refs:{n}" for n in named_references(question) if f"refs:{n}" in self.index.chunks]
        if named and allowed is None:  # an entry asked for by number comes first
            pinned = [hits.get(cid) or Hit(self.index.chunks[cid], 0.0) for cid in named]
            self._fill_dense(vector, [h for cid, h in zip(named, pinned, strict=True) if cid not in hits])
            ranked = _first(pinned, ranked, k or s.top_k)
        if front:  # asked about the English abstract: its best chunks first (the fused ranking favours Chinese)
            ranked = _first(self.english_front(vector, front_words, allowed, hits)[:FRONT_PINNED], ranked, k or s.top_k)
        q = np.asarray(vector, dtype=np.float32)
        for h in ranked:
            vecs = self.index.sentence_vectors(h.chunk.id)
            if vecs is not None:
                h.sentence_similarity = (vecs @ q).tolist()
            h.sentence_tokens = self.index.sentence_tokens.get(h.chunk.id)
            h.tokens = self.index.tokens.get(h.chunk.id)
        return Retrieval(
            question=question,
            lang=lang,
            hits=ranked,
            best_dense=dense[0][1] if dense else 0.0,
            terms=terms,
            sourced=sourced,
            references=references,
            named=named,
            front=front,
            vector=vector,
            translation=translation,
            quantity=quantity_of(question, lang, self.index.lexicon, self._latin_vocab("body")),
            premise=premise_of(question, lang, self.index.lexicon, self._latin_vocab("body")),
            unknown=self.unknown_names(question),
        )

    def _prefer_sections(self, named: list[str], opening: bool, hits: dict[str, Hit], allowed: set[str] | None) -> None:
        """A question naming "Section 2" gives that section's chunks a ranking of their own in the
        fusion, by fused score; one asking for "the opening of Section 2" ranks the section's own text
        (before its first subsection) in reading order, and brings it into the pool if it was not."""
        s = self.settings
        if opening:
            chunks = [c for c in self.index.chunks.values() if allowed is None or c.id in allowed]
            own = [c for c in chunks if c.section_id in named]
            own = own or [c for c in chunks if any(_within(c.section_id, sid) for sid in named)]
            ranked = [hits.setdefault(c.id, Hit(c, 0.0)) for c in sorted(own, key=lambda c: c.start)]
        else:
            inside = [h for h in hits.values() if any(_within(h.chunk.section_id, sid) for sid in named)]
            ranked = sorted(inside, key=lambda h: -h.score)
        for rank, h in enumerate(ranked):
            h.score += s.section_weight / (s.rrf_k + rank + 1)

    def _fill_dense(self, vector: list[float], hits: list[Hit]) -> None:
        """Cosine scores for BM25-only hits, so every returned hit has a comparable score."""
        by_col: dict[str, list[Hit]] = {}
        for h in hits:
            by_col.setdefault(collection_of(h.chunk), []).append(h)
        q = np.asarray(vector)
        for name, group in by_col.items():
            got = _store_call(self.index.collection(name).get, ids=[h.chunk.id for h in group], include=["embeddings"])
            vecs = dict(zip(got["ids"], got["embeddings"], strict=True))
            for h in group:
                h.dense = float(np.dot(q, np.asarray(vecs[h.chunk.id])))
