"""What real news pages need from normalisation: punctuation that only looks like a Devanagari sign stays.

Hand-written cases for the rules the audit of real pages corrected: the colon and the visarga, C1 controls from
windows-1252, a nukta typed as a dot, pipes that separate fields or table cells, runs of dandas, TAB between
table cells, and ० typed as the abbreviation sign. Each case says what changes and what stays, in both profiles.
"""

from __future__ import annotations

import pytest
import unicodedata2

import newsclean as nc
from newsclean.edits import apply_edits, check_edits
from newsclean.normalize.visarga import VISARGA_TABLE, glued_visarga, is_visarga_word

NUKTA = "\u093c"


def _check(text: str, expected: str, profile: str = "safe") -> tuple[str, ...]:
    """``normalize`` gives ``expected``; the record replays; the output is NFC and a fixpoint. Returns the
    rule ids that made an edit."""
    assert nc.normalize(text, profile=profile) == expected  # type: ignore[arg-type]
    cleaned = nc.normalize_and_explain(text, profile=profile)  # type: ignore[arg-type]
    assert cleaned.text == expected
    check_edits(text, cleaned.edits)
    assert apply_edits(text, cleaned.edits) == expected
    assert unicodedata2.normalize("NFC", expected) == expected
    assert nc.normalize(expected, profile=profile) == expected  # type: ignore[arg-type]
    return tuple(part for e in cleaned.edits for part in e.rule.split("+"))


# -- the colon and the visarga --------------------------------------------------------------------------

COLONS_THAT_STAY = [
    # datelines, glued and spaced
    "पटना:राज्य सरकार ने आज नई योजना शुरू की।",
    "भोपाल: शहर में सुबह से बारिश हो रही है।",
    "लखनऊ:मुख्यमंत्री ने अफसरों की बैठक बुलाई।",
    "जयपुर :पर्यटकों की संख्या इस साल बढ़ी।",
    "नई दिल्ली:संसद का सत्र सोमवार से।",
    "कोलकाता:बंदरगाह पर काम दो दिन रुका।",
    "गुवाहाटी: नदी का पानी खतरे के निशान से ऊपर।",
    # a clause, a kicker, a label, a list glued to the next word
    "सबसे ज्यादा असर यहां है:बिहार में तीन जिले डूबे।",
    "मौसम की चेतावनी:अगले दो दिन तेज हवा चलेगी।",
    "ये भी देखें:नई सड़क का उद्घाटन टला",
    "स्थान:गांधी मैदान, समय:सुबह दस बजे",
    "बचाव के तरीके:धूप में कम निकलें, पानी पिएं।",
    # stems that are everyday words, before a letter that is not their attested second member
    "इलाके में हवा तेज:पूर्वी जिलों में ओले गिरे।",
    "कहानी का अंत:पुराने घर में सब मिले।",
    "उसका मन:कहीं और लगा था।",
    # a prefix stem before a letter that does not keep a visarga in sandhi
    "नि:धन",
    # word-final colons of ordinary words (in both profiles)
    "भारत: नई नीति। राहत: बारिश से। स्रोत: विभाग। अगस्त: 12 दिन। पढ़ें: पूरी खबर",
]


@pytest.mark.parametrize("text", COLONS_THAT_STAY)
@pytest.mark.parametrize("profile", ["safe", "search"])
def test_colons_that_are_punctuation_stay(text: str, profile: str) -> None:
    out = nc.normalize(text, profile=profile)  # type: ignore[arg-type]
    assert out.count(":") == text.count(":")
    assert "\u0903" not in out
    if profile == "safe":
        assert "normalize.colon_to_visarga" not in _check(text, text)


VISARGA_WORDS = [
    ("दु:ख की बात", "दुःख की बात"),
    ("उनके दु:खों का अंत", "उनके दुःखों का अंत"),
    ("यह दु:खद घटना है", "यह दुःखद घटना है"),
    ("नि:शुल्क जांच शिविर", "निःशुल्क जांच शिविर"),
    ("नि:संदेह यह सही है", "निःसंदेह यह सही है"),
    ("नि:स्वार्थ सेवा", "निःस्वार्थ सेवा"),
    ("प्रात:काल की सैर", "प्रातःकाल की सैर"),
    ("प्रात:कालीन सभा", "प्रातःकालीन सभा"),
    ("अंत:करण की आवाज", "अंतःकरण की आवाज"),
    ("सबके अंत:करणों में", "सबके अंतःकरणों में"),
    ("उसकी मन:स्थिति", "उसकी मनःस्थिति"),
    ("कठिन मन:स्थितियों में", "कठिन मनःस्थितियों में"),
    ("कार्यक्रम का पुन:प्रसारण", "कार्यक्रम का पुनःप्रसारण"),
    ("स्वत:स्फूर्त आंदोलन", "स्वतःस्फूर्त आंदोलन"),
    ("अत:उन्होंने मना किया", "अतःउन्होंने मना किया"),  # a whole word glued to the next
    ("अन्त:करण", "अन्तःकरण"),  # another spelling of अंतःकरण; the text keeps its own
]


