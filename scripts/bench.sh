#!/usr/bin/env bash
# Benchmarks with budgets; figures and budgets: docs/BENCHMARKS.md.
#   make bench                  everything below (about an hour on 2 cores from a clean clone)
#   bash scripts/bench.sh load  only the loopback load and size harness (issue 8)
#   bash scripts/bench.sh micro only the in-process benches (engine, save a step, portfolio,
#                               a reference-data change with 10,000 triggers, e-mail)
# The load harness builds the release server, seeds SQLite and PostgreSQL databases with 10,000 and
# 100,000 cases, drives each endpoint with wrk (Debian package) at 1, 8 and 32 clients and writes its
# report into docs/BENCHMARKS.md. PostgreSQL: HRDD_BENCH_POSTGRES_URL (default the local server).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
what="${1:-all}"
HRDD_SKIP_CHROMIUM=1 bash scripts/bootstrap.sh
export HRDD_BENCH_POSTGRES_URL="${HRDD_BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"

if [ "$what" = all ] || [ "$what" = micro ]; then
  cargo bench --features ssr --bench engine
  cargo bench --features ssr --bench save_step
  # The portfolio with 100,000 cases, on SQLite and (when reachable) PostgreSQL.
  cargo bench --features ssr --bench portfolio
  # A reference-data change that records 10,000 trigger events (issue 20).
  cargo bench --features ssr --bench reference
  # E-mail: what queueing mail adds to a workflow action; 10,000 messages to a local SMTP server (issue 21).
  cargo bench --features ssr --bench mail
fi

if [ "$what" = all ] || [ "$what" = load ]; then
  for tool in wrk psql; do
    if ! command -v "$tool" >/dev/null; then
      package=$([ "$tool" = wrk ] && echo wrk || echo postgresql-client)
      echo "bench: installing Debian's $package (the load generator and the PostgreSQL client)"
      SUDO=""
      [ "$(id -u)" = 0 ] || SUDO="sudo"
      $SUDO apt-get install -y -qq "$package" >/dev/null || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "$package" >/dev/null; }
    fi
  done
  cargo leptos build --release --precompress
  node scripts/load/harness.mjs
fi
