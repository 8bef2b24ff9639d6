"""The exceptions newsclean raises.

Every error is a :class:`NewscleanError` *and* a built-in exception, so callers can catch
either ``newsclean.InputTypeError`` or plain ``TypeError``.

>>> import newsclean as nc
>>> issubclass(nc.InputTypeError, TypeError) and issubclass(nc.ConfigError, ValueError)
True
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "IncompatibleSignatureError",
    "InputTypeError",
    "NewscleanError",
    "RecordError",
]


class NewscleanError(Exception):
    """Base class of every error newsclean raises.

    >>> import newsclean as nc
    >>> try:
    ...     nc.normalize(b"abc")
    ... except nc.NewscleanError as exc:
    ...     print(type(exc).__name__)
    InputTypeError
    """


class InputTypeError(NewscleanError, TypeError):
    """A public function got an argument of the wrong type.

    >>> import newsclean as nc
    >>> nc.normalize(3)
    Traceback (most recent call last):
    ...
    newsclean.errors.InputTypeError: normalize() argument 'text' must be str, not int
    """


class ConfigError(NewscleanError, ValueError):
    """An option has a bad value or a bad combination of values.

    >>> import newsclean as nc
    >>> nc.normalize("नमस्ते", profile="fast")
    Traceback (most recent call last):
    ...
    newsclean.errors.ConfigError: normalize() argument 'profile' = 'fast' is invalid; must be one of 'safe', 'search'
    """


class RecordError(NewscleanError, ValueError):
    """A record is malformed; the message starts with ``path:lineno:`` (or ``where:`` for a record in memory).

    ``path`` is the file (or, for a record in memory, the function that got it) and ``lineno`` its line or
    row number when known.

    >>> err = RecordError("field 'text' missing", path="in.jsonl", lineno=7, field="text")
    >>> str(err)
    "in.jsonl:7: field 'text' missing"
    >>> (err.path, err.lineno, err.field)
    ('in.jsonl', 7, 'text')
    >>> str(RecordError("columns of different lengths", path="Pipeline.batch"))
    'Pipeline.batch: columns of different lengths'
    """

    def __init__(
        self, reason: str, *, path: str, lineno: int | None = None, field: str | None = None
    ) -> None:
        super().__init__(f"{path}: {reason}" if lineno is None else f"{path}:{lineno}: {reason}")
        self.reason = reason
        self.path = path
        self.lineno = lineno
        self.field = field

    def __reduce__(self) -> tuple[object, ...]:  # keep picklable across processes
        return (_rebuild_record_error, (self.reason, self.path, self.lineno, self.field))


def _rebuild_record_error(reason: str, path: str, lineno: int | None, field: str | None) -> RecordError:
    return RecordError(reason, path=path, lineno=lineno, field=field)


class IncompatibleSignatureError(NewscleanError, ValueError):
    """Two MinHash signatures (or an index and a signature) were built with different parameters.

    >>> issubclass(IncompatibleSignatureError, ValueError)
    True
    """
