"""ontology/kg.ttl: it parses, documents every term, aligns to standards, and agrees with kg.vocab."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.errors import DataFileError
from kg.rdfmap import load_turtle, ontology_graph
from kg.vocab import KG, KGI, OWL, RDF, RDFS, SKOS

STANDARD = (
    "http://www.w3.org/ns/org#",
    "http://www.w3.org/ns/prov#",
    "http://www.w3.org/2004/02/skos/core#",
    "https://schema.org/",
    "http://xmlns.com/foaf/0.1/",
    "http://www.w3.org/2006/time#",
    "http://www.w3.org/ns/oa#",
    "http://purl.org/dc/terms/",
    "http://www.w3.org/2000/01/rdf-schema#",
)
KG_NS = str(KG.Agency)[: -len("Agency")]


@pytest.fixture(scope="module")
def onto():
    return ontology_graph()


def kg_terms(onto) -> set[URIRef]:
    return {s for s in onto.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(KG_NS)}


def test_every_term_has_english_label_and_comment(onto) -> None:
    terms = kg_terms(onto)
    assert len(terms) > 50
    for term in terms:
        labels = {lit.language for lit in onto.objects(term, RDFS.label)}
        assert "en" in labels, f"{term} has no English rdfs:label"
        comments = [
            c for c in onto.objects(term, RDFS.comment) if isinstance(c, Literal) and c.language == "en"
        ]
        assert comments and len(str(comments[0])) > 20, f"{term} has no real rdfs:comment"


def test_indonesian_labels_where_natural(onto) -> None:
    for term in kg_terms(onto):
        assert "id" in {lit.language for lit in onto.objects(term, RDFS.label)}, term


def test_every_property_has_a_range_and_classes_align_to_standards(onto) -> None:
    for prop in set(onto.subjects(RDF.type, OWL.ObjectProperty)) | set(
        onto.subjects(RDF.type, OWL.DatatypeProperty)
    ):
        assert onto.value(prop, RDFS.range) is not None, f"{prop} has no rdfs:range"
    for cls in onto.subjects(RDF.type, OWL.Class):
        if cls == KG.VisitPair:  # a store-internal summary, no standard counterpart
            continue
        supers = set(onto.transitive_objects(cls, RDFS.subClassOf)) - {cls}
        assert any(str(s).startswith(STANDARD) for s in supers), (
            f"{cls} is not aligned to a standard vocabulary"
        )


def test_documented_alignments(onto) -> None:
    assert (KG.Agency, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Organization")) in onto
    assert (KG.Evidence, RDFS.subClassOf, URIRef("http://www.w3.org/ns/oa#TextPositionSelector")) in onto
    assert (KG.serves, RDFS.subPropertyOf, URIRef("https://schema.org/areaServed")) in onto
    assert (KG.followUpOf, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/prov#wasInformedBy")) in onto


def test_code_and_ontology_agree(onto) -> None:
    in_code = {KG[name] for name in KG.__annotations__}
    assert in_code == kg_terms(onto)


def test_vocab_rejects_undefined_terms() -> None:
    with pytest.raises(AttributeError):
        KG.vistor  # noqa: B018 - the typo must fail


def test_controlled_vocabularies_are_complete() -> None:
    onto = ontology_graph()
    brief_roles = [
        "kepala",
        "plt-kepala",
        "plh-kepala",
        "sekretaris",
        "kepala-bidang",
        "kepala-sub-bagian",
        "kepala-seksi",
        "pranata-humas-ahli-pertama",
        "pranata-humas-ahli-muda",
        "pranata-humas-ahli-madya",
        "pranata-humas",
        "sub-koordinator",
        "analis",
        "gubernur",
        "wakil-gubernur",
        "bupati",
        "wakil-bupati",
        "wali-kota",
        "wakil-wali-kota",
        "sekda",
        "asisten",
        "ketua",
        "wakil-ketua",
        "anggota",
        "menteri",
        "direktur",
        "staf",
    ]
    for scheme, cls, ids in (
        ("roles", KG.Role, brief_roles),
        (
            "visit-kinds",
            KG.VisitKind,
            [
                "studi-tiru",
                "studi-banding",
                "kunjungan-kerja",
                "kunjungan-kehormatan",
                "audiensi",
                "kunjungan",
            ],
        ),
        ("agency-types", KG.AgencyType, ["diskominfo", "pemda", "komisi-informasi", "kemkominfo", "bssn"]),
    ):
        prefix = {"roles": "role/", "visit-kinds": "visit-kind/", "agency-types": "agency-type/"}[scheme]
        for concept_id in ids:
            node = KGI[prefix + concept_id]
            assert (node, RDF.type, cls) in onto, node
            assert (node, SKOS.inScheme, KGI[scheme]) in onto, node
            assert len(list(onto.objects(node, SKOS.prefLabel))) == 1, node


def test_header_documents_namespace_minting_and_provenance() -> None:
    text = (Path(__file__).resolve().parents[2] / "ontology" / "kg.ttl").read_text(encoding="utf-8")
    header = text[: text.index("@prefix")]
    for needle in (
        "https://w3id.org/kgid/",
        "IRI MINTING",
        "WHY PROVENANCE",
        "named graph",
        "TextQuoteSelector",
    ):
        assert needle in header


def test_broken_turtle_names_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix kg: <https://w3id.org/kgid/ontology#> .\nkg:Visit a \n", encoding="utf-8")
    with pytest.raises(DataFileError, match="broken.ttl"):
        load_turtle(broken)
    with pytest.raises(DataFileError, match="missing.ttl"):
        load_turtle(tmp_path / "missing.ttl")
