"""Names the corpus never says, asked about on the real index."""

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "What does the paper say about the EU's Carbon Border Adjustment Mechanism?",
        "What does the paper say about the Inflation Reduction Act?",
    ],
)
def test_the_view_of_a_named_thing_the_text_never_names_is_refused(assistant, question):
    a = assistant.ask(question)
    assert a.abstained and a.guard == "names"


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # the text's name is longer ("Chips and Science Act"), or the same in other words of a kind
        ("What does the paper say about the Chips Act?", "Chips and Science Act"),
        ("What does the paper say about the Belt and Road Initiative?", "Belt and Road"),
        ("论文对日本有什么看法？", "日本"),
    ],
)
def test_the_view_of_a_named_thing_the_text_names_is_answered(assistant, question, said):
    a = assistant.ask(question)
    assert not a.abstained and said in a.answer


def test_a_question_naming_a_heading_whole_is_not_refused_as_far_from_every_passage(assistant):
    a = assistant.ask("壁垒武器化表现在哪些层面？请列举文中提到的具体做法。")
    assert not a.abstained and all(c.section_id.startswith("s2.4") for c in a.citations)
