"""Events: who did what to whom, when and where — one row per event mention, in the schema of timeline.schema.

    from timeline.document import split_document
    from timeline.events import extract_events
    extract_events(split_document(text, pub_date="2017-01-19"))   # -> pandas DataFrame (EVENT_COLUMNS)

One spaCy parse feeds the temporal tagger, the actor matcher and the event coder. For each body sentence (the title,
dateline and byline are never event sources) the coded predicates (timeline.coding) are read against the parse:

- actors: source from the subject side (nsubj, the controller of an infinitive, the antecedent of "which",
  the "by" agent of a passive), target from the object / prepositional side (dobj, dative, pobj, else the
  subject of the predicate's complement clause); "we"/"I" inside a quote stand for the quote's speaker, "the
  country" for the story's theatre country (the state most named as a place). A locative mention ("in Syria")
  or a hyphenated modifier ("government-held") is not an actor. A statement's target is only whom it is told
  to; "he"/"she"/"they"/"it" stand for the speaker whose report they are the subject of, else for the nearest
  fitting subject named in this sentence or the one before; "the president" for the person last named with
  that role. A passive relative clause ("X, who was sentenced") and a patient noun ("X's release") make the
  noun the target; a protest placed only in a country is by its protesters; in a report, "Y should ..." is
  the speaker's demand on Y.
- time, in this order: a time expression governing the predicate (attached to it or to its clause, not to a
  clause below it; "since/before/until <date>" only bounds the time and is not used); one inherited from a
  conjoined verb, an event-noun subject ("protests in March 2011 escalated"), the event noun a light or
  planning verb stands for ("will host talks next week") or a planned complement ("are expected to meet on
  March 15"); the reporting frame ("X said on Thursday", the attribution of a quote); then a bound by tense:
  the document time for a present-tense statement (labelled `document_time`), PAST_REF / FUTURE_REF otherwise.
  `date_rule` and `date_anchor` always say which of these gave the date.
- modality: negated > hypothetical (would/could/may/might/if) > planned (will, to be held, scheduled,
  upcoming) > reported (in a quote or under a reporting verb) > asserted.

A question yields no event; an event noun in a "during ..." phrase is background; a clause only hoped, feared or
expected is hypothetical. A sentence yields at most two events (one statement per speaker): those with a CAMEO code and an actor or a date from a time expression (a statement
needs an actor);
speech-only codes (01x) give way to any other code, a noun naming the same event as a chosen verb ("the
meeting will be held") is not repeated, and the same coded act by the same actors repeated later in the story
with a vaguer date is kept once. The headline is coded too, but only to lend its actors to a body event that
names the same place and has no actor of its own; it never adds a row.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import pandas as pd

from timeline.schema import events_table

SPEECH_LEMMAS = {"say", "tell", "quote", "add", "announce", "state", "declare", "claim", "report", "insist", "stress",
                 "note", "confirm", "reiterate", "warn", "explain", "write", "tweet"}
SPEAKER_PRONOUNS = {"we", "i", "us", "me", "our", "my"}
RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}
COUNTRY_NOUNS = {"country", "nation"}
HYPOTHETICAL_AUX = {"would", "could", "may", "might"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
PLAN_WORDS = {"scheduled", "planned", "expected", "due", "upcoming", "set", "slated"}
PLAN_LEMMAS = {"plan", "intend", "expect", "schedule", "prepare", "aim"}
ATTITUDE_LEMMAS = {"hope", "want", "wish", "fear", "doubt", "speculate", "imagine", "suspect", "rumor", "rumour",
                   "predict", "forecast", "likely", "unlikely"}  # a forecast is no event yet
RAISING_LEMMAS = PLAN_LEMMAS | {"set", "slate", "believe", "say", "report", "think", "suppose", "understand",
                                "know", "see", "allow", "permit", "authorize", "authorise"}
PLACE_PREPS = {"in", "at", "near", "across", "inside", "outside"}
TARGET_PREPS = {"to", "with", "against", "from", "on", "for", "toward", "towards", "into", "of", "over"}
CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "pcomp"}
VAGUE = {"PAST_REF", "PRESENT_REF", "FUTURE_REF"}
BOUND_SIGNALS = {"since", "until", "till", "before", "after", "by", "through", "throughout"}
MAX_PER_SENTENCE = 2
THIRD_PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person", "they": "group", "it": "body"}
# nouns whose possessor or modifier is the one the act is done to ("Sgrena's release", "Saddam's execution")
PATIENT_NOUNS = {"release", "arrest", "detention", "capture", "execution", "kidnapping", "abduction", "killing",
                 "assassination", "murder", "overthrow", "ouster", "removal", "expulsion", "deportation",
                 "extradition", "trial", "conviction", "sentencing", "imprisonment", "rescue", "evacuation",
                 "death", "funeral", "resignation"}
# a person's relative or helper is not that person ("Jackson's mother said", "Gaddafi's son")
KIN_NOUNS = {"mother", "father", "son", "daughter", "brother", "sister", "wife", "husband", "widow", "widower",
             "family", "relative", "cousin", "uncle", "aunt", "nephew", "niece", "grandmother", "grandfather",
             "child", "children", "parent", "parents", "sibling", "siblings", "lawyer", "attorney", "doctor",
             "physician", "friend", "bodyguard", "driver", "fiancee", "fiance", "girlfriend", "boyfriend", "partner"}
# the scene of a photo told in the simple present ("La Toya Jackson arrives at the trial", "Players hold hands")
SCENE_VERBS = {"arrive", "leave", "walk", "stand", "sit", "wait", "gather", "pose", "gesture", "wave", "hold",
               "look", "react", "celebrate", "shout", "chant", "pray", "mourn", "carry", "cry", "watch", "greet",
               "embrace", "hug", "smile", "speak", "listen", "attend", "rest", "sleep", "queue", "line", "march",
               "promote", "display", "inspect", "tour"}
PRONOUN_GENDER = {"he": "m", "she": "f", "him": "m", "her": "f"}
GENDER_WORDS = {"mr": "m", "sir": "m", "king": "m", "prince": "m", "lord": "m", "sheikh": "m", "spokesman": "m",
                "chairman": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f", "queen": "f",
                "princess": "f", "spokeswoman": "f", "chairwoman": "f", "congresswoman": "f", "congressman": "m"}
# kin words that say the gender of the one they name ("his wife, Lina", "Lina Aziz, the daughter of ...")
KIN_GENDER = {"son": "m", "father": "m", "husband": "m", "brother": "m", "uncle": "m", "nephew": "m",
              "grandson": "m", "grandfather": "m", "widower": "m", "boyfriend": "m", "fiance": "m",
              "daughter": "f", "mother": "f", "wife": "f", "sister": "f", "aunt": "f", "niece": "f",
              "granddaughter": "f", "grandmother": "f", "widow": "f", "girlfriend": "f", "fiancee": "f"}
# kin words that say the gender of the possessor: "Aziz's wife" (he), "her husband" (she)
SPOUSE_OF = {"wife": "m", "widow": "m", "husband": "f", "widower": "f"}
HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lady|King|Queen|Prince|Princess|Sheikh)\.?\s+$")
HONORIFIC_START = re.compile(r"(Mr|Mrs|Ms|Miss|Sir|Dame|Lady|King|Queen|Prince|Princess|Sheikh)\b\.?\s")
BACKGROUND_PREPS = {"during", "throughout"}
# long situations: with "the" or a place ("the war", "the Iraq war", "Libya's uprising") they are the story's
# background, not a new event (a date of their own makes them one: "the war in 2003", "the uprising began on ...")
DURATIVE_NOUNS = {"war", "occupation", "invasion", "uprising", "revolution", "conflict", "unrest", "violence",
                  "insurgency", "rebellion", "revolt", "crisis"}
REPORT_NOUNS = {"report", "news", "word", "footage", "video", "image", "account", "picture", "evidence", "sign",
                "witness", "rumour", "rumor", "claim", "allegation"}  # "standing firm during the Iraq war": the war is background
PERSON_NOUNS = {"official", "source", "resident", "man", "woman", "doctor", "witness", "spokesman", "spokeswoman",
                "diplomat", "analyst", "fighter", "commander", "soldier", "officer", "member", "lawyer", "aide",
                "activist", "journalist", "reporter", "expert", "leader", "minister", "adviser", "advisor"}


@dataclass
class _Date:
    value: str = ""
    start: str = ""
    end: str = ""
    granularity: str = ""
    text: str = ""
    rule: str = ""
    anchor: str = ""
    from_timex: bool = False
    char_start: int | None = None   # offsets of the time expression in the document (when from a timex)
    char_end: int | None = None

    @property
    def vague(self) -> bool:
        return self.value in VAGUE or not self.value or self.value.startswith("X")


@dataclass
class _Frame:
    verb: object                 # spaCy token of the reporting verb
    speaker: object = None       # ActorMention or None
    speaker_text: str = ""
    date: _Date | None = None


@dataclass
class _Event:
    pred: object                 # PredicateCode
    sent_start: int
    sent_end: int
    actor1: object = None
    actor2: object = None
    date: _Date = field(default_factory=_Date)
    location: str = ""
    modality: str = "asserted"
    attributed_to: str = ""
    own_timex: bool = False


# ------------------------------------------------------------------------------------------------ helpers

def _iso(d) -> str:
    return d.isoformat() if d is not None else ""


def _timex_date(tx, how: str = "") -> _Date:
    gran = tx.granularity if tx.value not in VAGUE else "vague"
    rule = tx.rule if not how else f"{how}:{tx.rule}"
    return _Date(tx.value, tx.interval_start or "", tx.interval_end or "", gran, tx.text, rule, tx.anchor, True,
                 tx.start, tx.end)


def _span_root(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _is_clause_head(t, event_nouns: set[int]) -> bool:
    if t.i in event_nouns:
        return True
    return t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass", "amod", "compound")


def _np_tokens(t):
    """The token's phrase without the clauses hanging off it."""
    out = [t]
    stack = [c for c in t.children if c.dep_ not in CLAUSE_DEPS and c.dep_ not in ("punct", "cc")]
    while stack:
        c = stack.pop()
        out.append(c)
        stack += [g for g in c.children if g.dep_ not in CLAUSE_DEPS and g.dep_ not in ("punct", "cc")]
    return out


