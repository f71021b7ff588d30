"""Unit tests of who may be an unstated endpoint (extraction/coref.py, extraction/passage.py): places listed with a
bystander, and the imposers of the passage's measures. Hand-built parses with two or more wordings, then end to
end."""
from __future__ import annotations

from types import SimpleNamespace

from conftest_handparse import parse, token

import armswatch
from armswatch.event_types import SANCTION, TRANSFER
from armswatch.extraction.actors import ActorIndex, ActorRef
from armswatch.extraction.candidate import Provenance
from armswatch.extraction.coref import belligerent, destination, first_conjunct, is_participant, nearby_actor
from armswatch.extraction.passage import PassageResolver, measure_imposers, reversed_partners
from armswatch.extraction.rules import load_rules
from armswatch.types import Mention


def _rallies_in(place_dep: str) -> object:
    """"volunteers <prep> Latvia, Germany and Canada raised funds to buy drones"."""
    return parse([("volunteers", 8, "nsubj", "NOUN", "NNS", "volunteer"), (place_dep, 0, "prep", "ADP"),
                  ("Latvia", 1, "pobj", "PROPN"), (",", 2, "punct", "PUNCT"), ("Germany", 2, "conj", "PROPN"),
                  ("and", 4, "cc", "CCONJ"), ("Canada", 4, "conj", "PROPN"), (",", 8, "punct", "PUNCT"),
                  ("raised", 8, "ROOT", "VERB", "VBD", "raise"), ("funds", 8, "dobj", "NOUN", "NNS", "fund"),
                  ("to", 11, "aux", "PART"), ("buy", 8, "advcl", "VERB", "VB", "buy"),
                  ("drones", 11, "dobj", "NOUN", "NNS", "drone")],
                 actors={"Latvia": ("LVA", "state"), "Germany": ("DEU", "state"), "Canada": ("CAN", "state")},
                 items={"drones": "drones"})


def test_a_conjunct_stands_where_its_list_stands():
    for prep in ("in", "at"):  # "rallies in Latvia, Germany and Canada", "concerts at ..."
        doc = _rallies_in(prep)
        idx = ActorIndex(doc)
        assert first_conjunct(token(doc, "Canada")).text == "Latvia"
        assert not any(is_participant(token(doc, name), idx) for name in ("Latvia", "Germany", "Canada"))
        assert nearby_actor(idx, doc[:], token(doc, "buy"), set(), set()) is None


def test_a_conjunct_of_a_party_stays_a_party():
    # "sent drones to Latvia, Germany and Canada": every listed recipient is a participant
    doc = parse([("Kyiv", 1, "nsubj", "PROPN"), ("sent", 1, "ROOT", "VERB", "VBD", "send"),
                 ("drones", 1, "dobj", "NOUN", "NNS", "drone"), ("to", 1, "prep", "ADP"),
                 ("Latvia", 3, "pobj", "PROPN"), ("and", 4, "cc", "CCONJ"), ("Canada", 4, "conj", "PROPN")],
                actors={"Kyiv": ("UKR", "state"), "Latvia": ("LVA", "state"), "Canada": ("CAN", "state")})
    idx = ActorIndex(doc)
    assert is_participant(token(doc, "Canada"), idx) and is_participant(token(doc, "Latvia"), idx)
    # "Britain and Canada pledged ...": a conjunct of a subject is a subject
    doc = parse([("Britain", 3, "nsubj", "PROPN"), ("and", 0, "cc", "CCONJ"), ("Canada", 0, "conj", "PROPN"),
                 ("pledged", 3, "ROOT", "VERB", "VBD", "pledge"), ("tanks", 3, "dobj", "NOUN", "NNS", "tank")],
                actors={"Britain": ("GBR", "state"), "Canada": ("CAN", "state")})
    assert is_participant(token(doc, "Canada"), ActorIndex(doc))


