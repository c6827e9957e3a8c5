"""The answer stage: what kind of answer the question gets, and its grounded (quoted) form.

After the guards: an abstention says why (the deciding guard's notice); a premise the text
contradicts is corrected, and what the question asks besides its premise is answered after the
correction. Then by what the question asks (see `assistant.question.intents`): its front matter
(metadata); the whole document or a section (summary, conclusion); the proposals for a problem the
text treats in a section of its own (the section that responds to it, see
`assistant.retrieval.responses`); two sides next to each other (comparison, or a list question naming
two sibling sections); the parts of a section (list); and otherwise the sentences that best answer it,
headed by the sections they are in when the question asks where the text says it (location). Each
composer answers from the document's structure where it has one; when it finds none, the next
one is tried, down to the sentences. No language model is involved.
"""

from __future__ import annotations

from assistant.answer.base import AnswerContext, empty
from assistant.answer.citer import add_other_language
from assistant.answer.comparison import compose_comparison, compose_sections, compose_table
from assistant.answer.contract import Answer
from assistant.answer.correction import REST_HEAD, asks_more, compose_correction, rest_of
from assistant.answer.enumeration import asks_many, semicolon_items
from assistant.answer.joined import joined
from assistant.answer.location import compose_location
from assistant.answer.metadata import compose_metadata
from assistant.answer.outline import compose_outline, find_outline, part_found
from assistant.answer.overview import (
    compose_document,
    compose_missing_section,
    compose_section,
    thesis_sentences,
)
from assistant.answer.passages import compose_passages
from assistant.guards.base import Verdict
from assistant.guards.stage import GuardReport
from assistant.index.sections import ancestors, bare_label, heading_words, label_number
from assistant.question import asked, intents
from assistant.question.synonyms import alike, named_in, widened
from assistant.retrieval.headings import singular, spelt
from assistant.retrieval.responses import NAMED_HEADING, NAMED_TOPIC, RE_ASKING, names_only, unanswered_topic
from assistant.retrieval.results import Retrieval
from assistant.text import content_tokens, kin

NAMED_SHARE = 0.5  # of a heading's own words, for a list question to ask for that section's parts
MAX_OWN = 1  # words of its own besides, for it to ask for nothing narrower


def structured(retrieval: Retrieval, context: AnswerContext) -> Answer | None:
    """An answer from the document's structure, when the question asks for one and the structure has it."""
    q = retrieval.question
    kind = q.intent
    document = retrieval.document
    if (
        q.section_numbers
        and not retrieval.sections
        and kind in ("summary", "list")
        and numbered(document, context)
    ):
        return compose_missing_section(
            q.section_numbers[0], document, retrieval, context
        )  # "第五部分" of four
    if retrieval.advice and kind in ("fact", "list", "summary"):  # "What does the paper recommend?"
        return compose_section(retrieval.advice, retrieval, context)
    if (table := named_table(retrieval, context)) is not None:
        return table
    if kind == "metadata":
        answer = compose_metadata(intents.metadata_fields(q.searched), retrieval, context, document)
        return None if answer.abstained else answer
    if kind in ("summary", "conclusion"):
        return overview(retrieval, context)
    weighing = kind == "fact" and intents.RE_WEIGHING.search(q.searched)
    if weighing and (verdict := overview(retrieval, context)):
        return verdict
    if asks_treatment(retrieval, context):
        return compose_section(retrieval.target, retrieval, context)  # "What does the paper say about X?"
    if retrieval.responses and kind in ("fact", "list"):  # "作者对X有什么建议": the section answering X
        return compose_section(retrieval.responses[0], retrieval, context)
    if kind in ("fact", "list") and (none := unanswered(retrieval, context)):  # no proposal about X
        return none
    if kind == "comparison":
        return compose_comparison(retrieval, context)
    if kind == "list" and (pair := compose_sections(retrieval, context, named=True)) is not None:
        return pair  # "积极影响和消极影响分别是什么？": two sections it names, side by side
    named = retrieval.sections[0] if retrieval.sections else None
    several = kind == "list" and asks_many(q.searched) and not q.opening
    if several and named and context.index.tree.children.get(named):  # "the recommendations in part 4"
        return compose_outline(named, retrieval, context)
    if kind == "list" and (parent := find_outline(retrieval, context)):
        if intents.asks_which_one(q.searched) and (one := part_found(parent, retrieval, context)):
            return compose_section(one, retrieval, context)  # "Which of the negative impacts is about X?"
        return compose_outline(parent, retrieval, context)
    # the best-named heading, unless the question names one below it too ("关键矿产…哪几条办法")
    heading = retrieval.matched[0] if retrieval.matched else None
    if heading and any(m.startswith(heading + ".") for m in retrieval.matched):
        heading = None
    parts = heading and context.index.tree.children.get(heading)
    if several and parts and names_heading(heading, retrieval, context):
        return compose_outline(heading, retrieval, context)  # "What upsides does it see?": its parts
    leaf = retrieval.target and not context.index.tree.children.get(retrieval.target)
    # "X有哪些表现", "What forms can X take?": the items of X's section (a heading it names that lists)
    listing = leaf and retrieval.matched[:1] == [retrieval.target] and lists_items(retrieval.target, context)
    if leaf and kind == "list" and (about_heading(retrieval, context) or listing):
        return compose_section(retrieval.target, retrieval, context)
    return None


