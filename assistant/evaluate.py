"""The eval runner: ask every question of a set through `Assistant.ask`, score, report.

Metrics (per question, then by language and by kind):
- retrieval: evidence hit@1/@3/@5 and MRR (a retrieved chunk hits when its section
  label or text contains an evidence string);
- fact recall: every `facts` group has an alternative in the answer;
- citation precision: share of citations whose chunk holds evidence or a fact;
- faithfulness: every number in the answer occurs in a cited chunk;
- abstention: unanswerable questions abstained on, answerable ones wrongly abstained on;
- latency p50/p95 of retrieve / answer / total.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from assistant.pipeline import Assistant

RE_NUM = re.compile(r"\d+(?:\.\d+)?%?")


def norm(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def load_set(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except ValueError as exc:
                raise ValueError(f"{path}:{n}: not JSON ({exc})") from exc
    return rows


def score_question(q: dict, answer: dict) -> dict:
    evidence = [norm(e) for e in q.get("evidence", [])]
    facts = q.get("facts", [])
    rank = None
    for i, r in enumerate(answer["retrieved"]):
        if any(e in norm(r["section"] + r["text"]) for e in evidence):
            rank = i
            break
    text = norm(answer["answer"])
    fact_ok = bool(facts) and all(any(norm(a) in text for a in group) for group in facts)
    cited = [norm(c["section"] + c["text"]) for c in answer["citations"]]
    alts = [norm(a) for g in facts for a in g]
    supported = [any(e in c for e in evidence) or any(a in c for a in alts) for c in cited]
    cited_text = "".join(c["text"] for c in answer["citations"])
    body = re.sub(r"\[\d+\]", "", answer["answer"])
    numbers = set(RE_NUM.findall(body))
    unsupported = sorted(n for n in numbers if n not in cited_text)
    return {
        "id": q["id"],
        "lang": q["lang"],
        "kind": q["kind"],
        "answerable": q["answerable"],
        "question": q["question"],
        "answer": answer["answer"],
        "abstained": answer["abstained"],
        "rank": rank,
        "fact_recall": fact_ok,
        "citations": len(cited),
        "citation_precision": (sum(supported) / len(supported)) if supported else None,
        "unsupported_numbers": unsupported,
        "cited": [{"n": c["n"], "section": c["section"], "quote": c["quote"]} for c in answer["citations"]],
        "timings_ms": answer["timings_ms"],
    }


def _mean(values) -> float | None:
    values = [v for v in values if v is not None]
    return round(sum(values) / len(values), 4) if values else None


def summarise(rows: list[dict]) -> dict:
    ans = [r for r in rows if r["answerable"]]
    una = [r for r in rows if not r["answerable"]]
    out: dict = {"questions": len(rows), "answerable": len(ans), "unanswerable": len(una)}
    if ans:
        for k in (1, 3, 5):
            out[f"hit@{k}"] = _mean([r["rank"] is not None and r["rank"] < k for r in ans])
        out["mrr"] = _mean([1 / (r["rank"] + 1) if r["rank"] is not None else 0 for r in ans])
        out["fact_recall"] = _mean([r["fact_recall"] for r in ans])
        out["citation_precision"] = _mean([r["citation_precision"] for r in ans if not r["abstained"]])
        out["faithfulness"] = _mean([not r["unsupported_numbers"] for r in ans if not r["abstained"]])
        out["false_abstention"] = _mean([r["abstained"] for r in ans])
    if una:
        out["abstention_recall"] = _mean([r["abstained"] for r in una])
    abstained = [r for r in rows if r["abstained"]]
    if abstained:
        out["abstention_precision"] = _mean([not r["answerable"] for r in abstained])
    for stage in ("retrieve", "answer", "total"):
        times = sorted(r["timings_ms"].get(stage, 0.0) for r in rows)
        if times:
            out[f"{stage}_ms_p50"] = round(statistics.median(times), 2)
            out[f"{stage}_ms_p95"] = round(times[min(len(times) - 1, int(0.95 * len(times)))], 2)
    return out


def run_eval(
    assistant: Assistant,
    questions: list[dict],
    mode: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict:
    rows = []
    t0 = time.perf_counter()
    for i, q in enumerate(questions, 1):
        answer = assistant.ask(q["question"], mode=mode, section=q.get("section")).model_dump()
        rows.append(score_question(q, answer))
        if progress:
            progress(i, len(questions))
    result = {
        "mode": mode or assistant.settings.answer.mode,
        "seconds": round(time.perf_counter() - t0, 2),
        "overall": summarise(rows),
        "by_lang": {lang: summarise([r for r in rows if r["lang"] == lang]) for lang in ("zh", "en")},
        "by_kind": {k: summarise([r for r in rows if r["kind"] == k]) for k in sorted({r["kind"] for r in rows})},
        "questions": rows,
    }
    return result


def check_gate(overall: dict, thresholds: dict[str, float]) -> list[str]:
    """Metric names below their threshold (for lower-is-better metrics, above it)."""
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


METRICS = [
    "hit@1", "hit@3", "hit@5", "mrr", "fact_recall", "citation_precision", "faithfulness",
    "false_abstention", "abstention_recall", "abstention_precision", "total_ms_p50", "total_ms_p95",
]


def markdown_report(result: dict, name: str) -> str:
    cols = ["overall", "zh", "en"]
    tables = {"overall": result["overall"], **result["by_lang"]}
    lines = [f"# Eval report: {name} (mode {result['mode']})", ""]
    lines += ["| metric | " + " | ".join(cols) + " |", "|---|" + "---|" * len(cols)]
    for m in ["questions"] + METRICS:
        lines.append(f"| {m} | " + " | ".join(str(tables[c].get(m, "–")) for c in cols) + " |")
    lines += ["", "## By kind", "", "| kind | n | hit@5 | fact recall | abstention recall |", "|---|---|---|---|---|"]
    for kind, s in result["by_kind"].items():
        lines.append(
            f"| {kind} | {s['questions']} | {s.get('hit@5', '–')} | {s.get('fact_recall', '–')} | "
            f"{s.get('abstention_recall', '–')} |"
        )
    fails = [
        r for r in result["questions"]
        if (r["answerable"] and (not r["fact_recall"] or r["abstained"])) or (not r["answerable"] and not r["abstained"])
    ]
    lines += ["", f"## Failures ({len(fails)})", ""]
    for r in fails[:25]:
        lines.append(f"- **{r['id']}** ({r['lang']}, {r['kind']}) {r['question']}")
        lines.append(f"  - answer: {r['answer'][:240].replace(chr(10), ' ')}")
        for c in r["cited"][:2]:
            lines.append(f"  - [{c['n']}] {c['section']}: {c['quote'][:160]}")
    return "\n".join(lines) + "\n"
