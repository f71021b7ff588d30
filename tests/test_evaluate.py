"""Scorer unit tests: hand-built gold and predicted mentions scored with the rule of shared/schema.md."""

from __future__ import annotations

import pytest

from armswatch.evaluate import Report, dedupe, score
from armswatch.types import Mention


def m(type_="TRANSFER", supplier="IRN", recipient="RUS", polarity="affirmed", **kw) -> dict:
    d = {
        "type": type_,
        "supplier": supplier,
        "recipient": recipient,
        "polarity": polarity,
        "item_category": "drones",
        "item_categories": ["drones"],
        "claimant": "author",
    }
    d.update(kw)
    return d


def row(pid: str, mentions: list[dict], text: str = "Invented passage.") -> dict:
    return {"id": pid, "text": text, "mentions": mentions}


def test_evaluate_perfect_predictions_score_one():
    gold = [row("a", [m(), m("PLEDGE", "USA", "UKR")]), row("b", [m("SANCTION", "USA", "IRN")])]
    report = score(gold, {r["id"]: r["mentions"] for r in gold})
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (3, 0, 0)
    assert report.overall.f1 == 1.0
    assert report.claimant_accuracy == 1.0 and report.item_accuracy == 1.0


def test_evaluate_counts_fp_fn_and_micro_prf():
    gold = [row("a", [m(), m("PLEDGE", "USA", "UKR")]), row("b", [m("DEAL", "KOR", "POL")])]
    preds = {
        "a": [m(), m("PLEDGE", "DEU", "UKR")],
        "b": [m("DEAL", "KOR", "POL"), m("REQUEST", "USA", "TWN")],
    }
    report = score(gold, preds)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (2, 2, 1)
    assert report.overall.precision == pytest.approx(0.5)
    assert report.overall.recall == pytest.approx(2 / 3)
    assert report.overall.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert (report.per_type["PLEDGE"].tp, report.per_type["PLEDGE"].fp, report.per_type["PLEDGE"].fn) == (
        0,
        1,
        1,
    )
    assert (report.per_type["REQUEST"].fp, report.per_type["DEAL"].tp) == (1, 1)


def test_evaluate_dedupes_predictions_by_key_within_a_passage():
    gold = [row("a", [m()])]
    preds = {"a": [m(), m(item_category="missiles"), m(claimant="USA")]}
    report = score(gold, preds)
    assert (report.overall.tp, report.overall.fp) == (1, 0)
    # the first prediction of a key is the one kept and judged
    assert report.item_accuracy == 1.0 and report.claimant_accuracy == 1.0


def test_evaluate_same_key_in_two_passages_is_not_deduped():
    gold = [row("a", [m()]), row("b", [])]
    report = score(gold, {"a": [m()], "b": [m()]})
    assert (report.overall.tp, report.overall.fp) == (1, 1)


def test_evaluate_polarity_is_part_of_the_key():
    gold = [row("a", [m(polarity="negated")])]
    report = score(gold, {"a": [m()]})
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (0, 1, 1)


def test_evaluate_denial_needs_overlapping_actors():
    gold = [row("a", [m("DENIAL", "PRK", "RUS", actors=["PRK", "RUS"])])]
    assert score(gold, {"a": [m("DENIAL", "PRK", "RUS", actors=["RUS"])]}).overall.tp == 1
    miss = score(gold, {"a": [m("DENIAL", "PRK", "RUS", actors=["CHN"])]})
    assert (miss.overall.tp, miss.overall.fp, miss.overall.fn) == (0, 1, 1)
    assert score(gold, {"a": [m("DENIAL", "PRK", "RUS")]}).overall.tp == 0


def test_evaluate_dedupe_unions_denial_actors():
    preds = dedupe([m("DENIAL", "PRK", "RUS", actors=["CHN"]), m("DENIAL", "PRK", "RUS", actors=["PRK"])])
    assert len(preds) == 1 and preds[0]["actors"] == ["CHN", "PRK"]
    gold = [row("a", [m("DENIAL", "PRK", "RUS", actors=["PRK"])])]
    assert score(gold, {"a": preds}).overall.tp == 1


def test_evaluate_org_actor_matches_affiliated_state_given_by_gold():
    gold = [row("a", [m(recipient="org:wagner-group", affiliations={"org:wagner-group": "RUS"})])]
    assert score(gold, {"a": [m(recipient="RUS")]}).overall.tp == 1
    assert score(gold, {"a": [m(recipient="org:wagner-group")]}).overall.tp == 1
    assert score(gold, {"a": [m(recipient="BLR")]}).overall.tp == 0


def test_evaluate_state_in_gold_matches_org_prediction_the_other_way_round():
    gold = [row("a", [m(supplier="IRN", recipient="LBN", affiliations={"org:hezbollah": "LBN"})])]
    assert score(gold, {"a": [m(recipient="org:hezbollah")]}).overall.tp == 1


def test_evaluate_org_without_gold_affiliation_does_not_match_state():
    gold = [row("a", [m(recipient="org:houthis")])]
    report = score(gold, {"a": [m(recipient="YEM", affiliations={"org:houthis": "YEM"})]})
    assert report.overall.tp == 0


