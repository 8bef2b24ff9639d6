"""Real-text dedup benchmark corpus, part 1: the base articles and the remixed roots (the recipe is below).

    from benchmarks._real_dedup_corpus import build_real_corpus
    texts, gold = build_real_corpus(100_000, seed=0)      # list[str], list[int] (gold cluster id per text)

Only the standard library and numpy. The data folder is the ``data_dir`` argument, else the environment variable
``NEWSCLEAN_DATA_DIR``, else ``../shared/data`` beside the project; when its files are missing, :class:`RealDataMissingError` (a
``FileNotFoundError``) is raised with a message naming them, so a benchmark can print it and skip. Nothing from
the data is written anywhere by this module: the texts exist only in memory (evaluation data; see the data
folder's README).

Recipe (fixed; every random choice comes from one ``random.Random(seed)``, so a given ``(n_docs, seed)`` builds
the same corpus in every run and process; no set/dict iteration over strings decides anything):

1. **Bases** = the 2026 publisher pool (``boilerplate/pool-2026-dev.jsonl.gz``, field ``text``) plus the texts
   of kind ``original`` and ``singleton`` in ``dedup/dev.jsonl``. Each page is split into lines: its *core* runs
   from its first to its last "content" line (>= 20 words and not a line found in >= 3 pool pages after digit
   masking); the lines before the core are its *head* (breadcrumbs, title, byline ...), those after it its *tail*
   (related links, app prompts, share widgets ...). Bases with a core under 60 words are dropped.
   Exact duplicates (normalised full text) are removed, then near duplicates: word 4-gram shingles of the core
   (NFC, format characters removed, lower-cased, punctuation dropped); every pair sharing >= 8 shingles of
   document frequency <= 50 (an inverted index, exact for those shingles) is checked exactly, and a pair with
   core Jaccard >= 0.3 or containment (share of the smaller set inside the larger) >= 0.6 is a near duplicate;
   of each connected group the base with the longest core is kept (ties: lower index).
2. **Document mix** for ``n_docs``: 40 % in gold near-duplicate clusters of 2-8 documents (size uniform in 2..8,
   the last one adjusted), 10 % hard negatives (gold singletons, made in pairs), the rest singletons. Each gold
   group (cluster, singleton, hard-negative document) has its own *root* page.
3. **Roots**: the distinct bases, shuffled, one per group. When the corpus needs more roots than there are
   bases (from about 16k documents; at 100k about 68k roots for ~11k bases), the other roots are **remixes**:
   the head and tail lines of a random base page around a body made of runs of consecutive sentences taken from
   different bases (sources drawn in proportion to their core words; a run is at most 20 % of its source's core
   and at most 15 % of the remix, at least one sentence, so 7+ sources per remix; each base has a moving
   cursor, so successive remixes take different parts of it), regrouped into paragraphs of 40-110 words, with a
   title made of the first words of its first run. The body length follows the core lengths of the bases
   (120-3000 words). So at 100k most documents are variants or remixes of
   ~10.5k real articles: real sentences, vocabulary and page boilerplate, but every sentence is reused by about
   5 gold groups (small partial overlaps between groups, Jaccard mostly < 0.1).
4. **Clusters**: the root page itself (kind ``original``, absent with probability 0.2 as in the dev set's
   ``orig_absent``) plus variants whose kinds cycle evenly through (shuffled each cycle):
   - ``syndication``: the page's own head/tail boilerplate replaced by the head and tail lines of a pool page of
     a *different publisher* (its title line left out, and lines over 25 words: bios, disclaimers and cookie
     notices are never lent to other pages, here nor in templates and remix wrappers; a donor with at most
     0.6 x the core's words of them, else the leanest of 50 tried), the root's title kept; with probability 0.5 a dateline
     (``शहर, D महीना (एजेंसी)।``) before the first paragraph;
   - ``sent_edit``: 1..k sentences deleted and 1..k sentences from another base inserted (k = 5-15 % of the
     sentences, at least 1);
   - ``truncate``: the head and the first 50-85 % of the core (cut at a word), an ellipsis maybe, no tail;
   - ``reorder``: the core's paragraphs permuted (or, with fewer than 3 paragraphs, chunks of sentences);
   - ``unicode``: per document, the nukta letters flipped to the other form (precomposed U+0958-095F <->
     decomposed) with probability 0.6, NFD with probability 0.5, zero-width characters (ZWNJ, ZWJ, ZWSP) inside
     about one word in 30 and after some viramas, a BOM with probability 0.3, no-break spaces for 2 % of the
     spaces with probability 0.3;
   - ``punct_space``: spaces after danda removed / before danda added, danda as ``|``, commas re-spaced, doubled
     spaces, blank lines between paragraphs, straight/curly quotes and ellipsis swapped.
5. **Hard negatives** (gold singletons), half of each kind, in pairs:
   - ``hn_template``: two roots in one page template: the head and tail lines of a pool page plus 3-10 titles of
     other articles of its publisher as related links (at least 60 words of template), the same lines in both;
     each root's title and the start of its core sized so that the template is 40-70 % of the words;
   - ``hn_quote``: two roots sharing one long quotation (40-120 words of consecutive sentences of a third base),
     inserted after the first paragraph as ``<speaker> ने कहा, “...”``, each root's core cut so that the quote
     is 20-50 % of its words; the pages keep their own head and tail.
6. The documents are shuffled. The gold label of a document is its group number.

:func:`build_real_corpus_full` returns the kinds, the root kind of each group and the recipe counts too.
"""

