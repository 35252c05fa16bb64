"""SentencePiece-style ("llama" SPM) tokenizer: trained here, encoded exactly as llama.cpp does.

Vocabulary layout (ids):
  0 <unk> (unknown), 1 <s> (control), 2 </s> (control),
  3..258 byte tokens <0x00>..<0xFF> (byte fallback),
  then the functional tokens <nexa_0>..<nexa_N> and <nexa_end> (control; <nexa_end> is EOS),
  then normal pieces: single characters, learned merges, and the prompt pieces.

Why it is built this way:
- ENCODE is a line-for-line port of llama.cpp's `llm_tokenizer_spm_session` (bigram merges by the
  score of the merged piece, ties to the leftmost pair, byte fallback), so the token ids the model
  was trained on are the ids node-llama-cpp feeds it at runtime. `parity.ts` checks this.
- Functional tokens are CONTROL tokens: llama.cpp only splits them out of text when special-token
  parsing is on, and no normal piece contains "<" or ">" (except the single characters), so a
  transcript containing the characters "<nexa_3>" can never merge into a function token.
- Digits are never merged: numbers are read and written digit by digit, so copying "72" from the
  query to the call is the same small skill for every number.
- Pieces never cross a space ("▁" only at the start of a piece) nor mix letters with punctuation,
  as SentencePiece does by default; learned by BPE over the training queries and responses.
- The fixed prompt prefix and suffix each become ONE token through a chain of prompt pieces
  (prefix[:k] merged with the next base piece): sequences get much shorter, which halves training
  cost, and the runtime reuses the prefix for free. The user's text is still tokenized normally.
- BOS is never used (add_bos_token=false): training sequences start with the prefix token, and
  node-llama-cpp then prepends nothing either.
"""

from __future__ import annotations

import heapq
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

SPACE = "\u2581"  # "▁"

TYPE_NORMAL = 1
TYPE_UNKNOWN = 2
TYPE_CONTROL = 3
TYPE_USER_DEFINED = 4
TYPE_BYTE = 6

UNK, BOS, EOS_SPM = "<unk>", "<s>", "</s>"

# llama.cpp unicode_len_utf8: length of a UTF-8 sequence from its first byte's high nibble.
_UTF8_LEN = (1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4)

_SPECIAL_RE = re.compile(r"(<nexa_(?:\d+|end)>)")


def byte_piece(b: int) -> str:
    return f"<0x{b:02X}>"


