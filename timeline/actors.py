"""Actors: who is named in a text, resolved to a canonical actor with a type and a country.

    from timeline.actors import find_actors
    find_actors("Iran's Foreign Minister Mohammad Javad Zarif said ...")
    # [ActorMention(start=0, end=44, text="Iran's Foreign Minister Mohammad Javad Zarif",
    #               canonical='Mohammad Javad Zarif', type='person', country='IRN', role='foreign minister',
    #               rule='title+person', actor_id='person:mohammad-javad-zarif', locative=False)]

The dictionary is data (data/actors/*.tsv, each file says its format). Matching is one pass of a token trie over
the text (longest match, per-alias case rules), then a small composition step over the matches:

- country/demonym/organisation ['s] title [name]  -> a person with that role and country ("Iran's Foreign
  Minister X"; an unknown X still becomes a person), or the office holder when no name follows
- country/demonym/person/organisation + group noun -> that country's body ("Syrian rebels", "Russian forces",
  "Trump administration" -> US government, "IS fighters" -> Islamic State)
- capitals stand for their government only in subject-like use ("Moscow said"; not "in Moscow")
- a demonym alone ("the Syrian settlement") is not an actor; a generic group noun alone ("rebels",
  "government forces") is, with the caller's context country if one is given.

With a spaCy Doc the parse refines this (capital as subject, unknown names as PROPN / PERSON entities, PERSON
entities the dictionary does not know). Offsets are character offsets into the text, end exclusive.
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, NamedTuple

from timeline.paths import data_path

ACTOR_TYPES = (
    "state", "government", "military", "police", "igo", "ngo", "armed_group", "opposition", "militia", "party",
    "person", "media", "civilians", "legislature", "business",
)


class ActorRecord(NamedTuple):
    """What the event table stores about an actor."""
    name: str
    type: str
    country: str  # ISO 3166 alpha-3, or ""


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    text: str
    canonical: str
    type: str
    country: str
    role: str = ""
    rule: str = ""
    actor_id: str = ""
    locative: bool = False  # after "in/at/near/across..." ("talks in Astana"): a place rather than an agent

    def record(self) -> ActorRecord:
        return ActorRecord(self.canonical, self.type, self.country)


def resolve(mention: ActorMention) -> ActorRecord:
    """The event-table record (canonical name, type, country) for a mention."""
    return mention.record()


def actor_columns(mention: ActorMention | None, prefix: str = "actor1") -> dict[str, str]:
    """`{actor1: ..., actor1_type: ..., actor1_country: ...}` for the event table (empty strings for None)."""
    rec = mention.record() if mention else ActorRecord("", "", "")
    return {prefix: rec.name, f"{prefix}_type": rec.type, f"{prefix}_country": rec.country}


# ----------------------------------------------------------------------------------------------- tokens

_TOKEN_RE = re.compile(
    r"[A-Za-z](?:\.[A-Za-z])+\.?"          # U.S., U.N., H.W.
    r"|[A-Z]\.(?=\s)"                      # an initial: "H. W. Bush"
    r"|['’]s\b"                            # possessive
    r"|\w+(?:['’](?!s\b)\w+)*"             # words, keeping inner apostrophes (Ba'ath, d'Ivoire)
    r"|[^\w\s]"
)
_SKIP = {"-", "‐", "‑"}  # hyphens are ignored when matching: al-Assad = al Assad


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).replace("’", "'").lower()


def _key(tok: str) -> str:
    k = _fold(tok)
    if len(k) > 2 and "." in k and k[0].isalpha():
        k = k.replace(".", "")
    return k


class Tok(NamedTuple):
    start: int
    end: int
    text: str
    key: str


def tokenize(text: str) -> list[Tok]:
    """The matcher's tokens (hyphens dropped), with character offsets."""
    return [Tok(m.start(), m.end(), m.group(), _key(m.group())) for m in _TOKEN_RE.finditer(text)
            if m.group() not in _SKIP]


def _alias_tokens(alias: str) -> list[str]:
    return [m.group() for m in _TOKEN_RE.finditer(alias) if m.group() not in _SKIP]


def _case_ok(alias_toks: tuple[str, ...], toks: list[Tok], i: int) -> bool:
    for a, t in zip(alias_toks, toks[i:i + len(alias_toks)]):
        letters = [c for c in a if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            if any(c.islower() for c in t.text):
                return False
        elif any(c.isupper() for c in a[1:]) and any(c.islower() for c in a):
            if t.text != a:  # mixed-case forms ("LeT", "ElBaradei") are matched exactly
                return False
        elif letters and letters[0].isupper():
            if not t.text[:1].isupper():
                return False
    return True


# ----------------------------------------------------------------------------------------------- data

def _read_tsv(path: Path) -> list[dict[str, str]]:
    rows, header = [], None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        cells += [""] * (len(header) - len(cells))
        if len(cells) > len(header):
            raise ValueError(f"{path.name}:{n}: {len(cells)} columns, header has {len(header)}")
        row = {h: c.strip() for h, c in zip(header, cells)}
        row["_line"] = str(n)
        rows.append(row)
    return rows


def _split(s: str) -> list[str]:
    return [x.strip() for x in s.split("|") if x.strip()]


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _fold(s)).strip("-")


_VARIANTS = [
    ("Sergey", "Sergei"), ("Dmitry", "Dmitri"), ("Yevgeny", "Evgeny"), ("Aleksandr", "Alexander"),
    ("Mohammad", "Mohammed"), ("Mohammad", "Muhammad"), ("Mohammad", "Mohamed"), ("Mohammed", "Muhammad"),
    ("Mohammed", "Mohamed"), ("Mohammed", "Mohammad"), ("Mohamed", "Mohammed"), ("Mohamed", "Mohammad"),
]


def name_variants(name: str) -> set[str]:
    """Spelling variants of a person's name the data need not list (Sergei/Sergey, Bashar Assad)."""
    out = {name}
    for a, b in _VARIANTS:
        for n in list(out):
            if re.search(rf"\b{a}\b", n):
                out.add(re.sub(rf"\b{a}\b", b, n))
            if re.search(rf"\b{b}\b", n):
                out.add(re.sub(rf"\b{b}\b", a, n))
    for n in list(out):
        dropped = re.sub(r"\b(?:al|el|Al|El)-(?=[A-Z])", "", n)
        if dropped != n and " " in dropped:
            out.add(dropped)
    return out


