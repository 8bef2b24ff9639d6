"""Vocabulary shared by the rows of the boilerplate rule table (:mod:`.rules`): separators, agency and platform
names, calls to action, month and day names.

The fragments are plain ``regex`` pattern text (case is handled when a rule is compiled).

>>> import regex
>>> bool(regex.fullmatch(MONTHS, "मार्च")), bool(regex.fullmatch(AGENCIES, "पीटीआई"))
(True, True)
"""

from __future__ import annotations

__all__ = [
    "AGENCIES",
    "AGENCY_WORDS",
    "AUTHOR_LABEL",
    "BIO_CUES",
    "CREDIT_END",
    "CTA",
    "DAYS",
    "DT_TOKEN",
    "FUNCTION_WORDS",
    "IMP",
    "MONTHS",
    "PAYWALL",
    "PLATFORMS",
    "PLATFORM_GATE",
    "PROMO",
    "READ_IMP",
    "READ_MORE",
    "RELATED_LABEL",
    "SEP",
    "SHARE_GATE",
]

SEP = r"[ \t\u00a0]*[:ः\-–—|]?[ \t\u00a0]*"
AGENCIES = (
    r"भाषा|पीटीआई|पीटीआइ|आईएएनएस|आइएएनएस|एएनआई|एएनआइ|यूएनआई|वार्ता|एजेंसी|एजेंसियां|एजेंसियों|"
    r"ians|pti|ani|uni|afp|reuters|रॉयटर्स|रायटर्स|एएफपी|एपी|ap|bhasha"
)
# the agency names one by one (the alternatives of AGENCIES, all plain words)
AGENCY_WORDS = tuple(AGENCIES.split("|"))
PLATFORMS = (
    r"google\s*news|गूगल\s*न्यूज़|facebook|फेसबुक|twitter|ट्विटर|whatsapp|व्हाट्सएप|व्हाट्सऐप|वॉट्सऐप|"
    r"वाट्सएप|telegram|टेलीग्राम|टेलिग्राम|youtube|यूट्यूब|यू-ट्यूब|instagram|इंस्टाग्राम|koo|sharechat|"
    r"dailyhunt|linkedin|लिंक्डइन|x\.com|newsletter|न्यूज़लेटर|न्यूजलेटर"
)
PLATFORM_GATE = (
    "google", "गूगल", "facebook", "फेसबुक", "twitter", "ट्विटर", "whatsapp", "व्हाट्स", "वॉट्स", "वाट्स",
    "telegram", "टेली", "टेलि", "youtube", "यूट्यूब", "यू-ट्यूब", "instagram", "इंस्टा", "koo", "sharechat",
    "dailyhunt", "linkedin", "लिंक्ड", "x.com", "newsletter", "न्यूज़लेटर", "न्यूजलेटर",
)  # fmt: skip
SHARE_GATE = (
    "twitter", "facebook", "whatsapp", "mail", "share", "print", "copy", "koo", "reddit", "messenger", "tweet",
    "telegram", "linkedin", "pinterest", "फेसबुक", "ट्विटर", "व्हाट्सएप", "ईमेल", "शेयर",
)  # fmt: skip
IMP = r"\s+(?:करें|करे|कीजिए|कीजिये|करिए|करिये)"
CTA = (
    rf"follow\s+us|like\s+us|subscribe|join\s+(?:us|our)|फॉलो{IMP}|लाइक{IMP}|सब्सक्राइब{IMP}|ज्वाइन{IMP}|"
    rf"जॉइन{IMP}|जुड़ें|जुड़िए|जुड़े\s+रहें|क्लिक{IMP}|click\s+here|डाउनलोड{IMP}|"
    r"download\s+(?:the|our|now)"
)
MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|जनवरी|फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|"
    r"अक्टूबर|अक्तूबर|नवंबर|नवम्बर|दिसंबर|दिसम्बर"
)
DAYS = r"mon|tue|wed|thu|fri|sat|sun|सोमवार|मंगलवार|बुधवार|गुरुवार|बृहस्पतिवार|शुक्रवार|शनिवार|रविवार"
DT_TOKEN = rf"(?>{MONTHS}|{DAYS}|day|am|pm|ist|gmt|utc|updated|published|posted|अपडेटेड|प्रकाशित|\d++)"

