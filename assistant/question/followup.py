"""Follow-up questions: a question that leans on the conversation.

A follow-up is made whole before anything is searched, from what the previous answer was about
(`Recalled`: its question, the items it listed, the section it was about and that section's
siblings). In order:

- "第二个是什么意思？", "Say more about the second one." point at an item of a listed answer: the item's
  heading takes the place of the pointer, and the search leans on its section;
- "那2023年呢？", "And in 2019?" change a year or a figure of the previous question: the previous
  question is asked again with it;
- "那消极影响呢？", "What about the negative ones?" name a sibling of the section the previous answer
  was about: the previous question is asked of it;
- "这是在文章哪部分讲的？", "Which section says that?" ask where the previous answer comes from: the
  previous question is asked again, steered to the sections its sources are in;
- "作者对此有什么建议？", "What does it mean?" refer back with a pronoun: the previous topic takes the
  pronoun's place;
- any other short question or one that opens like a follow-up ("and …", 那…呢) is searched with the
  previous question after it.

With a model configured, a model may condense instead; without one this is how it is done.
`Resolved.question` is what is searched and is shown as `condensed_question`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pydantic import BaseModel, Field

from assistant.corpus.entities import names
from assistant.figures import EN_WORDS
from assistant.index.sections import parent_of
from assistant.question import asked, intents, numbering
from assistant.question.asked import RE_CAUSE_OR_REMEDY, RE_OFFERS, RE_REMEDY
from assistant.question.pronouns import (
    RE_ANAPHORA_ZH,
    RE_POINTER,
    RE_PROBLEM,
    RE_TWO,
    anaphora_en,
    narrows_text,
)
from assistant.question.synonyms import widened
from assistant.text import EN_STOP, ZH_STOP, english_words, language_of, tokenize

MAX_TURNS = 6
RE_FOLLOW_UP = re.compile(
    r"^(and|also|what about|how about|and what|then|so|but)\b|^(那|那么|还有|另外|并且|而|其中|那这|这个)|"
    r"呢[？?]?$",
    re.I,
)
MAX_OWN_WORDS = 2  # words of its own a question asking why "it" happens may have ("happening")
RE_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


class Turn(BaseModel):
    role: str = Field(pattern="^(user|assistant)$")
    content: str = Field(max_length=20000)


@dataclass
class Recalled:
    """What the previous answer was about."""

    question: str  # the question it answered (made whole, if it was a follow-up itself)
    items: list[tuple[str, str]] = field(default_factory=list)  # (heading, section id) it listed, in order
    target: str | None = None  # the section it was about
    topic: str = ""  # that section's heading, or the previous question's words
    # (heading, section id, level) beside the target (level 0) and beside each of its parents (1, 2, …)
    siblings: list[tuple[str, str, int]] = field(default_factory=list)
    cited: list[str] = field(default_factory=list)  # the sections its sources are in, in order
    part: str = ""  # the heading of the one part without parts all it quoted comes from, if one
    # the parts (heading, section id) of each item it listed and of the section its target is a part of
    kids: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    path: list[str] = field(default_factory=list)  # the headings of the target and of its parents, in turn
    leaf: bool = False  # its target has no parts of its own


@dataclass
class Resolved:
    question: str  # the whole question to search
    sections: list[str] = field(default_factory=list)  # sections to steer the search to


MAX_FOLLOW_UP_WORDS = 3  # a question naming this few things leans on the one before
MAX_OPENED_WORDS = 4  # one opened like a follow-up ("那…", "And …") naming more stands on its own,
# unless it asks the same as before of something else ("那美国的关税呢？", "What about the EU's rules?")
RE_SAME_ASKED = re.compile(r"呢[？?]?$|^(?:and |so )?(?:what|how) about\b", re.I)


def _own(question: str) -> set[str]:
    """The words a question names besides the kind of content it asks for."""
    return _words(asked.RE_ASKS_CONTENT.sub(" ", question.strip()))


def new_focus(question: str) -> list[str]:
    """What a follow-up asking the same of something else names ("那美国呢？": 美国; "What about Japan?")."""
    if not RE_SAME_ASKED.search(question.strip()):
        return []
    return sorted(n for n in names(question, language_of(question)) if not RE_YEAR.search(n))


def is_follow_up(question: str) -> bool:
    """It opens or ends like a follow-up ("And …", "那…呢"), or names almost nothing of its own besides
    the kind of content it asks for ("比上年增长了多少？", "What are other governments doing?",
    "哪家公司是典型例子？")."""
    return bool(RE_FOLLOW_UP.search(question.strip())) or len(_own(question)) <= MAX_FOLLOW_UP_WORDS


def previous_turn(history: list[Turn]) -> tuple[str, list[Turn]] | None:
    """The last user question and the history before it."""
    for k in range(len(history) - 1, max(-1, len(history) - 1 - 2 * MAX_TURNS), -1):
        if history[k].role == "user" and history[k].content.strip():
            return history[k].content.strip(), history[:k]
    return None


def _words(text: str) -> set[str]:
    lang = language_of(text)
    return {
        w
        for w in (english_words(text) if lang == "en" else tokenize(text))
        if len(w) > 1 and w not in ZH_STOP and w not in EN_STOP
    }


RE_QUESTION_WORDS = re.compile(
    r"(?:指的是什么|是什么意思|什么意思|指的是|是指|是什么|什么|有哪些|是多少|有多少|为什么|怎么样|如何|吗|"
    r"呢|做了|(?:文章|论文|本文|作者|文中)[里中]?(?:说|提到|认为|指出|讲)了?的?)|[？?。！!，,]|"
    r"^(?:so|and|but|then|also)\b|"
    r"\b(?:what|why|how|which|who|when|where|does|do|did|is|are|was|were|has|have|had|mean|means|say|says|"
    r"according to|per|the paper|the "
    r"authors?)\b|\b(?:take|view|views|position|stance) on\b",
    re.I,
)


def topic_of(question: str) -> str:
    """What a question is about, without the words that ask ("技术越追越远指的是什么？" → 技术越追越远)."""
    left = RE_QUESTION_WORDS.sub(" ", question)
    return " ".join(re.sub(r"(?<!\w)['’]s\b", " ", left).split())  # "What's the paper's" leaves "'s"


RE_PART_NAME = re.compile(r"块|部分|\b(?:part|section|chapter|half)\b", re.I)


def _nested_item(question: str, recalled: Recalled) -> tuple[str, str] | None:
    """The item a question points at by two positions, a part and then one of its own ("第一块里的第三条",
    "the third point of the second part"): the position naming a part (块, "part") is the part's."""
    found = [
        (numbering.ordinal_reference(m.group()), bool(RE_PART_NAME.search(question[m.start() : m.end() + 6])))
        for m in numbering.RE_ORDINAL_REFERENCE.finditer(question)
    ]
    if len(found) != 2 or not all(k and k > 0 for k, _ in found) or found[0][1] == found[1][1]:
        return None
    (outer, _), (inner, _) = sorted(found, key=lambda f: not f[1])
    items = recalled.items
    tops = [(label, sid) for label, sid in items if not any(sid.startswith(o + ".") for _, o in items)]
    if outer > len(tops):
        return None
    parent = tops[outer - 1][1]
    kids = recalled.kids.get(parent, [])  # its parts, listed in the answer or not
    return kids[inner - 1] if inner <= len(kids) else None


