"""What a question asks about, in its own words: the topic it asks the text's view of ("What does the
paper say about RCEP?"), the term whose meaning it asks ("What is meant by X?", "X指的是什么？"), and
whether it asks for one kind of content (a reason, an example, a figure, a date). Language knowledge,
read once per question; the guards and the answer stage use it."""

from __future__ import annotations

import re

# "RCEP在文中起了什么作用？": the role a topic plays in the text
ROLE_ZH = r"在(?:文中|文章中?|论文中?|本文中?)(?:里)?(?:起|发挥|扮演)了?(?:什么|怎样的|哪些)(?:作用|角色)"
# "What does the paper say about X?", "文章对X怎么说": what the text says on one topic
RE_SAYS_ABOUT = re.compile(
    r"\bwhat (?:(?:does|do) )?(?:the|this) (?:paper|article|text|report|study|authors?) "
    r"(?:say|write|argue)s? (?:about|on)\b|"
    r"\bwhat(?:'s| is| are) (?:the|this|its) (?:paper|article|text|report|study|authors?)(?:'s|’s|'|’)? "
    r"(?:take|views?|position|stance|perspective|opinion|thinking) (?:on|of|about)\b|"
    r"\bhow (?:does|do) (?:the|this) (?:paper|article|text|report|study|authors?) (?:see|view)\b|"
    r"\bwhat (?:does|do) (?:the|this) (?:paper|article|text|report|study|authors?) think (?:about|of)\b|"
    r"\b(?:does|do|did) (?:the|this) (?:paper|article|text|report|study|authors?) "
    r"(?:discuss|mention|talk about|cover|deal with|address|say anything about)\b|"
    r"\bhow (?:does|do|did) (?:the|this) (?:paper|article|text|report|study|authors?) "
    r"(?:explain|describe|treat|present|portray|characteri[sz]e|analy[sz]e|discuss|frame)\b|"
    r"(?:文章|论文|本文|作者)(?:有没有|是否|有无)?(?:提到|提及|讨论|涉及|谈到|说到)(?:过|了)?|"
    r"(?:文章|论文|本文|作者)(?:对|关于)[^，。？?]{1,20}(?:怎么说|说了什么|讲了什么|有什么论述|怎么看|是怎么讲的|"
    r"有(?:什么|何|哪些)(?:看法|观点|评价|判断))|"
    r"(?:文章|论文|本文|作者)(?:怎么|如何|怎样)(?:看待|评价|论述)|"
    # "RCEP在文中起了什么作用？", "What role does RCEP play in the paper?"
    rf"{ROLE_ZH}|"
    r"\bwhat role (?:does|do|did) (?=[^?]+ play\b)|"
    # "How does RCEP feature in the paper's argument?"
    r"\bhow (?:does|do|did) (?=[^?]+ (?:feature|figure|come up|appear) in (?:the|this) (?:paper|article|text|"
    r"report|study|authors?))|"
    r"(?:文章|论文|本文)[里中]?是?(?:怎么|如何|怎样)(?:讲|说|谈|论述|描述)|"
    # "RCEP在文章里是怎么被提到的？", "What does the paper say the CHIPS Act does?"
    r"在(?:文章|论文|文中|本文)[里中]?(?:是)?(?:怎么|如何|怎样)被?(?:提到|提及|讨论|论述|描述|讲)|"
    r"\bwhat (?:does|do) (?:the|this) (?:paper|article|text|report|study|authors?) say (?:that )?"
    r"(?=[^?]+ (?:does|did|is|means?)\s*\?*$)",
    re.I,
)
RE_TOPIC_FRAME = re.compile(
    rf"{ROLE_ZH}|"
    r"\bplays?\b(?: in (?:the|this) (?:paper|article|text|report|study))?|"
    r"\b(?:features?|figures?|comes? up|appears?) in (?:the|this) "
    r"(?:paper|article|text|report|study|authors?)(?:['’]s? (?:argument|analysis|reasoning|discussion))?|"
    r"(?:文章|论文|本文|作者)(?:对|关于)?|怎么说|说了什么|讲了什么|有什么论述|怎么看待?|如何看待|怎样看待|"
    r"有(?:什么|何|哪些)(?:看法|观点|评价|判断)|"
    r"怎么评价|如何评价|是怎么讲的|(?:有没有|是否|有无)?(?:提到|提及|讨论|涉及|谈到|说到)(?:过|了)?|吗|[？?。]|"
    r"[里中]?是?(?:怎么|如何|怎样)(?:讲|说|谈|论述|描述)的?|在(?:文章|论文|文中|本文)[里中]?(?:是)?(?:怎么|如何|怎样)被?"
    r"(?:提到|提及|讨论|论述|描述|讲)的?|\b(?:does|do|did|is|are|means?)\s*\?*$",
)


