"""Recognition: find every phrase that can be a time expression and say what it can mean.

Rules come from data/timex/rules.tsv; a match yields a `Candidate` whose `fields` hold the
unresolved meaning (month=1, day=19, year missing; or shift=-1 unit=M; ...). Nothing here
knows the document's date: resolution (timeline/timex/resolve.py) turns fields into values.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from timeline.paths import data_path
from timeline.timex.lexicon import load_lexicon, parse_number

BUILTINS = {
    "YEAR": r"(?:1[5-9]\d\d|20\d\d)",
    "YEAR2": r"['’]\d\d",
    "YY": r"\d\d",
    "DAY": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?",
    "DAY2": r"(?:3[01]|[12]\d|0[1-9])",
    "DAYNUM": r"(?:3[01]|[12]\d|0?[1-9])",
    "DAYHI": r"(?:3[01]|2\d|1[3-9])",
    "HOURWORD": r"(?:1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)",
    "YEAREND": r"(?:1[5-9]\d\d|20\d\d|\d\d)",
    "MONTHNUM": r"(?:1[0-2]|0?[1-9])",
    "MONTHNUM2": r"(?:1[0-2]|0[1-9])",
    "HOUR": r"(?:1[0-2]|0?[1-9])",
    "HOUR24": r"(?:[01]?\d|2[0-3])",
    "MIN": r"[0-5]\d",
    "AMPM": r"(?:[ap]\.m\.|[ap]m\b|[AP]M\b)",
    "ZONE": r"(?-i:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|MST|MDT|ET|PT|CT|MT|CET|CEST|EET|EEST|BST|MSK|IST|JST|AEST|AEDT|HKT)"
            r"|local\s+time",
    "DECADE": r"(?:1[5-9]\d0|20[0-9]0)['’]?s|['’]?[1-9]0['’]?s(?!\w)|(?:nineteen\s+)?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)",
    "TIMEWORD": r"noon|midnight|mid-?day",
    "HHMM": r"(?:[01]\d|2[0-3])[0-5]\d",
    "QNUM": r"[1-4]",
    "YEARWORDS": r"(?:nineteen|twenty)[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?))?",
    "CENTURY": r"(?:1[0-9]|2[01])(?:st|nd|rd|th)|(?:eighteenth|nineteenth|twentieth|twenty-first|21st)",
}
_NUM_DIGITS = r"(?:\d+[\s-]1/2|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"

_MACRO = regex.compile(r"<(\w+):(\w+)>")


@dataclass
class Candidate:
    start: int
    end: int
    text: str
    type: str
    rule: str
    kind: str
    fields: dict = field(default_factory=dict)
    priority: int = 0


@dataclass
class Rule:
    name: str
    type: str
    pattern: "regex.Pattern"
    attrs: dict
    priority: int
    needs: frozenset = frozenset()  # word-list sections a match must contain: the rule is skipped without them


def _expand(pattern: str) -> str:
    lex = load_lexicon()

    def repl(m):
        group, src = m.group(1), m.group(2)
        if src in BUILTINS:
            body = BUILTINS[src]
        elif src == "NUM":
            words = lex.alternation("number")
            body = f"(?:{_NUM_DIGITS}|{words})(?:\\s+and\\s+a\\s+half(?=\\s))?"
        else:
            body = lex.alternation(src)
        return f"(?P<{group}>{body})"

    return _MACRO.sub(repl, pattern)


def _required_sections(pattern: str) -> frozenset[str]:
    """Word-list sections every match of a rule pattern must contain (a section inside an optional group, an
    alternative or a lookaround is not required). Used to skip rules that cannot match a text."""
    atoms: list = []  # a flat list: strings, and nested lists for groups (with their quantifier after them)
    stack = [atoms]
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            stack[-1].append(pattern[i:i + 2])
            i += 2
        elif ch == "[":
            j = i + 1
            while j < len(pattern) and (pattern[j] != "]" or j == i + 1):
                j += 2 if pattern[j] == "\\" else 1
            stack[-1].append(pattern[i:j + 1])
            i = j + 1
        elif ch == "(":
            group: list = ["("]
            stack[-1].append(group)
            stack.append(group)
            i += 1
        elif ch == ")":
            stack.pop()
            i += 1
        else:
            stack[-1].append(ch)
            i += 1

    def required(seq: list) -> set[str] | None:
        """Sections required by a sequence; None when the sequence has top-level alternatives."""
        text = "".join(x if isinstance(x, str) else "\0" for x in seq)
        if "|" in text:
            return None
        out: set[str] = set()
        out.update(m.group(2) for m in _MACRO.finditer(text))
        for k, x in enumerate(seq):
            if isinstance(x, list):
                nxt = seq[k + 1] if k + 1 < len(seq) and isinstance(seq[k + 1], str) else ""
                body = x[1:]
                head = "".join(b for b in body[:2] if isinstance(b, str))
                if nxt in ("?", "*") or nxt.startswith("{0") or head.startswith(("?=", "?!", "?<=", "?<!")):
                    continue
                if head.startswith("?:"):
                    body = body[2:]
                elif head.startswith("?P<"):
                    body = body[body.index(">") + 1:] if ">" in body else []
                inner = required(body)
                if inner:
                    out.update(inner)
        return out

    req = required(atoms) or set()
    return frozenset(s for s in req if s not in BUILTINS and s != "NUM")


@lru_cache(maxsize=None)
def _section_probe(section: str) -> "regex.Pattern":
    return regex.compile(r"(?i)(?<![\w'’])(?:" + load_lexicon().alternation(section) + r")(?!\w)")


@lru_cache(maxsize=1)
def load_rules() -> list[Rule]:
    rules = []
    with open(data_path("timex", "rules.tsv"), encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            name, typ, pat, attrs = line.split("\t")
            fixed = dict(kv.split("=", 1) for kv in attrs.split(";") if kv)
            compiled = regex.compile(r"(?i)(?<![\w'’])(?:" + _expand(pat) + r")(?!\w|-\w)")
            priority = len(rules) - (10_000 if fixed.get("prefer") else 0)  # prefer=1: wins ties of equal length
            rules.append(Rule(name, typ, compiled, fixed, priority, _required_sections(pat)))
    return rules


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}
_CENTURY_WORDS = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}


def _fields(m, rule: Rule) -> dict | None:
    lex = load_lexicon()
    f: dict = {}
    g = {k: v for k, v in m.groupdict().items() if v is not None}
    for key, raw in g.items():
        low = " ".join(raw.lower().split()).replace("’", "'")
        if key == "year":
            if not low[:1].isdigit() and not low.startswith("'"):
                f["year"] = year_from_words(low, lex)
            elif low.startswith("'"):
                f["year2"] = int(low[1:])
            elif len(low) == 2:
                f["year2"] = int(low)
            else:
                f["year"] = int(low)
        elif key == "month":
            v = lex.value("month", low.rstrip(".")) if not low.isdigit() else low
            f["month"] = int(v)
        elif key == "day":
            f["day"] = int(regex.sub(r"\D", "", low))
        elif key == "dayword":  # "March eighth", "January twenty-third" (spoken style)
            v = lex.value("ordinal", low)
            if v is None or int(v) < 1:
                return None
            f["day"] = int(v)
        elif key == "day2":
            f["day2"] = int(low)
        elif key == "month2":
            f["month2"] = int(lex.value("month", low.rstrip(".")))
        elif key == "yearend":
            f["yearend"] = int(low)
        elif key == "weekday":
            f["weekday"] = int(lex.value("weekday", low.rstrip(".").rstrip("s")) or lex.value("weekday", low.rstrip(".")))
        elif key in ("num", "num2"):
            n = parse_number(low, lex)
            if n is None:
                return None
            f[key] = n
        elif key == "unit":
            f["unit"] = lex.value("unit", low) or lex.value("calunit", low) or low.upper()
        elif key == "shift":
            f["shift"] = int(lex.value("shiftword", low))
        elif key == "mod":
            f["mod"] = lex.value("mod", low.rstrip("-")) or lex.value("edgeword", low)
        elif key == "approx":
            f["approx"] = lex.value("approx", low) or lex.value("boundword", low)
        elif key in ("season", "pod", "holiday", "setword", "freq"):
            section = {"pod": "partofday"}.get(key, key)
            f[key] = lex.value(section, low) or (lex.value("podplural", low) if key == "pod" else None)
        elif key == "vague":
            pass
        elif key == "quarter":
            f["quarter"] = int(low) if low.isdigit() else int(lex.value("quarterord", low))
        elif key == "half":
            f["half"] = int(lex.value("halford", low))
        elif key == "decade":
            word = low.replace("nineteen ", "")
            if word in _DECADE_WORDS:
                f["decade"] = _DECADE_WORDS[word]  # decade of an unknown century
            else:
                digits = regex.sub(r"\D", "", word)
                if len(digits) == 4:
                    f["decade_full"] = int(digits[:3])
                else:
                    f["decade"] = int(digits[0])
        elif key == "century":
            word = low
            f["century"] = _CENTURY_WORDS.get(word) or int(regex.sub(r"\D", "", word))
        elif key == "hour":
            f["hour"] = int(low) if low.isdigit() else int(parse_number(low, lex))
        elif key == "minute":
            f["minute"] = int(low)
        elif key == "ampm":
            f["pm"] = low.startswith("p")
        elif key == "prior":  # "the prior 2nd quarter": the same quarter a year back
            f["prior"] = True
        elif key in ("shiftnext", "shiftprev"):  # empty marker groups
            f["shift"] = 1 if key == "shiftnext" else -1
        elif key == "hhmm":
            f["hour"], f["minute"] = int(low[:2]), int(low[2:])
        elif key == "timeword":
            f["timeword"] = low
        elif key == "zone":
            f["zone"] = raw
    if "hour" in f and f.get("pod") in ("MO", "AF", "EV") and "pm" not in f:
        f["pm"] = f.pop("pod") != "MO"  # "4 in the morning" is 4 a.m.; "8 in the evening" 8 p.m.
    if "yearend" in f:  # "1986/87", "2001-2008": a later year, the next one when written with two digits
        y, e = f.get("year"), f["yearend"]
        if y is None:
            return None
        if e < 100:
            two = e
            e = y // 100 * 100 + e
            if e <= y:
                e += 100
            if e != y + 1 and (two <= 12 or e - y > 10):
                return None  # "2016-12" is a month, not a span; "1987-89" is a span (no month 89)
        elif not y < e <= y + 100:
            return None
        f["yearend"] = e
    for k, v in rule.attrs.items():
        if k == "kind":
            continue
        if k in ("shift", "direction", "year", "month", "day"):
            f.setdefault(k, int(v))
        else:
            f.setdefault(k, v)
    return f


def year_from_words(words: str, lex) -> int:
    """'nineteen ninety-six' -> 1996, 'two thousand and one' -> 2001."""
    w = words.replace("-", " ").split()
    if w[:2] == ["two", "thousand"]:
        rest = [x for x in w[2:] if x != "and"]
        return 2000 + (int(parse_number(" ".join(rest), lex) or 0) if rest else 0)
    head = int(parse_number(w[0], lex))
    if w[1:] == ["hundred"]:
        return head * 100
    return head * 100 + int(parse_number(" ".join(w[1:]), lex))


ANCHOR_SECTIONS = ("calunit", "durunit", "holiday", "month", "monthabbr", "monthfull", "partofday", "pluralunit",
                   "podplural", "season", "setword", "unit", "unitsg", "vague", "vaguefuture", "vaguepast",
                   "vaguepresent", "weekday", "weekdayfull", "weekdayplural")
ANCHOR_WORDS = (r"today|tomorrow|yesterday|tonight|noon|midnight|qtr|quarters?|twenties|thirties|forties|fifties|"
                r"sixties|seventies|eighties|nineties|century|centuries|decades?|period|weekends?|days?|nights?|"
                r"hours?|minutes?|seconds?|fortnight|annually|daily|weekly|monthly|yearly|quarterly|someday|"
                r"term|date|moment|present|future|past|now|time|once|current|recent|years?|months?|weeks?|"
                r"nineteen|twenty|thousand|hundred|half|halves|mid\w*|ago|earlier|later|previously|soon|eve|overnight|"
                r"h[12]|q[1-4]|fy|o['’]clock|ahead|while")
WINDOW = 50  # characters around an anchor word that a time expression can reach


@lru_cache(maxsize=1)
def _anchor_pattern() -> "regex.Pattern":
    lex = load_lexicon()
    alts = "|".join(lex.alternation(s) for s in ANCHOR_SECTIONS if s in lex.sections)
    return regex.compile(r"(?i)\d|(?<![\w'’])(?:" + alts + "|" + ANCHOR_WORDS + ")")


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around the words every time expression contains (a digit, a month, a unit, ...):
    rules are run only there. Each stretch ends at a space, so no word is cut."""
    return _stretches(text, (m.span() for m in _anchor_pattern().finditer(text)))


