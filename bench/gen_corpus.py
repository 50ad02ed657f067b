"""A synthetic corpus of the product's genre, deterministic from a seed number, for scale tests.

Four styles, mixed:

- **weekly programme** ("THE PRESIDENT'S WEEK …"): a preamble, then inline headers "Title, D Month YYYY" (meetings,
  talks, conferences, a state visit "D Month - D Month YYYY" with sub-events) running into unlabelled speech of the
  host, with vocatives ("Dear Ivan Petrovich", "Mr Halas") and meetings told in passing;
- **press-service report** ("City, D Month YYYY. Press service of the President …"): "On 14 May, NAME received …",
  "The President held talks with …", quotes;
- **Kremlin-style transcript**: a title line, a date line (`5 March 2024` or `March 5, 2024`), a place line, an
  introduction, then "Name: speech" and "Title Name: speech" lines;
- **wire items**: "CITY, D Month YYYY — Demonym Title Name met …", several per document.

People, organisations, cities and projects are invented by combining name parts; countries come from
`graph/data/countries.csv` (with demonyms), equipment from `graph/data/equipment.csv`. Who appears follows a Zipf-like
law over a large pool, so the number of distinct actors grows sub-linearly with the corpus, as in real news.

Document *i* depends only on (seed, i) and its word budget, so a smaller corpus is a prefix of a larger one (except
for its last, shortened document). Words are counted as `kg build` counts them: `len(text.split())`.

    python bench/gen_corpus.py --words 100000 --seed 1 --out /tmp/corpus-100k   # writes NAME.txt files
    python bench/gen_corpus.py --words 3000 --print                             # prints the texts
"""

from __future__ import annotations

import argparse
import bisect
import csv
import datetime as dt
import json
import random
import sys
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "graph" / "data"

# --------------------------------------------------------------------------------------------------- name parts

