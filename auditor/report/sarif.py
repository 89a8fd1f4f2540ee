"""SARIF 2.1.0: one run, the applied rules as reporting descriptors, one result per finding."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from auditor.model import DISTRIBUTION, Report, RuleDoc, Severity
from auditor.report.jsontext import dumps
from auditor.report.run import Located, Place, Run, located, workspace

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT = "auditFingerprint/v1"
ROOT_ID = "SRCROOT"


def render(report: Report) -> str:
    """Render one report as a SARIF log."""
    return render_run(Run((report,)))


def render_run(run: Run) -> str:
    """Render a whole run as a SARIF log with one run object."""
    root = workspace()
    rules = _rules(run)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    seen: Counter[tuple[str, str]] = Counter()
    results = []
    for loc in located(run, root):
        key = (loc.place.path, loc.finding.fingerprint)
        results.append(_result(loc, index[loc.finding.rule], seen[key]))
        seen[key] += 1
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": _driver(run, rules)},
                "invocations": [{"executionSuccessful": True, "workingDirectory": _folder(root)}],
                "originalUriBaseIds": {ROOT_ID: _folder(root)},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return dumps(log, end="\n")


def _driver(run: Run, rules: list[dict[str, Any]]) -> dict[str, Any]:
    """Describe the tool: name, version (from the signature), rules, and where to read about it.

    `informationUri` is the first URL the installed distribution declares (pyproject's
    `[project.urls]`); none is declared until the project has a public home, so it is left out.
    """
    from importlib.metadata import PackageNotFoundError, metadata

    version = next((r.signature["audit"] for r in run.reports if "audit" in r.signature), "")
    driver: dict[str, Any] = {"name": "audit", "version": version or "unknown", "rules": rules}
    try:
        urls = metadata(DISTRIBUTION).get_all("Project-URL") or []
    except PackageNotFoundError:
        urls = []
    if urls:
        driver["informationUri"] = urls[0].split(",", 1)[-1].strip()
    return driver


def _folder(path: str) -> dict[str, str]:
    """Return the artifact location of a folder: an absolute file URI ending in a slash."""
    return {"uri": Path(path).resolve().as_uri().rstrip("/") + "/"}


def artifact(path: str) -> dict[str, str]:
    """Return where a file is: a percent-encoded URI relative to the root, or a file URI."""
    return dict(_artifact(path))


@lru_cache(maxsize=65536)
def _artifact(path: str) -> tuple[tuple[str, str], ...]:
    """Return `artifact` of a path as pairs, once per path (a run places every finding of a file
    and a corpus run thousands of files)."""
    if Path(path).is_absolute():
        return (("uri", Path(path).as_uri()),)
    return (("uri", quote(path)), ("uriBaseId", ROOT_ID))


def _rules(run: Run) -> list[dict[str, Any]]:
    """Describe every rule the run applied, in code order (stable indices)."""
    docs: dict[str, RuleDoc] = {}
    for report in run.reports:
        docs.update(report.rules)
    return [
        {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": r.doc},
            "help": {"text": r.doc},
            "defaultConfiguration": {"level": LEVELS[r.severity]},
            "properties": {"category": r.category, "tags": [r.category]},
        }
        for r in (docs[code] for code in sorted(docs))
    ]


def _region(place: Place) -> dict[str, int]:
    """Return a SARIF region: 1-based lines and columns plus character offset and length."""
    return {
        "startLine": place.start_line,
        "startColumn": place.start_column,
        "endLine": place.end_line,
        "endColumn": place.end_column,
        "charOffset": place.start,
        "charLength": place.end - place.start,
    }


def _location(place: Place, message: str | None = None) -> dict[str, Any]:
    """Return a SARIF location of a place in a file."""
    out: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": artifact(place.path),
            "region": _region(place),
        }
    }
    if message is not None:
        out["message"] = {"text": message}
    return out


def _result(loc: Located, rule_index: int, occurrence: int) -> dict[str, Any]:
    """Return one SARIF result; the fingerprint survives edits elsewhere in the file."""
    f = loc.finding
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [_location(loc.place)],
        "partialFingerprints": {FINGERPRINT: f"{f.fingerprint}:{occurrence}"},
        "properties": {"evidence": f.evidence, "confidence": f.confidence},
    }
    if loc.related:
        result["relatedLocations"] = [
            {"id": i, **_location(place, text)} for i, (place, text) in enumerate(loc.related)
        ]
    if f.suggestion is not None and f.safe:
        result["fixes"] = [_fix(loc.place, f.suggestion)]
    return result


def _fix(place: Place, replacement: str) -> dict[str, Any]:
    """Return a SARIF fix that replaces the evidence with the suggestion."""
    return {
        "description": {"text": f"Replace with {replacement!r}"},
        "artifactChanges": [
            {
                "artifactLocation": artifact(place.path),
                "replacements": [
                    {"deletedRegion": _region(place), "insertedContent": {"text": replacement}}
                ],
            }
        ],
    }
