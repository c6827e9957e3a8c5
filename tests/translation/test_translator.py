"""`UnitTranslator` over a scripted chat model: the prompt, the retry that says what failed, the
flag after the last retry, headings numbered by code, reply cleaning and the prompt hash."""

from __future__ import annotations

import time

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

from assistant.llm.models import GenerationError
from assistant.translation import translator as translator_module
from assistant.translation.termbase import Term
from assistant.translation.translator import UnitTranslator, clean, load_examples, split_number

from .fakes import ScriptedChat, asked, replies

SOURCE = "该省去年新增就业750.8万人。"
WRONG = "The province added 75.08 million jobs last year."  # a figure the source does not give
RIGHT = "The province added 7.508 million jobs last year."


def zh_en(answer, retries: int = 2, timeout_s: float = 10.0) -> tuple[UnitTranslator, ScriptedChat]:
    model = ScriptedChat(answer=answer)
    return UnitTranslator(model, "scripted", "zh", "en", retries=retries, timeout_s=timeout_s), model


# --- the prompt -----------------------------------------------------------------------------------


def test_the_request_comes_after_the_fixed_instructions_and_examples():
    tr, model = zh_en(replies(RIGHT))
    terms = [Term(zh="就业", en=["employment"], source="manual", checked=False)]
    tr.translate(SOURCE, "sentence", terms)
    messages, _ = model.calls[0]
    assert isinstance(messages[0], SystemMessage) and "into English" in messages[0].content
    assert [type(m) for m in messages[1:-1]] == [HumanMessage, AIMessage] * len(tr.examples)
    assert len(tr.examples) >= 2
    last = messages[-1].content
    assert last.startswith("Glossary: 就业 = employment\n")
    assert asked(last) == ("sentence", SOURCE)
    assert "An earlier translation" not in last


def test_the_prompt_examples_are_read_with_their_glossary():
    instructions, pairs = load_examples(
        "Rules.\n---\nGLOSSARY: 甲 = A; 乙 = B\nIN: 甲和乙。\nOUT: A and B.\n---\nIN: 丙。\nOUT: C."
    )
    assert instructions == "Rules."
    assert pairs[0] == ("Glossary: 甲 = A; 乙 = B\nTranslate this sentence:\n甲和乙。", "A and B.")
    assert pairs[1] == ("Translate this sentence:\n丙。", "C.")
    with pytest.raises(ValueError, match="IN: and one OUT:"):
        load_examples("Rules.\n---\nIN: 丙。")


# --- retries --------------------------------------------------------------------------------------


def test_a_failed_first_reply_is_retried_with_what_failed():
    tr, model = zh_en(replies(WRONG, RIGHT))
    done = tr.translate(SOURCE, "sentence", [])
    assert done.text == RIGHT and done.passed
    assert done.attempts == 2 and done.history == [WRONG]
    assert len(model.calls) == 2
    retry = model.requests[1]
    assert asked(retry) == ("sentence", SOURCE)  # the unit is asked for again
    assert f"An earlier translation was: {WRONG}" in retry
    assert "keep the figure 7.508 million" in retry  # what the figures check found
    assert "do not add the figure 75.08 million" in retry  # and what the added check found


def test_a_unit_still_failing_after_every_retry_is_flagged():
    tr, model = zh_en(replies(WRONG), retries=3)
    done = tr.translate(SOURCE, "sentence", [])
    assert not done.passed
    assert done.text == WRONG
    assert done.attempts == 4 and len(done.history) == 4
    assert done.problems["figures"] and done.problems["added"]
    assert len(model.calls) == 4  # one clause: nothing to piece together
    # the same request twice gives the same reply: from the third attempt on, a little temperature
    temperatures = [kw.get("temperature", 0.0) for _, kw in model.calls]
    assert temperatures[:2] == [0.0, 0.0] and 0 < temperatures[2] < temperatures[3]


def test_a_figure_at_the_wrong_scale_is_mended_by_code_not_asked_again():
    tr, model = zh_en(replies("The province added 750.8 million jobs last year."))
    done = tr.translate(SOURCE, "sentence", [])
    assert done.passed and done.text == "The province added 7.508 million jobs last year."
    assert len(model.calls) == 1


