"""Find people named with an office: "Estonian Foreign Minister Oskar Brandt".

News style puts the office in front of the name, often with the country as an adjective.
Matching that finds people without a model, grounded by construction; the people pass
returns the union of both. The vocabulary is maintained data, not a list of ours: country
names and demonyms from :mod:`summarize.knowledge.places`, office words from ``nameparser``'s
titles ("minister", "foreign", "deputy", "ambassador"...), and any ministry after "of"
("Minister of Natural Resources and Environmental Protection").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from functools import cache

from summarize.knowledge.person_names import name_prefixes
from summarize.knowledge.places import (
    country_words_pattern,
    find_country,
    spelled_out,
)
from summarize.knowledge.titles import (
    NOT_YET_TAKEN,
    american_spelling,
    head_words,
    only_modifiers,
)
from summarize.llm.prompts import grammar_words

# "O\u2019Neill", "D'Amato": a capital after the apostrophe too, and after a short prefix
# ("McCain", "MacArthur", "DeVos"). A letter the scrape could not decode is U+FFFD inside the
# word: "Guti\ufffd\ufffdrrez".
_NAME_PART = (
    r"[A-Z](?:['\u2019][A-Z]|[a-z]{1,2}[A-Z])?[a-z\u00e0-\u00ff'\u2019]+"
    r"(?:\ufffd+[a-z\u00e0-\u00ff]+)*"
    r"(?:-[a-z][a-z'\u2019]*|-[A-Z][a-z'\u2019]+)?"
)
# A middle or first initial ("J. Christian Bollwage", "Andrew M. Cuomo"), never the last word.
_INITIAL = r"[A-Z]\."


@cache
def _particles() -> str:
    """Name particles in lower case ("de Blasio", "van der Berg"): ``nameparser``'s prefixes,
    the plain-word ones."""
    return _prefixes(lambda p: p.isalpha() and p.islower())


@cache
def joined_particles() -> str:
    """Name particles joined to the name by a hyphen ("al-Assad", "el-Sisi"): ``nameparser``'s
    prefixes that end in one."""
    return _prefixes(lambda p: p.endswith("-") and p[:-1].isascii() and p.islower())


def _prefixes(keep: Callable[[str], bool]) -> str:
    """``nameparser``'s name prefixes that ``keep`` accepts, as a regex alternation, longest
    first."""
    words = sorted((p for p in name_prefixes() if keep(p)), key=len)
    return "|".join(re.escape(w) for w in reversed(words))


def _name() -> str:
    # Not a capitalized closed-class word a caption runs into ("Senator John McCain As things
    # stand"): a name's parts are no preposition, determiner or subordinator.
    closed = grammar_words("not_a_subject") | grammar_words("subordinator")
    no_word = "|".join(sorted(w.capitalize() for w in closed))
    last = rf"(?!(?:{no_word})\b)(?:{joined_particles()})?{_NAME_PART}"
    part = rf"(?:{last}|{_INITIAL})"
    joint = rf"\s+(?:(?:{_particles()})\s+){{0,2}}"
    regnal = rf"{_NAME_PART}\s+{REGNAL}(?![\w'\u2019])"
    return rf"(?P<name>{part}(?:{joint}{part}){{0,2}}{joint}{last}|{regnal})"


# A regnal number after a given name: "King Mohammed VI", "Queen Elizabeth II" (not "I").
REGNAL = r"(?:II|III|IV|VI{0,3}|IX|XI{0,3}|XIV|XVI{0,2})"


# A surname alone ("President Ruiz"), taken only where news style marks it as a person's.
_SURNAME = rf"(?P<name>{_NAME_PART})(?!\s+[A-Z])"
# "Minister of Foreign Affairs", "Minister for Trade and Industry": a ministry's own name.
_MINISTRY = r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][a-z]+(?:(?:\s+and|,)?\s+[A-Z][a-z]+){0,4})?"
# "Brandt's April remarks": the name ends at the possessive.
_POSSESSIVE = re.compile(r"['\u2019](?:s\b|(?=\s|$)).*$")  # not "O\u2019Neill"
_HEADLINE_CAPS = 0.6
# Words before an office that say its holder no longer holds it: "former", "ex-Foreign".
_FORMER = re.compile(r"\b(?:former|ex-\w*)\s*$", re.IGNORECASE)
# Words a capitalized run starts with that are not a first name.
_NOT_NAMES = frozenset({"The", "North", "South", "East", "West", "In", "On", "During", "While"})
# Titles that qualify a person but not an office a state gives (nameparser lists both).
_NOT_OFFICES = frozenset(
    {"former", "professor", "prof", "dr", "mr", "mrs", "ms", "miss", "journalist"}
)


@dataclass(frozen=True)
class OfficeHolder:
    name: str
    office: str
    country: str | None
    start: int
    end: int
    former: bool = False  # "former Secretary of State Ana Ruiz" holds no office now
    # The country is written in the holder's own words ("US President Donald Trump"), not
    # carried over from a list nor read from a bare code ("GE Vice Chair").
    own_country: bool = False


@cache
def office_word_set() -> frozenset[str]:
    """``nameparser``'s title words that can name an office, lower case; not a determiner or
    a preposition it lists for a form of address ("His Excellency"): "a position he took over
    from his grandmother" names no office. With the titles it lacks
    (:func:`titles_nameparser_lacks`: "spokesman", "Sen.")."""
    from nameparser.config import CONSTANTS

    closed = grammar_words("not_a_subject")
    words = {
        t
        for t in CONSTANTS.titles
        if t.isalpha() and t not in _NOT_OFFICES and t not in closed and len(t) > 2
    }
    words |= titles_nameparser_lacks()
    return frozenset(words | {american_spelling(w) for w in words})


@cache
def titles_nameparser_lacks() -> frozenset[str]:
    """The posts and abbreviated offices ``prompts/grammar_words.txt`` adds to nameparser's
    titles ("Kremlin spokesman Dmitry Peskov", "Sen. Al Franken")."""
    return grammar_words("post") | grammar_words("abbreviated_office")


@cache
def capitalized_office_words() -> str:
    """:func:`office_word_set` as a regex alternation of capitalized words, longest first."""
    words = sorted(office_word_set(), key=len, reverse=True)
    return "|".join(re.escape(w.capitalize()) for w in words)


@cache
def _office_words() -> str:
    return capitalized_office_words() + "|leader|minister|president"


# "Mira Castell, the deputy commissioner for trade, said": an office set off after a name.
# It may end the sentence, and hold an initialism's full stops ("Nikki Haley, the U.S.
# ambassador to the United Nations.").
_APPOSITIVE = (  # "a-foreign ministry spokesman": a scrape's hyphen for the space
    r",\s+(?:the|a|an)(?:\s+|-(?=[a-z]))(?P<office>(?:[^,.;:()\"\u201c\u201d]|(?<=\b[A-Z])\.(?=[A-Z]\.)"
    r"|(?<=\.[A-Z])\.){3,90}?)\s*(?:[,;?]|(?<!\b[A-Z])\.(?=\s|$))"
)
_APPOSITIVE_WORDS = 10


def office_after(name: str, text: str) -> str | None:
    """The office an article sets off right after a name, as written ("the NYPD assistant
    commissioner for public information"): a short phrase with an office word in it."""
    for m in re.finditer(re.escape(name) + _APPOSITIVE, text):
        if _an_office(office := m.group("office").strip()):
            return office
    return None


# "his Russian counterpart, Gen. Valery Gerasimov", "her Japanese counterpart Fumio Kishida":
# the country word before "counterpart", with at most three capitalized title words (or short
# abbreviations: "Gen.", "Lt.") between.
_COUNTERPART = (
    r"\b(?P<country>[A-Z][\w'\u2019-]*(?:\s[A-Z][\w'\u2019-]*)?)\s+counterparts?,?\s+"
    r"(?:[A-Z][a-z]{0,3}\.\s+|[A-Z]\w*\s+){0,3}"
)


def counterpart_country(name: str, text: str) -> str | None:
    """The key of the country an article gives a person as someone's counterpart ("his
    Russian counterpart, Gen. Valery Gerasimov"): written beside the name, it outweighs a
    country guessed from the sentence's places ("... in Azerbaijan")."""
    for m in re.finditer(_COUNTERPART + re.escape(name) + r"\b", text):
        if (found := find_country(m.group("country"))) is not None:
            return found.key
    return None


def _an_office(phrase: str) -> bool:
    """A short phrase with an office word in it."""
    words = re.findall(r"[^\W\d_]+", phrase.casefold())
    return len(phrase.split()) <= _APPOSITIVE_WORDS and any(w in office_word_set() for w in words)


@cache
def _pattern(surname_only: bool = False) -> re.Pattern[str]:
    words = _office_words()
    # A ministry may also stand before the office: "Natural Resources and Ecology Minister".
    ministry = r"(?:[A-Z][a-z]+(?:[^\S\n]+and)?[^\S\n]+){0,4}?"
    # "Secretary-General", "Vice-President": two office words joined by a hyphen
    word = rf"(?:{words})(?:\.|{NOT_YET_TAKEN}|-(?:{words})\b)?"
    words_only = _country_words()
    # "Ambassador to Russia John Tefft": the country an office is held in, then the name.
    posted = rf"\s+to\s+(?:{words_only})"
    office = rf"(?P<office>{ministry}(?:{word}[^\S\n]+){{0,3}}{word}(?:{_MINISTRY}|{posted}))"
    # Two capitals alone ("US", "UK", "U.S.") are a country only right before an office.
    initials = r"(?<![\w.-])(?:[A-Z]{2}|[A-Z]\.[A-Z]\.)"
    # ... a scrape's hyphen may stand for the space after it ("US-President Donald Trump");
    # never a line's end: "... in Syria" closing a headline is no "Syria Turkish President".
    country = rf"(?P<country>{words_only}|{initials})(?:[^\S\n]+|-)"
    name = _SURNAME if surname_only else _name()
    return re.compile(rf"{_word_start()}(?:{country})?{office},?\s+{name}\b")


def _country_words() -> str:
    """The country words as a regex without their own word start, which the patterns here
    give (theirs also takes a scrape's hyphen)."""
    return country_words_pattern().pattern.removeprefix(r"(?<![\w-])")


def _word_start() -> str:
    """Where an office may start: a word's start, or after a scrape's hyphen that stands for a
    space after a preposition or determiner ("his admiration of-Russian President Vladimir
    Putin"), not inside a hyphenated name ("Mar-a-Lago")."""
    glued = "|".join(rf"(?<=\s{re.escape(w)}-)" for w in sorted(grammar_words("not_a_subject")))
    return rf"(?:(?<![\w-])|{glued})"


def _honorific(name: str) -> re.Pattern[str]:
    """A surname after "Mr.", "Ms." or "Mrs.": news style's mark of a person."""
    return re.compile(rf"\bM(?:r|s|rs)\.?\s+{re.escape(name)}\b")


def _in_headline(text: str, at: int) -> bool:
    """Headlines capitalize every word, so "Minister Visits North Korea" is not a name."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)].strip()
    words = [w for w in line.split() if w[0].isalpha()]
    if not words or line.endswith((".", "?", "!", "\u201d", '"')):
        return False
    return sum(w[0].isupper() for w in words) / len(words) > _HEADLINE_CAPS


# The country after the name, as some house styles print it: "President Ana Ruiz of Chile".
_OF_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?((?:[A-Z][\w.'\u2019-]*\s*){1,3})")


@cache
def _lowercase_pattern() -> re.Pattern[str]:
    """An office in lower case before a full name, as news style writes most ("national
    security adviser John Bolton", "Homeland Security chief John Kelly")."""
    # Words of four letters or more: the short ones are abbreviations, or words ("met",
    # "his") that nameparser lists for their capitalized use.
    words = (w for w in office_word_set() if w.isascii() and len(w) >= 4)
    heads = "|".join(sorted(words, key=len, reverse=True))
    # Its words are office words too ("national security adviser"), so a verb before it
    # ("met secretary ...") is not part of it.
    # "Germany's ambassador to France, Nikolaus Meyer-Landrut": the state it serves before
    # it, the country it is held in after it.
    words_only = _country_words()
    country = rf"(?:(?P<country>{words_only})[^\S\n]+)?"
    office = (
        rf"(?P<office>(?:(?:{heads})\s+){{0,3}}(?:{heads})(?:\s+to\s+(?:the\s+)?(?:{words_only}))?)"
    )
    return re.compile(rf"(?<![\w-]){country}{office},?\s+{_name()}\b")


@cache
def _name_then_office() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){_name()}{_APPOSITIVE}")


def _described_after(text: str) -> list[OfficeHolder]:
    """Full names an office is set off after ("John R. Bolton, the current national
    security adviser,"; "Ana Ruiz, the Chilean ambassador to Peru,"), the country from the
    word the office opens with ("the American ambassador")."""
    out: list[OfficeHolder] = []
    for m in _name_then_office().finditer(text):
        office = re.sub(r"^current\s+", "", m.group("office").strip())  # the office itself
        if not _an_office(office):
            continue
        name = m.group("name")
        if name.split()[0] in _NOT_NAMES or _in_headline(text, m.start()):
            continue
        # A country word opening the office: "the American ambassador to Germany" serves
        # the United States, whatever country follows.
        opening = re.sub(r"^(?:(?:current|new|acting|then|outgoing|incoming)\s+)+", "", office)
        lead = country_words_pattern().match(opening)
        named = find_country(lead.group(0)) if lead else None
        country = named.name if named is not None else None
        former = re.search(r"\b(?:former|ex-)", office, re.IGNORECASE) is not None
        start = m.start("name")
        out.append(OfficeHolder(name, office, country, start, start + len(name), former))
    return out


# "would replace Abdelilah Benkirane as prime minister", "named Ruiz as its new envoy": the
# office a name is put in, or taken from, after "as" (not "Ruiz, who served as minister").
_AS_OFFICE = (
    r"\s+as\s+(?:(?:the|its|his|her|their)\s+|(?:the\s+)?[\w-]+['\u2019]s\s+)?"
    r"(?:(?:new|next|interim|acting)\s+)?(?P<office>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)"
    r"(?=\s*(?:[,.;:)]|$|\s+(?:and|with|in|on|after|before|to|by|for)\b))"
)


@cache
def _name_as_office() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){_name()}{_AS_OFFICE}")