MIN_SUBPART_WORDS = 2
TREATED_SHARE = 0.5  # more than this share of a question's words besides a heading's: its section uses them


# what a question asks of a table as a whole: what it shows, compares, presents
TABLE_ASKING = frozenset(
    "table show shows display compare compares present presents 展示 显示 反映 呈现 比较 对比".split()
)


def named_table(retrieval: Retrieval, context: AnswerContext) -> Answer | None:
    """A table the question names by number: its rows the question is about (all of them when it asks
    what the table shows)."""
    if not retrieval.tables or retrieval.question.intent == "metadata":
        return None
    return compose_table(retrieval, context, whole=asks_whole_table(retrieval.question.searched))


def asks_whole_table(question: str) -> bool:
    """The question asks what a table it names shows ("What is Table 1 about?", 表1讲了什么), nothing
    in particular of it ("…about the policy environment in each stage?": its rows on that)."""
    words = intents.topic_words(intents.RE_TABLE_NUMBER.sub(" ", question))
    return not {w for w in words if w not in TABLE_ASKING and not w.isdigit()}


def names_a_part(retrieval: Retrieval, context: AnswerContext) -> bool:
    """A question naming the whole text names a part too: by number, as a part ("the section on …"),
    by its heading, or as what the text says about a topic it has a part on."""
    q = retrieval.question
    if intents.asks_its_parts(q.searched):
        return False  # "这篇论文分成哪几个部分？": the whole text's parts, none of them
    return bool(
        retrieval.sections
        or intents.names_part(q.searched)
        or names_subpart(retrieval, context)
        or (retrieval.focus and asked.says_about(q.searched))
    )


def names_subpart(retrieval: Retrieval, context: AnswerContext) -> bool:
    """A question about "the paper" names a part below the top level by two words of its heading or more
    ("What does the paper recommend on improving the business climate?"): it asks about that part."""
    sid = retrieval.matched[0] if retrieval.matched else None
    if sid is None or sid in context.index.tree.top(retrieval.document):
        return False
    words = heading_words(context.index.label(sid, retrieval.lang))
    # a word readers ask of a paper as such names a heading that uses it ("the technology gap")
    asked = {singular(w) for w in widened(intents.topic_words(retrieval.question.searched, meta=True))}
    said = {w for w in words if singular(w) in asked or any(kin(w, t) for t in asked if t.isascii())}
    return len(said) >= MIN_SUBPART_WORDS


