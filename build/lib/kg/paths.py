"""Where kg's knowledge files live: the ontology, lexicons, canned queries and samples.

They are data, kept at the repository root beside `src/` so they can be read and edited without
touching code. `KG_HOME` points elsewhere (e.g. a copy with a user's own lexicons).
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(os.environ.get("KG_HOME") or Path(__file__).resolve().parents[2])
ONTOLOGY_DIR = ROOT / "ontology"
DATA_DIR = ROOT / "data"
LEXICON_DIR = DATA_DIR / "lexicon"
SAMPLES_DIR = DATA_DIR / "samples"
GOLD_DIR = DATA_DIR / "gold"
QUERIES_DIR = ROOT / "queries"
