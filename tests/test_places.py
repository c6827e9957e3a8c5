import pytest

from assistant.places import only_other_places, places_named


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("How many robots will India have by 2030?", {"印度"}),
        ("What share of US imports came from Vietnam?", {"美国", "越南"}),
        ("Chinese firms' share of the world market", {"中国", "全球"}),
        ("我国动力电池装车量稳居世界第一", {"中国", "全球"}),
        ("Southeast Asian and Latin American economies", {"东南亚", "拉美"}),
        ("中国与东盟的贸易规模", {"中国", "东盟"}),
        ("印度尼西亚和印度的出口", {"印度尼西亚", "印度"}),  # India is not read inside Indonesia
        ("Indonesia's exports", {"印度尼西亚"}),
        ("European Union rules across Europe", {"欧盟", "欧洲"}),
        ("Kazakhstan, not Kyrgyzstan", {"哈萨克斯坦", "吉尔吉斯斯坦"}),
    ],
)
def test_places_in_either_language_share_keys(text, places):
    assert places_named(text) == places


@pytest.mark.parametrize(
    "text",
    [
        "Tell us how many firms moved",  # "us" is no country
        "According to the World Bank",  # a body, not the world
        "据世界银行数据",
        "全国经济普查公报",
    ],
)
def test_words_that_only_look_like_places_name_none(text):
    assert places_named(text) == frozenset()


def test_the_world_is_only_the_scope_of_a_country_asked_about():
    def other(asked, named):
        return only_other_places(frozenset(asked), frozenset(named))

    assert other({"中国"}, {"全球"})  # the world's figure for China's
    assert other({"越南", "全球"}, {"中国", "全球"})  # China's share of the world for Vietnam's
    assert not other({"中国", "全球"}, {"中国", "全球"})
    assert other({"全球"}, {"中国"}) and not other({"全球"}, {"全球", "中国"})
    assert not other(set(), {"美国"}) and not other({"美国"}, set())  # no place on one side: no conflict
