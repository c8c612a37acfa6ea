"""Context for the time-expression tagger: the narrative's own dates, quotes, and stories with no document time.

Small invented passages in wire-story shapes. Each case names the phrase (its first occurrence in the
passage unless an occurrence index is given) and the value it must get. 2017-01-19 is a Thursday.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

import pytest

from timeline.timex.tagger import tag

THU = "2017-01-19"  # Thursday: the week runs Monday 16 to Sunday 22
NOV2 = "2016-11-02"  # Wednesday


def bug(reason: str):
    return pytest.mark.xfail(reason=reason, strict=True)


@lru_cache(maxsize=None)
def _tags(text: str, dct: str | None):
    return tuple(tag(text, dt.date.fromisoformat(dct) if dct else None))


def _show(tags) -> str:
    return "; ".join(f"{t.text!r}[{t.start}:{t.end}] {t.type} {t.value} resolved={t.resolved} ({t.rule}, "
                     f"{t.anchor or 'no anchor'})" for t in tags) or "nothing"


def _at(text: str, dct: str | None, phrase: str, nth: int = 0):
    """The one expression covering the nth occurrence of `phrase` (its extent must end where the phrase ends)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    end = start + len(phrase)
    tags = _tags(text, dct)
    hits = [t for t in tags if t.start < end and start < t.end]
    assert len(hits) == 1, f"{phrase!r} #{nth}: expected one expression, got {_show(tags)}"
    assert hits[0].end == end and hits[0].start <= start, f"{phrase!r}: extent {_show(hits)}"
    return hits[0]


# ---- a history told in the past takes the narrative's year --------------------------------------------------

HISTORY = ("In October 1954, the French garrison withdrew from the north. On November 12, the last convoy "
           "left Hanoi. A week later, the new government took office.")
HISTORY_THEN_NEWS = ("In October 1954, the French withdrew. On November 12, the last convoy left. "
                     "Veterans will gather on Saturday to mark the day.")
HISTORY_THEN_REPORT = ("The war ended in 1954. In October 1954, the French withdrew. On November 12, the last "
                       "convoy left Hanoi. The prime minister said on Thursday that the anniversary would be marked "
                       "with a parade.")
YEAR_IN_SENTENCE = "In 2011, protests began in March and spread to the south."


