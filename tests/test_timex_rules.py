"""Rule tables for the time-expression tagger (timeline.timex.tagger.tag), dateparser style.

Each case is (sentence, document date, expected text, expected TIMEX3 type, expected value, rule family).
The sentences are invented in the shapes news wires print. The expected text must be found in the
sentence, and the tagger must return exactly that extent (same start and end), with that type and value;
no other expression may overlap it. The rule column documents which rule of data/timex/rules.tsv the case
exercises: `test_rule` checks the tagger names it, and `test_every_rule_is_exercised` that each rule of the
file fires on at least two cases here.

Document dates (weekdays checked by `test_document_dates_are_the_weekdays_named`; others used inline are
listed in WEEKDAY_OF):
  2017-01-19 Thursday (the seed's dateline day), 2017-01-10 Tuesday, 2016-12-15 Thursday,
  2017-02-09 Thursday, 2017-05-02 Tuesday, 2017-09-12 Tuesday, 2017-10-12 Thursday,
  2017-11-02 Thursday, 2016-11-20 Sunday, 2016-06-30 Thursday, 2016-11-02 Wednesday.

Known bugs are kept as strict xfails: they start failing (XPASS) once fixed, so the marker gets removed.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from functools import lru_cache

import pytest

from timeline.paths import data_path
from timeline.timex.tagger import tag

THU = "2017-01-19"      # Thursday
TUE_JAN = "2017-01-10"  # Tuesday
DEC = "2016-12-15"      # Thursday
FEB = "2017-02-09"      # Thursday
MAY = "2017-05-02"      # Tuesday
SEP = "2017-09-12"      # Tuesday
OCT = "2017-10-12"      # Thursday
NOV = "2017-11-02"      # Thursday
THANKS = "2016-11-20"   # Sunday; Thanksgiving 2016 was Thursday, November 24
JUL = "2016-06-30"      # Thursday
NOV16 = "2016-11-02"    # Wednesday

WEEKDAY_OF = {THU: "Thursday", TUE_JAN: "Tuesday", DEC: "Thursday", FEB: "Thursday", MAY: "Tuesday",
              SEP: "Tuesday", OCT: "Thursday", NOV: "Thursday", THANKS: "Sunday", JUL: "Thursday",
              NOV16: "Wednesday",
              # used inline (calendar edges, holidays):
              "2016-01-05": "Tuesday", "2016-02-29": "Monday", "2016-03-01": "Tuesday", "2016-11-17": "Thursday",
              "2016-12-06": "Tuesday", "2016-12-20": "Tuesday", "2016-12-29": "Thursday", "2017-01-01": "Sunday",
              "2017-01-02": "Monday", "2017-01-20": "Friday", "2017-01-22": "Sunday", "2017-05-20": "Saturday",
              "2017-02-20": "Monday", "2017-02-22": "Wednesday", "2017-03-05": "Sunday", "1988-06-29": "Wednesday",
              "1988-06-28": "Tuesday", "1987-03-02": "Monday", "1987-03-10": "Tuesday",
              "1987-05-02": "Saturday", "2017-02-24": "Friday", "2017-03-20": "Monday", "2016-10-26": "Wednesday", "2017-01-23": "Monday",
              "2017-04-20": "Thursday", "2017-08-10": "Thursday"}


def bug(reason: str):
    return pytest.mark.xfail(reason=reason, strict=True)


class Bug:
    """A known bug on a table row. `rule_too`: the tagger also names another rule (or none) for it."""

    def __init__(self, reason: str, rule_too: bool = False):
        self.reason, self.rule_too = reason, rule_too


def bug_rule(reason: str) -> Bug:
    return Bug(reason, rule_too=True)


def C(sentence, dct, text, typ, value, rule, known: Bug | None = None):
    """One table row. `value` may be a set of acceptable values."""
    return (sentence, dct, text, typ, value, rule, known)


def _params(rows, for_rule: bool):
    out = []
    for sentence, dct, text, typ, value, rule, known in rows:
        marks = []
        if known is not None and (known.rule_too or not for_rule):
            marks = [bug(known.reason)]
        out.append(pytest.param(sentence, dct, text, typ, value, rule, marks=marks, id=f"{rule}:{text}"))
    return out


CASES = [
    # ---- full dates: weekday, month, day, year ------------------------------------------------------
    C("The summit will open on Monday, January 23, 2017, in the Kazakh capital.", TUE_JAN,
      "Monday, January 23, 2017", "DATE", "2017-01-23", "date_wd_mdy"),
    C("Delegates are due to arrive on Thursday, Jan. 19, officials said.", TUE_JAN,
      "Thursday, Jan. 19", "DATE", "2017-01-19", "date_wd_mdy"),
    C("The vote is set for Tuesday, March 7 in the lower house.", TUE_JAN,
      "Tuesday, March 7", "DATE", "2017-03-07", "date_wd_mdy"),
    C("The accord was signed on January 23, 2017, in Geneva.", MAY,
      "January 23, 2017", "DATE", "2017-01-23", "date_mdy"),
    C("Fighting resumed on Sept. 30 after the talks collapsed.", MAY,
      "Sept. 30", "DATE", "2016-09-30", "date_mdy"),
    C("Fighting raged from March 3 to March 5.", THU, "March 5", "DATE", "2016-03-05", "date_mdy"),
    C("The truce, which began on December 30, has largely held.", THU,
      "December 30", "DATE", "2016-12-30", "date_mdy"),
    C("The ceasefire deal of Dec. 30 is holding.", THU, "Dec. 30", "DATE", "2016-12-30", "date_mdy"),
    C("The truce, in force since Dec. 30, is largely holding.", THU, "Dec. 30", "DATE", "2016-12-30", "date_mdy"),
    C("The truce has held since December 30.", THU, "December 30", "DATE", "2016-12-30", "date_mdy"),
    C("The deal, reached on Dec. 30, is largely holding.", THU, "Dec. 30", "DATE", "2016-12-30", "date_mdy"),
    C("The summit, scheduled for June 5, is expected to draw 30 leaders.", MAY, "June 5", "DATE", "2017-06-05",
      "date_mdy"),
    C("Talks will resume on January 10, the envoy said.", DEC,
      "January 10", "DATE", "2017-01-10", "date_mdy"),
    # tokenised text (Timeline17 prints " , " between day and year)
    C("The talks ended on March 15 , 2011 in Geneva .", MAY, "March 15 , 2011", "DATE", "2011-03-15", "date_mdy"),
    C("Protests erupted in Cairo on Tue Mar 15 , 2011 , witnesses said .", MAY, "Tue Mar 15 , 2011", "DATE",
      "2011-03-15", "date_wd_mdy"),
    # day-month order
    C("Elections were held on 23 January 2017 across the country.", MAY,
      "23 January 2017", "DATE", "2017-01-23", "date_dmy"),
    C("The minister arrived on Monday 1 May for a two-day visit.", MAY,
      "Monday 1 May", "DATE", "2017-05-01", "date_dmy"),
    C("The deal expires on the 5th of June, officials said.", MAY,
      "the 5th of June", "DATE", "2017-06-05", "date_dmy"),
    # month and year
    C("The rebels seized the town in January 2016.", MAY, "January 2016", "DATE", "2016-01", "date_my"),
    C("Protests erupted in March of 2011 in the southern city.", MAY, "March of 2011", "DATE", "2011-03", "date_my"),
    C("Troops withdrew in mid-December 1998 under the accord.", MAY,
      "mid-December 1998", "DATE", "1998-12", "date_my"),
    C("The ceasefire collapsed in early March 2011 after protests spread.", MAY,
      "early March 2011", "DATE", "2011-03", "date_my"),
    # ISO and slash dates
    C("The statement, dated 2017-01-19, was posted online.", MAY, "2017-01-19", "DATE", "2017-01-19", "date_iso"),
    C("Registration closed on 2016-11-30.", MAY, "2016-11-30", "DATE", "2016-11-30", "date_iso"),
    C("The memo dated 1/19/2017 was leaked to reporters.", MAY, "1/19/2017", "DATE", "2017-01-19", "date_us_slash"),
    C("A letter dated 03/04/16 was shown to the court.", MAY, "03/04/16", "DATE", "2016-03-04", "date_us_slash"),
    # ---- bare months: tense decides the year --------------------------------------------------------
    C("The truce began in December and has largely held.", THU, "December", "DATE", "2016-12", "date_month"),
    C("Talks will resume in March, the envoy said.", DEC, "March", "DATE", "2017-03", "date_month"),
    C("The army launched the offensive in late February.", MAY, "late February", "DATE", "2017-02", "date_month"),
    C("The army retook Palmyra in March.", THU, "March", "DATE", "2016-03", "date_month"),  # 'retook' parsed NN
    C("Oil prices rose on Tuesday after OPEC agreed last week to cut output from January.", "2016-12-06",
      "January", "DATE", "2017-01", "date_month"),
    # a plan told in the past: the planned date may lie on either side of the story's date, the nearest wins
    C("The ministry scheduled a hearing on March 3.", "2017-02-20", "March 3", "DATE", "2017-03-03", "date_mdy"),
    C("The ministry scheduled a hearing on February 3.", "2017-02-20", "February 3", "DATE", "2017-02-03", "date_mdy"),
    C("She invited the envoys to a ceremony on March 12.", "2017-02-20", "March 12", "DATE", "2017-03-12", "date_mdy"),
    C("The committee asked him to testify on March 1.", "2017-02-20", "March 1", "DATE", "2017-03-01", "date_mdy"),
    C("The committee asked him to testify on Feb. 1.", "2017-02-20", "Feb. 1", "DATE", "2017-02-01", "date_mdy"),
    C("The university has scheduled a news conference Thursday.", "2017-02-22", "Thursday", "DATE", "2017-02-23",
      "date_weekday"),
    C("Stocks closed near the record high set on Aug. 6.", "2017-02-22", "Aug. 6", "DATE", "2016-08-06", "date_mdy"),
    C("The concerts in London were scheduled for July.", MAY, "July", "DATE", "2017-07", "date_month"),
    C("She was the doctor for concerts scheduled for July.", SEP, "July", "DATE", "2017-07", "date_month"),
    # "until" after a simple past looks back; after a deadline verb it points ahead
    C("She held that view until March 7, when she changed it.", "2017-03-05", "March 7", "DATE", "2016-03-07",
      "date_mdy"),
    C("The agency gave the company until March 7 to reply.", "2017-03-05", "March 7", "DATE", "2017-03-07",
      "date_mdy"),
    # a modal: either side of the story's date, the nearest
    C("The package could be decided at a meeting on Sunday.", "2017-01-20", "Sunday", "DATE", "2017-01-22",
      "date_weekday"),
    C("Officials could not be reached on Thursday.", "2017-01-20", "Thursday", "DATE", "2017-01-19",
      "date_weekday"),
    C("The talks may resume in February.", "2017-01-20", "February", "DATE", "2017-02", "date_month"),
    # clock times
    C("The first polls closed at 17.20 GMT.", THU, "17.20 GMT", "TIME", "2017-01-19T17:20", "time_clock_dotted"),
    C("Posted at 00.09 BST.", THU, "00.09 BST", "TIME", "2017-01-19T00:09", "time_clock_dotted"),
    C("The blast occurred at about 10:35 a.m. Wednesday, toppling a building.", THU, "10:35 a.m. Wednesday",
      "TIME", "2017-01-18T10:35", "time_clock_weekday"),
    C("The bomb went off at 10:35 a.m. (0735 GMT) Wednesday.", THU, "10:35 a.m.", "TIME", "2017-01-18T10:35",
      "time_clock"),
    # the narrative's day
    C("The ceasefire was signed on Jan. 12. Later in the day, shelling resumed.", THU, "Later in the day", "DATE",
      "2017-01-12", "date_in_the_day"),
    C("On Monday the talks opened. Earlier in the day, rebels shelled the city.", THU, "Earlier in the day", "DATE",
      "2017-01-16", "date_in_the_day"),
    C("A 17th-century mosque was damaged.", THU, "17th-century", "DATE", "16", "date_century"),
    C("Rebels attacked the base late Wednesday.", THU, "late Wednesday", "DATE", "2017-01-18", "date_weekday"),
    C("Rebels attacked the base early Thursday.", THU, "early Thursday", "DATE", "2017-01-19", "date_weekday"),
    C("Talks are set for Jan. 23-24 in Astana.", THU, "Jan. 23-24", "DATE", "2017-01-23", "date_mdy_range"),
    C("The summit was held on 29-30 November 2016.", THU, "29-30 November 2016", "DATE", "2016-11-29",
      "date_mdy_range"),
    C("The truce took effect at midnight on Dec. 29-30.", THU, "midnight", "TIME", "2016-12-29T24:00", "time_noon"),
    C("Live updates\n1633: Police confirm two arrests.", THU, "1633", "TIME", "2017-01-19T16:33", "time_liveblog"),
    C("Live page\n0946 GMT: The army says it shelled the town.", THU, "0946 GMT", "TIME", "2017-01-19T09:46",
      "time_clock_hhmm"),
    C("Updated\n2215: Talks end without a deal.", THU, "2215", "TIME", "2017-01-19T22:15", "time_liveblog"),
    C("The army shelled the town at 2.10 pm.", THU, "2.10 pm", "TIME", "2017-01-19T14:10", "time_clock"),
    C("The vote closes at 7.30pm ET Thursday.", THU, "7.30pm ET Thursday", "TIME", "2017-01-19T19:30",
      "time_clock_weekday"),
    C("The ministers met on Monday. That afternoon, the talks collapsed.", THU, "That afternoon", "TIME",
      "2017-01-16TAF", "time_narr_same_pod"),
    C("The talks collapsed on Jan. 12. That same night, shelling resumed.", THU, "That same night", "TIME",
      "2017-01-12TNI", "time_narr_same_pod"),
    C("A meeting on Friday and Saturday was to discuss the plan.", THU, "Saturday", "DATE", "2017-01-14",
      "date_weekday"),
    C("The talks will run from Monday to Wednesday.", THU, "Wednesday", "DATE", "2017-01-25", "date_weekday"),
    C("He gave statements on Friday and Thursday.", THU, "Thursday", "DATE", "2017-01-19", "date_weekday"),
    # a baseline or a cause looks back; a plan's purpose looks either way
    C("Inflation is 5 pct, up from 4 pct in May.", "1988-06-29", "May", "DATE", "1988-05", "date_month"),
    C("Output fell due to the cold weather in May.", "1988-06-29", "May", "DATE", "1988-05", "date_month"),
    C("The talks are due to resume in July.", "1988-06-29", "July", "DATE", "1988-07", "date_month"),
    C("Traders bought 20,000 tonnes for early July shipment.", "1988-06-29", "early July", "DATE", "1988-07",
      "date_month"),
    C("Lawmakers met ahead of Thursday's deadline.", "1988-06-28", "Thursday", "DATE", "1988-06-30",
      "date_weekday"),
    # a present tense is a timetable only with a timetable verb
    C("A protester holds a poster on January 5 in Cairo.", THU, "January 5", "DATE", "2017-01-05", "date_mdy"),
    C("Inflation is 5 pct in December.", THU, "December", "DATE", "2016-12", "date_month"),
    # spans of years and runs of months
    C("Wheat output in 1986/87 rose.", "1987-03-02", "1986/87", "DATE", "1986", "date_year_span"),
    C("The 2016-17 season was poor.", THU, "2016-17", "DATE", "2016", "date_year_span"),
    C("He led the army in 2001-2008.", THU, "2001-2008", "DATE", "2001", "date_year_span"),
    C("Imports in January-March rose.", "1987-05-02", "January-March", "DATE", "1987-01", "date_month_range"),
    C("Exports in April-June 1986 fell.", THU, "April-June 1986", "DATE", "1986-04", "date_month_range"),
    C("He died last October 28.", THU, "last October 28", "DATE", "2016-10-28", "date_shift_month_day"),
    C("Growth should pick up by mid-year.", THU, "mid-year", "DATE", "2017", "date_mid_year"),
    C("The plant will reopen at midyear.", THU, "midyear", "DATE", "2017", "date_mid_year"),
    C("The ceasefire will end next March 15.", THU, "next March 15", "DATE", "2017-03-15", "date_shift_month_day"),
    C("3RD QTR net rose 5 pct.", NOV, "3RD QTR", "DATE", "2017-Q3", "date_quarter"),
    C("Nine mths sales fell.", NOV, "Nine mths", "DURATION", "P9M", "dur_num_unit"),
    C("Members of the guard stand by on Wednesday in Cairo.", THU, "Wednesday", "DATE", "2017-01-18", "date_weekday"),
    C("The firm's share before Monday's purchases is 7 percent.", THU, "Monday", "DATE", "2017-01-16",
      "date_weekday"),
    C("The president travels to Paris on Monday.", THU, "Monday", "DATE", "2017-01-23", "date_weekday"),
    C("The agency extended its deadline until 9 a.m. Friday.", THU, "9 a.m. Friday", "TIME", "2017-01-20T09:00",
      "time_clock_weekday"),
    C("The offer had been scheduled to expire at midnight Tuesday.", THU, "midnight Tuesday", "TIME",
      "2017-01-17T24:00", "time_clock_weekday"),
    C("The offer is scheduled to expire at midnight Tuesday.", THU, "midnight Tuesday", "TIME", "2017-01-24T24:00",
      "time_clock_weekday"),
    C("Islam will one day be the second largest religion here.", THU, "one day", "DATE", "FUTURE_REF",
      "date_one_day"),
    C("Someday we will return home.", THU, "Someday", "DATE", "FUTURE_REF", "date_one_day"),
    C("The strike lasted one day.", THU, "one day", "DURATION", "P1D", "dur_num_unit"),
    C("Rates will stay low in the near term.", THU, "the near term", "DATE", "FUTURE_REF", "date_future_ref"),
    C("The vote was put off to a later date.", THU, "a later date", "DATE", "FUTURE_REF", "date_future_ref"),
    C("The town floods each winter.", THU, "each winter", "SET", "XXXX-WI", "set_every_season"),
    C("Farmers plant every spring.", THU, "every spring", "SET", "XXXX-SP", "set_every_season"),
    C("A generation ago, the city was poor.", THU, "A generation ago", "DATE", "PAST_REF", "date_vague_ago"),
    C("He left a while ago.", THU, "a while ago", "DATE", "PAST_REF", "date_vague_ago"),
    C("Fighting intensified in recent hours.", THU, "recent hours", "DATE", "PAST_REF", "date_recent_units"),
    C("Net profit in 1986 rose 10 pct. For the full year, sales rose 5 pct.", "1987-03-10", "the full year", "DATE",
      "1986", "date_fiscal_year"),
    C("Net profit in 1986 rose. The firm expects higher sales for the full year.", "1987-03-10", "the full year",
      "DATE", "1987", "date_fiscal_year"),
    C("The port is closed until 2300 hours.", THU, "2300 hours", "TIME", "2017-01-19T23:00", "time_clock_hours"),
    C("The port is closed between 1900 and 2300 hours.", THU, "1900", "TIME", "2017-01-19T19:00", "time_clock_hours"),
    C("The curfew starts at 1430 hrs.", THU, "1430 hrs", "TIME", "2017-01-19T14:30", "time_clock_hours"),
    C("Volunteers worked 1500 hours on the project.", THU, "1500 hours", "DURATION", "PT1500H", "dur_num_unit"),
    C("Debt fell at end-1988.", THU, "end-1988", "DATE", "1988", "date_year"),
    C("Posted on March 5, 2009 5:27 AM by the editor. Talks began on March 3.", THU, "5:27 AM", "TIME",
      "2009-03-05T05:27", "time_clock"),
    C("He paid 500 dollars. A few days after the fire, he left.", THU, "A few days", "DURATION", "PXD",
      "dur_num_unit"),
    C("The volume index, base 1980, rose 2 pct. In January it fell.", THU, "January", "DATE", "2017-01",
      "date_month"),
    C("Floods hit the region every 15 to 20 years.", THU, "every 15 to 20 years", "SET", "PXY", "set_every_unit"),
    C("They meet every other Thursday.", THU, "every other Thursday", "SET", "XXXX-WXX-4", "set_every_weekday"),
    C("Reviews happen every other week.", THU, "every other week", "SET", "P2W", "set_every_unit"),
    C("Sales fell in the last half of 2016.", THU, "the last half of 2016", "DATE", "2016-H2", "date_half"),
    C("Profit rose in the first two quarters of 2016.", THU, "the first two quarters of 2016", "DATE", "2016-H1",
      "date_half"),
    C("It snowed in the winter of nineteen ninety-four.", THU, "the winter of nineteen ninety-four", "DATE",
      "1994-WI", "date_season_y"),
    C("Jayark had a loss in the quarter ended July 31.", NOV, "the quarter", "DATE", "2017-Q2", "date_the_quarter"),
    C("Delta posted net income for the quarter ended Sept. 30.", NOV, "the quarter", "DATE", "2017-Q3",
      "date_the_quarter"),
    C("UniFirst earned $2 million for the fourth quarter ended Aug. 26.", NOV, "the fourth quarter", "DATE",
      "2017-Q4", "date_quarter"),
    C("Sales for the full year were $6.6 billion.", NOV, "the full year", "DATE", "2017", "date_fiscal_year"),
    C("The rules should be in place by year's end.", NOV, "year's end", "DATE", "2017", "date_year_end"),
    C("Exports fell in January for the first time.", THU, "January", "DATE", "2017-01", "date_month"),
    C("Prices rose 2 pct from the previous week, after rising 3 pct from the previous week.", THU,
      "the previous week", "DATE", "2017-W02", "date_narr_prev"),
    C("The ministers met on Monday. The previous night, rebels attacked.", THU, "The previous night", "TIME",
      "2017-01-15TNI", "time_narr_prev_pod"),
    C("He walks every morning.", THU, "every morning", "SET", "XXXX-XX-XXTMO", "set_every_pod"),
    C("Polls are open from 14.10 to 14.30 GMT.", THU, "14.10", "TIME", "2017-01-19T14:10", "time_clock_dotted"),
    C("Polls are open 1410 to 1430 GMT.", THU, "1410", "TIME", "2017-01-19T14:10", "time_clock_hhmm"),
    C("The talks collapsed on Jan. 12. The preceding evening, envoys had met.", THU, "The preceding evening", "TIME",
      "2017-01-11TEV", "time_narr_prev_pod"),
    C("Guards patrol each evening.", THU, "each evening", "SET", "XXXX-XX-XXTEV", "set_every_pod"),
    C("The premiere was postponed until September.", THU, "September", "DATE", "2017-09", "date_month"),
    C("The vote will wait until after Monday's cabinet meeting.", THU, "Monday", "DATE", "2017-01-23",
      "date_weekday"),
    C("Talks on March 3 and 4 failed.", MAY, "4", "DATE", "2017-03-04", "date_day_after_range"),
    C("The festival ran from April 6 to 8 in Cannes.", MAY, "8", "DATE", "2017-04-08", "date_day_after_range"),
    C("Rains fell in late April and early May.", MAY, "early May", "DATE", "2017-05", "date_month"),
    C("Exports rose 5 pct in 2016, against 3 pct the year before.", THU, "the year before", "DATE", "2015",
      "date_narr_before"),
    C("The vote was held on Jan. 3. The day before, rebels attacked.", THU, "The day before", "DATE", "2017-01-02",
      "date_narr_before"),
    C("Rescuers arrived within minutes.", THU, "minutes", "DURATION", "PTXM", "dur_bare_plural"),
    C("Traders spurred short-covering before the weekend.", "2017-01-20", "the weekend", "DATE", "2017-W03-WE",
      "date_weekend"),
    C("Brent futures for April closed higher.", "2017-02-24", "April", "DATE", "2017-04", "date_month"),
    C("Wheat for new crop December fell.", "2017-04-20", "December", "DATE", "2017-12", "date_month"),
    C("U.S. April crude futures rose.", "2017-02-24", "April", "DATE", "2017-04", "date_month"),
    C("The 2016 YEAR results rose.", THU, "2016", "DATE", "2016", "date_year"),
    C("The lease runs 2-1/2 years.", THU, "2-1/2 years", "DURATION", "P2Y6M", "dur_num_unit"),
    C("EXPORTS ROSE IN FEBRUARY", THU, "FEBRUARY", "DATE", "2017-02", "date_month"),
    C("Security was tightened after the September 11 attacks.", THU, "September 11", "DATE", "2001-09-11",
      "date_named_event"),
    C("Security was tightened after 9/11.", THU, "9/11", "DATE", "2001-09-11", "date_named_event"),
    C("The museum opened on Boxing Day.", THU, "Boxing Day", "DATE", "2016-12-26", "date_holiday"),
    C("I saw him the other day.", THU, "the other day", "DATE", "PAST_REF", "date_past_ref"),
    C("He called at four o'clock.", THU, "four o'clock", "TIME", "2017-01-19T04:00", "time_oclock"),
    C("She left at 10 o'clock.", THU, "10 o'clock", "TIME", "2017-01-19T10:00", "time_oclock"),
    C("Prices should rise in the weeks ahead.", THU, "the weeks ahead", "DATE", "FUTURE_REF", "date_future_ref"),
    C("The ministers met on Jan. 3. A few days later, the talks collapsed.", THU, "A few days later", "DATE",
      "PAST_REF", "date_later"),
    C("The talks began on Tuesday last week.", THU, "Tuesday last week", "DATE", "2017-01-10", "date_weekday_of_week"),
    C("He will meet Putin on Monday next week.", THU, "Monday next week", "DATE", "2017-01-23",
      "date_weekday_of_week"),
    C("Net rose versus a loss in the prior 2nd qtr.", "2017-08-10", "the prior 2nd qtr", "DATE", "2016-Q2",
      "date_quarter"),
    C("Sales fell from the year-earlier second quarter.", "2017-08-10", "the year-earlier second quarter", "DATE",
      "2016-Q2", "date_quarter"),
    # day-first numeric dates, only where the day cannot be a month (or dotted, the European way)
    C("He died 19/01/2017 in Damascus.", THU, "19/01/2017", "DATE", "2017-01-19", "date_dmy_slash"),
    C("The decree is dated 25.12.2016.", THU, "25.12.2016", "DATE", "2016-12-25", "date_dmy_slash"),
    C("The form was filed on 31/12/16.", THU, "31/12/16", "DATE", "2016-12-31", "date_dmy_slash"),
    # a relative day against a narrative that only gave a month or a year keeps what it gave
    C("In October 2015, the rebels took the town. That same day, the army withdrew.", THU, "That same day", "DATE",
      "2015-10-XX", "date_narr_same"),
    C("The ceasefire was signed in March 2016. The army withdrew that same day.", THU, "that same day", "DATE",
      "2016-03-XX", "date_narr_same"),
    C("Exports rose 4 percent in the 12 months to June.", THU, "June", "DATE", "2016-06", "date_month"),
    C("The offensive began in mid-January.", THU, "mid-January", "DATE", "2017-01", "date_month"),
    C("The deal must be signed by the end of January.", THU, "the end of January", "DATE", "2017-01", "date_month"),
    C("The agreement expires in December.", THU, "December", "DATE", "2017-12", "date_month"),
    C("Parliament meets in March to vote on the budget.", MAY, "March", "DATE", "2018-03", "date_month"),
    C("Shares, worth $5 in October, are worth half that now.", MAY, "October", "DATE", "2016-10", "date_month"),
    C("The agreement expired in December.", THU, "December", "DATE", "2016-12", "date_month"),
    C("The parliament is set to vote in February.", THU, "February", "DATE", "2017-02", "date_month"),
    C("The summit is scheduled for May.", THU, "May", "DATE", "2017-05", "date_month"),
    C("The summit is scheduled for October.", MAY, "October", "DATE", "2017-10", "date_month"),
    C("Parliament will vote in September on the budget.", MAY, "September", "DATE", "2017-09", "date_month"),
    C("The rebels said in November that they would withdraw.", MAY, "November", "DATE", "2016-11", "date_month"),
    C("The figures for Sept. were revised downward.", MAY, "Sept.", "DATE", "2016-09", "date_month_abbr"),
    C("Output fell in Dec. and rose again in January.", MAY, "Dec.", "DATE", "2016-12", "date_month_abbr"),
    # ---- years, fiscal years, decades, centuries ----------------------------------------------------
    C("The war began in 2011 and has killed hundreds of thousands.", MAY, "2011", "DATE", "2011", "date_year"),
    C("Growth slowed in mid-2015 before recovering.", MAY, "mid-2015", "DATE", "2015", "date_year"),
    C("Elections are due by early 2018, the commission said.", MAY, "early 2018", "DATE", "2018", "date_year"),
    C("By the end of 1990 most of the troops had left.", MAY, "the end of 1990", "DATE", "1990", "date_year"),
    C("Sales rose 5 percent from the 1988 period, the company said.", MAY,
      "the 1988 period", "DATE", "1988", "date_year_period"),
    C("Profit was lower than in the 1989 quarter.", MAY, "the 1989 quarter", "DATE", "1989", "date_year_period"),
    C("The treaty was first drafted in nineteen ninety-six.", MAY,
      "nineteen ninety-six", "DATE", "1996", "date_year_words"),
    C("Computers were feared to fail in the year two thousand.", MAY,
      "the year two thousand", "DATE", "2000", "date_year_words"),
    C("The ministry expects a deficit in fiscal 2018.", MAY, "fiscal 2018", "DATE", "2018", "date_fiscal"),
    C("Spending will rise in fiscal year 1990, the budget office said.", MAY,
      "fiscal year 1990", "DATE", "1990", "date_fiscal"),
    C("The FY2016 budget was approved late.", MAY, "FY2016", "DATE", "2016", "date_fiscal"),
    C("The dispute dates back to the 1990s.", MAY, "the 1990s", "DATE", "199", "date_decade"),
    C("The region was a battleground in the early 1980s.", MAY, "the early 1980s", "DATE", "198", "date_decade"),
    C("Oil prices collapsed in the mid-1980s.", MAY, "the mid-1980s", "DATE", "198", "date_decade"),
    C("Relations have been frosty since the '80s.", MAY, "the '80s", "DATE", "198", "date_decade"),
    C("The border was drawn in the 19th century by colonial powers.", MAY,
      "the 19th century", "DATE", "18", "date_century"),
    C("The conflict was one of the bloodiest of the twentieth century.", MAY,
      "the twentieth century", "DATE", "19", "date_century"),
    C("The church was built in the early 17th century.", MAY, "the early 17th century", "DATE", "16", "date_century"),
    # ---- quarters and halves: past vs future --------------------------------------------------------
    C("The economy shrank in the third quarter of 2016.", MAY,
      "the third quarter of 2016", "DATE", "2016-Q3", "date_quarter"),
    C("Exports fell 3 percent in the third quarter, the ministry said.", NOV,
      "the third quarter", "DATE", "2017-Q3", "date_quarter"),
    C("Exports fell in the third quarter, the ministry said.", FEB,
      "the third quarter", "DATE", "2016-Q3", "date_quarter"),
    C("Exports are expected to recover in the third quarter.", FEB,
      "the third quarter", "DATE", "2017-Q3", "date_quarter"),
    C("The company posted a loss in the fourth quarter.", FEB,
      "the fourth quarter", "DATE", "2016-Q4", "date_quarter"),
    C("Growth slowed to 1.2 percent in Q3 2016.", MAY, "Q3 2016", "DATE", "2016-Q3", "date_q_quarter"),
    C("Sales rose 3 percent in Q1, the company said.", MAY, "Q1", "DATE", "2017-Q1", "date_q_quarter"),
    C("Growth in 2016's first quarter was revised up.", MAY,
      "2016's first quarter", "DATE", "2016-Q1", "date_quarter"),
    C("Sales fell sharply last quarter.", MAY, "last quarter", "DATE", "2017-Q1", "date_shift_unit"),
    C("Exports rose in the first half, customs data showed.", SEP, "the first half", "DATE", "2017-H1", "date_half"),
    C("The troops will leave in the second half of the year.", MAY, "the second half", "DATE", "2017-H2", "date_half"),
    C("Officials will finish the work in the second half.", FEB, "the second half", "DATE", "2017-H2", "date_half"),
    C("Arms sales doubled in the first half of 2016.", MAY,
      "the first half of 2016", "DATE", "2016-H1", "date_half"),
    # ---- seasons ------------------------------------------------------------------------------------
    C("The offensive began in the summer of 2014.", MAY, "the summer of 2014", "DATE", "2014-SU", "date_season_y"),
    C("The siege lasted through winter 2016.", MAY, "winter 2016", "DATE", "2016-WI", "date_season_y"),
    C("The party split in the spring of 1998.", MAY, "the spring of 1998", "DATE", "1998-SP", "date_season_y"),
    C("Talks will resume in the spring.", THU, "the spring", "DATE", "2017-SP", "date_season"),
    C("The offensive began in the summer.", THU, "the summer", "DATE", "2016-SU", "date_season"),
    # ---- holidays, fixed and movable ----------------------------------------------------------------
    C("The ceasefire is due to start on Thanksgiving.", THANKS, "Thanksgiving", "DATE", "2016-11-24", "date_holiday"),
    C("Shelling continued through Christmas, residents said.", TUE_JAN, "Christmas", "DATE", "2016-12-25",
      "date_holiday"),
    C("The prisoners were released on New Year's Day 2017.", MAY,
      "New Year's Day 2017", "DATE", "2017-01-01", "date_holiday"),
    C("The parade will be held on Memorial Day.", "2017-05-20", "Memorial Day", "DATE", "2017-05-29", "date_holiday"),
    C("Families will gather on Thanksgiving.", "2016-11-17", "Thanksgiving", "DATE", "2016-11-24", "date_holiday"),
    C("Soldiers hope to be home by Christmas.", "2016-12-20", "Christmas", "DATE", "2016-12-25", "date_holiday"),
    C("Protests are planned for Labor Day.", "2017-05-20", "Labor Day", "DATE", "2017-09-04", "date_holiday"),
    C("The president will speak on Independence Day.", JUL, "Independence Day", "DATE", "2016-07-04", "date_holiday"),
    # ---- weekdays with tense ------------------------------------------------------------------------
    C("Foreign Minister Sergey Lavrov told reporters on Thursday.", THU, "Thursday", "DATE", "2017-01-19",
      "date_weekday"),
    C("The conference will be held on Monday in the capital.", THU, "Monday", "DATE", "2017-01-23", "date_weekday"),
    C("He had said on Wednesday that the talks would go ahead.", THU, "Wednesday", "DATE", "2017-01-18",
      "date_weekday"),
    C("Rebels shelled the town on Sunday, killing four.", THU, "Sunday", "DATE", "2017-01-15", "date_weekday"),
    C("Voting will take place on Saturday.", THU, "Saturday", "DATE", "2017-01-21", "date_weekday"),
    C("Officials met on Tuesday and agreed on a timetable.", THU, "Tuesday", "DATE", "2017-01-17", "date_weekday"),
    C("The envoy is expected to arrive on Friday.", THU, "Friday", "DATE", "2017-01-20", "date_weekday"),
    C("Monday's meeting ended without agreement.", THU, "Monday", "DATE", "2017-01-16", "date_weekday"),
    C("Earlier Thursday, the army said it had retaken the hill.", THU,
      "Thursday", "DATE", "2017-01-19", "date_weekday"),
    C("The government said on Monday it would cap prices.", THU, "Monday", "DATE", "2017-01-16", "date_weekday"),
    C("The talks are scheduled for the week of March 6.", FEB,
      "the week of March 6", "DATE", "2017-W10", "date_week_of"),
    C("Ministers met during the week of January 23, 2017.", FEB,
      "the week of January 23, 2017", "DATE", "2017-W04", "date_week_of"),
    # weekday + part of day (TBAQ annotates these as DATE, with or without the part of day in the value)
    C("The blast happened on Tuesday night near the market.", THU,
      "Tuesday night", "DATE", {"2017-01-17TNI", "2017-01-17"}, "time_weekday_pod"),
    C("The ministers will meet again on Saturday morning.", THU,
      "Saturday morning", "DATE", {"2017-01-21TMO", "2017-01-21"}, "time_weekday_pod"),
    C("Police raided the camp on Wednesday afternoon.", THU,
      "Wednesday afternoon", "DATE", {"2017-01-18TAF", "2017-01-18"}, "time_weekday_pod"),
    # weekends (2017-01-19 is in ISO week 3; the weekend before is in week 2)
    C("The rebels attacked over the weekend.", THU, "the weekend", "DATE", "2017-W02-WE", "date_weekend"),
    C("Talks will continue this weekend in Geneva.", THU, "this weekend", "DATE", "2017-W03-WE", "date_weekend"),
    C("Thousands marched last weekend in the capital.", THU, "last weekend", "DATE", "2017-W02-WE", "date_weekend"),
    # ---- today / yesterday / tomorrow / tonight / last night ----------------------------------------
    C("The minister arrives in Ankara today for talks.", THU, "today", "DATE", "2017-01-19", "date_today"),
    C("Today's vote was postponed.", THU, "Today", "DATE", "2017-01-19", "date_today"),
    C("The army said yesterday that it had retaken the town.", THU, "yesterday", "DATE", "2017-01-18",
      "date_yesterday"),
    C("Talks resumed yesterday after a pause.", MAY, "yesterday", "DATE", "2017-05-01", "date_yesterday"),
    C("The ministers will meet again tomorrow.", THU, "tomorrow", "DATE", "2017-01-20", "date_tomorrow"),
    C("The talks resume early tomorrow in Vienna.", THU, "early tomorrow", "DATE", "2017-01-20", "date_tomorrow"),
    C("Officials met the day before yesterday.", THU,
      "the day before yesterday", "DATE", "2017-01-17", "date_day_before_yesterday"),
    C("The court ruled the day before yesterday that the vote was valid.", MAY,
      "the day before yesterday", "DATE", "2017-04-30", "date_day_before_yesterday"),
    C("The verdict is due the day after tomorrow.", THU,
      "the day after tomorrow", "DATE", "2017-01-21", "date_day_after_tomorrow"),
    C("The results will be announced the day after tomorrow.", MAY,
      "the day after tomorrow", "DATE", "2017-05-04", "date_day_after_tomorrow"),
    C("The president will address the nation tonight.", THU, "tonight", "TIME", "2017-01-19TNI", "time_tonight"),
    C("Tonight the council will vote on the plan.", MAY, "Tonight", "TIME", "2017-05-02TNI", "time_tonight"),
    C("Two rockets hit the city last night.", THU, "last night", "TIME", "2017-01-18TNI", "time_last_night"),
    C("Shelling resumed last night after a lull.", MAY, "last night", "TIME", "2017-05-01TNI", "time_last_night"),
    C("Police cleared the square this morning.", THU, "this morning", "TIME", "2017-01-19TMO", "time_this_pod"),
    C("The envoy will leave this evening.", THU, "this evening", "TIME", "2017-01-19TEV", "time_this_pod"),
    C("The envoy arrived yesterday morning.", THU, "yesterday morning", "TIME", "2017-01-18TMO", "time_yesterday_pod"),
    C("The curfew was lifted yesterday afternoon.", MAY,
      "yesterday afternoon", "TIME", "2017-05-01TAF", "time_yesterday_pod"),
    C("The council meets tomorrow evening.", THU, "tomorrow evening", "TIME", "2017-01-20TEV", "time_tomorrow_pod"),
    C("The minister flies to Paris tomorrow morning.", MAY,
      "tomorrow morning", "TIME", "2017-05-03TMO", "time_tomorrow_pod"),
    # ---- last/this/next week, month, year, quarter --------------------------------------------------
    C("The talks collapsed last week.", THU, "last week", "DATE", "2017-W02", "date_shift_unit"),
    C("Troops will leave next week.", THU, "next week", "DATE", "2017-W04", "date_shift_unit"),
    C("The agency reported the figures this week.", THU, "this week", "DATE", "2017-W03", "date_shift_unit"),
    C("Parliament will debate the bill next month.", THU, "next month", "DATE", "2017-02", "date_shift_unit"),
    C("The deal was signed this month.", THU, "this month", "DATE", "2017-01", "date_shift_unit"),
    C("Inflation will rise this year, the bank said.", THU, "this year", "DATE", "2017", "date_shift_unit"),
    C("The rebels lost ground last year.", THU, "last year", "DATE", "2016", "date_shift_unit"),
    C("Elections are expected next year.", THU, "next year", "DATE", "2018", "date_shift_unit"),
    C("Revenue should improve next quarter.", THU, "next quarter", "DATE", "2017-Q2", "date_shift_unit"),
    C("Sales rose this quarter.", MAY, "this quarter", "DATE", "2017-Q2", "date_shift_unit"),
    C("Profit rose in the current quarter.", MAY, "the current quarter", "DATE", "2017-Q2", "date_shift_unit"),
    C("The two sides met earlier this year in Geneva.", MAY,
      "earlier this year", "DATE", "2017", "date_mod_shift_unit"),
    C("A final deal is expected later this month.", MAY, "later this month", "DATE", "2017-05", "date_mod_shift_unit"),
    C("The rebels withdrew at the end of last month.", THU,
      "the end of last month", "DATE", "2016-12", "date_mod_shift_unit"),
    C("The rebels withdrew late last year.", MAY, "late last year", "DATE", "2016", "date_mod_shift_unit"),
    C("Talks are due to resume early next week.", MAY, "early next week", "DATE", "2017-W19", "date_mod_shift_unit"),
    C("The company expects sales to rise this fiscal quarter.", MAY,
      "this fiscal quarter", "DATE", "2017-Q2", "date_shift_quarter"),
    C("Profits rose in the current fiscal quarter.", MAY,
      "the current fiscal quarter", "DATE", "2017-Q2", "date_shift_quarter"),
    C("Profit fell in the latest fiscal quarter.", MAY,
      "the latest fiscal quarter", "DATE", "2017-Q1", "date_shift_quarter"),
    C("Profit rose 5 percent in the quarter.", MAY, "the quarter", "DATE", "2017-Q1", "date_the_quarter"),
    C("Output fell in the latest period.", MAY, "the latest period", "DATE", "2017-Q1", "date_the_quarter"),
    C("Profit in this year's first quarter rose.", MAY,
      "this year's first quarter", "DATE", "2017-Q1", "date_shift_year_quarter"),
    C("Sales in last year's fourth quarter fell.", MAY,
      "last year's fourth quarter", "DATE", "2016-Q4", "date_shift_year_quarter"),
    # ---- year-end, the end of the month, the fiscal year ----------------------------------------------
    C("The bank expects a deal by year-end.", MAY, "year-end", "DATE", "2017", "date_year_end"),
    C("The plant will close by the year-end.", MAY, "the year-end", "DATE", "2017", "date_year_end"),
    C("Troops will leave by the end of the year.", MAY, "the end of the year", "DATE", "2017", "date_end_of_unit"),
    C("The bill passed at the start of the month.", MAY,
      "the start of the month", "DATE", "2017-05", "date_end_of_unit"),
    C("Elections are due by the end of next year.", MAY,
      "the end of next year", "DATE", "2018", "date_mod_shift_unit"),
    C("The talks resume in the middle of next week.", MAY,
      "the middle of next week", "DATE", "2017-W19", "date_mod_shift_unit"),
    C("Profit for the fiscal year, the company said, rose 4 percent.", MAY,
      "the fiscal year", "DATE", "2017", "date_fiscal_year"),
    C("Exports for the year, the ministry said, fell 3 percent.", MAY,
      "the year", "DATE", "2017", "date_fiscal_year"),
    C("For the year ended March 31, the company earned $4 million.", MAY,
      "the year", "DURATION", "P1Y", "dur_the_year"),
    C("Costs should fall throughout the fiscal year.", MAY,
      "the fiscal year", "DURATION", "P1Y", "dur_the_year"),
    C("The company expects a loss for the whole year, and will cut jobs.", MAY,
      "the whole year", "DATE", "2017", "date_fiscal_year"),
    C("The bank expects growth to pick up in the current fiscal year.", MAY,
      "the current fiscal year", "DATE", "2017", "date_fiscal_year"),
    C("The rebels withdrew in March last year.", MAY, "March last year", "DATE", "2016-03", "date_month_shift_year"),
    C("Elections will be held in June next year.", MAY, "June next year", "DATE", "2018-06", "date_month_shift_year"),
    C("The accord was signed on Dec. 5 last year.", MAY, "Dec. 5 last year", "DATE", "2016-12-05",
      "date_month_shift_year"),
    # ---- last Friday, next Monday, last November, last summer ---------------------------------------
    C("The rebels withdrew last Friday.", THU, "last Friday", "DATE", "2017-01-13", "date_shift_weekday"),
    C("The talks will resume next Monday.", THU, "next Monday", "DATE", "2017-01-23", "date_shift_weekday"),
    C("The vote is set for this Saturday.", THU, "this Saturday", "DATE", "2017-01-21", "date_shift_weekday"),
    C("The truce collapsed last November.", MAY, "last November", "DATE", "2016-11", "date_shift_month"),
    C("Elections will be held next March.", MAY, "next March", "DATE", "2018-03", "date_shift_month"),
    C("The offensive started this September.", OCT, "this September", "DATE", "2017-09", "date_shift_month"),
    C("The drought began last summer.", MAY, "last summer", "DATE", "2016-SU", "date_shift_season"),
    C("Troops will withdraw next spring.", MAY, "next spring", "DATE", "2018-SP", "date_shift_season"),
    C("The talks collapsed early last winter.", MAY, "early last winter", "DATE", "2016-WI", "date_shift_season"),
    # ---- N units ago / from now ---------------------------------------------------------------------
    C("The ceasefire was agreed three days ago.", THU, "three days ago", "DATE", "2017-01-16", "date_ago"),
    C("The town fell two weeks ago.", THU, "two weeks ago", "DATE", "2017-W01", "date_ago"),
    C("He resigned five months ago.", THU, "five months ago", "DATE", "2016-08", "date_ago"),
    C("The war began six years ago.", THU, "six years ago", "DATE", "2011", "date_ago"),
    C("A year ago today the city fell.", THU, "A year ago today", "DATE", "2016-01-19", "date_ago_today"),
    C("Two years ago today, the rebels entered the city.", MAY, "Two years ago today", "DATE", "2015-05-02",
      "date_ago_today"),
    C("The rebels withdrew from the town months ago.", MAY, "months ago", "DATE", "PAST_REF", "date_plural_ago"),
    C("The decision was made years ago, he said.", MAY, "years ago", "DATE", "PAST_REF", "date_plural_ago"),
    C("The votes will be counted two days from now.", THU, "two days from now", "DATE", "2017-01-21", "date_from_now"),
    C("The court rules a week from today.", THU, "a week from today", "DATE", "2017-W04", "date_from_now"),
    # ---- counted from the narrative: a day earlier, two weeks later, the next day -------------------
    C("The rebels seized the airport on March 3, 2016. A day earlier, they had cut the road.", MAY,
      "A day earlier", "DATE", "2016-03-02", "date_earlier"),
    C("The rebels seized the airport on March 3, 2016. Two days earlier, envoys had left.", MAY,
      "Two days earlier", "DATE", "2016-03-01", "date_earlier"),
    C("The rebels seized the airport on March 3, 2016. Two weeks later, the army struck back.", MAY,
      "Two weeks later", "DATE", "2016-03-17", "date_later"),
    C("The accord was signed on June 12, 2015. Three days afterwards, fighting resumed.", MAY,
      "Three days afterwards", "DATE", "2015-06-15", "date_later"),
    C("The siege began in July 2014. A year later, the city fell.", MAY,
      "A year later", "DATE", "2015-07", "date_later"),
    C("The rebels seized the airport on March 3, 2016. The next day, the army struck back.", MAY,
      "The next day", "DATE", "2016-03-04", "date_narr_next"),
    C("Talks collapsed on October 4, 2015. The following week, both sides mobilised.", MAY,
      "The following week", "DATE", "2015-W41", "date_narr_next"),
    C("Talks collapsed on October 4, 2015. The previous day, envoys had met.", MAY,
      "The previous day", "DATE", "2015-10-03", "date_narr_prev"),
    C("The siege began on July 9, 2014. The previous week, shells hit the port.", MAY,
      "The previous week", "DATE", "2014-W27", "date_narr_prev"),
    C("The siege began on July 9, 2014. That same day, the bridge was destroyed.", MAY,
      "That same day", "DATE", "2014-07-09", "date_narr_same"),
    C("The siege began on July 9, 2014. That day, the bridge was destroyed.", MAY,
      "That day", "DATE", "2014-07-09", "date_narr_same"),
    C("The rebels took the town in June 2014. In September of that year, the army retook it.", THU,
      "September of that year", "DATE", "2014-09", "date_month_narr_year"),
    C("The accord was signed in May 2012. It collapsed in March of the following year.", THU,
      "March of the following year", "DATE", "2013-03", "date_month_narr_year"),
    C("The war began in 2011. In May the same year, the first refugees arrived.", THU,
      "May the same year", "DATE", "2011-05", "date_month_narr_year"),
    C("The siege began on July 9, 2014. The next morning, the army attacked.", MAY,
      "The next morning", "TIME", "2014-07-10TMO", "time_narr_next_pod"),
    C("The accord was signed on June 12, 2015. The following evening, fighting resumed.", MAY,
      "The following evening", "TIME", "2015-06-13TEV", "time_narr_next_pod"),
    # year-earlier: the narrative's period one year back
    C("Net profit rose 8 percent in the first quarter of 2017 from the year-earlier period.", MAY,
      "the year-earlier period", "DATE", "2016-Q1", "date_year_earlier"),
    C("Sales rose in the first quarter of 2017, up from 3 million in the year-ago quarter.", MAY,
      "the year-ago quarter", "DATE", "2016-Q1", "date_year_earlier"),
    C("Net fell to $3 million from $4 million in the year-ago quarter.", OCT,
      "the year-ago quarter", "DATE", "2016-Q3", "date_year_earlier"),
    C("In the 2016 period, net was $4 million. The year-ago results included a charge.", OCT,
      "year-ago", "DATE", "2016", "date_year_earlier"),
    C("Profit rose to $5 million in the first quarter from $4 million a year earlier.", MAY,
      "a year earlier", "DATE", "2016-Q1", "date_earlier"),
    C("Profit rose in the first quarter, compared with a loss in the same quarter a year ago.", MAY,
      "the same quarter a year ago", "DATE", "2016-Q1", "date_same_period_ago"),
    C("Sales rose in the third quarter from the same quarter last year.", NOV,
      "the same quarter last year", "DATE", "2016-Q3", "date_same_period_ago"),
    C("Output rose in October from the same month a year ago.", NOV,
      "the same month a year ago", "DATE", "2016-10", "date_same_period_ago"),
    # ---- vague references ---------------------------------------------------------------------------
    C("The conflict is now in its sixth year.", THU, "now", "DATE", "PRESENT_REF", "date_present_ref"),
    C("The region is currently under curfew.", THU, "currently", "DATE", "PRESENT_REF", "date_present_ref"),
    C("At present the border remains closed.", THU, "At present", "DATE", "PRESENT_REF", "date_present_ref"),
    C("Fighting has intensified recently.", THU, "recently", "DATE", "PAST_REF", "date_past_ref"),
    C("The minister was earlier quoted as saying the talks would go ahead.", THU,
      "earlier", "DATE", "PAST_REF", "date_past_ref"),
    C("Such attacks were rare in the past.", THU, "the past", "DATE", "PAST_REF", "date_past_ref"),
    C("Violence has escalated in recent days.", THU, "recent days", "DATE", "PAST_REF", "date_recent_units"),
    C("Violence has escalated in recent years.", THU, "recent years", "DATE", "PAST_REF", "date_recent_units"),
    C("The two sides may meet in the future.", THU, "the future", "DATE", "FUTURE_REF", "date_future_ref"),
    C("A deal is possible in the near future.", THU, "the near future", "DATE", "FUTURE_REF", "date_future_ref"),
    C("More troops will arrive in the coming weeks.", THU,
      "the coming weeks", "DATE", "FUTURE_REF", "date_coming_units"),
    C("A deal is expected in the coming days.", THU, "the coming days", "DATE", "FUTURE_REF", "date_coming_units"),
    # ---- durations ----------------------------------------------------------------------------------
    C("The delegation spent three days in Moscow.", THU, "three days", "DURATION", "P3D", "dur_num_unit"),
    C("Prices have risen 10 percent over the past three months.", THU,
      "the past three months", "DURATION", "P3M", "dur_num_unit"),
    C("The economy will grow in the next two years.", THU, "the next two years", "DURATION", "P2Y", "dur_num_unit"),
    C("He was sentenced to 10 years in prison.", THU, "10 years", "DURATION", "P10Y", "dur_num_unit"),
    C("The ceasefire has held for 24 hours.", THU, "24 hours", "DURATION", "PT24H", "dur_num_unit"),
    C("He began a two-year term in office.", THU, "two-year", "DURATION", "P2Y", "dur_num_unit"),
    C("The ceasefire is a 72-hour truce.", THU, "72-hour", "DURATION", "PT72H", "dur_num_unit"),
    C("Talks could take a few weeks.", THU, "a few weeks", "DURATION", "PXW", "dur_num_unit"),
    C("The fighting went on for several years.", THU, "several years", "DURATION", "PXY", "dur_num_unit"),
    C("The talks lasted a couple of days.", THU, "a couple of days", "DURATION", "P2D", "dur_num_unit"),
    C("The war has lasted more than six years.", THU, "more than six years", "DURATION", "P6Y", "dur_num_unit"),
    C("The first nine months of the year saw record arrivals.", THU,
      "The first nine months", "DURATION", "P9M", "dur_num_unit"),
    C("He spent six and a half years in prison.", THU,
      "six and a half years", "DURATION", {"P6.5Y", "P6Y6M", "P78M"}, "dur_num_unit"),
    C("The siege lasted a year and a half.", THU, "a year and a half", "DURATION", {"P1Y6M", "P1.5Y", "P18M"},
      "dur_num_unit"),
    C("The siege lasted 1 1/2 years.", THU, "1 1/2 years", "DURATION", {"P1Y6M", "P1.5Y", "P18M"}, "dur_num_unit"),
    C("The talks lasted two and a half hours.", THU, "two and a half hours", "DURATION", {"PT2H30M", "PT2.5H"},
      "dur_num_unit"),
    C("He served 3.5 years in prison.", THU, "3.5 years", "DURATION", {"P3Y6M", "P3.5Y", "P42M"}, "dur_num_unit"),
    C("In his first 100 days, he signed 30 orders.", THU, "first 100 days", "DURATION", "P100D", "dur_num_unit"),
    C("The operation took less than an hour.", THU, "less than an hour", "DURATION", "PT1H", "dur_num_unit"),
    C("The blackout will last half a day.", THU, "half a day", "DURATION", {"PT12H", "P0.5D"}, "dur_num_unit"),
    C("The talks may take two to three weeks.", THU, "two to three weeks", "DURATION", "PXW", "dur_range"),
    C("Such audits take 12 to 18 months.", THU, "12 to 18 months", "DURATION", "PXM", "dur_range"),
    C("The talks could last 12 to 18 months.", THU, "12 to 18 months", "DURATION", "PXM", "dur_range"),
    C("Exports fell in the past year.", THU, "the past year", "DURATION", "P1Y", "dur_the_past_unit"),
    C("Tensions have risen over the last decade.", THU, "the last decade", "DURATION", "P10Y", "dur_the_past_unit"),
    C("The ceasefire will be reviewed over the next month.", THU,
      "the next month", "DURATION", "P1M", "dur_the_past_unit"),
    C("It was the deadliest day of the year.", THU, "the year", "DATE", "2017", "date_of_the_year"),
    C("It was the worst month of the year for the army.", THU, "the year", "DATE", "2017", "date_of_the_year"),
    C("The two sides have been at war for years.", THU, "years", "DURATION", "PXY", "dur_bare_plural"),
    C("Negotiations have stalled for decades.", THU, "decades", "DURATION", "PXDE", "dur_bare_plural"),
    C("A five-year-long war ended in 1975.", THU, "five-year-long", "DURATION", "P5Y", "dur_adjectival"),
    C("They signed a 10-year-long lease on the base.", THU, "10-year-long", "DURATION", "P10Y", "dur_adjectival"),
    C("The six-year-old civil war has killed 300,000 people.", THU, "six-year-old", "DURATION", "P6Y",
      "dur_adjectival"),
    C("The region has seen decades-long conflict.", THU, "decades-long", "DURATION", "PXDE", "dur_adjectival"),
    C("The meeting lasted half an hour.", THU, "half an hour", "DURATION", {"PT0.5H", "PT30M"}, "dur_half"),
    C("The rebels gave the convoy half an hour to leave.", THU, "half an hour", "DURATION", {"PT0.5H", "PT30M"},
      "dur_half"),
    # ---- clock times --------------------------------------------------------------------------------
    C("The curfew starts at 5 p.m. on the border.", THU, "5 p.m.", "TIME", "2017-01-19T17:00", "time_clock"),
    C("The blast struck at 10:30 a.m. EST near the embassy.", THU,
      "10:30 a.m. EST", "TIME", "2017-01-19T10:30", "time_clock"),
    C("Polls close at 8 pm local time.", THU, "8 pm local time", "TIME", "2017-01-19T20:00", "time_clock"),
    C("The deadline expires at 23:59 local time.", THU, "23:59 local time", "TIME", "2017-01-19T23:59", "time_clock24"),
    C("The explosion happened at 14:00 hours.", THU, "14:00 hours", "TIME", "2017-01-19T14:00", "time_clock24"),
    C("The explosion happened at 14:00 GMT.", THU, "14:00 GMT", "TIME", "2017-01-19T14:00", "time_clock24"),
    C("The vote will be held at noon Thursday.", THU, "noon Thursday", "TIME", "2017-01-19T12:00",
      "time_clock_weekday"),
    C("The truce expires at midnight Friday.", THU, "midnight Friday", "TIME", "2017-01-20T24:00",
      "time_clock_weekday"),
    C("Police said the attack began at 10 p.m. Wednesday.", THU,
      "10 p.m. Wednesday", "TIME", "2017-01-18T22:00", "time_clock_weekday"),
    C("Polls close at 5 p.m. EST Nov. 9, officials said.", NOV16, "5 p.m. EST Nov. 9", "TIME",
      "2016-11-09T17:00", "time_clock_date"),
    C("The rebels must hand over their weapons by noon on Jan. 15.", TUE_JAN, "noon on Jan. 15", "TIME",
      "2017-01-15T12:00", "time_clock_date"),
    C("The protest ended at 0800 GMT.", THU, "0800 GMT", "TIME", "2017-01-19T08:00", "time_clock_hhmm"),
    C("The rebels said they would leave by 1600 local time.", THU, "1600 local time", "TIME", "2017-01-19T16:00",
      "time_clock_hhmm"),
    C("Noon is the deadline for the rebels.", THU, "Noon", "TIME", "2017-01-19T12:00", "time_noon"),
    C("The deadline is Thursday, noon.", THU, "noon", "TIME", "2017-01-19T12:00", "time_noon"),
    C("The ceasefire took effect at noon.", THU, "noon", "TIME", "2017-01-19T12:00", "time_noon"),
    C("The rebels must leave by midnight.", THU, "midnight", "TIME", "2017-01-19T24:00", "time_noon"),
    # ---- sets ---------------------------------------------------------------------------------------
    C("Shelling continues daily in the east.", THU, "daily", "SET", "P1D", "set_adverb"),
    C("The council meets weekly to review the truce.", THU, "weekly", "SET", "P1W", "set_adverb"),
    C("The report is published annually.", THU, "annually", "SET", "P1Y", "set_adverb"),
    C("Patrols run every day along the border.", THU, "every day", "SET", "P1D", "set_adverb"),
    C("Inspectors check the site every six months.", THU, "every six months", "SET", "P6M", "set_every_unit"),
    C("Prices are reviewed each week.", THU, "each week", "SET", "P1W", "set_every_unit"),
    C("The festival is held each July.", THU, "each July", "SET", "XXXX-07", "set_every_month"),
    C("The envoy travels to Geneva every March.", THU, "every March", "SET", "XXXX-03", "set_every_month"),
    C("Monitors visit the area every Tuesday.", THU, "every Tuesday", "SET", "XXXX-WXX-2", "set_every_weekday"),
    C("Leaders meet every Friday night.", THU, "every Friday night", "SET", "XXXX-WXX-5TNI", "set_every_weekday"),
    C("Protesters gather on Fridays in the main square.", THU, "Fridays", "SET", "XXXX-WXX-5", "set_weekdays"),
    C("He meets the press on Mondays.", THU, "Mondays", "SET", "XXXX-WXX-1", "set_weekdays"),
    C("Protesters gather on Friday nights outside parliament.", MAY, "Friday nights", "SET", "XXXX-WXX-5TNI",
      "set_weekday_pods"),
    C("The market opens on Sunday mornings.", MAY, "Sunday mornings", "SET", "XXXX-WXX-7TMO", "set_weekday_pods"),
    C("The council meets twice a year.", THU, "twice a year", "SET", "P1Y", "set_times_a"),
    C("Patients take the pills three times a day.", THU, "three times a day", "SET", "P1D", "set_times_a"),
    C("Envoys meet twice a week in Geneva.", THU, "twice a week", "SET", "P1W", "set_times_a"),
    C("The monitors report once a month.", THU, "once a month", "SET", "P1M", "set_times_a"),
    # ---- a reported period one year back -------------------------------------------------------------------
    C("Third-quarter profit rose to $5 million from $3 million in the corresponding period last year.", NOV,
      "the corresponding period last year", "DATE", "2016-Q3", "date_period_year_back"),
    C("Third-quarter sales fell; sales for last year's quarter were $3 million.", NOV, "last year's quarter", "DATE",
      "2016-Q3", "date_period_year_back"),
    # ---- parts of a day ---------------------------------------------------------------------------------
    C("Dealers placed heavy buy orders in the morning.", THU, "the morning", "TIME", "2017-01-19TMO", "time_bare_pod"),
    C("By mid-afternoon, officials said the operation was over.", THU, "mid-afternoon", "TIME", "2017-01-19TAF",
      "time_bare_pod"),
    C("The convoy will leave at 4 in the morning.", THU, "4 in the morning", "TIME", "2017-01-19T04:00",
      "time_clock_inpod"),
    C("The council met at eight o'clock in the evening.", THU, "eight o'clock in the evening", "TIME",
      "2017-01-19T20:00", "time_clock_inpod"),
    C("In London at mid-afternoon yesterday, shares were up.", THU, "mid-afternoon yesterday", "TIME",
      "2017-01-18TAF", "time_yesterday_pod"),
    C("Shares fell in the morning session.", THU, "the morning session", "TIME", "2017-01-19TMO", "time_session"),
    C("On Monday, shares closed lower in the afternoon session.", THU, "the afternoon session", "TIME",
      "2017-01-16TAF", "time_session"),
    C("On Monday, a bomb exploded. Minutes later, a second blast hit the square.", THU, "Minutes later", "DATE",
      "2017-01-16", "date_plural_later"),
    C("Days later, the army withdrew from the town.", THU, "Days later", "DATE", "PAST_REF", "date_plural_later"),
    C("Weeks earlier, he had resigned.", THU, "Weeks earlier", "DATE", "PAST_REF", "date_plural_earlier"),
    C("Only months earlier, the rebels had taken the town.", THU, "Only months earlier", "DATE", "PAST_REF",
      "date_plural_earlier"),
    C("The plane landed at 0400, officials said.", THU, "0400", "TIME", "2017-01-19T04:00", "time_clock_zero"),
    C("The convoy left by 0830 on Monday.", THU, "0830", "TIME", "2017-01-16T08:30", "time_clock_zero"),
    C("The rebels will stay 2-3 months.", THU, "2-3 months", "DURATION", "PXM", "dur_range"),
    C("Rescue teams worked from 12:30 to 3:30 am.", THU, "12:30", "TIME", "2017-01-19T00:30", "time_clock24"),
    C("2017 01 19 00:11 JST\nThe agency declared a pandemic.", THU, "2017 01 19", "DATE", "2017-01-19", "date_iso"),
    C("Live updates\n\n0300 Aid workers arrive at the airport.", THU, "0300", "TIME", "2017-01-19T03:00",
      "time_liveblog"),
    C("Violence will be a theme of our campaign from now to Election Day.", "2016-10-26", "Election Day", "DATE",
      "2016-11-08", "date_holiday"),
    C("The day before last Tuesday's hearing, the lawyers met.", THU, "The day before last Tuesday", "DATE",
      "2017-01-16", "date_shift_weekday"),
    C("The convoy arrived two days before Jan. 5.", THU, "two days before Jan. 5", "DATE", "2017-01-03",
      "date_mdy"),
    C("They met the night before Jan. 5.", THU, "the night before Jan. 5", "TIME", "2017-01-04TNI",
      "date_mdy"),
    C("The festival is this coming Sunday, March twelfth.", "2017-03-05", "Sunday, March twelfth", "DATE",
      "2017-03-12", "date_md_words"),
    C("The talks open January twenty-third in Astana.", THU, "January twenty-third", "DATE", "2017-01-23",
      "date_md_words"),
    C("The index has risen 20% since year-end.", NOV, "year-end", "DATE", "2016", "date_year_end"),
    C("The index fell 1.2% on Friday. For the week, the index dropped 3.8%.", "2017-01-23", "the week", "DATE",
      "2017-W03", "date_the_week"),
    C("Volume rose on Friday, the week's most active session.", "2017-01-23", "the week", "DATE",
      "2017-W03", "date_the_week"),
    C("Herbicide use was delayed earlier in the year by heavy rains.", NOV, "earlier in the year", "DATE", "2017",
      "date_in_the_day"),
    C("Orders recovered from the low levels of the early summer.", NOV, "the early summer", "DATE", "2017-SU",
      "date_season"),
    C("The lawyers emerged from their third day-long meeting.", THU, "day-long", "DURATION", "P1D", "dur_unit_long"),
    C("The envoy began a week-long visit to the region.", THU, "week-long", "DURATION", "P1W", "dur_unit_long"),
    C("They will have to live without it for a while.", THU, "a while", "DURATION", "PXX", "dur_vague"),
    C("We're there to stay for a fairly lengthy period.", THU, "a fairly lengthy period", "DURATION", "PXX",
      "dur_vague"),
    C("Over the years, many patients died waiting.", THU, "the years", "DURATION", "PXY", "dur_the_plural"),
    C("In the early years, few survived the winter.", THU, "the early years", "DURATION", "PXY", "dur_the_plural"),
    C("It recently returned to profit after several quarters of losses.", THU, "several quarters", "DURATION", "PXQ",
      "dur_num_unit"),
    C("Eight trading days after the crash, the index recovered.", THU, "Eight trading days", "DURATION", "P8D",
      "dur_num_unit"),
    C("He will appear before the judge at midday.", THU, "midday", "TIME", "2017-01-19T12:00", "time_noon"),
    C("The strike lasted two\nweeks and ended on Friday.", THU, "two\nweeks", "DURATION", "P2W", "dur_num_unit"),
    C("The tanker was hit at 1930 GMT last night.", THU, "1930 GMT", "TIME", "2017-01-18T19:30", "time_clock_hhmm"),
    C("Cases rose sharply within the past fortnight.", THU, "the past fortnight", "DURATION", "P2W",
      "dur_the_past_unit"),
    C("Fighting raged between 1040 and 1050.", THU, "1040", "TIME", "2017-01-19T10:40", "time_clock_zero"),
    C("Prices rose over the week-end.", THU, "the week-end", "DATE", "2017-W02-WE", "date_weekend"),
    C("The 1987-89 plan was approved.", THU, "1987-89", "DATE", "1987", "date_year_span"),
    C("Three people died, and a week later the army left.", THU, "a week later", "DATE", "PAST_REF", "date_later"),
    C("The talks may resume on Saturday.", "2017-01-23", "Saturday", "DATE", "2017-01-28", "date_weekday"),
    C("The envoy should arrive on Saturday.", "2017-01-23", "Saturday", "DATE", "2017-01-28", "date_weekday"),
    C("Officials could not be reached on Saturday.", "2017-01-23", "Saturday", "DATE", "2017-01-21", "date_weekday"),
    C("The judge has given prosecutors the weekend to study the file.", THU, "the weekend", "DATE", "2017-W03-WE",
      "date_weekend"),
    C("Shelling continued overnight.", THU, "overnight", "TIME", "2017-01-18TNI", "time_overnight"),
    C("Prices fell overnight in New York.", THU, "overnight", "TIME", "2017-01-18TNI", "time_overnight"),
    C("In a memo filed in advance of a 29 November hearing, lawyers asked for time.", NOV, "29 November", "DATE",
      "2017-11-29", "date_dmy"),
    C("She left the country on 25 June that year.", THU, "25 June that year", "DATE", "2017-06-25",
      "date_month_narr_year"),
    C("The outbreak in April of the new virus alarmed experts.", MAY, "April", "DATE", "2017-04", "date_month"),
    C("In the immediate future, nothing will change.", THU, "the immediate future", "DATE", "FUTURE_REF",
      "date_future_ref"),
    C("Enrolment fell in the current academic year.", THU, "the current academic year", "DATE", "2017",
      "date_fiscal_year"),
    C("The vaccine is ready for the winter.", JUL, "the winter", "DATE", "2016-WI", "date_season"),
    C("Net income fell in the second quarter last year.", "2017-03-20", "the second quarter last year", "DATE",
      "2016-Q2", "date_period_year_back"),
    C("Unleaded gasoline for April finished lower.", "2017-03-20", "April", "DATE", "2017-04", "date_month"),
    C("Police raided the house on Monday. 48 hours later, they left.", THU, "48 hours later", "DATE", "2017-01-18",
      "date_later"),
    C("The president agreed on Tuesday not to seek re-election in September.", FEB, "September", "DATE", "2017-09",
      "date_month"),
    C("Quarterly figures to be reported Tuesday will show a loss.", THU, "Tuesday", "DATE", "2017-01-24",
      "date_weekday"),
    # ---- direction from the date's noun phrase and its verb -------------------------------------------
    C("Leaders can take part in planning for the summit in April.", DEC, "April", "DATE", "2017-04", "date_month"),
    C("Officials had discussed the slated visit of the minister in July.", JUL, "July", "DATE", "2016-07",
      "date_month"),
    C("The upcoming talks in August were discussed.", SEP, "August", "DATE", "2018-08", "date_month"),
    C("His family have backed plans for a tribute concert on 8 October.", NOV, "8 October", "DATE", "2018-10-08",
      "date_dmy"),
    C("The company declared a dividend of 10 cts a share, pay March 31.", "2017-03-20", "March 31", "DATE",
      "2017-03-31", "date_mdy"),
    C("Acme reported a 2016 net profit of 5 mln dlrs against a year-ago loss of 2 mln dlrs.", FEB, "year-ago",
      "DATE", "2015", "date_year_earlier"),
    C("The economy grew after a small downward revision Friday to December's figures.", FEB, "December", "DATE",
      "2016-12", "date_month"),
    C("The channel showed archive footage: January nineteen ninety-seven, Atlanta.", THU,
      "January nineteen ninety-seven", "DATE", "1997-01", "date_year_words"),
]

# Calendar edges: ISO weeks across years (2015 has a week 53), leap days, month and year boundaries.
EDGES = [
    ("The talks collapsed last week.", "2017-01-02", "last week", "2016-W52"),      # Monday of 2017-W01
    ("The talks collapsed last week.", "2016-01-05", "last week", "2015-W53"),      # Tuesday of 2016-W01
    ("Troops will leave next week.", "2016-12-29", "next week", "2017-W01"),        # Thursday of 2016-W52
    ("The agency reported the figures this week.", "2017-01-22", "this week", "2017-W03"),  # a Sunday
    ("The talks will continue on Monday.", "2017-01-22", "Monday", "2017-01-23"),   # Sunday -> the next day
    ("The ministers will meet on Thursday.", "2017-01-20", "Thursday", "2017-01-26"),  # Friday -> next week's
    ("Lavrov said Friday the talks would go ahead.", "2017-01-20", "Friday", "2017-01-20"),
    ("The ministers will meet next Thursday.", THU, "next Thursday", "2017-01-26"),
    ("The rebels attacked yesterday.", "2017-01-01", "yesterday", "2016-12-31"),
    ("The rebels lost ground last month.", "2017-01-02", "last month", "2016-12"),
    ("Revenue should improve next quarter.", "2016-11-17", "next quarter", "2017-Q1"),
    ("He took office a year ago today.", "2016-02-29", "a year ago today", "2015-02-28"),
    ("The siege ended two days ago.", "2016-03-01", "two days ago", "2016-02-28"),
]


@pytest.mark.parametrize("sentence, dct, text, value", [pytest.param(*e, id=f"{e[1]}:{e[2]}") for e in EDGES])
def test_calendar_edges(sentence, dct, text, value):
    t = _the_one(sentence, dct, text)
    assert t.value == value, _show([t])


# Sentences with words that look like time expressions but are not: nothing may be tagged.
NEGATIVE = [
    pytest.param("The present value of the bonds fell.", THU, id="present-value"),
    pytest.param("Theresa May met the president.", THU, id="Theresa-May-again"),
    pytest.param("He resigned the day before the vote.", THU, id="the-day-before-an-event"),
    pytest.param("Turnout rose 3 to 5 percent.", THU, id="three-to-five-percent"),
    pytest.param("The video (1:23) shows the crowd.", THU, id="video-length"),
    pytest.param("They talked for the last half hour.", THU, id="last-half-hour"),
    pytest.param("In the first half of the match, he scored.", THU, id="first-half-of-a-match"),
    pytest.param("IT MAY RETALIATE, MINISTER SAYS", THU, id="caps-headline-may"),
    pytest.param("The bank cut its rate by a one-quarter percentage point.", THU, id="quarter-point"),
    pytest.param("Prices rose 2016-12 percent.", THU, id="not-a-span"),
    pytest.param("Today presenter John Humphrys asked him about it.", THU, id="Today-presenter"),
    pytest.param("The report appeared in Investor's Business Daily.", THU, id="Business-Daily"),
    pytest.param("He told the Today programme he was sure.", THU, id="the-Today-programme"),
    pytest.param("He spoke on the BBC's Today programme about the vote.", THU, id="Today-the-programme"),
    pytest.param("She hosted the Hope For Haiti Now telethon.", THU, id="Now-in-a-name"),
    pytest.param("Fans in their 30s and 40s love the band.", THU, id="ages-not-decades"),
    pytest.param("He is in his late 50s.", THU, id="age-late-50s"),
    pytest.param("Sales rose for the period between the two votes.", THU, id="the-period-between"),
    pytest.param("We have already invited the United States, he said.", THU, id="we-not-wednesday"),
    pytest.param("Wed like to see the talks resume.", THU, id="Wed-typo-not-wednesday"),
    pytest.param("The talks may fail, he warned.", THU, id="may-the-verb"),
    pytest.param("The parliament, an august body, met in the old palace.", THU, id="august-the-adjective"),
    pytest.param("Violence continues to mar the talks.", THU, id="mar-the-verb"),
    pytest.param("May God protect our soldiers, he said.", THU, id="May-optative"),
    pytest.param("Britain's Theresa May will visit Washington.", THU, id="Theresa-May-subject"),
    pytest.param("Theresa May met the French president.", THU, id="Theresa-May-sentence-start"),
    pytest.param("Protesters will march to parliament.", THU, id="march-the-verb"),
    pytest.param("Thousands march through the capital to protest.", THU, id="march-the-verb-present"),
    pytest.param("The country sent 2,000 troops to the border.", THU, id="2000-troops"),
    pytest.param("The army deployed 1500 soldiers near the town.", THU, id="1500-soldiers"),
    pytest.param("The bill would cost $2017 per household.", THU, id="dollar-2017"),
    pytest.param("The vote went to a second round.", THU, id="a-second-round"),
    pytest.param("He was appointed after the fall of the regime.", THU, id="the-fall-of-the-regime"),
    pytest.param("A 6-year-old boy was killed in the blast.", THU, id="6-year-old"),
    pytest.param("The company raised its quarterly dividend.", THU, id="quarterly-dividend"),
    pytest.param("The talks should resume as soon as possible.", THU, id="as-soon-as-possible"),
    pytest.param("The rebels hold 1999 square kilometres of land.", THU, id="1999-square-km"),
    pytest.param("Flight 2016 landed safely.", THU, id="flight-number"),
    pytest.param("The Sunday Times reported that the deal was close.", THU, id="Sunday-Times"),
    pytest.param("The Good Friday Agreement ended decades of violence.", THU, id="Good-Friday-Agreement"),
    pytest.param("Israel captured the territory in the Six-Day War.", THU, id="Six-Day-War"),
    pytest.param("The field pumps 100,000 barrels a day.", THU, id="rate-a-day"),
    pytest.param("He earns $500 a month.", THU, id="rate-a-month"),
    pytest.param("Rents rise 10 percent a year.", THU, id="rate-a-year"),
    pytest.param("The country imports 2 million tonnes per year.", THU, id="rate-per-year"),
    pytest.param("A 30-year-old man was arrested.", THU, id="30-year-old"),
    pytest.param("Shares fell 2.5 percent to 2017 pence.", THU, id="2017-pence"),
    pytest.param("Resolution 2254 calls for a ceasefire.", THU, id="resolution-number"),
    pytest.param("He said at the time that the deal was fair.", THU, id="at-the-time"),
    pytest.param("He reads the newspaper in the morning.", THU, id="habitual-in-the-morning"),
    pytest.param("He talked about the vote in the evening news.", THU, id="evening-news"),
    pytest.param("Elian is for today's youth what the blockade was for their parents.", THU, id="todays-youth-generic"),
    pytest.param("If I were choosing the people of tomorrow, I would choose them.", THU, id="people-of-tomorrow"),
    pytest.param("Guards stood outside the clinic 24 hours a day.", THU, id="hours-a-day-rate"),
    pytest.param("He expressed the hope he one day follow in the footsteps of Glenn.", THU, id="one-day-someday"),
    pytest.param("The company declared its initial quarterly of five cents a share.", THU, id="quarterly-dividend-noun"),
    pytest.param("The rebel group began to fall apart.", THU, id="fall-the-verb-after-to"),
    pytest.param("The index closed at 1100.", THU, id="index-level-not-a-clock"),
    pytest.param("Sales rose between 1200 and 1400 units.", THU, id="between-two-counts"),
    pytest.param("Sony will set up a\nsecond subsidiary.", THU, id="a-second-across-a-line"),
    pytest.param("    Net         8,451,578 vs 7,000,000\n    Year", THU, id="table-number-and-unit-on-two-lines"),
    pytest.param("Makers can produce 4.9 billion pandemic flu shots a year.", THU, id="rate-count-further-back"),
    pytest.param("Families stayed in an overnight shelter.", THU, id="overnight-adjective"),
    pytest.param("The Future Combat System was cancelled.", THU, id="Future-in-a-name"),
    pytest.param("Banks saw offers of overnight at 10 pct.", THU, id="overnight-money"),
    pytest.param("The index settled at 1678.5 points, down from 2082.1.", THU, id="index-points-not-years"),
    pytest.param('He spoke on ABC News\' "This Week," a news program.', THU, id="This-Week-a-title"),
    pytest.param("The poster showed Gary Cooper in the film ``High Noon.''", THU, id="High-Noon-a-film"),
]


@lru_cache(maxsize=None)
def _tags(sentence: str, dct: str | None):
    return tuple(tag(sentence, dt.date.fromisoformat(dct) if dct else None))


def _show(tags) -> str:
    return "; ".join(f"{t.text!r}[{t.start}:{t.end}] {t.type} {t.value} ({t.rule})" for t in tags) or "nothing"


def _the_one(sentence, dct, text):
    assert text in sentence, f"bad test: {text!r} not in the sentence"
    start = sentence.index(text)
    end = start + len(text)
    tags = _tags(sentence, dct)
    hits = [t for t in tags if t.start < end and start < t.end]
    assert len(hits) == 1, f"expected one expression at {text!r} [{start}:{end}], got: {_show(tags)}"
    t = hits[0]
    assert (t.start, t.end, t.text) == (start, end, text), f"extent: got {_show(hits)}, expected {text!r}"
    return t


@pytest.mark.parametrize("sentence, dct, text, typ, value, rule", _params(CASES, for_rule=False))
def test_timex(sentence, dct, text, typ, value, rule):
    t = _the_one(sentence, dct, text)
    assert t.type == typ, _show([t])
    if isinstance(value, (set, frozenset)):
        assert t.value in value, _show([t])
    else:
        assert t.value == value, _show([t])
    if dct is not None and value not in ("PAST_REF", "PRESENT_REF", "FUTURE_REF"):
        assert t.resolved, _show([t])


@pytest.mark.parametrize("sentence, dct, text, typ, value, rule", _params(CASES, for_rule=True))
def test_rule(sentence, dct, text, typ, value, rule):
    """The rule that found it (the tagger may add '+quote' or '+dateline')."""
    t = _the_one(sentence, dct, text)
    assert t.rule.split("+")[0] == rule, _show([t])


@pytest.mark.parametrize("sentence, dct", NEGATIVE)
def test_not_a_time_expression(sentence, dct):
    tags = _tags(sentence, dct)
    assert not tags, _show(tags)


def _rule_names() -> list[str]:
    names = []
    with open(data_path("timex", "rules.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                names.append(line.split("\t")[0])
    return names


DEAD_RULES: dict[str, str] = {  # rule -> why no sentence can reach it (strict xfail until it can)
}


@pytest.mark.parametrize("rule", [
    pytest.param(r, marks=bug(DEAD_RULES[r]) if r in DEAD_RULES else ()) for r in _rule_names()])
def test_every_rule_is_exercised(rule):
    """Each rule of data/timex/rules.tsv fires on at least two sentences of the table (a new rule needs cases)."""
    fired = Counter()
    for sentence, dct, *_ in CASES:
        for t in _tags(sentence, dct):
            fired[t.rule.split("+")[0]] += 1
    assert fired[rule] >= 2, f"{rule} fired {fired[rule]} time(s) on the table"


def test_every_document_date_has_its_weekday_written_down():
    used = {row[1] for row in CASES if row[1]} | {e[1] for e in EDGES}
    assert not used - set(WEEKDAY_OF), sorted(used - set(WEEKDAY_OF))


def test_document_dates_are_the_weekdays_named():
    for d, name in WEEKDAY_OF.items():
        assert dt.date.fromisoformat(d).strftime("%A") == name
    assert dt.date(2016, 11, 24).strftime("%A") == "Thursday"  # Thanksgiving 2016
    assert dt.date(2017, 5, 1).strftime("%A") == "Monday"      # 'Monday 1 May' case
    assert dt.date(2017, 3, 7).strftime("%A") == "Tuesday"     # 'Tuesday, March 7' case


# ---- attributes besides the value: mod (approximators), freq and quant (sets) ------------------------------------

@pytest.mark.parametrize("sentence, text, mod", [
    pytest.param("The war has lasted more than six years.", "more than six years", "MORE_THAN", id="more-than"),
    pytest.param("The war has lasted nearly six years.", "nearly six years", "LESS_THAN", id="nearly"),
    pytest.param("The rebels withdrew late last year.", "late last year", "END", id="late-last-year"),
    pytest.param("The two sides met earlier this year in Geneva.", "earlier this year", "START", id="earlier-this-year"),
    pytest.param("The truce has held for about two weeks.", "two weeks", "APPROX", id="about-two-weeks"),
    pytest.param("The rebels must leave within 48 hours.", "48 hours", "EQUAL_OR_LESS", id="within"),
    pytest.param("The blast occurred at around 9 a.m.", "9 a.m.", "APPROX", id="around-9-am"),
    pytest.param("Tensions have risen over the last two days.", "the last two days", "", id="over-the-last"),
    pytest.param("Over the past year, prices doubled.", "the past year", "", id="Over-the-past-year"),
    pytest.param("About 10 years ago the war started.", "10 years ago", "APPROX", id="about-10-years-ago"),
])
def test_mod(sentence, text, mod):
    t = _the_one(sentence, THU, text)
    assert t.mod == mod, _show([t])


@pytest.mark.parametrize("sentence, text, attr, expected", [
    pytest.param("Envoys meet twice a week in Geneva.", "twice a week", "freq", "2X", id="twice-a-week-freq"),
    pytest.param("Monitors visit the area every Tuesday.", "every Tuesday", "quant", "EVERY", id="every-quant"),
    pytest.param("Patients take the pills three times a day.", "three times a day", "freq", "3X", id="3X"),
])
def test_set_attributes(sentence, text, attr, expected):
    t = _the_one(sentence, THU, text)
    assert getattr(t, attr) == expected, _show([t])


def _granularity_of(typ: str, value: str) -> set[str]:
    """The granularities a TIMEX3 value can carry."""
    if typ == "DURATION":
        return {"duration"}
    if typ == "SET":
        return {"set"}
    if value in ("PAST_REF", "PRESENT_REF", "FUTURE_REF"):
        return {"vague"}
    date, _, time_part = value.partition("T")
    if time_part:
        return {"time"} if ":" in time_part else {"day", "time"}
    patterns = [(r"[0-9X]{4}-[0-9X]{2}-[0-9X]{2}", "day"), (r"[0-9X]{4}-W[0-9X]{2}-[1-7X]", "day"),
                (r"[0-9X]{4}-W[0-9X]{2}(-WE)?", "week"), (r"[0-9X]{4}-[0-9X]{2}", "month"),
                (r"[0-9X]{4}-Q[1-4X]", "quarter"), (r"[0-9X]{4}-H[12X]", "half"),
                (r"[0-9X]{4}-(SP|SU|FA|WI)", "season"), (r"[0-9X]{4}", "year"), (r"[0-9X]{3}", "decade"),
                (r"[0-9X]{2}", "century")]
    import re

    for pattern, gran in patterns:
        if re.fullmatch(pattern, date):
            known = {gran}
            # "that same day" in a story that gave only "October 2015": 2015-10-XX, known to the month
            if re.fullmatch(r"\d{4}-\d{2}-XX", date):
                known.add("month")
            elif re.fullmatch(r"\d{4}-XX-XX|\d{4}-XX|\d{4}-WXX", date):
                known.add("year")
            return known
    return set()


def test_granularity_matches_value():
    """Over every expression the table's sentences yield, the granularity column agrees with the value's form."""
    wrong = []
    for sentence, dct, *_ in CASES:
        for t in _tags(sentence, dct):
            if t.granularity not in _granularity_of(t.type, t.value):
                wrong.append(f"{t.text!r} {t.type} {t.value} granularity={t.granularity} ({t.rule})")
    assert not wrong, "\n".join(wrong)


def test_interval_matches_value():
    """A resolved calendar DATE has the [start, end) interval its value names (days, months, years)."""
    wrong = []
    for sentence, dct, *_ in CASES:
        for t in _tags(sentence, dct):
            if t.type != "DATE" or not t.resolved or t.granularity not in ("day", "month", "year"):
                continue
            if t.rule in ("date_mdy_range", "date_year_span", "date_month_range"):  # a run: the interval covers it all
                continue
            v = t.value
            if t.granularity == "day" and len(v) == 10:
                d = dt.date.fromisoformat(v)
                want = (d, d + dt.timedelta(days=1))
            elif t.granularity == "month" and len(v) == 7:
                y, m = int(v[:4]), int(v[5:7])
                want = (dt.date(y, m, 1), dt.date(y + m // 12, m % 12 + 1, 1))
            elif t.granularity == "year" and len(v) == 4:
                want = (dt.date(int(v), 1, 1), dt.date(int(v) + 1, 1, 1))
            else:
                continue
            got = (t.interval_start, t.interval_end)
            if got != (want[0].isoformat(), want[1].isoformat()):
                wrong.append(f"{t.text!r} {t.value}: interval {got}, expected {want}")
    assert not wrong, "\n".join(wrong)


# ---- tense grids: every weekday and month name in past and future sentences, for four document dates -----------

GRID_DCTS = [dt.date(2017, 1, 19), dt.date(2017, 1, 22), dt.date(2017, 5, 2), dt.date(2016, 12, 15)]
# Thursday, Sunday, Tuesday, Thursday
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@pytest.mark.parametrize("template, tense", [
    ("Officials met on {}.", "past"),
    ("The rebels attacked the town on {}, killing four.", "past"),
    ("He said on {} that talks had failed.", "past"),
    ("The army had shelled the area on {}.", "past"),
    ("Officials will meet on {}.", "future"),
    ("The vote is scheduled for {}.", "future"),
    ("The envoy is expected to arrive on {}.", "future"),
    ("Talks are due to resume on {}.", "future"),
    ("The minister plans to visit on {}.", "future"),
])
def test_weekday_tense_grid(template, tense):
    """Past: the last such day up to the document's day; future: the next one, within a week."""
    wrong = []
    for dct in GRID_DCTS:
        for day in WEEKDAYS:
            sentence = template.format(day)
            hits = [t for t in _tags(sentence, dct.isoformat()) if t.text.endswith(day)]
            if len(hits) != 1:
                wrong.append(f"{dct} {sentence!r}: {_show(_tags(sentence, dct.isoformat()))}")
                continue
            delta = (dt.date.fromisoformat(hits[0].value) - dct).days
            if not ((-6 <= delta <= 0) if tense == "past" else (0 <= delta <= 7)):
                wrong.append(f"{dct:%a %Y-%m-%d} {sentence!r} -> {hits[0].value}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("template, tense", [
    ("The rebels took the town in {}.", "past"),
    ("The talks collapsed in {}, officials said.", "past"),
    ("He had visited Moscow in {}.", "past"),
    ("The deal was signed in late {}.", "past"),
    ("Prices fell sharply in {}, data showed.", "past"),
    ("The army captured the town on {} 12.", "past"),
    ("Elections will be held in {}.", "future"),
    ("The talks are due to resume in {}.", "future"),
    ("The government plans to cut taxes in {}.", "future"),
    ("The envoy is expected to visit in early {}.", "future"),
    ("The vote will take place on {} 12.", "future"),
    pytest.param("The summit is scheduled for {}.", "future"),
])
def test_month_tense_grid(template, tense):
    """Past: within the twelve months up to the document's month; future: within the twelve months from it."""
    wrong = []
    for dct in GRID_DCTS:
        for month in MONTHS:
            sentence = template.format(month)
            hits = [t for t in _tags(sentence, dct.isoformat()) if month in t.text]
            if len(hits) != 1:
                wrong.append(f"{dct} {sentence!r}: {_show(_tags(sentence, dct.isoformat()))}")
                continue
            v = hits[0].value
            diff = int(v[:4]) * 12 + int(v[5:7]) - (dct.year * 12 + dct.month)
            if not ((-12 <= diff <= 0) if tense == "past" else (0 <= diff <= 12)):
                wrong.append(f"{dct} {sentence!r} -> {v}")
    assert not wrong, "\n".join(wrong)


def _rule_examples() -> list[str]:
    out = []
    with open(data_path("timex", "rules.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("# EXAMPLE:"):
                body = line[len("# EXAMPLE:"):].split("(")[0]
                out += [f"They said {e.strip()} it happened." for e in body.split("|") if e.strip()]
    return out


def test_rule_prefilter_changes_nothing():
    """Rules run only near anchor words, and a rule that needs a word list runs only around that list's words
    (skipped when the text has none); that must never lose a match (every table sentence and every rule's
    examples)."""
    from timeline.timex.recognize import _fields, find_candidates, load_rules

    for sentence in [c[0] for c in CASES] + _rule_examples():
        plain = sorted((m.start(), m.end(), r.name) for r in load_rules() for m in r.pattern.finditer(sentence)
                       if m.end() > m.start() and _fields(m, r) is not None)
        fast = sorted((c.start, c.end, c.rule) for c in find_candidates(sentence))
        assert set(plain) == set(fast), (sentence, set(plain) ^ set(fast))
