"""The built-in pattern table: one :class:`~newsclean.boilerplate.rules.PatternRule` per row, each with the
reason that goes into its edits (the vocabulary the rows share is in :mod:`.rule_words`).

>>> "boilerplate.also_read" in {r.id for r in default_rules()}
True
"""

from __future__ import annotations

from functools import lru_cache

from .rule_words import (
    AGENCIES,
    AGENCY_WORDS,
    CTA,
    DAYS,
    DT_TOKEN,
    IMP,
    MONTHS,
    PLATFORM_GATE,
    PLATFORMS,
    SEP,
    SHARE_GATE,
)
from .rules import PatternRule

__all__ = ["default_rules"]


# the rest of an SEO lead-in, up to its colon (not a speech verb's colon: "मंत्री ने कहा: ...")
_UPTO = r"[^\n:।]{0,120}+(?<!कहा|बताया|पूछा|said|says|asked)(?<!कहा\s|बताया\s|said\s):"

# the words a media label ends with (a video or photos, or a prompt to watch them)
_MEDIA_WORDS: tuple[str, ...] = (
    "वीडियो",
    "video",
    "तस्वीरें",
    "तस्वीर",
    "फोटो",
    "photo",
    "photos",
    "pic",
    "pics",
    "gallery",
)
_MEDIA_WORDS += ("देखें", "देखिए", "देखिये")


