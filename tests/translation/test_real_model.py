"""A few made-up Chinese units through the bundled 0.5B Qwen (llama.cpp), as `assistant translate`
builds its translator: only what a small model reliably does is asserted."""

from __future__ import annotations

import re
import time

import pytest

from assistant.llm.weights import BUNDLED
from assistant.settings import EditionSettings, LLMSettings, Settings
from assistant.translation.build import model_translators

UNITS = [
    ("sentence", "该市去年新建了三座公园。"),
    ("sentence", "2023年，该县农民的收入增长了5%。"),
    ("heading", "二、主要做法"),
]
CHECK_NAMES = {"shape", "script", "figures", "years", "citations", "titles", "added", "terms"}
RE_CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="session")
def model_data_dir(tmp_path_factory):
    """A data folder for the joined weights (~500 MB, joined once per session on first use)."""
    return tmp_path_factory.mktemp("translation-model")


def test_the_bundled_small_model_translates_short_units(model_data_dir):
    settings = Settings(
        data_dir=model_data_dir,
        llm=LLMSettings(n_ctx=2048, threads=2),
        edition=EditionSettings(retries=1, max_tokens=60, timeout_s=60),
    )
    started = time.perf_counter()
    translator = model_translators(settings, "local", "0.5b")("zh", "en")
    assert (model_data_dir / "models" / BUNDLED["0.5b"].filename).stat().st_size == BUNDLED["0.5b"].size
    assert translator.model_name == "Qwen2.5-Coder 0.5B via llama.cpp"
    assert (translator.source, translator.target, translator.retries) == ("zh", "en", 1)

    done = [translator.translate(text, kind, []) for kind, text in UNITS]
    seconds = time.perf_counter() - started
    replies = [d.text for d in done]
    for d in done:
        assert d.text.strip()  # a reply, cleaned of labels
        assert set(d.problems) == CHECK_NAMES  # every check ran and was recorded
        assert 1 <= d.attempts <= translator.retries + 2
        assert d.passed == (not any(d.problems.values()))
    english = [t for t in replies if not RE_CJK.search(t) and re.search(r"[A-Za-z]{3}", t)]
    assert len(english) >= 2, f"Chinese left in most replies: {replies}"
    assert replies[2].startswith("II. "), replies[2]  # the heading's number, rendered by code
    hashes = {translator.prompt_hash([], kind) for kind, _ in UNITS}
    assert len(hashes) == 2 and all(re.fullmatch(r"[0-9a-f]{12}", h) for h in hashes)
    assert seconds < 120, f"took {seconds:.0f} s: {replies}"