CULTURES: dict[str, dict[str, list[str]]] = {
    "slavic": {
        "given": ["Ivan", "Sergei", "Pavel", "Viktor", "Nikolai", "Dmitry", "Andrei", "Yuri", "Oleg", "Roman", "Boris",
                  "Anatoly", "Gennady", "Vadim", "Stanislav", "Mikhail", "Aleksei", "Vasily", "Leonid", "Igor",
                  "Anna", "Olga", "Natalia", "Irina", "Yelena", "Tatiana", "Svetlana", "Marina", "Galina", "Ludmila"],
        "surname": ["Petrov", "Kuzmich", "Volkov", "Lappo", "Sidorenko", "Karpenko", "Zhuk", "Moroz", "Levchenko",
                    "Orlov", "Belov", "Grishin", "Kovalenko", "Savchuk", "Tkach", "Rudenko", "Lazarev", "Sokolov",
                    "Pashkevich", "Shevtsov", "Dubrovsky", "Kalinin", "Yermak", "Bondar", "Melnik", "Golovchenko",
                    "Voronin", "Zaitsev", "Gromov", "Tarasov", "Krivosheev", "Snopkov", "Rovnev", "Parkhomenko"],
        "patronymic": ["Ivanovich", "Sergeyevich", "Pavlovich", "Viktorovich", "Nikolayevich", "Dmitrievich",
                       "Andreyevich", "Yurievich", "Olegovich", "Borisovich", "Mikhailovich", "Leonidovich",
                       "Grigoryevich", "Vasilyevich", "Petrovna", "Ivanovna", "Sergeyevna", "Nikolayevna"],
    },
    "central_asian": {
        "given": ["Serik", "Nurlan", "Daniyar", "Yerlan", "Askar", "Bakhyt", "Timur", "Rustam", "Farhod", "Sardor",
                  "Aibek", "Marat", "Dilshod", "Azamat", "Kanat", "Aigerim", "Dinara", "Gulnara", "Madina", "Saule"],
        "surname": ["Abenov", "Kassenov", "Seitkali", "Nurmagambetov", "Tokhtarov", "Yusupov", "Karimov",
                    "Rakhimov", "Ismailov", "Zhaksybekov", "Mukanov", "Saparov", "Umarov", "Aliyev", "Ergashev",
                    "Bekmuratov", "Kuanyshev", "Sultanov", "Akhmetov", "Dosmukhamedov"],
        "patronymic": ["Maratovich", "Kemelevich", "Miromonovich", "Serikovich", "Nurlanovich", "Askarovich",
                       "Bakhytovna", "Timurovna"],
    },
    "chinese": {
        "family": ["Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Ma",
                   "Zhu", "Hu", "Guo", "He", "Lin", "Luo", "Gao", "Zheng", "Liang", "Xie", "Song", "Tang", "Han"],
        "given": ["Wen", "Wei", "Hexin", "Lei", "Qiang", "Jun", "Yong", "Jie", "Tao", "Ming", "Hua", "Ping",
                  "Jianguo", "Xiaoming", "Zhiwei", "Haiyan", "Guoqing", "Lijun", "Dongsheng", "Yufei", "Keqing"],
    },
    "germanic": {
        "given": ["Thomas", "Maria", "Karl", "Stefan", "Klaus", "Jonas", "Lukas", "Anja", "Katrin", "Ewa", "Lena",
                  "Jan", "Marek", "Karel", "Hana", "Olaf", "Henrik", "Sven", "Ingrid", "Frieda", "Matthias", "Petra"],
        "surname": ["Keller", "Ahrens", "Brandt", "Lind", "Kowal", "Halas", "Novak", "Vesely", "Schneider", "Hoffmann",
                    "Richter", "Wagner", "Berger", "Lindqvist", "Nyberg", "Dvorak", "Horak", "Maier", "Krause",
                    "Vogel", "Hartmann", "Engel", "Franke", "Lorenz", "Winkler", "Sommer", "Kraus", "Hubner"],
    },
    "latin": {
        "given": ["Carlos", "Luis", "Miguel", "Ana", "Lucia", "Jorge", "Pablo", "Rafael", "Marco", "Giulia",
                  "Paolo", "Beatriz", "Fernando", "Joao", "Ricardo", "Sofia", "Elena", "Diego", "Mateo", "Camila"],
        "surname": ["Ferreira", "Alvarez", "Moreno", "Castillo", "Romano", "Esposito", "Oliveira", "Santos",
                    "Mendes", "Navarro", "Ortega", "Rossi", "Bianchi", "Vargas", "Rojas", "Silva", "Costa", "Herrera",
                    "Medina", "Aguilar", "Cabral", "Pereira"],
    },
    "arabic": {
        "given": ["Ahmed", "Mohammed", "Khalid", "Omar", "Yousef", "Hassan", "Tariq", "Faisal", "Karim", "Samir",
                  "Layla", "Fatima", "Nadia", "Rania", "Abdullah", "Walid", "Mustafa", "Ibrahim", "Salem", "Hamad"],
        "surname": ["Al-Mansouri", "Haddad", "Nasser", "Khalil", "Saleh", "Al-Hashimi", "Mahmoud", "Aziz", "Farouk",
                    "Rahman", "El-Sayed", "Bakr", "Qasim", "Al-Amiri", "Suleiman", "Darwish", "Hamdan", "Youssef"],
    },
    "african": {
        "given": ["Kwame", "Amara", "Chidi", "Kofi", "Thabo", "Sipho", "Nia", "Zola", "Tendai", "Adebayo", "Ngozi",
                  "Jomo", "Abebe", "Fatou", "Moussa", "Ama", "Kagiso", "Lerato", "Emeka", "Tunde"],
        "surname": ["Mensah", "Okafor", "Diallo", "Nkosi", "Mbeki", "Kamara", "Traore", "Asante", "Banda", "Mutua",
                    "Okonkwo", "Ndlovu", "Tshabalala", "Keita", "Ouattara", "Boateng", "Adeyemi", "Kenyatta"],
    },
    "south_asian": {
        "given": ["Rahul", "Arjun", "Priya", "Anil", "Sanjay", "Vikram", "Deepa", "Ravi", "Sunil", "Kavita",
                  "Imran", "Farhan", "Ayesha", "Nasir", "Rohan", "Meera", "Ashok", "Nitin"],
        "surname": ["Sharma", "Patel", "Singh", "Reddy", "Iyer", "Nair", "Gupta", "Mehta", "Chaudhry", "Rao",
                    "Qureshi", "Malik", "Bose", "Kapoor", "Joshi", "Verma", "Desai", "Pillai"],
    },
    "east_asian": {
        "given": ["Hiroshi", "Takeshi", "Yuki", "Kenji", "Akira", "Haruto", "Min-jun", "Seo-yeon", "Ji-ho", "Tuan",
                  "Minh", "Lan", "Somchai", "Anan", "Nguyen Van", "Park Ji", "Daisuke", "Sakura"],
        "surname": ["Tanaka", "Suzuki", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi", "Kim", "Park", "Choi",
                    "Jeong", "Nguyen", "Tran", "Pham", "Srisuk", "Chaiyaporn", "Matsuda", "Hayashi", "Ishikawa"],
    },
}
CULTURE_OF_COUNTRY = {
    "Belarus": "slavic", "Russia": "slavic", "Ukraine": "slavic", "Serbia": "slavic", "Bulgaria": "slavic",
    "Kazakhstan": "central_asian", "Uzbekistan": "central_asian", "Kyrgyzstan": "central_asian",
    "Tajikistan": "central_asian", "Turkmenistan": "central_asian", "Azerbaijan": "central_asian",
    "China": "chinese", "Germany": "germanic", "Austria": "germanic", "Czech Republic": "germanic",
    "Poland": "germanic", "Sweden": "germanic", "Norway": "germanic", "Denmark": "germanic", "Netherlands": "germanic",
    "Brazil": "latin", "Argentina": "latin", "Italy": "latin", "Spain": "latin", "Portugal": "latin",
    "Mexico": "latin", "Cuba": "latin", "Venezuela": "latin", "Chile": "latin", "Egypt": "arabic",
    "United Arab Emirates": "arabic", "Saudi Arabia": "arabic", "Oman": "arabic", "Qatar": "arabic",
    "Algeria": "arabic", "Syria": "arabic", "Iraq": "arabic", "Nigeria": "african", "Kenya": "african",
    "South Africa": "african", "Ghana": "african", "Ethiopia": "african", "Zimbabwe": "african",
    "India": "south_asian", "Pakistan": "south_asian", "Bangladesh": "south_asian", "Japan": "east_asian",
    "South Korea": "east_asian", "Vietnam": "east_asian", "Thailand": "east_asian",
}
FEMALE = {"Anna", "Olga", "Natalia", "Irina", "Yelena", "Tatiana", "Svetlana", "Marina", "Galina", "Ludmila",
          "Aigerim", "Dinara", "Gulnara", "Madina", "Saule", "Maria", "Anja", "Katrin", "Ewa", "Lena", "Hana",
          "Ingrid", "Frieda", "Petra", "Ana", "Lucia", "Giulia", "Beatriz", "Sofia", "Elena", "Camila", "Layla",
          "Fatima", "Nadia", "Rania", "Amara", "Nia", "Zola", "Ngozi", "Fatou", "Ama", "Lerato", "Priya", "Deepa",
          "Kavita", "Ayesha", "Meera", "Yuki", "Seo-yeon", "Lan", "Sakura", "Haiyan", "Lijun", "Yufei"}
