"""Actor and weapon lexicons: resolution of names, metonyms, leaders and demonyms; item categories."""
from __future__ import annotations

import pytest

from armswatch.lexicons import load_actors, load_weapons

SCHEMA_ORGS = {  # schema.md: fixed org ids and their affiliations
    "org:wagner-group": "RUS", "org:hezbollah": "LBN", "org:houthis": "YEM", "org:hamas": "PSE",
    "org:popular-mobilization-forces": "IRQ", "org:rapid-support-forces": "SDN", "org:eu": None,
    "org:nato": None, "org:un": None, "org:arab-coalition": "SAU",
}


@pytest.fixture(scope="module")
def actors():
    return load_actors()


@pytest.fixture(scope="module")
def weapons():
    return load_weapons()


@pytest.mark.parametrize("text, expected", [
    ("the Kremlin", "RUS"), ("Kremlin", "RUS"), ("Moscow", "RUS"), ("Russian", "RUS"), ("Russians", "RUS"),
    ("Russia's", "RUS"), ("Russia\u2019s", "RUS"), ("Putin", "RUS"), ("Vladimir Putin", "RUS"), ("Shoigu", "RUS"),
    ("Pyongyang", "PRK"), ("the North", "PRK"), ("Kim Jong Un", "PRK"), ("Kim Jong-un", "PRK"),
    ("North Korean", "PRK"), ("North Koreans", "PRK"), ("DPRK", "PRK"), ("KCNA", "PRK"), ("PRK", "PRK"),
    ("South Korean", "KOR"), ("Seoul", "KOR"), ("Hanwha", "KOR"), ("Yonhap", "KOR"),
    ("Islamic Republic of Iran", "IRN"), ("the Islamic Republic", "IRN"), ("IRGC", "IRN"), ("Quds Force", "IRN"),
    ("Tehran", "IRN"), ("Iranians", "IRN"), ("PESC", "IRN"), ("Iranian smugglers", "IRN"),
    ("Kyiv", "UKR"), ("Kiev", "UKR"), ("Zelenskyy", "UKR"), ("Zelensky", "UKR"),
    ("the White House", "USA"), ("the Pentagon", "USA"), ("Capitol Hill", "USA"), ("Treasury", "USA"),
    ("U.S.", "USA"), ("US", "USA"), ("United States", "USA"), ("the United States", "USA"), ("Americans", "USA"),
    ("Kirby", "USA"), ("Lockheed Martin", "USA"),
    ("Downing Street", "GBR"), ("Britain's", "GBR"), ("BAE Systems", "GBR"),
    ("the Elysee", "FRA"), ("Zhongnanhai", "CHN"), ("Chinese companies", "CHN"), ("Xi Jinping", "CHN"),
    ("Xinhua", "CHN"), ("TASS", "RUS"), ("Rosoboronexport", "RUS"), ("Lukashenka", "BLR"), ("Minsk", "BLR"),
    ("Erdogan", "TUR"), ("Turkey", "TUR"), ("Türkiye", "TUR"), ("Baykar", "TUR"), ("Leonardo", "ITA"),
    ("Abu Dhabi", "ARE"), ("UAE", "ARE"), ("Emiratis", "ARE"), ("New Delhi", "IND"), ("Taipei", "TWN"),
    ("Taiwan", "TWN"), ("Palestinian", "PSE"), ("Czech Republic", "CZE"), ("Czechia", "CZE"), ("Prague", "CZE"),
    ("Hezbollah", "org:hezbollah"), ("Nasrallah", "org:hezbollah"), ("Houthis", "org:houthis"),
    ("Ansar Allah", "org:houthis"), ("Wagner", "org:wagner-group"), ("Wagner Group", "org:wagner-group"),
    ("Prigozhin", "org:wagner-group"), ("RSF", "org:rapid-support-forces"),
    ("Sudanese paramilitary forces", "org:rapid-support-forces"), ("Hashd al-Shaabi", "org:popular-mobilization-forces"),
    ("the bloc", "org:eu"), ("EU countries", "org:eu"), ("European Commission", "org:eu"), ("Brussels", "org:eu"),
    ("von der Leyen", "org:eu"), ("NATO members", "org:nato"), ("Stoltenberg", "org:nato"), ("Rutte", "org:nato"),
    ("Security Council", "org:un"), ("UN Panel of Experts", "org:un"), ("Guterres", "org:un"),
    ("Saudi-led coalition", "org:arab-coalition"), ("the Taliban", "org:taliban"),
])
def test_actors_resolve_names_metonyms_leaders_demonyms(actors, text, expected):
    assert actors.resolve(text) == expected