def _named_as(text: str) -> list[OfficeHolder]:
    """Full names an office is given with "as" ("replace Abdelilah Benkirane as prime
    minister"), in an office word's sense: not "Ruiz as well"."""
    out: list[OfficeHolder] = []
    for m in _name_as_office().finditer(text):
        office = m.group("office")
        if not _an_office(office) or _in_headline(text, m.start()):
            continue
        name = m.group("name")
        if name.split()[0] in _NOT_NAMES:
            continue
        start = m.start("name")
        out.append(OfficeHolder(name, office, None, start, start + len(name)))
    return out


def named_again(holder: OfficeHolder, text: str) -> bool:
    """Whether the holder's surname stands alone elsewhere: not after their given name, and
    not after "the" (a one-word name: anywhere else)."""
    *given, surname = holder.name.split()
    # A one-word name ("President Obama ... Mr. Obama") has no given name to follow.
    after_given = rf"(?<!{re.escape(given[-1])}\s)" if given else ""
    alone = rf"{after_given}(?<![Tt]he\s)\b{re.escape(surname)}\b"
    return any(not holder.start <= m.start() < holder.end for m in re.finditer(alone, text))


def find_office_holders(text: str, known: Collection[str] = ()) -> list[OfficeHolder]:
    """Every "[Country] Office Name" mention in ``text``, in order of appearance; an office
    before a surname alone ("President Ruiz") only where it is a person's: "Mr. Ruiz"
    says so, or it is the surname of one person in ``known`` (the people already found),
    as "General Assembly" is not. An office in lower case ("national security adviser John
    Bolton") counts where the article names the person again by surname, as it does people
    ("senior White House" is no one), or where the name is one of ``known``. A bracket set
    inside a name is read past ("President (Vladimir) Putin")."""
    found = _office_holders(_brackets_in_names_blanked(text), known)
    return [replace(h, name=" ".join(h.name.split())) for h in found]


