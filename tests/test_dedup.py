"""Tests for newsclean.dedupe: hand-written cases, hard negatives, properties, determinism."""

from __future__ import annotations

import importlib.util
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclean as nc
from newsclean.dedup import DedupResult, dedupe

from .strategies import hindi_paragraphs, hostile_text

# ---------------------------------------------------------------- hand-written Hindi articles

RAIN = (
    "मुंबई में सोमवार को भारी बारिश के कारण कई इलाकों में पानी भर गया। मौसम विभाग ने अगले दो दिनों के लिए "
    "ऑरेंज अलर्ट जारी किया है। नगर निगम के अधिकारियों ने बताया कि निचले इलाकों से लोगों को सुरक्षित स्थानों "
    "पर पहुंचाया जा रहा है। लोकल ट्रेन सेवाएं कुछ घंटों के लिए रोकनी पड़ीं और हवाई अड्डे पर कई उड़ानें देरी "
    "से चलीं। स्कूलों को एहतियात के तौर पर बंद रखने का आदेश दिया गया है।"
)
EXAM = (
    "राज्य शिक्षा बोर्ड ने बारहवीं कक्षा के परिणाम घोषित कर दिए हैं। इस वर्ष कुल उत्तीर्ण प्रतिशत पिछले साल "
    "से बेहतर रहा और छात्राओं ने फिर बाजी मारी। बोर्ड के अध्यक्ष ने कहा कि पुनर्मूल्यांकन के लिए आवेदन अगले "
    "सप्ताह से स्वीकार किए जाएंगे। जिन छात्रों को अंकों पर आपत्ति है वे ऑनलाइन पोर्टल पर शुल्क जमा कर सकते हैं।"
)
FARM = (
    "किसानों ने गेहूं की सरकारी खरीद में देरी को लेकर जिला मुख्यालय पर धरना दिया। उनका कहना है कि मंडियों में "
    "बारदाने की कमी के कारण फसल खुले में पड़ी है और बेमौसम बारिश से नुकसान का खतरा बढ़ गया है। जिलाधिकारी ने "
    "आश्वासन दिया कि तीन दिन के भीतर अतिरिक्त खरीद केंद्र खोले जाएंगे और भुगतान सीधे बैंक खातों में होगा।"
)
CRICKET = (
    "भारतीय टीम ने तीसरे एकदिवसीय मुकाबले में मेहमान टीम को छह विकेट से हरा दिया और श्रृंखला अपने नाम कर ली। "
    "सलामी बल्लेबाज ने शानदार शतक लगाया जबकि युवा तेज गेंदबाज ने चार विकेट झटके। कप्तान ने मैच के बाद कहा कि "
    "टीम का प्रदर्शन हर विभाग में संतुलित रहा और अगले दौरे की तैयारी अभी से शुरू होगी।"
)
HOSPITAL = (
    "शहर के सरकारी अस्पताल में नई डायलिसिस इकाई का उद्घाटन किया गया। स्वास्थ्य मंत्री ने कहा कि अब मरीजों को "
    "इलाज के लिए दूसरे शहरों में नहीं जाना पड़ेगा। इकाई में दस मशीनें लगाई गई हैं और गरीब परिवारों के लिए "
    "सेवा निःशुल्क रहेगी। अस्पताल प्रशासन ने अतिरिक्त तकनीशियनों की भर्ती भी शुरू कर दी है।"
)
QUOTE = (
    "“हमारा लक्ष्य है कि हर गांव तक पक्की सड़क, स्वच्छ पानी और चौबीस घंटे बिजली पहुंचे, और इसके लिए केंद्र "
    "तथा राज्य मिलकर काम करेंगे। किसी भी परियोजना में भ्रष्टाचार बर्दाश्त नहीं किया जाएगा और हर खर्च का हिसाब "
    "जनता के सामने रखा जाएगा।”"
)

TEMPLATE_TOP = "होम › राज्य › ताज़ा खबर\nदैनिक प्रहरी | अपडेटेड: {d} मार्च 2024\nलेखक: डिजिटल डेस्क | दैनिक प्रहरी\n"
TEMPLATE_BOTTOM = (
    "\nयह भी पढ़ें:\n• पहाड़ों पर बर्फबारी से बढ़ी ठंड\n• महंगाई दर में मामूली गिरावट\n• नए संसद भवन में पहला सत्र\n"
    "ताज़ा खबरों के लिए दैनिक प्रहरी से जुड़े रहें। हमें फेसबुक और ट्विटर पर फॉलो करें।\n"
    "सबसे ज़्यादा पढ़ी गई खबरें\n1. सोने के भाव में तेजी\n2. रेलवे ने बदला समय\n3. परीक्षा की तारीख घोषित\n"
    "डिस्क्लेमर: यह खबर सिंडिकेट फीड से प्रकाशित की गई है।"
)


