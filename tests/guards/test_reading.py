"""Reading a question and a sentence: premises, amounts, names, which way a statement goes.

The sentences here are made up (a county's irrigation, a city's heat network), not the paper's:
the readers are language-level and must work on any text."""

import pytest

from assistant.corpus.entities import named_in, names
from assistant.guards.reading import polarity
from assistant.guards.reading.frames import stated_premise
from assistant.guards.reading.premise import premise_of
from assistant.guards.reading.quantity import quantity_of
from assistant.text import language_of


@pytest.mark.parametrize(
    ("question", "lang", "premise"),
    [
        (
            "Since the report shows that heat prices fell by 12%, why did arrears rise?",
            "en",
            "heat prices fell by 12%",
        ),
        (
            "Why does the report say the council borrowed from banks rather than issuing bonds?",
            "en",
            "the council borrowed from banks rather than issuing bonds",
        ),
        (  # where it is said, before who says it
            "In the pricing section the report mentions tariffs doubling in 2019 — what did that cause?",
            "en",
            "tariffs doubling in 2019",
        ),
        ("既然文中说管护主体是企业，那么经费从哪来？", "zh", "管护主体是企业"),
        ("作者认为水价改革失败了，对吧？", "zh", "水价改革失败了"),
        ("How many households were connected in 2023?", "en", None),
        ("2023年全县新增了多少亩滴灌？", "zh", None),
    ],
)
def test_a_stated_premise_is_read(question, lang, premise):
    found = stated_premise(question, lang)
    assert (found and found[0]) == premise


@pytest.mark.parametrize(
    ("question", "sentence", "lang", "held", "why"),
    [
        (
            "既然文中说管护主体是企业，为什么还缺钱？",
            "该县田间设施的管护主体是村集体而非企业。",
            "zh",
            False,
            "contrast",
        ),
        (
            "既然文中说管护主体是村集体，为什么还缺钱？",
            "该县田间设施的管护主体是村集体而非企业。",
            "zh",
            True,
            "",
        ),
        (
            "Since the report says households chose heat pumps rather than district heating, why?",
            "Most households chose district heating rather than heat pumps.",
            "en",
            False,
            "contrast",
        ),
        (
            "Why does the report say arrears rose in 2022?",
            "Arrears fell sharply in 2022.",
            "en",
            False,
            "direction",
        ),
        ("Why does the report say arrears fell in 2022?", "Arrears fell sharply in 2022.", "en", True, ""),
        (
            "Since the fund covered maintenance costs, why did it fail?",
            "The fund did not cover maintenance costs.",
            "en",
            False,
            "negation",
        ),
        (
            "Since the report says 41% of plots were metered, what next?",
            "By 2024, 59% of plots were metered.",
            "en",
            False,
            "figures",
        ),
        (
            "Since the report says the Okafor study found X, why?",
            "Tariffs matter more than technology (Lindqvist, 2019).",
            "en",
            False,
            "words",
        ),
    ],
)
def test_a_sentence_holds_or_contradicts_a_premise(question, sentence, lang, held, why):
    p = premise_of(question, lang)
    assert p is not None
    holding = p.test(sentence, 0.5)
    assert holding.held == held and holding.why == why
    if why in ("contrast", "direction", "negation", "figures"):
        assert holding.contradicts


