"""timeline.ingest: files, folders (.txt/.md/.html), Timeline17-shaped CSV, JSONL, stdin; stable ids; every bad
document reported with its reason and skipped; documents streamed, not held."""
from __future__ import annotations

import inspect
import io
import json
import tracemalloc

import pytest

from timeline.ingest import Account, content_hash, iter_documents, ptb_brackets

STORY = ("Cairo talks\n\nCAIRO, March 7, 2019 (AFP) - Egypt will host talks between Israel and Hamas in Cairo next "
         "week, officials said on Thursday. The two sides met in Geneva on Tuesday.\n")
NOTE = ("---\ndate: 2019-03-07\n---\nTurkish officials met Greek diplomats in Athens on Monday, the foreign ministry "
        "said.\n")
PAGE = """<!DOCTYPE html><html><head><title>Ministers meet in Geneva</title>
<meta property="article:published_time" content="2019-03-05T09:30:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Ministers meet in Geneva</h1>
<p>GENEVA (Reuters) - The foreign ministers of Russia and Turkey met in Geneva on Tuesday to discuss a ceasefire
in Syria, officials said.</p><p>The two sides agreed to hold another round of talks next week.</p></article>
<footer>Copyright 2019</footer></body></html>"""
PAGE_NO_DATE = (PAGE.replace('<meta property="article:published_time" content="2019-03-05T09:30:00Z">', "")
                .replace("another round of talks", "a third round of talks"))
BROKEN_PAGE = "<html><head><title></title></head><body><div><span></div><script>var x = 1;</script></body"
T17_CSV = ('date,text\n'
           '2011-01-25,"Protesters gathered in Cairo on Tuesday -LRB- January 25 -RRB- , witnesses said . \n'
           'Police fired tear gas at the crowd in Tahrir Square ."\n'
           '2011-01-26,\n'
           '2011-01-27,"The army said on Thursday it would not use force against protesters -LRB- AP -RRB- ."\n')


def by_label(entries):
    return {e.label.rsplit("/", 1)[-1] if "/" in e.label and " row " not in e.label else e.label: e for e in entries}


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "corpus"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "a_story.txt").write_text(STORY, encoding="utf-8")
    (root / "sub" / "note.md").write_text(NOTE, encoding="utf-8")
    (root / "sub" / "deeper" / "page.html").write_text(PAGE, encoding="utf-8")
    (root / "sub" / "deeper" / "undated.htm").write_text(PAGE_NO_DATE, encoding="utf-8")
    (root / "sub" / "broken.html").write_text(BROKEN_PAGE, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.md").write_text("  \n\n \t\n", encoding="utf-8")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (root / "cp1252.txt").write_bytes(("Les ministres se sont réunis à Genève ... The talks on the "
                                       "country’s future will resume on Monday, the ministers said — “soon”, "
                                       "an envoy added.\n").encode("cp1252"))
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / "notes.dat").write_text("not a document", encoding="utf-8")
    return root


def test_folder_tree_recursively_with_reasons(tree):
    account = Account()
    entries = list(iter_documents([tree], account=account))
    got = by_label(entries)
    assert set(got) == {"a_story.txt", "note.md", "page.html", "undated.htm", "broken.html", "empty.txt",
                        "blank.md", "binary.txt", "cp1252.txt"}
    assert account.ignored_files == 2                     # image.png, notes.dat: not documents
    ok = {k for k, e in got.items() if e.ok}
    assert ok == {"a_story.txt", "note.md", "page.html", "undated.htm", "cp1252.txt"}
    assert got["empty.txt"].kind == "empty" and "empty" in got["empty.txt"].reason
    assert got["blank.md"].kind == "empty"
    assert got["binary.txt"].kind == "binary"
    assert got["broken.html"].kind == "no text" and "HTML" in got["broken.html"].reason
    # folders are read in path order, recursively
    labels = [e.label for e in entries]
    assert labels == sorted(labels, key=lambda s: s.split("/"))


def test_text_file_ids_are_content_hashes_and_stable(tree, tmp_path):
    e = by_label(iter_documents([tree / "a_story.txt"]))["a_story.txt"]
    assert e.item["text"] == STORY and e.item["id"] == content_hash(STORY) == e.item["content_hash"]
    copy = tmp_path / "copy.txt"
    copy.write_text(STORY, encoding="utf-8")
    assert next(iter(iter_documents([copy]))).item["id"] == e.item["id"]        # same content, same id
    other = tmp_path / "other.txt"
    other.write_text(STORY + "More.\n", encoding="utf-8")
    assert next(iter(iter_documents([other]))).item["id"] != e.item["id"]


