"""What a question asks for, read from its words: language-level knowledge of how readers ask.

- a source ("who is cited", "which journal", 参考文献, "[6]"): the bibliography joins the search;
- the English front matter ("the English abstract", JEL codes);
- a section by its number ("Section 2", 第三部分) or its opening ("the start of section 2");
- orders to the system instead of a question ("ignore all previous instructions", 写一首诗).
"""

from __future__ import annotations

import re

from assistant.question.asked import RE_ARGUES, RE_SAYS_ABOUT
from assistant.question.meta_words import RE_ASKER, RE_META
from assistant.question.metadata import cites, metadata_fields
from assistant.question.numbering import RE_NTH, section_numbers
from assistant.question.weighing import RE_SIDES, RE_WEIGHING
from assistant.text import content_tokens

RE_REFERENCE_INTENT = re.compile(
    r"参考文献|文献|引用|引述|出处|来源|期刊|杂志|出版|发表|作者是|谁的研究|哪位学者|学者|援引|"
    r"\bcit(e|es|ed|ing|ation|ations)\b|\breferences?\b|\bbibliograph|\bsources?\b|\bjournal\b|"
    r"\bpublish|\bpublisher\b|\bpress\b|\bwho (wrote|argued|found|reported|showed)\b|\bscholars?\b|"
    r"\bstud(y|ies)\b|\bliterature\b|\baccording to (which|whom)\b|\bwhich (report|organi[sz]ation)\b|"
    r"\bpages?\b|\bvolume\s*(/|and|,|&)\s*(issue|number)\b|\b(which|what) "
    r"(volume|issue)\b|第几卷|哪一?卷|卷号|期号|页码|"
    r"\[\d{1,2}\]",
    re.IGNORECASE,
)
RE_ENGLISH_FRONT = re.compile(
    r"(?<!plain[- ])\benglish[- ](?:language )?(?:abstract|summary|title|keywords?|version)\b|\bJEL\b|"
    r"英文(?:版)?(?:摘要|标题|题目|关键词)|英文版",
    re.IGNORECASE,
)
# "the opening of Section 2", not "opening to the outside world"
RE_OPENING = re.compile(
    r"\b(?:start|opening|beginning|outset)\s+of\b|\bbegins?\b|\bopens?\s+with\b|开头|"
    r"开篇|开端|首段",
    re.I,
)
RE_REFERENCE_NUMBER = re.compile(
    r"\[(\d{1,3})\]|(?:参考文献|文献|references?|ref\.?)\s*(?:第|"
    r"no\.?\s*)?(\d{1,3})",
    re.I,
)
# text that tries to steer the model: in a question it means no answer; in the corpus, the
# sentence is neither quoted nor shown to a model
RE_INJECTION = re.compile(
    r"(ignore|disregard|forget) (all |any )?(the |your )?(previous|prior|above|earlier|preceding) "
    r"(instructions|prompts?|rules)|system prompt|\bjailbreak|\byou are now\b|"
    r"reveal (your|the) (instructions|rules|prompt)|"
    r"(忽略|无视|忘记|忘掉)(之前|以上|前面|上面|先前)?的?(所有|全部|一切)?(指令|指示|说明|提示|规则)|"
    r"系统提示|提示词|(输出|透露|泄露)(你的)?(规则|指令)",
    re.IGNORECASE,
)
# requests that are not questions about a text: orders to the system, chit-chat tasks
RE_NOT_A_QUESTION = re.compile(
    RE_INJECTION.pattern + r"|write (me )?(a|an) (poem|song|story|joke|essay)|\bweather\b|"
    r"写(一)?首|作(一)?首?诗|讲个笑话|天气",
    re.IGNORECASE,
)


RE_TABLE_NUMBER = re.compile(r"表\s*(\d{1,2})(?![\d.%])|\btable\s+(\d{1,2})\b", re.I)


def named_tables(question: str) -> list[int]:
    """Tables a question names by number: "表1", "Table 2"."""
    return [int(a or b) for a, b in RE_TABLE_NUMBER.findall(question)]


def wants_references(question: str) -> bool:
    return bool(RE_REFERENCE_INTENT.search(question))


