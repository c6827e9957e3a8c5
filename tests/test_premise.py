import pytest

from assistant.answer import compose
from assistant.premise import Premise, direction, figures, premise_of
from assistant.settings import AnswerSettings, RetrievalSettings
from tests.test_answer import _hit, _retrieval

LEXICON = {"robot": {"机器人": 1.0}, "export": {"出口": 1.0}, "battery": {"电池": 1.0}}


@pytest.mark.parametrize(
    ("question", "premise"),
    [
        ("Since the paper shows that robot exports fell in 2023, what caused the fall?", "robot exports fell in 2023"),
        ("Given that the authors find battery exports doubled, which firms led?", "battery exports doubled"),
        ("The authors argue robots replace all workers, right? Summarize why.", "robots replace all workers"),
        ("The paper says battery exports rose — so who bought them?", "battery exports rose"),
        ("Why do the authors conclude that robots hurt exports?", "robots hurt exports"),
        ("According to the paper, battery exports rose 8.6% in 2023; what drove it?", "battery exports rose 8.6% in 2023"),
        ("The Oxford forecast cited in the paper says robots will triple. Where?", "robots will triple"),
        ("既然文中指出机器人出口下降了，那么原因是什么？", "机器人出口下降了"),
        ("作者认为电池出口会翻倍，这是为什么？", "电池出口会翻倍"),
        ("按文中的说法，电池出口在2023年下降了，那么哪些企业受影响？", "电池出口在2023年下降了"),
        ("作者主张禁止机器人出口，对吧？", "禁止机器人出口"),
        ("论文通过模型证明了电池出口会翻倍，请解释作者的方法。", "电池出口会翻倍"),
        ("为什么作者认为电池出口会翻倍？", "电池出口会翻倍"),
        ("The paper points out that robot exports fell, so why did they fall?", "robot exports fell"),
        ("Why do the authors expect robots to replace workers?", "robots to replace workers"),
        ("Explain the authors' argument that robots hurt exports.", "robots hurt exports"),
        ("I read in this paper that battery exports doubled, right?", "battery exports doubled"),
        ("Since battery exports shrank by 2.8% in 2023, what does the paper blame?", "battery exports shrank by 2.8% in 2023"),
        ("文中称，电池出口在2023年翻倍。作者如何解释？", "电池出口在2023年翻倍"),
        ("文中以某企业把电池工厂迁往越南为例，说明了什么？", "某企业把电池工厂迁往越南"),
        ("如作者所言，电池出口大幅下降，那为什么还要扩产？", "电池出口大幅下降"),
        ("海关数据显示电池出口仍在增长，既然如此，作者为何担心？", "海关数据显示电池出口仍在增长"),
        ("请总结作者关于电池出口会翻倍的论证。", "电池出口会翻倍"),
        ("既然作者把“单极化”定义为分散采购，那么它有哪些措施？", "“单极化”定义为分散采购"),
        ("根据文中引用的某机构报告，电池出口将翻倍，那么谁受益？", "电池出口将翻倍"),
        ("Robots are cited in the paper as the main driver of battery exports. Why?", "Robots is the main driver of battery exports"),
        ("The paper's example of battery exports is robots moving to Vietnam. What else?", "battery exports is robots moving to Vietnam"),
        ("The introduction quotes a minister saying that robot exports doubled. Why?", "a minister saying that robot exports doubled"),
        # a statement with figures before the question: its clauses that give them, without who says it
        ("海关数据显示，2023年电池出口下降了2.8%，形势严峻。作者如何解释？", "2023年电池出口下降了2.8%"),
        ("With tariffs in force since 2022, robot exports reached 1.2 billion yuan in 2024. What share went to ASEAN?",
         "robot exports reached 1.2 billion yuan in 2024"),
        ("The customs figures cited in the paper show battery exports at 4,334 units. Why so many?", "battery exports at 4,334 units"),
        ("2018—2023年机器人出口的比重上升了7.4个百分点，文章怎么解释这种上升？", "2018—2023年机器人出口的比重上升了7.4个百分点"),
        ("Robot exports fell 31.6% in 2023 — what reasons does the paper give?", "Robot exports fell 31.6% in 2023"),
        ("Citing a McKinsey report, the paper projects 20 million robots by 2030. How many in China?",
         "20 million robots by 2030"),
        ("The customs figures in the paper show that robot exports all declined. By how much?", "robot exports all declined"),
        ("A 2022 report is cited as showing that robot exports doubled. Where?", "A 2022 report is robot exports doubled"),
        ("所谓机器人出口，按文中的解释，就是把机器人全部卖到国外。请问去了哪些国家？", "就是把机器人全部卖到国外"),
    ],
)
def test_the_premise_a_question_states_about_the_paper_is_read(question, premise):
    lang = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in question) else "en"
    found = premise_of(question, lang, LEXICON, set())
    assert found is not None and found.text == premise


