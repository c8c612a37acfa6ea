"""The TempEval-3 TIMEX3 scorer (timeline/evaluation/tempeval.py) on invented gold/system files.

Figures in the expectations are computed by hand in the comments.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.evaluation.tempeval import Span, match, score_doc
from timeline.timex.model import Timex

FIXTURES = Path(__file__).parent / "fixtures" / "timeml"


def tml(docid: str, dct: str, text: str, spans: list[tuple[str, str, str]]) -> str:
    """A TimeML file of `text` with TIMEX3 around each (substring, type, value), taken left to right."""
    body, pos = [], 0
    for n, (sub, typ, val) in enumerate(spans, 1):
        i = text.index(sub, pos)
        body.append(text[pos:i].replace("&", "&amp;"))
        body.append(f'<TIMEX3 tid="t{n}" type="{typ}" value="{val}">{sub}</TIMEX3>')
        pos = i + len(sub)
    body.append(text[pos:].replace("&", "&amp;"))
    return (f'<?xml version="1.0" ?>\n<TimeML>\n<DOCID>{docid}</DOCID>\n'
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n'
            f'<TEXT>\n{"".join(body)}\n</TEXT>\n</TimeML>\n')


DOC1 = "The council met on Monday, March 5, 2001 and will meet again next week. Talks lasted three hours."
DOC2 = "Prices rose in 1999."
DOC3 = "The truce began on Friday and ended the next day."

GOLD = {
    "d1.tml": tml("D1", "2001-03-06", DOC1, [("Monday, March 5, 2001", "DATE", "2001-03-05"),
                                             ("next week", "DATE", "2001-W11"),
                                             ("three hours", "DURATION", "PT3H")]),
    "d2.tml": tml("D2", "2001-03-06", DOC2, [("1999", "DATE", "1999")]),
    "sub/d3.tml": tml("D3", "2001-03-06", DOC3, [("Friday", "DATE", "2001-03-02"),
                                                 ("the next day", "DATE", "2001-03-03")]),
}
SYSTEM = {
    "d1.tml": tml("D1", "2001-03-06", DOC1, [("council", "DATE", "XXXX"),               # spurious
                                             ("March 5, 2001", "DATE", "2001-03-05"),    # relaxed only; type, value right
                                             ("next week", "DATE", "2001-W10"),          # strict; value wrong
                                             ("three hours", "DATE", "PT3H")]),          # strict; type wrong
    # d2.tml: no system file -> "1999" missed
    "sub/d3.tml": tml("D3", "2001-03-06", DOC3, [("truce", "DATE", "XXXX"),              # spurious
                                                 ("Friday", "DATE", "2001-03-02"),       # strict, all right
                                                 ("next day", "DATE", "2001-03-04")]),   # relaxed only; value wrong
}
# gold 6, system 7; strict 3 (next week, three hours, Friday); relaxed 5; type right 4; value right 3.
# F1 = 2*hits/(gold+system): strict 6/13, relaxed 10/13, type 8/13, value 6/13.


def write_dir(root: Path, files: dict) -> Path:
    for name, content in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(content, encoding="utf-8")
    return root


@pytest.fixture
def dirs(tmp_path):
    return write_dir(tmp_path / "gold", GOLD), write_dir(tmp_path / "system", SYSTEM)


def run_json(capsys, *argv) -> tuple[int, dict]:
    code = main(["eval", "tempeval", *map(str, argv), "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_hand_computed_figures(dirs, capsys):
    gold, system = dirs
    code, out = run_json(capsys, gold, system)
    assert code == 0
    assert out["counts"] == {"gold": 6, "system": 7, "strict": 3, "relaxed": 5, "type": 4, "value": 3}
    assert out["strict"] == {"precision": round(3 / 7, 4), "recall": 0.5, "f1": round(6 / 13, 4)}
    assert out["relaxed"] == {"precision": round(5 / 7, 4), "recall": round(5 / 6, 4), "f1": round(10 / 13, 4)}
    assert out["type"]["f1"] == round(8 / 13, 4)
    assert out["value"] == {"precision": round(3 / 7, 4), "recall": 0.5, "f1": round(6 / 13, 4)}
    assert out["missing_system_files"] == ["d2.tml"]
    assert out["documents"] == 3


def test_gold_against_itself_is_perfect(dirs, capsys):
    gold, _ = dirs
    code, out = run_json(capsys, gold, gold)
    assert code == 0
    assert all(out[k]["f1"] == 1.0 for k in ("strict", "relaxed", "type", "value"))


def test_errors_file(dirs, tmp_path, capsys):
    gold, system = dirs
    err = tmp_path / "errors.tsv"
    assert main(["eval", "tempeval", str(gold), str(system), "--errors", str(err)]) == 0
    lines = err.read_text(encoding="utf-8").splitlines()
    header, rows = lines[0].split("\t"), [line.split("\t") for line in lines[1:]]
    assert header[:2] == ["kind", "doc"] and header[-1] == "context"
    assert all(len(r) == len(header) for r in rows)
    kinds = sorted(r[0] for r in rows)
    assert kinds == ["extent", "extent", "missed", "spurious", "spurious", "type", "value", "value"]
    by = {(r[0], r[1], r[4] or r[9]): dict(zip(header, r)) for r in rows}
    missed = by[("missed", "d2.tml", "1999")]
    assert missed["sys_text"] == "" and "[1999]" in missed["context"]
    ext = by[("extent", "d1.tml", "Monday, March 5, 2001")]
    assert ext["sys_text"] == "March 5, 2001" and "[Monday, {March 5, 2001}]" in ext["context"]
    val = by[("value", "sub/d3.tml", "the next day")]
    assert (val["gold_value"], val["sys_value"]) == ("2001-03-03", "2001-03-04")
    out = capsys.readouterr().out
    assert "errors: 8 rows" in out


def test_table_output_and_reproduce_line(dirs, capsys):
    gold, system = dirs
    assert main(["eval", "tempeval", str(gold), str(system), "--per-doc"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^strict\s+0\.429\s+0\.500\s+0\.462$", out, re.M)
    assert re.search(r"^relaxed\s+0\.714\s+0\.833\s+0\.769$", out, re.M)
    assert re.search(r"^value\s+0\.429\s+0\.500\s+0\.462$", out, re.M)
    assert "d2.tml\t1\t0\t0\t0\t0\t0\t0.000\t0.000\tno system file" in out
    assert f"reproduce: python -m timeline eval tempeval {gold} {system}" in out


def test_system_files_paired_by_name_when_paths_differ(dirs, tmp_path, capsys):
    gold, _ = dirs
    flat = write_dir(tmp_path / "flat", {Path(k).name: v for k, v in SYSTEM.items()})
    code, out = run_json(capsys, gold, flat)
    assert out["counts"]["relaxed"] == 5


def test_system_text_with_different_spacing_is_aligned(tmp_path, capsys):
    gold = write_dir(tmp_path / "g", {"a.tml": tml("A", "2001-03-06", "It rained on  Friday.", [("Friday", "DATE", "2001-03-02")])})
    system = write_dir(tmp_path / "s", {"a.tml": tml("A", "2001-03-06", "It rained on Friday.", [("Friday", "DATE", "2001-03-02")])})
    code, out = run_json(capsys, gold, system)
    assert out["counts"]["strict"] == 1 and out["value"]["f1"] == 1.0


def test_self_annotation_uses_the_tagger(dirs, monkeypatch, capsys):
    gold, _ = dirs
    seen = []

    def fake_tag(text, dct, doc=None):
        seen.append((dct, doc is not None and doc.text == text))
        return [Timex(m.start(), m.end(), m.group(), "DATE", "2001-03-02" if m.group() == "Friday" else "1999", "day", "fake")
                for m in re.finditer(r"Friday|1999", text)]

    monkeypatch.setattr("timeline.timex.tagger.tag", fake_tag)
    code, out = run_json(capsys, gold)
    assert code == 0
    assert len(seen) == 3 and all(ok for _, ok in seen) and {d.isoformat() for d, _ in seen} == {"2001-03-06"}
    # Friday and 1999 found, both right: 2 of 6 gold, 2 system.
    assert out["counts"] == {"gold": 6, "system": 2, "strict": 2, "relaxed": 2, "type": 2, "value": 2}


def test_self_annotation_reports_rules_in_errors(dirs, tmp_path, monkeypatch, capsys):
    gold, _ = dirs
    monkeypatch.setattr("timeline.timex.tagger.tag", lambda text, dct, doc=None: [
        Timex(m.start(), m.end(), m.group(), "DATE", "2001-03-03", "day", "rule:weekday") for m in re.finditer("Friday", text)])
    err = tmp_path / "e.tsv"
    main(["eval", "tempeval", str(gold), "--errors", str(err)])
    rows = [line.split("\t") for line in err.read_text(encoding="utf-8").splitlines()]
    value_rows = [r for r in rows if r[0] == "value"]
    assert len(value_rows) == 1 and value_rows[0][12] == "rule:weekday"


def test_bad_gold_file_is_reported_and_others_scored(dirs, capsys):
    gold, system = dirs
    (gold / "broken.tml").write_text("<TimeML><TEXT>R&D</TEXT></TimeML>", encoding="utf-8")
    code = main(["eval", "tempeval", str(gold), str(system), "--json"])
    captured = capsys.readouterr()
    assert code == 1
    assert "broken.tml" in captured.err and "Traceback" not in captured.err
    assert json.loads(captured.out)["counts"]["gold"] == 6


def test_missing_gold_dir_is_one_line_error(tmp_path, capsys):
    assert main(["eval", "tempeval", str(tmp_path / "nope")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such file" in err


def test_fixture_file_against_itself(capsys):
    code, out = run_json(capsys, FIXTURES, FIXTURES)
    assert out["counts"]["gold"] == 7 and out["strict"]["f1"] == 1.0


# --- matching, unit level -------------------------------------------------------------

def S(a, b, typ="DATE", val="v"):
    return Span(a, b, "", typ, val)


def test_match_is_one_to_one_and_maximal():
    # gold A [0,10) B [8,12); system X [5,11) overlaps both, Y [0,4) overlaps A only.
    # A greedy "largest overlap first" pairing A-X leaves B alone; the maximum matching is A-Y, B-X.
    assert sorted(match([S(0, 10), S(8, 12)], [S(5, 11), S(0, 4)])) == [(0, 1), (1, 0)]


def test_duplicate_system_extent_counts_once():
    r = score_doc("d", "x" * 20, [S(0, 5)], [S(0, 5), S(0, 5)])
    assert (r.counts.strict, r.counts.relaxed, r.counts.system) == (1, 1, 2) and r.spurious == [1]


def test_exact_match_preferred_over_overlap():
    # gold [0,5) and [6,9); system [0,9) overlaps both, [6,9) is exact for the second.
    r = score_doc("d", "x" * 20, [S(0, 5), S(6, 9)], [S(0, 9), S(6, 9)])
    assert (r.counts.strict, r.counts.relaxed) == (1, 2)


def test_touching_extents_do_not_overlap():
    r = score_doc("d", "x" * 20, [S(0, 5)], [S(5, 9)])
    assert r.counts.relaxed == 0 and r.missed == [0] and r.spurious == [0]


@pytest.mark.parametrize("gold, system, strict, relaxed, typ, val", [
    ([], [], 0, 0, 0, 0),
    ([S(0, 4, "DATE", "1999")], [S(0, 4, "DATE", "1999")], 1, 1, 1, 1),
    ([S(0, 4, "DATE", "1999")], [S(0, 4, "DURATION", "P1Y")], 1, 1, 0, 0),
    ([S(0, 4, "DATE", "1999")], [S(2, 6, "DATE", " 1999 ")], 0, 1, 1, 1),
    ([S(0, 4), S(10, 14)], [S(3, 11)], 0, 1, 1, 1),
])
def test_score_doc_table(gold, system, strict, relaxed, typ, val):
    c = score_doc("d", "x" * 20, gold, system).counts
    assert (c.strict, c.relaxed, c.type, c.value) == (strict, relaxed, typ, val)


def test_by_rule_counts(dirs, monkeypatch, capsys):
    gold, _ = dirs

    def fake_tag(text, dct, doc=None):
        out = [Timex(m.start(), m.end(), m.group(), "DATE", "2001-03-02", "day", "weekday") for m in re.finditer("Friday", text)]
        out += [Timex(m.start(), m.end(), m.group(), "DATE", "XXXX", "year", "noise") for m in re.finditer("truce|council", text)]
        return out

    monkeypatch.setattr("timeline.timex.tagger.tag", fake_tag)
    code, out = run_json(capsys, gold, "--by-rule")
    assert out["by_rule"] == {"noise": {"system": 2, "relaxed": 0, "strict": 0, "type": 0, "value": 0},
                              "weekday": {"system": 1, "relaxed": 1, "strict": 1, "type": 1, "value": 1}}


TBAQ = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "tempeval3"


@pytest.mark.corpus
@pytest.mark.skipif(not TBAQ.is_dir(), reason="TempEval-3 corpus (../shared) not available")
def test_tbaq_gold_against_itself(capsys):
    code, out = run_json(capsys, TBAQ, TBAQ)
    assert code == 0 and out["documents"] == 256 and out["counts"]["gold"] == 1822
    assert all(out[k]["f1"] == 1.0 for k in ("strict", "relaxed", "type", "value"))
