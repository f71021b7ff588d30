"""Scope decisions on mood and type (extraction/scope.py) on hand-built parses, two wordings each: a decision
still to be taken, a wrapper reached from an adverbial clause, a conjunct with its own auxiliary, an approved
sale package."""
from __future__ import annotations

from test_scope_units import parse

from armswatch.event_types import CONSIDER, DEAL, DENIAL, PLEDGE, TRANSFER
from armswatch.extraction.rules import load_rules
from armswatch.extraction.scope import Scope, analyse


def scope_of(rows: str, trigger: str, frame_type: str = TRANSFER) -> Scope:
    doc = parse(rows)
    return analyse(next(t for t in doc if t.text == trigger), frame_type, load_rules())


# -- a decision still to be taken -----------------------------------------------------------------------------------

MAKE_DECISION_ON = """
Rome     =        PROPN NNP nsubj 2
will     =        AUX   MD  aux   2
make     =        VERB  VB  ROOT  -
a        =        DET   DT  det   4
decision =        NOUN  NN  dobj  2
on       =        ADP   IN  prep  2
sending  send     VERB  VBG pcomp 5
jets     jet      NOUN  NNS dobj  6
"""

DECISION_ABOUT = """
Oslo     =        PROPN NNP nsubj 1
delayed  delay    VERB  VBD ROOT  -
its      =        PRON  PRP poss  3
decision =        NOUN  NN  dobj  1
about    =        ADP   IN  prep  3
arming   arm      VERB  VBG pcomp 4
Kyiv     =        PROPN NNP dobj  5
"""

DECISION_TO = """
Oslo     =        PROPN NNP nsubj 1
announced announce VERB VBD ROOT  -
its      =        PRON  PRP poss  3
decision =        NOUN  NN  dobj  1
to       =        PART  TO  aux   5
send     =        VERB  VB  acl   3
tanks    tank     NOUN  NNS dobj  5
"""


def test_decision_on_a_supply_is_a_consideration():
    assert scope_of(MAKE_DECISION_ON, "sending").type == CONSIDER
    assert scope_of(DECISION_ABOUT, "arming").type == CONSIDER


def test_decision_to_supply_stays_a_pledge():
    assert scope_of(DECISION_TO, "send").type == PLEDGE


# -- a wrapper reached from an adverbial clause ---------------------------------------------------------------------

DECLINED_AS_APPROVED = """
Approvals approval NOUN NNS nsubj 1
declined  decline  VERB VBD ROOT  -
as        =        SCONJ IN mark  4
Berlin    =        PROPN NNP nsubj 4
approved  approve  VERB VBD advcl 1
exports   export   NOUN NNS dobj  4
to        =        ADP   IN prep  5
Israel    =        PROPN NNP pobj 6
"""

STOPPED_AFTER_SENDING = """
Talks     talk     NOUN NNS nsubj 1
stopped   stop     VERB VBD ROOT  -
after     =        SCONJ IN mark  4
Iran      =        PROPN NNP nsubj 4
sent      send     VERB VBD advcl 1
drones    drone    NOUN NNS dobj  4
"""


def test_wrapper_above_an_adverbial_clause_wraps_nothing_in_it():
    approved = scope_of(DECLINED_AS_APPROVED, "exports")
    assert [w.id for _, w in approved.wrappers] == ["pledge"]
    assert approved.polarity == "affirmed" and approved.type == DEAL
    sent = scope_of(STOPPED_AFTER_SENDING, "sent")
    assert sent.wrappers == [] and sent.type is None


# -- a conjunct with its own auxiliary -------------------------------------------------------------------------------

NOT_SENT_AND_WILL_NOT_SEND = """
Serbia   =        PROPN NNP nsubj 3
has      have     AUX   VBZ aux   3
not      =        PART  RB  neg   3
sent     send     VERB  VBN ROOT  -
and      =        CCONJ CC  cc    3
will     =        AUX   MD  aux   7
not      =        PART  RB  neg   7
send     =        VERB  VB  conj  3
shells   shell    NOUN  NNS dobj  7
"""

NOT_SOLD_BUT_WILL_SELL = """
Chile    =        PROPN NNP nsubj 3
has      have     AUX   VBZ aux   3
not      =        PART  RB  neg   3
sold     sell     VERB  VBN ROOT  -
but      =        CCONJ CC  cc    3
will     =        AUX   MD  aux   6
sell     =        VERB  VB  conj  3
jets     jet      NOUN  NNS dobj  6
"""


