"""`timeline eval tempeval GOLD_DIR [SYSTEM_DIR]`: score TIMEX3 as TempEval-3 Task A does.

Measures (UzZaman et al. 2013, the TE3 evaluation toolkit):
- strict extent: a system TIMEX3 with exactly the gold extent;
- relaxed extent: extents overlap. Each gold and each system TIMEX3 is matched at most once:
  exact matches first, then a maximum one-to-one matching among overlapping ones (larger
  overlaps tried first). Counting instead every system TIMEX3 that overlaps any gold one (and
  vice versa), as some scorers do, gives a slightly higher relaxed figure when one gold
  expression is split in two by the system;
- type / value: among the relaxed matches, the attribute is right. Precision is over the system
  count, recall over the gold count (TE3's attribute P/R), F1 their harmonic mean.
Extents are compared as character offsets into TEXT's raw text. Values are compared as strings
(surrounding spaces ignored).

Gold and system files are paired by relative path, else by file name; a gold file without a
system file counts as no output. Without SYSTEM_DIR the gold files' raw text is tagged first,
in memory, through the same code as `timeline timeml` (annotate, write the TimeML, read it back).

`--errors FILE` writes a TSV, one row per mismatch, columns:
kind doc gold_start gold_end gold_text gold_type gold_value sys_start sys_end sys_text sys_type
sys_value sys_rule sys_anchor context
kind is one of missed, spurious, extent, type, value (a pair wrong in extent and value gives an
`extent` row and a `value` row). In `context` the gold extent is in [ ] and the system's in { }.
"""
from __future__ import annotations

import difflib
import json
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from timeline.errors import TimelineError
from timeline.timeml import TimeMLDoc, TimeMLError, annotate, parse_tml, read_tml, select_writable, write_tml

ERROR_COLUMNS = ["kind", "doc", "gold_start", "gold_end", "gold_text", "gold_type", "gold_value",
                 "sys_start", "sys_end", "sys_text", "sys_type", "sys_value", "sys_rule", "sys_anchor", "context"]
ERROR_KINDS = ("missed", "spurious", "extent", "type", "value")


