"""The model's attribute_ruler as a lookup table: the same token attributes at a fraction of the cost.

spaCy's AttributeRuler runs a Matcher holding all its rules (179 in en_core_web_sm: a tag map plus exceptions)
over every token, which costs about as much as the parser. Almost every rule tests one token on a few attributes
(TAG, LOWER, DEP, IS_SPACE), so what a token gets is a function of those values. The table reads them for the whole
doc with one `doc.to_array`, remembers per distinct key which rules match and their merged attributes, and sets them
with spaCy's own `set_token_attrs`. Each distinct value of each attribute is tested once against the rules'
predicates (exact value, IN, NOT_IN, REGEX, as the Matcher evaluates them), giving a bit mask per token; fixed-length
multi-token rules ("gon na", "ai n't") are tested on the masks of consecutive tokens.

The ruler sorts its matches by rule and applies them in turn, so a token ends with, per attribute, the value of the
last matching rule that sets it; the table merges each token's matching rules in that order. Patterns it cannot
express (operators, extension attributes, other predicates or attributes, an index outside the pattern) stay in a
small spaCy Matcher and are merged in the same order; a ruler that sets extension attributes is left in place.
Everything is built from the loaded ruler (`AttributeTable.from_ruler`), so another model's rules work too.
"""
from __future__ import annotations

import logging
import re
from typing import Any

from spacy.attrs import IDS
from spacy.errors import Errors
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.tokens._retokenize import set_token_attrs

FACTORY = "armswatch_attribute_table"
MEMO_CAP = 50_000  # distinct keys (and values per attribute) remembered before a memo starts over

log = logging.getLogger(__name__)

# Attributes whose matcher value is a string id, and boolean lexeme flags: what doc.to_array gives for these is
# exactly what the Matcher compares (it differs only for SENT_START; MORPH, ENT_IOB and numbers have other rules).
STRING_ATTRS = frozenset(IDS[a] for a in ("ORTH", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX", "LEMMA", "TAG",
                                          "POS", "DEP"))
FLAG_ATTRS = frozenset(IDS[a] for a in ("IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_PUNCT", "IS_SPACE",
                                        "IS_TITLE", "IS_UPPER", "LIKE_URL", "LIKE_NUM", "LIKE_EMAIL", "IS_STOP",
                                        "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY"))

Predicate = tuple[int, str, Any]  # (attribute id, "==" | "IN" | "NOT_IN" | "REGEX", hashable operand)


class Unsupported(Exception):
    """A pattern the table cannot express; it goes to the fallback Matcher."""


def _attr_id(name: str | int) -> int:
    if isinstance(name, int):
        return name
    name = name.upper()
    if name in ("_", "OP"):
        raise Unsupported(name)
    attr = IDS.get("ORTH" if name == "TEXT" else name)
    if attr is None:
        raise Unsupported(name)
    return attr


def _predicates(spec: dict, strings) -> list[Predicate]:
    """The tests one token spec makes, with operands converted as spaCy's Matcher converts them."""
    out: list[Predicate] = []
    for name, value in spec.items():
        attr = _attr_id(name)
        if attr not in STRING_ATTRS and attr not in FLAG_ATTRS:
            raise Unsupported(name)
        if isinstance(value, bool) or (attr in FLAG_ATTRS and isinstance(value, int)):
            if attr not in FLAG_ATTRS:
                raise Unsupported(name)
            out.append((attr, "==", int(value)))
        elif attr in FLAG_ATTRS:
            raise Unsupported(name)
        elif isinstance(value, str):
            out.append((attr, "==", strings.add(value)))
        elif isinstance(value, int):
            out.append((attr, "==", value))
        elif isinstance(value, dict):
            for op, operand in value.items():
                op = op.upper()
                if op in ("IN", "NOT_IN") and isinstance(operand, list) \
                        and all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in operand):
                    out.append((attr, op, frozenset(get_string_id(v) for v in operand)))
                elif op == "REGEX" and isinstance(operand, str):
                    out.append((attr, op, operand))
                else:
                    raise Unsupported(op)
        else:
            raise Unsupported(name)
    return out


