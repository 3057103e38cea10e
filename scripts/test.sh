#!/usr/bin/env bash
# scripts/test.sh — README command 2: set up, then fmt, clippy, cargo test, build, browser tests (Chromium, then Firefox and WebKit, then the WordPress plugin); ends with "N passed, N failed".
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$REPO_ROOT"

PASSED=0
FAILED=0
SUMMARY=()
T_START=$SECONDS
LOG_DIR="$(mktemp -d)"
trap 'rm -rf "$LOG_DIR"' EXIT

# record NAME PASSED FAILED SECONDS: adds to the totals and the summary table.
record() {
  PASSED=$((PASSED + $2))
  FAILED=$((FAILED + $3))
  SUMMARY+=("$(printf '%-16s %4d passed %4d failed %5ss' "$1" "$2" "$3" "$4")")
}

# run NAME CMD...: prints a header, tees CMD's output to the terminal and $LOG_DIR/NAME.log, sets RC and SECS.
run() {
  local name=$1 t0=$SECONDS
  shift
  printf '\n=== %s: %s\n' "$name" "$*"
  RC=0
  "$@" 2>&1 | tee "$LOG_DIR/$name.log" || RC=$?
  SECS=$((SECONDS - t0))
  printf '=== %s: exit %d in %ss\n' "$name" "$RC" "$SECS"
}

# check NAME CMD...: a stage that counts as one check, passed iff CMD exits 0.
check() {
  run "$@"
  if [ "$RC" -eq 0 ]; then record "$1" 1 0 "$SECS"; else record "$1" 0 1 "$SECS"; fi
}

# node_tests NAME CMD...: a node:test stage counted from its TAP summary (a crash with no failure
# counted is one failure); skipped, as one failure, when the build failed.
node_tests() {
  local name=$1
  if [ "$BUILD_RC" -ne 0 ]; then
    echo "=== $name: skipped because the build failed (counted as 1 failed)"
    record "$name" 0 1 0
    return
  fi
  run "$@"
  local p f
  p="$(sum_matches "$LOG_DIR/$name.log" '^# pass [0-9]+')"
  f="$(sum_matches "$LOG_DIR/$name.log" '^# (fail|cancelled) [0-9]+')"
  if [ "$RC" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  record "$name" "$p" "$f" "$SECS"
}

# sum_matches FILE REGEX: sums the last number of every match of REGEX (extended) in FILE; 0 if none.
sum_matches() {
  { grep -Eo "$2" "$1" || true; } | sed -E 's/.*[^0-9]([0-9]+)[^0-9]*$/\1/' | awk '{ s += $1 } END { print s + 0 }'
}

# --- setup: a failure counts as one failed check, and later stages still run -----------------------
echo "=== setup"
t0=$SECONDS
for step in ensure_rust_target ensure_npm_packages ensure_chromium ensure_other_engines ensure_wordpress; do
  if ! timed "$step" "$step"; then
    echo "[setup] $step FAILED"
    record "$step" 0 1 "$((SECONDS - t0))"
  fi
done

# --- content: every problem in content/, the counts, and the reading-grade distribution ---------------
check content-lint cargo xtask lint

# The report decoder's test sets (synthetic reports and their expected readings) stay valid, and the
# decoder never shows a stage range that leaves out a stage the words allow, on either set (its
# precision and recall are printed, not gated).
check report-set python3 tests/report/check.py
check report-held-out-set python3 tests/report/check.py --held-out
check report-decoder cargo run -q -p avn-kb --features load --bin report-bench
check report-decoder-held-out cargo run -q -p avn-kb --features load --bin report-bench -- --set tests/report/held-out.toml

# --- a. formatting -----------------------------------------------------------------------------------
check fmt cargo fmt --all -- --check

# --- b. lints (host, all targets; and the app for wasm32) ---------------------------------------------
check clippy cargo clippy --workspace --all-targets -- -D warnings
check clippy-wasm32 cargo clippy -p avn-aid --target wasm32-unknown-unknown -- -D warnings

# --- c. unit and integration tests: sum every "test result:" line -------------------------------------
run cargo-test cargo test --workspace
p="$(sum_matches "$LOG_DIR/cargo-test.log" 'test result: [A-Za-z]+\. [0-9]+ passed')"
f="$(sum_matches "$LOG_DIR/cargo-test.log" 'test result: [A-Za-z]+\. [0-9]+ passed; [0-9]+ failed')"
if [ "$RC" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi # e.g. a compile error: no test lines at all
record cargo-test "$p" "$f" "$SECS"

# --- d. build dist/ ------------------------------------------------------------------------------------
check build cargo xtask build
BUILD_RC=$RC
# Where the wasm's bytes go, so growth is visible per change (printed, never fails the run).
if [ "$BUILD_RC" -eq 0 ]; then run size-report cargo xtask size-report || true; fi
# A variant with a button that panics, only for the browser test of the failure message.
check build-test-panic cargo xtask build-test-panic
if [ "$RC" -ne 0 ]; then BUILD_RC=$RC; fi

# --- e. browser tests against dist/ (needs the build) --------------------------------------------------
# An explicit file list: works the same on Node 20 (directory search) and Node 22+ (glob patterns).
mapfile -t E2E_FILES < <(find tests/e2e -name '*.test.mjs' -not -path '*/node_modules/*' | sort)
export DIST_DIR="$REPO_ROOT/dist"
export DIST_TEST_PANIC_DIR="$REPO_ROOT/target/dist-test-panic"
node_tests e2e node --test --test-timeout=180000 --test-reporter=tap "${E2E_FILES[@]}"

# --- f. the same app in Firefox and WebKit (MiniBrowser needs a display: a virtual one) -------------
node_tests engines xvfb-run -a node --test --test-timeout=180000 --test-reporter=tap tests/engines/engines.test.mjs

# --- g. the WordPress plugin in a real WordPress (its own MariaDB and Apache; see tests/wordpress/) ---
node_tests wordpress node --test --test-timeout=180000 --test-reporter=tap tests/wordpress/wordpress.test.mjs

# --- summary -------------------------------------------------------------------------------------------
printf '\n=== summary (total %ss)\n' "$((SECONDS - T_START))"
printf '%s\n' "${SUMMARY[@]}"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
