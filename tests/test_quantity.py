from assistant.answer import compose
from assistant.quantity import Quantity, amounts, quantity_of
from assistant.settings import AnswerSettings, RetrievalSettings
from tests.test_answer import _hit, _retrieval


def test_a_rate_is_asked_by_the_words_that_ask_not_anywhere_in_the_question():
    lexicon = {"tariff": {"关税": 1.0}, "battery": {"电池": 1.0}}
    q = quantity_of("What additional tariff rate did the US impose on batteries?", "en", lexicon, set())
    assert q.units == [{"关税"}] and q.rate
    q = quantity_of("How much tariff revenue did batteries bring at this rate?", "en", lexicon, set())
    assert q is not None and not q.rate
    assert quantity_of("2023年我国汽车芯片的国产化率是多少？", "zh", {}, set()).rate
    assert not quantity_of("为了提高效率，企业投入了多少资金？", "zh", {}, set()).rate


def test_punctuation_is_no_unit_of_a_chinese_phrase():
    q = quantity_of("纺织服装、服饰业企业有多少家？", "zh", {}, set())
    assert "、" not in set().union(*q.units) and q.units[-1] == {"企业"}


def test_english_units_keep_reading_order_with_words_the_chinese_text_uses():
    lexicon = {"notification": {"通报": 1.0, "通知": 0.5}}
    q = quantity_of("How many WTO notifications were filed?", "en", lexicon, {"wto", "d"})
    assert q.phrase == "wto notifications" and q.units == [{"wto"}, {"通报", "通知"}]  # the head is last
    q = quantity_of("How many R&D notifications were filed?", "en", lexicon, {"r", "d"})
    assert q.units == [{"通报", "通知"}]  # single letters would be found in any Latin text


def test_the_years_asked_about_are_given_with_the_figure():
    q = Quantity("贸易", [{"贸易"}], years=frozenset({"2023"}))
    assert not q.given_in("2024 年，中国与东盟的贸易规模达到 6.99 万亿元。", 0.5)
    assert not q.given_in("2022年全球实施了近3000项贸易限制措施(IMF, 2023)；", 0.5)  # a source's year
    assert q.given_in("2023年，中国与东盟的贸易规模达到 6.4 万亿元。", 0.5)


def test_a_figure_given_only_for_other_places_is_no_answer():
    q = quantity_of("How many industrial robots did China have in 2019?", "en", {"robot": {"机器人": 1.0}}, set())
    assert q.places == {"中国"}
    world = "2000年至2019年，全球工业机器人的数量增长了3倍，达到225万台；"
    assert not q.given_in(world, 0.5)
    assert q.given_in("2019年，我国工业机器人达到78万台。", 0.5)  # 我国 is China
    assert q.given_in("2019年，工业机器人达到78万台。", 0.5)  # no place named: it may be China's
    assert q.given_in("2019年，全球工业机器人有225万台，其中78万台在中国。", 0.5)
    # without a place in the question, the world's figure will do
    assert quantity_of("How many industrial robots were there in 2019?", "en", {"robot": {"机器人": 1.0}},
                       set()).given_in(world, 0.5)


def test_a_year_compared_with_or_of_a_source_need_not_be_the_figures():
    q = quantity_of("“新三样”2023年出口比2022年增长了百分之多少？", "zh", {}, set())
    assert q.years == {"2023"}  # a growth rate is given against the year before, without naming it
    assert q.given_in("2023年，“新三样”出口合计1.06万亿元，增长29.9%。", 0.5)
    q = quantity_of("工信部2025年发布的数据里，2024年锂电池装机量达到多少？", "zh", {}, set())
    assert q.years == {"2024"} and q.sources == {"2025"}
    assert q.given_in("2024年，我国锂电池装机量超过645GWh（工业和信息化部，2025）。", 0.5)
    assert not q.given_in("2024年，我国锂电池装机量超过645GWh。", 0.5)  # the source must be cited


def test_the_years_and_places_are_those_of_the_sentence_that_asks():
    lexicon = {"robot": {"机器人": 1.0}}
    q = quantity_of("Robots took off globally in 2019. In 2023, how many robots did India have?", "en", lexicon, set())
    assert q.years == {"2023"} and q.places == {"印度"}
    q = quantity_of("Robots took off in India in 2019. How many robots were there then?", "en", lexicon, set())
    assert q.years == {"2019"} and q.places == {"印度"}  # the asking sentence names none: the question's
    q = quantity_of("2019年印度机器人增长很快。2023年全球机器人有多少台？", "zh", {}, set())
    assert q.years == {"2023"} and q.places == {"全球"}


