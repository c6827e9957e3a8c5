"""Names a question uses that the paper never does.

A question about TSMC, CATL or GDP finds passages about chips, batteries and growth, and quoting
them would answer as if the paper spoke of those. An abbreviation or brand in capitals ("TSMC",
"BYD", "GDP") is a name: `unknown_names` keeps those of a question that the paper does not say in
any form: not in its Latin text, not as an English word the lexicon knows, not as a place the paper
names, and not as a common abbreviation whose Chinese name the paper uses ("EVs": 电动汽车).
"""

from __future__ import annotations

import re

from assistant.lexicon import Lexicon, base_form
from assistant.places import chinese_names, places_named
from assistant.text import english_words

# abbreviations of economics questions → their Chinese names (any one of them, said in the paper,
# makes the abbreviation known)
ABBREVIATIONS = {
    "ev": ("电动汽车", "电动车"), "nev": ("新能源汽车",), "ai": ("人工智能",), "tbt": ("技术性贸易壁垒",),
    "pv": ("光伏",), "covid": ("新冠",), "fdi": ("外商直接投资", "外资"), "nbs": ("国家统计局",),
    "csi": ("沪深",), "miit": ("工业和信息化部", "工信部"), "gac": ("海关总署",), "gvc": ("全球价值链",),
    "sme": ("中小企业",), "gdp": ("国内生产总值",), "mofcom": ("商务部",), "ip": ("知识产权",),
    "cpc": ("中国共产党", "中共", "党中央"), "bri": ("一带一路",), "unctad": ("联合国贸易和发展会议",),
    "usmca": ("美国—墨西哥—加拿大协定",), "cptpp": ("全面与进步跨太平洋伙伴关系协定",), "r&d": ("研发",),
    "ict": ("信息通信",), "it": ("信息技术",), "eu": ("欧盟",), "rmb": ("人民币",), "sez": ("经济特区",),
    "soe": ("国有企业", "国企"), "mnc": ("跨国企业", "跨国公司"), "mne": ("跨国企业", "跨国公司"),
    "fta": ("自由贸易协定", "自贸协定", "贸易协定"), "odi": ("对外直接投资", "对外投资"),
    "ofdi": ("对外直接投资", "对外投资"), "m&a": ("并购",), "un": ("联合国",), "esg": ("环境、社会和治理",),
    "oem": ("代工", "贴牌"), "ipo": ("上市",), "ceo": ("首席执行官",), "hq": ("总部",),
}
# a name in capitals (two or more), perhaps plural: "TSMC", "EVs", "COVID-19"
RE_NAME = re.compile(r"(?<![A-Za-z0-9&])[A-Z][A-Z0-9&]*[A-Z]s?(?![A-Za-z0-9&])")


def known_abbreviations(text: str) -> frozenset[str]:
    """The abbreviations whose Chinese names `text` (the corpus) says."""
    return frozenset(k for k, names in ABBREVIATIONS.items() if any(n in text for n in names))


def unknown_names(question: str, latin: set[str], lexicon: Lexicon, abbreviations: frozenset[str], text: str) -> list[str]:
    """The names in capitals `question` uses that the paper (its Latin words `latin`, its Chinese
    `text`) never says in any form."""
    out = []
    for name in RE_NAME.findall(question):
        key = name.lower()
        key = key[:-1] if name.endswith("s") and name[:-1].isupper() else key
        if key in latin or key in abbreviations or base_form(key, lexicon) in lexicon or not english_words(key):
            continue  # the paper says it, or it is an English word in capitals ("IGNORE ALL")
        if any(n in text for place in places_named(name) for n in chinese_names(place)):
            continue
        if re.search(rf"(?<![A-Za-z]){re.escape(key)}(?![a-z])", text, re.I):  # in any chunk ("DOI:")
            continue
        out.append(name)
    return out