def templated(body: str, day: int) -> str:
    return TEMPLATE_TOP.format(d=day) + "\n" + body + "\n" + TEMPLATE_BOTTOM


def partition(ids: list[int]) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for i, c in enumerate(ids):
        groups.setdefault(c, set()).add(i)
    return {frozenset(g) for g in groups.values()}


def check_result_shape(r: DedupResult, n: int) -> None:
    assert len(r.cluster_ids) == n
    assert r.kept == sorted({*r.cluster_ids})
    for i, c in enumerate(r.cluster_ids):
        assert r.cluster_ids[c] == c  # the id is the kept representative's index
        if c == i:
            assert i not in r.duplicate_of
        else:
            kept, score = r.duplicate_of[i]
            assert kept == c
            assert 0.0 <= score <= 1.0
    assert len(r.kept) + len(r.duplicate_of) == n


# ---------------------------------------------------------------- hand-written unit cases


def test_exact_copy_and_unicode_variants_merge() -> None:
    nfd_nukta = RAIN.replace("ज़", "ज\u093c")  # no-op for RAIN; EXAM/ FARM stay separate
    zwj = RAIN.replace("क्", "क्\u200d")  # joiners inserted: same words for a reader
    docs = [RAIN, EXAM, RAIN, zwj, nfd_nukta]
    r = dedupe(docs)
    check_result_shape(r, len(docs))
    assert r.cluster_ids[0] == r.cluster_ids[2] == r.cluster_ids[3] == r.cluster_ids[4]
    assert r.cluster_ids[1] == 1
    # scores of identical keys are exactly 1.0
    assert all(score == 1.0 for _, score in r.duplicate_of.values())


def test_near_duplicate_edit_merges_and_longest_is_kept() -> None:
    edited = RAIN.replace("सोमवार", "मंगलवार").replace("दो दिनों", "तीन दिनों") + " अधिक जानकारी जल्द।"
    r = dedupe([RAIN, edited, FARM])
    assert r.cluster_ids == [1, 1, 2]  # the edited copy is longer: it is the representative
    kept, score = r.duplicate_of[0]
    assert kept == 1
    assert 0.5 <= score < 1.0


