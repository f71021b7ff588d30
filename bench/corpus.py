"""A reproducible news-like corpus for the throughput benchmark: templates and vocabulary, a fixed seed.

Mixed like a wire feed: about one article in five is about arms supply, sanctions or military aid; the rest are
politics, economy, sport and weather. Each article is a headline and paragraphs of 1-3 sentences, 400-900 words.
Even the arms stories are mostly background (fighting, diplomacy, quotes), as in real coverage.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

STATES = ["Russia", "Iran", "North Korea", "China", "the United States", "Germany", "France", "Britain", "Poland",
          "Ukraine", "Israel", "Turkey", "India", "Pakistan", "Japan", "South Korea", "Italy", "Spain", "Canada",
          "Brazil", "Egypt", "Saudi Arabia", "the United Arab Emirates", "Belarus", "Sweden", "Norway", "Greece",
          "Australia", "Mexico", "Nigeria", "Kenya", "Indonesia", "Vietnam", "the Netherlands", "Denmark"]
CAPITALS = ["Moscow", "Tehran", "Pyongyang", "Beijing", "Washington", "Berlin", "Paris", "London", "Warsaw", "Kyiv",
            "Ankara", "New Delhi", "Tokyo", "Seoul", "Rome", "Madrid", "Ottawa", "Cairo", "Riyadh", "Minsk"]
CITIES = ["Lyon", "Manchester", "Osaka", "Hamburg", "Chicago", "Marseille", "Leeds", "Porto", "Gdansk", "Kharkiv",
          "Milan", "Seville", "Toronto", "Melbourne", "Lagos", "Nairobi", "Mumbai", "Busan", "Denver", "Naples"]
PEOPLE = ["Anna Keller", "David Moreau", "Li Wen", "Maria Santos", "Tomasz Nowak", "Ahmed Farouk", "Sarah Lindqvist",
          "James Whitfield", "Elena Petrova", "Kenji Sato", "Olga Marchenko", "Peter Hansen", "Fatima Diallo",
          "Carlos Medina", "Hannah Brooks", "Rahul Mehta", "Ingrid Solberg", "Marco Bellini", "Yusuf Demir"]
ROLES = {  # who gets quoted depends on the beat
    "arms": ["defence minister", "foreign minister", "spokesman", "spokeswoman", "senior official", "analyst"],
    "politics": ["prime minister", "opposition leader", "spokeswoman", "interior minister", "party leader"],
    "economy": ["finance minister", "central bank governor", "trade minister", "chief economist", "analyst"],
    "sport": ["coach", "captain", "club president", "team manager"],
    "weather": ["forecaster", "meteorologist", "emergency services spokesman"],
}
WEAPONS = ["artillery shells", "Shahed drones", "ballistic missiles", "air defence systems", "Patriot batteries",
           "Leopard tanks", "F-16 fighter jets", "armoured vehicles", "ammunition", "rifles", "howitzers",
           "cruise missiles", "attack drones", "anti-tank weapons", "rocket launchers", "155mm shells",
           "helicopters", "patrol boats", "drone components", "mortar rounds"]
TEAMS = ["United", "City", "Rovers", "Athletic", "Wanderers", "Dynamo", "Rangers", "Olympic", "Sporting", "Albion",
         "Real", "Inter", "Lions", "Tigers", "Eagles", "Sharks", "Falcons", "Bears", "Hawks", "Wolves"]
SPORTS = ["league", "cup", "championship", "tournament", "series", "final", "derby", "season opener"]
COMPANIES = ["Norvex", "Altamira Holdings", "Keystone Foods", "Brightline Energy", "Orion Motors", "Caldera Steel",
             "Meridian Bank", "Polaris Telecom", "Harbor Logistics", "Summit Pharma", "Vantage Retail"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEATHER = ["heavy rain", "snow", "strong winds", "a heatwave", "thunderstorms", "dense fog", "freezing temperatures",
           "hail", "a cold snap", "drought"]
REGIONS = ["the north", "coastal areas", "the southern valleys", "the capital region", "mountain districts",
           "the east coast", "inland areas", "the western plains", "the islands", "the river basin"]

ARMS_CORE = [
    "{state} has supplied {weapon} to {state2}, according to {role} {person}.",
    "{state} delivered a new batch of {weapon} to {state2} last {month}, officials in {capital} said.",
    "Officials in {capital} said {state} was preparing to send more {weapon} to {state2} before the winter.",
    "{state2} has received {weapon} from {state} in recent weeks, a report by a research group found.",
    "{state} promised to provide {state2} with {number} {weapon} by the end of the year.",
    "{person}, the {role} of {state}, denied that his country had sold {weapon} to {state2}.",
    "The {union} imposed new sanctions on {state} over its deliveries of {weapon} to {state2}.",
    "{state2} asked {state} for more {weapon} and long-range munitions during talks in {capital}.",
    "{state} is considering a request from {state2} for {weapon}, {role} {person} told reporters.",
    "{state} signed a contract with {state2} for the purchase of {number} {weapon}.",
    "According to the report, {state2} has become dependent on {state} for {weapon}.",
    "{state} announced a new military aid package for {state2} that includes {weapon} and spare parts.",
    "The shipment of {weapon} from {state} arrived in {state2} on {day}, the ministry said.",
    "{state} halted its exports of {weapon} to {state2} after the latest escalation.",
    "Washington has accused {state} of smuggling {weapon} to {state2} through third countries.",
    "{state} refused to transfer {weapon} to {state2}, citing the risk of escalation.",
]
ARMS_BACKGROUND = [
    "Fighting continued along the front line near {city}, where both sides reported heavy losses.",
    "The war has displaced millions of people and destroyed much of the infrastructure in the east.",
    "{person}, a {role}, said the situation on the ground remained extremely difficult.",
    "Satellite images published on {day} showed damage to several buildings on the outskirts of {city}.",
    "Diplomats in {capital} said talks on a ceasefire had made little progress over the past month.",
    "The ministry did not respond to a request for comment on {day}.",
    "Independent analysts said it was too early to judge the effect on the battlefield.",
    "Residents of {city} spent the night in shelters as air raid sirens sounded for several hours.",
    "The parliament in {capital} is expected to debate the issue again in {month}.",
    "Prices for fuel and food have risen sharply in the region since the start of the conflict.",
    "Thousands of people gathered in {city} on {day} to mark the anniversary of the invasion.",
    "The United Nations has repeatedly called for the protection of civilians and for humanitarian access.",
    "Officials declined to give details, citing security concerns and the ongoing investigation.",
    "{person} said in an interview that the government would continue to follow the situation closely.",
    "The report, based on interviews with dozens of officials and experts, runs to more than 80 pages.",
]
POLITICS = [
    "{person}, the {role}, said on {day} that the government would present its budget plan in {month}.",
    "The ruling coalition in {capital} lost its majority after two smaller parties left the alliance.",
    "Opposition lawmakers accused the government of delaying reforms to the pension system.",
    "Voters in {city} will go to the polls in {month} to elect a new mayor and city council.",
    "The prime minister met union leaders in {capital} to discuss the planned changes to labour law.",
    "A new poll published on {day} showed support for the governing party falling to {pct} percent.",
    "{person} told reporters that the talks had been constructive but that differences remained.",
    "The president of {state} will visit {capital} next week for a summit on climate and trade.",
    "Parliament approved a bill on {day} that will give local authorities more control over housing.",
    "Critics said the proposal would do little to address the shortage of teachers and nurses.",
    "The election commission said turnout had reached {pct} percent by early afternoon.",
    "Leaders of {state} and {state2} agreed to deepen cooperation on energy and migration.",
    "The minister resigned on {day} after a report criticised the handling of public contracts.",
    "Thousands of people marched through {city} to protest against the rising cost of living.",
    "The court in {capital} is expected to rule on the case before the end of {month}.",
    "{person} said the party would take measures to restore confidence after the scandal.",
    "The government plans to send a delegation to {capital} for talks on a new trade agreement.",
    "Local officials in {city} said the new rules would come into force on the first of {month}.",
]
ECONOMY = [
    "Shares of {company} rose {pct} percent on {day} after the company reported higher quarterly profits.",
    "The central bank of {state} kept interest rates unchanged, citing persistent inflation.",
    "Inflation in {state} slowed to {pct} percent in {month}, official figures showed on {day}.",
    "{company} said it would cut {number} jobs as part of a plan to reduce costs by next year.",
    "Exports from {state} to {state2} grew strongly in the first half of the year, driven by cars and machinery.",
    "The {role} {person} said the economy was likely to grow by about {pct} percent this year.",
    "Oil prices fell on {day} as traders worried about weaker demand from {state}.",
    "{company} agreed to buy a smaller rival for {number} million dollars, the companies said in a statement.",
    "Retail sales in {city} were boosted by warm weather and strong demand for summer clothing.",
    "Analysts expect the housing market to cool as higher mortgage rates weigh on buyers.",
    "The government of {state} announced a package of measures to support small businesses.",
    "Unemployment in {state} fell to its lowest level in a decade, the statistics office said.",
    "{company} shipped a record number of vehicles in {month}, helped by demand in {state}.",
    "Investors are waiting for the latest figures on consumer spending, due on {day}.",
    "The deal between {company} and {company2} still needs the approval of competition authorities.",
    "Wages rose faster than prices for the first time in two years, easing pressure on households.",
    "Electricity prices in {state} have fallen since the start of the year as gas supplies recovered.",
    "The trade minister of {state} said talks with {state2} on tariffs would continue in {month}.",
]
SPORT = [
    "{team} beat {team2} {score} on {day} to move to the top of the {sport} table.",
    "The coach said his players had shown great character after a difficult first half.",
    "{person} scored twice in the second half as {team} came from behind to win in {city}.",
    "{team2} will face {team} in the {sport} final in {city} next month.",
    "The club confirmed on {day} that its captain would miss the rest of the season with a knee injury.",
    "A crowd of more than {number} people watched the match at the stadium in {city}.",
    "{team} have now won five games in a row and are unbeaten since the start of {month}.",
    "The referee sent off two players in a tense second half that ended in a {score} draw.",
    "{person} said the team would rest several players before the {sport} game on {day}.",
    "The national team of {state} qualified for the tournament with a win over {state2}.",
    "Tickets for the final sold out within hours, the organisers said on {day}.",
    "{team} signed a young striker from {team2} on a four-year contract.",
    "The marathon in {city} attracted a record field of runners despite {weather}.",
    "Fans celebrated in the streets of {city} long after the final whistle.",
]
WEATHER_T = [
    "Forecasters warned of {weather} across {region} on {day}, with conditions expected to worsen overnight.",
    "The national weather service issued an alert for {region} as {weather} moved in from the sea.",
    "Temperatures in {city} are expected to reach {temp} degrees by the weekend.",
    "Several roads near {city} were closed after {weather} caused flooding and fallen trees.",
    "Farmers in {region} said the {weather} had damaged crops just weeks before the harvest.",
    "Residents were advised to stay indoors and avoid unnecessary travel until {day}.",
    "Airports in {city} reported delays and cancellations as {weather} disrupted flights.",
    "Meteorologists said the unusual conditions were linked to a high-pressure system over {region}.",
    "The last time {city} saw similar weather was in {month} more than a decade ago.",
    "Emergency services said they had received hundreds of calls since the early morning.",
    "Schools in {region} will remain closed on {day} because of the conditions.",
    "The forecast for next week shows milder temperatures and some sunshine in {region}.",
]
HEADLINES = {
    "arms": ["{state} sends {weapon} to {state2}, officials say", "New sanctions target {state} over arms deliveries",
             "{state2} seeks more {weapon} from allies"],
    "politics": ["Coalition in {capital} faces crisis", "{person} promises reforms after vote", "Parliament passes housing bill"],
    "economy": ["{company} profits beat forecasts", "Inflation in {state} slows", "Central bank holds rates"],
    "sport": ["{team} beat {team2} to go top", "{person} double seals win", "Injury blow for {team}"],
    "weather": ["{weather} expected across {region}", "Alert issued for {region}", "Flights disrupted in {city}"],
}
MIN_WORDS, MAX_WORDS = 400, 900
TOPICS = {"politics": POLITICS, "economy": ECONOMY, "sport": SPORT, "weather": WEATHER_T}


@dataclass
class Item:
    id: str
    topic: str
    published: str
    text: str
    statements: list[tuple[int, int]]  # character spans of the sentences that state an arms event (ARMS_CORE)

    @property
    def words(self) -> int:
        return len(self.text.split())


def _fill(template: str, rnd: random.Random, topic: str) -> str:
    states = rnd.sample(STATES, 2)
    teams = rnd.sample(TEAMS, 2)
    companies = rnd.sample(COMPANIES, 2)
    return template.format(
        state=states[0], state2=states[1], capital=rnd.choice(CAPITALS), city=rnd.choice(CITIES),
        person=rnd.choice(PEOPLE), role=rnd.choice(ROLES[topic]), weapon=rnd.choice(WEAPONS), month=rnd.choice(MONTHS),
        day=rnd.choice(DAYS), number=rnd.choice(["12", "40", "150", "2,000", "30,000", "300"]),
        pct=rnd.choice(["1.5", "2.8", "4", "11", "37", "52"]), union=rnd.choice(["European Union", "United States"]),
        team=teams[0], team2=teams[1], score=rnd.choice(["2-1", "3-0", "1-1", "4-2"]), sport=rnd.choice(SPORTS),
        company=companies[0], company2=companies[1], weather=rnd.choice(WEATHER), region=rnd.choice(REGIONS),
        temp=rnd.choice(["-12", "3", "28", "35", "41"]),
    )


def article(n: int, rnd: random.Random) -> Item:
    """Article `n`: one in five about arms supply (a quarter of its sentences state it), the rest general news."""
    topic = "arms" if rnd.random() < 0.2 else rnd.choice(list(TOPICS))
    target = rnd.randint(MIN_WORDS, MAX_WORDS)
    headline = _fill(rnd.choice(HEADLINES[topic]), rnd, topic)
    text, words, statements = headline, len(headline.split()), []
    decks: dict[int, list[str]] = {}

    def draw(pool: list[str]) -> str:
        """Templates without repeats until the pool is used up, as a reporter does not repeat a sentence."""
        deck = decks.setdefault(id(pool), [])
        if not deck:
            deck.extend(rnd.sample(pool, len(pool)))
        return deck.pop()

    while words < target:
        sep = "\n\n"
        for _ in range(rnd.randint(1, 3)):  # a paragraph of 1-3 sentences
            core = topic == "arms" and rnd.random() < 0.25
            pool = (ARMS_CORE if core else ARMS_BACKGROUND) if topic == "arms" else TOPICS[topic]
            sentence = _fill(draw(pool), rnd, topic)
            if words + len(sentence.split()) > MAX_WORDS:
                target = 0
                break
            text += sep
            if core:
                statements.append((len(text), len(text) + len(sentence)))
            text += sentence[0].upper() + sentence[1:]
            words += len(sentence.split())
            sep = " "
    published = f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
    return Item(id=f"bench-{n:05d}", topic=topic, published=published, text=text, statements=statements)


def generate(n: int, seed: int = 20251) -> list[Item]:
    """`n` articles, the same for the same seed."""
    rnd = random.Random(seed)
    return [article(i, rnd) for i in range(n)]