def _cand(type_: str, frame_type: str, *suppliers: str) -> SimpleNamespace:
    refs = [ActorRef(s, "state", 0, 1) for s in suppliers]
    return SimpleNamespace(type=type_, frame=SimpleNamespace(type=frame_type), suppliers=refs)


def _mention(type_: str, supplier: str, recipient: str) -> Mention:
    return Mention(type=type_, supplier=supplier, recipient=recipient, polarity="affirmed")


def test_measure_imposers_named_or_found_but_not_a_halter():
    cands = [_cand(SANCTION, SANCTION, "USA"),  # "Washington imposed sanctions on four companies"
             _cand(SANCTION, SANCTION),  # "The EU announced sanctions on Iran" (imposer found for the mention)
             _cand(SANCTION, TRANSFER, "DEU"),  # "Germany halted deliveries to X": the halter is a supplier
             _cand(TRANSFER, TRANSFER)]
    done = {1: [_mention(SANCTION, "org:eu", "IRN")], 2: [_mention(SANCTION, "DEU", "TUR")]}
    assert measure_imposers(cands, done, 3) == {"USA", "org:eu"}
    assert measure_imposers(cands, {}, 1) == {"USA"}  # only the measures stated before
    assert measure_imposers([_cand(TRANSFER, TRANSFER, "GBR")], {}, 1) == set()


def test_extract_does_not_borrow_a_measures_imposer_as_supplier():
    texts = [("The United States imposed sanctions on five companies in China on Tuesday. The measures bar American "
              "firms from dealing with them. Officials said Iran continues to use front companies to acquire engine "
              "parts."),
             ("Britain imposed sanctions on three Chinese firms on Friday. The measures freeze British assets of the "
              "firms. Officials said Russia still manages to obtain chips through intermediaries.")]
    for text in texts:
        got = {(m.type, m.supplier, m.recipient) for m in armswatch.extract(text)}
        assert ("TRANSFER", "USA", "IRN") not in got and ("TRANSFER", "GBR", "RUS") not in got
        assert any(t == "SANCTION" for t, _, _ in got)


def test_extract_does_not_take_a_listed_place_as_party():
    texts = [("Donors at rallies in Latvia, Germany and Canada collected funds to purchase the armoured vehicles for "
              "the Ukrainian brigade."),
             ("Activists at concerts in Estonia, Finland and Norway raised funds to buy the drones for the Ukrainian "
              "army.")]
    for text in texts:
        got = {(m.supplier, m.recipient) for m in armswatch.extract(text)}
        assert not got & {("CAN", "UKR"), ("DEU", "UKR"), ("NOR", "UKR"), ("FIN", "UKR")}


LEAD = [("Iran", 1, "nsubj", "PROPN"), ("denied", 1, "ROOT", "VERB", "VBD", "deny"), ("it", 1, "dobj", "PRON"),
        (".", 1, "punct", "PUNCT")]


def _reported_description(reporter: str, verb: tuple[str, str]) -> object:
    """"Iran denied it. <reporter> <verb> the country shipped shells."."""
    return parse(LEAD + [(reporter, 5, "nsubj", "PROPN"), (verb[0], 5, "ROOT", "VERB", "VBZ", verb[1]),
                         ("the", 7, "det", "DET"), ("country", 8, "nsubj", "NOUN", "NN", "country"),
                         ("shipped", 5, "ccomp", "VERB", "VBD", "ship"), ("shells", 8, "dobj", "NOUN", "NNS", "shell"),
                         (".", 5, "punct", "PUNCT")],
                 actors={"Iran": ("IRN", "state"), reporter: ("USA", "state")})


def test_a_description_in_a_reported_clause_is_not_the_reporter():
    for reporter, verb in [("Washington", ("said", "say")), ("Pentagon", ("claims", "claim"))]:
        doc = _reported_description(reporter, verb)
        ref = ActorIndex(doc).anaphor(token(doc, "country"))
        assert ref is not None and ref.id == "IRN"