HOME_COUNTRIES = ["Belarus", "Kazakhstan", "Uzbekistan", "Brazil", "Egypt", "Indonesia", "Kenya", "Vietnam",
                  "Argentina", "Serbia", "Mongolia", "South Africa", "Azerbaijan", "Kyrgyzstan", "Nigeria"]
SYLLABLES = ["vel", "kor", "ost", "mar", "tal", "bren", "zar", "lun", "kam", "dor", "ves", "mir", "sal", "tor",
             "gra", "nov", "lin", "har", "bel", "rov", "sten", "ald", "var", "kel", "zen", "pol", "tir", "mon"]
CITY_ENDINGS = ["grad", "burg", "sk", "ovo", "ane", "stad", "port", "abad", "a", "ino", "heim", "au", "itsa", "ovsk"]
COMPANY_PREFIXES = ["Northern", "Eastern", "Baltic", "Steppe", "Silk Road", "Amber", "Polar", "Aurora", "Nordwerk",
                    "Volga", "Danube", "Caspian", "Trans-Eurasian", "Pacific", "Golden Horde", "Carpathian", "Atlas",
                    "Meridian", "Zenith", "Orion", "Granit", "Sever", "Vostok", "Altai", "Tien Shan", "Sahara",
                    "Great Lakes", "Andes", "Adriatic", "Ural", "Siberian", "Black Sea", "Crescent", "Cedar"]
SECTORS = ["Energy", "Copper", "Metals", "Turbine", "Semiconductor", "Rail", "Logistics", "Heavy Machinery",
           "Chemical", "Pharmaceutical", "Grain", "Shipbuilding", "Aviation", "Nuclear", "Oil and Gas", "Potash",
           "Automotive", "Steel", "Mining", "Agro", "Tractor", "Cable", "Textile", "Timber", "Fertiliser",
           "Construction", "Telecom", "Space", "Instruments", "Optics"]
COMPANY_SUFFIXES = ["Group", "Corporation", "Group Corporation", "Holdings", "Works", "Systems", "Company",
                    "Industries", "Holding", "Plant", "Enterprises", "Technologies"]
AGENCIES = ["National Atomic Agency", "State Committee for Science and Technology", "State Border Committee",
            "National Bank", "State Security Committee", "Investment Agency", "Export Credit Agency",
            "State Military-Industrial Committee", "Academy of Sciences", "Chamber of Commerce and Industry",
            "Development Bank", "State Customs Committee", "Space Agency", "Railway Administration"]
HEAD_TITLES = ["President", "Prime Minister", "Vice President", "Deputy Prime Minister", "Foreign Minister"]
COMPANY_TITLES = ["Chairman", "Chairman of the Board", "Chief Executive", "General Director", "Vice President",
                  "Managing Director", "Chairwoman of the Board"]
PORTFOLIOS = ["Foreign Affairs", "Defence", "Energy", "Agriculture", "Finance", "Economy", "Industry", "Health",
              "Education", "Transport and Communications", "Natural Resources", "Emergency Situations",
              "Foreign Trade", "Sport and Tourism", "Science and Technology", "Construction", "Justice", "Labour"]
TOPICS = ["energy security", "grain supplies", "the financing of military purchases", "trade and investment",
          "the harvest campaign", "the modernisation of the heating networks", "customs procedures",
          "digital transformation of public services", "housing construction", "the export of machinery",
          "the price of gas", "transit of goods", "the development of the regions", "the re-equipment of the army",
          "cooperation in education", "the situation on the border", "the results of the year",
          "the import substitution programme", "pharmaceutical production", "the forthcoming summit",
          "industrial cooperation", "the supply of fertilisers", "nuclear energy", "the space programme"]
MONUMENTS = ["the Unknown Soldier", "the Heroes of the Revolution", "the Defenders of the Fatherland",
             "the Victims of the War", "the People's Heroes", "the Founders of the State"]