@pytest.mark.parametrize(
    ("question", "sentence", "lang", "given"),
    [
        (
            "How many households were connected by 2024?",
            "By 2024 the network served 38,500 households.",
            "en",
            True,
        ),
        (
            "How many households were connected by 2024?",
            "By 2024 the network's length reached 211 km.",
            "en",
            False,
        ),
        (
            "What share of heat came from gas in 2023?",
            "In 2023, 61% of the heat came from gas boilers.",
            "en",
            True,
        ),
        (
            "What share of heat came from gas in 2023?",
            "In 2023 the gas boilers ran for 3,100 hours.",
            "en",
            False,
        ),
        (  # the scale and currency asked in are not the thing counted
            "How many billions of dollars in subsidies did the heat plan provide?",
            "The utility spent 2.1 billion dollars on new pipes.",
            "en",
            False,
        ),
        (  # an amount of money is given in a currency, not as a bare count
            "How many dollars in grants did the council give to households?",
            "The council gave grants to 1,200 households.",
            "en",
            False,
        ),
        ("2024年全县有多少个用水户协会？", "到2024年，全县共组建用水户协会83个。", "zh", True),
        # trade is imports and exports, said either way
        ("2022年全县同邻省的贸易额有多大？", "2022年，全县与邻省的进出口总额达到3.4亿元。", "zh", True),
        ("2022年全县同邻省的贸易额有多大？", "2022年，全县与邻省的出口额达到3.4亿元。", "zh", False),
        ("2024年全县有多少个用水户协会？", "到2024年，全县用水户协会覆盖了62%的项目区。", "zh", False),
        (
            "2023年全县共有多少家农资企业？",
            "2023年全县农资企业数量较2018年减少了12家。",
            "zh",
            False,
        ),  # a change, not a level
    ],
)
def test_an_amount_needs_a_figure_for_the_thing_asked(question, sentence, lang, given):
    q = quantity_of(question, lang)
    assert q is not None
    assert q.given_in(sentence, 0.5) == given


def test_a_time_word_names_nothing_so_the_conversation_names_the_thing():
    q = quantity_of("后来降到多少了？ 全县灌溉用水总量最高是多少？", "zh", frozenset())
    assert q is not None and "用水" in q.phrase


def test_the_thing_counted_before_a_list_of_years():
    q = quantity_of("全县的灌溉用水量，2019年、2021年和2023年分别是多少？", "zh", frozenset())
    assert q is not None and "灌溉" in q.phrase and "灌溉" in q.words


def test_names_in_either_language():
    assert {"IMF", "Oxford Economics", "Mexico"} <= names(
        "Since the IMF and Oxford Economics say Mexico gained", "en"
    )
    assert "墨西哥" in names("墨西哥和越南的份额上升", "zh")
    assert named_in("US", "the share of the United States", "en")  # initials
    assert named_in("Chinese", "China's firms", "en")  # one stem
    assert not named_in("Mexico", "Vietnam and India", "en")


def test_which_way_a_statement_goes():
    assert polarity.direction("exports fell by 3%") == "down" and polarity.direction("出口增长了3%") == "up"
    assert polarity.direction("rose, then fell") is None
    assert (
        polarity.negated("并未覆盖")
        and polarity.negated("did not cover")
        and not polarity.negated("不断提高")
    )
    assert polarity.contrasts("是村集体而非企业")[0][:2] == ("是村集体", "企业")
    assert polarity.contrasts("not subsidies but tariffs")[0][:2] == ("tariffs", "subsidies")
    assert polarity.absolute("all plots") and not polarity.absolute("most plots")


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("the positive effects of the reform outweigh the negative ones", "good"),
        ("the negative impacts for farmers outweigh the positive", "bad"),
        ("改革的积极影响大于消极影响", "good"),
        ("总体上弊大于利", "bad"),
        ("it has both positive and negative effects", None),
        ("the impacts are more positive than negative", "good"),
        ("the costs for households exceed the benefits", "bad"),
        ("the positives outweigh the negatives for the region", "good"),
        ("the drawbacks outweigh the gains", "bad"),
    ],
)
def test_which_side_a_verdict_takes(text, side):
    assert polarity.verdict(text) == side


@pytest.mark.parametrize(
    ("question", "lang", "given"),
    [
        ("Why did heat prices fall in 2022?", "en", "heat prices fall in 2022"),
        ("为什么灌溉面积下降了？", "zh", "灌溉面积下降了"),
        ("灌溉面积为什么下降了？", "zh", "灌溉面积下降了"),
        ("Why?", "en", None),
        ("What did the council decide?", "en", None),
    ],
)
def test_a_why_question_takes_its_clause_as_given(question, lang, given):
    p = premise_of(question, lang)
    assert (p and p.text) == given
    assert p is None or p.presupposed


@pytest.mark.parametrize(
    ("question", "lang", "given"),
    [  # a clause setting the scene, and a thing taken to be mentioned as the question names it
        (
            "When Northgate moved its depots to Leeds, how many jobs followed?",
            "en",
            "Northgate moved its depots to Leeds",
        ),
        (
            "How does Sylvania's River Fund (SRF), mentioned in the report, pay for filters?",
            "en",
            "Sylvania's River Fund (SRF)",
        ),
        ("报告说新水厂在2020年投产，此后水价有何变化？", "zh", "新水厂在2020年投产"),
    ],
)
def test_a_premise_set_before_the_question_is_read(question, lang, given):
    p = premise_of(question, lang)
    assert p is not None and p.text == given


