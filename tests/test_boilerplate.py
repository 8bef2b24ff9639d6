"""Unit cases for boilerplate stripping: one or more per kind, and negative cases that must come back unchanged.

Every input and expected output here is written by hand.
"""

from __future__ import annotations

import pickle

import pytest

import newsclean as nc
from newsclean.boilerplate import PatternRule, default_rules
from newsclean.edits import apply_edits, check_edits
from newsclean.errors import ConfigError, InputTypeError

TITLE = "बिजली दरों में बढ़ोतरी नहीं होगी: ऊर्जा मंत्री ने विधानसभा में दी जानकारी"
P1 = "लखनऊ। प्रदेश में इस साल बिजली की दरें नहीं बढ़ेंगी। ऊर्जा मंत्री ने सदन में यह घोषणा की।"
P2 = "उन्होंने कहा कि नियामक आयोग के प्रस्ताव पर सरकार विचार करेगी। विपक्ष ने इस पर सवाल उठाए।"
P3 = "बैठक में अधिकारियों को बकाया वसूली तेज करने के निर्देश दिए गए।"


def lines(text: str) -> list[str]:
    return [ln.rstrip() for ln in text.split("\n") if ln.strip()]


def strip(text: str, **kw: str) -> str:
    cleaned = nc.strip_boilerplate_and_explain(text, **kw)  # type: ignore[arg-type]
    check_edits(text, cleaned.edits)
    assert apply_edits(text, cleaned.edits) == cleaned.text
    assert all(e.is_removal and e.rule.startswith("boilerplate.") and e.kind for e in cleaned.edits)
    return cleaned.text


# ----------------------------------------------------------------------------------------- title echoes
@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        # keyphrase (first clause) glued after a danda at a paragraph end
        (f"{P1}बिजली दरों में बढ़ोतरी नहीं होगी\n{P2}", f"{P1}\n{P2}"),
        # glued after a closing quote
        (
            "मंत्री ने कहा, “दरें स्थिर रहेंगी।”बिजली दरों में बढ़ोतरी नहीं होगी\nअगली बात।",
            "मंत्री ने कहा, “दरें स्थिर रहेंगी।”\nअगली बात।",
        ),
        # spaced at a paragraph end
        (f"{P1} बिजली दरों में बढ़ोतरी नहीं होगी\n{P2}", f"{P1}\n{P2}"),
        # alone on a line, pasted twice (once, between two paragraphs, it is a crosshead and stays)
        (
            f"{P1}\nबिजली दरों में बढ़ोतरी नहीं होगी\n{P2}\nबिजली दरों में बढ़ोतरी नहीं होगी\n{P3}",
            f"{P1}\n{P2}\n{P3}",
        ),
        # the whole headline on a line
        (f"{P1}\n{TITLE}\n{P2}", f"{P1}\n{P2}"),
        # whole headline pasted after the dateline, joined by a comma
        (f"लखनऊ। {TITLE}, प्रदेश में इस साल बिजली की दरें नहीं बढ़ेंगी।", "लखनऊ। प्रदेश में इस साल बिजली की दरें नहीं बढ़ेंगी।"),
        # after a dateline ending with a comma or a colon
        (f"नई दिल्ली, {TITLE}, प्रदेश में दरें नहीं बढ़ेंगी।", "नई दिल्ली, प्रदेश में दरें नहीं बढ़ेंगी।"),
        (f"लखनऊ : {TITLE}, प्रदेश में दरें नहीं बढ़ेंगी।", "लखनऊ : प्रदेश में दरें नहीं बढ़ेंगी।"),
        # at the very end of the text
        (f"{P1}\n{P2}\nबिजली दरों में बढ़ोतरी नहीं होगी", f"{P1}\n{P2}"),
    ],
)
def test_title_echo_removed(dirty: str, clean: str) -> None:
    assert lines(strip(dirty, title=TITLE)) == lines(clean)