def test_the_year_of_a_cited_work_is_a_sources_and_suppliers_are_配套企业():
    q = quantity_of("卢进勇等（2024）指出外资企业很重要。那么2023年外资企业的比重是多少？", "zh", {}, set())
    assert q.years == {"2023"} and q.sources == {"2024"}
    q = quantity_of("How many suppliers followed Samsung?", "en", {"supplier": {"供应商": 1.0}}, set())
    assert q.given_in("带动了富士康、和硕等200多家配套企业的迁移。", 0.5)


def test_a_level_is_not_answered_by_a_change():
    level = quantity_of("截至2023年底，纺织服装企业还剩多少家？", "zh", {}, set())
    assert not level.change
    assert not level.given_in("截至2023年底，纺织服装企业数量较2018年底减少1.7万家。", 0.5)
    assert level.given_in("截至2023年底，纺织服装企业数量为10.2万家。", 0.5)
    change = quantity_of("截至2023年底，纺织服装企业比2018年减少了多少家？", "zh", {}, set())
    assert change.change and change.given_in("截至2023年底，纺织服装企业数量较2018年底减少1.7万家。", 0.5)
    robots = quantity_of("2019年全球工业机器人的数量达到了多少台？", "zh", {}, set())
    # the level follows the change in the next clause
    assert robots.given_in("2000年至2019年，全球工业机器人的数量增长了3倍，达到225万台；", 0.5)
    shares = Quantity("us imports", [{"美国"}, {"进口"}], rate=True, change=False)
    assert not shares.given_in("2018—2023年期间，美国从越南、印度的进口比重分别增加了1.8和0.6个百分点。", 0.5)


def test_a_share_may_follow_the_clause_that_names_whose_it_is():
    q = Quantity("asean", [{"东盟"}], rate=True)
    assert q.given_in("中国与东盟的贸易规模达到6.99万亿元，占中国对RCEP其他成员国进出口规模的53.1%。", 0.5)
    assert not q.given_in("中国与东盟的贸易规模扩大，对RCEP其他成员国进出口增长4.5%。", 0.5)


def test_a_year_compared_with_in_chinese_word_order():
    q = quantity_of("跟2014年比，2024年技术性贸易壁垒数量涨了百分之多少？", "zh", {}, set())
    assert q.years == {"2024"} and q.rate


def test_a_count_asked_with_a_measure_word_is_given_in_it():
    q = quantity_of("2023年纺织服装企业有多少家？", "zh", {}, set())
    assert q.measures == {"家"}
    assert not q.given_in("2023年纺织服装企业从业人员为449.2万。", 0.5)  # a figure, but not of firms
    assert q.given_in("2023年纺织服装企业有10.2万家。", 0.5)


def test_one_item_on_its_own_is_not_answered_by_a_list_it_is_in():
    lexicon = {"battery": {"电池": 1.0}, "export": {"出口": 1.0}}
    listed = "2023年，新能源汽车、锂电池、光伏组件等“新三样”出口合计1.06万亿元。"
    for question in ("Lithium batteries alone — how much did China export in 2023?",
                     "Looking only at lithium batteries, how much did China export in 2023?"):
        q = quantity_of(question, "en", lexicon, set())
        assert q.alone == [{"电池"}] and not q.given_in(listed, 0.5)
        assert q.given_in("2023年，锂电池出口3000亿元。", 0.5)
    together = quantity_of("How much did China export in 2023?", "en", lexicon, set())
    assert together.alone is None and together.given_in(listed, 0.5)


def test_trade_is_also_imports_plus_exports():
    q = quantity_of("2023年我国与东盟之间的贸易总额有多大？", "zh", {}, set())
    assert q.given_in("2023年，中国与东盟的进出口总额达到6.41万亿元。", 0.5)


def test_how_many_times_asks_for_a_count_only_of_events():
    from assistant.amount_question import asked_units

    assert asked_units("How many times did the communiqué mention security?") == {"次"}
    assert asked_units("Roughly how many times the 2015 level were the restrictions in 2022?") == set()


