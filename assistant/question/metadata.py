"""How a reader asks for the paper's front matter (its journal, authors, DOI, funding …), not for a work
it cites: language knowledge of how the question is put, in both languages."""

from __future__ import annotations

import re

# the paper itself, as readers name it: "this paper", 本文, "the article's"; not a work it cites
# ("the study by Liu")
DOC = (
    r"(?:this|the) (?:paper|article|study|report)(?:'s)?(?! (?:by|of) \w)|"
    r"(?:这篇|本篇|该)(?:文章|论文|报告)|本文|文章|论文"
)
METADATA_FIELDS = {  # field → how a reader asks for it (about the paper itself, not a work it cites)
    "journal": rf"(?:期刊|杂志|刊物|发表在|刊登在|刊发在|哪个刊)|\bjournal\b.{{0,40}}(?:{DOC})|"
    rf"(?:{DOC}).{{0,40}}\b(?:journal|published (?:in|by)|appear(?:ed)? in)\b|"
    rf"\bwhere (?:was|is) (?:it|this|{DOC}) (?:published|from)\b|"
    rf"\bwhere did (?:this|{DOC}) (?:appear|come out)\b|"
    r"\bwhich (?:publication|periodical|outlet)\b|\bpublished where\b|"
    r"\b(?:which|what) journal (?:was|is|did) this\b|\bjournal (?:was|is) this (?:published|from|in)\b",
    "issue": r"哪一?期|第几期|哪一年发表|发表(?:时间|年份|于哪年)|出版时间|"
    r"\bwhich issue\b|\bissue (?:number|no)\b|"
    rf"\bwhen (?:was|is) (?:it|this|{DOC}) published\b|\bpublication (?:date|year)\b|"
    rf"\bwhen did (?:this|{DOC}) (?:come out|appear)\b|\bwhat year (?:was|did) (?:this|{DOC})\b",
    "doi": r"(?<![A-Za-z])DOI(?![A-Za-z])",
    "authors": r"作者是谁|作者有哪些(?=[？?。，,]|$|人)|谁写的|哪[几两]位作者|作者姓名|作者叫|作者有谁|"
    r"\bwho (?:wrote|are the authors|is the author|authored)\b|\b(?:name|list) the authors\b|"
    r"\bthe authors of (?:this|the) (?:paper|article)\b",
    "affiliation": r"作者[^，。？?]{0,8}(?:单位|机构|所属|在哪(?:里|个单位)?工作|任职|研究所)|"
    r"(?:单位|机构)[^，。？?]{0,6}作者|\baffiliat\w*\b|\bwhere do (?:the|its) authors? work\b|"
    r"\bauthors?\b.{0,40}\bwhere (?:do|does|did) (?:they|he|she) work\b|"
    r"\bauthors?'?s? (?:institution|institute|positions?|employer|(?:job )?titles?|ranks?|jobs?)\b|"
    r"\b(?:positions?|titles?|jobs?|ranks?)\b.{0,20}\bauthors?\b|职称|职务|作者[^，。？?]{0,4}来自哪|"
    # "what institution are they with?", "where are the authors from?", "who do they work for?"
    r"\b(?:institution|institute|organi[sz]ation|university|employer)s?\b.{0,25}\b(?:they|authors?|he|she)\b|"
    r"\bwhere (?:are|is) (?:they|the authors?|he|she) (?:from|based)\b|"
    r"\bwhere (?:do|does) (?:they|he|she) work\b|"
    r"\bwho do (?:they|the authors) work for\b",
    "positions": r"职称|职务|\b(?:positions?|titles?|jobs?|ranks?)\b.{0,20}\bauthors?\b|"
    r"\bauthors?'?s? (?:positions?|(?:job )?titles?|ranks?|jobs?)\b|"
    r"\bauthors?\b.{0,30}\b(?:positions?|ranks?)\b",
    "funding": r"资助|基金|课题|项目编号|经费(?:来[源自]|从哪|由谁|出自)|谁的经费|"
    r"(?:文章|论文)的(?:研究)?经费|"
    r"(?:这项|该|本)(?:研究|课题|项目)[^，。？?]{0,6}经费|"
    r"\bwho (?:funded|financed|sponsored|paid for)\b|\bfunding\b|\bfunded by\b|"
    r"\bgrant (?:number|no)\b|\b(?:which|what) grant\b|\bproject (?:number|no)\b|"
    r"\b(?:funded|financed|sponsored|supported) "
    rf"(?:it|this|{DOC}|(?:this|the|their) (?:research|study|work))\b|"
    rf"\b(?:fund|finance|sponsor|pay for)s? (?:it|this|{DOC}|(?:this|the|their) (?:research|study|work))\b|"
    rf"\b(?:it|this|{DOC}|(?:this|the|their) (?:research|study|work)) (?:was |were )?(?:funded|financed|"
    r"sponsored|supported by (?:a |any )?(?:grants?|funds?|foundations?|programmes?|programs?))\b",
    "keywords": r"关键词|关键字|\bkey ?words?\b",
    "jel": r"(?<![A-Za-z])JEL(?![A-Za-z])|分类号",
    "title": rf"(?:{DOC})的?(?:英文|中文)?(?:标题|题目|题名)|叫什么|\btitle of (?:{DOC})|"
    rf"(?:{DOC}) (?:english |chinese |full )?title\b|"
    r"\bwhat is (?:the paper|it|this paper) called\b|\b(?:english|chinese|full|original|exact) title\b|"
    r"\btitle in (?:english|chinese)\b|\bwhat(?:'s| is) (?:the|its) title\b(?! of)",
    "editor": r"责任编辑|编辑是|\beditors?\b",
    "contact": r"通讯作者|邮箱|电子邮件|联系方式|\bcorresponding author\b|\be-?mail\b|\bcontact\b",
}
RE_METADATA = {field: re.compile(pattern, re.I) for field, pattern in METADATA_FIELDS.items()}
# a reference to the paper asked for whole ("how do I cite it", 引用格式): the fields a reference gives
RE_CITE = re.compile(
    r"怎么引用|如何引用|引用格式|参考文献格式|著录|"
    rf"\bhow (?:do|should|would|can) (?:i|we|you|one) cite\b|\bcit(?:e|ing) (?:it|this|{DOC})\b|"
    r"\b(?:full|complete|bibliographic) (?:reference|citation|record)\b|"
    rf"\bcitation (?:for|of) (?:it|this|{DOC})\b|"
    r"\b(?:bibtex|reference manager)\b",
    re.I,
)
CITE_FIELDS = ("authors", "title", "issue", "doi")


