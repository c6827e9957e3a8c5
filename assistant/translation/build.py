"""``assistant translate``: the corpus's other-language edition, built once and shipped as data.

For every document, the units not yet in the other language (see `assistant.corpus.units`) go
through `UnitTranslator`. A unit is translated again only when its text, the prompt or its
termbase entries change: the shipped file and a local cache (``<data_dir>/translation-cache.jsonl``,
appended after every unit, so a killed run resumes where it stopped) are both looked up first.
The result goes to ``<translations_dir>/<document>.<lang>.jsonl``, written whole at the end.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from assistant.corpus.chunking import Chunk
from assistant.corpus.edition import EditionRow, edition_files, edition_folders, read_rows, write_rows
from assistant.corpus.loader import load_corpus
from assistant.corpus.units import Unit, corpus_units, neutral
from assistant.settings import Settings
from assistant.translation.checks import run_checks
from assistant.translation.termbase import Termbase, cedict_hints, derive
from assistant.translation.translator import Attempted, UnitTranslator

Progress = Callable[[str], None]


@dataclass
class Summary:
    units: int = 0  # units that need the other language
    reused: int = 0  # found in the shipped file or the cache
    translated: int = 0
    passed_first: int = 0
    passed_retry: int = 0
    flagged: list[str] = field(default_factory=list)  # unit ids still failing a check
    seconds: float = 0.0
    files: list[str] = field(default_factory=list)
    failures: Counter = field(default_factory=Counter)  # check → units flagged by it

    def lines(self) -> list[str]:
        done = self.translated
        out = [
            f"{self.units} units: {self.reused} reused, {done} translated in {self.seconds:.0f} s"
            + (f" ({self.seconds / done:.1f} s each)" if done else ""),
            f"checks: {self.passed_first} passed at once, {self.passed_retry} after a retry, "
            f"{len(self.flagged)} flagged",
        ]
        if self.flagged:
            out.append(
                "flagged ("
                + ", ".join(f"{k} {n}" for k, n in self.failures.most_common())
                + "): "
                + ", ".join(self.flagged[:20])
                + (" …" if len(self.flagged) > 20 else "")
            )
        return out


def document_language(chunks: list[Chunk]) -> str:
    """The language most of a document's body text is in."""
    sizes = Counter()
    for c in chunks:
        if c.kind in ("body", "abstract"):
            sizes[c.lang] += len(c.text)
    return sizes.most_common(1)[0][0] if sizes else "zh"


def plan(chunks: list[Chunk]) -> dict[tuple[str, str], list[Unit]]:
    """(document, target language) → the units of that document not already in the target language."""
    by_doc: dict[str, list[Chunk]] = {}
    for c in chunks:
        by_doc.setdefault(c.doc_id, []).append(c)
    out = {}
    for doc, group in by_doc.items():
        target = "en" if document_language(group) == "zh" else "zh"
        out[(doc, target)] = [u for u in corpus_units(group) if u.lang != target and not neutral(u.text)]
    return out


class Cache:
    """Translations made so far, by (unit key, prompt hash); appended to as they are made."""

    def __init__(self, path: Path):
        self.path = path
        self.rows: dict[tuple[str, str], EditionRow] = {}
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                try:
                    row = EditionRow.model_validate_json(line)
                except ValueError:
                    continue  # a line cut short by a kill
                self.rows[(row.key, row.prompt)] = row

    def get(self, key: str, prompt: str) -> EditionRow | None:
        return self.rows.get((key, prompt))

    def add(self, row: EditionRow) -> None:
        self.rows[(row.key, row.prompt)] = row
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as f:
            f.write(json.dumps(row.model_dump(), ensure_ascii=False) + "\n")


def refresh_termbase(settings: Settings, chunks: list[Chunk]) -> Termbase:
    """The corpus termbase with its derived entries read again from the paper (manual ones kept)."""
    from assistant.corpus.parser import parse_paper

    path = settings.edition.termbase
    paper = parse_paper(settings.corpus.paper.read_text(encoding="utf-8"))
    derived = derive(paper)
    old = Termbase.load(path)
    covered = {t.zh for t in derived} | {t.zh for t in old.terms if t.source == "manual"}
    hints = cedict_hints([c.text for c in chunks if c.lang == "zh" and c.kind != "bibliography"], covered)
    base = old.refreshed(derived, hints)
    if base != old:
        base.save(path)
    return base


def recheck(row: EditionRow, unit: Unit, terms: list) -> EditionRow:
    """A row found already, its checks run again with today's code (a fixed check clears a flag; a new
    one may raise one)."""
    problems = run_checks(unit.text, row.text, terms, row.lang)
    return row.model_copy(
        update={
            "checks": {k: not v for k, v in problems.items()},
            "flagged": any(problems.values()),
            "problems": [m for ms in problems.values() for m in ms],
        }
    )


def _eta(done: int, total: int, started: float) -> str:
    if not done:
        return "ETA –"
    left = (time.perf_counter() - started) / done * (total - done)
    return f"ETA {int(left // 60)}m{int(left % 60):02d}s"


@dataclass
class Job:
    doc: str
    target: str
    units: list[Unit]
    terms: list[list]  # the termbase entries given with each unit
    prompts: list[str]  # the prompt hash of each unit
    rows: list[EditionRow | None]  # found already, or None: to translate


def _shipped_rows(folders: list[Path]) -> dict[tuple[str, str], EditionRow]:
    """The rows of the shipped edition files, by (unit key, prompt hash)."""
    return {
        (r.key, r.prompt): r
        for folder in folders
        for lang in ("en", "zh")
        for p in edition_files(folder, lang)
        for r in read_rows(p)
    }


