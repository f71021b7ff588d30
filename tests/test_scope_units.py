"""The scope stage's decisions (extraction/scope.py) on hand-built parses, two or more wordings each.

Each parse is written out token by token (word, lemma, POS, tag, dependency, head index), so a test states the
construction it is about and does not depend on what the statistical parser makes of one sentence.
"""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Token

from armswatch.event_types import CONSIDER, DEAL, DENIAL, PLEDGE, SANCTION, TRANSFER
from armswatch.extraction.rules import load_rules
from armswatch.extraction.scope import Scope, analyse, climb

VOCAB = spacy.blank("en").vocab


def parse(rows: str) -> Doc:
    """One token a line: word, lemma ("=" for the lower-cased word), POS, tag, dependency, head index ("-": root)."""
    cols = [line.split() for line in rows.strip().splitlines()]
    return Doc(VOCAB, words=[c[0] for c in cols],
               lemmas=[c[0].lower() if c[1] == "=" else c[1] for c in cols],
               pos=[c[2] for c in cols], tags=[c[3] for c in cols], deps=[c[4] for c in cols],
               heads=[i if c[5] == "-" else int(c[5]) for i, c in enumerate(cols)])


def token(doc: Doc, word: str) -> Token:
    return next(t for t in doc if t.text == word)


def scope_of(rows: str, trigger: str, frame_type: str = TRANSFER) -> Scope:
    doc = parse(rows)
    return analyse(token(doc, trigger), frame_type, load_rules())


def wrapper_ids(scope: Scope) -> list[tuple[str, str]]:
    return [(t.text, w.id) for t, w in scope.wrappers]


# -- negation -------------------------------------------------------------------------------------------------------

IRAN_DID_NOT_DELIVER = """
Iran     =        PROPN NNP nsubj 3
did      do       AUX   VBD aux   3
not      =        PART  RB  neg   3
deliver  =        VERB  VB  ROOT  -
drones   drone    NOUN  NNS dobj  3
to       =        ADP   IN  prep  3
Russia   =        PROPN NNP pobj  5
"""
GERMANY_NEVER_SENT = """
Germany  =        PROPN NNP nsubj 3
has      have     AUX   VBZ aux   3
never    =        ADV   RB  neg   3
sent     send     VERB  VBN ROOT  -
tanks    tank     NOUN  NNS dobj  3
"""
NO_DELIVERIES = """
There    there    PRON  EX  expl  1
were     be       VERB  VBD ROOT  -
no       =        DET   DT  det   3
deliveries delivery NOUN NNS attr 1
of       =        ADP   IN  prep  3
jets     jet      NOUN  NNS pobj  4
"""


@pytest.mark.parametrize("rows, trigger", [(IRAN_DID_NOT_DELIVER, "deliver"), (GERMANY_NEVER_SENT, "sent"),
                                           (NO_DELIVERIES, "deliveries")])
def test_scope_negation_on_the_trigger_negates(rows, trigger):
    scope = scope_of(rows, trigger)
    assert (scope.polarity, scope.drop) == ("negated", None)
    assert any(r.startswith("negation") for r in scope.reasons)


@pytest.mark.parametrize("rows", [
    """
Japan    =        PROPN NNP nsubj 3
did      do       AUX   VBD aux   3
not      =        PART  RB  neg   3
agree    =        VERB  VB  ROOT  -
to       =        PART  TO  aux   5
supply   =        VERB  VB  xcomp 3
missiles missile  NOUN  NNS dobj  5
""", """
Seoul    =        PROPN NNP nsubj 3
has      have     AUX   VBZ aux   3
n't      not      PART  RB  neg   3
promised promise  VERB  VBN ROOT  -
to       =        PART  TO  aux   5
send     =        VERB  VB  xcomp 3
shells   shell    NOUN  NNS dobj  5
"""])
def test_scope_negation_on_a_wrapper_negates_the_pledge(rows):
    scope = scope_of(rows, "supply" if "supply" in rows else "send")
    assert (scope.type, scope.polarity, scope.drop) == (PLEDGE, "negated", None)
    assert wrapper_ids(scope)[0][1] == "pledge"