def wants_english_front(question: str) -> bool:
    """The question asks about the paper's English title, abstract, keywords or JEL codes."""
    return bool(RE_ENGLISH_FRONT.search(question))


def named_references(question: str) -> list[int]:
    """Bibliography numbers a question names: "[6]", "参考文献6", "reference 12"."""
    return [int(a or b) for a, b in RE_REFERENCE_NUMBER.findall(question)]


def asks_opening(question: str) -> bool:
    return RE_OPENING.search(question) is not None


def gives_orders(question: str) -> bool:
    """The text is an order to the system or a chit-chat task, not a question about the corpus."""
    return RE_NOT_A_QUESTION.search(question) is not None


# --- what kind of answer a reader wants ------------------------------------------------------------
RE_SUMMARY = re.compile(
    r"整体框架|框架|结构是|怎么安排|如何安排|谋篇|篇章结构|行文结构|分为几个部分|(?:怎么|如何|怎样)(?:组织|编排)|"
    r"\b(?:structure|organi[sz]ed|organi[sz]ation|outline) of (?:the |this )?(?:paper|report|article)\b|"
    r"\bhow (?:is|are) (?:the |this )?[^?]{0,50}?\b(?:paper|report|article|(?:sub)?sections?|parts?|"
    r"chapters?)\b[^?]{0,40}? (?:structured|organi[sz]ed|laid out|set out|arranged|put together)\b|"
    r"\bmain (?:parts|sections)\b|\bwalk me through\b|\bbreak(?:s|ing)? down\b|"
    r"\bwhat(?:'s|’s| is| are) covered (?:under|in|by)\b|"
    r"\bhow (?:is|are) (?:the |this |its |their )?[^?]{2,50}? (?:structured|organi[sz]ed|grouped|arranged)\b|"
    r"\bsay more about\b|\btell me more about\b|\belaborate on\b|详细说说|展开说说|具体讲讲|具体说说|"
    r"\bin (?:more|greater|further|much more) detail\b|\bexpand on\b|\bunpack\b|详细(?:解释|介绍)|具体解释|"
    r"展开讲讲?|详细讲讲?|细说|多讲讲|多说说|"
    r"概括|总结|概述|归纳|综述|主要讲|讲了什么|讲的是什么|讲些什么|说了什么(?!时)|写了什么|主要内容|主要观点|"
    r"核心观点|中心思想|核心论点|"
    r"主旨|要点|大意|主要论点|基本观点|是关于什么|讲什么|在讲什么|几句话|研究了?什么问题|(?:按|以)什么思路|"
    r"\bsummar(?:y|ise|ize|ising|izing)\b|\boverview\b|\bsum(?:s|med|ming)? (?:it |this |that )?up\b|"
    r"\btl;?\s?dr\b|\bin a nutshell\b|\bbig picture\b|太长不看|一句话版本|一句话(?:概括|总结|说)|"
    r"\belevator pitch\b|\b(?:quick )?rundown\b|\brecap\b|\bshort version\b|\bsection by section\b|逐节|"
    r"\bhow (?:the|this) (?:paper|report|article|study) is "
    r"(?:structured|organi[sz]ed|laid out|set out|arranged)\b|"
    r"\bwhat (?:problem|question) (?:is|does) (?:the |this )?"
    r"(?:paper|report|article|study)\b|\bmain "
    r"(?:argument|point|idea|claim|thesis|message|finding)s?\b|"
    r"\bkey (?:argument|point|message|finding)s?\b|\bgist\b|\bthesis\b|\bin (?:a few|one|two|three|\d) "
    r"sentences?\b|"
    r"\bwhat(?: is|'s|’s) (?:the |this )?(?:paper|report|article|text|document|study|(?:sub)?section|"
    r"part)\b[^?]{0,40}\babout\b|"
    r"\bwhat does (?:the |this )?(?:\w+ ){0,3}(?:(?:sub)?section|part|chapter)\b[^?]{0,30}\b"
    r"(?:say|cover|discuss|"
    r"argue|"
    r"recommend|propose|describe|deal with|address)\b|\bwhat (?:is|are) (?:covered|discussed) in\b|"
    r"\b(?:walk me through|tell me about|give me an overview of|describe|explain) (?:the |this "
    r")?(?:paper|report|(?:sub)?section|part)\b",
    re.I,
)
# looser words for "tell me about it" that ask for a summary only of the text or one of its parts
RE_SUMMARY_SOFT = re.compile(
    r"[讲说](?:了|的是?)?(?:些|哪些)?(?:什么|啥)(?!时候|时间|地方)|讲讲|说说|介绍一下|介绍|一段话|思路|捋|梳理|内容|"
    r"(?:怎么|如何|怎样)(?:论述|阐述|说|讲|写|分析|展开|铺垫|引入|引出|切入|入手|开篇|开头)|"
    r"\b(?:explain|explains|cover|covers|about|argue|argues|argument|say|says|discuss|discusses|deal with|"
    r"deals with)\b|\bwhat(?:'s| is) in\b",
    re.I,
)
# an answer asked for in so many sentences ("一句话", "in one sentence")
# (how many: the first group that matched; "几", "a few" say no number)
RE_COUNTED = re.compile(
    r"([一二三四五两几\d])\s*句话?|\b(?:in )?(a few|one|two|three|four|five|\d)\s+sentences?\b", re.I
)
# a part of the text named as such ("那一节", "这块", "the part on …"): with a loose word, a summary of it
RE_PART = re.compile(
    r"部分|一节|小节|章节|那节|这节|本节|[这那]一?块|[这那]一?段|引言|导言|前言|绪论|"
    # the introduction as what is asked about, not where a fact is ("as quoted in the introduction")
    r"\b(?:the|this|its) (?:intro|introduction|preface)(?:'s)? (?:about|says?|argues?|covers?|main)\b|"
    r"\b(?:the|this|that) (?:sub)?(?:section|part|chapter|bit|portion|passage)\b|"
    # one named by a name the reader quotes ("the 'technology falling behind' part"; the name is the topic)
    r"(?<=['’\"”] )(?:sub)?(?:section|part|chapter|bit|portion)\b|"
    # one named by a word of its own ("the AI section", "the policy chapter"), not by the whole's words
    r"\b(?:the|this|that) (?!(?:main|key|major|different|other|whole|entire|various|two|three|four)\b)[\w-]+ "
    r"(?:section|chapter|bit|portion)\b|"
    # "the theoretical part of the paper", not "the most important part of the paper"
    r"\bthe (?!(?:most|main|key|major|important|central|core|whole|entire|best|interesting)\b)"
    r"(?:[\w-]+ ){1,2}part of (?:the|this|its) (?:paper|article|study|report|text)\b",
    re.I,
)
RE_CONCLUSION = re.compile(
    r"结论|得出了?什么|最终认为|(?:总体|总的|整体)(?:上|来说)?(?:怎么|如何)?(?:判断|看法|评价)|"
    r"\bconclu(?:de|des|ded|sion|sions)\b|\bbottom line\b|\btake-?away\b|"
    r"\boverall (?:assessment|verdict|judge?ment)\b",
    re.I,
)
RE_OVERALL = re.compile(
    r"总的来说|总体|整体|综合|总而言之|最后的|最终|\boverall\b|\bon balance\b|\bin the end\b", re.I
)
# what the text advises as a whole: its strategy, its way forward ("总体思路", "overall strategy")
RE_OVERALL_ADVICE = re.compile(
    r"总体(?:思路|战略|对策|建议|方向)|整体(?:思路|战略|对策|建议)|(?:总体|整体)上?[^，。？?]{0,8}(?:建议|应对|怎么办)|"
    r"\boverall (?:strategy|approach|recommendation|advice|prescription|response)s?\b|"
    r"\bway (?:out|forward)\b",
    re.I,
)
RE_WHOLE = re.compile(
    r"这篇(?:[^，。？?]{0,24}?的)?(?:文章|论文|报告)|本文|全文|整篇|文章的|论文的|报告的|作者的?(?:主要|核心)|"
    r"(?:文章|论文)(?:主要|讲|用|使用|采用|运用)|"
    r"\b(?:the|this) (?:paper|report|article|study|text|document|authors?)\b|\bthe whole\b|\boverall\b|"
    r"\b(?:paper|report|article|study) is this\b|"
    # what prior work leaves open, asked of the text that sets out to fill it
    r"(?:现有|已有|以往|既有)的?(?:研究|文献)[^，。？?]{0,6}(?:不足|局限|空白|缺陷|缺口)|"
    r"\b(?:gaps?|shortcomings?|limitations?) (?:in|of) (?:the )?(?:existing |prior |previous )?"
    r"(?:literature|research|studies)\b|\b(?:existing|prior|previous|earlier|other) (?:research|studies|"
    r"literature|work) (?:has |have )?(?:miss(?:ed)?|overlook(?:ed)?|neglect(?:ed)?|lacks?|lacked|ignored?|"
    r"left out)\b",
    re.I,
)
RE_COMPARISON = re.compile(
    r"比较|对比|区别|不同之处|有何不同|有什么不同|差异|异同|两者|二者|(?<!哪)两个阶段|"
    r"\bcompar(?:e|es|ed|ing|ison)\b|\bdiffer(?:ence|ences|ent|s)?\b|\bcontrast\b|\bversus\b|\bvs\.?\b|"
    r"\bside by side\b|\bboth\b.{0,40}\band\b|\bhow (?:do|does) .{2,60} (?:and|with) .{2,60} "
    r"(?:differ|compare)\b",
    re.I,
)
# where in the text something is said: "哪一部分讲了X", "这是在文章哪部分讲的？", "Which section covers X?",
# "Which part of the paper is this from?" ("which part of the chain" asks about the world, not the text)
RE_LOCATION = re.compile(
    r"(?:文章|文中|论文|本文|全文|原文)[^，。？?]{0,6}?哪(?:一|个)?个?(?:部分|节|章|小节|段)|"
    r"哪(?:一|个)?个?(?:部分|节|章|小节|段)(?:里|中)?(?:讲|谈|论|提|说|讨论|介绍|分析|写|涉及)|"
    r"(?:出自|来自|位于|在)(?:文章|文中|论文)?的?哪(?:一|个)?个?(?:部分|节|章|小节|段)|"
    r"\bwhich (?:sections?|chapters?|subsections?|headings?)\b|"
    r"\bwhich parts? of (?:the|this) (?:paper|article|text|report|study|document)\b|"
    r"\bwhich part (?:discusses|covers|talks about|deals with|mentions|says|explains|describes)\b|"
    r"\bwhere (?:in (?:the|this) (?:paper|article|text|report)|does (?:the|this) (?:paper|article|text|"
    r"report|author)s? (?:discuss|talk about|mention|cover|deal with|say|explain))\b",
    re.I,
)
RE_LIST_QUESTION = re.compile(
    r"哪些|有哪|哪几|几个方面|哪[两二三四五六七八九十]|表现在|体现在|包括什么|包括哪|列举|列出|列一下|各是什么|分别是什么|分别是哪些|各是哪些|"
    r"[两二三四五六七八九十][条项点大个](?:[\u4e00-\u9fff]{1,8})(?:是|有|包括)|"
    r"\bwhich\b|\bwhat are\b|\blist\b|\bname the\b|\benumerate\b|\bwhat kinds? of\b|\bwhat (?:\w+ ){0,2}"
    r"(?:impacts|effects|trends|risks|recommendations|measures|problems|challenges|opportunities|factors|"
    r"reasons|"
    r"ways|steps|policies|suggestions|proposals|barriers|features|characteristics|lessons|findings|options|"
    r"manifestations|types|stages|levels|upsides|downsides|benefits|advantages|disadvantages|drawbacks|"
    r"costs|harms|threats|dangers|things|forms|kinds|sorts|categories|methods|tools|instruments)\b|"
    # whether there are any of a kind of thing the text lists: "Does the paper see any upside for China?"
    r"\bany (?:\w+ )?(?:upsides?|downsides?|benefits?|advantages?|disadvantages?|drawbacks?|risks?|threats?|"
    r"dangers?|impacts?|effects?|trends?|recommendations?|measures?|proposals?|suggestions?|remedies|steps|"
    r"solutions?)\b",
    re.I,
)
# the parts of the whole text asked for as such ("分成哪几个部分", "section by section", "What sections does
# it have?"), which name no one part
RE_ITS_PARTS = re.compile(
    r"哪(?:几|些)个?(?:部分|章节|板块|块)|各(?:个)?(?:部分|章节|板块)|几个?部分|分成|分为|由.{0,6}组成|"
    r"\bsection by section\b|\bpart by part\b|\bhow many (?:parts|sections|chapters)\b|"
    r"\b(?:what|which) (?:main )?(?:parts|sections|chapters)\b|\beach (?:part|section|chapter)\b|"
    r"\b(?:its|the paper's|the article's) (?:main )?(?:parts|sections|chapters)\b|\bdivided into\b",
    re.I,
)


