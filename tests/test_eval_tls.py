"""`timeline eval tls` and `timeline eval timeline17-recall` on a tiny invented Timeline17-shaped corpus."""
from __future__ import annotations

import csv

import pytest

from timeline.cli import main
from timeline.errors import TimelineError
from timeline.evaluation import timeline17 as t17
from timeline.evaluation.tls import date_prf, rank_counts, score_topic

ARTICLES = [
    ("2020-05-04", "RIVERTON , May 4 -LRB- Wire -RRB- - Ruritania 's Foreign Minister Anna Berg met the Freedonian "
                   "foreign minister in Riverton on Sunday , officials said .\nThe two ministers signed a trade "
                   "agreement on May 3 , the ministry said ."),
    ("2020-05-04", "Ruritania and Freedonia signed a trade agreement on Sunday , May 3 , officials said .\nProtests "
                   "followed in the capital ."),
    ("2020-05-09", "Freedonian troops attacked a border post on May 8 , the army said .\nRuritania condemned the "
                   "attack on Friday ."),
    ("2020-05-12", "Talks between the two countries are expected next week , a diplomat said ."),
]
TIMELINE = """2020-05-03
Ruritania and Freedonia sign a trade agreement .
--------------------------------
2020-05-08
Freedonian troops attack a border post .
--------------------------------
"""


@pytest.fixture
def corpus(tmp_path):
    arts = tmp_path / "articles"
    arts.mkdir()
    with (arts / "rur_articles_with_pubdate.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["date", "text"])
        w.writerows(ARTICLES)
    gold = tmp_path / "gold" / "tl17-rur"
    gold.mkdir(parents=True)
    (gold / "wire.txt").write_text(TIMELINE, encoding="utf-8")
    return arts, tmp_path / "gold", tmp_path / "cache"


@pytest.mark.parametrize("ranked, gold, expected", [
    (["2020-05-03", "2020-05-08"], ["2020-05-03", "2020-05-08"], (1.0, 1.0, 1.0)),
    (["2020-05-04", "2020-05-03"], ["2020-05-03", "2020-05-08"], (0.5, 0.5, 0.5)),
    (["2020-05-01", "2020-05-20", "2020-05-03"], ["2020-05-03", "2020-05-08"], (1.0, 0.5, 2 / 3)),  # out of range
    ([], ["2020-05-03"], (0.0, 0.0, 0.0)),
    (["2020-05-03"], [], (0.0, 0.0, 0.0)),
])
def test_date_prf(ranked, gold, expected):
    assert date_prf(ranked, gold) == pytest.approx(expected)


def test_rank_counts_ties_earlier_first():
    assert rank_counts(["b2", "a1", "b2", "c3", "a1", "d4", "d4", "d4"]) == ["d4", "a1", "b2", "c3"]


def test_score_topic_means_over_timelines():
    s = score_topic({"x": ["2020-01-01", "2020-01-02"]},
                    {"t1": {"2020-01-01": ["a"]}, "t2": {"2020-01-02": ["b"], "2020-01-05": ["c"]}})
    assert s["x"] == pytest.approx((1.0 + 2 / 3) / 2)     # t2: one day in range picked: P 1, R 0.5


def test_detokenise():
    assert t17.detokenise("LONDON -LRB- Reuters -RRB- - Obama 's plan , on Mar 15 , 2011 , was n't $ 5 .") == \
        "LONDON (Reuters) - Obama's plan, on Mar 15, 2011, wasn't $5."


def test_read_timeline(corpus):
    _, gold, _ = corpus
    tl = t17.read_timeline(gold / "tl17-rur" / "wire.txt")
    assert list(tl) == ["2020-05-03", "2020-05-08"]
    assert tl["2020-05-08"] == ["Freedonian troops attack a border post."]


def test_read_articles_limit_spreads(corpus):
    arts, _, _ = corpus
    got = t17.read_articles(arts / "rur_articles_with_pubdate.csv", limit=2)
    assert [a["id"] for a in got] == ["rur-00000", "rur-00002"]
    assert got[0]["text"].startswith("RIVERTON, May 4 (Wire) -")


def test_unknown_topic_is_a_clear_error(corpus):
    arts, gold, _ = corpus
    with pytest.raises(TimelineError, match="nope"):
        t17.find_topics(arts, gold, ["nope"])
    with pytest.raises(TimelineError):
        t17.find_topics(arts / "missing", gold)


def test_eval_tls_end_to_end(corpus, capsys):
    arts, gold, cache = corpus
    assert main(["eval", "tls", str(arts), str(gold), "--cache", str(cache), "--quiet"]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.strip().startswith("rur"))
    cells = line.split()
    assert cells[1] == "4"                                     # articles
    keydates, text_only, pubdate, dateparser = map(float, cells[-4:])
    assert keydates == 1.0 and text_only == 1.0                # 3 and 8 May are what the texts point to
    assert pubdate < 1.0                                       # publication days are not event days
    assert "reproduce: python -m timeline eval tls" in out
    assert list(cache.glob("rur-*/*.parquet"))                 # cached: a second run needs no parse
    assert main(["eval", "tls", str(arts), str(gold), "--cache", str(cache), "--quiet"]) == 0
    assert capsys.readouterr().out == out


def test_eval_timeline17_recall_end_to_end(corpus, capsys):
    arts, gold, cache = corpus
    assert main(["eval", "timeline17-recall", str(arts), str(gold), "--cache", str(cache), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "event_date_recall" in out and "reproduce: python -m timeline eval timeline17-recall" in out
