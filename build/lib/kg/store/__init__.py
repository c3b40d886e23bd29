"""Where the graph lives: the embedded Oxigraph store (default) and remote SPARQL endpoints."""

from kg.store.base import SelectResult, Store
from kg.store.embedded import EmbeddedStore, StoreCounts, open_store

__all__ = ["EmbeddedStore", "SelectResult", "Store", "StoreCounts", "open_store"]
