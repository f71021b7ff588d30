"""Word lists of the extraction live in extraction/data/*.yaml, not in its Python.

- no set/list/tuple/dict literal in `src/armswatch/extraction/*.py` holds two or more lower-case words. Not words
  of English but names: spaCy's labels (dependency labels, tags, entity labels: grammar) and the names of
  armswatch's own data model (Mention's fields, polarities, item categories, actor kinds, claimant values), read
  from where they are defined. A dict's keys count when it is a table (every value a literal), not when it
  builds a record ({"rule": r, "trigger": t});
- every YAML file in `extraction/data/` loads through `armswatch.extraction.vocab` (the frames file through
  `extraction.rules`), and every name the code asks `vocab.words/ordered/table` for is defined there.
"""
from __future__ import annotations

import ast
import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy import glossary

from armswatch.extraction import rules, vocab
from armswatch.extraction.candidate import Candidate
from armswatch.extraction.items import ITEM_SOURCES
from armswatch.lexicons.actors import KINDS
from armswatch.store.filters import CLAIMANT_WORDS
from armswatch.types import ITEM_CATEGORIES, POLARITIES, Mention

SRC = Path(__file__).resolve().parents[1] / "src"
EXTRACTION = SRC / "armswatch" / "extraction"
VOCAB_MODULE = "armswatch.extraction.vocab"
LOOKUPS = ("words", "ordered", "table")

# A word as a word list holds it: lower case letters, maybe an apostrophe ("n't"), a hyphen or a space ("green
# light"). Identifiers (slot_names, "prep:", "anaphors.states") are not words.
WORD = re.compile(r"^[a-z']*[a-z][a-z' \-]*$")


# The rules file's own schema (its sections, entry kinds, keys and enum values) and the fields of the records
# the stages pass on are names too.
RULES_SCHEMA = (set(rules.SECTIONS) | set(rules.CONTROLS) | set(rules.REQUIRED) | set(rules.FRAME_KEYS)
                | set(rules.WRAPPER_KEYS) | set(rules.ELLIPSIS_KEYS))
SCHEMA_NAMES = frozenset({f.name for f in dataclasses.fields(Mention)} | {f.name for f in dataclasses.fields(Candidate)}
                         | set(POLARITIES) | set(ITEM_CATEGORIES) | set(ITEM_SOURCES) | set(KINDS)
                         | set(CLAIMANT_WORDS) | RULES_SCHEMA)


@pytest.fixture(scope="module")
def names(nlp) -> frozenset[str]:
    """Every label the model's parser, tagger and NER use, every name spaCy's glossary explains, and the
    names of armswatch's data model."""
    labels = set(glossary.GLOSSARY) | SCHEMA_NAMES
    for name in ("parser", "tagger", "ner", "morphologizer"):
        if nlp.has_pipe(name):
            labels |= set(nlp.get_pipe(name).labels)
    assert {"nsubj", "dobj", "prep", "NN", "PERSON"} <= labels
    return frozenset(labels)


def _literal(node: ast.expr) -> bool:
    try:
        ast.literal_eval(node)
    except ValueError:
        return False
    return True


