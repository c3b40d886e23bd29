"""kg.rdfmap on hand-built extractions: the expected triples, in the right graph, deterministic, valid."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from mapping_examples import TEXT, build_extraction, dkisp_kaltara, kominfo_berau, span
from rdflib import BNode, Literal, URIRef
from rdflib.compare import isomorphic

from kg import iri, vocab
from kg.rdfmap import map_extraction, merged, topic_scheme
from kg.types import Agency, Article, Extraction, Official, Post, Region, TopicMention
from kg.validate import validate
from kg.vocab import FOAF, KG, KGG, KGT, OA, ORG, PROV, RDF, RDFS, SKOS

BERAU = iri.agency("diskominfo:64.03")
KALTARA = iri.agency("diskominfo:65")


def the_visit(graphs) -> URIRef:
    (visit,) = graphs.facts.subjects(RDF.type, KG.Visit)
    return visit


def test_visit_triples(extraction) -> None:
    graphs = map_extraction(extraction)
    facts, visit = graphs.facts, the_visit(graphs)
    assert graphs.graph_iri == KGG["article/004_test"]
    assert visit == iri.visit(["diskominfo:64.03"], "diskominfo:65", date(2025, 12, 18), "004_test")
    assert set(facts.objects(visit, KG.visitor)) == {BERAU}
    assert set(facts.objects(visit, KG.host)) == {KALTARA}
    assert facts.value(visit, KG.visitKind) == iri.visit_kind("studi-tiru")
    assert facts.value(visit, vocab.SCHEMA.startDate) == Literal("2025-12-18", datatype=vocab.XSD.date)
    assert facts.value(visit, vocab.SCHEMA.location) == iri.region("65")
    assert facts.value(visit, KG.venue) == Literal("Ruang Rapat Lantai 3")
    assert facts.value(visit, KG.ledBy) == iri.person("Rina Kartika", "diskominfo:64.03")
    assert facts.value(visit, KG.receivedBy) == iri.person("Budi Santoso", "diskominfo:65")
    assert set(facts.objects(visit, KG.topic)) == {KGT.ppid, KGT.spbe}
    assert facts.value(visit, PROV.wasDerivedFrom) == iri.article("004_test")
    assert str(facts.value(visit, RDFS.label)) == "Diskominfo Berau → DKISP Kaltara (studi tiru, 2025-12-18)"
    event = facts.value(visit, KG.followUpOf)
    assert facts.value(event, RDFS.label) == Literal("bimtek PPID")
    assert facts.value(event, vocab.SCHEMA.location) == iri.region("65.01.05")


def test_evidence_quotes_the_article(extraction) -> None:
    graphs = map_extraction(extraction)
    facts = graphs.facts
    evidence = list(facts.subjects(RDF.type, KG.Evidence))
    assert len(evidence) >= 6
    for node in evidence:
        start, end = int(facts.value(node, OA.start)), int(facts.value(node, OA.end))
        assert str(facts.value(node, OA.exact)) == TEXT[start:end]
        assert facts.value(node, OA.start).datatype == vocab.XSD.integer
        assert facts.value(node, KG.inArticle) == iri.article("004_test")
        assert facts.value(node, KG.confidence).datatype == vocab.XSD.decimal
        assert 0 <= facts.value(node, KG.confidence).toPython() <= 1
    quotes = {str(facts.value(e, OA.exact)) for e in facts.objects(the_visit(graphs), KG.evidence)}
    assert quotes == {
        "Informatika Kabupaten Berau melakukan studi tiru ke DKISP Kaltara",
        "18/12/2025",
        "Ruang Rapat Lantai 3",
    }
    for fact_class in (KG.Visit, KG.Award, KG.Membership):
        for fact in facts.subjects(RDF.type, fact_class):
            assert facts.value(fact, KG.evidence) is not None
            assert facts.value(fact, RDFS.label) is not None


def test_awards_and_memberships(extraction) -> None:
    facts = map_extraction(extraction).facts
    awards = {str(facts.value(a, vocab.SCHEMA.name)): a for a in facts.subjects(RDF.type, KG.Award)}
    akip, spbe = awards["Anugerah Keterbukaan Informasi Publik"], awards["Indeks SPBE"]
    assert facts.value(akip, KG.recipient) == iri.agency("pemda:65")
    assert facts.value(akip, KG.awardedBy) == iri.agency("komisi-informasi")
    assert (facts.value(akip, KG.rank), facts.value(akip, KG.rankOutOf)) == (Literal(12), Literal(21))
    assert facts.value(akip, KG.year) == Literal(2025)
    assert facts.value(spbe, KG.score) == Literal("3.79", datatype=vocab.XSD.decimal)
    budi = iri.person("Budi Santoso", "diskominfo:65")
    (membership,) = facts.subjects(ORG.member, budi)
    assert facts.value(membership, ORG.organization) == KALTARA
    assert facts.value(membership, ORG.role) == iri.role("kepala")
    assert facts.value(membership, KG.roleTitle) == Literal("Kepala DKISP Kaltara")
    assert facts.value(membership, KG.attestedOn) == Literal("2025-12-19", datatype=vocab.XSD.date)
    assert set(facts.objects(budi, KG.honorific)) == {Literal("H.")}
    assert set(facts.objects(budi, KG.academicDegree)) == {Literal("S.Sos.")}


def test_what_goes_in_which_graph(extraction) -> None:
    graphs = map_extraction(extraction)
    facts, entities = graphs.facts, graphs.entities
    assert (KALTARA, SKOS.altLabel, Literal("DKISP Kaltara")) in facts  # as written in this article
    assert (KALTARA, SKOS.prefLabel, None) not in facts
    assert entities.value(KALTARA, KG.key) == Literal("diskominfo:65")
    assert entities.value(KALTARA, KG.resolved) == Literal(True)
    assert entities.value(KALTARA, KG.agencyType) == iri.agency_type("diskominfo")
    assert entities.value(BERAU, KG.serves) == iri.region("64.03")
    assert entities.value(iri.region("64.03"), KG.partOf) == iri.region("64")
    assert (iri.region("64"), RDF.type, KG.Province) in entities
    assert entities.value(iri.region("65.01.05"), KG.partOf) == iri.region("65.01")
    assert entities.value(iri.person("Budi Santoso", "diskominfo:65"), FOAF.name) == Literal("Budi Santoso")
    assert (None, KG.honorific, None) not in entities
    assert entities.value(iri.role("kepala"), SKOS.prefLabel) == Literal("Kepala")
    assert entities.value(KGT.ppid, SKOS.inScheme) == KGT.scheme
    assert (None, RDF.type, KG.Visit) not in entities
    assert facts.value(iri.article("004_test"), KG.contentHash) == Literal(extraction.article.content_hash)
    assert set(facts.objects(iri.article("004_test"), KG.topic)) == {KGT.ppid, KGT.spbe}


def test_same_input_gives_identical_triples_and_no_blank_nodes(extraction) -> None:
    first, second = map_extraction(extraction), map_extraction(build_extraction())
    assert set(first.facts) == set(second.facts)
    assert set(first.entities) == set(second.entities)
    for graph in (first.facts, first.entities):
        assert not [t for t in graph if any(isinstance(term, BNode) for term in t)]


def test_mapped_graph_conforms_to_the_shapes(extraction) -> None:
    graphs = map_extraction(extraction)
    report = validate(merged([graphs.facts, graphs.entities]))
    assert report.conforms, [f.message for f in report.findings]
    assert report.findings == ()


def test_same_agency_named_three_ways_in_two_articles_is_one_iri() -> None:
    text_a = "Dinas Komunikasi dan Informatika Kabupaten Berau, atau Diskominfo Berau, menerima tamu."
    text_b = "Tim Kominfo Berau berangkat pagi ini."
    a = Extraction(
        Article("a", text_a, "a.txt"),
        agencies=(kominfo_berau(text_a), kominfo_berau(text_a, "Diskominfo Berau")),
    )
    b = Extraction(Article("b", text_b, "b.txt"), agencies=(kominfo_berau(text_b, "Kominfo Berau"),))
    graph_a, graph_b = map_extraction(a), map_extraction(b)
    agencies = set(graph_a.entities.subjects(RDF.type, KG.Agency)) | set(
        graph_b.entities.subjects(RDF.type, KG.Agency)
    )
    assert agencies == {BERAU}
    assert set(graph_a.facts.objects(BERAU, SKOS.altLabel)) == {
        Literal("Dinas Komunikasi dan Informatika Kabupaten Berau"),
        Literal("Diskominfo Berau"),
    }
    assert set(graph_b.facts.objects(BERAU, SKOS.altLabel)) == {Literal("Kominfo Berau")}
    assert isomorphic(graph_a.entities, graph_b.entities)  # key-derived: identical whichever article


def test_dated_visit_reported_by_two_articles_is_one_node() -> None:
    one, two = map_extraction(build_extraction("a1")), map_extraction(build_extraction("a2"))
    assert the_visit(one) == the_visit(two)
    undated = [
        map_extraction(
            replace(build_extraction(aid), visits=(replace(build_extraction().visits[0], date=None),))
        )
        for aid in ("a1", "a2")
    ]
    assert the_visit(undated[0]) != the_visit(undated[1])


def test_membership_attested_on_visit_date_when_article_is_undated() -> None:
    extraction = build_extraction(published=None)
    facts = map_extraction(extraction).facts
    rina = iri.person("Rina Kartika", "diskominfo:64.03")
    (membership,) = facts.subjects(ORG.member, rina)
    assert set(facts.objects(membership, KG.attestedOn)) == {Literal("2025-12-18", datatype=vocab.XSD.date)}
    assert (iri.article("004_test"), vocab.SCHEMA.datePublished, None) not in facts


def test_post_without_agency_and_unknown_ids_are_reported_not_dropped() -> None:
    text = "Seorang Juru Masak, Ani, hadir dalam kunjungan tentang berkebun."
    post = Post(
        Official("Ani", span(text, "Ani")),
        role_id="juru-masak",
        role_label="Juru Masak",
        title="Juru Masak",
        agency=None,
        span=span(text, "Juru Masak, Ani"),
        confidence=0.5,
        rule="r",
    )
    extraction = Extraction(
        Article("x", text, "x.txt"),
        posts=(post,),
        topics=(TopicMention("berkebun", span(text, "berkebun"), "berkebun"),),
    )
    graphs = map_extraction(extraction)
    person = iri.person("Ani", None)
    assert person == iri.KGI["person/ani/unknown"]
    assert graphs.entities.value(iri.role("juru-masak"), SKOS.prefLabel) == Literal("Juru Masak")
    report = validate(merged([graphs.facts, graphs.entities]))
    messages = {(f.severity, f.message) for f in report.findings}
    assert (
        "Violation",
        "A topic of an article must be one of the topics in ontology/topics.ttl.",
    ) in messages
    assert any(sev == "Warning" and "list of roles" in msg for sev, msg in messages)


def test_unresolved_agency_has_no_type() -> None:
    text = "Dinas Kebersihan Kota Z hadir."
    region = Region("64.72", "Kota Samarinda", "kota", parent=Region("64", "Kalimantan Timur", "provinsi"))
    unresolved = Agency(
        "unresolved:dinas-kebersihan-kota-z",
        "Dinas Kebersihan Kota Z",
        "Dinas Kebersihan Kota Z",
        span(text, "Dinas Kebersihan Kota Z"),
        type_id="dinas-kebersihan",
        region=region,
        resolved=False,
    )
    graphs = map_extraction(Extraction(Article("u", text, "u.txt"), agencies=(unresolved,)))
    node = iri.agency("unresolved:dinas-kebersihan-kota-z")
    assert graphs.entities.value(node, KG.resolved) == Literal(False)
    assert graphs.entities.value(node, KG.agencyType) is None
    assert validate(merged([graphs.facts, graphs.entities])).conforms


def test_topic_scheme_loader_matches_what_the_mapping_copies(extraction) -> None:
    entities = map_extraction(extraction).entities
    scheme = topic_scheme()
    for triple in entities.triples((KGT.ppid, None, None)):
        assert triple in scheme


def test_agency_mentions_in_any_order_give_the_same_graphs() -> None:
    extraction = build_extraction()
    shuffled = replace(
        extraction, agencies=tuple(reversed(extraction.agencies)), posts=tuple(reversed(extraction.posts))
    )
    assert set(map_extraction(shuffled).entities) == set(map_extraction(extraction).entities)
    assert set(map_extraction(shuffled).facts) == set(map_extraction(extraction).facts)
    assert dkisp_kaltara(TEXT).key == "diskominfo:65"


def test_a_bare_mention_does_not_hide_what_a_fuller_one_knows() -> None:
    text = "DKISP menyambut tamu. DKISP Kaltara menjadi tuan rumah."
    bare = replace(dkisp_kaltara(text), surface="DKISP", span=span(text, "DKISP"), region=None, type_id=None)
    graphs = map_extraction(Extraction(Article("d", text, "d.txt"), agencies=(bare, dkisp_kaltara(text))))
    assert graphs.entities.value(KALTARA, KG.serves) == iri.region("65")
    assert graphs.entities.value(KALTARA, KG.agencyType) == iri.agency_type("diskominfo")


def test_triples_handed_to_the_store_are_the_graphs_callers_read(extraction) -> None:
    graphs = map_extraction(extraction)
    fast_facts, fast_entities = set(graphs.fact_triples), set(graphs.entity_triples)
    assert fast_facts == set(graphs.facts) and fast_entities == set(graphs.entities)
    assert graphs.facts.namespace_manager.store.namespace("kg") == URIRef(str(KG._NS))
    extra = (KGG.somewhere, RDFS.label, Literal("added by a caller"))
    graphs.facts.add(extra)  # once read, the Graph is what the store gets, edits included
    assert set(graphs.fact_triples) == fast_facts | {extra}
    renamed = replace(graphs, article_id="other")  # resolutions rebuild article graphs this way
    assert set(renamed.facts) == set(graphs.facts) and set(renamed.entity_triples) == fast_entities
