"""Hand-written cases for every normalisation rule, both directions (what changes, what must not), both profiles.

Invisible and combining characters are written as escapes so the expectations can be read.
"""

from __future__ import annotations

import pickle

import pytest

import newsclean as nc
from newsclean.edits import apply_edits, check_edits
from newsclean.normalize import RULES, NormalizeConfig, detect_legacy_font, rule_ids

NBSP, ZWSP, ZWJ, ZWNJ, SHY, NUKTA, VIRAMA = (
    "\u00a0",
    "\u200b",
    "\u200d",
    "\u200c",
    "\u00ad",
    "\u093c",
    "\u094d",
)

# (rule id, input, expected safe, expected search)
CASES = [
    # surrogates
    ("normalize.surrogates", "भारत\ud800", "भारत\ufffd", "भारत\ufffd"),
    ("normalize.surrogates", "a\udc00b\ud800", "a\ufffdb\ufffd", "a\ufffdb\ufffd"),
    ("normalize.surrogates", "\ud83d\ude00", "\U0001f600", "\U0001f600"),
    ("!normalize.surrogates", "भारत\ufffd में", "भारत\ufffd में", "भारत\ufffd में"),
    # HTML entities
    ("normalize.html_entities", "R&amp;D पर खर्च", "R&D पर खर्च", "R&D पर खर्च"),
    ("normalize.html_entities", "&#2361;&#x93e;", "हा", "हा"),
    ("normalize.html_entities", "नई&nbsp;दिल्ली", "नई दिल्ली", "नई दिल्ली"),
    ("normalize.html_entities", "&amp;lt;b&amp;gt;", "<b>", "<b>"),
    ("!normalize.html_entities", "राम & श्याम", "राम & श्याम", "राम & श्याम"),
    (
        "!normalize.html_entities",
        "AT&T &amp &foo; &notit;",
        "AT&T &amp &foo; &notit;",
        "AT&T &amp &foo; &notit;",
    ),
    ("normalize.html_entities", "&#xD800;&#0;", "\ufffd\ufffd", "\ufffd\ufffd"),
    # mojibake
    ("normalize.mojibake", "à¤¹à¤¿à¤‚à¤¦à¥€ à¤¸à¤®à¤¾à¤š", "हिंदी समाच", "हिंदी समाच"),
    ("normalize.mojibake", "खबर: à¤­à¤¾à¤°à¤¤", "खबर: भारत", "खबर: भारत"),
    ("normalize.mojibake", "à¤ à¥€à¤•", "ठीक", "ठीक"),  # 0xA0 byte turned into a space upstream
    ("normalize.mojibake", "à¤¹à¤\ufffd", "ह\ufffd", "ह\ufffd"),
    # "दुनिया" decoded with errors="ignore": the byte 0x81 of the u-sign is gone
    ("normalize.mojibake", "à¤¦à¥à¤¨à¤¿à¤¯à¤¾", "द\ufffdनिया", "द\ufffdनिया"),
    ("!normalize.mojibake", "à la carte, Ã©tÃ©", "à la carte, Ã©tÃ©", "à la carte, Ã©tÃ©"),
    # controls
    ("normalize.controls", "भारत\x07 में", "भारत में", "भारत में"),
    ("normalize.controls", "\x1b[1;31mलाल\x1b[0m रंग", "लाल रंग", "लाल रंग"),
    ("normalize.controls", "\x1b]0;title\x07खबर", "खबर", "खबर"),
    ("normalize.controls", "क\x00ख\x7f\x9dग\x81", "कखग", "कखग"),  # U+009D, U+0081: no windows-1252 meaning
    # line breaks
    ("normalize.line_breaks", "पहला।\r\nदूसरा।\rतीसरा।", "पहला।\nदूसरा।\nतीसरा।", "पहला।\nदूसरा।\nतीसरा।"),
    ("normalize.line_breaks", "क\u2028ख\u2029ग\x85घ", "क\nख\nग\nघ", "क\nख\nग\nघ"),
    ("!normalize.line_breaks", "पहला।\n\nदूसरा।", "पहला।\n\nदूसरा।", "पहला।\n\nदूसरा।"),
    # invisible characters
    ("normalize.invisible", f"भार{ZWSP}त", "भारत", "भारत"),
    ("normalize.invisible", f"प्रधान{SHY}मंत्री", "प्रधानमंत्री", "प्रधानमंत्री"),
    ("normalize.invisible", "\ufeffनई\u2060दिल्ली", "नईदिल्ली", "नईदिल्ली"),
    # bidi marks
    ("normalize.bidi_marks", "नई\u200e दिल्ली\u200f", "नई दिल्ली", "नई दिल्ली"),
    ("!normalize.bidi_marks", "उर्दू اردو\u200f हिंदी", "उर्दू اردو\u200f हिंदी", "उर्दू اردو\u200f हिंदी"),
    # joiners
    ("normalize.joiners", f"विद्{ZWJ}यालय", f"विद्{ZWJ}यालय", "विद्यालय"),
    ("normalize.joiners", f"क्{ZWNJ}{ZWNJ}ष", f"क्{ZWNJ}ष", "क्ष"),
    ("normalize.joiners", f"क{ZWJ}ख {ZWNJ}ग", "कख ग", "कख ग"),
    ("normalize.joiners", f"भारत{ZWNJ}India", "भारतIndia", "भारतIndia"),
    ("!normalize.joiners", f"👨{ZWJ}👩{ZWJ}👧", f"👨{ZWJ}👩{ZWJ}👧", f"👨{ZWJ}👩{ZWJ}👧"),
    ("!normalize.joiners", f"ক্{ZWJ}ষ", f"ক্{ZWJ}ষ", f"ক্{ZWJ}ষ"),  # Bengali: not ours
    ("normalize.joiners_search", f"पत्{ZWNJ}नी", f"पत्{ZWNJ}नी", "पत्नी"),
    # spaces
    ("normalize.spaces", f"नई{NBSP}दिल्ली", "नई दिल्ली", "नई दिल्ली"),
    ("normalize.spaces", "क\u2009ख\u202fग\u3000घ\tङ", "क ख ग घ\tङ", "क ख ग घ ङ"),
    # runs of spaces: one space stays, next to line breaks too
    ("normalize.space_runs", "पहला।  \n   दूसरा।", "पहला। \n दूसरा।", "पहला। \n दूसरा।"),
    ("!normalize.space_runs", "पहला।\n दूसरा। ", "पहला।\n दूसरा। ", "पहला।\n दूसरा। "),
    ("normalize.space_runs", "नई  दिल्ली   में", "नई दिल्ली में", "नई दिल्ली में"),
    ("normalize.space_runs", f"नई {NBSP}\t दिल्ली", "नई \t दिल्ली", "नई दिल्ली"),
    # mark order
    ("normalize.mark_order", f"ज\u093f{NUKTA}ला", f"ज{NUKTA}\u093fला", "जिला"),
    ("normalize.mark_order", "क\u0902\u093e", "क\u093e\u0902", "क\u093e\u0902"),
    ("normalize.mark_order", "ह\u0901\u093e", "ह\u093e\u0901", "ह\u093e\u0902"),
    ("normalize.mark_order", f"पढ\u093f{NUKTA}ए", f"पढ{NUKTA}\u093fए", f"पढ{NUKTA}\u093fए"),
    # न has no nukta letter in Hindi: the nukta after the sign stays where it was typed
    ("!normalize.mark_order", f"न\u093f{NUKTA}", f"न\u093f{NUKTA}", f"न\u093f{NUKTA}"),
    ("!normalize.mark_order", "हैं में ज़्यादा", "हैं में ज़्यादा", "हैं में ज्यादा"),
    # vowel letters ("do not use" spellings)
    ("normalize.vowel_letters", "\u0905\u093eज", "आज", "आज"),
    ("normalize.vowel_letters", "\u0905\u0949फिस", "ऑफिस", "आफिस"),
    ("normalize.vowel_letters", "\u0906\u0945", "ऑ", "आ"),
    ("normalize.vowel_letters", "\u0905\u094bर \u0906\u0947", "ओर ओ", "ओर ओ"),
    ("normalize.vowel_letters", "\u0905\u094c \u0906\u0948", "औ औ", "औ औ"),
    ("normalize.vowel_letters", "\u090f\u0947 \u0909\u0941", "ऐ ऊ", "ऐ ऊ"),
    ("normalize.vowel_letters", "\u0930\u094d\u0907", "ई", "ई"),
    ("normalize.vowel_letters", "\u0905\u0946 \u090f\u0945", "\u0904 \u090d", "\u0904 \u090d"),
    ("!normalize.vowel_letters", "आज कार अब", "आज कार अब", "आज कार अब"),
    # NFC and the nukta traps
    ("normalize.nfc", "\u095bिंदगी", f"ज{NUKTA}िंदगी", "जिंदगी"),
    ("normalize.nfc", "\u0958ानून", f"क{NUKTA}ानून", "कानून"),
    ("normalize.nfc", "\u095cी \u095dा", f"ड{NUKTA}ी ढ{NUKTA}ा", f"ड{NUKTA}ी ढ{NUKTA}ा"),
    ("normalize.nfc", f"न{NUKTA} र{NUKTA} ळ{NUKTA}", "\u0929 \u0931 \u0934", "\u0929 \u0931 \u0934"),
    ("normalize.nfc", f"ज{VIRAMA}{NUKTA}यादा", f"ज{NUKTA}{VIRAMA}यादा", f"ज{VIRAMA}यादा"),
    ("!normalize.nfc", "café", "café", "café"),
    # doubled marks
    ("normalize.dup_marks", "में\u0902", "में", "में"),
    ("normalize.dup_marks", f"क{VIRAMA}{VIRAMA}ष", "क्ष", "क्ष"),
    ("normalize.dup_marks", f"ज{NUKTA}{NUKTA}", f"ज{NUKTA}", "ज"),
    ("normalize.dup_marks", f"\u0929{NUKTA}", "\u0929", "\u0929"),
    ("!normalize.dup_marks", "a\u0902\u0902", "a\u0902\u0902", "a\u0902\u0902"),
    ("normalize.dup_marks", "क\u0941\u0941छ", "कुछ", "कुछ"),
    # danda
    ("normalize.double_danda", "जय श्री राम||", "जय श्री राम॥", "जय श्री राम॥"),
    ("normalize.double_danda", "समाप्त।।", "समाप्त॥", "समाप्त॥"),
    # the pipe after a closing quote becomes a danda after double_danda ran: one more pass joins the pair
    ("normalize.double_danda", "कहा”|।", "कहा”॥", 'कहा"॥'),
    ("!normalize.double_danda", "a||b  x || y", "a||b x || y", "a||b x || y"),
    ("normalize.pipe_to_danda", "वह घर गया|", "वह घर गया।", "वह घर गया।"),
    ("normalize.pipe_to_danda", "गया| अगला|दूसरा", "गया। अगला।दूसरा", "गया। अगला।दूसरा"),
    ("normalize.pipe_to_danda", "कीमत ५००|", "कीमत ५००।", "कीमत 500।"),
    ("normalize.pipe_to_danda", "कहा, “निवेश बढ़ेगा”| अगला", "कहा, “निवेश बढ़ेगा”। अगला", 'कहा, "निवेश बढ़ेगा"। अगला'),
    ("!normalize.pipe_to_danda", "say “yes”| next", "say “yes”| next", 'say "yes"| next'),
    ("!normalize.pipe_to_danda", "a|b 10| x |y", "a|b 10| x |y", "a|b 10| x |y"),
    ("!normalize.pipe_to_danda", "राम|abc", "राम|abc", "राम|abc"),
    (
        "!normalize.pipe_to_danda",
        "https://hi.example.org/राम| देखें",
        "https://hi.example.org/राम| देखें",
        "https://hi.example.org/राम| देखें",
    ),
    # visarga
    ("normalize.colon_to_visarga", "दु:ख", "दुःख", "दुःख"),
    ("normalize.colon_to_visarga", "अंत:करण प्रात:काल", "अंतःकरण प्रातःकाल", "अंतःकरण प्रातःकाल"),
    ("!normalize.colon_to_visarga", "यह भी पढ़ें: मौसम", "यह भी पढ़ें: मौसम", "यह भी पढ़ें: मौसम"),
    ("!normalize.colon_to_visarga", "10:30 १०:३० नाम:Ram", "10:30 १०:३० नाम:Ram", "10:30 10:30 नाम:Ram"),
    # search only
    (
        "normalize.spaced_pipe",
        "राम घर से निकला | श्याम आया",
        "राम घर से निकला | श्याम आया",
        "राम घर से निकला । श्याम आया",
    ),
    ("!normalize.spaced_pipe", "a | b", "a | b", "a | b"),
    ("normalize.final_ta_visarga", "अत: यह स्वत:", "अत: यह स्वत:", "अतः यह स्वतः"),
    ("normalize.fold_digits", "२०२४ में ३ लोग", "२०२४ में ३ लोग", "2024 में 3 लोग"),
    (
        "normalize.fold_nukta_loan",
        "ज़िंदगी फ़ैसला ख़बर ग़म क़ानून",
        "ज़िंदगी फ़ैसला ख़बर ग़म क़ानून",
        "जिंदगी फैसला खबर गम कानून",
    ),
    ("!normalize.fold_nukta_loan", "पढ़ें बढ़ी", "पढ़ें बढ़ी", "पढ़ें बढ़ी"),
    ("normalize.fold_candrabindu", "हँसी यहाँ", "हँसी यहाँ", "हंसी यहां"),
    ("normalize.fold_candra_o", "डॉक्टर ऑफिस", "डॉक्टर ऑफिस", "डाक्टर आफिस"),
    (
        "normalize.nasal_to_anusvara",
        "हिन्दी सम्बन्ध पण्डित अङ्क पञ्च",
        "हिन्दी सम्बन्ध पण्डित अङ्क पञ्च",
        "हिंदी संबंध पंडित अंक पंच",
    ),
    ("normalize.nasal_to_anusvara", "हिंन्दी", "हिंन्दी", "हिंदी"),  # the nasal typed twice: one anusvara
    ("!normalize.nasal_to_anusvara", "उन्होंने अन्य सम्मान जन्म", "उन्होंने अन्य सम्मान जन्म", "उन्होंने अन्य सम्मान जन्म"),
    ("normalize.elongation", "अच्छाााा बहुत ही", "अच्छाााा बहुत ही", "अच्छा बहुत ही"),
    ("normalize.i_sign_order", "\u093fकताब \u093fप्रय", "\u093fकताब \u093fप्रय", "किताब प्रिय"),
    ("!normalize.i_sign_order", "किताब प्रिय", "किताब प्रिय", "किताब प्रिय"),
    ("normalize.fold_quotes", "“भारत” ‘देश’", "“भारत” ‘देश’", "\"भारत\" 'देश'"),
    (
        "normalize.fold_dashes",
        "भारत—पाकिस्तान 5–6 \u22123",
        "भारत—पाकिस्तान 5–6 \u22123",
        "भारत-पाकिस्तान 5-6 -3",
    ),
    ("normalize.fold_ellipsis", "और फिर…", "और फिर…", "और फिर..."),
    # kept as they are
    (
        "kept",
        "२०२४ हँसी डॉक्टर हिन्दी ◌ा “उद्धरण” — …",
        "२०२४ हँसी डॉक्टर हिन्दी ◌ा “उद्धरण” — …",
        '2024 हंसी डाक्टर हिंदी ◌ा "उद्धरण" - ...',
    ),
    ("kept", "Hkkjr dh jkt/kkuh", "Hkkjr dh jkt/kkuh", "Hkkjr dh jkt/kkuh"),
]


