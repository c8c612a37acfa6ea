"""Document time: (story text, pub_date) -> (date, source), the year-inference clues one by one, and the seed."""
import datetime as dt
from pathlib import Path

import pytest

from timeline import dct as D
from timeline.document import load_document, split_document
from timeline.errors import TimelineError

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_370d267beaadfd9e.txt"

CASES = [
    # (id, text, pub_date argument, expected ISO date or "", expected source, expected value)
    ("metadata-argument-wins",
     "KABUL, Jan 19 (AP) — Talks began in 2016.", "2018-05-02", "2018-05-02", "metadata", "2018-05-02"),
    ("front-matter-date",
     "---\npublished: 2017-01-19\n---\nKABUL, Jan 19 (AP) — Talks went on.", None, "2017-01-19", "metadata", "2017-01-19"),
    ("dateline-with-year",
     "WASHINGTON, Jan. 19, 2017 /PRNewswire/ -- Acme said it would expand.", None, "2017-01-19", "dateline",
     "2017-01-19"),
    ("byline-with-year",
     "Talks resume\n\nBy Jane Doe | March 3, 2015\nMOSCOW (Reuters) - Russia said it would attend.", None,
     "2015-03-03", "dateline", "2015-03-03"),
    ("weekday-next-to-date",
     "KABUL, Jan 19 (AP) — The council reviewed its work in 2016, officials said on Thursday. The conference "
     "will open on Monday, January 23, in the capital.", None, "2017-01-19", "inferred", "2017-01-19"),
    ("weekday-after-date",
     "NAIROBI, Oct 2 (Reuters) - Voters went to the polls in 2019. A recount starts on October 9 (Friday).",
     None, "2020-10-02", "inferred", "2020-10-02"),
    ("dateline-weekday",
     "CAIRO, Monday, Jan 23 (Reuters) - Egypt said its economy grew in 2016.", None, "2017-01-23", "inferred",
     "2017-01-23"),
    ("last-year-next-to-year",
     "ATHENS, March 3 (Reuters) - Industrial output fell in 2016, last year, by three percent.", None,
     "2017-03-03", "inferred", "2017-03-03"),
    ("so-far-this-year",
     "LIMA, April 10 - Copper exports so far in 2019 rose five percent, the ministry said.", None,
     "2019-04-10", "inferred", "2019-04-10"),
    ("results-and-forecast",
     "SYDNEY, March 3 - Acme said its 2016 net profit rose 12 percent. It expects 2017 earnings to grow further.",
     None, "2017-03-03", "inferred", "2017-03-03"),
    ("same-month-two-years",
     "OSLO, March 12 - Exports in February 2019 rose to 5.1 billion crowns from 4.2 billion crowns in "
     "February 2018, the bureau said.", None, "2019-03-12", "inferred", "2019-03-12"),
    ("year-ago-quarter-is-not-enough",
     "TOKYO, April 2 - Profit in the first quarter of 2016 was three billion yen. The company expects 2016 sales "
     "to rise.", None, "", "dateline", "XXXX-04-02"),
    ("forecast-for-later-year-breaks-the-cycle",
     "SYDNEY, March 3 - Acme said its 2016 net profit rose. It expects 2018 earnings to grow.", None, "",
     "dateline", "XXXX-03-03"),
    ("chronology-entry-is-not-a-dateline",
     "March 14, 2003: Troops cross the border.\nMarch 20, 2003: The war begins.", None, "", "none", ""),
    ("bare-year-is-not-enough",
     "BONN, March 3 - Profit rose in 1986, the company said.", None, "", "dateline", "XXXX-03-03"),
    ("weekday-outside-the-window",
     # January 23 is a Monday neither in 2013 nor in 2014: no year is stated
     "OSLO, Jan 19 (AP) - Talks began in 2013. They resume on Monday, January 23.", None, "", "dateline",
     "XXXX-01-19"),
    ("forecast-years-alone",
     "TOKYO, June 2 - The ministry expects growth in 2030 and plans to cut debt by 2040.", None, "", "dateline",
     "XXXX-06-02"),
    ("no-dateline-no-dates",
     "Officials met and talked about the ceasefire for hours.", None, "", "none", ""),
    ("dateline-without-date",
     "MOSCOW (Reuters) - Russia said on Thursday it would attend talks.", None, "", "none", ""),
]


@pytest.mark.parametrize("case_id,text,pub,date,source,value", CASES, ids=[c[0] for c in CASES])
def test_document_time(case_id, text, pub, date, source, value):
    t = D.document_time(split_document(text), pub_date=pub)
    assert (t.date.isoformat() if t.date else "", t.source, t.value) == (date, source, value)
    assert t.source in D.SOURCES
    assert t.evidence and "\n" not in t.evidence
    if source == "inferred":
        assert 0.5 < t.confidence < 1.0
    if not date:
        assert t.date is None and t.date != dt.date.today()


def test_pub_date_argument_bad():
    with pytest.raises(TimelineError):
        D.document_time(split_document("PARIS, May 3 - Talks."), pub_date="notadate")


def test_metadata_notes_a_disagreeing_dateline():
    t = D.document_time(split_document("PARIS, May 3 - Talks."), pub_date="2019-05-06")
    assert t.source == "metadata" and "dateline says May 3" in t.evidence


