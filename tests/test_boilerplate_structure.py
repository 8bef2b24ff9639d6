"""Page-structure boilerplate (boilerplate/layout.py, boilerplate/structure.py): what goes and what stays.

Every fixture is written for these tests. Each class of page furniture has a case that goes and a look-alike
that stays (precision first: a dateline, a crosshead, a table row or a sentence of the article never goes).
"""

from __future__ import annotations

import pytest

import newsclean as nc
from newsclean.boilerplate.layout import Layout
from newsclean.boilerplate.structure import STRUCTURE_RULES, find_structure, introduces

# prose: Devanagari lines of eight words or more with a full stop
P1 = "नगर निगम ने शहर की सड़कों की मरम्मत का काम सोमवार से शुरू कर दिया है।"
P2 = "अधिकारियों के अनुसार बारिश से पहले सभी प्रमुख मार्गों के गड्ढे भरे जाएंगे और नालियां साफ होंगी।"
P3 = "स्थानीय व्यापारियों ने इस फैसले का स्वागत किया और कहा कि इससे ग्राहकों को राहत मिलेगी।"
TITLE = "शहर की सड़कों की मरम्मत सोमवार से शुरू, बारिश से पहले भरे जाएंगे गड्ढे"


def strip(text: str, title: str | None = TITLE) -> str:
    return nc.strip_boilerplate(text, title=title)


def rules_of(text: str, title: str | None = TITLE) -> set[str]:
    return {e.rule for e in nc.strip_boilerplate_and_explain(text, title=title).edits}


# -- layout ------------------------------------------------------------------------------------------------
def test_layout_zones() -> None:
    lay = Layout.of(f"Home\nनगर\n{P1}\nबीच की पंक्ति\n{P2}\nनीचे का लिंक")
    assert [lay.zone(ln) for ln in lay.lines] == ["head", "head", "body", "body", "body", "tail"]
    assert [ln.text for ln in lay.head] == ["Home", "नगर"]
    assert Layout.of("सिर्फ एक छोटी पंक्ति").first == -1


def test_prose_needs_words_and_a_full_stop() -> None:
    lay = Layout.of(f"{P1}\nयह छोटा वाक्य है।\n{P1[:-1]}\nबाजार खुला।दुकानें भी खुलीं और लोग खरीदारी करने पहुंचे आज")
    assert [ln.is_prose for ln in lay.lines] == [True, False, False, True]


def test_every_structure_rule_can_be_disabled() -> None:
    text = f"{P1}\n›\nFollow us on the web for more\n{P2}"
    assert nc.strip_boilerplate(text, disable=STRUCTURE_RULES) == text


# -- page furniture ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("furniture", "rule"),
    [
        ("›", "boilerplate.no_words"),
        ("-", "boilerplate.no_words"),
        ("3 of 8", "boilerplate.counter"),
        ("4/9", "boilerplate.counter"),
        ('{"slug":"sadak-marammat","type":"story"}', "boilerplate.page_data"),
        ("Share this on your timeline", "boilerplate.latin_line"),
    ],
)
def test_furniture_between_paragraphs_goes(furniture: str, rule: str) -> None:
    text = f"{P1}\n{furniture}\n{P2}"
    assert strip(text) == f"{P1}\n{P2}"
    assert rule in rules_of(text)


def test_latin_lines_around_the_prose_go_but_a_latin_sentence_in_the_body_stays() -> None:
    head = "City News\nUpdated Today\n"
    tail = "\nRead the latest stories on our site. Stay with us for every update."
    assert strip(f"{head}{P1}\n{P2}{tail}") == f"{P1}\n{P2}"
    quote = "He said the work would be finished before the rains arrive in the city."
    assert strip(f"{P1}\n{quote}\n{P2}") == f"{P1}\n{quote}\n{P2}"


def test_a_latin_line_ending_in_a_danda_is_hindi_text() -> None:
    text = f"{P1}\nIT BT CT।\n{P2}"
    assert strip(text) == text


def test_contact_lines_in_the_tail_go_but_a_helpline_list_stays() -> None:
    tail = "\nEmail : desk@example.org\nCopyright © 2025 Example Media. All Rights Reserved."
    assert strip(f"{P1}\n{P2}{tail}") == f"{P1}\n{P2}"
    helplines = "\nनगर निगम : 9876543210\nजल विभाग : 9123456780"
    assert strip(f"{P1}\n{P2}{helplines}") == f"{P1}\n{P2}{helplines}"