@pytest.mark.parametrize("rows, trigger", [("""
France   =        PROPN NNP nsubj 1
was      be       AUX   VBD ROOT  -
unable   =        ADJ   JJ  acomp 1
to       =        PART  TO  aux   4
deliver  =        VERB  VB  xcomp 2
jets     jet      NOUN  NNS dobj  4
""", "deliver"), ("""
Italy    =        PROPN NNP nsubj 1
failed   fail     VERB  VBD ROOT  -
to       =        PART  TO  aux   3
ship     =        VERB  VB  xcomp 1
the      =        DET   DT  det   5
shells   shell    NOUN  NNS dobj  3
""", "ship")])
def test_scope_an_untyped_refusal_wrapper_negates(rows, trigger):
    scope = scope_of(rows, trigger)
    assert (scope.type, scope.polarity, scope.drop) == (None, "negated", None)
    assert any(r.startswith("refusal wrapper unable") for r in scope.reasons)


@pytest.mark.parametrize("rows, trigger", [("""
Ukraine  =        PROPN NNP nsubj 1
has      have     VERB  VBZ ROOT  -
yet      =        ADV   RB  advmod 1
to       =        PART  TO  aux   4
receive  =        VERB  VB  xcomp 1
the      =        DET   DT  det   6
jets     jet      NOUN  NNS dobj  4
""", "receive"), ("""
The      the      DET   DT  det   1
tanks    tank     NOUN  NNS nsubjpass 6
are      be       AUX   VBP ROOT  -
yet      =        ADV   RB  advmod 2
to       =        PART  TO  aux   6
be       =        AUX   VB  auxpass 6
delivered deliver VERB  VBN xcomp 2
""", "delivered")])
def test_scope_yet_to_is_a_negation(rows, trigger):
    scope = scope_of(rows, trigger)
    assert (scope.polarity, scope.drop) == ("negated", None)


@pytest.mark.parametrize("rows, verb", [("""
Berlin   =        PROPN NNP nsubj 3
does     do       AUX   VBZ aux   3
not      =        PART  RB  neg   3
intend   =        VERB  VB  ROOT  -
to       =        PART  TO  aux   5
unveil   =        VERB  VB  xcomp 3
a        =        DET   DT  det   7
delivery =        NOUN  NN  dobj  5
""", "unveil"), ("""
Kyiv     =        PROPN NNP nsubj 3
did      do       AUX   VBD aux   3
not      =        PART  RB  neg   3
hurry    =        VERB  VB  ROOT  -
to       =        PART  TO  aux   5
publicise =       VERB  VB  xcomp 3
the      =        DET   DT  det   7
shipment =        NOUN  NN  dobj  5
""", "publicise")])
def test_scope_a_negation_over_a_plain_verb_drops(rows, verb):
    trigger = "delivery" if "delivery" in rows else "shipment"
    assert scope_of(rows, trigger).drop == f"negation over {verb}"


@pytest.mark.parametrize("rows", [
    """
We       we       PRON  PRP nsubj 3
do       =        AUX   VBP aux   3
not      =        PART  RB  neg   3
believe  =        VERB  VB  ROOT  -
Iran     =        PROPN NNP nsubj 5
supplied supply   VERB  VBD ccomp 3
missiles missile  NOUN  NNS dobj  5
""", """
Officials official NOUN NNS nsubj 3
do       =        AUX   VBP aux   3
n't      not      PART  RB  neg   3
think    =        VERB  VB  ROOT  -
Minsk    =        PROPN NNP nsubj 5
sent     send     VERB  VBD ccomp 3
drones   drone    NOUN  NNS dobj  5
"""])
def test_scope_a_negated_belief_verb_negates_the_supply(rows):
    scope = scope_of(rows, "supplied" if "supplied" in rows else "sent")
    assert scope.report_verb is not None and scope.report_verb.lemma_ in ("believe", "think")
    assert (scope.polarity, scope.drop) == ("negated", None)


@pytest.mark.parametrize("rows, verb", [("""
Officials official NOUN NNS nsubj 3
did      do       AUX   VBD aux   3
not      =        PART  RB  neg   3
say      =        VERB  VB  ROOT  -
Iran     =        PROPN NNP nsubj 5
supplied supply   VERB  VBD ccomp 3
missiles missile  NOUN  NNS dobj  5
""", "say"), ("""
The      the      DET   DT  det   1
minister =        NOUN  NN  nsubj 4
did      do       AUX   VBD aux   4
not      =        PART  RB  neg   4
tell     =        VERB  VB  ROOT  -
reporters reporter NOUN NNS dobj  4
that     =        SCONJ IN  mark  8
Minsk    =        PROPN NNP nsubj 8
sent     send     VERB  VBD ccomp 4
drones   drone    NOUN  NNS dobj  8
""", "tell")])
def test_scope_a_negated_report_verb_that_is_not_a_belief_drops(rows, verb):
    scope = scope_of(rows, "supplied" if "supplied" in rows else "sent")
    assert scope.drop == f"negation over {verb}"


