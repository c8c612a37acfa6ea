"""`timeline eval plover`: gold roots from a PLOVER-style JSON, DOCUMENT entries skipped, the share reported."""
from __future__ import annotations

import json

import pytest

from timeline.cli import main
from timeline.evaluation.plover import DEFAULT_PATH, TYPE_ROOTS, evaluate, load_gold

RECORDS = [
    {"id": "X-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "documentation, not a sentence"},
    {"id": "X-AGREE-0001", "event": "AGREE", "text": "The two governments agreed to hold talks next month.",
     "eventText": "agreed hold talks"},
    {"id": "X-ASSAULT-0001", "event": "ASSAULT", "text": "A suicide bomber killed twelve people at a market.",
     "eventText": "killed"},
    {"id": "X-REJECT-0001", "event": "REJECT", "text": "The rebels rejected the peace plan on Sunday.",
     "eventText": "rejected"},
    {"id": "X-SUPPORT-0001", "event": "SUPPORT", "text": "The weather was fine in the capital.", "eventText": "none"},
]


@pytest.fixture
def gold_file(tmp_path):
    p = tmp_path / "gold.json"
    p.write_text(json.dumps(RECORDS), encoding="utf-8")
    return p


def test_load_gold_skips_documents_and_maps_types(gold_file):
    gold = load_gold(gold_file)
    assert [g["id"] for g in gold] == ["X-AGREE-0001", "X-ASSAULT-0001", "X-REJECT-0001", "X-SUPPORT-0001"]
    assert gold[0]["roots"] == {"03"} and gold[0]["gold_from"] == "plover_type"
    assert TYPE_ROOTS["FIGHT"] == {"19", "20"}


def test_evaluate_counts(gold_file):
    res = evaluate(load_gold(gold_file))
    assert res["n"] == 4
    by_id = {r["id"]: r for r in res["rows"]}
    assert by_id["X-AGREE-0001"]["primary"]        # agreed to hold talks -> 036
    assert by_id["X-ASSAULT-0001"]["primary"]      # killed ... suicide bomber -> 18x
    assert by_id["X-REJECT-0001"]["primary"]
    assert not by_id["X-SUPPORT-0001"]["primary"]  # nothing to code
    assert res["primary"] == 3 and res["uncoded"] == 1


def test_command_prints_share_and_command(gold_file, capsys, tmp_path):
    errors = tmp_path / "misses.tsv"
    assert main(["eval", "plover", str(gold_file), "--errors", str(errors)]) == 0
    out = capsys.readouterr().out
    assert "3/4 = 75.0%" in out and "reproduce: python -m timeline eval plover" in out
    assert errors.read_text(encoding="utf-8").count("\n") == 2  # header + the one miss


def test_command_bad_path(capsys):
    assert main(["eval", "plover", "/no/such/file.json"]) == 1
    assert "no such file" in capsys.readouterr().err


@pytest.mark.skipif(not DEFAULT_PATH.exists(), reason="../shared/ontologies/PLOVER_GSR_CAMEO.json absent")
def test_real_file_figure_does_not_regress():
    res = evaluate(load_gold(DEFAULT_PATH))
    assert res["n"] == 322
    assert res["primary"] / res["n"] >= 0.70
