"""The corpus index page: events by severity, their sources and counts, a timeline plot."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date as Date
from typing import Any

from auditor.corpus.events import Event
from auditor.corpus.feed import Bad
from auditor.report import summary

WIDTH, HEIGHT, MARGIN = 720, 140, 30
COLOURS = {"error": "#c0392b", "warning": "#d68910", "info": "#2e86c1", None: "#7f8c8d"}


def render_index(events: Sequence[Event], bad: Sequence[Bad], linked: Collection[str]) -> str:
    """Render the index page of a corpus run."""
    from jinja2 import StrictUndefined
    from markupsafe import Markup

    from auditor.report.html import content_security_policy
    from auditor.report.jinja import environment

    env = environment(
        "corpus/templates",
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    css = CSS
    return env.get_template("index.html.j2").render(
        rows=[_row(e, e.id in linked) for e in ranked(events)],
        bad=bad,
        totals=_totals(events, bad),
        timeline=timeline(events),
        csp=content_security_policy(css, ""),
        css=Markup(css),  # the page's own stylesheet, never article text
    )


def ranked(events: Sequence[Event]) -> list[Event]:
    """Sort events by their worst finding, then by how many findings, then by id."""

    def key(e: Event) -> tuple[int, int, str]:
        rank = e.worst.rank if e.worst else 0
        return (-rank, -len(e.report.findings) if e.report else 0, e.id)

    return sorted(events, key=key)


def _row(event: Event, linked: bool) -> dict[str, Any]:
    """Return the table row of one event."""
    found = event.report.findings if event.report else ()
    return {
        "id": event.id,
        "href": f"events/{event.id}.html" if linked else None,
        "json": f"events/{event.id}.json" if event.report else None,
        "articles": len(event.entries),
        "independent": event.independent,
        "sources": ", ".join(event.sources),
        "dates": " – ".join(dict.fromkeys([event.dates[0], event.dates[-1]]))
        if event.dates
        else "undated",
        "first": event.entries[0].article.path,
        "counts": summary(tuple(found)),
        "worst": event.worst.value if event.worst else "none",
    }


def _totals(events: Sequence[Event], bad: Sequence[Bad]) -> dict[str, int]:
    """Count articles, events, multi-source events, findings and skipped articles."""
    found = tuple(f for e in events if e.report for f in e.report.findings)
    return {
        "articles": sum(len(e.entries) for e in events),
        "events": len(events),
        "multi": sum(1 for e in events if len(e.entries) > 1),
        "findings": len(found),
        "skipped": len(bad),
        **summary(found),
    }


def timeline(events: Sequence[Event]) -> dict[str, Any]:
    """Place each dated event on a time axis: x by first date, radius by articles, colour."""
    dated = [e for e in events if e.dates]
    if not dated:
        return {"width": WIDTH, "height": HEIGHT, "points": [], "ticks": [], "undated": 0}
    days = [Date.fromisoformat(e.dates[0]).toordinal() for e in dated]
    lo, hi = min(days), max(days)
    span = max(hi - lo, 1)
    top = max((len(e.report.findings) if e.report else 0) for e in dated) or 1

    def x(day: int) -> float:
        return round(MARGIN + (day - lo) * (WIDTH - 2 * MARGIN) / span, 1)

    points = [
        {
            "x": x(day),
            "y": round(
                HEIGHT
                - MARGIN
                - (len(e.report.findings) if e.report else 0) * (HEIGHT - 2 * MARGIN) / top,
                1,
            ),
            "r": min(3 + len(e.entries), 12),
            "colour": COLOURS[e.worst.value if e.worst else None],
            "title": f"{e.id} {e.dates[0]}: {len(e.entries)} articles",
        }
        for e, day in zip(dated, days, strict=True)
    ]
    ticks = [{"x": x(d), "label": Date.fromordinal(d).isoformat()} for d in sorted({lo, hi})]
    undated = len(events) - len(dated)
    return {"width": WIDTH, "height": HEIGHT, "points": points, "ticks": ticks, "undated": undated}


CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;color:#222;padding:0 1rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;
border-bottom:1px solid #ddd;vertical-align:top}.n{text-align:right}
.error{color:#c0392b}.warning{color:#d68910}.info{color:#2e86c1}
svg{border:1px solid #ddd;background:#fcfcfc;max-width:100%;height:auto}
.totals span{margin-right:1.2rem}.table-wrap{overflow-x:auto}
"""
