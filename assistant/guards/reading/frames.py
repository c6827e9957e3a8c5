"""How a question states what it takes a text to say: language-level patterns of English and Chinese.

"Since the paper shows that P, why …", "The authors argue P, right?", "Why do the authors conclude that
P?", "According to the paper, P; how …", "作者认为P，那么…", "按文中的说法，P，…", "江小涓等(2021)指出P，
没错吧？", or a statement with figures before the question ("海关数据显示，2023年…下降了2.8%。作者…？")
state a premise P before they ask. `stated_premise` returns P and the words around it that say who
says it. A statement put to be confirmed ("X, right?", "X是在增长的吧？", "X — how many…?") is a premise
the asker takes as given (`confirmed`): corrected when the text says otherwise, left open when it says
neither.
"""

from __future__ import annotations

import re

from assistant.text import jieba_tags

# where a clause ends (a comma between digits is a figure's) and where a question's sentences end
RE_CLAUSE_END = re.compile(r"[，；;]|,(?!\d)")
RE_SENTENCE = {"zh": re.compile(r"(?<=[。！？?!；;])"), "en": re.compile(r"(?<=[.?!;])\s+")}
NUMBER_WORDS = "two|three|four|five|six|seven|eight|nine|ten"


def _forms(*verbs: str) -> str:
    """A verb's forms: "show" → show, shows, showed, showing; "point out" → points out … (irregular
    ones are listed as they are)."""
    out = set()
    for verb in verbs:
        v, _, rest = verb.partition(" ")
        stem = v[:-1] if v.endswith("e") else v
        out |= {f"{form} {rest}".strip() for form in (v, v + "s", v + "es", stem + "ed", stem + "ing")}
    return "|".join(sorted(out, key=len, reverse=True))


