"""`python -m timeline dct FILE... [--pub-date]`: TSV shape, errors, and the seed."""
import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_370d267beaadfd9e.txt"


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(out), delimiter="\t")) if out else []
    return code, rows, out, err


@pytest.fixture
def story(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text("Envoys meet\n\nGENEVA, March 2, 2018 (Reuters) - Envoys met on Friday.\n", encoding="utf-8")
    return p


def test_header_and_row(story, capsys):
    code, rows, out, err = run(["dct", str(story)], capsys)
    assert code == 0 and err == ""
    assert out.splitlines()[0].split("\t")[:3] == ["file", "date", "source"]
    assert {"file", "date", "source", "evidence", "confidence", "dateline", "place", "agency"} <= set(rows[0])
    assert rows[0]["date"] == "2018-03-02" and rows[0]["source"] == "dateline"
    assert rows[0]["place"] == "GENEVA" and rows[0]["agency"] == "Reuters"


def test_pub_date_flag_wins(story, capsys):
    code, rows, _, _ = run(["dct", str(story), "--pub-date", "2018-03-03"], capsys)
    assert code == 0 and rows[0]["date"] == "2018-03-03" and rows[0]["source"] == "metadata"


def test_bad_pub_date(story, capsys):
    code, rows, out, err = run(["dct", str(story), "--pub-date", "notadate"], capsys)
    assert code != 0 and out == ""
    assert len(err.strip().splitlines()) == 1 and "notadate" in err and "Traceback" not in err


def test_undated_story_is_flagged(tmp_path, capsys):
    p = tmp_path / "plain.txt"
    p.write_text("Officials talked about the ceasefire for hours.\n", encoding="utf-8")
    code, rows, _, _ = run(["dct", str(p)], capsys)
    assert code == 0 and rows[0]["date"] == "" and rows[0]["source"] == "none"


def test_bad_files_reported_others_still_printed(story, tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "bin.dat"
    binary.write_bytes(b"\x00\x01\x02\x03" * 50)
    code, rows, out, err = run(["dct", str(empty), str(story), str(tmp_path / "missing.txt"), str(binary)], capsys)
    assert code == 1
    assert [r["file"] for r in rows] == [str(story)]
    lines = err.strip().splitlines()
    assert any("empty file" in l for l in lines) and any("no such file" in l for l in lines)
    assert any("not a text file" in l for l in lines) and "Traceback" not in err


def test_help_text():
    out = subprocess.run([sys.executable, "-m", "timeline", "dct", "--help"], capture_output=True, text=True,
                         cwd=ROOT)
    assert out.returncode == 0 and "--pub-date" in out.stdout and "FILE" in out.stdout


@pytest.mark.skipif(not SEED.exists(), reason="seed article missing")
def test_seed(capsys):
    code, rows, _, _ = run(["dct", str(SEED)], capsys)
    assert code == 0
    assert (rows[0]["date"], rows[0]["source"], rows[0]["place"], rows[0]["agency"]) == (
        "2017-01-19", "inferred", "Moscow", "IANS")


REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578"


@pytest.mark.corpus
@pytest.mark.skipif(not (REUTERS / "reut2-000.sgm").exists(), reason="Reuters-21578 not available")
def test_eval_reuters_on_a_slice(capsys):
    code = main(["eval", "reuters", str(REUTERS), "--limit", "1500"])
    out = capsys.readouterr().out
    assert code == 0
    line = next(l for l in out.splitlines() if "one day off" in l)
    assert float(line.split("=")[-1].split("%")[0]) >= 99.0
    assert "reproduce: python -m timeline eval reuters" in out


def test_five_megabyte_story(tmp_path, capsys):
    para = "Envoys met again in 2016 and talked about the ceasefire that began on Monday, January 23. " * 30
    text = "Long story\n\nGENEVA, Jan 19 (Reuters) - " + (para + "\n\n") * (5 * 1024 * 1024 // (len(para) + 2) + 1)
    p = tmp_path / "five.txt"
    p.write_text(text, encoding="utf-8")
    code, rows, _, err = run(["dct", str(p)], capsys)
    assert code == 0 and err == ""
    assert rows[0]["date"] == "2017-01-19" and rows[0]["source"] == "inferred"
