"""The phases of newsclean.dedup.stages against plain reference implementations and hand-checked cases."""

from __future__ import annotations

import random

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean as nc
from newsclean.dedup import stages
from newsclean.dedup.arrays import ValueSet
from newsclean.dedup.config import DedupConfig
from newsclean.dedup.features import featurize
from newsclean.dedup.minhash import MinHashParams
from newsclean.dedup.shingles import STORY_SLOTS, fmix32
from newsclean.dedup.templates import line_texts

from .strategies import hindi_paragraphs, hostile_text
from .test_dedup import CRICKET, EXAM, FARM, HOSPITAL, RAIN

PARAMS = MinHashParams(shingle=4)
_M32 = 0xFFFFFFFF


def reference_line_shingles(tokens: list[int], line_len: list[int], params: MinHashParams) -> list[int]:
    """Shingle values written out: each line's runs of ``shingle`` tokens (or one of a shorter line)."""
    k = params.shingle
    mult = [int(m) & _M32 for m in params.shingle_multipliers()]
    out, pos = [], 0
    for n in line_len:
        line = tokens[pos : pos + n]
        pos += n
        windows = [line[i : i + k] for i in range(n - k + 1)] if n >= k else [line]
        for w in windows:
            acc = sum(t * m for t, m in zip(w, mult, strict=False)) & _M32
            out.append(int(fmix32(np.array([acc ^ k], dtype=np.uint32))[0]))
    return out


@given(st.lists(st.one_of(hindi_paragraphs(), hostile_text), max_size=5), st.integers(1, 6))
@settings(max_examples=150)
def test_line_shingles_equal_reference(texts: list[str], k: int) -> None:
    params = MinHashParams(shingle=k)
    feats = featurize(texts, params.seed)
    values, line = stages.line_shingles(feats, params)
    assert values.tolist() == reference_line_shingles(feats.tokens.tolist(), feats.line_len.tolist(), params)
    assert line.tolist() == sorted(line.tolist())


def _sets(texts: list[str], drop: list[bool] | None = None, template: list[int] = ()) -> list[list[int]]:
    f = featurize(texts, PARAMS.seed)
    mask = np.array(drop if drop is not None else [False] * f.line_len.shape[0])
    values = ValueSet(np.array(template, dtype=np.uint32))
    s, o = stages.document_sets(f.tokens, f.line_len, f.doc_lines, mask, values, PARAMS)
    return [s[o[i] : o[i + 1]].tolist() for i in range(len(texts))]


def test_shingles_run_across_line_breaks_and_across_left_out_lines() -> None:
    assert _sets(["क ख ग\nघ ङ च"]) == _sets(["क ख ग घ ङ च"])  # a line break is no boundary
    # a template line left out: the shingles bridge the gap, as if it had never been there
    assert _sets(["क ख ग\nयह भी पढ़ें\nघ ङ च"], drop=[False, True, False]) == _sets(["क ख ग घ ङ च"])


def test_document_sets_equal_reference() -> None:
    texts = ["क ख ग\nयह भी पढ़ें\nघ ङ च छ", "एक दो", "", "क ख ग घ"]
    drop = [False, True, False, False, False]
    f = featurize(texts, PARAMS.seed)
    tokens = f.tokens.tolist()
    want, pos, line = [], 0, 0
    for d in range(len(texts)):
        kept: list[int] = []
        for _ in range(int(f.doc_lines[d])):
            n = int(f.line_len[line])
            if not drop[line]:
                kept += tokens[pos : pos + n]
            pos, line = pos + n, line + 1
        want.append(sorted(set(reference_line_shingles(kept, [len(kept)], PARAMS))) if kept else [])
    assert _sets(texts, drop) == want


def test_template_values_are_dropped_and_an_emptied_set_is_kept_whole() -> None:
    full = _sets(["क ख ग घ ङ", "च छ ज झ"])
    # the second document's only shingle is a template value: it keeps its set; the first loses one value
    assert _sets(["क ख ग घ ङ", "च छ ज झ"], template=[full[0][0], full[1][0]]) == [full[0][1:], full[1]]


@given(st.lists(st.one_of(hindi_paragraphs(), hostile_text), min_size=1, max_size=4), st.data())
@settings(max_examples=150)
def test_a_line_alone_has_the_tokens_it_has_in_its_document(texts: list[str], data: st.DataObject) -> None:
    feats = featurize(texts, 1)
    if feats.line_len.size == 0:
        return
    doc = data.draw(st.sampled_from([d for d in range(len(texts)) if feats.doc_lines[d] > 0]))
    k = data.draw(st.integers(0, int(feats.doc_lines[doc]) - 1))
    first_line = int(np.cumsum(feats.doc_lines)[doc] - feats.doc_lines[doc])
    start = int(np.cumsum(feats.line_len)[first_line + k] - feats.line_len[first_line + k])
    want = feats.tokens[start : start + feats.line_len[first_line + k]].tolist()
    alone = featurize(line_texts([texts[doc]], np.array([k])), 1)
    assert alone.tokens.tolist() == want
    assert alone.line_hash.tolist() == [feats.line_hash[first_line + k]]


