"""Greedy exact-match evaluation of a model on encoded examples (PyTorch side)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from data import Example
from model import LlamaModel
from tokenizer import Tokenizer

_FUNC = re.compile(r"<nexa_(\d+)>")


def function_tokens(response: str) -> Counter:
    return Counter(_FUNC.findall(response))


def evaluate(model: LlamaModel, tok: Tokenizer, examples: list[Example], max_new: int = 64) -> dict:
    """Exact response match and function-token match (same multiset of <nexa_N>), overall and
    per category; also returns the decoded outputs."""
    outs = model.greedy([e.prompt for e in examples], tok.eos_id, max_new=max_new)
    exact = func = 0
    per_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    texts = []
    for e, ids in zip(examples, outs):
        text = tok.decode(ids)
        texts.append(text)
        ok = text == e.row["response"]
        fok = function_tokens(text) == function_tokens(e.row["response"])
        exact += ok
        func += fok
        c = per_cat[e.row.get("category", "?")]
        c[0] += 1
        c[1] += ok
        c[2] += fok
    n = max(1, len(examples))
    return {
        "n": len(examples),
        "exact": exact / n,
        "function_match": func / n,
        "by_category": {k: {"n": v[0], "exact": v[1] / v[0], "function_match": v[2] / v[0]} for k, v in per_cat.items()},
        "outputs": texts,
        "output_ids": outs,
    }
