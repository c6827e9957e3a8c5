"""Follow-ups made whole from what the previous answer was about (no model involved)."""

from assistant.question.followup import Recalled, Turn, follow_up, topic_of

HISTORY = [Turn(role="user", content="PREVIOUS"), Turn(role="assistant", content="…")]


def talk(*texts):
    """Turns of a conversation, the user's first, then by turns."""
    return [Turn(role=("user", "assistant")[k % 2], content=t) for k, t in enumerate(texts)]


def recalled(**fields):
    return lambda question, history: Recalled(**{"question": question, **fields})


def test_a_pointer_takes_the_listed_item():
    items = [("区域联盟化", "s2.1"), ("采购单极化", "s2.2"), ("人工智能封闭化", "s2.3")]
    got = follow_up("第二个是什么意思？", HISTORY, recalled(items=items))
    assert got.question == "采购单极化是什么意思？" and got.sections == ["s2.2"]
    en = [("Regional alliances", "d.s2.1"), ("Single-level procurement", "d.s2.2")]
    got = follow_up("Say more about the second one.", HISTORY, recalled(items=en))
    assert got.question == "Say more about Single-level procurement." and got.sections == ["d.s2.2"]
    got = follow_up("And the last one?", HISTORY, recalled(items=en))
    assert "Single-level procurement" in got.question


def test_a_year_is_swapped_into_the_previous_question():
    got = follow_up("那2023年呢？", HISTORY, recalled(question="2021年全县的用水总量是多少？"))
    assert got.question == "2023年全县的用水总量是多少？"
    got = follow_up("And in 2019?", HISTORY, recalled(question="How many households were connected in 2023?"))
    assert got.question == "How many households were connected in 2019?"


def test_a_sibling_section_is_asked_instead():
    got = follow_up(
        "那消极影响呢？",
        HISTORY,
        recalled(
            question="有哪些积极影响？", topic="积极影响", target="s3.1", siblings=[("消极影响", "s3.2", 0)]
        ),
    )
    assert got.question == "有哪些消极影响？" and got.sections == ["s3.2"]
    got = follow_up(
        "What about the negative ones?",
        HISTORY,
        recalled(
            question="What positive impacts does it expect?",
            topic="Positive impacts",
            target="s3.1",
            siblings=[("Negative impacts", "s3.2", 0)],
        ),
    )
    assert got.question == "What negative impacts does it expect?"


def test_a_pronoun_takes_the_topic():
    got = follow_up(
        "作者对此有什么建议？", HISTORY, recalled(question="技术越追越远指的是什么？", topic="技术越追越远")
    )
    assert got.question == "作者对技术越追越远有什么建议？"
    got = follow_up(
        "What does the report recommend about it?",
        HISTORY,
        recalled(question="What are the barriers?", topic="barriers to expansion"),
    )
    assert got.question == "What does the report recommend about barriers to expansion?"


def test_evidence_of_what_was_said_is_sought_in_its_part_advice_anywhere():
    said = recalled(question="Say more about Market shrinkage", topic="Market shrinkage", target="s3.2.3")
    got = follow_up("Any figures for that?", HISTORY, said)
    assert got.question == "Any figures for Market shrinkage?" and got.sections == ["s3.2.3"]
    zh = recalled(question="市场萎缩讲什么", topic="市场萎缩", target="s3")
    got = follow_up("这个有什么数据？", HISTORY, zh)
    assert got.sections == ["s3"]
    got = follow_up("What should be done about it?", HISTORY, said)  # the proposals are in another part
    assert got.sections == []


def test_questions_that_stand_alone_are_left_alone():
    assert follow_up("2021年中国在全球制造业增加值中的占比是多少？", HISTORY, recalled()) is None
    assert follow_up("那2023年呢？", [], recalled()) is None
    assert topic_of("技术越追越远指的是什么？") == "技术越追越远"


def test_a_relative_that_is_not_a_pronoun():
    previous = "What happened to energy poverty among connected households?"
    got = follow_up(
        "And for households that weren't connected?", HISTORY, recalled(question=previous, topic="X")
    )
    assert "X" not in got.question and previous in got.question
    got = follow_up("Why is that?", HISTORY, recalled(question=previous, topic="energy poverty"))
    assert got.question == "Why is energy poverty?"


