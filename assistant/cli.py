"""Command-line interface: ``assistant ingest | ask | serve | eval | sections | documents | manifest``.

Run ``assistant --help`` or ``assistant COMMAND --help``; the help text is the manual.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time

import click

from assistant.settings import Settings


def _progress(stage: str, done: int, total: int) -> None:
    """One status line per stage on stderr, rewritten in place until the stage is done
    (total 0: a note on its own line)."""
    if total == 0:
        click.echo(stage, err=True)
        return
    click.echo(f"\r  {stage:<20} {done:>4}/{total}", nl=done >= total, err=True)


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def _settings(data_dir: str | None, judge: str | None = None, translate: str | None = None) -> Settings:
    settings = Settings(data_dir=data_dir) if data_dir else Settings()
    if judge:
        settings.judge.mode = judge
    if translate:
        settings.translate.mode = translate
    return settings


judge_option = click.option(
    "--judge",
    type=click.Choice(["off", "local", "openai"]),
    default=None,
    help="Have a model check that the passages say what the question states the paper says (every mode) "
    "and, in grounded mode, that the quoted passages answer the question; abstain when they do not "
    "(local = bundled Qwen 1.5B, ~2 s; default: ASSISTANT_JUDGE__MODE, else off).",
)

translate_option = click.option(
    "--translate",
    type=click.Choice(["off", "local", "openai"]),
    default=None,
    help="English questions: have a model translate them into Chinese before the search, for better "
    "retrieval (local = bundled Qwen 1.5B, ~1.5 s; default: ASSISTANT_TRANSLATE__MODE, else off).",
)

data_dir_option = click.option(
    "--data-dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Where the index lives (default .data, or ASSISTANT_DATA_DIR).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="paper-assistant")
def cli() -> None:
    """Ask the paper 《全球产业链再布局：演进、影响及应对》 questions, in Chinese or English.

    Every answer quotes the paper and cites its sections. Settings come from
    ASSISTANT_* environment variables (see README).
    """


@cli.command()
@click.option("--force", is_flag=True, help="Rebuild even when the index is current.")
@data_dir_option
def ingest(force: bool, data_dir: str | None) -> None:
    """Parse, chunk and embed the corpus into Chroma (only when it changed)."""
    from assistant.index.build import build
    from assistant.index.fingerprint import fingerprint, read_info

    settings = _settings(data_dir)
    before = read_info(settings)
    if not force and before and before.fingerprint == fingerprint(settings):
        click.echo(
            f"index is current ({before.chunks} chunks + {before.bibliography} references); nothing to do"
        )
        return
    click.echo("building the index …", err=True)
    # Ctrl-C raises KeyboardInterrupt wherever Python happens to be, and one raised inside a
    # finaliser (a Chroma client being closed) is swallowed; so it is also remembered, and every
    # progress step (the last one comes before the new build is swapped in) raises it again
    interrupted = threading.Event()

    def on_sigint(signum, frame):
        interrupted.set()
        raise KeyboardInterrupt

    def progress(*args) -> None:
        if interrupted.is_set():
            raise KeyboardInterrupt
        _progress(*args)

    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        info = build(settings, progress=progress, force=True)
    except KeyboardInterrupt:
        _fail(
            "\ninterrupted: nothing was swapped in; the previous index (if any) is still the one served", 130
        )
    finally:
        signal.signal(signal.SIGINT, previous)
    for w in info.warnings:
        click.echo(f"warning: {w}", err=True)
    click.echo(
        f"indexed {info.chunks} chunks + {info.bibliography} bibliography entries "
        f"in {info.build_seconds:.1f}s → {settings.index_dir}"
    )


@cli.command()
@click.option(
    "--model",
    type=click.Choice(["local", "openai"]),
    default=None,
    help="local = the bundled Qwen via llama.cpp (default); openai = ASSISTANT_LLM__OPENAI_* endpoint.",
)
@click.option(
    "--size", type=click.Choice(["0.5b", "1.5b"]), default=None, help="Bundled model size (default 1.5b)."
)
@click.option(
    "--redo",
    type=click.Choice(["none", "flagged", "all"]),
    default="none",
    show_default=True,
    help="Translate again the units that failed a check, or every unit.",
)
@click.option("--limit", type=int, default=None, help="Stop after translating this many units (a trial run).")
@data_dir_option
def translate(model, size, redo, limit, data_dir) -> None:
    """Build the corpus's edition in the other language (Chinese → English, English → Chinese).

    A build step, run when the corpus changes: each sentence, heading, table cell, note and
    reference is translated by a model with the corpus termbase, checked (no source script left,
    figures at their scale, years, citations, titles, terms), retried with what failed, and written
    to corpus/translations/. Unchanged units are reused; an interrupted run resumes.
    """
    from assistant.translation.command import TranslateError, translate_edition

    try:
        translate_edition(_settings(data_dir), model, size, redo=redo, limit=limit, echo=click.echo)
    except TranslateError as exc:
        _fail(str(exc), exc.code)


@cli.command()
@click.argument("question", required=False)
@click.option(
    "--mode",
    default=None,
    help="Answer mode: grounded (default, quotes the paper), local "
    "(bundled Qwen via llama.cpp), openai (an OpenAI-compatible "
    "endpoint).",
)
@click.option(
    "--section", default=None, help="Only search this section and its subsections, e.g. s4 or s3.2."
)
@click.option(
    "--doc", "document", default=None, help="Only search this document (ids: 'assistant documents')."
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option(
    "--jsonl",
    is_flag=True,
    help="Read one question per line on stdin (plain text or a JSON object with "
    "question/mode/section/document); "
    "write one JSON object per line.",
)
@judge_option
@translate_option
@data_dir_option
def ask(question, mode, section, document, as_json, jsonl, judge, translate, data_dir) -> None:
    """Answer QUESTION from the paper, citing its sections."""
    from assistant.pipeline import Assistant, QuestionError
    from assistant.serving.terminal import answer_lines, print_readable

    if not jsonl and question is None:
        _fail("give a QUESTION, or --jsonl to read questions from stdin", 2)
    assistant = Assistant.ready(_settings(data_dir, judge, translate), progress=_progress)
    if not jsonl:
        try:
            answer = assistant.ask(question, mode=mode, section=section, document=document)
        except QuestionError as exc:
            _fail(str(exc), 2)
        if as_json:
            click.echo(answer.model_dump_json())
        else:
            print_readable(answer, click.echo)
        return
    answer_lines(assistant, sys.stdin, mode, section, document, echo=click.echo)


@cli.command()
@click.option("--mode", default=None, help="Answer mode (default: the configured one).")
@click.option("--doc", "document", default=None, help="Only search this document.")
@data_dir_option
def chat(mode, document, data_dir) -> None:
    """A conversation on the command line: one question per line, each answered with the earlier ones
    as its history, so follow-ups work ("第二个是什么意思？", "And in 2023?"). An empty line or
    Ctrl-D ends it; ':new' starts a new conversation."""
    from assistant.pipeline import Assistant
    from assistant.serving.terminal import converse

    assistant = Assistant.ready(_settings(data_dir), progress=_progress)
    interactive = sys.stdin.isatty()

    def read() -> str:
        return click.prompt("you", default="", show_default=False) if interactive else sys.stdin.readline()

    converse(assistant, read, mode, document, echo=click.echo)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=7860, show_default=True, type=int)
@data_dir_option
def serve(host: str, port: int, data_dir) -> None:
    """Serve the web chat at / and the HTTP API at /v1 (OpenAI-compatible) from one process."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import uvicorn

        from assistant.serving.ui import create_server
    except ImportError as exc:
        _fail(f"serving needs the 'serve' extra: scripts/setup.sh serve ({exc})")
    import ipaddress
    import socket

    from assistant.pipeline import Assistant

    settings = _settings(data_dir)
    try:
        loopback = ipaddress.ip_address(socket.gethostbyname(host)).is_loopback
    except (OSError, ValueError):
        _fail(f"cannot resolve --host {host!r}", 2)
    if not loopback and settings.serve.api_token is None:
        _fail(f"--host {host} is reachable from other machines: set ASSISTANT_SERVE__API_TOKEN first", 2)
    t0 = time.perf_counter()
    assistant = Assistant.ready(settings, progress=_progress)
    assistant.ask("预热")  # load the embedder and tokenizer before the first visitor
    app = create_server(assistant)
    click.echo(
        f"ready in {time.perf_counter() - t0:.1f}s: web chat http://{host}:{port}/ · API "
        f"http://{host}:{port}/v1 · docs http://{host}:{port}/docs",
        err=True,
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")


@cli.command("eval")
@click.option(
    "--set",
    "set_name",
    default="paper-test",
    show_default=True,
    help="A set named in evals/sets.json (e.g. paper-holdout-reading-2), or a JSONL file.",
)
@click.option("--mode", default=None, help="Answer mode to evaluate (default: the configured one).")
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    default="evals/results",
    show_default=True,
    help="Folder for <set>-<mode>.json (all answers), .md (report) and .png (chart).",
)
@click.option(
    "--rescore",
    "rescore_path",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="Score the answers recorded in an earlier result JSON instead of asking again.",
)
@click.option(
    "--guards",
    "all_guards",
    is_flag=True,
    help="Also record every guard's verdict on every question (the per-guard table).",
)
@click.option(
    "--baseline", is_flag=True, help="Also measure the naive RAG baseline's retrieval (paper sets)."
)
@click.option(
    "--gate",
    "gate",
    is_flag=True,
    help="Exit 1 when a metric falls short of the set's gate in evals/sets.json.",
)
@judge_option
@translate_option
@data_dir_option
def eval_(set_name, mode, out, rescore_path, all_guards, baseline, gate, judge, translate, data_dir) -> None:
    """Run a question set through the assistant and report: pass rate, retrieval, facts, citations,
    faithfulness, refusals and corrections, answers in the asker's language, latency; by language and
    kind; with --guards, what each guard refuses rightly and wrongly."""
    from assistant.evaluation.command import EvalError, evaluate_set

    try:
        failures = evaluate_set(
            set_name,
            _settings(data_dir, judge, translate),
            mode=mode,
            out=out,
            rescore_path=rescore_path,
            all_guards=all_guards,
            baseline=baseline,
            gate=gate,
            progress=_progress,
            echo=click.echo,
        )
    except EvalError as exc:
        _fail(str(exc), 2)
    if failures:
        sys.exit(1)


