"""Synthetic Hindi dedup corpora for the benchmark (generated here; nothing is downloaded or committed).

Articles are built from a hand-written list of function words and a large generated lexicon of Devanagari
pseudo-words (Zipf-like frequencies, so the vocabulary grows with the corpus as real text does), with
injected near-duplicates (exact copies, light word edits, dropped/added sentences, truncation, another
publisher's page template, Unicode-form noise, punctuation/spacing noise) and hard negatives (different
short articles inside one publisher's template). Gold clusters are known, so pairwise precision/recall/F1
are exact.
"""

from __future__ import annotations

import collections
import random
import re
import unicodedata
from collections.abc import Sequence

__all__ = ["Generator", "make_corpus", "pairwise"]

FUNCTION_WORDS = [
    "ने",
    "कि",
    "के",
    "की",
    "का",
    "को",
    "में",
    "से",
    "पर",
    "और",
    "भी",
    "है",
    "हैं",
    "था",
    "थी",
    "थे",
    "गया",
    "गई",
    "गए",
    "कहा",
    "बताया",
    "रहा",
    "रही",
    "रहे",
    "लिए",
    "साथ",
    "बाद",
    "पहले",
    "तक",
    "एक",
    "दो",
    "तीन",
    "यह",
    "वह",
    "इस",
    "उस",
    "इन",
    "उन",
    "कोई",
    "कुछ",
    "सभी",
    "अब",
    "तो",
    "ही",
    "नहीं",
    "जो",
    "जिस",
    "जब",
    "तब",
    "लेकिन",
    "क्योंकि",
    "अगर",
    "हुआ",
    "हुई",
    "होगा",
    "होगी",
    "करने",
    "किया",
    "किए",
    "करेंगे",
    "सकता",
    "सकती",
    "दिया",
    "दी",
    "जाएगा",
    "जाएगी",
]
TOPIC_WORDS = [
    "सरकार",
    "मंत्री",
    "मुख्यमंत्री",
    "पुलिस",
    "अदालत",
    "किसान",
    "छात्र",
    "अस्पताल",
    "डॉक्टर",
    "मरीज",
    "बारिश",
    "मौसम",
    "बाजार",
    "कंपनी",
    "चुनाव",
    "पार्टी",
    "नेता",
    "विधायक",
    "सांसद",
    "जिला",
    "शहर",
    "गांव",
    "राज्य",
    "देश",
    "दिल्ली",
    "मुंबई",
    "लखनऊ",
    "पटना",
    "भोपाल",
    "जयपुर",
    "रेलवे",
    "सड़क",
    "पानी",
    "बिजली",
    "स्कूल",
    "परीक्षा",
    "परिणाम",
    "योजना",
    "बजट",
    "करोड़",
    "रुपये",
    "प्रतिशत",
    "जांच",
    "मामले",
    "आरोप",
    "गिरफ्तार",
    "फैसला",
    "बैठक",
    "प्रदर्शन",
    "हड़ताल",
    "टीम",
    "मैच",
    "खिलाड़ी",
    "फ़िल्म",
    "ख़बर",
    "ज़िला",
    "क़ानून",
]
CONSONANTS = "कखगघचछजझटठडढणतथदधनपफबभमयरलवशषसह"
MATRAS = ["", "ा", "ि", "ी", "ु", "ू", "े", "ै", "ो", "ौ", "ं", "्र", "्य"]
PUNCT_END = ["।", "।", "।", "?", "!"]

