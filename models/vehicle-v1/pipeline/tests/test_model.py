"""Model: llama.cpp-style rope, KV-cache decoding equals full recomputation, response-only loss."""

import math
import os
import sys
import unittest

import torch

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from data import IGNORE, Example, collate  # noqa: E402
from model import LlamaModel, ModelConfig, apply_rope, rope_tables  # noqa: E402


class RopeTest(unittest.TestCase):
    def test_rotates_consecutive_pairs_like_ggml_rope_mode_0(self):
        d, base = 8, 10000.0
        cos, sin = rope_tables(d, 16, base)
        x = torch.randn(1, 1, 16, d)
        y = apply_rope(x, cos, sin)
        for pos in (0, 1, 5, 15):
            for i in range(d // 2):
                theta = pos * base ** (-2 * i / d)
                z = complex(x[0, 0, pos, 2 * i].item(), x[0, 0, pos, 2 * i + 1].item()) * complex(
                    math.cos(theta), math.sin(theta)
                )
                self.assertAlmostEqual(y[0, 0, pos, 2 * i].item(), z.real, places=4)
                self.assertAlmostEqual(y[0, 0, pos, 2 * i + 1].item(), z.imag, places=4)


class DecodingTest(unittest.TestCase):
    def test_kv_cache_greedy_equals_recomputing_the_whole_sequence(self):
        torch.manual_seed(0)
        model = LlamaModel(ModelConfig(vocab_size=50, dim=32, n_layers=2, n_heads=4, ffn_dim=64))
        model.eval()
        prompts = [[1, 5, 7, 9], [1, 6, 8, 10], [2, 3]]
        got = model.greedy(prompts, eos_id=49, max_new=6)
        for p, out in zip(prompts, got):
            seq = list(p)
            ref = []
            with torch.no_grad():
                for _ in range(6):
                    nxt = int(model(torch.tensor([seq]))[0, -1].argmax())
                    ref.append(nxt)
                    seq.append(nxt)
                    if nxt == 49:
                        break
            self.assertEqual(out, ref)

    def test_dropout_acts_in_training_only(self):
        torch.manual_seed(0)
        m = LlamaModel(ModelConfig(vocab_size=50, dim=32, n_layers=2, n_heads=4, ffn_dim=64, dropout=0.3))
        x = torch.tensor([[1, 5, 7, 9]])
        m.train()
        self.assertFalse(torch.equal(m(x), m(x)))  # a fresh mask per call
        m.eval()
        self.assertTrue(torch.equal(m(x), m(x)))
        plain = LlamaModel(ModelConfig(vocab_size=50, dim=32, n_layers=2, n_heads=4, ffn_dim=64))
        plain.load_state_dict(m.state_dict())  # same weights: dropout adds no parameters
        plain.eval()
        self.assertTrue(torch.allclose(plain(x), m(x)))

    def test_tied_model_has_no_output_matrix(self):
        m = LlamaModel(ModelConfig(vocab_size=50, dim=32, n_layers=1, n_heads=4, ffn_dim=64, tied=True))
        self.assertIsNone(m.output)
        self.assertIs(m.logits_weight(), m.tok_embeddings.weight)


class LossMaskTest(unittest.TestCase):
    def test_labels_cover_exactly_the_response_tokens(self):
        batch = [Example([10, 11, 12], [20, 21, 99], {}), Example([10, 13], [22, 99], {})]
        inputs, labels, real = collate(batch, pad_id=0)
        self.assertEqual(inputs.tolist(), [[10, 11, 12, 20, 21], [10, 13, 22, 0, 0]])
        self.assertEqual(labels.tolist(), [[IGNORE, IGNORE, 20, 21, 99], [IGNORE, 22, 99, IGNORE, IGNORE]])
        self.assertEqual(real, 5 + 3)


if __name__ == "__main__":
    unittest.main()
