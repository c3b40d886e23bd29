"""kg.iri: identity from keys — deterministic, normalised where it should be, injective where it matters."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from kg import iri
from kg.vocab import KGG, KGI, KGT

KEY_PART = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12)
# ASCII digits, as Kemendagri writes codes (\d would also draw other scripts' digits, which NFKC folds)
REGION_CODE = st.from_regex(r"[0-9]{2}(\.[0-9]{2}(\.[0-9]{2})?)?", fullmatch=True)
TYPE_ID = st.from_regex(r"[a-z][a-z0-9-]{0,15}", fullmatch=True)


def test_documented_shapes_of_iris() -> None:
    assert iri.agency("diskominfo:64") == KGI["agency/diskominfo/64"]
    assert iri.agency("kemkominfo") == KGI["agency/kemkominfo"]
    assert iri.agency("unresolved:dinas-x-kota-y") == KGI["agency/unresolved/dinas-x-kota-y"]
    assert iri.region("35.78.22") == KGI["region/35.78.22"]
    assert iri.agency_type("diskominfo") == KGI["agency-type/diskominfo"]
    assert iri.role("kepala-bidang") == KGI["role/kepala-bidang"]
    assert iri.visit_kind("studi-tiru") == KGI["visit-kind/studi-tiru"]
    assert iri.topic("ppid") == KGT["ppid"]
    assert iri.person("Iskandar Alwi", "diskominfo:65") == KGI["person/iskandar-alwi/diskominfo/65"]
    assert iri.person("Iskandar Alwi", None) == KGI["person/iskandar-alwi/unknown"]
    assert iri.article("004_1da2") == KGI["article/004_1da2"]
    assert iri.article_graph("004_1da2") == KGG["article/004_1da2"]


def test_names_are_normalised_before_minting() -> None:
    assert iri.person("  ISKANDAR\u00a0 Alwi ", "diskominfo:65") == iri.person(
        "iskandar alwi", "diskominfo:65"
    )
    assert iri.person("Iskandar Alwi", "diskominfo:65") != iri.person("Iskandar Alwi", "diskominfo:64")
    assert iri.agency(" Diskominfo:64 ") == iri.agency("diskominfo:64")
    assert iri.normalise("Ｄｉｓｋｏｍｉｎｆｏ") == "diskominfo"  # NFKC folds full-width letters


def test_unsafe_characters_are_percent_encoded() -> None:
    minted = iri.agency("unresolved:dinas/x?y#z")
    assert minted == KGI["agency/unresolved/dinas%2Fx%3Fy%23z"]
    assert iri.article("a b/c") == KGI["article/a%20b%2Fc"]


def test_visit_identity() -> None:
    when = date(2025, 12, 18)
    one = iri.visit(["diskominfo:64.03", "diskominfo:64"], "diskominfo:65", when, "a1")
    assert one == iri.visit(["diskominfo:64", "diskominfo:64.03"], "diskominfo:65", when, "a2")
    assert one != iri.visit(["diskominfo:64"], "diskominfo:65", when, "a1")
    assert one != iri.visit(["diskominfo:64.03", "diskominfo:64"], "diskominfo:65", date(2025, 12, 19), "a1")
    undated = iri.visit(["diskominfo:64"], "diskominfo:65", None, "a1")
    assert undated != iri.visit(["diskominfo:64"], "diskominfo:65", None, "a2")


def test_award_identity_ignores_how_a_score_is_written() -> None:
    name = "Indeks Keterbukaan Informasi Publik"
    assert iri.award(name, "pemda:65", 2025, None, "Sedang", Decimal("68.810")) == iri.award(
        name.upper(), "pemda:65", 2025, None, "sedang", Decimal("68.81")
    )
    assert iri.award(name, "pemda:65", 2025, None, "Sedang", Decimal("68.81")) != iri.award(
        name, "pemda:65", 2024, None, "Sedang", Decimal("68.81")
    )
    assert iri.decimal_text(Decimal("1E+2")) == "100"


@given(st.text(min_size=1), st.text(min_size=1))
def test_article_graphs_are_injective(first: str, second: str) -> None:
    assert (iri.article_graph(first) == iri.article_graph(second)) == (first == second)
    assert (iri.article(first) == iri.article(second)) == (first == second)


@given(TYPE_ID, REGION_CODE, TYPE_ID, REGION_CODE)
def test_distinct_agency_keys_get_distinct_iris(type1: str, code1: str, type2: str, code2: str) -> None:
    key1, key2 = f"{type1}:{code1}", f"{type2}:{code2}"
    # Keys are NFKC-normalised first ("0🯰" is "00"), so distinct *normalised* keys give distinct IRIs.
    same_key = iri.normalise_key(key1) == iri.normalise_key(key2)
    assert (iri.agency(key1) == iri.agency(key2)) == same_key
    assert iri.agency(key1) != iri.agency(type2)  # a regional key never collides with a national one


@given(KEY_PART, KEY_PART)
def test_unresolved_keys_are_injective_after_normalisation(slug1: str, slug2: str) -> None:
    same_key = iri.normalise_key(slug1) == iri.normalise_key(slug2)
    assert (iri.agency(f"unresolved:{slug1}") == iri.agency(f"unresolved:{slug2}")) == same_key


@given(st.lists(TYPE_ID, min_size=1, max_size=4), TYPE_ID, st.dates(), st.text())
def test_minting_is_deterministic(visitors: list[str], host: str, when: date, article_id: str) -> None:
    assert iri.visit(visitors, host, when, article_id) == iri.visit(
        list(reversed(visitors)), host, when, "other"
    )
    assert iri.evidence(article_id, 1, 5, "r") == iri.evidence(article_id, 1, 5, "r")
    assert iri.evidence(article_id, 1, 5, "r") != iri.evidence(article_id, 1, 6, "r")
