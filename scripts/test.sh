#!/usr/bin/env bash
# Set up everything the tests need, then run ruff and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh st,eval,dev,llm
# the browser test drives Debian's Chromium (with a CJK font for readable screenshots)
if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null
fi
export GRADIO_ANALYTICS_ENABLED=False HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
.venv/bin/ruff check .
.venv/bin/python -m pytest "$@"
