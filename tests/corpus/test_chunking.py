from assistant.corpus.chunking import Chunk, chunk_paper, pack, split_sentences


def test_sentence_split_chinese_and_english():
    zh = "第一句。第二句！“第三句？”第四句；尾巴"
    assert [zh[s:e] for s, e in split_sentences(zh)] == [
        "第一句。",
        "第二句！",
        "“第三句？”",
        "第四句；",
        "尾巴",
    ]
    en = "Growth was 30.5% in 2021. It fell to 28.8% (World Bank). Done"
    assert [en[s:e] for s, e in split_sentences(en)] == [
        "Growth was 30.5% in 2021.",
        "It fell to 28.8% (World Bank).",
        "Done",
    ]


def test_pack_respects_size_and_keeps_long_sentences_whole():
    spans = [(0, 100), (100, 250), (250, 700), (700, 750)]
    assert pack(spans, 300) == [(0, 250), (250, 700), (700, 750)]
    assert pack(spans, 300, overlap=1) == [(0, 250), (100, 700), (250, 750)]


def test_chunks_never_cross_sections_or_paragraphs(paper):
    chunks = chunk_paper(paper, 300)
    by_key = {(p.section_id, p.index): p for p in paper.paragraphs}
    for c in chunks:
        if c.kind in ("table", "bibliography"):
            continue
        para = by_key[(c.section_id, c.paragraph)]
        assert c.text in para.text
        assert para.start <= c.start < c.end <= para.end


def test_chunk_size_and_metadata(paper):
    chunks = chunk_paper(paper, 300)
    body = [c for c in chunks if c.kind == "body"]
    assert all(len(c.text) <= 300 or len(split_sentences(c.text)) == 1 for c in body)
    assert len({c.id for c in chunks}) == len(chunks)
    kinds = {c.kind for c in chunks}
    assert kinds == {"body", "abstract", "table", "bibliography", "metadata"}
    c = next(c for c in chunks if "30.5%" in c.text)
    assert c.section_id == "s3" and c.section == "三、全球产业链变化对我国的影响"
    assert c.lang == "zh" and c.cites == [23]
    assert paper.text[c.start : c.end].replace("\n", "").startswith(c.text[:20])
    en = [c for c in chunks if c.section_id == "abstract.en"]
    assert en and all(c.lang == "en" and c.kind == "abstract" for c in en)
    row = next(c for c in chunks if c.kind == "table" and "成本效益分析" in c.text)
    assert "分类：成本考量" in row.text and "企业只考虑成本最低的生产地点" in row.text
    bib = next(c for c in chunks if c.id == "refs:17")
    assert bib.ref == 17 and bib.text.startswith("[17] EATON J")


def test_metadata_round_trip(paper):
    for c in chunk_paper(paper, 300)[:40]:
        assert Chunk.from_metadata(c.text, c.metadata()) == c


def test_text_matches_raw_offsets(paper):
    for c in chunk_paper(paper, 300):
        if c.kind in ("body", "abstract", "metadata") and c.section_id != "s1":
            assert paper.text[c.start : c.end].replace("\n", "").replace(" ", "") == c.text.replace(" ", "")
