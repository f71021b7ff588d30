"""Confidence: every mention and claim says how likely it is to be right, from a model trained and measured by
article; the store, the CLI and the API filter on it; `armswatch train` rebuilds the model reproducibly."""
from __future__ import annotations

import json

import pytest
from conftest_cli import invoke
from conftest_store import article, mention

from armswatch.claims import MentionRecord, aggregate
from armswatch.claims.aggregate import claim_confidence
from armswatch.confidence import ConfidenceModel, article_features, load_model, score
from armswatch.errors import ArmswatchError
from armswatch.types import ClaimFilter

INVENTED_GOLD = "tests/data/eval/invented.jsonl"


def test_every_extracted_mention_has_a_probability():
    import armswatch

    text = ("Estonia sent howitzers to Ukraine, its defence ministry said on Monday.\n\n"
            "Latvia is weighing a similar shipment, two officials said.")
    ms = armswatch.extract(text, published="2024-05-06")
    assert ms and all(0.0 <= m.confidence <= 1.0 for m in ms)
    assert all("confidence" in m.to_dict() and "features" not in m.to_dict() for m in ms)


def test_shipped_model_records_how_it_was_trained_and_measured():
    model = load_model()
    assert model is not None and 0.0 < model.threshold < 1.0
    meta = model.meta
    assert {"articles.jsonl", "passages-2.jsonl", "dev.jsonl"} <= set(meta["trained_on"])
    assert meta["folds"] >= 2 and isinstance(meta["seed"], int)
    cv = {r["file"]: r for r in meta["cross_validated_at_threshold"]}
    assert cv["articles.jsonl"]["unit"] == "articles" and 0 < cv["articles.jsonl"]["precision"] <= 1


def test_a_key_stated_again_and_in_the_lead_scores_higher():
    keys = [("TRANSFER", "IRN", "RUS", "affirmed"), ("TRANSFER", "IRN", "RUS", "affirmed"),
            ("PLEDGE", "DEU", "UKR", "affirmed")]
    feats = article_features(keys, [0, 900, 2000], 2400)
    assert feats[0]["same_key"] > feats[2]["same_key"] == 0.0
    assert feats[0]["first_sentence"] == 1.0 and feats[0]["pair_in_lead"] == 1.0
    assert feats[2]["pair_in_lead"] == 0.0 and feats[2]["position"] > 0.8
    model = ConfidenceModel({"same_key": 2.0, "pair_in_lead": 1.0}, -1.0)
    repeated, again, once = mention("TRANSFER", "IRN", "RUS"), mention("TRANSFER", "IRN", "RUS"), mention(
        "PLEDGE", "DEU", "UKR")
    for m, start in zip((repeated, again, once), (0, 900, 2000)):
        m.evidence_start = start
    score([repeated, again, once], 2400, model)
    assert repeated.confidence > once.confidence


def test_claim_confidence_counts_each_independent_story_once():
    assert claim_confidence([]) is None
    assert claim_confidence([("s1", 0.6)]) == 0.6
    assert claim_confidence([("s1", 0.6), ("s1", 0.5), ("s1", 0.6)]) == 0.6  # syndicated copies: the best one
    assert claim_confidence([("s1", 0.6), ("s2", 0.5)]) == pytest.approx(0.8)  # 1 - 0.4 * 0.5
    assert claim_confidence([("s1", None)]) is None


def test_aggregate_and_store_agree_on_claim_confidence(store):
    m1, m2 = mention(), mention()
    m1.confidence, m2.confidence = 0.7, 0.4
    a1, a2 = article("Invented story one about shells."), article("Invented story two about shells.")
    records = [MentionRecord(m1, a1.id), MentionRecord(m2, a2.id)]
    expected = aggregate(records)[0].confidence
    assert expected == pytest.approx(1 - 0.3 * 0.6)
    store.add_batch([a1, a2], [[m1], [m2]])
    claims = store.claims(ClaimFilter())
    assert len(claims) == 1 and claims[0].confidence == pytest.approx(expected)
    assert store.count_claims(ClaimFilter(min_confidence=0.9)) == 0
    assert store.count_claims(ClaimFilter(min_confidence=0.8)) == 1
    assert {round(m["confidence"], 3) for m in store.mentions()} == {0.7, 0.4}


def test_bad_model_file_is_one_clear_error(tmp_path, monkeypatch):
    bad = tmp_path / "model.json"
    bad.write_text(json.dumps({"format": "something else"}))
    monkeypatch.setenv("ARMSWATCH_CONFIDENCE_MODEL", str(bad))
    load_model.cache_clear()
    try:
        with pytest.raises(ArmswatchError, match="not an armswatch confidence model"):
            load_model()
    finally:
        monkeypatch.delenv("ARMSWATCH_CONFIDENCE_MODEL")
        load_model.cache_clear()


