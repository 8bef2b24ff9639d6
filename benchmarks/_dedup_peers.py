"""The peers of the dedup benchmark, configured as in ``../shared/data/dedup/peers.py``.

- :func:`datasketch_lsh`: the usual datasketch recipe (``ds_word5_t50`` there): NFC + lower-case +
  whitespace folding, word 5-gram shingles, ``MinHash.bulk``, ``MinHashLSH(threshold=0.5, num_perm=128)``,
  every candidate pair merged by union-find;
- :func:`rensa_lean` (``rensa_lean`` there): rensa, a Rust MinHash: ``lower().split()`` word 5-grams, 128
  permutations, 32 bands x 4 rows, candidates kept where the estimate is at least 0.5, components.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = ["datasketch_lsh", "rensa_lean"]


def _components(n: int, pairs: Iterable[tuple[int, int]]) -> list[int]:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [find(i) for i in range(n)]


def datasketch_lsh(texts: list[str]) -> list[int]:
    """The usual datasketch recipe (as in the dev data's peers.py): word 5-grams, t=0.5, 128 perms."""
    from datasketch import MinHash, MinHashLSH

    ws = re.compile(r"\s+")

    def shingles(t: str) -> list[bytes]:
        w = ws.sub(" ", unicodedata.normalize("NFC", t)).strip().lower().split(" ")
        if len(w) < 5:
            return [" ".join(w).encode("utf-8")]
        return list({" ".join(w[i : i + 5]).encode("utf-8") for i in range(len(w) - 4)})

    mhs = MinHash.bulk((shingles(t) for t in texts), num_perm=128)
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    with lsh.insertion_session() as sess:
        for i, m in enumerate(mhs):
            sess.insert(i, m, check_duplication=False)
    return _components(len(texts), ((i, j) for i, m in enumerate(mhs) for j in lsh.query(m) if j > i))


def _lean_shingles(t: str) -> list[str]:
    w = t.lower().split()
    return list({" ".join(w[i : i + 5]) for i in range(len(w) - 4)}) if len(w) >= 5 else [" ".join(w)]


def rensa_lean(texts: list[str]) -> list[int]:
    """rensa: ``lower().split()`` word 5-grams, streamed; 128 perms, 32 bands x 4 rows, candidates kept where
    the estimate is >= 0.5; components (exactly ``peers.rensa_lean`` of the development data)."""
    from rensa import RMinHash, RMinHashLSH

    mhs = RMinHash.from_token_sets((_lean_shingles(t) for t in texts), num_perm=128, seed=42)
    lsh = RMinHashLSH(threshold=0.5, num_perm=128, num_bands=32)
    lsh.insert_many(mhs)
    pairs = (
        (i, j) for i, c in enumerate(lsh.query_all(mhs)) for j in c if j > i and mhs[i].jaccard(mhs[j]) >= 0.5
    )
    return _components(len(texts), pairs)