@pytest.mark.parametrize(
    "variant",
    [
        "बिजली दरों में  बढ़ोतरी नहीं होगी",  # spacing
        "बिजली दरों में बढ़ोतरी नहीं होगी!",  # punctuation
        "बिजली दरों में बढ़ोतरी नहीं होगी",  # decomposed nukta (another Unicode form)
        "बिजली दरों में बढ़ो\u200dतरी नहीं होगी",  # zero-width joiner
        "बिजली दरों में बढ़ोतरी नहीं होगी ऊर्जा मंत्री ने सदन में दी जानकारी",  # one word changed
    ],
)
def test_title_echo_variants(variant: str) -> None:
    dirty = f"{P1}{variant}\n{P2}"
    assert lines(strip(dirty, title=TITLE)) == [P1, P2]


@pytest.mark.parametrize(
    "variant",
    [
        "विद्युत दरों में बढ़ोतरी नहीं होगी: ऊर्जा मंत्री ने विधानसभा में दी जानकारी",  # first word changed
        "बिजली दरों में कोई बढ़ोतरी नहीं होगी: ऊर्जा मंत्री ने विधानसभा में दी जानकारी",  # word inserted
    ],
)
def test_title_variant_aligned(variant: str) -> None:
    cleaned = nc.strip_boilerplate_and_explain(f"{P1}\n{variant}\n{P2}", title=TITLE)
    assert lines(cleaned.text) == [P1, P2]
    assert [e.rule for e in cleaned.edits] == ["boilerplate.title_variant"]


def test_title_variant_negative_similar_length_line() -> None:
    body = f"{P1}\nबिजली कंपनियों के घाटे पर ऊर्जा मंत्री ने विधानसभा में रखी रिपोर्ट\n{P2}"
    assert strip(body, title=TITLE) == body


def test_title_echo_never_spans_a_line_break() -> None:
    nxt = "ऊर्जा मंत्री ने विधानसभा में बताया कि बकाया वसूली तेज होगी।"
    dirty = f"{P1}बिजली दरों में बढ़ोतरी नहीं होगी\n{nxt}"
    assert lines(strip(dirty, title=TITLE)) == [P1, nxt]


def test_title_echo_glued_copies_in_a_row() -> None:
    keyphrase = "बिजली दरों में बढ़ोतरी नहीं होगी"
    dirty = f"{P1}{keyphrase * 3}\n{P2}"
    once = strip(dirty, title=TITLE)
    assert lines(once) == [P1, P2]
    assert nc.strip_boilerplate(keyphrase * 5, title=TITLE) == ""


def test_cut_at_line_end_exposes_a_labelled_line() -> None:
    dirty = f"{P1}\nविज्ञापनबिजली दरों में बढ़ोतरी नहीं होगी\n{P2}"
    once = strip(dirty, title=TITLE)
    assert lines(once) == [P1, P2]
    assert nc.strip_boilerplate(once, title=TITLE) == once


def test_title_echo_digit_forms() -> None:
    title = "राज्य में १० नए अस्पताल खुलेंगे, सरकार ने दी मंजूरी"
    dirty = f"{P1}राज्य में 10 नए अस्पताल खुलेंगे\n{P2}"
    assert lines(strip(dirty, title=title)) == [P1, P2]


def test_standfirst_echo_removed() -> None:
    standfirst = "सरकार ने कहा, उपभोक्ताओं पर कोई नया बोझ नहीं डाला जाएगा"
    dirty = f"{P1}सरकार ने कहा, उपभोक्ताओं पर कोई नया बोझ नहीं डाला जाएगा\n{P2}"
    cleaned = nc.strip_boilerplate_and_explain(dirty, standfirst=standfirst)
    assert lines(cleaned.text) == [P1, P2]
    assert {e.kind for e in cleaned.edits} == {"standfirst_echo"}


