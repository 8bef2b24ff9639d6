"""Counting a batch of documents: one scan of all their texts, keys as array operations, then one pass of
table updates per document.

For each document (see :mod:`.state` for what is kept):

* every line that is not all numbers and dates gives a **line** key;
* every separator point of a line (at most three from each end) gives a **lead-in** key for the tokens
  before it and a **tail** key for the tokens after it (2 to ``MAX_PART`` tokens, not all masked), with
  whether the rest of the line is a short free part;
* every token n-gram inside a *span region* gives an **n-gram** key: a region runs from a sentence start or
  a script change glued to the previous word, for at most ``MAX_PART`` tokens, to the last separator or
  glued script change in reach (or, from a glued script change, to a sentence end): where a span template
  can be cut at apply time (:func:`.find.find_edits`);
* its story signature: a MinHash of its n-grams, and a key of its title;
* every word, word pair and word triple inside a sentence goes to the sketch, once per document;
* its title (when it has :data:`~.state.MIN_TITLE` tokens or more) is remembered as a headline.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from .hashing import part_salt
from .scan import C_FULL, C_LB, FLAG_COLON, FLAG_PIPE, FLAG_SEP, GAP_LINE, GAP_SENT, Scan, mix, scan
from .state import MIN_TITLE, PRE, SHORT, SKETCH_BITS, SUF, MinerState, bump
from .text import LINE_SALT, MAX_PART, MAX_SLOT, Prefix, span_windows

__all__ = ["PERMS", "count_batch", "signatures"]

I64 = npt.NDArray[np.int64]
U64 = npt.NDArray[np.uint64]

#: MinHash values in a document's story signature
PERMS = 24
_SEEDS = np.array(
    [
        int.from_bytes(hashlib.blake2b(f"nc-mh-{k}".encode(), digest_size=8).digest(), "little")
        for k in range(PERMS)
    ],
    dtype=np.uint64,
)
_A = ((_SEEDS >> np.uint64(32)).astype(np.uint32) | np.uint32(1))[
    :, None
]  # odd: a permutation of 32-bit words
_C = (_SEEDS & np.uint64(0xFFFFFFFF)).astype(np.uint32)[:, None]


def _line_bounds(gaps: npt.NDArray[np.int8]) -> tuple[I64, I64]:
    """Token ranges ``[a, b)`` of the lines of a scan (a line ends at every ``GAP_LINE``)."""
    ends = np.flatnonzero(gaps == GAP_LINE) + 1
    starts = np.concatenate((np.zeros(1, dtype=np.int64), ends[:-1]))
    return starts, ends


def _window_ok(masked_cum: I64, line_of: I64, p: I64, n: int) -> npt.NDArray[np.bool_]:
    """Windows ``[p, p + n)`` inside one line and not all numbers/dates."""
    ok: npt.NDArray[np.bool_] = (line_of[p] == line_of[p + n - 1]) & ((masked_cum[p + n] - masked_cum[p]) < n)
    return ok


def signatures(
    prefix: Prefix, masked_cum: I64, line_of: I64, doc_tokens: I64, n: int, titles: list[int]
) -> list[bytes]:
    """Each document's story signature: a MinHash of its n-grams (``PERMS`` values of 32 bits) and a key of
    its title (0 without one), as bytes (:func:`newsclean.boilerplate.mining.select.stories` reads them). A
    document without n-grams has values from a hash of all its tokens (only an exact copy shares them)."""
    total = len(line_of)
    d = len(doc_tokens) - 1
    sig = np.full((d, PERMS + 1), np.iinfo(np.uint32).max, dtype=np.uint32)
    has = np.zeros(d, dtype=bool)
    if total >= n:
        p = np.arange(total - n + 1, dtype=np.int64)
        p = p[_window_ok(masked_cum, line_of, p, n)]
        if len(p):
            h = (prefix.keys(p, p + n) >> np.uint64(32)).astype(np.uint32)
            perm = np.multiply(h[None, :], _A)
            perm += _C  # mod 2**32
            doc = np.searchsorted(doc_tokens, p, side="right") - 1
            first = np.flatnonzero(np.concatenate(([True], doc[1:] != doc[:-1])))
            sig[doc[first], :PERMS] = np.minimum.reduceat(perm, first, axis=1).T
            has[doc[first]] = True
    for k in np.flatnonzero(~has).tolist():
        lo, hi = int(doc_tokens[k]), int(doc_tokens[k + 1])
        whole = prefix.key(lo, hi, LINE_SALT ^ 1) if hi > lo else 0
        with np.errstate(over="ignore"):
            vals = mix(
                np.arange(1, PERMS + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15) ^ np.uint64(whole)
            )
        sig[k, :PERMS] = (vals >> np.uint64(32)).astype(np.uint32)
    sig[:, PERMS] = (np.array(titles, dtype=np.uint64) >> np.uint64(32)).astype(np.uint32)
    return [row.tobytes() for row in sig]


def _sketch_cells(s: Scan, prefix: Prefix, sent_of: I64) -> tuple[I64, I64]:
    """Sketch cells of the words, word pairs and word triples used inside a sentence, once per document,
    with the number of documents for each cell (one sort of ``cell << 16 | document``)."""
    total = len(sent_of)
    docs = len(s.doc_tokens) - 1
    doc_of = np.repeat(np.arange(docs, dtype=np.uint64), np.diff(s.doc_tokens))
    parts = []
    for size in range(1, SHORT + 1):
        if total < size + 2:
            break
        # the words at p .. p+size-1 are inside a sentence when tokens p-1 and p+size are in it too
        p = np.arange(1, total - size, dtype=np.int64)
        p = p[sent_of[p - 1] == sent_of[p + size]]
        cell = prefix.keys(p, p + size) >> np.uint64(64 - SKETCH_BITS)
        parts.append((cell << np.uint64(16)) | doc_of[p])
    both = np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint64)
    if not len(both):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    both.sort()
    both = both[np.concatenate(([True], both[1:] != both[:-1]))]  # one per (cell, document)
    cells = (both >> np.uint64(16)).astype(np.int64)  # sorted
    at = np.flatnonzero(np.concatenate(([True], cells[1:] != cells[:-1])))
    counts = np.diff(np.concatenate((at, [len(cells)])))
    return cells[at], counts


_MAX_BATCH = 1 << 16


def count_batch(
    state: MinerState, docs: Sequence[tuple[str, str, str | None]], *, n: int, cap: int, max_candidates: int
) -> None:
    """Add the documents ``(group, text, title)`` to ``state``.

    >>> s = MinerState()
    >>> count_batch(s, [("p", "खबर एक।\\nयह भी पढ़ें: दूसरी खबर", None)], n=3, cap=3, max_candidates=1000)
    >>> c = s.groups["p"]
    >>> c.docs, len(c.lines), len(c.parts), len(c.ngr)
    (1, 2, 2, 1)
    """
    if not docs:
        return
    if len(docs) > _MAX_BATCH:  # a document's index in the batch has 16 bits in the sketch's sort key
        for i in range(0, len(docs), _MAX_BATCH):
            count_batch(state, docs[i : i + _MAX_BATCH], n=n, cap=cap, max_candidates=max_candidates)
        return
    s = scan([d[1] for d in docs])
    total = len(s.starts)
    prefix = Prefix(s.ids)
    masked_cum = np.concatenate((np.zeros(1, dtype=np.int64), np.cumsum(s.masked, dtype=np.int64)))
    la, lb = _line_bounds(s.gaps)
    line_len = lb - la
    line_of = np.repeat(np.arange(len(la)), line_len)
    sent_of = np.concatenate((np.zeros(1, dtype=np.int64), np.cumsum(s.gaps[:-1] != 0, dtype=np.int64)))
    ends_sent = _ends_sentence(s, lb)
    sent_cum = np.concatenate((np.zeros(1, dtype=np.int64), np.cumsum(s.gaps == GAP_SENT, dtype=np.int64)))
    titles = _title_rows([d[2] or "" for d in docs])
    stories = signatures(
        prefix, masked_cum, line_of, s.doc_tokens, n, [0 if t is None else t[4] for t in titles]
    )
    if total:
        cells, counts = _sketch_cells(s, prefix, sent_of)
        state.add_windows(cells, counts)
    lines = _line_rows(s, prefix, masked_cum, la, lb)
    parts = _part_rows(s, prefix, masked_cum, la, lb, line_of, ends_sent, sent_cum)
    grams = _gram_rows(s, prefix, n)
    text = s.text
    tables = ((lines, _dup_docs(lines)), (parts, _dup_docs(parts)), (grams, _dup_docs(grams)))
    for k, (group, _, _) in enumerate(docs):
        c = state.counts(group)
        c.docs += 1
        story = stories[k]
        for table, (rows, dups) in zip((c.lines, c.parts, c.ngr), tables, strict=True):
            doc_rows = rows.get(k)
            if not doc_rows:
                continue
            if k in dups:  # a key twice in the document: counted once, its largest slot, its smallest text
                seen: dict[int, list[Any]] = {}
                for key, a, b, slot, size, sh, first in doc_rows:
                    t = text[a:b]
                    got = seen.get(key)
                    if got is None:
                        seen[key] = [t, slot, size, sh, first]
                    else:
                        got[0] = min(got[0], t)
                        got[1] = max(got[1], slot)
                for key, (t, slot, size, sh, first) in seen.items():
                    bump(table, key, story, t, slot, size, sh, first, cap)
                continue
            for key, a, b, slot, size, sh, first in doc_rows:
                e = table.get(key)
                if e is None:
                    table[key] = [1, [story], text[a:b], slot, size, sh, first]
                else:
                    bump(table, key, story, text[a:b], slot, size, sh, first, cap)
        title = titles[k]
        if title is not None and title[1] >= MIN_TITLE:
            c.titles[title[0]] = title[1]
            c.title_firsts.add(title[2])
            c.title_lines.add(title[3])
    if state.size > max_candidates:
        state.prune(max_candidates)


Row = tuple[int, int, int, int, int, int, int]  # key, char start, char end, slot, size, short hash, first id


def _by_doc(s: Scan, tok: I64, cols: list[list[int]]) -> dict[int, list[Row]]:
    """Rows grouped by the document of token ``tok[i]`` (``tok`` ascending)."""
    out: dict[int, list[Row]] = {}
    cut = np.searchsorted(tok, s.doc_tokens).tolist()
    rows = list(zip(*cols, strict=True))
    for d in range(len(cut) - 1):
        if cut[d + 1] > cut[d]:
            out[d] = rows[cut[d] : cut[d + 1]]
    return out


def _dup_docs(rows: dict[int, list[Row]]) -> set[int]:
    """The documents in which a key occurs more than once."""
    return {d for d, r in rows.items() if len(r) > 1 and len({row[0] for row in r}) < len(r)}


def _line_rows(s: Scan, prefix: Prefix, masked_cum: I64, la: I64, lb: I64) -> dict[int, list[Row]]:
    keep = (masked_cum[lb] - masked_cum[la]) < (lb - la)
    a, b = la[keep], lb[keep]
    if not len(a):
        return {}
    keys = prefix.keys(a, b, LINE_SALT)
    size = b - a
    short = np.where(size <= SHORT, prefix.keys(a, b), np.uint64(0))
    cols = [
        keys.tolist(),
        s.starts[a].tolist(),
        s.ends[b - 1].tolist(),
        [0] * len(a),
        size.tolist(),
        short.tolist(),
        s.ids[a].tolist(),
    ]
    return _by_doc(s, a, cols)


def _ends_sentence(s: Scan, lb: I64) -> npt.NDArray[np.bool_]:
    """Whether each line ``[.., lb)`` ends in a full stop or danda (before the line break after it)."""
    if not len(lb):
        return np.zeros(0, dtype=bool)
    cls = s.cls
    e = s.ends[lb - 1]
    breaks = np.concatenate((np.flatnonzero(cls & C_LB), [len(cls)]))
    stop = breaks[np.searchsorted(breaks, e)]
    full = np.flatnonzero(cls & C_FULL)
    return np.searchsorted(full, stop) > np.searchsorted(full, e)


def _part_rows(
    s: Scan,
    prefix: Prefix,
    masked_cum: I64,
    la: I64,
    lb: I64,
    line_of: I64,
    line_ends_sentence: npt.NDArray[np.bool_],
    sent_cum: I64,
) -> dict[int, list[Row]]:
    flags = s.flags
    total = len(flags)
    if total < 2:
        return {}
    c = np.flatnonzero((flags[:-1] & FLAG_SEP) != 0) + 1  # a separator before token c ...
    c = c[line_of[c] == line_of[c - 1]]  # ... inside its line
    if not len(c):
        return {}
    line = line_of[c]
    # at most three separator points from each end of a line
    order_in_line = np.arange(len(c)) - np.searchsorted(line, line, side="left")
    from_end = np.searchsorted(line, line, side="right") - 1 - np.arange(len(c))
    c = c[(order_in_line < 3) | (from_end < 3)]
    line = line_of[c]
    a, b = la[line], lb[line]
    ends_sent = line_ends_sentence[line]
    f = flags[c - 1]
    sep = np.where(f & FLAG_COLON, 0, np.where(f & FLAG_PIPE, 1, 2))
    rows_tok: list[I64] = []
    arrays: list[list[npt.NDArray[Any]]] = [[] for _ in range(7)]
    for kind, lo, hi, slot in (
        (PRE, a, c, (b - c <= MAX_SLOT) & (sent_cum[b - 1] - sent_cum[c] == 0) & ~ends_sent),
        (SUF, c, b, (c - a <= MAX_SLOT) & (sent_cum[c - 1] - sent_cum[a] == 0)),
    ):
        size = hi - lo
        ok = (size >= 2) & (size <= MAX_PART) & ((masked_cum[hi] - masked_cum[lo]) < size)
        if not ok.any():
            continue
        lo, hi, slot, size, which = lo[ok], hi[ok], slot[ok], size[ok], sep[ok]
        keys = np.zeros(len(lo), dtype=np.uint64)
        for j, name in enumerate((b":", b"|", b"-")):
            m = which == j
            if m.any():
                keys[m] = prefix.keys(lo[m], hi[m], part_salt(kind, name))
        short = np.where(size <= SHORT, prefix.keys(lo, hi), np.uint64(0))
        rows_tok.append(lo)
        values = (keys, s.starts[lo], s.ends[hi - 1], slot.astype(np.int64), size, short, s.ids[lo])
        for col, v in zip(arrays, values, strict=True):
            col.append(v)
    if not rows_tok:
        return {}
    tok = np.concatenate(rows_tok)
    order = np.argsort(tok, kind="stable")
    cols = [np.concatenate(col)[order].tolist() for col in arrays]
    return _by_doc(s, tok[order], cols)


def _gram_rows(s: Scan, prefix: Prefix, n: int) -> dict[int, list[Row]]:
    p, ok = span_windows(s, 0, len(s.starts), n)  # regions never cross a line, so never a document
    p = p[ok]
    if not len(p):
        return {}
    cols = [
        prefix.keys(p, p + n).tolist(),
        s.starts[p].tolist(),
        s.ends[p + n - 1].tolist(),
        [0] * len(p),
        [n] * len(p),
        [0] * len(p),
        s.ids[p].tolist(),
    ]
    return _by_doc(s, p, cols)


def _title_rows(titles: list[str]) -> list[tuple[int, int, int, int, int] | None]:
    """Per title: (hash of its exact ids, length, exact id of its first token, line key, story band) or
    ``None`` (no title of ``MIN_TITLE`` tokens: then no story band either, unless it has any token)."""
    t = scan(titles)
    out: list[tuple[int, int, int, int, int] | None] = []
    raw = Prefix(t.raw_ids)
    ids = Prefix(t.ids)
    for k in range(len(titles)):
        lo, hi = int(t.doc_tokens[k]), int(t.doc_tokens[k + 1])
        if hi == lo:
            out.append(None)
            continue
        band = ids.key(lo, hi, LINE_SALT ^ 2) | (1 << 32)  # never 0
        out.append((raw.key(lo, hi), hi - lo, int(t.raw_ids[lo]), ids.key(lo, hi, LINE_SALT), band))
    return out
