"""The answerability judge with LangChain's fake chat models (chain logic only); the real
bundled model runs it in test_llm_e2e.py."""

import math
import time

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from langchain_core.runnables import RunnableLambda, RunnableSequence

from assistant.generation.generator import Generator
from assistant.guards.judge import AnswerabilityJudge, parse_verdict, yes_probability
from assistant.pipeline import Assistant
from assistant.settings import JudgeSettings, LLMSettings, Settings
from tests.generation.test_generate import NeverCalled

QUESTION = "2021年中国在全球制造业增加值中的占比是多少？"
EN_QUESTION = "What was China's share of global manufacturing value added in 2021?"


class Broken(FakeListChatModel):
    def _call(self, *args, **kwargs):
        raise ConnectionError("the endpoint went away")


def judged(settings, judge) -> Assistant:
    """An assistant whose judge is `judge` (an AnswerabilityJudge, or a chat model to make one of)."""
    a = Assistant(settings.model_copy(update={"judge": JudgeSettings(mode="local")}))
    if not isinstance(judge, AnswerabilityJudge):
        judge = AnswerabilityJudge(judge, timeout_s=5, name="the fake judge")
    guard = next(g for g in a.serving().guards.guards if g.name == "judge")
    guard.context.extra["judge"] = judge  # the judge guard's model, as if loaded
    return a


@pytest.mark.parametrize(
    ("reply", "verdict"),
    [
        ("YES", True),
        ("No.", False),
        ("yes, they do", True),
        ("NO - the rate is not given", False),
        ("否", False),
        ("是", True),
        ("I cannot tell", None),
        ("", None),
    ],
)
def test_verdicts(reply, verdict):
    assert parse_verdict(reply) is verdict


def logprobs(**alternatives: float) -> dict:
    top = [{"token": t, "logprob": lp} for t, lp in alternatives.items()]
    return {
        "logprobs": {
            "content": [{"token": top[0]["token"], "logprob": top[0]["logprob"], "top_logprobs": top}]
        }
    }


def test_yes_probability_from_log_probabilities_or_the_word():
    assert yes_probability(
        logprobs(YES=math.log(0.6), NO=math.log(0.2), Maybe=math.log(0.2)), "YES"
    ) == pytest.approx(0.75)
    assert yes_probability(
        logprobs(NO=math.log(0.5), **{" yes": math.log(0.3), "No": math.log(0.1)}), "NO"
    ) == (pytest.approx(0.3 / 0.8))  # case and spaces folded; the likelier spelling counts
    assert yes_probability(logprobs(Perhaps=-0.1), "NO") == 0.0  # neither word among them: the reply decides
    assert yes_probability({}, "YES") == 1.0 and yes_probability({}, "unsure") is None


def test_a_threshold_on_the_probability_decides(settings):
    class Hesitant(FakeListChatModel):
        p: float = 0.55

        def _generate(self, messages, stop=None, run_manager=None, **kwargs):
            from langchain_core.messages import AIMessage
            from langchain_core.outputs import ChatGeneration, ChatResult

            meta = logprobs(YES=math.log(self.p), NO=math.log(1 - self.p))
            return ChatResult(
                generations=[ChatGeneration(message=AIMessage(content="YES", response_metadata=meta))]
            )

    strict = AnswerabilityJudge(Hesitant(responses=["YES"]), timeout_s=5, name="strict", min_yes=0.6)
    lenient = AnswerabilityJudge(Hesitant(responses=["YES"]), timeout_s=5, name="lenient", min_yes=0.5)
    assert strict.answers(QUESTION, ["…30.5%…"]) == (False, pytest.approx(0.55))
    assert lenient.answers(QUESTION, ["…30.5%…"]) == (True, pytest.approx(0.55))
    a = judged(settings, strict)
    ans = a.ask(QUESTION)
    assert ans.abstained and ans.guard == "judge" and ans.judged_answerable is False
    assert ans.notice.startswith("strict判断")  # the notice is in the question's language
    en = a.ask(EN_QUESTION)
    assert en.abstained and en.guard == "judge" and "P(yes) 0.55 < 0.6" in en.notice
    same = judged(settings, lenient).ask(QUESTION)  # the same probability, a lower threshold: answered
    assert not same.abstained and same.judged_answerable is True and "30.5%" in same.answer


