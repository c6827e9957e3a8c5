"""Latency of grounded answers on this machine: whole answer p50 / p95 per language over a question
set (and each stage's share), and cold `assistant ask` (process start to answer, the index built).

    .venv/bin/python benchmarks/latency.py                           # paper-dev, 2 rounds, 6 cold runs
    .venv/bin/python benchmarks/latency.py --set paper-holdout-en --rounds 4 --cold 10

Prints one line per round and language, and one for the cold runs; run it on a quiet machine.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parent.parent
COLD_QUESTIONS = (
    "2021年中国在全球制造业增加值中的占比是多少？",
    "What share of global manufacturing value added did China have in 2021?",
)


def _p50_p95(ms: list[float]) -> str:
    ms = sorted(ms)
    return f"p50 {statistics.median(ms):.1f} ms, p95 {ms[int(0.95 * (len(ms) - 1))]:.1f} ms"


@click.command()
@click.option("--set", "qset", default="paper-dev", show_default=True, help="A set named in evals/sets.json.")
@click.option("--rounds", default=2, show_default=True, help="Warm rounds over the whole set.")
@click.option("--cold", default=6, show_default=True, help="Cold `assistant ask` runs (alternating zh / en).")
def main(qset: str, rounds: int, cold: int) -> None:
    from assistant.evaluation.sets import load_set, manifest
    from assistant.pipeline import Assistant

    rows = load_set(ROOT / manifest()[qset].file)
    questions = [(r["lang"], r["turns"][0]["question"]) for r in rows]
    assistant = Assistant.ready()
    assistant.ask(questions[0][1])  # load the index and models once
    for n in range(1, rounds + 1):
        by_lang: dict[str, list[float]] = {"zh": [], "en": []}
        stages: dict[str, list[float]] = {}
        for lang, q in questions:
            t = time.perf_counter()
            answer = assistant.ask(q)
            by_lang[lang].append((time.perf_counter() - t) * 1000)
            for stage, ms in answer.timings_ms.items():
                stages.setdefault(stage, []).append(ms)
        for lang, ms in by_lang.items():
            if ms:
                print(f"round {n}, {lang} ({len(ms)} questions): whole answer {_p50_p95(ms)}")
        print(
            f"round {n}, stages p50: "
            + ", ".join(f"{s} {statistics.median(v):.1f} ms" for s, v in stages.items())
        )
    if cold:
        runs = []
        for n in range(cold):
            t = time.perf_counter()
            subprocess.run(
                [str(Path(sys.executable).parent / "assistant"), "ask", COLD_QUESTIONS[n % 2]],
                check=True,
                capture_output=True,
                cwd=ROOT,
            )
            runs.append(time.perf_counter() - t)
        print(
            f"cold ask ({cold} runs): min {min(runs):.2f} s, median {statistics.median(runs):.2f} s, "
            f"max {max(runs):.2f} s"
        )


if __name__ == "__main__":
    main()
