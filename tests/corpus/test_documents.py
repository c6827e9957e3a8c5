"""A second document beside the paper: its own collection, its own citations, its own scope."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.corpus.documents import document_chunks, document_id
from assistant.index.build import build
from assistant.index.open import open_index
from assistant.pipeline import Assistant, QuestionError
from assistant.settings import REPO_ROOT, CorpusSettings, Settings

# A made-up note written for this test; nothing in it comes from the paper.
NOTE = """# Harbour Robotics Field Note

Written for the test suite as a stand-in second paper.

## Cranes

The harbour of Vellmar ran 41 automated cranes in 2024. Each crane moved about 30 containers an hour.

## Staffing

Crane operators were retrained as remote supervisors over eighteen months.
"""


def test_markdown_headings_become_sections():
    title, chunks = document_chunks("note", NOTE, "fallback", 300)
    assert title == "Harbour Robotics Field Note"
    by_section = {c.section_id: c for c in chunks}
    assert set(by_section) == {"note.meta", "note.s1", "note.s2"}
    assert by_section["note.meta"].kind == "metadata"  # the lines between the title and the first heading
    assert by_section["note.meta"].text == "Written for the test suite as a stand-in second paper."
    assert by_section["note.s1"].section == "《Harbour Robotics Field Note》 › Cranes"
    assert by_section["note.s2"].heading == "Staffing" and by_section["note.s2"].kind == "body"
    assert all(c.doc_id == "note" and c.lang == "en" for c in chunks)
    # headings are labels, not text
    assert not any("Staffing" in c.text or "Cranes" in c.text for c in chunks)
    for c in chunks:  # offsets point back into the file
        assert NOTE[c.start : c.end].split()[0] == c.text.split()[0]


# A made-up Chinese paper with every part an added document can have.
STUDY = """# 灌溉与水价

作者：张三

## 摘要

本文研究灌溉用水的价格。

## 引言

农业用水占总用水量的六成。

## 方法

### 数据

我们使用了三个省的数据。

表1 各省用水量

| 省份 | 用水量（亿立方米） |
| --- | --- |
| 甲省 | 12.5 |
| 乙省 | 8.1 |

资料来源：作者整理。

### 模型

模型采用双重差分。

## 参考文献