# "What is meant by X?", "What does X mean?", "X指的是什么？": the term whose meaning is asked
RE_TERM_ASKED = re.compile(
    r"\bwhat (?:does|do) (?:the|this) (?:paper|article|text|report|study|authors?) mean by "
    r"(?P<d>.+?)(?: as a \w+)?\?*$|"
    r"\bwhat is meant by (?P<a>.+?)(?: here| in (?:the|this) (?:paper|article|text))?\?*$|"
    r"\bwhat does (?:the (?:paper|article|text|author)'s |the term )?(?P<b>.+?) mean\b|"
    r"(?:^|[，,])(?:文中|文章里?|论文里?)?(?:说的|讲的|提到的)?[“\"]?(?P<c>[^，。？?“”\"]{2,16}?)[”\"]?(?:具体)?(?:指的是什么|是什么意思|是指什么|啥意思)",
    re.I,
)


def term_asked(question: str) -> str | None:
    """The term a question asks the meaning of ("What is meant by single-level procurement?"), or None."""
    m = RE_TERM_ASKED.search(question.strip())
    term = next((g for g in m.groups() if g), None) if m else None
    return term.strip(" '\"“”‘’") if term else None


# a question asking for one kind of content: a reason, an example, a figure, a date
RE_ASKS_CONTENT = re.compile(
    r"\bwhy\b|为什么|为何|原因|\bexamples?\b|\binstances?\b|例子|举例|举个|\bhow (?:many|much)\b|多少|"
    r"\bwhen\b|什么时候|哪一年|\bfigures?\b|\bnumbers?\b|数据",
    re.I,
)


# the words of a question asking for figures, which name no topic ("any export numbers")
FIGURE_WORDS = frozenset("number numbers figur figure figures data statistic statistics 数据 数字".split())
# asking for one kind of evidence: an example, figures, a date
RE_ASKS_EXAMPLE = re.compile(r"例子|举例|举个例|案例|实例|\bexamples?\b|\binstances?\b|\bcase stud", re.I)
# figures asked for, not a thing named with the word ("what data platform", 数据平台)
RE_ASKS_FIGURES = re.compile(
    r"(?:有[^，。？?]{0,4}|具体的?|什么|哪些|附上|给出|提供|带上)(?:数据|数字)(?![平中资安库共])|"
    r"(?:数据|数字)(?:吗|呢|说明|支持|证明|有哪些|都有哪些|是什么|有什么)|统计数|"
    r"\b(?:any|some|the|what) (?:[a-z-]+ )?(?:numbers|figures|data|statistics)"
    r"(?=\s*(?:[?.,;]|$|\b(?:on|for|about|to|that|do|does|did|is|are|was|were|show|support|back|in|too|"
    r"as well|also)\b))|"
    r"\b(?:numbers|figures|data|statistics) (?:on|for)\b|"
    r"\bare there (?:any )?(?:numbers|figures|data)\b|\b(?:any|some|what) (?:hard )?evidence\b|"
    r"有[^，。？?]{0,3}证据|"
    # how fast something changed asks for the figures of its change
    r"\bhow (?:fast|quickly|rapidly|sharply|steeply|big|large)\b|增速|增幅|(?:增长|上升|下降|减少)了?多少|"
    r"(?:增长|上升|下降)得?(?:多快|有多快)",
    re.I,
)
RE_ASKS_DATE = re.compile(
    r"什么时候|何时|哪一?年|哪天|^when\b|\bwhat year\b|"
    r"\bwhen (?:did|does|do|was|were|is|will|has|had)\b",
    re.I,
)