VERB_EN = (
    r"(?:"
    + _forms(
        "show",
        "conclude",
        "argue",
        "state",
        "claim",
        "prove",
        "demonstrate",
        "note",
        "report",
        "suggest",
        "believe",
        "insist",
        "assert",
        "establish",
        "point out",
        "maintain",
        "contend",
        "recommend",
        "propose",
        "call for",
        "urge",
        "predict",
        "forecast",
        "estimate",
        "mention",
        "cite",
        "document",
        "observe",
        "emphasize",
        "stress",
        "acknowledge",
        "admit",
        "warn",
        "find",
        "say",
        "think",
        "write",
        "tell",
        "describe",
        "reveal",
        "confirm",
        "indicate",
        "expect",
        "anticipate",
        "quote",
        "define",
        "project",
    )
    + r"|shown|found|said|thought|wrote|written|told|proven)"
)
SUBJECT_EN = (
    r"(?:(?:the |this )?(?:paper|authors?|article|study|report|document|text|memo|note|brief|review|survey|"
    r"evaluation|"
    r"analysis|writers?|researchers?|table \d+|figure \d+|section \d+|introduction|conclusions?|abstract|"
    r"literature review)|"
    r"[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:,? et al\.?| and [A-Z][a-z]+| and (?:co-?authors|colleagues))? "
    r"\((?:19|20)\d\d\)|"
    r"(?:the )?[\w'’ -]{1,40}? (?:data|figures?|numbers|statistics|report|survey|estimates?) "
    r"(?:(?:cited|quoted|given) )?"
    r"in the (?:paper|article|report|document)|"
    r"(?:the )?[\w'’ -]{1,40}? (?:cited|quoted|used|mentioned) (?:in|by) the "
    r"(?:paper|authors?|article|report|document))"
)
WH_EN = (
    r"(?:what|why|how|which|who|whom|where|when|does|do|did|is|are|was|were|can|could|should|would|will)\b"
)
ASK_EN = rf"(?:{WH_EN}|(?:so|then|and|but)\b)"  # the question after the premise
TAG_EN = (
    r"(?:right|correct|true|yes|no|isn't (?:it|that (?:so|right))|don't they|doesn't it|didn't they|"
    r"am I right)"
)
# where a stated premise ends: a tag question, a full stop, a dash, ", so"
END_EN = rf"(?:\s*,?\s*{TAG_EN}\s*\?|\s*[.;:](?:\s+|$)|\s*—\s*|\s+[–-]\s+|\s*,\s*(?:so|then|and so)\s)"
# who a claim is taken from, before the subject: "Citing a McKinsey report, the paper projects …"
# or where it is said: "In the minerals bit the author mentions …"
LEAD_EN = (
    r"(?:(?:citing|quoting|drawing on|based on|using) [^,]{1,60},\s*|"
    r"(?:in|within) (?:the|its|this) [\w'’ -]{1,40}? "
    r"(?:bit|part|section|chapter|discussion|paragraph|passage)\s*,?\s*)?"
)
# "X is cited in the paper as P", "X is cited as showing P": the premise is "X is P"
RE_ATTRIBUTED = re.compile(
    r"(?:is|are|was|were)\s(?:cited|quoted|described|presented|mentioned|used|given|credited|named|listed)\s"
    r"(?:(?:in|by)\s(?:the|this)\s(?:paper|authors?|article|text|introduction|literature "
    r"review)(?:\s(?:as|with))?|"
    r"as(?:\s(?:showing|saying|evidence|proof)(?:\sthat)?)?)",
    re.I,
)
RE_PREMISE_EN = re.compile(
    rf"^(?:since|given that|as|because|now that)\s+{SUBJECT_EN}\s+(?:[\w'’-]+\s+){{0,4}}?{VERB_EN}\s+(?:that"
    r"\s+)?"
    rf"(?P<p1>.+?)[,;]\s*{ASK_EN}|"
    rf"^{LEAD_EN}{SUBJECT_EN}\s+(?:[\w'’-]+\s+){{0,2}}?{VERB_EN}\s+(?:that\s+)?(?P<p2>.+?){END_EN}|"
    rf"^why (?:do|does|did|would) {SUBJECT_EN}\s+(?:[\w'’-]+\s+){{0,2}}?{VERB_EN}\s+(?:that\s*,?\s+)?(?P<p3>"
    r"[^?]+)\?|"
    rf"^(?:according to|as (?:stated|shown|noted|said) (?:in|by)|per) {SUBJECT_EN}(?:'s? \w+)?,\s*(?!{WH_EN})"
    rf"(?P<p4>[^?]+?)(?:[;:.](?:\s+|$)|,\s*(?={ASK_EN})|\s*—\s*|\s+[–-]\s+)|"
    # "Explain the authors' argument that P", "I read in this paper that P, right?"
    r"^(?:please )?(?:explain|summari[sz]e|describe|outline|walk me through) (?:the |this "
    r")?(?:paper|authors?)['’]?s?['’]? "
    rf"(?:argument|claim|reasoning|proof|finding|conclusion|case|view)s? that (?P<p5>[^?.]+)|"
    r"^I (?:read|saw|heard|learned|understand|gather) (?:in (?:this|the) (?:paper|article) )?that "
    rf"(?P<p6>.+?){END_EN}|"
    # a premise stated as a fact: "Since China's trade shrank by 2.8% in 2023, what …"
    rf"^(?:since|given that|now that)\s+(?!{SUBJECT_EN}\s)(?P<p7>[^,;?]{{15,}}?)[,;]\s*{ASK_EN}|"
    # "X is cited in the paper as P." (what the paper calls it is cut out below), "The paper's
    # example of X is Y."
    rf"^(?P<p8>[^?.;]{{3,120}}?\s{RE_ATTRIBUTED.pattern}[^?]+?){END_EN}|"
    r"^(?:the |this )?(?:paper|authors?|article|study)['’]s?\s(?:\w+\s)?(?:example|case|illustration|"
    r"definition|"
    rf"estimate|account|explanation|evidence)\s(?:of|for)\s(?P<p9>[^?]+?){END_EN}|"
    # a yes-or-no question about what the text holds: "Does the paper conclude that P?"
    rf"^(?:does|do|did)\s+{SUBJECT_EN}\s+(?:really\s+)?{VERB_EN}\s+that\s+"
    r"(?P<p10>[^?]+)\?*$|"
    r"^is (?:it )?(?:the |this )?(?:paper|authors?|article|study)['’]s? "
    r"(?:conclusion|verdict|view|claim|argument) that (?P<p11>[^?]+)\?*$|"
    # "How does the paper use the example of P?": P is what the text is taken to give as its example
    rf"^(?:how|why|where) (?:do|does|did) {SUBJECT_EN} (?:use|cite|give|discuss|present|bring up|mention) "
    r"(?:the |its |their |this )?(?:example|case|story) of (?P<p12>[^?]{10,})\?*$",
    re.I,
)
SUBJECT_ZH = (
    r"(?:作者|文章|论文|本文|文中|该文|原文|报告|本报告|该报告|研究|该研究|文件|表\d+|图\d+|这篇(?:文章|"
    r"论文|报告)|此文|"
    r"[\u4e00-\u9fff]{2,4}等?\s*[（(](?:19|20)\d\d[)）])"
)
VERB_ZH = (
    r"(?:认为|主张|指出|提出|证明|表明|显示|说明|说(?![明法])|讲(?!了什么)|谈到|写到|称(?!为)|断言|断定|"
    r"得出[^，。？]{0,12}?结论|"
    r"强调|发现|建议|"
    r"提到|写道|判断|预测|估计|论证|认定|声称|坚持|呼吁|提及|引用)"
)
# the question after the premise: "…，那么…", "…，为什么…", "…。文中具体…"
ASK_ZH = (
    r"(?:那么|那|所以|这|请|为什么|为何|他|她|他们|作者|它|文章|文中|论文|本文|怎么|如何|能否|可否|是否|此后|之后|随后|"
    r"具体|依据|"
    r"理由|原因|有哪些|哪些|什么|是(?:哪|什么|多少|谁|怎么|如何)|"
    # a clause that asks of what was stated ("…搬到南美以后，带走了多少配套企业？")
    r"[^，。？?]{1,10}?(?:多少|几[个家项条年])[^，。？?]{0,6}[？?])"
)
TAG_ZH = r"(?:对吧|是吧|对吗|是吗|没错吧|吧)"
END_ZH = rf"(?:[，,]\s*{TAG_ZH}?\s*{ASK_ZH}|[，,]?\s*{TAG_ZH}\s*[？?]|。)"
RE_PREMISE_ZH = re.compile(
    # a definition keeps the term it defines: "文中把X定义为Y" states "X定义为Y"
    rf"(?:^|[，。；])(?:既然|由于|因为|鉴于)?{SUBJECT_ZH}(?:中|里)?(?:把|将)"
    rf"(?P<p0>[^，。？?]+?(?:定义为|界定为|称为|视为)[^？?。]+?){END_ZH}|"
    rf"(?:^|[，。；])(?:既然|由于|因为|鉴于)?{SUBJECT_ZH}(?:在文中|在文章中|里|"
    rf"中)?[^，。？?]{{0,12}}?{VERB_ZH}(?!的)"  # not "作者提出的四个趋势": what it proposes, no claim
    rf"(?:了|过)?[：:，,]?(?P<p1>[^？?。]+?){END_ZH}|"
    rf"(?:^|[，。；])(?:按照?|根据|依照)?{SUBJECT_ZH}[^，。？?]{{0,16}}?的?(?:说法|观点|逻辑|结论|分析|"
    r"数据|报告|研究|预测|统计|解释|定义|描述|界定)"
    rf"[，,：:]?(?P<p2>[^？?。]+?){END_ZH}|"
    rf"^为什么{SUBJECT_ZH}(?:会)?{VERB_ZH}(?:了)?[：:，,]?(?P<p3>[^？?]+)[？?]|"
    rf"^既然(?P<p4>[^？?。]{{4,}}?)[，,]\s*(?={ASK_ZH})|^既然(?P<p4b>[^，,？?]{{4,}})[，,]|"
    # "文中以P为例", "如作者所言，P，那…", "X显示P，既然如此，…", "请总结作者关于P的论证"
    rf"{SUBJECT_ZH}(?:中|里)?以(?P<p5>[^。？?]{{4,}}?)为例|"
    rf"(?:^|[，。；])(?:如|正如){SUBJECT_ZH}所(?:言|说|述|指出)[，,]?(?P<p6>[^？?。]+?){END_ZH}|"
    rf"^(?P<p7>[^，,。？?]{{6,}})[，,]\s*既然(?:如此|这样)|"
    rf"(?:总结|概括|解释|说明|介绍)(?:一下)?{SUBJECT_ZH}关于(?P<p8>[^？?。]+?)的(?:论证|论述|论点|证明|推理)|"
    # a yes-or-no question about what the text holds: "文章的结论是P吗？", "作者认为P吗？"
    rf"^{SUBJECT_ZH}的?(?:结论|观点|看法|判断|主张|立场)(?:是|为)(?P<p9>[^？?。]{{2,}}?)(?:吗|么|嘛)[？?]*$|"
    rf"^{SUBJECT_ZH}(?:是否|是不是)?{VERB_ZH}(?!的)(?:了)?(?P<p10>[^？?。]{{2,}}?)(?:吗|么|嘛)[？?]*$"
)