@pytest.mark.parametrize("rows", [
    """
Berlin   =        PROPN NNP nsubj 3
will     =        AUX   MD  aux   3
not      =        PART  RB  neg   3
announce =        VERB  VB  ROOT  -
the      =        DET   DT  det   5
delivery =        NOUN  NN  dobj  3
this     =        DET   DT  det   7
week     =        NOUN  NN  npadvmod 3
""", """
Paris    =        PROPN NNP nsubj 3
did      do       AUX   VBD aux   3
not      =        PART  RB  neg   3
announce =        VERB  VB  ROOT  -
any      =        DET   DT  det   5
shipment =        NOUN  NN  dobj  3
"""])
def test_scope_a_negated_announcement_is_no_claim_either_way(rows):
    scope = scope_of(rows, "delivery" if "delivery" in rows else "shipment")
    assert scope.drop == "negation over announce"


@pytest.mark.parametrize("rows", [
    """
There    there    PRON  EX  expl  1
is       be       VERB  VBZ ROOT  -
no       =        DET   DT  det   3
evidence =        NOUN  NN  attr  1
of       =        ADP   IN  prep  3
Iran     =        PROPN NNP nsubj 6
providing provide VERB  VBG pcomp 4
drones   drone    NOUN  NNS dobj  6
""", """
Kyiv     =        PROPN NNP nsubj 1
has      have     VERB  VBZ ROOT  -
no       =        DET   DT  det   3
proof    =        NOUN  NN  dobj  1
of       =        ADP   IN  prep  3
Minsk    =        PROPN NNP nsubj 6
sending  send     VERB  VBG pcomp 4
shells   shell    NOUN  NNS dobj  6
"""])
def test_scope_no_evidence_of_a_supply_negates_it(rows):
    scope = scope_of(rows, "providing" if "providing" in rows else "sending")
    assert (scope.polarity, scope.drop) == ("negated", None)


# -- event type from wrappers ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("rows, trigger", [("""
The      the      DET   DT  det   1
Department department PROPN NNP nsubj 2
approved approve  VERB  VBD ROOT  -
the      =        DET   DT  det   4
sale     =        NOUN  NN  dobj  2
of       =        ADP   IN  prep  4
missiles missile  NOUN  NNS pobj  5
""", "sale"), ("""
Washington =      PROPN NNP nsubj 1
authorized authorize VERB VBD ROOT -
the      =        DET   DT  det   3
export   =        NOUN  NN  dobj  1
of       =        ADP   IN  prep  3
drones   drone    NOUN  NNS pobj  4
""", "export")])
def test_scope_approving_a_sale_is_a_deal(rows, trigger):
    scope = scope_of(rows, trigger)
    assert (scope.type, scope.polarity) == (DEAL, "affirmed")


def test_scope_approving_a_delivery_is_a_pledge():
    scope = scope_of("""
Berlin   =        PROPN NNP nsubj 1
approved approve  VERB  VBD ROOT  -
the      =        DET   DT  det   3
delivery =        NOUN  NN  dobj  1
of       =        ADP   IN  prep  3
tanks    tank     NOUN  NNS pobj  4
""", "delivery")
    assert scope.type == PLEDGE


@pytest.mark.parametrize("rows", [
    """
Kyiv     =        PROPN NNP nsubj 1
announced announce VERB VBD ROOT  -
that     =        SCONJ IN  mark  5
the      =        DET   DT  det   4
jets     jet      NOUN  NNS nsubj 5
arrived  arrive   VERB  VBD ccomp 1
""", """
The      the      DET   DT  det   1
ministry =        NOUN  NN  nsubj 2
announced announce VERB VBD ROOT  -
Germany  =        PROPN NNP nsubj 5
had      have     AUX   VBD aux   5
sent     send     VERB  VBN ccomp 2
tanks    tank     NOUN  NNS dobj  5
"""])
def test_scope_an_announcement_reports_a_supply_below_it_without_pledging(rows):
    scope = scope_of(rows, "arrived" if "arrived" in rows else "sent")
    assert wrapper_ids(scope)[0][1] == "pledge"
    assert scope.type is None


def test_scope_announcing_the_delivery_itself_pledges_it():
    scope = scope_of("""
