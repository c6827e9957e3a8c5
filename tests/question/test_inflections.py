"""An English verb's irregular forms meet on the question's side (lemminflect's tables, no model)."""

from assistant.question.inflections import other_forms, verb_of, with_base_forms


def test_irregular_forms_of_a_verb_meet():
    assert verb_of("drove") == "drive" and verb_of("rose") == "rise"
    assert {"driven", "drive"} <= set(other_forms("What drove the shift?"))
    assert {"rise", "risen"} <= set(other_forms("Why the share rose"))


def test_base_forms_are_written_for_a_dictionary():
    assert with_base_forms("What drove the shift?") == "What drive the shift?"
    assert with_base_forms("chains and data") == "chains and data"  # nouns, and forms the stemmer meets


def test_function_words_light_verbs_regular_forms_and_nouns_gain_nothing():
    assert other_forms("what was said about the data") == []
    assert other_forms("What do they mean by trade?") == []
    assert other_forms("firms went abroad, adding plants in advanced countries") == []