def _quotes(text: str) -> list[tuple[int, int]]:
    """Quoted passages (start of the opening mark, end after the closing mark)."""
    out = []
    for m in re.finditer(r"“[^”]*”|“[^”]*$|\"[^\"\n]*\"|``[^\n]*?''", text, re.M):
        out.append((m.start(), m.end()))
    return out


class _Story:
    """Everything read once per document, then used per predicate."""

    def __init__(self, document, doc, timexes, actors, dct):
        self.document = document
        self.doc = doc
        self.dct = dct
        self.actors = [a for a in actors if a.end > document.body_start]
        self.tok_actor: dict[int, object] = {}
        for a in actors:
            span = doc.char_span(a.start, a.end, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                self.tok_actor.setdefault(t.i, a)
        self.timexes = [t for t in timexes if t.start >= document.body_start and t.type in ("DATE", "TIME")]
        self.quotes = [q for q in _quotes(document.text) if q[1] - q[0] > 25 and q[1] > document.body_start]
        self.theatre = self._theatre()
        self.gender = self._genders()
        self.quote_frames: dict = {}
        self.pred_codes: dict = {}

    # ----------------------------------------------------------------- story-level context
    def _theatre(self):
        counts: dict[str, list] = {}
        for a in self.actors:
            if a.locative and a.type == "state":
                counts.setdefault(a.canonical, []).append(a)
        self.theatre_clear = False
        if not counts:
            return None
        ranked = sorted(counts.values(), key=lambda v: (-len(v), v[0].start))
        # clear: named as a place at least twice, and more often than any other state
        self.theatre_clear = len(ranked[0]) >= 2 and (len(ranked) == 1 or len(ranked[0]) > len(ranked[1]))
        return ranked[0][0]

    def _genders(self) -> dict[str, str]:
        """actor_id -> 'm' / 'f' for people whose gender the text says: a title ("Mr Howard", "Ms Sgrena",
        "Queen Rania") or a gendered role ("spokeswoman"). A he/she resolved later adds to it."""
        out: dict[str, str] = {}
        for a in self.actors:
            if a.type != "person" or a.actor_id in out:
                continue
            m = HONORIFIC.search(self.document.text[max(0, a.start - 12):a.start]) or HONORIFIC_START.match(a.text)
            g = GENDER_WORDS.get(m.group(1).lower().rstrip(".")) if m else None
            if g is None and a.role:
                g = GENDER_WORDS.get(a.role.split()[-1].lower())
            if g is not None:
                out[a.actor_id] = g
        for t in self.doc:
            if t.idx < self.document.body_start:
                continue
            for a, g in self._kin_genders(t):
                out.setdefault(a.actor_id, g)
        return out

    def _person_at(self, t):
        a = self.tok_actor.get(t.i)
        return a if a is not None and a.type == "person" and not a.locative else None

    def _kin_genders(self, t):
        """(person, gender) pairs a token shows: a possessive his/her whose clause's subject is one named person
        ("Khalil said her party would ..."), a kin word in apposition ("his wife, Lina"; "Lina Aziz, the daughter
        of ..."; "his son Saif") or a spouse word's possessor ("Aziz's wife")."""
        low = t.lower_
        if low in ("his", "her") and t.dep_ == "poss":
            x, n = t.head, 0
            while n < 6:
                subj = next((c for c in x.children if c.dep_ in ("nsubj", "nsubjpass")
                             and not (c.left_edge.i <= t.i <= c.right_edge.i)), None) if x.pos_ in ("VERB", "AUX") else None
                if subj is not None:
                    people = {id(a): a for w in subj.subtree if (a := self._person_at(w)) is not None}
                    if len(people) == 1:
                        a = next(iter(people.values()))
                        between = [b for b in self.actors if a.end <= b.start and b.end <= t.idx and b.type == "person"]
                        if not between and a.start < t.idx:
                            yield a, "m" if low == "his" else "f"
                    return
                if x.head.i == x.i:
                    return
                x, n = x.head, n + 1
            return
        g = KIN_GENDER.get(t.lemma_.lower()) or KIN_GENDER.get(low)
        if g is None or t.pos_ != "NOUN":
            return
        named = [c for c in t.children if c.dep_ in ("appos", "compound") and c.pos_ == "PROPN"]
        if t.dep_ == "appos":
            named.append(t.head)
        for c in named:
            a = self._person_at(c)
            if a is not None:
                yield a, g
        spouse = SPOUSE_OF.get(t.lemma_.lower())
        if spouse:
            for c in t.children:
                if c.dep_ == "poss" and (a := self._person_at(c)) is not None:
                    yield a, spouse

    def in_quote(self, pos: int) -> tuple[int, int] | None:
        for q in self.quotes:
            if q[0] <= pos < q[1]:
                return q
        return None

    # ----------------------------------------------------------------- actors
    def actor_at(self, t, sent_quote=None):
        """The actor a token's phrase names (shallowest mention first), resolving pronouns."""
        low = t.lower_
        if low in SPEAKER_PRONOUNS and t.pos_ == "PRON":
            frame = self.quote_frames.get(sent_quote) if sent_quote else None
            return frame.speaker if frame else None
        if low in THIRD_PRONOUNS and t.pos_ == "PRON" and t.dep_ != "poss":  # not "her husband"
            return self.pronoun_antecedent(t, THIRD_PRONOUNS[low])
        if t.pos_ == "NOUN" and t.i not in self.tok_actor and any(c.lower_ == "the" for c in t.children):
            holder = self.role_antecedent(t)  # "the president ordered ...": the president named before
            if holder is not None:
                return holder
        if low in RELATIVE_PRONOUNS and t.pos_ == "PRON" and t.head.dep_ in ("relcl",) and t.head.head is not None:
            return self.actor_at(t.head.head, sent_quote)
        if low in COUNTRY_NOUNS and any(c.lower_ == "the" for c in t.children) and t.i not in self.tok_actor:
            return self.theatre if self.theatre_clear else None
        # "Jackson's mother, Katherine, said": not Jackson
        kin_of = {id(a) for c in t.children if c.dep_ == "poss" and (a := self.tok_actor.get(c.i)) is not None
                  and a.type == "person"} if t.pos_ == "NOUN" and t.lemma_.lower() in KIN_NOUNS else set()
        best, best_depth = None, 99
        for tok in _np_tokens(t):
            if kin_of and id(self.tok_actor.get(tok.i)) in kin_of:
                continue
            a = self.tok_actor.get(tok.i)
            if a is None or a.locative or a.type == "media":
                continue
            if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS:
                continue
            if HYPHEN_MODIFIER.match(self.doc.text, a.end):
                continue  # "the government-held town", "Moscow-backed rebels": a modifier, not the referent
            d, x = 0, tok
            while x.i != t.i and d < 20:
                x, d = x.head, d + 1
            if d < best_depth:
                best, best_depth = a, d
        return best

    def pronoun_antecedent(self, t, kind: str, depth: int = 0):
        """'he'/'she' -> a person, 'they' -> a group: the speaker when the pronoun is the subject of what that
        speaker reports ("Saleh said he has requested ..."), else the nearest fitting actor named earlier in this
        sentence or the one before, unless an unnamed person ("a resident", "the doctor") is named in between."""
        if self.in_quote(t.idx) or depth > 3:
            return None
        want = PRONOUN_GENDER.get(t.lower_)
        fits = {"person": lambda a: a.type == "person" and self.gender.get(a.actor_id, want) == want,
                "group": lambda a: a.type not in ("person", "state", "media", "igo") and a.canonical.endswith("s"),
                "body": lambda a: a.type not in ("person", "media") and not a.canonical.endswith("s")}[kind]
        x, n = t, 0
        while x.head.i != x.i and n < 8:
            if x.dep_ == "ccomp" and _is_speech(x.head) and x.head.i < t.i:  # indirect speech: "X said he ..."
                subj = next((c for c in x.head.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.i != t.i:
                    a = (self.pronoun_antecedent(subj, THIRD_PRONOUNS[subj.lower_], depth + 1)
                         if subj.lower_ in THIRD_PRONOUNS and subj.pos_ == "PRON" else self.actor_at(subj))
                    # the speaker or nobody: "US forces said they ...", "a resident said he ...", "Iran said it ..."
                    if a is None or (a.type == "person") != (kind == "person") or (kind == "person" and not fits(a)):
                        return None  # also "Mr Smith said she ...": someone else
                    return self._learn_gender(a, want)
                break
            if x.dep_ in ("relcl", "acl", "advcl"):
                break
            x, n = x.head, n + 1
        sent = t.sent
        lo = self.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
        cands = [a for a in self.actors if lo <= a.start and a.end <= t.idx and not a.locative and fits(a)]
        if not cands:
            return None
        # the nearest subject first ("Calipari was shot as he shielded Sgrena, whose freedom he had negotiated")
        subjects = [a for a in cands if (r := _span_root(self.doc, a.start, a.end)) is not None
                    and r.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and kind == "body":
            return None  # "it" only for a body named as a subject ("the government's Iraq strategy. It ...": no)
        a = subjects[-1] if subjects else cands[-1]
        span = self.doc.char_span(a.end, t.idx, alignment_mode="contract")
        if span is not None and any(x.dep_ in ("nsubj", "nsubjpass", "appos") and x.i not in self.tok_actor
                                    and (x.lemma_.lower() in PERSON_NOUNS if kind == "person" else
                                         kind == "body" and x.pos_ == "NOUN") for x in span):
            return None  # "a resident said he ...", "the report said it ...": someone or something unnamed
        return self._learn_gender(a, want)

    def _learn_gender(self, a, want):
        if want and a is not None and a.type == "person":
            self.gender.setdefault(a.actor_id, want)  # "... Sgrena. She said ...": later pronouns agree with it
        return a

    def role_antecedent(self, t):
        """'the president' -> the person last named with that role ("Yemen's President Ali Abdullah Saleh")."""
        word = t.lower_
        for a in reversed([a for a in self.actors if a.end <= t.idx]):
            if a.type == "person" and a.role and a.role.split()[-1].lower() == word:
                return a
        return None

    def subject_of(self, t):
        kids = list(t.children)
        # the subject nearest the verb, never one in the dateline the parser hung on it ("Wed Mar 16 ... forces used")
        subjects = [c for c in kids if c.dep_ in ("nsubj", "csubj") and c.idx >= self.document.body_start]
        if not subjects:  # "GENEVA (Reuters) - The World Health Organisation ... said": the dateline word heads it
            subjects = [c for c in kids if c.dep_ in ("nsubj", "csubj")
                        and c.right_edge.idx >= self.document.body_start]
        if subjects:
            return min(subjects, key=lambda c: abs(c.i - t.i))
        if _control_passive(t):  # "the ministers are expected to meet": the ministers act
            return next(c for c in kids if c.dep_ == "nsubjpass")
        if t.pos_ in ("NOUN", "PROPN"):  # "talks between A and B", "a meeting with B"
            for c in kids:
                if c.dep_ == "prep" and c.lower_ == "between":
                    return next((g for g in c.children if g.dep_ == "pobj"), None)
        for c in kids:
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
        if t.dep_ in ("relcl", "acl") and t.pos_ in ("VERB", "AUX"):
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in kids):
                return None  # "the right thing to invite": no subject of its own
            if _passive_relative(t):
                return None  # "Shaye, who was sentenced", "a worker killed in ...": the noun is the target
            return t.head
        if t.dep_ in ("acomp", "oprd") and t.head.pos_ in ("VERB", "AUX"):
            return self.subject_of(t.head)
        if _passive_adverbial(t):
            return None  # "until a consensus is reached", "if convicted": a passive with no agent names no actor
        if t.dep_ in ("xcomp", "conj", "advcl", "pcomp") and t.head.i != t.i:
            head = t.head
            if t.dep_ == "pcomp" and head.dep_ == "prep":
                head = head.head
            if head.pos_ in ("VERB", "AUX"):
                if t.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in head.children):
                    for c in head.children:  # "the Council is scheduled to meet", "pilots were ordered to bomb"
                        if c.dep_ == "nsubjpass":
                            return c
                return self.subject_of(head)
        if t.dep_ in ("dobj", "pobj", "attr") and t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() not in PATIENT_NOUNS:
            for c in kids:  # "Russia's invitation", "US participation"
                if c.dep_ in ("poss", "compound", "nmod"):
                    return c
        if (t.dep_ in ("nsubj", "nsubjpass", "ROOT", "conj", "appos") and t.pos_ in ("NOUN", "PROPN")
                and t.lemma_.lower() not in PATIENT_NOUNS and self.pred_codes.get(t.i, "")[:2] not in ("14", "")):
            for c in kids:  # "NATO strikes hit the city", "Security Council consultations resume" (not "the Egypt
                # protests": a protest placed in a country is by its people, see _choose)
                if c.dep_ in ("poss", "compound", "nmod") and c.pos_ == "PROPN" and c.i in self.tok_actor:
                    return c
        return None

    def target_tokens(self, t, speech: bool = False):
        kids = list(t.children)
        if speech:  # a statement's target is whom it is told to ("told reporters"), never what it is about
            out = [c for c in kids if c.dep_ in ("dobj", "dative") and c.lemma_.lower() not in ("it", "this", "that")]
            for c in kids:
                if c.dep_ == "prep" and c.lower_ == "to":
                    out += [g for g in c.children if g.dep_ == "pobj"]
            return out
        out = [c for c in kids if c.dep_ in ("dobj", "dative", "attr", "oprd")]
        if _passive_relative(t):
            out.insert(0, t.head)
        if _passive_adverbial(t) and not any(c.dep_ == "nsubjpass" for c in kids):
            out += [c for c in t.head.children if c.dep_ == "nsubj"]  # "he faces prison if convicted": he
        if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in PATIENT_NOUNS:
            out += [c for c in kids if c.dep_ in ("poss", "compound")]
        if any(c.dep_ == "auxpass" for c in kids) and not _control_passive(t):
            out = [c for c in kids if c.dep_ == "nsubjpass"] + out
        if t.pos_ in ("NOUN", "PROPN"):  # "talks between A and B": B
            for c in kids:
                if c.dep_ == "prep" and c.lower_ == "between":
                    for g in c.children:
                        if g.dep_ == "pobj":
                            out += [x for x in g.children if x.dep_ == "conj"]
        for c in kids:
            if c.dep_ in ("prep", "agent") and c.lower_ in TARGET_PREPS:
                out += [g for g in c.children if g.dep_ == "pobj"]
        for o in list(out):  # "invite the representatives of the UN" / "ties with Al Qaeda"
            for c in o.children:
                if c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
                    out += [g for g in c.children if g.dep_ == "pobj"]
        for c in kids:
            if c.dep_ in ("ccomp", "xcomp") or _for_to_clause(c):
                out += [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
                out += [g for g in c.children if g.dep_ in ("dobj",)]
        return out

    # ----------------------------------------------------------------- places
    def place_of(self, t) -> str:
        stack, seen = [(t, 0)], set()
        found = []
        while stack:
            x, d = stack.pop()
            if x.i in seen or d > 4:
                continue
            seen.add(x.i)
            for c in x.children:
                if c.dep_ in ("relcl", "advcl", "ccomp", "parataxis", "acl") and x.i != t.i:
                    continue
                if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
                    for g in c.children:
                        if g.dep_ == "pobj":
                            name = self.place_name(g)
                            if name:
                                found.append((d, g.i, name))
                stack.append((c, d + 1))
        found.sort()
        return found[0][2] if found else ""

    def place_name(self, t) -> str:
        a = self.tok_actor.get(t.i)
        if a is not None and (a.locative or a.type == "state"):
            return a.canonical
        if t.ent_type_ in ("GPE", "LOC", "FAC"):
            ent = next((e for e in self.doc.ents if e.start <= t.i < e.end), None)
            return ent.text if ent is not None else t.text
        return ""


# ------------------------------------------------------------------------------------------------ time

def _governing_timexes(story: _Story, event_nouns: set[int]) -> dict[int, list]:
    """token index of the predicate/clause head a timex is attached to -> timexes."""
    out: dict[int, list] = {}
    for tx in story.timexes:
        root = _span_root(story.doc, tx.start, tx.end)
        if root is None:
            continue
        x, n = root, 0
        prev = None
        span_start = story.doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span_start is not None and span_start.start > 0:
            prev = story.doc[span_start.start - 1]
        if prev is not None and prev.lower_ in BOUND_SIGNALS:
            continue  # "killed since Tuesday", "before March 3": a bound of the event's time, not its date
        if prev is not None and prev.dep_ == "prep" and prev.pos_ == "ADP" and root.head.i != prev.i:
            x = prev  # the parser attached the date elsewhere, but "on <date>" modifies the preposition's head
        while n < 30:
            if x.head.i == x.i:
                break
            x = x.head
            n += 1
            if x.dep_ == "prep" and x.lower_ in BOUND_SIGNALS:
                break  # "in power since a coup in 1969": the date is inside a bound, not the event's date
            if _is_clause_head(x, event_nouns):
                out.setdefault(x.i, []).append(tx)
                break
    for v in out.values():  # "yesterday (Wednesday)": the first, then the most precise
        v.sort(key=lambda tx: (tx.value in VAGUE, tx.start))
    return out


def _for_to_clause(c) -> bool:
    """'called for Saleh to step down': the clause is what is called for."""
    return c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children)


def _passive_adverbial(t) -> bool:
    """'until a consensus is reached', 'if convicted', 'once elected': a passive adverbial clause."""
    if t.dep_ != "advcl" or any(c.dep_ == "agent" for c in t.children):
        return False
    kids = list(t.children)
    return any(c.dep_ == "auxpass" for c in kids) or (t.tag_ == "VBN" and not any(c.dep_ in ("aux", "nsubj")
                                                                                   for c in kids))


def _passive_relative(t) -> bool:
    """'Shaye, who was sentenced ...', 'a worker killed in the blast': a passive clause on a noun."""
    if t.dep_ == "relcl":
        return any(c.dep_ == "auxpass" for c in t.children) and not any(c.dep_ == "agent" for c in t.children)
    if t.dep_ == "acl":
        return t.tag_ == "VBN" and not any(c.dep_ == "agent" for c in t.children)
    return False


def _control_passive(t) -> bool:
    """'are expected to meet', 'is scheduled to visit': the passive subject is the complement's actor (not so for
    'Howard was invited to speak': the invitation is done to him)."""
    kids = list(t.children)
    return ((t.lemma_.lower() in RAISING_LEMMAS or t.lower_ in PLAN_WORDS) and any(c.dep_ == "auxpass" for c in kids) and any(c.dep_ == "nsubjpass" for c in kids)
            and any(c.dep_ == "xcomp" for c in kids) and not any(c.dep_ == "agent" for c in kids))


def _tense_date(t, story: _Story) -> _Date:
    """The bound a predicate's tense gives when no time expression does."""
    verb = t
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBG" and not auxes:
        # a gerund or participle has no tense of its own: "hoping ..." after a past verb is past; "for invading
        # Iraq", "the humiliation of losing ..." say nothing about when
        if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
            return _tense_date(verb.head, story)
        return _Date("PRESENT_REF", "", "", "vague", "", "tense:nonfinite", "")
    if auxes & FUTURE_AUX or _planned(verb):
        return _Date("FUTURE_REF", "", "", "vague", "", "tense:future", "")
    if auxes & (HYPOTHETICAL_AUX | {"can", "should", "must"}) and verb.tag_ == "VB":
        return _Date("FUTURE_REF", "", "", "vague", "", "tense:modal", "")
    past = verb.tag_ in ("VBD",) or (verb.tag_ == "VBN" and (auxes & {"has", "have", "had", "'ve", "was", "were"}
                                                            or not auxes))
    if auxes & {"did", "had", "was", "were"}:
        past = True
    if past:
        return _Date("PAST_REF", "", "", "vague", "", "tense:past", "")
    present = verb.tag_ in ("VBZ", "VBP", "VBG") or (verb.tag_ == "VBN" and auxes & {"is", "are", "am", "'s", "'re"})
    if story.dct is not None and story.dct.date is not None and present:
        d = story.dct.date
        import datetime as _dt
        return _Date(d.isoformat(), d.isoformat(), (d + _dt.timedelta(days=1)).isoformat(), "day", "",
                     "document_time:present_tense", f"dct:{d.isoformat()} ({story.dct.source})")
    return _Date("PRESENT_REF", "", "", "vague", "", "tense:present", "")


def _planned(verb) -> bool:
    kids = list(verb.children)
    if any(c.dep_ == "auxpass" for c in kids) and any(c.lower_ in ("to",) and c.dep_ == "aux" for c in kids):
        return True  # "to be held"
    if verb.lower_ in PLAN_WORDS and any(c.dep_ == "xcomp" for c in kids):
        return True
    if verb.dep_ == "xcomp" and verb.head.lower_ in PLAN_WORDS:
        return True
    return False


# ------------------------------------------------------------------------------------------------ frames

def _frame_for_verb(story: _Story, verb, gov) -> _Frame:
    subj = None
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            subj = c
    # "was quoted as saying": the frame is the passive "quoted"
    speaker = story.actor_at(subj) if subj is not None else None
    if speaker is not None and speaker.type == "media":
        speaker = None
    text = ""
    if subj is not None:
        toks = [x for x in _np_tokens(subj)]
        text = story.doc.text[min(x.idx for x in toks):max(x.idx + len(x) for x in toks)]
    date = None
    for v in (verb, verb.head if verb.dep_ in ("pcomp",) else None):
        if v is None:
            continue
        txs = gov.get(v.i) or (gov.get(v.head.i) if v.dep_ == "pcomp" else None)
        if txs:
            date = _timex_date(txs[0], "reporting_frame")
            date.anchor = f"frame '{verb.text}'" + (f"; {txs[0].anchor}" if txs[0].anchor else "")
            break
    return _Frame(verb, speaker, speaker.canonical if speaker else text, date)


def _is_speech(t) -> bool:
    return t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_LEMMAS


def _quote_frames(story: _Story, gov) -> dict:
    """quote span -> the reporting frame outside it (the speech verb of the sentence that closes or opens it)."""
    out = {}
    doc = story.doc
    for q in story.quotes:
        cands = []
        for pos in (q[1] - 1, q[0]):
            tok = doc.char_span(pos, pos + 1, alignment_mode="expand")
            if tok is None:
                continue
            sent = tok[0].sent
            for t in sent:
                if _is_speech(t) and not story.in_quote(t.idx):
                    # the passive frame of "was quoted as saying" carries subject and time
                    v = t.head.head if t.dep_ == "pcomp" and t.head.dep_ == "prep" else t
                    cands.append((abs(t.idx - (q[1] if pos != q[0] else q[0])), v))
            if cands:
                break
        if cands:
            cands.sort(key=lambda c: c[0])
            out[q] = _frame_for_verb(story, cands[0][1], gov)
    return out


def _ccomp_frame(story: _Story, t, gov) -> _Frame | None:
    """A speech verb the predicate's clause is reported under ("Russia has invited ..., Lavrov told ...")."""
    x, n = t, 0
    while x.head.i != x.i and n < 10:
        if x.dep_ in ("ccomp", "parataxis") and _is_speech(x.head) and not story.in_quote(x.head.idx):
            return _frame_for_verb(story, x.head, gov)
        if x.dep_ in ("relcl", "advcl", "acl"):
            return None
        x, n = x.head, n + 1
    # "France has agreed to ..., Foreign Minister X told reporters on Tuesday": parsed as a conjunct
    for c in x.children:
        if c.dep_ in ("conj", "parataxis") and c.i > t.i and _is_speech(c) and not story.in_quote(c.idx) \
                and not any(k.dep_ == "cc" and x.i < k.i < c.i for k in x.children) \
                and any(c.dep_ == "nsubj" for c in c.children):
            return _frame_for_verb(story, c, gov)
    return None


# ------------------------------------------------------------------------------------------------ modality

def _under_attitude(verb) -> bool:
    """'many expected him to announce he was stepping down', 'we hope they will leave': a clause only hoped,
    feared or expected (a plan told with 'expected to' is not: it is read as planned)."""
    x, n, through_ccomp = verb, 0, False
    while x.dep_ in ("ccomp", "xcomp") and x.head.i != x.i and n < 4:
        through_ccomp = through_ccomp or x.dep_ == "ccomp"
        head = x.head.lemma_.lower()
        if head in ATTITUDE_LEMMAS or (head == "expect" and through_ccomp):
            return True
        x, n = x.head, n + 1
    return False


def _modality(t, framed: bool) -> str:
    verb = t
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    chain, x = [verb], verb
    while x.dep_ in ("xcomp", "relcl", "conj") and x.head.i != x.i and len(chain) < 4:
        infinitive = x.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children)
        x = x.head
        if infinitive and x.pos_ in ("NOUN", "PROPN") and x.head.i != x.i:
            x = x.head  # "it would be the right thing to invite": the modal of the clause the noun is in
        chain.append(x)
    auxes = {c.lower_ for v in chain for c in v.children if c.dep_ in ("aux", "auxpass")}
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    if any(c.dep_ == "neg" for c in verb.children) or any(c.dep_ == "neg" for c in t.children):
        return "negated"
    if auxes & HYPOTHETICAL_AUX or marks & {"if", "unless"} or _under_attitude(verb):
        return "hypothetical"
    if auxes & FUTURE_AUX or _planned(verb) or any(c.lower_ == "upcoming" for c in t.children):
        return "planned"
    if framed:
        return "reported"
    return "asserted"


# ------------------------------------------------------------------------------------------------ extraction

def _event_id(doc_id: str, s: int, e: int, p: int) -> str:
    return hashlib.sha1(f"{doc_id}|{s}|{e}|{p}".encode()).hexdigest()[:16]


def _actor_key(a) -> str:
    return (a.country or a.canonical) if a is not None else ""


def extract_events(document, pub_date=None, spacy_doc=None) -> pd.DataFrame:
    """The event table (timeline.schema) of one document (a `Document` or a text)."""
    return events_table(extract_event_rows(document, pub_date=pub_date, spacy_doc=spacy_doc))


def extract_event_rows(document, pub_date=None, spacy_doc=None) -> list[dict]:
    """The event table's rows of one document, as dicts (build one table for many documents with
    `timeline.schema.events_table`: a DataFrame per article costs more than the extraction itself)."""
    from timeline import nlp
    from timeline.actors import find_actors
    from timeline.coding import code_predicates
    from timeline.document import split_document
    from timeline.temporal import annotate

    if isinstance(document, str):
        document = split_document(document, pub_date=pub_date)
    doc = spacy_doc if spacy_doc is not None else nlp.parse(document.text)
    ta = annotate(document, pub_date=pub_date, spacy_doc=doc)
    dct = ta.dct
    when = dct.date if dct is not None else None
    actors = find_actors(doc, date=when)
    story = _Story(document, doc, ta.timexes, actors, dct)
    if story.theatre is not None and story.theatre.country and story.theatre_clear and any(
            not a.country and a.rule.startswith("group") for a in story.actors):
        # generic groups ("rebels", "government forces") belong to the country the story happens in
        actors = find_actors(doc, date=when, context_country=story.theatre.country)
        story = _Story(document, doc, ta.timexes, actors, dct)

    body_start = document.body_start
    sents = [s for s in doc.sents if s.end_char > body_start and s.text.strip()]
    coded = {}
    event_nouns: set[int] = set()
    story.pred_codes = {}
    for s in sents:
        preds = [p for p in code_predicates(s) if p.token.idx >= body_start]
        coded[s.start] = preds
        story.pred_codes.update((p.token.i, p.code) for p in preds)
        event_nouns.update(p.token.i for p in preds if p.token.pos_ in ("NOUN", "PROPN"))
    gov = _governing_timexes(story, event_nouns)
    story.quote_frames = _quote_frames(story, gov)
    headline = _headline_events(story)

    events: list[_Event] = []
    for s in sents:
        s_start = max(s.start_char, body_start)
        s_end = s.end_char
        while s_end > s_start and document.text[s_end - 1].isspace():
            s_end -= 1
        preds = coded[s.start]
        statements = [p for p in preds if p.code[:2] == "01"]
        if any(p.code[:2] != "01" for p in preds):
            preds = [p for p in preds if p.code[:2] != "01"]
        sent_quotes = [q for q in story.quotes if q[0] < s_end and q[1] > s_start]
        if QUESTION_END.search(document.text[s_start:s_end]):
            continue  # "Can they negotiate with the regime?": a question asserts no event
        if _caption(s, story, s_start, s_end):
            continue  # "A soldier tries to keep order in the square": a photo caption, not a reported event
        chosen = _choose(story, preds, s_start, s_end, sent_quotes, gov, headline)
        if not chosen and statements and len(statements) < len(coded[s.start]):
            # the act reported gave no row (nobody named, no date): the statement stays, as it would have without
            # it ("Ghoga said the players' defections are important")
            chosen = _choose(story, statements, s_start, s_end, sent_quotes, gov, headline)
        events += chosen

    events = _dedupe(events)
    return _rows(document, events, dct, pub_date)


def _choose(story, preds, s_start, s_end, sent_quotes, gov, headline) -> list:
    """The events of one sentence from its coded predicates (most salient first), at most MAX_PER_SENTENCE."""
    chosen: list[_Event] = []
    for p in preds:
        t = p.token
        q = story.in_quote(t.idx)
        if sent_quotes and q is None and _is_speech(t):
            continue
        if sent_quotes and q is None and _in_frame(t, story):
            continue  # part of the attribution ("at a press conference"), not of what is reported
        if _background(t, gov, story.pred_codes):
            continue
        if _counterfactual(t):
            continue  # "could have done more to prevent the attack": what did not happen
        if _not_told_as_fact(t):
            continue  # "didn't say whether Beijing backs ...", "When asked if ...", "the people who support X"
        if p.code[:2] == "01" and _is_speech(t) and not any(
                c.dep_ in ("ccomp", "xcomp", "dobj", "parataxis", "prep", "advcl") for c in t.children):
            continue  # "Mr X said." alone: the attribution of a neighbouring quote, not a statement
        ev = _read_event(story, p, s_start, s_end, q, gov)
        if ev.actor1 is None and ev.actor2 is None:
            _fill_from_headline(ev, headline)
        if ev.actor1 is None and ev.actor2 is None and ev.location and story.theatre is not None \
                and p.code[:2] != "04" and p.code[:3] != "083":
            # "the truce in Syria", "the protests in Egypt" (by its protesters); but the place of a visit or of a
            # change of office is not who did it ("they arrived in western Libya", "announced their defections in Tunisia")
            loc_actor = next((a for a in story.actors if a.canonical == ev.location and a.type == "state"), None)
            if loc_actor is not None:
                ev.actor1 = _people_of(loc_actor) if p.code[:2] == "14" else loc_actor
        if ev.actor1 is None and p.code[:3] in ("042", "043"):
            continue  # "the woman arrived on Wednesday", "evacuated workers arrived from Libya": nobody's visit
        if ev.actor1 is None and ev.actor2 is None and (ev.date.vague or not ev.date.from_timex
                                                         or p.code[:2] == "01"):
            continue  # nobody and no date; or a statement by nobody ("a spokesman said last night")
        if any(_same_event(ev, c) for c in chosen):
            continue
        if ev.pred.code[:2] == "01" and any(c.pred.code[:2] == "01" and _actor_key(c.actor1) == _actor_key(ev.actor1)
                                            for c in chosen):
            continue  # "X says ..., he said": one statement
        chosen.append(ev)
        if len(chosen) >= MAX_PER_SENTENCE:
            break
    return chosen


STANCE_LEMMAS = {"support", "back", "oppose", "favour", "favor", "admire", "like", "hate"}
QUESTION_HEADS = {"say", "ask", "know", "wonder", "tell", "decide", "see", "question", "check", "clear", "unclear",
                  "sure", "investigate", "examine"}


def _not_told_as_fact(t) -> bool:
    """Clauses that tell no event: an indirect question ("did not say whether Beijing backs ...", "asked if they
    would attack"), the interview frame of a quote ("When asked if he was concerned, X replied", "Asked about the
    remarks, the envoy declared") and a stance in the present told in a relative clause ("the people who support
    Mubarak", "a party which backs the plan")."""
    verb = t
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.dep_ not in ("ROOT",):
        verb = verb.head
    x, n = verb, 0
    while n < 4:
        marks = {c.lower_ for c in x.children if c.dep_ == "mark"}
        if "whether" in marks or ("if" in marks and x.dep_ in ("ccomp", "advcl") and x.head.lemma_.lower() in QUESTION_HEADS):
            return True
        if x.dep_ not in ("conj", "xcomp") or x.head.i == x.i:
            break
        x, n = x.head, n + 1
    if (verb.lemma_.lower() == "ask" and verb.tag_ == "VBN" and verb.dep_ == "advcl"
            and not any(c.dep_ == "agent" for c in verb.children)):
        return True
    if (t.i == verb.i and verb.lemma_.lower() in STANCE_LEMMAS and verb.dep_ == "relcl"
            and verb.tag_ in ("VBP", "VBZ") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)):
        return True
    return False


