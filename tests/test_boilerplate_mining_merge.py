"""Counting is per document: partial fits of any split of a corpus, merged in any order, equal one fit.

The corpora are hand-written Hindi (stories, a follow prompt, a disclaimer, lead-ins with headlines and
captions with a credit tail), spread over three publishers.
"""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.boilerplate.corpus import BoilerplateMiner, BoilerplateModel
from newsclean.boilerplate.mining.text import token_infos, token_key
from newsclean.errors import ConfigError

from .strategies import devanagari_text

STORIES = [
    "सुबह से हो रही बारिश ने शहर की सड़कों को तालाब बना दिया। स्कूलों में बच्चों की हाजिरी कम रही।",
    "मंडी में आलू और प्याज के दाम दो दिन में दोगुने हो गए। व्यापारियों ने आवक घटने की बात कही।",
    "जिला अस्पताल में बच्चों का नया वार्ड खोला गया। इसमें चालीस बिस्तर और दो डॉक्टर होंगे।",
    "नगर पालिका ने पुराने बाजार की नालियों की सफाई का अभियान शुरू किया। दुकानदारों ने साथ देने का वादा किया।",
    "कॉलेज की टीम ने राज्य स्तरीय कबड्डी प्रतियोगिता का खिताब जीता। खिलाड़ियों का स्टेशन पर स्वागत हुआ।",
    "गांव में पहली बार सौर ऊर्जा से चलने वाला पंप लगाया गया। किसानों का डीजल का खर्च बचेगा।",
    "पुलिस ने हाईवे पर तेज रफ्तार वाहनों के चालान काटे। एक दिन में दो सौ से ज्यादा चालान हुए।",
    "पुस्तकालय में शाम को पढ़ने का समय दो घंटे बढ़ा दिया गया। छात्रों ने इस फैसले की सराहना की।",
]
FURNITURE = [
    "हमारा ऐप डाउनलोड करें और ताजा खबरें पढ़ें",
    "(यह लेखक के निजी विचार हैं)",
    "यह भी पढ़ें: पहाड़ों पर बर्फबारी से रास्ते बंद",
    "मेले में उमड़ी भीड़ - फोटो : संवाददाता",
    "Updated: 12 मई 2026",
]
PUBLISHERS = ["p1", "p2", None]


@st.composite
def corpora(draw: st.DrawFn) -> list[dict[str, str | None]]:
    n = draw(st.integers(min_value=0, max_value=14))
    docs = []
    for i in range(n):
        story = draw(st.sampled_from(STORIES))
        extra = draw(st.lists(st.sampled_from(FURNITURE), max_size=3))
        title = draw(st.sampled_from(["", story[:30], f"शीर्षक संख्या {i} यहां है"]))
        docs.append(
            {
                "text": "\n".join([story, *extra]),
                "title": title,
                "publisher": draw(st.sampled_from(PUBLISHERS)),
            }
        )
    return docs


def _split(docs: list, cuts: list[int]) -> list[list]:
    points = sorted({min(c, len(docs)) for c in cuts})
    parts, last = [], 0
    for p in [*points, len(docs)]:
        parts.append(docs[last:p])
        last = p
    return parts


def _miner() -> BoilerplateMiner:
    return BoilerplateMiner(min_docs=2, min_span_docs=2, ngram=3)


@settings(max_examples=60)
@given(corpora(), st.lists(st.integers(min_value=0, max_value=14), max_size=4), st.randoms())
def test_partial_fits_of_any_split_merged_in_any_order_equal_one_fit(docs, cuts, rnd) -> None:
    full = _miner().fit(docs)
    parts = [_miner().partial_fit(part) for part in _split(docs, cuts)]
    rnd.shuffle(parts)
    # a tree merge in a random shape
    while len(parts) > 1:
        i = rnd.randrange(len(parts) - 1)
        parts[i : i + 2] = [parts[i].merge(parts[i + 1])]
    assert parts[0] == full
    assert parts[0].fingerprint == full.fingerprint


@settings(max_examples=30)
@given(corpora(), corpora(), corpora())
def test_merge_is_associative_and_commutative(a, b, c) -> None:
    ma, mb, mc = (_miner().fit(x) for x in (a, b, c))
    left = ma.merge(mb).merge(mc)
    assert left == ma.merge(mb.merge(mc))
    assert left == mc.merge(ma, mb)
    assert left == _miner().fit(a + b + c)


@settings(max_examples=30)
@given(corpora(), st.integers(min_value=0, max_value=14))
def test_one_miner_fed_in_parts_equals_one_fit(docs, cut) -> None:
    miner = _miner()
    miner.partial_fit(docs[:cut])
    assert miner.partial_fit(docs[cut:]) == _miner().fit(docs)


def test_merged_model_survives_save_and_pickle(tmp_path) -> None:
    docs = [{"text": f"{s}\n{FURNITURE[0]}", "publisher": "p1"} for s in STORIES]
    merged = _miner().fit(docs[:3]).merge(_miner().fit(docs[3:]))
    path = tmp_path / "m.json"
    merged.save(path)
    assert BoilerplateModel.load(path) == merged
    assert pickle.loads(pickle.dumps(merged)) == merged
    assert merged.find(f"नई बात।\n{FURNITURE[0]}", "p1") != []


def test_merge_needs_counts_and_the_same_options() -> None:
    docs = [{"text": s, "publisher": "p1"} for s in STORIES]
    with pytest.raises(ConfigError, match="counts"):
        _miner().fit(docs).compact().merge(_miner().fit(docs))
    with pytest.raises(ConfigError, match="counts"):
        _miner().fit(docs).merge(_miner().fit(docs).compact())
    with pytest.raises(ConfigError, match="options"):
        _miner().fit(docs).merge(BoilerplateMiner().fit(docs))


# what the one-call path takes: the Devanagari block, the joiners, ASCII letters and digits
PLAIN = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0900, max_codepoint=0x097F),
        st.sampled_from(["\u200c", "\u200d", "a", "Z", "7", "0"]),
    ),
    min_size=1,
    max_size=12,
)


@given(st.lists(st.one_of(PLAIN, devanagari_text), max_size=30))
def test_tokens_keyed_together_as_one_by_one(tokens) -> None:
    assert token_infos(tokens) == [(token_key(t), token_key(t, mask=False)) for t in tokens]
