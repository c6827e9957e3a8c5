"""Retrieval too weak to answer from: no passage's embedding comes near the question's."""

from assistant.guards.base import Guard, Verdict, passed, structural
from assistant.question.analysis import Question
from assistant.retrieval.results import Retrieval


class SimilarityGuard(Guard):
    name = "similarity"

    def check(self, question: Question, retrieval: Retrieval) -> Verdict:
        floor = self.context.settings.guards.min_score
        if retrieval.named or retrieval.best_dense >= floor or structural(question, retrieval):
            return passed(self.name)
        if question.condensed is not None:  # a follow-up made whole from an answered turn is about the text
            return passed(self.name)
        return self.abstain(
            "weak-retrieval", "检索到的段落与问题都不相近。", "No passage is close to the question.", question
        )
