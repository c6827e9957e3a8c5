"""Where the text answers a problem it names: "作者对产业空心化有什么建议？", "What does the author propose
to deal with it?".

A question that asks for proposals about a topic the text treats in a section of its own (a heading
the question names) is steered to the section that responds to it: a section under a heading of
proposals (建议, 对策, recommendations, policy, response …), the one whose heading shares the most of
the topic heading's words, weighted by how rare they are among the headings; where none shares a word,
the only one at that level (a chapter of recommendations for a chapter of impacts), or else the one at
the same place in a parallel list (the second of five responses for the second of five problems).
Language knowledge (the words for proposals) is here; nothing about any one document.
"""

from __future__ import annotations

import re

from assistant.index.open import OpenIndex
from assistant.index.sections import ancestors, bare_label, heading_words
from assistant.question.synonyms import alike, opposed
from assistant.retrieval.headings import singular
from assistant.retrieval.outline import heading_weights, label_tokens

RE_ASKS_PROPOSAL = re.compile(
    r"建议|对策|措施|举措|应对|怎么办|怎么做|如何做|应该做|应当做|如何解决|怎样解决|怎么解决|出路|防止|避免|预防|防范|"
    r"\b(?:propos\w*|recommend\w*|suggest\w*|remed\w*|solutions?|measures?|prescri(?:be|ption)s?)\b|"
    r"\bdeal with\b|"
    r"\b(?:prevent\w*|avoid\w*|combat\w*|cope with)\b|\bwants? (?:\w+ ){1,2}to do\b|"
    r"希望[^，。？?]{0,10}(?:做|怎么)|"
    r"\b(?:what|how) should\b|\brespond\w*\b|\btackl\w*\b|\bcounter\w*\b|"
    r"\b(?:lessons?|take-?aways?|implications?|messages?) for (?:\w+ )?(?:policy ?makers?|polic(?:y|ies)|"
    r"governments?|decision[- ]makers?)\b|(?:政策|决策者?|政府)[^，。？?]{0,6}(?:启示|含义)|启示",
    re.I,
)
RE_PROPOSAL_HEADING = re.compile(
    r"建议|对策|应对|措施|举措|路径|启示|\brecommend|\bpolic(?:y|ies)\b|\brespons|\bsuggest|\bmeasures?\b|"
    r"\bimplications?\b",
    re.I,
)


# words of a question asking what is proposed, that name no topic ("should", "do", 应该, 怎么做)
ADVICE_WORDS = frozenset(
    "应该 应当 怎么 怎么做 如何 做 要 需要 采取 什么 有什么 哪些 给出 提出 提供 根据 按照 "
    "论文 文章 作者 本文 我国 我们 咱们 "
    "should do doe done can could must would need take paper article author text overall main key "
    "takeaway lesson implication message policymaker policy maker decision government chinese "
    "启示 含义 政策 决策 决策者 政府 制定 制定者 这篇 篇文章 "
    "具体 为了 几条 哪几条 针对 关于 对于 提了 "
    # doing something about a problem: "close the gap", "fix it", 缩小, 解决
    "close narrow bridge fix overcome solve address reduce 缩小 解决 克服 弥补 "
    "specific concrete step steps want wants high level broad then highest overall prescription "
    # the forms a thing takes, asked of it: "产业空心化具体表现在哪些方面？"
    "表现 体现 方面 形式 forms form aspects aspect manifest manifests manifestation manifestations".split()
)
# words that ask, not name: who is asked (the author, the paper) and what for (proposals)
RE_ASKING = re.compile(r"^(?:作者|文章|论文|本文|author|paper|text|articl)|" + RE_ASKS_PROPOSAL.pattern, re.I)
NAMED_HEADING = 0.8  # share of a heading's words a question uses to be about that section
NAMED_TOPIC = 0.6  # the same, for "What does the paper say about X?", which may leave out an adjective


def names_only(heading: str, terms: set[str], share: float = NAMED_HEADING) -> bool:
    """The question is the heading and little else ("产业空心化有哪些表现？", "作者对产业空心化有什么建议？"):
    it uses nearly all the heading's words or words readers use for them ("effects" for "impact"), and
    they are most of its own (asking words aside)."""
    words = {singular(w) for w in heading_words(heading)}  # "gaps" is named by "gap"
    named = lambda w: bool(alike(singular(w)) & words)  # noqa: E731
    asking = lambda w: RE_ASKING.search(w) is not None or w in ADVICE_WORDS  # noqa: E731
    asked = {w for w in terms if len(w) > 1 and (named(w) or not asking(w))}
    asked_singular = {singular(a) for a in asked}
    common = {w for w in words if alike(w) & asked_singular}
    used = {w for w in asked if named(w)}
    return bool(words) and len(common) >= share * len(words) and len(used) >= 0.5 * len(asked)


def asking_only(section: str, index: OpenIndex, lang: str) -> bool:
    """The heading is only words that ask for proposals ("政策建议", "Policy Recommendations"): a question
    naming it names no topic."""
    words = heading_words(index.label(section, lang))
    return bool(words) and all(RE_ASKING.search(w) or w in ADVICE_WORDS for w in words)


def _proposing(section: str, index: OpenIndex, lang: str) -> bool:
    return any(RE_PROPOSAL_HEADING.search(bare_label(index.label(s, lang))) for s in ancestors(section))


OWN_SHARE = 0.5  # of the question's own words the heading must hold
RARE = 2.5  # weight of a heading word (log(1 + n/df)) rare enough to tell one part of proposals by it


