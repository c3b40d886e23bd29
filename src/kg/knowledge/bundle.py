"""The `Knowledge` bundle: every lexicon loaded, checked and indexed once, and the automaton over them.

Stages receive one `Knowledge` object instead of reading files, so a test can point the whole
extractor at a copy of the lexicon folder (`load_knowledge(tmp_dir)`) and see a data edit take effect
with no Python change. Loading is cached per folder.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.knowledge.agencies import AgencyCatalogue, AgencyForm, load_agencies, slug
from kg.knowledge.junk import JunkPatterns, load_junk
from kg.knowledge.matcher import Entry, Hit, SurfaceMatcher, case_of, fold, fold_form
from kg.knowledge.regions import RegionGazetteer, load_regions
from kg.knowledge.roles import RoleForm, RoleLexicon, load_roles
from kg.knowledge.titles import PersonTitles, load_titles
from kg.knowledge.topics import HIDDEN_LABEL, Topic, load_topics
from kg.paths import LEXICON_DIR, ONTOLOGY_DIR
from kg.types import Region

# The files of a lexicon folder, by role.
FILES = {
    "agency_types": "agency_types.yaml",
    "agency_names": "agency_names.tsv",
    "regions": "region_abbreviations.tsv",
    "roles": "roles.yaml",
    "titles": "person_titles.yaml",
    "junk": "page_junk.yaml",
    "triggers": "visit_triggers.yaml",
    "awards": "awards.yaml",
}

# Region forms preferred when one name fits several regions ("Malang": the city before the regency).
_LEVEL_ORDER = {"provinsi": 0, "kota": 1, "kabupaten": 2, "kecamatan": 3}


@dataclass(frozen=True, eq=False)
class Knowledge:
    """Everything the extractor knows, loaded from one lexicon folder and the topic scheme."""

    lexicon_dir: Path
    gazetteer: RegionGazetteer
    agencies: AgencyCatalogue
    roles: RoleLexicon
    titles: PersonTitles
    junk: JunkPatterns
    topics: Mapping[str, Topic]
    triggers: Any  # kg.knowledge.triggers.TriggerLexicon (None if the file is absent)
    awards: Any  # kg.knowledge.awards.AwardLexicon (None if the file is absent)
    matcher: SurfaceMatcher
    region_candidates: Mapping[str, tuple[str, ...]]  # folded region form → codes, preferred first
    agency_forms: Mapping[str, tuple[AgencyForm, ...]]  # folded agency form → forms
    role_forms: Mapping[str, RoleForm]  # folded role form → form
    # (parent regency/city code, folded name) → kecamatan code: "Gambir, Jakarta Pusat" names a kecamatan
    kecamatan_in: Mapping[tuple[str, str], str] = field(default_factory=dict, repr=False)
    _names: dict[tuple[str, str | None], tuple[str, str]] = field(default_factory=dict, repr=False)

    def region(self, code: str) -> Region | None:
        """The region with this Kemendagri code."""
        return self.gazetteer.regions.get(code)

    def regions_named(self, surface: str) -> tuple[Region, ...]:
        """Every region a written form may name, the most likely first."""
        codes = self.region_candidates.get(fold_form(surface), ())
        return tuple(self.gazetteer.regions[c] for c in codes)

    def agency_names(self, type_id: str, region: Region | None) -> tuple[str, str]:
        """(canonical name, short name) of the agency of a type serving a region (None: national)."""
        key = (type_id, region.code if region else None)
        names = self._names.get(key)
        if names is None:  # a cache: the names depend only on the key and the (immutable) lexicons
            short = self.gazetteer.short_names.get(region.code) if region else None
            names = self._names[key] = self.agencies.names(type_id, region, short)
        return names

    def find(self, text: str) -> list[Hit]:
        """Every lexicon hit in the text (one automaton pass), in text order."""
        return self.matcher.find(text, fold(text))

    def find_spans(self, text: str) -> list[tuple[int, int, Entry]]:
        """`find` as (start, end, entry) tuples: the recogniser builds its mentions from them directly."""
        return self.matcher.spans(text, fold(text))


def _region_entries(gazetteer: RegionGazetteer) -> tuple[list[Entry], dict[str, tuple[str, ...]]]:
    by_form: dict[str, dict[str, str]] = {}
    for form in gazetteer.forms:
        by_form.setdefault(form.surface, {}).setdefault(form.code, form.rule)
    folded: dict[str, set[str]] = {}
    for surface, codes in by_form.items():
        folded.setdefault(fold_form(surface), set()).update(codes)
    candidates: dict[str, tuple[str, ...]] = {}
    regions = gazetteer.regions
    for key, codes in folded.items():
        candidates[key] = tuple(sorted(codes, key=lambda c: (_LEVEL_ORDER[regions[c].level], c)))
    entries = []
    for surface, codes in by_form.items():
        ordered = candidates[fold_form(surface)]
        rule = by_form[surface][ordered[0]] if ordered[0] in by_form[surface] else next(iter(codes.values()))
        entries.append(Entry("region", "|".join(ordered), rule, surface, case_of(surface, "cap")))
    return entries, candidates


def _optional(lexicon_dir: Path, module: str, loader: str,
              filename: str) -> tuple[Any, list[tuple[str, str]]]:
    """EXTRACTOR-B's event lexicons, read through their own loaders when present."""
    path = lexicon_dir / filename
    if not path.is_file():
        return None, []
    import importlib

    mod = importlib.import_module(module)
    lexicon = getattr(mod, loader)(path)
    return lexicon, list(mod.surface_forms(path))