def cites(question: str) -> bool:
    """The question asks for a reference to the paper whole ("how do I cite it")."""
    return RE_CITE.search(question) is not None


# "which journal, year and issue": the paper's, unless the question is about a work it cites
RE_WHICH_JOURNAL = re.compile(r"\b(?:which|what) journal\b", re.I)
RE_THIS = re.compile(rf"\bthis\b|{DOC}", re.I)  # the paper itself, not "their article", "Baldwin's"
RE_CITED_WORK = re.compile(
    r"\b(?:cit(?:e|ed|es|ing)|study|studies|references?|by [A-Z]\w+)\b|\b(?:the|which|what|that) works?\b"
)


def metadata_fields(question: str) -> list[str]:
    """The front-matter fields a question asks for (journal, authors, DOI …), in the order listed."""
    asked = [f for f, rx in RE_METADATA.items() if rx.search(question)]
    # "which journal published it, and what's the DOI?": asked with another field of its own, the paper's
    this = (RE_THIS.search(question) or asked) and not RE_CITED_WORK.search(question)
    if RE_WHICH_JOURNAL.search(question) and this and "journal" not in asked:
        asked.insert(0, "journal")
    if RE_CITE.search(question):
        asked = [*CITE_FIELDS, *(f for f in asked if f not in CITE_FIELDS)]  # in a reference's order
    return asked
