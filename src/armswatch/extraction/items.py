"""Finds the item of a mention: the gazetteer's item spans near the trigger, else an arms-context default."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from armswatch.extraction import vocab
from armswatch.nlp import entities

# Where an item was found (ItemChoice.source): a name of the data model, stored in Provenance.item and read by the
# confidence model. "argument" is the trigger's own phrase, "sentence" elsewhere in its sentence, "passage" an
# earlier sentence, "default" the generic "weapons" of an arms context; "non-arms" a supply of something else, and
# "claim" the unstated item of a denial, "none" no item at all.
ITEM_SOURCES = ("argument", "sentence", "passage", "default", "non-arms", "claim", "none")
# Dependencies of a clause on a noun ("information indicating that ...", "reports that ...").
CLAUSE_DEPS = ("acl", "relcl", "ccomp", "advcl")


@dataclass
class ItemChoice:
    text: str | None
    category: str | None
    categories: list[str]
    source: str  # one of ITEM_SOURCES


def _spans_in(items: list[Span], start: int, end: int) -> list[Span]:
    return [s for s in items if s.start >= start and s.end <= end]


def _subtree_range(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def _main(spans: list[Span]) -> Span:
    """The main item of a phrase: the first-written specific category, generic ones last."""
    def rank(s: Span) -> tuple[int, int]:
        generic = s.label_ in vocab.words("generic_item_categories")
        return (1 if generic else 0, s.start)
    return min(spans, key=rank)


def _categories(spans: list[Span]) -> list[str]:
    cats = list(dict.fromkeys(s.label_ for s in spans))
    return cats


def _compound_in(noun: Token, lemmas: frozenset[str]) -> bool:
    """Whether a compound modifier of `noun` is one of `lemmas` ("oil supply", "food aid")."""
    return any(c.dep_ == "compound" and c.lemma_.lower() in lemmas for c in noun.children)


def _in_clause_of(noun: Token, span: Span) -> bool:
    """Whether `span` lies in a clause hanging on `noun` ("information indicating that ...")."""
    return any(c.dep_ in CLAUSE_DEPS and c.left_edge.i <= span.start and span.end - 1 <= c.right_edge.i
               for c in noun.children)


def may_name_someone_or_a_sum(phrases: list[Token]) -> bool:
    """Whether the phrases have a capital letter, a number or a currency sign: a PERSON or MONEY entity has one,
    so only then does NER need to run to tell "sent Shoigu" or "received 38 million euros" from arms."""
    return any(t.like_num or t.is_currency or "X" in t.shape_ for p in phrases for t in p.subtree)


def _argument_items(items: list[Span], arg: Token, non_arms: frozenset[str]) -> list[Span]:
    """The item spans in an argument's phrase; for a non-arms object, not those of a clause on it ("received
    information that Iran was sending drones": the item told of is not the one received)."""
    lo, hi = _subtree_range(arg)
    found = _spans_in(items, lo, hi)
    if arg.lemma_.lower() in non_arms:
        found = [s for s in found if not _in_clause_of(arg, s)]
    return found


def _object_phrases(trigger: Token) -> list[Token]:
    """The trigger's object or passive subject, and the noun its past participle modifies ("images provided by
    the ministry")."""
    dobjs = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    if trigger.tag_ == "VBN" and trigger.dep_ == "acl" and trigger.head.pos_ in ("NOUN", "PROPN"):
        dobjs.append(trigger.head)
    return dobjs


def _arriving(trigger: Token) -> list[Token]:
    """What an arrival verb's subject says arrives, through a quantity ("a large portion of Israel's oil supply
    comes from ...")."""
    if trigger.lemma_.lower() not in vocab.words("arrival_verbs"):
        return []
    subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
    return subjects + [o for s in subjects for p in s.children if p.dep_ == "prep" and p.lower_ == "of"
                       for o in p.children if o.dep_ == "pobj"]


