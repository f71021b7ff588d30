"""Passage-level resolution: an endpoint the sentence leaves out is taken from earlier mentions or nearby actors."""
from __future__ import annotations

from spacy.tokens import Span, Token

from armswatch.extraction import vocab
from armswatch.extraction.actors import ActorIndex, ActorRef

# Positions an actor may hold to be an unstated endpoint: participants, not places or opponents
# ("the war in Ukraine", "strikes against Ukraine" name no party to a supply).
PARTICIPANT_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "poss", "appos", "conj", "ROOT", "attr"}


def is_participant(token: Token, idx: ActorIndex) -> bool:
    """Whether the actor phrase containing token stands in a participant position."""
    head = token
    while head.dep_ in ("compound", "amod", "flat", "nmod") and head.head != head:
        if idx.is_item(head.head):
            return False  # "Iranian-made drones": an origin
        head = head.head
    if head.lemma_.lower() in vocab.words("stock_nouns"):
        return True  # "the US arsenal", "German air force stocks": the owner of the stock supplies from it
    if head.dep_ == "poss":
        return not idx.is_item(head.head)
    if head.dep_ == "pobj":
        return head.head.lower_ in vocab.words("participant_preps")
    return head.dep_ in PARTICIPANT_DEPS


def nearby_actor(idx: ActorIndex, sent: Span, trigger: Token, exclude_ids: set[str], exclude_tokens: set[int],
                 before_only: bool = False) -> ActorRef | None:
    """The actor in a participant position nearest to the trigger within `sent`."""
    best, best_dist = None, None
    for span in idx.spans:
        if span.start < sent.start or span.end > sent.end or span.label_ in exclude_ids:
            continue
        if span.id_ == "media" or set(range(span.start, span.end)) & exclude_tokens:
            continue
        if before_only and span.start > trigger.i:
            continue
        if not is_participant(span.root, idx):
            continue
        dist = abs(span.start - trigger.i)
        if best_dist is None or dist < best_dist:
            best, best_dist = span, dist
    if best is None:
        return None
    return ActorRef(best.label_, best.id_, best.start, best.end, "passage")


def previous_sentences_actor(idx: ActorIndex, sentences: list[Span], sent: Span, trigger: Token,
                             exclude_ids: set[str], exclude_tokens: set[int]) -> ActorRef | None:
    for prev in reversed([s for s in sentences if s.end <= sent.start]):
        ref = nearby_actor(idx, prev, prev[-1], exclude_ids, exclude_tokens)
        if ref is not None:
            return ref
    return None
