"""A generator of realistic Hindi news articles for the end-to-end benchmark (hand-written phrase tables).

Each article has the seed's shape (headline, standfirst, body) and what real pages carry: a dateline, the
headline pasted into the first paragraph, "यह भी पढ़ें" links, agency credits, follow prompts, crossheads,
and dirty characters (NBSP, ZWSP, soft hyphens, ``|`` typed for the danda). A share of the corpus is
syndicated copies with small edits and exact reposts, so dedup has work to do. Deterministic for a seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

CITIES = [
    "रायपुर",
    "भोपाल",
    "लखनऊ",
    "पटना",
    "जयपुर",
    "नई दिल्ली",
    "इंदौर",
    "वाराणसी",
    "रांची",
    "देहरादून",
    "बिलासपुर",
    "ग्वालियर",
    "कानपुर",
    "आगरा",
    "जोधपुर",
    "उदयपुर",
    "गया",
    "धनबाद",
    "शिमला",
    "नागपुर",
]
PEOPLE = [
    "मुख्यमंत्री",
    "जिला कलेक्टर",
    "पुलिस अधीक्षक",
    "नगर निगम आयुक्त",
    "शिक्षा मंत्री",
    "स्वास्थ्य मंत्री",
    "विधायक",
    "सांसद",
    "महापौर",
    "कृषि मंत्री",
    "परिवहन मंत्री",
    "मुख्य सचिव",
    "पंचायत अध्यक्ष",
]
TOPICS = [
    ("सड़क", "निर्माण"),
    ("अस्पताल", "उन्नयन"),
    ("स्कूल", "मरम्मत"),
    ("पुल", "निर्माण"),
    ("बिजली", "आपूर्ति"),
    ("पेयजल", "योजना"),
    ("मंडी", "व्यवस्था"),
    ("बस", "सेवा"),
    ("पार्क", "विकास"),
    ("नाली", "सफाई"),
    ("रेल", "परियोजना"),
    ("हवाई अड्डा", "विस्तार"),
    ("कॉलेज", "भवन"),
    ("खेल", "परिसर"),
    ("बाजार", "अतिक्रमण"),
]
VERBS = [
    "का निरीक्षण किया",
    "की समीक्षा की",
    "का शिलान्यास किया",
    "का लोकार्पण किया",
    "पर बैठक ली",
    "के लिए निर्देश दिए",
    "की घोषणा की",
    "पर नाराजगी जताई",
    "की प्रगति जानी",
    "पर चर्चा की",
]
DAYS = ["सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार", "रविवार"]
MONTHS = ["जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"]
CLAUSES = [
    "उन्होंने अधिकारियों को काम समय पर पूरा करने के निर्देश दिए",
    "इस दौरान स्थानीय लोगों ने अपनी समस्याएं भी रखीं",
    "अधिकारियों ने बताया कि काम तेजी से चल रहा है",
    "लोगों ने इस फैसले का स्वागत किया",
    "विपक्ष ने योजना में देरी पर सवाल उठाए",
    "इस परियोजना पर करीब {n} करोड़ रुपये खर्च होंगे",
    "काम {m} महीने में पूरा करने का लक्ष्य रखा गया है",
    "बैठक में {k} विभागों के अधिकारी मौजूद रहे",
    "ठेकेदार को गुणवत्ता से समझौता न करने की चेतावनी दी गई",
    "क्षेत्र के {n} गांवों को इसका सीधा लाभ मिलेगा",
    "नागरिकों ने सफाई व्यवस्था पर भी ध्यान देने की मांग की",
    "प्रशासन ने शिकायतों के लिए हेल्पलाइन नंबर जारी किया",
    "पिछले साल भी इसी मुद्दे पर आंदोलन हुआ था",
    "अगली बैठक {d} {mo} को होगी",
    "मौके पर मौजूद इंजीनियरों ने नक्शे के बारे में जानकारी दी",
    "व्यापारियों ने यातायात व्यवस्था सुधारने की मांग रखी",
    "महिलाओं ने सुरक्षा के लिए अधिक रोशनी की जरूरत बताई",
    "युवाओं ने रोजगार के नए अवसरों की उम्मीद जताई",
    "किसानों ने सिंचाई के पानी की कमी का मुद्दा उठाया",
    "विशेषज्ञों का कहना है कि इससे प्रदूषण में कमी आएगी",
]
CROSSHEADS = [
    "लोगों को मिलेगी राहत",
    "अधिकारियों को सख्त निर्देश",
    "क्या है पूरा मामला",
    "आगे की योजना",
    "विपक्ष का आरोप",
    "समय सीमा तय",
    "बजट में प्रावधान",
    "स्थानीय लोगों की राय",
]
PROMPTS = [
    "हमारे व्हाट्सऐप चैनल से जुड़ें और ताज़ा खबरें पाएं।",
    "ताजा खबरों के लिए हमें फेसबुक और एक्स पर फॉलो करें।",
    "देश-दुनिया की बड़ी खबरें पढ़ने के लिए ऐप डाउनलोड करें।",
]
CREDITS = ["(भाषा)", "(एजेंसी)", "(IANS)", "इनपुट: एजेंसी"]


@dataclass(frozen=True)
class Article:
    """One generated article."""

    id: str
    publisher: str
    title: str
    standfirst: str
    text: str


FIRST = [
    "राजेश",
    "सुनीता",
    "अमित",
    "प्रिया",
    "विनोद",
    "कविता",
    "संजय",
    "नेहा",
    "रमेश",
    "पूजा",
    "अनिल",
    "मीना",
    "दिनेश",
    "रेखा",
    "सुरेश",
    "आरती",
    "मनोज",
    "सीमा",
    "अजय",
    "ममता",
    "विकास",
    "अंजलि",
    "राकेश",
    "शालिनी",
]
LAST = [
    "शर्मा",
    "वर्मा",
    "सिंह",
    "यादव",
    "गुप्ता",
    "मिश्रा",
    "तिवारी",
    "पांडेय",
    "चौहान",
    "साहू",
    "पटेल",
    "जोशी",
    "दुबे",
    "ठाकुर",
    "मेहता",
    "श्रीवास्तव",
    "त्रिपाठी",
    "कुशवाहा",
    "नायक",
    "बघेल",
]
AREAS = [
    "सदर बाजार",
    "रेलवे कॉलोनी",
    "गांधी नगर",
    "शांति नगर",
    "नेहरू चौक",
    "पुराना बस स्टैंड",
    "औद्योगिक क्षेत्र",
    "विश्वविद्यालय परिसर",
    "जिला अस्पताल",
    "कलेक्ट्रेट",
    "नया बाजार",
    "स्टेशन रोड",
    "तहसील कार्यालय",
    "कृषि उपज मंडी",
    "नगर पालिका भवन",
    "सिविल लाइंस",
    "राम नगर",
    "इंदिरा कॉलोनी",
    "हाउसिंग बोर्ड",
    "ग्रामीण क्षेत्र",
]
OBJECTS = [
    "पानी की टंकी",
    "सामुदायिक भवन",
    "आंगनबाड़ी केंद्र",
    "सीसी रोड",
    "ओवरब्रिज",
    "सब्जी मंडी",
    "पुस्तकालय",
    "खेल मैदान",
    "सोलर पंप",
    "नहर",
    "तालाब",
    "गौशाला",
    "बस डिपो",
    "ट्रांसफॉर्मर",
    "छात्रावास",
    "प्रतीक्षालय",
    "डिस्पेंसरी",
    "कचरा संयंत्र",
    "सिग्नल",
    "फुटपाथ",
    "शौचालय",
    "स्ट्रीट लाइट",
    "नाला",
    "पाइपलाइन",
]
ACTIONS = [
    "का काम अधूरा पड़ा है",
    "की मरम्मत की मांग उठी",
    "का निर्माण शुरू हुआ",
    "के लिए बजट मंजूर हुआ",
    "की जांच के आदेश दिए गए",
    "में अनियमितता की शिकायत मिली",
    "का टेंडर जारी किया गया",
    "पर स्थानीय लोगों ने आपत्ति जताई",
    "को जल्द चालू करने का भरोसा दिया गया",
    "की हालत खराब बताई गई",
    "के लिए जमीन चिह्नित की गई",
    "का सर्वे पूरा हो गया",
    "के उद्घाटन की तैयारी चल रही है",
    "पर काम धीमा होने से लोग परेशान हैं",
    "के लिए नई समय सीमा तय की गई",
]


NOUNS = """
सरकार प्रशासन पुलिस अदालत विभाग योजना परियोजना बजट किसान मजदूर छात्र शिक्षक डॉक्टर मरीज अस्पताल
स्कूल कॉलेज विश्वविद्यालय परीक्षा परिणाम नौकरी भर्ती आवेदन सड़क पुल रेल स्टेशन बस टिकट किराया बिजली
पानी नहर बांध बारिश बाढ़ सूखा फसल गेहूं धान सोयाबीन कपास मंडी दाम बाजार व्यापारी दुकान उद्योग
कारखाना निवेश कंपनी बैंक कर्ज ब्याज महंगाई पेट्रोल गैस सिलेंडर राशन पेंशन भत्ता वेतन हड़ताल आंदोलन
धरना ज्ञापन चुनाव मतदान उम्मीदवार पार्टी गठबंधन विधानसभा संसद मंत्री विधायक पार्षद सरपंच पंचायत नगर
वार्ड मोहल्ला गांव जिला तहसील थाना अपराध चोरी हादसा दुर्घटना आग जांच गिरफ्तारी जमानत मुकदमा फैसला
सुनवाई गवाह सबूत कानून नियम आदेश निर्देश बैठक समिति रिपोर्ट सर्वे आंकड़े जनगणना आबादी मकान जमीन
रजिस्ट्री अतिक्रमण मुआवजा टीका दवा इलाज ऑपरेशन एंबुलेंस संक्रमण बुखार मौसम तापमान ठंड गर्मी कोहरा
प्रदूषण पेड़ जंगल वन्यजीव बाघ हाथी नदी घाट मंदिर मेला त्योहार उत्सव खेल मैच टीम खिलाड़ी कप्तान पदक
प्रतियोगिता फिल्म कलाकार संगीत किताब लेखक पत्रकार अखबार मोबाइल इंटरनेट ऐप डिजिटल साइबर ठगी खाता
लेनदेन सब्सिडी अनुदान प्रमाणपत्र
""".split()  # noqa: SIM905 - a word table reads best as text
ADJS = """
नया पुराना बड़ा छोटा भारी जरूरी खराब बेहतर सरकारी निजी स्थानीय ग्रामीण शहरी राष्ट्रीय प्रमुख विशेष
अस्थायी स्थायी गंभीर सामान्य तेज धीमा महंगा सस्ता लंबा अधूरा पूरा
""".split()  # noqa: SIM905 - a word table reads best as text
VERBS2 = [
    "शुरू हुआ",
    "शुरू किया",
    "बंद कर दिया",
    "पूरा किया",
    "रोक दिया",
    "मंजूर किया",
    "खारिज कर दिया",
    "जारी किया",
    "बढ़ा दिया",
    "घटा दिया",
    "तय किया",
    "दर्ज किया",
    "भेजा गया",
    "बताया गया",
    "पाया गया",
    "सौंपा गया",
    "बदल दिया गया",
    "टाल दिया गया",
    "लागू होगा",
    "शुरू होगा",
    "मिलेगा",
    "दिया जाएगा",
    "बनाया जाएगा",
]
POSTS = ["का", "की", "के", "में", "से", "को", "पर", "तक", "के लिए", "के बाद", "के साथ", "के बारे में"]
LINKS = ["और", "लेकिन", "जबकि", "इसलिए", "साथ ही", "वहीं"]


def _zipf(rng: random.Random, words: list[str]) -> str:
    # rank-skewed choice: common words come up often, the long tail rarely (like real news vocabulary)
    return (
        words[min(len(words) - 1, int(rng.paretovariate(1.2)) - 1)]
        if rng.random() < 0.3
        else rng.choice(words)
    )


def _phrase(rng: random.Random) -> str:
    if rng.random() < 0.35:
        return f"{rng.choice(ADJS)} {_zipf(rng, NOUNS)}"
    return f"{_zipf(rng, NOUNS)} {rng.choice(POSTS)} {_zipf(rng, NOUNS)}"


def _free_sentence(rng: random.Random) -> str:
    parts = [_phrase(rng) for _ in range(rng.randint(2, 4))]
    body = f" {rng.choice(POSTS)} ".join(parts)
    if rng.random() < 0.3:
        body += f" {rng.choice(LINKS)} {_phrase(rng)} {rng.choice(POSTS)} {rng.randint(2, 9000)}"
    if rng.random() < 0.3:
        body = f"{_name(rng)} ने कहा कि {body}"
    return f"{body} {rng.choice(VERBS2)}।"


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _sentence(rng: random.Random, city: str) -> str:
    who = rng.choice(PEOPLE)
    place, work = rng.choice(TOPICS)
    area, obj, act = rng.choice(AREAS), rng.choice(OBJECTS), rng.choice(ACTIONS)
    clause = rng.choice(CLAUSES).format(
        n=rng.randint(2, 950),
        m=rng.randint(2, 18),
        k=rng.randint(3, 14),
        d=rng.randint(1, 28),
        mo=rng.choice(MONTHS),
    )
    shapes = [
        f"{who} {_name(rng)} ने {rng.choice(DAYS)} को {area} में {place} {work} {rng.choice(VERBS)}।",
        f"{area} में {obj} {act} और {clause}।",
        f"{_name(rng)} ने बताया कि {area} के {obj} {act}।",
        f"{who} ने कहा कि {place} {work} का काम प्राथमिकता पर होगा और {clause}।",
        f"{city} के {area} इलाके में {obj} को लेकर {clause}।",
        f"{rng.randint(2, 40)} {rng.choice(MONTHS)} से {area} में {obj} {act}, जिस पर {rng.randint(3, 500)} लोगों ने हस्ताक्षर किए।",
        f"वार्ड {rng.randint(1, 70)} के पार्षद {_name(rng)} ने {obj} के बारे में {who} को ज्ञापन सौंपा।",
    ]
    return rng.choice(shapes) if rng.random() < 0.25 else _free_sentence(rng)


def _dirty(rng: random.Random, text: str) -> str:
    if rng.random() < 0.3:
        text = text.replace("। ", "| ", 1)
    if rng.random() < 0.3:
        text = text.replace(" ", "\u00a0", 2)
    if rng.random() < 0.15:
        i = rng.randrange(len(text))
        text = text[:i] + rng.choice(["\u200b", "\u00ad"]) + text[i:]
    return text


def article(rng: random.Random, ident: int, publisher: str) -> Article:
    """Generate one article for ``publisher``."""
    city = rng.choice(CITIES)
    who = rng.choice(PEOPLE)
    place, work = rng.choice(TOPICS)
    title = f"{city}: {who} ने {place} {work} {rng.choice(VERBS)}, {rng.randint(2, 90)} करोड़ की योजना"
    standfirst = _sentence(rng, city)
    paras: list[str] = []
    for p in range(rng.randint(4, 8)):
        sents = [_sentence(rng, city) for _ in range(rng.randint(2, 5))]
        para = " ".join(sents)
        if p == 0:
            para = f"{city}। {title}, {para}" if rng.random() < 0.4 else f"{city}। {para}"
        paras.append(_dirty(rng, para))
        if p in (1, 3) and rng.random() < 0.5:
            paras.append(rng.choice(CROSSHEADS))
        if p == 2 and rng.random() < 0.5:
            other = f"{rng.choice(CITIES)}: {rng.choice(PEOPLE)} ने {' '.join(rng.choice(TOPICS))} {rng.choice(VERBS)}"
            paras.append(f"यह भी पढ़ें: {other}")
    if rng.random() < 0.4:
        paras.append(rng.choice(CREDITS))
    if rng.random() < 0.5:
        paras.append(rng.choice(PROMPTS))
    return Article(f"{publisher}-{ident}", publisher, title, standfirst, "\n".join(paras) + "\n")


def corpus(n: int, seed: int = 2026, *, near_dup: float = 0.08, exact_dup: float = 0.03) -> list[Article]:
    """``n`` articles from five publishers; ``near_dup`` of them syndicated with small edits, ``exact_dup`` reposts."""
    rng = random.Random(seed)
    publishers = ["दैनिक समाचार", "जनवाणी", "प्रदेश टाइम्स", "नगर दर्पण", "लोक खबर"]
    out: list[Article] = []
    for i in range(n):
        roll = rng.random()
        if out and roll < exact_dup:
            src = rng.choice(out)
            out.append(Article(f"repost-{i}", src.publisher, src.title, src.standfirst, src.text))
        elif out and roll < exact_dup + near_dup:
            src = rng.choice(out)
            lines = src.text.split("\n")
            j = rng.randrange(len(lines))
            lines[j] = lines[j].replace("ने", "द्वारा", 1)
            text = "\n".join(lines[: max(2, len(lines) - rng.randint(0, 2))]) + "\n"
            out.append(Article(f"syn-{i}", rng.choice(publishers), src.title, src.standfirst, text))
        else:
            out.append(article(rng, i, rng.choice(publishers)))
    return out
