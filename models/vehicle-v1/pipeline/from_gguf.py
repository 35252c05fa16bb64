"""A GGUF file back into the PyTorch model: parity cases for a shipped file, no checkpoint needed.

  /usr/bin/python3 models/vehicle-v1/pipeline/from_gguf.py --gguf models/vehicle-v1/vehicle-v1.q8_0.gguf \
      --data models/vehicle-v1/pipeline/work/data --out work/parity-full/parity-cases.jsonl --limit 0
  npx tsx scripts/parity.ts --gguf models/vehicle-v1/vehicle-v1.q8_0.gguf \
      --cases work/parity-full/parity-cases.jsonl --field torch_q8 --out work/parity-full/parity.json

`export.py` checks parity on a sample of held-out prompts, from the training checkpoint, which
is not kept once a model ships. This reads the committed file itself: its tokenizer (pieces,
scores, types, prompt tokens) and its weights, Q8_0 dequantized exactly as llama.cpp stores
them. The PyTorch model then decodes greedily, and `parity.ts` compares its outputs with
node-llama-cpp's. So the parity rate of the shipped file can be measured on every held-out
prompt (`--limit 0`). The cases have the same format as export.py's, in the `torch_q8` field.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys

os.environ.setdefault("OPENBLAS_NUM_THREADS", "2")

import torch  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from data import encode_rows, read_jsonl  # noqa: E402
from export import parity_case  # noqa: E402
from gguf import read_gguf  # noqa: E402
from model import LlamaModel, ModelConfig  # noqa: E402
from registry import load_registry  # noqa: E402
from tokenizer import Tokenizer  # noqa: E402

# llama.cpp tensor names -> this model's state-dict names (the inverse of export.gguf_tensors).
_LAYER_TENSORS = {
    "attn_norm.weight": "attn_norm.weight",
    "attn_q.weight": "attn.wq.weight",
    "attn_k.weight": "attn.wk.weight",
    "attn_v.weight": "attn.wv.weight",
    "attn_output.weight": "attn.wo.weight",
    "ffn_norm.weight": "ffn_norm.weight",
    "ffn_gate.weight": "ffn.w_gate.weight",
    "ffn_up.weight": "ffn.w_up.weight",
    "ffn_down.weight": "ffn.w_down.weight",
}


def load_gguf_model(path: str) -> tuple[LlamaModel, Tokenizer, dict]:
    """(model with the file's weights as stored, its tokenizer, its metadata)."""
    meta, tensors = read_gguf(path)
    if meta.get("general.architecture") != "llama":
        raise ValueError(f"{path}: architecture {meta.get('general.architecture')!r}, not llama")
    tok = Tokenizer(
        list(meta["tokenizer.ggml.tokens"]),
        [float(s) for s in meta["tokenizer.ggml.scores"]],
        [int(t) for t in meta["tokenizer.ggml.token_type"]],
        meta.get("octopus.prompt_prefix_token"),
        meta.get("octopus.prompt_suffix_token"),
    )
    n_layers = int(meta["llama.block_count"])
    cfg = ModelConfig(
        vocab_size=len(tok),
        dim=int(meta["llama.embedding_length"]),
        n_layers=n_layers,
        n_heads=int(meta["llama.attention.head_count"]),
        ffn_dim=int(meta["llama.feed_forward_length"]),
        norm_eps=float(meta["llama.attention.layer_norm_rms_epsilon"]),
        rope_base=float(meta["llama.rope.freq_base"]),
        max_seq_len=int(meta["llama.context_length"]),
        tied="output.weight" not in tensors,
    )
    names = {"token_embd.weight": "tok_embeddings.weight", "output_norm.weight": "norm.weight"}
    if not cfg.tied:
        names["output.weight"] = "output.weight"
    for i in range(n_layers):
        for g, t in _LAYER_TENSORS.items():
            names[f"blk.{i}.{g}"] = f"layers.{i}.{t}"
    model = LlamaModel(cfg)
    expected = set(model.state_dict())
    if set(names.values()) != expected or set(names) != set(tensors):
        raise ValueError(f"{path}: tensors {sorted(set(tensors) ^ set(names))} do not match the llama layout")
    state = {names[g]: torch.from_numpy(t.to_numpy().copy()) for g, t in tensors.items()}
    model.load_state_dict(state)
    model.eval()
    return model, tok, meta


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gguf", required=True)
    ap.add_argument("--data", required=True, help="data dir with heldout.jsonl")
    ap.add_argument("--out", required=True, help="parity cases (JSONL) to write")
    ap.add_argument("--limit", type=int, default=1000, help="held-out prompts (0 = all)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", type=int, default=256, help="prompts decoded together")
    a = ap.parse_args(argv)
    torch.set_num_threads(1)
    reg = load_registry()
    model, tok, meta = load_gguf_model(a.gguf)
    if meta.get("octopus.function_set_hash") != reg.hash:
        sys.exit(f"{a.gguf} was made for function set {meta.get('octopus.function_set_hash')}, registry is {reg.hash}")
    rows = read_jsonl(os.path.join(a.data, "heldout.jsonl"))
    if a.limit:
        rows = random.Random(a.seed).sample(rows, min(a.limit, len(rows)))
    examples = encode_rows(rows, tok, reg)
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        for start in range(0, len(examples), a.batch):
            chunk = examples[start : start + a.batch]
            outs = model.greedy([e.prompt for e in chunk], tok.eos_id, max_new=64)
            for e, o in zip(chunk, outs):
                f.write(json.dumps(parity_case(e, reg, tok, {"q8": o}), ensure_ascii=False) + "\n")
            print(f"{min(start + a.batch, len(examples))}/{len(examples)} decoded", flush=True)


if __name__ == "__main__":
    main()
