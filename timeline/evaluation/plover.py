"""`timeline eval plover [PATH]`: how often the sentence coder finds the CAMEO root of PLOVER's coded examples.

PATH (default ../shared/ontologies/PLOVER_GSR_CAMEO.json) is the OEDA "gold standard record" file: a JSON list of
example sentences, each with a PLOVER 0.5 event type (AGREE, CONSULT, ..., FIGHT, ASSAULT); an entry whose event
is DOCUMENT is documentation and is skipped. The file has no CAMEO field, so the gold CAMEO root is taken
(1) from the CAMEO codebook when the sentence is one of its examples (cameo-codes_andybega-icews.csv next to
PATH, matched on the normalised text), else (2) from the PLOVER type, whose draft-0.5 types follow CAMEO's roots
(AGREE 03, CONSULT 04, SUPPORT 05, COOPERATE 06, AID 07, CONCEDE/RETREAT 08, INVESTIGATE 09, DEMAND 10,
DISAPPROVE 11, REJECT 12, THREATEN 13, PROTEST 14, MOBILIZE 15, SANCTION 16, COERCE 17, ASSAULT 18,
FIGHT 19 or 20).

Figures: `primary` - the coder's most salient predicate has the gold root (the headline figure);
`any` - one of its predicates has it; `uncoded` - no predicate coded. `--errors FILE` writes the misses (TSV).
"""
from __future__ import annotations

import collections
import csv
import json
import re
import sys
import time
from pathlib import Path

from timeline.errors import TimelineError
from timeline.paths import PROJECT_ROOT

DEFAULT_PATH = PROJECT_ROOT.parent / "shared" / "ontologies" / "PLOVER_GSR_CAMEO.json"
CAMEO_CSV = "cameo-codes_andybega-icews.csv"

TYPE_ROOTS = {
    "AGREE": {"03"}, "CONSULT": {"04"}, "SUPPORT": {"05"}, "COOPERATE": {"06"}, "AID": {"07"},
    "CONCEDE": {"08"}, "RETREAT": {"08"}, "INVESTIGATE": {"09"}, "DEMAND": {"10"}, "DISAPPROVE": {"11"},
    "REJECT": {"12"}, "THREATEN": {"13"}, "PROTEST": {"14"}, "MOBILIZE": {"15"}, "SANCTION": {"16"},
    "COERCE": {"17"}, "ASSAULT": {"18"}, "FIGHT": {"19", "20"},
    # PLOVER 2021 names, should a newer file use them
    "REQUEST": {"10"}, "ACCUSE": {"11"},
}


def _norm(s: str) -> str:
    return re.sub(r"\W+", "", s.lower())[:60]


def load_gold(path: Path) -> list[dict]:
    """[{id, text, event, roots (set), gold_from}] for the coded sentences of the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TimelineError(f"no such file: {path}") from None
    except (OSError, ValueError) as exc:
        raise TimelineError(f"cannot read {path}: {exc}") from None
    if not isinstance(data, list):
        raise TimelineError(f"{path}: expected a JSON list of records")
    examples: dict[str, set[str]] = {}
    cameo_csv = path.parent / CAMEO_CSV
    if cameo_csv.exists():
        with cameo_csv.open(encoding="utf-8", errors="replace", newline="") as f:
            for r in csv.DictReader(f):
                ex = (r.get("example") or "").strip()
                if ex and ex != "NA" and re.fullmatch(r"\d{2,4}", r.get("code", "")):
                    examples.setdefault(_norm(ex), set()).add(r["code"][:2])
    out = []
    for rec in data:
        ev = rec.get("event", "")
        if ev == "DOCUMENT" or not rec.get("text"):
            continue
        roots = examples.get(_norm(rec["text"]))
        gold_from = "cameo_example"
        if not roots:
            roots, gold_from = TYPE_ROOTS.get(ev, set()), "plover_type"
        if not roots:
            continue
        out.append({"id": rec.get("id", ""), "text": rec["text"], "event": ev, "roots": roots, "gold_from": gold_from})
    return out


def evaluate(gold: list[dict], batch_size: int = 64) -> dict:
    from timeline import nlp
    from timeline.coding import code_predicates

    t0 = time.perf_counter()
    rows = []
    for g, doc in zip(gold, nlp.parse_many((g["text"] for g in gold), batch_size=batch_size)):
        preds = []
        for sent in doc.sents:
            preds += code_predicates(sent)
        # the most salient predicate of the document's sentences: non-statements first, nearest the root
        preds.sort(key=lambda p: (p.code[:2] == "01", p.depth, p.token.i))
        codes = [p.code for p in preds]
        rows.append({**g, "codes": codes, "predicates": [p.token.text for p in preds],
                     "primary": bool(codes) and codes[0][:2] in g["roots"],
                     "any": any(c[:2] in g["roots"] for c in codes)})
    per_type = collections.defaultdict(lambda: [0, 0])
    for r in rows:
        per_type[r["event"]][0] += r["primary"]
        per_type[r["event"]][1] += 1
    n = len(rows)
    return {
        "n": n,
        "primary": sum(r["primary"] for r in rows),
        "any": sum(r["any"] for r in rows),
        "uncoded": sum(not r["codes"] for r in rows),
        "from_examples": sum(r["gold_from"] == "cameo_example" for r in rows),
        "per_type": dict(per_type),
        "rows": rows,
        "seconds": time.perf_counter() - t0,
    }


def run(args) -> int:
    path = Path(args.path) if args.path else DEFAULT_PATH
    if not path.exists():
        raise TimelineError(f"no such file: {path} (give the path to PLOVER_GSR_CAMEO.json)")
    gold = load_gold(path)
    if not gold:
        raise TimelineError(f"{path}: no coded sentences found")
    res = evaluate(gold)
    n = res["n"]
    pct = lambda k: f"{res[k]}/{n} = {100 * res[k] / n:.1f}%"
    print(f"PLOVER/CAMEO sentences: {n} (gold root from the CAMEO codebook example for {res['from_examples']}, "
          f"from the PLOVER type for the rest)")
    print(f"CAMEO root matched, most salient predicate: {pct('primary')}")
    print(f"CAMEO root matched, any predicate:          {pct('any')}")
    print(f"no predicate coded:                         {pct('uncoded')}")
    print("per PLOVER type (primary):")
    for ev, (ok, tot) in sorted(res["per_type"].items()):
        print(f"  {ev:<12} {ok:>3}/{tot:<3} {100 * ok / tot:5.1f}%")
    print(f"({res['seconds']:.1f}s)")
    if args.errors:
        with open(args.errors, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter="\t", lineterminator="\n")
            w.writerow(["id", "event", "gold_roots", "gold_from", "codes", "predicates", "text"])
            for r in res["rows"]:
                if not r["primary"]:
                    w.writerow([r["id"], r["event"], "|".join(sorted(r["roots"])), r["gold_from"],
                                "|".join(r["codes"]), "|".join(r["predicates"]), r["text"]])
        print(f"misses written to {args.errors}", file=sys.stderr)
    cmd = "python -m timeline eval plover" + (f" {args.path}" if args.path else "")
    print(f"reproduce: {cmd}")
    return 0


def register(sub):
    p = sub.add_parser("plover", help="share of PLOVER's coded example sentences whose CAMEO root the coder matches",
                       description=__doc__.split("\n\n")[0])
    p.add_argument("path", nargs="?", help="PLOVER_GSR_CAMEO.json (default: ../shared/ontologies/PLOVER_GSR_CAMEO.json)")
    p.add_argument("--errors", metavar="FILE", help="write the sentences whose root was missed (TSV)")
    p.set_defaults(func=run)
