"""kg: a knowledge graph of Indonesian regional-government agencies, officials, visits and awards.

The public API: `kg.pipeline.extract` (article → facts), `kg.ingest` (facts → store),
`kg.store.open_store` (read the store), `kg.queries` (canned SPARQL) and `kg.analysis` (networkx).
"""

from kg import native as _native

__version__ = "0.1.0"

# Before any extractor module is imported: use the compiled build only where it matches its sources.
_native.activate()
