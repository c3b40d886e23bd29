"""An exclusive lock on a store folder, so two kg processes never write (or read mid-write) one store.

RocksDB refuses a second writer with a cryptic message and a reader beside a writer is undefined; an
advisory `flock` held for the life of the process gives a clear message naming the holder instead. The
kernel drops the lock when its process dies, even by kill -9, so a crashed build never wedges the store.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from kg.errors import StoreError

LOCK_NAME = "lock"


class StoreLock:
    """Holds the lock file of a store: exclusive for writers, shared for read-only opens."""

    def __init__(self, folder: Path, *, shared: bool = False) -> None:
        self.path = folder / LOCK_NAME
        self.shared = shared
        self._fd: int | None = None
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise StoreError(f"cannot open the store's lock file ({error.strerror}); kg needs to write in "
                             "the store folder, even to read it", source=str(folder)) from None
        mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            holders = _lock_holders(fd) or ([pid] if (pid := _read_holder(fd)) else [])
            os.close(fd)
            pids = ", ".join(holders)
            who = f"another kg process (PID {pids})" if holders else "another kg process"
            raise StoreError(
                f"the store is in use by {who}; wait for it to finish or stop it, then retry",
                source=str(folder),
            ) from None
        self._fd = fd
        if not shared:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)

    def release(self) -> None:
        """Let other processes in; safe to call twice."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        if not self.shared:
            os.ftruncate(fd, 0)  # no stale PID for the next process to blame
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _lock_holders(fd: int) -> list[str]:
    """PIDs holding a flock on this file, from /proc/locks (Linux); readers included."""
    info = os.fstat(fd)
    file_id = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}:{info.st_ino}"
    try:
        lines = Path("/proc/locks").read_text(encoding="ascii", errors="replace").splitlines()
    except OSError:
        return []
    pids = []
    for line in lines:
        fields = line.split()
        # "1: FLOCK  ADVISORY  WRITE 1234 fe:00:5678 0 EOF" (blocked waiters are marked "->")
        if len(fields) >= 6 and fields[1] == "FLOCK" and fields[5] == file_id:
            pids.append(fields[4])
    return sorted(set(pids), key=int)


def _read_holder(fd: int) -> str | None:
    """The PID the current writer wrote into the lock file, if any (read-only holders write none)."""
    try:
        text = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return text if text.isdigit() else None
