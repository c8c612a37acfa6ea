"""Time-expression tagger: recognise (rules in data/), read the sentence (spaCy), resolve
against the speech time and the narrative, and return `Timex` records in text order."""
from __future__ import annotations

import bisect
import re
import datetime as dt

from timeline.timex import values as V
from timeline.timex.context import (COMPARISON_WORDS, DEADLINE, FUTURE, PAST, PRESENT, after_deadline_word, cues, dates_clause,
                                    governing_verb, inside, is_reporting, present_sentence, quote_spans, simple_past,
                                    tense_of, token_at, verb_tense)
from timeline.timex.model import Timex
from timeline.timex.recognize import Candidate, find_candidates, select
from timeline.timex.resolve import Anchor, Context, Resolved, resolve

TIME_NOUNS = {"year", "years", "month", "months", "day", "days", "week", "weeks", "quarter", "quarters",
              "season", "period", "time", "times", "decade", "decades", "election", "elections", "budget",
              "census", "census", "olympics", "games", "cup", "summit", "levels", "level", "war", "crisis"}
NUMERIC_ENTS = {"MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL"}


def _keep(c: Candidate, doc, text: str) -> bool:
    """Vetoes from the parse: numbers that are counts, names that look like months, adjectives."""
    tok = token_at(doc, c.start, c.end) if doc is not None else None
    low = c.text.lower()
    if c.rule == "date_year":
        before = text[max(0, c.start - 2):c.start]
        if "$" in before or "#" in before or "No" in text[max(0, c.start - 4):c.start]:
            return False
        prev_word = text[max(0, c.start - 14):c.start].split()[-1:] or [""]
        next_word = text[c.end:c.end + 14].split()[:1] or [""]
        if prev_word[0].lower() in LABEL_WORDS or next_word[0].lower().strip(".,") in MEASURE_WORDS:
            return False  # "Flight 2016", "1999 square km": a label or a measure
        if tok is not None and tok.ent_type_ != "DATE":
            # "2000 troops" is a count; "the 2011 uprising" a year
            if tok.dep_ == "nummod" and tok.head.tag_ in ("NNS", "NNPS") and tok.head.lower_ not in TIME_NOUNS:
                return False
            if tok.ent_type_ in ("MONEY", "QUANTITY", "PERCENT"):
                return False
            if tok.ent_type_ in ("ORG", "PRODUCT", "FAC") and tok.ent_iob_ != "B" and tok.i > 0 \
                    and tok.doc[tok.i - 1].text[:1].isupper():
                return False  # "a joint venture called Orion 1980": a year inside a name
    if c.rule in ("date_past_ref",) and low == "earlier" and tok is not None:
        if tok.tag_ == "JJR" or (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "than"):
            return False
        if tok.is_sent_start or (tok.i > 0 and tok.doc[tok.i - 1].is_punct and tok.doc[tok.i - 1].text in '"“\'‘`'):
            return False  # "Earlier, the company said ...": a discourse link, not a time
        nxt = text[c.end:c.end + 14].lower().lstrip()
        if nxt.startswith(("that ", "this ", "in the ", "on ", "yesterday", "today", "monday", "tuesday", "wednesday",
                           "thursday", "friday", "saturday", "sunday")):
            return False  # "earlier Friday", "earlier that day": the following expression carries the time
    if c.rule in ("date_month",) and tok is not None:
        if tok.ent_type_ in ("PERSON", "ORG") or tok.pos_ == "VERB":
            return False
        if tok.i > 0 and tok.doc[tok.i - 1].pos_ == "PROPN" and tok.doc[tok.i - 1].text[:1].isupper() \
                and tok.doc[tok.i - 1].ent_type_ not in ("DATE",) and (c.text in ("May", "March", "August", "June", "April")
                                                                     and tok.doc[tok.i - 1].ent_type_ == "PERSON"
                                                                     or tok.doc[tok.i - 1].text in GIVEN_NAMES):
            return False  # "Theresa May", "Brian May"; not "U.S. April crude futures"
        if c.text in ("May",) and tok.tag_ == "MD":
            return False
    if c.rule == "date_one_day":
        prev_word = (text[max(0, c.start - 12):c.start].split()[-1:] or [""])[0].lower()
        ahead = tok is not None and tense_of(doc, c.start, c.end) in (FUTURE, DEADLINE)
        if not (prev_word in MODALS or (low.startswith("some") and ahead)):
            return False  # "lasted one day" is a duration; "will one day be", "someday we will" an indefinite future
    if c.rule == "date_narr_next" and text[max(0, c.start - 12):c.start].split()[-1:] in (
            ["over"], ["during"], ["within"], ["for"], ["throughout"]):
        return False  # "over the next month": a span, left to the duration rules
    if c.rule == "time_clock24" and "zone" not in c.fields and not re.search(r"(?:hours|hrs|h)$", low) and \
            (text[max(0, c.start - 20):c.start].split()[-1:] or [""])[0].lower() not in TIME_PREPS:
        return False  # "(1:23)", "a 2:1 vote": a bare H:MM is a time only after "at", "by", "until" ...
    if c.rule == "time_clock_zero" and not c.text.startswith("0"):
        before = re.findall(r"[A-Za-z]+", text[max(0, c.start - 40):c.start])[-3:]
        if any(w.lower() in LEVEL_WORDS for w in before):
            return False  # "the index closed at 1100", "won by 1000": a level or a count, not a clock time
    if c.kind == "dur" and text[max(0, c.start - 1):c.start] == ":":
        return False  # the minutes of a clock time, "14:00 hours"
    if c.kind == "dur" and low.startswith("last ") and tok is not None:
        first = doc.char_span(c.start, c.start + 4, alignment_mode="expand")
        if first is not None and len(first) and first[0].pos_ in ("VERB", "AUX"):  # "expected to last two days"
            c.start += 5
            c.text = c.text[5:]
    if c.rule == "dur_num_unit" and low.split()[0] in ("a", "an", "per") and not c.text[:1].isupper():
        before = re.split(r"[.;:!?,]\s|\b(?:and|but|while|which|that|for|in|within|after)\s", text[max(0, c.start - 60):c.start])[-1].split()
        if any(re.search(r"\d", w) or w.lower() in RATE_WORDS for w in before[-6:]):
            return False  # "$5 a year", "four flights a week", "4.9 billion flu shots a year": a rate, not a time
            # (the count within the same phrase, never across a clause: "within a year")
    after = text[c.end:c.end + 8].lower()
    next_word = (text[c.end:c.end + 20].split()[:1] or [""])[0].strip(".,;:")
    if c.kind == "dur" and after.lstrip().startswith("old"):
        return False  # "52 years old": an age
    if c.kind == "dur" and low.endswith("-old"):
        words = text[c.end:c.end + 40].lower().split()
        if not any(w.strip(".,;:") in LASTING_NOUNS for w in words[:3]):
            return False  # "a 6-year-old boy", "the 50-year-old alliance": an age; "the six-year-old war" lasts
    if c.kind == "dur" and next_word[:1].isupper() and next_word in ("War", "Wars", "Offensive", "Campaign"):
        return False  # "the Six-Day War": a name
    if c.rule in ("date_weekday", "time_weekday_pod") and next_word in NAME_FOLLOWERS:
        return False  # "the Sunday Times", "the Good Friday Agreement"
    if c.rule == "set_every_unit" and low.startswith("per "):
        before = re.split(r"[.;:!?]\s", text[max(0, c.start - 24):c.start])[-1].split()
        if any(re.search(r"\d", w) or w.lower() in RATE_WORDS for w in before[-3:]):
            return False  # "100,000 barrels per day": a rate
    if c.kind == "dur" and c.fields.get("unit") == "Q" and (after.lstrip().startswith("of ") and str(c.fields.get(
            "num")) in ("1", "2", "3", "0.5") or next_word.lower() in (
            "percentage", "point", "points", "pct", "percent", "mile", "miles", "inch", "pound", "share")):
        return False  # "three-quarters of its food", "a one-quarter percentage point cut": a fraction
    if c.rule == "date_month" and (re.match(r" for\s+(?:Life|Peace|Our|the\s+[A-Z]|[A-Z])", text[c.end:c.end + 16])
                                   or text[c.end:c.end + 8].startswith(" of the") and not re.search(
                                       r"\b(?:in|since|until|till|by|from|during|early|late|mid|last|next)\s+$",
                                       text[max(0, c.start - 8):c.start], re.I)):
        return False  # "the March for Life", "the March of the Mothers"
    if c.rule.startswith("dur_") and c.fields.get("unit") == "S" and c.fields.get("num") == "1" and re.match(r"(?:a|the)\s", low):
        return False
    if c.rule == "set_adverb" and low in ("quarterly", "monthly", "weekly", "annual") and next_word.lower() == "of":
        return False  # "declared its initial quarterly of five cents": the dividend
    if c.kind == "dur" and re.match(r"\s+(?:a|per|each)\s+(?:day|week|month|year)\b", text[c.end:c.end + 12], re.I):
        return False  # "24 hours a day", "seven days a week": how often, not a length of time
    if c.rule == "dur_num_unit" and low in ("one day", "some day") and tok is not None and tok.i + 1 < len(tok.doc) \
            and tok.doc[tok.i + 1].tag_ in ("VB", "VBP"):
        return False  # "the hope he one day follow in the footsteps": someday, not a length
    if c.rule == "set_adverb" and tok is not None and tok.pos_ == "ADJ" and low == "quarterly":
        return False  # "a quarterly dividend": a kind of payment, not a time
    if c.rule == "date_future_ref" and low == "the future" and tok is not None and tok.i + 1 < len(tok.doc) \
            and (tok.doc[tok.i + 1].pos_ == "NOUN" or c.text.endswith("Future") and tok.doc[tok.i + 1].text[:1].isupper()):
        return False  # "the future tense", "the Future Combat System": a modifier or a name
    if c.text[:1].isupper() and not c.text.isupper() and " " in c.text.strip() \
            and all(w[:1].isupper() for w in c.text.split()) and text[max(0, c.start - 1):c.start] in ('"', "“", "`", "‘"):
        quote_prev = text[max(0, c.start - 4):c.start - 1].rstrip(" `'\"“‘")
        if quote_prev and (quote_prev[-1].isalnum() or quote_prev[-1] in "’'"):
            return False  # ABC News' "This Week," and "This Week With David Brinkley": a title inside a sentence
    if c.rule == "time_noon" and c.text[:1].isupper() and not c.text.isupper():
        prev = re.findall(r"([\w’']+)[ \t]+$", text[max(0, c.start - 20):c.start])
        if prev and prev[0][:1].isupper():
            return False  # the film "High Noon"
    if c.rule in ("date_today", "date_present_ref") and low.startswith("today") and re.match(r"['’]s\s", text[c.end:c.end + 3]):
        from timeline.timex.lexicon import load_lexicon

        following = (text[c.end + 3:c.end + 30].split()[:1] or [""])[0].lower().strip(".,;:")
        if load_lexicon().value("generic_noun", following) is not None:
            return False  # "for today's youth", "in today's world": the present age, not the day
    if c.rule == "date_tomorrow" and re.search(r"\b(?:the|our|their)\s+\w+\s+of\s+$", text[max(0, c.start - 30):c.start], re.I):
        return False  # "the people of tomorrow", "the cars of tomorrow": the future in general
    if c.rule in ("date_present_ref", "date_today", "date_tomorrow", "date_yesterday", "set_adverb") \
            and c.text[:1].isupper() and not c.text.isupper():
        before = text[max(0, c.start - 3):c.start].rstrip(" \t")
        if before and (before[-1].isalnum() or before[-1] in ",’'"):
            return False  # "the BBC's Today programme", "Hope For Haiti Now", "Investor's Business Daily": a name
        if next_word.lower() in MEDIA_NOUNS:
            return False  # "Today presenter John Humphrys"
    if c.kind in ("dur", "ago", "later") and (re.search(r"\n\s*\n|\n[ \t]", c.text) or re.search(r"\d{1,3}(?:,\d{3}){2,}", c.text)
                                             or ("\n" in c.text and re.search(r"\b(?:vs|v)\b|/|\d\s{2,}",
                                                                            _line_of(text, c.start)))):
        return False  # "vs 8,451,578 / Year" in a table, a number on one line and a unit on the next
    if c.kind == "dur" and c.fields.get("unit") == "Y" and re.fullmatch(r"1[5-9]\d\d|20\d\d", str(c.fields.get("num", ""))):
        return False  # "1986 YEAR", "1986 full-year": a year, not 1986 years
    if c.rule == "date_present_ref" and low == "the present" and next_word.isalpha() and next_word.lower() not in (
            "day", "time", "moment", "and", "or", "but"):
        return False  # "the present value", "the present system": an adjective
    if c.rule in ("date_month", "date_month_abbr") and c.text in ("MAY", "MARCH") and len(c.text) > 2:
        around = (text[max(0, c.start - 20):c.start].split()[-1:] or [""]) + (text[c.end:c.end + 20].split()[:1] or [""])
        if all(w.strip(".,:;!?'\"").isalpha() and w.isupper() for w in around if w):
            return False  # "IT MAY RETALIATE": a headline in capitals, not a month
    if c.rule == "date_decade" and "decade_full" not in c.fields and re.search(
            r"\b(?:in|into|of)\s+(?:his|her|their|my|your|our|its)\s+(?:(?:early|mid|late)[\s-]+)?"
            r"(?:[1-9]0s\s+(?:and|or|to)\s+(?:(?:early|mid|late)[\s-]+)?)?$",
            text[max(0, c.start - 30):c.start], re.I):
        return False  # "people in their 30s": an age
    return True