def test_truncated_copy_merges_by_containment() -> None:
    long_article = RAIN + "\n" + EXAM.replace("बोर्ड", "परिषद")  # a long article
    truncated = RAIN[: len(RAIN) * 2 // 3] + "…"
    r = dedupe([long_article, truncated, FARM])
    assert r.cluster_ids == [0, 0, 2]
    # with containment switched off the truncated copy stays apart (resemblance is well below 0.5)
    assert dedupe([long_article, truncated, FARM], containment=None).cluster_ids == [0, 1, 2]


def test_hard_negative_same_template_different_articles() -> None:
    bodies = [RAIN, EXAM, FARM, CRICKET, HOSPITAL]
    short_bodies = [b[: len(b) // 3] for b in bodies]  # short articles: the template dominates each page
    docs = [templated(b, day) for day, b in enumerate(short_bodies, start=3)]
    r = dedupe(docs)
    assert r.cluster_ids == [0, 1, 2, 3, 4]
    # the template is what makes this hard: counted as content, it merges the pages
    assert len(set(dedupe(docs, boilerplate_min_docs=100).cluster_ids)) <= 2


def test_template_copies_of_one_article_still_merge() -> None:
    docs = [templated(RAIN, 3), templated(EXAM, 4), templated(FARM, 5), templated(RAIN, 9)]
    r = dedupe(docs)
    assert partition(r.cluster_ids) == {frozenset({0, 3}), frozenset({1}), frozenset({2})}


def test_hard_negative_shared_long_quotation() -> None:
    a = CRICKET[:150] + "\n" + "मुख्यमंत्री ने कहा, " + QUOTE + "\n" + FARM[:120]
    b = HOSPITAL[:160] + "\n" + "उपमुख्यमंत्री ने दोहराया, " + QUOTE + "\n" + EXAM[:110]
    r = dedupe([a, b])
    assert r.cluster_ids == [0, 1]
    # the overlap is real: a low resemblance threshold would merge them
    assert dedupe([a, b], threshold=0.2).cluster_ids == [1, 1]


def test_hard_negative_same_topic() -> None:
    a = (
        "दिल्ली में वायु प्रदूषण का स्तर लगातार तीसरे दिन गंभीर श्रेणी में रहा। प्रदूषण नियंत्रण बोर्ड के अनुसार "
        "कई इलाकों में सूचकांक चार सौ के पार पहुंच गया। सरकार ने निर्माण कार्यों पर अस्थायी रोक लगा दी है और "
        "लोगों से निजी वाहनों का कम उपयोग करने की अपील की है।"
    )
    b = (
        "राजधानी में प्रदूषण से निपटने के लिए सरकार ने सम विषम योजना फिर लागू करने पर विचार शुरू किया है। "
        "परिवहन मंत्री ने बताया कि अतिरिक्त बसें चलाई जाएंगी और मेट्रो के फेरे बढ़ाए जाएंगे। विशेषज्ञों का कहना "
        "है कि पराली जलाने पर रोक के बिना हालात में बड़ा सुधार मुश्किल है।"
    )
    assert dedupe([a, b]).cluster_ids == [0, 1]


def test_marks_are_not_stripped() -> None:
    # मैं / में and है / हैं differ only by marks: a key that stripped marks would merge these two
    a = "मैं घर पर हूं और मैं पढ़ रहा हूं मैं थका हूं"
    b = "में घर पर हूं और में पढ़ रहा हूं में थका हूं"
    assert dedupe([a, b]).cluster_ids == [0, 1]


def test_empty_and_punctuation_only_documents() -> None:
    r = dedupe(["", "।।", "", RAIN, "   "])
    # documents without a single word have the same (empty) matching key: exact duplicates of each other;
    # the longest text is kept ("   " has three characters, "।।" two)
    assert r.cluster_ids == [4, 4, 4, 3, 4]
    check_result_shape(r, 5)


def test_empty_input() -> None:
    assert dedupe([]) == DedupResult([], [], {})


def test_documents_accepted() -> None:
    r = dedupe([nc.Document(RAIN, id="a"), RAIN, nc.Document(EXAM)])
    assert r.cluster_ids == [0, 0, 2]


@pytest.mark.parametrize(
    ("docs", "message"),
    [
        ([RAIN, RAIN, RAIN, None], "dedupe() item 3: 'text' must be str, not NoneType"),
        ([b"abc"], "dedupe() item 0: 'text' must be str, not bytes"),
        ("एक खबर", "dedupe() argument 'docs' must be a sequence of str or Document, not str"),
    ],
)
def test_wrong_types(docs: object, message: str) -> None:
    with pytest.raises(nc.InputTypeError) as exc:
        dedupe(docs)  # type: ignore[arg-type]
    assert str(exc.value) == message


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"threshold": 1.2}, "threshold"),
        ({"threshold": 0.0}, "threshold"),
        ({"num_perm": 4}, "num_perm"),
        ({"jobs": 0}, "jobs"),
        ({"shingle": 0}, "shingle"),
        ({"containment": -0.1}, "containment"),
    ],
)
def test_bad_options(kwargs: dict[str, float], field: str) -> None:
    with pytest.raises(nc.ConfigError, match=field):
        dedupe([RAIN], **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(("method", "jobs"), [("fork", 2), ("fork", 3), ("spawn", 2)])
def test_jobs_give_the_same_result(monkeypatch: pytest.MonkeyPatch, method: str, jobs: int) -> None:
    from newsclean.dedup import collect

    docs = [RAIN, EXAM, FARM, CRICKET, HOSPITAL] * 3 + [RAIN.replace("मुंबई", "पुणे"), templated(EXAM, 7)]
    monkeypatch.setattr(collect, "MIN_PARALLEL", 2)
    if method not in __import__("multiprocessing").get_all_start_methods():
        pytest.skip(f"no {method} start method here")
    monkeypatch.setattr(collect, "start_method", lambda: method)
    one = dedupe(docs, batch_size=4)
    assert dedupe(docs, batch_size=4, jobs=jobs) == one
    assert one == dedupe(docs)  # batching does not change anything either


def test_a_failing_worker_is_reported_not_waited_for(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclean.dedup import collect

    original = collect.scan

    def scan(texts, *args, **kwargs):  # type: ignore[no-untyped-def]
        if texts and texts[0] == EXAM:
            msg = "scan failed on purpose"
            raise ValueError(msg)
        return original(texts, *args, **kwargs)

    monkeypatch.setattr(collect, "MIN_PARALLEL", 2)
    monkeypatch.setattr(collect, "scan", scan)
    docs = [RAIN, EXAM, FARM, CRICKET] * 4
    if collect.start_method() == "fork":
        with pytest.raises((RuntimeError, ValueError), match="scan failed on purpose"):
            dedupe(docs, jobs=2, batch_size=1)


def test_no_shared_mapping_falls_back_to_pickling(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclean.dedup import collect

    def refuse(count: int) -> None:
        msg = "no mapping"
        raise OSError(msg)

    monkeypatch.setattr(collect, "MIN_PARALLEL", 2)
    docs = [RAIN, EXAM, FARM, CRICKET, HOSPITAL, RAIN.replace("मुंबई", "पुणे")] * 2
    one = dedupe(docs)
    monkeypatch.setattr(collect, "_SharedValues", refuse)
    assert dedupe(docs, jobs=2, batch_size=2) == one


def test_blocks_give_the_same_result(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclean.dedup import batch

    docs = [templated(b, d) for d, b in enumerate([RAIN, EXAM, FARM, CRICKET, HOSPITAL, RAIN[:400]], 3)]
    docs += [RAIN, EXAM.replace("बोर्ड", "परिषद")]
    whole = dedupe(docs)
    monkeypatch.setattr(batch, "_BLOCK", 3)
    assert dedupe(docs) == whole


def test_large_input_does_not_crash() -> None:
    big = (RAIN + "\n") * (10_000_000 // len(RAIN))
    r = dedupe([big, big[: len(big) // 2], EXAM])
    assert r.cluster_ids == [0, 0, 2]


# ---------------------------------------------------------------- properties


@st.composite
def corpora(draw: st.DrawFn) -> list[str]:
    base = draw(st.lists(hindi_paragraphs(), min_size=1, max_size=6))
    docs = list(base)
    for b in base:
        kind = draw(st.sampled_from(["none", "copy", "edit", "trunc"]))
        if kind == "copy":
            docs.append(b)
        elif kind == "edit":
            docs.append(b + " " + draw(hindi_paragraphs()))
        elif kind == "trunc":
            docs.append(b[: max(1, len(b) * 3 // 4)])
    return docs


@given(corpora(), st.randoms(use_true_random=False))
@settings(max_examples=60)
def test_order_independence(docs: list[str], rnd: random.Random) -> None:
    r1 = dedupe(docs)
    perm = list(range(len(docs)))
    rnd.shuffle(perm)
    shuffled = [docs[p] for p in perm]
    r2 = dedupe(shuffled)
    # same clusters (as sets of texts' original positions) and the same kept texts
    back = [0] * len(docs)
    for new, old in enumerate(perm):
        back[old] = perm[r2.cluster_ids[new]]
    assert partition(back) == partition(r1.cluster_ids)
    assert sorted(docs[k] for k in r1.kept) == sorted(shuffled[k] for k in r2.kept)
    check_result_shape(r1, len(docs))


@given(st.one_of(hostile_text, hindi_paragraphs()), st.lists(hindi_paragraphs(), max_size=3))
@settings(max_examples=60)
def test_a_document_is_a_duplicate_of_its_copy(text: str, others: list[str]) -> None:
    docs = [*others, text, *others[:1], text]
    r = dedupe(docs)
    i, j = len(others), len(docs) - 1
    assert r.cluster_ids[i] == r.cluster_ids[j]
    check_result_shape(r, len(docs))


@given(corpora(), st.integers(1, 3))
@settings(max_examples=12)
def test_jobs_and_batching_do_not_change_the_result(docs: list[str], batch_size: int) -> None:
    from newsclean.dedup import batch, collect

    one = dedupe(docs)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(collect, "MIN_PARALLEL", 2)  # a process pool even for a handful of documents
        mp.setattr(batch, "_BLOCK", 2)
        assert dedupe(docs, jobs=2, batch_size=batch_size) == one
    assert dedupe(docs, batch_size=batch_size) == one


# ---------------------------------------------------------------- determinism across processes

_SCRIPT = """
import json, sys
from newsclean import dedupe
r = dedupe(json.loads(sys.stdin.read()))
print(json.dumps([r.cluster_ids, r.kept, sorted(r.duplicate_of.items())]))
"""


def test_same_result_under_different_hash_seeds() -> None:
    docs = [
        RAIN,
        EXAM,
        templated(FARM, 3),
        templated(CRICKET, 4),
        templated(HOSPITAL, 5),
        RAIN[:300],
        EXAM.replace("बोर्ड", "परिषद"),
        templated(RAIN, 6),
    ]
    outs = []
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run(
            [sys.executable, "-c", _SCRIPT],
            input=json.dumps(docs),
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outs.append(json.loads(proc.stdout))
    assert outs[0] == outs[1]
    cluster_ids = outs[0][0]
    assert cluster_ids[0] == cluster_ids[5] == cluster_ids[7]  # RAIN, its truncation, its templated copy
    assert cluster_ids[1] == cluster_ids[6]


# ---------------------------------------------------------------- optional check on the development data


def test_dev_data_quality(shared_data: Path) -> None:
    folder = shared_data / "dedup"
    spec = importlib.util.spec_from_file_location("dedup_score", folder / "score.py")
    assert spec is not None
    assert spec.loader is not None
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    docs = score.load(str(folder / "dev.jsonl"))
    res = score.evaluate(docs, dedupe([d["text"] for d in docs]).cluster_ids)
    assert res["f1"] >= 0.99
    for kind, row in res["per_kind"].items():
        if kind.startswith("hn_"):
            assert row["merged"] < 0.01, kind