@dataclass
class Person:
    pid: str
    canonical: str
    roles: list[tuple[str, str, int, int | None]] = field(default_factory=list)  # (role, affiliation, start, end)

    def role_at(self, year: int | None) -> tuple[str, str] | None:
        """(role, affiliation) in `year`; without a year, the role held longest."""
        if year is not None:
            live = [r for r in self.roles if r[2] <= year <= (r[3] if r[3] is not None else 9999)]
            if live:
                r = max(live, key=lambda r: r[2])
                return r[0], r[1]
            return None
        r = max(self.roles, key=lambda r: ((r[3] or 2025) - r[2], r[2]))
        return r[0], r[1]

    def latest_start(self) -> int:
        return max(r[2] for r in self.roles)


@dataclass(frozen=True)
class Entry:
    kind: str  # country demonym capital org person title group block
    target: object  # alpha3 | Actor | tuple of person ids | role | (label, type, alone)
    alias: tuple[str, ...]
    source: str  # data file


@dataclass(frozen=True)
class Actor:
    actor_id: str
    canonical: str
    type: str
    country: str


@dataclass(frozen=True)
class Raw:
    entry: Entry
    i0: int
    i1: int  # token index range (exclusive)


BARE = "bare"  # group_nouns.tsv 'alone' value: an actor alone, but never given the context country

_KIND_RANK = {"block": 0, "person": 1, "org": 2, "country": 3, "capital": 4, "demonym": 5, "group": 6, "title": 7}
_LOCATIVE = {"in", "at", "near", "across", "throughout", "inside", "within", "outside", "around", "into", "over"}
_MODIFIERS = {"new", "former", "then", "acting", "outgoing", "incoming", "top", "senior", "powerful", "veteran",
              "interim", "late", "current", "newly", "appointed", "elected", "chief", "deputy", "own", "main",
              "hardline", "moderate", "embattled", "beleaguered", "caretaker", "transitional", "provisional"}
_OPENERS = {"but", "however", "meanwhile", "also", "then", "still", "so", "now", "when", "while", "after", "before",
            "if", "as", "since", "there", "here", "both", "even", "instead", "thus", "yet", "what", "why", "how",
            "where", "asked", "later", "separately", "elsewhere", "overnight", "tonight", "although", "though",
            "because", "once", "until", "unless", "whether", "only", "first", "finally", "again"}
_MONTH_ABBR = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "mon", "tue", "wed",
               "thu", "fri", "sat", "sun"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}
# words that make a capitalised phrase after "General"/"President" a company or a body, not a person
_NOT_NAME_WORDS = {"corp", "co", "inc", "ltd", "plc", "llc", "group", "bank", "agreement", "motors", "electric",
                   "company", "industries", "holdings", "dynamics", "international", "association", "council",
                   "committee", "party", "front", "army", "assembly", "authority", "commission", "board",
                   "ministry", "office", "accounting", "services", "systems", "partners", "fund", "trust"}
# seats of government that stand for it as objects too ("told the White House"), not only as subjects
_SEATS = {"white house", "pentagon", "kremlin", "downing street", "elysee", "élysée", "elysee palace", "élysée palace"}
# verbs whose object is someone addressed, never a place: a capital as their object stands for its government
_ADDRESS_VERBS = {"accuse", "urge", "warn", "criticise", "criticize", "condemn", "blame", "press", "pressure",
                  "tell", "ask", "thank", "praise", "invite", "sanction", "threaten", "reassure", "lobby",
                  "persuade", "convince", "rebuff", "snub", "shun", "recognise", "recognize", "call", "court",
                  "accused", "urged", "warned", "shunned", "snubbed", "rebuffed", "criticised", "criticized",
                  "condemned", "blamed", "pressed", "pressured", "told", "asked", "invited", "sanctioned"}
# words that end a company's name ("Suncor Energy Inc", "Lehman Brothers Holdings", "Bank of America")
_COMPANY_WORDS = {"inc", "corp", "corporation", "incorporated", "co", "company", "ltd", "limited", "plc", "llc",
                  "group", "holdings", "bank", "motors", "airlines", "airways"}
_NAME_PARTICLES = {"al", "bin", "bint", "ibn", "de", "da", "van", "von", "der", "el", "ul", "di", "le", "la", "abu", "abdul"}
_NOT_NAMES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "the", "a", "an",
    "and", "of", "on", "in", "at", "for", "to", "with", "but", "he", "she", "it", "they", "we", "i", "this",
    "that", "said", "says", "told", "has", "had", "was", "is", "will", "would", "office", "ministry", "today",
    "yesterday", "tomorrow", "last", "next", "earlier", "later",
}


# Acronyms that are also common words: in an all-capitals headline ("IS IS A TERRORIST GROUP") they are not taken.
_CAPS_AMBIGUOUS = {"is", "it", "as", "at", "an", "or", "in", "on", "no", "who", "am", "me"}


def _in_caps_run(toks: list[Tok], i: int) -> bool:
    """Are the words around token i written in capitals too?"""
    near = [t.text for t in toks[max(0, i - 2):i] + toks[i + 1:i + 3] if any(c.isalpha() for c in t.text)]
    return len(near) >= 2 and all(w.isupper() for w in near)


