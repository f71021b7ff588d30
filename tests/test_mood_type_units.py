"""Type and mood decisions on hand-built parses, two wordings each: a participle used as a conjunction, a supply
verb that gives leave to act, an ability stated in the past, a gerund hung on its subject's name, and a report of
a claim that a denial governs."""
from __future__ import annotations

from test_candidates_units import FRAMES, finder
from test_candidates_units import parse as cparse
from test_scope_units import parse

from armswatch.event_types import CONSIDER, DENIAL, PLEDGE, TRANSFER
from armswatch.extraction import candidates as c
from armswatch.extraction.rules import load_rules
from armswatch.extraction.scope import Scope, analyse


def scope_of(rows: str, trigger: str, frame_type: str = TRANSFER) -> Scope:
    doc = parse(rows)
    return analyse(next(t for t in doc if t.text == trigger), frame_type, load_rules())


def tok(doc, word):
    return next(t for t in doc if t.text == word)


# -- "given that", "provided that": a participle as a conjunction gives nothing --------------------------------------

GIVEN_THAT = cparse("""
Kyiv 1 nsubj PROPN Kyiv
asked 1 ROOT VERB ask
for 1 prep ADP for
shells 2 pobj NOUN shell NNS
, 1 punct PUNCT ,
given 1 prep VERB give VBN
that 9 mark SCONJ that IN
stocks 9 nsubj NOUN stock NNS
are 9 aux AUX be VBP
falling 5 pcomp VERB fall VBG
. 1 punct PUNCT .
""")

PROVIDED_THAT = cparse("""
Seoul 2 nsubj PROPN Seoul
will 2 aux AUX will MD
sell 2 ROOT VERB sell VB
jets 2 dobj NOUN jet NNS
, 2 punct PUNCT ,
provided 2 prep VERB provide VBN
that 8 mark SCONJ that IN
Warsaw 8 nsubj PROPN Warsaw
pays 5 pcomp VERB pay VBZ
. 2 punct PUNCT .
""")

GAVE_TANKS = cparse("""
Berlin 1 nsubj PROPN Berlin
gave 1 ROOT VERB give
Kyiv 1 dative PROPN Kyiv
tanks 1 dobj NOUN tank NNS
. 1 punct PUNCT .
""")


def test_participle_used_as_conjunction_is_no_trigger():
    assert c.participle_conjunction(None, tok(GIVEN_THAT, "given"), FRAMES["give.v"])
    assert c.participle_conjunction(None, tok(PROVIDED_THAT, "provided"), FRAMES["give.v"])


def test_supply_verb_with_an_object_stays_a_trigger():
    assert not c.participle_conjunction(None, tok(GAVE_TANKS, "gave"), FRAMES["give.v"])


# -- "gave its approval", "gave the green light": leave to act, not arms ---------------------------------------------

GAVE_APPROVAL = cparse("""
Washington 2 nsubj PROPN Washington
has 2 aux AUX have
given 2 ROOT VERB give VBN
its 4 poss PRON its
approval 2 dobj NOUN approval
for 2 prep ADP for
the 7 det DET the
transfer 5 pobj NOUN transfer
. 2 punct PUNCT .
""")

GAVE_GREEN_LIGHT = cparse("""
Berlin 1 nsubj PROPN Berlin
gave 1 ROOT VERB give
the 4 det DET the
green 4 amod ADJ green
light 1 dobj NOUN light
to 1 prep ADP to
the 7 det DET the
re-export 5 pobj NOUN re-export
. 1 punct PUNCT .
""")


def test_giving_permission_is_no_transfer():
    assert c.gives_permission(None, tok(GAVE_APPROVAL, "given"), FRAMES["give.v"])
    assert c.gives_permission(None, tok(GAVE_GREEN_LIGHT, "gave"), FRAMES["give.v"])
    assert not c.gives_permission(None, tok(GAVE_TANKS, "gave"), FRAMES["give.v"])


# -- "was able to deliver": an ability used, the supply took place ---------------------------------------------------

