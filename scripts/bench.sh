#!/usr/bin/env bash
# Benchmarks with budgets (figures and budgets: docs/BENCHMARKS.md).
# Today: the engine (criterion) and saving a wizard step with 10,000 seeded cases (SQLite).
# The loopback load harness over the whole product (issue 8) will be added here.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
cargo bench --features ssr --bench engine
cargo bench --features ssr --bench save_step
