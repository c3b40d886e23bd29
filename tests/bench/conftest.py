"""Lets the benchmark tests import the generator's modules, which live in bench/ as plain scripts."""

from __future__ import annotations

import sys

from kg.paths import ROOT

BENCH = ROOT / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))
