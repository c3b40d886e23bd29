"""A capacity written with "selaku"/"sebagai" after a person who already holds a post.

"Kepala Diskominfo X, Budi, selaku Sekretaris PPID Utama" names one post (kepala of Diskominfo X) and a
function that comes with it: the second title names no agency of its own, so it must not become a second
post at the first post's agency. A second title that does name its agency is a real second post.
"""

from __future__ import annotations

from datetime import date

from extractor_texts import extract_text


def posts_of(text: str) -> set[tuple[str, str, str | None]]:
    found = extract_text(text, date(2025, 6, 1)).posts
    return {(p.official.name, p.role_id, p.agency.key if p.agency else None) for p in found}


def test_ppid_function_after_a_post_is_not_a_second_post() -> None:
    posts = posts_of(
        "Kepala Dinas Komunikasi dan Informatika Kabupaten Sleman, Bambang Wicaksono, selaku Sekretaris "
        "PPID Utama, menjelaskan bahwa daftar informasi publik sudah diperbarui."
    )
    assert ("Bambang Wicaksono", "kepala", "diskominfo:34.04") in posts
    assert not any(role == "sekretaris" for _, role, _ in posts)


def test_committee_chair_after_a_post_is_not_a_second_post() -> None:
    posts = posts_of(
        "Kasubbag Umum Diskominfo Kabupaten Sleman, Sri Lestari, selaku ketua panitia, melaporkan bahwa "
        "bimtek diikuti seratus admin."
    )
    assert ("Sri Lestari", "kepala-sub-bagian", "diskominfo:34.04") in posts
    assert not any(role == "ketua" for _, role, _ in posts)


def test_a_second_title_naming_its_agency_is_still_a_post() -> None:
    posts = posts_of(
        "Kepala Diskominfo Kabupaten Sleman, Bambang Wicaksono, selaku Ketua Komisi Informasi Provinsi "
        "Jawa Tengah, membuka acara."
    )
    assert ("Bambang Wicaksono", "ketua", "komisi-informasi:33") in posts
