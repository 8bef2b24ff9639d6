"""The ``newsclean`` command line (also ``python -m newsclean``).

Subcommands: ``clean``, ``normalize``, ``split``, ``mine``, ``dedup`` and ``demo``. Input is JSONL,
JSONL.gz or plain-text articles, from a file or stdin; output is JSONL (UTF-8, Devanagari unescaped) or
plain text, to a file (written atomically) or stdout. A summary always goes to stderr.

Exit codes: 0 success; 1 a bad input record stopped the run (``--on-error stop``), or every record was
rejected; 2 usage error (bad option, output would overwrite the input, unusable model file); 3 a file
could not be read or written (including truncated or corrupt gzip); 130 interrupted (SIGINT); 143
terminated (SIGTERM).

>>> import io, contextlib
>>> buf = io.StringIO()
>>> with contextlib.redirect_stdout(buf):
...     code = main(["--version"])
>>> code, buf.getvalue().startswith("newsclean ")
(0, True)
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from ._cli.errors import (
    EXIT_INTERRUPTED,
    EXIT_IO,
    EXIT_TERMINATED,
    EXIT_USAGE,
    CliError,
    Terminated,
    sigterm_raises,
)
from ._cli.pool import WorkerDied
from ._cli.report import Summary
from ._cli.stream import IO, run_stream
from ._cli.work import STEP_NAMES, Fields, Job, build_pipeline
from .errors import ConfigError, NewscleanError
from .normalize import PROFILES  # --profile: `search` also folds for indexing and matching

__all__ = ["build_parser", "main"]

EPILOG = """\
exit codes: 0 success; 1 a bad record stopped the run (--on-error stop), or every record was rejected;
2 usage error (bad option, output would overwrite the input, unusable model); 3 a file could not be read
or written (also truncated or corrupt gzip); 130 interrupted (SIGINT); 143 terminated (SIGTERM).
"""

MAX_JOBS_PER_CPU = 4


def _steps(value: str) -> tuple[str, ...]:
    names = tuple(s.strip() for s in value.split(",") if s.strip())
    bad = [s for s in names if s not in STEP_NAMES]
    if bad or not names:
        msg = f"invalid step list {value!r}; use a comma-separated subset of {','.join(STEP_NAMES)}"
        raise argparse.ArgumentTypeError(msg)
    return tuple(s for s in STEP_NAMES if s in names)  # always run in pipeline order


def _rule_ids(value: str) -> list[str]:
    ids = [r.strip() for r in value.split(",") if r.strip()]
    bad = [r for r in ids if not r.startswith(("normalize.", "boilerplate."))]
    if bad or not ids:
        msg = f"invalid rule id {value!r}; rule ids start with 'normalize.' or 'boilerplate.' (see the rule reference)"
        raise argparse.ArgumentTypeError(msg)
    return ids


def _positive(option: str) -> Callable[[str], int]:
    def parse(value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            n = 0
        if n < 1:
            msg = f"{option} must be a whole number >= 1, got {value!r}"
            raise argparse.ArgumentTypeError(msg)
        return n

    return parse


def _jobs(value: str) -> int:
    limit = MAX_JOBS_PER_CPU * (os.cpu_count() or 1)
    n = _positive("--jobs")(value)
    if n > limit:
        msg = f"--jobs must be at most {limit} ({MAX_JOBS_PER_CPU} per CPU), got {value!r}"
        raise argparse.ArgumentTypeError(msg)
    return n


def _level(value: str) -> int:
    if value not in tuple("123456789"):
        msg = f"--compress-level must be a whole number from 1 (fastest) to 9 (smallest), got {value!r}"
        raise argparse.ArgumentTypeError(msg)
    return int(value)


def _threshold(value: str) -> float:
    try:
        t = float(value)
    except ValueError:
        t = -1.0
    if not 0.0 < t <= 1.0:
        msg = f"--threshold must be in (0, 1], got {value!r}"
        raise argparse.ArgumentTypeError(msg)
    return t


def _io_args(p: argparse.ArgumentParser, *, text_format: bool = True, output_required: bool = False) -> None:
    g = p.add_argument_group("input and output")
    g.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="JSONL(.gz) or Parquet files, directories of them, or quoted globs ('crawl/*.jsonl.gz'), read "
        "in order; '-' or none: stdin",
    )
    g.add_argument(
        "-o",
        "--output",
        default=None if output_required else "-",
        required=output_required,
        help="output file (.gz compresses, .parquet writes Parquet), or a directory (DIR/) for one shard per "
        "input under the same name; absent or '-': stdout"
        if not output_required
        else "output file",
    )
    g.add_argument(
        "--compress-level",
        type=_level,
        default=6,
        metavar="N",
        help="gzip level for .gz outputs: 1 fastest ... 9 smallest (default 6)",
    )
    if text_format:
        g.add_argument(
            "--format",
            dest="input_format",
            choices=("jsonl", "text"),
            default="jsonl",
            help="input format: JSONL records, or one plain-text article (headline, optional standfirst, "
            "blank line, body) per file; a directory reads its *.txt files",
        )
    g.add_argument(
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="worker processes (order is preserved)",
    )
    g.add_argument("--no-progress", action="store_true", help="never draw the progress bar")
    f = p.add_argument_group("field names")
    f.add_argument("--text-field", default="text", metavar="NAME", help="the article body (default: text)")
    f.add_argument("--title-field", default="title", metavar="NAME", help="the headline (default: title)")
    f.add_argument("--id-field", default="id", metavar="NAME", help="the record id (default: id)")
    f.add_argument("--standfirst-field", default="standfirst", metavar="NAME", help="default: standfirst")
    f.add_argument(
        "--group-field",
        default=None,
        metavar="NAME",
        help="the publisher, for a mined boilerplate model (mine: default publisher)",
    )
    e = p.add_argument_group("bad input")
    e.add_argument(
        "--on-error",
        choices=("stop", "reject"),
        default=None,
        help="stop (default): exit 1 at the first bad line, naming file and line; reject: set it aside",
    )
    e.add_argument(
        "--rejects", metavar="FILE", help="write each rejected line, its location and reason (JSONL)"
    )


def _output_args(p: argparse.ArgumentParser, *, cleaned: bool, sentences: bool) -> None:
    g = p.add_argument_group("output fields")
    if cleaned:
        g.add_argument(
            "--output-field", default="cleaned", metavar="NAME", help="cleaned text (default: cleaned)"
        )
        g.add_argument(
            "--explain", action="store_true", help="add the removal record (off by default for size)"
        )
        g.add_argument(
            "--edits-field", default="edits", metavar="NAME", help="removal record (default: edits)"
        )
        g.add_argument(
            "--no-original",
            action="store_true",
            help="leave the input text field out of the output (the cleaned text and edits stay)",
        )
    if sentences:
        g.add_argument("--sentences-field", default="sentences", metavar="NAME", help="default: sentences")
        g.add_argument("--spans", action="store_true", help="also add [start, end) sentence spans")
        g.add_argument(
            "--spans-field", default="sentence_spans", metavar="NAME", help="default: sentence_spans"
        )
    g.add_argument(
        "--output-format",
        choices=("jsonl", "text"),
        default="jsonl",
        help="jsonl: every input field plus the added ones; text: plain-text articles (sentences one a "
        "line when split ran), separated by a form-feed line",
    )


def _disable_arg(p: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    p.add_argument(
        "--disable",
        type=_rule_ids,
        action="append",
        default=[],
        metavar="RULE[,RULE]",
        help="switch rules off by id (repeatable), e.g. normalize.colon_to_visarga,boilerplate.title_echo",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``newsclean`` command.

    Returns:
        A parser with the six subcommands.

    >>> build_parser().parse_args(["clean", "in.jsonl", "--steps", "split,normalize"]).steps
    ('normalize', 'split')
    """
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="newsclean",
        description="Clean, sentence-split and deduplicate Hindi (Devanagari) news text.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-V", "--version", action="version", version=f"newsclean {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    clean = sub.add_parser("clean", help="normalise, strip boilerplate and split sentences", epilog=EPILOG)
    _io_args(clean)
    c = clean.add_argument_group("cleaning")
    c.add_argument(
        "--steps",
        type=_steps,
        default=STEP_NAMES,
        metavar="LIST",
        help="comma-separated steps to run, always in this order: normalize,boilerplate,split (default: all)",
    )
    c.add_argument("--profile", choices=PROFILES, default="safe", help="normalisation profile")
    c.add_argument(
        "--resume",
        action="store_true",
        help="with an output directory: skip the shards its manifest records as complete for the same "
        "input and options",
    )
    c.add_argument("--model", metavar="FILE", help="a boilerplate model saved by `newsclean mine`")
    _disable_arg(c)
    _output_args(clean, cleaned=True, sentences=True)

    norm = sub.add_parser("normalize", help="Devanagari normalisation only", epilog=EPILOG)
    _io_args(norm)
    norm.add_argument("--profile", choices=PROFILES, default="safe", help="safe (default) or search")
    norm.add_argument("--resume", action="store_true", help="as for clean")
    _disable_arg(norm)
    _output_args(norm, cleaned=True, sentences=False)

    split = sub.add_parser("split", help="sentence splitting only (the text is not changed)", epilog=EPILOG)
    _io_args(split)
    split.add_argument("--resume", action="store_true", help="as for clean")
    _output_args(split, cleaned=False, sentences=True)

    mine = sub.add_parser(
        "mine", help="fit a boilerplate model per publisher and save it as JSON", epilog=EPILOG
    )
    _io_args(mine, text_format=False, output_required=True)
    mine.add_argument(
        "--min-docs",
        type=_positive("--min-docs"),
        default=3,
        metavar="N",
        help="documents a template must appear in (default 3)",
    )
    mine.add_argument(
        "--counts",
        action="store_true",
        help="keep the counts in the model file (larger; needed to continue the fit on more records)",
    )

    dedup = sub.add_parser("dedup", help="drop near-duplicate records; write kept records and clusters")
    _io_args(dedup, text_format=False)
    dedup.add_argument("--clusters", metavar="FILE", help="one JSON line per record: its cluster and score")
    dedup.add_argument("--threshold", type=_threshold, default=None, help="Jaccard similarity threshold")

    demo = sub.add_parser("demo", help="run the full job on the bundled seed article and explain it")
    demo.add_argument("--profile", choices=PROFILES, default="safe")
    demo.add_argument("--json", action="store_true", help="print one JSON object instead of the report")
    return parser