from __future__ import annotations

import bisect
import collections
import gzip
import hashlib
import itertools
import json
import os
import random
import re
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks._common import SHARED_DATA

__all__ = ["DATA_ENV", "Base", "BasePool", "Page", "RealDataMissingError", "data_dir_of", "load_bases"]

DATA_ENV = "NEWSCLEAN_DATA_DIR"
DEFAULT_DATA_DIR = str(SHARED_DATA)
POOL = Path("boilerplate") / "pool-2026-dev.jsonl.gz"
DEV = Path("dedup") / "dev.jsonl"

VARIANT_KINDS = ("syndication", "sent_edit", "truncate", "reorder", "unicode", "punct_space")
CLUSTER_SHARE, HARD_NEG_SHARE = 0.40, 0.10
CLUSTER_SIZES = (2, 8)
ORIG_ABSENT_P = 0.2

CONTENT_WORDS = 20  # a core line has at least this many words
COMMON_LINE_DOCS = 3  # a line (digits masked) found in this many pool pages is boilerplate, never core
MIN_CORE_WORDS = 60
NEAR_JACCARD, NEAR_CONTAINMENT = 0.3, 0.6
SHINGLE = 4
MAX_DF = 50
DONOR_LINE_WORDS = 25  # boilerplate lines lent to other pages (syndication, templates, remix wrappers)
RUN_SOURCE_SHARE, RUN_REMIX_SHARE = 0.20, 0.15  # remix runs: at most this share of the source core / remix


class RealDataMissingError(FileNotFoundError):
    """The shared data files the real-text corpus is built from are not there."""


def data_dir_of(data_dir: str | None = None) -> str:
    """The data folder: the argument, else ``$NEWSCLEAN_DATA_DIR``, else ``/work/shared/data``."""
    return data_dir or os.environ.get(DATA_ENV) or DEFAULT_DATA_DIR


# ---------------------------------------------------------------------------------------------- text helpers

_WORD = re.compile(r"[\w\u0900-\u0963\u0966-\u097f]+")  # matras/virama/nukta are not \w in re: listed
_FORMAT = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")
_DIGIT = re.compile(r"[0-9\u0966-\u096f]+")
_SENT = re.compile(r"(?<=[।॥?!|.])\s+")


def _nwords(s: str) -> int:
    return len(s.split())


def _line_key(s: str) -> str:
    return _DIGIT.sub("0", " ".join(s.split())).casefold()


def _norm_key(s: str) -> str:
    return " ".join(_WORD.findall(_FORMAT.sub("", unicodedata.normalize("NFC", s)).lower()))


def _sentences(line: str) -> list[str]:
    return [x for x in _SENT.split(line.strip()) if x]


