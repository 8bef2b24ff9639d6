"""Tests for the MinHash/LSH layer and the engine-neutral stages of newsclean.dedup."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import IncompatibleSignatureError
from newsclean.dedup import stages
from newsclean.dedup.arrays import ValueSet
from newsclean.dedup.clusters import components
from newsclean.dedup.config import verified_banding
from newsclean.dedup.features import featurize
from newsclean.dedup.minhash import MinHashParams, Signature, lsh_params
from newsclean.dedup.tokens import matching_key, prepare, tokenize

from .strategies import WORDS

# MinHash estimates are a share of num_perm slots: with 128 slots the standard deviation is at most
# sqrt(0.25 / 128) ~= 0.044; densification adds some for small sets (4,000 random pairs of 40-200 words:
# largest error 0.17, so 0.2 failed now and then). Tolerance 6 sd (0.265): well above the errors seen, still
# failing a broken estimator (a constant, a share of the wrong slots).
TOLERANCE = 6 * (0.25 / 128) ** 0.5
PARAMS = MinHashParams(num_perm=128, shingle=2)

VOCAB = [
    *WORDS,
    "बारिश",
    "मौसम",
    "किसान",
    "फसल",
    "बाजार",
    "सड़क",
    "पानी",
    "बिजली",
    "स्कूल",
    "अस्पताल",
    "डॉक्टर",
    "मरीज",
    "टीम",
    "मैच",
    "खिलाड़ी",
    "रेल",
    "बस",
    "हवाई",
    "अड्डा",
    "नदी",
]


def sets_and_sigs(texts: list[str], params: MinHashParams) -> tuple[list[set[int]], np.ndarray]:
    f = featurize(texts, params.seed)
    nothing = np.zeros(f.line_len.shape[0], dtype=bool)
    sets, offsets = stages.document_sets(
        f.tokens, f.line_len, f.doc_lines, nothing, ValueSet(np.zeros(0, np.uint32)), params
    )
    sig = stages.signatures(sets, offsets, params)
    return [set(sets[offsets[i] : offsets[i + 1]].tolist()) for i in range(len(texts))], sig


@given(
    st.lists(st.sampled_from(VOCAB), min_size=40, max_size=200),
    st.lists(st.sampled_from(VOCAB), min_size=0, max_size=120),
    st.floats(0.0, 1.0),
)
@settings(max_examples=150)
def test_minhash_estimate_is_close_to_exact_jaccard(base: list[str], extra: list[str], keep: float) -> None:
    a = " ".join(base)
    b = " ".join(base[: int(len(base) * keep)] + extra)
    (sa, sb), sig = sets_and_sigs([a, b], PARAMS)
    if not sa or not sb:
        return
    exact = len(sa & sb) / len(sa | sb)
    estimate = float(np.mean(sig[0] == sig[1]))
    assert abs(estimate - exact) <= TOLERANCE


def test_identical_sets_give_identical_signatures() -> None:
    text = "भारत सरकार ने कहा कि जांच जारी है और पुलिस मामले में लोगों से पूछताछ कर रही है"
    _, sig = sets_and_sigs([text, text + "।"], PARAMS)
    assert np.array_equal(sig[0], sig[1])
    assert float(np.mean(sig[0] == sig[1])) == 1.0


def test_disjoint_sets_rarely_share_slots() -> None:
    a = " ".join(VOCAB[:25])
    b = " ".join(VOCAB[25:])
    (sa, sb), sig = sets_and_sigs([a, b], PARAMS)
    assert not sa & sb
    assert float(np.mean(sig[0] == sig[1])) <= 0.05


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.7, 0.9])
@pytest.mark.parametrize("weights", [(0.5, 0.5), (0.3, 0.7)])
def test_lsh_params_match_datasketch(threshold: float, weights: tuple[float, float]) -> None:
    lsh = pytest.importorskip("datasketch.lsh")
    assert lsh_params(threshold, 128, weights) == lsh._optimal_param(threshold, 128, *weights)


def test_lsh_params_hand_checked() -> None:
    # one band of all rows for threshold near 1, many single-row bands for threshold near 0
    b, r = lsh_params(0.99, 16)
    assert b * r <= 16
    assert r >= 8
    b, r = lsh_params(0.02, 16)
    assert r == 1
    assert b == 16


@pytest.mark.parametrize(
    ("kwargs", "field"), [({"threshold": 1.0}, "threshold"), ({"weights": (0.9, 0.9)}, "weights")]
)
def test_lsh_params_rejects_bad_values(kwargs: dict[str, object], field: str) -> None:
    args: dict[str, object] = {"threshold": 0.5, "num_perm": 64, **kwargs}
    with pytest.raises(ValueError, match=field):
        lsh_params(**args)  # type: ignore[arg-type]


def test_incompatible_signatures_raise() -> None:
    a = Signature(MinHashParams(num_perm=8, shingle=3), np.zeros(8, dtype=np.uint32))
    b = Signature(MinHashParams(num_perm=8, shingle=4), np.zeros(8, dtype=np.uint32))
    with pytest.raises(IncompatibleSignatureError, match="shingle"):
        a.jaccard(b)
    assert a.jaccard(a) == 1.0


def test_tokens_keep_devanagari_words_whole() -> None:
    assert tokenize(prepare("छत्तीसगढ़ में, नमस्ते।")) == ["छत्तीसगढ़", "में", "नमस्ते"]
    assert tokenize(prepare("कोरो\u200bना क्\u200dष")) == ["कोरोना", "क्ष"]  # joiners deleted, not split at
    assert matching_key("IT कंपनी—CEO") == "it कंपनी ceo"
    assert matching_key("क़ानून") == matching_key("कानून")  # loan nukta folded (search profile)
    assert matching_key("पढ़") != matching_key("पढ")  # ड़/ढ़ are letters of their own
    assert matching_key("१०") == matching_key("10")


def test_candidate_pairs_by_sorting() -> None:
    keys = np.array([[5, 1], [5, 2], [7, 2], [5, 9]], dtype=np.uint32).T  # band-major
    rank = np.array([4, 3, 2, 1], dtype=np.uint64)
    valid = np.array([True, True, True, False])
    pairs = stages.candidate_pairs(keys, rank, valid)
    assert pairs.tolist() == [[0, 1], [1, 2]]


def test_candidate_pairs_bounded_per_bucket() -> None:
    # one bucket of 100 members: each is paired with the next ``window`` only (in rank order)
    keys = np.zeros((1, 100), dtype=np.uint32)
    pairs = stages.candidate_pairs(keys, np.arange(100, dtype=np.uint64), np.ones(100, bool), window=3)
    assert pairs.shape[0] == 3 * 100 - 6
    assert set(map(tuple, pairs.tolist())) == {
        (i, j) for i in range(100) for j in range(i + 1, min(100, i + 4))
    }


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.7, 0.9])
def test_verified_banding_finds_pairs_at_the_threshold(threshold: float) -> None:
    bands, rows = verified_banding(threshold, 128)
    assert bands * rows <= 128
    assert 1 - (1 - threshold**rows) ** bands >= 0.99
    more = 128 // (rows + 1)
    assert 1 - (1 - threshold ** (rows + 1)) ** more < 0.99  # one more row would miss too many


def test_verify_pairs_exact_intersections() -> None:
    sets = np.array([1, 2, 3, 2, 3, 4, 9], dtype=np.uint32)
    offsets = np.array([0, 3, 6, 7, 7], dtype=np.int64)
    inter, sa, sb = stages.verify_pairs(sets, offsets, np.array([[0, 1], [0, 2], [1, 3]], dtype=np.int64))
    assert inter.tolist() == [2, 0, 0]
    assert sa.tolist() == [3, 3, 3]
    assert sb.tolist() == [3, 1, 0]


def test_components() -> None:
    edges = np.array([[5, 6], [1, 5], [2, 3]], dtype=np.int64)
    assert components(7, edges).tolist() == [0, 1, 2, 2, 4, 1, 1]
