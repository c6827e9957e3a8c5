"""The termbase: pairs read from the paper's bilingual parts, enumeration alignment, how a term is
found in an English translation, and how the file is refreshed and looked up."""

from __future__ import annotations

import pytest

from assistant.corpus.document import Paper
from assistant.translation.termbase import Term, Termbase, derive, en_lists, zh_lists


def by_zh(terms: list[Term]) -> dict[str, Term]:
    return {t.zh: t for t in terms}


def made_up_paper(**fields) -> Paper:
    base = dict(
        title="", authors=[], sections=[], paragraphs=[], tables=[], bibliography=[], citations=[], text=""
    )
    return Paper(**{**base, **fields})


# --- derive on the real paper ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def derived(paper) -> dict[str, Term]:
    return by_zh(derive(paper))


def test_derive_reads_the_keywords(derived):
    assert derived["全球产业链"].en == ["global industrial chain"]
    assert derived["产业安全"].en == ["industrial security"]
    assert derived["高水平开放"].en == ["high-standard opening up"]
    for keyword in ("全球产业链", "产业安全", "高水平开放"):
        assert derived[keyword].source == "paper:keywords" and derived[keyword].checked


def test_derive_reads_the_authors_in_every_english_order(derived):
    guo = derived["郭若楠"]
    assert guo.source == "paper:authors"
    assert guo.en[0] == "Guo Ruonan"  # family name first, preferred
    assert set(guo.en) >= {"Guo Ruonan", "Ruonan Guo"}
    assert derived["陈逸豪"].en[0] == "Chen Yihao"


def test_derive_splits_the_title_into_main_title_and_subtitle_items(derived):
    main = derived["全球产业链再布局"]
    assert main.en == ["Global Industrial Chain Restructuring"]
    assert main.source == "paper:title" and main.checked
    # the subtitle's items pair up in order; two-character words are too common to insist on
    assert derived["演进"].en == ["Evolution"] and not derived["演进"].checked
    assert derived["影响"].en == ["Impact"] and not derived["影响"].checked
    assert derived["应对"].en == ["Response"]


def test_derive_aligns_the_abstract_enumerations_in_order(derived):
    expected = {
        "区域化": "regionalization",
        "多元化": "diversification",
        "数字化": "digitalization",
        "区域联盟化": "regional alliances",
        "采购单极化": "single-level procurement",
        "人工智能化": "artificial intelligence",
        "壁垒武器化": "weaponization of barriers",
        "产业空心化": "industrial hollowing out",
        "关键矿产受制": "reliance on critical minerals",
    }
    for zh, en in expected.items():
        assert zh in derived, f"{zh} not derived"
        assert derived[zh].en == [en], (zh, derived[zh].en)
        assert derived[zh].source == "paper:abstract-list" and derived[zh].checked


def test_derive_gives_each_chinese_term_once(paper):
    terms = derive(paper)
    assert len({t.zh for t in terms}) == len(terms)


# --- derive on a made-up paper --------------------------------------------------------------------


def test_derive_pairs_lists_by_their_number_of_items():
    # the Chinese lists come as 3 then 4 items, the English ones as 4 then 3
    paper = made_up_paper(
        abstract="城市正在推动交通的电动化、网联化和共享化等方向。其发展面临人口的老龄化、少子化、空巢化和独居化等问题。",
        abstract_en="The city faces population ageing, low fertility, empty nests, and solitary living. "
        "It pursues electrification, connectivity, and sharing of transport.",
    )
    got = by_zh(derive(paper))
    assert got["电动化"].en == ["electrification"]
    assert got["共享化"].en == ["sharing of transport"]
    assert got["老龄化"].en == ["population ageing"]
    assert got["独居化"].en == ["solitary living"]


def test_derive_skips_parts_whose_counts_differ():
    paper = made_up_paper(
        title="城市更新研究",
        title_en="A Study of Urban Renewal",
        keywords=["城市更新", "社区治理"],
        keywords_en=["urban renewal"],  # one English keyword missing
        authors=["王芳"],
        authors_en=["WANG Fang"],
    )
    got = by_zh(derive(paper))
    assert "城市更新" not in got and "社区治理" not in got  # no guessing which keyword is which
    assert got["城市更新研究"].en == ["A Study of Urban Renewal"]  # a title without subtitle: whole
    assert got["王芳"].en[:2] == ["Wang Fang", "Fang Wang"]


# --- the list readers -----------------------------------------------------------------------------


def test_zh_lists_trims_the_first_and_last_items():
    text = "该县推动农业的机械化、信息化、绿色化和品牌化等方向发展。"
    assert zh_lists(text) == [["机械化", "信息化", "绿色化", "品牌化"]]


def test_zh_lists_needs_three_items():
    assert zh_lists("我们研究了苹果、香蕉。") == []
    assert zh_lists("这里没有列举。") == []