def test_title_echo_between_sentences_when_pasted_elsewhere() -> None:
    dirty = f"{P1} बिजली दरों में बढ़ोतरी नहीं होगी {P2}\n{P3}बिजली दरों में बढ़ोतरी नहीं होगी"
    assert lines(strip(dirty, title=TITLE)) == [f"{P1} {P2}", P3]


def test_a_crosshead_that_repeats_the_headline_s_first_clause_stays() -> None:
    # once, on a line of its own between two paragraphs: a section heading, not a pasted copy
    crosshead = "बिजली दरों में बढ़ोतरी नहीं होगी"
    after = "दरों में बढ़ोतरी न करने का फैसला नियामक आयोग की सिफारिश के बाद लिया गया है।"
    text = f"{P1}\n{P3}\n{crosshead}\n{after}"
    assert strip(text, title=TITLE) == text
    # ... and at the end of a short line
    text = f"{P1}\nक्या सच में बिजली दरों में बढ़ोतरी नहीं होगी\n{after}"
    assert strip(text, title=TITLE) == text


def test_a_headline_that_is_a_sentence_stays_as_a_paragraph_of_the_body() -> None:
    title = "लोगों को उमस भरी गर्मी से आज दिन भर राहत मिली।"
    text = f"{P1}\n{P2}\n{title}\n{P3}"
    assert strip(text, title=title) == text


def test_a_highlight_bullet_that_repeats_the_headline_stays() -> None:
    bullets = "नियामक आयोग के प्रस्ताव पर होगा विचार\nबिजली दरों में बढ़ोतरी नहीं होगी\nविपक्ष ने उठाए कई सवाल"
    text = f"{P1}\n{P2}\n{bullets}"
    assert strip(text, title=TITLE) == text


def test_a_headline_that_is_a_sentence_of_the_article_stays_in_its_paragraph() -> None:
    title = "लोग उमस भरी गर्मी से दिन भर बेहाल रहे।"
    text = f"शहर में तापमान सामान्य से ऊपर रहा। {title} शाम को हल्की हवा चली।\n{P2}"
    assert strip(text, title=title) == text


def test_a_part_of_the_headline_ending_a_sentence_stays() -> None:
    title = "बिजली दरों में बढ़ोतरी नहीं: मंत्री ने सदन में दी जानकारी"
    text = f"{P1}\nआयोग ने प्रस्ताव लौटाया, 'बिजली दरों में बढ़ोतरी नहीं।'\n{P2}"
    assert strip(text, title=title) == text


def test_seo_prefix_removed() -> None:
    dirty = f"Lucknow, UP, Power Tariff, Energy News: {P1}\n{P2}"
    assert lines(strip(dirty)) == [P1, P2]
    dirty = f"Breaking News बिजली दरें: {P1}"
    assert lines(strip(dirty)) == [P1]


# ----------------------------------------------------------------------------------------- title negatives
@pytest.mark.parametrize(
    "body",
    [
        # a sentence that begins like the headline is content
        "बिजली दरों में बढ़ोतरी नहीं होगी, यह बात मंत्री ने दोहराई। सदन में शांति रही।",
        # a crosshead that shares the first words but goes on differently
        f"{P1}\nबिजली दरों में कटौती पर भी विचार\n{P2}",
        # the headline's words quoted inside a sentence
        "मंत्री ने कहा कि बिजली दरों में बढ़ोतरी नहीं होगी और बकाया माफ होगा। यह बड़ी राहत है।",
        # an article with no boilerplate at all
        f"{P1}\n{P2}\n{P3}",
    ],
)
def test_title_negatives_unchanged(body: str) -> None:
    assert strip(body, title=TITLE) == body


def test_seed_lookalike_crosshead_kept() -> None:
    standfirst = "$90 बिलियन की कंपनी के साथ डिजिटल और तकनीकी निवेश पर हुई बात"
    body = "पहला पैरा यहां है।\n$90 बिलियन की कंपनी से निवेश पर चर्चा\nअगला पैरा।"
    assert strip(body, standfirst=standfirst) == body


