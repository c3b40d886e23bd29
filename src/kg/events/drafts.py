"""Joining sentence reports into visits.

Reports of one host with shared visitors are one visit (unless their own dates differ); a report of
the host alone or of the visitors alone adds its sentence to the visit it fits; a region government
gives way to the agencies of the same regions that another report names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kg.events.groups import GOVERNMENT_TYPES
from kg.events.reports import Report, unique
from kg.events.view import ArticleView
from kg.types import Agency, Span


@dataclass
class Draft:
    """A visit being assembled from reports."""

    host: Agency
    visitors: list[Agency]
    sentences: list[int]
    kinds: set[str]
    rule: str
    confidence: float
    with_subregions: bool
    first_full: int
    date_hint: date | None = None
    extra: list[int] = field(default_factory=list)

    def dates_clash(self, other: Draft) -> bool:
        """Both carry a date of their own and the dates differ: two visits, whatever else they share."""
        return bool(self.date_hint and other.date_hint and self.date_hint != other.date_hint)

    def absorb(self, other: Draft) -> None:
        """Take in another draft of the same visit: its sentences, kinds, date and first full report."""
        self.sentences.extend(other.sentences)
        self.kinds |= other.kinds
        self.date_hint = self.date_hint or other.date_hint
        self.first_full = min(self.first_full, other.first_full)


def merge_reports(
    view: ArticleView, reports: list[Report], dates_by_sentence: dict[int, date]
) -> list[Draft]:
    """Join the reports of one visit: same host, shared visitors, no conflicting dates of their own. A
    host known only from an official's title ("diterima oleh Sekda DIY") joins a visit to a named
    agency of that region ("ke Pemda DIY")."""
    drafts: list[Draft] = []
    for report in reports:
        host = report.host
        if host is None or not report.visitors:
            continue
        own = dates_by_sentence.get(report.sentence)
        weak = not view.is_named(host)
        match = next(
            (
                d
                for d in drafts
                if (
                    d.host.key == host.key
                    or (weak and region_code(d.host) == region_code(host) is not None)
                )
                and same_delegation(d.visitors, report.visitors, by_region=weak)
                and (own is None or d.date_hint is None or own == d.date_hint)
            ),
            None,
        )
        if match is None:
            drafts.append(
                Draft(
                    host,
                    list(report.visitors),
                    [report.sentence],
                    set(report.kinds),
                    report.rule,
                    report.confidence,
                    report.with_subregions,
                    report.sentence,
                    own,
                )
            )
            continue
        match.visitors = unique(match.visitors + report.visitors)
        match.sentences.append(report.sentence)
        match.kinds |= report.kinds
        match.with_subregions |= report.with_subregions
        match.date_hint = match.date_hint or own
        if report.confidence > match.confidence:
            match.rule, match.confidence = report.rule, report.confidence
    partial = [r for r in reports if r.host is None or not r.visitors]
    for report in partial:
        keys = {v.key for v in report.visitors}
        if keys:
            targets = [d for d in drafts if keys & {v.key for v in d.visitors}][:1]
        else:  # a host alone ("menerima dua rombongan studi banding"): its wording fits every visit there
            targets = [d for d in drafts if report.host is not None and d.host.key == report.host.key]
        for number, target in enumerate(targets):
            target.kinds |= report.kinds
            if number == 0:
                target.sentences.append(report.sentence)
            target.with_subregions |= report.with_subregions and bool(keys)
    if not drafts:
        drafts = _pair_partials(partial)
    drafts = _absorb_members(view, _secretariat_for_government(drafts))
    return _towns_join_hosts(
        view, _regions_give_way(view, _without_own_government(_absorb_governments(view, drafts)))
    )


def _without_own_government(drafts: list[Draft]) -> list[Draft]:
    """A region's government "visiting" its own agency while that agency is the visitor of another
    visit is a misread (a headline "Pemkab Mabar Audiensi ke Kominfo" whose "Kominfo" is the ministry
    the body names): the other visit stands."""
    visiting = {v.key for d in drafts for v in d.visitors}
    return [
        d
        for d in drafts
        if not (
            d.host.key in visiting
            and d.host.region is not None
            and all(v.type_id == "pemda" and region_code(v) == d.host.region.code for v in d.visitors)
        )
    ]


def same_delegation(one: list[Agency], other: list[Agency], by_region: bool = False) -> bool:
    """Whether two visitor lists tell of one delegation: they share an agency, or (`by_region`, for a
    sentence that names the host only by an official's title) one holds a region's government and the
    other agencies of that region ("rombongan Pemkab Sigi … ke Pemkab Banyuwangi" and "Rombongan yang
    terdiri atas Diskominfo Sigi, Bappeda Sigi itu diterima Sekda Banyuwangi")."""
    if {v.key for v in one} & {v.key for v in other}:
        return True
    if not by_region:
        return False
    for side, rest in ((one, other), (other, one)):
        governments = {region_code(v) for v in side if v.type_id == "pemda"} - {None}
        if governments and rest and all(region_code(v) in governments for v in rest):
            return True
    return False


def region_code(agency: Agency) -> str | None:
    """The code of the region an agency serves (None for national bodies)."""
    return agency.region.code if agency.region is not None else None




def _regions_give_way(view: ArticleView, drafts: list[Draft]) -> list[Draft]:
    """A region written alone as the destination ("studi tiru ke Provinsi Jawa Timur") stands for its
    government only as a last resort: when the article names an agency serving that region that is not a
    visitor ("… diterima Kepala Diskominfo Jatim"), that agency is the host (one of the visitors' own type
    when the article names several)."""
    for draft in drafts:
        visiting = {v.key for v in draft.visitors}
        host = draft.host
        if host.type_id != "pemda" or host.region is None or view.is_named(host):
            continue
        if not any(m.span == host.span for m in view.mentions_of("region", host.span.start, host.span.end)):
            continue  # "diterima Wali Kota Manado": the government by its head's title, not a region alone
        found: dict[str, Agency] = {}
        for agency in [*view.agencies, *(p.agency for p in view.posts if p.agency is not None)]:
            if (
                agency.region is not None
                and agency.region.code == host.region.code
                and agency.type_id not in GOVERNMENT_TYPES
                and agency.key not in visiting
            ):
                found.setdefault(agency.key, agency)
        choice = list(found.values())
        if len(choice) > 1:
            kinds = {v.type_id for v in draft.visitors}
            choice = [a for a in choice if a.type_id in kinds]
        if len(choice) == 1:
            draft.host = choice[0]
    return drafts


def _towns_join_hosts(view: ArticleView, drafts: list[Draft]) -> list[Draft]:
    """ "Diskominfo Jatim datang ke Samarinda" and "Dinas Kominfo Kaltim menerima kunjungan Diskominfo
    Jatim": a town written alone as the destination is where the named host of the same delegation sits,
    not a second host; its sentences join that visit rather than guessing the town's government. So is a
    province written alone when the named host sits in one of its towns. The host may be known in its own
    sentence only by a receiver's title if the article names its agency."""
    kept = list(drafts)
    written: set[str] | None = None  # keys of the agencies the article names, read only for a town host
    for draft in drafts:
        host = draft.host
        if host.type_id != "pemda" or host.region is None or view.is_named(host):
            continue
        if not any(m.span == host.span for m in view.mentions_of("region", host.span.start, host.span.end)):
            continue
        if written is None:
            written = {a.key for a in view.agencies}
        targets = [
            d
            for d in kept
            if d is not draft
            and d.host.region is not None
            # named where it receives, or elsewhere ("… studi banding di Diskominfo Provinsi Papua. …
            # mereka diterima Kepala Bidang …": the title's agency is the one the article names)
            and (view.is_named(d.host) or d.host.key in written)
            and (
                (host.region.code + ".").startswith(d.host.region.code + ".")
                # "lawatan dua hari ke Daerah Istimewa Yogyakarta" and then "menyambangi Diskominfo
                # Sleman": the region is where the named hosts sit, not a host of its own
                or d.host.region.code.startswith(host.region.code + ".")
            )
            and same_delegation(d.visitors, draft.visitors)
            and not d.dates_clash(draft)
        ]
        if not targets:
            continue
        targets[0].absorb(draft)
        for other in targets[1:]:  # a trip framed once ("studi banding ke DIY") is that kind at each stop
            if other.host.region is not None and other.host.region.code.startswith(host.region.code + "."):
                other.kinds |= draft.kinds
        kept.remove(draft)
    return kept


def _secretariat_for_government(drafts: list[Draft]) -> list[Draft]:
    """ "… kunjungan ke Pemkab Sidoarjo" and "Rombongan … diterima Asisten Pemerintahan Setda Sidoarjo":
    the Sekretariat Daerah receives on behalf of the government the visit was addressed to, so its report
    joins the government's visit."""
    kept = list(drafts)
    for draft in drafts:
        if draft.host.type_id != "setda":
            continue
        government = next(
            (
                d
                for d in kept
                if d.host.type_id == "pemda"
                and region_code(d.host) == region_code(draft.host) is not None
                and same_delegation(d.visitors, draft.visitors)
                and not d.dates_clash(draft)
            ),
            None,
        )
        if government is None:
            continue
        government.absorb(draft)
        kept.remove(draft)
    return kept


def _absorb_members(view: ArticleView, drafts: list[Draft]) -> list[Draft]:
    """ "Bupati Kubu Raya beserta jajaran melakukan kunjungan kerja ke Y" and "Rombongan yang terdiri dari
    Kepala Disdukcapil Kubu Raya dan Kepala Diskominfo Kubu Raya diterima …" tell one visit by the region's
    government: agencies written only in the titles of the delegation's members, after the government's
    visit was reported, are its members, not other visitors."""
    titled: set[Span] | None = None  # read only when a government's visit is there to absorb into
    kept = list(drafts)
    for draft in drafts:
        if draft not in kept or not draft.visitors or any(v.type_id != "pemda" for v in draft.visitors):
            continue
        if titled is None:
            titled = {p.agency.span for p in view.posts if p.agency is not None}
        regions = {region_code(v) for v in draft.visitors} - {None}
        for other in list(kept):
            if (
                other is draft
                or other.host.key != draft.host.key
                or other.first_full <= draft.first_full
                or draft.dates_clash(other)
                or not all(v.span in titled and region_code(v) in regions for v in other.visitors)
            ):
                continue
            draft.absorb(other)
            kept.remove(other)
    return kept


def _absorb_governments(view: ArticleView, drafts: list[Draft]) -> list[Draft]:
    """ "Pemkab Sidoarjo melalui Diskominfo … ke Pemkot Bandung" and "Rombongan Diskominfo Sidoarjo
    disambut Diskominfo Kota Bandung" tell one visit: the region governments give way to the agencies
    of the same regions that another report names."""
    kept = list(drafts)
    for draft in drafts:
        parties = [draft.host, *draft.visitors]
        if not any(p.type_id == "pemda" for p in parties):
            continue
        regions = {region_code(v) for v in draft.visitors}
        for other in kept:
            if other is draft or draft.dates_clash(other):
                continue
            if (
                (
                    other.host.key == draft.host.key
                    or region_code(other.host) == region_code(draft.host) is not None
                )
                and regions <= {region_code(v) for v in other.visitors}
                and view.is_named(other.host)
                and any(p.type_id != "pemda" for p in (other.host, *other.visitors))
            ):
                other.absorb(draft)
                kept.remove(draft)
                break
    return kept


def _pair_partials(partial: list[Report]) -> list[Draft]:
    """One sentence names the visitors, another the host: one visit when each side is unambiguous."""
    hosts = {r.host.key: r for r in partial if r.host is not None}
    visitor_reports = [r for r in partial if r.visitors and r.host is None]
    if len(hosts) != 1 or not visitor_reports:
        return []
    host_report = next(iter(hosts.values()))
    host = host_report.host
    assert host is not None
    visitors = unique([v for r in visitor_reports for v in r.visitors if v.key != host.key])
    if not visitors:
        return []
    sentences = sorted({host_report.sentence, *(r.sentence for r in visitor_reports)})
    kinds = set().union(*(r.kinds for r in (host_report, *visitor_reports)))
    return [
        Draft(
            host,
            visitors,
            sentences,
            kinds,
            "visit:paired-sentences",
            0.6,
            any(r.with_subregions for r in visitor_reports),
            sentences[0],
        )
    ]


def add_subregions(view: ArticleView, draft: Draft) -> None:
    """ "Diskominfo Kaltim bersama Diskominfo kabupaten/kota": the province's regencies named elsewhere
    in the article with the same agency type join the visitors."""
    lead = next((v for v in draft.visitors if v.region is not None and v.region.level == "provinsi"), None)
    if lead is None or lead.region is None:
        return
    lead_code = lead.region.code
    for agency in view.agencies:
        region = agency.region
        if (
            region is not None
            and region.parent is not None
            and region.parent.code == lead_code
            and agency.type_id == lead.type_id
            and agency.key != draft.host.key
        ):
            draft.visitors = unique([*draft.visitors, agency])
