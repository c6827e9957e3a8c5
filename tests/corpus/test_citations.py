from assistant.corpus.citations import find_citations, parse_citation_group


def test_every_in_text_citation_of_the_paper_resolves(paper):
    by_text = {c.text: c.ref for c in paper.citations}
    assert by_text["朱锋, 2023"] == 12
    assert by_text["Baldwin, 2016"] == 14
    assert by_text["Baldwin et al., 2022"] == 15
    assert by_text["Eaton et al., 2002"] == 17
    assert by_text["江小涓等，2021"] == 4
    assert by_text["World Bank, [2025]"] == 23
    assert by_text["United States Census Bureau，2023"] == 22
    assert len(paper.citations) == 23
    assert paper.unresolved_citations == []


def test_citation_offsets_point_at_the_parenthesis(paper):
    for c in paper.citations:
        raw = paper.text[c.start : c.end]
        assert raw[0] in "(（" and raw[-1] in ")）"
        assert c.author in raw


def test_group_parsing():
    assert parse_citation_group("Krugman, 1991; Baldwin, 2016") == [
        ("Krugman", False, 1991, "Krugman, 1991"),
        ("Baldwin", False, 2016, "Baldwin, 2016"),
    ]
    assert parse_citation_group("卢进勇等，2024") == [("卢进勇", True, 2024, "卢进勇等，2024")]


def test_unknown_and_ambiguous_citations_are_reported_not_guessed(paper):
    text = "有研究(Smith, 2019)指出；另见(朱锋, 2022)与(Baldwin, 2016)。"
    found = find_citations(text, "intro", paper.bibliography)
    assert [(c.author, c.year, c.ref) for c in found] == [
        ("Smith", 2019, None),  # no such entry
        ("朱锋", 2022, None),  # right author, wrong year
        ("Baldwin", 2016, 14),
    ]
    twins = [paper.entry(14), paper.entry(14).model_copy(update={"n": 99})]
    (c,) = find_citations("(Baldwin, 2016)", "intro", twins)
    assert c.ref is None  # two candidates: not guessed