@pytest.mark.parametrize(("text", "expected"), VISARGA_WORDS)
def test_attested_visarga_words_fold_in_both_profiles(text: str, expected: str) -> None:
    assert _check(text, expected) == ("normalize.colon_to_visarga",)
    assert "normalize.colon_to_visarga" in _check(text, nc.normalize(expected, profile="search"), "search")


def test_a_dateline_and_a_visarga_word_in_one_text() -> None:
    text = "मेरठ:जिले में नि:शुल्क दवा बंटी, लोगों का दु:ख कम हुआ"
    assert nc.normalize(text) == "मेरठ:जिले में निःशुल्क दवा बंटी, लोगों का दुःख कम हुआ"


@pytest.mark.parametrize(
    ("text", "search"),
    [
        ("अत: बैठक टली", "अतः बैठक टली"),
        ("अदालत ने स्वत: संज्ञान लिया", "अदालत ने स्वतः संज्ञान लिया"),
        ("पारा क्रमश: 41 और 27 डिग्री", "पारा क्रमशः 41 और 27 डिग्री"),
        ("आसमान मुख्यत: साफ रहेगा", "आसमान मुख्यतः साफ रहेगा"),
        ("वे संभवत:, कल आएंगे", "वे संभवतः, कल आएंगे"),
        ("यह पूर्णत: “मुफ्त” है", 'यह पूर्णतः "मुफ्त" है'),
    ],
)
def test_search_folds_the_word_final_colon_of_whole_visarga_words(text: str, search: str) -> None:
    assert _check(text, search, "search").count("normalize.final_ta_visarga") == 1
    assert nc.normalize(text) == text  # safe: a colon before a space stays


def test_the_visarga_table_is_data_with_its_sources() -> None:
    from newsclean.normalize import visarga

    doc = visarga.__doc__ or ""
    for source in ("Central Hindi Directorate", "Whitney", "Sanskrit Grammar", "apertium-hin", "aspell-hi"):
        assert source in doc
    rows = [line.split("\t") for line in VISARGA_TABLE.splitlines() if line and not line.startswith("#")]
    assert all(len(r) >= 3 and r[1] in {"word", "prefix", "member"} and r[0].endswith("\u0903") for r in rows)
    assert all(r[2] for r in rows)  # every entry names its basis
    assert all(len(r) == 4 for r in rows if r[1] == "member")  # and a member entry its second members
    assert is_visarga_word("अत")
    assert is_visarga_word("क्रमश")
    assert not is_visarga_word("भारत")
    assert glued_visarga("दु", "खद")
    assert not glued_visarga("दु", "बारा")


# -- C1 controls: windows-1252 read as latin-1 ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "safe", "search"),
    [
        ("\x93चुनाव\x94 पर बहस", "“चुनाव” पर बहस", '"चुनाव" पर बहस'),
        ("उसने कहा, \x91हां\x92", "उसने कहा, ‘हां’", "उसने कहा, 'हां'"),
        ("2019\x962024 \x97 पांच साल", "2019–2024 — पांच साल", "2019-2024 - पांच साल"),
        ("टिकट \x80 20 का\x85 और \x99", "टिकट € 20 का… और ™", "टिकट € 20 का... और ™"),
        ("\x84नया\x93 रूप \x95 सूची", "„नया“ रूप • सूची", '"नया" रूप • सूची'),
    ],
)
def test_c1_controls_become_their_windows_1252_characters(text: str, safe: str, search: str) -> None:
    assert set(_check(text, safe)) == {"normalize.mojibake"}
    _check(text, search, "search")


def test_c1_controls_with_no_windows_1252_meaning_are_removed() -> None:
    assert set(_check("क\x81ख\x8dग\x8fघ\x90ङ\x9d", "कखगघङ")) == {"normalize.controls"}


def test_nel_is_a_line_break_unless_the_text_is_windows_1252() -> None:
    assert _check("पहली पंक्ति\x85दूसरी पंक्ति", "पहली पंक्ति\nदूसरी पंक्ति") == ("normalize.line_breaks",)
    assert _check("\x93रुको\x85\x94", "“रुको…”") == ("normalize.mojibake",) * 3


# -- a nukta typed for a dot ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"दाम बढे{NUKTA}गा", f"दाम बढ{NUKTA}ेगा"),
        (f"लडा{NUKTA}ई जारी", f"लड{NUKTA}ाई जारी"),
        (f"पेडो{NUKTA}ं की कटाई", f"पेड{NUKTA}ों की कटाई"),
        (f"थोडी{NUKTA} देर", f"थोड{NUKTA}ी देर"),  # ड़ at the end of a word
        (f"जि{NUKTA}ंदगी", f"ज{NUKTA}िंदगी"),  # ज़ at the start of a word
        (f"फै{NUKTA}सला", f"फ{NUKTA}ैसला"),
    ],
)
def test_a_nukta_typed_after_the_sign_moves_onto_its_letter(text: str, expected: str) -> None:
    assert _check(text, expected) == ("normalize.mark_order",)


