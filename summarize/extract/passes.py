"""Extract one article in a few focused passes over its numbered sentences.

The system message carries fixed instructions, then the article as numbered sentences; it is
byte-identical for every pass of an article (and its instructions for every article), so
llama.cpp reuses the prefix and each pass costs only its short task line and its reply.
Every reply cites sentence numbers: evidence is the cited sentence, by construction.

1. PEOPLE: every person named, whether an official, their title and country (a closed list
   of the countries the article mentions); unioned with "[Country] Office Name" matches.
2. EVENTS: trips and meetings, over the sentences with travel or meeting cues; the traveler
   and whom they met come from the people found in (1).
3. AIMS: aims stated by officials (or unnamed officials), over attribution and purpose cues.
4. HEDGES: verdicts on the sentences with hedge cues, a few at a time, with who voices each.

Passes 3 and 4 ask the model only where it can judge (``ProviderSpec.judges``): the embedded
model said yes to nearly every candidate, so for it each candidate stands as found and its
voice is read from the sentence, as it is after a verdict.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from typing import Any

from summarize.contract.extraction import (
    GENERIC_VOICES,
    Dropped,
    Extraction,
    HedgedClaim,
    Official,
    Source,
    StatedAim,
    Visit,
)
from summarize.errors import ExtractionError
from summarize.extract.aliases import aliases, under_one_name
from summarize.extract.asking import Answer, Ground, ask_pass
from summarize.extract.by_office import date_by_office
from summarize.extract.chunk_fold import fold_by_evidence, fold_officials, fold_visits
from summarize.extract.claim_grounding import ground_aims, ground_hedges
from summarize.extract.companions import accompanying, date_companions
from summarize.extract.cues import Candidate, candidates
from summarize.extract.drafts import (
    EventDraft,
    Reply,
    UnjudgedAim,
    UnjudgedHedge,
    aims_reply,
    events_reply,
    hedges_reply,
    people_reply,
    venues_reply,
)
from summarize.extract.event_grounding import UNPLACED, ground_events, place_and_day
from summarize.extract.grounding import (
    ArticleContext,
    Event,
    Grounded,
    Person,
    fuller_title,
    ground_people,
    outside_government,
)
from summarize.extract.hosts import alone_at_home, as_guests, fold_hosts, host_countries
from summarize.extract.itinerary import (
    add_stops,
    dated_by_the_trip,
    done_before_page,
    journey_or_meeting,
    placed_by_home,
    same_trip,
    status_and_dates,
)
from summarize.extract.meeting_day import dated_by_next
from summarize.extract.name_mentions import same_name
from summarize.extract.numbered import number_sentences
from summarize.extract.office_holders import (
    OfficeHolder,
    counterpart_country,
    find_office_holders,
    named_again,
    office_after,
)
from summarize.extract.retold import fold_retold
from summarize.extract.settings import PassSettings, pass_settings
from summarize.extract.stated_trips import buildings_travelled_to, stated_trips
from summarize.extract.travelers import at_their_post, officials_trips
from summarize.extract.venues import MAX_VENUES, ground_venues, places_to_ask, set_in_article
from summarize.ingest.body import Body
from summarize.ingest.chunks import split_body
from summarize.ingest.furniture import strip_furniture
from summarize.ingest.metadata import ArticleMetadata, read_metadata
from summarize.ingest.read import Article
from summarize.knowledge.places import (
    countries_mentioned,
    country_display,
    country_key,
    find_country,
    venue_country,
)
from summarize.knowledge.titles import head_words, names_a_post
from summarize.llm.backend import Backend
from summarize.llm.prompts import render
from summarize.llm.usage import metering

_NO_VALUE = frozenset({"", "null", "none", "n/a", "na", "unknown", "not stated", "-"})


def stated(value: str | None) -> str | None:
    """None for the words a small model writes instead of a JSON null ("null", "unknown")."""
    if value is None or value.strip().casefold() in _NO_VALUE:
        return None
    return value.strip()


@dataclass(frozen=True)
class PassLimits:
    """Bounds that keep a small model from looping: list length and reply length."""

    max_items: int
    tokens_per_item: int
    base_tokens: int = 24

    def max_tokens(self, items: int) -> int:
        return self.base_tokens + self.tokens_per_item * items


PEOPLE = PassLimits(max_items=12, tokens_per_item=40)
EVENTS = PassLimits(max_items=PassSettings.event_items, tokens_per_item=48)
AIMS = PassLimits(max_items=16, tokens_per_item=12)
HEDGES = PassLimits(max_items=10, tokens_per_item=24)
VENUES = PassLimits(max_items=MAX_VENUES, tokens_per_item=20)
# Reasks per question after a reply that does not parse (or, with `reask_ungrounded`, fails
# grounding). Measured: the model mostly repeats its answer when told what is wrong.
REASKS = 1


def _sentence_list(numbers: Sequence[int]) -> str:
    """``3``, ``3 and 5``, ``3, 5 and 9``."""
    words = [str(n) for n in numbers]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _batches(items: Sequence[Candidate], size: int) -> list[Sequence[Candidate]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


class ExtractionRun:
    """The passes over one article body (or one chunk of it) against one backend."""

    def __init__(self, backend: Backend, body: Body, published: date | None) -> None:
        self.backend = backend
        self.body = body
        self.numbered = number_sentences(body)
        self.ctx = ArticleContext(self.numbered, published)
        self.system = render("system", article=self.numbered.render())
        self.countries = tuple(c.name for c in countries_mentioned(body.text))
        self.dropped: list[Dropped] = []
        self.warnings: list[str] = []
        self.passes = 0
        self.failed_passes = 0

    def _ask(
        self,
        stage: str,
        task: str,
        reply_model: partial[type[Reply]],
        limits: PassLimits,
        items: int,
        ground: Ground,
    ) -> Answer:
        answer = ask_pass(
            self.backend,
            stage=stage,
            messages=[
                {"role": "system", "content": self.system},
                {"role": "user", "content": task},
            ],
            reply_model=lambda _bound: reply_model(),
            max_items=items,
            max_tokens=limits.max_tokens(items),
            ground=ground,
            article=self.ctx,
            reasks=REASKS,
        )
        self.warnings.extend(answer.warnings)
        self.warnings.extend(answer.grounded.notes)
        self.dropped.extend(answer.grounded.dropped)
        self.passes += 1
        self.failed_passes += answer.failed
        return answer

    def _task(self, name: str, numbers: Sequence[int]) -> str:
        """A judging question; with quoting on, the candidate sentences follow it in full."""
        task = render(name, sentences=_sentence_list(numbers))
        if not pass_settings().quote_candidates:
            return task
        quoted = (s for n in numbers if (s := self.numbered.get(n)) is not None)
        return task + "\n" + "\n".join(f"[{s.n}] {' '.join(s.text.split())}" for s in quoted)

    # ---------------------------------------------------------------- 1. people

    def people(self) -> list[Person]:
        """Everyone named; the office pattern adds those the model missed and fills titles."""
        if not len(self.numbered):
            return []
        model = partial(people_reply, self.countries, PEOPLE.max_items)
        task = render("people", max_items=PEOPLE.max_items)
        answer = self._ask("people", task, model, PEOPLE, PEOPLE.max_items, ground_people)
        people = list(answer.grounded.items)
        named = [p.name for p in people]
        surnames = {n.split()[-1] for n in named}
        for holder in find_office_holders(self.body.text, named):
            match = _same_person(people, holder.name)
            if match is None:
                draft = _HolderDraft.of(holder, self.body.text)
                # A surname alone is completed ("Brandt" → "Oskar Brandt"); a full name
                # is read with its bounds already.
                alone = len(holder.name.split()) == 1
                found = ground_people([draft], self.ctx, fullest=alone).items
                # Grounding may make it someone already found ("Brandt" → "Oskar Brandt").
                match = _same_person(people, found[0].name) if found else None
            if match is None:
                # A known surname alone only fills in its person's office ("Foreign Minister
                # Brandt"); it adds no one ("NEW YORK--Acme Communications").
                if holder.name not in surnames:
                    people.extend(found)
                continue
            people[match] = with_office_holder(people[match], holder, self.body.text)
        people = [
            _with_counterpart_country(_with_office_after(p, self.body.text), self.body.text)
            for p in people
        ]
        people.sort(key=lambda p: p.evidence[0].start)
        self.ctx.people = people
        return people

    def officials(self, people: Sequence[Person]) -> list[Official]:
        return [
            Official(
                name=p.name,
                title=stated(p.title),
                country=country_display(official_country(stated(p.title), stated(p.country))),
                evidence=list(p.evidence),
            )
            for p in people
            if p.official
        ]

    # ---------------------------------------------------------------- 2. events

    def events(self, people: Sequence[Person]) -> list[Visit]:
        names = tuple(p.name for p in people)
        if not names:
            return []
        country_of = {p.name: country_display(country_key(stated(p.country))) for p in people}
        title_of = {p.name: stated(p.title) for p in people}
        events: list[Event] = []
        unplaced: list[tuple[tuple[int, ...], Dropped, EventDraft]] = []
        settings = pass_settings()
        for batch in _batches(candidates(self.numbered, "event_cues"), settings.event_batch):
            numbers = tuple(c.n for c in batch)
            size = min(settings.event_items, len(numbers))
            model = partial(events_reply, numbers, names, size)
            task = render("events", sentences=_sentence_list(numbers))
            ground = partial(_ground_with, ground_events, numbers=numbers)
            answer = self._ask("events", task, model, EVENTS, size, ground)
            events += answer.grounded.items
            unplaced += [
                (numbers, d, EventDraft.model_validate(d.item))
                for d in answer.grounded.dropped
                if UNPLACED in d.reason
            ]
        events += self._placed_venues(events, unplaced, people)
        out = [
            guest
            for e in events
            if (v := self._visit(e, country_of, title_of)) is not None
            for guest in as_guests(v, country_of)
        ]
        told = stated_trips(self.numbered, people, self.ctx.published, out, self._venue)
        along = [
            trip
            for trip in accompanying(self.numbered, people, [*out, *told])
            if not any(same_trip(known, trip) for known in [*out, *told])
        ]
        visits = date_by_office([*out, *told, *along], self.ctx)
        return dated_by_next(visits, self.numbered, self.ctx.published)

    def _placed_venues(
        self,
        events: Sequence[Event],
        unplaced: Sequence[tuple[tuple[int, ...], Dropped, EventDraft]],
        people: Sequence[Person],
    ) -> list[Event]:
        """Ask where the venues stand (:mod:`summarize.extract.venues`) that the events named
        or that the article says a named person travels to; the trips refused for want of a
        known place that it places, grounded again."""
        named = [
            *(e.place for e in events),
            *(draft.place for _, _, draft in unplaced),
            *buildings_travelled_to(self.numbered, people),
        ]
        unset: list[str] = []
        for place in places_to_ask(named, self.ctx):
            if (country := set_in_article(place, self.numbered.text, self.countries)) is not None:
                self.ctx.place_venue(place, country)
            else:
                unset.append(place)
        places = tuple(unset[:MAX_VENUES])
        if places and self.countries:
            model = partial(venues_reply, places, self.countries)
            task = render("venues", places=", ".join(f'"{p}"' for p in places))
            answer = self._ask("venues", task, model, VENUES, len(places), ground_venues)
            for place, country in answer.grounded.items:
                self.ctx.place_venue(place, country)
        regrounded: list[Event] = []
        for numbers, refused, draft in unplaced:
            if self.ctx.venue_country(draft.place) is None:
                continue
            grounded = ground_events([draft], self.ctx, numbers)
            if grounded.items:
                self.dropped.remove(refused)
                regrounded += grounded.items
        return regrounded

    def _venue(self, place: str | None) -> str | None:
        """Where a venue stands: as the model placed it, or as its city does ("Munich
        Security Conference", "Boston City Hall")."""
        return self.ctx.venue_country(place) or country_display(venue_country(place))

    def _visit(
        self, event: Event, country_of: dict[str, str | None], title_of: dict[str, str | None]
    ) -> Visit | None:
        """The visit an event reports, or None (with the reason kept) when it is none."""
        if not journey_or_meeting(event, country_of.get(event.who), title_of.get(event.who)):
            item: dict[str, object] = {
                "who": event.who,
                "kind": event.kind,
                "place": event.place,
                "n": event.n,
            }
            reason = "no word of travel (or no one met), and nothing says they were abroad there"
            self.dropped.append(Dropped(kind="visit", item=item, reason=reason))
            return None
        event = dated_by_the_trip(event)
        status, dates = status_and_dates(event, self.ctx.published)
        fields = place_and_day(event.place, event.when, dates)
        if fields["destination_country"] is None:  # a venue; a host's country, where a guest
            # is welcomed to one, is known better (stated_trips: "the Belem Palace")
            fields["destination_country"] = self._venue(event.place)
        return Visit(
            kind="meeting" if event.kind == "meeting" else "trip",
            status=status,
            traveler=event.who,
            traveler_country=country_of.get(event.who),
            met=[event.met] if event.met else [],
            evidence=list(event.evidence),
            **fields,
        )

    # ---------------------------------------------------------------- 3. aims

    def stated_aims(self) -> list[StatedAim]:
        """Sentences with attribution or purpose cues that state an aim: all of them unless
        the model judges (``ProviderSpec.judges``); their stater is read from the sentence."""
        found = candidates(self.numbered, "aim_cues")
        if not self.backend.spec.judges:
            return self._unjudged(ground_aims, UnjudgedAim, found)
        out: list[StatedAim] = []
        for batch in _batches(found, pass_settings().aim_batch):
            numbers = tuple(c.n for c in batch)
            cues = {c.n: c.cues for c in batch}
            model = partial(aims_reply, numbers)
            task = self._task("aims", numbers)
            ground = partial(_ground_cued, ground_aims, cues=cues)
            answer = self._ask("aims", task, model, AIMS, len(numbers), ground)
            out.extend(answer.grounded.items)
        return out

    # ---------------------------------------------------------------- 4. hedges

    def hedged_claims(self, people: Sequence[Person]) -> list[HedgedClaim]:
        """Sentences with hedge cues that speculate: all of them unless the model judges;
        who voices each is read from the sentence."""
        found = candidates(self.numbered, "hedge_cues")
        if not self.backend.spec.judges:
            return self._unjudged(ground_hedges, UnjudgedHedge, found)
        speakers = (*(p.name for p in people), *GENERIC_VOICES)
        out: list[HedgedClaim] = []
        for batch in _batches(found, pass_settings().hedge_batch):
            numbers = tuple(c.n for c in batch)
            cues = {c.n: c.cues for c in batch}
            model = partial(hedges_reply, numbers, speakers)
            task = self._task("hedges", numbers)
            ground = partial(_ground_cued, ground_hedges, cues=cues)
            answer = self._ask("hedges", task, model, HEDGES, len(numbers), ground)
            out.extend(answer.grounded.items)
        return out

    def _unjudged(
        self, ground: Any, verdict: type[UnjudgedAim | UnjudgedHedge], found: Sequence[Candidate]
    ) -> list[Any]:
        """Every candidate grounded as if the model had said yes to it, without asking."""
        cues = {c.n: c.cues for c in found}
        grounded: Grounded[Any] = ground([verdict(n=c.n) for c in found], self.ctx, cues)
        self.dropped.extend(grounded.dropped)
        return grounded.items


def with_office_holder(known: Person, holder: OfficeHolder, text: str) -> Person:
    """A person the model named, completed by what the office pattern read at their name:
    official where the office is a state's, the office where the model gave none, and the
    country the article writes before the office ("US President Donald Trump" is the United
    States' whatever the model answered), else the model's, else one carried over a list."""
    own = holder.country if holder.own_country else None
    # The office as printed, read as the model's title is ("Kremlin spokesman" where the
    # pattern reads "spokesman" before the name).
    printed = [span.text for span in known.evidence]
    return Person(
        known.name,
        known.official or _holds_office(holder, text, named_as_person=True),
        known.title or fuller_title(holder.office, known.name, printed),
        own or known.country or holder.country,
        known.evidence,
    )


def _same_person(people: Sequence[Person], name: str) -> int | None:
    return next((i for i, p in enumerate(people) if same_name(p.name, name)), None)


def _ground_with(
    ground: Any, drafts: list[Any], ctx: ArticleContext, *, numbers: tuple[int, ...]
) -> Grounded[Any]:
    result: Grounded[Any] = ground(drafts, ctx, numbers)
    return result


def _ground_cued(
    ground: Any, drafts: list[Any], ctx: ArticleContext, *, cues: dict[int, tuple[str, ...]]
) -> Grounded[Any]:
    result: Grounded[Any] = ground(drafts, ctx, cues)
    return result


_MINISTER = re.compile(r"\bminist(?:er|ry)\b", re.IGNORECASE)


def _with_office_after(person: Person, text: str) -> Person:
    """An official with no title takes the office the article sets off after their name."""
    if not person.official or person.title:
        return person
    office = office_after(person.name, text)
    if office is None:
        return person
    return Person(person.name, person.official, office, person.country, person.evidence)


def _with_counterpart_country(person: Person, text: str) -> Person:
    """A person called someone's counterpart takes the country the article writes there."""
    country = counterpart_country(person.name, text)
    if country is None or country_key(person.country) == country:
        return person
    return replace(person, country=country_display(country))


def official_country(title: str | None, country: str | None) -> str | None:
    """The key of the country an official serves: the one their office opens with ("US
    Secretary of State" is the United States' whatever the model says), else the model's,
    else one the office names elsewhere."""
    return (
        _country_in_title(title, leading=True) or country_key(country) or _country_in_title(title)
    )


_PREPOSITION = re.compile(r"\b(?:for|of|to|in|at|with|on)\b", re.IGNORECASE)


def _country_in_title(title: str | None, *, leading: bool = False) -> str | None:
    """The country an office names by a country word or a known city (:func:`find_country`
    knows both: "Lyon Bank President" is France's), for an official the article gives no
    country otherwise. With ``leading``, only a country the office opens with, before any
    preposition ("US Secretary of State", "new US defence secretary"): the state it is an
    office of, which outweighs the model's country ("Ambassador to Japan" names where the
    office is held, not whose; "special envoy for the Syrian settlement" its subject)."""
    words = re.findall(r"[A-Z][\w'\u2019-]*", title or "")
    if leading and words and _PREPOSITION.search((title or "").split(words[0])[0]):
        return None  # "special envoy for the Syrian settlement": its subject, not its state
    for size in (2, 1):
        for k in range(1 if leading else len(words) - size + 1):
            if (found := find_country(" ".join(words[k : k + size]))) is not None:
                return found.key
    return None


def _holds_office(holder: OfficeHolder, text: str, *, named_as_person: bool = False) -> bool:
    """Whether the capitalized office before a name is a state office its holder holds.

    A country before the office makes it a state's ("Estonian Minister"), and a minister
    serves a state whatever the article calls the country. Otherwise news style is the
    evidence: a formal office is capitalized before a name ("President Ana Ruiz"; an
    occupation is not: "economist Ana Ruiz"). An office, a military rank or a title of
    nobility in ``nameparser``'s vocabulary ("President", "Mayor", "Gen.") makes a holder;
    a word that only modifies one ("Federal Budget Committee": the office "Federal", the
    name "Budget Committee") never reaches here. For other titles, that the name is a
    person's comes from the people pass (``named_as_person``) or from the article naming
    them again by surname alone ("Ruiz said"). The model's own "official: false" does not
    outweigh this: it says so of presidents.
    """
    if holder.former:
        return False
    if holder.country is not None or _MINISTER.search(holder.office):
        return True
    if outside_government(holder.office):
        return False
    return named_as_person or names_a_post(head_words(holder.office)) or named_again(holder, text)


@dataclass(frozen=True)
class _HolderDraft:
    """An office-pattern match in the shape of a people draft, to ground it the same way."""

    name: str
    official: bool
    title: str | None
    country: str | None

    @classmethod
    def of(cls, holder: OfficeHolder, text: str) -> _HolderDraft:
        return cls(
            name=holder.name,
            official=_holds_office(holder, text),
            title=holder.office,
            country=holder.country,
        )

    def model_dump(self) -> dict[str, object]:
        return {"name": self.name, "title": self.title, "country": self.country}


def extract(backend: Backend, article: Article) -> Extraction:
    """Run every pass over ``article`` (chunk by chunk when it is long) into an Extraction.

    Raises :class:`ExtractionError` when every question failed: an empty extraction would
    pass for an article that names nobody.
    """
    meta = read_metadata(article.text, article.page)
    body = strip_furniture(article.text)
    chunks = split_body(body, backend.spec.window_chars)
    runs = [ExtractionRun(backend, chunk, meta.published) for chunk in chunks]
    officials: list[Official] = []
    visits: list[Visit] = []
    aims: list[StatedAim] = []
    hedges: list[HedgedClaim] = []
    named: list[str] = []
    with metering() as usage:
        for run in runs:
            people = run.people()
            named += (p.name for p in people)
            officials += run.officials(people)
            visits += run.events(people)
            aims += run.stated_aims()
            hedges += run.hedged_claims(people)
    passes = sum(run.passes for run in runs)
    if passes and all(run.failed_passes == run.passes for run in runs):
        first = next((w for run in runs for w in run.warnings), "no reason given")
        raise ExtractionError(first, questions=passes)
    alias_of = aliases(body.text, named)
    officials, visits = under_one_name(officials, visits, alias_of)
    named = [n for n in named if n not in alias_of]
    visits, hosts = fold_hosts(add_stops(fold_visits(visits), named, meta.published))
    visits = fold_retold(done_before_page(visits, meta.published))
    visits, alone = alone_at_home(date_companions(placed_by_home(visits)))
    officials = host_countries(fold_officials(officials), visits)
    visits, not_officials = officials_trips(visits, officials)
    visits, posted = at_their_post(visits, officials)
    return Extraction(
        source=source_record(article, meta, body),
        model=backend.info,
        visits=visits,
        officials=officials,
        stated_aims=fold_by_evidence(aims),
        hedged_claims=fold_by_evidence(hedges),
        dropped=[d for run in runs for d in run.dropped] + hosts + alone + not_officials + posted,
        input_notes=_input_notes(article, body, chunks, backend),
        warnings=list(dict.fromkeys(w for run in runs for w in run.warnings)),
        usage=usage,
    )


def source_record(article: Article, meta: ArticleMetadata, body: Body | None = None) -> Source:
    """What the extraction says about the article itself; ``body`` adds what was removed."""
    return Source(
        path=str(article.path),
        sha256=article.sha256,
        chars=len(article.text),
        title=meta.title,
        outlet=meta.outlet,
        byline=meta.byline,
        published=meta.published.isoformat() if meta.published else None,
        dateline=meta.dateline,
        furniture=list(body.removed) if body is not None else [],
        text_basis=article.basis,
        text=article.text if article.basis != "file" else None,
    )


def _input_notes(
    article: Article, body: Body, chunks: Sequence[Body], backend: Backend
) -> list[str]:
    """What was guessed or removed before the model saw the text."""
    notes = list(article.notes)
    if body.injected:
        quoted = "; ".join(repr(s.text.strip()[:80]) for s in body.injected)
        notes.append(
            f"removed {len(body.injected)} sentence(s) addressed to the model, not the reader "
            f"(possible prompt injection), before the model saw the text: {quoted}"
        )
    if len(chunks) > 1:
        notes.append(
            f"the article body ({len(body.text)} characters) is longer than the "
            f"{backend.spec.window_chars}-character window for {backend.spec.label}: "
            f"extracted in {len(chunks)} overlapping chunks and merged"
        )
    return notes