@pytest.mark.parametrize(
    ("question", "sentence", "contradicts"),
    [  # a possessor apart from what it owns; a name glossed by an acronym is named by the acronym
        (
            "How does Sylvania's River Fund (SRF), mentioned in the report, pay for filters?",
            "Freedonia launched the Fund for Rivers (SRF), and Sylvania set up a flood plan.",
            True,
        ),
        (
            "How does Freedonia's River Fund (SRF), mentioned in the report, pay for filters?",
            "The Freedonian government launched the Fund for Rivers (SRF) to pay for filters.",
            False,
        ),
    ],
)
def test_who_owns_a_glossed_thing(question, sentence, contradicts):
    assert premise_of(question, "en").test(sentence, 0.3).contradicts == contradicts


def test_another_year_where_the_text_says_when_is_a_wrong_figure():
    p = premise_of("报告说新水厂在2020年投产，此后水价有何变化？", "zh")
    assert p.test("以2022年投产的新水厂为例，供水能力明显提升。", 0.5).why == "figures"
    assert not p.test("2021年全县用水量增加了3%。", 0.5).related  # about something else


@pytest.mark.parametrize(
    ("question", "sentence", "lang", "contradicts"),
    [
        ("Why did heat prices fall in 2022?", "Heat prices rose by 12% in 2022.", "en", True),
        ("Why did heat prices fall in 2022?", "Heat prices fell by 12% in 2022.", "en", False),
        ("为什么2022年灌溉面积下降了？", "2022年全县灌溉面积增加了3万亩。", "zh", True),
    ],
)
def test_a_why_question_is_corrected_when_the_text_goes_the_other_way(question, sentence, lang, contradicts):
    holding = premise_of(question, lang).test(sentence, 0.5)
    assert holding.contradicts == contradicts


@pytest.mark.parametrize(
    ("question", "sentence", "lang"),
    [
        (
            "Since the report says connected households fell by 12% in 2023, why did that happen?",
            "Connected households reached 4,200 in 2023, an increase of 12% on the year before.",
            "en",
        ),
        (
            "报告说2023年灌溉面积比2020年减少了15%，原因是什么？",
            "2023年灌溉面积达到3.2万亩，相比2020年增长了15%。",
            "zh",
        ),
    ],
)
def test_the_clause_giving_the_premises_figure_says_which_way_it_went(question, sentence, lang):
    holding = premise_of(question, lang).test(sentence, 0.5)
    assert holding.contradicts and holding.why == "direction"


@pytest.mark.parametrize(
    ("question", "sentence", "lang", "contradicts"),
    [  # no figure in the premise: the clause right after the one naming it says which way it went
        (
            "Why does the report say pipe leaks fell between 2015 and 2023?",
            "In 2023, the utility recorded 310 pipe leaks, an increase of 40% compared to 2015.",
            "en",
            True,
        ),
        (
            "Why does the report say pipe leaks rose between 2015 and 2023?",
            "In 2023, the utility recorded 310 pipe leaks, an increase of 40% compared to 2015.",
            "en",
            False,
        ),
        (  # a clause saying only a year is read with the one after it
            "为什么报告说2023年全县节水灌溉面积减少了？",
            "例如，2023年，全县节水灌溉面积达到3.2万亩，增长8.5%，占耕地的四成。",
            "zh",
            True,
        ),
        (  # the clause after says something else, not which way the premise's thing went
            "Why does the report say pipe leaks fell in 2023?",
            "In 2023, the utility recorded 310 pipe leaks, while the council raised heat prices sharply.",
            "en",
            False,
        ),
    ],
)
def test_the_clause_after_the_premises_own_says_which_way_it_went(question, sentence, lang, contradicts):
    holding = premise_of(question, lang).test(sentence, 0.5)
    assert holding.contradicts == contradicts


