"""One pass over a batch of raw texts: tokens, hashes, story keys and the compact per-document results.

:func:`scan` is the per-document phase of :func:`newsclean.dedupe` (and of the Ray adapter): it keeps
nothing that grows with the text beyond one 32-bit hash per token and a few numbers per line, and
everything it returns depends on that document alone, so batches can run anywhere, in any order, in any
process. The shingle sets are made from the tokens once the template lines are known
(:func:`newsclean.dedup.shingles.document_sets`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .features import TokenCache, featurize
from .minhash import I64, U32, U64, MinHashParams
from .shingles import line_shingles, story_keys
from .templates import line_rows

__all__ = ["ScanPart", "scan"]

I32 = npt.NDArray[np.int32]


@dataclass(frozen=True, slots=True)
class ScanPart:
    """What a batch of documents leaves for the corpus-wide phases (plain arrays, batch-local indices).

    Attributes:
        tokens: Every token's 32-bit hash, documents concatenated (line breaks removed).
        line_len: Tokens of every non-empty line, int32.
        doc_lines: Non-empty lines of each document, int32.
        stories: ``(n, slots)`` story keys (:func:`newsclean.dedup.shingles.story_keys`).
        key_hash: Matching-key hash of each document (exact duplicates share one; 0 without words).
        length: ``len()`` of each raw text.
        row_doc: Document of each short-line row (:func:`newsclean.dedup.templates.line_rows`), int32.
        row_hash: Line hash of each row.
        row_line: Line number of each row within its document, int32.
    """

    tokens: U32
    line_len: I32
    doc_lines: I32
    stories: U32
    key_hash: U64
    length: I64
    row_doc: I32
    row_hash: U64
    row_line: I32

    @property
    def n_docs(self) -> int:
        """Number of documents."""
        return int(self.doc_lines.shape[0])


def scan(
    texts: Sequence[str], params: MinHashParams, max_tokens: int, cache: TokenCache | None = None
) -> ScanPart:
    """Scan a batch of raw texts (see the module doc).

    Args:
        texts: Raw article texts (type-checked).
        params: Signature params.
        max_tokens: Longest line that may count as a template line.
        cache: The call's token-hash cache (same seed), shared by its batches.

    Returns:
        The batch's :class:`ScanPart`.

    >>> p = scan(["राम घर गया और सीता आई।", "राम घर गया और सीता आई।", ""], MinHashParams(), 30)
    >>> p.line_len.tolist(), p.doc_lines.tolist(), bool(p.key_hash[0] == p.key_hash[1])
    ([6, 6], [1, 1, 0], True)
    """
    feats = featurize(texts, params.seed, cache)
    values, line = line_shingles(feats, params)
    stories = story_keys(values, line, feats)
    docs, hashes, line_no = line_rows(feats, max_tokens)
    return ScanPart(
        tokens=feats.tokens,
        line_len=feats.line_len.astype(np.int32),
        doc_lines=feats.doc_lines.astype(np.int32),
        stories=stories,
        key_hash=feats.key_hash,
        length=feats.length,
        row_doc=docs.astype(np.int32),
        row_hash=hashes,
        row_line=line_no.astype(np.int32),
    )


def empty_part(slots: int) -> ScanPart:
    """A :class:`ScanPart` of no document."""
    i32 = np.zeros(0, dtype=np.int32)
    return ScanPart(
        np.zeros(0, np.uint32),
        i32,
        i32,
        np.zeros((0, slots), np.uint32),
        np.zeros(0, np.uint64),
        np.zeros(0, np.int64),
        i32,
        np.zeros(0, np.uint64),
        i32,
    )


def batch_bounds(lengths: Sequence[int], max_docs: int, max_chars: int) -> list[tuple[int, int]]:
    """Consecutive ``(start, stop)`` batches of at most ``max_docs`` documents and about ``max_chars``
    characters (a longer document is a batch of its own).

    Args:
        lengths: Length of each text.
        max_docs: Documents per batch.
        max_chars: Characters per batch.

    Returns:
        The batches, covering every document once, in order.

    >>> batch_bounds([5, 5, 20, 1, 1], max_docs=2, max_chars=12)
    [(0, 2), (2, 3), (3, 5)]
    """
    out: list[tuple[int, int]] = []
    start, chars = 0, 0
    for i, n in enumerate(lengths):
        if i > start and (i - start >= max_docs or chars + n > max_chars):
            out.append((start, i))
            start, chars = i, 0
        chars += n
    if start < len(lengths):
        out.append((start, len(lengths)))
    return out