class AttributeTable:
    """Sets what the model's AttributeRuler sets, from a table of its rules instead of a Matcher over every token."""

    def __init__(self, nlp: Language, name: str = "attribute_ruler"):
        self.name = name
        self.vocab = nlp.vocab
        self.ruler: AttributeRuler | None = None

    # The pipe keeps the ruler's name; what code reads from an AttributeRuler still answers.
    @property
    def patterns(self) -> list[dict]:
        return self.ruler.patterns if self.ruler else []

    @property
    def attrs(self) -> list[dict]:
        return self.ruler.attrs if self.ruler else []

    @property
    def indices(self) -> list[int]:
        return self.ruler.indices if self.ruler else []

    @staticmethod
    def supports(ruler: AttributeRuler) -> bool:
        """False when a rule sets extension attributes (`_`), whose setters the table would call in another order."""
        return not any("_" in attrs for attrs in ruler.attrs)

    def from_ruler(self, ruler: AttributeRuler) -> AttributeTable:
        """Compile `ruler`'s rules (patterns, normalised attrs, indices) into the table."""
        if not self.supports(ruler):
            raise ValueError("the attribute ruler sets extension attributes; keep it instead")
        self.ruler = ruler
        self._rule_attrs = list(ruler.attrs)
        self._bits: dict[Predicate, int] = {}
        self._single: list[tuple[int, int]] = []  # (rule, needed mask), in rule order
        self._multi: list[tuple[int, tuple[int, ...], int]] = []  # (rule, needed mask per token, target offset)
        self._fallback = Matcher(self.vocab)
        self._fallback_size = 0
        strings = self.vocab.strings
        for rule, entry in enumerate(ruler.patterns):
            index = ruler.indices[rule]
            for pattern in entry["patterns"]:
                try:
                    needs = tuple(self._need(p) for p in [_predicates(spec, strings) for spec in pattern])
                except Unsupported:
                    needs = ()
                if not needs or not -len(needs) <= index < len(needs):
                    self._fallback.add(strings.add(str(rule)), [pattern])
                    self._fallback_size += 1
                elif len(needs) == 1:
                    self._single.append((rule, needs[0]))
                else:
                    self._multi.append((rule, needs, index % len(needs)))
        self._columns = sorted({attr for attr, _, _ in self._bits})
        self._tests = [self._column_tests(column) for column in self._columns]
        self._value_masks: list[dict[int, int]] = [{} for _ in self._columns]
        self._memo: dict[tuple, tuple] = {}  # key -> (rules, merged attrs or None, mask, multi rules starting here)
        self._by_mask: dict[int, tuple] = {}  # mask -> the same tuple; few distinct masks
        self._merged: dict[tuple[int, ...], dict | None] = {}
        return self

    def _column_tests(self, column: int) -> tuple[dict[int, int], list[tuple[int, frozenset]],
                                                  list[tuple[int, re.Pattern]]]:
        """The predicates on one attribute: value -> bits of the `==` and IN tests it passes; NOT_IN; REGEX."""
        direct: dict[int, int] = {}
        not_in, regex = [], []
        for (attr, op, operand), bit in self._bits.items():
            if attr != column:
                continue
            if op == "==":
                direct[operand] = direct.get(operand, 0) | bit
            elif op == "IN":
                for value in operand:
                    direct[value] = direct.get(value, 0) | bit
            elif op == "NOT_IN":
                not_in.append((bit, operand))
            else:
                regex.append((bit, re.compile(operand)))
        return direct, not_in, regex

    def _need(self, predicates: list[Predicate]) -> int:
        need = 0
        for predicate in predicates:
            if predicate not in self._bits:
                self._bits[predicate] = 1 << len(self._bits)
            need |= self._bits[predicate]
        return need

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n or self.ruler is None:
            return doc
        infos = self._infos(doc)
        extra = self._multi_matches(infos) if self._multi else {}
        if self._fallback_size:
            self._fallback_matches(doc, extra)
        token_attrs = [info[1] for info in infos]
        for i, rules in extra.items():
            token_attrs[i] = self._merge(tuple(sorted(set(infos[i][0]).union(rules))))
        for token, attrs in zip(doc, token_attrs):
            if attrs:
                set_token_attrs(token, attrs)
        return doc

    def _infos(self, doc: Doc) -> list[tuple]:
        if not self._columns:
            return [((), None, 0, ())] * len(doc)
        rows = doc.to_array(self._columns).reshape(len(doc), -1).tolist()
        memo = self._memo
        get = memo.get
        infos = []
        for key in map(tuple, rows):
            info = get(key)
            if info is None:
                if len(memo) >= MEMO_CAP:
                    memo.clear()
                info = memo[key] = self._learn(key)
            infos.append(info)
        return infos

    def _learn(self, key: tuple) -> tuple:
        mask = 0
        for column, value in enumerate(key):
            masks = self._value_masks[column]
            m = masks.get(value)
            if m is None:
                if len(masks) >= MEMO_CAP:
                    masks.clear()
                m = masks[value] = self._value_mask(column, value)
            mask |= m
        info = self._by_mask.get(mask)
        if info is None:
            rules = tuple(dict.fromkeys(rule for rule, need in self._single if mask & need == need))
            starts = tuple(j for j, (_, needs, _) in enumerate(self._multi) if mask & needs[0] == needs[0])
            if len(self._by_mask) >= MEMO_CAP:
                self._by_mask.clear()
            info = self._by_mask[mask] = (rules, self._merge(rules), mask, starts)
        return info

    def _value_mask(self, column: int, value: int) -> int:
        """The bits of the predicates on this column that `value` satisfies, tested as spaCy's Matcher tests them."""
        direct, not_in, regex = self._tests[column]
        mask = direct.get(value, 0)
        for bit, operand in not_in:
            if value not in operand:
                mask |= bit
        if regex:
            text = self.vocab.strings[value]
            for bit, pattern in regex:
                if pattern.search(text):
                    mask |= bit
        return mask

    def _merge(self, rules: tuple[int, ...]) -> dict | None:
        """The attributes `rules` set, applied in rule order (later rules win), as the ruler applies its matches."""
        merged = self._merged.get(rules, False)
        if merged is False:
            merged = {}
            for rule in rules:
                merged.update(self._rule_attrs[rule])
            if len(self._merged) >= MEMO_CAP:
                self._merged.clear()
            merged = self._merged[rules] = merged or None
        return merged

    def _multi_matches(self, infos: list[tuple]) -> dict[int, set[int]]:
        """Token -> rules of the fixed-length multi-token patterns that match around it."""
        extra: dict[int, set[int]] = {}
        n = len(infos)
        for i in [i for i, info in enumerate(infos) if info[3]]:
            for j in infos[i][3]:
                rule, needs, target = self._multi[j]
                if i + len(needs) <= n and all(infos[i + k][2] & need == need for k, need in enumerate(needs)):
                    extra.setdefault(i + target, set()).add(rule)
        return extra

    def _fallback_matches(self, doc: Doc, extra: dict[int, set[int]]) -> None:
        """Token -> rules, from the patterns only spaCy's Matcher can evaluate; bad indices fail as in the ruler."""
        for match_id, start, end in self._fallback(doc, allow_missing=True, as_spans=False):
            rule = int(self.vocab.strings[match_id])
            span = Span(doc, start, end, label=match_id)
            index = self.ruler.indices[rule]
            try:
                token = span[index]
            except IndexError:
                raise ValueError(Errors.E1001.format(patterns=self._fallback.get(span.label),
                                                    span=[t.text for t in span], index=index)) from None
            extra.setdefault(token.i, set()).add(rule)


@Language.factory(FACTORY)
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    """An empty table; `use_attribute_table` fills it from the model's ruler."""
    return AttributeTable(nlp, name)


def use_attribute_table(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Replace the pipe `name` (the model's AttributeRuler) in place by a table of its rules, under the same name.

    Returns whether the table is in use; a ruler the table cannot reproduce stays as it is.
    """
    if name not in nlp.component_names:
        return False
    ruler = nlp.get_pipe(name)
    if isinstance(ruler, AttributeTable):
        return True
    if not isinstance(ruler, AttributeRuler) or not AttributeTable.supports(ruler):
        log.info("keeping spaCy's %s: its rules set extension attributes", name)
        return False
    disabled = name in nlp.disabled
    table = nlp.replace_pipe(name, FACTORY)
    table.from_ruler(ruler)
    if disabled:
        nlp.disable_pipe(name)
    return True
