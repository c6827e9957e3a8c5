#!/usr/bin/env bash
# Set up the app, build the index if it is missing or stale, and start the web chat.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh serve
export GRADIO_ANALYTICS_ENABLED=False HF_HUB_OFFLINE=1
.venv/bin/assistant ingest
exec .venv/bin/assistant serve "$@"
