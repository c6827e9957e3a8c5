"""The eval runner: every question of a set through `Assistant.ask`, scored and summed up.

A conversation row asks its turns in order, each with the real earlier answers as history. With
`guards`, every guard's verdict on every question is recorded as well (not only the one that
decided), for the per-guard table of `assistant.evaluation.report`. Every answer is kept in the
result, so a run can be re-scored without asking again.
"""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Callable

from assistant.evaluation.scoring import score_turn, summarise
from assistant.pipeline import Assistant
from assistant.question.followup import Turn
from assistant.settings import REPO_ROOT


def _turns(row: dict) -> list[tuple[str, dict]]:
    n = len(row["turns"])
    return [(row["id"] if n == 1 else f"{row['id']}#{k + 1}", t) for k, t in enumerate(row["turns"])]


def ask_row(
    assistant: Assistant, row: dict, mode: str | None, document: str | None, guards: bool
) -> list[dict]:
    """The answers to a row's turns, each with its guard verdicts when asked for."""
    history: list[Turn] = []
    out = []
    for _, turn in _turns(row):
        answer = assistant.ask(
            turn["question"], mode=mode, section=row.get("scope"), history=history, document=document
        ).model_dump()
        if guards:
            answer["guard_verdicts"] = assistant.guard_verdicts(
                turn["question"], row.get("scope"), document, history
            )
        out.append(answer)
        history = [
            *history,
            Turn(role="user", content=turn["question"]),
            Turn(role="assistant", content=answer["answer"]),
        ]
    return out


def rows_of(questions: list[dict], answers: list[list[dict]], lexicon=None) -> list[dict]:
    rows = []
    for row, got in zip(questions, answers, strict=True):
        for k, ((ident, turn), answer) in enumerate(zip(_turns(row), got, strict=True)):
            score = score_turn(turn, answer, lexicon)
            rows.append(
                {
                    "id": ident,
                    "lang": row["lang"],
                    "kind": row["kind"],
                    "expect": turn["expect"],
                    "turn": k + 1,
                    "question": turn["question"],
                    "answer": answer["answer"],
                    "abstained": answer["abstained"],
                    "notice": answer.get("notice"),
                    "guard": answer.get("guard"),
                    "answer_kind": answer.get("kind"),
                    "has_evidence": bool(turn.get("evidence")),
                    "has_facts": bool(turn.get("facts")),
                    "timings_ms": answer["timings_ms"],
                    "guard_verdicts": answer.get("guard_verdicts"),
                    "cited": [
                        {
                            "n": c["n"],
                            "section": c["section"],
                            "quote": c["quote"],
                            "quote_en": c.get("quote_en"),
                        }
                        for c in answer["citations"]
                    ],
                    **score,
                }
            )
    return rows


def assemble(
    questions: list[dict], answers: list[list[dict]], mode: str, seconds: float, lexicon=None
) -> dict:
    rows = rows_of(questions, answers, lexicon)
    conversations = [r for r in rows if r["kind"] == "conversation"]
    return {
        "mode": mode,
        "seconds": seconds,
        "overall": summarise(rows),
        "by_lang": {lang: summarise([r for r in rows if r["lang"] == lang]) for lang in ("zh", "en")},
        "by_kind": {
            k: summarise([r for r in rows if r["kind"] == k]) for k in sorted({r["kind"] for r in rows})
        },
        "follow_ups": summarise([r for r in conversations if r["turn"] > 1]) if conversations else None,
        "questions": rows,
        "answers": answers,
    }


def run_eval(
    assistant: Assistant,
    questions: list[dict],
    mode: str | None = None,
    document: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    guards: bool = False,
) -> dict:
    if questions:  # one untimed warm-up: load the embedder, tokenizer and model before measuring
        assistant.ask(questions[0]["turns"][0]["question"], mode=mode, document=document)
    t0 = time.perf_counter()
    answers = []
    for i, row in enumerate(questions, 1):
        answers.append(ask_row(assistant, row, mode, row.get("document") or document, guards))
        if progress:
            progress(i, len(questions))
    mode = mode or assistant.settings.answer.mode
    result = assemble(questions, answers, mode, round(time.perf_counter() - t0, 2), assistant.index.lexicon)
    if assistant.settings.translate.mode != "off":
        result["translate"] = assistant.settings.translate.mode
    if assistant.settings.judge.mode != "off":
        result["judge"] = assistant.settings.judge.mode
    if guards:
        result["guards"] = list(assistant.settings.guards.enabled)
    return result


def rescore(result: dict, questions: list[dict], lexicon: dict | None = None) -> dict:
    """Score the answers recorded in an earlier result again (no model is asked)."""
    if len(result["answers"]) != len(questions) or any(
        len(a) != len(q["turns"]) or a[-1]["question"] != " ".join(q["turns"][-1]["question"].split())
        for a, q in zip(result["answers"], questions, strict=False)
    ):
        raise ValueError("the recorded run answered other questions than this set asks")
    again = assemble(questions, result["answers"], result["mode"], result["seconds"], lexicon)
    for k in ("translate", "judge", "guards"):
        if result.get(k):
            again[k] = result[k]
    return again


def run_baseline(questions: list[dict], settings) -> dict:
    """Retrieval metrics of the naive RAG baseline in evals/baseline.py, by language."""
    path = REPO_ROOT / "evals" / "baseline.py"
    spec = importlib.util.spec_from_file_location("evals_baseline", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"the baseline is missing: {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = {}
    for lang in ("zh", "en"):
        ranks = module.baseline_ranks([q for q in questions if q["lang"] == lang], settings)
        if ranks:
            out[lang] = {f"hit@{k}": _mean([r is not None and r < k for r in ranks]) for k in (1, 3, 5)}
            out[lang]["mrr"] = _mean([1 / (r + 1) if r is not None else 0 for r in ranks])
    return out


def _mean(values) -> float | None:
    values = list(values)
    return round(sum(values) / len(values), 4) if values else None


def check_gate(overall: dict, thresholds: dict[str, float]) -> list[str]:
    """Metric names below their threshold (for `max_` metrics, above it)."""
    failures = []
    for name, limit in thresholds.items():
        value = overall.get(name.removeprefix("max_"))
        if value is None:
            failures.append(f"{name}: not measured")
        elif name.startswith("max_") and value > limit:
            failures.append(f"{name.removeprefix('max_')} = {value} > {limit}")
        elif not name.startswith("max_") and value < limit:
            failures.append(f"{name} = {value} < {limit}")
    return failures
