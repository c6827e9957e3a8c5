"""What a question takes the paper to say, and whether a retrieved passage says it.

"Since the paper shows that P, why …", "The authors argue P, right?", "Why do the authors conclude
that P?", "According to the paper, P; how …", "作者认为P，那么…", "按文中的说法，P，…", "江小涓等(2021)
指出P，没错吧？", or a statement with figures before the question ("海关数据显示，2023年…下降了2.8%。
作者…？") state a premise P about the paper before they ask. Quoting the passages nearest to such a
question would answer as if P held. `premise_of` reads P out of the question; `Premise.held_in`
asks that some retrieved sentence give P's figures and years, name most of its words (an English
premise's words through the lexicon, as for an amount question in `assistant.quantity`), all its
places, the body it says a figure comes from ("the IMF") and the work it cites ("Krugman (1991)"),
say it as absolutely ("fully decouple") and with the same verdict ("on balance good"), and not
move the other way than P says ("fell by 8.6%" is not held by "比上年增长8.6%", "limit foreign
capital" not by "引导外资更多地投向…"). When no sentence does, the answer says the paper does not
say that; with a judge, `Premise.closest` picks the sentences the model is shown to decide it (see
assistant.judge).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.bodies import bodies_named
from assistant.lexicon import Lexicon
from assistant.places import PATTERNS, WORLD, chinese_names, places_named
from assistant.quantity import RE_CLAUSE_END, RE_SENTENCE, units_of


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
    r"(?:" + _forms("show", "conclude", "argue", "state", "claim", "prove", "demonstrate", "note", "report",
                    "suggest", "believe", "insist", "assert", "establish", "point out", "maintain", "contend",
                    "recommend", "propose", "call for", "urge", "predict", "forecast", "estimate", "mention",
                    "cite", "document", "observe", "emphasize", "stress", "acknowledge", "admit", "warn",
                    "find", "say", "think", "write", "tell", "describe", "reveal", "confirm", "indicate",
                    "expect", "anticipate", "quote", "define", "project")
    + r"|shown|found|said|thought|wrote|written|told|proven)"
)
SUBJECT_EN = (
    r"(?:(?:the |this )?(?:paper|authors?|article|study|text|writers?|researchers?|table 1|introduction|"
    r"conclusions?|abstract|literature review)|"
    r"[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:,? et al\.?| and [A-Z][a-z]+| and (?:co-?authors|colleagues))? \((?:19|20)\d\d\)|"
    r"(?:the )?[\w'’ -]{1,40}? (?:data|figures?|numbers|statistics|report|survey|estimates?) (?:(?:cited|quoted|given) )?"
    r"in the (?:paper|article)|"
    r"(?:the )?[\w'’ -]{1,40}? (?:cited|quoted|used|mentioned) (?:in|by) the (?:paper|authors?|article))"
)
WH_EN = r"(?:what|why|how|which|who|whom|where|when|does|do|did|is|are|was|were|can|could|should|would|will)\b"
ASK_EN = rf"(?:{WH_EN}|(?:so|then|and|but)\b)"  # the question after the premise
TAG_EN = r"(?:right|correct|true|yes|no|isn't (?:it|that (?:so|right))|don't they|doesn't it|didn't they|am I right)"
# where a stated premise ends: a tag question, a full stop, a dash, ", so"
END_EN = rf"(?:\s*,?\s*{TAG_EN}\s*\?|\s*[.;:](?:\s+|$)|\s*—\s*|\s+[–-]\s+|\s*,\s*(?:so|then|and so)\s)"
# who a claim is taken from, before the subject: "Citing a McKinsey report, the paper projects …"
LEAD_EN = r"(?:(?:citing|quoting|drawing on|based on|using) [^,]{1,60},\s*)?"
# "X is cited in the paper as P", "X is cited as showing P": the premise is "X is P"
RE_ATTRIBUTED = re.compile(
    r"(?:is|are|was|were)\s(?:cited|quoted|described|presented|mentioned|used|given|credited|named|listed)\s"
    r"(?:(?:in|by)\s(?:the|this)\s(?:paper|authors?|article|text|introduction|literature review)(?:\s(?:as|with))?|"
    r"as(?:\s(?:showing|saying|evidence|proof)(?:\sthat)?)?)",
    re.I,
)
RE_PREMISE_EN = re.compile(
    rf"^(?:since|given that|as|because|now that)\s+{SUBJECT_EN}\s+(?:[\w'’-]+\s+){{0,4}}?{VERB_EN}\s+(?:that\s+)?"
    rf"(?P<p1>.+?)[,;]\s*{ASK_EN}|"
    rf"^{LEAD_EN}{SUBJECT_EN}\s+(?:[\w'’-]+\s+){{0,2}}?{VERB_EN}\s+(?:that\s+)?(?P<p2>.+?){END_EN}|"
    rf"^why (?:do|does|did|would) {SUBJECT_EN}\s+(?:[\w'’-]+\s+){{0,2}}?{VERB_EN}\s+(?:that\s*,?\s+)?(?P<p3>[^?]+)\?|"
    rf"^(?:according to|as (?:stated|shown|noted|said) (?:in|by)|per) {SUBJECT_EN}(?:'s? \w+)?,\s*(?!{WH_EN})"
    rf"(?P<p4>[^?]+?)(?:[;:.](?:\s+|$)|,\s*(?={ASK_EN})|\s*—\s*|\s+[–-]\s+)|"
    # "Explain the authors' argument that P", "I read in this paper that P, right?"
    rf"^(?:please )?(?:explain|summari[sz]e|describe|outline|walk me through) (?:the |this )?(?:paper|authors?)['’]?s?['’]? "
    rf"(?:argument|claim|reasoning|proof|finding|conclusion|case|view)s? that (?P<p5>[^?.]+)|"
    rf"^I (?:read|saw|heard|learned|understand|gather) (?:in (?:this|the) (?:paper|article) )?that (?P<p6>.+?){END_EN}|"
    # a premise stated as a fact: "Since China's trade shrank by 2.8% in 2023, what …"
    rf"^(?:since|given that|now that)\s+(?!{SUBJECT_EN}\s)(?P<p7>[^,;?]{{15,}}?)[,;]\s*{ASK_EN}|"
    # "X is cited in the paper as P." (what the paper calls it is cut out below), "The paper's
    # example of X is Y."
    rf"^(?P<p8>[^?.;]{{3,120}}?\s{RE_ATTRIBUTED.pattern}[^?]+?){END_EN}|"
    rf"^(?:the |this )?(?:paper|authors?|article|study)['’]s?\s(?:\w+\s)?(?:example|case|illustration|definition|"
    rf"estimate|account|explanation|evidence)\s(?:of|for)\s(?P<p9>[^?]+?){END_EN}",
    re.I,
)
SUBJECT_ZH = r"(?:作者|文章|论文|本文|文中|该文|原文|表1|这篇(?:文章|论文)|此文|[\u4e00-\u9fff]{2,4}等?\s*[（(](?:19|20)\d\d[)）])"
VERB_ZH = (
    r"(?:认为|主张|指出|提出|证明|表明|显示|说明|说(?![明法])|称(?!为)|断言|断定|得出[^，。？]{0,12}?结论|强调|发现|建议|"
    r"提到|写道|判断|预测|估计|论证|认定|声称|坚持|呼吁|提及|引用)"
)
# the question after the premise: "…，那么…", "…，为什么…", "…。文中具体…"
ASK_ZH = (
    r"(?:那么|那|所以|这|请|为什么|为何|他|她|他们|作者|它|文章|文中|论文|本文|怎么|如何|能否|可否|是否|具体|依据|"
    r"理由|原因|有哪些|哪些|什么)"
)
TAG_ZH = r"(?:对吧|是吧|对吗|是吗|没错吧|吧)"
END_ZH = rf"(?:[，,]\s*{TAG_ZH}?\s*{ASK_ZH}|[，,]?\s*{TAG_ZH}\s*[？?]|。)"
RE_PREMISE_ZH = re.compile(
    # a definition keeps the term it defines: "文中把X定义为Y" states "X定义为Y"
    rf"(?:^|[，。；])(?:既然|由于|因为|鉴于)?{SUBJECT_ZH}(?:中|里)?(?:把|将)"
    rf"(?P<p0>[^，。？?]+?(?:定义为|界定为|称为|视为)[^？?。]+?){END_ZH}|"
    rf"(?:^|[，。；])(?:既然|由于|因为|鉴于)?{SUBJECT_ZH}(?:在文中|在文章中|里|中)?[^，。？?]{{0,12}}?{VERB_ZH}"
    rf"(?:了|过)?[：:，,]?(?P<p1>[^？?。]+?){END_ZH}|"
    rf"(?:^|[，。；])(?:按照?|根据|依照)?{SUBJECT_ZH}[^，。？?]{{0,16}}?的?(?:说法|观点|逻辑|结论|分析|数据|报告|研究|预测|统计|解释|定义|描述|界定)"
    rf"[，,：:]?(?P<p2>[^？?。]+?){END_ZH}|"
    rf"^为什么{SUBJECT_ZH}(?:会)?{VERB_ZH}(?:了)?[：:，,]?(?P<p3>[^？?]+)[？?]|"
    rf"^既然(?P<p4>[^，,？?]{{4,}})[，,]|"
    # "文中以P为例", "如作者所言，P，那…", "X显示P，既然如此，…", "请总结作者关于P的论证"
    rf"{SUBJECT_ZH}(?:中|里)?以(?P<p5>[^。？?]{{4,}}?)为例|"
    rf"(?:^|[，。；])(?:如|正如){SUBJECT_ZH}所(?:言|说|述|指出)[，,]?(?P<p6>[^？?。]+?){END_ZH}|"
    rf"^(?P<p7>[^，,。？?]{{6,}})[，,]\s*既然(?:如此|这样)|"
    rf"(?:总结|概括|解释|说明|介绍)(?:一下)?{SUBJECT_ZH}关于(?P<p8>[^？?。]+?)的(?:论证|论述|论点|证明|推理)"
)
RE_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?")
# English magnitudes as the Chinese text writes them: "20 million" is 2000万, "1.2 billion" 12亿
RE_MAGNITUDE = re.compile(r"\s*(thousand|million|billion|trillion)\b", re.I)
IN_WAN = {"thousand": 0.1, "million": 100, "billion": 10, "trillion": 1}
# counts in English words, as digits or Chinese numerals ("two of the top ten": 两, 十)
NUMBER_WORDS = {
    "two": {"2", "两", "二"}, "three": {"3", "三"}, "four": {"4", "四"}, "five": {"5", "五"}, "six": {"6", "六"},
    "seven": {"7", "七"}, "eight": {"8", "八"}, "nine": {"9", "九"}, "ten": {"10", "十"},
}
RE_NUMBER_WORD = re.compile(rf"\b(?:{'|'.join(NUMBER_WORDS)})\b", re.I)
# shares in words, in either language, as the Chinese text may write them (腰斩: cut in half);
# not "the first half" of a year
HALF = {"一半", "半数", "二分之一", "1/2", "50%", "腰斩"}
FRACTIONS = (
    (re.compile(r"(?<!first )(?<!second )\bhalf\b|一半|半数|二分之一", re.I), HALF),
    (re.compile(r"\b(?:a|one) third\b|三分之一", re.I), {"三分之一", "1/3"}),
    (re.compile(r"\b(?:a|one) quarter\b|四分之一", re.I), {"四分之一", "1/4", "25%"}),
)
# which way a figure moved: a premise that says it rose is not held by a passage where it fell
# and which way a premise without figures says a policy or trend should go ("limit foreign capital"
# is not held by "引导外资更多地投向…")
RE_UP = re.compile(
    r"增|涨|升|提高|攀升|扩大|加强|鼓励|促进|放宽|更多|\b(?:rise|rose|risen|rising|grow|grew|grown|growing|"
    r"increase[sd]?|increasing|climb(?:ed|ing|s)?|up|gain(?:ed|s)?|jump(?:ed|s)?|expand(?:ed|s|ing)?|higher|more|"
    r"rais(?:e|ed|es|ing)|boost(?:ed|s|ing)?|encourag\w*|promot\w*|strengthen\w*|loosen\w*)\b", re.I
)
RE_DOWN = re.compile(
    r"减|降|跌|下滑|回落|缩小|萎缩|削弱|限制|收紧|抑制|禁止|封闭|\b(?:fall|fell|fallen|falling|decline[sd]?|declining|"
    r"drop(?:ped|s)?|decrease[sd]?|decreasing|down|shr[iau]nk|shrinking|lower|less|fewer|cut|reduc\w*|limit\w*|"
    r"restrict\w*|tighten\w*|curb\w*|weaken\w*|ban(?:s|ned)?|clos(?:e|ed|es|ing))\b", re.I
)

# words that make a claim absolute ("fully decouple", "越多越好"): the paper hedges, so a premise
# saying it calls for all of something holds only where a sentence says so as absolutely
RE_ABSOLUTE = re.compile(
    r"所有|全部|一切|完全|一律|彻底|总是|从不|始终|唯一|越多.{0,6}越好|尽可能|尽量|绝对|没有任何|不存在任何|任何|毫无|丝毫|"
    r"\b(?:all|every|entirely|fully|completely|totally|always|never|solely|wholly|any)\b|"
    r"\bas (?:many|much|\w+) (?:\w+ )*?as possible\b", re.I
)
# a verdict that one side outweighs the other ("on balance good", "弊大于利"): a premise giving one
# is held only by a sentence giving the same
GOOD_EN, BAD_EN = r"good|positive|beneficial|favou?rable|helpful", r"bad|negative|harmful|unfavou?rable|damaging"
UPSIDES, DOWNSIDES = r"benefits?|advantages?|gains?|upsides?|pros|opportunities", r"costs?|harms?|risks?|downsides?|cons|disadvantages?|losses"
RE_VERDICT = {
    "good": re.compile(
        rf"利大于弊|利多于弊|好处大于坏处|on balance[^.?;]{{0,30}}\b(?:{GOOD_EN})|\b(?:{UPSIDES}) (?:\w+ )?outweigh|"
        rf"\bnet (?:positive|benefit|gain)|\boverall (?:{GOOD_EN})|\b(?:{GOOD_EN}) overall|more (?:good|benefits?) than (?:harm|bad)",
        re.I,
    ),
    "bad": re.compile(
        rf"弊大于利|弊多于利|坏处大于好处|on balance[^.?;]{{0,30}}\b(?:{BAD_EN})|\b(?:{DOWNSIDES}) (?:\w+ )?outweigh|"
        rf"\bnet (?:negative|cost|loss)|\boverall (?:{BAD_EN})|\b(?:{BAD_EN}) overall|more (?:harm|costs?) than (?:good|benefits?)",
        re.I,
    ),
}


def verdict(text: str) -> str | None:
    """"good" or "bad" when `text` says that, on balance, one side outweighs the other."""
    found = [side for side, pattern in RE_VERDICT.items() if pattern.search(text)]
    return found[0] if len(found) == 1 else None


RE_TITLE = re.compile(r"《[^》]*》")
RE_QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|'[^']*'|\"[^\"]*\"")
# the places a sentence of this paper may leave unsaid: it is about China in the world
IMPLIED = frozenset({"中国", WORLD})


def direction(text: str) -> str | None:
    """"up" or "down" when `text` says a figure moved one way only."""
    up, down = RE_UP.search(text) is not None, RE_DOWN.search(text) is not None
    return "up" if up and not down else "down" if down and not up else None


@dataclass
class Premise:
    """What a question states the paper says: `units` as in `assistant.quantity.Quantity` (the Chinese
    strings any of which names each of its words, its places among them), its figures and years,
    which way it says something moved, the places it names, whether it is absolute, the verdict it
    gives, the bodies it takes a figure from and the works it cites."""

    text: str
    units: list[set[str]]
    numbers: list[set[str]]  # each figure, as any of the ways it may be written ("20 million": 20, 2000)
    moves: str | None = None
    places: frozenset[str] = frozenset()
    absolute: bool = False
    verdict: str | None = None
    bodies: frozenset[str] = frozenset()  # the bodies it says a figure or claim comes from
    cited: list[tuple[set[str], str]] = field(default_factory=list)  # works it cites: (author's names, year)

    def _figures_in(self, text: str) -> int:
        return sum(any(_has_number(text, n) for n in forms) for forms in self.numbers)

    def _words_in(self, text: str) -> int:
        return sum(any(w in text for w in unit) for unit in self.units)

    def held_in(self, sentence: str, share: float) -> bool:
        """`sentence` gives every figure of the premise, names `share` of its words, every place it
        names (China and the world may go unsaid where no other place is named), every body it takes
        a figure from and every work it cites, says it as absolutely, gives the same verdict if it
        gives one ("on balance good"), and does not move the other way: in no clause that gives one
        of its figures, or, for a premise without figures, as a whole or in a clause that names most
        of it."""
        text = sentence.lower()
        if self._figures_in(text) < len(self.numbers) or self._words_in(text) < share * len(self.units):
            return False
        if self.absolute and not RE_ABSOLUTE.search(sentence):
            return False
        if self.verdict and verdict(sentence) != self.verdict:
            return False
        if self.bodies - bodies_named(sentence):
            return False
        if any(year not in text or not any(n in text for n in names) for names, year in self.cited):
            return False
        there = places_named(sentence)
        if any(key not in there and not (key in IMPLIED and there <= IMPLIED) for key in self.places):
            return False
        if self.moves and self.numbers:
            every = {n for forms in self.numbers for n in forms}
            clauses = [c for c in RE_CLAUSE_END.split(text) if any(_has_number(c, n) for n in every)]
            if any(direction(c) not in (None, self.moves) for c in clauses):
                return False
        elif self.moves:  # as a whole, or in a clause that names most of the premise
            named = {c: self._words_in(c) for c in RE_CLAUSE_END.split(text)}
            most = max(named.values())
            ways = {direction(text)} | {direction(c) for c, n in named.items() if n == most}
            if ways - {None, self.moves}:
                return False
        return True

    def closest(self, sentences: list[str], n: int = 3) -> list[str]:
        """The `n` sentences that give most of the premise's figures and words (ties in the given
        order): what a judge is shown to decide whether the paper says it."""
        return sorted(sentences, key=lambda s: -self._figures_in(s.lower()) - self._words_in(s.lower()))[:n]


def _has_number(text: str, number: str) -> bool:
    """`text` holds `number` as a figure of its own (2000 is not in 20000, nor 20 in 2000); a Chinese
    numeral anywhere."""
    if not number[0].isdigit():
        return number in text
    return re.search(rf"(?<![\d.]){re.escape(number)}(?!\d|\.\d)", text) is not None


def figures(text: str, words: bool = True) -> list[set[str]]:
    """Each figure of `text`, as the strings a Chinese passage may write it in; those written in
    words ("two", "half") too if `words`."""
    out = []
    for m in RE_NUMBER.finditer(text):
        plain = m.group().replace(",", "")
        forms = {plain}
        if unit := RE_MAGNITUDE.match(text, m.end()):
            value = float(plain) * IN_WAN[unit.group(1).lower()]
            forms.add(f"{value:.4f}".rstrip("0").rstrip("."))
        out.append(forms)
    if words:
        out += [NUMBER_WORDS[m.group().lower()] for m in RE_NUMBER_WORD.finditer(text)]
        out += [forms for pattern, forms in FRACTIONS if pattern.search(text)]
    return out


# a work cited by its author and year: "Krugman (1991)", "Baldwin et al. (2022)", "Jiang Xiaojuan
# (2021)", "江小涓等(2021)"; the passage that holds such a premise cites it
RE_CITED = re.compile(
    r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:,? (?:et al\.?|and (?:co-?authors|colleagues|others)|and [A-Z][a-z]+))?"
    r"\s*\(((?:19|20)\d\d)\)|([\u4e00-\u9fff]{3})等?\s*[（(]((?:19|20)\d\d)[)）]"
)
# a statement with figures before the question ("海关数据显示，2023年…下降了2.8%。作者…？"), a
# sentence of its own or clauses before a dash or comma; who says it is cut off
RE_ASKS = {"zh": re.compile(rf"^\s*{ASK_ZH}"), "en": re.compile(rf"^\s*{ASK_EN}", re.I)}  # a clause that asks
RE_STATED_CLAUSE = re.compile(rf"{RE_CLAUSE_END.pattern}|\s*(?<!\d)[—–]+(?!\d)\s*|\s+-\s+")  # not 2018—2023
RE_SOURCE_LEAD = re.compile(
    r"^(?:据[^，。]{0,24}?(?:统计|数据|显示)[，,]?|[^，。]{0,24}?(?:数据|公报|报告|统计)?(?:显示|表明|称)[，,：:]?|"
    r"according to [^,]{0,60}, |(?:the )?[\w'’ -]{0,60}? (?:data|figures?|bulletin|report|statistics|numbers)"
    r"(?: (?:cited|quoted) in the paper)? (?:shows?|showed|says?|said|puts?|indicates?|suggests?) (?:that )?)",
    re.I,
)
# a figure a claim gives (a share, an amount, a multiple), not a date or a list number
RE_CLAIMED_FIGURE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|个百分点|percentage points?|万|亿|倍|million|billion|trillion)|\d+\.\d+|\d{1,3}(?:,\d{3})+|"
    rf"\b(?:\d+|{'|'.join(NUMBER_WORDS)}) times\b",
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


def premise_of(question: str, lang: str, lexicon: Lexicon, latin: set[str]) -> Premise | None:
    """The premise a question states about the paper, if it states one."""
    m = (RE_PREMISE_ZH if lang == "zh" else RE_PREMISE_EN).search(question.strip())
    text = m and next((g for g in m.groups() if g), None)
    said = m.group() if text else ""  # with who says it: "the IMF data cited in the paper show P"
    if not text and (stated := _stated_figures(question, lang)):
        text, said = stated
    if not text:
        return None
    text = RE_ATTRIBUTED.sub("is", text).strip(" ，,：:")
    places = places_named(text)
    bare = text
    for key in places:  # a place is one unit, in any of its names ("Chinese firms": 我国企业)
        bare = PATTERNS[key].sub(" ", bare)
    units = [u for u in units_of(bare, lang, lexicon, latin) if lang == "en" or len(next(iter(u))) > 1]
    units += [chinese_names(key) for key in sorted(places)]
    numbers = figures(text)
    if not units and not numbers:
        return None
    absolute = RE_ABSOLUTE.search(RE_QUOTED.sub("", text)) is not None  # not in a name: 'all-in China'
    moves = direction(RE_TITLE.sub("", text))  # not the words of a title (《鼓励外商投资产业目录》)
    cited = []
    for m in RE_CITED.finditer(said):
        if m.group(1):  # the English name, or the Chinese the lexicon has for it ("jiang xiaojuan": 江小)
            cited.append(({m.group(1).lower(), *lexicon.get(m.group(1).lower(), ())}, m.group(2)))
        else:  # the two or three characters before 等: a family and a given name
            cited.append(({m.group(3)[-2:], m.group(3)}, m.group(4)))
    return Premise(text, units, numbers, moves, places, absolute, verdict(text), bodies_named(said), cited)