# a work cited by its author and year: "Krugman (1991)", "Baldwin et al. (2022)", "Jiang Xiaojuan
# (2021)", "江小涓等(2021)"; the passage that holds such a premise cites it
RE_CITED = re.compile(
    r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:,? (?:et al\.?|and (?:co-?authors|colleagues|others)|and "
    r"[A-Z][a-z]+))?"
    r"\s*\(((?:19|20)\d\d)\)|([\u4e00-\u9fff]{3})等?\s*[（(]((?:19|20)\d\d)[)）]"
)
# a statement with figures before the question ("海关数据显示，2023年…下降了2.8%。作者…？"), a
# sentence of its own or clauses before a dash or comma; who says it is cut off
RE_ASKS = {"zh": re.compile(rf"^\s*{ASK_ZH}"), "en": re.compile(rf"^\s*{ASK_EN}", re.I)}  # a clause that asks
RE_STATED_CLAUSE = re.compile(rf"{RE_CLAUSE_END.pattern}|\s*(?<!\d)[—–]+(?!\d)\s*|\s+-\s+")  # not 2018—2023
RE_SOURCE_LEAD = re.compile(
    r"^(?:据[^，。]{0,24}?(?:统计|数据|显示)[，,]?|[^，。]{0,24}?(?:数据|公报|报告|统计)?(?:显示|表明|"
    r"称)[，,：:]?|"
    r"according to [^,]{0,60}, |"
    r"(?:the )?[\w'’ -]{0,60}? (?:data|figures?|bulletin|report|statistics|numbers)"
    r"(?: (?:cited|quoted) in the paper)? "
    r"(?:shows?|showed|says?|said|puts?|indicates?|suggests?) (?:that )?)",
    re.I,
)
# a figure a claim gives (a share, an amount, a multiple), not a date or a list number
RE_CLAIMED_FIGURE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|个百分点|percentage points?|万|亿|倍|million|billion|trillion)|\d+\.\d+|"
    r"\d{1,3}(?:,\d{3})+|"
    r"(?<![\d.])(?!(?:19|20)\d\d(?!\d))\d{2,}(?![\d.])\s*[个家项台辆件人元吨座条种所款位名亩户]|"
    rf"\b(?:\d+|{NUMBER_WORDS}) times\b",
    re.I,
)