GIVE_TIME = {"give", "allow", "grant", "have", "need", "take", "get", "ask", "want", "use", "spend"}
LEVEL_WORDS = {"close", "closed", "closing", "stood", "stand", "stands", "end", "ended", "ending", "settle", "settled",
               "fell", "fall", "falls", "rose", "rise", "rises", "trade", "traded", "trading", "finish", "finished",
               "open", "opened", "peak", "peaked", "hit", "reach", "reached", "index", "won", "win", "lost", "beat",
               "to", "points", "level", "levels", "about", "around", "from", "by", "up", "down", "than", "over", "under"}


def _line_of(text: str, pos: int) -> str:
    return text[text.rfind("\n", 0, pos) + 1:pos]


def _widen(t: Timex, f: dict, p) -> None:
    """A run ("Jan. 23-24", "January-March", "1986/87"): the value is the first part, the interval covers the run."""
    try:
        if "day2" in f and p.granularity == "day" and f["day2"] > p.start.day:
            t.interval_end = (p.start.replace(day=f["day2"]) + dt.timedelta(days=1)).isoformat()
        elif "month2" in f and p.granularity == "month" and f["month2"] != p.start.month:
            y = p.start.year + (1 if f["month2"] < p.start.month else 0)
            t.interval_end = V.month(y, f["month2"]).end.isoformat()
        elif "yearend" in f and p.granularity == "year":
            t.interval_end = dt.date(f["yearend"] + 1, 1, 1).isoformat()
    except (ValueError, OverflowError):
        pass


