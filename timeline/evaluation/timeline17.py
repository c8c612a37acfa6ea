"""Timeline17 as the evaluations read it: topics, articles, journalists' timelines, and cached mention tables.

Layout (../shared/corpora/timeline17, read by path, never copied):

- ``articles/TOPIC_articles_with_pubdate.csv``: ``date,text``; ``date`` is the publication date, the text is
  PTB-tokenised (``-LRB-`` is "(", `` `` `` and ``''`` are quotes, "U.S. President Obama , ...").
- ``gold-timelines/tl17-TOPIC/*.txt``: tilse format: a ``YYYY-MM-DD`` line, the entry's sentences, a line of dashes.

Running the pipeline over a topic is slow (spaCy at ~10 ms a sentence), so its mention table (our event table,
one row per extracted statement) and the dateparser baseline's dates are cached per group of articles under a
cache directory (default ``~/.cache/timeline/timeline17``, or ``$TIMELINE_CACHE``). A group's cache is keyed by
the CSV's content and the group's article numbers; it is not invalidated when the pipeline's code changes:
give ``--refresh`` to recompute (the cache records the code version it was made with, and a stale one is reported).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from timeline.errors import TimelineError
from timeline.paths import PROJECT_ROOT

DEFAULT_ROOT = PROJECT_ROOT.parent / "shared" / "corpora" / "timeline17"
GROUP = 20          # articles per cached group
NOT_PIPELINE = {"store.py", "merge.py", "keydates.py", "timeline.duckdb"}   # downstream of the mention table
DATE_LINE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

_PTB = [("-LRB-", "("), ("-RRB-", ")"), ("-LSB-", "["), ("-RSB-", "]"), ("-LCB-", "{"), ("-RCB-", "}"), ("\\/", "/")]


def default_cache_dir() -> Path:
    env = os.environ.get("TIMELINE_CACHE")
    base = Path(env) if env else Path.home() / ".cache" / "timeline"
    return base / "timeline17"


def detokenise(text: str) -> str:
    """Undo the corpus's PTB tokenisation enough for the parser and the tagger ("Mar 15 , 2011" -> "Mar 15, 2011").
    Quotes (`` and '') are left as they are: the event reader knows them."""
    for a, b in _PTB:
        text = text.replace(a, b)
    text = re.sub(r"[ \t]+([,.;:!?%])(?=\s|$)", r"\1", text, flags=re.M)
    text = re.sub(r"[ \t]+('s|'re|'ve|'ll|'d|'m|n't)\b", r"\1", text, flags=re.I)
    text = re.sub(r"\([ \t]+", "(", text)
    text = re.sub(r"[ \t]+\)", ")", text)
    text = re.sub(r"\$[ \t]+(?=\d)", "$", text)
    return text


# ------------------------------------------------------------------------------------------------ reading

@dataclass
class Topic:
    name: str
    articles: Path          # the topic's CSV
    timelines: list[Path]   # its gold timelines


def find_topics(articles: Path, gold_dir: Path, only: list[str] | None = None) -> list[Topic]:
    """Topics with both an articles CSV (``TOPIC_*.csv`` or ``TOPIC.csv``) and gold timelines (``tl17-TOPIC/`` or ``TOPIC/``)."""
    articles, gold_dir = Path(articles), Path(gold_dir)
    if not articles.exists():
        raise TimelineError(f"no such file or folder: {articles}")
    if not gold_dir.is_dir():
        raise TimelineError(f"not a folder of gold timelines: {gold_dir}")
    csvs = [articles] if articles.is_file() else sorted(articles.glob("*.csv"))
    gold = {}
    for d in sorted(p for p in gold_dir.iterdir() if p.is_dir()):
        name = d.name.split("-", 1)[1] if d.name.startswith("tl17-") else d.name
        gold[name] = sorted(p for p in d.iterdir() if p.is_file() and not p.name.startswith("."))
    topics = []
    for c in csvs:
        name = c.stem.split("_")[0]
        if name in gold and (not only or name in only):
            topics.append(Topic(name, c, gold[name]))
    if only:
        missing = sorted(set(only) - {t.name for t in topics})
        if missing:
            raise TimelineError("no articles CSV and gold timelines for topic(s): " + ", ".join(missing))
    if not topics:
        raise TimelineError(f"no topic has both an articles CSV in {articles} and gold timelines in {gold_dir}")
    return topics


def read_articles(csv_path: Path, limit: int | None = None) -> list[dict]:
    """[{id, text, pub_date}] of a topic's CSV, detokenised. `limit`: that many articles spread evenly over the
    file (the same ones every run)."""
    import pandas as pd

    topic = Path(csv_path).stem.split("_")[0]
    df = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    if "date" not in df.columns or "text" not in df.columns:
        raise TimelineError(f"{csv_path}: expected columns date,text")
    rows = list(enumerate(zip(df["date"], df["text"])))
    if limit is not None and 0 < limit < len(rows):
        step = len(rows) / limit
        rows = [rows[int(i * step)] for i in range(limit)]
    return [{"id": f"{topic}-{i:05d}", "text": detokenise(t), "pub_date": d.strip()[:10]} for i, (d, t) in rows]


def read_timeline(path: Path) -> dict[str, list[str]]:
    """{YYYY-MM-DD: [sentences]} of a tilse-format timeline (entries of the same date are joined)."""
    out: dict[str, list[str]] = {}
    date = None
    for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        s = line.strip()
        if DATE_LINE.match(s):
            date = s
            out.setdefault(date, [])
        elif s.startswith("-----"):
            date = None
        elif s and date:
            out[date].append(detokenise(s))
    return out


# ------------------------------------------------------------------------------------------------ cache

def _code_version() -> str:
    """A hash of the pipeline's code and data, recorded with each cache entry."""
    h = hashlib.sha1()
    for p in sorted((PROJECT_ROOT / "timeline").rglob("*.py")) + sorted((PROJECT_ROOT / "data").rglob("*")):
        if p.is_file() and not {"evaluation", "commands"} & set(p.parts) and p.name not in NOT_PIPELINE:
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:12]