class Tokenizer:
    def __init__(
        self,
        pieces: list[str],
        scores: list[float],
        types: list[int],
        prefix_token: str | None = None,
        suffix_token: str | None = None,
        meta: dict | None = None,
    ):
        if not (len(pieces) == len(scores) == len(types)):
            raise ValueError("pieces, scores and types differ in length")
        self.pieces = pieces
        self.scores = scores
        self.types = types
        self.meta = meta or {}
        self._id_by_bytes: dict[bytes, int] = {}
        for i, p in enumerate(pieces):
            key = p.encode("utf-8")
            if key in self._id_by_bytes:
                raise ValueError(f"duplicate piece {p!r}")
            self._id_by_bytes[key] = i
        self._byte_ids = [self._id_by_bytes[byte_piece(b).encode()] for b in range(256)]
        self.unk_id = self.id_of(UNK)
        self.bos_id = self.id_of(BOS)
        self.eos_id = self.id_of("<nexa_end>")
        self.prefix_token = prefix_token
        self.suffix_token = suffix_token
        self._cache: dict[str, list[int]] = {}

    # ---- lookups -------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.pieces)

    def id_of(self, piece: str) -> int:
        i = self._id_by_bytes.get(piece.encode("utf-8"))
        if i is None:
            raise KeyError(piece)
        return i

    @property
    def control_ids(self) -> list[int]:
        return [i for i, t in enumerate(self.types) if t == TYPE_CONTROL]

    # ---- encode (llama.cpp llm_tokenizer_spm_session, add_space_prefix=false) --------------
    def encode_text(self, text: str) -> list[int]:
        """Tokenizes raw text with NO special-token parsing (as model.tokenize(text, false))."""
        cached = self._cache.get(text)
        if cached is not None:
            return list(cached)
        out = self._encode_uncached(text)
        if len(self._cache) < 200_000:
            self._cache[text] = out
        return list(out)

    def _encode_uncached(self, text: str) -> list[int]:
        if not text:
            return []
        data = text.replace(" ", SPACE).encode("utf-8")
        n = len(data)
        starts: list[int] = []
        lens: list[int] = []
        off = 0
        while off < n:
            ln = min(_UTF8_LEN[data[off] >> 4], n - off)
            starts.append(off)
            lens.append(ln)
            off += ln
        m = len(starts)
        prev = list(range(-1, m - 1))
        nxt = list(range(1, m + 1))
        nxt[-1] = -1
        ids = self._id_by_bytes
        scores = self.scores
        heap: list[tuple[float, int, int, int]] = []

        def try_add_bigram(left: int, right: int) -> None:
            if left == -1 or right == -1:
                return
            size = lens[left] + lens[right]
            tok = ids.get(data[starts[left] : starts[left] + size])
            if tok is None:
                return
            # std::priority_queue top = highest score, then the smallest left index.
            heapq.heappush(heap, (-scores[tok], left, right, size))

        for i in range(1, m):
            try_add_bigram(i - 1, i)
        while heap:
            _, left, right, size = heapq.heappop(heap)
            if lens[left] == 0 or lens[right] == 0 or lens[left] + lens[right] != size:
                continue
            lens[left] += lens[right]
            lens[right] = 0
            nxt[left] = nxt[right]
            if nxt[right] >= 0:
                prev[nxt[right]] = left
            try_add_bigram(prev[left], left)
            try_add_bigram(left, nxt[left])

        out: list[int] = []
        i = 0
        while i != -1:
            piece = data[starts[i] : starts[i] + lens[i]]
            tok = ids.get(piece)
            if tok is not None:
                out.append(tok)
            else:  # a character that never formed a token: its bytes
                out.extend(self._byte_ids[b] for b in piece)
            i = nxt[i]
        return out

    def encode_prompt(self, prefix: str, query: str, suffix: str) -> list[int]:
        """encode_text(prefix + query + suffix), computed faster: the prompt pieces are whole
        tokens and no piece spans their boundary with the query (no piece holds "▁" after its
        first character, and newline runs cannot join the query when it holds no newline)."""
        core = prefix.rstrip(" ")
        if (
            self.prefix_token is None
            or self.suffix_token is None
            or core.replace(" ", SPACE) != self.prefix_token
            or suffix != self.suffix_token
            or core == prefix
            or "\n" in query
        ):
            return self.encode_text(prefix + query + suffix)
        return [self.id_of(self.prefix_token)] + self.encode_text(prefix[len(core) :] + query) + [self.id_of(suffix)]

    def encode_with_specials(self, text: str) -> list[int]:
        """Text where "<nexa_N>"/"<nexa_end>" ARE functional tokens (responses, never user text)."""
        out: list[int] = []
        for part in _SPECIAL_RE.split(text):
            if not part:
                continue
            if _SPECIAL_RE.fullmatch(part):
                out.append(self.id_of(part))
            else:
                out.extend(self.encode_text(part))
        return out

    # ---- decode -------------------------------------------------------------------------
    def decode(self, ids: Iterable[int], special: bool = True) -> str:
        buf = bytearray()
        for i in ids:
            t = self.types[i]
            if t == TYPE_BYTE:
                buf.append(int(self.pieces[i][3:5], 16))
            elif t in (TYPE_CONTROL, TYPE_UNKNOWN, TYPE_USER_DEFINED):
                if special:
                    buf += self.pieces[i].encode("utf-8")
            else:
                buf += self.pieces[i].replace(SPACE, " ").encode("utf-8")
        return buf.decode("utf-8", errors="replace")

    # ---- persistence ----------------------------------------------------------------------
    def to_json(self) -> dict:
        return {
            "model": "llama",
            "pieces": self.pieces,
            "scores": self.scores,
            "types": self.types,
            "prefix_token": self.prefix_token,
            "suffix_token": self.suffix_token,
            "meta": self.meta,
        }

    @classmethod
    def from_json(cls, d: dict) -> Tokenizer:
        return cls(d["pieces"], d["scores"], d["types"], d.get("prefix_token"), d.get("suffix_token"), d.get("meta"))

    def save(self, path: str) -> None:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(self.to_json(), f, ensure_ascii=False)

    @classmethod
    def load(cls, path: str) -> Tokenizer:
        with open(path, encoding="utf-8") as f:
            return cls.from_json(json.load(f))