@dataclass
class Span:
    start: int
    end: int
    text: str = ""
    type: str = ""
    value: str = ""
    rule: str = ""
    anchor: str = ""


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type: int = 0
    value: int = 0

    def add(self, other: "Counts") -> None:
        for k in ("gold", "system", "strict", "relaxed", "type", "value"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def prf(self, key: str) -> tuple[float, float, float]:
        """Precision (over system), recall (over gold), F1 of the matches counted under `key`."""
        hit = getattr(self, key)
        p = hit / self.system if self.system else 0.0
        r = hit / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def as_dict(self) -> dict:
        out = {"counts": {k: getattr(self, k) for k in ("gold", "system", "strict", "relaxed", "type", "value")}}
        for key in ("strict", "relaxed", "type", "value"):
            p, r, f = self.prf(key)
            out[key] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
        out["value_accuracy_among_relaxed"] = round(self.value / self.relaxed, 4) if self.relaxed else 0.0
        return out


@dataclass
class DocResult:
    name: str                 # relative path of the gold file
    text: str
    gold: list[Span]
    system: list[Span]
    pairs: list[tuple[int, int]]   # (gold index, system index), relaxed matches (strict ones included)
    counts: Counts
    note: str = ""            # "no system file", "tagging failed: ...", "system text differs: offsets aligned"
    missed: list[int] = field(default_factory=list)
    spurious: list[int] = field(default_factory=list)


# --------------------------------------------------------------------------- matching

def _overlap(a: Span, b: Span) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match(gold: Sequence[Span], system: Sequence[Span]) -> list[tuple[int, int]]:
    """One-to-one relaxed matching: exact extents first, then maximum matching among overlaps."""
    pairs: list[tuple[int, int]] = []
    by_extent: dict[tuple[int, int], list[int]] = {}
    for gi, g in enumerate(gold):
        by_extent.setdefault((g.start, g.end), []).append(gi)
    gold_used, sys_used = set(), set()
    for si, s in enumerate(system):
        free = by_extent.get((s.start, s.end))
        if free:
            gi = free.pop(0)
            pairs.append((gi, si))
            gold_used.add(gi)
            sys_used.add(si)

    rest_sys = [si for si in range(len(system)) if si not in sys_used]
    candidates: dict[int, list[int]] = {}
    for gi, g in enumerate(gold):
        if gi in gold_used:
            continue
        cands = [si for si in rest_sys if _overlap(g, system[si]) > 0]
        if cands:
            cands.sort(key=lambda si: (-_overlap(g, system[si]), abs(system[si].start - g.start), si))
            candidates[gi] = cands

    owner: dict[int, int] = {}   # system index -> gold index (Kuhn's augmenting paths)

    def augment(gi: int, seen: set) -> bool:
        for si in candidates.get(gi, ()):
            if si in seen:
                continue
            seen.add(si)
            if si not in owner or augment(owner[si], seen):
                owner[si] = gi
                return True
        return False

    for gi in sorted(candidates):
        augment(gi, set())
    pairs.extend((gi, si) for si, gi in owner.items())
    pairs.sort()
    return pairs


def _same(a: str, b: str) -> bool:
    return (a or "").strip() == (b or "").strip()


def score_doc(name: str, text: str, gold: Sequence[Span], system: Sequence[Span], note: str = "") -> DocResult:
    pairs = match(gold, system)
    c = Counts(gold=len(gold), system=len(system))
    for gi, si in pairs:
        g, s = gold[gi], system[si]
        c.relaxed += 1
        c.strict += (g.start, g.end) == (s.start, s.end)
        c.type += _same(g.type, s.type)
        c.value += _same(g.value, s.value)
    matched_g = {gi for gi, _ in pairs}
    matched_s = {si for _, si in pairs}
    return DocResult(name=name, text=text, gold=list(gold), system=list(system), pairs=pairs, counts=c, note=note,
                     missed=[i for i in range(len(gold)) if i not in matched_g],
                     spurious=[i for i in range(len(system)) if i not in matched_s])


# --------------------------------------------------------------------------- reading gold and system

def _spans(doc: TimeMLDoc, provenance: dict | None = None) -> list[Span]:
    """Spans of a document's TIMEX3; `provenance` maps (start, end) to the tagger's (rule, anchor)."""
    provenance = provenance or {}
    out = []
    for t in doc.timexes:
        rule, anchor = provenance.get((t.start, t.end), (t.rule, t.attrs.get("anchor", "")))
        out.append(Span(t.start, t.end, t.text, t.type, t.value, rule, anchor))
    return out


def _offset_mapper(src: str, dst: str):
    """Map character offsets of `src` onto `dst` (same text up to small differences, e.g. whitespace)."""
    blocks = difflib.SequenceMatcher(None, src, dst, autojunk=False).get_matching_blocks()

    def at(pos: int) -> int:
        for a, b, size in blocks:
            if pos < a + size:
                return b + max(0, pos - a)
        return len(dst)

    return lambda start, end: (at(start), max(at(start) + 1, at(end - 1) + 1) if end > start else at(start))


def find_tml(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*.tml") if p.is_file())


def _rel(path: Path, root: Path) -> str:
    return path.name if root.is_file() else path.relative_to(root).as_posix()


def load_gold(gold_root: Path, errors: list[str]) -> list[tuple[str, TimeMLDoc]]:
    out = []
    for path in find_tml(gold_root):
        try:
            out.append((_rel(path, gold_root), read_tml(path)))
        except TimeMLError as exc:
            errors.append(f"{path}: {exc}")
    return out


def score_against_dir(gold_docs, system_root: Path, errors: list[str]) -> list[DocResult]:
    by_rel, by_name = {}, {}
    for p in find_tml(system_root):
        by_rel[_rel(p, system_root)] = p
        by_name.setdefault(p.name, []).append(p)
    results = []
    for rel, gdoc in gold_docs:
        spath = by_rel.get(rel) or (by_name[Path(rel).name][0] if len(by_name.get(Path(rel).name, [])) == 1 else None)
        gold = _spans(gdoc)
        if spath is None:
            results.append(score_doc(rel, gdoc.text, gold, [], "no system file"))
            continue
        try:
            sdoc = read_tml(spath)
        except TimeMLError as exc:
            errors.append(f"{spath}: {exc}")
            results.append(score_doc(rel, gdoc.text, gold, [], f"system file unreadable: {exc}"))
            continue
        results.append(_score_pair(rel, gdoc, sdoc))
    return results


def _score_pair(rel: str, gdoc: TimeMLDoc, sdoc: TimeMLDoc, rules: dict | None = None) -> DocResult:
    system = _spans(sdoc, rules)
    note = ""
    if sdoc.text != gdoc.text:
        mapper = _offset_mapper(sdoc.text, gdoc.text)
        for s in system:
            s.start, s.end = mapper(s.start, s.end)
        note = "system text differs from gold: offsets aligned"
    return score_doc(rel, gdoc.text, _spans(gdoc), system, note)


def score_self(gold_docs, errors: list[str]) -> list[DocResult]:
    """Tag the gold files' raw text with our tagger (the `timeml` command's code path), then score."""
    rel_of = {id(d): rel for rel, d in gold_docs}
    results = []
    for gdoc, timexes, error in annotate([d for _, d in gold_docs]):
        rel = rel_of[id(gdoc)]
        if error:
            errors.append(f"{rel}: tagging failed: {error}")
            results.append(score_doc(rel, gdoc.text, _spans(gdoc), [], f"tagging failed: {error}"))
            continue
        kept, _ = select_writable(timexes, len(gdoc.text))
        rules = {(t.start, t.end): (getattr(t, "rule", "") or "", getattr(t, "anchor", "") or "") for t in kept}
        sdoc = parse_tml(write_tml(gdoc, kept), name=gdoc.name)
        results.append(_score_pair(rel, gdoc, sdoc, rules))
    return results


# --------------------------------------------------------------------------- reports

def total(results: Sequence[DocResult]) -> Counts:
    c = Counts()
    for r in results:
        c.add(r.counts)
    return c


def _clean(s) -> str:
    return str(s).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def context(text: str, g: Span | None, s: Span | None, width: int = 50) -> str:
    spans = [x for x in (g, s) if x is not None]
    lo = max(0, min(x.start for x in spans) - width)
    hi = min(len(text), max(x.end for x in spans) + width)
    # Sorted so that the marks nest: at one position closings come first, the inner span closing first.
    marks = []
    if g is not None:
        marks += [(g.start, 1, -g.end, 0, "["), (g.end, 0, -g.start, 1, "]")]
    if s is not None:
        marks += [(s.start, 1, -s.end, 1, "{"), (s.end, 0, -s.start, 0, "}")]
    out, pos = [], lo
    for p, *_, m in sorted(marks):
        out.append(text[pos:p])
        out.append(m)
        pos = p
    out.append(text[pos:hi])
    snippet = " ".join(_clean("".join(out)).split())
    return ("..." if lo > 0 else "") + snippet + ("..." if hi < len(text) else "")


def error_rows(results: Sequence[DocResult]) -> list[list]:
    rows = []
    for r in results:
        items = []
        for gi in r.missed:
            items.append(("missed", r.gold[gi], None))
        for si in r.spurious:
            items.append(("spurious", None, r.system[si]))
        for gi, si in r.pairs:
            g, s = r.gold[gi], r.system[si]
            if (g.start, g.end) != (s.start, s.end):
                items.append(("extent", g, s))
            if not _same(g.type, s.type):
                items.append(("type", g, s))
            if not _same(g.value, s.value):
                items.append(("value", g, s))
        items.sort(key=lambda it: ((it[1] or it[2]).start, ERROR_KINDS.index(it[0])))
        for kind, g, s in items:
            rows.append([kind, r.name,
                         g.start if g else "", g.end if g else "", _clean(g.text) if g else "",
                         g.type if g else "", g.value if g else "",
                         s.start if s else "", s.end if s else "", _clean(s.text) if s else "",
                         s.type if s else "", s.value if s else "", _clean(s.rule) if s else "",
                         _clean(s.anchor) if s else "",
                         context(r.text, g, s)])
    return rows


def write_errors(path: Path, results: Sequence[DocResult]) -> dict:
    """Write the mismatch TSV; return the number of rows of each kind."""
    rows = error_rows(results)
    try:
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write("\t".join(ERROR_COLUMNS) + "\n")
            for row in rows:
                fh.write("\t".join(_clean(x) for x in row) + "\n")
    except OSError as exc:
        raise TimelineError(f"{path}: cannot write: {exc.strerror or exc}") from None
    return {k: sum(1 for r in rows if r[0] == k) for k in ERROR_KINDS}


def by_rule(results: Sequence[DocResult]) -> dict[str, Counts]:
    """Per system rule: how many expressions it produced and how many matched / had the right type and value.

    `gold` is left at 0: a rule's recall is not defined (missed gold has no rule)."""
    out: dict[str, Counts] = {}
    for r in results:
        pair_of = {si: gi for gi, si in r.pairs}
        for si, s in enumerate(r.system):
            c = out.setdefault(s.rule or "(none)", Counts())
            c.system += 1
            gi = pair_of.get(si)
            if gi is None:
                continue
            g = r.gold[gi]
            c.relaxed += 1
            c.strict += (g.start, g.end) == (s.start, s.end)
            c.type += _same(g.type, s.type)
            c.value += _same(g.value, s.value)
    return out


def _version() -> str:
    root = Path(__file__).resolve().parent.parent.parent
    try:
        head = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, timeout=5)
        if head.returncode != 0:
            return ""
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--", "timeline", "data"],
                               capture_output=True, text=True, timeout=5)
        return head.stdout.strip() + ("+uncommitted changes" if dirty.stdout.strip() else "")
    except (OSError, subprocess.SubprocessError):
        return ""