@pytest.mark.parametrize(
    "text",
    [
        f"डॉ{NUKTA} रमेश ने जांच की",  # Dr.: ड़ never begins a word
        f"डा{NUKTA} अनीता वर्मा",
        f"प्रो{NUKTA} वर्मा का व्याख्यान",  # Prof.: र has no nukta letter in Hindi (ऱ is Marathi)
        f"बी{NUKTA} शर्मा",
        f"एस{NUKTA} के{NUKTA} गुप्ता",  # K.: क़ does not end a one-akshara word
        f"बैठक कल होगा{NUKTA} उसने बताया",  # a full stop typed as a nukta
        f"गृ{NUKTA}हिणी",  # no nukta letter takes ृ
        f"चलते हु{NUKTA}ए",  # ह has no nukta letter
    ],
)
def test_a_nukta_that_is_a_dot_stays_where_it_was_typed(text: str) -> None:
    assert nc.normalize(text) == text
    assert "\u0931" not in nc.normalize(text, profile="search")  # never ऱ


def test_the_other_marks_around_a_dot_nukta_are_still_ordered() -> None:
    # anusvara typed before the aa-sign, then a nukta for the abbreviation point: only the first two swap
    assert _check(f"डं\u093e{NUKTA} साहब", f"ड\u093e\u0902{NUKTA} साहब") == ("normalize.mark_order",)


# -- the pipe: danda, field separator, table cell --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("वह शाम को लौट आया|", "वह शाम को लौट आया।"),
        ("बारिश हुई|लोग खुश हुए।", "बारिश हुई।लोग खुश हुए।"),  # a short sentence glued to the next
        # every danda typed as |: a dateline's pipe is read as a danda too
        ("कानपुर| शहर में जाम लगा|", "कानपुर। शहर में जाम लगा।"),
        ("संवाददाता|कानपुर", "संवाददाता।कानपुर"),
    ],
)
def test_pipes_typed_for_dandas_become_dandas(text: str, expected: str) -> None:
    assert set(_check(text, expected)) == {"normalize.pipe_to_danda"}


@pytest.mark.parametrize(
    "text",
    [
        "हमारे संवाददाता| कानपुर\nशहर में जाम लगा। लोग परेशान रहे।",
        "न्यूज डेस्क|आगरा\nशहर में जाम लगा। लोग परेशान रहे।",
        "कानपुर| शहर के कई इलाकों में आज जाम लगा। लोग परेशान रहे।",
        "| जिला| बारिश |\n| आगरा| 12 |",
        "विवरण| संख्या | स्थिति\nकुल मामले। अब कम।",
    ],
)
def test_field_and_cell_separators_stay_pipes(text: str) -> None:
    for profile in ("safe", "search"):
        assert nc.normalize(text, profile=profile).count("|") == text.count("|")  # type: ignore[arg-type]


def test_only_an_exact_pair_of_dandas_is_a_double_danda() -> None:
    assert _check("जय हिंद।।", "जय हिंद॥") == ("normalize.double_danda",)
    assert _check("जय हिंद||", "जय हिंद॥") == ("normalize.double_danda",)
    assert _check("लेखा विभाग-।।। का आदेश", "लेखा विभाग-।।। का आदेश") == ()  # the numeral III
    assert _check("सूची||| समाप्त", "सूची||| समाप्त") == ()
    row = "खबर यहां खत्म।| जिला | तापमान |"
    assert _check(row, row) == ()


@pytest.mark.parametrize(
    ("text", "search"),
    [
        ("वह सुबह घर से निकला | फिर बाजार गया", "वह सुबह घर से निकला । फिर बाजार गया"),
        ("हमारे संवाददाता | मेरठ", "हमारे संवाददाता | मेरठ"),
        ("मेरठ | शहर में आज सुबह से बिजली गुल है", "मेरठ | शहर में आज सुबह से बिजली गुल है"),
        ("| जिला | बारिश | तापमान |", "| जिला | बारिश | तापमान |"),
    ],
)
def test_search_reads_a_spaced_pipe_after_a_sentence_as_a_danda(text: str, search: str) -> None:
    _check(text, search, "search")
    assert nc.normalize(text) == text


# -- TAB between table cells ----------------------------------------------------------------------------


def test_safe_keeps_tabs_between_table_cells_and_search_maps_them() -> None:
    table = "जिला\tमामले\tमौतें\nआगरा\t\t12\nपश्चिम चंपारण\t4\t0"
    assert _check(table, table) == ()
    assert _check(table, "जिला मामले मौतें\nआगरा 12\nपश्चिम चंपारण 4 0", "search")
    assert nc.normalize("नई\u00a0दिल्ली\tपटना") == "नई दिल्ली\tपटना"


# -- ० typed for the abbreviation sign --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "search"),
    [
        ("डॉ० रमेश", "डा० रमेश"),
        ("एन० के० सिंह", "एन० के० सिंह"),
        ("कुल ३० लोग, पृष्ठ ०", "कुल 30 लोग, पृष्ठ 0"),
        ("सन१९४७ में", "सन1947 में"),  # a number glued to a word is still a number
    ],
)
def test_search_keeps_zero_typed_for_the_abbreviation_sign(text: str, search: str) -> None:
    _check(text, search, "search")
    assert nc.normalize(text) == text