@pytest.mark.parametrize(
    ("question", "sentence", "contradicts"),
    [
        (
            "Why did Northgate and Kelso move their depots to Leeds?",
            "Northgate and Kelso moved their depots to York.",
            True,
        ),
        (
            "Why did Northgate and Kelso move their depots to York?",
            "Northgate and Kelso moved their depots to York.",
            False,
        ),
        (  # the other name is in another sentence of the unit, about something else
            "Why did Northgate increase its R&D spending in the county?",
            "Suppliers moved their lines to Leeds. Northgate has increased its research and development "
            "spending in the county.",
            False,
        ),
    ],
)
def test_a_premise_naming_another_place_is_corrected(question, sentence, contradicts):
    holding = premise_of(question, "en").test(sentence, 0.5)
    assert holding.contradicts == contradicts
    assert not contradicts or holding.why == "names"


@pytest.mark.parametrize(
    ("question", "sentence", "lang", "home", "contradicts"),
    [  # the text names the premise's actor too, but as the one acted upon
        (
            "Why did Freedonia pass the Clean Rivers Act?",
            "For example, Sylvania, through the Clean Rivers Act, limited the fishing rights of Freedonia.",
            "en",
            frozenset(),
            True,
        ),
        (
            "Why did Sylvania pass the Clean Rivers Act?",
            "For example, Sylvania, through the Clean Rivers Act, limited the fishing rights of Freedonia.",
            "en",
            frozenset(),
            False,
        ),
        (  # the home name the text may leave unsaid is still not the actor it names
            "为什么中国通过了《清洁河流法案》？",
            "如美国通过《清洁河流法案》限制对中国的设备出口。",
            "zh",
            frozenset({"中国"}),
            True,
        ),
        (  # the owner of a thing: another country's firm, not the one the question says
            "文中以美国政府2019年收购一家德国企业的北湾港口项目为例，这家德国企业是谁？",
            "例如，美国政府在2019年收购了法国海洋集团的北湾港口项目。",
            "zh",
            frozenset(),
            True,
        ),
        (
            "文中以美国政府2019年收购一家法国企业的北湾港口项目为例，这家法国企业是谁？",
            "例如，美国政府在2019年收购了法国海洋集团的北湾港口项目。",
            "zh",
            frozenset(),
            False,
        ),
        (  # a name glossed by another in brackets acts on nothing
            "Given that Sylvania launched the Clean Rivers Fund (CRF), what did it pay for?",
            "Sylvania launched the River Cleaning Fund (CRF) to pay for filters.",
            "en",
            frozenset(),
            False,
        ),
    ],
)
def test_a_premise_giving_a_thing_another_actor_is_corrected(question, sentence, lang, home, contradicts):
    holding = premise_of(question, lang).test(sentence, 0.3, home)
    assert holding.contradicts == contradicts
    assert not contradicts or holding.why == "names"


def test_a_yes_or_no_question_about_what_the_text_holds_is_read_as_its_premise():
    p = premise_of("报告的结论是这项改革对农户利大于弊吗？", "zh")
    assert p is not None and p.verdict == "good" and p.presupposed  # asked, so left open if unsaid
    assert p.test("总体而言，这项改革对农户弊大于利。", 0.5).why == "verdict"
    q = premise_of("Does the report conclude that the benefits of the heat network outweigh its costs?", "en")
    assert q is not None and q.verdict == "good"
    assert q.test("On balance, the network's costs outweigh its benefits for households.", 0.5).contradicts
    assert q.test("On balance, the heat network was good for households.", 0.5).held


def test_a_share_in_tenths_is_a_percentage():
    holding = premise_of("既然文中说村集体只承担了五成左右的管护经费，为什么还说负担重？", "zh").test(
        "村集体承担了约九成的管护经费。", 0.5
    )
    assert holding.contradicts and holding.why == "figures"


def test_a_sentence_weighing_nothing_neither_holds_nor_contradicts_a_verdict():
    p = premise_of("作者为什么认为这项改革对农户总体上利大于弊？", "zh")
    assert p.verdict == "good"
    neutral = p.test("这项改革对农户既有积极影响，也有消极影响。", 0.5)
    assert not neutral.held and not neutral.contradicts
    other = p.test("总体而言，这项改革对农户弊大于利。", 0.5)
    assert other.contradicts and other.why == "verdict"


