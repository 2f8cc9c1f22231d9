"""The lock file never writes through a link: whatever sits at its place stays untouched,
and the refusal says in Dutch what is wrong and what to do."""

import os

import pytest

from stuurploeg.app.workspace import StoreError, open_workspace
from stuurploeg.cli import main
from stuurploeg.store.lock import lock_path, read_holder
from tests.fault_corpus import LINK_FAULTS

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symbolic and hard links")


def _snapshot(path):
    return None if path is None else (path.read_bytes(), path.lstat().st_mtime_ns)


@pytest.mark.slow
@pytest.mark.parametrize("fault", LINK_FAULTS, ids=lambda f: f.name)
def test_a_lock_path_that_is_not_our_file_is_refused_and_left_alone(ws_path, ws, fault):
    ws.close()
    lock = lock_path(ws_path)
    kept = fault.make(ws_path, lock)
    before, workspace_before = _snapshot(kept), ws_path.read_bytes()
    with pytest.raises(StoreError) as info:
        open_workspace(ws_path)
    msg = str(info.value)
    for word in fault.words:
        assert word.lower() in msg.lower(), msg
    assert lock.name in msg and "niet vergrendelen" not in msg  # not the generic retry
    assert _snapshot(kept) == before
    assert ws_path.read_bytes() == workspace_before
    assert os.path.lexists(lock)  # someone else's: never removed by us
    assert read_holder(ws_path) is None


@pytest.mark.parametrize("fault", LINK_FAULTS[:2], ids=lambda f: f.name)
def test_decide_through_a_linked_lock_fails_cleanly(ws_path, ws, fault, capsys):
    ws.close()
    kept = fault.make(ws_path, lock_path(ws_path))
    before = _snapshot(kept)
    code = main(["decide", str(ws_path), "--case", "MH-2026-001", "--kind", "decline",
                 "--motivation", "geen capaciteit", "--by", "mr. De Vries",
                 "--meeting", "2026-10-01"])
    err = capsys.readouterr().err
    assert code == 1 and "koppeling" in err and "Traceback" not in err
    assert _snapshot(kept) == before