COUNTERFACTUAL_MODALS = {"would", "could", "should", "might"}


def _counterfactual(t) -> bool:
    """'could have done more to prevent the attack', 'should have withdrawn', 'would have met him if ...': a modal
    with a perfect tells what did not happen (the act and what hangs on it as its purpose or complement).
    'may have killed' (a possibility about what happened) is not one."""
    x, n = t, 0
    while n < 4:
        if x.pos_ in ("VERB", "AUX"):
            auxes = [c.lower_ for c in x.children if c.dep_ in ("aux", "auxpass")]
            if set(auxes) & COUNTERFACTUAL_MODALS and ("have" in auxes or "'ve" in auxes) and x.tag_ == "VBN":
                return True
        if x.dep_ not in ("xcomp", "advcl", "conj", "dobj", "pobj", "prep", "acl") or x.head.i == x.i:
            return False
        x, n = x.head, n + 1
    return False


HYPHEN_MODIFIER = re.compile(r"-\s?(?:[a-z]+ed|held|led|run|built|made|born)\b")
QUESTION_END = re.compile(r"\?[\s'\"”’`]*$")


PHOTO_CREDIT = re.compile(r"\b(?:REUTERS|AFP|AP|EPA|Getty Images|Reuters|Xinhua)\s*/\s*[A-Z]|\bAP Photo\b|"
                          r"\b(?:Photograph|Photo|Picture|Image)\s*:|\((?:Photo|Picture)\b|Getty Images\b")


