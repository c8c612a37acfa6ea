"""Event coding: CAMEO codes for predicates, from data/event_lexicon.tsv and data/cameo.tsv.

    cameo_info("0871")       -> CameoInfo(name='Declare truce, ceasefire', root='08', goldstein=9.0,
                                          quad_class=2, plover='RETREAT')
    lookup_code("invite", "VERB")                    -> '036'
    lookup_code("call", "VERB", deps=("for",))       -> '020'   (the pattern "call for")
    lookup_code("accept", "VERB", negated=True)      -> '120'
    code_sentence(doc_sentence) -> [(token, code), ...]   most salient predicate first

An entry with the frame `office` ("sack", "dismiss", "fire", "name" a person) holds only when the object or
complement names a person or an office ("sacked the interior minister", "named X prime minister"); otherwise the
word's next entry applies ("dismissed the claims" -> reject, "fired rockets" -> fight).

`code_sentence` reads the dependency parse: each verb, event noun ("talks", "truce") and predicative adjective
("ready to") found in the lexicon is a predicate; complements change the code by the entry's frame ("agreed to
withdraw" -> intent to de-escalate, "refused to meet" -> reject a meeting, "threatened to attack" -> threaten
with force); a complement consumed that way is not listed again. A negated predicate takes the entry's
`negated` code or is dropped. A future/conditional active clause ("will provide aid", "would blockade") is a
statement of intent (03x) or a threat (13x), and "X must/should ..." a demand (10x), as CAMEO codes them. Reporting verbs (say, tell) give 010 only when
what they report has no event of its own. A lexicon code `-` names a word that is never an event ("heart attack");
as the cause of a death or injury ("killed in the earthquake", "died of a heart attack") it means nobody did it, and
the death is no event either. A proper name inside a PERSON entity or after "Mr"/"Ms" ("Mr Ban") is never a predicate.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, NamedTuple

from timeline.paths import data_path


class CameoInfo(NamedTuple):
    name: str
    root: str
    goldstein: float | None
    quad_class: int
    plover: str


@dataclass(frozen=True)
class LexEntry:
    lemma: str          # the pattern as written ("call for")
    head: str           # its head word ("call")
    words: tuple        # the other words that must be among the head's dependents (("for",))
    pos: str
    code: str
    frame: str
    negated: str
    example: str


class PredicateCode(NamedTuple):
    token: object       # spaCy Token of the predicate
    code: str
    pattern: str        # the lexicon entry that matched ("call for")
    negated: bool
    via: str            # how the code was reached: lexicon, intent, refuse, demand, appeal, threaten, light, result, future, must
    depth: int          # distance from the sentence root in the parse


def _read(path: Path) -> list[dict[str, str]]:
    rows, header = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, (c.strip() for c in cells))))
    return rows


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoInfo]:
    out = {}
    for r in _read(data_path("cameo.tsv")):
        g = float(r["goldstein"]) if r["goldstein"] else None
        out[r["code"]] = CameoInfo(r["name"], r["root"], g, int(r["quad_class"]), r["plover_type"])
    return out


def cameo_info(code: str) -> CameoInfo | None:
    """(name, root, goldstein, quad_class, plover) of a CAMEO code; None for an unknown code."""
    return cameo_table().get(str(code).strip())


_PREPS = {"on", "for", "of", "in", "against", "with", "to", "into", "over", "at", "by"}


@lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, str], list[LexEntry]]:
    """(head lemma, pos) -> entries, most specific (most words) first."""
    out: dict[tuple[str, str], list[LexEntry]] = {}
    for r in _read(data_path("event_lexicon.tsv")):
        words = r["lemma"].lower().split()
        pos = r["pos"].upper()
        if pos == "NOUN" and len(words) > 1 and words[-1] not in _PREPS:
            words = [words[-1]] + words[:-1]  # "suicide bombing": the head noun is the last word
        e = LexEntry(r["lemma"], words[0], tuple(words[1:]), pos, r["code"], r["frame"], r["negated"], r["example"])
        out.setdefault((e.head, e.pos), []).append(e)
    for v in out.values():
        v.sort(key=lambda e: -len(e.words))
    return out


def lookup_entries(lemma: str, pos: str | None = None, deps: Iterable[str] = ()) -> list[LexEntry]:
    """Every lexicon entry for a head lemma whose extra words are all in `deps`, most specific first."""
    lemma = lemma.lower()
    deps = {d.lower() for d in deps}
    poses = [pos.upper()] if pos else ["VERB", "NOUN", "ADJ"]
    if pos and pos.upper() == "PROPN":
        poses = ["NOUN"]
    if pos and pos.upper() == "AUX":
        poses = ["VERB"]
    return [e for p in poses for e in lexicon().get((lemma, p), []) if all(w in deps for w in e.words)]


def lookup_entry(lemma: str, pos: str | None = None, deps: Iterable[str] = ()) -> LexEntry | None:
    """The most specific lexicon entry for a head lemma whose extra words are all in `deps`."""
    found = lookup_entries(lemma, pos, deps)
    return found[0] if found else None


def lookup_code(lemma: str, pos: str | None = None, *, deps: Iterable[str] = (), negated: bool = False) -> str | None:
    """CAMEO code for a lemma (with the lemmas of its dependents for multiword patterns); None if unknown."""
    e = lookup_entry(lemma, pos, deps)
    if e is None or e.code == NOT_EVENT:
        return None
    if negated:
        return e.negated or None
    return e.code


# --------------------------------------------------------------------- complement -> frame code maps

def _sub(code: str, table: dict[str, str], default: str) -> str:
    for k in (code[:4], code[:3], code[:2]):
        if k in table:
            return table[k]
    return default


_INTENT = {"04": "036", "045": "039", "05": "032", "057": "037", "06": "031", "061": "0311", "062": "0312",
           "063": "0313", "064": "0314", "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
           "08": "035", "081": "0351", "082": "0352", "0841": "0353", "084": "0353", "085": "0354",
           "086": "0355", "087": "0356", "0871": "0356", "083": "034", "0831": "0341"}
_THREAT = {"14": "133", "15": "138", "16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134",
           "165": "135", "166": "136", "17": "137", "172": "132", "1722": "1322", "1723": "1323",
           "1724": "1324", "18": "1383", "19": "138", "190": "1384", "191": "1381", "192": "1382", "20": "1385"}
_REFUSE = {"04": "125", "045": "126", "05": "120", "057": "127", "06": "121", "07": "122", "08": "124",
           "0841": "1243", "084": "1243", "085": "1244", "086": "1245", "087": "1246", "0831": "1231",
           "083": "123", "03": "120", "036": "125"}
_DEMAND = {"04": "106", "045": "108", "057": "107", "05": "102", "03": "102", "06": "101", "07": "103",
           "071": "1031", "072": "1032", "073": "1033", "074": "1034", "08": "105", "081": "1051",
           "082": "1052", "0841": "1053", "084": "1053", "085": "1054", "086": "1055", "087": "1056",
           "083": "104", "0831": "1041"}
_APPEAL = {"04": "026", "045": "028", "057": "027", "05": "022", "03": "022", "06": "021", "061": "0211",
           "062": "0212", "063": "0213", "064": "0214", "07": "023", "071": "0231", "072": "0232",
           "073": "0233", "074": "0234", "08": "025", "081": "0251", "082": "0252", "0841": "0253",
           "084": "0253", "085": "0254", "086": "0255", "087": "0256", "0871": "0256", "083": "024",
           "0831": "0241"}


def frame_code(frame: str, own: str, comp: str | None) -> str:
    """The code of a framing predicate given its complement's code (None: no coded complement)."""
    if not comp:
        return own
    root = int(comp[:2])
    if frame == "intent":
        if root >= 14:
            return _sub(comp, _THREAT, "130")
        if root >= 9:
            return comp  # "promised to investigate", "will reject": the complement's own code
        if root <= 2:
            return own
        return comp if root == 3 else _sub(comp, _INTENT, "030")
    if frame == "threaten":
        return _sub(comp, _THREAT, "130") if root >= 14 or comp[:3] in ("164", "165", "166") else own
    if frame == "refuse":
        return _sub(comp, _REFUSE, "120") if root <= 8 else own
    if frame == "demand":
        return _sub(comp, _DEMAND, "100") if root <= 8 else own
    if frame == "appeal":
        return _sub(comp, _APPEAL, "020") if root <= 8 else own
    if frame == "light":
        return comp
    return own


