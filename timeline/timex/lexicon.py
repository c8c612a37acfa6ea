"""Word lists for time expressions, loaded from data/timex/lexicon.tsv.

Each section becomes a regex alternation usable in the rules as a macro, and a lookup from a
matched word to its value. Short or ambiguous words ("May", "March", "Sun", "Wed") only match
capitalised, so "may" the verb and "we" are never dates.
"""
from __future__ import annotations

from functools import lru_cache

from timeline.paths import data_path

# Words that are also ordinary English words: they count only when capitalised.
CASE_SENSITIVE = {"may", "march", "august", "mar", "jan", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "feb", "apr",
                  "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun"}

_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


class Lexicon:
    def __init__(self, entries: dict[str, dict[str, str]]):
        self.sections = entries

    def value(self, section: str, word: str) -> str | None:
        key = " ".join(word.lower().replace("\u2019", "'").split())
        return self.sections.get(section, {}).get(key)

    def alternation(self, section: str) -> str:
        """Regex alternation of a section's words, whitespace flexible, as a trie (shared prefixes factored
        out, longer continuations tried first) so that the engine does not try every word at every position."""
        plain = [w for w in self.sections[section] if w not in CASE_SENSITIVE]
        cased = [w for w in self.sections[section] if w in CASE_SENSITIVE]
        parts = []
        if plain:
            parts.append(_trie_regex(plain))
        for w in sorted(cased, key=len, reverse=True):
            parts.append(f"(?-i:{w.capitalize()}|{w.upper()})")
        return "(?:" + "|".join(parts) + ")"


def _trie_regex(words: list[str]) -> str:
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def esc(ch: str) -> str:
        if ch == " ":
            return r"\s+"
        if ch in "'\u2019":
            return "['\u2019]"
        import regex

        return regex.escape(ch)

    def build(node: dict) -> str:
        ends = "" in node
        branches = [esc(ch) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return "(?:" + build(trie) + ")"


def _escape_word(w: str) -> str:
    import regex

    return regex.escape(w).replace("'", "['\u2019]")


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    sections: dict[str, dict[str, str]] = {}
    with open(data_path("timex", "lexicon.tsv"), encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            section, word, value = line.split("\t")
            sections.setdefault(section, {})[word.lower()] = value
    # compound number words: "twenty-four", "twenty four"
    numbers = sections.setdefault("number", {})
    for t, tv in _TENS.items():
        for o, ov in _ONES.items():
            numbers[f"{t}-{o}"] = str(tv + ov)
            numbers[f"{t} {o}"] = str(tv + ov)
    return Lexicon(sections)


def parse_number(text: str, lex: Lexicon | None = None) -> str | None:
    """'three' -> '3', '1,500' -> '1500', '2.5' -> '2.5', 'several' -> 'X'."""
    lex = lex or load_lexicon()
    t = " ".join(text.lower().split())
    v = lex.value("number", t)
    if v is not None:
        return v
    if t.endswith(" and a half"):  # "six and a half"
        head = parse_number(t[: -len(" and a half")], lex)
        return None if head in (None, "X") else str(float(head) + 0.5)
    if t.endswith((" 1/2", "-1/2")):  # "5 1/2", "2-1/2"
        t = str(float(t[:-4]) + 0.5)
    digits = t.replace(",", "")
    try:
        f = float(digits)
    except ValueError:
        return None
    return str(int(f)) if f == int(f) else str(f)
