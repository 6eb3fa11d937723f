"""National Referral Mechanism: a new referral for a person, and one referral's decisions."""

from django.urls import URLPattern, path

from . import views

urlpatterns: list[URLPattern] = [
    path("people/<uuid:person_id>/nrm/new/", views.nrm_new, name="nrm_new"),
    path("nrm/<uuid:referral_id>/", views.nrm_edit, name="nrm_edit"),
]