def _sibling_at(recalled: Recalled, k: int) -> tuple[str, str] | None:
    """After an answer about one part of a list ("壁垒武器化是什么意思？"), the part at position `k` of that
    list ("那第一个趋势呢？": the first trend)."""
    parent = parent_of(recalled.target) if recalled.target else None
    kids = recalled.kids.get(parent, []) if parent else []
    return kids[k] if kids and -len(kids) <= k < len(kids) and kids[k][1] != recalled.target else None


def _point(question: str, label: str) -> str:
    """The question with its pointer ("第二个", "the second one") replaced by `label`."""
    return numbering.RE_ORDINAL_REFERENCE.sub(label, question, count=1)


# what a follow-up naming a section above the previous one asks: what that section says
ABOUT = {"zh": "{}讲了什么？", "en": "What does the text say about {}?"}


def _sibling(question: str, recalled: Recalled) -> tuple[str, str, int] | None:
    """The section beside the previous one (level 0) or beside one of its parents (level 1, 2 …) whose
    heading the question names best (not by one word of many: "foreign exchange reserves" names no part
    on "attracting foreign investment"): (heading, section id, level). Words readers use for a heading's
    own count ("那坏处呢？" names 消极影响)."""
    mine = widened(_words(RE_FOLLOW_UP.sub(" ", question)))  # "那坏处呢" is 坏处, not 那坏

    def own(sibling: tuple[str, str, int]) -> set[str]:  # its words, not those of the part it is beside
        level = sibling[2]
        beside = _words(recalled.path[level]) if level < len(recalled.path) else set()
        return _words(sibling[0]) - beside or _words(sibling[0])

    best = max(recalled.siblings, key=lambda s: (len(own(s) & mine), -s[2]), default=None)
    if best is None:
        return None
    n, heading = len(own(best) & mine), own(best)
    # named: two of its words, or half of them ("the negative ones"), and more than the topic's
    if n and (n >= 2 or 2 * n >= len(heading)) and n > len(_words(recalled.topic) & mine):
        return best
    return None