def test_a_description_may_be_the_owner_of_the_reporter():
    # "Britain's minister said the country shipped shells": the owner of the speaker is no subject
    doc = parse(LEAD + [("Britain", 6, "poss", "PROPN"), ("'s", 4, "case", "PART"),
                        ("minister", 7, "nsubj", "NOUN", "NN", "minister"), ("said", 7, "ROOT", "VERB", "VBD", "say"),
                        ("the", 9, "det", "DET"), ("country", 10, "nsubj", "NOUN", "NN", "country"),
                        ("shipped", 7, "ccomp", "VERB", "VBD", "ship"), ("shells", 10, "dobj", "NOUN", "NNS", "shell"),
                        (".", 7, "punct", "PUNCT")],
                actors={"Iran": ("IRN", "state"), "Britain": ("GBR", "state")})
    ref = ActorIndex(doc).anaphor(token(doc, "country"))
    assert ref is not None and ref.id == "GBR"


def test_extract_description_in_a_report_is_the_accused():
    texts = [("North Korea rejected the accusation on Friday. The denial came after Washington said the country had "
              "shipped artillery shells to Russia."),
             "Iran dismissed the reports as lies. Britain claims the country delivered attack drones to Russia last year."]
    for text in texts:
        got = {(m.type, m.supplier, m.recipient) for m in armswatch.extract(text)}
        assert ("TRANSFER", "USA", "RUS") not in got and ("TRANSFER", "GBR", "RUS") not in got
        assert ("TRANSFER", "PRK", "RUS") in got or ("TRANSFER", "IRN", "RUS") in got


def test_the_opponent_in_hostilities_is_no_participant():
    for noun, prep, place in [("war", "with", "Ukraine"), ("conflict", "with", "China"), ("aggression", "in", "Kyiv")]:
        doc = parse([("the", 1, "det", "DET"), (noun, 1, "ROOT", "NOUN"), (prep, 1, "prep", "ADP"),
                     (place, 2, "pobj", "PROPN")], actors={place: ("XXX", "state")})
        assert belligerent(token(doc, place)) and not is_participant(token(doc, place), ActorIndex(doc))
    # "talks with Ukraine": a preposition of a plain noun keeps its participant
    doc = parse([("talks", 0, "ROOT", "NOUN", "NNS", "talk"), ("with", 0, "prep", "ADP"), ("Ukraine", 1, "pobj", "PROPN")],
                actors={"Ukraine": ("UKR", "state")})
    assert is_participant(token(doc, "Ukraine"), ActorIndex(doc))


def _dated_by(prep: str, first: tuple, second: tuple, noun: str) -> object:
    """"tanks were ordered <prep> <first> <second> <noun>" ("after Russia 's invasion", "amid the Russian
    offensive")."""
    return parse([("tanks", 1, "nsubjpass", "NOUN", "NNS", "tank"), ("ordered", 1, "ROOT", "VERB", "VBN", "order"),
                  (prep, 1, "prep", "ADP"), first, second, (noun, 2, "pobj", "NOUN")],
                 actors={w: ("RUS", "state") for w in (first[0], second[0]) if w.startswith("Russia")})


def test_the_owner_of_hostilities_that_date_the_sentence_is_no_participant():
    for prep, first, second, noun, owner in [
            ("after", ("Russia", 5, "poss", "PROPN"), ("'s", 3, "case", "PART"), "invasion", "Russia"),
            ("amid", ("the", 5, "det", "DET"), ("Russian", 5, "amod", "ADJ"), "offensive", "Russian")]:
        doc = _dated_by(prep, first, second, noun)
        assert belligerent(token(doc, owner)) and not is_participant(token(doc, owner), ActorIndex(doc))


