#!/usr/bin/env bash
# Regenerates the data the shipped model (models/vehicle-v1/vehicle-v1.q8_0.gguf) was trained
# and evaluated on: the generator as it was at commit a88e9a9 (fourth round), seed 1. The
# generator has changed since, so `npm run train` at HEAD makes other data; this script is
# how the shipped model's training set and the held-out split of the eval report are made
# again. It checks the output against the hashes of the data that was used.
#
#   bash scripts/shipped-data.sh [OUT]      # OUT defaults to models/vehicle-v1/pipeline/work/data
#
# Then: `SKIP_DATA=1 MINUTES=55 THREADS=1 npm run train -- --seed 2` (the model card's command)
# or `node dist/src/cli/main.js eval` (reads work/data). Needs git history (a full clone) and
# `npm install` in this checkout: the old generator runs with this checkout's node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."
COMMIT=a88e9a9fb031a5050cf367554b5bc2157646da58
OUT=$(realpath -m "${1:-models/vehicle-v1/pipeline/work/data}")
TRAIN_SHA256=5159e8eabd79614f41fb9070f2338d0ac379f59fa0fbab1c3908939e1201e4cb
HELDOUT_SHA256=2bed25f59dcab3d86e1ea27fd217f9574447c6f9e731abd89d1b2a8ddc284e03

git cat-file -e "$COMMIT^{commit}" 2>/dev/null || {
  echo "shipped-data: commit $COMMIT is not in this clone (a shallow clone? run: git fetch --unshallow)" >&2
  exit 1
}
[[ -d node_modules ]] || { echo "shipped-data: run npm install first" >&2; exit 1; }

TREE=$(mktemp -d)
cleanup() { git worktree remove --force "$TREE" >/dev/null 2>&1 || true; rm -rf "$TREE"; }
trap cleanup EXIT
git worktree add --detach --quiet "$TREE" "$COMMIT"
ln -s "$PWD/node_modules" "$TREE/node_modules"
mkdir -p "$OUT"
(cd "$TREE" && npx tsx models/vehicle-v1/pipeline/generate/generate.ts --out "$OUT" --seed 1)

check() {
  local got
  got=$(sha256sum "$OUT/$1" | cut -d' ' -f1)
  if [[ "$got" != "$2" ]]; then
    echo "shipped-data: $OUT/$1 differs from the shipped model's data (sha256 $got, expected $2)" >&2
    exit 1
  fi
}
check train.jsonl "$TRAIN_SHA256"
check heldout.jsonl "$HELDOUT_SHA256"
echo "shipped-data: $OUT holds the shipped model's data (train and held-out match their sha256)"