# what an example is given for ("举吉尔吉斯斯坦的例子是想说明什么？", "What does the Apple example show?")
RE_ASKS_POINT = re.compile(
    r"想?说明(?:了)?什么|用意|为了说明|为什么(?:要)?(?:举|提到|提及)|"
    r"\bwhat (?:point|does)\b[^?]{0,60}\b(?:illustrate|show|make|demonstrate)s?\b|"
    r"\bwhy (?:does|do|did) (?:the )?(?:paper|authors?|text) (?:mention|cite|bring up|use|give)\b",
    re.I,
)


def asks_point(question: str) -> bool:
    return RE_ASKS_POINT.search(question) is not None


def asks_evidence(question: str) -> bool:
    """It asks for an example, figures or a date (of what was said, in a follow-up)."""
    return any(r.search(question) for r in (RE_ASKS_EXAMPLE, RE_ASKS_FIGURES, RE_ASKS_DATE))


def asks_content(question: str) -> bool:
    return RE_ASKS_CONTENT.search(question) is not None


def says_about(question: str) -> bool:
    return RE_SAYS_ABOUT.search(question) is not None


# how a part makes its case: "what does the part on minerals argue?", "…是怎么论证的？"
RE_ARGUES = re.compile(
    r"(?:怎么|如何|怎样)(?:论证|论述|展开|说明)的?|"
    r"\bwhat (?:does|do|did) [^?]{1,80}? (?:argue|claim|contend)\b|"
    r"\bhow (?:does|do|did) [^?]{1,80}? (?:argue|make (?:the|its) case|justify|support)\b",
    re.I,
)


def asks_argument(question: str) -> bool:
    return RE_ARGUES.search(question) is not None


def topic_asked(question: str) -> str | None:
    """What a question asks the text's view of ("What does the paper say about RCEP?" → RCEP), or None."""
    if not RE_SAYS_ABOUT.search(question):
        return None
    rest = RE_SAYS_ABOUT.sub(" ", question) if question.isascii() else question  # 文章对X怎么看: X inside
    return RE_TOPIC_FRAME.sub(" ", rest).strip().removesuffix("的").strip() or None


# asking why "it" happens or what to do about it: "it" is the problem the part quoted treats, when the
# question before named no heading ("What happened to textile jobs?" → "Why is that happening?")
RE_CAUSE_OR_REMEDY = re.compile(
    r"为什么|为何|原因|建议|对策|怎么办|(?:如何|怎么|怎样)(?:应对|解决|避免)|"
    r"\bwhy\b|\bcauses?\b|\breasons?\b|\bsuggest|\brecommend|\bpropos|\badvi[cs]e|\bdo(?:ing)? about\b|"
    r"\b(?:fix|solve|tackle|address|counter|deal with)\b",
    re.I,
)
# what to do about it, of the two asks above
# (what the text advises, not how someone in it acted: "那美国是怎么应对的？" asks what the US did)
RE_REMEDY = re.compile(
    r"建议|对策|怎么办|\bsuggest|\brecommend|\bpropos|\badvi[cs]e|\bshould\b[^?]{0,30}\bdo\b", re.I
)
RE_OFFERS = re.compile(r"(?:提出|给出|开出|拿出|提)了?")  # how the authors come up with what they propose