FULL_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")


ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
                 "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "yr", "yrs", "mo", "mos", "hr", "hrs",
                 "min", "mins", "sec", "secs", "wk", "wks", "a.m", "p.m", "est", "gmt", "edt", "utc", "st", "nd", "rd",
                 "th", "no", "vs"}


def _trim(c: Candidate) -> Candidate:
    """A full stop after a whole word ends the sentence ("on 17 March.", "that same day."); after "Jan." or
    "p.m." it belongs to the abbreviation."""
    last = c.text[:-1].rsplit(None, 1)[-1].lower() if c.text.endswith(".") and len(c.text) > 1 else ""
    if last and last not in ABBREVIATIONS and (last in FULL_MONTHS or (last.isalpha() and len(last) >= 3)):
        c.end -= 1
        c.text = c.text[:-1]
    return c


def tag(text: str, dct: dt.date | None = None, doc=None, dct_span: tuple[int, int] | None = None,
        title_span: tuple[int, int] | None = None) -> list[Timex]:
    """All time expressions of `text`, resolved against `dct` (None: relative values stay unresolved).

    `doc` is a spaCy Doc of exactly `text` when the caller already has one (it is parsed otherwise).
    `dct_span` marks the characters of the dateline's own date, which denote the document time itself.
    `title_span` marks the headline, told in the present about what has happened ("Rebels seize airport on Monday").
    """
    if doc is None:
        from timeline.nlp import parse

        doc = parse(text)
    cands = select([_trim(c) for c in find_candidates(text) if _keep(c, doc, text)])  # vetoes first: a vetoed reading
    # must not hide a good one of the same extent
    if not cands:
        return []
    sents = list(doc.sents)
    sent_starts = [s.start_char for s in sents]
    present = [present_sentence(s) for s in sents]
    quotes = quote_spans(text)
    dct_anchor = Anchor(V.day(dct), "dct") if dct else None

    def sent_of(pos: int) -> int:
        return max(0, bisect.bisect_right(sent_starts, pos) - 1)

    out: list[Timex] = []
    narrative: Anchor | None = None
    reporting_day: dict[int, Anchor] = {}   # sentence -> when its (non-quoted) reporting verb says it was said
    pending_quotes: list[tuple[int, Candidate, Context, tuple[int, int]]] = []

    report_quarter: Anchor | None = None  # the quarter the story reports on: the first one told, not a forecast
    entry: tuple[Anchor, int] | None = None  # a dated entry of a list ("Jan. 25: Protesters ..."): its date, its end
    for c in cands:
        sent = sent_of(c.start)
        if entry is not None and c.start >= entry[1]:
            entry = None
        tense = tense_of(doc, c.start, c.end)
        verb = _verb_of(doc, c)
        verb_t = verb_tense(verb) if verb is not None else None  # the governing verb's own tense, read once
        if c.rule == "date_the_quarter" and c.text.lower() == "the period" and report_quarter is None and not (
                narrative is not None and narrative.period.granularity == "quarter"):
            continue  # "losses during the period": a period the story set before, not a quarter we can name
        if c.rule == "time_bare_pod" and (verb is None or tense == PRESENT or _habitual(verb)
                                          or verb.tag_ in ("VBZ", "VBP", "VB") and verb_t != FUTURE):
            continue  # "he reads the paper in the morning": a habit, no particular morning
        if tense in (PAST, None, DEADLINE) and c.kind == "cal" and "month" in c.fields and after_deadline_word(doc, c.start, c.end):
            tense = DEADLINE  # "payable Dec. 7", "extended to Nov. 20": the nearest such date, either way
            if _after(text, c.start, ("until", "till", "to")) and _verb_in(verb, "moved_later"):
                tense = FUTURE  # "postponed until September", "delayed to March": moved later than now
        if c.kind == "cal" and "weekday" in c.fields and "month" not in c.fields:
            if _after(text, c.start, SOON_WORDS):
                tense = FUTURE  # "as soon as Tuesday", "as early as Friday"
            elif _after(text, c.start, UNTIL_WORDS) and (not simple_past(doc, c.start, c.end) or _verb_in(verb, "deadline_verb"))\
                    and not re.match(r"['’]s\b", text[c.end:c.end + 3]):  # not "before Friday's purchases"
                tense = FUTURE  # "until 9 a.m. Tuesday", "by Friday" (but "had filed by Wednesday")
            elif re.match(r"['’]s\b", text[c.end:c.end + 3]) and _after(text, c.start, UNTIL_WORDS + ("after",)) \
                    and verb_t == FUTURE:
                tense = FUTURE  # "will wait until after Thursday's cabinet meeting"
        if verb is not None and verb.lemma_.lower() in GIVE_TIME and re.match(r"\s+(?:in\s+which\s+)?to\s+[a-z]", text[c.end:c.end + 20]):
            tense = FUTURE  # "has given prosecutors the weekend to study the file": a time for something still to do
        if tense == PRESENT and c.kind == "cal" and ("month" in c.fields or "weekday" in c.fields) \
                and not _verb_in(verb, "timetable"):
            tense = DEADLINE  # "inflation is 5 pct in May": a present that is no timetable, the nearest
        if c.kind == "cal" and ("month" in c.fields or "weekday" in c.fields) and "year" not in c.fields \
                and BASELINE.search(" ".join(text[max(sent_starts[sent], c.start - 60):c.start].split()[-6:])):
            tense = PAST  # "up from 4 pct in May", "due to the cold weather in May": a baseline or a cause
        elif c.kind == "cal" and "month" in c.fields and "year" not in c.fields and (
                _next_word(text, c.end) in FUTURES_NOUNS or re.search(r"\b(?:futures|contracts?|crop|crude|oil|gasoline|gasoil|"
                                                                     r"fuel|gas|wheat|corn|soybeans?|soyoil|cotton|sugar|"
                                                                     r"coffee|cocoa|gold|silver|copper|platinum|cattle|hogs|"
                                                                     r"bonds?|notes?)\s+for\s+(?:delivery\s+in\s+)?$|"
                                                                     r"\b(?:futures|contracts?|crop)\s+$",
                                                                     text[max(0, c.start - 20):c.start], re.I)):
            tense = FUTURE  # "Brent futures for April", "new crop December", "April crude futures": a contract month
        elif c.kind == "cal" and tense in (PAST, PRESENT, None) and (
                _after(text, c.start, AHEAD_WORDS) or _next_word(text, c.end) in PLAN_NOUNS
                or re.search(r"\b(?:ahead\s+of|in\s+advance\s+of|before|prior\s+to|pending)\s+(?:(?:the|a|an|its|their|his|her)\s+)?$",
                             text[max(0, c.start - 30):c.start], re.I) and (
                    re.search(r"\b(?:the|a|an|its|their|his|her)\s+$", text[max(0, c.start - 8):c.start], re.I)
                    or c.text.lower().startswith(("the ", "a "))) and re.fullmatch(r"[a-z]+", _next_word(text, c.end))
                and _next_word(text, c.end) not in ("and", "or", "when", "as", "the", "a", "he", "she", "they", "it", "we")):
            tense = DEADLINE  # "ahead of Thursday's deadline", "for early July shipment", "in advance of a 29 November
            # hearing": either side, the nearest
        if c.rule == "date_season" and tense in (PRESENT, None, DEADLINE) and re.search(r"\bfor\s+$", text[max(0, c.start - 6):c.start]):
            tense = FUTURE  # "the drug is ready for the winter": the coming one
        if c.rule == "date_weekend" and re.search(r"\b(?:before|ahead\s+of|until|till|by)\s+$", text[max(0, c.start - 12):c.start], re.I):
            c.fields["ahead"] = True  # "short-covering before the weekend": the coming one
        if title_span and title_span[0] <= c.start < title_span[1] and tense == PRESENT:
            tense = PAST  # a headline's present tense reports the past
        broken = narrative is not None and narrative.sent < sent and any(present[k] for k in range(narrative.sent + 1, sent + 1))
        ctx = Context(speech=entry[0] if entry else dct_anchor, narrative=narrative, tense=tense, sent=sent, dct=dct, narrative_broken=broken, pluperfect=_pluperfect(verb), quarter=report_quarter,
                      before=text[sent_starts[sent]:c.start], possessive=bool(re.match(r"['’]s\b", text[c.end:c.end + 3])),
                      reporting=is_reporting(doc, c.start, c.end) or _after_reporting(doc, c.start),
                      narrative_near=narrative is not None and "\n\n" not in text[narrative.offset:c.start])
        if ctx.reporting and tense not in (PAST, None) and _after_reporting(doc, c.start):
            ctx.tense = PAST  # "said on Monday it would ...": the parse may hang the date on the reported verb
        if dct_span and c.start >= dct_span[0] and c.end <= dct_span[1] and dct:
            r = Resolved(dct.isoformat(), "day", V.day(dct), anchor=f"dct:{dct.isoformat()}", explicit_year=False)
            rule = f"{c.rule}+dateline"
        elif c.kind == "cal" and "year" not in c.fields and "day" not in c.fields and "weekday" not in c.fields \
                and ("month" in c.fields or "season" in c.fields or "holiday" in c.fields) and _habitual(verb):
            # "a season that normally ends in February": every year's February, no particular one
            from timeline.timex.resolve import _unanchored

            r = Resolved(_unanchored(c.fields), "month" if "month" in c.fields else "day" if "holiday" in c.fields
                         else "season", resolved=False)
            rule = c.rule + "+generic"
        elif (wd_prev := _weekday_pair_start(c, out, text)) is not None:
            d0 = dt.date.fromisoformat(wd_prev.value[:10])  # "on Friday and Saturday": the second follows the first
            p = V.day(d0 + dt.timedelta(days=(c.fields["weekday"] - d0.isoweekday()) % 7))
            r = Resolved(p.value, "day", p, anchor=f"range:{wd_prev.value}@{wd_prev.start}", mod=c.fields.get("mod") or "")
            rule = c.rule + "+range"
        elif (rng := _range_start(c, out, text)) is not None:
            r = _resolve_range_end(c, rng)  # "from March 3 to March 5": the second date follows the first
            rule = c.rule + "+range"
        else:
            try:
                r = resolve(c, ctx)
            except (ValueError, OverflowError):  # e.g. "2,500 years ago" runs off the calendar
                r = Resolved("PAST_REF" if c.kind == "ago" else "XXXX", "vague" if c.kind == "ago" else "year",
                             resolved=c.kind == "ago")
            rule = c.rule
        q = inside(quotes, c.start, c.end)
        if q is not None:
            pending_quotes.append((len(out), c, ctx, q))
        if r.mod == "" and (c.kind in ("dur", "ago", "later") or "hour" in c.fields or "timeword" in c.fields):
            r.mod = _approx_before(text, c.start) or r.mod
        out.append(_timex(c, r, rule))
        if r.granularity == "day" and r.period is not None and r.resolved and ENTRY_HEAD.match(text, c.end) \
                and text[text.rfind("\n", 0, c.start) + 1:c.start].strip(" \t*•-–—") == "":
            # a line that opens with its own date ("Sept. 27: Blair and Brown were at odds last night"): the
            # entry's deictics count from that date, up to the end of its line
            line_end = text.find("\n", c.end)
            entry = (Anchor(r.period, "entry", sent=sent, offset=c.start), len(text) if line_end < 0 else line_end)
        if r.period is not None and r.resolved:
            _widen(out[-1], c.fields, r.period)
        comparison = c.rule == "date_year_earlier" or (c.kind in ("ago", "later") and c.fields.get("unit") in ("Y", "Q")) \
            or (c.rule in ("date_narr_prev", "date_earlier", "date_ago") and COMPARED.search(
                " ".join(text[max(sent_starts[sent], c.start - 60):c.start].split()[-6:])) is not None) \
            or (r.explicit_year and dct is not None and r.period is not None and r.period.year < dct.year
                and bool(BASELINE.search(" ".join(text[max(sent_starts[sent], c.start - 60):c.start].split()[-6:])))) \
            or (r.period is not None and c.kind in ("cal", "rel") and re.search(
                r"\b" + COMPARISON_WORDS + r"\s+(?:about\s+|only\s+)?[$£€]?\d[\d.,]*(?:\s+\w+){0,3}\s+(?:in|on|at)?\s*$"
                r"|\b(?:from|since)\s+$", text[max(sent_starts[sent], c.start - 60):c.start], re.I) is not None)
        # "against 1.2 billion in January", "up from 443.6 million Thursday", "6.8% from Oct. 13": the baseline of a
        # comparison, not a step of the story
        # "against 5 pct in March 1986": a baseline sets no narrative date; nor does the start of a span still
        # running ("has vetoed six resolutions since 2011")
        comparison = comparison or (r.explicit_year and re.search(r"\b(?:since|from)\s+(?:early\s+|late\s+|mid-?)?$",
                                                                  text[max(0, c.start - 12):c.start], re.I) is not None
                                    and present[sent]) \
            or (c.rule == "date_year" and (re.search(r"\bbase(?:\s+year)?\s*(?:of\s+)?$", text[max(0, c.start - 16):c.start], re.I)
                                           or re.match(r"\s*(?:=\s*100|prices|dollars|terms)\b", text[c.end:c.end + 12], re.I)))
        # "an index, base 1980", "in 1980 prices": a reference year, not the time of the story
        if (r.period is not None and r.granularity not in ("vague", "duration", "set") and c.type in ("DATE", "TIME")
                and not comparison):
            explicit = r.explicit_year or (r.anchor.startswith("narrative") and narrative is not None and narrative.explicit_year)
            if report_quarter is None and r.granularity == "quarter" and r.resolved and c.kind != "later" \
                    and "ago" not in c.text.lower() and dct is not None and (r.period.start <= dct or "fiscal" in c.text.lower()) \
                    and not (ctx.tense == FUTURE or verb_t == FUTURE):
                report_quarter = Anchor(r.period, "quarter", sent=sent, offset=c.start)  # the first one told: the
                # story's own (a later one is mostly a comparison or another company's; tried, it lost 4 values)
            narrative = Anchor(r.period, "narrative", explicit_year=explicit, sent=sent, offset=c.start,
                               clausal=dates_clause(doc, c.start, c.end) and not (
                                   verb_t in (PRESENT, FUTURE) and r.explicit_year),
                               ahead=ctx.tense == FUTURE or verb_t == FUTURE)
            if q is None and r.granularity in ("day", "time") and is_reporting(doc, c.start, c.end):
                reporting_day[sent] = Anchor(r.period if r.granularity == "day" else V.day(r.period.start), "speech",
                                             sent=sent, offset=c.start)

    # Deictic words inside a quotation count from when the quoted words were said.
    for idx, c, ctx, q in pending_quotes:
        first, last = sent_of(q[0]), sent_of(max(q[0], q[1] - 1))
        # the attribution inside the quote's sentences, else the sentence just before a quote that opens its own
        speech = next((reporting_day[s] for s in range(first, last + 1) if s in reporting_day), None)
        sent_end = sent_starts[last + 1] if last + 1 < len(sent_starts) else len(text)
        new_speaker = NEW_SPEAKER.search(text[q[1]:sent_end]) is not None
        if speech is None and text[sent_starts[first]:q[0]].strip() == "" and not new_speaker:
            # a quote that opens its own sentence continues the last dated speech of its paragraph ("..., he said"),
            # unless someone else is named as saying it ("..., said one man")
            for s_prev in range(first - 1, max(-1, first - 4), -1):
                if "\n\n" in text[sent_starts[s_prev]:q[0]]:
                    break
                if s_prev in reporting_day:
                    speech = reporting_day[s_prev]
                    break
        if speech is None or dct_anchor is None or speech.period == dct_anchor.period:
            continue
        if c.kind in ("rel", "ago") or (c.kind == "cal" and "weekday" in c.fields and "month" not in c.fields):
            ctx.speech = speech
            r = resolve(c, ctx)
            out[idx] = _timex(c, r, c.rule + "+quote")
    if dct is not None:
        _clock_takes_next_day(out, text, dct.isoformat())
    _quarter_ended(out, text)
    _year_period_quarter(out)
    _clock_range_ampm(out, text)
    _compared_with_a_later_period(out, sent_of)
    return _counted_from_a_date(out, text)


