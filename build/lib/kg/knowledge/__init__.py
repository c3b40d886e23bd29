"""kg's knowledge: lexicons, gazetteers and the topic scheme, loaded by checking loaders.

`load_knowledge()` returns the `Knowledge` bundle the extractor stages take.
"""

from kg.knowledge.bundle import Knowledge, load_knowledge

__all__ = ["Knowledge", "load_knowledge"]
