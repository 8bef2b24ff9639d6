"""Unicode NFC (with ``unicodedata2``) behind a cheap gate, recording exactly which segments changed.

``unicodedata2`` has no ``is_normalized``, so the gate is a pattern built once from the character data: a
character NFC always changes (Full_Composition_Exclusion), one that may compose with what precedes it
(NFC_Quick_Check=Maybe), न/र/ळ + nukta (they compose to ऩ ऱ ऴ), or two adjacent combining marks that may be
out of canonical order. Clean Hindi (nukta after a non-composing consonant, virama, vowel signs) does not
match, so it skips NFC entirely.

Edits: the text is cut at *stable* characters (combining class 0, NFC_Quick_Check=Yes); NFC never acts across
such a cut, so each segment around a gate hit is normalised on its own and recorded when it changed.
"""

from __future__ import annotations

import functools
import re

import unicodedata2

from ..chars import NUKTA_LETTERS
from ..types import Edit
from .rule import Rule, rare_chars

__all__ = ["NFC", "nfc_triggers"]

_PLANES = (range(0xD800), range(0xE000, 0x40000), range(0xE0000, 0xE1000))
# Hangul jamo that compose algorithmically (no entry in the decomposition table): vowels and trailing consonants.
_HANGUL_MAYBE = (range(0x1161, 0x1176), range(0x11A8, 0x11C3))


def _class(cps: list[int]) -> str:
    """A character-class body for a sorted list of code points, as ranges."""
    parts: list[str] = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        lo, hi = re.escape(chr(cps[i])), re.escape(chr(cps[j]))
        parts.append(lo if i == j else f"{lo}-{hi}")
        i = j + 1
    return "".join(parts)


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    """Build from the installed ``unicodedata2`` (about 40 ms, once): the gate pattern, the set of unstable
    characters, and the set of rare characters that may make NFC act (all but nukta and virama)."""
    combining: list[int] = []
    changes: list[int] = []
    maybe: set[int] = {cp for r in _HANGUL_MAYBE for cp in r}
    for plane in _PLANES:
        for cp in plane:
            ch = chr(cp)
            if unicodedata2.combining(ch):
                combining.append(cp)
            d = unicodedata2.decomposition(ch)
            if d and d[0] != "<":
                if unicodedata2.normalize("NFC", ch) != ch:
                    changes.append(cp)
                else:
                    parts = d.split()
                    if len(parts) == 2:
                        maybe.add(int(parts[1], 16))
    low = [cp for cp in combining if unicodedata2.combining(chr(cp)) < _NUKTA_CCC]
    marks_not_nukta = [cp for cp in combining if cp != _NUKTA]
    maybe_not_nukta = sorted(cp for cp in maybe if cp != _NUKTA)
    gate = "|".join(
        [
            f"[{_class(sorted(changes))}]",
            f"[{_class(maybe_not_nukta)}]",
            "[\u0928\u0930\u0933]\u093c",
            f"[{_class(marks_not_nukta)}][{_class(combining)}]",
            f"\u093c[{_class(low)}]",
        ]
    )
    unstable = frozenset(chr(cp) for cp in (*combining, *changes, *maybe))
    triggers = frozenset(chr(cp) for cp in (*combining, *changes, *maybe) if cp not in (_NUKTA, _VIRAMA))
    return re.compile(gate), unstable, triggers


_NUKTA, _VIRAMA, _NUKTA_CCC = 0x093C, 0x094D, 7
# With no rare trigger present, only these Devanagari pairs can make NFC act (reorder or compose).
_DEVANAGARI_PAIRS = re.compile("\u093c(?<=[\u094d\u0928\u0930\u0933]\u093c)")
_PRECOMPOSED = {c: unicodedata2.normalize("NFD", c) for c in NUKTA_LETTERS}
_PRECOMPOSED_RE = re.compile("[" + "".join(NUKTA_LETTERS) + "]")