def _caption(sent, story, s_start: int, s_end: int) -> bool:
    """A photo caption: a credit line ("REUTERS/Name", "Photograph: X/Getty Images"), or a scene told in the simple
    present by an indefinite subject with no date ("An opposition fighter celebrates atop a tank", "A soldier
    tries to keep order"): news reports what happened in the past tense, captions describe a picture."""
    full = story.document.text
    line_end = full.find("\n", s_end)
    if PHOTO_CREDIT.search(full[s_start:line_end if line_end >= 0 else len(full)]):
        return True  # the credit ends the caption's line: "A protester throws a stone. REUTERS/Jane Doe"
    root = sent.root
    if root.tag_ not in ("VBZ", "VBP") or root.lemma_.lower() in ("be", "have") or story.in_quote(root.idx):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in root.children) or _is_speech(root):
        return False
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or any(s_start <= tx.start < s_end for tx in story.timexes):
        return False
    # "An opposition fighter celebrates atop a tank"; "Tito Jackson arrives at the trial"
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subj.children) or \
        root.lemma_.lower() in SCENE_VERBS


def _background(t, gov, pred_codes=None) -> bool:
    """Background, not a new event: an event noun in a 'during ...' phrase ("standing firm during the Iraq war");
    a known long situation named with 'the' or its place ("the war has provided a training ground", "the Iraq
    war", "Libya's uprising"); a gerund that only completes a noun ("justifications for invading Iraq", "the
    humiliation of losing the vote"). Not when it has a date of its own ("the war in 2003")."""
    if t.tag_ == "VBG" and t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.head.pos_ == "NOUN" \
            and not (pred_codes or {}).get(t.head.head.i) and t.head.head.lemma_.lower() not in REPORT_NOUNS:
        return True  # (a date the parser hangs on the gerund is the sentence's: "defended on Monday his reasons for invading")
    if gov.get(t.i):
        return False
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ == "pobj" and t.head.lower_ in BACKGROUND_PREPS:
        return True
    if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in DURATIVE_NOUNS:
        if t.dep_ in ("nsubj", "nsubjpass") and gov.get(t.head.i):
            return False  # "the war ended on Friday": dated by its verb
        return any((c.dep_ == "det" and c.lower_ in ("the", "this", "that")) or c.dep_ == "poss"
                   or (c.dep_ == "compound" and c.pos_ == "PROPN") for c in t.children)
    return False