@pytest.mark.parametrize("text, dct, phrase, value", [
    pytest.param(HISTORY, THU, "October 1954", "1954-10", id="history-explicit"),
    pytest.param(HISTORY, THU, "November 12", "1954-11-12", id="history-yearless-day-takes-1954"),
    pytest.param(HISTORY, THU, "A week later", "1954-11-19", id="history-a-week-later"),
    pytest.param(HISTORY, None, "November 12", "1954-11-12", id="history-no-dct"),
    pytest.param(HISTORY_THEN_NEWS, THU, "November 12", "1954-11-12", id="history-then-future"),
    pytest.param(HISTORY_THEN_NEWS, THU, "Saturday", "2017-01-21", id="future-weekday-back-to-dct"),
    pytest.param(HISTORY_THEN_REPORT, THU, "November 12", "1954-11-12", id="history-after-bare-year"),
    pytest.param(HISTORY_THEN_REPORT, THU, "Thursday", "2017-01-19", id="reporting-weekday-after-history"),
    pytest.param(YEAR_IN_SENTENCE, THU, "March", "2011-03", id="sentence-own-year"),
    pytest.param("The rebels took the town in June 2014. In December, the army retook it.", THU,
                 "December", "2014-12", id="month-after-month-year-goes-forward"),
    pytest.param("The war began in 2011. By December 2012, the rebels held half the country. In March, they "
                 "took the capital.", THU, "March", "2013-03", id="march-after-december-2012-is-2013"),
    pytest.param("The war began in March 2011. The rebels took Aleppo in July.", THU, "July", "2011-07",
                 id="july-after-march-2011"),
    pytest.param("The rebels took the town in June 2014. In December, the army will launch a new offensive.", THU,
                 "December", "2017-12", id="future-sentence-leaves-the-narrative"),
    pytest.param("The rebels took the town in June 2014. The army retook it on Monday.", THU,
                 "Monday", "2017-01-16", id="weekday-after-history-is-news"),
    pytest.param("The ceasefire collapsed on Nov. 3, 2015. Last year, a new truce was agreed.", THU,
                 "Last year", "2016", id="last-year-counts-from-the-document"),
    pytest.param("On Monday, the rebels attacked the town. Two days later, the army struck back.", THU,
                 "Two days later", "2017-01-18", id="two-days-after-monday"),
    pytest.param("The talks will begin on Feb. 2. Two days later, the ministers will meet in Geneva.", THU,
                 "Two days later", "2017-02-04", id="two-days-after-a-future-date"),
    pytest.param("The rebels declared victory on Jan. 1, 1959. Young Cubans have played a large part in the "
                 "campaign. The boat sank in late November off the coast.", "2000-04-01",
                 "late November", "1999-11", id="present-sentence-ends-the-history"),
    pytest.param("The two men charged in the Dec. 21, 1988, bombing were freed. They were removed from the list "
                 "after the leader agreed in April to hand them over.", "1999-06-07",
                 "April", "1999-04", id="a-date-inside-a-noun-phrase-sets-no-narrative"),
    pytest.param("Share prices closed lower on Friday. The index ended at 2082.1, down 4.5% from the previous "
                 "Friday.", "2017-01-23", "the previous Friday", "2017-01-13", id="the-previous-friday-of-the-story"),
    pytest.param("The FBI is investigating the bombings which killed 224 people, including 12 Americans, on Aug. 7, "
                 "1998. He rented a house there. Police arrested him at the airport on Thursday morning.", THU,
                 "Thursday morning",
                 "2017-01-19", id="a-past-date-on-a-present-verb-is-no-narrative-step"),
    pytest.param("It had been due to expire Friday evening.", "2017-01-23", "Friday evening", "2017-01-20",
                 id="had-been-due-to-expire-is-past"),
    pytest.param("Among the first countries to join the alliance on Friday were Poland and Hungary.", "2017-01-21",
                 "Friday", "2017-01-20", id="infinitive-subject-of-be-is-no-plan"),
    pytest.param("Exports rose to 1.4 billion dlrs in February against 1.2 billion in January and were slightly below "
                 "the same month last year.", "2017-03-02", "the same month last year", "2016-02",
                 id="a-baseline-month-sets-no-narrative"),
    pytest.param("Imports rose in January. Sales rose 14 pct from a year earlier in the first 20 days of February.",
                 "2017-03-02", "a year earlier", "2016-02", id="year-earlier-than-the-clause-own-month"),
    pytest.param("Demand weakened in the second half of 2016, leading to a cut over the whole of the year.",
                 "2017-03-02", "the year", "2016", id="the-whole-of-the-year-just-told"),
])
def test_narrative(text, dct, phrase, value):
    t = _at(text, dct, phrase)
    assert t.value == value, _show([t])


def test_a_baseline_year_is_not_the_story_year():
    text = ("Exports were 310 mln dlrs in February, against 295 mln in February, 2016. He said the February "
            "results were good.")
    t = _at(text, "2017-03-02", "February", 2)
    assert t.value == "2017-02", _show([t])


# ---- results stories: the quarter reported on, and comparisons with it ----------------------------------------

EARNINGS = ("Acme Corp. posted a 20% gain in third-quarter net income. Acme said the storm last month will result "
            "in a fourth-quarter charge of $10 million. Its profit fell 9% in the latest quarter. It earned $2 million "
            "in the 1988 quarter. For the year, sales were flat. Analysts think it will report losses through the second "
            "quarter of 1990. In the year-earlier quarter, it earned $5 million. In the first nine months, "
            "net rose, compared with a loss in the 1988 period.")
