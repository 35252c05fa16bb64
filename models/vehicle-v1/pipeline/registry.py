"""The function registry as the Python trainer sees it.

Reads src/registry/functions.json (the single source of truth) and reproduces exactly what
src/registry/index.ts derives from it: the prompt, the functional-token texts, and the
function-set hash (sha256 of the canonical JSON) that goes into the GGUF metadata so the
runtime can refuse a model built for another function set.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
DEFAULT_REGISTRY_PATH = os.path.join(REPO_ROOT, "src", "registry", "functions.json")


def canonical_json(value) -> str:
    """Same as canonicalJson in src/registry/index.ts: keys sorted, "$" keys dropped, no spaces."""
    if isinstance(value, list):
        return "[" + ",".join(canonical_json(v) for v in value) + "]"
    if isinstance(value, dict):
        items = sorted((k, v) for k, v in value.items() if not k.startswith("$"))  # JSON has no undefined
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + canonical_json(v) for k, v in items) + "}"
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # JSON.stringify(1.0) === "1"
    return json.dumps(value, ensure_ascii=False)


@dataclass(frozen=True)
class Registry:
    version: str
    prompt_prefix: str
    prompt_suffix: str
    end_token: str
    function_tokens: tuple[str, ...]  # "<nexa_0>" .. in token order
    function_names: tuple[str, ...]
    hash: str

    def prompt(self, query: str) -> str:
        return self.prompt_prefix + query + self.prompt_suffix


def load_registry(path: str = DEFAULT_REGISTRY_PATH) -> Registry:
    with open(path, encoding="utf-8") as f:
        raw = json.load(f)
    hashed = {
        "version": raw["version"],
        "prompt": raw["prompt"],
        "endToken": raw["endToken"],
        "tokenPattern": raw["tokenPattern"],
        "enums": raw["enums"],
        "functions": raw["functions"],
    }
    digest = hashlib.sha256(canonical_json(hashed).encode("utf-8")).hexdigest()
    pattern = raw["tokenPattern"]
    return Registry(
        version=raw["version"],
        prompt_prefix=raw["prompt"]["prefix"],
        prompt_suffix=raw["prompt"]["suffix"],
        end_token=raw["endToken"],
        function_tokens=tuple(pattern.replace("{index}", str(f["token"])) for f in raw["functions"]),
        function_names=tuple(f["name"] for f in raw["functions"]),
        hash=digest,
    )