def _people_of(state):
    """The protesters of a country named only as the place of a protest ("the protests in Egypt")."""
    from dataclasses import replace
    from timeline.actors import get_matcher
    name = f"{get_matcher().adj(state.country)} protesters" if state.country else "protesters"
    return replace(state, canonical=name, type="civilians", actor_id="civilians:" + name.lower().replace(" ", "-"),
                   rule="protest_place", locative=False)


def _in_frame(t, story) -> bool:
    """True when the token hangs off a speech verb outside any quote (the attribution of a quote)."""
    x, n = t, 0
    while x.head.i != x.i and n < 10:
        x, n = x.head, n + 1
        if _is_speech(x) and not story.in_quote(x.idx):
            return True
    return False


def _same_event(ev: _Event, other: _Event) -> bool:
    """A second predicate naming the same event as a chosen one, or hanging below it without its own subject or
    time ("the meeting will be held", "decided to attend talks")."""
    t, o = ev.pred.token, other.pred.token
    if t.head.i == o.i and t.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "pobj"):
        return True
    if o.head.i == t.i and o.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
        return True
    in_subtree = o.left_edge.i <= t.i <= o.right_edge.i and any(x.i == t.i for x in o.subtree)
    if in_subtree:
        has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        return not (has_subject or ev.own_timex)
    return False