@pytest.mark.parametrize(
    ("rule", "text", "safe", "search"), CASES, ids=[f"{c[0].lstrip('!')}-{i}" for i, c in enumerate(CASES)]
)
def test_rule_cases(rule: str, text: str, safe: str, search: str) -> None:
    assert nc.normalize(text) == safe
    assert nc.normalize(text, profile="search") == search
    for profile, expected in (("safe", safe), ("search", search)):
        cleaned = nc.normalize_and_explain(text, profile=profile)
        assert cleaned.text == expected
        check_edits(text, cleaned.edits)
        assert apply_edits(text, cleaned.edits) == expected
        assert nc.normalize(expected, profile=profile) == expected  # the expectation is a fixpoint


@pytest.mark.parametrize(("rule", "text", "safe", "search"), [c for c in CASES if c[0] != "kept"])
def test_the_named_rule_records_the_change(rule: str, text: str, safe: str, search: str) -> None:
    """A positive case is recorded under its rule id; a case marked ``!`` must not be touched by that rule."""
    negative = rule.startswith("!")
    rule = rule.lstrip("!")
    for profile in ("safe", "search"):
        ids = {
            part for e in nc.normalize_and_explain(text, profile=profile).edits for part in e.rule.split("+")
        }
        fired = rule in ids or f"{rule}_search" in ids
        if negative:
            assert not fired, (profile, ids)
        elif (safe if profile == "safe" else search) != text:
            assert fired, (profile, ids)
            return
    assert negative