RESULTS = ("Acme posted a net loss for the third quarter ended Sept. 30. These results compare with net income for "
           "the corresponding period last year. Sales in the current year fell. U.K. sales for last year's quarter "
           "were about $3 million. For the quarter a year ago, Acme earned $2 million. Net for the year-earlier nine "
           "months rose.")
FISCAL = ("Acme's earnings rose 33% in the fiscal first quarter. Acme reported sales of $538 million for the quarter "
          "ended Sept. 29. Earlier this month, it said it expected to break even for the quarter.")
FISCAL_AHEAD = ("Acme reported second fiscal quarter net of 5 mln dlrs against 3 mln dlrs in the second fiscal quarter "
                "last year. Sales in the quarter rose 5 pct.")
Q3 = "Acme's third-quarter net rose 9%. "


@pytest.mark.parametrize("text, dct, phrase, nth, value", [
    pytest.param(EARNINGS, NOV2, "the latest quarter", 0, "2016-Q3", id="latest-quarter-is-not-a-forecast"),
    pytest.param(EARNINGS, NOV2, "the 1988 quarter", 0, "1988-Q3", id="the-1988-quarter-is-the-story-quarter"),
    pytest.param(EARNINGS, NOV2, "year-earlier quarter", 0, "2015-Q3", id="year-earlier-after-a-forecast"),
    pytest.param(EARNINGS, NOV2, "the year", 0, "2016", id="for-the-year-is-the-reporting-year"),
    pytest.param(EARNINGS, NOV2, "the 1988 period", 0, "1988", id="the-1988-period-after-nine-months"),
    pytest.param(RESULTS, NOV2, "the corresponding period last year", 0, "2015-Q3", id="corresponding-period-last-year"),
    pytest.param(RESULTS, NOV2, "last year's quarter", 0, "2015-Q3", id="last-years-quarter"),
    pytest.param(RESULTS, NOV2, "the quarter a year ago", 0, "2015-Q3", id="the-quarter-a-year-ago"),
    pytest.param(RESULTS, NOV2, "the year-earlier nine months", 0, "2015", id="nine-months-are-no-quarter"),
    pytest.param(FISCAL, "2016-10-26", "the quarter", 0, "2016-Q1", id="quarter-ended-in-a-fiscal-story"),
    pytest.param(FISCAL, "2016-10-26", "the quarter", 1, "2016-Q1", id="the-quarter-after-another-date"),
    pytest.param(FISCAL_AHEAD, "2017-03-05", "the second fiscal quarter last year", 0, "2016-Q2",
                 id="fiscal-quarter-last-year"),
    pytest.param(FISCAL_AHEAD, "2017-03-05", "the quarter", 0, "2017-Q2", id="the-quarter-is-the-fiscal-quarter-reported"),
    pytest.param(Q3 + "Its insurance arm earned $24 million, compared with a loss of $3 million last year.", NOV2,
                 "last year", 0, "2015-Q3", id="last-year-in-a-quarter-comparison"),
    pytest.param(Q3 + "Oil prices were higher than a year ago.", NOV2, "a year ago", 0, "2015-Q3",
                 id="a-year-ago-in-a-quarter-comparison"),
    pytest.param(Q3 + "Sales for the quarter ended Sept. 30 were $538.5 million, up 39% from $388.5 million a year "
                 "earlier.", NOV2, "a year earlier", 0, "2015-Q3", id="a-year-earlier-than-a-quarter-end"),
    pytest.param(Q3 + "For the nine months, net was $5 million, compared with $3 million last year.", NOV2,
                 "last year", 0, "2015", id="nine-months-compare-with-the-year"),
    pytest.param(Q3 + "Sales rose from last year's $1.5 billion.", NOV2, "last year", 0, "2015",
                 id="last-years-figure-is-the-year"),
    pytest.param(Q3 + "The chief executive joined the firm last year.", NOV2, "last year", 0, "2015",
                 id="last-year-without-a-comparison"),
])
def test_results_story(text, dct, phrase, nth, value):
    t = _at(text, dct, phrase, nth)
    assert t.value == value, _show([t])
    assert t.resolved


