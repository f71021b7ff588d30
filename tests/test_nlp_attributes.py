"""The attribute table (nlp/attributes.py) gives every token what spaCy's attribute_ruler gives it, and is in use."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token

import armswatch.samples
from armswatch.nlp import model_names
from armswatch.nlp.attributes import FACTORY, AttributeTable, use_attribute_table

INVENTED = Path(__file__).parent / "data" / "eval" / "invented.jsonl"
SAMPLES = Path(armswatch.samples.__file__).parent / "articles"
TRICKY = [
    "I'm gonna go, ain't it? We gotta leave. Let's go! Y'all c'mon now.",
    "He ain't here and they ain' t either; you aint seen nothin' yet.",
    "Doin' somethin' with ol' 'em is 'nuff. Goin' home, I'll be back.",
    "There's a plan. There are two plans. There was one. There were none.",
    "I'd have gone; we'd go. It is. You did it. I did it to you. Give it to me. I think I can.",
    "That that is is that that is not. Those who do, do; these don't. The one that got away gets away.",
    "THE U.S. SAID IT WOULD SEND 'EM 155MM SHELLS, NOT TANKS.",
    '"Yes," she said. \'No,\' he said. “Curly” and ‘single’ quotes (brackets) [and] {braces}.',
    "\n\n",
    "  \n \t ",
    "Paragraph one.\n\nParagraph two.  Two spaces.\n \nA line\twith a tab.",
    "Not n't nt n’t never. Here and there, then once. Well, well.",
    "$5m # 3 -- e.g. & @ % ... etc. http://example.com a@b.org",
    "",
]


def _texts() -> list[str]:
    from conftest import shared_file

    dev = shared_file("eval/dev.jsonl")
    rows = [json.loads(line) for path in (dev, INVENTED)
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.iterdir()) if p.is_file()]
    return [row["text"] for row in rows] + articles + TRICKY


@pytest.fixture(scope="module")
def parsed(nlp) -> list[Doc]:
    """Every text tagged and parsed, before the attribute rules and the lemmatizer."""
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        return list(nlp.pipe(_texts()))


def _copy(doc: Doc) -> Doc:
    return Doc(doc.vocab).from_bytes(doc.to_bytes())


def _attributes(doc: Doc) -> list[tuple]:
    return [(t.i, t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_table_sets_exactly_what_the_attribute_ruler_sets(nlp, parsed):
    table = nlp.get_pipe("attribute_ruler")
    lemmatizer = nlp.get_pipe("lemmatizer")
    for doc in parsed:
        by_ruler, by_table = lemmatizer(table.ruler(_copy(doc))), lemmatizer(table(_copy(doc)))
        assert _attributes(by_table) == _attributes(by_ruler), doc.text[:80]


def test_comparison_covers_tag_map_exceptions_and_multi_token_rules(nlp, parsed):
    table = nlp.get_pipe("attribute_ruler")
    doc = table(_copy(next(d for d in parsed if d.text.startswith("I'm gonna"))))
    lemmas = {t.text: t.lemma_ for t in doc}
    assert (lemmas["gon"], lemmas["na"], lemmas["'s"]) == ("go", "to", "us")  # "gon na", "let 's"
    assert (lemmas["'m"], doc[0].lemma_, str(doc[0].morph)) == ("be", "I", "Case=Nom|Number=Sing|Person=1|PronType=Prs")
    there = table(_copy(next(d for d in parsed if d.text.startswith("There's a plan"))))
    assert [t.pos_ for t in there if t.lower_ in ("'s", "are", "was", "were")] == ["VERB"] * 4  # expl + be
    space = table(_copy(next(d for d in parsed if d.text == "\n\n")))
    assert [(t.pos_, t.tag_) for t in space] == [("SPACE", "_SP")]


def test_load_nlp_runs_the_table_in_the_rulers_place(nlp):
    table = nlp.get_pipe("attribute_ruler")
    assert isinstance(table, AttributeTable)
    assert nlp.get_pipe_meta("attribute_ruler").factory == FACTORY
    names = nlp.pipe_names
    assert names.index("parser") < names.index("attribute_ruler") < names.index("lemmatizer")
    assert isinstance(table.ruler, AttributeRuler) and table.ruler not in [p for _, p in nlp.pipeline]
    assert table.patterns == table.ruler.patterns and len(table.patterns) > 100
    assert use_attribute_table(nlp) is True and nlp.get_pipe("attribute_ruler") is table  # adding twice is a no-op


RULES = [  # patterns the table evaluates itself, and some only a Matcher can (OP, LENGTH, an index past the end)
    {"patterns": [[{"TAG": {"REGEX": "^NN"}, "IS_TITLE": True}]], "attrs": {"POS": "PROPN", "LEMMA": "NAME"}},
    {"patterns": [[{"LOWER": {"IN": ["arms", "weapons"]}, "DEP": {"NOT_IN": ["nsubj", ""]}}]],
     "attrs": {"MORPH": "X=1"}},
    {"patterns": [[{"text": "Russia"}], [{"ORTH": "Iran", "OP": "?"}]], "attrs": {"LEMMA": "STATE"}},
    {"patterns": [[{"IS_DIGIT": True}, {"LOWER": "tanks"}]], "attrs": {"TAG": "NUMNOUN", "MORPH": "_"}, "index": -1},
    {"patterns": [[{"POS": "DET"}, {}, {"LENGTH": {">": 5}}]], "attrs": {"LEMMA": "TRIPLE"}, "index": 1},
    {"patterns": [[{"TAG": "NNS"}]], "attrs": {"POS": "NOUN", "LEMMA": "PLURAL"}},
    {"patterns": [[{"LOWER": "tanks"}]], "attrs": {"LEMMA": "tank"}},
]


@pytest.fixture
def small_model():
    """The model without its own attribute rules (a fresh copy: a test adds pipes to it)."""
    name = next(n for n in model_names() if spacy.util.is_package(n))
    return spacy.load(name, exclude=["ner", "attribute_ruler", "lemmatizer"])


def test_table_follows_another_rulers_rules_including_matcher_only_ones(small_model):
    ruler = AttributeRuler(small_model.vocab)
    ruler.add_patterns(RULES)
    table = AttributeTable(small_model, FACTORY).from_ruler(ruler)
    assert table._fallback_size == 2  # the OP pattern and the LENGTH one
    texts = ["Russia and Iran sent 200 tanks and arms to the rebels.", "Poland bought 50 tanks.",
             "Weapons arrived; the arms were old, the launchers brand new."]
    for doc in small_model.pipe(texts):
        assert _attributes(table(_copy(doc))) == _attributes(ruler(_copy(doc)))
    doc = table(small_model("Russia bought 300 tanks."))
    assert (doc[0].lemma_, doc[0].tag_, doc[3].tag_) == ("STATE", "NNP", "NUMNOUN")


def test_an_index_outside_the_pattern_fails_as_in_the_ruler(small_model):
    ruler = AttributeRuler(small_model.vocab)
    ruler.add_patterns([{"patterns": [[{"LOWER": "sent"}, {"LOWER": "tanks"}]], "attrs": {"LEMMA": "x"}, "index": 2}])
    table = AttributeTable(small_model, FACTORY).from_ruler(ruler)
    errors = []
    for component in (ruler, table):
        with pytest.raises(ValueError, match="E1001") as error:
            component(small_model("Germany sent tanks."))
        errors.append(str(error.value))
    assert errors[0] == errors[1]


def test_a_ruler_setting_extension_attributes_is_kept(small_model):
    Token.set_extension("armswatch_test_flag", default=None, force=True)
    ruler = small_model.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "tanks"}]], {"_": {"armswatch_test_flag": True}})
    assert use_attribute_table(small_model) is False
    assert isinstance(small_model.get_pipe("attribute_ruler"), AttributeRuler)
    assert [t._.armswatch_test_flag for t in small_model("sent tanks")] == [None, True]