# ---- training ---------------------------------------------------------------------------


def _char_class(ch: str) -> str:
    if ch == SPACE:
        return "S"
    if ch.isdigit():
        return "D"  # digits: never merged
    if ch in "<>":
        return "X"  # never merged: keeps "<nexa_N>" unreachable from text
    if ch.isalpha() or unicodedata.category(ch).startswith("M"):
        return "L"
    if ch == "\n":
        return "N"
    if ch.isspace() or unicodedata.category(ch).startswith("C"):
        return "X"
    return "P"


def split_units(text: str) -> list[str]:
    """Splits escaped text into the units inside which pieces may be learned: a run of letters or
    of punctuation (or newlines), optionally led by one "▁"; digits, "<", ">", lone "▁" alone."""
    units: list[str] = []
    cur = ""
    cur_cls = ""
    for ch in text:
        c = _char_class(ch)
        if cur and (c in "LPN") and (cur_cls == c or (cur == SPACE)):
            cur += ch
            cur_cls = c
            continue
        if cur:
            units.append(cur)
        cur, cur_cls = ch, c
        if c in "DX":
            units.append(cur)
            cur, cur_cls = "", ""
    if cur:
        units.append(cur)
    return units


def _bpe(unit_counts: Counter, n_merges: int, min_count: int = 2) -> list[str]:
    """Plain BPE over the units; returns the merged pieces in merge order."""
    words = [list(u) for u in unit_counts]
    counts = list(unit_counts.values())
    pair_counts: Counter = Counter()
    where: dict[tuple[str, str], set[int]] = {}
    for wi, w in enumerate(words):
        for a, b in zip(w, w[1:]):
            pair_counts[(a, b)] += counts[wi]
            where.setdefault((a, b), set()).add(wi)
    merges: list[str] = []
    while len(merges) < n_merges and pair_counts:
        best, best_count = max(pair_counts.items(), key=lambda kv: (kv[1], kv[0]))
        if best_count < min_count:
            break
        merged = best[0] + best[1]
        merges.append(merged)
        for wi in sorted(where.pop(best, ())):
            w = words[wi]
            c = counts[wi]
            for a, b in zip(w, w[1:]):
                pair_counts[(a, b)] -= c
                if pair_counts[(a, b)] <= 0:
                    del pair_counts[(a, b)]
            new: list[str] = []
            i = 0
            while i < len(w):
                if i + 1 < len(w) and w[i] == best[0] and w[i + 1] == best[1]:
                    new.append(merged)
                    i += 2
                else:
                    new.append(w[i])
                    i += 1
            words[wi] = new
            for a, b in zip(new, new[1:]):
                pair_counts[(a, b)] += c
                where.setdefault((a, b), set()).add(wi)
        pair_counts.pop(best, None)
    return merges


