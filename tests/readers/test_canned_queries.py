"""Every canned question gives exactly the known answers of the hand-written world (fixtures/world.trig)."""

from __future__ import annotations

import pytest

from kg import queries
from kg.store.embedded import open_store

KALTIM, JATIM, KALTARA = "kgi:agency/diskominfo/64", "kgi:agency/diskominfo/35", "kgi:agency/diskominfo/65"
BERAU, KUTIM, SURABAYA = ("kgi:agency/diskominfo/64.03", "kgi:agency/diskominfo/64.08",
                          "kgi:agency/diskominfo/35.78")
KOMDIGI, PEMPROV_KALTARA = "kgi:agency/komdigi", "kgi:agency/pemda/65"
RINA = "kgi:person/rina-kartika/diskominfo/64"


def rows(store, name, columns, **params):
    """The rows of a canned query as tuples of compact strings, in the order the query gives them."""
    result = queries.run(store, name, params)
    assert set(columns) <= set(result.variables), result.variables
    return [tuple(queries.compact(row.get(c)) for c in columns) for row in result]


def test_visits_has_the_contract_variables_and_one_row_per_visitor(world):
    result = queries.run(world, "visits")
    assert result.variables == ("visit", "visitor", "visitorLabel", "host", "hostLabel", "date", "placeLabel",
                                "article", "articleId")
    assert rows(world, "visits", ["visit", "visitor", "host", "date", "placeLabel", "articleId"]) == [
        ("kgi:visit/v1", KALTIM, JATIM, "2023-05-09", "Gayungan", "art-01"),
        ("kgi:visit/v1", KUTIM, JATIM, "2023-05-09", "Gayungan", "art-01"),
        ("kgi:visit/v5", SURABAYA, JATIM, "2023-08-01", "Gayungan", "art-05"),
        ("kgi:visit/v2", JATIM, KALTIM, "2024-02-20", "Kalimantan Timur", "art-02"),
        ("kgi:visit/v4", KALTARA, KALTIM, "2024-06-11", "", "art-04"),
        ("kgi:visit/v3", BERAU, KALTARA, "2025-12-18", "Kalimantan Utara", "art-03"),
        ("kgi:visit/v6", KALTIM, KOMDIGI, "", "", "art-06"),
    ]
    first = result.rows[0]
    assert str(first["hostLabel"]) == "Dinas Komunikasi dan Informatika Provinsi Jawa Timur"
    assert queries.compact(first["article"]) == "kgi:article/art-01"


def test_officials_one_row_per_attested_post(world):
    result = queries.run(world, "officials")
    assert result.variables == ("person", "name", "role", "agency", "agencyLabel", "article", "articleId")
    assert rows(world, "officials", ["name", "role", "agency", "articleId"]) == [
        ("Ahmad Fauzi", "kgi:role/kepala", KALTARA, "art-03"),
        ("Bambang Susilo", "kgi:role/kepala", JATIM, "art-01"),
        ("Bambang Susilo", "kgi:role/kepala", JATIM, "art-02"),
        ("Dewi Lestari", "kgi:role/pranata-humas-ahli-muda", BERAU, "art-03"),
        ("Rina Kartika", "kgi:role/kepala", KALTIM, "art-04"),
        ("Rina Kartika", "kgi:role/kepala-bidang", KALTIM, "art-01"),
    ]