# one of a list asked for ("Which of the negative impacts is about X?", 其中哪一个讲的是X)
RE_WHICH_ONE = re.compile(
    r"\bwhich (?:one )?of (?:the|these|those|its|their)\b|其中哪一?[个项条种]|"
    r"哪一[个项条种](?:是|讲|涉及|关于)",
    re.I,
)


def asks_which_one(question: str) -> bool:
    return RE_WHICH_ONE.search(question) is not None


def asks_its_parts(question: str) -> bool:
    """The question asks for the parts of the whole text and names nothing else ("这篇论文分成哪几个部分？
    各部分讲什么？", "How many parts is the paper divided into?")."""
    return bool(RE_WHOLE.search(question) and RE_ITS_PARTS.search(question)) and not topic_words(
        _without(question, RE_ITS_PARTS)
    )


def intent(question: str) -> str:
    """What kind of answer the question wants: "metadata", "location" (where the text says it),
    "summary", "conclusion", "comparison", "list", or "fact" (anything else)."""
    if metadata_fields(question) and (cites(question) or not RE_SUMMARY.search(question)):  # "for my thesis"
        return "metadata"
    if RE_LOCATION.search(question):
        return "location"
    if asks_its_parts(question):  # "这篇文章由哪几部分组成？"
        return "summary"
    if RE_NTH.search(question) and not topic_words(RE_NTH.sub(" ", question)):  # "What's the last trend?"
        return "summary"
    if RE_WHOLE.search(question) and (asks_of_whole(question) or RE_METHOD.search(question)):
        # "这篇文章想说明什么？", "the paper's aim", "Is the paper empirical? What data does it use?"
        return "conclusion" if RE_CONCLUSION.search(question) else "summary"  # "这篇文章最后的结论"
    soft = RE_SUMMARY_SOFT.search(question)
    part = RE_PART.search(question) or section_numbers(question) or RE_NTH.search(question)
    # "the conclusion in one sentence", "Summarize the conclusion.": the verdict, asked in a summary's words
    if RE_CONCLUSION.search(question) and (RE_COUNTED.search(question) or conclusion_only(question)):
        return "conclusion"
    if RE_SUMMARY.search(question) or (
        soft and (part or not soft.group().isascii() and RE_WHOLE.search(question))
    ):
        return "summary"
    if (RE_CONCLUSION.search(question) or RE_WEIGHING.search(question)) and (
        RE_WHOLE.search(question) or RE_OVERALL.search(question)
    ):
        return "conclusion"  # "What does the paper conclude?", "总的来说是利大还是弊大？"
    if RE_OVERALL.search(question) and RE_OVERALL_ADVICE.search(question):
        return "conclusion"  # "In the end, what overall strategy do the authors recommend?"
    if RE_COMPARISON.search(question):
        return "comparison"
    if RE_LIST_QUESTION.search(question) or asks_which_one(question):  # "消极影响里哪一个讲的是…"
        return "list"
    return "fact"


