"""What the sentence around a time expression says: tense of the governing verb, quotations,
reporting frames. Reads the spaCy parse; knows nothing of dates."""
from __future__ import annotations

import re
from functools import lru_cache

from timeline.paths import data_path

PAST, PRESENT, FUTURE = "past", "present", "future"
# The words that open a comparison's baseline ("up from 4 pct in May", "compared with $3 million last year").
COMPARISON_WORDS = r"(?:from|than|compared\s+(?:with|to)|versus|vs\.?|against)"
DEADLINE = "deadline"  # a date after "by", "until", "effective", "payable": the nearest reading, no lean


@lru_cache(maxsize=1)
def cues() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    with open(data_path("timex", "tense_cues.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            kind, word = line.rstrip("\n").split("\t")[:2]
            out.setdefault(kind, set()).add(word)
    return out


def token_at(doc, start: int, end: int):
    """The syntactic root token of the characters [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def governing_verb(tok):
    """Climb from a token to the verb it depends on (through nouns and prepositions)."""
    seen = 0
    while tok is not None and seen < 8:
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod",):
            return tok
        if tok.dep_ == "ROOT" and tok.pos_ == "NOUN" and _misparsed_past(tok):
            return tok  # "The army retook Palmyra in March": the tagger took "retook" for a noun
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        seen += 1
    return None


IRREGULAR_PAST = {"took", "retook", "overtook", "undertook", "won", "lost", "fought", "struck", "shot", "led", "fled",
                  "held", "sent", "began", "rose", "fell", "broke", "spoke", "met", "went", "came", "gave", "made",
                  "told", "saw", "left", "ran", "overran", "withdrew", "drew", "beat", "bought", "brought", "built",
                  "caught", "chose", "dealt", "drove", "felt", "found", "flew", "got", "grew", "heard", "kept", "knew",
                  "laid", "paid", "rode", "sold", "shook", "sank", "sat", "spent", "stood", "stole", "swept", "swore",
                  "taught", "tore", "threw", "woke", "wrote", "upheld", "overthrew", "seized", "stormed", "shelled"}


def _misparsed_past(tok) -> bool:
    """A sentence root tagged as a noun that has a subject and an object, and the form of a past verb."""
    kids = {ch.dep_ for ch in tok.children}
    return "nsubj" in kids and ("dobj" in kids or "prep" in kids) and (
        tok.lower_ in IRREGULAR_PAST or (tok.lower_.endswith("ed") and len(tok.lower_) > 4))


def verb_tense(v) -> str | None:
    """past / present / future for a verb token, from its own tag and its auxiliaries."""
    if v.pos_ == "NOUN":
        return PAST if _misparsed_past(v) else None
    c = cues()
    auxes = [t for t in v.children if t.dep_ in ("aux", "auxpass")]
    aux_words = {a.lower_ for a in auxes}
    if aux_words & c["future_aux"]:
        return FUTURE
    if any(a.lower_ == "to" for a in auxes):
        # infinitive: "to be held on Monday", "plans to meet on Monday", "expected to arrive"
        head = v.head
        if head.i != v.i and (head.lemma_.lower() in c["future_verb"] | c["commit_verb"] or head.lower_ in ("going", "about")):
            frame = [head] + ([head.head] if head.dep_ == "acomp" and head.head.i != head.i else [])
            if any(a.lower_ == "had" for h in frame for a in h.children if a.dep_ in ("aux", "auxpass")):
                return PAST  # "had been scheduled to expire at midnight Friday", "had been due to expire Friday
                # evening": a plan that has passed
            return FUTURE
        if head.i != v.i and head.pos_ in ("VERB", "AUX"):
            t = verb_tense(head)
            if t == FUTURE:
                return FUTURE
        if head.i != v.i and head.lemma_.lower() == "be" and v.dep_ in ("xcomp", "ccomp", "attr"):
            return FUTURE  # "is to meet on Monday"; not "the first countries to join on Friday were ..."
        if v.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN") and v.tag_ == "VBN" \
                and any(a.lower_ == "be" for a in auxes):
            return FUTURE  # "figures to be reported Tuesday": still to come
    modal = [a for a in auxes if a.tag_ == "MD"]
    if modal:
        if any(a.lower_ in ("would", "'d") for a in modal):
            return FUTURE  # "would meet on Monday": future of a past frame
        if aux_words & {"have", "'ve"}:
            return PAST  # "may have left on Monday"
        if any(ch.dep_ == "neg" for ch in v.children) or not any(a.lower_ in ("may", "might", "should", "must")
                                                                  for a in modal):
            return DEADLINE  # "could be located on Wednesday", "could not be reached on Monday": either side, nearest
        return FUTURE  # "the talks may resume on Saturday", "should arrive on Friday": ahead
    tags = [v.tag_] + [a.tag_ for a in auxes]
    if v.tag_ in ("VBN", "VB") and auxes and all(a.tag_ == "VB" for a in auxes) and not modal \
            and not any(a.lower_ == "to" for a in auxes):
        # a bare "be started" coordinated under an earlier modal: "would be based on futures ... and be started
        # toward the third quarter"; the parse may hang it elsewhere, so take the nearest modal before it
        for t in reversed(list(v.sent[:v.i - v.sent.start])):
            if t.tag_ == "MD" and t.head.i != t.i and t.head.i < v.i:
                return verb_tense(t.head)
    if "VBD" in tags:
        return PAST
    if v.tag_ == "VBN":
        if aux_words & {"has", "have", "'s", "'ve", "had"}:
            return PAST
        if aux_words & {"is", "are", "am", "'re", "was", "were"} and v.lemma_.lower() in c["future_verb"] | {
                "schedule", "slate", "plan", "set", "due"}:
            return FUTURE  # "the summit is scheduled for May", "talks are planned for Labor Day"
        if aux_words & {"is", "are", "am", "'re"}:
            return PRESENT
        if not auxes:
            nxt = v.doc[v.i + 1].lower_ if v.i + 1 < len(v.doc) else ""
            if v.lemma_.lower() in ("set", "schedule", "slate", "plan", "due", "expect") and nxt in ("for", "to"):
                return DEADLINE  # "a summit set for April", "concerts scheduled for July": ahead of the
                # planning, on either side of today: the nearest
            return PAST  # reduced relative: "a truce agreed on Monday"
    if v.tag_ == "VBG" and aux_words & {"is", "are", "am", "'re", "'m"}:
        return FUTURE  # "is meeting on Monday": arranged future
    if v.tag_ in ("VBZ", "VBP") or {"VBZ", "VBP"} & set(tags):
        if v.lemma_.lower() in c["future_verb"]:
            return FUTURE
        return PRESENT
    if v.tag_ == "VBG":
        head = v.head
        if v.dep_ in ("pcomp", "pobj") and head.pos_ == "ADP" and head.head.i != head.i:
            head = head.head  # "can take part in planning for the summit in April": the tense of "can take part"
        return verb_tense(head) if head.i != v.i and head.pos_ in ("VERB", "AUX") else None
    return None


def tense_of(doc, start: int, end: int) -> str | None:
    tok = token_at(doc, start, end)
    if tok is None:
        return None
    # an adjective such as "upcoming" or "scheduled" on the date's noun: "the upcoming talks in March", "the slated
    # visit of the minister in September"
    c = cues()
    t, hops = tok, 0
    while hops < 4:
        plan_obj = None
        if t.pos_ in ("VERB", "AUX") and hops:  # the parse may hang the date on the verb: "backed plans for a
            # concert on 8 October"
            plan_obj = next((ch for ch in t.children if ch.dep_ in ("dobj", "nsubjpass") and ch.i < tok.i
                             and ch.lemma_.lower() in c["planned_noun"]), None)
        if plan_obj is not None or (hops and t.pos_ == "NOUN" and t.lemma_.lower() in c["planned_noun"]):
            v = t if plan_obj is not None else governing_verb(t)
            perfect = v is not None and any(a.lower_ in ("has", "have", "'s", "'ve") for a in v.children
                                            if a.dep_ in ("aux", "auxpass"))
            if v is not None and verb_tense(v) == PAST and not perfect:
                return DEADLINE  # "announced plans for talks on March 3": planned then, either side of today
            return FUTURE  # "have backed plans for a concert on 8 October": still ahead
        if t.pos_ in ("VERB", "AUX"):
            break
        for ch in t.children:
            if ch.dep_ in ("amod", "compound", "advmod") or ch.i < t.i:
                if ch.lower_ in c["upcoming"]:
                    return FUTURE
                if ch.lower_ in c["planned"]:
                    return DEADLINE
        if t.head.i == t.i or t.head.pos_ not in ("NOUN", "PROPN", "ADP", "VERB"):
            break
        t, hops = t.head, hops + 1
    if tok.dep_ in ("poss", "compound", "nmod", "amod") and tok.head.pos_ in ("NOUN", "PROPN"):
        return None  # "Wednesday's ruling": the noun's own time, no tense to read
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in ("NOUN", "PROPN"):
        return None  # "the ceasefire deal of Dec. 30 is holding": the deal's date, not the clause's time
    prev = doc[tok.left_edge.i - 1] if tok.left_edge.i > 0 else None
    if prev is not None and prev.lower_ == "since":
        return PAST  # "since Dec. 30" can only look back
    t = _tense_from_verb(tok)
    if t == PRESENT and _through_adjective(tok):
        return None  # "properties, worth $130 million in October, are worth half that now"
    return t


def _through_adjective(tok) -> bool:
    seen = 0
    while tok is not None and seen < 8 and tok.head.i != tok.i:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return False
        if tok.pos_ == "ADJ":
            return True
        seen += 1
    return False


def _tense_from_verb(tok) -> str | None:
    v = governing_verb(tok)
    if v is None:
        return None
    t = verb_tense(v)
    if t is None and v.dep_ in ("conj", "xcomp", "ccomp", "advcl") and v.head.i != v.i:
        t = verb_tense(v.head)
        if t == PAST and any(a.lower_ == "to" for a in v.children if a.dep_ == "aux"):
            return DEADLINE  # "asked him to testify on Feb. 10": after the asking, either side of today
    if t == PAST and v.lemma_.lower() in cues()["prospective"]:
        need = {"call": ("for",), "set": ("for", "as")}.get(v.lemma_.lower())
        if need and not any(ch.lower_ in need for ch in v.children):
            return t  # "called for talks on May 3", "set May 3 as the deadline"; not "a record set on Aug. 6"
        return DEADLINE  # "has scheduled a news conference Thursday", "invited them to a ceremony on March 12"
    return t


def after_deadline_word(doc, start: int, end: int) -> bool:
    """A deadline or start word just before the date: "payable Dec. 7", "extended the offer to Nov. 20".
    Not "until" or "by" after a simple past: "held that view until March 7" looks back."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    before = list(doc[max(0, span.start - 2):span.start])
    for i, t in enumerate(before):
        if t.lower_ in ("until", "till", "by", "through") and simple_past(doc, start, end):
            v = governing_verb(token_at(doc, start, end))
            if v is None or v.lemma_.lower() not in cues()["deadline_verb"]:
                return False
        if t.lower_ in cues()["deadline"]:
            if t.lower_ == "to":  # "extended the offer to Nov. 20", not "the 12 months to June"
                prev = t.doc[t.i - 1] if t.i > 0 else None
                if prev is None or prev.pos_ not in ("VERB", "AUX") and prev.dep_ != "dobj" \
                        and not (prev.head.pos_ == "VERB" and prev.dep_ in ("dobj", "obj")):
                    continue
            return True
    return False


def simple_past(doc, start: int, end: int) -> bool:
    """The governing verb is a simple or pluperfect past ("filed by Wednesday", "had not called him until Thursday")."""
    tok = token_at(doc, start, end)
    v = governing_verb(tok) if tok is not None else None
    if v is None:
        return False
    auxes = {a.lower_ for a in v.children if a.dep_ in ("aux", "auxpass")}
    return (v.tag_ == "VBD" and not auxes) or "had" in auxes or "did" in auxes


def dates_clause(doc, start: int, end: int) -> bool:
    """The expression dates a clause ("In October 1954, the FLN rose") rather than a noun ("the 1988 bombing",
    "the two men charged in the Dec. 21, 1988, bombing")."""
    tok = token_at(doc, start, end)
    if tok is None:
        return False
    head = tok.head
    if head.pos_ == "ADP" and head.i != tok.i:
        head = head.head
    return head.pos_ in ("VERB", "AUX") and head.dep_ not in ("acl", "relcl", "amod")


def present_sentence(sent) -> bool:
    """The sentence's main clause is told in the present ("Cubans have played a part", "relatives are fighting"):
    a past narrative running before it has stopped."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        return False
    if root.lemma_.lower() in cues()["reporting"]:
        return False  # "Castro said ...": the report's frame, not the story's tense
    auxes = {a.lower_ for a in root.children if a.dep_ in ("aux", "auxpass")}
    if root.tag_ == "VBN" and auxes & {"has", "have", "'s", "'ve"}:
        return True
    return verb_tense(root) == PRESENT


def is_reporting(doc, start: int, end: int) -> bool:
    tok = token_at(doc, start, end)
    v = governing_verb(tok) if tok is not None else None
    return v is not None and v.lemma_.lower() in cues()["reporting"] and verb_tense(v) != FUTURE  # not "figures to
    # be reported Tuesday", "will announce on Monday"


_QUOTE_PAIRS = re.compile(
    r"“[^”]*”|\"[^\"\n]*\"|«[^»]*»"
    r"|``(?:(?!``|'').)*''"                                  # ``Penn Treebank'' quotes of tokenised wire text
    r"|‘[^‘\n]*?’(?![A-Za-z])"                              # ‘single’ curly quotes (an inner ’ is an apostrophe)
    r"|(?<![\w'])'(?=[A-Z])[^'\n]*?(?:\w'\w[^'\n]*?)*'(?![A-Za-z])")  # 'Single' ASCII quotes opening a capital


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quotations (“...”, "...", «...»)."""
    return [(m.start(), m.end()) for m in _QUOTE_PAIRS.finditer(text)]


def inside(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    for s, e in spans:
        if s <= start and end <= e:
            return (s, e)
    return None
