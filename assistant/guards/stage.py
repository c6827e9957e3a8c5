"""The guard stage: the guards of `settings.guards.enabled`, run once per question, in order.

The first guard that abstains decides; the answer reports its name and notice. `check_all` runs
every guard on the same question, for measuring what each one would refuse (see
`assistant.evaluation.guards`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from assistant.guards.amount import AmountGuard
from assistant.guards.base import Guard, GuardContext, Verdict
from assistant.guards.coverage import CoverageGuard
from assistant.guards.figures import FiguresGuard
from assistant.guards.judge import JudgeGuard
from assistant.guards.names import NamesGuard
from assistant.guards.premise import PremiseGuard
from assistant.guards.quoted import QuotedGuard
from assistant.guards.request import RequestGuard
from assistant.guards.similarity import SimilarityGuard
from assistant.question.analysis import Question
from assistant.retrieval.results import Retrieval

GUARDS: dict[str, type[Guard]] = {
    g.name: g
    for g in (
        RequestGuard,
        SimilarityGuard,
        CoverageGuard,
        FiguresGuard,
        QuotedGuard,
        NamesGuard,
        PremiseGuard,
        AmountGuard,
        JudgeGuard,
    )
}


@dataclass
class GuardReport:
    decided: Verdict | None  # the first abstention, or None: answer
    verdicts: list[Verdict] = field(default_factory=list)  # every verdict given, in order
    ms: float = 0.0

    @property
    def abstain(self) -> bool:
        return self.decided is not None

    @property
    def notices(self) -> list[str]:
        """Notices of guards that let the answer through (a judge that could not run)."""
        return [v.notice for v in self.verdicts if not v.abstain and v.notice]


class GuardStage:
    def __init__(self, context: GuardContext, names: list[str] | None = None):
        names = names if names is not None else context.settings.guards.enabled
        unknown = [n for n in names if n not in GUARDS]
        if unknown:
            raise ValueError(f"unknown guard(s) {', '.join(unknown)}; choose from {', '.join(GUARDS)}")
        self.guards = [GUARDS[n](context) for n in names]

    def run(self, question: Question, retrieval: Retrieval) -> GuardReport:
        t0 = time.perf_counter()
        report = GuardReport(None)
        for guard in self.guards:
            verdict = guard.check(question, retrieval)
            report.verdicts.append(verdict)
            if verdict.abstain:
                report.decided = verdict
                break
        report.ms = round((time.perf_counter() - t0) * 1000, 2)
        return report

    def check_all(self, question: Question, retrieval: Retrieval) -> list[Verdict]:
        return [g.check(question, retrieval) for g in self.guards]