def _stated_figures(question: str, lang: str) -> tuple[str, str] | None:
    """The clauses giving figures of the first statement before the question that gives any (a
    sentence of its own, or the clauses before the one that asks: "…上升了7.4个百分点，文章怎么解释？"),
    and the whole statement, which may say who gives them."""
    sentences = [s.strip() for s in RE_SENTENCE[lang].split(question.strip()) if s.strip()]
    for n, sentence in enumerate(sentences):
        clauses = RE_STATED_CLAUSE.split(RE_SOURCE_LEAD.sub("", sentence).rstrip("。.;；?？"))
        if n == len(sentences) - 1 or sentence[-1] in "?？":  # the question: what comes before it asks
            clauses = clauses[: next((i for i, c in enumerate(clauses) if RE_ASKS[lang].match(c)), 0)]
        if stated := [c.strip() for c in clauses if RE_CLAIMED_FIGURE.search(c)]:
            return "，".join(stated), sentence
    return None


# what a why-question takes as given: "Why did X fall?" presupposes "X fell", "为什么X下降？" and
# "X为什么下降？" presuppose "X下降"; who says it is not asked (that is `stated_premise`)
RE_WHY_EN = re.compile(
    r"^why\s+(?:do|does|did|is|are|was|were|has|have|had|will|would|can|could|should|must)\s+(?P<p>[^?]{8,})\?*$",
    re.I,
)
RE_WHY_ZH = re.compile(r"^(?P<a>[^，,。？?]{0,40}?)(?:为什么|为何)(?:会|要)?(?P<b>[^，,。？?]{2,})[？?]*$")