@pytest.mark.parametrize(
    "question",
    [
        "According to the paper, what share of world manufacturing does China hold?",
        "What does the paper say about robot exports?",
        "How many robots will there be in 2030?",
        "作者认为全球产业链重构的原因有哪些？",
        "文中对电池出口有什么建议？",
        "2023年机器人出口是多少？",
        "Since 2018, how many robots were exported?",
        "As of 2023, what share of exports were batteries?",
        "I am writing about robots in 2023. What does the paper say about them?",  # no figure stated
        "2023年是关键的一年。机器人出口是多少？",
        "2023年机器人出口占比为30.5%，比2021年下降了多少？",  # a figure given to ask about, no claim
    ],
)
def test_a_question_that_states_nothing_about_the_paper_has_no_premise(question):
    lang = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in question) else "en"
    assert premise_of(question, lang, LEXICON, set()) is None


def test_figures_are_read_as_a_chinese_text_writes_them():
    assert figures("20 million robots") == [{"20", "2000"}]  # 2000万
    assert figures("4,334 barriers and 19.47 trillion yuan") == [{"4334"}, {"19.47"}]
    assert figures("two of the top ten") == [{"2", "两", "二"}, {"10", "十"}]


def test_a_premise_naming_its_source_is_held_only_where_that_source_is_named():
    p = premise_of("The Oxford Economics data cited in the paper show robots reached 3,000 units. Why?", "en",
                   LEXICON, set())
    assert p.bodies == {"牛津经济研究院"}
    assert not p.held_in("机器人达到3000台(IMF, 2023)。", 0.5)
    assert p.held_in("据牛津经济研究院的报告，机器人达到3000台。", 0.5)
    stated = premise_of("据海关总署统计，电池出口下降了2.8%。作者如何解释？", "zh", LEXICON, set())
    assert stated.bodies == {"海关总署"} and not stated.held_in("据国家统计局数据，电池出口下降了2.8%。", 0.5)


def test_a_premise_citing_a_work_is_held_only_where_that_work_is_cited():
    lexicon = {**LEXICON, "jiang xiaojuan": {"江小涓": 1.0}}
    p = premise_of("Jiang Xiaojuan (2021) argues that robot exports fell. Why?", "en", lexicon, set())
    assert p.cited == [({"jiang xiaojuan", "江小涓"}, "2021")]
    assert not p.held_in("机器人出口下降(朱锋, 2021)。", 0.5) and not p.held_in("机器人出口下降(江小涓等，2023)。", 0.5)
    assert p.held_in("机器人出口下降(江小涓等，2021)。", 0.5)
    zh = premise_of("按照朱锋(2023)的说法，机器人出口下降了，对吧？", "zh", LEXICON, set())
    assert zh.text == "机器人出口下降了" and not zh.held_in("机器人出口下降(江小涓等，2023)。", 0.5)
    assert zh.held_in("机器人出口下降(朱锋, 2023)。", 0.5)


def test_shares_in_words_are_figures_too():
    assert figures("robots are about half of exports") == [{"一半", "半数", "二分之一", "1/2", "50%", "腰斩"}]
    assert figures("robots in the first half of 2024") == [{"2024"}]
    p = premise_of("The paper says robots make up a third of exports, right?", "en", LEXICON, set())
    assert p.held_in("机器人约占出口的1/3。", 0.5) and not p.held_in("机器人约占出口的一半。", 0.5)


def test_a_premise_is_held_only_where_its_figures_stand_on_their_own():
    p = Premise("robots reached 20 million", [{"机器人"}], figures("robots reached 20 million"))
    assert p.held_in("预计全球机器人将达到2000万台。", 0.5)
    assert not p.held_in("预计全球机器人将达到20000万台。", 0.5)
    assert not p.held_in("预计全球汽车将达到2000万台。", 0.5)  # no word of it


def test_a_figure_that_moved_the_other_way_does_not_hold_the_premise():
    text = "robot exports fell by 8.6% in 2023"
    p = Premise(text, [{"机器人"}, {"出口"}], figures(text), direction(text))
    assert p.moves == "down"
    assert not p.held_in("2023年，机器人出口比上年增长8.6%。", 0.5)
    assert p.held_in("2023年，机器人出口比上年下降8.6%。", 0.5)
    # another figure of the sentence moving the other way is no matter
    assert p.held_in("2023年，机器人出口下降8.6%，进口增长3%。", 0.5)


