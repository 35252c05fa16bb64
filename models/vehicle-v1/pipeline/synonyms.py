"""Synonym copies: training rows with one verb swapped for a WordNet synonym.

A model trained from scratch knows only the words of its training data; a driver's verb
that no row has ("unfurl the sunshade", "aerate my seat") reads as an unknown word, and the
model mostly answers it as irrelevant. WordNet (Debian's `wordnet-base`, read here from
its plain database files) is the one source of word meaning that this offline machine has.
Used at run time it rewrites driver commands and is noisy exactly where a car must not guess
(pipeline/README.md, "WordNet synonyms at run time"); used here, at training time, a wrong
sense only adds an odd training sentence with the right label, while a right sense teaches
the model a word it would never have seen.

Only a word WordNet knows as a verb is swapped, for a word of one of its first verb senses:
"ventilate my seat" may become "aerate my seat". A copy keeps its label, so words that carry
an argument, a polarity, a number or a unit, function words and the names of the parts are
never swapped, and a synonym that contains one is never used: "lower the window" stays, and
"seat" never becomes "sit". Seeded: the same rows, rate, seed and database give the same
copies.
"""

from __future__ import annotations

import os
import random
import re

from data import _KEEP

DEFAULT_WORDNET = "/usr/share/wordnet"

# Words that decide a number or a unit: swapping them could change an argument.
_NUMBERS_AND_UNITS = set(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
    "half quarter couple dozen single double triple first second third notch notches step steps click "
    "clicks point points level levels inch inches centimetre centimetres centimeter centimeters "
    "millimetre millimetres millimeter millimeters cm mm percent per cent degree degrees setting".split()
)

# Function words: WordNet lists many as nouns or verbs ("can" -> "tin", "will" -> "testament",
# "i" -> "iodine"), and swapping them breaks the sentence rather than varying it. Modals,
# negations and question words decide whether a sentence is a command at all.
_FUNCTION_WORDS = set(
    "the a an and or but nor so then than that this these those there here it its it's i i'm i'd "
    "me my mine you your you're yours we we're our us they them their he him his she her who whom "
    "whose what which when where why how if whether because while until unless though although as "
    "at by for from in into of on onto off out over under to too with without about above below "
    "after before again just also only even still already yet now very really quite rather please "
    "thanks thank cheers can could would will should shall may might must do does did done doing "
    "be is am are was were been being have has had having get got let let's make made go going "
    "gonna wanna want need like okay ok alright yes yeah hey hi hello um uh erm er ah oh car "
    "octopus some any all each every both either neither more most less least much many few".split()
)

# The nouns that name what a command acts on: swapping one for a wrong sense ("volume" ->
# "bulk", "seat" -> "sit") would leave a copy whose label no word of it supports.
_COMPONENTS = set(
    "seat seats seating fan fans blower volume sound audio music radio stereo temperature temp heat "
    "heater heaters heating heated warmer wheel steering window windows pane glass sunroof roof "
    "moonroof shade sunshade blind ac aircon conditioning conditioner air airflow flow vent vents "
    "ventilation ventilated cooled cooling recirculation recirc circulation defroster defrost "
    "demister defog lock locks child kids climate zone zones row cabin thermostat windscreen "
    "windshield backrest recline legroom mode".split()
)

_PROTECTED = _KEEP | _NUMBERS_AND_UNITS | _FUNCTION_WORDS | _COMPONENTS
_WORD = re.compile(r"[a-z]{3,}")
_LEMMA = re.compile(r"[a-z]+(?: [a-z]+)*")


class WordNet:
    """Verb synonyms from WordNet's database files: `index.verb` lists a verb's senses in
    frequency order, `data.verb` the words of each sense. Only verbs are swapped, so the much
    larger noun, adjective and adverb files are not read."""

    def __init__(self, root: str = DEFAULT_WORDNET):
        index, data = os.path.join(root, "index.verb"), os.path.join(root, "data.verb")
        if not (os.path.exists(index) and os.path.exists(data)):
            raise FileNotFoundError(
                f"no WordNet database under {root} (index.verb and data.verb); on Debian: apt-get install wordnet-base"
            )
        self._words: dict[str, list[str]] = {}
        for parts in _records(data):
            count = int(parts[3], 16)
            self._words[parts[0]] = [re.sub(r"\(.*\)$", "", parts[4 + 2 * i]).lower().replace("_", " ") for i in range(count)]
        self._senses: dict[str, list[str]] = {}
        for parts in _records(index):
            synsets = int(parts[2])
            self._senses[parts[0].replace("_", " ")] = parts[len(parts) - synsets :]

    def synonyms(self, word: str, senses: int) -> list[str]:
        """The other words of the verb's first `senses` senses, sorted."""
        out: set[str] = set()
        for offset in self._senses.get(word, [])[:senses]:
            out.update(w for w in self._words.get(offset, []) if w != word)
        return sorted(out)


def _records(path: str):
    """The space-split lines of a WordNet database file, without the licence header."""
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.strip() and not line.startswith("  "):
                yield line.split()


def _usable(synonym: str) -> bool:
    return bool(_LEMMA.fullmatch(synonym)) and not any(w in _PROTECTED for w in synonym.split())


def synonym_copies(
    rows: list[dict], rate: float, seed: int, wordnet: WordNet, senses: int = 2, single_only: bool = False
) -> list[dict]:
    """Copies of about `rate` of the rows with one swappable word replaced by a WordNet
    synonym (from the word's first `senses` senses); rows with no swappable word are skipped.
    Each copy keeps the row's response and is marked `+synonym` in its family.

    `single_only` copies only rows answered by one call: in rounds eight and nine the copies
    cost parallel requests most, and a swapped verb in a list may belong to either clause."""
    rng = random.Random(seed)
    cache: dict[str, list[str]] = {}

    def options(word: str) -> list[str]:
        if word not in cache:
            usable = _WORD.fullmatch(word) and word not in _PROTECTED
            cache[word] = [s for s in wordnet.synonyms(word, senses) if _usable(s)] if usable else []
        return cache[word]

    out = []
    for r in rows:
        if rng.random() >= rate:
            continue
        if single_only and "; " in r["response"]:
            continue
        words = r["input"].split()
        spots = [i for i, w in enumerate(words) if options(w)]
        if not spots:
            continue
        i = rng.choice(spots)
        words[i] = rng.choice(options(words[i]))
        out.append({**r, "input": " ".join(words), "family": r.get("family", "") + "+synonym"})
    return out
