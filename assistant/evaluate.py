"""The eval runner: ask every question of a set through `Assistant.ask`, score, report.

Metrics (per question, then by language and by kind):
- retrieval: evidence hit@1/@3/@5 and MRR (a retrieved chunk hits when its section
  label or text contains an evidence string);
- fact recall: every `facts` group has an alternative in the answer;
- citations, ALCE-style, over the answer's claims (a claim = a sentence with the
  markers that follow it): citation recall = share of claims with a citation that
  supports them; citation precision = share of citations that support the claim
  citing them or hold the evidence; citation relevance = share of citations that
  hold the question's evidence or a fact (stricter: a cited passage can be true but
  beside the point);
- faithfulness: every number, year, percentage and named entity (Latin names and
  acronyms, 《titles》, “quoted terms”) of a claim occurs in the passages it cites;
  claims with unsupported content are counted and listed;
- abstention: precision/recall on unanswerable questions, false abstentions;
- latency p50/p95 of retrieve / answer / total.

Every answer is kept in the result, so a run can be re-scored without asking again.
"""

from __future__ import annotations

import importlib.util
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from assistant.claims import claims, missing_specifics, norm, supports
from assistant.pipeline import Assistant
from assistant.settings import REPO_ROOT


def load_set(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except ValueError as exc:
                raise ValueError(f"{path}:{n}: not JSON ({exc})") from exc
    return rows


def score_question(q: dict, answer: dict, lexicon: dict | None = None) -> dict:
    evidence = [norm(e) for e in q.get("evidence", [])]
    facts = q.get("facts", [])
    rank = next(
        (i for i, r in enumerate(answer["retrieved"]) if any(e in norm(r["section"] + r["text"]) for e in evidence)),
        None,
    )
    text = norm(answer["answer"])
    fact_ok = bool(facts) and all(any(norm(a) in text for a in group) for group in facts)
    by_n = {c["n"]: c for c in answer["citations"]}
    alts = [norm(a) for g in facts for a in g]
    relevant = [
        any(e in norm(c["section"] + c["text"]) for e in evidence) or any(a in norm(c["text"]) for a in alts)
        for c in answer["citations"]
    ]
    found_claims = [] if answer["abstained"] else claims(answer["answer"], set(by_n))
    claim_ok, unsupported, used = [], [], {}
    for claim, marks in found_claims:
        passages = [by_n[n]["text"] for n in marks if n in by_n]
        ok = [n for n in marks if n in by_n and supports(by_n[n]["text"], claim)]
        claim_ok.append(bool(ok))
        for n in marks:
            used[n] = used.get(n, False) or n in ok
        missing = missing_specifics(claim, " ".join(passages), lexicon)
        if missing or not passages:
            unsupported.append({"claim": claim[:200], "missing": missing or ["no citation"]})
    precise = [used.get(c["n"], False) or rel for c, rel in zip(answer["citations"], relevant, strict=True)]
    return {
        "id": q["id"],
        "lang": q["lang"],
        "kind": q["kind"],
        "answerable": q["answerable"],
        "question": q["question"],
        "answer": answer["answer"],
        "abstained": answer["abstained"],
        "notice": answer.get("notice"),
        "rank": rank,
        "fact_recall": fact_ok,
        "citations": len(answer["citations"]),
        "citation_recall": (sum(claim_ok) / len(claim_ok)) if claim_ok else None,
        "citation_precision": (sum(precise) / len(precise)) if precise else None,
        "citation_relevance": (sum(relevant) / len(relevant)) if relevant else None,
        "unsupported": unsupported,
        "cited": [{"n": c["n"], "section": c["section"], "quote": c["quote"]} for c in answer["citations"]],
        "timings_ms": answer["timings_ms"],
    }


def _mean(values) -> float | None:
    values = [v for v in values if v is not None]
    return round(sum(values) / len(values), 4) if values else None


def summarise(rows: list[dict]) -> dict:
    ans = [r for r in rows if r["answerable"]]
    una = [r for r in rows if not r["answerable"]]
    answered = [r for r in ans if not r["abstained"]]
    out: dict = {"questions": len(rows), "answerable": len(ans), "unanswerable": len(una)}
    if ans:
        for k in (1, 3, 5):
            out[f"hit@{k}"] = _mean([r["rank"] is not None and r["rank"] < k for r in ans])
        out["mrr"] = _mean([1 / (r["rank"] + 1) if r["rank"] is not None else 0 for r in ans])
        out["fact_recall"] = _mean([r["fact_recall"] for r in ans])
        out["false_abstention"] = _mean([r["abstained"] for r in ans])
    if answered:
        for m in ("citation_recall", "citation_precision", "citation_relevance"):
            out[m] = _mean([r[m] for r in answered])
        out["faithfulness"] = _mean([not r["unsupported"] for r in answered])
        out["unsupported_claims"] = sum(len(r["unsupported"]) for r in answered)
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


def assemble(questions: list[dict], answers: list[dict], mode: str, seconds: float, lexicon=None) -> dict:
    rows = [score_question(q, a, lexicon) for q, a in zip(questions, answers, strict=True)]
    return {
        "mode": mode,
        "seconds": seconds,
        "overall": summarise(rows),
        "by_lang": {lang: summarise([r for r in rows if r["lang"] == lang]) for lang in ("zh", "en")},
        "by_kind": {k: summarise([r for r in rows if r["kind"] == k]) for k in sorted({r["kind"] for r in rows})},
        "questions": rows,
        "answers": answers,
    }


def run_eval(
    assistant: Assistant,
    questions: list[dict],
    mode: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict:
    answers = []
    if questions:  # one untimed warm-up: load the embedder, tokenizer and model before measuring
        assistant.ask(questions[0]["question"], mode=mode)
    t0 = time.perf_counter()
    for i, q in enumerate(questions, 1):
        answers.append(assistant.ask(q["question"], mode=mode, section=q.get("section")).model_dump())
        if progress:
            progress(i, len(questions))
    mode = mode or assistant.settings.answer.mode
    result = assemble(questions, answers, mode, round(time.perf_counter() - t0, 2), assistant.index.lexicon)
    if assistant.settings.translate.mode != "off":
        result["translate"] = assistant.settings.translate.mode
    if mode == "grounded" and assistant.settings.judge.mode != "off":
        result["judge"] = assistant.settings.judge.mode
    return result


def rescore(result: dict, questions: list[dict], lexicon: dict | None = None) -> dict:
    """Score the answers recorded in an earlier result again (no model is asked)."""
    recorded = {a["question"]: a for a in result["answers"]}
    missing = [q["id"] for q in questions if q["question"] not in recorded]
    if missing:
        raise ValueError(f"the recorded run has no answer for {', '.join(missing[:5])}")
    answers = [recorded[q["question"]] for q in questions]
    again = assemble(questions, answers, result["mode"], result["seconds"], lexicon)
    for k in ("translate", "judge"):
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
    "hit@1", "hit@3", "hit@5", "mrr", "fact_recall", "citation_recall", "citation_precision",
    "citation_relevance", "faithfulness", "unsupported_claims", "false_abstention", "abstention_recall",
    "abstention_precision", "retrieve_ms_p50", "retrieve_ms_p95", "total_ms_p50", "total_ms_p95",
]


def _fmt(value) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


def markdown_report(result: dict, name: str, chart: str | None = None) -> str:
    cols = ["overall", "zh", "en"]
    tables = {"overall": result["overall"], **result["by_lang"]}
    judged = (f", query translation {result['translate']}" if result.get("translate") else "") + (
        f", answerability judge {result['judge']}" if result.get("judge") else "")
    lines = [f"# Eval report: {name} (mode {result['mode']}{judged})", ""]
    if chart:
        lines += [f"![metrics by language and kind, latency]({chart})", ""]
    lines += ["| metric | " + " | ".join(cols) + " |", "|---|" + "---|" * len(cols)]
    for m in ["questions"] + METRICS:
        lines.append(f"| {m} | " + " | ".join(_fmt(tables[c].get(m)) for c in cols) + " |")
    base = result.get("baseline")
    if base:
        lines += ["", "## Retrieval next to the naive RAG baseline", "",
                  "Baseline: RecursiveCharacterTextSplitter 1000/200, Chroma, the same embedder, top-5 dense.", "",
                  "| lang | metric | ours | baseline | ratio |", "|---|---|---|---|---|"]
        for lang, b in base.items():
            for m in ("hit@1", "hit@3", "hit@5", "mrr"):
                ours = result["by_lang"][lang].get(m)
                ratio = f"{ours / b[m]:.2f}×" if ours is not None and b.get(m) else "–"
                lines.append(f"| {lang} | {m} | {_fmt(ours)} | {_fmt(b.get(m))} | {ratio} |")
    lines += ["", "## By kind", "", "| kind | n | hit@5 | fact recall | citation recall | abstention recall |",
              "|---|---|---|---|---|---|"]
    for kind, s in result["by_kind"].items():
        lines.append(
            f"| {kind} | {s['questions']} | {_fmt(s.get('hit@5'))} | {_fmt(s.get('fact_recall'))} | "
            f"{_fmt(s.get('citation_recall'))} | {_fmt(s.get('abstention_recall'))} |"
        )
    fails = [
        r for r in result["questions"]
        if (r["answerable"] and (not r["fact_recall"] or r["abstained"])) or (not r["answerable"] and not r["abstained"])
    ]
    lines += ["", f"## Failures ({len(fails)}; the first 25)", ""]
    for r in fails[:25]:
        lines.append(f"- **{r['id']}** ({r['lang']}, {r['kind']}) {r['question']}")
        lines.append(f"  - answer: {r['answer'][:240].replace(chr(10), ' ')}")
        for c in r["cited"][:2]:
            lines.append(f"  - [{c['n']}] {c['section']}: {c['quote'][:160]}")
    unsupported = [(r["id"], u) for r in result["questions"] for u in r["unsupported"]]
    lines += ["", f"## Claims with unsupported content ({len(unsupported)})", ""]
    for qid, u in unsupported[:25]:
        lines.append(f"- **{qid}** {u['claim'][:160]} — missing: {', '.join(u['missing'])}")
    return "\n".join(lines) + "\n"


def write_chart(result: dict, path: Path) -> None:
    """A PNG: quality metrics by language, fact recall and hit@5 by kind, latency by stage."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 3, figsize=(16, 4.8), gridspec_kw={"width_ratios": [3, 3, 1.6]})
    metrics = ["hit@5", "mrr", "fact_recall", "citation_recall", "citation_relevance", "faithfulness",
               "abstention_recall"]
    width = 0.38
    for k, lang in enumerate(("zh", "en")):
        vals = [result["by_lang"][lang].get(m) or 0 for m in metrics]
        axes[0].bar([i + (k - 0.5) * width for i in range(len(metrics))], vals, width, label=lang)
    if result.get("baseline"):
        for k, lang in enumerate(("zh", "en")):
            b = result["baseline"].get(lang, {}).get("hit@5")
            if b is not None:
                axes[0].plot([(k - 0.5) * width], [b], "kx", markersize=9,
                             label="naive RAG baseline hit@5" if k == 0 else None)
    axes[0].set_xticks(range(len(metrics)), metrics, rotation=30, ha="right")
    axes[0].set_ylim(0, 1.05)
    axes[0].set_title("by language")
    axes[0].legend(loc="lower left", fontsize=8)
    kinds = [k for k, s in result["by_kind"].items() if s.get("answerable")]
    for k, m in enumerate(("hit@5", "fact_recall")):
        vals = [result["by_kind"][kind].get(m) or 0 for kind in kinds]
        axes[1].bar([i + (k - 0.5) * width for i in range(len(kinds))], vals, width, label=m)
    axes[1].set_xticks(range(len(kinds)), kinds, rotation=30, ha="right")
    axes[1].set_ylim(0, 1.05)
    axes[1].set_title("by kind (answerable questions)")
    axes[1].legend(loc="lower left", fontsize=8)
    stages = ["retrieve", "answer", "total"]
    o = result["overall"]
    for k, p in enumerate(("p50", "p95")):
        axes[2].bar([i + (k - 0.5) * width for i in range(3)], [o.get(f"{s}_ms_{p}", 0) for s in stages], width,
                    label=p)
    axes[2].set_xticks(range(3), stages)
    axes[2].set_title("latency (ms)")
    axes[2].legend(fontsize=8)
    fig.suptitle(f"{path.stem} · mode {result['mode']} · {o['questions']} questions")
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)
