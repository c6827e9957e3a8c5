"""Words readers use for the same thing, in either language."""

from assistant.question.synonyms import alike, named_in, widened


def test_readers_words_for_a_headings_own():
    assert "negative" in alike("downside") and "消极" in alike("负面") and "积极" in alike("好处")
    assert "impact" in widened({"冲击"}) and "positive" not in widened({"negative"})
    assert alike("county") == {"county"}


def test_a_word_the_tokenizer_splits_is_still_found():
    assert "好处" in named_in("这对农户有什么好处？")
    assert "upside" in named_in("What are the upsides?")


def test_a_question_about_a_things_direction_searches_its_trends():
    from assistant.question.synonyms import spelled_out

    assert spelled_out("Where is district heating heading?", "en").endswith("(future trends)")
    assert spelled_out("灌溉行业何去何从？", "zh").endswith("(未来趋势)")
    moving = "Where is the utility moving its depots?"  # a place, not a direction
    assert spelled_out(moving, "en") == moving


def test_a_part_named_by_its_threats_is_the_part_on_what_is_bad():
    from assistant.question.synonyms import with_threats
    from assistant.text import tokenize

    assert "negative" in with_threats(set(tokenize("the part about risks")))
    assert "消极" in with_threats(set(tokenize("讲风险的部分")))
    assert with_threats({"trend"}) == {"trend"}
