"""Where the text says it: "哪一部分讲了X？", "Which section discusses this?".

The answer is the pinpoint answer's sentences, headed by the heading path of each section they come
from (in the asker's language, cited), so that a reader who asked where learns it from the message
text itself, not only from the citations' fields.
"""

from __future__ import annotations

from assistant.answer.base import AnswerContext
from assistant.answer.contract import Answer
from assistant.answer.passages import compose_passages
from assistant.retrieval.results import Retrieval

SAID_IN = {"zh": "这在{}。", "en": "The paper discusses this in {}."}
JOIN = {"zh": "和", "en": " and "}
MAX_PLACES = 3


def compose_location(retrieval: Retrieval, context: AnswerContext) -> Answer:
    """The sentences that answer the question, after the sections they are in."""
    answer = compose_passages(retrieval, context)
    if answer.abstained or not answer.citations:
        return answer
    lang, places, seen = retrieval.lang, [], set()
    for c in answer.citations:
        if c.section_id in seen or c.kind == "bibliography":
            continue
        seen.add(c.section_id)
        places.append(f"“{context.index.heading_path(c.section_id, lang)}”[{c.n}]")
    if not places:
        return answer
    head = SAID_IN[lang].format(JOIN[lang].join(places[:MAX_PLACES]))
    answer.answer = f"{head}\n{answer.answer}"
    answer.kind = "location"
    return answer