class ActorMatcher:
    """The actor dictionary compiled into a token trie. Build once (see `get_matcher`), use many times."""

    def __init__(self, data_dir: Path | None = None):
        self.data_dir = Path(data_dir) if data_dir else data_path("actors")
        self.trie: dict = {}
        self.adjective: dict[str, str] = {}
        self.state_name: dict[str, str] = {}
        self.persons: dict[str, Person] = {}
        self.orgs: dict[str, Actor] = {}
        self.role_index: dict[tuple[str, str], list[str]] = {}
        self._load()

    # -- loading
    def _add(self, alias: str, entry_kind: str, target, source: str):
        toks = _alias_tokens(alias)
        if not toks:
            return
        node = self.trie
        for t in toks:
            node = node.setdefault(_key(t), {})
        node.setdefault(None, []).append(Entry(entry_kind, target, tuple(toks), source))

    def _load(self):
        d = self.data_dir
        for r in _read_tsv(d / "countries.tsv"):
            a3 = r["alpha3"]
            self.adjective[a3] = r["adjective"] or r["canonical"]
            self.state_name[a3] = r["canonical"]
            for a in _split(r["aliases"]):
                self._add(a, "country", a3, "countries.tsv")
            for a in _split(r["demonyms"]):
                self._add(a, "demonym", a3, "countries.tsv")
            for a in _split(r["capitals"]):
                self._add(a, "capital", a3, "countries.tsv")
        for fname in ("igos.tsv", "groups.tsv", "media.tsv", "institutions.tsv"):
            p = d / fname
            if not p.exists():
                continue
            for r in _read_tsv(p):
                actor = Actor(f"{r['type']}:{_slug(r['canonical'])}", r["canonical"], r["type"], r["country"])
                self.orgs[r["canonical"]] = actor
                for a in {r["canonical"], *_split(r["aliases"])}:
                    self._add(a, "org", actor, fname)
        person_aliases: dict[str, set[str]] = {}
        for r in _read_tsv(d / "people.tsv"):
            pid = "person:" + _slug(r["canonical"])
            p = self.persons.setdefault(pid, Person(pid, r["canonical"]))
            start = int(r["start"]) if r["start"] else 0
            end = int(r["end"]) if r["end"] else None
            p.roles.append((r["role"], r["affiliation"], start, end))
            self.role_index.setdefault((r["affiliation"], r["role"]), []).append(pid)
            al = person_aliases.setdefault(pid, set())
            for a in [r["canonical"], *_split(r["aliases"])]:
                al |= name_variants(a)
        # the surname with its article ("al-Assad") when the bare surname is an alias
        for pid, al in person_aliases.items():
            m = re.search(r"\b((?:al|el)-([A-Z][\w']+))$", self.persons[pid].canonical)
            if m and m.group(2) in al:
                al.add(m.group(1))
        by_alias: dict[str, list[str]] = {}
        for pid, al in person_aliases.items():
            for a in al:
                by_alias.setdefault(a, []).append(pid)
        for a, pids in by_alias.items():
            self._add(a, "person", tuple(pids), "people.tsv")
        for r in _read_tsv(d / "titles.tsv"):
            self._add(r["phrase"], "title", r["role"], "titles.tsv")
        for r in _read_tsv(d / "group_nouns.tsv"):
            alone = BARE if r["alone"] == "bare" else r["alone"] == "yes"
            self._add(r["phrase"], "group", (r["label"], r["type"], alone), "group_nouns.tsv")
        for r in _read_tsv(d / "blocklist.tsv"):
            self._add(r["phrase"], "block", None, "blocklist.tsv")

    # -- raw matching
    def raw_matches(self, toks: list[Tok]) -> list[Raw]:
        out, i, n = [], 0, len(toks)
        trie = self.trie
        while i < n:
            node, j, best = trie, i, None
            while j < n:
                node = node.get(toks[j].key)
                if node is None:
                    break
                j += 1
                entries = node.get(None)
                if entries:
                    ok = [e for e in entries if _case_ok(e.alias, toks, i)
                          and not (j - i == 1 and toks[i].key in _CAPS_AMBIGUOUS and _in_caps_run(toks, i))]
                    if ok:
                        best = (min(ok, key=lambda e: _KIND_RANK[e.kind]), j)
            if best:
                out.append(Raw(best[0], i, best[1]))
                i = best[1]
            else:
                i += 1
        return out

    # -- helpers
    def adj(self, a3: str) -> str:
        return self.adjective.get(a3, a3)

    def org_country(self, affiliation: str) -> str:
        if affiliation in self.state_name:
            return affiliation
        org = self.orgs.get(affiliation)
        return org.country if org else ""

    def pick_person(self, pids: tuple[str, ...], year: int | None) -> Person:
        people = [self.persons[p] for p in pids]
        if len(people) > 1 and year is not None:
            live = [p for p in people if p.role_at(year)]
            if live:
                people = live
        return max(people, key=lambda p: p.latest_start())

    def office_holder(self, affiliation: str, role: str, year: int | None) -> Person | None:
        """Who held `role` for `affiliation` in `year` (in a year of handover: the one who started last)."""
        if year is None:
            return None
        best = None
        for pid in self.role_index.get((affiliation, role), []):
            p = self.persons[pid]
            for r in p.roles:
                if r[0] == role and r[1] == affiliation and r[2] <= year <= (r[3] if r[3] is not None else 9999):
                    if best is None or r[2] > best[0]:
                        best = (r[2], p)
        return best[1] if best else None

    # -- acronyms a text defines: "the Transitional National Council (TNC) ... the TNC"
    def _bag_index(self) -> dict[frozenset, Actor]:
        idx = getattr(self, "_bags", None)
        if idx is None:
            idx = {}
            for fname in ("igos.tsv", "groups.tsv", "institutions.tsv"):
                p = self.data_dir / fname
                if not p.exists():
                    continue
                for r in _read_tsv(p):
                    actor = self.orgs.get(r["canonical"])
                    for a in {r["canonical"], *_split(r["aliases"])}:
                        words = frozenset(_key(w) for w in _alias_tokens(a) if _key(w) not in _ACRONYM_GLUE)
                        if len(words) >= 2 and actor is not None:
                            idx.setdefault(words, actor)
            self._bags = idx
        return idx

    def acronyms(self, text: str, toks: list[Tok], raws: list[Raw]) -> list[Raw]:
        """Raw matches plus the acronyms the text defines in brackets after a name whose initials they are: the
        acronym names what the name names (a known organisation, the same words in another order: "Transitional
        National Council (TNC)" = the National Transitional Council; or, unknown, a party or an armed group by its
        last word: "the Free Patriots Front (FPF)"). Later uses of the acronym are that actor."""
        found: dict[str, tuple[Entry, int, int]] = {}
        at = {t.start: i for i, t in enumerate(toks)}
        for m in _ACRONYM_DEF.finditer(text):
            acr, i_acr = m.group(1), at.get(m.start(1))
            if i_acr is None or acr in found:
                continue
            # the name: capitalised words (and glue words) just before the bracket whose initials spell the acronym
            i_br = i_acr - 1 if i_acr > 0 and toks[i_acr - 1].text == "(" else i_acr
            j, initials = i_br - 1, ""
            while j >= 0 and i_br - j <= len(acr) + 4 and text[toks[j].end:toks[j + 1].start].strip() in ("", "(", "-"):
                w = toks[j].text
                if w[:1].isupper() and w.isalpha():
                    initials = w[0] + initials
                elif w.lower() not in _ACRONYM_GLUE:
                    break
                if initials.upper() == acr:
                    break
                j -= 1
            if initials.upper() != acr or j < 0:
                continue
            i0, i1 = j, i_br
            entry = None
            for r in raws:
                if r.i0 == i0 and r.i1 == i1 and r.entry.kind == "org":
                    entry = r.entry  # a known name: the acronym is an alias of it
            if entry is None:
                words = frozenset(t.key for t in toks[i0:i1] if t.key not in _ACRONYM_GLUE)
                actor = self._bag_index().get(words)
                if actor is None:
                    type_ = _ACRONYM_HEADS.get(toks[i1 - 1].key)
                    if type_ is None:
                        continue
                    name = text[toks[i0].start:toks[i1 - 1].end]
                    actor = Actor(f"{type_}:{_slug(name)}", name, type_, "")
                entry = Entry("org", actor, (acr,), "acronym")
                # the name itself names it too (replacing smaller matches inside it)
                raws = [r for r in raws if not (i0 <= r.i0 and r.i1 <= i1)]
                if not any(r.i0 < i1 and r.i1 > i0 for r in raws):
                    raws.append(Raw(entry, i0, i1))
            found[acr] = (entry, i0, i1)
        if not found:
            return raws
        taken = {i for r in raws for i in range(r.i0, r.i1)}
        for i, t in enumerate(toks):
            if t.text in found and i not in taken:
                raws.append(Raw(found[t.text][0], i, i + 1))
        return sorted(raws, key=lambda r: r.i0)

    # -- the public entry point
    def find(self, text_or_doc, date=None, context_country: str | None = None) -> list[ActorMention]:
        year = _year(date)
        if isinstance(text_or_doc, str):
            doc, text, toks, limits = None, text_or_doc, tokenize(text_or_doc), None
        elif hasattr(text_or_doc, "doc") and hasattr(text_or_doc, "start_char"):  # a Span (a sentence)
            span = text_or_doc
            doc, text, base = span.doc, span.doc.text, span.start_char
            toks = [Tok(t.start + base, t.end + base, t.text, t.key) for t in tokenize(span.text)]
            limits = (span.start_char, span.end_char)
        else:
            doc, text, limits = text_or_doc, text_or_doc.text, None
            toks = tokenize(text)
        raws = self.acronyms(text, toks, self.raw_matches(toks))
        return _Composer(self, text, toks, raws, doc, year, context_country, limits).run()