# -- the headline's copy and the navigation above it -------------------------------------------------------
def test_navigation_above_the_headline_and_its_copy_go() -> None:
    text = f"होम\nशहर\nराज्य\n{TITLE}\n{P1}\n{P2}"
    assert strip(text) == f"{P1}\n{P2}"


def test_a_truncated_headline_and_a_variant_of_it_go() -> None:
    short_title = "शहर की सड़कों की मरम्मत सोमवार से शुरू, बारिश से पहले भरे..."
    text = f"{TITLE}\n{P1}\n{P2}"
    assert strip(text, title=short_title) == f"{P1}\n{P2}"
    variant = "शहर की सड़कों की मरम्मत शुरू, बारिश से पहले भरे जाएंगे सारे गड्ढे"
    assert strip(f"{variant}\n{P1}\n{P2}") == f"{P1}\n{P2}"


def test_a_highlight_bullet_above_the_headline_and_a_subheading_stay() -> None:
    bullet = "निगम ने मरम्मत के लिए बारह टीमें बनाई हैं और हर वार्ड में एक अधिकारी तैनात किया है"
    text = f"{bullet}\n{TITLE}\n{P1}\nमरम्मत पर कितना खर्च होगा\n{P2}"
    out = strip(text)
    assert bullet in out
    assert "मरम्मत पर कितना खर्च होगा" in out


# -- related stories -----------------------------------------------------------------------------------------
def test_related_list_running_to_the_end_goes_with_its_label() -> None:
    related = (
        "\nये खबर भी पढ़ें:\nनदी पर बना पुल जर्जर: प्रशासन ने भारी वाहनों की आवाजाही रोकी"
        "\nस्कूलों में गर्मी की छुट्टियां बढ़ीं, अब जुलाई के पहले हफ्ते में खुलेंगे"
    )
    assert strip(f"{P1}\n{P2}{related}") == f"{P1}\n{P2}"


def test_a_list_label_mid_article_goes_alone_and_the_crosshead_after_it_stays() -> None:
    text = f"{P1}\nखबरें और भी\nमरम्मत पर कितना खर्च होगा\n{P2}"
    assert strip(text) == f"{P1}\nमरम्मत पर कितना खर्च होगा\n{P2}"


@pytest.mark.parametrize(
    "own_list",
    [
        # a crosshead over its bullet items (a schedule), after the last paragraph
        "\nनई सड़कों के उद्घाटन का पूरा कार्यक्रम\n- पहला चरण - 12 जून, पुराना बाजार से स्टेशन रोड तक"
        "\n- दूसरा चरण - 19 जून, नदी पुल से बस अड्डे तक का मार्ग\n- तीसरा चरण - 26 जून, अस्पताल चौक से कॉलेज रोड तक",
        # dated items on one template
        "\n- 3 मई सिविल लाइंस में पाइपलाइन फटने से सड़क धंस गई और यातायात रुका"
        "\n- 9 मई रेलवे कॉलोनी के पास नाली का पानी सड़क पर भर गया और लोग परेशान हुए"
        "\n- 14 मई बस अड्डे के सामने बने गड्ढे में एक ऑटो पलट गया, चालक घायल हुआ",
        # a quotation's attribution on the last line
        "\n- रमेश चंद्र वर्मा, अधीक्षण अभियंता, लोक निर्माण विभाग",
    ],
)
def test_the_article_s_own_list_after_the_prose_stays(own_list: str) -> None:
    text = f"{P1}\n{P2}{own_list}"
    assert strip(text) == text


def test_data_rows_under_a_short_label_stay() -> None:
    rows = (
        "\nपूर्वी जोन\nजांच- 54, मरम्मत- 19, लंबित शिकायतें- 18"
        "\nक्या बंद है- मुख्य बाजार की सड़क, पुल का एक हिस्सा, स्टेशन रोड"
        "\nक्या खुला है- बाकी सभी मार्ग, अस्पताल जाने वाली सड़क और बस अड्डा"
    )
    text = f"{P1}\n{P2}{rows}"
    assert strip(text) == text


def test_marked_headlines_after_a_crosshead_still_go() -> None:
    heads = (
        "\nक्रिकेट अपडेट: युवा टीम ने फाइनल में बड़े अंतर से जीत दर्ज की, कप्तान बने स्टार"
        "\nसोने के भाव: लगातार तीसरे दिन चढ़े दाम, चांदी में भी दिखी तेजी, जानिए आज का रेट..."
    )
    assert strip(f"{P1}\n{P2}\nमरम्मत की समय सीमा{heads}") == f"{P1}\n{P2}\nमरम्मत की समय सीमा"