def test_a_section_beside_a_parent_is_asked_about():
    got = follow_up(
        "那消极影响呢？",
        HISTORY,
        recalled(
            question="增进区域合作具体怎么说的？",
            topic="增进区域合作",
            target="s3.1.2",
            siblings=[("产业链韧性", "s3.1.1", 0), ("消极影响", "s3.2", 1)],
        ),
    )
    assert got.question == "消极影响讲了什么？" and got.sections == ["s3.2"]


def test_a_new_year_with_a_new_topic_keeps_the_topic():
    got = follow_up(
        "那2024年的技术性贸易壁垒呢？", HISTORY, recalled(question="2023年全球实施了多少项贸易限制措施？")
    )
    assert "技术性贸易壁垒" in got.question and "2023" not in got.question
    got = follow_up("And in 2019?", HISTORY, recalled(question="How many firms moved in 2018?"))
    assert got.question == "How many firms moved in 2019?"


def test_a_possessive_is_not_left_behind_as_a_topic():
    assert topic_of("What's the paper's take on China's battery industry?") == "China's battery industry"


def test_a_sibling_whose_words_do_not_swap_one_for_one_is_asked_about():
    got = follow_up(
        "What about single-level procurement?",
        HISTORY,
        recalled(
            question="What is regional alliance-ization?",
            topic="Regional Alliances",
            target="s2.1",
            siblings=[("Single-Level Procurement", "s2.2", 0)],
        ),
    )
    assert got.question == "What does the text say about Single-Level Procurement?" and got.sections == [
        "s2.2"
    ]


def test_where_the_previous_answer_came_from_is_asked_of_its_sections():
    got = follow_up(
        "这两组数字是在文章哪部分讲的？",
        HISTORY,
        recalled(question="2021年全县用水多少？", cited=["s2.1", "s3"]),
    )
    assert got.question == "2021年全县用水多少？" and got.sections == ["s2.1", "s3"]
    got = follow_up("Which section says that?", HISTORY, recalled(question="How many pumps?", cited=["s4"]))
    assert got.question == "How many pumps?" and got.sections == ["s4"]
    assert follow_up("Which section covers water prices?", HISTORY, recalled()) is None


def test_words_that_only_look_like_pronouns_are_not_replaced():
    got = follow_up("那跟其他省份呢？", HISTORY, recalled(question="全县用水多少？", topic="用水"))
    assert "其他省份" in got.question


def test_a_question_asking_only_for_a_kind_of_content_leans_on_the_conversation():
    got = follow_up("哪家企业是典型例子？", HISTORY, recalled(question="水权交易是什么意思？"))
    assert got is not None and "水权交易" in got.question


def test_another_item_of_the_list_the_previous_question_pointed_into():
    history = talk(
        "全球产业链变化对我国有哪些积极影响？",
        "1. 倒逼产业升级 … 2. 增进区域合作 …",
        "第二个有什么数据支撑？",
        "…",
    )
    items = [("倒逼产业升级", "s3.1.1"), ("增进区域合作", "s3.1.2")]

    def recall(question, earlier):  # only the first answer listed items
        return Recalled(question=question, items=items if not earlier else [])

    got = follow_up("那第一个呢？", history, recall)
    assert got.question == "倒逼产业升级有什么数据支撑？" and got.sections == ["s3.1.1"]
    # a pointer asking something of its own is not the previous question again
    assert follow_up("第一个是什么意思？", history, recall).question != "倒逼产业升级有什么数据支撑？"
    # no list anywhere before: nothing to point into
    got = follow_up("那第一个呢？", history, lambda q, earlier: Recalled(question=q))
    assert got is None or "倒逼" not in got.question


