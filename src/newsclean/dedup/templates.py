"""Template lines, counted once per story, and the shingle values they hold.

"A template is what many documents have in common": a short line (at most ``max_tokens`` tokens, digits
masked) found in ``min_docs`` or more *stories* is a template line (navigation, bylines, related-story lists,
share prompts, disclaimers). Counting stories instead of documents keeps a story syndicated to many sites
from turning its own short lines (headline, one-line paragraphs, dateline) into "template": its copies
share their long lines, hence their story keys (:func:`newsclean.dedup.shingles.story_keys`), and count once.

Each story key is one min-wise sample of the long lines, so a copy can disagree with its story on one key
(an edit changed the minimum) and two stories can meet on one (a shared sentence): a line is a template line
when it reaches ``min_docs`` distinct keys on a majority of the key slots, which makes either error need two
coincidences at once. This is decided in one pass from the rows of :func:`line_rows`; no clustering runs
first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from .arrays import distinct, member, sorted_unique
from .features import BatchFeatures
from .minhash import I64, U32, U64, MinHashParams
from .shingles import line_shingles
from .tokens import FORMAT_CHARS, SEPARATORS, has_mojibake, prepare

_WORD_CHAR = re.compile(
    f"[^{SEPARATORS}{FORMAT_CHARS}\ue001]"
)  # what the code-point table calls a word character

__all__ = ["line_rows", "line_texts", "representatives", "template_lines", "template_values"]


def line_rows(feats: BatchFeatures, max_tokens: int) -> tuple[I64, U64, I64]:
    """One row per short line: its document, its hash and its position among the document's lines.

    Args:
        feats: Features of a batch.
        max_tokens: Longest line (tokens) that may count as a template line.

    Returns:
        ``(docs, hashes, line_no)``: batch-local document index, digit-masked line hash, and the line's
        index among the non-empty lines of its document.

    >>> from newsclean.dedup.features import featurize
    >>> d, h, k = line_rows(featurize(["एक दो तीन चार पांच\\nछह", "सात"], seed=1), max_tokens=3)
    >>> d.tolist(), k.tolist()
    ([0, 1], [1, 0])
    """
    n = feats.n_docs
    doc_of_line = np.repeat(np.arange(n, dtype=np.int64), feats.doc_lines)
    first_line = np.cumsum(feats.doc_lines) - feats.doc_lines
    short = np.flatnonzero(feats.line_len <= max_tokens)
    docs = doc_of_line[short]
    return docs, feats.line_hash[short], short - first_line[docs]


def template_lines(hashes: U64, stories: U32, min_docs: int) -> U64:
    """Line hashes found in at least ``min_docs`` stories on a majority of the story-key slots.

    Args:
        hashes: Line hash of every row (:func:`line_rows` over the whole corpus).
        stories: ``(rows, slots)`` story keys of each row's document.
        min_docs: Number of stories from which a short line is a template line.

    Returns:
        Sorted unique uint64 hashes of template lines.

    >>> h = np.array([5, 5, 5, 7, 7, 7], dtype=np.uint64)
    >>> s = np.array([[1, 1], [2, 2], [3, 3], [4, 4], [4, 4], [6, 6]], dtype=np.uint32)
    >>> template_lines(h, s, 3).tolist()
    [5]
    """
    slots = stories.shape[1]
    lines, _, dense = distinct(hashes)  # each line hash as a small id, so (line, story) packs in 64 bits
    tagged = dense.astype(np.uint64) << np.uint64(32)
    votes = np.zeros(lines.shape[0], dtype=np.int64)
    for j in range(slots):
        pairs = sorted_unique(tagged | stories[:, j])
        counts = np.bincount((pairs >> np.uint64(32)).astype(np.intp), minlength=lines.shape[0])
        votes += counts >= min_docs
    out: U64 = lines[votes * 2 > slots]
    return out


def representatives(docs: I64, hashes: U64, line_no: I64, template: U64, rank: U64) -> tuple[I64, I64]:
    """For each template line, one occurrence chosen by content: the document of smallest ``rank``.

    Ties (equal rank: exact duplicates, which hold the same lines) go to the lower line number, then the
    lower document index; the chosen line's tokens do not depend on which tied document it is.

    Args:
        docs: Document of every row (global index).
        hashes: Line hash of every row.
        line_no: Line number of every row within its document.
        template: Output of :func:`template_lines`.
        rank: Content rank of every document (its ``key_hash``).

    Returns:
        ``(docs, line_no)`` of one row per template line, sorted by document.
    """
    rows = np.flatnonzero(member(hashes, template))
    if rows.size == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    r_docs, r_hash, r_line = docs[rows], hashes[rows], line_no[rows]
    order = np.lexsort((r_docs, r_line, rank[r_docs], r_hash))
    first = np.concatenate([[True], r_hash[order][1:] != r_hash[order][:-1]])
    pick = order[first]
    by_doc = np.lexsort((r_line[pick], r_docs[pick]))
    return r_docs[pick][by_doc], r_line[pick][by_doc]


def line_texts(texts: Sequence[str], line_no: I64) -> list[str]:
    """Line ``line_no[i]`` of ``texts[i]``, counting only lines that hold a word token (as the features do).

    The tokens of a line depend on that line alone (after the document's mojibake repair), so the line on
    its own gives the same shingle values as inside its document, at a fraction of the cost.

    Args:
        texts: Raw texts.
        line_no: One line number per text (among its non-empty lines).

    Returns:
        The lines' texts.

    >>> line_texts(["एक\\n\\n!!\\nदो तीन"], np.array([1]))
    ['दो तीन']
    """
    out: list[str] = []
    for text, k in zip(texts, line_no.tolist(), strict=True):
        if "à" in text and has_mojibake(text):
            text = prepare(text)
        for ln in text.split("\n"):
            if _WORD_CHAR.search(ln):
                if k == 0:
                    out.append(ln)
                    break
                k -= 1
        else:
            msg = "line_texts(): a text has fewer non-empty lines than asked for"
            raise ValueError(msg)
    return out


def template_values(feats: BatchFeatures, lines: I64, params: MinHashParams) -> U32:
    """The shingle values of some lines of a batch (the template lines' chosen occurrences).

    Removing these from every document, and not only the template lines themselves, keeps the comparison
    symmetric: a passage that is a separate (template) line in some copies and part of a longer line in
    another loses the same shingles in all of them.

    Args:
        feats: Features of the documents holding the lines.
        lines: Indices into ``feats.line_len`` (batch-global line numbers).
        params: Signature params.

    Returns:
        Sorted unique uint32 values; in a distributed run, take the union over batches.
    """
    values, line = line_shingles(feats, params)
    wanted = np.zeros(feats.line_len.shape[0], dtype=bool)
    wanted[lines] = True
    return sorted_unique(values[wanted[line]])
