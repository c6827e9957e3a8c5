"""Reading an amount question: the phrase that names what it asks the amount of.

"How many manufacturing jobs …" asks for a number of jobs, "国产化率具体是多少" for a rate of
国产化, "投资规模有多大" for a size of 投资. `asked_quantity` finds that phrase in an English or
Chinese question, with who says it, its verbs, comparisons, places and units taken off;
`asked_units` finds the unit it asks the figure in (多少辆: 辆, "how many times did": 次).
`assistant.guards.reading.quantity` looks for a clause that names it and gives a figure.
"""

from __future__ import annotations

import re

from assistant.text import jieba_tags, jieba_words

# a question that asks for an amount ("多少预算", "how much FDI"): the answer needs a figure for it
RE_AMOUNT_QUESTION = re.compile(
    r"多少|多大|多高|how many|how much|how (?:big|large) (?:is|was|are|were)\b|"
    r"\bwhat\b[^?]{0,40}?\b(?:percentage|share|figure|rate|number|amount|proportion|fraction|density|ratio)\b",
    re.I,
)
# counted words that name no thing a passage would state a figure for ("how many people worked in …")
COUNTED_EN = {"people", "persons", "times", "ones", "units", "items", "pieces"}
# words that say what kind of figure is asked, not what it is a figure of ("the share of X")
GENERIC_EN = {
    "share",
    "shares",
    "percentage",
    "percent",
    "proportion",
    "ratio",
    "figure",
    "figures",
    "number",
    "numbers",
    "amount",
    "rate",
    "level",
    "size",
    "scale",
    "total",
    "volume",
    "money",
    "sum",
    "points",
    "additional",
    "exact",
    "overall",
    "combined",
    "much",
    "many",
    "peak",
    "highest",
    "lowest",
    "record",
}
STOP_EN = {"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those"}
PRONOUNS = {"they", "it", "them", "this", "that", "these", "those"}
AUX = r"(?:did|does|do|is|are|was|were|will|would|has|have|had|can|could)"
# where an English noun phrase ends: a preposition, an auxiliary, an adverb, a bracket
RE_NP_END = re.compile(
    r"\s*(?:\(|(?<![\w-])(?:in|into|onto|through|across|towards?|by|per|to|from|according|that|which|"
    r"with|on|at|over|between|during|since|as|"
    r"for|of|about|around|back|ago|now|then|today|currently|roughly|approximately|exactly|so "
    r"far|such|like|including|"
    rf"{AUX})(?![\w-])).*$"
)
# verbs and particles that end a subject: "did the number of firms fall", "did their share go up"
VERBS_EN = {
    "go",
    "goes",
    "went",
    "up",
    "down",
    "rise",
    "grow",
    "fall",
    "drop",
    "increase",
    "decrease",
    "decline",
    "shrink",
    "change",
    "compared",
    "add",
    "reach",
    "hold",
    "earn",
    "worked",
    "were",
    "there",
    "came",
    "come",
    "comes",
}
# "how big is India's budget": the noun phrase after the verb names the thing whose size is asked
# (a size "as a share of" something is a share, which the other readings take)
RE_HOW_BIG = re.compile(r"\bhow (?:big|large) (?:is|was|are|were) (?P<np>[^?,;]+)")
RE_AS_SHARE = re.compile(r"\bas an? (?:share|percentage|proportion)\b")
RE_HOW = re.compile(rf"\b(?:by )?how (?:many|much)\b(?P<np>.*?)(?: {AUX}\b(?P<clause>[^?,;]*)|[?,;]|$)")
SHARE_EN = r"(?:share|percentage|proportion|fraction|part)"
ACCOUNT_EN = r"(?:account(?:s|ed)? for|ma(?:k|d)es? up|made up|represent(?:s|ed)?)"
RE_ACCOUNT = re.compile(  # "X account for what share of Y" and the other ways round
    rf"(?:^|[,;:—–]\s*|\s-\s)(?:in \d{{4}},? )?(?P<x1>[^,;:?—–]+?)\s+(?:{AUX}\s+)?{ACCOUNT_EN}\s+"
    rf"(?:roughly |about )?what {SHARE_EN}\b|"
    rf"\bwhat {SHARE_EN} of [^?,;]+? {AUX} (?P<x2>[^?,;]+?)\s+{ACCOUNT_EN}\b|"
    rf"\bwhat {SHARE_EN} of [^?,;]+? (?:was|were|is|are) made up of (?P<x3>[^?,;]+)|"
    rf"\bwhat {SHARE_EN} of [^?,;]+? (?:came|comes|come) from (?P<x4>[^?,;]+)"
)
RE_WHAT_DID = re.compile(
    r"\bwhat (?:percentage|share|proportion|rate|amount|number|factor)(?: "
    rf"points?)? {AUX} (?![a-z]+ed\b)(?P<clause>[^?,;]+)"
)
RE_WHAT = re.compile(
    r"\bwhat (?:(?:is|was|are|were) (?P<np1>[^?,;]+)|(?P<np2>(?:[a-z\-]+ ){0,3}"
    r"(?:percentage|share|figure|rate|number|amount|proportion|density|ratio)\b[^?,;]*))"
)

