import pytest

from assistant.amount_question import asked_quantity


@pytest.mark.parametrize(
    ("question", "lang", "thing"),
    [
        ("How many manufacturing jobs will robots displace by 2030?", "en", "manufacturing jobs"),
        ("What was China's share of global manufacturing value added in 2023?", "en", "manufacturing value added"),
        ("By how much did the number of technical barriers to trade grow?", "en", "technical barriers"),
        ("How much did China export in 'new three' products in 2023?", "en", "export"),
        ("How much money did BMW add to its R&D budget?", "en", "bmw"),
        ("What additional tariff rate did the US impose on EV batteries?", "en", "tariff"),
        ("What is China's robot density (robots per 10,000 workers)?", "en", "robot density"),
        ("2023年我国汽车芯片的国产化率具体是多少？", "zh", "国产化率"),
        ("2021年中国制造业增加值占全球的比重是多少？", "zh", "制造业增加值"),
        ("美国制造商近岸外包到墨西哥的投资规模有多大？", "zh", "投资"),
        ("三星和苹果带走了多少家配套企业？", "zh", "配套企业"),
        ("预计到2030年全球机器人会有多少台？", "zh", "机器人"),  # a forecast: the modal is no thing
        ("2023年“新三样”出口合计较上年增长了多少？", "zh", "新三样出口合计"),  # nor what it is compared with
        ("外资企业在中国经济结构中大约占多大比重？", "zh", "外资企业"),  # nor where it is
        ("2022年中国在全球制造业增加值中的占比是多少？", "zh", "制造业增加值"),  # unless nothing else is named
        ("Of the robots expected by 2030, how many are projected to be in China?", "en", None),
        ("How much did Chinese enterprises spend on R&D in 2023?", "en", "enterprises"),  # not the verb
        ("How much did Vietnam and India each gain in their share of US imports?", "en", "vietnam and india each"),
        ("By how many points did the Belt and Road countries' share of trade rise?", "en", "belt and road countries'"),
        ("公报里“安全”一词一共被提到了多少次？", "zh", None),  # how often: the unit 次 is checked instead
        ("牛津经济研究院预计2030年全球机器人会增长到多少台？", "zh", "机器人"),  # who says it, the verb
        ("中国占全球制造业增加值的比重从2021年的多少降到了2023年的多少？", "zh", "制造业增加值"),  # a range
        ("纺织服装业的从业人员从2013年底到2023年底是从多少降到多少的？", "zh", "从业人员"),
        ("What was China's share of global manufacturing value added back in 2004?", "en",
         "manufacturing value added"),  # an adverb ends the phrase
        ("By what factor did the robot stock grow, and how many units did it reach?", "en", None),
        ("China–ASEAN trade in 2024: what was the year-on-year growth rate?", "en",
         "year-on-year growth"),  # "on" inside a hyphenated word ends nothing
        ("2024年中国与东盟的进出口总额是多少万亿元？", "zh", "进出口"),  # 万亿元 is the unit, not the thing
        ("2004年中国制造业增加值在全球所占份额是多少？", "zh", "制造业增加值"),  # nor where its share is
        ("2023年我国汽车芯片对外依赖程度有多高？", "zh", "汽车芯片对外依赖"),  # 程度 says what kind of figure
        ("到2023年底，纺织业企业从业人员还剩多少万人？", "zh", "纺织业企业从业人员"),  # 还剩 is a verb
        ("到2030年全世界的机器人总数会达到多少台？", "zh", "机器人"),  # 总数 is a kind of figure
        ("2024年锂电池装机量（含储能）达到了多少GWh？", "zh", "锂电池装机量"),  # GWh is the unit; () an aside
        ("About how many suppliers such as Foxconn moved with them?", "en", "suppliers"),
        ("中国与东盟的进出口在2023年占中国外贸总值的比重有多大？", "zh", "进出口"),  # 在…中国 is no 在…中
        ("By what percentage did China's machinery exports grow in 2023?", "en", "machinery exports"),
        ("Of trade with RCEP, what proportion was accounted for by ASEAN?", "en", None),  # a participle
        ("ASEAN accounts for what share of China's trade with RCEP?", "en", "asean"),  # whose share
        ("China's car chips — what share of the global market do they account for?", "en", "car chips"),
        ("What proportion of total R&D spending came from enterprises in 2023?", "en", "enterprises"),
        ("What was China's peak share of global manufacturing value added?", "en", "manufacturing value added"),
        ("海关总署统计：2023年我国机电产品出口额多少？", "zh", "机电产品出口额"),  # the source before a colon
        ("跟2014年比，2024年技术性贸易壁垒数量涨了百分之多少？", "zh", "技术性贸易壁垒"),
        # after a premise: what is counted was named before ("那么", "they"), so no phrase is required
        ("既然文中说企业研发投入增长很快，那么投入了多少？", "zh", None),
        ("2022年全球实施了近3000项贸易限制措施。这一数字约为2015年的多少倍？", "zh", None),  # "this figure"
        ("文中说进出口总额达到19.47万亿元，这一数额占进出口总值的比重是多少？", "zh", None),
        ("制造业增加值的比重2004年只有8.6%，到2021年最高涨到了多少？", "zh", None),  # named before
        ("既然文中说企业研发投入增长很快，那么企业数量有多少？", "zh", "企业"),
        ("Since the paper says firms spent more on R&D, how much did they spend?", "en", None),
        ("The paper says exports hit a record. By what percentage did this exceed the 2014 figure?", "en", None),
    ],
)
def test_the_thing_an_amount_question_asks_about(question, lang, thing):
    asked = asked_quantity(question, lang)
    assert (asked and asked[0]) == thing


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("How many people worked in textile firms in 2013?", "en"),  # people: no thing of its own
        ("Which measures does the paper propose?", "en"),  # not an amount question
        ("作者提出了哪些政策建议？", "zh"),
    ],
)
def test_no_thing_is_required_when_none_is_named(question, lang):
    assert asked_quantity(question, lang) is None
