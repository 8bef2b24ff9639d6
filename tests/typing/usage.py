"""Type-checked usage examples (mypy --strict runs over this file; pytest does not collect it)."""

from __future__ import annotations

import newsclean as nc


def typed_usage() -> None:
    text: str = nc.normalize("क़ानून|", profile="search")
    cleaned: nc.Cleaned = nc.normalize_and_explain(text)
    edits: tuple[nc.Edit, ...] = cleaned.edits
    sentences: list[str] = nc.split_sentences(cleaned.text)
    spans: list[nc.Span] = nc.sentence_spans(cleaned.text)
    body: str = nc.strip_boilerplate("खबर।", title="शीर्षक", standfirst=None)
    result: nc.DedupResult = nc.dedupe([body, body])
    ids: list[int] = result.cluster_ids
    kept: list[int] = result.kept
    dup: dict[int, tuple[int, float]] = result.duplicate_of
    pipe: nc.Pipeline = nc.make_pipeline(nc.Normalize(), nc.StripBoilerplate(), nc.SplitSentences())
    doc: nc.Document = pipe(nc.Document("खबर|", title="शीर्षक"))
    original: nc.Span = doc.to_original(nc.Span(0, 1))
    del edits, sentences, spans, ids, kept, dup, original