# -- page structure (:mod:`.structure`) -------------------------------------------------------------------
READ_IMP = r"(?:पढ़ें|पढ़े|पढ़िए|पढ़िये|पढ़ियें|देखें|देखिए|देखिये)"
RELATED_LABEL = (
    # "read this too": a link to one other story follows (on the same line or the next)
    rf"(?:यह|ये|इसे|इन्हें|इन्हे|इसको)(?:[ \t\u00a0]+[\p{{L}}\p{{M}}]+){{0,2}}?[ \t\u00a0]+भी[ \t\u00a0]+{READ_IMP}"
    r"|(?:also|read)[ \t]+(?:read|also)"
    # a list of other stories: "more news", "related news", "top headlines"
    r"|(?:खबरें|ख़बरें)[ \t]+और[ \t]+भी|और[ \t]+भी[ \t]+(?:खबरें|ख़बरें)"
    r"|(?:सम्बंधित|संबंधित|सम्बन्धित|संबन्धित)[ \t]+(?:ख़बरें|खबरें|खबर|ख़बर|लेख|समाचार|स्टोरी)"
    r"|(?:टॉप|ताजा|ताज़ा|लेटेस्ट|ट्रेंडिंग|बड़ी|प्रमुख|अन्य)[ \t]+(?:हेडलाइंस|हेडलाइन्स|खबरें|ख़बरें|न्यूज़|न्यूज|स्टोरीज)"
    r"|(?:related|more|top|latest|trending)[ \t]+(?:news|stories|articles|posts|headlines|videos)"
)
"""Labels that head a related-story link or list (the label alone on its line)."""
READ_MORE = (
    r"(?:पढ़ें[ \t]+पूरी[ \t]+(?:खबर|ख़बर|स्टोरी)|पूरी[ \t]+(?:खबर|ख़बर|स्टोरी)[ \t]+(?:यहां[ \t]+|यहाँ[ \t]+)?पढ़ें"
    r"|read[ \t]+(?:the[ \t]+)?(?:full|more)(?:[ \t]+(?:story|article|news))?)"
)
"""A teaser's closing prompt (``...पूरी खबर पढ़ें``): the paragraph before it is another story's summary."""
AUTHOR_LABEL = r"(?:लेखक|लेखिका)[ \t]+(?:के|की)[ \t]+बारे[ \t]+में|(?:लेखक|लेखिका)[ \t]+परिचय|about[ \t]+the[ \t]+(?:author|writer)"
"""Labels of an author box (the author's name and biography follow)."""
FUNCTION_WORDS = frozenset((
    "का", "की", "के", "को", "में", "से", "ने", "पर", "और", "या", "भी", "तो", "ही", "है", "हैं", "था",
    "थी", "थे", "हो", "होगा", "होगी", "होंगे", "कि", "जो", "यह", "ये", "वह", "वे", "इस", "उस", "इन",
    "उन", "एक", "कर", "करें", "करने", "किया", "किए", "गया", "गई", "गए", "रहा", "रही", "रहे", "लिए",
    "साथ", "बाद", "तक", "अब", "जब", "तब", "कैसे", "क्या", "क्यों", "कहां", "कौन", "कुछ", "सभी", "बहुत",
    "नहीं", "ना", "न", "हुआ", "हुई", "हुए", "जा", "जाएगा", "जाएगी", "सकता", "सकती", "सकते", "वाले",
    "वाली", "वाला", "अपने", "अपनी", "अपना",
))  # fmt: skip
"""Hindi function words: they carry no topic, so they do not count when two passages are compared for it."""
CREDIT_END = (
    r"(?:(?:फोटो|फ़ोटो|photo|pic|image|तस्वीर|चित्र)(?:[ \t]+(?:credits?|क्रेडिट|साभार|सौजन्य|source|स्रोत))?[ \t]*[:ः\-–—]"
    r"[ \t]*[^\n।]{1,40}?|[\p{L}\p{M}]+[ \t]+(?:फाइल|फ़ाइल)[ \t]+(?:फोटो|फ़ोटो|तस्वीर)|(?:ai|एआई)[ \t\-]*(?:जनरेटेड|जेनरेटेड|"
    r"generated)(?:[ \t]+(?:फोटो|फ़ोटो|photo|image|तस्वीर|इमेज))?|[(\[][^()\[\]\n]{0,20}(?:photo|pic|image|फोटो|फ़ोटो|"
    r"तस्वीर)[^()\[\]\n]{0,30}[)\]]|[(\[][ \t]*(?:सोर्स|source|स्रोत)[ \t]*[:ः\-–—][^()\[\]\n]{1,30}[)\]]"
    r"|(?:प्रतीकात्मक|सांकेतिक|symbolic|representative|representational)[ \t]+(?:तस्वीर|फोटो|फ़ोटो|चित्र|इमेज|image|photo|"
    r"pic)(?:[ \t]*[(\[][^()\[\]\n]{1,20}[)\]])?)[ \t.।)]*$"
)
"""A photo credit at the end of a line (``फोटो: अमर उजाला``, ``पत्रिका फाइल फोटो``, ``AI जनरेटेड फोटो``,
``(PHOTO: ...)``): a short line that ends in one is a caption."""
PROMO = (
    r"(?:ताजा|ताज़ा|लेटेस्ट|latest|breaking|ब्रेकिंग|बड़ी|सभी|हर)[ \t]+(?:खबर|ख़बर|खबरें|ख़बरें|खबरों|ख़बरों|न्यूज़|न्यूज|news|अपडेट)"
    r"|hindi[ \t]+news|हिंदी[ \t]+(?:न्यूज़|न्यूज|खबरें)"
)
"""What a publisher's closing promotion talks about (its latest news, its app, its channel)."""
PAYWALL = r"सब्सक्राइब|subscribe|प्रीमियम|premium|मेंबरशिप|membership|सदस्यता|ई-पेपर|इ-पेपर|e-paper|एड[ \t]+फ्री|ad[ \t-]free"
"""Subscription and paywall vocabulary (a short line with it is a sales prompt)."""
BIO_CUES = (
    r"पत्रकारिता|पत्रकार|जर्नलिस्ट|journalis[mt]|कंटेंट[ \t]+(?:राइटर|प्रोड्यूसर)|content[ \t]+(?:writer|producer)|"
    r"रिपोर्टर|संवाददाता|(?:सब[ \t-]+)?एडिटर|संपादक|डिजिटल[ \t]+मीडिया|करियर|career|अनुभव|बतौर|कार्यरत|सक्रिय"
)
"""Words of an author's biography ('...डिजिटल मीडिया में बतौर कंटेंट राइटर कार्यरत हैं')."""