@dataclass
class Base:
    """One real page: its lines and where its core (article text) starts and ends."""

    ident: str
    publisher: str
    title: str
    lines: list[str]
    lo: int  # first core line
    hi: int  # last core line (inclusive)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def head(self) -> list[str]:
        return self.lines[: self.lo]

    @property
    def core(self) -> list[str]:
        return self.lines[self.lo : self.hi + 1]

    @property
    def tail(self) -> list[str]:
        return self.lines[self.hi + 1 :]

    def title_lines(self) -> list[str]:
        """The head lines that are the title (equal to it, or one inside the other, 5+ words)."""
        t = _norm_key(self.title)
        out = []
        for ln in self.head:
            k = _norm_key(ln)
            if k and t and (k == t or (len(k.split()) >= 5 and (k in t or t in k))):
                out.append(ln)
        return out

    def boiler_lines(self) -> tuple[list[str], list[str]]:
        """This page's short boilerplate lines, to lend to other pages: its head lines that are not the title,
        and its tail lines; non-empty lines of at most ``DONOR_LINE_WORDS`` words only (bylines, breadcrumbs,
        related links, prompts). Long boilerplate paragraphs (author bios, disclaimers, cookie notices) stay
        where they occur, in the whole page, and are never copied onto other pages: copied, one bio would be
        the same 300-word paragraph on dozens of documents."""
        titles = set(self.title_lines())
        head = [ln for ln in self.head if ln.strip() and ln not in titles and _nwords(ln) <= DONOR_LINE_WORDS]
        return head, [ln for ln in self.tail if ln.strip() and _nwords(ln) <= DONOR_LINE_WORDS]


def _split_page(ident: str, publisher: str, title: str, text: str, common: set[str]) -> Base | None:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    content = [
        i for i, ln in enumerate(lines) if _nwords(ln) >= CONTENT_WORDS and _line_key(ln) not in common
    ]
    if not content:
        return None
    b = Base(ident, publisher, title, lines, content[0], content[-1])
    if sum(_nwords(ln) for ln in b.core) < MIN_CORE_WORDS:
        return None
    return b


# ---------------------------------------------------------------------------------------------- loading bases


