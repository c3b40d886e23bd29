"""The hand-written initialisers of Span, Mention and Agency keep the dataclass behaviour users rely on:
keywords and defaults, immutability, equality and hashing by value, ordering of spans, repr, replace()."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from kg.types import Agency, Mention, Region, Span


def test_span_is_a_frozen_ordered_value() -> None:
    span = Span(3, 9)
    assert span == Span(start=3, end=9) and hash(span) == hash(Span(3, 9))
    assert sorted([Span(5, 6), Span(3, 9), Span(3, 4)]) == [Span(3, 4), Span(3, 9), Span(5, 6)]
    assert repr(span) == "Span(start=3, end=9)"
    assert dataclasses.replace(span, end=12) == Span(3, 12)
    assert span.text("abcdefghijkl") == "defghi"
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 4  # type: ignore[misc]
    with pytest.raises(TypeError):
        Span(1)  # type: ignore[call-arg]
    assert pickle.loads(pickle.dumps(span)) == span


def test_mention_keeps_its_fields_and_value_semantics() -> None:
    mention = Mention("agency", Span(0, 10), "Diskominfo", "diskominfo", "agency_types.yaml:3")
    same = Mention(kind="agency", span=Span(0, 10), text="Diskominfo", value="diskominfo",
                   rule="agency_types.yaml:3")
    assert mention == same and hash(mention) == hash(same)
    assert mention != dataclasses.replace(mention, value="bappeda")
    assert repr(mention).startswith("Mention(kind='agency', span=Span(start=0, end=10), text='Diskominfo'")
    with pytest.raises(dataclasses.FrozenInstanceError):
        mention.text = "x"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(mention)) == mention


def test_agency_defaults_keywords_and_replace() -> None:
    bare = Agency("unresolved:x", "X", "X", Span(0, 1))
    assert (bare.type_id, bare.region, bare.resolved, bare.short_name) == (None, None, True, None)
    region = Region("64", "Kalimantan Timur", "provinsi")
    full = Agency(key="diskominfo:64", name="Dinas Komunikasi dan Informatika Provinsi Kalimantan Timur",
                  surface="Diskominfo Kaltim", span=Span(4, 21), type_id="diskominfo", region=region,
                  resolved=True, short_name="Diskominfo Kaltim")
    moved = dataclasses.replace(full, span=Span(30, 47), surface="Diskominfo Kaltim")
    assert moved.span == Span(30, 47) and moved.key == full.key and moved.region is region
    assert moved != full and dataclasses.replace(moved, span=Span(4, 21)) == full
    assert [f.name for f in dataclasses.fields(Agency)] == [
        "key", "name", "surface", "span", "type_id", "region", "resolved", "short_name"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        full.key = "other"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(full)) == full
