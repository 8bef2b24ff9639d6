"""The rule machinery of normalisation: a :class:`Rule` has a fast path and an explaining path.

A rule's *fast path* (:meth:`Rule.fast`) returns the new text and builds no record; its *explaining path*
(:meth:`Rule.explain`) returns the edits in the coordinates of the text it received. Both derive from the
same pattern and replacement, so they agree by construction (and a property test checks it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .edits import apply_edits
from .normalize_edits import compose
from .types import Edit

__all__ = ["Rule", "rule", "run_explain", "run_fast"]

Repl = Callable[["re.Match[str]"], str]

MAX_PASSES = 4
"""A pass that changed something is followed by another, up to this many (rules are ordered so that
one pass is normally enough and the second only confirms)."""


@dataclass(frozen=True, eq=False)
class Rule:
    """One normalisation rule: a stable id, a pattern, a replacement and an optional cheap gate.

    ``gate`` is a string of characters: the rule can only apply when one of them is in the text (a C-speed
    ``in`` test per character), or a callable for anything subtler. ``repeat`` re-runs the rule on its own
    output until it stops changing (for rules whose output can form a new match, like ``&amp;lt;``).
    """

    id: str
    kind: str
    reason: str
    pattern: re.Pattern[str]
    repl: Repl | str
    gate: str | Callable[[str], bool] | None = None
    repeat: bool = False
    doc: str = ""
    profiles: frozenset[str] = field(default_factory=lambda: frozenset({"safe", "search"}))

    def applies(self, text: str) -> bool:
        """Cheap test: may the rule change ``text``? (False means it certainly will not.)"""
        gate = self.gate
        if gate is None:
            return True
        if isinstance(gate, str):
            return any(c in text for c in gate)
        return gate(text)

    def fast(self, text: str) -> str:
        """Apply the rule; return ``text`` itself (the same object) when nothing changed."""
        if not self.applies(text):
            return text
        new = self.pattern.sub(self.repl, text)
        while self.repeat and new != text:
            text, new = new, self.pattern.sub(self.repl, new)
        return new

    def _edits_once(self, text: str) -> list[Edit]:
        repl = self.repl
        out: list[Edit] = []
        for m in self.pattern.finditer(text):
            old = m.group()
            new = repl if isinstance(repl, str) else repl(m)
            if new != old:
                out.append(Edit(self.id, self.kind, m.start(), m.end(), old, new, self.reason))
        return out

    def explain(self, text: str) -> list[Edit]:
        """The edits the rule makes to ``text``, sorted, non-overlapping, in ``text`` coordinates."""
        if not self.applies(text):
            return []
        edits = self._edits_once(text)
        if not self.repeat or not edits:
            return edits
        current = apply_edits(text, edits)
        while True:
            more = self._edits_once(current) if self.applies(current) else []
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
    gate: str | Callable[[str], bool] | None = None,
    repeat: bool = False,
    profiles: Sequence[str] = ("safe", "search"),
    flags: int = 0,
) -> Callable[[Repl], Rule]:
    """Decorator: turn a replacement function (whose docstring says what it changes and leaves alone) into a
    :class:`Rule`."""

    compiled = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags)

    def wrap(fn: Repl) -> Rule:
        return Rule(
            rule_id, kind, reason, compiled, fn, gate, repeat, (fn.__doc__ or "").strip(), frozenset(profiles)
        )

    return wrap


def run_fast(text: str, rules: Sequence[Rule]) -> str:
    """Run every rule in order, pass after pass, until a pass changes nothing (at most ``MAX_PASSES``)."""
    for _ in range(MAX_PASSES):
        start = text
        for r in rules:
            text = r.fast(text)
        if text is start or text == start:
            return text
    return text


def run_explain(text: str, rules: Sequence[Rule]) -> tuple[str, list[Edit]]:
    """Like :func:`run_fast` but also return the composed edits in the coordinates of ``text``."""
    original = text
    total: list[Edit] = []
    for _ in range(MAX_PASSES):
        start = text
        for r in rules:
            edits = r.explain(text)
            if edits:
                new = apply_edits(text, edits)
                total = compose(original, total, new, edits)
                text = new
        if text == start:
            break
    return text, total