WAS_ABLE = """
Rome     =        PROPN NNP nsubj 1
was      be       AUX   VBD ROOT  -
able     =        ADJ   JJ  acomp 1
to       =        PART  TO  aux   4
deliver  =        VERB  VB  xcomp 2
shells   shell    NOUN  NNS dobj  4
"""
HAD_BEEN_ABLE = """
Oslo     =        PROPN NNP nsubj 2
had      have     AUX   VBD aux   2
been     be       AUX   VBN ROOT  -
able     =        ADJ   JJ  acomp 2
to       =        PART  TO  aux   5
ship     =        VERB  VB  xcomp 3
rockets  rocket   NOUN  NNS dobj  5
"""
WILL_BE_ABLE = """
Oslo     =        PROPN NNP nsubj 2
will     =        AUX   MD  aux   2
be       =        AUX   VB  ROOT  -
able     =        ADJ   JJ  acomp 2
to       =        PART  TO  aux   5
ship     =        VERB  VB  xcomp 3
rockets  rocket   NOUN  NNS dobj  5
"""
IS_ABLE = """
Rome     =        PROPN NNP nsubj 1
is       be       AUX   VBZ ROOT  -
able     =        ADJ   JJ  acomp 1
to       =        PART  TO  aux   4
deliver  =        VERB  VB  xcomp 2
shells   shell    NOUN  NNS dobj  4
"""


def test_past_ability_is_a_transfer():
    for rows, trigger in ((WAS_ABLE, "deliver"), (HAD_BEEN_ABLE, "ship")):
        scope = scope_of(rows, trigger)
        assert scope.drop is None, scope.reasons
        assert scope.type is None and scope.polarity == "affirmed"


def test_present_or_future_ability_stays_hypothetical():
    assert scope_of(WILL_BE_ABLE, "ship").drop == "hypothetical (able)"
    assert scope_of(IS_ABLE, "deliver").drop == "hypothetical (able)"


# -- "worried about North Korea sending": the gerund's scope is the preposition's ----------------------------------

WORRIED_ABOUT_NAME_SENDING = """
Officials official NOUN NNS nsubj 1
were     be       AUX   VBD ROOT  -
worried  =        ADJ   JJ  acomp 1
about    =        ADP   IN  prep  2
Pyongyang =       PROPN NNP pobj  3
sending  send     VERB  VBG acl   4
shells   shell    NOUN  NNS dobj  5
"""
FEARS_OF_NAME_SUPPLYING = """
Kyiv     =        PROPN NNP nsubj 1
voiced   voice    VERB  VBD ROOT  -
fears    fear     NOUN  NNS dobj  1
of       =        ADP   IN  prep  2
Tehran   =        PROPN NNP pobj  3
supplying supply  VERB  VBG acl   4
missiles missile  NOUN  NNS dobj  5
"""
WORRIED_ABOUT_NAME_ADVERBIAL = """
They     they     PRON  PRP nsubj 1
were     be       AUX   VBD ROOT  -
worried  =        ADJ   JJ  acomp 1
about    =        ADP   IN  prep  2
Minsk    =        PROPN NNP pobj  3
selling  sell     VERB  VBG advcl 1
rifles   rifle    NOUN  NNS dobj  5
"""
SHIP_CARRYING = """
Israel   =        PROPN NNP nsubj 1
seized   seize    VERB  VBD ROOT  -
a        =        DET   DT  det   3
ship     =        NOUN  NN  dobj  1
carrying carry    VERB  VBG acl   3
rifles   rifle    NOUN  NNS dobj  4
"""


def test_gerund_hung_on_its_subject_shares_the_preposition_scope():
    assert scope_of(WORRIED_ABOUT_NAME_SENDING, "sending").drop == "hypothetical (worried)"
    assert scope_of(FEARS_OF_NAME_SUPPLYING, "supplying").drop == "hypothetical (fears)"
    assert scope_of(WORRIED_ABOUT_NAME_ADVERBIAL, "selling").drop == "hypothetical (worried)"