_ACRONYM_DEF = re.compile(r"\(([A-Z]{2,6})\)")
_ACRONYM_GLUE = {"of", "the", "for", "and", "on", "in", "de", "du", "des", "la", "le", "al", "el"}
# the last word of a name the dictionary does not know -> its actor type, when the text defines an acronym for it
_ACRONYM_HEADS = {"party": "party", "front": "armed_group", "army": "armed_group", "brigade": "armed_group",
                  "brigades": "armed_group", "movement": "armed_group", "militia": "militia",
                  "battalion": "armed_group", "battalions": "armed_group"}


def _year(date) -> int | None:
    if date is None or date == "":
        return None
    if isinstance(date, int):
        return date
    if isinstance(date, (_dt.date, _dt.datetime)):
        return date.year
    m = re.match(r"(\d{4})", str(date))
    return int(m.group(1)) if m else None


class _Composer:
    """Turns raw dictionary matches into actor mentions (the composition rules in the module docstring)."""

    def __init__(self, matcher: ActorMatcher, text, toks, raws, doc, year, context_country, limits=None):
        self.limits = limits  # (start, end) of the Span searched, offsets staying those of the whole Doc
        self.m, self.text, self.toks, self.raws, self.doc = matcher, text, toks, raws, doc
        self.year, self.ctx = year, context_country or ""
        self.by_start = {r.i0: r for r in raws}
        self.out: list[ActorMention] = []
        self._spacy_at = {t.idx: t for t in doc} if doc is not None else None

    # token utilities
    def key(self, i):
        return self.toks[i].key if 0 <= i < len(self.toks) else ""

    def span(self, i0, i1) -> tuple[int, int, str]:
        """Character offsets and text of tokens i0..i1 (offsets into the whole text or Doc)."""
        s, e = self.toks[i0].start, self.toks[i1 - 1].end
        return s, e, self.text[s:e]

    def spacy_tok(self, i):
        if self._spacy_at is None:
            return None
        t = self._spacy_at.get(self.toks[i].start)
        if t is None:
            sp = self.doc.char_span(self.toks[i].start, self.toks[i].end, alignment_mode="expand")
            t = sp[0] if sp is not None and len(sp) else None
        return t

    def locative(self, i0) -> bool:
        j = i0 - 1
        if self.key(j) in ("the", "a", "an"):
            j -= 1
        return self.key(j) in _LOCATIVE

    def skip_modifiers(self, i) -> int:
        """Index after up to two modifier words ("new", "former"; with a parse any lower-case adjective:
        "Sudan's secret police") starting at i."""
        for _ in range(2):
            if self.key(i) in _MODIFIERS and not self.toks[i].text[:1].isupper():
                i += 1
            elif (i < len(self.toks) and self.toks[i].text.islower() and self.by_start.get(i) is None
                  and (st := self.spacy_tok(i)) is not None and st.pos_ == "ADJ" and st.dep_ == "amod"):
                i += 1
            elif self.key(i) in _MODIFIERS and self.toks[i].text[:1].isupper() and i + 1 < len(self.toks):
                i += 1
            else:
                break
        return i

    def raw_at(self, i, kinds) -> Raw | None:
        r = self.by_start.get(i)
        return r if r is not None and r.entry.kind in kinds else None

    def emit(self, i0, i1, canonical, type_, country, role="", rule="", actor_id=""):
        s, e, t = self.span(i0, i1)
        self.out.append(ActorMention(s, e, t, canonical, type_, country or "", role, rule,
                                     actor_id or f"{type_}:{_slug(canonical)}", self.locative(i0)))

    # composite actors
    def country_body(self, a3: str, label: str, type_: str) -> tuple[str, str, str]:
        canonical = f"{self.m.adj(a3)} {label}"
        return canonical, type_, a3

    def person_mention(self, i0, i1, person: Person, role_text: str, country_hint: str, rule: str):
        ra = person.role_at(self.year)
        role = role_text or (ra[0] if ra else "")
        affiliation = ra[1] if ra else person.roles[-1][1]
        country = country_hint or self.m.org_country(affiliation)
        self.emit(i0, i1, person.canonical, "person", country, role, rule, person.pid)

    def unknown_name(self, i) -> int:
        """End index of a personal name starting at token i (no name: returns i).

        Capitalised words (or name particles between them: al, bin, de, van ...), not all in capitals, not a
        company or body ("General Motors Corp", "General Agreement"), not across a paragraph break; with a
        parse, PROPN tokens outside ORG/GPE entities."""
        j, n = i, len(self.toks)
        while j < n and j - i < 8:
            t = self.toks[j]
            if j > i:
                gap = self.text[self.toks[j - 1].end:t.start]
                if "\n\n" in gap or (gap.strip() and gap.strip() not in _SKIP):
                    break
                if self.by_start.get(j) is not None:
                    break
                if gap in _SKIP and t.text.isalpha():  # "Kim Mahn-je", "Bunya-ananta"
                    j += 1
                    continue
            if t.text[:1].isupper() and t.text[:1].isalpha() and t.key not in _NOT_NAMES:
                if t.key in _NOT_NAME_WORDS or (len(t.text) > 1 and t.text.isupper()):
                    return i
                st = self.spacy_tok(j)
                if st is not None and (st.pos_ != "PROPN" and st.ent_type_ != "PERSON"
                                       or st.ent_type_ in ("ORG", "GPE", "NORP", "FAC", "PRODUCT")):
                    break
                j += 1
            elif t.key in _NAME_PARTICLES and j > i and j + 1 < n and self.toks[j + 1].text[:1].isupper():
                j += 1
            else:
                break
        while j > i and self.toks[j - 1].key in _NAME_PARTICLES:
            j -= 1
        return j

    # rules
    def title_phrase(self, i0: int, prefix: Raw | None, title: Raw) -> int:
        """Prefix? title (name)? -> a person or an office holder. Returns the index after the phrase."""
        role = title.entry.target or ""
        j = title.i1
        nxt = self.raw_at(j, ("person",))
        if nxt is not None and self.name_continues(nxt):
            nxt = None  # "Prime Minister Baghdadi al-Mahmudi" is not Abu Bakr al-Baghdadi
        country, affiliation = "", ""
        if prefix is not None:
            e = prefix.entry
            if e.kind in ("country", "demonym", "capital"):
                country = affiliation = e.target
            elif e.kind == "org":
                affiliation, country = e.target.canonical, e.target.country
        if nxt is not None:
            person = self.m.pick_person(nxt.entry.target, self.year)
            end = self.person_body(i0, nxt.i1, person, country)
            if end:  # "Syrian President Bashar al-Assad's forces": the country's forces
                return end
            self.person_mention(i0, nxt.i1, person, role, country, "title+person")
            return nxt.i1
        k = self.unknown_name(j)
        if k > j:
            name = " ".join(self.span(j, k)[2].split())
            self.emit(i0, k, name, "person", country, role, "title+unknown_name", "person:" + _slug(name))
            return k
        if prefix is None or not role:
            return title.i1
        holder = self.m.office_holder(affiliation, role, self.year)
        if holder is not None:
            self.person_mention(i0, title.i1, holder, role, country, "title=office_holder")
        elif prefix.entry.kind == "org":
            org = prefix.entry.target
            self.emit(i0, title.i1, f"{org.canonical} {role}", org.type, org.country, role, "org+title")
        else:
            self.emit(i0, title.i1, f"{self.m.adj(country)} {role}", "government", country, role, "country+title")
        return title.i1

    def person_body(self, i0, i1, person: Person, country: str) -> int:
        """A person's possessive + a state body ("... al-Assad's forces", "... Putin's government"): the country's
        body, emitted from i0; returns the index after it, or 0."""
        if self.key(i1) != "'s":
            return 0
        group = self.raw_at(self.skip_modifiers(i1 + 1), ("group",))
        if group is None or group.entry.target[1] not in ("government", "military", "militia"):
            return 0
        ra = person.role_at(self.year) or person.role_at(None)
        a3 = country or (ra[1] if ra and ra[1] in self.m.state_name else "")
        if not a3:
            return 0
        label, type_, _ = group.entry.target
        self.emit(i0, group.i1, *self.country_body(a3, label, type_), rule="title+person+group")
        return group.i1

    def after_possessive(self, i) -> int:
        return i + 1 if self.key(i) == "'s" else i

    def run(self) -> list[ActorMention]:
        raws, n = self.raws, len(self.raws)
        pos = 0  # token index already consumed
        for k, r in enumerate(raws):
            if r.i0 < pos:
                continue
            e = r.entry
            kind = e.kind
            if kind == "block":
                pos = r.i1
                continue
            if kind in ("country", "demonym", "capital", "org", "person") and self.inside_spacy_person(r):
                continue
            if kind in ("country", "demonym", "capital") and self.glued_after_hyphen(r.i0):
                pos = r.i1  # "Petro-Canada", "Anglo-Egyptian": part of another name or a modifier
                continue
            nxt_i = self.skip_modifiers(self.after_possessive(r.i1))
            title = self.raw_at(nxt_i, ("title",))
            group = self.raw_at(nxt_i, ("group",))
            body = self.raw_at(nxt_i, ("org",))
            if kind in ("country", "demonym") and body is not None and body.entry.target.type == "igo" \
                    and self.raw_at(body.i1, ("title",)) is not None:
                # "Germany's U.N. ambassador", "the French UN envoy": the country's envoy to that body
                pos = self.title_phrase(r.i0, r, self.raw_at(body.i1, ("title",)))
                continue
            if kind in ("country", "demonym", "org", "capital") and title is not None:  # "White House spokesman"
                pos = self.title_phrase(r.i0, r, title)
                continue
            if kind == "country" and self.key(r.i1) == "'s" and self.raw_at(r.i1 + 1, ("person",)) is not None:
                pr = self.raw_at(r.i1 + 1, ("person",))  # "Russia's Sergey Lavrov": one mention, the person
                self.person_mention(r.i0, pr.i1, self.m.pick_person(pr.entry.target, self.year), "", e.target,
                                    "country's+person")
                pos = pr.i1
                continue
            if kind == "country" and self.key(r.i1) == "'s" and self.doc is not None:
                k_end = self.possessed_person(r.i1 + 1)
                if k_end:  # "Iran's Ali Bagheri": a person the parse knows, of that country
                    name = " ".join(self.span(r.i1 + 1, k_end)[2].split())
                    self.emit(r.i0, k_end, name, "person", e.target, "", "country's+person", "person:" + _slug(name))
                    pos = k_end
                    continue
            if kind == "title":
                pos = self.title_phrase(r.i0, None, r)
                continue
            if kind == "person" and (self.other_first_name(r) or self.name_continues(r)):
                pos = r.i1  # "Michael Bolton" is not John Bolton
                continue
            if kind == "person":
                person = self.m.pick_person(e.target, self.year)
                if group is not None and group.entry.target[1] in ("government", "military", "militia"):
                    ra = person.role_at(self.year) or person.role_at(None)
                    aff = ra[1]
                    if aff in self.m.state_name:
                        label, type_, _ = group.entry.target
                        self.emit(r.i0, group.i1, *self.country_body(aff, label, type_), rule="person+group")
                    elif aff in self.m.orgs:
                        org = self.m.orgs[aff]
                        self.emit(r.i0, group.i1, org.canonical, org.type, org.country, rule="person+group",
                                  actor_id=org.actor_id)
                    else:
                        self.person_mention(r.i0, r.i1, person, "", "", "person")
                    pos = group.i1
                    continue
                self.person_mention(r.i0, r.i1, person, "", "", "person")
                pos = r.i1
                continue
            if kind in ("country", "demonym", "capital") and group is not None:
                if kind == "capital" and self.locative(r.i0):
                    pos = r.i1
                    continue
                label, type_, _ = group.entry.target
                self.emit(r.i0, group.i1, *self.country_body(e.target, label, type_), rule=f"{kind}+group")
                pos = group.i1
                continue
            if kind == "demonym":
                # "Hungarian and Romanian officials": the group noun after the coordinated demonym
                if self.key(r.i1) in ("and", ",") and k + 2 < n:
                    r2, g = raws[k + 1], raws[k + 2]
                    if (r2.i0 == r.i1 + 1 and r2.entry.kind == "demonym" and g.entry.kind == "group"
                            and g.i0 == self.skip_modifiers(r2.i1)):
                        label, type_, _ = g.entry.target
                        self.emit(r.i0, r.i1, *self.country_body(e.target, label, type_), rule="demonym+and+group")
                pos = r.i1
                continue
            if kind == "org":
                a = e.target
                end = group.i1 if group is not None else r.i1
                self.emit(r.i0, end, a.canonical, a.type, a.country, rule="org" + ("+group" if group else ""),
                          actor_id=a.actor_id)
                pos = end
                continue
            if kind == "country":
                a3 = e.target
                self.emit(r.i0, r.i1, self.m.state_name.get(a3, a3), "state", a3, rule="country",
                          actor_id=f"state:{a3}")
                pos = r.i1
                continue
            if kind == "capital":
                if self.capital_is_actor(r):
                    a3 = e.target
                    self.emit(r.i0, r.i1, f"{self.m.adj(a3)} government", "government", a3, rule="capital")
                pos = r.i1
                continue
            if kind == "group" and title is not None and title.entry.target and not (
                    self.raw_at(title.i1, ("person",)) or self.unknown_name(title.i1) > title.i1):
                # "a Treasury spokesman", "a government official", "the central bank governor": the body speaks
                label, type_, alone = e.target
                if self.ctx and alone is not BARE:
                    self.emit(r.i0, title.i1, *self.country_body(self.ctx, label, type_), role=title.entry.target,
                              rule="group+title+context")
                else:
                    self.emit(r.i0, title.i1, label, type_, "", role=title.entry.target, rule="group+title")
                pos = title.i1
                continue
            if kind == "group":
                label, type_, alone = e.target
                st = self.spacy_tok(r.i0) if r.i1 - r.i0 == 1 else None
                if st is not None and st.pos_ == "ADJ" and st.dep_ == "amod":
                    alone = False  # "a military coup": an adjective, not the body itself
                if alone is BARE:  # "a senior official said": an unnamed official, never given the story's country
                    self.emit(r.i0, r.i1, "unnamed official", type_, "", rule="group_bare")
                elif alone and self.key(r.i0 - 1) == "foreign":
                    # "foreign militants", "foreign troops": from elsewhere, never the story's own country's
                    self.emit(r.i0 - 1, r.i1, f"foreign {label}", type_, "", rule="foreign+group")
                elif alone:
                    if self.ctx:
                        self.emit(r.i0, r.i1, *self.country_body(self.ctx, label, type_), rule="group+context")
                    else:
                        self.emit(r.i0, r.i1, label, type_, "", rule="group")
                pos = r.i1
                continue
            pos = r.i1
        self.add_companies()
        if self.doc is not None:
            self.add_spacy_persons()
        self.out.sort(key=lambda m: m.start)
        self.link_surnames()
        return self.out

    def link_surnames(self):
        """A surname alone ("Saleh", "Mr Howard") after the full name ("Ali Abdullah Saleh", "Michael Howard"):
        the same person. Only capitalised words the dictionary does not know otherwise, not next to another
        capitalised word ("Ahmed Saleh" is someone else)."""
        full: dict[str, list[ActorMention]] = {}
        for m in self.out:
            words = [w for w in _TOKEN_RE.findall(m.canonical) if w[:1].isalpha()]
            if m.type == "person" and len(words) >= 2 and words[-1][:1].isupper():
                sur = _key(words[-1])
                if len(sur) >= 3 and sur not in _NAME_PARTICLES:
                    full.setdefault(sur, []).append(m)
        if not full:
            return

        def earlier(key, pos):
            c = [m for m in full.get(key, []) if m.end <= pos]
            return c[-1] if c else None

        for k, m in enumerate(self.out):  # "Mr Howard" (a title and an unknown name) -> Michael Howard
            if m.type == "person" and m.rule == "title+unknown_name" and len(m.canonical.split()) == 1:
                ref = earlier(_key(m.canonical), m.start)
                if ref is not None:
                    self.out[k] = replace(m, canonical=ref.canonical, country=m.country or ref.country,
                                          role=m.role or ref.role, actor_id=ref.actor_id, rule="title+surname_ref")
        taken = [(m.start, m.end) for m in self.out]
        lo, hi = self.limits if self.limits else (0, len(self.text))
        added = []
        for i, t in enumerate(self.toks):
            if t.key not in full or not t.text[:1].isupper() or not (lo <= t.start and t.end <= hi):
                continue
            if self.by_start.get(i) is not None or any(a <= t.start < b for a, b in taken):
                continue
            prev_cap = i > 0 and self.toks[i - 1].text[:1].isupper() and self.toks[i - 1].text.isalpha() \
                and self.text[self.toks[i - 1].end:t.start] == " " and self.toks[i - 1].key not in _NOT_NAMES \
                and not self.sentence_initial(i - 1)
            next_cap = i + 1 < len(self.toks) and self.toks[i + 1].text[:1].isupper() \
                and self.text[t.end:self.toks[i + 1].start] == " "
            if prev_cap or next_cap:
                continue
            st = self.spacy_tok(i)
            if st is not None and st.pos_ != "PROPN":
                continue
            ref = earlier(t.key, t.start)
            if ref is None:
                continue
            added.append(ActorMention(t.start, t.end, t.text, ref.canonical, "person", ref.country, ref.role,
                                      "surname_ref", ref.actor_id, self.locative(i)))
        if added:
            self.out = sorted(self.out + added, key=lambda m: m.start)

    def possessed_person(self, i) -> int:
        """End token index of a PERSON entity starting at token i that the dictionary does not know, else 0."""
        if i >= len(self.toks) or self.by_start.get(i) is not None:
            return 0
        t = self.spacy_tok(i)
        if t is None or t.ent_type_ != "PERSON" or t.ent_iob_ != "B":
            return 0
        ent = next((e for e in self.doc.ents if e.start == t.i), None)
        if ent is None or len(ent) < 2:
            return 0
        end_char = ent[-1].idx if ent[-1].tag_ == "POS" else ent.end_char
        j = i
        while j < len(self.toks) and self.toks[j].end <= end_char:
            if j > i and self.by_start.get(j) is not None:
                return 0
            j += 1
        return j if j > i else 0

    def other_first_name(self, r: Raw) -> bool:
        """A one-word alias (a surname) right after a capitalised word the dictionary does not know."""
        if r.i1 - r.i0 != 1 or r.i0 == 0:
            return False
        prev = self.toks[r.i0 - 1]
        if self.text[prev.end:self.toks[r.i0].start] != " " or not prev.text[:1].isupper() or not prev.text.isalpha():
            return False
        if prev.key in _NOT_NAMES or any(x.i1 == r.i0 for x in self.raws):
            return False
        st = self.spacy_tok(r.i0 - 1)
        if st is not None:
            return st.ent_type_ == "PERSON"
        return not (self.sentence_initial(r.i0 - 1) and prev.key in _OPENERS)

    def glued_after_hyphen(self, i) -> bool:
        s = self.toks[i].start
        return s >= 2 and self.text[s - 1] in "-‐‑" and self.text[s - 2].isalpha()

    def name_continues(self, r: Raw) -> bool:
        """A one-word alias followed by more of a name the dictionary does not know ("Baghdadi al-Mahmudi")."""
        if r.i1 - r.i0 != 1 or r.i1 >= len(self.toks):
            return False
        j = r.i1
        if self.text[self.toks[j - 1].end:self.toks[j].start] not in (" ", "-"):
            return False
        if self.toks[j].key in _NAME_PARTICLES and j + 1 < len(self.toks):
            j += 1
        t = self.toks[j]
        return (t.text[:1].isupper() and t.text.isalpha() and not t.text.isupper() and t.key not in _NOT_NAMES
                and t.key not in _NOT_NAME_WORDS and not any(x.i0 <= j < x.i1 for x in self.raws))

    def sentence_initial(self, i) -> bool:
        if i == 0:
            return True
        before = self.text[self.toks[i - 1].start:self.toks[i].start]
        return self.toks[i - 1].text in (".", "!", "?", '"', "“", "”", ":", ";") or "\n" in before

    def inside_spacy_person(self, r: Raw) -> bool:
        """A country alias inside a PERSON entity ("Jordan Henderson") is not the country."""
        if self.doc is None or r.entry.kind not in ("country", "capital", "demonym"):
            return False
        t = self.spacy_tok(r.i0)
        if t is None or t.ent_type_ != "PERSON":
            return False
        ent = next((e for e in self.doc.ents if e.start <= t.i < e.end), None)
        return ent is not None and len(ent) > (r.i1 - r.i0)

    def capital_is_actor(self, r: Raw) -> bool:
        end = self.toks[r.i1 - 1].end
        if self.text[end:end + 1] in _SKIP:  # "Kuala Lumpur-based", "Moscow-backed"
            return False
        if self.locative(r.i0) or self.key(r.i0 - 1) in ("capital", "to", "from", "of", "via", "for"):
            return False
        if self.doc is not None:
            t = self.spacy_tok(r.i1 - 1)  # the head of "the White House", "Downing Street"
            if t is not None:
                if t.dep_ in _SUBJECT_DEPS:
                    return True
                if t.dep_ == "conj" and t.head.dep_ in _SUBJECT_DEPS:
                    return True
                if t.dep_ in ("dobj", "dative") and t.head.lemma_.lower() in _ADDRESS_VERBS:
                    return True  # "the US accused Khartoum", "urged Moscow to ...": the government addressed
                if t.dep_ == "pobj" and t.head.dep_ == "agent" and t.head.head.lemma_.lower() in _ADDRESS_VERBS:
                    return True  # "shunned by Washington"
                if " ".join(r.entry.alias).lower() in _SEATS:  # "told the White House", "pressure on the Kremlin"
                    return t.dep_ in ("dobj", "dative") or (t.dep_ == "pobj" and t.head.lower_ not in _LOCATIVE
                                                            and t.head.lower_ not in ("to", "from", "outside"))
                return False
        nxt = self.toks[r.i1] if r.i1 < len(self.toks) else None
        if nxt is None:
            return False
        return nxt.key == "'s" or (nxt.text[:1].islower() and nxt.key not in _LOCATIVE
                                   and nxt.key not in ("time", "on", "for", "of", "by", "to"))

    def add_companies(self):
        """Capitalised names ending in a company word ("Suncor Energy Inc", "Lehman Brothers Holdings", "Bank of
        America", "HSBC Holdings plc"): a business; a central or reserve bank ("the Central Bank of Egypt") is
        its country's government body."""
        lo, hi = self.limits if self.limits else (0, len(self.text))
        blocked = [(self.toks[r.i0].start, self.toks[r.i1 - 1].end) for r in self.raws
                   if r.entry.kind in ("block", "org", "person")]
        i, n = 0, len(self.toks)
        while i < n:
            t = self.toks[i]
            if t.key not in _COMPANY_WORDS or not (t.text[:1].isupper() or t.key in ("plc", "llc")) \
                    or not (lo <= t.start and t.end <= hi):
                i += 1
                continue
            j = i  # back over the name's capitalised words
            while j > 0:
                p = self.toks[j - 1]
                gap = self.text[p.end:self.toks[j].start]
                if gap not in (" ", "") or not (p.text[:1].isupper() or p.text == "&") or p.key in _NOT_NAMES \
                        or p.key in _OPENERS or (j - 1 > 0 and self.sentence_initial(j - 1) and p.key in _OPENERS):
                    break
                j -= 1
            k = i + 1  # "Bank of America", "Royal Bank of Scotland"
            if self.key(k) == "of" and k + 1 < n and self.toks[k + 1].text[:1].isupper():
                k += 2
                while k < n and self.toks[k].text[:1].isupper() and self.text[self.toks[k - 1].end:self.toks[k].start] == " ":
                    k += 1
            while k < n and self.toks[k].key in _COMPANY_WORDS and self.toks[k].text[:1].isupper():
                k += 1  # "... Holdings Inc"
            if j == i and k == i + 1:
                i += 1
                continue  # a company word alone ("Group", "Bank")
            s, e = self.toks[j].start, self.toks[k - 1].end
            if any(a < e and s < b for a, b in blocked):
                i = k
                continue
            words = {x.key for x in self.toks[j:k]}
            inner = [m for m in self.out if s <= m.start and m.end <= e]
            if any(a.start < e and s < a.end and not (s <= a.start and a.end <= e) for a in self.out):
                i = k
                continue
            name = " ".join(self.text[s:e].split())
            if words & {"central", "reserve", "national"} and "bank" in words:
                country = next((m.country for m in inner if m.country), self.ctx)
                canonical = f"{self.m.adj(country)} central bank" if country else name
                mention = ActorMention(s, e, self.text[s:e], canonical, "government", country, "", "central_bank",
                                       "government:" + _slug(canonical), self.locative(j))
            else:
                mention = ActorMention(s, e, self.text[s:e], name, "business", "", "", "company",
                                       "business:" + _slug(name), self.locative(j))
            self.out = [m for m in self.out if m not in inner] + [mention]
            i = k

    def add_spacy_persons(self):
        taken = [(m.start, m.end) for m in self.out]
        for ent in self.doc.ents:
            if ent.label_ != "PERSON":
                continue
            s, e = ent.start_char, ent.end_char
            if self.limits and not (self.limits[0] <= s and e <= self.limits[1]):
                continue
            if ent[-1].tag_ == "POS":
                e = ent[-1].idx
            if any(s < b and a < e for a, b in taken):
                continue
            name = self.text[s:e].strip()
            words = name.split()
            # single-word PERSON entities of the small model are too often places or agencies ("Brega", "Tasnim")
            if len(words) < 2 or not all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words):
                continue
            if any(w.lower().strip(".,") in _NOT_NAMES or w.lower()[:3] in _MONTH_ABBR for w in words):
                continue  # "Fri Aug" from a dateline
            if any(s <= self.toks[r.i0].start < e for r in self.raws):
                continue  # overlaps something the dictionary knows better (a title, a blocked phrase)
            self.out.append(ActorMention(s, e, name, name, "person", "", "", "spacy_person",
                                         "person:" + _slug(name), False))