def _brackets_in_names_blanked(text: str) -> str:
    """``text`` with a space for each bracket a wire or an editor set inside a name, so the
    name reads whole at the same offsets: capitalized words in brackets that a name goes on
    from ("President (Vladimir) Putin", "(US President Donald) Trump"), and a bracket an
    editor closed between two names' words ("... Foreign Minister Sergey] Lavrov"); not a
    party's letter after a name ("Beto O'Rourke (D) and"), nor "(CNN)President"."""
    chars = list(text)
    for m in _INSERTED.finditer(text):
        chars[m.start()] = chars[m.end() - 1] = " "
    for m in _CLOSED_BEFORE_A_NAME.finditer(text):
        if "[" not in text[max(0, m.start() - _NAME_CHARS) : m.start()]:
            chars[m.start()] = " "  # the editor's "[" opened far back: "[I was in ..."
    return "".join(chars)


_NAME_CHARS = 40
# Capitalized words in brackets, and the name going on after them.
_INSERTED = re.compile(r"[(\[](?:[A-Z][\w'\u2019.-]*\s+){0,3}[A-Z][\w'\u2019.-]*[)\]](?=\s+[A-Z])")
# A square bracket closed between two capitalized words.
_CLOSED_BEFORE_A_NAME = re.compile(r"(?<=[a-z])\](?=\s+[A-Z])")


