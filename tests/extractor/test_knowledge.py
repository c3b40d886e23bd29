"""The knowledge bundle: checked loaders (file and line on a bad row) and data-only extension."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.clean import clean
from kg.errors import DataFileError
from kg.knowledge import Knowledge, load_knowledge
from kg.paths import LEXICON_DIR
from kg.recognise import recognise
from kg.resolve import resolve
from kg.types import Article


def agency_keys(knowledge: Knowledge, text: str) -> list[str]:
    article = Article(id="t", text=text, source="test")
    return [a.key for a in resolve(recognise(clean(article, knowledge), knowledge), knowledge).agencies]


@pytest.fixture
def lexicon_copy(tmp_path: Path) -> Path:
    target = tmp_path / "lexicon"
    shutil.copytree(LEXICON_DIR, target)
    return target


def append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


# ---- regions --------------------------------------------------------------------------------------

def test_regions_come_from_the_kemendagri_table_with_parents(knowledge: Knowledge) -> None:
    gayungan = knowledge.region("35.78.22")
    assert gayungan is not None and gayungan.name == "Gayungan" and gayungan.level == "kecamatan"
    assert gayungan.parent is not None and gayungan.parent.name == "Kota Surabaya"
    assert gayungan.parent.parent is not None and gayungan.parent.parent.code == "35"
    berau = knowledge.region("64.03")
    assert berau is not None and berau.level == "kabupaten" and berau.parent.code == "64"  # type: ignore[union-attr]


def test_region_forms_with_prefixes_abbreviations_and_preference(knowledge: Knowledge) -> None:
    assert [r.code for r in knowledge.regions_named("Kaltim")] == ["64"]
    assert [r.code for r in knowledge.regions_named("Kab. Kutim")] == ["64.08"]
    assert [r.code for r in knowledge.regions_named("Provinsi Kalimantan Utara")] == ["65"]
    malang = [r.code for r in knowledge.regions_named("Malang")]
    assert set(malang) == {"35.07", "35.73"} and malang[0] == "35.73"  # a bare name: the city first
    assert [r.code for r in knowledge.regions_named("Kecamatan Gayungan")] == ["35.78.22"]
    assert knowledge.regions_named("Gayungan") == ()  # kecamatan only with their prefix


def test_canonical_names_use_templates_and_overrides(knowledge: Knowledge) -> None:
    assert knowledge.agency_names("diskominfo", knowledge.region("64.03")) == \
        ("Dinas Komunikasi dan Informatika Kabupaten Berau", "Diskominfo Berau")
    name, short = knowledge.agency_names("diskominfo", knowledge.region("65"))
    assert short == "DKISP Kaltara" and "Persandian" in name and name.endswith("Provinsi Kalimantan Utara")
    assert knowledge.agency_names("pemda", knowledge.region("35.78")) == ("Pemerintah Kota Surabaya",
                                                                          "Pemkot Surabaya")
    assert knowledge.agency_names("komisi-informasi", None) == ("Komisi Informasi Pusat", "KI Pusat")


def test_automaton_case_rules(knowledge: Knowledge) -> None:
    def kinds(text: str) -> list[tuple[str, str]]:
        return [(text[h.start:h.end], h.entry.kind) for h in knowledge.find(text)]
    assert ("Batu", "region") in kinds("Workshop di Kota Batu dan Batu")
    assert not any(k == "region" for _, k in kinds("batu bara dan kaltim"))  # names need a capital
    assert ("KI", "agency") in kinds("Ketua KI Jatim")
    assert not any(t.lower() == "ki" for t, _ in kinds("Ki Hajar"))  # acronyms only in capitals
    assert ("Provinsi Kalimantan Timur", "region") in kinds("Provinsi Kalimantan Timur")
    assert ("Kalimantan Timur", "region") not in kinds("Provinsi Kalimantan Timur")  # longest only


def test_topics_and_event_lexicons_are_in_the_automaton(knowledge: Knowledge) -> None:
    assert "ppid" in knowledge.topics and "PPID" in knowledge.topics["ppid"].alt_labels
    hits = {(h.entry.kind, h.entry.value) for h in knowledge.find("studi tiru tentang PPID dan SPBE")}
    assert ("topic", "ppid") in hits and ("topic", "spbe") in hits
    if knowledge.triggers is not None:
        assert ("trigger", "studi-tiru") in hits


def test_loading_is_cached_per_folder(knowledge: Knowledge) -> None:
    assert load_knowledge() is knowledge
    assert load_knowledge(LEXICON_DIR) is knowledge


# ---- data edits change behaviour with no Python edit ---------------------------------------------

def test_new_region_abbreviation_in_a_copy_changes_resolution(knowledge: Knowledge,
                                                               lexicon_copy: Path) -> None:
    text = "Rombongan Diskominfo Smd tiba di Jakarta."
    assert "diskominfo:64.72" not in agency_keys(knowledge, text)
    append(lexicon_copy / "region_abbreviations.tsv", "Smd\t64.72\tKota Samarinda\n")
    assert "diskominfo:64.72" in agency_keys(load_knowledge(lexicon_copy), text)


def test_new_agency_type_in_a_copy_changes_resolution(knowledge: Knowledge, lexicon_copy: Path) -> None:
    text = "Kepala Dinsos Kaltim menerima rombongan Dinas Sosial Kabupaten Berau."
    before = agency_keys(knowledge, text)
    assert "dinsos:64" not in before
    append(lexicon_copy / "agency_types.yaml", """
  - id: dinsos
    label: Dinas Sosial
    scope: regional
    name: "Dinas Sosial {region}"
    short: "Dinsos {short}"
    forms: [Dinas Sosial, Dinsos]
