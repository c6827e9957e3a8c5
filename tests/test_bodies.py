import pytest

from assistant.bodies import bodies_named


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        ("The Oxford Economics report cited in the paper", {"牛津经济研究院"}),
        ("2022年全球实施了近3000项贸易限制措施(IMF, 2023)", {"IMF"}),
        ("According to World Bank data and China's customs", {"世界银行", "海关总署"}),
        ("据万得(Wind)数据库统计", {"万得"}),
        ("wind power and the world's banks", set()),  # no body
    ],
)
def test_bodies_in_either_language_share_keys(text, bodies):
    assert bodies_named(text) == bodies
