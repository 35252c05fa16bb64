"""Export a trained checkpoint to GGUF and save PyTorch greedy outputs for the parity check.

  /usr/bin/python3 models/vehicle-v1/pipeline/export.py --run work/run \
      --q8 models/vehicle-v1/vehicle-v1.q8_0.gguf --f32 work/run/vehicle-v1.f32.gguf \
      --data work/data --parity-limit 1000

Writes (besides the GGUF files) RUN/parity-cases.jsonl: one line per held-out prompt with the
prompt, its token ids (Python tokenizer) and PyTorch's greedy output ids for the F32 weights and
for the weights as Q8_0 stores them; RUN/tokenize-probes.jsonl: awkward texts and their ids
(to check the runtime tokenizer); RUN/export.json: sizes and metadata.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import sys

# Matmuls on OpenBLAS's own threads, element-wise ops on one torch thread: measured fastest here
# (2 OpenMP threads spin against OpenBLAS's and against other jobs on the 2 cores). Set before torch loads.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "2")

import numpy as np  # noqa: E402
import torch  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from data import encode_rows, read_jsonl  # noqa: E402
from gguf import GGML_F32, GGML_Q8_0, T_FLOAT32, T_INT32, T_STRING, GGUFWriter, array, f32, q8_0_roundtrip, u32  # noqa: E402
from model import LlamaModel, ModelConfig  # noqa: E402
from registry import load_registry  # noqa: E402
from tokenizer import Tokenizer  # noqa: E402

CONTEXT_LENGTH = 512

TOKENIZE_PROBES = [
    "set the driver side to 72 degrees",
    "please type <nexa_3> for me",
    "<nexa_end><nexa_0>(volume_diff=5)",
    "<s></s><unk> tokens as text",
    "  double  spaces and trailing space ",
    "Below is the query from the users",
    "\n\nResponse: injected",
    "café naïve über 温度 🚗🔥",
    "numbers 0123456789 1,000 3.5 -7 +12 72°F 21°C",
    "tabs\tand\r\nnewlines\n",
    "'quotes' \"double\" (parens) [brackets] {braces} ; = ,",
    "<0x41> <0xFF> literal byte names",
    "x" * 300,
]


def load_model(run: str) -> tuple[LlamaModel, Tokenizer, dict]:
    ck = torch.load(os.path.join(run, "checkpoint.pt"), map_location="cpu")
    model = LlamaModel(ModelConfig(**ck["config"]))
    model.load_state_dict(ck["state_dict"])
    model.eval()
    return model, Tokenizer.from_json(ck["tokenizer"]), ck


def gguf_tensors(model: LlamaModel) -> list[tuple[str, np.ndarray, bool]]:
    """(gguf name, torch-layout array, quantizable) in llama.cpp's naming."""
    sd = {k: v.detach().float().numpy() for k, v in model.state_dict().items()}
    out = [("token_embd.weight", sd["tok_embeddings.weight"], True)]
    for i in range(model.cfg.n_layers):
        p = f"layers.{i}."
        out += [
            (f"blk.{i}.attn_norm.weight", sd[p + "attn_norm.weight"], False),
            (f"blk.{i}.attn_q.weight", sd[p + "attn.wq.weight"], True),
            (f"blk.{i}.attn_k.weight", sd[p + "attn.wk.weight"], True),
            (f"blk.{i}.attn_v.weight", sd[p + "attn.wv.weight"], True),
            (f"blk.{i}.attn_output.weight", sd[p + "attn.wo.weight"], True),
            (f"blk.{i}.ffn_norm.weight", sd[p + "ffn_norm.weight"], False),
            (f"blk.{i}.ffn_gate.weight", sd[p + "ffn.w_gate.weight"], True),
            (f"blk.{i}.ffn_up.weight", sd[p + "ffn.w_up.weight"], True),
            (f"blk.{i}.ffn_down.weight", sd[p + "ffn.w_down.weight"], True),
        ]
    out.append(("output_norm.weight", sd["norm.weight"], False))
    if not model.cfg.tied:
        out.append(("output.weight", sd["output.weight"], True))
    return out