YEAR_BACK_RULES = ("date_earlier", "date_year_earlier", "date_ago", "date_same_period_ago")


def _compared_with_a_later_period(out: list[Timex], sent_of) -> None:
    """"Sales rose 14 pct from a year earlier in the first 20 days of February": the period the clause itself names,
    after the comparison, one year back (not a month told in an earlier sentence)."""
    for i, t in enumerate(out):
        if not t.rule.startswith(YEAR_BACK_RULES) or not t.anchor.startswith("narrative:"):
            continue
        m = re.search(r"@(\d+)$", t.anchor)
        if not m or sent_of(int(m.group(1))) == sent_of(t.start) or not re.fullmatch(r"\d{4}(?:-\d\d|-Q\d)?", t.value):
            continue
        later = next((u for u in out[i + 1:] if sent_of(u.start) == sent_of(t.start) and u.type == "DATE"
                      and u.granularity in ("month", "quarter") and re.fullmatch(r"\d{4}-(?:\d\d|Q\d)", u.value)), None)
        if later is None:
            continue
        y = int(later.value[:4]) - 1
        t.value = f"{y}{later.value[4:]}"
        t.granularity = later.granularity
        t.anchor = f"compared:{later.value}@{later.start}"
        p = V.month(y, int(later.value[5:7])) if later.granularity == "month" else V.quarter(y, int(later.value[-1]))
        t.interval_start, t.interval_end = p.start.isoformat(), p.end.isoformat()