# ----------------------------------------------------------------------------------------- repeats
def test_repeated_phrase_without_title() -> None:
    dirty = f"{P1}राज्य को मिलेगी राहत\n{P2}राज्य को मिलेगी राहत\n{P3}"
    assert lines(strip(dirty)) == [P1, P2, P3]


@pytest.mark.parametrize(
    "body",
    [
        # a quotation repeated once
        "मंत्री ने कहा, “जनता पर बोझ नहीं पड़ेगा।”\nबाद में उन्होंने फिर कहा, “जनता पर बोझ नहीं पड़ेगा।”",
        # a refrain ending each paragraph as a sentence
        f"{P1} नारा था, “बिजली बचाओ, देश बचाओ”।\n{P2} फिर वही नारा, “बिजली बचाओ, देश बचाओ”।",
        # a name repeated inside sentences
        "योगी आदित्यनाथ ने बैठक ली। बाद में योगी आदित्यनाथ ने निर्देश दिए।\nयोगी आदित्यनाथ लखनऊ लौटे।",
        # a crosshead that is also a sentence topic
        "बकाया वसूली अभियान\nविभाग ने बकाया वसूली अभियान शुरू किया। इससे राजस्व बढ़ेगा।",
    ],
)
def test_genuine_repetition_stays(body: str) -> None:
    assert strip(body) == body


# ----------------------------------------------------------------------------------------- known patterns
@pytest.mark.parametrize(
    ("dirty", "clean", "kind"),
    [
        (f"{P1}\nयह भी पढ़ें: राजधानी में नई बस सेवा शुरू\n{P2}", f"{P1}\n{P2}", "also_read"),
        (f"{P1}\nये भी पढ़ें- मौसम विभाग ने जारी किया अलर्ट\n{P2}", f"{P1}\n{P2}", "also_read"),
        (f"{P1}\nइसे भी पढ़ें : गन्ना किसानों को मिला भुगतान\n{P2}", f"{P1}\n{P2}", "also_read"),
        (f"{P1}यह भी पढ़ें: राजधानी में नई बस सेवा शुरू\n{P2}", f"{P1}\n{P2}", "also_read"),
        (f"{P1}\nAlso Read: नई बस सेवा शुरू\n{P2}", f"{P1}\n{P2}", "also_read"),
        (f"{P1}\nनई बस सेवा शुरू\nRead More\nनई बस सेवा शुरू\n{P2}", f"{P1}\n{P2}", "also_read"),
        (f"{P1} (इनपुट- पीटीआई)\n{P2}", f"{P1}\n{P2}", "agency_credit"),
        (f"{P1}\n{P2}\nइनपुट: एजेंसी", f"{P1}\n{P2}", "agency_credit"),
        (f"{P1}\n{P2} (भाषा)", f"{P1}\n{P2}", "agency_credit"),
        (f"Edited By Ramesh Kumar | Updated: 12 May 2024, 10:30 AM IST\n{P1}", P1, "byline"),
        (f"रिपोर्ट: सुनील वर्मा, कानपुर\n{P1}", P1, "byline"),
        (f"अपडेटेड: 12 मई 2024, 10:30 AM\n{P1}", P1, "meta"),
        (f"Mon, May 13, 2024, 9:15 AM IST\n{P1}", P1, "meta"),
        (f"{P1}\nFollow us on Google News\n{P2}", f"{P1}\n{P2}", "social"),
        (f"{P1}\nताजा खबरों के लिए हमें फेसबुक पर फॉलो करें\n{P2}", f"{P1}\n{P2}", "social"),
        (f"{P1}\nहमारे व्हाट्सएप ग्रुप से जुड़ें\n{P2}", f"{P1}\n{P2}", "social"),
        (f"{P1}\nTwitterFacebookWhatsappEmail\n{P2}", f"{P1}\n{P2}", "social"),
        (f"{P1}\nविज्ञापन\n{P2}", f"{P1}\n{P2}", "advert"),
        (f"{P1}\nAdvertisement\n{P2}", f"{P1}\n{P2}", "advert"),
        (f"{P1} Advertisement {P2}", f"{P1} {P2}", "advert"),
        (f"{P1}\n{P2}\nडिस्क्लेमर: यह जानकारी केवल सामान्य सूचना के लिए है।", f"{P1}\n{P2}", "disclaimer"),
        (f"{P1}\n(ये लेखक के अपने विचार हैं)", P1, "disclaimer"),
        (f"{P1}\nताजा अपडेट के लिए डाउनलोड करें हमारा ऐप\n{P2}", f"{P1}\n{P2}", "cta"),
        (f"{P1}\nऐसी ही खबरों के लिए बने रहें हमारे साथ।\n{P2}", f"{P1}\n{P2}", "cta"),
        (f"{P1}\nविधानसभा में ऊर्जा मंत्री - फोटो : सोशल मीडिया\n{P2}", f"{P1}\n{P2}", "caption"),
        (f"{P1}\n(फाइल फोटो)\n{P2}", f"{P1}\n{P2}", "caption"),
        (f"{P1}\nRK\n{P2}", f"{P1}\n{P2}", "caption"),
        (f"{P1} पढ़ें पूरी खबर\n{P2}", f"{P1}\n{P2}", "meta"),
        (f"{P1}\nपढ़ें: राजधानी में नई बस सेवा शुरू\n{P2}", f"{P1}\n{P2}", "also_read"),
        (f"{P1}\nपूरी खबर पढ़ने के लिए यहां क्लिक करें\n{P2}", f"{P1}\n{P2}", "cta"),
        (f"{P1} -आईएएनएस\n{P2}", f"{P1}\n{P2}", "agency_credit"),
        (f"{P1}\nहमारे न्यूज़लेटर को सब्सक्राइब करें\n{P2}", f"{P1}\n{P2}", "social"),
    ],
)
def test_pattern_removed(dirty: str, clean: str, kind: str) -> None:
    cleaned = nc.strip_boilerplate_and_explain(dirty)
    assert lines(cleaned.text) == lines(clean)
    assert kind in {e.kind for e in cleaned.edits}