# ---------------------------------------------------------------------------------------------- templates

TITLE = "राज्य में भारी बारिश का अलर्ट जारी"
PUBLISHERS = [
    ("होम › देश › ताज़ा खबर", "हमें फेसबुक पर फॉलो करें।"),
    ("मुखपृष्ठ › राज्य", "ऐप डाउनलोड करें और खबरें पढ़ें।"),
    ("होम › शहर", "यह भी पढ़ें: आज के प्रमुख समाचार"),
    ("ताज़ा समाचार › मौसम", "हमारे व्हाट्सऐप चैनल से जुड़ें।"),
    ("होम › खास खबर", "खबरों के लिए नोटिफिकेशन चालू करें।"),
]


def _template_hashes(texts: list[str]) -> set[int]:
    part = stages.scan(texts, PARAMS, 30)
    hashes = stages.template_lines(part.row_hash, part.stories[part.row_doc], 3)
    return set(hashes.tolist())


def _line_hash(line: str) -> int:
    return int(featurize([line], 1).line_hash[0])


def test_a_syndicated_story_is_one_story_for_the_template_count() -> None:
    # one story on five sites: its headline is in five documents but one story, so it is no template
    body = RAIN + "\n" + EXAM  # lines of more than 20 tokens: they give the story keys
    pages = [f"{head}\n{TITLE}\n{body}\n{foot}" for head, foot in PUBLISHERS]
    assert _line_hash(TITLE) not in _template_hashes(pages)
    # counted per document, it would be: the same headline over three different stories is a template
    stories = [f"{TITLE}\n{b}" for b in (RAIN, EXAM, FARM)]
    assert _line_hash(TITLE) in _template_hashes(stories)


def test_template_lines_need_a_majority_of_slots() -> None:
    h = np.array([5, 5, 5, 9, 9, 9], dtype=np.uint64)
    # line 5: three stories on every slot; line 9: three keys on one slot only (a story split by an edit)
    s5 = np.array([[1, 1, 1], [2, 2, 2], [3, 3, 3]], dtype=np.uint32)
    s9 = np.array([[4, 4, 4], [4, 4, 5], [4, 4, 6]], dtype=np.uint32)
    assert stages.template_lines(h, np.concatenate([s5, s9]), 3).tolist() == [5]
    assert STORY_SLOTS == 3


def test_representatives_are_chosen_by_content() -> None:
    docs = np.array([4, 2, 7, 2, 9], dtype=np.int64)
    hashes = np.array([10, 10, 10, 11, 11], dtype=np.uint64)
    line_no = np.array([0, 3, 1, 0, 2], dtype=np.int64)
    rank = np.array([0, 0, 5, 0, 1, 0, 0, 3, 0, 0], dtype=np.uint64)  # per document
    got = stages.representatives(docs, hashes, line_no, np.array([10, 11], dtype=np.uint64), rank)
    assert [a.tolist() for a in got] == [[4, 9], [0, 2]]  # smallest rank: document 4 for 10, 9 for 11
    perm = np.array([3, 0, 4, 2, 1])
    again = stages.representatives(
        docs[perm], hashes[perm], line_no[perm], np.array([10, 11], np.uint64), rank
    )
    assert [a.tolist() for a in again] == [a.tolist() for a in got]


# ---------------------------------------------------------------------------------------------- candidates


@given(
    st.lists(st.integers(0, 2**32 - 1), max_size=80),
    st.lists(st.integers(0, 2**32 - 1), max_size=40),
)
def test_value_set_equals_isin(values: list[int], table: list[int]) -> None:
    v = np.array(values + table[:5] + [0, 1, 2**32 - 1], dtype=np.uint32)
    t = np.array(table, dtype=np.uint32)
    assert ValueSet(t).contains(v).tolist() == np.isin(v, t).tolist()


