"""The manifest of an output directory: which shards are complete, from which input, with which options.

``--resume`` skips a shard only when the manifest records it as complete with the same input size, the same
input digest (BLAKE2b of the input file's bytes), the same options and an output file of the recorded size;
anything else reruns it. The manifest is rewritten atomically after each shard.

>>> import tempfile, os
>>> d = tempfile.mkdtemp()
>>> m = Manifest.load(d)
>>> m.complete("a.jsonl", ShardRecord("in/a.jsonl", 10, "x", "o", 5))
False
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..io.outputs import AtomicWriter

__all__ = ["MANIFEST_NAME", "Manifest", "ShardRecord", "file_digest", "options_digest"]

MANIFEST_NAME = "newsclean-manifest.json"
FORMAT = 1


def file_digest(path: str | os.PathLike[str]) -> str:
    """BLAKE2b-256 of a file's bytes, as ``"blake2b-256:<hex>"``.

    Args:
        path: The file.

    Returns:
        The digest.
    """
    h = hashlib.blake2b(digest_size=32)
    with Path(path).open("rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return f"blake2b-256:{h.hexdigest()}"


def options_digest(options: dict[str, Any]) -> str:
    """A short stable digest of the options that shape a shard's output.

    Args:
        options: JSON-serialisable options.

    Returns:
        The digest.

    >>> options_digest({"steps": ["normalize"]}) == options_digest({"steps": ["normalize"]})
    True
    """
    data = json.dumps(options, sort_keys=True, ensure_ascii=True).encode()
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@dataclass(frozen=True, slots=True)
class ShardRecord:
    """What the manifest says about one complete shard."""

    input: str
    input_size: int
    input_digest: str
    options: str
    output_size: int
    records_read: int = 0
    written: int = 0
    rejected: int = 0


class Manifest:
    """The manifest file of one output directory."""

    def __init__(self, directory: str | os.PathLike[str], shards: dict[str, ShardRecord]) -> None:
        """Use :meth:`load`.

        Args:
            directory: The output directory.
            shards: Complete shards by output name.
        """
        self.path = Path(directory) / MANIFEST_NAME
        self.shards = shards

    @classmethod
    def load(cls, directory: str | os.PathLike[str]) -> Manifest:
        """Read the directory's manifest; a missing or unreadable one is an empty manifest (nothing skipped).

        Args:
            directory: The output directory.

        Returns:
            The manifest.
        """
        shards: dict[str, ShardRecord] = {}
        try:
            data = json.loads((Path(directory) / MANIFEST_NAME).read_text(encoding="utf-8"))
            if data.get("format") == FORMAT:
                for name, entry in data["shards"].items():
                    shards[name] = ShardRecord(**entry)
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            shards = {}
        return cls(directory, shards)

    def complete(self, name: str, expected: ShardRecord) -> bool:
        """True when shard ``name`` is recorded complete for the same input and options, its output intact.

        Args:
            name: The shard's output name.
            expected: The input size, digest and options of this run (counts are ignored).

        Returns:
            Whether the shard can be skipped.
        """
        entry = self.shards.get(name)
        if entry is None:
            return False
        same = (entry.input_size, entry.input_digest, entry.options) == (
            expected.input_size,
            expected.input_digest,
            expected.options,
        )
        try:
            intact = (self.path.parent / name).stat().st_size == entry.output_size
        except OSError:
            intact = False
        return same and intact

    def record(self, name: str, entry: ShardRecord) -> None:
        """Record shard ``name`` as complete and rewrite the manifest atomically.

        Args:
            name: The shard's output name.
            entry: What to record.
        """
        self.shards[name] = entry
        data = {"format": FORMAT, "shards": {k: asdict(v) for k, v in sorted(self.shards.items())}}
        with AtomicWriter(self.path) as w:
            w.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