@lru_cache(maxsize=1)
def default_rules() -> tuple[PatternRule, ...]:
    """The built-in rule table.

    Returns:
        A tuple of :class:`PatternRule`; extend it or drop rows by id to customise.

    >>> ids = [r.id for r in default_rules()]
    >>> "boilerplate.also_read" in ids and "boilerplate.advert" in ids
    True
    """
    also = r"(?:यह|ये|इसे|इन्हें|इसको|इसको\s+भी|ऐसे\s+ही|इन्हे)\s+भी\s+(?:पढ़ें|पढ़े|पढ़िए|पढ़ियें|देखें|देखिए)"
    rows = [
        PatternRule(
            "boilerplate.also_read",
            rf"(?:{also}|also\s+read|read\s+also|read\s+more|और\s+पढ़ें|आगे\s+पढ़ें|संबंधित\s+(?:खबरें|खबर|लेख))"
            rf"{SEP}",
            "related-article link: marker and linked headline",
            kind="also_read",
            scope="to_eol",
            gate=("पढ़", "देख", "read", "संबंधित"),
        ),
        PatternRule(
            "boilerplate.also_read_bare",
            # a lead word may come first ("जरूर पढ़ें:"), not a question word ("क्या देखें :" labels an item)
            rf"^[ \t]*(?:(?:(?!(?:क्या|कैसे|कब|कहां|कहाँ|क्यों|कौन|किसे|किसको|कितना|कितने)[ \t])[\p{{L}}\p{{M}}]+[ \t]+){{0,2}}"
            rf"(?:पढ़ें|देखें)[ \t\u00a0]*(?:[:ः\-–—|]|>+){SEP}"
            r"|(?:watch|see)(?:[ \t]+(?:the|this|more))?[ \t]+(?:video|photos|pics|gallery)[ \t]*[:ः\-–—|])",
            "related-article link: a short 'पढ़ें:'/'देखें:' marker at a line start (any lead word: 'जरूर पढ़ें:')"
            " and the linked headline",
            kind="also_read",
            scope="to_eol",
            gate=("पढ़", "देख", "watch", "see"),
        ),
        PatternRule(
            "boilerplate.read_full",
            r"(?:पढ़ें\s+पूरी\s+(?:खबर|ख़बर|स्टोरी)|पूरी\s+(?:खबर|ख़बर|स्टोरी)\s+(?:यहां\s+)?पढ़ें|पढ़ें\s+डिटेल\s+में|"
            r"read\s+(?:the\s+)?full\s+(?:story|article|news)|click\s+here\s+to\s+read)[ \t.।|…]*",
            "read-more prompt at a paragraph end",
            kind="meta",
            site="eol",
            gate=("पढ़", "read"),
        ),
        PatternRule(
            "boilerplate.input_credit",
            r"[(\[][ \t\u00a0]*(?:इनपुट|input|inputs|साभार|with\s+inputs?\s+from)[ \t\u00a0]*[:ः\-–—]?"
            r"[^()\[\]\n]{1,60}[)\]][ \t]*[.।]?",
            "input credit in brackets at a paragraph end",
            kind="agency_credit",
            site="eol",
            gate=("इनपुट", "input", "साभार"),
        ),
        PatternRule(
            "boilerplate.agency_credit",
            rf"[(\[][ \t]*(?:समाचार[ \t]+एजेंसी[ \t]+)?(?:{AGENCIES})(?:[ \t]*[,/&][ \t]*[^()\n]{{1,30}}|"
            rf"[ \t\u00a0]+(?:(?:के|की)[ \t\u00a0]+)?(?:इनपुट|इनपुट्स|inputs?)"
            rf"(?:[ \t\u00a0]+(?:के|with)[ \t\u00a0]+(?:साथ|आधार\s+पर))?)?[ \t]*[)\]][ \t]*[.।]?",
            "agency credit in brackets at a paragraph end (a dateline's credit is followed by text and stays)",
            kind="agency_credit",
            site="end",
            gate=("(", "["),
        ),
        PatternRule(
            "boilerplate.agency_input",
            r"(?<![(\[][ \t]{0,3})(?:इनपुट|input|inputs|साभार)[ \t\u00a0]*[:ः\-–—][^\n।]{1,60}$",
            "input credit line",
            kind="agency_credit",
            site="eol",
            gate=("इनपुट", "input", "साभार"),
        ),
        PatternRule(
            "boilerplate.agency_input_phrase",
            rf"(?:{AGENCIES})(?:[ \t\u00a0]*(?:,|/|&|और|and)[ \t\u00a0]*(?:{AGENCIES}))*+[ \t\u00a0]+"
            r"(?:के[ \t\u00a0]+|की[ \t\u00a0]+)?(?:इनपुट्स|इनपुट|inputs?)"
            r"(?:[ \t\u00a0]+(?:के[ \t\u00a0]+)?(?:साथ|आधार[ \t\u00a0]+पर|सहित))?[ \t\u00a0.।]*$",
            "agency input credit ('IANS के इनपुट के साथ') alone at a paragraph end",
            kind="agency_credit",
            site="end",
            gate=("इनपुट", "input"),
        ),
        PatternRule(
            "boilerplate.byline",
            r"^[ \t\u00a0]*(?:(?:edited|written|reported|posted|published|compiled|curated)[ \t\u00a0]+by"
            r"[ \t\u00a0]*[:ः\-–—]?[ \t\u00a0]*[^\s:ः\-–—]"
            r"|(?:रिपोर्ट|रिपोर्टर|रिपोर्टिंग|संवाददाता|लेखक|लेखिका|एडिटर|संपादन|संपादित|संपादक|द्वारा\s+संपादित|द्वारा|"
            r"author|writer|edited|एडिटेड)[ \t\u00a0]*[:ः\-–—|])",
            "byline",
            kind="byline",
            scope="line",
            gate=(
                "by",
                "रिपोर्ट",
                "संवाददाता",
                "लेख",
                "एडिटर",
                "संपाद",
                "द्वारा",
                "author",
                "writer",
                "edited",
                "एडिटेड",
            ),
            max_len=160,
        ),
        PatternRule(
            "boilerplate.byline_by",
            r"^[ \t]*by[ \t]+\p{Lu}\p{L}+(?:[ \t]+\p{Lu}\p{L}+){0,3}[ \t]*(?:\||,|$)",
            "byline",
            kind="byline",
            scope="line",
            gate=("by",),
            max_len=160,
        ),
        PatternRule(
            "boilerplate.update_stamp",
            r"^[ \t]*(?:last\s+updated|updated|published|posted|first\s+published|अपडेटेड|अपडेट|प्रकाशित|"
            r"अंतिम\s+अपडेट|प्रकाशन|पब्लिश्ड|लास्ट\s+अपडेटेड|पोस्टेड)"
            r"(?:[ \t\u00a0]+(?:तिथि|तारीख|दिनांक|समय|date|time|on))?[ \t\u00a0]*"
            rf"(?:on|at|:|ः|-|–|(?=\d|(?:{MONTHS})(?![\p{{L}}\p{{M}}])))",
            "edit/update stamp",
            kind="meta",
            scope="line",
            gate=("updat", "publish", "posted", "अपडेट", "प्रकाश", "पब्लिश", "पोस्टेड"),
            max_len=120,
            require=rf"\d{{1,2}}[:ः.]\d{{2}}|\d{{4}}|{MONTHS}",  # a stamp carries a date or a time
        ),
        PatternRule(
            "boilerplate.date_line",
            rf"^[ \u00a0]*{DT_TOKEN}(?:[ \u00a0,.:ः|/\-]*+{DT_TOKEN}){{2,12}}+[ \u00a0.|…]*$",
            "date/time stamp on a line of its own (a table row of dates and figures, tab-separated or with no year,"
            " weekday or time, stays)",
            kind="meta",
            scope="match",
            # a stamp has a weekday, a time, or a month with a year
            # (a time is "10:30" or "10.30", not the "4.06" of a date "04.06.2026")
            require=rf"{DAYS}|\d[:ः]\d\d|\d\.\d\d(?![.\d])|(?:{MONTHS})[^\n]*?(?<!\d)(?:19|20)\d\d(?!\d)|(?<!\d)(?:19|20)\d\d(?!\d)[^\n]*?(?:{MONTHS})",
        ),
        PatternRule(
            "boilerplate.section_label",
            r"^[ \t]*(?:india|world|national|international|business|sports?|entertainment|tech|health|local|"
            r"state|top|latest|breaking|hindi|city|bollywood|trending)[ \t]+news[ \t|.…]*$",
            "section label",
            kind="meta",
            scope="line",
            gate=("news",),
        ),
        PatternRule(
            "boilerplate.social_prompt",
            PLATFORMS,
            "share/follow/subscribe prompt",
            kind="social",
            scope="sentence",
            gate=PLATFORM_GATE,
            max_len=250,
            require=CTA,
        ),
        PatternRule(
            "boilerplate.share_widget",
            r"^[ \t]*(?:(?>twitter|facebook|whatsapp|email|e-mail|telegram|linkedin|pinterest|share|print|"
            r"copy\s*link|koo|reddit|messenger|tweet|फेसबुक|ट्विटर|व्हाट्सएप|ईमेल|शेयर\s+करें|शेयर)"
            r"[ \t|,/·•:]*+){2,}[.।…]?[ \t]*$",
            "share buttons",
            kind="social",
            scope="line",
            gate=SHARE_GATE,
        ),
        PatternRule(
            "boilerplate.app_download",
            rf"(?:डाउनलोड{IMP}|download|इंस्टॉल{IMP}|install)[^\n।|]{{0,80}}?(?:apps?\b|ऐप|एप|play\s*store|app\s*store)"
            rf"|(?:apps?\b|ऐप|एप)[^\n।|]{{0,40}}?(?:डाउनलोड{IMP}|download\s+(?:now|it|करें))",
            "app-download prompt",
            kind="cta",
            scope="sentence",
            gate=("डाउनलोड", "download", "इंस्टॉल", "install"),
            max_len=300,
        ),
        PatternRule(
            "boilerplate.click_prompt",
            r"(?:यहां|यहाँ|इस\s+लिंक\s+पर)\s+क्लिक\s+(?:करें|कीजिए|करके)|click\s+here",
            "click-here prompt ('click on the link' in a how-to step is the step's, and stays)",
            kind="cta",
            scope="sentence",
            gate=("क्लिक", "click"),
            max_len=200,
        ),
        PatternRule(
            "boilerplate.agency_dash",
            rf"[-–—]{{1,2}}[ \t\u00a0]*(?:{AGENCIES})[ \t.।]*$",
            "agency credit after a dash at a paragraph end",
            kind="agency_credit",
            site="end",
            gate=("-", "–", "—"),
            ends=AGENCY_WORDS,
            ends_after=" \t.।",
        ),
        PatternRule(
            "boilerplate.stay_tuned",
            r"(?:बने|जुड़े)\s+रहें\s+(?:हमारे|हमसे|हमारी)|हमारे\s+साथ\s+(?:बने|जुड़े)\s+रहें|stay\s+tuned|"
            r"हर\s+(?:खबर|ख़बर)\s+से\s+अपडेट|latest\s+news\s+in\s+hindi|(?:ताज़ा|ताजा)\s+(?:खबरों|ख़बरों|अपडेट)\s+के\s+लिए|"
            r"(?:live\s+updates?|लाइव\s+अपडेट्स?|अपडेट्स)\s+(?:के\s+लिए|पढ़ने\s+के\s+लिए)\s+(?:बने|जुड़े)\s+रह|"
            r"(?:पेज|page)\s+(?:को\s+)?(?:रिफ्रेश|refresh)",
            "stay-tuned prompt (a live blog's 'stay with us', 'refresh the page')",
            kind="cta",
            scope="sentence",
            gate=(
                "बने",
                "जुड़े",
                "जुड़े",
                "stay",
                "हर खबर",
                "हर ख़बर",
                "latest news",
                "ताजा",
                "ताज़ा",
                "रिफ्रेश",
                "refresh",
            ),
            require=(  # a call to action
                r"रहें|रहिए|जुड़े\s+रहे|करें|कीजिए|करते\s+रहिए|पढ़ें|देखें|stay|follow|subscribe|download|refresh"
            ),
        ),
        PatternRule(
            "boilerplate.advert",
            r"^[ \t|]*(?:विज्\u200d?ञापन|advertisement|advertisment|sponsored|प्रायोजित|स्पॉन्सर्ड|ads\s+by\s+\w+|"
            r"(?:story\s+continues|continue\s+reading|article\s+continues)\s+below(?:\s+(?:this\s+)?(?:advertisement|ad))?|"
            r"scroll\s+(?:down\s+)?to\s+continue(?:\s+reading)?|"
            r"विज्\u200d?ञापन\s+(?:हटाएं|हटाएँ|रहित)(?:[ \t]+[\p{L}\p{M}]+){0,4})[ \t|।:.\-…]*$",
            "advertisement label",
            kind="advert",
            scope="line",
            gate=("ञापन", "advert", "sponsored", "प्रायोजित", "स्पॉन्सर्ड", "ads", "below", "scroll"),
        ),
        PatternRule(
            "boilerplate.advert_inline",
            r"(?<=[।.!?|][\"'”’]?[ \t\u00a0]{0,3})(?:advertisement|advertisment|sponsored)(?=[ \t\u00a0]*\S)",
            "English advertisement label between two sentences of Hindi prose",
            kind="advert",
            gate=("advert", "sponsored"),
        ),
        PatternRule(
            "boilerplate.disclaimer",
            r"^[ \t]*[(\[]?(?:डिस्क्लेमर|disclaimer|अस्वीकरण|अस्वीकृति)[ \t\u00a0]*[:ः\-–—]",
            "disclaimer",
            kind="disclaimer",
            scope="line",
            gate=("डिस्क्लेमर", "disclaimer", "अस्वीकर", "अस्वीकृ"),
            max_len=700,
            sentences=True,
        ),
        PatternRule(
            "boilerplate.views_disclaimer",
            r"लेखक\s+के\s+(?:अपने|निजी|व्यक्तिगत)(?:\s+विचार)?\s+(?:हैं|है)|जानकारी\s+(?:सामान्य|केवल)\s+(?:स्रोतों|मान्यताओं)",
            "opinion/information disclaimer (with the sentences that follow it on its line)",
            kind="disclaimer",
            scope="line",
            gate=("लेखक", "जानकारी"),
            max_len=700,
            sentences=True,
        ),
        PatternRule(
            "boilerplate.author_note",
            r"^[ \t]*[(\[][ \t]*(?:(?:लेखक|लेखिका)(?![ \t]+(?:ने|को|से|की|का|के)(?![\p{L}\p{M}]))[ \t]+"
            r"[^()\[\]\n]{3,160}?(?:हैं|है)|the[ \t]+(?:author|writer)[ \t]+is[ \t][^()\[\]\n]{3,160})"
            r"[ \t.।]*[)\]][ \t.।]*$",
            "a note on the author in brackets on a line of its own",
            kind="byline",
            scope="line",
            gate=("लेख", "author", "writer"),
        ),
        PatternRule(
            "boilerplate.photo_credit",
            r"(?:^[ \t]*(?:[-–—|][ \t\u00a0]*)?|[ \t\u00a0][-–—|][ \t\u00a0]*|[(\[])(?:फोटो|फ़ोटो|photo|तस्वीर|चित्र|image|pic|"
            r"फोटो\s+साभार|फोटो\s+क्रेडिट|(?:photo|pic|image)\s+credits?|image\s+source|सौजन्य|फोटो\s+सौजन्य|courtesy|"
            r"photo\s+courtesy|सांकेतिक\s+(?:तस्वीर|फोटो|चित्र))"
            r"[ \t\u00a0]*[:ः\-–—][^\n।]{1,60}$",
            "photo credit or caption",
            kind="caption",
            scope="line",
            gate=("फोटो", "फ़ोटो", "photo", "तस्वीर", "चित्र", "image", "pic", "सौजन्य", "courtesy"),
            max_len=200,
        ),
        PatternRule(
            "boilerplate.photo_label",
            r"^[ \t]*[(\[]?[ \t]*(?:फाइल\s+फोटो|फ़ाइल\s+फ़ोटो|file\s+photo|सांकेतिक\s+(?:तस्वीर|फोटो|चित्र)|"
            r"representative\s+image|symbolic\s+image|प्रतीकात्मक\s+(?:तस्वीर|फोटो|चित्र|इमेज))[ \t]*[)\]]?"
            r"(?:[ \t]*[(\[][^()\[\]\n]{1,30}[)\]])?[ \t.]*$",
            "photo label",
            kind="caption",
            scope="line",
            gate=("फाइल", "फ़ाइल", "file", "सांकेतिक", "image", "प्रतीकात्मक"),
        ),
        PatternRule(
            "boilerplate.credit_initials",
            r"^[ \t]*\p{Lu}{2,4}[ \t]*[.।|…]?[ \t]*$",
            "initials of a photo/desk credit on a line of their own",
            kind="caption",
            scope="line",
        ),
        PatternRule(
            "boilerplate.share_label",
            r"^[ \t\-–—•|]*(?:कॉपी\s+लिंक|लिंक\s+कॉपी(?:\s+करें)?|copy\s+link|link\s+copied|शेयर\s+करें|share\s+this"
            r"(?:\s+(?:article|story|post))?)[ \t.!|]*$",
            "a share or copy-link button's label on a line of its own",
            kind="social",
            scope="line",
            gate=("कॉपी", "copy", "link", "शेयर", "share"),
        ),
        PatternRule(
            "boilerplate.media_label",
            r"(?:\d+[ \t]+)?(?:(?:यहां|यहाँ|नीचे)[ \t]+)?(?:(?:देखें|देखिए|देखिये|watch|see)[ \t]+(?:the[ \t]+)?"
            r"(?:वीडियो|video|तस्वीरें|तस्वीर|फोटो|photos?|pics?|gallery)|(?:वीडियो|video|तस्वीरें|तस्वीर|फोटो|photos?)"
            r"[ \t]+(?:देखें|देखिए|देखिये))[ \t:ः\-–—.!|]*$",
            "a label pointing at a video or a photo gallery (at a paragraph end or on a line of its own)",
            kind="meta",
            site="end",
            gate=("देख", "watch", "see", "वीडियो", "video"),
            ends=_MEDIA_WORDS,
            ends_after=" \t:ः-–—.!|",
        ),
        PatternRule(
            "boilerplate.relative_time",
            # the digit first (a fast scan), at a line's start or glued to the place name before it
            # ("चंडीगढ़3 दिन पहले"), within 30 characters of the line's start, and nothing after it on the line
            r"(?<=^[ \t]*|[\p{L}\p{M}])\d(?<![^\n]{32})\d?[ \t]*(?:मिनट|घंटे|घंटा|दिन|सप्ताह|हफ्ते|महीने)[ \t]+पहले[ \t]*$|"
            r"(?<=^[ \t]*|[\p{L}\p{M}])\d(?<![^\n]{32})\d?[ \t]*(?:minutes?|mins?|hours?|hrs?|days?|weeks?)[ \t]+ago"
            r"[ \t]*$",
            "a page's relative time stamp ('3 दिन पहले') alone on its line or glued after the place name, which stays",
            kind="meta",
            gate=("दिन पहले", "घंटे पहले", "घंटा पहले", "मिनट पहले", "सप्ताह पहले", "हफ्ते पहले", "महीने पहले", "ago"),
        ),
        PatternRule(
            "boilerplate.widget_label",
            r"^[ \t\-–—•|*]*(?:हाइलाइट्स|हाईलाइट्स|हाइलाइट|highlights?|(?:\d+[ \t]+)?(?:मुख्य|बड़ी|अहम|खास)[ \t]+"
            r"(?:बातें|बिंदु|पॉइंट्स)|जानिए[ \t]+(?:मुख्य|बड़ी|अहम)[ \t]+बातें(?:[ \t]+[\p{L}\p{M}]+){0,8}|सार|विस्तार|"
            r"अक्सर[ \t]+पूछे[ \t]+जाने[ \t]+वाले[ \t]+(?:प्रश्न|सवाल)|faqs?|frequently[ \t]+asked[ \t]+questions|"
            r"ट्रेंडिंग(?:[ \t]+(?:न्यूज़|न्यूज|खबरें|ख़बरें|वीडियो|फोटो|स्टोरी))?|trending(?:[ \t]+(?:now|photos|videos|news|"
            r"stories|topics))?|(?:(?:[\p{L}\p{M}]+[ \t]+){0,2}(?:लाइव|live)[ \t]+(?:अपडेट्स|अपडेट|updates?|ब्लॉग|blog)|"
            r"(?:[\p{L}\p{M}]+[ \t]+){0,2}(?:समाचार|खास|ताजा|ताज़ा)[ \t]+(?:अपडेट्स|अपडेट))|टॉपिक्स|topics|टैग्स|tags|"
            r"समय[ \t]+कम[ \t]+है\?|next[ \t]+article|previous[ \t]+article|main[ \t]+menu|मेन्यू|view[ \t]+all|"
            r"और[ \t]+पढ़ें|और[ \t]+देखें|read[ \t]+more|see[ \t]+more|समाप्त|end[ \t]+of[ \t]+(?:article|story)|"
            r"(?:last[ \t]+)?(?:updated|published|posted)(?:[ \t]+(?:on|at))?[ \t]*[:ः])"
            r"[ \t:ः\-–—.|*!]*$",
            "the label of a page widget (highlights box, FAQ, trending list, live-blog heading, more link, end mark)"
            " on a line of its own",
            kind="meta",
            scope="line",
            max_len=80,
        ),
        PatternRule(
            "boilerplate.live_label",
            r"(?:(?:[\p{L}\p{M}]+[ \t]+){0,3}(?:लाइव|live)[ \t]+(?:अपडेट्स|अपडेट|updates?))[ \t:ः]*$",
            "a live-blog label at the end of a paragraph",
            kind="meta",
            site="end",
            gate=("लाइव", "live"),
            ends=("अपडेट्स", "अपडेट", "update", "updates"),
            ends_after=" \t:ः",
        ),
        PatternRule(
            "boilerplate.read_more_toggle",
            r"[ \t\u00a0]*(?:\.{2,}|…)[ \t\u00a0]*(?:और[ \t]+पढ़ें|read[ \t]+more)[ \t.]*$",
            "the toggle of a truncated summary ('...और पढ़ें') at its end",
            kind="meta",
            gate=("पढ़", "read"),
        ),
        PatternRule(
            "boilerplate.reporter_credit",
            r"(?<=^[ \t]*|[।.!?,][ \t]*)[(\[]?[ \t]*(?:[\p{L}\p{M}]+[ \t]+){1,3}से[ \t]+(?:[\p{L}\p{M}]+[ \t]+){1,3}की"
            r"[ \t]+(?:खास[ \t]+|विशेष[ \t]+)?(?:रिपोर्ट|report)[ \t]*[)\]]?[ \t.।]*$",
            "reporter credit ('पटना से राम कुमार की रिपोर्ट') at a paragraph end",
            kind="byline",
            gate=("रिपोर्ट", "report"),
            ends=("रिपोर्ट", "report"),
            ends_after=" \t.।)]",
        ),
        PatternRule(
            "boilerplate.desk_byline",
            r"^[ \t]*(?:न्यूज़|न्यूज|news|डिजिटल|digital|वेब|web)[ \t]+(?:डेस्क|desk)[ \t]*,[^\n।]{1,80}$",
            "desk byline ('न्यूज डेस्क, <publisher>, <city>') on a line of its own",
            kind="byline",
            scope="line",
            gate=("डेस्क", "desk"),
        ),
        PatternRule(
            "boilerplate.agency_desk",
            r"^[ \t]*(?:[\p{L}\p{M}]+[ \t]+){0,2}(?:न्यूज़|न्यूज|समाचार|news)[ \t]+(?:एजेंसी|एजेन्सी|agency)[ \t]*,"
            r"[ \t]*[\p{L}\p{M}][\p{L}\p{M} .]{1,40}$",
            "a news agency's desk credit with its city ('संवाद न्यूज एजेंसी, पानीपत') on a line of its own",
            kind="byline",
            scope="line",
            gate=("एजेंसी", "एजेन्सी", "agency"),
        ),
        PatternRule(
            "boilerplate.embed_chrome",
            r"pic\.twitter\.com/\w+|^[ \t]*[—–\-]{1,2}[ \t]*[^\n()]{1,60}\(@\w{1,30}\)"
            r"(?:[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},[ \t]*\d{4})?[ \t]*$",
            "an embedded post's chrome: its picture link or its signature line ('— Name (@handle) July 2, 2026')",
            kind="social",
            gate=("pic.twitter", "(@"),
        ),
        PatternRule(
            "boilerplate.comment_count",
            r"^[ \t]*(?:(?:टिप्पणी|टिप्पणियां|टिप्पणियाँ|कमेंट|कमेंट्स|comments?)[ \t]*[(\[]?[ \t]*\d{1,5}[ \t]*[)\]]?"
            r"|[×✕✖]|X)[ \t]*$",
            "a comment counter ('टिप्पणी (0)') or a close button ('X', '×') on a line of its own",
            kind="social",
            scope="line",
        ),
        PatternRule(
            "boilerplate.autofeed_note",
            r"(?:(?:यह|ये|इस)[ \t]+(?:खबर|ख़बर|समाचार|लेख|स्टोरी)[^\n।]{0,60}(?:ऑटो|auto)[ \t\-–]*(?:फीड|फ़ीड|feed)"
            r"|\(?(?:this|the)\s+(?:story|article)\s+(?:has|have)\s+not\s+been\s+edited\s+by\s+[^\n.]{1,40}\s+staff"
            r"|(?:auto-generated|published)\s+from\s+a\s+syndicated\s+(?:news\s+)?feed)[^\n]{0,200}$",
            "a note that the story came unedited from an agency's feed (to its line's end)",
            kind="disclaimer",
            site="end",
            gate=("ऑटो", "auto", "syndicated", "edited"),
        ),
        PatternRule(
            "boilerplate.seo_prefix",
            r"\A[\s]*+(?:(?:(?:breaking\s+news|latest\s+news|big\s+news|ब्रेकिंग\s+न्यूज़|बड़ी\s+खबर|ताजा\s+खबर)"
            rf"(?![\p{{L}}\p{{M}}])[ \t]*[:\-–—|]?{_UPTO}|(?:breaking|exclusive|ब्रेकिंग|एक्सक्लूसिव)[ \t]*"
            rf"(?:[:\-–—|]{_UPTO}|[:\-–—|]))|"
            r"(?:[A-Za-z][A-Za-z0-9 .&'/\-]{0,30}+,[ \t]*){2,12}+"
            r"[A-Za-z][A-Za-z0-9 .&'/\-]{0,30}+:)",
            "SEO keyword lead-in before the first sentence",
            kind="seo_prefix",
            site="start",
        ),
    ]
    return tuple(rows)
