"""Two answers read as one (unit test on made-up answers)."""

from assistant.answer.contract import Answer, CitationOut
from assistant.answer.joined import joined


def cite(n: int, chunk: str, quote: str) -> CitationOut:
    return CitationOut(
        n=n, chunk_id=chunk, section_id="s1", section="一", text=quote, quote=quote, score=0.5, kind="body"
    )


def answer(text: str, citations: list[CitationOut]) -> Answer:
    return Answer(question="q", answer=text, abstained=False, mode="grounded", lang="en", citations=citations)


def test_the_second_answers_citations_are_numbered_on_and_what_the_first_says_is_not_repeated():
    first = answer("A is wrong. What it says:\nB rose.[1]", [cite(1, "c1", "B rose.")])
    second = answer(
        "B rose.[1]\nC is planned.[2]\nD fell.[3]",
        [cite(1, "c1", "B rose."), cite(2, "c2", "C"), cite(3, "c1", "D")],
    )
    out = joined(first, second, "As for the rest:")
    assert out.answer.splitlines() == [
        "A is wrong. What it says:",
        "B rose.[1]",
        "As for the rest:",
        "C is planned.[2]",
        "D fell.[1]",
    ]
    assert [c.chunk_id for c in out.citations] == ["c1", "c2"] and "D" in out.citations[0].quote


def test_nothing_new_leaves_the_first_as_it_was():
    first = answer("X.[1]", [cite(1, "c1", "X.")])
    out = joined(first, answer("X.[1]", [cite(1, "c1", "X.")]), "As for the rest:")
    assert out.answer == "X.[1]" and len(out.citations) == 1