def _stretches(text: str, anchors) -> list[tuple[int, int]]:
    """WINDOW characters either side of each anchor span, merged, widened to whole words."""
    spans: list[list[int]] = []
    n = len(text)
    for s0, e0 in anchors:
        a, b = max(0, s0 - WINDOW), min(n, e0 + WINDOW)
        if spans and a <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], b)
        else:
            spans.append([a, b])
    out = []
    for a, b in spans:
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        while b < n and not text[b].isspace():
            b += 1
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def find_candidates(text: str) -> list[Candidate]:
    """Every rule match, before overlap resolution."""
    out = []
    found: dict[str, list[tuple[int, int]]] = {}  # a word list's words in the text
    own: dict[str, list[tuple[int, int]]] = {}    # the stretches around them
    windows = _windows(text)
    for rule in load_rules():
        spans = windows
        if rule.needs:
            for section in rule.needs:
                if section not in found:
                    found[section] = [m.span() for m in _section_probe(section).finditer(text)]
            rarest = min(rule.needs, key=lambda sec: len(found[sec]))
            if not found[rarest]:
                continue  # a word every match contains is absent
            if rarest not in own:
                own[rarest] = _stretches(text, found[rarest])
            spans = own[rarest]  # a match contains that word, so it lies around one of them
        for m in (m for a, b in spans for m in rule.pattern.finditer(text, a, b)):
            if m.end() == m.start():
                continue
            f = _fields(m, rule)
            if f is None:
                continue
            out.append(Candidate(m.start(), m.end(), m.group(0), rule.type, rule.name, rule.attrs.get("kind", "cal"),
                                 f, rule.priority))
    return out


def select(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: longest first, then the earlier rule."""
    chosen: list[Candidate] = []
    taken: set[int] = set()  # character positions already covered (expressions are short: linear overall)
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.priority, c.start)):
        span = range(c.start, c.end)
        if any(i in taken for i in span):
            continue
        chosen.append(c)
        taken.update(span)
    return sorted(chosen, key=lambda c: c.start)