def _utf8(stream: TextIO) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(Exception):
            reconfigure(encoding="utf-8", errors="backslashreplace")


def _fields(args: argparse.Namespace) -> Fields:
    return Fields(
        text=args.text_field,
        title=args.title_field,
        id=args.id_field,
        standfirst=args.standfirst_field,
        group=args.group_field,
        output=getattr(args, "output_field", "cleaned"),
        sentences=getattr(args, "sentences_field", "sentences"),
        spans=args.spans_field if getattr(args, "spans", False) else None,
        edits=args.edits_field if getattr(args, "explain", False) else None,
    )


def _io(args: argparse.Namespace) -> IO:
    on_error = args.on_error or ("reject" if args.rejects else "stop")
    if args.rejects and on_error == "stop":
        msg = "--rejects needs --on-error reject"
        raise CliError(msg, EXIT_USAGE)
    return IO(
        inputs=tuple(args.inputs),
        output=args.output,
        input_format=getattr(args, "input_format", "jsonl"),
        on_error=on_error,
        rejects=args.rejects,
        jobs=args.jobs,
        progress=not args.no_progress,
        compress_level=args.compress_level,
        resume=getattr(args, "resume", False),
    )


def _run(args: argparse.Namespace, err: TextIO) -> int:
    if args.command == "demo":
        from ._cli.demo import run_demo

        return run_demo(sys.stdout, profile=args.profile, as_json=args.json)
    io = _io(args)
    summary = Summary(args.command)
    fields = _fields(args)
    if args.command == "dedup":
        from ._cli.corpus import run_dedup

        threshold = args.threshold if args.threshold is not None else _default_threshold()
        return run_dedup(io, fields, threshold, args.clusters, summary, err)
    if args.command == "mine":
        from ._cli.mine import run_mine

        return run_mine(io, fields, summary, err, min_docs=args.min_docs, counts=args.counts)
    steps: tuple[str, ...] = args.steps if args.command == "clean" else (args.command,)
    job = Job(
        steps=steps,
        profile=getattr(args, "profile", "safe"),
        model_path=getattr(args, "model", None),
        fields=fields,
        output_format=args.output_format,
        disable=tuple(r for group in getattr(args, "disable", []) for r in group),
        keep_original=not getattr(args, "no_original", False),
    )
    try:
        build_pipeline(job)  # fail fast on an unreadable or invalid model, before reading any input
    except ConfigError as exc:
        raise CliError(str(exc), EXIT_USAGE) from exc
    except OSError as exc:
        msg = f"cannot read the model file: {exc}"
        raise CliError(msg, EXIT_IO) from exc
    except (ValueError, KeyError, TypeError) as exc:
        msg = f"unusable model file {job.model_path!r}: {exc}"
        raise CliError(msg, EXIT_USAGE) from exc
    return run_stream(job, io, summary, err)