[1] 李四. 水价改革[J]. 水利经济, 2020.
[2] Smith J. Irrigation pricing[J]. Water Policy, 2019.
"""


def test_abstract_subsections_tables_and_references_get_their_own_ids():
    title, chunks = document_chunks("irr", STUDY, "fallback", 300)
    assert title == "灌溉与水价"
    by_id = {c.id: c for c in chunks}
    sections = {c.section_id: c for c in chunks if c.kind != "table"}
    assert sections["irr.meta"].text == "作者：张三" and sections["irr.meta"].kind == "metadata"
    abstract = sections["irr.abstract"]  # the 摘要 heading is the abstract, not a numbered section
    assert abstract.kind == "abstract" and abstract.text == "本文研究灌溉用水的价格。"
    assert sections["irr.s1"].text == "农业用水占总用水量的六成。"  # 引言 is the first numbered section
    assert sections["irr.s2.1"].section == "《灌溉与水价》 › 方法 › 数据"  # ### under the second ##
    assert sections["irr.s2.2"].text == "模型采用双重差分。"
    # the table: a caption chunk (with its source line) and one chunk per row, none of it in the body text
    assert by_id["irr.s2.1.t1:caption"].text == "表1 各省用水量｜资料来源：作者整理。"
    row = by_id["irr.s2.1.t1:r1"]
    assert row.kind == "table" and row.section_id == "irr.s2.1.t1"
    assert row.text == "表1 各省用水量｜省份：乙省｜用水量（亿立方米）：8.1"
    assert "irr.s2.1.t1:r2" not in by_id  # the rule line under the header is no row
    assert not any("甲省" in c.text or "资料来源" in c.text for c in chunks if c.kind == "body")
    # the references: one bibliography chunk per [n] entry, none for the heading
    refs = [c for c in chunks if c.section_id == "irr.refs"]
    assert [(c.id, c.ref, c.kind) for c in refs] == [
        ("irr.refs:1", 1, "bibliography"),
        ("irr.refs:2", 2, "bibliography"),
    ]
    assert refs[1].text.startswith("[2] Smith J.") and refs[1].lang == "en"
    for c in chunks:  # every chunk's offsets cover its text in the file
        assert c.text.split("｜")[0].split()[0] in STUDY[c.start : c.end]


def test_document_ids_do_not_collide_with_paper_sections():
    assert document_id(Path("Harbour Note.md")) == "harbour-note"
    assert document_id(Path("s3.md")).startswith("doc-")
    assert document_id(Path("paper.txt")) == "doc-paper"


@pytest.fixture(scope="module")
def two_docs(tmp_path_factory):
    root = tmp_path_factory.mktemp("two-docs")
    docs = root / "documents"
    docs.mkdir()
    (docs / "harbour-note.md").write_text(NOTE, encoding="utf-8")
    (docs / "slides.pptx").write_bytes(b"not a document type we read")
    settings = Settings(
        data_dir=root / "data",
        corpus=CorpusSettings(
            paper=REPO_ROOT / "corpus" / "paper.txt",
            manifest=REPO_ROOT / "corpus" / "manifest.json",
            references_dir=root / "no-references",
            documents_dir=docs,
        ),
    )
    info = build(settings)
    return settings, info


def test_each_document_gets_its_own_collection(two_docs):
    settings, info = two_docs
    assert info.documents == {"harbour-note": "Harbour Robotics Field Note"}
    assert any("slides.pptx" in w for w in info.warnings)
    index = open_index(settings)
    assert index.collection("doc-harbour-note").count() == info.collections["doc-harbour-note"] == 3
    paper_ids = index.collection("paper").get(include=[])["ids"]
    assert paper_ids and not any(i.startswith("harbour-note") for i in paper_ids)


def test_citations_name_the_right_document(two_docs):
    a = Assistant(two_docs[0])
    about_note = a.ask("How were crane operators retrained?")
    assert not about_note.abstained
    assert "remote supervisors" in about_note.answer
    assert about_note.citations[0].section.startswith("《Harbour Robotics Field Note》")
    assert about_note.citations[0].section_id == "harbour-note.s2"
    about_paper = a.ask("2021年中国在全球制造业增加值中的占比是多少？")
    assert "30.5%" in about_paper.answer
    assert about_paper.citations
    assert all(not c.section_id.startswith("harbour-note") for c in about_paper.citations)


def test_a_document_passage_that_answers_outranks_the_paper(two_docs):
    a = Assistant(two_docs[0])
    about_note = a.ask("How many automated cranes did the harbour of Vellmar run in 2024?")
    assert about_note.retrieved[0].section_id == "harbour-note.s1"
    assert not about_note.abstained
    assert "41" in about_note.answer
    assert about_note.citations[0].section.startswith("《Harbour Robotics Field Note》 › Cranes")


def test_a_question_can_be_scoped_to_one_document(two_docs):
    a = Assistant(two_docs[0])
    q = "How many automated cranes did the harbour of Vellmar run in 2024?"
    scoped = a.ask(q, document="paper")
    assert scoped.document_filter == "paper"
    assert scoped.retrieved and all(not r.section_id.startswith("harbour-note") for r in scoped.retrieved)
    assert "41" not in scoped.answer
    inside = a.ask("How were crane operators retrained?", document="harbour-note")
    assert inside.retrieved and all(r.section_id.startswith("harbour-note.") for r in inside.retrieved)
    assert "remote supervisors" in inside.answer
    assert a.ask(q, section="harbour-note.s1").citations[0].section_id == "harbour-note.s1"
    with pytest.raises(QuestionError, match="unknown document"):
        a.ask(q, document="nope")
    with pytest.raises(QuestionError, match="not in document"):
        a.ask(q, document="paper", section="harbour-note.s1")
