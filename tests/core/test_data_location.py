"""The one-time warning for a data folder in a synced or network folder is a pure rule."""

from __future__ import annotations

from pathlib import PurePosixPath, PureWindowsPath

import pytest

from copdesk.core.data_location import filesystem_type, unsafe_location_reason

MOUNTINFO = "\n".join(
    [
        "22 27 0:21 / /proc rw,relatime - proc proc rw",
        "27 1 254:1 / / rw,relatime - ext4 /dev/vda1 rw",
        "40 27 0:50 / /home/sam/shared rw - nfs4 server:/export rw",
        "41 27 0:51 / /mnt/team\\040drive rw - cifs //server/team rw",
        "42 27 0:52 / /home/sam/remote rw - fuse.sshfs sam@host: rw",
        "43 27 0:53 / /tmp rw - tmpfs tmpfs rw",
    ]
)


@pytest.mark.parametrize(
    ("path", "provider"),
    [
        (PureWindowsPath(r"C:\Users\sam\OneDrive - Northshire Council\CoPDesk\copdesk.db"), "OneDrive"),
        (PureWindowsPath(r"C:\Users\sam\Dropbox\copdesk.db"), "Dropbox"),
        (PurePosixPath("/Users/sam/Library/Mobile Documents/com~apple~CloudDocs/copdesk.db"), "iCloud Drive"),
        (PurePosixPath("/Users/sam/Library/CloudStorage/GoogleDrive-sam@example.org/My Drive/x.db"), "cloud"),
        (PurePosixPath("/home/sam/Google Drive/copdesk/copdesk.db"), "Google Drive"),
    ],
)
def test_sync_folders_are_named(path: PurePosixPath | PureWindowsPath, provider: str) -> None:
    reason = unsafe_location_reason(path, None)
    assert reason is not None and provider in reason


def test_network_filesystems_by_type() -> None:
    assert "nfs4" in (unsafe_location_reason(PurePosixPath("/home/sam/shared/copdesk"), "nfs4") or "")
    assert "fuse.sshfs" in (unsafe_location_reason(PurePosixPath("/home/sam/remote"), "fuse.sshfs") or "")
    assert unsafe_location_reason(PureWindowsPath(r"\\server\team\copdesk"), None) == "is on a network share"


def test_local_folders_are_fine() -> None:
    assert unsafe_location_reason(PurePosixPath("/home/sam/.local/share/copdesk"), "ext4") is None
    assert unsafe_location_reason(PureWindowsPath(r"C:\Users\sam\AppData\Roaming\copdesk"), None) is None
    # A known local filesystem under /mnt (WSL's C: drive, a second disk) is not a network folder.
    assert unsafe_location_reason(PurePosixPath("/mnt/data/copdesk"), "ext4") is None
    # A word that merely contains a provider's name is not a sync folder.
    assert unsafe_location_reason(PurePosixPath("/home/sam/boxing-club/copdesk"), "ext4") is None


def test_unknown_filesystem_under_mnt_is_flagged_as_possible() -> None:
    assert unsafe_location_reason(PurePosixPath("/mnt/share/copdesk"), None) == (
        "may be on a network or removable drive"
    )


def test_filesystem_type_uses_the_deepest_mount() -> None:
    assert filesystem_type(MOUNTINFO, PurePosixPath("/home/sam/shared/cop/copdesk.db")) == "nfs4"
    assert filesystem_type(MOUNTINFO, PurePosixPath("/home/sam/sharedfolder")) == "ext4"
    assert filesystem_type(MOUNTINFO, PurePosixPath("/mnt/team drive/x")) == "cifs"
    assert filesystem_type(MOUNTINFO, PurePosixPath("/tmp")) == "tmpfs"
    assert filesystem_type("", PurePosixPath("/x")) is None