def test_feb_29_without_a_leap_year_is_not_invented():
    # the text points to 2017, which has no February 29: the year stays unknown
    t = D.document_time(split_document("ROME, Feb 29 (Reuters) - Output fell in 2016, last year, by one percent."))
    assert t.date is None and t.value == "XXXX-02-29"


@pytest.mark.parametrize("sentence,year,context", [
    ("Sales rose in 1986, it said.", 1986, "past"),
    ("The company expects 1988 earnings to grow.", 1988, "future"),
    ("The notes mature in 1992.", 1992, "future"),
    ("Exports so far in 1987 rose.", 1987, "present"),
    ("It has operated profitably from 1984 to date.", 1984, "past"),
    ("“We think it would help,” he said about the results of policy in 2016.", 2016, "past"),
])
def test_year_mention_context(sentence, year, context):
    ms = D.year_mentions(sentence)
    assert [(m.year, m.context) for m in ms] == [(year, context)]


@pytest.mark.parametrize("sentence", ["It shipped 2000 tonnes.", "Shares rose to 1,987.", "A 1986.5 figure.",
                                      "The 1980s were hard."])
def test_numbers_that_are_not_years(sentence):
    assert D.year_mentions(sentence) == []


@pytest.mark.parametrize("sentence,gran,first,last", [
    ("In March 2011 protests began.", "month", (3, 1), (3, 31)),
    ("On Jan. 5, 2015 it rained.", "day", (1, 5), (1, 5)),
    ("Profit in the first quarter of 1987 rose.", "quarter", (1, 1), (3, 31)),
    ("The 1986/87 crop was large.", "season", (1, 1), (12, 31)),
])
def test_year_mention_periods(sentence, gran, first, last):
    m = D.year_mentions(sentence)[0]
    assert (m.gran, m.first, m.last) == (gran, first, last)


def test_weekday_clue_scores_only_inside_the_window():
    clues = D.weekday_date_clues("It opens on Monday, January 23.", 0, 1, 19, [2016, 2017, 2018], window=(2016, 2017))
    assert clues[0].scores[2017] > 0 > clues[0].scores[2016]
    assert clues[0].scores[2018] < 0
    assert D.weekday_date_clues("It opens on Monday, January 23.", 0, 1, 19, [2017], window=None) == []


def test_combiner_needs_a_clear_lead():
    weak = D.Clue("year_mention", "1986", 0, 4, {1986: 0.5, 1987: 0.0})
    assert D.combine([weak], [1986, 1987]).year is None
    strong = D.Clue("weekday_date", "Monday, January 23", 0, 18, {1986: -2.5, 1987: 2.5})
    guess = D.combine([weak, strong], [1986, 1987])
    assert guess.year == 1987 and "Monday, January 23" in guess.evidence


@pytest.mark.skipif(not SEED.exists(), reason="seed article missing")
def test_seed_year_inferred_from_text():
    doc = load_document(SEED)
    assert doc.title == "Russia invites US to Syria talks in Astana"
    assert doc.dateline.place == "Moscow" and doc.dateline.agency == "IANS"
    assert doc.text[doc.dateline.date_start:doc.dateline.date_end] == "Jan 19"
    assert (doc.dateline.date_start, doc.dateline.date_end) == (52, 58)
    t = D.document_time(doc)
    assert t.date == dt.date(2017, 1, 19) and t.source == "inferred"
    assert "Monday, January 23" in t.evidence


@pytest.mark.skipif(not SEED.exists(), reason="seed article missing")
def test_seed_with_pub_date_is_metadata():
    t = D.document_time(load_document(SEED), pub_date="2017-01-20")
    assert t.source == "metadata" and t.date == dt.date(2017, 1, 20)


def test_last_updated_line_has_low_confidence():
    t = D.document_time(split_document("Page last updated at 06:56 GMT, Tuesday, 8 November 2011\n\nThe trial went on."))
    assert t.date == dt.date(2011, 11, 8) and t.source == "dateline"
    assert t.confidence < 0.9 and "last-updated" in t.evidence


def test_year_clues_are_read_from_the_first_pages_only():
    filler = "Nothing dated happens here at all. " * 3000
    text = "OSLO, Jan 19 (AP) - Talks began in 2016. " + filler + "They resume on Monday, January 23."
    assert len(text) > D.INFER_CHARS
    assert D.document_time(split_document(text)).date is None
    assert D.document_time(split_document(text.replace(filler, ""))).date == dt.date(2017, 1, 19)


def test_front_matter_date_is_named_in_the_evidence():
    t = D.document_time(split_document("---\npublished: 2017-01-19\n---\nKABUL, Jan 19 (AP) — Talks went on."))
    assert "front matter published" in t.evidence


@pytest.mark.parametrize("sentence,found", [
    ("The couple wed June 3 in Paris.", False),      # a verb, not a weekday
    ("Talks open Wed. June 7 in Geneva.", True),
    ("Talks open WEDNESDAY, June 7 in Geneva.", True),
    ("Talks open on Monday, January 23, 2017.", False),   # the year is printed: an explicit date, not a clue
])
def test_weekday_date_recognition(sentence, found):
    assert bool(D.weekday_date_clues(sentence, 0, 6, 1, [2016, 2017], window=(2016, 2017))) == found
