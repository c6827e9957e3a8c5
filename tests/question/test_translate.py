"""Query translation with LangChain's fake chat models (chain logic only); the real bundled
model runs it in test_llm_e2e.py, and test_retrieve.py checks what a rendering does to the search."""

import time

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from assistant.generation.generator import PROMPTS
from assistant.pipeline import Assistant
from assistant.question.translate import QueryTranslator, clean, load_prompt
from assistant.retrieval.langchain import HybridRetriever
from assistant.settings import LLMSettings, Settings, TranslateSettings

QUESTION = "What will technological closure driven by AI do to the job market, according to the paper?"
RENDERING = "本文认为人工智能驱动的技术封闭会对劳动力市场产生什么影响？"


class Broken(FakeListChatModel):
    def _call(self, *args, **kwargs):
        raise ConnectionError("the endpoint went away")


def translating(settings, translator) -> Assistant:
    """An assistant whose translator is `translator` (a QueryTranslator, or a chat model to make one of)."""
    a = Assistant(settings.model_copy(update={"translate": TranslateSettings(mode="local")}))
    if not isinstance(translator, QueryTranslator):
        translator = QueryTranslator(translator, timeout_s=5, name="the fake translator")
    a.__dict__["translator"] = translator
    return a


def test_the_prompt_file_becomes_instructions_examples_and_the_question():
    messages = load_prompt((PROMPTS / "translate.txt").read_text(encoding="utf-8"))
    roles = [role for role, _ in messages]
    assert roles[0] == "system" and roles[-1] == "human" and messages[-1][1] == "{question}"
    assert roles[1:-1] == ["human", "ai"] * ((len(roles) - 2) // 2) and len(roles) >= 4
    assert all(text.isascii() for role, text in messages[1:-1] if role == "human")
    assert all(not text.isascii() for role, text in messages[1:-1] if role == "ai")
    with pytest.raises(ValueError, match="one EN: and one ZH:"):
        load_prompt("instructions\n---\nEN: only a question")


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (RENDERING, RENDERING),
        (f"ZH: {RENDERING}\nEN: something else", RENDERING),
        (f"“{RENDERING}”", RENDERING),
        ("The paper says AI will reduce low-skilled jobs.", None),  # answered in English instead
        ("", None),
    ],
)
def test_only_a_chinese_reply_counts(reply, expected):
    assert clean(reply) == expected


def test_an_english_question_is_searched_with_its_rendering(settings, assistant):
    a = translating(settings, FakeListChatModel(responses=[RENDERING, "第二次回答：一个不同的译文"]))
    ans = a.ask(QUESTION)
    assert ans.translation == RENDERING and ans.timings_ms["translate"] >= 0 and ans.notice is None
    assert any("低技能岗位减少" in r.text for r in ans.retrieved[:3])
    assert a.ask(QUESTION).translation == RENDERING  # remembered: the model's next reply would differ
    plain = assistant.ask(QUESTION)
    assert plain.translation is None and "translate" not in plain.timings_ms


def test_a_chinese_question_is_not_translated(settings, assistant):
    class NeverCalled(FakeListChatModel):
        def _call(self, *args, **kwargs):
            raise AssertionError("a Chinese question must not be translated")

    q = "2021年中国在全球制造业增加值中的占比是多少？"
    ans = translating(settings, NeverCalled(responses=["x"])).ask(q)
    assert ans.translation is None and ans.answer == assistant.ask(q).answer


def test_a_reply_without_chinese_leaves_the_lexicon_alone(settings, assistant):
    ans = translating(settings, FakeListChatModel(responses=["I think AI reduces jobs."])).ask(QUESTION)
    plain = assistant.ask(QUESTION)
    assert ans.translation is None and ans.notice is None
    assert [r.chunk_id for r in ans.retrieved] == [r.chunk_id for r in plain.retrieved]


def test_a_failing_translator_is_reported_and_the_lexicon_answers(settings, assistant):
    ans = translating(settings, Broken(responses=["x"])).ask(QUESTION)
    plain = assistant.ask(QUESTION)
    assert ans.translation is None and "not translated" in ans.notice and "went away" in ans.notice
    assert ans.answer == plain.answer


def test_a_slow_translator_is_given_up_on(settings):
    class Slow(FakeListChatModel):
        def _call(self, *args, **kwargs):
            time.sleep(3)
            return RENDERING

    a = translating(settings, QueryTranslator(Slow(responses=[RENDERING]), timeout_s=0.5, name="slow"))
    t0 = time.perf_counter()
    ans = a.ask(QUESTION)
    assert time.perf_counter() - t0 < 2.5 and ans.translation is None and "longer than 0.5 s" in ans.notice


def test_a_missing_translation_model_is_reported_not_raised(data_dir, tmp_path, assistant):
    s = Settings(
        data_dir=data_dir,
        translate=TranslateSettings(mode="local"),
        llm=LLMSettings(model_path=tmp_path / "no-such.gguf"),
    )
    ans = Assistant(s).ask(QUESTION)
    assert ans.answer == assistant.ask(QUESTION).answer and ans.retrieved and "no GGUF file" in ans.notice


def test_the_langchain_retriever_uses_a_translator(assistant):
    translator = QueryTranslator(FakeListChatModel(responses=[RENDERING]), timeout_s=5, name="fake")
    docs = HybridRetriever(search=assistant.retriever, translator=translator).invoke(QUESTION)
    assert any("低技能岗位减少" in d.page_content for d in docs[:3])
    failing = QueryTranslator(Broken(responses=["x"]), timeout_s=5, name="broken")
    assert HybridRetriever(search=assistant.retriever, translator=failing).invoke(QUESTION)  # lexicon alone