Berlin   =        PROPN NNP nsubj 1
announced announce VERB VBD ROOT  -
the      =        DET   DT  det   3
delivery =        NOUN  NN  dobj  1
of       =        ADP   IN  prep  3
tanks    tank     NOUN  NNS pobj  4
""", "delivery")
    assert scope.type == PLEDGE


@pytest.mark.parametrize("rows, trigger", [("""
The      the      DET   DT  det   1
potential =       ADJ   JJ  amod  2
sale     =        NOUN  NN  nsubj 5
of       =        ADP   IN  prep  2
jets     jet      NOUN  NNS pobj  3
angered  anger    VERB  VBD ROOT  -
Beijing  =        PROPN NNP dobj  5
""", "sale"), ("""
Congress =        PROPN NNP nsubj 1
reviewed review   VERB  VBD ROOT  -
the      =        DET   DT  det   4
proposed =        VERB  VBN amod  4
sale     =        NOUN  NN  dobj  1
of       =        ADP   IN  prep  4
tanks    tank     NOUN  NNS pobj  5
""", "sale")])
def test_scope_a_prospective_sale_is_a_deal(rows, trigger):
    assert scope_of(rows, trigger).type == DEAL


@pytest.mark.parametrize("rows, trigger", [("""
Iran     =        PROPN NNP nsubj 1
denied   deny     VERB  VBD ROOT  -
supplying supply  VERB  VBG xcomp 1
drones   drone    NOUN  NNS dobj  2
""", "supplying"), ("""
Beijing  =        PROPN NNP nsubj 1
rejected reject   VERB  VBD ROOT  -
having   have     AUX   VBG aux   3
sold     sell     VERB  VBN xcomp 1
weapons  weapon   NOUN  NNS dobj  3
""", "sold")])
def test_scope_a_denial_wrapper_makes_a_denial(rows, trigger):
    scope = scope_of(rows, trigger)
    assert (scope.type, scope.polarity) == (DENIAL, "affirmed")


@pytest.mark.parametrize("rows, trigger", [("""
Berlin   =        PROPN NNP nsubj 1
promised promise  VERB  VBD ROOT  -
to       =        PART  TO  aux   3
stop     =        VERB  VB  xcomp 1
supplying supply  VERB  VBG xcomp 3
arms     arm      NOUN  NNS dobj  4
""", "supplying"), ("""
Ottawa   =        PROPN NNP nsubj 1
agreed   agree    VERB  VBD ROOT  -
to       =        PART  TO  aux   3
suspend  =        VERB  VB  xcomp 1
deliveries delivery NOUN NNS dobj 3
""", "deliveries")])
def test_scope_a_halt_wins_over_an_outer_pledge(rows, trigger):
    scope = scope_of(rows, trigger)
    assert [w for _, w in wrapper_ids(scope)] == ["halt", "pledge"]
    assert scope.type == SANCTION
    assert "a denial or halt wins: type=SANCTION" in scope.reasons


@pytest.mark.parametrize("rows", [
    """
Ankara   =        PROPN NNP nsubj 1
refused  refuse   VERB  VBD ROOT  -
to       =        PART  TO  aux   3
sanction =        VERB  VB  xcomp 1
Moscow   =        PROPN NNP dobj  3
""", """
Budapest =        PROPN NNP nsubj 1
declined decline  VERB  VBD ROOT  -
to       =        PART  TO  aux   3
sanction =        VERB  VB  xcomp 1
the      =        DET   DT  det   5
firms    firm     NOUN  NNS dobj  3
"""])
def test_scope_a_typed_refusal_negates_a_measure_without_retyping_it(rows):
    scope = scope_of(rows, "sanction", SANCTION)
    assert (scope.type, scope.polarity) == (None, "negated")


@pytest.mark.parametrize("rows", [
    """