# ---- quotes count from when they were said ---------------------------------------------------------------------

Q_AFTER = "“I met him yesterday,” the minister said on Wednesday."
Q_BEFORE = "The minister said on Wednesday: “We signed the deal yesterday.”"
Q_TOMORROW = "“We will sign the deal tomorrow,” he said on Tuesday."
Q_WEEKDAY = "“The talks will start on Monday,” the envoy said on Tuesday."
Q_LAST_WEEK = "The envoy said on Tuesday: “The talks started last week.”"
Q_UNDATED = "“We met yesterday,” the minister said."
Q_SINGLE = "‘I met him yesterday,’ the minister said on Wednesday."
Q_SINGLE_ASCII = "'I met him yesterday,' the minister said on Wednesday."
Q_TREEBANK = "``I met him yesterday,'' the minister said on Wednesday."
Q_CONTINUED = "“We will meet again tomorrow,” the envoy told reporters on Tuesday. “Today was productive.”"
Q_TWO_SENTENCES = "He said on Wednesday: “We met yesterday. We will meet again tomorrow.”"
Q_DEC30 = "“We will win this year,” the commander said on Dec. 30."
Q_DEC30_WEEK = "“The talks start next week,” the envoy said on Dec. 30."
Q_INDIRECT = "The minister said on Wednesday that he had met the envoy yesterday."
Q_SEED_SHAPE = ("Lavrov told the media on Thursday. “As I said yesterday (Wednesday), we have already invited "
                "them,” he said.")


@pytest.mark.parametrize("text, phrase, value", [
    pytest.param(Q_AFTER, "yesterday", "2017-01-17", id="yesterday-quote-said-wednesday"),
    pytest.param(Q_AFTER, "Wednesday", "2017-01-18", id="reporting-wednesday"),
    pytest.param(Q_BEFORE, "yesterday", "2017-01-17", id="reporting-clause-first"),
    pytest.param(Q_TOMORROW, "tomorrow", "2017-01-18", id="tomorrow-said-tuesday"),
    pytest.param(Q_WEEKDAY, "Monday", "2017-01-23", id="future-weekday-in-quote"),
    pytest.param(Q_LAST_WEEK, "last week", "2017-W02", id="last-week-said-tuesday"),
    pytest.param(Q_UNDATED, "yesterday", "2017-01-18", id="quote-without-day-counts-from-dct"),
    pytest.param(Q_SEED_SHAPE, "yesterday", "2017-01-18", id="said-on-dct-day"),
    pytest.param(Q_INDIRECT, "yesterday", "2017-01-18", id="indirect-speech-is-the-writers-yesterday"),
    pytest.param(Q_DEC30, "this year", "2016", id="this-year-said-last-december"),
    pytest.param(Q_DEC30_WEEK, "next week", "2017-W01", id="next-week-said-last-december"),
    pytest.param(Q_TWO_SENTENCES, "yesterday", "2017-01-17", id="quote-first-sentence"),
    pytest.param(Q_TWO_SENTENCES, "tomorrow", "2017-01-19", id="quote-second-sentence"),
    pytest.param(Q_CONTINUED, "tomorrow", "2017-01-18", id="quote-then-attribution"),
    pytest.param(Q_CONTINUED, "Today", "2017-01-17", id="quote-continued-after-attribution"),
    pytest.param(Q_SINGLE, "yesterday", "2017-01-17", id="curly-single-quotes"),
    pytest.param(Q_SINGLE_ASCII, "yesterday", "2017-01-17", id="ascii-single-quotes"),
    pytest.param(Q_TREEBANK, "yesterday", "2017-01-17", id="treebank-quotes"),
    pytest.param(Q_SEED_SHAPE, "Wednesday", "2017-01-18", id="restated-weekday"),
])
def test_quote(text, phrase, value):
    t = _at(text, THU, phrase)
    assert t.value == value, _show([t])