@pytest.mark.parametrize(
    ("question", "lang", "premise"),
    [  # put to be confirmed, or set before the question with a dash: taken as given, not claimed
        ("Heat prices went down after 2020, right? Why?", "en", "Heat prices went down after 2020"),
        (
            "Northgate moved its depot to Leeds — how many jobs followed?",
            "en",
            "Northgate moved its depot to Leeds",
        ),
        ("灌溉面积这几年是在增长的吧？增加了多少？", "zh", "灌溉面积这几年是在增长的"),
        ("Does the report present the levy as a purely local tax?", "en", "the levy a purely local tax"),
        ("文中举了北岭村把水渠交给企业管护的例子，这说明什么？", "zh", "北岭村把水渠交给企业管护"),
        ("What are the three measures, right?", "en", None),
        ("Household heat bills — what share of income did they take?", "en", None),  # a topic, no claim
        # a statement of its own before the question, or what came after it ("此后")
        ("Heat prices fell. Does the report explain it — and what did it cost?", "en", "Heat prices fell"),
        ("The levy was dropped in 2019. How did bills change?", "en", "The levy was dropped in 2019"),
        ("新泵站在2019年投运，此后用水量有何变化？", "zh", "新泵站在2019年投运"),
        ("节水灌溉。这是什么意思？", "zh", None),  # a topic, no claim
        ("I can't read the original report. Could you summarise it?", "en", None),  # about the asker
        ("我看不懂英文原文。能概括一下吗？", "zh", None),
        ("I can't read the original — could you summarise it?", "en", None),
    ],
)
def test_a_statement_put_to_be_confirmed_is_a_premise_taken_as_given(question, lang, premise):
    p = premise_of(question, lang)
    assert (p and p.text) == premise
    assert p is None or p.presupposed  # a text saying neither leaves it open


def test_a_premise_with_more_clauses_after_since_keeps_them():
    p = premise_of("既然全县节水灌溉面积一路增长，2023年已经超过3.5万亩，那为什么还说推广难？", "zh")
    assert p.years == ["2023"] and [f.text for f in p.figures] == ["3.5万"]


def test_english_words_of_one_family_and_spelling_meet():
    p = premise_of("Why does the report say employment in the regional textile industry grew?", "en")
    assert (
        p.share("Employees of textile firms in the region grew by a third, as the industries moved.") == 1.0
    )
    assert p.share("Labor in textiles: the regional labour market.") < 0.5


def test_a_table_rows_cells_are_clauses_of_their_own():
    p = premise_of("Why does the report say the new pumps increased dependence on diesel?", "en")
    row = "Table 2 | Item: Pumps | Before: Diesel was cheap. | After: the pumps reduced dependence on diesel."
    assert p.test(row, 0.5).why == "direction"


def test_a_change_from_a_point_goes_its_way_when_a_later_clause_does():
    sentence = (
        "Household arrears on heat bills rose from 2% in 2015 to 6.5% in 2021, but as tariffs were cut, "
        "this ratio has fallen."
    )
    slipping = "Household arrears on heat bills have begun to slip from the 6.5% they reached in 2021, right?"
    assert premise_of(slipping, "en").test(sentence, 0.5).held
    assert (
        premise_of("Why have household arrears on heat bills started to fall?", "en").test(sentence, 0.5).held
    )
    assert (
        premise_of("Why have household arrears on heat bills started to rise?", "en")
        .test("Household arrears on heat bills fell from 6.5% in 2021 to 2% in 2023.", 0.5)
        .contradicts
    )


def test_what_moves_may_come_before_the_verb_and_a_possessive_is_no_quote():
    p = premise_of("Since the report says households' share of heat costs dropped in 2023, why worry?", "en")
    assert {"household", "share", "heat", "cost"} <= set(p.words) and "share" in p.moved
    sentence = (
        "In 2023, households paid 41 million euros for heat, an increase of 3% on the year before, "
        "the share of heat costs borne by households was 38%, up by 2 percentage points."
    )
    assert p.test(sentence, 0.5).contradicts


def test_a_multiple_is_a_rise():
    assert polarity.direction("nearly 3,000 measures, five times the level of 2015") == "up"
    assert polarity.direction("是2015年的5倍") == "up"


def test_a_question_about_a_name_the_text_uses_is_not_refused_as_far_from_every_passage(assistant):
    assert not assistant.ask("What does the paper say about RCEP?").abstained
    assert not assistant.ask("作者怎么看待RCEP？").abstained
    assert assistant.ask("What does the paper say about the World Cup?").abstained


