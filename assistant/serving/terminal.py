"""Answers on the command line: the readable form (`assistant ask`), the conversation of
`assistant chat`, and the JSON-lines protocol of `assistant ask --jsonl`."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable

from assistant.pipeline import Assistant, QuestionError
from assistant.question.followup import Turn


def print_readable(answer, echo: Callable = print) -> None:
    """An answer as text: how the question was read and searched, the answer, its notice, and its
    sources with their quotes (or, when it abstained, the closest sections)."""
    if answer.condensed_question:
        echo(f"(read as: {answer.condensed_question})\n")
    if answer.translation:
        echo(f"(searched as: {answer.translation})\n")
    echo(answer.answer)
    if answer.notice:
        echo(f"\nnote: {answer.notice}")
    if answer.citations:
        echo("\nSources:" if answer.lang == "en" else "\n出处：")
        for c in answer.citations:
            shown = getattr(c, f"quote_{answer.lang}", None)
            section = getattr(c, f"section_{answer.lang}", None)
            score = f", score {c.score:.2f}" if c.score else ""  # a structural answer's parts have none
            echo(f"[{c.n}] {section + '  / ' if section else ''}{c.section}  ({c.section_id}{score})")
            if shown:
                echo(f"    “{shown}”")
            echo(f"    {'original: ' if shown else ''}“{c.quote}”")
    elif answer.abstained and answer.retrieved:
        shown = (getattr(r, f"section_{answer.lang}", None) or r.section for r in answer.retrieved[:3])
        closest = ", ".join(dict.fromkeys(shown))
        echo(("\nClosest sections: " if answer.lang == "en" else "\n最接近的章节：") + closest)


def converse(
    assistant: Assistant,
    read: Callable[[], str],
    mode: str | None,
    document: str | None,
    echo: Callable = print,
) -> None:
    """A conversation: one question per line from `read`, each answered with the earlier ones as its
    history. An empty line ends it; ':new' starts a new conversation; a bad question prints its error
    and the conversation goes on."""
    history: list[Turn] = []
    while True:
        question = read().strip()
        if not question:
            return
        if question == ":new":
            history = []
            continue
        try:
            answer = assistant.ask(question, mode=mode, history=history, document=document)
        except QuestionError as exc:
            echo(f"error: {exc}", err=True)
            continue
        print_readable(answer, echo)
        echo("")
        history += [Turn(role="user", content=question), Turn(role="assistant", content=answer.answer)]


def answer_lines(
    assistant: Assistant,
    lines: Iterable[str],
    mode: str | None,
    section: str | None,
    document: str | None,
    echo: Callable = print,
) -> None:
    """Answer one question per line (plain text, or a JSON object with question/mode/section/document
    and an optional id), writing one JSON object per line; `mode`, `section` and `document` are the
    defaults. A bad line or question gets an object with its error; blank lines are skipped."""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        q, m, s, d, extra = line, mode, section, document, {}
        if line.startswith("{"):
            try:
                obj = json.loads(line)
                q, m, s = obj.get("question", ""), obj.get("mode", mode), obj.get("section", section)
                d = obj.get("document", document)
                extra = {"id": obj["id"]} if "id" in obj else {}
            except (ValueError, AttributeError) as exc:
                echo(json.dumps({"error": f"bad JSON line: {exc}", "line": line[:200]}, ensure_ascii=False))
                continue
        try:
            out = {**extra, **assistant.ask(str(q), mode=m, section=s, document=d).model_dump()}
        except QuestionError as exc:
            out = {**extra, "question": q, "error": str(exc)}
        echo(json.dumps(out, ensure_ascii=False))
        sys.stdout.flush()
