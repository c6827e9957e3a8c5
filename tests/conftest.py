"""Shared fixtures: the parsed paper and one real index built once per test session."""

from __future__ import annotations

import pytest

from assistant.index import build
from assistant.parser import parse_paper
from assistant.pipeline import Assistant
from assistant.settings import REPO_ROOT, Settings

PAPER_TEXT = (REPO_ROOT / "corpus" / "paper.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def paper():
    return parse_paper(PAPER_TEXT)


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("data")
    build(Settings(data_dir=d))
    return d


@pytest.fixture(scope="session")
def settings(data_dir):
    return Settings(data_dir=data_dir)


@pytest.fixture(scope="session")
def assistant(settings):
    return Assistant(settings)
