"""Merge mentions of the same real event across articles into events (GDELT's events/mentions split, dated by
the event's own date).

    from timeline.merge import merge_events, explain
    events = merge_events(mentions)        # one row per event: EVENT_COLUMNS + MERGE_COLUMNS
    explain(event_id, events, mentions)    # its mentions, with the reason they were joined

`mentions` is the event table (timeline.schema) with a `mention_id` column (`with_mention_ids` adds one). Two
mentions of different documents are the same event when all of these hold:

- date: the same day; or a day (or week) inside the other's week or month ("2017-01-19" and "2017-01"); a week
  or month equal to the other. Coarser dates (quarter, year, ...) never merge. A vague date (PAST_REF, none)
  merges only with an exact duplicate of its sentence (the same wire copy published twice).
- actors: the two {actor1, actor2} sets are compatible as unordered pairs: each actor of the smaller set matches
  a different actor of the other by canonical name or by country code, and at least one actor is named.
- code: the same CAMEO root, or the same QuadClass and a shared predicate or wording similarity >= `CROSS_ROOT`.
- wording: token Jaccard of predicate + summary (actors, code label, place) + sentence >= `threshold`
  (stopwords and one-letter tokens left out).

Pairs are joined with union-find, in the order of their sorted mention ids, never joining two groups whose
day-precise dates differ (a month mention cannot chain 3 and 9 January into one event), so the result does not
depend on the input's order. An event takes its date, actors, code and sentence from its most precise mention
(finest granularity, then earliest reported); its `event_id` is a hash of its earliest reported mention's id.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict

import pandas as pd

from timeline.schema import EVENT_COLUMNS, EVENT_SCHEMA

MERGE_SCHEMA: dict[str, tuple[str, str]] = {
    "n_mentions": ("Int64", "number of mentions (statements in articles) of the event"),
    "n_sources": ("Int64", "number of distinct sources reporting it (a mention without a source counts its document)"),
    "first_reported": ("string", "earliest publication date among its mentions, ISO (empty if none known)"),
    "doc_ids": ("string", "ids of the documents that report it, sorted, joined by |"),
    "sources": ("string", "sources that report it, sorted, joined by |"),
    "mention_ids": ("string", "ids of its mentions, sorted, joined by |"),
    "merge_reason": ("string", "why its mentions were joined, one clause per joining pair, joined by ' || '"),
}
MERGE_COLUMNS = list(MERGE_SCHEMA)
EVENTS_COLUMNS = EVENT_COLUMNS + MERGE_COLUMNS
SEP = "|"

THRESHOLD = 0.3
CROSS_ROOT = 0.5
GRAN_RANK = {"time": 0, "day": 1, "week": 2, "month": 3, "quarter": 4, "year": 5, "decade": 6, "century": 7}
MERGEABLE = {"time", "day", "week", "month"}
STOP = set("""a an the of in on at to for from by with and or but as is are was were be been has have had will would
it its this that these those their his her he she they them who which what when where there than then into over
about after before during said says say""".split())


def _str(v) -> str:
    return v if isinstance(v, str) else ("" if v is None or pd.isna(v) else str(v))


def _hash(*parts) -> str:
    return hashlib.sha1("\x1f".join(_str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def with_mention_ids(mentions: pd.DataFrame) -> pd.DataFrame:
    """`mentions` with a `mention_id`: the extractor's `event_id` (a hash of document, sentence offsets and
    predicate), made unique by a hash with its rank when a document repeats it."""
    out = mentions.copy()
    if "mention_id" in out.columns and out["mention_id"].notna().all() and out["mention_id"].is_unique:
        return out
    base = out["event_id"].map(_str) if "event_id" in out.columns else pd.Series([""] * len(out), index=out.index)
    fallback = [_hash(d, s, e, p) for d, s, e, p in zip(out["doc_id"], out["sent_start"], out["sent_end"], out["predicate"])]
    base = [b or f for b, f in zip(base, fallback)]
    seen: dict[str, int] = defaultdict(int)
    ids = []
    for b in base:
        n = seen[b]
        seen[b] += 1
        ids.append(b if n == 0 else _hash(b, n))
    out["mention_id"] = pd.Series(ids, index=out.index, dtype="string")
    return out


# ------------------------------------------------------------------------------------------------ pair tests

def _tokens(text: str) -> set[str]:
    return {t for t in re.findall(r"[a-z0-9]+", text.lower()) if t not in STOP and len(t) > 1}


def _norm_sentence(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.lower()))


class _M:
    """One mention, read once."""

    __slots__ = ("i", "mid", "doc", "gran", "start", "end", "day", "vague", "actors", "root", "quad", "pred",
                 "words", "sent", "pub", "source")

    def __init__(self, i, r):
        self.i = i
        self.mid = _str(r["mention_id"])
        self.doc = _str(r["doc_id"])
        self.gran = _str(r["granularity"])
        self.start = _str(r["date_start"])[:10]
        self.end = _str(r["date_end"])[:10]
        self.vague = self.gran not in MERGEABLE or len(self.start) < 10
        self.day = self.start if self.gran in ("time", "day") and not self.vague else ""
        if self.gran in ("time", "day") and not self.vague:
            self.end = self.start     # compare as a single day
        self.actors = []
        for k in ("actor1", "actor2"):
            name, cc = _str(r[k]).strip(), _str(r[k + "_country"]).strip()
            if name or cc:
                self.actors.append((name.casefold(), cc.upper(), name))
        code = _str(r["cameo_code"])
        self.root = code[:2]
        q = r["quad_class"]
        self.quad = None if q is None or pd.isna(q) else int(q)
        self.pred = _str(r["predicate"]).lower()
        self.words = _tokens(" ".join((self.pred, _str(r["summary"]), _str(r["sentence"]))))
        self.sent = _norm_sentence(_str(r["sentence"]))
        self.pub = _str(r["pub_date"])[:10]
        self.source = _str(r["source"]) or self.doc


def _actor_match(x, y) -> bool:
    return (x[0] and x[0] == y[0]) or (x[1] and x[1] == y[1])


def _actors_compatible(a: _M, b: _M) -> str | None:
    A, B = a.actors, b.actors
    if not A or not B:
        return None
    if len(A) > len(B):
        A, B = B, A
    if len(A) == 1:
        ok = any(_actor_match(A[0], y) for y in B)
    else:
        ok = (_actor_match(A[0], B[0]) and _actor_match(A[1], B[1])) or (_actor_match(A[0], B[1]) and _actor_match(A[1], B[0]))
    if not ok:
        return None
    return "actors " + "+".join(shown or c for _, c, shown in A)


def _date_compatible(a: _M, b: _M) -> str | None:
    if a.vague or b.vague:
        if a.sent and a.sent == b.sent:
            return "same sentence (vague date)"
        return None
    if a.day and b.day:
        return f"same day {a.day}" if a.day == b.day else None
    if a.gran == b.gran and a.start == b.start:
        return f"same {a.gran} {a.start}"
    fine, coarse = (a, b) if GRAN_RANK[a.gran] < GRAN_RANK[b.gran] else (b, a)
    if GRAN_RANK[fine.gran] == GRAN_RANK[coarse.gran]:
        return None
    inside = fine.start < coarse.end if fine.day else fine.end <= coarse.end
    if coarse.start <= fine.start and inside and coarse.end:
        return f"{fine.gran} {fine.start} inside {coarse.gran} {coarse.start}"
    return None


def _jaccard(x: set, y: set) -> float:
    return len(x & y) / len(x | y) if x or y else 0.0


def _code_compatible(a: _M, b: _M, wording: float) -> str | None:
    if a.root and a.root == b.root:
        return f"CAMEO root {a.root}"
    if a.quad is not None and a.quad == b.quad and (a.pred == b.pred or wording >= CROSS_ROOT):
        return f"QuadClass {a.quad}, CAMEO {a.root}/{b.root} with shared wording"
    return None


def pair_reason(a: _M, b: _M, threshold: float = THRESHOLD) -> str | None:
    """Why two mentions are the same event, or None."""
    if a.doc == b.doc:
        return None
    d = _date_compatible(a, b)
    if d is None:
        return None
    if d.startswith("same sentence"):
        if a.root != b.root:
            return None
        return f"{a.mid}~{b.mid}: {d}"
    act = _actors_compatible(a, b)
    if act is None:
        return None
    w = _jaccard(a.words, b.words)
    code = _code_compatible(a, b, w)
    if code is None or w < threshold:
        return None
    return f"{a.mid}~{b.mid}: {d}; {act}; {code}; wording {w:.2f}"


def _candidate_pairs(ms: list[_M]) -> set[tuple[int, int]]:
    """Pairs worth testing: sharing a month and an actor key (or, when vague, the same sentence)."""
    blocks: dict[tuple, list[_M]] = defaultdict(list)
    for m in ms:
        if m.vague:
            if m.sent:
                blocks[("s", m.sent)].append(m)
            continue
        months = {m.start[:7]}
        if m.gran == "week" and m.end:
            months.add(m.end[:7])
        keys = {("n", a[0]) for a in m.actors if a[0]} | {("c", a[1]) for a in m.actors if a[1]}
        for mo in months:
            for k in keys:
                blocks[("d", mo, k)].append(m)
        if m.sent:
            blocks[("s", m.sent)].append(m)
    pairs = set()
    for members in blocks.values():
        if len(members) < 2:
            continue
        by_day: dict[str, list[_M]] = defaultdict(list)
        coarse = []
        for m in members:
            (by_day[m.day] if m.day else coarse).append(m)
        groups = list(by_day.values())
        for g in groups:
            for x in range(len(g)):
                for y in range(x + 1, len(g)):
                    pairs.add((min(g[x].i, g[y].i), max(g[x].i, g[y].i)))
        for c in coarse:
            for m in members:
                if m.i != c.i:
                    pairs.add((min(c.i, m.i), max(c.i, m.i)))
    return pairs


# ------------------------------------------------------------------------------------------------ merge

def _order(mentions: pd.DataFrame) -> pd.DataFrame:
    return mentions.sort_values("mention_id", kind="mergesort").reset_index(drop=True)


def cluster(mentions: pd.DataFrame, threshold: float = THRESHOLD) -> tuple[pd.DataFrame, dict[int, list[str]]]:
    """(mentions sorted by mention_id with a `group` column = index of its group's root, reasons per root)."""
    df = _order(with_mention_ids(mentions))
    ms = [_M(i, r) for i, r in enumerate(df.to_dict("records"))]
    parent = list(range(len(ms)))
    days = [{m.day} if m.day else set() for m in ms]
    reasons: dict[int, list[str]] = defaultdict(list)

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in sorted(_candidate_pairs(ms)):
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        why = pair_reason(ms[i], ms[j], threshold)
        if why is None:
            continue
        if len(days[ri] | days[rj]) > 1:
            continue
        root, other = min(ri, rj), max(ri, rj)
        parent[other] = root
        days[root] |= days[other]
        reasons[root] += reasons.pop(other, []) + [why]
    df["group"] = [find(i) for i in range(len(ms))]
    return df, reasons


def merge_events(mentions: pd.DataFrame, threshold: float = THRESHOLD) -> pd.DataFrame:
    """One row per event: the schema's columns (from its most precise mention) + MERGE_COLUMNS, sorted by date."""
    if mentions is None or not len(mentions):
        return empty_merged()
    df, reasons = cluster(mentions, threshold)
    groups: dict[int, list[dict]] = defaultdict(list)
    for r in df.to_dict("records"):
        r["_rank"] = GRAN_RANK.get(_str(r["granularity"]), 9)
        r["_pub"] = _str(r["pub_date"])[:10] or "9999-99-99"
        r["mention_id"] = _str(r["mention_id"])
        groups[r["group"]].append(r)
    rows = []
    for root in sorted(groups):
        g = groups[root]
        earliest = min(g, key=lambda r: (r["_pub"], r["mention_id"]))
        rep = min(g, key=lambda r: (r["_rank"], r["_pub"], r["mention_id"]))
        row = {c: rep[c] for c in EVENT_COLUMNS}
        pubs = sorted(p for p in (_str(r["pub_date"])[:10] for r in g) if p)
        srcs = {_str(r["source"]) or _str(r["doc_id"]) for r in g}
        row.update({
            "event_id": _hash("event", earliest["mention_id"]),
            "pub_date": pubs[0] if pubs else "",
            "n_mentions": len(g),
            "n_sources": len(srcs),
            "first_reported": pubs[0] if pubs else "",
            "doc_ids": SEP.join(sorted({_str(r["doc_id"]) for r in g})),
            "sources": SEP.join(sorted({_str(r["source"]) for r in g if _str(r["source"])})),
            "mention_ids": SEP.join(sorted(r["mention_id"] for r in g)),
            "merge_reason": " || ".join(reasons.get(root, [])) or "single mention",
        })
        rows.append(row)
    out = pd.DataFrame(rows)
    out = _typed(out)
    return out.sort_values(["date_start", "event_id"], kind="mergesort", na_position="last").reset_index(drop=True)


def empty_merged() -> pd.DataFrame:
    schema = {**EVENT_SCHEMA, **MERGE_SCHEMA}
    return pd.DataFrame({c: pd.Series(dtype=t) for c, (t, _) in schema.items()})


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    schema = {**EVENT_SCHEMA, **MERGE_SCHEMA}
    for c, (t, _) in schema.items():
        if c not in df.columns:
            df[c] = pd.Series([None] * len(df), dtype=t)
        df[c] = df[c].astype(t)
    return df[EVENTS_COLUMNS]


def explain(event_id: str, events: pd.DataFrame, mentions: pd.DataFrame) -> tuple[str, pd.DataFrame]:
    """(the event's merge_reason, its mentions). KeyError if no such event."""
    hit = events[events["event_id"] == event_id]
    if not len(hit):
        raise KeyError(event_id)
    ev = hit.iloc[0]
    ids = set(_str(ev["mention_ids"]).split(SEP))
    ms = with_mention_ids(mentions)
    ms = ms[ms["mention_id"].isin(ids)].sort_values(["pub_date", "mention_id"], kind="mergesort")
    return _str(ev["merge_reason"]), ms.reset_index(drop=True)