def _office_holders(text: str, known: Collection[str]) -> list[OfficeHolder]:
    full = _holders_in_turn(text, known)
    full += [
        h
        for m in _lowercase_pattern().finditer(text)
        if (h := _holder(text, m, known)) is not None
        and (named_again(h, text) or h.country is not None or h.name in known)
        and not any(f.start < h.end and h.start < f.end for f in full)
    ]
    full += [
        h
        for h in _plural_holders(text)
        if not any(f.start < h.end and h.start < f.end for f in full)
    ]
    full += [h for h in _described_after(text) if not any(f.name == h.name for f in full)]
    full += [h for h in _named_as(text) if not any(f.name == h.name for f in full)]
    full.sort(key=lambda h: h.start)
    surnames = Counter(name.split()[-1] for name in known if name.split())
    alone = [
        h
        for m in _pattern(surname_only=True).finditer(text)
        if (h := _holder(text, m, known)) is not None
        and (
            surnames[h.name] == 1
            or _honorific(h.name).search(text) is not None
            or _written_with_its_state(h, m)
        )
        and not any(f.start < h.end and h.start < f.end for f in full)
    ]
    return sorted(full + alone, key=lambda h: h.start)


# A break inside a match, or a bracket closing right after its name: the office and the name
# are not one phrase ("the German president.\nGauck", "Minister Sergey] Lavrov").
_BROKEN = re.compile(r"[.!?]\s|\n")
_CLOSED_AFTER = re.compile(r"[)\]]")


