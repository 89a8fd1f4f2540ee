"""Settings of one run as a frozen Config, loaded from audit.toml or [tool.audit]."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from fnmatch import fnmatchcase
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditor.model import Severity

if TYPE_CHECKING:
    from auditor.rules.registry import Rule

FAIL_ON = ("error", "warning", "info", "never")
RULE_KEYS = ("select", "ignore", "severity", "options", "readability")
TOP_KEYS = (*RULE_KEYS, "fail-on", "glossary", "per-file", "preview", "relation")
RELATIONS = ("versions", "sources")
PER_FILE_KEYS = ("files", *RULE_KEYS)
MAX_CONFIG_BYTES = 5_000_000


class ConfigError(Exception):
    """A configuration problem; the message names the file and the key."""


@dataclass(frozen=True)
class PerFile:
    """Rule settings that apply to files matching one of `patterns`."""

    patterns: tuple[str, ...]
    root: str
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def matches(self, path: str) -> bool:
        """Return True if `path` matches a pattern (relative to `root`, or by file name)."""
        rel = Path(os.path.relpath(os.path.abspath(path), self.root)).as_posix()
        name = Path(path).name
        return any(
            fnmatchcase(rel, p) or ("/" not in p and fnmatchcase(name, p)) for p in self.patterns
        )


@dataclass(frozen=True)
class Config:
    """Which rules run, at what severity, with what settings, and when a run fails."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    fail_on: str = "error"
    glossary: tuple[str, ...] = ()
    parallel: bool | None = None
    preview: bool = False
    relation: str | None = None  # "versions" or "sources" forces it; None detects it
    per_file: tuple[PerFile, ...] = ()
    source: str | None = None

    def digest(self) -> str:
        """Return a stable hash of the settings, for the report signature."""
        data = json.dumps(asdict(replace(self, source=None)), sort_keys=True, default=str)
        return "sha256:" + hashlib.sha256(data.encode()).hexdigest()[:16]

    def for_path(self, path: str) -> Config:
        """Return the settings for one file, with matching per-file overrides applied."""
        config = self
        for override in self.per_file:
            if override.matches(path):
                config = replace(
                    config,
                    select=override.select or config.select,
                    ignore=(*config.ignore, *override.ignore),
                    severity={**config.severity, **override.severity},
                    options=_merge_options(config.options, override.options),
                )
        return replace(config, per_file=())


def _merge_options(
    base: Mapping[str, Mapping[str, Any]], extra: Mapping[str, Mapping[str, Any]]
) -> dict[str, dict[str, Any]]:
    """Merge rule options, the later settings winning option by option."""
    merged = {code: dict(opts) for code, opts in base.items()}
    for code, opts in extra.items():
        merged.setdefault(code, {}).update(opts)
    return merged


def find_config(start: Path) -> Path | None:
    """Return the nearest audit.toml, or pyproject.toml with [tool.audit], from `start` up."""
    for folder in (start, *start.parents):
        if (folder / "audit.toml").is_file():
            return folder / "audit.toml"
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _tool_audit(_read_toml(pyproject)) is not None:
            return pyproject
    return None


def load_config(path: str | Path | None = None, cwd: Path | None = None) -> Config:
    """Load the settings from `path`, or from the config file found above `cwd`, or defaults."""
    found = Path(path) if path is not None else find_config((cwd or Path.cwd()).resolve())
    if found is None:
        return Config()
    data = _read_toml(found)
    if found.name == "pyproject.toml":
        data = _tool_audit(data) or {}
    return parse_config(data, found)


def _tool_audit(data: Mapping[str, Any]) -> Any:
    """Return the [tool.audit] value of a pyproject.toml, or None when there is none."""
    tool = data.get("tool")
    return tool.get("audit") if isinstance(tool, Mapping) else None