def test_a_premise_without_figures_is_not_held_by_a_sentence_going_the_other_way():
    p = premise_of("The authors argue China should limit robot exports, right?", "en", LEXICON, set())
    assert p.moves == "down"
    assert not p.held_in("应当鼓励机器人出口。", 0.5)
    assert p.held_in("应当限制机器人出口。", 0.5)
    assert p.held_in("机器人出口面临诸多挑战。", 0.5)  # no way at all
    # the clause that names the premise goes the other way, though the sentence as a whole goes both
    cut = premise_of("作者建议减少机器人储备，对吧？", "zh", {}, set())
    assert not cut.held_in("合理利用资金，增加机器人储备，既可降低风险，又能保值。", 0.5)
    # a title's words are no way: 《鼓励…目录》 does not make "限制" go both ways
    title = premise_of("作者主张执行《鼓励机器人出口目录》时限制机器人出口，对吧？", "zh", {}, set())
    assert title.moves == "down"

def test_an_absolute_premise_needs_a_sentence_as_absolute():
    p = premise_of("The authors argue China should fully ban robot exports, right?", "en", LEXICON, set())
    assert p.absolute
    assert not p.held_in("应当限制部分机器人出口。", 0.5)
    assert p.held_in("应当完全禁止机器人出口。", 0.5)
    assert premise_of("作者认为机器人出口没有任何好处，对吧？", "zh", LEXICON, set()).absolute
    assert not premise_of("The paper says firms left the 'all-in China' model, right?", "en", LEXICON, set()).absolute
    assert premise_of("The paper defines robot exports as selling as many robots as possible, right?", "en",
                      LEXICON, set()).absolute
    hedged = premise_of("作者认为应当限制机器人出口，对吧？", "zh", LEXICON, set())
    assert not hedged.absolute and hedged.held_in("应当限制部分机器人出口。", 0.5)


def test_a_verdict_is_held_only_by_a_sentence_giving_the_same_verdict():
    good = premise_of("Since the paper concludes robot exports are on balance good for China, why?", "en", LEXICON, set())
    assert good.verdict == "good"
    assert not good.held_in("机器人出口对我国的综合影响将呈现出弊大于利的局面。", 0.5)
    assert not good.held_in("机器人出口对我国既有积极影响，也有消极影响。", 0.5)  # no verdict
    assert good.held_in("机器人出口对我国的综合影响利大于弊。", 0.5)
    assert premise_of("作者认为机器人出口的影响弊大于利，对吧？", "zh", LEXICON, set()).verdict == "bad"

def test_every_place_of_a_premise_must_be_named_but_china_may_go_unsaid():
    eu = premise_of("The paper says the EU raised tariffs on robot exports, right?", "en", LEXICON, set())
    assert eu.places == {"欧盟"}
    assert not eu.held_in("美国提高了机器人出口关税。", 0.5)
    assert eu.held_in("欧盟提高了机器人出口关税。", 0.5)
    china = premise_of("The paper says China's robot exports rose, right?", "en", LEXICON, set())
    assert china.held_in("机器人出口持续增长。", 0.5)  # the paper's own country, unsaid
    assert not china.held_in("越南机器人出口持续增长。", 0.5)  # another country's
    assert china.held_in("我国机器人出口持续增长。", 0.5)


def _answer(question: str, text: str, share: float = 0.5):
    r = _retrieval(question, [_hit("s1", text, dense=0.8)], terms={"机器人": 1.0, "出口": 1.0})
    r.premise = premise_of(question, r.lang, LEXICON, set())
    return compose(r, AnswerSettings(), RetrievalSettings(min_premise_coverage=share))


def test_an_answer_abstains_and_says_why_when_no_passage_holds_the_premise():
    passage = "2023年，机器人出口比上年增长8.6%，主要来自东南亚的需求。"
    wrong = _answer("既然文中指出2023年机器人出口下降了8.6%，那么原因是什么？", passage)
    assert wrong.abstained and "机器人出口下降了8.6%" in wrong.notice
    right = _answer("既然文中指出2023年机器人出口增长了8.6%，那么原因是什么？", passage)
    assert not right.abstained and right.notice is None
    off = _answer("既然文中指出2023年机器人出口下降了8.6%，那么原因是什么？", passage, share=0)
    assert not off.abstained  # 0 turns the check off