""")
    copy = load_knowledge(lexicon_copy)
    assert agency_keys(copy, text) == ["dinsos:64", "dinsos:64.03"]
    assert copy.agency_names("dinsos", copy.region("64.03")) == ("Dinas Sosial Kabupaten "
                                                                 "Berau", "Dinsos Berau")


# ---- bad rows name the file and the line ----------------------------------------------------------

@pytest.mark.parametrize("row, problem", [
    ("Xyz\t99.99\tNowhere\n", "unknown Kemendagri region code"),
    ("Xyz\t64.03\tKabupaten Paser\n", "is 'Kabupaten Berau'"),
    ("Kaltim\t64\tKalimantan Timur\n", "already defined"),
    ("Xyz 64.03\n", "tab-separated"),
])
def test_bad_abbreviation_rows(lexicon_copy: Path, row: str, problem: str) -> None:
    path = lexicon_copy / "region_abbreviations.tsv"
    append(path, row)
    last = len(path.read_text(encoding="utf-8").splitlines())
    with pytest.raises(DataFileError) as caught:
        load_knowledge(lexicon_copy)
    assert f"region_abbreviations.tsv:{last}" in str(caught.value)
    assert problem in str(caught.value)


@pytest.mark.parametrize("row, problem", [
    ("dinsos:64\tDinas Sosial\tDinsos\n", "unknown agency type"),
    ("diskominfo:77\tDinas X\tX\n", "unknown Kemendagri region code"),
    ("diskominfo\tDinas X\tX\n", "needs a region code"),
    ("diskominfo:65\tDKISP lagi\tDKISP\n", "duplicate key"),
])
def test_bad_agency_name_rows(lexicon_copy: Path, row: str, problem: str) -> None:
    path = lexicon_copy / "agency_names.tsv"
    append(path, row)
    last = len(path.read_text(encoding="utf-8").splitlines())
    with pytest.raises(DataFileError) as caught:
        load_knowledge(lexicon_copy)
    assert f"agency_names.tsv:{last}" in str(caught.value) and problem in str(caught.value)


def test_duplicate_agency_type_id_names_its_line(lexicon_copy: Path) -> None:
    path = lexicon_copy / "agency_types.yaml"
    append(path, "\n  - id: bssn\n    label: Lagi\n    forms: [BSSN Baru]\n")
    with pytest.raises(DataFileError) as caught:
        load_knowledge(lexicon_copy)
    last_bssn = max(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                    if "- id: bssn" in line)
    assert f"agency_types.yaml:{last_bssn}" in str(caught.value)
    assert "duplicate agency type id 'bssn'" in str(caught.value)


def test_form_claimed_by_two_agency_types_is_an_error(lexicon_copy: Path) -> None:
    append(lexicon_copy / "agency_types.yaml", "\n  - id: kominfo-lain\n    label: Lain\n    forms: "
                                               "[Diskominfo]\n")
    with pytest.raises(DataFileError, match="already belongs to type 'diskominfo'"):
        load_knowledge(lexicon_copy)


def test_role_with_unknown_agency_type_names_its_line(lexicon_copy: Path) -> None:
    path = lexicon_copy / "roles.yaml"
    text = path.read_text(encoding="utf-8").replace("  - id: gubernur\n    label: Gubernur\n    agency: "
                                                    "pemda",
                                                    "  - id: gubernur\n    label: Gubernur\n    agency: "
                                                    "pemdaa")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_knowledge(lexicon_copy)
    assert f"roles.yaml:{line_of(path, '- id: gubernur')}" in str(caught.value)
    assert "unknown agency type 'pemdaa'" in str(caught.value)


def test_junk_pattern_that_does_not_compile_names_its_line(lexicon_copy: Path) -> None:
    path = lexicon_copy / "page_junk.yaml"
    append(path, "  - {name: broken, pattern: '(unclosed'}\n")
    with pytest.raises(DataFileError) as caught:
        load_knowledge(lexicon_copy)
    assert f"page_junk.yaml:{line_of(path, 'name: broken')}" in str(caught.value)
    assert "does not compile" in str(caught.value)


def test_invalid_yaml_and_missing_file(lexicon_copy: Path) -> None:
    (lexicon_copy / "person_titles.yaml").write_text("honorifics: [H., Hj.\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="person_titles.yaml:.*not valid YAML"):
        load_knowledge(lexicon_copy)
    (lexicon_copy / "person_titles.yaml").unlink()
    with pytest.raises(DataFileError, match="knowledge file is missing"):
        load_knowledge(lexicon_copy)


def test_genre_lists_in_a_copy_change_resolution(knowledge: Knowledge, lexicon_copy: Path) -> None:
    text = "Lembaga Sandi bersama LPSE bertemu. Ketua Pokja LPSE Kaltim, Budi Santoso, hadir."
    assert "unresolved:lpse" not in agency_keys(knowledge, text)
    path = lexicon_copy / "agency_types.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("unresolved_bodies: [BAKTI,",
                                                             "unresolved_bodies: [LPSE, BAKTI,"),
                    encoding="utf-8")
    assert "unresolved:lpse" in agency_keys(load_knowledge(lexicon_copy), text)


def test_unit_word_with_unknown_agency_type_names_the_file(lexicon_copy: Path) -> None:
    path = lexicon_copy / "roles.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("unit_words: {Komisi: dprd,",
                                                             "unit_words: {Komisi: dprdd,"), encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_knowledge(lexicon_copy)
    assert f"roles.yaml:{line_of(path, 'unit_words: {')}" in str(caught.value)
    assert "unknown agency type 'dprdd'" in str(caught.value)


@pytest.mark.parametrize("old, new, problem", [
    ("offices: {Camat: Kecamatan,", "offices: {Camatt: Kecamatan,", "must be a role form"),
    ("list_roles: [anggota, staf]", "list_roles: [anggota, stafff]", "unknown role ids"),
])
def test_bad_office_or_list_role(lexicon_copy: Path, old: str, new: str, problem: str) -> None:
    path = lexicon_copy / "roles.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    with pytest.raises(DataFileError, match=f"roles.yaml.*{problem}"):
        load_knowledge(lexicon_copy)


def test_words_between_a_title_and_its_name_are_data(knowledge: Knowledge, lexicon_copy: Path) -> None:
    text = "Kepala Diskominfo Kota Batu, tak lain Budi Santoso, membuka rapat koordinasi."

    def names(bundle: Knowledge) -> list[str]:
        article = Article(id="t", text=text, source="test")
        resolved = resolve(recognise(clean(article, bundle), bundle), bundle)
        return [p.official.name for p in resolved.posts]

    assert "Budi Santoso" not in names(knowledge)
    path = lexicon_copy / "person_titles.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "introducing: [yakni,", "introducing: [tak lain, yakni,"), encoding="utf-8")
    assert names(load_knowledge(lexicon_copy)) == ["Budi Santoso"]


def test_an_abbreviated_given_name_must_end_with_its_dot(lexicon_copy: Path) -> None:
    path = lexicon_copy / "person_titles.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("abbreviated_given_names: [Moch.,", "abbreviated_given_names: [Moch,"),
                    encoding="utf-8")
    with pytest.raises(DataFileError, match="person_titles.yaml.*abbreviated_given_names"):
        load_knowledge(lexicon_copy)