# --------------------------------------------------------------------------------- sentence coder

_CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "conj", "parataxis", "acl", "csubj", "pcomp"}
_ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "ROOT", "conj", "appos", "oprd", "dative", "npadvmod"}
_FUTURE = {"will", "would", "shall", "'ll", "wo"}
_MAYBE = {"may", "might", "could", "can"}
_NEG = {"not", "n't", "never", "no"}


def _dep_lemmas(t) -> set[str]:
    out = set()
    if t.dep_ == "acl" and t.tag_ == "VBN":  # "plans released by the ministry": the noun is what is released
        out |= {t.head.lemma_.lower(), t.head.lower_}
    for c in t.children:
        if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children):
            out.add("for")  # "called for Saleh to step down": the pattern "call for"
        if c.dep_ == "ccomp" and c.pos_ == "ADJ":
            out.add(c.lemma_.lower())  # "found the doctor guilty": a small clause, the pattern "find guilty"
        if c.dep_ in _CLAUSE_DEPS:
            continue
        if c.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in c.children):
            continue  # "agreed on Wednesday", "strikes on Monday": not the pattern's preposition
        out.add(c.lemma_.lower())
        out.add(c.lower_)
        for g in c.children:
            if g.dep_ in ("pobj", "dobj", "compound", "amod", "prep", "prt") or c.dep_ == "prep":
                out.add(g.lemma_.lower())
                out.add(g.lower_)
    return out


