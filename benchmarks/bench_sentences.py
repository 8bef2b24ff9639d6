"""Sentence splitting: quality on the development gold and characters per second, newsclean against its peers.

    python -m benchmarks sentences [--quick]

Quality: boundary precision / recall / F1 on ``../shared/data/segment/hdtb-dev.jsonl`` (when present), scored
per document and with the whole file as ONE string (long-input robustness), with the scorer of that folder.
Speed, in CPU time: (1) generated Hindi news articles (built here from hand-written phrases, no third-party
text; about three times as many full stops in abbreviations, initials and decimals as real news); (2) the
same articles in "full-stop style" (every danda typed as ``.``, as some sites do, so every boundary is a
full stop that must be told from an abbreviation, an initial or a number); (3) the development treebank
text as one string (real news, read at run time, when present); (4) 1 MB and 10 MB single strings of
generated articles, to show linear time. Every tool runs in the same process, in turn within each repeat;
each time is the median of the repeats after a warm-up.

Peers come from ``../shared/data/segment/peers.py`` when present (the same wrappers the scorer uses); the
one-line ``naive_regex`` split is defined here as a fallback. A peer that is not installed is reported and
skipped. pySBD is timed on the article set only (it runs at well under 1 M chars/s).
"""

from __future__ import annotations

import functools
import importlib.util
import json
import random
import re
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

import newsclean as nc

from ._common import SHARED_DATA, digest, header, interleaved_medians, run_each, save, table

SEGMENT = SHARED_DATA / "segment"
PEER_NAMES = ("naive_regex", "indicnlp", "pysbd_hi", "sentencex_hi")
PACKAGES = ("indic-nlp-library", "pysbd", "sentencex")
SLOW = {"pysbd_hi"}  # timed on the article set only

_NAIVE = re.compile(r"[^।?!]*[।?!]+|[^।?!]+")


def naive_regex(text: str) -> list[str]:
    """The one-line baseline: split after every run of ``।``, ``?`` or ``!``."""
    return _NAIVE.findall(text)


