"""Reading files and splitting a story into front matter, title, dateline and body."""
import datetime as dt

import pytest

from timeline.document import read_text_file, split_document, parse_pub_date
from timeline.errors import TimelineError

STORY = ("Envoys agree to meet in Geneva\n\n"
         "GENEVA, March 2 (Reuters) - Envoys agreed on Thursday to meet again next week.\n\n"
         "The talks, which began in 2015, have stalled.\n")


def test_split_title_dateline_body():
    doc = split_document(STORY)
    assert doc.title == "Envoys agree to meet in Geneva"
    assert STORY[doc.title_start:doc.title_end] == doc.title
    assert doc.dateline.place == "GENEVA" and doc.dateline.agency == "Reuters"
    assert STORY[doc.dateline.date_start:doc.dateline.date_end] == "March 2"
    assert STORY[doc.body_start:].startswith("Envoys agreed on Thursday")


def test_no_title_when_the_first_line_is_the_dateline():
    text = "MOSCOW (Reuters) - Russia said on Monday it would attend.\n\nMore text."
    doc = split_document(text)
    assert doc.title is None and doc.dateline.place == "MOSCOW"
    assert text[doc.body_start:].startswith("Russia said")


def test_headline_that_looks_like_a_dateline_is_a_title():
    text = "PORT SUBSIDY TO END JULY 1\n\n    ROTTERDAM, March 5 - The port said.\n"
    doc = split_document(text)
    assert doc.title == "PORT SUBSIDY TO END JULY 1"
    assert doc.dateline.place == "ROTTERDAM" and (doc.dateline.month, doc.dateline.day) == (3, 5)


def test_front_matter_is_metadata_and_offsets_stay_in_the_full_text():
    text = ("---\ntitle: \"Truce holds\"\ndate: 2017-01-19\nurl: https://example.org/a\nsource: Example Wire\n---\n"
            "BEIRUT, Jan. 23 (AP) — The truce held.\n")
    doc = split_document(text)
    assert doc.pub_date == dt.date(2017, 1, 19)
    assert doc.url == "https://example.org/a" and doc.metadata["source"] == "Example Wire"
    assert doc.title == "Truce holds" and text[doc.title_start:doc.title_end] == "Truce holds"
    assert text[doc.dateline.start:doc.dateline.end] == "BEIRUT, Jan. 23 (AP) —"
    assert text[doc.body_start:].startswith("The truce held.")


def test_front_matter_bad_date_is_an_error():
    with pytest.raises(TimelineError, match="not a valid date"):
        split_document("---\ndate: someday\n---\nText.\n")


def test_byline_and_wire_dateline_combine():
    text = "Talks resume\n\nBy Jane Doe | January 19, 2017\nMOSCOW (Reuters) - Russia said it would attend.\n"
    doc = split_document(text)
    dl = doc.dateline
    assert (dl.year, dl.month, dl.day) == (2017, 1, 19)
    assert dl.place == "MOSCOW" and dl.agency == "Reuters"
    assert text[doc.body_start:].startswith("Russia said")


def test_body_sentence_with_comma_is_not_a_dateline():
    doc = split_document("Moscow, however, says it will not attend.\n\nIt gave no reason.")
    assert doc.dateline is None and doc.body_start == 0


def test_document_id_is_stable():
    assert split_document(STORY).id == split_document(STORY).id != split_document(STORY + " ").id


def test_read_keeps_text_exactly(tmp_path):
    raw = "Title\r\n\r\nPARIS, May 3 - Caf\u00e9 talks.\r\n"
    f = tmp_path / "a.txt"
    f.write_bytes(raw.encode("utf-8"))
    assert read_text_file(f) == raw


def test_read_drops_only_a_bom(tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbfPARIS, May 3 - Talks.")
    assert read_text_file(f) == "PARIS, May 3 - Talks."


def test_read_cp1252(tmp_path):
    f = tmp_path / "cp.txt"
    f.write_bytes("Sm\u00f8rg\u00e5s said \u201cyes\u201d on Monday.".encode("cp1252"))
    assert read_text_file(f) == "Sm\u00f8rg\u00e5s said \u201cyes\u201d on Monday."


@pytest.mark.parametrize("content,message", [
    (b"", "empty file"),
    (b"  \n\t\n", "only whitespace"),
    (b"\x00\x01\x02\x03binary", "not a text file"),
    (bytes(range(128, 256)) * 20, "cannot decode"),
])
def test_read_bad_files(tmp_path, content, message):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    with pytest.raises(TimelineError, match=message) as exc:
        read_text_file(f)
    assert "\n" not in str(exc.value)


def test_read_missing_file(tmp_path):
    with pytest.raises(TimelineError, match="no such file"):
        read_text_file(tmp_path / "missing.txt")


def test_read_size_limit(tmp_path):
    f = tmp_path / "big.txt"
    f.write_bytes(b"word " * 300)
    with pytest.raises(TimelineError, match="too large"):
        read_text_file(f, max_bytes=1000)


def test_five_megabyte_text_is_read_and_split(tmp_path):
    body = ("The delegations met again and talked for hours about the ceasefire. " * 80 + "\n\n")
    text = "Long story\n\nGENEVA, March 2 (Reuters) - " + body * (5 * 1024 * 1024 // len(body) + 1)
    f = tmp_path / "five.txt"
    f.write_text(text, encoding="utf-8")
    assert f.stat().st_size > 5 * 1024 * 1024
    got = read_text_file(f)
    assert got == text
    doc = split_document(got)
    assert doc.dateline.place == "GENEVA"


@pytest.mark.parametrize("value,expected", [
    ("2017-01-19", dt.date(2017, 1, 19)),
    ("2017-01-19T10:30:00Z", dt.date(2017, 1, 19)),
    ("January 19, 2017", dt.date(2017, 1, 19)),
    ("19 January 2017", dt.date(2017, 1, 19)),
    (dt.date(2017, 1, 19), dt.date(2017, 1, 19)),
])
def test_parse_pub_date(value, expected):
    assert parse_pub_date(value) == expected


@pytest.mark.parametrize("value", ["notadate", "2017-02-30", "2017-13-01", "19/01/2017", ""])
def test_parse_pub_date_rejects(value):
    with pytest.raises(TimelineError):
        parse_pub_date(value)


def test_dateline_never_follows_a_body_paragraph():
    para = "Officials met on Thursday and talked for hours about the ceasefire and the talks to come. " * 4
    text = "Talks go on\n\n" + para + "\n\nWASHINGTON, March 2 - A second story starts here.\n"
    assert split_document(text).dateline is None


def test_a_list_of_dated_entries_has_no_dateline():
    text = ("Timeline of the crisis\nSept. 27: Blair and Brown were again at odds last night, aides said.\n"
            "Jan 25 - Protesters gather in the square; police fire tear gas the next day.\n")
    doc = split_document(text)
    assert doc.dateline is None
