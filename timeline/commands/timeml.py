"""`timeline timeml IN_DIR OUT_DIR`: tag the raw text of TimeML files with our TIMEX3.

Each `.tml` under IN_DIR (subfolders included) is read, its TEXT's raw text is tagged with
the DCT of `<DCT>`, and OUT_DIR/<same relative path> receives the file with our TIMEX3 tags
in TEXT (gold inline tags removed, everything else kept; see `timeline.timeml.write_tml`).
A file that cannot be read or tagged gets one line on stderr; the others are still written;
the exit code is then 1.
"""
from __future__ import annotations

import sys
from pathlib import Path

from timeline.errors import TimelineError
from timeline.timeml import TimeMLError, annotate, read_tml, select_writable, write_tml


def register(sub):
    p = sub.add_parser(
        "timeml", help="tag TimeML (.tml) files with our TIMEX3 (TempEval-3 style input -> output)",
        description="Read every .tml file under IN_DIR (TempEval-3 input: <DCT> holds the document time, <TEXT> the "
                    "text), tag the text of <TEXT> with our time expressions and write OUT_DIR/<same name> with "
                    "TIMEX3 tags (tid, type, value, mod...) inserted, the text itself unchanged.")
    p.add_argument("in_dir", metavar="IN_DIR", help="folder of .tml files (searched recursively)")
    p.add_argument("out_dir", metavar="OUT_DIR", help="folder to write the tagged files to (created if needed)")
    p.set_defaults(func=run)


def find_tml(root: Path) -> list[Path]:
    """The .tml files under `root` (recursively), in a stable order."""
    return sorted(p for p in root.rglob("*.tml") if p.is_file())


def run(args) -> int:
    in_dir, out_dir = Path(args.in_dir), Path(args.out_dir)
    if not in_dir.is_dir():
        raise TimelineError(f"{in_dir}: not a folder")
    if out_dir.exists() and out_dir.resolve() == in_dir.resolve():
        raise TimelineError("OUT_DIR must differ from IN_DIR (the input files would be overwritten)")
    files = find_tml(in_dir)
    if not files:
        raise TimelineError(f"{in_dir}: no .tml files found")

    failures = 0
    docs, rel = [], {}
    for path in files:
        try:
            doc = read_tml(path)
        except TimeMLError as exc:
            print(f"timeline timeml: {path}: {exc}", file=sys.stderr)
            failures += 1
            continue
        docs.append(doc)
        rel[id(doc)] = path.relative_to(in_dir)

    written = dropped = tagged = 0
    for doc, timexes, error in annotate(docs):
        target = out_dir / rel[id(doc)]
        if error:
            print(f"timeline timeml: {in_dir / rel[id(doc)]}: tagging failed: {error}", file=sys.stderr)
            failures += 1
            continue
        kept, lost = select_writable(timexes, len(doc.text))
        dropped += len(lost)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "w", encoding="utf-8", newline="") as fh:
                fh.write(write_tml(doc, kept))
        except OSError as exc:
            print(f"timeline timeml: {target}: cannot write: {exc.strerror or exc}", file=sys.stderr)
            failures += 1
            continue
        written += 1
        tagged += len(kept)

    note = f"timeline timeml: {written} file(s) written to {out_dir}, {tagged} TIMEX3"
    if dropped:
        note += f", {dropped} overlapping or out-of-range expression(s) not written"
    if failures:
        note += f"; {failures} file(s) failed"
    print(note, file=sys.stderr)
    return 1 if failures else 0
