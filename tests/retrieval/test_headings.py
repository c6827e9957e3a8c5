"""Heading words a question names in its own way (no index needed)."""

from assistant.retrieval.headings import spelt


def test_an_acronym_names_the_heading_words_it_stands_for():
    assert spelt("(3) Artificial Intelligence Closure", {"ai", "section"}) == {"artificial", "intelligence"}
    assert spelt("4. Heat Pump Rollout", {"hp"}) == {"heat", "pump"}
    assert spelt("Market Shrinkage", {"section"}) == set()


def test_a_name_in_quotes_is_a_phrase_of_two_words_or_four_characters():
    from assistant.retrieval.headings import quoted_names

    assert quoted_names("what's the 'technology falling further behind' part about?") == (
        "technology falling further behind",
    )
    assert quoted_names("讲“技术越追越远”的那部分") == ("技术越追越远",)
    # a one-word term, a short Chinese term or a possessive's apostrophe names no part
    assert quoted_names("the authors' view on 'friend-shoring' and “链主”") == ()