def test_participle_on_a_common_noun_keeps_its_own_scope():
    scope = scope_of(SHIP_CARRYING, "carrying")
    assert [t.text for t in scope.path] == ["carrying"]


# -- "dismissed reports claiming that": the report of a denied claim ------------------------------------------------

DISMISSED_REPORTS_CLAIMING = """
Tehran   =        PROPN NNP nsubj 1
dismissed dismiss VERB  VBD ROOT  -
reports  report   NOUN  NNS dobj  1
claiming claim    VERB  VBG acl   2
that     =        SCONJ IN  mark  6
it       =        PRON  PRP nsubj 6
sent     send     VERB  VBD ccomp 3
missiles missile  NOUN  NNS dobj  6
"""
REJECTED_CLAIMS_SAYING = """
Minsk    =        PROPN NNP nsubj 1
rejected reject   VERB  VBD ROOT  -
claims   claim    NOUN  NNS dobj  1
saying   say      VERB  VBG acl   2
that     =        SCONJ IN  mark  6
Belarus  =        PROPN NNP nsubj 6
supplied supply   VERB  VBD ccomp 3
shells   shell    NOUN  NNS dobj  6
"""
PUBLISHED_REPORTS_CLAIMING = """
Media    medium   NOUN  NNS nsubj 1
published publish VERB  VBD ROOT  -
reports  report   NOUN  NNS dobj  1
claiming claim    VERB  VBG acl   2
that     =        SCONJ IN  mark  6
Iran     =        PROPN NNP nsubj 6
sent     send     VERB  VBD ccomp 3
missiles missile  NOUN  NNS dobj  6
"""


def test_report_of_a_denied_claim_is_denied():
    for rows, trigger, claim in ((DISMISSED_REPORTS_CLAIMING, "sent", "reports"),
                                 (REJECTED_CLAIMS_SAYING, "supplied", "claims")):
        scope = scope_of(rows, trigger)
        assert scope.type == DENIAL, scope.reasons
        assert scope.claim_noun is not None and scope.claim_noun.text == claim


def test_report_not_denied_stays_the_reporting_frame():
    scope = scope_of(PUBLISHED_REPORTS_CLAIMING, "sent")
    assert scope.type is None and scope.report_verb is not None and scope.report_verb.text == "claiming"


# -- "has delivered promised tanks": a promise kept, parsed as the verb's complement --------------------------------

DELIVERED_PROMISED = cparse("""
Berlin 2 nsubj PROPN Berlin
has 2 aux AUX have VBZ
delivered 2 ROOT VERB deliver VBN
promised 2 xcomp VERB promise VBN
tanks 3 dobj NOUN tank NNS
to 2 prep ADP to
Kyiv 5 pobj PROPN Kyiv
. 2 punct PUNCT .
""")

SHIPPED_PROMISED = cparse("""
Oslo 1 nsubj PROPN Oslo
shipped 1 ROOT VERB ship VBD
promised 1 xcomp VERB promise VBN
rockets 2 dobj NOUN rocket NNS
. 1 punct PUNCT .
""")

WILL_DELIVER_PROMISED = cparse("""
Madrid 2 nsubj PROPN Madrid
will 2 aux AUX will MD
deliver 2 ROOT VERB deliver VB
promised 2 xcomp VERB promise VBN
tanks 3 dobj NOUN tank NNS
. 2 punct PUNCT .
""")


def test_promise_parsed_as_complement_of_a_delivery_is_kept():
    assert finder(DELIVERED_PROMISED).promise_delivered(tok(DELIVERED_PROMISED, "promised"))
    assert finder(SHIPPED_PROMISED).promise_delivered(tok(SHIPPED_PROMISED, "promised"))
    assert not finder(WILL_DELIVER_PROMISED).promise_delivered(tok(WILL_DELIVER_PROMISED, "promised"))


# -- "ordered rockets to be shipped": a command plans a supply, it is no delivery and no purchase ------------------

