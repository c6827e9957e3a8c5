"""The package tree is the stage list: no stage imports a later one, modules and functions stay small."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "assistant"
STAGES = [
    "corpus",
    "translation",
    "index",
    "question",
    "retrieval",
    "guards",
    "answer",
    "generation",
    "pipeline",
    "serving",
    "evaluation",
]
SHARED = {"settings", "text", "figures", "llm"}  # language-level helpers and infrastructure any stage may use
TOP = {"cli", "__main__", "__init__"}  # the command line puts everything together
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py"))


def part_of(module: str) -> str:
    return module.split(".")[1] if module.count(".") else module


def imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("assistant"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("assistant")}
    return found


def test_no_stage_imports_a_later_stage():
    wrong = []
    for path in modules():
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        own = rel.parts[1] if len(rel.parts) > 2 else rel.parts[-1]
        if own in TOP or own in SHARED and own != "llm":
            continue
        for module in imported(path):
            other = part_of(module)
            if own == "llm":
                ok = other in SHARED
            elif other in SHARED:
                ok = True
            else:
                ok = other in STAGES and STAGES.index(other) <= STAGES.index(own)
            if not ok:
                wrong.append(f"{rel} imports {module}")
    assert not wrong, "\n".join(wrong)


def test_shared_modules_import_no_stage():
    for name in ("settings", "text", "figures"):
        assert not {m for m in imported(PACKAGE / f"{name}.py") if part_of(m) in STAGES}, name


def test_the_package_tree_is_the_stage_list():
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert set(STAGES) - {"pipeline"} <= packages and (PACKAGE / "pipeline.py").is_file()
    assert packages - set(STAGES) <= {"llm"}


def test_modules_and_functions_are_small():
    big, long = [], []
    for path in modules():
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > MAX_MODULE_LINES:
            big.append(f"{path.relative_to(PACKAGE)}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                n = node.end_lineno - node.lineno + 1
                if n > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}: {n} lines")
    assert not big and not long, "\n".join(big + long)


def test_tests_mirror_the_package():
    tests = Path(__file__).resolve().parent
    for stage in STAGES:
        assert (tests / stage).is_dir() or (tests / f"test_{stage}.py").is_file(), (
            f"tests/{stage}/ is missing"
        )
