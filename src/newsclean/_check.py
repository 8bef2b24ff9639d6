"""Argument checks used at public boundaries only (internals trust their types)."""

from __future__ import annotations

from collections.abc import Iterable

from .errors import ConfigError, InputTypeError

_BYTES_HINT = (
    "; decode it first, e.g. data.decode('utf-8') (newsclean works on str, and cannot guess an encoding)"
)


def type_message(func: str, arg: str, expected: str, value: object) -> str:
    """Return CPython-style wording: "f() argument 'x' must be str, not bytes"."""
    msg = f"{func}() argument '{arg}' must be {expected}, not {type(value).__name__}"
    if isinstance(value, (bytes, bytearray, memoryview)):
        msg += _BYTES_HINT
    return msg


def check_str(value: object, func: str, arg: str = "text") -> str:
    """Return ``value`` if it is a ``str``, else raise :class:`InputTypeError` naming ``func`` and ``arg``."""
    if isinstance(value, str):
        return value
    raise InputTypeError(type_message(func, arg, "str", value))


def check_optional_str(value: object, func: str, arg: str) -> str | None:
    """Like :func:`check_str` but ``None`` passes."""
    if value is None or isinstance(value, str):
        return value
    raise InputTypeError(type_message(func, arg, "str or None", value))


def check_choice(value: object, func: str, arg: str, choices: Iterable[str]) -> str:
    """Raise :class:`ConfigError` unless ``value`` is one of ``choices``."""
    allowed = tuple(choices)
    if isinstance(value, str) and value in allowed:
        return value
    if not isinstance(value, str):
        raise InputTypeError(type_message(func, arg, "str", value))
    listed = ", ".join(repr(c) for c in allowed)
    msg = f"{func}() argument '{arg}' = {value!r} is invalid; must be one of {listed}"
    raise ConfigError(msg)


def check_fraction(value: object, func: str, arg: str, *, low: float = 0.0, high: float = 1.0) -> float:
    """Raise unless ``value`` is a real number in ``[low, high]``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InputTypeError(type_message(func, arg, "float", value))
    if not low <= float(value) <= high:
        msg = f"{func}() argument '{arg}' = {value!r} is invalid; must be in [{low}, {high}]"
        raise ConfigError(msg)
    return float(value)


def check_positive_int(value: object, func: str, arg: str, *, minimum: int = 1) -> int:
    """Raise unless ``value`` is an int ``>= minimum``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputTypeError(type_message(func, arg, "int", value))
    if value < minimum:
        msg = f"{func}() argument '{arg}' = {value!r} is invalid; must be >= {minimum}"
        raise ConfigError(msg)
    return value


def check_rule_ids(value: object, func: str, known: Iterable[str], arg: str = "disable") -> frozenset[str]:
    """The rule ids ``value`` names: one id as a ``str``, or any iterable of ids; each must be in ``known``.

    This is what ``disable=`` means everywhere (:class:`~newsclean.NormalizeConfig`,
    :func:`~newsclean.strip_boilerplate`, :class:`~newsclean.StripBoilerplate`).

    Raises:
        InputTypeError: ``value`` is neither a ``str`` nor an iterable of ``str``.
        ConfigError: an id is not in ``known`` (the message lists the known ids).
    """
    if isinstance(value, str):
        items: frozenset[object] = frozenset((value,))
    elif isinstance(value, Iterable) and not isinstance(value, (bytes, bytearray)):
        items = frozenset(value)
    else:
        raise InputTypeError(type_message(func, arg, "a rule id or a collection of rule ids", value))
    for x in items:
        if not isinstance(x, str):
            raise InputTypeError(type_message(func, f"{arg}' item '{x!r}", "str", x))
    out = frozenset(str(x) for x in items)
    allowed = frozenset(known)
    unknown = sorted(out - allowed)
    if unknown:
        names = ", ".join(repr(u) for u in unknown)
        msg = (
            f"{func}() argument '{arg}' has unknown rule ids {names}; known ids: {', '.join(sorted(allowed))}"
        )
        raise ConfigError(msg)
    return out
