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
    "CTA",
    "DAYS",
    "DT_TOKEN",
    "IMP",
    "MONTHS",
    "PLATFORMS",
    "PLATFORM_GATE",
    "SEP",
    "SHARE_GATE",
]

SEP = r"[ \t\u00a0]*[:ः\-–—|]?[ \t\u00a0]*"
AGENCIES = (
    r"भाषा|पीटीआई|पीटीआइ|आईएएनएस|आइएएनएस|एएनआई|एएनआइ|यूएनआई|वार्ता|एजेंसी|एजेंसियां|एजेंसियों|"
    r"ians|pti|ani|uni|afp|reuters|रॉयटर्स|रायटर्स|एएफपी|एपी|ap|bhasha"
)
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