@pytest.mark.slow
def test_train_command_writes_a_model_eval_can_use(tmp_path, monkeypatch):
    pytest.importorskip("sklearn")
    out, plot = tmp_path / "m.json", tmp_path / "pr.png"
    ran = invoke("train", INVENTED_GOLD, "-o", str(out), "--folds", "3", "--plot", str(plot))
    assert ran.code == 0, ran.stderr
    assert "default threshold" in ran.stdout and plot.stat().st_size > 1000
    data = json.loads(out.read_text())
    assert data["format"] == "armswatch-confidence/1" and data["meta"]["folds"] == 3
    again = tmp_path / "again.json"
    assert invoke("train", INVENTED_GOLD, "-o", str(again), "--folds", "3").code == 0
    assert json.loads(again.read_text()) == data  # the same gold and seed give the same model
    monkeypatch.setenv("ARMSWATCH_CONFIDENCE_MODEL", str(out))
    load_model.cache_clear()
    try:
        everything = invoke("eval", INVENTED_GOLD, "--json", "--min-confidence", "0")
        strict = invoke("eval", INVENTED_GOLD, "--json", "--min-confidence", "0.99")
    finally:
        monkeypatch.delenv("ARMSWATCH_CONFIDENCE_MODEL")
        load_model.cache_clear()
    all_tp = json.loads(everything.stdout)["overall"]["tp"]
    strict_report = json.loads(strict.stdout)
    assert strict_report["min_confidence"] == 0.99 and strict_report["overall"]["tp"] < all_tp


def test_train_refuses_an_unwritable_output(tmp_path):
    ran = invoke("train", INVENTED_GOLD, "-o", str(tmp_path / "no" / "such" / "m.json"))
    assert ran.code == 2 and ran.stderr.count("\n") == 1 and "cannot write" in ran.stderr


def test_older_database_gains_the_confidence_columns(store_url):
    import sqlalchemy as sa

    from armswatch.store import open_store
    from armswatch.store.engine import resolve_url

    open_store(store_url).close()
    engine = sa.create_engine(resolve_url(store_url))
    with engine.begin() as conn:  # a database made before confidence existed
        conn.exec_driver_sql("ALTER TABLE mentions DROP COLUMN confidence")
        conn.exec_driver_sql("ALTER TABLE claims DROP COLUMN confidence")
    engine.dispose()
    with open_store(store_url) as s:
        m = mention()
        m.confidence = 0.9
        s.add_batch([article("Invented story about shells.")], [[m]])
        assert s.claims(ClaimFilter())[0].confidence == pytest.approx(0.9)


def _row(t, unit, p, f1, file="x.jsonl"):
    return {"threshold": t, "file": file, "unit": unit, "precision": p, "recall": 0.7, "f1": f1}


def test_default_threshold_is_the_lowest_reaching_article_precision():
    from armswatch.confidence.train import choose_threshold, threshold_by_f1

    table = [_row(0.5, "passages", 0.90, 0.84, "p.jsonl"), _row(0.5, "articles", 0.80, 0.80, "a.jsonl"),
             _row(0.6, "passages", 0.91, 0.83, "p.jsonl"), _row(0.6, "articles", 0.84, 0.79, "a.jsonl"),
             _row(0.7, "passages", 0.92, 0.82, "p.jsonl"), _row(0.7, "articles", 0.86, 0.78, "a.jsonl"),
             _row(0.8, "passages", 0.95, 0.70, "p.jsonl"), _row(0.8, "articles", 0.90, 0.70, "a.jsonl")]
    assert threshold_by_f1(table) == 0.5  # F1 alone keeps the lowest, most recalling setting
    assert choose_threshold(table) == 0.7  # analysts asked for article precision 0.85: the first that gives it
    assert choose_threshold(table, precision=0.95) == 0.5  # never reached: the F1 rule
    passages_only = [r for r in table if r["unit"] == "passages"]
    assert choose_threshold(passages_only) == threshold_by_f1(passages_only) == 0.5


def test_default_threshold_rises_to_the_f1_rule_where_precision_is_reached_early():
    """Precision already reached with no threshold, F1 flat up to 0.6: the default is 0.6, not 0 (the more precise
    setting while F1 does not fall)."""
    from armswatch.confidence.train import choose_threshold, threshold_by_f1

    table = [_row(0.0, "passages", 0.90, 0.850, "p.jsonl"), _row(0.0, "articles", 0.86, 0.850, "a.jsonl"),
             _row(0.6, "passages", 0.91, 0.849, "p.jsonl"), _row(0.6, "articles", 0.89, 0.849, "a.jsonl"),
             _row(0.8, "passages", 0.95, 0.800, "p.jsonl"), _row(0.8, "articles", 0.93, 0.800, "a.jsonl")]
    assert threshold_by_f1(table) == 0.6
    assert choose_threshold(table) == 0.6
