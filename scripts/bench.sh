#!/usr/bin/env bash
# Benchmarks with budgets (figures and budgets: docs/BENCHMARKS.md).
# Today: the engine (criterion), saving a wizard step with 10,000 seeded cases (SQLite) and the
# portfolio with 100,000 cases (SQLite and PostgreSQL).
# The loopback load harness over the whole product (issue 8) will be added here.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
cargo bench --features ssr --bench engine
cargo bench --features ssr --bench save_step
# The portfolio with 100,000 cases, on SQLite and (when reachable) PostgreSQL.
HRDD_BENCH_POSTGRES_URL="${HRDD_BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}" cargo bench --features ssr --bench portfolio
