"""GGUF writer: Q8_0 error bound and layout, header/metadata/tensors read back."""

import os
import struct
import sys
import unittest

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from gguf import (  # noqa: E402
    GGML_F32,
    GGML_Q8_0,
    T_FLOAT32,
    T_INT32,
    T_STRING,
    GGUFWriter,
    array,
    dequantize_q8_0,
    f32,
    quantize_q8_0,
    read_gguf,
    u32,
)


class Q8_0Test(unittest.TestCase):
    def test_round_trip_error_is_within_half_a_step_per_block(self):
        rng = np.random.default_rng(0)
        x = (rng.standard_normal((64, 96)) * rng.uniform(0.01, 3, size=(64, 1))).astype(np.float32)
        y = dequantize_q8_0(quantize_q8_0(x), x.shape)
        blocks_x = x.reshape(-1, 32)
        blocks_err = np.abs(y - x).reshape(-1, 32)
        step = np.abs(blocks_x).max(axis=1) / 127.0
        # half a quantization step, plus the fp16 rounding of the scale (rel. 2^-11) times 127 steps
        bound = step * 0.5 + np.abs(blocks_x).max(axis=1) * 2.0**-10
        self.assertTrue(np.all(blocks_err.max(axis=1) <= bound + 1e-12))

    def test_block_layout_is_fp16_scale_then_32_int8(self):
        x = np.zeros(32, dtype=np.float32)
        x[3] = -2.54
        x[7] = 1.27
        raw = quantize_q8_0(x)
        self.assertEqual(len(raw), 34)
        (d,) = struct.unpack("<e", raw[:2])
        self.assertAlmostEqual(d, 2.54 / 127, places=5)
        qs = np.frombuffer(raw[2:], dtype=np.int8)
        self.assertEqual(qs[3], -127)
        self.assertEqual(qs[7], 64)  # 63.5 rounds half away from zero, as ggml's roundf
        self.assertEqual(int(np.count_nonzero(qs)), 2)

    def test_zero_block_has_zero_scale(self):
        raw = quantize_q8_0(np.zeros(32, dtype=np.float32))
        self.assertEqual(raw, b"\0" * 34)

    def test_rejects_rows_not_multiple_of_32(self):
        w = GGUFWriter()
        with self.assertRaises(ValueError):
            w.add_tensor("bad", np.zeros((4, 33), dtype=np.float32), GGML_Q8_0)


class WriterReaderTest(unittest.TestCase):
    def build(self):
        w = GGUFWriter()
        w.add("general.architecture", "llama")
        w.add("llama.block_count", u32(3))
        w.add("llama.attention.layer_norm_rms_epsilon", f32(1e-5))
        w.add("tokenizer.ggml.add_bos_token", False)
        w.add("tokenizer.ggml.tokens", array(T_STRING, ["<unk>", "▁a", "<nexa_end>"]))
        w.add("tokenizer.ggml.scores", array(T_FLOAT32, [0.0, -1.5, 0.0]))
        w.add("tokenizer.ggml.token_type", array(T_INT32, [2, 1, 3]))
        w.add("octopus.function_set_hash", "ab" * 32)
        self.a = np.arange(3 * 64, dtype=np.float32).reshape(3, 64) / 100
        self.n = np.linspace(-1, 1, 7).astype(np.float32)
        w.add_tensor("blk.0.attn_q.weight", self.a, GGML_Q8_0)
        w.add_tensor("blk.0.attn_norm.weight", self.n, GGML_F32)
        return w.to_bytes()

    def test_header(self):
        b = self.build()
        self.assertEqual(b[:4], b"GGUF")
        version, n_tensors, n_kv = struct.unpack_from("<IQQ", b, 4)
        self.assertEqual((version, n_tensors, n_kv), (3, 2, 8))

    def test_metadata_reads_back_with_types(self):
        meta, _ = read_gguf(self.build())
        self.assertEqual(meta["general.architecture"], "llama")
        self.assertEqual(meta["llama.block_count"], 3)
        self.assertAlmostEqual(meta["llama.attention.layer_norm_rms_epsilon"], 1e-5, places=9)
        self.assertIs(meta["tokenizer.ggml.add_bos_token"], False)
        self.assertEqual(meta["tokenizer.ggml.tokens"], ["<unk>", "▁a", "<nexa_end>"])
        self.assertEqual(meta["tokenizer.ggml.scores"], [0.0, -1.5, 0.0])
        self.assertEqual(meta["tokenizer.ggml.token_type"], [2, 1, 3])
        self.assertEqual(meta["octopus.function_set_hash"], "ab" * 32)

    def test_tensors_read_back_dims_reversed_and_aligned(self):
        b = self.build()
        _, tensors = read_gguf(b)
        q = tensors["blk.0.attn_q.weight"]
        self.assertEqual(q.shape, (3, 64))
        self.assertEqual(q.type, GGML_Q8_0)
        np.testing.assert_allclose(q.to_numpy(), self.a, atol=np.abs(self.a).max() / 127)
        n = tensors["blk.0.attn_norm.weight"]
        np.testing.assert_array_equal(n.to_numpy(), self.n)
        for t in tensors.values():
            self.assertEqual(t.offset % 32, 0)
        # ggml dims on disk: ne0 = 64 (torch's last dim) first
        idx = b.index(b"blk.0.attn_q.weight") + len(b"blk.0.attn_q.weight")
        n_dims, ne0, ne1 = struct.unpack_from("<IQQ", b, idx)
        self.assertEqual((n_dims, ne0, ne1), (2, 64, 3))

    def test_duplicate_keys_are_refused(self):
        w = GGUFWriter()
        w.add("a.b", 1)
        with self.assertRaises(ValueError):
            w.add("a.b", 2)


if __name__ == "__main__":
    unittest.main()
