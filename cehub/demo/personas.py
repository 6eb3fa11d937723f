"""The synthetic partnership's agencies, teams and one demo persona per role.

Who they are is data (``data/personas.yaml``); this module reads it once.
"""

from __future__ import annotations

from dataclasses import dataclass

from cehub.core.roles import AgencyKind, Role

from .datafiles import DemoDataError, Entry, datafile, record

DEMO_EMAIL_DOMAIN = "demo.cehub.test"


@dataclass(frozen=True)
class DemoAgency:
    name: str
    kind: AgencyKind
    teams: tuple[tuple[str, bool], ...]  # (team name, is a hub team)


@dataclass(frozen=True)
class DemoPersona:
    role: Role
    full_name: str
    agency: str
    team: str | None
    job_title: str

    @property
    def email(self) -> str:
        return f"{self.role.value}@{DEMO_EMAIL_DOMAIN}"


@record
def _team(row: Entry) -> tuple[str, bool]:
    return row["name"].text(), row["hub_team"].flag()


@record
def _agency(row: Entry) -> DemoAgency:
    return DemoAgency(
        name=row["name"].text(),
        kind=row["kind"].member(AgencyKind),
        teams=tuple(_team(team) for team in row["teams"].each()),
    )


@record
def _persona(row: Entry) -> DemoPersona:
    return DemoPersona(
        role=row["role"].member(Role),
        full_name=row["full_name"].text(),
        agency=row["agency"].one_of((a.name for a in AGENCIES), "an agency in personas.yaml"),
        team=row["team"].optional_text(),
        job_title=row["job_title"].text(),
    )


_data = datafile("personas")
AGENCIES = tuple(_agency(row) for row in _data["agencies"].each())
PERSONAS = tuple(_persona(row) for row in _data["personas"].each())
_data.no_other_keys()
if sorted(p.role for p in PERSONAS) != sorted(Role):
    raise DemoDataError(f"{_data.file}: personas: there must be one persona for each role")

# The personas the demo's stories are written by, by email.
PERSONA_EMAIL = {persona.role: persona.email for persona in PERSONAS}
REFERRER = PERSONA_EMAIL[Role.REFERRER]
HUB_PRACTITIONER = PERSONA_EMAIL[Role.HUB_PRACTITIONER]
HUB_MANAGER = PERSONA_EMAIL[Role.HUB_MANAGER]
INTELLIGENCE_OFFICER = PERSONA_EMAIL[Role.INTELLIGENCE_OFFICER]
