"""Dateline parsing: (dateline string -> place, month, day, year, agency), every rule's own example, and
ordinary body sentences that must not read as datelines."""
import pytest

from timeline.dateline import find_datelines, month_number_typo, parse_dateline, rules

CASES = [
    # text, place, month, day, year, agency
    ("Moscow, Jan 19 (IANS) Russia has invited the US", "Moscow", 1, 19, None, "IANS"),
    ("MOSCOW (Reuters) - Russia said", "MOSCOW", None, None, None, "Reuters"),
    ("WASHINGTON, March 2 - The Treasury said", "WASHINGTON", 3, 2, None, None),
    ("LONDON | Tue Mar 15 , 2011 1:48 pm GMT LONDON -LRB- Reuters -RRB- - Oil rose", "LONDON", 3, 15, 2011, "Reuters"),
    ("BEIRUT, Jan. 23 (AP) — Rebels said", "BEIRUT", 1, 23, None, "AP"),
    ("ASTANA, Kazakhstan, January 23 (Xinhua) -- Talks opened", "ASTANA, Kazakhstan", 1, 23, None, "Xinhua"),
    ("MOSCOW, January 17. /TASS/. The ministry said", "MOSCOW", 1, 17, None, "TASS"),
    ("WASHINGTON, Jan. 19, 2017 /PRNewswire/ -- Acme Corp said", "WASHINGTON", 1, 19, 2017, "PR Newswire"),
    ("23 January 2017 – The envoy arrived", None, 1, 23, 2017, None),
    ("By Jane Doe | January 19, 2017", None, 1, 19, 2017, None),
    ("PARIS, Sept. 5 (AFP) - Ministers met", "PARIS", 9, 5, None, "AFP"),
    ("WASHINGTON, Sept 5 (UPI) -- The Senate voted", "WASHINGTON", 9, 5, None, "UPI"),
    ("BERLIN, Feb 3 (dpa) - The chancellor said", "BERLIN", 2, 3, None, "dpa"),
    ("NEW DELHI, Feb 3 (ANI): The minister said", "NEW DELHI", 2, 3, None, "ANI"),
    ("MUMBAI, Feb 3 (PTI) The index rose", "MUMBAI", 2, 3, None, "PTI"),
    ("ANKARA (AA) - Turkey said", "ANKARA", None, None, None, "Anadolu"),
    ("(CNN) -- Lawmakers voted on Tuesday", None, None, None, None, "CNN"),
    ("Tripoli , Libya -LRB- CNN -RRB- -- Fighting went on", "Tripoli , Libya", None, None, None, "CNN"),
    ("DAMASCUS, 4 March (SANA) – The army said", "DAMASCUS", 3, 4, None, "SANA"),
    ("CAIRO, Monday, Jan 23 (Reuters) - Egypt said", "CAIRO", 1, 23, None, "Reuters"),
    ("RICHMOND, Va., Feb 26 - Dominion said", "RICHMOND, Va.", 2, 26, None, None),
    ("JOHANNESBURG March 13 - Gold fell", "JOHANNESBURG", 3, 13, None, None),
    ("ROME, March 13, Reuter - Italy said", "ROME", 3, 13, None, "Reuters"),
    ("KABUL, Afghanistan, Dec. 1 (AP) — A bomb exploded", "KABUL, Afghanistan", 12, 1, None, "AP"),
    ("GENEVA, 12 Nov 2019 – Delegates agreed", "GENEVA", 11, 12, 2019, None),
    ("TOKYO - Shares fell", "TOKYO", None, None, None, None),
    ("Updated 1:48 PM ET, Thu January 19, 2017", None, 1, 19, 2017, None),
    ("NEW YORK, Narch 2 - Stocks rose", "NEW YORK", 3, 2, None, None),
    ("sioux falls, april 7 - Hog prices", "sioux falls", 4, 7, None, None),
    ("Jan 19 (Reuters) - Oil prices rose", None, 1, 19, None, "Reuters"),
    ("Thursday 19 January 2017 10.30 GMT", None, 1, 19, 2017, None),
    ("2017-01-19", None, 1, 19, 2017, None),
    ("2017-01-19T10:22:00Z", None, 1, 19, 2017, None),
    ("2017-01-19 10:22:00+03:00", None, 1, 19, 2017, None),
    ("January 19, 2017 | 10:22 AM", None, 1, 19, 2017, None),
    ("Updated 19.01.2017 14:32", None, 1, 19, 2017, None),
    ("Published 19/01/2017", None, 1, 19, 2017, None),
    ("KANSAS CITY, Mo. - March 13 - Wheat rose", "KANSAS CITY, Mo.", 3, 13, None, None),
    ("GRONINGEN, the Netherlands, March 31 - Gas output", "GRONINGEN, the Netherlands", 3, 31, None, None),
    ("****LONDON, March 5 - Gold rose", "LONDON", 3, 5, None, None),
]


