"""``Deduplicator``: the streaming, incremental near-duplicate index (first seen wins)."""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Iterable, Iterator
from functools import partial
from pathlib import Path

import numpy as np

from ..errors import IncompatibleSignatureError, InputTypeError
from ..types import Document
from .arrays import ValueSet
from .batch import texts_of
from .candidates import band_keys
from .config import DEFAULTS, DedupConfig
from .features import BatchFeatures, TokenCache, featurize
from .minhash import I64, U32, U64, MinHashParams, Signature, signatures_from_sets
from .shingles import document_sets, line_shingles

__all__ = ["Deduplicator"]

_FORMAT = "newsclean.dedup.Deduplicator/1"
_CHUNK = 1024  # documents whose features add_many() computes at once


class Deduplicator:
    """A streaming, incremental near-duplicate index: add documents one by one, query, save, load, add more.

    Each added document is compared with every document added before it (LSH candidates, then exact Jaccard
    verification, with the same rule as :func:`newsclean.dedupe`); if it matches one, it joins that
    document's cluster, whose representative stays the **first document seen**. The result therefore
    depends on the order of additions, by nature: use :func:`newsclean.dedupe` for an order-independent
    answer on a whole corpus. Template lines are counted as documents arrive (a short line already seen in
    ``boilerplate_min_docs`` documents is left out of later documents' shingles), so templates are only
    discounted once they have been seen often enough.

    Args:
        threshold: Jaccard resemblance threshold (see :func:`newsclean.dedupe`).
        containment: Containment threshold for truncated copies, or None.
        num_perm: Signature slots.
        shingle: Words per shingle.
        seed: Hash seed.
        lsh_threshold: Resemblance the LSH banding is tuned for (default as in :func:`newsclean.dedupe`).
        boilerplate_min_docs: Documents from which a short line counts as template.
        boilerplate_max_tokens: Longest line (tokens) that may count as template.

    Raises:
        ConfigError: If an option is out of range.

    >>> d = Deduplicator()
    >>> a = "भारत सरकार ने आज नई शिक्षा नीति की घोषणा की। मंत्री ने कहा कि स्कूलों में बदलाव होंगे।"
    >>> d.add(a, key="a")
    'a'
    >>> d.add(a.replace("आज", "सोमवार को"), key="b")  # a near-duplicate: joins the cluster of "a"
    'a'
    >>> d.query(a + " जानकारी")
    [('a', 0.9375), ('b', 0.52381)]
    >>> d.clusters()
    {'a': ['a', 'b']}
    """

    def __init__(
        self,
        *,
        threshold: float = DEFAULTS.threshold,
        containment: float | None = DEFAULTS.containment,
        num_perm: int = DEFAULTS.num_perm,
        shingle: int = DEFAULTS.shingle,
        seed: int = DEFAULTS.seed,
        lsh_threshold: float | None = DEFAULTS.lsh_threshold,
        boilerplate_min_docs: int = DEFAULTS.boilerplate_min_docs,
        boilerplate_max_tokens: int = DEFAULTS.boilerplate_max_tokens,
    ) -> None:
        options = dict(locals())  # exactly the keyword options above
        del options["self"]
        self._cfg = DedupConfig(**options)
        self.params: MinHashParams = self._cfg.params()
        self._bands, self._rows = self._cfg.bands_rows()
        self._keys: list[Hashable] = []
        self._key_index: dict[Hashable, int] = {}
        self._sets: list[U32] = []
        self._sigs: list[U32] = []
        self._rep: list[int] = []
        self._exact_hash: list[int] = []
        self._by_hash: dict[int, list[int]] = {}
        self._line_df: dict[int, int] = {}
        self._buckets: list[dict[int, list[int]]] = [{} for _ in range(self._bands)]
        self._cache = TokenCache(self.params.seed)

    def __len__(self) -> int:
        """Number of documents added."""
        return len(self._keys)

    # ------------------------------------------------------------------ building blocks

    def _prepare(self, text: str, *, count_lines: bool) -> tuple[U32, U32, int]:
        return self._prepare_features(
            featurize([text], self.params.seed, self._cache), count_lines=count_lines
        )

    def _prepare_features(self, feats: BatchFeatures, *, count_lines: bool) -> tuple[U32, U32, int]:
        """Shingle set, signature and key hash of one document's features (template lines counted so far).

        As in :func:`newsclean.dedupe`: the tokens of the document's template lines (short lines already
        seen in ``boilerplate_min_docs`` documents) are left out of its shingles, and so are the shingles
        found inside those lines; a document left with nothing keeps all of them.
        """
        short = feats.line_len <= self._cfg.boilerplate_max_tokens
        if count_lines:
            for h in np.unique(feats.line_hash[short]).tolist():
                self._line_df[h] = self._line_df.get(h, 0) + 1
        need = self._cfg.boilerplate_min_docs - (0 if count_lines else 1)
        drop = np.array([self._line_df.get(h, 0) >= need for h in feats.line_hash.tolist()], dtype=bool)
        drop &= short
        values, line = line_shingles(feats, self.params)
        template = ValueSet(values[drop[line]])
        sets, offsets = document_sets(
            feats.tokens, feats.line_len, feats.doc_lines, drop, template, self.params
        )
        sig = signatures_from_sets(sets, offsets, self.params)[0]
        return sets, sig, int(feats.key_hash[0])

    def _band_keys(self, sig: U32) -> list[int]:
        keys: U32 = band_keys(sig[None, :], self._bands, self._rows, self.params.seed)[0]
        return [int(k) for k in keys.tolist()]

    def _matches(self, sets: U32, sig: U32, key_hash: int) -> Iterator[tuple[int, float]]:
        """Indexed documents matching a prepared document, best first (internal ids and Jaccard)."""
        found: dict[int, float] = dict.fromkeys(self._by_hash.get(key_hash, ()), 1.0)
        if sets.size:
            cands: set[int] = set()
            for band, k in enumerate(self._band_keys(sig)):
                cands.update(self._buckets[band].get(k, ()))
            cands.difference_update(found)
            for c in sorted(cands):
                other = self._sets[c]
                inter = np.intersect1d(sets, other, assume_unique=True).shape[0]
                ok, jac = self._cfg.accept(
                    np.array([inter]), np.array([sets.shape[0]]), np.array([other.shape[0]])
                )
                if bool(ok[0]):
                    found[c] = round(float(jac[0]), 6)
        yield from sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))

    def _insert(self, key: Hashable, sets: U32, sig: U32, key_hash: int, rep: int) -> None:
        i = len(self._keys)
        self._keys.append(key)
        self._key_index[key] = i
        self._sets.append(sets)
        self._sigs.append(sig)
        self._rep.append(rep if rep >= 0 else i)
        self._exact_hash.append(key_hash)
        self._by_hash.setdefault(key_hash, []).append(i)
        if sets.size:
            for band, k in enumerate(self._band_keys(sig)):
                self._buckets[band].setdefault(k, []).append(i)

    # ------------------------------------------------------------------ public API

    def add(self, doc: str | Document, key: Hashable | None = None) -> Hashable:
        """Add one document; return the key of its cluster's representative (its own key if it is new).

        Args:
            doc: Text or :class:`~newsclean.Document`.
            key: Any hashable id (default: the insertion index). Keys must be unique.

        Returns:
            The representative's key: the first-seen document it duplicates, or ``key`` itself.

        Raises:
            InputTypeError: If ``doc`` is neither ``str`` nor ``Document``.
            ValueError: If ``key`` was already used.

        >>> d = Deduplicator()
        >>> d.add("दिल्ली में आज बारिश हुई और मौसम सुहाना रहा।"), d.add("दिल्ली में आज बारिश हुई और मौसम सुहाना रहा।")
        (0, 0)
        """
        text = texts_of([doc], "Deduplicator.add")[0]
        return self._add_features(key, lambda: featurize([text], self.params.seed, self._cache))

    def _add_features(self, key: Hashable | None, features: Callable[[], BatchFeatures]) -> Hashable:
        if key is None:
            key = len(self._keys)
        if key in self._key_index:
            msg = f"Deduplicator.add() key {key!r} is already in the index"
            raise ValueError(msg)
        sets, sig, key_hash = self._prepare_features(features(), count_lines=True)
        best = next(self._matches(sets, sig, key_hash), None)
        rep = self._rep[best[0]] if best is not None else -1
        self._insert(key, sets, sig, key_hash, rep)
        return self._keys[self._rep[-1]]

    def add_many(
        self, docs: Iterable[str | Document], keys: Iterable[Hashable] | None = None
    ) -> list[Hashable]:
        """Add documents in order (each compared with all before it); return their representatives' keys.

        Args:
            docs: Texts or documents.
            keys: Optional keys, one per document.

        Returns:
            One representative key per document.

        >>> Deduplicator().add_many(["एक खबर यहां है।", "दूसरी खबर यहां है।", "एक खबर यहां है।"], keys="xyz")
        ['x', 'y', 'x']
        """
        items = list(docs)
        key_list: list[Hashable | None] = list(keys) if keys is not None else [None] * len(items)
        if len(key_list) != len(items):
            msg = f"Deduplicator.add_many() got {len(key_list)} keys for {len(items)} documents"
            raise ValueError(msg)
        texts = texts_of(items, "Deduplicator.add_many")
        out: list[Hashable] = []
        # features of a chunk at once (they depend on the text only); then each document in order, as add()
        for lo in range(0, len(texts), _CHUNK):
            feats = featurize(texts[lo : lo + _CHUNK], self.params.seed, self._cache)
            for i, k in enumerate(key_list[lo : lo + _CHUNK]):
                out.append(self._add_features(k, partial(feats.slice, i, i + 1)))
        return out

    def query_iter(self, doc: str | Document) -> Iterator[tuple[Hashable, float]]:
        """Yield ``(key, score)`` for indexed documents that ``doc`` duplicates, best first; adds nothing.

        Args:
            doc: Text or document.

        Yields:
            Keys of matching documents with their Jaccard resemblance to ``doc``.
        """
        text = texts_of([doc], "Deduplicator.query")[0]
        sets, sig, key_hash = self._prepare(text, count_lines=False)
        for i, score in self._matches(sets, sig, key_hash):
            yield self._keys[i], score

    def query(self, doc: str | Document) -> list[tuple[Hashable, float]]:
        """All ``(key, score)`` pairs of :meth:`query_iter`, best first.

        Args:
            doc: Text or document.

        Returns:
            Matching keys with scores; empty if ``doc`` is new.

        >>> d = Deduplicator()
        >>> _ = d.add("पुलिस ने चोरी के मामले में दो लोगों को गिरफ्तार किया है।", key="p")
        >>> d.query("पुलिस ने चोरी के मामले में दो लोगों को गिरफ्तार किया है।"), d.query("बिल्कुल अलग खबर")
        ([('p', 1.0)], [])
        """
        return list(self.query_iter(doc))

    def signature(self, doc: str | Document) -> Signature:
        """The MinHash signature of a document with this index's params (pure: adds nothing).

        Args:
            doc: Text or document.

        Returns:
            A :class:`~newsclean.dedup.Signature`.

        >>> Deduplicator(num_perm=16).signature("राम घर गया और सीता बाजार गई").values.shape
        (16,)
        """
        text = texts_of([doc], "Deduplicator.signature")[0]
        _, sig, _ = self._prepare(text, count_lines=False)
        return Signature(self.params, sig)

    def query_signature(self, signature: Signature) -> list[Hashable]:
        """Keys of indexed documents sharing an LSH bucket with ``signature`` (unverified candidates).

        Args:
            signature: A signature made with the same params.

        Returns:
            Candidate keys in insertion order.

        Raises:
            IncompatibleSignatureError: If the signature's params differ from the index's.
        """
        self.params.check_compatible(signature.params)
        cands: set[int] = set()
        for band, k in enumerate(self._band_keys(signature.values)):
            cands.update(self._buckets[band].get(k, ()))
        return [self._keys[i] for i in sorted(cands)]

    def clusters(self) -> dict[Hashable, list[Hashable]]:
        """Clusters so far: representative key -> member keys in insertion order (singletons included).

        Returns:
            The clusters, representatives in insertion order.
        """
        out: dict[Hashable, list[Hashable]] = {}
        for i, r in enumerate(self._rep):
            out.setdefault(self._keys[r], []).append(self._keys[i])
        return out

    # ------------------------------------------------------------------ persistence

    def save(self, path: str | Path) -> None:
        """Save the index (``.npz``: arrays plus a JSON header; no pickle).

        Args:
            path: File path. Keys must be ``str`` or ``int`` to be saved.

        Raises:
            InputTypeError: If a key is not ``str`` or ``int``.
        """
        for k in self._keys:
            if not isinstance(k, (str, int)) or isinstance(k, bool):
                msg = f"Deduplicator.save() keys must be str or int to be saved, not {type(k).__name__}"
                raise InputTypeError(msg)
        lens = np.array([s.shape[0] for s in self._sets], dtype=np.int64)
        header = {
            "format": _FORMAT,
            "params": {
                "num_perm": self.params.num_perm,
                "seed": self.params.seed,
                "shingle": self.params.shingle,
                "key_scheme": self.params.key_scheme,
                "scheme_version": self.params.scheme_version,
            },
            "config": {
                "threshold": self._cfg.threshold,
                "containment": self._cfg.containment,
                "lsh_threshold": self._cfg.lsh_threshold,
                "boilerplate_min_docs": self._cfg.boilerplate_min_docs,
                "boilerplate_max_tokens": self._cfg.boilerplate_max_tokens,
            },
            "keys": self._keys,
        }
        lines = np.array(sorted(self._line_df.items()), dtype=np.uint64).reshape(-1, 2)
        empty_sig = np.zeros((0, self.params.num_perm), dtype=np.uint32)
        with Path(path).open("wb") as f:
            np.savez_compressed(
                f,
                header=np.frombuffer(json.dumps(header, ensure_ascii=False).encode("utf-8"), dtype=np.uint8),
                sets=np.concatenate(self._sets) if self._sets else np.zeros(0, dtype=np.uint32),
                set_lengths=lens,
                sigs=np.stack(self._sigs) if self._sigs else empty_sig,
                rep=np.array(self._rep, dtype=np.int64),
                exact=np.array(self._exact_hash, dtype=np.uint64),
                lines=lines,
            )

    @classmethod
    def load(cls, path: str | Path) -> Deduplicator:
        """Load an index written by :meth:`save`; more documents can be added afterwards.

        Args:
            path: File path.

        Returns:
            The index.

        Raises:
            IncompatibleSignatureError: If the file was written with another signature scheme or key
                normalisation than this version uses.
        """
        with np.load(Path(path), allow_pickle=False) as data:
            header = json.loads(bytes(data["header"]).decode("utf-8"))
            if header.get("format") != _FORMAT:
                msg = f"{path}: not a {_FORMAT} file (format {header.get('format')!r})"
                raise IncompatibleSignatureError(msg)
            p = header["params"]
            c = header["config"]
            d = cls(num_perm=p["num_perm"], seed=p["seed"], shingle=p["shingle"], **c)
            stored = MinHashParams(**p)
            d.params.check_compatible(stored)
            lens: I64 = data["set_lengths"]
            sets: U32 = data["sets"]
            sigs: U32 = data["sigs"]
            rep: I64 = data["rep"]
            exact: U64 = data["exact"]
            lines = data["lines"]
        bounds = np.concatenate([[0], np.cumsum(lens)]).tolist()
        for i, key in enumerate(header["keys"]):
            d._insert(key, sets[bounds[i] : bounds[i + 1]].copy(), sigs[i].copy(), int(exact[i]), int(rep[i]))
        d._line_df = {int(h): int(n) for h, n in lines.tolist()}
        return d