@pytest.mark.parametrize(
    "body",
    [
        # a dateline with an agency credit is content
        "नई दिल्ली, 12 मई (भाषा)। सरकार ने नई नीति की घोषणा की।",
        "नई दिल्ली, एजेंसी। सरकार ने नई नीति की घोषणा की।",
        # boilerplate words used in ordinary sentences
        "आयोग ने भर्ती का विज्ञापन रद्द कर दिया है। अब नया विज्ञापन जारी होगा।",
        "यह संदेश फेसबुक और व्हाट्सएप पर तेजी से फैल रहा है।",
        "समाचार एजेंसी पीटीआई के मुताबिक बैठक देर रात तक चली।",
        "गांव के युवा अब खेती की जानकारी के लिए मोबाइल ऐप डाउनलोड करते हैं।",
        "मंत्री ने अपने ट्विटर हैंडल पर मेले की तस्वीरें डालीं।",
        "उन्होंने कहा कि यह भी देखना होगा कि योजना कैसे लागू हो।",
        "पुलिस की रिपोर्ट में यह कहा गया है कि हादसा रात में हुआ।",
        "छात्रों से कहा गया कि वे किताब पढ़ें और नोट्स बनाएं।",
        "उन्होंने लोगों से फेसबुक पर जुड़ने के लिए कहा।\nताजा खबरों के लिए लोग टीवी देख रहे हैं।",
        "सरकार ने योजना बनाई। यह भी देखें कि इसका लाभ किसे मिलेगा।",
        "अपडेट: मृतकों की संख्या बढ़कर दस हुई\nराहत कार्य जारी है।",
        "मंत्री ने कहा कि लोग ध्यान से पढ़ें: नियम सबके लिए हैं।",
        "उन्होंने बताया कि 2019-20 में आय बढ़ी - पीटीआई की रिपोर्ट में यह आंकड़ा था।",
        # a list whose items end alike
        "यूरोप 15.6 अरब डॉलर\nअमेरिका 5.8 अरब डॉलर\nजापान 5.2 अरब डॉलर",
        # numbers alone are not a date line
        "2024 2024 2024.",
        "",
    ],
)
def test_pattern_negatives_unchanged(body: str) -> None:
    assert strip(body) == body