def _read_event(story: _Story, p, s_start: int, s_end: int, quote, gov) -> _Event:
    t = p.token
    ev = _Event(p, s_start, s_end)
    frame = story.quote_frames.get(quote) if quote else None
    if frame is None:
        frame = _ccomp_frame(story, t, gov)
    # actors
    subj = story.subject_of(t)
    a1 = story.actor_at(subj, quote) if subj is not None else None
    a2 = None
    for o in story.target_tokens(t, speech=_is_speech(t) and p.code[:2] == "01"):
        a = story.actor_at(o, quote)
        if a is not None and (a1 is None or a.canonical != a1.canonical):
            a2 = a
            break
    if a1 is None and subj is None and quote is not None and frame is not None and frame.speaker is not None \
            and t.pos_ in ("VERB", "AUX") and (a2 is None or a2.canonical != frame.speaker.canonical):
        a1 = frame.speaker  # a verb without a subject inside a quote: the speaker's side acts
    if p.via == "must" and frame is not None and t.pos_ in ("VERB", "AUX"):
        # "he added that the government should allow ...": the speaker demands it of the subject
        a1, a2 = frame.speaker, a1 if a1 is not None else a2
    if t.lemma_.lower() == "die" and a2 is None and subj is not None and subj.dep_ == "nsubj":
        a1, a2 = None, a1  # "five protesters died in clashes": they are who it was done to
    ev.actor1, ev.actor2 = a1, a2
    # time
    own = gov.get(t.i)
    if own:
        ev.date, ev.own_timex = _timex_date(own[0]), True
    else:
        inherited = _inherited(t, gov, story.pred_codes, p)
        if inherited is not None:
            ev.date = _timex_date(inherited[1], f"inherited_from_{inherited[0]}")
        elif frame is not None and frame.date is not None:
            ev.date = frame.date
        else:
            ev.date = _tense_date(t, story)
            if ev.date.rule.startswith("document_time") and frame is not None:
                # present tense inside a report: "now" is when it was said, which the frame's tense bounds
                ev.date = _tense_date(frame.verb, story)
                ev.date.rule = "reporting_frame:" + ev.date.rule
                ev.date.anchor = ev.date.anchor or f"frame '{frame.verb.text}'"
    ev.location = story.place_of(t)
    ev.modality = _modality(t, frame is not None)
    if p.negated:
        ev.modality = "negated"
    if frame is not None:
        ev.attributed_to = frame.speaker_text
    return ev


