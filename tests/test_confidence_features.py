"""The confidence model's inputs added for ranking: how the sentence names the recipient (its actor kind), whether
the mention's candidate is alone in its sentence, whether the article also reports the pair's transfer denied,
and the training weight that counts each key of a text once (as the scorer does)."""
from __future__ import annotations

import pytest
from conftest_handparse import parse, token
from conftest_store import mention

from armswatch.confidence import LocalContext, actor_kind, article_features, local_features
from armswatch.confidence.train import (
    Example,
    GoldSet,
    auc,
    examples,
    fit,
    key_ranking,
    nested_cross_validated,
)


def _context(**kw) -> LocalContext:
    base = {"type": "TRANSFER", "polarity": "affirmed", "rule": "send.v", "trigger_lemma": "send",
            "trigger_pos": "VERB", "trigger_dep": "ROOT", "supplier": "DEU", "recipient": "UKR",
            "claimant": "author", "item_category": "armour", "supplier_via": "span", "recipient_via": "span",
            "item_source": "span"}
    return LocalContext(**{**base, **kw})


# -- actor_kind: the kind of the recipient's span nearest the trigger, "" when the sentence does not name it ----
def test_actor_kind_reads_the_span_nearest_the_trigger():
    doc = parse([("Berlin", 1, "nsubj", "PROPN"), ("sent", 1, "ROOT", "VERB", "VBD", "send"),
                 ("tanks", 1, "dobj", "NOUN", "NNS", "tank"), ("to", 1, "prep", "ADP"),
                 ("Kyiv", 3, "pobj", "PROPN"), (".", 1, "punct", "PUNCT")],
                actors={"Berlin": ("DEU", "capital"), "Kyiv": ("UKR", "capital")})
    spans = list(doc.spans["actors"])
    assert actor_kind(spans, "UKR", token(doc, "sent").i) == "capital"
    assert actor_kind(spans, "POL", token(doc, "sent").i) == ""  # not named in the sentence
    doc = parse([("Ukraine", 3, "nsubj", "PROPN"), ("said", 3, "ccomp", "VERB", "VBD", "say"),
                 ("Ukrainian", 3, "nsubj", "ADJ"), ("troops", 4, "nsubj", "NOUN", "NNS", "troop"),
                 ("received", 4, "ROOT", "VERB", "VBD", "receive"), ("shells", 4, "dobj", "NOUN", "NNS", "shell"),
                 (".", 4, "punct", "PUNCT")],
                actors={"Ukraine": ("UKR", "state"), "Ukrainian": ("UKR", "demonym")})
    assert actor_kind(list(doc.spans["actors"]), "UKR", token(doc, "received").i) == "demonym"


def test_local_features_name_the_recipient_kind_and_a_lone_candidate():
    lone = local_features(_context(sentence_candidates=1, recipient_kind="capital"))
    assert lone["alone_in_sentence"] == 1.0 and lone["recipient_kind=capital"] == 1.0
    shared = local_features(_context(sentence_candidates=3))
    assert shared["alone_in_sentence"] == 0.0 and shared["recipient_kind=absent"] == 1.0
    assert not any(k.startswith("trigger=") for k in lone)  # the lemma is read with its type (trigger_type=)


# -- pair_denied: the same supplier and recipient are also in a DENIAL of the article --------------------------
@pytest.mark.parametrize("claimed", [("TRANSFER", "affirmed"), ("PLEDGE", "affirmed")])
def test_a_pair_the_article_also_denies_is_marked(claimed):
    keys = [(claimed[0], "IRN", "RUS", claimed[1]), ("DENIAL", "IRN", "RUS", "affirmed"),
            ("TRANSFER", "USA", "UKR", "affirmed")]
    feats = article_features(keys, [0, 500, 900], 1200)
    assert [f["pair_denied"] for f in feats] == [1.0, 0.0, 0.0]


