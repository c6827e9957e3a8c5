#!/usr/bin/env bash
# Set up everything the tests need, then run ruff and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh st,eval,dev
export GRADIO_ANALYTICS_ENABLED=False HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
.venv/bin/ruff check .
.venv/bin/python -m pytest "$@"