def test_an_empty_marker_goes_alone_before_a_crosshead_or_a_sentence() -> None:
    crosshead = "बारिश से पहले गड्ढों की मरम्मत"
    paragraph = "मरम्मत का काम बारिश से पहले पूरा होगा और गड्ढों को भरने के लिए अलग टीमें लगाई गई हैं।"
    text = f"{P1}\nये भी देखें :\n{crosshead}\n{paragraph}"
    assert strip(text) == f"{P1}\n{crosshead}\n{paragraph}"
    sentence = "अधिकारियों ने बताया कि काम रात में भी चलेगा. लोगों से सहयोग की अपील की गई है."
    assert strip(f"{P1}\nइसे भी पढ़ें:\n{sentence}\n{P2}") == f"{P1}\n{sentence}\n{P2}"


def test_a_read_label_takes_the_headline_on_the_next_line() -> None:
    text = f"{P1}\nयह भी पढ़ें\nनदी पर बना पुल जर्जर, प्रशासन ने भारी वाहनों की आवाजाही रोकी\n{P2}"
    assert strip(text) == f"{P1}\n{P2}"


def test_headlines_after_the_last_paragraph_go_but_key_points_stay() -> None:
    heads = (
        "\nक्रिकेट: युवा टीम ने फाइनल में बड़े अंतर से जीत दर्ज की, कप्तान बने स्टार"
        "\nसोने के दाम लगातार तीसरे दिन चढ़े, चांदी में भी दिखी तेजी, जानिए आज के भाव"
    )
    assert strip(f"{P1}\n{P2}{heads}") == f"{P1}\n{P2}"
    points = "\nमरम्मत योजना: पांच जरूरी बातें\nहर वार्ड में टीम\nरात में भी काम\nशिकायत के लिए हेल्पलाइन"
    assert strip(f"{P1}\n{P2}{points}") == f"{P1}\n{P2}{points}"


def test_a_live_blog_s_last_entries_stay() -> None:
    entries = (
        "\nनगर निगम की टीम ने सोमवार को सड़कों की मरम्मत के लिए पुराने शहर का दौरा किया, काम शुरू"
        "\nबारिश से पहले सड़कों के गड्ढे भरने के लिए नगर निगम की बारह टीमें रात में भी काम करेंगी"
    )
    assert strip(f"{P1}\n{P2}{entries}") == f"{P1}\n{P2}{entries}"


def test_a_pasted_headline_standing_alone_goes_but_a_crosshead_stays() -> None:
    pasted = "क्रिकेट: युवा टीम ने फाइनल में बड़े अंतर से जीत दर्ज की, कप्तान बने स्टार"
    assert strip(f"{P1}\n\n{pasted}\n\n{P2}\n\n{P3}") == f"{P1}\n\n{P2}\n\n{P3}"
    crosshead = "व्यापारियों ने फैसले का स्वागत किया, ग्राहकों को राहत मिलने की उम्मीद"
    text = f"{P1}\n\n{crosshead}\n\n{P3}\n\n{P2}"
    assert strip(text) == text


def test_introduces() -> None:
    lay = Layout.of(f"व्यापारियों ने फैसले का स्वागत किया\n{P3}")
    assert introduces(lay, lay.lines[0])
    lay = Layout.of(f"युवा टीम ने फाइनल जीता\n{P3}")
    assert not introduces(lay, lay.lines[0])


def test_a_phone_directory_and_an_enumeration_are_not_headlines() -> None:
    directory = "\nपुराना शहर, सदर बाजार - राम किराना स्टोर 9876543210, श्याम जनरल स्टोर 9123456780"
    assert strip(f"{P1}\n{P2}{directory}") == f"{P1}\n{P2}{directory}"
    items = "दवा की दुकानें, दूध की डेयरी, सब्जी मंडी, पेट्रोल पंप और अस्पताल खुले रहेंगे"
    text = f"{P1}\n\n{items}\n\n{P2}"
    assert strip(text) == text


# -- author boxes and bios ------------------------------------------------------------------------------------
def test_an_author_box_goes_up_to_its_read_more() -> None:
    box = (
        "\nलेखक के बारे में\nराधा शर्मा\nराधा शर्मा दस वर्षों से नगर की खबरें लिख रही हैं और पहले एक साप्ताहिक"
        " पत्रिका में काम कर चुकी हैं। ...और पढ़ें"
    )
    assert strip(f"{P1}\n{P2}{box}") == f"{P1}\n{P2}"