ORDERED_TO_BE_SHIPPED = cparse("""
Cairo 1 nsubj PROPN Cairo
ordered 1 ROOT VERB order VBD
rockets 1 dobj NOUN rocket NNS
to 5 aux PART to TO
be 5 auxpass AUX be VB
shipped 1 xcomp VERB ship VBN
to 5 prep ADP to
Moscow 6 pobj PROPN Moscow
. 1 punct PUNCT .
""")

ORDERED_ARMY_TO_SEND = cparse("""
Putin 1 nsubj PROPN Putin
ordered 1 ROOT VERB order VBD
the 3 det DET the
army 1 dobj NOUN army
to 5 aux PART to TO
send 1 xcomp VERB send VB
tanks 5 dobj NOUN tank NNS
. 1 punct PUNCT .
""")

ORDERED_FROM_SELLER = cparse("""
Warsaw 1 nsubj PROPN Warsaw
ordered 1 ROOT VERB order VBD
tanks 1 dobj NOUN tank NNS
from 1 prep ADP from
Seoul 3 pobj PROPN Seoul
to 6 aux PART to TO
replace 1 xcomp VERB replace VB
. 1 punct PUNCT .
""")

INSTRUCTED_TO_SHIP = """
Kim      =        PROPN NNP nsubj 1
instructed instruct VERB VBD ROOT  -
officials official NOUN NNS dobj  1
to       =        PART  TO  aux   4
ship     =        VERB  VB  xcomp 1
shells   shell    NOUN  NNS dobj  4
"""


def test_command_with_a_supply_infinitive_is_no_purchase():
    frame = FRAMES["order.v"]
    assert c.command_not_purchase(finder(ORDERED_TO_BE_SHIPPED), tok(ORDERED_TO_BE_SHIPPED, "ordered"), frame)
    assert c.command_not_purchase(finder(ORDERED_ARMY_TO_SEND), tok(ORDERED_ARMY_TO_SEND, "ordered"), frame)
    assert not c.command_not_purchase(finder(ORDERED_FROM_SELLER), tok(ORDERED_FROM_SELLER, "ordered"), frame)


def test_commanded_supply_is_a_plan():
    assert scope_of(INSTRUCTED_TO_SHIP, "ship").type == CONSIDER
    doc = ORDERED_TO_BE_SHIPPED
    assert analyse(tok(doc, "shipped"), TRANSFER, load_rules()).type == CONSIDER


# -- "warned China not to give support": a supply warned against is no claim ---------------------------------------

WARNED_NOT_TO_GIVE = """
Kyiv     =        PROPN NNP nsubj 1
warned   warn     VERB  VBD ROOT  -
Beijing  =        PROPN NNP dobj  1
not      =        PART  RB  neg   5
to       =        PART  TO  aux   5
give     =        VERB  VB  xcomp 1
arms     arm      NOUN  NNS dobj  5
"""
CAUTIONED_AGAINST = """
Washington =      PROPN NNP nsubj 1
cautioned caution VERB  VBD ROOT  -
Seoul    =        PROPN NNP dobj  1
against  =        ADP   IN  prep  1
sending  send     VERB  VBG pcomp 3
shells   shell    NOUN  NNS dobj  4
"""
WARNED_THAT = """
Kirby    =        PROPN NNP nsubj 1
warned   warn     VERB  VBD ROOT  -
that     =        SCONJ IN  mark  5
Pyongyang =       PROPN NNP nsubj 5
is       be       AUX   VBZ aux   5
sending  send     VERB  VBG ccomp 1
shells   shell    NOUN  NNS dobj  5
"""


def test_supply_warned_against_is_dropped():
    assert scope_of(WARNED_NOT_TO_GIVE, "give").drop == "warning (warned)"
    assert scope_of(CAUTIONED_AGAINST, "sending").drop == "warning (cautioned)"


def test_warning_that_a_supply_happens_is_a_claim():
    assert scope_of(WARNED_THAT, "sending").drop is None


