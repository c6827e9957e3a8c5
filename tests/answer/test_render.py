"""How a quoted sentence is cut to the answer's length, counted by the language it is written in."""

from assistant.answer.render import clip


def test_a_sentence_is_cut_by_the_language_it_is_written_in():
    chinese = "高端产业仍依赖国际市场" * 30
    assert len(clip(chinese, 100)) == 101  # 100 characters and the ellipsis
    english = "High-end industries still rely on the global market, " * 8
    assert clip(english, 220) == english  # about 430 letters say what 220 Chinese characters do
    # a Chinese word a translation left in does not make an English sentence Chinese
    mixed = "Although the 国产ization rate of car chips rose, " * 8 + "dependence on imports was 90%."
    assert clip(mixed, 220).endswith("90%.")
