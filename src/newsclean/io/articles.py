"""Plain-text articles in the seed's shape: headline, optional standfirst, a blank line, then the body.

>>> doc = parse_article("शीर्षक\\n\\nपाठ।\\n")
>>> doc.title, doc.text
('शीर्षक', 'पाठ।\\n')
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .._check import check_str
from ..errors import RecordError
from ..types import Document
from .inputs import STDIO, display, open_input

__all__ = [
    "ArticleItem",
    "article_files",
    "format_article",
    "iter_articles",
    "parse_article",
    "read_article_file",
    "read_articles",
]


def parse_article(text: str, *, id: str | None = None) -> Document:
    """Parse a plain-text article in the seed's shape into a :class:`Document`.

    Line 1 is the headline, the lines up to the first blank line are the standfirst (optional), and the
    rest, after the blank line, is the body (kept exactly, trailing blank lines included). Text with no
    blank line is all body.

    Args:
        text: The article.
        id: Optional document id.

    Returns:
        A document with ``title``, ``standfirst`` and ``text`` (the body).

    Raises:
        InputTypeError: ``text`` is not a ``str``.

    >>> doc = parse_article("बड़ी खबर\\nसंक्षेप में\\n\\nरायपुर। पहला पैराग्राफ।\\n")
    >>> doc.title, doc.standfirst, doc.text
    ('बड़ी खबर', 'संक्षेप में', 'रायपुर। पहला पैराग्राफ।\\n')
    >>> parse_article("सिर्फ़ पाठ।").title is None
    True
    """
    check_str(text, "parse_article", "text")
    text = text.replace("\r\n", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    head, sep, body = text.partition("\n\n")
    if not sep or not head.strip():
        return Document(text, id=id)
    lines = head.split("\n")
    standfirst = "\n".join(lines[1:]).strip() or None
    return Document(body.lstrip("\n"), title=lines[0].strip() or None, standfirst=standfirst, id=id)


def format_article(title: str | None, standfirst: str | None, body: str) -> str:
    """Write an article back in the seed's shape (inverse of :func:`parse_article` for a clean body).

    Args:
        title: The headline, or ``None``.
        standfirst: The standfirst, or ``None``.
        body: The body.

    Returns:
        ``title``, ``standfirst``, a blank line, the body, ending in one newline.

    >>> format_article("शीर्षक", None, "पाठ।")
    'शीर्षक\\n\\nपाठ।\\n'
    """
    head = "\n".join(x for x in (title, standfirst) if x)
    out = f"{head}\n\n{body}" if head else body
    return out if out.endswith("\n") else out + "\n"


@dataclass(frozen=True, slots=True)
class ArticleItem:
    """One article file: its name, its bytes, and either the parsed document or why it was rejected.

    >>> item = ArticleItem("a.txt", b"x", Document("x"))
    >>> item.ok, item.lineno
    (True, 1)
    """

    path: str
    raw: bytes
    doc: Document | None = None
    error: RecordError | None = None

    @property
    def ok(self) -> bool:
        """True when the file decoded and parsed."""
        return self.error is None

    @property
    def lineno(self) -> int:
        """The line the error is on (1 for a good file)."""
        return 1 if self.error is None else (self.error.lineno or 1)


def article_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str | os.PathLike[str]]:
    """Each path, with a directory replaced by its ``*.txt`` files in name order.

    Args:
        paths: Files, directories or ``"-"``.

    Returns:
        An iterator of files.
    """
    for path in paths:
        if str(path) != STDIO and Path(path).is_dir():
            yield from sorted(Path(path).glob("*.txt"))
        else:
            yield path


def read_article_file(file: str | os.PathLike[str]) -> ArticleItem:
    """Read one article file: a document, or a located error (with the file's bytes) when it is not UTF-8.

    Args:
        file: A file name or ``"-"``.

    Returns:
        The item; the id is the file name without its suffixes.

    Raises:
        OSError: the file cannot be read (including damaged gzip data).

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "a1.txt")
    >>> _ = Path(p).write_bytes("शीर्षक\\n\\nपाठ".encode() + b"\\xff")
    >>> item = read_article_file(p)
    >>> item.ok, item.lineno, item.error.reason, len(item.raw)
    (False, 3, 'invalid UTF-8 (byte 0xff at byte offset 29)', 30)
    """
    with contextlib.closing(open_input(file)) as stream:
        data = stream.read()
    shown = display(file)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        lineno = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start : exc.start + 1].hex()
        msg = f"invalid UTF-8 (byte 0x{bad} at byte offset {exc.start})"
        return ArticleItem(shown, data, None, RecordError(msg, path=shown, lineno=lineno))
    ident = None if shown == "<stdin>" else Path(file).name.split(".")[0]
    return ArticleItem(shown, data, parse_article(text, id=ident))


def iter_articles(paths: Iterable[str | os.PathLike[str]]) -> Iterator[ArticleItem]:
    """Yield an :class:`ArticleItem` for every article file: an undecodable file is one rejected item.

    Args:
        paths: Files or directories (``"-"`` reads one article from stdin).

    Returns:
        An iterator of items, in order.

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp()
    >>> _ = Path(d, "a.txt").write_bytes(b"\\xff")
    >>> _ = Path(d, "b.txt").write_text("शीर्षक\\n\\nपाठ।\\n", encoding="utf-8")
    >>> [(Path(i.path).name, i.ok) for i in iter_articles([d])]
    [('a.txt', False), ('b.txt', True)]
    """
    for file in article_files(paths):
        yield read_article_file(file)


def read_articles(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[str, Document]]:
    """Yield ``(path, document)`` for plain-text article files (a directory yields its ``*.txt`` files).

    Args:
        paths: Files or directories (``"-"`` reads one article from stdin).

    Returns:
        An iterator of ``(path, Document)``; the id is the file name without its suffix.

    Raises:
        RecordError: a file is not valid UTF-8 (the line and byte offset are reported); use
            :func:`iter_articles` to go on past such a file.

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp()
    >>> _ = Path(d, "a1.txt").write_text("शीर्षक\\n\\nपाठ।\\n", encoding="utf-8")
    >>> [(Path(p).name, doc.id, doc.title) for p, doc in read_articles([d])]
    [('a1.txt', 'a1', 'शीर्षक')]
    """
    for item in iter_articles(paths):
        if item.error is not None:
            raise item.error
        assert item.doc is not None
        yield item.path, item.doc