def test_this_problem_is_the_problem_the_part_quoted_treats():
    recall = recalled(topic="文中举了哪个国家资源国有化的例子", part="关键矿产受制")
    got = follow_up("针对这个问题，作者建议怎么做？", HISTORY, recall)
    assert "关键矿产受制" in got.question and "例子" not in got.question
    got = follow_up(
        "What does the author propose for this problem?", HISTORY, recalled(topic="x", part="Minerals")
    )
    assert got.question == "What does the author propose for Minerals?"
    # what to do about "it", asked after a question naming no heading, is asked of the part quoted too
    assert "关键矿产受制" in follow_up("作者对此有什么建议？", HISTORY, recall).question
    # a pronoun alone asking anything else still takes the question's topic
    assert "例子" in follow_up("这个发生在哪一年？", HISTORY, recall).question


def test_where_the_two_last_answers_came_from():
    history = talk("Q1", "A1", "Q2", "A2")
    sections = {"Q1": ["s3.1.3"], "Q2": ["s3.1.2"]}

    def recall(question, earlier):
        return Recalled(question=question, cited=sections[question])

    assert follow_up("这两组数据分别是在文章哪部分讲的？", history, recall).sections == ["s3.1.3", "s3.1.2"]
    assert follow_up("这是在文章哪部分讲的？", history, recall).sections == ["s3.1.2"]


def test_that_kind_of_problem_is_the_problem_the_last_part_treats():
    said = recalled(question="Is there an example?", topic="example", part="Reliance on critical minerals")
    got = follow_up("So what should China do about that kind of risk?", HISTORY, said)
    assert got.question == "So what should China do about Reliance on critical minerals?"


def test_a_side_named_where_no_word_can_be_swapped_is_asked_about():
    got = follow_up(
        "And the negative side?",
        HISTORY,
        recalled(
            question="What good things could come of it?",
            topic="Positive impact",
            target="s3.1",
            siblings=[("Negative impact", "s3.2", 0)],
        ),
    )
    assert got.question == "What does the text say about Negative impact?" and got.sections == ["s3.2"]


def test_the_topic_of_a_question_leaves_out_the_words_saying_the_text_says_it():
    from assistant.question.followup import topic_of

    assert topic_of("文章说美国对甲国的钢铁产品做了什么？") == "美国对甲国的钢铁产品"
    assert topic_of("作者提到的链主是什么？") == "链主"


def test_what_a_follow_up_asking_the_same_of_something_else_names():
    from assistant.question.followup import new_focus

    assert new_focus("那美国呢？") == ["美国"]
    assert new_focus("What about Mexico?") == ["Mexico"]
    assert new_focus("为什么这很危险？") == []


def test_which_one_is_a_pronoun_not_an_item_labelled_one():
    recalled = Recalled(
        "What are the two stages?", items=[("Stage One: efficiency", "s1.1"), ("Stage Two: security", "s1.2")]
    )
    assert follow_up("Which one are we in now?", HISTORY, lambda *_: recalled).sections != ["s1.1"]
    assert follow_up("What about stage one?", HISTORY, lambda *_: recalled).sections == ["s1.1"]


def test_why_after_a_summary_of_a_part_is_asked_of_its_topic_and_after_a_fact_of_the_question():
    part = recalled(topic="Industrial Hollowing Out", target="s3.2.1")
    got = follow_up("Why?", HISTORY, lambda q, h: part(
        "What does the paper say about industrial hollowing-out?", h))
    assert got.question == "Why? Industrial Hollowing Out" and got.sections == ["s3.2.1"]
    fact = recalled(topic="Impact of Global Industrial Chain Changes on China", target="s3")
    share = "中国在全球制造业增加值中的占比这些年怎么变化？"
    got = follow_up("为什么会下降？", HISTORY, lambda q, h: fact(share, h))
    assert got.question.endswith(share)


def test_what_to_do_after_a_part_on_a_problem_is_asked_of_that_problem():
    part = recalled(topic="resource nationalism", target="s3.2.5", part="reliance on critical minerals",
                    path=["reliance on critical minerals", "Negative Impact"], leaf=True)
    got = follow_up("What does the paper suggest China do?", HISTORY, part)
    assert got.question == "What does the paper suggest China do? reliance on critical minerals"


def test_that_after_a_modal_verb_points_back():
    from assistant.question.pronouns import anaphora_en

    assert anaphora_en("What impacts will that have?").group("p") == "that"
    assert anaphora_en("Firms that will move abroad") is None