def _beside(question: str, recalled: Recalled) -> Resolved | None:
    """The question asked of the part beside the previous one (or beside one of its parents) that it
    names: asked whole when it is ("那消极影响有哪些？"), else what was asked before, of that part."""
    if (sibling := _sibling(question, recalled)) is None:
        return None
    heading, section, level = sibling
    own = RE_FOLLOW_UP.sub("", question.strip()).strip()
    if own != question.strip() and intents.intent(own) in ("list", "summary"):
        return Resolved(own, [section])
    if level == 0:
        return Resolved(_swap_topic(recalled.question, recalled.topic, heading), [section])
    return Resolved(ABOUT[language_of(question)].format(heading), [section])


def _item_named(question: str, recalled: Recalled) -> tuple[str, str] | None:
    """The item of the previous answer whose label the question names (more of it than of the topic
    the items belong to), when it asks little else ("那人工智能封闭化呢？", "What about AI closure?")."""
    mine = _words(question)
    named = [(len(_words(label) & mine), label, sid) for label, sid in recalled.items]
    n, label, section = max(named, default=(0, "", ""))
    if not n or n <= len(_words(recalled.topic) & mine) or [x for x, *_ in named].count(n) > 1:
        return None
    if not (_words(label) & mine) - set(EN_WORDS):  # "which one": a pronoun, not "Stage One"
        return None
    return (label, section) if len(mine - _words(label)) <= MAX_FOLLOW_UP_WORDS - 1 else None


def _ordered_words(text: str) -> list[str]:
    lang = language_of(text)
    words = english_words(text) if lang == "en" else [w for w in tokenize(text) if len(w) > 1]
    return list(dict.fromkeys(w for w in words if w not in ZH_STOP and w not in EN_STOP))


def _swap_topic(previous: str, old: str, new: str) -> str:
    """`previous` asked of `new` instead of `old`: the old heading replaced by the new one, or else each
    word in which the two headings differ, one for one; failing both, what the text says about `new`."""
    if old and re.search(re.escape(old), previous, re.I):
        return re.sub(
            re.escape(old),
            lambda m: new[:1].lower() + new[1:] if m.group()[:1].islower() else new,
            previous,
            count=1,
            flags=re.I,
        )
    gone = [w for w in _ordered_words(old) if w not in _ordered_words(new)]
    came = [w for w in _ordered_words(new) if w not in _ordered_words(old)]
    if not gone or len(gone) != len(came):  # no word-for-word swap: ask what the text says of it
        return ABOUT[language_of(previous)].format(new)
    out = previous
    for a, b in zip(gone, came, strict=False):
        out = re.sub(
            rf"{re.escape(a)}\w*" if previous.isascii() else re.escape(a), b, out, count=1, flags=re.I
        )
    return out if out != previous else ABOUT[language_of(previous)].format(new)


