#!/usr/bin/env bash
# scripts/bench.sh — the speed and size benchmark: builds dist/, then measures the app against the
# static reference page in throttled Chromium and prints a table with ratios and budgets.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$REPO_ROOT"

timed ensure_rust_target ensure_rust_target
timed ensure_npm_packages ensure_npm_packages
timed ensure_chromium ensure_chromium
cargo xtask build
node tests/bench/bench.mjs dist
