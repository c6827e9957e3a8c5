"""English → Chinese query terms from the corpus lexicon."""

import pytest

from assistant.index.lexicon import base_form, translate
from assistant.question.analysis import analyse
from assistant.text import english_words


def test_derived_words_are_rewritten_before_they_are_cut(assistant):
    lexicon = assistant.index.lexicon
    assert base_form("sustainability", lexicon) == "sustainable"
    assert "持续" in translate("What does sustainability refer to?", lexicon)


def test_table_numbers_and_chinese_inside_an_english_question(assistant):
    lexicon = assistant.index.lexicon
    terms = translate("Which factors does Table 1 list?", lexicon)
    assert terms.get("表") == 1.0 and "目录" not in terms
    terms = translate("In which issue of Management World (管理世界) did it appear?", lexicon)
    assert "管理" in terms and "世界" in terms


def test_inflected_stop_words_are_dropped():
    words = english_words("Among the practices the paper lists, what refers to cost?")
    assert "cost" in words and not {"among", "list", "lists", "refer", "refers"} & set(words)


def test_table_question_reaches_the_table(assistant):  # a table named by number is pinned
    r = assistant.retriever.search(analyse("What two stages does Table 1 set side by side in its columns?"))
    assert any(h.chunk.kind == "table" for h in r.hits[:2])


def test_british_spellings_find_the_american_definitions(assistant):
    lexicon = assistant.index.lexicon
    pairs = (("labour", "labor"), ("optimise", "optimize"), ("organisation", "organization"))
    for british, american in pairs:
        assert british not in lexicon and base_form(british, lexicon) == american
    assert base_form("contour", lexicon) == "contour"  # "contor" is not a word the lexicon knows
    r = assistant.retriever.search(analyse("How will AI change the labour market?"))
    assert "劳动力" in r.bridged or "劳动" in r.bridged  # the Chinese terms searched in the Chinese text


def test_a_target_weighs_by_how_much_of_its_sense_the_english_covers():
    from assistant.index.lexicon import build_lexicon

    lexicon = build_lexicon(
        [["中国", "中美", "基于", "一带", "一路", "三星", "区域性", "区域化"]], ["推进一带一路建设"]
    )
    # 'China' is all of one sense, half of 'China-USA'
    assert lexicon["china"]["中国"] == pytest.approx(2 * lexicon["china"]["中美"], abs=0.002)
    assert lexicon["account"]["基于"] == 0.5  # 'on account of'
    # 一带一路 is split by jieba, and its sense is a long gloss whose first clause names it
    assert set(lexicon["belt road"]) == {"一带", "一路"}
    assert translate("What is regionalization?", lexicon) == {"区域化": 1.0}  # from 'regional' (区域性) + 化


def test_words_jieba_splits_are_still_translated(assistant):
    terms = translate("Which geopolitical risks are named?", assistant.index.lexicon)
    assert {"地缘", "政治"} <= set(terms)  # 地缘政治 is one dictionary word, two BM25 tokens


def test_short_plurals_and_single_letters(assistant):
    lexicon = assistant.index.lexicon
    assert "jobs" not in lexicon and base_form("jobs", lexicon) == "job"  # too short for the stemmer
    assert not [key for key in lexicon if len(key) == 1]  # "R&D" is no "r" (总结) and "d"
    assert "措施" in translate("How many trade-restricting measures were imposed?", lexicon)


@pytest.mark.parametrize(
    "question, firm",
    [
        ("Where did Samsung and Apple move their mobile phone business?", "三星"),
        ("Why did BMW raise its R&D spending in China?", "宝马"),
    ],
)
def test_a_firm_named_in_english_reaches_the_chinese_passage(assistant, question, firm):
    # CC-CEDICT gives 宝马 as "precious horse" and 三星 as a constellation: the firm's English name
    # has to come from the translated edition
    r = assistant.retriever.search(analyse(question))
    assert any(firm in h.chunk.text for h in r.hits[:3])


def test_an_amount_for_a_firm_the_paper_gives_none_for_abstains(assistant):
    # the paper says BMW raised its R&D spending in China, but gives no amount
    assert assistant.ask("How much money did BMW add to its R&D budget in China?").abstained


def test_cited_chinese_names_are_found_by_their_pinyin():
    from assistant.index.lexicon import build_lexicon

    text = "分工经历了三个阶段(江小涓等，2021)；对抗上升(朱锋, 2023)；数据来自（工业和信息化部，2025）。"
    lexicon = build_lexicon([["江小涓", "朱锋", "工业", "信息化"]], [text])
    assert lexicon["jiang xiaojuan"] == {"江小涓": 1.0} and lexicon["zhu feng"] == {"朱锋": 1.0}
    assert not [key for key in lexicon if key.startswith("gong ye")]  # a body, not a person
    assert "江小涓" in translate("What does Jiang Xiaojuan (2021) say?", lexicon)