def build_gguf(model: LlamaModel, tok: Tokenizer, reg, quantize: bool, name: str = "octopus-vehicle-v1") -> GGUFWriter:
    cfg = model.cfg
    w = GGUFWriter()
    w.add("general.architecture", "llama")
    w.add("general.name", name)
    w.add("general.license", "apache-2.0")
    w.add("general.file_type", u32(7 if quantize else 0))  # LLAMA_FTYPE_MOSTLY_Q8_0 / ALL_F32
    w.add("general.alignment", u32(32))
    w.add("llama.vocab_size", u32(len(tok)))
    w.add("llama.context_length", u32(CONTEXT_LENGTH))
    w.add("llama.embedding_length", u32(cfg.dim))
    w.add("llama.block_count", u32(cfg.n_layers))
    w.add("llama.feed_forward_length", u32(cfg.ffn_dim))
    w.add("llama.attention.head_count", u32(cfg.n_heads))
    w.add("llama.attention.head_count_kv", u32(cfg.n_heads))
    w.add("llama.attention.layer_norm_rms_epsilon", f32(cfg.norm_eps))
    w.add("llama.rope.dimension_count", u32(cfg.head_dim))
    w.add("llama.rope.freq_base", f32(cfg.rope_base))
    w.add("tokenizer.ggml.model", "llama")
    w.add("tokenizer.ggml.tokens", array(T_STRING, tok.pieces))
    w.add("tokenizer.ggml.scores", array(T_FLOAT32, tok.scores))
    w.add("tokenizer.ggml.token_type", array(T_INT32, tok.types))
    w.add("tokenizer.ggml.bos_token_id", u32(tok.bos_id))
    w.add("tokenizer.ggml.eos_token_id", u32(tok.eos_id))
    w.add("tokenizer.ggml.unknown_token_id", u32(tok.unk_id))
    w.add("tokenizer.ggml.add_bos_token", False)
    w.add("tokenizer.ggml.add_eos_token", False)
    w.add("tokenizer.ggml.add_space_prefix", False)
    w.add("octopus.function_set_hash", reg.hash)
    w.add("octopus.function_set_version", reg.version)
    w.add("octopus.prompt_prefix_token", tok.prefix_token)
    w.add("octopus.prompt_suffix_token", tok.suffix_token)
    for gname, arr, quantizable in gguf_tensors(model):
        w.add_tensor(gname, arr, GGML_Q8_0 if (quantize and quantizable and arr.ndim == 2) else GGML_F32)
    return w


def parity_case(example, reg, tok: Tokenizer, outputs: dict[str, list[int]]) -> dict:
    """One line of parity-cases.jsonl: the prompt, its ids, the expected response and, per
    field name ("f32", "q8"), PyTorch's greedy output ids and text (`torch_<field>[_ids]`)."""
    rec = {
        "input": example.row["input"],
        "prompt": reg.prompt(example.row["input"]),
        "prompt_ids": example.prompt,
        "expected": example.row["response"],
    }
    for field, ids in outputs.items():
        rec[f"torch_{field}_ids"] = ids
        rec[f"torch_{field}"] = tok.decode(ids)
    return rec


def q8_simulated(model: LlamaModel) -> LlamaModel:
    """A copy whose 2D weights are exactly what the Q8_0 file stores (dequantized)."""
    m = copy.deepcopy(model)
    with torch.no_grad():
        for p in m.parameters():
            if p.dim() == 2:
                p.copy_(torch.from_numpy(q8_0_roundtrip(p.detach().numpy())))
    return m


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", required=True, help="training output dir with checkpoint.pt")
    ap.add_argument("--q8", required=True, help="path of the Q8_0 GGUF to write")
    ap.add_argument("--f32", default=None, help="path of the F32 GGUF to write (parity checks)")
    ap.add_argument("--data", default=None, help="data dir with heldout.jsonl (parity cases)")
    ap.add_argument("--parity-limit", type=int, default=1000)
    ap.add_argument(
        "--threads", type=int, default=1, help="torch threads for element-wise ops (BLAS: OPENBLAS_NUM_THREADS, default 2)"
    )
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args(argv)
    torch.set_num_threads(a.threads)
    reg = load_registry()
    model, tok, ck = load_model(a.run)
    if ck["registry_hash"] != reg.hash:
        sys.exit(f"checkpoint was trained for function set {ck['registry_hash']}, registry is {reg.hash}")
    info: dict = {"registry_hash": reg.hash, "params": model.num_params(), "vocab_size": len(tok)}
    for path, quantize in ((a.q8, True), (a.f32, False)):
        if path:
            os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
            size = build_gguf(model, tok, reg, quantize).write(path)
            info["q8_0" if quantize else "f32"] = {"path": os.path.abspath(path), "bytes": size}
            print(f"wrote {path} ({size / 1e6:.2f} MB)")

    with open(os.path.join(a.run, "tokenize-probes.jsonl"), "w", encoding="utf-8") as f:
        for text in TOKENIZE_PROBES + [reg.prompt(p) for p in TOKENIZE_PROBES[:4]]:
            f.write(json.dumps({"text": text, "ids": tok.encode_text(text)}, ensure_ascii=False) + "\n")

    if a.data:
        rows = read_jsonl(os.path.join(a.data, "heldout.jsonl"))
        rows = random.Random(a.seed).sample(rows, min(a.parity_limit, len(rows)))
        examples = encode_rows(rows, tok, reg)
        prompts = [e.prompt for e in examples]
        out_f32 = model.greedy(prompts, tok.eos_id, max_new=64)
        out_q8 = q8_simulated(model).greedy(prompts, tok.eos_id, max_new=64)
        with open(os.path.join(a.run, "parity-cases.jsonl"), "w", encoding="utf-8") as f:
            for e, o32, o8 in zip(examples, out_f32, out_q8):
                rec = parity_case(e, reg, tok, {"f32": o32, "q8": o8})
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        same = sum(x == y for x, y in zip(out_f32, out_q8))
        info["parity_cases"] = len(examples)
        info["torch_f32_vs_q8_simulated_same"] = same
        info["torch_q8_exact"] = sum(tok.decode(o) == e.row["response"] for e, o in zip(examples, out_q8)) / max(1, len(examples))
        print(f"{len(examples)} parity cases; PyTorch F32 vs Q8_0-simulated identical: {same}/{len(examples)}")
    with open(os.path.join(a.run, "export.json"), "w", encoding="utf-8") as f:
        json.dump(info, f, indent=1)


if __name__ == "__main__":
    main()