def test_quote_anchor_is_the_reporting_day():
    t = _at(Q_AFTER, THU, "yesterday")
    assert "2017-01-18" in t.anchor, _show([t])


# ---- no document time: relative values stay unresolved, absolute ones resolve ---------------------------------

@pytest.mark.parametrize("text, phrase, value", [
    pytest.param("The summit will be held on Monday.", "Monday", "XXXX-WXX-1", id="weekday"),
    pytest.param("“We met yesterday,” the minister said on Wednesday.", "Wednesday", "XXXX-WXX-3",
                 id="reporting-weekday"),
    pytest.param("The truce began on December 30.", "December 30", "XXXX-12-30", id="yearless-day"),
    pytest.param("Troops will withdraw in March.", "March", "XXXX-03", id="bare-month"),
])
def test_undated_relative_stays_unresolved(text, phrase, value):
    t = _at(text, None, phrase)
    assert t.value == value, _show([t])
    assert t.resolved is False, _show([t])


@pytest.mark.parametrize("text, phrase", [
    pytest.param("Talks resumed yesterday after a pause.", "yesterday", id="yesterday"),
    pytest.param("Troops withdrew last month.", "last month", id="last-month"),
    pytest.param("The rebels left three days ago.", "three days ago", id="ago"),
    pytest.param("The talks will resume next week.", "next week", id="next-week"),
    pytest.param("“We met yesterday,” the minister said on Wednesday.", "yesterday", id="quote"),
])
def test_undated_deictic_is_not_invented(text, phrase):
    """Whatever placeholder the value uses, it holds no digits of a year and is flagged unresolved."""
    t = _at(text, None, phrase)
    assert t.resolved is False, _show([t])
    assert not any(ch.isdigit() for ch in t.value), _show([t])
    assert t.interval_start == "" and t.interval_end == "", _show([t])


@pytest.mark.parametrize("text, phrase, value", [
    pytest.param("Protests erupted in March 2011.", "March 2011", "2011-03", id="month-year"),
    pytest.param("Talks resumed on Monday, January 23, 2017, in Astana.", "Monday, January 23, 2017", "2017-01-23",
                 id="full-date"),
    pytest.param("The talks collapsed in 2016.", "2016", "2016", id="year"),
    pytest.param("The war began in the 1990s.", "the 1990s", "199", id="decade"),
    pytest.param("The truce has held for three days.", "three days", "P3D", id="duration"),
])
def test_undated_absolute_still_resolves(text, phrase, value):
    t = _at(text, None, phrase)
    assert t.value == value, _show([t])
    assert t.resolved is True, _show([t])


def test_undated_never_uses_today():
    """No value may mention the machine's current year when the text never does."""
    text = ("Talks resumed yesterday. The envoy will return next month. Troops withdrew last year. "
            "The truce began on December 30. The vote is on Monday.")
    this_year = str(dt.date.today().year)
    for t in _tags(text, None):
        assert this_year not in t.value, _show([t])
        assert not t.resolved, _show([t])


# ---- a background year does not pull the news into the past -----------------------------------------------------