def _default_threshold() -> float:
    from .dedup.batch import DEFAULT_THRESHOLD

    return DEFAULT_THRESHOLD


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``newsclean`` command line and return its exit code (never raises ``SystemExit``).

    Args:
        argv: Arguments without the program name; ``None`` uses ``sys.argv[1:]``.

    Returns:
        The exit code: 0 success, 1 bad record, 2 usage error, 3 file error, 130 interrupted, 143 terminated.

    >>> main(["clean", "--jobs", "0"])
    2
    """
    _utf8(sys.stdout)
    _utf8(sys.stderr)
    err = sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(None if argv is None else list(argv))
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        with sigterm_raises():
            return _run(args, err)
    except CliError as exc:
        err.write(f"newsclean {args.command}: error: {exc}\n")
        return exc.code
    except (OSError, WorkerDied) as exc:  # includes truncated or corrupt gzip and unreadable Parquet
        err.write(f"newsclean {args.command}: error: {exc}\n")
        return EXIT_IO
    except ModuleNotFoundError as exc:  # an optional extra (pyarrow for Parquet) is missing
        err.write(f"newsclean {args.command}: error: {exc}\n")
        return EXIT_USAGE
    except NewscleanError as exc:
        err.write(f"newsclean {args.command}: error: {exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        err.write(f"newsclean {args.command}: interrupted (SIGINT); unfinished outputs were removed\n")
        return EXIT_INTERRUPTED
    except Terminated:
        err.write(f"newsclean {args.command}: terminated (SIGTERM); unfinished outputs were removed\n")
        return EXIT_TERMINATED
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
