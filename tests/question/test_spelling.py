import pytest

from assistant.question.spelling import american
from assistant.question.synonyms import spelled_out


@pytest.mark.parametrize(
    ("british", "american_"),
    [
        ("regionalisation", "regionalization"),
        ("Weaponised barriers", "Weaponized barriers"),
        ("prioritising security", "prioritizing security"),
        ("analysed", "analyzed"),
        ("labour-intensive", "labor-intensive"),
        ("Centres of R&D", "Centers of R&D"),
        ("a favourable programme", "a favorable program"),
    ],
)
def test_british_spellings_become_american(british, american_):
    assert american(british) == american_


@pytest.mark.parametrize(
    "word", ["enterprise", "premise", "promise", "exercise", "treatise", "compromise", "rise", "four", "tour"]
)
def test_words_that_only_look_british_are_kept(word):
    assert american(word) == word


def test_only_an_english_question_is_respelt():
    assert spelled_out("Summarise the part on digitalisation", "en") == "Summarize the part on digitalization"
    assert spelled_out("labour是什么意思", "zh") == "labour是什么意思"
