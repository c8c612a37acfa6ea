"""The actor data files: format, headers, codes, and no alias that points at two actors without a rule."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from timeline.actors import ACTOR_TYPES, ActorMatcher, _read_tsv, get_matcher
from timeline.paths import PROJECT_ROOT, data_path

ACTORS = data_path("actors")
FILES = sorted(p.name for p in ACTORS.glob("*.tsv"))
ORG_FILES = ["igos.tsv", "groups.tsv", "media.tsv"]


@pytest.fixture(scope="module")
def alpha3():
    return {r["alpha3"] for r in _read_tsv(ACTORS / "countries.tsv")}


@pytest.mark.parametrize("name", FILES)
def test_each_file_has_a_header_with_format_and_example(name):
    text = (ACTORS / name).read_text(encoding="utf-8")
    head = [line for line in text.splitlines() if line.startswith("#")]
    assert head, f"{name} has no header comment"
    joined = "\n".join(head).lower()
    assert "format" in joined and "example" in joined, f"{name}: header must say its format and give an example"


@pytest.mark.parametrize("name", FILES)
def test_rows_have_the_header_columns(name):
    lines = [l for l in (ACTORS / name).read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
    if name == "countries_supplement.tsv":  # no header row: six fixed columns
        assert all(len(l.split("\t")) <= 6 for l in lines)
        return
    width = len(lines[0].split("\t"))
    for n, line in enumerate(lines[1:], 2):
        assert len(line.split("\t")) <= width, f"{name}: data line {n} has too many columns"


def test_all_iso_countries_are_there(alpha3):
    import pycountry

    assert len(alpha3) >= 249
    assert {c.alpha_3 for c in pycountry.countries} <= alpha3
    assert {"RUS", "USA", "SYR", "IRN", "KAZ", "TUR", "GBR", "PRK"} <= alpha3


def test_countries_file_is_the_build_script_output():
    proc = subprocess.run([sys.executable, str(PROJECT_ROOT / "scripts" / "build_countries.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("alias,a3", [("US", "USA"), ("U.S.", "USA"), ("America", "USA"), ("Britain", "GBR"),
                                      ("UK", "GBR"), ("Russia", "RUS"), ("Syria", "SYR"), ("Iran", "IRN"),
                                      ("North Korea", "PRK"), ("Ivory Coast", "CIV"), ("Turkey", "TUR")])
def test_short_forms(alias, a3):
    rows = {r["alpha3"]: r for r in _read_tsv(ACTORS / "countries.tsv")}
    assert alias in rows[a3]["aliases"].split("|")


@pytest.mark.parametrize("demonym,a3", [("Syrian", "SYR"), ("Russian", "RUS"), ("Iranian", "IRN"), ("American", "USA"),
                                        ("Kazakh", "KAZ"), ("Syrians", "SYR"), ("British", "GBR")])
def test_demonyms(demonym, a3):
    rows = {r["alpha3"]: r for r in _read_tsv(ACTORS / "countries.tsv")}
    assert demonym in rows[a3]["demonyms"].split("|")


@pytest.mark.parametrize("capital,a3", [("Moscow", "RUS"), ("Washington", "USA"), ("Tehran", "IRN"), ("Damascus", "SYR"),
                                        ("Ankara", "TUR"), ("Beijing", "CHN"), ("Kiev", "UKR"), ("Kyiv", "UKR")])
def test_capitals(capital, a3):
    rows = {r["alpha3"]: r for r in _read_tsv(ACTORS / "countries.tsv")}
    assert capital in rows[a3]["capitals"].split("|")


@pytest.mark.parametrize("name", ORG_FILES)
def test_org_rows(name, alpha3):
    for r in _read_tsv(ACTORS / name):
        assert r["canonical"], f"{name}:{r['_line']}: no canonical name"
        assert r["type"] in ACTOR_TYPES, f"{name}:{r['_line']}: unknown type {r['type']!r}"
        assert not r["country"] or r["country"] in alpha3, f"{name}:{r['_line']}: bad country {r['country']!r}"


def test_people_rows(alpha3):
    orgs = {r["canonical"] for f in ORG_FILES for r in _read_tsv(ACTORS / f)}
    for r in _read_tsv(ACTORS / "people.tsv"):
        where = f"people.tsv:{r['_line']}"
        assert r["canonical"] and r["role"], where
        assert r["affiliation"] in alpha3 or r["affiliation"] in orgs, f"{where}: unknown affiliation {r['affiliation']!r}"
        assert re.fullmatch(r"(19|20)\d\d", r["start"]), f"{where}: start year"
        assert not r["end"] or re.fullmatch(r"(19|20)\d\d", r["end"]), f"{where}: end year"
        assert not r["end"] or int(r["end"]) >= int(r["start"]), f"{where}: ends before it starts"
        assert r["role"] == r["role"].strip()


@pytest.mark.parametrize("person,affiliation,role,start,end", [
    ("Sergey Lavrov", "RUS", "foreign minister", "2004", ""),
    ("Mohammad Javad Zarif", "IRN", "foreign minister", "2013", "2021"),
    ("Staffan de Mistura", "United Nations", "UN envoy for Syria", "2014", "2019"),
    ("Donald Trump", "USA", "president", "2017", "2021"),
    ("Donald Trump", "USA", "president", "2025", ""),
])
def test_key_people_roles(person, affiliation, role, start, end):
    rows = [(r["affiliation"], r["role"], r["start"], r["end"]) for r in _read_tsv(ACTORS / "people.tsv")
            if r["canonical"] == person]
    assert (affiliation, role, start, end) in rows


def _walk(node, path, out):
    for k, v in node.items():
        if k is None:
            out.append((" ".join(path), v))
        else:
            _walk(v, path + [k], out)


def test_no_alias_points_at_two_actors():
    """An alias (after case folding and hyphen removal) names one actor. The only disambiguation rule is the
    date rule for people sharing a surname (one entry holding several people, resolved by who held office)."""
    m = get_matcher()
    leaves = []
    _walk(m.trie, [], leaves)
    clashes = []
    for key, entries in leaves:
        targets = set()
        for e in entries:
            t = e.target
            if e.kind == "org":
                targets.add(("org", t.actor_id))
            elif e.kind == "person":
                targets.add(("person", tuple(sorted(t))))
            elif e.kind in ("country", "demonym", "capital"):
                targets.add(("country", t))
            else:
                targets.add((e.kind, str(t)))
        if len(targets) > 1:
            clashes.append((key, sorted(map(str, targets))))
    assert clashes == []


def test_person_entries_sharing_an_alias_are_people():
    m = get_matcher()
    leaves = []
    _walk(m.trie, [], leaves)
    shared = {k: e.target for k, es in leaves for e in es if e.kind == "person" and len(e.target) > 1}
    assert "assad" in shared and len(shared["assad"]) == 2
    for pids in shared.values():
        assert all(p in m.persons for p in pids)


def test_matcher_builds_from_a_data_dir(tmp_path):
    import shutil

    for f in ACTORS.glob("*.tsv"):
        shutil.copy(f, tmp_path / f.name)
    m = ActorMatcher(tmp_path)
    assert [x.canonical for x in m.find("Lavrov met Zarif.")] == ["Sergey Lavrov", "Mohammad Javad Zarif"]
