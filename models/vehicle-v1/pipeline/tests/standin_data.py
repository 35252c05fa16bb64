"""A small stand-in data set in the generator's JSONL format, to build and test the pipeline
before (and independently of) the real generator. Not training data for the shipped model.

Usage: /usr/bin/python3 tests/standin_data.py OUT_DIR [--n 600] [--seed 1]
Writes OUT_DIR/train.jsonl and OUT_DIR/heldout.jsonl with lines
{"query", "input", "response", "functions", "category", "family"}.
"""

from __future__ import annotations

import argparse
import json
import os
import random

ZONES = ["driver", "passenger", "rear"]
WINDOWS = ["driver", "passenger", "front left", "front right", "rear left", "rear right"]
SEATS = ["driver", "passenger"]


def _temp(rng: random.Random):
    zone = rng.choice(ZONES)
    if rng.random() < 0.5:
        t = rng.randint(60, 80)
        q = rng.choice(["set the {z} side to {t} degrees", "make the {z} zone {t}", "{z} temperature {t} please"])
        return q.format(z=zone, t=t), f"<nexa_1>('{zone}', {t})<nexa_end>", "a"
    t = rng.randint(16, 27)
    q = rng.choice(["set the {z} to {t} degrees celsius", "make the {z} {t} celsius"])
    return q.format(z=zone, t=t), f"<nexa_1>('{zone}', {t}, unit='celsius')<nexa_end>", "b"


def _volume(rng: random.Random):
    if rng.random() < 0.5:
        v = rng.randint(0, 50)
        return rng.choice(["volume to {v}", "set the volume to {v}"]).format(v=v), f"<nexa_0>(set_value={v})<nexa_end>", "a"
    q, d = rng.choice([("turn it up", 5), ("louder", 5), ("a bit quieter", -2), ("turn it down a lot", -10)])
    return q, f"<nexa_0>(volume_diff={d})<nexa_end>", "b"


def _window(rng: random.Random):
    w = rng.choice(WINDOWS)
    pos = rng.choice(["up", "down"])
    if rng.random() < 0.5:
        verb = "open" if pos == "down" else "close"
        return f"{verb} the {w} window", f"<nexa_3>('{w}', '{pos}', 500)<nexa_end>", "a"
    d = rng.randint(1, 50) * 10
    return f"move the {w} window {pos} by {d} millimeters", f"<nexa_3>('{w}', '{pos}', {d})<nexa_end>", "b"


def _seat(rng: random.Random):
    s = rng.choice(SEATS)
    p = rng.choice(["forward", "backward", "up", "down"])
    d = rng.randint(1, 30) * 10
    return f"move the {s} seat {p} {d} mm", f"<nexa_2>('{s}', '{p}', {d})<nexa_end>", "a"


def _ac(rng: random.Random):
    on = rng.random() < 0.5
    q = rng.choice(["turn {o} the ac", "switch the air conditioning {o}"]).format(o="on" if on else "off")
    return q, f"<nexa_8>({on})<nexa_end>", "a"


def _heat(rng: random.Random):
    s = rng.choice(["driver", "passenger", "rear left", "rear right"])
    lvl = rng.randint(0, 3)
    return f"set the {s} seat heating to level {lvl}", f"<nexa_14>('{s}', {lvl})<nexa_end>", "a"


def _parallel(rng: random.Random):
    on = rng.random() < 0.5
    pos = rng.choice(["up", "down"])
    verb = "close" if pos == "up" else "open"
    q = f"{verb} all windows and turn {'on' if on else 'off'} the ac"
    return q, f"<nexa_17>('{pos}'); <nexa_8>({on})<nexa_end>", "a"


def _irrelevant(rng: random.Random):
    q = rng.choice(
        [
            "what's the capital of france",
            "tell me a joke",
            "call mom",
            "navigate to the nearest gas station",
            "how is the weather tomorrow",
            "play some jazz",
            "what is 2 plus 2",
            "turn on the headlights",
            "please type <nexa_3> for me",
        ]
    )
    return q, "<nexa_20>()<nexa_end>", "a"


MAKERS = [_temp, _volume, _window, _seat, _ac, _heat, _parallel, _irrelevant]


# The contract's own examples (vehicle-functions.md §2): always in the stand-in training split, so a
# stand-in model answers the fixed queries of test/model/gguf.test.ts.
CONTRACT_EXAMPLES = [
    ("set the driver side to 72 degrees", "<nexa_1>('driver', 72)<nexa_end>"),
    ("make the back 21 degrees celsius", "<nexa_1>('rear', 21, unit='celsius')<nexa_end>"),
    ("turn it up", "<nexa_0>(volume_diff=5)<nexa_end>"),
    ("volume to 30", "<nexa_0>(set_value=30)<nexa_end>"),
    ("crack the rear left window", "<nexa_3>('rear left', 'down', 100)<nexa_end>"),
    ("close every window and switch on the AC", "<nexa_17>('up'); <nexa_8>(True)<nexa_end>"),
    ("what's the capital of France", "<nexa_20>()<nexa_end>"),
]


def make(n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    rows = [
        {"query": q, "input": q, "response": r, "functions": [], "category": "contract", "family": "contract"}
        for q, r in CONTRACT_EXAMPLES
    ]
    seen = {q for q, _ in CONTRACT_EXAMPLES}
    attempts = 0
    while len(rows) < n:
        attempts += 1
        if attempts > 100 * n:
            raise SystemExit(f"only {len(rows)} distinct stand-in rows exist; ask for fewer")
        maker = rng.choice(MAKERS)
        query, response, family = maker(rng)
        if query in seen:
            continue
        seen.add(query)
        name = maker.__name__.strip("_")
        rows.append(
            {
                "query": query,
                "input": query,
                "response": response,
                "functions": [],
                "category": "irrelevant" if name == "irrelevant" else ("parallel" if name == "parallel" else "single"),
                "family": f"{name}-{family}",
            }
        )
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--n", type=int, default=600)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rows = make(a.n, a.seed)
    os.makedirs(a.out, exist_ok=True)
    rng = random.Random(a.seed + 1)
    head, tail = rows[: len(CONTRACT_EXAMPLES)], rows[len(CONTRACT_EXAMPLES) :]
    rng.shuffle(tail)
    cut = int(len(tail) * 0.85)
    parts = (("train", head * 3 + tail[:cut]), ("heldout", tail[cut:]))
    for name, part in parts:
        with open(os.path.join(a.out, f"{name}.jsonl"), "w", encoding="utf-8") as f:
            for r in part:
                f.write(json.dumps(r) + "\n")
    print(f"wrote {len(parts[0][1])} train and {len(parts[1][1])} heldout rows to {a.out}")


if __name__ == "__main__":
    main()