@pytest.mark.parametrize("text, phrase, value", [
    pytest.param("Exports rose 4 percent compared with 2015, the agency said. Officials met on Monday to discuss "
                 "the figures.", "Monday", "2017-01-16", id="compared-with-2015-past-monday"),
    pytest.param("Exports rose 4 percent compared with 2015, the agency said. The minister will present the "
                 "figures on Monday.", "Monday", "2017-01-23", id="compared-with-2015-future-monday"),
    pytest.param("The economy grew faster than in 2015. Officials met on Monday to discuss the budget.",
                 "Monday", "2017-01-16", id="faster-than-in-2015"),
    pytest.param("In 2015, the economy shrank by 3 percent. The central bank cut rates on Monday.",
                 "Monday", "2017-01-16", id="in-2015-then-monday"),
    pytest.param("Unemployment fell to 7 percent from 9 percent in 2015. On Monday, the minister said the trend "
                 "would continue.", "Monday", "2017-01-16", id="from-9-percent-in-2015"),
    pytest.param("The dispute began in 2014. The two sides met on Monday in Minsk.", "Monday", "2017-01-16",
                 id="began-in-2014"),
    pytest.param("Inflation reached 9 percent in 2015, up from 4 percent in 2014. The government said on Monday "
                 "it would cap prices.", "Monday", "2017-01-16", id="said-monday-it-would"),
    pytest.param("Sales fell 3 percent from 2015 levels. Ministers will meet in March to set a target.",
                 "March", "2017-03", id="background-year-then-future-month"),
])
def test_background_year_does_not_move_news(text, phrase, value):
    t = _at(text, THU, phrase)
    assert t.value == value, _show([t])


# ---- the whole temporal core: document time, then the tagger -----------------------------------------------------

def test_annotate_tags_the_dateline_as_the_document_time():
    from timeline.document import split_document
    from timeline.temporal import annotate

    text = ("Talks set for Astana\n\nMOSCOW, Jan. 19, 2017 (IANS) Russia has invited the US to the talks, Foreign "
            "Minister Sergey Lavrov said on Thursday. The meeting will open on Monday.\n")
    ann = annotate(split_document(text))
    assert ann.dct.date == dt.date(2017, 1, 19)
    assert ann.dct.source == "dateline"
    by_value = {t.value: t for t in ann.timexes}
    dateline = [t for t in ann.timexes if t.rule.endswith("+dateline")]
    assert len(dateline) == 1 and dateline[0].value == "2017-01-19", _show(ann.timexes)
    assert text[dateline[0].start:dateline[0].end].startswith("Jan. 19")
    assert "2017-01-23" in by_value  # the coming Monday
    for t in ann.timexes:
        assert text[t.start:t.end] == t.text


def test_annotate_pub_date_wins():
    from timeline.document import split_document
    from timeline.temporal import annotate

    text = "MOSCOW, Jan 19 (IANS) Russia said on Thursday it had invited the US.\n"
    ann = annotate(split_document(text), pub_date=dt.date(2017, 1, 19))
    assert ann.dct.source == "metadata"
    assert {t.value for t in ann.timexes} == {"2017-01-19"}


def test_annotate_undated_flags_and_invents_nothing():
    from timeline.document import split_document
    from timeline.temporal import annotate

    ann = annotate(split_document("The council said on Thursday that it would meet again next week.\n"))
    assert ann.dct.date is None
    assert ann.dct.source == "none"
    assert ann.timexes and all(not t.resolved for t in ann.timexes)


def test_headline_present_tense_is_news_past():
    from timeline.document import split_document
    from timeline.temporal import annotate

    text = ("Rebels seize airport on Monday\n\nBEIRUT, Jan. 19, 2017 (Reuters) - Syrian rebels seized the airport "
            "on Monday after a week of fighting, a monitor said.\n")
    ann = annotate(split_document(text))
    mondays = [t for t in ann.timexes if t.text == "Monday"]
    assert len(mondays) == 2
    assert [t.value for t in mondays] == ["2017-01-16", "2017-01-16"], _show(mondays)


# ---- a whole invented story: every expression, resolved against 2017-03-02 (a Thursday) --------------------------

