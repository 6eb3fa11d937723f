"""The synthetic partnership's agencies, teams and one demo persona per role."""

from __future__ import annotations

from dataclasses import dataclass

from cehub.core.roles import AgencyKind, Role

DEMO_EMAIL_DOMAIN = "demo.cehub.test"


@dataclass(frozen=True)
class DemoAgency:
    name: str
    kind: AgencyKind
    teams: tuple[tuple[str, bool], ...]  # (team name, is a hub team)


AGENCIES: tuple[DemoAgency, ...] = (
    DemoAgency(
        "Northvale Police",
        AgencyKind.POLICE,
        (("Exploitation Hub (Police)", True), ("Neighbourhood Policing North", False)),
    ),
    DemoAgency(
        "Northvale Children's Services",
        AgencyKind.CHILDRENS_SOCIAL_CARE,
        (("Exploitation Hub (Social Care)", True), ("Front Door", False)),
    ),
    DemoAgency(
        "Northvale Integrated Care Board",
        AgencyKind.HEALTH,
        (("Safeguarding Children (Health)", True),),
    ),
    DemoAgency("Riverside Academy", AgencyKind.EDUCATION, (("Pastoral Team", False),)),
    DemoAgency(
        "Northvale Youth Justice Service", AgencyKind.YOUTH_JUSTICE, (("Youth Justice", False),)
    ),
    DemoAgency(
        "Safe Steps Youth Charity", AgencyKind.VOLUNTARY, (("Return Home Interviews", False),)
    ),
    DemoAgency(
        "Northvale Safeguarding Partnership",
        AgencyKind.OTHER,
        (("Partnership Business Unit", False),),
    ),
)


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


# Names are invented; any resemblance to real people is coincidence.
PERSONAS: tuple[DemoPersona, ...] = (
    DemoPersona(
        Role.REFERRER,
        "Priya Shah",
        "Riverside Academy",
        "Pastoral Team",
        "Designated safeguarding lead",
    ),
    DemoPersona(
        Role.HUB_PRACTITIONER,
        "Sam Okafor",
        "Northvale Children's Services",
        "Exploitation Hub (Social Care)",
        "Exploitation social worker",
    ),
    DemoPersona(
        Role.HUB_MANAGER,
        "Helen Marsh",
        "Northvale Children's Services",
        "Exploitation Hub (Social Care)",
        "Hub team manager",
    ),
    DemoPersona(
        Role.INTELLIGENCE_OFFICER,
        "DC Tom Reilly",
        "Northvale Police",
        "Exploitation Hub (Police)",
        "Intelligence officer",
    ),
    DemoPersona(
        Role.ANALYST,
        "Grace Lin",
        "Northvale Police",
        "Exploitation Hub (Police)",
        "Intelligence analyst",
    ),
    DemoPersona(
        Role.PARTNERSHIP_LEAD,
        "Martin Doyle",
        "Northvale Safeguarding Partnership",
        "Partnership Business Unit",
        "Partnership business manager",
    ),
    DemoPersona(
        Role.PRIVACY_OFFICER,
        "Aisha Begum",
        "Northvale Integrated Care Board",
        "Safeguarding Children (Health)",
        "Data protection officer",
    ),
    DemoPersona(
        Role.SYSTEM_ADMINISTRATOR,
        "Chris Evans",
        "Northvale Safeguarding Partnership",
        None,
        "Systems administrator",
    ),
)
