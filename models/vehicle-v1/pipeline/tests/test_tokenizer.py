"""Tokenizer: llama.cpp SPM merge order, byte fallback, control tokens never from text, digits."""

import os
import random
import sys
import unittest
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from data import tokenizer_corpus  # noqa: E402
from registry import load_registry  # noqa: E402
from tokenizer import (  # noqa: E402
    SPACE,
    TYPE_BYTE,
    TYPE_CONTROL,
    TYPE_NORMAL,
    Tokenizer,
    byte_piece,
    split_units,
    train_tokenizer,
)

REG = load_registry()
CONTROLS = list(REG.function_tokens) + [REG.end_token]
ROWS = [
    {"input": "set the driver side to 72 degrees", "response": "<nexa_1>('driver', 72)<nexa_end>"},
    {"input": "make the back 21 degrees celsius", "response": "<nexa_1>('rear', 21, unit='celsius')<nexa_end>"},
    {"input": "turn it up", "response": "<nexa_0>(volume_diff=5)<nexa_end>"},
    {"input": "volume to 30", "response": "<nexa_0>(set_value=30)<nexa_end>"},
    {"input": "crack the rear left window", "response": "<nexa_3>('rear left', 'down', 100)<nexa_end>"},
    {"input": "close every window and switch on the AC", "response": "<nexa_17>('up'); <nexa_8>(True)<nexa_end>"},
    {"input": "what's the capital of France", "response": "<nexa_20>()<nexa_end>"},
    {"input": "type <nexa_3> and <nexa_end> for me", "response": "<nexa_20>()<nexa_end>"},
]


def small_vocab(extra: list[tuple[str, float]]) -> Tokenizer:
    pieces = ["<unk>", "<s>", "</s>"] + [byte_piece(b) for b in range(256)] + ["<nexa_end>"]
    types = [2, 3, 3] + [TYPE_BYTE] * 256 + [TYPE_CONTROL]
    scores = [0.0] * len(pieces)
    for p, s in [("a", 0.0), ("b", 0.0), ("c", 0.0), (SPACE, 0.0)] + extra:
        pieces.append(p)
        types.append(TYPE_NORMAL)
        scores.append(s)
    return Tokenizer(pieces, scores, types)


def pieces_of(tok: Tokenizer, text: str) -> list[str]:
    return [tok.pieces[i] for i in tok.encode_text(text)]


class MergeOrderTest(unittest.TestCase):
    """The SPM rules of llama.cpp's llm_tokenizer_spm_session, on hand-made vocabularies."""

    def test_highest_scoring_merge_wins(self):
        self.assertEqual(pieces_of(small_vocab([("ab", -1.0), ("bc", -2.0)]), "abc"), ["ab", "c"])
        self.assertEqual(pieces_of(small_vocab([("ab", -2.0), ("bc", -1.0)]), "abc"), ["a", "bc"])

    def test_equal_scores_merge_leftmost_first(self):
        self.assertEqual(pieces_of(small_vocab([("ab", -1.0), ("ba", -1.0)]), "aba"), ["ab", "a"])
        self.assertEqual(pieces_of(small_vocab([("ab", -1.0), ("ba", -1.0)]), "bab"), ["ba", "b"])

    def test_merges_continue_on_merged_symbols(self):
        tok = small_vocab([("ab", -1.0), ("abc", -5.0), ("ca", -2.0)])
        self.assertEqual(pieces_of(tok, "abc"), ["abc"])
        # after "ab" forms, "ca" (-2) outranks "abc" (-5) and takes the "c"
        self.assertEqual(pieces_of(tok, "abca"), ["ab", "ca"])

    def test_spaces_become_the_space_piece(self):
        tok = small_vocab([(SPACE + "a", -1.0)])
        self.assertEqual(pieces_of(tok, "b a"), ["b", SPACE + "a"])

    def test_unknown_characters_fall_back_to_bytes(self):
        tok = small_vocab([])
        self.assertEqual(pieces_of(tok, "aé"), ["a", "<0xC3>", "<0xA9>"])
        self.assertEqual(tok.decode(tok.encode_text("aé🚗")), "aé🚗")


class TrainedTokenizerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tok = train_tokenizer(
            tokenizer_corpus(ROWS * 3), CONTROLS, REG.prompt_prefix, REG.prompt_suffix, vocab_size=700
        )

    def test_user_text_never_becomes_a_control_token(self):
        controls = set(self.tok.control_ids)
        for text in ["<nexa_3>", "please <nexa_20>() <nexa_end>", "<s></s><unk>", "<nexa_1>('driver', 72)"]:
            ids = self.tok.encode_text(REG.prompt(text))
            self.assertFalse(controls & set(ids), text)
            self.assertEqual(self.tok.decode(ids), REG.prompt(text))

    def test_responses_map_functional_tokens_to_control_ids(self):
        ids = self.tok.encode_with_specials("<nexa_17>('up'); <nexa_8>(True)<nexa_end>")
        self.assertEqual(ids[0], self.tok.id_of("<nexa_17>"))
        self.assertEqual(ids[-1], self.tok.eos_id)
        self.assertIn(self.tok.id_of("<nexa_8>"), ids)
        self.assertEqual(sum(self.tok.types[i] == TYPE_CONTROL for i in ids), 3)
        self.assertEqual(self.tok.decode(ids), "<nexa_17>('up'); <nexa_8>(True)<nexa_end>")
        self.assertEqual(self.tok.decode(ids, special=False), "('up'); (True)")

    def test_numbers_are_split_into_digits(self):
        for i, p in enumerate(self.tok.pieces):
            if self.tok.types[i] == TYPE_NORMAL and any(ch.isdigit() for ch in p):
                self.assertEqual(len(p), 1, p)
        self.assertEqual(pieces_of(self.tok, "72"), ["7", "2"])
        self.assertEqual(pieces_of(self.tok, " 300"), [SPACE, "3", "0", "0"])

    def test_prompt_prefix_and_suffix_are_one_token_each(self):
        for q in ["turn it up", "", "72", "Below is the query", "?!"]:
            ids = self.tok.encode_text(REG.prompt(q))
            self.assertEqual(ids[0], self.tok.id_of(self.tok.prefix_token))
            self.assertEqual(ids[-1], self.tok.id_of(self.tok.suffix_token))
            self.assertEqual(ids[1:-1], self.tok.encode_text(" " + q), q)
            self.assertEqual(self.tok.encode_prompt(REG.prompt_prefix, q, REG.prompt_suffix), ids, q)
        # a newline in the query takes the slow, plain path
        q = "odd\n"
        self.assertEqual(self.tok.encode_prompt(REG.prompt_prefix, q, REG.prompt_suffix), self.tok.encode_text(REG.prompt(q)))

    def test_decode_inverts_encode_on_arbitrary_text(self):
        rng = random.Random(7)
        alphabet = "abcdefghij XYZ0123456789<>_()',;=\n\téü温🚗\x00\x7f"
        for _ in range(300):
            s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
            self.assertEqual(self.tok.decode(self.tok.encode_text(s)), s)

    def test_save_and_load_give_the_same_encoding(self):
        import tempfile

        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "tok.json")
            self.tok.save(path)
            again = Tokenizer.load(path)
        text = REG.prompt("close every window and switch on the AC")
        self.assertEqual(again.encode_text(text), self.tok.encode_text(text))
        self.assertEqual(again.prefix_token, self.tok.prefix_token)

    def test_units_keep_letters_punctuation_and_digits_apart(self):
        self.assertEqual(
            split_units(f"{SPACE}set('driver',{SPACE}72)<x>"),
            [f"{SPACE}set", "('", "driver", "',", SPACE, "7", "2", ")", "<", "x", ">"],
        )

    def test_training_is_deterministic(self):
        again = train_tokenizer(
            tokenizer_corpus(ROWS * 3), CONTROLS, REG.prompt_prefix, REG.prompt_suffix, vocab_size=700
        )
        self.assertEqual(again.pieces, self.tok.pieces)
        self.assertEqual(Counter(again.types), Counter(self.tok.types))


if __name__ == "__main__":
    unittest.main()
