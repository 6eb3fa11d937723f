"""Normalisers and validators for the identifiers people type into CE Hub.

Every function takes what someone typed and returns the canonical stored form, or raises
``InvalidIdentifier`` whose ``message`` is ready to show in a GOV.UK error message. They are
pure (no database, no settings), so models, forms, imports and search all share them. Each
module's docstring records what is accepted and why.

Django form fields built on these are in ``cehub.core.identifier_fields``.
"""

from __future__ import annotations

from .errors import InvalidIdentifier
from .handles import PLATFORMS, normalise_online_handle, normalise_platform
from .names import MAX_NAME_LENGTH, name_search_key, normalise_person_name
from .nhs import format_nhs_number, nhs_check_digit, normalise_nhs_number
from .phones import format_phone, normalise_phone
from .postcodes import (
    normalise_postcode,
    normalise_postcode_prefix,
    postcode_area,
    postcode_outward,
    postcode_sector,
)
from .vehicles import (
    RegistrationFormat,
    format_vehicle_registration,
    normalise_vehicle_registration,
    vehicle_registration_format,
)

__all__ = [
    "MAX_NAME_LENGTH",
    "PLATFORMS",
    "InvalidIdentifier",
    "RegistrationFormat",
    "format_nhs_number",
    "format_phone",
    "format_vehicle_registration",
    "name_search_key",
    "nhs_check_digit",
    "normalise_nhs_number",
    "normalise_online_handle",
    "normalise_person_name",
    "normalise_phone",
    "normalise_platform",
    "normalise_postcode",
    "normalise_postcode_prefix",
    "normalise_vehicle_registration",
    "postcode_area",
    "postcode_outward",
    "postcode_sector",
    "vehicle_registration_format",
]