def _pos_of(t) -> str | None:
    if t.pos_ in ("VERB", "AUX"):
        return "VERB"
    if t.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    if t.pos_ == "ADJ":
        return "ADJ"
    return None


NOT_EVENT = "-"   # lexicon code of a word that is not an event
CAUSED_ONLY = {"die"}      # result verbs that are an event only with a violent cause named ("died in clashes")
NEEDS_OBJECT = {"return"}  # verbs that are the lexicon's act only with an object ("returned the land", not "returned home")
DENIALS = {"deny", "refute"}  # what they deny is not an event told as done ("denies killing Jackson")
WEAK_REFUSALS = {"fail"}   # refusal verbs that say nothing when what failed is no event ("failed to inform")
_NAME_TITLES = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "miss"}


def _is_name(t) -> bool:
    """A person's name that is also a word ("Mr Ban", "Ms Strike")."""
    if t.pos_ != "PROPN":
        return False
    if t.ent_type_ == "PERSON":
        return True
    return t.i > 0 and t.nbor(-1).lower_ in _NAME_TITLES


def _entry_for(t, as_complement: bool = False) -> LexEntry | None:
    pos = _pos_of(t)
    if pos is None or _is_name(t):
        return None
    if pos == "VERB" and t.dep_ in ("amod", "compound", "aux", "auxpass"):
        return None
    if pos == "NOUN" and t.dep_ not in _ARG_DEPS and not (as_complement and t.dep_ == "compound"):
        return None
    if pos == "ADJ" and not any(c.dep_ in ("xcomp", "prep") for c in t.children) and t.dep_ not in ("acomp", "ROOT"):
        return None
    deps = _dep_lemmas(t)
    for lemma in _lemma_candidates(t, pos):
        for e in lookup_entries(lemma, pos, deps):
            if e.frame == "office" and not _names_office(t, e.head in REMOVALS):
                continue  # "dismissed the claims", "fired rockets": the word's other entry
            return e
    return None


