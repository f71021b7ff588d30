"""The scoring rule of shared/schema.md: dedupe predictions per passage, match on the key, count, measure.

Matching is a maximum bipartite matching per passage (networkx) so a lenient match (an `org:` actor standing
for its affiliated state) never steals a gold mention that another prediction matches exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from armswatch.evaluate.report import Counts, Report, ScoreError
from armswatch.evaluate.rows import gold_mentions, is_article_gold
from armswatch.event_types import ACTOR_TYPES
from armswatch.types import Mention

EXACT, LENIENT = 2, 1  # matching weights: an exact key is preferred over an affiliation-lenient one


def key(m: Mapping[str, Any]) -> tuple:
    """(type, supplier, recipient, polarity): the de-duplication and matching key."""
    return (m.get("type"), m.get("supplier"), m.get("recipient"), m.get("polarity", "affirmed"))


def as_dict(m: Mention | Mapping[str, Any]) -> dict[str, Any]:
    return m.to_dict() if isinstance(m, Mention) else dict(m)


def dedupe(predictions: Iterable[Mention | Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One prediction per key, the first one kept; a DENIAL repeated with other deniers gets their union."""
    kept: dict[tuple, dict[str, Any]] = {}
    for p in map(as_dict, predictions):
        k = key(p)
        if k not in kept:
            kept[k] = p
        elif p.get("type") in ACTOR_TYPES:
            first = kept[k]
            first["actors"] = list(dict.fromkeys([*(first.get("actors") or []), *(p.get("actors") or [])]))
    return list(kept.values())


def _actor_match(pred: str | None, gold: str | None, affiliations: Mapping[str, str]) -> int:
    """EXACT if equal, LENIENT if one is an org: actor whose gold-given affiliation is the other, else 0."""
    if pred == gold:
        return EXACT
    if pred is None or gold is None:
        return 0
    if affiliations.get(gold) == pred or affiliations.get(pred) == gold:
        return LENIENT
    return 0


def match_weight(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> int:
    """0 if the prediction does not match the gold mention, else EXACT or LENIENT."""
    if pred.get("type") != gold.get("type") or pred.get("polarity", "affirmed") != gold.get(
        "polarity", "affirmed"
    ):
        return 0
    aff = gold.get("affiliations") or {}
    weights = [_actor_match(pred.get(r), gold.get(r), aff) for r in ("supplier", "recipient")]
    if not all(weights):
        return 0
    if gold.get("type") in ACTOR_TYPES:
        overlap = [
            _actor_match(a, b, aff) for a in pred.get("actors") or [] for b in gold.get("actors") or []
        ]
        if not any(overlap):
            return 0
    return min(weights)


def match(preds: list[dict[str, Any]], golds: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """(prediction index, gold index) pairs of a maximum matching, exact keys preferred."""
    graph = nx.Graph()
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            w = match_weight(p, g)
            if w:
                graph.add_edge(("p", i), ("g", j), weight=w)
    pairs = []
    for a, b in nx.max_weight_matching(graph, maxcardinality=True):
        (_, i), (_, j) = sorted((a, b), key=lambda n: n[0] != "p")
        pairs.append((i, j))
    return sorted(pairs)


def claimant_ok(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    return pred.get("claimant") == gold.get("claimant")


def item_ok(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    """The predicted category is in the gold's `item_categories` (else equal to its `item_category`)."""
    allowed = gold.get("item_categories") or [gold.get("item_category")]
    return pred.get("item_category") in allowed


def score(
    gold_rows: list[dict[str, Any]], predictions: Mapping[Any, Iterable[Mention | Mapping[str, Any]]]
) -> Report:
    """Score `predictions` ({passage id: mentions}) against gold rows ({"id", "text", "mentions"})."""
    report = Report()
    for row in gold_rows:
        score_passage(report, row, dedupe(predictions.get(row["id"], [])))
    gold_ids = {row["id"] for row in gold_rows}
    report.unknown_ids = sorted(str(k) for k in predictions if k not in gold_ids)
    for counts in report.per_type.values():
        report.overall.add(counts)
    return report


def score_passage(report: Report, row: dict[str, Any], preds: list[dict[str, Any]]) -> None:
    """Add one passage's (or article's) matches, misses and accuracies to `report`.

    Article-level gold (ARTICLES.md) has `claims` and `optional` keys: a prediction that matches no gold key
    but an optional one is dropped before counting. Overall counts are summed later.
    """
    pid, text, golds = row["id"], row.get("text", ""), gold_mentions(row)
    optional = list(row.get("optional") or [])
    report.passages += 1
    if is_article_gold(row):
        report.unit = "articles"

    def miss(kind: str, p: dict | None, g: dict | None) -> None:
        report.errors.append(ScoreError(kind, pid, text, p, g, passage_gold=golds, passage_predicted=preds))

    pairs = match(preds, golds)
    if optional:  # an unmatched prediction that matches an optional key is neither rewarded nor penalised
        matched = {i for i, _ in pairs}
        preds = [p for i, p in enumerate(preds) if i in matched or not any(match_weight(p, o) for o in optional)]
        pairs = match(preds, golds)
    if not golds:
        report.negatives_total += 1
        if preds:
            report.negatives_with_predictions.append(pid)
    for i, j in pairs:
        p, g = preds[i], golds[j]
        report.per_type.setdefault(g["type"], Counts()).tp += 1
        report.claimant_total += 1
        report.item_total += 1
        if claimant_ok(p, g):
            report.claimant_correct += 1
        else:
            miss("claimant", p, g)
        if item_ok(p, g):
            report.item_correct += 1
        else:
            miss("item", p, g)
    matched_p, matched_g = {i for i, _ in pairs}, {j for _, j in pairs}
    for i, p in enumerate(preds):
        if i not in matched_p:
            report.per_type.setdefault(p.get("type"), Counts()).fp += 1
            miss("fp", p, None)
    for j, g in enumerate(golds):
        if j not in matched_g:
            report.per_type.setdefault(g["type"], Counts()).fn += 1
            miss("fn", None, g)
