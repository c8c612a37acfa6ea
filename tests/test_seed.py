"""The seed story through the command line: every gold time expression, nothing else, and the inferred date.

Gold rows come from ../shared/seeds/000_370d267beaadfd9e.timexes.tsv when that folder is present; else from
the (start, end, value) triples below, which are facts about our own copy of the seed (seeds/...).
A row matches a gold row when it ends at the same offset, starts at or before it (the extent may add a
leading "on"/"in"), and has the same value.
"""
from __future__ import annotations

import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = Path("seeds") / "000_370d267beaadfd9e.txt"
SHARED_GOLD = ROOT.parent / "shared" / "seeds" / "000_370d267beaadfd9e.timexes.tsv"

GOLD = [  # (start, end, value)
    (52, 58, "2017-01-19"),      # Jan 19 (dateline)
    (194, 202, "2017-01-19"),    # Thursday
    (216, 225, "2017-01-18"),    # yesterday (quoted, said Thursday)
    (227, 236, "2017-01-18"),    # (Wednesday)
    (380, 398, "2017-01-23"),    # Monday, January 23
    (545, 554, "2017-01-18"),    # had said on Wednesday
    (630, 634, "2016"),          # 2016
    (861, 872, "PAST_REF"),      # recent days
    (875, 883, "2017-01-19"),    # Thursday's announcement
    (1163, 1170, "PAST_REF"),    # earlier quoted
    (1636, 1647, "2016-12-30"),  # December 30
    (1809, 1818, "2016"),        # last year
    (1961, 1971, "2016-12"),     # last month
    (2053, 2063, "2011-03"),     # March 2011
    (2180, 2183, "PRESENT_REF"),  # now
]
LEADING_WORDS = ("", "on ", "in ", "On ", "In ")


def _read_tsv(text: str) -> list[dict]:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    assert lines, "no output at all (a header row is expected)"
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t"))) for ln in lines[1:]]


def gold_rows() -> list[tuple[int, int, str]]:
    if SHARED_GOLD.exists():
        rows = _read_tsv(SHARED_GOLD.read_text(encoding="utf-8"))
        return [(int(r["start"]), int(r["end"]), r["value"]) for r in rows]
    return GOLD


@lru_cache(maxsize=None)
def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "timeline", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def _check(proc: subprocess.CompletedProcess):
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    text = (ROOT / SEED).read_text(encoding="utf-8")
    rows = _read_tsv(proc.stdout)
    gold = gold_rows()
    got = [(int(r["start"]), int(r["end"]), r["value"], r["text"]) for r in rows]
    for r in got:
        assert text[r[0]:r[1]] == r[3], f"offsets do not cover the text: {r}"
    missing = []
    for gs, ge, gv in gold:
        hits = [r for r in got if r[1] == ge and r[0] <= gs and text[r[0]:gs] in LEADING_WORDS]
        if not hits or hits[0][2] != gv:
            missing.append((gs, ge, text[gs:ge], gv, hits[0][2] if hits else "not found"))
    assert not missing, "gold rows wrong or missing (start, end, text, expected, got): " + repr(missing)
    extra = [r for r in got if not any(r[1] == ge and r[0] <= gs for gs, ge, _ in gold)]
    assert not extra, f"rows not in the gold: {extra}"
    assert len(got) == len(gold)
    return rows


def test_embedded_gold_matches_shared_gold():
    if not SHARED_GOLD.exists():
        pytest.skip("../shared is not present")
    assert gold_rows() == GOLD


def test_seed_copy_matches_shared_seed():
    shared = ROOT.parent / "shared" / "seeds" / SEED.name
    if not shared.exists():
        pytest.skip("../shared is not present")
    assert (ROOT / SEED).read_bytes() == shared.read_bytes()


def test_gold_offsets_point_at_the_seed_text():
    text = (ROOT / SEED).read_text(encoding="utf-8")
    assert text[52:58] == "Jan 19"
    assert text[380:398] == "Monday, January 23"
    assert text[2180:2183] == "now"


def test_seed_timexes_without_dct():
    proc = run_cli("timexes", str(SEED))
    _check(proc)
    assert "2017-01-19" in proc.stderr  # the document time it inferred is reported


def test_seed_timexes_with_dct():
    _check(run_cli("timexes", str(SEED), "--dct", "2017-01-19"))


def test_seed_header_columns():
    header = run_cli("timexes", str(SEED)).stdout.splitlines()[0].split("\t")
    for col in ("start", "end", "text", "type", "value", "granularity", "rule"):
        assert col in header


def test_seed_types_and_granularities():
    rows = {int(r["start"]): r for r in _read_tsv(run_cli("timexes", str(SEED)).stdout)}
    assert all(r["type"] == "DATE" for r in rows.values())
    grans = {r["value"]: r["granularity"] for r in rows.values()}
    assert grans["2017-01-23"] == "day"
    assert grans["2016-12"] == "month"
    assert grans["2016"] == "year"
    assert grans["PAST_REF"] == "vague"


def test_seed_dct_inferred():
    proc = run_cli("dct", str(SEED))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    rows = _read_tsv(proc.stdout)
    assert len(rows) == 1
    assert rows[0]["date"] == "2017-01-19"
    assert rows[0]["source"] == "inferred"
    assert rows[0]["evidence"].strip()
