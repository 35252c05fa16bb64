"""Synonym copies: one verb swapped for a WordNet synonym, labels kept, protected words never
touched, seeded. A small database in WordNet's file format stands in for Debian's."""

import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from synonyms import WordNet, synonym_copies  # noqa: E402

HEADER = "  1 This software and database is being provided to you, the LICENSEE, by\n"

# data.<pos>: offset lex_filenum ss_type w_cnt(hex) word lex_id ... | gloss
DATA = {
    "verb": [
        "00000010 30 v 03 ventilate 0 aerate 0 air_out 0 000 | expose to fresh air",
        "00000020 30 v 02 ventilate 0 vent_a_grievance 0 000 | a second, rarer sense",
        "00000030 30 v 02 ventilate 0 ventilate_loudly 0 000 | a third sense",
        "00000040 30 v 02 lower 0 let_down 0 000 | move down",
        "00000050 30 v 02 seat 0 sit 0 000 | show to a seat",
        "00000060 30 v 03 kill 0 switch_off 0 cut_power 0 000 | stop",
        "00000070 30 v 02 can 0 tin 0 000 | preserve in a can",
    ],
    # A noun sense of a verb: never a source of synonyms, since only verbs are swapped.
    "noun": ["00000110 06 n 02 ventilate 0 noun_only 0 000 | not a verb sense"],
}
# index.<pos>: lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt offset...
INDEX = {
    "verb": [
        "can v 1 0 1 0 00000070",
        "kill v 1 0 1 0 00000060",
        "lower v 1 0 1 0 00000040",
        "seat v 1 0 1 0 00000050",
        "ventilate v 3 0 3 0 00000010 00000020 00000030",
    ],
    "noun": ["ventilate n 1 0 1 0 00000110"],
}


def row(text: str, response: str = "<nexa_15>('driver', 2)<nexa_end>") -> dict:
    return {"input": text, "response": response, "functions": ["f"], "category": "single", "family": "fam"}


class SynonymCopies(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        for pos in DATA:
            for kind, lines in (("data", DATA[pos]), ("index", INDEX[pos])):
                with open(os.path.join(cls.dir.name, f"{kind}.{pos}"), "w", encoding="latin-1") as f:
                    f.write(HEADER + "".join(line + "\n" for line in lines))
        cls.wn = WordNet(cls.dir.name)

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def test_synonyms_come_from_the_first_verb_senses_only(self):
        self.assertEqual(self.wn.synonyms("ventilate", 1), ["aerate", "air out"])
        self.assertEqual(self.wn.synonyms("ventilate", 2), ["aerate", "air out", "vent a grievance"])
        self.assertEqual(self.wn.synonyms("unknown", 2), [])

    def test_swaps_one_verb_and_keeps_the_label(self):
        rows = [row("please ventilate my seat now")] * 50
        copies = synonym_copies(rows, rate=1.0, seed=1, wordnet=self.wn, senses=1)
        self.assertEqual(len(copies), 50)
        # "air out" holds "out", a protected word, so "aerate" is the only synonym used.
        self.assertEqual({c["input"] for c in copies}, {"please aerate my seat now"})
        for c in copies:
            self.assertEqual(c["response"], rows[0]["response"])
            self.assertEqual(c["family"], "fam+synonym")

    def test_protected_words_and_synonyms_holding_them_are_never_used(self):
        # "lower" carries a direction, "seat" names the part, "can" is a modal: none is swapped;
        # "kill" may only become a synonym without an argument word ("switch off" has "off").
        rows = [row("can you lower the seat"), row("kill the seat fan", "<nexa_15>('driver', 0)<nexa_end>")] * 20
        copies = synonym_copies(rows, rate=1.0, seed=3, wordnet=self.wn, senses=2)
        self.assertEqual({c["input"] for c in copies}, {"cut power the seat fan"})

    def test_single_only_never_copies_a_parallel_row(self):
        single = row("ventilate my seat")
        parallel = row("ventilate my seat and ventilate hers", "<nexa_15>('driver', 2); <nexa_15>('passenger', 2)<nexa_end>")
        copies = synonym_copies([single, parallel] * 20, rate=1.0, seed=1, wordnet=self.wn, senses=1, single_only=True)
        self.assertEqual(len(copies), 20)
        self.assertEqual({c["response"] for c in copies}, {single["response"]})
        both = synonym_copies([single, parallel] * 20, rate=1.0, seed=1, wordnet=self.wn, senses=1)
        self.assertEqual(len(both), 40)

    def test_is_seeded_and_rate_zero_adds_nothing(self):
        rows = [row(f"ventilate seat {i}") for i in range(200)]
        a = synonym_copies(rows, rate=0.5, seed=7, wordnet=self.wn, senses=3)
        self.assertEqual(a, synonym_copies(rows, rate=0.5, seed=7, wordnet=self.wn, senses=3))
        self.assertNotEqual(a, synonym_copies(rows, rate=0.5, seed=8, wordnet=self.wn, senses=3))
        self.assertTrue(60 < len(a) < 140, len(a))
        self.assertEqual(synonym_copies(rows, rate=0.0, seed=7, wordnet=self.wn), [])

    def test_a_missing_database_is_a_clear_error(self):
        with tempfile.TemporaryDirectory() as empty, self.assertRaises(FileNotFoundError) as err:
            WordNet(empty)
        self.assertIn("wordnet-base", str(err.exception))


if __name__ == "__main__":
    unittest.main()