def nfc_triggers() -> frozenset[str]:
    """Rare characters whose presence may make NFC change a text (every character with a non-zero combining
    class, a composition exclusion or NFC_Quick_Check=Maybe, except the everyday nukta and virama)."""
    return _tables()[2]


class _NFCRule(Rule):
    """NFC as a rule; its fast path is one C call over the whole text (or eight ``str.replace`` calls when the
    only thing to do is decomposing precomposed nukta letters)."""

    def applies(self, text: str, found: frozenset[str]) -> bool:
        return not found.isdisjoint(_tables()[2]) or _DEVANAGARI_PAIRS.search(text) is not None

    def _only_precomposed(self, text: str, found: frozenset[str]) -> frozenset[str] | None:
        """The precomposed nukta letters to decompose, when that is all NFC has to do; else None."""
        hit = found & _tables()[2]
        if hit.issubset(_PRECOMPOSED) and _DEVANAGARI_PAIRS.search(text) is None:
            return hit
        return None

    def step(self, text: str, found: frozenset[str]) -> tuple[str, frozenset[str]]:
        if not self.applies(text, found):
            return text, found
        hit = self._only_precomposed(text, found)
        if hit is not None:
            new = text
            for ch in hit:
                new = new.replace(ch, _PRECOMPOSED[ch])
        else:
            new = unicodedata2.normalize("NFC", text)
            if new == text:
                new = text
        return new, self.found_after(text, new, found)

    def found_after(self, old: str, new: str, found: frozenset[str]) -> frozenset[str]:
        if new == old:
            return found
        hit = self._only_precomposed(old, found)
        # decomposed precomposed letters leave everyday characters; a full NFC may compose ऩ ऱ ऴ and more
        return found - hit if hit is not None else rare_chars(new)

    def explain(self, text: str, found: frozenset[str]) -> list[Edit]:
        if not self.applies(text, found):
            return []
        gate, unstable, _ = _tables()
        if self._only_precomposed(text, found) is not None:
            # only precomposed nukta letters: each decomposes on its own
            return [
                Edit(self.id, self.kind, m.start(), m.end(), m.group(), _PRECOMPOSED[m.group()], self.reason)
                for m in _PRECOMPOSED_RE.finditer(text)
            ]
        out: list[Edit] = []
        n = len(text)
        done = 0  # text[:done] is already covered
        for m in gate.finditer(text):
            p = m.start()
            if p < done:
                continue
            start = p
            while start > done and text[start] in unstable:
                start -= 1
            end = m.end()
            while end < n and text[end] in unstable:
                end += 1
            old = text[start:end]
            new = unicodedata2.normalize("NFC", old)
            done = end
            if new == old:
                continue
            # trim the common prefix and suffix so the edit covers only what changed
            a = 0
            while a < len(old) and a < len(new) and old[a] == new[a]:
                a += 1
            b = 0
            while b < len(old) - a and b < len(new) - a and old[-1 - b] == new[-1 - b]:
                b += 1
            out.append(
                Edit(
                    self.id,
                    self.kind,
                    start + a,
                    end - b,
                    old[a : len(old) - b],
                    new[a : len(new) - b],
                    self.reason,
                )
            )
        return out


def _unused(m: re.Match[str]) -> str:  # pragma: no cover - the NFC rule overrides fast/explain
    return m.group()


NFC = _NFCRule(
    "normalize.nfc",
    "unicode",
    "Unicode NFC (canonical composition); U+0958..U+095F are composition exclusions and decompose",
    re.compile("(?!)"),
    _unused,
    introduces_rare=True,  # composes ऩ ऱ ऴ, decomposes into combining marks
    doc=(
        "Changes: text to Unicode Normalization Form C with unicodedata2: canonical reordering of combining "
        "marks (nukta before virama), composition (न+़ -> ऩ, र+़ -> ऱ, ळ+़ -> ऴ) and the composition "
        "exclusions क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़ (U+0958..U+095F), which NFC decomposes to consonant + nukta. "
        "Leaves alone: everything already in NFC; it never applies compatibility mappings (NFKC)."
    ),
)