def _read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file or raise ConfigError naming it."""
    import tomllib

    from auditor.model import InputError
    from auditor.read.files import read_text_file

    try:
        return tomllib.loads(read_text_file(path, MAX_CONFIG_BYTES, what="config file"))
    except InputError as exc:
        raise ConfigError(str(exc)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    except (ValueError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise ConfigError(f"{path}: invalid TOML ({reason})") from None


def parse_config(data: Mapping[str, Any], path: Path) -> Config:
    """Validate the settings table of config file `path` and return a Config."""
    _check_keys(data, TOP_KEYS, path, "")
    fail_on = data.get("fail-on", "error")
    if fail_on not in FAIL_ON:
        raise ConfigError(f"{path}: fail-on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    rules = _rule_settings(data, path, "")
    preview = data.get("preview", False)
    if not isinstance(preview, bool):
        raise ConfigError(f"{path}: preview must be true or false, not {preview!r}")
    relation = data.get("relation")
    if relation is not None and relation not in RELATIONS:
        choices = ", ".join(RELATIONS)
        raise ConfigError(f"{path}: relation must be one of {choices}, not {relation!r}")
    per_file = data.get("per-file", [])
    if not isinstance(per_file, list):
        raise ConfigError(f"{path}: per-file must be an array of tables ([[per-file]])")
    return Config(
        select=rules.select or ("ALL",),
        ignore=rules.ignore,
        severity=rules.severity,
        options=rules.options,
        fail_on=fail_on,
        glossary=_glossary(data.get("glossary", []), path),
        preview=preview,
        relation=relation,
        per_file=tuple(_per_file(entry, path, i) for i, entry in enumerate(per_file)),
        source=str(path),
    )


def _check_keys(data: Any, allowed: Sequence[str], path: Path, where: str) -> None:
    """Raise ConfigError for a table that is not one or has a key not in `allowed`."""
    if not isinstance(data, Mapping):
        raise ConfigError(f"{path}: {where.rstrip('.') or 'settings'} must be a table")
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise ConfigError(f"{path}: unknown key {where}{unknown[0]!r}")


def _per_file(entry: Any, path: Path, i: int) -> PerFile:
    """Validate one [[per-file]] table."""
    where = f"per-file[{i}]."
    _check_keys(entry, PER_FILE_KEYS, path, where)
    patterns = _strings(entry.get("files"), path, f"{where}files")
    if not patterns:
        raise ConfigError(f"{path}: {where}files must list at least one glob")
    rules = _rule_settings(entry, path, where)
    return PerFile(
        patterns=patterns,
        root=str(path.resolve().parent),
        select=rules.select or None,
        ignore=rules.ignore,
        severity=rules.severity,
        options=rules.options,
    )


@dataclass(frozen=True)
class _RuleSettings:
    """The rule-related keys of a table, validated against the registry."""

    select: tuple[str, ...]
    ignore: tuple[str, ...]
    severity: dict[str, Severity]
    options: dict[str, dict[str, Any]]


def _rule_settings(data: Mapping[str, Any], path: Path, where: str) -> _RuleSettings:
    """Validate select, ignore, severity, options and readability against the registry."""
    from auditor.rules.registry import all_rules

    rules = all_rules()
    options = _options(data.get("options", {}), rules, path, f"{where}options")
    readability = _readability(data.get("readability", {}), rules, path, f"{where}readability")
    return _RuleSettings(
        select=_prefixes(data.get("select", []), rules, path, f"{where}select"),
        ignore=_prefixes(data.get("ignore", []), rules, path, f"{where}ignore"),
        severity=_severities(data.get("severity", {}), rules, path, f"{where}severity"),
        options=_merge_options(readability, options),
    )


def _strings(value: Any, path: Path, key: str) -> tuple[str, ...]:
    """Return a string or list of strings as a tuple, or raise ConfigError."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"{path}: {key} must be a string or a list of strings")


def _prefixes(value: Any, rules: Mapping[str, Rule], path: Path, key: str) -> tuple[str, ...]:
    """Validate rule code prefixes: each must be ALL or match at least one rule."""
    prefixes = tuple(p.strip().upper() for p in _strings(value, path, key))
    for p in prefixes:
        if p != "ALL" and not any(code.startswith(p) for code in rules):
            raise ConfigError(f"{path}: {key}: {p!r} matches no rule (see `audit rules`)")
    return prefixes