def headed_by(terms: set[str], lang: str, index: OpenIndex, document: str) -> list[str]:
    """The part of proposals (a leaf under a heading of proposals) whose heading holds the most weight of
    the question's own words (half of them at least), one of them rare among the headings
    ("针对外资，作者提了什么建议？": the part headed "…吸引外资"; "What does it suggest to expand markets?":
    "…Expanding Market Size"); [] on a tie."""
    weights = heading_weights(index, lang, document)
    own = {w for w in terms if len(w) > 1 and not RE_ASKING.search(w) and w not in ADVICE_WORDS}
    tree = index.tree
    scored = []
    for s in tree.first:
        if tree.document_of(s) != document or tree.children.get(s) or not _proposing(s, index, lang):
            continue
        said = own & label_tokens(index.label(s, lang))
        # the topic, and little else: a question asking more ("…with the foreign exchange reserves?")
        # is answered by the sentences that say it
        if any(weights.get(w, 0.0) >= RARE for w in said) and len(said) >= OWN_SHARE * len(own):
            scored.append((sum(weights.get(w, 0.0) for w in said), s))
    scored.sort(reverse=True)
    if not scored or len(scored) > 1 and scored[1][0] == scored[0][0]:
        return []
    return [scored[0][1]]


def response_sections(
    question: str, lang: str, terms: set[str], matched: list[str], index: OpenIndex, document: str = ""
) -> list[str]:
    """The section that responds to the topic a proposal question names and little else (or, naming no
    heading whole, the part of proposals headed by its rarest words, see `headed_by`), or []."""
    if not RE_ASKS_PROPOSAL.search(question):
        return []
    # the heading it names (a part of proposals named by the word that asks for them is none)
    topic = next(
        (
            m
            for m in matched
            if names_only(index.label(m, lang), terms, NAMED_TOPIC) and not asking_only(m, index, lang)
        ),
        None,
    )
    tree = index.tree
    if topic is None:  # it asks about more than a topic, or names none whole
        return headed_by(terms, lang, index, document) if document else []
    document = tree.document_of(topic)
    if _proposing(topic, index, lang):  # it names a proposal's own heading ("…avoid hollowing out"), or
        # a part of proposals and one inside it by words of its own ("应对挑战里关于扩大市场规模")
        rest = terms - set(label_tokens(index.label(topic, lang)))
        inner = [s for s in headed_by(rest, lang, index, document) if s.startswith(topic + ".")]
        return inner or [topic]
    weights = heading_weights(index, lang, document)
    words = set(label_tokens(index.label(topic, lang)))
    answers = [
        s
        for s in tree.first
        if tree.document_of(s) == document
        and _proposing(s, index, lang)
        and s.count(".") == topic.count(".")
        and not opposed(words, set(label_tokens(index.label(s, lang))))  # not the upsides' for a harm
    ]
    scored = [
        (sum(weights.get(w, 1.0) for w in words & label_tokens(index.label(s, lang))), s) for s in answers
    ]
    best = max(scored, default=(0.0, None))
    if best[0] > 0:
        return [best[1]]
    if len(answers) == 1:  # the one part of proposals at that level ("四、政策建议" for a chapter)
        return answers
    parent, _, _ = topic.rpartition(".")
    siblings = tree.children.get(parent, []) if parent else []
    place = siblings.index(topic) if topic in siblings else -1
    for s in answers:  # a parallel list: as many responses as problems, in the same order
        up, _, _ = s.rpartition(".")
        kids = tree.children.get(up, [])
        if place >= 0 and len(kids) == len(siblings) and kids.index(s) == place:
            return [s]
    return []


def proposals_asked(
    question: str, lang: str, terms: set[str], home: frozenset[str], index: OpenIndex, document: str
) -> str | None:
    """The document's part of proposals, when the question asks what the text proposes and names no topic
    ("What does the paper recommend?", "中国应该怎么做？"); None otherwise, or when no top-level part
    is one of proposals."""
    if not RE_ASKS_PROPOSAL.search(question):
        return None
    own = {w for w in terms if len(w) > 1 and not RE_ASKING.search(w) and w not in home}
    if own - ADVICE_WORDS:
        return None
    tops = index.tree.top(document)
    parts = [s for s in tops if RE_PROPOSAL_HEADING.search(bare_label(index.label(s, lang)))]
    return parts[-1] if parts else None


# words asking for the authors' advice itself, not for the measures or practices a topic involves
# ("采购单极化的相关措施" are what firms do, "对采购单极化的建议" what the authors propose)
RE_ADVICE = re.compile(
    r"建议|对策|怎么办|应该|应当|\b(?:propos|recommend|suggest|advi[cs]|should|prescri)\w*", re.I
)


def unanswered_topic(
    question: str, lang: str, terms: set[str], matched: list[str], index: OpenIndex
) -> tuple[str, str] | None:
    """(the topic's section, the part of proposals) when the question asks what the text proposes about
    a topic it treats in a part of its own ("作者对采购单极化有什么建议？") and no part of proposals
    responds to it; None otherwise."""
    if not matched or not RE_ADVICE.search(question):
        return None
    topic = next((m for m in matched if names_only(index.label(m, lang), terms, NAMED_TOPIC)), None)
    if (
        topic is None
        or _proposing(topic, index, lang)
        or response_sections(question, lang, terms, matched, index)
    ):
        return None
    tops = index.tree.top(index.tree.document_of(topic))
    parts = [s for s in tops if RE_PROPOSAL_HEADING.search(bare_label(index.label(s, lang)))]
    return (topic, parts[-1]) if parts and not topic.startswith(parts[-1]) else None


def topic_named(intent: str, lang: str, terms: set[str], matched: list[str], index: OpenIndex) -> list[str]:
    """The section a fact question is about when it names that section's heading and little else
    ("作者为什么认为我国的海外市场会大幅收缩？" of 市场大幅萎缩), or []."""
    if intent != "fact" or not matched:
        return []
    return matched[:1] if names_only(index.label(matched[0], lang), terms) else []
