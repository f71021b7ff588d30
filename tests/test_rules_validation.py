"""triggers.yaml is validated like the lexicons: every unknown key and bad value is reported as file:line, at once."""
from __future__ import annotations

import textwrap

import pytest

from armswatch.errors import LexiconError
from armswatch.event_types import EVENT_TYPE_NAMES
from armswatch.extraction.rules import TRIGGERS_FILE, load_rules, parse_rules
from armswatch.yamlfile import read_yaml


def problems_of(tmp_path, text: str) -> list[str]:
    """The problems reported for a triggers file with `text`, each as 'LINE: problem' (the path checked too)."""
    path = tmp_path / "triggers.yaml"
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_rules(str(path))
    out = []
    for problem in err.value.problems:
        assert problem.startswith(f"{path}:"), problem
        out.append(problem[len(str(path)) + 1:])
    return out


def at(problems: list[str], line: int, *needles: str) -> None:
    """Some problem reported at `line` mentions every needle."""
    assert any(p.startswith(f"{line}: ") and all(n in p for n in needles) for p in problems), (line, needles,
                                                                                              problems)


def test_rules_validation_shipped_file_is_clean_and_uses_registry_types():
    rules = parse_rules(read_yaml(TRIGGERS_FILE), TRIGGERS_FILE)
    assert rules.frames and rules.wrappers and rules.ellipsis
    assert {f.type for f in rules.frames} <= set(EVENT_TYPE_NAMES)
    assert all(type(f.id) is str and type(f.type) is str for f in rules.frames)  # no line-number wrappers leak


def test_rules_validation_frame_keys_and_values(tmp_path):
    problems = problems_of(tmp_path, """
        version: 1
        frames:
          - id: lend.v
            type: TRANSFER
            pos: [VERB, ADVERB]
            lemmas: [lend, loan]
            requires_preps: to
            polarity: negatd
            item_required: "no"
            activ:
              supplier: [nsubj]
          - id: hire.v
            type: LEASE
            lemmas: [hire]
            active:
              supplier: [nsubj, prep_from]
              actors: [dobj]
            no_borrow: [supplier, giver]
    """)
    at(problems, 5, "frame 'lend.v'", "unknown pos 'ADVERB'")
    at(problems, 7, "frame 'lend.v'", "unknown key 'requires_preps'")
    at(problems, 8, "unknown polarity 'negatd'", "affirmed, negated")
    at(problems, 9, "item_required must be true or false", "'no'")
    at(problems, 10, "unknown key 'activ'")
    at(problems, 3, "frame 'lend.v'", "missing key 'active'")
    at(problems, 13, "frame 'hire.v'", "unknown event type 'LEASE'", "TRANSFER")
    at(problems, 16, "unknown slot 'prep_from' for role supplier")
    at(problems, 18, "no_borrow", "unknown role 'giver'")
    assert len(problems) == 9, problems  # roles of an unknown type are not judged (actors on hire.v)


def test_rules_validation_roles_come_from_the_registry(tmp_path):
    problems = problems_of(tmp_path, """
        frames:
          - id: deny.v
            type: DENIAL
            lemmas: [deny]
            active:
              supplier: [nsubj]
          - id: give.v
            type: TRANSFER
            lemmas: [give]
            active: {actors: [nsubj], recipient: []}
            no_nearby: supplier
    """)
    at(problems, 6, "frame 'deny.v'", "unknown role 'supplier'", "valid: actors")
    at(problems, 10, "frame 'give.v'", "unknown role 'actors'", "valid: recipient, supplier")
    at(problems, 10, "recipient must be a list of slots")
    at(problems, 11, "no_nearby must be a list of roles")
    assert len(problems) == 4, problems


def test_rules_validation_wrappers_and_ellipsis(tmp_path):
    problems = problems_of(tmp_path, """
        frames:
          - {id: give.v, type: TRANSFER, lemmas: [give], active: {supplier: [nsubj]}}
        wrappers:
          - id: refuse
            type: PLEDGE
            polarity: negated
            lemmas: [refuse, no]
            control: sideways
            reporting: yes please
          - {id: maybe, type: MAYBE, lemmas: [might], contol: subject}
          - {id: aspect, type: null, lemmas: [begin]}
          - {id: aspect, type: null, lemmas: [start]}
        ellipsis:
          - {id: follow-suit, lemma: follow, objct: suit}
          - {id: do-same, lemma: do, object: same, type: TRANSFR, same_sentence: 1}
          - {id: weigh, lemma: weigh, object: [option]}
    """)
    at(problems, 7, "wrapper 'refuse'", "lemmas: entries must be non-empty strings", "False")
    at(problems, 8, "wrapper 'refuse'", "unknown control 'sideways'", "subject, object, none")
    at(problems, 9, "reporting must be true or false")
    at(problems, 10, "wrapper 'maybe'", "unknown event type 'MAYBE'")
    at(problems, 10, "wrapper 'maybe'", "unknown key 'contol'")
    at(problems, 12, "wrapper 'aspect'", "duplicate id")
    at(problems, 14, "ellipsis 'follow-suit'", "unknown key 'objct'")
    at(problems, 15, "ellipsis 'do-same'", "unknown event type 'TRANSFR'")
    at(problems, 15, "same_sentence must be true or false")
    at(problems, 16, "ellipsis 'weigh'", "object must be a non-empty string")
    assert len(problems) == 10, problems


def test_rules_validation_file_shape(tmp_path):
    problems = problems_of(tmp_path, """
        version: 1
        frame:
          - id: give.v
        wrappers: {id: pledge}
        ellipsis:
          - follow suit
    """)
    at(problems, 1, "unknown section 'frame'", "valid: ellipsis, frames, version, wrappers")
    at(problems, 4, "wrappers must be a list of entries")
    at(problems, 6, "ellipsis: entry must be a mapping", "'follow suit'")
    assert len(problems) == 3, problems
    with pytest.raises(LexiconError, match=r"triggers\.yaml:1: expected a mapping"):
        parse_rules(read_yaml(write(tmp_path / "list.yaml", "- id: give.v\n")), "triggers.yaml")


def test_rules_validation_plain_dicts_are_reported_without_lines():
    with pytest.raises(LexiconError) as err:
        parse_rules({"frames": [{"id": "a", "type": "TRANSFER", "lemmas": ["send"], "active": {"supplier": ["x"]},
                                 "requires_child": "arms"}]}, "mine.yaml")
    assert err.value.problems == ["mine.yaml: frame 'a': active: unknown slot 'x' for role supplier",
                                  ("mine.yaml: frame 'a': requires_child must be a list of non-empty strings, "
                                   "got 'arms'")]


def write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path