def _written_with_its_state(holder: OfficeHolder, m: re.Match[str]) -> bool:
    """Whether an office before one name is a state's, in the holder's own words ("Saudi
    Arabia's King Salman", "King Salman of Saudi Arabia"): news style names a monarch, and
    at times a head of state, by one name, which is then a person's."""
    return (
        holder.own_country
        and _BROKEN.search(m.group(0)) is None
        and _CLOSED_AFTER.match(m.string, m.end()) is None
    )


def _holders_in_turn(text: str, known: Collection[str]) -> list[OfficeHolder]:
    """Every "[Country] Office Name" match; where a ministry's words ran on into a second
    office holder ("Premier of the State Council Li Keqiang and State Councilor Yang
    Jiechi" reads as the office of "Councilor Yang Jiechi"), each of the two."""
    out: list[OfficeHolder] = []
    pattern, at = _pattern(), 0
    while (m := pattern.search(text, at)) is not None:
        at = m.end()
        first = m.group("name").split()[0]
        joined = text.rfind(" and ", m.start("office"), m.end("office"))
        if joined > 0 and re.fullmatch(_office_words(), first, flags=re.IGNORECASE):
            m = pattern.match(text, m.start(), joined) or m
            at = joined + len(" and ")
        elif joined > 0 and m.group("country") is None:
            # "praised Gauck and German Chancellor Angela Merkel": a country word after
            # "and" opens the office, so what came before it was no ministry's name; nor
            # is a surname the people pass found ("both Kaczynski and Prime Minister Orban").
            after = joined + len(" and ")
            before = text[m.start("office") : joined].split()[-1]
            if country_words_pattern().match(text, after) or before in _surnames(known):
                m = pattern.match(text, after) or m
        if (holder := _holder(text, m, known)) is not None:
            out.append(_country_of_the_list(text, out[-1] if out else None, holder))
    return out