COUNTED_FROM = re.compile(r"(?:\b(?:the|a)\s+)?\b(day|night|morning|afternoon|evening|week)\s+(before|after|following)\s+$", re.I)
POD_OF = {"night": "NI", "morning": "MO", "afternoon": "AF", "evening": "EV"}


def _counted_from_a_date(out: list[Timex], text: str) -> list[Timex]:
    """"the day before last Tuesday's hearing", "the night before Jan. 5", "two days after March 3": one expression,
    counted from the date it names."""
    keep: list[Timex] = []
    for t in out:
        if t.type != "DATE" or not re.fullmatch(r"\d{4}-\d\d-\d\d", t.value):
            keep.append(t)
            continue
        pre = text[max(0, t.start - 40):t.start]
        m = COUNTED_FROM.search(pre)
        prev = keep[-1] if keep else None
        start, delta, pod = None, None, ""
        if m:
            word, sign = m.group(1).lower(), -1 if m.group(2).lower() == "before" else 1
            start = t.start - (len(pre) - m.start())
            delta = dt.timedelta(days=7 * sign if word == "week" else sign)
            if word in POD_OF:  # "the night before": that night; "the morning after": the next morning
                delta = dt.timedelta(days=-1 if sign < 0 else 1 if word == "morning" else 0)
                pod = POD_OF[word]
        elif prev is not None and prev.type == "DURATION" and re.fullmatch(r"P\d+[DW]", prev.value) \
                and not re.search(r"\b(?:trading|business|working)\b", prev.text, re.I) \
                and re.fullmatch(r"\s+(?:before|after)\s+", text[prev.end:t.start]):
            sign = -1 if "before" in text[prev.end:t.start] else 1
            n = int(prev.value[1:-1]) * (7 if prev.value.endswith("W") else 1)
            start, delta = prev.start, dt.timedelta(days=sign * n)
            keep.pop()
        if start is None:
            keep.append(t)
            continue
        while keep and keep[-1].end > start:
            keep.pop()  # a part of the phrase tagged on its own ("day")
        d = dt.date.fromisoformat(t.value) + delta
        t.start, t.text = start, text[start:t.end]
        t.value = d.isoformat() + (f"T{pod}" if pod else "")
        t.type = "TIME" if pod else "DATE"
        t.granularity = "time" if pod else "day"
        t.interval_start, t.interval_end = d.isoformat(), (d + dt.timedelta(days=1)).isoformat()
        t.anchor = f"counted:{t.anchor}" if t.anchor else "counted"
        t.rule += "+counted"
        keep.append(t)
    return keep


