"""Unknown-word copies: one generic word made up, arguments and labels kept, seeded."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from data import _KEEP, unknown_word_copies  # noqa: E402

FUNCTIONS = [f"fn{i}" for i in range(10)]
# "turn" and "please" occur with every function; "window" and "off" are argument words.
ROWS = [
    {
        "input": f"please turn the {obj} off",
        "response": f"<nexa_{i}>(False)<nexa_end>",
        "functions": [fn],
        "category": "single",
        "family": "f",
    }
    for i, fn in enumerate(FUNCTIONS)
    for obj in ("window", f"thing{i}")
]


class UnknownWordCopies(unittest.TestCase):
    def test_replaces_one_generic_word_and_keeps_the_label(self):
        copies = unknown_word_copies(ROWS * 20, rate=0.5, seed=1)
        self.assertGreater(len(copies), 100)
        for c in copies:
            original = next(r for r in ROWS if r["response"] == c["response"] and r["input"].split()[3:] == c["input"].split()[3:])
            before, after = original["input"].split(), c["input"].split()
            changed = [i for i, (a, b) in enumerate(zip(before, after)) if a != b]
            self.assertEqual(len(changed), 1, c["input"])
            self.assertIn(before[changed[0]], {"please", "turn", "the"})
            self.assertNotIn(before[changed[0]], _KEEP)
            self.assertTrue(c["family"].endswith("+unknown_word"))

    def test_never_touches_argument_words_and_is_seeded(self):
        copies = unknown_word_copies(ROWS * 20, rate=1.0, seed=7)
        for c in copies:
            self.assertTrue(c["input"].endswith(" off"), c["input"])
        self.assertEqual(copies, unknown_word_copies(ROWS * 20, rate=1.0, seed=7))
        self.assertNotEqual(copies, unknown_word_copies(ROWS * 20, rate=1.0, seed=8))

    def test_rate_zero_adds_nothing(self):
        self.assertEqual(unknown_word_copies(ROWS, rate=0.0, seed=1), [])


if __name__ == "__main__":
    unittest.main()