def test_the_owner_of_hostilities_elsewhere_may_be_the_recipient():
    # "Azerbaijan's offensive used drones supplied by Israel": the side that used them received them
    doc = parse([("Azerbaijan", 2, "poss", "PROPN"), ("'s", 0, "case", "PART"),
                 ("offensive", 3, "nsubj", "NOUN"), ("used", 3, "ROOT", "VERB", "VBD", "use"),
                 ("drones", 3, "dobj", "NOUN", "NNS", "drone")], actors={"Azerbaijan": ("AZE", "state")})
    assert not belligerent(token(doc, "Azerbaijan")) and is_participant(token(doc, "Azerbaijan"), ActorIndex(doc))


def test_extract_belligerents_for_context_are_no_endpoints():
    texts = ["Some of the firms supplied engines for drones that Moscow uses in the war with Ukraine.",
             ("Poland signed a second contract for tanks on Friday. The first batch of the tanks was ordered in 2022 "
              "amid an arms buildup after Russia's invasion of Ukraine.")]
    for text in texts:
        got = {(m.supplier, m.recipient) for m in armswatch.extract(text)}
        assert ("RUS", "UKR") not in got


def _lender_then_bare_noun(via: str) -> tuple:
    """"<s1: an event whose supplier was found `via`>. The delivery slipped.": the resolver, the second sentence's
    candidate (a bare noun with no party) and the earlier mention."""
    doc = parse([("Jets", 1, "nsubjpass", "NOUN", "NNS", "jet"), ("arrived", 1, "ROOT", "VERB", "VBD", "arrive"),
                 (".", 1, "punct", "PUNCT"), ("The", 4, "det", "DET"), ("delivery", 5, "nsubj", "NOUN"),
                 ("slipped", 5, "ROOT", "VERB", "VBD", "slip"), (".", 5, "punct", "PUNCT")])
    sents = list(doc.sents)
    resolver = PassageResolver(doc, load_rules(), ActorIndex(doc), sents, [])
    lender = _mention(TRANSFER, "DNK", "UKR")
    resolver.made.provenance[id(lender)] = Provenance(via, "span", "span")
    cand = SimpleNamespace(trigger=token(doc, "delivery"), sent=sents[1], suppliers=[], recipients=[])
    return resolver, cand, lender


def test_a_guessed_endpoint_is_not_lent_further():
    for via in ("nearby", "passage"):  # a nearby actor of the lender's sentence, or of the sentences before it
        resolver, cand, lender = _lender_then_bare_noun(via)
        assert resolver.guessed(lender, "supplier") and not resolver.guessed(lender, "recipient")
        assert resolver.from_mentions(cand, "supplier", [lender], set()) is None
        ref = resolver.from_mentions(cand, "recipient", [lender], set())
        assert ref is not None and ref.id == "UKR"


def test_a_stated_endpoint_is_lent():
    for via in ("span", "anaphor", "previous-mention"):
        resolver, cand, lender = _lender_then_bare_noun(via)
        ref = resolver.from_mentions(cand, "supplier", [lender], set())
        assert ref is not None and ref.id == "DNK"


def test_the_other_side_of_a_stated_event_is_no_guess_for_the_reverse():
    # "The US bought and delivered tanks to Ukraine": purchase (recipient USA) beside delivery USA -> UKR
    sent = SimpleNamespace(start_char=40)
    cand = SimpleNamespace(sent=sent, exchange_only=False, modifiers=[])
    here, before = _mention(TRANSFER, "USA", "UKR"), _mention(TRANSFER, "POL", "USA")
    here.evidence_start, before.evidence_start = 40, 0
    assert reversed_partners(cand, "supplier", [here, before], {"USA"}) == {"UKR"}
    # "Latvia shipped and Canada sold ...": beside a stated delivery Latvia -> Canada, Latvia is no guess for the
    # recipient of a sale by Canada
    there = _mention(TRANSFER, "LVA", "CAN")
    there.evidence_start = 40
    assert reversed_partners(cand, "recipient", [there], {"CAN"}) == {"LVA"}
    assert reversed_partners(cand, "supplier", [before], {"USA"}) == set()  # another sentence's event
    # "Russia gave North Korea jets in exchange for the shells it sent": the counter-delivery is the reverse
    swap = SimpleNamespace(sent=sent, exchange_only=False, modifiers=["exchange"])
    assert reversed_partners(swap, "supplier", [here], {"USA"}) == set()


