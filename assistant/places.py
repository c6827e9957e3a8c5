"""The places a text names, in either language: the world, China, and the countries and regions an
economics text compares China with.

An amount given for one place does not answer a question about another: the world's 2019 robot
count is no answer to "how many robots did China have in 2019". `places_named` reads both a question
("India's", "美国会有") and a passage ("全球工业机器人…", "我国…") into the same keys, so the two
can be compared. A place is a key here only if its name cannot be mistaken for a common word.
"""

from __future__ import annotations

import re

# key → (English names, matched with their capitals; Chinese names)
NAMES = {
    "中国": (r"China|Chinese|PRC", "中国|我国|中方"),
    # not the name of a body: the World Bank, 世界贸易组织
    "全球": (r"(?i:world(?! bank| trade)|worldwide|global|globally)", "全球|世界(?!银行|贸易组织)"),
    "美国": (r"US|U\.S\.?|USA|United States|(?<!Latin )(?<!North )(?<!South )Americans?", "美国"),
    "北美": (r"North America|North American", "北美"),
    "拉美": (r"Latin America|Latin American", "拉丁美洲|拉美"),
    "印度": (r"India|Indian", "印度(?!尼西亚)"),
    "越南": (r"Vietnam|Vietnamese|Viet Nam", "越南"),
    "东南亚": (r"South-?[Ee]ast Asia|South-?[Ee]ast Asian", "东南亚"),
    "东盟": (r"ASEAN", "东盟"),
    "欧盟": (r"EU|European Union", "欧盟"),
    "日本": (r"Japan|Japanese", "日本"),
    "韩国": (r"Korea|Korean", "韩国"),
    "墨西哥": (r"Mexico|Mexican", "墨西哥"),
    "德国": (r"Germany|German", "德国"),
    "英国": (r"UK|Britain|British|United Kingdom", "英国"),
    "加拿大": (r"Canada|Canadian", "加拿大"),
    "俄罗斯": (r"Russia|Russian", "俄罗斯"),
    "非洲": (r"Africa|African", "非洲"),
    "欧洲": (r"Europe|European(?! Union)", "欧洲"),
    "法国": (r"France|French", "法国"),
    "意大利": (r"Italy|Italian", "意大利"),
    "荷兰": (r"Netherlands|Dutch", "荷兰"),
    "土耳其": (r"Turkey|Turkish|Türkiye", "土耳其"),
    "巴西": (r"Brazil|Brazilian", "巴西"),
    "智利": (r"Chile|Chilean", "智利"),
    "澳大利亚": (r"Australia|Australian", "澳大利亚|澳洲"),
    "印度尼西亚": (r"Indonesia|Indonesian", "印度尼西亚|印尼"),
    "泰国": (r"Thailand|Thai", "泰国"),
    "马来西亚": (r"Malaysia|Malaysian", "马来西亚"),
    "新加坡": (r"Singapore|Singaporean", "新加坡"),
    "菲律宾": (r"Philippines|Philippine|Filipino", "菲律宾"),
    "柬埔寨": (r"Cambodia|Cambodian", "柬埔寨"),
    "孟加拉国": (r"Bangladesh|Bangladeshi", "孟加拉"),
    "哈萨克斯坦": (r"Kazakhstan|Kazakh", "哈萨克斯坦"),
    "吉尔吉斯斯坦": (r"Kyrgyzstan|Kyrgyz", "吉尔吉斯"),
}


def patterns_of(names: dict[str, tuple[str, str]]) -> dict[str, re.Pattern]:
    """One pattern per key of a table of names in both languages: the English names as words, or the
    Chinese ones anywhere (also used for `assistant.bodies`)."""
    return {key: re.compile(rf"\b(?:{en})\b|{zh}") for key, (en, zh) in names.items()}


def keys_named(patterns: dict[str, re.Pattern], text: str) -> frozenset[str]:
    """The keys whose pattern `text` holds."""
    return frozenset(key for key, pattern in patterns.items() if pattern.search(text))


PATTERNS = patterns_of(NAMES)


def places_named(text: str) -> frozenset[str]:
    """The keys of the places `text` names ("China's robots in the world" → 中国, 全球)."""
    return keys_named(PATTERNS, text)


WORLD = "全球"


def chinese_names(key: str) -> set[str]:
    """The Chinese names of place `key` as plain strings ("中国" → 中国, 我国, 中方)."""
    return set(re.sub(r"\(\?!.*?\)", "|", NAMES[key][1]).split("|")) - {""}


def only_other_places(asked: frozenset[str], named: frozenset[str]) -> bool:
    """`named` (a passage's places) holds none of `asked` (a question's). When a country or region is
    asked, the world is only where it stands: a figure for China's share of the world does not
    answer a question about Vietnam's, nor does the world's own figure."""
    if not asked or not named:
        return False
    countries = asked - {WORLD}
    return not (countries or asked) & named