def test_every_rule_has_a_case_a_docstring_and_a_profile() -> None:
    covered = {c[0] for c in CASES if not c[0].startswith("!")}
    for r in RULES:
        assert r.id in covered, r.id
        assert "Changes" in r.doc, r.id
        assert "Leaves alone" in r.doc, r.id
        assert r.profiles <= {"safe", "search"}
        assert r.profiles
        assert r.id.startswith("normalize.")


def test_rule_ids_per_profile() -> None:
    safe, search = rule_ids("safe"), rule_ids("search")
    assert "normalize.pipe_to_danda" in safe
    assert "normalize.fold_digits" not in safe
    assert set(safe) - {"normalize.joiners"} <= set(search)
    assert "normalize.joiners_search" in search


def test_explain_records_input_slices_and_merges() -> None:
    text = f"\ufeffनई{NBSP}दिल्ली| प्रधान{SHY}मंत्री ने कहा कि \u095bिंदगी  अहम है|"
    cleaned = nc.normalize_and_explain(text)
    assert cleaned.text == "नई दिल्ली। प्रधानमंत्री ने कहा कि ज़िंदगी अहम है।"
    check_edits(text, cleaned.edits)
    got = [(e.rule, e.old, e.new) for e in cleaned.edits]
    assert got == [
        ("normalize.invisible", "\ufeff", ""),
        ("normalize.spaces", NBSP, " "),
        ("normalize.pipe_to_danda", "|", "।"),
        ("normalize.invisible", SHY, ""),
        ("normalize.nfc", "\u095b", f"ज{NUKTA}"),
        ("normalize.space_runs", "  ", " "),
        ("normalize.pipe_to_danda", "|", "।"),
    ]
    merged = nc.normalize_and_explain(f"क{NBSP}{NBSP}ख").edits
    assert [(e.rule, e.start, e.end, e.old, e.new) for e in merged] == [
        ("normalize.spaces+normalize.space_runs", 1, 3, NBSP + NBSP, " ")
    ]


