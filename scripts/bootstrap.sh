#!/usr/bin/env bash
# Installs what a fresh machine lacks to build, serve and test HRDD. Idempotent: fast when all is present.
# Everything comes from package registries (rustup, crates.io, npm, Debian); nothing downloads a binary.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.8
say() { printf 'bootstrap: %s\n' "$*"; }
die() { printf 'bootstrap: FAILED: %s\n' "$*" >&2; exit 1; }

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

command -v cargo >/dev/null || die "cargo not found: install Rust (rustup) first"
command -v rustup >/dev/null || die "rustup not found: the wasm32 target is installed through rustup"
command -v npm >/dev/null || die "npm not found: install Node.js 20+ and npm (apt-get install nodejs npm)"

# 1. The WASM target for the browser bundle.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "installing the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown >/dev/null || die "rustup target add wasm32-unknown-unknown"
fi

# 2. cargo-leptos (builds server + WASM + CSS together). 0.3.8 is the newest that builds on this rustc.
if [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
  say "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 20 minutes on 2 cores, once)"
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked || die "cargo install cargo-leptos"
fi

# 3. wasm-bindgen-cli at exactly the version Cargo.lock pins (a mismatch breaks the bundle).
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
[ -n "$WB_VERSION" ] || die "cannot read the wasm-bindgen version from Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  say "installing wasm-bindgen-cli $WB_VERSION (about 4 minutes, once)"
  # Not --locked: its lockfile pins a webpki-roots release the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" || die "cargo install wasm-bindgen-cli $WB_VERSION"
fi

# 4. Tailwind CLI, wasm-opt (binaryen) and Playwright, pinned by package-lock.json.
STAMP=node_modules/.hrdd-lock-stamp
if [ ! -f "$STAMP" ] || ! cmp -s package-lock.json "$STAMP"; then
  say "installing npm devDependencies (tailwindcss, binaryen, @playwright/test, axe-core)"
  # `npm install` with the committed lockfile installs exactly the locked versions. (`npm ci` refuses
  # this lockfile: the registry here serves only the Linux builds of Tailwind's optional native parts.)
  npm install --no-audit --no-fund --loglevel=error || die "npm install (package-lock.json)"
  cp package-lock.json "$STAMP"
fi
for tool in tailwindcss wasm-opt playwright; do
  [ -x "node_modules/.bin/$tool" ] || die "node_modules/.bin/$tool missing after npm ci"
done

# 5. Debian's Chromium for the browser tests (Playwright's own browser download cannot work here).
if [ "${HRDD_SKIP_CHROMIUM:-}" != "1" ] && [ ! -x /usr/bin/chromium ]; then
  say "installing Debian's chromium for browser tests"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null; } \
    || die "apt-get install chromium (needed by the browser tests; set HRDD_SKIP_CHROMIUM=1 to skip)"
fi

# 6. aiosmtpd (PyPI): the SMTP server the e-mail tests deliver to (scripts/smtp_sink.py).
AIOSMTPD_VERSION=1.4.6
if [ "$(.tools/aiosmtpd/bin/python -c 'import importlib.metadata as m; print(m.version("aiosmtpd"))' 2>/dev/null)" != "$AIOSMTPD_VERSION" ]; then
  say "installing aiosmtpd $AIOSMTPD_VERSION from PyPI into .tools/aiosmtpd (the tests' SMTP server)"
  command -v python3 >/dev/null || die "python3 not found: install it (apt-get install python3 python3-venv)"
  rm -rf .tools/aiosmtpd
  python3 -m venv .tools/aiosmtpd || die "python3 -m venv (apt-get install python3-venv)"
  .tools/aiosmtpd/bin/pip install --quiet --disable-pip-version-check "aiosmtpd==$AIOSMTPD_VERSION" || die "pip install aiosmtpd"
fi

say "ready (cargo-leptos $CARGO_LEPTOS_VERSION, wasm-bindgen $WB_VERSION, $(node --version), chromium: $([ -x /usr/bin/chromium ] && echo yes || echo no))"
