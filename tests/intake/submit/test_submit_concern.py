"""A professional raises a concern about a child: one form, check answers, send, reference."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cehub.accounts.models import User
from cehub.contexts.models import Link, Location, Object, ObjectKind
from cehub.core.models import AccessAction, AccessEvent
from cehub.core.roles import Role
from cehub.intake.models import Concern, InvolvementRole
from cehub.intake.submit.services import Involved, ReportedPerson
from cehub.language.models import KeptWording
from cehub.language.review import REVIEW_FIELD
from cehub.people.models import Person, PersonCategory
from tests.factories import submit_concern
from tests.html import error_summary
from tests.intake.pages import refused
from tests.intake.submit.report_pages import CONCERN, GROUPS, management

pytestmark = pytest.mark.django_db

START, CHECK = CONCERN.start, CONCERN.check
draft_key, send = CONCERN.draft_key, CONCERN.send


def involved() -> dict[str, str]:
    """An adult, a car, a phone, a place and an online account, as a teacher might type them."""
    return {
        "people-0-kind": "adult",
        "people-0-given_name": "",
        "people-0-family_name": "",
        "people-0-known_as": "Tall Dee",
        "people-0-age": "25",
        "people-0-date_of_birth_day": "",
        "people-0-date_of_birth_month": "",
        "people-0-date_of_birth_year": "",
        "people-0-description": "Waits outside the school gates in the afternoons",
        "places-0-name": "Chicken Palace",
        "places-0-kind": "takeaway",
        "places-0-address": "4 High Street",
        "places-0-postcode": "ls1 4ap",
        "vehicles-0-registration": "ab12 cde",
        "vehicles-0-description": "Silver Ford Focus",
        "phones-0-number": "07700 900123",
        "accounts-0-platform": "snapchat",
        "accounts-0-handle": "@Dee.Moves",
    }


def concern_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "child_given_name": "Kai",
        "child_family_name": "Morgan",
        "child_known_as": "",
        "child_date_of_birth_day": "4",
        "child_date_of_birth_month": "3",
        "child_date_of_birth_year": "2011",
        "child_age_estimate": "",
        "child_nhs_number": "943 476 5919",
        "child_address": "12 Mill Lane",
        "child_postcode": "ls2 7ue",
        "child_school": "Riverside Academy",
        "what_happened": "Kai has been collected from school by an adult in a silver car.",
        "happened_on_day": "2",
        "happened_on_month": "2",
        "happened_on_year": "2026",
        "happened_where": "Outside the school gates",
        "forms_suspected": ["cse", "cce"],
        "child_words": '"He buys me food and says I owe him."',
        "child_aware": "yes",
        "family_aware": "no",
        "consent_given": "no",
        "no_consent_reason": "Telling the family could make things more dangerous for Kai.",
        "immediate_danger": "no",
        "immediate_action_taken": "",
        **management(),
        **involved(),
    }
    data.update(overrides)
    return data


# --- The happy path --------------------------------------------------------------------------
def test_the_start_page_tells_people_to_call_999_before_anything_else(
    signed_in: Callable[[User], Client], teacher: User
) -> None:
    response = signed_in(teacher).get(START)
    assert response.status_code == 200
    html = response.content.decode()
    warning = html.index("govuk-warning-text")
    assert "If a child is in immediate danger, call 999 now" in html
    assert "children's services out-of-hours line" in html
    # Straight after the heading, before any question.
    assert html.index("<h1") < warning < html.index(f'action="{START}"')
    # One blank row of each group, with its "Add another" button.
    for prefix in GROUPS:
        assert f'name="{prefix}-TOTAL_FORMS" value="1"' in html
        assert f'name="add_another" value="{prefix}"' in html
    assert 'id="id_people-1-kind"' not in html


def test_a_teacher_raises_a_concern_end_to_end(
    signed_in: Callable[[User], Client], teacher: User
) -> None:
    client = signed_in(teacher)
    response = client.post(START, concern_data())
    assert response.status_code == 302, error_summary(response)
    # Nothing reaches the hub until the teacher presses send.
    assert Concern.objects.count() == 0
    draft = client.session[draft_key(teacher)]
    assert draft["form"]["child_date_of_birth"] == "2011-03-04"
    assert draft["vehicles"] == [{"registration": "AB12CDE", "description": "Silver Ford Focus"}]

    check = client.get(CHECK)
    assert check.status_code == 200
    html = check.content.decode()
    for shown in (
        "Check your answers before sending your concern",
        "Kai",
        "4 March 2011",
        "943 476 5919",
        "LS2 7UE",
        "Child sexual exploitation",
        "Child criminal exploitation, including county lines",
        "AB12 CDE",
        "07700 900123",
        "Tall Dee",
        "Approximate age",
        "Chicken Palace",
        "Takeaway or restaurant",
        "dee.moves",
        "&quot;He buys me food and says I owe him.&quot;",
        "No, or I have not asked",
    ):
        assert shown in html, shown
    assert html.count("govuk-summary-card__actions") == 11  # 6 sections, 5 items
    assert f'href="{START}#child"' in html
    assert f'href="{START}#vehicles-1"' in html

    response = client.post(CHECK)
    concern = Concern.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("intake:concern_submitted", args=[concern.pk])
    assert draft_key(teacher) not in client.session

    assert re.fullmatch(r"CON-[2-9A-HJ-NP-Z]{8}", concern.reference)
    assert concern.submitted_by == teacher
    assert concern.submitting_agency == teacher.agency
    assert (concern.child_given_name, concern.child_family_name) == ("Kai", "Morgan")
    assert concern.child_date_of_birth == date(2011, 3, 4)
    assert concern.child_nhs_number == "9434765919"
    assert concern.child_postcode == "LS2 7UE"
    assert concern.happened_on == date(2026, 2, 2)
    assert concern.forms_suspected == ["cse", "cce"]
    assert concern.child_words == '"He buys me food and says I owe him."'
    assert (concern.child_aware, concern.family_aware, concern.consent_given) == (
        "yes",
        "no",
        "no",
    )
    assert concern.immediate_danger is False

    involvements = {row.role: row for row in concern.involvements.select_related("node")}
    assert set(involvements) == {
        InvolvementRole.ADULT,
        InvolvementRole.PLACE,
        InvolvementRole.VEHICLE,
        InvolvementRole.PHONE,
        InvolvementRole.ONLINE_ACCOUNT,
    }
    adult = Person.objects.get(node=involvements[InvolvementRole.ADULT].node)
    assert adult.category == PersonCategory.ADULT
    assert adult.given_name == "Tall Dee"
    assert adult.description.startswith("Approximate age 25.")
    vehicle = Object.objects.get(node=involvements[InvolvementRole.VEHICLE].node)
    assert (vehicle.registration, vehicle.description) == ("AB12CDE", "Silver Ford Focus")
    phone = Object.objects.get(node=involvements[InvolvementRole.PHONE].node)
    assert phone.phone_number == "+447700900123"
    account = Object.objects.get(node=involvements[InvolvementRole.ONLINE_ACCOUNT].node)
    assert (account.platform, account.handle) == ("snapchat", "dee.moves")
    place = Location.objects.get(node=involvements[InvolvementRole.PLACE].node)
    assert (place.name, place.kind, place.postcode) == ("Chicken Palace", "takeaway", "LS1 4AP")
    # The adult is linked to each thing in the same report, with the concern as the source.
    assert Link.objects.filter(from_node=adult.node, source_id=concern.pk).count() == 4

    created = AccessEvent.objects.filter(
        action=AccessAction.CREATE, object_type="concern", object_id=str(concern.pk)
    )
    assert created.count() == 1
    assert created.get().user == teacher

    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    page = confirmation.content.decode()
    assert "govuk-panel--confirmation" in page
    assert concern.reference in page
    assert "within 24 hours" in page
    assert "Record this referral in your own agency" in page
    assert reverse("intake:my_submissions") in page
    assert AccessEvent.objects.filter(
        action=AccessAction.VIEW,
        object_type="concern",
        object_id=str(concern.pk),
        details={"kind": "confirmation"},
        user=teacher,
    ).exists()


def test_the_same_vehicle_and_phone_typed_differently_are_one_node(
    signed_in: Callable[[User], Client], teacher: User, make_persona: Callable[..., User]
) -> None:
    first = send(signed_in(teacher), concern_data())
    nurse = make_persona(Role.REFERRER, full_name="Jo Hale")
    second = send(
        signed_in(nurse),
        concern_data(**{"vehicles-0-registration": "AB12CDE", "phones-0-number": "+447700900123"}),
    )
    assert Object.objects.filter(kind=ObjectKind.VEHICLE).count() == 1
    assert Object.objects.filter(kind=ObjectKind.PHONE).count() == 1
    for role in (InvolvementRole.VEHICLE, InvolvementRole.PHONE):
        nodes = {
            first.involvements.get(role=role).node_id,
            second.involvements.get(role=role).node_id,
        }
        assert len(nodes) == 1, role
    assert Location.objects.count() == 1  # same name at the same postcode


def test_a_concern_with_only_a_known_as_name_and_no_groups(
    signed_in: Callable[[User], Client], teacher: User
) -> None:
    data = concern_data(
        child_given_name="",
        child_family_name="",
        child_known_as="KJ",
        child_date_of_birth_day="",
        child_date_of_birth_month="",
        child_date_of_birth_year="",
        child_age_estimate="14",
        child_nhs_number="",
        child_postcode="",
        forms_suspected=["not-sure"],
        consent_given="yes",
        no_consent_reason="",
        immediate_danger="yes",
        immediate_action_taken="Called 999, log 123 of today",
        **dict.fromkeys(involved(), ""),
    )
    concern = send(signed_in(teacher), data)
    assert concern.child_known_as == "KJ"
    assert concern.child_age_estimate == 14
    assert concern.child_date_of_birth is None
    assert concern.forms_suspected == ["not-sure"]
    assert concern.immediate_danger is True
    assert concern.immediate_action_taken == "Called 999, log 123 of today"
    assert concern.involvements.count() == 0  # blank rows are ignored


def test_another_young_person_is_recorded_as_a_child_not_an_adult(
    signed_in: Callable[[User], Client], teacher: User
) -> None:
    data = concern_data(
        **{
            "people-0-kind": "young-person",
            "people-0-given_name": "Leo",
            "people-0-known_as": "",
            "people-0-age": "",
        }
    )
    concern = send(signed_in(teacher), data)
    involvement = concern.involvements.get(role=InvolvementRole.YOUNG_PERSON)
    assert Person.objects.get(node=involvement.node).category == PersonCategory.CHILD


# --- Validation: specific messages, on the right field, nothing saved, values kept -----------
def _future() -> date:
    return timezone.localdate() + timedelta(days=30)


ERROR_CASES = [
    pytest.param(
        {"child_given_name": "", "child_family_name": "", "child_known_as": ""},
        "id_child_given_name",
        "Enter the child's name, or the name they are known by",
        id="no-child-name",
    ),
    pytest.param(
        {"what_happened": "   "},
        "id_what_happened",
        "Describe what you have seen or heard",
        id="no-description",
    ),
    pytest.param(
        {"consent_given": "not-sure", "no_consent_reason": ""},
        "id_no_consent_reason",
        "Say why the child or family have not agreed, or why you have not asked",
        id="consent-not-yes-without-reason",
    ),
    pytest.param(
        {"immediate_danger": "yes", "immediate_action_taken": ""},
        "id_immediate_action_taken",
        "Say what you have already done about the immediate danger (for example, called 999)",
        id="danger-without-action",
    ),
    pytest.param(
        {"child_postcode": "LS2 7CU!"},
        "id_child_postcode",
        "Enter a real postcode, like SW1A 1AA",
        id="bad-postcode",
    ),
    pytest.param(
        {"child_nhs_number": "943 476 5918"},
        "id_child_nhs_number",
        "Enter a valid NHS number – check the digits",
        id="bad-nhs-check-digit",
    ),
    pytest.param(
        {"phones-0-number": "12345"},
        "id_phones-0-number",
        "Enter a real phone number, like 07700 900 982 or +44 7700 900 982",
        id="bad-phone",
    ),
    pytest.param(
        {
            "child_date_of_birth_day": str(_future().day),
            "child_date_of_birth_month": str(_future().month),
            "child_date_of_birth_year": str(_future().year),
        },
        "id_child_date_of_birth_day",
        "Date of birth must be in the past",
        id="date-of-birth-in-the-future",
    ),
    pytest.param(
        {"child_date_of_birth_day": "31", "child_date_of_birth_month": "2"},
        "id_child_date_of_birth_day",
        "Date of birth must be a real date",
        id="date-of-birth-not-real",
    ),
    pytest.param(
        {"child_age_estimate": "19"},
        "id_child_age_estimate",
        "Approximate age must be 17 or less – the hub is for children",
        id="child-age-over-17",
    ),
    pytest.param(
        {"forms_suspected": []},
        "id_forms_suspected",
        "Select the forms of exploitation you suspect, or select Not sure",
        id="no-forms",
    ),
    pytest.param(
        {"forms_suspected": ["cse", "not-sure"]},
        "id_forms_suspected",
        "Select the forms of exploitation you suspect, or Not sure – not both",
        id="not-sure-and-a-form",
    ),
    pytest.param(
        {"child_aware": ""},
        "id_child_aware",
        "Select whether the child knows you are telling the hub",
        id="child-aware-missing",
    ),
    pytest.param(
        {"immediate_danger": ""},
        "id_immediate_danger",
        "Select yes if the child is in immediate danger",
        id="danger-missing",
    ),
    pytest.param(
        {"people-0-known_as": "", "people-0-given_name": ""},
        "id_people-0-given_name",
        "Enter the person's name, or the name they are known by",
        id="person-without-a-name",
    ),
    pytest.param(
        {"people-0-known_as": "D2"},
        "id_people-0-known_as",
        "When you do not know their real name, the name they are known by must only include "
        "letters, spaces, hyphens and apostrophes",
        id="person-street-name-not-a-name",
    ),
    pytest.param(
        {"people-0-kind": ""},
        "id_people-0-kind",
        "Select whether this person is an adult or another child",
        id="person-kind-missing",
    ),
    pytest.param(
        {"vehicles-0-registration": ""},
        "id_vehicles-0-registration",
        "Enter the registration number – if you do not know it, describe the vehicle where you "
        "say what you have seen or heard",
        id="vehicle-without-registration",
    ),
    pytest.param(
        {"accounts-0-handle": "dee moves"},
        "id_accounts-0-handle",
        "Username must not include spaces",
        id="bad-handle",
    ),
    pytest.param(
        {"accounts-0-platform": ""},
        "id_accounts-0-platform",
        "Select the app or website",
        id="account-without-platform",
    ),
    pytest.param(
        {"places-0-name": "", "places-0-address": "", "places-0-postcode": ""},
        "id_places-0-name",
        "Enter the name, address or postcode of the place",
        id="place-without-name-or-address",
    ),
]


@pytest.mark.parametrize(("overrides", "field_id", "message"), ERROR_CASES)
def test_each_mistake_is_explained_on_its_field_and_nothing_is_saved(
    signed_in: Callable[[User], Client],
    teacher: User,
    overrides: dict[str, Any],
    field_id: str,
    message: str,
) -> None:
    client = signed_in(teacher)
    response = client.post(START, concern_data(**overrides))
    # In the error summary, linked to the field, and beside the field.
    html = refused(response, message, on=field_id, alone=True)
    assert response.context["page"].is_valid() is False
    assert html.count(message.replace("'", "&#x27;")) == 2
    assert "<title>Error: " in html
    # Nothing saved, nothing waiting to be sent.
    assert Concern.objects.count() == 0
    assert Person.objects.count() == 0
    assert Object.objects.count() == 0
    assert draft_key(teacher) not in client.session
    # What the teacher typed is still there.
    kept = {
        "what_happened": "Kai has been collected from school by an adult in a silver car.",
        "child_school": 'value="Riverside Academy"',
        "vehicles-0-description": 'value="Silver Ford Focus"',
        "people-0-description": "Waits outside the school gates in the afternoons",
    }
    for key, fragment in kept.items():
        if key not in overrides:
            assert fragment in html, key
    for key, value in overrides.items():
        if isinstance(value, str) and value.strip() and not key.endswith(("_day", "_month")):
            assert value.replace("'", "&#x27;") in html, key


def test_several_mistakes_are_all_listed(
    signed_in: Callable[[User], Client], teacher: User
) -> None:
    data = concern_data(
        child_given_name="",
        child_family_name="",
        what_happened="",
        **{"vehicles-0-registration": "", "phones-0-number": "999"},
    )
    response = signed_in(teacher).post(START, data)
    assert len(error_summary(response)) == 4
    assert Concern.objects.count() == 0


# --- "Add another" ---------------------------------------------------------------------------
def test_add_another_adds_a_blank_row_and_keeps_everything_without_complaining(
    signed_in: Callable[[User], Client], teacher: User
) -> None:
    client = signed_in(teacher)
    # Half-finished: no description yet, which would be an error on "Continue".
    data = concern_data(what_happened="", add_another="vehicles")
    response = client.post(START, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" not in html
    assert "govuk-form-group--error" not in html
    assert 'name="vehicles-TOTAL_FORMS" value="2"' in html
    assert 'name="people-TOTAL_FORMS" value="1"' in html
    assert 'id="id_vehicles-1-registration"' in html
    assert "Vehicle 2" in html
    assert 'value="ab12 cde"' in html  # as typed
    assert f'formaction="{START}#vehicles-3"' in html  # the next one lands on its row
    assert Concern.objects.count() == 0
    assert draft_key(teacher) not in client.session

    # The new blank row is ignored when the concern is sent.
    response = client.post(START, concern_data(**management(vehicles=2)))
    assert response.status_code == 302
    assert len(client.session[draft_key(teacher)]["vehicles"]) == 1


def test_add_another_stops_at_ten(signed_in: Callable[[User], Client], teacher: User) -> None:
    client = signed_in(teacher)
    response = client.post(START, concern_data(add_another="phones", **management(phones=9)))
    html = response.content.decode()
    assert 'name="phones-TOTAL_FORMS" value="10"' in html
    assert 'name="add_another" value="phones"' not in html
    assert "You can add up to 10" in html
    response = client.post(START, concern_data(add_another="phones", **management(phones=10)))
    assert 'name="phones-TOTAL_FORMS" value="10"' in response.content.decode()


def test_a_tampered_row_count_is_an_error_not_a_crash(
    signed_in: Callable[[User], Client], teacher: User
) -> None:
    client = signed_in(teacher)
    response = client.post(START, concern_data(**management(phones=500)))
    assert response.status_code == 200
    assert "You can add up to 10 in each group" in response.content.decode()
    data = concern_data()
    del data["people-TOTAL_FORMS"]
    response = client.post(START, data)
    assert response.status_code == 200
    assert "The form was incomplete when it reached us" in response.content.decode()
    assert Concern.objects.count() == 0


# --- The check page and "Change" -------------------------------------------------------------
def test_the_check_page_without_answers_goes_back_to_the_start(
    signed_in: Callable[[User], Client], teacher: User
) -> None:
    client = signed_in(teacher)
    for response in (client.get(CHECK), client.post(CHECK)):
        assert response.status_code == 302
        assert response["Location"] == START
    assert Concern.objects.count() == 0


def test_change_brings_back_the_answers_to_edit(
    signed_in: Callable[[User], Client], teacher: User
) -> None:
    client = signed_in(teacher)
    client.post(START, concern_data())
    response = client.get(START)
    html = response.content.decode()
    assert "govuk-error-summary" not in html
    assert 'value="Kai"' in html
    assert (
        'id="id_child_date_of_birth_year" name="child_date_of_birth_year" type="text" value="2011"'
        in html
    )
    assert 'value="AB12 CDE"' in html  # shown formatted
    assert 'value="943 476 5919"' in html
    assert re.search(r'value="cce"\s+checked', html)
    assert re.search(r'name="consent_given" type="radio" value="no"\s+checked', html)

    client.post(START, concern_data(child_given_name="Kian"))
    assert "Kian" in client.get(CHECK).content.decode()
    client.post(CHECK)
    concern = Concern.objects.get()
    assert concern.child_given_name == "Kian"


def test_unsent_answers_are_flagged_and_can_be_cleared(
    signed_in: Callable[[User], Client], teacher: User
) -> None:
    client = signed_in(teacher)
    banner = "This form has answers you have not sent yet."
    assert banner not in client.get(START).content.decode()
    client.post(START, concern_data())
    html = client.get(START).content.decode()
    assert banner in html
    assert "Check they are about the right child" in html
    response = client.post(START, {"discard": "yes"})
    assert response.status_code == 302
    assert response["Location"] == START
    assert draft_key(teacher) not in client.session
    html = client.get(START).content.decode()
    assert banner not in html
    assert 'value="Kai"' not in html
    assert Concern.objects.count() == 0


def test_a_draft_belongs_to_its_author_only(
    signed_in: Callable[[User], Client], teacher: User, make_persona: Callable[..., User]
) -> None:
    client = signed_in(teacher)
    client.post(START, concern_data())
    other = make_persona(Role.REFERRER)
    # Even if someone else's draft were in this session, it is not theirs to see or send.
    draft = client.session[draft_key(teacher)]
    client.force_login(other)
    session = client.session
    session[draft_key(teacher)] = draft
    session.save()
    assert client.get(CHECK)["Location"] == START
    assert client.post(CHECK)["Location"] == START
    assert 'value="Kai"' not in client.get(START).content.decode()
    assert Concern.objects.count() == 0


def test_a_service_refusal_is_shown_on_the_form_and_the_draft_is_kept(
    make_persona: Callable[..., User], signed_in: Callable[[User], Client]
) -> None:
    no_agency = make_persona(Role.REFERRER, agency=None)
    client = signed_in(no_agency)
    assert client.post(START, concern_data()).status_code == 302
    response = client.post(CHECK)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your account is not linked to an agency: ask your administrator" in html
    assert "govuk-error-summary" in html
    assert f'action="{START}"' in html
    assert Concern.objects.count() == 0
    assert draft_key(no_agency) in client.session


# --- Who sees the confirmation ---------------------------------------------------------------
def test_only_the_submitter_sees_the_confirmation(
    signed_in: Callable[[User], Client],
    teacher: User,
    hub_social_worker: User,
    make_persona: Callable[..., User],
    client: Client,
) -> None:
    concern = send(signed_in(teacher), concern_data())
    url = reverse("intake:concern_submitted", args=[concern.pk])
    assert client.get(url).status_code == 200
    for someone_else in (
        make_persona(Role.REFERRER),
        hub_social_worker,
        make_persona(Role.HUB_MANAGER),
    ):
        client.force_login(someone_else)
        assert client.get(url).status_code == 404
    client.force_login(teacher)
    assert client.get(reverse("intake:concern_submitted", args=[uuid.uuid4()])).status_code == 404
    views = AccessEvent.objects.filter(
        action=AccessAction.VIEW, object_type="concern", details={"kind": "confirmation"}
    )
    assert list(views.values_list("user", flat=True)) == [teacher.pk]


def test_the_confirmation_page_answers_get_only(
    signed_in: Callable[[User], Client], teacher: User
) -> None:
    client = signed_in(teacher)
    concern = send(client, concern_data())
    response = client.post(reverse("intake:concern_submitted", args=[concern.pk]))
    assert response.status_code == 405


def test_hub_roles_can_raise_concerns_too(
    signed_in: Callable[[User], Client], hub_social_worker: User
) -> None:
    concern = send(signed_in(hub_social_worker), concern_data())
    assert concern.submitted_by == hub_social_worker


def test_a_street_name_with_digits_is_kept_as_an_alias(teacher: User) -> None:
    """Reported only as "D2": the adult is recorded, named as not known, with the alias."""
    concern = submit_concern(
        referrer=teacher,
        child_given_name="Jade",
        child_family_name="Hill",
        what_happened="An adult called D2 collects Jade from the park.",
        involved=Involved(people=[ReportedPerson(known_as="D2")]),
    )
    adult = Person.objects.get(node__involvements__concern=concern)
    assert adult.given_name == "Name not known"
    assert list(adult.aliases.values_list("name", flat=True)) == ["D2"]


# --- Wording that blames the child: shown on submit, kept if the author chooses ----------------
FLAGGED = "She has been putting herself at risk with an older boyfriend."


def test_flagged_wording_comes_back_with_findings_before_anything_is_kept(
    signed_in: Callable[[User], Client], teacher: User
) -> None:
    client = signed_in(teacher)
    data = concern_data(what_happened=FLAGGED)
    response = client.post(START, data)
    assert response.status_code == 200  # shown again, not on to "check your answers"
    html = response.content.decode()
    assert "Check the wording" in html and "2 suggestions" in html
    assert 'href="#id_what_happened"' in html  # the banner links to the field
    assert "Instead, you could write" in html  # findings under the field, without JavaScript
    assert draft_key(teacher) not in client.session
    token = re.search(rf'name="{REVIEW_FIELD}" value="([0-9a-f]+)"', html)
    assert token is not None

    # Different wording that is still flagged is shown again (the token was for other words).
    changed = {**data, "what_happened": "She is sexually active.", REVIEW_FIELD: token[1]}
    again = client.post(START, changed)
    assert again.status_code == 200 and "Check the wording" in again.content.decode()

    # Saving the same wording again keeps it: no hard block, and the choice is recorded.
    concern = send(client, {**data, REVIEW_FIELD: token[1]})
    assert concern.what_happened == FLAGGED
    assert KeptWording.objects.filter(field="concern.what_happened").count() == 2


def test_wording_without_findings_goes_straight_on(
    signed_in: Callable[[User], Client], teacher: User
) -> None:
    client = signed_in(teacher)
    # A child's own words in quotation marks are evidence, not the author's language.
    quoted = 'Jade said "I chose to go with him" and an adult collected her in a car.'
    send(client, concern_data(what_happened=quoted))
    assert not KeptWording.objects.exists()


def test_mistakes_are_shown_as_errors_before_any_wording_review(
    signed_in: Callable[[User], Client], teacher: User
) -> None:
    response = signed_in(teacher).post(
        START, concern_data(what_happened=FLAGGED, immediate_danger="")
    )
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Check the wording" not in html  # one thing at a time: errors first