@given(st.integers(1, 40), st.integers(1, 4), st.integers(1, 5), st.randoms(use_true_random=False))
def test_candidate_pairs_equal_brute_force(n: int, bands: int, alphabet: int, rnd: random.Random) -> None:
    keys = np.array([[rnd.randrange(alphabet) for _ in range(n)] for _ in range(bands)], dtype=np.uint32)
    rank = np.array([rnd.randrange(1000) for _ in range(n)], dtype=np.uint64)
    valid = np.array([rnd.random() < 0.9 for _ in range(n)])
    got = {tuple(p) for p in stages.candidate_pairs(keys, rank, valid, window=n).tolist()}
    want = {
        (i, j)
        for i in range(n)
        for j in range(i + 1, n)
        if valid[i] and valid[j] and any(keys[b, i] == keys[b, j] for b in range(bands))
    }
    assert got == want


@given(st.lists(st.sets(st.integers(0, 60), max_size=40), min_size=2, max_size=8), st.data())
def test_verify_pairs_equal_set_intersections(sets: list[set[int]], data: st.DataObject) -> None:
    flat = np.array([v for s in sets for v in sorted(s)], dtype=np.uint32)
    offsets = np.concatenate([[0], np.cumsum([len(s) for s in sets])]).astype(np.int64)
    idx = st.integers(0, len(sets) - 1)
    pairs = np.array(data.draw(st.lists(st.tuples(idx, idx), min_size=1, max_size=10)), dtype=np.int64)
    inter, sa, sb = stages.verify_pairs(flat, offsets, pairs)
    assert inter.tolist() == [len(sets[a] & sets[b]) for a, b in pairs.tolist()]
    assert sa.tolist() == [len(sets[a]) for a, _ in pairs.tolist()]
    assert sb.tolist() == [len(sets[b]) for _, b in pairs.tolist()]


def _plain_sets(texts: list[str], cfg: DedupConfig) -> tuple[np.ndarray, np.ndarray]:
    """The sets of ``dedupe`` with no template line and no template value."""
    f = featurize(texts, cfg.seed)
    nothing = np.zeros(f.line_len.shape[0], dtype=bool)
    empty = ValueSet(np.zeros(0, np.uint32))
    return stages.document_sets(f.tokens, f.line_len, f.doc_lines, nothing, empty, cfg.params())


def _variants(rnd: random.Random) -> list[str]:
    """Articles and edited, truncated, extended and unrelated copies of them, for the prefilter test."""
    bodies = [RAIN, EXAM, FARM, CRICKET, HOSPITAL]
    out = []
    for a in bodies:
        for b in bodies:
            words = " ".join([a, b, *rnd.sample(bodies, 2)]).split()
            for _ in range(6):
                cut = rnd.randrange(len(words) // 3, len(words) + 1)
                w = words[:cut]
                for _ in range(rnd.randrange(6)):
                    w[rnd.randrange(len(w))] = rnd.choice(words)
                out.append(" ".join(w))
    return out


def test_prefilter_keeps_every_pair_the_accept_rule_takes() -> None:
    texts = _variants(random.Random(3))
    cfg = DedupConfig()
    sets, offsets = _plain_sets(texts, cfg)
    sig = stages.signatures(sets, offsets, cfg.params())
    n = len(texts)
    pairs = np.array([(i, j) for i in range(n) for j in range(i + 1, n)], dtype=np.int64)
    inter, sa, sb = stages.verify_pairs(sets, offsets, pairs)
    ok, jac = cfg.accept(inter, sa, sb)
    keep = stages.prefilter(
        pairs,
        np.diff(offsets),
        stages.fingerprints(sig),
        threshold=cfg.threshold,
        containment=cfg.containment,
    )
    assert ok.sum() > 100
    assert not (ok & ~keep).any()  # sound: no matching pair is dropped
    # and useful: clearly different pairs are dropped (sets smaller than the signature are always verified)
    big = (np.minimum(sa, sb) >= cfg.num_perm) & (jac < 0.1)
    assert big.sum() > 100
    assert keep[big].mean() < 0.05


def test_prefilter_and_banding_keep_dedupe_equal_to_all_pairs() -> None:
    texts = _variants(random.Random(5))
    r = nc.dedupe(texts, boilerplate_min_docs=10**6)  # no template: compare with the unfiltered sets
    cfg = DedupConfig()
    sets, offsets = _plain_sets(texts, cfg)
    n = len(texts)
    pairs = np.array([(i, j) for i in range(n) for j in range(i + 1, n)], dtype=np.int64)
    accepted, _ = stages.matching_pairs(sets, offsets, pairs, cfg)
    labels = stages.cluster_labels(n, accepted, featurize(texts, cfg.seed).key_hash)
    # LSH can miss a pair, but not a cluster of this corpus: every all-pairs cluster is found
    got = {frozenset(np.flatnonzero(np.array(r.cluster_ids) == c).tolist()) for c in set(r.cluster_ids)}
    want = {frozenset(np.flatnonzero(labels == c).tolist()) for c in set(labels.tolist())}
    assert got == want
