"""Figures compared as values, whatever language and scale they are written in."""

import pytest

from assistant.figures import Figure, figures, holds_figure, spoken, years_of


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("减少1.7万家", "fell by 17,000 firms"),
        ("降至750.8万人", "down to 7.508 million people"),
        ("合计13.16万亿元", "13.16 trillion yuan in all"),
        ("约为2015年的5倍", "five times the 2015 level"),
        ("增长了3倍", "grew threefold"),
        ("占比30.5%", "a share of 30.5 percent"),
        ("下降了7.4个百分点", "fell by 7.4 percentage points"),
    ],
)
def test_the_same_figure_in_both_languages(zh, en):
    for f in figures(zh, words=True):
        if f.kind or f.value >= 10:
            assert holds_figure(f, en), (f, en)


def test_a_wrong_scale_or_kind_is_another_figure():
    assert not holds_figure(Figure(7_508_000.0), "750.8 million")
    assert not holds_figure(Figure(7.4, "pp"), "7.4%")  # points are not a percentage
    assert holds_figure(Figure(30.5, "%"), "30.5")  # a share may be written bare


def test_years_dates_and_names_are_not_amounts():
    assert [f.value for f in figures("2023年2月4日起，COVID-19期间的G7")] == []
    assert years_of("2000年至2019年，增长至2000万台") == ["2000", "2019"]
    assert years_of("增长至2000万台") == []
    assert [f.value for f in figures("in February 4, 2025", years=True)] == [2025.0]


def test_tenths_as_chinese_writes_a_share():
    assert [(f.value, f.kind) for f in figures("约五成的农户；九成以上")] == [(50.0, "%"), (90.0, "%")]
    assert figures("形成了一成不变的做法，三成为") == []


def test_spoken_english():
    assert spoken(7_508_000) == "7.508 million"
    assert spoken(17_000) == "17,000"
    assert spoken(2.59222e12) == "2.59222 trillion"