# -- "the deliveries are scheduled from 2028": a scheduled delivery ------------------------------------------------

DELIVERIES_SCHEDULED_FROM = """
the      =        DET   DT  det   1
deliveries delivery NOUN NNS nsubjpass 3
are      be       AUX   VBP auxpass 3
scheduled schedule VERB VBN ROOT  -
from     =        ADP   IN  prep  3
2028     =        NUM   CD  pobj  4
"""
SHIPMENTS_PLANNED_FOR = """
Shipments shipment NOUN NNS nsubjpass 2
are      be       AUX   VBP auxpass 2
planned  plan     VERB  VBN ROOT  -
for      =        ADP   IN  prep  2
2026     =        NUM   CD  pobj  3
"""
SHIPMENTS_NOT_PLANNED = """
Shipments shipment NOUN NNS nsubjpass 3
are      be       AUX   VBP auxpass 3
not      =        PART  RB  neg   3
planned  plan     VERB  VBN ROOT  -
for      =        ADP   IN  prep  3
2026     =        NUM   CD  pobj  4
"""


def test_supply_noun_scheduled_in_the_passive_is_a_pledge():
    for rows, trigger in ((DELIVERIES_SCHEDULED_FROM, "deliveries"), (SHIPMENTS_PLANNED_FOR, "Shipments")):
        scope = scope_of(rows, trigger)
        assert scope.type == PLEDGE and scope.future, scope.reasons


def test_negated_schedule_is_no_pledge():
    assert scope_of(SHIPMENTS_NOT_PLANNED, "Shipments").type != PLEDGE


# -- "the sales have yet to get approval": "yet to" negates the other verb, not the supply ----------------------------

SALES_YET_TO_GET = """
the      =        DET   DT  det   1
sales    sale     NOUN  NNS nsubj 2
have     have     AUX   VBP ROOT  -
yet      =        ADV   RB  advmod 2
to       =        PART  TO  aux   5
get      =        VERB  VB  xcomp 2
approval =        NOUN  NN  dobj  5
"""
DEAL_YET_TO_WIN = """
the      =        DET   DT  det   1
transfer =        NOUN  NN  nsubj 2
has      have     AUX   VBZ ROOT  -
yet      =        ADV   RB  advmod 2
to       =        PART  TO  aux   5
win      =        VERB  VB  xcomp 2
backing  =        NOUN  NN  dobj  5
"""
SHIPMENT_YET_TO_ARRIVE = """
the      =        DET   DT  det   1
shipment =        NOUN  NN  nsubj 2
has      have     AUX   VBZ ROOT  -
yet      =        ADV   RB  advmod 2
to       =        PART  TO  aux   5
arrive   =        VERB  VB  xcomp 2
"""


def test_yet_to_over_another_verb_is_no_negation_of_the_supply():
    assert scope_of(SALES_YET_TO_GET, "sales").drop == "negation over get"
    assert scope_of(DEAL_YET_TO_WIN, "transfer").drop == "negation over win"


def test_yet_to_over_the_supply_course_negates():
    scope = scope_of(SHIPMENT_YET_TO_ARRIVE, "shipment")
    assert scope.drop is None and scope.polarity == "negated", scope.reasons


# -- "the sales will undermine confidence": the future is the consequence's ------------------------------------------

SALES_WILL_UNDERMINE = """
the      =        DET   DT  det   1
sales    sale     NOUN  NNS nsubj 3
will     =        AUX   MD  aux   3
undermine =       VERB  VB  ROOT  -
trust    =        NOUN  NN  dobj  3
"""
TRANSFER_WILL_STRENGTHEN = """
the      =        DET   DT  det   1
transfer =        NOUN  NN  nsubj 3
will     =        AUX   MD  aux   3
strengthen =      VERB  VB  ROOT  -
defences defence  NOUN  NNS dobj  3
"""
DELIVERIES_WILL_BEGIN = """
the      =        DET   DT  det   1
deliveries delivery NOUN NNS nsubj 3
will     =        AUX   MD  aux   3
begin    =        VERB  VB  ROOT  -
soon     =        ADV   RB  advmod 3
"""


