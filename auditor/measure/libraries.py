"""Versions of the libraries that shape the results, for the report signature."""

from __future__ import annotations


def library_versions() -> dict[str, str]:
    """Return the versions of the libraries that shape the results."""
    from importlib.metadata import PackageNotFoundError, version

    from auditor import __version__

    out = {"audit": __version__}
    for name in ("nltk", "sacrebleu", "textstat"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "unknown"
    return out