# ----------------------------------------------------------------------------------------- rule table
@pytest.mark.parametrize("verb", ["प\u095dें", "पढ\u093cें", "पढें"])
def test_related_link_any_nukta_form(verb: str) -> None:
    dirty = f"{P1}\nयह भी {verb}- राजधानी में नई बस सेवा शुरू\n{P2}\n{verb} पूरी खबर"
    assert lines(strip(dirty)) == [P1, P2]


def test_date_line_does_not_run_into_next_line() -> None:
    dirty = f"{P1}\n\nTue, Mar 31, 2024, 9:53 AM IST\n\nमंगलवार को बैठक हुई।"
    assert lines(strip(dirty)) == [P1, "मंगलवार को बैठक हुई।"]


def test_rule_table_user_extensible_and_disable() -> None:
    body = f"{P1}\nप्रायोजित सामग्री\n{P2}"
    assert strip(body) == body
    extra = PatternRule(
        "my.sponsored",
        r"^\s*प्रायोजित\s+सामग्री\s*$",
        "sponsored label",
        kind="advert",
        scope="line",
        gate=("प्रायोजित",),
    )
    out = nc.strip_boilerplate(body, rules=(*default_rules(), extra))
    assert lines(out) == [P1, P2]
    dirty = f"{P1}\nविज्ञापन\n{P2}"
    assert nc.strip_boilerplate(dirty, disable=("boilerplate.advert",)) == dirty


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"scope": "paragraph"}, "scope"), ({"site": "middle"}, "site"), ({"max_len": 0}, "max_len")],
)
def test_rule_bad_values(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ConfigError, match=field):
        PatternRule("x", "a", "r", **kwargs)  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="compile"):
        PatternRule("x", "(", "r")


def test_rule_ids_unique_and_documented() -> None:
    rules = default_rules()
    assert len({r.id for r in rules}) == len(rules)
    assert all(r.id.startswith("boilerplate.") and r.reason and r.kind for r in rules)


# ----------------------------------------------------------------------------------------- API
def test_wrong_types() -> None:
    with pytest.raises(InputTypeError, match="'text'"):
        nc.strip_boilerplate(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError, match="'title'"):
        nc.strip_boilerplate("क", title=3)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError, match="'model'"):
        nc.strip_boilerplate("क", model="m")  # type: ignore[arg-type]
    with pytest.raises(ConfigError):
        nc.StripBoilerplate(group_field="")


def test_step_uses_title_standfirst_and_is_picklable() -> None:
    step = nc.StripBoilerplate()
    assert step.name == "strip_boilerplate"
    step2 = pickle.loads(pickle.dumps(step))
    doc = nc.Document(f"{P1}बिजली दरों में बढ़ोतरी नहीं होगी\n{P2}", title=TITLE, meta={"publisher": "p"})
    out = step2(doc)
    assert lines(out.text) == [P1, P2]
    assert out.replay() == out.text
    assert out.history[-1].step == "strip_boilerplate"
    assert out.removed()[0][1].kind == "title_echo"


class _FakeModel:
    """Stands in for a fitted model: removes every line equal to a template, in the text it is given."""

    def __init__(self, templates: dict[str, list[str]]) -> None:
        self.templates = templates

    def find(self, text: str, group: str | None = None) -> list[nc.Edit]:
        lines_ = [t for g, ts in self.templates.items() if group is None or g == group for t in ts]
        out = []
        for t in lines_:
            i = text.find(t)
            while i >= 0:
                out.append(nc.Edit("boilerplate.mined", "mined", i, i + len(t), t))
                i = text.find(t, i + 1)
        return sorted(out, key=lambda e: e.start)


