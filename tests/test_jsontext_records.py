"""Records (skeletons and scalars) are written as the json module writes the records."""

from __future__ import annotations

import json
from typing import Any

import pytest

from auditor.report.jsontext import Records, dumps

LINK = {"docs": [None, None], "sentences": [None, None], "evidence": None}
ODD = {"100%s": [None], "%": {"x": None, "y": []}, "z": "constant %s"}  # two scalars


def same(records: Records, filled: list[Any]) -> bool:
    """Return whether the records, at two depths, are written as the filled skeletons are."""
    shallow = dumps({"reports": [{"records": records}]}) == json.dumps(
        {"reports": [{"records": filled}]}, indent=2, ensure_ascii=False
    )
    deep = dumps([[[[[records]]]]]) == json.dumps([[[[[filled]]]]], indent=2, ensure_ascii=False)
    return shallow and deep


def test_one_shape() -> None:
    rows = [("a", "b", 1, 2, 0.5), ('é\x00\n"', "b", 3, -4, float("nan"))]
    filled = [{"docs": [a, b], "sentences": [i, j], "evidence": e} for a, b, i, j, e in rows]
    assert same(Records([LINK] * 2, [v for row in rows for v in row]), filled)


def test_several_shapes_with_percent_signs_and_constants() -> None:
    scalars = ["a", "b", 1, 2, True, None, "50%", 3.25, "c", "d", 5, 1e300]
    filled = [
        {"docs": ["a", "b"], "sentences": [1, 2], "evidence": True},
        {"100%s": [None], "%": {"x": "50%", "y": []}, "z": "constant %s"},
        {"docs": [3.25, "c"], "sentences": ["d", 5], "evidence": 1e300},
    ]
    assert same(Records([LINK, ODD, LINK], scalars), filled)
    assert Records([LINK, ODD, LINK], scalars).filled() == filled
    assert same(Records([], []), [])


def test_refuses_containers_and_miscounts() -> None:
    with pytest.raises(TypeError):
        dumps(Records([LINK], ["a", "b", 1, 2, [3]]))
    with pytest.raises(ValueError):
        dumps(Records([LINK], ["a", "b", 1, 2]))
    with pytest.raises(ValueError):
        dumps(Records([LINK], ["a", "b", 1, 2, 3, 4]))
    with pytest.raises(TypeError):
        dumps(Records([LINK], ["a", "b", 1, 2, object()]))
