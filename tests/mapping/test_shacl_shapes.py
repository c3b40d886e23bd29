"""ontology/shapes.ttl: a small valid graph conforms, and each kind of mistake is caught with its message.

Each invalid example is the valid graph below changed by one inline SPARQL Update, so the test shows
exactly which mistake triggers which plain-language message.
"""

from __future__ import annotations

import pytest
from rdflib import Graph

from kg.validate import validate

PREFIXES = """
@prefix kg:     <https://w3id.org/kgid/ontology#> .
@base <https://w3id.org/kgid/id/> .
@prefix kgt:    <https://w3id.org/kgid/topic/> .
@prefix rdfs:   <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .
@prefix org:    <http://www.w3.org/ns/org#> .
@prefix prov:   <http://www.w3.org/ns/prov#> .
@prefix skos:   <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> .
@prefix foaf:   <http://xmlns.com/foaf/0.1/> .
@prefix oa:     <http://www.w3.org/ns/oa#> .
"""

VALID = PREFIXES + """
<article/a1> a kg:Article ; kg:articleId "a1" ;
    kg:contentHash "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" ;
    schema:url "https://example.org/a1"^^xsd:anyURI ; schema:headline "Judul" ;
    schema:datePublished "2025-12-19"^^xsd:date ; kg:topic kgt:ppid .

<evidence/e1> a kg:Evidence ; kg:inArticle <article/a1> ;
    oa:start "0"^^xsd:integer ; oa:end "12"^^xsd:integer ;
    oa:exact "studi tiru ke" ; kg:rule "visit:test" ; kg:confidence 0.9 .

<region/65> a kg:Region , kg:Province ; skos:prefLabel "Kalimantan Utara" ; kg:regionCode "65" .
<region/64> a kg:Region , kg:Province ; skos:prefLabel "Kalimantan Timur" ; kg:regionCode "64" .
<region/64.03> a kg:Region , kg:Regency ; skos:prefLabel "Kabupaten Berau" ; kg:regionCode "64.03" ;
    kg:partOf <region/64> .

<agency-type/diskominfo> a kg:AgencyType ; skos:prefLabel "Dinas Komunikasi dan Informatika" ;
    skos:inScheme <agency-types> .
<agency/diskominfo/65> a kg:Agency ; skos:prefLabel "DKISP Provinsi Kalimantan Utara" ;
    kg:key "diskominfo:65" ; kg:resolved true ; kg:agencyType <agency-type/diskominfo> ;
    kg:serves <region/65> .
<agency/diskominfo/64.03> a kg:Agency ; skos:prefLabel "Diskominfo Kabupaten Berau" ;
    kg:key "diskominfo:64.03" ; kg:resolved true ; kg:agencyType <agency-type/diskominfo> ;
    kg:serves <region/64.03> .
<agency/unresolved/dinas-x> a kg:Agency ; skos:prefLabel "Dinas X" ; kg:key "unresolved:dinas-x" ;
    kg:resolved false .

<visit-kind/studi-tiru> a kg:VisitKind ; skos:prefLabel "Studi tiru" ; skos:inScheme <visit-kinds> .
<role/kepala> a kg:Role ; skos:prefLabel "Kepala" ; skos:inScheme <roles> .
kgt:ppid a skos:Concept ; skos:prefLabel "PPID" ; skos:inScheme kgt:scheme .
<person/budi/diskominfo/65> a kg:Official ; foaf:name "Budi" ; kg:honorific "H." .

<visit/v1> a kg:Visit ; rdfs:label "Diskominfo Berau → DKISP Kaltara" ;
    prov:wasDerivedFrom <article/a1> ; kg:evidence <evidence/e1> ;
    kg:visitor <agency/diskominfo/64.03> ; kg:host <agency/diskominfo/65> ;
    kg:visitKind <visit-kind/studi-tiru> ; schema:startDate "2025-12-18"^^xsd:date ;
    schema:location <region/65> ; kg:receivedBy <person/budi/diskominfo/65> ; kg:topic kgt:ppid .

<award/w1> a kg:Award ; rdfs:label "Pemprov Kaltara: Indeks SPBE" ;
    prov:wasDerivedFrom <article/a1> ; kg:evidence <evidence/e1> ;
    schema:name "Indeks SPBE" ; kg:recipient <agency/diskominfo/65> ; kg:year 2024 ;
    kg:score 3.79 ; kg:rank 12 ; kg:rankOutOf 21 .

<membership/m1> a kg:Membership ; rdfs:label "Budi: Kepala, DKISP Kaltara" ;
    prov:wasDerivedFrom <article/a1> ; kg:evidence <evidence/e1> ;
    org:member <person/budi/diskominfo/65> ; org:organization <agency/diskominfo/65> ;
    org:role <role/kepala> ; kg:roleTitle "Kepala DKISP Kaltara" ; kg:attestedOn "2025-12-19"^^xsd:date .
"""

