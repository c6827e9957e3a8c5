"""The assistant as a long-running process: it moves to a newer build when one is served,
and stays on the build it has when the new one is not whole."""

from __future__ import annotations

import shutil
import time

from assistant.index.build import build, read_info
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


def conversation(assistant, *questions, document=None):
    from assistant.question.followup import Turn

    history, answers = [], []
    for q in questions:
        a = assistant.ask(q, history=history, document=document)
        answers.append(a)
        history += [Turn(role="user", content=q), Turn(role="assistant", content=a.answer)]
    return answers


def test_a_follow_up_points_at_an_item_of_the_previous_answer(assistant):
    first, second = conversation(assistant, "全球产业链未来有哪四个变动趋势？", "第二个是什么意思？")
    assert first.items[1]["section_id"] == "s2.2"
    assert second.condensed_question.startswith("采购单极化") and second.citations[0].section_id == "s2.2"
    _, more = conversation(
        assistant, "Which four trends does the paper foresee?", "Say more about the second one."
    )
    assert (
        more.condensed_question and {c.section_id for c in more.citations} <= {"s2.2"} and more.lang == "en"
    )


def test_a_follow_up_swaps_a_year_or_a_sibling(assistant):
    _, year = conversation(assistant, "2021年中国在全球制造业增加值中的占比是多少？", "那2023年呢？")
    assert (
        year.condensed_question == "2023年中国在全球制造业增加值中的占比是多少？" and "28.8%" in year.answer
    )
    _, negative = conversation(
        assistant, "What positive impacts does the paper see for China?", "What about the negative ones?"
    )
    assert [i["section_id"] for i in negative.items] == ["s3.2.1", "s3.2.2", "s3.2.3", "s3.2.4", "s3.2.5"]


def test_a_follow_up_with_a_pronoun_asks_about_the_previous_topic(assistant):
    _, advice = conversation(assistant, "技术越追越远指的是什么？", "作者对此有什么建议？")
    # the policy part answers, or the abstract's summary of it
    assert "技术越追越远" in advice.condensed_question and any(
        c.section_id.startswith("s4") or c.section_id == "abstract" for c in advice.citations
    )


def test_an_earlier_answer_is_recalled_once_per_conversation(assistant):
    from assistant.question.followup import Turn

    history = [Turn(role="user", content="有哪些消极影响？"), Turn(role="assistant", content="…")]
    first = assistant.recall("那积极影响呢？", history)
    assert assistant.recall("那积极影响呢？", history) is first  # the next turn's recall finds it
    assert assistant.recall("那积极影响呢？", []) is not first  # another conversation is another recall
