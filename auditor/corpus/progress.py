"""Progress on a terminal: articles read, events found and audited, rate and time left."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import TextIO


@dataclass
class Progress:
    """One status line, redrawn in place on a terminal; silent when the stream is not a TTY."""

    stream: TextIO = field(default_factory=lambda: sys.stderr)
    enabled: bool = False
    read: int = 0
    to_read: int = 0
    events: int = 0
    audited: int = 0
    to_audit: int = 0
    _phase_start: float = field(default_factory=time.monotonic)
    _last: float = 0.0

    @classmethod
    def for_terminal(cls, stream: TextIO | None = None) -> Progress:
        """Return a progress line that shows only when `stream` (stderr) is a terminal."""
        out = stream or sys.stderr
        return cls(stream=out, enabled=out.isatty())

    def start(self, phase: str, total: int) -> None:
        """Begin counting a phase: "read" or "audit"."""
        self._phase_start = time.monotonic()
        if phase == "read":
            self.to_read = total
        else:
            self.to_audit = total

    def advance(self, read: int = 0, audited: int = 0) -> None:
        """Count work done and redraw (at most ten times a second)."""
        self.read += read
        self.audited += audited
        now = time.monotonic()
        if self.enabled and now - self._last >= 0.1:
            self._last = now
            self.stream.write("\r" + self.line(now) + "\x1b[K")
            self.stream.flush()

    def line(self, now: float) -> str:
        """Return the status line."""
        reading = not self.to_audit
        done, total = (self.read, self.to_read) if reading else (self.audited, self.to_audit)
        elapsed = max(now - self._phase_start, 1e-6)
        rate = done / elapsed
        left = (total - done) / rate if rate else 0.0
        unit = "articles" if reading else "events"
        return (
            f"read {self.read}/{self.to_read} articles, {self.events} events, "
            f"audited {self.audited}/{self.to_audit}; {rate:.1f} {unit}/s, "
            f"{_clock(left)} left"
        )

    def done(self) -> None:
        """Clear the status line."""
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _clock(seconds: float) -> str:
    """Format seconds as H:MM:SS."""
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"