STORY = """Syrian rebels quit valley near Damascus

BEIRUT, March 2 (Wire) - Syrian rebels began leaving a valley near Damascus on Thursday under a deal reached a day earlier, state media said.

The valley, which supplies most of the capital's water, was cut off on Dec. 22 when fighting damaged the main spring. Water was restored on Jan. 28 after a five-week outage.

"The first buses left at 7 a.m.," a resident said by phone. "More will leave tomorrow."

The government has signed a string of such deals since last summer. In 2016, more than 20,000 people left besieged areas, according to the United Nations.

Talks in Geneva are due to resume next week, the U.N. envoy said on Wednesday.
"""
STORY_DCT = "2017-03-02"
STORY_GOLD = [
    ("March 2", "2017-03-02"), ("Thursday", "2017-03-02"), ("a day earlier", "2017-03-01"),
    ("Dec. 22", "2016-12-22"), ("Jan. 28", "2017-01-28"), ("five-week", "P5W"),
    ("7 a.m.", "2017-03-02T07:00"), ("tomorrow", "2017-03-03"), ("last summer", "2016-SU"), ("2016", "2016"),
    ("next week", "2017-W10"), ("Wednesday", "2017-03-01"),
]


@pytest.mark.parametrize("phrase, value", [
    pytest.param(p, v, id=p) for p, v in STORY_GOLD])
def test_story(phrase, value):
    t = _at(STORY, STORY_DCT, phrase)
    assert t.value == value, _show([t])


def test_story_has_nothing_else():
    found = sorted(t.text for t in _tags(STORY, STORY_DCT))
    assert found == sorted(p for p, _ in STORY_GOLD)







def test_mod_of_late_weekday():
    t = _at("Rebels attacked the base late Wednesday.", THU, "late Wednesday")
    assert (t.value, t.mod) == ("2017-01-18", "END"), _show([t])


def test_a_run_of_days_has_one_interval():
    t = _at("Talks are set for Jan. 23-24 in Astana.", THU, "Jan. 23-24")
    assert (t.value, t.interval_start, t.interval_end) == ("2017-01-23", "2017-01-23", "2017-01-25"), _show([t])


@pytest.mark.parametrize("text, phrase, interval", [
    ("Wheat output in 1986/87 rose.", "1986/87", ("1986-01-01", "1988-01-01")),
    ("He led the army in 2001-2008.", "2001-2008", ("2001-01-01", "2009-01-01")),
    ("Imports in January-March 2016 rose.", "January-March 2016", ("2016-01-01", "2016-04-01")),
    ("Sales in November-February 2016 rose.", "November-February 2016", ("2016-11-01", "2017-03-01")),
])
def test_runs_have_one_interval(text, phrase, interval):
    t = _at(text, THU, phrase)
    assert (t.interval_start, t.interval_end) == interval, _show([t])


def test_a_baseline_date_sets_no_narrative():
    """"compares with 5 pct in March 1986": a comparison, not the time the story is told in."""
    t = _at("The figure compares with 5 pct in March 1986. In February, exports fell 3 pct.", "1987-04-10", "February")
    assert t.value == "1987-02" and t.anchor.startswith("dct"), _show([t])




@pytest.mark.parametrize("phrase, value", [("last night", "2005-09-26TNI"), ("yesterday", "2005-10-01"),
                                           ("today", "2006-01-30")])
def test_a_dated_entry_is_its_lines_speech_time(phrase, value):
    text = ("Timeline of the crisis\nSept. 27: Blair and Brown were at odds last night, aides said.\n"
            "Oct. 2, 2005 - The party met yesterday.\nThe talks ended today.\n")
    t = _at(text, "2006-01-30", phrase)
    assert t.value == value, _show([t])


@pytest.mark.parametrize("text, phrase, value, resolved", [
    ("The season normally ends in February.", "February", "XXXX-02", False),
    ("Parliament usually meets in March.", "March", "XXXX-03", False),
    ("Troops always celebrate Christmas together.", "Christmas", "XXXX-12-25", False),
    ("The season ended in February.", "February", "2016-02", True),
])
def test_a_habit_names_no_particular_month(text, phrase, value, resolved):
    t = _at(text, "2016-06-01", phrase)
    assert (t.value, t.resolved) == (value, resolved), _show([t])












@pytest.mark.parametrize("text, mod", [("The plant could be expanded over five years.", ""),
                                       ("He has lived there for over five years.", "MORE_THAN")])
