"""Whether the data folder sits somewhere a live SQLite database is not safe.

Sync clients (OneDrive, Dropbox, Google Drive, iCloud) copy files while they are being written and
can upload a database without its -wal file, or restore a stale copy over a newer one; they also put
case discussions on a server. Network filesystems break SQLite's locking and write-ahead log. Either
way the facilitator should be told once, plainly, and be offered another place.

The rule is pure: the caller supplies the path and, where the platform can say, the filesystem type
(on Linux from ``/proc/self/mountinfo``, which :func:`filesystem_type` reads).
"""

from __future__ import annotations

from pathlib import PurePath, PurePosixPath

# Folder names the sync clients create, compared casefolded. "OneDrive - Council" is a prefix match.
_SYNC_FOLDERS: dict[str, str] = {
    "onedrive": "OneDrive",
    "dropbox": "Dropbox",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "icloud drive": "iCloud Drive",
    "iclouddrive": "iCloud Drive",
    "mobile documents": "iCloud Drive",
    "com~apple~clouddocs": "iCloud Drive",
    "box": "Box",
    "box sync": "Box",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
    "pcloud drive": "pCloud",
}
_PREFIX_FOLDERS = {"onedrive": "OneDrive", "dropbox": "Dropbox", "cloudstorage": "a cloud storage provider"}

_NETWORK_FILESYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "afs", "ncpfs", "9p", "ceph", "glusterfs", "lustre", "davfs", "webdav"}
)
_NETWORK_FUSE = ("sshfs", "rclone", "davfs", "s3fs", "gcsfuse", "onedrive", "dropbox", "google-drive", "smb")

# Where Unix systems conventionally mount shares; used only when the filesystem type is unknown.
_NETWORK_MOUNT_ROOTS = (("mnt",), ("net",), ("Volumes",))


def unsafe_location_reason(path: PurePath, fs_type: str | None) -> str | None:
    """Why ``path`` is a risky home for the database, in words for the user, or ``None`` when it looks fine."""
    for part in path.parts:
        folded = part.casefold()
        provider = _SYNC_FOLDERS.get(folded) or next(
            (name for prefix, name in _PREFIX_FOLDERS.items() if folded.startswith(prefix)), None
        )
        if provider:
            return f"is inside a folder synced by {provider}"
    if str(path).startswith(("\\\\", "//")):
        return "is on a network share"
    if fs_type is not None:
        kind = fs_type.casefold()
        if kind in _NETWORK_FILESYSTEMS or (kind.startswith("fuse.") and any(n in kind for n in _NETWORK_FUSE)):
            return f"is on a network filesystem ({fs_type})"
        return None
    if isinstance(path, PurePosixPath) and any(path.parts[1 : 1 + len(root)] == root for root in _NETWORK_MOUNT_ROOTS):
        return "may be on a network or removable drive"
    return None


def filesystem_type(mountinfo: str, path: PurePosixPath) -> str | None:
    """The filesystem type of the mount holding ``path`` (absolute), from Linux ``mountinfo`` text."""
    best: tuple[int, str] | None = None
    for line in mountinfo.splitlines():
        fields = line.split(" ")
        if " - " not in line or len(fields) < 5:
            continue
        mount_point = PurePosixPath(_unescape(fields[4]))
        fs_type = line.split(" - ", 1)[1].split(" ")[0]
        if (path == mount_point or mount_point in path.parents) and (best is None or len(mount_point.parts) >= best[0]):
            # A later line for the same mount point is a mount stacked on top; it wins.
            best = (len(mount_point.parts), fs_type)
    return best[1] if best else None


def _unescape(field: str) -> str:
    """mountinfo writes space, tab, newline and backslash in mount points as octal escapes."""
    for escape, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(escape, char)
    return field
