"""`timeline eval timeline17-recall [ARTICLES GOLD_TIMELINES_DIR]`: how many journalists' timeline entries the event
table holds on their own day, against the same table dated by publication date (as GDELT dates events).

For each entry of each gold timeline (a day and its sentences), its first sentence is parsed: its main predicate is
the most salient coded predicate (timeline.coding; a non-statement before a statement, nearest the root), its
main actor the actor (timeline.actors) holding that predicate's subject, else the sentence's first actor that is not
a place. The entry is recalled when the topic's table holds an event

- ``event date``: dated at day precision on the entry's day (``date_start``),
- ``pub date``: published on the entry's day (every event dated by its article's date),

whose sentence shares the entry's main actor (an actor column equals it, or the sentence contains its canonical
name or the entry's words for it) or its predicate (the event's predicate or a word of its sentence has the
predicate's lemma). The figure per topic is the share of entries recalled, over all its timelines. The mention
tables are those cached by `timeline eval tls` (see timeline.evaluation.timeline17).
"""
from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

import pandas as pd

from timeline.evaluation import timeline17 as t17


def _lemma_sets(texts: list[str]) -> list[set[str]]:
    from timeline import nlp

    return [{t.lemma_.lower() for t in d if t.is_alpha} for d in nlp.parse_many(texts, batch_size=64)]


@lru_cache(maxsize=20000)
def _word_lemma(word: str) -> str:
    from timeline import nlp

    d = nlp.parse(word)
    return d[0].lemma_.lower() if len(d) else word.lower()


def entry_keys(sentence: str, day: str) -> dict:
    """{actor: canonical name, actor_words: as written, predicate: lemma} of a timeline entry's sentence."""
    from timeline import nlp
    from timeline.actors import find_actors
    from timeline.coding import code_predicates

    doc = nlp.parse(sentence)
    sent = next(iter(doc.sents), doc[:])
    preds = sorted(code_predicates(sent), key=lambda p: (p.code[:2] == "01", p.depth, p.token.i))
    actors = [a for a in find_actors(doc, date=day) if not a.locative]
    pred = preds[0].token if preds else None
    actor = None
    if pred is not None:
        subj = [c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")]
        for s in subj:
            span = (s.left_edge.idx, s.right_edge.idx + len(s.right_edge))
            actor = next((a for a in actors if a.start < span[1] and span[0] < a.end), None)
            if actor:
                break
    if actor is None and actors:
        actor = actors[0]
    return {"actor": actor.canonical if actor else "", "actor_words": actor.text if actor else "",
            "predicate": pred.lemma_.lower() if pred is not None else ""}


def recall(timelines: dict[str, dict], mentions: pd.DataFrame) -> dict:
    """{entries, event_date, pub_date, no_keys} over the topic's timelines."""
    m = mentions.copy()
    m["_day"] = m["date_start"].fillna("").astype(str).str[:10]
    m.loc[~m["granularity"].isin(["day", "time"]), "_day"] = ""
    m["_pub"] = m["pub_date"].fillna("").astype(str).str[:10]
    days = {d for tl in timelines.values() for d in tl}
    cand = m[m["_day"].isin(days) | m["_pub"].isin(days)].reset_index(drop=True)
    lemmas = _lemma_sets(cand["sentence"].fillna("").astype(str).tolist()) if len(cand) else []
    cand["_lemmas"] = lemmas
    cand["_plemma"] = cand["predicate"].fillna("").astype(str).map(lambda w: _word_lemma(w) if w else "")
    cand["_sent"] = cand["sentence"].fillna("").astype(str).str.casefold()

    def hit(rows: pd.DataFrame, keys: dict) -> bool:
        for a1, a2, sent, pl, ls in zip(rows["actor1"], rows["actor2"], rows["_sent"], rows["_plemma"], rows["_lemmas"]):
            a = keys["actor"]
            if a and (a in (a1, a2) or a.casefold() in sent or (keys["actor_words"] and keys["actor_words"].casefold() in sent)):
                return True
            p = keys["predicate"]
            if p and (p == pl or p in ls):
                return True
        return False

    n = ev = pub = nokeys = 0
    for tl in timelines.values():
        for day, sentences in sorted(tl.items()):
            if not sentences:
                continue
            n += 1
            keys = entry_keys(sentences[0], day)
            if not keys["actor"] and not keys["predicate"]:
                nokeys += 1
                continue
            ev += hit(cand[cand["_day"] == day], keys)
            pub += hit(cand[cand["_pub"] == day], keys)
    return {"entries": n, "event_date": ev, "pub_date": pub, "no_keys": nokeys}


def run(args) -> int:
    topics = t17.topics_from_args(args)
    cache = Path(args.cache) if args.cache else t17.default_cache_dir()
    rows = []
    for topic in topics:
        articles, mentions, _, errors = t17.topic_tables(topic, cache, args.limit_articles, args.workers,
                                                         args.refresh, args.quiet)
        timelines = {p.name: t17.read_timeline(p) for p in topic.timelines}
        r = recall(timelines, mentions)
        rows.append({"topic": topic.name, "articles": len(articles), "mentions": len(mentions), **r})
        if not args.quiet:
            print(f"{topic.name}: {r}", file=sys.stderr)
    table = pd.DataFrame(rows)
    table["event_date_recall"] = table["event_date"] / table["entries"]
    table["pub_date_recall"] = table["pub_date"] / table["entries"]
    macro = {"topic": "average (topics)", "articles": int(table["articles"].sum()), "mentions": int(table["mentions"].sum()),
             "entries": int(table["entries"].sum()), "event_date": int(table["event_date"].sum()),
             "pub_date": int(table["pub_date"].sum()), "no_keys": int(table["no_keys"].sum()),
             "event_date_recall": float(table["event_date_recall"].mean()),
             "pub_date_recall": float(table["pub_date_recall"].mean())}
    table = pd.concat([table, pd.DataFrame([macro])], ignore_index=True)
    print("Timeline recall: share of gold entries with an event on that day sharing the entry's main actor or "
          "predicate; event date (ours) vs publication date (GDELT-style)")
    print(table.to_string(index=False, formatters={"event_date_recall": "{:.3f}".format,
                                                   "pub_date_recall": "{:.3f}".format}))
    if args.limit_articles:
        print(f"(a sample: {args.limit_articles} articles per topic)")
    print("reproduce: " + t17.reproduce_command("timeline17-recall", args))
    return 0


def register(sub):
    p = sub.add_parser("timeline17-recall", help="share of journalists' timeline entries the event table holds on "
                       "their day, vs dating events by publication date", description=__doc__.split("\n\n")[0])
    t17.add_common_arguments(p)
    p.set_defaults(func=run)
