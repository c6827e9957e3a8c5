import json
import shutil

import pytest

from assistant.corpus.loader import (
    CorpusError,
    load_corpus,
    manifest_from_paper,
    read_manifest,
    read_reference_text,
)
from assistant.settings import REPO_ROOT, CorpusSettings, Settings


def test_repo_manifest_matches_the_parsed_bibliography(paper):
    on_disk = read_manifest(REPO_ROOT / "corpus" / "manifest.json")
    assert on_disk is not None
    fresh = manifest_from_paper(paper, "paper.txt", on_disk)
    assert fresh == on_disk
    assert on_disk.references[11].key == "[12] 朱锋 2023"


@pytest.fixture
def own_corpus(tmp_path, paper):
    """A corpus folder with the paper and two reference texts a user dropped in."""
    root = tmp_path / "corpus"
    refs = root / "references"
    refs.mkdir(parents=True)
    shutil.copy(REPO_ROOT / "corpus" / "paper.txt", root / "paper.txt")
    manifest = manifest_from_paper(paper, "paper.txt")
    manifest.references[16].file = "eaton-kortum.html"  # [17], linked by the manifest
    (root / "manifest.json").write_text(manifest.model_dump_json(), encoding="utf-8")
    (refs / "eaton-kortum.html").write_text(
        "<html><body><h1>Test document</h1><p>Trade costs shape the geography of production. "
        "Distance matters.</p><script>ignored()</script><p>Second paragraph here.</p></body></html>",
        encoding="utf-8",
    )
    (refs / "12-test-note.md").write_text("测试文档第一段。它只用于测试。\n\n第二段。", encoding="utf-8")
    (refs / "stray.txt").write_text("not linked", encoding="utf-8")
    return root


def test_reference_texts_are_chunked_and_cite_their_entry(own_corpus):
    settings = Settings(
        corpus=CorpusSettings(
            paper=own_corpus / "paper.txt",
            manifest=own_corpus / "manifest.json",
            references_dir=own_corpus / "references",
        )
    )
    corpus = load_corpus(settings)
    ref = [c for c in corpus.chunks if c.kind == "reference-text"]
    by_ref = {c.ref for c in ref}
    assert by_ref == {12, 17}
    eaton = [c for c in ref if c.ref == 17]
    assert eaton[0].section == "[17] Eaton 2002" and eaton[0].section_id == "ref17"
    assert "Trade costs shape the geography of production." in eaton[1].text
    assert not any("ignored()" in c.text for c in eaton)
    zhu = [c for c in ref if c.ref == 12]
    assert zhu[0].section == "[12] 朱锋 2023" and zhu[0].lang == "zh"
    assert any("stray.txt" in w for w in corpus.warnings)


def test_missing_linked_file_is_a_warning(own_corpus, paper):
    manifest = json.loads((own_corpus / "manifest.json").read_text(encoding="utf-8"))
    manifest["references"][0]["file"] = "missing.pdf"
    (own_corpus / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    settings = Settings(
        corpus=CorpusSettings(
            paper=own_corpus / "paper.txt",
            manifest=own_corpus / "manifest.json",
            references_dir=own_corpus / "references",
        )
    )
    assert any("missing.pdf" in w for w in load_corpus(settings).warnings)


def test_bad_inputs_are_clear_errors(tmp_path):
    (tmp_path / "m.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(CorpusError, match="not a valid reference manifest"):
        read_manifest(tmp_path / "m.json")
    (tmp_path / "x.pdf").write_bytes(b"not a pdf")
    with pytest.raises(CorpusError, match="x.pdf"):
        read_reference_text(tmp_path / "x.pdf")
    with pytest.raises(CorpusError, match="missing"):
        load_corpus(Settings(corpus=CorpusSettings(paper=tmp_path / "nope.txt")))
