"""Lexicon files are validated on load: every bad entry is reported at once, as file:line, in one LexiconError."""
from __future__ import annotations

import pytest

from armswatch.errors import LexiconError
from armswatch.lexicons import load_actors, load_weapons
from armswatch.lexicons._yaml import read_yaml
from armswatch.lexicons.actors import DEFAULT_FILES
from armswatch.lexicons.build_actors import build

BAD_ACTORS = """\
actors:
- {id: RUS, kind: capital, aliases: [Moscow]}
- {kind: person, aliases: [Nobody]}
- {id: russia, kind: state, aliases: [Rus]}
- {id: UKR, kind: capitol, aliases: [Kyiv]}
- {id: UKR, kind: capital, aliases: [moscow]}
- {id: org:foo, kind: org, affiliation: XXX, aliases: [Foo Front]}
- {id: QQQ, kind: person, aliases: [Mr Q]}
- {id: org:bar, kind: org, aliases: [Bar], colour: red}
- {id: FRA, kind: capital, aliases: [Paris, 42]}
"""

BAD_WEAPONS = """\
items:
- {term: drones, category: drones, aliases: [unmanned aircraft]}
- {term: rayguns, category: lasers}
- {category: missiles, aliases: [rockets]}
- {term: Shahed, category: drones, named: true, also: [drones]}
- {term: unmanned aerial vehicles, category: aircraft, aliases: [Unmanned Aircraft]}
modifier_patterns:
- [{NOT_AN_ATTR: 1}]
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_lexicons_actor_errors_are_all_reported_with_file_and_line(tmp_path):
    path = write(tmp_path, "bad_actors.yaml", BAD_ACTORS)
    with pytest.raises(LexiconError) as info:
        load_actors(path)
    problems = info.value.problems
    expected = {
        3: "missing id", 4: "bad id 'russia'", 5: "unknown kind 'capitol'", 6: "alias 'moscow' of UKR is already RUS",
        7: "affiliation 'XXX'", 8: "unknown state id 'QQQ'", 9: "unknown field 'colour'",
        10: "alias must be a non-empty string, got 42",
    }
    for line, words in expected.items():
        assert any(p.startswith(f"{path}:{line}: ") and words in p for p in problems), (line, words, problems)
    assert len(problems) == len(expected)
    assert f"{path}:5:" in str(info.value)  # the message itself lists them, one a line


def test_lexicons_weapon_errors_are_all_reported_with_file_and_line(tmp_path):
    path = write(tmp_path, "bad_weapons.yaml", BAD_WEAPONS)
    with pytest.raises(LexiconError) as info:
        load_weapons(path)
    problems = info.value.problems
    expected = {3: "unknown category 'lasers'", 4: "missing term", 5: "'also' must list other categories",
                6: "alias 'Unmanned Aircraft' of 'unmanned aerial vehicles' is already 'drones'",
                8: "not a spaCy token pattern"}
    for line, words in expected.items():
        assert any(p.startswith(f"{path}:{line}: ") and words in p for p in problems), (line, words, problems)
    assert "valid: ammunition, artillery" in str(info.value)  # names the valid categories


def test_lexicons_yaml_syntax_error_names_file_and_line(tmp_path):
    path = write(tmp_path, "broken.yaml", "actors:\n- {id: RUS, kind: state\n- {id: UKR}\n")
    with pytest.raises(LexiconError) as info:
        load_actors(path)
    assert str(path) in str(info.value) and "invalid YAML" in str(info.value)


def test_lexicons_missing_file_is_a_lexicon_error(tmp_path):
    with pytest.raises(LexiconError, match="cannot read"):
        load_weapons(tmp_path / "absent.yaml")


def test_lexicons_custom_actor_file_loads(tmp_path):
    path = write(tmp_path, "mine.yaml", "actors:\n- {id: RUS, kind: capital, aliases: [Moskva]}\n"
                                        "- {id: org:blue-brigade, kind: org, affiliation: RUS, aliases: [Blue Brigade]}\n")
    lex = load_actors(path)
    assert lex.resolve("Moskva") == "RUS" and lex.resolve("the Blue Brigade") == "org:blue-brigade"
    assert lex.affiliation("org:blue-brigade") == "RUS"
    assert lex.resolve("Moscow") is None  # only the given file


def test_lexicons_custom_weapon_file_loads(tmp_path):
    path = write(tmp_path, "w.yaml", "items:\n- {term: widgets, category: components, aliases: [gizmo]}\n")
    lex = load_weapons(path)
    assert lex.categories("gizmos and widgets") == ["components"]
    assert lex.category("drones") is None


def test_lexicons_states_file_matches_its_generator():
    """states.yaml is generated: a hand edit (or a country_converter upgrade) shows up here."""
    shipped = read_yaml(DEFAULT_FILES[0])["actors"]
    assert [dict(e) for e in shipped] == build()
