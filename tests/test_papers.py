"""A second document beside the paper: its own collection, its own citations, its own scope."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.index import build, open_index
from assistant.papers import document_chunks, document_id
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
    assert set(by_section) == {"note.s1", "note.s2", "note.s3"}
    assert by_section["note.s2"].section == "《Harbour Robotics Field Note》 › Cranes"
    assert all(c.doc_id == "note" and c.lang == "en" for c in chunks)
    assert not any("Staffing" in c.text or "Cranes" in c.text for c in chunks)  # headings are labels, not text
    for c in chunks:  # offsets point back into the file
        assert NOTE[c.start : c.end].split()[0] == c.text.split()[0]


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
    about_note = a.ask("How many automated cranes did the harbour of Vellmar run in 2024?")
    assert not about_note.abstained
    assert "41" in about_note.answer
    assert about_note.citations[0].section.startswith("《Harbour Robotics Field Note》")
    about_paper = a.ask("2021年中国在全球制造业增加值中的占比是多少？")
    assert "30.5%" in about_paper.answer
    assert all(c.section_id.startswith("s") for c in about_paper.citations)


def test_a_question_can_be_scoped_to_one_document(two_docs):
    a = Assistant(two_docs[0])
    q = "How many automated cranes did the harbour of Vellmar run in 2024?"
    scoped = a.ask(q, document="paper")
    assert scoped.document_filter == "paper"
    assert all(r.section_id != "harbour-note" and not r.section_id.startswith("harbour-note.")
               for r in scoped.retrieved)
    assert "41" not in scoped.answer
    inside = a.ask("How were crane operators retrained?", document="harbour-note")
    assert {r.section_id for r in inside.retrieved} <= {"harbour-note.s1", "harbour-note.s2", "harbour-note.s3"}
    assert "remote supervisors" in inside.answer
    assert a.ask(q, section="harbour-note.s2").citations[0].section_id == "harbour-note.s2"
    with pytest.raises(QuestionError, match="unknown document"):
        a.ask(q, document="nope")
    with pytest.raises(QuestionError, match="not in document"):
        a.ask(q, document="paper", section="harbour-note.s2")
