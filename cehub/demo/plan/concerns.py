"""Concerns in the demo partnership: what a professional writes about a child, and how.

A background concern follows one of the scenarios in ``concerns.yaml``, naming places, vehicles,
phones, accounts and adults drawn from the pools; a network's concerns follow its beats
(``networks.yaml``). Either way the same professional habits apply: how the writer names the
child, what else they know about them, whether the family know and agreed to the referral.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from cehub.intake.models import Awareness, ExploitationForm
from cehub.intake.submit.services import ConcernSubmission, Involved
from cehub.people.models import Gender, Sex

from .. import catalogue as cat
from .. import narratives as text
from ..draws import LONDON, weighted
from ..networks import Beat, Network
from .authors import Authors, kind_of
from .specs import AdultSpec, ChildSpec, ConcernPlan, Mentioned, PlaceSpec, Pools
from .triage import TriagePlanner


@dataclass(kw_only=True)
class ConcernWriter:
    """Writes each concern: its text, what else the writer knows, and its triage."""

    rng: random.Random
    pools: Pools
    authors: Authors
    triage: TriagePlanner

    def background(
        self, child: ChildSpec, at: datetime, state: str, author: tuple[str, str] | None = None
    ) -> ConcernPlan:
        """A concern about a child outside the networks, triaged as far as ``state`` says."""
        rng = self.rng
        email, tag = author or self.authors.concern_author(child)
        scenarios = [
            s
            for s in text.SCENARIOS
            if child.form in s.forms and (child.sex == Sex.FEMALE or not s.female_only)
        ]
        scenario = rng.choice(scenarios)
        voice, only_known_as = self.voice_for(child)
        slots = self.common_slots(voice, tag)
        named = Mentioned()
        extra: list[str] = []

        def add_adult() -> str:
            adult = self.pools.adults.take(rng)
            with_details = rng.random() < 0.93
            named.people.append(adult.reported(named=with_details))
            if with_details:
                named.adults.append(adult)
            # Referrers and children use the street name; the form carries the full name.
            return adult.street_name

        if "place" in scenario.needs:
            place = self.scenario_place(scenario, child)
            named.places.append(place)
            slots["place"] = place.label
        if "vehicle" in scenario.needs:
            vehicle = self.pools.vehicles.take(rng)
            named.vehicles.append(vehicle)
            slots["vehicle"] = vehicle.description
        if "phone" in scenario.needs:
            phone = self.pools.phones.take(rng)
            named.phones.append(phone)
            slots["phone"] = phone.number
        if "account" in scenario.needs:
            account = self.pools.accounts.take(rng)
            named.accounts.append(account)
            slots["handle"], slots["platform"] = account.handle, account.platform_label
        if "adult" in scenario.needs:
            slots["adult"] = add_adult()
        elif rng.random() < 0.22:
            who = add_adult()
            extra.append(text.fill(text.EXTRA_DETAILS["adult"], voice, adult=who))
        if named.people and not named.phones and rng.random() < 0.5:
            phone = self.pools.phones.take(rng)
            named.phones.append(phone)
            extra.append(text.fill(text.EXTRA_DETAILS["phone"], voice, phone=phone.number))
        if not named.vehicles and rng.random() < 0.1:
            vehicle = self.pools.vehicles.take(rng)
            named.vehicles.append(vehicle)
            extra.append(
                text.fill(
                    text.EXTRA_DETAILS["vehicle"],
                    voice,
                    vehicle=vehicle.description,
                    registration=vehicle.registration,
                )
            )
        sentences = [text.fill(rng.choice(scenario.openings), voice, **slots)]
        sentences += [
            text.fill(s, voice, **slots)
            for s in rng.sample(scenario.details, k=min(len(scenario.details), rng.randint(1, 2)))
        ]
        sentences += extra
        if rng.random() < 0.2:
            quote = rng.choice(text.CHILD_WORDS[scenario.forms[0]])
            sentences.append(f'{voice.name} said: "{quote}"')
        if rng.random() < 0.6:
            sentences.append(text.fill(rng.choice(text.CLOSINGS), voice))
        forms = [scenario.forms[0]]
        if len(scenario.forms) > 1 and rng.random() < 0.4:
            forms.append(scenario.forms[1])
        return self.concern(
            child=child,
            at=at,
            author=(email, tag),
            voice_and_name=(voice, only_known_as),
            what=" ".join(sentences),
            forms=forms,
            involved=named.involved(),
            where=named.places[0].label if named.places else "",
            adults=tuple(named.adults),
            state=state,
            clear=scenario.clear_harm,
        )

    def from_network(
        self,
        child: ChildSpec,
        at: datetime,
        beat: Beat,
        net: Network,
        *,
        slots: dict[str, str],
        named: Mentioned,
    ) -> ConcernPlan:
        """A concern about a network's child, telling one of its beats; always fully triaged."""
        rng = self.rng
        voice, only_known_as = self.voice_for(child)
        email, tag = self.authors.concern_author(child, beat.authors)
        slots = slots | self.common_slots(voice, tag)
        what = text.fill(beat.text, voice, **slots)
        if rng.random() < 0.5:
            what += " " + text.fill(rng.choice(text.CLOSINGS), voice)
        return self.concern(
            child=child,
            at=at,
            author=(email, tag),
            voice_and_name=(voice, only_known_as),
            what=what,
            forms=beat.forms,
            involved=named.involved(),
            where=named.places[0].label if named.places else "",
            adults=tuple(named.adults),
            state="full",
            clear=True,
            to_group=bool(net.group_name),
            network=net.key,
        )

    def concern(
        self,
        *,
        child: ChildSpec,
        at: datetime,
        author: tuple[str, str],
        voice_and_name: tuple[text.Voice, bool],
        what: str,
        forms: Sequence[ExploitationForm],
        involved: Involved,
        where: str,
        adults: tuple[AdultSpec, ...],
        state: str,
        clear: bool,
        to_group: bool = False,
        network: str = "",
    ) -> ConcernPlan:
        email, tag = author
        voice, only_known_as = voice_and_name
        submission = self.submission(
            child=child,
            voice=voice,
            only_known_as=only_known_as,
            tag=tag,
            what=what,
            forms=forms,
            at=at,
            involved=involved,
            where=where,
        )
        return ConcernPlan(
            at=at,
            author=email,
            child=child,
            submission=submission,
            adults=adults,
            triage=self.triage.plan(
                at,
                state,
                form=forms[0],
                consent=submission.consent_given,
                voice=voice,
                clear=clear,
            ),
            to_group=to_group,
            network=network,
        )

    def voice_for(self, child: ChildSpec) -> tuple[text.Voice, bool]:
        """How the referrer names the child; True if only by the name the child is known by."""
        only_known_as = bool(child.known_as) and self.rng.random() < 0.1
        uses_known_as = child.gender in {Gender.MAN_OR_BOY, Gender.WOMAN_OR_GIRL}
        if child.known_as and (self.rng.random() < 0.3 or uses_known_as):
            name = child.known_as
        else:
            name = child.given
        return text.Voice.for_pronouns(name, child.pronouns), only_known_as

    def common_slots(self, voice: text.Voice, tag: str) -> dict[str, str]:
        rng = self.rng
        observers = cat.OBSERVERS[kind_of(tag)]
        return {
            "observer": text.fill(rng.choice(observers), voice),
            "time": rng.choice(text.TIMES),
            "day": rng.choice(text.DAYS),
            "cash": str(rng.choice((80, 150, 200, 300, 450, 600))),
            "debt": str(rng.choice((200, 400, 500, 800, 1200))),
            "days": str(rng.randint(2, 6)),
        }

    def submission(
        self,
        *,
        child: ChildSpec,
        voice: text.Voice,
        only_known_as: bool,
        tag: str,
        what: str,
        forms: Sequence[ExploitationForm],
        at: datetime,
        involved: Involved,
        where: str,
    ) -> ConcernSubmission:
        rng = self.rng
        kind = kind_of(tag)
        words = ""
        if rng.random() < 0.7:
            quote = rng.choice(text.CHILD_WORDS[forms[0]])
            words = f'"{quote}" ' + text.fill(rng.choice(text.WISHES), voice)
        child_aware = weighted(
            rng, ((Awareness.YES, 0.6), (Awareness.NO, 0.25), (Awareness.NOT_SURE, 0.15))
        )
        family_aware = weighted(
            rng, ((Awareness.YES, 0.55), (Awareness.NO, 0.3), (Awareness.NOT_SURE, 0.15))
        )
        consent = (
            Awareness.YES
            if child_aware == Awareness.YES and family_aware == Awareness.YES and rng.random() < 0.7
            else weighted(rng, ((Awareness.NO, 0.7), (Awareness.NOT_SURE, 0.3)))
        )
        danger = rng.random() < 0.06
        knows_dob = kind in {"education", "childrens-social-care", "health", "youth-justice"} or (
            rng.random() < 0.6
        )
        age_now = (at.date() - child.date_of_birth).days // 365
        happened = (
            at.astimezone(LONDON) - timedelta(days=rng.choice((0, 0, 1, 1, 2, 3, 6)))
        ).date()
        return ConcernSubmission(
            child_given_name="" if only_known_as else child.given,
            child_family_name="" if only_known_as else child.family,
            child_known_as=child.known_as if (only_known_as or rng.random() < 0.5) else "",
            child_date_of_birth=child.date_of_birth if knows_dob else None,
            child_age_estimate=None if knows_dob else max(10, age_now + rng.choice((-1, 0, 1))),
            child_nhs_number=child.nhs_number if kind == "health" else "",
            child_address=child.address if rng.random() < 0.7 else "",
            child_postcode=child.postcode if rng.random() < 0.7 else "",
            child_school=child.school.name if kind == "education" or rng.random() < 0.6 else "",
            what_happened=what,
            happened_on=happened,
            happened_where=where,
            forms_suspected=list(forms),
            child_words=words,
            child_aware=child_aware,
            family_aware=family_aware,
            consent_given=consent,
            no_consent_reason=""
            if consent == Awareness.YES
            else text.fill(
                rng.choice(
                    text.NO_CONSENT_REASONS_FAMILY_AWARE
                    if family_aware == Awareness.YES
                    else text.NO_CONSENT_REASONS
                ),
                voice,
            ),
            immediate_danger=danger,
            immediate_action_taken=text.fill(rng.choice(text.IMMEDIATE_ACTIONS), voice)
            if danger
            else "",
            involved=involved,
        )

    def scenario_place(self, scenario: text.Scenario, child: ChildSpec) -> PlaceSpec:
        if "school" in scenario.place_kinds and self.rng.random() < 0.35:
            return child.school
        kinds = scenario.place_kinds - {"school"}
        return self.pools.places.take(self.rng, lambda p: p.kind in kinds)
