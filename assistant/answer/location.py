"""Where the text says it: "哪一部分讲了X？", "Which section discusses this?".

The answer is the pinpoint answer's sentences, headed by the heading path of each section they come
from (in the asker's language, cited), so that a reader who asked where learns it from the message
text itself, not only from the citations' fields.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.answer.base import AnswerContext
from assistant.answer.contract import Answer
from assistant.answer.passages import compose_passages
from assistant.index.sections import ancestors
from assistant.retrieval.results import Retrieval

SAID_IN = {"zh": "这在{}。", "en": "The paper discusses this in {}."}
JOIN = {"zh": "和", "en": " and "}
MAX_PLACES = 3
MAX_PASSAGES = 5


def compose_location(retrieval: Retrieval, context: AnswerContext) -> Answer:
    """The sentences that answer the question, after the sections they are in; asked after an answer
    ("Which section says that?"), from the sections that answer quoted."""
    steer = retrieval.question.steer
    inside = [h for h in retrieval.hits if set(steer) & set(ancestors(h.chunk.section_id))]
    if steer and not inside:  # the search went elsewhere: the passages of those sections themselves
        tree = context.index.tree
        inside = [context.view(c, retrieval) for s in steer for c in tree.chunks.get(s, [])][:MAX_PASSAGES]
    answer = compose_passages(replace(retrieval, hits=inside) if inside else retrieval, context)
    if answer.abstained or not answer.citations:
        return answer
    lang, places = retrieval.lang, []
    marks = {}  # each cited section's first marker
    for c in answer.citations:
        if c.kind != "bibliography":
            marks.setdefault(c.section_id, f"[{c.n}]")
    # the sections the previous answer quoted (all of them: "这两组数据分别在哪部分"), then any other
    for sid in dict.fromkeys([*steer, *marks]):
        places.append(f"“{context.index.heading_path(sid, lang)}”{marks.get(sid, '')}")
    if not places:
        return answer
    head = SAID_IN[lang].format(JOIN[lang].join(places[:MAX_PLACES]))
    answer.answer = f"{head}\n{answer.answer}"
    answer.kind = "location"
    return answer