EVENT_NOUNS = ["meeting", "talks", "conversation"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "ten", "twelve", "fifteen", "twenty",
                "thirty", "forty", "fifty", "a hundred"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"]
PROJECT_FORMS = ["{name} Industrial Park", "{city} nuclear power plant", "{region} mining and processing plant",
                 "roadmap for industrial cooperation until {year}", "{name}-{name2} gas pipeline",
                 "{name} Bay offshore wind farm", "{city} logistics hub", "{name} Technology Park",
                 "{city} combined heat and power plant", "{name} free economic zone", "{city} container terminal",
                 "{name} railway", "{city} copper smelter", "{name} special economic zone"]

# --------------------------------------------------------------------------------------------------- sentences
# Slots: {country} {country2} {demonym} {city} {region} {project} {project2} {equip} {equip_class} {company} {agency}
# {sector} {topic} {num} {pct} {year} {month} {month_year} {weekday} {monument}; each filled once per sentence.

HOST_SPEECH = [
    "Today we will discuss {topic}.", "I would like to stress that the {project} is our common priority.",
    "Our trade grew by {pct} percent last year, but it is still modest for two countries of our size.",
    "The contract for the first {num} {equip} has been signed, and the first deliveries must arrive before the winter.",
    "I want the Ministry of {portfolio} to tell me honestly whether the work will be finished on time.",
    "We have brought the {project}, and we are ready to sign it today.",
    "When we met in {city} in {month_year}, we agreed to bring our trade to {num} billion dollars.",
    "I also remember our conversation in {city} last {month}, when you suggested a joint {sector} venture.",
    "Our government has prepared the documents, and I propose that our prime ministers sign them before the end of "
    "the year.",
    "The {equip} units supplied last year have proved themselves in service.",
    "If the money is not enough, come to me, but do not wait until the problems become serious.",
    "We are ready to supply {equip} to {country} on the same terms as to our closest partners.",
    "{company} has offered to double the number of container trains between our countries.",
    "We support it.", "This pace does not suit me.", "You will report to me personally at the end of every month.",
    "I hope that this year the government will give us good news in this regard.",
    "The {project} must be launched next spring, as we agreed.",
    "We need your experience with {sector} as well.", "People must feel the results, not read about them in reports.",
    "The {agency} will present the schedule in the summer.",
    "{demonym} companies are ready to work in our regions, and we will give them land on the same terms as our own.",
    "Despite the sanctions we are still able to produce enough {equip_class} units for our own needs.",
    "Thank you for the warm welcome in {city}.", "Let us not waste time on ceremonies.",
    "We value the friendship between our peoples, which has passed many tests.",
    "Last month {num} {sector} enterprises signed contracts worth {num} million dollars.",
    "Colleagues, I expect a clear schedule: who answers for each stage and when it will be finished.",
    "The situation in the world is not simple, and we must rely on ourselves and on our true friends.",
    "I ask the government to support the cooperation with {company}.",
    "The first {equip} must be in service before the end of {year}.",
    "We discussed the {project} with President of {country} {person} in {city} in {month_year}.",
    "We are also mastering new areas that are in demand today.", "Everything must be finished by {month}.",
    "Our scientists at the {agency} have done a great deal of work.",
    "The customs services on both sides must work around the clock.",
    "A train is only as fast as the slowest border crossing.", "Nobody will do this work for us.",
    "I know that {city} is waiting for the new hospital, and it will get it.",
    "The harvest has started in the south, and the farmers need fuel at a fair price.",
    "{country} is our reliable partner, and {demonym} investors know that.",
    "We will not give up the {project}, whatever happens.",
    "The first stage of the {project} is almost complete.",
]
GUEST_SPEECH = [
    "Thank you, Mr President, for the invitation and for the warm welcome.",
    "Our company has been working in {country} for {num} years.",
    "We assemble {equip} units in {city} and could service them here as well.",
    "We ask both governments to keep the customs procedures simple and predictable.",
    "Our plant is ready to supply components for the {project}.",
    "This morning we signed a memorandum with {company} to that effect.",
    "The site has been chosen, and the {agency} will present the schedule soon.",
    "We are interested in your experience with the {equip}.",
    "Our previous meeting, in {city} in {month_year}, gave a good start to many things.",
    "{country} is grateful for the help provided in difficult times.",
    "We are ready to open a service centre for {equip} in {city}.",
    "I am continuing the course of my predecessors.", "We fully support the proposal.",
    "Our ministers have prepared a good package of documents.",
    "Trade between our countries grew by {pct} percent in the first half of the year.",
]
NARRATIVE = [
    "The sides discussed supplies of {equip} to {country} and the {project}.",
    "Particular attention was paid to the {project}.",
    "The head of state was briefed on {topic}.",
    "The talks focused on the {project} and on deliveries of {equip}.",
    "The two leaders last met in {city} in {month_year}.",
    "The guest was accompanied by representatives of {company}.",
    "The company plans to invest {num} million dollars in the {project}.",
    "The President instructed the government to submit the first contracts under the {project}.",
    "The leaders also discussed {topic} and the situation in the region.",
    "A number of documents were signed following the talks, including an agreement on {topic}.",
    "The {agency} reported on the progress of the {project}.",
    "The governor also reported on {topic} in the region.",
    "The meeting was attended by the heads of {company} and {company2}.",
    "According to the press service, the sides agreed to meet again in {city} in {month}.",
    "The {demonym} side expressed interest in the {equip}.",
    "Officials said the project could create {num} thousand jobs.",
]

# --------------------------------------------------------------------------------------------------- the world


@dataclass(frozen=True)
class Country:
    name: str
    demonym: str
    culture: str
    cities: tuple[str, ...]


@dataclass(frozen=True)
class Person:
    given: str
    surname: str
    patronymic: str
    country: Country
    title: str  # "Minister of Energy", "Governor of the Vel Region", "Chairman of the Board"
    org: str  # a company or agency for company and agency posts, else ""
    chinese: bool = False

    @property
    def name(self) -> str:
        if self.chinese:
            return f"{self.surname} {self.given}"
        return f"{self.given} {self.surname}"

    @property
    def formal(self) -> str:
        """How the host addresses him or her."""
        if self.patronymic:
            return f"{self.given} {self.patronymic}"
        return f"Ms {self.surname}" if self.given in FEMALE else f"Mr {self.surname}"


def _read_csv(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=None)
def _gazetteers() -> tuple[list[tuple[str, str]], list[tuple[str, str]], dict[str, list[str]]]:
    countries = [(r["name"], r["demonyms"].split("|")[0]) for r in _read_csv("countries.csv")
                 if r["demonyms"] and r.get("historical", "0") in ("0", "")]
    equipment = [(r["name"], r["class"]) for r in _read_csv("equipment.csv") if r["name"]]
    cities: dict[str, list[str]] = {}
    for r in _read_csv("places.csv"):
        if r["kind"] == "city" and r["country"]:
            cities.setdefault(r["country"], []).append(r["name"])
    return countries, equipment, cities


class World:
    """Everything documents talk about, built from the seed: countries with heads of state, a pool of officials and
    companies drawn with Zipf-like weights, invented cities, regions and projects."""

    POOL = 20_000

    def __init__(self, seed: int):
        rng = random.Random(f"world:{seed}")
        countries, equipment, capitals = _gazetteers()
        self.equipment = equipment
        cultures = sorted(CULTURES)
        self.countries: list[Country] = []
        for name, demonym in countries:
            culture = CULTURE_OF_COUNTRY.get(name) or rng.choice(cultures)
            invented = tuple(self._city(rng) for _ in range(3))
            self.countries.append(Country(name, demonym, culture, tuple(capitals.get(name, [])[:1]) + invented))
        rng.shuffle(self.countries)
        # Home countries produce the programmes and press reports; their leaders host.
        by_name = {c.name: c for c in self.countries}
        self.homes = [by_name[n] for n in HOME_COUNTRIES if n in by_name]
        rng.shuffle(self.homes)
        self.leaders = {c.name: self._person(rng, c, "President", "") for c in self.countries}
        self.premiers = {c.name: self._person(rng, c, "Prime Minister", "") for c in self.countries}
        self.companies = sorted({self._company(rng) for _ in range(3000)})
        rng.shuffle(self.companies)
        self.acronyms = {c: "".join(w[0] for w in c.replace("-", " ").split() if w[0].isupper()) for c in
                         self.companies}
        self.pool = [self._official(rng) for _ in range(self.POOL)]
        self._cum_people = list(accumulate(1.0 / (i + 8) ** 1.05 for i in range(len(self.pool))))
        self._cum_countries = list(accumulate(1.0 / (i + 3) for i in range(len(self.countries))))
        self._cum_companies = list(accumulate(1.0 / (i + 5) for i in range(len(self.companies))))
        self._cum_equipment = list(accumulate(1.0 / (i + 10) for i in range(len(self.equipment))))

    # ------------------------------------------------------------------ building
    @staticmethod
    def _city(rng: random.Random) -> str:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((1, 2, 2))))
        return (word + rng.choice(CITY_ENDINGS)).capitalize()

    @staticmethod
    def _company(rng: random.Random) -> str:
        return f"{rng.choice(COMPANY_PREFIXES)} {rng.choice(SECTORS)} {rng.choice(COMPANY_SUFFIXES)}"

    @staticmethod
    def _person(rng: random.Random, country: Country, title: str, org: str) -> Person:
        parts = CULTURES[country.culture]
        if country.culture == "chinese":
            return Person(rng.choice(parts["given"]), rng.choice(parts["family"]), "", country, title, org, True)
        given = rng.choice(parts["given"])
        surname = rng.choice(parts["surname"])
        if rng.random() < 0.25:  # double-barrelled or compound names make the pool larger and harder
            other = rng.choice(parts["surname"])
            surname = f"{surname}-{other}" if other != surname else surname
        patronymics = [p for p in parts.get("patronymic", []) if p.endswith("na") == (given in FEMALE)]
        patronymic = rng.choice(patronymics) if patronymics else ""
        if given in FEMALE and country.culture in ("slavic", "central_asian"):
            if surname.endswith(("ov", "ev", "in")):
                surname += "a"
            elif surname.endswith("sky"):
                surname = surname[:-1] + "aya"
        return Person(given, surname, patronymic, country, title, org)

    def _official(self, rng: random.Random) -> Person:
        country = rng.choice(self.countries)
        kind = rng.random()
        if kind < 0.35:
            return self._person(rng, country, f"Minister of {rng.choice(PORTFOLIOS)}", "")
        if kind < 0.55:
            company = rng.choice(self.companies)
            return self._person(rng, country, rng.choice(COMPANY_TITLES), company)
        if kind < 0.7:
            region = f"{rng.choice(country.cities)} Region"
            return self._person(rng, country, f"Governor of the {region}", "")
        if kind < 0.8:
            return self._person(rng, country, "Director General", f"the {rng.choice(AGENCIES)}")
        if kind < 0.9:
            other = rng.choice(self.countries)
            return self._person(rng, country, f"Ambassador of {country.name} to {other.name}", "")
        return self._person(rng, country, rng.choice(HEAD_TITLES[1:]), "")

    # ------------------------------------------------------------------ drawing
    @staticmethod
    def _zipf(rng: random.Random, items: list, cum: list[float]):
        return items[bisect.bisect_left(cum, rng.random() * cum[-1])]

    def official(self, rng: random.Random) -> Person:
        return self._zipf(rng, self.pool, self._cum_people)

    def country(self, rng: random.Random) -> Country:
        return self._zipf(rng, self.countries, self._cum_countries)

    def company(self, rng: random.Random) -> str:
        return self._zipf(rng, self.companies, self._cum_companies)

    def equip(self, rng: random.Random) -> tuple[str, str]:
        return self._zipf(rng, self.equipment, self._cum_equipment)

    def project(self, rng: random.Random, country: Country) -> str:
        form = rng.choice(PROJECT_FORMS)
        name = rng.choice(country.cities[1:] or country.cities)
        name2 = rng.choice(self.country(rng).cities[1:])
        return form.format(name=name, name2=name2, city=rng.choice(country.cities),
                           region=f"{rng.choice(country.cities)} Region", year=rng.randint(2025, 2035))