TEMPLATE_HEAD = [
    "होम › {section} › ताज़ा खबर",
    "{pub} | अपडेटेड: {day} {month} 2024, {hh}:{mm} IST",
    "लेखक: {author} | {pub}",
]
TEMPLATE_FOOT = [
    "यह भी पढ़ें:",
    "• {h1}",
    "• {h2}",
    "• {h3}",
    "ताज़ा खबरों के लिए {pub} से जुड़े रहें। हमें फेसबुक, ट्विटर और इंस्टाग्राम पर फॉलो करें।",
    "हिंदी में ताज़ा खबरें पढ़ने के लिए {pub} का ऐप डाउनलोड करें।",
    "डिस्क्लेमर: यह खबर सीधे सिंडिकेट फीड से प्रकाशित की गई है।",
]
SECTIONS = ["देश", "राज्य", "खेल", "व्यापार", "मनोरंजन", "शहर"]
MONTHS = ["जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त"]
AUTHORS = ["डिजिटल डेस्क", "संवाददाता", "ब्यूरो रिपोर्ट", "न्यूज़ डेस्क"]
PUBLISHERS = [
    f"{a} {b}" for a in ("दैनिक", "नव", "जन", "राष्ट्र", "लोक") for b in ("प्रहरी", "भारत", "दर्पण", "वाणी")
]


class Generator:
    """Deterministic synthetic corpus generator (one ``random.Random`` seed)."""

    def __init__(self, seed: int = 7, lexicon: int = 60_000) -> None:
        self.rnd = random.Random(seed)
        words: set[str] = set()
        while len(words) < lexicon:
            n = self.rnd.choice((2, 2, 3, 3, 3, 4))
            words.add("".join(self.rnd.choice(CONSONANTS) + self.rnd.choice(MATRAS) for _ in range(n)))
        self.lexicon = sorted(words)
        self.rnd.shuffle(self.lexicon)
        # Zipf-like weights: rank r has weight 1/(r+10)
        self.cum = list(_cumsum([1.0 / (r + 10) for r in range(len(self.lexicon))]))

    def word(self) -> str:
        r = self.rnd.random()
        if r < 0.35:
            return self.rnd.choice(FUNCTION_WORDS)
        if r < 0.45:
            return self.rnd.choice(TOPIC_WORDS)
        x = self.rnd.random() * self.cum[-1]
        return self.lexicon[_bisect(self.cum, x)]

    def sentence(self) -> str:
        return " ".join(self.word() for _ in range(self.rnd.randint(8, 18))) + self.rnd.choice(PUNCT_END)

    def article(self, sentences: tuple[int, int] = (8, 18)) -> list[list[str]]:
        n = self.rnd.randint(*sentences)
        sents = [self.sentence() for _ in range(n)]
        paras: list[list[str]] = []
        i = 0
        while i < n:
            k = self.rnd.randint(2, 4)
            paras.append(sents[i : i + k])
            i += k
        return paras

    def page(self, paras: list[list[str]], pub: int | None) -> str:
        body = "\n\n".join(" ".join(p) for p in paras)
        if pub is None:
            return body
        rnd = self.rnd
        fill = {
            "pub": PUBLISHERS[pub],
            "section": SECTIONS[pub % len(SECTIONS)],
            "author": AUTHORS[pub % len(AUTHORS)],
            "day": rnd.randint(1, 28),
            "month": rnd.choice(MONTHS),
            "hh": f"{rnd.randint(0, 23):02d}",
            "mm": f"{rnd.randint(0, 59):02d}",
            "h1": f"{TOPIC_WORDS[pub % 40]} पर बड़ा फैसला, {PUBLISHERS[pub]} की खास रिपोर्ट",
            "h2": f"{TOPIC_WORDS[(pub * 7) % 40]} से जुड़ी पांच बातें जो आपको जाननी चाहिए",
            "h3": "मौसम विभाग ने जारी किया नया अलर्ट",
        }
        head = "\n".join(line.format(**fill) for line in TEMPLATE_HEAD)
        foot = "\n".join(line.format(**fill) for line in TEMPLATE_FOOT)
        return f"{head}\n\n{body}\n\n{foot}"


def _cumsum(xs: Sequence[float]) -> list[float]:
    out, s = [], 0.0
    for x in xs:
        s += x
        out.append(s)
    return out


