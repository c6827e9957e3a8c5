"""The assistant as a long-running process: it moves to a newer build when one is served,
and stays on the build it has when the new one is not whole."""

from __future__ import annotations

import shutil
import time

from assistant.index import build, read_info
from assistant.pipeline import Assistant
from assistant.settings import ServeSettings

QUESTION = "2021年中国在全球制造业增加值中的占比是多少？"


def test_a_running_assistant_moves_to_a_newer_build(data_dir, settings, tmp_path):
    shutil.copytree(data_dir / "index", tmp_path / "index")
    s = settings.model_copy(update={"data_dir": tmp_path, "serve": ServeSettings(reload_check_s=0.05)})
    a = Assistant(s)
    first = a.ask(QUESTION)
    old = a.index.info.build
    new = build(s, force=True).build
    assert new != old
    time.sleep(0.1)
    assert a.ask(QUESTION).answer == first.answer
    assert a.index.info.build == new


def test_a_damaged_new_build_is_not_taken(data_dir, settings, tmp_path):
    shutil.copytree(data_dir / "index", tmp_path / "index")
    s = settings.model_copy(update={"data_dir": tmp_path, "serve": ServeSettings(reload_check_s=0.05)})
    a = Assistant(s)
    old = a.index.info.build
    new = build(s, force=True).build
    (tmp_path / "index" / new / "sentences.npy").unlink()
    time.sleep(0.1)
    assert "30.5%" in a.ask(QUESTION).answer
    assert a.index.info.build == old and read_info(s).build == new


def test_reload_can_be_turned_off(data_dir, settings, tmp_path):
    shutil.copytree(data_dir / "index", tmp_path / "index")
    s = settings.model_copy(update={"data_dir": tmp_path, "serve": ServeSettings(reload_check_s=0)})
    a = Assistant(s)
    old = a.index.info.build
    build(s, force=True)
    time.sleep(0.05)
    assert a.index.info.build == old
