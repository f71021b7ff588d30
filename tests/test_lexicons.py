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
    ("Kirby", "USA"), ("Lockheed Martin", "USA"), ("the Defense Intelligence Agency", "USA"), ("DIA", "USA"),
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


@pytest.mark.parametrize("text", ["the president", "Reuters", "the Washington Post", "Persian Gulf", "", "   "])
def test_actors_unknown_is_none(actors, text):
    assert actors.resolve(text) is None


@pytest.mark.parametrize("text, proper, actor", [
    ("us", "US", "USA"), ("china", "China", "CHN"), ("turkey", "Turkey", "TUR"), ("the north", "the North", "PRK"),
    ("kim", "Kim", "PRK"), ("jordan", "Jordan", "JOR"), ("polish government", "Polish government", "POL"),
])
def test_actors_case_sensitive_aliases_resolve_in_any_case_unless_strict(actors, text, proper, actor):
    assert actors.resolve(text) == actor  # what a user types in a filter
    assert actors.resolve(text, strict=True) is None  # what the gazetteer would match in running text
    assert actors.resolve(proper, strict=True) == actor


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


def test_actors_every_alias_resolves_to_its_own_id(actors):
    wrong = [(p.text, actors.entries[p.target].id, actors.resolve(p.text)) for p in actors.phrases
             if p.target >= 0 and not p.trim and actors.resolve(p.text) != actors.entries[p.target].id]
    assert wrong == [("DJI", "CHN", "DJI")]  # the drone maker's name is also Djibouti's ISO3 id, and ids win


def test_weapons_every_alias_has_its_own_category(weapons):
    wrong = [(p.text, weapons.entries[p.target].category, weapons.category(p.text)) for p in weapons.phrases
             if p.target >= 0 and weapons.category(p.text) != weapons.entries[p.target].category]
    assert wrong == []


LEADERS = {  # officials arms news names, and the actor each stands for
    "RUS": ["Putin", "Shoigu", "Lavrov", "Peskov", "Zakharova", "Belousov", "Medvedev"],
    "PRK": ["Kim Jong Un", "Kim Yo Jong", "Kim"],
    "USA": ["Biden", "Trump", "Harris", "Kirby", "Blinken", "Austin", "Sullivan", "Rubio", "Hegseth"],
    "CHN": ["Xi Jinping", "Xi", "Wang Yi"],
    "UKR": ["Zelensky", "Zelenskyy", "Kuleba", "Sybiha", "Reznikov", "Umerov"],
    "BLR": ["Lukashenko", "Lukashenka"], "TUR": ["Erdogan"],
    "IRN": ["Raisi", "Pezeshkian", "Khamenei", "Amir-Abdollahian", "Araghchi"],
    "ISR": ["Netanyahu", "Gallant"], "DEU": ["Scholz", "Pistorius"], "FRA": ["Macron"],
    "GBR": ["Sunak", "Starmer", "Shapps"], "IND": ["Modi"], "KOR": ["Yoon", "Lee Jae-myung"], "JPN": ["Kishida"],
    "BRA": ["Lula"], "VEN": ["Maduro"], "SYR": ["Assad"], "HUN": ["Orban"], "SVK": ["Fico"], "POL": ["Duda", "Tusk"],
    "org:nato": ["Stoltenberg", "Rutte"], "org:eu": ["von der Leyen", "Borrell", "Kallas"], "org:un": ["Guterres"],
    "org:wagner-group": ["Prigozhin"], "org:hezbollah": ["Nasrallah"],
}


@pytest.mark.parametrize("actor, name", [(a, n) for a, names in LEADERS.items() for n in names])
def test_actors_leaders_map_to_their_actor_as_persons(actors, actor, name):
    assert (actors.resolve(name), actors.kind(name)) == (actor, "person")


@pytest.mark.parametrize("company, state", [
    ("Rosoboronexport", "RUS"), ("Rostec", "RUS"), ("Almaz-Antey", "RUS"), ("Kalashnikov Concern", "RUS"),
    ("Norinco", "CHN"), ("AVIC", "CHN"), ("DJI", "DJI"), ("Hyundai Rotem", "KOR"), ("Hanwha", "KOR"), ("KAI", "KOR"),
    ("Lockheed Martin", "USA"), ("Raytheon", "USA"), ("RTX", "USA"), ("Boeing", "USA"), ("General Dynamics", "USA"),
    ("Northrop Grumman", "USA"), ("Rheinmetall", "DEU"), ("KMW", "DEU"), ("Diehl", "DEU"), ("Leonardo", "ITA"),
    ("Thales", "FRA"), ("Dassault", "FRA"), ("Nexter", "FRA"), ("KNDS", "FRA"), ("MBDA", "FRA"), ("BAE Systems", "GBR"),
    ("Baykar", "TUR"), ("Aselsan", "TUR"), ("Roketsan", "TUR"), ("Elbit", "ISR"), ("Rafael", "ISR"), ("IAI", "ISR"),
    ("Saab", "SWE"), ("Nammo", "NOR"), ("PESC", "IRN"), ("Qods Aviation", "IRN"), ("HESA", "IRN"), ("Embraer", "BRA"),
    ("Poongsan", "KOR"), ("PGZ", "POL"), ("Czechoslovak Group", "CZE"),
])
def test_actors_state_companies(actors, company, state):
    assert actors.resolve(company) == state  # DJI: the ISO3 id of Djibouti wins over the drone maker's name
