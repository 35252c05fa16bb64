"""Training data: JSONL rows -> token sequences -> length-bucketed batches.

A row is {"query", "input", "response", "functions", "category", "family"}. The model reads
registry.prompt(input) (prefix + input + suffix, tokenized as ONE raw text with no special-token
parsing, exactly as the runtime tokenizes it) and is trained to emit `response` right after
"Response:" (functional tokens mapped to their ids, the rest encoded as text).
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from dataclasses import dataclass

import torch

from registry import Registry
from tokenizer import Tokenizer

_SPECIAL_SPLIT = re.compile(r"<nexa_(?:\d+|end)>")
IGNORE = -100


@dataclass
class Example:
    prompt: list[int]
    target: list[int]
    row: dict

    @property
    def length(self) -> int:
        return len(self.prompt) + len(self.target)


def read_jsonl(path: str, limit: int | None = None) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                rows.append(json.loads(line))
                if limit is not None and len(rows) >= limit:
                    break
    return rows


def tokenizer_corpus(rows: list[dict]) -> Counter:
    """The text the tokenizer learns from: each query as it appears after "Query: " (led by a
    space) and the text between functional tokens of each response."""
    texts: Counter = Counter()
    for r in rows:
        texts[" " + r["input"]] += 1
        for part in _SPECIAL_SPLIT.split(r["response"]):
            if part:
                texts[part] += 1
    return texts


# Words that carry an argument or a polarity: never replaced by an unknown word.
_KEEP = set(
    "on off up down open close closed shut tilt driver driver's passenger passenger's rear front back "
    "left right face feet windshield windscreen max maximum min minimum low medium high full halfway "
    "all every each both window windows mm degrees degree celsius fahrenheit percent warmer cooler "
    "hotter colder louder quieter more less bit little lot much way too not don't no never stop start "
    "mute unmute auto manual level setting activate deactivate disable enable raise lower drop cold "
    "hot freezing hands home forget out air".split()
)


def unknown_word_copies(rows: list[dict], rate: float, seed: int, min_functions: int = 8) -> list[dict]:
    """Copies of about `rate` of the rows with one generic word (a verb or filler used across
    at least `min_functions` functions, e.g. "turn", "set", "please") replaced by a made-up
    word: the model learns to read the function from the rest of the sentence, as it must
    for a verb it never saw ("aerate my seat", "power up the AC"). Argument words are kept,
    so every copy keeps its label."""
    fn_words: dict[str, set] = {}
    for r in rows:
        if r.get("category") in ("single", "asr_noise"):
            for w in set(r["input"].split()):
                fn_words.setdefault(w, set()).add(r["functions"][0])
    generic = {
        w
        for w, fns in fn_words.items()
        if len(fns) >= min_functions and w not in _KEEP and re.fullmatch(r"[a-z']{3,}", w)
    }
    rng = random.Random(seed)
    consonants, vowels = "bcdfgklmnprstvz", "aeiou"
    out = []
    for r in rows:
        if rng.random() >= rate:
            continue
        words = r["input"].split()
        spots = [i for i, w in enumerate(words) if w in generic]
        if not spots:
            continue
        i = rng.choice(spots)
        made_up = "".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(rng.randint(2, 3)))
        words[i] = made_up
        out.append({**r, "input": " ".join(words), "family": r.get("family", "") + "+unknown_word"})
    return out


def encode_prompt(tok: Tokenizer, reg: Registry, query: str) -> list[int]:
    return tok.encode_prompt(reg.prompt_prefix, query, reg.prompt_suffix)


def encode_rows(rows: list[dict], tok: Tokenizer, reg: Registry) -> list[Example]:
    out = [Example(encode_prompt(tok, reg, r["input"]), tok.encode_with_specials(r["response"]), r) for r in rows]
    for e in out[:200]:  # the fast prompt path must equal the plain llama.cpp-exact encode
        if e.prompt != tok.encode_text(reg.prompt(e.row["input"])):
            raise AssertionError(f"fast prompt encoding differs for {e.row['input']!r}")
    return out


def make_batches(examples: list[Example], max_tokens: int, rng: random.Random) -> list[list[Example]]:
    """Groups examples of similar length (little padding on CPU), ~max_tokens tokens per batch,
    batch order shuffled; a fresh random tie-break each epoch varies batch membership."""
    order = sorted(examples, key=lambda e: (e.length, rng.random()))
    batches: list[list[Example]] = []
    cur: list[Example] = []
    for e in order:
        if cur and (len(cur) + 1) * e.length > max_tokens:
            batches.append(cur)
            cur = []
        cur.append(e)
    if cur:
        batches.append(cur)
    rng.shuffle(batches)
    return batches


def collate(batch: list[Example], pad_id: int) -> tuple[torch.Tensor, torch.Tensor, int]:
    """inputs [B, T], labels [B, T] (IGNORE except where the next token is a response token),
    and the number of real (non-pad) input tokens."""
    t = max(e.length for e in batch) - 1
    inputs = torch.full((len(batch), t), pad_id, dtype=torch.long)
    labels = torch.full((len(batch), t), IGNORE, dtype=torch.long)
    real = 0
    for i, e in enumerate(batch):
        seq = e.prompt + e.target
        n = len(seq) - 1
        inputs[i, :n] = torch.tensor(seq[:-1])
        p = len(e.prompt)
        labels[i, p - 1 : n] = torch.tensor(seq[p:])
        real += n
    return inputs, labels, real
