"""The shipped English edition (corpus/translations/paper.en.jsonl) is current for the real corpus:
every unit that needs English has its row, every row says how it was made, and nearly all pass
every check."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from assistant.corpus.edition import EditionRow, read_rows
from assistant.corpus.loader import load_corpus
from assistant.corpus.units import Unit
from assistant.settings import Settings
from assistant.translation.build import plan
from assistant.translation.termbase import Termbase
from assistant.translation.translator import UnitTranslator

MIN_PASSED = 0.95
CHECK_NAMES = {"shape", "script", "figures", "years", "citations", "titles", "added", "terms"}


@pytest.fixture(scope="module")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="module")
def units(settings) -> list[Unit]:
    planned = plan(load_corpus(settings).chunks)
    assert ("paper", "en") in planned
    return planned[("paper", "en")]


@pytest.fixture(scope="module")
def rows(settings) -> list[EditionRow]:
    path = settings.edition.translations_dir / "paper.en.jsonl"
    assert path.is_file(), f"{path} is missing: run `assistant translate`"
    return read_rows(path)


def test_every_unit_that_needs_english_has_a_row(units, rows):
    keys = {r.key for r in rows}
    missing = [u.id for u in units if u.key not in keys]
    assert not missing, (
        f"{len(missing)} of {len(units)} units have no row in paper.en.jsonl "
        f"(run `assistant translate`): {', '.join(missing)}"
    )


def test_no_row_is_left_from_a_unit_the_corpus_no_longer_has(units, rows):
    keys = {u.key for u in units}
    stale = [r.id for r in rows if r.key not in keys]
    assert not stale, f"{len(stale)} rows of paper.en.jsonl are for units the corpus no longer has: {stale}"


def test_each_unit_has_one_row_in_english(rows):
    twice = [k for k, n in Counter(r.key for r in rows).items() if n > 1]
    assert not twice, f"keys with more than one row: {twice}"
    assert {r.lang for r in rows} == {"en"}


def test_every_row_carries_its_provenance(rows):
    bad = []
    for r in rows:
        why = []
        if not r.model.strip():
            why.append("no model")
        if not re.fullmatch(r"[0-9a-f]{12}", r.prompt):
            why.append(f"prompt hash {r.prompt!r}")
        if set(r.checks) != CHECK_NAMES:
            why.append(f"checks {sorted(r.checks)}")
        if r.attempts < 1:
            why.append(f"attempts {r.attempts}")
        if r.flagged != (not all(r.checks.values())) or r.flagged != bool(r.problems):
            why.append("flag, checks and problems disagree")
        if not r.text.strip():
            why.append("no text")
        if why:
            bad.append(f"{r.id}: {', '.join(why)}")
    assert not bad, f"{len(bad)} rows lack provenance:\n" + "\n".join(bad[:30])


def test_nearly_every_row_passes_every_check(rows):
    passed = [r for r in rows if all(r.checks.values()) and not r.flagged]
    share = len(passed) / len(rows)
    failing = Counter(k for r in rows for k, ok in r.checks.items() if not ok)
    flagged = [r.id for r in rows if r not in passed]
    message = (
        f"{len(passed)} of {len(rows)} rows ({share:.1%}) pass every check, below {MIN_PASSED:.0%}; "
        f"failing checks {dict(failing)}; flagged: {', '.join(flagged)}"
    )
    assert share >= MIN_PASSED, message


def test_rows_were_made_with_todays_prompt_and_termbase(settings, units, rows):
    """A row whose prompt hash is not the one the build computes today (the prompt, the unit's termbase
    entries or its kind's preparation changed) would be translated again by `assistant translate`."""
    termbase = Termbase.load(settings.edition.termbase)  # read only: the build would refresh it
    translator = UnitTranslator(None, "none", "zh", "en")
    by_key = {r.key: r for r in rows}
    stale = [
        u.id
        for u in units
        if u.key in by_key
        and by_key[u.key].prompt != translator.prompt_hash(termbase.for_text(u.text), u.kind)
    ]
    assert not stale, (
        f"{len(stale)} of {len(units)} rows were made with another prompt or other termbase "
        f"entries (run `assistant translate`): {', '.join(stale)}"
    )
