"""The eval runner: sets are well formed and grounded in their documents, scoring, reports, gates."""

import json

import pytest

from assistant.answer.claims import claims
from assistant.evaluation.runner import check_gate, rescore, run_eval
from assistant.evaluation.scoring import score_turn
from assistant.evaluation.sets import load_set, manifest
from assistant.settings import REPO_ROOT

SETS = manifest()


def source_of(info) -> str:
    if info.document:
        return (REPO_ROOT / info.documents / f"{info.document}.md").read_text(encoding="utf-8")
    return (REPO_ROOT / "corpus" / "paper.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_set_is_well_formed_and_grounded_in_its_document(name):
    info = SETS[name]
    text = source_of(info)
    rows = load_set(REPO_ROOT / info.file)
    assert rows and len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert r["lang"] in ("zh", "en") and r["expect"] in ("answer", "abstain", "correct")
        for turn in r["turns"]:
            for e in turn["evidence"]:
                assert e in text, (r["id"], e)
            if turn["expect"] == "answer" and not name.startswith("paper-dev-amounts"):
                assert turn["evidence"] or turn["facts"], r["id"]


def test_ids_are_unique_across_sets():
    """An id names one question: a set that reuses another's rows (paper-test-llm) keeps them as they are."""
    seen: dict[str, tuple[str, str]] = {}
    for name, info in SETS.items():
        for r in load_set(REPO_ROOT / info.file):
            question = json.dumps(r.get("turns") or r["question"], ensure_ascii=False)
            assert r["id"] not in seen or seen[r["id"]][1] == question, (r["id"], name, seen[r["id"]][0])
            seen[r["id"]] = (name, question)


def test_scoring_of_one_answer():
    q = {"expect": "answer", "evidence": ["占比30.5%"], "facts": [["30.5%"]]}
    answer = {
        "answer": "占比30.5%（World Bank, [2025]）。[1]又是99%，据IMF。[1]无出处的一句。",
        "abstained": False,
        "lang": "zh",
        "timings_ms": {"total": 1.0},
        "retrieved": [{"section": "s", "text": "别的"}, {"section": "s", "text": "占比30.5%。"}],
        "citations": [{"n": 1, "section": "s", "text": "占比30.5%（World Bank, [2025]）。", "quote": "…"}],
    }
    row = score_turn(q, answer)
    assert row["rank"] == 1 and row["fact_recall"] and row["passed"]
    assert row["citation_recall"] == 1 / 3  # the [2025] inside the quote is not a marker
    assert [u["missing"] for u in row["unsupported"]] == [["99%", "IMF"], ["no citation"]]


def test_a_correction_passes_a_false_premise_and_a_refusal_does_not():
    q = {"expect": "correct", "evidence": [], "facts": [["7.4"]]}
    base = {
        "lang": "en",
        "timings_ms": {},
        "retrieved": [],
        "citations": [{"n": 1, "section": "s", "text": "fell 7.4 points", "quote": "fell 7.4 points"}],
    }
    corrected = score_turn(
        q,
        {
            **base,
            "answer": "The premise is wrong … fell 7.4 points.[1]",
            "abstained": False,
            "premise_rejected": "it rose",
        },
    )
    refused = score_turn(q, {**base, "answer": "The paper does not say.", "abstained": True, "citations": []})
    assert corrected["passed"] and corrected["refused"] and not refused["passed"] and refused["refused"]


def test_claims_split_on_real_markers_only():
    text = "From the paper (quoted in the original Chinese):\n甲(World Bank, [2025])。[1][2]\n乙。[2]"
    assert claims(text, {1, 2}) == [("甲(World Bank, [2025])。", [1, 2]), ("乙。", [2])]


def test_a_conversation_is_asked_turn_by_turn_and_rescored(assistant):
    rows = [r for r in load_set(REPO_ROOT / SETS["paper-reading-dev"].file) if r["kind"] == "conversation"][
        :2
    ]
    result = run_eval(assistant, rows, guards=True)
    turns = [q for q in result["questions"]]
    assert len(turns) == sum(len(r["turns"]) for r in rows) and turns[1]["id"].endswith("#2")
    assert all(len(q["guard_verdicts"]) == len(assistant.settings.guards.enabled) for q in turns)
    assert rescore(json.loads(json.dumps(result)), rows)["overall"] == result["overall"]


def test_gate_reports_what_falls_short():
    assert check_gate(
        {"hit@5": 0.9, "false_abstention": 0.2}, {"hit@5": 0.95, "max_false_abstention": 0.1}
    ) == [
        "hit@5 = 0.9 < 0.95",
        "false_abstention = 0.2 > 0.1",
    ]
