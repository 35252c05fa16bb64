"""A llama-architecture causal LM, written to compute exactly what llama.cpp's `llama` arch computes.

- RMSNorm: x / sqrt(mean(x^2) + eps) * w (llama.attention.layer_norm_rms_epsilon).
- Rotary embeddings in llama.cpp's NORMAL mode (the `llama` arch): consecutive pairs
  (x[2i], x[2i+1]) rotate by pos * base^(-2i/head_dim). Because the PyTorch model itself uses this
  layout, the Q/K weights are exported as they are (no permutation as HF checkpoints need).
- Attention scale 1/sqrt(head_dim), causal; SwiGLU MLP down(silu(gate(x)) * up(x)); no biases.
- Output head untied (`output.weight`) or tied to the embedding (llama.cpp falls back to
  `token_embd.weight` when `output.weight` is absent).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class ModelConfig:
    vocab_size: int
    dim: int = 256
    n_layers: int = 4
    n_heads: int = 8
    ffn_dim: int = 704
    norm_eps: float = 1e-5
    rope_base: float = 10000.0
    max_seq_len: int = 512
    tied: bool = False
    # Residual dropout (on the embedding and on each attention/FFN output) while training only;
    # llama.cpp has no dropout and needs none: at inference the layer is the identity.
    dropout: float = 0.0

    @property
    def head_dim(self) -> int:
        return self.dim // self.n_heads

    def to_dict(self) -> dict:
        return asdict(self)


class RMSNorm(nn.Module):
    def __init__(self, dim: int, eps: float):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


def rope_tables(head_dim: int, max_len: int, base: float) -> tuple[torch.Tensor, torch.Tensor]:
    """cos/sin [max_len, head_dim/2] for ggml_rope mode 0 (theta_i = pos * base^(-2i/d))."""
    inv = base ** (-torch.arange(0, head_dim, 2, dtype=torch.float64) / head_dim)
    ang = torch.arange(max_len, dtype=torch.float64)[:, None] * inv[None, :]
    return torch.cos(ang).float(), torch.sin(ang).float()


def apply_rope(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    """x [B, H, T, D]; cos/sin [T, D/2]. Rotates consecutive pairs (normal, non-neox rope)."""
    x0 = x[..., 0::2]
    x1 = x[..., 1::2]
    r0 = x0 * cos - x1 * sin
    r1 = x0 * sin + x1 * cos
    return torch.stack((r0, r1), dim=-1).flatten(-2)


class Attention(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.n_heads = cfg.n_heads
        self.head_dim = cfg.head_dim
        self.wq = nn.Linear(cfg.dim, cfg.dim, bias=False)
        self.wk = nn.Linear(cfg.dim, cfg.dim, bias=False)
        self.wv = nn.Linear(cfg.dim, cfg.dim, bias=False)
        self.wo = nn.Linear(cfg.dim, cfg.dim, bias=False)

    def forward(self, x, cos, sin, mask, cache=None):
        b, t, _ = x.shape
        q = self.wq(x).view(b, t, self.n_heads, self.head_dim).transpose(1, 2)
        k = self.wk(x).view(b, t, self.n_heads, self.head_dim).transpose(1, 2)
        v = self.wv(x).view(b, t, self.n_heads, self.head_dim).transpose(1, 2)
        q = apply_rope(q, cos, sin)
        k = apply_rope(k, cos, sin)
        if cache is not None:
            if "k" in cache:
                k = torch.cat((cache["k"], k), dim=2)
                v = torch.cat((cache["v"], v), dim=2)
            cache["k"], cache["v"] = k, v
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(self.head_dim))
        if mask is not None:
            att = att + mask
        att = torch.softmax(att, dim=-1)
        y = (att @ v).transpose(1, 2).reshape(b, t, -1)
        return self.wo(y)


class FeedForward(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.w_gate = nn.Linear(cfg.dim, cfg.ffn_dim, bias=False)
        self.w_up = nn.Linear(cfg.dim, cfg.ffn_dim, bias=False)
        self.w_down = nn.Linear(cfg.ffn_dim, cfg.dim, bias=False)

    def forward(self, x):
        return self.w_down(F.silu(self.w_gate(x)) * self.w_up(x))


class Block(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.attn_norm = RMSNorm(cfg.dim, cfg.norm_eps)
        self.attn = Attention(cfg)
        self.ffn_norm = RMSNorm(cfg.dim, cfg.norm_eps)
        self.ffn = FeedForward(cfg)
        self.dropout = cfg.dropout

    def forward(self, x, cos, sin, mask, cache=None):
        x = x + F.dropout(self.attn(self.attn_norm(x), cos, sin, mask, cache), self.dropout, self.training)
        return x + F.dropout(self.ffn(self.ffn_norm(x)), self.dropout, self.training)


class LlamaModel(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        if cfg.dim % cfg.n_heads or cfg.head_dim % 2:
            raise ValueError("dim must split into heads of even size")
        self.cfg = cfg
        self.tok_embeddings = nn.Embedding(cfg.vocab_size, cfg.dim)
        self.layers = nn.ModuleList(Block(cfg) for _ in range(cfg.n_layers))
        self.norm = RMSNorm(cfg.dim, cfg.norm_eps)
        self.output = None if cfg.tied else nn.Linear(cfg.dim, cfg.vocab_size, bias=False)
        cos, sin = rope_tables(cfg.head_dim, cfg.max_seq_len, cfg.rope_base)
        self.register_buffer("rope_cos", cos, persistent=False)
        self.register_buffer("rope_sin", sin, persistent=False)
        self._init_weights()

    def _init_weights(self) -> None:
        std = 0.02
        for name, p in self.named_parameters():
            if p.dim() == 2:
                s = std / math.sqrt(2 * self.cfg.n_layers) if name.endswith(("wo.weight", "w_down.weight")) else std
                nn.init.normal_(p, 0.0, s)

    def num_params(self) -> int:
        return sum(p.numel() for p in self.parameters())

    def logits_weight(self) -> torch.Tensor:
        return self.tok_embeddings.weight if self.output is None else self.output.weight

    def forward(
        self, tokens: torch.Tensor, start_pos: int = 0, caches: list[dict] | None = None, hidden_only: bool = False
    ) -> torch.Tensor:
        """tokens [B, T] -> logits [B, T, V] (or the final normed hidden states [B, T, D] with
        `hidden_only`, so training projects only the positions that carry a loss).
        With `caches`, keys/values are appended (decoding)."""
        _, t = tokens.shape
        x = F.dropout(self.tok_embeddings(tokens), self.cfg.dropout, self.training)
        cos = self.rope_cos[start_pos : start_pos + t]
        sin = self.rope_sin[start_pos : start_pos + t]
        mask = None
        if t > 1:
            total = start_pos + t
            mask = torch.full((t, total), float("-inf")).triu(start_pos + 1)
        for i, layer in enumerate(self.layers):
            x = layer(x, cos, sin, mask, None if caches is None else caches[i])
        x = self.norm(x)
        return x if hidden_only else F.linear(x, self.logits_weight())

    @torch.no_grad()
    def greedy(self, prompts: list[list[int]], eos_id: int, max_new: int = 48) -> list[list[int]]:
        """Greedy decoding with a KV cache; prompts of equal length are decoded as one batch.
        Returns generated ids up to and including eos (or max_new ids)."""
        was_training = self.training
        self.eval()
        results: list[list[int]] = [[] for _ in prompts]
        by_len: dict[int, list[int]] = {}
        for i, p in enumerate(prompts):
            by_len.setdefault(len(p), []).append(i)
        for length, idxs in by_len.items():
            for start in range(0, len(idxs), 256):
                chunk = idxs[start : start + 256]
                toks = torch.tensor([prompts[i] for i in chunk], dtype=torch.long)
                caches = [{} for _ in self.layers]
                logits = self.forward(toks, 0, caches)[:, -1]
                done = [False] * len(chunk)
                pos = length
                for _ in range(max_new):
                    nxt = logits.argmax(-1)
                    for j, tid in enumerate(nxt.tolist()):
                        if not done[j]:
                            results[chunk[j]].append(tid)
                            done[j] = tid == eos_id
                    if all(done) or pos >= self.cfg.max_seq_len - 1:
                        break
                    logits = self.forward(nxt[:, None], pos, caches)[:, -1]
                    pos += 1
        self.train(was_training)
        return results