def test_clean_text_has_no_edits_and_comes_back_identical() -> None:
    text = "भारत की राजधानी नई दिल्ली है। उन्होंने कहा, “ज़िंदगी में १० साल।”\nदूसरा पैरा।"
    assert nc.normalize(text) is text  # no rule ran, so not even a copy was made
    assert nc.normalize_and_explain(text).edits == ()


def test_unicode_18_nfc_matches_unicodedata2() -> None:
    import unicodedata2

    text = "\u095b\u0958 न\u093c a\u0301\u0323"
    assert nc.normalize(text) == unicodedata2.normalize("NFC", text)


# -- configuration, errors, the step ---------------------------------------------------------------------


def test_wrong_types_name_function_and_argument() -> None:
    with pytest.raises(
        nc.InputTypeError, match=r"normalize\(\) argument 'text' must be str, not bytes; decode"
    ):
        nc.normalize(b"abc")  # type: ignore[arg-type]
    with pytest.raises(
        TypeError, match=r"normalize_and_explain\(\) argument 'text' must be str, not NoneType"
    ):
        nc.normalize_and_explain(None)  # type: ignore[arg-type]
    with pytest.raises(nc.InputTypeError, match="detect_legacy_font"):
        detect_legacy_font(3)  # type: ignore[arg-type]
    with pytest.raises(nc.InputTypeError, match="config"):
        nc.normalize("क", config="search")  # type: ignore[arg-type]


