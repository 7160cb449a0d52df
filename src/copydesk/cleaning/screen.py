"""A cheap first look at a block's text: which phrase groups could match it at all.

Searching a few hundred blocks a page with every phrase group (or with one big union of them,
which Python's ``re`` still tries branch by branch at every position) costs more than parsing
the page. So each alternative of a group is reduced, once at import, to literal text that every
match must contain: the strings it must start with ("read more", "related", …) when it is
anchored, else a set of strings one of which must occur ("cookie", "all rights reserved").
All of a side's literals (lower-cased, or as written) go into one Aho–Corasick automaton
(pyahocorasick, in C), which finds every occurrence of every literal in one pass over the
page's text; a trie regex did the same pass at several times the cost, trying its branches at
each position. A block is searched with a group only when the group's literals are there. An
alternative with no literal to require is searched as it is, so the screen never misses a match.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate
from operator import add
from re import _constants as C  # noqa: PLC2701 - the parser's opcodes, stable since 3.11
from re import _parser

import ahocorasick

Seq = list  # a parsed pattern: a list of (opcode, argument) pairs
Strings = set[str]
_CAP = 2048  # the most strings one literal set may hold before we stop extending it
_RUN_CAP = 32  # a literal run stops growing past this many strings
_RARE = 12  # a literal this long is rare enough in prose; longer ones screen no better
_LONG = 16  # literals are cut here: nothing in the screen looks further
_PREFIX = 10  # prefixes are cut to this length: the rest rarely tells two blocks apart
# Where re.IGNORECASE and str.lower() differ: "ı" and "ſ" match "i" and "s", "ς" matches "σ",
# and "İ".lower() adds a combining dot that re does not see.
_FOLD = str.maketrans({"ı": "i", "ſ": "s", "ς": "σ", "\u0307": None})


_ODD = "ıſς\u0307"


def fold(text: str) -> str:
    """Lower-case as re.IGNORECASE compares letters, so a literal found by ``in`` is necessary."""
    low = text.lower()
    # Four ``in`` tests, not a regex class: a text without such wide characters answers each
    # at once, and with them each is a memchr-like scan, where the regex tried every character.
    return low.translate(_FOLD) if not low.isascii() and any(c in low for c in _ODD) else low


class Screen:
    """Says, for a text, which of its phrase groups could match it (a bit mask)."""

    def __init__(self, groups: Iterable[tuple[re.Pattern[str], tuple[str, ...]]]) -> None:
        self.bits: dict[re.Pattern[str], int] = {}
        self._starts: dict[tuple[bool, str], int] = {}
        self._contains: dict[tuple[bool, str], int] = {}
        residual: dict[tuple[int, int], list[str]] = {}
        for i, (rx, alternatives) in enumerate(groups):
            bit = self.bits[rx] = 1 << i
            for alt in alternatives:
                if not self._add(alt, rx.flags, bit):
                    residual.setdefault((bit, rx.flags), []).append(alt)
        self.residual = tuple((re.compile("|".join(alts), flags), bit)
                              for (bit, flags), alts in residual.items())
        # Each side (lower-cased text, text as it is) gets one automaton: a literal that must
        # open the text is keyed after _SEP, the separator put before each text.
        self.sides = tuple((ci, auto) for ci in (True, False)
                           if (auto := _automaton(self._starts, self._contains, ci)) is not None)
        self._joinable = not self.residual and all(_SEP not in lit for _, lit in
                                                   (*self._starts, *self._contains))

    def _add(self, alt: str, flags: int, bit: int) -> bool:
        """Index one alternative by its literals; False when it has none to require."""
        ci = bool(flags & re.I) or "(?i" in alt
        seq = list(_parser.parse(alt, flags & ~re.I))
        if seq and seq[0] == (C.AT, C.AT_BEGINNING) and not flags & re.M:
            starts, _ = _prefixes(seq[1:], ci)
            if starts and "" not in starts:
                for s in starts:
                    key = (ci, s[:_PREFIX])
                    self._starts[key] = self._starts.get(key, 0) | bit
                return True
        need = _required(seq, ci)
        if not need:
            return False
        for s in need:
            self._contains[(ci, s)] = self._contains.get((ci, s), 0) | bit
        return True

    def could_match(self, text: str) -> int:
        """Bits of the groups whose literals occur in ``text``; 0 when no group can match."""
        found = 0
        for rx, bit in self.residual:
            if rx.search(text):
                found |= bit
        low = fold(text)
        for ci, auto in self.sides:
            for _, bits in auto.iter(_SEP + (low if ci else text)):
                found |= bits
        return found

    def could_match_all(self, texts: Sequence[str]) -> list[int]:
        """could_match of each text, found in one pass over them all: joined by a separator no
        literal holds, a text's start is the separator before it and a literal found maps back
        to its text by position. Per-text calls cost more in Python than the search itself."""
        joined = _SEP + _SEP.join(texts)
        if not self._joinable or joined.count(_SEP) != len(texts):  # a text holds the separator
            return [self.could_match(text) for text in texts]
        found = [0] * len(texts)
        low = fold(joined)
        # Where each side's texts start: in the joined texts, where the lengths say (the texts
        # before each, and one separator per text), worked out in C rather than searched for.
        # The lower-cased side shares them when it has the same length: lower() maps each
        # character to one but "İ" (to two, which fold makes one again), and fold drops a stray
        # U+0307, so equal lengths mean the sides align character by character.
        starts = list(map(add, accumulate(map(len, texts), initial=0), range(len(texts))))
        at = {len(joined): starts}
        for ci, auto in self.sides:
            subject = low if ci else joined
            if len(subject) not in at:
                at[len(subject)] = [m.start() for m in _SEP_RX.finditer(subject)]
            seps = at[len(subject)]
            for end, bits in auto.iter(subject):  # a match's last character is in its text
                found[bisect_right(seps, end) - 1] |= bits
        return found


_SEP = "\x00"  # stands between texts in could_match_all; no literal holds it
_SEP_RX = re.compile(_SEP)


def _automaton(starts: dict[tuple[bool, str], int], contains: dict[tuple[bool, str], int],
               ci: bool) -> ahocorasick.Automaton | None:
    """One side's literals, each with the bits of the groups that need it; a literal that must
    open the text stands after _SEP. Every literal found at a place is reported, so a place
    names the groups of each literal that fits there."""
    bits: dict[str, int] = {}
    for (c, lit), bit in starts.items():
        if c == ci:
            bits[_SEP + lit] = bits.get(_SEP + lit, 0) | bit
    for (c, lit), bit in contains.items():
        if c == ci:
            bits[lit] = bits.get(lit, 0) | bit
    if not bits:
        return None
    auto = ahocorasick.Automaton()
    for lit, bit in bits.items():
        auto.add_word(lit, bit)
    auto.make_automaton()
    return auto


def _char(code: int, ci: bool) -> str:
    return fold(chr(code)) if ci else chr(code)


def _product(left: Strings, right: Strings, cap: int = _CAP) -> Strings | None:
    """Every left string followed by every right one, each cut at _LONG characters."""
    if len(left) * len(right) > cap:
        return None
    return {(a + b)[:_LONG] for a in left for b in right}


def _prefixes(seq: Seq, ci: bool) -> tuple[Strings | None, bool]:
    """Strings one of which every match of ``seq`` starts with, and whether they are whole
    matches (so what follows may extend them). None when nothing literal can be said."""
    out: Strings = {""}
    for op, av in seq:
        part, whole = _item(op, av, ci)
        if part is None:
            return out, False
        joined = _product(out, part)
        if joined is None:
            return out, False
        out = joined
        if not whole or min(map(len, out)) >= _LONG:
            return out, False
    return out, True


def _item(op, av, ci: bool) -> tuple[Strings | None, bool]:
    if op is C.LITERAL:
        return {_char(av, ci)}, True
    if op is C.AT:
        return {""}, True
    if op is C.IN:
        if all(kind is C.LITERAL for kind, _ in av):
            return {_char(code, ci) for _, code in av}, True
        return None, False
    if op is C.SUBPATTERN:
        return _prefixes(av[-1], ci)
    if op is C.BRANCH:
        parts = [_prefixes(branch, ci) for branch in av[1]]
        if any(p is None for p, _ in parts):
            return None, False
        return set().union(*(p for p, _ in parts)), all(w for _, w in parts)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        if lo == 0 and hi == 1:
            part, whole = _prefixes(sub, ci)
            return (None, False) if part is None else ({""} | part, whole)
        if lo == 0:
            return {""}, False
        part, whole = _prefixes(sub, ci)
        return part, whole and hi == 1
    return None, False


def _required(seq: Seq, ci: bool) -> Strings | None:
    """Strings one of which every match of ``seq`` contains: the best literal run found."""
    best: Strings | None = None
    run: Strings = {""}

    def close(candidate: Strings | None) -> None:
        nonlocal best
        if candidate and "" not in candidate and (best is None or _better(candidate, best)):
            best = candidate

    for op, av in seq:
        part, whole = _item(op, av, ci)
        if op in (C.SUBPATTERN, C.BRANCH) or (op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0]):
            close(_inner(op, av, ci))
        if part is None:
            close(run)
            run = {""}
            continue
        joined = _product(run, part, _RUN_CAP)
        run = part if joined is None else joined
        close(run)
        if not whole:
            run = {""}
    return best


def _inner(op, av, ci: bool) -> Strings | None:
    """What a group, a choice or a repeated part requires inside itself."""
    if op is C.SUBPATTERN:
        return _required(av[-1], ci)
    if op is C.BRANCH:
        parts = [_required(branch, ci) for branch in av[1]]
        return None if any(p is None for p in parts) else set().union(*parts)
    return _required(av[2], ci)


def _better(a: Strings, b: Strings) -> bool:
    """Longer shortest string first (rarer in prose) up to a point, then fewer strings (each
    costs a check on every block)."""
    return _score(a) > _score(b)


def _score(strings: Strings) -> tuple[int, int]:
    return min(min(map(len, strings)), _RARE), -len(strings)


def trie(words: list[str]) -> str:
    """A regex for any of ``words`` with shared prefixes factored out, so re tries one branch
    per distinct character instead of one per word; the longest word wins."""
    first: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        first.setdefault(word[:1], []).append(word[1:])
    alts = []
    for char, rests in first.items():
        if not char:
            continue
        tail = trie(rests) if any(rests) else ""
        if tail and "" in rests:
            tail = f"(?:{tail})?"
        alts.append(re.escape(char) + tail)
    return alts[0] if len(alts) == 1 and "" not in first else "(?:" + "|".join(alts) + ")"