def test_a_noun_of_restriction_is_no_direction():
    assert polarity.direction("In 2022, countries imposed nearly 900 trade restrictions") is None
    assert polarity.direction("The council restricted new connections") == "down"
    assert polarity.direction("2022年实施了近900项贸易限制措施") is None
    p = premise_of("Why does the report say trade restrictions went down between 2015 and 2022?", "en")
    sentence = "In 2022, the county imposed nearly 900 trade restrictions, five times the number of 2015."
    assert p.test(sentence, 0.5).contradicts


def test_whose_account_a_why_question_is_asked_in_still_takes_its_premise():
    p = premise_of("According to the paper, why did Samsung and Apple move phone production to India?", "en")
    assert p is not None and p.text.startswith("Samsung") and "India" in p.names
    p = premise_of("根据文章，为什么三星和苹果把手机业务转移到了印度？", "zh")
    assert p is not None and p.text.startswith("三星")


def test_how_big_an_advantage_is_asks_no_figure():
    from assistant.guards.reading.amount_question import asked_quantity

    assert asked_quantity("中国在新能源汽车电池方面的优势有多大？", "zh") is None
    assert asked_quantity("How large is China's advantage in batteries?", "en") is None
    assert asked_quantity("投资规模有多大？", "zh") is not None  # a size of investment is a figure
    assert asked_quantity("How big is the subsidy budget?", "en")[0] == "subsidy budget"


def test_a_clause_going_on_about_the_subject_before_names_it_too():
    q = quantity_of("2023年机电产品出口占比是多少？", "zh")
    assert q.given_in("2023年,我国机电产品出口13.92万亿元,在出口总值中的占比提升至58.6%。", 0.5)
    assert not q.given_in("2023年,我国服装出口增长,家具出口的占比提升至8.6%。", 0.5)  # another subject


def test_an_acronym_the_text_spells_out_is_named():
    from assistant.guards.reading.wording import spelt_out

    assert spelt_out("R&D", "BMW has increased its research and development spending in China")
    assert spelt_out("WTO", "members of the World Trade Organization notified")
    assert not spelt_out("IMF", "in many firms")  # initials in a row, not scattered
    p = premise_of("Why does the paper say BMW cut back its R&D spending in China?", "en")
    held = p.test(
        "BMW Group has increased its research and development expenditures in China.", 0.5, frozenset(), 0.5
    )
    assert not held.held and held.contradicts  # named, and it went the other way


def test_a_transliterated_place_is_a_name_so_another_in_its_place_is_a_wrong_premise():
    assert "吉尔吉斯斯坦" in names("吉尔吉斯斯坦政府在2021年对一座金矿实施国有化。", "zh")
    p = premise_of("2021年越南政府为什么要把这座金矿收归国有？", "zh")
    holding = p.test("例如，吉尔吉斯斯坦政府在2021年对这座金矿实施国有化。", 0.3, frozenset())
    assert holding.contradicts and holding.why == "names"


def test_helping_more_than_hurting_is_a_verdict():
    from assistant.guards.reading.polarity import verdict

    assert verdict("the change will help local firms more than it hurts them") == "good"
    assert verdict("the reform hurts farmers more than it helps") == "bad"


def test_a_premise_stated_before_a_question_about_it_and_a_place_put_in_another_s_place():
    p = premise_of("文中提到水厂把管网交给乡镇以后，节约了多少成本？", "zh")
    assert p is not None and p.text == "水厂把管网交给乡镇以后"
    # the clause that names the place points back to the one naming the actors ("它们…")
    p = premise_of("文中提到甲公司和乙公司把工厂搬到南美以后，带走了多少供应商？", "zh")
    sentence = "以甲公司和乙公司为例，它们将工厂转移到东南亚地区后，带动了一批供应商迁移。"
    assert p.test(sentence, 0.5).contradicts


def test_an_amount_asked_of_several_things_or_over_a_span():
    from assistant.guards.reading.amount_question import asked_quantity

    assert asked_quantity("2023年甲产品产量和2024年乙产品销量各是多少？", "zh")[0] == "甲产品产量和乙产品销量"
    assert asked_quantity("灌区的用水量这十年变化有多大？", "zh")[0] == "用水量"
    q = quantity_of("2023年甲产品产量和2024年乙产品销量各是多少？", "zh")
    assert not q.years  # each thing its own year: no sentence need give both