def test_extract_coordinated_purchase_and_delivery_are_not_reversed():
    texts = ["Poland purchased and then shipped the howitzers to Ukraine.",
             "Slovakia acquired and transferred old fighter jets to Ukraine in March.",
             "Canada bought the rifles and sent them to Latvia."]
    for text in texts:
        got = {(m.supplier, m.recipient) for m in armswatch.extract(text)}
        assert got and not any((r, s) in got for s, r in got)


def _give_them(prep: str, place: str) -> object:
    """"We give missiles to Hamas, so why not give them <prep> <place>?" (the pronoun resolves to no one)."""
    return parse([("We", 1, "nsubj", "PRON", "PRP"), ("give", 1, "ROOT", "VERB", "VBP", "give"),
                  ("missiles", 1, "dobj", "NOUN", "NNS", "missile"), ("to", 1, "dative", "ADP"),
                  ("Hamas", 3, "pobj", "PROPN"), (",", 1, "punct", "PUNCT"), ("so", 9, "advmod", "ADV"),
                  ("why", 9, "advmod", "ADV"), ("not", 9, "neg", "PART"), ("give", 1, "conj", "VERB", "VB", "give"),
                  ("them", 9, "dobj", "PRON", "PRP"), (prep, 9, "prep", "ADP"), (place, 11, "pobj", "PROPN")],
                 actors={"Hamas": ("org:hamas", "org"), place: ("XXX", "state")}, items={"missiles": "missiles"})


def test_a_destination_is_never_a_guessed_supplier():
    for prep, place in [("to", "Russia"), ("into", "Belarus")]:
        doc = _give_them(prep, place)
        idx = ActorIndex(doc)
        assert destination(token(doc, place)) and destination(token(doc, "Hamas"))
        excluded = {token(doc, "Hamas").i}  # the stated recipient
        assert nearby_actor(idx, doc[:], token(doc, "give"), set(), excluded, supplier=True) is None
        assert nearby_actor(idx, doc[:], token(doc, "give"), set(), excluded).id == "XXX"
    doc = parse([("deliveries", 0, "ROOT", "NOUN", "NNS", "delivery"), ("from", 0, "prep", "ADP"),
                 ("Iran", 1, "pobj", "PROPN")], actors={"Iran": ("IRN", "state")})
    assert not destination(token(doc, "Iran"))


def test_a_name_parsed_as_conjunct_of_a_verb_holds_no_position():
    # "We give missiles to Hamas, and Hashd al-Shaabi (...)": the parser hangs the last name on the verb
    for name, actor in [("Shaabi", "org:popular-mobilization-forces"), ("Houthis", "org:houthis")]:
        doc = parse([("We", 1, "nsubj", "PRON", "PRP"), ("give", 1, "ROOT", "VERB", "VBP", "give"),
                     ("missiles", 1, "dobj", "NOUN", "NNS", "missile"), ("to", 1, "dative", "ADP"),
                     ("Hamas", 3, "pobj", "PROPN"), (",", 4, "punct", "PUNCT"), ("and", 1, "cc", "CCONJ"),
                     (name, 1, "conj", "PROPN")], actors={"Hamas": ("org:hamas", "org"), name: (actor, "org")})
        idx = ActorIndex(doc)
        assert not is_participant(token(doc, name), idx)
        assert nearby_actor(idx, doc[:], token(doc, "give"), set(), {token(doc, "Hamas").i}) is None


def _denials(text: str) -> set[tuple]:
    return {(m.supplier, m.recipient) for m in armswatch.extract(text) if m.type == "DENIAL"}