def _load(data_dir: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    pool_p, dev_p = Path(data_dir) / POOL, Path(data_dir) / DEV
    missing = [str(p) for p in (pool_p, dev_p) if not p.is_file()]
    if missing:
        msg = (
            f"real-text dedup corpus: data not found: {', '.join(missing)} (set {DATA_ENV} or pass data_dir; "
            f"default {DEFAULT_DATA_DIR})"
        )
        raise RealDataMissingError(msg)
    with gzip.open(pool_p, "rt", encoding="utf-8") as f:
        pool = [json.loads(x) for x in f if x.strip()]
    with dev_p.open(encoding="utf-8") as f:
        dev = [json.loads(x) for x in f if x.strip()]
    return pool, dev


_DEV_PUBLISHER = {
    "covid:AU": "AU",
    "covid:DJ": "DJ",
    "covid:DH": "LH",
}  # assumed: the same dailies as the pool's


def _shingle_sets(texts: list[str]) -> list[np.ndarray]:
    """Sorted unique uint64 word-4-gram hashes of each text (blake2b per distinct token; numpy mixing)."""
    cache: dict[str, int] = {}
    out = []
    m1, m2 = np.uint64(0x9E3779B97F4A7C15), np.uint64(0xBF58476D1CE4E5B9)
    for t in texts:
        toks = _norm_key(t).split()
        ids = []
        for w in toks:
            h = cache.get(w)
            if h is None:
                h = int.from_bytes(hashlib.blake2b(w.encode("utf-8"), digest_size=8).digest(), "little")
                cache[w] = h
            ids.append(h)
        a = np.array(ids, dtype=np.uint64)
        if a.shape[0] < SHINGLE:
            out.append(np.unique(a[:1] ^ m2) if a.size else np.zeros(0, np.uint64))
            continue
        k = a.shape[0] - SHINGLE + 1
        h = a[:k].copy()
        for j in range(1, SHINGLE):
            h = (h * m1) ^ a[j : j + k]
            h ^= h >> np.uint64(31)
        h *= m2
        h ^= h >> np.uint64(29)
        out.append(np.unique(h))
    return out


def _near_dup_groups(sets: list[np.ndarray]) -> tuple[list[int], int, int]:
    """Union-find labels of near-duplicate bases (see the module doc), the candidate and near-pair counts."""
    n = len(sets)
    sh = np.concatenate(sets) if sets else np.zeros(0, np.uint64)
    doc = np.repeat(np.arange(n, dtype=np.int64), [s.shape[0] for s in sets])
    order = np.lexsort((doc, sh))
    sh, doc = sh[order], doc[order]
    # document frequency of each row's shingle; keep rows of shingles with 2 <= df <= MAX_DF
    start = np.flatnonzero(np.concatenate([[True], sh[1:] != sh[:-1]]))
    df = np.diff(np.concatenate([start, [sh.shape[0]]]))
    row_df = np.repeat(df, df)
    keep = (row_df >= 2) & (row_df <= MAX_DF)
    sh, doc = sh[keep], doc[keep]
    codes = []
    for d in range(1, MAX_DF):
        hit = sh[d:] == sh[:-d]
        if not hit.any():
            break
        a, b = doc[:-d][hit], doc[d:][hit]
        codes.append(np.minimum(a, b) * n + np.maximum(a, b))
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    if not codes:
        return parent, 0, 0
    u, c = np.unique(np.concatenate(codes), return_counts=True)
    cand = u[c >= 8]
    near = 0
    for code in cand.tolist():
        i, j = divmod(code, n)
        si, sj = sets[i], sets[j]
        inter = np.intersect1d(si, sj, assume_unique=True).shape[0]
        union = si.shape[0] + sj.shape[0] - inter
        small = min(si.shape[0], sj.shape[0])
        if (union and inter / union >= NEAR_JACCARD) or (small and inter / small >= NEAR_CONTAINMENT):
            near += 1
            ri, rj = find(i), find(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
    return [find(i) for i in range(n)], int(cand.shape[0]), near


@dataclass
class BasePool:
    bases: list[Base]
    pool_titles: dict[str, list[str]]  # publisher -> titles of its pool pages (file order)
    stats: dict[str, Any]


_BASES_CACHE: dict[str, BasePool] = {}


def load_bases(data_dir: str | None = None) -> BasePool:
    """The distinct bases (recipe step 1), cached per data folder in this process."""
    d = data_dir_of(data_dir)
    if d in _BASES_CACHE:
        return _BASES_CACHE[d]
    t0 = time.perf_counter()
    pool, dev = _load(d)
    line_docs: collections.Counter[str] = collections.Counter()
    for r in pool:
        line_docs.update({_line_key(ln) for ln in r["text"].split("\n") if ln.strip()})
    common = {k for k, c in line_docs.items() if c >= COMMON_LINE_DOCS}
    pool_titles: dict[str, list[str]] = {}
    raw: list[Base] = []
    dropped_short = 0
    for r in pool:
        pool_titles.setdefault(r["publisher"], []).append(r.get("title") or "")
        b = _split_page(str(r["id"]), r["publisher"], r.get("title") or "", r["text"], common)
        if b is None:
            dropped_short += 1
        else:
            raw.append(b)
    n_pool = len(pool)
    dev_bases = [r for r in dev if r["kind"] in ("original", "singleton")]
    for r in dev_bases:
        title = r["text"].split("\n", 1)[0]
        pub = _DEV_PUBLISHER.get(r.get("source", ""), "dev:" + str(r.get("source", "")))
        b = _split_page("dev:" + str(r["id"]), pub, title, r["text"], common)
        if b is None:
            dropped_short += 1
        else:
            raw.append(b)
    # exact duplicates (normalised full text): keep the first
    seen: dict[str, int] = {}
    uniq: list[Base] = []
    for b in raw:
        k = hashlib.blake2b(_norm_key(b.text).encode("utf-8"), digest_size=16).hexdigest()
        if k not in seen:
            seen[k] = len(uniq)
            uniq.append(b)
    n_exact = len(raw) - len(uniq)
    sets = _shingle_sets(["\n".join(b.core) for b in uniq])
    labels, n_cand, n_near = _near_dup_groups(sets)
    best: dict[int, int] = {}
    for i, lab in enumerate(labels):
        size = sets[i].shape[0]
        if lab not in best or size > sets[best[lab]].shape[0]:
            best[lab] = i
    keep = sorted(best.values())
    bases = [uniq[i] for i in keep]
    stats = {
        "pool_pages": n_pool,
        "dev_original_singleton": len(dev_bases),
        "dropped_core_under_60_words": dropped_short,
        "exact_duplicates_removed": n_exact,
        "near_dup_candidate_pairs_checked": n_cand,
        "near_dup_pairs": n_near,
        "near_duplicates_removed": len(uniq) - len(bases),
        "distinct_bases": len(bases),
        "distinct_bases_from_dev": sum(b.ident.startswith("dev:") for b in bases),
        "base_core_words_median": int(np.median([sum(_nwords(x) for x in b.core) for b in bases])),
        "seconds": round(time.perf_counter() - t0, 1),
    }
    bp = BasePool(bases, pool_titles, stats)
    _BASES_CACHE[d] = bp
    return bp


# ---------------------------------------------------------------------------------------------- pages


@dataclass
class Page:
    """A root page: ``head`` (own boilerplate and title), ``core`` (paragraph lines), ``tail``."""

    head: list[str]
    core: list[str]
    tail: list[str]
    title: list[str]  # the head lines that are its title
    publisher: str
    base: int  # index of the base it is (or of the base whose wrapper it has, for a remix)
    remix: bool = False
    verbatim: str | None = None  # the exact source text, for a whole base

    def text(self) -> str:
        if self.verbatim is not None:
            return self.verbatim
        return "\n".join(self.head + self.core + self.tail)

    def boiler(self) -> tuple[list[str], list[str]]:
        t = set(self.title)
        return [x for x in self.head if x.strip() and x not in t], [x for x in self.tail if x.strip()]


def _page_of(bases: list[Base], i: int) -> Page:
    b = bases[i]
    return Page(b.head, b.core, b.tail, b.title_lines(), b.publisher, i, verbatim=b.text)


class _Remixer:
    """Remix roots (recipe step 3): sentence runs of several bases, a moving cursor per base."""

    def __init__(self, bases: list[Base], rng: random.Random) -> None:
        self.bases = bases
        self.rng = rng
        # sentences of each core with their line number (paragraphs are rebuilt from it)
        self.sents: list[list[tuple[int, str, int]]] = []
        for b in bases:
            s = [(k, x, _nwords(x)) for k, ln in enumerate(b.core) if ln.strip() for x in _sentences(ln)]
            self.sents.append(s)
        self.cursor = [rng.randrange(max(1, len(s))) for s in self.sents]
        self.core_words = [sum(w for _, _, w in s) for s in self.sents]
        self.eligible = [i for i, s in enumerate(self.sents) if len(s) >= 2]
        # sources drawn in proportion to their core words, so every sentence is reused about equally often
        # (drawn uniformly, the sentences of short bases would recur in hundreds of remixes)
        self.cum = list(itertools.accumulate(self.core_words[i] for i in self.eligible))

    def _run(self, src: int, max_words: int) -> list[str]:
        s = self.sents[src]
        limit = min(max_words, max(1, int(RUN_SOURCE_SHARE * self.core_words[src])))
        out: list[str] = []
        words = 0
        pos = self.cursor[src]
        for _ in range(len(s)):
            _, x, w = s[pos % len(s)]
            if out and words + w > limit:
                break
            out.append(x)
            words += w
            pos += 1
            if pos % len(s) == 0:  # a run never wraps around the end of its source
                break
        self.cursor[src] = pos % len(s)
        return out

    def page(self) -> Page:
        rng = self.rng
        wrapper = rng.randrange(len(self.bases))
        target = self.core_words[rng.randrange(len(self.bases))]
        target = min(max(target, 120), 3000)
        cap = max(25, int(RUN_REMIX_SHARE * target))
        sents: list[str] = []
        used: list[int] = []
        words = 0
        tries = 0
        while words < target and tries < 300:
            tries += 1
            src = self.eligible[bisect.bisect_right(self.cum, rng.random() * self.cum[-1])]
            if src in used or self.sents[src][self.cursor[src] % len(self.sents[src])][2] > 2 * cap:
                continue
            run = self._run(src, min(cap, target - words + 10))
            used.append(src)
            sents.extend(run)
            words += sum(_nwords(x) for x in run)
        # paragraphs of 40-110 words (sentences of several runs share a paragraph, as in a real article)
        paras: list[str] = []
        buf: list[str] = []
        want = rng.randint(40, 110)
        for x in sents:
            buf.append(x)
            if sum(_nwords(y) for y in buf) >= want:
                paras.append(" ".join(buf))
                buf, want = [], rng.randint(40, 110)
        if buf:
            paras.append(" ".join(buf))
        first = paras[0].split()
        title = " ".join(first[: rng.randint(6, 12)]).rstrip("।|.,:;")
        wb = self.bases[wrapper]
        head, tail = wb.boiler_lines()
        return Page([*head, title], paras, tail, [title], wb.publisher, wrapper, remix=True)