def _load(name: str) -> ModuleType | None:
    path = SEGMENT / f"{name}.py"
    if not path.is_file():
        return None
    if str(SEGMENT) not in sys.path:
        sys.path.insert(0, str(SEGMENT))  # segscore and peers import each other by name
    spec = importlib.util.spec_from_file_location(f"_segment_{name}", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def tools() -> tuple[dict[str, Callable[[str], Any]], list[str]]:
    """The splitters to compare (newsclean first) and the peers that could not run."""
    found: dict[str, Callable[[str], Any]] = {
        "newsclean": nc.split_sentences,
        "newsclean spans": nc.sentence_spans,
    }
    skipped: list[str] = []
    peers = _load("peers")
    for name in PEER_NAMES:
        fn = getattr(peers, name, None) if peers else (naive_regex if name == "naive_regex" else None)
        if fn is None:
            skipped.append(f"{name}: no wrapper")
            continue
        try:
            fn("यह एक वाक्य है। यह दूसरा है।")  # builds the peer's model outside the timed runs
        except Exception as exc:  # a peer that does not install or run here is reported, not fatal
            skipped.append(f"{name}: {type(exc).__name__}: {exc}")
            continue
        found[name] = fn
    return found, skipped


# -- generated Hindi news text ------------------------------------------------------------------------

PLACES = ["रायपुर", "भोपाल", "लखनऊ", "पटना", "जयपुर", "नई दिल्ली", "मुंबई", "इंदौर"]
PEOPLE = ["डॉ. ए.के. शर्मा", "श्री राजेश वर्मा", "प्रो. सुनीता सिंह", "मुख्यमंत्री", "जिला कलेक्टर", "पुलिस अधीक्षक"]
SUBJECTS = ["राज्य सरकार", "नगर निगम", "स्वास्थ्य विभाग", "कंपनी", "चुनाव आयोग", "किसान संगठन", "शिक्षा मंत्रालय"]
OBJECTS = ["नई योजना", "सड़क निर्माण", "बिजली की दरों", "फसल बीमा", "जल आपूर्ति", "परीक्षा परिणाम", "निवेश प्रस्ताव"]
VERBS = ["की घोषणा की", "पर चर्चा की", "को मंजूरी दी", "की समीक्षा की", "का विरोध किया", "पर रिपोर्ट जारी की"]
CROSSHEADS = ["मुख्य बातें", "क्या कहा अधिकारियों ने", "आगे क्या होगा", "लोगों की प्रतिक्रिया"]


def _sentence(rng: random.Random) -> str:
    """One sentence; the mix is plain news prose with a sprinkling of numbers, titles and questions."""
    kind = rng.random()
    place, person = rng.choice(PLACES), rng.choice(PEOPLE)
    subj, obj, verb = rng.choice(SUBJECTS), rng.choice(OBJECTS), rng.choice(VERBS)
    if kind < 0.3:
        return f"{place} में {subj} ने {obj} {verb}।"
    if kind < 0.5:
        return f"{subj} ने बताया कि {obj} को लेकर {place} में बैठक हुई और कई फैसले लिए गए।"
    if kind < 0.65:
        return f"{place} के {subj} ने {obj} {verb} और कहा कि काम जल्द पूरा होगा।"
    if kind < 0.75:
        return f"इस दौरान {person} भी मौजूद रहे।"
    if kind < 0.83:
        return f"{person} ने कहा कि {obj} पर {rng.randint(2, 99)}.{rng.randint(0, 9)} करोड़ रुपये खर्च होंगे।"
    if kind < 0.87:
        return f"बैठक सुबह {rng.randint(8, 11)}.{rng.choice(['00', '15', '30'])} बजे शुरू हुई और देर तक चली।"
    if kind < 0.9:
        return f"{person} ने पूछा, “{obj} कब पूरी होगी?” अधिकारियों ने जवाब नहीं दिया।"
    if kind < 0.92:
        return f"क्या {subj} {obj} पर ध्यान देगा? यह सवाल {place} के लोग पूछ रहे हैं।"
    if kind < 0.95:
        return f"कीमत {rng.randint(100, 9999)}। {subj} ने कहा कि दरें {rng.randint(1, 12)}.{rng.randint(1, 9)}% बढ़ीं।"
    return f"{subj} के अनुसार {obj} का काम {rng.randint(10, 95)} फीसदी पूरा हो चुका है।"


def article(rng: random.Random) -> str:
    """One generated article: a headline line, paragraphs, and now and then a crosshead line."""
    lines = [f"{rng.choice(PLACES)}: {rng.choice(SUBJECTS)} ने {rng.choice(OBJECTS)} {rng.choice(VERBS)}"]
    for _ in range(rng.randint(3, 8)):
        if rng.random() < 0.2:
            lines.append(rng.choice(CROSSHEADS))
        lines.append(" ".join(_sentence(rng) for _ in range(rng.randint(2, 6))))
    return "\n".join(lines)


def corpus(size: int, seed: int = 20240512) -> str:
    """Articles separated by a blank line until the text has at least ``size`` characters."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        parts.append(article(rng))
        total += len(parts[-1]) + 2
    return "\n\n".join(parts)


# -- quality ------------------------------------------------------------------------------------------


def quality(found: dict[str, Callable[[str], Any]]) -> list[dict[str, Any]]:
    """Boundary P/R/F1 on the development gold, per document and as one document (empty when absent)."""
    segscore = _load("segscore")
    gold = SEGMENT / "hdtb-dev.jsonl"
    if segscore is None or not gold.is_file():
        print("quality: ../shared/data/segment is absent; skipped")
        return []
    records = segscore.read_gold(str(gold))
    one: dict[str, Any] = {
        "id": "one-doc",
        "text": " ".join(r["text"] for r in records),
        "sentences": [s for r in records for s in r["sentences"]],
    }
    rows = []
    for name, fn in found.items():
        row: dict[str, Any] = {"tool": name}
        for label, recs in (("per doc", records), ("one doc", [one])):
            tot = segscore.Totals()
            for rec in recs:
                tot.add(segscore.score_doc(rec, segscore.as_sentences(rec["text"], fn(rec["text"]))))
            row[f"P {label}"], row[f"R {label}"], row[f"F1 {label}"] = tot.precision, tot.recall, tot.f1
            row[f"sent-acc {label}"] = tot.sent_acc
        rows.append(row)
    return rows


# -- speed --------------------------------------------------------------------------------------------


def speed(found: dict[str, Callable[[str], Any]], quick: bool) -> tuple[list[dict[str, Any]], str]:
    """Characters per second on the generated inputs."""
    repeats = 5 if quick else 9
    inputs = {"articles": [article(random.Random(i)) for i in range(200 if quick else 2000)]}
    inputs["full-stop style"] = [t.replace("।", ".") for t in inputs["articles"]]
    gold = SEGMENT / "hdtb-dev.jsonl"
    if gold.is_file():  # real news text, read at run time (never copied into the project)
        records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
        inputs["hdtb-dev, one string"] = [" ".join(r["text"] for r in records if "text" in r)]
    big = corpus(10 * 2**20 if not quick else 2**20)
    inputs["1 MB"] = [big[: 2**20]]
    if not quick:
        inputs["10 MB"] = [big]
    rows = []
    for label, texts in inputs.items():
        chars = sum(len(t) for t in texts)
        fns = {
            name: functools.partial(run_each, fn, texts)
            for name, fn in found.items()
            if name not in SLOW or label == "articles"
        }
        medians = interleaved_medians(fns, repeats if label != "10 MB" else 5)
        for name, seconds in medians.items():
            rows.append(
                {
                    "input": label,
                    "tool": name,
                    "chars": chars,
                    "median s": seconds,
                    "M chars/s": chars / seconds / 1e6,
                    "vs newsclean": medians["newsclean"] / seconds,
                }
            )
    return rows, digest(big)


def run(quick: bool = False) -> None:
    """Print the quality and speed tables and save them to ``benchmarks/results/sentences.json``."""
    found, skipped = tools()
    q = quality(found)
    s, input_digest = speed(found, quick)
    print(header("sentence splitting", PACKAGES, input_digest))
    for line in skipped:
        print(f"skipped {line}")
    if q:
        print("\n### quality: hdtb-dev boundary F1, per document and as one document\n")
        cols = ["tool", "P per doc", "R per doc", "F1 per doc", "sent-acc per doc", "P one doc", "R one doc"]
        print(table(q, [*cols, "F1 one doc"]))
    print(
        "\n### speed: median CPU seconds of the repeats after a warm-up; vs newsclean > 1 = faster than it\n"
    )
    print(table(s, ["input", "tool", "chars", "median s", "M chars/s", "vs newsclean"]))
    path = save("sentences", {"quality": q, "speed": s, "skipped": skipped, "quick": quick})
    print(f"\nsaved {path}")


if __name__ == "__main__":
    run(quick="--quick" in sys.argv)