def _inherited(t, gov, pred_codes=None, p=None):
    """(how, timex) from a first conjunct, an event-noun subject ("protests in March 2011 escalated"), or the
    event-noun object that a light or planning verb stands for ("will host talks next week")."""
    bounded = any(c.dep_ == "prep" and c.lower_ in BOUND_SIGNALS for c in t.children)
    participle = t.dep_ == "advcl" and t.tag_ == "VBG" and not any(c.dep_ in ("mark", "aux") for c in t.children)
    if (t.dep_ == "conj" or participle) and t.head.pos_ in ("VERB", "AUX") and not bounded:  # not "but since then"
        if gov.get(t.head.i):  # "interviewed him on Monday, hoping ...": the participle shares the clause's time
            return ("participle" if participle else "conjunct"), gov[t.head.i][0]
        r = _inherited(t.head, gov)
        if r is not None:
            return r
    for c in t.children:
        if c.dep_ in ("nsubj", "nsubjpass") and gov.get(c.i):
            return "event_subject", gov[c.i][0]
    if t.lower_ in PLAN_WORDS or t.lemma_.lower() in PLAN_LEMMAS or \
            any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in t.children):
        for c in t.children:  # "are expected to meet ... on March 15": the planned event's time
            if c.dep_ == "xcomp" and gov.get(c.i):
                return "planned_complement", gov[c.i][0]
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX") \
            and gov.get(t.head.i) and not (pred_codes or {}).get(t.head.i):
        return "event_verb", gov[t.head.i][0]  # "talks ... collapsed on Friday", "the meeting takes place on ..."
    if p is not None and pred_codes:
        for c in t.children:
            code = pred_codes.get(c.i)
            if c.dep_ in ("dobj", "attr") and gov.get(c.i) and code and \
                    (code[:2] == p.code[:2] or p.via in ("light", "future", "intent")):
                return "event_object", gov[c.i][0]
    return None


