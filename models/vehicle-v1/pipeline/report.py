"""Compose the training report (JSON + Markdown) from a run's pieces.

  /usr/bin/python3 models/vehicle-v1/pipeline/report.py --run work/run \
      --out models/vehicle-v1/training-report [--throughput work/throughput.json] [--wall-seconds N]

Reads RUN/train-report.json (train.py), RUN/export.json (export.py), RUN/parity-q8.json and
RUN/parity-f32.json (scripts/parity.ts), and a throughput measurement (measure.py) if given.
"""

from __future__ import annotations

import argparse
import json
import os


def _load(path: str):
    if path and os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    return None


def _pct(x) -> str:
    return "n/a" if x is None else f"{100 * x:.2f}%"


def _hms(s: float) -> str:
    s = int(s)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def markdown(rep: dict) -> str:
    t = rep["train"]
    m, d, tr = t["model"], t["data"], t["training"]
    lines = [
        "# vehicle-v1 training report",
        "",
        f"Function set `{t['registry_version']}`, hash `{t['registry_hash']}`.",
        "",
        "## Model and data",
        "",
        "| | |",
        "|---|---|",
        f"| architecture | llama (RMSNorm, normal RoPE, SwiGLU), {m['n_layers']} layers, dim {m['dim']}, "
        f"{m['n_heads']} heads, ffn {m['ffn_dim']}, {'tied' if m['tied'] else 'untied'} output |",
        f"| parameters | {m['params']:,} |",
        f"| tokenizer | SPM, {t['tokenizer']['vocab_size']} pieces ({t['tokenizer'].get('merges', '?')} merges), "
        "digits split, byte fallback, prompt prefix/suffix one token each |",
        f"| data | {d['train_rows']:,} train rows, {d['heldout_rows']:,} held-out rows (`{d['dir']}`) |",
        f"| sequence | {d['avg_prompt_tokens']} prompt + {d['avg_target_tokens']} response tokens on average; "
        f"{d['tokens_per_epoch']:,} tokens/epoch |",
        f"| training | {tr['steps']:,} steps, {tr['epochs']} epochs, {tr['tokens']:,} tokens in "
        f"{_hms(tr['train_seconds'])} ({tr['tokens_per_second']:.0f} tokens/s, {tr.get('blas_threads', '?')} BLAS + {tr['threads']} torch threads, torch {tr['torch']}) |",
        f"| optimizer | AdamW lr {tr['args']['lr']} (warm-up {tr['args']['warmup_steps']} steps, cosine to "
        f"{tr['args']['min_lr_ratio']}x), weight decay {tr['args']['weight_decay']}, ~{tr['args']['batch_tokens']} tokens/batch, seed {tr['args']['seed']} |",
    ]
    if rep.get("wall_seconds"):
        lines.append(f"| pipeline wall time | {_hms(rep['wall_seconds'])} (data, training, export, parity) |")
    ex = rep.get("export") or {}
    if ex.get("q8_0"):
        lines.append(f"| Q8_0 GGUF | {ex['q8_0']['bytes'] / 1e6:.2f} MB |")
    h = t["heldout"]
    lines += [
        "",
        "## Accuracy (PyTorch greedy, exact response string)",
        "",
        f"Held-out split (n={h['n']:,}): **exact {_pct(h['exact'])}**, function tokens {_pct(h['function_match'])}; "
        f"train sample exact {_pct(t['train_sample']['exact'])}.",
        "",
        "| category | n | exact | function tokens |",
        "|---|---:|---:|---:|",
    ]
    for cat, v in sorted(h["by_category"].items()):
        lines.append(f"| {cat} | {v['n']:,} | {_pct(v['exact'])} | {_pct(v['function_match'])} |")
    if t.get("evals_during_training"):
        lines += ["", "During training (held-out sample):", "", "| step | elapsed | exact | function |", "|---:|---:|---:|---:|"]
        for e in t["evals_during_training"]:
            lines.append(f"| {e['step']} | {_hms(e['elapsed_s'])} | {_pct(e['exact'])} | {_pct(e['function_match'])} |")
    curve = t.get("loss_curve") or []
    if curve:
        stride = max(1, len(curve) // 15)
        pts = curve[::stride] + ([curve[-1]] if (len(curve) - 1) % stride else [])
        lines += ["", "## Loss (response tokens, EMA)", "", "| step | epoch | elapsed | loss |", "|---:|---:|---:|---:|"]
        for p in pts:
            lines.append(f"| {p['step']} | {p['epoch']} | {_hms(p['elapsed_s'])} | {p['loss']:.4f} |")
    lines += ["", "## GGUF parity (node-llama-cpp vs PyTorch, greedy)", ""]
    for key, label in (("parity_q8", "Q8_0 vs PyTorch with Q8_0-dequantized weights"), ("parity_f32", "F32 vs PyTorch F32")):
        p = rep.get(key)
        if p:
            lines.append(
                f"- {label}: outputs {p['outputsSame']}/{p['cases']} identical ({_pct(p['parityRate'])}), prompt tokens "
                f"{p['promptTokensSame']}/{p['cases']}, tokenizer probes {p['probes']['same']}/{p['probes']['n']}; "
                f"exact vs expected {_pct(p['llamaExact'])}."
            )
    if ex.get("parity_cases"):
        lines.append(
            f"- PyTorch F32 vs Q8_0-simulated weights: {ex['torch_f32_vs_q8_simulated_same']}/{ex['parity_cases']} identical outputs."
        )
    thr = rep.get("throughput")
    if thr:
        lines += [
            "",
            "## Training throughput by model size (measured on this machine)",
            "",
            "| config | params | Q8_0 size (est.) | tokens/s |",
            "|---|---:|---:|---:|",
        ]
        for r in thr["results"]:
            lines.append(f"| {r['name']} | {r['params']:,} | {r['q8_mb_est']:.1f} MB | {r['tokens_per_second']:.0f} |")
        if thr.get("note"):
            lines += ["", thr["note"]]
    errs = t.get("heldout_errors_sample") or []
    if errs:
        lines += ["", "## Held-out errors (sample)", "", "| input | expected | got |", "|---|---|---|"]
        for e in errs[:15]:
            cells = [str(e[k]).replace("|", "\\|") for k in ("input", "expected", "got")]
            lines.append(f"| {cells[0]} | `{cells[1]}` | `{cells[2]}` |")
    return "\n".join(lines) + "\n"


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", required=True)
    ap.add_argument("--out", required=True, help="path prefix: writes OUT.json and OUT.md")
    ap.add_argument("--throughput", default=None)
    ap.add_argument("--wall-seconds", type=float, default=None)
    a = ap.parse_args(argv)
    train = _load(os.path.join(a.run, "train-report.json"))
    if train is None:
        raise SystemExit(f"no train-report.json in {a.run}")
    rep = {
        "train": train,
        "export": _load(os.path.join(a.run, "export.json")),
        "parity_q8": _load(os.path.join(a.run, "parity-q8.json")),
        "parity_f32": _load(os.path.join(a.run, "parity-f32.json")),
        "throughput": _load(a.throughput) if a.throughput else None,
        "wall_seconds": a.wall_seconds,
    }
    with open(a.out + ".json", "w", encoding="utf-8") as f:
        json.dump(rep, f, indent=1, ensure_ascii=False)
    with open(a.out + ".md", "w", encoding="utf-8") as f:
        f.write(markdown(rep))
    print(f"wrote {a.out}.json and {a.out}.md")


if __name__ == "__main__":
    main()
