#!/usr/bin/env bash
# The whole test suite: formatting and lints, Rust tests (engine, CLI, HTTP on SQLite and, when it
# answers, PostgreSQL), then the release build and, against it, the browser tests, the crash test and
# the read API's OpenAPI conformance (schemathesis).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
bash scripts/bootstrap.sh

if [ -z "${HRDD_TEST_POSTGRES_URL:-}" ] && (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
  export HRDD_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:5432/test"
fi
echo "test: PostgreSQL tests: ${HRDD_TEST_POSTGRES_URL:-not configured (SQLite only)}"

echo "test: cargo fmt --check"
cargo fmt --check
echo "test: cargo clippy (ssr, hydrate)"
cargo clippy --quiet --features ssr --all-targets -- -D warnings
cargo clippy --quiet --lib --no-default-features --features hydrate --target wasm32-unknown-unknown -- -D warnings

echo "test: Rust test suite"
cargo test --release --features ssr

echo "test: release build (server, WASM, CSS)"
cargo leptos build --release --precompress

echo "test: browser tests (Playwright, Debian chromium)"
npx playwright test -c end2end/playwright.config.ts

echo "test: crash test (kill -9 during saves and sign-offs, SQLite and PostgreSQL)"
node scripts/crash-test.mjs

echo "test: OpenAPI conformance of the read API (schemathesis)"
bash scripts/schemathesis.sh
