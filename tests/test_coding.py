"""Event coding: the CAMEO table, the lexicon (lemma -> code) and the sentence coder (sentence -> roots)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from timeline.coding import (CameoInfo, _read, cameo_info, cameo_table, code_predicates, code_sentence, frame_code,
                             lexicon, lookup_code, lookup_entry)
from timeline.paths import PROJECT_ROOT, data_path

ONTOLOGIES = PROJECT_ROOT.parent / "shared" / "ontologies"


# ---------------------------------------------------------------------------------------- CAMEO table

def test_cameo_table_size_and_roots():
    t = cameo_table()
    assert len(t) >= 300
    assert {c for c in t if len(c) == 2} == {f"{i:02d}" for i in range(1, 21)}


@pytest.mark.parametrize("code,root,quad,plover", [
    ("010", "01", 1, ""), ("036", "03", 1, "AGREE"), ("042", "04", 1, "CONSULT"), ("057", "05", 1, "SUPPORT"),
    ("073", "07", 2, "AID"), ("0871", "08", 2, "RETREAT"), ("112", "11", 3, "ACCUSE"), ("125", "12", 3, "REJECT"),
    ("138", "13", 3, "THREATEN"), ("141", "14", 4, "PROTEST"), ("163", "16", 4, "COERCE"), ("161", "16", 4, "SANCTION"), ("173", "17", 4, "COERCE"),
    ("183", "18", 4, "ASSAULT"), ("190", "19", 4, "ASSAULT"), ("020", "02", 1, "REQUEST"),
])
def test_cameo_info(code, root, quad, plover):
    info = cameo_info(code)
    assert isinstance(info, CameoInfo)
    name, r, goldstein, q, p = info
    assert (r, q, p) == (root, quad, plover)
    assert name and -10 <= goldstein <= 10


def test_cameo_info_unknown():
    assert cameo_info("999") is None


def test_goldstein_signs():
    assert cameo_info("0871").goldstein > 0 > cameo_info("190").goldstein


@pytest.mark.skipif(not (ONTOLOGIES / "cameo-codes_andybega-icews.csv").exists(), reason="../shared/ontologies absent")
def test_cameo_file_is_the_build_script_output():
    proc = subprocess.run([sys.executable, str(PROJECT_ROOT / "scripts" / "build_cameo.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


# ------------------------------------------------------------------------------------------ lexicon

def test_lexicon_file_format():
    text = data_path("event_lexicon.tsv").read_text(encoding="utf-8")
    head = "\n".join(l for l in text.splitlines() if l.startswith("#")).lower()
    assert "format" in head and "example" in head
    rows = _read(data_path("event_lexicon.tsv"))
    assert len(rows) > 250
    seen = set()
    for r in rows:
        assert r["pos"] in ("VERB", "NOUN", "ADJ", "ADP"), r
        assert r["code"] == "-" or cameo_info(r["code"]) is not None, f"{r['lemma']}: unknown code {r['code']}"
        assert r["code"] != "-" or not r["frame"], r
        assert not r["negated"] or cameo_info(r["negated"]) is not None, r
        assert r["frame"] in ("", "intent", "refuse", "demand", "appeal", "threaten", "light", "speech", "result",
                              "office"), r
        assert r["example"], f"{r['lemma']}: no example"
        key = (r["lemma"], r["pos"], r["frame"] == "office")  # an office sense may precede the word's other sense
        assert key not in seen, f"duplicate entry {key}"
        seen.add(key)


@pytest.mark.parametrize("lemma,pos,deps,negated,code", [
    ("say", "VERB", (), False, "010"),
    ("invite", "VERB", (), False, "036"),
    ("meet", "VERB", (), False, "040"),
    ("talk", "NOUN", (), False, "046"),
    ("visit", "VERB", (), False, "042"),
    ("agree", "VERB", (), False, "030"),
    ("sign", "VERB", (), False, "057"),
    ("accept", "VERB", (), False, "080"),
    ("accept", "VERB", (), True, "120"),
    ("reject", "VERB", (), False, "120"),
    ("object", "VERB", (), False, "111"),
    ("oppose", "VERB", (), False, "120"),
    ("condemn", "VERB", (), False, "111"),
    ("accuse", "VERB", (), False, "112"),
    ("threaten", "VERB", (), False, "130"),
    ("demand", "VERB", (), False, "100"),
    ("urge", "VERB", (), False, "020"),
    ("call", "VERB", ("for",), False, "020"),
    ("take", "VERB", ("part",), False, "040"),
    ("hold", "VERB", ("talks",), False, "046"),
    ("set", "VERB", ("in", "motion"), False, "030"),
    ("break", "VERB", ("ties",), False, "161"),
    ("descend", "VERB", ("into", "war"), False, "190"),
    ("attack", "VERB", (), False, "190"),
    ("bomb", "VERB", (), False, "195"),
    ("shell", "VERB", (), False, "194"),
    ("clash", "VERB", (), False, "190"),
    ("capture", "VERB", (), False, "190"),
    ("withdraw", "VERB", (), False, "0874"),
    ("ceasefire", "NOUN", (), False, "0871"),
    ("truce", "NOUN", (), False, "0871"),
    ("protest", "NOUN", (), False, "140"),
    ("demonstrate", "VERB", (), False, "141"),
    ("sanction", "NOUN", (), False, "163"),
    ("aid", "NOUN", (), False, "070"),
    ("mediate", "VERB", (), False, "045"),
    ("negotiate", "VERB", (), False, "046"),
    ("warn", "VERB", (), False, "130"),
    ("deny", "VERB", (), False, "016"),
    ("arrest", "VERB", (), False, "173"),
    ("detain", "VERB", (), False, "173"),
    ("release", "VERB", (), False, "0841"),
    ("expel", "VERB", (), False, "166"),
    ("deploy", "VERB", (), False, "154"),
    ("mobilize", "VERB", (), False, "154"),
    ("defeat", "NOUN", (), False, "190"),
    ("rename", "VERB", (), False, "017"),
    ("kill", "VERB", (), True, None),
    ("frobnicate", "VERB", (), False, None),
])
def test_lookup_code(lemma, pos, deps, negated, code):
    assert lookup_code(lemma, pos, deps=deps, negated=negated) == code


def test_most_specific_pattern_wins():
    assert lookup_entry("call", "VERB", deps=("for",)).lemma == "call for"
    assert lookup_entry("call", "VERB").lemma == "call"
    assert lookup_entry("lift", "VERB", deps=("curfew",)).code == "0813"


@pytest.mark.parametrize("frame,own,comp,expected", [
    ("intent", "030", "040", "036"),     # agreed to meet
    ("intent", "030", "0874", "0356"),   # agreed to withdraw
    ("intent", "030", "190", "1384"),    # vowed to attack
    ("refuse", "120", "040", "125"),     # refused to meet
    ("demand", "100", "0841", "1053"),   # demanded the release
    ("appeal", "020", "0871", "0256"),   # called for a ceasefire
    ("threaten", "130", "163", "1312"),  # threatened sanctions
    ("light", "010", "046", "046"),      # held talks
    ("intent", "030", None, "030"),
])
def test_frame_code(frame, own, comp, expected):
    assert frame_code(frame, own, comp) == expected


# ------------------------------------------------------------------------------- the sentence coder

@pytest.fixture(scope="module")
def nlp():
    from timeline import nlp as _nlp

    try:
        return _nlp.load()
    except Exception as exc:  # pragma: no cover
        pytest.skip(f"spaCy model unavailable: {exc}")


def _first_root(nlp, text):
    doc = nlp(text)
    preds = [p for s in doc.sents for p in code_predicates(s)]
    preds.sort(key=lambda p: (p.code[:2] == "01", p.depth, p.token.i))
    return preds[0].code[:2] if preds else None


# invented sentences in wire shapes -> the CAMEO root of the most salient predicate
@pytest.mark.parametrize("text,root", [
    ("Moscow has invited Washington to take part in the talks on Yemen, the minister said.", "03"),
    ("The two foreign ministers met in Geneva on Tuesday.", "04"),
    ("The peace conference will be held in Oslo on Monday.", "04"),
    ("Several rebel factions have decided to attend the talks in Doha.", "04"),
    ("Pakistan strongly objects to India's role in the negotiations.", "11"),
    ("The government rejected the proposal on Friday.", "12"),
    ("The rebels refused to meet the envoy.", "12"),
    ("We have not accepted their offer, the spokesman said.", "12"),
    ("Ankara hopes that the new government will accept the plan.", "03"),
    ("The ceasefire, which began on March 1, excludes two groups.", "08"),
    ("Troops withdrew from the northern town on Sunday.", "08"),
    ("The army agreed to withdraw its troops from the border.", "03"),
    ("Protesters demanded the release of the detained activists.", "10"),
    ("The council called for an immediate ceasefire.", "02"),
    ("The opposition threatened to boycott the election.", "13"),
    ("The militia threatened to attack the port.", "13"),
    ("Police arrested ten people after the march.", "17"),
    ("Jets bombed rebel positions near the city.", "19"),
    ("Government forces shelled the eastern districts overnight.", "19"),
    ("Five soldiers were killed in a suicide bombing at a checkpoint.", "18"),
    ("Thousands demonstrated in the capital against the new law.", "14"),
    ("Washington imposed new sanctions on the bank.", "16"),
    ("The group broke ties with its former allies last year.", "16"),
    ("The minister accused the rebels of violating the truce.", "11"),
    ("The president visited Moscow last week.", "04"),
    ("The army deployed troops along the border.", "15"),
    ("The rebels suffered a major defeat in the north.", "19"),
    ("The European Union will provide humanitarian aid to the refugees.", "03"),
    ("The donors provided food aid to the region.", "07"),
    ("Iraq must hand over the suspects, the envoy said.", "10"),
])
def test_sentence_roots(nlp, text, root):
    assert _first_root(nlp, text) == root


def test_negation_without_a_negated_code_drops_the_event(nlp):
    doc = nlp("The soldiers did not attack the village.")
    assert [c for _, c in code_sentence(next(iter(doc.sents)))] == []


def test_code_sentence_returns_tokens_and_codes(nlp):
    doc = nlp("Russia has already invited the US to take part in the upcoming talks.")
    out = code_sentence(next(iter(doc.sents)))
    tok, code = out[0]
    assert tok.lemma_ == "invite" and code == "036"
    # "take part" was consumed by "invited"; "talks" stays a predicate of its own
    assert [t.text for t, _ in out] == ["invited", "talks"]


def test_speech_verb_only_when_nothing_else(nlp):
    doc = nlp("The minister said on Thursday that the weather was fine.")
    assert [c for _, c in code_sentence(next(iter(doc.sents)))] == ["010"]
    doc = nlp("The minister said that troops attacked the town.")
    assert [c for _, c in code_sentence(next(iter(doc.sents)))] == ["190"]


@pytest.mark.parametrize("text,code", [
    ("Israeli strikes on the camp killed five.", "195"),
    ("Dockers began a strike on Monday.", "143"),
])
def test_strike_senses(nlp, text, code):
    doc = nlp(text)
    assert code in [c for s in doc.sents for _, c in code_sentence(s)]


@pytest.mark.parametrize("text", [
    "Quarterly profits declined a bit to 66 mln dlrs.",
    "Final figures are expected to be published next week.",
])
def test_no_event_in_economic_hedges(nlp, text):
    doc = nlp(text)
    assert [c for s in doc.sents for _, c in code_sentence(s)] == []


@pytest.mark.parametrize("text,code", [
    ("A roadside bomb killed two policemen.", "1833"),                        # noun compound, head last
    ("Three soldiers were wounded in a bomb attack near the base.", "183"),   # result of the attack
    ("The envoy launched a mediation effort between the two parties.", "045"),  # the event word under the object
    ("The ministry declared that Japan must open its markets.", "100"),       # reported "must": a demand
    ("The two ministers agreed that their countries should cooperate.", "031"),  # agreement, not a demand
    ("NATO said it would tighten the naval blockade.", "1381"),              # future + light verb: a threat
    ("The army engaged in ethnic cleansing in the province.", "203"),
])
def test_complement_rules(nlp, text, code):
    doc = nlp(text)
    preds = [p for s in doc.sents for p in code_predicates(s)]
    preds.sort(key=lambda p: (p.code[:2] == "01", p.depth, p.token.i))
    assert preds and preds[0].code == code


# ------------------------------------------------------------------ fixes from an audit on unseen news (invented cases)

@pytest.fixture(scope="module")
def parse():
    from timeline import nlp
    return lambda text: next(iter(nlp.parse(text).sents))


@pytest.mark.parametrize("text", [
    "The chaos is giving rise to a new generation of militants.",
    "The broadcaster gave another sign of its independence.",
    "They have suffered from a corrupt police force for years.",
    "The agency lost dozens of staff when its headquarters collapsed.",
    "The singer died of a heart attack in June.",
    "A United Nations worker was killed in the earthquake.",
    "The virus has killed more than 90 people.",
    "Mr Ban visited the camp.",
    "He was trying to get a taxi.",
    "Dr Smith has pleaded not guilty to the charges.",
    "There are grounds to believe that crimes have been committed.",
    "The official said the Italians had failed to inform the military.",
    "Fifty thousand pensioners will die of cold this winter.",
    "Asia battled SARS and bird flu in 2003.",
    "The central bank fought inflation with higher rates.",
    "Prisoners were to mark the anniversary by staging a version of the musical.",
    "They decided to remain in Cairo.",
])
def test_no_event_coded(parse, text):
    assert [(t.text, c) for t, c in code_sentence(parse(text)) if c[:2] not in ("01", "04")] == []


@pytest.mark.parametrize("text,word,root", [
    ("Japan gave 10 million dollars to the victims.", "gave", "07"),
    ("The rebels lost the eastern districts of the city.", "lost", "19"),
    ("Government troops lost control of the border town.", "lost", "19"),
    ("The rebels suffered a heavy defeat near the port.", "suffered", "19"),
    ("Rebels seized the town of Zawiya on Sunday.", "seized", "19"),
    ("Police seized the documents.", "seized", "17"),
    ("The ministry pushed back on the criticism.", "pushed", "12"),
    ("Government forces bombarded the city with rockets.", "bombarded", "19"),
    ("Rebels killed ten soldiers in an ambush.", "killed", "19"),
    ("Thousands of people have taken to the streets of the capital.", "taken", "14"),
    ("The army used tanks and artillery against the town.", "used", "19"),
    ("The authorities barred reporters from the city.", "barred", "17"),
    ("The government bailed out the insurer last year.", "bailed", "07"),
    ("Saudi King Abdullah called Mubarak on Saturday.", "called", "04"),
    ("The council called for a ceasefire.", "called", "02"),
    ("Protesters called for the president to step down.", "called", "02"),
    ("The envoy called on both sides to talk.", "called", "02"),
    ("The army attempted to retake the town.", "attempted", "19"),
    ("The sides failed to reach an agreement.", "failed", "12"),
    ("The union called off the strike after talks.", "called", "08"),
    ("The government called off the peace talks.", "called", "12"),
    ("The minister said the country is committed to opening up the economy.", "committed", "03"),
    ("Troops fought the rebels near the border.", "fought", "19"),
    ("Students staged demonstrations in the capital.", "staged", "14"),
    ("Angry activists have staged rallies in the city against the party leader.", "staged", "14"),
    ("The opposition held a rally in the capital on Friday.", "held", "14"),
    ("Rebel groups decided to attend the talks.", "decided", "04"),
])
def test_audit_codes(parse, text, word, root):
    codes = dict((t.text, c) for t, c in code_sentence(parse(text)))
    assert codes.get(word, "")[:2] == root, codes


def test_what_failed_is_not_told_as_done(parse):
    assert code_sentence(parse("The officials failed to tell the administration about the bonuses.")) == []


def test_not_event_code_is_no_code():
    assert lookup_code("earthquake", "NOUN") is None
    assert lookup_code("heart", "NOUN", deps=()) is None


@pytest.mark.parametrize("text,word,root", [
    ("The company provided details about the bonuses to the regulator.", "provided", "06"),
    ("The donors provided aid to the refugees.", "provided", "07"),
])
def test_information_is_not_aid(parse, text, word, root):
    codes = dict((t.text, c) for t, c in code_sentence(parse(text)))
    assert codes.get(word, "")[:2] == root, codes


def test_no_on_the_object_negates(parse):
    assert [c for t, c in code_sentence(parse("The minister gave no details about the attack.")) if c[:2] == "06"] == []


# ------------------------------------------------------------------ round 2: office holders, light 'cut' (invented cases)

@pytest.mark.parametrize("text,word,code", [
    ("The president appointed his intelligence chief as vice-president on Saturday.", "appointed", "0831"),
    ("The king named a former general prime minister.", "named", "0831"),
    ("The president sacked the interior minister.", "sacked", "0831"),
    ("The emir dismissed the cabinet on Tuesday.", "dismissed", "0831"),
    ("The president fired his defence minister.", "fired", "0831"),
    ("The prime minister reshuffled his cabinet.", "reshuffled", "0831"),
    ("The new cabinet was sworn in on Monday.", "sworn", "0831"),
    ("Parliament elected the former speaker president.", "elected", "0831"),
    ("The justice minister defected to the rebels.", "defected", "0831"),
    ("The country expelled the ambassador.", "expelled", "161"),
    ("The donors cut aid to the region.", "cut", "162"),
    # the same words without an office keep their other sense
    ("The ministry dismissed the claims as lies.", "dismissed", "120"),
    ("Rebels fired rockets at government troops.", "fired", "190"),
])
def test_office_holders_and_other_senses(parse, text, word, code):
    codes = dict((t.text, c) for t, c in code_sentence(parse(text)))
    assert codes.get(word) == code, codes


@pytest.mark.parametrize("text", [
    "The police named the suspects.",
    "Police named the victim as a local teacher.",
    "The central bank cut interest rates.",
    "The fighters have sworn to fight on.",
])
def test_no_office_no_appointment(parse, text):
    assert [(t.text, c) for t, c in code_sentence(parse(text)) if c == "0831" or c[:2] == "16"] == []


@pytest.mark.parametrize("text", [
    "The singer died in June 2009 aged 50.",
    "The singer died after suffering a cardiac arrest.",
    "All the warplanes returned safely from their missions.",
    "The single will be released on 7 February.",
    "The contingency plans released by the health ministry call for school closures.",
])
def test_natural_deaths_homecomings_and_publications_are_no_events(parse, text):
    assert [(t.text, c) for t, c in code_sentence(parse(text)) if c[:2] in ("19", "08")] == []


@pytest.mark.parametrize("text,word,root", [
    ("Five protesters died in clashes with the police.", "died", "19"),
    ("The rebels released the hostages on Friday.", "released", "08"),
    ("The army returned the seized land to the farmers.", "returned", "08"),
    ("The rebels returned to the talks.", "returned", "04"),
])
def test_violent_deaths_releases_and_returns_still_coded(parse, text, word, root):
    codes = dict((t.text, c) for t, c in code_sentence(parse(text)))
    assert codes.get(word, "")[:2] == root, codes


@pytest.mark.parametrize("text,word,code", [
    ("The envoy had spoken with the prime minister on Wednesday.", "spoken", "040"),
    ("The agency sharply rebuked the alliance on Monday for the attack.", "rebuked", "111"),
    ("Several delegations voiced concerns about the strikes.", "voiced", "012"),
    ("The family filed a lawsuit against the company.", "filed", "115"),
])
def test_round2_verbs(parse, text, word, code):
    codes = dict((t.text, c) for t, c in code_sentence(parse(text)))
    assert codes.get(word) == code, codes


def test_speaking_to_reporters_is_no_meeting(parse):
    assert [c for t, c in code_sentence(parse("He spoke to reporters on Monday.")) if c[:2] == "04"] == []


# ------------------------------------------------------------------------------ round 3 (audit_events_2 "Still short")

@pytest.mark.parametrize("text,word,code", [
    # the noun "strike": military with a target, a strike unit or aircraft; a labour strike otherwise
    ("Allied aircraft conducted strike operations against the port city on Tuesday.", "conducted", "195"),
    ("The army carried out strikes against militant positions in the valley.", "carried", "190"),
    ("Dockers began a strike on Monday.", "began", "143"),
    ("Teachers held a general strike against the pay cuts.", "held", "143"),
    # a warning that tells someone what to do is a demand; one that says what the warner will do a threat
    ("The bloc warned the council to get its act together.", "warned", "100"),
    ("The envoy warned the junta that it must release the prisoners.", "warned", "100"),
    ("The army warned that it would respond with force.", "warned", "130"),
    # support offered is support given; an offer to do something stays an intent
    ("Ruritania offered support to the new government.", "offered", "051"),
    ("Ruritania offered its backing for the plan.", "offered", "051"),
    # leaving a body or a pact is a cut in relations; leaving talks a rejection; leaving a town a retreat
    ("Ruritania withdrew from the Organisation of Island States in 1984.", "withdrew", "160"),
    ("The country withdrew from the defence pact last year.", "withdrew", "160"),
    ("The rebels withdrew from the talks on Monday.", "withdrew", "125"),
    ("Troops withdrew from the town on Monday.", "withdrew", "0874"),
    # court rulings, verdicts, interviews, plans made public
    ("The supreme court ruled on Monday that the detention was illegal.", "ruled", "116"),
    ("A jury found the doctor guilty of manslaughter.", "found", "116"),
    ("The court delivered its verdict on Monday.", "verdict", "116"),
    ("The network interviewed the president on Tuesday.", "interviewed", "040"),
    ("Police interviewed the suspect on Monday.", "interviewed", "090"),
    ("The treasury unveiled a plan to rescue the banks.", "unveiled", "010"),
    ("The minister detailed the proposal on Tuesday.", "detailed", "010"),
    ("The president outlined his strategy for the region.", "outlined", "010"),
])
def test_round3_codes(parse, text, word, code):
    codes = dict((t.text, c) for t, c in code_sentence(parse(text)))
    assert codes.get(word) == code, codes


@pytest.mark.parametrize("text,word", [
    ("The king ruled the country for thirty years.", "ruled"),   # governing is no court ruling
    ("The police found the body on Monday.", "found"),
    ("The sculptor unveiled a statue in the square.", "unveiled"),
])
def test_round3_not_events(parse, text, word):
    codes = dict((t.text, c) for t, c in code_sentence(parse(text)))
    assert word not in codes, codes


def test_storm_the_verb_is_force_the_noun_weather(parse):
    assert dict((t.text, c) for t, c in code_sentence(parse("The rebels stormed the police station.")))["stormed"] == "190"
    assert code_sentence(parse("The storm flooded the valley.")) == []