def test_yes_keeps_the_grounded_answer(settings, assistant):
    plain = assistant.ask(QUESTION)
    ans = judged(settings, FakeListChatModel(responses=["YES"])).ask(QUESTION)
    assert ans.answer == plain.answer and ans.citations == plain.citations and not ans.abstained
    assert ans.judged_answerable is True and ans.timings_ms["guards"] >= 0 and ans.notice is None


def test_no_turns_the_answer_into_an_abstention(settings):
    ans = judged(settings, FakeListChatModel(responses=["NO"])).ask(QUESTION)
    assert ans.abstained and ans.judged_answerable is False and not ans.citations
    assert ans.answer.startswith("论文没有讨论") and "the fake judge" in ans.notice
    assert ans.retrieved  # what was found stays visible


def test_the_judge_sees_the_sentences_closest_to_the_question(settings):
    model = FakeListChatModel(responses=["YES"])
    seen = []
    judge = AnswerabilityJudge(model, timeout_s=5, name="fake")
    prompt, *rest = judge.chain.steps
    judge.chain = RunnableSequence(prompt, RunnableLambda(lambda m: seen.append(m.to_string()) or m), *rest)
    a = judged(settings, judge)
    ans = a.ask(QUESTION)
    assert len(seen) == 1 and QUESTION in seen[0] and ans.judged_answerable is True
    assert ans.citations[0].quote.split(" … ")[0] in seen[0]  # the sentence the answer quotes first


class NeverCalledJudge(FakeListChatModel):
    """A judge model that records each call (the judge guard turns a model's error into "did not run",
    so raising alone would not show that it was called)."""

    calls: list = []

    def _call(self, *args, **kwargs):
        self.calls.append(args)
        raise AssertionError("the judge must not be called")


def test_no_judge_call_when_grounded_mode_already_abstains(settings):
    model = NeverCalledJudge(responses=["YES"], calls=[])
    ans = judged(settings, model).ask("今天北京天气怎么样？")
    assert ans.abstained and ans.guard is not None and ans.guard != "judge" and model.calls == []
    assert "did not run" not in (ans.notice or "")


def test_no_judge_verdict_is_reported_when_grounded_mode_already_abstains(settings):
    model = NeverCalledJudge(responses=["YES"], calls=[])
    ans = judged(settings, model).ask("今天北京天气怎么样？")
    assert ans.abstained and model.calls == []
    assert ans.judged_answerable is None  # Answer.judged_answerable: "the model judge's verdict, when it ran"


def test_a_failing_judge_leaves_the_answer_unchecked_and_says_so(settings, assistant):
    ans = judged(settings, Broken(responses=["YES"])).ask(QUESTION)
    assert not ans.abstained and ans.answer == assistant.ask(QUESTION).answer
    assert ans.judged_answerable is None and "did not run" in ans.notice and "went away" in ans.notice


def test_missing_judge_model_is_reported_not_raised(data_dir, tmp_path):
    s = Settings(
        data_dir=data_dir,
        judge=JudgeSettings(mode="local"),
        llm=LLMSettings(model_path=tmp_path / "no-such.gguf"),
    )
    ans = Assistant(s).ask(QUESTION)
    assert not ans.abstained and "30.5%" in ans.answer
    assert "did not run" in ans.notice and "no GGUF file" in ans.notice


def test_a_slow_judge_is_given_up_on(settings, assistant):
    class Slow(FakeListChatModel):
        def _call(self, *args, **kwargs):
            time.sleep(3)
            return "NO"

    a = judged(settings, AnswerabilityJudge(Slow(responses=["NO"]), timeout_s=0.5, name="slow"))
    t0 = time.perf_counter()
    ans = a.ask(QUESTION)
    assert time.perf_counter() - t0 < 2.5 and not ans.abstained and "longer than 0.5 s" in ans.notice


