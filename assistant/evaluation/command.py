"""`assistant eval`: one set through the assistant, its report and chart written, its gate checked."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from assistant.evaluation import report as rep
from assistant.evaluation import runner
from assistant.evaluation.sets import SetInfo, info_for, load_set, manifest
from assistant.pipeline import Assistant
from assistant.settings import Settings


class EvalError(ValueError):
    """The set cannot be run as asked (unknown name, missing file)."""


def settings_for(info: SetInfo | None, settings: Settings) -> Settings:
    """A set's documents are indexed beside the paper, in an index of their own."""
    if info and info.documents:
        folder = Path(info.documents)
        settings = settings.model_copy(deep=True)
        settings.corpus.documents_dir = folder.resolve()
        settings.data_dir = settings.data_dir / f"eval-{folder.name}"
    return settings


def resolve(set_name: str) -> tuple[Path, SetInfo | None]:
    sets = manifest()
    path = Path(sets[set_name].file) if set_name in sets else Path(set_name)
    if not path.is_file():
        raise EvalError(f"no set {set_name!r}: name one of {', '.join(sets)} or give a JSONL file")
    return path, sets.get(set_name) or info_for(path)


def write(result: dict, path: Path, out: str, echo: Callable) -> None:
    extras = "".join(f"+{k}-{result[k]}" for k in ("translate", "judge") if result.get(k))
    stem = f"{path.stem}-{result['mode']}{extras}"
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{stem}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    chart = None
    try:
        rep.write_chart(result, folder / f"{stem}.png")
        chart = f"{stem}.png"
    except ImportError:
        echo("no chart: matplotlib is not installed (the 'eval' extra)", err=True)
    text = rep.markdown_report(result, path.stem, chart)
    (folder / f"{stem}.md").write_text(text, encoding="utf-8")
    echo(text.split("## Failures")[0])
    echo(f"wrote {folder}/{stem}.json, .md" + (", .png" if chart else ""))


def evaluate_set(
    set_name: str,
    settings: Settings,
    mode: str | None = None,
    out: str = "evals/results",
    rescore_path: str | None = None,
    all_guards: bool = False,
    baseline: bool = False,
    gate: bool = False,
    progress=None,
    echo: Callable = print,
) -> list[str]:
    """Run (or re-score) a set, write its report, and return the gate's failures (empty: passed)."""
    path, info = resolve(set_name)
    questions = load_set(path)
    settings = settings_for(info, settings)
    assistant = Assistant.ready(settings, progress=progress)
    if rescore_path:
        recorded = json.loads(Path(rescore_path).read_text(encoding="utf-8"))
        result = runner.rescore(recorded, questions, assistant.index.lexicon)
    else:
        step = (lambda i, n: progress("questions", i, n)) if progress else None
        result = runner.run_eval(
            assistant,
            questions,
            mode,
            document=info.document if info else None,
            guards=all_guards,
            progress=step,
        )
    if baseline:
        echo("measuring the naive RAG baseline …", err=True)
        result["baseline"] = runner.run_baseline(questions, settings)
    write(result, path, out, echo)
    if not gate:
        return []
    failures = runner.check_gate(result["overall"], info.gate if info else {})
    for f in failures:
        echo(f"gate: {f}", err=True)
    if not failures:
        echo(f"gate passed ({set_name})")
    return failures