GENERIC_ZH = (
    "规模",
    "比重",
    "比例",
    "占比",
    "数量",
    "份额",
    "金额",
    "数额",
    "水平",
    "总额",
    "总量",
    "数字",
    "数据",
    "程度",
    "总数",
)
RE_ZH_BEFORE = re.compile(
    r"(?P<np>[^，,。？?；;！!]{1,30}?)(?:具体|大概|大约|一共|总共)?(?:是|有|为|达到|"
    r"达)?(?:多少|多大|多高)"
)
RE_ZH_AFTER = re.compile(
    r"多少(?:个|家|项|台|辆|件|条|种|位|名|座|所|款|万亿|亿|"
    r"万)?(?![万亿元美吨])(?P<np>[\u4e00-\u9fffA-Za-z&]{2,10})"
)
RE_ZH_TIMES = re.compile(r"(?:多少|几)次")
# who says it: "文中说", "据世界银行数据，", "牛津经济研究院预计"
RE_ZH_LEAD = re.compile(
    r"^.*?(?:文章里说|文中说|论文说|文章说|根据[^，,]{0,20}[，,]|据[^，,]{0,20}[，,]|[^，,：:]{0,20}[：:]|"
    r"预计|预期|估计|建议|显示|表明)到?|"
    r"^(?:那么|所以|因此|请问)"  # the word that leads from a premise to the question ("…，那么投入了多少")
)
RE_ZH_DROP = re.compile(
    r"从?\d{4}\s*年?(?:底|末|初)?(?:到|至|—|-)\d{4}\s*年?(?:底|末|初)?间?|\d{4}\s*年(?:底|末|初)?|"
    r"一共|总共|大约|大概|约|具体|[“”\"「」《》]|[（(][^）)]*[）)]|"
    # each of several ("…和…各是多少"), and the span a change is asked over ("这十年变化有多大")
    r"各$|(?:这|近|过去)[一二三四五六七八九十几\d]+年(?:来|间|里)?(?:的)?(?:变化|变动)?$"
)
# what lists the years or places a question asks the figure for, and names no thing ("2004年、2021年和
# 2023年分别是多少")
RE_ZH_LISTED = re.compile(r"[、和及与]|分别|各自|依次|各")
# what the thing is compared with ("较上年增长", "比2018年底少", "同比") and where it is ("在经济结构中")
RE_ZH_COMPARED = re.compile(r"(?:较|同比|环比|相比|比(?![重例率较]))[^的]*$")
RE_ZH_WHERE = re.compile(r"在([^的在]{1,12})中(?![国东美欧非])")  # not 中国
# a verb or modal that ends the phrase: "出口了", "会增长到", "降到了"
RE_ZH_VERB = re.compile(
    r"(?:(?:下降|上升|增长|减少|增加|提高|降低|扩大|缩小|降|升|涨|跌|达)(?:到|至)?|出口|进口|投入|列|"
    r"带走)?了?$|"
    r"(?:将会|会|将|能|可能|可以|是|还剩|剩下|剩余|还有|剩|百分之)$"
)
# words that name no thing: "这一数字约为2015年的多少倍", "到2021年最高涨到了多少" and "后来降到多少了" count
# what the question (or the conversation) named before ("this figure", "at most", "later"), as "they"
# does in English
NAMING_NOTHING_ZH = {
    "这一",
    "这个",
    "这些",
    "上述",
    "该",
    "此",
    "最高",
    "最低",
    "最多",
    "最少",
    "只有",
    "已经",
    "到",
    "至",
    "后来",
    "之后",
    "然后",
    "最后",
    "当时",
    "现在",
    "目前",
    "如今",
}
# "从2021年的多少降到了2023年的多少", "从多少降到多少": a range of values of the thing before it
RE_ZH_RANGE = re.compile(r"从(?:[^从，,]{0,12}?的)?多少")


# the scale and currency a figure is asked in, before the thing ("how many billions of dollars in X")
RE_UNIT_LEAD = re.compile(
    r"^\s*(?:(?:billions?|millions?|trillions?|thousands?|hundreds?)(?:\s+of)?\s+)?"
    r"(?:(?:us\s+)?dollars?|yuan|rmb|euros?|pounds?|yen)\s+(?:in|of|on|for|worth of)\s+|"
    r"^\s*(?:billions?|millions?|trillions?|thousands?)\s+(?:in|of|on|for)\s+(?!the\b)"
)