def choose(doc: Doc, trigger: Token, sent: Span, arg_tokens: list[Token], non_arms: frozenset[str],
           arms_context: frozenset[str], support_words: frozenset[str], excluded: set[int],
           spans: list[Span] | None = None) -> ItemChoice | None:
    """Item of the event at `trigger`: in its arguments, then its subtree, then the sentence; None = non-arms.

    `spans` are the doc's item spans (doc.spans["items"]) when the caller has them at hand (ActorIndex.items):
    reading doc.spans builds every Span object anew, on each call.
    """
    if spans is None:
        spans = list(doc.spans.get("items", []))
    items = [s for s in spans if not set(range(s.start, s.end)) & excluded]
    candidates: list[Span] = []
    # 1. the trigger's own phrase (noun triggers: "arms shipments", "supply of drones")
    lo, hi = _subtree_range(trigger)
    own = [s for s in _spans_in(items, lo, hi)]
    if trigger.pos_ in ("NOUN", "PROPN") or trigger.dep_ in ("acl", "amod", "relcl"):
        head = trigger.head if trigger.dep_ in ("acl", "amod", "relcl") else trigger
        lo2, hi2 = _subtree_range(head)
        own = own or _spans_in(items, lo2, hi2)
        if trigger.dep_ in ("acl", "relcl") and not own:
            own = _spans_in(items, head.i, head.i + 1)
    for tok in arg_tokens:
        candidates.extend(_argument_items(items, tok, non_arms))
    # 2. dobj of the trigger with no item at all: a non-arms object ("sent food", "sent Shoigu") stops it
    # ("the Houthis have been armed by Iran": an excluded object is the recipient)
    objects = [d for d in _object_phrases(trigger) if d.i not in excluded] if not candidates else []
    if any(d.lemma_.lower() in non_arms or _civil_support(d, support_words) for d in objects) or \
            not candidates and any(
            d.lemma_.lower() in non_arms or _compound_in(d, non_arms) for d in _arriving(trigger)):
        return None  # "sent food", "images provided by X", "Israel's oil supply comes from ..."
    objects = [d for d in objects if d.head == trigger]  # only the trigger's own object may name a person
    if objects and may_name_someone_or_a_sum(objects):
        entities.ensure(doc, [sent])
        for d in objects:
            if d.ent_type_ in ("PERSON", "MONEY") or any(t.ent_type_ == "MONEY" for t in d.subtree):
                return None  # "sent Shoigu", "received 38 million euros"
    candidates = candidates or own
    if candidates:
        main = _main(candidates)
        if main.label_ == "weapons" and main[0].lower_ in vocab.words("pointing_determiners"):
            # "asked X for the weapons, calling the howitzers essential": the definite generic points back
            specific = [s for s in _spans_in(items, sent.start, sent.end)
                        if s.label_ not in vocab.words("vague_item_categories")]
            if specific:
                return ItemChoice(main.text, specific[0].label_, _categories([specific[0], main]), "argument")
        return ItemChoice(main.text, main.label_, _categories([main, *candidates]), "argument")
    sent_items = _spans_in(items, sent.start, sent.end)
    if sent_items:
        main = min(sent_items, key=lambda s: abs(s.start - trigger.i))
        return ItemChoice(main.text, main.label_, _categories([main]), "sentence")
    words = {t.lemma_.lower() for t in sent}
    if trigger.lemma_.lower() in support_words or words & support_words and not words & arms_context:
        return ItemChoice(None, "support", ["support"], "default")
    if words & arms_context:
        return ItemChoice(None, "weapons", ["weapons"], "default")
    return ItemChoice(None, None, [], "none")


def _civil_support(noun: Token, support_words: frozenset[str]) -> bool:
    """"suspended economic assistance", "sent humanitarian aid": support that its modifier says is not military."""
    qualifiers = vocab.words("non_arms_qualifiers")
    return noun.lemma_.lower() in support_words and any(
        c.dep_ in ("amod", "compound") and c.lemma_.lower() in qualifiers for c in noun.children)


def passage_item(doc: Doc, before: int, not_before: int = 0) -> ItemChoice | None:
    """The last item span between tokens `not_before` and `before` (an item stated in an earlier sentence)."""
    items = [s for s in doc.spans.get("items", []) if not_before <= s.start and s.end <= before]
    if not items:
        return None
    main = items[-1]
    return ItemChoice(main.text, main.label_, [main.label_], "passage")
