"""Latency of grounded answers on this machine: warm retrieval and whole answer (p50 / p95 over a
question set), and cold `assistant ask` (process start to answer, the index built).

    .venv/bin/python benchmarks/latency.py                      # dev set, 2 rounds, 6 cold runs
    .venv/bin/python benchmarks/latency.py --set evals/test.jsonl --rounds 4 --cold 10

Prints one line per round and one for the cold runs; run it on a quiet machine.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parent.parent
COLD_QUESTIONS = ("2021年中国在全球制造业增加值中的占比是多少？", "What share of global manufacturing value added did China have in 2021?")


def _p50_p95(ms: list[float]) -> str:
    ms = sorted(ms)
    return f"p50 {statistics.median(ms):.1f} ms, p95 {ms[int(0.95 * (len(ms) - 1))]:.1f} ms"


@click.command()
@click.option("--set", "qset", type=click.Path(exists=True, path_type=Path), default=ROOT / "evals/dev.jsonl",
              show_default=True, help="Question set (JSONL) to time.")
@click.option("--rounds", default=2, show_default=True, help="Warm rounds over the whole set.")
@click.option("--cold", default=6, show_default=True, help="Cold `assistant ask` runs (alternating zh / en).")
def main(qset: Path, rounds: int, cold: int) -> None:
    from assistant.evaluate import load_set
    from assistant.pipeline import Assistant

    questions = [q["question"] for q in load_set(qset)]
    assistant = Assistant.ready()
    assistant.ask(questions[0])  # load the index and models once
    for n in range(1, rounds + 1):
        retrieve, answer = [], []
        for q in questions:
            t = time.perf_counter()
            assistant.retriever.search(q)
            retrieve.append((time.perf_counter() - t) * 1000)
        for q in questions:
            t = time.perf_counter()
            assistant.ask(q)
            answer.append((time.perf_counter() - t) * 1000)
        print(f"round {n} ({len(questions)} questions): retrieval {_p50_p95(retrieve)}; whole answer {_p50_p95(answer)}")
    if cold:
        runs = []
        for n in range(cold):
            t = time.perf_counter()
            subprocess.run([str(Path(sys.executable).parent / "assistant"), "ask", COLD_QUESTIONS[n % 2]],
                           check=True, capture_output=True, cwd=ROOT)
            runs.append(time.perf_counter() - t)
        print(f"cold ask ({cold} runs): min {min(runs):.2f} s, median {statistics.median(runs):.2f} s, "
              f"max {max(runs):.2f} s")


if __name__ == "__main__":
    main()