def test_retries_zero_asks_once():
    tr, model = zh_en(replies(WRONG), retries=0)
    done = tr.translate(SOURCE, "sentence", [])
    assert not done.passed and done.attempts == 1 and len(model.calls) == 1


def test_a_unit_of_several_clauses_is_pieced_together_after_the_retries():
    source = "该省去年新增就业750.8万人，失业率下降了0.3个百分点。"
    clauses = {
        "该省去年新增就业750.8万人，": "The province added 7.508 million jobs last year",
        "失业率下降了0.3个百分点。": "unemployment fell by 0.3 percentage points.",
    }

    def answer(message: str, _n: int) -> str:
        kind, text = asked(message)
        return clauses[text] if kind == "clause of a sentence" else "The province added jobs."

    tr, model = zh_en(answer, retries=1)
    done = tr.translate(source, "sentence", [])
    assert done.passed
    assert done.text == (
        "The province added 7.508 million jobs last year, unemployment fell by 0.3 percentage points."
    )
    assert done.attempts == 3  # two whole attempts, then by clauses
    assert [asked(r)[0] for r in model.requests] == [
        "sentence",
        "sentence",
        "clause of a sentence",
        "clause of a sentence",
    ]


def test_when_nothing_passes_the_reply_failing_fewest_checks_is_kept():
    source = "该省去年新增就业750.8万人，失业率下降了0.3个百分点。"

    def answer(message: str, _n: int) -> str:
        kind, text = asked(message)
        if kind == "clause of a sentence":  # the pieces keep the figures but miss the rate's points
            jobs = "The province added 7.508 million jobs last year."
            return jobs if "就业" in text else "The jobless rate fell."
        return "Chapter three: problems."  # the whole unit: nothing of it kept

    tr, _ = zh_en(answer, retries=1)
    done = tr.translate(source, "sentence", [])
    assert not done.passed and done.text.startswith("The province added 7.508 million jobs last year, ")
    assert done.text.endswith("the jobless rate fell.")  # one sentence, its clauses joined


def test_a_term_missing_from_the_reply_is_asked_for_by_name():
    terms = [Term(zh="供应链", en=["supply chain"], source="manual")]
    tr, model = zh_en(replies("Logistics has become shorter.", "Supply chains have become shorter."))
    done = tr.translate("供应链变短了。", "sentence", terms)
    assert done.passed and done.attempts == 2
    assert 'translate 供应链 as "supply chain"' in model.requests[1]


def test_a_model_that_fails_or_hangs_raises_generation_error():
    def broken(_message, _n):
        raise RuntimeError("out of memory")

    tr, _ = zh_en(broken)
    with pytest.raises(GenerationError, match="out of memory"):
        tr.translate(SOURCE, "sentence", [])

    def slow(_message, _n):
        time.sleep(3)
        return RIGHT

    tr, _ = zh_en(slow, timeout_s=0.3)
    started = time.perf_counter()
    with pytest.raises(GenerationError, match="longer than"):
        tr.translate(SOURCE, "sentence", [])
    assert time.perf_counter() - started < 2


def test_works_with_langchains_own_fake_model():
    model = FakeListChatModel(responses=[WRONG, RIGHT])
    tr = UnitTranslator(model, "fake-list", "zh", "en", retries=1)
    done = tr.translate(SOURCE, "sentence", [])
    assert done.text == RIGHT and done.attempts == 2


# --- headings -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "sent", "english"),
    [
        ("一、发展现状", "发展现状", "I. Current Situation"),
        ("四、发展现状", "发展现状", "IV. Current Situation"),
        ("（三）发展现状", "发展现状", "(3) Current Situation"),
        ("(二) 发展现状", "发展现状", "(2) Current Situation"),
        ("2.1 发展现状", "发展现状", "2.1 Current Situation"),
        ("3 发展现状", "发展现状", "3. Current Situation"),
        ("发展现状", "发展现状", "Current Situation"),
    ],
)
def test_a_heading_number_is_rendered_by_code(heading, sent, english):
    tr, model = zh_en(replies("Current Situation"))
    done = tr.translate(heading, "heading", [])
    assert done.text == english
    assert asked(model.requests[0]) == ("heading", sent)  # the model never sees the number
    assert done.passed


