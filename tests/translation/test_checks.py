"""The checks on one translated unit: each catches what it is for, and a correct translation passes
every check. All sentences are made up."""

from __future__ import annotations

import pytest

from assistant.translation.checks import CHECKS, check_figures_en_zh, check_titles, run_checks
from assistant.translation.termbase import Term


def failed(
    source: str, target: str, terms: list[Term] | None = None, into: str = "en"
) -> dict[str, list[str]]:
    """The checks that found a problem, with what they found."""
    return {k: v for k, v in run_checks(source, target, terms or [], into).items() if v}


def test_every_check_runs_and_reports_by_name():
    got = run_checks("他离开了。", "He left.", [])
    assert set(got) == set(CHECKS) | {"terms"}
    assert not any(got.values())


# --- script ---------------------------------------------------------------------------------------


def test_script_catches_chinese_left_in_the_english():
    got = failed("该公司推动全球产业链调整。", "The company pushed the global产业链 adjustment.")
    assert list(got) == ["script"]
    assert "产业链" in got["script"][0]
    assert "CC-CEDICT" in got["script"][0]  # the retry gets a dictionary hint


def test_script_allows_a_name_kept_in_parentheses():
    assert not failed(
        "数字经济发展迅速（江小涓等，2021）。",
        "The digital economy grew fast (Jiang Xiaojuan (江小涓) et al., 2021).",
    )


# --- figures --------------------------------------------------------------------------------------


def test_figures_catch_a_wan_read_as_million():
    got = failed("该省去年新增就业750.8万人。", "The province added 750.8 million jobs last year.")
    assert "figures" in got and "7.508 million" in got["figures"][0]
    assert "added" in got  # 750.8 million is also a figure the source does not give


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("该省去年新增就业750.8万人。", "The province added 7.508 million jobs last year."),
        ("全市共有1.7万家小微企业。", "The city has 17,000 small firms."),
        ("全市共有1.7万家小微企业。", "The city has 17 thousand small firms."),
        ("该区产值达到2.3亿元。", "The district's output reached 230 million yuan."),
        ("全国产值达到13.16万亿元。", "National output reached 13.16 trillion yuan."),
    ],
)
def test_figures_pass_at_the_right_scale(source, target):
    assert not failed(source, target)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("全市共有1.7万家小微企业。", "The city has 1.7 small firms."),
        ("该区产值达到2.3亿元。", "The district's output reached 2.3 billion yuan."),
        ("全国产值达到13.16万亿元。", "National output reached 131.6 billion yuan."),
    ],
)
def test_figures_fail_at_the_wrong_scale(source, target):
    assert "figures" in failed(source, target)


def test_percent_and_percentage_points_are_not_interchangeable():
    points = "出口占比提高了3.2个百分点。"
    got = failed(points, "The export share rose by 3.2%.")
    assert "figures" in got and "percentage points" in got["figures"][0]
    assert not failed(points, "The export share rose by 3.2 percentage points.")
    percent = "出口额增长了3.2%。"
    assert "figures" in failed(percent, "Exports grew by 3.2 percentage points.")
    assert not failed(percent, "Exports grew by 3.2 percent.")
    assert not failed(percent, "Exports grew by 3.2%.")


def test_multiples_keep_their_kind():
    assert not failed("产量是去年的2倍。", "Output was 2 times last year's.")
    assert "figures" in failed("产量是去年的2倍。", "Output was 2% of last year's.")


def test_a_figure_in_chinese_numerals_may_be_written_in_digits_or_words():
    assert not failed("该市有三座桥。", "The city has three bridges.")
    assert not failed("该市有三座桥。", "The city has 3 bridges.")


# --- years ----------------------------------------------------------------------------------------


def test_years_catch_a_missing_year():
    got = failed("2019年以来，出口持续增长。", "Since then, exports have kept growing.")
    assert got == {"years": ["keep the year 2019"]}


def test_years_catch_an_added_year():
    got = failed("出口持续增长。", "Since 2019, exports have kept growing.")
    assert list(got) == ["years"] and "do not add the year 2019" in got["years"][0]


def test_years_pass_when_kept():
    assert not failed("2020年至2022年，出口持续增长。", "From 2020 to 2022, exports kept growing.")
    got = failed("2020年至2022年，出口持续增长。", "From 2020 to 2023, exports kept growing.")
    assert got["years"] == ["keep the year 2022", "do not add the year 2023, which the source does not give"]


def test_years_catch_an_added_year_that_ends_the_sentence():
    assert "years" in failed("该市去年新建了三座公园。", "The city opened three parks in 2022.")


def test_english_to_chinese_keeps_a_year_that_ends_the_sentence():
    assert "years" in failed("The city opened three parks in 2022.", "该市新建了三座公园。", into="zh")


# --- added ----------------------------------------------------------------------------------------


def test_added_catches_a_figure_the_source_lacks():
    got = failed("沪深300指数上涨。", "The S&P 500 index rose.")
    assert "added" in got and "500" in got["added"][0]
    assert "figures" in got  # and the 300 is gone
    assert not failed("沪深300指数上涨。", "The CSI 300 index rose.")