def test_bad_profile_is_a_config_error() -> None:
    msg = "normalize() argument 'profile' = 'fast' is invalid; must be one of 'safe', 'search'"
    with pytest.raises(nc.ConfigError) as info:
        nc.normalize("क", profile="fast")  # type: ignore[arg-type]
    assert str(info.value) == msg
    with pytest.raises(ValueError, match="NormalizeConfig"):
        NormalizeConfig(profile="aggressive")
    with pytest.raises(nc.ConfigError, match="Normalize"):
        nc.Normalize(profile="x")
    with pytest.raises(nc.ConfigError, match="'disable'"):
        NormalizeConfig(disable=frozenset({"normalize.nope"}))
    # one id given as a str means that id, as disable= does everywhere
    assert NormalizeConfig(disable="normalize.nfc").disable == frozenset({"normalize.nfc"})  # type: ignore[arg-type]
    with pytest.raises(nc.InputTypeError, match="disable"):
        NormalizeConfig(disable=3)  # type: ignore[arg-type]
    with pytest.raises(nc.ConfigError, match="profile"):
        nc.normalize("क", profile="search", config=NormalizeConfig(profile="safe"))


def test_config_is_frozen_hashable_and_switches_rules_off() -> None:
    cfg = NormalizeConfig(profile="search", disable=["normalize.fold_digits", "normalize.pipe_to_danda"])  # type: ignore[arg-type]
    assert cfg == NormalizeConfig(
        profile="search", disable=frozenset({"normalize.pipe_to_danda", "normalize.fold_digits"})
    )
    assert hash(cfg) == hash(NormalizeConfig(profile="search", disable=cfg.disable))
    with pytest.raises(AttributeError):
        cfg.profile = "safe"  # type: ignore[misc]
    assert nc.normalize("२ ख़बर|", config=cfg) == "२ खबर|"
    assert nc.normalize_and_explain("२ ख़बर|", config=cfg).text == "२ खबर|"
    fp = cfg.fingerprint()
    assert "profile=search" in fp
    assert "normalize.fold_digits" in fp
    import unicodedata2

    assert f"unicode={unicodedata2.unidata_version}" in fp


