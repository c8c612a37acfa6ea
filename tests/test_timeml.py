"""TimeML reading and writing (timeline/timeml.py) on small invented fixtures."""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from timeline.timeml import TimeMLError, parse_tml, read_tml, select_writable, write_tml
from timeline.timex.model import Timex

FIXTURES = Path(__file__).parent / "fixtures" / "timeml"
TBAQ = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "tempeval3"

MINIMAL = """<?xml version="1.0" ?>
<TimeML>
<DOCID>FIX1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2001-03-05" functionInDocument="CREATION_TIME">2001-03-05</TIMEX3></DCT>
<TEXT>{body}</TEXT>
</TimeML>
"""


def text_content(source: str) -> str:
    return source[source.index("<TEXT>") + len("<TEXT>"):source.index("</TEXT>")]


def test_read_fields_and_decoded_text():
    doc = read_tml(FIXTURES / "council.tml")
    assert doc.docid == "FIX20010305.0001"
    assert doc.dct == dt.date(2001, 3, 5) and doc.dct_value == "2001-03-05" and doc.dct_tid == "t0"
    assert doc.title == "Ministers meet in Vilnius & Riga"
    assert "<" not in doc.text.replace("<again>", "")
    assert "Lithuania & Latvia met on Monday" in doc.text
    assert "talks <again> late this month" in doc.text
    assert 'The Q&A session March 9' in doc.text
    assert doc.text.rstrip().endswith('said Ona "Onute" Kazé.')
    assert [t.text for t in doc.timexes] == ["Monday", "late this month", "March 9", "two years ago", "every year"]
    assert [t.value for t in doc.timexes] == ["2001-03-05", "2001-03", "2001-03-09", "1999", "P1Y"]
    assert doc.timexes[1].mod == "END" and doc.timexes[1].attrs["anchorTimeID"] == "t0"
    assert doc.timexes[4].attrs["quant"] == "EVERY" and doc.timexes[4].attrs["freq"] == "1X"
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == t.text
    assert {t.name for t in doc.tags} == {"EVENT", "SIGNAL"}


def test_text_is_what_an_xml_parser_sees():
    for path in FIXTURES.glob("*.tml"):
        doc = read_tml(path)
        assert doc.text == "".join(ET.fromstring(doc.source).find("TEXT").itertext())


def test_dct_with_time_and_comment_in_text():
    doc = read_tml(FIXTURES / "harbour.tml")
    assert doc.dct == dt.date(2001, 3, 6) and doc.dct_value == "2001-03-06T14:30"
    assert "The harbour  reopened Tuesday after three days of storms." in doc.text
    assert [(t.text, t.type) for t in doc.timexes] == [("Tuesday", "DATE"), ("three days", "DURATION")]


def test_round_trip_reproduces_the_timex_tags():
    source = (FIXTURES / "council.tml").read_text(encoding="utf-8")
    doc = parse_tml(source)
    out = write_tml(doc, doc.timexes)
    # TEXT is the original TEXT with the other inline tags (EVENT, SIGNAL) removed, TIMEX3 tags byte for byte.
    expected = re.sub(r"</?(EVENT|SIGNAL)\b[^>]*>", "", text_content(source))
    # Only &, < and > are escaped on output; other entities come back as the characters they stand for.
    expected = expected.replace("&quot;", '"').replace("&#233;", "é")
    assert text_content(out) == expected
    again = parse_tml(out)
    assert again.text == doc.text
    assert [(t.start, t.end, t.attrs) for t in again.timexes] == [(t.start, t.end, t.attrs) for t in doc.timexes]


def test_outside_text_kept_links_dropped():
    source = (FIXTURES / "council.tml").read_text(encoding="utf-8")
    doc = parse_tml(source)
    out = write_tml(doc, [])
    assert out[:out.index("<TEXT>")] == source[:source.index("<TEXT>")]
    assert "<MAKEINSTANCE" not in out and "<TLINK" not in out and "<SLINK" not in out
    assert out.rstrip().endswith("</TimeML>")
    kept = write_tml(doc, [], keep_links=True)
    assert kept[kept.index("</TEXT>"):] == source[source.index("</TEXT>"):]
    assert parse_tml(out).timexes == [] and parse_tml(out).text == doc.text