def _quarter_ended(out: list[Timex], text: str) -> None:
    """"the quarter ended July 31": the quarter whose end is nearest the date that closes it (a fiscal quarter
    that ends a month late or early is told by its nearest calendar quarter)."""
    if any(u.granularity == "quarter" and "fiscal" in u.text.lower() for u in out):
        return  # a story on a fiscal quarter it names ("the fiscal first quarter"): "the quarter ended Sept. 29" is that one
    for i, t in enumerate(out[:-1]):
        if t.granularity != "quarter" or not t.rule.startswith("date_the_quarter"):  # "fourth quarter" keeps its number
            continue
        nxt = out[i + 1]
        if nxt.granularity != "day" or not re.fullmatch(r"\d{4}-\d\d-\d\d", nxt.value) \
                or not re.fullmatch(r"\s+(?:ended|ending|that\s+ended|which\s+ended)\s+(?:on\s+)?", text[t.end:nxt.start]):
            continue
        d = dt.date.fromisoformat(nxt.value)
        ends = [(abs((V.quarter(y, q).end - dt.timedelta(days=1) - d).days), y, q)
                for y in (d.year - 1, d.year) for q in (1, 2, 3, 4)]
        _, y, q = min(ends)
        p = V.quarter(y, q)
        t.value, t.anchor = p.value, f"ended:{nxt.value}@{nxt.start}"
        t.interval_start, t.interval_end = p.start.isoformat(), p.end.isoformat()


def _year_period_quarter(out: list[Timex]) -> None:
    """"the 1988 quarter", "the 1989 period" in a quarterly report: the story's quarter, in that year."""
    for i, t in enumerate(out):
        if t.rule != "date_year_period" or not re.search(r"quarter|period", t.text, re.I) or t.granularity != "year":
            continue
        quarters = [u for u in out if u.granularity == "quarter" and re.fullmatch(r"\d{4}-Q[1-4]", u.value)]
        if not quarters:
            continue
        q = quarters[0]  # the quarter the story reports on is named first
        last = next((u for u in reversed(out[:i]) if u.granularity == "quarter" or re.fullmatch(r"P\d+M", u.value)), q)
        if last.granularity != "quarter":
            continue  # "In the first nine months ... in the 1988 period": the nine months, not a quarter
        p = V.quarter(int(t.value[:4]), int(q.value[-1]))
        t.value, t.granularity, t.anchor = p.value, "quarter", f"quarter:{q.value}@{q.start}"
        t.interval_start, t.interval_end = p.start.isoformat(), p.end.isoformat()