Berlin   =        PROPN NNP nsubj 3
will     =        AUX   MD  aux   3
not      =        PART  RB  neg   3
approve  =        VERB  VB  ROOT  -
any      =        DET   DT  det   5
exports  export   NOUN  NNS dobj  3
to       =        ADP   IN  prep  5
Riyadh   =        PROPN NNP pobj  6
""", """
Ottawa   =        PROPN NNP nsubj 1
refused  refuse   VERB  VBD ROOT  -
to       =        PART  TO  aux   3
authorise =       VERB  VB  xcomp 1
the      =        DET   DT  det   5
export   =        NOUN  NN  dobj  3
of       =        ADP   IN  prep  5
rifles   rifle    NOUN  NNS pobj  6
"""])
def test_scope_a_withheld_export_licence_is_a_sanction(rows):
    scope = scope_of(rows, "exports" if "exports" in rows else "export")
    assert (scope.type, scope.polarity, scope.drop) == (SANCTION, "affirmed", None)
    assert scope.notes == ["licence withheld"]


# -- hypotheticals and conditions -----------------------------------------------------------------------------------

@pytest.mark.parametrize("rows, trigger, modal", [("""
Iran     =        PROPN NNP nsubj 2
could    =        AUX   MD  aux   2
supply   =        VERB  VB  ROOT  -
missiles missile  NOUN  NNS dobj  2
""", "supply", "could"), ("""
Belarus  =        PROPN NNP nsubj 2
might    =        AUX   MD  aux   2
send     =        VERB  VB  ROOT  -
shells   shell    NOUN  NNS dobj  2
""", "send", "might")])
def test_scope_a_modal_makes_the_supply_hypothetical(rows, trigger, modal):
    assert scope_of(rows, trigger).drop == f"hypothetical ({modal})"


@pytest.mark.parametrize("rows, trigger", [("""
Iran     =        PROPN NNP nsubj 3
could    =        AUX   MD  aux   3
have     =        AUX   VB  aux   3
supplied supply   VERB  VBN ROOT  -
missiles missile  NOUN  NNS dobj  3
""", "supplied"), ("""
Minsk    =        PROPN NNP nsubj 3
may      =        AUX   MD  aux   3
've      have     AUX   VB  aux   3
sent     send     VERB  VBN ROOT  -
drones   drone    NOUN  NNS dobj  3
""", "sent")])
def test_scope_a_perfect_modal_is_not_hypothetical(rows, trigger):
    assert scope_of(rows, trigger).drop is None


@pytest.mark.parametrize("rows, trigger, drop", [("""
Any      any      DET   DT  det   1
transfer =        NOUN  NN  nsubj 5
of       =        ADP   IN  prep  1
jets     jet      NOUN  NNS pobj  2
would    =        AUX   MD  aux   5
represent =       VERB  VB  ROOT  -
an       =        DET   DT  det   7
escalation =      NOUN  NN  dobj  5
""", "transfer", "hypothetical (represent)"), ("""
Such     such     DET   PDT predet 2
a        =        DET   DT  det   2
sale     =        NOUN  NN  nsubj 4
would    =        AUX   MD  aux   4
destabilise =     VERB  VB  ROOT  -
the      =        DET   DT  det   6
region   =        NOUN  NN  dobj  4
""", "sale", "hypothetical (destabilise)")])
def test_scope_a_modal_over_a_supply_noun_makes_it_hypothetical(rows, trigger, drop):
    scope = scope_of(rows, trigger)
    assert (scope.drop, scope.would) == (drop, True)


@pytest.mark.parametrize("rows, trigger", [("""
the      =        DET   DT  det   2
likely   =        ADJ   JJ  amod  2
transfer =        NOUN  NN  ROOT  -
of       =        ADP   IN  prep  2
jets     jet      NOUN  NNS pobj  3
""", "transfer"), ("""
with     =        ADP   IN  ROOT  -
deliveries delivery NOUN NNS pobj 0
likely   =        ADJ   JJ  amod  1
to       =        PART  TO  aux   4
begin    =        VERB  VB  xcomp 2
""", "deliveries")])
def test_scope_a_likely_supply_is_hypothetical(rows, trigger):
    assert scope_of(rows, trigger).drop == "hypothetical (likely)"


@pytest.mark.parametrize("rows, trigger, head", [("""
Washington =      PROPN NNP nsubjpass 2
is       be       AUX   VBZ auxpass 2
concerned concern VERB  VBN ROOT  -
that     =        SCONJ IN  mark  5
Iran     =        PROPN NNP nsubj 5
supplied supply   VERB  VBD ccomp 2
missiles missile  NOUN  NNS dobj  5
""", "supplied", "concerned"), ("""
the      =        DET   DT  det   1
risk     =        NOUN  NN  ROOT  -
of       =        ADP   IN  prep  1
Iran     =        PROPN NNP nsubj 4
supplying supply  VERB  VBG pcomp 2
missiles missile  NOUN  NNS dobj  4
""", "supplying", "risk"), ("""
Analysts analyst  NOUN  NNS nsubj 1
expect   =        VERB  VBP ROOT  -
Iran     =        PROPN NNP nsubj 4
to       =        PART  TO  aux   4
supply   =        VERB  VB  ccomp 1
missiles missile  NOUN  NNS dobj  4
""", "supply", "expect")])
def test_scope_a_hypothetical_head_drops(rows, trigger, head):
    assert scope_of(rows, trigger).drop == f"hypothetical ({head})"


@pytest.mark.parametrize("rows, trigger, wrapper", [("""
Ottawa   =        PROPN NNP nsubj 2
is       be       AUX   VBZ aux   2
weighing weigh    VERB  VBG ROOT  -
the      =        DET   DT  det   4
possibility =     NOUN  NN  dobj  2
of       =        ADP   IN  prep  4
sending  send     VERB  VBG pcomp 5
jets     jet      NOUN  NNS dobj  6
""", "sending", "weighing"), ("""
Ministers minister NOUN NNS nsubj 1
discussed discuss VERB  VBD ROOT  -
the      =        DET   DT  det   3
possibility =     NOUN  NN  dobj  1
of       =        ADP   IN  prep  3
supplying supply  VERB  VBG pcomp 4
tanks    tank     NOUN  NNS dobj  5
""", "supplying", "discussed")])
def test_scope_a_possibility_under_consideration_is_a_consideration(rows, trigger, wrapper):
    scope = scope_of(rows, trigger)
    assert (scope.type, scope.drop) == (CONSIDER, None)
    assert wrapper_ids(scope) == [("possibility", "consider"), (wrapper, "consider")]


@pytest.mark.parametrize("rows, trigger, drop", [("""
Britain  =        PROPN NNP nsubj 2
will     =        AUX   MD  aux   2
send     =        VERB  VB  ROOT  -
tanks    tank     NOUN  NNS dobj  2
unless   =        SCONJ IN  mark  6
talks    talk     NOUN  NNS nsubj 6
succeed  =        VERB  VBP advcl 2
""", "send", "conditional (if clause)"), ("""
If       if       SCONJ IN  mark  2
Iran     =        PROPN NNP nsubj 2
supplies supply   VERB  VBZ advcl 6
missiles missile  NOUN  NNS dobj  2
Washington =      PROPN NNP nsubj 6
will     =        AUX   MD  aux   6
respond  =        VERB  VB  ROOT  -
""", "supplies", "conditional (if clause)"), ("""
once     =        SCONJ IN  mark  2
Kyiv     =        PROPN NNP nsubj 2
receives receive  VERB  VBZ advcl 5
jets     jet      NOUN  NNS dobj  2
pilots   pilot    NOUN  NNS nsubj 5
train    =        VERB  VBP ROOT  -
""", "receives", "conditional (once)")])
def test_scope_a_condition_drops(rows, trigger, drop):
    assert scope_of(rows, trigger).drop == drop


@pytest.mark.parametrize("rows, trigger", [("""
It       it       PRON  PRP nsubj 1
is       be       AUX   VBZ ROOT  -
unclear  =        ADJ   JJ  acomp 1
whether  =        SCONJ IN  mark  5
China    =        PROPN NNP nsubj 5
sold     sell     VERB  VBD ccomp 1
drones   drone    NOUN  NNS dobj  5
""", "sold"), ("""
Nobody   nobody   PRON  NN  nsubj 1
knows    know     VERB  VBZ ROOT  -
whether  =        SCONJ IN  mark  4
Iran     =        PROPN NNP nsubj 4
shipped  ship     VERB  VBD ccomp 1
missiles missile  NOUN  NNS dobj  4
""", "shipped")])
def test_scope_whether_is_an_open_question(rows, trigger):
    assert scope_of(rows, trigger).drop == "open question (whether)"


@pytest.mark.parametrize("rows, trigger", [("""
Berlin   =        PROPN NNP nsubj 2
is       be       AUX   VBZ aux   2
debating debate   VERB  VBG ROOT  -
whether  =        SCONJ IN  mark  5
to       =        PART  TO  aux   5
send     =        VERB  VB  xcomp 2
tanks    tank     NOUN  NNS dobj  5
""", "send"), ("""
Ottawa   =        PROPN NNP nsubj 2
is       be       AUX   VBZ aux   2
weighing weigh    VERB  VBG ROOT  -
whether  =        SCONJ IN  mark  5
to       =        PART  TO  aux   5
supply   =        VERB  VB  xcomp 2
drones   drone    NOUN  NNS dobj  5
""", "supply")])
def test_scope_debating_whether_to_supply_is_a_consideration(rows, trigger):
    scope = scope_of(rows, trigger)
    assert (scope.type, scope.drop) == (CONSIDER, None)


@pytest.mark.parametrize("rows, verb", [("""
The      the      DET   DT  det   1
EU       =        PROPN NNP nsubj 2
proposed propose  VERB  VBD ROOT  -
to       =        PART  TO  aux   4
sanction =        VERB  VB  xcomp 2
Iranian  iranian  ADJ   JJ  amod  6
firms    firm     NOUN  NNS dobj  4
""", "proposed"), ("""
Washington =      PROPN NNP nsubj 1
threatened threaten VERB VBD ROOT -
to       =        PART  TO  aux   3
sanction =        VERB  VB  xcomp 1
banks    bank     NOUN  NNS dobj  3
""", "threatened")])
def test_scope_a_measure_proposed_or_threatened_is_not_imposed(rows, verb):
    assert scope_of(rows, "sanction", SANCTION).drop.endswith(f"({verb})")


@pytest.mark.parametrize("rows, trigger", [("""
Moscow   =        PROPN NNP nsubj 1
deployed deploy   VERB  VBD ROOT  -
the      =        DET   DT  det   3
shipment =        NOUN  NN  dobj  1
""", "shipment"), ("""
Russia   =        PROPN NNP nsubj 2
has      have     AUX   VBZ aux   2
used     use      VERB  VBN ROOT  -
the      =        DET   DT  det   4
deliveries delivery NOUN NNS dobj 2
""", "deliveries")])
def test_scope_an_item_in_use_is_not_a_transfer(rows, trigger):
    scope = scope_of(rows, trigger)
    assert scope.drop == "battlefield use" and len(scope.path) == 1


# -- modality: would, future, schedules -----------------------------------------------------------------------------

@pytest.mark.parametrize("rows, trigger", [("""
Spain    =        PROPN NNP nsubj 1
said     say      VERB  VBD ROOT  -
it       =        PRON  PRP nsubj 4
would    =        AUX   MD  aux   4
send     =        VERB  VB  ccomp 1
tanks    tank     NOUN  NNS dobj  4
""", "send"), ("""
Rome     =        PROPN NNP nsubj 2
would    =        AUX   MD  aux   2
deliver  =        VERB  VB  ROOT  -
jets     jet      NOUN  NNS dobj  2
""", "deliver")])
def test_scope_would_is_noted_not_dropped(rows, trigger):
    scope = scope_of(rows, trigger)
    assert (scope.would, scope.future, scope.drop) == (True, False, None)


@pytest.mark.parametrize("rows, trigger", [("""
Japan    =        PROPN NNP nsubj 2
will     =        AUX   MD  aux   2
ship     =        VERB  VB  ROOT  -
interceptors interceptor NOUN NNS dobj 2
""", "ship"), ("""
Norway   =        PROPN NNP nsubj 2
'll      will     AUX   MD  aux   2
deliver  =        VERB  VB  ROOT  -
howitzers howitzer NOUN NNS dobj  2
""", "deliver"), ("""
Japan    =        PROPN NNP nsubj 2
to       =        PART  TO  aux   2
ship     =        VERB  VB  ROOT  -
interceptors interceptor NOUN NNS dobj 2
""", "ship")])
def test_scope_a_future_auxiliary_or_headline_infinitive_is_future(rows, trigger):
    scope = scope_of(rows, trigger)
    assert (scope.future, scope.drop) == (True, None)


@pytest.mark.parametrize("rows, trigger", [("""
Poland   =        PROPN NNP nsubjpass 2
is       be       AUX   VBZ auxpass 2
set      =        VERB  VBN ROOT  -
to       =        PART  TO  aux   4
receive  =        VERB  VB  xcomp 2
tanks    tank     NOUN  NNS dobj  4
""", "receive"), ("""
Serbia   =        PROPN NNP nsubj 1
expects  expect   VERB  VBZ ROOT  -
to       =        PART  TO  aux   3
receive  =        VERB  VB  xcomp 1
jets     jet      NOUN  NNS dobj  3
""", "receive"), ("""
Deliveries delivery NOUN NNS nsubjpass 2
are      be       AUX   VBP auxpass 2
scheduled schedule VERB VBN ROOT  -
to       =        PART  TO  aux   4
start    =        VERB  VB  xcomp 2
""", "Deliveries"), ("""
Deliveries delivery NOUN NNS nsubj 1
are      be       AUX   VBP ROOT  -
due      =        ADJ   JJ  acomp 1
to       =        PART  TO  aux   4
begin    =        VERB  VB  xcomp 2
""", "Deliveries")])
def test_scope_a_scheduled_delivery_is_future_not_hypothetical(rows, trigger):
    scope = scope_of(rows, trigger)
    assert (scope.future, scope.drop) == (True, None)


@pytest.mark.parametrize("rows, trigger", [("""
a        =        DET   DT  det   1
batch    =        NOUN  NN  ROOT  -
of       =        ADP   IN  prep  1
missiles missile  NOUN  NNS pobj  2
to       =        PART  TO  aux   6
be       =        AUX   VB  auxpass 6
sent     send     VERB  VBN relcl 3
""", "sent"), ("""
tanks    tank     NOUN  NNS ROOT  -
to       =        PART  TO  aux   3
be       =        AUX   VB  auxpass 3
delivered deliver VERB  VBN acl   0
""", "delivered")])
def test_scope_an_infinitival_passive_relative_is_still_to_come(rows, trigger):
    assert scope_of(rows, trigger).future is True


# -- climbing -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("rows, trigger, noun", [("""
a        =        DET   DT  det   1
report   =        NOUN  NN  ROOT  -
by       =        ADP   IN  prep  1
Reuters  =        PROPN NNP pobj  2
that     =        SCONJ IN  mark  7
Iran     =        PROPN NNP nsubj 7
had      have     AUX   VBD aux   7
sent     send     VERB  VBN acl   3
missiles missile  NOUN  NNS dobj  7
""", "sent", "report"), ("""
the      =        DET   DT  det   1
allegation =      NOUN  NN  ROOT  -
that     =        SCONJ IN  mark  4
Belarus  =        PROPN NNP nsubj 4
passed   pass     VERB  VBD acl   1
drones   drone    NOUN  NNS dobj  4
""", "passed", "allegation")])
def test_scope_a_claims_content_climbs_to_the_claim_noun(rows, trigger, noun):
    scope = scope_of(rows, trigger)
    assert scope.claim_noun is not None and scope.claim_noun.text == noun
    assert scope.path[-1].text == noun


@pytest.mark.parametrize("rows, trigger", [("""
the      =        DET   DT  det   1
drones   drone    NOUN  NNS ROOT  -
that     =        PRON  WDT dobj  4
Iran     =        PROPN NNP nsubj 4
sent     send     VERB  VBD relcl 1
""", "sent"), ("""
drones   drone    NOUN  NNS nsubj 4
sent     send     VERB  VBN acl   0
by       =        ADP   IN  agent 1
Iran     =        PROPN NNP pobj  2
exploded explode  VERB  VBD ROOT  -
""", "sent")])
def test_scope_a_relative_clause_or_bare_participle_has_its_own_scope(rows, trigger):
    doc = parse(rows)
    scope = climb(token(doc, trigger), load_rules())
    assert [t.text for t in scope.path] == [trigger] and scope.claim_noun is None


@pytest.mark.parametrize("rows, trigger, wrappers", [("""
Officials official NOUN NNS nsubj 1
said     say      VERB  VBD ROOT  -
Berlin   =        PROPN NNP nsubj 3
agreed   agree    VERB  VBD ccomp 1
to       =        PART  TO  aux   5
send     =        VERB  VB  xcomp 3
tanks    tank     NOUN  NNS dobj  5
""", "send", [("agreed", "pledge")]), ("""
Kyiv     =        PROPN NNP nsubj 1
accused  accuse   VERB  VBD ROOT  -
Minsk    =        PROPN NNP dobj  1
of       =        ADP   IN  prep  1
helping  help     VERB  VBG pcomp 3
to       =        PART  TO  aux   6
ship     =        VERB  VB  xcomp 4
shells   shell    NOUN  NNS dobj  6
""", "ship", [("helping", "aspect"), ("accused", "accuse")])])
def test_scope_the_climb_stops_at_the_reporting_frame(rows, trigger, wrappers):
    doc = parse(rows)
    scope = climb(token(doc, trigger), load_rules())
    assert wrapper_ids(scope) == wrappers
    assert scope.report_verb is not None and scope.report_verb == scope.path[-1]
    assert any(r.startswith("reporting") for r in scope.reasons)


def test_scope_reasons_name_every_decision_in_order():
    scope = scope_of(IRAN_DID_NOT_DELIVER, "deliver")
    assert scope.reasons == ["negation on deliver: negates", "negation: polarity=negated"]