def test_front_matter_date_and_default_pub_date(tree):
    import datetime as dt

    got = by_label(iter_documents([tree], default_pub_date="2020-01-01"))
    assert got["note.md"].item.get("pub_date") is None           # its own front matter decides (downstream)
    assert got["a_story.txt"].item["pub_date"] == dt.date(2020, 1, 1)


def test_html_main_text_title_and_published_date(tree):
    import datetime as dt

    got = by_label(iter_documents([tree]))
    page = got["page.html"].item
    assert "met in Geneva on Tuesday" in page["text"]
    assert "Home | World" not in page["text"] and "Copyright" not in page["text"]     # boilerplate left out
    assert page["title"] == "Ministers meet in Geneva"
    assert page["pub_date"] == dt.date(2019, 3, 5) and page["pub_date_from"] == "html metadata"
    # no date in the markup: none is invented (never today's date)
    assert "pub_date" not in got["undated.htm"].item


def test_cp1252_file_is_decoded(tree):
    e = by_label(iter_documents([tree / "cp1252.txt"]))["cp1252.txt"]
    assert e.ok and "Genève" in e.item["text"] and "country’s" in e.item["text"]


def test_undecodable_and_too_large_files_are_skipped(tmp_path):
    bad = tmp_path / "latin_soup.txt"
    bad.write_bytes(b"\x81\x8d\x8f\x90\x9d" * 200)          # bytes cp1252 leaves undefined: not UTF-8, not cp1252
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        line = b"The ministers met in Geneva on Tuesday and agreed to meet again next week.\n"
        for _ in range(20 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    assert big.stat().st_size > 20 * 1024 * 1024
    list(iter_documents([bad]))                              # imports done before measuring
    tracemalloc.start()
    got = by_label(iter_documents([bad, big]))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert got["latin_soup.txt"].kind == "encoding"
    assert got["big.txt"].kind == "too large" and "limit" in got["big.txt"].reason
    assert peak < 2 * 1024 * 1024                           # the 20 MB file is not read


def test_timeline17_csv_as_it_is(tmp_path):
    path = tmp_path / "topic_articles_with_pubdate.csv"
    path.write_text(T17_CSV, encoding="utf-8")
    entries = list(iter_documents([path]))
    assert [e.label.rsplit(" ", 2)[-2:] for e in entries] == [["row", "1"], ["row", "2"], ["row", "3"]]
    first, empty, third = entries
    assert empty.kind == "no text" and "empty text" in empty.reason      # a row without text: reported
    assert first.ok and third.ok
    # the text is kept as given (its id hashes it); the parse text maps PTB brackets, same length, same offsets
    text, parse = first.item["text"], first.item["parse_text"]
    assert "-LRB- January 25 -RRB-" in text and first.item["id"] == content_hash(text)
    assert len(parse) == len(text)
    i = text.index("January 25")
    assert parse[i:i + 10] == "January 25"
    assert parse[text.index("-LRB-"):text.index("-LRB-") + 5].strip() == "("
    assert parse[text.index("-RRB-"):text.index("-RRB-") + 5].strip() == ")"
    assert str(first.item["pub_date"]) == "2011-01-25"


def test_ptb_brackets_keep_length_and_nothing_else():
    s = "talks -LRB- Geneva -RRB- and -LSB- sic -RSB- -LCB- x -RCB- ; A-LRB-B stays -LRB-"
    out = ptb_brackets(s)
    assert len(out) == len(s)
    assert out.split() == ["talks", "(", "Geneva", ")", "and", "[", "sic", "]", "{", "x", "}", ";", "A",
                           "(B", "stays", "("]
    assert ptb_brackets("no brackets - here") == "no brackets - here"


def test_jsonl_rows_without_text_bad_json_and_cp1252_csv(tmp_path):
    jl = tmp_path / "a.jsonl"
    jl.write_text("\n".join([
        json.dumps({"id": "k1", "body": "Russia and Turkey agreed on a ceasefire on Monday, officials said."}),
        '{"id": "k2", "body": ',
        json.dumps({"id": "k3", "title": "no text here"}),
        json.dumps(["not", "an", "object"]),
    ]) + "\n", encoding="utf-8")
    got = [(e.label.split(" ", 1)[1], e.ok, e.kind) for e in iter_documents([jl])]
    assert got == [("line 1 (id k1)", True, ""), ("line 2", False, "bad JSON"), ("line 3 (id k3)", False, "no text"),
                   ("line 4", False, "bad JSON")]
    c = tmp_path / "cp.csv"
    c.write_bytes("date,text\n2019-03-07,\"The envoy’s talks in Genève resumed on Monday, officials said.\"\n"
                  .encode("cp1252"))
    (e,) = list(iter_documents([c]))
    assert e.ok and "Genève" in e.item["text"]


def test_csv_row_with_bad_bytes_is_skipped_not_the_file(tmp_path):
    """A UTF-8 file with a bad byte sequence past its first megabyte: that row is skipped, the others kept. (A file
    whose first megabyte is not UTF-8 but reads as cp1252 is read as cp1252: see the test above.)"""
    c = tmp_path / "mixed.csv"
    filler = "Officials met in Geneva on Tuesday to discuss the truce, the ministry said. " * 25
    good = "date,text\n" + "".join(f"2019-03-07,\"{i} {filler}\"\n" for i in range(600))
    assert len(good) > 1024 * 1024
    c.write_bytes(good.encode("utf-8") + b"2019-03-09,\"Bad \xff\xfe bytes here, officials said.\"\n"
                  + "2019-03-10,\"Ministers met in Cairo on Monday, officials said.\"\n".encode("utf-8"))
    entries = list(iter_documents([c], check_language=False))
    assert [e.ok for e in entries] == [True] * 600 + [False, True]
    assert entries[600].kind == "encoding" and "row 601" in entries[600].label


def test_stdin_text_and_jsonl():
    (e,) = list(iter_documents(["-"], stdin=io.StringIO(STORY)))
    assert e.ok and e.label == "stdin" and e.item["text"] == STORY
    lines = json.dumps({"text": STORY, "date": "2019-03-07"}) + "\n" + json.dumps({"text": ""}) + "\n"
    got = list(iter_documents(["-"], stdin=io.StringIO(lines)))
    assert [(g.label, g.ok) for g in got] == [("stdin line 1", True), ("stdin line 2", False)]
    (e,) = list(iter_documents(["-"], stdin=io.StringIO("")))
    assert e.kind == "empty"


def test_missing_input_and_folder_without_documents(tmp_path):
    (tmp_path / "only.dat").write_text("x", encoding="utf-8")
    got = list(iter_documents([tmp_path / "nope.txt", tmp_path]))
    assert [(e.kind, e.ok) for e in got] == [("missing", False), ("no documents", False)]


def test_documents_stream_lazily(tmp_path):
    """A large CSV is read row by row: taking its first rows does not read it, and iterating all of it holds one
    row at a time."""
    path = tmp_path / "many.csv"
    row = "Officials met in Geneva on Tuesday to discuss the ceasefire, the ministry said. " * 25
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("date,text\n")
        for i in range(3000):
            fh.write(f"2019-03-07,\"{i} {row}\"\n")
    assert path.stat().st_size > 5 * 1024 * 1024
    list(iter_documents([path.parent / "nope.csv"]))
    gen = iter_documents([path], check_language=False)
    assert inspect.isgenerator(gen)
    tracemalloc.start()
    n = 0
    for e in gen:
        assert e.ok
        n += 1
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert n == 3000
    assert peak < 3 * 1024 * 1024            # a row (2 KB), the 1 MB encoding sniff and buffers, not the 6 MB file


def test_account_summary():
    a = Account()
    a.add("x", "processed")
    a.add("y", "skipped", "empty file")
    a.add("z", "skipped", "file too large (1 bytes; the limit is 0)")
    a.add("w", "skipped", "empty text", kind="no text")
    assert a.total == 4 and a.processed == 1
    assert a.summary() == "4 document(s): 1 processed, 3 skipped (empty: 1, no text: 1, too large: 1)"


def test_cli_bad_documents_reported_and_run_completes(tree, tmp_path, capsys, monkeypatch):
    """The whole bad folder through `extract`: exit 0, each bad document named once with its reason, the account
    covers every document, and the store holds processed and skipped documents."""
    from timeline.cli import main
    from timeline.store import Store

    big = tree / "sub" / "big.md"
    with open(big, "wb") as fh:
        fh.truncate(20 * 1024 * 1024 + 5)                 # a sparse 20 MB file of NUL bytes
    db = tmp_path / "s.duckdb"
    out, acc = tmp_path / "events.csv", tmp_path / "account.csv"
    code = main(["extract", str(tree), "-o", str(out), "--db", str(db), "--account", str(acc), "--quiet"])
    err = capsys.readouterr().err
    assert code == 0, err
    for name in ("empty.txt", "blank.md", "binary.txt", "broken.html", "big.md"):
        assert sum(name in line and "skipped" in line for line in err.splitlines()) == 1, (name, err)
    assert "too large" in err
    assert "10 document(s): 5 processed, 5 skipped" in err
    import csv

    rows = list(csv.DictReader(open(acc, encoding="utf-8")))
    assert len(rows) == 10 and sum(r["status"] == "processed" for r in rows) == 5
    with Store(db, read_only=True) as st:
        docs = st.documents()
        assert (docs["status"] == "processed").sum() == 5 and (docs["status"] == "skipped").sum() == 5