def _build(lexicon_dir: Path, topics_path: Path) -> Knowledge:
    gazetteer = load_regions(lexicon_dir / FILES["regions"])
    agencies = load_agencies(lexicon_dir / FILES["agency_types"], lexicon_dir / FILES["agency_names"],
                             gazetteer)
    roles = load_roles(lexicon_dir / FILES["roles"], agencies.types)
    titles = load_titles(lexicon_dir / FILES["titles"])
    junk = load_junk(lexicon_dir / FILES["junk"])
    topics = load_topics(topics_path)
    triggers, trigger_forms = _optional(lexicon_dir, "kg.knowledge.triggers", "load_triggers",
                                        FILES["triggers"])
    awards, award_forms = _optional(lexicon_dir, "kg.knowledge.awards", "load_awards", FILES["awards"])

    entries, region_candidates = _region_entries(gazetteer)
    agency_forms: dict[str, list[AgencyForm]] = {}
    for form in agencies.forms:
        entries.append(Entry("agency", form.type_id, form.rule, form.surface, case_of(form.surface, "cap")))
        agency_forms.setdefault(fold_form(form.surface), []).append(form)
    for body in agencies.unresolved_bodies:
        rule = f"{FILES['agency_types']}:unresolved_bodies"
        entries.append(Entry("agency", f"unresolved:{slug(body)}", rule, body, case_of(body, "cap")))
    role_forms: dict[str, RoleForm] = {}
    for rform in roles.forms:
        entries.append(Entry("role", rform.role_id, rform.rule, rform.surface, case_of(rform.surface, "any")))
        role_forms[fold_form(rform.surface)] = rform
        if rform.agency_type:  # "Kadiskominfo" names the role and the agency type at once
            entries.append(Entry("agency", rform.agency_type, rform.rule, rform.surface,
                                 case_of(rform.surface, "cap")))
            agency_forms.setdefault(fold_form(rform.surface), []).append(
                AgencyForm(rform.surface, rform.agency_type, rform.rule))
    for phrase in roles.not_roles:
        entries.append(Entry("other", "not-role", "roles.yaml:not_roles", phrase, "any"))
    # Short undotted variants ("H", "MM") stay out of the automaton: they occur inside countless words
    # and are only meaningful next to a name, where the name scanner reads them from the tables.
    for written, form in titles.honorifics.items():
        if "." in written or len(written) > 3:
            entries.append(Entry("honorific", form, "person_titles.yaml:honorifics", written, "exact"))
    for written, form in titles.degrees.items():
        if "." in written or len(written) > 3:
            entries.append(Entry("degree", form, "person_titles.yaml:degrees", written, "exact"))
    for topic in topics.values():
        for label in (topic.label, *topic.alt_labels):
            entries.append(Entry("topic", topic.id, f"{topics_path.name}:{topic.id}", label,
                                 case_of(label, "any")))
        for label in topic.hidden_labels:
            entries.append(Entry("topic", topic.id, f"{topics_path.name}:{topic.id}{HIDDEN_LABEL}", label,
                                 case_of(label, "any")))
    entries.extend(_plain_entries("trigger", trigger_forms, FILES["triggers"]))
    entries.extend(_plain_entries("award", award_forms, FILES["awards"]))
    return Knowledge(
        lexicon_dir=lexicon_dir, gazetteer=gazetteer, agencies=agencies, roles=roles, titles=titles,
        junk=junk, topics=topics, triggers=triggers, awards=awards, matcher=SurfaceMatcher(entries),
        region_candidates=region_candidates,
        kecamatan_in={(r.parent.code, fold_form(r.name)): r.code for r in gazetteer.regions.values()
                      if r.level == "kecamatan" and r.parent is not None},
        agency_forms={k: tuple(v) for k, v in agency_forms.items()}, role_forms=role_forms,
    )


def _plain_entries(kind: str, forms: Iterable[tuple[str, str]], filename: str) -> list[Entry]:
    return [Entry(kind, value, f"{filename}:{value}", surface, case_of(surface, "any"))  # type: ignore[arg-type]
            for surface, value in forms]


@lru_cache(maxsize=8)
def _cached(lexicon_dir: Path, topics_path: Path) -> Knowledge:
    return _build(lexicon_dir, topics_path)


def load_knowledge(lexicon_dir: Path = LEXICON_DIR, topics_path: Path | None = None) -> Knowledge:
    """The knowledge bundle of a lexicon folder (loaded once per folder and kept).

    `topics_path` defaults to the topic scheme in ontology/ (a copied lexicon folder may hold its own
    topics.ttl, which is then used instead).
    """
    lexicon_dir = Path(lexicon_dir).resolve()
    if topics_path is None:
        local = lexicon_dir / "topics.ttl"
        topics_path = local if local.is_file() else ONTOLOGY_DIR / "topics.ttl"
    return _cached(lexicon_dir, Path(topics_path).resolve())