# whose account the question asks within ("According to the paper, why …", "根据文章，为什么…"): it
# takes P as the text's all the same
RE_VOICE_LEAD = re.compile(
    r"^(?:according to|in the (?:view|words|account) of|as (?:stated|said|described|argued) (?:in|by)) "
    r"(?:the |this )?(?:paper|authors?|article|study|report|text)(?:['’]s? (?:view|account))?\s*,\s*|"
    r"^in (?:the |this )?(?:paper|authors?|article|study|report)['’]?s?['’]? (?:view|account|words),\s*|"
    r"^(?:根据|据|按照?|依照|在)(?:这篇)?(?:文章|论文|本文|作者|文中)(?:的)?(?:说法|观点|分析|论述|看来)?[，,]\s*",
    re.I,
)


def presupposed(question: str, lang: str) -> tuple[str, str] | None:
    """(P, the question) when a why-question takes P as given, else None."""
    text = RE_VOICE_LEAD.sub("", question.strip(), count=1)
    if lang == "en":
        m = RE_WHY_EN.match(text)
        return (m.group("p").strip(), text) if m else None
    m = RE_WHY_ZH.match(text)
    return (m.group("a") + m.group("b"), text) if m else None


RE_YES_NO = re.compile(
    r"(?:吗|么|嘛)[？?]*$|"
    r"^(?:does|do|did|is|are)\s+(?:it |the |this )?(?:paper|authors?|article|study|report|text)\b",
    re.I,
)


def asks_yes_no(question: str) -> bool:
    """The question asks whether the text holds P ("文章的结论是P吗？", "Does the paper conclude that P?"):
    a text that says neither P nor its opposite leaves it open, it is no false premise."""
    return RE_YES_NO.search(question.strip()) is not None


# a statement put to be confirmed ("X, right?", "X——为什么…", "X是在增长的吧？") or set before the
# question with a dash ("Samsung moved to India — how many suppliers followed?"); the asker takes it as
# given, so the text saying otherwise corrects it and a text saying neither leaves it open
RE_CONFIRMED = {
    "en": re.compile(
        rf"^(?!{WH_EN})(?P<p>(?:[^?.!]|\.(?=\d)){{12,}}?)"
        rf"(?:\s*,?\s*{TAG_EN}\s*\?|\s*(?:—|–|\s-\s)\s*(?={ASK_EN}))|"
        # a clause setting the scene: "When Samsung moved to India, how many suppliers followed?"
        rf"^(?:when|after|once)\s+(?P<w>[^,?]{{12,}}?),\s*(?={ASK_EN})|"
        # a statement of its own before the question: "RCEP took effect in 2020. How did trade change?"
        rf"^(?!{WH_EN})(?P<s>(?:[^?.!]|\.(?=\d)){{12,}}?)\.\s+(?={ASK_EN}[^.!]*\?\s*$)",
        re.I,
    ),
    "zh": re.compile(
        rf"^(?P<p>[^？?。]{{6,}}?)(?:[，,]?\s*{TAG_ZH}[？?]|\s*——\s*(?={ASK_ZH}))|"
        rf"^(?:当|在)(?P<w>[^，,？?。]{{6,}}?)(?:时|之后|以后)[，,]\s*(?={ASK_ZH})|"
        # a statement before the question, a sentence of its own or what came after it: "RCEP在2020年生效，
        # 此后贸易有何变化？"
        r"^(?P<s>[^，,？?。]{6,}?)(?:。\s*(?=[^。]+[？?]\s*$)|[，,]\s*(?=此后|之后|随后|自此|从那以后))"
    ),
}
# a thing the question takes the text to mention, as it names it: "How does Japan's PLI scheme,
# mentioned in the paper, work?", "文中提到的日本PLI计划如何…"
RE_MENTIONED = {
    "en": re.compile(
        rf"^(?:{WH_EN}\s+(?:(?:do|does|did|is|are|was|were)\s+)?)?"
        r"(?P<p>[^,?]{6,80}?),\s*(?:as\s+)?(?:mentioned|cited|described|discussed|noted)\s+"
        r"(?:in|by)\s+(?:the|this)\s+(?:paper|article|authors?|text|report|study|document)\s*,",
        re.I,
    ),
    "zh": re.compile(
        r"(?:文中|文章|论文|作者|报告)(?:提到|提及|所说|说)的(?P<p>[^，,？?。]{6,30}?)(?:如何|怎么|怎样|是|有|为什么)"
    ),
}
# "Does the paper present X as Y?", "文中举了X的例子": what the text is taken to say of X
RE_PORTRAYED = {
    "en": re.compile(
        rf"^(?:does|do|did|is|are)\s+{SUBJECT_EN}\s+(?:really\s+)?(?:present|describe|portray|depict|treat|"
        r"frame|characteri[sz]e|see|view|regard|hold up|cite|use)(?:s|ing)?\s+(?P<x>.+?)\s+as\s+"
        r"(?P<y>[^?]+)\?*$",
        re.I,
    ),
    "zh": re.compile(rf"{SUBJECT_ZH}(?:中|里)?(?:举|列举|提到)了?(?P<x>[^，。？?]{{4,}}?)的(?:例子|案例)"),
}


