"""Run counters, the end-of-run summary and the terminal progress bar (stderr only, TTY only).

The bar is drawn by hand rather than with ``tqdm``: it is thirty lines, needs no runtime dependency, and it
measures what matters here, the bytes of the input *file* consumed (compressed bytes for gzip and Parquet),
so the fraction and the ETA are right for compressed inputs too.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import TextIO

__all__ = ["Progress", "Summary", "format_duration"]


def format_duration(seconds: float) -> str:
    """``h:mm:ss`` (or ``m:ss`` under an hour).

    Args:
        seconds: A duration.

    Returns:
        The text.

    >>> format_duration(83), format_duration(3725.4)
    ('1:23', '1:02:05')
    """
    s = round(seconds)
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


@dataclass
class Summary:
    """Counts for one run; ``read == written + rejected + duplicates + unwritten`` always.

    ``unwritten`` counts the records read but not written because the run stopped (``--on-error stop``):
    the bad record itself, and with a file output every record before it too.
    """

    command: str
    read: int = 0
    written: int = 0
    rejected: int = 0
    duplicates: int = 0
    unwritten: int = 0
    changed: int = 0
    input_chars: int = 0
    removed: Counter[str] = field(default_factory=Counter)
    shards_done: int = 0
    shards_skipped: int = 0
    model: str | None = None
    started: float = field(default_factory=time.perf_counter)
    status: str = "done"

    def balanced(self) -> bool:
        """True when every record read is accounted for."""
        return self.read == self.written + self.rejected + self.duplicates + self.unwritten

    def render(self) -> str:
        """The multi-line summary printed on stderr at the end of every run."""
        elapsed = time.perf_counter() - self.started
        rate = self.read / elapsed if elapsed > 0 else 0.0
        used = "used for the model:" if self.command == "mine" else "written:"
        lines = [
            f"newsclean {self.command}: {self.status} in {elapsed:.2f} s ({rate:,.0f} records/s)",
            f"  records read:              {self.read:>10,}",
            f"  {used:<27}{self.written:>10,}",
            f"  rejected:                  {self.rejected:>10,}",
            f"  dropped as duplicates:     {self.duplicates:>10,}",
        ]
        if self.unwritten:
            lines.append(f"  not written (run stopped): {self.unwritten:>10,}")
        if self.shards_done or self.shards_skipped:
            lines.append(
                f"  shards:                    {self.shards_done:>10,} done, {self.shards_skipped:,} skipped "
                "(complete in the manifest)"
            )
        if self.model is not None:
            lines.append(f"  model:                     {self.model}")
        if self.command in ("dedup", "mine"):
            return "\n".join(lines)  # these commands change no text
        if self.changed:
            lines.append(f"  replacements (edits):      {self.changed:>10,}")
        total = sum(self.removed.values())
        lines.append(
            f"  characters removed:        {total:>10,}  {self._share(total)} of "
            f"{self.input_chars:,} input characters"
        )
        for rule, n in sorted(self.removed.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"    {rule:<33}{n:>10,}  {self._share(n)}")
        return "\n".join(lines)

    def _share(self, n: int) -> str:
        return f"{100 * n / self.input_chars:6.2f} %" if self.input_chars else "     - %"


class Progress:
    """A one-line progress display redrawn at most ten times a second; silent unless ``stream`` is a TTY.

    With the input size known it shows a bar, the fraction done and an ETA from the bytes consumed so far.
    """

    def __init__(
        self, stream: TextIO, total_bytes: int | None = None, *, enabled: bool | None = None
    ) -> None:
        self.stream = stream
        self.total = total_bytes
        self.enabled = stream.isatty() if enabled is None else enabled
        self.started = time.perf_counter()
        self._last = 0.0
        self.bytes = 0
        self.count = 0
        self._drawn = False

    def update(self, records: int, position: int | None = None) -> None:
        """Advance by ``records`` records; ``position`` is the input bytes consumed so far, when known."""
        self.count += records
        if position is not None:
            self.bytes = position
        if not self.enabled:
            return
        now = time.perf_counter()
        if now - self._last < 0.1:
            return
        self._last = now
        self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = now - self.started
        rate = self.count / elapsed if elapsed > 0 else 0.0
        line = f"{self.count:>10,} records  {rate:>8,.0f}/s"
        if self.total:
            frac = min(1.0, self.bytes / self.total)
            filled = int(frac * 30)
            eta = format_duration(elapsed * (1 - frac) / frac) if frac > 0 else "?"
            line = f"[{'#' * filled}{'.' * (30 - filled)}] {frac:6.1%} " + line + f"  ETA {eta}"
        self.stream.write("\r" + line)
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        """Clear the progress line so the summary starts on a clean line."""
        if self.enabled and self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False