def _severities(value: Any, rules: Mapping[str, Rule], path: Path, key: str) -> dict[str, Severity]:
    """Expand `{prefix = "warning"}` into per-code severities, longer prefixes winning."""
    if not isinstance(value, Mapping):
        raise ConfigError(f"{path}: {key} must be a table of rule code = severity")
    from auditor.rules.registry import matches

    out: dict[str, Severity] = {}
    for prefix in sorted(value, key=lambda p: -1 if p.upper() == "ALL" else len(p)):
        level = value[prefix]
        if level not in ("error", "warning", "info"):
            raise ConfigError(f"{path}: {key}.{prefix} must be error, warning or info")
        chosen = _prefixes(prefix, rules, path, key)
        out.update({c: Severity(level) for c in rules if matches(c, chosen)})
    return out


def _options(
    value: Any, rules: Mapping[str, Rule], path: Path, key: str
) -> dict[str, dict[str, Any]]:
    """Validate `[options.CODE]` tables against each rule's keyword-only settings."""
    if not isinstance(value, Mapping):
        raise ConfigError(f"{path}: {key} must be a table of [{key}.CODE] tables")
    out: dict[str, dict[str, Any]] = {}
    for code, given in value.items():
        rule = rules.get(code.upper())
        if rule is None:
            raise ConfigError(f"{path}: {key}.{code}: unknown rule code")
        if not isinstance(given, Mapping):
            raise ConfigError(f"{path}: {key}.{code} must be a table of option = value")
        out[rule.code] = {
            _norm(name): _option_value(rule, name, v, path, f"{key}.{code}")
            for name, v in given.items()
        }
    return out


def _readability(
    value: Any, rules: Mapping[str, Rule], path: Path, key: str
) -> dict[str, dict[str, Any]]:
    """Map `[readability]` settings onto every readability (R) rule that has the option."""
    if not isinstance(value, Mapping):
        raise ConfigError(f"{path}: {key} must be a table of option = value")
    out: dict[str, dict[str, Any]] = {}
    for name, v in value.items():
        owners = [r for c, r in rules.items() if c.startswith("R") and _norm(name) in r.options]
        if not owners:
            raise ConfigError(f"{path}: unknown key {key}.{name!r} (no readability rule has it)")
        for r in owners:
            out.setdefault(r.code, {})[_norm(name)] = _option_value(r, name, v, path, key)
    return out


def _norm(name: str) -> str:
    """Turn a TOML-style option name (max-grade) into the Python one (max_grade)."""
    return name.replace("-", "_")


def _option_value(rule: Rule, name: str, value: Any, path: Path, key: str) -> Any:
    """Check an option exists and its value has the default's type; return the value."""
    if _norm(name) not in rule.options:
        known = ", ".join(rule.options) or "none"
        raise ConfigError(f"{path}: unknown key {key}.{name!r} (options of {rule.code}: {known})")
    default = rule.options[_norm(name)]
    if isinstance(default, tuple) and isinstance(value, list):
        value = tuple(value)
    expected = float if type(default) is float else type(default)
    ok = isinstance(value, expected) and (isinstance(value, bool) == isinstance(default, bool))
    if default is not None and not ok and not (expected is float and type(value) is int):
        shown = repr(value) if len(repr(value)) < 60 else f"{repr(value)[:40]}..."
        raise ConfigError(f"{path}: {key}.{name} must be {type(default).__name__}, not {shown}")
    try:
        return float(value) if expected is float else value
    except OverflowError:
        raise ConfigError(f"{path}: {key}.{name} is too large for a number") from None


def _glossary(value: Any, path: Path) -> tuple[str, ...]:
    """Resolve glossary paths relative to the config file; each must exist."""
    out = []
    for entry in _strings(value, path, "glossary"):
        resolved = (path.resolve().parent / entry).resolve()
        if not resolved.is_file():
            raise ConfigError(f"{path}: glossary: {entry!r} not found")
        out.append(str(resolved))
    return tuple(out)