def train_tokenizer(
    texts: Counter,
    control_tokens: list[str],
    prompt_prefix: str,
    prompt_suffix: str,
    vocab_size: int = 2048,
    min_char_count: int = 2,
) -> Tokenizer:
    """Builds the vocabulary from (text -> count): queries and response text fragments."""
    pieces: list[str] = [UNK, BOS, EOS_SPM]
    types: list[int] = [TYPE_UNKNOWN, TYPE_CONTROL, TYPE_CONTROL]
    pieces += [byte_piece(b) for b in range(256)]
    types += [TYPE_BYTE] * 256
    pieces += list(control_tokens)
    types += [TYPE_CONTROL] * len(control_tokens)
    scores: list[float] = [0.0] * len(pieces)

    unit_counts: Counter = Counter()
    char_counts: Counter = Counter()
    for text, c in texts.items():
        esc = text.replace(" ", SPACE)
        for u in split_units(esc):
            unit_counts[u] += c
        for ch in esc:
            char_counts[ch] += c
    # Printable ASCII, "▁" and newline always exist as pieces; other characters if seen enough.
    chars = {chr(c) for c in range(0x21, 0x7F)} | {SPACE, "\n"}
    chars |= {ch for ch, c in char_counts.items() if c >= min_char_count and _char_class(ch) != "X"}
    chars |= {ch for ch in prompt_prefix + prompt_suffix if ch != " "}
    char_list = sorted(chars)
    pieces += char_list
    types += [TYPE_NORMAL] * len(char_list)
    scores += [0.0] * len(char_list)

    budget = max(0, vocab_size - len(pieces) - 48)  # ~48 ids left for the prompt pieces
    merges = _bpe(unit_counts, budget)
    existing = set(pieces)
    rank = 0
    for m in merges:
        if m in existing:
            continue
        existing.add(m)
        rank += 1
        pieces.append(m)
        types.append(TYPE_NORMAL)
        scores.append(-float(rank))

    base = Tokenizer(pieces, scores, types)
    prefix_core = prompt_prefix.rstrip(" ")
    prefix_token = _add_chain(base, pieces, scores, types, prefix_core)
    suffix_token = _add_chain(Tokenizer(pieces, scores, types), pieces, scores, types, prompt_suffix)
    tok = Tokenizer(
        pieces,
        scores,
        types,
        prefix_token,
        suffix_token,
        meta={"vocab_size_target": vocab_size, "merges": rank, "chars": len(char_list)},
    )
    _check(tok, control_tokens, prompt_prefix, prompt_suffix)
    return tok


def _add_chain(base: Tokenizer, pieces: list[str], scores: list[float], types: list[int], text: str) -> str:
    """Adds prefix[:k] pieces so that `text` (escaped) always encodes to a single token."""
    ids = base.encode_text(text)
    parts = [base.decode([i]).replace(" ", SPACE) for i in ids]
    acc = parts[0]
    for p in parts[1:]:
        acc += p
        if acc.encode() not in base._id_by_bytes:
            pieces.append(acc)
            types.append(TYPE_NORMAL)
            scores.append(1.0)
    return acc


def _check(tok: Tokenizer, control_tokens: list[str], prefix: str, suffix: str) -> None:
    for i, p in enumerate(tok.pieces):
        if tok.types[i] != TYPE_NORMAL or len(p) == 1:
            continue
        if p in (tok.prefix_token, tok.suffix_token) or p.startswith(tok.prefix_token[:5]) or p.startswith("\n"):
            continue  # prompt chain pieces
        if any(ch.isdigit() for ch in p):
            raise AssertionError(f"multi-character piece with a digit: {p!r}")
        if "<" in p or ">" in p:
            raise AssertionError(f"piece could reach a control token: {p!r}")
        if SPACE in p[1:]:
            raise AssertionError(f"piece crosses a space: {p!r}")
    probe = tok.encode_text(prefix + "turn it up" + suffix)
    if probe[0] != tok.id_of(tok.prefix_token) or probe[-1] != tok.id_of(tok.suffix_token):
        raise AssertionError("prompt prefix/suffix do not encode to single tokens")
    for ct in control_tokens:
        if set(tok.encode_text(ct)) & set(tok.control_ids):
            raise AssertionError(f"{ct} as text encodes to a control token")
