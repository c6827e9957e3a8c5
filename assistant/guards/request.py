"""An order to the system or a chit-chat task is not a question about the corpus; nor is one that
found nothing to read."""

from assistant.guards.base import Guard, Verdict, passed
from assistant.question.analysis import Question
from assistant.retrieval.results import Retrieval


class RequestGuard(Guard):
    name = "request"

    def check(self, question: Question, retrieval: Retrieval) -> Verdict:
        if question.orders:
            return self.abstain(
                "not-a-question",
                "这不是关于论文的问题，无法从论文中回答。",
                "This is not a question the paper can answer.",
                question,
            )
        if not retrieval.hits:
            return self.abstain(
                "nothing-found", "没有检索到任何段落。", "Nothing was found to answer from.", question
            )
        return passed(self.name)