def overview(retrieval: Retrieval, context: AnswerContext) -> Answer | None:
    """A summary or the verdict of the whole text, or a summary of one part."""
    q, kind, document = retrieval.question, retrieval.question.intent, retrieval.document
    if kind == "conclusion" and not (retrieval.sections or q.section or retrieval.focus):
        return compose_document(document, retrieval, context, conclusion=True)  # the whole text's verdict
    if kind == "fact":  # "X对中国利大还是弊大？" of a part holding the authors' verdict
        return (
            compose_document(document, retrieval, context, True) if weighed_in(retrieval, context) else None
        )
    section = retrieval.target
    bare = section is None and (kind == "conclusion" or intents.bare_summary(q.searched))
    whole = q.whole and not names_a_part(retrieval, context)  # "What does the paper say about X?": X
    if whole or bare:
        return compose_document(document, retrieval, context, conclusion=kind == "conclusion")
    return compose_section(section, retrieval, context) if section else None


def asks_treatment(retrieval: Retrieval, context: AnswerContext) -> bool:
    """It asks what the text says of (or argues about) its target's heading."""
    q = retrieval.question
    says = asked.says_about(q.searched) or asked.asks_argument(q.searched)
    paraphrased = retrieval.paraphrased and retrieval.target == retrieval.paraphrased
    named = says and retrieval.target and (paraphrased or about_heading(retrieval, context, NAMED_TOPIC))
    return bool(named or says and retrieval.target and treated_in(retrieval, context))


def treated_in(retrieval: Retrieval, context: AnswerContext) -> bool:
    """The question names its target's heading, and most of its other words are words of that section
    ("How does the paper explain the regional-alliance trend at the company and the government level?"):
    asking how the text treats it asks for the section."""
    sid, lang, tree = retrieval.target, retrieval.lang, context.index.tree
    # English words only: most Chinese tokens of a question (中国, 产业) are in any section of the text
    if lang != "en" or retrieval.matched[:1] != [sid]:
        return False
    home = {w.lower() for w in context.index.home.get(lang, frozenset())}
    asked = {singular(w) for w in widened(intents.topic_words(retrieval.question.searched))} - home
    label = context.index.label(sid, lang)
    heading = {singular(w) for w in heading_words(label)}
    spelled = {singular(w) for w in spelt(label, asked)}  # "AI" names "Artificial Intelligence …"
    same = lambda a, b: a == b or kin(a, b)  # noqa: E731
    named = sum(w in spelled or any(same(w, a) for a in asked) for w in heading)
    if not heading or named < NAMED_TOPIC * len(heading):
        return False
    rest = {a for a in asked if not any(same(a, w) for w in heading)}
    chunks = [c for p in tree.chunks if p == sid or p.startswith(sid + ".") for c in tree.chunks[p]]
    editions = context.index.editions  # the section as an English reader sees it: its translated edition
    text = " ".join(
        e.text if (e := editions.get(c.id)) and c.lang != lang else c.text for c in chunks
    ).lower()
    have = set(content_tokens(text))
    found = [a for a in rest if any(b in text or any(same(b, t) for t in have) for b in alike(a))]
    return len(found) > TREATED_SHARE * len(rest)


def weighed_in(retrieval: Retrieval, context: AnswerContext) -> bool:
    """The part the question names, or one it is in, holds the authors' own verdict ("本文认为…弊大于利"):
    asking which side outweighs the other of what it treats asks for that verdict."""
    parts = {a for m in retrieval.matched[:2] for a in ancestors(m)}
    return any(thesis_sentences(retrieval.document, retrieval, context, within=a) for a in parts)


def numbered(document: str, context: AnswerContext) -> bool:
    """The document numbers its parts, so a number it does not have names no part of it."""
    tree = context.index.tree
    parts = tree.top(document)
    return bool(parts) and all(label_number(tree.labels.get(s, "")) for s in parts)


