"""ontology/topics.ttl: a well-formed SKOS scheme with the shared topic ids and specific labels."""

from __future__ import annotations

import re

import pytest
from rdflib import Literal

from kg.rdfmap import topic_scheme
from kg.vocab import KGT, RDF, SKOS

BRIEF_TOPICS = [
    "ppid",
    "kim",
    "spbe",
    "keterbukaan-informasi",
    "pengelolaan-media",
    "kerja-sama-media",
    "kehumasan",
    "komunikasi-publik",
    "keamanan-informasi",
    "statistik-sektoral",
    "satu-data",
    "command-center",
    "smart-city",
    "transformasi-digital",
    "infrastruktur-tik",
    "website",
    "media-sosial",
    "literasi-digital",
    "pengaduan-publik",
    "tanda-tangan-elektronik",
    "pusat-data",
    "aplikasi",
]


@pytest.fixture(scope="module")
def scheme():
    return topic_scheme()


def concepts(scheme) -> set:
    return set(scheme.subjects(RDF.type, SKOS.Concept))


def test_scheme_has_exactly_the_shared_topic_ids(scheme) -> None:
    assert concepts(scheme) == {KGT[t] for t in BRIEF_TOPICS}
    assert (KGT.scheme, RDF.type, SKOS.ConceptScheme) in scheme


def test_every_concept_is_well_formed(scheme) -> None:
    for concept in concepts(scheme):
        assert (concept, SKOS.inScheme, KGT.scheme) in scheme
        assert (concept, SKOS.topConceptOf, KGT.scheme) in scheme
        assert (KGT.scheme, SKOS.hasTopConcept, concept) in scheme
        assert len(list(scheme.objects(concept, SKOS.prefLabel))) == 1, concept
        definitions = [d for d in scheme.objects(concept, SKOS.definition) if d.language == "en"]
        assert len(definitions) == 1, concept
        assert len(list(scheme.objects(concept, SKOS.altLabel))) >= 3, f"{concept} needs more wordings"
        for related in scheme.objects(concept, SKOS.related):
            assert related in concepts(scheme)


def labels(scheme) -> list[tuple[str, object]]:
    return [
        (str(label), concept)
        for concept in concepts(scheme)
        for p in (SKOS.prefLabel, SKOS.altLabel)
        for label in scheme.objects(concept, p)
        if isinstance(label, Literal)
    ]


def test_no_label_names_two_topics(scheme) -> None:
    owner: dict[str, object] = {}
    for text, concept in labels(scheme):
        key = text.casefold()
        assert owner.setdefault(key, concept) == concept, f"'{text}' labels two topics"


def test_labels_are_specific(scheme) -> None:
    """Short labels fire on unrelated words: a one-word label is an upper-case abbreviation of 3+ letters or
    a word of 6+ letters, and the known ambiguous abbreviations are absent."""
    for text, concept in labels(scheme):
        words = text.split()
        if len(words) == 1:
            assert re.fullmatch(r"[A-Z0-9!-]{3,}", text) or len(text) >= 6, (
                f"'{text}' ({concept}) is too short"
            )
        assert text not in {"KIP", "PDN", "sandi", "data", "web", "humas", "aplikasi", "IKIP"}, text


@pytest.mark.parametrize(
    ("topic", "label"),
    [
        ("ppid", "Pejabat Pengelola Informasi dan Dokumentasi"),
        ("ppid", "PPID"),
        ("kim", "Kelompok Informasi Masyarakat"),
        ("kim", "KIM"),
        ("spbe", "Sistem Pemerintahan Berbasis Elektronik"),
        ("spbe", "SPBE"),
        ("pengelolaan-media", "pengelolaan media"),
        ("pengelolaan-media", "pengelolaan konten"),
        ("pengelolaan-media", "manajemen media"),
        ("keamanan-informasi", "persandian"),
        ("keamanan-informasi", "keamanan informasi"),
        ("keamanan-informasi", "pengamanan informasi"),
        ("pengaduan-publik", "SP4N-LAPOR"),
        ("komunikasi-publik", "IKP"),
    ],
)
def test_wordings_of_government_news_are_labels(scheme, topic: str, label: str) -> None:
    found = {
        str(t).casefold() for p in (SKOS.prefLabel, SKOS.altLabel) for t in scheme.objects(KGT[topic], p)
    }
    assert label.casefold() in found
