"""`timeline timeml IN_DIR OUT_DIR` on a tiny folder of invented TimeML files."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.timeml import read_tml
from timeline.timex.model import Timex

FIXTURES = Path(__file__).parent / "fixtures" / "timeml"
WEEKDAYS = r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"


@pytest.fixture
def in_dir(tmp_path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    shutil.copy(FIXTURES / "council.tml", d / "council.tml")
    shutil.copy(FIXTURES / "harbour.tml", d / "sub" / "harbour.tml")
    return d


@pytest.fixture
def fake_tagger(monkeypatch):
    """A stand-in tagger: weekdays only, valued with the DCT; records what it was given."""
    calls = []

    def tag(text, dct, doc=None):
        calls.append({"text": text, "dct": dct, "doc": doc})
        return [Timex(m.start(), m.end(), m.group(), "DATE", dct.isoformat() if dct else "XXXX-WXX-X", "day",
                      "fake:weekday", mod="APPROX" if m.group() == "Tuesday" else "")
                for m in re.finditer(WEEKDAYS, text)]

    monkeypatch.setattr("timeline.timex.tagger.tag", tag)
    return calls


def test_tags_each_file_with_its_dct(in_dir, tmp_path, fake_tagger, capsys):
    out = tmp_path / "out"
    assert main(["timeml", str(in_dir), str(out)]) == 0
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.tml")) == ["council.tml", "sub/harbour.tml"]
    for rel in ("council.tml", "sub/harbour.tml"):
        src, res = read_tml(in_dir / rel), read_tml(out / rel)
        assert res.text == src.text and res.docid == src.docid and res.dct_value == src.dct_value
    council = read_tml(out / "council.tml")
    assert [(t.text, t.type, t.value, t.tid) for t in council.timexes] == [("Monday", "DATE", "2001-03-05", "t1")]
    harbour = read_tml(out / "sub" / "harbour.tml")
    assert [(t.text, t.value, t.mod) for t in harbour.timexes] == [("Tuesday", "2001-03-06", "APPROX")]
    assert "<EVENT" not in (out / "council.tml").read_text(encoding="utf-8")
    # The spaCy Doc handed to the tagger is a parse of exactly the text.
    assert len(fake_tagger) == 2
    assert all(c["doc"] is not None and c["doc"].text == c["text"] for c in fake_tagger)
    assert "2 file(s) written" in capsys.readouterr().err


def test_bad_file_reported_others_written(in_dir, tmp_path, fake_tagger, capsys):
    (in_dir / "broken.tml").write_text("<TimeML><TEXT>a < b</TEXT></TimeML>", encoding="utf-8")
    (in_dir / "latin1.tml").write_bytes(b"<TimeML><TEXT>caf\xe9</TEXT></TimeML>")
    out = tmp_path / "out"
    assert main(["timeml", str(in_dir), str(out)]) == 1
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if "broken.tml" in line or "latin1.tml" in line]
    assert len(lines) == 2 and "Traceback" not in err
    assert (out / "council.tml").exists() and (out / "sub" / "harbour.tml").exists()
    assert not (out / "broken.tml").exists()


def test_tagger_failure_on_one_document(in_dir, tmp_path, monkeypatch, capsys):
    def tag(text, dct, doc=None):
        if "harbour" in text:
            raise ValueError("boom")
        return []

    monkeypatch.setattr("timeline.timex.tagger.tag", tag)
    out = tmp_path / "out"
    assert main(["timeml", str(in_dir), str(out)]) == 1
    err = capsys.readouterr().err
    assert "harbour.tml: tagging failed: ValueError: boom" in err
    assert (out / "council.tml").exists() and not (out / "sub" / "harbour.tml").exists()


def test_no_dct_passes_none(tmp_path, fake_tagger):
    d = tmp_path / "in"
    d.mkdir()
    (d / "nodct.tml").write_text("<TimeML><DOCID>X</DOCID><TEXT>They met on Friday.</TEXT></TimeML>", encoding="utf-8")
    assert main(["timeml", str(d), str(tmp_path / "out")]) == 0
    assert fake_tagger[0]["dct"] is None
    assert read_tml(tmp_path / "out" / "nodct.tml").timexes[0].value == "XXXX-WXX-X"


@pytest.mark.parametrize("setup, message", [
    ("missing", "not a folder"),
    ("empty", "no .tml files"),
    ("same", "must differ"),
])
def test_clear_errors(tmp_path, capsys, setup, message):
    d = tmp_path / "in"
    if setup != "missing":
        d.mkdir()
    if setup == "same":
        shutil.copy(FIXTURES / "harbour.tml", d / "harbour.tml")
    out = d if setup == "same" else tmp_path / "out"
    assert main(["timeml", str(d), str(out)]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_help_texts():
    from timeline.cli import build_parser
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert sub.choices["timeml"].description
    ev = next(a for a in sub.choices["eval"]._actions if a.dest == "evaluation")
    assert ev.choices["tempeval"].description
