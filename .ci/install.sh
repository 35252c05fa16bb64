#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian 12 machine (run as root):
# Debian packages for the real test peers, then the npm dependencies from the lockfile.
# Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

# Debian packages the tests use as real peers; python3-torch + OpenBLAS for the model
# pipeline's own unit tests (GGUF writer, tokenizer, model: test/pipeline).
apt_packages=(python3 python3-numpy python3-torch libopenblas0-pthread)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Per-area installers (CAN: User-Mode-Linux kernel, can-utils, python-can, canmatrix; socketcan build).
for extra in .ci/install-*.sh; do
  [ -f "$extra" ] && bash "$extra"
done

# `npm install`, not `npm ci`: this registry has no node-llama-cpp packages for other
# platforms (mac, win, riscv), so the lockfile cannot list them and `npm ci` refuses it.
npm install --no-audit --no-fund
