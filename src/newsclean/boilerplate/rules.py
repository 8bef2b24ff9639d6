"""Known boilerplate patterns, kept as data: the :class:`PatternRule` type (the rows are in
:mod:`.rule_table`, :func:`~newsclean.boilerplate.rule_table.default_rules`).

A rule is a trigger pattern plus a *scope* that says how much text around a hit goes:

- ``"match"``: the match itself (an agency credit such as ``(इनपुट- पीटीआई)``);
- ``"line"``: the whole line holding the match, when the line is short (a byline, an ``विज्ञापन`` label);
- ``"sentence"``: the sentence holding the match, when it sits at an edge of its line (a follow prompt);
- ``"to_eol"``: from the match to the end of its line (a related link: marker plus linked headline).

and a *site* for ``"match"`` rules: ``"any"``, ``"end"`` (nothing but spaces after it on its line, and a line
start or a sentence end before it), ``"eol"`` (nothing but spaces after it on its line), ``"edge"`` (a line
start or sentence end before it, or a line end after it) or ``"start"`` (the start of the text). Rules are
cheap to skip: each has ``gate`` strings, and its pattern runs only on the lines of the lower-cased text that
hold one of them. Patterns are compiled once and written without nested quantifiers over overlapping classes, so they run
in linear time. The table is run by :func:`newsclean.boilerplate.rule_engine.find_patterns`.

Users extend the table (``rules=default_rules() + (PatternRule(...),)``) or disable rows by id.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..chars import NUKTA_LETTERS
from ..errors import ConfigError

__all__ = ["SCOPES", "SITES", "PatternRule", "compiled_pattern", "nukta_loose"]

SCOPES = ("match", "line", "sentence", "to_eol")
SITES = ("any", "end", "eol", "start", "edge")
_FLAGS = regex.MULTILINE | regex.VERSION0


def nukta_loose(pattern: str) -> str:
    """Let every nukta letter in ``pattern`` match its precomposed, decomposed and nukta-less forms (text is
    stripped before or without normalisation, so ``पढ़ें`` may come in any of them).

    >>> import regex
    >>> bool(regex.fullmatch(nukta_loose("पढ़ें"), "पढें")), bool(regex.fullmatch(nukta_loose("पढ़ें"), "प\u0922\u093cें"))
    (True, True)
    """
    for composed, base in NUKTA_LETTERS.items():
        alt = f"(?:{composed}|{base}\u093c?)"
        pattern = pattern.replace(f"{base}\u093c", composed).replace(composed, alt)
    return pattern


def _caseless(pattern: str) -> str:
    """Make the ASCII letters of ``pattern`` match either case (``a`` -> ``[aA]``) outside escapes, group
    openers and character classes.

    Matching case-insensitively this way, instead of with the ``IGNORECASE`` flag, keeps Devanagari scans at
    full speed (the flag roughly doubles the cost of every scan) and keeps ``\\p{Lu}`` meaning upper case.

    >>> _caseless(r"(?:also\\s+read)")
    '(?:[aA][lL][sS][oO]\\\\s+[rR][eE][aA][dD])'
    """
    out: list[str] = []
    i, n, depth = 0, len(pattern), 0
    while i < n:
        c = pattern[i]
        if c == "\\":
            j = i + 2
            if i + 1 < n and pattern[i + 1] in "pPN" and j < n and pattern[j] == "{":
                j = pattern.index("}", j) + 1
            elif i + 1 < n and pattern[i + 1] == "u":
                j = i + 6
            elif i + 1 < n and pattern[i + 1] == "x":
                j = i + 4
            out.append(pattern[i:j])
            i = j
            continue
        if c == "[" and depth == 0:
            depth = 1
        elif c == "]" and depth == 1 and out and out[-1] != "[":
            depth = 0
        elif c == "(" and pattern.startswith("(?", i):
            j = i + 2
            if pattern.startswith("P<", j) or (
                pattern.startswith("<", j) and not pattern.startswith(("<=", "<!"), j)
            ):
                j = pattern.index(">", j) + 1
            out.append(pattern[i:j])
            i = j
            continue
        if depth == 0 and c.isascii() and c.isalpha():
            out.append(f"[{c.lower()}{c.upper()}]")
        else:
            out.append(c)
        i += 1
    return "".join(out)


@lru_cache(maxsize=512)
def _top_level_alternation(pattern: str) -> bool:
    """Whether ``pattern`` has a ``|`` outside every group and class (``^a|b``: the ``^`` binds ``a`` only)."""
    depth, escaped, in_class = 0, False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
    return False


def _anchored(pattern: str) -> bool:
    """A pattern whose every match starts at a line start: a leading ``^`` and no top-level alternation."""
    return pattern.startswith("^") and not _top_level_alternation(pattern)


def _compiled(pattern: str) -> regex.Pattern[str]:
    # A leading "^" becomes a literal "\n" and the text is searched with a "\n" in front: the engine then
    # jumps between line breaks instead of trying every position.
    if _anchored(pattern):
        pattern = "\n" + pattern[1:]
    return regex.compile(_caseless(nukta_loose(pattern)), _FLAGS)


@dataclass(frozen=True, slots=True)
class PatternRule:
    """One known boilerplate pattern.

    Args:
        id: Stable rule id, e.g. ``"boilerplate.advert"``.
        pattern: ``regex`` pattern (case-insensitive, multi-line; nukta letters match with or without nukta).
        reason: Why this text is boilerplate (goes into each edit).
        kind: Kind of boilerplate for the edit record.
        scope: ``"match"``, ``"line"``, ``"sentence"`` or ``"to_eol"``.
        site: For ``"match"``: ``"any"``, ``"end"``, ``"start"`` or ``"edge"``.
        gate: Lower-case strings; the pattern runs only if one occurs in the lower-cased text, and only on
            the lines holding one (so a gate word must occur on the line of every match; a match does not
            run over a line break).
        max_len: Longest line/sentence a ``"line"``/``"sentence"`` rule may remove.
        require: Optional second pattern that must also occur in the removed line/sentence (a cheap trigger
            finds candidates, ``require`` confirms them).
        sentences: For a ``"line"`` rule: whether the line may hold whole sentences of boilerplate (a
            disclaimer). Otherwise a real sentence after a sentence end on the line stays; text before the hit
            that holds a sentence end always stays.
        ends: Optional lower-case words of which every match's line must end with one, followed only by
            characters of ``ends_after`` (a pattern ending in ``$``): lines that do not are not searched (a
            cheap look at the line's end instead of a scan of a long paragraph). Only lines found through
            ``gate`` are filtered.
        ends_after: The characters that may follow an ``ends`` word at the line's end.

    Raises:
        ConfigError: For an unknown scope or site, a bad ``max_len`` or a pattern that does not compile.

    >>> r = PatternRule("my.sponsored", r"^\\s*प्रायोजित\\s*$", "sponsor label", scope="line", gate=("प्रायोजित",))
    >>> from newsclean.boilerplate.rule_engine import find_patterns
    >>> [text[c.start:c.end] for text in ["खबर।\\nप्रायोजित\\nआगे।"] for c in find_patterns(text, (r,))]
    ['प्रायोजित']
    """

    id: str
    pattern: str
    reason: str
    kind: str = "pattern"
    scope: str = "match"
    site: str = "any"
    gate: tuple[str, ...] = ()
    max_len: int = 300
    require: str = ""
    sentences: bool = False
    ends: tuple[str, ...] = ()
    ends_after: str = ""

    def __post_init__(self) -> None:
        if self.scope not in SCOPES:
            msg = f"PatternRule(id={self.id!r}): scope={self.scope!r} must be one of {', '.join(SCOPES)}"
            raise ConfigError(msg)
        if self.site not in SITES:
            msg = f"PatternRule(id={self.id!r}): site={self.site!r} must be one of {', '.join(SITES)}"
            raise ConfigError(msg)
        if not isinstance(self.max_len, int) or self.max_len < 1:
            msg = f"PatternRule(id={self.id!r}): max_len must be a positive int"
            raise ConfigError(msg)
        try:
            _compiled(self.pattern)
            if self.require:
                _compiled(self.require)
        except regex.error as exc:
            msg = f"PatternRule(id={self.id!r}): pattern does not compile: {exc}"
            raise ConfigError(msg) from exc

    @property
    def line_anchored(self) -> bool:
        """True when every match starts at a line start: the pattern starts with ``^`` and has no top-level
        ``|`` (it is then searched on the text with a newline in front).

        >>> PatternRule("x", "^a", "r").line_anchored, PatternRule("x", "^a|^b", "r").line_anchored
        (True, False)
        """
        return _anchored(self.pattern)

    @property
    def compiled(self) -> regex.Pattern[str]:
        """The compiled pattern (cached).

        >>> bool(PatternRule("x", "^a", "r").compiled.pattern)
        True
        """
        return _compiled(self.pattern)


def compiled_pattern(pattern: str) -> regex.Pattern[str]:
    """A rule pattern compiled as the engine runs it (cached; a leading ``^`` becomes a line break).

    >>> compiled_pattern("^क").pattern == "\\nक"
    True
    """
    return _compiled(pattern)