def test_conjunct_with_its_own_auxiliary_has_its_own_negation():
    negated = scope_of(NOT_SENT_AND_WILL_NOT_SEND, "send")
    assert negated.drop is None and negated.polarity == "negated" and negated.future
    affirmed = scope_of(NOT_SOLD_BUT_WILL_SELL, "sell")
    assert affirmed.drop is None and affirmed.polarity == "affirmed" and affirmed.future


# -- an approved sale package ---------------------------------------------------------------------------------------

APPROVED_SALE_PACKAGE = """
Washington =      PROPN NNP nsubj 1
approved approve  VERB  VBD ROOT  -
an       =        DET   DT  det   5
arms     arm      NOUN  NNS compound 4
sale     =        NOUN  NN  compound 5
package  =        NOUN  NN  dobj  1
"""

AUTHORISED_EXPORT_TRANCHE = """
Seoul    =        PROPN NNP nsubj 1
authorised authorise VERB VBD ROOT -
a        =        DET   DT  det   4
export   =        NOUN  NN  compound 4
tranche  =        NOUN  NN  dobj  1
"""


def test_approved_sale_package_is_a_deal():
    assert scope_of(APPROVED_SALE_PACKAGE, "package", PLEDGE).type == DEAL
    assert scope_of(AUTHORISED_EXPORT_TRANCHE, "tranche", PLEDGE).type == DEAL


# -- a claim called false --------------------------------------------------------------------------------------------

REPORTS_ARE_FALSE = """
Reports  report   NOUN  NNS nsubj 6
of       =        ADP   IN  prep  0
Iran     =        PROPN NNP pobj  1
sending  send     VERB  VBG acl   0
tanks    tank     NOUN  NNS dobj  3
to       =        ADP   IN  prep  3
are      be       AUX   VBP ccomp 9
false    =        ADJ   JJ  acomp 6
officials official NOUN NNS nsubj 9
said     say      VERB  VBD ROOT  -
"""

PLAN_WAS_PROPAGANDA = """
The      =        DET   DT  det   1
plan     =        NOUN  NN  nsubj 5
to       =        PART  TO  aux   3
ship     =        VERB  VB  acl   1
shells   shell    NOUN  NNS dobj  3
was      be       AUX   VBD ROOT  -
propaganda =      NOUN  NN  attr  5
"""

REPORTS_ARE_RECENT = """
Reports  report   NOUN  NNS nsubj 6
of       =        ADP   IN  prep  0
Iran     =        PROPN NNP pobj  1
sending  send     VERB  VBG acl   0
tanks    tank     NOUN  NNS dobj  3
to       =        ADP   IN  prep  3
are      be       AUX   VBP ROOT  -
recent   =        ADJ   JJ  acomp 6
"""


def test_claim_called_false_is_a_denial_framed_by_the_speaker():
    reports = scope_of(REPORTS_ARE_FALSE, "sending")
    assert reports.type == DENIAL and reports.report_verb is not None and reports.report_verb.text == "said"
    assert scope_of(PLAN_WAS_PROPAGANDA, "ship").type == DENIAL
    assert scope_of(REPORTS_ARE_RECENT, "sending").type is None


# -- a negated wish to supply ----------------------------------------------------------------------------------------

DID_NOT_WANT_TO_SEND = """
Rome     =        PROPN NNP nsubj 3
did      do       AUX   VBD aux   3
not      =        PART  RB  neg   3
want     =        VERB  VB  ROOT  -
to       =        PART  TO  aux   5
send     =        VERB  VB  xcomp 3
jets     jet      NOUN  NNS dobj  5
"""

NOT_WILLING_TO_SUPPLY = """
Oslo     =        PROPN NNP nsubj 1
is       be       AUX   VBZ ROOT  -
not      =        PART  RB  neg   1
willing  =        ADJ   JJ  acomp 1
to       =        PART  TO  aux   5
supply   =        VERB  VB  xcomp 3
tanks    tank     NOUN  NNS dobj  5
"""

NOT_PLANNING_TO_SEND = """
Rome     =        PROPN NNP nsubj 3
is       be       AUX   VBZ aux   3
not      =        PART  RB  neg   3
planning plan     VERB  VBG ROOT  -
to       =        PART  TO  aux   5
send     =        VERB  VB  xcomp 3
jets     jet      NOUN  NNS dobj  5
"""


def test_negated_wish_to_supply_is_a_refusal():
    for rows, trigger in ((DID_NOT_WANT_TO_SEND, "send"), (NOT_WILLING_TO_SUPPLY, "supply")):
        scope = scope_of(rows, trigger)
        assert (scope.type, scope.polarity) == (PLEDGE, "negated"), scope.reasons
    planning = scope_of(NOT_PLANNING_TO_SEND, "send")
    assert (planning.type, planning.polarity) == (CONSIDER, "negated")
