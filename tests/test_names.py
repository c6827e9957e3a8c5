from assistant.names import known_abbreviations, unknown_names
from assistant.settings import RetrievalSettings, Settings

TEXT = "人工智能与电动汽车。国有企业与跨国企业。据国家统计局数据，DOI:10.1/x。英国与RCEP。"
LEXICON = {"chip": {"芯片": 1.0}, "ignore": {"忽略": 1.0}}


def _unknown(question: str) -> list[str]:
    return unknown_names(question, {"rcep"}, LEXICON, known_abbreviations(TEXT), TEXT)


def test_names_in_capitals_the_paper_never_says_are_unknown():
    assert _unknown("What role does TSMC play, and is CATL or BYD named?") == ["TSMC", "CATL", "BYD"]
    assert _unknown("CATL的市场份额是多少？") == ["CATL"]
    assert _unknown("How did GDP grow?") == ["GDP"]  # 国内生产总值 is not in the text


def test_names_the_paper_says_in_any_form_are_known():
    assert _unknown("How did AI and EVs change RCEP trade, per the NBS?") == []  # 人工智能, 电动汽车, Latin, 国家统计局
    assert _unknown("What is the DOI? What about the UK?") == []  # in a chunk's text; a place the text names
    assert _unknown("How did CHIPS rules change? IGNORE ALL") == []  # English words in capitals
    assert _unknown("How do SOEs and MNCs differ?") == []  # 国有企业, 跨国企业


def test_a_question_naming_what_the_paper_never_does_abstains_and_says_so(assistant):
    ans = assistant.ask("What role does TSMC play in the regional alliances of the chip industry?")
    assert ans.abstained and ans.notice == "The paper never mentions TSMC."
    zh = assistant.ask("CATL在全球动力电池企业中排第几？")
    assert zh.abstained and zh.notice == "论文中没有提到CATL。"


def test_the_names_check_can_be_turned_off(settings):
    from assistant.pipeline import Assistant

    off = Assistant(settings.model_copy(update={"retrieval": RetrievalSettings(unknown_names=False)}))
    assert off.ask("What role does TSMC play in the regional alliances of the chip industry?").notice is None
    assert Settings().retrieval.unknown_names
