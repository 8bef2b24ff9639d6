"""``newsclean demo``: the full job on the bundled seed, with what was removed and why, for a terminal."""

from __future__ import annotations

import json
import textwrap
import unicodedata
from typing import TextIO

from ..io.seed import SEED_NAME, load_seed
from ..types import Document, Edit, Span
from .work import explain

RULE = "─" * 72
_MAX_SHOWN = 240


def visible(text: str, limit: int = _MAX_SHOWN) -> str:
    """Show invisible and control characters as ``<U+XXXX>``, newlines as ``⏎``; shorten long text."""
    out: list[str] = []
    for ch in text:
        if ch == "\n":
            out.append("⏎")
        elif ch == " ":
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zs", "Zl", "Zp", "Co", "Cn"):
            out.append(f"<U+{ord(ch):04X}>")
        else:
            out.append(ch)
    shown = "".join(out)
    if len(shown) > limit:
        shown = f"{shown[:limit]}… (+{len(shown) - limit} more characters)"
    return shown


def _wrap(text: str, indent: str = "    ") -> str:
    lines: list[str] = []
    for p in text.split("\n"):
        lines.extend(textwrap.wrap(p, 96, initial_indent=indent, subsequent_indent=indent) or [""])
    return "\n".join(lines)


def _edit_line(n: int, span: Span, e: Edit) -> str:
    head = f"  {n:>3}. {e.rule}  (kind: {e.kind})  original[{span.start}:{span.end}]"
    body = [head]
    if e.reason:
        body.append(f"       why: {e.reason}")
    if e.new:
        body.append(f"       changed: «{visible(e.old)}» → «{visible(e.new)}»")
    else:
        body.append(f"       removed: «{visible(e.old)}»")
    return "\n".join(body)


def run_pipeline(profile: str = "safe") -> Document:
    """The seed after normalise → strip boilerplate → split sentences."""
    from ..boilerplate import StripBoilerplate
    from ..normalize import Normalize
    from ..pipeline import make_pipeline
    from ..sentences import SplitSentences

    return make_pipeline(Normalize(profile=profile), StripBoilerplate(), SplitSentences())(load_seed())


def render(doc: Document, profile: str) -> str:
    """The terminal report for a processed seed document."""
    original = doc.original or ""
    removed = doc.removed()
    by_step: dict[str, list[tuple[Span, Edit]]] = {}
    steps = [r.step for r in doc.history for _ in r.edits]
    for step, item in zip(steps, removed, strict=True):
        by_step.setdefault(step, []).append(item)
    out = [
        RULE,
        f"newsclean demo: the bundled seed article ({SEED_NAME}), profile {profile!r}",
        RULE,
        "HEADLINE",
        _wrap(doc.title or ""),
        "STANDFIRST",
        _wrap(doc.standfirst or ""),
        "",
    ]
    for n, record in enumerate(doc.history, start=1):
        items = by_step.get(record.step, [])
        chars = sum(len(e.old) for _, e in items if not e.new)
        if record.step == "split_sentences":
            continue
        title = {"normalize": "NORMALISATION", "strip_boilerplate": "BOILERPLATE REMOVED"}.get(
            record.step, record.step.upper()
        )
        out.append(f"{n}. {title}: {len(items)} edit(s), {chars} character(s) removed")
        if not items:
            out.append("     nothing to do: this text is already clean for this step")
        out.extend(_edit_line(i, span, e) for i, (span, e) in enumerate(items, start=1))
        out.append("")
    out.append(f"CLEAN TEXT ({len(doc.text)} characters; the original body had {len(original)})")
    out.append(_wrap(doc.text.rstrip("\n")))
    out.append("")
    sentences = doc.sentence_texts()
    out.append(f"SENTENCES ({len(sentences)})")
    width = len(str(len(sentences)))
    out.extend(f"  {i:>{width}}  {visible(s, 10_000)}" for i, s in enumerate(sentences, start=1))
    out.append(RULE)
    out.append(
        "Spans are [start:end) character offsets into the original body (see `newsclean clean --explain`)."
    )
    out.append("Run it on your own data:  newsclean clean articles.jsonl -o clean.jsonl --explain")
    return "\n".join(out) + "\n"


def run_demo(out: TextIO, *, profile: str = "safe", as_json: bool = False) -> int:
    """Print the demo report (or one JSON object with ``--json``) and return exit code 0."""
    doc = run_pipeline(profile)
    if as_json:
        payload = {
            "id": doc.id,
            "title": doc.title,
            "standfirst": doc.standfirst,
            "cleaned": doc.text,
            "sentences": doc.sentence_texts(),
            "edits": explain(doc),
        }
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(render(doc, profile))
    return 0
