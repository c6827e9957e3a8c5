"""The index fingerprint covers the added documents and the translated editions: a file dropped into
(or removed from) the documents folder or a translations folder makes the served build stale, and
`assistant ingest` rebuilds it with (or without) that file."""

from __future__ import annotations

import json
import shutil

import pytest

from assistant.corpus.edition import EditionRow, write_rows
from assistant.corpus.units import unit_key
from assistant.index.build import build
from assistant.index.fingerprint import fingerprint_parts, read_info, status
from assistant.index.open import open_index
from assistant.settings import REPO_ROOT, CorpusSettings, EditionSettings, Settings

from ..conftest import run_cli

# A made-up note written for this test; nothing in it comes from the paper.
NOTE = """# Orchard Drone Survey

## Pollination

Forty-two drones pollinated the pear orchards of Quellbrook in 2023.

## Upkeep

Each drone's batteries were replaced every nine weeks.
"""
UPKEEP = "Each drone's batteries were replaced every nine weeks."
UPKEEP_ZH = "每架无人机的电池每九周更换一次。"


def corpus_settings(root, data_dir) -> Settings:
    """The repository's paper and manifest, with this test's own (initially empty) folders."""
    for name in ("documents", "translations", "references"):
        (root / name).mkdir(parents=True, exist_ok=True)
    return Settings(
        data_dir=data_dir,
        corpus=CorpusSettings(
            paper=REPO_ROOT / "corpus" / "paper.txt",
            manifest=REPO_ROOT / "corpus" / "manifest.json",
            references_dir=root / "references",
            documents_dir=root / "documents",
        ),
        edition=EditionSettings(translations_dir=root / "translations"),
    )


def cli_env(s: Settings) -> dict[str, str]:
    """The same settings for an `assistant` subprocess."""
    return {
        "ASSISTANT_CORPUS__PAPER": str(s.corpus.paper),
        "ASSISTANT_CORPUS__MANIFEST": str(s.corpus.manifest),
        "ASSISTANT_CORPUS__REFERENCES_DIR": str(s.corpus.references_dir),
        "ASSISTANT_CORPUS__DOCUMENTS_DIR": str(s.corpus.documents_dir),
        "ASSISTANT_EDITION__TRANSLATIONS_DIR": str(s.edition.translations_dir),
    }


def test_parts_follow_document_and_translation_files(tmp_path):
    s = corpus_settings(tmp_path, tmp_path / "data")
    docs, translations = s.corpus.documents_dir, s.edition.translations_dir
    empty = fingerprint_parts(s)
    (docs / "orchard.md").write_text(NOTE, encoding="utf-8")
    added = fingerprint_parts(s)
    assert added["documents"] != empty["documents"]
    assert {**added, "documents": ""} == {**empty, "documents": ""}  # nothing else changed
    (docs / "orchard.md").write_text(NOTE.replace("Forty-two", "Forty-three"), encoding="utf-8")
    edited = fingerprint_parts(s)
    assert edited["documents"] not in (empty["documents"], added["documents"])  # the contents are hashed
    (docs / "orchard.md").rename(docs / "orchards.md")
    renamed = fingerprint_parts(s)
    assert renamed["documents"] != edited["documents"]  # and the file names
    (docs / ".orchards.md.swp").write_bytes(b"an editor's scratch file")
    assert fingerprint_parts(s) == renamed  # hidden files are no documents
    (docs / "orchards.md").unlink()
    (docs / ".orchards.md.swp").unlink()
    assert fingerprint_parts(s) == empty  # removing the file takes the index back to where it was

    (translations / "paper.en.jsonl").write_text("{}\n", encoding="utf-8")  # the paper's edition
    paper_edition = fingerprint_parts(s)
    assert paper_edition["editions"] != empty["editions"] and paper_edition["documents"] == empty["documents"]
    (translations / "paper.en.jsonl").unlink()
    (docs / "translations").mkdir()  # an added document's edition lives beside it
    (docs / "translations" / "orchard.zh.jsonl").write_text("{}\n", encoding="utf-8")
    doc_edition = fingerprint_parts(s)
    assert doc_edition["editions"] not in (empty["editions"], paper_edition["editions"])
    assert doc_edition["documents"] == empty["documents"]  # a translation is no document


@pytest.fixture(scope="module")
def base_index(tmp_path_factory):
    """An index of the paper alone, built once; each test serves a copy of it."""
    root = tmp_path_factory.mktemp("fingerprint-base")
    s = corpus_settings(root, root / "data")
    build(s)
    return s.index_dir


def test_a_dropped_document_is_ingested_and_a_removed_one_dropped(base_index, tmp_path):
    s = corpus_settings(tmp_path, tmp_path / "data")
    shutil.copytree(base_index, s.index_dir)
    env = cli_env(s)
    assert status(s) == "ready"  # empty folders elsewhere: the same corpus, the same fingerprint
    first = read_info(s)
    assert first.documents == {}

    (s.corpus.documents_dir / "Orchard Survey.md").write_text(NOTE, encoding="utf-8")
    assert status(s) == "stale"
    done = run_cli(["ingest"], s.data_dir, **env)
    assert done.returncode == 0, done.stderr
    assert "nothing to do" not in done.stdout and "indexed" in done.stdout
    assert status(s) == "ready"
    added = open_index(s)
    assert added.info.build != first.build
    assert added.info.documents == {"orchard-survey": "Orchard Drone Survey"}
    ours = {cid: c for cid, c in added.chunks.items() if c.doc_id == "orchard-survey"}
    assert {c.section_id for c in ours.values()} == {"orchard-survey.s1", "orchard-survey.s2"}
    assert any("Forty-two drones" in c.text for c in ours.values())
    assert added.collection("doc-orchard-survey").count() == len(ours)
    assert added.info.chunks == first.chunks + len(ours)

    # its translation, where `assistant translate` puts an added document's edition
    row = EditionRow(
        id="orchard-survey.s2:p0:c0#0",
        key=unit_key(UPKEEP),
        kind="sentence",
        source=UPKEEP,
        text=UPKEEP_ZH,
        lang="zh",
        model="test",
        prompt="test",
    )
    write_rows(s.corpus.documents_dir / "translations" / "orchard-survey.zh.jsonl", [row])
    assert status(s) == "stale"
    done = run_cli(["ingest"], s.data_dir, **env)
    assert done.returncode == 0, done.stderr
    translated = open_index(s)
    assert translated.info.editions == {"zh": 1}
    (upkeep,) = [cid for cid, c in translated.chunks.items() if c.text == UPKEEP]
    assert translated.editions[upkeep].text == UPKEEP_ZH and translated.editions[upkeep].lang == "zh"

    shutil.rmtree(s.corpus.documents_dir / "translations")
    (s.corpus.documents_dir / "Orchard Survey.md").unlink()
    assert status(s) == "stale"
    done = run_cli(["ingest"], s.data_dir, **env)
    assert done.returncode == 0, done.stderr
    gone = open_index(s)
    assert gone.info.documents == {} and gone.info.editions == {}
    assert not [cid for cid, c in gone.chunks.items() if c.doc_id == "orchard-survey"]
    assert "doc-orchard-survey" not in gone.info.collections
    assert gone.info.chunks == first.chunks and gone.info.fingerprint == first.fingerprint
    with (gone.path / "chunks.jsonl").open(encoding="utf-8") as f:
        assert not any(json.loads(line)["doc_id"] == "orchard-survey" for line in f)
    again = run_cli(["ingest"], s.data_dir, **env)
    assert again.returncode == 0 and "nothing to do" in again.stdout
