"""Identity corrections made by people: "these two IRIs are the same", "these two are different".

Keys decide identity automatically (agency type + region code; a person's name + agency), and keys are
sometimes wrong: a gazetteer gap leaves an `unresolved:` agency that is really Diskominfo Kaltim, or one
official appears under two agencies. Such judgements are data, kept in a YAML file (by default
`.kg/resolutions.yaml`, written by `kg resolve merge|split`) that every build applies to each article's
graphs before storing them, so they survive any rebuild. A merged node keeps `owl:sameAs` to the
canonical one, so the correction stays traceable in the graph.

File format::

    version: 1
    merge:                       # `drop` becomes `keep` everywhere
      - keep: https://w3id.org/kgid/id/agency/diskominfo/64
        drop: https://w3id.org/kgid/id/agency/unresolved/dinas-kominfo-kaltim
    split:                       # never merge these two (cancels a merge between them)
      - [https://w3id.org/kgid/id/person/a/x, https://w3id.org/kgid/id/person/a/y]
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, SKOS

from kg.errors import DataFileError, InputError

FORMAT_VERSION = 1
KGI = "https://w3id.org/kgid/id/"
_KG = "https://w3id.org/kgid/ontology#"
# Properties a node has exactly once (from its key): on a merged node they would contradict the
# canonical node's own, so its name is kept as an alternative label and the rest is dropped.
_SINGLE_VALUED = {
    URIRef(_KG + "key"), URIRef(_KG + "agencyType"), URIRef(_KG + "serves"), URIRef(_KG + "resolved"),
    URIRef("http://xmlns.com/foaf/0.1/name"), URIRef("http://www.w3.org/ns/org#subOrganizationOf"),
}
_HEADER = ("# Identity judgements applied by every `kg build` (written by `kg resolve merge|split`).\n"
           "# merge: `drop` is the same thing as `keep`; split: these two are different.\n")


@dataclass(frozen=True)
class Merge:
    keep: str
    drop: str
    line: int | None = None


@dataclass(frozen=True)
class Split:
    a: str
    b: str
    line: int | None = None


@dataclass(frozen=True)
class Resolutions:
    """A checked set of judgements: no cycles, no node merged into two, no merge a split forbids."""

    merges: tuple[Merge, ...] = ()
    splits: tuple[Split, ...] = ()
    source: str | None = None

    def __post_init__(self) -> None:
        _check(self)

    @property
    def mapping(self) -> dict[str, str]:
        """Each dropped IRI → its canonical IRI (following chains: C→B, B→A gives C→A)."""
        direct = {m.drop: m.keep for m in self.merges}
        return {drop: _follow(direct, drop) for drop in direct}

    def canonical(self, iri: str) -> str:
        """The IRI that stands for `iri` after the merges."""
        return self.mapping.get(iri, iri)

    @property
    def fingerprint(self) -> str:
        """Changes whenever the judgements do, so a build knows stored articles need re-applying."""
        text = "\n".join(sorted(f"{d}\t{k}" for d, k in self.mapping.items()))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    def __bool__(self) -> bool:
        return bool(self.merges)

    def apply(self, graphs: Any) -> Any:
        """Return article graphs (a `kg.rdfmap.ArticleGraphs`) with every merged IRI rewritten.

        What the merge adds (owl:sameAs, the merged node's name as an altLabel) goes into the article's
        own graph, not the shared one, so a later split or an edited article leaves nothing stale.
        """
        mapping = {URIRef(d): URIRef(k) for d, k in self.mapping.items()}
        if not mapping:
            return graphs
        facts = _rewrite(graphs.facts, mapping)
        entities = Graph()
        for s, p, o in graphs.entities:
            if s not in mapping:
                entities.add((s, p, mapping.get(o, o)))  # type: ignore[arg-type]
            elif p == SKOS.prefLabel:
                facts.add((mapping[s], SKOS.altLabel, o))
            elif p not in _SINGLE_VALUED:
                facts.add((mapping[s], p, mapping.get(o, o)))  # type: ignore[arg-type]
        mentioned = {t for triple in graphs.facts for t in triple} | {t for tr in graphs.entities for t in tr}
        touched = False
        for drop, keep in mapping.items():
            if drop in mentioned:
                facts.add((keep, OWL.sameAs, drop))
                touched = True
        if touched:
            _prune_orphans(facts, entities)
        return dataclasses.replace(graphs, facts=facts, entities=entities)


def _prune_orphans(facts: Graph, entities: Graph) -> None:
    """Drop shared descriptions only the merged node used (e.g. the region it served).

    The store removes such orphans when an article is replaced; doing the same here keeps a build with
    merges identical to a fresh one.
    """
    while True:
        referenced = {o for s, p, o in facts if p != OWL.sameAs} | {
            o for s, p, o in entities if o != s and p != OWL.sameAs}
        in_facts = set(facts.subjects())
        orphans = {s for s in entities.subjects() if str(s).startswith(KGI)
                   and s not in referenced and s not in in_facts}
        if not orphans:
            return
        for orphan in orphans:
            entities.remove((orphan, None, None))


def _rewrite(graph: Graph, mapping: dict[URIRef, URIRef]) -> Graph:
    out = Graph()
    for s, p, o in graph:
        out.add((mapping.get(s, s), p, mapping.get(o, o)))  # type: ignore[arg-type]
    return out


def _follow(direct: dict[str, str], iri: str) -> str:
    seen = {iri}
    while iri in direct:
        iri = direct[iri]
        if iri in seen:
            raise ValueError(iri)
        seen.add(iri)
    return iri


def _check(resolutions: Resolutions) -> None:
    where = resolutions.source or "resolutions"

    def fail(message: str, line: int | None) -> None:
        raise DataFileError(message, source=f"{where}:{line}" if line else where)

    kept_by: dict[str, Merge] = {}
    for merge in resolutions.merges:
        if merge.keep == merge.drop:
            fail(f"merges {merge.keep} with itself", merge.line)
        earlier = kept_by.get(merge.drop)
        if earlier and earlier.keep != merge.keep:
            fail(f"{merge.drop} is merged into both {earlier.keep} and {merge.keep}", merge.line)
        kept_by[merge.drop] = merge
    direct = {m.drop: m.keep for m in resolutions.merges}
    for merge in resolutions.merges:
        try:
            _follow(direct, merge.drop)
        except ValueError:
            fail(f"merges form a cycle through {merge.drop}", merge.line)
    for split in resolutions.splits:
        if _follow(direct, split.a) == _follow(direct, split.b):
            fail(f"{split.a} and {split.b} are declared different but merges make them one", split.line)


def expand_iri(value: str) -> str:
    """Accept a full IRI, `<IRI>`, or a `kgi:` name as printed by queries; anything else is an error."""
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    if text.startswith("kgi:"):
        text = KGI + text[4:]
    if not text.startswith(("http://", "https://", "urn:")) or any(c in text for c in ' <>"{}|^`\\'):
        raise InputError("is not an IRI; give the node's IRI as `kg query` prints it "
                         f"(e.g. {KGI}agency/diskominfo/64 or kgi:agency/diskominfo/64)", source=value)
    return text


def load_resolutions(path: Path | None) -> Resolutions:
    """Read and check a resolutions file; a missing file means no judgements yet."""
    if path is None or not path.exists():
        return Resolutions(source=str(path) if path else None)
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text)
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(f"cannot read the resolutions file: {error}", source=str(path)) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise DataFileError(f"not valid YAML ({getattr(error, 'problem', error)})", source=where) from None
    return _from_node(root, path)


def _from_node(root: yaml.Node | None, path: Path) -> Resolutions:
    def fail(message: str, node: yaml.Node) -> None:
        raise DataFileError(message, source=f"{path}:{node.start_mark.line + 1}")

    if root is None:
        return Resolutions(source=str(path))
    if not isinstance(root, yaml.MappingNode):
        fail("expected a mapping with `merge:` and `split:` lists", root)
    merges: list[Merge] = []
    splits: list[Split] = []
    for key_node, value_node in root.value:
        key = key_node.value
        if key == "version":
            if value_node.value != str(FORMAT_VERSION):
                fail(f"unknown resolutions version {value_node.value!r} (this kg reads {FORMAT_VERSION})",
                     value_node)
        elif key in ("merge", "split"):
            if not isinstance(value_node, yaml.SequenceNode):
                fail(f"`{key}` must be a list", value_node)
            for item in value_node.value:
                line = item.start_mark.line + 1
                if key == "merge":
                    fields = _mapping(item, ("keep", "drop"), path)
                    merges.append(Merge(_iri_at(fields["keep"], path), _iri_at(fields["drop"], path), line))
                else:
                    pair = _pair(item, path)
                    splits.append(Split(pair[0], pair[1], line))
        else:
            fail(f"unknown key `{key}` (expected version, merge, split)", key_node)
    return Resolutions(tuple(merges), tuple(splits), source=str(path))


def _mapping(node: yaml.Node, keys: tuple[str, ...], path: Path) -> dict[str, yaml.Node]:
    where = f"{path}:{node.start_mark.line + 1}"
    if not isinstance(node, yaml.MappingNode):
        raise DataFileError(f"expected a mapping with {', '.join(keys)}", source=where)
    fields = {k.value: v for k, v in node.value}
    missing = [k for k in keys if k not in fields]
    if missing:
        raise DataFileError(f"missing {', '.join(missing)}", source=where)
    return fields


def _pair(node: yaml.Node, path: Path) -> tuple[str, str]:
    if isinstance(node, yaml.MappingNode):
        fields = _mapping(node, ("a", "b"), path)
        return _iri_at(fields["a"], path), _iri_at(fields["b"], path)
    if isinstance(node, yaml.SequenceNode) and len(node.value) == 2:
        return _iri_at(node.value[0], path), _iri_at(node.value[1], path)
    raise DataFileError("expected a pair of IRIs", source=f"{path}:{node.start_mark.line + 1}")


def _iri_at(node: yaml.Node, path: Path) -> str:
    where = f"{path}:{node.start_mark.line + 1}"
    if not isinstance(node, yaml.ScalarNode):
        raise DataFileError("expected an IRI", source=where)
    try:
        return expand_iri(node.value)
    except InputError as error:
        raise DataFileError(str(error), source=where) from None


def record_merge(path: Path, keep: str, drop: str) -> Resolutions:
    """Add "drop is keep" to the file (cancelling a split between them); checked before writing."""
    current = load_resolutions(path)
    merges = [m for m in current.merges if m.drop != drop and {m.keep, m.drop} != {keep, drop}]
    merges.append(Merge(keep, drop))
    splits = [s for s in current.splits if {s.a, s.b} != {keep, drop}]
    return _save(path, merges, splits)


def record_split(path: Path, a: str, b: str) -> Resolutions:
    """Add "a and b are different" (cancelling a direct merge between them); checked before writing."""
    current = load_resolutions(path)
    merges = [m for m in current.merges if {m.keep, m.drop} != {a, b}]
    splits = [s for s in current.splits if {s.a, s.b} != {a, b}] + [Split(a, b)]
    return _save(path, merges, splits)


def _save(path: Path, merges: Iterable[Merge], splits: Iterable[Split]) -> Resolutions:
    merges, splits = list(merges), list(splits)
    try:
        checked = Resolutions(tuple(merges), tuple(splits), source=str(path))
    except DataFileError as error:  # nothing written: the file keeps its earlier, consistent judgements
        raise InputError(f"not recorded, it contradicts the judgements already there: {error}") from None
    document = {
        "version": FORMAT_VERSION,
        "merge": [{"keep": m.keep, "drop": m.drop} for m in merges],
        "split": [[s.a, s.b] for s in splits],
    }
    body = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=200)
    temporary = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(_HEADER + body, encoding="utf-8")
        temporary.replace(path)
    except OSError as error:
        raise InputError(f"cannot write the resolutions file: {error.strerror}", source=str(path)) from None
    return checked

