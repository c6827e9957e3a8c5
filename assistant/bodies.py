"""The bodies whose data and reports an economics text cites, in either language.

"The Oxford Economics report cited in the paper counts 3,000 trade restrictions" states where a
figure comes from, and the paper gives that figure from the IMF: a premise naming a source is held
only where the passage names the same one (see assistant.premise). `bodies_named` reads a question
("the World Bank", "据海关总署统计") and a passage ("(IMF, 2023)") into the same keys.
"""

from __future__ import annotations

from assistant.places import keys_named, patterns_of

# key → (English names, matched as written; Chinese names)
NAMES = {
    "IMF": (r"IMF|International Monetary Fund", "IMF|国际货币基金组织"),
    "WTO": (r"WTO|World Trade Organi[sz]ation", "WTO|世界贸易组织"),
    "世界银行": (r"World Bank", "世界银行"),
    "牛津经济研究院": (r"Oxford Economics", "牛津经济研究院|Oxford Economics"),
    "UNCTAD": (r"UNCTAD|UN Conference on Trade and Development", "UNCTAD|联合国贸易和发展会议|联合国贸发会议"),
    "OECD": (r"OECD", "OECD|经济合作与发展组织|经合组织"),
    "国家统计局": (r"NBS|National Bureau of Statistics|[Ss]tatistics [Bb]ureau", "国家统计局|统计局"),
    "海关总署": (r"GAC|General Administration of Customs|[Cc]ustoms", "海关总署|海关"),
    "工业和信息化部": (r"MIIT|Ministry of Industry and Information Technology", "工业和信息化部|工信部"),
    "商务部": (r"MOFCOM|Ministry of Commerce", "商务部"),
    "万得": (r"Wind\b(?! power| energy)", "万得|Wind"),
    "美国人口普查局": (r"Census Bureau|US Census", "美国人口普查局|人口普查局|Census Bureau"),
    # bodies a reader may wrongly credit a figure to
    "麦肯锡": (r"McKinsey", "麦肯锡|McKinsey"),
    "波士顿咨询": (r"Boston Consulting Group|BCG", "波士顿咨询|BCG"),
    "高盛": (r"Goldman Sachs", "高盛|Goldman Sachs"),
    "摩根士丹利": (r"Morgan Stanley", "摩根士丹利|Morgan Stanley"),
    "汇丰": (r"HSBC", "汇丰|HSBC"),
    "世界经济论坛": (r"World Economic Forum|WEF", "世界经济论坛|WEF"),
    "亚洲开发银行": (r"Asian Development Bank|ADB", "亚洲开发银行|亚行"),
    "彭博": (r"Bloomberg", "彭博|Bloomberg"),
}
PATTERNS = patterns_of(NAMES)


def bodies_named(text: str) -> frozenset[str]:
    """The keys of the bodies `text` names ("the World Bank's data" → 世界银行)."""
    return keys_named(PATTERNS, text)