# how the text makes its case: an empirical or econometric study, or reasoning ("Is the paper empirical?")
RE_METHOD = re.compile(
    r"\b(?:empiric\w*|econometric\w*|methodolog\w*|regressions?)\b|实证|计量|方法", re.I
)
MAX_BARE_WORDS = 2  # a summary request naming no more than this many words of its own is of the whole text
RE_WHY = re.compile(r"为什么要?|为何要?|\bwhy\b", re.I)  # read whole: the tokenizer may split it oddly


def asks_of_whole(question: str) -> bool:
    """The question names the whole text and, besides, only what readers ask of a paper as such."""
    rest = _without(question, RE_WHY, RE_ASKER, RE_WHOLE)
    return all(RE_META.match(w) for w in content_tokens(rest, min_len=1))


def about_whole(question: str) -> bool:
    return RE_WHOLE.search(question) is not None


def _without(question: str, *patterns: re.Pattern) -> str:
    for rx in patterns:
        question = rx.sub(" ", question)
    return question


# the words asking what a part says, argues or covers, however worded: what is left names the part
RE_ASKING_PART = re.compile(
    r"\b(?:break(?:s|ing)? down|go(?:es)? (?:through|over)|covered (?:under|in|by)|covers?|say|says|"
    r"what(?:'s|’s| is| are) (?:the )?(?:point|case|story)|what(?:'s|’s)|what does|what do|does|do|did|is|"
    r"are|was|were|can you|could you|please|what|how|which|tell me|me)\b|[?？。,，.!！:：;；]|"
    r"(?:具体)?(?:提了|有|是)?(?:什么|哪些)|[那这]一?[条点项个]?|吗|呢",
    re.I,
)