@pytest.mark.parametrize("text", ["us", "the president", "chad", "jordan", "turkey", "china", "the north", "kim",
                                  "Reuters", "the Washington Post", "", "   "])
def test_actors_unknown_or_ambiguous_lowercase_is_none(actors, text):
    assert actors.resolve(text) is None


@pytest.mark.parametrize("text, kind", [
    ("Iranian", "demonym"), ("Iran", "state"), ("Tehran", "capital"), ("Putin", "person"),
    ("the Kremlin", "institution"), ("Hezbollah", "org"), ("Rostec", "company"), ("KCNA", "media"),
    ("Russian officials", "institution"), ("Chinese firms", "company"), ("nobody at all", None),
])
def test_actors_kind(actors, text, kind):
    assert actors.kind(text) == kind


@pytest.mark.parametrize("org, state", sorted(SCHEMA_ORGS.items()))
def test_actors_schema_orgs_have_their_affiliation(actors, org, state):
    assert org in actors.ids()
    assert actors.affiliation(org) == state


def test_actors_affiliation_is_none_for_states_and_unknown(actors):
    assert actors.affiliation("RUS") is None
    assert actors.affiliation("org:no-such-thing") is None
    assert actors.affiliation("org:africa-corps") == "RUS"


def test_actors_names_and_ids(actors):
    assert actors.name("PRK") == "North Korea"
    assert actors.name("org:wagner-group") == "Wagner Group"
    assert actors.name("XXX") is None
    ids = actors.ids()
    assert len([i for i in ids if len(i) == 3]) >= 193  # every UN member plus Palestine, Taiwan, Kosovo, Vatican
    assert {"TWN", "PSE", "XKX"} <= set(ids)


def test_actors_loader_is_cached(actors):
    assert load_actors() is actors


@pytest.mark.parametrize("text, category", [
    ("Shahed drones", "drones"), ("Shahed-136s", "drones"), ("Geran-2", "drones"), ("loitering munitions", "drones"),
    ("155mm shells", "ammunition"), ("155-mm artillery shells", "ammunition"), ("artillery rounds", "ammunition"),
    ("cluster munitions", "ammunition"), ("more ammunition", "ammunition"),
    ("Patriot", "air-defence"), ("Patriot missiles", "air-defence"), ("S-400", "air-defence"), ("S400", "air-defence"),
    ("IRIS-T", "air-defence"), ("air defense systems", "air-defence"), ("surface-to-air missiles", "air-defence"),
    ("lethal aid", "weapons"), ("military equipment", "weapons"), ("arms", "weapons"), ("materiel", "weapons"),
    ("military assistance", "support"), ("help", "support"), ("security assistance", "support"),
    ("howitzers", "artillery"), ("Caesar howitzers", "artillery"), ("M777", "artillery"),
    ("ATACMS", "missiles"), ("HIMARS", "missiles"), ("Storm Shadow cruise missiles", "missiles"),
    ("antitank guided missiles", "missiles"), ("KN-23 ballistic missiles", "missiles"), ("Kh-101", "missiles"),
    ("Leopard 2 tanks", "armoured-vehicles"), ("armored vehicles", "armoured-vehicles"), ("APCs", "armoured-vehicles"),
    ("T-72s", "armoured-vehicles"), ("F-16s", "aircraft"), ("fighter jets", "aircraft"), ("MiG-29", "aircraft"),
    ("helicopters", "aircraft"), ("frigates", "naval"), ("warships", "naval"), ("assault rifles", "small-arms"),
    ("body armour", "small-arms"), ("Kalashnikov rifles", "small-arms"), ("servomotors", "components"),
    ("dual-use goods", "components"), ("drone engines", "components"), ("microelectronics", "components"),
])
def test_weapons_category(weapons, text, category):
    assert weapons.category(text) == category


@pytest.mark.parametrize("text", ["think tanks", "humanitarian aid", "the president", "rounds of talks",
                                  "shell companies", "financial support", "a patriot"])
def test_weapons_not_a_weapon_is_none(weapons, text):
    assert weapons.category(text) is None


def test_weapons_categories_in_order_of_appearance(weapons):
    assert weapons.categories("drones and missiles") == ["drones", "missiles"]
    assert weapons.categories("missiles, drones and more missiles") == ["missiles", "drones"]
    assert weapons.categories("Patriot batteries", with_also=True) == ["air-defence", "missiles"]
    assert weapons.categories("nothing here") == []


def test_weapons_canonical_term(weapons):
    assert weapons.term("Shahed drones") == "Shahed"
    assert weapons.term("Shahed-136s") == "Shahed-136"
    assert weapons.term("Kh-101 cruise missiles") == "Kh-101"
    assert weapons.entry("Patriot").also == ("missiles",)
