"""Engine-neutral dedup phases: each takes and returns plain numpy arrays, so any engine can run them.

:func:`newsclean.dedupe` is exactly this sequence on one machine; a distributed engine (Ray Data, Spark,
Slurm jobs over Parquet files) gets the *same* result by running the same phases with a shuffle between:

1. per batch (map): ``part = scan(texts, params, max_tokens)`` — each document's token hashes and line
   lengths, its story keys, key hash and length, and one row per short line (document, line hash, line
   number); keep them with global document ids;
2. global (reduce): ``template = template_lines(row_hash, stories[row_doc], min_docs)`` counts each short
   line once per story key (group by ``(story, line)``, then by line); ``representatives(...)`` picks one
   occurrence of each template line by content; ``feats = featurize(line_texts(their texts, line_no))``
   and ``template_values(feats, all its lines, params)`` give the template's shingle values (a small
   sorted array, broadcast);
3. per batch (map): mark each document's template lines (its rows whose hash is a template line);
   ``sets, offsets = document_sets(tokens, line_len, doc_lines, drop_line, ValueSet(values), params)``;
   ``sig = signatures(sets, offsets, params)``; ``keys = band_keys(sig, bands, rows, params.seed)`` and
   ``prints = fingerprints(sig)`` (``bands, rows = cfg.bands_rows()``);
4. group by (band, key) (shuffle): ``candidate_pairs`` on each group's rows gives the pairs (global ids):
   members ordered by ``rank`` = ``key_hash`` (ties by id), each paired with the next ``window``; ``valid``
   excludes empty documents and all but one member of each exact-duplicate group (:func:`exact_groups`);
5. join each pair with both documents' sizes and fingerprints: ``prefilter`` drops the pairs their
   signatures rule out; then with both shingle sets: ``matching_pairs`` verifies exactly and applies the
   accept rule of the :class:`DedupConfig`; ``cluster_labels`` adds the exact groups and labels the
   clusters by union-find;
6. :func:`newsclean.dedup.index.build_result` applies the keep rule and scores duplicates (accepted pairs'
   resemblance reused).

Every choice in these phases depends on document content only (hashes, lengths), never on input order or on
the batch a document fell in; the template counts of phase 2 are global by design.
"""

from __future__ import annotations

from .candidates import WINDOW, Mapper, band_keys, candidate_pairs, fingerprints, prefilter
from .clusters import cluster_labels, components, exact_groups, matching_pairs
from .config import DEFAULT_THRESHOLD, DedupConfig
from .minhash import signatures_from_sets as signatures
from .scan import ScanPart, scan
from .shingles import document_sets, line_shingles, run_shingles, story_keys, unique_sets
from .templates import line_rows, line_texts, representatives, template_lines, template_values
from .verify import accept, verify_pairs

__all__ = [
    "DEFAULT_THRESHOLD",
    "WINDOW",
    "DedupConfig",
    "Mapper",
    "ScanPart",
    "accept",
    "band_keys",
    "candidate_pairs",
    "cluster_labels",
    "components",
    "document_sets",
    "exact_groups",
    "fingerprints",
    "line_rows",
    "line_shingles",
    "line_texts",
    "matching_pairs",
    "prefilter",
    "representatives",
    "run_shingles",
    "scan",
    "signatures",
    "story_keys",
    "template_lines",
    "template_values",
    "unique_sets",
    "verify_pairs",
]
