"""Heading words a question names in its own way (no index needed)."""

from assistant.retrieval.headings import spelt


def test_an_acronym_names_the_heading_words_it_stands_for():
    assert spelt("(3) Artificial Intelligence Closure", {"ai", "section"}) == {"artificial", "intelligence"}
    assert spelt("4. Heat Pump Rollout", {"hp"}) == {"heat", "pump"}
    assert spelt("Market Shrinkage", {"section"}) == set()
