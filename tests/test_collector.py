"""The cycle collector around big stages: paused, then passed on unwalked."""

import gc

from auditor.collector import paused


def _built() -> list[dict[str, int]]:
    """Return a tracked container holding tracked objects."""
    return [{"n": i} for i in range(100)]


def test_objects_built_while_paused_go_to_the_oldest_generation() -> None:
    gc.enable()
    with paused():
        assert not gc.isenabled()
        kept = _built()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    assert any(o is kept for o in gc.get_objects(generation=2))
    assert not any(o is kept for o in gc.get_objects(generation=0))


def test_objects_frozen_by_someone_else_stay_frozen() -> None:
    gc.enable()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with paused():
            _built()
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_a_disabled_collector_stays_disabled() -> None:
    gc.disable()
    try:
        with paused():
            kept = _built()
        assert not gc.isenabled()
        assert any(o is kept for o in gc.get_objects(generation=0))
    finally:
        gc.enable()