def test_a_sentence_about_an_author_in_the_article_stays() -> None:
    text = f"लेखक के बारे में लोग बहुत कम जानते हैं, पर उनकी किताबें खूब पढ़ी जाती हैं।\n{P2}"
    assert strip(text) == text


def test_an_unlabelled_biography_at_the_end_goes() -> None:
    bio = "\nराधा शर्मा डिजिटल मीडिया में बतौर सीनियर रिपोर्टर कार्यरत हैं। पत्रकारिता में उन्हें दस साल का अनुभव है।"
    assert strip(f"{P1}\n{P2}{bio}\nRead More") == f"{P1}\n{P2}"


# -- captions, promotions, disclaimers, credits, kickers ----------------------------------------------------------
def test_captions() -> None:
    ending_in_credit = "मरम्मत करती टीम। फोटो- नगर निगम"
    assert strip(f"{P1}\n{ending_in_credit}\n{P2}") == f"{P1}\n{P2}"
    gallery = "पुराने शहर की सड़क\n2/5"
    assert strip(f"{P1}\n{gallery}\n{P2}") == f"{P1}\n{P2}"
    twice = "नगर निगम की टीम सड़क की मरम्मत करती हुई"
    assert strip(f"{P1}\n{twice}\n{twice}\n{P2}") == f"{P1}\n{P2}"


def test_a_paragraph_ending_in_a_photo_credit_keeps_its_sentences() -> None:
    text = f"पटना। {P1} (फोटो: नगर निगम)\n{P2}"
    assert strip(text) == f"पटना। {P1}\n{P2}"


def test_a_refrain_repeated_in_other_paragraphs_stays() -> None:
    refrain = "सड़कें सबकी हैं, सबको संभालनी हैं।"
    text = f"{P1}\n{refrain}\n{P2}\n{refrain}\n{P3}"
    assert strip(text) == text


def test_the_closing_promotion_goes_but_an_article_about_news_stays() -> None:
    promo = "\nशहर की ताजा खबरें और वीडियो सबसे पहले पढ़ें हमारे ऐप पर। अभी डाउनलोड करें।"
    assert strip(f"{P1}\n{P2}{promo}") == f"{P1}\n{P2}"
    news = "\nताजा खबरों के लिए लोग अब अखबार की जगह मोबाइल पर भरोसा करने लगे हैं।"
    assert strip(f"{P1}\n{P2}{news}") == f"{P1}\n{P2}{news}"


def test_a_paywall_prompt_goes() -> None:
    assert strip(f"{P1}\n{P2}\nप्रीमियम सदस्यता लेकर बिना विज्ञापन पढ़ें, अभी सब्सक्राइब करें") == f"{P1}\n{P2}"


def test_a_disclaimer_label_takes_its_paragraph() -> None:
    notice = "\nDisclaimer\nयह जानकारी सामान्य स्रोतों पर आधारित है, किसी निर्णय से पहले विशेषज्ञ से सलाह लें।"
    assert strip(f"{P1}\n{P2}{notice}") == f"{P1}\n{P2}"


def test_an_agency_sign_off_at_the_end_goes() -> None:
    assert strip(f"{P1}\n{P2}\nभाषा राम श्याम\nसोहन") == f"{P1}\n{P2}"
    # a sentence that begins with the word for language is not a sign-off
    text = f"{P1}\nभाषा बदलने से बात बदल जाती है"
    assert strip(text) == text


def test_a_latin_kicker_goes_but_a_hindi_dateline_stays() -> None:
    assert strip(f"City Roads Update: {P1}\n{P2}") == f"{P1}\n{P2}"
    assert strip(f"पटना, संवाददाता। Road Repair Drive: {P1}\n{P2}") == f"पटना, संवाददाता। {P1}\n{P2}"
    dateline = f"पटना: {P1}\n{P2}"
    assert strip(dateline) == dateline


def test_a_bare_dateline_line_and_a_table_row_stay() -> None:
    text = f"पटना\n{P1}\n16 मार्च\t2713\n19 अप्रैल\t2840\n{P2}"
    assert strip(text) == text


def test_structure_candidates_point_into_the_text() -> None:
    text = f"Home\n{P1}\n›\n{P2}\nGet the app"
    for c in find_structure(text, TITLE):
        assert 0 <= c.start < c.end <= len(text)
        assert c.rule in STRUCTURE_RULES