def _bisect(cum: list[float], x: float) -> int:
    lo, hi = 0, len(cum) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if cum[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _variant(gen: Generator, paras: list[list[str]], kind: str) -> tuple[list[list[str]], str | None]:
    rnd = gen.rnd
    paras = [list(p) for p in paras]
    if kind == "light_edit":
        for _ in range(rnd.randint(2, 6)):  # a few words replaced here and there
            p = rnd.choice(paras)
            i = rnd.randrange(len(p))
            words = p[i].split(" ")
            words[rnd.randrange(len(words))] = gen.word()
            p[i] = " ".join(words)
    elif kind == "sent_edit":
        p = rnd.choice(paras)
        if len(p) > 1:
            p.pop(rnd.randrange(len(p)))
        rnd.choice(paras).append(gen.sentence())
    elif kind == "truncate":
        flat = [s for p in paras for s in p]
        keep = max(2, int(len(flat) * rnd.uniform(0.6, 0.8)))
        paras = [flat[:keep]]
        paras[-1][-1] = paras[-1][-1][:-1] + "…"
    elif kind == "unicode":
        paras = [[_unicode_noise(s, rnd) for s in p] for p in paras]
    elif kind == "punct_space":
        paras = [[s.replace("।", " ।").replace(" ", "  ", 3) for s in p] for p in paras]
    return paras, kind


def _unicode_noise(s: str, rnd: random.Random) -> str:
    s = unicodedata.normalize("NFD", s)
    return re.sub("्", lambda m: "्\u200d" if rnd.random() < 0.3 else "्", s)


def make_corpus(n: int, seed: int = 7) -> tuple[list[str], list[int], list[str]]:
    """``n`` texts with gold cluster ids and kinds; ~15 % template hard negatives, ~35 % near-duplicates."""
    gen = Generator(seed=seed, lexicon=max(20_000, min(400_000, n * 2)))
    rnd = gen.rnd
    texts: list[str] = []
    gold: list[int] = []
    kinds: list[str] = []
    bases: list[tuple[list[list[str]], int]] = []
    kinds_dup = ["exact", "light_edit", "sent_edit", "truncate", "syndication", "unicode", "punct_space"]
    while len(texts) < n:
        r = rnd.random()
        if r < 0.5 or not bases:
            paras = gen.article()
            pub = rnd.randrange(len(PUBLISHERS)) if rnd.random() < 0.5 else None
            bases.append((paras, len(texts)))
            texts.append(gen.page(paras, pub))
            gold.append(len(texts) - 1)
            kinds.append("original")
        elif r < 0.65:
            paras = gen.article(sentences=(2, 4))  # a short article: the template dominates the page
            texts.append(gen.page(paras, rnd.randrange(len(PUBLISHERS))))
            gold.append(len(texts) - 1)
            kinds.append("hn_template")
        else:
            paras, cid = rnd.choice(bases[-2000:])
            kind = rnd.choice(kinds_dup)
            if kind == "exact":
                texts.append(texts[cid])
            else:
                new, _ = _variant(gen, paras, kind if kind != "syndication" else "none")
                pub = rnd.randrange(len(PUBLISHERS)) if kind == "syndication" or rnd.random() < 0.3 else None
                texts.append(gen.page(new, pub))
            gold.append(cid)
            kinds.append(kind)
    return texts, gold, kinds


def pairwise(gold: Sequence[int], pred: Sequence[int], kinds: Sequence[str]) -> dict[str, float]:
    """Pairwise precision/recall/F1 and the share of template hard negatives merged with anything."""

    def c2(k: int) -> int:
        return k * (k - 1) // 2

    cell = collections.Counter(zip(gold, pred, strict=True))
    tp = sum(c2(v) for v in cell.values())
    gp = sum(c2(v) for v in collections.Counter(gold).values())
    psize = collections.Counter(pred)
    pp = sum(c2(v) for v in psize.values())
    p = tp / pp if pp else 1.0
    r = tp / gp if gp else 1.0
    hn = [i for i, k in enumerate(kinds) if k == "hn_template"]
    merged = sum(psize[pred[i]] > 1 for i in hn) / max(1, len(hn))
    return {"P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0, "hn_merged": merged}
