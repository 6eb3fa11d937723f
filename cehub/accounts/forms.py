from __future__ import annotations

from typing import Any

from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.mfa.base.forms import AuthenticateForm as AllauthMFAAuthenticateForm
from allauth.mfa.base.forms import ReauthenticateForm as AllauthMFAReauthenticateForm
from django import forms

from cehub.core.roles import Role

from .models import Agency, Team, User


class UserAccessForm(forms.Form):
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.all(), label="Agency", empty_label="Choose an agency"
    )
    team = forms.ModelChoiceField(
        queryset=Team.objects.select_related("agency"),
        label="Team",
        required=False,
        empty_label="No team",
        help_text="The team must belong to the agency chosen above",
    )
    role = forms.ChoiceField(choices=Role.choices, label="Role", widget=forms.RadioSelect)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        agency, team = cleaned.get("agency"), cleaned.get("team")
        if agency and team and team.agency_id != agency.pk:
            self.add_error("team", "Choose a team in the agency you selected")
        return cleaned


class UserCreateForm(UserAccessForm):
    full_name = forms.CharField(label="Full name", max_length=200)
    email = forms.EmailField(label="Work email address", max_length=254)
    job_title = forms.CharField(label="Job title", max_length=200, required=False)

    field_order = ["full_name", "email", "job_title", "agency", "team", "role"]

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("A user with this email address already exists")
        return email


class UserEditForm(UserAccessForm):
    is_active = forms.TypedChoiceField(
        label="Account status",
        choices=[("true", "Active"), ("false", "Disabled — signs the user out everywhere")],
        coerce=lambda value: value == "true",
        widget=forms.RadioSelect,
    )


class LoginForm(AllauthLoginForm):
    """allauth's sign-in form in GOV.UK style: plain labels, no placeholders (they vanish
    as people type), and the password-reset link shown once, below the form."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["login"].label = "Email address"
        self.fields["login"].widget.attrs.pop("placeholder", None)
        self.fields["login"].widget.attrs["autocomplete"] = "username"
        self.fields["password"].help_text = ""
        self.fields["password"].widget.attrs.pop("placeholder", None)


def _one_time_code_field(field: forms.Field, label: str) -> None:
    field.label = label
    field.help_text = "The 6-digit code from your authenticator app, or a recovery code"
    field.widget.attrs.pop("placeholder", None)
    field.widget.attrs.update(
        {"autocomplete": "one-time-code", "spellcheck": "false", "govuk_width": 10}
    )


class MFAAuthenticateForm(AllauthMFAAuthenticateForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _one_time_code_field(self.fields["code"], "Authenticator code")


class MFAReauthenticateForm(AllauthMFAReauthenticateForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _one_time_code_field(self.fields["code"], "Authenticator code")
