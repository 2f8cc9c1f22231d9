from pathlib import Path, PureWindowsPath

import pytest

from stuurploeg.store.location import location_warnings, sync_service


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("/home/an/OneDrive - Politie/stuurploeg/regio.stuurploeg", "OneDrive"),
        ("/Users/an/Dropbox/regio.stuurploeg", "Dropbox"),
        ("/Users/an/Library/Mobile Documents/com~apple~CloudDocs/x.stuurploeg", "iCloud"),
        ("/Users/an/Google Drive/My Drive/x.stuurploeg", "Google Drive"),
        ("/home/an/Documenten/regio.stuurploeg", None),
    ],
)
def test_sync_folders_are_recognised(path, service):
    assert sync_service(Path(path)) == service


def test_windows_sync_folder():
    assert sync_service(PureWindowsPath(r"C:\Users\an\OneDrive\x.stuurploeg")) == "OneDrive"


def test_unc_path_warned():
    warnings = location_warnings(Path("//server/share/regio.stuurploeg"))
    assert warnings and "netwerk" in warnings[0]


def test_network_mount_warned(tmp_path):
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw 0 0\n"
        f"server:/export {tmp_path / 'net'} nfs4 rw 0 0\n"
    )
    (tmp_path / "net").mkdir()
    warned = location_warnings(tmp_path / "net" / "a.stuurploeg", mounts_file=str(mounts))
    assert any("netwerkschijf (nfs4)" in w for w in warned)
    assert location_warnings(tmp_path / "a.stuurploeg", mounts_file=str(mounts)) == []
