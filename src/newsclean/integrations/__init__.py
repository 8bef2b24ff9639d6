"""Adapters for data engines: :mod:`newsclean.integrations.ray` (Ray Data) and :mod:`newsclean.integrations.hf`
(Hugging Face ``datasets``). Each imports its engine lazily and names the pip extra when it is missing.

>>> from newsclean.integrations import require
>>> require("json", "newsclean[ray]").__name__
'json'
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["require"]


def require(module: str, extra: str) -> ModuleType:
    """Import ``module`` or raise an :class:`ImportError` that names the pip extra to install.

    Args:
        module: The module to import (e.g. ``"ray.data"``).
        extra: The install target that provides it (e.g. ``"newsclean[ray]"``).

    Returns:
        The imported module.

    Raises:
        ImportError: The module is not installed.

    >>> require("no_such_module_here", "newsclean[ray]")
    Traceback (most recent call last):
    ...
    ImportError: this needs 'no_such_module_here': pip install 'newsclean[ray]'
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        msg = f"this needs {module!r}: pip install {extra!r}"
        raise ImportError(msg) from exc
