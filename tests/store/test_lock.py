import json
import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from stuurploeg.app.workspace import open_workspace
from stuurploeg.store.errors import WorkspaceLocked
from stuurploeg.store.lock import lock_path, read_holder

_HOLDER = """
import sys, time
from stuurploeg.app.workspace import open_workspace
ws = open_workspace(sys.argv[1])
print("open", flush=True)
time.sleep(60)
"""


def _spawn_holder(path):
    child = subprocess.Popen([sys.executable, "-c", _HOLDER, str(path)], stdout=subprocess.PIPE,
                             text=True)
    assert child.stdout.readline().strip() == "open"
    return child


def test_second_instance_in_same_process_is_refused(ws_path, ws):
    with pytest.raises(WorkspaceLocked) as info:
        open_workspace(ws_path)
    assert info.value.pid == os.getpid()


def test_second_process_is_refused_naming_the_holder(ws_path, ws):
    ws.close()
    child = _spawn_holder(ws_path)
    try:
        with pytest.raises(WorkspaceLocked) as info:
            open_workspace(ws_path)
        err = info.value
        assert err.pid == child.pid
        assert err.host == socket.gethostname()
        assert err.since is not None
        msg = str(err)
        assert str(child.pid) in msg and socket.gethostname() in msg and "sinds" in msg
        assert read_holder(ws_path).pid == child.pid
    finally:
        child.kill()
        child.wait()


def test_lock_of_killed_process_is_recovered(ws_path, ws):
    ws.close()
    child = _spawn_holder(ws_path)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert lock_path(ws_path).exists()  # left behind by the killed process
    with open_workspace(ws_path) as again:
        assert len(again.cases()) == 12
        assert read_holder(ws_path).pid == os.getpid()
    assert not lock_path(ws_path).exists()
    assert read_holder(ws_path) is None


def test_stale_lock_content_without_os_lock_is_taken_over(ws_path, ws):
    ws.close()
    lock_path(ws_path).write_text(json.dumps(
        {"host": socket.gethostname(), "pid": 2**22 + 12345, "since": "2026-01-01T09:00:00"}))
    with open_workspace(ws_path):
        assert read_holder(ws_path).pid == os.getpid()


def test_closing_releases_the_lock(ws_path, ws):
    ws.close()
    start = time.perf_counter()
    for _ in range(3):
        open_workspace(ws_path).close()
    assert time.perf_counter() - start < 10


def test_readonly_open_needs_no_lock(ws_path, ws):
    with open_workspace(ws_path, readonly=True) as ro:
        assert len(ro.cases()) == 12


def test_without_os_locks_a_lock_file_being_created_is_not_taken(ws_path, ws, monkeypatch):
    import stuurploeg.store.lock as lock_mod

    ws.close()
    monkeypatch.setattr(lock_mod, "_try_os_lock", lambda fd: None)
    monkeypatch.setattr(lock_mod, "_os_unlock", lambda fd: None)
    # Another process has just created the file (O_EXCL) and not yet written its name.
    lock_path(ws_path).write_text("")
    with pytest.raises(WorkspaceLocked):
        open_workspace(ws_path)
    # Left empty for long (its creator died before writing): taken over.
    old = time.time() - 120
    os.utime(lock_path(ws_path), (old, old))
    with open_workspace(ws_path):
        assert read_holder(ws_path).pid == os.getpid()
        with pytest.raises(WorkspaceLocked):  # and now held: a second open is refused
            open_workspace(ws_path)
    assert not lock_path(ws_path).exists()