CLOCK_RULES = ("time_clock", "time_clock24", "time_clock_hhmm", "time_clock_dotted", "time_noon", "time_clock_inpod",
               "time_oclock", "time_clock_zero")


def _clock_range_ampm(out: list[Timex], text: str) -> None:
    """"from 12:30 to 3:30 am": the first time of a range takes the a.m./p.m. of the second."""
    for a, b in zip(out, out[1:]):
        if a.rule != "time_clock24" or b.type != "TIME" or "T" not in a.value or "T" not in b.value \
                or not RANGE_LINK.fullmatch(text[a.end:b.start]):
            continue
        m = re.search(r"\b([ap])\.?m\b", b.text, re.I)
        if not m or re.search(r"(?:hours|hrs|h|GMT|UTC)\b", a.text, re.I):
            continue
        day, clock = a.value.split("T", 1)
        h, rest = int(clock[:2]), clock[2:]
        if not 1 <= h <= 12:
            continue
        h = (h % 12) + (12 if m.group(1).lower() == "p" else 0)
        a.value = f"{day}T{h:02d}{rest}"


def _clock_takes_next_day(out: list[Timex], text: str, dct: str) -> None:
    """A bare clock time takes the day printed just after it, in the same sentence:
    "occurred at about 10:35 a.m. (0735 GMT) Friday", "7:01 pm ET February 11, 2013"."""
    for i, t in enumerate(out):
        if t.rule not in CLOCK_RULES or "T" not in t.value:
            continue
        prev = out[i - 1] if i else None
        if prev is not None and prev.type == "DATE" and prev.granularity == "day" \
                and re.fullmatch(r"\d{4}-\d\d-\d\d", prev.value) and re.fullmatch(r"[\s,]*(?:at\s+)?", text[prev.end:t.start]):
            t.value = prev.value + "T" + t.value.split("T", 1)[1]  # "March 5, 2009 5:27 AM": the date just before
            t.anchor = f"previous:{prev.value}@{prev.start}"
            t.interval_start, t.interval_end = prev.interval_start, prev.interval_end
            continue
        for nxt in out[i + 1:i + 3]:
            gap = text[t.end:nxt.start]
            if len(gap) > 30 or re.search(r"[.!?;]\s", gap) or "\n" in gap:
                break
            day = re.fullmatch(r"(\d{4}-\d\d-\d\d)(?:T(?:MO|AF|EV|NI|DT))?", nxt.value)
            if day and (nxt.type == "DATE" and nxt.granularity == "day" or nxt.type == "TIME"):
                # "10:35 a.m. (0735 GMT) Friday", "at 1930 GMT last night": that day
                t.value = day.group(1) + "T" + t.value.split("T", 1)[1]
                t.anchor = f"next:{nxt.value}@{nxt.start}"
                d0 = dt.date.fromisoformat(day.group(1))
                t.interval_start, t.interval_end = d0.isoformat(), (d0 + dt.timedelta(days=1)).isoformat()
                break


NEW_SPEAKER = re.compile(r"^\W*(?:(?:said|says|told|added|asked|explained|insisted)\s+(?!he\b|she\b|they\b|it\b)\w"
                         r"|(?!he\b|she\b|they\b|it\b|I\b|we\b)[A-Za-z][\w.'’ -]{0,40}?\s+(?:said|says|told|added|asked))")
UNTIL_WORDS = ("until", "till", "by", "before")
BASELINE = re.compile(r"\b(?:(?:up|down|rose|fell|rise|fall|increase|decrease|gain|drop)\s+from|than|against\s+[$£€]?\d|"
                      r"compar(?:ed|es|e|ing)\s+(?:with|to)|versus|vs\.?|(?:due|owing)\s+to\s+(?:the|a|an|its|their|this|that|these|those)|because\s+of)\b(?![^,;]*[,;])", re.I)
COMPARED = re.compile(r"\b" + COMPARISON_WORDS + r"\b", re.I)
AHEAD_WORDS = ("ahead of", "in time for", "in advance of")
FUTURES_NOUNS = {"futures", "contract", "contracts", "crude", "delivery", "deliveries", "options", "wheat", "corn",
                 "soybeans", "soybean", "gold", "copper", "cotton", "sugar", "coffee", "cocoa", "brent", "wti", "heating"}
PLAN_NOUNS = {"shipment", "shipments", "delivery", "deliveries", "loading", "arrival", "departure"}


HABITUAL = {"normally", "usually", "typically", "generally", "always", "often", "traditionally", "customarily",
            "regularly", "habitually", "invariably", "routinely"}


def _verb_of(doc, c: Candidate):
    """The verb the expression hangs on (found once per candidate; the predicates below read it)."""
    tok = token_at(doc, c.start, c.end)
    return governing_verb(tok) if tok is not None else None


def _habitual(v) -> bool:
    """The date hangs on a verb said to happen by habit: "the season normally ends in February"."""
    if v is None:
        return False
    words = {ch.lower_ for ch in v.children if ch.dep_ in ("advmod", "npadvmod")}
    if v.head.i != v.i and v.dep_ in ("xcomp", "ccomp", "conj"):
        words |= {ch.lower_ for ch in v.head.children if ch.dep_ == "advmod"}
    return bool(words & HABITUAL)


def _pluperfect(v) -> bool:
    """"had been drafted in September": told before the passage's own time."""
    return v is not None and v.tag_ == "VBN" and any(a.lower_ in ("had", "'d") for a in v.children
                                                     if a.dep_ in ("aux", "auxpass"))


def _verb_in(v, kind: str) -> bool:
    """The verb's lemma is in a word list of data/timex/tense_cues.tsv (deadline_verb, timetable, moved_later)."""
    return v is not None and v.lemma_.lower() in cues()[kind]


def _next_word(text: str, end: int) -> str:
    return (text[end:end + 20].split()[:1] or [""])[0].strip(".,;:'’s").lower()
LASTING_NOUNS = {"war", "conflict", "crisis", "insurgency", "uprising", "dispute", "ban", "embargo", "ceasefire",
                 "truce", "blockade", "occupation", "siege", "feud", "rivalry", "standoff", "campaign", "rebellion",
                 "stalemate", "strike", "moratorium", "freeze", "sanctions"}
NAME_FOLLOWERS = {"Times", "Telegraph", "Express", "Mirror", "Herald", "Post", "Agreement", "Accords", "Accord",
                  "Club", "Mosque", "Movement", "Group", "Massacre", "Night", "Show", "League"}
