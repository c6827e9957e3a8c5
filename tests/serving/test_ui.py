import os

from assistant.serving.ui import linked_markers


def _text(message) -> str:
    content = message["content"]
    return content if isinstance(content, str) else " ".join(part.get("text", "") for part in content)


def test_markers_become_links_but_quoted_brackets_stay_text():
    assert linked_markers("占比30.5%(World Bank, [2025])。[1][2]", {1, 2}) == (
        "占比30.5%(World Bank, [2025])。[[1]](#src-1)[[2]](#src-2)"
    )


def test_web_chat_answers_with_sources(server):
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from gradio_client import Client

    client = Client(server + "/", verbose=False)
    history, sources, box = client.predict(
        "2021年中国在全球制造业增加值中的占比是多少？", [], "", "grounded", "zh", api_name="/respond"
    )
    assert "30.5%" in _text(history[-1]) and "(#src-1)" in _text(history[-1]) and box == ""
    assert "三、全球产业链变化对我国的影响" in sources and "<mark>" in sources and "id='src-1'" in sources
    history, sources, _ = client.predict(
        "今天北京天气怎么样？", [], "", "grounded", "en", api_name="/respond"
    )
    assert "论文没有讨论" in _text(history[-1]) and "最接近的章节" in sources  # in the asker's language
    history, sources, _ = client.predict(
        "Which four trends does the paper foresee?", [], "", "grounded", "en", api_name="/respond"
    )
    history, sources, _ = client.predict(
        "Say more about the second one.", history, "", "grounded", "en", api_name="/respond"
    )
    assert "Read as:" in _text(history[-1]) and "采购单极化" in sources and "Machine translation" in sources


class ScriptedAssistant:
    """Stands in for Assistant.stream with fixed events (the chat's own logic is what is tested)."""

    def __init__(self, events):
        self.events = events

    def stream(self, *args, **kwargs):
        yield from self.events


def test_model_words_show_as_a_draft_until_the_checked_answer_replaces_them():
    from assistant.answer.contract import Answer
    from assistant.serving.ui import chat_turn

    final = Answer(
        question="q",
        answer="Checked sentence.",
        abstained=False,
        mode="local",
        lang="en",
        translation="检索用的中文",
        notice="One claim was dropped.",
    )
    events = [
        {"type": "evidence", "citations": []},
        {"type": "token", "text": "Unchecked "},
        {"type": "token", "text": "words"},
        {"type": "answer", "answer": final},
    ]
    steps = [h[-1]["content"] for h, _, _ in chat_turn(ScriptedAssistant(events), "q", [], "", "local", "en")]
    drafts = [s for s in steps if "Unchecked" in s]
    assert drafts and all(s.startswith("_Draft:") for s in drafts)
    assert steps[-1].startswith("Checked sentence.") and "Unchecked" not in steps[-1]
    assert "Searched as: 检索用的中文" in steps[-1] and "One claim was dropped." in steps[-1]