# --------------------------------------------------------------------------------------------------- documents


def d_month_yyyy(d: dt.date) -> str:
    return f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def month_d_yyyy(d: dt.date) -> str:
    return f"{MONTH_NAMES[d.month - 1]} {d.day}, {d.year}"


class _Slots(dict):
    """Fills a sentence template's slots, each once per sentence."""

    def __init__(self, gen: "_DocGen"):
        super().__init__()
        self.gen = gen

    def __missing__(self, key: str) -> str:
        g, rng = self.gen, self.gen.rng
        if key in ("country", "country2"):
            value = g.other_country().name
        elif key == "demonym":
            value = g.other_country().demonym
        elif key == "city":
            value = rng.choice(g.other_country().cities)
        elif key == "region":
            value = f"{rng.choice(g.home.cities)} Region"
        elif key in ("project", "project2"):
            value = g.project()
        elif key == "equip":
            value = g.world.equip(rng)[0]
        elif key == "equip_class":
            value = g.world.equip(rng)[1]
        elif key in ("company", "company2"):
            value = g.world.company(rng)
        elif key == "agency":
            value = rng.choice(AGENCIES)
        elif key == "sector":
            value = rng.choice(SECTORS).lower()
        elif key == "topic":
            value = rng.choice(TOPICS)
        elif key == "portfolio":
            value = rng.choice(PORTFOLIOS)
        elif key == "num":
            value = rng.choice(NUMBER_WORDS)
        elif key == "pct":
            value = str(rng.randint(3, 40))
        elif key == "year":
            value = str(rng.randint(2024, 2030))
        elif key == "month":
            value = rng.choice(MONTH_NAMES)
        elif key == "month_year":
            value = f"{rng.choice(MONTH_NAMES)} {g.date.year - rng.randint(0, 3)}"
        elif key == "person":
            value = g.world.leaders[g.other_country().name].name
        else:
            raise KeyError(key)
        self[key] = value
        return value