OVER_QUANTIFIES = {"for", "of", "in", "lasted", "last", "lasts", "lasting", "took", "take", "takes", "taking", "spent",
                   "spend", "after", "within", "than", "served", "ago", "about", "just", "well", "by", "some"}
TIME_PREPS = {"at", "by", "until", "till", "from", "to", "before", "after", "around", "about", "since", "and", "between",
              "approximately", "roughly", "-", "–", "on"}
GIVEN_NAMES = {"Theresa", "Brian", "Elaine", "Karen", "Rosemary", "Teresa", "Sarah", "Robert", "Thomas", "Mike", "John"}
MODALS = {"will", "would", "could", "may", "might", "can", "shall", "should", "must", "'ll"}
MEDIA_NOUNS = {"programme", "program", "show", "presenter", "host", "newspaper", "edition", "bulletin", "broadcast",
               "telethon", "magazine", "paper", "anchor", "website", "podcast", "correspondent"}
RATE_WORDS = {"million", "billion", "thousand", "trillion", "percent", "%", "dollars", "cents", "times", "twice", "once",
              "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "hundred"}
SOON_WORDS = ("soon as", "early as")
MEASURE_WORDS = {"square", "sq", "km", "kilometers", "kilometres", "miles", "meters", "metres", "feet", "ft", "tons",
                 "tonnes", "barrels", "kg", "kilograms", "pounds", "mph", "acres", "hectares", "calories", "points"}
LABEL_WORDS = {"flight", "room", "route", "highway", "resolution", "article", "no", "no.", "number", "bus", "page",
               "model", "section", "chapter", "paragraph", "line", "gate", "unit", "suite", "channel"}


def _after_reporting(doc, start: int) -> bool:
    """The expression follows a past reporting verb: "said on Monday", "told reporters Monday"."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    i = span.start
    for t in doc[max(0, i - 3):i]:
        if t.lemma_.lower() in cues()["reporting"] and t.tag_ in ("VBD", "VBN") and verb_tense(t) != FUTURE:
            return True  # not "figures to be reported Tuesday"
    return False


def _after(text: str, start: int, words: tuple[str, ...]) -> bool:
    before = text[max(0, start - 24):start].lower().split()
    if any(" " in w for w in words):
        return " ".join(before[-2:]) in words
    return bool(before) and (before[-1] in words or (len(before) > 2 and before[-3] in words and before[-1] in ("a.m.", "p.m.", "noon", "midnight")))


RANGE_LINK = re.compile(r"\s*(?:to|through|until|till|and|-|–|—)\s*", re.I)


ENTRY_HEAD = re.compile(r"[ \t]*(?::|[-–—]\s)")
WEEKDAY_LINK = re.compile(r"\s*(?:,|and|or|to|through|until|till|-|–|—)\s*(?:on\s+)?", re.I)


def _weekday_pair_start(c: Candidate, out: list, text: str):
    """The first weekday of a pair or run ("Friday and Saturday", "Monday to Wednesday") that a bare weekday follows."""
    if c.rule != "date_weekday" or "weekday" not in c.fields or not out:
        return None
    prev = out[-1]
    if not prev.rule.startswith(("date_weekday", "date_shift_weekday")) or not re.fullmatch(r"\d{4}-\d\d-\d\d", prev.value) \
            or not WEEKDAY_LINK.fullmatch(text[prev.end:c.start]):
        return None
    if (c.fields["weekday"] - dt.date.fromisoformat(prev.value).isoweekday()) % 7 > 3:
        return None  # "statements made Friday and Thursday": not a run, each on its own
    return prev


def _range_start(c: Candidate, out: list, text: str):
    """The first date of a range whose second date `c` has no year of its own ("from March 3 to March 5")."""
    if c.kind != "cal" or "year" in c.fields or "month" not in c.fields or not out:
        return None
    prev = out[-1]
    if prev.granularity not in ("day", "month") or not prev.interval_start or not RANGE_LINK.fullmatch(
            text[prev.end:c.start]):
        return None
    if prev.rule.startswith(("date_weekday", "time_weekday")) or re.match(r"['’]s\b", text[c.end:c.end + 3]):
        return None  # "a revision Friday to December's figures": a weekday and a month are no range
    return prev


def _resolve_range_end(c: Candidate, prev) -> Resolved:
    from timeline.timex.resolve import _cal_builder

    start = dt.date.fromisoformat(prev.interval_start)
    build = _cal_builder(c.fields)
    p = build(start.year)
    if p is None or p.start < start:
        p = build(start.year + 1)
    return Resolved(p.value, p.granularity, p, anchor=f"range:{prev.value}@{prev.start}", mod=c.fields.get("mod") or "")


def _approx_before(text: str, start: int) -> str:
    """TIMEX3 mod from a word just before the expression: "about two years" -> APPROX."""
    from timeline.timex.lexicon import load_lexicon

    lex = load_lexicon()
    before = text[max(0, start - 16):start].lower().split()
    if before and before[-1] == "over" and re.match(r"the\s", text[start:start + 4], re.I):
        return ""  # "over the past year": a preposition
    if before and before[-1] == "over" and (len(before) < 2 or before[-2] not in OVER_QUANTIFIES):
        return ""  # "could be expanded over five years": during, not more than
    for n in (2, 1):
        if len(before) >= n:
            v = lex.value("approx", " ".join(before[-n:]))
            if v:
                return v
    return ""


def _timex(c: Candidate, r: Resolved, rule: str) -> Timex:
    typ = r.type or c.type
    if typ == "TIME" and r.granularity == "day" and "T" not in r.value:
        typ = "DATE"
    start, end = ("", "")
    if r.period is not None and typ == "DATE":
        start, end = r.period.start.isoformat(), r.period.end.isoformat()
    elif r.period is not None and typ == "TIME":
        start, end = r.period.start.isoformat(), (r.period.start + dt.timedelta(days=1)).isoformat()
    quant = freq = ""
    if typ == "SET":
        first = c.text.split()[0].lower()
        quant = {"every": "EVERY", "each": "EACH", "per": "EACH"}.get(first, "")
        freq = c.fields.get("freq") or ""
    return Timex(start=c.start, end=c.end, text=c.text, type=typ, value=r.value, granularity=r.granularity,
                 rule=rule, anchor=r.anchor, interval_start=start, interval_end=end, mod=r.mod,
                 quant=quant, freq=freq, resolved=r.resolved)