def test_normalize_step_records_history_and_pickles() -> None:
    step = nc.Normalize(profile="search")
    assert step.name == "normalize"
    assert isinstance(step, nc.Step)
    clone = pickle.loads(pickle.dumps(step))
    assert clone == step
    doc = clone(nc.Document("हिन्दी खबर|", id="d1"))
    assert doc.text == "हिंदी खबर।"
    assert doc.history[-1].step == "normalize"
    assert "profile=search" in doc.history[-1].config
    assert doc.replay() == doc.text
    assert [e.rule for e in doc.history[-1].edits] == [
        "normalize.nasal_to_anusvara",
        "normalize.pipe_to_danda",
    ]
    with pytest.raises(nc.InputTypeError):
        step("not a document")  # type: ignore[arg-type]


def test_step_with_config() -> None:
    cfg = NormalizeConfig(disable=frozenset({"normalize.pipe_to_danda"}))
    doc = nc.Normalize(config=cfg)(nc.Document("खबर|"))
    assert doc.text == "खबर|"
    assert doc.history[0].config == cfg.fingerprint()


# -- legacy fonts: flagged, never converted ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hkkjr dh jkt/kkuh fnYyh gS vkSj ;g cgqr cM+k 'kgj gSA", True),
        ("eq[;ea=h us dgk fd ljdkj us fd;k gS vkSj ge lc blds lkFk gSa", True),
        ("The minister said that the government has done it and we are with it.", False),
        ("भारत की राजधानी नई दिल्ली है।", False),
        ("dk", False),
        ("", False),
    ],
)
def test_detect_legacy_font(text: str, expected: bool) -> None:
    assert detect_legacy_font(text) is expected
    assert nc.normalize(text) == text  # never converted


def test_step_flags_legacy_font_documents() -> None:
    legacy = nc.Normalize()(
        nc.Document("Hkkjr dh jkt/kkuh fnYyh gS vkSj ;g cgqr cM+k 'kgj gSA", meta={"src": "x"})
    )
    assert legacy.meta == {"src": "x", "legacy_font": True}
    assert legacy.text == "Hkkjr dh jkt/kkuh fnYyh gS vkSj ;g cgqr cM+k 'kgj gSA"
    hindi = nc.Normalize()(nc.Document("भारत की राजधानी नई दिल्ली है।", meta={"src": "x"}))
    assert hindi.meta == {"src": "x"}
