"""The rule machinery of normalisation: a :class:`Rule` has a fast path and an explaining path.

A rule's *fast path* (:meth:`Rule.fast`) returns the new text and builds no record; its *explaining path*
(:meth:`Rule.explain`) returns the edits in the coordinates of the text it received. Both derive from the
same pattern and replacement, so they agree by construction (and a property test checks it).

Speed: clean Hindi must pay almost nothing. One scan (:data:`RARE_RE`, a character class of everything
outside plain ASCII and everyday Devanagari) collects the set of *rare* characters a text holds; a rule whose
every trigger is rare (NBSP, ZWSP, controls, precomposed nukta letters, …) is skipped unless one of its
triggers was found. The other rules have cheap gates of their own (``in`` tests, short patterns).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..edits import apply_edits
from ..types import Edit
from .compose import compose

__all__ = ["RARE_RE", "Rule", "char_map", "rare_chars", "rule", "run_explain", "run_fast"]

Repl = Callable[["re.Match[str]"], str]
Gate = Callable[[str], bool]
FastFn = Callable[[str, frozenset[str]], str]
Repass = tuple[frozenset[str], Callable[[str, frozenset[str]], bool]]

# Everything else is "rare": the set of rare characters in a text is collected with one scan.
_COMMON = (
    "\n -{}~"  # LF, space and printable ASCII except "|"
    "\u0900-\u0928\u092a-\u0930\u0932\u0933\u0935-\u0950\u0955-\u0957\u0960-\u097f"  # Devanagari, see below
    "\u20b9"  # rupee sign
)
# not common: U+0929 U+0931 U+0934 (ऩ ऱ ऴ, rare), the stress marks U+0951..U+0954 (combining class > 0)
# and the precomposed nukta letters U+0958..U+095F (NFC decomposes them).
RARE_RE = re.compile(f"[^{_COMMON}]")


def rare_chars(text: str) -> frozenset[str]:
    """The set of rare characters in ``text`` (one C-speed scan).

    >>> sorted(rare_chars("नई\\u00a0दिल्ली ज़िंदगी"))
    ['\\xa0']
    """
    return frozenset(RARE_RE.findall(text))


@dataclass(frozen=True, eq=False)
class Rule:
    """One normalisation rule: a stable id, a pattern, a replacement and cheap gates.

    ``triggers``: the rule can only apply when one of these (rare) characters is in the text. ``gate``: a
    further cheap test (a string of characters, one of which must be present, or a callable). ``repl`` is a
    callable or a template string (``\\1``). ``repeat`` re-runs the rule on its own output until it stops
    changing (``&amp;lt;``). ``literal``/``literal_when``: a literal replacement the fast path may use when
    ``literal_when(text)`` holds (it must equal what ``repl`` returns then). ``bind``: for a rule whose
    decisions depend on the whole text (does it write real dandas?), a function of the text that returns a
    replacement equivalent to ``repl`` on it (a callable, or a template when every match gets the same), with
    the whole-text facts worked out once; both paths use it.
    """

    id: str
    kind: str
    reason: str
    pattern: re.Pattern[str]
    repl: Repl | str
    gate: str | Gate | None = None
    triggers: frozenset[str] | None = None
    repeat: bool = False
    doc: str = ""
    profiles: frozenset[str] = field(default_factory=lambda: frozenset({"safe", "search"}))
    literal: str | None = None
    literal_when: Gate | None = None
    introduces_rare: bool = False
    """The output can hold rare characters the input did not (entities, mojibake, surrogates)."""
    fast_fn: FastFn | None = None
    """An equivalent fast path (``str.replace`` calls) taking the text and its rare characters."""
    bind: Callable[[str], Repl | str] | None = None
    """Makes a replacement equivalent to ``repl`` for one text, with what depends on the whole text worked out once."""

    def applies(self, text: str, found: frozenset[str]) -> bool:
        """Cheap test: may the rule change ``text`` (whose rare characters are ``found``)?"""
        if self.triggers is not None and found.isdisjoint(self.triggers):
            return False
        gate = self.gate
        if gate is None:
            return True
        if isinstance(gate, str):
            return any(c in text for c in gate)
        return gate(text)

    def _sub(self, text: str) -> str:
        if self.literal is not None and (self.literal_when is None or self.literal_when(text)):
            return self.pattern.sub(self.literal.replace("\\", "\\\\"), text)
        return self.pattern.sub(self.repl if self.bind is None else self.bind(text), text)

    def fast(self, text: str, found: frozenset[str]) -> str:
        """Apply the rule; return ``text`` itself when nothing changed."""
        return self.step(text, found)[0]

    def step(self, text: str, found: frozenset[str]) -> tuple[str, frozenset[str]]:
        """Apply the rule; return the new text and the set of rare characters it may hold."""
        if not self.applies(text, found):
            return text, found
        if self.fast_fn is not None:
            new = self.fast_fn(text, found)
        else:
            new = self._sub(text)
            last = text
            while self.repeat and new != last:
                last, new = new, self._sub(new)
        return new, self.found_after(text, new, found)

    def found_after(self, old: str, new: str, found: frozenset[str]) -> frozenset[str]:
        """The rare characters to assume after this rule turned ``old`` into ``new`` (a superset of those in
        ``new``); both paths use it, so they make the same decisions."""
        if self.introduces_rare and new != old:
            return rare_chars(new)
        return found

    def _edits_once(self, text: str) -> list[Edit]:
        repl = self.repl if self.bind is None else self.bind(text)
        out: list[Edit] = []
        for m in self.pattern.finditer(text):
            old = m.group()
            new = m.expand(repl) if isinstance(repl, str) else repl(m)
            if new != old:
                out.append(Edit(self.id, self.kind, m.start(), m.end(), old, new, self.reason))
        return out

    def explain(self, text: str, found: frozenset[str]) -> list[Edit]:
        """The edits the rule makes to ``text``, sorted, non-overlapping, in ``text`` coordinates."""
        if not self.applies(text, found):
            return []
        edits = self._edits_once(text)
        if not self.repeat or not edits:
            return edits
        current = apply_edits(text, edits)
        while True:
            more = self._edits_once(current)
            if not more:
                return edits
            following = apply_edits(current, more)
            edits = compose(text, edits, following, more)
            current = following


def rule(
    rule_id: str,
    *,
    kind: str,
    reason: str,
    pattern: str | re.Pattern[str],
    gate: str | Gate | None = None,
    triggers: str | frozenset[str] | None = None,
    repeat: bool = False,
    profiles: Sequence[str] = ("safe", "search"),
    template: str | None = None,
    literal: str | None = None,
    literal_when: Gate | None = None,
    introduces_rare: bool = False,
    fast_fn: FastFn | None = None,
    bind: Callable[[str], Repl | str] | None = None,
) -> Callable[[Repl], Rule]:
    """Decorator: turn a replacement function (whose docstring says what the rule changes and leaves alone)
    into a :class:`Rule`. ``template`` (a ``re`` replacement template) replaces the function in both paths;
    ``literal`` only in the fast path, when ``literal_when`` holds; ``bind`` (text -> replacement
    equivalent to the function on that text) in both paths."""
    compiled = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern)
    trig = frozenset(triggers) if isinstance(triggers, str) else triggers

    def wrap(fn: Repl) -> Rule:
        return Rule(
            id=rule_id,
            kind=kind,
            reason=reason,
            pattern=compiled,
            repl=template if template is not None else fn,
            gate=gate,
            triggers=trig,
            repeat=repeat,
            doc=(fn.__doc__ or "").strip(),
            profiles=frozenset(profiles),
            literal=literal,
            literal_when=literal_when,
            introduces_rare=introduces_rare,
            fast_fn=fast_fn,
            bind=bind,
        )

    return wrap


def char_map(mapping: dict[str, str]) -> FastFn:
    """A fast path for a rule that maps (or deletes) single rare characters: one ``str.replace`` per mapped
    character the text holds. Equivalent to the rule's pattern when that pattern matches exactly these
    characters, one or a run of the same deletion at a time."""
    keys = frozenset(mapping)

    def fast(text: str, found: frozenset[str]) -> str:
        for ch in found & keys:
            text = text.replace(ch, mapping[ch])
        return text

    return fast


MAX_PASSES = 4
"""Rules are ordered so that one pass is enough for real text; a second pass runs only when the output of
the first still holds something that could need it (see :func:`_needs_repass`), up to this many passes."""


def _needs_repass(text: str, found: frozenset[str], repass: Repass) -> bool:
    marks, check = repass
    return not found.isdisjoint(marks) or check(text, found)


def run_fast(text: str, rules: Sequence[Rule], repass: Repass) -> str:
    """Run every rule in order; repeat the pass while it changed something that may need another one."""
    for _ in range(MAX_PASSES):
        start = text
        found = rare_chars(text)
        for r in rules:
            text, found = r.step(text, found)
        # ``found`` is now a superset of the rare characters in ``text`` (rules that add any recompute it)
        if text == start or not _needs_repass(text, found, repass):
            return text
    return text


def run_explain(text: str, rules: Sequence[Rule], repass: Repass) -> tuple[str, list[Edit]]:
    """Like :func:`run_fast` but also return the composed edits in the coordinates of ``text``."""
    original = text
    total: list[Edit] = []
    for _ in range(MAX_PASSES):
        start = text
        found = rare_chars(text)
        for r in rules:
            edits = r.explain(text, found)
            if edits:
                new = apply_edits(text, edits)
                total = compose(original, total, new, edits)
                found = r.found_after(text, new, found)
                text = new
        if text == start or not _needs_repass(text, found, repass):
            break
    return text, total
