"""Rule data of extraction/data/: shipped files load; bad entries are all reported at once with where they are."""
from __future__ import annotations

import pytest
import yaml

from armswatch.errors import LexiconError
from armswatch.extraction.rules import DATA_DIR, load_rules, parse_rules
from armswatch.extraction.slots import slot_function
from armswatch.types import EVENT_TYPES


def test_extract_rules_shipped_files_cover_every_event_type():
    rules = load_rules()
    assert {f.type for f in rules.frames} | {w.type for w in rules.wrappers if w.type} == set(EVENT_TYPES)
    assert "supply" in rules.by_lemma and "deny" in rules.wrapper_by_lemma


def test_extract_rules_every_shipped_slot_has_a_finder():
    for frame in load_rules().frames:
        for roles in (frame.active, frame.passive):
            for slots in roles.values():
                for slot in slots:
                    assert callable(slot_function(slot)), (frame.id, slot)


def test_extract_rules_bad_entries_are_all_reported():
    triggers = {"frames": [
        {"id": "a", "type": "SUPPLY", "lemmas": ["send"], "active": {"supplier": ["nsubj"]}},
        {"id": "b", "type": "TRANSFER", "lemmas": [], "active": {"giver": ["nsubj"], "recipient": ["elsewhere"]}},
    ], "wrappers": [{"id": "w", "type": "MAYBE", "lemmas": ["x"], "control": "sideways"}]}
    with pytest.raises(LexiconError) as err:
        parse_rules(triggers, "bad.yaml")
    text = str(err.value)
    for needle in ("'SUPPLY'", "no lemmas", "unknown role 'giver'", "unknown slot 'elsewhere'", "'MAYBE'",
                   "unknown control 'sideways'"):
        assert needle in text
    assert "bad.yaml: frame 'a'" in text and len(err.value.problems) == 6


def test_extract_rules_malformed_yaml_names_the_file(tmp_path):
    bad = tmp_path / "triggers.yaml"
    bad.write_text("frames: [\n  - id: x\n", encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_rules(str(bad))
    assert str(bad) in str(err.value)


def test_extract_rules_custom_file_changes_behaviour(tmp_path, nlp):
    """Rules really are data: a copy without the 'gift' frame lemma stops coding that verb."""
    from armswatch.extraction.engine import extract_doc

    data = yaml.safe_load((DATA_DIR / "triggers.yaml").read_text(encoding="utf-8"))
    for frame in data["frames"]:
        frame["lemmas"] = [x for x in frame["lemmas"] if x != "donate"]
    path = tmp_path / "triggers.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    custom = load_rules(str(path))
    doc = nlp("Canada donated armoured vehicles to Ukraine.")
    assert [m.key() for m in extract_doc(doc, rules=load_rules())] == [("TRANSFER", "CAN", "UKR", "affirmed")]
    assert extract_doc(doc, rules=custom) == []
