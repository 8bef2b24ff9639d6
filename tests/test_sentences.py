"""Sentence splitter: hand-written cases for every rule, properties, adversarial inputs, options, the step."""

from __future__ import annotations

import json
import pickle
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import devanagari_text, hindi_paragraphs, hostile_text

import newsclean as nc
from newsclean.sentences import SentenceConfig, SplitSentences, sentence_spans, split_sentences
from newsclean.sentences.scan import LINE_BREAKS, WHITESPACE

# Every expected output below was written by hand from the rule it illustrates.
CASES = [
    # terminators
    ("danda", "राम घर गया। सीता आई।", ["राम घर गया।", "सीता आई।"]),
    ("double danda", "जय हो॥ अब आगे।", ["जय हो॥", "अब आगे।"]),
    ("two dandas", "बात खत्म।। नई बात।", ["बात खत्म।।", "नई बात।"]),
    ("question", "क्या आप आएंगे? हाँ, जरूर।", ["क्या आप आएंगे?", "हाँ, जरूर।"]),
    ("exclamation", "वाह! क्या मैच था।", ["वाह!", "क्या मैच था।"]),
    ("question exclamation", "सच में?! मुझे नहीं पता था।", ["सच में?!", "मुझे नहीं पता था।"]),
    ("full stop", "बारिश हुई. सड़कें भर गईं.", ["बारिश हुई.", "सड़कें भर गईं."]),
    ("pipe as danda", "पहली खबर| दूसरी खबर |", ["पहली खबर|", "दूसरी खबर |"]),
    ("double pipe", "भजन गाया|| फिर आरती हुई।", ["भजन गाया||", "फिर आरती हुई।"]),
    ("pipe after number", "कीमत 500| अगली खबर।", ["कीमत 500|", "अगली खबर।"]),
    ("pipe in latin text is no danda", "Home | News पर देखें।", ["Home | News पर देखें।"]),
    ("ellipsis inside a sentence", "वह बोला… मैं नहीं आऊँगा।", ["वह बोला… मैं नहीं आऊँगा।"]),
    ("three dots inside a sentence", "इंतजार है... देखते हैं क्या होता है।", ["इंतजार है... देखते हैं क्या होता है।"]),
    ("ellipsis before a closing quote", "“अब क्या कहूँ…” वह चुप हो गई।", ["“अब क्या कहूँ…”", "वह चुप हो गई।"]),
    ("ellipsis at the end of a line", "और फिर…\nअगली सुबह सब बदल गया।", ["और फिर…", "अगली सुबह सब बदल गया।"]),
    ("danda then full stop is one run", "यह सच है।. अब आगे।", ["यह सच है।.", "अब आगे।"]),
    # glued terminators
    ("glued danda", "करती है।छत्तीसगढ़ बनेगा।", ["करती है।", "छत्तीसगढ़ बनेगा।"]),
    ("glued danda before latin", "समझौता किया।NTT ने कहा।", ["समझौता किया।", "NTT ने कहा।"]),
    ("glued question", "क्या हुआ?पता नहीं।", ["क्या हुआ?", "पता नहीं।"]),
    ("glued full stop between words", "बैठक हुई.उन्होंने कहा।", ["बैठक हुई.", "उन्होंने कहा।"]),
    ("glued pipe", "पहली खबर|दूसरी खबर", ["पहली खबर|", "दूसरी खबर"]),
    # closing quotes and brackets
    ("closing curly quote", "उसने कहा, “काम पूरा हुआ।” फिर वह गया।", ["उसने कहा, “काम पूरा हुआ।”", "फिर वह गया।"]),
    ("closing quote glued to next", "बात हुई।”छत्तीसगढ़ में बैठक।", ["बात हुई।”", "छत्तीसगढ़ में बैठक।"]),
    ("closing bracket", "यह उदाहरण है (पाठ देखें।) फिर आगे।", ["यह उदाहरण है (पाठ देखें।)", "फिर आगे।"]),
    ("straight quotes", 'राम बोला "मैं आऊँगा।" फिर गया।', ['राम बोला "मैं आऊँगा।"', "फिर गया।"]),
    ("straight quote opens the next", 'यह कहा।"नई बात" आई।', ["यह कहा।", '"नई बात" आई।']),
    ("quote and bracket", "(उसने कहा, ‘ठीक है।’) अगला वाक्य।", ["(उसने कहा, ‘ठीक है।’)", "अगला वाक्य।"]),
    # numbers
    ("decimal", "दर 2.5 फीसदी रही। अब आगे।", ["दर 2.5 फीसदी रही।", "अब आगे।"]),
    ("devanagari decimal", "तापमान १.१९ डिग्री बढ़ा।", ["तापमान १.१९ डिग्री बढ़ा।"]),
    ("time", "बैठक 10.30 बजे शुरू हुई।", ["बैठक 10.30 बजे शुरू हुई।"]),
    ("date", "12.05.2024 को चुनाव हुआ।", ["12.05.2024 को चुनाव हुआ।"]),
    ("danda after a number", "कीमत 500। अगली खबर।", ["कीमत 500।", "अगली खबर।"]),
    ("full stop after a number", "कुल वोट 500. अगली खबर.", ["कुल वोट 500.", "अगली खबर."]),
    ("full stop at the start of the text", "हुआ. अब आगे.", ["हुआ.", "अब आगे."]),
    ("full stop before a tab", "काम हुआ.\tअब आगे.", ["काम हुआ.", "अब आगे."]),
    ("full stop before two spaces", "काम हुआ.  अब आगे.", ["काम हुआ.", "अब आगे."]),
    ("full stop before lower-case latin", "यह हुआ. and then", ["यह हुआ. and then"]),
    ("full stop after a very long word", "यह " + "क" * 30 + ". अब आगे.", ["यह " + "क" * 30 + ".", "अब आगे."]),
    ("date at the end of a sentence", "चुनाव 12.05.2024. नतीजे बाद में.", ["चुनाव 12.05.2024.", "नतीजे बाद में."]),
    ("list markers", "1. पहला बिंदु\n2. दूसरा बिंदु", ["1. पहला बिंदु", "2. दूसरा बिंदु"]),
    ("list marker after a danda", "तीन बातें हैं। 2. पानी और बिजली।", ["तीन बातें हैं।", "2. पानी और बिजली।"]),
    ("devanagari list marker", "१. पहला काम करें।", ["१. पहला काम करें।"]),
    ("roman list marker", "iv. चौथा नियम लागू है।", ["iv. चौथा नियम लागू है।"]),
    ("list marker after a full stop", "काम हुआ. 2. पानी आया.", ["काम हुआ.", "2. पानी आया."]),
    ("four-digit number ends a sentence", "कीमत 5000. अगली खबर.", ["कीमत 5000.", "अगली खबर."]),
    ("long number ends a sentence", "कुल 12345678. अब आगे.", ["कुल 12345678.", "अब आगे."]),
    # URLs and e-mails
    ("url", "देखें https://example.com/a?b=1&c=2 पर पूरी खबर।", ["देखें https://example.com/a?b=1&c=2 पर पूरी खबर।"]),
    ("url at the end", "पूरी खबर www.example.in पर पढ़ें। धन्यवाद।", ["पूरी खबर www.example.in पर पढ़ें।", "धन्यवाद।"]),
    ("domain before a full stop", "वेबसाइट www.bbc.com. अगली बात।", ["वेबसाइट www.bbc.com.", "अगली बात।"]),
    ("email", "मेल करें news.desk@example.co.in पर। धन्यवाद।", ["मेल करें news.desk@example.co.in पर।", "धन्यवाद।"]),
    # initials
    ("glued initials", "ए.के. शर्मा ने कहा।", ["ए.के. शर्मा ने कहा।"]),
    ("spaced initials", "ए. पी. जे. अब्दुल कलाम आए।", ["ए. पी. जे. अब्दुल कलाम आए।"]),
    ("single initial", "जस्टिस के. रमन ने फैसला दिया।", ["जस्टिस के. रमन ने फैसला दिया।"]),
    ("latin initials", "J. K. Rowling की किताब आई।", ["J. K. Rowling की किताब आई।"]),
    ("ambiguous initial with a neighbour", "आई. के. गुजराल आए.", ["आई. के. गुजराल आए."]),
    ("ambiguous word alone", "सीता घर आई. फिर खाना बना.", ["सीता घर आई.", "फिर खाना बना."]),
    ("honorific ji ends a sentence", "धन्यवाद मोदी जी. अब आगे.", ["धन्यवाद मोदी जी.", "अब आगे."]),
    (
        "ambiguous initial after a line ending in an initial",
        "उन्होंने कहा ए.\nआई. रमन आए.",
        ["उन्होंने कहा ए.", "आई.", "रमन आए."],
    ),
    # abbreviations
    ("doctor", "डॉ. शर्मा ने कहा।", ["डॉ. शर्मा ने कहा।"]),
    ("shri", "श्री. राम ने कहा।", ["श्री. राम ने कहा।"]),
    ("professor", "प्रो. वर्मा पढ़ाते हैं।", ["प्रो. वर्मा पढ़ाते हैं।"]),
    ("era", "सन 1857 ई. में विद्रोह हुआ।", ["सन 1857 ई. में विद्रोह हुआ।"]),
    ("rupees", "कीमत रु. 500 है।", ["कीमत रु. 500 है।"]),
    ("kilometre chain", "दूरी 5 कि.मी. है।", ["दूरी 5 कि.मी. है।"]),
    ("all-india chain", "अ.भा. कांग्रेस कमेटी की बैठक हुई।", ["अ.भा. कांग्रेस कमेटी की बैठक हुई।"]),
    ("number", "वार्ड नं. 5 में काम हुआ।", ["वार्ड नं. 5 में काम हुआ।"]),
    ("district", "जि. रायपुर में बारिश हुई।", ["जि. रायपुर में बारिश हुई।"]),
    ("state chains", "उ.प्र. और म.प्र. में चुनाव हुए।", ["उ.प्र. और म.प्र. में चुनाव हुए।"]),
    ("chain before a full stop and a space", "सं.रा. महासभा की बैठक हुई.", ["सं.रा. महासभा की बैठक हुई."]),
    ("glued abbreviation", "डॉ.सिंह आए।", ["डॉ.सिंह आए।"]),
    ("english doctor", "Dr. Sharma ने कहा।", ["Dr. Sharma ने कहा।"]),
    ("english mister and rupees", "Mr. Gupta ने Rs. 500 दिए।", ["Mr. Gupta ने Rs. 500 दिए।"]),
    ("english number", "No. 10 पर रहे।", ["No. 10 पर रहे।"]),
    ("upper-case abbreviation", "DR. Rao आए।", ["DR. Rao आए।"]),
    ("english lower case goes on", "यह e.g. the उदाहरण है।", ["यह e.g. the उदाहरण है।"]),
    ("comma after a question", "“क्यों?”, उसने पूछा।", ["“क्यों?”, उसने पूछा।"]),
    # quoted speech
    (
        "multi-sentence quotation",
        "उसने कहा, “मैं आऊँगा। तुम रुको।” फिर गया।",
        ["उसने कहा, “मैं आऊँगा।", "तुम रुको।”", "फिर गया।"],
    ),
    ("reporting clause after a quoted question", "“आप कब आएंगे?” उन्होंने पूछा।", ["“आप कब आएंगे?”", "उन्होंने पूछा।"]),
    # unbalanced quotes
    ("unclosed quote", "उसने कहा 'मैं आऊँगा। फिर गया। अब आगे।", ["उसने कहा 'मैं आऊँगा।", "फिर गया।", "अब आगे।"]),
    ("unclosed bracket", "यह (उदाहरण है। दूसरा। तीसरा।", ["यह (उदाहरण है।", "दूसरा।", "तीसरा।"]),
    # line breaks
    ("crosshead", "मुख्य खबर\nबाजार में तेजी रही। निवेशक खुश हैं।", ["मुख्य खबर", "बाजार में तेजी रही।", "निवेशक खुश हैं।"]),
    ("line break after an abbreviation", "सलाहकार डॉ.\nअगली पंक्ति", ["सलाहकार डॉ.", "अगली पंक्ति"]),
    ("windows line breaks", "पहली\r\nदूसरी\r\n", ["पहली", "दूसरी"]),
    ("trailing spaces before a line break", "शीर्षक  \t\n  खबर", ["शीर्षक", "खबर"]),
    # whitespace only, empty
    ("empty", "", []),
    ("blank", " \n\t ", []),
    ("no terminator", "बस एक टुकड़ा", ["बस एक टुकड़ा"]),
    ("space before danda", "राम आया । सीता आई ।", ["राम आया ।", "सीता आई ।"]),
    ("danda alone at the start", "। खबर आई।", ["।", "खबर आई।"]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_hand_written_cases(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected
    assert [s.of(text) for s in sentence_spans(text)] == expected


# -- options --------------------------------------------------------------------------------------


def test_hard_wrapped_text_option_joins_lines_but_keeps_paragraphs() -> None:
    text = "यह एक लंबा वाक्य\nदो पंक्तियों में है। दूसरा वाक्य।\n\nनया अनुच्छेद\nबिना विराम"
    assert split_sentences(text, newline_is_boundary=False) == [
        "यह एक लंबा वाक्य\nदो पंक्तियों में है।",
        "दूसरा वाक्य।",
        "नया अनुच्छेद\nबिना विराम",
    ]
    cfg = SentenceConfig(newline_is_boundary=False, blank_line_is_boundary=False)
    assert split_sentences("पहला\n\nदूसरा", config=cfg) == ["पहला\n\nदूसरा"]
    assert split_sentences("पहला\r\n\r\nदूसरा\r\nतीसरा", newline_is_boundary=False) == [
        "पहला",
        "दूसरा\r\nतीसरा",
    ]


def test_pipe_option() -> None:
    assert split_sentences("खबर| अगली", config=SentenceConfig(pipe_is_danda=False)) == ["खबर| अगली"]


def test_extra_abbreviations_all_three_ways() -> None:
    text = "मोह. रफी आए। फिर गए।"
    assert split_sentences(text) == ["मोह.", "रफी आए।", "फिर गए।"]
    expected = ["मोह. रफी आए।", "फिर गए।"]
    assert split_sentences(text, config=SentenceConfig(extra_abbreviations=frozenset({"मोह."}))) == expected
    assert split_sentences(text, config=SentenceConfig().with_abbreviations("मोह")) == expected
    assert split_sentences(text, extra_abbreviations=["मोह."]) == expected
    assert [s.of(text) for s in sentence_spans(text, extra_abbreviations=["मोह."])] == expected


def test_default_abbreviations_can_be_switched_off() -> None:
    cfg = SentenceConfig(default_abbreviations=False)
    assert split_sentences("डॉ. शर्मा आए।", config=cfg) == ["डॉ.", "शर्मा आए।"]


def test_config_is_frozen_hashable_and_normalises_abbreviations() -> None:
    a = SentenceConfig(extra_abbreviations=["Capt.", "मोह"])  # type: ignore[arg-type]
    b = SentenceConfig(extra_abbreviations=frozenset({"capt", "मोह."}))
    assert a == b
    assert hash(a) == hash(b)
    assert a.extra_abbreviations == frozenset({"capt", "मोह"})
    with pytest.raises(AttributeError):
        a.newline_is_boundary = False  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(a)) == a


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"newline_is_boundary": 1}, "newline_is_boundary"),
        ({"blank_line_is_boundary": None}, "blank_line_is_boundary"),
        ({"pipe_is_danda": "no"}, "pipe_is_danda"),
        ({"default_abbreviations": 0}, "default_abbreviations"),
        ({"extra_abbreviations": "डॉ."}, "extra_abbreviations"),
        ({"extra_abbreviations": {3}}, "extra_abbreviations"),
        ({"extra_abbreviations": {"."}}, "extra_abbreviations"),
        ({"extra_abbreviations": {"दो शब्द"}}, "extra_abbreviations"),
    ],
)
def test_bad_config_raises_config_error_naming_the_field(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(nc.ConfigError, match=field):
        SentenceConfig(**kwargs)  # type: ignore[arg-type]


def test_wrong_types_raise_input_type_error() -> None:
    with pytest.raises(
        nc.InputTypeError, match=r"split_sentences\(\) argument 'text' must be str, not bytes"
    ):
        split_sentences("खबर".encode())  # type: ignore[arg-type]
    with pytest.raises(nc.InputTypeError, match=r"sentence_spans\(\) argument 'text'"):
        sentence_spans(None)  # type: ignore[arg-type]
    with pytest.raises(nc.InputTypeError, match="config"):
        split_sentences("क।", config={"newline_is_boundary": False})  # type: ignore[arg-type]
    with pytest.raises(nc.InputTypeError, match="config"):
        SplitSentences(config="x")  # type: ignore[arg-type]
    with pytest.raises(nc.InputTypeError, match="doc"):
        SplitSentences()("क।")  # type: ignore[arg-type]


def test_describe_is_stable() -> None:
    cfg = SentenceConfig().with_abbreviations("ख.", "क.")
    assert cfg.describe().endswith("extra_abbreviations=['क', 'ख'])")


# -- the pipeline step ----------------------------------------------------------------------------


def test_step_sets_spans_records_history_and_keeps_text() -> None:
    doc = nc.Document("राम आया। सीता आई।", id="d1")
    out = SplitSentences()(doc)
    assert out.text == doc.text
    assert out.original == doc.original
    assert out.sentences == (nc.Span(0, 8), nc.Span(9, 17))
    assert out.history[-1].step == "split_sentences"
    assert out.history[-1].edits == ()
    assert "newline_is_boundary=True" in out.history[-1].config
    assert doc.sentences is None  # the input document is unchanged
    assert SplitSentences.name == "split_sentences"
    assert isinstance(SplitSentences(), nc.Step)


def test_step_uses_its_config_and_pickles() -> None:
    step = SplitSentences(SentenceConfig(newline_is_boundary=False))
    again = pickle.loads(pickle.dumps(step))
    assert again == step
    out = again(nc.Document("पहली\nपंक्ति।"))
    assert out.sentence_texts() == ["पहली\nपंक्ति।"]


def test_public_names_are_the_same_objects() -> None:
    assert nc.split_sentences is split_sentences
    assert nc.sentence_spans is sentence_spans
    assert nc.SentenceConfig is SentenceConfig
    assert nc.SplitSentences is SplitSentences


# -- properties -----------------------------------------------------------------------------------


def check_partition(text: str, spans: list[nc.Span]) -> None:
    pos = 0
    for s in spans:
        assert pos <= s.start < s.end <= len(text)
        assert all(c.isspace() for c in text[pos : s.start]), "gap holds non-whitespace"
        piece = text[s.start : s.end]
        assert not piece[0].isspace(), "span starts with whitespace"
        assert not piece[-1].isspace(), "span ends with whitespace"
        pos = s.end
    assert all(c.isspace() for c in text[pos:])


ANY_CONFIG = st.builds(
    SentenceConfig,
    newline_is_boundary=st.booleans(),
    blank_line_is_boundary=st.booleans(),
    pipe_is_danda=st.booleans(),
    default_abbreviations=st.booleans(),
)


@given(text=st.one_of(hostile_text, devanagari_text, hindi_paragraphs()), config=ANY_CONFIG)
def test_spans_partition_the_text(text: str, config: SentenceConfig) -> None:
    spans = sentence_spans(text, config=config)
    check_partition(text, spans)
    assert split_sentences(text, config=config) == [s.of(text) for s in spans]


@given(text=st.one_of(devanagari_text, hindi_paragraphs()))
def test_splitting_a_sentence_again_gives_itself(text: str) -> None:
    for sentence in split_sentences(text):
        assert split_sentences(sentence) == [sentence]


@given(st.lists(st.sampled_from(["राम आया।", "सीता आई?", "खबर!", "बात हुई।”", "कीमत 2.5 लाख।"]), max_size=8))
def test_clean_sentences_joined_by_spaces_come_back(sentences: list[str]) -> None:
    assert split_sentences(" ".join(sentences)) == sentences


DOTTY = st.lists(
    st.sampled_from(
        [
            *" .  .\n\t।?!|…\"'”(“",
            "डॉ",
            "ए",
            "के",
            "आई",
            "जी",
            "है",
            "हुआ",
            "Dr",
            "a",
            "iv",
            "1",
            "2",
            "www",
            "@",
            "/",
            "A",
            "5000",
            "१२३४",
            "ए.के",
            "कि",
            "हुआ. ",
            "गया.\n",
        ]
    ),
    max_size=40,
).map("".join)


@given(text=st.one_of(DOTTY, hostile_text, hindi_paragraphs()), newline=st.booleans())
def test_shortcuts_agree_with_the_full_guard(text: str, newline: bool) -> None:
    from newsclean.sentences.api import _rules
    from newsclean.sentences.scan import split

    rules = _rules(SentenceConfig(newline_is_boundary=newline))
    assert split(text, rules) == split(text, rules, shortcuts=False)


def test_spans_are_ordinary_span_objects() -> None:
    spans = sentence_spans("राम आया। सीता आई।")
    assert spans == [nc.Span(0, 8), nc.Span(9, 17)]
    assert all(type(s) is nc.Span for s in spans)
    assert hash(spans[0]) == hash(nc.Span(0, 8))
    assert pickle.loads(pickle.dumps(spans)) == spans
    with pytest.raises(AttributeError):
        spans[0].start = 3  # type: ignore[misc]


def test_shortcut_regression_mixed_script_chain() -> None:
    # the shortcut once skipped lower-casing a mixed-script word: "है.DrDr" is no abbreviation chain
    assert split_sentences("है.DrDr. हुआ") == ["है.DrDr.", "हुआ"]


def test_whitespace_table_matches_str_isspace() -> None:
    assert {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()} == set(WHITESPACE)
    assert set(LINE_BREAKS) == {c for c in WHITESPACE if ("a" + c + "b").splitlines() == ["a", "b"]}


# -- big and adversarial inputs (results asserted, never time) ------------------------------------


def test_a_million_dandas() -> None:
    text = "।" * 10**6
    assert split_sentences(text) == [text]
    assert split_sentences(" ।" * 10**5) == ["।"] * 10**5


def test_a_hundred_thousand_digits() -> None:
    digits = "1" * 10**5
    assert split_sentences(digits) == [digits]
    text = f"कीमत {digits}. अगली {'1.' * 10**5}"
    assert split_sentences(text) == [f"कीमत {digits}.", f"अगली {'1.' * 10**5}"]


@pytest.mark.parametrize("ch", [".", "?", "|", "…", "'", "\n", " ", "”", "-", "a"])
def test_long_runs_of_one_character(ch: str) -> None:
    text = "क" + ch * 200_000 + "ख।"
    spans = sentence_spans(text)
    check_partition(text, spans)
    assert spans[0].start == 0
    assert spans[-1].end == len(text)


def test_many_ambiguous_initials_in_one_sentence() -> None:
    # every "आई." is checked against its neighbours: the look-back must stay local (this once scanned back
    # to the start of the text for each one)
    text = "आई. के. " * 50_000 + "गुजराल आए."
    assert split_sentences(text) == [text]


def test_unclosed_quote_does_not_swallow_a_long_text() -> None:
    body = "राम ने कहा 'मैं आऊँगा। " + "यह एक वाक्य है। " * 50_000
    assert len(split_sentences(body)) == 50_001


@pytest.mark.slow
def test_ten_megabytes() -> None:
    sentence = "डॉ. ए.के. शर्मा ने 10.30 बजे कहा, “कीमत 2.5 लाख है।” "
    text = sentence * (10 * 2**20 // len(sentence) + 1)
    out = split_sentences(text)
    assert len(out) == text.count("।")
    assert out[0] == sentence.strip()
    assert len(sentence_spans(text)) == len(out)


# -- optional check against the development data (skips when absent; no text copied) -------------


def test_dev_gold_reaches_the_punctuation_ceiling(shared_data) -> None:
    path = shared_data / "segment" / "hdtb-dev.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [r for r in records if "_meta" not in r]
    tp = fp = fn = 0
    for r in records:
        gold = _boundaries(r["sentences"])
        pred = _boundaries(split_sentences(r["text"]))
        tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert fp == 0
    assert f1 >= 0.994


def _boundaries(sentences: list[str]) -> set[int]:
    """Non-whitespace offsets where sentences start (the scoring space of the development scorer)."""
    out, n = set(), 0
    for s in sentences:
        k = sum(1 for c in s if not c.isspace())
        if k:
            out.add(n)
            n += k
    out.discard(0)
    return out
