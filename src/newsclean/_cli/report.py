"""Run counters, the end-of-run summary and the terminal progress bar (stderr only, TTY only)."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import TextIO


@dataclass
class Summary:
    """Counts for one run; ``read == written + rejected + duplicates`` when the run completes."""

    command: str
    read: int = 0
    written: int = 0
    rejected: int = 0
    duplicates: int = 0
    changed: int = 0
    removed: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.perf_counter)
    status: str = "done"

    def render(self) -> str:
        """The multi-line summary printed on stderr at the end of every run."""
        elapsed = time.perf_counter() - self.started
        rate = self.read / elapsed if elapsed > 0 else 0.0
        lines = [
            f"newsclean {self.command}: {self.status} in {elapsed:.2f} s ({rate:,.0f} records/s)",
            f"  records read:              {self.read:>10,}",
            f"  written:                   {self.written:>10,}",
            f"  rejected:                  {self.rejected:>10,}",
            f"  dropped as duplicates:     {self.duplicates:>10,}",
        ]
        if self.command in ("dedup", "mine"):
            return "\n".join(lines)  # these commands change no text
        if self.changed:
            lines.append(f"  replacements (edits):      {self.changed:>10,}")
        total = sum(self.removed.values())
        lines.append(f"  characters removed:        {total:>10,}")
        for kind, n in sorted(self.removed.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"    {kind:<25}{n:>10,}")
        return "\n".join(lines)


class Progress:
    """A one-line progress display redrawn at most ten times a second; silent unless ``stream`` is a TTY."""

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

    def update(self, records: int, nbytes: int = 0) -> None:
        """Advance by ``records`` records and ``nbytes`` input bytes; redraw if due."""
        self.count += records
        self.bytes += nbytes
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
            line = f"[{'#' * filled}{'.' * (30 - filled)}] {frac:6.1%} " + line
        self.stream.write("\r" + line)
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        """Clear the progress line so the summary starts on a clean line."""
        if self.enabled and self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
