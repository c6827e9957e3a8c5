"""The eval report: a Markdown summary (by language, by kind, failures, the guards) and a chart."""

from __future__ import annotations

from pathlib import Path

METRICS = [
    "pass",
    "hit@1",
    "hit@3",
    "hit@5",
    "mrr",
    "fact_recall",
    "fact_recall_text",
    "answers_in_english",
    "citation_recall",
    "citation_precision",
    "citation_relevance",
    "faithfulness",
    "unsupported_claims",
    "false_abstention",
    "abstention_recall",
    "correction_rate",
    "abstention_precision",
    "retrieve_ms_p50",
    "guards_ms_p50",
    "total_ms_p50",
    "total_ms_p95",
]


def fmt(value) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


def guard_table(rows: list[dict]) -> list[dict]:
    """Per guard: the unanswerable questions it refuses (rightly) and the answerable ones it refuses
    (wrongly), counted over every verdict it gave, and how often it was the one that decided."""
    names = list(dict.fromkeys(v["guard"] for r in rows for v in r.get("guard_verdicts") or []))
    out = []
    for name in names:
        right = wrong = decided = 0
        for r in rows:
            verdict = next((v for v in r.get("guard_verdicts") or [] if v["guard"] == name), None)
            if verdict and verdict["abstain"]:
                right += r["expect"] != "answer"
                wrong += r["expect"] == "answer"
            decided += r.get("guard") == name
        out.append(
            {
                "guard": name,
                "rightly": right,
                "wrongly": wrong,
                "decided": decided,
                "unanswerable": sum(r["expect"] != "answer" for r in rows),
                "answerable": sum(r["expect"] == "answer" for r in rows),
            }
        )
    return out


def guard_lines(rows: list[dict]) -> list[str]:
    table = guard_table(rows)
    if not table:
        return []
    lines = [
        "",
        "## Guards",
        "",
        "Each guard's verdict on every question (not only where it decided).",
        "",
        "| guard | refuses rightly (of unanswerable) | refuses wrongly (of answerable) | decided |",
        "|---|---|---|---|",
    ]
    for g in table:
        lines.append(
            f"| {g['guard']} | {g['rightly']} of {g['unanswerable']} | {g['wrongly']} "
            f"of {g['answerable']} | "
            f"{g['decided']} |"
        )
    return lines


def markdown_report(result: dict, name: str, chart: str | None = None) -> str:
    cols = ["overall", "zh", "en"]
    tables = {"overall": result["overall"], **result["by_lang"]}
    extras = (f", query translation {result['translate']}" if result.get("translate") else "") + (
        f", model judge {result['judge']}" if result.get("judge") else ""
    )
    lines = [f"# Eval report: {name} (mode {result['mode']}{extras})", ""]
    if chart:
        lines += [f"![metrics by language and kind, latency]({chart})", ""]
    lines += ["| metric | " + " | ".join(cols) + " |", "|---|" + "---|" * len(cols)]
    for m in ["questions"] + METRICS:
        if any(tables[c].get(m) is not None for c in cols):
            lines.append(f"| {m} | " + " | ".join(fmt(tables[c].get(m)) for c in cols) + " |")
    base = result.get("baseline")
    if base:
        lines += [
            "",
            "## Retrieval next to the naive RAG baseline",
            "",
            "Baseline: RecursiveCharacterTextSplitter 1000/200, Chroma, the same embedder, top-5 dense.",
            "",
            "| lang | metric | ours | baseline |",
            "|---|---|---|---|",
        ]
        for lang, b in base.items():
            for m in ("hit@1", "hit@5", "mrr"):
                lines.append(f"| {lang} | {m} | {fmt(result['by_lang'][lang].get(m))} | {fmt(b.get(m))} |")
    lines += [
        "",
        "## By kind",
        "",
        "| kind | n | pass | hit@5 | fact recall | refused (of unanswerable) |",
        "|---|---|---|---|---|---|",
    ]
    for kind, s in result["by_kind"].items():
        lines.append(
            f"| {kind} | {s['questions']} | {fmt(s.get('pass'))} | {fmt(s.get('hit@5'))} | "
            f"{fmt(s.get('fact_recall'))} | {fmt(s.get('abstention_recall'))} |"
        )
    if result.get("follow_ups"):
        f = result["follow_ups"]
        lines += ["", f"Follow-up turns of conversations: {f['questions']}, pass {fmt(f.get('pass'))}."]
    lines += guard_lines(result["questions"])
    fails = [r for r in result["questions"] if not r["passed"]]
    lines += ["", f"## Failures ({len(fails)}; the first 30)", ""]
    for r in fails[:30]:
        lines.append(f"- **{r['id']}** ({r['lang']}, {r['kind']}, expect {r['expect']}) {r['question']}")
        lines.append(
            f"  - answer ({r.get('answer_kind')}, guard {r.get('guard')}): "
            f"{r['answer'][:240].replace(chr(10), ' ')}"
        )
        for c in r["cited"][:2]:
            lines.append(f"  - [{c['n']}] {c['section']}: {c['quote'][:160]}")
    return "\n".join(lines) + "\n"


def write_chart(result: dict, path: Path) -> None:
    """A PNG: pass rate and quality by language, pass rate by kind, latency by stage."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 3, figsize=(16, 4.8), gridspec_kw={"width_ratios": [3, 3, 1.6]})
    metrics = ["pass", "hit@5", "fact_recall", "citation_recall", "faithfulness", "abstention_recall"]
    width = 0.38
    for k, lang in enumerate(("zh", "en")):
        vals = [result["by_lang"][lang].get(m) or 0 for m in metrics]
        axes[0].bar([i + (k - 0.5) * width for i in range(len(metrics))], vals, width, label=lang)
    axes[0].set_xticks(range(len(metrics)), metrics, rotation=30, ha="right")
    axes[0].set_ylim(0, 1.05)
    axes[0].set_title("by language")
    axes[0].legend(loc="lower left", fontsize=8)
    kinds = list(result["by_kind"])
    axes[1].bar(range(len(kinds)), [result["by_kind"][k].get("pass") or 0 for k in kinds], 0.6)
    axes[1].set_xticks(range(len(kinds)), kinds, rotation=30, ha="right")
    axes[1].set_ylim(0, 1.05)
    axes[1].set_title("pass rate by kind")
    stages = ["retrieve", "guards", "total"]
    o = result["overall"]
    for k, p in enumerate(("p50", "p95")):
        axes[2].bar(
            [i + (k - 0.5) * width for i in range(3)],
            [o.get(f"{s}_ms_{p}", 0) for s in stages],
            width,
            label=p,
        )
    axes[2].set_xticks(range(3), stages)
    axes[2].set_title("latency (ms)")
    axes[2].legend(fontsize=8)
    fig.suptitle(f"{path.stem} · mode {result['mode']} · {o['questions']} questions")
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)
