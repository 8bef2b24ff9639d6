"""The fast set operations of newsclean.dedup.arrays against their numpy definitions."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from newsclean.dedup.arrays import distinct, distinct_pairs, member, sorted_unique, stable_order, value_counts

u64 = st.integers(0, 2**64 - 1)
u32 = st.integers(0, 2**32 - 1)


@given(st.lists(u32, max_size=60), st.lists(u32, max_size=20))
def test_member_equals_isin(values: list[int], table: list[int]) -> None:
    v = np.array(values + table[:3], dtype=np.uint32)
    t = np.unique(np.array(table, dtype=np.uint32))
    assert member(v, t).tolist() == np.isin(v, t).tolist()


@given(st.lists(u64, max_size=60), st.lists(u64, max_size=20))
def test_member_equals_isin_uint64(values: list[int], table: list[int]) -> None:
    v = np.array(values + table[:3], dtype=np.uint64)
    t = np.unique(np.array(table, dtype=np.uint64))
    assert member(v, t).tolist() == np.isin(v, t).tolist()


def test_member_hand_checked_with_equal_high_bits() -> None:
    # all share their high bits, so the bitmap passes every value; the exact search decides
    t = np.array([0x1000, 0x1002], dtype=np.uint32)
    v = np.array([0x1000, 0x1001, 0x1002, 0x1003], dtype=np.uint32)
    assert member(v, t).tolist() == [True, False, True, False]


@given(st.lists(st.integers(-(2**40), 2**40), max_size=80))
def test_sorted_unique_and_counts(values: list[int]) -> None:
    v = np.array(values, dtype=np.int64)
    assert sorted_unique(v).tolist() == np.unique(v).tolist()
    d, c = value_counts(v)
    nd, nc = np.unique(v, return_counts=True)
    assert d.tolist() == nd.tolist()
    assert c.tolist() == nc.tolist()


@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)), max_size=40))
def test_distinct_pairs_equals_unique_rows(rows: list[tuple[int, int]]) -> None:
    a = np.array([r[0] for r in rows], dtype=np.uint64)
    b = np.array([r[1] for r in rows], dtype=np.uint64)
    x, y = distinct_pairs(a, b)
    assert list(zip(x.tolist(), y.tolist(), strict=True)) == sorted(set(rows))


@given(st.lists(st.sampled_from([0, 1, 2**63, 2**64 - 1, 0x10_0000_0001, 0x10_0000_0002]) | u64, max_size=60))
def test_stable_order_equals_stable_argsort(values: list[int]) -> None:
    v = np.array(values, dtype=np.uint64)
    assert stable_order(v).tolist() == np.argsort(v, kind="stable").tolist()


def test_stable_order_runs_of_equal_high_bits_are_resorted() -> None:
    rng = np.random.default_rng(4)
    # 1,000 values share every bit above the low 10 (the index bits of the packed sort), plus a few others
    same_high = (np.uint64(5) << np.uint64(40)) | rng.integers(0, 1024, 1000).astype(np.uint64)
    v = np.concatenate([same_high, rng.integers(0, 2**63, 24).astype(np.uint64), same_high[:10]])
    assert stable_order(v).tolist() == np.argsort(v, kind="stable").tolist()
    u, idx, inv = distinct(v)
    nu, nidx, ninv = np.unique(v, return_index=True, return_inverse=True)
    assert u.tolist() == nu.tolist()
    assert idx.tolist() == nidx.tolist()
    assert inv.tolist() == ninv.tolist()
