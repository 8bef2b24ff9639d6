"""Normalisation speed: MB/s on generated Hindi news articles, clean and dirty, newsclean against its peers.

Run ``python -m benchmarks normalize [--quick]``. The articles come from the benchmark article generator
(hand-written phrase tables, no third-party text), normalised so that "clean" is clean; "dirty" sprinkles
what real extracted news carries: ``|`` typed for the danda, NBSP, double spaces, ZWSP and soft hyphens
inside words, precomposed nukta letters (U+0958..U+095F). Every tool runs on the same
articles in the same process, one call per article, taking turns; each figure is the median CPU time of the
repeats after a warm-up round.
"""

from __future__ import annotations

import functools
import random
import sys
import unicodedata
from collections.abc import Callable

from benchmarks._common import digest, header, interleaved_medians, run_each, save, table

# decomposed nukta letters (NFC) and their precomposed forms U+0958..U+095F, which real text often carries
NUKTA_PRECOMPOSED = {
    chr(b) + "\u093c": chr(p)
    for b, p in (
        (0x915, 0x958),
        (0x916, 0x959),
        (0x917, 0x95A),
        (0x91C, 0x95B),
        (0x921, 0x95C),
        (0x922, 0x95D),
        (0x92B, 0x95E),
    )
}


def make_articles(n: int, *, seed: int = 7) -> list[str]:
    """``n`` clean article bodies (about 2-6 KB each) from the benchmark article generator
    (:mod:`benchmarks._articles`, hand-written phrase tables), with the dirt it adds normalised away."""
    import newsclean as nc
    from benchmarks._articles import corpus

    return [
        nc.normalize(f"{a.title}\n{a.standfirst}\n\n{a.text}")
        for a in corpus(n, seed, near_dup=0.0, exact_dup=0.0)
    ]


def make_dirty(articles: list[str], *, seed: int = 11) -> list[str]:
    """The same articles with the usual damage sprinkled in."""
    rng = random.Random(seed)
    dirty = []
    for text in articles:
        for dec, pre in NUKTA_PRECOMPOSED.items():
            text = text.replace(dec, pre)
        chars = []
        for ch in text:
            r = rng.random()
            if ch == "।" and r < 0.5:
                ch = "|"
            elif ch == " " and r < 0.05:
                ch = "\u00a0"
            elif ch == " " and r < 0.07:
                ch = "  "
            elif "\u0915" <= ch <= "\u0939" and r < 0.004:
                ch += "\u200b"
            elif "\u0915" <= ch <= "\u0939" and r < 0.008:
                ch += "\u00ad"
            chars.append(ch)
        dirty.append("".join(chars))
    return dirty


def _tools() -> list[tuple[str, str, Callable[[str], str] | None]]:
    import unicodedata2

    import newsclean as nc

    tools: list[tuple[str, str, Callable[[str], str] | None]] = [
        ("newsclean safe", "newsclean", nc.normalize),
        ("newsclean search", "newsclean", lambda t: nc.normalize(t, profile="search")),
        ("newsclean safe + explain", "newsclean", lambda t: nc.normalize_and_explain(t).text),
        ("unicodedata NFC (stdlib)", "python", lambda t: unicodedata.normalize("NFC", t)),
        ("unicodedata2 NFC", "unicodedata2", lambda t: unicodedata2.normalize("NFC", t)),
    ]
    try:
        from indicnlp.normalize.indic_normalize import IndicNormalizerFactory

        hindi = IndicNormalizerFactory().get_normalizer("hi")
        tools.append(
            (
                "indic-nlp hi + NFC",
                "indic-nlp-library",
                lambda t: unicodedata2.normalize("NFC", hindi.normalize(t)),
            )
        )
    except ImportError:
        tools.append(("indic-nlp hi + NFC", "indic-nlp-library", None))
    try:
        import ftfy

        tools.append(("ftfy fix_text", "ftfy", ftfy.fix_text))
    except ImportError:
        tools.append(("ftfy fix_text", "ftfy", None))
    return tools


def run(quick: bool = False) -> None:
    """Time every tool on the clean and the dirty articles; print the table and save JSON."""
    n, repeats = (60, 5) if quick else (300, 9)
    clean = make_articles(n)
    dirty = make_dirty(clean)
    mb_clean = sum(len(t.encode()) for t in clean) / 1e6
    mb_dirty = sum(len(t.encode()) for t in dirty) / 1e6
    tools = _tools()
    present = [(name, fn) for name, _, fn in tools if fn is not None]
    t_clean = interleaved_medians(
        {name: functools.partial(run_each, fn, clean) for name, fn in present}, repeats
    )
    t_dirty = interleaved_medians(
        {name: functools.partial(run_each, fn, dirty) for name, fn in present}, repeats
    )
    nfc_dirty = mb_dirty / t_dirty["unicodedata NFC (stdlib)"]
    rows: list[dict[str, object]] = []
    for name, package, fn in tools:
        if fn is None:
            rows.append({"tool": name, "package": package, "clean MB/s": "missing", "dirty MB/s": "missing"})
            continue
        dirty_mbs = mb_dirty / t_dirty[name]
        rows.append(
            {
                "tool": name,
                "package": package,
                "clean MB/s": mb_clean / t_clean[name],
                "dirty MB/s": dirty_mbs,
                "dirty vs bare NFC": dirty_mbs / nfc_dirty,
            }
        )
    title = f"normalize: {n} generated articles, {mb_clean:.2f} MB clean / {mb_dirty:.2f} MB dirty, median CPU time of {repeats}"
    print(header(title, ["unicodedata2", "indic-nlp-library", "ftfy"], digest("".join(dirty))))
    print(table(rows, ["tool", "clean MB/s", "dirty MB/s", "dirty vs bare NFC"]))
    save(
        "normalize",
        {"articles": n, "mb_clean": mb_clean, "mb_dirty": mb_dirty, "repeats": repeats, "rows": rows},
    )


if __name__ == "__main__":
    run(quick="--quick" in sys.argv)