RE_LEADING = re.compile(r"^\s*(?:(?:the|a|an|of|on|about|in|under|for|to)\s+)+", re.I)
RE_TRAILING = re.compile(r"(?:\s+(?:the|a|an|of|on|about|in|under|for|to))+\s*$", re.I)


def topic_phrase(question: str) -> str:
    """The part of a question that names what it asks about, the words asking for a summary, an argument
    or a part of the text as such taken out ("What's the gist of the section on China losing
    competitiveness?" → "China losing competitiveness")."""
    rest = _without(question, RE_SAYS_ABOUT, RE_ARGUES, RE_ASKING_PART)
    rest = _without(rest, RE_ASKER, RE_SUMMARY, RE_CONCLUSION, RE_PART, RE_WHOLE)
    rest = RE_LEADING.sub("", " ".join(rest.split()))
    return RE_TRAILING.sub("", rest).strip()


# the noun, in English: a Chinese summary asked of 结论 keeps the whole text's summary, which ends with it
RE_CONCLUSION_NAMED = re.compile(r"\bconclusions?\b", re.I)


def conclusion_only(question: str) -> bool:
    """A summary asked of the conclusion and of nothing else ("Summarize the conclusion."; not "the
    conclusions about hollowing out")."""
    named = RE_CONCLUSION_NAMED.search(question) is not None  # the noun: "what it concludes" asks a summary
    return named and bare_summary(question) and not any(w.isascii() for w in topic_words(question))


