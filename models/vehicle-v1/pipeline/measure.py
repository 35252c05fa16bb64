"""Measure training throughput (tokens/s) of several model sizes on this machine.

  /usr/bin/python3 models/vehicle-v1/pipeline/measure.py --data work/data --seconds 60 \
      --out work/throughput.json

Each size trains on real batches of the data for --seconds (after a few warm-up steps) with the same
optimizer as train.py. Sizes are NAME=DIM,LAYERS,HEADS,FFN (default: ~2M, ~6M, ~12M parameters).
The machine's load average is recorded: other processes on the 2 cores lower the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time

# Matmuls on OpenBLAS's own threads, element-wise ops on one torch thread: measured fastest here
# (2 OpenMP threads spin against OpenBLAS's and against other jobs on the 2 cores). Set before torch loads.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "2")

import torch  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from data import make_batches  # noqa: E402
from export import build_gguf  # noqa: E402
from registry import load_registry  # noqa: E402
from train import build, make_model, make_optimizer, seed_everything, train_step  # noqa: E402

DEFAULT_SIZES = ["s2m=192,4,6,512", "m6m=256,6,8,704", "l12m=384,6,6,1024"]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--sizes", nargs="*", default=DEFAULT_SIZES)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument(
        "--threads", type=int, default=1, help="torch threads for element-wise ops (BLAS: OPENBLAS_NUM_THREADS, default 2)"
    )
    ap.add_argument("--vocab-size", type=int, default=2048)
    ap.add_argument("--batch-tokens", type=int, default=4096)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--max-train-rows", type=int, default=20000)
    ap.add_argument("--gguf-dir", default=None, help="also write each size's (untrained) Q8_0 GGUF here, for latency")
    a = ap.parse_args(argv)
    torch.set_num_threads(a.threads)
    build_args = argparse.Namespace(data=a.data, max_train_rows=a.max_train_rows, vocab_size=a.vocab_size)
    _, tok, train, _ = build(build_args)
    results = []
    for spec in a.sizes:
        name, dims = spec.split("=")
        dim, layers, heads, ffn = (int(x) for x in dims.split(","))
        seed_everything(1)
        margs = argparse.Namespace(dim=dim, layers=layers, heads=heads, ffn=ffn, tied=False, lr=a.lr, weight_decay=0.1)
        model = make_model(margs, len(tok))
        opt = make_optimizer(model, margs)
        model.train()
        batches = make_batches(train, a.batch_tokens, random.Random(0))
        for b in batches[:3]:  # warm-up (allocator, threads)
            train_step(model, opt, b, tok.unk_id)
        load0 = os.getloadavg()[0]
        t0 = time.time()
        tokens = steps = 0
        i = 3
        while time.time() - t0 < a.seconds:
            _, real = train_step(model, opt, batches[i % len(batches)], tok.unk_id)
            tokens += real
            steps += 1
            i += 1
        dt = time.time() - t0
        if a.gguf_dir:
            os.makedirs(a.gguf_dir, exist_ok=True)
            build_gguf(model, tok, load_registry(), quantize=True).write(os.path.join(a.gguf_dir, f"{name}.q8_0.gguf"))
        params = model.num_params()
        two_d = sum(p.numel() for p in model.parameters() if p.dim() == 2)
        q8_bytes = two_d * 34 / 32 + (params - two_d) * 4
        r = {
            "name": name,
            "dim": dim,
            "layers": layers,
            "heads": heads,
            "ffn": ffn,
            "vocab": len(tok),
            "params": params,
            "q8_mb_est": q8_bytes / 1e6,
            "steps": steps,
            "tokens_per_second": tokens / dt,
            "loadavg_1m": [round(load0, 2), round(os.getloadavg()[0], 2)],
        }
        results.append(r)
        print(json.dumps(r), flush=True)
    avg_len = sum(e.length - 1 for e in train) / len(train)
    out = {
        "threads": a.threads,
        "blas_threads": os.environ.get("OPENBLAS_NUM_THREADS"),
        "batch_tokens": a.batch_tokens,
        "avg_tokens_per_row": round(avg_len, 2),
        "results": results,
        "note": (
            f"Measured with {os.environ.get('OPENBLAS_NUM_THREADS')} BLAS threads + {a.threads} torch thread(s) for {a.seconds:.0f} s per size on real batches "
            f"({avg_len:.1f} tokens per row); load average shown per size (2 cores shared with other jobs)."
        ),
    }
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1)
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