def test_extract_joint_denial_of_a_claim_about_one_denier():
    texts = [("Officials in Washington said North Korea sold rockets to the Wagner group last year. However, both "
              "Russia and North Korea denied that such a deal took place."),
             ("British intelligence said Belarus had handed tanks to the Wagner group. Both Russia and Belarus have "
              "rejected the claim.")]
    for text, want in zip(texts, [("PRK", "org:wagner-group"), ("BLR", "org:wagner-group")]):
        assert _denials(text) == {want}


def test_extract_headline_denial_of_the_claim_stated_after_it():
    texts = [("Russia and Iran deny the reports\nThe US has accused Iran of shipping ballistic missiles to Russia for "
              "use in Ukraine."),
             ("Hamas and Iran reject the allegations\nIsrael has accused Iran of smuggling rockets to Hamas through "
              "tunnels.")]
    for text, want in zip(texts, [("IRN", "RUS"), ("IRN", "org:hamas")]):
        assert _denials(text) == {want}


def test_a_one_token_located_name_is_no_actor():
    for word in ("U.S.-based", "Paris-headquartered"):
        doc = parse([("a", 2, "det", "DET"), (word, 2, "amod", "ADJ"), ("dealer", 2, "ROOT", "NOUN")],
                    actors={word: ("XXX", "state")})
        idx = ActorIndex(doc)
        assert idx.spans == [] and idx.resolve(token(doc, "dealer")) is None
    # "a US-based dealer" in two tokens: the name is an actor span, the location word keeps it off the head
    doc = parse([("a", 3, "det", "DET"), ("US", 3, "npadvmod", "PROPN"), ("+-based", 3, "amod", "VERB", "VBN", "base"),
                 ("dealer", 3, "ROOT", "NOUN")], actors={"US": ("USA", "state")})
    assert len(ActorIndex(doc).spans) == 1


def test_extract_located_company_is_not_its_state():
    texts = ["A U.K.-based arms dealer sold rifles to Libya, investigators said.",
             "U.S.-based brokers arranged the sale of grenades to Sudan."]
    for text in texts:
        got = {(m.supplier, m.recipient) for m in armswatch.extract(text)}
        assert ("GBR", "LBY") not in got and ("USA", "SDN") not in got


def _listed_after(verb: str, head: tuple, prep: str) -> object:
    """"<verb> <head> <prep> China and Singapore" with the list hung on the verb, as the parser often does."""
    return parse([(verb, 0, "ROOT", "VERB", "VBD", verb), (head[0], 0, "dobj", "NOUN", head[1], head[2]),
                  (prep, 0, "prep", "ADP"), ("China", 2, "pobj", "PROPN"), ("and", 3, "cc", "CCONJ"),
                  ("Singapore", 3, "conj", "PROPN")],
                 actors={"China": ("CHN", "state"), "Singapore": ("SGP", "state")})


def test_a_list_owning_a_plural_generic_head_keeps_its_places():
    for verb, head, prep in [("identified", ("companies", "NNS", "company"), "in"),
                             ("named", ("firms", "NNS", "firm"), "from")]:
        doc = _listed_after(verb, head, prep)
        assert is_participant(token(doc, "Singapore"), ActorIndex(doc))
    doc = _listed_after("entered", ("service", "NN", "service"), "in")  # "entered service in China and Turkey"
    assert not is_participant(token(doc, "Singapore"), ActorIndex(doc))


def test_the_members_of_an_organisation_are_not_the_organisation():
    for org, noun in [("U.N.", "states"), ("NATO", "countries")]:
        doc = parse([("all", 3, "det", "DET"), (org, 3, "compound", "PROPN"), ("member", 3, "compound", "NOUN"),
                     (noun, 3, "ROOT", "NOUN", "NNS")], actors={org: ("org:x", "org")})
        assert not is_participant(token(doc, org), ActorIndex(doc))
    doc = parse([("U.N.", 1, "compound", "PROPN"), ("officials", 1, "ROOT", "NOUN", "NNS", "official")],
                actors={"U.N.": ("org:un", "org")})
    assert is_participant(token(doc, "U.N."), ActorIndex(doc))