def test_model_templates_applied_by_group() -> None:
    model = _FakeModel({"p1": ["हमारी वेबसाइट पर और खबरें"], "p2": ["दूसरे प्रकाशक की पंक्ति"]})
    body = f"{P1}\nहमारी वेबसाइट पर और खबरें\n{P2}\nदूसरे प्रकाशक की पंक्ति"
    assert lines(nc.strip_boilerplate(body, model=model)) == [P1, P2]  # type: ignore[arg-type]
    assert lines(nc.strip_boilerplate(body, model=model, group="p1")) == [  # type: ignore[arg-type]
        P1,
        P2,
        "दूसरे प्रकाशक की पंक्ति",
    ]
    doc = nc.Document(body, meta={"publisher": "p2"})
    out = nc.StripBoilerplate(model=model)(doc)  # type: ignore[arg-type]
    assert lines(out.text) == [P1, "हमारी वेबसाइट पर और खबरें", P2]
    assert {e.kind for _, e in out.removed()} == {"mined"}


# ----------------------------------------------------------------------------------------- credits and chrome
@pytest.mark.parametrize(
    ("furniture", "rule"),
    [
        ("संवाद न्यूज एजेंसी, सीतापुर", "boilerplate.agency_desk"),
        ("— Weather Office India (@weatheroffice) June 3, 2025", "boilerplate.embed_chrome"),
        ("टिप्पणी (3)", "boilerplate.comment_count"),
        ("×", "boilerplate.comment_count"),
        ("प्रतीकात्मक तस्वीर (फाइल)", "boilerplate.photo_label"),
    ],
)
def test_credit_and_chrome_lines_go(furniture: str, rule: str) -> None:
    text = f"{P1}\n{furniture}\n{P2}"
    cleaned = nc.strip_boilerplate_and_explain(text)
    assert lines(cleaned.text) == [P1, P2]
    assert rule in {e.rule for e in cleaned.edits}


def test_a_picture_link_goes_from_an_embedded_post() -> None:
    text = f"{P1}\nशहर में सुबह से तेज बारिश हो रही है pic.twitter.com/Ab12Cd34\n{P2}"
    assert lines(strip(text)) == [P1, "शहर में सुबह से तेज बारिश हो रही है", P2]


def test_desk_codes_go_at_the_end_only() -> None:
    assert lines(strip(f"{P1}\n{P2}\n--आईएएनएस\nकेएसपी/एबी")) == [P1, P2]
    dateline = f"भोपाल/इंदौर/जबलपुर\n{P1}\n{P2}"
    assert strip(dateline) == dateline


def test_an_auto_feed_note_goes_to_its_line_end() -> None:
    note = " यह खबर ‘भाषा’ न्यूज़ एजेंसी से ‘ऑटो-फीड’ द्वारा ली गई है. इसके कंटेंट के लिए यह साइट जिम्मेदार नहीं है."
    assert lines(strip(f"{P1}\n{P2}{note}")) == [P1, P2]
    # a sentence that speaks of a feed in the article stays
    text = f"{P1}\nयह खबर पशुओं के चारे यानी फीड के दाम बढ़ने की है और किसान परेशान हैं।"
    assert strip(text) == text


def test_a_caption_with_its_source_opens_the_text() -> None:
    caption = "मरम्मत के काम का जायजा लेते अधिकारी (फोटो सोर्स- सोशल मीडिया)"
    assert lines(strip(f"{caption}\n{P1}\n{P2}")) == [P1, P2]
    assert lines(strip(f"{P1}\nमौके पर पहुंचे अधिकारी (सोर्स: एक्स)\n{P2}")) == [P1, P2]
