"""The batch feature extraction of dedup (numpy over code points) against a plain per-document reference."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.dedup.arrays import distinct
from newsclean.dedup.codepoints import LONG_TOKEN, token_runs
from newsclean.dedup.features import BatchFeatures, TokenCache, featurize
from newsclean.dedup.tokens import normalize_token, prepare, tokenize

from .strategies import devanagari_text, hindi_paragraphs, hostile_text

_DIGITS = re.compile("[0-9]+")
_MULT = 0x9E3779B97F4A7C15
_LEN_MULT = 0xC2B2AE3D27D4EB4F
_MASK = 2**64 - 1
_P = 0x2545F4914F6CDD1D  # the sequence hashes' polynomial base


def _mix(x: int) -> int:
    x ^= x >> 30
    x = x * 0xBF58476D1CE4E5B9 & _MASK
    x ^= x >> 27
    x = x * 0x94D049BB133111EB & _MASK
    return x ^ (x >> 31)


def _h(token: str, seed: int) -> int:
    """The token hash, written out from its definition: the sum of mix((position + 1) << 21 | code point,
    plus a seed salt) over the code points, then mixed with the length and another salt."""
    salt = seed * 0x9E3779B97F4A7C15 & _MASK
    total = sum(_mix(((i + 1) << 21 | ord(c)) + salt & _MASK) for i, c in enumerate(token)) & _MASK
    return _mix(total ^ (len(token) * _MULT & _MASK) ^ (seed * _LEN_MULT & _MASK))


def _seq(values: list[int]) -> int:
    """The order-sensitive run hash of ``features.sequence_hashes``, written out with Python ints."""
    acc, power = 0, 1
    for v in values:
        acc = (acc + v * power) & _MASK
        power = power * _P & _MASK
    return _mix(acc ^ (len(values) * _LEN_MULT & _MASK))


def reference(texts: list[str], seed: int) -> dict[str, list[int]]:
    """Features computed one document and one token at a time, from ``prepare``/``tokenize``."""
    out: dict[str, list[int]] = {k: [] for k in ("tokens", "line_len", "line_hash", "doc_lines", "key_hash")}
    for text in texts:
        words: list[int] = []
        lines: list[list[int]] = [[]]
        for tok in tokenize(prepare(text)):
            if tok == "\n":
                lines.append([])
                continue
            norm = normalize_token(tok)
            words.append(_h(norm, seed) & 0xFFFFFFFF)
            lines[-1].append(_h(_DIGITS.sub("0", norm), seed) & 0xFFFFFFFF)
        lines = [line for line in lines if line]
        out["tokens"] += words
        out["line_len"] += [len(line) for line in lines]
        out["line_hash"] += [_seq(line) for line in lines]
        out["doc_lines"].append(len(lines))
        out["key_hash"].append(_seq(words) if words else 0)
    return out


def as_lists(f: BatchFeatures) -> dict[str, list[int]]:
    return {k: getattr(f, k).tolist() for k in ("tokens", "line_len", "line_hash", "doc_lines", "key_hash")}


def test_hand_checked_tokens_and_lines() -> None:
    # "राम घर।" and "सीता" are two lines; the zero-width joiner is deleted, "१०" folds to "10"; the empty
    # line and the punctuation-only line hold no token
    f = featurize(["राम घर।\n\n!!\nसी\u200dता", "१० रुपये", ""], seed=3)
    assert f.line_len.tolist() == [2, 1, 2]
    assert f.doc_lines.tolist() == [2, 1, 0]
    assert f.length.tolist() == [17, 8, 0]
    assert f.tokens.tolist()[2] == _h("सीता", 3) & 0xFFFFFFFF
    assert f.tokens.tolist()[3] == _h("10", 3) & 0xFFFFFFFF
    assert f.key_hash.tolist()[2] == 0


def test_token_runs_keep_words_whole_and_split_at_separators() -> None:
    runs = token_runs(["छत्तीसगढ़ में, नमस्ते।दूसरी\u00a0पंक्ति—IT"])
    assert runs.strings(np.arange(runs.start.shape[0])) == ["छत्तीसगढ़", "में", "नमस्ते", "दूसरी", "पंक्ति", "IT"]


def test_identity_hash_depends_on_order_and_content_only() -> None:
    a = token_runs(["कम मक कम"]).ident.tolist()
    assert a[0] == a[2] != a[1]
    # the same token anywhere in a batch (another document, another line, after a deleted joiner)
    b = token_runs(["राम", "x\nक\u200dम"]).ident.tolist()
    assert b[2] == a[0]
    assert len(set(token_runs(["a", "a\x00", "\x00a", "aa"]).ident.tolist())) == 4


def test_long_tokens_get_a_strong_identity() -> None:
    # Thue-Morse words: equal polynomial hashes modulo 2**64 for any odd base from length 2**11 on
    tm = [bin(i).count("1") % 2 for i in range(2 * LONG_TOKEN)]
    a = "".join("कख"[t] for t in tm)
    b = "".join("खक"[t] for t in tm)
    runs = token_runs([a, b, a])
    assert runs.ident[0] == runs.ident[2] != runs.ident[1]
    f = featurize([a, b], seed=1)
    assert f.tokens[0] != f.tokens[1]


@settings(max_examples=300)
@given(st.lists(st.one_of(hostile_text, devanagari_text, hindi_paragraphs()), max_size=8))
def test_featurize_equals_per_document_reference(texts: list[str]) -> None:
    assert as_lists(featurize(texts, seed=5)) == reference(texts, seed=5)


@given(st.lists(st.one_of(hostile_text, hindi_paragraphs()), min_size=1, max_size=6), st.integers(1, 5))
def test_batches_sharing_a_cache_equal_one_batch(texts: list[str], split: int) -> None:
    cache = TokenCache(9)
    parts = [featurize(texts[:split], 9, cache), featurize(texts[split:], 9, cache)]
    whole = as_lists(featurize(texts, 9))
    joined = {k: as_lists(parts[0])[k] + as_lists(parts[1])[k] for k in whole}
    assert joined == whole


def test_cache_seed_must_match() -> None:
    with pytest.raises(ValueError, match="seed 1, not 2"):
        featurize(["क"], 2, TokenCache(1))


def test_mojibake_is_repaired_per_text() -> None:
    broken = "नमस्ते".encode().decode("latin-1")
    f = featurize([broken, "नमस्ते"], seed=1)
    assert f.key_hash[0] == f.key_hash[1] != 0


@given(st.lists(st.integers(0, 2**64 - 1), max_size=50), st.integers(0, 3))
def test_distinct_matches_numpy_unique(values: list[int], repeat: int) -> None:
    arr = np.array(values * (repeat + 1), dtype=np.uint64)
    u, idx, inv = distinct(arr)
    nu = np.unique(arr)
    assert u.tolist() == nu.tolist()
    assert (u[inv] == arr).all()
    assert (arr[idx] == u).all()


def test_distinct_falls_back_when_high_bits_collide() -> None:
    # equal high bits, different low bits, interleaved: the packed sort cannot separate them
    arr = np.array([0x10_0000_0001, 0x10_0000_0002, 0x10_0000_0001, 0x10_0000_0002], dtype=np.uint64)
    u, idx, inv = distinct(arr)
    assert u.tolist() == [0x10_0000_0001, 0x10_0000_0002]
    assert inv.tolist() == [0, 1, 0, 1]
    assert (arr[idx] == u).all()


def test_class_table_agrees_with_the_token_pattern_on_every_bmp_code_point() -> None:
    from newsclean.dedup import codepoints
    from newsclean.dedup.tokens import FORMAT_CHARS, SEPARATORS

    sep = re.compile(f"[{SEPARATORS}]")
    fmt = re.compile(f"[{FORMAT_CHARS}\ue001]")
    for c in range(0x10000):
        ch = chr(c)
        want = 3 if ch == "\n" else 2 if fmt.match(ch) else 1 if sep.match(ch) else 0
        assert codepoints._TABLE[c] == want, hex(c)