RE_ASKER_SAYS = re.compile(r"^(?:i|i'm|i’m|we|we're|my|our|me)\b|^(?:我|本人)", re.I)


def confirmed(question: str, lang: str) -> tuple[str, str] | None:
    """(P, the question) when the question puts P to be confirmed or takes it as given before asking,
    else None."""
    text = question.strip()
    if m := RE_PORTRAYED[lang].search(text):
        return (" ".join(g for g in m.groups() if g), text)
    if m := RE_MENTIONED[lang].search(text):  # a thing as it names it: no verb needed
        return (m.group("p").strip(" ，,"), text)
    m = RE_CONFIRMED[lang].match(text)
    said = m and next(g for g in (m.group("p"), m.group("w"), m.group("s")) if g).strip(" ，,")
    if said and RE_ASKER_SAYS.match(said):  # of the asker, not of the text: "I can't read Chinese — …"
        return None
    after = m and m.group("s") and m.group().rstrip()[-1:] in "，,"  # "P，此后…": P happened
    return (said, text) if said and (after or states(said, lang)) else None


RE_FINITE_EN = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|went|grew|fell|rose|made|took|"
    r"moved|shifted)\b|\b\w{3,}ed\b",
    re.I,
)


def states(text: str, lang: str) -> bool:
    """`text` says something (it has a verb), not only names a topic ("Machinery products — what share…")."""
    if lang == "en":
        return RE_FINITE_EN.search(text) is not None
    return any(tag.startswith("v") for _, tag in jieba_tags(text))


# where the asker says the text holds it, in passing: "X, mentioned in the paper, …", "X, according to the
# paper, …", "X（文中提到的）": not part of what is claimed
RE_ASIDE = re.compile(
    r",\s*(?:as\s+)?(?:mentioned|cited|described|discussed|noted|reported)\s+(?:in|by)\s+(?:the|this)\s+"
    r"(?:paper|article|authors?|text|report|study|document)\s*(?:,|$)|"
    r",\s*(?:according to|as (?:stated|said) (?:in|by)|per) (?:the|this) "
    r"(?:paper|article|authors?|text|report|study)\s*(?:,|$)|"
    r"(?<=[，,])\s*(?:据|按照?|根据)(?:文中|文章|论文|作者|报告)(?:所说|所述|的说法)?\s*(?:[，,]|$)|"
    r"[（(](?:文中|文章|论文|作者)(?:提到|所说|所述)的?[)）]",
    re.I,
)


def without_asides(text: str) -> str:
    return re.sub(r"  +", " ", RE_ASIDE.sub("", text)).strip(" ，,")


def stated_premise(question: str, lang: str) -> tuple[str, str] | None:
    """(P, the words that state it) when the question states a premise P, else None."""
    m = (RE_PREMISE_ZH if lang == "zh" else RE_PREMISE_EN).search(question.strip())
    text = m and next((g for g in m.groups() if g), None)
    said = m.group() if text else ""
    if not text and (stated := _stated_figures(question, lang)):
        text, said = stated
    if not text:
        return None
    return RE_ATTRIBUTED.sub("is", text).strip(" ，,：:"), said
