import pytest

from assistant.corpus.parser import ParseError, parse_paper


def test_front_matter(paper):
    assert paper.title == "全球产业链再布局：演进、影响及应对"
    assert paper.authors == ["郭若楠", "陈逸豪"]
    assert paper.doi == "10.14114/j.cnki.itrade.2025.03.005"
    assert paper.keywords == ["全球产业链", "产业安全", "高水平开放"]
    assert paper.funding_note.startswith("本文获中国社会科学院")
    assert "2024QQJH164" in paper.funding_note
    assert "助理研究员" in paper.author_note


def test_english_back_matter(paper):
    assert paper.title_en.startswith("Global Industrial Chain Restructuring")
    assert paper.authors_en == ["GUO Ruonan", "CHEN Yihao"]
    assert paper.jel == ["F63", "O14", "R12"]
    assert paper.keywords_en[0] == "global industrial chain"
    assert paper.abstract_en.startswith("As changes unseen")
    assert paper.editors == ["汪沁", "王勇娟"]


def test_section_tree(paper):
    ids = [s.id for s in paper.sections]
    level1 = [s for s in paper.sections if s.level == 1]
    assert [s.label[:2] for s in level1] == ["一、", "二、", "三、", "四、"]
    assert [s.id for s in paper.sections if s.parent == "s2" and s.level == 2] == [
        "s2.t1",
        "s2.1",
        "s2.2",
        "s2.3",
        "s2.4",
    ]
    assert [s.id for s in paper.sections if s.parent == "s3.2"] == [f"s3.2.{i}" for i in range(1, 6)]
    assert [s.id for s in paper.sections if s.parent == "s4.1"] == [f"s4.1.{i}" for i in range(1, 4)]
    assert paper.section("s2.1").label == "(一) 区域联盟化"
    assert paper.section("s3.2.1").path == [
        "三、全球产业链变化对我国的影响",
        "(二) 消极影响",
        "1. 产业空心化",
    ]
    for fixed in ("meta", "abstract", "intro", "refs", "abstract.en"):
        assert fixed in ids


def test_page_breaks_rejoined_and_notes_moved_out(paper):
    s1 = [p for p in paper.paragraphs if p.section_id == "s1"]
    assert len(s1) == 1
    assert "下面分别基于技术进步和生产要素理论以及新地缘政治" in s1[0].text
    assert "课题信息" not in s1[0].text and len(s1[0].segments) == 2
    notes = [p.text for p in paper.paragraphs if p.section_id == "meta"]
    assert any(t.startswith("[课题信息]") for t in notes)
    assert any(t.startswith("[作者信息]") for t in notes)
    body = "".join(p.text for p in paper.paragraphs if p.kind == "body")
    assert "尤为显著(UNCTAD, 2020)" in body  # a sentence split across a page break
    assert "课题信息" not in body


def test_paragraph_segments_point_into_raw_text(paper):
    for p in paper.paragraphs:
        assert "".join(paper.text[s.start : s.end] for s in p.segments) == p.text


def test_cut_short_paragraph_is_flagged(paper):
    flagged = [p for p in paper.paragraphs if p.truncated]
    assert [p.section_id for p in flagged] == ["s3.1.1"]
    assert flagged[0].text.endswith("供应链管理能力和")


def test_table(paper):
    (table,) = paper.tables
    assert table.id == "s2.t1" and table.caption.startswith("表1")
    assert len(table.rows) == 14
    assert table.columns[2].startswith("初期")
    row = next(r for r in table.rows if r.factor == "成本效益分析")
    assert row.category == "成本考量"  # inherited from the row above
    assert row.stage1 == "企业只考虑成本最低的生产地点"
    capital = next(r for r in table.rows if r.factor == "资本的可获得性")
    assert capital.stage1 == "" and capital.stage2.startswith("企业选择在资本成本较低")
    scale = next(r for r in table.rows if r.factor == "规模经济")
    assert scale.stage2 == ""
    assert table.source.startswith("资料来源")


def test_bibliography(paper):
    bib = paper.bibliography
    assert [e.n for e in bib] == list(range(1, 25))
    e17 = paper.entry(17)
    assert (e17.authors, e17.year, e17.venue, e17.type) == (
        ["EATON J", "KORTUM S"],
        2002,
        "Econometrica",
        "J",
    )
    e6 = paper.entry(6)
    assert e6.authors == ["刘娅", "梁明", "徐斯"] and e6.venue == "国际贸易" and e6.year == 2023
    e15 = paper.entry(15)  # split by a page break in the raw text
    assert e15.title == "Risks and global supply chains: What we know and what we need to know"
    assert e15.venue == "Annual review of economics" and e15.year == 2022
    e23 = paper.entry(23)
    assert e23.year == 2025 and e23.year_is_access_date
    assert paper.entry(18).url.startswith("https://www.imf.org/")
    assert paper.entry(14).short == "[14] Baldwin 2016"


def test_garbage_is_a_clear_error():
    with pytest.raises(ParseError):
        parse_paper("")
    with pytest.raises(ParseError):
        parse_paper("a\n\nb\n\nc\n\nd\n\ne\n\nf\n")
