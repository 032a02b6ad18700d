#!/usr/bin/env bash
# Sets up, builds the release server and serves it on http://127.0.0.1:3000 (SQLite under data/).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
HRDD_SKIP_CHROMIUM=1 bash scripts/bootstrap.sh
cargo leptos build --release --precompress
echo "run: serving on http://${LEPTOS_SITE_ADDR:-127.0.0.1:3000} (Ctrl-C stops)"
exec ./target/release/hrdd serve