def _job(
    doc: str,
    target: str,
    units: list[Unit],
    tr: UnitTranslator,
    termbase: Termbase,
    shipped: dict[tuple[str, str], EditionRow],
    cache: Cache,
    redo: str,
) -> Job:
    """One document's units for one target language, with the rows found already (rechecked; dropped
    again when `redo` asks for them) and None for the units to translate."""
    terms = [termbase.for_text(u.text) if target == "en" else [] for u in units]
    prompts = [tr.prompt_hash(ts, u.kind) for u, ts in zip(units, terms, strict=True)]
    found = [shipped.get((u.key, p)) or cache.get(u.key, p) for u, p in zip(units, prompts, strict=True)]
    found = [
        recheck(r, u, ts) if r is not None else None for r, u, ts in zip(found, units, terms, strict=True)
    ]
    found = [
        None if r is not None and (redo == "all" or (redo == "flagged" and r.flagged)) else r for r in found
    ]
    return Job(doc, target, units, terms, prompts, found)


def _new_row(job: Job, i: int, done: Attempted, model_name: str) -> EditionRow:
    """The edition row for the job's i-th unit from its translation `done`."""
    unit = job.units[i]
    return EditionRow(
        id=unit.id,
        key=unit.key,
        kind=unit.kind,
        source=unit.text,
        text=done.text,
        lang=job.target,
        model=model_name,
        prompt=job.prompts[i],
        checks={k: not v for k, v in done.problems.items()},
        attempts=done.attempts,
        flagged=not done.passed,
        problems=[m for ms in done.problems.values() for m in ms],
    )


def _write_jobs(jobs: list[Job], folders: list[Path], documents: dict[str, str], summary: Summary) -> None:
    """Write each job's rows to its edition file (added documents to the second folder), noting the
    flagged units and the files written in `summary`."""
    for job in jobs:
        rows = [
            r.model_copy(update={"id": u.id})
            for u, r in zip(job.units, job.rows, strict=True)
            if r is not None
        ]
        for r in rows:
            if r.flagged:
                summary.flagged.append(r.id)
                summary.failures.update(k for k, ok in r.checks.items() if not ok)
        if rows:
            path = folders[1 if job.doc in documents else 0] / f"{job.doc}.{job.target}.jsonl"
            write_rows(path, rows)
            summary.files.append(str(path))


def translate_corpus(
    settings: Settings,
    translator_for: Callable[[str, str], UnitTranslator],
    progress: Progress | None = None,
    redo: str = "none",
    limit: int | None = None,
) -> Summary:
    """Translate what is missing (see the module doc). `redo` "flagged" or "all" translates those units
    again; `translator_for(source, target)` gives the translator; `limit` stops after that many units."""
    say = progress or (lambda _line: None)
    corpus = load_corpus(settings)
    termbase = refresh_termbase(settings, corpus.chunks)
    cache = Cache(settings.data_dir / "translation-cache.jsonl")
    folders = edition_folders(settings)
    shipped = _shipped_rows(folders)
    translators: dict[tuple[str, str], UnitTranslator] = {}
    jobs = []
    for (doc, target), units in plan(corpus.chunks).items():
        pair = ("zh", "en") if target == "en" else ("en", "zh")
        if pair not in translators:
            translators[pair] = translator_for(*pair)
        jobs.append(_job(doc, target, units, translators[pair], termbase, shipped, cache, redo))
    summary = Summary(units=sum(len(j.units) for j in jobs))
    todo = sum(r is None for j in jobs for r in j.rows)
    if limit is not None:
        todo = min(todo, limit)
    summary.reused = summary.units - sum(r is None for j in jobs for r in j.rows)
    started = time.perf_counter()
    for job in jobs:
        tr = translators[("zh", "en") if job.target == "en" else ("en", "zh")]
        for i, unit in enumerate(job.units):
            if job.rows[i] is not None or summary.translated >= todo:
                continue
            done = tr.translate(unit.text, unit.kind, job.terms[i])
            row = _new_row(job, i, done, tr.model_name)
            cache.add(row)
            job.rows[i] = row
            summary.translated += 1
            if done.passed:
                summary.passed_first += done.attempts == 1
                summary.passed_retry += done.attempts > 1
            say(
                f"translate {job.doc} → {job.target}  {summary.translated}/{todo}  "
                f"{_eta(summary.translated, todo, started)}  flagged"
                f" {sum(r is not None and r.flagged for r in job.rows)}"
            )
    _write_jobs(jobs, folders, corpus.documents, summary)
    summary.seconds = time.perf_counter() - started
    return summary


def model_translators(settings: Settings, model: str, size: str) -> Callable[[str, str], UnitTranslator]:
    """A factory of translators from one chat model (`model` "local" or "openai"), loaded on first use;
    raises GenerationError when it cannot be."""
    from assistant.llm.models import helper_model

    cfg = settings.edition
    loaded: dict = {}

    def translator_for(source: str, target: str) -> UnitTranslator:
        if "chat" not in loaded:
            loaded["chat"] = helper_model(
                settings, model, size, max_tokens=cfg.max_tokens, timeout_s=cfg.timeout_s, temperature=0.0
            )
        chat, name = loaded["chat"]
        label = f"{name} via llama.cpp" if model == "local" else name
        return UnitTranslator(chat, label, source, target, retries=cfg.retries, timeout_s=cfg.timeout_s)

    return translator_for