def names_heading(section: str, retrieval: Retrieval, context: AnswerContext) -> bool:
    """The question names the section's heading (at least half its words, or words readers use for the
    same thing) and little else: one word of its own at most, the asking words and the text's home
    name aside ("What upsides does China get?", "列出不利影响")."""
    words = heading_words(context.index.label(section, retrieval.lang))
    used = {w for w in set(retrieval.terms) | named_in(retrieval.question.searched) if len(w) > 1}
    home = {w.lower() for w in context.index.home.get(retrieval.lang, frozenset())}
    own = {w for w in used if not alike(w) & words and w not in home and not RE_ASKING.search(w)}
    return bool(words) and len(words & widened(used)) >= NAMED_SHARE * len(words) and len(own) <= MAX_OWN


def lists_items(section: str, context: AnswerContext) -> bool:
    """The section sets out items one after another (a run of clauses ended by semicolons)."""
    return any(semicolon_items(c) for c in context.index.tree.chunks.get(section, []))


def about_heading(retrieval: Retrieval, context: AnswerContext, share: float = NAMED_HEADING) -> bool:
    """The question is its target's heading and little else ("产业空心化有哪些表现？")."""
    return names_only(context.index.label(retrieval.target, retrieval.lang), set(retrieval.terms), share)


def compose(retrieval: Retrieval, report: GuardReport, context: AnswerContext) -> Answer:
    """The answer, its sources in both languages where the text has a translated edition."""
    answer = _compose(retrieval, report, context)
    add_other_language(answer.citations, context.index)
    return answer


def _compose(retrieval: Retrieval, report: GuardReport, context: AnswerContext) -> Answer:
    decided = report.decided
    if decided is not None:
        if decided.correction is not None:
            return corrected(decided, retrieval, context)
        answer = empty(retrieval.question, retrieval)
        answer.guard, answer.notice = decided.guard, decided.notice
        return answer
    return answered(retrieval, context)


def corrected(decided: Verdict, retrieval: Retrieval, context: AnswerContext) -> Answer:
    """The correction of a false premise; then, when the question asks something besides the premise
    ("…grew tenfold. What does it forecast for 2030?"), the answer to the question."""
    fixed = compose_correction(decided, retrieval, context)
    fix = decided.correction
    if fix.why == "verdict" or not asks_more(rest_of(retrieval.question.searched, fix.premise)):
        return fixed  # the rest of a question weighing the sides the wrong way leans on that premise
    more = compose_passages(retrieval, context)  # the sentences, not the overview the premise may ask for
    return fixed if more.abstained else joined(fixed, more, REST_HEAD[retrieval.lang])


def answered(retrieval: Retrieval, context: AnswerContext) -> Answer:
    """The answer the question gets once every guard has let it through."""
    q = retrieval.question
    structural = not retrieval.named and (not q.english_front or q.intent == "metadata")
    if structural and (answer := structured(retrieval, context)) is not None and not answer.abstained:
        return answer
    if q.intent == "location":  # "哪一部分讲了X？": the sections first, then what they say
        return compose_location(retrieval, context)
    return compose_passages(retrieval, context)


NO_PROPOSAL = {
    "zh": "论文没有专门针对“{topic}”提出建议；它的建议在“{part}”：",
    "en": "The paper makes no proposal specifically about “{topic}”; its proposals are in “{part}”:",
}


def unanswered(retrieval: Retrieval, context: AnswerContext) -> Answer | None:
    """What the text proposes about a topic it treats but makes no proposal on: it says so, then shows its
    part of proposals."""
    index, lang = context.index, retrieval.lang
    found = unanswered_topic(
        retrieval.question.searched, lang, set(retrieval.terms), retrieval.matched, index
    )
    if found is None:
        return None
    topic, part = found
    answer = compose_section(part, retrieval, context)
    if answer.abstained:
        return None
    head = NO_PROPOSAL[lang].format(
        topic=bare_label(index.label(topic, lang)), part=bare_label(index.label(part, lang))
    )
    answer.answer = f"{head}\n{answer.answer}"  # said in the message itself, not again as a notice
    return answer