def test_future_consequence_of_a_supply_noun_is_dropped():
    assert scope_of(SALES_WILL_UNDERMINE, "sales").drop == "consequence (undermine)"
    assert scope_of(TRANSFER_WILL_STRENGTHEN, "transfer").drop == "consequence (strengthen)"


def test_future_course_of_a_supply_noun_stays_future():
    scope = scope_of(DELIVERIES_WILL_BEGIN, "deliveries")
    assert scope.drop is None and scope.future


# -- "the aid package passed by the Senate": legislation, not a hand-over --------------------------------------------

PACKAGE_PASSED_BY = cparse("""
the 1 det DET the
package 4 nsubj NOUN package
passed 1 acl VERB pass VBN
by 2 agent ADP by
became 4 ROOT VERB become
law 4 attr NOUN law
. 4 punct PUNCT .
""")

CONGRESS_PASSED_BILL = cparse("""
Congress 1 nsubj PROPN Congress
passed 1 ROOT VERB pass
the 3 det DET the
bill 1 dobj NOUN bill
. 1 punct PUNCT .
""")

PASSED_RIFLES = cparse("""
Minsk 1 nsubj PROPN Minsk
passed 1 ROOT VERB pass
rifles 1 dobj NOUN rifle NNS
to 1 prep ADP to
Moscow 3 pobj PROPN Moscow
. 1 punct PUNCT .
""")


def test_law_passed_is_no_transfer():
    assert c.legislation_passed(None, tok(PACKAGE_PASSED_BY, "passed"), FRAMES["give.v"])
    assert c.legislation_passed(None, tok(CONGRESS_PASSED_BILL, "passed"), FRAMES["give.v"])
    assert not c.legislation_passed(None, tok(PASSED_RIFLES, "passed"), FRAMES["give.v"])


# -- "sanctions on technology exports to Wagner": the supply a measure targets -----------------------------------------

SANCTIONS_ON_EXPORTS = cparse("""
new 1 amod ADJ new
sanctions 1 ROOT NOUN sanction NNS
on 1 prep ADP on
technology 4 compound NOUN technology
exports 2 pobj NOUN export NNS
to 4 prep ADP to
Wagner 5 pobj PROPN Wagner
""")

BAN_ON_SALES = cparse("""
a 1 det DET a
ban 1 ROOT NOUN ban
on 1 prep ADP on
arms 4 compound NOUN arm NNS
sales 2 pobj NOUN sale NNS
to 4 prep ADP to
Riyadh 5 pobj PROPN Riyadh
""")

SANCTIONS_OVER_DELIVERIES = cparse("""
sanctions 0 ROOT NOUN sanction NNS
over 0 prep ADP over
drone 3 compound NOUN drone
deliveries 1 pobj NOUN delivery NNS
""")


def test_supply_targeted_by_a_measure_is_not_stated():
    frame = FRAMES["supply.n"]
    assert c.target_of_measure(finder(SANCTIONS_ON_EXPORTS), tok(SANCTIONS_ON_EXPORTS, "exports"), frame)
    assert c.target_of_measure(finder(BAN_ON_SALES), tok(BAN_ON_SALES, "sales"), frame)


def test_supply_giving_a_measure_its_reason_stays():
    frame = FRAMES["supply.n"]
    assert not c.target_of_measure(finder(SANCTIONS_OVER_DELIVERIES), tok(SANCTIONS_OVER_DELIVERIES, "deliveries"),
                                   frame)


# -- "willing to send ATACMS if the bill passes": a consideration under a condition stays one -----------------------

