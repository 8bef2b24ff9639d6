"""The bundled seed article: shipped in the wheel as ``newsclean/_seeds``, read from ``<repo>/seeds`` in a checkout.

>>> doc = load_seed()
>>> doc.title.startswith("छत्तीसगढ़")
True
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ..types import Document
from .articles import parse_article

if TYPE_CHECKING:
    from importlib.abc import Traversable

__all__ = ["SEED_NAME", "load_seed", "seed_dir", "seed_text"]

SEED_NAME = "seed_article.txt"


def seed_dir() -> Traversable:
    """Where the seed files live: the installed package data, else the source checkout's ``seeds/``.

    Returns:
        A traversable directory.

    Raises:
        FileNotFoundError: neither location holds the seed.

    >>> seed_dir().joinpath(SEED_NAME).is_file()
    True
    """
    packaged = resources.files("newsclean").joinpath("_seeds")
    if packaged.joinpath(SEED_NAME).is_file():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / "seeds"
    if (checkout / SEED_NAME).is_file():
        return checkout
    msg = f"the bundled seed {SEED_NAME!r} is missing (looked in newsclean/_seeds and {checkout})"
    raise FileNotFoundError(msg)


def seed_text(name: str = SEED_NAME) -> str:
    """The raw text of a bundled seed file.

    Args:
        name: File name inside the seed directory.

    Returns:
        The file's text (UTF-8).

    Raises:
        FileNotFoundError: the file does not exist.

    >>> seed_text().splitlines()[2]
    ''
    """
    text: str = seed_dir().joinpath(name).read_text(encoding="utf-8")
    return text


def load_seed() -> Document:
    """The seed article as a :class:`Document` (headline, standfirst, body), id ``"seed_article"``.

    Returns:
        The parsed document.

    >>> doc = load_seed()
    >>> doc.text.startswith("रायपुर/टोक्यो।"), doc.id
    (True, 'seed_article')
    """
    return parse_article(seed_text(), id=SEED_NAME.rsplit(".", 1)[0])