def test_zh_lists_finds_each_list_of_a_text():
    text = "政府推进教育、医疗、养老改革。企业要在研发、生产、销售和服务等环节发力。"
    lists = zh_lists(text)
    assert len(lists) == 2
    assert lists[1] == ["研发", "生产", "销售", "服务"]


def test_en_lists_reads_a_serial_comma_list():
    text = "The county pursued mechanization, digitization, greening, and branding to grow."
    assert en_lists(text) == [["mechanization", "digitization", "greening", "branding"]]


def test_en_lists_cuts_the_first_item_to_the_length_of_the_middle_ones():
    text = "The plan studied regional alliances, weak ties, and open markets."
    assert en_lists(text) == [["regional alliances", "weak ties", "open markets"]]


def test_en_lists_needs_three_items_and_reads_each_sentence():
    assert en_lists("We studied apples and bananas.") == []
    assert en_lists("It sold tea, rice, and salt. It bought iron, coal, and wood.") == [
        ["tea", "rice", "salt"],
        ["iron", "coal", "wood"],
    ]


# --- Term.found_in --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "english",
    [
        "Firms are diversifying their suppliers.",
        "The Diversification of suppliers continued.",
    ],
)
def test_found_in_accepts_derived_forms(english):
    assert Term(zh="多元化", en=["diversification"], source="x").found_in(english)


@pytest.mark.parametrize(
    "english",
    [
        "Procurement at a single level spread.",  # word order changed, function words ignored
        "Single-Level Procurement spread.",  # case and hyphen
        "single level procurements spread.",  # plural
    ],
)
def test_found_in_accepts_word_order_case_and_hyphens(english):
    assert Term(zh="采购单极化", en=["single-level procurement"], source="x").found_in(english)


@pytest.mark.parametrize(
    "english",
    [
        "Procurement became multi-level.",  # one word of the term is missing
        "Suppliers spread out.",
        "",
    ],
)
def test_found_in_rejects_absent_terms(english):
    assert not Term(zh="采购单极化", en=["single-level procurement"], source="x").found_in(english)


def test_found_in_accepts_any_listed_rendering():
    term = Term(zh="产业链", en=["industrial chain", "industry chain"], source="manual")
    assert term.found_in("The industry chain moved.")
    assert term.found_in("Industrial chains moved.")
    assert not term.found_in("The supply chain moved.")


# --- Termbase -------------------------------------------------------------------------------------


def test_refreshed_keeps_manual_entries_first_and_replaces_the_rest():
    old = Termbase(
        terms=[
            Term(zh="旧词", en=["old word"], source="paper:keywords"),
            Term(zh="产业链", en=["industry chain"], source="manual"),
            Term(zh="旧提示", en=["old hint"], source="cc-cedict", checked=False),
            Term(zh="供应链", en=["supply chain"], source="manual"),
        ]
    )
    derived = [
        Term(zh="产业链", en=["industrial chain"], source="paper:keywords"),
        Term(zh="新词", en=["new word"], source="paper:abstract-list"),
    ]
    hints = [
        Term(zh="新词", en=["a hint"], source="cc-cedict", checked=False),
        Term(zh="新提示", en=["new hint"], source="cc-cedict", checked=False),
    ]
    new = old.refreshed(derived, hints)
    assert [t.zh for t in new.terms] == ["产业链", "供应链", "新词", "新提示"]
    assert new.terms[0].en == ["industry chain"] and new.terms[0].source == "manual"  # a person's word wins
    assert new.terms[2].source == "paper:abstract-list"  # derived beats a dictionary hint


def test_termbase_save_and_load_round_trip(tmp_path):
    tb = Termbase(terms=[Term(zh="产业链", en=["industrial chain"], source="manual")])
    path = tmp_path / "sub" / "termbase.json"
    tb.save(path)
    assert "产业链" in path.read_text(encoding="utf-8")  # readable, not \\u-escaped
    assert Termbase.load(path) == tb
    assert Termbase.load(tmp_path / "none.json").terms == []
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match="not a termbase"):
        Termbase.load(tmp_path / "bad.json")


def test_for_text_prefers_the_longer_entry():
    tb = Termbase(
        terms=[
            Term(zh="人工智能", en=["artificial intelligence"], source="manual"),
            Term(zh="人工智能封闭化", en=["closed artificial intelligence"], source="manual"),
            Term(zh="供应链", en=["supply chain"], source="manual"),
            Term(zh="产业", en=["industry"], source="manual"),
        ]
    )
    found = tb.for_text("人工智能封闭化影响供应链。")
    assert [t.zh for t in found] == ["人工智能封闭化", "供应链"]
    # the shorter entry still applies where it stands alone
    assert [t.zh for t in tb.for_text("人工智能推动产业升级。")] == ["人工智能", "产业"]
    assert tb.for_text("没有术语。") == []