# an office, a body of office holders or a rank: what is filled or emptied when someone is appointed or sacked
OFFICE_WORDS = {"minister", "president", "vice-president", "premier", "government", "cabinet", "governor", "chief",
                "head", "commander", "general", "official", "ambassador", "envoy", "director", "chairman",
                "chairwoman", "secretary", "spokesman", "spokeswoman", "deputy", "mayor", "leader", "judge",
                "prosecutor", "adviser", "advisor", "aide", "coach", "manager", "executive", "ceo", "board",
                "council", "parliament", "speaker", "successor", "governors", "ministers", "officials",
                "commanders", "generals", "chiefs", "envoys", "ambassadors", "post", "job", "position", "role",
                "office", "prime", "vice", "administrator", "boss", "heads", "member", "members", "team", "staff"}


REMOVALS = {"sack", "dismiss", "fire", "sacking", "dismissal", "replace"}  # a person alone is enough ("sacked X")


def _names_office(t, person_ok: bool = True) -> bool:
    """Does the predicate's object or complement name a person or an office ("sacked the interior minister",
    "named X prime minister", "appointed X as envoy", "dismissed the cabinet")? Not "dismissed the claims",
    "fired rockets", "named the streets"."""
    objs = [c for c in t.children if c.dep_ in ("dobj", "oprd", "attr", "nsubjpass", "ccomp", "xcomp", "dative")]
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in ("as", "to", "from", "of"):
            objs += [g for g in c.children if g.dep_ == "pobj"]
    if t.pos_ in ("NOUN", "PROPN"):  # "the sacking of the governor", "his appointment as envoy", "X's dismissal"
        objs += [c for c in t.children if c.dep_ == "poss"]
    for o in objs:
        if person_ok and (o.ent_type_ == "PERSON" or (o.pos_ == "PRON" and o.lower_ in ("him", "her"))):
            return True  # "sacked Habib al-Adly"; but "police named the victim as John Smith" is no appointment
        stack = [o]  # the object's own words, not its prepositional phrases ("shots at government troops")
        while stack:
            x = stack.pop()
            if x.lemma_.lower() in OFFICE_WORDS or x.lower_ in OFFICE_WORDS:
                return True
            stack += [c for c in x.children if c.dep_ in ("compound", "amod", "appos", "conj", "nmod", "poss")]
    return False


# "strike" the noun is a labour strike unless the context makes it a military one
_STRIKE_UNITS = {"operation", "mission", "sortie", "package", "force", "aircraft", "plane", "jet", "fighter",
                 "bomber", "group", "capability", "team"}   # "strike operations", "strike aircraft"
_AIR_WORDS = {"air", "aircraft", "jet", "warplane", "plane", "drone", "helicopter", "bomber", "missile", "nato",
              "aerial", "airstrike", "sortie", "fighter"}
_LABOUR_WORDS = {"worker", "union", "employee", "docker", "miner", "teacher", "nurse", "doctor", "staff", "driver",
                 "pilot", "labour", "labor", "general", "hunger", "student", "lawyer", "trucker", "farmer", "workers"}
_STRIKE_TARGET_PREPS = {"against", "on", "at"}