def test_added_catches_a_translation_far_longer_or_shorter_than_its_source():
    source = "该市的公共交通系统在过去十年中得到了全面而深入的改善。"
    assert "added" in failed(source, "The city's public transit system improved a lot. " * 10)
    assert "added" in failed(source, "Transit improved.")
    assert not failed(
        source,
        "Over the past ten years the city's public transport system has been improved "
        "thoroughly and in depth.",
    )


# --- citations ------------------------------------------------------------------------------------


def test_citations_need_every_latin_author():
    source = "这一观点已有讨论（Smith and Brown，2020）。"
    assert not failed(source, "This view has been discussed (Smith and Brown, 2020).")
    got = failed(source, "This view has been discussed (Smith, 2020).")
    assert list(got) == ["citations"] and "Brown" in got["citations"][0]


def test_citations_need_a_chinese_author_in_pinyin():
    source = "数字经济发展迅速（江小涓等，2021）。"
    assert not failed(source, "The digital economy grew fast (Jiang Xiaojuan et al., 2021).")
    assert not failed(source, "The digital economy grew fast (Jiangxiaojuan et al., 2021).")
    got = failed(source, "The digital economy grew fast (Jiang et al., 2021).")
    assert list(got) == ["citations"] and "Jiang Xiaojuan" in got["citations"][0]


def test_citations_in_a_group_are_checked_one_by_one():
    source = "已有研究指出这一点（Smith，2020；李明，2019）。"
    assert not failed(source, "Studies have noted this (Smith, 2020; Li Ming, 2019).")
    got = failed(source, "Studies have noted this (Smith, 2020; Li, 2019).")
    assert got["citations"] == ["keep the citation (李明, 2019) as (Li Ming, 2019)"]


# --- titles ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        'The city issued the "Community Governance Regulations".',
        "The city issued the “Community Governance Regulations”.",
        "The city issued *Community Governance Regulations*.",
        "The city issued the Community Governance Regulations last year.",
    ],
)
def test_titles_pass_when_rendered_as_a_title(target):
    assert not failed("该市发布了《社区治理条例》。", target)


def test_titles_catch_a_title_rendered_as_plain_words():
    got = failed("该市发布了《社区治理条例》。", "The city issued the regulations on community governance.")
    assert list(got) == ["titles"] and "《社区治理条例》" in got["titles"][0]


def test_titles_accept_a_title_case_title_at_the_end_of_the_sentence():
    english = "The city issued the Community Governance Regulations."
    assert check_titles("该市发布了《社区治理条例》。", english) == []


def test_titles_do_not_take_a_possessive_for_quotes():
    english = "The city's rules on community governance took effect."
    assert check_titles("该市发布了《社区治理条例》。", english)
    assert check_titles("该市发布了《社区治理条例》。", english.replace("'", "’"))  # a typographic one


# --- terms ----------------------------------------------------------------------------------------


def test_terms_need_each_checked_term_in_one_of_its_renderings():
    terms = [
        Term(zh="供应链", en=["supply chain"], source="manual"),
        Term(zh="产业链", en=["industrial chain", "industry chain"], source="manual"),
        Term(zh="影响", en=["Impact"], source="paper:title", checked=False),
    ]
    source = "供应链和产业链的影响都很大。"
    assert not failed(source, "The effects on supply chains and the industry chain are both large.", terms)
    got = failed(source, "The effects on logistics and the industry chain are both large.", terms)
    assert got == {"terms": ['translate 供应链 as "supply chain"']}  # the unchecked 影响 is not insisted on


# --- shape ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("", "give the translation"),
        ("   ", "give the translation"),
        ("他离开了。", "reply with the translation only"),
        ("Translation: He left.", "reply with the translation only"),
        ("Here is the translation: he left.", "reply with the translation only"),
    ],
)
def test_shape_catches_no_translation(target, message):
    assert failed("他离开了。", target)["shape"] == [message]


# --- English → Chinese ----------------------------------------------------------------------------


def test_english_to_chinese_passes_a_correct_translation():
    got = run_checks(
        "The city opened 126 canteens in 2022 (Wang, 2021).",
        "2022年，该市开设了126家食堂（Wang，2021）。",
        [],
        "zh",
    )
    assert set(got) == {"shape", "script", "figures", "years", "citations"}  # no titles or terms
    assert not any(got.values())


def test_english_to_chinese_accepts_a_chinese_scale():
    assert not failed("It employs 7.5 million people.", "该行业雇用了750万人。", into="zh")


def test_english_to_chinese_catches_english_left_and_missing_parts():
    assert "script" in failed("The city opened 126 canteens.", "The city opened 126 canteens.", into="zh")
    assert "figures" in failed("The city opened 126 canteens.", "该市开设了食堂。", into="zh")
    assert "figures" in failed("It employs 7.5 million people.", "该行业雇用了7.5万人。", into="zh")
    assert "figures" in failed("The share rose 3.2 percentage points.", "占比上升了3.2%。", into="zh")
    got = failed("Output rose in 2022 (Wang, 2021).", "产量有所增加。", into="zh")
    assert "years" in got and "citations" in got


def test_english_to_chinese_instruction_names_the_scale():
    problems = check_figures_en_zh("It employs 7.5 million people.", "该行业雇用了7.5万人。")
    assert problems and ("million" in problems[0] or "750万" in problems[0])
