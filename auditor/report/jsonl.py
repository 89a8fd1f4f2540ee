"""JSON Lines: one finding per line, with the path of the file it is in."""

from __future__ import annotations

import json

from auditor.model import Report
from auditor.report.json import finding_to_dict
from auditor.report.run import Run


def render(report: Report) -> str:
    """Render one report's findings, one JSON object per line."""
    return render_run(Run((report,)))


def render_run(run: Run) -> str:
    """Render every finding of the run as `{"path": ..., <finding fields>}` lines."""
    lines = [
        json.dumps({"path": r.document(f.doc).path, **finding_to_dict(f)}, ensure_ascii=False)
        for r, f in run.findings()
    ]
    return "".join(line + "\n" for line in lines)