def _refer(question: str, topic: str) -> str:
    """The question with its pronoun replaced by the topic ("作者对此有什么建议" → "作者对X有什么建议")."""
    if language_of(question) == "zh":
        return RE_ANAPHORA_ZH.sub(
            lambda m: f"对{topic}" if m.group().startswith("对") else topic, question, count=1
        )
    m = anaphora_en(question)
    return question[: m.start("p")] + topic + question[m.end("p") :] if m else question


def _other_item(
    question: str, previous: str, earlier: list[Turn], k: int, recall: Callable | None
) -> Resolved | None:
    """A pointer to another item of the list the previous question pointed into, asking little else
    ("那第一个呢？", "And the third one?"): the previous question asked of that item."""
    if recall is None or numbering.ordinal_reference(previous) is None or _words(_point(question, " ")):
        return None
    if (found := previous_turn(earlier)) is None:
        return None
    items = recall(*found).items
    if not 0 <= k < len(items) and not (k == -1 and items):
        return None
    label, section = items[k]
    return Resolved(_point(previous, label), [section])


def few_words(question: str) -> bool:
    """The question names little of its own ("对此作者提出了什么对策", "文章建议怎么应对？": the text named
    is no word of its own)."""
    own = _words(RE_OFFERS.sub(" ", RE_ANAPHORA_ZH.sub(" ", intents.RE_WHOLE.sub(" ", topic_of(question)))))
    return len(own) <= MAX_OWN_WORDS


def asks_why_or_what_to_do(question: str, recalled: Recalled) -> bool:
    """Asked why "it" happens or what to do about it ("Why is that happening?") and little
    else, after an answer about one part without parts that the question before did not name."""
    if not RE_CAUSE_OR_REMEDY.search(question) or not few_words(question):
        return False
    leaf = recalled.part or (recalled.path[0] if recalled.path and recalled.leaf else "")
    return bool(leaf) and recalled.topic not in recalled.path


def opened_whole(question: str) -> bool:
    """Opened like a follow-up ("那…", "And …") yet a whole question: it names more than a few things
    itself, points at nothing besides its opening ("that story") and asks no "the same of X?"."""
    q = question.strip()
    rest = RE_FOLLOW_UP.sub(" ", q)
    return len(_own(q)) > MAX_OPENED_WORDS and not RE_SAME_ASKED.search(q) and not RE_POINTER.search(rest)