# "Sens. Lindsey Graham and John McCain", "Foreign Ministers Sergei Lavrov and Jean-Marc
# Ayrault", "Reps.-Beto O'Rourke (D) and Will Hurd (R)": one office, in the plural, before
# two names, each of whom holds it. Two words joined by "and" before it are each one's in
# turn: "Senate and House Minority Leaders Chuck Schumer and Nancy Pelosi", "Russian and
# French Foreign Ministers".
_PARTY = r"(?:\s+\([A-Z]\))?"


@cache
def _plural_pattern() -> re.Pattern[str]:
    word = r"[A-Z][a-z]+[^\S\n]+"
    office = rf"(?P<office>(?P<second>{word})?(?:{word}){{0,2}}?(?:{_office_words()})s\.?)"
    first = rf"(?:(?P<first>{word})and[^\S\n]+)?"
    return re.compile(rf"{_word_start()}{first}{office}(?:[^\S\n]+|-){_name()}{_PARTY},?\s+and\s+")


def _plural_holders(text: str) -> list[OfficeHolder]:
    """Each of two names after one office in the plural, holding it in the singular."""
    out: list[OfficeHolder] = []
    for m in _plural_pattern().finditer(text):
        other = _second_name().match(text, m.end())
        if other is None or _in_headline(text, m.start()):
            continue
        office = re.sub(r"s(\.?)$", r"\1", m.group("office"))  # "Sens." → "Sen."
        offices = [office, office]
        if m.group("first") and m.group("second"):  # "Senate and House Minority Leaders"
            rest = office.split(maxsplit=1)[1]
            offices = [f"{m.group('first').strip()} {rest}", office]
        for found, held in zip((m, other), offices, strict=True):
            name = found.group("name")
            at = found.start("name")
            country = None
            lead = country_words_pattern().match(held)
            if lead and (country := find_country(lead.group(0))) is not None:
                held = held[lead.end() :].strip()  # "Russian Foreign Minister": state, office
            named = country.name if country is not None else None
            out.append(OfficeHolder(name, held, named, at, at + len(name), own_country=bool(named)))
    return out


@cache
def _second_name() -> re.Pattern[str]:
    """The name after "and" that shares a plural office with the one before it."""
    return re.compile(_name() + _PARTY + r"\b")


def _surnames(names: Collection[str]) -> set[str]:
    """The last word of each name ("Kaczynski" of "Jaroslaw Kaczynski")."""
    return {name.split()[-1] for name in names if name.split()}


# What joins two office holders in one list: "A, B and C".
_LISTED = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)")


