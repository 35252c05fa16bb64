#!/usr/bin/env bash
# `npm run train`: generate data -> train -> export Q8_0 GGUF -> parity (node-llama-cpp) -> report.
#
# Settings (environment variables, defaults in brackets):
#   MINUTES [55]  training budget (or EPOCHS=N for a fixed number of epochs)
#   DIM [256] LAYERS [6] HEADS [8] FFN [704] VOCAB [2048] LR [2e-3] THREADS [2] (OpenBLAS threads)
#   DATA [work/data]  RUN [work/run]  GGUF [models/vehicle-v1/vehicle-v1.q8_0.gguf]
#   REPORT [models/vehicle-v1/training-report]  PARITY_LIMIT [1000]
#   STANDIN=1     use the small stand-in data set instead of the generator (pipeline smoke test)
#   SKIP_DATA=1   reuse DATA as it is;  SKIP_TRAIN=1  reuse RUN/checkpoint.pt (export, parity, report only)
# Extra arguments go to train.py, e.g. `npm run train -- --tied`.
set -euo pipefail
cd "$(dirname "$0")/../../.."
PY=/usr/bin/python3 # Debian's torch lives here, not in another python3 on PATH
P=models/vehicle-v1/pipeline
WORK=$P/work
DATA=${DATA:-$WORK/data}
RUN=${RUN:-$WORK/run}
GGUF=${GGUF:-models/vehicle-v1/vehicle-v1.q8_0.gguf}
REPORT=${REPORT:-models/vehicle-v1/training-report}
START=$(date +%s)
export OPENBLAS_NUM_THREADS=${THREADS:-2} # matmuls; torch's own ops run on 1 thread (measured faster)
mkdir -p "$RUN"

step() { printf '\n== %s (%s elapsed)\n' "$1" "$(date -u -d @$(($(date +%s) - START)) +%H:%M:%S)"; }

if [[ "${SKIP_TRAIN:-0}" != 1 ]]; then
  if [[ "${STANDIN:-0}" == 1 ]]; then
    step "stand-in data -> $DATA"
    $PY $P/tests/standin_data.py "$DATA" --n 1000
  elif [[ "${SKIP_DATA:-0}" != 1 ]]; then
    step "generate data -> $DATA"
    npx tsx $P/generate/generate.ts --out "$DATA" --seed 1
  fi
  step "train -> $RUN"
  if [[ -n "${EPOCHS:-}" ]]; then BUDGET=(--epochs "$EPOCHS"); else BUDGET=(--minutes "${MINUTES:-55}"); fi
  $PY $P/train.py --data "$DATA" --out "$RUN" "${BUDGET[@]}" \
    --dim "${DIM:-256}" --layers "${LAYERS:-6}" --heads "${HEADS:-8}" --ffn "${FFN:-704}" \
    --vocab-size "${VOCAB:-2048}" --lr "${LR:-2e-3}" "$@" 2>&1 | tee "$RUN/train.log"
fi

step "export GGUF -> $GGUF"
$PY $P/export.py --run "$RUN" --q8 "$GGUF" --f32 "$RUN/vehicle-v1.f32.gguf" --data "$DATA" \
  --parity-limit "${PARITY_LIMIT:-1000}"

# The runtime checks the file against this checksum at load (a corrupt copy is refused).
(cd "$(dirname "$GGUF")" && sha256sum "$(basename "$GGUF")" > "$(basename "$GGUF").sha256")

step "parity: node-llama-cpp vs PyTorch"
npx tsx scripts/parity.ts --gguf "$GGUF" --cases "$RUN/parity-cases.jsonl" --field torch_q8 \
  --probes "$RUN/tokenize-probes.jsonl" --out "$RUN/parity-q8.json" --require-tokens 1
npx tsx scripts/parity.ts --gguf "$RUN/vehicle-v1.f32.gguf" --cases "$RUN/parity-cases.jsonl" --field torch_f32 \
  --out "$RUN/parity-f32.json" --require-tokens 1

step "report -> $REPORT.{json,md}"
THROUGHPUT=()
if [[ -f "$WORK/throughput.json" ]]; then THROUGHPUT=(--throughput "$WORK/throughput.json"); fi
$PY $P/report.py --run "$RUN" --out "$REPORT" "${THROUGHPUT[@]}" --wall-seconds $(($(date +%s) - START))

step "done: $GGUF ($(stat -c %s "$GGUF") bytes)"
