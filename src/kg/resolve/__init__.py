"""Resolution: agency mentions become keyed `Agency` objects, post titles next to names become `Post`s.

An agency is a type plus the region written after it ("Diskominfo" + "Provinsi Kaltim" → diskominfo:64,
"DKISP Kaltara" → diskominfo:65, "Pemkot Malang" → pemda of the city, not the regency). A bare type
("Diskominfo") takes the one agency of that type the article names, or is left out when the article
names several. Plural mentions ("Diskominfo kabupaten/kota", "Diskominfo se-Kaltim") are not agencies.
A body the gazetteer does not know is kept under the name written, as `unresolved:<slug>`.

A post is a role title with a person's name in apposition, in either order; its agency is the agency
named in the title, the region's government for Gubernur/Bupati/Wali Kota, or the delegation the
sentence introduces ("Rombongan Diskominfo Berau, yang diwakili oleh <title>, <name>"). Only titles
create people, so pronouns and surname-only repeats never add anyone.
"""

from __future__ import annotations

from kg.knowledge import Knowledge
from kg.resolve.agencies import make_agency, resolve_agencies, unresolved_agency
from kg.resolve.posts import resolve_posts
from kg.resolve.regions import disambiguate_regions
from kg.types import Recognised, Resolved

__all__ = ["make_agency", "resolve", "unresolved_agency"]


def resolve(recognised: Recognised, knowledge: Knowledge) -> Resolved:
    """Agencies (every mention, in text order) and the posts the article attests."""
    text = recognised.clean.text
    mentions = disambiguate_regions(recognised.mentions)
    if mentions is not recognised.mentions:
        recognised = Recognised(recognised.clean, mentions)
    agencies = resolve_agencies(text, mentions, knowledge)
    posts = resolve_posts(text, mentions, agencies, knowledge)
    return Resolved(recognised, tuple(agencies), tuple(posts))
