"""The one list of rule modules; importing this package registers every rule."""

from auditor.rules import broken, punctuation

__all__ = ["broken", "punctuation"]
