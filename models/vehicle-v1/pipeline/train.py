"""Train the vehicle model end to end: data -> tokenizer -> llama model -> checkpoint + report.

  /usr/bin/python3 models/vehicle-v1/pipeline/train.py --data work/data --out work/run \
      --dim 256 --layers 6 --heads 8 --ffn 704 --minutes 55

Seeded (Python, NumPy, torch); with --minutes the learning-rate schedule follows elapsed time, so a
busy machine shortens training instead of overrunning the budget (reproducible with --epochs).
Prints progress with loss and ETA; evaluates greedy exact match on a held-out sample while training
and on the whole held-out split at the end; writes OUT/checkpoint.pt, OUT/tokenizer.json and
OUT/train-report.json.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import time

# Matmuls on OpenBLAS's own threads, element-wise ops on one torch thread: measured fastest here
# (2 OpenMP threads spin against OpenBLAS's and against other jobs on the 2 cores). Set before torch loads.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "2")

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from data import (  # noqa: E402
    IGNORE,
    collate,
    encode_rows,
    make_batches,
    read_jsonl,
    tokenizer_corpus,
    unknown_word_copies,
)
from ema import WeightAverage  # noqa: E402
from evaluate import evaluate  # noqa: E402
from model import LlamaModel, ModelConfig  # noqa: E402
from registry import load_registry  # noqa: E402
from synonyms import DEFAULT_WORDNET, WordNet, synonym_copies  # noqa: E402
from tokenizer import Tokenizer, train_tokenizer  # noqa: E402


def parse_args(argv=None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="directory with train.jsonl and heldout.jsonl")
    ap.add_argument("--out", required=True, help="output directory (checkpoint, tokenizer, report)")
    ap.add_argument("--vocab-size", type=int, default=2048)
    ap.add_argument("--dim", type=int, default=256)
    ap.add_argument("--layers", type=int, default=6)
    ap.add_argument("--heads", type=int, default=8)
    ap.add_argument("--ffn", type=int, default=704)
    ap.add_argument("--tied", action="store_true", help="tie the output head to the embedding")
    ap.add_argument("--epochs", type=float, default=None, help="train this many epochs (deterministic)")
    ap.add_argument("--minutes", type=float, default=None, help="train for this wall-clock budget")
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--dropout", type=float, default=0.0, help="residual dropout while training (0 = off)")
    ap.add_argument(
        "--ema-decay",
        type=float,
        default=0.0,
        help="keep an exponential moving average of the weights and ship it (ema.py; 0 = off)",
    )
    ap.add_argument("--min-lr-ratio", type=float, default=0.05)
    ap.add_argument("--warmup-steps", type=int, default=200)
    ap.add_argument("--weight-decay", type=float, default=0.1)
    ap.add_argument("--batch-tokens", type=int, default=4096, help="approx. tokens per batch")
    ap.add_argument(
        "--threads", type=int, default=1, help="torch threads for element-wise ops (BLAS: OPENBLAS_NUM_THREADS, default 2)"
    )
    ap.add_argument(
        "--unknown-word-rate",
        type=float,
        default=0.0,
        help="add copies of this share of the rows with one generic word made up (data.py)",
    )
    ap.add_argument(
        "--synonym-rate",
        type=float,
        default=0.0,
        help="add copies of this share of the rows with one verb swapped for a WordNet synonym (synonyms.py)",
    )
    ap.add_argument("--synonym-senses", type=int, default=2, help="WordNet senses of a verb that synonyms come from")
    ap.add_argument(
        "--synonym-single-only", action="store_true", help="synonym copies of rows answered by one call only"
    )
    ap.add_argument("--wordnet", default=DEFAULT_WORDNET, help="WordNet database directory (Debian: wordnet-base)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--eval-every-min", type=float, default=10.0)
    ap.add_argument("--eval-sample", type=int, default=400)
    ap.add_argument("--final-eval-limit", type=int, default=None, help="held-out rows for the final eval")
    ap.add_argument("--max-train-rows", type=int, default=None)
    ap.add_argument("--log-every-s", type=float, default=20.0)
    a = ap.parse_args(argv)
    if (a.epochs is None) == (a.minutes is None):
        ap.error("give exactly one of --epochs or --minutes")
    return a


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def fmt_time(s: float) -> str:
    s = int(max(0, s))
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def lr_at(progress: float, step: int, a: argparse.Namespace) -> float:
    if step < a.warmup_steps:
        return a.lr * (step + 1) / a.warmup_steps
    p = min(1.0, max(0.0, progress))
    return a.lr * (a.min_lr_ratio + (1 - a.min_lr_ratio) * 0.5 * (1 + math.cos(math.pi * p)))


def build(a: argparse.Namespace):
    """Reads the data and builds the tokenizer and encoded examples."""
    reg = load_registry()
    train_rows = read_jsonl(os.path.join(a.data, "train.jsonl"), a.max_train_rows)
    held_rows = read_jsonl(os.path.join(a.data, "heldout.jsonl"))
    tok = train_tokenizer(
        tokenizer_corpus(train_rows),
        list(reg.function_tokens) + [reg.end_token],
        reg.prompt_prefix,
        reg.prompt_suffix,
        vocab_size=a.vocab_size,
    )
    # The tokenizer learns from the real rows only: a made-up word splits into pieces the way
    # an unseen word does at run time.
    extra = unknown_word_copies(train_rows, a.unknown_word_rate, a.seed) if a.unknown_word_rate > 0 else []
    if extra:
        print(f"unknown-word copies: {len(extra)} (rate {a.unknown_word_rate})", flush=True)
    if a.synonym_rate > 0:
        synonyms = synonym_copies(
            train_rows, a.synonym_rate, a.seed, WordNet(a.wordnet), a.synonym_senses, a.synonym_single_only
        )
        only = ", single-call rows only" if a.synonym_single_only else ""
        print(f"synonym copies: {len(synonyms)} (rate {a.synonym_rate}, {a.synonym_senses} senses{only})", flush=True)
        extra += synonyms
    train = encode_rows(train_rows + extra, tok, reg)
    held = encode_rows(held_rows, tok, reg)
    return reg, tok, train, held


def make_model(a: argparse.Namespace, vocab_size: int) -> LlamaModel:
    cfg = ModelConfig(
        vocab_size=vocab_size,
        dim=a.dim,
        n_layers=a.layers,
        n_heads=a.heads,
        ffn_dim=a.ffn,
        tied=a.tied,
        dropout=a.dropout,
    )
    return LlamaModel(cfg)


def make_optimizer(model: LlamaModel, a: argparse.Namespace) -> torch.optim.Optimizer:
    decay = [p for p in model.parameters() if p.dim() == 2]
    no_decay = [p for p in model.parameters() if p.dim() < 2]
    return torch.optim.AdamW(
        [{"params": decay, "weight_decay": a.weight_decay}, {"params": no_decay, "weight_decay": 0.0}],
        lr=a.lr,
        betas=(0.9, 0.95),
        eps=1e-8,
    )


def train_step(model, opt, batch, pad_id: int) -> tuple[float, int]:
    inputs, labels, real = collate(batch, pad_id)
    hidden = model(inputs, hidden_only=True)
    keep = labels != IGNORE  # only response positions need logits (~1/3 of the tokens)
    logits = F.linear(hidden[keep], model.logits_weight())
    loss = F.cross_entropy(logits, labels[keep])
    opt.zero_grad(set_to_none=True)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    return loss.item(), real


def save_checkpoint(path: str, model: LlamaModel, tok: Tokenizer, reg, a: argparse.Namespace) -> None:
    torch.save(
        {
            "config": model.cfg.to_dict(),
            "state_dict": model.state_dict(),
            "tokenizer": tok.to_json(),
            "registry_hash": reg.hash,
            "registry_version": reg.version,
            "args": vars(a),
        },
        path + ".tmp",
    )
    os.replace(path + ".tmp", path)


def main(argv=None) -> None:
    a = parse_args(argv)
    torch.set_num_threads(a.threads)
    seed_everything(a.seed)
    os.makedirs(a.out, exist_ok=True)
    t0 = time.time()
    reg, tok, train, held = build(a)
    tok.save(os.path.join(a.out, "tokenizer.json"))
    pad_id = tok.unk_id
    model = make_model(a, len(tok))
    opt = make_optimizer(model, a)
    average = WeightAverage(model, a.ema_decay) if a.ema_decay > 0 else None
    n_params = model.num_params()
    tokens_per_epoch = sum(e.length - 1 for e in train)
    avg_prompt = sum(len(e.prompt) for e in train) / len(train)
    avg_target = sum(len(e.target) for e in train) / len(train)
    print(
        f"data: {len(train)} train rows, {len(held)} held-out rows; vocab {len(tok)}; "
        f"avg prompt {avg_prompt:.1f} + target {avg_target:.1f} tokens; {tokens_per_epoch} tokens/epoch; "
        f"model {n_params / 1e6:.2f}M params ({a.dim}d x {a.layers}L x {a.heads}h, ffn {a.ffn}); "
        f"setup {time.time() - t0:.1f}s",
        flush=True,
    )
    eval_rng = random.Random(a.seed + 1)
    held_sample = eval_rng.sample(held, min(a.eval_sample, len(held)))
    batch_rng = random.Random(a.seed + 2)
    total_steps_est = None
    if a.epochs is not None:
        steps_per_epoch = len(make_batches(train, a.batch_tokens, random.Random(0)))
        total_steps_est = int(math.ceil(steps_per_epoch * a.epochs))
    budget_s = a.minutes * 60 if a.minutes is not None else None

    step = 0
    epoch = 0
    tokens_seen = 0
    loss_ema = None
    curve: list[dict] = []
    evals: list[dict] = []
    t_train = time.time()
    last_log = last_eval = t_train
    done = False
    model.train()
    while not done:
        batches = make_batches(train, a.batch_tokens, batch_rng)
        for bi, batch in enumerate(batches):
            elapsed = time.time() - t_train
            if budget_s is not None:
                progress = elapsed / budget_s
            else:
                progress = step / total_steps_est
            if progress >= 1.0:
                done = True
                break
            lr = lr_at(progress, step, a)
            for g in opt.param_groups:
                g["lr"] = lr
            loss, real = train_step(model, opt, batch, pad_id)
            if average is not None:
                average.update(model)
            step += 1
            tokens_seen += real
            loss_ema = loss if loss_ema is None else 0.98 * loss_ema + 0.02 * loss
            now = time.time()
            if now - last_log >= a.log_every_s:
                last_log = now
                el = now - t_train
                tps = tokens_seen / el
                eta = (budget_s - el) if budget_s is not None else el / max(progress, 1e-9) - el
                ep = epoch + (bi + 1) / len(batches)
                curve.append({"step": step, "epoch": round(ep, 3), "elapsed_s": round(el, 1), "loss": round(loss_ema, 5)})
                print(
                    f"step {step} ep {ep:.2f} loss {loss_ema:.4f} lr {lr:.2e} tok/s {tps:.0f} "
                    f"elapsed {fmt_time(el)} ETA {fmt_time(eta)}",
                    flush=True,
                )
            if now - last_eval >= a.eval_every_min * 60:
                last_eval = now
                r = evaluate(model, tok, held_sample)
                evals.append({"step": step, "elapsed_s": round(now - t_train, 1), "exact": r["exact"], "function_match": r["function_match"]})
                print(f"  eval held-out sample n={r['n']}: exact {r['exact']:.4f} function {r['function_match']:.4f}", flush=True)
                save_checkpoint(os.path.join(a.out, "checkpoint.pt"), model, tok, reg, a)
                last_eval = time.time()
        else:
            epoch += 1
    train_s = time.time() - t_train
    if average is not None:
        # The raw weights stay beside the average, for the paired comparison (ema.py).
        save_checkpoint(os.path.join(a.out, "checkpoint-raw.pt"), model, tok, reg, a)
        average.copy_to(model)
    save_checkpoint(os.path.join(a.out, "checkpoint.pt"), model, tok, reg, a)
    print(f"trained {step} steps, {tokens_seen} tokens in {fmt_time(train_s)} ({tokens_seen / train_s:.0f} tok/s)", flush=True)

    t_eval = time.time()
    final_set = held if a.final_eval_limit is None else held[: a.final_eval_limit]
    final = evaluate(model, tok, final_set)
    train_probe = evaluate(model, tok, random.Random(a.seed + 3).sample(train, min(1000, len(train))))
    eval_s = time.time() - t_eval
    print(
        f"held-out (n={final['n']}): exact {final['exact']:.4f}, function {final['function_match']:.4f}; "
        f"train sample exact {train_probe['exact']:.4f}; eval {eval_s:.0f}s",
        flush=True,
    )
    for cat, v in sorted(final["by_category"].items()):
        print(f"  {cat}: n={v['n']} exact {v['exact']:.4f} function {v['function_match']:.4f}")
    errors = [
        {"input": e.row["input"], "expected": e.row["response"], "got": out, "category": e.row.get("category")}
        for e, out in zip(final_set, final["outputs"])
        if out != e.row["response"]
    ]
    report = {
        "registry_hash": reg.hash,
        "registry_version": reg.version,
        "model": {**model.cfg.to_dict(), "params": n_params},
        "tokenizer": {"vocab_size": len(tok), **tok.meta},
        "data": {
            "dir": os.path.abspath(a.data),
            "train_rows": len(train),
            "heldout_rows": len(held),
            "tokens_per_epoch": tokens_per_epoch,
            "avg_prompt_tokens": round(avg_prompt, 2),
            "avg_target_tokens": round(avg_target, 2),
        },
        "training": {
            "steps": step,
            "epochs": round(tokens_seen / tokens_per_epoch, 3),
            "tokens": tokens_seen,
            "train_seconds": round(train_s, 1),
            "tokens_per_second": round(tokens_seen / train_s, 1),
            "threads": a.threads,
            "blas_threads": os.environ.get("OPENBLAS_NUM_THREADS"),
            "torch": torch.__version__,
            "args": vars(a),
        },
        "loss_curve": curve,
        "evals_during_training": evals,
        "heldout": {k: final[k] for k in ("n", "exact", "function_match", "by_category")},
        "train_sample": {k: train_probe[k] for k in ("n", "exact", "function_match")},
        "heldout_errors_sample": errors[:50],
        "wall_seconds": round(time.time() - t0, 1),
    }
    with open(os.path.join(a.out, "train-report.json"), "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1, ensure_ascii=False)
    print(f"wrote {os.path.join(a.out, 'train-report.json')}; total {fmt_time(time.time() - t0)}", flush=True)


if __name__ == "__main__":
    main()