def test_evaluate_exact_match_is_preferred_over_lenient():
    # Two gold mentions: one to the group, one to its state. Both predictions must find their exact partner.
    gold = [
        row(
            "a",
            [m(recipient="org:wagner-group", affiliations={"org:wagner-group": "RUS"}), m(recipient="RUS")],
        )
    ]
    report = score(gold, {"a": [m(recipient="RUS"), m(recipient="org:wagner-group")]})
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (2, 0, 0)


def test_evaluate_denial_actor_overlap_is_affiliation_lenient():
    gold = [
        row(
            "a",
            [m("DENIAL", "IRN", "org:houthis", actors=["org:houthis"], affiliations={"org:houthis": "YEM"})],
        )
    ]
    assert score(gold, {"a": [m("DENIAL", "IRN", "org:houthis", actors=["YEM"])]}).overall.tp == 1


def test_evaluate_claimant_accuracy_over_matched_pairs_only():
    gold = [
        row("a", [m(claimant="USA"), m("PLEDGE", "DEU", "UKR", claimant="DEU")]),
        row("b", [m(claimant="other")]),
    ]
    preds = {
        "a": [m(claimant="USA"), m("PLEDGE", "DEU", "UKR", claimant="author")],
        "b": [m(claimant="other"), m("DEAL", "CHN", "RUS", claimant="USA")],
    }
    report = score(gold, preds)
    assert (report.claimant_correct, report.claimant_total) == (2, 3)
    wrong = [e for e in report.errors if e.kind == "claimant"]
    assert len(wrong) == 1 and wrong[0].id == "a" and wrong[0].gold["claimant"] == "DEU"


def test_evaluate_item_accuracy_accepts_any_listed_category():
    gold = [
        row(
            "a",
            [
                m(item_category="missiles", item_categories=["missiles", "drones"]),
                m("PLEDGE", "USA", "UKR", item_category="air-defence", item_categories=[]),
            ],
        )
    ]
    preds = {"a": [m(item_category="drones"), m("PLEDGE", "USA", "UKR", item_category="missiles")]}
    report = score(gold, preds)
    assert (report.item_correct, report.item_total) == (1, 2)
    # falls back to item_category when item_categories is empty
    preds["a"][1]["item_category"] = "air-defence"
    assert score(gold, preds).item_correct == 2


def test_evaluate_counts_negative_passages_with_any_prediction():
    gold = [row("n1", []), row("n2", []), row("n3", []), row("p", [m()])]
    report = score(gold, {"n1": [m(), m("DEAL", "USA", "TWN")], "n3": [], "p": [m()]})
    assert report.negatives_total == 3
    assert report.negatives_with_predictions == ["n1"]
    assert report.summary_lines()[-1] == "negatives with predictions=1/3"


def test_evaluate_accepts_mention_objects_and_keeps_rule_in_errors():
    gold = [row("a", [], text="Factory output rose.")]
    pred = Mention("TRANSFER", "IRN", "RUS", rule="transfer.supply_to.v1", trigger="supplied")
    report = score(gold, {"a": [pred]})
    (error,) = report.errors
    assert (error.kind, error.rule, error.trigger, error.text) == (
        "fp",
        "transfer.supply_to.v1",
        "supplied",
        "Factory output rose.",
    )
    assert error.to_dict()["predicted"]["supplier"] == "IRN"


def test_evaluate_error_list_has_every_fp_and_fn_with_passage_context():
    gold = [row("a", [m(), m("PLEDGE", "USA", "UKR")])]
    report = score(gold, {"a": [m(), m("CONSIDER", "USA", "UKR")]})
    kinds = sorted(e.kind for e in report.errors)
    assert kinds == ["fn", "fp"]
    fn = next(e for e in report.errors if e.kind == "fn")
    assert fn.gold["type"] == "PLEDGE" and fn.predicted is None
    assert [p["type"] for p in fn.passage_predicted] == ["TRANSFER", "CONSIDER"]


def test_evaluate_unknown_prediction_ids_are_listed_not_scored():
    report = score([row("a", [m()])], {"a": [m()], "zzz": [m()]})
    assert report.unknown_ids == ["zzz"] and report.overall.fp == 0


def test_evaluate_report_to_dict_and_summary():
    gold = [row("a", [m(claimant="USA")]), row("n", [])]
    report = score(gold, {"a": [m(claimant="author")], "n": [m("DEAL", "USA", "TWN")]})
    d = report.to_dict(errors=True)
    assert d["overall"] == {"tp": 1, "fp": 1, "fn": 0, "precision": 0.5, "recall": 1.0, "f1": 0.6667}
    assert d["per_type"]["DEAL"]["fp"] == 1 and set(d["per_type"]) >= {"TRANSFER", "DENIAL", "SANCTION"}
    assert d["claimant_accuracy"] == 0.0 and d["claimant_n"] == 1
    assert d["negatives_with_predictions"] == 1 and d["negative_ids_with_predictions"] == ["n"]
    assert {e["kind"] for e in d["errors"]} == {"claimant", "fp"}
    assert report.summary_lines() == [
        "P=0.50 R=1.00 F1=0.67",
        "claimant accuracy=0.00 (n=1)",
        "item-category accuracy=1.00 (n=1)",
        "negatives with predictions=1/1",
    ]


def test_evaluate_empty_report_reports_na_accuracy():
    lines = Report().summary_lines()
    assert lines[1] == "claimant accuracy=n/a (n=0)" and lines[0] == "P=0.00 R=0.00 F1=0.00"
