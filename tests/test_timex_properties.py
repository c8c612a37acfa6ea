"""Properties every tagger output must keep, on word salad built from time words (fixed seed, ~400 strings).

No exception; offsets cover exactly the text; TIMEX3 types and granularities from the model's lists; values
in TIMEX3 form; no two expressions overlap; intervals non-empty; without a document time nothing is anchored
to one.
"""
from __future__ import annotations

import datetime as dt
import random
import re

import pytest

from timeline.timex.model import GRANULARITIES, TIMEX_TYPES
from timeline.timex.tagger import tag

WORDS = (
    "the a last next this past coming previous following same that early late mid- mid the end of beginning of "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mondays January February March May June July "
    "December Jan. Feb. Sept. Dec. spring summer fall winter Christmas Thanksgiving today yesterday tomorrow "
    "tonight morning night afternoon evening week weeks weekend month months quarter quarters year years decade "
    "decades century day days hour hours minute ago later earlier before after from to until by since in on at "
    "of for over within about nearly more than two three 1 2 12 19 23 30 31 2011 2016 2017 1990s '80s 19th third "
    "first second half fiscal FY2016 5 p.m. 10:30 a.m. 14:00 GMT 0800 noon midnight daily weekly every each twice "
    "once a an per now currently recently future said will had would has been was is , . ; \u201c \u201d \" ' ( ) "
    "- $ % 0 1/19/2017 2017-01-19 nineteen ninety-six twenty Q3 H1"
).split()
DCTS = [None, dt.date(2017, 1, 19), dt.date(2016, 2, 29), dt.date(2015, 12, 31)]

DATE_VALUE = re.compile(
    r"^(?:PAST_REF|PRESENT_REF|FUTURE_REF|[0-9X]{2,4}"
    r"(?:-(?:W[0-9X]{2}(?:-(?:[1-7X]|WE))?|Q[1-4X]|H[12X]|SP|SU|FA|WI|[0-9X]{2}(?:-[0-9X]{2})?))?"
    r"(?:T(?:MO|AF|EV|NI|MI|DT|[0-9X]{2}(?::\d{2})?))?)$")
DURATION_VALUE = re.compile(
    r"^P(?=.)(?:(?:\d+(?:\.\d+)?|X)(?:DE|CE|ML|WE|Y|M|W|D|Q|H))*(?:T(?=.)(?:(?:\d+(?:\.\d+)?|X)[HMS])*)?$")


def _salad(seed: int, n: int) -> list[tuple[str, dt.date | None]]:
    rng = random.Random(seed)
    return [(" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 14))), rng.choice(DCTS)) for _ in range(n)]


@pytest.mark.parametrize("chunk", range(4))
def test_tagger_properties_on_word_salad(chunk):
    problems = []
    for text, dct in _salad(1000 + chunk, 100):
        try:
            out = tag(text, dct)
        except Exception as exc:  # noqa: BLE001 - any exception is the finding
            problems.append(f"{type(exc).__name__}: {exc} on {text!r} dct={dct}")
            continue
        spans = []
        for t in out:
            where = f"{t.text!r} {t.type} {t.value} ({t.rule}) in {text!r} dct={dct}"
            if text[t.start:t.end] != t.text:
                problems.append(f"offsets {t.start}:{t.end} do not cover {where}")
            if t.type not in TIMEX_TYPES:
                problems.append(f"type: {where}")
            if t.granularity not in GRANULARITIES:
                problems.append(f"granularity {t.granularity!r}: {where}")
            form = DURATION_VALUE if t.type == "DURATION" else DATE_VALUE
            if not (form.match(t.value) or (t.type == "SET" and DURATION_VALUE.match(t.value))):
                problems.append(f"value not in TIMEX3 form: {where}")
            if t.interval_start and not (t.interval_end and t.interval_start < t.interval_end):
                problems.append(f"interval {t.interval_start}..{t.interval_end}: {where}")
            if dct is None and t.anchor.startswith("dct"):
                problems.append(f"anchored to a document time that does not exist: {where}")
            spans.append((t.start, t.end))
        spans.sort()
        for a, b in zip(spans, spans[1:]):
            if b[0] < a[1]:
                problems.append(f"overlapping expressions {a} {b} in {text!r}")
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("text", ["", " ", "\n\n", ".", "\u200b", "\u201c\u201d", "2017", "Monday", "\t\tMay\t"])
def test_tiny_inputs(text):
    for dct in (None, dt.date(2017, 1, 19)):
        for t in tag(text, dct):
            assert text[t.start:t.end] == t.text


def test_non_latin_text_is_left_alone():
    text = "\u0642\u0627\u0644 \u0627\u0644\u0648\u0632\u064a\u0631 \u064a\u0648\u0645 \u0627\u0644\u062e\u0645\u064a\u0633 \u2014 \u5916\u4ea4\u90e8\u5468\u56db\u8868\u793a"
    assert tag(text, dt.date(2017, 1, 19)) == []


def test_tagging_is_deterministic():
    text = ("Lavrov said on Thursday that the talks, which began on December 30, would resume on Monday, "
            "January 23, and last two days.")
    first = [t.to_row() for t in tag(text, dt.date(2017, 1, 19))]
    again = [t.to_row() for t in tag(text, dt.date(2017, 1, 19))]
    assert first == again and first