class _DocGen:
    def __init__(self, world: World, rng: random.Random, budget: int):
        self.world, self.rng, self.budget = world, rng, budget
        self.home = world._zipf(rng, world.homes, world._cum_countries[:len(world.homes)])
        self.host = world.leaders[self.home.name]
        self.date = dt.date(2019, 1, 7) + dt.timedelta(days=rng.randint(0, 6 * 365))
        self.projects = [world.project(rng, self.home) for _ in range(3)]
        self.words = 0
        self._vocative = ""

    # -------------------------------------------------------------- pieces
    def other_country(self) -> Country:
        c = self.world.country(self.rng)
        return c if c is not self.home else self.world.countries[-1]

    def project(self) -> str:
        # A few projects recur within a document, others are new.
        return self.rng.choice(self.projects) if self.rng.random() < 0.6 else self.world.project(self.rng, self.home)

    def fill(self, template: str) -> str:
        return template.format_map(_Slots(self))

    def sentences(self, pool: list[str], n: int) -> str:
        return " ".join(self.fill(t) for t in self.rng.sample(pool, min(n, len(pool))))

    def vocative(self, p: Person) -> str:
        """The host's opening words to `p`: a sentence of its own."""
        form = p.formal if self.rng.random() < 0.7 else f"Dear {p.formal}"
        return self.rng.choice([f"{form}, welcome to {self.home.cities[0]}. ", f"{form}, good afternoon. ",
                                f"{form}, I am glad to see you. ", f"{form}, let us get down to business. ",
                                f"{form}, thank you for coming. "])

    def speech(self, pool: list[str] = HOST_SPEECH) -> str:
        return self.sentences(pool, self.rng.randint(3, 7))

    def guest_label(self, p: Person) -> str:
        """How a header or a label introduces a person, in the styles the product reads."""
        if p.org:
            return f"{p.title} of {p.org} {p.name}"
        if p.title in HEAD_TITLES or p.title.startswith("Minister"):
            return f"{p.title} of {p.country.name} {p.name}" if self.rng.random() < 0.5 else \
                f"{p.country.demonym} {p.title} {p.name}"
        return f"{p.title} {p.name}"

    def room(self) -> int:
        return self.budget - self.words

    def add(self, parts: list[str], text: str) -> None:
        parts.append(text)
        self.words += len(text.split())

    # -------------------------------------------------------------- styles
    def weekly(self) -> str:
        rng = self.rng
        agency = f"{self.home.demonym} News Agency"
        preamble = rng.choice([
            f"Summary of results of the work week of the head of state PRESIDENT'S WEEK A {agency} project",
            f"Results of the working week of the head of state THE PRESIDENT'S WEEK with President of "
            f"{self.home.name} {self.host.name} A project of the {agency} ({''.join(w[0] for w in agency.split())})",
            f"THE PRESIDENT'S WEEK The working week of President {self.host.name} in review. Prepared by the "
            f"{rng.choice(self.home.cities)} Herald newsroom",
        ])
        parts: list[str] = []
        day = self.date - dt.timedelta(days=self.date.weekday())
        first = True
        while self.room() > 40:
            header, subs = self._weekly_header(day)
            speech = self._vocative + self.speech()
            self.add(parts, (preamble + " " if first else "") + f"{header}, {self._date_of(day, subs)} {speech}")
            first = False
            for sub_header in subs:
                if self.room() <= 40:
                    break
                self.add(parts, f"{sub_header[0]}, {d_month_yyyy(sub_header[1])} {self.speech()}")
                for _ in range(rng.randint(0, 2)):
                    if self.room() > 40:
                        self.add(parts, self.speech())
            for _ in range(rng.randint(0, 3)):
                if self.room() > 40:
                    self.add(parts, self.speech())
            day += dt.timedelta(days=rng.choice((0, 1, 1, 1, 2)))
        return "\n\n".join(parts) + "\n"

    def _date_of(self, day: dt.date, subs: list) -> str:
        if subs:
            last = subs[-1][1]
            return f"{d_month_yyyy(day).rsplit(' ', 1)[0]} - {d_month_yyyy(last)}"
        return d_month_yyyy(day)

    def _weekly_header(self, day: dt.date) -> tuple[str, list[tuple[str, dt.date]]]:
        """An event header (and the sub-events of a visit); sets `_vocative`, how the host's speech opens."""
        rng = self.rng
        kind = rng.random()
        self._vocative = ""
        if kind < 0.35:
            p = self.world.official(rng)
            self._vocative = self.vocative(p)
            return f"Meeting with {self.guest_label(p)}", []
        if kind < 0.5:
            c = self.other_country()
            leader = self.world.leaders[c.name]
            self._vocative = self.vocative(leader)
            verb = rng.choice(["Talks with", "Negotiations in narrow format with", "Telephone conversation with",
                               "Negotiations in an expanded format with"])
            return f"{verb} President of {c.name} {leader.name}", []
        if kind < 0.62:
            return rng.choice([f"A government conference to discuss {rng.choice(TOPICS)}",
                               f"Conference on {rng.choice(TOPICS)}",
                               f"Meeting with the management of {self.world.company(rng)}",
                               f"Expanded government meeting on {rng.choice(TOPICS)}"]), []
        if kind < 0.7:
            c = self.other_country()
            leader = self.world.leaders[c.name]
            subs = []
            d = day
            for verb in ("Negotiations with", "Meeting with", "Laying of a wreath at the Monument to")[
                    :rng.randint(2, 3)]:
                if verb.startswith("Laying"):
                    subs.append((f"{verb} {rng.choice(MONUMENTS)} in {rng.choice(c.cities)}", d))
                elif verb == "Meeting with":
                    p = self.world.official(rng)
                    subs.append((f"{verb} {self.guest_label(p)}", d))
                else:
                    subs.append((f"{verb} President of {c.name} {leader.name}", d))
                d += dt.timedelta(days=rng.choice((0, 1)))
            self._vocative = self.vocative(leader)
            return f"State visit to the Republic of {c.name}", subs
        if kind < 0.8:
            region = f"{rng.choice(self.home.cities)} Region"
            p = self.world._person(rng, self.home, f"Governor of the {region}", "")
            self._vocative = self.vocative(p)
            return f"Meeting with Governor of the {region} {p.name}", []
        p = self.world.official(rng)
        self._vocative = self.vocative(p) if rng.random() < 0.5 else ""
        return rng.choice([f"Meeting with {self.guest_label(p)}", f"Working meeting with {self.guest_label(p)}",
                           f"Talks with {self.guest_label(p)}"]), []

    def press(self) -> str:
        rng = self.rng
        parts: list[str] = []
        city = self.home.cities[0]
        self.add(parts, f"{city}, {d_month_yyyy(self.date)}. Press service of the President of the Republic of "
                        f"{self.home.name}")
        day = self.date - dt.timedelta(days=5)
        host_name = self.host.name
        while self.room() > 30:
            p = self.world.official(rng)
            when = rng.choice([f"On {day.day} {MONTH_NAMES[day.month - 1]}", "Yesterday", "Today",
                               f"On {WEEKDAYS[day.weekday()]}"])
            lead = rng.choice([
                f"{when}, {host_name} received {p.name}, {p.title}{' of ' + p.org if p.org else ''}.",
                f"{when}, the President met with {self.guest_label(p)} to discuss {rng.choice(TOPICS)}.",
                f"{when} the President held talks with {self.guest_label(p)}, who arrived in {city} on an official "
                f"visit.",
                f"{when}, {host_name} held a meeting with {self.guest_label(p)}.",
            ])
            said = rng.choice(["President", "head of state", self.home.demonym + " leader"])
            quote = f'"{self.sentences(HOST_SPEECH, rng.randint(1, 3))[:-1]}," the {said} said.'
            body = " ".join([lead, self.sentences(NARRATIVE, rng.randint(1, 3)), quote,
                             self.sentences(NARRATIVE, rng.randint(0, 2))])
            self.add(parts, body.strip())
            day += dt.timedelta(days=rng.choice((0, 1, 1, 2)))
        return "\n\n".join(parts) + "\n"

    def kremlin(self) -> str:
        rng = self.rng
        guest_country = self.other_country()
        guest = self.world.leaders[guest_country.name] if rng.random() < 0.6 else self.world.official(rng)
        title_line = rng.choice([f"Talks with {self.guest_label(guest)}",
                                 f"{self.home.demonym}-{guest_country.demonym} talks",
                                 f"Meeting with {self.guest_label(guest)}"])
        date_line = (month_d_yyyy if rng.random() < 0.5 else d_month_yyyy)(self.date)
        place_line = rng.choice([f"The Presidential Palace, {self.home.cities[0]}", self.home.cities[0],
                                 f"{rng.choice(self.home.cities)} Region, {rng.choice(self.home.cities)}"])
        parts: list[str] = []
        self.add(parts, f"{title_line}\n{date_line}\n{place_line}")
        self.add(parts, f"{self.host.name} held talks with {self.guest_label(guest)}, who is in "
                        f"{self.home.name} on {rng.choice(['an official', 'a working'])} visit. "
                        f"{self.sentences(NARRATIVE, rng.randint(1, 2))}")
        others = [self.world.official(rng) for _ in range(rng.randint(1, 3))]
        speakers = [(self.host.name, HOST_SPEECH), (f"{guest.title} {guest.name}", GUEST_SPEECH)]
        for o in others:
            label = f"{o.name}, {o.title} of {o.org}" if o.org else f"{o.title} {o.name}"
            speakers.append((label, GUEST_SPEECH))
        turn = 0
        while self.room() > 30:
            label, pool = speakers[0] if turn % 2 == 0 else rng.choice(speakers[1:])
            opening = self.vocative(guest) if turn % 2 == 0 and rng.random() < 0.3 else ""
            self.add(parts, f"{label}: {opening}{self.sentences(pool, rng.randint(2, 6))}")
            turn += 1
        return "\n\n".join(parts) + "\n"

    def wire(self) -> str:
        rng = self.rng
        parts: list[str] = []
        day = self.date
        while self.room() > 30:
            a_country = self.other_country()
            a = self.world.leaders[a_country.name] if rng.random() < 0.7 else self.world.premiers[a_country.name]
            b = self.world.official(rng)
            city = rng.choice(a_country.cities)
            verb = rng.choice(["met", "received", "held talks with", "hosted"])
            lead = (f"{city.upper()}, {d_month_yyyy(day)} \u2014 {a_country.demonym} {a.title} {a.name} {verb} "
                    f"{self.guest_label(b)} in {city} on {WEEKDAYS[day.weekday()]} to discuss "
                    f"{rng.choice(TOPICS)} and the {self.project()}.")
            body = " ".join([lead, self.sentences(NARRATIVE, rng.randint(1, 3)),
                             f"{a.surname} said the two countries hoped to sign an agreement before the end of next "
                             f"year." if rng.random() < 0.5 else ""])
            self.add(parts, body.strip())
            day += dt.timedelta(days=rng.choice((0, 1)))
        return "\n\n".join(parts) + "\n"


