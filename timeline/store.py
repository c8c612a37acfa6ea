"""The store: an embedded DuckDB database of documents, mentions, merged events and key dates, growing run after run.

    from timeline.store import Store, document_results
    with Store("data/timeline.duckdb") as st:          # default: data/timeline.duckdb ($TIMELINE_DB overrides)
        st.add_documents(results)                      # one transaction per call
        st.events(); st.mentions(); st.documents(); st.key_dates(); st.account(); st.explain(event_id)

Tables:
- `documents`: one row per input document: doc_id (the mention table's doc_id: a hash of the content unless the
  input gave an id), content_hash (sha1 of the text, unique: the same article ingested twice adds nothing),
  path, url, title, source, pub_date, dct, dct_source, ingested_at (UTC), status (`processed` or `skipped`), message
  (why it was skipped).
- `mentions`: one row per extracted statement: the event table's schema (timeline.schema) + mention_id.
- `events`: the mentions merged across articles (timeline.merge): the schema + n_mentions, n_sources,
  first_reported, doc_ids, sources, mention_ids, merge_reason.
- `key_dates`: date, score, n_mentions, n_sources (timeline.keydates).
- `meta`: key/value; `events_mentions` = how many mentions the events were built from.

`add_documents(results)` writes a batch in ONE transaction: either every document of the batch and its mentions
are stored, or none (a run killed midway keeps every batch it finished, and the store stays readable). Events and
key dates are rebuilt from all mentions in the same transaction unless `rebuild=False` (then call
`rebuild_events()` once at the end of a long run; `events()` rebuilds stale events itself when it may write).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pandas as pd

from timeline.errors import TimelineError
from timeline.paths import data_path
from timeline.schema import EVENT_COLUMNS, EVENT_SCHEMA

DOCUMENT_COLUMNS = ["doc_id", "content_hash", "path", "url", "title", "source", "pub_date", "dct", "dct_source",
                    "ingested_at", "status", "message"]
_SQL_TYPES = {"string": "VARCHAR", "Int64": "BIGINT", "Float64": "DOUBLE"}


def default_path() -> Path:
    env = os.environ.get("TIMELINE_DB")
    return Path(env) if env else data_path("timeline.duckdb")


def content_hash(text: str) -> str:
    """The id of a text's content (the same hash timeline.document gives a document without an id)."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _s(v) -> str | None:
    if v is None:
        return None
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    return str(v)


def document_results(items, mentions: pd.DataFrame, errors=None) -> list[dict]:
    """Per-document results for `Store.add_documents` from what `timeline.extract_many` takes and gives:
    `items` (the dicts given to it), its mention table, and `errors` ({index: exception or message} from its
    `on_error`). An item's doc_id is its `id` (or `doc_id`), else the hash of its text, as extract_many does."""
    errors = errors or {}
    by_doc = {d: g for d, g in mentions.groupby("doc_id", sort=False)} if len(mentions) else {}
    out = []
    for i, item in enumerate(items):
        if isinstance(item, str):
            item = {"text": item}
        text = item.get("text") if isinstance(item.get("text"), str) else None
        doc_id = item.get("id") or item.get("doc_id") or (content_hash(text) if text else None)
        r = {k: item.get(k) for k in ("path", "url", "title", "source", "pub_date", "dct", "dct_source")}
        r.update({"doc_id": doc_id, "text": text})
        if i in errors:
            r.update({"status": "skipped", "message": str(errors[i])})
        else:
            r.update({"status": "processed", "mentions": by_doc.get(doc_id)})
        out.append(r)
    return out