def bare_summary(question: str) -> bool:
    """A question asking for a summary (its intent "summary" or "conclusion") of nothing in particular
    ("TL;DR please", "What's the big picture?", "太长不看"): read when no section is named, it asks about
    the text as a whole. One that names a part ("the subsection on X", "那一块") is not bare."""
    rest = _without(question, RE_ASKER, RE_SUMMARY, RE_SUMMARY_SOFT, RE_CONCLUSION)
    if RE_PART.search(rest):
        return False
    return len(content_tokens(_without(rest, RE_PART))) <= MAX_BARE_WORDS


def weighs_only(question: str) -> bool:
    """The question asks which side outweighs the other and names nothing else besides the text, its
    authors and what readers ask of a paper as such ("为什么作者认为整体上弊大于利？")."""
    sides = _without(question, RE_WEIGHING, RE_SIDES, RE_OVERALL, RE_CONCLUSION)
    return RE_WEIGHING.search(question) is not None and asks_of_whole(sides)


def names_part(question: str) -> bool:
    """The question names a part of the text as such ("the part where …", "那一块", 这一节)."""
    return RE_PART.search(question) is not None


def topic_words(question: str, meta: bool = False) -> set[str]:
    """The words a summary question says of its own: besides the words asking for a summary, naming a
    part or the whole text, and (unless `meta`) what readers ask of a paper as such (aim, argument, gap …)."""
    rest = _without(question, RE_ASKER, RE_SUMMARY, RE_SUMMARY_SOFT, RE_CONCLUSION, RE_PART, RE_WHOLE)
    return {w for w in content_tokens(rest) if meta or not RE_META.match(w)}