# ------------------------------------------------------------------------------------------------ headline

def _headline_events(story: _Story) -> list[dict]:
    from timeline.coding import code_predicates
    d = story.document
    if d.title_start is None or d.title_end is None or d.title_end > len(story.doc.text):
        return []
    span = story.doc.char_span(d.title_start, d.title_end, alignment_mode="expand")
    if span is None:
        return []
    out = []
    for p in code_predicates(span):
        t = p.token
        subj = story.subject_of(t)
        a1 = story.actor_at(subj) if subj is not None and span.start <= subj.i < span.end else None
        a2 = None
        for o in story.target_tokens(t):
            if span.start <= o.i < span.end:
                a = story.actor_at(o)
                if a is not None and (a1 is None or a.canonical != a1.canonical):
                    a2 = a
                    break
        out.append({"code": p.code, "actor1": a1, "actor2": a2, "place": story.place_of(t)})
    return out


def _fill_from_headline(ev: _Event, headline: list[dict]) -> None:
    """A body event with no actor that names the headline's place takes the headline's actors."""
    for h in headline:
        if (h["actor1"] is not None or h["actor2"] is not None) and ev.location and h["place"] == ev.location:
            ev.actor1, ev.actor2 = h["actor1"], h["actor2"]
            return


# ------------------------------------------------------------------------------------------------ table

def _dedupe(events: list[_Event]) -> list[_Event]:
    """The same coded act by the same actors told again later in the story with no better date: kept once."""
    out: list[_Event] = []
    for ev in events:
        key = (ev.pred.code, _actor_key(ev.actor1), _actor_key(ev.actor2))
        dup = None
        for i, o in enumerate(out):
            if (o.pred.code, _actor_key(o.actor1), _actor_key(o.actor2)) == key and key[1] and key[2] \
                    and (ev.date.vague or o.date.vague or ev.date.value == o.date.value):
                dup = i
                break
        if dup is None:
            out.append(ev)
        elif out[dup].date.vague and not ev.date.vague:
            out[dup] = ev
    return out


def _third_person(phrase: str) -> str:
    """'invite' -> 'invites', 'break ties with' -> 'breaks ties with', 'try' -> 'tries'."""
    head, _, rest = phrase.partition(" ")
    irregular = {"be": "is", "have": "has", "do": "does", "go": "goes"}
    if head in irregular:
        head = irregular[head]
    elif head.endswith(("s", "sh", "ch", "x", "z", "o")):
        head += "es"
    elif len(head) > 1 and head.endswith("y") and head[-2] not in "aeiou":
        head = head[:-1] + "ies"
    else:
        head += "s"
    return f"{head} {rest}".strip()


def _summary(ev: _Event, info) -> str:
    t = ev.pred.token
    verb = ev.pred.pattern or t.lemma_.lower()
    if t.pos_ in ("VERB", "AUX"):  # a headline's present: "Russia invites United States"
        a1 = ev.actor1
        plural = a1 is not None and a1.type not in ("state", "government", "igo", "person", "media") \
            and a1.canonical.split()[-1].endswith("s") and not a1.canonical.endswith("ss")  # "Syrian rebels"
        verb = {"negated": ("do not " if plural else "does not ") + verb, "planned": "will " + verb,
                "hypothetical": "could " + verb}.get(ev.modality) or (verb if plural else _third_person(verb))
    elif ev.modality == "negated":
        verb = "no " + verb
    parts = [ev.actor1.canonical if ev.actor1 else "", verb, ev.actor2.canonical if ev.actor2 else ""]
    s = " ".join(x for x in parts if x)
    tail = []
    if info is not None:
        tail.append(info.name.lower())
    if ev.location:
        tail.append(f"in {ev.location}")
    return s + (" — " + ", ".join(tail) if tail else "")


def _rows(document, events: list[_Event], dct, pub_date) -> list[dict]:
    from timeline.actors import actor_columns
    from timeline.coding import cameo_info

    if not events:
        return []
    pub = ""
    if document.pub_date is not None:
        pub = document.pub_date.isoformat()
    source = (document.metadata.get("source") or (document.dateline.agency if document.dateline else None)
              or document.url or document.path or "")
    rows = []
    text = document.text
    for ev in events:
        info = cameo_info(ev.pred.code)
        row = {
            "event_id": _event_id(document.id, ev.sent_start, ev.sent_end, ev.pred.token.idx),
            "doc_id": document.id,
            "pub_date": pub,
            "date_value": ev.date.value,
            "date_start": ev.date.start,
            "date_end": ev.date.end,
            "granularity": ev.date.granularity,
            "date_text": ev.date.text,
            "date_rule": ev.date.rule,
            "date_anchor": ev.date.anchor,
            **actor_columns(ev.actor1, "actor1"),
            **actor_columns(ev.actor2, "actor2"),
            "predicate": ev.pred.token.text,
            "cameo_code": ev.pred.code,
            "event_type": info.plover if info else "",
            "quad_class": info.quad_class if info else None,
            "goldstein": info.goldstein if info else None,
            "location": ev.location,
            "modality": ev.modality,
            "attributed_to": ev.attributed_to,
            "summary": _summary(ev, info),
            "sentence": text[ev.sent_start:ev.sent_end],
            "sent_start": ev.sent_start,
            "sent_end": ev.sent_end,
            "source": source,
            "dct": dct.date.isoformat() if dct is not None and dct.date is not None else "",
            "dct_source": dct.source if dct is not None else "",
            "date_char_start": ev.date.char_start,
            "date_char_end": ev.date.char_end,
        }
        rows.append(row)
    return rows


# ------------------------------------------------------------------------------------------------ documents

def make_document(text: str, pub_date=None, *, title: str | None = None, url: str | None = None,
                  doc_id: str | None = None, source: str | None = None, path: str | None = None):
    """A `Document` for extraction: the text split as usual (its own title line and dateline are found in it);
    a `title` given apart from the text is kept as metadata (it is not in the text, so it has no offsets)."""
    from timeline.document import split_document

    document = split_document(text, pub_date=pub_date, doc_id=doc_id, url=url, path=path)
    if title and document.title is None:
        document.title = title
    if source:
        document.metadata["source"] = source
    return document