def test_dates_are_not_amounts_but_counts_and_money_are():
    assert amounts("于2025年2月4日开始加征关税") == []
    assert len(amounts("对外依存度超过半数")) == 1  # a half is an amount
    assert amounts("经历了三个阶段") == [3] and amounts("这是一个阶段") == []  # a bare 一 is not
    assert len(amounts("2000万台机器人，其中1400万台在中国")) == 2
    assert len(amounts("出口13.92万亿元，增长29.9%")) == 2


def test_the_figure_must_be_in_a_clause_that_names_the_head():
    q = Quantity("国产化率", [{"国产化率"}], rate=True)
    # the same sentence gives 4.5%, but for a different thing, in a different clause
    assert not q.given_in("虽然汽车芯片的国产化率有明显提升，但自主汽车芯片规模仅占全球的4.5%。", 0.5)
    assert q.given_in("汽车芯片的国产化率为10%左右。", 0.5)
    q = Quantity("项目编号", [{"项目"}])
    assert q.given_in("本文获资助，项目编号：2024QQJH164。", 0.5)  # a colon introduces the figure


def test_a_rate_needs_a_percentage_and_a_count_may_be_in_chinese_numerals():
    q = Quantity("tariff", [{"关税"}], rate=True)
    assert not q.given_in("美国通过301条款的关税复审机制加征额外关税。", 0.5)
    assert q.given_in("美国对电池加征的关税由7.5%提高到25%。", 0.5)
    q = Quantity("power battery makers", [{"动力"}, {"电池"}], rate=False)
    assert q.given_in("在全球动力电池装机量排名前十位的企业中，我国企业占据了六席。", 0.5)
    q = Quantity("阶段", [{"阶段"}])
    assert q.given_in("产业分工经历了三个阶段。", 0.5)
    assert not q.given_in("这是产业分工的一个重要阶段。", 0.5)  # a bare 一 counts nothing


def test_half_the_units_besides_the_head_must_be_named():
    q = Quantity("manufacturing value added", [{"制造业"}, {"增加值"}])
    assert q.given_in("中国在全球制造业增加值中的占比为30.5%。", 0.5)
    assert q.given_in("工业增加值增长5%。", 0.5)  # the head, and half of the units
    assert not q.given_in("工业增加值增长5%。", 1.0)
    assert not q.given_in("制造业投资增长5%。", 0.5)  # no head


def test_an_amount_for_something_else_the_question_names_is_no_answer():
    hits = [_hit("a", "预计到2030年，全球机器人数量将增长至2000万台，其中1400万台将在中国。")]
    terms = {"机器人": 1.0, "制造业": 1.0, "工作": 1.0}
    r = _retrieval("How many manufacturing jobs will robots displace by 2030?", hits, terms, lang="en")
    r.quantity = Quantity("manufacturing jobs", [{"制造业"}, {"工作", "岗位"}])
    assert compose(r, AnswerSettings(), RetrievalSettings()).abstained
    r.quantity = Quantity("robots", [{"机器人"}])  # "how many robots": answered
    assert not compose(r, AnswerSettings(), RetrievalSettings()).abstained
    # with the check turned off, a figure next to any term of the question will do
    r.quantity = Quantity("manufacturing jobs", [{"制造业"}, {"工作", "岗位"}])
    assert not compose(r, AnswerSettings(), RetrievalSettings(min_quantity_coverage=0.0)).abstained


def test_near_miss_amount_questions_abstain_on_the_real_index(assistant):
    missing = assistant.ask("2023年我国汽车芯片的国产化率具体是多少？")
    assert missing.abstained
    given = assistant.ask("2023年我国汽车芯片的对外依赖度有多高？")
    assert not given.abstained and "90%" in given.answer
    assert assistant.ask("How many manufacturing jobs will robots displace worldwide by 2030?").abstained
    robots = assistant.ask("How many robots will there be worldwide by 2030?")
    assert not robots.abstained and "2000" in robots.answer
    assert assistant.ask("预计到2030年，印度会有多少台机器人？").abstained  # the forecast is the world's and China's
    china = assistant.ask("预计到2030年，中国会有多少台机器人？")
    assert not china.abstained and "1400" in china.answer