def _military_strike(t) -> str | None:
    """'conducted strike operations against Libya', 'carried out strikes on rebel positions', 'NATO strikes
    against Tripoli': the military sense of the noun "strike" (190, 195 when from the air); None: a labour strike
    ('workers began a strike', 'a general strike against the reforms')."""
    if t.lower_ not in ("strike", "strikes"):
        return None
    near = [t] + ([t.head] if t.head.i != t.i else [])
    if t.dep_ in ("compound", "dobj", "pobj", "nsubj", "nsubjpass") and t.head.head.i != t.head.i:
        near.append(t.head.head)  # "conducted strike operations against X": the verb above the object
    words = {w.lemma_.lower() for x in near for w in x.subtree if w.i != t.i and w.sent == t.sent}
    words |= {w.lower_ for x in near for w in x.subtree if w.sent == t.sent}
    if words & _LABOUR_WORDS:
        return None
    unit = t.dep_ == "compound" and t.head.lemma_.lower() in _STRIKE_UNITS
    target = False
    for x in near:
        for c in x.children:
            if c.dep_ == "prep" and c.lower_ in _STRIKE_TARGET_PREPS:
                if any(g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") for g in c.children):
                    target = True
    if not (unit or target or words & _AIR_WORDS):
        return None
    return "195" if words & _AIR_WORDS else "190"


# leaving a body or a pact is a cut in relations, not a military retreat ("withdrew from the OAU")
_BODY_WORDS = {"union", "organisation", "organization", "treaty", "pact", "alliance", "accord", "agreement",
               "convention", "league", "coalition", "commonwealth", "federation", "council", "body", "bloc",
               "community", "protocol", "charter", "deal", "court", "association", "forum", "group", "membership"}
_TALK_WORDS = {"talks", "talk", "negotiation", "negotiations", "dialogue", "process", "conference", "summit"}


def _withdrawal_from_body(t) -> str | None:
    """'withdrew from the Organisation of African Unity' / 'its withdrawal from NATO' -> 160 (reduce relations);
    'withdrew from the talks' -> 125 (reject negotiation); None: a military withdrawal ('withdrew from the town')."""
    if t.lemma_.lower() not in ("withdraw", "withdrawal", "pull"):
        return None
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "of"):
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                w = g.lemma_.lower()
                if w in _TALK_WORDS or g.lower_ in _TALK_WORDS:
                    return "125"
                if w in _BODY_WORDS or g.lower_ in _BODY_WORDS:
                    return "160"
                for h in [g] + [k for k in g.children if k.dep_ == "poss"]:  # "from NATO's command structure"
                    if h.pos_ == "PROPN" and h.ent_type_ == "ORG" and h.text.isupper() and len(h.text) >= 3:
                        return "160"  # "withdrew from NATO", "from the OAU": an acronym of an organisation
    return None


def _lemma_candidates(t, pos: str) -> list[str]:
    """spaCy's lemma, the word, and the word with a regular ending removed (the small model lemmatises
    "hopes" as "hop")."""
    w = t.lower_
    out = [t.lemma_.lower(), w]
    if pos == "VERB":
        for suf, rep in (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""), ("ed", "e"), ("ing", ""),
                         ("ing", "e")):
            if w.endswith(suf) and len(w) > len(suf) + 2:
                out.append(w[: -len(suf)] + rep)
    elif pos == "NOUN" and w.endswith("s") and len(w) > 3:
        out += [w[:-1], w[:-2] if w.endswith("es") else w[:-1]]
    return out


def _negated(t) -> bool:
    if any(c.dep_ == "neg" or (c.lower_ in _NEG and c.dep_ in ("advmod", "det")) for c in t.children):
        return True
    if t.pos_ in ("VERB", "AUX") and any(c.dep_ == "dobj" and any(g.dep_ == "det" and g.lower_ == "no" for g in c.children)
                                         for c in t.children):
        return True  # "gave no details", "reached no agreement"
    # "refuse"/"fail" handled by frames; "no agreement" -> det no
    return False


def _future(t) -> str | None:
    auxes = {c.lower_ for c in t.children if c.dep_ == "aux"}
    if any(c.dep_ == "auxpass" for c in t.children):
        return None
    if auxes & {"must", "should"}:
        return "must"
    if auxes & _FUTURE:
        return "future"
    if auxes & _MAYBE:
        return "maybe"
    return None