@cli.command()
@data_dir_option
def sections(data_dir) -> None:
    """List the paper's sections with the ids that --section takes."""
    from assistant.corpus.parser import parse_paper

    settings = _settings(data_dir)
    paper = parse_paper(settings.corpus.paper.read_text(encoding="utf-8"))
    for s in paper.sections:
        click.echo(f"{s.id:<12} {'  ' * max(s.level - 1, 0)}{s.label}")


@cli.command()
@data_dir_option
def documents(data_dir) -> None:
    """List the indexed documents with the ids that --doc takes (the paper, reference texts,
    and papers added under corpus/documents/)."""
    from assistant.pipeline import Assistant

    assistant = Assistant.ready(_settings(data_dir), progress=_progress)
    for doc_id, title in assistant.documents.items():
        click.echo(f"{doc_id:<24} {title}")


@cli.command()
def manifest() -> None:
    """Write corpus/manifest.json from the parsed bibliography (keeps existing file links)."""
    from assistant.corpus.loader import manifest_from_paper, read_manifest
    from assistant.corpus.parser import parse_paper

    c = Settings().corpus
    paper = parse_paper(c.paper.read_text(encoding="utf-8"))
    m = manifest_from_paper(paper, c.paper.name, read_manifest(c.manifest))
    c.manifest.write_text(json.dumps(m.model_dump(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    unresolved = paper.unresolved_citations
    click.echo(f"wrote {c.manifest} ({len(m.references)} references)")
    for u in unresolved:
        click.echo(f"unresolved in-text citation: ({u.text}) in {u.section_id}", err=True)


def main() -> None:
    """Entry point: known errors print one clear line, never a traceback."""
    from assistant.corpus.loader import CorpusError
    from assistant.corpus.parser import ParseError
    from assistant.index.embeddings import EmbedderUnavailable
    from assistant.index.fingerprint import IndexError_
    from assistant.index.store import StoreError

    try:
        cli(standalone_mode=True)
    except (CorpusError, ParseError, EmbedderUnavailable, IndexError_, StoreError) as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    except Exception as exc:  # unexpected: one line, with the details behind ASSISTANT_DEBUG=1
        if os.environ.get("ASSISTANT_DEBUG"):
            raise
        _fail(f"unexpected {type(exc).__name__}: {exc} (set ASSISTANT_DEBUG=1 for details)")