# -- training weights: each key of a text weighs 1 however often the text repeats it ---------------------------
def test_examples_weigh_a_repeated_key_as_one():
    text = "Invented: Iran sent drones to Russia. Iran sent more drones to Russia. Germany pledged tanks to Ukraine."
    row = {"id": "r1", "text": text, "mentions": [{"type": "TRANSFER", "supplier": "IRN", "recipient": "RUS"}]}
    ms = [mention("TRANSFER", "IRN", "RUS", start=10), mention("TRANSFER", "IRN", "RUS", start=40),
          mention("PLEDGE", "DEU", "UKR", start=72)]
    for m in ms:
        m.features = {"rule=test.v1": 1.0}
    gs = GoldSet("invented.jsonl", [row], {"r1": ms})
    exs = examples([gs])
    assert [e.weight for e in exs] == [0.5, 0.5, 1.0] and [e.label for e in exs] == [1, 1, 0]


def test_fit_uses_the_weights():
    pytest.importorskip("sklearn")
    # x is right three times at weight 1/3 (one key repeated) and wrong once: weighted, it is trusted less
    exs = [Example(0, "a", i, {"x": 1.0}, 1, 1 / 3) for i in range(3)] + [Example(0, "b", 0, {"x": 1.0}, 0, 1.0)]
    exs += [Example(0, "c", 0, {"y": 1.0}, 1, 1.0), Example(0, "d", 0, {"y": 1.0}, 1, 1.0)]
    weighted = fit(exs, c=100.0)
    unweighted = fit([Example(e.gold, e.row, e.index, e.features, e.label) for e in exs], c=100.0)
    assert weighted.probability({"x": 1.0}) < unweighted.probability({"x": 1.0}) - 0.1


def test_extracted_mentions_carry_the_new_features():
    import armswatch

    for text, kind in (("Berlin has sent 14 more howitzers to Kyiv, the German defence ministry said.", "capital"),
                       ("Finland delivered a new package of artillery shells to Ukraine on Tuesday.", "state")):
        ms = [m for m in armswatch.extract(text) if m.type == "TRANSFER"]
        assert ms, text
        assert ms[0].features[f"recipient_kind={kind}"] == 1.0 and ms[0].features["alone_in_sentence"] == 1.0


# -- the protocol that chooses C and the weighting: nested cross-validation on the key ranking -------------------
def test_auc_counts_right_over_wrong_pairs():
    assert auc([1, 1, 0, 0], [0.9, 0.8, 0.3, 0.1]) == 1.0
    assert auc([1, 0, 1, 0], [0.2, 0.9, 0.5, 0.5]) == pytest.approx(0.5 / 4)  # only the tie counts (half)


def _invented_gold(n: int = 10) -> tuple[list[GoldSet], list[Example]]:
    """n texts, each with a right key (features "a") stated twice and a wrong one (features "b")."""
    rows, mentions = [], {}
    for i in range(n):
        rid = f"r{i}"
        rows.append({"id": rid, "text": "Invented text about shells and drones.",
                     "mentions": [{"type": "TRANSFER", "supplier": "IRN", "recipient": "RUS"}]})
        ms = [mention("TRANSFER", "IRN", "RUS"), mention("TRANSFER", "IRN", "RUS"), mention("PLEDGE", "DEU", "UKR")]
        for m, f in zip(ms, ({"a": 1.0}, {"a": 1.0, "c": 1.0}, {"b": 1.0})):
            m.features = f
        mentions[rid] = ms
    sets = [GoldSet("invented.jsonl", rows, mentions)]
    return sets, examples(sets)


def test_key_ranking_scores_each_key_by_its_best_mention():
    sets, exs = _invented_gold(3)
    right_high = [0.9 if e.label else 0.2 for e in exs]
    assert key_ranking(sets, exs, right_high) == 1.0
    # the right key's first mention is low but its second high: the key still ranks above the wrong one
    mixed = [0.1 if e.index == 0 else 0.9 if e.index == 1 else 0.5 for e in exs]
    assert key_ranking(sets, exs, mixed) == 1.0
    assert key_ranking(sets, exs, [0.1 if e.label else 0.9 for e in exs]) == 0.0


def test_nested_cross_validation_chooses_per_fold_and_ranks_held_out_texts():
    pytest.importorskip("sklearn")
    sets, exs = _invented_gold()
    probs, chosen = nested_cross_validated(sets, exs, folds=2, grid=((0.5, True), (1.0, False)))
    assert len(chosen) == 2 and all(c in ((0.5, True), (1.0, False)) for c in chosen)
    assert key_ranking(sets, exs, probs) == 1.0