# -- look-alikes found on real pages (precision) ------------------------------------------------------------
def test_a_latin_dateline_stays_but_a_section_lead_in_goes() -> None:
    dateline = f"New Delhi: {P1}\n{P2}"
    assert strip(dateline) == dateline
    assert strip(f"Patna News: {P1}\n{P2}") == f"{P1}\n{P2}"


def test_the_rows_of_a_weather_table_stay() -> None:
    table = "सोमवार 27.0 37.0\nमंगलवार 26.0 36.0\nबुधवार 25.0 35.0\nवीरवार 24.5 34.0"
    text = f"{P1}\n{table}\n{P2}"
    assert strip(text) == text
    assert sorted(Layout.of(text).table) == [1, 2, 3, 4]


def test_labels_and_values_taking_turns_are_a_table() -> None:
    rows = "\n".join(
        f"{day}\n{hi}/{lo}" for day, hi, lo in [("सोमवार", 39, 25), ("मंगलवार", 38, 24), ("बुधवार", 37, 26)]
    )
    text = f"{P1}\n{rows}\n{P2}"
    assert strip(text) == text


def test_a_latin_line_with_hindi_words_stays() -> None:
    text = f"{P1}\nOrange Alert Explained For Readers: ऑरेंज अलर्ट\n{P2}"
    assert strip(text) == text


def test_an_english_passage_of_three_lines_stays() -> None:
    quote = "The roads will be ready\nbefore the rains arrive\nsaid the city engineer"
    text = f"{P1}\n{quote}\n{P2}"
    assert strip(text) == text


def test_a_how_to_step_that_says_click_the_link_stays() -> None:
    step = "इसके बाद पोर्टल पर दिए गए लिंक पर क्लिक करें और अपना पंजीकरण नंबर भरें।"
    text = f"{P1}\n{step}\n{P2}"
    assert strip(text) == text
    assert strip(f"{P1}\nपूरी खबर के लिए यहां क्लिक करें\n{P2}") == f"{P1}\n{P2}"


def test_a_question_label_with_dekhen_is_not_a_link() -> None:
    text = f"{P1}\nक्या देखें : शहर के पुराने बाजार और घाट\n{P2}"
    assert strip(text) == text


def test_a_page_that_holds_its_article_twice_loses_neither_copy() -> None:
    crosshead = "सड़क मरम्मत का पूरा कार्यक्रम"
    for body in (f"{P1}\n'{crosshead}'\n{P2}", f"{P1}-राम प्रसाद, किसान नेता\n{P2}\n{P3}"):
        text = f"{body}\n{body}"
        assert strip(text, title=None) == text


def test_an_item_of_a_short_list_stays_whatever_rule_matches_it() -> None:
    drinks = "नींबू पानी\nछाछ\nनारियल पानी\nसत्तू का शरबत\nORS"
    text = f"{P1}\n{drinks}\n{P2}"
    assert strip(text) == text
    # a share bar after the article goes whole
    bar = "Facebook\nTwitter\nWhatsApp\nTelegram"
    assert strip(f"{P1}\n{P2}\n{bar}") == f"{P1}\n{P2}"


def test_a_deck_between_paragraphs_stays() -> None:
    deck = "\n\nआवारा पशुओं से परेशान किसान खेतों में रात भर दे रहे पहरा\n\nगांवों में बैठकों का दौर जारी रहा\n\n"
    text = f"{P1}{deck}{P2}"
    assert strip(text) == text


def test_an_english_question_heading_its_answer_stays() -> None:
    text = f"{P1}\nWill the roads be ready before the rains?\n{P2}"
    assert strip(text) == text


def test_a_dated_heading_of_a_forecast_list_stays_but_a_page_stamp_goes() -> None:
    text = f"{P1}\n04.06.2026\n- पहाड़ी जिलों में हल्की बारिश के आसार\n05.06.2026\n- मैदानी इलाकों में तेज धूप\n{P2}"
    assert strip(text) == text
    assert strip(f"{P1}\n{P2}\n04 जून 2026, 10:30 AM") == f"{P1}\n{P2}"


def test_a_highlight_bullet_shown_twice_keeps_a_copy() -> None:
    bullet = "- सात जिलों में अगले तीन दिन भारी बारिश का नया दौर"
    out = strip(f"{P1}\n{bullet}\n{bullet}\n{P2}")
    assert bullet in out
