"""Article-level gold (ARTICLES.md): keys per whole article, optional keys neither rewarded nor penalised."""
from __future__ import annotations

import json

from conftest import shared_file
from conftest_cli import invoke

from armswatch.evaluate import score


def key(type_="TRANSFER", supplier="IRN", recipient="RUS", polarity="affirmed", **kw) -> dict:
    return {"type": type_, "supplier": supplier, "recipient": recipient, "polarity": polarity,
            "item_category": "drones", "item_categories": ["drones"], "claimant": "author", **kw}


def article_row(aid, claims, optional=(), text="An invented article.") -> dict:
    return {"id": aid, "text": text, "title": None, "published": None, "claims": list(claims),
            "optional": list(optional)}


def test_optional_keys_are_neither_true_nor_false_positives():
    gold = [article_row("a1", [key()], optional=[key("PLEDGE", "DEU", "UKR")])]
    preds = {"a1": [key(), key("PLEDGE", "DEU", "UKR"), key("DEAL", "KOR", "POL")]}
    report = score(gold, preds)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 1, 0)
    assert report.unit == "articles"
    assert [e.predicted["type"] for e in report.errors if e.kind == "fp"] == ["DEAL"]


def test_an_unmatched_optional_key_is_no_miss_and_keys_count_once_per_article():
    gold = [article_row("a1", [key()], optional=[key("SANCTION", "USA", "IRN")])]
    preds = {"a1": [key(), key(claimant="USA"), key()]}  # the same key stated three times
    report = score(gold, preds)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 0, 0)
    assert report.claimant_accuracy == 1.0  # the first mention of the key in text order


def test_negative_article_with_only_optional_predictions_stays_quiet():
    gold = [article_row("n1", [], optional=[key("SANCTION", "USA", "IRN")])]
    report = score(gold, {"n1": [key("SANCTION", "USA", "IRN")]})
    assert report.negatives_total == 1 and report.negatives_with_predictions == []
    report = score(gold, {"n1": [key("DEAL", "USA", "TWN")]})
    assert report.negatives_with_predictions == ["n1"]


def test_org_actor_matches_its_affiliated_state_in_articles():
    gold = [article_row("a1", [key(supplier="org:wagner-group", affiliations={"org:wagner-group": "RUS"})])]
    report = score(gold, {"a1": [key(supplier="RUS")]})
    assert report.overall.tp == 1


def test_eval_cli_detects_article_gold(tmp_path):
    path = tmp_path / "articles.jsonl"
    text = "Estonia sent howitzers to Ukraine, the Estonian defence ministry said on Monday."
    rows = [article_row("a1", [key("TRANSFER", "EST", "UKR", item_category="artillery",
                                   item_categories=["artillery"], claimant="EST")], text=text),
            article_row("a2", [], text="The orchestra played in Tallinn on Monday.")]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    ran = invoke("eval", str(path), "--json", "--min-confidence", "0")
    assert ran.code == 0, ran.stderr
    report = json.loads(ran.stdout)
    assert report["unit"] == "articles" and report["passages"] == 2
    assert report["overall"]["tp"] == 1 and report["negatives_total"] == 1


def test_shared_articles_are_scored_whole():
    path = shared_file("eval/articles.jsonl")
    ran = invoke("eval", str(path), "--json", "--min-confidence", "0")
    report = json.loads(ran.stdout)
    assert ran.code == 0 and report["unit"] == "articles" and report["passages"] == 66
    assert report["negatives_total"] == 16