def test_write_model_timexes_escapes_and_numbers():
    doc = parse_tml(MINIMAL.format(body="Talks on R&amp;D end Monday &amp; resume in 2002 &lt;sic&gt;."))
    assert doc.text == "Talks on R&D end Monday & resume in 2002 <sic>."
    i = doc.text.index("Monday")
    j = doc.text.index("2002")
    tx = [Timex(i, i + 6, "Monday", "DATE", "2001-03-05", "day", "weekday"),
          Timex(j, j + 4, "2002", "DATE", "2002", "year", "year", mod="START")]
    out = write_tml(doc, tx)
    body = text_content(out)
    assert body == ('Talks on R&amp;D end <TIMEX3 tid="t1" type="DATE" value="2001-03-05">Monday</TIMEX3> &amp; '
                    'resume in <TIMEX3 tid="t2" type="DATE" value="2002" mod="START">2002</TIMEX3> &lt;sic&gt;.')
    back = parse_tml(out)
    assert back.text == doc.text
    assert [(t.start, t.end, t.value, t.mod) for t in back.timexes] == [(i, i + 6, "2001-03-05", ""), (j, j + 4, "2002", "START")]


def test_timex_containing_an_entity():
    doc = parse_tml(MINIMAL.format(body='A <TIMEX3 tid="t1" type="DATE" value="2001-Q1">Jan.&amp;Feb.</TIMEX3> tally'))
    t = doc.timexes[0]
    assert doc.text == "A Jan.&Feb. tally" and (t.start, t.end, t.text) == (2, 11, "Jan.&Feb.")
    assert text_content(write_tml(doc, doc.timexes)) == 'A <TIMEX3 tid="t1" type="DATE" value="2001-Q1">Jan.&amp;Feb.</TIMEX3> tally'


def test_overlapping_and_out_of_range_timexes_are_not_written():
    doc = parse_tml(MINIMAL.format(body="on Monday morning"))
    a = Timex(3, 17, "Monday morning", "TIME", "2001-03-05TMO", "time", "r1")
    b = Timex(3, 9, "Monday", "DATE", "2001-03-05", "day", "r2")
    c = Timex(10, 40, "?", "DATE", "X", "day", "r3")
    kept, dropped = select_writable([b, a, c], len(doc.text))
    assert kept == [a] and dropped == [b, c]
    back = parse_tml(write_tml(doc, [b, a, c]))
    assert [(t.text, t.value) for t in back.timexes] == [("Monday morning", "2001-03-05TMO")]


def test_tid_clashing_with_dct_is_renumbered():
    doc = parse_tml(MINIMAL.format(body="on Monday"))
    t = Timex(3, 9, "Monday", "DATE", "2001-03-05", "day", "r", tid="t0")
    assert parse_tml(write_tml(doc, [t])).timexes[0].tid == "t1"


def test_no_dct_and_empty_text():
    doc = parse_tml("<TimeML><DOCID>X</DOCID><TEXT/></TimeML>")
    assert doc.dct is None and doc.dct_value == "" and doc.text == ""
    assert parse_tml(write_tml(doc, [])).text == ""


@pytest.mark.parametrize("source, message", [
    ("<TimeML><TEXT>a < b</TEXT></TimeML>", "not well-formed"),
    ("<TimeML><TEXT>R&D</TEXT></TimeML>", "not well-formed"),
    ("<TimeML><DOCID>X</DOCID></TimeML>", "no <TEXT>"),
    ("", "not well-formed"),
])
def test_bad_sources(source, message):
    with pytest.raises(TimeMLError, match=message):
        parse_tml(source)


def test_undecodable_and_missing_files(tmp_path):
    bad = tmp_path / "bad.tml"
    bad.write_bytes(b"<TimeML><TEXT>caf\xe9</TEXT></TimeML>")
    with pytest.raises(TimeMLError, match="not UTF-8"):
        read_tml(bad)
    with pytest.raises(TimeMLError, match="cannot read"):
        read_tml(tmp_path / "absent.tml")


@pytest.mark.corpus
@pytest.mark.skipif(not TBAQ.is_dir(), reason="TempEval-3 corpus (../shared) not available")
def test_tbaq_round_trip():
    n = 0
    for path in sorted(TBAQ.rglob("*.tml")):
        doc = read_tml(path)
        n += len(doc.timexes)
        back = parse_tml(write_tml(doc, doc.timexes))
        assert back.text == doc.text, path.name
        assert [(t.start, t.end, t.attrs) for t in back.timexes] == [(t.start, t.end, t.attrs) for t in doc.timexes]
    assert n == 1822
