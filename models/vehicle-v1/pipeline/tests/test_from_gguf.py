"""A written GGUF read back into PyTorch: the same tokenizer, the weights as Q8_0 stores them,
the same greedy outputs as the Q8_0-simulated model export.py checks parity against."""

import os
import sys
import tempfile
import unittest

import torch

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from data import tokenizer_corpus  # noqa: E402
from export import build_gguf, q8_simulated  # noqa: E402
from from_gguf import load_gguf_model  # noqa: E402
from model import LlamaModel, ModelConfig  # noqa: E402
from registry import load_registry  # noqa: E402
from tokenizer import train_tokenizer  # noqa: E402

ROWS = [
    {"input": "turn the ac on", "response": "<nexa_8>(True)<nexa_end>"},
    {"input": "set the driver side to 72", "response": "<nexa_1>('driver', 72)<nexa_end>"},
    {"input": "open the sunroof", "response": "<nexa_4>('open')<nexa_end>"},
]


class FromGgufTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.reg = load_registry()
        cls.tok = train_tokenizer(
            tokenizer_corpus(ROWS * 3),
            list(cls.reg.function_tokens) + [cls.reg.end_token],
            cls.reg.prompt_prefix,
            cls.reg.prompt_suffix,
            vocab_size=400,
        )
        torch.manual_seed(3)
        cls.model = LlamaModel(ModelConfig(vocab_size=len(cls.tok), dim=64, n_layers=2, n_heads=4, ffn_dim=96))
        cls.model.eval()
        cls.dir = tempfile.TemporaryDirectory()
        cls.path = os.path.join(cls.dir.name, "tiny.q8_0.gguf")
        build_gguf(cls.model, cls.tok, cls.reg, quantize=True).write(cls.path)

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def test_tokenizer_and_metadata_come_back(self):
        _, tok, meta = load_gguf_model(self.path)
        self.assertEqual(tok.pieces, self.tok.pieces)
        self.assertEqual(tok.types, self.tok.types)
        self.assertEqual((tok.prefix_token, tok.suffix_token), (self.tok.prefix_token, self.tok.suffix_token))
        self.assertEqual(meta["octopus.function_set_hash"], self.reg.hash)
        query = self.reg.prompt("turn the ac on <nexa_3>")
        self.assertEqual(tok.encode_text(query), self.tok.encode_text(query))

    def test_weights_are_the_q8_0_values_and_greedy_outputs_match(self):
        model, _, _ = load_gguf_model(self.path)
        want = q8_simulated(self.model).state_dict()
        got = model.state_dict()
        self.assertEqual(set(got), set(want))
        for name, value in want.items():
            self.assertTrue(torch.equal(got[name], value), name)
        prompts = [self.tok.encode_text(self.reg.prompt(r["input"])) for r in ROWS]
        self.assertEqual(
            model.greedy(prompts, self.tok.eos_id, max_new=12),
            q8_simulated(self.model).greedy(prompts, self.tok.eos_id, max_new=12),
        )

    def test_a_file_without_the_llama_layout_is_refused(self):
        from gguf import GGUFWriter

        w = GGUFWriter()
        w.add("general.architecture", "gpt2")
        bad = os.path.join(self.dir.name, "bad.gguf")
        w.write(bad)
        with self.assertRaisesRegex(ValueError, "not llama"):
            load_gguf_model(bad)


if __name__ == "__main__":
    unittest.main()