def _file_hash(path: Path) -> str:
    return hashlib.sha1(Path(path).read_bytes()).hexdigest()[:12]


def _process_group(items: list[dict]) -> dict:
    """Our mention table and dateparser's dates for a group of articles (runs in a worker process)."""
    import pandas as pd

    import timeline
    from dateparser.search import search_dates

    errors = []
    mentions = timeline.extract_many([{"text": it["text"], "pub_date": it["pub_date"], "id": it["id"]} for it in items],
                                     on_error=lambda i, exc: errors.append([items[i]["id"], str(exc)[:200]]))
    dp = []
    for it in items:
        base = dt.datetime.fromisoformat(it["pub_date"])
        try:
            found = search_dates(it["text"], languages=["en"], settings={"RELATIVE_BASE": base}) or []
        except Exception:            # dateparser's own failures count as no dates
            found = []
        dp += [[it["id"], d.date().isoformat()] for _, d in found]
    return {"mentions": mentions if isinstance(mentions, pd.DataFrame) else pd.DataFrame(), "errors": errors, "dateparser": dp}


def topic_tables(topic: Topic, cache_dir: Path, limit: int | None = None, workers: int = 1, refresh: bool = False,
                 quiet: bool = False):
    """(articles, mentions DataFrame, dateparser DataFrame[doc_id, date], errors) for a topic, from the cache when
    possible. Groups of articles are computed (in `workers` processes) and cached one by one, so an interrupted run
    resumes where it stopped."""
    import pandas as pd

    articles = read_articles(topic.articles, limit)
    tdir = Path(cache_dir) / f"{topic.name}-{_file_hash(topic.articles)}"
    tdir.mkdir(parents=True, exist_ok=True)
    version = _code_version()
    groups = [articles[i:i + GROUP] for i in range(0, len(articles), GROUP)]

    def key(g):
        return hashlib.sha1(",".join(a["id"] for a in g).encode()).hexdigest()[:12]

    todo = [g for g in groups if refresh or not (tdir / f"{key(g)}.json").exists()]
    stale = sum(1 for g in groups if g not in todo and json.loads((tdir / f"{key(g)}.json").read_text()).get("version") != version)
    if stale and not quiet:
        print(f"{topic.name}: {stale} cached group(s) made by another version of the pipeline (--refresh recomputes)",
              file=sys.stderr)

    def save(g, res):
        k = key(g)
        res["mentions"].to_parquet(tdir / f"{k}.parquet", index=False)
        meta = {"version": version, "ids": [a["id"] for a in g], "errors": res["errors"], "dateparser": res["dateparser"]}
        tmp = tdir / f"{k}.json.tmp"
        tmp.write_text(json.dumps(meta))
        tmp.replace(tdir / f"{k}.json")          # the .json marks a complete group

    t0 = time.perf_counter()
    if todo:
        if not quiet:
            print(f"{topic.name}: extracting {sum(len(g) for g in todo)} article(s) in {len(todo)} group(s) "
                  f"with {workers} worker(s) ...", file=sys.stderr)
        if workers <= 1:
            for n, g in enumerate(todo, 1):
                save(g, _process_group(g))
                if not quiet:
                    print(f"  {topic.name}: group {n}/{len(todo)} ({time.perf_counter() - t0:.0f}s)", file=sys.stderr)
        else:
            from concurrent.futures import ProcessPoolExecutor

            with ProcessPoolExecutor(max_workers=workers) as ex:
                for n, (g, res) in enumerate(zip(todo, ex.map(_process_group, todo)), 1):
                    save(g, res)
                    if not quiet:
                        print(f"  {topic.name}: group {n}/{len(todo)} ({time.perf_counter() - t0:.0f}s)", file=sys.stderr)
    tables, dp, errors = [], [], []
    for g in groups:
        k = key(g)
        meta = json.loads((tdir / f"{k}.json").read_text())
        t = pd.read_parquet(tdir / f"{k}.parquet")
        if len(t):
            tables.append(t)
        dp += meta["dateparser"]
        errors += meta["errors"]
    from timeline.schema import empty_events, validate_events

    mentions = validate_events(conform(pd.concat(tables, ignore_index=True))) if tables else empty_events()
    return articles, mentions, pd.DataFrame(dp, columns=["doc_id", "date"]), errors


