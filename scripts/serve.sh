#!/usr/bin/env bash
# scripts/serve.sh — README command 1: set up, then build dist/ and serve it on loopback (cargo xtask serve).
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$REPO_ROOT"

timed ensure_rust_target ensure_rust_target
timed ensure_npm_packages ensure_npm_packages
exec cargo xtask serve "$@"
