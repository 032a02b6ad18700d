#!/usr/bin/env bash
# OpenAPI conformance of the read API (run by `make test` after the release build): schemathesis,
# from PyPI into the project's tool folder (.tools/), fuzzes every documented operation of
# /api/v1/openapi.json against the release server with a real token, for a bounded time. Any 5xx,
# undocumented status, wrong content type or body that does not match the document fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

SCHEMATHESIS_VERSION=4.32.5
VENV=.tools/schemathesis
PORT=${HRDD_SCHEMATHESIS_PORT:-3180}
WORK=target/schemathesis
say() { printf 'schemathesis: %s\n' "$*"; }

if [ "$("$VENV/bin/schemathesis" --version 2>/dev/null | awk '{print $NF}')" != "$SCHEMATHESIS_VERSION" ]; then
  say "installing schemathesis $SCHEMATHESIS_VERSION from PyPI into $VENV (once)"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

rm -rf "$WORK" && mkdir -p "$WORK"
export DATABASE_URL="sqlite://$PWD/$WORK/hrdd.sqlite" HRDD_AUDIT_DIR="$PWD/$WORK/audit" RUST_LOG=warn
./target/release/hrdd seed --cases 60 --seed 7 >/dev/null
TOKEN=$(./target/release/hrdd token create --email manager@demo.hrdd --name schemathesis 2>/dev/null)
LEPTOS_SITE_ADDR="127.0.0.1:$PORT" ./target/release/hrdd serve >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break
  sleep 0.2
done

say "fuzzing http://127.0.0.1:$PORT/api/v1 (at most ${HRDD_SCHEMATHESIS_SECONDS:-120} s)"
# The token's owner may read every country, so valid requests must succeed (positive data
# acceptance); invalid ones must be refused with a documented 4xx (negative data rejection).
SCHEMATHESIS_HOOKS=scripts/schemathesis_hooks.py "$VENV/bin/schemathesis" run "http://127.0.0.1:$PORT/api/v1/openapi.json" \
  --header "Authorization: Bearer $TOKEN" \
  --checks all \
  --max-examples "${HRDD_SCHEMATHESIS_EXAMPLES:-40}" \
  --max-time "${HRDD_SCHEMATHESIS_SECONDS:-120}" \
  --seed 2026 \
  --workers 2 \
  --report junit --report-dir "$WORK/report"
say "no failures"