def _words(phrase: str) -> list[str]:
    """`phrase` cut where its noun phrase ends, without determiners, verbs and figure words."""
    phrase = re.sub(r"^(?: ?(?:percentage points|more|fewer|of|the|those|these))+\b", "", phrase.strip())
    words = []
    for w in RE_NP_END.sub("", phrase).split():
        if w in VERBS_EN:
            break
        if w not in STOP_EN and not w.isdigit():
            words.append(w)
    while words and words[-1] in GENERIC_EN:
        words.pop()
    while words and words[0] in GENERIC_EN:
        words.pop(0)
    return words


def _thing(np: str) -> list[str]:
    """The words of `np` that name the thing: "share of X" names X."""
    head, rest = (re.split(r"\s+(?:of|for)\s+", np.strip(), maxsplit=1) + [""])[:2]
    return _words(head) or _words(rest)


def _subject(clause: str) -> list[str]:
    """The thing in the clause after "how much did": "the share of X rise" names X; "Chinese
    enterprises spend on R&D" names enterprises (the word before a preposition is the verb)."""
    end = RE_NP_END.search(clause)
    if end and end.group().split()[0] in ("of", "for"):
        return _thing(clause)
    words = _words(clause)
    return words[:-1] if len(words) > 1 else words


def _asking(words: str) -> str:
    """`words` up to their verb: the part of an English question that says what figure it wants."""
    out = []
    for w in words.split():
        if w in VERBS_EN or re.fullmatch(AUX, w):
            break
        out.append(w)
    return " ".join(out)


def _resolve(m: re.Match, question: str) -> str:
    """The words a share is asked of (see RE_ACCOUNT), without asides in brackets; a pronoun ("they")
    stands for what the question opened with ("China's car chips — what share … do they account for")."""
    x = next(g for g in m.groups() if g)
    if set(x.split()[-1:]) & PRONOUNS:
        x = re.split(r"\s*[—–:,]\s*|\s-\s", question)[0]
    return re.sub(r"\([^)]*\)", " ", x)


def _english(question: str) -> tuple[str, str] | None:
    q = question.lower().replace("’", "'")
    if (m := RE_HOW_BIG.search(q)) and not RE_AS_SHARE.search(q):
        np = RE_NP_END.sub("", m.group("np"))
        words = _thing(np)  # "how large is China's advantage": how far it goes, not a figure
        return (" ".join(words), m.group(0)) if words and words[-1] not in DEGREE else None
    # "how many jobs does …", "how much did China export", "how much money did BMW add …"
    if m := RE_HOW.search(q):
        np = m.group("np").split()
        if np and np[0] in COUNTED_EN:
            return None
        if words := _thing(RE_UNIT_LEAD.sub(" ", m.group("np"))):  # "billions of dollars in subsidies"
            return " ".join(words), m.group("np")
        # "how many are projected to be in China": a participle names no thing
        if (
            (clause := m.group("clause") or "")
            and not re.match(r"\s*[a-z]+ed\b", clause)
            and (words := _subject(clause))
        ):
            if words[0] in PRONOUNS:  # "how much did they spend": what they are was named before
                return None
            return " ".join(words), _asking(clause)
    # "X account for what share of Y", "what share of Y do X account for / came from X": the share is X's
    if (m := RE_ACCOUNT.search(q)) and (words := _words(_resolve(m, q))):
        return " ".join(words), m.group(0)
    # "by what percentage did China's exports grow": the subject, up to its verb
    if m := RE_WHAT_DID.search(q):
        if set(m.group("clause").split()[:1]) & PRONOUNS:  # "did this exceed the 2014 figure": named before
            return None
        if words := _words(m.group("clause")):
            return " ".join(words), m.group(0)
    if (m := RE_WHAT.search(q)) and (words := _thing(np := m.group("np1") or m.group("np2"))):
        return " ".join(words), _asking(np)
    return None


def _nominal(tag: str) -> bool:
    return tag[:1] in ("n", "j") or tag in ("vn", "eng", "b", "an")


def _subject_zh(np: str) -> str:
    """The noun phrase a Chinese phrase opens with when a verb phrase follows it: "私人房东向供热公司申请"
    names 私人房东, "住宅接入了这个网络" names 住宅, "配套企业一起迁移" names 配套企业; a compound
    ("工业机器人安装量", "研发支出", "中国对美出口") stays whole. Parts of speech are jieba's."""
    tags = jieba_tags(np)
    for k, (_, tag) in enumerate(tags):
        if tag != "v" or not any(_nominal(t) for _, t in tags[:k]):
            continue
        start = next(i for i, (_, t) in enumerate(tags) if _nominal(t))
        prep = next((i for i in range(start, k) if tags[i][1] == "p"), None)
        after = tags[k + 1][1] if k + 1 < len(tags) else ""
        ends = after[:1] == "u" or (not after and (prep is not None or not _nominal(tags[k - 1][1])))
        if not ends:
            continue
        end = k if prep is None else prep
        while end > start and not _nominal(tags[end - 1][1]):
            end -= 1
        return "".join(w for w, _ in tags[:end])
    return np