UPDATE_PREFIXES = "\n".join(
    line.replace("@prefix", "PREFIX").replace("@base", "BASE").rstrip(" .")
    for line in PREFIXES.strip().splitlines()
) + "\n"


def graph(update: str | None = None) -> Graph:
    data = Graph().parse(data=VALID, format="turtle")
    if update:
        data.update(UPDATE_PREFIXES + update)
    return data


def test_valid_graph_conforms() -> None:
    report = validate(graph())
    assert report.conforms, [f.message for f in report.findings]
    assert report.findings == ()


CASES = [
    ("missing host", "DELETE DATA { <visit/v1> kg:host <agency/diskominfo/65> }",
     "A visit needs exactly one host agency."),
    ("two hosts", "INSERT DATA { <visit/v1> kg:host <agency/unresolved/dinas-x> }",
     "A visit needs exactly one host agency."),
    ("no visitor", "DELETE DATA { <visit/v1> kg:visitor <agency/diskominfo/64.03> }",
     "A visit needs at least one visiting agency."),
    ("visitor is host", "INSERT DATA { <visit/v1> kg:visitor <agency/diskominfo/65> }",
     "An agency cannot be both the host and a visitor of the same visit."),
    ("host not an agency", "INSERT DATA { <visit/v1> kg:host <region/64> }",
     "The host of a visit must be a described agency (kg:Agency)."),
    ("date not a date", 'DELETE { <visit/v1> schema:startDate ?d } INSERT { <visit/v1> schema:startDate '
     '"18/12/2025" } WHERE { <visit/v1> schema:startDate ?d }',
     "A visit's date must be a calendar date like 2025-12-18."),
    ("score not decimal", 'DELETE { <award/w1> kg:score ?s } INSERT { <award/w1> kg:score "3,79" } '
     "WHERE { <award/w1> kg:score ?s }",
     "An award has at most one score, a decimal number with a dot like 68.81."),
    ("rank above out-of", "DELETE { <award/w1> kg:rank ?r } INSERT { <award/w1> kg:rank 22 } "
     "WHERE { <award/w1> kg:rank ?r }",
     "A rank cannot be higher than the number of participants ranked "
     "(rank 12 of 21 is fine, 22 of 21 is not)."),
    ("award without recipient", "DELETE DATA { <award/w1> kg:recipient <agency/diskominfo/65> }",
     "An award needs exactly one recipient agency."),
    ("bad region code", 'DELETE DATA { <region/64.03> kg:regionCode "64.03" } ; '
     'INSERT DATA { <region/64.03> kg:regionCode "64-3" }',
     'A region code must be a dotted Kemendagri code such as "64", "64.03" or "35.78.22".'),
    ("regency code with province shape", 'DELETE DATA { <region/64.03> kg:regionCode "64.03" } ; '
     'INSERT DATA { <region/64.03> kg:regionCode "64" }',
     "A regency's or city's code has the form \"64.03\" (province.regency)."),
    ("regency without province", "DELETE DATA { <region/64.03> kg:partOf <region/64> }",
     "A regency or city must say which province it belongs to (kg:partOf)."),
    ("visit without evidence", "DELETE DATA { <visit/v1> kg:evidence <evidence/e1> }",
     "This fact has no evidence: it does not point to the words in the article that support it."),
    ("award without article", "DELETE DATA { <award/w1> prov:wasDerivedFrom <article/a1> }",
     "This fact does not say which article it came from (prov:wasDerivedFrom is missing)."),
    ("membership without evidence", "DELETE DATA { <membership/m1> kg:evidence <evidence/e1> }",
     "This fact has no evidence: it does not point to the words in the article that support it."),
    ("membership without role", "DELETE DATA { <membership/m1> org:role <role/kepala> }",
     "A post needs exactly one role, such as kepala or kepala-bidang."),
    ("membership date not a date", 'INSERT DATA { <membership/m1> kg:attestedOn "kemarin" }',
     "The date a post was seen must be a calendar date like 2025-12-18."),
    ("official without name", 'DELETE DATA { <person/budi/diskominfo/65> foaf:name "Budi" }',
     "A person needs a name, as plain text."),
    ("agency without key", 'DELETE DATA { <agency/diskominfo/65> kg:key "diskominfo:65" }',
     'An agency needs exactly one key such as "diskominfo:64".'),
    ("malformed agency key", 'DELETE DATA { <agency/diskominfo/65> kg:key "diskominfo:65" } ; '
     'INSERT DATA { <agency/diskominfo/65> kg:key "Diskominfo Kaltara" }',
     'An agency key must look like "diskominfo:64.03" (type and region code), "kemkominfo" (a national body) '
     'or "unresolved:name".'),
    ("resolved not boolean", 'DELETE DATA { <agency/unresolved/dinas-x> kg:resolved false } ; '
     'INSERT DATA { <agency/unresolved/dinas-x> kg:resolved "no" }',
     "An agency must say once, as true or false, whether it was matched to a known agency (kg:resolved)."),
    ("evidence confidence above one", "DELETE { <evidence/e1> kg:confidence ?c } "
     "INSERT { <evidence/e1> kg:confidence 1.5 } WHERE { <evidence/e1> kg:confidence ?c }",
     "A confidence must lie between 0 and 1."),
    ("evidence reversed", 'DELETE DATA { <evidence/e1> oa:end "12"^^xsd:integer } ; '
     'INSERT DATA { <evidence/e1> oa:end "0"^^xsd:integer }',
     "Evidence must start before it ends (an empty or reversed span quotes nothing)."),
    ("evidence before the text", 'DELETE DATA { <evidence/e1> oa:start "0"^^xsd:integer } ; '
     'INSERT DATA { <evidence/e1> oa:start "-3"^^xsd:integer }',
     "Evidence needs exactly one start position: a whole number of characters from 0 up."),
    ("evidence without quote", 'DELETE DATA { <evidence/e1> oa:exact "studi tiru ke" }',
     "Evidence needs the quoted words, once, as plain text (oa:exact)."),
    ("article without hash",
     "DELETE { <article/a1> kg:contentHash ?h } WHERE { <article/a1> kg:contentHash ?h }",
     "An article needs exactly one content hash (64 hexadecimal characters)."),
    ("article date not a date", 'DELETE { <article/a1> schema:datePublished ?d } '
     'INSERT { <article/a1> schema:datePublished "2025-12-19T08:00:00"^^xsd:dateTime } '
     "WHERE { <article/a1> schema:datePublished ?d }",
     "An article has at most one publication date, a calendar date like 2025-12-19."),
    ("topic outside the scheme", "INSERT DATA { <visit/v1> kg:topic kgt:gardening }",
     "A topic of a visit must be one of the topics in ontology/topics.ttl."),
]


@pytest.mark.parametrize(("update", "message"), [(u, m) for _, u, m in CASES], ids=[c[0] for c in CASES])
def test_each_mistake_is_caught_with_its_message(update: str, message: str) -> None:
    report = validate(graph(update))
    assert not report.conforms
    assert message in {f.message for f in report.violations}


def test_unknown_role_is_a_warning_not_a_violation() -> None:
    report = validate(graph("INSERT DATA { <role/juru-masak> a kg:Role ; skos:prefLabel \"Juru Masak\" }"))
    assert report.conforms
    assert [f.severity for f in report.findings] == ["Warning"]
    assert "not in kg's list of roles" in report.findings[0].message


def test_every_property_shape_has_a_message() -> None:
    from rdflib.namespace import SH

    from kg.validate import shapes_graph

    shapes = shapes_graph()
    property_shapes = set(shapes.objects(None, SH.property))
    assert property_shapes
    missing = [s for s in property_shapes if (s, SH.message, None) not in shapes]
    assert missing == []