_TOPIC_PREPS = _LOCATIVE | {"on", "about", "over", "for", "across", "of"}


def topic_country(text_or_doc) -> str | None:
    """The country a story is about, as a context country for generic actors ("rebels", "the government").

    Counts the uses that make a country a topic or a place rather than an agent: demonyms ("the Syrian
    settlement", "Syrian rebels") and country names after a locative or topical preposition ("in Syria",
    "talks on Syria"). Returns the alpha-3 code with most votes (at least two), else None."""
    m = get_matcher()
    text = text_or_doc if isinstance(text_or_doc, str) else text_or_doc.text
    toks = tokenize(text)
    votes: dict[str, int] = {}
    for r in m.raw_matches(toks):
        kind = r.entry.kind
        if kind == "demonym":
            a3 = r.entry.target
        elif kind == "country":
            j = r.i0 - 1
            if j >= 0 and toks[j].key in ("the", "a", "an"):
                j -= 1
            if j < 0 or toks[j].key not in _TOPIC_PREPS:
                continue
            a3 = r.entry.target
        else:
            continue
        votes[a3] = votes.get(a3, 0) + 1
    if not votes:
        return None
    best = max(votes, key=lambda k: votes[k])
    return best if votes[best] >= 2 else None


def mention_span(doc, mention: ActorMention):
    """The spaCy Span of a mention in the Doc it was found in (its `.root` is the head token)."""
    return doc.char_span(mention.start, mention.end, alignment_mode="expand")


@lru_cache(maxsize=4)
def get_matcher(data_dir: str | None = None) -> ActorMatcher:
    """The shared matcher (built once per process and data directory)."""
    return ActorMatcher(Path(data_dir) if data_dir else None)


def find_actors(text_or_doc, date=None, context_country: str | None = None) -> list[ActorMention]:
    """Actor mentions in a text, a spaCy Doc or a Span of one (a sentence), in text order. Offsets are
    character offsets into the text / the Doc's text (for a Span too).

    `date` (a date, ISO string or year) picks the role a person held then and the office holder for
    "Russia's foreign minister"; `context_country` (alpha-3) gives generic groups ("rebels") a country.
    """
    return get_matcher().find(text_or_doc, date=date, context_country=context_country)


def lookup_actor(name: str, date=None) -> ActorRecord | None:
    """The record for a name written alone ("Lavrov", "the UN", "Syrian rebels"), or None."""
    ms = find_actors(name, date=date)
    return ms[0].record() if len(ms) == 1 else None


def find_actors_many(docs: Iterable, date=None, context_country: str | None = None) -> Iterable[list[ActorMention]]:
    m = get_matcher()
    for d in docs:
        yield m.find(d, date=date, context_country=context_country)