def conform(df):
    """`df` with the event schema's columns that it lacks (a table cached before the schema grew) as empty."""
    from timeline.schema import EVENT_SCHEMA

    import pandas as pd

    for c, (t, _) in EVENT_SCHEMA.items():
        if c not in df.columns:
            df[c] = pd.Series([None] * len(df), index=df.index, dtype=t)
    return df


def add_common_arguments(p) -> None:
    p.add_argument("articles", nargs="?", help="folder of TOPIC_*.csv article files, or one CSV "
                   "(default: ../shared/corpora/timeline17/articles)")
    p.add_argument("gold", nargs="?", help="folder of gold timelines, one sub-folder per topic "
                   "(default: ../shared/corpora/timeline17/gold-timelines)")
    p.add_argument("--topics", help="comma-separated topics to run (default: every topic found)")
    p.add_argument("--limit-articles", type=int, metavar="N", help="use N articles per topic, spread evenly over its CSV")
    p.add_argument("--workers", type=int, default=1, metavar="N", help="processes extracting events (default 1)")
    p.add_argument("--cache", metavar="DIR", help="where mention tables are cached (default ~/.cache/timeline/timeline17)")
    p.add_argument("--refresh", action="store_true", help="recompute cached mention tables")
    p.add_argument("--quiet", action="store_true", help="no progress messages")


def topics_from_args(args) -> list[Topic]:
    articles = Path(args.articles) if args.articles else DEFAULT_ROOT / "articles"
    gold = Path(args.gold) if args.gold else DEFAULT_ROOT / "gold-timelines"
    only = [t.strip() for t in args.topics.split(",") if t.strip()] if args.topics else None
    if args.limit_articles is not None and args.limit_articles < 1:
        raise TimelineError("--limit-articles must be at least 1")
    if args.workers < 1:
        raise TimelineError("--workers must be at least 1")
    return find_topics(articles, gold, only)


def reproduce_command(name: str, args) -> str:
    cmd = ["python -m timeline eval", name]
    if args.articles:
        cmd.append(args.articles)
    if args.gold:
        cmd.append(args.gold)
    if args.topics:
        cmd.append(f"--topics {args.topics}")
    if args.limit_articles:
        cmd.append(f"--limit-articles {args.limit_articles}")
    return " ".join(cmd)