class Store:
    """An embedded DuckDB store (see the module's doc)."""

    def __init__(self, path=None, read_only: bool = False):
        import duckdb

        self.path = Path(path) if path else default_path()
        self.read_only = read_only
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        elif not self.path.exists():
            raise TimelineError(f"no store at {self.path}")
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except Exception as exc:       # locked by another process, not a DuckDB file, ...
            raise TimelineError(f"cannot open the store {self.path}: {str(exc).splitlines()[0]}") from None
        if not read_only:
            self._create()

    # -------------------------------------------------------------------------------------------- schema

    def _create(self) -> None:
        from timeline.merge import MERGE_SCHEMA

        def cols(schema):
            return ", ".join(f'"{c}" {_SQL_TYPES[t]}' for c, (t, _) in schema.items())

        c = self.con
        c.execute("BEGIN TRANSACTION")
        c.execute("CREATE TABLE IF NOT EXISTS documents (doc_id VARCHAR PRIMARY KEY, content_hash VARCHAR, "
                  "path VARCHAR, url VARCHAR, title VARCHAR, source VARCHAR, pub_date VARCHAR, dct VARCHAR, "
                  "dct_source VARCHAR, ingested_at VARCHAR, status VARCHAR NOT NULL, message VARCHAR)")
        c.execute(f"CREATE TABLE IF NOT EXISTS mentions (mention_id VARCHAR PRIMARY KEY, {cols(EVENT_SCHEMA)})")
        c.execute(f"CREATE TABLE IF NOT EXISTS events ({cols({**EVENT_SCHEMA, **MERGE_SCHEMA})})")
        c.execute("CREATE TABLE IF NOT EXISTS key_dates (date VARCHAR, score DOUBLE, n_mentions BIGINT, n_sources BIGINT)")
        c.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        # a store made before the schema grew gets the new columns (empty)
        for table, schema in (("mentions", EVENT_SCHEMA), ("events", {**EVENT_SCHEMA, **MERGE_SCHEMA})):
            have = {r[0] for r in c.execute(f"DESCRIBE {table}").fetchall()}
            for col, (t, _) in schema.items():
                if col not in have:
                    c.execute(f'ALTER TABLE {table} ADD COLUMN "{col}" {_SQL_TYPES[t]}')
        c.execute("COMMIT")

    def close(self) -> None:
        self.con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -------------------------------------------------------------------------------------------- writing

    def add_documents(self, results, rebuild: bool = True) -> dict:
        """Store a batch of per-document results in one transaction. Each result is a dict with `doc_id` and/or
        `text`, optional `path`, `url`, `title`, `source`, `pub_date`, `dct`, `dct_source`, `status`
        (`processed` unless given; `skipped` with a `message` for a document that failed), and `mentions`
        (its rows of the event table, a DataFrame or None).

        A document whose content (or, without text, doc_id) is already stored as processed adds nothing; a
        document stored as skipped is replaced. Returns {"added": n, "duplicates": [doc_id...],
        "skipped": [(doc_id or path, message)...], "mentions": n}."""
        from timeline.merge import with_mention_ids

        now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
        docs, tables, dup, skipped = [], [], [], []
        seen_hash: set[str] = set()
        seen_id: set[str] = set()
        for r in results:
            text = r.get("text")
            doc_id = _s(r.get("doc_id")) or (content_hash(text) if isinstance(text, str) and text else None)
            if doc_id is None:
                doc_id = content_hash(f"{r.get('path') or ''}|{r.get('url') or ''}|{r.get('message') or ''}")
            chash = content_hash(text) if isinstance(text, str) and text else doc_id
            status = r.get("status") or "processed"
            if status not in ("processed", "skipped"):
                raise ValueError(f"status must be processed or skipped, not {status!r}")
            if chash in seen_hash or doc_id in seen_id:
                dup.append(doc_id)
                continue
            seen_hash.add(chash)
            seen_id.add(doc_id)
            docs.append({"doc_id": doc_id, "content_hash": chash, **{k: _s(r.get(k)) for k in
                         ("path", "url", "title", "source", "pub_date", "dct", "dct_source")},
                         "ingested_at": now, "status": status, "message": _s(r.get("message")) or ""})
            if status == "skipped":
                skipped.append((r.get("path") or doc_id, _s(r.get("message")) or ""))
            m = r.get("mentions")
            if status == "processed" and m is not None and len(m):
                m = m.copy()
                m["doc_id"] = doc_id
                tables.append(m)
        docs_df = pd.DataFrame(docs, columns=DOCUMENT_COLUMNS).astype("string")
        if tables:
            from timeline.schema import validate_events

            ment = with_mention_ids(validate_events(pd.concat(tables, ignore_index=True)))
            ment = ment[["mention_id"] + EVENT_COLUMNS]
        else:
            ment = pd.DataFrame({c: pd.Series(dtype="string") for c in ["mention_id"] + EVENT_COLUMNS})
        c = self.con
        c.execute("BEGIN TRANSACTION")
        try:
            c.register("new_docs", docs_df)
            c.register("new_mentions", ment)
            # already stored as processed (by id or content): nothing to add
            old = c.execute("SELECT n.doc_id FROM new_docs n JOIN documents d ON d.status = 'processed' "
                            "AND (d.doc_id = n.doc_id OR d.content_hash = n.content_hash)").fetchall()
            old_ids = {x[0] for x in old}
            dup += sorted(old_ids)
            # a document stored as skipped is replaced by the new attempt
            c.execute("DELETE FROM mentions WHERE doc_id IN (SELECT n.doc_id FROM new_docs n JOIN documents d "
                      "ON d.doc_id = n.doc_id OR d.content_hash = n.content_hash WHERE d.status = 'skipped' "
                      "AND n.doc_id NOT IN (SELECT doc_id FROM documents WHERE status = 'processed'))")
            c.execute("DELETE FROM documents WHERE status = 'skipped' AND (doc_id IN (SELECT doc_id FROM new_docs) "
                      "OR content_hash IN (SELECT content_hash FROM new_docs))")
            keep = docs_df[~docs_df["doc_id"].isin(old_ids)]
            c.register("keep_docs", keep)
            cols = ", ".join(f'"{x}"' for x in DOCUMENT_COLUMNS)
            c.execute(f"INSERT INTO documents ({cols}) SELECT {cols} FROM keep_docs")
            keep_processed = set(keep.loc[keep["status"] == "processed", "doc_id"])
            ment_keep = ment[ment["doc_id"].isin(keep_processed)]
            c.register("keep_mentions", ment_keep)
            mcols = ", ".join(f'"{x}"' for x in ["mention_id"] + EVENT_COLUMNS)
            c.execute(f"INSERT INTO mentions ({mcols}) SELECT {mcols} FROM keep_mentions")
            if rebuild:
                self._rebuild()
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise
        finally:
            for name in ("new_docs", "new_mentions", "keep_docs", "keep_mentions"):
                try:
                    c.unregister(name)
                except Exception:
                    pass
        added = int((keep["status"] == "processed").sum())
        return {"added": added, "duplicates": dup, "skipped": skipped, "mentions": len(ment_keep)}

    def _rebuild(self) -> None:
        """Recompute events and key dates from all mentions (inside the caller's transaction)."""
        from timeline.keydates import key_dates
        from timeline.merge import EVENTS_COLUMNS, merge_events

        mentions = self._mentions()
        events = merge_events(mentions)
        kd = key_dates(mentions)
        c = self.con
        c.execute("DELETE FROM events")
        c.execute("DELETE FROM key_dates")
        c.register("new_events", events)
        c.register("new_key_dates", kd)
        cols = ", ".join(f'"{x}"' for x in EVENTS_COLUMNS)
        c.execute(f"INSERT INTO events ({cols}) SELECT {cols} FROM new_events")
        c.execute("INSERT INTO key_dates SELECT date, score, n_mentions, n_sources FROM new_key_dates")
        c.unregister("new_events")
        c.unregister("new_key_dates")
        c.execute("INSERT OR REPLACE INTO meta VALUES ('events_mentions', ?)", [str(len(mentions))])

    def rebuild_events(self) -> int:
        """Re-run the merge over all mentions (deterministic); returns the number of events."""
        c = self.con
        c.execute("BEGIN TRANSACTION")
        try:
            self._rebuild()
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise
        return c.execute("SELECT count(*) FROM events").fetchone()[0]

    # -------------------------------------------------------------------------------------------- reading

    def _df(self, sql: str, params=None) -> pd.DataFrame:
        return self.con.execute(sql, params or []).df()

    def _mentions(self) -> pd.DataFrame:
        from timeline.schema import validate_events

        df = self._df("SELECT * FROM mentions ORDER BY mention_id")
        df = validate_events(df)
        df["mention_id"] = df["mention_id"].astype("string")
        return df

    def events_stale(self) -> bool:
        n = self.con.execute("SELECT count(*) FROM mentions").fetchone()[0]
        row = self.con.execute("SELECT value FROM meta WHERE key = 'events_mentions'").fetchone()
        return (row[0] if row else "0") != str(n)

    def mentions(self) -> pd.DataFrame:
        """Every stored mention: the event table's schema + mention_id (last), by document and offset."""
        df = self._mentions()
        return df.sort_values(["doc_id", "sent_start", "mention_id"], kind="mergesort").reset_index(drop=True)

    def events(self) -> pd.DataFrame:
        """The merged events, by date (rebuilt first when mentions were added since the last merge; merged in memory
        when the store is open read-only)."""
        from timeline.merge import _typed, merge_events

        if self.events_stale():
            if self.read_only:
                return merge_events(self._mentions())
            self.rebuild_events()
        df = self._df("SELECT * FROM events")
        df = _typed(df)
        return df.sort_values(["date_start", "event_id"], kind="mergesort", na_position="last").reset_index(drop=True)

    def key_dates(self, k: int | None = None) -> pd.DataFrame:
        """Days ranked by timeline.keydates over all mentions: DataFrame(date, score, n_mentions, n_sources)."""
        if self.events_stale():
            if self.read_only:
                from timeline.keydates import key_dates

                return key_dates(self._mentions(), k=k)
            self.rebuild_events()
        df = self._df("SELECT * FROM key_dates ORDER BY score DESC, n_sources DESC, date")
        return df.head(k).reset_index(drop=True) if k else df

    def documents(self) -> pd.DataFrame:
        return self._df("SELECT * FROM documents ORDER BY ingested_at, doc_id").astype("string")

    def account(self) -> pd.DataFrame:
        """Documents by status and reason: DataFrame(status, message, n)."""
        return self._df("SELECT status, coalesce(message, '') AS message, count(*) AS n FROM documents "
                        "GROUP BY ALL ORDER BY status, n DESC, message")

    def explain(self, event_id: str) -> tuple[str, pd.DataFrame]:
        """(why the event's mentions were joined, its mentions). KeyError if no such event."""
        from timeline.merge import explain

        return explain(event_id, self.events(), self.mentions())

    def counts(self) -> dict:
        q = lambda t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        return {"documents": q("documents"), "mentions": q("mentions"), "events": q("events")}