STYLES = {"weekly": (0.15, 1500, 6000), "press": (0.30, 300, 900), "kremlin": (0.25, 400, 1500),
          "wire": (0.30, 150, 450)}


def generate(words: int, seed: int = 1) -> Iterator[tuple[str, str]]:
    """(file name, text) pairs totalling about `words` words (the last document is cut to fit, at least 150)."""
    world = World(seed)
    total, i = 0, 0
    names, weights = zip(*((name, w) for name, (w, _, _) in STYLES.items()))
    while total < words:
        rng = random.Random(f"doc:{seed}:{i}")
        style = rng.choices(names, weights)[0]
        _, lo, hi = STYLES[style]
        budget = max(min(rng.randint(lo, hi), words - total), min(150, words))
        gen = _DocGen(world, rng, budget)
        text = getattr(gen, style)()
        total += len(text.split())
        yield f"{i:06d}-{style}-{gen.date.isoformat()}.txt", text
        i += 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--words", type=int, default=10_000, help="about how many words (default 10000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, help="folder to write NAME.txt files and manifest.json into")
    ap.add_argument("--print", action="store_true", help="print the documents to standard output")
    args = ap.parse_args(argv)
    if not args.out and not args.print:
        ap.error("give --out DIR or --print")
    manifest = []
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    for name, text in generate(args.words, args.seed):
        manifest.append({"name": name, "words": len(text.split())})
        if args.out:
            (args.out / name).write_text(text, encoding="utf-8")
        if args.print:
            sys.stdout.write(f"=== {name}\n{text}\n")
    if args.out:
        (args.out / "manifest.json").write_text(json.dumps({"seed": args.seed, "documents": manifest}, indent=1))
    print(f"{len(manifest)} documents, {sum(m['words'] for m in manifest)} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
