"""Shared hypothesis strategies: Devanagari, news-shaped and hostile text."""

from __future__ import annotations

from hypothesis import strategies as st

# Devanagari block plus the characters news text mixes in around it.
DEVANAGARI = st.characters(min_codepoint=0x0900, max_codepoint=0x097F)
NEWS_EXTRA = st.sampled_from(
    [*list(" \n।॥|?!.,:;\"'“”‘’()-—…"), "\u200c", "\u200d", "\u200b", "\xa0", "\xad", "\ufeff", "़"]
)
LATIN = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
PRECOMPOSED_NUKTA = st.sampled_from([chr(c) for c in range(0x0958, 0x0960)] + ["\u0929", "\u0931", "\u0934"])

devanagari_text = st.text(
    alphabet=st.one_of(DEVANAGARI, NEWS_EXTRA, PRECOMPOSED_NUKTA, LATIN.filter(str.isdigit)),
    max_size=200,
)

WORDS = [
    "भारत",
    "सरकार",
    "ने",
    "कहा",
    "कि",
    "मुख्यमंत्री",
    "दिल्ली",
    "में",
    "है",
    "की",
    "को",
    "से",
    "निवेश",
    "चर्चा",
    "हुई",
    "पुलिस",
    "मामले",
    "जांच",
    "रही",
    "कंपनी",
    "राज्य",
    "लोगों",
    "बताया",
    "उन्होंने",
    "क़ानून",
    "ज़िला",
    "प्रधानमंत्री",
    "चुनाव",
    "IT",
    "CEO",
    "2024",
    "१०",
]


@st.composite
def hindi_sentence(draw: st.DrawFn) -> str:
    """A plausible Hindi sentence ending in a danda."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=14))
    end = draw(st.sampled_from(["।", "।", "।", "?", "!", "."]))
    return " ".join(words) + end


@st.composite
def hindi_paragraphs(draw: st.DrawFn) -> str:
    """Paragraphs of sentences, one paragraph a line; no paragraph twice (a page showing the same line twice in
    a row shows an image's alt text and caption, which the boilerplate stripper removes)."""
    paras = draw(
        st.lists(
            st.lists(hindi_sentence(), min_size=1, max_size=5).map(" ".join),
            min_size=1,
            max_size=5,
            unique=True,
        )
    )
    return "\n".join(paras)


SURROGATES = st.characters(categories=["Cs"])  # st.text() never produces these by itself
CONTROLS = st.characters(categories=["Cc"])
MARKS = st.characters(categories=["Mn", "Mc", "Me"])
OTHER_SCRIPTS = st.sampled_from(list("اردوہےمیں😀👍🏽👨‍👩‍👧Ωαβ漢字\u200f\u200e\u202e"))

hostile_text = st.text(
    alphabet=st.one_of(
        st.characters(), SURROGATES, CONTROLS, MARKS, OTHER_SCRIPTS, DEVANAGARI, NEWS_EXTRA, PRECOMPOSED_NUKTA
    ),
    max_size=300,
)
"""Anything at all: lone surrogates, controls, combining runs, RTL, emoji, Devanagari."""
