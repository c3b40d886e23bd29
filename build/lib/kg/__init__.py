"""kg: a knowledge graph of Indonesian regional-government agencies, officials, visits and awards.

The public API: `kg.pipeline.extract` (article → facts), `kg.ingest` (facts → store),
`kg.store.open_store` (read the store), `kg.queries` (canned SPARQL) and `kg.analysis` (networkx).
"""

__version__ = "0.1.0"