def _collections(tree: ast.AST) -> Iterator[tuple[ast.AST, list[ast.expr]]]:
    """Every set/list/tuple/dict literal with its direct elements (a table's keys, and a dict's values)."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
            yield node, list(node.elts)
        elif isinstance(node, ast.Dict):
            table = all(_literal(v) for v in node.values)
            yield node, [k for k in node.keys if k is not None and table] + list(node.values)


def word_lists(source: str, names: frozenset[str]) -> list[tuple[int, list[str]]]:
    """(line, words) of each literal in `source` holding two or more distinct words that are not `names`."""
    found = []
    for node, elements in _collections(ast.parse(source)):
        words = [e.value for e in elements if isinstance(e, ast.Constant) and isinstance(e.value, str)
                 and WORD.match(e.value) and e.value not in names]
        if len(set(words)) >= 2:
            found.append((node.lineno, list(dict.fromkeys(words))))
    return sorted(found)


def test_the_scan_finds_word_lists_and_passes_grammar():
    labels = frozenset({"nsubj", "dobj", "prep"})
    source = (
        "A = frozenset({'supply', 'deliver'})\n"
        "B = ('nsubj', 'dobj', 'prep')\n"
        "C = {'green light': 1, 'nod': 2}\n"
        "D = ['NOUN', 'PROPN', 'slot_name', 'prep:']\n"
        "E = f(x, ('only',), ('same', 'same'))\n"
        "F = set(['n\\'t', 'never'])\n"
        "G = {'rule': rule, 'trigger': trigger}\n"
        "H = {'x': ['sell', 'sold']}\n"
    )
    assert [line for line, _ in word_lists(source, labels)] == [1, 3, 6, 8]


def test_no_word_list_in_extraction_python(names):
    bad = []
    for path in sorted(EXTRACTION.glob("*.py")):
        for line, words in word_lists(path.read_text(encoding="utf-8"), names):
            shown = ", ".join(words[:6]) + (", ..." if len(words) > 6 else "")
            bad.append(f"{path.relative_to(SRC.parent)}:{line}: {shown}")
    assert not bad, (f"{len(bad)} word lists in extraction/*.py; move them to extraction/data/*.yaml and read "
                     "them with armswatch.extraction.vocab:\n" + "\n".join(bad))


def test_every_data_file_loads_through_vocab():
    files = sorted(p.name for p in vocab.DATA_DIR.glob("*.yaml"))
    assert files, "no YAML files in extraction/data/"
    vocabulary_files = [p.name for p in vocab.vocabulary_files()]
    assert sorted(vocabulary_files + sorted(vocab.RULE_FILES)) == files
    for name in vocabulary_files:  # each file on its own, then all together (a name defined twice fails there)
        assert vocab.parse_vocabulary([vocab.DATA_DIR / name]), f"{name} defines nothing"
    assert vocab.parse_vocabulary(vocab.vocabulary_files()) == vocab.vocabulary()
    assert rules.load_rules().frames  # triggers.yaml, read by rules.py with the vocabulary as its cues


# -- the names the code asks for ----------------------------------------------------------------------------------
def _vocab_aliases(tree: ast.AST) -> tuple[set[str], dict[str, str]]:
    """(names bound to the vocab module, local name -> lookup function) from the module's imports."""
    modules, functions = set(), {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {a.asname for a in node.names if a.name == VOCAB_MODULE and a.asname}
        elif isinstance(node, ast.ImportFrom) and node.module == "armswatch.extraction":
            modules |= {a.asname or a.name for a in node.names if a.name == "vocab"}
        elif isinstance(node, ast.ImportFrom) and node.module == VOCAB_MODULE:
            functions |= {a.asname or a.name: a.name for a in node.names if a.name in LOOKUPS}
    return modules, functions


def vocab_calls(source: str) -> list[tuple[int, str, str]]:
    """(line, lookup, name) of every `vocab.words("name")`-style call with a constant name in `source`."""
    tree = ast.parse(source)
    modules, functions = _vocab_aliases(tree)
    modules.add("vocab")
    calls = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in LOOKUPS and (
                (isinstance(func.value, ast.Name) and func.value.id in modules)
                or ast.unparse(func.value) == VOCAB_MODULE):
            calls.append((node.lineno, func.attr, node.args[0].value))
        elif isinstance(func, ast.Name) and func.id in functions:
            calls.append((node.lineno, functions[func.id], node.args[0].value))
    return calls


def test_the_call_scan_sees_each_spelling():
    source = (
        "from armswatch.extraction import vocab\n"
        "from armswatch.extraction.vocab import words as w, table\n"
        "import armswatch.extraction.vocab\n"
        "a = vocab.words('x')\nb = w('y')\nc = table('z')\nd = armswatch.extraction.vocab.ordered('o')\n"
        "e = other.words('not_vocab')\n"
    )
    assert vocab_calls(source) == [(4, "words", "x"), (5, "words", "y"), (6, "table", "z"), (7, "ordered", "o")]


def _defined(lookup: str, name: str) -> bool:
    value = vocab.vocabulary().get(name)
    if lookup == "words":
        return name in vocab.flatten(vocab.vocabulary())
    if lookup == "ordered":
        return isinstance(value, list)
    return isinstance(value, dict)


def test_every_name_the_code_looks_up_is_defined():
    calls, missing = 0, []
    for path in sorted((SRC / "armswatch").rglob("*.py")):
        for line, lookup, name in vocab_calls(path.read_text(encoding="utf-8")):
            calls += 1
            if not _defined(lookup, name):
                missing.append(f"{path.relative_to(SRC.parent)}:{line}: vocab.{lookup}({name!r})")
    assert calls, "no vocab lookups found: the scan is broken"
    assert not missing, "names no extraction/data/*.yaml defines (as that kind):\n" + "\n".join(missing)