def _country_of_the_list(
    text: str, before: OfficeHolder | None, holder: OfficeHolder
) -> OfficeHolder:
    """ "China's Foreign Minister Wang Yi, Premier Li Keqiang and State Councilor Yang
    Jiechi": the country before the first office of a list is every listed holder's; not
    where the office is the same ("Chinese President Xi and President Trump": one country
    has one president), nor where the office opens with a word of its own no office list
    knows ("Egyptian President el-Sissi and Kurdish President Masoud Barzani")."""
    if holder.country is not None or before is None or before.country is None:
        return holder
    if before.office.casefold() == holder.office.casefold():
        return holder
    first = holder.office.split()[0]
    if first[0].isupper() and first.casefold() not in office_word_set():
        return holder  # "Kurdish President": a word of its own that names no country
    start = text.rfind(first, before.end, holder.start)
    if start < 0 or not _LISTED.fullmatch(text, before.end, start):
        return holder
    return replace(holder, country=before.country)


def _given_name_out_of_office(
    text: str, office: str, name: str, known: Collection[str]
) -> tuple[str, str]:
    """ "Secretary of State Rex W. Tillerson", "Secretary of State Hillary Rodham Clinton": a
    ministry's name may take the given name as one of its words. The last word is the
    given name where the name would open with an initial, where the article writes that
    word before the surname elsewhere ("Hillary Clinton"), or where someone already found
    has that full name."""
    *rest, last = office.split()
    if not rest or not re.fullmatch(r"[A-Z][a-z]+", last) or len(name.split()) > 2:
        return office, name
    if re.fullmatch(_office_words(), last, flags=re.IGNORECASE):
        return office, name
    surname = re.escape(name.split()[-1])
    full = f"{last} {name}"
    if re.match(_INITIAL, name) or re.search(rf"\b{last}\s+{surname}\b", text) or full in known:
        return " ".join(rest), full
    return office, name


@cache
def _another_office() -> re.Pattern[str]:
    """An office word right after the name (capitalized, or an abbreviation in capitals:
    "CEO"), then a name: the "name" was a body's."""
    upper = "|".join(re.escape(w.upper()) for w in office_word_set() if len(w) <= 4)
    return re.compile(rf"\s+(?:{capitalized_office_words()}|{upper})\s+[A-Z]")


def _holder(text: str, m: re.Match[str], known: Collection[str] = ()) -> OfficeHolder | None:
    name = _POSSESSIVE.sub("", m.group("name"))
    first = name.split()[0]
    if first in _NOT_NAMES or _in_headline(text, m.start()):
        return None
    if re.fullmatch(rf"(?:{_office_words()})(?:{NOT_YET_TAKEN})?", first, flags=re.IGNORECASE):
        return None  # "Foreign Minister Brandt" read as the office "Foreign", "Minister Brandt"
    office = " ".join(w for w in m.group("office").split() if w not in _NOT_NAMES)
    if not office:
        return None
    if _another_office().match(text, m.end()):
        return None  # "General Electric Canada CEO Elyse Allan": a body that an office heads
    office, name = _given_name_out_of_office(text, office, name, known)
    if only_modifiers(head_words(office)):
        return None  # "Federal Communications Commission", "Air Force One": no office
    word = m.groupdict().get("country")
    named = find_country(word) if word else None
    if named is None and (after := _OF_COUNTRY.match(text, m.end())) is not None:
        word = after.group(1)
        named = find_country(word)  # "President Vladimir V. Putin of Russia"
    country = named.name if named is not None else None  # not "UN"
    own_country = named is not None and word is not None and spelled_out(word)
    start = m.start("name")
    if not m.group("name").startswith(name):  # the given name was the office's last word
        start = text.rindex(name.split()[0], m.start(), start)
    former = _FORMER.search(text, max(0, m.start() - 12), m.start()) is not None
    if office.split()[0].casefold() == "former":  # "Former Foreign Minister Jon Hale"
        office, former = office.partition(" ")[2], True
    return OfficeHolder(name, office, country, start, start + len(name), former, own_country)
