"""The CI gates: the sets marked `ci` in evals/sets.json meet their thresholds in grounded mode."""

import pytest

from assistant.evaluation.command import settings_for
from assistant.evaluation.runner import check_gate, run_eval
from assistant.evaluation.sets import load_set, manifest
from assistant.pipeline import Assistant
from assistant.settings import REPO_ROOT

GATED = sorted(name for name, info in manifest().items() if info.ci)


@pytest.mark.parametrize("name", GATED)
def test_the_gated_set_meets_its_thresholds(name, settings):
    info = manifest()[name]
    assert info.gate, f"{name} is gated without thresholds"
    assistant = Assistant.ready(settings_for(info, settings)) if info.documents else Assistant(settings)
    result = run_eval(assistant, load_set(REPO_ROOT / info.file), document=info.document)
    assert check_gate(result["overall"], info.gate) == []