def _folder(name: str) -> str:
    return name.split("/", 1)[0] if "/" in name else "."


def format_table(c: Counts, title: str) -> str:
    lines = [title, f"{'':10}{'P':>8}{'R':>8}{'F1':>8}"]
    for key, label in (("strict", "strict"), ("relaxed", "relaxed"), ("type", "type"), ("value", "value")):
        p, r, f = c.prf(key)
        lines.append(f"{label:10}{p:8.3f}{r:8.3f}{f:8.3f}")
    acc = c.value / c.relaxed if c.relaxed else 0.0
    lines.append(f"counts: gold {c.gold}, system {c.system}, strict matches {c.strict}, relaxed matches {c.relaxed}, "
                 f"type right {c.type}, value right {c.value} (value accuracy among relaxed matches {acc:.3f})")
    return "\n".join(lines)


# --------------------------------------------------------------------------- command

def register(sub):
    p = sub.add_parser(
        "tempeval", help="score TIMEX3 against TempEval-3 gold TimeML (strict/relaxed extent, type, value)",
        description="Score TIMEX3 as TempEval-3 Task A does: strict and relaxed extent P/R/F1, and type and value "
                    "F1 (attribute right among relaxed matches; P over system, R over gold). Without SYSTEM_DIR the "
                    "gold files' raw text is tagged by our tagger first (the `timeline timeml` code path).")
    p.add_argument("gold_dir", metavar="GOLD_DIR", help="gold .tml files (searched recursively) or one .tml file")
    p.add_argument("system_dir", metavar="SYSTEM_DIR", nargs="?",
                   help="system .tml files, paired with gold by relative path or file name (default: tag the gold text)")
    p.add_argument("--errors", metavar="FILE",
                   help="write a TSV of every mismatch (kind: missed/spurious/extent/type/value; gold and system "
                        "offsets, text, type, value, the system's rule and anchor, and a context snippet with gold in [ ], "
                        "system in { })")
    p.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    p.add_argument("--per-doc", action="store_true", help="also print one line (or JSON record) per document")
    p.add_argument("--by-rule", action="store_true",
                   help="also print, per tagger rule, how many expressions it produced and how many had the right "
                        "extent, type and value (rules are known when the gold text is tagged in memory, or from a "
                        "`rule` attribute in system files)")
    p.set_defaults(func=run)


