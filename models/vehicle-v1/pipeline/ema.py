"""An exponential moving average of a model's weights, kept beside training (`--ema-decay`).

Why: with a cosine schedule the last steps still move the weights by a step's noise; an
average over the last few hundred steps is a common, cheap way to land nearer the middle of
that noise. The training run keeps both, so a run measures the average against its own raw
weights (same seed, same data order, same schedule): `checkpoint.pt` holds the average,
`checkpoint-raw.pt` the raw weights.
"""

import torch


class WeightAverage:
    def __init__(self, model: torch.nn.Module, decay: float):
        if not 0.0 < decay < 1.0:
            raise ValueError(f"EMA decay must be in (0, 1), got {decay}")
        self.decay = decay
        self.updates = 0
        self.shadow = [p.detach().clone() for p in model.parameters()]

    @torch.no_grad()
    def update(self, model: torch.nn.Module) -> None:
        """Moves the average towards the model's current weights (after an optimizer step)."""
        self.updates += 1
        # Early on the average would be dominated by the random initialization: warm it up.
        d = min(self.decay, (1 + self.updates) / (10 + self.updates))
        for s, p in zip(self.shadow, model.parameters()):
            s.mul_(d).add_(p.detach(), alpha=1.0 - d)

    @torch.no_grad()
    def copy_to(self, model: torch.nn.Module) -> None:
        for s, p in zip(self.shadow, model.parameters()):
            p.copy_(s)
