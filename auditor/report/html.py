"""The HTML report: one self-contained page, data prepared in Python, a logic-free template."""

from __future__ import annotations

import base64
import hashlib
from importlib.resources import files

from auditor.model import Report
from auditor.report.escape import visible

TEMPLATES = "report/templates"


def render(report: Report) -> str:
    """Render the report as one self-contained HTML page."""
    from jinja2 import StrictUndefined
    from markupsafe import Markup

    from auditor.report.jinja import environment
    from auditor.report.view import prepare

    env = environment(
        TEMPLATES,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=shown,
    )
    css, js = asset("report.css"), asset("report.js")
    return env.get_template("report.html.j2").render(
        **prepare(report),
        csp=content_security_policy(css, js),
        css=Markup(css),  # the report's own stylesheet, never article text
        js=Markup(js),  # the report's own script, never article text
    )


def shown(value: object) -> object:
    """Show stray invisible and bidirectional controls in every value as visible ⟨U+XXXX⟩."""
    return visible(value) if isinstance(value, str) and not hasattr(value, "__html__") else value


def asset(name: str) -> str:
    """Return a stylesheet or script shipped with the templates."""
    text = files("auditor").joinpath(TEMPLATES, name).read_text(encoding="utf-8")
    if "</" in text:
        raise ValueError(f"{name} must not contain '</' (it is inlined in the page)")
    return text


def content_security_policy(css: str, js: str) -> str:
    """Allow only this page's own inline style and script (by hash), and nothing from outside."""
    return (
        f"default-src 'none'; script-src '{digest(js)}'; style-src '{digest(css)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def digest(source: str) -> str:
    """Return the CSP hash source of an inline element's text."""
    raw = hashlib.sha256(source.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(raw).decode("ascii")