def follow_up(
    question: str, history: list[Turn] | None, recall: Callable[[str, list[Turn]], Recalled] | None = None
) -> Resolved | None:
    """The whole question a follow-up stands for, or None when it stands on its own."""
    if not history or (found := previous_turn(history)) is None:
        return None
    previous, earlier = found
    ordinal = numbering.ordinal_reference(question)
    zh = language_of(question) == "zh"
    anaphora = RE_ANAPHORA_ZH.search(question) if zh else anaphora_en(question)
    location = intents.RE_LOCATION.search(question) is not None
    pointing = location and RE_POINTER.search(question)
    speaks = narrows_text(question)  # "How do they propose helping private firms specifically?"
    if ordinal is None and not anaphora and not is_follow_up(question) and not pointing and not speaks:
        return None
    whole = opened_whole(question)
    recalled = recall(previous, earlier) if recall else Recalled(previous)
    k = ordinal - 1 if ordinal and ordinal > 0 else -1
    if ordinal is not None and (nested := _nested_item(question, recalled)):
        label, section = nested  # "第一块里的第三条讲什么？": the third part of the first
        return Resolved(ABOUT[language_of(question)].format(label), [section])
    if ordinal is not None and recalled.items and k < len(recalled.items):
        label, section = recalled.items[k]
        return Resolved(_point(question, label), [section])
    if ordinal is not None and (other := _other_item(question, previous, earlier, k, recall)):
        return other  # "那第一个呢？" after "第二个有什么数据支撑？": the same of the first item
    if ordinal is not None and not recalled.items and (kid := _sibling_at(recalled, k)):
        return Resolved(ABOUT[language_of(question)].format(kid[0]), [kid[1]])  # "那第一个趋势呢？"
    if location:  # "这是在哪部分讲的？": the previous answer's sections (the two before: "这两组数据")
        cited = recalled.cited or ([recalled.target] if recalled.target else [])
        if RE_TWO.search(question) and recall and (before := previous_turn(earlier)):
            cited = list(dict.fromkeys([*recall(*before).cited, *cited]))
        return Resolved(recalled.question, cited)
    steer = [recalled.target] if recalled.target else []
    if speaks and not anaphora and recalled.part:  # "How do they propose helping private firms?": of it
        return Resolved(f"{question.strip()} {recalled.part}", steer)
    if ordinal is None and not anaphora and whole:  # "那作者建议怎么防止产业空心化？": opened like a
        return Resolved(question.strip(), steer)  # follow-up, yet a whole question: searched as it is
    years = RE_YEAR.findall(question)
    previous = RE_YEAR.sub(years[0], recalled.question) if years else recalled.question
    if years and previous != recalled.question and not _words(RE_YEAR.sub(" ", question)) - _words(previous):
        return Resolved(previous, steer)  # only the year is new: the previous question, of that year
    if (beside := _beside(question, recalled)) is not None:
        return beside
    if (item := _item_named(question, recalled)) is not None:  # "那人工智能封闭化呢？" after the trends
        label, section = item
        return Resolved(ABOUT[language_of(question)].format(label), [section])
    return _of_topic(question, recalled, previous, bool(anaphora), zh, steer)


def _of_topic(
    question: str, recalled: Recalled, previous: str, anaphora: bool, zh: bool, steer: list[str]
) -> Resolved:
    """A follow-up pointing back at the last topic ("作者对此有什么建议？", "Why?", "有数据支撑吗？"), or
    otherwise leaning on the question before (`previous`, made whole)."""
    if anaphora and recalled.topic:  # what it asks of the topic may be elsewhere ("对此有什么建议"): no steer
        # "this problem" is the problem the part quoted treats, not the example the question asked for
        problem = recalled.part if RE_PROBLEM.search(question) else ""
        if not problem and asks_why_or_what_to_do(question, recalled):
            problem = recalled.part or recalled.path[0]  # the part without parts it was about
        if problem and not zh and RE_PROBLEM.search(question):  # "this problem" as a whole, not "this" alone
            return Resolved(RE_PROBLEM.sub(problem, question, count=1))
        # an example, figures or a date of it come from the part that said it ("Any figures for that?")
        here = [recalled.target] if recalled.target and not problem and asked.asks_evidence(question) else []
        return Resolved(_refer(question, problem or recalled.topic), here)
    # "有数据支撑吗？": of the topic, not what was asked of it before; "Why?" after a summary of a part
    # likewise (asked with the summary's words it would be the summary again)
    summary = intents.intent(recalled.question) == "summary" or asked.says_about(recalled.question)
    why = intents.RE_WHY.search(question) and summary
    if (asked.asks_evidence(question) or why) and recalled.topic and not anaphora:
        return Resolved(f"{question.strip()} {recalled.topic}", steer)
    # "What does the paper suggest China do?", "文章建议怎么应对？" after an answer quoting one part on a
    # problem: what to do about that problem
    if RE_REMEDY.search(question) and (
        few_words(question) and recalled.part or asks_why_or_what_to_do(question, recalled)
    ):
        return Resolved(f"{question.strip()} {recalled.part or recalled.path[0]}")
    return Resolved(f"{question.strip()} {previous}", steer)