@pytest.mark.parametrize("text,place,month,day,year,agency", CASES)
def test_parse_dateline(text, place, month, day, year, agency):
    dl = parse_dateline(text)
    assert dl is not None, text
    assert (dl.place, dl.month, dl.day, dl.year, dl.agency) == (place, month, day, year, agency)
    assert text[dl.start:dl.end] == dl.text
    if month is not None:
        assert dl.date_start is not None and dl.date_end > dl.date_start
        assert any(ch.isdigit() for ch in text[dl.date_start:dl.date_end])


@pytest.mark.parametrize("text,date_text", [
    ("Moscow, Jan 19 (IANS) Russia has", "Jan 19"),
    ("ASTANA, Kazakhstan, January 23 (Xinhua) --", "January 23"),
    ("LONDON | Tue Mar 15 , 2011 1:48 pm GMT LONDON -LRB- Reuters -RRB- -", "Tue Mar 15 , 2011"),
    ("WASHINGTON, Jan. 19, 2017 /PRNewswire/ --", "Jan. 19, 2017"),
])
def test_date_span_is_the_date_part(text, date_text):
    dl = parse_dateline(text)
    assert text[dl.date_start:dl.date_end] == date_text


@pytest.mark.parametrize("text", [
    "Moscow, however, says it will not attend.",
    "Russia, President Bashar al-Assad's most powerful ally, set the effort in motion.",
    "Washington has not replied.",
    "The meeting will be held on Monday, January 23.",
    "In March 2011 protests escalated.",
    "MAR8  --     --",
    "Paris, 5 septembre (AFP) -",        # French month names are not in the rules
    "Washington, Feb 30 - impossible day",
    "Updated 01/02/2017",                  # day and month could be either way round: not read
    "March 14, 2003: Troops cross the border.",   # a chronology entry, not a dateline
    "2017-02-30",
])
def test_not_a_dateline(text):
    assert parse_dateline(text) is None


def test_weekday_is_kept():
    dl = parse_dateline("CAIRO | Mon Mar 7 , 2011 6:56 pm EST CAIRO -LRB- Reuters -RRB- -")
    assert dl.weekday == "Monday" and dl.time == "6:56 pm EST"


@pytest.mark.parametrize("rule", rules(), ids=lambda r: r.name)
def test_every_rule_matches_its_example(rule):
    assert rule.pattern.match(rule.example), rule.name


def test_pipe_dateline_found_inside_a_line():
    text = ("By Ann Lee, Health Editor WASHINGTON | Tue Jun 30 , 2009 4:18 am IST WASHINGTON -LRB- Reuters -RRB- - "
            "The flu spread.")
    found = find_datelines(text, 0, len(text))
    dated = [d for d in found if d.has_date]
    assert dated[0].place == "WASHINGTON" and (dated[0].year, dated[0].month, dated[0].day) == (2009, 6, 30)


@pytest.mark.parametrize("word,month", [("Narch", 3), ("Mach", 3), ("Marc", 3), ("Apri", 4), ("Septmber", 9),
                                        ("Xyzzy", None), ("Ju", None)])
def test_month_typos(word, month):
    assert month_number_typo(word) == month