def test_awards_with_rank_or_score(world):
    result = queries.run(world, "awards")
    assert result.variables == ("award", "name", "recipient", "recipientLabel", "year", "awarderLabel",
                                "rankOrScore", "article", "articleId")
    columns = ["name", "recipient", "year", "awarderLabel", "rankOrScore", "articleId"]
    assert rows(world, "awards", columns) == [
        ("media internal terbaik se-Indonesia", JATIM, "", "Kementerian Komunikasi dan Informatika", "",
         "art-01"),
        ("Anugerah Keterbukaan Informasi Publik", PEMPROV_KALTARA, "2025", "Komisi Informasi Pusat", "12/21",
         "art-03"),
        ("Indeks Keterbukaan Informasi Publik", PEMPROV_KALTARA, "2025", "Komisi Informasi Pusat", "68.81",
         "art-03"),
        ("Indeks SPBE", PEMPROV_KALTARA, "2024",
         "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "3.79", "art-03"),
    ]


@pytest.mark.parametrize(("a", "b"), [("diskominfo:64", "diskominfo:35"), ("35", "diskominfo:64"),
                                      (KALTIM, "kgi:region/35")])
def test_visits_between_either_direction_agency_or_region(world, a, b):
    got = rows(world, "visits-between", ["visit", "date", "visitor", "host"], a=a, b=b)
    assert got == [("kgi:visit/v1", "2023-05-09", KALTIM, JATIM),
                   ("kgi:visit/v2", "2024-02-20", JATIM, KALTIM)]


def test_visits_between_regions_include_agencies_below_them(world):
    got = rows(world, "visits-between", ["visit", "direction", "visitor"], a="35", b="64")
    assert got == [("kgi:visit/v1", "b-to-a", KALTIM), ("kgi:visit/v1", "b-to-a", KUTIM),
                   ("kgi:visit/v2", "a-to-b", JATIM)]


def test_visits_between_date_range(world):
    got = rows(world, "visits-between", ["visit"], a="64", b="35", since="2024-01-01", until="2024-12-31")
    assert got == [("kgi:visit/v2",)]
    assert rows(world, "visits-between", ["visit"], a="64", b="35", since="2026-01-01") == []


def test_top_hosts(world):
    assert rows(world, "top-hosts", ["host", "visitsReceived", "distinctVisitors", "visitorRegions",
                                     "visitorProvinces"]) == [
        (JATIM, "2", "3", "3", "2"),
        (KALTIM, "2", "2", "2", "2"),
        (KALTARA, "1", "1", "1", "1"),
        (KOMDIGI, "1", "1", "1", "1"),
    ]
    assert rows(world, "top-hosts", ["host", "visitsReceived"], since="2024-01-01") == [
        (KALTIM, "2"), (KALTARA, "1")]


def test_top_visitors(world):
    got = rows(world, "top-visitors", ["visitor", "visitsMade", "distinctHosts", "hostProvinces"])
    assert got[0] == (KALTIM, "2", "2", "1")
    once = ("1", "1", "1")
    assert sorted(got[1:]) == sorted((agency, *once) for agency in (BERAU, KUTIM, SURABAYA, JATIM, KALTARA))


def test_reciprocal_pairs_with_both_dates(world):
    assert rows(world, "reciprocal-pairs", ["a", "b", "aToB", "firstAToB", "bToA", "firstBToA"]) == [
        (JATIM, KALTIM, "1", "2024-02-20", "1", "2023-05-09")]


def test_region_flows_kabupaten_to_province(world):
    got = rows(world, "region-flows", ["from", "fromLevel", "to", "toLevel", "visits"])
    assert sorted(got) == sorted([
        ("kgi:region/64", "province", "kgi:region/35", "province", "1"),
        ("kgi:region/64.08", "kabupaten", "kgi:region/35", "province", "1"),
        ("kgi:region/35", "province", "kgi:region/64", "province", "1"),
        ("kgi:region/64.03", "kabupaten", "kgi:region/65", "province", "1"),
        ("kgi:region/65", "province", "kgi:region/64", "province", "1"),
        ("kgi:region/35.78", "kota", "kgi:region/35", "province", "1"),
    ])


def test_region_flows_rolled_up_to_provinces(world):
    got = rows(world, "region-flows", ["from", "to", "visits"], level="province")
    assert sorted(got) == [("kgi:region/35", "kgi:region/35", "1"), ("kgi:region/35", "kgi:region/64", "1"),
                           ("kgi:region/64", "kgi:region/35", "1"), ("kgi:region/64", "kgi:region/65", "1"),
                           ("kgi:region/65", "kgi:region/64", "1")]


def test_topic_visits_for_one_topic(world):
    assert rows(world, "topic-visits", ["date", "visit", "visitor", "host"], topic="ppid") == [
        ("2023-05-09", "kgi:visit/v1", KUTIM, JATIM),
        ("2023-05-09", "kgi:visit/v1", KALTIM, JATIM),
        ("2024-06-11", "kgi:visit/v4", KALTARA, KALTIM),
        ("2025-12-18", "kgi:visit/v3", BERAU, KALTARA),
    ]
    assert rows(world, "topic-visits", ["visit"], topic="satu-data") == []


def test_topic_first_visit(world):
    got = rows(world, "topic-first-visit", ["topic", "firstDate", "visit", "host", "visits"])
    assert sorted(set(got)) == sorted([
        ("kgt:kim", "2023-05-09", "kgi:visit/v1", JATIM, "2"),
        ("kgt:ppid", "2023-05-09", "kgi:visit/v1", JATIM, "3"),
        ("kgt:pengelolaan-media", "2023-05-09", "kgi:visit/v1", JATIM, "2"),
        ("kgt:spbe", "2024-02-20", "kgi:visit/v2", KALTIM, "2"),
        ("kgt:keterbukaan-informasi", "2025-12-18", "kgi:visit/v3", KALTARA, "1"),
    ])


def test_topic_spread_over_provinces(world):
    assert rows(world, "topic-spread", ["provinceLabel", "firstSeen", "visits"], topic="ppid") == [
        ("Jawa Timur", "2023-05-09", "1"),
        ("Kalimantan Timur", "2023-05-09", "3"),
        ("Kalimantan Utara", "2024-06-11", "2"),
    ]


def test_agency_timeline_in_date_order(world):
    assert rows(world, "agency-timeline", ["date", "what", "event", "counterpart", "detail", "articleId"],
                agency="diskominfo:64") == [
        ("2023-05-09", "visited", "kgi:visit/v1", JATIM, "Studi banding", "art-01"),
        ("2023-05-10", "official", "kgi:membership/m-rina-kabid", RINA, "Kepala Bidang", "art-01"),
        ("2024-02-20", "hosted", "kgi:visit/v2", JATIM, "Kunjungan kerja", "art-02"),
        ("2024-06-11", "hosted", "kgi:visit/v4", KALTARA, "Studi banding", "art-04"),
        ("2024-06-12", "official", "kgi:membership/m-rina-kepala", RINA, "Kepala", "art-04"),
        ("", "visited", "kgi:visit/v6", KOMDIGI, "Audiensi", "art-06"),
    ]


def test_agency_timeline_lists_awards(world):
    got = rows(world, "agency-timeline", ["date", "what", "counterpart", "detail"], agency="pemda:65")
    assert sorted(got) == [
        ("2025-12-19", "award", "kgi:agency/kemenpan-rb", "Indeks SPBE 2024"),
        ("2025-12-19", "award", "kgi:agency/komisi-informasi", "Anugerah Keterbukaan Informasi Publik 2025"),
        ("2025-12-19", "award", "kgi:agency/komisi-informasi", "Indeks Keterbukaan Informasi Publik 2025"),
    ]


def test_official_posts_over_time(world):
    assert rows(world, "official-posts", ["person", "role", "firstAttested", "lastAttested", "articles"],
                who="RINA") == [
        (RINA, "kgi:role/kepala-bidang", "2023-05-10", "2023-05-10", "1"),
        (RINA, "kgi:role/kepala", "2024-06-12", "2024-06-12", "1"),
    ]
    assert rows(world, "official-posts", ["firstAttested", "lastAttested", "articles"],
                person="kgi:person/bambang-susilo/diskominfo/35") == [("2023-05-10", "2024-02-21", "2")]


def test_official_visits(world):
    assert rows(world, "official-visits", ["as", "visit", "date", "host"], person=RINA) == [
        ("led", "kgi:visit/v1", "2023-05-09", JATIM),
        ("received", "kgi:visit/v4", "2024-06-11", KALTIM),
    ]


def test_awards_by_region_and_year(world):
    columns = ["provinceLabel", "year", "name", "score", "rank", "rankOutOf"]
    assert rows(world, "awards-by-region", columns) == [
        ("Jawa Timur", "", "media internal terbaik se-Indonesia", "", "", ""),
        ("Kalimantan Utara", "2025", "Anugerah Keterbukaan Informasi Publik", "", "12", "21"),
        ("Kalimantan Utara", "2025", "Indeks Keterbukaan Informasi Publik", "68.81", "", ""),
        ("Kalimantan Utara", "2024", "Indeks SPBE", "3.79", "", ""),
    ]
    assert rows(world, "awards-by-region", ["name"], year="2024") == [("Indeks SPBE",)]
    assert rows(world, "awards-by-region", ["name"], region="35") == [
        ("media internal terbaik se-Indonesia",)]


def test_award_holding_hosts_visited_by_agencies_without_awards(world):
    got = rows(world, "award-hosts", ["host", "holderLabel", "awards", "visitor", "visit"])
    assert sorted(got) == sorted([
        (JATIM, "Dinas Komunikasi dan Informatika Provinsi Jawa Timur", "1", KALTIM, "kgi:visit/v1"),
        (JATIM, "Dinas Komunikasi dan Informatika Provinsi Jawa Timur", "1", KUTIM, "kgi:visit/v1"),
        (JATIM, "Dinas Komunikasi dan Informatika Provinsi Jawa Timur", "1", SURABAYA, "kgi:visit/v5"),
        (KALTARA, "Pemerintah Provinsi Kalimantan Utara", "3", BERAU, "kgi:visit/v3"),
    ])


def test_learning_chains_dates_in_order(world):
    assert rows(world, "learning-chains", ["a", "b", "c", "bVisitedC", "aVisitedB"], minVisits="1") == [
        (KALTARA, KALTIM, JATIM, "2023-05-09", "2024-06-11"),
        (BERAU, KALTARA, KALTIM, "2024-06-11", "2025-12-18"),
    ]
    assert rows(world, "learning-chains", ["a"], source="diskominfo:64", minVisits="1") == [(BERAU,)]


def test_learning_chains_filter_by_repeated_steps_and_keep_the_earliest(world):
    """Chains grow with the square of the pairs: minVisits keeps steps made that often (every pair of the
    world was visited once, so none is left at 2) and at most `limit` chains are listed, earliest first."""
    assert len(rows(world, "learning-chains", ["a"])) == 2
    assert rows(world, "learning-chains", ["a"], minVisits="2") == []
    assert rows(world, "learning-chains", ["a", "aVisitedB"], limit="1") == [(KALTARA, "2024-06-11")]
    assert len(rows(world, "learning-chains", ["a"], limit="")) == 2


def test_learning_chains_read_the_summary_pairs(make_world_store, tmp_path):
    """The chain question is answered from kgg:summary VisitPair nodes, not by joining every visit twice:
    without the summary graph the visits are still there but no chain is found."""
    with open_store(make_world_store(tmp_path / "store")) as store:
        every = {"minVisits": "1"}
        assert len(queries.run(store, "learning-chains", every)) == 2
        store.update("DROP GRAPH <https://w3id.org/kgid/graph/summary>")
        assert len(queries.run(store, "visits")) > 0
        assert len(queries.run(store, "learning-chains", every)) == 0


def test_provenance_of_a_visit_reported_twice(world):
    assert rows(world, "provenance", ["articleId", "evidence", "start", "end", "exact", "rule"],
                fact="kgi:visit/v1") == [
        ("art-01", "kgi:evidence/e01", "0", "42", "rombongan Kaltim berkunjung ke Jatim", "visit:trigger"),
        ("art-05", "kgi:evidence/e15", "10", "50", "seperti Kaltim pada Mei lalu", "visit:trigger"),
    ]
    assert rows(world, "provenance", ["articleId", "exact"], fact="https://w3id.org/kgid/id/award/w2") == [
        ("art-03", "IKIP 68,81")]
    assert rows(world, "provenance", ["articleId"], fact="kgi:visit/nope") == []


def test_visit_edges_carry_topics_and_articles(world):
    result = queries.run(world, "visit-edges", {"topic": "pengelolaan-media"})
    got = sorted((queries.compact(r["visitor"]), sorted(str(r["topics"]).split()),
                  sorted(str(r["articleIds"]).split())) for r in result)
    topic = "https://w3id.org/kgid/topic/"
    v1_topics = sorted([topic + "kim", topic + "pengelolaan-media", topic + "ppid"])
    assert got == [(SURABAYA, [topic + "pengelolaan-media"], ["art-05"]),
                   (KALTIM, v1_topics, ["art-01", "art-05"]),
                   (KUTIM, v1_topics, ["art-01", "art-05"])]


def test_agencies_and_topics(world):
    got = rows(world, "agencies", ["altLabel", "regionCode", "provinceLabel"], agency="diskominfo:64.03")
    assert got == [("Diskominfo Berau", "64.03", "Kalimantan Timur")]
    topics = rows(world, "topics", ["topic", "visits"])
    assert topics[0] == ("kgt:ppid", "3") and ("kgt:satu-data", "0") in topics


def test_every_canned_query_runs_on_an_empty_store(empty_store):
    required = {"a": "64", "b": "35", "agency": "diskominfo:64", "fact": "kgi:visit/v1"}
    for name, query in queries.catalog().items():
        params = {p.name: required[p.name] for p in query.parameters if p.required}
        assert len(queries.run(empty_store, name, params)) == 0, name


def test_agency_timeline_after_a_turtle_import_still_lists_officials(world, tmp_path):
    """Turtle merges every graph into one; the timeline must not depend on the per-article graphs."""
    from kg.store.transfer import export_store, import_file

    merged = tmp_path / "world.ttl"
    merged.write_bytes(export_store(world, "turtle"))
    with open_store(tmp_path / "store", create=True) as store:
        import_file(store, merged)
        columns = ["date", "what", "event", "counterpart"]
        got = rows(store, "agency-timeline", columns, agency="diskominfo:64")
    assert "official" in {row[1] for row in got}
    assert got == rows(world, "agency-timeline", columns, agency="diskominfo:64")