def test_a_reply_without_a_verdict_leaves_the_answer_unchecked(settings, assistant):
    ans = judged(settings, FakeListChatModel(responses=["I cannot tell"])).ask(QUESTION)
    assert not ans.abstained and ans.answer == assistant.ask(QUESTION).answer
    assert ans.judged_answerable is None and "neither YES nor NO" in ans.notice


PREMISED = "既然文中指出2021年中国在全球制造业增加值中的占比达到30.5%，那么2023年降到了多少？"


def _seeing(judge: AnswerabilityJudge, seen: list) -> AnswerabilityJudge:
    """`judge`, recording every prompt it sends."""
    for name in ("chain", "premise_chain"):
        prompt, *rest = getattr(judge, name).steps
        setattr(
            judge,
            name,
            RunnableSequence(prompt, RunnableLambda(lambda m: seen.append(m.to_string()) or m), *rest),
        )
    return judge


def test_a_premise_the_question_states_is_judged_first_against_the_sentences_closest_to_it(settings):
    seen = []
    ans = judged(
        settings, _seeing(AnswerabilityJudge(FakeListChatModel(responses=["YES", "YES"]), 5, "fake"), seen)
    ).ask(PREMISED)
    assert not ans.abstained and len(seen) == 2
    assert (
        "Statement: 2021年中国在全球制造业增加值中的占比达到30.5%" in seen[0] and "2021年的30.5%" in seen[0]
    )
    assert f"Question: {PREMISED}" in seen[1]


def test_a_premise_the_judge_finds_unsaid_turns_the_answer_into_an_abstention_without_asking_more(settings):
    seen = []
    ans = judged(
        settings, _seeing(AnswerabilityJudge(FakeListChatModel(responses=["NO"]), 5, "fake"), seen)
    ).ask(PREMISED)
    assert ans.abstained and ans.judged_answerable is False and not ans.citations and len(seen) == 1
    assert ans.guard == "judge" and "没有说“2021年中国在全球制造业增加值中的占比达到30.5%”" in ans.notice


def test_in_a_generated_mode_a_premise_the_judge_finds_unsaid_abstains_before_the_model_writes(settings):
    a = judged(settings, AnswerabilityJudge(FakeListChatModel(responses=["NO"]), 5, "fake"))
    a._generators["local"] = Generator(a, "local", NeverCalled(responses=["unused"]))
    ans = a.ask(PREMISED, mode="local")
    assert ans.abstained and ans.mode == "local" and ans.judged_answerable is False and not ans.citations
    assert ans.fallback_from is None and ans.raw_output is None  # no model output, no failed call
    assert ans.guard == "judge" and "没有说“2021年中国在全球制造业增加值中的占比达到30.5%”" in ans.notice


def test_in_a_generated_mode_a_premise_the_judge_finds_said_is_answered_by_the_model(settings):
    a = judged(settings, AnswerabilityJudge(FakeListChatModel(responses=["YES"]), 5, "fake"))
    a._generators["local"] = Generator(a, "local", FakeListChatModel(responses=["2023年降至28.8%[1]。"]))
    ans = a.ask(PREMISED, mode="local")
    assert not ans.abstained and "28.8%" in ans.answer and ans.notice is None


def test_in_a_generated_mode_a_failing_premise_check_is_said_and_the_model_still_answers(settings):
    seen = []
    a = judged(settings, _seeing(AnswerabilityJudge(Broken(responses=["YES"]), 5, "fake"), seen))
    a._generators["local"] = Generator(a, "local", FakeListChatModel(responses=["2023年降至28.8%[1]。"]))
    ans = a.ask(PREMISED, mode="local")
    assert (
        len(seen) == 1 and "Statement: 2021年中国在全球制造业增加值中的占比达到30.5%" in seen[0]
    )  # the premise
    assert not ans.abstained and ans.mode == "local" and ans.fallback_from is None and "28.8%" in ans.answer
    assert ans.judged_answerable is None and "check did not run" in ans.notice and "went away" in ans.notice