def test_a_number_is_split_off_headings_only():
    tr, model = zh_en(replies("1. Current Situation"))
    assert tr.translate("1. 发展现状", "cell", []).text == "1. Current Situation"
    assert asked(model.requests[0]) == ("table cell", "1. 发展现状")


def test_split_number_for_each_target_language():
    assert split_number("二、发展现状", "zh") == ("二、", "发展现状")
    assert split_number("（二）发展现状", "zh") == ("（二）", "发展现状")
    assert split_number("2.1 Methods", "zh") == ("2.1", "Methods")
    assert split_number("一、", "en") == ("", "一、")  # a number alone is left whole


def test_a_heading_numbered_beyond_ten_has_no_chinese_left():
    tr, _ = zh_en(replies("Conclusion"))
    done = tr.translate("十一、结语", "heading", [])
    assert done.text == "XI. Conclusion"


# --- clean ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reply", "text"),
    [
        ("The city grew.", "The city grew."),
        ("Translation: The city grew.", "The city grew."),
        ("English: The city grew.", "The city grew."),
        ("OUT: The city grew.", "The city grew."),
        ('Corrected translation: "The city grew."', "The city grew."),
        ("English translation (revised): The city grew.", "The city grew."),
        ('"The city grew."', "The city grew."),
        ("“The city grew.”", "The city grew."),
        ("\n\n  The city grew.\nNote: I kept the tense.", "The city grew."),
        ('He said "go" and "stop".', 'He said "go" and "stop".'),  # quotes inside are kept
        ("Growth: The city grew.", "Growth: The city grew."),  # a colon alone is no label
        ("", ""),
    ],
)
def test_clean_strips_labels_and_quotes(reply, text):
    assert clean(reply) == text


def test_clean_keeps_a_translation_that_names_chinese_before_a_colon():
    heading = "Chinese Industrial Policy: Evolution and Impact"
    assert clean(heading) == heading


# --- prompt_hash ----------------------------------------------------------------------------------


def test_prompt_hash_depends_on_the_terms():
    tr, _ = zh_en(replies(RIGHT))
    chain = Term(zh="供应链", en=["supply chain"], source="manual")
    base = tr.prompt_hash([])
    assert tr.prompt_hash([]) == base  # stable
    assert len(base) == 12
    assert tr.prompt_hash([chain]) != base
    assert tr.prompt_hash([chain.model_copy(update={"en": ["supply chains"]})]) != tr.prompt_hash([chain])
    assert UnitTranslator(ScriptedChat(answer=replies("")), "other", "zh", "en").prompt_hash(
        [chain]
    ) == tr.prompt_hash([chain])  # the model's name is provenance, not part of the hash


def test_prompt_hash_depends_on_the_prompt_text():
    tr, _ = zh_en(replies(RIGHT))
    before = tr.prompt_hash([])
    tr.prompt_text += "\n- One more rule."
    assert tr.prompt_hash([]) != before
    en_zh = UnitTranslator(ScriptedChat(answer=replies("")), "scripted", "en", "zh")
    assert en_zh.prompt_hash([]) != before


def test_prompt_hash_changes_with_a_kinds_preparation(monkeypatch):
    tr, _ = zh_en(replies(RIGHT))
    sentence, heading, cell = (tr.prompt_hash([], k) for k in ("sentence", "heading", "cell"))
    assert heading != sentence  # headings get their number by code
    assert cell == sentence  # no step of its own
    monkeypatch.setitem(translator_module.KIND_STEPS, "heading", "number rendered by code (3)")
    assert tr.prompt_hash([], "heading") != heading  # a changed step: headings again …
    assert tr.prompt_hash([], "sentence") == sentence  # … and nothing else