def _chinese(question: str) -> tuple[str, str] | None:
    for clause in re.split(r"[？?。！!；;]", question):
        if RE_ZH_TIMES.search(clause):  # how often something happens: a count of events, of no thing
            return None
        m = RE_ZH_AFTER.search(clause)
        span = RE_ZH_RANGE.search(clause)
        if (
            m
            and not span
            and not m.group("np").startswith(("个百分点", "百分点"))
            and not m.group("np").isascii()
        ):
            np = m.group("np")
        else:
            m = RE_ZH_BEFORE.search(clause)
            if not m:
                continue
            np = RE_ZH_LEAD.sub("", clause[: span.start()] if span else m.group("np"))
            if len(RE_ZH_LISTED.sub("", RE_ZH_DROP.sub("", np))) < 2:  # "X，2004年和2023年分别是多少": X
                np = RE_ZH_LEAD.sub("", re.split(r"[，,]", clause[: m.start()].rstrip("，, "))[-1])
            while (shorter := RE_ZH_VERB.sub("", np)) != np:
                np = shorter
            np = RE_ZH_COMPARED.sub("", np)
            where = RE_ZH_WHERE.search(np)
            np = RE_ZH_WHERE.sub("", np)
            whole = np.split("占")[1] if "占" in np else ""
            np = re.sub(r"(?:在[^的在]{0,12})?所?$", "", np.split("占")[0])  # "X在全球所占的比重": X
            head, _, tail = np.rpartition("的")
            np = tail if tail and tail not in GENERIC_ZH else head or tail
            # "中国在制造业增加值中的占比", "中国占全球制造业增加值的比重": 制造业增加值
            if len(RE_ZH_DROP.sub("", np)) < 2 and (where or whole):
                np = where.group(1) if where else whole.rpartition("的")[0] or whole
        np = _subject_zh(RE_ZH_DROP.sub("", np))
        while np.endswith(GENERIC_ZH) and len(np) > 2:
            np = next(np[: -len(g)] for g in GENERIC_ZH if np.endswith(g))
        if not [
            w for w in jieba_words(np) if len(w) > 1 and w not in NAMING_NOTHING_ZH and w not in GENERIC_ZH
        ]:
            continue  # it names nothing: a later sentence may ("后来降到多少了？ <the previous question>")
        if len(np) >= 2:
            return np, re.split(r"[，,]", clause[m.start() :])[0]
    return None


# measure words and currencies: "多少辆" asks for a count of vehicles, "多少美元" for dollars
RE_ASKED_UNIT = re.compile(
    r"(?:多少|(?<!哪)几)(个百分点|美元|欧元|亿元|万元|"
    r"[个家项台辆件人元吨次倍座条种席所款位])"
)
# "how many times did it mention …" counts events (次); "how many times the 2015 level" is a multiple
RE_HOW_MANY_TIMES = re.compile(r"\bhow many times (?:did|does|do|has|have|had|is|was|are|were)\b", re.I)


def asked_units(question: str) -> set[str]:
    """The units a question asks a figure in ("多少辆": 辆; "how many times": 次)."""
    return set(RE_ASKED_UNIT.findall(question)) | ({"次"} if RE_HOW_MANY_TIMES.search(question) else set())


def asked_quantity(question: str, lang: str) -> tuple[str, str] | None:
    """For an amount question: the phrase naming what it asks the amount of, and the words that ask
    for it ("what share of China's trade …": "trade", and the question up to its verb). None when
    the question asks for no amount or no such phrase is found."""
    if not RE_AMOUNT_QUESTION.search(question):
        return None
    found = _chinese(question) if lang == "zh" else _english(question)
    if found and set(_words(found[0])) <= DEGREE:  # "优势有多大": how far it goes, in figures or words
        return None
    if lang == "zh" and (m := RE_ZH_DEGREE.search(question)) and m.group(1) in DEGREE:  # "有多大优势"
        return None
    return found


RE_ZH_DEGREE = re.compile(r"多大的?([\u4e00-\u9fff]{2})")  # what "多大" weighs, said after it
# what is weighed, not counted: "how big is the advantage" asks how far it goes, which a text may say
# in words as well as in figures
DEGREE = frozenset(
    "优势 劣势 影响 作用 意义 风险 压力 挑战 冲击 威胁 难度 力度 程度 贡献 潜力 "
    "advantage advantages impact impacts effect effects influence role risk risks pressure challenge "
    "challenges threat threats importance significance".split()
)