WILLING_IF = """
Washington =      PROPN NNP nsubj 1
is       be       AUX   VBZ ROOT  -
willing  =        ADJ   JJ  acomp 1
to       =        PART  TO  aux   4
send     =        VERB  VB  xcomp 2
missiles missile  NOUN  NNS dobj  4
if       =        SCONJ IN  mark  8
Congress =        PROPN NNP nsubj 8
agrees   agree    VERB  VBZ advcl 1
"""
READY_IF = """
Oslo     =        PROPN NNP nsubj 1
is       be       AUX   VBZ ROOT  -
ready    =        ADJ   JJ  acomp 1
to       =        PART  TO  aux   4
ship     =        VERB  VB  xcomp 2
jets     jet      NOUN  NNS dobj  4
if       =        SCONJ IN  mark  8
Kyiv     =        PROPN NNP nsubj 8
asks     ask      VERB  VBZ advcl 1
"""
WOULD_SEND_IF = """
Rome     =        PROPN NNP nsubj 2
would    =        AUX   MD  aux   2
send     =        VERB  VB  ROOT  -
jets     jet      NOUN  NNS dobj  2
if       =        SCONJ IN  mark  6
Kyiv     =        PROPN NNP nsubj 6
asks     ask      VERB  VBZ advcl 2
"""


def test_consideration_under_a_condition_is_still_considered():
    for rows, trigger in ((WILLING_IF, "send"), (READY_IF, "ship")):
        scope = scope_of(rows, trigger)
        assert scope.drop is None and scope.type == CONSIDER, scope.reasons


def test_bare_conditional_supply_is_dropped():
    assert scope_of(WOULD_SEND_IF, "send").drop == "conditional (if clause)"


# -- "Mali's junta announced the delivery of helicopters from Russia": arrived ----------------------------------------

JUNTA_ANNOUNCED_DELIVERY = cparse("""
Bamako 1 nsubj PROPN Bamako
announced 1 ROOT VERB announce
the 3 det DET the
delivery 1 dobj NOUN delivery
of 3 prep ADP of
helicopters 4 pobj NOUN helicopter NNS
from 3 prep ADP from
Moscow 6 pobj PROPN Moscow
. 1 punct PUNCT .
""", actors=((0, 1, "MLI"), (7, 8, "RUS")), items=((5, 6, "aircraft"),))

ARMY_ANNOUNCED_DELIVERY = cparse("""
Belgrade 1 nsubj PROPN Belgrade
announced 1 ROOT VERB announce
the 3 det DET the
delivery 1 dobj NOUN delivery
of 3 prep ADP of
jets 4 pobj NOUN jet NNS
from 3 prep ADP from
Paris 6 pobj PROPN Paris
. 1 punct PUNCT .
""", actors=((0, 1, "SRB"), (7, 8, "FRA")), items=((5, 6, "aircraft"),))

SUPPLIER_ANNOUNCED_DELIVERY = cparse("""
Paris 1 nsubj PROPN Paris
announced 1 ROOT VERB announce
the 3 det DET the
delivery 1 dobj NOUN delivery
of 3 prep ADP of
jets 4 pobj NOUN jet NNS
to 3 prep ADP to
Belgrade 6 pobj PROPN Belgrade
. 1 punct PUNCT .
""", actors=((0, 1, "FRA"), (7, 8, "SRB")), items=((5, 6, "aircraft"),))


def _types(doc):
    return {(k.type, k.trigger.text) for k in finder(doc).find().candidates}


def test_delivery_announced_by_another_than_its_supplier_arrived():
    assert ("TRANSFER", "delivery") in _types(JUNTA_ANNOUNCED_DELIVERY)
    assert ("TRANSFER", "delivery") in _types(ARMY_ANNOUNCED_DELIVERY)


def test_delivery_announced_by_its_supplier_stays_a_pledge():
    assert ("PLEDGE", "delivery") in _types(SUPPLIER_ANNOUNCED_DELIVERY)


# -- "the delivery of the first batch of jets": the inner supply noun is the outer one's content --------------------

DELIVERY_OF_BATCH = cparse("""
the 1 det DET the
delivery 6 nsubj NOUN delivery
of 1 prep ADP of
the 4 det DET the
batch 2 pobj NOUN batch
is 6 aux AUX be
due 6 ROOT ADJ due
. 6 punct PUNCT .
""")

