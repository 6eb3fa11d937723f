"""The roles people hold in a hub and the kinds of agency they work for.

In core because the access policy (``core.access``) and the access log read them, and every
app builds on core; the detail of what each role may do is in ``core.access``.
"""

from django.db import models


class Role(models.TextChoices):
    REFERRER = "referrer", "Referrer"
    HUB_PRACTITIONER = "hub-practitioner", "Hub practitioner"
    HUB_MANAGER = "hub-manager", "Hub manager"
    INTELLIGENCE_OFFICER = "intelligence-officer", "Intelligence officer"
    ANALYST = "analyst", "Analyst"
    PARTNERSHIP_LEAD = "partnership-lead", "Partnership lead"
    PRIVACY_OFFICER = "privacy-officer", "Privacy officer"
    SYSTEM_ADMINISTRATOR = "system-administrator", "System administrator"


# Roles that work inside the hub and so may see hub records (subject to relationships later).
HUB_ROLES = frozenset({Role.HUB_PRACTITIONER, Role.HUB_MANAGER, Role.INTELLIGENCE_OFFICER})


class AgencyKind(models.TextChoices):
    POLICE = "police", "Police"
    CHILDRENS_SOCIAL_CARE = "childrens-social-care", "Children's social care"
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education"
    YOUTH_JUSTICE = "youth-justice", "Youth justice"
    VOLUNTARY = "voluntary", "Voluntary sector"
    OTHER = "other", "Other"