def run(args) -> int:
    gold_root = Path(args.gold_dir)
    if not gold_root.exists():
        raise TimelineError(f"{gold_root}: no such file or folder")
    system_root = Path(args.system_dir) if args.system_dir else None
    if system_root is not None and not system_root.is_dir():
        raise TimelineError(f"{system_root}: not a folder")

    problems: list[str] = []
    gold_docs = load_gold(gold_root, problems)
    if not gold_docs:
        for msg in problems:
            print(f"timeline eval tempeval: {msg}", file=sys.stderr)
        raise TimelineError(f"{gold_root}: no readable .tml files")
    results = score_against_dir(gold_docs, system_root, problems) if system_root else score_self(gold_docs, problems)
    for msg in problems:
        print(f"timeline eval tempeval: {msg}", file=sys.stderr)

    c = total(results)
    command = "python -m timeline eval tempeval " + " ".join(
        shlex.quote(x) for x in [args.gold_dir] + ([args.system_dir] if args.system_dir else []))
    version = _version()
    missing = [r.name for r in results if r.note == "no system file"]
    folders = sorted({_folder(r.name) for r in results})
    by_folder = {}
    if len(folders) > 1:
        for f in folders:
            by_folder[f] = total([r for r in results if _folder(r.name) == f])

    n_err = None
    if args.errors:
        n_err = write_errors(Path(args.errors), results)

    if args.json:
        out = {"gold": args.gold_dir, "system": args.system_dir or "timeline tagger (in memory)",
               "documents": len(results), **c.as_dict(),
               "by_folder": {f: fc.as_dict() for f, fc in by_folder.items()},
               "missing_system_files": missing, "problems": problems,
               "command": command, "version": version}
        if n_err is not None:
            out["errors_file"] = {"path": args.errors, "rows": sum(n_err.values()), "by_kind": n_err}
        if args.by_rule:
            out["by_rule"] = {rule: {"system": rc.system, "relaxed": rc.relaxed, "strict": rc.strict, "type": rc.type,
                                     "value": rc.value} for rule, rc in sorted(by_rule(results).items())}
        if args.per_doc:
            out["per_doc"] = [{"doc": r.name, "note": r.note, **r.counts.as_dict()} for r in results]
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        system = args.system_dir or "our tagger, annotated in memory"
        print(format_table(c, f"TempEval-3 Task A, TIMEX3: {len(results)} documents (gold {args.gold_dir}; system {system})"))
        for f, fc in by_folder.items():
            ps, rs, fs = fc.prf("strict")
            print(f"  {f}: {fc.gold} gold, {fc.system} system; strict F1 {fs:.3f}, relaxed F1 {fc.prf('relaxed')[2]:.3f}, "
                  f"type F1 {fc.prf('type')[2]:.3f}, value F1 {fc.prf('value')[2]:.3f}")
        failed = [r.name for r in results if r.note.startswith(("tagging failed", "system file unreadable"))]
        if failed:
            print(f"{len(failed)} document(s) whose system output failed (counted as no output): "
                  + ", ".join(failed[:5]) + (" ..." if len(failed) > 5 else ""))
        if missing:
            print(f"{len(missing)} gold file(s) without a system file (counted as no output): "
                  + ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else ""))
        if args.per_doc:
            print("\t".join(["doc", "gold", "system", "strict", "relaxed", "type", "value", "strict_f1", "value_f1", "note"]))
            for r in results:
                k = r.counts
                print("\t".join(str(x) for x in [r.name, k.gold, k.system, k.strict, k.relaxed, k.type, k.value,
                                                 f"{k.prf('strict')[2]:.3f}", f"{k.prf('value')[2]:.3f}", r.note]))
        if args.by_rule:
            print("\t".join(["rule", "system", "relaxed", "strict", "type_right", "value_right", "value_precision"]))
            for rule, rc in sorted(by_rule(results).items(), key=lambda kv: (-(kv[1].system - kv[1].value), kv[0])):
                print("\t".join(str(x) for x in [rule, rc.system, rc.relaxed, rc.strict, rc.type, rc.value,
                                                 f"{rc.value / rc.system:.3f}"]))
        if n_err is not None:
            print(f"errors: {sum(n_err.values())} rows written to {args.errors} ("
                  + ", ".join(f"{k} {v}" for k, v in n_err.items()) + ")")
        print(f"reproduce: {command}" + (f"   (code {version})" if version else ""))
    return 1 if problems else 0
