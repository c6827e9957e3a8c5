"""What an answer was about, for the follow-up after it (see `assistant.question.followup`): the parts
it listed, the section it was about and the parts beside and above it, the sections it cites."""

from __future__ import annotations

from assistant.answer.contract import Answer
from assistant.answer.named import headings_named
from assistant.index.open import OpenIndex
from assistant.index.sections import bare_label, heading_words, parent_of
from assistant.question import asked
from assistant.question.analysis import Question
from assistant.question.followup import Recalled, topic_of
from assistant.retrieval.headings import FAMILY
from assistant.retrieval.results import Retrieval
from assistant.text import content_tokens, kin


def recalled(q: Question, retrieval: Retrieval, answer: Answer, index: OpenIndex) -> Recalled:
    """What the answer to `q` was about."""
    items = [(i["label"], i["section_id"]) for i in answer.items]
    listed_items = bool(items)
    named = headings_named(answer, index, q.lang)  # parts the answer names in passing
    if not items and retrieval.target not in {sid for _, sid in named}:  # unless it asked of one
        items = named
    # listed parts are a section's children; items inside one section's text are that section's
    within = items and len({sid for _, sid in items}) == 1 and not index.tree.children.get(items[0][1])
    listed = (items[0][1] if within else parent_of(items[0][1])) if listed_items else None
    target = (listed or retrieval.target) or (answer.citations[0].section_id if answer.citations else None)
    tree, lang = index.tree, q.lang
    cited = list(dict.fromkeys(c.section_id for c in answer.citations if c.kind != "bibliography"))
    # what "it" or "that" points back to: the part the answer listed or the question was about, else
    # the one part all it quoted comes from when the question named it in part ("imported minerals":
    # "reliance on critical minerals"), else what the question asked (parts named in passing are
    # there for "the second one", not for "it")
    # the one part without parts of its own all the answer quotes, if one
    leaf = cited[0] if len(cited) == 1 and not tree.children.get(cited[0]) else None
    # a heading the question seemed to name, where all it quoted comes from another part: that part
    elsewhere = (
        not listed_items and leaf and target and not (leaf + ".").startswith(target + ".")
    ) and not _told_apart(target, q, index)
    # or a part inside the target that the answer summed up whole ("Which of the negative impacts is about
    # X?": that impact)
    inside = answer.kind == "overview" and leaf and target and leaf.startswith(target + ".")
    target = leaf if elsewhere or inside else target
    about = (
        target
        if target and (listed_items or retrieval.target) and not elsewhere
        else _quoted_part(leaf, q, index)
    )
    topic = bare_label(index.label(about, lang)) if about else topic_of(q.searched)
    # a thing the question asked the text's view or the meaning of, which no heading names ("文章是怎么谈
    # “一带一路”的？"): "it" is that thing, not the part the answer came from
    thing = asked.topic_asked(q.searched) or asked.term_asked(q.searched)
    if thing and not (about and _names_any(q, heading_words(index.label(about, lang)))):
        topic = thing.strip(" '\"“”‘’「」")
    siblings, node, level, path = [], target, 0, []
    while node:
        parent = parent_of(node)
        path.append(bare_label(index.label(node, lang)))
        siblings += [
            (bare_label(index.label(s, lang)), s, level)
            for s in tree.children.get(parent or "", [])
            if s != node
        ]
        node, level = parent, level + 1
    part = bare_label(index.label(leaf, lang)) if leaf else ""
    listed = [sid for _, sid in items] + ([parent_of(target)] if target else [])  # and the target's list
    kids = {s: [(bare_label(index.label(k, lang)), k) for k in tree.children.get(s, [])] for s in listed}
    leaf_target = bool(target) and not tree.children.get(target)
    return Recalled(q.searched, items, target, topic, siblings, cited, part, kids, path, leaf_target)


def _quoted_part(leaf: str | None, q: Question, index: OpenIndex) -> str | None:
    """The one part without parts of its own that an answer quotes, when the question names a word of
    its heading."""
    return leaf if leaf and _names_any(q, heading_words(index.label(leaf, q.lang))) else None


def _told_apart(section: str, q: Question, index: OpenIndex) -> bool:
    """The question names a word of the section's heading that the headings beside it lack ("升级" of
    倒逼产业升级, not "影响" of 积极影响 beside 消极影响)."""
    tree, label = index.tree, lambda s: heading_words(index.label(s, q.lang))
    own = label(section).difference(
        *(label(s) for s in tree.children.get(parent_of(section) or "", []) if s != section)
    )
    return _names_any(q, own)


def _names_any(q: Question, words: set[str]) -> bool:
    """The question uses one of `words`, or a word of its family."""
    return any(kin(a, h, FAMILY) for a in set(content_tokens(q.searched)) for h in words)
