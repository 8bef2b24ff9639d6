"""Real-text dedup benchmark corpus, part 2: near-duplicate variants, hard negatives and the corpus itself.

The recipe is in :mod:`benchmarks._real_dedup`. :func:`cached_corpus` keeps a built corpus as a pickle in the
system temporary folder (``$NEWSCLEAN_DEDUP_CACHE`` overrides it), outside the project: it holds
third-party text (evaluation data, never committed).
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import pickle
import random
import re
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks._real_dedup import (
    CLUSTER_SHARE,
    CLUSTER_SIZES,
    HARD_NEG_SHARE,
    ORIG_ABSENT_P,
    VARIANT_KINDS,
    Base,
    Page,
    RealDataMissingError,
    _nwords,
    _page_of,
    _Remixer,
    _sentences,
    load_bases,
)

__all__ = ["RealCorpus", "build_real_corpus", "build_real_corpus_full", "cached_corpus"]

# ---------------------------------------------------------------------------------------------- variants

_CITIES = ["नई दिल्ली", "लखनऊ", "पटना", "भोपाल", "जयपुर", "मुंबई", "कोलकाता", "रांची", "देहरादून", "चंडीगढ़"]
_MONTHS = ["जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"]
_AGENCIES = ["एजेंसी", "भाषा", "आईएएनएस", "वार्ता", "ब्यूरो"]
_SPEAKERS = [
    "गृह मंत्री",
    "मुख्यमंत्री",
    "विपक्ष के नेता",
    "एक वरिष्ठ अधिकारी",
    "पार्टी प्रवक्ता",
    "जिलाधिकारी",
    "विशेषज्ञ",
    "पुलिस अधीक्षक",
    "संगठन के अध्यक्ष",
    "मंत्रालय के सचिव",
]
_NUKTA = {
    "\u0915": "\u0958",
    "\u0916": "\u0959",
    "\u0917": "\u095a",
    "\u091c": "\u095b",
    "\u0921": "\u095c",
    "\u0922": "\u095d",
    "\u092b": "\u095e",
    "\u092f": "\u095f",
}
_COMPOSE = re.compile("([\u0915\u0916\u0917\u091c\u0921\u0922\u092b\u092f])\u093c")
_PRECOMPOSED = re.compile("[\u0958-\u095f]")
_DECOMPOSE = {v: k + "\u093c" for k, v in _NUKTA.items()}
_ZW = ["\u200c", "\u200d", "\u200b"]


class _Variants:
    def __init__(self, bases: list[Base], pool_titles: dict[str, list[str]], rng: random.Random) -> None:
        self.bases = bases
        self.rng = rng
        self.pool_titles = pool_titles
        # donors of boilerplate: pool pages with >= 2 boilerplate lines and >= 10 words of them
        self.donors: list[int] = []
        self.template_donors: list[int] = []
        for i, b in enumerate(bases):
            if b.ident.startswith("dev:"):
                continue
            h, t = b.boiler_lines()
            w = sum(_nwords(x) for x in h + t)
            if len(h) + len(t) >= 2 and w >= 10:
                self.donors.append(i)
            if len(h) + len(t) >= 3 and w >= 25:
                self.template_donors.append(i)

    def other_sentences(self, avoid: int, k: int) -> list[str]:
        rng = self.rng
        out: list[str] = []
        while len(out) < k:
            j = rng.randrange(len(self.bases))
            if j == avoid:
                continue
            s = [x for ln in self.bases[j].core if ln.strip() for x in _sentences(ln)]
            if s:
                out.append(s[rng.randrange(len(s))])
        return out

    def donor(self, pool: list[int], publisher: str) -> Base:
        for _ in range(100):
            b = self.bases[pool[self.rng.randrange(len(pool))]]
            if b.publisher != publisher:
                return b
        return b

    # -- kinds

    def syndication(self, p: Page) -> str:
        rng = self.rng
        # a donor whose boilerplate is at most 0.6 x the core's words (else the fewest of 50 tried): a syndicated
        # copy, not a page that is mostly template
        core_words = sum(_nwords(x) for x in p.core)
        best: tuple[int, list[str], list[str]] | None = None
        for _ in range(50):
            d = self.donor(self.donors, p.publisher)
            dh, dt = d.boiler_lines()
            w = sum(_nwords(x) for x in dh + dt)
            if best is None or w < best[0]:
                best = (w, dh, dt)
            if w <= 0.6 * core_words:
                break
        assert best is not None
        _, dh, dt = best
        core = list(p.core)
        if rng.random() < 0.5:
            dl = f"{rng.choice(_CITIES)}, {rng.randint(1, 28)} {rng.choice(_MONTHS)} ({rng.choice(_AGENCIES)})। "
            k = next((i for i, x in enumerate(core) if x.strip()), 0)
            core[k] = dl + core[k]
        return "\n".join(dh + p.title + core + dt)

    def sent_edit(self, p: Page) -> str:
        rng = self.rng
        units = [list(_sentences(ln)) if ln.strip() else [] for ln in p.core]
        slots = [(i, j) for i, u in enumerate(units) for j in range(len(u))]
        k = max(1, round(len(slots) * rng.uniform(0.05, 0.15)))
        n_del = rng.randint(1, k) if len(slots) > 2 else 0
        for i, j in sorted(rng.sample(slots, n_del), reverse=True):
            del units[i][j]
        filled = [i for i, u in enumerate(units) if u] or [0]
        for s in self.other_sentences(p.base, rng.randint(1, k)):
            i = filled[rng.randrange(len(filled))]
            units[i].insert(rng.randint(0, len(units[i])), s)
        core = [" ".join(u) if u else "" for u in units]
        return "\n".join(p.head + core + p.tail)

    def truncate(self, p: Page) -> str:
        rng = self.rng
        body = "\n".join(p.core)
        cut = int(len(body) * rng.uniform(0.5, 0.85))
        sp = body.rfind(" ", 0, cut)
        body = body[: sp if sp > 0 else cut].rstrip(" ,।|.")
        return "\n".join([*p.head, body + rng.choice(["...", "…", " ...", ",...", ""])])

    def reorder(self, p: Page) -> str:
        rng = self.rng
        paras = [x for x in p.core if x.strip()]
        sep = "\n\n" if "" in p.core else "\n"
        if len(paras) >= 3:
            units = paras
        else:
            s = [x for ln in paras for x in _sentences(ln)]
            if len(s) < 2:
                return "\n".join(p.head + p.core + p.tail)
            n = min(len(s), rng.randint(3, 5))
            bounds = sorted(rng.sample(range(1, len(s)), n - 1)) if n > 1 else []
            units = [" ".join(s[a:b]) for a, b in zip([0, *bounds], [*bounds, len(s)], strict=False)]
            sep = " "
        order = list(range(len(units)))
        for _ in range(10):
            rng.shuffle(order)
            if order != sorted(order):
                break
        body = sep.join(units[i] for i in order)
        return "\n".join([*p.head, body, *p.tail])

    def unicode(self, p: Page) -> str:
        rng = self.rng
        t = p.text()
        if rng.random() < 0.6:
            if _PRECOMPOSED.search(t):
                t = _PRECOMPOSED.sub(lambda m: _DECOMPOSE[m.group(0)], t)
            else:
                t = _COMPOSE.sub(lambda m: _NUKTA[m.group(1)], t)
        if rng.random() < 0.5:
            t = unicodedata.normalize("NFD", t)

        def zw_word(m: re.Match[str]) -> str:
            w = m.group(0)
            if len(w) > 2 and rng.random() < 1 / 30:
                k = rng.randrange(1, len(w))
                return w[:k] + rng.choice(_ZW) + w[k:]
            return w

        t = re.sub(r"\S+", zw_word, t)
        t = re.sub(
            "\u094d",
            lambda m: "\u094d" + rng.choice(["\u200d", "\u200c"]) if rng.random() < 0.1 else "\u094d",
            t,
        )
        if rng.random() < 0.3:
            t = re.sub(" ", lambda m: "\u00a0" if rng.random() < 0.02 else " ", t)
        if rng.random() < 0.3:
            t = "\ufeff" + t
        return t

    def punct_space(self, p: Page) -> str:
        rng = self.rng
        t = p.text()
        t = re.sub("। ", lambda m: "।" if rng.random() < 0.3 else "। ", t)
        t = re.sub("(?<=\\S)।", lambda m: " ।" if rng.random() < 0.2 else "।", t)
        if rng.random() < 0.3:
            t = t.replace("।", "|")
        t = re.sub(", ", lambda m: rng.choice([",", " , ", ", "]) if rng.random() < 0.3 else ", ", t)
        t = re.sub(" ", lambda m: "  " if rng.random() < 0.03 else " ", t)
        if rng.random() < 0.5:
            t = re.sub("\n+", "\n\n", t) if "\n\n" not in t else re.sub("\n\n+", "\n", t)
        if rng.random() < 0.5:
            t = t.replace("“", '"').replace("”", '"') if "“" in t else re.sub('"([^"\n]*)"', "“\\1”", t)
        if rng.random() < 0.5:
            t = t.replace("...", "…") if "..." in t else t.replace("…", "...")
        return t

    # -- hard negatives

    @staticmethod
    def _cut_core(p: Page, words: int) -> list[str]:
        """The first ``words`` words of the core, whole sentences (at least one), paragraphs kept."""
        out, n = [], 0
        for ln in p.core:
            if not ln.strip():
                continue
            keep = []
            for s in _sentences(ln):
                if n and n + _nwords(s) > words:
                    break
                keep.append(s)
                n += _nwords(s)
            if keep:
                out.append(" ".join(keep))
            if n >= words or len(keep) < len(_sentences(ln)):
                break
        return out

    def template_pair(self, a: Page, b: Page) -> tuple[str, str]:
        rng = self.rng
        d = self.bases[self.template_donors[rng.randrange(len(self.template_donors))]]
        head, tail = d.boiler_lines()
        titles = [x for x in self.pool_titles.get(d.publisher, []) if x and x != d.title]
        related: list[str] = []
        want = rng.randint(3, 10)
        tw = sum(_nwords(x) for x in head + tail)
        while (
            titles
            and (len(related) < want or tw + sum(_nwords(x) for x in related) < 60)
            and len(related) < 30
        ):
            related.append(titles[rng.randrange(len(titles))])
        tail = tail + related
        tw = sum(_nwords(x) for x in head + tail)
        out = []
        for p in (a, b):
            f = rng.uniform(0.4, 0.7)
            body = self._cut_core(p, max(10, int(tw * (1 - f) / f)))
            out.append("\n".join(head + p.title + body + tail))
        return out[0], out[1]

    def quote_pair(self, a: Page, b: Page) -> tuple[str, str]:
        rng = self.rng
        for _ in range(200):
            j = rng.randrange(len(self.bases))
            if j in (a.base, b.base):
                continue
            s = [x for ln in self.bases[j].core if ln.strip() for x in _sentences(ln)]
            if not s:
                continue
            k = rng.randrange(len(s))
            q, w = [], 0
            target = rng.randint(40, 120)
            while k < len(s) and w < target:
                q.append(s[k])
                w += _nwords(s[k])
                k += 1
            if 40 <= w <= 160:
                break
        quote = " ".join(q)
        out = []
        for p in (a, b):
            f = rng.uniform(0.2, 0.5)
            body = self._cut_core(p, max(10, int(w * (1 - f) / f)))
            para = f"{rng.choice(_SPEAKERS)} ने कहा, “{quote}”"
            body = [*body[:1], para, *body[1:]]
            out.append("\n".join(p.head + body + p.tail))
        return out[0], out[1]


# ---------------------------------------------------------------------------------------------- corpus


@dataclass
class RealCorpus:
    texts: list[str]
    labels: list[int]
    kinds: list[str]
    group_root: list[str] = field(default_factory=list)  # "base" or "remix", per gold group
    stats: dict[str, Any] = field(default_factory=dict)


def _cluster_sizes(total: int, rng: random.Random) -> list[int]:
    lo, hi = CLUSTER_SIZES
    sizes: list[int] = []
    left = total
    while left > 0:
        if left <= hi:
            s = left
        else:
            s = rng.randint(lo, hi)
            if left - s == 1:
                s = s - 1 if s > lo else s + 1
        sizes.append(s)
        left -= s
    if sizes and sizes[-1] < lo:  # a lone 1 left over: give it to a cluster with room
        extra = sizes.pop()
        for i in range(len(sizes)):
            if sizes[i] + extra <= hi:
                sizes[i] += extra
                break
        else:
            sizes.append(extra)
    return sizes


def build_real_corpus_full(n_docs: int, seed: int = 0, data_dir: str | None = None) -> RealCorpus:
    """The corpus with its kinds and recipe statistics (see the module doc)."""
    if n_docs < 10:
        msg = "n_docs must be at least 10"
        raise ValueError(msg)
    t0 = time.perf_counter()
    bp = load_bases(data_dir)
    bases = bp.bases
    rng = random.Random(seed)
    n_clu_docs = round(n_docs * CLUSTER_SHARE)
    n_hn = 2 * round(n_docs * HARD_NEG_SHARE / 2)
    sizes = _cluster_sizes(n_clu_docs, rng)
    n_single = n_docs - sum(sizes) - n_hn
    # groups: ("cluster", size) | ("single",) | ("hn_template"/"hn_quote", pair) ; hn pairs are two groups
    n_tpl_pairs = n_hn // 4
    n_quote_pairs = n_hn // 2 - n_tpl_pairs
    n_roots = len(sizes) + n_single + n_hn
    order = list(range(len(bases)))
    rng.shuffle(order)
    remixer = _Remixer(bases, rng) if n_roots > len(bases) else None
    roots: list[Page] = []
    for r in range(n_roots):
        roots.append(_page_of(bases, order[r]) if r < len(bases) else remixer.page())  # type: ignore[union-attr]
    rng.shuffle(roots)  # whole bases and remixes spread over every group type
    var = _Variants(bases, bp.pool_titles, rng)
    docs: list[tuple[str, int, str]] = []
    cycle: list[str] = []
    r = 0
    orig_absent = 0
    for g, size in enumerate(sizes):
        p = roots[r]
        r += 1
        members = []
        if rng.random() >= ORIG_ABSENT_P:
            members.append((p.text(), "original"))
        else:
            orig_absent += 1
        while len(members) < size:
            if not cycle:
                cycle = list(VARIANT_KINDS)
                rng.shuffle(cycle)
            kind = cycle.pop()
            members.append((getattr(var, kind)(p), kind))
        docs.extend((t, g, k) for t, k in members)
    g = len(sizes)
    for _ in range(n_single):
        docs.append((roots[r].text(), g, "singleton"))
        r += 1
        g += 1
    for kind, pairs in (("hn_template", n_tpl_pairs), ("hn_quote", n_quote_pairs)):
        for _ in range(pairs):
            a, b = roots[r], roots[r + 1]
            ta, tb = var.template_pair(a, b) if kind == "hn_template" else var.quote_pair(a, b)
            docs.append((ta, g, kind))
            docs.append((tb, g + 1, kind))
            r += 2
            g += 2
    assert r == n_roots, (r, n_roots)
    assert len(docs) == n_docs, (len(docs), n_docs)
    group_root = ["remix" if p.remix else "base" for p in roots]  # roots[g] is group g's root
    rng.shuffle(docs)
    kinds_count = collections.Counter(k for _, _, k in docs)
    texts = [t for t, _, _ in docs]
    stats = {
        "n_docs": n_docs,
        "seed": seed,
        "bases": bp.stats,
        "gold_groups": g,
        "clusters": len(sizes),
        "cluster_docs": sum(sizes),
        "cluster_size_hist": dict(sorted(collections.Counter(sizes).items())),
        "clusters_orig_absent": orig_absent,
        "singletons": n_single,
        "hard_negative_docs": n_hn,
        "roots": n_roots,
        "roots_whole_base": sum(not p.remix for p in roots),
        "roots_remix": sum(p.remix for p in roots),
        "docs_from_remix_roots": sum(1 for _, gg, _ in docs if roots[gg].remix),
        "kinds": dict(sorted(kinds_count.items())),
        "chars_median": int(np.median([len(t) for t in texts])),
        "words_median": int(np.median([_nwords(t) for t in texts])),
        "digest": hashlib.blake2b(
            "\x00".join(texts).encode("utf-8", "surrogatepass"), digest_size=8
        ).hexdigest(),
        "build_seconds": round(time.perf_counter() - t0, 1),
    }
    return RealCorpus(texts, [gg for _, gg, _ in docs], [k for _, _, k in docs], group_root, stats)


def build_real_corpus(n_docs: int, seed: int = 0, data_dir: str | None = None) -> tuple[list[str], list[int]]:
    """``(texts, gold cluster labels)`` of the real-text corpus of ``n_docs`` documents (module doc: recipe).

    Raises:
        RealDataMissingError: If the data files are absent (message names them).
    """
    c = build_real_corpus_full(n_docs, seed, data_dir)
    return c.texts, c.labels


def cache_dir() -> Path:
    """Where built corpora are kept between processes (outside the project)."""
    return Path(
        os.environ.get("NEWSCLEAN_DEDUP_CACHE") or Path(tempfile.gettempdir()) / "newsclean_bench_dedup"
    )


def cached_corpus(n_docs: int, seed: int = 0, data_dir: str | None = None) -> RealCorpus:
    """:func:`build_real_corpus_full`, built once and then read back from :func:`cache_dir`.

    Raises:
        RealDataMissingError: If the data files are absent (message names them).
    """
    path = cache_dir() / f"real_{n_docs}_s{seed}.pkl"
    if path.exists():
        with path.open("rb") as f:
            corpus: RealCorpus = pickle.load(f)
        return corpus
    corpus = build_real_corpus_full(n_docs, seed, data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as f:
        pickle.dump(corpus, f, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)
    return corpus


def main(argv: list[str] | None = None) -> int:
    """``python -m benchmarks._real_dedup_corpus N [--seed S] [--data DIR]``: build, print the recipe counts."""
    ap = argparse.ArgumentParser(description="Build the real-text dedup corpus and print its recipe counts.")
    ap.add_argument("n_docs", type=int)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--data", default=None)
    args = ap.parse_args(argv)
    try:
        c = build_real_corpus_full(args.n_docs, args.seed, args.data)
    except RealDataMissingError as e:
        print(f"skipped: {e}", file=sys.stderr)
        return 2
    print(json.dumps(c.stats, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