def test_a_titled_thing_given_another_owner_is_a_wrong_premise_however_little_else_it_shares():
    # the premise wraps the title in words of its own ("single out … as the key push …"), so it shares
    # too few words with the sentence to be about it by words alone; the title and its owner decide
    question = "Why does the paper single out Sylvania's Clean Rivers Act as the main cause of the drought?"
    sentence = 'As Norland implemented the "Clean Rivers Act", farmers lost access to the upper basin.'
    holding = premise_of(question, "en").test(sentence, 0.5)
    assert holding.contradicts and holding.why == "names"
    same = 'As Sylvania implemented the "Clean Rivers Act", farmers lost access to the upper basin.'
    assert not premise_of(question, "en").test(same, 0.5).contradicts


def test_the_example_a_question_says_the_text_uses_is_its_premise():
    p = stated_premise(
        "How does the report use the example of Norland closing a Sylvanian-owned dam in 2019?", "en"
    )
    assert p is not None and p[0] == "Norland closing a Sylvanian-owned dam in 2019"
    assert stated_premise("How does the report use examples?", "en") is None


def test_how_great_an_advantage_is_a_degree_not_an_amount():
    from assistant.guards.reading.amount_question import asked_quantity

    assert asked_quantity("甲国在光伏领域到底有多大优势？", "zh") is None
    assert asked_quantity("甲国的光伏装机量有多大？", "zh") is not None


@pytest.mark.parametrize(
    ("premise", "topic"),
    [
        ("利大于弊", set()),
        ("the positives outweigh the negatives", set()),
        ("blockchain helps farmers more than it hurts", {"blockchain"}),
        ("区块链对农民利大于弊", {"区块", "农民"}),
    ],
)
def test_what_a_verdict_is_given_of(premise, topic):
    assert polarity.weighed_topic(premise) == topic


@pytest.mark.parametrize(
    "question", ["作者提出的四个趋势分别是什么？", "文章指出的两个阶段是什么？", "论文提到的建议有哪些？"]
)
def test_what_the_text_proposes_is_asked_for_not_claimed(question):
    assert premise_of(question, "zh") is None


@pytest.mark.parametrize(
    ("question", "sentence", "why"),
    [  # what happened after a year: the clause after the one giving it
        (
            "Why does the report say the share of river water kept climbing after 2019?",
            "The share of river water rose from 20% in 2010 to 35% in 2019, but it has since declined.",
            "direction",
        ),
        (
            "为什么报告说2019年以后河水的占比继续上升？",
            "河水的占比从2010年的20%上升到2019年的35%，但此后有所下降，2023年降至31%。",
            "direction",
        ),
        # a date whose own comma splits it from its clause; words saying when, not what ("back in", "start")
        (
            "Why did the council start charging the levy on farms back in 2018?",
            "The council charged the water levy on farms from March 1, 2023.",
            "figures",
        ),
        # what the premise says moves goes the other way in the clause naming it, whatever else the
        # sentence's other clauses do
        (
            "Why does the report say the Water Act encourages investment in dams?",
            "The Water Act, passed in 2020, set out grants for wells, tax relief for pumps, restrictions on "
            "investment in dams, and limits on permits.",
            "direction",
        ),
        # many against few
        (
            "Why does the report cite Northgate as buying from many suppliers to spread risk?",
            "Northgate is buying from a few key suppliers to manage risk.",
            "contrast",
        ),
    ],
)
def test_a_premise_the_sentence_says_otherwise(question, sentence, why):
    holding = premise_of(question, language_of(question)).test(sentence, 0.5)
    assert holding.contradicts and holding.why == why


def test_a_clause_with_an_actor_of_its_own_names_someone_else():
    p = premise_of("Why did Northgate move its depots to Leeds, as the report says?", "en")
    sentence = "For example, The Freedonian firms moved their depots to Leeds, and Northgate hired staff."
    holding = p.test(sentence, 0.5)
    assert holding.contradicts and holding.why == "names"
    same = p.test("For example, Northgate moved its depots to Leeds in 2021.", 0.5)
    assert same.held
