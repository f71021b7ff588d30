"""The strings of a parsed doc, computed once per doc: its text and each token's lowercase form and lemma.

Why: the rule stage asks for the same strings again and again in its loops (every token of every sentence for
a trigger, every earlier token for an antecedent), and spaCy builds them anew on each request: `doc.text` joins
every token's text, `doc[i]` makes a new Token object, `token.lemma_` looks the string up in the vocabulary.
A table built once per doc turns each of those into a list lookup.

The tables live in `doc.user_data` (plain strings, like the quotation marks `actors.in_quotes` keeps there), so
every stage that gets the doc gets them; the rule stage never changes a doc's tokens, so they stay valid.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

KEY = "armswatch.texts"


def _table(doc: Doc) -> dict:
    """{"text": doc.text, "lower": each token's lower_, "lemma": each token's lemma_.lower()}, built on the first
    call; plain data, as everything in user_data must stay (docs may be serialised)."""
    table = doc.user_data.get(KEY)
    if table is None:
        tokens = list(doc)  # each Token built once for all three (doc.text would build them all again)
        table = doc.user_data[KEY] = {"text": "".join(t.text_with_ws for t in tokens),
                                      "lower": [t.lower_ for t in tokens],
                                      "lemma": [t.lemma_.lower() for t in tokens]}
    return table


def doc_text(doc: Doc) -> str:
    """`doc.text`, without joining the tokens again."""
    return _table(doc)["text"]


def lowers(doc: Doc) -> list[str]:
    """`doc[i].lower_` for each token index i."""
    return _table(doc)["lower"]


def lemmas(doc: Doc) -> list[str]:
    """`doc[i].lemma_.lower()` for each token index i."""
    return _table(doc)["lemma"]


def span_text(span: Span) -> str:
    """`span.text` (a sentence's, say), cut from the doc's text instead of joined from its tokens."""
    return doc_text(span.doc)[span.start_char: span.end_char]