SHIPMENTS_OF_CONSIGNMENT = cparse("""
shipments 3 nsubj NOUN shipment NNS
of 0 prep ADP of
consignments 1 pobj NOUN consignment NNS
began 3 ROOT VERB begin
. 3 punct PUNCT .
""")

BATCH_ALONE = cparse("""
the 1 det DET the
batch 2 nsubj NOUN batch
arrived 2 ROOT VERB arrive
. 2 punct PUNCT .
""")


def test_supply_noun_inside_another_is_its_content():
    frame = FRAMES["supply.n"]
    assert c.part_of_supply_noun(finder(DELIVERY_OF_BATCH), tok(DELIVERY_OF_BATCH, "batch"), frame)
    assert c.part_of_supply_noun(finder(SHIPMENTS_OF_CONSIGNMENT), tok(SHIPMENTS_OF_CONSIGNMENT, "consignments"),
                                 frame)
    assert not c.part_of_supply_noun(finder(BATCH_ALONE), tok(BATCH_ALONE, "batch"), frame)


# -- "a meeting to discuss arming Moscow": a supply discussed directly is negotiated ---------------------------------

MEETING_TO_DISCUSS_ARMING = """
Kim      =        PROPN NNP nsubj 1
met      meet     VERB  VBD ROOT  -
Putin    =        PROPN NNP dobj  1
to       =        PART  TO  aux   4
discuss  =        VERB  VB  advcl 1
arming   arm      VERB  VBG xcomp 4
Moscow   =        PROPN NNP dobj  5
"""
DISCUSSED_SUPPLYING = """
Ministers minister NOUN NNS nsubj 1
discussed discuss VERB  VBD ROOT  -
supplying supply  VERB  VBG xcomp 1
shells   shell    NOUN  NNS dobj  2
"""
DISCUSSING_POSSIBILITY = """
Washington =      PROPN NNP nsubj 2
is       be       AUX   VBZ aux   2
discussing discuss VERB VBG ROOT  -
the      =        DET   DT  det   4
possibility =     NOUN  NN  dobj  2
of       =        ADP   IN  prep  4
sending  send     VERB  VBG pcomp 5
jets     jet      NOUN  NNS dobj  6
"""


def test_supply_discussed_directly_is_a_deal():
    from armswatch.event_types import DEAL
    assert scope_of(MEETING_TO_DISCUSS_ARMING, "arming").type == DEAL
    assert scope_of(DISCUSSED_SUPPLYING, "supplying").type == DEAL


def test_possibility_discussed_stays_a_consideration():
    assert scope_of(DISCUSSING_POSSIBILITY, "sending").type == CONSIDER


# -- "they were unable, due to a lack of capacity, to deliver them": the interrupted infinitive is the adjective's --

UNABLE_INTERRUPTED = """
they     =        PRON  PRP nsubj 1
were     be       AUX   VBD ROOT  -
unable   =        ADJ   JJ  acomp 1
due      =        ADJ   JJ  advmod 1
to       =        PART  TO  aux   5
deliver  =        VERB  VB  advcl 1
shells   shell    NOUN  NNS dobj  5
"""
ABLE_INTERRUPTED = """
Rome     =        PROPN NNP nsubj 1
was      be       AUX   VBD ROOT  -
able     =        ADJ   JJ  acomp 1
finally  =        ADV   RB  advmod 1
to       =        PART  TO  aux   5
ship     =        VERB  VB  advcl 1
shells   shell    NOUN  NNS dobj  5
"""


def test_interrupted_infinitive_belongs_to_the_copula_adjective():
    scope = scope_of(UNABLE_INTERRUPTED, "deliver")
    assert scope.polarity == "negated" and scope.drop is None, scope.reasons
    scope = scope_of(ABLE_INTERRUPTED, "ship")
    assert scope.polarity == "affirmed" and scope.drop is None, scope.reasons
    assert [t.text for t in scope.path][:2] == ["ship", "able"]