def test_over_is_more_than_only_as_a_quantifier(text, mod):
    t = _at(text, THU, "five years")
    assert t.mod == mod, _show([t])






def test_second_of_a_pair_keeps_the_mod():
    t = _at("Rains fell in late April and early May.", "2017-05-20", "early May")
    assert (t.value, t.mod) == ("2017-05", "START"), _show([t])




def test_a_table_number_is_not_a_count_of_years():
    """'vs 8,451,578 / Year ago' across a line break: the number belongs to the table, not to the unit."""
    text = "Sales were 9,451,578 vs 8,451,578\nYear ago."
    assert not [t for t in _tags(text, THU) if "8,451,578" in t.text], _show(_tags(text, THU))


# ---- the reference time a phrase is read against: passages, quotes, comparisons ------------------------------

@pytest.mark.parametrize("text, dct, phrase, nth, value", [
    pytest.param("The group was formed in the summer of 2009. Luton has had a renewed focus since a man blew himself "
                 "up in December.", "2011-02-10", "December", 0, "2010-12", id="present-perfect-ends-the-history"),
    pytest.param("The dossier, published in January 2003, had been drafted in September.", THU, "September", 0,
                 "2002-09", id="pluperfect-month-before-the-narrative"),
    pytest.param("The war began in March 2011 with protests against the president. In August 2013, an attack killed "
                 "hundreds. Two years later, Russia joined the war.", "2017-01-23", "Two years later", 0, "2015-08",
                 id="protests-against-someone-are-no-baseline"),
    pytest.param("Russia has vetoed six resolutions on Syria since 2011, most recently in October.", "2016-12-18",
                 "October", 0, "2016-10", id="start-of-a-running-span-sets-no-narrative"),
    pytest.param("Prices rose 2 pct from the previous week, after rising 3 pct from the previous week.", THU,
                 "the previous week", 1, "2017-W02", id="comparisons-do-not-chain"),
    pytest.param("In an interview on Tuesday, her lawyer said the case was weak. He added that police had no "
                 "evidence. \"She will be free tomorrow,\" he said.", THU, "tomorrow", 0, "2017-01-18",
                 id="quote-continues-the-paragraphs-dated-speech"),
    pytest.param("In an interview on Tuesday, her lawyer said the case was weak.\n\n\"She will be free tomorrow,\" he "
                 "said.", THU, "tomorrow", 0, "2017-01-20", id="quote-after-a-paragraph-break-keeps-the-story-time"),
    pytest.param("Officials said on Tuesday that the talks had failed. \"We have waited since yesterday,\" said one "
                 "man.", THU, "yesterday", 0, "2017-01-18", id="quote-by-a-new-speaker"),
])
def test_reference_time(text, dct, phrase, nth, value):
    t = _at(text, dct, phrase, nth)
    assert t.value == value, _show([t])


@pytest.mark.parametrize("text, dct, phrase, value", [
    pytest.param("Between 2011 and 2014 the war raged. The next day, the talks collapsed.", THU, "The next day",
                 "XXXX-XX-XX", id="next-day-after-years"),
    pytest.param("Last week the talks failed. Two days earlier, rebels had shelled the town.", THU, "Two days earlier",
                 "XXXX-XX-XX", id="days-counted-from-a-week"),
    pytest.param("The band played in June 2009. He left more than an hour later.", THU, "more than an hour later",
                 "XXXX-XX-XX", id="an-hour-after-a-month"),
    pytest.param("The war began in March 2011. In August 2013, a chemical attack killed hundreds.\n\n"
                 "The envoy plans to convene new talks in Geneva on Feb. 8, his office said.", None, "Feb. 8",
                 "XXXX-02-08", id="undated-plan-after-a-history"),
])
def test_no_day_is_invented(text, dct, phrase, value):
    """A day counted from a coarser date, or a plan with no document time, stays unresolved."""
    t = _at(text, dct, phrase)
    assert t.value == value and not t.resolved, _show([t])