class _Coder:
    def __init__(self, sent):
        self.sent = sent
        self.consumed: set[int] = set()
        self.memo: dict[int, PredicateCode | None] = {}

    def complement(self, t, frame: str):
        """The coded complement of a framing predicate: clause (xcomp/ccomp) or event-noun object."""
        kids = list(t.children)
        clauses = [c for c in kids if c.dep_ in ("xcomp", "ccomp")]
        # "called for Saleh to step down": a for-to clause parsed as an adverbial clause
        clauses += [c for c in kids if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "for"
                                                                 for g in c.children)]
        # "counting on them accepting": complement inside a prepositional phrase
        for c in kids:
            if c.dep_ == "prep":
                clauses += [g for g in c.children if g.dep_ == "pcomp"]
        nouns = []
        for c in kids:
            if c.dep_ in ("dobj", "attr", "nsubjpass") and _pos_of(c) == "NOUN":
                nouns.append(c)
                # "launched a mediation effort", "10 days of war games": the event word under the object
                nouns += [g for g in c.children if g.dep_ == "compound" and _pos_of(g) == "NOUN"]
                for g in c.children:
                    if g.dep_ == "prep" and g.lower_ == "of":
                        nouns += [h for h in g.children if h.dep_ == "pobj" and _pos_of(h) == "NOUN"]
            if c.dep_ == "prep" and (frame != "light" or c.lower_ == "in"):
                nouns += [g for g in c.children if g.dep_ == "pobj" and _pos_of(g) == "NOUN"]
        if frame == "light" and t.lemma_.lower() in ("begin", "start", "continue", "escalate"):
            nouns += [c for c in kids if c.dep_ in ("nsubj", "nsubjpass") and _pos_of(c) == "NOUN"]
        if t.dep_ == "relcl" and frame == "light":
            nouns.append(t.head)
        if frame == "result":  # "a car bomb killed ...", "killed in a suicide bombing", "killed by a mine"
            clauses = []
            # the subject is the cause of "killed", never of "died" ("five protesters died in clashes")
            nouns = [c for c in kids if c.dep_ == "nsubj" and _pos_of(c) == "NOUN" and t.lemma_.lower() not in CAUSED_ONLY]
            for c in kids:
                if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by", "during", "after"):
                    nouns += [g for g in c.children if g.dep_ == "pobj" and _pos_of(g) == "NOUN"]
        for c in clauses + nouns:
            p = self.code(c, as_complement=True)
            if p is not None and p.code[:2] != "01":
                if p.via == "must" and frame in ("intent", "speech"):
                    e = _entry_for(c, True)  # "agreed that they should cooperate": cooperation, not a demand
                    if frame == "intent" and e is not None:
                        p = p._replace(code=e.code, via="lexicon")
                return c, p
        return None, None

    def natural_cause(self, t) -> bool:
        """'killed in the earthquake', 'died of a heart attack': the cause named is not an actor's act."""
        nouns = [c for c in t.children if c.dep_ == "nsubj" and _pos_of(c) == "NOUN"]
        for c in t.children:
            if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by", "during", "after", "of", "from"):
                nouns += [g for g in c.children if g.dep_ == "pobj"]  # "died of cold": 'cold' may be tagged ADJ
        for n in nouns:
            e = _entry_for(n, True) if _pos_of(n) == "NOUN" else lookup_entry(n.lemma_, "NOUN", _dep_lemmas(n))
            if e is not None and e.code == NOT_EVENT:
                return True
        return False

    def code(self, t, as_complement: bool = False) -> PredicateCode | None:
        if t.i in self.memo:
            return self.memo[t.i]
        self.memo[t.i] = None  # cycle guard
        e = _entry_for(t, as_complement)
        res = None
        if e is not None and (e.code == NOT_EVENT or (e.frame == "result" and self.natural_cause(t))):
            e = None
        if e is not None:
            neg = _negated(t)
            code, via = e.code, "lexicon"
            if e.frame in ("intent", "refuse", "demand", "appeal", "threaten", "light", "result"):
                c, p = self.complement(t, e.frame)
                if e.frame == "result" and e.head in CAUSED_ONLY and (p is None or int(p.code[:2]) < 18):
                    code = None  # "Jackson died in June 2009 aged 50": a death nobody caused is no conflict event
                elif p is not None and e.frame == "result":
                    if int(p.code[:2]) >= 18:
                        code, via = p.code, "result"
                        self.consumed.add(c.i)
                elif p is not None:
                    code, via = frame_code(e.frame, e.code, p.code), e.frame
                    self.consumed.add(c.i)
                elif e.frame == "light" and e.code[:2] == "01":
                    code = None
                elif e.frame == "refuse" and not any(k.dep_ in ("dobj", "nsubjpass", "xcomp", "ccomp") for k in t.children):
                    code = None  # "profits declined": refusing needs something refused
                if (e.frame == "intent" and p is None and e.head in ("expect", "intend", "plan", "hope", "want", "commit")
                        and any(k.dep_ == "auxpass" for k in t.children)
                        and not any(k.dep_ == "prep" and k.lower_ == "to" for k in t.children)):
                    code = None  # "are expected to be published", "crimes have been committed": no intent
                    # (but "is committed to opening up" is one)
                if e.frame == "refuse" and p is None and e.head in WEAK_REFUSALS and any(
                        k.dep_ in ("xcomp", "ccomp") for k in t.children):
                    code = None  # "failed to inform the military": not a rejection, and no informing either
                    self.consumed.update(k.i for k in t.children if k.dep_ in ("xcomp", "ccomp"))
            elif e.head in NEEDS_OBJECT and not e.words and not any(k.dep_ in ("dobj", "nsubjpass", "dative")
                                                                     for k in t.children) \
                    and not (t.dep_ == "acl" and t.tag_ == "VBN"):
                code = None  # "the warplanes returned safely": coming back, not returning something
            elif e.frame == "speech":
                c, p = self.complement(t, "speech")
                if p is not None:
                    code = None  # the reported clause carries the event
                elif any(k.dep_ == "ccomp" and _future(k) == "must" for k in t.children):
                    code, via = "100", "must"  # "declared that China must drop its barriers": a demand
            if code is not None and e.head in DENIALS:
                # "he denies killing X", "denied that troops had fired": what is denied is not told as done
                for k in t.children:
                    if k.dep_ in ("xcomp", "ccomp", "pcomp") or (k.dep_ == "advcl" and k.tag_ == "VBG"):
                        self.consumed.update(x.i for x in k.subtree)
            if code is not None and code[:3] == "143" and e.head == "strike":
                code = _military_strike(t) or code
            if code is not None and code[:4] == "0874":
                code = _withdrawal_from_body(t) or code
            if code is not None and e.frame == "threaten" and _warned_to_act(t):
                # "warned the TNC to get its act together", "warned Iran it must release ...": a demand on them
                c, p = self.complement(t, "demand")
                code, via = frame_code("demand", "100", p.code) if p is not None else "100", "demand"
            if code is not None and not neg and _pos_of(t) == "VERB" and e.frame not in ("speech",):
                fut = _future(t)
                root = int(code[:2])
                if fut == "must" and via in ("lexicon", "light"):
                    code, via = frame_code("demand", "100", code), "must"
                elif fut == "future" and 4 <= root <= 8 and via in ("lexicon", "light"):
                    code, via = frame_code("intent", "030", code), "future"
                elif fut in ("future", "maybe") and root >= 14 and via in ("lexicon", "light") and not (
                        e.frame == "result" and not any(k.dep_ == "dobj" for k in t.children)):  # "people will die"
                    code, via = frame_code("threaten", "130", code), "future"
            if code is not None and neg:
                code = e.negated or None
            if code is not None:
                res = PredicateCode(t, code, e.lemma, neg, via, _depth(t))
        self.memo[t.i] = res
        return res

    def run(self) -> list[PredicateCode]:
        out = []
        for t in self.sent:
            p = self.code(t)
            if p is not None:
                out.append(p)
        out = [p for p in out if p.token.i not in self.consumed]
        out.sort(key=lambda p: (p.code[:2] == "01", p.depth, p.token.i))
        return out


def _warned_to_act(t) -> bool:
    """'warned the rebels to leave', 'warned Iran that it must stop': told someone what to do (a demand), not a
    threat of what the warner will do."""
    if t.lemma_.lower() != "warn" and t.lower_[:4] != "warn":
        return False
    has_obj = any(c.dep_ in ("dobj", "dative") for c in t.children)
    for c in t.children:
        if c.dep_ == "xcomp" and has_obj and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            return True
        if c.dep_ == "ccomp" and _future(c) == "must":
            return True
    return False


def _depth(t) -> int:
    d = 0
    while t.head.i != t.i and d < 50:
        t = t.head
        d += 1
    return d


def code_predicates(sent) -> list[PredicateCode]:
    """Every coded predicate of a sentence (a spaCy Span or Doc), most salient first."""
    return _Coder(sent).run()


def code_sentence(sent) -> list[tuple[object, str]]:
    """[(predicate token, CAMEO code), ...] for a sentence, most salient first."""
    return [(p.token, p.code) for p in code_predicates(sent)]
